//! `bbt horizontaal`: the coordinating view over a workspace. Every
//! project's document of one year and phase is loaded and checked, the
//! workspace against its horizontal plan (H rules); when nothing is wrong,
//! the overview is typeset and written with its open data. Nothing is
//! written when a project or the plan has an error: an overview over part
//! of the government would print wrong totals.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::assets::TemplateSet;
use crate::diag::{self, Diagnostic};
use crate::load::{self, Inputs, Selection};
use crate::model::horizontaal::{Domein, Plan, overzicht};
use crate::model::{Date, Fase};
use crate::pipeline::{RenderError, Timings};
use crate::render::horizontaal::PlanView;
use crate::typeset::ankers::PageIndex;
use crate::typeset::{self, BbtWorld};
use crate::{render, tr};

/// The bundled template of the overview.
pub const TEMPLATE: &str = "horizontaal.typ.j2";

#[derive(Debug, Clone)]
pub struct Options {
    pub output: PathBuf,
    /// `None`: the latest year any project has a document of `phase` for.
    pub year: Option<i32>,
    pub phase: Fase,
    /// `None`: `horizontaal.yaml` in a workspace folder given.
    pub plan: Option<PathBuf>,
    pub source_date_epoch: Option<Date>,
}

/// What the overview wrote.
#[derive(Debug)]
pub struct Written {
    pub pdf: PathBuf,
    pub pages: usize,
    pub csv: PathBuf,
    pub datapackage: PathBuf,
    pub themas: usize,
    /// The projects whose own PDF's page index was not found beside the
    /// overview (their ODs are referred to without a page).
    pub zonder_paginas: Vec<PathBuf>,
    /// The projects whose page index is older than one of their inputs: a
    /// text changed since their PDF was made, so its pages may have moved
    /// (their ODs are referred to without a page).
    pub verouderde_paginas: Vec<PathBuf>,
}

/// Why nothing was written.
#[derive(Debug)]
pub enum Failure {
    /// A project or the plan has errors (in the diagnostics).
    Invalid,
    /// No project has a document of the phase.
    NoDocument,
    Render(RenderError),
    Io {
        what: String,
        error: std::io::Error,
    },
    /// The output folder is one of a project's input folders.
    OutputAmongInputs(String),
}

/// One project of the workspace, checked.
#[derive(Debug)]
pub struct Project {
    pub root: PathBuf,
    pub selected: Option<(i32, Fase)>,
    pub diagnostics: Vec<Diagnostic>,
    pub inputs: Option<Inputs>,
}

#[derive(Debug)]
pub struct Outcome {
    pub projects: Vec<Project>,
    /// The plan that was read, if any.
    pub plan: Option<PathBuf>,
    /// A plan was given or found but could not be read (its error is in
    /// `across`).
    pub plan_failed: bool,
    /// Findings over the workspace: the plan's, the H rules', and the rules
    /// over several projects (L007, B009).
    pub across: Vec<Diagnostic>,
    pub year: Option<i32>,
    pub result: Result<Written, Failure>,
    pub timings: Timings,
}

/// The overview's file names: `horizontaal-<jaar>-<fase>`.
pub fn stem(jaar: i32, fase: Fase) -> String {
    format!("horizontaal-{jaar}-{}", fase.folder())
}

/// Loads and checks every project of `projects` and the plan, and writes
/// the overview when nothing is wrong.
pub fn run(projects: &[PathBuf], paths: &[PathBuf], opts: &Options) -> Outcome {
    let mut timings = Timings::default();
    let year = opts.year.or_else(|| projects.iter().filter_map(|p| load::years(p, opts.phase).last().copied()).max());
    let mut across = Vec::new();
    let (plan, plan_failed) = match timings.time("load", || load::horizontaal::find_plan(paths, opts.plan.as_deref())) {
        Ok(plan) => (plan, false),
        Err(d) => {
            across.push(d);
            (None, true)
        }
    };
    let selection = Selection { year, phase: Some(opts.phase), previous: None, workbook: None };
    let checked: Vec<Project> = projects
        .iter()
        .map(|root| {
            let (checked, diagnostics) = crate::pipeline::job::load_and_check(root, &selection, &mut timings);
            Project {
                root: root.clone(),
                selected: load::selected(root, &selection),
                diagnostics,
                inputs: checked.map(|c| c.inputs),
            }
        })
        .collect();
    let loaded: Vec<&Inputs> = checked.iter().filter_map(|p| p.inputs.as_ref()).collect();
    if loaded.len() > 1 {
        across.extend(crate::check::across(&loaded));
    }
    match &plan {
        Some(plan) => {
            let complete = loaded.len() == checked.len();
            across.extend(timings.time("check", || crate::check::horizontaal::check(plan, &loaded, complete)));
        }
        None => across.extend(crate::check::horizontaal::in_two_projects(&loaded)),
    }
    diag::sort(&mut across);
    let invalid = across.iter().any(Diagnostic::is_error)
        || checked.iter().any(|p| p.inputs.is_none() || p.diagnostics.iter().any(Diagnostic::is_error));
    let result = match year {
        None => Err(Failure::NoDocument),
        Some(_) if invalid => Err(Failure::Invalid),
        Some(jaar) => write(&loaded, plan.as_ref(), jaar, opts, &mut timings),
    };
    Outcome { projects: checked, plan: plan.map(|p| p.file), plan_failed, across, year, result, timings }
}

fn write(
    loaded: &[&Inputs],
    plan: Option<&Plan>,
    jaar: i32,
    opts: &Options,
    timings: &mut Timings,
) -> Result<Written, Failure> {
    for p in loaded {
        crate::output::check_output_folder(&opts.output, &p.root).map_err(Failure::OutputAmongInputs)?;
    }
    if let Some(folder) = plan.and_then(|p| p.file.parent()) {
        crate::output::check_output_not_in(&opts.output, folder).map_err(Failure::OutputAmongInputs)?;
    }
    let domeinen: Vec<Domein> = loaded.iter().map(|p| Domein { nota: &p.beleidsnota, document: &p.document }).collect();
    let o = timings.time("view", || overzicht(plan, domeinen));
    let indexes: Vec<Paginaregister> = loaded.iter().map(|p| page_index(&opts.output, p)).collect();
    let met = |want: fn(&Paginaregister) -> bool| -> Vec<PathBuf> {
        loaded.iter().zip(&indexes).filter(|(_, i)| want(i)).map(|(p, _)| p.root.clone()).collect()
    };
    let zonder_paginas = met(|i| matches!(i, Paginaregister::Geen));
    let verouderde_paginas = met(|i| matches!(i, Paginaregister::Verouderd));
    let paginas: Vec<Option<BTreeMap<String, usize>>> = indexes
        .into_iter()
        .map(|i| match i {
            Paginaregister::Actueel(index) => Some(index.paginas),
            _ => None,
        })
        .collect();
    let stem = stem(jaar, opts.phase);
    let document = crate::model::budget::document_name(jaar, opts.phase);
    let mut view = render::horizontaal::build(&o, &paginas, jaar, opts.phase.abbrev());
    if let Some(p) = plan {
        view.plan = Some(PlanView { titel: p.titel.clone(), legislatuur: p.legislatuur.clone() });
    }
    let set = TemplateSet::bundled();
    let template =
        |e: render::TemplateError| Failure::Render(RenderError::Template { message: e.message, bundled: true });
    let typ = timings.time("template", || {
        render::Templates::load(&set).map_err(template)?.render_named(TEMPLATE, &view).map_err(template)
    })?;
    let date =
        loaded.iter().map(|p| p.document.meta.status.date()).max().unwrap_or(Date { year: jaar, month: 1, day: 1 });
    let world = BbtWorld::new(set, typeset::pdf_date(date, opts.source_date_epoch));
    let ident = format!("bbt/horizontaal/{jaar}/{}", opts.phase.folder());
    let (pdf, doc, _) =
        crate::pipeline::pdf::compile_and_export(&world, &typ, ident, &typeset::DEFAULT_STANDARDS, timings)
            .map_err(Failure::Render)?;
    let open = crate::opendata::horizontaal::build(&o, &stem, jaar, &document)
        .map_err(|error| Failure::Io { what: tr!("io-open-data"), error })?;
    let pdf_path = opts.output.join(format!("{stem}.pdf"));
    let csv = opts.output.join(format!("{stem}.csv"));
    let datapackage = opts.output.join(format!("{stem}.datapackage.json"));
    for (pad, bytes) in [(&pdf_path, &pdf), (&csv, &open.csv), (&datapackage, &open.datapackage)] {
        timings
            .time("write", || crate::output::write_atomic(pad, bytes))
            .map_err(|error| Failure::Io { what: tr!("io-write", pad = pad.display()), error })?;
    }
    Ok(Written {
        pdf: pdf_path,
        pages: doc.pages().len(),
        csv,
        datapackage,
        themas: o.themas.len(),
        zonder_paginas,
        verouderde_paginas,
    })
}

/// What the output folder holds of a project's page index.
enum Paginaregister {
    /// None of this document: missing, unreadable, of another document, or
    /// beside a PDF it was not made with.
    Geen,
    /// Written before one of the project's inputs last changed.
    Verouderd,
    Actueel(PageIndex),
}

/// The page index a render of `p`'s document wrote into `output`: there,
/// readable, of this very document (project, year, phase) whose PDF is
/// beside it, and no older than any of the document's inputs (else a text
/// changed since, and the pages may have moved).
fn page_index(output: &Path, p: &Inputs) -> Paginaregister {
    let pdf = crate::pipeline::pdf_name(p);
    let stem = pdf.trim_end_matches(".pdf");
    let path = output.join(PageIndex::file_name(stem));
    let Some(index) = std::fs::read(&path).ok().and_then(|b| serde_json::from_slice::<PageIndex>(&b).ok()) else {
        return Paginaregister::Geen;
    };
    let same = index.project == p.beleidsnota.id.as_str()
        && index.jaar == p.document.jaar
        && index.fase == p.document.fase.folder()
        && index.pdf == pdf
        && std::fs::metadata(output.join(&pdf)).is_ok_and(|m| m.is_file() && m.len() == index.pdf_bytes);
    if !same {
        return Paginaregister::Geen;
    }
    let written = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
    // The previous document's figures are printed too (the starting standings).
    let previous = p.previous.as_ref().map(|prev| prev.dir.clone());
    let inputs = [p.root.join(load::BELEIDSNOTA_FILE), p.root.join(load::AFKORTINGEN_FILE), p.dir.clone()];
    match (written, inputs.iter().chain(previous.iter()).filter_map(|i| newest(i)).max()) {
        (Some(w), Some(changed)) if changed > w => Paginaregister::Verouderd,
        _ => Paginaregister::Actueel(index),
    }
}

/// When `path` (a file, or a folder and everything under it) last changed.
fn newest(path: &Path) -> Option<std::time::SystemTime> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    let own = meta.modified().ok();
    if !meta.is_dir() {
        return own;
    }
    let under = std::fs::read_dir(path).ok()?.flatten().filter_map(|e| newest(&e.path())).max();
    own.into_iter().chain(under).max()
}
