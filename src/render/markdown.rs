//! Markdown → Typst markup, for the narrative.
//!
//! Every text node becomes a Typst string literal (`#"…"`, via
//! [`string_literal`]), so nothing an author writes is ever read as Typst.
//! Structure (paragraphs, emphasis, lists, links, quotes, footnotes, tables,
//! headings) becomes calls of Typst's own functions. What cannot be shown
//! faithfully is printed as the literal text it is and reported at its line.

use std::collections::HashMap;
use std::path::Path;

use pulldown_cmark::{Alignment, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use super::narrative::{self, Invulling};
use super::typst_code::string_literal;
use crate::diag::{Diagnostic, Location};
use crate::rules;
use crate::tr;

/// The schemes a link in a text may have; any other target (`javascript:`,
/// `file:`, a relative path) would become a live action in the PDF.
pub const LINK_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// The deepest heading PDF/UA knows (H6): deeper headings print at this level.
pub const DEEPEST_HEADING: u8 = 6;

/// How deep quotes and lists may nest in the document; deeper ones are
/// flattened into the one at this depth (Typst gives up at some sixty
/// levels, and no reader follows ten).
pub const DEEPEST_NESTING: usize = 8;

/// T007: a text too long to lay out (see `check::characters`).
pub use crate::check::characters::MAX_TITLE;

/// Whether `url` is a web or mail address a link may lead to.
pub fn allowed_link(url: &str) -> bool {
    url.split_once(':').is_some_and(|(scheme, rest)| {
        LINK_SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme)) && !rest.trim().is_empty()
    })
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// Converts `markdown` (from `file`) into Typst markup. The text belongs to an
/// element whose heading has level `base_level`: the text's own headings nest
/// below it, its shallowest at `base_level + 1`, whatever level the writer
/// used (see [`Converter::heading_level`]).
pub fn to_typst(markdown: &str, file: &Path, base_level: u8) -> (String, Vec<Diagnostic>) {
    to_typst_with(markdown, &[], file, base_level)
}

/// As [`to_typst`], for a text whose live figures were expanded into
/// placeholders ([`narrative::expand`]): each is replaced by its value.
pub fn to_typst_with(markdown: &str, values: &[Invulling], file: &Path, base_level: u8) -> (String, Vec<Diagnostic>) {
    let mut cv = Converter {
        src: markdown,
        values,
        file,
        base_level,
        diags: Vec::new(),
        footnotes: HashMap::new(),
        headings: Vec::new(),
        in_heading: false,
        in_comment: false,
    };
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
    /// The Markdown levels of the headings open above the current one.
    headings: Vec<u8>,
    /// Whether the events converted now are inside a heading.
    in_heading: bool,
    /// Whether an HTML comment (`<!-- … -->`) spans the lines converted now.
    in_comment: bool,
}

/// How a link in the text is written.
enum LinkKind {
    /// `#link("…")[…]`: a link with its text; a web address also in a
    /// footnote (the document is read on paper too), except in a heading.
    Body(Option<String>),
    /// `#link("…")`: a link with no text of its own prints its target.
    Bare,
    /// No link: a target that is not allowed; the text prints without it.
    Text,
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
                // In a heading a reference is a link without its page: the
                // page is known only in context, and PDF/UA needs a heading's
                // text without it.
                Err(Invulling::Verwijzing { sleutel, tekst }) if self.in_heading => {
                    out.push_str(&format!("#link(label({}), {})", string_literal(sleutel), string_literal(tekst)));
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
        Location::in_text(self.file, self.src, offset)
    }

    /// T002 at `offset`: `message` is the Fluent message (with a `.hint`).
    fn warn(&mut self, offset: usize, message: &str) {
        let text = crate::i18n::tr(message, Vec::new());
        let hint = crate::i18n::tr(&format!("{message}.hint"), Vec::new());
        self.report(rules::UNSUPPORTED_MARKDOWN.report(text).hint(hint), offset);
    }

    /// Adds `d` at `offset`: one diagnostic of a code per line is enough
    /// (`<b>x</b>` is two HTML events).
    fn report(&mut self, d: Diagnostic, offset: usize) {
        let loc = self.loc(offset);
        let seen = self.diags.iter().any(|e| {
            e.code == d.code
                && match (&e.location, &loc) {
                    (Some(Location::Text { line: a, .. }), Location::Text { line: b, .. }) => a == b,
                    _ => false,
                }
        });
        if !seen {
            self.diags.push(d.at(loc));
        }
    }

    /// The level of a heading the writer wrote at Markdown level `source`:
    /// one below the element for the text's outermost headings, one below its
    /// parent heading for the others, so that relative depths are kept and no
    /// level is ever skipped (PDF/UA); past H6, H6.
    fn heading_level(&mut self, source: u8) -> u8 {
        while self.headings.last().is_some_and(|&open| open >= source) {
            self.headings.pop();
        }
        self.headings.push(source);
        let depth = u8::try_from(self.headings.len()).unwrap_or(u8::MAX);
        self.base_level.saturating_add(depth).min(DEEPEST_HEADING)
    }

    /// HTML `t` with its comments taken out: a comment prints nothing, as
    /// in every Markdown viewer (notes for the writers, the marker of a text
    /// carried over by `bbt init --next`); a comment may span lines.
    fn without_comments(&mut self, t: &str) -> String {
        let mut rest = t;
        let mut out = String::new();
        loop {
            if self.in_comment {
                match rest.find("-->") {
                    Some(end) => {
                        self.in_comment = false;
                        rest = rest.get(end + 3..).unwrap_or_default();
                    }
                    None => return out,
                }
            }
            match rest.find("<!--") {
                Some(start) => {
                    out.push_str(rest.get(..start).unwrap_or_default());
                    self.in_comment = true;
                    rest = rest.get(start + 4..).unwrap_or_default();
                }
                None => {
                    out.push_str(rest);
                    return out;
                }
            }
        }
    }

    /// Whether an event prints something a reader sees.
    fn visible(&self, event: &Event) -> bool {
        match event {
            Event::Text(t) | Event::Code(t) => !self.plain(t).trim().is_empty(),
            Event::Html(t) | Event::InlineHtml(t) => !t.trim().is_empty() && !t.trim().starts_with("<!--"),
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::Item
                | Tag::Table(_)
                | Tag::TableHead
                | Tag::TableRow
                | Tag::TableCell
                | Tag::HtmlBlock
                | Tag::FootnoteDefinition(_)
                | Tag::CodeBlock(_),
            ) => false,
            Event::Start(_) => true,
            Event::End(_) | Event::SoftBreak | Event::HardBreak => false,
            _ => true,
        }
    }

    /// The start events (by index) of the headings and links in `events`
    /// that show nothing: an empty heading is left out, a link without text
    /// prints its target.
    fn empty_spans(&self, events: &[(Event, std::ops::Range<usize>)]) -> std::collections::HashSet<usize> {
        let mut empty = std::collections::HashSet::new();
        // Open headings and links: (start index, something visible inside).
        let mut open: Vec<(usize, bool)> = Vec::new();
        for (i, (event, _)) in events.iter().enumerate() {
            match event {
                Event::Start(Tag::Heading { .. }) => open.push((i, false)),
                Event::Start(Tag::Link { .. }) => open.push((i, false)),
                Event::End(TagEnd::Heading(_)) | Event::End(TagEnd::Link) => {
                    let Some((start, seen)) = open.pop() else { continue };
                    // A link with a target and no text prints its target.
                    let prints_target = matches!(
                        events.get(start),
                        Some((Event::Start(Tag::Link { dest_url, .. }), _)) if !self.plain(dest_url).trim().is_empty()
                    );
                    if seen || prints_target {
                        for o in &mut open {
                            o.1 = true;
                        }
                    }
                    if !seen {
                        empty.insert(start);
                    }
                }
                e if self.visible(e) => {
                    for o in &mut open {
                        o.1 = true;
                    }
                }
                _ => {}
            }
        }
        empty
    }

    /// The alignment of each column of the table that starts at event
    /// `start`: as the Markdown says (`:--`, `:-:`, `--:`), else right for a
    /// column whose every filled body cell is a number ("1.250", "34 %",
    /// "-2,5"), else left.
    fn table_alignment(&self, events: &[(Event, std::ops::Range<usize>)], start: usize) -> Vec<&'static str> {
        let Some((Event::Start(Tag::Table(aligns)), _)) = events.get(start) else { return Vec::new() };
        // Per column: (a filled body cell seen, every filled one a number).
        let mut numeric: Vec<(bool, bool)> = vec![(false, true); aligns.len()];
        let (mut in_head, mut column, mut cell) = (false, 0usize, String::new());
        for (event, _) in events.iter().skip(start + 1) {
            match event {
                Event::End(TagEnd::Table) => break,
                Event::Start(Tag::TableHead) => in_head = true,
                Event::End(TagEnd::TableHead) => in_head = false,
                Event::Start(Tag::TableRow) => column = 0,
                Event::Start(Tag::TableCell) => cell.clear(),
                Event::Text(t) | Event::Code(t) => cell.push_str(&self.plain(t)),
                Event::End(TagEnd::TableCell) => {
                    let text = cell.trim();
                    if let (false, false, Some(n)) = (in_head, text.is_empty(), numeric.get_mut(column)) {
                        let number = text.chars().any(|c| c.is_ascii_digit())
                            && text.chars().all(|c| c.is_ascii_digit() || " .,%+-−€\u{a0}\u{202f}".contains(c));
                        *n = (true, n.1 && number);
                    }
                    column += 1;
                }
                _ => {}
            }
        }
        aligns
            .iter()
            .zip(numeric)
            .map(|(a, (filled, number))| match a {
                Alignment::Left => "left",
                Alignment::Center => "center",
                Alignment::Right => "right",
                Alignment::None if filled && number => "right",
                Alignment::None => "left",
            })
            .collect()
    }

    fn convert(&mut self, events: &[(Event, std::ops::Range<usize>)]) -> String {
        let mut out = String::new();
        // Per open table: (number of columns, in header).
        // Per open table: what closes it.
        let mut tables: Vec<&str> = Vec::new();
        let mut image_depth = 0usize;
        let empty = self.empty_spans(events);
        // Per open heading: whether it is shown; per open link: how it is written.
        let mut headings: Vec<bool> = Vec::new();
        let mut links: Vec<LinkKind> = Vec::new();
        // Per open quote or list: whether it is shown (or flattened into the one around it).
        let mut blocks: Vec<bool> = Vec::new();
        // Per open paragraph: whether it introduces a table or list (and is
        // kept with it).
        let mut paragraphs: Vec<bool> = Vec::new();
        for (i, (event, range)) in events.iter().enumerate() {
            match event {
                Event::Start(tag) => {
                    match tag {
                        Tag::Paragraph => {
                            // The sentence that introduces a table or a list
                            // stays on its page: never alone at a page's foot.
                            // (Not a long paragraph, which would leave a
                            // gap; not inside a flattened list, whose dash
                            // precedes it.)
                            let short = self
                                .src
                                .get(range.clone())
                                .is_some_and(|p| p.chars().count() <= INTRO_CHARS || p.trim_end().ends_with(':'));
                            let intro = short && !blocks.contains(&false) && introduces(events, i);
                            if intro {
                                out.push_str("#block(sticky: true)[");
                            }
                            paragraphs.push(intro);
                        }
                        Tag::Heading { level, .. } => {
                            let length = self.src.get(range.clone()).map_or(0, |h| h.chars().count());
                            if length > MAX_TITLE {
                                self.report(
                                    rules::TOO_LONG
                                        .report(tr!("t007-heading", lengte = length, max = MAX_TITLE))
                                        .hint(tr!("t007-heading.hint")),
                                    range.start,
                                );
                            }
                            let shown = !empty.contains(&i);
                            self.in_heading = true;
                            if shown {
                                let lvl = self.heading_level(heading_number(*level));
                                out.push_str(&format!("#heading(level: {lvl}, outlined: false)["));
                            } else {
                                self.report(
                                    rules::UNSUPPORTED_MARKDOWN
                                        .report(tr!("t002-empty-heading"))
                                        .hint(tr!("t002-empty-heading.hint")),
                                    range.start,
                                );
                            }
                            headings.push(shown);
                        }
                        Tag::BlockQuote(_) | Tag::List(_) => {
                            let shown = blocks.iter().filter(|b| **b).count() < DEEPEST_NESTING;
                            blocks.push(shown);
                            match tag {
                                _ if !shown => out.push_str("\n\n"),
                                Tag::List(None) => out.push_str("#list("),
                                Tag::List(Some(n)) => out.push_str(&format!("#enum(start: {n}, ")),
                                _ => out.push_str("#quote(block: true)["),
                            }
                        }
                        Tag::CodeBlock(_) => out.push_str("#raw(block: true, "),
                        // An item of a flattened list: a paragraph with a dash.
                        Tag::Item if blocks.last() == Some(&false) => out.push_str("\n\n#\"– \""),
                        Tag::Item => out.push('['),
                        Tag::Emphasis => out.push_str("#emph["),
                        Tag::Strong => out.push_str("#strong["),
                        Tag::Strikethrough => out.push_str("#strike["),
                        Tag::Link { dest_url, link_type, .. } => {
                            let url = self.plain(dest_url).trim().to_string();
                            let kind = if allowed_link(&url) {
                                if empty.contains(&i) {
                                    out.push_str(&format!("#link({})", string_literal(&url)));
                                    LinkKind::Bare
                                } else {
                                    out.push_str(&format!("#link({})[", string_literal(&url)));
                                    let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
                                    let web = matches!(scheme.as_deref(), Some("http" | "https"));
                                    // An autolink (`<https://…>`) prints its address already.
                                    let autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                                    LinkKind::Body((web && !autolink && !self.in_heading).then_some(url))
                                }
                            } else {
                                let d = if url.is_empty() {
                                    rules::LINK_TARGET.report(tr!("t006-empty")).hint(tr!("t006-empty.hint"))
                                } else {
                                    rules::LINK_TARGET
                                        .report(tr!("t006-target", doel = url.chars().take(80).collect::<String>()))
                                        .hint(tr!("t006-target.hint"))
                                };
                                self.report(d, range.start);
                                if empty.contains(&i) {
                                    out.push('#');
                                    out.push_str(&string_literal(&url));
                                }
                                LinkKind::Text
                            };
                            links.push(kind);
                        }
                        Tag::Image { .. } => {
                            self.warn(range.start, "t002-image");
                            out.push_str(&format!("#{}", string_literal(&self.src[range.clone()])));
                            image_depth += 1;
                        }
                        Tag::Table(aligns) => {
                            // A short table is kept on one page: no header
                            // and a row or two left alone at a page's foot.
                            let whole = body_rows(events, i) <= KEEP_WHOLE_ROWS;
                            tables.push(if whole { "))\n\n" } else { ")\n\n" });
                            let align: String =
                                self.table_alignment(events, i).iter().map(|a| format!("{a}, ")).collect();
                            let open = if whole { "#block(breakable: false, table(" } else { "#table(" };
                            out.push_str(&format!("{open}columns: {}, align: ({align}), ", aligns.len()));
                        }
                        Tag::TableHead => out.push_str("table.header("),
                        Tag::TableRow => {}
                        Tag::TableCell => out.push('['),
                        Tag::HtmlBlock => {}
                        Tag::FootnoteDefinition(_) => {}
                        _ => {
                            self.warn(range.start, "t002-construct");
                            out.push_str(&format!("#{}", string_literal(&self.src[range.clone()])));
                            image_depth += 1;
                        }
                    }
                }
                Event::End(tag) => match tag {
                    TagEnd::Paragraph => {
                        if paragraphs.pop().unwrap_or(false) {
                            out.push(']');
                        }
                        out.push_str("\n\n");
                    }
                    TagEnd::Heading(_) => {
                        self.in_heading = false;
                        if headings.pop().unwrap_or(true) {
                            out.push_str("]\n\n");
                        }
                    }
                    TagEnd::BlockQuote(_) | TagEnd::List(_) => {
                        let close = match (blocks.pop(), tag) {
                            (Some(false), _) => "\n\n",
                            (_, TagEnd::List(_)) => ")\n\n",
                            _ => "]\n\n",
                        };
                        out.push_str(close);
                    }
                    TagEnd::CodeBlock => out.push_str(")\n\n"),
                    TagEnd::Item if blocks.last() == Some(&false) => out.push_str("\n\n"),
                    TagEnd::Item => out.push_str("], "),
                    TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => out.push(']'),
                    TagEnd::Link => {
                        if let Some(LinkKind::Body(voetnoot)) = links.pop() {
                            out.push(']');
                            if let Some(url) = voetnoot {
                                out.push_str(&format!("#footnote(link({}))", string_literal(&url)));
                            }
                        }
                    }
                    TagEnd::Image => image_depth = image_depth.saturating_sub(1),
                    TagEnd::Table => out.push_str(tables.pop().unwrap_or(")\n\n")),
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
                    let shown = self.without_comments(t);
                    if !shown.trim().is_empty() {
                        // Text beside a comment is no HTML unless it holds a tag.
                        if shown.contains('<') {
                            self.warn(range.start, "t002-html");
                        }
                        out.push('#');
                        out.push_str(&string_literal(&shown));
                    }
                }
                Event::FootnoteReference(label) => match self.footnotes.get(label.as_ref()) {
                    Some(body) => out.push_str(&format!("#footnote[{body}]")),
                    None => {
                        self.warn(range.start, "t002-footnote");
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

/// A paragraph of at most this many characters (or one ending in a colon)
/// that precedes a table or list stays on its page: longer ones may break.
const INTRO_CHARS: usize = 300;

/// A table of at most this many body rows is kept on one page.
const KEEP_WHOLE_ROWS: usize = 12;

/// Whether the paragraph that starts at event `start` is followed directly
/// by a table or a list (comments between them left aside).
fn introduces(events: &[(Event, std::ops::Range<usize>)], start: usize) -> bool {
    let Some(end) = events.iter().skip(start).position(|(e, _)| matches!(e, Event::End(TagEnd::Paragraph))) else {
        return false;
    };
    events
        .iter()
        .skip(start + end + 1)
        .find(|(e, _)| !matches!(e, Event::Html(_) | Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock)))
        .is_some_and(|(e, _)| matches!(e, Event::Start(Tag::Table(_) | Tag::List(_))))
}

/// The number of body rows of the table that starts at event `start`.
fn body_rows(events: &[(Event, std::ops::Range<usize>)], start: usize) -> usize {
    let mut rows = 0;
    for (event, _) in events.iter().skip(start + 1) {
        match event {
            Event::End(TagEnd::Table) => break,
            Event::End(TagEnd::TableRow) => rows += 1,
            _ => {}
        }
    }
    rows
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
            // On paper a link's text does not say where it leads: the address in a footnote.
            (
                "[site](https://www.vlaanderen.be)",
                r##"#link("https://www.vlaanderen.be")[#"site"]#footnote(link("https://www.vlaanderen.be"))"##,
            ),
            ("[mail](mailto:a@b.be)", r##"#link("mailto:a@b.be")[#"mail"]"##),
            ("# [Kop](https://x.be)", r##"#heading(level: 4, outlined: false)[#link("https://x.be")[#"Kop"]]"##),
            ("> citaat", "#quote(block: true)[#\"citaat\"\n\n]"),
            ("a[^1]\n\n[^1]: voetnoot", r##"#"a"#footnote[#"voetnoot"]"##),
            ("`x`", r##"#raw("x")"##),
            // A column of numbers is right-aligned; an explicit alignment is kept.
            (
                "| a | b |\n|---|---|\n| 1 | 2 |",
                r##"#block(breakable: false, table(columns: 2, align: (right, right, ), table.header([#"a"], [#"b"], ), [#"1"], [#"2"], ))"##,
            ),
            (
                "| Provincie | Aandeel | Noot |\n|---|---|:-:|\n| Antwerpen | 34 % | a |\n| Limburg | 1.250,5 | |",
                r##"#block(breakable: false, table(columns: 3, align: (left, right, center, ), table.header([#"Provincie"], [#"Aandeel"], [#"Noot"], ), [#"Antwerpen"], [#"34 %"], [#"a"], [#"Limburg"], [#"1.250,5"], [], ))"##,
            ),
            // The sentence that introduces a table or a list stays with it.
            ("Als volgt:\n\n- a", "#block(sticky: true)[#\"Als volgt:\"]\n\n#list([#\"a\"], )"),
            (
                "Verdeling:\n\n<!-- bron -->\n\n| a |\n|---|\n| x |",
                "#block(sticky: true)[#\"Verdeling:\"]\n\n#block(breakable: false, table(columns: 1, align: (left, ), table.header([#\"a\"], ), [#\"x\"], ))",
            ),
            ("Eerst.\n\nDan.\n\n- a", "#\"Eerst.\"\n\n#block(sticky: true)[#\"Dan.\"]\n\n#list([#\"a\"], )"),
        ];
        for (md, want) in cases {
            assert_eq!(conv(md), *want, "{md}");
        }
        // A long paragraph is not kept whole above a list (it would leave a
        // gap), unless it ends with a colon.
        let long = "woord ".repeat(60);
        assert!(!conv(&format!("{long}\n\n- a")).contains("sticky"));
        assert!(conv(&format!("{long}als volgt:\n\n- a")).starts_with("#block(sticky: true)["));
        // In a list flattened past the deepest nesting, the item's dash and
        // its text stay together.
        let deep: String = (0..10).map(|d| format!("{}- niveau {d}:\n\n", "  ".repeat(d))).collect();
        assert!(!conv(&format!("{deep}{}- x", "  ".repeat(10))).contains("sticky: true)[#\"niveau 9"));
        // A long table may break across pages (its header repeats).
        let long = format!("| a |\n|---|\n{}", "| x |\n".repeat(KEEP_WHOLE_ROWS + 1));
        assert!(conv(&long).starts_with("#table(columns: 1,"), "{}", conv(&long));
        let short = format!("| a |\n|---|\n{}", "| x |\n".repeat(KEEP_WHOLE_ROWS));
        assert!(conv(&short).starts_with("#block(breakable: false, table(columns: 1,"), "{}", conv(&short));
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

    /// The levels of the headings of a text under an element of level `base`.
    fn levels(md: &str, base: u8) -> Vec<u8> {
        let out = to_typst(md, Path::new("t.md"), base).0;
        out.match_indices("#heading(level: ")
            .map(|(i, m)| out[i + m.len()..].split(',').next().unwrap().parse().unwrap())
            .collect()
    }

    #[test]
    fn headings_nest_under_their_element_whatever_level_the_writer_used() {
        let cases: &[(&str, u8, &[u8])] = &[
            ("# a", 4, &[5]),
            ("## a", 4, &[5]),
            ("### a\n\n#### b", 1, &[2, 3]),
            // Relative depths are kept, but no level is skipped.
            ("# a\n\n### b\n\n## c\n\n# d", 2, &[3, 4, 4, 3]),
            ("## a\n\n# b\n\n## c", 2, &[3, 3, 4]),
            // Past H6, H6.
            ("# a\n\n## b\n\n### c\n\n#### d", 4, &[5, 6, 6, 6]),
        ];
        for (md, base, want) in cases {
            assert_eq!(levels(md, *base), *want, "{md:?} under level {base}");
        }
    }

    #[test]
    fn an_empty_heading_is_left_out_with_a_warning() {
        for md in ["#", "# ", "###   ", "## []()"] {
            let (out, diags) = to_typst(md, Path::new("t.md"), 3);
            assert!(!out.contains("#heading"), "{md:?}: {out}");
            assert!(diags.iter().any(|d| d.code == rules::UNSUPPORTED_MARKDOWN), "{md:?}: {diags:?}");
        }
        // A heading of only a link prints the link's target.
        let (out, _) = to_typst("# [](https://x.be)", Path::new("t.md"), 3);
        assert_eq!(out, r##"#heading(level: 4, outlined: false)[#link("https://x.be")]"##);
    }

    #[test]
    fn links_go_only_to_web_and_mail_addresses() {
        let cases: &[(&str, &str, bool)] = &[
            ("[a](https://x.be)", r##"#link("https://x.be")[#"a"]#footnote(link("https://x.be"))"##, false),
            ("[a](HTTP://x.be)", r##"#link("HTTP://x.be")[#"a"]#footnote(link("HTTP://x.be"))"##, false),
            ("[a](mailto:info@x.be)", r##"#link("mailto:info@x.be")[#"a"]"##, false),
            ("<https://x.be>", r##"#link("https://x.be")[#"https://x.be"]"##, false),
            ("[](https://x.be)", r##"#link("https://x.be")"##, false),
            ("[a](javascript:alert(1))", r##"#"a""##, true),
            ("[a](file:///etc/passwd)", r##"#"a""##, true),
            ("[a](launch:calc.exe)", r##"#"a""##, true),
            ("[a](pagina.html)", r##"#"a""##, true),
            ("[a]()", r##"#"a""##, true),
            ("[](javascript:x)", r##"#"javascript:x""##, true),
            ("<javascript:x>", r##"#"javascript:x""##, true),
            ("[a](https:)", r##"#"a""##, true),
        ];
        for (md, want, warned) in cases {
            let (out, diags) = to_typst(md, Path::new("t.md"), 3);
            assert_eq!(out, *want, "{md}");
            assert_eq!(diags.iter().any(|d| d.code == rules::LINK_TARGET), *warned, "{md}: {diags:?}");
        }
    }

    #[test]
    fn deep_quotes_and_lists_are_flattened() {
        let quotes = "> ".repeat(60) + "diep";
        let out = conv(&quotes);
        assert_eq!(out.matches("#quote(").count(), DEEPEST_NESTING, "{out}");
        assert!(out.contains(r##"#"diep""##));
        let lists: String = (0..60).map(|i| format!("{}- x{i}\n", "  ".repeat(i))).collect();
        let out = conv(&lists);
        assert_eq!(out.matches("#list(").count(), DEEPEST_NESTING, "{out}");
        assert!(out.contains(r##"#"x59""##), "{out}");
        let (_, diags) = to_typst(&lists, Path::new("t.md"), 3);
        assert!(diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn a_heading_too_long_to_print_is_an_error() {
        let md = format!("# {}", "woord ".repeat(400));
        let (_, diags) = to_typst(&md, Path::new("t.md"), 3);
        assert_eq!(diags.iter().map(|d| d.code).collect::<Vec<_>>(), [rules::TOO_LONG], "{diags:?}");
        assert!(to_typst(&format!("# {}", "woord ".repeat(300)), Path::new("t.md"), 3).1.is_empty());
    }

    /// A reference in a heading is a link without its page: a heading's text
    /// must be known outside of context (PDF/UA).
    #[test]
    fn a_reference_in_a_heading_has_no_page() {
        let values = [Invulling::Verwijzing { sleutel: "bbt-od-x".into(), tekst: "OD 2.2".into() }];
        let (out, _) =
            to_typst_with("# Zie \u{F8F0}0\u{F8F1}\n\nZie \u{F8F0}0\u{F8F1}.", &values, Path::new("t.md"), 3);
        assert_eq!(
            out,
            "#heading(level: 4, outlined: false)[#\"Zie \"#link(label(\"bbt-od-x\"), \"OD 2.2\")]\n\n#\"Zie \"#verwijzing(\"bbt-od-x\", \"OD 2.2\")#\".\""
        );
    }
}
