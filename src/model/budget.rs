//! Budget articles and their credits.
//!
//! A document explains one step of the budget, from one standing to the next
//! ([`Stand::evolutie`]): an expenditure article holds its VAK and VEK each as
//! one [`Evolutie`] (from, the movements of the step, to), a revenue article
//! its two standings. An article keeps its row, not a location per amount:
//! [`Cellen`] derives a cell when a diagnostic needs one.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use super::money::Money;
use super::structure::{EntiteitCode, IseCode};
use crate::diag::Location;
use crate::tr;

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
}

impl Fase {
    /// The folder name in a project (`bo`, `ba1`, `ba2`). The outturn (BU)
    /// is no document: a BBT is filed with the BO and each BA.
    pub fn folder(self) -> String {
        match self {
            Fase::Bo => "bo".into(),
            Fase::Ba(n) => format!("ba{n}"),
        }
    }

    pub fn parse_folder(s: &str) -> Option<Fase> {
        match s {
            "bo" => Some(Fase::Bo),
            "ba" | "ba1" => Some(Fase::Ba(1)),
            "ba2" => Some(Fase::Ba(2)),
            _ => None,
        }
    }

    /// The phase in words, as a reader names it: "begrotingsopmaak",
    /// "begrotingsaanpassing", "tweede begrotingsaanpassing". The folder name (`bo`) is for paths and flags.
    pub fn naam(self) -> String {
        match self {
            Fase::Bo => "begrotingsopmaak".into(),
            Fase::Ba(1) => "begrotingsaanpassing".into(),
            Fase::Ba(2) => "tweede begrotingsaanpassing".into(),
            Fase::Ba(n) => format!("{n}e begrotingsaanpassing"),
        }
    }

    /// Column head abbreviation: `BO`, `BA`.
    pub fn abbrev(self) -> &'static str {
        match self {
            Fase::Bo => "BO",
            Fase::Ba(_) => "BA",
        }
    }
}

/// How a document is named to its readers, the phase in capitals as the
/// Vlaams Parlement writes it: "BBT 2025 (BO)", "BBT 2026 (BA)", "BBT 2026 (2e BA)".
pub fn document_name(jaar: i32, fase: Fase) -> String {
    let fase = match fase {
        Fase::Ba(n) if n > 1 => format!("{n}e BA"),
        f => f.abbrev().to_string(),
    };
    format!("BBT {jaar} ({fase})")
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
    /// a 2e BA from the 1e, a 1e BA from the year's BO.
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

    /// Column head, e.g. `BA 2024`; a second BA is `2e BA 2026` (its start
    /// is the first, `BA 2026`).
    pub fn label(self) -> String {
        match self.fase {
            Fase::Ba(n) if n > 1 => format!("{n}e BA {}", self.jaar),
            fase => format!("{} {}", fase.abbrev(), self.jaar),
        }
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

/// A budget article code, e.g. `SB0-1SFE2AA-WT` (domain.md §3): parsed once,
/// when it is read, into its parts. Eleven bytes, `Copy`; it prints and sorts
/// as the code is written.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ArtikelCode {
    /// The entity part (`SB0`) and the middle part (`1SFE2AA`), ASCII capitals and digits.
    chars: [u8; 10],
    esr: Esr,
}

impl ArtikelCode {
    /// Reads a code, or says why it has the wrong shape (in the language of
    /// the messages).
    pub fn parse(s: &str) -> Result<ArtikelCode, String> {
        let parts: Vec<&str> = s.split('-').collect();
        let [ent, mid, esr] = parts.as_slice() else {
            return Err(tr!("w007-parts"));
        };
        let plain = |p: &str| p.bytes().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        if ent.len() != 3 || !plain(ent) {
            return Err(tr!("w007-entity", deel = ent));
        }
        if mid.len() != 7 || !plain(mid) {
            return Err(tr!("w007-middle", deel = mid));
        }
        let esr = Esr::parse(esr).ok_or_else(|| tr!("w007-esr", deel = esr))?;
        let mut chars = [0u8; 10];
        for (c, b) in chars.iter_mut().zip(ent.bytes().chain(mid.bytes())) {
            *c = b;
        }
        Ok(ArtikelCode { chars, esr })
    }

    fn text(&self, from: usize, to: usize) -> &str {
        // ASCII by construction (`parse`).
        self.chars.get(from..to).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or_default()
    }

    fn char_at(&self, i: usize) -> char {
        self.chars.get(i).map_or(' ', |&b| char::from(b))
    }

    /// `SB0`.
    pub fn entiteit(&self) -> EntiteitCode {
        EntiteitCode::new(self.text(0, 3))
    }

    /// The ISE the code points to: programma and ISE letter, `SF-A`.
    pub fn ise(&self) -> IseCode {
        IseCode::of(self.programma(), self.ise_letter())
    }

    /// `1` expenditure, `0` revenue, `A` budget of a rechtspersoon.
    pub fn soort(&self) -> char {
        self.char_at(3)
    }

    /// `SF`.
    pub fn programma(&self) -> &str {
        self.text(4, 6)
    }

    /// The competent minister's letter.
    pub fn minister(&self) -> char {
        self.char_at(6)
    }

    /// `2` split credits, `4` variable, `5` correlative.
    pub fn kredietsoort(&self) -> char {
        self.char_at(7)
    }

    /// The ISE letter.
    pub fn ise_letter(&self) -> char {
        self.char_at(8)
    }

    /// The sequence letter within the ISE.
    pub fn volgletter(&self) -> char {
        self.char_at(9)
    }

    pub fn esr(&self) -> Esr {
        self.esr
    }
}

impl fmt::Display for ArtikelCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}-{}", self.text(0, 3), self.text(3, 10), self.esr.code())
    }
}

impl fmt::Debug for ArtikelCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self}")
    }
}

impl Ord for ArtikelCode {
    /// As the written codes sort.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.chars.cmp(&other.chars).then_with(|| self.esr.code().cmp(other.esr.code()))
    }
}

impl PartialOrd for ArtikelCode {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for ArtikelCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Where an amount of an article goes: the starting standing, a movement, or
/// the final standing, of one credit kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Slot {
    Van(Krediet),
    Bij(Bijstelling, Krediet),
    Naar(Krediet),
}

impl Slot {
    pub fn krediet(self) -> Krediet {
        match self {
            Slot::Van(k) | Slot::Bij(_, k) | Slot::Naar(k) => k,
        }
    }
}

/// The movements of one step: a BO explains it as index, compensaties and
/// andere bijstellingen; a BA (or BU) as one line of bijstellingen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stap {
    Bo { index: Money, compensaties: Money, andere: Money },
    Ba { bijstellingen: Money },
}

impl Stap {
    /// No movements yet, in the shape of `fase`.
    pub fn new(fase: Fase) -> Stap {
        match fase {
            Fase::Bo => Stap::Bo { index: Money::ZERO, compensaties: Money::ZERO, andere: Money::ZERO },
            _ => Stap::Ba { bijstellingen: Money::ZERO },
        }
    }

    /// A movement; zero when the step has no such line.
    pub fn get(&self, b: Bijstelling) -> Money {
        match (self, b) {
            (Stap::Bo { index, .. }, Bijstelling::Index) => *index,
            (Stap::Bo { compensaties, .. }, Bijstelling::Compensaties) => *compensaties,
            (Stap::Bo { andere, .. }, Bijstelling::Andere) => *andere,
            (Stap::Ba { bijstellingen }, Bijstelling::Andere) => *bijstellingen,
            (Stap::Ba { .. }, _) => Money::ZERO,
        }
    }

    fn slot(&mut self, b: Bijstelling) -> Option<&mut Money> {
        match (self, b) {
            (Stap::Bo { index, .. }, Bijstelling::Index) => Some(index),
            (Stap::Bo { compensaties, .. }, Bijstelling::Compensaties) => Some(compensaties),
            (Stap::Bo { andere, .. }, Bijstelling::Andere) => Some(andere),
            (Stap::Ba { bijstellingen }, Bijstelling::Andere) => Some(bijstellingen),
            (Stap::Ba { .. }, _) => None,
        }
    }

    pub fn som(&self) -> Money {
        Bijstelling::ALL.iter().map(|&b| self.get(b)).sum()
    }
}

/// The kredietevolutie of one credit kind of an expenditure article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Evolutie {
    pub van: Money,
    pub stap: Stap,
    pub naar: Money,
}

impl Evolutie {
    pub fn new(fase: Fase) -> Evolutie {
        Evolutie { van: Money::ZERO, stap: Stap::new(fase), naar: Money::ZERO }
    }

    /// The starting standing plus every movement: what the final standing must be.
    pub fn verwacht(&self) -> Money {
        self.van + self.stap.som()
    }
}

/// An article's amounts for the one step its document explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bedragen {
    Uitgave { vak: Evolutie, vek: Evolutie },
    Ontvangst { van: Money, naar: Money },
}

impl Bedragen {
    pub fn new(soort: ArtikelSoort, fase: Fase) -> Bedragen {
        match soort {
            ArtikelSoort::Uitgave => Bedragen::Uitgave { vak: Evolutie::new(fase), vek: Evolutie::new(fase) },
            ArtikelSoort::Ontvangst => Bedragen::Ontvangst { van: Money::ZERO, naar: Money::ZERO },
        }
    }

    pub fn soort(&self) -> ArtikelSoort {
        match self {
            Bedragen::Uitgave { .. } => ArtikelSoort::Uitgave,
            Bedragen::Ontvangst { .. } => ArtikelSoort::Ontvangst,
        }
    }

    /// The evolution of VAK or VEK (expenditure only).
    pub fn evolutie(&self, k: Krediet) -> Option<&Evolutie> {
        match (self, k) {
            (Bedragen::Uitgave { vak, .. }, Krediet::Vak) => Some(vak),
            (Bedragen::Uitgave { vek, .. }, Krediet::Vek) => Some(vek),
            _ => None,
        }
    }

    /// The amount in `slot`; zero where the article has none.
    pub fn get(&self, slot: Slot) -> Money {
        match (self, slot) {
            (Bedragen::Ontvangst { van, .. }, Slot::Van(Krediet::Ontvangst)) => *van,
            (Bedragen::Ontvangst { naar, .. }, Slot::Naar(Krediet::Ontvangst)) => *naar,
            (Bedragen::Ontvangst { .. }, _) => Money::ZERO,
            (b @ Bedragen::Uitgave { .. }, slot) => b.evolutie(slot.krediet()).map_or(Money::ZERO, |e| match slot {
                Slot::Van(_) => e.van,
                Slot::Bij(b, _) => e.stap.get(b),
                Slot::Naar(_) => e.naar,
            }),
        }
    }

    /// Sets the amount in `slot`; false when the article has no such amount.
    pub fn set(&mut self, slot: Slot, m: Money) -> bool {
        let target = match (self, slot) {
            (Bedragen::Ontvangst { van, .. }, Slot::Van(Krediet::Ontvangst)) => Some(van),
            (Bedragen::Ontvangst { naar, .. }, Slot::Naar(Krediet::Ontvangst)) => Some(naar),
            (Bedragen::Ontvangst { .. }, _) => None,
            (Bedragen::Uitgave { vak, vek }, slot) => {
                let e = match slot.krediet() {
                    Krediet::Vak => Some(vak),
                    Krediet::Vek => Some(vek),
                    Krediet::Ontvangst => None,
                };
                e.and_then(|e| match slot {
                    Slot::Van(_) => Some(&mut e.van),
                    Slot::Bij(b, _) => e.stap.slot(b),
                    Slot::Naar(_) => Some(&mut e.naar),
                })
            }
        };
        target.map(|t| *t = m).is_some()
    }
}

/// A sheet of the budget workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Blad {
    Uitgaven,
    Ontvangsten,
    Toelichting,
    /// The outturn of an earlier year (optional): per article its BA, BA-JR and BU.
    Uitvoering,
}

impl Blad {
    pub const ALL: [Blad; 4] = [Blad::Uitgaven, Blad::Ontvangsten, Blad::Toelichting, Blad::Uitvoering];

    pub fn van(soort: ArtikelSoort) -> Blad {
        match soort {
            ArtikelSoort::Uitgave => Blad::Uitgaven,
            ArtikelSoort::Ontvangst => Blad::Ontvangsten,
        }
    }
}

/// A field of a row of the workbook (its column is found by its header).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Veld {
    Artikel,
    Omschrijving,
    Ise,
    Esr,
    Entiteit,
    Ontvanger,
    /// The ODs an expenditure article serves (optional).
    Doelstellingen,
    KorteInhoud,
    /// An article's (or a typed total's) amount.
    Bedrag(Slot),
    /// An itemised line's VAK or VEK.
    Lijn(Krediet),
    /// An outturn row's VAK or VEK at one standing of its year.
    Uitvoering(Uitvoeringsstand, Krediet),
}

impl Veld {
    /// Whether the field holds an amount.
    pub fn is_bedrag(self) -> bool {
        matches!(self, Veld::Bedrag(_) | Veld::Lijn(_) | Veld::Uitvoering(..))
    }
}

/// The standings of a year's outturn (domain.md §4): the adjusted budget
/// (BA), the BA with the changes made in the course of the year (BA-JR), and
/// what was executed (BU).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Uitvoeringsstand {
    Ba,
    BaJr,
    Bu,
}

impl Uitvoeringsstand {
    pub const ALL: [Uitvoeringsstand; 3] = [Uitvoeringsstand::Ba, Uitvoeringsstand::BaJr, Uitvoeringsstand::Bu];

    /// The column head: `BA 2024`, `BA-JR 2024`, `BU 2024`.
    pub fn label(self, jaar: i32) -> String {
        let naam = match self {
            Uitvoeringsstand::Ba => "BA",
            Uitvoeringsstand::BaJr => "BA-JR",
            Uitvoeringsstand::Bu => "BU",
        };
        format!("{naam} {jaar}")
    }

    /// The year whose outturn a document of `jaar` in `fase` shows: the last
    /// one closed when it is filed. A BO of year t is filed in October t-1,
    /// when the outturn of t-2 is known; a BA of t in spring t, after that of t-1.
    pub fn jaar(jaar: i32, fase: Fase) -> i32 {
        match fase {
            Fase::Bo => jaar - 2,
            Fase::Ba(_) => jaar - 1,
        }
    }
}

/// One credit kind of an outturn row: its three standings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Realisatie {
    pub ba: Money,
    pub ba_jr: Money,
    pub bu: Money,
}

impl Realisatie {
    pub fn get(&self, s: Uitvoeringsstand) -> Money {
        match s {
            Uitvoeringsstand::Ba => self.ba,
            Uitvoeringsstand::BaJr => self.ba_jr,
            Uitvoeringsstand::Bu => self.bu,
        }
    }

    pub fn set(&mut self, s: Uitvoeringsstand, m: Money) {
        *match s {
            Uitvoeringsstand::Ba => &mut self.ba,
            Uitvoeringsstand::BaJr => &mut self.ba_jr,
            Uitvoeringsstand::Bu => &mut self.bu,
        } = m;
    }
}

/// One row of the sheet Uitvoering: an expenditure article's budget and
/// outturn in an earlier year ([`Uitvoeringsstand::jaar`]). The article need
/// not be in this year's budget: codes change between years.
#[derive(Debug, Clone)]
pub struct UitvoeringRij {
    pub code: ArtikelCode,
    pub titel: String,
    pub entiteit: EntiteitCode,
    /// The ISE code as typed; resolved against this year's structure.
    pub ise_code: IseCode,
    /// For a dotation (IS): the entity receiving it, as typed (optional
    /// column); see [`Begroting::ontvanger_van`].
    pub ontvanger: Option<EntiteitCode>,
    pub vak: Realisatie,
    pub vek: Realisatie,
    /// Its row on the sheet (0-based).
    pub rij: u32,
}

impl UitvoeringRij {
    /// VAK or VEK (revenue has no outturn row).
    pub fn realisatie(&self, k: Krediet) -> Realisatie {
        match k {
            Krediet::Vak => self.vak,
            Krediet::Vek => self.vek,
            Krediet::Ontvangst => Realisatie::default(),
        }
    }

    pub fn get(&self, s: Uitvoeringsstand, k: Krediet) -> Money {
        self.realisatie(k).get(s)
    }
}

/// Where the fields of a workbook were found: the file, and per sheet its
/// name as written and each field's column. A row's cells are derived from
/// it when a diagnostic needs them.
#[derive(Debug, Clone, Default)]
pub struct Cellen {
    pub file: Option<Arc<Path>>,
    pub bladen: Vec<(Blad, Arc<str>, Vec<(Veld, u32)>)>,
}

impl Cellen {
    /// The cell of `veld` in row `rij` (0-based) of `blad`.
    pub fn cel(&self, blad: Blad, rij: u32, veld: Veld) -> Option<Location> {
        let file = self.file.as_ref()?;
        let (_, naam, velden) = self.bladen.iter().find(|(b, _, _)| *b == blad)?;
        let (_, col) = velden.iter().find(|(v, _)| *v == veld)?;
        Some(Location::Cell { file: file.clone(), sheet: naam.clone(), row: rij, col: *col })
    }

    /// The workbook itself.
    pub fn bestand(&self) -> Option<Location> {
        self.file.as_ref().map(|f| Location::File { file: f.to_path_buf() })
    }
}

/// One line of the itemised toelichting under an article.
#[derive(Debug, Clone)]
pub struct ToelichtingLijn {
    pub omschrijving: String,
    pub vak: Option<Money>,
    pub vek: Option<Money>,
    /// Its row on the sheet Toelichting (0-based).
    pub rij: u32,
}

/// A total row typed in the workbook ("Totaal", or "Totaal SF-A" for one
/// ISE). Totals are always computed; a typed one is only checked against them.
#[derive(Debug, Clone)]
pub struct Totaalrij {
    pub label: String,
    /// The ISE code it totals, or `None` for the whole sheet.
    pub ise_code: Option<IseCode>,
    pub soort: ArtikelSoort,
    /// The amounts typed (an empty cell is no amount).
    pub bedragen: Vec<(Slot, Money)>,
    /// Its row on its sheet (0-based).
    pub rij: u32,
}

impl Totaalrij {
    /// The articles this total adds up: of its sheet, and of its ISE if it names one.
    pub fn scope<'a>(&'a self, artikelen: &'a [Artikel]) -> impl Iterator<Item = &'a Artikel> + 'a {
        artikelen.iter().filter(|a| a.soort() == self.soort && self.ise_code.as_ref().is_none_or(|c| &a.ise_code == c))
    }
}

/// A budget article with its figures for one document.
#[derive(Debug, Clone)]
pub struct Artikel {
    pub code: ArtikelCode,
    pub titel: String,
    /// Entity code (`SB0`) as typed in the row.
    pub entiteit: EntiteitCode,
    /// The ISE code as typed (`SF-A`); resolved against the beleidsnota.
    pub ise_code: IseCode,
    /// For a dotation (IS): the entity receiving it.
    pub ontvanger: Option<EntiteitCode>,
    /// The ODs it serves, as written in its `Doelstellingen` cell (numbers
    /// or ids; resolved against the year's structure by the checks).
    pub doelstellingen: Vec<String>,
    pub korte_inhoud: String,
    pub bedragen: Bedragen,
    pub toelichting: Vec<ToelichtingLijn>,
    /// False when one of its amounts could not be read (already reported):
    /// sums over it would only repeat that problem.
    pub volledig: bool,
    /// Its row on its sheet (0-based).
    pub rij: u32,
}

impl Artikel {
    /// An article with no figures, for tests: expenditure unless the code
    /// says revenue (5th character 0).
    pub fn new(code: ArtikelCode, ise_code: IseCode, fase: Fase) -> Artikel {
        let soort = if code.soort() == '0' { ArtikelSoort::Ontvangst } else { ArtikelSoort::Uitgave };
        Artikel {
            code,
            titel: String::new(),
            entiteit: code.entiteit(),
            ise_code,
            ontvanger: None,
            doelstellingen: Vec::new(),
            korte_inhoud: String::new(),
            bedragen: Bedragen::new(soort, fase),
            toelichting: Vec::new(),
            volledig: true,
            rij: 0,
        }
    }

    /// An article of a BO document, for unit tests.
    #[cfg(test)]
    pub fn for_tests(code: &str, ise_code: &str) -> Artikel {
        Artikel::new(ArtikelCode::parse(code).expect("a valid code"), IseCode::new(ise_code), Fase::Bo)
    }

    /// Sets an amount, in cents (tests).
    #[cfg(test)]
    pub fn with(mut self, slot: Slot, cents: i64) -> Artikel {
        assert!(self.bedragen.set(slot, Money::from_cents(cents)), "{slot:?}");
        self
    }

    pub fn soort(&self) -> ArtikelSoort {
        self.bedragen.soort()
    }

    pub fn esr(&self) -> Esr {
        self.code.esr()
    }

    pub fn bedrag(&self, slot: Slot) -> Money {
        self.bedragen.get(slot)
    }

    /// The starting standing of `k`.
    pub fn van(&self, k: Krediet) -> Money {
        self.bedragen.get(Slot::Van(k))
    }

    /// The final standing of `k`.
    pub fn naar(&self, k: Krediet) -> Money {
        self.bedragen.get(Slot::Naar(k))
    }

    pub fn bijstelling(&self, b: Bijstelling, k: Krediet) -> Money {
        self.bedragen.get(Slot::Bij(b, k))
    }

    /// The credit kinds this article has: VAK and VEK, or ontvangsten.
    pub fn krediet_soorten(&self) -> &'static [Krediet] {
        match self.soort() {
            ArtikelSoort::Uitgave => &[Krediet::Vak, Krediet::Vek],
            ArtikelSoort::Ontvangst => &[Krediet::Ontvangst],
        }
    }
}

/// The figures of one document, as its workbook holds them.
#[derive(Debug, Clone, Default)]
pub struct Begroting {
    /// In the order of the workbook: expenditure, then revenue.
    pub artikelen: Vec<Artikel>,
    pub totalen: Vec<Totaalrij>,
    /// The rows of the optional sheet Uitvoering, in the workbook's order.
    pub uitvoering: Vec<UitvoeringRij>,
    /// False when a sheet of articles could not be read at all: rules that
    /// need every article (an ISE without articles, a vanished article) then
    /// keep quiet rather than report what is only a consequence.
    pub volledig: bool,
    pub cellen: Cellen,
    /// Article code → its first row in `artikelen`.
    index: HashMap<ArtikelCode, usize>,
}

impl Begroting {
    pub fn new(artikelen: Vec<Artikel>, totalen: Vec<Totaalrij>, volledig: bool, cellen: Cellen) -> Begroting {
        let mut b = Begroting { totalen, volledig, cellen, ..Begroting::default() };
        for a in artikelen {
            b.push(a);
        }
        b
    }

    /// Adds an article (after those there are), keeping the index.
    pub fn push(&mut self, a: Artikel) {
        self.index.entry(a.code).or_insert(self.artikelen.len());
        self.artikelen.push(a);
    }

    /// The article with `code` (the first, if it appears twice), to change it.
    pub fn artikel_mut(&mut self, code: &ArtikelCode) -> Option<&mut Artikel> {
        self.index.get(code).and_then(|&i| self.artikelen.get_mut(i))
    }

    /// The article with `code` (the first, if it appears twice).
    pub fn artikel(&self, code: &ArtikelCode) -> Option<&Artikel> {
        self.index.get(code).and_then(|&i| self.artikelen.get(i))
    }

    /// The articles of the ISE with `code`, in the workbook's order.
    pub fn van_ise<'a>(&'a self, code: &'a IseCode) -> impl Iterator<Item = &'a Artikel> + 'a {
        self.artikelen.iter().filter(move |a| &a.ise_code == code)
    }

    /// The expenditure articles of the ISE with `code`.
    pub fn uitgaven_van_ise<'a>(&'a self, code: &'a IseCode) -> impl Iterator<Item = &'a Artikel> + 'a {
        self.van_ise(code).filter(|a| a.soort() == ArtikelSoort::Uitgave)
    }

    /// The first article with `code` when `a` is a later one with the same code.
    pub fn eerder(&self, a: &Artikel) -> Option<&Artikel> {
        self.artikel(&a.code).filter(|first| !std::ptr::eq(*first, a))
    }

    /// The cell of an article's field, or else its row, or else the workbook.
    pub fn cel(&self, a: &Artikel, veld: Veld) -> Option<Location> {
        let blad = Blad::van(a.soort());
        self.cellen.cel(blad, a.rij, veld).or_else(|| self.rij(a))
    }

    /// The receiver of an outturn row's dotation (IS): as typed on the sheet
    /// Uitvoering, or else that of the same article in this year's budget.
    pub fn ontvanger_van<'a>(&'a self, u: &'a UitvoeringRij) -> Option<&'a EntiteitCode> {
        if u.code.esr() != Esr::Is {
            return None;
        }
        u.ontvanger.as_ref().or_else(|| self.artikel(&u.code).and_then(|a| a.ontvanger.as_ref()))
    }

    /// The cell of a field of an outturn row, or else its code's cell, or else the workbook.
    pub fn uitvoering_cel(&self, u: &UitvoeringRij, veld: Veld) -> Option<Location> {
        self.cellen
            .cel(Blad::Uitvoering, u.rij, veld)
            .or_else(|| self.cellen.cel(Blad::Uitvoering, u.rij, Veld::Artikel))
            .or_else(|| self.cellen.bestand())
    }

    /// An article's row (its code's cell), or else the workbook.
    pub fn rij(&self, a: &Artikel) -> Option<Location> {
        self.cellen.cel(Blad::van(a.soort()), a.rij, Veld::Artikel).or_else(|| self.cellen.bestand())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_article_codes() {
        let code = ArtikelCode::parse("GB0-1GCF2BA-WT").unwrap();
        assert_eq!(
            (
                code.entiteit(),
                code.soort(),
                code.programma(),
                code.minister(),
                code.kredietsoort(),
                code.ise_letter(),
                code.volgletter(),
                code.esr()
            ),
            (EntiteitCode::new("GB0"), '1', "GC", 'F', '2', 'B', 'A', Esr::Wt)
        );
        assert_eq!(code.to_string(), "GB0-1GCF2BA-WT");
    }

    #[test]
    fn codes_sort_as_written() {
        let mut codes: Vec<ArtikelCode> =
            ["SB0-1SFE2AA-WT", "SB0-1SFE2AA-IS", "SB0-1SFE2AB-LE", "GB0-1GCF2BA-WT", "SB0-0SFE2AA-PA"]
                .iter()
                .map(|c| ArtikelCode::parse(c).unwrap())
                .collect();
        let mut written: Vec<String> = codes.iter().map(ToString::to_string).collect();
        codes.sort();
        written.sort();
        assert_eq!(codes.iter().map(ToString::to_string).collect::<Vec<_>>(), written);
    }

    #[test]
    fn rejects_malformed_codes() {
        for bad in [
            "",
            "GB0-1GCF2BA",
            "GB0-1GCF2B-WT",
            "gb0-1GCF2BA-WT",
            "GB0-1GCF2BA-XX",
            "GB0-1GCF2BA-WT-1",
            "GBé-1GCF2BA-WT",
        ] {
            assert!(ArtikelCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_step_holds_only_the_movements_of_its_phase() {
        let mut bo = Bedragen::new(ArtikelSoort::Uitgave, Fase::Bo);
        assert!(bo.set(Slot::Bij(Bijstelling::Index, Krediet::Vak), Money::from_cents(5)));
        assert!(bo.set(Slot::Van(Krediet::Vak), Money::from_cents(10)));
        assert_eq!(bo.evolutie(Krediet::Vak).map(Evolutie::verwacht), Some(Money::from_cents(15)));
        let mut ba = Bedragen::new(ArtikelSoort::Uitgave, Fase::Ba(1));
        assert!(!ba.set(Slot::Bij(Bijstelling::Index, Krediet::Vak), Money::from_cents(5)));
        assert!(ba.set(Slot::Bij(Bijstelling::Andere, Krediet::Vek), Money::from_cents(5)));
        let mut ontvangst = Bedragen::new(ArtikelSoort::Ontvangst, Fase::Bo);
        assert!(!ontvangst.set(Slot::Naar(Krediet::Vak), Money::from_cents(1)));
        assert!(ontvangst.set(Slot::Naar(Krediet::Ontvangst), Money::from_cents(1)));
        assert_eq!(ontvangst.get(Slot::Naar(Krediet::Ontvangst)), Money::from_cents(1));
    }
}
