//! The rules. [`check`] runs every rule over a loaded document and returns
//! every diagnostic it finds (it never stops at the first); it prints nothing
//! and decides nothing about exit codes.
//!
//! Rules are grouped by family, one file each: `meta` (L002: the
//! document's year and stuk letter), `structure` (S: the beleidsnota's own
//! structure, the year's clustering against its baseline and the change
//! record), `budget` (B:
//! articles and figures), `year` (Y: against the previous document) and
//! `characters` (T005: what the document's fonts cannot print) and `gate`
//! (what a filed document must have done: S011, S014, S015, S016, B010).
//! Codes are stable and documented in `docs/rules.md` (also `bbt explain`).

pub mod budget;
pub mod characters;
pub mod gate;
pub mod meta;
pub mod structure;
pub mod year;

pub use characters::Glyphs;

use crate::diag::{self, Diagnostic};
use crate::load::Inputs;
use crate::render::narrative::Omgezet;

/// Runs every rule; the result is sorted by place. `teksten` is the
/// narrative stage's result for the document (live figures that cannot be
/// evaluated, Markdown that cannot be shown: reported here as the render would
/// meet them). `glyphs` are the characters the document's fonts can print
/// (`typeset::glyphs` builds them from the fonts the render will use;
/// [`Glyphs::any`] without them).
pub fn check(inputs: &Inputs, teksten: &Omgezet, glyphs: &Glyphs) -> Vec<Diagnostic> {
    let mut diags = teksten.diagnostics.clone();
    meta::check(&inputs.document, &mut diags);
    structure::check_nota(&inputs.beleidsnota, &mut diags);
    structure::check(inputs, &mut diags);
    budget::check(inputs, &mut diags);
    year::check(inputs, &mut diags);
    characters::check(inputs, glyphs, &mut diags);
    // Last: it raises what the others found, for a filed document.
    gate::check(inputs, &mut diags);
    diag::sort(&mut diags);
    diags
}
