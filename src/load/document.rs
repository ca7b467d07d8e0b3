//! `<jaar>/<fase>/bbt.yaml`: a document's metadata and the year's structure,
//! restated by id.

use std::path::Path;

use serde::Deserialize;

use super::yaml::{self, Node, YamlFile};
use crate::diag::Diagnostic;
use crate::model::year::Attrs;
use crate::model::{
    Date, Fase, Id, JaarBeleidsveld, JaarIse, JaarOd, JaarSd, Meta, MetaLocs, Status, Tag, Unit, Verwijzing, Wijziging,
    WijzigingSoort,
};
use crate::{rules, tr};

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
    #[serde(default)]
    minister: Option<RawMinister>,
    /// Instead of `minister`, for a competence shared by several.
    #[serde(default)]
    ministers: Vec<RawMinister>,
    #[serde(default)]
    mededeling: Option<String>,
    #[serde(default)]
    nulrijen_weglaten: bool,
    eenheid: String,
    structuur: serde_yaml::Value,
    #[serde(default)]
    wijzigingen: Vec<RawWijziging>,
    #[serde(default)]
    hoofdstukken: Vec<RawHoofdstuk>,
    #[serde(default)]
    bijlagen: Vec<RawHoofdstuk>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHoofdstuk {
    id: String,
    titel: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWijziging {
    soort: String,
    #[serde(default)]
    element: Option<String>,
    #[serde(default)]
    van: Vec<String>,
    #[serde(default)]
    naar: Vec<String>,
    reden: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStuk {
    #[serde(default = "default_stuk_nummer")]
    nummer: u32,
    letter: String,
    zittingsjaar: String,
    #[serde(default)]
    verzendcode: Option<String>,
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

/// What `bbt.yaml` holds, converted.
pub struct DocumentFile {
    pub jaar: i32,
    pub fase: Fase,
    pub meta: Meta,
    pub structuur: Vec<JaarBeleidsveld>,
    /// The `structuur` could not be read (reported): nothing can be
    /// checked against a structure read in part.
    pub structuur_onleesbaar: bool,
    pub wijzigingen: Vec<Wijziging>,
    pub hoofdstukken: Vec<crate::model::Hoofdstuk>,
    pub bijlagen: Vec<crate::model::Hoofdstuk>,
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
    let bad = |at: &str, msg: String, hint: String| rules::BAD_VALUE.report(msg).at(file.loc(at)).hint(hint);

    let fase = Fase::parse_folder(&raw.fase).unwrap_or_else(|| {
        diags.push(bad("fase", tr!("l002-phase", fase = &raw.fase), tr!("l002-phase.hint")));
        Fase::Bo
    });
    let eenheid = match raw.eenheid.trim() {
        "euro" => Unit::Euro,
        "duizend euro" => Unit::DuizendEuro,
        other => {
            diags.push(bad("eenheid", tr!("l002-unit", eenheid = other), tr!("l002-unit.hint")));
            Unit::DuizendEuro
        }
    };
    let date = |at: &str, s: &str, diags: &mut Vec<Diagnostic>| {
        parse_date(s).unwrap_or_else(|| {
            diags.push(bad(at, tr!("l002-date", datum = s), tr!("l002-date.hint")));
            Date { year: 1970, month: 1, day: 1 }
        })
    };
    // The status, from `status` and the two dates; each way they disagree
    // is said at the line to change.
    let unknown = Status::Ontwerp(Date { year: 1970, month: 1, day: 1 });
    let status = match (raw.status.as_deref(), &raw.ingediend_op, &raw.ontwerpdatum) {
        (None | Some("ingediend"), Some(d), None) => Status::Ingediend(date("ingediend_op", d, &mut diags)),
        (Some("ontwerp"), None, Some(d)) => Status::Ontwerp(date("ontwerpdatum", d, &mut diags)),
        (None | Some("ingediend"), Some(_), Some(_)) => {
            diags.push(bad("ontwerpdatum", tr!("l002-both-dates"), tr!("l002-both-dates.hint")));
            unknown
        }
        (Some("ontwerp"), Some(_), _) => {
            diags.push(bad("ingediend_op", tr!("l002-draft-filed"), tr!("l002-draft-filed.hint")));
            unknown
        }
        (Some("ontwerp"), None, None) => {
            diags.push(bad("status", tr!("l002-draft-dates"), tr!("l002-draft-dates.hint")));
            unknown
        }
        (None, None, Some(_)) => {
            diags.push(bad("ontwerpdatum", tr!("l002-draft-status"), tr!("l002-draft-status.hint")));
            unknown
        }
        (Some("ingediend"), None, _) => {
            diags.push(bad("status", tr!("l002-filed-dates"), tr!("l002-filed-dates.hint")));
            unknown
        }
        (None, None, None) => {
            diags.push(bad("begrotingsjaar", tr!("l002-no-status"), tr!("l002-no-status.hint")));
            unknown
        }
        (Some(s), _, _) => {
            diags.push(bad("status", tr!("l002-status", status = s), tr!("l002-status.hint")));
            unknown
        }
    };
    let ministers: Vec<crate::model::Minister> = match (raw.minister, raw.ministers.is_empty()) {
        (Some(m), true) => vec![m],
        (None, false) => raw.ministers,
        (Some(_), false) => {
            diags.push(bad("ministers", tr!("l002-ministers-both"), tr!("l002-ministers-none.hint")));
            raw.ministers
        }
        (None, true) => {
            diags.push(bad("begrotingsjaar", tr!("l002-ministers-none"), tr!("l002-ministers-none.hint")));
            Vec::new()
        }
    }
    .into_iter()
    .map(|m| crate::model::Minister { naam: m.naam, titel: m.titel })
    .collect();
    let filled = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let meta = Meta {
        stuk_nummer: raw.stuk.nummer,
        stuk_letter: raw.stuk.letter,
        zittingsjaar: raw.stuk.zittingsjaar,
        status,
        ministers,
        verzendcode: filled(raw.stuk.verzendcode),
        mededeling: filled(raw.mededeling),
        nulrijen_weglaten: raw.nulrijen_weglaten,
        eenheid,
        locs: MetaLocs { begrotingsjaar: Some(file.loc("begrotingsjaar")), stuk_letter: Some(file.loc("stuk.letter")) },
    };
    // The general chapters and free appendices: an id (the name of its
    // text) without spaces, and a title.
    let mut delen = |key: &str, raw: Vec<RawHoofdstuk>| -> Vec<crate::model::Hoofdstuk> {
        raw.into_iter()
            .enumerate()
            .filter_map(|(i, r)| {
                let at = format!("{key}[{i}].id");
                let id = r.id.trim();
                if id.is_empty() || id.chars().any(char::is_whitespace) || id == crate::model::INLEIDING {
                    diags.push(bad(&at, tr!("l002-chapter-id", id = id), tr!("l002-chapter-id.hint")));
                    return None;
                }
                Some(crate::model::Hoofdstuk {
                    id: Id(id.to_string()),
                    titel: r.titel.trim().to_string(),
                    loc: Some(file.loc(&at)),
                })
            })
            .collect()
    };
    let hoofdstukken = delen("hoofdstukken", raw.hoofdstukken);
    let bijlagen = delen("bijlagen", raw.bijlagen);
    let mut structuur_onleesbaar = false;
    let structuur = match structuur(&Node::root(&raw.structuur, "structuur", &file)) {
        Ok(s) => s,
        Err(d) => {
            diags.push(d);
            structuur_onleesbaar = true;
            Vec::new()
        }
    };
    let mut wijzigingen = Vec::new();
    for (i, w) in raw.wijzigingen.into_iter().enumerate() {
        let at = format!("wijzigingen[{i}]");
        let Some(soort) = WijzigingSoort::parse(w.soort.trim()) else {
            diags.push(bad(
                &format!("{at}.soort"),
                tr!("l002-change-kind", soort = &w.soort),
                tr!("l002-change-kind.hint"),
            ));
            continue;
        };
        wijzigingen.push(Wijziging {
            soort,
            element: w.element.as_deref().map(Verwijzing::parse),
            van: w.van.iter().map(|v| Verwijzing::parse(v)).collect(),
            naar: w.naar.iter().map(|n| Verwijzing::parse(n)).collect(),
            reden: w.reden,
            loc: Some(file.loc(&format!("{at}.soort"))),
        });
    }
    Ok((
        DocumentFile {
            jaar: raw.begrotingsjaar,
            fase,
            meta,
            structuur,
            structuur_onleesbaar,
            wijzigingen,
            hoofdstukken,
            bijlagen,
            yaml: file,
        },
        diags,
    ))
}

/// Reads attributes `keys` of a mapping entry into [`Attrs`].
fn attrs(fields: &[(String, Node)], keys: &[&'static str]) -> Result<Attrs, Diagnostic> {
    let mut a = Attrs::default();
    for (k, node) in fields {
        if let Some(key) = keys.iter().find(|x| *x == k) {
            a.values.insert(key, node.str()?);
            a.locs.insert(key, node.loc());
        }
    }
    Ok(a)
}

/// An entry that is either an id or a mapping with `id_key` and attributes.
fn entry<'a>(
    node: &Node<'a>,
    id_key: &str,
    allowed: &[&str],
) -> Result<(Id, Attrs, Vec<(String, Node<'a>)>), Diagnostic> {
    if let serde_yaml::Value::String(s) = node.value {
        return Ok((Id(s.clone()), Attrs::default(), Vec::new()));
    }
    let fields = node.fields(allowed)?;
    let Some((_, id)) = fields.iter().find(|(k, _)| k == id_key) else {
        return Err(rules::YAML_SYNTAX.report(tr!("l001-entry-id", sleutel = id_key)).at(node.loc()));
    };
    let id = Id(id.str()?);
    let keys: Vec<&'static str> = ["naam", "code", "zonder_kredieten", "nummer", "titel", "ise"]
        .into_iter()
        .filter(|k| allowed.contains(k))
        .collect();
    let a = attrs(&fields, &keys)?;
    Ok((id, a, fields))
}

/// The year's `structuur`: beleidsvelden with ISEs and SDs, SDs with ODs.
/// ISEs and ODs may be a bare id or a mapping that restates attributes.
fn structuur(root: &Node) -> Result<Vec<JaarBeleidsveld>, Diagnostic> {
    let mut out = Vec::new();
    for bv in root.seq()? {
        let (id, a, fields) = entry(&bv, "beleidsveld", &["beleidsveld", "naam", "ises", "sds"])?;
        let id_loc = fields.iter().find(|(k, _)| k == "beleidsveld").map(|(_, n)| n.loc());
        let mut jb =
            JaarBeleidsveld { id, loc: id_loc.or(Some(bv.loc())), attrs: a, ises: Vec::new(), sds: Vec::new() };
        for (k, node) in &fields {
            match k.as_str() {
                "ises" => {
                    for ise in node.seq()? {
                        let (id, a, _) = entry(&ise, "ise", &["ise", "code", "naam", "zonder_kredieten"])?;
                        jb.ises.push(JaarIse { id, loc: Some(ise.loc()), attrs: a });
                    }
                }
                "sds" => {
                    for sd in node.seq()? {
                        let (id, a, sd_fields) = entry(&sd, "sd", &["sd", "nummer", "titel", "ods"])?;
                        let mut js = JaarSd { id, loc: Some(sd.loc()), attrs: a, ods: Vec::new() };
                        if let Some((_, ods)) = sd_fields.iter().find(|(k, _)| k == "ods") {
                            for od in ods.seq()? {
                                let (id, a, od_fields) =
                                    entry(&od, "od", &["od", "nummer", "titel", "ise", "themas", "acties"])?;
                                let tags = |veld: &str| -> Result<Option<Vec<Tag>>, Diagnostic> {
                                    match od_fields.iter().find(|(k, _)| k == veld) {
                                        Some((_, t)) => Ok(Some(
                                            (t.seq()?.iter())
                                                .map(|n| Ok(Tag { naam: n.str()?, loc: Some(n.loc()) }))
                                                .collect::<Result<_, Diagnostic>>()?,
                                        )),
                                        None => Ok(None),
                                    }
                                };
                                let (themas, acties) = (tags("themas")?, tags("acties")?);
                                js.ods.push(JaarOd { id, loc: Some(od.loc()), attrs: a, themas, acties });
                            }
                        }
                        jb.sds.push(js);
                    }
                }
                _ => {}
            }
        }
        out.push(jb);
    }
    Ok(out)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPrestaties {
    indicatoren: Vec<RawIndicator>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIndicator {
    #[serde(default)]
    od: Option<String>,
    #[serde(default)]
    ise: Option<String>,
    indicator: String,
    #[serde(default)]
    waarde: Option<serde_yaml::Value>,
    #[serde(default)]
    jaar: Option<i32>,
    #[serde(default)]
    reeks: std::collections::BTreeMap<i32, serde_yaml::Value>,
    #[serde(default)]
    streefwaarde: Option<serde_yaml::Value>,
    #[serde(default)]
    streefjaar: Option<i32>,
    #[serde(default)]
    eenheid: String,
    bron: String,
}

/// Parses `prestaties.yaml`: indicators per OD or ISE, each with one value
/// and its year or a series of years, and optionally a target and its year.
/// An indicator that cannot be placed or has no value is reported and left
/// out; the others are kept.
pub fn parse_prestaties(
    path: &Path,
    text: &str,
) -> Result<(Vec<crate::model::Indicator>, Vec<Diagnostic>), Diagnostic> {
    use crate::model::{Indicator, IndicatorBij};
    let (raw, file): (RawPrestaties, YamlFile) = yaml::parse(path, text)?;
    let mut diags = Vec::new();
    let mut out = Vec::new();
    for (i, r) in raw.indicatoren.into_iter().enumerate() {
        let at = |key: &str| file.loc(&format!("indicatoren[{i}].{key}"));
        let bad = |key: &str, msg: String, hint: String| rules::BAD_VALUE.report(msg).at(at(key)).hint(hint);
        let naam = r.indicator.clone();
        let bij = match (r.od, r.ise) {
            (Some(od), None) => IndicatorBij::Od(Id(od)),
            (None, Some(ise)) => IndicatorBij::Ise(ise),
            (od, _) => {
                let both = od.is_some();
                let key = if both { "ise" } else { "indicator" };
                let msg = if both {
                    tr!("l002-indicator-both", indicator = &naam)
                } else {
                    tr!("l002-indicator-none", indicator = &naam)
                };
                diags.push(bad(key, msg, tr!("l002-indicator-none.hint")));
                continue;
            }
        };
        // A value as written; a bare number is taken as its digits, a
        // decimal number is refused ("2.410" would be read as 2.41). An
        // empty value is no value.
        let waarde = |key: &str, v: serde_yaml::Value, diags: &mut Vec<Diagnostic>| -> Option<String> {
            let getypt = match v {
                serde_yaml::Value::String(t) => return Some(t.trim().to_string()).filter(|t| !t.is_empty()),
                serde_yaml::Value::Number(n) if n.is_i64() || n.is_u64() => return Some(n.to_string()),
                serde_yaml::Value::Null => return None,
                serde_yaml::Value::Number(n) => n.to_string(),
                serde_yaml::Value::Bool(b) => b.to_string(),
                _ => {
                    diags.push(bad(
                        key,
                        tr!("l002-indicator-shape", indicator = &naam),
                        tr!("l002-indicator-value.hint"),
                    ));
                    return None;
                }
            };
            diags.push(bad(
                key,
                tr!("l002-indicator-value", indicator = &naam, waarde = getypt),
                tr!("l002-indicator-value.hint"),
            ));
            None
        };
        let voor = diags.len();
        let mut reeks: Vec<(i32, String)> = Vec::new();
        for (jaar, v) in r.reeks {
            if let Some(w) = waarde(&format!("reeks.{jaar}"), v, &mut diags) {
                reeks.push((jaar, w));
            }
        }
        let enkel = r.waarde.and_then(|v| waarde("waarde", v, &mut diags));
        // A value refused above is not reported missing as well.
        let geweigerd = diags.len() > voor;
        let streef_geschreven = r.streefwaarde.is_some();
        let streefwaarde = r.streefwaarde.and_then(|v| waarde("streefwaarde", v, &mut diags)).unwrap_or_default();
        let twice =
            |key: &str| bad(key, tr!("l002-indicator-twice", indicator = &naam), tr!("l002-indicator-twice.hint"));
        match (enkel, r.jaar) {
            (Some(_), _) if !reeks.is_empty() => diags.push(twice("waarde")),
            (None, Some(_)) if !reeks.is_empty() => diags.push(twice("jaar")),
            (Some(w), Some(jaar)) => reeks.push((jaar, w)),
            (Some(_), None) => {
                diags.push(bad(
                    "waarde",
                    tr!("l002-indicator-year", indicator = &naam),
                    tr!("l002-indicator-year.hint"),
                ));
            }
            (None, _) if reeks.is_empty() && !geweigerd => {
                diags.push(bad(
                    "indicator",
                    tr!("l002-indicator-empty", indicator = &naam),
                    tr!("l002-indicator-empty.hint"),
                ));
            }
            (None, _) => {}
        }
        if r.streefjaar.is_some() && !streef_geschreven {
            diags.push(bad(
                "streefjaar",
                tr!("l002-indicator-target", indicator = &naam),
                tr!("l002-indicator-target.hint"),
            ));
        }
        // Years a reader can place: a measurement or target of another era
        // is a typing slip (0, 20245).
        let mut jaren: Vec<(i32, String)> = reeks
            .iter()
            .map(|(j, _)| (*j, if r.jaar == Some(*j) { "jaar".to_string() } else { format!("reeks.{j}") }))
            .collect();
        let jaar_locs = jaren.iter().map(|(j, key)| (*j, at(key))).collect();
        jaren.extend(r.streefjaar.map(|j| (j, "streefjaar".to_string())));
        for (jaar, key) in jaren {
            if !(1990..=2200).contains(&jaar) {
                diags.push(bad(
                    &key,
                    tr!("l002-indicator-when", indicator = &naam, jaar = jaar.to_string()),
                    tr!("l002-indicator-when.hint"),
                ));
            }
        }
        reeks.retain(|(j, _)| (1990..=2200).contains(j));
        out.push(Indicator {
            loc: Some(at(match bij {
                IndicatorBij::Od(_) => "od",
                IndicatorBij::Ise(_) => "ise",
            })),
            bij,
            indicator: r.indicator,
            reeks,
            streefwaarde,
            streefjaar: r.streefjaar,
            eenheid: r.eenheid,
            bron: r.bron,
            jaar_locs,
        });
    }
    Ok((out, diags))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One measurement or a series; a target with its year; an ISE's own
    /// indicator. What cannot be placed or printed is reported at its line.
    #[test]
    fn parses_indicators_with_series_targets_and_their_place() {
        use crate::model::IndicatorBij;
        let text = "indicatoren:
  - od: od-a
    indicator: Een
    waarde: 61
    jaar: 2025
    bron: B
  - ise: SG-A
    indicator: Twee
    eenheid: \"%\"
    reeks:
      2025: \"64\"
      2023: \"58\"
    streefwaarde: \"75\"
    streefjaar: 2029
    bron: B
  - indicator: Geen plaats
    waarde: \"1\"
    jaar: 2025
    bron: B
  - od: od-b
    indicator: Komma
    waarde: 2.410
    jaar: 2025
    bron: B
  - od: od-c
    indicator: Geen jaar
    waarde: \"5\"
    bron: B
  - od: od-d
    indicator: Beide
    waarde: \"5\"
    jaar: 2024
    reeks: { 2025: \"6\" }
    bron: B
  - od: od-e
    indicator: Doel zonder waarde
    waarde: \"5\"
    jaar: 2024
    streefjaar: 2029
    bron: B
  - od: od-f
    indicator: Jaar en reeks
    jaar: 2019
    reeks: { 2024: \"1\" }
    bron: B
  - od: od-g
    indicator: Verkeerd jaar
    reeks: { 20245: \"1\", 2024: \"\" }
    bron: B
  - od: od-h
    indicator: Doel fout
    waarde: \"1\"
    jaar: 2024
    streefwaarde: 2.5
    streefjaar: 2029
    bron: B
  - od: od-i
    indicator: Lijst
    waarde: [1, 2]
    jaar: 2024
    bron: B
";
        let (inds, diags) = parse_prestaties(Path::new("prestaties.yaml"), text).unwrap();
        assert_eq!(inds[0].bij, IndicatorBij::Od(Id("od-a".into())));
        assert_eq!(inds[0].reeks, vec![(2025, "61".to_string())]);
        assert_eq!(inds[1].bij, IndicatorBij::Ise("SG-A".into()));
        assert_eq!(inds[1].reeks, vec![(2023, "58".to_string()), (2025, "64".to_string())]);
        assert_eq!((inds[1].streefwaarde.as_str(), inds[1].streefjaar), ("75", Some(2029)));
        // Left out: the one without a place; kept (and reported): the others.
        assert_eq!(
            inds.iter().map(|i| i.indicator.as_str()).collect::<Vec<_>>(),
            [
                "Een",
                "Twee",
                "Komma",
                "Geen jaar",
                "Beide",
                "Doel zonder waarde",
                "Jaar en reeks",
                "Verkeerd jaar",
                "Doel fout",
                "Lijst"
            ]
        );
        // An empty value in a series is no measurement; a year of another era is left out.
        assert_eq!(inds[7].reeks, vec![]);
        assert_eq!(inds[2].reeks, vec![], "2.410 is read as 2.41 by YAML: refused, not printed");
        let lines: Vec<(String, usize)> = diags
            .iter()
            .map(|d| match &d.location {
                Some(crate::diag::Location::Text { line, .. }) => (d.code.to_string(), *line),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            lines,
            [
                ("L002".to_string(), 16),
                ("L002".to_string(), 22),
                ("L002".to_string(), 27),
                ("L002".to_string(), 31),
                ("L002".to_string(), 39),
                ("L002".to_string(), 43),
                ("L002".to_string(), 48),
                ("L002".to_string(), 54),
                ("L002".to_string(), 59),
            ]
        );
        let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert!(messages[6].contains("20245"), "{messages:?}");
    }

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
