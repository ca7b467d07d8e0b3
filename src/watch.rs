//! `bbt watch`: re-check and re-render whenever an input or template changes.
//!
//! One [`Session`] lives for the whole watch, so every re-render compiles in
//! the same Typst World and reuses Typst's incremental cache; after each
//! cycle the cache is trimmed (`comemo::evict`), as typst-cli does, so memory
//! stays flat however long the watch runs. A cycle that finds the inputs
//! broken (a half-saved workbook, a YAML syntax error) reports and waits for
//! the next change; nothing stops the watch but a signal.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecursiveMode, Watcher};

use crate::pipeline::job::{self, Outcome, RenderOptions, Session};

/// How long the inputs must stay quiet before a cycle starts: an editor's
/// save is several events (write a temporary, rename, touch the lock file).
pub const SETTLE: Duration = Duration::from_millis(150);
/// A cycle starts at the latest this long after the first change, even if
/// events keep coming.
pub const MAX_WAIT: Duration = Duration::from_secs(2);
/// How many cycles an unused entry of Typst's cache survives.
pub const CACHE_CYCLES: usize = 10;

/// What the watch reports, in order.
#[derive(Debug)]
pub enum Event<'a> {
    /// Watching these folders.
    Started { watched: &'a [PathBuf] },
    /// These files changed; a cycle starts.
    Changed { paths: &'a [PathBuf] },
    /// A cycle ended.
    Cycle { number: usize, outcome: &'a Outcome, elapsed: Duration },
    /// The file watcher reported a problem; the watch goes on.
    WatchError { message: String },
}

/// Whether a change to `path`, under one of the `watched` folders, should
/// start a cycle: not an editor's temporary or lock file, not a hidden file
/// or folder inside the watched folder, not in an `ignored` folder (our output).
pub fn is_relevant(path: &Path, watched: &[PathBuf], ignored: &[PathBuf]) -> bool {
    if ignored.iter().any(|d| path.starts_with(d)) {
        return false;
    }
    let inside = watched.iter().find_map(|w| path.strip_prefix(w).ok()).unwrap_or(path);
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return false };
    let temporary = name.starts_with("~$")            // Excel's lock file
        || name.starts_with(".~lock.")                     // LibreOffice's lock file
        || name.starts_with('.')                           // hidden: .git, vim's .x.swp, emacs' .#x, our .bbt-*.tmp
        || name.ends_with('~')                             // backups
        || name == "4913"                                  // vim's probe file
        || is_sed_temporary(name)                          // sed -i's temporary
        || [".swp", ".swo", ".swx", ".tmp", ".temp", ".bak", ".crdownload", ".part"]
            .iter()
            .any(|ext| name.to_ascii_lowercase().ends_with(ext));
    !temporary
        && !inside.components().any(|c| c.as_os_str().to_str().is_some_and(|s| s.starts_with('.') && s.len() > 2))
}

/// `sed -i` writes its temporary beside the file: `sed` and six letters or
/// digits (`sedAb12Cd`).
fn is_sed_temporary(name: &str) -> bool {
    name.strip_prefix("sed").is_some_and(|rest| rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Whether a file system event can mean new contents (opening or reading a
/// file cannot).
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// What wakes a loop that watches files: a file system event, or a message
/// of the program's own (the studio's "a text was saved, go now").
pub enum Signal<T> {
    Fs(notify::Result<notify::Event>),
    Own(T),
}

/// What a wait ended with: the relevant files that changed (settled), and
/// the program's own messages.
pub struct Wake<T> {
    pub paths: Vec<PathBuf>,
    pub own: Vec<T>,
}

/// The file watcher of a project: its folders (absolute) and what to ignore
/// in them. Events go to the channel given at the start.
pub struct Watching {
    _watcher: notify::RecommendedWatcher,
    pub folders: Vec<PathBuf>,
    ignored: Vec<PathBuf>,
}

impl Watching {
    /// Watches `root` and the `templates` folder, if any, ignoring the
    /// `output` folder (which may be inside the project: its writes are ours).
    pub fn start<T: Send + 'static>(
        root: &Path,
        templates: Option<&Path>,
        output: &Path,
        tx: mpsc::Sender<Signal<T>>,
    ) -> notify::Result<Watching> {
        let mut watcher = notify::recommended_watcher(move |res| {
            let _ = tx.send(Signal::Fs(res));
        })?;
        // Absolute, so that events name absolute paths, whatever the folder.
        let folders: Vec<PathBuf> = std::iter::once(root)
            .chain(templates)
            .map(|d| std::path::absolute(d).unwrap_or_else(|_| d.to_path_buf()))
            .collect();
        for dir in &folders {
            watcher.watch(dir, RecursiveMode::Recursive)?;
        }
        let ignored: Vec<PathBuf> =
            [std::path::absolute(output).ok(), output.canonicalize().ok()].into_iter().flatten().collect();
        Ok(Watching { _watcher: watcher, folders, ignored })
    }

    /// Waits for something to act on: a relevant change, once the inputs
    /// have stayed quiet for [`SETTLE`] (at most [`MAX_WAIT`] after the first
    /// change), or at once for the program's own message (with whatever
    /// else is pending). Reports the watcher's problems through `on_error`.
    /// `None` when nothing more can come.
    pub fn next<T>(&self, rx: &mpsc::Receiver<Signal<T>>, on_error: &mut dyn FnMut(String)) -> Option<Wake<T>> {
        let mut wake = Wake { paths: Vec::new(), own: Vec::new() };
        let mut first: Option<Instant> = None;
        loop {
            let received = if !wake.own.is_empty() {
                // Our own message: take what is pending, then go.
                match rx.try_recv() {
                    Ok(s) => Ok(s),
                    Err(_) => return Some(wake),
                }
            } else {
                match first {
                    None => rx.recv().map_err(|_| mpsc::RecvTimeoutError::Disconnected),
                    Some(t) if t.elapsed() >= MAX_WAIT => Err(mpsc::RecvTimeoutError::Timeout),
                    Some(_) => rx.recv_timeout(SETTLE),
                }
            };
            match received {
                Ok(Signal::Own(message)) => wake.own.push(message),
                Ok(Signal::Fs(Ok(event))) => {
                    if !is_change(&event.kind) {
                        continue;
                    }
                    for path in event.paths.into_iter().filter(|p| is_relevant(p, &self.folders, &self.ignored)) {
                        if !wake.paths.contains(&path) {
                            wake.paths.push(path);
                        }
                        first.get_or_insert_with(Instant::now);
                    }
                }
                Ok(Signal::Fs(Err(e))) => on_error(e.to_string()),
                Err(mpsc::RecvTimeoutError::Timeout) => return Some(wake),
                // The watcher is gone: nothing more will come.
                Err(mpsc::RecvTimeoutError::Disconnected) => return None,
            }
        }
    }
}

/// Watches `root` (and the template folder of `opts`, if any), running a
/// render job at the start and after every relevant change, and reporting
/// through `report`. Returns only if the file watcher cannot be started.
pub fn watch(root: &Path, opts: &RenderOptions, report: impl FnMut(Event)) -> notify::Result<()> {
    let (tx, rx) = mpsc::channel::<Signal<std::convert::Infallible>>();
    let watching = Watching::start(root, opts.templates.as_deref(), &opts.output, tx)?;
    let mut report = report;
    report(Event::Started { watched: &watching.folders });

    // The watcher's problems are reported while a wait goes on.
    let report = std::cell::RefCell::new(report);
    let mut session = Session::default();
    let mut number = 0;
    let mut run = |session: &mut Session| {
        number += 1;
        let start = Instant::now();
        let outcome = job::render_project(root, opts, session);
        typst::comemo::evict(CACHE_CYCLES);
        (report.borrow_mut())(Event::Cycle { number, outcome: &outcome, elapsed: start.elapsed() });
    };
    run(&mut session);
    let mut on_error = |message: String| (report.borrow_mut())(Event::WatchError { message });
    while let Some(wake) = watching.next(&rx, &mut on_error) {
        (report.borrow_mut())(Event::Changed { paths: &wake.paths });
        run(&mut session);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_temporaries_and_output_are_ignored() {
        let out = PathBuf::from("/p/output");
        let ignored = [out.clone()];
        // The watched folder itself may sit in a hidden folder.
        let watched = [PathBuf::from("/p/.tmp1/inputs"), PathBuf::from("/p/inputs")];
        for p in [
            "/p/inputs/2025/bo/~$begroting.xlsx",
            "/p/inputs/2025/bo/.~lock.begroting.xlsx#",
            "/p/inputs/2025/bo/tekst/.sd-1.md.swp",
            "/p/inputs/2025/bo/tekst/sd-1.md.swp",
            "/p/inputs/2025/bo/tekst/sd-1.md~",
            "/p/inputs/2025/bo/tekst/4913",
            "/p/inputs/2025/bo/tekst/.#sd-1.md",
            "/p/inputs/2025/bo/lu123456.tmp",
            "/p/inputs/2025/bo/tekst/sedAb12Cd",
            "/p/inputs/.git/index",
            "/p/.tmp1/inputs/.git/index",
            "/p/output/samenleven-2025-bo.pdf",
            "/p/output/.bbt-x1.tmp",
        ] {
            assert!(!is_relevant(Path::new(p), &watched, &ignored), "{p} should be ignored");
        }
        for p in [
            "/p/inputs/2025/bo/begroting.xlsx",
            "/p/inputs/2025/bo/bbt.yaml",
            "/p/inputs/beleidsnota.yaml",
            "/p/inputs/2025/bo/tekst/sd-1.md",
            "/p/.tmp1/inputs/2025/bo/tekst/sd-1.md",
            "/p/./inputs/2025/bo/begroting.ods",
            "/p/../q/inputs/2025/bo/begroting.ods",
        ] {
            assert!(is_relevant(Path::new(p), &watched, &ignored), "{p} should start a cycle");
        }
    }
}
