//! `bbt explain CODE`: the documentation of a rule.

use bbt::pipeline::exit::FAILURE;

use crate::console::{say, to_stdout};

pub fn explain(code: &str) -> u8 {
    // As printed: `error[B003]` or `B003`.
    let code = code.rsplit('[').next().unwrap_or(code).trim_end_matches(']').trim();
    match bbt::rules::explain(code) {
        Some(text) => to_stdout(format!("{text}\n").as_bytes()),
        None => {
            say!("error: no diagnostic has the code '{code}'");
            let codes: Vec<&str> = bbt::rules::ALL.iter().map(|r| r.code).collect();
            say!("  = help: the codes are {}", codes.join(", "));
            FAILURE
        }
    }
}
