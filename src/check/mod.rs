//! The rules. [`check`] runs every rule over a loaded document and returns
//! every diagnostic it finds (it never stops at the first); it prints nothing
//! and decides nothing about exit codes.
//!
//! Rules are grouped by family, one file each: `structure` (S: the year's
//! clustering against the beleidsnota) and `budget` (B: articles and figures).
//! Codes are stable and documented in `docs/rules.md`.

mod budget;
mod structure;

use crate::diag::{self, Diagnostic};
use crate::model::{Beleidsnota, Document};

/// Runs every rule; the result is sorted by place.
pub fn check(nota: &Beleidsnota, doc: &Document) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    structure::check(nota, doc, &mut diags);
    budget::check(nota, doc, &mut diags);
    diag::sort(&mut diags);
    diags
}
