//! The subcommands, one file each (`main.rs` parses the arguments and
//! dispatches here), and what they share: finding the project, printing
//! diagnostics, outcomes and timings, and the render options.

mod check;
mod completions;
mod diff;
mod explain;
mod horizontaal;
mod init;
mod man;
mod render;
mod studio;
mod template;
mod watch;

pub use check::check;
pub use completions::completions;
pub use diff::diff;
pub use explain::explain;
pub use horizontaal::horizontaal;
pub use init::init;
pub use man::man;
pub use render::render;
pub use studio::studio;
pub use template::template;
pub use watch::watch;

use std::path::{Path, PathBuf};

use bbt::diag::{self, Diagnostic};
use bbt::load::{self, Selection};
use bbt::pipeline::exit::FAILURE;
use bbt::pipeline::job::{self, Failure, RenderOptions};
use bbt::pipeline::{RenderError, Timings};

use bbt::i18n::n;
use bbt::tr;

use crate::cli::{Format, RenderFlags};
use crate::console::{self, say};

/// The project folder: as given, else the current folder if it holds a
/// beleidsnota, else ./inputs (the bundled sample).
/// The one project a watch or the studio follows, or exit 1 (saying so, with
/// `help` for the way out) when the folder holds no beleidsnota.
pub fn one_project(given: &Option<PathBuf>, help: impl FnOnce(&Path) -> String) -> Result<PathBuf, u8> {
    let root = project_root(given);
    if root.join(load::BELEIDSNOTA_FILE).is_file() {
        return Ok(root);
    }
    console::error(tr!("watch-not-project", map = root.display(), bestand = load::BELEIDSNOTA_FILE));
    console::help(help(&root));
    Err(bbt::pipeline::exit::INVALID)
}

pub fn project_root(given: &Option<PathBuf>) -> PathBuf {
    match given {
        Some(p) => p.clone(),
        None if Path::new(load::BELEIDSNOTA_FILE).is_file() => PathBuf::from("."),
        None => PathBuf::from("inputs"),
    }
}

pub fn cwd() -> PathBuf {
    std::env::current_dir().unwrap_or_default()
}

/// The project folders of the paths `given` (project and workspace folders,
/// list files), each once; `defaulted`: no path was named on the command
/// line. A path that does not exist is a usage error (exit 2), a list file
/// that cannot be read an invalid input (exit 1), both reported here.
pub fn workspace_projects(given: &[PathBuf], defaulted: bool, format: Format) -> Result<Vec<PathBuf>, u8> {
    let mut projects = Vec::new();
    for path in given {
        if !path.exists() {
            no_project_folder(path, defaulted);
            return Err(FAILURE);
        }
        match bbt::workspace::projects(path) {
            Ok(found) => projects.extend(found),
            Err(d) => {
                print_diagnostics(&[d], format);
                return Err(bbt::pipeline::exit::INVALID);
            }
        }
    }
    Ok(bbt::workspace::dedupe(projects))
}

/// Of the findings across projects, those about the project at `root` (at
/// one of its files: counted and shown with it), and the others.
pub fn findings_of(across: Vec<Diagnostic>, root: &Path) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    across.into_iter().partition(|d| d.location.as_ref().is_some_and(|l| l.file().starts_with(root)))
}

pub fn print_diagnostics(diags: &[Diagnostic], format: Format) {
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

pub fn print_timings(t: &Timings) {
    for (stage, d) in &t.stages {
        say!("{stage:>10}: {:>8} ms", bbt::i18n::number(format!("{:.1}", d.as_secs_f64() * 1000.0)));
    }
    say!(
        "{:>10}: {:>8} ms",
        tr!("timings-total"),
        bbt::i18n::number(format!("{:.1}", t.total().as_secs_f64() * 1000.0))
    );
}

/// `fout: De projectmap X bestaat niet.`, and when X is a mistyped command
/// (`bbt rendr samen`), the command line the user likely meant.
/// `defaulted`: no folder was given (`path` is the default, `./inputs`).
/// A project folder that does not exist is a usage error (exit 2, as a
/// mistyped command or a path to `diff` that is no document).
pub fn no_project_folder(path: &Path, defaulted: bool) {
    // No folder given, none found: say where bbt looked, not "inputs".
    if defaulted {
        console::error(tr!("no-default-project", bestand = load::BELEIDSNOTA_FILE));
        // `bbt check` meant for a project folder named `check`: the word
        // was read as the command.
        let command = crate::cli::command_named(std::env::args_os());
        // Run from inside a project (its document folder `2027/bo`, or `tekst`).
        let up =
            ["..", "../..", "../../.."].into_iter().find(|up| Path::new(up).join(load::BELEIDSNOTA_FILE).is_file());
        match (command.filter(|c| Path::new(c).join(load::BELEIDSNOTA_FILE).is_file()), up) {
            (Some(command), _) => console::help(tr!("project-named-like-command", naam = command)),
            (None, Some(up)) => console::help(tr!("inside-project", map = up)),
            (None, None) => console::help(tr!("no-default-project-help")),
        }
        return;
    }
    console::error(tr!("no-project-folder", map = path.display()));
    let Some(name) = path.to_str().filter(|n| !n.contains(['/', '\\'])) else { return };
    let commands = crate::cli::command_names();
    if let Some(near) = bbt::suggest::closest(name, commands.iter().map(String::as_str)) {
        let mut replaced = false;
        let line: Vec<String> = std::env::args_os()
            .skip(1)
            .map(|a| a.to_string_lossy().into_owned())
            .map(|a| {
                if !replaced && a == name {
                    replaced = true;
                    near.to_string()
                } else {
                    a
                }
            })
            .collect();
        console::help(tr!("did-you-mean", naam = format!("`bbt {}`", line.join(" "))));
    }
}

/// The date `SOURCE_DATE_EPOCH` sets, if it is set; a value that is not
/// whole seconds since 1970 is a usage error (exit 2), reported here.
pub fn source_date_epoch() -> Result<Option<bbt::model::Date>, u8> {
    let Some(value) = std::env::var_os("SOURCE_DATE_EPOCH") else { return Ok(None) };
    bbt::typeset::parse_source_date_epoch(&value).map(Some).map_err(|message| {
        console::error(message);
        console::help(tr!("source-date-epoch-help"));
        FAILURE
    })
}

/// The render options of `render`, `watch` and `studio`, or an exit code for a usage error.
pub fn render_options(opts: &RenderFlags) -> Result<RenderOptions, u8> {
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
                console::error(tr!("unknown-standard", naam = name));
                console::help(tr!("unknown-standard-help", lijst = known.join(", ")));
                return Err(FAILURE);
            }
        }
    }
    Ok(RenderOptions {
        selection: Selection {
            year: opts.doc.year,
            phase: Some(phase),
            previous: opts.doc.previous.clone(),
            workbook: None,
        },
        output: opts.output.clone(),
        templates: opts.templates.clone(),
        standards,
        attach: opts.attach,
        emit_typ: opts.emit_typ,
        source_date_epoch: source_date_epoch()?,
    })
}

/// Prints what a render job did: diagnostics, Typst's warnings, the failure
/// or the file written, and the stage timings.
pub fn print_outcome(outcome: &job::Outcome, format: Format, timings: bool) {
    print_outcome_showing(outcome, &outcome.diagnostics, format, timings);
}

/// [`print_outcome`], printing of its diagnostics only `shown` (`watch`:
/// those new since the last cycle); the summary counts them all.
pub fn print_outcome_showing(outcome: &job::Outcome, shown: &[Diagnostic], format: Format, timings: bool) {
    print_diagnostics(shown, format);
    for w in &outcome.typst_warnings {
        console::warning(format!("typst: {}", w.message));
        if let Some(place) = &w.place {
            say!("  --> {place}");
        }
    }
    let human = format == Format::Human;
    match &outcome.result {
        Ok(written) => {
            if let Some(dir) = &written.typ_dir {
                say!("{}", tr!("wrote-typ", pad = dir.display()));
            }
            if human {
                say!(
                    "{}",
                    tr!(
                        "wrote-pdf",
                        pad = written.pdf.display(),
                        paginas = n(written.pages),
                        samenvatting = diag::summary(&outcome.diagnostics)
                    )
                );
                let (csv, datapackage) = &written.open_data;
                say!("{}", tr!("wrote-open-data", csv = csv.display(), datapackage = datapackage.display()));
            }
        }
        Err(Failure::Invalid) => {
            if human {
                say!("{}: {}", outcome.label(), diag::summary(&outcome.diagnostics));
                say!("{}", tr!("no-pdf-written"));
            }
        }
        Err(Failure::Templates { dir, error }) => {
            console::error(tr!("cannot-read-templates", map = dir.display(), fout = error));
        }
        Err(Failure::Render(e)) => report_render_error(e),
        Err(Failure::Io { what, error }) => console::error(format!("{what}: {}", bbt::i18n::io_error(error))),
        Err(Failure::OutputAmongInputs(message)) => {
            console::error(message);
            console::help(tr!("output-folder-help"));
        }
        Err(Failure::SameOutput { pdf, other }) => {
            console::error(tr!(
                "same-output",
                document = outcome.label(),
                pdf = pdf.display(),
                ander = other.display()
            ));
            console::help(tr!("same-output-help"));
        }
    }
    // The PDF of an earlier render is left as it was: say it is out of date.
    if let Some(earlier) = &outcome.verouderd {
        console::warning(tr!("stale-pdf", pad = earlier.display()));
    }
    if timings {
        print_timings(&outcome.timings);
    }
}

pub fn report_render_error(e: &RenderError) {
    match e {
        RenderError::Template { message, .. } => console::error(tr!("template-error", fout = message)),
        RenderError::Typst { problems, .. } => {
            for p in problems {
                let message = format!("typst: {}", p.message);
                if p.error {
                    console::error(message);
                } else {
                    console::warning(message);
                }
                if let Some(place) = &p.place {
                    say!("  --> {place}");
                }
                for h in &p.hints {
                    console::help(h);
                }
            }
        }
    }
    if e.is_bug() {
        console::help(tr!("templates-bug"));
    }
}
