//! `bbt template`: a blank budget workbook for a year, made so that the right
//! structure is the easy path for finance staff.
//!
//! One row per article of the previous document with its ISE, ESR aggregate
//! and entity filled in; dropdowns for ISE, ESR and entity; frozen and
//! protected header rows; BO as a formula of its components (with its result
//! stored, so that a reader that does not compute formulas still reads it);
//! the starting standing (BA t-1) copied from the previous year's BA document
//! when there is one, else left empty with an instruction: never BO t-1.

use rust_xlsxwriter::{
    DataValidation, Format, FormatAlign, Formula, ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use crate::load::TemplateBasis;
use crate::load::workbook::{SHEET_ONTVANGSTEN, SHEET_TOELICHTING, SHEET_UITGAVEN, amount_columns};
use crate::model::budget::{ArtikelSoort, Bijstelling, Fase, Krediet, Stand};
use crate::model::{Artikel, Money, Unit};

/// Spare rows below the known articles, for new ones.
const SPARE_ROWS: u32 = 60;
/// The header row (0-based) of the data sheets; a title and a note stand above it.
const HEADER_ROW: u32 = 2;

const ESR: [&str; 6] = ["WT", "LO", "PR", "IS", "LE", "PA"];

/// The file name of the template: `begroting-<jaar>-<fase>.xlsx`.
pub fn file_name(jaar: i32, fase: Fase) -> String {
    format!("begroting-{jaar}-{}.xlsx", fase.folder())
}

/// The blank workbook's bytes.
pub fn write(basis: &TemplateBasis, jaar: i32, fase: Fase) -> Result<Vec<u8>, XlsxError> {
    let (van, naar) = Stand::evolutie(jaar, fase);
    // The previous document's final standing is this one's start only when
    // they are the same standing (BA t-1 from a BA document, BO t in a BA).
    let copy_start = basis.previous.as_ref().is_some_and(|p| van.continues(Stand::evolutie(p.jaar, p.fase).1));
    let start = |a: &Artikel, k: Krediet| -> Option<i64> {
        let p = basis.previous.as_ref()?;
        let (_, end) = Stand::evolutie(p.jaar, p.fase);
        copy_start.then(|| units(a.krediet(end, k), basis.eenheid))
    };
    let artikelen: Vec<&Artikel> = basis.previous.iter().flat_map(|p| p.artikelen.iter()).collect();

    let mut wb = Workbook::new();
    let title = Format::new().set_bold().set_font_size(13);
    let note = Format::new().set_italic().set_font_color("#555555");
    let head = Format::new().set_bold().set_text_wrap().set_background_color("#DDE5EE").set_align(FormatAlign::Top);
    let input = Format::new().set_unlocked();
    let amount_in = Format::new().set_unlocked().set_num_format("#,##0");
    let amount_calc = Format::new().set_num_format("#,##0").set_background_color("#F2F2F2");
    let protection = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        insert_rows: false,
        sort: true,
        ..ProtectionOptions::default()
    };

    // Lists for the dropdowns, on a hidden sheet (a list in the rule itself
    // is limited to 255 characters).
    let ise_codes: Vec<&str> = basis.structuur.ises().map(|(_, i)| i.code.as_str()).collect();
    let entiteiten: Vec<&str> = basis.beleidsnota.entiteiten.iter().map(|e| e.code.as_str()).collect();

    instructions(wb.add_worksheet(), basis, jaar, fase, copy_start, &title)?;

    // Uitgaven.
    let ws = wb.add_worksheet();
    ws.set_name(SHEET_UITGAVEN)?;
    ws.write_string_with_format(
        0,
        0,
        format!("Begroting {jaar} – {} – uitgaven ({})", fase_naam(fase), basis.eenheid.name()),
        &title,
    )?;
    ws.write_string_with_format(1, 0, start_note(copy_start, van), &note)?;
    let bijstellingen = Bijstelling::voor_fase(fase);
    let mut headers: Vec<String> =
        ["Artikel", "Omschrijving", "ISE", "ESR", "Entiteit", "Ontvanger"].iter().map(|s| s.to_string()).collect();
    let first_amount = headers.len() as u16;
    for k in [Krediet::Vak, Krediet::Vek] {
        headers.extend(amount_columns(jaar, fase, k, ArtikelSoort::Uitgave).into_iter().map(|(_, name)| name));
    }
    headers.push("Korte inhoud".into());
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, c as u16, h, &head)?;
    }
    let block = 2 + bijstellingen.len() as u16;
    let uitgaven: Vec<&&Artikel> = artikelen.iter().filter(|a| a.soort == ArtikelSoort::Uitgave).collect();
    let rows = uitgaven.len() as u32 + SPARE_ROWS;
    for i in 0..rows {
        let r = HEADER_ROW + 1 + i;
        let art = uitgaven.get(i as usize);
        for c in 0..first_amount {
            ws.write_blank(r, c, &input)?;
        }
        if let Some(a) = art {
            ws.write_string_with_format(r, 0, &a.code.raw, &input)?;
            ws.write_string_with_format(r, 1, &a.titel, &input)?;
            ws.write_string_with_format(r, 2, &a.ise_code, &input)?;
            ws.write_string_with_format(r, 3, a.esr.code(), &input)?;
            ws.write_string_with_format(r, 4, &a.entiteit, &input)?;
            if let Some(o) = &a.ontvanger {
                ws.write_string_with_format(r, 5, o, &input)?;
            }
        }
        for (b, k) in [Krediet::Vak, Krediet::Vek].into_iter().enumerate() {
            let c0 = first_amount + block * b as u16;
            let begin = art.and_then(|a| start(a, k));
            match begin {
                Some(v) => ws.write_number_with_format(r, c0, v as f64, &amount_in)?,
                None => ws.write_blank(r, c0, &amount_in)?,
            };
            for j in 1..block - 1 {
                ws.write_blank(r, c0 + j, &amount_in)?;
            }
            let refs: Vec<String> = (0..block - 1).map(|j| format!("{}{}", col_name(c0 + j), r + 1)).collect();
            let formula = Formula::new(format!("={}", refs.join("+"))).set_result(begin.unwrap_or(0).to_string());
            ws.write_formula_with_format(r, c0 + block - 1, formula, &amount_calc)?;
        }
        let last = first_amount + 2 * block;
        match art {
            Some(a) => ws.write_string_with_format(r, last, &a.korte_inhoud, &input)?,
            None => ws.write_blank(r, last, &input)?,
        };
    }
    let last_row = HEADER_ROW + rows;
    dropdown(ws, 2, last_row, "ISE", &ise_codes)?;
    dropdown(ws, 3, last_row, "ESR-aggregaat", &ESR)?;
    dropdown(ws, 4, last_row, "Entiteit", &entiteiten)?;
    dropdown(ws, 5, last_row, "Ontvanger (bij IS)", &entiteiten)?;
    ws.set_column_width(0, 17)?;
    ws.set_column_width(1, 40)?;
    ws.set_column_range_width(first_amount, first_amount + 2 * block - 1, 12)?;
    ws.set_column_width(first_amount + 2 * block, 60)?;
    ws.set_freeze_panes(HEADER_ROW + 1, 1)?;
    ws.protect_with_options(&protection);

    // Ontvangsten.
    let ws = wb.add_worksheet();
    ws.set_name(SHEET_ONTVANGSTEN)?;
    ws.write_string_with_format(
        0,
        0,
        format!("Begroting {jaar} – {} – ontvangsten ({})", fase_naam(fase), basis.eenheid.name()),
        &title,
    )?;
    ws.write_string_with_format(1, 0, start_note(copy_start, van), &note)?;
    let heads = [
        "Artikel".to_string(),
        "Omschrijving".into(),
        "ISE".into(),
        "Entiteit".into(),
        van.label(),
        naar.label(),
        "Korte inhoud".into(),
    ];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, c as u16, h, &head)?;
    }
    let ontvangsten: Vec<&&Artikel> = artikelen.iter().filter(|a| a.soort == ArtikelSoort::Ontvangst).collect();
    let rows = ontvangsten.len() as u32 + SPARE_ROWS / 4;
    for i in 0..rows {
        let r = HEADER_ROW + 1 + i;
        for c in 0..4 {
            ws.write_blank(r, c, &input)?;
        }
        ws.write_blank(r, 4, &amount_in)?;
        ws.write_blank(r, 5, &amount_in)?;
        ws.write_blank(r, 6, &input)?;
        if let Some(a) = ontvangsten.get(i as usize) {
            ws.write_string_with_format(r, 0, &a.code.raw, &input)?;
            ws.write_string_with_format(r, 1, &a.titel, &input)?;
            ws.write_string_with_format(r, 2, &a.ise_code, &input)?;
            ws.write_string_with_format(r, 3, &a.entiteit, &input)?;
            if let Some(v) = start(a, Krediet::Ontvangst) {
                ws.write_number_with_format(r, 4, v as f64, &amount_in)?;
            }
            ws.write_string_with_format(r, 6, &a.korte_inhoud, &input)?;
        }
    }
    dropdown(ws, 2, HEADER_ROW + rows, "ISE", &ise_codes)?;
    dropdown(ws, 3, HEADER_ROW + rows, "Entiteit", &entiteiten)?;
    ws.set_column_width(0, 17)?;
    ws.set_column_width(1, 40)?;
    ws.set_column_range_width(4, 5, 12)?;
    ws.set_column_width(6, 60)?;
    ws.set_freeze_panes(HEADER_ROW + 1, 1)?;
    ws.protect_with_options(&protection);

    // Toelichting.
    let ws = wb.add_worksheet();
    ws.set_name(SHEET_TOELICHTING)?;
    for (c, h) in ["Artikel", "Omschrijving", "VAK", "VEK"].iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &head)?;
    }
    for r in 1..=200 {
        ws.write_blank(r, 0, &input)?;
        ws.write_blank(r, 1, &input)?;
        ws.write_blank(r, 2, &amount_in)?;
        ws.write_blank(r, 3, &amount_in)?;
    }
    ws.set_column_width(0, 17)?;
    ws.set_column_width(1, 60)?;
    ws.set_column_range_width(2, 3, 12)?;
    ws.set_freeze_panes(1, 0)?;
    ws.protect_with_options(&protection);

    // The dropdown lists.
    let ws = wb.add_worksheet();
    ws.set_name(LISTS)?;
    for (c, (name, values)) in
        [("ISE", ise_codes.as_slice()), ("ESR", &ESR[..]), ("Entiteit", entiteiten.as_slice())].iter().enumerate()
    {
        ws.write_string(0, c as u16, *name)?;
        for (r, v) in values.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, *v)?;
        }
    }
    ws.set_hidden(true);

    wb.save_to_buffer()
}

const LISTS: &str = "Lijsten";

/// A dropdown on column `col` of the data rows, from the hidden list sheet.
fn dropdown(ws: &mut Worksheet, col: u16, last_row: u32, title: &str, values: &[&str]) -> Result<(), XlsxError> {
    if values.is_empty() {
        return Ok(());
    }
    let list_col = match title {
        "ISE" => "A",
        "ESR-aggregaat" => "B",
        _ => "C",
    };
    let formula = format!("={LISTS}!${list_col}$2:${list_col}${}", values.len() + 1);
    let v = DataValidation::new()
        .allow_list_formula(Formula::new(formula))
        .set_input_title(title)?
        .set_input_message("Kies een waarde uit de lijst.")?;
    ws.add_data_validation(HEADER_ROW + 1, col, last_row, col, &v)?;
    Ok(())
}

fn units(m: Money, unit: Unit) -> i64 {
    m.cents() / unit.cents()
}

fn fase_naam(fase: Fase) -> &'static str {
    match fase {
        Fase::Bo => "begrotingsopmaak",
        Fase::Ba(_) | Fase::BaJr => "begrotingsaanpassing",
        Fase::Bu => "begrotingsuitvoering",
    }
}

fn start_note(copied: bool, van: Stand) -> String {
    if copied {
        format!(
            "De kolommen {} zijn overgenomen uit het vorige document. Vul de bijstellingen in; {} wordt berekend.",
            van.label(),
            "de eindstand"
        )
    } else {
        format!(
            "Vul de kolommen {} in met de cijfers van {} (nog niet beschikbaar in het project; neem nooit de cijfers van de vorige begrotingsopmaak over).",
            van.label(),
            van.label()
        )
    }
}

fn col_name(c: u16) -> String {
    crate::diag::Location::cell_name(0, u32::from(c)).trim_end_matches('1').to_string()
}

fn instructions(
    ws: &mut Worksheet,
    basis: &TemplateBasis,
    jaar: i32,
    fase: Fase,
    copied: bool,
    title: &Format,
) -> Result<(), XlsxError> {
    let (van, naar) = Stand::evolutie(jaar, fase);
    ws.set_name("Instructies")?;
    ws.write_string_with_format(0, 0, format!("Begroting {jaar} – {} – invulinstructies", fase_naam(fase)), title)?;
    let bijstellingen: Vec<&str> = Bijstelling::voor_fase(fase).iter().map(|(_, n)| *n).collect();
    let mut lines = vec![
        format!("Beleidsdomein: {} ({}).", basis.beleidsnota.bevoegdheid, basis.beleidsnota.legislatuur),
        format!("Alle bedragen in {}, als gehele getallen; typ ze als getal, niet als tekst.", basis.eenheid.name()),
        String::new(),
        "Blad Uitgaven: één rij per uitgavenartikel.".into(),
        "• Artikel: de artikelcode, bv. SB0-1SFE2AA-WT. ISE, ESR en Entiteit kiest u uit de lijst.".into(),
        "• Ontvanger: alleen bij een dotatie (ESR IS): de entiteit die de dotatie ontvangt.".into(),
        format!(
            "• Per VAK en VEK: {}, {} en {}. De laatste kolom is een formule en rekent zelf.",
            van.label(),
            bijstellingen.join(", "),
            naar.label()
        ),
        format!(
            "• {} + {} = {}: bbt controleert die som tot op de cent.",
            van.label(),
            bijstellingen.join(" + "),
            naar.label()
        ),
        "• Een nieuw artikel vult u in op een lege rij onderaan.".into(),
        "Blad Ontvangsten: één rij per ontvangstenartikel (vijfde teken van de code is 0).".into(),
        "Blad Toelichting: per regel een artikel, een omschrijving en het bedrag VAK en VEK van de bijstelling.".into(),
        String::new(),
    ];
    if copied {
        lines.push(format!("De cijfers {} komen uit het vorige document van dit project.", van.label()));
    } else {
        lines.push(format!(
            "De cijfers {} zijn nog niet beschikbaar: vul ze in vanuit de begrotingsaanpassing. Neem nooit de cijfers van de vorige begrotingsopmaak over.",
            van.label()
        ));
    }
    lines.push(format!(
        "Sla het ingevulde bestand op als <project>/{jaar}/{}/begroting.xlsx en controleer het met: bbt check --year {jaar} --phase {}",
        fase.folder(),
        fase.folder()
    ));
    for (i, l) in lines.iter().enumerate() {
        ws.write_string(2 + i as u32, 0, l)?;
    }
    ws.set_column_width(0, 120)?;
    Ok(())
}
