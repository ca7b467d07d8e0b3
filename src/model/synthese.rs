//! Sums over articles: the one consolidation (dotations to entities inside a
//! scope left out of its total) and the exact net of the compensaties.

use super::budget::{Artikel, ArtikelSoort, Bijstelling, Esr, Krediet};
use super::money::Money;

/// The exact sum of one movement over expenditure articles.
pub fn som_bijstelling(artikelen: &[&Artikel], b: Bijstelling, k: Krediet) -> Money {
    artikelen.iter().filter(|a| a.soort() == ArtikelSoort::Uitgave).map(|a| a.bijstelling(b, k)).sum()
}

/// The one consolidation: the articles a consolidated total over `scope`
/// counts. Every expenditure article counts, except a dotation (IS) whose
/// receiving entity has articles inside the scope — that money is counted
/// where the receiver spends it. The view sums their printed figures, a
/// cross-domain overview their exact ones.
pub fn geconsolideerd<'a>(scope: &[&'a Artikel]) -> Vec<&'a Artikel> {
    scope.iter().copied().filter(|a| a.soort() == ArtikelSoort::Uitgave && !interne_stroom(a, scope)).collect()
}

/// Whether `a` is a dotation whose receiving entity has articles in `scope`:
/// counted in the ISE tables, left out of a consolidated total over `scope`.
pub fn interne_stroom(a: &Artikel, scope: &[&Artikel]) -> bool {
    a.esr() == Esr::Is
        && a.soort() == ArtikelSoort::Uitgave
        && a.ontvanger
            .as_ref()
            .is_some_and(|r| scope.iter().any(|b| &b.entiteit == r && b.soort() == ArtikelSoort::Uitgave))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntiteitCode;
    use crate::model::budget::Slot;

    fn art(code: &str, ontvanger: Option<&str>, bo: i64) -> Artikel {
        let mut a = Artikel::for_tests(code, "SG-A").with(Slot::Naar(Krediet::Vak), bo);
        a.ontvanger = ontvanger.map(EntiteitCode::new);
        a
    }

    #[test]
    fn consolidation_leaves_out_dotations_to_entities_in_scope() {
        let dotatie = art("SB0-1SGE2AX-IS", Some("SI0"), 100);
        let dept = art("SB0-1SGE2AA-WT", None, 10);
        let agentschap = art("SI0-1SGE2AA-LO", None, 90);
        let bo = Slot::Naar(Krediet::Vak);
        let cases: &[(&[&Artikel], i64, i64)] = &[
            // (scope, gross, consolidated)
            (&[&dotatie, &dept, &agentschap], 200, 100),
            (&[&dotatie, &dept], 110, 110),
            (&[&agentschap], 90, 90),
        ];
        let sum = |arts: &[&Artikel]| arts.iter().map(|a| a.bedrag(bo)).sum::<Money>();
        for (scope, gross, cons) in cases {
            assert_eq!(sum(scope), Money::from_cents(*gross));
            assert_eq!(sum(&geconsolideerd(scope)), Money::from_cents(*cons));
        }
    }
}
