//! The workbook loader on arbitrary bytes, as xlsx, ods or xls (chosen by the
//! first byte): figures or diagnostics, never a panic, in bounded memory
//! (run with -rss_limit_mb).
#![no_main]

use libfuzzer_sys::fuzz_target;

use bbt::load::workbook::{Context, load};
use bbt::model::{Fase, money::Unit};

fuzz_target!(|data: &[u8]| {
    let Some((&kind, bytes)) = data.split_first() else { return };
    let ext = match kind % 3 {
        0 => "xlsx",
        1 => "ods",
        _ => "xls",
    };
    let Ok(dir) = tempfile::tempdir_in(std::env::var_os("BBT_FUZZ_TMP").unwrap_or_else(|| "/dev/shm".into())) else {
        return;
    };
    let path = dir.path().join(format!("begroting.{ext}"));
    if std::fs::write(&path, bytes).is_err() {
        return;
    }
    let cx = Context { jaar: 2025, fase: Fase::Bo, eenheid: if kind & 4 == 0 { Unit::Euro } else { Unit::DuizendEuro } };
    let _ = load(&path, cx);
});
