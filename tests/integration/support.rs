//! Helpers: running bbt, copying the sample, editing workbooks, reading PDFs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader, open_workbook_auto};
use rust_xlsxwriter::Workbook;

/// The repository's sample project.
pub fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("inputs")
}

pub fn bbt() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bbt"));
    cmd.env_remove("SOURCE_DATE_EPOCH");
    // The suite reads bbt's messages in English; `language.rs` reads them in
    // Dutch, the default.
    cmd.env("BBT_LANG", "en");
    cmd
}

/// Runs bbt with `args` in `cwd`.
pub fn run(cwd: &Path, args: &[&str]) -> Output {
    bbt().current_dir(cwd).args(args).output().expect("bbt runs")
}

/// Runs bbt as a Flemish civil servant does: no `BBT_LANG`, on a system
/// whose `LANG` is English (which bbt ignores).
pub fn run_nl(cwd: &Path, args: &[&str]) -> Output {
    bbt().env_remove("BBT_LANG").env("LANG", "en_US.UTF-8").current_dir(cwd).args(args).output().expect("bbt runs")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A copy of the sample project in a fresh temporary folder (at `<tmp>/project`).
pub fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dst = tmp.path().join("project");
    copy_dir(&sample(), &dst);
    (tmp, dst)
}

pub fn copy_dir(src: &Path, dst: &Path) {
    std::fs::create_dir_all(dst).expect("mkdir");
    for entry in std::fs::read_dir(src).expect("read dir") {
        let entry = entry.expect("entry");
        let to = dst.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &to);
        } else {
            std::fs::copy(entry.path(), &to).expect("copy");
        }
    }
}

/// Rewrites the workbook `src` into `dst` (xlsx) with every cell value kept
/// except `edits`: (sheet, zero-based row, zero-based column, new value).
/// Formulas become their values, as in a "paste values" of the sheet.
pub fn rewrite_workbook(src: &Path, dst: &Path, edits: &[(&str, u32, u16, Data)]) {
    let mut book = open_workbook_auto(src).expect("open workbook");
    let mut out = Workbook::new();
    for name in book.sheet_names().to_vec() {
        let range = book.worksheet_range(&name).expect("sheet");
        let ws = out.add_worksheet();
        ws.set_name(&name).expect("name");
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut cells: Vec<(u32, u16, Data)> = range
            .cells()
            .map(|(r, c, v)| (r as u32 + r0, c as u16 + c0 as u16, v.clone()))
            .filter(|(r, c, _)| !edits.iter().any(|(s, er, ec, _)| *s == name && er == r && ec == c))
            .collect();
        cells.extend(edits.iter().filter(|(s, ..)| *s == name).map(|(_, r, c, v)| (*r, *c, v.clone())));
        for (r, c, v) in cells {
            write_cell(ws, r, c, &v);
        }
    }
    out.save(dst).expect("save workbook");
}

/// Multiplies every number in the `sheets` of a workbook by `factor`, in
/// place (formulas become their values): e.g. a workbook in duizend euro
/// rewritten in euro.
pub fn scale_numbers(path: &Path, sheets: &[&str], factor: f64) {
    let mut all = read_sheets(path);
    for (name, cells) in all.iter_mut().filter(|(n, _)| sheets.contains(&n.as_str())) {
        for (_, _, v) in cells.iter_mut() {
            match v {
                Data::Float(f) => *f *= factor,
                Data::Int(i) => *v = Data::Float(*i as f64 * factor),
                _ => {}
            }
        }
        assert!(!cells.is_empty(), "sheet {name} is empty");
    }
    write_sheets(path, &all);
}

/// (row, column) of the first cell in `sheet` whose text is `text`.
pub fn find_cell(workbook: &Path, sheet: &str, text: &str) -> (u32, u16) {
    let mut book = open_workbook_auto(workbook).expect("open workbook");
    let range = book.worksheet_range(sheet).expect("sheet");
    let (r0, c0) = range.start().unwrap_or((0, 0));
    range
        .cells()
        .find(|(_, _, v)| matches!(v, Data::String(s) if s == text))
        .map(|(r, c, _)| (r as u32 + r0, (c as u32 + c0) as u16))
        .unwrap_or_else(|| panic!("{sheet} has no cell '{text}'"))
}

/// Runs an outside program; it must exist (a test never skips for want of one).
pub fn tool(program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} is needed by this test (install it; .ci/run does): {e}"))
}

pub fn pdftotext_layout(pdf: &Path) -> String {
    let out = tool("pdftotext", &["-layout", &pdf.to_string_lossy(), "-"]);
    assert!(out.status.success(), "pdftotext failed: {}", stderr(&out));
    stdout(&out)
}

/// The sample rendered once for the tests that only read it.
pub fn rendered_sample() -> &'static Path {
    static PDF: std::sync::OnceLock<(tempfile::TempDir, PathBuf)> = std::sync::OnceLock::new();
    let (_, path) = PDF.get_or_init(|| {
        let tmp = tempfile::tempdir().expect("temp dir");
        let out = run(
            tmp.path(),
            &["render", &sample().to_string_lossy(), "--year", "2025", "-o", &tmp.path().to_string_lossy()],
        );
        assert!(out.status.success(), "render failed: {}", stderr(&out));
        let pdf = tmp.path().join("samenleven-2025-bo.pdf");
        (tmp, pdf)
    });
    path
}

/// A change to a copy of the sample, for a test case.
#[derive(Clone)]
pub enum Edit {
    /// Replace the one occurrence of `from` in a text file by `to`.
    Replace(&'static str, &'static str, &'static str),
    /// Write a file.
    Write(&'static str, &'static str),
    /// Write bytes to a file.
    WriteBytes(&'static str, &'static [u8]),
    /// Remove a file.
    Remove(&'static str),
    /// Rename a sheet of a workbook: (file, old, new).
    RenameSheet(&'static str, &'static str, &'static str),
    /// Set the cell in `column` (a header name) of the row whose Artikel is `key`.
    Cell { file: &'static str, sheet: &'static str, key: &'static str, column: &'static str, value: Data },
    /// Set the cell at a zero-based (row, column).
    CellAt { file: &'static str, sheet: &'static str, row: u32, col: u16, value: Data },
    /// Append a row: (column header, value) pairs.
    AddRow { file: &'static str, sheet: &'static str, values: Vec<(&'static str, Data)> },
    /// Delete the row whose Artikel is `key` (the rows below move up).
    DeleteRow { file: &'static str, sheet: &'static str, key: &'static str },
    /// Move a file out of the project (beside it) and leave a link to it in its place.
    LinkOutside(&'static str),
}

pub fn s(text: &str) -> Data {
    Data::String(text.to_string())
}

pub fn n(value: f64) -> Data {
    Data::Float(value)
}

/// All cells of every sheet of a workbook, with absolute positions.
pub type Sheets = Vec<(String, Vec<(u32, u16, Data)>)>;

pub fn read_sheets(path: &Path) -> Sheets {
    let mut book = open_workbook_auto(path).expect("open workbook");
    book.sheet_names()
        .to_vec()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("sheet");
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let cells = range.cells().map(|(r, c, v)| (r as u32 + r0, (c as u32 + c0) as u16, v.clone())).collect();
            (name, cells)
        })
        .collect()
}

pub fn write_sheets(path: &Path, sheets: &Sheets) {
    let mut out = Workbook::new();
    for (name, cells) in sheets {
        let ws = out.add_worksheet();
        ws.set_name(name).expect("name");
        for (r, c, v) in cells {
            write_cell(ws, *r, *c, v);
        }
    }
    out.save(path).expect("save workbook");
}

/// A formula without a computed result, as a program that does not calculate
/// writes one (stored as 0): `{row}` stands for the cell's own row number.
pub fn formula(text: &str) -> Data {
    Data::DurationIso(format!("formula:{text}"))
}

/// Writes one cell: a value, an error value (as a formula's cached result,
/// the way spreadsheet programs store them), or a [`formula`].
fn write_cell(ws: &mut rust_xlsxwriter::Worksheet, r: u32, c: u16, v: &Data) {
    match v {
        Data::Empty => {}
        Data::String(s) => {
            ws.write_string(r, c, s).expect("write");
        }
        Data::Float(f) => {
            ws.write_number(r, c, *f).expect("write");
        }
        Data::Int(i) => {
            ws.write_number(r, c, *i as f64).expect("write");
        }
        Data::Bool(b) => {
            ws.write_boolean(r, c, *b).expect("write");
        }
        Data::Error(e) => {
            let f = rust_xlsxwriter::Formula::new("=NA()").set_result(e.to_string());
            ws.write_formula(r, c, f).expect("write");
        }
        Data::DurationIso(f) if f.starts_with("formula:") => {
            let text = f.trim_start_matches("formula:").replace("{row}", &(r + 1).to_string());
            ws.write_formula(r, c, text.as_str()).expect("write");
        }
        other => panic!("cannot write {other:?}"),
    }
}

/// (row of the header, column of `name`) in a sheet's cells.
pub fn header_col(cells: &[(u32, u16, Data)], name: &str) -> (u32, u16) {
    cells
        .iter()
        .find(|(_, _, v)| matches!(v, Data::String(s) if s == name))
        .map(|(r, c, _)| (*r, *c))
        .unwrap_or_else(|| panic!("no column '{name}'"))
}

fn key_row(cells: &[(u32, u16, Data)], key: &str) -> u32 {
    cells
        .iter()
        .find(|(_, c, v)| *c == 0 && matches!(v, Data::String(s) if s == key))
        .map(|(r, _, _)| *r)
        .unwrap_or_else(|| panic!("no row '{key}'"))
}

/// The A1 name of the cell in `column` of the row whose Artikel is `key`.
pub fn cell_of(workbook: &Path, sheet: &str, key: &str, column: &str) -> String {
    cell_of_opt(workbook, sheet, key, column).unwrap_or_else(|| panic!("no row '{key}' in {}", workbook.display()))
}

pub fn cell_of_opt(workbook: &Path, sheet: &str, key: &str, column: &str) -> Option<String> {
    let sheets = read_sheets(workbook);
    let cells = &sheets.iter().find(|(n, _)| n == sheet).expect("sheet").1;
    let (_, col) = header_col(cells, column);
    let row = cells.iter().find(|(_, c, v)| *c == 0 && matches!(v, Data::String(s) if s == key)).map(|(r, _, _)| *r)?;
    Some(bbt::diag::Location::cell_name(row, col as u32))
}

/// Applies `edits` to the project at `root`.
pub fn apply(root: &Path, edits: &[Edit]) {
    for edit in edits {
        match edit {
            Edit::Replace(file, from, to) => {
                let path = root.join(file);
                let text = std::fs::read_to_string(&path).expect("read");
                assert_eq!(text.matches(from).count(), 1, "'{from}' must occur once in {file}");
                std::fs::write(&path, text.replace(from, to)).expect("write");
            }
            Edit::Write(file, content) => {
                let path = root.join(file);
                std::fs::create_dir_all(path.parent().expect("a file in a folder")).expect("folder");
                std::fs::write(path, content).expect("write")
            }
            Edit::WriteBytes(file, content) => std::fs::write(root.join(file), content).expect("write"),
            Edit::Remove(file) => std::fs::remove_file(root.join(file)).expect("remove"),
            Edit::RenameSheet(file, old, new) => {
                let path = root.join(file);
                let mut sheets = read_sheets(&path);
                sheets.iter_mut().find(|(n, _)| n == old).expect("sheet").0 = new.to_string();
                write_sheets(&path, &sheets);
            }
            Edit::Cell { file, sheet, key, column, value } => {
                let path = root.join(file);
                let mut sheets = read_sheets(&path);
                let cells = &mut sheets.iter_mut().find(|(n, _)| n == sheet).expect("sheet").1;
                let (_, col) = header_col(cells, column);
                let row = key_row(cells, key);
                cells.retain(|(r, c, _)| !(*r == row && *c == col));
                cells.push((row, col, value.clone()));
                write_sheets(&path, &sheets);
            }
            Edit::CellAt { file, sheet, row, col, value } => {
                let path = root.join(file);
                let mut sheets = read_sheets(&path);
                let cells = &mut sheets.iter_mut().find(|(n, _)| n == sheet).expect("sheet").1;
                cells.retain(|(r, c, _)| !(r == row && c == col));
                cells.push((*row, *col, value.clone()));
                write_sheets(&path, &sheets);
            }
            Edit::AddRow { file, sheet, values } => {
                let path = root.join(file);
                let mut sheets = read_sheets(&path);
                let cells = &mut sheets.iter_mut().find(|(n, _)| n == sheet).expect("sheet").1;
                let row = cells.iter().map(|(r, _, _)| *r).max().unwrap_or(0) + 1;
                for (column, value) in values {
                    let (_, col) = header_col(cells, column);
                    cells.push((row, col, value.clone()));
                }
                write_sheets(&path, &sheets);
            }
            Edit::LinkOutside(file) => {
                let path = root.join(file);
                let outside = root.parent().expect("a parent").join("outside");
                std::fs::rename(&path, &outside).expect("move out");
                std::os::unix::fs::symlink(&outside, &path).expect("link");
            }
            Edit::DeleteRow { file, sheet, key } => {
                let path = root.join(file);
                let mut sheets = read_sheets(&path);
                let cells = &mut sheets.iter_mut().find(|(n, _)| n == sheet).expect("sheet").1;
                let row = key_row(cells, key);
                cells.retain(|(r, _, _)| *r != row);
                for cell in cells.iter_mut() {
                    if cell.0 > row {
                        cell.0 -= 1;
                    }
                }
                write_sheets(&path, &sheets);
            }
        }
    }
}

/// (line, column), 1-based, of the `nth` occurrence of `needle` in a text file.
pub fn text_pos(path: &Path, needle: &str, nth: usize) -> (usize, usize) {
    let text = std::fs::read_to_string(path).expect("read");
    let (at, _) = text.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("'{needle}' not in {}", path.display()));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Validates `bbt check --format json` output against docs/diagnostics.schema.json.
pub fn assert_schema_valid(json: &serde_json::Value) {
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/diagnostics.schema.json");
    let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let errors: Vec<String> = validator.iter_errors(json).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "output does not follow the schema: {errors:?}\n{json:#}");
}

/// Writes a workbook of plain values: (sheet, rows).
pub fn write_workbook(path: &Path, sheets: &[(&str, Vec<Vec<Data>>)]) {
    let cells: Sheets = sheets
        .iter()
        .map(|(name, rows)| {
            let cells = rows
                .iter()
                .enumerate()
                .flat_map(|(r, row)| row.iter().enumerate().map(move |(c, v)| (r as u32, c as u16, v.clone())))
                .collect();
            (name.to_string(), cells)
        })
        .collect();
    write_sheets(path, &cells);
}

/// The rows of a sheet below its header, as (header → value) maps.
pub fn sheet_rows(path: &Path, sheet: &str) -> Vec<std::collections::BTreeMap<String, Data>> {
    let sheets = read_sheets(path);
    let cells = &sheets.iter().find(|(n, _)| n == sheet).expect("sheet").1;
    let (head_row, _) = header_col(cells, "Artikel");
    let heads: std::collections::BTreeMap<u16, String> = cells
        .iter()
        .filter(|(r, _, _)| *r == head_row)
        .filter_map(|(_, c, v)| match v {
            Data::String(s) => Some((*c, s.clone())),
            _ => None,
        })
        .collect();
    let last = cells.iter().map(|(r, _, _)| *r).max().unwrap_or(0);
    ((head_row + 1)..=last)
        .map(|r| {
            cells
                .iter()
                .filter(|(row, _, _)| *row == r)
                .filter_map(|(_, c, v)| heads.get(c).map(|h| (h.clone(), v.clone())))
                .collect()
        })
        .filter(|m: &std::collections::BTreeMap<String, Data>| !m.is_empty())
        .collect()
}
