//! bbt's own xlsx reader against calamine: the input is the inside of a
//! sheet's `<sheetData>`, put into a workbook with shared strings and styles
//! (a plain number format, a date, a custom one). Wherever the fast reader
//! reads the sheet, calamine must read it too, to the same cells.
#![no_main]

use bbt::load::workbook::differential;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(dir) = tempfile::tempdir_in(std::env::var_os("BBT_FUZZ_TMP").unwrap_or_else(|| "/dev/shm".into())) else {
        return;
    };
    let path = dir.path().join("begroting.xlsx");
    differential::workbook_with_rows(&path, data).unwrap();
    if let Some(why) = differential::disagreement(&path, "Uitgaven") {
        panic!("{why}");
    }
});
