//! The files attached to a PDF/A-3 document: the workbook as filed and the
//! document's open data (every figure as CSV, and its data package).

use crate::load::Inputs;
use crate::render;

/// A file to attach to the PDF.
pub struct Attachment {
    pub view: render::view::Bestand,
    pub bytes: Vec<u8>,
}

/// The source workbook and the document's open data (the CSV of every
/// figure and its data package), for parliament to verify the numbers
/// (attached under PDF/A-3).
pub fn attachments(inputs: &Inputs, stem: &str, open: &crate::opendata::OpenData) -> std::io::Result<Vec<Attachment>> {
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
    let naam = crate::model::budget::document_name(doc.jaar, doc.fase);
    let bestand = |pad: String, mime: &str, beschrijving: String, relatie: &str| render::view::Bestand {
        pad,
        mime: mime.into(),
        beschrijving,
        relatie: relatie.into(),
    };
    Ok(vec![
        Attachment {
            view: bestand(
                format!("begroting-{}-{}.{ext}", doc.jaar, doc.fase.folder()),
                mime,
                format!("De begrotingscijfers van de {naam} zoals ingediend"),
                "source",
            ),
            bytes: workbook,
        },
        Attachment {
            view: bestand(
                format!("{stem}.csv"),
                "text/csv",
                format!("Alle bedragen van de {naam} per artikel en kolom van het werkboek (open data)"),
                "data",
            ),
            bytes: open.csv.clone(),
        },
        Attachment {
            view: bestand(
                format!("{stem}.datapackage.json"),
                "application/json",
                format!("De beschrijving van de open data van de {naam} (Frictionless Data Package)"),
                "data",
            ),
            bytes: open.datapackage.clone(),
        },
    ])
}
