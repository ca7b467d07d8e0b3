//! `bbt diff OLD NEW [-o DIR]`: what changed between two documents.

use std::path::Path;

use bbt::diag::Diagnostic;
use bbt::load::{self, Selection};
use bbt::model::Fase;
use bbt::pipeline::exit::{FAILURE, INVALID, OK};
use bbt::tr;

use super::{print_diagnostics, report_render_error, source_date_epoch};
use crate::cli::Format;
use crate::console::{self, say, to_stdout};

/// Why a document could not be compared: a usage error (said already), or
/// diagnostics to print and the line that says which document.
enum Unloaded {
    Usage,
    Invalid(Vec<Diagnostic>, String),
}

/// Loads the document in `dir` (`<project>/<jaar>/<fase>`) for a diff.
fn load_document_dir(dir: &Path) -> Result<load::Inputs, Unloaded> {
    if !dir.is_dir() {
        console::error(tr!("diff-no-folder", map = dir.display()));
        console::help(tr!("diff-not-document-help"));
        return Err(Unloaded::Usage);
    }
    let fase = dir.file_name().and_then(|f| f.to_str()).and_then(Fase::parse_folder);
    let jaar = dir.parent().and_then(|p| p.file_name()).and_then(|f| f.to_str()).and_then(|y| y.parse::<i32>().ok());
    let root = dir.parent().and_then(Path::parent);
    let (Some(fase), Some(jaar), Some(root)) = (fase, jaar, root) else {
        console::error(tr!("diff-not-document", map = dir.display()));
        console::help(tr!("diff-not-document-help"));
        return Err(Unloaded::Usage);
    };
    let (inputs, diags) =
        load::load(root, &Selection { year: Some(jaar), phase: Some(fase), previous: None, workbook: None });
    match inputs {
        Some(i) if !diags.iter().any(Diagnostic::is_error) => Ok(i),
        _ => Err(Unloaded::Invalid(
            diags,
            tr!("diff-unreadable", map = dir.display(), project = root.display(), jaar = jaar, fase = fase.folder()),
        )),
    }
}

pub fn diff(old: &Path, new: &Path, output: Option<&Path>) -> u8 {
    let (old, new) = match (load_document_dir(old), load_document_dir(new)) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(Unloaded::Usage), _) | (_, Err(Unloaded::Usage)) => return FAILURE,
        (a, b) => {
            // Both documents' problems, each once (they share the beleidsnota).
            let mut shown: Vec<Diagnostic> = Vec::new();
            let mut lines = Vec::new();
            for failed in [a.err(), b.err()].into_iter().flatten() {
                if let Unloaded::Invalid(diags, line) = failed {
                    for d in diags {
                        if !shown.contains(&d) {
                            shown.push(d);
                        }
                    }
                    lines.push(line);
                }
            }
            print_diagnostics(&shown, Format::Human);
            for line in lines {
                console::error(line);
            }
            return INVALID;
        }
    };
    for project in [&old.root, &new.root] {
        if let Some(Err(e)) = output.map(|dir| bbt::output::check_output_folder(dir, project)) {
            console::error(e);
            console::help(tr!("output-folder-other-help"));
            return FAILURE;
        }
    }
    let d = bbt::diff::diff(&old, &new);
    to_stdout(bbt::diff::report(&d).as_bytes());
    let Some(dir) = output else { return OK };
    let sde = match source_date_epoch() {
        Ok(sde) => sde,
        Err(code) => return code,
    };
    let (pdf, pages) = match bbt::pipeline::pdf::render_diff(&d, &new, sde) {
        Ok(x) => x,
        Err(e) => {
            report_render_error(&e);
            return FAILURE;
        }
    };
    let path = dir.join(bbt::diff::pdf_name(&old, &new));
    if let Err(e) = bbt::output::write_atomic(&path, &pdf) {
        console::error(tr!("cannot-write", pad = path.display(), fout = bbt::i18n::io_error(&e)));
        return FAILURE;
    }
    say!("{}", tr!("wrote-diff", pad = path.display(), paginas = bbt::i18n::n(pages)));
    OK
}
