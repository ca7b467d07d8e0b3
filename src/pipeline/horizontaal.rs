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
    let plan = match timings.time("load", || load::horizontaal::find_plan(paths, opts.plan.as_deref())) {
        Ok(plan) => plan,
        Err(d) => {
            across.push(d);
            None
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
    if let Some(plan) = &plan {
        across.extend(timings.time("check", || crate::check::horizontaal::check(plan, &loaded)));
    }
    diag::sort(&mut across);
    let invalid = across.iter().any(Diagnostic::is_error)
        || checked.iter().any(|p| p.inputs.is_none() || p.diagnostics.iter().any(Diagnostic::is_error));
    let result = match year {
        None => Err(Failure::NoDocument),
        Some(_) if invalid => Err(Failure::Invalid),
        Some(jaar) => write(&loaded, plan.as_ref(), jaar, opts, &mut timings),
    };
    Outcome { projects: checked, plan: plan.map(|p| p.file), across, year, result, timings }
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
    let domeinen: Vec<Domein> = loaded.iter().map(|p| Domein { nota: &p.beleidsnota, document: &p.document }).collect();
    let o = timings.time("view", || overzicht(plan, domeinen));
    let paginas: Vec<Option<BTreeMap<String, usize>>> =
        loaded.iter().map(|p| page_index(&opts.output, p).map(|i| i.paginas)).collect();
    let zonder_paginas =
        loaded.iter().zip(&paginas).filter(|(_, p)| p.is_none()).map(|(i, _)| i.root.clone()).collect();
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
    Ok(Written { pdf: pdf_path, pages: doc.pages().len(), csv, datapackage, themas: o.themas.len(), zonder_paginas })
}

/// The page index a render of `p`'s document wrote into `output`, when it
/// is there, readable, and of this very document (project, year, phase)
/// whose PDF is beside it.
fn page_index(output: &Path, p: &Inputs) -> Option<PageIndex> {
    let pdf = crate::pipeline::pdf_name(p);
    let stem = pdf.trim_end_matches(".pdf");
    let bytes = std::fs::read(output.join(PageIndex::file_name(stem))).ok()?;
    let index: PageIndex = serde_json::from_slice(&bytes).ok()?;
    let same = index.project == p.beleidsnota.id.as_str()
        && index.jaar == p.document.jaar
        && index.fase == p.document.fase.folder()
        && index.pdf == pdf;
    (same && output.join(&pdf).is_file()).then_some(index)
}
