//! `bbt render`: one project, or every project of a workspace in parallel.

use std::path::PathBuf;

use bbt::diag::{self, Diagnostic};
use bbt::pipeline::exit::INVALID;
use bbt::pipeline::job::{self, RenderOptions};
use bbt::tr;

use super::{print_diagnostics, print_outcome, project_root, render_options};
use crate::cli::{Format, RenderArgs};
use crate::console::{self, say};

pub fn render(args: &RenderArgs) -> u8 {
    let opts = match render_options(&args.opts) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let format = args.opts.doc.format;
    let given = if args.projects.is_empty() { vec![project_root(&None)] } else { args.projects.clone() };
    let mut projects = Vec::new();
    for path in &given {
        if !path.exists() {
            console::error(tr!("no-project-folder", map = path.display()));
            return INVALID;
        }
        match bbt::workspace::projects(path) {
            Ok(found) => projects.extend(found),
            Err(d) => {
                print_diagnostics(&[d], format);
                return INVALID;
            }
        }
    }
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
    say!(
        "{:<28} {:<9} {:>6} {:>9} {:>7} {:>9}",
        tr!("table-project"),
        tr!("table-document"),
        tr!("table-pages"),
        tr!("table-warnings"),
        tr!("table-errors"),
        tr!("table-time")
    );
    let mut pages = 0;
    for o in &report.outcomes {
        let (name, doc) = match &o.document {
            Some((id, jaar, fase)) => (id.to_string(), format!("{jaar} {}", fase.folder())),
            None => (o.root.display().to_string(), "-".into()),
        };
        let page_count = match &o.result {
            Ok(w) => {
                pages += w.pages;
                w.pages.to_string()
            }
            Err(_) => "-".into(),
        };
        let errors = o.errors() + usize::from(o.result.is_err() && o.errors() == 0);
        say!(
            "{name:<28} {doc:<9} {page_count:>6} {:>9} {errors:>7} {:>7.2} s",
            o.warnings(),
            o.timings.total().as_secs_f64()
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
            tijd = format!("{:.2}", wall.as_secs_f64()),
            cpu = cpu.map(|c| tr!("workspace-cpu", tijd = format!("{:.2}", c.as_secs_f64()))).unwrap_or_default(),
            jobs = jobs
        )
    );
    report.exit_code()
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
