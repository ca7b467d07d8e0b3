//! The template set: the Typst and minijinja templates and the fonts a
//! document is typeset with, held in memory.
//!
//! The bundled set is compiled into the binary (so `bbt` works from any
//! folder and renders the same bytes everywhere); `--templates DIR` reads
//! another set from a folder, once, before typesetting. Typst then reads
//! nothing from disk: the World serves only these files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

/// Files of the bundled set: (path inside the set, contents).
const BUNDLED: &[(&str, &[u8])] = &[
    ("main.typ.j2", include_bytes!("../templates/main.typ.j2")),
    ("bbt.typ", include_bytes!("../templates/bbt.typ")),
    ("verschillen.typ.j2", include_bytes!("../templates/verschillen.typ.j2")),
    ("horizontaal.typ.j2", include_bytes!("../templates/horizontaal.typ.j2")),
    ("fonts/NotoSans-Regular.ttf", include_bytes!("../templates/fonts/NotoSans-Regular.ttf")),
    ("fonts/NotoSans-Bold.ttf", include_bytes!("../templates/fonts/NotoSans-Bold.ttf")),
    ("fonts/NotoSans-Italic.ttf", include_bytes!("../templates/fonts/NotoSans-Italic.ttf")),
    ("fonts/NotoSans-BoldItalic.ttf", include_bytes!("../templates/fonts/NotoSans-BoldItalic.ttf")),
    ("fonts/OFL.txt", include_bytes!("../templates/fonts/OFL.txt")),
];

/// A template set can hold at most this many bytes (fonts included).
pub const MAX_SET_BYTES: u64 = 256 * 1024 * 1024;

/// A set of template files, keyed by their `/`-separated path inside the set.
/// The contents are shared: a clone of a set (the bundled one is cloned for
/// every render and every cycle of a watch or studio) copies no bytes.
#[derive(Debug, Clone)]
pub struct TemplateSet {
    pub files: BTreeMap<String, Arc<[u8]>>,
    /// The folder it was read from; `None` for the bundled set.
    pub dir: Option<PathBuf>,
}

impl TemplateSet {
    pub fn bundled() -> TemplateSet {
        static SET: LazyLock<TemplateSet> = LazyLock::new(|| TemplateSet {
            files: BUNDLED.iter().map(|(p, b)| (p.to_string(), Arc::from(*b))).collect(),
            dir: None,
        });
        SET.clone()
    }

    /// Reads every regular file under `dir`. Symbolic links are not followed.
    pub fn from_dir(dir: &Path) -> std::io::Result<TemplateSet> {
        let mut files = BTreeMap::new();
        let mut total = 0u64;
        let mut stack = vec![(dir.to_path_buf(), String::new())];
        while let Some((path, prefix)) = stack.pop() {
            for entry in std::fs::read_dir(&path)? {
                let entry = entry?;
                let kind = entry.file_type()?;
                let Some(name) = entry.file_name().to_str().map(str::to_string) else { continue };
                let rel = if prefix.is_empty() { name } else { format!("{prefix}/{name}") };
                if kind.is_dir() {
                    stack.push((entry.path(), rel));
                } else if kind.is_file() {
                    total += entry.metadata()?.len();
                    if total > MAX_SET_BYTES {
                        return Err(std::io::Error::other(format!(
                            "the template folder holds more than {} MiB",
                            MAX_SET_BYTES / 1024 / 1024
                        )));
                    }
                    files.insert(rel, Arc::from(std::fs::read(entry.path())?));
                }
            }
        }
        Ok(TemplateSet { files, dir: Some(dir.to_path_buf()) })
    }

    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(|b| &**b)
    }

    /// Where a file of the set is, for messages.
    pub fn display(&self, path: &str) -> String {
        match &self.dir {
            Some(d) => d.join(path).display().to_string(),
            None => format!("templates/{path} (bundled)"),
        }
    }

    /// Adds a file that the document attaches (served to Typst from memory,
    /// beside the templates, and written with them by `--emit-typ`).
    pub fn attach(&mut self, path: &str, bytes: &[u8]) {
        self.files.insert(path.to_string(), Arc::from(bytes));
    }

    /// Whether `other` holds the same files with the same contents. Shared
    /// contents (a clone of the same set) are not compared byte by byte.
    pub fn same_files(&self, other: &TemplateSet) -> bool {
        self.files.len() == other.files.len()
            && self.files.iter().zip(&other.files).all(|((p, a), (q, b))| p == q && (Arc::ptr_eq(a, b) || a == b))
    }

    /// Whether this is the bundled set (its errors are bbt's bugs).
    pub fn is_bundled(&self) -> bool {
        self.dir.is_none()
    }
}
