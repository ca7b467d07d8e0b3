//! The subcommands, one file each (`main.rs` parses the arguments and
//! dispatches here), and what they share: finding the project, printing
//! diagnostics, outcomes and timings, and the render options.

mod check;
mod completions;
mod diff;
mod explain;
mod init;
mod man;
mod render;
mod template;
mod watch;

pub use check::check;
pub use completions::completions;
pub use diff::diff;
pub use explain::explain;
pub use init::init;
pub use man::man;
pub use render::render;
pub use template::template;
pub use watch::watch;

use std::path::{Path, PathBuf};

use bbt::diag::{self, Diagnostic};
use bbt::load::{self, Selection};
use bbt::pipeline::exit::FAILURE;
use bbt::pipeline::job::{self, Failure, RenderOptions};
use bbt::pipeline::{RenderError, Timings};

use crate::cli::{Format, RenderFlags};
use crate::console::{self, say};

/// The project folder: as given, else the current folder if it holds a
/// beleidsnota, else ./inputs (the bundled sample).
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
        say!("{stage:>10}: {:>8.1} ms", d.as_secs_f64() * 1000.0);
    }
    say!("{:>10}: {:>8.1} ms", "total", t.total().as_secs_f64() * 1000.0);
}

/// The date `SOURCE_DATE_EPOCH` sets, if it is set; a value that is not
/// whole seconds since 1970 is a usage error (exit 2), reported here.
pub fn source_date_epoch() -> Result<Option<bbt::model::Date>, u8> {
    let Some(value) = std::env::var_os("SOURCE_DATE_EPOCH") else { return Ok(None) };
    bbt::typeset::parse_source_date_epoch(&value).map(Some).map_err(|message| {
        say!("error: {message}");
        say!("  = help: set it to the output of `date +%s`, e.g. SOURCE_DATE_EPOCH=1729728000, or unset it");
        FAILURE
    })
}

/// The render options of `render` and `watch`, or an exit code for a usage error.
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

/// Prints what a render job did: diagnostics, Typst's warnings, the failure
/// or the file written, and the stage timings.
pub fn print_outcome(outcome: &job::Outcome, format: Format, timings: bool) {
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

pub fn report_render_error(e: &RenderError) {
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
