//! Markdown → Typst markup, for the narrative.
//!
//! Every text node becomes a Typst string literal (`#"…"`, via
//! [`string_literal`]), so nothing an author writes is ever read as Typst.
//! Structure (paragraphs, emphasis, lists, links, quotes, footnotes, tables,
//! headings) becomes calls of Typst's own functions. What cannot be shown
//! faithfully is printed as the literal text it is and reported at its line.

use std::collections::HashMap;
use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::narrative::{self, Invulling};
use super::typst_code::string_literal;
use crate::diag::{Diagnostic, Location};

/// T002: a Markdown construct the document cannot show (raw HTML, images).
pub const UNSUPPORTED_MARKDOWN: &str = "T002";

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// Converts `markdown` (from `file`) into Typst markup. Headings inside the
/// text are nested `base_level` levels below the top.
pub fn to_typst(markdown: &str, file: &Path, base_level: u8) -> (String, Vec<Diagnostic>) {
    to_typst_with(markdown, &[], file, base_level)
}

/// As [`to_typst`], for a text whose live figures were expanded into
/// placeholders ([`narrative::expand`]): each is replaced by its value.
pub fn to_typst_with(markdown: &str, values: &[Invulling], file: &Path, base_level: u8) -> (String, Vec<Diagnostic>) {
    let mut cv = Converter { src: markdown, values, file, base_level, diags: Vec::new(), footnotes: HashMap::new() };
    // First pass: footnote definitions, rendered on their own.
    let events: Vec<(Event, std::ops::Range<usize>)> =
        Parser::new_ext(markdown, options()).into_offset_iter().collect();
    let mut body = Vec::new();
    let mut events = events.into_iter();
    while let Some(event) = events.next() {
        if let (Event::Start(Tag::FootnoteDefinition(label)), _) = &event {
            let label = label.to_string();
            let mut inner = Vec::new();
            let mut depth = 1;
            for e in events.by_ref() {
                match &e.0 {
                    Event::Start(Tag::FootnoteDefinition(_)) => depth += 1,
                    Event::End(TagEnd::FootnoteDefinition) => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    break;
                }
                inner.push(e);
            }
            let inner = cv.convert(&inner);
            cv.footnotes.insert(label, inner.trim().to_string());
        } else {
            body.push(event);
        }
    }
    let out = cv.convert(&body);
    (out.trim().to_string(), cv.diags)
}

struct Converter<'a> {
    src: &'a str,
    values: &'a [Invulling],
    file: &'a Path,
    base_level: u8,
    diags: Vec<Diagnostic>,
    footnotes: HashMap<String, String>,
}

impl Converter<'_> {
    /// Text as Typst: string literals, with live figures substituted.
    fn text(&self, out: &mut String, t: &str) {
        for part in narrative::split(t, self.values) {
            match part {
                Ok(plain) => {
                    out.push('#');
                    out.push_str(&string_literal(plain));
                }
                Err(Invulling::Tekst(value)) => {
                    out.push('#');
                    out.push_str(&string_literal(value));
                }
                Err(Invulling::Verwijzing { sleutel, tekst }) => {
                    out.push_str(&format!("#verwijzing({}, {})", string_literal(sleutel), string_literal(tekst)));
                }
            }
        }
    }

    /// Text where only plain characters can go (code, link targets): values as text.
    fn plain(&self, t: &str) -> String {
        narrative::split(t, self.values)
            .into_iter()
            .map(|p| match p {
                Ok(s) => s,
                Err(Invulling::Tekst(s)) | Err(Invulling::Verwijzing { tekst: s, .. }) => s.as_str(),
            })
            .collect()
    }

    fn loc(&self, offset: usize) -> Location {
        let before = &self.src[..offset.min(self.src.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Location::Text { file: self.file.to_path_buf(), line, column }
    }

    fn warn(&mut self, offset: usize, what: &str, hint: &str) {
        let loc = self.loc(offset);
        // One warning per line is enough (`<b>x</b>` is two HTML events).
        if self.diags.iter().any(|d| match (&d.location, &loc) {
            (Some(Location::Text { line: a, .. }), Location::Text { line: b, .. }) => a == b,
            _ => false,
        }) {
            return;
        }
        let d = Diagnostic::warning(
            UNSUPPORTED_MARKDOWN,
            format!("{what} cannot be shown in the document; it prints as typed"),
        )
        .at(self.loc(offset))
        .hint(hint);
        self.diags.push(d);
    }

    fn convert(&mut self, events: &[(Event, std::ops::Range<usize>)]) -> String {
        let mut out = String::new();
        // Per open table: (number of columns, in header).
        let mut tables: Vec<usize> = Vec::new();
        let mut image_depth = 0usize;
        for (event, range) in events {
            match event {
                Event::Start(tag) => match tag {
                    Tag::Paragraph => {}
                    Tag::Heading { level, .. } => {
                        let lvl = self.base_level + heading_number(*level);
                        out.push_str(&format!("#heading(level: {lvl}, outlined: false)["));
                    }
                    Tag::BlockQuote(_) => out.push_str("#quote(block: true)["),
                    Tag::CodeBlock(_) => out.push_str("#raw(block: true, "),
                    Tag::List(None) => out.push_str("#list("),
                    Tag::List(Some(n)) => out.push_str(&format!("#enum(start: {n}, ")),
                    Tag::Item => out.push('['),
                    Tag::Emphasis => out.push_str("#emph["),
                    Tag::Strong => out.push_str("#strong["),
                    Tag::Strikethrough => out.push_str("#strike["),
                    Tag::Link { dest_url, .. } => {
                        out.push_str(&format!("#link({})[", string_literal(&self.plain(dest_url))));
                    }
                    Tag::Image { .. } => {
                        self.warn(
                            range.start,
                            "an image",
                            "images are not supported in the narrative; describe it in words",
                        );
                        out.push_str(&format!("#{}", string_literal(&self.src[range.clone()])));
                        image_depth += 1;
                    }
                    Tag::Table(aligns) => {
                        tables.push(aligns.len());
                        out.push_str(&format!("#table(columns: {}, ", aligns.len()));
                    }
                    Tag::TableHead => out.push_str("table.header("),
                    Tag::TableRow => {}
                    Tag::TableCell => out.push('['),
                    Tag::HtmlBlock => {}
                    Tag::FootnoteDefinition(_) => {}
                    _ => {
                        self.warn(
                            range.start,
                            "this construct",
                            "use paragraphs, lists, emphasis, links, quotes, footnotes or tables",
                        );
                        out.push_str(&format!("#{}", string_literal(&self.src[range.clone()])));
                        image_depth += 1;
                    }
                },
                Event::End(tag) => match tag {
                    TagEnd::Paragraph => out.push_str("\n\n"),
                    TagEnd::Heading(_) => out.push_str("]\n\n"),
                    TagEnd::BlockQuote(_) => out.push_str("]\n\n"),
                    TagEnd::CodeBlock => out.push_str(")\n\n"),
                    TagEnd::List(_) => out.push_str(")\n\n"),
                    TagEnd::Item => out.push_str("], "),
                    TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link => out.push(']'),
                    TagEnd::Image => image_depth = image_depth.saturating_sub(1),
                    TagEnd::Table => {
                        tables.pop();
                        out.push_str(")\n\n");
                    }
                    TagEnd::TableHead => out.push_str("), "),
                    TagEnd::TableRow => {}
                    TagEnd::TableCell => out.push_str("], "),
                    TagEnd::HtmlBlock | TagEnd::FootnoteDefinition => {}
                    _ => image_depth = image_depth.saturating_sub(1),
                },
                _ if image_depth > 0 => {}
                Event::Text(t) => {
                    // Inside a code block the text is the code itself.
                    if out.ends_with("#raw(block: true, ") {
                        out.push_str(&string_literal(&self.plain(t)));
                    } else {
                        self.text(&mut out, t);
                    }
                }
                Event::Code(t) => out.push_str(&format!("#raw({})", string_literal(&self.plain(t)))),
                Event::SoftBreak => out.push(' '),
                Event::HardBreak => out.push_str("#linebreak()"),
                Event::Rule => out.push_str("#line(length: 100%)\n\n"),
                Event::Html(t) | Event::InlineHtml(t) => {
                    self.warn(range.start, "raw HTML", "write plain text; HTML tags are not interpreted");
                    out.push('#');
                    out.push_str(&string_literal(t));
                }
                Event::FootnoteReference(label) => match self.footnotes.get(label.as_ref()) {
                    Some(body) => out.push_str(&format!("#footnote[{body}]")),
                    None => {
                        self.warn(range.start, "a footnote without a definition", "add a line [^label]: text");
                        out.push('#');
                        out.push_str(&string_literal(&self.src[range.clone()]));
                    }
                },
                Event::TaskListMarker(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                    out.push('#');
                    out.push_str(&string_literal(&self.src[range.clone()]));
                }
            }
        }
        out
    }
}

fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(md: &str) -> String {
        to_typst(md, Path::new("t.md"), 3).0
    }

    #[test]
    fn converts_each_construct() {
        let cases: &[(&str, &str)] = &[
            ("Hallo wereld.", r##"#"Hallo wereld.""##),
            ("een *twee* **drie**", r##"#"een "#emph[#"twee"]#" "#strong[#"drie"]"##),
            ("- a\n- b", r##"#list([#"a"], [#"b"], )"##),
            ("3. a\n4. b", r##"#enum(start: 3, [#"a"], [#"b"], )"##),
            ("# Kop", r##"#heading(level: 4, outlined: false)[#"Kop"]"##),
            ("[site](https://www.vlaanderen.be)", r##"#link("https://www.vlaanderen.be")[#"site"]"##),
            ("> citaat", "#quote(block: true)[#\"citaat\"\n\n]"),
            ("a[^1]\n\n[^1]: voetnoot", r##"#"a"#footnote[#"voetnoot"]"##),
            ("`x`", r##"#raw("x")"##),
            (
                "| a | b |\n|---|---|\n| 1 | 2 |",
                r##"#table(columns: 2, table.header([#"a"], [#"b"], ), [#"1"], [#"2"], )"##,
            ),
        ];
        for (md, want) in cases {
            assert_eq!(conv(md), *want, "{md}");
        }
    }

    /// Every construct in one text, with a live figure and a reference; the
    /// snapshot is reviewed, not hand-edited.
    #[test]
    fn converts_a_text_with_every_construct() {
        let md = "# Kop\n\nEen *schuine* en **vette** tekst met `code`, een [link](https://www.vlaanderen.be) en een voetnoot[^n].\n\n- een\n- twee\n  - genest\n\n3. drie\n4. vier\n\n> Citaat met #hekje en $dollar$.\n\n| Indicator | 2025 |\n|---|---|\n| A2 | 64 % |\n\nRegel een  \nregel twee, figuur \u{F8F0}0\u{F8F1} en \u{F8F0}1\u{F8F1}.\n\n---\n\n```\ncode #blok\n```\n\n[^n]: De voetnoot.\n";
        let values = [
            Invulling::Tekst("1.767".into()),
            Invulling::Verwijzing { sleutel: "bbt-od-nederlands".into(), tekst: "OD 2.2".into() },
        ];
        let (out, diags) = to_typst_with(md, &values, Path::new("t.md"), 3);
        assert!(diags.is_empty(), "{diags:?}");
        insta::assert_snapshot!(out);
    }

    #[test]
    fn prints_typst_syntax_as_typed() {
        let out = conv(r##"#read("/etc/passwd") en $x^2$ @ref"##);
        assert_eq!(out, r##"#"#read(\"/etc/passwd\") en $x^2$ @ref""##);
        // `<l>` is inline HTML to Markdown: it prints as typed too.
        assert_eq!(conv("a <l> b"), r##"#"a "#"<l>"#" b""##);
    }

    #[test]
    fn reports_raw_html_at_its_line() {
        let (out, diags) = to_typst("tekst\n\n<b>vet</b>\n", Path::new("t.md"), 3);
        assert!(out.contains(r##"#"<b>""##), "{out}");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].location, Some(Location::Text { file: "t.md".into(), line: 3, column: 1 }));
    }
}
