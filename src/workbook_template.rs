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
    DataValidation, DataValidationErrorStyle, Format, FormatAlign, Formula, ProtectionOptions, Workbook, Worksheet,
    XlsxError,
};

use crate::load::TemplateBasis;
use crate::load::workbook::layout;
use crate::model::budget::{ArtikelSoort, Bijstelling, Blad, Fase, Krediet, Slot, Stand, Uitvoeringsstand, Veld};
use crate::model::{Artikel, EntiteitCode, Money, Unit};

/// Spare rows below the known articles, for new ones.
const SPARE_ROWS: u32 = 60;
/// The header row (0-based) of the data sheets; a title and a note stand above it.
const HEADER_ROW: u32 = 2;

const ESR: [&str; 6] = ["WT", "LO", "PR", "IS", "LE", "PA"];

/// The file name of the template: `begroting-<jaar>-<fase>.xlsx`.
pub fn file_name(jaar: i32, fase: Fase) -> String {
    format!("begroting-{jaar}-{}.xlsx", fase.folder())
}

/// Where to save the filled workbook and how to check it. The sheet is read
/// by whoever fills it in, often on another computer: the place is said from
/// the project folder's name ("de map 2027/bo van de projectmap samen"), the
/// command with the project as the user gave it (quoted as a shell word when
/// it holds a space or a quote).
fn bewaren(project: &std::path::Path, jaar: i32, fase: Fase) -> String {
    let given = project.display().to_string();
    let word = if given.contains([' ', '\'', '"']) { format!("\"{}\"", given.replace('"', "\\\"")) } else { given };
    let name = std::fs::canonicalize(project)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| project.display().to_string());
    let waar = if word == "." { " (in de projectmap)" } else { "" };
    format!(
        "Sla het ingevulde bestand op als begroting.xlsx in de map {jaar}/{f} van de projectmap {name}, en controleer het met: bbt check {word} --year {jaar} --phase {f}{waar}",
        f = fase.folder()
    )
}

/// The blank workbook's bytes. `project` is the project folder as the user
/// named it, for the command in the instructions.
pub fn write(basis: &TemplateBasis, jaar: i32, fase: Fase, project: &std::path::Path) -> Result<Vec<u8>, XlsxError> {
    let (van, _) = Stand::evolutie(jaar, fase);
    // The previous document's final standing is this one's start only when
    // they are the same standing (BA t-1 from a BA document, BO t in a BA).
    let copy_start = basis.previous.as_ref().is_some_and(|p| van.continues(Stand::evolutie(p.jaar, p.fase).1));
    let start = |a: &Artikel, k: Krediet| -> Option<i64> {
        basis.previous.as_ref()?;
        copy_start.then(|| units(a.naar(k), basis.eenheid))
    };
    let artikelen: Vec<&Artikel> = basis.previous.iter().flat_map(|p| p.begroting.artikelen.iter()).collect();

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

    instructions(wb.add_worksheet(), basis, (jaar, fase, project), copy_start, &title)?;

    let ranges = Ranges { ise: &ise_codes, entiteiten: &entiteiten };
    let formats = Formats { head: &head, input: &input, amount_in: &amount_in, amount_calc: &amount_calc };
    for (blad, soort) in [(Blad::Uitgaven, ArtikelSoort::Uitgave), (Blad::Ontvangsten, ArtikelSoort::Ontvangst)] {
        let ws = wb.add_worksheet();
        ws.set_name(layout::naam(blad))?;
        let wat = if soort == ArtikelSoort::Uitgave { "uitgaven" } else { "ontvangsten" };
        ws.write_string_with_format(
            0,
            0,
            format!("Begroting {jaar} – {} – {wat} ({})", fase.naam(), basis.eenheid.name()),
            &title,
        )?;
        ws.write_string_with_format(1, 0, start_note(copy_start, van), &note)?;
        let rows: Vec<Option<&Artikel>> = artikelen
            .iter()
            .filter(|a| a.soort() == soort)
            .map(|a| Some(*a))
            .chain(std::iter::repeat_n(
                None,
                if soort == ArtikelSoort::Uitgave { SPARE_ROWS as usize } else { SPARE_ROWS as usize / 4 },
            ))
            .collect();
        articles_sheet(ws, &layout::kolommen(blad, jaar, fase), &rows, &start, &formats, &ranges)?;
        ws.protect_with_options(&protection);
    }

    // Toelichting.
    let ws = wb.add_worksheet();
    ws.set_name(layout::naam(Blad::Toelichting))?;
    let kolommen = layout::kolommen(Blad::Toelichting, jaar, fase);
    for (c, k) in kolommen.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, &k.naam, &head)?;
    }
    for r in 1..=200 {
        for (c, k) in kolommen.iter().enumerate() {
            let format = if matches!(k.veld, Veld::Lijn(_)) { &amount_in } else { &input };
            ws.write_blank(r, c as u16, format)?;
        }
    }
    ws.set_column_width(0, 17)?;
    ws.set_column_width(1, 60)?;
    ws.set_column_range_width(2, 3, 12)?;
    ws.set_freeze_panes(1, 0)?;
    ws.protect_with_options(&protection);

    // Uitvoering (optional): the outturn of an earlier year, typed from the
    // outturn account; no rows are known in advance.
    let ws = wb.add_worksheet();
    ws.set_name(layout::naam(Blad::Uitvoering))?;
    let uj = Uitvoeringsstand::jaar(jaar, fase);
    ws.write_string_with_format(0, 0, format!("Uitvoering {uj} (optioneel) ({})", basis.eenheid.name()), &title)?;
    ws.write_string_with_format(1, 0, format!("Optioneel. {}", uitvoering_note(uj)), &note)?;
    // Room for every article of the previous document and new ones.
    let rows = vec![None; artikelen.len() + SPARE_ROWS as usize];
    articles_sheet(ws, &layout::kolommen(Blad::Uitvoering, jaar, fase), &rows, &start, &formats, &ranges)?;
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

/// The formats of the data sheets.
struct Formats<'f> {
    head: &'f Format,
    input: &'f Format,
    amount_in: &'f Format,
    amount_calc: &'f Format,
}

/// The values the dropdowns offer.
struct Ranges<'r> {
    ise: &'r [&'r str],
    entiteiten: &'r [&'r str],
}

/// The header and the rows of an articles sheet, column by column as the
/// layout has them: one row per known article (`Some`), then spare rows.
/// The final standing of each credit (VAK, VEK) is a formula of the amounts
/// before it, with its result stored; a revenue estimate is typed.
fn articles_sheet(
    ws: &mut Worksheet,
    kolommen: &[layout::Kolom],
    rows: &[Option<&Artikel>],
    start: &dyn Fn(&Artikel, Krediet) -> Option<i64>,
    f: &Formats,
    ranges: &Ranges,
) -> Result<(), XlsxError> {
    for (c, k) in kolommen.iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, c as u16, &k.naam, f.head)?;
    }
    let col_of = |veld: Veld| kolommen.iter().position(|k| k.veld == veld).map(|c| c as u16);
    for (i, art) in rows.iter().enumerate() {
        let r = HEADER_ROW + 1 + i as u32;
        for (c, k) in kolommen.iter().enumerate() {
            let c = c as u16;
            let text = |a: &Artikel| -> Option<String> {
                match k.veld {
                    Veld::Artikel => Some(a.code.to_string()),
                    Veld::Omschrijving => Some(a.titel.clone()),
                    Veld::Ise => Some(a.ise_code.to_string()),
                    Veld::Esr => Some(a.esr().code().to_string()),
                    Veld::Entiteit => Some(a.entiteit.to_string()),
                    Veld::Ontvanger => a.ontvanger.as_ref().map(EntiteitCode::to_string),
                    Veld::Doelstellingen => (!a.doelstellingen.is_empty()).then(|| a.doelstellingen.join("; ")),
                    Veld::KorteInhoud => Some(a.korte_inhoud.clone()),
                    Veld::Bedrag(_) | Veld::Lijn(_) | Veld::Uitvoering(..) => None,
                }
            };
            match k.veld {
                // Revenue has no movements: its estimate is typed, not computed.
                Veld::Bedrag(Slot::Naar(Krediet::Ontvangst)) => ws.write_blank(r, c, f.amount_in)?,
                Veld::Bedrag(Slot::Naar(kr)) => {
                    // Every amount of this credit kind before it.
                    let parts: Vec<String> = kolommen
                        .iter()
                        .enumerate()
                        .filter(|(_, o)| matches!(o.veld, Veld::Bedrag(Slot::Van(x) | Slot::Bij(_, x)) if x == kr))
                        .map(|(j, _)| format!("{}{}", col_name(j as u16), r + 1))
                        .collect();
                    let begin = art.and_then(|a| start(a, kr)).unwrap_or(0);
                    let formula = Formula::new(format!("={}", parts.join("+"))).set_result(begin.to_string());
                    ws.write_formula_with_format(r, c, formula, f.amount_calc)?
                }
                Veld::Bedrag(Slot::Van(kr)) => match art.and_then(|a| start(a, kr)) {
                    Some(v) => ws.write_number_with_format(r, c, v as f64, f.amount_in)?,
                    None => ws.write_blank(r, c, f.amount_in)?,
                },
                Veld::Bedrag(_) | Veld::Lijn(_) | Veld::Uitvoering(..) => ws.write_blank(r, c, f.amount_in)?,
                _ => match art.and_then(text) {
                    Some(t) => ws.write_string_with_format(r, c, t, f.input)?,
                    None => ws.write_blank(r, c, f.input)?,
                },
            };
        }
    }
    let last_row = HEADER_ROW + rows.len() as u32;
    for (veld, title, values) in [
        (Veld::Ise, "ISE", ranges.ise),
        (Veld::Esr, "ESR-aggregaat", &ESR[..]),
        (Veld::Entiteit, "Entiteit", ranges.entiteiten),
        (Veld::Ontvanger, "Ontvanger (bij IS)", ranges.entiteiten),
    ] {
        if let Some(c) = col_of(veld) {
            dropdown(ws, c, last_row, title, values)?;
        }
    }
    let amounts: Vec<u16> =
        kolommen.iter().enumerate().filter(|(_, k)| k.veld.is_bedrag()).map(|(c, _)| c as u16).collect();
    ws.set_column_width(0, 17)?;
    ws.set_column_width(1, 40)?;
    if let (Some(&first), Some(&last)) = (amounts.first(), amounts.last()) {
        ws.set_column_range_width(first, last, 12)?;
    }
    if let Some(c) = col_of(Veld::KorteInhoud) {
        ws.set_column_width(c, 60)?;
    }
    if let Some(c) = col_of(Veld::Doelstellingen) {
        ws.set_column_width(c, 16)?;
    }
    ws.set_freeze_panes(HEADER_ROW + 1, 1)?;
    Ok(())
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
        .set_input_message("Kies een waarde uit de lijst.")?
        // A code the structure gained after this workbook was made (a new
        // ISE in bbt.yaml) can still be typed: bbt check checks every code.
        .set_error_style(DataValidationErrorStyle::Warning)
        .set_error_title("Niet in de lijst")?
        .set_error_message(
            "Deze waarde staat niet in de lijst van dit werkboek. Staat ze in bbt.yaml (bijvoorbeeld een nieuwe ISE), kies dan Ja: bbt check controleert elke code.",
        )?;
    ws.add_data_validation(HEADER_ROW + 1, col, last_row, col, &v)?;
    Ok(())
}

fn units(m: Money, unit: Unit) -> i64 {
    m.cents() / unit.cents()
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

/// What the sheet Uitvoering is for, above its header.
fn uitvoering_note(jaar: i32) -> String {
    let [ba, ba_jr, bu] = Uitvoeringsstand::ALL.map(|s| s.label(jaar));
    format!(
        "Per uitgavenartikel de kredieten {ba} en {ba_jr} en de uitvoering {bu} (vastleggingen onder VAK, vereffeningen onder VEK), zoals in de uitvoeringsrekening. Artikel: de code van {jaar}; ISE: de ISE van dit jaar waaronder het artikel nu valt. Ingevuld toont het document per ISE de uitvoering en de uitvoeringsgraad; leeg toont het niets."
    )
}

fn col_name(c: u16) -> String {
    crate::diag::Location::cell_name(0, u32::from(c)).trim_end_matches('1').to_string()
}

fn instructions(
    ws: &mut Worksheet,
    basis: &TemplateBasis,
    (jaar, fase, project): (i32, Fase, &std::path::Path),
    copied: bool,
    title: &Format,
) -> Result<(), XlsxError> {
    let (van, naar) = Stand::evolutie(jaar, fase);
    ws.set_name("Instructies")?;
    ws.write_string_with_format(0, 0, format!("Begroting {jaar} – {} – invulinstructies", fase.naam()), title)?;
    let bijstellingen: Vec<&str> = Bijstelling::voor_fase(fase).iter().map(|(_, n)| *n).collect();
    let mut lines = vec![
        format!("Beleidsdomein: {} ({}).", basis.beleidsnota.bevoegdheid, basis.beleidsnota.legislatuur),
        format!("Alle bedragen in {}, als gehele getallen; typ ze als getal, niet als tekst.", basis.eenheid.name()),
        String::new(),
        "Blad Uitgaven: één rij per uitgavenartikel.".into(),
        "• Artikel: de artikelcode, bv. SB0-1SFE2AA-WT. ISE, ESR en Entiteit kiest u uit de lijst.".into(),
        "• Ontvanger: alleen bij een dotatie (ESR IS): de entiteit die de dotatie ontvangt.".into(),
        "• Doelstellingen (mag leeg blijven): de operationele doelstelling(en) waaraan het artikel bijdraagt, met hun nummer, gescheiden door een puntkomma (bv. 2.1; 2.2). Staat er bij minstens één artikel iets, dan toont de bijlage de kredieten per doelstelling.".into(),
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
        format!("Blad Uitvoering (optioneel): {}", uitvoering_note(Uitvoeringsstand::jaar(jaar, fase))),
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
    lines.push(bewaren(project, jaar, fase));
    for (i, l) in lines.iter().enumerate() {
        ws.write_string(2 + i as u32, 0, l)?;
    }
    ws.set_column_width(0, 120)?;
    Ok(())
}
