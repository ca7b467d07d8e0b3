//! The horizontal plan (an equal-opportunities and integration plan the
//! government approves per term, shared by every policy domain) and the
//! coordinating view over every minister's document: per theme, which ODs of
//! which domain contribute and with which credits.
//!
//! Pure: the loaded documents in, the overview out (exact sums; the view
//! formats them).

use std::collections::BTreeSet;

use super::Document;
use super::budget::{Artikel, ArtikelSoort, Krediet};
use super::money::Money;
use super::structure::{Beleidsnota, Ise, Od, Sd, Tag, same_tag};
use super::synthese::geconsolideerd;
use crate::diag::Location;

/// The horizontal plan: its themes and the actions domains commit to.
#[derive(Debug, Clone)]
pub struct Plan {
    pub titel: String,
    /// The term, e.g. `2024-2029`.
    pub legislatuur: String,
    pub themas: Vec<Thema>,
    pub acties: Vec<Actie>,
    /// Where the plan is (for messages about it as a whole).
    pub file: std::path::PathBuf,
}

#[derive(Debug, Clone)]
pub struct Thema {
    /// How ODs name it (`gender`, `LGBTQI+`).
    pub id: String,
    pub titel: String,
    pub omschrijving: String,
    pub loc: Option<Location>,
}

#[derive(Debug, Clone)]
pub struct Actie {
    pub id: String,
    pub titel: String,
    /// The theme it serves (a theme's id).
    pub thema: String,
    pub loc: Option<Location>,
    pub thema_loc: Option<Location>,
}

impl Plan {
    pub fn thema(&self, naam: &str) -> Option<&Thema> {
        self.themas.iter().find(|t| same_tag(&t.id, naam))
    }

    pub fn actie(&self, naam: &str) -> Option<&Actie> {
        self.acties.iter().find(|a| same_tag(&a.id, naam))
    }
}

/// One minister's document, as the overview reads it.
#[derive(Debug, Clone, Copy)]
pub struct Domein<'a> {
    pub nota: &'a Beleidsnota,
    pub document: &'a Document,
}

/// VAK and VEK, exact.
pub type Kredieten = [Money; 2];

/// The exact (VAK, VEK) of `artikelen` (the view sums their printed figures).
pub fn som(artikelen: &[&Artikel]) -> Kredieten {
    [Krediet::Vak, Krediet::Vek].map(|k| artikelen.iter().map(|a| a.naar(k)).sum())
}

/// Where an OD's credits come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bron {
    /// The articles the workbook links to the OD (its `Doelstellingen` column).
    Gekoppeld,
    /// The workbook links no article of the OD's ISE to an OD: the ISE's
    /// articles stand for the OD.
    Ise,
}

/// One OD contributing to a theme, with its credits.
#[derive(Debug, Clone)]
pub struct OdBijdrage<'a> {
    pub sd: &'a Sd,
    pub od: &'a Od,
    /// Its primary ISE.
    pub ise: Option<&'a Ise>,
    pub bron: Bron,
    /// Its expenditure articles (see [`Bron`]).
    pub artikelen: Vec<&'a Artikel>,
    /// Those its figure counts: all but a dotation whose receiver has its
    /// own articles among them, as the domain's own document consolidates an
    /// OD ("Totaal geconsolideerd OD") and an ISE.
    pub geteld: Vec<&'a Artikel>,
}

/// What one domain contributes to a theme.
#[derive(Debug, Clone)]
pub struct DomeinBijdrage<'a> {
    /// Index into the overview's domains.
    pub domein: usize,
    pub ods: Vec<OdBijdrage<'a>>,
    /// Every article of those ODs once, in workbook order.
    pub artikelen: Vec<&'a Artikel>,
    /// Those the domain's total counts: all but a dotation whose receiver
    /// has its own articles under the same theme in this domain (its money
    /// is counted where the receiver spends it, as the BBT consolidates).
    pub geteld: Vec<&'a Artikel>,
}

/// One theme across all domains.
#[derive(Debug, Clone)]
pub struct ThemaOverzicht<'a> {
    /// As the plan writes it, or as the first OD that names it does.
    pub id: String,
    /// The plan's theme (none without a plan).
    pub plan: Option<&'a Thema>,
    pub domeinen: Vec<DomeinBijdrage<'a>>,
    /// The articles the theme's total counts (every domain's once, a
    /// dotation whose receiver has its own articles under the theme, in any
    /// domain, left out).
    pub geteld: Vec<&'a Artikel>,
}

impl ThemaOverzicht<'_> {
    pub fn ods(&self) -> usize {
        self.domeinen.iter().map(|d| d.ods.len()).sum()
    }
}

/// One plan action: the ODs that take it up, per domain.
#[derive(Debug, Clone)]
pub struct ActieOverzicht<'a> {
    pub actie: &'a Actie,
    /// (domain index, the ODs of that domain).
    pub domeinen: Vec<(usize, Vec<(&'a Sd, &'a Od)>)>,
}

/// The coordinating view over every domain.
#[derive(Debug, Clone)]
pub struct Overzicht<'a> {
    pub domeinen: Vec<Domein<'a>>,
    /// In the plan's order; without a plan, every theme an OD names, in
    /// alphabetical order.
    pub themas: Vec<ThemaOverzicht<'a>>,
    /// The plan's actions in its order (none without a plan).
    pub acties: Vec<ActieOverzicht<'a>>,
}

/// The overview of `domeinen` against `plan`. Every OD's themes are read as
/// the plan names them (whatever their case); a theme the plan does not know
/// is left out (the check reports it, H001).
pub fn overzicht<'a>(plan: Option<&'a Plan>, domeinen: Vec<Domein<'a>>) -> Overzicht<'a> {
    let namen: Vec<(String, Option<&'a Thema>)> = match plan {
        Some(p) => p.themas.iter().map(|t| (t.id.clone(), Some(t))).collect(),
        None => {
            let mut found: Vec<String> = Vec::new();
            for d in &domeinen {
                for (_, od) in d.document.structuur.ods() {
                    for t in &od.themas {
                        if !found.iter().any(|f| same_tag(f, &t.naam)) {
                            found.push(t.naam.trim().to_string());
                        }
                    }
                }
            }
            found.sort_by_key(|f| f.to_lowercase());
            found.into_iter().map(|f| (f, None)).collect()
        }
    };
    let themas = namen
        .into_iter()
        .map(|(id, thema)| {
            let bijdragen: Vec<DomeinBijdrage<'a>> =
                (domeinen.iter().enumerate()).filter_map(|(i, d)| domein_bijdrage(i, d, &id)).collect();
            let alle = eenmaal(bijdragen.iter().flat_map(|b| b.artikelen.iter().copied()));
            let geteld = geconsolideerd(&alle);
            ThemaOverzicht { geteld, id, plan: thema, domeinen: bijdragen }
        })
        .collect();
    let acties = plan
        .map(|p| {
            p.acties
                .iter()
                .map(|actie| ActieOverzicht {
                    actie,
                    domeinen: (domeinen.iter().enumerate())
                        .filter_map(|(i, d)| {
                            let ods: Vec<(&Sd, &Od)> = (d.document.structuur.ods())
                                .filter(|(_, od)| od.acties.iter().any(|a| a.is(&actie.id)))
                                .collect();
                            (!ods.is_empty()).then_some((i, ods))
                        })
                        .collect(),
                })
                .collect()
        })
        .unwrap_or_default();
    Overzicht { domeinen, themas, acties }
}

/// What domain `d` (index `i`) contributes to theme `thema`, if any of its
/// ODs names it.
fn domein_bijdrage<'a>(i: usize, d: &Domein<'a>, thema: &str) -> Option<DomeinBijdrage<'a>> {
    let structuur = &d.document.structuur;
    let uitgaven: Vec<&'a Artikel> =
        d.document.begroting.artikelen.iter().filter(|a| a.soort() == ArtikelSoort::Uitgave).collect();
    let ods: Vec<OdBijdrage<'a>> = structuur
        .ods()
        .filter(|(_, od)| od.themas.iter().any(|t| t.is(thema)))
        .map(|(sd, od)| {
            let ise = structuur.ise(&od.ise);
            let gekoppeld: Vec<&'a Artikel> =
                uitgaven.iter().copied().filter(|a| linkt_naar(structuur, a, od)).collect();
            // The workbook links this ISE's articles to ODs: the links count,
            // also when none is to this OD.
            let ise_koppelt =
                ise.is_some_and(|ise| uitgaven.iter().any(|a| a.ise_code == ise.code && !a.doelstellingen.is_empty()));
            let (bron, artikelen) = if !gekoppeld.is_empty() || ise_koppelt {
                (Bron::Gekoppeld, gekoppeld)
            } else {
                let van_ise = ise
                    .map(|ise| uitgaven.iter().copied().filter(|a| a.ise_code == ise.code).collect())
                    .unwrap_or_default();
                (Bron::Ise, van_ise)
            };
            let geteld = geconsolideerd(&artikelen);
            OdBijdrage { sd, od, ise, bron, geteld, artikelen }
        })
        .collect();
    if ods.is_empty() {
        return None;
    }
    let artikelen = eenmaal(ods.iter().flat_map(|o| o.artikelen.iter().copied()));
    let geteld = geconsolideerd(&artikelen);
    Some(DomeinBijdrage { domein: i, geteld, artikelen, ods })
}

/// Whether article `a`'s `Doelstellingen` cell names `od` (by number or id).
fn linkt_naar(structuur: &super::Structuur, a: &Artikel, od: &Od) -> bool {
    a.doelstellingen.iter().any(|naam| structuur.od_genoemd(naam).is_some_and(|(_, o)| o.id == od.id))
}

/// `artikelen` without repeats (the same article of the same workbook), in
/// their first order.
fn eenmaal<'a>(artikelen: impl Iterator<Item = &'a Artikel>) -> Vec<&'a Artikel> {
    let mut seen = BTreeSet::new();
    artikelen.filter(|a| seen.insert(*a as *const Artikel)).collect()
}

/// The themes and actions the ODs of `structuren` name, with where: for the
/// check of a workspace against its plan.
pub fn genoemd<'a>(
    structuren: impl Iterator<Item = &'a super::Structuur>,
) -> (Vec<(&'a Od, &'a Tag)>, Vec<(&'a Od, &'a Tag)>) {
    let mut themas = Vec::new();
    let mut acties = Vec::new();
    for s in structuren {
        for (_, od) in s.ods() {
            themas.extend(od.themas.iter().map(|t| (od, t)));
            acties.extend(od.acties.iter().map(|t| (od, t)));
        }
    }
    (themas, acties)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::budget::{Begroting, Slot};
    use crate::model::{Beleidsveld, EntiteitCode, Id, IseCode, Structuur};

    fn od(id: &str, nummer: &str, ise: &str, themas: &[&str]) -> Od {
        Od {
            id: Id(id.into()),
            nummer: nummer.into(),
            titel: id.into(),
            ise: Id(ise.into()),
            ise_loc: None,
            themas: themas.iter().map(|t| Tag::from(*t)).collect(),
            acties: Vec::new(),
            loc: None,
        }
    }

    fn art(code: &str, ise: &str, ods: &[&str], vak: i64, ontvanger: Option<&str>) -> Artikel {
        let mut a =
            Artikel::for_tests(code, ise).with(Slot::Naar(Krediet::Vak), vak).with(Slot::Naar(Krediet::Vek), vak);
        a.doelstellingen = ods.iter().map(|s| s.to_string()).collect();
        a.ontvanger = ontvanger.map(EntiteitCode::new);
        a
    }

    fn document(ods: Vec<Od>, ises: &[(&str, &str)], artikelen: Vec<Artikel>) -> Document {
        let mut doc = Document::empty_for_tests();
        doc.structuur = Structuur {
            beleidsvelden: vec![Beleidsveld {
                id: Id("bv".into()),
                naam: "bv".into(),
                ises: ises
                    .iter()
                    .map(|(id, code)| Ise {
                        id: Id(id.to_string()),
                        code: IseCode::new(code),
                        naam: id.to_string(),
                        zonder_kredieten: None,
                        loc: None,
                    })
                    .collect(),
                sds: vec![Sd { id: Id("sd".into()), nummer: "1".into(), titel: "sd".into(), ods, loc: None }],
                loc: None,
            }],
        };
        doc.begroting = Begroting::new(artikelen, Vec::new(), true, Default::default());
        doc
    }

    #[test]
    fn an_article_counts_once_per_theme_and_a_dotation_once_with_its_receiver() {
        let nota = Beleidsnota::empty_for_tests();
        // Domain 1 links articles to ODs; both gender ODs share one article.
        let d1 = document(
            vec![od("a", "1.1", "i", &["gender", "handicap"]), od("b", "1.2", "i", &["Gender"])],
            &[("i", "SG-A")],
            vec![
                art("SB0-1SGE2AA-WT", "SG-A", &["1.1", "1.2"], 100, None),
                art("SB0-1SGE2AB-WT", "SG-A", &["1.2"], 10, None),
                art("SB0-1SGE2AC-IS", "SG-A", &["1.1"], 50, Some("SI0")),
                art("SB0-1SGE2AD-WT", "SG-A", &[], 7, None),
            ],
        );
        // Domain 2 links nothing: its OD's ISE stands for it; it holds the
        // receiver of domain 1's dotation.
        let d2 = document(
            vec![od("c", "2.1", "j", &["gender"])],
            &[("j", "SH-A")],
            vec![art("SI0-ASHE2AA-LO", "SH-A", &[], 40, None), art("SI0-ASHE2AB-WT", "SH-B", &[], 3, None)],
        );
        let o = overzicht(None, vec![Domein { nota: &nota, document: &d1 }, Domein { nota: &nota, document: &d2 }]);
        let ids: Vec<&str> = o.themas.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["gender", "handicap"]);
        let gender = &o.themas[0];
        let vak = |k: Kredieten| k[0];
        // Domain 1: 100 + 10 + 50 once each; the dotation's receiver is elsewhere.
        assert_eq!(vak(som(&gender.domeinen[0].geteld)), Money::from_cents(160));
        assert_eq!(gender.domeinen[0].ods[0].bron, Bron::Gekoppeld);
        assert_eq!(vak(som(&gender.domeinen[1].geteld)), Money::from_cents(40));
        assert_eq!(gender.domeinen[1].ods[0].bron, Bron::Ise);
        // Together: the dotation to SI0 is spent by SI0 under the same theme.
        assert_eq!(
            vak(som(&gender.domeinen.iter().flat_map(|d| d.artikelen.iter().copied()).collect::<Vec<_>>())),
            Money::from_cents(200)
        );
        assert_eq!(vak(som(&gender.geteld)), Money::from_cents(150));
        let handicap = &o.themas[1];
        assert_eq!(vak(som(&handicap.geteld)), Money::from_cents(150));
    }
}
