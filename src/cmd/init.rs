//! `bbt init DIR` (a new project) and `bbt init --next` (the next year).

use std::path::{Path, PathBuf};

use bbt::pipeline::exit::{INVALID, OK};

use super::project_root;
use crate::console::{self, say};

pub fn init(dir: Option<&Path>, year: i32, next: bool) -> u8 {
    let dir = project_root(&dir.map(PathBuf::from));
    match if next { bbt::init::next_year(&dir) } else { bbt::init::scaffold(&dir, year) } {
        Ok(files) => {
            for f in &files {
                say!("{}", bbt::tr!("created", pad = f.display()));
            }
            console::help(bbt::tr!(
                "init-help",
                werkboek = files.last().map(|f| f.display().to_string()).unwrap_or_default(),
                project = dir.display()
            ));
            OK
        }
        Err(e) => {
            console::error(e);
            INVALID
        }
    }
}
