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

use minijinja::value::{Enumerator, Object, ObjectExt, Value};
use minijinja::{Environment, ErrorKind, UndefinedBehavior};

use super::format;
use crate::diag::{Diagnostic, Location};
use crate::model::budget::{ArtikelSoort, Bijstelling, EsrGroep, Krediet, Realisatie, Slot, Uitvoeringsstand};
use crate::model::synthese::{self, Scope, Scopes};
use crate::model::{Artikel, Beleidsnota, Document, Id, Tekst, afronding};
use crate::rules;
use crate::{suggest, tr};

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
        let pad = format!("artikel(\"{code}\")");
        if self.ontvangst {
            return map(
                &pad,
                [
                    ("code", v(code)),
                    ("titel", v(self.titel.clone())),
                    ("ba", v(ba.0)),
                    ("bo", v(bo.0)),
                    ("evolutie", v(bo.0 - ba.0)),
                    ("evolutie_procent", v(format::percent(bo.0 - ba.0, ba.0))),
                ],
            );
        }
        map(
            &pad,
            [
                ("code", v(code)),
                ("titel", v(self.titel.clone())),
                ("ba", pair(ba.0, ba.1)),
                ("bo", pair(bo.0, bo.1)),
                ("index", pair(self.index.0, self.index.1)),
                ("compensaties", pair(self.compensaties.0, self.compensaties.1)),
                ("evolutie", pair(bo.0 - ba.0, bo.1 - ba.1)),
                (
                    "evolutie_procent",
                    percent_pair(format::percent(bo.0 - ba.0, ba.0), format::percent(bo.1 - ba.1, ba.1)),
                ),
            ],
        )
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

/// A value with fixed fields (an article, an ISE, a pair of VAK and VEK),
/// named by how a text reaches it (`ise("SG-A").totaal`), so that a field
/// that does not exist can be reported with what the value has.
#[derive(Debug)]
struct Velden {
    pad: String,
    /// In the order a reader learns them (listed so in a message).
    velden: Vec<(String, Value)>,
}

impl Velden {
    fn get(&self, k: &str) -> Option<&Value> {
        self.velden.iter().find(|(n, _)| n == k).map(|(_, v)| v)
    }

    fn has(&self, k: &str) -> bool {
        self.get(k).is_some()
    }
}

impl Object for Velden {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let found = key.as_str().and_then(|k| self.get(k)).cloned();
        if found.is_none() {
            let veld = key.as_str().map_or_else(|| key.to_string(), str::to_string);
            // `totaal.vak` for `totaal.bo.vak`: the fields that have it.
            let dieper = self
                .velden
                .iter()
                .filter(|(_, v)| v.downcast_object_ref::<Velden>().is_some_and(|o| o.has(&veld)))
                .map(|(k, _)| k.clone())
                .collect();
            // `bo_vak` for `bo.vak`: a field and one of its own, joined.
            let gesplitst = veld
                .split_once('_')
                .filter(|(first, rest)| {
                    self.get(first).and_then(|v| v.downcast_object_ref::<Velden>()).is_some_and(|o| o.has(rest))
                })
                .map(|(first, rest)| format!("{first}.{rest}"));
            MISS.with(|m| {
                *m.borrow_mut() = Some(Miss {
                    pad: self.pad.clone(),
                    veld,
                    velden: self.velden.iter().map(|(k, _)| k.clone()).collect(),
                    dieper,
                    gesplitst,
                });
            });
        }
        found
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        self.mapped_enumerator(|this| Box::new(this.velden.iter().map(|(k, _)| Value::from(k.as_str()))))
    }
}

/// The field a text asked for last that did not exist: minijinja reports
/// only "undefined", the object knows what was asked and what it has.
struct Miss {
    pad: String,
    veld: String,
    velden: Vec<String>,
    /// The fields whose own fields include the one asked for (a step left out).
    dieper: Vec<String>,
    /// `bo.vak` for `bo_vak`, when the value has that field of a field.
    gesplitst: Option<String>,
}

thread_local! {
    static MISS: std::cell::RefCell<Option<Miss>> = const { std::cell::RefCell::new(None) };
    /// The diagnostic of the last function of a text that failed.
    static FAILED: std::cell::RefCell<Option<Diagnostic>> = const { std::cell::RefCell::new(None) };
}

/// A value with fixed fields, reached as `pad`; each field that has fields
/// of its own is reached as `pad.name`.
fn map(pad: &str, fields: impl IntoIterator<Item = (impl Into<String>, Veld)>) -> Value {
    let velden = fields
        .into_iter()
        .map(|(k, v)| {
            let k = k.into();
            let value = match v {
                Veld::Value(v) => v,
                Veld::Nested(f) => f(&format!("{pad}.{k}")),
            };
            (k, value)
        })
        .collect();
    Value::from_object(Velden { pad: pad.to_string(), velden })
}

/// A field of [`map`]: a value, or fields of their own (made with their path).
enum Veld {
    Value(Value),
    Nested(Box<dyn FnOnce(&str) -> Value>),
}

fn v(value: impl Into<Value>) -> Veld {
    Veld::Value(value.into())
}

fn pair(vak: i64, vek: i64) -> Veld {
    Veld::Nested(Box::new(move |pad| map(pad, [("vak", v(vak)), ("vek", v(vek))])))
}

fn percent_pair(vak: Option<String>, vek: Option<String>) -> Veld {
    Veld::Nested(Box::new(move |pad| map(pad, [("vak", v(vak)), ("vek", v(vek))])))
}

/// The totals of one synthesis table over `arts` (their printed figures):
/// BA, BO and the evolution of the table's total, and its rows `esr`,
/// `toelagen` and `overige` with the same fields.
fn tabel(arts: &[&Artikel]) -> Veld {
    let th = afronding::bedrag;
    let sums = |groep: Option<EsrGroep>| {
        let sum = |slot: Slot| -> i64 {
            arts.iter().filter(|a| groep.is_none_or(|g| a.esr().groep() == g)).map(|a| th(a, slot)).sum()
        };
        let ba = (sum(Slot::Van(Krediet::Vak)), sum(Slot::Van(Krediet::Vek)));
        let bo = (sum(Slot::Naar(Krediet::Vak)), sum(Slot::Naar(Krediet::Vek)));
        (ba, bo)
    };
    let rij = |((bv, be), (nv, ne)): ((i64, i64), (i64, i64))| {
        [
            ("ba", pair(bv, be)),
            ("bo", pair(nv, ne)),
            ("evolutie", pair(nv - bv, ne - be)),
            ("evolutie_procent", percent_pair(format::percent(nv - bv, bv), format::percent(ne - be, be))),
        ]
    };
    let totaal = rij(sums(None));
    let groepen = [
        ("esr", sums(Some(EsrGroep::EsrUitgaven))),
        ("toelagen", sums(Some(EsrGroep::Toelagen))),
        ("overige", sums(Some(EsrGroep::Overige))),
    ];
    Veld::Nested(Box::new(move |pad| {
        let rijen = groepen.map(|(naam, s)| (naam, Veld::Nested(Box::new(move |pad| map(pad, rij(s))))));
        map(pad, totaal.into_iter().chain(rijen))
    }))
}

/// One outturn table of an ISE: `ba`, `ba_jr` and `bu` (VAK and VEK, each
/// the exact sum rounded once) and `graad` (BU in percent of BA-JR), as printed.
fn uitvoering_tabel(vak: Realisatie, vek: Realisatie) -> Veld {
    Veld::Nested(Box::new(move |pad| {
        let stand = |s: Uitvoeringsstand| pair(vak.get(s).thousands(), vek.get(s).thousands());
        let graad = |r: Realisatie| format::percent(r.bu.cents(), r.ba_jr.cents());
        map(
            pad,
            [
                ("ba", stand(Uitvoeringsstand::Ba)),
                ("ba_jr", stand(Uitvoeringsstand::BaJr)),
                ("bu", stand(Uitvoeringsstand::Bu)),
                ("graad", percent_pair(graad(vak), graad(vek))),
            ],
        )
    }))
}

impl Gegevens {
    /// The figures of `doc` if one of its texts has expressions; nothing
    /// otherwise (building them for every article is not free).
    pub fn for_texts(nota: &Beleidsnota, doc: &Document) -> Gegevens {
        let texts = doc.teksten.inleiding.iter().chain(doc.teksten.per_id.values());
        let needed = texts.into_iter().any(|t| has_expressions(&t.markdown));
        if needed {
            Gegevens::new(nota, doc)
        } else {
            Gegevens { artikelen: Arc::default(), ises: Arc::default(), elementen: Arc::default() }
        }
    }

    /// Builds the figures from the document, printed (rounded) as in its tables.
    pub fn new(nota: &Beleidsnota, doc: &Document) -> Gegevens {
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
        let scopes = Scopes::new(nota, &doc.begroting);
        let mut ises = BTreeMap::new();
        for (_, ise) in doc.structuur.ises() {
            let arts: Vec<&Artikel> = doc.begroting.uitgaven_van_ise(&ise.code).collect();
            let pad = format!("ise(\"{}\")", ise.code);
            let mut velden = vec![("code".to_string(), v(ise.code.as_str())), ("naam".into(), v(ise.naam.clone()))];
            // The ministry's table always, then each other scope with articles here.
            let mut lijst = vec![&Scope::Mvg];
            lijst.extend(scopes.van_artikelen(&arts).into_iter().filter(|s| **s != Scope::Mvg));
            for scope in lijst {
                let eigen: Vec<&Artikel> = arts.iter().copied().filter(|a| scopes.artikel(a) == scope).collect();
                velden.push((scope.veld().to_string(), tabel(&eigen)));
            }
            velden.push(("geconsolideerd".into(), tabel(&synthese::geconsolideerd(&arts))));
            // The outturn of an earlier year, as its tables print it.
            let uitvoering: Vec<(String, Veld)> = synthese::uitvoering_van_ise(&scopes, &doc.begroting, &ise.code)
                .into_iter()
                .map(|(scope, [vak, vek])| {
                    (scope.map_or("geconsolideerd", Scope::veld).to_string(), uitvoering_tabel(vak, vek))
                })
                .collect();
            if !uitvoering.is_empty() {
                velden.push(("uitvoering".into(), Veld::Nested(Box::new(move |pad| map(pad, uitvoering)))));
            }
            ises.insert(ise.code.to_string(), map(&pad, velden));
        }
        let mut elementen = BTreeMap::new();
        for (i, h) in doc.hoofdstukken.iter().enumerate() {
            let deel = format!("deel {}", super::format::roman(doc.hoofdstuk_deel(i)));
            elementen.insert(h.id.0.clone(), (deel, label_key(&h.id.0)));
        }
        for (i, b) in doc.bijlagen.iter().enumerate() {
            elementen.insert(b.id.0.clone(), (format!("bijlage {}", doc.bijlage_nummer(i)), label_key(&b.id.0)));
        }
        for (_, sd) in doc.structuur.sds() {
            elementen.insert(sd.id.0.clone(), (format!("SD {}", sd.nummer), label_key(&sd.id.0)));
            for od in &sd.ods {
                elementen.insert(od.id.0.clone(), (format!("OD {}", od.nummer), label_key(&od.id.0)));
            }
        }
        Gegevens { artikelen: Arc::new(artikelen), ises: Arc::new(ises), elementen: Arc::new(elementen) }
    }
}

/// The filters a live figure may pass through (`{{ … | miljoen }}`).
pub const FILTERS: [&str; 5] = ["miljoen", "euro", "absoluut", "richting", "meer_minder"];

/// What a text can ask for, for the studio's completion: each function with
/// the ids it takes and, per id, the fields it has (`bo.vak`), from the same
/// values the texts are evaluated with; and the filters.
#[derive(Debug, serde::Serialize)]
pub struct Aanvulling {
    pub functies: Vec<Functie>,
    pub filters: Vec<&'static str>,
}

/// A function of the texts (`artikel`, `ise`, `verwijzing`) and its ids.
#[derive(Debug, serde::Serialize)]
pub struct Functie {
    pub naam: &'static str,
    pub keuzes: Vec<Keuze>,
}

/// An id a function takes: what it names, and its fields.
#[derive(Debug, serde::Serialize)]
pub struct Keuze {
    pub id: String,
    pub titel: String,
    pub velden: Vec<Veldpad>,
}

/// A field of an article or ISE: its path (`bo.vak`) and what a text that
/// asks for it prints (`21.531`).
#[derive(Debug, serde::Serialize)]
pub struct Veldpad {
    pub pad: String,
    pub waarde: String,
}

/// What the texts of `doc` can ask for (see [`Aanvulling`]).
pub fn aanvulling(nota: &Beleidsnota, doc: &Document) -> Aanvulling {
    let g = Gegevens::new(nota, doc);
    let artikelen = g
        .artikelen
        .iter()
        .map(|(code, c)| Keuze { id: code.clone(), titel: c.titel.clone(), velden: paden(&c.value(code)) })
        .collect();
    let ises = g
        .ises
        .iter()
        .map(|(code, value)| {
            let titel = value
                .downcast_object_ref::<Velden>()
                .and_then(|o| o.get("naam"))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            Keuze { id: code.clone(), titel, velden: paden(value) }
        })
        .collect();
    let verwijzingen = g
        .elementen
        .iter()
        .map(|(id, (tekst, _))| Keuze { id: id.clone(), titel: tekst.clone(), velden: Vec::new() })
        .collect();
    Aanvulling {
        functies: vec![
            Functie { naam: "artikel", keuzes: artikelen },
            Functie { naam: "ise", keuzes: ises },
            Functie { naam: "verwijzing", keuzes: verwijzingen },
        ],
        filters: FILTERS.to_vec(),
    }
}

/// The fields of a value that hold a figure or a text (`bo.vak`, `titel`),
/// in the order a reader learns them, with what each prints.
fn paden(value: &Value) -> Vec<Veldpad> {
    fn walk(value: &Value, pad: &str, out: &mut Vec<Veldpad>) {
        match value.downcast_object_ref::<Velden>() {
            Some(o) => {
                for (k, v) in &o.velden {
                    let dieper = if pad.is_empty() { k.clone() } else { format!("{pad}.{k}") };
                    walk(v, &dieper, out);
                }
            }
            None if !pad.is_empty() => out.push(Veldpad { pad: pad.to_string(), waarde: gedrukt(value) }),
            None => {}
        }
    }
    let mut out = Vec::new();
    walk(value, "", &mut out);
    out
}

/// A figure or a text as a text prints it: `21.531`, `9,6 %`, `–` for none.
fn gedrukt(value: &Value) -> String {
    match value.as_i64() {
        Some(i) => format::integer(i),
        None if value.is_none() => "–".into(),
        None => value.to_string(),
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

/// The most problems reported in one text: past it, the text is surely
/// broken throughout and the first ones say enough.
const MAX_PROBLEMS: usize = 20;

/// Evaluates the expressions of `tekst`. Returns the Markdown with
/// placeholders and what they stand for, or every problem at its place: an
/// expression that fails is reported and blanked out, and the text
/// evaluated again, so that one run shows them all.
pub fn expand(tekst: &Tekst, data: &Gegevens) -> Result<(String, Vec<Invulling>), Vec<Diagnostic>> {
    let src = &tekst.markdown;
    // Private-use characters are the placeholders' own.
    if let Some(offset) = src.find([OPEN, CLOSE]) {
        return Err(vec![
            rules::BAD_EXPRESSION
                .report(tr!("t003-private-use"))
                .at(Location::in_text(&tekst.file, src, offset))
                .hint(tr!("t003-private-use.hint")),
        ]);
    }
    if !has_expressions(src) {
        return Ok((src.clone(), Vec::new()));
    }
    let mut text = src.clone();
    let mut problems = Vec::new();
    loop {
        let slots = Arc::new(Slots::default());
        let env = environment(data, &slots);
        MISS.with(|m| m.borrow_mut().take());
        FAILED.with(|f| f.borrow_mut().take());
        match env.render_str(&text, ()) {
            Ok(out) if problems.is_empty() => {
                let values = std::mem::take(&mut *slots.0.lock().unwrap_or_else(|e| e.into_inner()));
                return Ok((out, values));
            }
            Ok(_) => return Err(problems),
            Err(e) => {
                let range = e.range();
                let syntax = e.kind() == ErrorKind::SyntaxError;
                problems.push(problem(&e, tekst, src));
                // Blank the failing `{{ … }}` out and go on; a failing block
                // tag (`{% … %}`) or an error with no place ends the search.
                let blanked = range.and_then(|r| blank_expression(&text, r, syntax));
                match blanked {
                    Some(t) if problems.len() < MAX_PROBLEMS => text = t,
                    _ => return Err(problems),
                }
            }
        }
    }
}

/// `text` with the `{{ … }}` around `range` replaced by spaces (newlines
/// kept, so that every later place stays where it was), or `None` if the
/// range is not inside one.
fn blank_expression(text: &str, range: std::ops::Range<usize>, syntax: bool) -> Option<String> {
    let open = text.get(..range.start.min(text.len()))?.rfind("{{")?;
    // No block tag between: the range must be inside this expression.
    if text.get(open..range.start)?.contains("}}") {
        return None;
    }
    // An expression ends at its `}}`; one left open (a syntax error) at its
    // line, not at the `}}` of a later expression.
    let rest = text.get(open..)?;
    let line_end = rest.find('\n').unwrap_or(rest.len());
    let close = open + rest.find("}}").map(|c| c + 2).filter(|c| !syntax || *c <= line_end + 2).unwrap_or(line_end);
    let mut out = String::with_capacity(text.len());
    out.push_str(text.get(..open)?);
    for c in text.get(open..close)?.chars() {
        if c == '\n' {
            out.push('\n');
        } else {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    out.push_str(text.get(close..)?);
    Some(out)
}

/// The sandbox a text is evaluated in, printing into `slots`.
fn environment(data: &Gegevens, slots: &Arc<Slots>) -> Environment<'static> {
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
            } else if let Some(velden) = value.downcast_object_ref::<Velden>() {
                // A whole article or ISE: say which fields there are.
                let keys = velden.velden.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>().join(", ");
                return Err(failed(
                    rules::BAD_EXPRESSION.report(tr!("t003-whole", pad = &velden.pad, velden = keys)),
                    None,
                    || tr!("t003-functions"),
                ));
            } else if value.is_undefined() {
                return Err(minijinja::Error::new(ErrorKind::UndefinedError, "undefined value"));
            } else {
                Invulling::Tekst(gedrukt(value))
            };
            out.write_str(&slots.push(v)).map_err(|e| minijinja::Error::new(ErrorKind::WriteFailure, e.to_string()))
        });
    }
    // Figures in prose (docs/writing.md): each from the figure the tables
    // print, rounded once.
    fn bedrag(filter: &str, v: &Value) -> Result<i64, minijinja::Error> {
        v.as_i64().ok_or_else(|| {
            failed(rules::BAD_EXPRESSION.report(tr!("t003-filter-amount", filter = filter)), None, || {
                tr!("t003-filter-amount.hint")
            })
        })
    }
    env.add_filter("miljoen", |v: Value| bedrag("miljoen", &v).map(format::miljoen));
    env.add_filter("euro", |v: Value| bedrag("euro", &v).map(format::euro));
    env.add_filter("absoluut", |v: Value| bedrag("absoluut", &v).map(i64::saturating_abs));
    env.add_filter("richting", |v: Value| {
        bedrag("richting", &v).map(|n| match n.signum() {
            1 => "stijging",
            -1 => "daling",
            _ => "ongewijzigd",
        })
    });
    env.add_filter("meer_minder", |v: Value| {
        bedrag("meer_minder", &v).map(|n| match n.signum() {
            1 => "meer",
            -1 => "minder",
            _ => "evenveel",
        })
    });
    let artikelen = data.artikelen.clone();
    env.add_function("artikel", move |code: String| -> Result<Value, minijinja::Error> {
        artikelen.get(&code).map(|c| c.value(&code)).ok_or_else(|| {
            let near = suggest::closest(&code, artikelen.keys().map(String::as_str));
            let hint = || tr!("t003-no-article.hint", codes = crate::suggest::some_of(artikelen.keys()));
            failed(rules::BAD_EXPRESSION.report(tr!("t003-no-article", naam = &code)), near, hint)
        })
    });
    let ises = data.ises.clone();
    env.add_function("ise", move |code: String| -> Result<Value, minijinja::Error> {
        ises.get(&code).cloned().ok_or_else(|| {
            let near = suggest::closest(&code, ises.keys().map(String::as_str));
            let hint = || tr!("known-ises", list = crate::suggest::some_of(ises.keys()));
            failed(rules::BAD_EXPRESSION.report(tr!("t003-no-ise", naam = &code)), near, hint)
        })
    });
    let elementen = data.elementen.clone();
    env.add_function("verwijzing", move |id: String| -> Result<Value, minijinja::Error> {
        match elementen.get(&id) {
            Some((tekst, sleutel)) => Ok(Value::from_object(Ref { sleutel: sleutel.clone(), tekst: tekst.clone() })),
            None => {
                let near = suggest::closest(&id, elementen.keys().map(String::as_str));
                let voorbeeld = elementen.keys().next().map_or("", String::as_str);
                let hint = || tr!("t004.hint", voorbeeld = voorbeeld, ids = crate::suggest::some_of(elementen.keys()));
                Err(failed(rules::BAD_REFERENCE.report(tr!("t004", naam = &id)), near, hint))
            }
        }
    });
    env
}

/// A function's failure: the diagnostic (its place is added where the
/// error surfaces), with "did you mean `near`" or else the help `hint`.
fn failed(d: Diagnostic, near: Option<&str>, hint: impl FnOnce() -> String) -> minijinja::Error {
    let hint = match near {
        Some(n) => tr!("did-you-mean", naam = format!("'{n}'")),
        None => hint(),
    };
    let message = d.message.clone();
    FAILED.with(|f| *f.borrow_mut() = Some(d.hint(hint)));
    minijinja::Error::new(ErrorKind::InvalidOperation, message)
}

/// Whether expression `written` asks for field `veld` (`….veld` or
/// `…["veld"]`), so that a field missed earlier (in a `default`, say) is
/// not blamed for another error.
fn names_field(written: &str, veld: &str) -> bool {
    let w = written.trim_end_matches(|c: char| c == '}' || c.is_whitespace());
    w.contains(&format!(".{veld}")) || w.contains(&format!("[\"{veld}\"]")) || w.contains(&format!("['{veld}']"))
}

/// `verwijzing(od-netwerk)` for `verwijzing("od-netwerk")`: a function
/// whose argument is not between quotes. The expression with the quotes put.
fn unquoted(written: &str, before: &str) -> Option<String> {
    let inner = written.trim().trim_start_matches("{{").trim_end_matches("}}").trim();
    // The evaluator may place the error at the argument only
    // (`od-netwerk` is `od - netwerk`): the function stands before it.
    let called = before.trim_end().strip_suffix('(').map(|b| {
        let name: String = b.chars().rev().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        name.chars().rev().collect::<String>()
    });
    let joined;
    let inner = match called {
        Some(name) if !inner.contains('(') => {
            joined = format!("{name}({inner})");
            joined.as_str()
        }
        _ => inner,
    };
    let (name, rest) = inner.split_once('(')?;
    let name = name.trim();
    if !["artikel", "ise", "verwijzing"].contains(&name) {
        return None;
    }
    let (arg, after) = rest.split_once(')')?;
    let arg = arg.trim();
    if arg.is_empty() || arg.starts_with(['"', '\'']) || arg.contains(['"', '\'', ',']) {
        return None;
    }
    Some(format!("{name}(\"{arg}\"){after}"))
}

/// A calculation the evaluator refused (`InvalidOperation`), in words.
fn calculation(detail: &str) -> Diagnostic {
    let d = if detail.contains("types string and number") || detail.contains("types number and string") {
        rules::BAD_EXPRESSION.report(tr!("t003-text-and-number"))
    } else if detail.contains("unsupported types") {
        rules::BAD_EXPRESSION.report(tr!("t003-not-numbers"))
    } else if detail.ends_with("/ 0") || detail.ends_with("% 0") || detail.ends_with("// 0") {
        return rules::BAD_EXPRESSION.report(tr!("t003-divide-by-zero")).hint(tr!("t003-divide-by-zero.hint"));
    } else {
        return rules::BAD_EXPRESSION
            .report(tr!("t003-other"))
            .hint(tr!("t003-functions"))
            .hint(tr!("w001-technical", fout = detail));
    };
    d.hint(tr!("t003-functions"))
}

/// The diagnostic of an evaluation error `e` in `tekst` (whose original
/// text is `src`).
fn problem(e: &minijinja::Error, tekst: &Tekst, src: &str) -> Diagnostic {
    let range = e.range();
    let mut place = match &range {
        Some(r) => Location::in_text(&tekst.file, src, r.start),
        None => Location::Text { file: tekst.file.clone(), line: e.line().unwrap_or(1), column: 1 },
    };
    let detail = e.detail().map(str::to_string).unwrap_or_default();
    let written = range.as_ref().and_then(|r| src.get(r.clone())).unwrap_or_default().trim().to_string();
    // What the text writes after the failing step (`.vak` of `ise("SG-A").totaal.bo.vak`
    // when minijinja stops at `.bo`).
    let verder: String = range
        .as_ref()
        .and_then(|r| src.get(r.end..))
        .unwrap_or_default()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
        .collect();
    let before = range.as_ref().and_then(|r| src.get(..r.start)).unwrap_or_default();
    let d = match e.kind() {
        ErrorKind::TemplateNotFound | ErrorKind::BadInclude => {
            rules::BAD_EXPRESSION.report(tr!("t003-include")).hint(tr!("t003-include.hint"))
        }
        ErrorKind::OutOfFuel => rules::BAD_EXPRESSION.report(tr!("t003-fuel")).hint(tr!("t003-fuel.hint")),
        ErrorKind::UndefinedError => {
            match MISS.with(|m| m.borrow_mut().take()).filter(|m| names_field(&written, &m.veld)) {
                Some(miss) => {
                    // The caret at the field as written.
                    if let Some(r) = &range
                        && let Some(at) = src.get(r.clone()).and_then(|w| w.rfind(&miss.veld))
                    {
                        place = Location::in_text(&tekst.file, src, r.start + at);
                    }
                    // A misspelt field first (`evolutie_percent`), then two joined (`bo_vak`).
                    let near = suggest::closest(&miss.veld, miss.velden.iter().map(String::as_str))
                        .map(str::to_string)
                        .or(miss.gesplitst.clone());
                    // What the text wrote after the field (`.vak` of `ise("SG-A").bo.vak`).
                    let volledig = format!("{written}{verder}");
                    let rest = volledig
                        .find(&format!(".{}", miss.veld))
                        .and_then(|i| volledig.get(i + 1 + miss.veld.len()..))
                        .map(|r| {
                            r.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.').collect::<String>()
                        })
                        .filter(|r| r.starts_with('.'))
                        .unwrap_or_default();
                    let d = rules::BAD_EXPRESSION.report(tr!(
                        "t003-no-field",
                        pad = &miss.pad,
                        veld = &miss.veld,
                        velden = miss.velden.join(", ")
                    ));
                    // An ISE's `totaal` of before the scopes: which total is meant.
                    if miss.veld == "totaal" && miss.velden.iter().any(|v| v == "geconsolideerd") {
                        return d.at(place).hint(tr!(
                            "t003-ise-totaal",
                            geconsolideerd = format!("{}.geconsolideerd{rest}", miss.pad),
                            mvg = format!("{}.mvg{rest}", miss.pad)
                        ));
                    }
                    // A step left out: the new figure (`bo`), then the whole
                    // ISE (`geconsolideerd`), then the ministry's table first.
                    let mut dieper = miss.dieper.clone();
                    dieper.sort_by_key(|k| (k != "bo", k != "geconsolideerd", k != "mvg"));
                    if let Some((first, others)) = dieper.split_first() {
                        let andere: Vec<String> = others.iter().map(|k| format!(".{k}.{}{rest}", miss.veld)).collect();
                        let naam = format!("{}.{first}.{}{rest}", miss.pad, miss.veld);
                        return d.at(place).hint(if andere.is_empty() {
                            tr!("did-you-mean", naam = naam)
                        } else {
                            tr!("t003-deeper", naam = naam, andere = andere.join(", "))
                        });
                    }
                    match near {
                        Some(n) => d.hint(tr!("did-you-mean", naam = format!("{}.{n}{rest}", miss.pad))),
                        None => d.hint(tr!("t003-no-field.hint")),
                    }
                }
                None => match unquoted(&written, before) {
                    Some(fixed) => rules::BAD_EXPRESSION
                        .report(tr!("t003-unquoted", naam = &written))
                        .hint(tr!("t003-unquoted.hint", voorbeeld = fixed)),
                    None => {
                        rules::BAD_EXPRESSION.report(tr!("t003-undefined", naam = &written)).hint(tr!("t003-functions"))
                    }
                },
            }
        }
        ErrorKind::UnknownFunction => {
            let name = written.split('(').next().unwrap_or_default().trim().to_string();
            let d = rules::BAD_EXPRESSION.report(tr!("t003-unknown-function", naam = &name));
            match suggest::closest(&name, ["artikel", "ise", "verwijzing"]) {
                Some(n) => d.hint(tr!("did-you-mean", naam = format!("{n}(...)"))),
                None => d.hint(tr!("t003-functions")),
            }
        }
        ErrorKind::UnknownFilter | ErrorKind::UnknownTest | ErrorKind::UnknownMethod => {
            rules::BAD_EXPRESSION.report(tr!("t003-unknown-filter", naam = &written)).hint(tr!("t003-functions"))
        }
        // The parser's own words are English: the caret shows the place.
        ErrorKind::SyntaxError => {
            // Word turns " into “ ”: the evaluator knows only straight quotes.
            let line = e.line().and_then(|n| src.lines().nth(n.saturating_sub(1))).unwrap_or_default();
            let curly = ['“', '”', '„', '‘', '’'];
            let hint = if line.contains(curly) { tr!("t003-curly") } else { tr!("t003-syntax.hint") };
            rules::BAD_EXPRESSION.report(tr!("t003-syntax")).hint(hint)
        }
        ErrorKind::InvalidOperation => match FAILED.with(|f| f.borrow_mut().take()) {
            Some(d) => d,
            None => match unquoted(&written, before) {
                Some(fixed) => rules::BAD_EXPRESSION
                    .report(tr!("t003-unquoted", naam = &written))
                    .hint(tr!("t003-unquoted.hint", voorbeeld = fixed)),
                None => calculation(&detail),
            },
        },
        ErrorKind::MissingArgument => {
            rules::BAD_EXPRESSION.report(tr!("t003-missing-argument")).hint(tr!("t003-missing-argument.hint"))
        }
        ErrorKind::TooManyArguments => {
            rules::BAD_EXPRESSION.report(tr!("t003-too-many")).hint(tr!("t003-missing-argument.hint"))
        }
        // Another evaluation error: said in general terms, the evaluator's
        // own (English) words only as a technical help line.
        _ => rules::BAD_EXPRESSION
            .report(tr!("t003-other"))
            .hint(tr!("t003-functions"))
            .hint(tr!("w001-technical", fout = if detail.is_empty() { e.kind().to_string() } else { detail })),
    };
    d.at(place)
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
pub fn omzetten(nota: &Beleidsnota, doc: &Document) -> Omgezet {
    let gegevens = Gegevens::for_texts(nota, doc);
    let mut out = Omgezet::default();
    let mut convert = |t: &Tekst, level: u8| -> super::view::Markup {
        let (markup, diags) = if doc.begroting.volledig {
            match expand(t, &gegevens) {
                Ok((md, values)) => super::markdown::to_typst_with(&md, &values, &t.file, level),
                // The Markdown's own problems too: every error of a text in one run.
                Err(mut d) => {
                    d.extend(super::markdown::to_typst(&t.markdown, &t.file, level).1);
                    (String::new(), d)
                }
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
    // A free appendix's under the part Bijlagen; a general chapter is a part.
    for b in &doc.bijlagen {
        levels.insert(&b.id, 2);
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

    /// The filters the studio offers are the ones a text has.
    #[test]
    fn the_filters_offered_are_registered() {
        for f in FILTERS {
            assert!(expand_text(&format!("{{{{ 1500 | {f} }}}}")).is_ok(), "{f}");
        }
        assert!(expand_text("{{ 1500 | miljard }}").is_err());
    }
}
