//! `beleidsnota.yaml`: the term's structure. Raw serde structs (no unknown
//! keys) converted into the model in one place, with positions.

use std::path::Path;

use serde::Deserialize;

use super::yaml::{self, YamlFile};
use crate::diag::Diagnostic;
use crate::model::{
    Beleidsnota, Beleidsveld, Entiteit, EntiteitCode, EntiteitSoort, Id, Ise, IseCode, Od, ProjectId, Sd, Structuur,
    Tag,
};
use crate::{rules, tr};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBeleidsnota {
    id: String,
    titel: String,
    bevoegdheid: String,
    legislatuur: String,
    #[serde(default)]
    entiteiten: Vec<RawEntiteit>,
    beleidsvelden: Vec<RawBeleidsveld>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntiteit {
    code: String,
    naam: String,
    #[serde(default)]
    soort: Option<EntiteitSoort>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBeleidsveld {
    id: String,
    naam: String,
    #[serde(default)]
    ises: Vec<RawIse>,
    #[serde(default)]
    sds: Vec<RawSd>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIse {
    id: String,
    code: String,
    naam: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSd {
    id: String,
    nummer: String,
    titel: String,
    #[serde(default)]
    ods: Vec<RawOd>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOd {
    id: String,
    nummer: String,
    titel: String,
    ise: String,
    #[serde(default)]
    themas: Vec<String>,
    #[serde(default)]
    acties: Vec<String>,
}

/// Parses and converts `beleidsnota.yaml`. What stops the load is returned
/// as the error; the rules about its content (ids used twice, references to
/// unknown ISEs) are `check::structure::check_nota`'s.
pub fn parse(path: &Path, text: &str) -> Result<(Beleidsnota, YamlFile), Diagnostic> {
    let (raw, file): (RawBeleidsnota, YamlFile) = yaml::parse(path, text)?;
    // Output file names are built from the project id: an id that is not a
    // slug stops the load, so nothing is ever written under it.
    let project_id = ProjectId::parse(&raw.id).map_err(|why| {
        rules::BAD_VALUE
            .report(tr!("l002-project-id", id = &raw.id, waarom = why))
            .at(file.loc("id"))
            .hint(tr!("l002-project-id.hint"))
    })?;
    let at = |p: &str| Some(file.loc(p));
    let entiteiten = raw
        .entiteiten
        .into_iter()
        .enumerate()
        .map(|(i, e)| Entiteit {
            code: EntiteitCode::new(&e.code),
            naam: e.naam,
            soort: e.soort,
            loc: at(&format!("entiteiten[{i}].code")),
            soort_loc: e.soort.and_then(|_| at(&format!("entiteiten[{i}].soort"))),
        })
        .collect();
    let beleidsvelden = raw
        .beleidsvelden
        .into_iter()
        .enumerate()
        .map(|(b, rb)| {
            let bp = format!("beleidsvelden[{b}]");
            let ises = (rb.ises.into_iter().enumerate())
                .map(|(i, ri)| Ise {
                    id: Id(ri.id),
                    code: IseCode::new(&ri.code),
                    naam: ri.naam,
                    zonder_kredieten: None,
                    loc: at(&format!("{bp}.ises[{i}].id")),
                })
                .collect();
            let sds = (rb.sds.into_iter().enumerate())
                .map(|(s, rs)| {
                    let sp = format!("{bp}.sds[{s}]");
                    let ods = (rs.ods.into_iter().enumerate())
                        .map(|(o, ro)| {
                            let op = format!("{sp}.ods[{o}]");
                            let tags = |veld: &str, namen: Vec<String>| -> Vec<Tag> {
                                (namen.into_iter().enumerate())
                                    .map(|(t, naam)| Tag { naam, loc: at(&format!("{op}.{veld}[{t}]")) })
                                    .collect()
                            };
                            Od {
                                id: Id(ro.id),
                                nummer: ro.nummer,
                                titel: ro.titel,
                                ise: Id(ro.ise),
                                ise_loc: at(&format!("{op}.ise")),
                                themas: tags("themas", ro.themas),
                                acties: tags("acties", ro.acties),
                                loc: at(&format!("{op}.id")),
                            }
                        })
                        .collect();
                    Sd { id: Id(rs.id), nummer: rs.nummer, titel: rs.titel, ods, loc: at(&format!("{sp}.id")) }
                })
                .collect();
            Beleidsveld { id: Id(rb.id), naam: rb.naam, ises, sds, loc: at(&format!("{bp}.id")) }
        })
        .collect();
    let nota = Beleidsnota {
        id: project_id,
        titel: raw.titel,
        bevoegdheid: raw.bevoegdheid,
        legislatuur: raw.legislatuur,
        entiteiten,
        structuur: Structuur { beleidsvelden },
        afkortingen: Vec::new(),
    };
    Ok((nota, file))
}

/// Reads `afkortingen.yaml`: one line per abbreviation, `VDAB: Vlaamse Dienst
/// voor Arbeidsbemiddeling en Beroepsopleiding`.
pub fn parse_afkortingen(path: &Path, text: &str) -> Result<Vec<(String, String)>, Diagnostic> {
    let (raw, file): (std::collections::BTreeMap<String, String>, yaml::YamlFile) = yaml::parse(path, text)?;
    let mut out = Vec::new();
    for (afkorting, betekenis) in raw {
        if afkorting.trim().is_empty() || betekenis.trim().is_empty() {
            return Err(rules::BAD_VALUE
                .report(tr!("l002-abbreviation", afkorting = afkorting.trim()))
                .at(file.loc(&afkorting))
                .hint(tr!("l002-abbreviation.hint")));
        }
        out.push((afkorting.trim().to_string(), betekenis.trim().to_string()));
    }
    Ok(out)
}
