//! `beleidsnota.yaml`: the term's structure. Raw serde structs (no unknown
//! keys) converted into the model in one place, with positions.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use super::yaml::{self, YamlFile};
use crate::diag::Diagnostic;
use crate::model::{Beleidsnota, Beleidsveld, Entiteit, Id, Ise, Od, ProjectId, Sd, Structuur};
use crate::rules;

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
}

/// Parses and converts `beleidsnota.yaml`. Structural errors (duplicate ids,
/// references to unknown ISEs) are returned beside the model.
pub fn parse(path: &Path, text: &str) -> Result<(Beleidsnota, YamlFile, Vec<Diagnostic>), Diagnostic> {
    let (raw, file): (RawBeleidsnota, YamlFile) = yaml::parse(path, text)?;
    // Output file names are built from the project id: an id that is not a
    // slug stops the load, so nothing is ever written under it.
    let project_id = ProjectId::parse(&raw.id).map_err(|why| {
        rules::BAD_VALUE
            .report(format!("the project id '{}' {why}", raw.id))
            .at(file.loc("id"))
            .hint("the project id names the output files: lowercase letters, digits and hyphens, like gelijke-kansen")
    })?;
    let mut diags = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut claim = |id: &str, at: &str, diags: &mut Vec<Diagnostic>| {
        if let Some(first) = seen.get(id) {
            diags.push(
                rules::DUPLICATE_ID
                    .report(format!("the id '{id}' is used twice"))
                    .at(file.loc(at))
                    .related(file.loc(first), "first used here")
                    .hint("every beleidsveld, ISE, SD and OD needs an id of its own"),
            );
        } else {
            seen.insert(id.to_string(), at.to_string());
        }
        if id.trim().is_empty() || id.chars().any(char::is_whitespace) {
            diags.push(
                rules::BAD_VALUE
                    .report(format!("'{id}' is not a usable id"))
                    .at(file.loc(at))
                    .hint("ids are short words joined by hyphens, like od-inburgering-traject"),
            );
        }
    };

    let entiteiten = raw
        .entiteiten
        .into_iter()
        .enumerate()
        .map(|(i, e)| Entiteit { code: e.code, naam: e.naam, loc: Some(file.loc(&format!("entiteiten[{i}].code"))) })
        .collect();

    let mut beleidsvelden = Vec::new();
    for (b, rb) in raw.beleidsvelden.into_iter().enumerate() {
        let bp = format!("beleidsvelden[{b}]");
        claim(&rb.id, &format!("{bp}.id"), &mut diags);
        let ises: Vec<Ise> = rb
            .ises
            .into_iter()
            .enumerate()
            .map(|(i, ri)| {
                let ip = format!("{bp}.ises[{i}]");
                claim(&ri.id, &format!("{ip}.id"), &mut diags);
                Ise {
                    id: Id(ri.id),
                    code: ri.code,
                    naam: ri.naam,
                    zonder_kredieten: None,
                    loc: Some(file.loc(&format!("{ip}.id"))),
                }
            })
            .collect();
        let mut sds = Vec::new();
        for (s, rs) in rb.sds.into_iter().enumerate() {
            let sp = format!("{bp}.sds[{s}]");
            claim(&rs.id, &format!("{sp}.id"), &mut diags);
            let ods = rs
                .ods
                .into_iter()
                .enumerate()
                .map(|(o, ro)| {
                    let op = format!("{sp}.ods[{o}]");
                    claim(&ro.id, &format!("{op}.id"), &mut diags);
                    Od {
                        id: Id(ro.id),
                        nummer: ro.nummer,
                        titel: ro.titel,
                        ise: Id(ro.ise),
                        themas: ro.themas,
                        loc: Some(file.loc(&format!("{op}.id"))),
                    }
                })
                .collect();
            sds.push(Sd {
                id: Id(rs.id),
                nummer: rs.nummer,
                titel: rs.titel,
                ods,
                loc: Some(file.loc(&format!("{sp}.id"))),
            });
        }
        beleidsvelden.push(Beleidsveld {
            id: Id(rb.id),
            naam: rb.naam,
            ises,
            sds,
            loc: Some(file.loc(&format!("{bp}.id"))),
        });
    }
    let nota = Beleidsnota {
        id: project_id,
        titel: raw.titel,
        bevoegdheid: raw.bevoegdheid,
        legislatuur: raw.legislatuur,
        entiteiten,
        structuur: Structuur { beleidsvelden },
    };

    // Every OD's primary ISE must be an ISE of the beleidsnota.
    for (b, bv) in nota.structuur.beleidsvelden.iter().enumerate() {
        for (s, sd) in bv.sds.iter().enumerate() {
            for (o, od) in sd.ods.iter().enumerate() {
                if nota.structuur.ise(&od.ise).is_none() {
                    diags.push(
                        rules::UNKNOWN_REFERENCE
                            .report(format!("OD {} refers to the unknown ISE '{}'", od.nummer, od.ise))
                            .at(file.loc(&format!("beleidsvelden[{b}].sds[{s}].ods[{o}].ise")))
                            .hint(format!(
                                "known ISEs: {}",
                                nota.structuur.ises().map(|(_, i)| i.id.0.as_str()).collect::<Vec<_>>().join(", ")
                            )),
                    );
                }
            }
        }
    }
    Ok((nota, file, diags))
}
