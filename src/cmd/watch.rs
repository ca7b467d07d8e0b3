//! `bbt watch`: re-render on every change, printing each cycle.

use bbt::diag;
use bbt::pipeline::exit::{FAILURE, OK};
use bbt::tr;
use bbt::watch;

use std::collections::HashSet;

use bbt::diag::Diagnostic;
use bbt::i18n::n;

use super::{cwd, one_project, print_outcome_showing, render_options};
use crate::cli::{Format, WatchArgs};
use crate::console::{self, say};

pub fn watch(args: &WatchArgs) -> u8 {
    let opts = match render_options(&args.opts) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let root = match one_project(&args.project, |root| tr!("watch-not-project-help", map = root.display())) {
        Ok(root) => root,
        Err(code) => return code,
    };
    let format = args.opts.doc.format;
    let timings = args.opts.doc.timings;
    let base = cwd();
    // The diagnostics of the last cycle, as keys.
    let mut previous: Option<HashSet<String>> = None;
    let result = bbt::watch::watch(&root, &opts, |event| match event {
        watch::Event::Started { watched } => {
            let dirs: Vec<String> = watched
                .iter()
                .map(|d| match diag::display_path(d, &base) {
                    p if p.is_empty() => ".".to_string(),
                    p => p,
                })
                .collect();
            say!("{}", tr!("watch-watching", mappen = dirs.join(&tr!("watch-and"))));
        }
        watch::Event::Changed { paths } => {
            let names: Vec<String> = paths.iter().map(|p| diag::display_path(p, &base)).collect();
            say!("{}", tr!("watch-changed", lijst = names.join(", ")));
        }
        watch::Event::Cycle { number, outcome, elapsed } => {
            // After the first cycle, only what changed: the diagnostics new
            // since the last cycle, and a line for those resolved.
            // JSON readers get every diagnostic of each cycle.
            let keys: HashSet<String> = outcome.diagnostics.iter().map(key).collect();
            let shown: Vec<Diagnostic> = match &previous {
                Some(before) if format == Format::Human => {
                    outcome.diagnostics.iter().filter(|d| !before.contains(&key(d))).cloned().collect()
                }
                _ => outcome.diagnostics.clone(),
            };
            let resolved = previous.as_ref().map_or(0, |before| before.iter().filter(|k| !keys.contains(*k)).count());
            print_outcome_showing(outcome, &shown, format, timings);
            if previous.is_some() && format == Format::Human {
                let unchanged = outcome.diagnostics.len() - shown.len();
                say!(
                    "{}",
                    tr!("watch-delta", nieuw = n(shown.len()), opgelost = n(resolved), ongewijzigd = n(unchanged))
                );
            }
            previous = Some(keys);
            let state = if outcome.result.is_ok() { tr!("watch-rendered") } else { tr!("watch-not-rendered") };
            let ms = format!("{:.0}", elapsed.as_secs_f64() * 1000.0);
            say!("{}", tr!("watch-cycle", nummer = number, toestand = state, ms = ms));
        }
        watch::Event::WatchError { message } => say!("{}", tr!("watch-warning", fout = message)),
    });
    match result {
        Ok(()) => OK,
        Err(e) => {
            console::error(tr!("watch-cannot", map = root.display(), fout = e));
            FAILURE
        }
    }
}

/// A diagnostic as compared between cycles: its code, place and message.
fn key(d: &Diagnostic) -> String {
    format!("{}|{:?}|{}", d.code, d.location, d.message)
}
