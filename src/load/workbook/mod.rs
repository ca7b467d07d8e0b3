//! The budget workbook (`begroting.xlsx` and its siblings): finance staff's
//! figures per article, read with calamine, the one parser of cells.
//!
//! The layout (sheets, columns) is [`layout`]'s. Each sheet is read row by
//! row, values and formulas together, and each row becomes an article (or a
//! typed total, or an itemised line) as it is read: no grid of the sheet is
//! ever held. xlsx and xlsm stream in one pass; xlsb streams its formulas,
//! then its values; xls and ods are read whole by calamine, after
//! [`size::check`] has measured what that would hold. Amounts are converted
//! here, once, into exact [`Money`].

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use calamine::{Data, Reader, Sheets, open_workbook_auto};

use crate::diag::{Diagnostic, Location};
use crate::i18n::{n, number};
use crate::model::budget::{
    ArtikelCode, ArtikelSoort, Bedragen, Begroting, Blad, Cellen, Fase, Krediet, Realisatie, Slot, ToelichtingLijn,
    Totaalrij, UitvoeringRij, Uitvoeringsstand, Veld,
};
use crate::model::{Artikel, EntiteitCode, IseCode, Money, Unit};
use crate::{rules, tr};

pub(crate) mod guard;
pub mod layout;
mod size;

/// The extensions a workbook may have, in the order they are looked for.
pub const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// The most cells (rows × columns of the used area) a sheet may span: far
/// beyond any budget (100,000 articles × 100 columns), far below what would
/// exhaust memory where calamine holds a sheet whole (xls, ods).
pub const MAX_CELLS: u64 = 10_000_000;

/// The largest workbook file, and the most its parts may unpack to (xlsx,
/// xlsm, xlsb and ods are zip archives): a budget's workbook is a few
/// megabytes; a "zip bomb" of a few kilobytes can unpack to gigabytes.
pub const MAX_BYTES: u64 = 100_000_000;

/// What the loader needs to know about the document.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub jaar: i32,
    pub fase: Fase,
    pub eenheid: Unit,
}

/// Reads the workbook at `path`. Returns the articles it could read and every
/// problem found; a problem in one cell does not stop the others being read.
pub fn load(path: &Path, cx: Context) -> (Begroting, Vec<Diagnostic>) {
    if let Err(d) = super::regular_file(path).and_then(|()| size::check(path)) {
        return (Begroting::default(), vec![d]);
    }
    match guard::quietly(|| read(path, cx)) {
        Ok((begroting, mut diags)) => {
            gather_stale(&mut diags);
            (begroting, diags)
        }
        Err(panic) => (
            Begroting::default(),
            vec![
                rules::NOT_A_WORKBOOK
                    .report(tr!("w001-damaged"))
                    .at(Location::File { file: path.to_path_buf() })
                    .hint(tr!("w001-damaged.hint"))
                    .hint(tr!("w001-technical", fout = panic)),
            ],
        ),
    }
}

/// More formulas without a computed value than this are one diagnostic: a
/// workbook saved by a program that does not calculate has them all.
const STALE_SHOWN: usize = 3;

/// Many W011 (a workbook saved uncalculated) as one diagnostic with their
/// count, their cells and the fix, at the first.
fn gather_stale(diags: &mut Vec<Diagnostic>) {
    const LISTED: usize = 10;
    let count = diags.iter().filter(|d| d.code == rules::STALE_FORMULA).count();
    if count <= STALE_SHOWN {
        return;
    }
    let mut first = None;
    let mut cells = Vec::new();
    diags.retain(|d| {
        if d.code != rules::STALE_FORMULA {
            return true;
        }
        if let Some(Location::Cell { sheet, row, col, .. }) = &d.location {
            cells.push(format!("{sheet}!{}", Location::cell_name(*row, *col)));
        }
        if first.is_none() {
            first = d.location.clone();
        }
        false
    });
    let mut lijst = cells.iter().take(LISTED).cloned().collect::<Vec<_>>().join(", ");
    if cells.len() > LISTED {
        lijst.push_str(", …");
    }
    diags.push(
        rules::STALE_FORMULA
            .report(tr!("w011-many", aantal = n(count), cellen = lijst))
            .at_opt(first)
            .hint(tr!("w011-empty.hint")),
    );
}

/// [`load`] once the file's size is known to be sound.
fn read(path: &Path, cx: Context) -> (Begroting, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut book = match open_workbook_auto(path) {
        Ok(book) => book,
        Err(e) => {
            let d = match &e {
                _ if e.to_string().contains("password protected") => {
                    rules::NOT_A_WORKBOOK.report(tr!("w001-password")).hint(tr!("w001-password.hint"))
                }
                calamine::Error::Io(io) => {
                    rules::NOT_A_WORKBOOK.report(tr!("w001-io", fout = crate::i18n::io_error(io)))
                }
                _ => rules::NOT_A_WORKBOOK
                    .report(tr!("w001-unreadable"))
                    .hint(tr!("w001-unreadable.hint"))
                    .hint(tr!("w001-technical", fout = e)),
            };
            return (Begroting::default(), vec![d.at(Location::File { file: path.to_path_buf() })]);
        }
    };
    let names = book.sheet_names().to_vec();
    let shared: Arc<Path> = Arc::from(path);
    let cellen = Cellen { file: Some(shared.clone()), bladen: Vec::new() };
    let mut reader =
        SheetReader { suggested: 0, path: shared, cx, begroting: Begroting::new(Vec::new(), Vec::new(), true, cellen) };
    let mut tally = size::Tally::default();
    let mut volledig = true;
    for blad in Blad::ALL {
        let wanted = layout::naam(blad);
        let Some(actual) = names.iter().find(|n| n.trim().eq_ignore_ascii_case(wanted)) else {
            if blad == Blad::Uitgaven {
                volledig = false;
                diags.push(
                    rules::MISSING_SHEET
                        .report(tr!("w002", blad = wanted))
                        .at(Location::File { file: path.to_path_buf() })
                        .hint(tr!("w002.hint", lijst = names.join(", "))),
                );
            }
            continue;
        };
        let mut sheet = Sheet::new(blad, actual, reader.columns(blad), volledig);
        tally.start(actual);
        let streamed = rows(&mut book, actual, &mut tally, |row, cells| {
            reader.row(&mut sheet, row, cells, &mut diags);
        });
        if let Err(e) = streamed {
            diags.push(match e {
                SheetError::TooLarge { row, col } => size::too_large(path, actual, row.into(), col.into()),
                SheetError::Read(e) => rules::NOT_A_WORKBOOK
                    .report(tr!("w001-sheet", blad = actual))
                    .at(Location::File { file: path.to_path_buf() })
                    .hint(tr!("w001-damaged.hint"))
                    .hint(tr!("w001-technical", fout = e)),
            });
            sheet.complete = false;
        }
        // The optional outturn sheet without a header row (empty, or a sheet
        // of the user's own with that name) is as good as absent.
        if sheet.header.is_none() && !sheet.failed_header && blad != Blad::Uitvoering {
            sheet.complete = false;
            diags.push(
                rules::MISSING_COLUMN
                    .report(tr!("w003-header", blad = actual))
                    .at(reader.loc(&sheet, sheet.first.map_or(0, |f| f.0), sheet.first.map_or(0, |f| f.1)))
                    .hint(tr!("w003-header.hint")),
            );
        }
        if let Some(header) = &sheet.header {
            reader.begroting.cellen.bladen.push((blad, sheet.name.clone(), header.velden.clone()));
        }
        if matches!(blad, Blad::Uitgaven | Blad::Ontvangsten) {
            volledig &= sheet.complete;
        }
    }
    let mut begroting = reader.begroting;
    begroting.volledig = volledig;
    (begroting, diags)
}

/// Why a sheet could not be read to its end.
enum SheetError {
    /// The used area passes [`MAX_CELLS`]; the cell that made it so.
    TooLarge {
        row: u32,
        col: u32,
    },
    Read(String),
}

/// One cell of a row: its column, its value (the cached result of a
/// formula) and its formula, if any.
struct Cel {
    col: u32,
    value: Data,
    formula: Option<String>,
}

/// Calls `row` with each row of the sheet `name` that has cells, in order,
/// its cells sorted by column. Cells are counted as they come; reading stops
/// at the first that takes the sheet past [`MAX_CELLS`].
fn rows<RS: std::io::Read + std::io::Seek>(
    book: &mut Sheets<RS>,
    name: &str,
    tally: &mut size::Tally,
    mut row: impl FnMut(u32, &mut Vec<Cel>),
) -> Result<(), SheetError> {
    let read = |e: &dyn std::fmt::Display| SheetError::Read(e.to_string());
    let mut current: Option<u32> = None;
    let mut cells: Vec<Cel> = Vec::new();
    let mut push = |r: u32, cel: Cel| -> Result<(), SheetError> {
        if cel.value == Data::Empty && cel.formula.is_none() {
            return Ok(());
        }
        tally.cells(r.into(), r.into(), cel.col.into(), cel.col.into());
        if tally.over() {
            return Err(SheetError::TooLarge { row: r, col: cel.col });
        }
        match current {
            Some(c) if c == r => {}
            Some(c) if c > r => {
                return Err(SheetError::Read(format!(
                    "row {} comes after row {} in the file; open the workbook in Excel or LibreOffice and save it again",
                    r + 1,
                    c + 1
                )));
            }
            Some(c) => {
                cells.sort_by_key(|x| x.col);
                row(c, &mut cells);
                cells.clear();
                current = Some(r);
            }
            None => current = Some(r),
        }
        cells.push(cel);
        Ok(())
    };
    match book {
        Sheets::Xlsx(x) => {
            let mut cells = x.worksheet_cells_reader(name).map_err(|e| read(&e))?;
            while let Some(c) = cells.next_cell_with_formula().map_err(|e| read(&e))? {
                let (r, col) = c.pos;
                push(r, Cel { col, value: Data::from(c.value), formula: c.formula.filter(|f| !f.is_empty()) })?;
            }
        }
        Sheets::Xlsb(x) => {
            // calamine streams an xlsb sheet's formulas and its values apart.
            let mut formulas: HashMap<(u32, u32), String> = HashMap::new();
            {
                let mut cells = x.worksheet_cells_reader(name).map_err(|e| read(&e))?;
                while let Some(f) = cells.next_formula().map_err(|e| read(&e))? {
                    if !f.get_value().is_empty() {
                        formulas.insert(f.get_position(), f.get_value().clone());
                    }
                }
            }
            let mut cells = x.worksheet_cells_reader(name).map_err(|e| read(&e))?;
            while let Some(c) = cells.next_cell().map_err(|e| read(&e))? {
                let (r, col) = c.get_position();
                let formula = formulas.remove(&(r, col));
                push(r, Cel { col, value: Data::from(c.get_value().clone()), formula })?;
            }
        }
        // xls and ods: calamine reads the sheet whole; size::check measured
        // it before the file was opened.
        other => {
            let values = other.worksheet_range(name).map_err(|e| read(&e))?;
            let formulas = other.worksheet_formula(name).ok();
            let Some((r0, c0)) = values.start() else { return Ok(()) };
            for (i, cells) in values.rows().enumerate() {
                let r = r0 + i as u32;
                for (j, v) in cells.iter().enumerate() {
                    let col = c0 + j as u32;
                    let formula =
                        formulas.as_ref().and_then(|f| f.get_value((r, col))).filter(|f| !f.is_empty()).cloned();
                    push(r, Cel { col, value: v.clone(), formula })?;
                }
            }
        }
    }
    if let Some(c) = current {
        cells.sort_by_key(|x| x.col);
        row(c, &mut cells);
    }
    Ok(())
}

/// Finds the one workbook of a document folder: `begroting.<ext>`.
pub fn find(dir: &Path) -> Result<PathBuf, Diagnostic> {
    let found: Vec<PathBuf> =
        EXTENSIONS.iter().map(|ext| dir.join(format!("begroting.{ext}"))).filter(|p| super::present(p)).collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(rules::NOT_A_WORKBOOK
            .report(tr!("w001-none"))
            .at(Location::File { file: dir.to_path_buf() })
            .hint(tr!("w001-none.hint"))),
        many => Err(rules::NOT_A_WORKBOOK
            .report(tr!("w001-many", aantal = many.len()))
            .at(Location::File { file: dir.to_path_buf() })
            .hint(tr!(
                "w001-many.hint",
                lijst = many
                    .iter()
                    .filter_map(|p| p.file_name())
                    .map(|n| n.to_string_lossy())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
    }
}

/// Normalises a header for comparison: trimmed, inner whitespace collapsed, lowercase.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A sheet's header row, resolved.
struct Header {
    /// Each field found, with its column.
    velden: Vec<(Veld, u32)>,
}

impl Header {
    fn col(&self, veld: Veld) -> Option<u32> {
        self.velden.iter().find(|(v, _)| *v == veld).map(|(_, c)| *c)
    }
}

/// One sheet as it is read.
struct Sheet {
    blad: Blad,
    name: Arc<str>,
    columns: Vec<layout::Kolom>,
    header: Option<Header>,
    /// The header row was found but cannot be used (already reported).
    failed_header: bool,
    /// The first cell with a value: where the header is looked for from.
    first: Option<(u32, u32)>,
    /// False when a row could not be read as an article (already reported).
    complete: bool,
    /// Whether an itemised line for no article is reported: only when every
    /// article was read.
    strays: bool,
}

impl Sheet {
    fn new(blad: Blad, name: &str, columns: Vec<layout::Kolom>, articles_read: bool) -> Sheet {
        Sheet {
            blad,
            name: Arc::from(name),
            columns,
            header: None,
            failed_header: false,
            first: None,
            complete: true,
            strays: articles_read,
        }
    }
}

/// One row's cells, looked up by field.
struct Row<'r> {
    row: u32,
    cells: &'r [Cel],
    header: &'r Header,
}

impl Row<'_> {
    fn cel(&self, veld: Veld) -> Option<(&Cel, u32)> {
        let col = self.header.col(veld)?;
        let cel = self.cells.binary_search_by_key(&col, |c| c.col).ok().and_then(|i| self.cells.get(i));
        Some((cel.unwrap_or(&EMPTY), col))
    }

    /// The value of an evaluable formula's cell on this row; other rows are
    /// not held.
    fn number(&self, row: u32, col: u32) -> Option<f64> {
        if row != self.row {
            return None;
        }
        match self.cells.binary_search_by_key(&col, |c| c.col).ok().and_then(|i| self.cells.get(i)).map(|c| &c.value) {
            None | Some(Data::Empty) => Some(0.0),
            Some(Data::Float(x)) => Some(*x),
            Some(Data::Int(i)) => Some(*i as f64),
            _ => None,
        }
    }
}

static EMPTY: Cel = Cel { col: 0, value: Data::Empty, formula: None };

/// The most itemised lines for no article that get a "did you mean".
const MAX_SUGGESTIONS: usize = 20;

struct SheetReader {
    /// Itemised lines for no article met so far.
    suggested: usize,
    path: Arc<Path>,
    cx: Context,
    /// What has been read so far.
    begroting: Begroting,
}

impl SheetReader {
    fn columns(&self, blad: Blad) -> Vec<layout::Kolom> {
        layout::kolommen(blad, self.cx.jaar, self.cx.fase)
    }

    fn loc(&self, sheet: &Sheet, row: u32, col: u32) -> Location {
        Location::Cell { file: self.path.clone(), sheet: sheet.name.clone(), row, col }
    }

    /// One row of a sheet: the header row is looked for in the first rows;
    /// below it, each row that holds anything is an article, a typed total
    /// or an itemised line.
    fn row(&mut self, sheet: &mut Sheet, row: u32, cells: &mut [Cel], diags: &mut Vec<Diagnostic>) {
        if sheet.failed_header {
            return;
        }
        let Some(header) = sheet.header.take() else {
            let first = *sheet.first.get_or_insert((row, cells.first().map_or(0, |c| c.col)));
            if row <= first.0 + 30 {
                self.header(sheet, row, cells, diags);
            }
            return;
        };
        let r = Row { row, cells, header: &header };
        // Blank rows are skipped, and so are rows with no text whose only
        // figures are zeros (a template's spare rows, where BO computes 0).
        let blank = header.velden.iter().all(|&(v, _)| match r.cel(v).map(|(c, _)| &c.value) {
            None | Some(Data::Empty) => true,
            Some(Data::String(s)) => s.trim().is_empty(),
            Some(Data::Float(f)) => *f == 0.0,
            Some(Data::Int(i)) => *i == 0,
            Some(_) => false,
        });
        if !blank {
            match sheet.blad {
                Blad::Toelichting => self.line(sheet, &r, diags),
                Blad::Uitvoering => self.uitvoering_row(sheet, &r, diags),
                Blad::Uitgaven | Blad::Ontvangsten => self.article_row(sheet, &r, diags),
            }
        }
        sheet.header = Some(header);
    }

    /// Reads the header row if `cells` is one (it holds the column
    /// `Artikel`), reporting a column bbt reads found twice (W013) and the
    /// required columns missing (W003).
    fn header(&mut self, sheet: &mut Sheet, row: u32, cells: &[Cel], diags: &mut Vec<Diagnostic>) {
        let found: Vec<(String, u32)> = cells
            .iter()
            .filter_map(|c| match &c.value {
                Data::String(s) if !s.trim().is_empty() => Some((s.trim().to_string(), c.col)),
                _ => None,
            })
            .collect();
        let key = norm("Artikel");
        if !found.iter().any(|(s, _)| norm(s) == key) {
            return;
        }
        let mut map: BTreeMap<String, u32> = BTreeMap::new();
        for (name, c) in &found {
            let key = norm(name);
            match map.get(&key) {
                // A column bbt reads that appears twice: which one holds the
                // figures is anybody's guess, so neither is read.
                Some(&first) if sheet.columns.iter().any(|col| norm(&col.naam) == key) => {
                    sheet.failed_header = true;
                    diags.push(
                        rules::DUPLICATE_COLUMN
                            .report(tr!("w013", blad = &sheet.name, kolom = name))
                            .at(self.loc(sheet, row, *c))
                            .related(self.loc(sheet, row, first), tr!("first-here"))
                            .hint(tr!("w013.hint")),
                    );
                }
                Some(_) => {}
                None => {
                    map.insert(key, *c);
                }
            }
        }
        let missing: Vec<&str> = sheet
            .columns
            .iter()
            .filter(|c| c.verplicht && !map.contains_key(&norm(&c.naam)))
            .map(|c| c.naam.as_str())
            .collect();
        if !missing.is_empty() && !sheet.failed_header {
            sheet.failed_header = true;
            diags.push(
                rules::MISSING_COLUMN
                    .report(tr!(
                        "w003",
                        blad = &sheet.name,
                        aantal = n(missing.len()),
                        kolommen = missing.iter().map(|m| format!("'{m}'")).collect::<Vec<_>>().join(", ")
                    ))
                    .at(self.loc(sheet, row, sheet.first.map_or(0, |f| f.1).min(found.first().map_or(0, |f| f.1))))
                    .hint(tr!(
                        "w003.hint",
                        rij = row + 1,
                        lijst = found.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>().join(", ")
                    )),
            );
        }
        if sheet.failed_header {
            sheet.complete = false;
            return;
        }
        let velden = sheet.columns.iter().filter_map(|c| map.get(&norm(&c.naam)).map(|&col| (c.veld, col))).collect();
        sheet.header = Some(Header { velden });
    }

    fn text(
        &self,
        sheet: &Sheet,
        row: &Row,
        veld: Veld,
        required: bool,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<String> {
        let (cel, col) = row.cel(veld)?;
        if let Data::String(s) = &cel.value
            && !s.trim().is_empty()
        {
            return Some(s.trim().to_string());
        }
        let name = || sheet.columns.iter().find(|c| c.veld == veld).map_or("", |c| c.naam.as_str()).to_string();
        // Only a problem needs the cell's location.
        let loc = || self.loc(sheet, row.row, col);
        match &cel.value {
            Data::Empty | Data::String(_) => {
                if required {
                    let name = name();
                    diags.push(
                        rules::BAD_TEXT
                            .report(tr!("w005-empty", kolom = &name))
                            .at(loc())
                            .hint(tr!("w005-empty.hint", kolom = &name)),
                    );
                }
                None
            }
            Data::Error(e) => {
                diags.push(rules::ERROR_CELL.report(tr!("w006", kolom = name(), fout = e)).at(loc()));
                None
            }
            Data::Int(i) => Some(i.to_string()),
            other => {
                diags.push(
                    rules::BAD_TEXT.report(tr!("w005-not-text", kolom = name(), gevonden = describe(other))).at(loc()),
                );
                None
            }
        }
    }

    /// Reads an amount cell. Every way a cell can fail to be an amount is an
    /// error at that cell, so `None` always comes with an error in `diags`;
    /// a number typed as text is read, with a warning.
    fn amount(&self, sheet: &Sheet, row: &Row, veld: Veld, diags: &mut Vec<Diagnostic>) -> Option<Money> {
        let (cel, col) = row.cel(veld)?;
        let name = sheet.columns.iter().find(|c| c.veld == veld).map_or("", |c| c.naam.as_str());
        match self.cell_amount(row, cel, name) {
            Ok((m, warning)) => {
                diags.extend(warning.map(|w| w.at(self.loc(sheet, row.row, col))));
                Some(m)
            }
            Err(mut error) => {
                // An error value a formula computed comes most often from
                // text typed in a cell it uses: name those of its row.
                // The formula itself is locked and right: its hint would
                // send the user to the wrong cell.
                if error.code == rules::ERROR_CELL && cel.formula.is_some() {
                    let texts = self.text_amounts(sheet, row);
                    if !texts.is_empty() {
                        error.hints = vec![tr!("w006-text-inputs", cellen = texts.join(", "))];
                    }
                }
                // A computed amount that is not whole: a typed one it adds
                // is not whole, or text a spreadsheet read as a decimal.
                let not_whole = matches!(cel.value, Data::Float(x) if x.is_finite() && (x - x.round()).abs() > 1e-6);
                if error.code == rules::BAD_AMOUNT && cel.formula.is_some() && not_whole {
                    let typed = self.not_whole_amounts(sheet, row);
                    if !typed.is_empty() {
                        error.hints = vec![tr!("w004-computed-from", cellen = typed.join(", "))];
                    }
                }
                diags.push(error.at(self.loc(sheet, row.row, col)));
                None
            }
        }
    }

    /// The typed amount cells of `row` that are not whole numbers or hold
    /// text, as `H6 ('VAK index': 68,4)`.
    fn not_whole_amounts(&self, sheet: &Sheet, row: &Row) -> Vec<String> {
        let mut out = self.text_amounts(sheet, row);
        for &(veld, col) in row.header.velden.iter().filter(|(v, _)| v.is_bedrag()) {
            let Some((cel, _)) = row.cel(veld) else { continue };
            let Data::Float(x) = cel.value else { continue };
            // Whole as `to_money` reads it (a float artefact is whole).
            if cel.formula.is_some() || (x - x.round()).abs() <= 1e-6 {
                continue;
            }
            let name = sheet.columns.iter().find(|c| c.veld == veld).map_or("", |c| c.naam.as_str());
            out.push(format!("{} ('{name}': {})", Location::cell_name(row.row, col), number(x)));
        }
        out
    }

    /// The amount cells of `row` that hold text, as `E5 ('VAK index': "12 000")`.
    fn text_amounts(&self, sheet: &Sheet, row: &Row) -> Vec<String> {
        row.header
            .velden
            .iter()
            .filter(|(v, _)| v.is_bedrag())
            .filter_map(|&(veld, col)| {
                let (cel, _) = row.cel(veld)?;
                let Data::String(text) = &cel.value else { return None };
                if text.trim().is_empty() || cel.formula.is_some() {
                    return None;
                }
                let name = sheet.columns.iter().find(|c| c.veld == veld).map_or("", |c| c.naam.as_str());
                Some(format!("{} ('{name}': \"{text}\")", Location::cell_name(row.row, col)))
            })
            .collect()
    }

    /// The money in one amount cell, with a warning to show beside it, or the
    /// error that keeps it from being an amount (both without a place yet).
    fn cell_amount(&self, row: &Row, cel: &Cel, name: &str) -> Result<(Money, Option<Diagnostic>), Diagnostic> {
        let unit = self.cx.eenheid;
        if let Some(formula) = &cel.formula {
            let stale = match cel.value {
                Data::Empty => Some(tr!("w011-empty", kolom = name, formule = formula)),
                Data::Float(0.0) => eval_sum(formula, |r, c| row.number(r, c))
                    .filter(|sum| sum.abs() > 1e-6)
                    .map(|sum| tr!("w011-zero", kolom = name, formule = formula, som = number(sum))),
                _ => None,
            };
            if let Some(message) = stale {
                return Err(rules::STALE_FORMULA.report(message).hint(tr!("w011-empty.hint")));
            }
        }
        let beyond = |shown: &str| {
            rules::BAD_AMOUNT
                .report(tr!("w004-beyond", kolom = name, waarde = shown))
                .hint(tr!("w004-beyond.hint", eenheid = unit.name()))
        };
        if let Data::String(text) = &cel.value {
            let n = parse_text_number(text).map_err(|why| {
                rules::BAD_AMOUNT
                    .report(tr!("w004-text", kolom = name, tekst = text, waarom = why))
                    .hint(tr!("w004-text.hint", eenheid = unit.name()))
            })?;
            let m = Money::from_units(n, unit).ok_or_else(|| beyond(&tr!("found-text", tekst = text)))?;
            let warning = rules::TEXT_NUMBER
                .report(tr!("w009", kolom = name, tekst = text, getal = crate::render::format::integer(n)))
                .hint(tr!("w009.hint"));
            return Ok((m, Some(warning)));
        }
        match to_money(&cel.value, unit) {
            Ok(m) => Ok((m, None)),
            Err(AmountError::ErrorValue(e)) => {
                Err(rules::ERROR_CELL.report(tr!("w006-amount", kolom = name, fout = e)).hint(tr!("w006-amount.hint")))
            }
            Err(AmountError::Invalid(why)) => Err(rules::BAD_AMOUNT
                .report(tr!("w004-invalid", kolom = name, waarom = why))
                .hint(tr!("w004-invalid.hint", eenheid = unit.name()))),
        }
    }

    /// Reads one row of an articles sheet: an article, or a typed total.
    fn article_row(&mut self, sheet: &mut Sheet, row: &Row, diags: &mut Vec<Diagnostic>) {
        let soort = if sheet.blad == Blad::Uitgaven { ArtikelSoort::Uitgave } else { ArtikelSoort::Ontvangst };
        let Some((_, code_col)) = row.cel(Veld::Artikel) else { return };
        let code_loc = || self.loc(sheet, row.row, code_col);
        let Some(text) = self.text(sheet, row, Veld::Artikel, true, diags) else {
            sheet.complete = false;
            return;
        };
        if text.get(..6).is_some_and(|p| p.eq_ignore_ascii_case("totaal")) {
            let rest = text["totaal".len()..].trim();
            let mut bedragen = Vec::new();
            for veld in sheet.columns.iter().map(|c| c.veld) {
                let Veld::Bedrag(slot) = veld else { continue };
                // In a typed total, an empty cell is no amount rather than
                // 0, and a formula (the template's own sum) is no amount
                // the user typed: only typed values are compared.
                if row.cel(veld).is_none_or(|(c, _)| is_blank(&c.value) || c.formula.is_some()) {
                    continue;
                }
                if let Some(m) = self.amount(sheet, row, veld, diags) {
                    bedragen.push((slot, m));
                }
            }
            self.begroting.totalen.push(Totaalrij {
                ise_code: (!rest.is_empty()).then(|| IseCode::new(rest)),
                label: text,
                soort,
                bedragen,
                rij: row.row,
            });
            return;
        }
        let Some(code) = self.code(&text, code_loc(), diags) else {
            sheet.complete = false;
            return;
        };
        let expected = match soort {
            ArtikelSoort::Uitgave => matches!(code.soort(), '1' | 'A'),
            ArtikelSoort::Ontvangst => code.soort() == '0',
        };
        if !expected {
            diags.push(
                rules::BAD_CODE
                    .report(if code.soort() == '0' {
                        tr!("w007-sheet-revenue", code = code, blad = &sheet.name)
                    } else {
                        tr!("w007-sheet-expenditure", code = code, blad = &sheet.name)
                    })
                    .at(code_loc())
                    .hint(tr!("w007-sheet-revenue.hint")),
            );
        }
        let titel = self.text(sheet, row, Veld::Omschrijving, true, diags).unwrap_or_default();
        let ise_code = self.text(sheet, row, Veld::Ise, true, diags).unwrap_or_default();
        let entiteit = self.text(sheet, row, Veld::Entiteit, true, diags).unwrap_or_default();
        let korte_inhoud = self.text(sheet, row, Veld::KorteInhoud, false, diags).unwrap_or_default();
        let ontvanger = self.text(sheet, row, Veld::Ontvanger, false, diags);
        let doelstellingen = self
            .text(sheet, row, Veld::Doelstellingen, false, diags)
            .map(|t| t.split([';', ',', '\n']).map(str::trim).filter(|d| !d.is_empty()).map(String::from).collect())
            .unwrap_or_default();
        if let Some(typed) = self.text(sheet, row, Veld::Esr, false, diags)
            && let Some((_, c)) = row.cel(Veld::Esr)
            && !code.esr().code().eq_ignore_ascii_case(typed.trim())
        {
            diags.push(
                rules::BAD_CODE
                    .report(tr!("w007-esr-column", getypt = typed, code = code, esr = code.esr().code()))
                    .at(self.loc(sheet, row.row, c))
                    .hint(tr!("w007-esr-column.hint")),
            );
        }
        let mut bedragen = Bedragen::new(soort, self.cx.fase);
        // Complete when every amount was read: a warning beside a cell (a
        // number typed as text) never takes an article out of the checks.
        let mut volledig = true;
        for veld in sheet.columns.iter().map(|c| c.veld) {
            let Veld::Bedrag(slot) = veld else { continue };
            let Some(m) = self.amount(sheet, row, veld, diags) else {
                volledig = false;
                continue;
            };
            if matches!(slot, Slot::Van(_) | Slot::Naar(_)) && m < Money::ZERO {
                let name = layout::bedrag_naam(self.cx.jaar, self.cx.fase, slot);
                let bedrag = m.in_unit(self.cx.eenheid);
                let d = match soort {
                    ArtikelSoort::Uitgave => {
                        rules::NEGATIVE.report(tr!("w010", kolom = name, bedrag = bedrag)).hint(tr!("w010.hint"))
                    }
                    ArtikelSoort::Ontvangst => rules::NEGATIVE
                        .report(tr!("w010-revenue", kolom = name, bedrag = bedrag))
                        .hint(tr!("w010-revenue.hint")),
                };
                diags.push(d.at_opt(row.cel(veld).map(|(_, c)| self.loc(sheet, row.row, c))));
            }
            bedragen.set(slot, m);
        }
        self.begroting.push(Artikel {
            code,
            titel,
            entiteit: EntiteitCode::new(&entiteit),
            ise_code: IseCode::new(&ise_code),
            ontvanger: ontvanger.map(|o| EntiteitCode::new(&o)),
            doelstellingen,
            korte_inhoud,
            bedragen,
            toelichting: Vec::new(),
            volledig,
            rij: row.row,
        });
    }

    /// Reads an article code typed in a row's `Artikel` cell, or reports at
    /// `at` why it is none (a small l for the digit 1, the letter O for the
    /// digit 0 said as such).
    fn code(&self, text: &str, at: Location, diags: &mut Vec<Diagnostic>) -> Option<ArtikelCode> {
        let code = match ArtikelCode::parse(text) {
            Ok(code) => code,
            Err(why) => {
                // A small l for the digit 1: the code as meant.
                let meant = text.replace('l', "1");
                let hint = if meant != text && ArtikelCode::parse(&meant).is_ok() {
                    tr!("look-alike", getypt = text, bedoeld = meant)
                } else {
                    tr!("w007.hint")
                };
                diags.push(rules::BAD_CODE.report(tr!("w007", tekst = text, waarom = why)).at(at).hint(hint));
                return None;
            }
        };
        // The letter O for the digit 0 of a revenue article: no kind of its own.
        if let Some(digit) = match code.soort() {
            'O' => Some('0'),
            'I' => Some('1'),
            _ => None,
        } {
            let meant = format!("{}-{digit}{}", &text[..3], &text[5..]);
            diags.push(rules::BAD_CODE.report(tr!("w007-kind", code = code)).at(at).hint(tr!(
                "look-alike",
                getypt = text,
                bedoeld = meant
            )));
            return None;
        }
        Some(code)
    }

    /// Reads one row of the sheet Uitvoering: an expenditure article's BA,
    /// BA-JR and BU of the outturn year. A row labelled "Totaal…" is a
    /// spreadsheet's own sum: bbt adds the rows itself, and skips it.
    fn uitvoering_row(&mut self, sheet: &mut Sheet, row: &Row, diags: &mut Vec<Diagnostic>) {
        let Some((_, code_col)) = row.cel(Veld::Artikel) else { return };
        let code_loc = self.loc(sheet, row.row, code_col);
        let Some(text) = self.text(sheet, row, Veld::Artikel, true, diags) else {
            sheet.complete = false;
            return;
        };
        if text.get(..6).is_some_and(|p| p.eq_ignore_ascii_case("totaal")) {
            return;
        }
        let Some(code) = self.code(&text, code_loc.clone(), diags) else {
            sheet.complete = false;
            return;
        };
        if code.soort() == '0' {
            diags.push(
                rules::BAD_CODE
                    .report(tr!("w007-outturn-revenue", code = code, blad = &sheet.name))
                    .at(code_loc)
                    .hint(tr!("w007-outturn-revenue.hint")),
            );
            return;
        }
        let titel = self.text(sheet, row, Veld::Omschrijving, false, diags).unwrap_or_default();
        let ise_code = self.text(sheet, row, Veld::Ise, true, diags).unwrap_or_default();
        let entiteit = self.text(sheet, row, Veld::Entiteit, true, diags).unwrap_or_default();
        let ontvanger = self.text(sheet, row, Veld::Ontvanger, false, diags);
        let mut rij = UitvoeringRij {
            code,
            titel,
            entiteit: EntiteitCode::new(&entiteit),
            ise_code: IseCode::new(&ise_code),
            ontvanger: ontvanger.map(|o| EntiteitCode::new(&o)),
            vak: Realisatie::default(),
            vek: Realisatie::default(),
            rij: row.row,
        };
        for kolom in &sheet.columns {
            let Veld::Uitvoering(stand, k) = kolom.veld else { continue };
            // An unreadable amount is an error at its cell: the document is not rendered.
            let Some(m) = self.amount(sheet, row, kolom.veld, diags) else { continue };
            // A credit is never negative; an outturn can be (commitments of
            // earlier years cancelled, recoveries).
            if m < Money::ZERO && stand != Uitvoeringsstand::Bu {
                diags.push(
                    rules::NEGATIVE
                        .report(tr!("w010-outturn", kolom = &kolom.naam, bedrag = m.in_unit(self.cx.eenheid)))
                        .hint(tr!("w010-outturn.hint"))
                        .at_opt(row.cel(kolom.veld).map(|(_, c)| self.loc(sheet, row.row, c))),
                );
            }
            match k {
                Krediet::Vak => rij.vak.set(stand, m),
                Krediet::Vek => rij.vek.set(stand, m),
                Krediet::Ontvangst => {}
            }
        }
        self.begroting.uitvoering.push(rij);
    }

    /// Reads one itemised line of the sheet Toelichting.
    fn line(&mut self, sheet: &Sheet, row: &Row, diags: &mut Vec<Diagnostic>) {
        let Some((_, code_col)) = row.cel(Veld::Artikel) else { return };
        let loc = self.loc(sheet, row.row, code_col);
        let Some(code) = self.text(sheet, row, Veld::Artikel, true, diags) else { return };
        let omschrijving = self.text(sheet, row, Veld::Omschrijving, true, diags).unwrap_or_default();
        let vak = self.amount(sheet, row, Veld::Lijn(Krediet::Vak), diags);
        let vek = self.amount(sheet, row, Veld::Lijn(Krediet::Vek), diags);
        let found = ArtikelCode::parse(&code).ok();
        match found.and_then(|c| self.begroting.artikel_mut(&c)) {
            Some(a) if a.soort() == ArtikelSoort::Uitgave => {
                a.toelichting.push(ToelichtingLijn { omschrijving, vak, vek, rij: row.row })
            }
            Some(_) => diags.push(
                rules::UNKNOWN_ARTICLE.report(tr!("w008-revenue", code = &code)).at(loc).hint(tr!("w008-revenue.hint")),
            ),
            // Lines under articles that could not be read would only be reported as strays.
            None if !sheet.strays => {}
            None => {
                let d = rules::UNKNOWN_ARTICLE.report(tr!("w008", code = &code)).at(loc);
                // A suggestion looks at every article: for the first lines only.
                self.suggested += 1;
                let codes: Vec<String> = if self.suggested <= MAX_SUGGESTIONS {
                    self.begroting.artikelen.iter().map(|a| a.code.to_string()).collect()
                } else {
                    Vec::new()
                };
                diags.push(match crate::suggest::closest(&code, codes.iter().map(String::as_str)) {
                    Some(near) => d.hint(tr!("did-you-mean", naam = format!("'{near}'"))),
                    None => d,
                });
            }
        }
    }
}

fn is_blank(v: &Data) -> bool {
    match v {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

fn describe(v: &Data) -> String {
    match v {
        Data::Int(i) => tr!("found-number", getal = number(i)),
        Data::Float(f) => tr!("found-number", getal = number(f)),
        Data::String(s) => tr!("found-text", tekst = s),
        Data::Bool(b) => tr!("found-logical", waarde = if *b { "true" } else { "false" }),
        Data::DateTime(_) | Data::DateTimeIso(_) => tr!("found-date"),
        Data::DurationIso(_) => tr!("found-duration"),
        Data::Error(e) => tr!("found-error", fout = e),
        Data::Empty => tr!("found-empty"),
    }
}

/// Reads a number typed as text, as finance staff in Flanders write them:
/// `1234`, `1.234`, `1 234` (also with a non-breaking space), `-4.917` or
/// `−4.917` (Unicode minus), `1.234,00`. Returns whole units, or why not.
/// `1,234` is refused: it reads as 1234 in English and as 1,234 in Dutch.
fn parse_text_number(text: &str) -> Result<i64, String> {
    let t = text.trim().trim_matches(|c: char| c == '\u{a0}' || c == '\u{202f}');
    let (negative, body) = match t.chars().next() {
        Some('-' | '\u{2212}') => (true, &t[t.chars().next().map_or(0, char::len_utf8)..]),
        Some('+') => (false, &t[1..]),
        _ => (false, t),
    };
    let body = body.trim();
    let (int_part, decimals) = match body.split_once(',') {
        Some((i, d)) => (i, Some(d)),
        None => (body, None),
    };
    if let Some(d) = decimals {
        if !d.chars().all(|c| c.is_ascii_digit()) || d.is_empty() {
            return Err(tr!("w004-why-not-number"));
        }
        if d.len() == 3 && !int_part.contains(['.', ' ', '\u{a0}', '\u{202f}']) {
            return Err(tr!("w004-why-ambiguous"));
        }
        if d.chars().any(|c| c != '0') {
            return Err(tr!("w004-why-not-whole"));
        }
    }
    let seps: Vec<char> = int_part.chars().filter(|c| !c.is_ascii_digit()).collect();
    if seps.iter().any(|c| !matches!(c, '.' | ' ' | '\u{a0}' | '\u{202f}' | '\'')) || int_part.is_empty() {
        return Err(tr!("w004-why-not-number"));
    }
    if let Some(first) = seps.first() {
        if seps.iter().any(|c| c != first) {
            return Err(tr!("w004-why-mixed"));
        }
        let groups: Vec<&str> = int_part.split(*first).collect();
        let ok =
            groups.first().is_some_and(|g| (1..=3).contains(&g.len())) && groups.iter().skip(1).all(|g| g.len() == 3);
        if !ok {
            return Err(tr!("w004-why-not-grouped"));
        }
    }
    let digits: String = int_part.chars().filter(char::is_ascii_digit).collect();
    let n: i64 = digits.parse().map_err(|_| tr!("w004-why-too-large"))?;
    Ok(if negative { -n } else { n })
}

/// Evaluates a formula that only adds and subtracts cells (`=F4+G4-H4`,
/// `=SUM(F4:I4)`) from the values `value` gives. `None` for any other
/// formula, or when a cell it names has no number `value` knows.
fn eval_sum(formula: &str, value: impl Fn(u32, u32) -> Option<f64>) -> Option<f64> {
    let f = formula.trim().trim_start_matches('=').replace('$', "").to_ascii_uppercase();
    let cell = |r: &str| -> Option<(u32, u32)> {
        let letters: String = r.chars().take_while(char::is_ascii_alphabetic).collect();
        let digits = &r[letters.len()..];
        if letters.is_empty() || letters.len() > 3 || digits.is_empty() {
            return None;
        }
        let col = letters.chars().fold(0u32, |acc, c| acc * 26 + (c as u32 - 'A' as u32 + 1)) - 1;
        let row: u32 = digits.parse().ok()?;
        Some((row.checked_sub(1)?, col))
    };
    let value = |(r, c): (u32, u32)| value(r, c);
    if let Some(inner) = f.strip_prefix("SUM(").and_then(|x| x.strip_suffix(')')) {
        let mut total = 0.0;
        for part in inner.split([',', ';']) {
            match part.split_once(':') {
                Some((a, b)) => {
                    let ((r1, c1), (r2, c2)) = (cell(a.trim())?, cell(b.trim())?);
                    // At most one row of 16,384 columns is visited: the first
                    // cell `value` does not know ends the evaluation.
                    for r in r1.min(r2)..=r1.max(r2) {
                        for c in c1.min(c2)..=c1.max(c2).min(1 << 14) {
                            total += value((r, c))?;
                        }
                    }
                }
                None => total += value(cell(part.trim())?)?,
            }
        }
        return Some(total);
    }
    if f.ends_with(['+', '-']) || f.is_empty() {
        return None;
    }
    let mut total = 0.0;
    let mut sign = 1.0;
    let mut term = String::new();
    for ch in f.chars().chain(std::iter::once('+')) {
        if ch == '+' || ch == '-' {
            if !term.trim().is_empty() {
                total += sign * value(cell(term.trim())?)?;
            }
            sign = if ch == '-' { -1.0 } else { 1.0 };
            term.clear();
        } else {
            term.push(ch);
        }
    }
    Some(total)
}

enum AmountError {
    ErrorValue(String),
    Invalid(String),
}

/// The one place where a spreadsheet number becomes money. An empty cell is
/// zero (as spreadsheet users expect); a float is accepted when it is within
/// 1e-6 of a whole number in the declared unit.
fn to_money(v: &Data, unit: Unit) -> Result<Money, AmountError> {
    let whole = match v {
        Data::Empty => 0,
        Data::Int(i) => *i,
        Data::Float(f) => {
            if !f.is_finite() {
                return Err(AmountError::Invalid(tr!("w004-is-not-finite", getal = f)));
            }
            let r = f.round();
            if (f - r).abs() > 1e-6 {
                return Err(AmountError::Invalid(tr!("w004-is-not-whole", getal = number(f), eenheid = unit.name())));
            }
            if r.abs() > 1e15 {
                return Err(AmountError::Invalid(tr!("w004-is-beyond", getal = number(f))));
            }
            r as i64
        }
        Data::Error(e) => return Err(AmountError::ErrorValue(e.to_string())),
        other => return Err(AmountError::Invalid(tr!("w004-must-be-number", gevonden = describe(other)))),
    };
    Money::from_units(whole, unit).ok_or_else(|| AmountError::Invalid(tr!("w004-is-beyond", getal = number(whole))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_typed_as_text_the_flemish_way() {
        let ok: &[(&str, i64)] = &[
            ("1234", 1234),
            ("1.234", 1234),
            ("1 234", 1234),
            ("1\u{a0}234", 1234),
            ("-4.917", -4917),
            ("\u{2212}4.917", -4917),
            ("+12", 12),
            ("1.234.567", 1_234_567),
            ("1.234,00", 1234),
            (" 0 ", 0),
        ];
        for (text, n) in ok {
            assert_eq!(parse_text_number(text), Ok(*n), "{text}");
        }
        for bad in ["1,234", "1.234,5", "12.34", "1.2345", "1.234 567", "abc", "", "-", "1e3", "€ 12"] {
            assert!(parse_text_number(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn evaluates_simple_sums_for_stale_formulas() {
        // Row 2 holds 10, -3, 0, 5 in A..D; other rows are not known.
        let row = |r: u32, c: u32| -> Option<f64> {
            (r == 1).then(|| [10.0, -3.0, 0.0, 5.0].get(c as usize).copied().unwrap_or(0.0))
        };
        let cases: &[(&str, Option<f64>)] = &[
            ("=A2+B2+C2+D2", Some(12.0)),
            ("=$A$2-B2", Some(13.0)),
            ("=SUM(A2:D2)", Some(12.0)),
            ("=sum(A2,D2)", Some(15.0)),
            ("=SUM(A2:XFD2)", Some(12.0)),
            // Another row, or the whole sheet: not evaluated.
            ("=SUM(A1:XFD1048576)", None),
            ("=SUM(F9:G10)", None),
            ("=A2*2", None),
            ("=Other!A2+B2", None),
            ("=A2+", None),
        ];
        for (f, want) in cases {
            assert_eq!(eval_sum(f, row), *want, "{f}");
        }
    }

    #[test]
    fn converts_cells_to_exact_money() {
        let k = Unit::DuizendEuro;
        let e = Unit::Euro;
        let ok: &[(Data, Unit, i64)] = &[
            (Data::Empty, k, 0),
            (Data::Int(-4917), k, -491_700_000),
            (Data::Float(331740.0), k, 33_174_000_000),
            (Data::Float(0.1 + 0.2 - 0.3), e, 0),
            (Data::Float(1_234.000_000_5), e, 123_400),
            (Data::Float(-37565.0), e, -3_756_500),
        ];
        for (v, unit, cents) in ok {
            assert_eq!(to_money(v, *unit).ok(), Some(Money::from_cents(*cents)), "{v:?}");
        }
        let bad: &[Data] = &[
            Data::Float(1234.5),
            Data::Float(f64::NAN),
            Data::Float(f64::INFINITY),
            Data::Float(1e300),
            Data::String("12".into()),
            Data::Bool(true),
            Data::Error(calamine::CellErrorType::Ref),
        ];
        for v in bad {
            assert!(to_money(v, k).is_err(), "{v:?}");
        }
    }
}

/// A window of a sheet around one cell, as the studio shows it beside a
/// diagnostic: the values as text, with the sheet's first row as heads.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Rooster {
    pub blad: String,
    /// The cell the diagnostic points at (0-based).
    pub rij: u32,
    pub kolom: u32,
    /// The window's first column (0-based) and the letters of its columns
    /// ("C", "D", ...).
    pub eerste: u32,
    pub kolommen: Vec<String>,
    /// The sheet's head row within the window's columns (its row number as
    /// shown and its values), when the window starts below it: the first row
    /// above the window with text in at least two of its columns.
    pub kop: Option<(u32, Vec<String>)>,
    /// (row number as a spreadsheet shows it, the values).
    pub rijen: Vec<(u32, Vec<String>)>,
}

impl Rooster {
    /// The text of the cell at `(rij, kolom)` (0-based), if in the window.
    pub fn waarde(&self, rij: u32, kolom: u32) -> Option<&str> {
        let (_, rij) = self.rijen.iter().find(|(nummer, _)| *nummer == rij + 1)?;
        rij.get(usize::try_from(kolom.checked_sub(self.eerste)?).ok()?).map(String::as_str)
    }
}

/// How far a [`Rooster`] reaches around its cell.
const ROOSTER_RAND: u32 = 3;

/// How many columns a whole row ([`rij_van`]) shows at most: a sheet with a
/// stray value far to the right does not make a window of thousands.
const MAX_RIJ_KOLOMMEN: u32 = 40;

/// Windows around `cellen` ((sheet, row, column), 0-based) of the workbook
/// at `path`, read by calamine as the loader reads it (after the same size
/// check, a panic caught); `None` for a cell whose sheet cannot be read.
pub fn roosters(path: &Path, cellen: &[(String, u32, u32)]) -> Vec<Option<Rooster>> {
    vensters(path, cellen, |range, blad, rij, kolom| {
        let kolommen = (kolom.saturating_sub(ROOSTER_RAND), kolom + ROOSTER_RAND);
        rooster(range, blad, (rij, kolom), (rij.saturating_sub(ROOSTER_RAND), rij + ROOSTER_RAND), kolommen)
    })
}

/// The whole row of a cell (an article's code cell): every column of the
/// sheet from the first to the last used, with the rows just above and
/// under it and the sheet's head row; read as [`roosters`] reads.
pub fn rij_van(path: &Path, blad: &str, rij: u32, kolom: u32) -> Option<Rooster> {
    let cel = [(blad.to_string(), rij, kolom)];
    vensters(path, &cel, |range, blad, rij, kolom| {
        let c0 = range.start().map_or(0, |(_, c)| c).min(kolom).max(kolom.saturating_sub(MAX_RIJ_KOLOMMEN));
        let c1 = range.end().map_or(kolom, |(_, c)| c).min(c0 + MAX_RIJ_KOLOMMEN).max(kolom);
        let kolommen = (c0, c1);
        rooster(range, blad, (rij, kolom), (rij.saturating_sub(1), rij + 1), kolommen)
    })
    .pop()
    .flatten()
}

fn vensters(
    path: &Path,
    cellen: &[(String, u32, u32)],
    venster: impl Fn(&calamine::Range<Data>, &str, u32, u32) -> Rooster,
) -> Vec<Option<Rooster>> {
    if cellen.is_empty() || super::regular_file(path).and_then(|()| size::check(path)).is_err() {
        return vec![None; cellen.len()];
    }
    guard::quietly(|| {
        let Ok(mut book) = open_workbook_auto(path) else { return vec![None; cellen.len()] };
        let mut bladen: HashMap<String, Option<calamine::Range<Data>>> = HashMap::new();
        cellen
            .iter()
            .map(|(blad, rij, kolom)| {
                let range = bladen.entry(blad.clone()).or_insert_with(|| book.worksheet_range(blad).ok()).as_ref()?;
                Some(venster(range, blad, *rij, *kolom))
            })
            .collect()
    })
    .unwrap_or_else(|_| vec![None; cellen.len()])
}

/// The window of rows `r0..=r1` and columns `c0..=c1` around the cell
/// `(rij, kolom)`.
fn rooster(
    range: &calamine::Range<Data>,
    blad: &str,
    (rij, kolom): (u32, u32),
    (r0, r1): (u32, u32),
    (c0, c1): (u32, u32),
) -> Rooster {
    let waarde = |r: u32, c: u32| range.get_value((r, c)).map(celtekst).unwrap_or_default();
    let kolommen = (c0..=c1).map(|c| Location::cell_name(0, c).trim_end_matches('1').to_string()).collect();
    Rooster {
        blad: blad.to_string(),
        rij,
        kolom,
        eerste: c0,
        kolommen,
        kop: (0..r0.min(30))
            .find(|&r| {
                (c0..=c1)
                    .filter(|&c| matches!(range.get_value((r, c)), Some(Data::String(s)) if !s.trim().is_empty()))
                    .count()
                    >= 2
            })
            .map(|r| (r + 1, (c0..=c1).map(|c| waarde(r, c)).collect())),
        rijen: (r0..=r1).map(|r| (r + 1, (c0..=c1).map(|c| waarde(r, c)).collect())).collect(),
    }
}

/// A cell's value as text, numbers as the language writes them.
fn celtekst(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => number(i),
        Data::Float(f) => number(f),
        Data::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}
