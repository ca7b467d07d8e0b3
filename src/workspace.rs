//! Many projects at once: every minister's BBT of a government in one
//! command, rendered in parallel across the cores.
//!
//! A workspace is a folder whose subfolders are projects, or a text file
//! listing project folders (one per line, relative to the file; blank lines
//! and `#` comments skipped). Each project is one [`job`]; a failing project
//! does not stop the others, and the exit code is the highest of any.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::diag::{Diagnostic, Location};
use crate::load::BELEIDSNOTA_FILE;
use crate::pipeline::job::{self, Failure, Outcome, RenderOptions, Session};
use crate::rules;

/// The project folders `path` names: itself when it holds a beleidsnota (or
/// holds no project at all, so that loading it reports what is missing), its
/// subfolders that hold one, or the folders a list file names.
pub fn projects(path: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    if path.is_file() {
        return list_file(path);
    }
    if path.join(BELEIDSNOTA_FILE).is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir(path)
        .map(|entries| {
            entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.join(BELEIDSNOTA_FILE).is_file()).collect()
        })
        .unwrap_or_default();
    found.sort();
    if found.is_empty() {
        found.push(path.to_path_buf());
    }
    Ok(found)
}

fn list_file(path: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let text = std::fs::read(path).map_err(|e| {
        rules::UNREADABLE_LIST
            .report(crate::tr!("l005-unreadable", fout = crate::i18n::io_error(&e)))
            .at(Location::File { file: path.to_path_buf() })
    })?;
    let text = String::from_utf8(text).map_err(|e| {
        let line = text_line(e.as_bytes(), e.utf8_error().valid_up_to());
        rules::UNREADABLE_LIST.report(crate::tr!("l005-utf8")).at(Location::Text {
            file: path.to_path_buf(),
            line,
            column: 1,
        })
    })?;
    let base = path.parent().unwrap_or(Path::new("."));
    Ok(dedupe(
        text.lines()
            .map(|l| l.trim_start_matches('\u{feff}'))
            // `#` starts a comment at the start of a line or after a space.
            .map(|l| {
                if l.starts_with('#') { "" } else { l.split(" #").next().unwrap_or(l).split("\t#").next().unwrap_or(l) }
            })
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| base.join(l))
            .collect(),
    ))
}

/// `paths` without the folders named twice (`welzijn`, `./welzijn/`): one
/// project is checked and rendered once. The first naming is kept.
pub fn dedupe(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut seen = std::collections::HashSet::new();
    paths.into_iter().filter(|p| seen.insert(p.canonicalize().unwrap_or_else(|_| p.clone()))).collect()
}

/// For each project whose beleidsnota gives the id of a project before it
/// (in the order given), that earlier project: the later one does not write
/// its PDF, whichever thread gets there first (L007 names it too).
fn same_ids(projects: &[PathBuf]) -> HashMap<PathBuf, PathBuf> {
    let mut first: HashMap<String, &PathBuf> = HashMap::new();
    let mut later = HashMap::new();
    for root in projects {
        let Ok(nota) = crate::load::load_beleidsnota(root) else { continue };
        match first.get(nota.id.as_str()) {
            Some(earlier) => {
                later.insert(root.clone(), (*earlier).clone());
            }
            None => {
                first.insert(nota.id.as_str().to_string(), root);
            }
        }
    }
    later
}

fn text_line(bytes: &[u8], offset: usize) -> usize {
    bytes.iter().take(offset).filter(|b| **b == b'\n').count() + 1
}

/// The outcomes of a workspace render, in the order of the projects.
pub struct Report {
    pub outcomes: Vec<Outcome>,
    /// Findings over all projects together (compensaties must net to zero
    /// over the whole budget).
    pub across: Vec<Diagnostic>,
}

impl Report {
    pub fn exit_code(&self) -> u8 {
        let across = if self.across.iter().any(Diagnostic::is_error) {
            crate::pipeline::exit::INVALID
        } else {
            crate::pipeline::exit::OK
        };
        self.outcomes.iter().map(Outcome::exit_code).fold(across, u8::max)
    }
}

/// Renders every project with `jobs` threads, largest first so the cores
/// stay busy to the end; `done` is called as each project finishes.
pub fn render_all(projects: &[PathBuf], opts: &RenderOptions, jobs: usize, done: &(dyn Fn(&Outcome) + Sync)) -> Report {
    let mut order: Vec<usize> = (0..projects.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(projects.get(i).map_or(0, |p| folder_size(p))));
    let next = AtomicUsize::new(0);
    let claims: Mutex<HashMap<PathBuf, PathBuf>> = Mutex::new(HashMap::new());
    let refused = same_ids(projects);
    let results: Mutex<Vec<(usize, Outcome)>> = Mutex::new(Vec::with_capacity(projects.len()));
    std::thread::scope(|scope| {
        for _ in 0..jobs.clamp(1, projects.len().max(1)) {
            scope.spawn(|| {
                let mut session = Session::default();
                while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let Some(root) = projects.get(i) else { break };
                    let claim = |pdf: &Path| match refused.get(root) {
                        Some(other) => Err(Failure::SameOutput { pdf: pdf.to_path_buf(), other: other.clone() }),
                        None => claim(&claims, pdf, root),
                    };
                    let outcome = job::render_project_with(root, opts, &mut session, &claim);
                    typst::comemo::evict(10);
                    done(&outcome);
                    if let Ok(mut r) = results.lock() {
                        r.push((i, outcome));
                    }
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by_key(|(i, _)| *i);
    let outcomes: Vec<Outcome> = results.into_iter().map(|(_, o)| o).collect();
    let loaded: Vec<&crate::load::Inputs> = outcomes.iter().filter_map(|o| o.inputs.as_ref()).collect();
    let across = if loaded.len() > 1 { crate::check::across(&loaded) } else { Vec::new() };
    Report { outcomes, across }
}

/// Claims the output path `pdf` for the project at `root`: two projects with
/// the same id would write the same file.
fn claim(claims: &Mutex<HashMap<PathBuf, PathBuf>>, pdf: &Path, root: &Path) -> Result<(), Failure> {
    let mut claims = claims.lock().unwrap_or_else(|e| e.into_inner());
    match claims.get(pdf) {
        Some(other) if other != root => Err(Failure::SameOutput { pdf: pdf.to_path_buf(), other: other.clone() }),
        _ => {
            claims.insert(pdf.to_path_buf(), root.to_path_buf());
            Ok(())
        }
    }
}

/// The bytes under `dir`, as the expected cost of rendering it.
fn folder_size(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(entry.path()),
                Ok(t) if t.is_file() => total += entry.metadata().map(|m| m.len()).unwrap_or(0),
                _ => {}
            }
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_file_names_projects_relative_to_itself() {
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("werkruimte.txt");
        std::fs::write(&list, "\u{feff}# de ministers\nwelzijn  # Welzijn\n\n  omgeving  \r\n../elders/onderwijs#2\n")
            .unwrap();
        let found = projects(&list).unwrap();
        assert_eq!(
            found,
            vec![dir.path().join("welzijn"), dir.path().join("omgeving"), dir.path().join("../elders/onderwijs#2")]
        );
    }

    #[test]
    fn a_folder_of_projects_lists_those_holding_a_beleidsnota() {
        let dir = tempfile::tempdir().unwrap();
        for p in ["b", "a", "c"] {
            std::fs::create_dir_all(dir.path().join(p)).unwrap();
        }
        std::fs::write(dir.path().join("b").join(BELEIDSNOTA_FILE), "").unwrap();
        std::fs::write(dir.path().join("a").join(BELEIDSNOTA_FILE), "").unwrap();
        assert_eq!(projects(dir.path()).unwrap(), vec![dir.path().join("a"), dir.path().join("b")]);
        // A project folder is itself.
        assert_eq!(projects(&dir.path().join("a")).unwrap(), vec![dir.path().join("a")]);
        // A folder with no project is loaded as one, to report what is missing.
        assert_eq!(projects(&dir.path().join("c")).unwrap(), vec![dir.path().join("c")]);
    }

    #[test]
    fn non_utf8_list_is_reported_at_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("lijst.txt");
        std::fs::write(&list, b"a\nb\xff\n").unwrap();
        let d = projects(&list).unwrap_err();
        assert_eq!(d.code, rules::UNREADABLE_LIST);
        assert!(matches!(d.location, Some(Location::Text { line: 2, .. })), "{:?}", d.location);
    }
}
