//! Writing outputs: atomically, or not at all.
//!
//! A file is written to a temporary file in the target folder and renamed
//! into place, so a reader (or a crash) never sees half a PDF, and on any
//! error the previous file stays as it was.

use std::io::Write;
use std::path::Path;
use std::sync::{Mutex, PoisonError};

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
