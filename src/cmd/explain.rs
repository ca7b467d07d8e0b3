//! `bbt explain CODE`: the documentation of a rule.

use bbt::pipeline::exit::FAILURE;

use crate::console::{self, to_stdout};

pub fn explain(code: &str) -> u8 {
    // As printed: `error[B003]` or `B003`.
    let code = code.rsplit('[').next().unwrap_or(code).trim_end_matches(']').trim();
    match bbt::rules::explain(code) {
        Some(text) => to_stdout(format!("{text}\n").as_bytes()),
        None => {
            console::error(bbt::tr!("explain-unknown", code = code));
            let codes: Vec<&str> = bbt::rules::ALL.iter().map(|r| r.code).collect();
            console::help(bbt::tr!("explain-unknown-help", lijst = codes.join(", ")));
            FAILURE
        }
    }
}
