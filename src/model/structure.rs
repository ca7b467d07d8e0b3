//! The term's structure fixed by the beleidsnota: beleidsvelden, ISEs,
//! strategische (SD) and operationele doelstellingen (OD), and the entities
//! that hold the credits. Every element has a stable id.

use std::fmt;

use serde::Serialize;

use crate::diag::Location;

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

#[derive(Debug, Clone)]
pub struct Beleidsnota {
    /// Short machine name of the project, used in output file names.
    pub id: String,
    pub titel: String,
    /// The competence, as in "Beleids- en begrotingstoelichting <bevoegdheid>".
    pub bevoegdheid: String,
    /// The term, e.g. `2024-2029`.
    pub legislatuur: String,
    pub entiteiten: Vec<Entiteit>,
    pub beleidsvelden: Vec<Beleidsveld>,
}

impl Beleidsnota {
    /// A beleidsnota with no structure, for unit tests of single rules.
    #[cfg(test)]
    pub fn empty_for_tests() -> Beleidsnota {
        Beleidsnota {
            id: "test".into(),
            titel: String::new(),
            bevoegdheid: String::new(),
            legislatuur: String::new(),
            entiteiten: Vec::new(),
            beleidsvelden: Vec::new(),
        }
    }

    pub fn beleidsveld(&self, id: &Id) -> Option<&Beleidsveld> {
        self.beleidsvelden.iter().find(|b| &b.id == id)
    }

    pub fn ises(&self) -> impl Iterator<Item = (&Beleidsveld, &Ise)> {
        self.beleidsvelden.iter().flat_map(|b| b.ises.iter().map(move |i| (b, i)))
    }

    pub fn ise(&self, id: &Id) -> Option<&Ise> {
        self.ises().map(|(_, i)| i).find(|i| &i.id == id)
    }

    pub fn ise_by_code(&self, code: &str) -> Option<&Ise> {
        self.ises().map(|(_, i)| i).find(|i| i.code == code)
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

    pub fn entiteit(&self, code: &str) -> Option<&Entiteit> {
        self.entiteiten.iter().find(|e| e.code == code)
    }
}

/// An entity holding credits: a department, agency, DAB or legal person.
#[derive(Debug, Clone)]
pub struct Entiteit {
    /// The first three characters of its article codes, e.g. `SB0`.
    pub code: String,
    pub naam: String,
    pub loc: Option<Location>,
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
    /// Programma + ISE letter, e.g. `SF-A`.
    pub code: String,
    pub naam: String,
    pub loc: Option<Location>,
}

impl Ise {
    /// The programma part of the code (`SF` of `SF-A`).
    pub fn programma(&self) -> &str {
        self.code.split('-').next().unwrap_or(&self.code)
    }
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
    /// The primary ISE this OD is clustered under.
    pub ise: Id,
    /// Horizontal themes (gender, handicap, herkomst, ...).
    pub themas: Vec<String>,
    pub loc: Option<Location>,
}
