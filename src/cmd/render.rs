//! `bbt render`: one project, or every project of a workspace in parallel.

use std::path::PathBuf;

use bbt::diag::{self, Diagnostic};
use bbt::pipeline::job::{self, RenderOptions};
use bbt::tr;

use super::{print_diagnostics, print_outcome, project_root, render_options};
use crate::cli::{Format, RenderArgs};
use crate::console::say;

pub fn render(args: &RenderArgs) -> u8 {
    let opts = match render_options(&args.opts) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let format = args.opts.doc.format;
    let given = if args.projects.is_empty() { vec![project_root(&None)] } else { args.projects.clone() };
    let projects = match super::workspace_projects(&given, args.projects.is_empty(), format) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if let [root] = projects.as_slice() {
        let outcome = job::render_project(root, &opts, &mut job::Session::default());
        print_outcome(&outcome, format, args.opts.doc.timings);
        return outcome.exit_code();
    }
    render_workspace(&projects, &opts, args)
}

/// Renders several projects in parallel, with a progress bar and a summary table.
fn render_workspace(projects: &[PathBuf], opts: &RenderOptions, args: &RenderArgs) -> u8 {
    let format = args.opts.doc.format;
    let jobs = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let bar = indicatif::ProgressBar::new(projects.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    let start = std::time::Instant::now();
    let cpu_start = cpu_time();
    let report = bbt::workspace::render_all(projects, opts, jobs, &|outcome| {
        if format == Format::Human {
            bar.suspend(|| print_outcome(outcome, format, args.opts.doc.timings));
        }
        // The message is drawn on a terminal: escaped like every line printed.
        bar.set_message(diag::escape(&outcome.label()).into_owned());
        bar.inc(1);
    });
    bar.finish_and_clear();
    let wall = start.elapsed();
    if format == Format::Json {
        let all: Vec<Diagnostic> = report
            .outcomes
            .iter()
            .flat_map(|o| o.diagnostics.iter().cloned())
            .chain(report.across.iter().cloned())
            .collect();
        print_diagnostics(&all, Format::Json);
    } else {
        print_diagnostics(&report.across, Format::Human);
    }
    say!("");
    // The project as the user named its folder; counts as in each summary line.
    let base = super::cwd();
    let shown = |o: &bbt::pipeline::job::Outcome| match diag::display_path(&o.root, &base) {
        p if p.is_empty() => ".".to_string(),
        p => p,
    };
    let width = report.outcomes.iter().map(|o| shown(o).chars().count()).max().unwrap_or(0).clamp(12, 40);
    say!(
        "{:<width$} {:<10} {:>8} {:>7} {:>9} {:>9} {:>9}",
        tr!("table-project"),
        tr!("table-document"),
        tr!("table-pages"),
        tr!("table-errors"),
        tr!("table-warnings"),
        tr!("table-notes"),
        tr!("table-time")
    );
    let mut pages = 0;
    for o in &report.outcomes {
        let doc = match o.selected {
            Some((jaar, fase)) => bbt::model::Stand::new(jaar, fase).label(),
            None => "-".into(),
        };
        let page_count = match &o.result {
            Ok(w) => {
                pages += w.pages;
                w.pages.to_string()
            }
            Err(_) => "-".into(),
        };
        let (errors, warnings, notes) = o.counts();
        say!(
            "{:<width$} {doc:<10} {page_count:>8} {errors:>7} {warnings:>9} {notes:>9} {:>7} s",
            shown(o),
            seconds(o.timings.total())
        );
    }
    let rendered = report.outcomes.iter().filter(|o| o.result.is_ok()).count();
    let cpu = cpu_time().zip(cpu_start).map(|(end, begin)| end.saturating_sub(begin));
    say!(
        "{}",
        tr!(
            "workspace-done",
            gerenderd = rendered,
            totaal = report.outcomes.len(),
            paginas = pages,
            tijd = seconds(wall),
            cpu = cpu.map(|c| tr!("workspace-cpu", tijd = seconds(c))).unwrap_or_default(),
            jobs = jobs
        )
    );
    report.exit_code()
}

/// Seconds with two decimals, as the language of the messages writes them.
fn seconds(d: std::time::Duration) -> String {
    bbt::i18n::number(format!("{:.2}", d.as_secs_f64()))
}

/// The CPU time this process has used (user + system), where the platform tells.
fn cpu_time() -> Option<std::time::Duration> {
    // /proc/self/stat fields 14 and 15: utime and stime in clock ticks (100 Hz on Linux).
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit_once(") ")?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(std::time::Duration::from_millis(ticks * 10))
}
