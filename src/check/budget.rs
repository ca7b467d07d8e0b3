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

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::model::budget::{ArtikelCode, Esr, Fase};
    use crate::model::{Artikel, Bedrag, Meta, Status, Teksten, Unit};

    /// An expenditure article of a BO 2025 document with the given VAK
    /// kredietevolutie (in euro cents); VEK is left consistent at zero.
    fn artikel(ba: i64, index: i64, comp: i64, andere: i64, bo: i64) -> Artikel {
        let (van, naar) = Stand::evolutie(2025, Fase::Bo);
        let b = |c| Bedrag { waarde: Money::from_cents(c), bron: None };
        let mut kredieten = BTreeMap::new();
        kredieten.insert((van, Krediet::Vak), b(ba));
        kredieten.insert((naar, Krediet::Vak), b(bo));
        let mut bijstellingen = BTreeMap::new();
        bijstellingen.insert((Bijstelling::Index, Krediet::Vak), b(index));
        bijstellingen.insert((Bijstelling::Compensaties, Krediet::Vak), b(comp));
        bijstellingen.insert((Bijstelling::Andere, Krediet::Vak), b(andere));
        Artikel {
            code: ArtikelCode::new("SB0-1SFE2AA-WT"),
            titel: String::new(),
            soort: ArtikelSoort::Uitgave,
            esr: Esr::Wt,
            entiteit: "SB0".into(),
            ise_code: "SF-A".into(),
            ontvanger: None,
            korte_inhoud: String::new(),
            kredieten,
            bijstellingen,
            toelichting: Vec::new(),
            loc: None,
            ise_loc: None,
        }
    }

    fn document(artikelen: Vec<Artikel>) -> Document {
        Document {
            jaar: 2025,
            fase: Fase::Bo,
            meta: Meta {
                stuk_nummer: 13,
                stuk_letter: "V".into(),
                zittingsjaar: "2024-2025".into(),
                status: Status::Ingediend(crate::model::Date { year: 2024, month: 10, day: 24 }),
                minister: String::new(),
                minister_titel: String::new(),
                eenheid: Unit::DuizendEuro,
            },
            structuur: Vec::new(),
            artikelen,
            teksten: Teksten::default(),
        }
    }

    #[test]
    fn kredietevolutie_must_add_up_exactly() {
        // (BA 2024, index, compensaties, andere, BO 2025, the difference reported if any)
        let k = 100_000; // one thousand euro, in cents
        let cases: &[(i64, i64, i64, i64, i64, Option<&str>)] = &[
            (327_710 * k, 5_547 * k, -4_917 * k, -38_219 * k, 290_121 * k, None),
            (0, 0, 0, 0, 0, None),
            (1_000 * k, 0, 0, -1_000 * k, 0, None),
            (100, 1, -1, 0, 100, None),
            (327_710 * k, 5_547 * k, -4_917 * k, -38_219 * k, 290_122 * k, Some("1.000 euro")),
            (100, 0, 0, 0, 99, Some("-0,01 euro")),
            (0, 0, 0, 0, 1, Some("0,01 euro")),
        ];
        for &(ba, index, comp, andere, bo, diff) in cases {
            let doc = document(vec![artikel(ba, index, comp, andere, bo)]);
            let mut diags = Vec::new();
            check(&crate::model::Beleidsnota::empty_for_tests(), &doc, &mut diags);
            let evolution: Vec<&Diagnostic> = diags.iter().filter(|d| d.code == EVOLUTION_MISMATCH).collect();
            match diff {
                None => assert!(evolution.is_empty(), "{ba} {index} {comp} {andere} {bo}: {evolution:?}"),
                Some(d) => {
                    assert_eq!(evolution.len(), 1, "{ba} {index} {comp} {andere} {bo}");
                    assert!(evolution[0].hints[0].contains(&format!("the difference is {d}")), "{:?}", evolution[0]);
                }
            }
        }
    }
}
