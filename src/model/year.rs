//! A document's own restatement of the structure, its change record, and
//! how the restatement resolves against its baseline (the beleidsnota, or
//! the previous document) into a full [`Structuur`].

use std::collections::BTreeMap;
use std::fmt;

use super::budget::ArtikelCode;
use super::structure::{Beleidsveld, ElementSoort, Id, Ise, IseCode, Od, Sd, Structuur, Tag};
use crate::diag::Location;

/// Attributes a restated element may give, with where each was written.
#[derive(Debug, Clone, Default)]
pub struct Attrs {
    pub values: BTreeMap<&'static str, String>,
    pub locs: BTreeMap<&'static str, Location>,
}

impl Attrs {
    pub fn get(&self, key: &str) -> Option<&String> {
        self.values.get(key)
    }

    pub fn loc(&self, key: &str) -> Option<&Location> {
        self.locs.get(key)
    }
}

/// A beleidsveld as the year restates it.
#[derive(Debug, Clone)]
pub struct JaarBeleidsveld {
    pub id: Id,
    pub loc: Option<Location>,
    /// `naam`
    pub attrs: Attrs,
    pub ises: Vec<JaarIse>,
    pub sds: Vec<JaarSd>,
}

#[derive(Debug, Clone)]
pub struct JaarIse {
    pub id: Id,
    pub loc: Option<Location>,
    /// `code`, `naam`, `zonder_kredieten`
    pub attrs: Attrs,
}

#[derive(Debug, Clone)]
pub struct JaarSd {
    pub id: Id,
    pub loc: Option<Location>,
    /// `nummer`, `titel`
    pub attrs: Attrs,
    pub ods: Vec<JaarOd>,
}

#[derive(Debug, Clone)]
pub struct JaarOd {
    pub id: Id,
    pub loc: Option<Location>,
    /// `nummer`, `titel`, `ise`
    pub attrs: Attrs,
    /// `themas`, when restated.
    pub themas: Option<Vec<Tag>>,
    /// `acties`, when restated.
    pub acties: Option<Vec<Tag>>,
}

/// The closed list of declared changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WijzigingSoort {
    Nieuw,
    Hernoemd,
    Verplaatst,
    Geschrapt,
    Gesplitst,
    Samengevoegd,
    Hergecodeerd,
}

impl WijzigingSoort {
    pub const ALL: [WijzigingSoort; 7] = [
        WijzigingSoort::Nieuw,
        WijzigingSoort::Hernoemd,
        WijzigingSoort::Verplaatst,
        WijzigingSoort::Geschrapt,
        WijzigingSoort::Gesplitst,
        WijzigingSoort::Samengevoegd,
        WijzigingSoort::Hergecodeerd,
    ];

    pub fn name(self) -> &'static str {
        match self {
            WijzigingSoort::Nieuw => "nieuw",
            WijzigingSoort::Hernoemd => "hernoemd",
            WijzigingSoort::Verplaatst => "verplaatst",
            WijzigingSoort::Geschrapt => "geschrapt",
            WijzigingSoort::Gesplitst => "gesplitst",
            WijzigingSoort::Samengevoegd => "samengevoegd",
            WijzigingSoort::Hergecodeerd => "hergecodeerd",
        }
    }

    pub fn parse(s: &str) -> Option<WijzigingSoort> {
        WijzigingSoort::ALL.into_iter().find(|k| k.name() == s)
    }

    /// Kinds that name one element (`element:`); the others name `van` and `naar`.
    pub fn single(self) -> bool {
        matches!(
            self,
            WijzigingSoort::Nieuw | WijzigingSoort::Hernoemd | WijzigingSoort::Verplaatst | WijzigingSoort::Geschrapt
        )
    }
}

/// What a change-record entry names: a structure element by its id, or a
/// budget article by its code (anything that reads as an article code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verwijzing {
    Element(Id),
    Artikel(ArtikelCode),
}

impl Verwijzing {
    pub fn parse(s: &str) -> Verwijzing {
        match ArtikelCode::parse(s.trim()) {
            Ok(code) => Verwijzing::Artikel(code),
            Err(_) => Verwijzing::Element(Id(s.to_string())),
        }
    }

    pub fn element(&self) -> Option<&Id> {
        match self {
            Verwijzing::Element(id) => Some(id),
            Verwijzing::Artikel(_) => None,
        }
    }

    pub fn artikel(&self) -> Option<ArtikelCode> {
        match self {
            Verwijzing::Artikel(code) => Some(*code),
            Verwijzing::Element(_) => None,
        }
    }
}

impl fmt::Display for Verwijzing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verwijzing::Element(id) => id.fmt(f),
            Verwijzing::Artikel(code) => code.fmt(f),
        }
    }
}

/// One entry of a document's change record.
#[derive(Debug, Clone)]
pub struct Wijziging {
    pub soort: WijzigingSoort,
    /// For single-element kinds: the element or article.
    pub element: Option<Verwijzing>,
    /// For split, merge and recode: as in the baseline ...
    pub van: Vec<Verwijzing>,
    /// ... and as in this document.
    pub naar: Vec<Verwijzing>,
    pub reden: String,
    pub loc: Option<Location>,
}

impl Wijziging {
    /// Whether this entry declares a change of `soort` for the element `id`.
    pub fn declares(&self, soort: WijzigingSoort, id: &Id) -> bool {
        self.soort == soort && self.element.as_ref().and_then(Verwijzing::element) == Some(id)
    }

    /// Whether this entry declares a change of `soort` for the article `code`.
    pub fn declares_artikel(&self, soort: WijzigingSoort, code: ArtikelCode) -> bool {
        self.soort == soort && self.element.as_ref().and_then(Verwijzing::artikel) == Some(code)
    }

    /// The old and new code of a declared recoding of one article.
    pub fn hercodering(&self) -> Option<(ArtikelCode, ArtikelCode)> {
        match (self.soort, self.van.as_slice(), self.naar.as_slice()) {
            (WijzigingSoort::Hergecodeerd, [van], [naar]) => Some((van.artikel()?, naar.artikel()?)),
            _ => None,
        }
    }
}

/// A restated element the baseline does not know and whose attributes are incomplete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unresolved {
    pub soort: ElementSoort,
    pub id: Id,
    pub missing: Vec<&'static str>,
    pub loc: Option<Location>,
}

/// Resolves the year's restatement against `baseline`: known elements keep
/// the baseline's attributes unless restated; new ones must give them all.
/// The result is in the year's order, with the year's locations.
pub fn resolve(baseline: &Structuur, restated: &[JaarBeleidsveld]) -> (Structuur, Vec<Unresolved>) {
    let mut problems = Vec::new();
    let mut take =
        |soort: ElementSoort, id: &Id, loc: &Option<Location>, attrs: &Attrs, key: &'static str, base: Option<&str>| {
            match attrs.get(key).map(String::as_str).or(base) {
                Some(v) => v.to_string(),
                None => {
                    match problems.iter_mut().find(|p: &&mut Unresolved| &p.id == id) {
                        Some(p) => p.missing.push(key),
                        None => {
                            problems.push(Unresolved { soort, id: id.clone(), missing: vec![key], loc: loc.clone() })
                        }
                    }
                    String::new()
                }
            }
        };
    let mut beleidsvelden = Vec::new();
    for jb in restated {
        let base_bv = baseline.beleidsveld(&jb.id);
        let naam =
            take(ElementSoort::Beleidsveld, &jb.id, &jb.loc, &jb.attrs, "naam", base_bv.map(|b| b.naam.as_str()));
        let ises = jb
            .ises
            .iter()
            .map(|ji| {
                let base = baseline.ise(&ji.id);
                Ise {
                    id: ji.id.clone(),
                    code: IseCode::new(&take(
                        ElementSoort::Ise,
                        &ji.id,
                        &ji.loc,
                        &ji.attrs,
                        "code",
                        base.map(|i| i.code.as_str()),
                    )),
                    naam: take(ElementSoort::Ise, &ji.id, &ji.loc, &ji.attrs, "naam", base.map(|i| i.naam.as_str())),
                    zonder_kredieten: ji.attrs.get("zonder_kredieten").cloned(),
                    loc: ji.loc.clone(),
                }
            })
            .collect();
        let sds = jb
            .sds
            .iter()
            .map(|js| {
                let base = baseline.sd(&js.id);
                let ods = js
                    .ods
                    .iter()
                    .map(|jo| {
                        let base = baseline.od(&jo.id);
                        Od {
                            id: jo.id.clone(),
                            nummer: take(
                                ElementSoort::Od,
                                &jo.id,
                                &jo.loc,
                                &jo.attrs,
                                "nummer",
                                base.map(|o| o.nummer.as_str()),
                            ),
                            titel: take(
                                ElementSoort::Od,
                                &jo.id,
                                &jo.loc,
                                &jo.attrs,
                                "titel",
                                base.map(|o| o.titel.as_str()),
                            ),
                            ise: Id(take(
                                ElementSoort::Od,
                                &jo.id,
                                &jo.loc,
                                &jo.attrs,
                                "ise",
                                base.map(|o| o.ise.0.as_str()),
                            )),
                            ise_loc: jo.attrs.loc("ise").or(base.and_then(|o| o.ise_loc.as_ref())).cloned(),
                            themas: jo.themas.clone().or_else(|| base.map(|o| o.themas.clone())).unwrap_or_default(),
                            acties: jo.acties.clone().or_else(|| base.map(|o| o.acties.clone())).unwrap_or_default(),
                            loc: jo.loc.clone(),
                        }
                    })
                    .collect();
                Sd {
                    id: js.id.clone(),
                    nummer: take(
                        ElementSoort::Sd,
                        &js.id,
                        &js.loc,
                        &js.attrs,
                        "nummer",
                        base.map(|s| s.nummer.as_str()),
                    ),
                    titel: take(ElementSoort::Sd, &js.id, &js.loc, &js.attrs, "titel", base.map(|s| s.titel.as_str())),
                    ods,
                    loc: js.loc.clone(),
                }
            })
            .collect();
        beleidsvelden.push(Beleidsveld { id: jb.id.clone(), naam, ises, sds, loc: jb.loc.clone() });
    }
    (Structuur { beleidsvelden }, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(pairs: &[(&'static str, &str)]) -> Attrs {
        Attrs { values: pairs.iter().map(|(k, v)| (*k, v.to_string())).collect(), locs: BTreeMap::new() }
    }

    fn baseline() -> Structuur {
        Structuur {
            beleidsvelden: vec![Beleidsveld {
                id: "bv".into(),
                naam: "Veld".into(),
                ises: vec![Ise {
                    id: "i".into(),
                    code: IseCode::new("SF-A"),
                    naam: "Eén".into(),
                    zonder_kredieten: None,
                    loc: None,
                }],
                sds: vec![Sd {
                    id: "sd".into(),
                    nummer: "1".into(),
                    titel: "Doel".into(),
                    ods: vec![Od {
                        id: "od".into(),
                        nummer: "1.1".into(),
                        titel: "Oud".into(),
                        ise: "i".into(),
                        ise_loc: None,
                        themas: vec!["gender".into()],
                        acties: Vec::new(),
                        loc: None,
                    }],
                    loc: None,
                }],
                loc: None,
            }],
        }
    }

    #[test]
    fn keeps_baseline_attributes_and_applies_restated_ones() {
        let restated = vec![JaarBeleidsveld {
            id: "bv".into(),
            loc: None,
            attrs: Attrs::default(),
            ises: vec![JaarIse { id: "i".into(), loc: None, attrs: Attrs::default() }],
            sds: vec![JaarSd {
                id: "sd".into(),
                loc: None,
                attrs: Attrs::default(),
                ods: vec![
                    JaarOd {
                        id: "od".into(),
                        loc: None,
                        attrs: attrs(&[("titel", "Nieuw")]),
                        themas: None,
                        acties: None,
                    },
                    JaarOd {
                        id: "od2".into(),
                        loc: None,
                        attrs: attrs(&[("nummer", "1.2"), ("titel", "Erbij"), ("ise", "i")]),
                        themas: None,
                        acties: None,
                    },
                    JaarOd {
                        id: "od3".into(),
                        loc: None,
                        attrs: attrs(&[("titel", "Half")]),
                        themas: None,
                        acties: None,
                    },
                ],
            }],
        }];
        let (s, problems) = resolve(&baseline(), &restated);
        let od = s.od(&"od".into()).unwrap();
        assert_eq!((od.nummer.as_str(), od.titel.as_str(), od.themas.clone()), ("1.1", "Nieuw", vec!["gender".into()]));
        assert_eq!(s.od(&"od2".into()).unwrap().titel, "Erbij");
        assert_eq!(s.ise(&"i".into()).unwrap().code, IseCode::new("SF-A"));
        assert_eq!(
            problems,
            vec![Unresolved { soort: ElementSoort::Od, id: "od3".into(), missing: vec!["nummer", "ise"], loc: None }]
        );
    }
}
