//! `bbt watch`: re-render on every change, printing each cycle.

use bbt::diag;
use bbt::pipeline::exit::{FAILURE, INVALID, OK};
use bbt::{load, watch};

use super::{cwd, print_outcome, project_root, render_options};
use crate::cli::WatchArgs;
use crate::console::say;

pub fn watch(args: &WatchArgs) -> u8 {
    let opts = match render_options(&args.opts) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let root = project_root(&args.project);
    if !root.join(load::BELEIDSNOTA_FILE).is_file() {
        say!("error: {} is not a project folder (it holds no {})", root.display(), load::BELEIDSNOTA_FILE);
        say!("  = help: watch one project; render a workspace with `bbt render`");
        return INVALID;
    }
    let format = args.opts.doc.format;
    let timings = args.opts.doc.timings;
    let base = cwd();
    let result = bbt::watch::watch(&root, &opts, |event| match event {
        watch::Event::Started { watched } => {
            let dirs: Vec<String> = watched
                .iter()
                .map(|d| match diag::display_path(d, &base) {
                    p if p.is_empty() => ".".to_string(),
                    p => p,
                })
                .collect();
            say!("[watch] watching {}; press Ctrl-C to stop", dirs.join(" and "));
        }
        watch::Event::Changed { paths } => {
            let names: Vec<String> = paths.iter().map(|p| diag::display_path(p, &base)).collect();
            say!("[watch] changed: {}", names.join(", "));
        }
        watch::Event::Cycle { number, outcome, elapsed } => {
            print_outcome(outcome, format, timings);
            let state = if outcome.result.is_ok() { "rendered" } else { "not rendered; waiting for changes" };
            say!("[watch] cycle {number}: {state} ({:.0} ms)", elapsed.as_secs_f64() * 1000.0);
        }
        watch::Event::WatchError { message } => say!("[watch] warning: {message}"),
    });
    match result {
        Ok(()) => OK,
        Err(e) => {
            say!("error: cannot watch {}: {e}", root.display());
            FAILURE
        }
    }
}
