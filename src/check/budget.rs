//! B rules: budget articles and their figures.

use std::collections::HashMap;

use crate::diag::Diagnostic;
use crate::model::budget::{ArtikelSoort, Bijstelling, Krediet, Stand};
use crate::model::{Beleidsnota, Document, Money};

/// B001: an article's ISE is not an ISE of the beleidsnota.
pub const UNKNOWN_ISE: &str = "B001";
/// B002: the same article code appears twice.
pub const DUPLICATE_ARTICLE: &str = "B002";
/// B003: BA(t-1) + index + compensaties + andere bijstellingen ≠ BO(t).
pub const EVOLUTION_MISMATCH: &str = "B003";

pub fn check(nota: &Beleidsnota, doc: &Document, diags: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, &crate::model::Artikel> = HashMap::new();
    for art in &doc.artikelen {
        if nota.ise_by_code(&art.ise_code).is_none() {
            diags.push(
                Diagnostic::error(
                    UNKNOWN_ISE,
                    format!(
                        "article {} is in the ISE '{}', which the beleidsnota does not know",
                        art.code, art.ise_code
                    ),
                )
                .at_opt(art.ise_loc.clone())
                .hint(format!(
                    "known ISEs: {}",
                    nota.ises().map(|(_, i)| i.code.as_str()).collect::<Vec<_>>().join(", ")
                )),
            );
        }
        if let Some(first) = seen.get(art.code.raw.as_str()) {
            let mut d = Diagnostic::error(DUPLICATE_ARTICLE, format!("article {} appears twice", art.code))
                .at_opt(art.loc.clone())
                .hint("every article has one row; add its figures together or remove one row");
            if let Some(l) = &first.loc {
                d = d.related(l.clone(), "first here");
            }
            diags.push(d);
        } else {
            seen.insert(&art.code.raw, art);
        }
        if art.soort == ArtikelSoort::Uitgave {
            check_evolution(doc, art, diags);
        }
    }
}

fn check_evolution(doc: &Document, art: &crate::model::Artikel, diags: &mut Vec<Diagnostic>) {
    let (van, naar) = Stand::evolutie(doc.jaar, doc.fase);
    for k in [Krediet::Vak, Krediet::Vek] {
        let start = art.krediet(van, k);
        let moves: Money = Bijstelling::ALL.iter().map(|&b| art.bijstelling(b, k)).sum();
        let expected = start + moves;
        let actual = art.krediet(naar, k);
        if expected != actual {
            let loc = art.kredieten.get(&(naar, k)).and_then(|b| b.bron.clone()).or_else(|| art.loc.clone());
            diags.push(
                Diagnostic::error(
                    EVOLUTION_MISMATCH,
                    format!(
                        "{} of {}: {} + index + compensaties + andere bijstellingen = {}, but {} says {}",
                        k.label(),
                        art.code,
                        van.label(),
                        expected,
                        naar.label(),
                        actual
                    ),
                )
                .at_opt(loc)
                .hint(format!(
                    "the difference is {}; correct one of the bijstellingen or {}",
                    actual - expected,
                    naar.label()
                )),
            );
        }
    }
}
