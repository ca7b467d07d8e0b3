//! The files attached to a PDF/A-3 document: the workbook as filed and every
//! figure of the document as JSON.

use crate::load::Inputs;
use crate::{model, render};

/// A file to attach to the PDF.
pub struct Attachment {
    pub view: render::view::Bestand,
    pub bytes: Vec<u8>,
}

/// The source workbook and a JSON export of every figure, for parliament to
/// verify the numbers (attached under PDF/A-3).
pub fn attachments(inputs: &Inputs) -> std::io::Result<Vec<Attachment>> {
    let workbook = std::fs::read(&inputs.workbook)?;
    let ext = inputs.workbook.extension().and_then(|e| e.to_str()).unwrap_or("xlsx");
    let mime = match ext {
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "xls" => "application/vnd.ms-excel",
        "xlsm" => "application/vnd.ms-excel.sheet.macroEnabled.12",
        "xlsb" => "application/vnd.ms-excel.sheet.binary.macroEnabled.12",
        _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };
    let doc = &inputs.document;
    let (van, naar) = model::Stand::evolutie(doc.jaar, doc.fase);
    let figures: Vec<serde_json::Value> = doc
        .begroting
        .artikelen
        .iter()
        .map(|a| {
            let standen = [(van, model::Slot::Van as fn(_) -> _), (naar, model::Slot::Naar)];
            let kredieten: Vec<serde_json::Value> = standen
                .iter()
                .flat_map(|&(stand, slot)| a.krediet_soorten().iter().map(move |&k| (stand, k, slot(k))))
                .map(|(stand, k, slot)| serde_json::json!({ "stand": stand.label(), "krediet": k.label(), "euro_cent": a.bedrag(slot).cents() }))
                .collect();
            let bijstellingen: Vec<serde_json::Value> = a
                .bedragen
                .evolutie(model::Krediet::Vak)
                .map(|_| model::Bijstelling::voor_fase(doc.fase))
                .unwrap_or_default()
                .iter()
                .flat_map(|&(b, _)| [model::Krediet::Vak, model::Krediet::Vek].map(|k| (b, k)))
                .map(|(soort, k)| serde_json::json!({ "soort": soort.label(), "krediet": k.label(), "euro_cent": a.bijstelling(soort, k).cents() }))
                .collect();
            serde_json::json!({
                "artikel": a.code, "omschrijving": a.titel, "ise": a.ise_code, "entiteit": a.entiteit,
                "ontvanger": a.ontvanger, "kredieten": kredieten, "bijstellingen": bijstellingen,
            })
        })
        .collect();
    let json = serde_json::json!({
        "project": inputs.beleidsnota.id,
        "begrotingsjaar": doc.jaar,
        "fase": doc.fase.folder(),
        "eenheid": "euro_cent",
        "artikelen": figures,
    });
    let json = serde_json::to_vec_pretty(&json).map_err(std::io::Error::other)?;
    Ok(vec![
        Attachment {
            view: render::view::Bestand {
                pad: format!("begroting-{}-{}.{ext}", doc.jaar, doc.fase.folder()),
                mime: mime.into(),
                beschrijving: format!(
                    "De begrotingscijfers van de {} zoals ingediend",
                    crate::model::budget::document_name(doc.jaar, doc.fase)
                ),
                relatie: "source".into(),
            },
            bytes: workbook,
        },
        Attachment {
            view: render::view::Bestand {
                pad: format!("cijfers-{}-{}.json", doc.jaar, doc.fase.folder()),
                mime: "application/json".into(),
                beschrijving: "Alle bedragen van het document per artikel, in eurocent".into(),
                relatie: "data".into(),
            },
            bytes: json,
        },
    ])
}
