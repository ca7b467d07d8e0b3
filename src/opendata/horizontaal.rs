//! The horizontal overview's figures as open data, beside its PDF:
//! `<name>.csv`, one row per theme, domain (project), OD and article, and
//! `<name>.datapackage.json` that describes it. Every total of the overview
//! is a sum of rows: per OD the rows marked `telt_in_od`, per domain those
//! marked `telt_in_domein`, per theme those marked `telt_in_thema`.

use std::collections::HashSet;

use serde::Serialize;

use super::OpenData;
use crate::model::afronding;
use crate::model::budget::{Artikel, Krediet, Slot};
use crate::model::horizontaal::{Bron, Overzicht};

#[derive(Serialize)]
struct Rij<'a> {
    begrotingsjaar: i32,
    document: &'a str,
    thema: &'a str,
    project: &'a str,
    bevoegdheid: &'a str,
    sd: &'a str,
    od: &'a str,
    od_titel: &'a str,
    ise: &'a str,
    kredieten_uit: &'static str,
    artikel: String,
    omschrijving: &'a str,
    entiteit: &'a str,
    esr: &'static str,
    ontvanger: &'a str,
    vak: i64,
    vek: i64,
    telt_in_od: bool,
    telt_in_domein: bool,
    telt_in_thema: bool,
}

const VELDEN: [(&str, &str, &str); 20] = [
    ("begrotingsjaar", "year", "Het begrotingsjaar."),
    ("document", "string", "De stand van de kredieten: BBT <jaar> (BO) of (BA)."),
    ("thema", "string", "Het horizontale thema, zoals het plan het noemt."),
    ("project", "string", "Het id van het project van het domein (de naam van zijn pdf: <project>-<jaar>-<fase>.pdf)."),
    ("bevoegdheid", "string", "Het beleidsdomein: de bevoegdheid van de minister(s), zoals het overzicht het noemt."),
    ("sd", "string", "Het nummer van de strategische doelstelling."),
    ("od", "string", "Het nummer van de operationele doelstelling die bijdraagt aan het thema."),
    ("od_titel", "string", "De titel van de operationele doelstelling."),
    ("ise", "string", "De code van de ISE waaronder de OD geclusterd is."),
    (
        "kredieten_uit",
        "string",
        "gekoppeld: het werkboek koppelt het artikel aan de OD; ise: het werkboek koppelt geen artikel van de ISE aan een OD, de hele ISE staat voor de OD.",
    ),
    ("artikel", "string", "De begrotingsartikelcode."),
    ("omschrijving", "string", "De omschrijving van het artikel."),
    ("entiteit", "string", "De code van de entiteit die het krediet beheert."),
    ("esr", "string", "Het ESR-aggregaat (IS: een dotatie)."),
    ("ontvanger", "string", "Bij een dotatie: de entiteit die ze ontvangt."),
    ("vak", "integer", "Het vastleggingskrediet van het artikel, in duizend euro, zoals gedrukt."),
    ("vek", "integer", "Het vereffeningskrediet van het artikel, in duizend euro, zoals gedrukt."),
    (
        "telt_in_od",
        "boolean",
        "Of het bedrag van de OD deze rij telt: alle rijen van de OD, behalve een dotatie waarvan de ontvanger zelf rijen bij de OD heeft.",
    ),
    (
        "telt_in_domein",
        "boolean",
        "Of het totaal van het domein voor dit thema deze rij telt: elk artikel één keer, een dotatie niet als de ontvanger eigen rijen voor hetzelfde thema in het domein heeft.",
    ),
    (
        "telt_in_thema",
        "boolean",
        "Of het totaal van het thema deze rij telt: elk artikel één keer over alle domeinen, een dotatie niet als de ontvanger eigen rijen voor hetzelfde thema heeft.",
    ),
];

/// The open data of the overview whose PDF is `<stem>.pdf`, for the credits
/// of `document` ("BBT 2026 (BO)") of `jaar`.
pub fn build(o: &Overzicht<'_>, stem: &str, jaar: i32, document: &str) -> std::io::Result<OpenData> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let gedrukt = |a: &Artikel, k| afronding::bedrag(a, Slot::Naar(k));
    let pointers =
        |arts: &[&Artikel]| -> HashSet<*const Artikel> { arts.iter().map(|a| *a as *const Artikel).collect() };
    for t in &o.themas {
        let thema_telt = pointers(&t.geteld);
        let mut in_thema: HashSet<*const Artikel> = HashSet::new();
        for b in &t.domeinen {
            let Some(d) = o.domeinen.get(b.domein) else { continue };
            let domein_telt = pointers(&b.geteld);
            let mut in_domein: HashSet<*const Artikel> = HashSet::new();
            for od in &b.ods {
                let od_telt = pointers(&od.geteld);
                for a in &od.artikelen {
                    let p: *const Artikel = *a;
                    let telt_in_domein = domein_telt.contains(&p) && in_domein.insert(p);
                    let telt_in_thema = thema_telt.contains(&p) && in_thema.insert(p);
                    w.serialize(Rij {
                        begrotingsjaar: jaar,
                        document,
                        thema: &t.id,
                        project: d.nota.id.as_str(),
                        bevoegdheid: &d.nota.bevoegdheid,
                        sd: &od.sd.nummer,
                        od: &od.od.nummer,
                        od_titel: &od.od.titel,
                        ise: od.ise.map(|i| i.code.as_str()).unwrap_or_default(),
                        kredieten_uit: match od.bron {
                            Bron::Gekoppeld => "gekoppeld",
                            Bron::Ise => "ise",
                        },
                        artikel: a.code.to_string(),
                        omschrijving: &a.titel,
                        entiteit: a.entiteit.as_str(),
                        esr: a.esr().code(),
                        ontvanger: a.ontvanger.as_ref().map(|r| r.as_str()).unwrap_or_default(),
                        vak: gedrukt(a, Krediet::Vak),
                        vek: gedrukt(a, Krediet::Vek),
                        telt_in_od: od_telt.contains(&p),
                        telt_in_domein,
                        telt_in_thema,
                    })
                    .map_err(std::io::Error::other)?;
                }
            }
        }
    }
    let csv = w.into_inner().map_err(|e| std::io::Error::other(e.to_string()))?;
    let fields: Vec<serde_json::Value> = VELDEN
        .iter()
        .map(|(name, ty, description)| serde_json::json!({ "name": name, "type": ty, "description": description }))
        .collect();
    let datapackage = serde_json::json!({
        "profile": "tabular-data-package",
        "name": stem,
        "title": format!("Horizontaal overzicht {document}: bijdragen van de beleidsdomeinen per thema"),
        "description": format!(
            "De kredieten van {document} van alle beleidsdomeinen per horizontaal thema, operationele doelstelling en begrotingsartikel, \
             in duizend euro zoals gedrukt. Het bedrag van een OD is de som van haar rijen met telt_in_od; het totaal van een domein voor een thema \
             de som van de rijen met telt_in_domein, het totaal van een thema die met telt_in_thema."
        ),
        "countryCode": "BE",
        "fiscalPeriod": { "start": format!("{jaar}-01-01"), "end": format!("{jaar}-12-31") },
        "keywords": ["begroting", "Vlaamse overheid", "horizontaal beleid", "gelijke kansen"],
        "resources": [{
            "profile": "tabular-data-resource",
            "name": stem,
            "path": format!("{stem}.csv"),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {
                "fields": fields,
                "primaryKey": ["thema", "project", "od", "artikel"],
            },
        }],
    });
    let datapackage = serde_json::to_vec_pretty(&datapackage).map_err(std::io::Error::other)?;
    Ok(OpenData { csv, datapackage })
}
