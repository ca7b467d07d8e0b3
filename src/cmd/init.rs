//! `bbt init DIR` (a new project) and `bbt init --next` (the next year).

use std::path::{Path, PathBuf};

use bbt::pipeline::exit::{INVALID, OK};

use super::project_root;
use crate::console::say;

pub fn init(dir: Option<&Path>, year: i32, next: bool) -> u8 {
    let dir = project_root(&dir.map(PathBuf::from));
    match if next { bbt::init::next_year(&dir) } else { bbt::init::scaffold(&dir, year) } {
        Ok(files) => {
            for f in &files {
                say!("created {}", f.display());
            }
            say!(
                "  = help: fill in the texts and {}, then run `bbt render {}`",
                files.last().map(|f| f.display().to_string()).unwrap_or_default(),
                dir.display()
            );
            OK
        }
        Err(e) => {
            say!("error: {e}");
            INVALID
        }
    }
}
