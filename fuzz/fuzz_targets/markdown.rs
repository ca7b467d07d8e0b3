//! The Markdown → Typst converter on arbitrary text: never panics, and what
//! it writes is one Typst content expression (balanced brackets outside
//! string literals).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let level = data.first().map_or(3, |b| b % 6 + 1);
    let (typst, _) = bbt::render::markdown::to_typst(text, Path::new("tekst.md"), level);
    let _ = bbt::render::narrative::has_expressions(text);
    // Outside string literals, brackets must balance: text never becomes code.
    let mut depth: i64 = 0;
    let mut in_string = false;
    let mut escaped = false;
    for c in typst.chars() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '[' | '(' | '{' => depth += 1,
            ']' | ')' | '}' => depth -= 1,
            _ => {}
        }
        assert!(depth >= 0, "unbalanced output for {text:?}:\n{typst}");
    }
    assert!(!in_string && depth == 0, "unbalanced output for {text:?}:\n{typst}");
});
