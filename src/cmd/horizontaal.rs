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
    let given = if args.projects.is_empty() { vec![project_root(&None)] } else { args.projects.clone() };
    let mut projects = Vec::new();
    for path in &given {
        if !path.exists() {
            super::no_project_folder(path, args.projects.is_empty());
            return FAILURE;
        }
        match bbt::workspace::projects(path) {
            Ok(found) => projects.extend(found),
            Err(d) => {
                print_diagnostics(&[d], format);
                return INVALID;
            }
        }
    }
    let projects = bbt::workspace::dedupe(projects);
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
    let mut worst = OK;
    let mut all: Vec<Diagnostic> = Vec::new();
    for p in &outcome.projects {
        if human {
            print_diagnostics(&p.diagnostics, Format::Human);
            say!("{}: {}", job::label(&p.root, p.selected), diag::summary(&p.diagnostics));
        }
        if p.inputs.is_none() || p.diagnostics.iter().any(Diagnostic::is_error) {
            worst = INVALID;
        }
        all.extend(p.diagnostics.iter().cloned());
    }
    if human {
        print_diagnostics(&outcome.across, Format::Human);
    }
    all.extend(outcome.across.iter().cloned());
    if format == Format::Json {
        print_diagnostics(&all, Format::Json);
    }
    if human {
        match &outcome.plan {
            Some(plan) => say!("{}", tr!("horizontal-plan", pad = plan.display())),
            None => console::warning(tr!("horizontal-no-plan", bestand = bbt::model::horizontaal::PLAN_FILE)),
        }
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
                if !w.zonder_paginas.is_empty() {
                    let lijst: Vec<String> = w.zonder_paginas.iter().map(|p| p.display().to_string()).collect();
                    console::help(tr!(
                        "horizontal-no-pages",
                        aantal = lijst.len(),
                        lijst = bbt::suggest::some_of(lijst.iter()),
                        map = opts.output.display()
                    ));
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
