//! Diagnostics: the one type every stage reports problems with, and its two
//! renderings (human, like rustc/typst, and JSON for other tools).
//!
//! A diagnostic names a stable code (documented in `docs/rules.md`), a message,
//! the place in the inputs (YAML or Markdown file:line:col, or workbook
//! Sheet!cell) and `help:` hints.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use crate::i18n::n;
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// Its name in the language of the messages: "fout", "waarschuwing", ...
    pub fn label(self) -> String {
        match self {
            Severity::Info => tr!("severity-info"),
            Severity::Warning => tr!("severity-warning"),
            Severity::Error => tr!("severity-error"),
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

    /// The place of byte `offset` of `src`, the text of `file`: its line and
    /// column (in characters) as an editor counts them from 1.
    pub fn in_text(file: &Path, src: &str, offset: usize) -> Location {
        let before = src.get(..offset.min(src.len())).unwrap_or(src);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Location::Text { file: file.to_path_buf(), line, column }
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
    /// A diagnostic; the loaders and checks make theirs with [`crate::rules::Rule::report`].
    pub fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic { severity, code, message: message.into(), location: None, related: Vec::new(), hints: Vec::new() }
    }

    /// The same diagnostic at another severity, where its rule documents one.
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
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

/// Whether `c` must not reach a terminal as it is: a control character
/// (C0, DEL, C1; a tab is harmless), a line or paragraph separator, or a
/// bidirectional embedding, override or isolate (U+202A–U+202E,
/// U+2066–U+2069: "Trojan Source" reordering).
fn is_unsafe_on_a_terminal(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Pushes `c` to `out` as a terminal may show it: itself, or escaped like
/// Rust writes it (`\n`, `\r`, `\0`, `\u{1b}`).
fn push_escaped(out: &mut String, c: char) {
    match c {
        c if !is_unsafe_on_a_terminal(c) => out.push(c),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\0' => out.push_str("\\0"),
        c => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
}

/// Text from the inputs (a message quoting a value, a file or sheet name, a
/// source line) as it may be printed to a terminal: every control character
/// but tab, newlines and carriage returns included, and every bidirectional
/// override written visibly as an escape (`\u{1b}`), so that no input can
/// move the cursor, clear the screen, set the window title, start a line of
/// its own ("0 errors", "wrote ….pdf") or reorder what is shown. Text that
/// needs no escape (all of bbt's own) is returned as it is; escaping twice
/// changes nothing.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_on_a_terminal) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

/// Renders one diagnostic for humans, rustc-style. Text locations get the
/// source line with a caret; cells are named `file: Sheet!D17`. Every piece
/// taken from the inputs is [`escape`]d: the result holds no control
/// character but the newline ending each of its lines (and tabs).
pub fn render_human(d: &Diagnostic, base: &Path) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}[{}]: {}", d.severity.label(), d.code, escape(&d.message));
    if let Some(loc) = &d.location {
        write_location(&mut out, loc, base, None);
    }
    for (loc, label) in &d.related {
        write_location(&mut out, loc, base, Some(label));
    }
    for hint in &d.hints {
        let _ = writeln!(out, "  = {}: {}", tr!("help"), escape(hint));
    }
    out
}

fn write_location(out: &mut String, loc: &Location, base: &Path, label: Option<&str>) {
    let note = label.map(|l| format!(" ({})", escape(l))).unwrap_or_default();
    match loc {
        Location::File { file } => {
            let _ = writeln!(out, "  --> {}{note}", escape(&display_path(file, base)));
        }
        Location::Cell { file, sheet, row, col } => {
            let cell = Location::cell_name(*row, *col);
            let _ = writeln!(out, "  --> {}: {}!{cell}{note}", escape(&display_path(file, base)), escape(sheet));
        }
        Location::Text { file, line, column } => {
            let _ = writeln!(out, "  --> {}:{line}:{column}{note}", escape(&display_path(file, base)));
            if let Some(text) = source_line(file, *line) {
                let (text, column) = window(&text, *column);
                let (text, caret_pad) = source_and_caret(&text, column);
                let num = line.to_string();
                let pad = " ".repeat(num.len());
                let _ = writeln!(out, "{pad} |");
                let _ = writeln!(out, "{num} | {text}");
                let _ = writeln!(out, "{pad} | {caret_pad}^");
            }
        }
    }
}

/// A source line [`escape`]d, and the run of blanks that puts a caret under
/// its `column`th character (1-based; a tab stays a tab, an escaped
/// character takes the width of its escape).
fn source_and_caret(text: &str, column: usize) -> (String, String) {
    let mut shown = String::with_capacity(text.len());
    let mut pad = String::new();
    for (i, c) in text.chars().enumerate() {
        let before = shown.len();
        push_escaped(&mut shown, c);
        if i + 1 < column {
            match c {
                '\t' => pad.push('\t'),
                // An escape is ASCII: as wide as its bytes.
                c if is_unsafe_on_a_terminal(c) => pad.extend(std::iter::repeat_n(' ', shown.len() - before)),
                _ => pad.push(' '),
            }
        }
    }
    (shown, pad)
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
    tr!("summary", fouten = n(e), waarschuwingen = n(w), opmerkingen = n(i))
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

/// Writes `diags` as one JSON array, each converted as it is written: a
/// check with a hundred thousand diagnostics holds no second copy of them.
pub fn write_json(diags: &[Diagnostic], base: &Path, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    struct Items<'a>(&'a [Diagnostic], &'a Path);
    impl Serialize for Items<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.iter().map(|d| json_diagnostic(d, self.1)))
        }
    }
    serde_json::to_writer_pretty(&mut *out, &Items(diags, base)).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}

/// One diagnostic in the JSON form of `bbt check --format json` (paths
/// relative to `base`), as a value to add fields to (the studio's).
pub fn json_value(d: &Diagnostic, base: &Path) -> serde_json::Value {
    serde_json::to_value(json_diagnostic(d, base)).unwrap_or(serde_json::Value::Null)
}

fn json_diagnostic<'a>(d: &'a Diagnostic, base: &Path) -> JsonDiagnostic<'a> {
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
    fn escapes_what_a_terminal_would_obey() {
        let cases: &[(&str, &str)] = &[
            ("plain text, accents é and – dashes", "plain text, accents é and – dashes"),
            ("tab\tstays", "tab\tstays"),
            ("\u{1b}[2J\u{1b}]0;title\u{7}", "\\u{1b}[2J\\u{1b}]0;title\\u{7}"),
            ("a\nwrote x.pdf", "a\\nwrote x.pdf"),
            ("over\rwrite", "over\\rwrite"),
            ("nul\0", "nul\\0"),
            ("del\u{7f} c1\u{9b}31m nel\u{85}", "del\\u{7f} c1\\u{9b}31m nel\\u{85}"),
            ("ls\u{2028}ps\u{2029}", "ls\\u{2028}ps\\u{2029}"),
            ("\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}", "\\u{202a}\\u{202b}\\u{202c}\\u{202d}\\u{202e}"),
            ("\u{2066}\u{2067}\u{2068}\u{2069}", "\\u{2066}\\u{2067}\\u{2068}\\u{2069}"),
            // Not overrides: left alone.
            ("\u{200f}\u{2065}\u{206a}\u{2029}x", "\u{200f}\u{2065}\u{206a}\\u{2029}x"),
        ];
        for &(raw, shown) in cases {
            assert_eq!(escape(raw), shown, "{raw:?}");
            assert_eq!(escape(&escape(raw)), shown, "escaping twice changes nothing: {raw:?}");
        }
        assert!(matches!(escape("bbt's own text"), Cow::Borrowed(_)));
    }

    #[test]
    fn keeps_the_caret_under_its_character_in_an_escaped_line() {
        // (line, 1-based column, line shown, caret line)
        let cases: &[(&str, usize, &str, &str)] = &[
            ("abc", 2, "abc", " ^"),
            ("\u{1b}[2Jx", 5, "\\u{1b}[2Jx", "         ^"),
            ("\tx\u{7}y", 4, "\tx\\u{7}y", "\t      ^"),
            ("é\u{202e}z", 3, "é\\u{202e}z", "         ^"),
            ("ab", 3, "ab", "  ^"),
        ];
        for &(line, column, want_line, want_caret) in cases {
            let (shown, pad) = source_and_caret(line, column);
            assert_eq!((shown.as_str(), format!("{pad}^").as_str()), (want_line, want_caret), "{line:?}");
        }
    }

    #[test]
    fn renders_no_control_character_from_an_input() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("te\u{1b}]0;pwned\u{7}kst\nwrote x.pdf.md");
        std::fs::write(&file, "eerste\n\u{1b}[2J\u{1b}[32m0 errors\u{202e} {{ x }}\r\n").unwrap();
        let d = crate::rules::BAD_REFERENCE
            .report("unknown `a\u{1b}[1Ab`\n0 errors")
            .at(Location::Text { file: file.clone(), line: 2, column: 20 })
            .related(Location::cell(&file, "Blad\u{1b}c", 0, 0), "zie \r hier")
            .hint("fix \u{9b}2J it");
        let shown = render_human(&d, dir.path());
        let unsafe_chars: Vec<char> = shown.chars().filter(|&c| c != '\n' && is_unsafe_on_a_terminal(c)).collect();
        assert!(unsafe_chars.is_empty(), "{shown}");
        assert_eq!(shown.lines().count(), 7, "{shown}");
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines[0], "fout[T004]: unknown `a\\u{1b}[1Ab`\\n0 errors");
        assert_eq!(lines[1], "  --> te\\u{1b}]0;pwned\\u{7}kst\\nwrote x.pdf.md:2:20");
        assert_eq!(lines[3], "2 | \\u{1b}[2J\\u{1b}[32m0 errors\\u{202e} {{ x }}");
        // The caret under the first `{`.
        let caret = lines[4].find('^').unwrap();
        assert_eq!(&lines[3][caret..caret + 1], "{");
        assert_eq!(lines[5], "  --> te\\u{1b}]0;pwned\\u{7}kst\\nwrote x.pdf.md: Blad\\u{1b}c!A1 (zie \\r hier)");
        assert_eq!(lines[6], "  = hulp: fix \\u{9b}2J it");
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
