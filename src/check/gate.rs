//! The filing gate: what a filed document (`ingediend_op`) must have done
//! and a draft (`status: ontwerp`) may not have done yet. Each of these is a
//! warning in a draft and an error in a filed document
//! ([`rules::FILING_GATE`]); a draft with none of them (and no errors) is
//! ready to file ([`ready_to_file`]).
//!
//! - S011: an SD or OD without text (found by `structure`; raised here);
//! - S014: a text or `prestaties.yaml` carried over by `bbt init --next` and
//!   not revised since (it still has the marker line);
//! - S015: a placeholder `bbt init` wrote, still in a YAML value or a text;
//! - S016: an OD whose number does not fit the SD it stands under;
//! - B010: an ISE declared without credits that has articles;
//! - B011: a workbook not filled in (every final figure zero).

use crate::diag::{Diagnostic, Location, Severity};
use crate::init::{self, placeholder};
use crate::load::Inputs;
use crate::model::Tekst;
use crate::{rules, tr};

/// Runs the gate's own rules, then makes every gate warning an error if
/// the document is filed.
pub fn check(inputs: &Inputs, diags: &mut Vec<Diagnostic>) {
    let doc = &inputs.document;
    let texts = doc.teksten.inleiding.iter().chain(doc.teksten.per_id.values());
    for t in texts {
        carried_text(t, doc.jaar, diags);
        placeholder_text(t, diags);
    }
    if let Some(file) = &doc.prestaties_overgenomen {
        diags.push(
            rules::CARRIED_OVER
                .report(tr!("s014-prestaties"))
                .at(Location::Text { file: file.clone(), line: 1, column: 1 })
                .hint(tr!("s014-prestaties.hint", jaar = doc.jaar)),
        );
    }
    let previous = inputs.previous.as_ref().map(|p| p.dir.as_path());
    for (loc, value) in &inputs.yaml_values {
        let from_previous = previous.is_some_and(|dir| loc.file().starts_with(dir));
        if !from_previous && placeholder::VALUES.contains(&value.trim()) {
            diags.push(
                rules::PLACEHOLDER
                    .report(tr!("s015-yaml", waarde = value.trim()))
                    .at(loc.clone())
                    .hint(tr!("s015-yaml.hint")),
            );
        }
    }
    for (_, sd) in doc.structuur.sds() {
        for od in &sd.ods {
            if !fits(&od.nummer, &sd.nummer) {
                diags.push(
                    rules::OD_NUMBER
                        .report(tr!("s016", od = &od.nummer, sd = &sd.nummer))
                        .at_opt(od.loc.clone())
                        .hint(tr!("s016.hint", sd = &sd.nummer)),
                );
            }
        }
    }
    for (_, ise) in doc.structuur.ises() {
        let declared = ise.zonder_kredieten.as_deref().is_some_and(|r| !r.trim().is_empty());
        if !declared {
            continue;
        }
        let articles = doc.begroting.artikelen.iter().filter(|a| a.ise_code == ise.code).count();
        if articles > 0 {
            diags.push(
                rules::UNUSED_EXCUSE
                    .report(tr!("b010", ise = &ise.code, aantal = crate::i18n::n(articles)))
                    .at_opt(ise.loc.clone())
                    .hint(tr!("b010.hint")),
            );
        }
    }
    // A workbook whose every final figure is zero was not filled in (the
    // blank workbook of `bbt init --next` or `bbt template`). An article
    // whose amounts could not all be read (a formula never computed) is not
    // known to be zero: that is reported at its cells.
    let artikelen = &doc.begroting.artikelen;
    let empty = |a: &crate::model::Artikel| a.volledig && a.krediet_soorten().iter().all(|k| a.naar(*k).is_zero());
    if doc.begroting.volledig && !artikelen.is_empty() && artikelen.iter().all(empty) {
        diags.push(
            rules::UNFILLED_WORKBOOK
                .report(tr!("b011", aantal = crate::i18n::n(artikelen.len())))
                .at(Location::File { file: inputs.workbook.clone() })
                .hint(tr!("b011.hint")),
        );
    }
    if doc.meta.status.is_filed() {
        for d in diags.iter_mut().filter(|d| in_gate(d) && d.severity == Severity::Warning) {
            d.severity = Severity::Error;
        }
    }
}

fn in_gate(d: &Diagnostic) -> bool {
    rules::FILING_GATE.iter().any(|r| d.code == r.code)
}

/// Whether a document with `diags` may be filed as it is: no errors, and
/// none of the gate's warnings.
pub fn ready_to_file(diags: &[Diagnostic]) -> bool {
    !diags.iter().any(blocks_filing)
}

/// Whether `d` stands in the way of filing: an error, or a gate warning.
pub fn blocks_filing(d: &Diagnostic) -> bool {
    d.is_error() || (d.severity == Severity::Warning && in_gate(d))
}

/// Whether the document can be filed as it is, as the sentence under a
/// check's summary (and the studio's) says it.
pub fn readiness(filed: bool, diags: &[Diagnostic]) -> String {
    if ready_to_file(diags) {
        return if filed { crate::tr!("ready-filed") } else { crate::tr!("ready-draft") };
    }
    let blocking: Vec<&Diagnostic> = diags.iter().filter(|d| blocks_filing(d)).collect();
    let mut codes: Vec<&str> = blocking.iter().map(|d| d.code).collect();
    codes.sort_unstable();
    codes.dedup();
    if filed {
        crate::tr!("filed-incomplete", n = crate::i18n::n(blocking.len()), codes = codes.join(", "))
    } else {
        crate::tr!("not-ready", n = crate::i18n::n(blocking.len()), codes = codes.join(", "))
    }
}

/// An OD's number fits its SD's: `2.3` (or `2.3.1`) under SD `2` (the SD's
/// number, a dot, more). Numbers written otherwise (no dot at all) are the writer's
/// own scheme and are not judged.
fn fits(od: &str, sd: &str) -> bool {
    let od = od.trim();
    if !od.contains('.') {
        return true;
    }
    od.strip_prefix(sd.trim()).is_some_and(|rest| rest.len() > 1 && rest.starts_with('.'))
}

fn carried_text(t: &Tekst, jaar: i32, diags: &mut Vec<Diagnostic>) {
    if !init::carried_over(&t.markdown) {
        return;
    }
    let line = t.markdown.lines().position(|l| !l.trim().is_empty()).unwrap_or(0) + 1;
    diags.push(
        rules::CARRIED_OVER
            .report(tr!("s014"))
            .at(Location::Text { file: t.file.clone(), line, column: 1 })
            .hint(tr!("s014.hint", jaar = jaar)),
    );
}

fn placeholder_text(t: &Tekst, diags: &mut Vec<Diagnostic>) {
    // The first line with words, past a marker or other comment.
    let found = t
        .markdown
        .lines()
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with("<!--"))
        .filter(|(_, l)| l.trim_start().starts_with(placeholder::TEXT));
    if let Some((i, _)) = found {
        diags.push(
            rules::PLACEHOLDER
                .report(tr!("s015-text"))
                .at(Location::Text { file: t.file.clone(), line: i + 1, column: 1 })
                .hint(tr!("s015-text.hint")),
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_od_number_fits_its_sd() {
        assert!(super::fits("2.3", "2"));
        assert!(super::fits("12.1", "12"));
        assert!(!super::fits("2.3", "3"));
        assert!(!super::fits("12.1", "2"));
        assert!(super::fits("A", "1"));
        assert!(super::fits("2.3.1", "2"));
        assert!(!super::fits("2.", "2"));
    }
}
