//! Writing outputs: atomically, or not at all.
//!
//! A file is written to a temporary file in the target folder and renamed
//! into place, so a reader (or a crash) never sees half a PDF, and on any
//! error the previous file stays as it was.

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use crate::tr;

/// Held while a file is being written, so that an interruption waits for the
/// write to finish (or not start) instead of leaving a temporary behind.
static WRITING: Mutex<()> = Mutex::new(());

/// Writes `bytes` to `path` atomically; creates the folder if needed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let _writing = WRITING.lock().unwrap_or_else(PoisonError::into_inner);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new().prefix(".bbt-").suffix(".tmp").tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    // A temporary file is private (0600); the output is an ordinary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Refuses an output folder that cannot be one: a file stands where it or
/// one of the folders above it would be (`-o rapport.pdf`), or it is one of
/// the project's own input folders: the project folder itself, or anything
/// inside a year folder (`<jaar>/`, which holds the documents
/// `<jaar>/<fase>/` and their `tekst/`). Another folder inside the project,
/// such as `output/`, is allowed: the loader reads none of them. Returns the
/// message for the user.
pub fn check_output_folder(output: &Path, project: &Path) -> Result<(), String> {
    if let Some(file) = output.ancestors().filter(|a| !a.as_os_str().is_empty()).find(|a| a.is_file()) {
        return Err(tr!("output-is-file", uitvoer = output.display(), bestand = file.display()));
    }
    let (Some(out), Some(root)) = (resolve(output), resolve(project)) else { return Ok(()) };
    let refused = if out == root {
        Some(tr!("output-is-project", uitvoer = output.display(), project = project.display()))
    } else if let Ok(rest) = out.strip_prefix(&root)
        && rest.components().next().is_some_and(|c| {
            matches!(c, Component::Normal(n) if n.to_str().is_some_and(|y| !y.is_empty() && y.bytes().all(|b| b.is_ascii_digit())))
        })
    {
        Some(tr!("output-in-year", uitvoer = output.display(), project = project.display()))
    } else {
        None
    };
    refused.map_or(Ok(()), Err)
}

/// Refuses `output` when it is the folder `inputs` itself (a workspace
/// folder, which holds the horizontal plan beside its projects).
pub fn check_output_not_in(output: &Path, inputs: &Path) -> Result<(), String> {
    match (resolve(output), resolve(inputs)) {
        (Some(out), Some(folder)) if out == folder => {
            Err(tr!("output-is-workspace", uitvoer = output.display(), map = inputs.display()))
        }
        _ => Ok(()),
    }
}

/// `path` made absolute with its links resolved, also when (the end of) it
/// does not exist yet: the nearest existing ancestor is resolved and the
/// rest appended.
fn resolve(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(c) = existing.canonicalize() {
            let mut out = c;
            for part in rest.iter().rev() {
                match part {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::Normal(n) => out.push(n),
                    _ => {}
                }
            }
            return Some(out);
        }
        rest.push(existing.components().next_back()?);
        existing = existing.parent()?;
    }
}

/// Ends the process with `code` as soon as no write is in progress: every
/// output is then either the previous file or the new one, whole, and no
/// temporary file is left. For SIGINT and SIGTERM.
pub fn exit_between_writes(code: u8) -> ! {
    let _writing = WRITING.lock().unwrap_or_else(PoisonError::into_inner);
    std::process::exit(i32::from(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_the_project_s_input_folders_as_output() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("project");
        std::fs::create_dir_all(root.join("2025/bo/tekst")).unwrap();
        std::fs::create_dir_all(root.join("output")).unwrap();
        std::fs::write(root.join("rapport.pdf"), b"").unwrap();
        let cases: &[(&str, bool)] = &[
            (".", false),
            ("2025", false),
            ("2025/bo", false),
            ("2025/bo/tekst", false),
            ("2026/bo", false),
            ("2025/bo/../..", false),
            ("output", true),
            ("output/sub", true),
            ("pdf", true),
            ("..", true),
            ("../elsewhere", true),
            ("rapport.pdf", false),
            ("rapport.pdf/sub", false),
        ];
        for (out, allowed) in cases {
            let got = check_output_folder(&root.join(out), &root);
            assert_eq!(got.is_ok(), *allowed, "{out}: {got:?}");
        }
        // Through a link into the project, and relative to the working folder.
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.join("2025/bo"), dir.path().join("link")).unwrap();
            assert!(check_output_folder(&dir.path().join("link"), &root).is_err());
            assert!(check_output_folder(&dir.path().join("link/new"), &root).is_err());
        }
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("x.pdf");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> =
            std::fs::read_dir(dir.path().join("sub")).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("x.pdf")]);
    }
}
