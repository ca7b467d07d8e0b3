//! `bbt horizontaal`: the overview of every domain's contribution to the
//! horizontal plan, over a workspace.

use bbt::diag::{self, Diagnostic};
use bbt::i18n::n;
use bbt::pipeline::exit::{FAILURE, INVALID, OK};
use bbt::pipeline::horizontaal::{self, Failure, Options};
use bbt::pipeline::job;
use bbt::tr;

use super::{print_diagnostics, print_timings, project_root, report_render_error};
use crate::cli::{Format, HorizontaalArgs};
use crate::console::{self, say};

pub fn horizontaal(args: &HorizontaalArgs) -> u8 {
    let format = args.format;
    // Without a workspace named: the current folder when it holds a plan
    // (a workspace folder), else the project `render` would take.
    let given = match args.projects.is_empty() {
        true if std::path::Path::new(bbt::load::horizontaal::PLAN_FILE).is_file() => vec![".".into()],
        true => vec![project_root(&None)],
        false => args.projects.clone(),
    };
    let projects = match super::workspace_projects(&given, args.projects.is_empty(), format) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let source_date_epoch = match super::source_date_epoch() {
        Ok(d) => d,
        Err(code) => return code,
    };
    let opts = Options {
        output: args.output.clone(),
        year: args.year,
        phase: args.phase,
        plan: args.plan.clone(),
        source_date_epoch,
    };
    let outcome = horizontaal::run(&projects, &given, &opts);
    let human = format == Format::Human;
    if human {
        match &outcome.plan {
            Some(plan) => say!("{}", tr!("horizontal-plan", pad = plan.display())),
            None if outcome.plan_failed => {}
            None => console::warning(tr!("horizontal-no-plan", bestand = bbt::load::horizontaal::PLAN_FILE)),
        }
    }
    let mut worst = OK;
    let mut all: Vec<Diagnostic> = Vec::new();
    // A finding of the plan's rules at a project's file is shown and counted
    // with that project, as `bbt check` does.
    let mut across = outcome.across.clone();
    for p in &outcome.projects {
        let (own, rest) = super::findings_of(across, &p.root);
        across = rest;
        let mut diags = p.diagnostics.clone();
        diags.extend(own);
        diag::sort(&mut diags);
        if human {
            print_diagnostics(&diags, Format::Human);
            say!("{}: {}", job::label(&p.root, p.selected), diag::summary(&diags));
        }
        if p.inputs.is_none() || diags.iter().any(Diagnostic::is_error) {
            worst = INVALID;
        }
        all.extend(diags);
    }
    if human {
        print_diagnostics(&across, Format::Human);
    }
    all.extend(across);
    if format == Format::Json {
        print_diagnostics(&all, Format::Json);
    }
    match &outcome.result {
        Ok(w) => {
            if human {
                say!(
                    "{}",
                    tr!(
                        "horizontal-wrote",
                        pad = w.pdf.display(),
                        paginas = n(w.pages),
                        themas = n(w.themas),
                        domeinen = n(outcome.projects.len()),
                        samenvatting = diag::summary(&all)
                    )
                );
                say!("{}", tr!("wrote-open-data", csv = w.csv.display(), datapackage = w.datapackage.display()));
                // The command that makes the domains' PDFs where the overview looks.
                let render = format!(
                    "bbt render {} -o {}",
                    given.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(" "),
                    opts.output.display()
                );
                let namen = |ps: &[std::path::PathBuf]| -> (usize, String) {
                    let namen: Vec<String> = ps.iter().map(|p| p.display().to_string()).collect();
                    (namen.len(), bbt::suggest::some_of(namen.iter()))
                };
                let map = opts.output.display().to_string();
                if !w.zonder_paginas.is_empty() {
                    let (aantal, lijst) = namen(&w.zonder_paginas);
                    console::warning(tr!("horizontal-no-pages", aantal = n(aantal), lijst = lijst, map = map.as_str()));
                    console::help(tr!("horizontal-pages-help", opdracht = render.as_str()));
                }
                if !w.verouderde_paginas.is_empty() {
                    let (aantal, lijst) = namen(&w.verouderde_paginas);
                    console::warning(tr!(
                        "horizontal-stale-pages",
                        aantal = n(aantal),
                        lijst = lijst,
                        map = map.as_str()
                    ));
                    console::help(tr!("horizontal-pages-help", opdracht = render.as_str()));
                }
            }
        }
        Err(Failure::Invalid) => {
            worst = worst.max(INVALID);
            if human {
                say!("{}", tr!("horizontal-not-written"));
            }
        }
        Err(Failure::NoDocument) => {
            worst = worst.max(INVALID);
            console::error(tr!("horizontal-no-document", fase = opts.phase.abbrev()));
            console::help(tr!("horizontal-no-document-help"));
        }
        Err(Failure::Render(e)) => {
            report_render_error(e);
            worst = worst.max(if e.is_bug() { FAILURE } else { INVALID });
        }
        Err(Failure::Io { what, error }) => {
            console::error(format!("{what}: {}", bbt::i18n::io_error(error)));
            worst = FAILURE;
        }
        Err(Failure::OutputAmongInputs(message)) => {
            console::error(message);
            console::help(tr!("output-folder-help"));
            worst = FAILURE;
        }
    }
    if args.timings {
        print_timings(&outcome.timings);
    }
    worst
}
