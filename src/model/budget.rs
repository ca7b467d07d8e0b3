//! Budget articles and their credits.
//!
//! Credits are keyed by (year, phase, credit kind) — never fixed struct fields —
//! so BO, 1e/2e BA, BA-JR and BU all fit one model. The movements that explain
//! the step from one standing to the next (index, compensaties, andere
//! bijstellingen) are kept beside them.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use super::money::Money;
use crate::diag::Location;

/// The credit kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Krediet {
    /// Vastleggingskrediet: may be committed this year.
    Vak,
    /// Vereffeningskrediet: may be paid this year.
    Vek,
    /// Ontvangsten: revenue (no VAK/VEK split).
    Ontvangst,
}

impl Krediet {
    pub fn label(self) -> &'static str {
        match self {
            Krediet::Vak => "VAK",
            Krediet::Vek => "VEK",
            Krediet::Ontvangst => "ontvangsten",
        }
    }
}

/// A budget phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Fase {
    /// Begrotingsopmaak: the initial budget.
    Bo,
    /// Begrotingsaanpassing: 1e or 2e.
    Ba(u8),
    /// BA plus the in-year changes.
    BaJr,
    /// Begrotingsuitvoering: outturn.
    Bu,
}

impl Fase {
    /// The folder name in a project (`bo`, `ba1`, `ba2`, `bu`).
    pub fn folder(self) -> String {
        match self {
            Fase::Bo => "bo".into(),
            Fase::Ba(n) => format!("ba{n}"),
            Fase::BaJr => "bajr".into(),
            Fase::Bu => "bu".into(),
        }
    }

    pub fn parse_folder(s: &str) -> Option<Fase> {
        match s {
            "bo" => Some(Fase::Bo),
            "ba" | "ba1" => Some(Fase::Ba(1)),
            "ba2" => Some(Fase::Ba(2)),
            "bu" => Some(Fase::Bu),
            _ => None,
        }
    }

    /// Column head abbreviation: `BO`, `BA`, `BA-JR`, `BU`.
    pub fn abbrev(self) -> &'static str {
        match self {
            Fase::Bo => "BO",
            Fase::Ba(_) => "BA",
            Fase::BaJr => "BA-JR",
            Fase::Bu => "BU",
        }
    }
}

/// A standing of the budget: a phase of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Stand {
    pub jaar: i32,
    pub fase: Fase,
}

impl Stand {
    pub fn new(jaar: i32, fase: Fase) -> Stand {
        Stand { jaar, fase }
    }

    /// The standings the kredietevolutie of a document of `jaar` in `fase`
    /// runs between: a BO of year t starts from the BA of t-1 (never BO t-1),
    /// a 2e BA from the 1e, a 1e BA (and BA-JR, BU) from the year's BO.
    pub fn evolutie(jaar: i32, fase: Fase) -> (Stand, Stand) {
        match fase {
            Fase::Bo => (Stand::new(jaar - 1, Fase::Ba(1)), Stand::new(jaar, Fase::Bo)),
            Fase::Ba(n) if n > 1 => (Stand::new(jaar, Fase::Ba(n - 1)), Stand::new(jaar, Fase::Ba(n))),
            other => (Stand::new(jaar, Fase::Bo), Stand::new(jaar, other)),
        }
    }

    /// Whether a document starting from `self` continues one that ended at
    /// `end`: the same year and phase (any BA counts as the BA, whichever
    /// number it has). A BO never continues the BO before it.
    pub fn continues(self, end: Stand) -> bool {
        self.jaar == end.jaar
            && match (self.fase, end.fase) {
                (Fase::Ba(_), Fase::Ba(_)) => true,
                (a, b) => a == b,
            }
    }

    /// Column head, e.g. `BA 2024`.
    pub fn label(self) -> String {
        format!("{} {}", self.fase.abbrev(), self.jaar)
    }
}

/// A movement between two standings (the kredietevolutie's middle rows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Bijstelling {
    Index,
    Compensaties,
    Andere,
}

impl Bijstelling {
    pub const ALL: [Bijstelling; 3] = [Bijstelling::Index, Bijstelling::Compensaties, Bijstelling::Andere];

    /// The movements a document of `fase` shows, with their names there: a BO
    /// explains the step from BA t-1 as index, compensaties and andere
    /// bijstellingen; a BA (and later phases) shows one line of bijstellingen.
    pub fn voor_fase(fase: Fase) -> &'static [(Bijstelling, &'static str)] {
        match fase {
            Fase::Bo => &[
                (Bijstelling::Index, "Index"),
                (Bijstelling::Compensaties, "Compensaties"),
                (Bijstelling::Andere, "Andere bijstellingen"),
            ],
            _ => &[(Bijstelling::Andere, "Bijstellingen")],
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Bijstelling::Index => "Index",
            Bijstelling::Compensaties => "Compensaties",
            Bijstelling::Andere => "Andere bijstellingen",
        }
    }
}

/// An amount with the place it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bedrag {
    pub waarde: Money,
    pub bron: Option<Location>,
}

/// The ESR aggregate of an article (the code's suffix).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Esr {
    /// Werking en toelagen.
    #[default]
    Wt,
    /// Lonen.
    Lo,
    /// Provisies.
    Pr,
    /// Interne stromen (dotations to other entities).
    Is,
    /// Leningen.
    Le,
    /// Participaties.
    Pa,
}

/// The three rows of the ISE synthesis table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum EsrGroep {
    /// WT, LO, PR: "ESR-uitgaven".
    EsrUitgaven,
    /// IS: "Toelagen (IS)".
    Toelagen,
    /// LE, PA: "Overige" (no ESR impact).
    Overige,
}

impl Esr {
    pub fn parse(s: &str) -> Option<Esr> {
        Some(match s {
            "WT" => Esr::Wt,
            "LO" => Esr::Lo,
            "PR" => Esr::Pr,
            "IS" => Esr::Is,
            "LE" => Esr::Le,
            "PA" => Esr::Pa,
            _ => return None,
        })
    }

    pub fn code(self) -> &'static str {
        match self {
            Esr::Wt => "WT",
            Esr::Lo => "LO",
            Esr::Pr => "PR",
            Esr::Is => "IS",
            Esr::Le => "LE",
            Esr::Pa => "PA",
        }
    }

    pub fn groep(self) -> EsrGroep {
        match self {
            Esr::Wt | Esr::Lo | Esr::Pr => EsrGroep::EsrUitgaven,
            Esr::Is => EsrGroep::Toelagen,
            Esr::Le | Esr::Pa => EsrGroep::Overige,
        }
    }
}

/// Expenditure or revenue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ArtikelSoort {
    Uitgave,
    Ontvangst,
}

/// A parsed budget article code, e.g. `SB0-1SFE2AA-WT` (domain.md §3).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArtikelCode {
    pub raw: String,
}

/// The parts of an article code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeDelen<'a> {
    /// `SB0`
    pub entiteit: &'a str,
    /// `1` expenditure, `0` revenue, `A` budget of a rechtspersoon.
    pub soort: char,
    /// `SF`
    pub programma: &'a str,
    /// Competent minister letter.
    pub minister: char,
    /// `2` split credits, `4` variable, `5` correlative.
    pub kredietsoort: char,
    /// ISE letter.
    pub ise_letter: char,
    /// Sequence letter within the ISE.
    pub volgletter: char,
    pub esr: Esr,
}

impl ArtikelCode {
    pub fn new(raw: impl Into<String>) -> ArtikelCode {
        ArtikelCode { raw: raw.into() }
    }

    /// Splits the code into its parts, or explains why it has the wrong shape.
    pub fn delen(&self) -> Result<CodeDelen<'_>, String> {
        let s = self.raw.as_str();
        let parts: Vec<&str> = s.split('-').collect();
        let [ent, mid, esr] = parts.as_slice() else {
            return Err("expected three parts separated by '-', like SB0-1SFE2AA-WT".into());
        };
        if ent.len() != 3 || !ent.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
            return Err(format!("entity part '{ent}' must be three capitals or digits, like SB0"));
        }
        let m: Vec<char> = mid.chars().collect();
        let (true, [soort, _, _, minister, kredietsoort, ise_letter, volgletter]) =
            (m.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()), m.as_slice())
        else {
            return Err(format!("middle part '{mid}' must be seven capitals or digits, like 1SFE2AA"));
        };
        let esr = Esr::parse(esr).ok_or_else(|| format!("unknown ESR aggregate '{esr}' (WT, LO, PR, IS, LE or PA)"))?;
        Ok(CodeDelen {
            entiteit: ent,
            soort: *soort,
            // Seven ASCII characters, checked above: bytes 1..3 are p1 and p2.
            programma: mid.get(1..3).unwrap_or_default(),
            minister: *minister,
            kredietsoort: *kredietsoort,
            ise_letter: *ise_letter,
            volgletter: *volgletter,
            esr,
        })
    }
}

impl fmt::Display for ArtikelCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

/// One line of the itemised toelichting under an article.
#[derive(Debug, Clone)]
pub struct ToelichtingLijn {
    pub omschrijving: String,
    pub vak: Option<Bedrag>,
    pub vek: Option<Bedrag>,
    /// Where the line's row is (its Artikel cell).
    pub loc: Option<Location>,
    /// Where its Omschrijving cell is (for its characters, T005).
    pub omschrijving_loc: Option<Location>,
}

/// A total row typed in the workbook ("Totaal", or "Totaal SF-A" for one
/// ISE). Totals are always computed; a typed one is only checked against them.
#[derive(Debug, Clone)]
pub struct Totaalrij {
    pub label: String,
    /// The ISE code it totals, or `None` for the whole sheet.
    pub ise_code: Option<String>,
    pub soort: ArtikelSoort,
    pub kredieten: BTreeMap<(Stand, Krediet), Bedrag>,
    pub bijstellingen: BTreeMap<(Bijstelling, Krediet), Bedrag>,
    pub loc: Option<Location>,
}

impl Totaalrij {
    /// The articles this total adds up: of its sheet, and of its ISE if it names one.
    pub fn scope<'a>(&'a self, artikelen: &'a [Artikel]) -> impl Iterator<Item = &'a Artikel> + 'a {
        artikelen.iter().filter(|a| a.soort == self.soort && self.ise_code.as_ref().is_none_or(|c| &a.ise_code == c))
    }
}

/// A budget article with its figures for one document.
#[derive(Debug, Clone)]
pub struct Artikel {
    pub code: ArtikelCode,
    pub titel: String,
    pub soort: ArtikelSoort,
    pub esr: Esr,
    /// Entity code (`SB0`).
    pub entiteit: String,
    /// The ISE code as typed (`SF-A`); resolved against the beleidsnota.
    pub ise_code: String,
    /// For a dotation (IS): the entity receiving it.
    pub ontvanger: Option<String>,
    pub korte_inhoud: String,
    /// Standings: (stand, credit kind) → amount.
    pub kredieten: BTreeMap<(Stand, Krediet), Bedrag>,
    /// Movements from the previous standing to this document's: (kind, credit) → amount.
    pub bijstellingen: BTreeMap<(Bijstelling, Krediet), Bedrag>,
    pub toelichting: Vec<ToelichtingLijn>,
    /// False when one of its amounts could not be read (already reported):
    /// sums over it would only repeat that problem.
    pub volledig: bool,
    /// Where the article's row is (the code's cell).
    pub loc: Option<Location>,
    /// Where the ISE cell is.
    pub ise_loc: Option<Location>,
    /// Where its Omschrijving and Korte inhoud cells are (for their characters, T005).
    pub titel_loc: Option<Location>,
    pub korte_inhoud_loc: Option<Location>,
}

impl Artikel {
    /// An expenditure article with no figures, for unit tests: entity and ESR
    /// from the code.
    #[cfg(test)]
    pub fn for_tests(code: &str, ise_code: &str) -> Artikel {
        let code = ArtikelCode::new(code);
        let (entiteit, esr) = code.delen().map(|d| (d.entiteit.to_string(), d.esr)).unwrap_or_default();
        Artikel {
            code,
            titel: String::new(),
            soort: ArtikelSoort::Uitgave,
            esr,
            entiteit,
            ise_code: ise_code.into(),
            ontvanger: None,
            korte_inhoud: String::new(),
            kredieten: BTreeMap::new(),
            bijstellingen: BTreeMap::new(),
            toelichting: Vec::new(),
            volledig: true,
            loc: None,
            ise_loc: None,
            titel_loc: None,
            korte_inhoud_loc: None,
        }
    }

    /// Sets a standing, in cents (tests).
    #[cfg(test)]
    pub fn with_krediet(mut self, stand: Stand, k: Krediet, cents: i64) -> Artikel {
        self.kredieten.insert((stand, k), Bedrag { waarde: Money::from_cents(cents), bron: None });
        self
    }

    /// Sets a movement, in cents (tests).
    #[cfg(test)]
    pub fn with_bijstelling(mut self, b: Bijstelling, k: Krediet, cents: i64) -> Artikel {
        self.bijstellingen.insert((b, k), Bedrag { waarde: Money::from_cents(cents), bron: None });
        self
    }

    pub fn krediet(&self, stand: Stand, krediet: Krediet) -> Money {
        self.kredieten.get(&(stand, krediet)).map_or(Money::ZERO, |b| b.waarde)
    }

    pub fn bijstelling(&self, soort: Bijstelling, krediet: Krediet) -> Money {
        self.bijstellingen.get(&(soort, krediet)).map_or(Money::ZERO, |b| b.waarde)
    }

    /// The standing `van` plus every movement: what the standing `naar` must be.
    pub fn verwacht(&self, van: Stand, k: Krediet) -> Money {
        self.krediet(van, k) + Bijstelling::ALL.iter().map(|&b| self.bijstelling(b, k)).sum::<Money>()
    }

    /// The credit kinds this article has: VAK and VEK, or ontvangsten.
    pub fn krediet_soorten(&self) -> &'static [Krediet] {
        match self.soort {
            ArtikelSoort::Uitgave => &[Krediet::Vak, Krediet::Vek],
            ArtikelSoort::Ontvangst => &[Krediet::Ontvangst],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_article_codes() {
        let code = ArtikelCode::new("GB0-1GCF2BA-WT");
        let d = code.delen().unwrap();
        assert_eq!(
            d,
            CodeDelen {
                entiteit: "GB0",
                soort: '1',
                programma: "GC",
                minister: 'F',
                kredietsoort: '2',
                ise_letter: 'B',
                volgletter: 'A',
                esr: Esr::Wt
            }
        );
    }

    #[test]
    fn rejects_malformed_codes() {
        for bad in ["", "GB0-1GCF2BA", "GB0-1GCF2B-WT", "gb0-1GCF2BA-WT", "GB0-1GCF2BA-XX", "GB0-1GCF2BA-WT-1"] {
            assert!(ArtikelCode::new(bad).delen().is_err(), "{bad}");
        }
    }
}
