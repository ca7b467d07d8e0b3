//! The narrative: Markdown files under `<jaar>/<fase>/tekst/`, one per SD/OD
//! named after its id (`sd-gelijke-kansen.md`), plus `inleiding.md`.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::{Diagnostic, Location};
use crate::model::{Id, Tekst, Teksten};

pub const UNREADABLE_TEXT: &str = "T001";

pub fn load(dir: &Path) -> (Teksten, Vec<Diagnostic>) {
    let mut teksten = Teksten::default();
    let mut diags = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        // No texts at all: the check reports each missing one.
        return (teksten, diags);
    };
    let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    let mut per_id = BTreeMap::new();
    for path in files {
        if path.extension().and_then(|e| e.to_str()) != Some("md") || !path.is_file() {
            continue;
        }
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()).map(str::to_string) else { continue };
        let markdown = match std::fs::read(&path).map(String::from_utf8) {
            Ok(Ok(s)) => s.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(s).replace("\r\n", "\n"),
            Ok(Err(_)) => {
                teksten.onleesbaar.insert(Id(stem.clone()));
                diags.push(
                    Diagnostic::error(UNREADABLE_TEXT, "the text is not valid UTF-8")
                        .at(Location::File { file: path.clone() })
                        .hint("save the file as UTF-8"),
                );
                continue;
            }
            Err(e) => {
                teksten.onleesbaar.insert(Id(stem.clone()));
                diags.push(
                    Diagnostic::error(UNREADABLE_TEXT, format!("cannot read the text: {e}"))
                        .at(Location::File { file: path.clone() }),
                );
                continue;
            }
        };
        let tekst = Tekst { markdown, file: path };
        if stem == "inleiding" {
            teksten.inleiding = Some(tekst);
        } else {
            per_id.insert(Id(stem), tekst);
        }
    }
    teksten.per_id = per_id;
    (teksten, diags)
}
