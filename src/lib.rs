//! `bbt` checks and renders the Flemish beleids- en begrotingstoelichting
//! (BBT): the yearly policy-and-budget explanation a minister files with the
//! Vlaams Parlement, in the clustering fixed by the term's beleidsnota.
//!
//! # The pipeline
//!
//! | stage | module | entry |
//! |---|---|---|
//! | load: YAML, workbook, Markdown → model, with positions | [`load`] | [`load::load`] |
//! | the domain, no IO | [`model`] | [`model::Document`] |
//! | check: every rule, every diagnostic | [`check`] | [`check::check`] |
//! | view: view model, Dutch formatting, templates → Typst source | [`render`] | [`render::view::build`], [`render::Templates::render`] |
//! | typeset: the one Typst World, compile, PDF export | [`typeset`] | [`typeset::compile`], [`typeset::export`] |
//! | output: atomic writes | [`output`] | [`output::write_atomic`] |
//!
//! [`workbook_template`] writes the blank budget workbook (`bbt template`);
//! [`diff`] compares two documents (`bbt diff`).
//! [`diag`] holds the diagnostic type all stages report with; [`assets`] the
//! template set (bundled or `--templates DIR`). [`render_document`] runs view
//! and typeset for a loaded, checked document; the binary (`main.rs`,
//! `cli.rs`) adds arguments, printing and exit codes.

// A `Diagnostic` is the error of most loaders: it is returned once, on a cold
// path, so its size does not matter more than its clarity.
#![allow(clippy::result_large_err)]
// A tool that must not crash the night before the deadline: no unwrap, no
// expect, no unchecked indexing outside tests; each exception says why it
// cannot fail.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing))]

pub mod assets;
pub mod check;
pub mod diag;
pub mod diff;
pub mod init;
pub mod job;
pub mod load;
pub mod model;
pub mod output;
pub mod render;
pub mod typeset;
pub mod watch;
pub mod workbook_template;
pub mod workspace;

/// Exit codes (design.md contract). With several projects, the highest of any.
pub mod exit {
    /// Done; warnings allowed; `diff` finding differences.
    pub const OK: u8 = 0;
    /// The inputs, or a user's templates, are invalid (a missing input too).
    pub const INVALID: u8 = 1;
    /// Usage error, IO failure, or a bug.
    pub const FAILURE: u8 = 2;
    /// Stopped by SIGINT or SIGTERM.
    pub const INTERRUPTED: u8 = 130;
}

use std::time::{Duration, Instant};

use assets::TemplateSet;
use diag::Diagnostic;
use load::Inputs;
use typeset::{BbtWorld, ExportOptions, TypstProblem};

/// Time spent per stage, for `--timings`.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    pub stages: Vec<(&'static str, Duration)>,
}

impl Timings {
    /// Runs `f`, recording its time under `stage`.
    pub fn time<T>(&mut self, stage: &'static str, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        self.stages.push((stage, start.elapsed()));
        out
    }

    pub fn total(&self) -> Duration {
        self.stages.iter().map(|(_, d)| *d).sum()
    }
}

/// A rendered document.
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub pages: usize,
    /// The generated Typst source.
    pub typ: String,
    /// Problems found while building the view (e.g. unsupported Markdown).
    pub diagnostics: Vec<Diagnostic>,
    pub typst_warnings: Vec<TypstProblem>,
    /// The date the PDF carries.
    pub date: model::Date,
}

/// Why a render failed after the inputs were found valid.
#[derive(Debug)]
pub enum RenderError {
    /// A minijinja template failed.
    Template { message: String, bundled: bool },
    /// Typst failed to compile or export.
    Typst { problems: Vec<TypstProblem>, bundled: bool },
}

impl RenderError {
    /// Errors of the bundled templates are bbt's own bugs (exit 2); a user's
    /// templates are inputs (exit 1).
    pub fn is_bug(&self) -> bool {
        match self {
            RenderError::Template { bundled, .. } | RenderError::Typst { bundled, .. } => *bundled,
        }
    }
}

/// A file to attach to the PDF.
pub struct Attachment {
    pub view: render::view::Bestand,
    pub bytes: Vec<u8>,
}

/// The source workbook and a JSON export of every figure, for parliament to
/// verify the numbers (attached under PDF/A-3).
pub fn attachments(inputs: &Inputs) -> std::io::Result<Vec<Attachment>> {
    let workbook = std::fs::read(&inputs.workbook)?;
    let ext = inputs.workbook.extension().and_then(|e| e.to_str()).unwrap_or("xlsx");
    let mime = match ext {
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "xls" => "application/vnd.ms-excel",
        "xlsm" => "application/vnd.ms-excel.sheet.macroEnabled.12",
        "xlsb" => "application/vnd.ms-excel.sheet.binary.macroEnabled.12",
        _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };
    let doc = &inputs.document;
    let figures: Vec<serde_json::Value> = doc
        .artikelen
        .iter()
        .map(|a| {
            let kredieten: Vec<serde_json::Value> = a
                .kredieten
                .iter()
                .map(|((stand, k), b)| serde_json::json!({ "stand": stand.label(), "krediet": k.label(), "euro_cent": b.waarde.cents() }))
                .collect();
            let bijstellingen: Vec<serde_json::Value> = a
                .bijstellingen
                .iter()
                .map(|((soort, k), b)| serde_json::json!({ "soort": soort.label(), "krediet": k.label(), "euro_cent": b.waarde.cents() }))
                .collect();
            serde_json::json!({
                "artikel": a.code.raw, "omschrijving": a.titel, "ise": a.ise_code, "entiteit": a.entiteit,
                "ontvanger": a.ontvanger, "kredieten": kredieten, "bijstellingen": bijstellingen,
            })
        })
        .collect();
    let json = serde_json::json!({
        "project": inputs.beleidsnota.id,
        "begrotingsjaar": doc.jaar,
        "fase": doc.fase.folder(),
        "eenheid": "euro_cent",
        "artikelen": figures,
    });
    let json = serde_json::to_vec_pretty(&json).map_err(std::io::Error::other)?;
    Ok(vec![
        Attachment {
            view: render::view::Bestand {
                pad: format!("begroting-{}-{}.{ext}", doc.jaar, doc.fase.folder()),
                mime: mime.into(),
                beschrijving: format!("De begrotingscijfers {} ({}) zoals ingediend", doc.jaar, doc.fase.folder()),
                relatie: "source".into(),
            },
            bytes: workbook,
        },
        Attachment {
            view: render::view::Bestand {
                pad: format!("cijfers-{}-{}.json", doc.jaar, doc.fase.folder()),
                mime: "application/json".into(),
                beschrijving: "Alle bedragen van het document per artikel, in eurocent".into(),
                relatie: "data".into(),
            },
            bytes: json,
        },
    ])
}

/// The file name of a document's PDF: `<project>-<jaar>-<fase>.pdf`.
pub fn pdf_name(inputs: &Inputs) -> String {
    format!("{}-{}-{}.pdf", inputs.beleidsnota.id, inputs.document.jaar, inputs.document.fase.folder())
}

/// The PDF's stable identifier: project, year, phase and stuk.
pub fn pdf_ident(inputs: &Inputs) -> String {
    let m = &inputs.document.meta;
    format!(
        "bbt/{}/{}/{}/{}-{} ({})",
        inputs.beleidsnota.id,
        inputs.document.jaar,
        inputs.document.fase.folder(),
        m.stuk_nummer,
        m.stuk_letter,
        m.zittingsjaar
    )
}

/// Renders a loaded and checked document to PDF bytes: view model, templates,
/// Typst compile and export. `source_date_epoch` overrides the PDF date.
/// The files of `attachments` must be in `set` ([`TemplateSet::attach`]).
pub fn render_document(
    inputs: &Inputs,
    set: &TemplateSet,
    standards: &[typst_pdf::PdfStandard],
    attachments: &[Attachment],
    source_date_epoch: Option<&str>,
    timings: &mut Timings,
) -> Result<Rendered, RenderError> {
    let date = typeset::pdf_date(inputs.document.meta.status.date(), source_date_epoch);
    let world = BbtWorld::new(set.clone(), date);
    render_in(&world, inputs, standards, attachments, timings)
}

/// [`render_document`] in a given World (its templates and date), which a
/// watch keeps alive between renders so that Typst recompiles incrementally.
pub fn render_in(
    world: &BbtWorld,
    inputs: &Inputs,
    standards: &[typst_pdf::PdfStandard],
    attachments: &[Attachment],
    timings: &mut Timings,
) -> Result<Rendered, RenderError> {
    let set = world.templates();
    let bundled = set.is_bundled();
    let vergelijking =
        render::view::Vergelijking { structuur: &inputs.baseline.structuur, naam: &inputs.baseline.naam_nl };
    let (mut view, diagnostics) =
        timings.time("view", || render::view::build(&inputs.beleidsnota, &inputs.document, &vergelijking));
    view.bestanden = attachments.iter().map(|a| a.view.clone()).collect();
    let typ = timings.time("template", || {
        let templates =
            render::Templates::load(set).map_err(|e| RenderError::Template { message: e.message, bundled })?;
        templates.render(&view).map_err(|e| RenderError::Template { message: e.message, bundled })
    })?;
    let date = world.date();
    world.set_main(&typ);
    let (doc, typst_warnings) = timings
        .time("typeset", || typeset::compile(world))
        .map_err(|f| RenderError::Typst { problems: f.problems, bundled })?;
    let opts = ExportOptions { ident: pdf_ident(inputs), date, standards };
    let pdf = timings
        .time("export", || typeset::export(world, &doc, &opts))
        .map_err(|f| RenderError::Typst { problems: f.problems, bundled })?;
    Ok(Rendered { pages: doc.pages().len(), pdf, typ, diagnostics, typst_warnings, date })
}

/// Writes `<dir>/<stem>-typ/`: the generated `main.typ`, the template set's
/// Typst files and fonts, and `compile.sh` with the exact `typst compile`
/// command (same root, fonts, standards and date), runnable from that folder.
pub fn emit_typ(
    dir: &std::path::Path,
    stem: &str,
    rendered: &Rendered,
    set: &TemplateSet,
    standards: &[typst_pdf::PdfStandard],
) -> std::io::Result<std::path::PathBuf> {
    let out = dir.join(format!("{stem}-typ"));
    output::write_atomic(&out.join("main.typ"), rendered.typ.as_bytes())?;
    for (name, bytes) in set.files.iter().filter(|(n, _)| !n.ends_with(".j2")) {
        output::write_atomic(&out.join(name), bytes)?;
    }
    let d = rendered.date;
    let epoch = typeset::unix_seconds(d);
    let standards: Vec<&str> = standards.iter().map(|s| typeset::standard_name(*s)).collect();
    let mut args = vec![
        "typst compile".to_string(),
        "--root .".into(),
        "--font-path fonts".into(),
        "--ignore-system-fonts".into(),
        format!("--creation-timestamp {epoch}"),
    ];
    if !standards.is_empty() {
        args.push(format!("--pdf-standard {}", standards.join(",")));
    }
    args.push("main.typ".into());
    args.push(format!("{stem}.pdf"));
    let script = format!(
        "#!/bin/sh\n# Compiles main.typ with the typst CLI {} as bbt does: the same pages and text\n# (not the same bytes: the CLI sets its own document identifier).\nset -e\ncd \"$(dirname \"$0\")\"\n{}\n",
        "0.15.1",
        args.join(" ")
    );
    output::write_atomic(&out.join("compile.sh"), script.as_bytes())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(out.join("compile.sh"), std::fs::Permissions::from_mode(0o755))?;
    }
    Ok(out)
}
