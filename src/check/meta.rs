//! L002 on what `bbt.yaml` says of the document itself: a plausible budget
//! year, and the stuk letter parliament gave it (a draft may not know it yet).

use crate::diag::{Diagnostic, Severity};
use crate::model::{Document, Status};
use crate::{rules, tr};

pub fn check(doc: &Document, diags: &mut Vec<Diagnostic>) {
    let meta = &doc.meta;
    if !(1990..=2200).contains(&doc.jaar) {
        diags.push(
            rules::BAD_VALUE
                .report(tr!("l002-year", jaar = doc.jaar))
                .at_opt(meta.locs.begrotingsjaar.clone())
                .hint(tr!("l002-year.hint")),
        );
    }
    let letter = meta.stuk_letter.trim();
    if !(1..=2).contains(&letter.len()) || !letter.chars().all(|c| c.is_ascii_uppercase()) {
        let d = match meta.status {
            // A draft may not know its letter yet: docs/rules.md, L002.
            Status::Ontwerp(_) => {
                rules::BAD_VALUE.report(tr!("l002-letter-draft", letter = letter)).with_severity(Severity::Warning)
            }
            Status::Ingediend(_) => rules::BAD_VALUE.report(tr!("l002-letter", letter = letter)),
        };
        diags.push(d.at_opt(meta.locs.stuk_letter.clone()).hint(tr!("l002-letter.hint")));
    }
}
