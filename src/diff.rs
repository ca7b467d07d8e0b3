//! `bbt diff OLD NEW`: what changed between two documents — the structure
//! (objectives, ISEs, beleidsvelden; followed by id) and the printed figures per
//! article (followed through declared recodings) and per ISE.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

use crate::diag::escape;
use crate::i18n::n;
use crate::load::Inputs;
use crate::model::budget::{ArtikelCode, ArtikelSoort, Krediet};
use crate::model::{Artikel, ElementSoort, IseCode, Structuur, Verwijzing, Wijziging, WijzigingSoort, afronding};
use crate::render::format;
use crate::tr;

/// A change to one element of the structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Structuurwijziging {
    /// "nieuw", "geschrapt", "hernoemd", "verplaatst"
    pub soort: &'static str,
    pub element: ElementSoort,
    pub id: String,
    /// How a reader knows it: "OD 2.3", "ISE SG-C".
    pub kort: String,
    /// The label before (or, for a move, the place before) ...
    pub van: Option<String>,
    /// ... and after.
    pub naar: Option<String>,
    /// The reason the new document gives, where it declares this change.
    pub reden: Option<String>,
}

/// A split or a merge: elements of the old document that became others in
/// the new one, and the objectives that moved along with them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Groepswijziging {
    /// "gesplitst" or "samengevoegd"
    pub soort: &'static str,
    pub element: ElementSoort,
    /// (id, label) in the old document ...
    pub van: Vec<(String, String)>,
    /// ... and in the new one.
    pub naar: Vec<(String, String)>,
    /// The moves of the elements under them that the split or merge explains
    /// (an OD that follows its part of a split ISE).
    pub mee: Vec<Structuurwijziging>,
    pub reden: Option<String>,
}

/// A recoded or moved article: a change of the structure of the budget,
/// declared under `wijzigingen` like those of the elements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Artikelwijziging {
    /// "hergecodeerd" or "verplaatst"
    pub soort: &'static str,
    /// The code in the new document.
    pub code: String,
    pub titel: String,
    /// The old code (for a recoding) ...
    pub oude_code: Option<String>,
    /// ... and the ISE before and after, when it changed ("ISE SG-B").
    pub ise: Option<(String, String)>,
    pub reden: Option<String>,
}

impl Artikelwijziging {
    /// What it was and what it is, each as one line: `SB0-1SGE2BB-WT (ISE SG-B)`.
    fn van_naar(&self, sep: &str) -> (String, String) {
        let with = |code: &str, ise: Option<&String>| match ise {
            Some(i) if !code.is_empty() => format!("{code}{sep}({i})"),
            Some(i) => i.clone(),
            None => code.to_string(),
        };
        let (van, naar) = self.ise.as_ref().map_or((None, None), |(v, n)| (Some(v), Some(n)));
        let codes = self.oude_code.as_ref().map_or((String::new(), String::new()), |o| (o.clone(), self.code.clone()));
        (with(&codes.0, van), with(&codes.1, naar))
    }
}

/// The printed final figures of one article (or ISE) in both documents, in thousands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cijferwijziging {
    /// The code in the new document (or the old one, for a dropped article).
    pub code: String,
    /// The old code when the article was recoded.
    pub oude_code: Option<String>,
    /// The article's description (its title in the workbook); an ISE's name.
    pub titel: String,
    /// (VAK, VEK) at each document's final standing; revenue in VAK (its VEK is 0
    /// and not shown).
    pub oud: Option<(i64, i64)>,
    pub nieuw: Option<(i64, i64)>,
    /// A revenue article: one amount, with no VAK/VEK split, so no VEK columns.
    pub ontvangst: bool,
}

#[derive(Debug, Clone)]
pub struct Diff {
    pub oud: String,
    pub nieuw: String,
    pub kop_oud: String,
    pub kop_nieuw: String,
    /// Splits and merges, each with the moves it explains.
    pub groepen: Vec<Groepswijziging>,
    /// Every other change, per element.
    pub structuur: Vec<Structuurwijziging>,
    /// Recoded and moved articles.
    pub artikelwijzigingen: Vec<Artikelwijziging>,
    /// Expenditure articles (VAK and VEK) ...
    pub artikelen: Vec<Cijferwijziging>,
    /// ... and revenue articles (one amount, no VAK/VEK split).
    pub ontvangsten: Vec<Cijferwijziging>,
    pub ises: Vec<Cijferwijziging>,
    /// The texts that differ, by file name.
    pub teksten: Vec<Tekstwijziging>,
}

/// A text that differs between the documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tekstwijziging {
    /// The file, relative to the document's `tekst/` folder.
    pub bestand: String,
    /// Paragraphs of the new text not in the old one (new or changed).
    pub nieuw: usize,
    /// Paragraphs of the old text not in the new one (removed or changed).
    pub weg: usize,
    /// Only in the new document, or only in the old one.
    pub alleen_nieuw: bool,
    pub alleen_oud: bool,
    /// The element the text explains, as a reader knows it ("OD 3.1");
    /// empty for the introduction or a text for no element.
    pub element: String,
}

/// A text's paragraphs, as written (blank lines between; comments, such as
/// the marker of a carried-over text, left out).
fn alineas(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    // `lines` takes CRLF line ends too; a line of spaces is blank.
    for line in markdown.lines().map(str::trim).chain(std::iter::once("")) {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
        } else if !line.starts_with("<!--") {
            current.push(line);
        }
    }
    out
}

/// The texts of `new` that differ from `old`'s, matched by file name.
fn teksten(old: &Inputs, new: &Inputs) -> Vec<Tekstwijziging> {
    fn by_file(inputs: &Inputs) -> BTreeMap<String, &str> {
        let t = &inputs.document.teksten;
        t.inleiding
            .iter()
            .chain(t.per_id.values())
            .map(|x| {
                let name = x.file.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
                (name, x.markdown.as_str())
            })
            .collect()
    }
    let (o, n) = (by_file(old), by_file(new));
    let (eo, en) = (elements(&old.document.structuur), elements(&new.document.structuur));
    let mut names: Vec<&String> = o.keys().chain(n.keys()).collect();
    names.sort();
    names.dedup();
    let mut out = Vec::new();
    for name in names {
        let (a, b) = (o.get(name).map(|t| alineas(t)), n.get(name).map(|t| alineas(t)));
        let (a_list, b_list) = (a.clone().unwrap_or_default(), b.clone().unwrap_or_default());
        let (in_a, in_b): (HashSet<&String>, HashSet<&String>) = (a_list.iter().collect(), b_list.iter().collect());
        let nieuw = b_list.iter().filter(|p| !in_a.contains(p)).count();
        let weg = a_list.iter().filter(|p| !in_b.contains(p)).count();
        if a.is_some() && b.is_some() && nieuw == 0 && weg == 0 {
            continue;
        }
        out.push(Tekstwijziging {
            bestand: name.clone(),
            nieuw,
            weg,
            alleen_nieuw: a.is_none(),
            alleen_oud: b.is_none(),
            element: name
                .strip_suffix(".md")
                .filter(|id| eo.contains_key(*id) || en.contains_key(*id))
                .map(|id| kort(&eo, &en, id))
                .unwrap_or_default(),
        });
    }
    out
}

/// An element as the diff follows it: its kind, label and place.
#[derive(Debug, Clone)]
struct El {
    soort: ElementSoort,
    label: String,
    /// How a reader knows it in a list: "OD 2.3" ([`Structuur::kort`]).
    kort: String,
    /// The SD of an OD, the beleidsveld of an SD or ISE.
    parent: Option<String>,
    /// The ISE of an OD.
    ise: Option<String>,
}

impl El {
    /// The place under an element of `soort`: an OD stands under an ISE and
    /// an SD, an SD and an ISE under a beleidsveld.
    fn under(&self, soort: ElementSoort) -> Option<&String> {
        match soort {
            ElementSoort::Ise => self.ise.as_ref(),
            ElementSoort::Sd | ElementSoort::Beleidsveld => self.parent.as_ref(),
            ElementSoort::Od => None,
        }
    }
}

/// id → the element, for every element of `s`.
fn elements(s: &Structuur) -> BTreeMap<String, El> {
    s.elements()
        .into_iter()
        .map(|e| {
            let el = El {
                soort: e.soort,
                label: s.label(e.id).unwrap_or_default(),
                kort: s.kort(e.id).unwrap_or_else(|| e.id.to_string()),
                parent: e.parent.map(|p| p.0.clone()),
                ise: e.ise.map(|i| i.0.clone()),
            };
            (e.id.0.clone(), el)
        })
        .collect()
}

/// How a reader knows an element ("SD 3", "ISE SG-B", "OD 2.3"), as the
/// new document has it, else the old one; else its id.
fn kort(eo: &BTreeMap<String, El>, en: &BTreeMap<String, El>, id: &str) -> String {
    en.get(id).or_else(|| eo.get(id)).map_or_else(|| id.to_string(), |e| e.kort.clone())
}

/// Where an element moved: only the part that changed ("SD 2 → SD 3", or
/// "SD 2 / ISE SG-A → SD 3 / ISE SG-B" when both did), each place as
/// `naam` shows it.
fn verplaatsing(old: &El, new: &El, naam: &dyn Fn(&str) -> String) -> Option<(String, String)> {
    let show = |x: &Option<String>| x.as_deref().map_or_else(|| "–".into(), naam);
    match (old.parent != new.parent, old.ise != new.ise) {
        (false, false) => None,
        (true, false) => Some((show(&old.parent), show(&new.parent))),
        (false, true) => Some((show(&old.ise), show(&new.ise))),
        (true, true) => Some((
            format!("{} / {}", show(&old.parent), show(&old.ise)),
            format!("{} / {}", show(&new.parent), show(&new.ise)),
        )),
    }
}

/// The splits and merges between `eo` and `en`: those the new document
/// declares, then those its structure shows without a declaration (a
/// comparison over more than one year): a new element whose members all
/// came from one element that still exists (a split), or a dropped one whose
/// members all went to one that already existed (a merge).
fn groepen(
    eo: &BTreeMap<String, El>,
    en: &BTreeMap<String, El>,
    wijzigingen: &[Wijziging],
) -> Vec<(WijzigingSoort, Vec<String>, Vec<String>, Option<String>)> {
    let mut out: Vec<(WijzigingSoort, Vec<String>, Vec<String>, Option<String>)> = Vec::new();
    for w in wijzigingen.iter().filter(|w| matches!(w.soort, WijzigingSoort::Gesplitst | WijzigingSoort::Samengevoegd))
    {
        let ids = |v: &[Verwijzing]| v.iter().map(|r| r.element().map(|id| id.0.clone())).collect::<Option<Vec<_>>>();
        if let (Some(van), Some(naar)) = (ids(&w.van), ids(&w.naar))
            && !van.is_empty()
            && !naar.is_empty()
            && van.iter().all(|id| eo.contains_key(id))
            && naar.iter().all(|id| en.contains_key(id))
            // Between these two documents (not when comparing a document with
            // itself, or with one after the change).
            && (van.iter().any(|id| !en.contains_key(id)) || naar.iter().any(|id| !eo.contains_key(id)))
        {
            out.push((w.soort, van, naar, Some(w.reden.clone()).filter(|r| !r.trim().is_empty())));
        }
    }
    // In a declared split or merge, or declared new or dropped on its own:
    // what the new document says is not second-guessed.
    let grouped = |out: &[(WijzigingSoort, Vec<String>, Vec<String>, Option<String>)], id: &String| {
        let element = crate::model::Id(id.clone());
        out.iter().any(|(_, van, naar, _)| van.contains(id) || naar.contains(id))
            || wijzigingen
                .iter()
                .any(|w| w.declares(WijzigingSoort::Nieuw, &element) || w.declares(WijzigingSoort::Geschrapt, &element))
    };
    // The one element of the other document that all of `members` stood
    // under, if it exists in both documents and is not `id` itself.
    let single_source = |id: &String, soort: ElementSoort, members: Vec<&El>| -> Option<String> {
        let mut from = members.into_iter().map(|m| m.under(soort).cloned());
        let first = from.next()??;
        (from.all(|f| f.as_ref() == Some(&first)) && &first != id && eo.contains_key(&first) && en.contains_key(&first))
            .then_some(first)
    };
    let mut inferred: BTreeMap<(WijzigingSoort, String), Vec<String>> = BTreeMap::new();
    // A split seen from the new document is a merge seen from the old one:
    // (the side with the element, the other side, the kind).
    for (here, there, soort) in [(en, eo, WijzigingSoort::Gesplitst), (eo, en, WijzigingSoort::Samengevoegd)] {
        for (id, el) in here.iter().filter(|(id, el)| !there.contains_key(*id) && el.soort != ElementSoort::Od) {
            let members: Vec<&String> =
                here.iter().filter(|(_, m)| m.under(el.soort) == Some(id)).map(|(m, _)| m).collect();
            let elsewhere: Option<Vec<&El>> = members.iter().map(|m| there.get(*m)).collect();
            if let Some(elsewhere) = elsewhere.filter(|b| !b.is_empty())
                && let Some(kept) = single_source(id, el.soort, elsewhere)
                && !grouped(&out, id)
            {
                inferred.entry((soort, kept)).or_default().push(id.clone());
            }
        }
    }
    for ((soort, kept), others) in inferred {
        let mut both = vec![kept.clone()];
        both.extend(others);
        match soort {
            WijzigingSoort::Gesplitst => out.push((soort, vec![kept], both, None)),
            _ => out.push((soort, both, vec![kept], None)),
        }
    }
    out
}

/// The structure's changes: splits and merges, and every other change per
/// element (what a split or merge explains is listed under it, not again).
fn structuur(old: &Inputs, new: &Inputs) -> (Vec<Groepswijziging>, Vec<Structuurwijziging>) {
    let (eo, en) = (elements(&old.document.structuur), elements(&new.document.structuur));
    let wijzigingen = &new.document.wijzigingen;
    let reden = |soort: WijzigingSoort, id: &str| {
        let id = crate::model::Id(id.to_string());
        wijzigingen.iter().find(|w| w.declares(soort, &id)).map(|w| w.reden.clone()).filter(|r| !r.trim().is_empty())
    };
    let found = groepen(&eo, &en, wijzigingen);
    let in_group = |id: &String, new_side: bool| {
        found.iter().any(|(_, van, naar, _)| if new_side { naar.contains(id) } else { van.contains(id) })
    };
    // The group whose old side holds `from` and new side `to`.
    let group_of = |from: Option<&String>, to: Option<&String>| {
        found.iter().position(|(_, van, naar, _)| {
            from.is_some_and(|f| van.contains(f)) && to.is_some_and(|t| naar.contains(t)) && from != to
        })
    };
    let mut groups: Vec<Groepswijziging> = found
        .iter()
        .map(|(soort, van, naar, r)| {
            let label = |m: &BTreeMap<String, El>, id: &String| {
                (id.clone(), m.get(id).map(|e| e.label.clone()).unwrap_or_default())
            };
            let first = naar.first().and_then(|id| en.get(id)).or_else(|| van.first().and_then(|id| eo.get(id)));
            Groepswijziging {
                soort: soort.name(),
                element: first.map_or(ElementSoort::Ise, |e| e.soort),
                van: van.iter().map(|id| label(&eo, id)).collect(),
                naar: naar.iter().map(|id| label(&en, id)).collect(),
                mee: Vec::new(),
                reden: r.clone(),
            }
        })
        .collect();
    let mut rows = Vec::new();
    let row =
        |soort: WijzigingSoort, el: &El, id: &String, van: Option<String>, naar: Option<String>| Structuurwijziging {
            soort: soort.name(),
            element: el.soort,
            id: id.clone(),
            kort: kort(&eo, &en, id),
            van,
            naar,
            reden: reden(soort, id),
        };
    for (id, el) in &en {
        let Some(was) = eo.get(id) else {
            if !in_group(id, true) {
                rows.push(row(WijzigingSoort::Nieuw, el, id, None, Some(el.label.clone())));
            }
            continue;
        };
        if was.label != el.label {
            rows.push(row(WijzigingSoort::Hernoemd, el, id, Some(was.label.clone()), Some(el.label.clone())));
        }
        if let Some((van, naar)) = verplaatsing(was, el, &|id| kort(&eo, &en, id)) {
            let moved = row(WijzigingSoort::Verplaatst, el, id, Some(van), Some(naar));
            // A move the split or merge explains: only the place under the
            // group's elements changed.
            let explained =
                [(&was.ise, &el.ise, &was.parent, &el.parent), (&was.parent, &el.parent, &was.ise, &el.ise)]
                    .into_iter()
                    .find_map(|(from, to, other_before, other_after)| {
                        (other_before == other_after).then(|| group_of(from.as_ref(), to.as_ref())).flatten()
                    });
            match explained.and_then(|g| groups.get_mut(g)) {
                Some(g) => g.mee.push(moved),
                None => rows.push(moved),
            }
        }
    }
    for (id, el) in &eo {
        if !en.contains_key(id) && !in_group(id, false) {
            rows.push(row(WijzigingSoort::Geschrapt, el, id, Some(el.label.clone()), None));
        }
    }
    (groups, rows)
}

/// An article's final standing, printed: (VAK, VEK), or (revenue, 0).
fn gedrukt_eind(a: &Artikel) -> (i64, i64) {
    let naar = |k| afronding::gedrukt(a, k).naar;
    match a.soort() {
        ArtikelSoort::Uitgave => (naar(Krediet::Vak), naar(Krediet::Vek)),
        ArtikelSoort::Ontvangst => (naar(Krediet::Ontvangst), 0),
    }
}

/// Compares two loaded documents.
pub fn diff(old: &Inputs, new: &Inputs) -> Diff {
    let (groepen, structuur) = structuur(old, new);
    let (_, end_old) = crate::model::Stand::evolutie(old.document.jaar, old.document.fase);
    let (_, end_new) = crate::model::Stand::evolutie(new.document.jaar, new.document.fase);
    // Recodings declared in the new document.
    let recoded: BTreeMap<ArtikelCode, ArtikelCode> = new.document.hercoderingen().into_iter().collect();
    let mut artikelen = Vec::new();
    let mut artikelwijzigingen = Vec::new();
    let (before, after) = (&old.document.begroting, &new.document.begroting);
    let recoded_from: BTreeMap<ArtikelCode, ArtikelCode> = recoded.iter().map(|(o, n)| (*n, *o)).collect();
    for a in &after.artikelen {
        let code = a.code.to_string();
        // Recoded from an old code only where the old document has that
        // code and not the new one (a document compared with itself has
        // the new code already).
        let old =
            recoded_from.get(&a.code).filter(|o| before.artikel(&a.code).is_none() && before.artikel(o).is_some());
        let was = before.artikel(old.unwrap_or(&a.code));
        let old_code = old.map(ArtikelCode::to_string);
        let reden = |soort: WijzigingSoort, code: ArtikelCode| {
            new.document
                .wijzigingen
                .iter()
                .find(|w| {
                    w.declares_artikel(soort, code)
                        || (w.soort == soort && w.naar.iter().any(|v| v.artikel() == Some(code)))
                })
                .map(|w| w.reden.clone())
                .filter(|r| !r.trim().is_empty())
        };
        // A recoding that moves the article to another ISE is one change.
        let moved = was.map(|w| &w.ise_code).filter(|i| **i != a.ise_code);
        let ise = |i: &IseCode| format!("ISE {i}");
        if old_code.is_some() || moved.is_some() {
            let soort = if old_code.is_some() { WijzigingSoort::Hergecodeerd } else { WijzigingSoort::Verplaatst };
            artikelwijzigingen.push(Artikelwijziging {
                soort: if old_code.is_some() { "hergecodeerd" } else { "verplaatst" },
                code: code.clone(),
                titel: a.titel.clone(),
                oude_code: old_code.clone(),
                ise: moved.map(|i| (ise(i), ise(&a.ise_code))),
                reden: reden(soort, a.code),
            });
        }
        let (oud, nieuw) = (was.map(gedrukt_eind), Some(gedrukt_eind(a)));
        if oud != nieuw || old_code.is_some() {
            artikelen.push(Cijferwijziging {
                code,
                oude_code: old_code,
                titel: a.titel.clone(),
                oud,
                nieuw,
                ontvangst: a.soort() == ArtikelSoort::Ontvangst,
            });
        }
    }
    for o in &before.artikelen {
        let code = o.code.to_string();
        let followed = after.artikel(recoded.get(&o.code).unwrap_or(&o.code));
        if followed.is_none() {
            artikelen.push(Cijferwijziging {
                code,
                oude_code: None,
                titel: o.titel.clone(),
                oud: Some(gedrukt_eind(o)),
                nieuw: None,
                ontvangst: o.soort() == ArtikelSoort::Ontvangst,
            });
        }
    }
    artikelen.sort_by(|a, b| a.code.cmp(&b.code));
    let (ontvangsten, artikelen): (Vec<_>, Vec<_>) = artikelen.into_iter().partition(|a| a.ontvangst);
    let ise_sum = |inputs: &Inputs, code: &IseCode| -> Option<(i64, i64)> {
        inputs.document.structuur.ise_by_code(code)?;
        // Consolidated, as the beleidsveld overview prints it: a dotation to
        // an entity spending in the same ISE counted once.
        let arts: Vec<&Artikel> = inputs.document.begroting.uitgaven_van_ise(code).collect();
        Some(
            crate::model::synthese::geconsolideerd(&arts)
                .into_iter()
                .map(gedrukt_eind)
                .fold((0, 0), |(v, e), (av, ae)| (v + av, e + ae)),
        )
    };
    let mut codes: Vec<IseCode> =
        old.document.structuur.ises().chain(new.document.structuur.ises()).map(|(_, i)| i.code.clone()).collect();
    codes.sort();
    codes.dedup();
    let ises = codes
        .into_iter()
        .filter_map(|c| {
            let (o, n) = (ise_sum(old, &c), ise_sum(new, &c));
            let naam = [new, old].iter().find_map(|i| i.document.structuur.ise_by_code(&c)).map(|i| i.naam.clone());
            (o != n).then_some(Cijferwijziging {
                code: c.to_string(),
                oude_code: None,
                titel: naam.unwrap_or_default(),
                oud: o,
                nieuw: n,
                ontvangst: false,
            })
        })
        .collect();
    Diff {
        teksten: teksten(old, new),
        oud: crate::load::document_name(old.document.jaar, old.document.fase),
        nieuw: crate::load::document_name(new.document.jaar, new.document.fase),
        kop_oud: end_old.label(),
        kop_nieuw: end_new.label(),
        groepen,
        structuur,
        artikelwijzigingen,
        artikelen,
        ontvangsten,
        ises,
    }
}

/// The terminal report. Revenue has no VAK/VEK split: its articles have a
/// section of their own with one amount. Ids, titles and codes come from the
/// inputs: they are [`escape`]d, so that none can act on the terminal or
/// start a line of its own.
pub fn report(d: &Diff) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} → {}", d.oud, d.nieuw);
    let _ = writeln!(
        out,
        "\n{}",
        tr!("diff-structure", n = n(d.groepen.len() + d.structuur.len() + d.artikelwijzigingen.len()))
    );
    let reden = |out: &mut String, r: &Option<String>| {
        if let Some(r) = r {
            let _ = writeln!(out, "  {:<12} {}", "", tr!("diff-reason", reden = escape(r)));
        }
    };
    for g in &d.groepen {
        for (i, (id, label)) in g.van.iter().enumerate() {
            let soort = if i == 0 { g.soort } else { "" };
            let _ = writeln!(out, "  {soort:<12} {:<26} {}", escape(id), escape(label));
        }
        for (id, label) in &g.naar {
            let _ = writeln!(out, "  {:<12} → {:<24} {}", "", escape(id), escape(label));
        }
        for m in &g.mee {
            let (van, naar) = (m.van.as_deref().unwrap_or(""), m.naar.as_deref().unwrap_or(""));
            let _ = writeln!(
                out,
                "  {:<12}   {}",
                "",
                tr!(
                    "diff-followed",
                    element = escape(&m.kort),
                    id = escape(&m.id),
                    van = escape(van),
                    naar = escape(naar)
                )
            );
        }
        reden(&mut out, &g.reden);
    }
    for w in &d.structuur {
        let detail = match (&w.van, &w.naar) {
            (Some(v), Some(n)) => format!("{}  →  {}", escape(v), escape(n)),
            (None, Some(n)) => escape(n).into_owned(),
            (Some(v), None) => escape(v).into_owned(),
            (None, None) => String::new(),
        };
        let _ = writeln!(out, "  {:<12} {:<26} {detail}", w.soort, escape(&w.id));
        reden(&mut out, &w.reden);
    }
    for a in &d.artikelwijzigingen {
        let (van, naar) = a.van_naar(" ");
        let _ = writeln!(out, "  {:<12} {:<26} {}  →  {}", a.soort, escape(&a.code), escape(&van), escape(&naar));
        let _ = writeln!(out, "  {:<12} {}", "", escape(&a.titel));
        reden(&mut out, &a.reden);
    }
    let sections = [
        (tr!("diff-articles-title"), &d.artikelen, true),
        (tr!("diff-revenue-title"), &d.ontvangsten, false),
        (tr!("diff-ises-title"), &d.ises, true),
    ];
    for (title, rows, vek) in sections {
        let _ = writeln!(
            out,
            "\n{}",
            tr!("diff-figures", titel = title, n = n(rows.len()), oud = &d.kop_oud, nieuw = &d.kop_nieuw)
        );
        if rows.is_empty() {
            continue;
        }
        let (old, new) = if vek {
            (tr!("diff-vak-old"), tr!("diff-vak-new"))
        } else {
            (tr!("diff-amount-old"), tr!("diff-amount-new"))
        };
        let mut head = format!("  {:<34} {old:>10} {new:>10} {:>9}", "", tr!("diff-difference"));
        if vek {
            let _ = write!(
                head,
                "   {:>10} {:>10} {:>9}",
                tr!("diff-vek-old"),
                tr!("diff-vek-new"),
                tr!("diff-difference")
            );
        }
        let _ = writeln!(out, "{head}");
        for r in rows {
            let name = match &r.oude_code {
                Some(o) => format!("{} ({})", escape(&r.code), tr!("diff-was", code = escape(o))),
                None => escape(&r.code).into_owned(),
            };
            let [vo, vn, vd] = kolommen(r, false);
            let mut line = format!("  {name:<34} {vo:>10} {vn:>10} {vd:>9}");
            if vek {
                let [eo, en, ed] = kolommen(r, true);
                let _ = write!(line, "   {eo:>10} {en:>10} {ed:>9}");
            }
            let _ = writeln!(out, "{line}");
            if !r.titel.trim().is_empty() {
                let titel: String = r.titel.chars().take(90).collect();
                let _ = writeln!(out, "    {}", escape(&titel));
            }
        }
    }
    let _ = writeln!(out, "\n{}", tr!("diff-texts", n = n(d.teksten.len())));
    for t in &d.teksten {
        let what = if t.alleen_nieuw {
            tr!("diff-text-new", n = n(t.nieuw))
        } else if t.alleen_oud {
            tr!("diff-text-gone")
        } else {
            tr!("diff-text-changed", nieuw = n(t.nieuw), weg = n(t.weg))
        };
        let name = match t.element.as_str() {
            "" => escape(&t.bestand).into_owned(),
            element => format!("{} ({})", escape(&t.bestand), escape(element)),
        };
        let _ = writeln!(out, "  {name:<42} {what}");
    }
    out
}

/// The view model of the diff's PDF: every value formatted, ready for
/// `verschillen.typ.j2`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DiffView {
    pub titel: String,
    pub project: String,
    pub bevoegdheid: String,
    pub oud: String,
    pub nieuw: String,
    pub kop_oud: String,
    pub kop_nieuw: String,
    pub structuur: Vec<StructuurRij>,
    pub artikelen: Vec<CijferRij>,
    pub ontvangsten: Vec<CijferRij>,
    pub ises: Vec<CijferRij>,
    pub teksten: Vec<TekstRij>,
}

/// A changed text in the PDF; the template says it in words.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TekstRij {
    pub bestand: String,
    pub element: String,
    pub nieuw: usize,
    pub weg: usize,
    pub alleen_nieuw: bool,
    pub alleen_oud: bool,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct StructuurRij {
    pub soort: String,
    pub element: String,
    pub id: String,
    pub van: String,
    pub naar: String,
    pub reden: String,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct CijferRij {
    pub code: String,
    /// The article's description, an ISE's name.
    pub titel: String,
    /// "was <old code>" for a recoded article, else empty.
    pub was: String,
    pub vak: [String; 3],
    /// Empty for revenue, which has one amount (in `vak`).
    pub vek: [String; 3],
}

/// The VAK (or VEK) columns of a row, formatted: old, new, difference. A
/// figure missing from one document is "–".
fn kolommen(r: &Cijferwijziging, vek: bool) -> [String; 3] {
    let v = |x: Option<(i64, i64)>| x.map(|p| if vek { p.1 } else { p.0 });
    let cell = |x: Option<(i64, i64)>| v(x).map_or("–".to_string(), format::integer);
    [cell(r.oud), cell(r.nieuw), format::integer(v(r.nieuw).unwrap_or(0) - v(r.oud).unwrap_or(0))]
}

/// A row of the PDF's figures.
fn cijfer_rij(r: &Cijferwijziging) -> CijferRij {
    CijferRij {
        code: r.code.clone(),
        titel: r.titel.clone(),
        was: r.oude_code.as_ref().map(|o| format!("was {o}")).unwrap_or_default(),
        vak: kolommen(r, false),
        vek: if r.ontvangst { Default::default() } else { kolommen(r, true) },
    }
}

fn structuur_rij(w: &Structuurwijziging, soort: String) -> StructuurRij {
    StructuurRij {
        soort,
        element: w.kort.clone(),
        id: w.id.clone(),
        van: w.van.clone().unwrap_or_default(),
        naar: w.naar.clone().unwrap_or_default(),
        reden: w.reden.clone().unwrap_or_default(),
    }
}

/// The PDF's rows of the structure: each split or merge with the moves it
/// explains right under it, then the other changes.
fn structuur_rijen(d: &Diff) -> Vec<StructuurRij> {
    let mut out = Vec::new();
    for g in &d.groepen {
        let join = |v: &[(String, String)], f: fn(&(String, String)) -> &String| {
            v.iter().map(f).map(String::as_str).collect::<Vec<_>>().join("\n")
        };
        out.push(StructuurRij {
            soort: g.soort.to_string(),
            element: g.element.name().to_string(),
            id: join(&g.van, |x| &x.0),
            van: join(&g.van, |x| &x.1),
            naar: join(&g.naar, |x| &x.1),
            reden: g.reden.clone().unwrap_or_default(),
        });
        let by = if g.soort == "gesplitst" { "verplaatst (bij splitsing)" } else { "verplaatst (bij samenvoeging)" };
        out.extend(g.mee.iter().map(|m| structuur_rij(m, by.to_string())));
    }
    out.extend(d.structuur.iter().map(|w| structuur_rij(w, w.soort.to_string())));
    out.extend(d.artikelwijzigingen.iter().map(|a| {
        let (van, naar) = a.van_naar("\n");
        StructuurRij {
            soort: a.soort.to_string(),
            element: "artikel".to_string(),
            id: a.code.clone(),
            van,
            naar,
            reden: a.reden.clone().unwrap_or_default(),
        }
    }));
    out
}

/// The view of `d`, comparing documents of the project `new`.
pub fn view(d: &Diff, new: &Inputs) -> DiffView {
    let bn = &new.beleidsnota;
    DiffView {
        titel: format!("Verschillen {} – {}", d.oud, d.nieuw),
        project: bn.titel.clone(),
        bevoegdheid: bn.bevoegdheid.clone(),
        oud: d.oud.clone(),
        nieuw: d.nieuw.clone(),
        kop_oud: d.kop_oud.clone(),
        kop_nieuw: d.kop_nieuw.clone(),
        structuur: structuur_rijen(d),
        artikelen: d.artikelen.iter().map(cijfer_rij).collect(),
        ontvangsten: d.ontvangsten.iter().map(cijfer_rij).collect(),
        ises: d.ises.iter().map(cijfer_rij).collect(),
        teksten: d
            .teksten
            .iter()
            .map(|t| TekstRij {
                bestand: t.bestand.clone(),
                element: t.element.clone(),
                nieuw: t.nieuw,
                weg: t.weg,
                alleen_nieuw: t.alleen_nieuw,
                alleen_oud: t.alleen_oud,
            })
            .collect(),
    }
}

/// The PDF's file name: `verschillen-<project>-<jaar>-<fase>-<jaar>-<fase>.pdf`.
pub fn pdf_name(old: &Inputs, new: &Inputs) -> String {
    format!(
        "verschillen-{}-{}-{}-{}-{}.pdf",
        new.beleidsnota.id,
        old.document.jaar,
        old.document.fase.folder(),
        new.document.jaar,
        new.document.fase.folder()
    )
}

/// The bundled template of the diff's PDF.
pub const DIFF_TEMPLATE: &str = "verschillen.typ.j2";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_change_says_what_it_was_and_is() {
        let mut a = Artikelwijziging {
            soort: "hergecodeerd",
            code: "SB0-1SGE2CA-WT".into(),
            titel: "Aanpak".into(),
            oude_code: Some("SB0-1SGE2BB-WT".into()),
            ise: None,
            reden: None,
        };
        assert_eq!(a.van_naar(" "), ("SB0-1SGE2BB-WT".to_string(), "SB0-1SGE2CA-WT".to_string()));
        a.ise = Some(("ISE SG-B".into(), "ISE SG-C".into()));
        assert_eq!(
            a.van_naar("\n"),
            ("SB0-1SGE2BB-WT\n(ISE SG-B)".to_string(), "SB0-1SGE2CA-WT\n(ISE SG-C)".to_string())
        );
        // Moved without a new code: only the ISEs.
        a.oude_code = None;
        assert_eq!(a.van_naar(" "), ("ISE SG-B".to_string(), "ISE SG-C".to_string()));
    }

    fn rij(code: &str, oud: Option<(i64, i64)>, nieuw: Option<(i64, i64)>, ontvangst: bool) -> Cijferwijziging {
        Cijferwijziging { code: code.into(), oude_code: None, titel: String::new(), oud, nieuw, ontvangst }
    }

    fn leeg() -> Diff {
        Diff {
            oud: "BBT 2025 (BO)".into(),
            nieuw: "BBT 2026 (BO)".into(),
            kop_oud: "BA 2025".into(),
            kop_nieuw: "BO 2026".into(),
            groepen: Vec::new(),
            structuur: Vec::new(),
            artikelwijzigingen: Vec::new(),
            artikelen: Vec::new(),
            ontvangsten: Vec::new(),
            ises: Vec::new(),
            teksten: Vec::new(),
        }
    }

    /// The words after the code on the row of `code`.
    fn cells<'a>(text: &'a str, code: &str) -> Vec<&'a str> {
        let line = text.lines().find(|l| l.trim_start().starts_with(code)).expect("the article's line");
        line.split_whitespace().skip(1).collect()
    }

    /// Revenue has one amount, in a section of its own: no VAK or VEK
    /// columns; expenditure has both.
    #[test]
    fn revenue_has_its_own_section_with_one_amount() {
        let d = Diff {
            ontvangsten: vec![
                rij("QB0-0QBC2EA-WT", Some((584, 0)), Some((619, 0)), true),
                rij("QB0-0QBC2EB-WT", None, Some((120, 0)), true),
                rij("QB0-0QBC2EC-WT", Some((1_500, 0)), None, true),
            ],
            artikelen: vec![
                rij("QB0-1QBC2EA-WT", Some((3_988, 3_816)), Some((4_768, 4_542)), false),
                rij("QB0-1QBC2EB-WT", None, Some((10, 0)), false),
            ],
            ..leeg()
        };
        let text = report(&d);
        for (code, terminal, pdf) in [
            ("QB0-0QBC2EA-WT", vec!["584", "619", "35"], ["584", "619", "35", "", "", ""]),
            ("QB0-0QBC2EB-WT", vec!["–", "120", "120"], ["–", "120", "120", "", "", ""]),
            ("QB0-0QBC2EC-WT", vec!["1.500", "–", "-1.500"], ["1.500", "–", "-1.500", "", "", ""]),
            (
                "QB0-1QBC2EA-WT",
                vec!["3.988", "4.768", "780", "3.816", "4.542", "726"],
                ["3.988", "4.768", "780", "3.816", "4.542", "726"],
            ),
            ("QB0-1QBC2EB-WT", vec!["–", "10", "10", "–", "0", "0"], ["–", "10", "10", "–", "0", "0"]),
        ] {
            assert_eq!(cells(&text, code), terminal, "{code}");
            let r = d.artikelen.iter().chain(&d.ontvangsten).find(|r| r.code == code).unwrap();
            let c = cijfer_rij(r);
            let got: Vec<&str> = c.vak.iter().chain(&c.vek).map(String::as_str).collect();
            assert_eq!(got, pdf, "{code}");
        }
        // Revenue stands after the expenditure, under a heading of its own
        // whose columns are not VAK.
        let (uitgaven, ontvangsten) = (text.find("QB0-1QBC2EA-WT").unwrap(), text.find("QB0-0QBC2EA-WT").unwrap());
        assert!(uitgaven < ontvangsten, "{text}");
        let section = &text[..ontvangsten];
        let head = section.lines().rev().find(|l| !l.trim().is_empty()).unwrap();
        assert!(!head.contains("VAK") && !head.contains("VEK"), "{head}");
    }

    #[test]
    fn a_split_is_one_change_with_what_moved_along() {
        let d = Diff {
            groepen: vec![Groepswijziging {
                soort: "gesplitst",
                element: ElementSoort::Ise,
                van: vec![("ise-a".into(), "ISE A – Oud".into())],
                naar: vec![("ise-a".into(), "ISE A – Oud".into()), ("ise-b".into(), "ISE B – Nieuw".into())],
                mee: vec![Structuurwijziging {
                    soort: "verplaatst",
                    element: ElementSoort::Od,
                    id: "od-x".into(),
                    kort: "OD 1.1".into(),
                    van: Some("ise-a".into()),
                    naar: Some("ise-b".into()),
                    reden: None,
                }],
                reden: Some("Eigen ISE.".into()),
            }],
            ..leeg()
        };
        let text = report(&d);
        assert!(text.contains("Structuur: 1 wijziging\n"), "{text}");
        assert!(text.contains("  gesplitst    ise-a"), "{text}");
        assert!(text.contains("→ ise-b"), "{text}");
        assert!(text.contains("od-x") && text.contains("reden: Eigen ISE."), "{text}");
        assert!(!text.contains("nieuw       ise-b"), "{text}");
        let rows = structuur_rijen(&d);
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].soort.as_str(), rows[0].naar.as_str()), ("gesplitst", "ISE A – Oud\nISE B – Nieuw"));
        assert_eq!(rows[1].soort, "verplaatst (bij splitsing)");
    }

    #[test]
    fn the_report_escapes_what_the_inputs_hold() {
        let d = Diff {
            structuur: vec![Structuurwijziging {
                soort: "hernoemd",
                element: ElementSoort::Od,
                id: "od-\u{1b}[2J".into(),
                kort: "OD 1.1".into(),
                van: Some("Oud\nwrote x.pdf".into()),
                naar: Some("Nieuw\u{202e}\u{7}".into()),
                reden: Some("Reden\u{1b}]0;x\u{7}".into()),
            }],
            artikelen: vec![Cijferwijziging {
                oude_code: Some("A\rB".into()),
                ..rij("QB0-\u{9b}2J", Some((1, 1)), Some((2, 2)), false)
            }],
            ..leeg()
        };
        let text = report(&d);
        assert!(!text.chars().any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'), "{text}");
        for shown in [
            "od-\\u{1b}[2J",
            "Oud\\nwrote x.pdf  →  Nieuw\\u{202e}\\u{7}",
            "QB0-\\u{9b}2J (was A\\rB)",
            "Reden\\u{1b}]0;x\\u{7}",
        ] {
            assert!(text.contains(shown), "no {shown} in {text}");
        }
    }
}
