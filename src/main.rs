//! The `bbt` binary: arguments, printing and exit codes. The work is in the library.

mod cli;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bbt::diag::{self, Diagnostic};
use bbt::load::{self, Selection};
use bbt::model::Fase;
use bbt::{RenderError, Timings};
use clap::Parser;
use cli::{CheckArgs, Cli, Command, DocumentArgs, Format, RenderArgs, TemplateArgs};

/// Exit codes (design.md contract).
const OK: u8 = 0;
const INVALID: u8 = 1;
const FAILURE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        None => render(&cli.render),
        Some(Command::Render(args)) => render(&args),
        Some(Command::Check(args)) => check(&args),
        Some(Command::Template(args)) => template(&args),
        Some(Command::Diff { old, new }) => diff(&old, &new),
        Some(Command::Init { dir, year, next }) => {
            match if next { bbt::init::next_year(&dir) } else { bbt::init::scaffold(&dir, year) } {
                Ok(files) => {
                    for f in &files {
                        eprintln!("created {}", f.display());
                    }
                    eprintln!(
                        "  = help: fill in the texts and {}, then run `bbt render {}`",
                        files.last().map(|f| f.display().to_string()).unwrap_or_default(),
                        dir.display()
                    );
                    OK
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    INVALID
                }
            }
        }
        Some(Command::Explain { code }) => explain(&code),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(
                shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "bbt",
                &mut std::io::stdout(),
            );
            OK
        }
        Some(Command::Man) => {
            let man = clap_mangen::Man::new(<Cli as clap::CommandFactory>::command());
            match man.render(&mut std::io::stdout()) {
                Ok(()) => OK,
                Err(e) => {
                    eprintln!("error: cannot write the manual page: {e}");
                    FAILURE
                }
            }
        }
    };
    ExitCode::from(code)
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
            println!("{}", diag::render_json(diags, &base));
        }
        Format::Human => {
            let mut err = std::io::stderr().lock();
            for d in diags {
                let _ = writeln!(err, "{}", diag::render_human(d, &base));
            }
        }
    }
}

fn print_timings(t: &Timings) {
    let mut err = std::io::stderr().lock();
    for (stage, d) in &t.stages {
        let _ = writeln!(err, "{stage:>10}: {:>8.1} ms", d.as_secs_f64() * 1000.0);
    }
    let _ = writeln!(err, "{:>10}: {:>8.1} ms", "total", t.total().as_secs_f64() * 1000.0);
}

/// Loads and checks one project's document. Returns the inputs (when they
/// could be read) and every diagnostic, or an exit code for a usage error.
fn load_and_check(
    project: &Option<PathBuf>,
    args: &DocumentArgs,
    timings: &mut Timings,
) -> Result<(Option<load::Inputs>, Vec<Diagnostic>), u8> {
    let Some(phase) = Fase::parse_folder(&args.phase) else {
        eprintln!("error: unknown phase '{}'\n  = help: use bo, ba1, ba2 or bu", args.phase);
        return Err(FAILURE);
    };
    let root = project_root(project);
    if !root.is_dir() {
        eprintln!("error: the project folder {} does not exist", root.display());
        return Err(INVALID);
    }
    let sel = Selection { year: args.year, phase: Some(phase), previous: args.previous.clone() };
    let (inputs, mut diags) = timings.time("load", || load::load(&root, &sel));
    if let Some(inputs) = &inputs {
        let found = timings.time("check", || bbt::check::check(inputs));
        diags.extend(found);
    }
    diag::sort(&mut diags);
    Ok((inputs, diags))
}

/// The label of a checked document in summaries: "inputs 2025 bo".
fn label(root: &Path, inputs: &Option<load::Inputs>) -> String {
    match inputs {
        Some(i) => format!("{} {} {}", root.display(), i.document.jaar, i.document.fase.folder()),
        None => root.display().to_string(),
    }
}

fn check(args: &CheckArgs) -> u8 {
    let projects: Vec<Option<PathBuf>> =
        if args.projects.is_empty() { vec![None] } else { args.projects.iter().cloned().map(Some).collect() };
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
            eprintln!("{}: {}", label(&project_root(project), &inputs), diag::summary(&diags));
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
    let Some(phase) = Fase::parse_folder(&args.phase) else {
        eprintln!("error: unknown phase '{}'\n  = help: use bo, ba1, ba2 or bu", args.phase);
        return FAILURE;
    };
    let root = project_root(&args.project);
    let year = match args.year.or_else(|| load::years(&root, Fase::Bo).last().map(|y| y + 1)) {
        Some(y) => y,
        None => {
            eprintln!("error: the project has no documents yet\n  = help: give the year with --year");
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
            eprintln!("error: cannot make the workbook: {e}");
            return FAILURE;
        }
    };
    let path = args.output.join(bbt::workbook_template::file_name(year, phase));
    if let Err(e) = bbt::output::write_atomic(&path, &bytes) {
        eprintln!("error: cannot write {}: {e}", path.display());
        return FAILURE;
    }
    let from = match &basis.previous {
        Some(p) => format!("{} articles of {}", p.artikelen.len(), p.naam()),
        None => "no articles yet (no earlier document)".into(),
    };
    eprintln!("wrote {} ({from})", path.display());
    eprintln!(
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
        eprintln!(
            "error: {} is not a document folder\n  = help: give <project>/<jaar>/<fase>, e.g. inputs/2025/bo",
            dir.display()
        );
        return Err(FAILURE);
    };
    let (inputs, diags) = load::load(root, &Selection { year: Some(jaar), phase: Some(fase), previous: None });
    match inputs {
        Some(i) if !diags.iter().any(Diagnostic::is_error) => Ok(i),
        _ => {
            print_diagnostics(&diags, Format::Human);
            eprintln!("error: {} cannot be read; `bbt check` it first", dir.display());
            Err(INVALID)
        }
    }
}

fn diff(old: &Path, new: &Path) -> u8 {
    let (old, new) = match (load_document_dir(old), load_document_dir(new)) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(c), _) | (_, Err(c)) => return c,
    };
    print!("{}", bbt::diff::report(&bbt::diff::diff(&old, &new)));
    OK
}

fn explain(code: &str) -> u8 {
    match bbt::check::explain(code) {
        Some(text) => {
            println!("{text}");
            OK
        }
        None => {
            eprintln!(
                "error: no diagnostic has the code '{code}'\n  = help: the codes are {}",
                bbt::check::documented_codes().join(", ")
            );
            FAILURE
        }
    }
}

fn render(args: &RenderArgs) -> u8 {
    let mut timings = Timings::default();
    let (inputs, mut diags) = match load_and_check(&args.project, &args.doc, &mut timings) {
        Ok((Some(inputs), diags)) if !diags.iter().any(Diagnostic::is_error) => (inputs, diags),
        Ok((inputs, diags)) => {
            print_diagnostics(&diags, args.doc.format);
            if args.doc.format == Format::Human {
                eprintln!("{}: {}", label(&project_root(&args.project), &inputs), diag::summary(&diags));
            }
            if args.doc.timings {
                print_timings(&timings);
            }
            return INVALID;
        }
        Err(code) => return code,
    };
    let set = match &args.templates {
        None => bbt::assets::TemplateSet::bundled(),
        Some(dir) => match bbt::assets::TemplateSet::from_dir(dir) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("error: cannot read the templates in {}: {e}", dir.display());
                return INVALID;
            }
        },
    };
    let default_standards =
        if args.attach { vec!["a-3a".to_string(), "ua-1".into()] } else { vec!["a-2a".to_string(), "ua-1".into()] };
    let mut standards = Vec::new();
    for name in args
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
                eprintln!("error: unknown PDF standard '{name}'\n  = help: use {}", known.join(", "));
                return FAILURE;
            }
        }
    }
    let attachments = if args.attach {
        match bbt::attachments(&inputs) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("error: cannot read the files to attach: {e}");
                return FAILURE;
            }
        }
    } else {
        Vec::new()
    };
    let mut set = set;
    for a in &attachments {
        set.attach(&a.view.pad, &a.bytes);
    }
    let sde = std::env::var("SOURCE_DATE_EPOCH").ok();
    let result = bbt::render_document(&inputs, &set, &standards, &attachments, sde.as_deref(), &mut timings);
    let rendered = match result {
        Ok(r) => r,
        Err(e) => {
            report_render_error(&e);
            if args.doc.timings {
                print_timings(&timings);
            }
            return if e.is_bug() { FAILURE } else { INVALID };
        }
    };
    // The check already reported what the view found in the texts.
    for d in &rendered.diagnostics {
        if !diags.contains(d) {
            diags.push(d.clone());
        }
    }
    diag::sort(&mut diags);
    print_diagnostics(&diags, args.doc.format);
    for w in &rendered.typst_warnings {
        eprintln!(
            "warning: typst: {}{}",
            w.message,
            w.place.as_ref().map(|p| format!("\n  --> {p}")).unwrap_or_default()
        );
    }
    let path = args.output.join(bbt::pdf_name(&inputs));
    if let Err(e) = timings.time("write", || bbt::output::write_atomic(&path, &rendered.pdf)) {
        eprintln!("error: cannot write {}: {e}", path.display());
        return FAILURE;
    }
    if args.emit_typ {
        let stem = bbt::pdf_name(&inputs).trim_end_matches(".pdf").to_string();
        match bbt::emit_typ(&args.output, &stem, &rendered, &set, &standards) {
            Ok(dir) => eprintln!("wrote {} (compile it with {}/compile.sh)", dir.display(), dir.display()),
            Err(e) => {
                eprintln!("error: cannot write the Typst sources: {e}");
                return FAILURE;
            }
        }
    }
    if args.doc.timings {
        print_timings(&timings);
    }
    if args.doc.format == Format::Human {
        eprintln!("wrote {} ({} pages; {})", path.display(), rendered.pages, diag::summary(&diags));
    }
    OK
}

fn report_render_error(e: &RenderError) {
    let mut err = std::io::stderr().lock();
    match e {
        RenderError::Template { message, .. } => {
            let _ = writeln!(err, "error: template: {message}");
        }
        RenderError::Typst { problems, .. } => {
            for p in problems {
                let label = if p.error { "error" } else { "warning" };
                let _ = writeln!(err, "{label}: typst: {}", p.message);
                if let Some(place) = &p.place {
                    let _ = writeln!(err, "  --> {place}");
                }
                for h in &p.hints {
                    let _ = writeln!(err, "  = hint: {h}");
                }
            }
        }
    }
    if e.is_bug() {
        let _ = writeln!(err, "  = note: this is a bug in bbt's bundled templates; please report it");
    }
}
