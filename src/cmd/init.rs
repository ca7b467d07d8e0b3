//! `bbt init DIR` (a new project) and `bbt init --next` (the next year).

use std::path::{Path, PathBuf};

use bbt::pipeline::exit::{INVALID, OK};

use super::{project_root, source_date_epoch};
use crate::console::{self, say};

pub fn init(dir: Option<&Path>, year: Option<i32>, next: bool) -> u8 {
    let dir = project_root(&dir.map(PathBuf::from));
    let today = match today() {
        Ok(d) => d,
        Err(code) => return code,
    };
    let result = if next {
        bbt::init::next_year(&dir, today)
    } else {
        bbt::init::scaffold(&dir, year.unwrap_or_else(|| bbt::init::default_year(today)), today)
    };
    match result {
        Ok(files) => {
            for f in &files {
                say!("{}", bbt::tr!("created", pad = f.display()));
            }
            let werkboek = files.last().map(|f| f.display().to_string()).unwrap_or_default();
            if next {
                console::help(bbt::tr!("init-next-help"));
            }
            console::help(bbt::tr!("init-help", werkboek = werkboek, project = dir.display()));
            OK
        }
        Err(refused) => {
            console::error(refused.message);
            if let Some(h) = refused.hint {
                console::help(h);
            }
            INVALID
        }
    }
}

/// Today (UTC), or the date `SOURCE_DATE_EPOCH` fixes (for tests and
/// reproducible runs).
fn today() -> Result<bbt::model::Date, u8> {
    if let Some(d) = source_date_epoch()? {
        return Ok(d);
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    bbt::typeset::date_from_unix(secs).ok_or(bbt::pipeline::exit::FAILURE)
}
