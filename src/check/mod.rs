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
pub mod horizontaal;
pub mod meta;
pub mod structure;
pub mod year;

pub use characters::Glyphs;

use crate::diag::{self, Diagnostic, Location};
use crate::load::{BELEIDSNOTA_FILE, Inputs};
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

/// The rules over several projects checked or rendered together: each has an
/// id of its own (L007), and their compensaties net to zero (B009).
pub fn across(projects: &[&Inputs]) -> Vec<Diagnostic> {
    let mut diags = same_ids(projects);
    diags.extend(budget::check_across(projects));
    diags
}

/// L007: two project folders whose beleidsnota gives the same id (their PDFs
/// would have the same name). The folders are distinct: `workspace::dedupe`
/// made one project of a folder named twice.
fn same_ids(projects: &[&Inputs]) -> Vec<Diagnostic> {
    let mut first: std::collections::HashMap<&str, &Inputs> = std::collections::HashMap::new();
    let mut diags = Vec::new();
    for p in projects {
        match first.get(p.beleidsnota.id.as_str()) {
            None => {
                first.insert(p.beleidsnota.id.as_str(), p);
            }
            Some(other) => diags.push(
                crate::rules::SAME_PROJECT_ID
                    .report(crate::tr!("l007", id = p.beleidsnota.id.as_str(), ander = other.root.display()))
                    .at(id_location(p))
                    .related(id_location(other), crate::tr!("l007.first"))
                    .hint(crate::tr!("l007.hint", pdf = crate::pipeline::pdf_name(p))),
            ),
        }
    }
    diags
}

/// Where the beleidsnota writes the project's id (the file, if the value is
/// not found as written).
fn id_location(p: &Inputs) -> Location {
    let file = p.root.join(BELEIDSNOTA_FILE);
    p.yaml_values
        .iter()
        .find(|(loc, value)| value == p.beleidsnota.id.as_str() && loc.file() == file.as_path())
        .map(|(loc, _)| loc.clone())
        .unwrap_or(Location::File { file })
}
