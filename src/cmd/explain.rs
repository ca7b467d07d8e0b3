//! `bbt explain CODE`: the documentation of a rule, from `docs/rules.md`
//! (`docs/en/rules.md` with `--lang en`), shown for a terminal: headings
//! and emphasis styled (plain when the output is not a terminal, or
//! `NO_COLOR` is set), paragraphs wrapped to the terminal's width.

use anstyle::{Effects, Style};
use bbt::pipeline::exit::FAILURE;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::console::{self, write_stdout};

pub fn explain(code: &str) -> u8 {
    // As printed: `fout[B003]`, `error[B003]` or `B003`.
    let code = code.rsplit('[').next().unwrap_or(code).trim_end_matches(']').trim();
    match bbt::rules::explain(code) {
        Some(text) => {
            let width = textwrap::termwidth().clamp(40, 100);
            let mut shown = render(text, width);
            if anstream::AutoStream::choice(&std::io::stdout()) == anstream::ColorChoice::Never {
                shown = anstream::adapter::strip_str(&shown).to_string();
            }
            write_stdout(|out| out.write_all(shown.as_bytes()))
        }
        None => {
            console::error(bbt::tr!("explain-unknown", code = code));
            let codes: Vec<&str> = bbt::rules::ALL.iter().map(|r| r.code).collect();
            if let Some(near) = bbt::suggest::closest(code, codes.iter().copied()) {
                console::help(bbt::tr!("did-you-mean", naam = format!("`bbt explain {near}`")));
            }
            console::help(bbt::tr!("explain-unknown-help", lijst = codes.join(", ")));
            FAILURE
        }
    }
}

const HEADING: Style = Style::new().effects(Effects::BOLD.insert(Effects::UNDERLINE));
const STRONG: Style = Style::new().effects(Effects::BOLD);
const EMPHASIS: Style = Style::new().effects(Effects::ITALIC);
const CODE: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(anstyle::AnsiColor::Cyan)));

/// A section of the rules' Markdown as styled, wrapped text of `width`
/// columns (styles as ANSI sequences, which the caller strips where the
/// output is no terminal).
pub fn render(markdown: &str, width: usize) -> String {
    let mut out = String::new();
    // The paragraph or item being gathered, and the lists it stands in
    // (their next number, `None` for bullets).
    let mut text = String::new();
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut marker = String::new();
    let mut code_block = false;
    let mut link: Vec<String> = Vec::new();
    let flush = |out: &mut String, text: &mut String, indent: usize, marker: &mut String| {
        let body = text.trim();
        if body.is_empty() {
            text.clear();
            return;
        }
        // An item's marker stands in its list's indent; its lines align after it.
        let first = format!("{}{marker}", " ".repeat(indent));
        let rest = " ".repeat(indent + marker.chars().count());
        let options = textwrap::Options::new(width).initial_indent(&first).subsequent_indent(&rest);
        for line in textwrap::wrap(body, options) {
            out.push_str(line.trim_end());
            out.push('\n');
        }
        if indent == 0 {
            out.push('\n');
        }
        text.clear();
        marker.clear();
    };
    let indent = |lists: &Vec<Option<u64>>| 2 * lists.len();
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { .. }) => flush(&mut out, &mut text, indent(&lists), &mut marker),
            Event::End(TagEnd::Heading(level)) => {
                let title = std::mem::take(&mut text);
                let title = if level == HeadingLevel::H1 { title.to_uppercase() } else { title };
                out.push_str(&format!("{HEADING}{}{HEADING:#}\n\n", title.trim()));
            }
            Event::Start(Tag::List(start)) => {
                flush(&mut out, &mut text, indent(&lists), &mut marker);
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut out, &mut text, indent(&lists), &mut marker);
                lists.pop();
                if lists.is_empty() {
                    out.push('\n');
                }
            }
            Event::Start(Tag::Item) => {
                flush(&mut out, &mut text, indent(&lists), &mut marker);
                marker = match lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "• ".to_string(),
                };
            }
            Event::End(TagEnd::Item) => flush(&mut out, &mut text, indent(&lists), &mut marker),
            Event::Start(Tag::Paragraph) => {}
            Event::End(TagEnd::Paragraph) => {
                if lists.is_empty() {
                    flush(&mut out, &mut text, 0, &mut marker);
                } else {
                    text.push(' ');
                }
            }
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut out, &mut text, indent(&lists), &mut marker);
                code_block = true;
            }
            Event::End(TagEnd::CodeBlock) => {
                code_block = false;
                out.push('\n');
            }
            Event::Start(Tag::Strong) => text.push_str(&STRONG.render().to_string()),
            Event::End(TagEnd::Strong) => text.push_str(&STRONG.render_reset().to_string()),
            Event::Start(Tag::Emphasis) => text.push_str(&EMPHASIS.render().to_string()),
            Event::End(TagEnd::Emphasis) => text.push_str(&EMPHASIS.render_reset().to_string()),
            Event::Start(Tag::Link { dest_url, .. }) => link.push(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = link.pop() {
                    text.push_str(&format!(" ({url})"));
                }
            }
            Event::Code(c) => text.push_str(&format!("{CODE}{c}{CODE:#}")),
            Event::Text(t) if code_block => {
                for line in t.lines() {
                    out.push_str(&format!("    {CODE}{line}{CODE:#}\n"));
                }
            }
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            // Comments for the docs' maintainers.
            Event::Html(_) | Event::InlineHtml(_) => {}
            _ => {}
        }
    }
    flush(&mut out, &mut text, 0, &mut marker);
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::render;

    fn plain(s: &str) -> String {
        anstream::adapter::strip_str(s).to_string()
    }

    #[test]
    fn markdown_becomes_wrapped_terminal_text() {
        let md = "## B003 Title here\n\n**What it checks.** That the `kredietevolutie` adds\nup over *every* year and more words to wrap here.\n\n- one item\n- two\n\n```\ncode line\n```\n";
        let shown = render(md, 40);
        assert!(shown.contains("\u{1b}["), "styled: {shown:?}");
        let text = plain(&shown);
        assert_eq!(
            text,
            "B003 Title here\n\nWhat it checks. That the kredietevolutie\nadds up over every year and more words\nto wrap here.\n\n  • one item\n  • two\n\n    code line\n"
        );
        assert!(text.lines().all(|l| l.chars().count() <= 40), "{text}");
    }

    /// Every section of both languages renders with no Markdown left over.
    #[test]
    fn every_section_renders_without_markup() {
        for doc in [bbt::rules::RULES_MD, bbt::rules::RULES_MD_EN] {
            for section in doc.split("\n## ").skip(1) {
                let text = plain(&render(&format!("## {section}"), 80));
                // No lead-in left bold-marked, no heading marks (`**` in code spans stays).
                assert!(!text.contains("**Wat") && !text.contains("**What") && !text.contains("## "), "{text}");
            }
        }
    }
}
