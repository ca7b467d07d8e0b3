//! The budget workbook (`begroting.xlsx` and its siblings): finance staff's
//! figures per article, read with calamine.
//!
//! Layout (documented in `docs/workbook.md`): a sheet `Uitgaven` with one row
//! per expenditure article, `Ontvangsten` with one row per revenue article and
//! `Toelichting` with the itemised lines. Each sheet's header row is found by
//! its column names. Amounts are converted here, once, into exact
//! [`Money`]; every amount keeps its cell.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use calamine::{Data, Range, Reader, open_workbook_auto};

use crate::diag::{Diagnostic, Location};
use crate::model::budget::{
    ArtikelCode, ArtikelSoort, Bijstelling, Esr, Fase, Krediet, Stand, ToelichtingLijn, Totaalrij,
};
use crate::model::{Artikel, Bedrag, Money, Unit};

mod guard;
mod size;
mod xlsx;

pub const NOT_A_WORKBOOK: &str = "W001";
pub const MISSING_SHEET: &str = "W002";
pub const MISSING_COLUMN: &str = "W003";
pub const BAD_AMOUNT: &str = "W004";
pub const BAD_TEXT: &str = "W005";
pub const ERROR_CELL: &str = "W006";
pub const BAD_CODE: &str = "W007";
pub const UNKNOWN_ARTICLE: &str = "W008";
pub const TEXT_NUMBER: &str = "W009";
pub const NEGATIVE: &str = "W010";
pub const STALE_FORMULA: &str = "W011";
pub const TOO_LARGE: &str = "W012";
pub const DUPLICATE_COLUMN: &str = "W013";

pub const SHEET_UITGAVEN: &str = "Uitgaven";
pub const SHEET_ONTVANGSTEN: &str = "Ontvangsten";
pub const SHEET_TOELICHTING: &str = "Toelichting";

/// The extensions a workbook may have, in the order they are looked for.
pub const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// What the loader needs to know about the document.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub jaar: i32,
    pub fase: Fase,
    pub eenheid: Unit,
}

/// What a workbook yields.
#[derive(Debug, Default)]
pub struct Figures {
    pub artikelen: Vec<Artikel>,
    pub totalen: Vec<Totaalrij>,
    /// False when a sheet of articles could not be read at all: rules that
    /// need every article (an ISE without articles, a vanished article) then
    /// keep quiet rather than report what is only a consequence.
    pub volledig: bool,
}

/// Reads the workbook at `path`. Returns the articles it could read and every
/// problem found; a problem in one cell does not stop the others being read.
pub fn load(path: &Path, cx: Context) -> (Figures, Vec<Diagnostic>) {
    if let Err(d) = super::regular_file(path).and_then(|()| size::check(path)) {
        return (Figures::default(), vec![d]);
    }
    match guard::quietly(|| read(path, cx)) {
        Ok(read) => read,
        Err(panic) => (
            Figures::default(),
            vec![
                Diagnostic::error(NOT_A_WORKBOOK, format!("cannot read the workbook: it is damaged ({panic})"))
                    .at(Location::File { file: path.to_path_buf() })
                    .hint("open it in Excel or LibreOffice and save it again as .xlsx or .ods"),
            ],
        ),
    }
}

/// [`load`] once the file's size is known to be sound.
fn read(path: &Path, cx: Context) -> (Figures, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    // xlsx and xlsm go through the parallel fast path (xlsx.rs) when it is
    // sure of them; calamine reads everything else, and whatever the fast
    // path declines.
    let mut fast = match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("xlsx" | "xlsm") => xlsx::Book::open(path).ok(),
        _ => None,
    };
    let mut slow: Option<calamine::Sheets<std::io::BufReader<std::fs::File>>> = None;
    let open_slow = |slow: &mut Option<calamine::Sheets<_>>| -> Result<(), Diagnostic> {
        if slow.is_some() {
            return Ok(());
        }
        match open_workbook_auto(path) {
            Ok(b) => {
                *slow = Some(b);
                Ok(())
            }
            Err(e) => {
                let d = if e.to_string().contains("password protected") {
                    Diagnostic::error(NOT_A_WORKBOOK, "the workbook is password-protected")
                        .hint("save a copy without a password (File > Save As, without encryption) and use that")
                } else {
                    Diagnostic::error(NOT_A_WORKBOOK, format!("cannot read the workbook: {e}"))
                        .hint("save it from Excel or LibreOffice as .xlsx, .xlsm, .xlsb, .xls or .ods")
                };
                Err(d.at(Location::File { file: path.to_path_buf() }))
            }
        }
    };
    let names = match (&fast, &mut slow) {
        (Some(book), _) => book.sheet_names(),
        (None, slow) => match open_slow(slow) {
            Ok(()) => slow.as_ref().map(|b| b.sheet_names().to_vec()).unwrap_or_default(),
            Err(d) => {
                diags.push(d);
                return (Figures::default(), diags);
            }
        },
    };
    let mut slow_failed = false;
    let mut values = |name: &str, required: bool, diags: &mut Vec<Diagnostic>| -> Option<(String, Range<Data>)> {
        let Some(actual) = names.iter().find(|n| n.trim().eq_ignore_ascii_case(name)) else {
            if required {
                diags.push(
                    Diagnostic::error(MISSING_SHEET, format!("the workbook has no sheet '{name}'"))
                        .at(Location::File { file: path.to_path_buf() })
                        .hint(format!("sheets found: {}", names.join(", "))),
                );
            }
            return None;
        };
        let fast_read = fast.as_mut().map(|book| book.values(actual, MAX_CELLS));
        let read = match fast_read {
            Some(Ok(xlsx::Values::Read(values))) => Ok(values),
            Some(Ok(xlsx::Values::TooLarge { row, col })) => Err(SheetError::TooLarge { row, col }),
            // Declined (or no fast path): calamine reads the sheet, and the
            // rest of the workbook.
            Some(Err(_)) | None => {
                fast = None;
                if slow_failed {
                    // Already reported once.
                    return None;
                }
                match open_slow(&mut slow) {
                    Ok(()) => match slow.as_mut() {
                        Some(book) => read_sheet(book, actual),
                        None => Err(SheetError::Read("the workbook could not be opened".into())),
                    },
                    Err(d) => {
                        slow_failed = true;
                        diags.push(d);
                        return None;
                    }
                }
            }
        };
        match read {
            Ok(values) => Some((actual.clone(), values)),
            Err(SheetError::TooLarge { row, col }) => {
                diags.push(
                    Diagnostic::error(
                        TOO_LARGE,
                        format!(
                            "sheet '{actual}' uses cells up to {}, more than bbt reads ({} cells at most)",
                            Location::cell_name(row, col),
                            MAX_CELLS
                        ),
                    )
                    .at(Location::cell(path, actual, row, col))
                    .hint("clear the stray cells far below or to the right of the data (select them, delete, save)"),
                );
                None
            }
            Err(SheetError::Read(e)) => {
                diags.push(
                    Diagnostic::error(NOT_A_WORKBOOK, format!("cannot read sheet '{actual}': {e}"))
                        .at(Location::File { file: path.to_path_buf() }),
                );
                None
            }
        }
    };
    let mut sheets: Vec<Option<(String, Range<Data>)>> = vec![
        values(SHEET_UITGAVEN, true, &mut diags),
        values(SHEET_ONTVANGSTEN, false, &mut diags),
        values(SHEET_TOELICHTING, false, &mut diags),
    ];
    let reader = SheetReader::new(path, cx);
    let read = |sheets: &[Option<Sheet>], diags: &mut Vec<Diagnostic>| {
        let mut f = Figures { volledig: matches!(sheets.first(), Some(Some(_))), ..Figures::default() };
        if let Some(Some(r)) = sheets.first() {
            f.volledig &= reader.articles(&reader.uitgaven, r, ArtikelSoort::Uitgave, &mut f, diags);
        }
        if let Some(Some(r)) = sheets.get(1) {
            f.volledig &= reader.articles(&reader.ontvangsten, r, ArtikelSoort::Ontvangst, &mut f, diags);
        }
        // Lines under articles that could not be read would only be reported as strays.
        if let Some(Some(r)) = sheets.get(2)
            && f.volledig
        {
            reader.toelichting(r, &mut f.artikelen, diags);
        }
        f
    };
    // First by values alone. Formulas are read only when the figures do not
    // add up, to tell a stale formula result from a typing error: reading
    // them costs as much again, and a sound workbook does not need them.
    let plain: Vec<Option<Sheet>> =
        sheets.iter_mut().map(|s| s.take().map(|(name, values)| Sheet { name, values, formulas: None })).collect();
    let mut first = Vec::new();
    let f = read(&plain, &mut first);
    if !needs_formulas(&f, cx) {
        diags.extend(first);
        return (f, diags);
    }
    if slow_failed {
        diags.extend(first);
        return (f, diags);
    }
    if let Err(d) = open_slow(&mut slow) {
        // The figures were read (by the fast path), their formulas cannot be.
        diags.extend(first);
        diags.push(d);
        return (f, diags);
    }
    let with_formulas: Vec<Option<Sheet>> = plain
        .into_iter()
        .map(|s| {
            s.map(|mut s| {
                s.formulas = slow.as_mut().and_then(|book| book.worksheet_formula(&s.name).ok());
                s
            })
        })
        .collect();
    let f = read(&with_formulas, &mut diags);
    (f, diags)
}

/// For the differential fuzz target (`fuzz/fuzz_targets/xlsx.rs`), not
/// part of bbt's interface: a sheet's values as bbt's own xlsx reader reads
/// them (`None` where it leaves the workbook to calamine), and as calamine
/// reads them.
#[doc(hidden)]
pub mod differential {
    use std::io::Write;
    use std::path::Path;

    use calamine::{Data, Range};

    use super::{MAX_CELLS, SheetError, read_sheet, xlsx};

    pub fn fast(path: &Path, sheet: &str) -> Option<Range<Data>> {
        match xlsx::Book::open(path).ok()?.values(sheet, MAX_CELLS).ok()? {
            xlsx::Values::Read(range) => Some(range),
            xlsx::Values::TooLarge { .. } => None,
        }
    }

    const PARTS: [(&str, &str); 5] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Uitgaven" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        (
            "xl/sharedStrings.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Artikel</t></si><si><t xml:space="preserve"> a </t></si><si><r><t>b</t></r><r><t>c</t></r><rPh><t>d</t></rPh></si><si><t>&amp;&#233;</t></si></sst>"#,
        ),
    ];

    const STYLES: &str = r##"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts><numFmt numFmtId="164" formatCode="#,##0;[Red]\-#,##0"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="3"/></cellXfs></styleSheet>"##;

    /// Writes a workbook whose one sheet, `Uitgaven`, has `rows` inside its
    /// `<sheetData>`, with a few shared strings (rich text, entities) and
    /// styles (a number format, a custom and a built-in date).
    pub fn workbook_with_rows(path: &Path, rows: &[u8]) -> Result<(), Box<dyn std::error::Error>> {
        let mut z = zip::ZipWriter::new(std::fs::File::create(path)?);
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        for (name, content) in PARTS.iter().chain([("xl/styles.xml", STYLES)].iter()) {
            z.start_file(*name, opts)?;
            z.write_all(content.as_bytes())?;
        }
        z.start_file("xl/worksheets/sheet1.xml", opts)?;
        z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#)?;
        z.write_all(rows)?;
        z.write_all(b"</sheetData></worksheet>")?;
        z.finish()?;
        Ok(())
    }

    /// Where the fast reader reads the sheet, what calamine reads differently
    /// (or that it refuses it); `None` when they agree or the fast reader
    /// leaves the sheet to calamine.
    pub fn disagreement(path: &Path, sheet: &str) -> Option<String> {
        let fast = fast(path, sheet)?;
        let slow = match calamine(path, sheet) {
            Ok(slow) => slow,
            Err(e) => return Some(format!("the fast reader read a sheet calamine refuses: {e}")),
        };
        if (fast.start(), fast.end()) != (slow.start(), slow.end()) {
            return Some(format!(
                "used area {:?}-{:?} vs {:?}-{:?}",
                fast.start(),
                fast.end(),
                slow.start(),
                slow.end()
            ));
        }
        fast.cells()
            .zip(slow.cells())
            .find(|((_, _, a), (_, _, b))| a != b)
            .map(|((r, c, a), (_, _, b))| format!("row {r}, column {c}: {a:?} vs {b:?}"))
    }

    pub fn calamine(path: &Path, sheet: &str) -> Result<Range<Data>, String> {
        let mut book = calamine::open_workbook_auto(path).map_err(|e| e.to_string())?;
        match read_sheet(&mut book, sheet) {
            Ok(range) => Ok(range),
            Err(SheetError::TooLarge { row, col }) => Err(format!("too large at {row},{col}")),
            Err(SheetError::Read(e)) => Err(e),
        }
    }
}

/// The most cells (rows × columns of the used area) a sheet may span: far
/// beyond any budget (100,000 articles × 100 columns), far below what would
/// exhaust memory.
pub const MAX_CELLS: u64 = 10_000_000;

/// From this many rows, a sheet's articles are read on every core.
const PARALLEL_ROWS: usize = 5_000;

/// The largest workbook file, and the most its parts may unpack to (xlsx,
/// xlsm, xlsb and ods are zip archives): a budget's workbook is a few
/// megabytes; a "zip bomb" of a few kilobytes can unpack to gigabytes.
pub const MAX_BYTES: u64 = 100_000_000;

enum SheetError {
    /// The used area is beyond [`MAX_CELLS`]; the farthest cell.
    TooLarge {
        row: u32,
        col: u32,
    },
    Read(String),
}

/// Reads a sheet's values. For xlsx and xlsb the cells are streamed and the
/// used area is checked before any grid is allocated: one stray value at
/// XFD1048576 would otherwise ask for billions of cells.
fn read_sheet<RS: std::io::Read + std::io::Seek>(
    book: &mut calamine::Sheets<RS>,
    name: &str,
) -> Result<Range<Data>, SheetError> {
    let mut cells = Vec::new();
    let (mut rmin, mut rmax, mut cmin, mut cmax) = (u32::MAX, 0u32, u32::MAX, 0u32);
    let mut push = |cell: calamine::Cell<calamine::DataRef>| -> Result<(), SheetError> {
        let (r, c) = cell.get_position();
        rmin = rmin.min(r);
        rmax = rmax.max(r);
        cmin = cmin.min(c);
        cmax = cmax.max(c);
        let area = u64::from(rmax - rmin + 1) * u64::from(cmax - cmin + 1);
        if area > MAX_CELLS {
            return Err(SheetError::TooLarge { row: r, col: c });
        }
        let value = Data::from(cell.get_value().clone());
        if value != Data::Empty {
            cells.push(calamine::Cell::new((r, c), value));
        }
        Ok(())
    };
    match book {
        calamine::Sheets::Xlsx(x) => {
            let mut reader = x.worksheet_cells_reader(name).map_err(|e| SheetError::Read(e.to_string()))?;
            while let Some(cell) = reader.next_cell().map_err(|e| SheetError::Read(e.to_string()))? {
                push(cell)?;
            }
        }
        calamine::Sheets::Xlsb(x) => {
            let mut reader = x.worksheet_cells_reader(name).map_err(|e| SheetError::Read(e.to_string()))?;
            while let Some(cell) = reader.next_cell().map_err(|e| SheetError::Read(e.to_string()))? {
                push(cell)?;
            }
        }
        // xls and ods: calamine builds the grid itself; their size is
        // bounded by the file's (an area check follows).
        other => {
            let range = other.worksheet_range(name).map_err(|e| SheetError::Read(e.to_string()))?;
            let (h, w) = range.get_size();
            if (h as u64) * (w as u64) > MAX_CELLS {
                let (r, c) = range.end().unwrap_or((0, 0));
                return Err(SheetError::TooLarge { row: r, col: c });
            }
            return Ok(range);
        }
    }
    Ok(Range::from_sparse(cells))
}

/// Whether the figures as read suggest stale formula results: an article
/// whose kredietevolutie does not add up, or a typed total that differs.
fn needs_formulas(f: &Figures, cx: Context) -> bool {
    let (van, naar) = Stand::evolutie(cx.jaar, cx.fase);
    let adds_up = |a: &Artikel| {
        a.soort != ArtikelSoort::Uitgave
            || [Krediet::Vak, Krediet::Vek].iter().all(|&k| a.verwacht(van, k) == a.krediet(naar, k))
    };
    let totals_agree = f.totalen.iter().all(|t| {
        t.kredieten
            .iter()
            .all(|((stand, k), b)| t.scope(&f.artikelen).map(|a| a.krediet(*stand, *k)).sum::<Money>() == b.waarde)
    });
    !f.artikelen.iter().all(adds_up) || !totals_agree
}

/// Finds the one workbook of a document folder: `begroting.<ext>`.
pub fn find(dir: &Path) -> Result<PathBuf, Diagnostic> {
    let found: Vec<PathBuf> =
        EXTENSIONS.iter().map(|ext| dir.join(format!("begroting.{ext}"))).filter(|p| super::present(p)).collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(Diagnostic::error(NOT_A_WORKBOOK, "the document has no budget workbook")
            .at(Location::File { file: dir.to_path_buf() })
            .hint("put the figures in begroting.xlsx (or .xlsm, .xlsb, .xls, .ods) in this folder")),
        many => Err(Diagnostic::error(
            NOT_A_WORKBOOK,
            format!("the document has {} budget workbooks; keep exactly one", many.len()),
        )
        .at(Location::File { file: dir.to_path_buf() })
        .hint(format!(
            "found: {}",
            many.iter().filter_map(|p| p.file_name()).map(|n| n.to_string_lossy()).collect::<Vec<_>>().join(", ")
        ))),
    }
}

/// A column a sheet must or may have.
struct Col {
    name: String,
    required: bool,
}

fn col(name: impl Into<String>, required: bool) -> Col {
    Col { name: name.into(), required }
}

/// Normalises a header for comparison: trimmed, inner whitespace collapsed, lowercase.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A sheet's header row, resolved: column name → absolute column index.
struct Header {
    /// Absolute (0-based) row of the header.
    row: u32,
    /// Keyed by the normalised name (see [`norm`]).
    cols: BTreeMap<String, u32>,
    /// The columns asked for, by the name as bbt writes it, found or not:
    /// the lookup per cell is a few string comparisons, with no normalising.
    asked: Vec<(String, Option<u32>)>,
}

impl Header {
    fn col(&self, name: &str) -> Option<u32> {
        match self.asked.iter().find(|(n, _)| n == name) {
            Some((_, col)) => *col,
            None => self.cols.get(&norm(name)).copied(),
        }
    }
}

struct SheetReader {
    /// Shared by every cell location.
    path: Arc<Path>,
    uitgaven: Arc<str>,
    ontvangsten: Arc<str>,
    toelichting: Arc<str>,
    cx: Context,
}

/// Where an amount column's figure goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Stand(Stand, Krediet),
    Move(Bijstelling, Krediet),
}

/// The amount columns of one credit kind, in the order of a sheet: the
/// starting standing, the movements (expenditure only), the final standing.
/// E.g. `VAK BA 2024`, `VAK Index`, `VAK Compensaties`, `VAK Andere
/// bijstellingen`, `VAK BO 2025`. The one rule for these names: the loader
/// finds columns by them and `bbt template` writes them.
pub fn amount_columns(jaar: i32, fase: Fase, k: Krediet, soort: ArtikelSoort) -> Vec<(Slot, String)> {
    let (van, naar) = Stand::evolutie(jaar, fase);
    let mut out = vec![(Slot::Stand(van, k), format!("{}{}", prefix(k), van.label()))];
    if soort == ArtikelSoort::Uitgave {
        for &(b, label) in Bijstelling::voor_fase(fase) {
            out.push((Slot::Move(b, k), format!("{}{label}", prefix(k))));
        }
    }
    out.push((Slot::Stand(naar, k), format!("{}{}", prefix(k), naar.label())));
    out
}

/// A sheet's values (cached results for formula cells) and, when read, its
/// formulas.
struct Sheet {
    name: String,
    values: Range<Data>,
    formulas: Option<Range<String>>,
}

impl Sheet {
    fn formula(&self, row: u32, col: u32) -> Option<&str> {
        let f = self.formulas.as_ref()?.get_value((row, col))?;
        (!f.is_empty()).then_some(f.as_str())
    }
}

/// One data row: the range and its absolute row index.
#[derive(Clone, Copy)]
struct Row<'r> {
    range: &'r Range<Data>,
    sheet_data: &'r Sheet,
    abs_row: u32,
    sheet: &'r Arc<str>,
    header: &'r Header,
}

impl Row<'_> {
    fn cell(&self, name: &str) -> Option<(&Data, u32)> {
        let col = self.header.col(name)?;
        let v = self.range.get_value((self.abs_row, col)).unwrap_or(&Data::Empty);
        Some((v, col))
    }
}

impl SheetReader {
    fn new(path: &Path, cx: Context) -> SheetReader {
        SheetReader {
            path: Arc::from(path),
            uitgaven: Arc::from(SHEET_UITGAVEN),
            ontvangsten: Arc::from(SHEET_ONTVANGSTEN),
            toelichting: Arc::from(SHEET_TOELICHTING),
            cx,
        }
    }

    /// The same reader with its own copies of the shared names.
    fn own_copy(&self) -> SheetReader {
        SheetReader {
            path: Arc::from(&*self.path),
            uitgaven: Arc::from(&*self.uitgaven),
            ontvangsten: Arc::from(&*self.ontvangsten),
            toelichting: Arc::from(&*self.toelichting),
            cx: self.cx,
        }
    }

    fn loc(&self, sheet: &Arc<str>, row: u32, col: u32) -> Location {
        Location::Cell { file: self.path.clone(), sheet: sheet.clone(), row, col }
    }

    /// Finds the header row: the first of the top 30 rows that holds the
    /// column `Artikel`. Reports missing required columns in one diagnostic.
    fn header(
        &self,
        sheet: &Arc<str>,
        range: &Range<Data>,
        cols: &[Col],
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Header> {
        let (start_row, start_col) = range.start().unwrap_or((0, 0));
        let end_row = range.end().map_or(start_row, |e| e.0);
        let key = norm("Artikel");
        for row in start_row..=end_row.min(start_row + 30) {
            let found: Vec<(String, u32)> = (start_col..start_col + range.width() as u32)
                .filter_map(|c| match range.get_value((row, c)) {
                    Some(Data::String(s)) if !s.trim().is_empty() => Some((s.trim().to_string(), c)),
                    _ => None,
                })
                .collect();
            if !found.iter().any(|(s, _)| norm(s) == key) {
                continue;
            }
            // A column bbt reads that appears twice: which one holds the
            // figures is anybody's guess, so neither is read.
            let mut map: BTreeMap<String, u32> = BTreeMap::new();
            let mut twice = false;
            for (name, c) in &found {
                let key = norm(name);
                match map.get(&key) {
                    Some(&first) if cols.iter().any(|col| norm(&col.name) == key) => {
                        twice = true;
                        diags.push(
                            Diagnostic::error(
                                DUPLICATE_COLUMN,
                                format!("sheet '{sheet}' has the column '{name}' twice"),
                            )
                            .at(self.loc(sheet, row, *c))
                            .related(self.loc(sheet, row, first), "first here")
                            .hint("keep one column of each name: delete or rename the other"),
                        );
                    }
                    Some(_) => {}
                    None => {
                        map.insert(key, *c);
                    }
                }
            }
            if twice {
                return None;
            }
            let missing: Vec<&str> = cols
                .iter()
                .filter(|c| c.required && !map.contains_key(&norm(&c.name)))
                .map(|c| c.name.as_str())
                .collect();
            if !missing.is_empty() {
                diags.push(
                    Diagnostic::error(
                        MISSING_COLUMN,
                        format!(
                            "sheet '{sheet}' lacks the column{} {}",
                            if missing.len() == 1 { "" } else { "s" },
                            missing.iter().map(|m| format!("'{m}'")).collect::<Vec<_>>().join(", ")
                        ),
                    )
                    .at(self.loc(sheet, row, start_col))
                    .hint(format!(
                        "columns found in row {}: {}",
                        row + 1,
                        found.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>().join(", ")
                    )),
                );
                return None;
            }
            let asked = cols.iter().map(|c| (c.name.clone(), map.get(&norm(&c.name)).copied())).collect();
            return Some(Header { row, cols: map, asked });
        }
        diags.push(
            Diagnostic::error(MISSING_COLUMN, format!("sheet '{sheet}' has no header row with a column 'Artikel'"))
                .at(self.loc(sheet, start_row, start_col))
                .hint("the header row names the columns; see docs/workbook.md"),
        );
        None
    }

    /// The data rows below the header, skipping blank ones.
    /// The data rows below the header. Blank rows are skipped, and so are rows
    /// with no text at all whose only figures are zeros (a template's spare
    /// rows, where the BO formula computes 0).
    fn rows<'r>(&self, sheet: &'r Arc<str>, data: &'r Sheet, header: &'r Header) -> Vec<Row<'r>> {
        let range = &data.values;
        let end_row = range.end().map_or(header.row, |e| e.0);
        ((header.row + 1)..=end_row)
            .filter(|&r| {
                header.cols.values().any(|&c| match range.get_value((r, c)) {
                    None | Some(Data::Empty) => false,
                    Some(Data::String(s)) => !s.trim().is_empty(),
                    Some(Data::Float(f)) => *f != 0.0,
                    Some(Data::Int(i)) => *i != 0,
                    Some(_) => true,
                })
            })
            .map(|abs_row| Row { range, sheet_data: data, abs_row, sheet, header })
            .collect()
    }

    fn text(&self, row: &Row, name: &str, required: bool, diags: &mut Vec<Diagnostic>) -> Option<String> {
        let (v, col) = row.cell(name)?;
        if let Data::String(s) = v
            && !s.trim().is_empty()
        {
            return Some(s.trim().to_string());
        }
        // Only a problem needs the cell's location.
        let loc = self.loc(row.sheet, row.abs_row, col);
        match v {
            Data::Empty | Data::String(_) => {
                if required {
                    diags.push(
                        Diagnostic::error(BAD_TEXT, format!("'{name}' is empty"))
                            .at(loc)
                            .hint(format!("every article row needs its {name}; see docs/workbook.md")),
                    );
                }
                None
            }
            Data::Error(e) => {
                diags.push(Diagnostic::error(ERROR_CELL, format!("'{name}' holds the error value {e}")).at(loc));
                None
            }
            Data::Int(i) => Some(i.to_string()),
            other => {
                diags.push(
                    Diagnostic::error(BAD_TEXT, format!("'{name}' must be text, found {}", describe(other))).at(loc),
                );
                None
            }
        }
    }

    /// Reads an amount cell. Every way a cell can fail to become an amount
    /// is an error at that cell, so `None` always comes with an error in
    /// `diags`; a number typed as text is read, with a warning.
    fn amount(&self, row: &Row, name: &str, diags: &mut Vec<Diagnostic>) -> Option<Bedrag> {
        let (v, col) = row.cell(name)?;
        let loc = self.loc(row.sheet, row.abs_row, col);
        match self.cell_amount(row, col, name, v) {
            Ok((waarde, warning)) => {
                diags.extend(warning.map(|w| w.at(loc.clone())));
                Some(Bedrag { waarde, bron: Some(loc) })
            }
            Err(error) => {
                diags.push(error.at(loc));
                None
            }
        }
    }

    /// The money in one amount cell, with a warning to show beside it, or the
    /// error that keeps it from being an amount (both without a place yet).
    fn cell_amount(
        &self,
        row: &Row,
        col: u32,
        name: &str,
        v: &Data,
    ) -> Result<(Money, Option<Diagnostic>), Diagnostic> {
        let unit = self.cx.eenheid;
        if let Some(formula) = row.sheet_data.formula(row.abs_row, col) {
            let stale = match v {
                Data::Empty => Some("has no computed value".to_string()),
                Data::Float(f) if *f == 0.0 => eval_sum(formula, &row.sheet_data.values)
                    .filter(|sum| sum.abs() > 1e-6)
                    .map(|sum| format!("stores the result 0, but its cells add up to {sum}")),
                _ => None,
            };
            if let Some(why) = stale {
                return Err(Diagnostic::error(STALE_FORMULA, format!("the formula in '{name}' ({formula}) {why}"))
                    .hint("the workbook was saved by a program that does not compute formulas: open it in Excel or LibreOffice, let it recalculate, and save it"));
            }
        }
        let beyond = |shown: &str| {
            Diagnostic::error(BAD_AMOUNT, format!("'{name}' is {shown}, beyond any budget"))
                .hint(format!("amounts are whole numbers in {} (the unit in bbt.yaml)", unit.name()))
        };
        if let Data::String(text) = v {
            let n = parse_text_number(text).map_err(|why| {
                Diagnostic::error(BAD_AMOUNT, format!("'{name}' is the text \"{text}\", {why}"))
                    .hint(format!("type a whole number in {}, like 1234 or -4917", unit.name()))
            })?;
            let m = Money::from_units(n, unit).ok_or_else(|| beyond(&format!("the text \"{text}\"")))?;
            let warning = Diagnostic::warning(
                TEXT_NUMBER,
                format!("'{name}' is the text \"{text}\", read as the number {}", crate::render::format::integer(n)),
            )
            .hint("type amounts as numbers: a spreadsheet may add this text up differently (in an English setting \"1.850\" is 1,85) or leave it out of its sums");
            return Ok((m, Some(warning)));
        }
        match to_money(v, unit) {
            Ok(m) => Ok((m, None)),
            Err(AmountError::ErrorValue(e)) => {
                Err(Diagnostic::error(ERROR_CELL, format!("'{name}' holds the error value {e}"))
                    .hint("fix the formula that produces it"))
            }
            Err(AmountError::Invalid(why)) => Err(Diagnostic::error(BAD_AMOUNT, format!("'{name}' {why}"))
                .hint(format!("amounts are whole numbers in {} (the unit in bbt.yaml)", unit.name()))),
        }
    }

    fn articles(
        &self,
        sheet: &Arc<str>,
        data: &Sheet,
        soort: ArtikelSoort,
        out: &mut Figures,
        diags: &mut Vec<Diagnostic>,
    ) -> bool {
        let (van, naar) = Stand::evolutie(self.cx.jaar, self.cx.fase);
        let kredieten: &[Krediet] = match soort {
            ArtikelSoort::Uitgave => &[Krediet::Vak, Krediet::Vek],
            ArtikelSoort::Ontvangst => &[Krediet::Ontvangst],
        };
        let mut cols = vec![
            col("Artikel", true),
            col("Omschrijving", true),
            col("ISE", true),
            col("Entiteit", true),
            col("Korte inhoud", false),
        ];
        if soort == ArtikelSoort::Uitgave {
            cols.push(col("Ontvanger", false));
            cols.push(col("ESR", false));
        }
        for &k in kredieten {
            cols.push(col(format!("{}{}", prefix(k), van.label()), true));
            if soort == ArtikelSoort::Uitgave {
                for (_, name) in Bijstelling::voor_fase(self.cx.fase) {
                    cols.push(col(format!("{}{name}", prefix(k)), true));
                }
            }
            cols.push(col(format!("{}{}", prefix(k), naar.label()), true));
        }
        let Some(header) = self.header(sheet, &data.values, &cols, diags) else { return false };
        let columns = self.amount_columns(kredieten, soort);
        let rows = self.rows(sheet, data, &header);
        // A sheet of many thousand rows is read on every core: rows are
        // independent, and each part keeps its rows' order.
        let parts = if rows.len() >= PARALLEL_ROWS {
            std::thread::available_parallelism().map_or(1, usize::from).min(4)
        } else {
            1
        };
        let read_rows = |rows: &[Row]| {
            let mut part = (Figures::default(), Vec::new());
            if parts == 1 {
                for row in rows {
                    self.article_row(sheet, row, soort, &columns, &mut part.0, &mut part.1);
                }
                return part;
            }
            // Each part has its own copies of the shared names: every cell
            // location clones them, and threads counting references on one
            // `Arc` would wait on each other.
            let reader = self.own_copy();
            let sheet: Arc<str> = Arc::from(&**sheet);
            for row in rows {
                let row = Row { sheet: &sheet, ..*row };
                reader.article_row(&sheet, &row, soort, &columns, &mut part.0, &mut part.1);
            }
            part
        };
        let done: Vec<(Figures, Vec<Diagnostic>)> = if parts > 1 {
            std::thread::scope(|scope| {
                let handles: Vec<_> =
                    rows.chunks(rows.len().div_ceil(parts)).map(|c| scope.spawn(move || read_rows(c))).collect();
                handles.into_iter().map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))).collect()
            })
        } else {
            vec![read_rows(&rows)]
        };
        for (part, part_diags) in done {
            out.artikelen.extend(part.artikelen);
            out.totalen.extend(part.totalen);
            diags.extend(part_diags);
        }
        true
    }

    /// Reads one row of an articles sheet: an article, or a typed total.
    fn article_row(
        &self,
        sheet: &Arc<str>,
        row: &Row,
        soort: ArtikelSoort,
        columns: &[(Slot, String)],
        out: &mut Figures,
        diags: &mut Vec<Diagnostic>,
    ) {
        let Some((_, code_col)) = row.cell("Artikel") else { return };
        let code_loc = self.loc(sheet, row.abs_row, code_col);
        let Some(code) = self.text(row, "Artikel", true, diags) else { return };
        if code.get(..6).is_some_and(|p| p.eq_ignore_ascii_case("totaal")) {
            let rest = code["totaal".len()..].trim();
            let mut t = Totaalrij {
                ise_code: (!rest.is_empty()).then(|| rest.to_string()),
                label: code.clone(),
                soort,
                kredieten: BTreeMap::new(),
                bijstellingen: BTreeMap::new(),
                loc: Some(code_loc),
            };
            self.amounts(row, columns, true, &mut t.kredieten, &mut t.bijstellingen, diags);
            out.totalen.push(t);
            return;
        }
        let code = ArtikelCode::new(code);
        let esr = match code.delen() {
            Ok(d) => {
                let expected = match soort {
                    ArtikelSoort::Uitgave => d.soort == '1' || d.soort == 'A',
                    ArtikelSoort::Ontvangst => d.soort == '0',
                };
                if !expected {
                    diags.push(
                        Diagnostic::error(
                            BAD_CODE,
                            format!(
                                "article {code} is {} but stands on sheet '{sheet}'",
                                if d.soort == '0' {
                                    "a revenue article (5th character 0)"
                                } else {
                                    "an expenditure article"
                                }
                            ),
                        )
                        .at(code_loc.clone())
                        .hint("expenditure articles go on 'Uitgaven', revenue articles on 'Ontvangsten'"),
                    );
                }
                d.esr
            }
            Err(why) => {
                diags.push(
                        Diagnostic::error(BAD_CODE, format!("'{code}' is not a budget article code: {why}"))
                            .at(code_loc.clone())
                            .hint("a code reads entity-kind programma minister credit-kind ISE-letter sequence-letter-ESR, like SB0-1SFE2AA-WT"),
                    );
                Esr::Wt
            }
        };
        let titel = self.text(row, "Omschrijving", true, diags).unwrap_or_default();
        let titel_loc = row.cell("Omschrijving").map(|(_, c)| self.loc(sheet, row.abs_row, c));
        let ise_loc = row.cell("ISE").map(|(_, c)| self.loc(sheet, row.abs_row, c));
        let ise_code = self.text(row, "ISE", true, diags).unwrap_or_default();
        let entiteit = self.text(row, "Entiteit", true, diags).unwrap_or_default();
        let korte_inhoud = self.text(row, "Korte inhoud", false, diags).unwrap_or_default();
        let korte_inhoud_loc = row.cell("Korte inhoud").map(|(_, c)| self.loc(sheet, row.abs_row, c));
        let ontvanger = self.text(row, "Ontvanger", false, diags);
        if let Some(typed) = self.text(row, "ESR", false, diags)
            && let Some((_, c)) = row.cell("ESR")
            && code.delen().is_ok_and(|d| !d.esr.code().eq_ignore_ascii_case(typed.trim()))
        {
            diags.push(
                Diagnostic::error(
                    BAD_CODE,
                    format!("the ESR column says {typed}, but the code {code} ends in {}", esr.code()),
                )
                .at(self.loc(sheet, row.abs_row, c))
                .hint("the ESR aggregate is the code's last part; correct the code or the column"),
            );
        }
        let mut art = Artikel {
            code,
            titel,
            soort,
            esr,
            entiteit,
            ise_code,
            ontvanger,
            korte_inhoud,
            kredieten: BTreeMap::new(),
            bijstellingen: BTreeMap::new(),
            toelichting: Vec::new(),
            volledig: true,
            loc: Some(code_loc),
            ise_loc,
            titel_loc,
            korte_inhoud_loc,
        };
        art.volledig = self.amounts(row, columns, false, &mut art.kredieten, &mut art.bijstellingen, diags);
        out.artikelen.push(art);
    }

    /// The amount columns of a sheet, named once rather than per row.
    fn amount_columns(&self, kredieten: &[Krediet], soort: ArtikelSoort) -> Vec<(Slot, String)> {
        kredieten.iter().flat_map(|&k| amount_columns(self.cx.jaar, self.cx.fase, k, soort)).collect()
    }

    /// Reads a row's amounts: the standings and, for expenditure, the movements.
    /// With `skip_empty` (typed totals), an empty cell is no amount rather than 0.
    fn amounts(
        &self,
        row: &Row,
        columns: &[(Slot, String)],
        skip_empty: bool,
        standen: &mut BTreeMap<(Stand, Krediet), Bedrag>,
        bijstellingen: &mut BTreeMap<(Bijstelling, Krediet), Bedrag>,
        diags: &mut Vec<Diagnostic>,
    ) -> bool {
        // Complete when every amount was read: a warning beside a cell (a
        // number typed as text) never takes an article out of the checks.
        let mut complete = true;
        for (slot, name) in columns {
            if skip_empty && row.cell(name).is_none_or(|(v, _)| is_blank(Some(v))) {
                continue;
            }
            let Some(b) = self.amount(row, name, diags) else {
                complete = false;
                continue;
            };
            match *slot {
                Slot::Stand(stand, k) => {
                    if b.waarde < Money::ZERO {
                        diags.push(
                            Diagnostic::error(
                                NEGATIVE,
                                format!("'{name}' is {}: a credit cannot be negative", b.waarde),
                            )
                            .at_opt(b.bron.clone())
                            .hint("only index, compensaties and bijstellingen may be negative"),
                        );
                    }
                    standen.insert((stand, k), b);
                }
                Slot::Move(m, k) => {
                    bijstellingen.insert((m, k), b);
                }
            }
        }
        complete
    }

    fn toelichting(&self, data: &Sheet, artikelen: &mut [Artikel], diags: &mut Vec<Diagnostic>) {
        let sheet = &self.toelichting;
        let cols = [col("Artikel", true), col("Omschrijving", true), col("VAK", true), col("VEK", true)];
        let Some(header) = self.header(sheet, &data.values, &cols, diags) else { return };
        for row in self.rows(sheet, data, &header) {
            let Some((_, code_col)) = row.cell("Artikel") else { continue };
            let loc = self.loc(sheet, row.abs_row, code_col);
            let Some(code) = self.text(&row, "Artikel", true, diags) else { continue };
            let omschrijving = self.text(&row, "Omschrijving", true, diags).unwrap_or_default();
            let omschrijving_loc = row.cell("Omschrijving").map(|(_, c)| self.loc(sheet, row.abs_row, c));
            let vak = self.amount(&row, "VAK", diags);
            let vek = self.amount(&row, "VEK", diags);
            match artikelen.iter_mut().find(|a| a.code.raw == code) {
                Some(a) if a.soort == ArtikelSoort::Uitgave => {
                    a.toelichting.push(ToelichtingLijn { omschrijving, vak, vek, loc: Some(loc), omschrijving_loc })
                }
                Some(_) => diags.push(
                    Diagnostic::error(
                        UNKNOWN_ARTICLE,
                        format!("{code} is a revenue article; itemised lines are for expenditure articles"),
                    )
                    .at(loc)
                    .hint("explain revenue in the article's korte inhoud"),
                ),
                None => diags.push(
                    Diagnostic::error(
                        UNKNOWN_ARTICLE,
                        format!("toelichting for {code}, which is on neither 'Uitgaven' nor 'Ontvangsten'"),
                    )
                    .at(loc),
                ),
            }
        }
    }
}

/// The prefix of a credit kind's columns: `VAK BA 2024`, `VEK Index`; revenue has none.
fn prefix(k: Krediet) -> &'static str {
    match k {
        Krediet::Vak => "VAK ",
        Krediet::Vek => "VEK ",
        Krediet::Ontvangst => "",
    }
}

fn is_blank(v: Option<&Data>) -> bool {
    match v {
        None | Some(Data::Empty) => true,
        Some(Data::String(s)) => s.trim().is_empty(),
        _ => false,
    }
}

fn describe(v: &Data) -> String {
    match v {
        Data::Int(i) => format!("the number {i}"),
        Data::Float(f) => format!("the number {f}"),
        Data::String(s) => format!("the text \"{s}\""),
        Data::Bool(b) => format!("the logical value {}", if *b { "TRUE" } else { "FALSE" }),
        Data::DateTime(_) | Data::DateTimeIso(_) => "a date".into(),
        Data::DurationIso(_) => "a duration".into(),
        Data::Error(e) => format!("the error value {e}"),
        Data::Empty => "an empty cell".into(),
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
            return Err("which is not a number".into());
        }
        if d.len() == 3 && !int_part.contains(['.', ' ', '\u{a0}', '\u{202f}']) {
            return Err("which is ambiguous: 1,234 is a thousand and more in English but not in Dutch".into());
        }
        if d.chars().any(|c| c != '0') {
            return Err("which is not a whole number".into());
        }
    }
    let seps: Vec<char> = int_part.chars().filter(|c| !c.is_ascii_digit()).collect();
    if seps.iter().any(|c| !matches!(c, '.' | ' ' | '\u{a0}' | '\u{202f}' | '\'')) || int_part.is_empty() {
        return Err("which is not a number".into());
    }
    if let Some(first) = seps.first() {
        if seps.iter().any(|c| c != first) {
            return Err("which mixes separators".into());
        }
        let groups: Vec<&str> = int_part.split(*first).collect();
        let ok =
            groups.first().is_some_and(|g| (1..=3).contains(&g.len())) && groups.iter().skip(1).all(|g| g.len() == 3);
        if !ok {
            return Err("whose digits are not grouped by three".into());
        }
    }
    let digits: String = int_part.chars().filter(char::is_ascii_digit).collect();
    let n: i64 = digits.parse().map_err(|_| "which is too large".to_string())?;
    Ok(if negative { -n } else { n })
}

/// Evaluates a formula that only adds and subtracts cells of its own sheet
/// (`=F4+G4-H4`, `=SUM(F4:I4)`), from their stored values. `None` for any
/// other formula, or when a cell it names holds no number.
fn eval_sum(formula: &str, values: &Range<Data>) -> Option<f64> {
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
    let value = |(r, c): (u32, u32)| -> Option<f64> {
        match values.get_value((r, c)) {
            None | Some(Data::Empty) => Some(0.0),
            Some(Data::Float(x)) => Some(*x),
            Some(Data::Int(i)) => Some(*i as f64),
            _ => None,
        }
    };
    if let Some(inner) = f.strip_prefix("SUM(").and_then(|x| x.strip_suffix(')')) {
        let mut total = 0.0;
        for part in inner.split([',', ';']) {
            match part.split_once(':') {
                Some((a, b)) => {
                    let ((r1, c1), (r2, c2)) = (cell(a.trim())?, cell(b.trim())?);
                    // Only the sheet's used area holds values: `SUM(A1:XFD1048576)`
                    // must not visit seventeen billion empty cells.
                    let (Some((top, left)), Some((bottom, right))) = (values.start(), values.end()) else {
                        continue;
                    };
                    for r in r1.min(r2).max(top)..=r1.max(r2).min(bottom) {
                        for c in c1.min(c2).max(left)..=c1.max(c2).min(right) {
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
                return Err(AmountError::Invalid(format!("is not a finite number ({f})")));
            }
            let r = f.round();
            if (f - r).abs() > 1e-6 {
                return Err(AmountError::Invalid(format!("is {f}, not a whole number in {}", unit.name())));
            }
            if r.abs() > 1e15 {
                return Err(AmountError::Invalid(format!("is {f}, beyond any budget")));
            }
            r as i64
        }
        Data::Error(e) => return Err(AmountError::ErrorValue(e.to_string())),
        other => return Err(AmountError::Invalid(format!("must be a number, found {}", describe(other)))),
    };
    Money::from_units(whole, unit).ok_or_else(|| AmountError::Invalid(format!("is {whole}, beyond any budget")))
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
        let mut r: Range<Data> = Range::new((0, 0), (1, 4));
        for (c, v) in [10.0, -3.0, 0.0, 5.0].iter().enumerate() {
            r.set_value((1, c as u32), Data::Float(*v));
        }
        let cases: &[(&str, Option<f64>)] = &[
            ("=A2+B2+C2+D2", Some(12.0)),
            ("=$A$2-B2", Some(13.0)),
            ("=SUM(A2:D2)", Some(12.0)),
            ("=sum(A2,D2)", Some(15.0)),
            // The whole sheet: only the used area is visited.
            ("=SUM(A1:XFD1048576)", Some(12.0)),
            ("=SUM(F9:G10)", Some(0.0)),
            ("=A2*2", None),
            ("=Other!A2+B2", None),
            ("=A2+", None),
        ];
        for (f, want) in cases {
            assert_eq!(eval_sum(f, &r), *want, "{f}");
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
