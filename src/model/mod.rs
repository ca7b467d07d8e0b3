//! The domain, free of IO and file formats: the term's beleidsnota, one year's
//! BBT document, budget articles with their credits, and exact money.
//!
//! Nothing here knows YAML, spreadsheets or Typst. Values carry a
//! [`Location`](crate::diag::Location) only so that checks can point at the
//! input they came from.

pub mod afronding;
pub mod budget;
pub mod horizontaal;
pub mod money;
pub mod structure;
pub mod synthese;
pub mod year;

pub use budget::{
    Artikel, ArtikelCode, ArtikelSoort, Bedragen, Begroting, Bijstelling, Esr, Evolutie, Fase, Krediet, Slot, Stand,
    ToelichtingLijn, Totaalrij,
};
pub use money::{Money, Unit};
pub use structure::{
    Beleidsnota, Beleidsveld, ElementSoort, Entiteit, EntiteitCode, EntiteitSoort, Id, Ise, IseCode, Od, ProjectId, Sd,
    Structuur, Tag,
};
pub use year::{JaarBeleidsveld, JaarIse, JaarOd, JaarSd, Verwijzing, Wijziging, WijzigingSoort};

/// One BBT document: a year and phase of the term, as restated in its `bbt.yaml`,
/// with its figures and narrative.
#[derive(Debug, Clone)]
pub struct Document {
    pub jaar: i32,
    pub fase: Fase,
    pub meta: Meta,
    /// The year's structure as written in `bbt.yaml`, by id, with positions.
    pub restated: Vec<JaarBeleidsveld>,
    /// The year's structure resolved against its baseline: what the document shows.
    pub structuur: Structuur,
    /// The declared changes against the baseline.
    pub wijzigingen: Vec<Wijziging>,
    /// The general chapters before the beleidsvelden (after the
    /// inleiding), in order, as `bbt.yaml` declares them.
    pub hoofdstukken: Vec<Hoofdstuk>,
    /// The free appendices after the standard ones, in order.
    pub bijlagen: Vec<Hoofdstuk>,
    /// The figures, from the workbook.
    pub begroting: Begroting,
    pub teksten: Teksten,
    /// Prestatie-informatie: indicators per OD.
    pub prestaties: Vec<Indicator>,
    /// `prestaties.yaml` when it still has the marker of `bbt init --next`
    /// (carried over, not yet revised).
    pub prestaties_overgenomen: Option<std::path::PathBuf>,
}

impl Document {
    /// A BO 2025 document of a filed stuk with no structure and no figures,
    /// for unit tests of single rules.
    #[cfg(test)]
    pub fn empty_for_tests() -> Document {
        Document {
            jaar: 2025,
            fase: Fase::Bo,
            meta: Meta {
                stuk_nummer: 13,
                stuk_letter: "V".into(),
                zittingsjaar: "2024-2025".into(),
                status: Status::Ingediend(Date { year: 2024, month: 10, day: 24 }),
                ministers: Vec::new(),
                verzendcode: None,
                mededeling: None,
                nulrijen_weglaten: false,
                eenheid: Unit::DuizendEuro,
                locs: Default::default(),
            },
            restated: Vec::new(),
            structuur: Default::default(),
            wijzigingen: Vec::new(),
            hoofdstukken: Vec::new(),
            bijlagen: Vec::new(),
            begroting: Begroting::new(Vec::new(), Vec::new(), true, Default::default()),
            teksten: Teksten::default(),
            prestaties: Vec::new(),
            prestaties_overgenomen: None,
        }
    }

    /// The declared recodings of articles: (old code, new code).
    pub fn hercoderingen(&self) -> Vec<(ArtikelCode, ArtikelCode)> {
        self.wijzigingen.iter().filter_map(Wijziging::hercodering).collect()
    }
}

/// A general chapter or a free appendix: a title and the text
/// `tekst/<id>.md`.
#[derive(Debug, Clone)]
pub struct Hoofdstuk {
    pub id: Id,
    pub titel: String,
    /// Where its `id:` is written.
    pub loc: Option<crate::diag::Location>,
}

/// The appendices every document has (koppeling, article overview, changes
/// matrix): free appendices are numbered after them.
pub const STANDAARD_BIJLAGEN: usize = 3;

/// The parts of a document, numbered as it prints them: I the inleiding,
/// then the general chapters, the beleidsvelden, and the appendices.
impl Document {
    /// The part number of general chapter `i` (0-based): II, III, ...
    pub fn hoofdstuk_deel(&self, i: usize) -> u32 {
        i as u32 + 2
    }

    /// The part number of beleidsveld `i` (0-based).
    pub fn beleidsveld_deel(&self, i: usize) -> u32 {
        (self.hoofdstukken.len() + i) as u32 + 2
    }

    /// The part number of the appendices.
    pub fn bijlagen_deel(&self) -> u32 {
        self.beleidsveld_deel(self.structuur.beleidsvelden.len())
    }

    /// The number of free appendix `i` (0-based): "Bijlage 4".
    pub fn bijlage_nummer(&self, i: usize) -> usize {
        STANDAARD_BIJLAGEN + i + 1
    }
}

/// A performance indicator (`prestaties.yaml`): of an OD, or of an ISE as
/// a whole.
#[derive(Debug, Clone)]
pub struct Indicator {
    /// What it measures the performance of.
    pub bij: IndicatorBij,
    pub indicator: String,
    /// The measured values by year, oldest first. Values are as written
    /// ("61", "1.250"): they are shown, not computed with.
    pub reeks: Vec<(i32, String)>,
    /// The target, and the year it is to be reached (streefjaar).
    pub streefwaarde: String,
    pub streefjaar: Option<i32>,
    /// Printed after every value and the target ("%").
    pub eenheid: String,
    pub bron: String,
    /// Where its `od:` or `ise:` is written.
    pub loc: Option<crate::diag::Location>,
    /// Where each year of its series is written (`reeks: {2023: …}`, or `jaar:`).
    pub jaar_locs: Vec<(i32, crate::diag::Location)>,
}

/// The prestatie-informatie of an ISE prints at most this many years as
/// columns: the latest years any of its indicators has a value for.
pub const PRESTATIE_JAREN: usize = 5;

/// The years the prestatie-informatie of `indicatoren` (one ISE's) prints
/// as columns, oldest first.
pub fn prestatie_jaren<'a>(indicatoren: impl IntoIterator<Item = &'a Indicator>) -> Vec<i32> {
    let jaren: std::collections::BTreeSet<i32> =
        indicatoren.into_iter().flat_map(|i| i.reeks.iter().map(|(j, _)| *j)).collect();
    let skip = jaren.len().saturating_sub(PRESTATIE_JAREN);
    jaren.into_iter().skip(skip).collect()
}

impl Document {
    /// The indicators printed under `ise`: its own and its ODs', as written.
    pub fn indicatoren_van(&self, ise: &structure::Ise) -> Vec<&Indicator> {
        self.prestaties.iter().filter(|i| self.indicator_ise(i).is_some_and(|x| x.id == ise.id)).collect()
    }

    /// The ISE an indicator is printed under: the one it names, or its OD's.
    pub fn indicator_ise(&self, ind: &Indicator) -> Option<&structure::Ise> {
        match &ind.bij {
            IndicatorBij::Od(id) => self.structuur.od(id).and_then(|od| self.structuur.ise(&od.ise)),
            IndicatorBij::Ise(naam) => self.structuur.ise_genoemd(naam),
        }
    }
}

/// What an indicator belongs to, as written in `prestaties.yaml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndicatorBij {
    /// An OD, by id.
    Od(Id),
    /// An ISE, by id or code (`SG-A`).
    Ise(String),
}

/// Front matter of a document: what the title page shows.
#[derive(Debug, Clone)]
pub struct Meta {
    /// Parliamentary document number, `13` in "13-V (2024-2025) – Nr. 1".
    pub stuk_nummer: u32,
    pub stuk_letter: String,
    /// E.g. `2024-2025`.
    pub zittingsjaar: String,
    pub status: Status,
    /// Who files it: one minister, or several when the competence is shared.
    pub ministers: Vec<Minister>,
    /// The Vlaams Parlement's verzendcode (the committee it is sent to), when given.
    pub verzendcode: Option<String>,
    /// The number of the Vlaamse Regering's mededeling, when given
    /// ("VR 2024 1010 MED.0367/1").
    pub mededeling: Option<String>,
    /// Leave out the rows of a kredietevolutie that are zero for VAK and VEK
    /// (index, compensaties, andere bijstellingen; never the standings).
    pub nulrijen_weglaten: bool,
    /// Unit the workbook's amounts are typed in.
    pub eenheid: Unit,
    /// Where `bbt.yaml` gives the budget year and the stuk letter.
    pub locs: MetaLocs,
}

impl Meta {
    /// The stuk as the Vlaams Parlement numbers it: "13-V (2024-2025) – Nr. 1".
    pub fn stuk(&self) -> String {
        format!("{}-{} ({}) – Nr. 1", self.stuk_nummer, self.stuk_letter, self.zittingsjaar)
    }
}

/// A minister filing the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Minister {
    pub naam: String,
    /// The full title, e.g. "Vlaams minister van ...".
    pub titel: String,
}

/// Where [`Meta`]'s values are written, for the rules that judge them.
#[derive(Debug, Clone, Default)]
pub struct MetaLocs {
    pub begrotingsjaar: Option<crate::diag::Location>,
    pub stuk_letter: Option<crate::diag::Location>,
}

/// Filed, with its filing date, or a draft with the date written on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ingediend(Date),
    Ontwerp(Date),
}

impl Status {
    /// Filed (`ingediend_op`): it must be complete (the filing gate).
    pub fn is_filed(self) -> bool {
        matches!(self, Status::Ingediend(_))
    }

    pub fn date(self) -> Date {
        match self {
            Status::Ingediend(d) | Status::Ontwerp(d) => d,
        }
    }
}

/// A calendar date (no time zone: documents are dated, not timed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A valid Gregorian date, or `None`.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days && (1900..=9999).contains(&year)).then_some(Date { year, month, day })
    }
}

/// The id of the inleiding's text (`tekst/inleiding.md`); no element may
/// take it.
pub const INLEIDING: &str = "inleiding";

/// The narrative of one document, as Markdown source, keyed by element id.
#[derive(Debug, Clone, Default)]
pub struct Teksten {
    pub inleiding: Option<Tekst>,
    /// Keyed by SD/OD id.
    pub per_id: std::collections::BTreeMap<Id, Tekst>,
    /// Ids whose file exists but could not be read (already reported).
    pub onleesbaar: std::collections::BTreeSet<Id>,
}

#[derive(Debug, Clone)]
pub struct Tekst {
    pub markdown: String,
    pub file: std::path::PathBuf,
}
