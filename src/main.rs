//! The `bbt` binary: arguments, printing and exit codes. The work is in the library.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing))]

mod cli;
mod console;

/// Typst allocates a great deal in small pieces: mimalloc cuts the time of a
/// render (bench/RESULTS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bbt::diag::{self, Diagnostic};
use bbt::job::{self, Failure, RenderOptions};
use bbt::load::{self, Selection};
use bbt::model::Fase;
use bbt::{RenderError, Timings, watch};
use clap::Parser;
use cli::{CheckArgs, Cli, Command, DocumentArgs, Format, RenderArgs, RenderOpts, TemplateArgs, WatchArgs};

use bbt::exit::{FAILURE, INTERRUPTED, INVALID, OK};
use console::{say, to_stdout};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version are exit 0, a usage error 2.
            let code = u8::try_from(e.exit_code()).unwrap_or(FAILURE);
            // An error quotes the argument it refuses: parsed again from the
            // arguments escaped, it cannot act on the terminal.
            let shown = if e.use_stderr() {
                let escaped = std::env::args_os().map(|a| diag::escape(&a.to_string_lossy()).into_owned());
                Cli::try_parse_from(escaped).err().unwrap_or(e)
            } else {
                e
            };
            console::clap_message(&shown);
            return ExitCode::from(console::exit_code(code));
        }
    };
    on_interrupt(matches!(cli.command, Some(Command::Watch(_))));
    let code = match cli.command {
        None => render(&cli.render),
        Some(Command::Render(args)) => render(&args),
        Some(Command::Watch(args)) => watch(&args),
        Some(Command::Check(args)) => check(&args),
        Some(Command::Template(args)) => template(&args),
        Some(Command::Diff { old, new, output }) => diff(&old, &new, output.as_deref()),
        Some(Command::Init { dir, year, next }) => {
            let dir = project_root(&dir);
            match if next { bbt::init::next_year(&dir) } else { bbt::init::scaffold(&dir, year) } {
                Ok(files) => {
                    for f in &files {
                        say!("created {}", f.display());
                    }
                    say!(
                        "  = help: fill in the texts and {}, then run `bbt render {}`",
                        files.last().map(|f| f.display().to_string()).unwrap_or_default(),
                        dir.display()
                    );
                    OK
                }
                Err(e) => {
                    say!("error: {e}");
                    INVALID
                }
            }
        }
        Some(Command::Explain { code }) => explain(&code),
        Some(Command::Completions { shell }) => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut <Cli as clap::CommandFactory>::command(), "bbt", &mut script);
            to_stdout(&script)
        }
        Some(Command::Man) => {
            let man = clap_mangen::Man::new(<Cli as clap::CommandFactory>::command());
            let mut page = Vec::new();
            match man.render(&mut page) {
                Ok(()) => to_stdout(&page),
                Err(e) => {
                    say!("error: cannot write the manual page: {e}");
                    FAILURE
                }
            }
        }
    };
    // A message or output that could not be written is an IO failure (2).
    ExitCode::from(console::exit_code(code))
}

/// On SIGINT, SIGTERM or SIGHUP: wait for a write in progress to finish, then
/// exit (130; 0 for a watch, whose normal end this is). Outputs are then whole:
/// the previous file or the new one, and no temporary is left.
fn on_interrupt(watching: bool) {
    let result = ctrlc::set_handler(move || {
        if watching {
            say!("[watch] stopped");
            bbt::output::exit_between_writes(console::exit_code(OK))
        } else {
            say!("interrupted: no output was left half-written");
            bbt::output::exit_between_writes(console::exit_code(INTERRUPTED))
        }
    });
    if let Err(e) = result {
        say!("warning: Ctrl-C will stop bbt without waiting for a write to finish: {e}");
    }
}

/// The project folder: as given, else the current folder if it holds a
/// beleidsnota, else ./inputs (the bundled sample).
fn project_root(given: &Option<PathBuf>) -> PathBuf {
    match given {
        Some(p) => p.clone(),
        None if Path::new(load::BELEIDSNOTA_FILE).is_file() => PathBuf::from("."),
        None => PathBuf::from("inputs"),
    }
}

fn cwd() -> PathBuf {
    std::env::current_dir().unwrap_or_default()
}

fn print_diagnostics(diags: &[Diagnostic], format: Format) {
    let base = cwd();
    match format {
        Format::Json => {
            // A failure is recorded for the exit code.
            console::write_stdout(|out| diag::write_json(diags, &base, out));
        }
        Format::Human => {
            for d in diags {
                console::lines(&format!("{}\n", diag::render_human(d, &base)));
            }
        }
    }
}

fn print_timings(t: &Timings) {
    for (stage, d) in &t.stages {
        say!("{stage:>10}: {:>8.1} ms", d.as_secs_f64() * 1000.0);
    }
    say!("{:>10}: {:>8.1} ms", "total", t.total().as_secs_f64() * 1000.0);
}

/// Loads and checks one project's document. Returns the inputs (when they
/// could be read) and every diagnostic, or an exit code for a usage error.
fn load_and_check(
    project: &Option<PathBuf>,
    args: &DocumentArgs,
    timings: &mut Timings,
) -> Result<(Option<load::Inputs>, Vec<Diagnostic>), u8> {
    let phase = args.phase;
    let root = project_root(project);
    if !root.is_dir() {
        say!("error: the project folder {} does not exist", root.display());
        return Err(INVALID);
    }
    let sel = Selection { year: args.year, phase: Some(phase), previous: args.previous.clone() };
    Ok(job::load_and_check(&root, &sel, timings))
}

fn check(args: &CheckArgs) -> u8 {
    let mut projects: Vec<Option<PathBuf>> = Vec::new();
    for given in &args.projects {
        match bbt::workspace::projects(given) {
            Ok(found) => projects.extend(found.into_iter().map(Some)),
            Err(d) => {
                print_diagnostics(&[d], args.doc.format);
                return INVALID;
            }
        }
    }
    if projects.is_empty() {
        projects.push(None);
    }
    let mut timings = Timings::default();
    let mut worst = OK;
    let mut all = Vec::new();
    let mut loaded = Vec::new();
    for project in &projects {
        let (inputs, diags) = match load_and_check(project, &args.doc, &mut timings) {
            Ok(x) => x,
            Err(code) => {
                worst = worst.max(code);
                continue;
            }
        };
        let code = if inputs.is_none() || diags.iter().any(Diagnostic::is_error) { INVALID } else { OK };
        worst = worst.max(code);
        if args.doc.format == Format::Human {
            print_diagnostics(&diags, Format::Human);
            say!(
                "{}: {}",
                job::label(&project_root(project), inputs.as_ref().map(|i| (i.document.jaar, i.document.fase))),
                diag::summary(&diags)
            );
        }
        all.extend(diags);
        loaded.extend(inputs);
    }
    if loaded.len() > 1 {
        let across = bbt::check::budget::check_across(&loaded.iter().collect::<Vec<_>>());
        if args.doc.format == Format::Human {
            print_diagnostics(&across, Format::Human);
        }
        all.extend(across);
    }
    if args.doc.format == Format::Json {
        print_diagnostics(&all, Format::Json);
    }
    if args.doc.timings {
        print_timings(&timings);
    }
    worst
}

fn template(args: &TemplateArgs) -> u8 {
    let phase = args.phase;
    let root = project_root(&args.project);
    let year = match args.year.or_else(|| load::years(&root, Fase::Bo).last().map(|y| y + 1)) {
        Some(y) => y,
        None => {
            say!("error: the project has no documents yet");
            say!("  = help: give the year with --year");
            return FAILURE;
        }
    };
    let basis = match load::template_basis(&root, year, phase) {
        Ok(b) => b,
        Err(diags) => {
            print_diagnostics(&diags, Format::Human);
            return INVALID;
        }
    };
    let bytes = match bbt::workbook_template::write(&basis, year, phase) {
        Ok(b) => b,
        Err(e) => {
            say!("error: cannot make the workbook: {e}");
            return FAILURE;
        }
    };
    if let Err(e) = bbt::output::refuse_input_folder(&args.output, &root) {
        say!("error: {e}");
        say!("  = help: give another folder with -o, or leave -o out (default: output/)");
        return FAILURE;
    }
    let path = args.output.join(bbt::workbook_template::file_name(year, phase));
    if let Err(e) = bbt::output::write_atomic(&path, &bytes) {
        say!("error: cannot write {}: {e}", path.display());
        return FAILURE;
    }
    let from = match &basis.previous {
        Some(p) => format!("{} articles of {}", p.begroting.artikelen.len(), p.naam()),
        None => "no articles yet (no earlier document)".into(),
    };
    say!("wrote {} ({from})", path.display());
    say!(
        "  = help: fill it in, save it as {} and run `bbt check --year {year} --phase {}`",
        load::document_dir(&root, year, phase).join("begroting.xlsx").display(),
        phase.folder()
    );
    OK
}

/// Loads the document in `dir` (`<project>/<jaar>/<fase>`) for a diff.
fn load_document_dir(dir: &Path) -> Result<load::Inputs, u8> {
    let fase = dir.file_name().and_then(|f| f.to_str()).and_then(Fase::parse_folder);
    let jaar = dir.parent().and_then(|p| p.file_name()).and_then(|f| f.to_str()).and_then(|y| y.parse::<i32>().ok());
    let root = dir.parent().and_then(Path::parent);
    let (Some(fase), Some(jaar), Some(root)) = (fase, jaar, root) else {
        say!("error: {} is not a document folder", dir.display());
        say!("  = help: give <project>/<jaar>/<fase>, e.g. inputs/2025/bo");
        return Err(FAILURE);
    };
    let (inputs, diags) = load::load(root, &Selection { year: Some(jaar), phase: Some(fase), previous: None });
    match inputs {
        Some(i) if !diags.iter().any(Diagnostic::is_error) => Ok(i),
        _ => {
            print_diagnostics(&diags, Format::Human);
            say!("error: {} cannot be read; `bbt check` it first", dir.display());
            Err(INVALID)
        }
    }
}

fn diff(old: &Path, new: &Path, output: Option<&Path>) -> u8 {
    let (old, new) = match (load_document_dir(old), load_document_dir(new)) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(c), _) | (_, Err(c)) => return c,
    };
    for project in [&old.root, &new.root] {
        if let Some(Err(e)) = output.map(|dir| bbt::output::refuse_input_folder(dir, project)) {
            say!("error: {e}");
            say!("  = help: give another folder with -o");
            return FAILURE;
        }
    }
    let d = bbt::diff::diff(&old, &new);
    to_stdout(bbt::diff::report(&d).as_bytes());
    let Some(dir) = output else { return OK };
    let sde = match source_date_epoch() {
        Ok(sde) => sde,
        Err(code) => return code,
    };
    let (pdf, pages) = match bbt::diff::render_pdf(&d, &new, sde) {
        Ok(x) => x,
        Err(e) => {
            report_render_error(&e);
            return FAILURE;
        }
    };
    let path = dir.join(bbt::diff::pdf_name(&old, &new));
    if let Err(e) = bbt::output::write_atomic(&path, &pdf) {
        say!("error: cannot write {}: {e}", path.display());
        return FAILURE;
    }
    say!("wrote {} ({pages} pages)", path.display());
    OK
}

fn explain(code: &str) -> u8 {
    // As printed: `error[B003]` or `B003`.
    let code = code.rsplit('[').next().unwrap_or(code).trim_end_matches(']').trim();
    match bbt::rules::explain(code) {
        Some(text) => to_stdout(format!("{text}\n").as_bytes()),
        None => {
            say!("error: no diagnostic has the code '{code}'");
            let codes: Vec<&str> = bbt::rules::ALL.iter().map(|r| r.code).collect();
            say!("  = help: the codes are {}", codes.join(", "));
            FAILURE
        }
    }
}

/// The date `SOURCE_DATE_EPOCH` sets, if it is set; a value that is not
/// whole seconds since 1970 is a usage error (exit 2), reported here.
fn source_date_epoch() -> Result<Option<bbt::model::Date>, u8> {
    let Some(value) = std::env::var_os("SOURCE_DATE_EPOCH") else { return Ok(None) };
    bbt::typeset::parse_source_date_epoch(&value).map(Some).map_err(|message| {
        say!("error: {message}");
        say!("  = help: set it to the output of `date +%s`, e.g. SOURCE_DATE_EPOCH=1729728000, or unset it");
        FAILURE
    })
}

/// The render options of `render` and `watch`, or an exit code for a usage error.
fn render_options(opts: &RenderOpts) -> Result<RenderOptions, u8> {
    let phase = opts.doc.phase;
    let default_standards =
        if opts.attach { vec!["a-3a".to_string(), "ua-1".into()] } else { vec!["a-2a".to_string(), "ua-1".into()] };
    let mut standards = Vec::new();
    for name in opts
        .pdf_standard
        .as_ref()
        .unwrap_or(&default_standards)
        .iter()
        .filter(|n| !n.trim().is_empty() && n.trim() != "none")
    {
        match bbt::typeset::parse_standard(name) {
            Some(s) => standards.push(s),
            None => {
                let known: Vec<&str> = bbt::typeset::STANDARD_NAMES.iter().map(|(n, _)| *n).collect();
                say!("error: unknown PDF standard '{name}'");
                say!("  = help: use {}", known.join(", "));
                return Err(FAILURE);
            }
        }
    }
    Ok(RenderOptions {
        selection: Selection { year: opts.doc.year, phase: Some(phase), previous: opts.doc.previous.clone() },
        output: opts.output.clone(),
        templates: opts.templates.clone(),
        standards,
        attach: opts.attach,
        emit_typ: opts.emit_typ,
        source_date_epoch: source_date_epoch()?,
    })
}

fn render(args: &RenderArgs) -> u8 {
    let opts = match render_options(&args.opts) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let format = args.opts.doc.format;
    let given = if args.projects.is_empty() { vec![project_root(&None)] } else { args.projects.clone() };
    let mut projects = Vec::new();
    for path in &given {
        if !path.exists() {
            say!("error: the project folder {} does not exist", path.display());
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
    say!("{:<28} {:<9} {:>6} {:>9} {:>7} {:>9}", "project", "document", "pages", "warnings", "errors", "time");
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
        "{rendered} of {} rendered, {pages} pages in {:.2} s{} ({jobs} at a time)",
        report.outcomes.len(),
        wall.as_secs_f64(),
        cpu.map(|c| format!(", CPU {:.2} s", c.as_secs_f64())).unwrap_or_default()
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

/// Prints what a render job did: diagnostics, Typst's warnings, the failure
/// or the file written, and the stage timings.
fn print_outcome(outcome: &job::Outcome, format: Format, timings: bool) {
    print_diagnostics(&outcome.diagnostics, format);
    for w in &outcome.typst_warnings {
        say!("warning: typst: {}", w.message);
        if let Some(place) = &w.place {
            say!("  --> {place}");
        }
    }
    let human = format == Format::Human;
    match &outcome.result {
        Ok(written) => {
            if let Some(dir) = &written.typ_dir {
                say!("wrote {} (compile it with {}/compile.sh)", dir.display(), dir.display());
            }
            if human {
                say!(
                    "wrote {} ({} pages; {})",
                    written.pdf.display(),
                    written.pages,
                    diag::summary(&outcome.diagnostics)
                );
            }
        }
        Err(Failure::Invalid) => {
            if human {
                say!("{}: {}", outcome.label(), diag::summary(&outcome.diagnostics));
            }
        }
        Err(Failure::Templates { dir, error }) => {
            say!("error: cannot read the templates in {}: {error}", dir.display());
        }
        Err(Failure::Render(e)) => report_render_error(e),
        Err(Failure::Io { what, error }) => say!("error: cannot {what}: {error}"),
        Err(Failure::OutputAmongInputs(message)) => {
            say!("error: {message}");
            say!("  = help: give another folder with -o, or leave -o out (default: output/)");
        }
        Err(Failure::SameOutput { pdf, other }) => {
            say!("error: {} would write {}, as {} does", outcome.label(), pdf.display(), other.display());
            say!("  = help: every project needs its own id in beleidsnota.yaml");
        }
    }
    if timings {
        print_timings(&outcome.timings);
    }
}

fn watch(args: &WatchArgs) -> u8 {
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

fn report_render_error(e: &RenderError) {
    match e {
        RenderError::Template { message, .. } => say!("error: template: {message}"),
        RenderError::Typst { problems, .. } => {
            for p in problems {
                let label = if p.error { "error" } else { "warning" };
                say!("{label}: typst: {}", p.message);
                if let Some(place) = &p.place {
                    say!("  --> {place}");
                }
                for h in &p.hints {
                    say!("  = hint: {h}");
                }
            }
        }
    }
    if e.is_bug() {
        say!("  = note: this is a bug in bbt's bundled templates; please report it");
    }
}
