//! Characters the document cannot print (T005).
//!
//! Every string from an input that reaches the PDF is read here, at its
//! place: the narrative texts (file:line:col), the string values of the YAML
//! files (file:line:col of the value) and the workbook's text cells
//! (Sheet!cell). A character is refused when no font of the document has a
//! glyph for it (the PDF/A export refuses a missing glyph, and a reader
//! would see an empty box), and always when it is a control character or a
//! Unicode noncharacter, which no font prints.
//!
//! The check stays free of Typst: which characters the fonts cover comes in
//! as [`Glyphs`], built by the caller from the same fonts the Typst World
//! uses (`typeset::glyphs`). Without the fonts (the check-only build)
//! [`Glyphs::any`] accepts every character but still refuses control
//! characters and noncharacters.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

use crate::diag::{Diagnostic, Location};
use crate::i18n::n;
use crate::load::Inputs;
use crate::model::Id;
use crate::model::budget::{Blad, Veld};
use crate::{rules, tr};

/// The longest word (characters without a space) the document prints. A PDF
/// string holds at most 32,767 bytes, and a word too long for a line is one
/// string: past some 16,000 characters the PDF/A export fails. No word or web
/// address comes near this.
pub const MAX_WORD: usize = 2_000;

/// The longest title (a heading in a text, a YAML value, an article's
/// Omschrijving): titles go into the PDF's bookmarks, tags and metadata as
/// one string each.
pub const MAX_TITLE: usize = 2_000;

/// The characters the document's fonts have glyphs for.
#[derive(Debug, Clone)]
pub struct Glyphs {
    /// One bit per code point; `None`: every character (no fonts known).
    covered: Option<Vec<u64>>,
}

impl Glyphs {
    /// Every character (but control characters and noncharacters, which
    /// [`printable`] refuses whatever the fonts).
    pub fn any() -> Glyphs {
        Glyphs { covered: None }
    }

    /// The characters of a set of fonts, given as the code points each covers.
    pub fn from_code_points(points: impl IntoIterator<Item = u32>) -> Glyphs {
        let mut bits: Vec<u64> = Vec::new();
        for p in points {
            let (word, bit) = ((p / 64) as usize, p % 64);
            if word >= bits.len() {
                bits.resize(word + 1, 0);
            }
            if let Some(w) = bits.get_mut(word) {
                *w |= 1 << bit;
            }
        }
        Glyphs { covered: Some(bits) }
    }

    /// Whether a font has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        match &self.covered {
            None => true,
            Some(bits) => {
                let p = c as u32;
                bits.get((p / 64) as usize).is_some_and(|w| w & (1 << (p % 64)) != 0)
            }
        }
    }
}

/// Why a character cannot be printed (`control`, `noncharacter`, `no-glyph`:
/// the variants of the T005 message), or `None` when it can. Line breaks and
/// tabs are layout, not glyphs.
pub fn unprintable(c: char, glyphs: &Glyphs) -> Option<&'static str> {
    match c {
        '\n' | '\t' => None,
        c if c.is_control() => Some("control"),
        c if is_noncharacter(c) => Some("noncharacter"),
        // Invisible characters that only steer the layout (zero-width
        // space and joiners, soft hyphen, word joiner, variation selectors):
        // Typst uses them without a glyph.
        '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FE00}'..='\u{FE0F}' => None,
        c if !glyphs.covers(c) => Some("no-glyph"),
        _ => None,
    }
}

fn is_noncharacter(c: char) -> bool {
    let p = c as u32;
    (0xFDD0..=0xFDEF).contains(&p) || p & 0xFFFE == 0xFFFE
}

/// The first character of `text` that cannot be printed, as the PDF will
/// hold it (NFC: `e` + U+0301 is `é`), with its offset in `text` and why;
/// and how many more there are.
fn first_unprintable(text: &str, glyphs: &Glyphs) -> Option<(usize, char, &'static str, usize)> {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b) || b == b'\n') && glyphs.covered.is_none() {
        return None;
    }
    let mut found: Option<(usize, char, &'static str)> = None;
    let mut more = 0;
    // Each starter with the combining marks after it is one piece: NFC
    // composes within it.
    let mut chars = text.char_indices().peekable();
    let mut piece = String::new();
    while let Some((start, c)) = chars.next() {
        piece.clear();
        piece.push(c);
        while let Some(&(_, m)) = chars.peek() {
            if canonical_combining_class(m) == 0 {
                break;
            }
            piece.push(m);
            chars.next();
        }
        let bad = if piece.is_ascii() && c != '\u{7f}' && !c.is_ascii_control() {
            None
        } else if piece.chars().count() == 1 {
            unprintable(c, glyphs).map(|why| (c, why))
        } else {
            piece.nfc().find_map(|p| unprintable(p, glyphs).map(|why| (p, why)))
        };
        if let Some((bad, why)) = bad {
            match found {
                None => found = Some((start, bad, why)),
                Some(_) => more += 1,
            }
        }
    }
    found.map(|(at, c, why)| (at, c, why, more))
}

fn describe(c: char) -> String {
    if c.is_control() || is_noncharacter(c) || c.is_whitespace() {
        format!("U+{:04X}", c as u32)
    } else {
        format!("'{c}' (U+{:04X})", c as u32)
    }
}

/// `why` is what [`unprintable`] said: the variant of the message.
fn diagnostic(c: char, why: &'static str, more: usize, loc: Location) -> Diagnostic {
    let hint = if c.is_control() || is_noncharacter(c) { tr!("t005-hint-invisible") } else { tr!("t005-hint-script") };
    rules::UNPRINTABLE.report(tr!("t005", teken = describe(c), waarom = why, meer = n(more))).at(loc).hint(hint)
}

/// The first word of `text` longer than [`MAX_WORD`]: its offset and length
/// in characters. Ideographs (Chinese, Japanese, Korean) are words of their
/// own, as a line may break between them.
fn long_word(text: &str) -> Option<(usize, usize)> {
    if text.len() <= MAX_WORD {
        return None;
    }
    let ideograph = |c: char| matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF);
    let (mut start, mut length) = (0, 0);
    for (at, c) in text.char_indices() {
        if c.is_whitespace() || ideograph(c) {
            length = 0;
        } else {
            if length == 0 {
                start = at;
            }
            length += 1;
            if length > MAX_WORD {
                let total = text
                    .get(start..)
                    .map_or(0, |w| w.chars().take_while(|c| !c.is_whitespace() && !ideograph(*c)).count());
                return Some((start, total));
            }
        }
    }
    None
}

fn too_long_word(length: usize, loc: Location) -> Diagnostic {
    rules::TOO_LONG.report(tr!("t007-word", lengte = length, max = MAX_WORD)).at(loc).hint(tr!("t007-word.hint"))
}

fn too_long_title(length: usize, loc: Location) -> Diagnostic {
    rules::TOO_LONG.report(tr!("t007-title", lengte = length, max = MAX_TITLE)).at(loc).hint(tr!("t007-title.hint"))
}

/// Reports every input string that reaches the PDF and holds a character
/// that cannot be printed: one error per line of a text, per YAML value and
/// per workbook cell.
pub fn check(inputs: &Inputs, glyphs: &Glyphs, diags: &mut Vec<Diagnostic>) {
    let doc = &inputs.document;
    // The texts the document shows: the introduction and those of its elements.
    let shown: std::collections::BTreeSet<&Id> = doc
        .structuur
        .ises()
        .map(|(_, i)| &i.id)
        .chain(doc.structuur.sds().flat_map(|(_, s)| std::iter::once(&s.id).chain(s.ods.iter().map(|o| &o.id))))
        .collect();
    let texts = doc
        .teksten
        .inleiding
        .iter()
        .chain(doc.teksten.per_id.iter().filter(|(id, _)| shown.contains(id)).map(|(_, t)| t));
    for t in texts {
        for (n, line) in t.markdown.lines().enumerate() {
            // The placeholders' characters are refused as T003 already.
            if let Some((at, c, why, more)) = first_unprintable(line, glyphs)
                .filter(|(_, c, ..)| *c != crate::render::narrative::OPEN && *c != crate::render::narrative::CLOSE)
            {
                let column = line.get(..at).map_or(0, |b| b.chars().count()) + 1;
                diags.push(diagnostic(c, why, more, Location::Text { file: t.file.clone(), line: n + 1, column }));
            }
            if let Some((at, length)) = long_word(line) {
                let column = line.get(..at).map_or(0, |b| b.chars().count()) + 1;
                diags.push(too_long_word(length, Location::Text { file: t.file.clone(), line: n + 1, column }));
            }
        }
    }
    for (loc, value) in &inputs.yaml_values {
        if let Some((_, c, why, more)) = first_unprintable(value, glyphs) {
            diags.push(diagnostic(c, why, more, loc.clone()));
        }
        let length = value.chars().count();
        if length > MAX_TITLE {
            diags.push(too_long_title(length, loc.clone()));
        } else if let Some((_, length)) = long_word(value) {
            diags.push(too_long_word(length, loc.clone()));
        }
    }
    let begroting = &doc.begroting;
    for a in &begroting.artikelen {
        // (text, where, whether it is a title)
        let lijn = |l: &crate::model::ToelichtingLijn| {
            let cel = |veld| begroting.cellen.cel(Blad::Toelichting, l.rij, veld);
            cel(Veld::Omschrijving).or_else(|| cel(Veld::Artikel))
        };
        let cells = [
            (&a.titel, begroting.cel(a, Veld::Omschrijving), true),
            (&a.korte_inhoud, begroting.cel(a, Veld::KorteInhoud), false),
        ]
        .into_iter()
        .chain(a.toelichting.iter().map(|l| (&l.omschrijving, lijn(l), false)));
        for (value, loc, title) in cells {
            let loc = || loc.clone().unwrap_or(Location::File { file: inputs.workbook.clone() });
            if let Some((_, c, why, more)) = first_unprintable(value, glyphs) {
                diags.push(diagnostic(c, why, more, loc()));
            }
            let length = value.chars().count();
            if title && length > MAX_TITLE {
                diags.push(too_long_title(length, loc()));
            } else if let Some((_, length)) = long_word(value) {
                diags.push(too_long_word(length, loc()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_character_the_fonts_lack() {
        let latin = Glyphs::from_code_points((0x20..0x7f).chain(0xa0..0x180).chain([0x301, 0x308]));
        let cases: &[(&str, Option<(usize, char, usize)>)] = &[
            ("plain text", None),
            ("été", None),
            ("e\u{301}t\u{301}", None),
            ("x\u{323}", Some((0, '\u{323}', 0))),
            ("e\u{323}", Some((0, '\u{1eb9}', 0))),
            ("tab\there", None),
            ("esc\u{1b}", Some((3, '\u{1b}', 0))),
            ("a🙂b🙂", Some((1, '🙂', 1))),
            ("x\u{fffe}", Some((1, '\u{fffe}', 0))),
            ("zero\u{200b}width", None),
        ];
        for (text, want) in cases {
            let got = first_unprintable(text, &latin).map(|(at, c, _, more)| (at, c, more));
            assert_eq!(got, *want, "{text:?}");
        }
        // Without fonts only controls and noncharacters are refused.
        assert_eq!(first_unprintable("a🙂b", &Glyphs::any()), None);
        assert!(first_unprintable("a\u{7}b", &Glyphs::any()).is_some());
    }
}
