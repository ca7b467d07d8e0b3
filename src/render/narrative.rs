//! Live figures and references in the narrative.
//!
//! An author writes minijinja expressions in the Markdown:
//! `{{ artikel("SB0-1SFE2AA-WT").bo.vak }}` prints that article's BO VAK as
//! in the tables ("1.767"), `{{ ise("SG-A").totaal.evolutie.vak }}` an ISE
//! total, `{{ verwijzing("od-nederlands") }}` a link to an objective with its
//! page ("OD 2.2, p. 9"). The expressions are evaluated in a sandbox (no
//! loader, no include or import, a fuel limit) against the document's figures.
//!
//! What an expression prints never becomes Markdown or Typst: each value is
//! replaced by a placeholder that the Markdown converter substitutes, inside
//! text, by the escaped value (or, for a reference, by a call of the
//! template's `verwijzing` function). Placeholders use private-use
//! characters, which an author's text cannot contain (the check refuses them).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use minijinja::value::{Object, Value};
use minijinja::{Environment, ErrorKind, UndefinedBehavior};

use super::format;
use crate::diag::{Diagnostic, Location};
use crate::model::budget::{ArtikelSoort, Bijstelling, EsrGroep, Krediet, Slot};
use crate::model::{Artikel, Document, Id, Tekst, afronding};
use crate::rules;

/// Placeholder delimiters (Unicode private use area).
pub const OPEN: char = '\u{F8F0}';
pub const CLOSE: char = '\u{F8F1}';

/// Fuel for one text: far more than any real text needs, finite for a loop.
const FUEL: u64 = 200_000;

/// What a placeholder stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invulling {
    /// Text to print as it is (escaped).
    Tekst(String),
    /// A reference to an element: its label key and what to print ("OD 2.2").
    Verwijzing { sleutel: String, tekst: String },
}

/// The figures and elements a narrative may use.
/// An article's printed figures, made into a template value only when a text
/// asks for the article.
#[derive(Debug, Clone)]
struct Cijfers {
    titel: String,
    ontvangst: bool,
    /// (VAK, VEK), or (amount, 0) for revenue.
    ba: (i64, i64),
    bo: (i64, i64),
    index: (i64, i64),
    compensaties: (i64, i64),
}

impl Cijfers {
    fn value(&self, code: &str) -> Value {
        let (ba, bo) = (self.ba, self.bo);
        if self.ontvangst {
            return map([
                ("code", Value::from(code)),
                ("titel", Value::from(self.titel.clone())),
                ("ba", Value::from(ba.0)),
                ("bo", Value::from(bo.0)),
                ("evolutie", Value::from(bo.0 - ba.0)),
                ("evolutie_procent", Value::from(format::percent(bo.0 - ba.0, ba.0))),
            ]);
        }
        map([
            ("code", Value::from(code)),
            ("titel", Value::from(self.titel.clone())),
            ("ba", pair(ba.0, ba.1)),
            ("bo", pair(bo.0, bo.1)),
            ("index", pair(self.index.0, self.index.1)),
            ("compensaties", pair(self.compensaties.0, self.compensaties.1)),
            ("evolutie", pair(bo.0 - ba.0, bo.1 - ba.1)),
            ("evolutie_procent", percent_pair(format::percent(bo.0 - ba.0, ba.0), format::percent(bo.1 - ba.1, ba.1))),
        ])
    }
}

/// Shared (not copied) by the environment of every text.
pub struct Gegevens {
    artikelen: Arc<BTreeMap<String, Cijfers>>,
    ises: Arc<BTreeMap<String, Value>>,
    /// id → ("OD 2.2", label key) of the elements the document shows.
    elementen: Arc<BTreeMap<String, (String, String)>>,
}

/// The label key of an element's heading in the document.
pub fn label_key(id: &str) -> String {
    format!("bbt-{id}")
}

/// A map value with fixed fields.
fn map<const N: usize>(fields: [(&'static str, Value); N]) -> Value {
    Value::from(BTreeMap::from(fields))
}

fn pair(vak: i64, vek: i64) -> Value {
    map([("vak", Value::from(vak)), ("vek", Value::from(vek))])
}

fn percent_pair(vak: Option<String>, vek: Option<String>) -> Value {
    map([("vak", Value::from(vak)), ("vek", Value::from(vek))])
}

impl Gegevens {
    /// The figures of `doc` if one of its texts has expressions; nothing
    /// otherwise (building them for every article is not free).
    pub fn for_texts(doc: &Document) -> Gegevens {
        let texts = doc.teksten.inleiding.iter().chain(doc.teksten.per_id.values());
        let needed = texts.into_iter().any(|t| has_expressions(&t.markdown));
        if needed {
            Gegevens::new(doc)
        } else {
            Gegevens { artikelen: Arc::default(), ises: Arc::default(), elementen: Arc::default() }
        }
    }

    /// Builds the figures from the document, printed (rounded) as in its tables.
    pub fn new(doc: &Document) -> Gegevens {
        // As the tables print them.
        let th = afronding::bedrag;
        let pair_of = |a: &Artikel, slot: fn(Krediet) -> Slot| (th(a, slot(Krediet::Vak)), th(a, slot(Krediet::Vek)));
        let move_of =
            |a: &Artikel, b: Bijstelling| (th(a, Slot::Bij(b, Krediet::Vak)), th(a, Slot::Bij(b, Krediet::Vek)));
        let artikelen: BTreeMap<String, Cijfers> = doc
            .begroting
            .artikelen
            .iter()
            .map(|a| {
                let c = match a.soort() {
                    ArtikelSoort::Uitgave => Cijfers {
                        titel: a.titel.clone(),
                        ontvangst: false,
                        ba: pair_of(a, Slot::Van),
                        bo: pair_of(a, Slot::Naar),
                        index: move_of(a, Bijstelling::Index),
                        compensaties: move_of(a, Bijstelling::Compensaties),
                    },
                    ArtikelSoort::Ontvangst => Cijfers {
                        titel: a.titel.clone(),
                        ontvangst: true,
                        ba: (th(a, Slot::Van(Krediet::Ontvangst)), 0),
                        bo: (th(a, Slot::Naar(Krediet::Ontvangst)), 0),
                        index: (0, 0),
                        compensaties: (0, 0),
                    },
                };
                (a.code.to_string(), c)
            })
            .collect();
        let mut ises = BTreeMap::new();
        for (_, ise) in doc.structuur.ises() {
            let arts: Vec<&Artikel> = doc.begroting.uitgaven_van_ise(&ise.code).collect();
            let sum = |groep: Option<EsrGroep>, slot: Slot| -> i64 {
                arts.iter().filter(|a| groep.is_none_or(|g| a.esr().groep() == g)).map(|a| th(a, slot)).sum()
            };
            let rij = |groep: Option<EsrGroep>| {
                let (bv, be) = (sum(groep, Slot::Van(Krediet::Vak)), sum(groep, Slot::Van(Krediet::Vek)));
                let (nv, ne) = (sum(groep, Slot::Naar(Krediet::Vak)), sum(groep, Slot::Naar(Krediet::Vek)));
                map([
                    ("ba", pair(bv, be)),
                    ("bo", pair(nv, ne)),
                    ("evolutie", pair(nv - bv, ne - be)),
                    ("evolutie_procent", percent_pair(format::percent(nv - bv, bv), format::percent(ne - be, be))),
                ])
            };
            ises.insert(
                ise.code.to_string(),
                map([
                    ("code", Value::from(ise.code.as_str())),
                    ("naam", Value::from(ise.naam.clone())),
                    ("esr", rij(Some(EsrGroep::EsrUitgaven))),
                    ("toelagen", rij(Some(EsrGroep::Toelagen))),
                    ("overige", rij(Some(EsrGroep::Overige))),
                    ("totaal", rij(None)),
                ]),
            );
        }
        let mut elementen = BTreeMap::new();
        for (_, sd) in doc.structuur.sds() {
            elementen.insert(sd.id.0.clone(), (format!("SD {}", sd.nummer), label_key(&sd.id.0)));
            for od in &sd.ods {
                elementen.insert(od.id.0.clone(), (format!("OD {}", od.nummer), label_key(&od.id.0)));
            }
        }
        Gegevens { artikelen: Arc::new(artikelen), ises: Arc::new(ises), elementen: Arc::new(elementen) }
    }
}

/// Whether a text has expressions at all (most texts are plain).
pub fn has_expressions(markdown: &str) -> bool {
    markdown.contains("{{") || markdown.contains("{%") || markdown.contains("{#")
}

/// The placeholders of one expanded text.
#[derive(Debug, Default)]
struct Slots(Mutex<Vec<Invulling>>);

impl Slots {
    fn push(&self, v: Invulling) -> String {
        let mut all = self.0.lock().unwrap_or_else(|e| e.into_inner());
        all.push(v);
        format!("{OPEN}{}{CLOSE}", all.len() - 1)
    }
}

/// A reference, as a value an expression returns.
#[derive(Debug)]
struct Ref {
    sleutel: String,
    tekst: String,
}

impl Object for Ref {}

/// Evaluates the expressions of `tekst`. Returns the Markdown with
/// placeholders and what they stand for, or the problems at their lines.
pub fn expand(tekst: &Tekst, data: &Gegevens) -> Result<(String, Vec<Invulling>), Vec<Diagnostic>> {
    let src = &tekst.markdown;
    let at_line = |line: usize| Location::Text { file: tekst.file.clone(), line, column: 1 };
    let at_offset = |offset: usize| {
        let before = &src[..offset.min(src.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Location::Text { file: tekst.file.clone(), line, column }
    };
    // Private-use characters are the placeholders' own.
    if let Some(offset) = src.find([OPEN, CLOSE]) {
        let line = src[..offset].matches('\n').count() + 1;
        return Err(vec![
            rules::BAD_EXPRESSION
                .report("the text contains a private-use character reserved by bbt")
                .at(at_line(line))
                .hint("remove the character (U+F8F0 or U+F8F1)"),
        ]);
    }
    if !has_expressions(src) {
        return Ok((src.clone(), Vec::new()));
    }
    let slots = Arc::new(Slots::default());
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(FUEL));
    env.set_recursion_limit(20);
    // `debug()` would print the engine's internal state (every name in scope)
    // into the document; a text has no use for it.
    env.remove_global("debug");
    {
        let slots = slots.clone();
        env.set_formatter(move |out, _state, value| {
            let v = if let Some(r) = value.downcast_object_ref::<Ref>() {
                Invulling::Verwijzing { sleutel: r.sleutel.clone(), tekst: r.tekst.clone() }
            } else if let Some(i) = value.as_i64() {
                Invulling::Tekst(format::integer(i))
            } else if value.is_none() {
                Invulling::Tekst("–".into())
            } else if value.is_undefined() {
                return Err(minijinja::Error::new(ErrorKind::UndefinedError, "undefined value"));
            } else {
                Invulling::Tekst(value.to_string())
            };
            out.write_str(&slots.push(v)).map_err(|e| minijinja::Error::new(ErrorKind::WriteFailure, e.to_string()))
        });
    }
    let artikelen = data.artikelen.clone();
    env.add_function("artikel", move |code: String| -> Result<Value, minijinja::Error> {
        artikelen.get(&code).map(|c| c.value(&code)).ok_or_else(|| {
            minijinja::Error::new(ErrorKind::InvalidOperation, format!("there is no article {code} in the workbook"))
        })
    });
    let ises = data.ises.clone();
    env.add_function("ise", move |code: String| -> Result<Value, minijinja::Error> {
        ises.get(&code).cloned().ok_or_else(|| {
            minijinja::Error::new(
                ErrorKind::InvalidOperation,
                format!("there is no ISE {code} in this year's structure"),
            )
        })
    });
    let elementen = data.elementen.clone();
    env.add_function("verwijzing", move |id: String| -> Result<Value, minijinja::Error> {
        match elementen.get(&id) {
            Some((tekst, sleutel)) => Ok(Value::from_object(Ref { sleutel: sleutel.clone(), tekst: tekst.clone() })),
            None => Err(minijinja::Error::new(
                ErrorKind::InvalidOperation,
                format!("'{id}' is no SD or OD of this year's document"),
            )),
        }
    });
    let rendered = env.render_str(src, ());
    match rendered {
        Ok(out) => {
            let values = std::mem::take(&mut *slots.0.lock().unwrap_or_else(|e| e.into_inner()));
            // Jinja drops a newline after a block tag only when told; keep the text as written.
            Ok((out, values))
        }
        Err(e) => {
            let line = e.line().unwrap_or(1);
            let detail = e.detail().map(str::to_string).unwrap_or_else(|| e.kind().to_string());
            let (code, msg, hint) = match e.kind() {
                ErrorKind::TemplateNotFound | ErrorKind::BadInclude => (
                    rules::BAD_EXPRESSION,
                    "include, import and extends are not allowed in a text".to_string(),
                    "a text can use artikel(...), ise(...) and verwijzing(...); docs/writing.md lists them",
                ),
                ErrorKind::OutOfFuel => (
                    rules::BAD_EXPRESSION,
                    "the expressions in this text take too long (a loop without end?)".to_string(),
                    "simplify the expression",
                ),
                ErrorKind::InvalidOperation if detail.contains("is no SD or OD") => {
                    (rules::BAD_REFERENCE, detail, "refer to an SD or OD by its id, e.g. verwijzing(\"od-nederlands\")")
                }
                ErrorKind::UndefinedError => (
                    rules::BAD_EXPRESSION,
                    format!("{detail}: a name or field that does not exist"),
                    "an article has ba, bo, index, compensaties, evolutie and evolutie_procent, each with vak and vek; see docs/writing.md",
                ),
                _ => (rules::BAD_EXPRESSION, detail, "see docs/writing.md for what a text can use"),
            };
            let place = match e.range() {
                Some(r) => at_offset(r.start),
                None => at_line(line),
            };
            Err(vec![code.report(msg).at(place).hint(hint)])
        }
    }
}

/// The narrative stage: every text of a document, expanded and converted to
/// Typst markup once, at the heading level of its place in the document, with
/// what was found wrong. The check reports the diagnostics; the view prints
/// the markup.
#[derive(Debug, Clone, Default)]
pub struct Omgezet {
    pub inleiding: Option<super::view::Markup>,
    /// Keyed by ISE, SD or OD id (a text for no element is converted for its
    /// diagnostics only).
    pub per_id: BTreeMap<Id, super::view::Markup>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Runs the narrative stage over `doc`'s texts. Without every article (a
/// workbook that could not be read whole), live figures are not expanded:
/// "no such article" would only repeat the workbook's problem; the Markdown is
/// still converted and checked.
pub fn omzetten(doc: &Document) -> Omgezet {
    let gegevens = Gegevens::for_texts(doc);
    let mut out = Omgezet::default();
    let mut convert = |t: &Tekst, level: u8| -> super::view::Markup {
        let (markup, diags) = if doc.begroting.volledig {
            match expand(t, &gegevens) {
                Ok((md, values)) => super::markdown::to_typst_with(&md, &values, &t.file, level),
                Err(d) => (String::new(), d),
            }
        } else {
            super::markdown::to_typst(&t.markdown, &t.file, level)
        };
        out.diagnostics.extend(diags);
        super::view::Markup(markup)
    };
    // The heading level of each element's text: an ISE's under its
    // beleidsveld, an SD's under its ISE, an OD's under its SD.
    let mut levels: BTreeMap<&Id, u8> = BTreeMap::new();
    for (_, ise) in doc.structuur.ises() {
        levels.insert(&ise.id, 2);
    }
    for (_, sd) in doc.structuur.sds() {
        levels.insert(&sd.id, 3);
        for od in &sd.ods {
            levels.insert(&od.id, 4);
        }
    }
    let inleiding = doc.teksten.inleiding.as_ref().map(|t| convert(t, 1));
    let per_id = doc
        .teksten
        .per_id
        .iter()
        .map(|(id, t)| (id.clone(), convert(t, levels.get(id).copied().unwrap_or(1))))
        .collect();
    out.inleiding = inleiding;
    out.per_id = per_id;
    out
}

/// Splits `text` at placeholders: plain runs and the values they stand for.
pub fn split<'a>(text: &'a str, values: &'a [Invulling]) -> Vec<Result<&'a str, &'a Invulling>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(OPEN) {
        let Some(len) = rest[start..].find(CLOSE) else { break };
        let index: Option<usize> = rest[start + OPEN.len_utf8()..start + len].parse().ok();
        if start > 0 {
            out.push(Ok(&rest[..start]));
        }
        match index.and_then(|i| values.get(i)) {
            Some(v) => out.push(Err(v)),
            None => out.push(Ok(&rest[start..start + len + CLOSE.len_utf8()])),
        }
        rest = &rest[start + len + CLOSE.len_utf8()..];
    }
    if !rest.is_empty() {
        out.push(Ok(rest));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expand_text(markdown: &str) -> Result<(String, Vec<Invulling>), Vec<Diagnostic>> {
        let data = Gegevens { artikelen: Arc::default(), ises: Arc::default(), elementen: Arc::default() };
        expand(&Tekst { markdown: markdown.into(), file: "t.md".into() }, &data)
    }

    /// `debug()` would print the engine's state into the document: a text
    /// does not have it (T003, as any unknown function).
    #[test]
    fn a_text_has_no_debug_function() {
        let err = expand_text("Staat: {{ debug() }}").unwrap_err();
        assert_eq!(err.len(), 1);
        assert_eq!(err[0].code, rules::BAD_EXPRESSION);
        assert!(err[0].message.contains("debug"), "{}", err[0].message);
        // The functions a text does have still work.
        assert!(expand_text("{{ range(3) | length }}").is_ok());
    }
}
