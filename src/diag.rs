//! Diagnostics: the one type every stage reports problems with, and its two
//! renderings (human, like rustc/typst, and JSON for other tools).
//!
//! A diagnostic names a stable code (documented in `docs/rules.md`), a message,
//! the place in the inputs (YAML or Markdown file:line:col, or workbook
//! Sheet!cell) and `help:` hints.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Where in the inputs something is. Lines and columns are 1-based.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Location {
    /// A whole file (missing, unreadable, not a workbook, ...).
    File { file: PathBuf },
    /// A place in a text file (YAML, Markdown).
    Text { file: PathBuf, line: usize, column: usize },
    /// A cell of a workbook, e.g. `Uitgaven!D17` (zero-based row and column;
    /// file and sheet shared, as a workbook has many cells).
    Cell { file: Arc<Path>, sheet: Arc<str>, row: u32, col: u32 },
}

impl Location {
    pub fn file(&self) -> &Path {
        match self {
            Location::File { file } | Location::Text { file, .. } => file,
            Location::Cell { file, .. } => file,
        }
    }

    /// `A1`-style name of a zero-based (row, column) pair.
    pub fn cell_name(row: u32, col: u32) -> String {
        let mut letters = Vec::new();
        let mut n = col + 1;
        while n > 0 {
            let rem = (n - 1) % 26;
            letters.push(b'A' + rem as u8);
            n = (n - 1) / 26;
        }
        letters.reverse();
        format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
    }

    pub fn cell(file: &Path, sheet: &str, row: u32, col: u32) -> Location {
        Location::Cell { file: Arc::from(file), sheet: Arc::from(sheet), row, col }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable code, e.g. `B001`. Documented in `docs/rules.md`.
    pub code: &'static str,
    pub message: String,
    pub location: Option<Location>,
    /// Secondary places ("first defined here").
    pub related: Vec<(Location, String)>,
    /// `help:` lines: how to fix it.
    pub hints: Vec<String>,
}

impl Diagnostic {
    pub fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic { severity, code, message: message.into(), location: None, related: Vec::new(), hints: Vec::new() }
    }

    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    pub fn info(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Info, code, message)
    }

    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    pub fn at_opt(mut self, location: Option<Location>) -> Self {
        self.location = location;
        self
    }

    pub fn related(mut self, location: Location, label: impl Into<String>) -> Self {
        self.related.push((location, label.into()));
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts diagnostics into a stable order: by file, then position, then code.
pub fn sort(diags: &mut [Diagnostic]) {
    fn key(d: &Diagnostic) -> (PathBuf, String, usize, usize, &'static str) {
        match &d.location {
            None => (PathBuf::new(), String::new(), 0, 0, d.code),
            Some(Location::File { file }) => (file.clone(), String::new(), 0, 0, d.code),
            Some(Location::Text { file, line, column }) => (file.clone(), String::new(), *line, *column, d.code),
            Some(Location::Cell { file, sheet, row, col }) => {
                (file.to_path_buf(), sheet.to_string(), *row as usize, *col as usize, d.code)
            }
        }
    }
    diags.sort_by(|a, b| key(a).cmp(&key(b)));
}

/// Counts per severity, for the summary line.
pub fn counts(diags: &[Diagnostic]) -> (usize, usize, usize) {
    diags.iter().fold((0, 0, 0), |(e, w, i), d| match d.severity {
        Severity::Error => (e + 1, w, i),
        Severity::Warning => (e, w + 1, i),
        Severity::Info => (e, w, i + 1),
    })
}

/// A path as users should see it: relative to `base` (the working folder)
/// when it lies below it.
pub fn display_path(path: &Path, base: &Path) -> String {
    let shown = path.strip_prefix(base).unwrap_or(path);
    // `./2025/bo/bbt.yaml` reads better as `2025/bo/bbt.yaml`.
    shown.strip_prefix(".").unwrap_or(shown).display().to_string()
}

/// Renders one diagnostic for humans, rustc-style. Text locations get the
/// source line with a caret; cells are named `file: Sheet!D17`.
pub fn render_human(d: &Diagnostic, base: &Path) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}[{}]: {}", d.severity.label(), d.code, d.message);
    if let Some(loc) = &d.location {
        write_location(&mut out, loc, base, None);
    }
    for (loc, label) in &d.related {
        write_location(&mut out, loc, base, Some(label));
    }
    for hint in &d.hints {
        let _ = writeln!(out, "  = help: {hint}");
    }
    out
}

fn write_location(out: &mut String, loc: &Location, base: &Path, label: Option<&str>) {
    let note = label.map(|l| format!(" ({l})")).unwrap_or_default();
    match loc {
        Location::File { file } => {
            let _ = writeln!(out, "  --> {}{note}", display_path(file, base));
        }
        Location::Cell { file, sheet, row, col } => {
            let cell = Location::cell_name(*row, *col);
            let _ = writeln!(out, "  --> {}: {sheet}!{cell}{note}", display_path(file, base));
        }
        Location::Text { file, line, column } => {
            let _ = writeln!(out, "  --> {}:{line}:{column}{note}", display_path(file, base));
            if let Some(text) = source_line(file, *line) {
                let (text, column) = &window(&text, *column);
                let num = line.to_string();
                let pad = " ".repeat(num.len());
                let caret_pad: String =
                    text.chars().take(column.saturating_sub(1)).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
                let _ = writeln!(out, "{pad} |");
                let _ = writeln!(out, "{num} | {text}");
                let _ = writeln!(out, "{pad} | {caret_pad}^");
            }
        }
    }
}

/// The `line`th line (1-based) of a text file, if it can be read.
fn source_line(file: &Path, line: usize) -> Option<String> {
    let bytes = std::fs::read(file).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    text.lines().nth(line.checked_sub(1)?).map(|l| l.trim_end_matches('\r').to_string())
}

/// At most [`WINDOW`] characters of a long source line around `column`,
/// marked `…` where cut, and the column within them.
fn window(text: &str, column: usize) -> (String, usize) {
    const WINDOW: usize = 120;
    let len = text.chars().count();
    if len <= WINDOW {
        return (text.to_string(), column);
    }
    let start = column.saturating_sub(WINDOW / 2).min(len.saturating_sub(WINDOW));
    let mut shown: String = text.chars().skip(start).take(WINDOW).collect();
    let mut column = column - start;
    if start > 0 {
        shown.insert(0, '…');
        column += 1;
    }
    if start + WINDOW < len {
        shown.push('…');
    }
    (shown, column)
}

/// The summary line closing a human report.
pub fn summary(diags: &[Diagnostic]) -> String {
    let (e, w, i) = counts(diags);
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!("{}, {}, {}", plural(e, "error", "errors"), plural(w, "warning", "warnings"), plural(i, "note", "notes"))
}

/// The JSON form of one diagnostic; the schema is `docs/diagnostics.schema.json`.
#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    code: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sheet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cell: Option<String>,
    hints: &'a [String],
}

pub fn render_json(diags: &[Diagnostic], base: &Path) -> String {
    let items: Vec<JsonDiagnostic> = diags
        .iter()
        .map(|d| {
            let mut j = JsonDiagnostic {
                severity: d.severity,
                code: d.code,
                message: &d.message,
                file: None,
                line: None,
                column: None,
                sheet: None,
                cell: None,
                hints: &d.hints,
            };
            match &d.location {
                None => {}
                Some(Location::File { file }) => j.file = Some(display_path(file, base)),
                Some(Location::Text { file, line, column }) => {
                    j.file = Some(display_path(file, base));
                    j.line = Some(*line);
                    j.column = Some(*column);
                }
                Some(Location::Cell { file, sheet, row, col }) => {
                    j.file = Some(display_path(file, base));
                    j.sheet = Some(sheet);
                    j.cell = Some(Location::cell_name(*row, *col));
                }
            }
            j
        })
        .collect();
    serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_a_window_of_a_long_line() {
        assert_eq!(window("short", 3), ("short".to_string(), 3));
        let long = "x".repeat(1000);
        let (shown, column) = window(&long, 500);
        assert_eq!(shown.chars().count(), 122);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(column, 61);
        let (shown, column) = window(&long, 1);
        assert_eq!((shown.chars().count(), column), (121, 1));
        let (shown, column) = window(&long, 1000);
        assert_eq!((shown.chars().count(), column), (121, 121));
    }

    #[test]
    fn names_cells_like_spreadsheets() {
        let cases: &[(u32, u32, &str)] = &[
            (0, 0, "A1"),
            (16, 3, "D17"),
            (0, 25, "Z1"),
            (0, 26, "AA1"),
            (9, 701, "ZZ10"),
            (0, 702, "AAA1"),
            (1_048_575, 16_383, "XFD1048576"),
        ];
        for &(row, col, want) in cases {
            assert_eq!(Location::cell_name(row, col), want);
        }
    }
}
