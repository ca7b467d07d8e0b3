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
    cmd
}

/// Runs bbt with `args` in `cwd`.
pub fn run(cwd: &Path, args: &[&str]) -> Output {
    bbt().current_dir(cwd).args(args).output().expect("bbt runs")
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

fn copy_dir(src: &Path, dst: &Path) {
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
            match v {
                Data::Empty => {}
                Data::String(s) => {
                    ws.write_string(r, c, s).expect("write");
                }
                Data::Float(f) => {
                    ws.write_number(r, c, f).expect("write");
                }
                Data::Int(i) => {
                    ws.write_number(r, c, i as f64).expect("write");
                }
                Data::Bool(b) => {
                    ws.write_boolean(r, c, b).expect("write");
                }
                other => panic!("rewrite_workbook cannot write {other:?}"),
            }
        }
    }
    out.save(dst).expect("save workbook");
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
