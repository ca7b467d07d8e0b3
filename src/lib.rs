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
//! [`workbook_template`] writes the blank budget workbook (`bbt template`) in
//! the layout the reader reads, [`load::workbook::layout`];
//! [`diff`] compares two documents (`bbt diff`).
//! [`rules`] is the registry of every rule (code, severity, title; the text of
//! `bbt explain` is `docs/rules.md`), through which every stage reports;
//! [`diag`] holds the diagnostic type they report with; [`assets`] the
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
#[cfg(feature = "typeset")]
pub mod fuzzing;
pub mod init;
#[cfg(feature = "typeset")]
pub mod job;
pub mod load;
pub mod model;
pub mod output;
#[cfg(feature = "typeset")]
mod pdf;
pub mod render;
pub mod rules;
#[cfg(feature = "typeset")]
pub mod typeset;
#[cfg(feature = "typeset")]
pub mod watch;
pub mod workbook_template;
#[cfg(feature = "typeset")]
pub mod workspace;

#[cfg(feature = "typeset")]
pub use pdf::{RenderError, Rendered, emit_typ, render_document, render_in};

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

use load::Inputs;

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
    let (van, naar) = model::Stand::evolutie(doc.jaar, doc.fase);
    let figures: Vec<serde_json::Value> = doc
        .begroting
        .artikelen
        .iter()
        .map(|a| {
            let standen = [(van, model::Slot::Van as fn(_) -> _), (naar, model::Slot::Naar)];
            let kredieten: Vec<serde_json::Value> = standen
                .iter()
                .flat_map(|&(stand, slot)| a.krediet_soorten().iter().map(move |&k| (stand, k, slot(k))))
                .map(|(stand, k, slot)| serde_json::json!({ "stand": stand.label(), "krediet": k.label(), "euro_cent": a.bedrag(slot).cents() }))
                .collect();
            let bijstellingen: Vec<serde_json::Value> = a
                .bedragen
                .evolutie(model::Krediet::Vak)
                .map(|_| model::Bijstelling::voor_fase(doc.fase))
                .unwrap_or_default()
                .iter()
                .flat_map(|&(b, _)| [model::Krediet::Vak, model::Krediet::Vek].map(|k| (b, k)))
                .map(|(soort, k)| serde_json::json!({ "soort": soort.label(), "krediet": k.label(), "euro_cent": a.bijstelling(soort, k).cents() }))
                .collect();
            serde_json::json!({
                "artikel": a.code, "omschrijving": a.titel, "ise": a.ise_code, "entiteit": a.entiteit,
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
