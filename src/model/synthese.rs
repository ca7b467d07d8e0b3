//! Exact sums over articles: the ISE synthesis (gross, as published),
//! consolidated totals over a wider scope (dotations to entities inside the
//! scope left out), and the net of the compensaties.

use super::budget::{Artikel, ArtikelSoort, Bijstelling, Esr, EsrGroep, Krediet, Slot};
use super::money::Money;

/// The exact sum of one amount over expenditure articles in `groep` (or all
/// of them).
pub fn som(artikelen: &[&Artikel], groep: Option<EsrGroep>, slot: Slot) -> Money {
    artikelen
        .iter()
        .filter(|a| a.soort() == ArtikelSoort::Uitgave && groep.is_none_or(|g| a.esr().groep() == g))
        .map(|a| a.bedrag(slot))
        .sum()
}

/// The exact sum of one movement over expenditure articles.
pub fn som_bijstelling(artikelen: &[&Artikel], b: Bijstelling, k: Krediet) -> Money {
    artikelen.iter().filter(|a| a.soort() == ArtikelSoort::Uitgave).map(|a| a.bijstelling(b, k)).sum()
}

/// A consolidated total over `scope`: every expenditure article counts, except
/// a dotation (IS) whose receiving entity has articles inside the scope — that
/// money is counted where the receiver spends it.
pub fn geconsolideerd(scope: &[&Artikel], slot: Slot) -> Money {
    scope
        .iter()
        .filter(|a| a.soort() == ArtikelSoort::Uitgave && !interne_stroom(a, scope))
        .map(|a| a.bedrag(slot))
        .sum()
}

/// Whether `a` is a dotation whose receiving entity has articles in `scope`:
/// counted in the ISE tables, left out of a consolidated total over `scope`.
pub fn interne_stroom(a: &Artikel, scope: &[&Artikel]) -> bool {
    a.esr() == Esr::Is
        && a.soort() == ArtikelSoort::Uitgave
        && a.ontvanger
            .as_deref()
            .is_some_and(|r| scope.iter().any(|b| b.entiteit == r && b.soort() == ArtikelSoort::Uitgave))
}

#[cfg(test)]
mod tests {

    use super::*;

    fn art(code: &str, ontvanger: Option<&str>, bo: i64) -> Artikel {
        let mut a = Artikel::for_tests(code, "SG-A").with(Slot::Naar(Krediet::Vak), bo);
        a.ontvanger = ontvanger.map(str::to_string);
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
        for (scope, gross, cons) in cases {
            assert_eq!(som(scope, None, bo), Money::from_cents(*gross));
            assert_eq!(geconsolideerd(scope, bo), Money::from_cents(*cons));
        }
        assert_eq!(som(&[&dotatie, &dept], Some(EsrGroep::Toelagen), bo), Money::from_cents(100));
    }
}
