//! `bbt man`: the manual page (roff).

use bbt::pipeline::exit::FAILURE;

use crate::console::{self, to_stdout};

pub fn man() -> u8 {
    let man = clap_mangen::Man::new(crate::cli::command());
    let mut page = Vec::new();
    match man.render(&mut page) {
        Ok(()) => to_stdout(&page),
        Err(e) => {
            console::error(bbt::tr!("cannot-write-man", fout = bbt::i18n::io_error(&e)));
            FAILURE
        }
    }
}
