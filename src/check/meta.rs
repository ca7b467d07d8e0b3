//! L002 on what `bbt.yaml` says of the document itself: a plausible budget
//! year, and the stuk letter parliament gave it (a draft may not know it yet).

use crate::diag::{Diagnostic, Severity};
use crate::model::{Document, Status};
use crate::rules;

pub fn check(doc: &Document, diags: &mut Vec<Diagnostic>) {
    let meta = &doc.meta;
    if !(1990..=2200).contains(&doc.jaar) {
        diags.push(
            rules::BAD_VALUE
                .report(format!("{} is not a plausible budget year", doc.jaar))
                .at_opt(meta.locs.begrotingsjaar.clone())
                .hint("e.g. 2025"),
        );
    }
    let letter = meta.stuk_letter.trim();
    if !(1..=2).contains(&letter.len()) || !letter.chars().all(|c| c.is_ascii_uppercase()) {
        let d = match meta.status {
            // A draft may not know its letter yet: docs/rules.md, L002.
            Status::Ontwerp(_) => rules::BAD_VALUE
                .report(format!("'{letter}' is not a stuk letter yet; the title page prints it as typed"))
                .with_severity(Severity::Warning),
            Status::Ingediend(_) => rules::BAD_VALUE.report(format!("'{letter}' is not a stuk letter")),
        };
        diags.push(
            d.at_opt(meta.locs.stuk_letter.clone()).hint("write the letter parliament gave the stuk, e.g. letter: A"),
        );
    }
}
