//! `<jaar>/<fase>/bbt.yaml`: a document's metadata and the year's structure,
//! restated by id.

use std::path::Path;

use serde::Deserialize;

use super::beleidsnota::BAD_VALUE;
use super::yaml::{self, YamlFile};
use crate::diag::Diagnostic;
use crate::model::{Date, Fase, Id, JaarBeleidsveld, JaarSd, Meta, Status, Unit};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    begrotingsjaar: i32,
    fase: String,
    stuk: RawStuk,
    #[serde(default)]
    ingediend_op: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    ontwerpdatum: Option<String>,
    minister: RawMinister,
    eenheid: String,
    structuur: Vec<RawJaarBeleidsveld>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStuk {
    #[serde(default = "default_stuk_nummer")]
    nummer: u32,
    letter: String,
    zittingsjaar: String,
}

fn default_stuk_nummer() -> u32 {
    13
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMinister {
    naam: String,
    titel: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawJaarBeleidsveld {
    beleidsveld: String,
    #[serde(default)]
    ises: Vec<String>,
    #[serde(default)]
    sds: Vec<RawJaarSd>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawJaarSd {
    sd: String,
    #[serde(default)]
    ods: Vec<String>,
}

/// What `bbt.yaml` holds, converted.
pub struct DocumentFile {
    pub jaar: i32,
    pub fase: Fase,
    pub meta: Meta,
    pub structuur: Vec<JaarBeleidsveld>,
    pub yaml: YamlFile,
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<Date> {
    let mut it = s.trim().splitn(3, '-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    Date::new(y, m, d)
}

pub fn parse(path: &Path, text: &str) -> Result<(DocumentFile, Vec<Diagnostic>), Diagnostic> {
    let (raw, file): (RawDocument, YamlFile) = yaml::parse(path, text)?;
    let mut diags = Vec::new();
    let bad = |at: &str, msg: String, hint: &str| Diagnostic::error(BAD_VALUE, msg).at(file.loc(at)).hint(hint);

    let fase = Fase::parse_folder(&raw.fase).unwrap_or_else(|| {
        diags.push(bad("fase", format!("unknown phase '{}'", raw.fase), "use bo, ba1, ba2 or bu"));
        Fase::Bo
    });
    let eenheid = match raw.eenheid.trim() {
        "euro" => Unit::Euro,
        "duizend euro" => Unit::DuizendEuro,
        other => {
            diags.push(bad("eenheid", format!("unknown unit '{other}'"), "use 'euro' or 'duizend euro'"));
            Unit::DuizendEuro
        }
    };
    let date = |at: &str, s: &str, diags: &mut Vec<Diagnostic>| {
        parse_date(s).unwrap_or_else(|| {
            diags.push(bad(at, format!("'{s}' is not a date"), "write dates as YYYY-MM-DD, e.g. 2024-10-24"));
            Date { year: 1970, month: 1, day: 1 }
        })
    };
    let status = match (raw.status.as_deref(), &raw.ingediend_op, &raw.ontwerpdatum) {
        (None | Some("ingediend"), Some(d), None) => Status::Ingediend(date("ingediend_op", d, &mut diags)),
        (Some("ontwerp"), None, Some(d)) => Status::Ontwerp(date("ontwerpdatum", d, &mut diags)),
        (Some(s), _, _) if s != "ingediend" && s != "ontwerp" => {
            diags.push(bad(
                "status",
                format!("unknown status '{s}'"),
                "use 'ontwerp' for a draft; leave it out once filed",
            ));
            Status::Ontwerp(Date { year: 1970, month: 1, day: 1 })
        }
        (Some("ontwerp"), _, _) => {
            diags.push(bad(
                "status",
                "a draft needs an 'ontwerpdatum' and no 'ingediend_op'".into(),
                "write the draft's date as ontwerpdatum: YYYY-MM-DD",
            ));
            Status::Ontwerp(Date { year: 1970, month: 1, day: 1 })
        }
        _ => {
            diags.push(bad(
                "",
                "a filed document needs 'ingediend_op' (and no 'ontwerpdatum')".into(),
                "write ingediend_op: YYYY-MM-DD, or status: ontwerp with ontwerpdatum: YYYY-MM-DD for a draft",
            ));
            Status::Ontwerp(Date { year: 1970, month: 1, day: 1 })
        }
    };
    if !(1990..=2200).contains(&raw.begrotingsjaar) {
        diags.push(bad(
            "begrotingsjaar",
            format!("{} is not a plausible budget year", raw.begrotingsjaar),
            "e.g. 2025",
        ));
    }
    let meta = Meta {
        stuk_nummer: raw.stuk.nummer,
        stuk_letter: raw.stuk.letter,
        zittingsjaar: raw.stuk.zittingsjaar,
        status,
        minister: raw.minister.naam,
        minister_titel: raw.minister.titel,
        eenheid,
    };
    let structuur = raw
        .structuur
        .into_iter()
        .enumerate()
        .map(|(b, rb)| {
            let bp = format!("structuur[{b}]");
            JaarBeleidsveld {
                id: Id(rb.beleidsveld),
                loc: Some(file.loc(&format!("{bp}.beleidsveld"))),
                ises: rb
                    .ises
                    .into_iter()
                    .enumerate()
                    .map(|(i, id)| (Id(id), Some(file.loc(&format!("{bp}.ises[{i}]")))))
                    .collect(),
                sds: rb
                    .sds
                    .into_iter()
                    .enumerate()
                    .map(|(s, rs)| {
                        let sp = format!("{bp}.sds[{s}]");
                        JaarSd {
                            id: Id(rs.sd),
                            loc: Some(file.loc(&format!("{sp}.sd"))),
                            ods: rs
                                .ods
                                .into_iter()
                                .enumerate()
                                .map(|(o, id)| (Id(id), Some(file.loc(&format!("{sp}.ods[{o}]")))))
                                .collect(),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    Ok((DocumentFile { jaar: raw.begrotingsjaar, fase, meta, structuur, yaml: file }, diags))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates() {
        let cases: &[(&str, Option<(i32, u8, u8)>)] = &[
            ("2024-10-24", Some((2024, 10, 24))),
            ("2024-02-29", Some((2024, 2, 29))),
            ("2025-02-29", None),
            ("2024-13-01", None),
            ("24-10-2024", None),
            ("2024-10", None),
            ("gisteren", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_date(s), want.and_then(|(y, m, d)| Date::new(y, m, d)), "{s}");
        }
    }
}
