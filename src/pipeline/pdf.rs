//! The typeset half of the pipeline (behind the default `typeset` feature,
//! so that check-only and fuzz builds skip the Typst stack): view model,
//! templates, Typst compile and PDF export of a loaded, checked document.

use crate::assets::TemplateSet;

use crate::load::Inputs;
use crate::pipeline::export::Attachment;
use crate::pipeline::{Timings, pdf_ident};
use crate::typeset::{self, BbtWorld, ExportOptions, TypstProblem};
use crate::{model, output, render};

/// A rendered document.
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub pages: usize,
    /// The generated Typst source.
    pub typ: String,
    pub typst_warnings: Vec<TypstProblem>,
    /// The date the PDF carries.
    pub date: model::Date,
    /// The page of each element's heading, written beside the PDF.
    pub paginas: typeset::ankers::PageIndex,
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

/// Renders a loaded and checked document to PDF bytes: view model, templates,
/// Typst compile and export, in a World (its templates and date) that a watch
/// keeps alive between renders so that Typst recompiles incrementally.
/// `teksten` are the document's texts from the narrative stage; the files of
/// `attachments` must be in the World's template set ([`TemplateSet::attach`]).
pub fn render_in(
    world: &BbtWorld,
    inputs: &Inputs,
    teksten: &render::narrative::Omgezet,
    standards: &[typst_pdf::PdfStandard],
    attachments: &[Attachment],
    timings: &mut Timings,
) -> Result<Rendered, RenderError> {
    let typ = typst_source(world.templates(), inputs, teksten, attachments, timings)?;
    let (pdf, doc, typst_warnings) = compile_and_export(world, &typ, pdf_ident(inputs), standards, timings)?;
    let d = &inputs.document;
    let paginas = typeset::ankers::PageIndex::of(
        &doc,
        &crate::pipeline::pdf_name(inputs),
        pdf.len() as u64,
        inputs.beleidsnota.id.as_str(),
        d.jaar,
        &d.fase.folder(),
    );
    Ok(Rendered { pages: doc.pages().len(), pdf, typ, typst_warnings, date: world.date(), paginas })
}

/// The Typst source of a loaded and checked document: its view model through
/// the templates of `set`.
pub fn typst_source(
    set: &TemplateSet,
    inputs: &Inputs,
    teksten: &render::narrative::Omgezet,
    attachments: &[Attachment],
    timings: &mut Timings,
) -> Result<String, RenderError> {
    let bundled = set.is_bundled();
    let vergelijking =
        render::view::Vergelijking { structuur: &inputs.baseline.structuur, naam: &inputs.baseline.naam_nl };
    let mut view =
        timings.time("view", || render::view::build(&inputs.beleidsnota, &inputs.document, &vergelijking, teksten));
    view.bestanden = attachments.iter().map(|a| a.view.clone()).collect();
    timings.time("template", || {
        let templates =
            render::Templates::load(set).map_err(|e| RenderError::Template { message: e.message, bundled })?;
        templates.render(&view).map_err(|e| RenderError::Template { message: e.message, bundled })
    })
}

/// The pages of a loaded and checked document, compiled in `world` without
/// a PDF export: the studio's preview. Returns them with Typst's warnings.
pub fn preview_in(
    world: &BbtWorld,
    inputs: &Inputs,
    teksten: &render::narrative::Omgezet,
    timings: &mut Timings,
) -> Result<(typst_layout::PagedDocument, Vec<TypstProblem>), RenderError> {
    let typ = typst_source(world.templates(), inputs, teksten, &[], timings)?;
    let bundled = world.templates().is_bundled();
    world.set_main(&typ);
    timings
        .time("typeset", || typeset::compile(world))
        .map_err(|f| RenderError::Typst { problems: f.problems, bundled })
}

/// The typeset and export stages of every PDF bbt writes: compiles `typ` in
/// `world` and exports it with `ident` and `standards`. Returns the PDF, the
/// typeset document and Typst's warnings.
pub(crate) fn compile_and_export(
    world: &BbtWorld,
    typ: &str,
    ident: String,
    standards: &[typst_pdf::PdfStandard],
    timings: &mut Timings,
) -> Result<(Vec<u8>, typst_layout::PagedDocument, Vec<TypstProblem>), RenderError> {
    let bundled = world.templates().is_bundled();
    world.set_main(typ);
    let (doc, warnings) = timings
        .time("typeset", || typeset::compile(world))
        .map_err(|f| RenderError::Typst { problems: f.problems, bundled })?;
    let opts = ExportOptions { ident, date: world.date(), standards };
    let pdf = timings
        .time("export", || typeset::export(world, &doc, &opts))
        .map_err(|f| RenderError::Typst { problems: f.problems, bundled })?;
    Ok((pdf, doc, warnings))
}

/// The PDF of `bbt diff -o`: the differences between two documents, in the
/// bundled template [`crate::diff::DIFF_TEMPLATE`]. Returns the PDF and its pages.
pub fn render_diff(
    d: &crate::diff::Diff,
    new: &Inputs,
    source_date_epoch: Option<crate::model::Date>,
) -> Result<(Vec<u8>, usize), RenderError> {
    let set = TemplateSet::bundled();
    let template = |e: render::TemplateError| RenderError::Template { message: e.message, bundled: true };
    let typ = render::Templates::load(&set)
        .map_err(template)?
        .render_named(crate::diff::DIFF_TEMPLATE, &crate::diff::view(d, new))
        .map_err(template)?;
    let world = BbtWorld::new(set, typeset::pdf_date(new.document.meta.status.date(), source_date_epoch));
    let ident = format!("bbt/{}/verschillen/{}/{}", new.beleidsnota.id, d.oud, d.nieuw);
    let (pdf, doc, _) = compile_and_export(&world, &typ, ident, &typeset::DEFAULT_STANDARDS, &mut Timings::default())?;
    Ok((pdf, doc.pages().len()))
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
