//! The texts the studio edits: read from and saved to the element's file,
//! never over a version the writer did not see.
//!
//! Each read returns the file with its *version* (a hash of its bytes; a
//! missing file is the empty text). A save names the version it was made
//! from; when the file on disk is no longer that version (the writer's own
//! editor saved it meanwhile), nothing is written and both texts go back to
//! the page. Saves are atomic ([`crate::output::write_atomic`]) and one at a
//! time.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use serde::Serialize;

/// One save at a time: the check of the version and the write are one step.
static SAVING: Mutex<()> = Mutex::new(());

/// The largest text the studio saves (a BBT's longest text is some tens of
/// kilobytes).
pub const MAX_TEXT: usize = 2 * 1024 * 1024;

/// Whether `id` is safe as a file name: letters, digits, `-`, `_` and `.`,
/// not starting with a dot, at most 200 characters.
pub fn veilige_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && !id.starts_with('.')
        && id.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// A text as read from disk.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Tekst {
    pub markdown: String,
    pub versie: String,
    /// Whether the file exists (else the text is new).
    pub bestaat: bool,
}

/// The version of a text: a hash of its bytes.
pub fn versie(bytes: &[u8]) -> String {
    format!("{:032x}", typst::utils::hash128(bytes))
}

/// Why a text cannot be read or saved.
#[derive(Debug)]
pub enum TekstFout {
    /// The file is not UTF-8 (the loader reports where).
    GeenUtf8,
    /// The file is not inside the project (a link out of it).
    BuitenProject,
    Io(std::io::Error),
}

/// Reads the text at `pad` (a missing file is the empty, new text).
pub fn lees(root: &Path, pad: &Path) -> Result<Tekst, TekstFout> {
    binnen_project(root, pad)?;
    match std::fs::read(pad) {
        Ok(bytes) => {
            let v = versie(&bytes);
            let s = String::from_utf8(bytes).map_err(|_| TekstFout::GeenUtf8)?;
            Ok(Tekst {
                markdown: s.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(s),
                versie: v,
                bestaat: true,
            })
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Ok(Tekst { markdown: String::new(), versie: versie(b""), bestaat: false })
        }
        Err(e) => Err(TekstFout::Io(e)),
    }
}

/// What a save did.
#[derive(Debug, PartialEq)]
pub enum Opgeslagen {
    /// Written; the new version.
    Bewaard { versie: String },
    /// The file changed on disk since version `basis`: nothing written; what
    /// is on disk now.
    Conflict { schijf: Tekst },
}

/// Saves `markdown` to `pad` if the file is still at version `basis`.
pub fn bewaar(root: &Path, pad: &Path, markdown: &str, basis: &str) -> Result<Opgeslagen, TekstFout> {
    let _saving = SAVING.lock().unwrap_or_else(PoisonError::into_inner);
    let schijf = lees(root, pad)?;
    if schijf.versie != basis {
        return Ok(Opgeslagen::Conflict { schijf });
    }
    crate::output::write_atomic(pad, markdown.as_bytes()).map_err(TekstFout::Io)?;
    Ok(Opgeslagen::Bewaard { versie: versie(markdown.as_bytes()) })
}

/// Refuses a path that resolves outside the project: the file itself when it
/// exists (it may be a link), else the nearest folder above it that exists.
fn binnen_project(root: &Path, pad: &Path) -> Result<(), TekstFout> {
    let root = root.canonicalize().map_err(TekstFout::Io)?;
    let bestaand: Option<PathBuf> = pad.ancestors().find_map(|a| a.canonicalize().ok());
    match bestaand {
        Some(p) if p.starts_with(&root) => Ok(()),
        _ => Err(TekstFout::BuitenProject),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_are_no_safe_file_names_are_refused() {
        for id in ["od-x", "sd_1", "OD.2", "ise-ü"] {
            assert!(veilige_id(id), "{id}");
        }
        for id in ["", "../x", "a/b", "a\\b", ".hidden", "x y", "x\0"] {
            assert!(!veilige_id(id), "{id:?}");
        }
    }

    #[test]
    fn a_save_never_overwrites_a_version_it_did_not_see() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let pad = root.join("tekst").join("od-x.md");
        let nieuw = lees(root, &pad).unwrap();
        assert!(!nieuw.bestaat);
        let Opgeslagen::Bewaard { versie: v1 } = bewaar(root, &pad, "Eerste.", &nieuw.versie).unwrap() else {
            panic!("the first save of a new text is written")
        };
        assert_eq!(std::fs::read_to_string(&pad).unwrap(), "Eerste.");
        // Another editor saves meanwhile.
        std::fs::write(&pad, "Van elders.").unwrap();
        let r = bewaar(root, &pad, "Tweede.", &v1).unwrap();
        assert!(matches!(&r, Opgeslagen::Conflict { schijf } if schijf.markdown == "Van elders."));
        assert_eq!(std::fs::read_to_string(&pad).unwrap(), "Van elders.");
        // Saved again from what is on disk now: written.
        let schijf = lees(root, &pad).unwrap();
        assert!(matches!(bewaar(root, &pad, "Derde.", &schijf.versie).unwrap(), Opgeslagen::Bewaard { .. }));
        assert_eq!(std::fs::read_to_string(&pad).unwrap(), "Derde.");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_project_is_neither_read_nor_written() {
        let buiten = tempfile::tempdir().unwrap();
        std::fs::write(buiten.path().join("geheim.md"), "geheim").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("tekst")).unwrap();
        std::os::unix::fs::symlink(buiten.path().join("geheim.md"), root.join("tekst").join("od-x.md")).unwrap();
        let pad = root.join("tekst").join("od-x.md");
        assert!(matches!(lees(root, &pad), Err(TekstFout::BuitenProject)));
        assert!(matches!(bewaar(root, &pad, "x", &versie(b"geheim")), Err(TekstFout::BuitenProject)));
        assert_eq!(std::fs::read_to_string(buiten.path().join("geheim.md")).unwrap(), "geheim");
    }
}
