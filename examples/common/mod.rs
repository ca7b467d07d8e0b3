//! The budget workbook in the sample's layout (docs/workbook.md), shared by
//! the examples `sample_workbook` (the checked-in sample) and `bench_dataset`
//! (the synthetic whole-government dataset). BO is written as a formula of
//! its components, with its computed result cached, as a spreadsheet program
//! would save it.

use bbt::load::workbook::layout;
use bbt::model::budget::{Blad, Fase, Veld};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Formula, Workbook, Worksheet, XlsxError};

/// The headers of a sheet as bbt's layout names them, without the optional
/// ESR column (the code carries the ESR aggregate).
fn header_names(blad: Blad, jaar: i32) -> Vec<String> {
    layout::kolommen(blad, jaar, Fase::Bo).into_iter().filter(|k| k.veld != Veld::Esr).map(|k| k.naam).collect()
}

/// (VAK: BA t-1, index, compensaties, andere bijstellingen; VEK: the same.)
pub type Evolutie = ([i64; 4], [i64; 4]);

/// One row of the sheet `Uitgaven`.
#[derive(Clone, Copy)]
pub struct Uitgave<'a> {
    pub code: &'a str,
    pub omschrijving: &'a str,
    pub ise: &'a str,
    /// The receiving entity of a dotation (IS), else empty.
    pub ontvanger: &'a str,
    pub cijfers: Evolutie,
    pub korte_inhoud: &'a str,
}

/// One row of the sheet `Ontvangsten`.
#[derive(Clone, Copy)]
pub struct Ontvangst<'a> {
    pub code: &'a str,
    pub omschrijving: &'a str,
    pub ise: &'a str,
    pub ba: i64,
    pub bo: i64,
    pub korte_inhoud: &'a str,
}

/// One row of the optional sheet `Uitvoering`: an article's outturn in an
/// earlier year, VAK and VEK each as [BA, BA-JR, BU].
#[derive(Clone, Copy)]
pub struct Uitvoering<'a> {
    pub code: &'a str,
    pub omschrijving: &'a str,
    pub ise: &'a str,
    pub vak: [i64; 3],
    pub vek: [i64; 3],
}

/// One year's workbook.
pub struct Jaar<'a> {
    pub jaar: i32,
    /// The bevoegdheid, for the document title in the file's properties.
    pub bevoegdheid: &'a str,
    /// The unit, as in bbt.yaml: "duizend euro" or "euro".
    pub eenheid: &'a str,
    pub uitgaven: Vec<Uitgave<'a>>,
    pub ontvangsten: Vec<Ontvangst<'a>>,
    /// (article, description, VAK, VEK)
    pub toelichting: &'a [(&'a str, &'a str, i64, i64)],
    /// The creation date in the file's properties (the workbook has no other date).
    pub aangemaakt: (u16, u8, u8),
    /// Typed totals: a row `Totaal <ISE>` after each run of one ISE's
    /// articles and a row `Totaal` at the end of each sheet, as `SUM`
    /// formulas with their results cached.
    pub totalen: bool,
    /// (article, its Doelstellingen cell): the ODs it serves.
    pub doelstellingen: &'a [(&'a str, &'a str)],
    /// The sheet `Uitvoering`, written only when it has rows.
    pub uitvoering: Vec<Uitvoering<'a>>,
}

fn col_letter(c: u16) -> char {
    (b'A' + c as u8) as char
}

/// The ten amount columns of `Uitgaven`: F..O.
const BEDRAGEN: std::ops::Range<u16> = 5..15;

pub fn write(year: &Jaar, out: &str) -> Result<(), XlsxError> {
    let jaar = year.jaar;
    let mut wb = Workbook::new();
    let (y, m, d) = year.aangemaakt;
    let created = ExcelDateTime::from_ymd(y, m, d)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("Begroting {jaar} – {}", year.bevoegdheid))
            .set_author("Budgetcel")
            .set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold();
    let head = Format::new().set_bold().set_text_wrap();
    let amount = Format::new().set_num_format("#,##0");

    let ws = wb.add_worksheet();
    ws.set_name("Uitgaven")?;
    ws.write_string_with_format(
        0,
        0,
        format!("Begroting {jaar} – begrotingsopmaak – uitgaven ({})", year.eenheid),
        &bold,
    )?;
    let headers = header_names(Blad::Uitgaven, jaar);
    // The columns written below: text A..E, amounts F..O, korte inhoud P, doelstellingen Q.
    assert!(headers[4] == "Ontvanger" && headers[5].starts_with("VAK BA") && headers.len() == 17, "{headers:?}");
    let header_row = 2;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(header_row, c as u16, h, &head)?;
    }
    let mut r = header_row + 1;
    // The first row of the current ISE's run, and the rows of the ISE totals.
    let mut run_start = r;
    let mut ise_totals: Vec<u32> = Vec::new();
    for (i, u) in year.uitgaven.iter().enumerate() {
        let excel_row = r + 1;
        ws.write_string(r, 0, u.code)?;
        ws.write_string(r, 1, u.omschrijving)?;
        ws.write_string(r, 2, u.ise)?;
        ws.write_string(r, 3, &u.code[..3])?;
        if !u.ontvanger.is_empty() {
            ws.write_string(r, 4, u.ontvanger)?;
        }
        for (k, parts) in [u.cijfers.0, u.cijfers.1].iter().enumerate() {
            let first = 5 + 5 * k as u16;
            for (j, v) in parts.iter().enumerate() {
                ws.write_number_with_format(r, first + j as u16, *v as f64, &amount)?;
            }
            let formula = format!(
                "={a}{n}+{b}{n}+{c}{n}+{d}{n}",
                a = col_letter(first),
                b = col_letter(first + 1),
                c = col_letter(first + 2),
                d = col_letter(first + 3),
                n = excel_row
            );
            let result: i64 = parts.iter().sum();
            ws.write_formula_with_format(r, first + 4, Formula::new(formula).set_result(result.to_string()), &amount)?;
        }
        ws.write_string(r, 15, u.korte_inhoud)?;
        if let Some((_, ods)) = year.doelstellingen.iter().find(|(code, _)| *code == u.code) {
            ws.write_string(r, 16, *ods)?;
        }
        r += 1;
        let run_ends = year.uitgaven.get(i + 1).is_none_or(|next| next.ise != u.ise);
        if year.totalen && run_ends {
            let run = &year.uitgaven[i + 1 - (r - run_start) as usize..=i];
            let sums: Vec<i64> = BEDRAGEN.map(|c| run.iter().map(|u| uitgave_bedrag(u, c)).sum()).collect();
            ws.write_string_with_format(r, 0, format!("Totaal {}", u.ise), &bold)?;
            write_sums(ws, r, BEDRAGEN, &sums, |c| format!("=SUM({c}{}:{c}{})", run_start + 1, r), &bold)?;
            ise_totals.push(r);
            r += 1;
            run_start = r;
        }
    }
    if year.totalen {
        let sums: Vec<i64> = BEDRAGEN.map(|c| year.uitgaven.iter().map(|u| uitgave_bedrag(u, c)).sum()).collect();
        ws.write_string_with_format(r, 0, "Totaal", &bold)?;
        let refs = |c: char| ise_totals.iter().map(|t| format!("{c}{}", t + 1)).collect::<Vec<_>>().join(",");
        write_sums(ws, r, BEDRAGEN, &sums, |c| format!("=SUM({})", refs(c)), &bold)?;
    }
    ws.set_column_width(0, 17)?;
    ws.set_column_width(1, 44)?;
    ws.set_column_width(15, 60)?;
    ws.set_freeze_panes(header_row + 1, 1)?;

    let ws = wb.add_worksheet();
    ws.set_name("Ontvangsten")?;
    ws.write_string_with_format(
        0,
        0,
        format!("Begroting {jaar} – begrotingsopmaak – ontvangsten ({})", year.eenheid),
        &bold,
    )?;
    let headers = header_names(Blad::Ontvangsten, jaar);
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(header_row, c as u16, h, &head)?;
    }
    for (i, o) in year.ontvangsten.iter().enumerate() {
        let r = header_row + 1 + i as u32;
        ws.write_string(r, 0, o.code)?;
        ws.write_string(r, 1, o.omschrijving)?;
        ws.write_string(r, 2, o.ise)?;
        ws.write_string(r, 3, &o.code[..3])?;
        ws.write_number_with_format(r, 4, o.ba as f64, &amount)?;
        ws.write_number_with_format(r, 5, o.bo as f64, &amount)?;
        ws.write_string(r, 6, o.korte_inhoud)?;
    }
    if year.totalen && !year.ontvangsten.is_empty() {
        let r = header_row + 1 + year.ontvangsten.len() as u32;
        let sums = [year.ontvangsten.iter().map(|o| o.ba).sum(), year.ontvangsten.iter().map(|o| o.bo).sum()];
        ws.write_string_with_format(r, 0, "Totaal", &bold)?;
        write_sums(ws, r, 4..6, &sums, |c| format!("=SUM({c}{}:{c}{})", header_row + 2, r), &bold)?;
    }
    ws.set_column_width(0, 17)?;
    ws.set_column_width(1, 44)?;

    let ws = wb.add_worksheet();
    ws.set_name("Toelichting")?;
    for (c, h) in header_names(Blad::Toelichting, jaar).iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &head)?;
    }
    for (i, (code, text, vak, vek)) in year.toelichting.iter().enumerate() {
        let r = 1 + i as u32;
        ws.write_string(r, 0, *code)?;
        ws.write_string(r, 1, *text)?;
        ws.write_number_with_format(r, 2, *vak as f64, &amount)?;
        ws.write_number_with_format(r, 3, *vek as f64, &amount)?;
    }
    ws.set_column_width(0, 17)?;
    ws.set_column_width(1, 60)?;

    if !year.uitvoering.is_empty() {
        let ws = wb.add_worksheet();
        ws.set_name("Uitvoering")?;
        let headers = header_names(Blad::Uitvoering, jaar);
        // Text A..E (Artikel, Omschrijving, ISE, Entiteit, Ontvanger: left empty, bbt takes a
        // dotation's receiver from this year's article), amounts F..K.
        assert!(headers.len() == 11 && headers[5].starts_with("VAK BA"), "{headers:?}");
        for (c, h) in headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &head)?;
        }
        for (i, u) in year.uitvoering.iter().enumerate() {
            let r = 1 + i as u32;
            ws.write_string(r, 0, u.code)?;
            ws.write_string(r, 1, u.omschrijving)?;
            ws.write_string(r, 2, u.ise)?;
            ws.write_string(r, 3, &u.code[..3])?;
            for (c, v) in u.vak.iter().chain(u.vek.iter()).enumerate() {
                ws.write_number_with_format(r, 5 + c as u16, *v as f64, &amount)?;
            }
        }
        ws.set_column_width(0, 17)?;
        ws.set_column_width(1, 44)?;
    }

    wb.save(out)
}

/// The amount of an expenditure row in column `c` (5..15).
fn uitgave_bedrag(u: &Uitgave, c: u16) -> i64 {
    let k = (c - 5) / 5;
    let parts = if k == 0 { u.cijfers.0 } else { u.cijfers.1 };
    match (c - 5) % 5 {
        4 => parts.iter().sum(),
        j => parts[j as usize],
    }
}

/// A total row's amounts: a formula per column, with its result cached.
fn write_sums(
    ws: &mut Worksheet,
    r: u32,
    cols: std::ops::Range<u16>,
    sums: &[i64],
    formula: impl Fn(char) -> String,
    format: &Format,
) -> Result<(), XlsxError> {
    let format = format.clone().set_num_format("#,##0");
    for (c, sum) in cols.zip(sums) {
        let f = Formula::new(formula(col_letter(c))).set_result(sum.to_string());
        ws.write_formula_with_format(r, c, f, &format)?;
    }
    Ok(())
}
