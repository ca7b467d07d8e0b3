//! Y rules: the document against the previous one (found by the project
//! layout, or given with `--previous`). The clustering itself is compared by
//! the S rules, whose baseline is the previous document's structure.

use crate::diag::{Diagnostic, Location};
use crate::load::Inputs;
use crate::model::WijzigingSoort;
use crate::model::budget::Stand;

/// Y001: an article of the previous document is gone without a declared recode or drop.
pub const ARTICLE_GONE: &str = "Y001";
/// Y002: this year's starting standing differs from the previous document's final one.
pub const STANDING_MISMATCH: &str = "Y002";
/// Y003: a new article in a known ISE (information).
pub const NEW_ARTICLE: &str = "Y003";

pub fn check(inputs: &Inputs, diags: &mut Vec<Diagnostic>) {
    let Some(prev) = &inputs.previous else { return };
    let doc = &inputs.document;
    if !doc.artikelen_volledig {
        return;
    }
    let recoded = |old: &str| -> Option<&str> {
        doc.wijzigingen
            .iter()
            .find(|w| w.soort == WijzigingSoort::Hergecodeerd && w.van.iter().any(|v| v == old))
            .and_then(|w| w.naar.first().map(String::as_str))
    };
    let dropped = |code: &str| doc.wijzigingen.iter().any(|w| w.declares(WijzigingSoort::Geschrapt, code));

    for old in &prev.artikelen {
        let now = recoded(&old.code.raw).unwrap_or(&old.code.raw);
        if doc.artikelen.iter().any(|a| a.code.raw == now) || dropped(&old.code.raw) {
            continue;
        }
        diags.push(
            Diagnostic::error(
                ARTICLE_GONE,
                format!("article {} of {} is not in this year's workbook", old.code, prev.naam()),
            )
            .at_opt(old.loc.clone().or(Some(Location::File { file: prev.workbook.clone() })))
            .hint(format!(
                "if it has a new code, declare {{ soort: hergecodeerd, van: [{}], naar: [<new code>], reden: ... }}; if it is gone, {{ soort: geschrapt, element: {}, reden: ... }}",
                old.code, old.code
            )),
        );
    }

    // New articles (not recodings) are information.
    for art in &doc.artikelen {
        let recoded_from = doc
            .wijzigingen
            .iter()
            .any(|w| w.soort == WijzigingSoort::Hergecodeerd && w.naar.iter().any(|n| n == &art.code.raw));
        let existed = prev.artikelen.iter().any(|a| a.code == art.code);
        let declared = doc.wijzigingen.iter().any(|w| w.declares(WijzigingSoort::Nieuw, &art.code.raw));
        if !existed && !recoded_from && !declared && doc.structuur.ise_by_code(&art.ise_code).is_some() {
            diags.push(
                Diagnostic::info(NEW_ARTICLE, format!("article {} is new against {}", art.code, prev.naam()))
                    .at_opt(art.loc.clone()),
            );
        }
    }

    // The standing this document starts from is the one the previous ended
    // with: BA t-1 in a BO after a BA document, BO t in a BA after the BO.
    let (start, _) = Stand::evolutie(doc.jaar, doc.fase);
    let (_, prev_end) = Stand::evolutie(prev.jaar, prev.fase);
    if !start.continues(prev_end) {
        return;
    }
    for art in &doc.artikelen {
        let old_code = doc
            .wijzigingen
            .iter()
            .find(|w| w.soort == WijzigingSoort::Hergecodeerd && w.naar.iter().any(|n| n == &art.code.raw))
            .and_then(|w| w.van.first().cloned())
            .unwrap_or_else(|| art.code.raw.clone());
        let Some(old) = prev.artikelen.iter().find(|a| a.code.raw == old_code) else { continue };
        for &k in art.krediet_soorten() {
            let here = art.krediet(start, k);
            let there = old.krediet(prev_end, k);
            if here != there {
                let loc = art.kredieten.get(&(start, k)).and_then(|b| b.bron.clone()).or(art.loc.clone());
                let mut d = Diagnostic::error(
                    STANDING_MISMATCH,
                    format!(
                        "{} {} of {} is {here} here, but {there} in {}",
                        k.label(),
                        start.label(),
                        art.code,
                        prev.naam()
                    ),
                )
                .at_opt(loc)
                .hint(format!(
                    "copy the {} figure of {} into this workbook",
                    prev_end.label(),
                    prev.naam()
                ));
                if let Some(l) = old.kredieten.get(&(prev_end, k)).and_then(|b| b.bron.clone()) {
                    d = d.related(l, "the previous document's figure");
                }
                diags.push(d);
            }
        }
    }
}
