//! Running a document through the stages: a render job (load, check, view,
//! typeset, write; [`job`]), the typeset half and its PDF ([`pdf`], behind
//! the `typeset` feature), the files attached to the PDF ([`export`]), the
//! names of what is written, the time per stage and the exit codes. The
//! commands (`src/cmd/`) run these; `watch` and the workspace render run
//! [`job`]s too.

pub mod export;
#[cfg(feature = "typeset")]
pub mod horizontaal;
#[cfg(feature = "typeset")]
pub mod job;
#[cfg(feature = "typeset")]
pub mod pdf;

#[cfg(feature = "typeset")]
pub use pdf::{RenderError, Rendered, emit_typ, render_in};

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

use crate::load::Inputs;

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

/// The file name of a document's PDF: `<project>-<jaar>-<fase>.pdf`.
pub fn pdf_name(inputs: &Inputs) -> String {
    pdf_name_of(&inputs.beleidsnota.id, inputs.document.jaar, inputs.document.fase)
}

/// [`pdf_name`] from the project id, year and phase.
pub fn pdf_name_of(id: &crate::model::ProjectId, jaar: i32, fase: crate::model::Fase) -> String {
    format!("{id}-{jaar}-{}.pdf", fase.folder())
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
