//! `bbt diff OLD NEW`: what changed between two documents — the structure
//! (objectives, ISEs, beleidsvelden; followed by id) and the printed figures per
//! article (followed through declared recodings) and per ISE.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

use crate::diag::escape;
use crate::i18n::n;
use crate::load::Inputs;
use crate::model::budget::{ArtikelCode, ArtikelSoort, Krediet};
use crate::model::{Artikel, ElementSoort, IseCode, Structuur, afronding};
use crate::render::format;
use crate::tr;

/// A change to the structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Structuurwijziging {
    /// "nieuw", "geschrapt", "hernoemd", "verplaatst"
    pub soort: &'static str,
    pub element: ElementSoort,
    pub id: String,
    pub van: Option<String>,
    pub naar: Option<String>,
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
    pub structuur: Vec<Structuurwijziging>,
    pub artikelen: Vec<Cijferwijziging>,
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
        });
    }
    out
}

/// id → (kind, label, where it stands: parent, and for an OD also its ISE).
fn elements(s: &Structuur) -> BTreeMap<String, (ElementSoort, String, Option<String>)> {
    s.elements()
        .into_iter()
        .map(|e| {
            let plaats = match (e.parent, e.ise) {
                (Some(p), Some(i)) => Some(format!("{p} / {i}")),
                (p, _) => p.map(|p| p.0.clone()),
            };
            (e.id.0.clone(), (e.soort, s.label(e.id).unwrap_or_default(), plaats))
        })
        .collect()
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
    let (eo, en) = (elements(&old.document.structuur), elements(&new.document.structuur));
    let mut structuur = Vec::new();
    for (id, (soort, label, parent)) in &en {
        match eo.get(id) {
            None => structuur.push(Structuurwijziging {
                soort: "nieuw",
                element: *soort,
                id: id.clone(),
                van: None,
                naar: Some(label.clone()),
            }),
            Some((_, old_label, old_parent)) => {
                if old_label != label {
                    structuur.push(Structuurwijziging {
                        soort: "hernoemd",
                        element: *soort,
                        id: id.clone(),
                        van: Some(old_label.clone()),
                        naar: Some(label.clone()),
                    });
                }
                if old_parent != parent {
                    structuur.push(Structuurwijziging {
                        soort: "verplaatst",
                        element: *soort,
                        id: id.clone(),
                        van: old_parent.clone(),
                        naar: parent.clone(),
                    });
                }
            }
        }
    }
    for (id, (soort, label, _)) in &eo {
        if !en.contains_key(id) {
            structuur.push(Structuurwijziging {
                soort: "geschrapt",
                element: *soort,
                id: id.clone(),
                van: Some(label.clone()),
                naar: None,
            });
        }
    }
    let (_, end_old) = crate::model::Stand::evolutie(old.document.jaar, old.document.fase);
    let (_, end_new) = crate::model::Stand::evolutie(new.document.jaar, new.document.fase);
    // Recodings declared in the new document.
    let recoded: BTreeMap<ArtikelCode, ArtikelCode> = new.document.hercoderingen().into_iter().collect();
    let mut artikelen = Vec::new();
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
    let ise_sum = |inputs: &Inputs, code: &IseCode| -> Option<(i64, i64)> {
        inputs.document.structuur.ise_by_code(code)?;
        Some(
            inputs
                .document
                .begroting
                .uitgaven_van_ise(code)
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
        structuur,
        artikelen,
        ises,
    }
}

/// The terminal report. Revenue has no VAK/VEK split: its amount is in the
/// VAK columns and its VEK columns show "–". Ids, titles and codes come from
/// the inputs: they are [`escape`]d, so that none can act on the terminal or
/// start a line of its own.
pub fn report(d: &Diff) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} → {}", d.oud, d.nieuw);
    let _ = writeln!(out, "\n{}", tr!("diff-structure", n = n(d.structuur.len())));
    for w in &d.structuur {
        let detail = match (&w.van, &w.naar) {
            (Some(v), Some(n)) => format!("{}  →  {}", escape(v), escape(n)),
            (None, Some(n)) => escape(n).into_owned(),
            (Some(v), None) => escape(v).into_owned(),
            (None, None) => String::new(),
        };
        let _ = writeln!(out, "  {:<11} {:<26} {detail}", w.soort, escape(&w.id));
    }
    for (title, rows) in [(tr!("diff-articles-title"), &d.artikelen), (tr!("diff-ises-title"), &d.ises)] {
        let _ = writeln!(
            out,
            "\n{}",
            tr!("diff-figures", titel = title, n = n(rows.len()), oud = &d.kop_oud, nieuw = &d.kop_nieuw)
        );
        let _ = writeln!(
            out,
            "  {:<34} {:>10} {:>10} {:>9}   {:>10} {:>10} {:>9}",
            "",
            tr!("diff-vak-old"),
            tr!("diff-vak-new"),
            tr!("diff-difference"),
            tr!("diff-vek-old"),
            tr!("diff-vek-new"),
            tr!("diff-difference")
        );
        for r in rows {
            let name = match &r.oude_code {
                Some(o) => format!("{} ({})", escape(&r.code), tr!("diff-was", code = escape(o))),
                None => escape(&r.code).into_owned(),
            };
            let ([vo, vn, vd], [eo, en, ed]) = (kolommen(r, false, "–"), kolommen(r, true, "–"));
            let _ = writeln!(out, "  {name:<34} {vo:>10} {vn:>10} {vd:>9}   {eo:>10} {en:>10} {ed:>9}");
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
        let _ = writeln!(out, "  {:<38} {what}", escape(&t.bestand));
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
    pub ises: Vec<CijferRij>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct StructuurRij {
    pub soort: String,
    pub element: String,
    pub id: String,
    pub van: String,
    pub naar: String,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct CijferRij {
    pub code: String,
    /// "was <old code>" for a recoded article, else empty.
    pub was: String,
    pub vak: [String; 3],
    pub vek: [String; 3],
}

/// The VAK (or VEK) columns of a row, formatted: old, new, difference. A
/// figure missing from one document is "–"; revenue's VEK columns, which do not
/// apply, are `blank`.
fn kolommen(r: &Cijferwijziging, vek: bool, blank: &str) -> [String; 3] {
    if vek && r.ontvangst {
        return [(); 3].map(|_| blank.to_string());
    }
    let v = |x: Option<(i64, i64)>| x.map(|p| if vek { p.1 } else { p.0 });
    let cell = |x: Option<(i64, i64)>| v(x).map_or("–".to_string(), format::integer);
    [cell(r.oud), cell(r.nieuw), format::integer(v(r.nieuw).unwrap_or(0) - v(r.oud).unwrap_or(0))]
}

/// A row of the PDF: revenue's VEK cells are empty, like the VEK of revenue
/// in the document's own article overview.
fn cijfer_rij(r: &Cijferwijziging) -> CijferRij {
    CijferRij {
        code: r.code.clone(),
        was: r.oude_code.as_ref().map(|o| format!("was {o}")).unwrap_or_default(),
        vak: kolommen(r, false, ""),
        vek: kolommen(r, true, ""),
    }
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
        structuur: d
            .structuur
            .iter()
            .map(|w| StructuurRij {
                soort: w.soort.to_string(),
                element: w.element.name().to_string(),
                id: w.id.clone(),
                van: w.van.clone().unwrap_or_default(),
                naar: w.naar.clone().unwrap_or_default(),
            })
            .collect(),
        artikelen: d.artikelen.iter().map(cijfer_rij).collect(),
        ises: d.ises.iter().map(cijfer_rij).collect(),
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

    fn rij(code: &str, oud: Option<(i64, i64)>, nieuw: Option<(i64, i64)>, ontvangst: bool) -> Cijferwijziging {
        Cijferwijziging { code: code.into(), oude_code: None, titel: String::new(), oud, nieuw, ontvangst }
    }

    /// (row, terminal VAK and VEK columns, PDF VAK and VEK cells)
    type Case = (Cijferwijziging, [&'static str; 6], [&'static str; 6]);

    #[test]
    fn revenue_has_no_vek_columns() {
        let cases: Vec<Case> = vec![
            (
                rij("QB0-0QBC2EA-WT", Some((584, 0)), Some((619, 0)), true),
                ["584", "619", "35", "–", "–", "–"],
                ["584", "619", "35", "", "", ""],
            ),
            (
                rij("QB0-0QBC2EB-WT", None, Some((120, 0)), true),
                ["–", "120", "120", "–", "–", "–"],
                ["–", "120", "120", "", "", ""],
            ),
            (
                rij("QB0-0QBC2EC-WT", Some((1_500, 0)), None, true),
                ["1.500", "–", "-1.500", "–", "–", "–"],
                ["1.500", "–", "-1.500", "", "", ""],
            ),
            (
                rij("QB0-1QBC2EA-WT", Some((3_988, 3_816)), Some((4_768, 4_542)), false),
                ["3.988", "4.768", "780", "3.816", "4.542", "726"],
                ["3.988", "4.768", "780", "3.816", "4.542", "726"],
            ),
            (
                rij("QB0-1QBC2EB-WT", None, Some((10, 0)), false),
                ["–", "10", "10", "–", "0", "0"],
                ["–", "10", "10", "–", "0", "0"],
            ),
        ];
        for (r, terminal, pdf) in cases {
            let d = Diff {
                oud: "BBT 2025 (bo)".into(),
                nieuw: "BBT 2026 (bo)".into(),
                kop_oud: "BA 2025".into(),
                kop_nieuw: "BO 2026".into(),
                structuur: Vec::new(),
                artikelen: vec![r.clone()],
                ises: Vec::new(),
                teksten: Vec::new(),
            };
            let text = report(&d);
            let line = text.lines().find(|l| l.trim_start().starts_with(&r.code)).expect("the article's line");
            let words: Vec<&str> = line.split_whitespace().skip(1).collect();
            assert_eq!(words, terminal, "{}", r.code);
            let c = cijfer_rij(&r);
            let cells: Vec<&str> = c.vak.iter().chain(&c.vek).map(String::as_str).collect();
            assert_eq!(cells, pdf, "{}", r.code);
        }
    }

    #[test]
    fn the_report_escapes_what_the_inputs_hold() {
        let d = Diff {
            oud: "BBT 2025 (bo)".into(),
            nieuw: "BBT 2026 (bo)".into(),
            kop_oud: "BA 2025".into(),
            kop_nieuw: "BO 2026".into(),
            structuur: vec![Structuurwijziging {
                soort: "hernoemd",
                element: ElementSoort::Od,
                id: "od-\u{1b}[2J".into(),
                van: Some("Oud\nwrote x.pdf".into()),
                naar: Some("Nieuw\u{202e}\u{7}".into()),
            }],
            artikelen: vec![Cijferwijziging {
                oude_code: Some("A\rB".into()),
                ..rij("QB0-\u{9b}2J", Some((1, 1)), Some((2, 2)), false)
            }],
            ises: Vec::new(),
            teksten: Vec::new(),
        };
        let text = report(&d);
        assert!(!text.chars().any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'), "{text}");
        for shown in ["od-\\u{1b}[2J", "Oud\\nwrote x.pdf  →  Nieuw\\u{202e}\\u{7}", "QB0-\\u{9b}2J (was A\\rB)"] {
            assert!(text.contains(shown), "no {shown} in {text}");
        }
    }
}
