//! YAML with positions.
//!
//! serde_yaml reports positions for syntax errors and unknown keys, but the
//! values it produces carry no spans. [`YamlFile`] therefore also builds an
//! index from each node's path (`beleidsvelden[0].ises[1].code`) to its
//! line and column with saphyr's event parser, so that later checks can point
//! at the exact place of a value.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use saphyr_parser::{Event, Parser};
use serde::de::DeserializeOwned;

use crate::diag::{Diagnostic, Location};
use crate::{rules, tr};

/// A parsed YAML input: its path, its text and the position index.
pub struct YamlFile {
    pub path: PathBuf,
    index: HashMap<String, (usize, usize)>,
}

impl YamlFile {
    /// The location of the node at `path` (`a.b[2].c`), or of the closest
    /// ancestor that has one, or the file itself.
    pub fn loc(&self, path: &str) -> Location {
        let mut p = path;
        loop {
            if let Some(&(line, column)) = self.index.get(p) {
                return Location::Text { file: self.path.clone(), line, column };
            }
            match p.rfind(['.', '[']) {
                Some(i) => p = &p[..i],
                None => return Location::File { file: self.path.clone() },
            }
        }
    }
}

/// Parses `text` (the contents of `path`) into `T`, reporting syntax errors,
/// unknown keys and type errors with their line and column.
///
/// Every place is computed by [`Lines`] from the offset the parser gives, as
/// an editor counts lines: YAML 1.1 parsers (libyaml, under serde_yaml) also
/// break lines at U+0085, U+2028 and U+2029, which editors show inside a line.
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<(T, YamlFile), Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let at = |(line, column): (usize, usize)| Location::Text { file: path.to_path_buf(), line, column };
    if text.trim().is_empty() {
        return Err(rules::YAML_SYNTAX.report(tr!("l001-empty")).at(at((1, 1))).hint(tr!("l001-empty.hint")));
    }
    let lines = Lines::new(text);
    // libyaml refuses these with no place (line 1, column 1): find them first.
    if let Some((offset, c)) = text.char_indices().find(|&(_, c)| !allowed_in_yaml(c)) {
        return Err(rules::YAML_SYNTAX
            .report(tr!("l001-control", code = format!("{:04X}", u32::from(c))))
            .at(at(lines.at_byte(offset)))
            .hint(tr!("l001-control.hint", caret = caret_notation(c))));
    }
    let index = index_positions(text, &lines).map_err(|r| {
        let d = rules::YAML_SYNTAX.report(r.message).at(at(r.at));
        match r.hint {
            Some(h) => d.hint(h),
            None => d,
        }
    })?;
    let value: T = serde_yaml::from_str(text).map_err(|e| {
        let loc = match e.location() {
            Some(l) => at(lines.at_byte(l.index())),
            None => Location::File { file: path.to_path_buf() },
        };
        let msg = e.to_string();
        // serde_yaml appends " at line X column Y"; the location says that already.
        let msg = msg.split(" at line ").next().unwrap_or(&msg);
        // A tab the first reading let pass (a line of only a tab, a tab
        // after `-` or `:`): said as such, at the tab.
        let tabbed = e.location().and_then(|l| {
            let (line, _) = lines.at_byte(l.index());
            let content = text.lines().nth(line.checked_sub(1)?)?;
            let column = content.find('\t')?;
            let hint = if content.trim().is_empty() { tr!("l001-tab-blank") } else { tr!("l001-tab-space") };
            Some((at((line, content[..column].chars().count() + 1)), hint))
        });
        if let Some((place, hint)) = tabbed {
            return rules::YAML_SYNTAX.report(tr!("l001-tab-here")).at(place).hint(hint);
        }
        let (message, hint) = serde_message(msg);
        let d = rules::YAML_SYNTAX.report(message).at(loc);
        match hint {
            Some(h) => d.hint(h),
            None => d,
        }
    })?;
    Ok((value, YamlFile { path: path.to_path_buf(), index }))
}

/// The help under an unknown key: the key meant, when one is near enough.
fn unknown_key_hint<'k>(key: &str, allowed: impl Iterator<Item = &'k str>) -> String {
    match crate::suggest::closest(key, allowed) {
        Some(near) => tr!("did-you-mean", naam = format!("'{near}'")),
        None => tr!("l001-unknown-field.hint"),
    }
}

/// serde's message about a value that does not fit (its wording, the same
/// since serde 1.0: `unknown field`, `missing field`, `duplicate field`,
/// `invalid type`), said in the language of the messages, with a help line.
fn serde_message(msg: &str) -> (String, Option<String>) {
    // A nested value's message starts with its path (`n: invalid type`),
    // which the location already gives.
    let phrases = ["unknown field `", "missing field `", "duplicate field `", "invalid type: "];
    let msg = phrases.iter().filter_map(|p| msg.find(p)).min().and_then(|i| msg.get(i..)).unwrap_or(msg);
    if let Some(rest) = msg.strip_prefix("unknown field `")
        && let Some((field, expected)) = rest.split_once("`, ")
    {
        let list = expected.strip_prefix("expected one of ").or(expected.strip_prefix("expected ")).unwrap_or(expected);
        // serde says "`a` or `b`" for two: a list in any language.
        let list = list.replace("` or `", "`, `");
        let list = list.as_str();
        let keys = list.split(", ").map(|k| k.trim_matches('`'));
        return (tr!("l001-unknown-field", veld = field, lijst = list), Some(unknown_key_hint(field, keys)));
    }
    if let Some(field) = msg.strip_prefix("missing field `").and_then(|r| r.strip_suffix('`')) {
        return (tr!("l001-missing-field", veld = field), Some(tr!("l001-missing-field.hint")));
    }
    if let Some(field) = msg.strip_prefix("duplicate field `").and_then(|r| r.strip_suffix('`')) {
        return (tr!("l001-duplicate-field", veld = field), None);
    }
    if let Some((found, expected)) = msg.strip_prefix("invalid type: ").and_then(|r| r.rsplit_once(", expected ")) {
        return (tr!("l001-invalid-type", gevonden = serde_kind(found), verwacht = serde_kind(expected)), None);
    }
    (tr!("l001-yaml", fout = msg), None)
}

/// One of serde's names for a kind of value ("string \"x\"", "i32", "a
/// sequence"), in words a user knows; in English as serde says it.
fn serde_kind(kind: &str) -> String {
    if crate::i18n::lang() == crate::i18n::Lang::En {
        return kind.to_string();
    }
    let quoted = |prefix: &str| kind.strip_prefix(prefix).map(|v| v.trim_matches(|c| c == '`' || c == '"').to_string());
    if let Some(v) = quoted("string ") {
        return tr!("found-text", tekst = v);
    }
    if let Some(v) = quoted("integer ").or_else(|| quoted("floating point ")) {
        return tr!("found-number", getal = v);
    }
    match kind {
        "a string" | "string" | "a borrowed string" => tr!("yaml-text"),
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "an integer" => tr!("yaml-number"),
        "sequence" | "a sequence" => tr!("yaml-list"),
        "map" | "a map" => tr!("yaml-mapping"),
        "a boolean" => tr!("yaml-bool"),
        "unit value" => tr!("yaml-nothing"),
        k if k.starts_with("struct ") => tr!("yaml-mapping"),
        k if k.starts_with("boolean ") => tr!("yaml-bool"),
        _ => kind.to_string(),
    }
}

/// What a YAML syntax error means to a person typing by hand, said in the
/// language of the messages, at the line where the slip is: a tab, a colon
/// inside a value, a wrong indentation, an unclosed quote or list, a value
/// starting with a character YAML reserves, a key without its colon.
/// `info` is the parser's words (English, kept only as the last resort),
/// `at` its place in `text`.
fn syntax_refusal(text: &str, at: (usize, usize), info: &str) -> Refusal {
    let lines: Vec<&str> = text.lines().collect();
    let line_at = |n: usize| lines.get(n.saturating_sub(1)).copied().unwrap_or_default();
    let line = line_at(at.0);
    // The content lines before the error's (not blank, not only a comment), nearest first.
    let before = || {
        (1..at.0)
            .rev()
            .map(|n| (n, line_at(n)))
            .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
    };
    // The bytes of a line's indentation.
    let indent = |l: &str| l.len() - l.trim_start().len();
    if info.contains("tab") {
        // The parser notices a tab after the scalar before it ends, often a
        // line early: point at the first tab that indents, from the error on.
        let tab = (at.0..=lines.len()).find_map(|n| {
            let l = line_at(n);
            let leading = &l[..indent(l)];
            leading.find('\t').map(|i| (n, leading[..i].chars().count() + 1))
        });
        let hint = tab
            .and_then(|(n, _)| {
                let l = line_at(n);
                let column = tab_column(&lines, n)?;
                let start = l.trim_start();
                let key = start.split_once(':').map_or(start, |(k, _)| k);
                Some(if column == 1 {
                    tr!("l001-tab-none", sleutel = key)
                } else {
                    tr!("l001-tab-column", spaties = column - 1, kolom = column, sleutel = key)
                })
            })
            .unwrap_or_else(|| tr!("l001-tab.hint"));
        return Refusal::new(tab.unwrap_or(at), tr!("l001-tab")).hint(hint);
    }
    // A wrong indentation is noticed at the second key of a block when the
    // first one was the slip: point at the one that differs from its parent.
    let indentation_at = |at: (usize, usize)| {
        let Some((p, prev)) = before().next() else { return at };
        let is_item = |l: &str| l.trim_start().starts_with('-');
        if indent(prev) == indent(line) && is_item(prev) == is_item(line) {
            return at;
        }
        let Some(expected) = child_column(&lines, p).map(|c| c - 1) else { return at };
        if expected == indent(prev) {
            return at;
        }
        // This line is where it belongs if the one before were where it should be.
        let fits = match (is_item(prev), is_item(line)) {
            (true, false) => indent(line) == expected + 2,
            (a, b) => a == b && indent(line) == expected,
        };
        if fits { (p, indent(prev) + 1) } else { at }
    };
    // A tab after `-` or `:` where YAML wants a space.
    if (info.contains("valid YAML whitespace") || info.contains("cannot start any token"))
        && let Some(i) = line.trim_start().find('\t').map(|i| i + indent(line))
    {
        return Refusal::new((at.0, line[..i].chars().count() + 1), tr!("l001-tab-here")).hint(tr!("l001-tab-space"));
    }
    let quote_it = || quoted_line(line).map_or_else(|| tr!("l001-quote"), |fixed| tr!("l001-quote-it", regel = fixed));
    // A value that begins with a character YAML reserves: quote it.
    let value_start = line.chars().nth(at.1.saturating_sub(1));
    let reserved = info.starts_with("unexpected character")
        || info.contains("anchor or alias")
        || info.contains("unknown anchor")
        || info.starts_with("plain scalar cannot start");
    if reserved && let Some(c) = value_start {
        return Refusal::new(at, tr!("l001-reserved", teken = c.to_string())).hint(quote_it());
    }
    if info.contains("quoted scalar")
        && (info.contains("indentation") || info.contains("end of stream") || info.contains("document indicator"))
    {
        return Refusal::new(at, tr!("l001-quote-open")).hint(tr!("l001-quote-open.hint"));
    }
    if info.contains("after double-quoted scalar") || info.contains("after single-quoted scalar") {
        return Refusal::new(at, tr!("l001-after-quote")).hint(quote_it());
    }
    if info.contains("escape") || info.contains("hexadecimal") {
        return Refusal::new(at, tr!("l001-escape")).hint(tr!("l001-escape.hint"));
    }
    // An unclosed `[` or `{` is noticed lines later, at the next key: point at it.
    let unclosed = |l: &str| {
        let (mut square, mut curly) = (0i32, 0i32);
        for c in l.split(" #").next().unwrap_or(l).chars() {
            match c {
                '[' => square += 1,
                ']' => square -= 1,
                '{' => curly += 1,
                '}' => curly -= 1,
                _ => {}
            }
        }
        square > 0 || curly > 0
    };
    if (info.contains("flow") || info.contains("bracket") || info.contains("placement of ':'"))
        && let Some((n, l)) = std::iter::once((at.0, line)).chain(before()).take(20).find(|(_, l)| unclosed(l))
    {
        let column = l.find(['[', '{']).map_or(1, |i| l[..i].chars().count() + 1);
        return Refusal::new((n, column), tr!("l001-flow-open")).hint(tr!("l001-flow-open.hint"));
    }
    // `bevoegdheid Gelijke kansen` followed by a key: the colon is missing
    // on the line before, which the parser reads as the start of a key.
    if (info.contains("simple key expect") || info.contains("mapping values are not allowed"))
        && let Some((n, l)) = before().next()
        && !l.contains(':')
        && !l.trim_start().starts_with('-')
        && indent(l) == indent(line)
    {
        return Refusal::new((n, indent(l) + 1), tr!("l001-no-colon")).hint(tr!("l001-no-colon.hint"));
    }
    if info.contains("mapping values are not allowed") {
        // `titel: Doel: meer` is a colon in a value; anything else is an indentation.
        if let Some((key, value)) = line.split_once(": ")
            && value.contains(": ")
        {
            let hint = tr!("l001-colon-in-value", sleutel = key.trim(), waarde = value.trim().replace('"', "\\\""));
            return Refusal::new(at, tr!("l001-colon")).hint(hint);
        }
        return Refusal::new(indentation_at(at), tr!("l001-indent-wrong")).hint(tr!("l001-indent"));
    }
    // The first key indented: the parser expects a second document after it.
    if info.contains("expected <document start>")
        && let Some((n, l)) = (1..=lines.len())
            .map(|n| (n, line_at(n)))
            .find(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        && indent(l) > 0
    {
        return Refusal::new((n, indent(l) + 1), tr!("l001-indent-wrong")).hint(tr!("l001-indent-top"));
    }
    let trimmed = line.trim_start();
    if let Some(rest) = trimmed.strip_prefix('-')
        && rest.starts_with(|c: char| !c.is_whitespace() && c != '-')
    {
        return Refusal::new(at, tr!("l001-dash")).hint(tr!("l001-dash.hint", regel = format!("- {rest}")));
    }
    let indentation =
        ["indentation", "indented", "expected '-' indicator", "expected key", "not allowed in this context"];
    if indentation.iter().any(|w| info.contains(w)) {
        return Refusal::new(indentation_at(at), tr!("l001-indent-wrong")).hint(tr!("l001-indent"));
    }
    if info.contains("expected node content") {
        return Refusal::new(at, tr!("l001-no-value")).hint(tr!("l001-indent"));
    }
    if info.contains("recursion limit") {
        return Refusal::new(at, tr!("l001-too-deep"));
    }
    Refusal::new(at, tr!("l001-yaml", fout = info))
}

/// The column (from 1) where line `n`, indented with a tab, most likely
/// should start: where the nearest line with the same key (`sds:`, `- code:`)
/// starts, else one level deeper than a line before it that opens a block.
/// None when neither says (a guess could send the user to the next error).
fn tab_column(lines: &[&str], n: usize) -> Option<usize> {
    let shape = |l: &str| -> Option<String> {
        let t = l.trim_start();
        if l[..l.len() - t.len()].contains('\t') || t.starts_with('#') {
            return None;
        }
        let (item, rest) = match t.strip_prefix('-') {
            Some(r) => (true, r.trim_start()),
            None => (false, t),
        };
        let key = rest.split_once(':').map(|(k, _)| k.trim()).filter(|k| !k.is_empty() && !k.contains(' '))?;
        Some(format!("{}{key}", if item { "- " } else { "" }))
    };
    let line = lines.get(n.checked_sub(1)?)?;
    let t = line.trim_start_matches([' ', '\t']);
    let wanted = shape(t)?;
    let indent = |l: &str| l.len() - l.trim_start().len();
    let same = (1..lines.len()).find_map(|d| {
        [n.checked_sub(d), n.checked_add(d)]
            .into_iter()
            .flatten()
            .filter(|&m| m >= 1)
            .filter_map(|m| lines.get(m - 1))
            .find(|l| shape(l).as_deref() == Some(wanted.as_str()))
    });
    if let Some(l) = same {
        return Some(indent(l) + 1);
    }
    let prev = lines.get(..n - 1)?.iter().rev().find(|l| {
        let t = l.trim_start();
        !t.is_empty() && !t.starts_with('#')
    })?;
    let code = prev.split(" #").next().unwrap_or(prev).trim_end();
    code.ends_with(':').then(|| child_column(lines, n)).flatten()
}

/// The column (from 1) where line `n` (1-based) of `lines` most likely
/// should start, judged from the content line before it: one level (two
/// spaces) deeper when that line opens a block (`sds:`), the key column of
/// a list item (`- id: x`) for the item's next key, else the same column.
/// None when no line before it says.
fn child_column(lines: &[&str], n: usize) -> Option<usize> {
    let line = lines.get(n.checked_sub(1)?)?;
    let prev = lines.get(..n - 1)?.iter().rev().find(|l| {
        let t = l.trim_start();
        !t.is_empty() && !t.starts_with('#') && !l[..l.len() - t.len()].contains('\t')
    })?;
    let start = prev.len() - prev.trim_start().len();
    let content = prev.trim_start();
    let code = content.split(" #").next().unwrap_or(content).trim_end();
    let item = content.starts_with("- ");
    let opens = code.ends_with(':');
    let column = match (item, opens) {
        // `- sd: x` then `  ods:` (or `- ods:` opening a list under it).
        (true, true) => start + 4,
        (true, false) if line.trim_start().starts_with('-') => start,
        (true, false) => start + 2,
        (false, true) => start + 2,
        (false, false) => start,
    };
    Some(column + 1)
}

/// `line` (`sleutel: waarde`) with its value between single quotes, the
/// quoting in which nothing but `'` (written twice) is special.
fn quoted_line(line: &str) -> Option<String> {
    let (key, value) = line.split_once(": ")?;
    Some(format!("{}: '{}'", key.trim(), value.trim().replace('\'', "''")))
}

/// Whether YAML allows `c` in a file (its `c-printable`, which libyaml
/// enforces): tab, line feed, carriage return, the printable characters and
/// NEL, not the other control characters nor U+FFFE/U+FFFF.
fn allowed_in_yaml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{fffd}' | '\u{10000}'..)
}

/// How terminals and editors such as vim and less show a C0 control
/// character or DEL (`^[` for ESC), followed by ", ", else nothing.
fn caret_notation(c: char) -> String {
    match u8::try_from(c) {
        Ok(b @ 0..=0x1F) => format!("^{}, ", char::from(b + 0x40)),
        Ok(0x7F) => "^?, ".to_string(),
        _ => String::new(),
    }
}

/// The lines of a text as an editor counts them: only `\n` breaks a line
/// (`\r\n` is one break; U+0085, U+2028 and U+2029 are characters of a
/// line). Turns a parser's offset into a 1-based line and column (in
/// characters), the one way every YAML position is computed.
pub struct Lines<'a> {
    text: &'a str,
    /// The byte offset and character index where each line starts.
    starts: Vec<(usize, usize)>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        let mut starts = vec![(0, 0)];
        starts.extend(
            text.char_indices().enumerate().filter(|(_, (_, c))| *c == '\n').map(|(ci, (bi, _))| (bi + 1, ci + 1)),
        );
        Lines { text, starts }
    }

    /// The place of the character at character index `index` (saphyr's markers).
    pub fn at_char(&self, index: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&(_, ci)| ci <= index).max(1);
        let start = self.starts.get(line - 1).map_or(0, |&(_, ci)| ci);
        (line, index - start + 1)
    }

    /// The place of the character at byte offset `offset` (serde_yaml's
    /// `Location::index`).
    pub fn at_byte(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&(bi, _)| bi <= offset).max(1);
        let start = self.starts.get(line - 1).map_or(0, |&(bi, _)| bi);
        let before = self.text.as_bytes().get(start..offset.min(self.text.len())).unwrap_or_default();
        // The characters before it: the bytes that do not continue a character.
        (line, before.iter().filter(|&&b| (b & 0xC0) != 0x80).count() + 1)
    }
}

/// Why [`index_positions`] refuses a file, and where.
#[derive(Debug, PartialEq, Eq)]
struct Refusal {
    at: (usize, usize),
    message: String,
    hint: Option<String>,
}

impl Refusal {
    fn new(at: (usize, usize), message: impl Into<String>) -> Refusal {
        Refusal { at, message: message.into(), hint: None }
    }

    fn hint(mut self, hint: impl Into<String>) -> Refusal {
        self.hint = Some(hint.into());
        self
    }
}

enum Frame {
    /// `keys`: the keys seen so far, with their positions.
    Map {
        key: Option<String>,
        base: String,
        keys: HashMap<String, (usize, usize)>,
    },
    Seq {
        next: usize,
        base: String,
    },
}

/// How many times, at most, the aliases (`*name`) of a file may be expanded
/// per event of the file: the limit serde_yaml applies, checked here first
/// so that a file whose aliases expand without end ("billion laughs") is
/// refused at the alias that crosses it rather than somewhere in the file.
const ALIAS_EXPANSIONS_PER_EVENT: u64 = 100;

/// How many bytes of text, at most, the aliases of a file may repeat in all
/// (the text of the scalars, keys included, of every node an alias stands
/// for): 4 MiB, hundreds of times what a beleidsnota or bbt.yaml holds. A few
/// aliases of one large scalar (a "byte bomb": 2 MB referenced 1,000 times
/// is 2 GB) would otherwise make serde_yaml copy gigabytes.
pub const ALIAS_BYTES: u64 = 4 << 20;

/// Walks the event stream and records, for every node, the position where
/// it starts (1-based line and column, by `lines`). Refuses a key that
/// appears twice in one mapping, aliases that expand too far (in values or
/// in bytes), and a second document, at their place.
fn index_positions(text: &str, lines: &Lines) -> Result<HashMap<String, (usize, usize)>, Refusal> {
    let mut index = HashMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    // Alias expansions, as (values, bytes): per anchor, what its node holds;
    // per open collection, what it holds so far; and in the whole file.
    let mut anchored: HashMap<usize, (u64, u64)> = HashMap::new();
    let mut open: Vec<(usize, (u64, u64))> = Vec::new();
    let (mut expansions, mut expanded_bytes, mut events, mut documents) = (0u64, 0u64, 0u64, 0u32);
    let add = |to: &mut (u64, u64), (n, b): (u64, u64)| *to = (to.0.saturating_add(n), to.1.saturating_add(b));
    for item in Parser::new_from_str(text) {
        let (event, span) = item.map_err(|e| syntax_refusal(text, lines.at_char(e.marker().index()), e.info()))?;
        let pos = lines.at_char(span.start.index());
        events += 1;
        match &event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(Refusal::new(pos, tr!("l001-second-document")).hint(tr!("l001-second-document.hint")));
                }
            }
            Event::Alias(id) => {
                let (n, bytes) = anchored.get(id).map_or((1, 0), |&(inner, bytes)| (inner.saturating_add(1), bytes));
                expansions = expansions.saturating_add(n);
                expanded_bytes = expanded_bytes.saturating_add(bytes);
                if let Some((_, held)) = open.last_mut() {
                    add(held, (n, bytes));
                }
                if expansions > events.saturating_mul(ALIAS_EXPANSIONS_PER_EVENT) {
                    return Err(Refusal::new(pos, tr!("l001-aliases")));
                }
                if expanded_bytes > ALIAS_BYTES {
                    return Err(Refusal::new(pos, tr!("l001-aliases-bytes", mib = ALIAS_BYTES >> 20))
                        .hint(tr!("l001-aliases-bytes.hint")));
                }
            }
            Event::Scalar(value, _, id, _) => {
                let bytes = value.len() as u64;
                if let Some((_, held)) = open.last_mut() {
                    add(held, (0, bytes));
                }
                if *id > 0 {
                    anchored.insert(*id, (0, bytes));
                }
            }
            Event::MappingStart(id, _) | Event::SequenceStart(id, _) => open.push((*id, (0, 0))),
            Event::MappingEnd | Event::SequenceEnd => {
                if let Some((id, held)) = open.pop() {
                    if id > 0 {
                        anchored.insert(id, held);
                    }
                    if let Some((_, parent)) = open.last_mut() {
                        add(parent, held);
                    }
                }
            }
            _ => {}
        }
        // The path of the node this event starts, if it is a value (not a key).
        let mut node_path: Option<String> = None;
        let mut is_key = false;
        if matches!(event, Event::Scalar(..) | Event::MappingStart(..) | Event::SequenceStart(..) | Event::Alias(..)) {
            match stack.last_mut() {
                None => node_path = Some(String::new()),
                Some(Frame::Seq { next, base }) => {
                    node_path = Some(format!("{base}[{next}]"));
                    *next += 1;
                }
                Some(Frame::Map { key, base, keys }) => match key.take() {
                    Some(k) => node_path = Some(if base.is_empty() { k } else { format!("{base}.{k}") }),
                    None => {
                        is_key = true;
                        if let Event::Scalar(s, ..) = &event {
                            if let Some((line, _)) = keys.insert(s.to_string(), pos) {
                                return Err(Refusal::new(pos, tr!("l001-key-twice", sleutel = s, regel = line)));
                            }
                            *key = Some(s.to_string());
                            let p = if base.is_empty() { s.to_string() } else { format!("{base}.{s}") };
                            // Until the value is seen, the key's own position stands in.
                            index.insert(p, pos);
                        } else {
                            // A complex key: index nothing under it.
                            *key = Some(String::from("?"));
                        }
                    }
                },
            }
        }
        if let Some(p) = &node_path {
            index.insert(p.clone(), pos);
        }
        match event {
            Event::MappingStart(..) if !is_key => {
                stack.push(Frame::Map { key: None, base: node_path.unwrap_or_default(), keys: HashMap::new() })
            }
            Event::SequenceStart(..) if !is_key => {
                stack.push(Frame::Seq { next: 0, base: node_path.unwrap_or_default() })
            }
            Event::MappingStart(..) => stack.push(Frame::Map { key: None, base: "?".into(), keys: HashMap::new() }),
            Event::SequenceStart(..) => stack.push(Frame::Seq { next: 0, base: "?".into() }),
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
            }
            _ => {}
        }
    }
    Ok(index)
}

/// A node of a parsed YAML value with its path, for hand-written
/// conversions that need positions (entries that may be a string or a map).
pub struct Node<'a> {
    pub value: &'a serde_yaml::Value,
    pub path: String,
    pub file: &'a YamlFile,
}

impl<'a> Node<'a> {
    pub fn root(value: &'a serde_yaml::Value, path: &str, file: &'a YamlFile) -> Node<'a> {
        Node { value, path: path.to_string(), file }
    }

    pub fn loc(&self) -> Location {
        self.file.loc(&self.path)
    }

    fn error(&self, msg: String) -> Diagnostic {
        rules::YAML_SYNTAX.report(msg).at(self.loc())
    }

    /// The entries of a mapping; an unknown key or a non-mapping is an error.
    pub fn fields(&self, allowed: &[&str]) -> Result<Vec<(String, Node<'a>)>, Diagnostic> {
        let serde_yaml::Value::Mapping(map) = self.value else {
            return Err(self.error(tr!("l001-expected-mapping", lijst = allowed.join(", "))));
        };
        let mut out = Vec::new();
        for (k, v) in map {
            let Some(key) = k.as_str() else { return Err(self.error(tr!("l001-keys-words"))) };
            let path = if self.path.is_empty() { key.to_string() } else { format!("{}.{key}", self.path) };
            let node = Node { value: v, path, file: self.file };
            if !allowed.contains(&key) {
                let list = allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ");
                return Err(node
                    .error(tr!("l001-unknown-field", veld = key, lijst = list))
                    .hint(unknown_key_hint(key, allowed.iter().copied())));
            }
            out.push((key.to_string(), node));
        }
        Ok(out)
    }

    pub fn str(&self) -> Result<String, Diagnostic> {
        match self.value {
            serde_yaml::Value::String(s) => Ok(s.clone()),
            serde_yaml::Value::Number(n) => Err(self
                .error(tr!("l001-expected-text-number", getal = n))
                .hint(tr!("l001-expected-text-number.hint", getal = n))),
            _ => Err(self.error(tr!("l001-expected-text"))),
        }
    }

    pub fn seq(&self) -> Result<Vec<Node<'a>>, Diagnostic> {
        match self.value {
            serde_yaml::Value::Sequence(items) => Ok(items
                .iter()
                .enumerate()
                .map(|(i, v)| Node { value: v, path: format!("{}[{i}]", self.path), file: self.file })
                .collect()),
            serde_yaml::Value::Null => Ok(Vec::new()),
            // `ods: od-a, od-b`: the brackets forgotten.
            serde_yaml::Value::String(text) => Err(self
                .error(tr!("l001-expected-list"))
                .hint(tr!("l001-expected-list.brackets", lijst = format!("[{}]", text.trim())))),
            _ => Err(self.error(tr!("l001-expected-list")).hint(tr!("l001-expected-list.hint"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(text: &str) -> Result<HashMap<String, (usize, usize)>, Refusal> {
        index_positions(text, &Lines::new(text))
    }

    /// Each slip a person makes typing YAML by hand gets its own message,
    /// at the line of the slip (not where the parser noticed it).
    #[test]
    fn says_what_a_syntax_slip_is_and_where() {
        let base = "id: x\nlijst:\n  - code: A\n    naam: Een\n  - code: B\n    naam: Twee\ntitel: Titel\n";
        let cases: &[(&str, &str, &str, (usize, usize))] = &[
            ("    naam: Een", "\tnaam: Een", "l001-tab", (4, 1)),
            ("    naam: Een", "  \t  naam: Een", "l001-tab", (4, 3)),
            ("titel: Titel", "titel: Doel: meer", "l001-colon", (7, 12)),
            ("    naam: Een", "      naam: Een", "l001-indent-wrong", (4, 11)),
            ("    naam: Een", "   naam: Een", "l001-indent-wrong", (4, 4)),
            ("  - code: B", "  -code: B", "l001-dash", (5, 3)),
            ("    naam: Een", "    naam: @Een", "l001-reserved", (4, 11)),
            ("    naam: Een", "    naam: *Een", "l001-reserved", (4, 11)),
            ("    naam: Een", "    naam: & Een", "l001-reserved", (4, 11)),
            ("    naam: Een", "    naam: \"Een", "l001-quote-open", (4, 11)),
            ("    naam: Een", "    naam: \"Een\" en twee", "l001-after-quote", (4, 17)),
            ("    naam: Een", "    naam: \"E\\gn\"", "l001-escape", (4, 11)),
            ("    naam: Een", "    naam: [Een, twee", "l001-flow-open", (4, 11)),
            ("id: x", "id x", "l001-no-colon", (1, 1)),
        ];
        for (from, to, key, at) in cases {
            let text = base.replacen(from, to, 1);
            let refusal = index(&text).expect_err(to);
            let said = refusal.message.clone();
            let wanted =
                crate::i18n::tr(key, vec![("teken", to.trim().chars().nth(6).unwrap_or(' ').to_string().into())]);
            assert_eq!((said.as_str(), refusal.at), (wanted.as_str(), *at), "{to}");
        }
        // The first key of a block indented one space too far is the slip,
        // though the parser notices it at the second.
        let first = index("stuk:\n   nummer: 13\n  letter: B\n").unwrap_err();
        assert_eq!(first.at, (2, 4));
        let second = index("stuk:\n  nummer: 13\n   letter: B\n").unwrap_err();
        assert_eq!(second.at.0, 3);
        // A list item indented wrongly, noticed at its next key.
        let tab = index("id:\tx\n").unwrap_err();
        assert_eq!((tab.at, tab.message), ((1, 4), tr!("l001-tab-here")));
        let shifted = index("lijst:\n   - code: A\n    naam: Een\n").unwrap_err();
        assert_eq!(shifted.at, (2, 4));
        let top = index("# kop\n id: x\ntitel: y\n").unwrap_err();
        assert_eq!((top.at, top.hint), ((2, 2), Some(tr!("l001-indent-top"))));
        let item = index("lijst:\n  - code: A\n     naam: Een\n    x: y\n").unwrap_err();
        assert_eq!(item.at.0, 3);
        // A tab's help says how many spaces the line most likely needs.
        let tab = index(&base.replacen("    naam: Een", "\tnaam: Een", 1)).unwrap_err();
        assert_eq!(tab.hint, Some(tr!("l001-tab-column", spaties = 4, kolom = 5, sleutel = "naam")));
        let tab = index("stuk:\n\tnummer: 13\n").unwrap_err();
        assert_eq!(tab.hint, Some(tr!("l001-tab-column", spaties = 2, kolom = 3, sleutel = "nummer")));
        let colon = index(&base.replace("titel: Titel", "titel: Doel: meer")).unwrap_err();
        assert_eq!(colon.hint, Some(tr!("l001-colon-in-value", sleutel = "titel", waarde = "Doel: meer")));
        let quote = index(&base.replacen("naam: Een", "naam: \"Een\" en 'twee'", 1)).unwrap_err();
        assert_eq!(quote.hint, Some(tr!("l001-quote-it", regel = "naam: '\"Een\" en ''twee'''")));
    }

    #[test]
    fn indexes_nested_paths() {
        let text = "a: 1\nb:\n  - x: foo\n    y: [1, 2]\n  - x: bar\nc:\n  d: e\n";
        let idx = index(text).unwrap();
        let cases: &[(&str, (usize, usize))] = &[
            ("a", (1, 4)),
            ("b", (3, 3)),
            ("b[0].x", (3, 8)),
            ("b[0].y[1]", (4, 12)),
            ("b[1].x", (5, 8)),
            ("c.d", (7, 6)),
        ];
        for (path, pos) in cases {
            assert_eq!(idx.get(*path), Some(pos), "{path}");
        }
    }

    #[test]
    fn counts_lines_as_an_editor_does() {
        // (text, character index, byte offset of the same character, place)
        let text = "a\r\nbé\u{85}c\u{2028}d\u{2029}\n\ne😀f\rg";
        let cases: &[(usize, usize, (usize, usize))] = &[
            (0, 0, (1, 1)),
            (1, 1, (1, 2)),  // the \r of \r\n ends line 1
            (3, 3, (2, 1)),  // b
            (5, 6, (2, 3)),  // NEL is a character of the line
            (6, 8, (2, 4)),  // c
            (8, 12, (2, 6)), // d, after U+2028
            (10, 16, (2, 8)),
            (11, 17, (3, 1)), // the empty line
            (12, 18, (4, 1)), // e
            (13, 19, (4, 2)), // 😀
            (14, 23, (4, 3)), // f
            (16, 25, (4, 5)), // g: a lone \r breaks no line
        ];
        let lines = Lines::new(text);
        for &(ci, bi, place) in cases {
            assert_eq!(text.char_indices().nth(ci).map(|(b, _)| b), Some(bi), "the case's offsets agree");
            assert_eq!(lines.at_char(ci), place, "character {ci}");
            assert_eq!(lines.at_byte(bi), place, "byte {bi}");
        }
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        titel: String,
        n: Option<u32>,
    }

    /// Every YAML error is reported at the line and column an editor shows,
    /// whichever parser finds it.
    #[test]
    fn reports_every_error_where_an_editor_shows_it() {
        let ten = "# een\n".repeat(9);
        // (text, line, column, the message starts with)
        let cases: Vec<(String, usize, usize, &str)> = vec![
            // Control characters YAML does not allow (libyaml tells no place).
            (
                format!("{ten}titel: \"a\u{1b}[2Jb\"\n"),
                10,
                10,
                "Ongeldige YAML: het stuurteken U+001B is niet toegestaan",
            ),
            (format!("{ten}titel: a\u{7}\n"), 10, 9, "Ongeldige YAML: het stuurteken U+0007"),
            ("titel: x\nn: 1 \u{7f}\n".into(), 2, 6, "Ongeldige YAML: het stuurteken U+007F"),
            ("titel: é\u{9b}\n".into(), 1, 9, "Ongeldige YAML: het stuurteken U+009B"),
            ("titel: \u{fffe}\n".into(), 1, 8, "Ongeldige YAML: het stuurteken U+FFFE"),
            ("\u{feff}titel: x\r\nn: \u{0}\r\n".into(), 2, 4, "Ongeldige YAML: het stuurteken U+0000"),
            // NEL, U+2028 and U+2029 are characters of a line, not breaks.
            ("titel: \"A\u{85}B\u{2028}C\u{2029}D\"\nn: 1\nx: 2\n".into(), 3, 1, "Onbekende sleutel 'x'"),
            ("titel: \"A\u{85}B\u{2028}C\u{2029}D\"\nn: zz\n".into(), 2, 4, "Hier staat de tekst \"zz\""),
            ("titel: \"A\u{2028}B\"\nn: [1\n".into(), 2, 4, "Ongeldige YAML: "),
            // Columns in characters, after multibyte ones; CRLF is one break.
            ("titel: é€😀\nn: zz\n".into(), 2, 4, "Hier staat de tekst \"zz\""),
            ("titel: é€😀: x\n".into(), 1, 11, "Ongeldige YAML: hier mag geen dubbele punt staan"),
            ("titel: a\r\nn: 1\r\nx: 2\r\n".into(), 3, 1, "Onbekende sleutel 'x'"),
            // A second document, at its `---`.
            ("titel: a\n---\ntitel: b\n".into(), 2, 1, "Ongeldige YAML: hier begint een tweede YAML-document"),
            (
                "---\ntitel: a\n...\n# weg\n--- \ntitel: b\n".into(),
                5,
                1,
                "Ongeldige YAML: hier begint een tweede YAML-document",
            ),
            ("titel: a\n---\n".into(), 2, 1, "Ongeldige YAML: hier begint een tweede YAML-document"),
            // A line of only a tab: at the tab.
            ("titel: a\n\t\nn: 1\n".into(), 2, 1, "Ongeldige YAML: op deze regel staat een tab"),
        ];
        for (text, line, column, message) in cases {
            let err = parse::<Doc>(Path::new("t.yaml"), &text).err().unwrap_or_else(|| panic!("{text:?} is refused"));
            assert_eq!(err.location, Some(Location::Text { file: "t.yaml".into(), line, column }), "{text:?}: {err:?}");
            assert!(err.message.starts_with(message), "{text:?}: {}", err.message);
        }
        // A first document may start with `---`, and end with `...`.
        for text in ["---\ntitel: a\n", "# kop\n--- # doc\ntitel: a\n...\n"] {
            assert!(parse::<Doc>(Path::new("t.yaml"), text).is_ok(), "{text:?}");
        }
        // A control character has a help line, with how editors may show it.
        for (c, shown) in [
            ('\u{1b}', "als ^[, een vakje,"),
            ('\u{0}', "als ^@, een vakje,"),
            ('\u{7f}', "als ^?, een vakje,"),
            ('\u{9b}', "als een vakje,"),
        ] {
            let err = parse::<Doc>(Path::new("t.yaml"), &format!("titel: {c}\n")).err().unwrap();
            assert_eq!(
                err.hints,
                [format!("Verwijder het: een editor toont het misschien {shown} of helemaal niet.")],
                "{c:?}"
            );
        }
    }

    #[test]
    fn refuses_a_key_twice_at_the_second() {
        let err = index("a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n").unwrap_err();
        assert_eq!(
            err,
            Refusal::new(
                (5, 3),
                "Ongeldige YAML: de sleutel `c` staat hier een tweede keer (de eerste keer op regel 3)."
            )
        );
        // The same key in two mappings is fine.
        assert!(index("- c: 1\n- c: 2\n").is_ok());
    }

    #[test]
    fn refuses_aliases_that_expand_without_end() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for i in 1..8 {
            text.push_str(&format!("a{i}: &a{i} [{}]\n", vec![format!("*a{}", i - 1); 9].join(", ")));
        }
        let Refusal { at: (line, column), message, .. } = index(&text).unwrap_err();
        assert_eq!(message, "Ongeldige YAML: de aliassen breiden uit tot te veel waarden.");
        assert!(text.lines().nth(line - 1).unwrap()[column - 1..].starts_with('*'), "{line}:{column}");
        // A few aliases are fine.
        assert!(index("a: &a [x, y]\nb: *a\nc: *a\nd: [*a, *a]\n").is_ok());
    }

    /// Aliases of a large value ("byte bomb") are refused at the alias past
    /// [`ALIAS_BYTES`] of text, before serde_yaml copies it.
    #[test]
    fn refuses_aliases_that_repeat_too_much_text() {
        let mib = "x".repeat(1 << 20);
        let bomb = |anchor: &str, uses: usize| {
            let mut text = format!("a: {anchor}\nb:\n");
            for _ in 0..uses {
                text.push_str("  - *big\n");
            }
            text
        };
        // (the anchored node, how many aliases, the line of the one refused)
        let cases: Vec<(String, usize, Option<usize>)> = vec![
            (format!("&big {}", "x".repeat(2 << 20)), 1000, Some(5)),
            (format!("&big {mib}"), 1000, Some(7)),
            (format!("&big {mib}"), 4, None),
            (format!("&big \"{mib}\""), 5, Some(7)),
            // Collections: the text of their scalars, keys included, and of their aliases.
            (format!("&big [{mib}, {mib}]"), 3, Some(5)),
            (format!("&big {{k: {mib}, y: {mib}}}"), 2, Some(4)),
            (format!("&big [&m {mib}, *m, *m]"), 2, Some(3)),
        ];
        for (anchor, uses, refused_at) in cases {
            let text = bomb(&anchor, uses);
            match (index(&text), refused_at) {
                (Ok(_), None) => {}
                (Err(r), Some(line)) => {
                    assert_eq!(r.at, (line, 5), "{}", &anchor[..20]);
                    assert_eq!(r.message, "Ongeldige YAML: de aliassen breiden uit tot meer dan 4 MiB tekst.");
                    assert!(r.hint.is_some());
                }
                (got, want) => panic!("{}: {:?}, not {want:?}", &anchor[..20], got.map(|_| ()).map_err(|r| r.at)),
            }
        }
        // In a whole parse: refused quickly, as L001 at the alias.
        let start = std::time::Instant::now();
        let err =
            parse::<serde_yaml::Value>(Path::new("t.yaml"), &bomb(&format!("&big {}", "x".repeat(2 << 20)), 1000))
                .err()
                .unwrap();
        assert_eq!(
            (err.code, err.location),
            (rules::YAML_SYNTAX.code, Some(Location::Text { file: "t.yaml".into(), line: 5, column: 5 }))
        );
        assert!(start.elapsed() < std::time::Duration::from_secs(5), "{:?}", start.elapsed());
    }

    #[test]
    fn refuses_an_empty_file_at_its_first_line() {
        let err = parse::<serde_yaml::Value>(Path::new("t.yaml"), "\u{feff}  \n\n").err().unwrap();
        assert_eq!(err.message, "Het bestand is leeg.");
        assert_eq!(err.location, Some(Location::Text { file: "t.yaml".into(), line: 1, column: 1 }));
    }

    #[test]
    fn falls_back_to_the_closest_ancestor() {
        let (_, f): (serde_yaml::Value, _) = parse(Path::new("t.yaml"), "a:\n  b: 1\n").unwrap();
        assert_eq!(f.loc("a.b.c[3]"), Location::Text { file: "t.yaml".into(), line: 2, column: 6 });
        assert_eq!(f.loc("zz"), Location::File { file: "t.yaml".into() });
    }
}
