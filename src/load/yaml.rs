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

/// Codes for problems reading YAML.
pub const YAML_SYNTAX: &str = "L001";

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
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<(T, YamlFile), Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Diagnostic::error(YAML_SYNTAX, "the file is empty")
            .at(Location::Text { file: path.to_path_buf(), line: 1, column: 1 })
            .hint("docs/inputs.md shows what the file holds"));
    }
    let index = index_positions(text).map_err(|(line, column, msg)| {
        Diagnostic::error(YAML_SYNTAX, format!("invalid YAML: {msg}")).at(Location::Text {
            file: path.to_path_buf(),
            line,
            column,
        })
    })?;
    let value: T = serde_yaml::from_str(text).map_err(|e| {
        let loc = match e.location() {
            Some(l) => Location::Text { file: path.to_path_buf(), line: l.line(), column: l.column() },
            None => Location::File { file: path.to_path_buf() },
        };
        let msg = e.to_string();
        // serde_yaml appends " at line X column Y"; the location says that already.
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        let mut d = Diagnostic::error(YAML_SYNTAX, msg.clone()).at(loc);
        if msg.contains("unknown field") {
            d = d.hint("check the spelling; docs/inputs.md lists every key");
        }
        d
    })?;
    Ok((value, YamlFile { path: path.to_path_buf(), index }))
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

/// Walks the event stream and records, for every node, the position where
/// it starts (1-based line and column). Refuses a key that appears twice in
/// one mapping and aliases that expand too far, at their place.
fn index_positions(text: &str) -> Result<HashMap<String, (usize, usize)>, (usize, usize, String)> {
    let mut index = HashMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    // Alias expansions: per anchor, how many its node holds; per open
    // collection, how many it holds so far; and in the whole file.
    let mut anchored: HashMap<usize, u64> = HashMap::new();
    let mut open: Vec<(usize, u64)> = Vec::new();
    let (mut expansions, mut events) = (0u64, 0u64);
    for item in Parser::new_from_str(text) {
        let (event, span) = item.map_err(|e| (e.marker().line(), e.marker().col() + 1, e.info().to_string()))?;
        let pos = (span.start.line(), span.start.col() + 1);
        events += 1;
        match &event {
            Event::Alias(id) => {
                let n = anchored.get(id).map_or(1, |inner| inner.saturating_add(1));
                expansions = expansions.saturating_add(n);
                if let Some((_, held)) = open.last_mut() {
                    *held = held.saturating_add(n);
                }
                if expansions > events.saturating_mul(ALIAS_EXPANSIONS_PER_EVENT) {
                    return Err((pos.0, pos.1, "the aliases expand to too many values".into()));
                }
            }
            Event::Scalar(_, _, id, _) if *id > 0 => {
                anchored.insert(*id, 0);
            }
            Event::MappingStart(id, _) | Event::SequenceStart(id, _) => open.push((*id, 0)),
            Event::MappingEnd | Event::SequenceEnd => {
                if let Some((id, held)) = open.pop() {
                    if id > 0 {
                        anchored.insert(id, held);
                    }
                    if let Some((_, parent)) = open.last_mut() {
                        *parent = parent.saturating_add(held);
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
                                return Err((
                                    pos.0,
                                    pos.1,
                                    format!("the key `{s}` appears twice here (first on line {line})"),
                                ));
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
        Diagnostic::error(YAML_SYNTAX, msg).at(self.loc())
    }

    /// The entries of a mapping; an unknown key or a non-mapping is an error.
    pub fn fields(&self, allowed: &[&str]) -> Result<Vec<(String, Node<'a>)>, Diagnostic> {
        let serde_yaml::Value::Mapping(map) = self.value else {
            return Err(self.error(format!("expected a mapping with the keys {}", allowed.join(", "))));
        };
        let mut out = Vec::new();
        for (k, v) in map {
            let Some(key) = k.as_str() else { return Err(self.error("keys must be words".into())) };
            let path = if self.path.is_empty() { key.to_string() } else { format!("{}.{key}", self.path) };
            let node = Node { value: v, path, file: self.file };
            if !allowed.contains(&key) {
                return Err(node
                    .error(format!(
                        "unknown field `{key}`, expected one of {}",
                        allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ")
                    ))
                    .hint("check the spelling; docs/inputs.md lists every key"));
            }
            out.push((key.to_string(), node));
        }
        Ok(out)
    }

    pub fn str(&self) -> Result<String, Diagnostic> {
        match self.value {
            serde_yaml::Value::String(s) => Ok(s.clone()),
            serde_yaml::Value::Number(n) => Err(self
                .error(format!("expected text, found the number {n}"))
                .hint(format!("write it in quotes: \"{n}\""))),
            _ => Err(self.error("expected text".into())),
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
            _ => Err(self.error("expected a list".into())),
        }
    }

    pub fn strings(&self) -> Result<Vec<String>, Diagnostic> {
        self.seq()?.iter().map(Node::str).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_nested_paths() {
        let text = "a: 1\nb:\n  - x: foo\n    y: [1, 2]\n  - x: bar\nc:\n  d: e\n";
        let idx = index_positions(text).unwrap();
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
    fn refuses_a_key_twice_at_the_second() {
        let err = index_positions("a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n").unwrap_err();
        assert_eq!(err, (5, 3, "the key `c` appears twice here (first on line 3)".to_string()));
        // The same key in two mappings is fine.
        assert!(index_positions("- c: 1\n- c: 2\n").is_ok());
    }

    #[test]
    fn refuses_aliases_that_expand_without_end() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for i in 1..8 {
            text.push_str(&format!("a{i}: &a{i} [{}]\n", vec![format!("*a{}", i - 1); 9].join(", ")));
        }
        let (line, column, msg) = index_positions(&text).unwrap_err();
        assert_eq!(msg, "the aliases expand to too many values");
        assert!(text.lines().nth(line - 1).unwrap()[column - 1..].starts_with('*'), "{line}:{column}");
        // A few aliases are fine.
        assert!(index_positions("a: &a [x, y]\nb: *a\nc: *a\nd: [*a, *a]\n").is_ok());
    }

    #[test]
    fn refuses_an_empty_file_at_its_first_line() {
        let err = parse::<serde_yaml::Value>(Path::new("t.yaml"), "\u{feff}  \n\n").err().unwrap();
        assert_eq!(err.message, "the file is empty");
        assert_eq!(err.location, Some(Location::Text { file: "t.yaml".into(), line: 1, column: 1 }));
    }

    #[test]
    fn falls_back_to_the_closest_ancestor() {
        let (_, f): (serde_yaml::Value, _) = parse(Path::new("t.yaml"), "a:\n  b: 1\n").unwrap();
        assert_eq!(f.loc("a.b.c[3]"), Location::Text { file: "t.yaml".into(), line: 2, column: 6 });
        assert_eq!(f.loc("zz"), Location::File { file: "t.yaml".into() });
    }
}
