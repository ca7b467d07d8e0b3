//! One render job: a project's document loaded, checked, rendered and
//! written, with everything that happened recorded in an [`Outcome`] and
//! nothing printed. `bbt render`, `bbt watch` and the workspace render all
//! run jobs; the binary prints their outcomes.
//!
//! A [`Session`] keeps the Typst World of the last job alive, so the next job
//! of the same project (a watch cycle) reuses Typst's incremental cache.

use std::path::{Path, PathBuf};

use crate::assets::TemplateSet;
use crate::check::Glyphs;
use crate::diag::{self, Diagnostic};
use crate::load::{self, Inputs, Selection};
use crate::pipeline::{RenderError, Timings, exit};
use crate::render::narrative::{self, Omgezet};
use crate::tr;
use crate::typeset::{BbtWorld, TypstProblem};

/// How to render: the same for every job of a command.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    pub selection: Selection,
    /// The output folder.
    pub output: PathBuf,
    /// `None`: the bundled templates; else a folder, read at every job (so a
    /// watch sees template edits).
    pub templates: Option<PathBuf>,
    pub standards: Vec<typst_pdf::PdfStandard>,
    pub attach: bool,
    pub emit_typ: bool,
    /// The date `SOURCE_DATE_EPOCH` sets, read once by the caller
    /// ([`crate::typeset::parse_source_date_epoch`]).
    pub source_date_epoch: Option<crate::model::Date>,
}

/// What a job wrote.
#[derive(Debug, Clone)]
pub struct Written {
    pub pdf: PathBuf,
    pub pages: usize,
    /// The `--emit-typ` folder.
    pub typ_dir: Option<PathBuf>,
    /// The figures as open data: the CSV and its data package.
    pub open_data: (PathBuf, PathBuf),
    /// The page of each element's heading (`<name>.paginas.json`).
    pub page_index: PathBuf,
}

/// Why a job wrote nothing.
#[derive(Debug)]
pub enum Failure {
    /// The inputs could not be read or have errors (in `diagnostics`).
    Invalid,
    /// A user's template folder could not be read.
    Templates { dir: PathBuf, error: std::io::Error },
    /// The templates failed.
    Render(RenderError),
    /// Writing (or reading the files to attach) failed: what could not be
    /// done (a sentence in the language of the messages), and why.
    Io { what: String, error: std::io::Error },
    /// Another project of the same run writes the same PDF (two projects
    /// with the same id).
    SameOutput { pdf: PathBuf, other: PathBuf },
    /// The output folder is one of the project's input folders (a usage error).
    OutputAmongInputs(String),
}

/// Everything a job did.
#[derive(Debug)]
pub struct Outcome {
    pub root: PathBuf,
    /// The document, once known: project id, year, phase.
    pub document: Option<(crate::model::ProjectId, i32, crate::model::Fase)>,
    /// The year and phase selected, also when the document cannot be read.
    pub selected: Option<(i32, crate::model::Fase)>,
    pub diagnostics: Vec<Diagnostic>,
    pub typst_warnings: Vec<TypstProblem>,
    pub result: Result<Written, Failure>,
    pub timings: Timings,
    /// The inputs, when they could be read (for checks across projects).
    pub inputs: Option<Inputs>,
    /// A PDF of this document from an earlier render that this one did not
    /// replace: it still shows the earlier standing.
    pub verouderd: Option<PathBuf>,
    /// This run wrote the PDF (also when a later step, the `.typ` copy,
    /// failed).
    pub pdf_written: bool,
}

impl Outcome {
    /// The exit code of this job (design.md contract).
    pub fn exit_code(&self) -> u8 {
        match &self.result {
            Ok(_) => exit::OK,
            Err(Failure::Invalid | Failure::Templates { .. } | Failure::SameOutput { .. }) => exit::INVALID,
            Err(Failure::Render(e)) if e.is_bug() => exit::FAILURE,
            Err(Failure::Render(_)) => exit::INVALID,
            Err(Failure::Io { .. } | Failure::OutputAmongInputs(_)) => exit::FAILURE,
        }
    }

    /// "BBT 2025 (BO) in inputs", or the folder while no
    /// document is selected.
    pub fn label(&self) -> String {
        label(&self.root, self.selected)
    }

    /// Errors, warnings and notes, counted as the summary line counts them
    /// (Typst's own problems with the errors or warnings).
    /// A job that failed after its inputs checked clean (the PDF could not
    /// be written, the templates not read) counts that failure as an error.
    pub fn counts(&self) -> (usize, usize, usize) {
        let (e, w, i) = crate::diag::counts(&self.diagnostics);
        let typst_errors = self.typst_warnings.iter().filter(|p| p.error).count();
        let failed = matches!(&self.result, Err(f) if !matches!(f, Failure::Invalid));
        let errors = e + typst_errors;
        (if failed { errors.max(1) } else { errors }, w + self.typst_warnings.len() - typst_errors, i)
    }
}

/// How a document is named in summaries: "BBT 2025 (BO) in
/// inputs" (without "in ." for the current folder), or its project folder
/// while no document is selected.
pub fn label(root: &Path, document: Option<(i32, crate::model::Fase)>) -> String {
    match document {
        Some((jaar, fase)) if root == Path::new(".") || root.as_os_str().is_empty() => {
            crate::model::budget::document_name(jaar, fase)
        }
        Some((jaar, fase)) => format!("{} in {}", crate::model::budget::document_name(jaar, fase), root.display()),
        None => root.display().to_string(),
    }
}

/// Keeps the Typst World of the last render, for incremental re-renders.
#[derive(Default)]
pub struct Session {
    world: Option<BbtWorld>,
}

impl Session {
    /// The World for `set` dated `date`: the kept one when it serves the same
    /// files and date, else a new one.
    pub fn world(&mut self, set: &TemplateSet, date: crate::model::Date) -> &BbtWorld {
        let reusable = self.world.as_ref().is_some_and(|w| w.date() == date && w.templates().same_files(set));
        if !reusable {
            self.world = None;
        }
        self.world.get_or_insert_with(|| BbtWorld::new(set.clone(), date))
    }
}

/// A document loaded, its texts converted once (the narrative stage), and
/// checked.
pub struct Checked {
    pub inputs: Inputs,
    pub teksten: Omgezet,
}

/// Loads and checks the selected document of the project at `root`, for
/// the bundled templates' fonts.
pub fn load_and_check(root: &Path, selection: &Selection, timings: &mut Timings) -> (Option<Checked>, Vec<Diagnostic>) {
    let glyphs = crate::typeset::glyphs(&TemplateSet::bundled());
    load_and_check_with(root, selection, &glyphs, timings)
}

/// Loads and checks the selected document of the project at `root`; `glyphs`
/// are the characters the fonts of the render's templates can print.
pub fn load_and_check_with(
    root: &Path,
    selection: &Selection,
    glyphs: &Glyphs,
    timings: &mut Timings,
) -> (Option<Checked>, Vec<Diagnostic>) {
    let (inputs, mut diags) = timings.time("load", || load::load(root, selection));
    let checked = inputs.map(|inputs| {
        let teksten = timings.time("texts", || narrative::omzetten(&inputs.beleidsnota, &inputs.document));
        diags.extend(timings.time("check", || crate::check::check(&inputs, &teksten, glyphs)));
        Checked { inputs, teksten }
    });
    diag::sort(&mut diags);
    (checked, diags)
}

/// Renders the project at `root`: load, check, and when the inputs hold no
/// error, view, typeset, export and write `<output>/<project>-<jaar>-<fase>.pdf`.
pub fn render_project(root: &Path, opts: &RenderOptions, session: &mut Session) -> Outcome {
    render_project_with(root, opts, session, &|_| Ok(()))
}

/// [`render_project`], asking `claim` before writing the PDF whether no other
/// project of the same run writes that file.
pub fn render_project_with(
    root: &Path,
    opts: &RenderOptions,
    session: &mut Session,
    claim: &dyn Fn(&Path) -> Result<(), Failure>,
) -> Outcome {
    let mut timings = Timings::default();
    // The templates first: their fonts decide which characters can be printed.
    let set = match &opts.templates {
        None => Ok(TemplateSet::bundled()),
        Some(dir) => TemplateSet::from_dir(dir).map_err(|error| (dir.clone(), error)),
    };
    let glyphs = match &set {
        Ok(set) => crate::typeset::glyphs(set),
        Err(_) => Glyphs::any(),
    };
    let (checked, diagnostics) = load_and_check_with(root, &opts.selection, &glyphs, &mut timings);
    let document =
        checked.as_ref().map(|c| (c.inputs.beleidsnota.id.clone(), c.inputs.document.jaar, c.inputs.document.fase));
    let mut outcome = Outcome {
        root: root.to_path_buf(),
        document,
        selected: crate::load::selected(root, &opts.selection),
        diagnostics,
        typst_warnings: Vec::new(),
        result: Err(Failure::Invalid),
        timings: Timings::default(),
        inputs: None,
        verouderd: None,
        pdf_written: false,
    };
    if let Some(checked) = &checked
        && !outcome.diagnostics.iter().any(Diagnostic::is_error)
    {
        outcome.result = match set {
            Ok(set) => render_inputs(checked, set, opts, session, claim, &mut outcome, &mut timings),
            Err((dir, error)) => Err(Failure::Templates { dir, error }),
        };
    }
    // (Not when another project of the run wrote that very file.)
    if !outcome.pdf_written
        && matches!(&outcome.result, Err(f) if !matches!(f, Failure::SameOutput { .. } | Failure::OutputAmongInputs(_)))
        && let Some((id, jaar, fase)) = &outcome.document
    {
        let earlier = opts.output.join(crate::pipeline::pdf_name_of(id, *jaar, *fase));
        outcome.verouderd = earlier.is_file().then_some(earlier);
    }
    outcome.timings = timings;
    outcome.inputs = checked.map(|c| c.inputs);
    outcome
}

fn render_inputs(
    checked: &Checked,
    mut set: TemplateSet,
    opts: &RenderOptions,
    session: &mut Session,
    claim: &dyn Fn(&Path) -> Result<(), Failure>,
    outcome: &mut Outcome,
    timings: &mut Timings,
) -> Result<Written, Failure> {
    let inputs = &checked.inputs;
    crate::output::check_output_folder(&opts.output, &inputs.root).map_err(Failure::OutputAmongInputs)?;
    let name = crate::pipeline::pdf_name(inputs);
    let path = opts.output.join(&name);
    claim(&path)?;
    let stem = name.trim_end_matches(".pdf");
    let open =
        crate::opendata::build(inputs, stem).map_err(|error| Failure::Io { what: tr!("io-open-data"), error })?;
    let attachments = if opts.attach {
        crate::pipeline::export::attachments(inputs, stem, &open)
            .map_err(|error| Failure::Io { what: tr!("io-attach"), error })?
    } else {
        Vec::new()
    };
    for a in &attachments {
        set.attach(&a.view.pad, &a.bytes);
    }
    let date = crate::typeset::pdf_date(inputs.document.meta.status.date(), opts.source_date_epoch);
    let world = session.world(&set, date);
    let rendered = crate::pipeline::render_in(world, inputs, &checked.teksten, &opts.standards, &attachments, timings)
        .map_err(Failure::Render)?;
    outcome.typst_warnings = rendered.typst_warnings.clone();
    timings
        .time("write", || crate::output::write_atomic(&path, &rendered.pdf))
        .map_err(|error| Failure::Io { what: tr!("io-write", pad = path.display()), error })?;
    outcome.pdf_written = true;
    // The figures beside the PDF, for whoever reads them by machine.
    let csv = opts.output.join(format!("{stem}.csv"));
    let datapackage = opts.output.join(format!("{stem}.datapackage.json"));
    // Where the document explains each element, for the horizontal overview.
    let page_index = opts.output.join(crate::typeset::ankers::PageIndex::file_name(stem));
    let paginas = serde_json::to_vec_pretty(&rendered.paginas).unwrap_or_default();
    for (pad, bytes) in [(&csv, &open.csv), (&datapackage, &open.datapackage), (&page_index, &paginas)] {
        timings
            .time("write", || crate::output::write_atomic(pad, bytes))
            .map_err(|error| Failure::Io { what: tr!("io-write", pad = pad.display()), error })?;
    }
    let typ_dir = if opts.emit_typ {
        let dir = crate::pipeline::emit_typ(&opts.output, stem, &rendered, &set, &opts.standards)
            .map_err(|error| Failure::Io { what: tr!("io-write-typst"), error })?;
        Some(dir)
    } else {
        None
    };
    Ok(Written { pdf: path, pages: rendered.pages, typ_dir, open_data: (csv, datapackage), page_index })
}
