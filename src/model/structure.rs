//! The term's structure fixed by the beleidsnota: beleidsvelden, ISEs,
//! strategische (SD) and operationele doelstellingen (OD), and the entities
//! that hold the credits. Every element has a stable id.

use std::fmt;

use serde::Serialize;

use crate::diag::Location;
use crate::tr;

/// A stable identifier of a structure element (never changes within the term).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Id(pub String);

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Id {
        Id(s.to_string())
    }
}

/// The project's short machine name: a slug (`a-z`, `0-9`, `-`, 1 to 64
/// characters, not starting or ending with `-`). Output file names are built
/// from it, so only [`ProjectId::parse`] makes one: no path separator, `..`,
/// or empty name can reach a file name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct ProjectId(String);

impl ProjectId {
    pub const MAX_LEN: usize = 64;

    /// The id, or why `s` is not one (in the language of the messages).
    pub fn parse(s: &str) -> Result<ProjectId, String> {
        if s.is_empty() {
            return Err(tr!("project-id-empty"));
        }
        if s.len() > Self::MAX_LEN {
            return Err(tr!("project-id-long"));
        }
        if !s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            return Err(tr!("project-id-chars"));
        }
        if s.starts_with('-') || s.ends_with('-') {
            return Err(tr!("project-id-hyphen"));
        }
        Ok(ProjectId(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `project`: the id of a project whose folder name gives none.
impl Default for ProjectId {
    fn default() -> ProjectId {
        ProjectId("project".into())
    }
}

impl fmt::Display for ProjectId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone)]
pub struct Beleidsnota {
    /// Short machine name of the project, used in output file names.
    pub id: ProjectId,
    pub titel: String,
    /// The competence, as in "Beleids- en begrotingstoelichting <bevoegdheid>".
    pub bevoegdheid: String,
    /// The term, e.g. `2024-2029`.
    pub legislatuur: String,
    pub entiteiten: Vec<Entiteit>,
    pub structuur: Structuur,
    /// The project's own abbreviations (`afkortingen.yaml`), beside the
    /// standard ones: (abbreviation, meaning).
    pub afkortingen: Vec<(String, String)>,
}

impl Beleidsnota {
    /// A beleidsnota with no structure, for unit tests of single rules.
    #[cfg(test)]
    pub fn empty_for_tests() -> Beleidsnota {
        Beleidsnota {
            id: ProjectId("test".into()),
            titel: String::new(),
            bevoegdheid: String::new(),
            legislatuur: String::new(),
            entiteiten: Vec::new(),
            structuur: Structuur::default(),
            afkortingen: Vec::new(),
        }
    }

    pub fn entiteit(&self, code: &EntiteitCode) -> Option<&Entiteit> {
        self.entiteiten.iter().find(|e| &e.code == code)
    }
}

/// The clustering: beleidsvelden with their ISEs and SDs, SDs with their ODs.
/// The beleidsnota fixes one; every document restates (and may change) it.
#[derive(Debug, Clone, Default)]
pub struct Structuur {
    pub beleidsvelden: Vec<Beleidsveld>,
}

impl Structuur {
    pub fn beleidsveld(&self, id: &Id) -> Option<&Beleidsveld> {
        self.beleidsvelden.iter().find(|b| &b.id == id)
    }

    pub fn ises(&self) -> impl Iterator<Item = (&Beleidsveld, &Ise)> {
        self.beleidsvelden.iter().flat_map(|b| b.ises.iter().map(move |i| (b, i)))
    }

    pub fn ise(&self, id: &Id) -> Option<&Ise> {
        self.ises().map(|(_, i)| i).find(|i| &i.id == id)
    }

    pub fn ise_by_code(&self, code: &IseCode) -> Option<&Ise> {
        self.ises().map(|(_, i)| i).find(|i| &i.code == code)
    }

    /// The ISE a writer names by its id or its code (`SG-A`, in any case).
    pub fn ise_genoemd(&self, naam: &str) -> Option<&Ise> {
        let naam = naam.trim();
        self.ises().map(|(_, i)| i).find(|i| i.id.0 == naam || i.code.0.eq_ignore_ascii_case(naam))
    }

    pub fn sds(&self) -> impl Iterator<Item = (&Beleidsveld, &Sd)> {
        self.beleidsvelden.iter().flat_map(|b| b.sds.iter().map(move |s| (b, s)))
    }

    pub fn sd(&self, id: &Id) -> Option<&Sd> {
        self.sds().map(|(_, s)| s).find(|s| &s.id == id)
    }

    pub fn ods(&self) -> impl Iterator<Item = (&Sd, &Od)> {
        self.sds().flat_map(|(_, s)| s.ods.iter().map(move |o| (s, o)))
    }

    pub fn od(&self, id: &Id) -> Option<&Od> {
        self.ods().map(|(_, o)| o).find(|o| &o.id == id)
    }

    /// The OD a workbook cell names, as finance staff write it: its number
    /// as printed (`2.1`, `OD 2.1`) or its id (`od-nederlands`).
    pub fn od_genoemd(&self, naam: &str) -> Option<(&Sd, &Od)> {
        let naam = naam.trim();
        let nummer = match naam.get(..2) {
            Some(p) if p.eq_ignore_ascii_case("od") => naam.get(2..).unwrap_or_default().trim(),
            _ => naam,
        };
        self.ods().find(|(_, o)| o.nummer == nummer || o.id.0 == naam)
    }

    /// What kind of element `id` is, if it is one.
    pub fn kind_of(&self, id: &Id) -> Option<ElementSoort> {
        if self.beleidsveld(id).is_some() {
            Some(ElementSoort::Beleidsveld)
        } else if self.ise(id).is_some() {
            Some(ElementSoort::Ise)
        } else if self.sd(id).is_some() {
            Some(ElementSoort::Sd)
        } else if self.od(id).is_some() {
            Some(ElementSoort::Od)
        } else {
            None
        }
    }

    /// A short label of element `id` for tables and messages: "OD 2.3 – titel".
    pub fn label(&self, id: &Id) -> Option<String> {
        if let Some(b) = self.beleidsveld(id) {
            return Some(format!("Beleidsveld {}", b.naam));
        }
        if let Some(i) = self.ise(id) {
            return Some(format!("ISE {} – {}", i.code, i.naam));
        }
        if let Some(s) = self.sd(id) {
            return Some(format!("SD {} – {}", s.nummer, s.titel));
        }
        self.od(id).map(|o| format!("OD {} – {}", o.nummer, o.titel))
    }

    /// How a reader knows an element in a list: "ISE SG-B", "SD 3",
    /// "OD 2.3" (a beleidsveld by its name).
    pub fn kort(&self, id: &Id) -> Option<String> {
        if let Some(b) = self.beleidsveld(id) {
            return Some(format!("Beleidsveld {}", b.naam));
        }
        if let Some(i) = self.ise(id) {
            return Some(format!("ISE {}", i.code));
        }
        if let Some(s) = self.sd(id) {
            return Some(format!("SD {}", s.nummer));
        }
        self.od(id).map(|o| format!("OD {}", o.nummer))
    }
}

/// The kinds of structure element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ElementSoort {
    Beleidsveld,
    Ise,
    Sd,
    Od,
}

impl ElementSoort {
    pub fn name(self) -> &'static str {
        match self {
            ElementSoort::Beleidsveld => "beleidsveld",
            ElementSoort::Ise => "ISE",
            ElementSoort::Sd => "SD",
            ElementSoort::Od => "OD",
        }
    }
}

/// A code as the user wrote it (trimmed), of one kind: two kinds of code
/// cannot be compared by mistake. Whether the beleidsnota knows it is a rule's
/// question, not the type's.
macro_rules! code_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new(s: &str) -> $name {
                $name(s.trim().to_string())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

code_type!(
    /// An entity's code: the first three characters of its article codes, `SB0`.
    EntiteitCode
);

code_type!(
    /// An ISE's code: programma, hyphen, ISE letter, `SF-A`.
    IseCode
);

impl IseCode {
    /// Of programma `SF` and ISE letter `A`.
    pub fn of(programma: &str, letter: char) -> IseCode {
        IseCode(format!("{programma}-{letter}"))
    }
}

/// An entity holding credits: a department, agency, DAB or legal person.
#[derive(Debug, Clone)]
pub struct Entiteit {
    pub code: EntiteitCode,
    pub naam: String,
    /// Its type as the beleidsnota declares it (`soort:`); when not
    /// declared, [`crate::model::synthese::Scopes`] infers its scope.
    pub soort: Option<EntiteitSoort>,
    pub loc: Option<Location>,
    /// Where `soort:` is written.
    pub soort_loc: Option<Location>,
}

/// The type of an entity (domain.md §2): the departement and the IVA's form
/// the ministry (MVG); an EVA or other Vlaamse rechtspersoon has its own
/// budget, its articles carry `A` in position 5 of the code; a DAB keeps
/// separate accounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntiteitSoort {
    Departement,
    /// Intern verzelfstandigd agentschap (zonder rechtspersoonlijkheid).
    Iva,
    /// Extern verzelfstandigd agentschap or another Vlaamse rechtspersoon.
    #[serde(alias = "rechtspersoon")]
    Eva,
    /// Dienst met afzonderlijk beheer.
    Dab,
}

impl EntiteitSoort {
    /// How a reader names the type: "departement", "IVA", "Vlaamse rechtspersoon", "DAB".
    pub fn naam(self) -> &'static str {
        match self {
            EntiteitSoort::Departement => "departement",
            EntiteitSoort::Iva => "IVA",
            EntiteitSoort::Eva => "Vlaamse rechtspersoon",
            EntiteitSoort::Dab => "DAB",
        }
    }

    /// Whether the entity belongs to the ministry (MVG): its articles are
    /// general budget articles (`1` in position 5).
    pub fn mvg(self) -> bool {
        matches!(self, EntiteitSoort::Departement | EntiteitSoort::Iva)
    }
}

#[derive(Debug, Clone)]
pub struct Beleidsveld {
    pub id: Id,
    pub naam: String,
    pub ises: Vec<Ise>,
    pub sds: Vec<Sd>,
    pub loc: Option<Location>,
}

/// An inhoudelijk structuurelement: a stable cluster of credits.
#[derive(Debug, Clone)]
pub struct Ise {
    pub id: Id,
    pub code: IseCode,
    pub naam: String,
    /// Declared in a year: why this ISE has no articles that year.
    pub zonder_kredieten: Option<String>,
    pub loc: Option<Location>,
}

#[derive(Debug, Clone)]
pub struct Sd {
    pub id: Id,
    /// Display number, e.g. `1`.
    pub nummer: String,
    pub titel: String,
    pub ods: Vec<Od>,
    pub loc: Option<Location>,
}

#[derive(Debug, Clone)]
pub struct Od {
    pub id: Id,
    /// Display number, e.g. `1.2`.
    pub nummer: String,
    pub titel: String,
    /// The primary ISE this OD is clustered under, and where that is written.
    pub ise: Id,
    pub ise_loc: Option<Location>,
    /// Horizontal themes (gender, handicap, herkomst, ...).
    pub themas: Vec<Tag>,
    /// Actions of the horizontal plan this OD takes up (their ids).
    pub acties: Vec<Tag>,
    pub loc: Option<Location>,
}

/// A name an OD gives to something outside its own structure (a horizontal
/// theme, an action of the horizontal plan), with where it is written.
#[derive(Debug, Clone)]
pub struct Tag {
    pub naam: String,
    pub loc: Option<Location>,
}

impl Tag {
    /// Whether `naam` names the same theme or action: the same words,
    /// whatever their case or surrounding spaces ("Gender" is "gender").
    pub fn is(&self, naam: &str) -> bool {
        same_tag(&self.naam, naam)
    }
}

/// Whether two theme or action names are the same (see [`Tag::is`]).
pub fn same_tag(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The same name ([`Tag::is`]), wherever it is written.
impl PartialEq for Tag {
    fn eq(&self, other: &Tag) -> bool {
        self.is(&other.naam)
    }
}

impl From<&str> for Tag {
    fn from(s: &str) -> Tag {
        Tag { naam: s.to_string(), loc: None }
    }
}

/// An ISE as the document shows it: the SDs under it, each with the ODs
/// whose primary ISE this is. An SD spanning several ISEs appears under each.
#[derive(Debug)]
pub struct IseIndeling<'a> {
    pub ise: &'a Ise,
    pub sds: Vec<SdOnderIse<'a>>,
}

#[derive(Debug)]
pub struct SdOnderIse<'a> {
    pub sd: &'a Sd,
    pub ods: Vec<&'a Od>,
    /// The ISE the SD was first shown under (and introduced), when that is
    /// an earlier one.
    pub eerder_bij: Option<&'a Ise>,
}

impl Structuur {
    /// The document's order: per beleidsveld, its ISEs with their SDs and
    /// ODs ([`IseIndeling`]).
    pub fn indeling(&self) -> Vec<(&Beleidsveld, Vec<IseIndeling<'_>>)> {
        let mut eerst: std::collections::BTreeMap<&Id, &Ise> = std::collections::BTreeMap::new();
        let mut out = Vec::new();
        for bv in &self.beleidsvelden {
            let mut ises = Vec::new();
            for ise in &bv.ises {
                let mut sds = Vec::new();
                for sd in &bv.sds {
                    let ods: Vec<&Od> = sd.ods.iter().filter(|od| od.ise == ise.id).collect();
                    if ods.is_empty() {
                        continue;
                    }
                    let eerder_bij = eerst.get(&sd.id).copied();
                    if eerder_bij.is_none() {
                        eerst.insert(&sd.id, ise);
                    }
                    sds.push(SdOnderIse { sd, ods, eerder_bij });
                }
                ises.push(IseIndeling { ise, sds });
            }
            out.push((bv, ises));
        }
        out
    }
}

/// One element of a structure, flattened: for comparing two structures.
#[derive(Debug, Clone)]
pub struct Element<'a> {
    pub soort: ElementSoort,
    pub id: &'a Id,
    pub parent: Option<&'a Id>,
    /// For an OD: its primary ISE.
    pub ise: Option<&'a Id>,
    pub attrs: Vec<(&'static str, &'a str)>,
    pub loc: Option<&'a Location>,
}

impl Structuur {
    /// Every element in document order, with its parent (an OD's SD) and,
    /// for an OD, its ISE; `attrs` are what a rename changes.
    pub fn elements(&self) -> Vec<Element<'_>> {
        let s = self;
        let mut out = Vec::new();
        for b in &s.beleidsvelden {
            out.push(Element {
                soort: ElementSoort::Beleidsveld,
                id: &b.id,
                parent: None,
                ise: None,
                attrs: vec![("naam", &b.naam)],
                loc: b.loc.as_ref(),
            });
            for i in &b.ises {
                out.push(Element {
                    soort: ElementSoort::Ise,
                    id: &i.id,
                    parent: Some(&b.id),
                    ise: None,
                    attrs: vec![("code", i.code.as_str()), ("naam", &i.naam)],
                    loc: i.loc.as_ref(),
                });
            }
            for s in &b.sds {
                out.push(Element {
                    soort: ElementSoort::Sd,
                    id: &s.id,
                    parent: Some(&b.id),
                    ise: None,
                    attrs: vec![("nummer", &s.nummer), ("titel", &s.titel)],
                    loc: s.loc.as_ref(),
                });
                for o in &s.ods {
                    out.push(Element {
                        soort: ElementSoort::Od,
                        id: &o.id,
                        parent: Some(&s.id),
                        ise: Some(&o.ise),
                        attrs: vec![("nummer", &o.nummer), ("titel", &o.titel)],
                        loc: o.loc.as_ref(),
                    });
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod project_id_tests {
    use super::ProjectId;

    #[test]
    fn a_project_id_is_a_slug() {
        for ok in ["samenleven", "gelijke-kansen-2024", "a", &"x".repeat(64)] {
            assert_eq!(ProjectId::parse(ok).map(|i| i.to_string()), Ok(ok.to_string()));
        }
        for bad in [
            "",
            "../escaped",
            "/tmp/x",
            "a/b",
            "a\\b",
            "Samenleven",
            "sam leven",
            "-x",
            "x-",
            "é",
            ".",
            "..",
            &"x".repeat(65),
        ] {
            assert!(ProjectId::parse(bad).is_err(), "{bad:?}");
        }
    }
}
