//! The narrative: Markdown files under `<jaar>/<fase>/tekst/`, one per SD/OD
//! named after its id (`sd-gelijke-kansen.md`), plus `inleiding.md`.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::{Diagnostic, Location};
use crate::model::{Id, Tekst, Teksten};
use crate::{rules, tr};

/// Reads the texts in `dir`, the `tekst/` folder of a document of the
/// project at `root`.
/// The name a file in `tekst/` that is not read was most likely meant to
/// have: `od-x.md` for `od-x.md.txt`, `od-x.txt`, `od-x.MD` or
/// `od-x.markdown`; `None` for other files (an image, a spreadsheet).
fn meant_as_text(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let lower = name.to_ascii_lowercase();
    let stem = [".md.txt", ".markdown", ".txt", ".md"]
        .iter()
        .find_map(|ext| lower.ends_with(ext).then(|| name.get(..name.len() - ext.len())).flatten())?;
    (!stem.is_empty()).then(|| format!("{stem}.md"))
}

pub fn load(root: &Path, dir: &Path) -> (Teksten, Vec<Diagnostic>) {
    let mut teksten = Teksten::default();
    let mut diags = Vec::new();
    // Texts may be grouped in folders that follow the structure
    // (tekst/<beleidsveld>/<sd>/<od>.md); a file is known by its name.
    // Links are followed within the project only, each folder once.
    let mut files = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        if let Err(refused) = super::inside_project(root, &d) {
            diags.push(refused);
            continue;
        }
        // A folder that exists but cannot be read is an error naming it: a
        // document must never lose its texts in silence. A missing `tekst/`
        // is no error here: every element without a text is reported.
        let unreadable = |e: std::io::Error| {
            rules::UNREADABLE_TEXT
                .report(tr!("t001-folder", fout = crate::i18n::io_error(&e)))
                .at(Location::File { file: d.clone() })
                .hint(tr!("t001-folder.hint"))
        };
        let entries = match std::fs::read_dir(&d) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && d == dir => continue,
            Err(e) => {
                diags.push(unreadable(e));
                continue;
            }
        };
        match d.canonicalize() {
            Ok(c) => {
                if !seen.insert(c) {
                    continue;
                }
            }
            Err(e) => {
                diags.push(unreadable(e));
                continue;
            }
        }
        for e in entries {
            let path = match e {
                Ok(e) => e.path(),
                Err(e) => {
                    diags.push(unreadable(e));
                    continue;
                }
            };
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => stack.push(path),
                // Files, and what only pretends to be one (a pipe, a device,
                // a link to nothing): each is reported when it is a text.
                _ => files.push(path),
            }
        }
    }
    files.sort();
    let mut per_id = BTreeMap::new();
    for path in files {
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            // `od-x.md.txt` (saved by Kladblok) or `od-x.MD` is meant as a
            // text but is not read: say so rather than leave it out unseen.
            if let Some(meant) = meant_as_text(&path) {
                diags.push(
                    rules::STRAY_TEXT
                        .report(tr!(
                            "s012-not-md",
                            bestand = path.file_name().map(|f| f.to_string_lossy()).unwrap_or_default()
                        ))
                        .at(Location::File { file: path.clone() })
                        .hint(tr!("s012-not-md.hint", naam = meant)),
                );
            }
            continue;
        }
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()).map(str::to_string) else { continue };
        if let Err(refused) = super::inside_project(root, &path) {
            teksten.onleesbaar.insert(Id(stem.clone()));
            diags.push(refused);
            continue;
        }
        if let Err(refused) = super::regular_file(&path) {
            teksten.onleesbaar.insert(Id(stem.clone()));
            diags.push(Diagnostic { code: rules::UNREADABLE_TEXT.code, ..refused });
            continue;
        }
        let markdown = match std::fs::read(&path).map(String::from_utf8) {
            Ok(Ok(s)) => s.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(s).replace("\r\n", "\n"),
            Ok(Err(e)) => {
                teksten.onleesbaar.insert(Id(stem.clone()));
                let (line, column) = super::utf8_error_place(&e);
                diags.push(
                    rules::UNREADABLE_TEXT
                        .report(tr!("t001-utf8"))
                        .at(Location::Text { file: path.clone(), line, column })
                        .hint(tr!("t001-utf8.hint")),
                );
                continue;
            }
            Err(e) => {
                teksten.onleesbaar.insert(Id(stem.clone()));
                diags.push(
                    rules::UNREADABLE_TEXT
                        .report(tr!("t001-unreadable", fout = crate::i18n::io_error(&e)))
                        .at(Location::File { file: path.clone() }),
                );
                continue;
            }
        };
        let tekst = Tekst { markdown, file: path };
        if stem == crate::model::INLEIDING {
            teksten.inleiding = Some(tekst);
        } else if let Some(first) = per_id.get(&Id(stem.clone())) {
            let first: &Tekst = first;
            diags.push(
                rules::UNREADABLE_TEXT
                    .report(tr!("t001-twice", id = &stem))
                    .at(Location::File { file: tekst.file.clone() })
                    .related(Location::File { file: first.file.clone() }, tr!("t001-twice.other"))
                    .hint(tr!("t001-twice.hint")),
            );
        } else {
            per_id.insert(Id(stem), tekst);
        }
    }
    teksten.per_id = per_id;
    (teksten, diags)
}
