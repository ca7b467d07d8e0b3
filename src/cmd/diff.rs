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

/// Loads the document in `dir` (`<project>/<jaar>/<fase>`) for a diff.
fn load_document_dir(dir: &Path) -> Result<load::Inputs, u8> {
    let fase = dir.file_name().and_then(|f| f.to_str()).and_then(Fase::parse_folder);
    let jaar = dir.parent().and_then(|p| p.file_name()).and_then(|f| f.to_str()).and_then(|y| y.parse::<i32>().ok());
    let root = dir.parent().and_then(Path::parent);
    let (Some(fase), Some(jaar), Some(root)) = (fase, jaar, root) else {
        console::error(tr!("diff-not-document", map = dir.display()));
        console::help(tr!("diff-not-document-help"));
        return Err(FAILURE);
    };
    let (inputs, diags) = load::load(root, &Selection { year: Some(jaar), phase: Some(fase), previous: None });
    match inputs {
        Some(i) if !diags.iter().any(Diagnostic::is_error) => Ok(i),
        _ => {
            print_diagnostics(&diags, Format::Human);
            console::error(tr!(
                "diff-unreadable",
                map = dir.display(),
                project = root.display(),
                jaar = jaar,
                fase = fase.folder()
            ));
            Err(INVALID)
        }
    }
}

pub fn diff(old: &Path, new: &Path, output: Option<&Path>) -> u8 {
    let (old, new) = match (load_document_dir(old), load_document_dir(new)) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(c), _) | (_, Err(c)) => return c,
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
