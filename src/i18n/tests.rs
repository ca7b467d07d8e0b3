//! Both languages have every message the code asks for, with the same
//! attributes and arguments, and their sources parse without an error.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_bundle::FluentResource;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::*;

/// Message (or `message.attribute`) → the variables it uses.
type Catalogue = BTreeMap<String, BTreeSet<String>>;

fn variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
        Expression::Inline(i) => inline_variables(i, out),
    }
}

fn inline_variables(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

fn catalogue(lang: Lang) -> Catalogue {
    let mut out = Catalogue::new();
    for (name, text) in lang.sources() {
        let resource = match FluentResource::try_new((*text).to_string()) {
            Ok(r) => r,
            Err((_, errors)) => panic!("{name} does not parse: {errors:?}"),
        };
        for entry in resource.entries() {
            if let Entry::Message(m) = entry {
                let id = m.id.name.to_string();
                assert!(!out.contains_key(&id), "{name}: {id} is defined twice");
                let mut vars = BTreeSet::new();
                if let Some(value) = &m.value {
                    variables(value, &mut vars);
                }
                out.insert(id.clone(), vars);
                for a in &m.attributes {
                    let mut vars = BTreeSet::new();
                    variables(&a.value, &mut vars);
                    out.insert(format!("{id}.{}", a.id.name), vars);
                }
            }
        }
    }
    out
}

/// Every `tr!("id", name = ...)` in `src/`, with the names of its arguments.
fn asked_for() -> Vec<(String, String, BTreeSet<String>)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String, BTreeSet<String>)>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (at, _) in text.match_indices("tr!(\"") {
                    // `include_str!("...")` is no message, nor is an example in a comment.
                    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                    if text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_')
                        || text[line_start..at].trim_start().starts_with("//")
                    {
                        continue;
                    }
                    let rest = &text[at + 5..];
                    let Some(end) = rest.find('"') else { continue };
                    let id = rest[..end].to_string();
                    // The arguments: `name = ` at the top level of the call.
                    let mut depth = 0usize;
                    let mut args = BTreeSet::new();
                    let call = &rest[end + 1..];
                    let mut close = call.len();
                    for (i, c) in call.char_indices() {
                        match c {
                            '(' | '[' | '{' => depth += 1,
                            ')' | ']' | '}' if depth == 0 => {
                                close = i;
                                break;
                            }
                            ')' | ']' | '}' => depth -= 1,
                            _ => {}
                        }
                    }
                    for part in call[..close].split(',') {
                        if let Some((name, _)) = part.split_once(" = ")
                            && let name = name.trim()
                            && !name.is_empty()
                            && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                        {
                            args.insert(name.to_string());
                        }
                    }
                    out.push((path.display().to_string(), id, args));
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

#[test]
fn both_languages_have_the_same_messages_with_the_same_arguments() {
    let (nl, en) = (catalogue(Lang::Nl), catalogue(Lang::En));
    let ids: BTreeSet<&String> = nl.keys().chain(en.keys()).collect();
    for id in ids {
        match (nl.get(id), en.get(id)) {
            (Some(a), Some(b)) => assert_eq!(a, b, "{id}: nl and en use other arguments"),
            (None, _) => panic!("{id} is missing in nl"),
            (_, None) => panic!("{id} is missing in en"),
        }
    }
}

#[test]
fn every_message_the_code_asks_for_exists_with_its_arguments() {
    let nl = catalogue(Lang::Nl);
    let asked = asked_for();
    assert!(asked.len() > 50, "found only {} calls of tr!", asked.len());
    for (file, id, args) in asked {
        if file.contains("/i18n/") {
            continue;
        }
        let Some(vars) = nl.get(&id) else { panic!("{file}: tr!(\"{id}\") has no message") };
        assert_eq!(&args, vars, "{file}: tr!(\"{id}\") gives other arguments than the message uses");
    }
}

#[test]
fn messages_are_formatted_in_the_language_asked_for() {
    let args = |n: usize| {
        vec![("fouten", Count(n).value()), ("waarschuwingen", Count(1).value()), ("opmerkingen", Count(0).value())]
    };
    assert_eq!(tr_in(Lang::Nl, "summary", args(2)), "2 fouten, 1 waarschuwing, 0 opmerkingen");
    assert_eq!(tr_in(Lang::En, "summary", args(1)), "1 error, 1 warning, 0 notes");
    assert_eq!(tr_in(Lang::Nl, "s001.hint", Vec::new()), "Elk beleidsveld, elke ISE, SD en OD heeft een eigen id.");
    // A message the bundle lacks shows its id, never stops bbt.
    assert_eq!(tr_in(Lang::En, "no-such-message", Vec::new()), "no-such-message");
}

#[test]
fn numbers_are_written_as_the_language_writes_them() {
    set(Lang::Nl);
    assert_eq!(number(37.5), "37,5");
    assert_eq!(number(1767.0), "1.767");
    assert_eq!(number(-1_234_567_i64), "-1.234.567");
    assert_eq!(number(100), "100");
    assert_eq!(number(f64::NAN), "NaN");
}

#[test]
fn the_language_comes_from_lang_then_bbt_lang_never_lang() {
    let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(from_args_and_env(&args(&["bbt", "check"]), None), Lang::Nl);
    assert_eq!(from_args_and_env(&args(&["bbt", "check"]), Some("en")), Lang::En);
    assert_eq!(from_args_and_env(&args(&["bbt", "--lang", "en", "check"]), None), Lang::En);
    assert_eq!(from_args_and_env(&args(&["bbt", "check", "--lang=nl"]), Some("en")), Lang::Nl);
    assert_eq!(from_args_and_env(&args(&["bbt", "--", "--lang", "en"]), None), Lang::Nl);
    assert_eq!(from_args_and_env(&args(&["bbt"]), Some("en_GB.UTF-8")), Lang::En);
    assert_eq!(from_args_and_env(&args(&["bbt"]), Some("fr")), Lang::Nl);
}
