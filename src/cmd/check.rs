//! `bbt check`: one project, several, or a workspace.

use std::path::PathBuf;

use bbt::diag::{self, Diagnostic};
use bbt::load::{self, Selection};
use bbt::pipeline::Timings;
use bbt::pipeline::exit::{FAILURE, INVALID, OK};
use bbt::pipeline::job;

use super::{print_diagnostics, print_timings, project_root};
use crate::cli::{CheckArgs, DocumentArgs, Format};
use crate::console::say;

/// Loads and checks one project's document. Returns the inputs (when they
/// could be read), every diagnostic and the year and phase selected, or an
/// exit code for a usage error.
fn load_and_check(
    project: &Option<PathBuf>,
    args: &DocumentArgs,
    timings: &mut Timings,
) -> Result<(Option<load::Inputs>, Vec<Diagnostic>, Option<(i32, bbt::model::Fase)>), u8> {
    let phase = args.phase;
    let root = project_root(project);
    if !root.is_dir() {
        super::no_project_folder(&root, project.is_none());
        return Err(FAILURE);
    }
    let sel = Selection { year: args.year, phase: Some(phase), previous: args.previous.clone(), workbook: None };
    let (checked, diags) = job::load_and_check(&root, &sel, timings);
    Ok((checked.map(|c| c.inputs), diags, load::selected(&root, &sel)))
}

pub fn check(args: &CheckArgs) -> u8 {
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
    let mut projects: Vec<Option<PathBuf>> =
        bbt::workspace::dedupe(projects.into_iter().flatten().collect()).into_iter().map(Some).collect();
    if projects.is_empty() {
        projects.push(None);
    }
    let mut timings = Timings::default();
    let mut worst = OK;
    let mut checked = Vec::new();
    for project in &projects {
        match load_and_check(project, &args.doc, &mut timings) {
            Ok(x) => checked.push((project, x)),
            Err(code) => worst = worst.max(code),
        }
    }
    // Findings across projects: one about a project (L007, at its id) is
    // counted and shown with that project; the others (B009) after all.
    let loaded: Vec<&load::Inputs> = checked.iter().filter_map(|(_, (i, _, _))| i.as_ref()).collect();
    let mut across = if loaded.len() > 1 { bbt::check::across(&loaded) } else { Vec::new() };
    // The workspace against its horizontal plan, when it has one.
    match load::horizontaal::find_plan(&args.projects, args.plan.as_deref()) {
        Ok(Some(plan)) => across.extend(bbt::check::horizontaal::check(&plan, &loaded, loaded.len() == checked.len())),
        Ok(None) => {}
        Err(d) => across.push(d),
    }
    let mut all = Vec::new();
    for (project, (inputs, mut diags, selected)) in checked {
        let root = project_root(project);
        let (own, rest) = super::findings_of(across, &root);
        across = rest;
        diags.extend(own);
        let code = if inputs.is_none() || diags.iter().any(Diagnostic::is_error) { INVALID } else { OK };
        worst = worst.max(code);
        if args.doc.format == Format::Human {
            print_diagnostics(&diags, Format::Human);
            say!("{}: {}", job::label(&root, selected), diag::summary(&diags));
            match &inputs {
                Some(i) => say!("{}", readiness(i, &diags)),
                None => say!("{}", bbt::tr!("readiness-unknown")),
            }
        }
        all.extend(diags);
    }
    if args.doc.format == Format::Human {
        print_diagnostics(&across, Format::Human);
    }
    if across.iter().any(Diagnostic::is_error) {
        worst = worst.max(INVALID);
    }
    all.extend(across);
    if args.doc.format == Format::Json {
        print_diagnostics(&all, Format::Json);
    }
    if args.doc.timings {
        print_timings(&timings);
    }
    worst
}

/// Whether the document can be filed as it is, for the line under the
/// summary. The horizontal plan's findings (H) are the workspace's, not the
/// document's: a document is filed whatever the plan says.
fn readiness(inputs: &load::Inputs, diags: &[Diagnostic]) -> String {
    let own: Vec<Diagnostic> = diags.iter().filter(|d| !d.code.starts_with('H')).cloned().collect();
    bbt::check::gate::readiness(inputs.document.meta.status.is_filed(), &own)
}
