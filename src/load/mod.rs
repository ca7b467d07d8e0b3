//! Loading: reads a project's files into the model, keeping where each value
//! came from. Never judges content beyond what its format requires; that is
//! the check's job.

pub mod beleidsnota;
pub mod document;
pub mod narrative;
pub mod workbook;
pub mod yaml;

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Location};
use crate::model::{Beleidsnota, Document, Fase};

pub const MISSING_INPUT: &str = "L003";

pub const BELEIDSNOTA_FILE: &str = "beleidsnota.yaml";
pub const DOCUMENT_FILE: &str = "bbt.yaml";
pub const TEXT_DIR: &str = "tekst";

/// Everything one document needs: the project's beleidsnota and the document.
#[derive(Debug, Clone)]
pub struct Inputs {
    pub root: PathBuf,
    pub beleidsnota: Beleidsnota,
    pub document: Document,
    /// `<root>/<jaar>/<fase>/`
    pub dir: PathBuf,
    pub workbook: PathBuf,
}

/// Which document of a project to load.
#[derive(Debug, Clone, Copy, Default)]
pub struct Selection {
    /// `None`: the latest year present.
    pub year: Option<i32>,
    pub phase: Option<Fase>,
}

/// The years that have a document in `phase`, ascending.
pub fn years(root: &Path, phase: Fase) -> Vec<i32> {
    let mut years: Vec<i32> = std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .filter(|y| root.join(y.to_string()).join(phase.folder()).join(DOCUMENT_FILE).is_file())
        .collect();
    years.sort_unstable();
    years
}

fn read_text(path: &Path) -> Result<String, Diagnostic> {
    match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|e| {
            let line = 1 + e.as_bytes()[..e.utf8_error().valid_up_to()].iter().filter(|&&b| b == b'\n').count();
            Diagnostic::error(yaml::YAML_SYNTAX, "the file is not valid UTF-8")
                .at(Location::Text { file: path.to_path_buf(), line, column: 1 })
                .hint("save the file as UTF-8")
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(Diagnostic::error(MISSING_INPUT, "the file does not exist")
                .at(Location::File { file: path.to_path_buf() }))
        }
        Err(e) => Err(Diagnostic::error(MISSING_INPUT, format!("cannot read the file: {e}"))
            .at(Location::File { file: path.to_path_buf() })),
    }
}

/// Reads the project's `beleidsnota.yaml`.
pub fn load_beleidsnota(root: &Path) -> (Option<Beleidsnota>, Vec<Diagnostic>) {
    let path = root.join(BELEIDSNOTA_FILE);
    match read_text(&path).and_then(|t| beleidsnota::parse(&path, &t)) {
        Ok((nota, _, diags)) => (Some(nota), diags),
        Err(d) => (None, vec![d]),
    }
}

/// Loads one document of the project at `root`, with everything it needs.
/// Returns `None` when a file could not be read far enough to go on; the
/// diagnostics say why.
pub fn load(root: &Path, sel: Selection) -> (Option<Inputs>, Vec<Diagnostic>) {
    let phase = sel.phase.unwrap_or(Fase::Bo);
    let (nota, mut diags) = load_beleidsnota(root);
    let year = match sel.year {
        Some(y) => y,
        None => match years(root, phase).last() {
            Some(&y) => y,
            None => {
                diags.push(
                    Diagnostic::error(
                        MISSING_INPUT,
                        format!("the project has no document for phase '{}'", phase.folder()),
                    )
                    .at(Location::File { file: root.to_path_buf() })
                    .hint(format!("a document lives in <jaar>/{}/bbt.yaml", phase.folder())),
                );
                return (None, diags);
            }
        },
    };
    let dir = root.join(year.to_string()).join(phase.folder());
    let doc_path = dir.join(DOCUMENT_FILE);
    let docfile = match read_text(&doc_path).and_then(|t| document::parse(&doc_path, &t)) {
        Ok((f, more)) => {
            diags.extend(more);
            Some(f)
        }
        Err(d) => {
            diags.push(d);
            None
        }
    };
    if let Some(f) = &docfile
        && (f.jaar != year || f.fase != phase)
    {
        diags.push(
            Diagnostic::error(
                beleidsnota::BAD_VALUE,
                format!(
                    "bbt.yaml says {} {} but lies in the folder for {} {}",
                    f.fase.folder(),
                    f.jaar,
                    phase.folder(),
                    year
                ),
            )
            .at(f.yaml.loc("begrotingsjaar"))
            .hint("the folder <jaar>/<fase>/ and the file must agree"),
        );
    }
    let workbook = match workbook::find(&dir) {
        Ok(p) => Some(p),
        Err(d) => {
            diags.push(d);
            None
        }
    };
    let (teksten, text_diags) = narrative::load(&dir.join(TEXT_DIR));
    diags.extend(text_diags);
    let (Some(nota), Some(docfile), Some(workbook)) = (nota, docfile, workbook) else {
        return (None, diags);
    };
    let (artikelen, wb_diags) = workbook::load(
        &workbook,
        workbook::Context { jaar: docfile.jaar, fase: docfile.fase, eenheid: docfile.meta.eenheid },
    );
    diags.extend(wb_diags);
    let document = Document {
        jaar: docfile.jaar,
        fase: docfile.fase,
        meta: docfile.meta,
        structuur: docfile.structuur,
        artikelen,
        teksten,
    };
    (Some(Inputs { root: root.to_path_buf(), beleidsnota: nota, document, dir, workbook }), diags)
}
