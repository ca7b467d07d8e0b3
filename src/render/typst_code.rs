//! The one escaping path from input text to Typst (design.md, "the sandbox").
//!
//! Every string that comes from an input reaches Typst as a **string
//! literal** in code mode: `"…"` with only `\`, `"` and control characters
//! escaped. Nothing an author types can therefore become Typst markup or
//! code. Templates receive every value through [`write_value`], which turns
//! a minijinja value into a Typst code expression: strings into literals,
//! numbers into numbers, lists into arrays, maps into dictionaries, and
//! markup produced by our own Markdown converter into a content block.

use std::fmt::Write as _;

use minijinja::value::{Value, ValueKind};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// `he said "hi"\n` → `"he said \"hi\"\n"`.
///
/// The text is NFC-normalised on the way: a letter with accents typed as
/// separate combining marks (`e` + U+0301) becomes the one precomposed
/// letter (`é`), which the PDF's text layer (copy, search, screen readers)
/// then gives back as typed. This is the one place every input string
/// passes on its way to Typst.
pub fn string_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let nfc: std::borrow::Cow<str> = if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfc().collect())
    };
    for c in nfc.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A Typst dictionary key: bare when it is a plain identifier, else quoted.
fn dict_key(k: &str) -> String {
    let ident = k.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if ident { k.to_string() } else { string_literal(k) }
}

/// Writes `value` as a Typst code expression.
///
/// Safe strings (only ever made by `render::markdown` from escaped text) are
/// Typst markup and become content blocks `[…]`; every other string becomes
/// a string literal.
pub fn write_value(out: &mut String, value: &Value) -> Result<(), minijinja::Error> {
    let bad = |msg: String| minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, msg);
    match value.kind() {
        ValueKind::Undefined | ValueKind::None => out.push_str("none"),
        ValueKind::Bool => out.push_str(if value.is_true() { "true" } else { "false" }),
        ValueKind::Number => {
            if let Some(i) = value.as_i64() {
                let _ = write!(out, "{i}");
            } else if let Ok(f) = f64::try_from(value.clone()) {
                if !f.is_finite() {
                    return Err(bad(format!("the number {f} has no Typst form")));
                }
                let _ = write!(out, "{f:?}");
            } else {
                return Err(bad(format!("the number {value} has no Typst form")));
            }
        }
        ValueKind::String => {
            let s = value.as_str().unwrap_or_default();
            if value.is_safe() {
                out.push('[');
                out.push_str(s);
                out.push(']');
            } else {
                out.push_str(&string_literal(s));
            }
        }
        ValueKind::Seq | ValueKind::Iterable => {
            out.push('(');
            for item in value.try_iter()? {
                write_value(out, &item)?;
                out.push_str(", ");
            }
            out.push(')');
        }
        ValueKind::Map => {
            out.push('(');
            let mut empty = true;
            for key in value.try_iter()? {
                let k = key.as_str().map(str::to_string).unwrap_or_else(|| key.to_string());
                out.push_str(&dict_key(&k));
                out.push_str(": ");
                write_value(out, &value.get_item(&key)?)?;
                out.push_str(", ");
                empty = false;
            }
            if empty {
                out.push(':');
            }
            out.push(')');
        }
        other => return Err(bad(format!("a {other} value cannot be written into Typst"))),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_only_what_a_string_literal_needs() {
        let cases: &[(&str, &str)] = &[
            ("plain", r##""plain""##),
            (r##"#read("/etc/passwd")"##, r##""#read(\"/etc/passwd\")""##),
            ("a\\b", r##""a\\b""##),
            ("line\nnext\ttab\r", r##""line\nnext\ttab\r""##),
            ("bell\u{7}", r##""bell\u{7}""##),
            ("$x$ *y* _z_ <l> @r = - + / [ ] ~ ` '", r##""$x$ *y* _z_ <l> @r = - + / [ ] ~ ` '""##),
            ("€ – ë “q”", r##""€ – ë “q”""##),
        ];
        for (input, want) in cases {
            assert_eq!(string_literal(input), *want, "{input}");
        }
    }

    #[test]
    fn writes_values_as_code_expressions() {
        let v = Value::from(minijinja::value::Serde(serde_json::json!({
            "a": 1, "b": "x\"y", "c": [true, null], "d": {}, "e f": -2
        })));
        let mut out = String::new();
        write_value(&mut out, &v).unwrap();
        assert_eq!(out, r##"(a: 1, b: "x\"y", c: (true, none, ), d: (:), "e f": -2, )"##);
        let mut out = String::new();
        write_value(&mut out, &Value::from_safe_string("#emph[#\"x\"]".into())).unwrap();
        assert_eq!(out, "[#emph[#\"x\"]]");
    }

    /// Letters typed with separate accents are one letter in the PDF.
    #[test]
    fn normalises_to_nfc() {
        assert_eq!(string_literal("e\u{301}te\u{301}"), "\"été\"");
        assert_eq!(string_literal("e\u{301}\u{308}"), "\"é\u{308}\"");
        assert_eq!(string_literal("A\u{30a}"), "\"Å\"");
        // Already NFC: unchanged.
        assert_eq!(string_literal("Ångström é"), "\"Ångström é\"");
    }
}
