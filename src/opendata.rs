//! The document's figures as open data, written beside every PDF:
//! `<name>.csv`, one row per article and amount column of the workbook, and
//! `<name>.datapackage.json`, a Frictionless (Tabular) Data Package that
//! describes it, with the logical model of the Fiscal Data Package (measures
//! and dimensions). docs/open-data.md documents both for their readers.
//!
//! Pure: the model in, bytes out; the pipeline writes them.

pub mod horizontaal;

use serde::Serialize;

use crate::load::Inputs;
use crate::load::workbook::layout;
use crate::model::budget::{ArtikelSoort, Krediet, Slot, Stand, Uitvoeringsstand};
use crate::model::synthese::Scopes;
use crate::model::{Money, Unit};

/// The two files of a document's open data.
pub struct OpenData {
    pub csv: Vec<u8>,
    pub datapackage: Vec<u8>,
}

/// One row of the CSV: one amount of one article. The field names are a
/// contract with the data's users (docs/open-data.md); never rename one.
#[derive(Debug, Serialize)]
struct Rij<'a> {
    begrotingsjaar: i32,
    document: &'a str,
    beleidsveld: &'a str,
    ise: &'a str,
    ise_naam: &'a str,
    entiteit: &'a str,
    entiteit_naam: &'a str,
    scope: &'a str,
    artikel: String,
    omschrijving: &'a str,
    soort: &'static str,
    esr: &'static str,
    ontvanger: &'a str,
    doelstellingen: &'a str,
    krediet: &'static str,
    kolom: String,
    stand: String,
    bijstelling: &'static str,
    bedrag: String,
    eenheid: &'static str,
}

/// The fields of the CSV in order, with their Frictionless type and a
/// description (Dutch: the data's readers are the BBT's readers).
const VELDEN: [(&str, &str, &str); 20] = [
    ("begrotingsjaar", "year", "Het begrotingsjaar van het document."),
    (
        "document",
        "string",
        "Het document, bv. BBT 2026 (BO): de begrotingsopmaak (BO) of een begrotingsaanpassing (BA).",
    ),
    ("beleidsveld", "string", "Het beleidsveld waaronder de ISE van het artikel valt."),
    ("ise", "string", "De code van het inhoudelijk structuurelement (ISE)."),
    ("ise_naam", "string", "De naam van de ISE."),
    ("entiteit", "string", "De code van de entiteit die het krediet beheert."),
    ("entiteit_naam", "string", "De naam van de entiteit volgens de beleidsnota."),
    (
        "scope",
        "string",
        "De tabel waarin het artikel staat: MVG (departement en IVA's, excl. DAB), DAB <code> of rechtspersoon <code> (eigen begroting).",
    ),
    ("artikel", "string", "De begrotingsartikelcode."),
    ("omschrijving", "string", "De omschrijving van het artikel."),
    ("soort", "string", "uitgaven of ontvangsten."),
    ("esr", "string", "Het ESR-aggregaat: WT, LO, PR, IS, LE, PA."),
    ("ontvanger", "string", "Bij een dotatie (IS): de entiteit die ze ontvangt."),
    (
        "doelstellingen",
        "string",
        "De nummers van de operationele doelstellingen waaraan het artikel bijdraagt, gescheiden door een puntkomma (leeg als het werkboek ze niet geeft).",
    ),
    ("krediet", "string", "VAK (vastleggingskrediet), VEK (vereffeningskrediet) of ontvangsten."),
    ("kolom", "string", "De kolom van het werkboek waaruit het bedrag komt."),
    (
        "stand",
        "string",
        "De begrotingsstand van het bedrag (bv. BA 2025, BO 2026); leeg voor een bijstelling. BA-JR en BU (bv. BA-JR 2024, BU 2024) en de BA van dat jaar komen van het blad Uitvoering: de uitvoering van een vorig jaar.",
    ),
    (
        "bijstelling",
        "string",
        "Voor een bijstelling: Index, Compensaties, Andere bijstellingen of Bijstellingen; anders leeg.",
    ),
    (
        "bedrag",
        "number",
        "Het bedrag zoals in het werkboek, in de eenheid van de kolom eenheid, exact (punt als decimaalteken).",
    ),
    ("eenheid", "string", "De eenheid van het bedrag: euro of duizend euro."),
];

/// The open data of a document whose PDF is `<stem>.pdf`.
pub fn build(inputs: &Inputs, stem: &str) -> std::io::Result<OpenData> {
    let nota = &inputs.beleidsnota;
    let doc = &inputs.document;
    let unit = doc.meta.eenheid;
    let naam = crate::model::budget::document_name(doc.jaar, doc.fase);
    let scopes = Scopes::new(nota, &doc.begroting);
    let (van, naar) = Stand::evolutie(doc.jaar, doc.fase);
    let mut w = csv::Writer::from_writer(Vec::new());
    for a in &doc.begroting.artikelen {
        let ise = doc.structuur.ise_by_code(&a.ise_code);
        let beleidsveld =
            doc.structuur.ises().find(|(_, i)| i.code == a.ise_code).map(|(b, _)| b.naam.as_str()).unwrap_or_default();
        let scope = scopes.artikel(a).code();
        let ods: Vec<&str> = a
            .doelstellingen
            .iter()
            .filter_map(|n| doc.structuur.od_genoemd(n))
            .map(|(_, o)| o.nummer.as_str())
            .collect();
        let doelstellingen = ods.join(";");
        let ontvanger = a.ontvanger.as_ref().map(|o| o.as_str()).unwrap_or_default();
        for &k in a.krediet_soorten() {
            for slot in layout::bedrag_sloten(doc.fase, k) {
                let (stand, bijstelling) = match slot {
                    Slot::Van(_) => (van.label(), ""),
                    Slot::Naar(_) => (naar.label(), ""),
                    Slot::Bij(b, _) => (String::new(), layout::bijstelling_naam(doc.fase, b)),
                };
                w.serialize(Rij {
                    begrotingsjaar: doc.jaar,
                    document: &naam,
                    beleidsveld,
                    ise: a.ise_code.as_str(),
                    ise_naam: ise.map(|i| i.naam.as_str()).unwrap_or_default(),
                    entiteit: a.entiteit.as_str(),
                    entiteit_naam: nota.entiteit(&a.entiteit).map(|e| e.naam.as_str()).unwrap_or_default(),
                    scope: &scope,
                    artikel: a.code.to_string(),
                    omschrijving: &a.titel,
                    soort: match a.soort() {
                        ArtikelSoort::Uitgave => "uitgaven",
                        ArtikelSoort::Ontvangst => "ontvangsten",
                    },
                    esr: a.esr().code(),
                    ontvanger,
                    doelstellingen: &doelstellingen,
                    krediet: k.label(),
                    kolom: layout::bedrag_naam(doc.jaar, doc.fase, slot),
                    stand,
                    bijstelling,
                    bedrag: decimal(a.bedrag(slot), unit),
                    eenheid: unit.name(),
                })
                .map_err(std::io::Error::other)?;
            }
        }
    }
    // The outturn of an earlier year (the sheet Uitvoering): its standings.
    let uj = Uitvoeringsstand::jaar(doc.jaar, doc.fase);
    for u in &doc.begroting.uitvoering {
        let ise = doc.structuur.ise_by_code(&u.ise_code);
        let beleidsveld =
            doc.structuur.ises().find(|(_, i)| i.code == u.ise_code).map(|(b, _)| b.naam.as_str()).unwrap_or_default();
        let scope = scopes.van(&u.entiteit).code();
        let ontvanger = doc.begroting.ontvanger_van(u).map(|o| o.as_str()).unwrap_or_default();
        for k in [Krediet::Vak, Krediet::Vek] {
            for s in Uitvoeringsstand::ALL {
                w.serialize(Rij {
                    begrotingsjaar: doc.jaar,
                    document: &naam,
                    beleidsveld,
                    ise: u.ise_code.as_str(),
                    ise_naam: ise.map(|i| i.naam.as_str()).unwrap_or_default(),
                    entiteit: u.entiteit.as_str(),
                    entiteit_naam: nota.entiteit(&u.entiteit).map(|e| e.naam.as_str()).unwrap_or_default(),
                    scope: &scope,
                    artikel: u.code.to_string(),
                    omschrijving: &u.titel,
                    soort: "uitgaven",
                    esr: u.code.esr().code(),
                    ontvanger,
                    doelstellingen: "",
                    krediet: k.label(),
                    kolom: layout::uitvoering_naam(doc.jaar, doc.fase, s, k),
                    stand: s.label(uj),
                    bijstelling: "",
                    bedrag: decimal(u.get(s, k), unit),
                    eenheid: unit.name(),
                })
                .map_err(std::io::Error::other)?;
            }
        }
    }
    let csv = w.into_inner().map_err(|e| std::io::Error::other(e.to_string()))?;
    let datapackage = serde_json::to_vec_pretty(&datapackage(inputs, stem, &naam)).map_err(std::io::Error::other)?;
    Ok(OpenData { csv, datapackage })
}

/// An exact amount in `unit`, as machines read numbers: `-1234.5`.
fn decimal(m: Money, unit: Unit) -> String {
    let per = unit.cents();
    let cents = m.cents();
    let sign = if cents < 0 { "-" } else { "" };
    let (whole, frac) = (cents.unsigned_abs() / per.unsigned_abs(), cents.unsigned_abs() % per.unsigned_abs());
    if frac == 0 {
        return format!("{sign}{whole}");
    }
    // As many decimals as the unit has cents-digits, trailing zeros dropped.
    let digits = per.unsigned_abs().ilog10() as usize;
    let frac = format!("{frac:0digits$}");
    format!("{sign}{whole}.{}", frac.trim_end_matches('0'))
}

fn datapackage(inputs: &Inputs, stem: &str, naam: &str) -> serde_json::Value {
    let nota = &inputs.beleidsnota;
    let doc = &inputs.document;
    let unit = doc.meta.eenheid;
    let fields: Vec<serde_json::Value> = VELDEN
        .iter()
        .map(|(name, ty, description)| {
            let required = matches!(*name, "begrotingsjaar" | "artikel" | "kolom" | "bedrag" | "krediet" | "soort");
            let constraints = match *name {
                "soort" => serde_json::json!({ "required": true, "enum": ["uitgaven", "ontvangsten"] }),
                _ if required => serde_json::json!({ "required": true }),
                _ => serde_json::Value::Null,
            };
            let mut f = serde_json::json!({ "name": name, "type": ty, "description": description });
            if let (Some(map), false) = (f.as_object_mut(), constraints.is_null()) {
                map.insert("constraints".into(), constraints);
            }
            f
        })
        .collect();
    let attr = |source: &str| serde_json::json!({ "source": source });
    let date = doc.meta.status.date();
    serde_json::json!({
        "profile": "tabular-data-package",
        "name": stem,
        "title": format!("{naam}: {} – begrotingscijfers per artikel", nota.bevoegdheid),
        "description": format!(
            "Alle bedragen van de beleids- en begrotingstoelichting {naam} ({}), per begrotingsartikel en per kolom van het werkboek, in {}. \
             Eén rij per artikel en bedrag; de som van de rijen met dezelfde ISE, scope en kolom is het totaal dat het document drukt.",
            nota.titel,
            unit.name()
        ),
        "countryCode": "BE",
        "granularity": "aggregated",
        "fiscalPeriod": { "start": format!("{}-01-01", doc.jaar), "end": format!("{}-12-31", doc.jaar) },
        "created": format!("{:04}-{:02}-{:02}T00:00:00Z", date.year, date.month, date.day),
        "keywords": ["begroting", "Vlaamse overheid", "beleids- en begrotingstoelichting", nota.bevoegdheid],
        "resources": [{
            "profile": "tabular-data-resource",
            "name": stem,
            "path": format!("{stem}.csv"),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": { "fields": fields, "primaryKey": ["artikel", "kolom"] },
        }],
        "model": {
            "measures": {
                "bedrag": { "source": "bedrag", "currency": "EUR", "factor": unit.cents() / 100 },
            },
            "dimensions": {
                "artikel": {
                    "dimensionType": "activity",
                    "attributes": { "code": attr("artikel"), "omschrijving": { "source": "omschrijving", "labelfor": "code" } },
                    "primaryKey": "code",
                },
                "administratief": {
                    "dimensionType": "classification",
                    "classificationType": "administrative",
                    "attributes": {
                        "scope": attr("scope"),
                        "entiteit": { "source": "entiteit", "parent": "scope" },
                        "entiteit_naam": { "source": "entiteit_naam", "labelfor": "entiteit" },
                    },
                    "primaryKey": "entiteit",
                },
                "functioneel": {
                    "dimensionType": "classification",
                    "classificationType": "functional",
                    "attributes": {
                        "beleidsveld": attr("beleidsveld"),
                        "ise": { "source": "ise", "parent": "beleidsveld" },
                        "ise_naam": { "source": "ise_naam", "labelfor": "ise" },
                    },
                    "primaryKey": "ise",
                },
                "economisch": {
                    "dimensionType": "classification",
                    "classificationType": "economic",
                    "attributes": { "esr": attr("esr") },
                    "primaryKey": "esr",
                },
                "richting": { "dimensionType": "other", "attributes": { "soort": attr("soort") }, "primaryKey": "soort" },
                "krediet": {
                    "dimensionType": "other",
                    "attributes": { "krediet": attr("krediet"), "kolom": attr("kolom"), "stand": attr("stand"), "bijstelling": attr("bijstelling") },
                    "primaryKey": ["krediet", "kolom"],
                },
                "jaar": { "dimensionType": "datetime", "attributes": { "jaar": attr("begrotingsjaar") }, "primaryKey": "jaar" },
                "doelstellingen": { "dimensionType": "other", "attributes": { "doelstellingen": attr("doelstellingen") }, "primaryKey": "doelstellingen" },
            },
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_exact_in_the_unit() {
        let cases = [
            (0, Unit::DuizendEuro, "0"),
            (7_720_600_000, Unit::DuizendEuro, "77206"),
            (150_000, Unit::DuizendEuro, "1.5"),
            (-1, Unit::DuizendEuro, "-0.00001"),
            (-25_000_000, Unit::DuizendEuro, "-250"),
            (123_456, Unit::Euro, "1234.56"),
            (-120, Unit::Euro, "-1.2"),
        ];
        for (cents, unit, want) in cases {
            assert_eq!(decimal(Money::from_cents(cents), unit), want, "{cents} in {unit:?}");
        }
    }
}
