//! The YAML loaders: beleidsnota.yaml, bbt.yaml and prestaties.yaml from
//! arbitrary text. Each must return a value or a diagnostic, never panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = bbt::load::beleidsnota::parse(Path::new("beleidsnota.yaml"), text);
    let _ = bbt::load::document::parse(Path::new("bbt.yaml"), text);
    let _ = bbt::load::document::parse_prestaties(Path::new("prestaties.yaml"), text);
});
