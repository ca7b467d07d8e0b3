//! B rules: budget articles and their figures.

use crate::check::structure::declaration;
use crate::diag::Diagnostic;
use crate::load::Inputs;
use std::collections::HashMap;

use crate::model::budget::{ArtikelCode, ArtikelSoort, Bijstelling, Esr, Krediet, Slot, Stand, UitvoeringRij, Veld};
use crate::model::synthese;
use crate::model::{Artikel, Beleidsnota, Document, EntiteitSoort, Ise, IseCode, Money, Unit, WijzigingSoort};
use crate::{rules, suggest, tr};

pub fn check(inputs: &Inputs, diags: &mut Vec<Diagnostic>) {
    let nota = &inputs.beleidsnota;
    let doc = &inputs.document;
    let begroting = &doc.begroting;
    // A "did you mean" for the first articles in an unknown ISE only.
    let mut suggested = 0..20;
    for art in &begroting.artikelen {
        let ise = doc.structuur.ise_by_code(&art.ise_code);
        if ise.is_none() {
            diags.push(
                rules::UNKNOWN_ISE
                    .report(tr!("b001", code = art.code, ise = &art.ise_code))
                    .at_opt(begroting.cel(art, Veld::Ise))
                    .hint(ise_hint(doc, &art.ise_code, &mut suggested)),
            );
        }
        if let Some(first) = begroting.eerder(art) {
            let mut d = rules::DUPLICATE_ARTICLE
                .report(tr!("b002", code = art.code))
                .at_opt(begroting.rij(art))
                .hint(tr!("b002.hint"));
            if let Some(l) = begroting.rij(first) {
                d = d.related(l, tr!("first-here"));
            }
            diags.push(d);
        }
        if art.soort() == ArtikelSoort::Uitgave && art.volledig {
            check_evolution(doc, art, diags);
        }
        check_code(nota, doc, art, ise.map(|i| &i.code), diags);
        check_doelstellingen(doc, art, ise, diags);
    }
    if begroting.volledig {
        check_empty_ises(inputs, diags);
    }
    check_totals(doc, diags);
    check_compensaties(inputs, diags);
    check_uitvoering(nota, doc, diags);
}

/// A "did you mean" for an ISE code the structure does not know (the first
/// ones only: `suggested` counts them down), or else the codes it knows.
fn ise_hint(doc: &Document, typed: &IseCode, suggested: &mut std::ops::Range<u32>) -> String {
    let codes = || doc.structuur.ises().map(|(_, i)| i.code.as_str());
    match suggested.next().and_then(|_| suggest::closest(typed.as_str(), codes())) {
        Some(near) => tr!("did-you-mean", naam = format!("'{near}'")),
        None => tr!("known-ises", list = codes().collect::<Vec<_>>().join(", ")),
    }
}

/// The rows of the sheet Uitvoering: each in an ISE of this year's
/// structure (its outturn is printed there), once, under the entity its code
/// names (the entity decides the table it is counted in).
fn check_uitvoering(nota: &Beleidsnota, doc: &Document, diags: &mut Vec<Diagnostic>) {
    let b = &doc.begroting;
    let mut suggested = 0..20;
    let mut gezien: HashMap<ArtikelCode, &UitvoeringRij> = HashMap::new();
    for u in &b.uitvoering {
        // An empty ISE or Entiteit cell is already reported where it was read (W005).
        if !u.ise_code.as_str().is_empty() && doc.structuur.ise_by_code(&u.ise_code).is_none() {
            diags.push(
                rules::UNKNOWN_ISE
                    .report(tr!("b001-outturn", code = u.code, ise = &u.ise_code))
                    .at_opt(b.uitvoering_cel(u, Veld::Ise))
                    .hint(ise_hint(doc, &u.ise_code, &mut suggested))
                    .hint(tr!("b001-outturn.hint")),
            );
        }
        match gezien.get(&u.code) {
            Some(first) => {
                let mut d = rules::DUPLICATE_ARTICLE
                    .report(tr!("b002-outturn", code = u.code))
                    .at_opt(b.uitvoering_cel(u, Veld::Artikel))
                    .hint(tr!("b002-outturn.hint"));
                if let Some(l) = b.uitvoering_cel(first, Veld::Artikel) {
                    d = d.related(l, tr!("first-here"));
                }
                diags.push(d);
            }
            None => {
                gezien.insert(u.code, u);
            }
        }
        match (&u.ontvanger, u.code.esr()) {
            (Some(r), Esr::Is) if nota.entiteit(r).is_none() => diags.push(
                rules::DOTATION_LINK
                    .report(tr!("b006-unknown-receiver", code = u.code, ontvanger = r))
                    .at_opt(b.uitvoering_cel(u, Veld::Ontvanger))
                    .hint(tr!("b006-unknown-receiver.hint")),
            ),
            (Some(r), esr) if esr != Esr::Is => diags.push(
                rules::DOTATION_LINK
                    .report(tr!("b006-not-is", code = u.code, ontvanger = r))
                    .at_opt(b.uitvoering_cel(u, Veld::Ontvanger))
                    .hint(tr!("b006-not-is.hint")),
            ),
            _ => {}
        }
        if u.entiteit.as_str().is_empty() {
            continue;
        }
        if u.code.entiteit() != u.entiteit {
            diags.push(
                rules::CODE_MISMATCH
                    .report(tr!(
                        "b005-entity",
                        code = u.code,
                        code_entiteit = u.code.entiteit(),
                        entiteit = &u.entiteit
                    ))
                    .at_opt(b.uitvoering_cel(u, Veld::Entiteit))
                    .hint(tr!("b005-entity.hint")),
            );
        } else if nota.entiteit(&u.entiteit).is_none() {
            let known = nota.entiteiten.iter().map(|e| e.code.as_str());
            let hint = suggest::closest(u.entiteit.as_str(), known).map_or_else(
                || tr!("b005-unknown-entity.hint"),
                |near| tr!("did-you-mean", naam = format!("'{near}'")),
            );
            diags.push(
                rules::CODE_MISMATCH
                    .report(tr!("b005-unknown-entity", code = u.code, entiteit = &u.entiteit))
                    .at_opt(b.uitvoering_cel(u, Veld::Entiteit))
                    .hint(hint),
            );
        }
    }
}

/// The article code agrees with the entity, ISE and credit kind it is filed
/// under, unless the article is declared moved; a dotation names its receiver.
fn check_code(nota: &Beleidsnota, doc: &Document, art: &Artikel, ise: Option<&IseCode>, diags: &mut Vec<Diagnostic>) {
    let d = &art.code;
    let at = doc.begroting.rij(art);
    let mismatch = |msg: String, hint: String| rules::CODE_MISMATCH.report(msg).at_opt(at.clone()).hint(hint);
    // The letter O typed for the digit 0 (SBO for SB0): said as such.
    let o_for_zero = |typed: &str, meant: &str| {
        crate::suggest::look_alike(typed, meant).then(|| tr!("look-alike", getypt = typed, bedoeld = meant))
    };
    if d.entiteit() != art.entiteit {
        let mut diag = mismatch(
            tr!("b005-entity", code = art.code, code_entiteit = d.entiteit(), entiteit = &art.entiteit),
            tr!("b005-entity.hint"),
        );
        // The one the beleidsnota knows is the one meant.
        let (code_ent, row_ent) = (d.entiteit(), &art.entiteit);
        let pair = match (nota.entiteit(&code_ent).is_some(), nota.entiteit(row_ent).is_some()) {
            (true, false) => Some((row_ent.as_str(), code_ent.as_str())),
            (false, true) => Some((code_ent.as_str(), row_ent.as_str())),
            _ => None,
        };
        if let Some(hint) = pair.and_then(|(typed, meant)| o_for_zero(typed, meant)) {
            diag = diag.hint(hint);
        }
        // The Entiteit cell when that is the one to correct (the code is right).
        if matches!(pair, Some((typed, _)) if typed == row_ent.as_str())
            && let Some(cell) = doc.begroting.cel(art, Veld::Entiteit)
        {
            diag = diag.at(cell);
        }
        diags.push(diag);
    } else if nota.entiteit(&art.entiteit).is_none() {
        let known: Vec<&str> = nota.entiteiten.iter().map(|e| e.code.as_str()).collect();
        let hint = crate::suggest::closest(art.entiteit.as_str(), known.iter().copied())
            .map(|meant| {
                o_for_zero(art.entiteit.as_str(), meant)
                    .unwrap_or_else(|| tr!("did-you-mean", naam = format!("'{meant}'")))
            })
            .unwrap_or_else(|| tr!("b005-unknown-entity.hint"));
        diags.push(mismatch(tr!("b005-unknown-entity", code = art.code, entiteit = &art.entiteit), hint));
    }
    if let Some(code) = ise {
        let declared = doc.wijzigingen.iter().any(|w| w.declares_artikel(WijzigingSoort::Verplaatst, art.code));
        if d.ise() != *code && !declared {
            diags.push(
                rules::CODE_MISMATCH
                    .report(tr!("b005-ise", code = art.code, code_ise = d.ise(), ise = code))
                    .at_opt(doc.begroting.cel(art, Veld::Ise))
                    .hint(tr!("b005-ise.hint", yaml = declaration(WijzigingSoort::Verplaatst, &art.code.to_string()))),
            );
        }
    }
    check_soort(nota, doc, art, diags);
    if art.soort() == ArtikelSoort::Uitgave && !matches!(d.kredietsoort(), '1' | '2' | '4' | '5') {
        diags.push(mismatch(tr!("b005-kind", code = art.code, teken = d.kredietsoort()), tr!("b005-kind.hint")));
    }
    match (&art.ontvanger, d.esr()) {
        (None, Esr::Is) => diags.push(
            rules::DOTATION_LINK
                .report(tr!("b006-no-receiver", code = art.code))
                .at_opt(at.clone())
                .hint(tr!("b006-no-receiver.hint")),
        ),
        (Some(r), Esr::Is) if nota.entiteit(r).is_none() => diags.push(
            rules::DOTATION_LINK
                .report(tr!("b006-unknown-receiver", code = art.code, ontvanger = r))
                .at_opt(at.clone())
                .hint(tr!("b006-unknown-receiver.hint")),
        ),
        // A dotation goes to an entity with a budget of its own: to the
        // ministry's own departement or an IVA, the ISE table of the ministry
        // would count the money twice.
        (Some(r), Esr::Is) if r == &art.entiteit || nota.entiteit(r).and_then(|e| e.soort).is_some_and(|s| s.mvg()) => {
            let at = doc.begroting.cel(art, Veld::Ontvanger);
            let soort = nota.entiteit(r).and_then(|e| e.soort).filter(|_| r != &art.entiteit);
            let diag = match soort {
                Some(s) => {
                    let diag = rules::DOTATION_LINK
                        .report(tr!("b006-mvg-receiver", code = art.code, ontvanger = r, soort = s.naam()))
                        .at_opt(at)
                        .hint(tr!("b006-mvg-receiver.hint"));
                    match nota.entiteit(r).and_then(|e| e.soort_loc.clone()) {
                        Some(loc) => diag.related(loc, tr!("b006-mvg-receiver.related", ontvanger = r)),
                        None => diag,
                    }
                }
                None => rules::DOTATION_LINK
                    .report(tr!("b006-own-receiver", code = art.code, ontvanger = r))
                    .at_opt(at)
                    .hint(tr!("b006-own-receiver.hint")),
            };
            diags.push(diag);
        }
        (Some(r), esr) if esr != Esr::Is => diags.push(
            rules::DOTATION_LINK
                .report(tr!("b006-not-is", code = art.code, ontvanger = r))
                .at_opt(at.clone())
                .hint(tr!("b006-not-is.hint")),
        ),
        _ => {}
    }
}

/// An expenditure article's fifth character fits the type of its entity:
/// `A` for a Vlaamse rechtspersoon, `1` for the departement and the IVA's
/// (inferred from real codes, domain.md §3: a warning). A DAB's is not known.
/// Every OD an article's `Doelstellingen` cell names exists in the year's
/// structure, and is clustered under the article's own ISE.
fn check_doelstellingen(doc: &Document, art: &Artikel, ise: Option<&Ise>, diags: &mut Vec<Diagnostic>) {
    let at = || doc.begroting.cel(art, Veld::Doelstellingen);
    for naam in &art.doelstellingen {
        match doc.structuur.od_genoemd(naam) {
            None => {
                let known: Vec<String> = doc.structuur.ods().map(|(_, o)| o.nummer.clone()).collect();
                let typed = naam.trim_start_matches(['O', 'D', 'o', 'd', ' ']);
                let hint = match crate::suggest::closest(typed, known.iter().map(String::as_str)) {
                    Some(near) => tr!("did-you-mean", naam = format!("'{near}'")),
                    None => tr!("b013.hint", lijst = known.join(", ")),
                };
                diags.push(
                    rules::UNKNOWN_OBJECTIVE.report(tr!("b013", code = art.code, naam = naam)).at_opt(at()).hint(hint),
                );
            }
            Some((_, od)) if ise.is_some_and(|i| i.id != od.ise) => {
                let od_ise = doc.structuur.ise(&od.ise).map_or_else(|| od.ise.0.clone(), |i| i.code.to_string());
                let mut d = rules::OBJECTIVE_OF_OTHER_ISE
                    .report(tr!("b014", code = art.code, od = od.nummer.as_str(), od_ise = od_ise, ise = &art.ise_code))
                    .at_opt(at())
                    .hint(tr!("b014.hint"));
                if let Some(loc) = od.ise_loc.clone() {
                    d = d.related(loc, tr!("b014.related", od = od.nummer.as_str()));
                }
                diags.push(d);
            }
            Some(_) => {}
        }
    }
}

fn check_soort(nota: &Beleidsnota, doc: &Document, art: &Artikel, diags: &mut Vec<Diagnostic>) {
    let Some((entiteit, soort)) = nota.entiteit(&art.entiteit).and_then(|e| Some((e, e.soort?))) else {
        return;
    };
    let verwacht = match soort {
        EntiteitSoort::Eva => 'A',
        EntiteitSoort::Departement | EntiteitSoort::Iva => '1',
        EntiteitSoort::Dab => return,
    };
    let teken = art.code.soort();
    // A code of another entity than the row's is B005's.
    if art.soort() != ArtikelSoort::Uitgave || teken == verwacht || art.code.entiteit() != art.entiteit {
        return;
    }
    let mut diag = rules::ENTITY_TYPE
        .report(tr!(
            "b012",
            code = art.code,
            teken = teken.to_string(),
            entiteit = &art.entiteit,
            soort = soort.naam(),
            verwacht = verwacht.to_string()
        ))
        .at_opt(doc.begroting.rij(art))
        .hint(tr!("b012.hint"));
    if let Some(loc) = entiteit.soort_loc.clone() {
        diag = diag.related(loc, tr!("b012.related", entiteit = &art.entiteit));
    }
    diags.push(diag);
}

/// Every ISE of the year has articles, or says why not.
fn check_empty_ises(inputs: &Inputs, diags: &mut Vec<Diagnostic>) {
    let doc = &inputs.document;
    for (_, ise) in doc.structuur.ises() {
        let has = doc.begroting.artikelen.iter().any(|a| a.ise_code == ise.code);
        let excused = ise.zonder_kredieten.as_deref().is_some_and(|r| !r.trim().is_empty());
        if !has && !excused {
            diags.push(
                rules::EMPTY_ISE
                    .report(tr!("b004", ise = &ise.code, naam = &ise.naam))
                    .at_opt(ise.loc.clone())
                    .hint(tr!("b004.hint", yaml = format!("{{ ise: {}, zonder_kredieten: <reden> }}", ise.id))),
            );
        }
    }
}

/// Totals typed in the workbook equal the computed ones, cell by cell.
fn check_totals(doc: &Document, diags: &mut Vec<Diagnostic>) {
    let begroting = &doc.begroting;
    let unit = doc.meta.eenheid;
    for t in &begroting.totalen {
        let scope: Vec<&Artikel> = t.scope(&begroting.artikelen).collect();
        let blad = crate::model::budget::Blad::van(t.soort);
        let row = begroting.cellen.cel(blad, t.rij, Veld::Artikel);
        if let Some(code) = &t.ise_code
            && doc.structuur.ise_by_code(code).is_none()
        {
            diags.push(
                rules::TOTAL_MISMATCH
                    .report(tr!("b007-no-ise", label = &t.label))
                    .at_opt(row.clone())
                    .hint(tr!("b007-no-ise.hint")),
            );
            continue;
        }
        let (van, naar) = Stand::evolutie(doc.jaar, doc.fase);
        for &(slot, typed) in &t.bedragen {
            let computed: Money = scope.iter().map(|a| a.bedrag(slot)).sum();
            if typed == computed {
                continue;
            }
            let k = slot.krediet();
            let what = match slot {
                Slot::Van(_) => format!("{} {}", k.label(), van.label()),
                Slot::Bij(b, _) => format!("{} {}", k.label(), b.label().to_lowercase()),
                Slot::Naar(_) => format!("{} {}", k.label(), naar.label()),
            };
            diags.push(
                rules::TOTAL_MISMATCH
                    .report(tr!(
                        "b007",
                        label = &t.label,
                        wat = what,
                        getypt = typed.in_unit(unit),
                        berekend = computed.in_unit(unit)
                    ))
                    .at_opt(begroting.cellen.cel(blad, t.rij, Veld::Bedrag(slot)).or(row.clone()))
                    .hint(tr!("b007.hint")),
            );
        }
    }
}

/// The net of the compensaties over a set of articles, VAK and VEK.
pub fn compensaties_net(artikelen: &[&Artikel]) -> (Money, Money) {
    (
        synthese::som_bijstelling(artikelen, Bijstelling::Compensaties, Krediet::Vak),
        synthese::som_bijstelling(artikelen, Bijstelling::Compensaties, Krediet::Vek),
    )
}

fn check_compensaties(inputs: &Inputs, diags: &mut Vec<Diagnostic>) {
    let arts: Vec<&Artikel> = inputs.document.begroting.artikelen.iter().collect();
    let (vak, vek) = compensaties_net(&arts);
    let unit = inputs.document.meta.eenheid;
    if !vak.is_zero() || !vek.is_zero() {
        diags.push(
            rules::COMPENSATIES_NET
                .report(tr!("b008", vak = vak.in_unit(unit), vek = vek.in_unit(unit)))
                .at(crate::diag::Location::File { file: inputs.workbook.clone() })
                .hint(tr!("b008.hint")),
        );
    }
}

/// Over several projects checked at once, the compensaties net to zero.
pub fn check_across(projects: &[&Inputs]) -> Vec<Diagnostic> {
    compensaties_across(projects)
}

/// B009: the compensaties of several projects net to zero together.
fn compensaties_across(projects: &[&Inputs]) -> Vec<Diagnostic> {
    let arts: Vec<&Artikel> = projects.iter().flat_map(|p| p.document.begroting.artikelen.iter()).collect();
    let (vak, vek) = compensaties_net(&arts);
    if vak.is_zero() && vek.is_zero() {
        return Vec::new();
    }
    // In the projects' unit when they share one, else in euro.
    let units: Vec<Unit> = projects.iter().map(|p| p.document.meta.eenheid).collect();
    let unit = units.first().copied().filter(|u| units.iter().all(|x| x == u)).unwrap_or(Unit::Euro);
    let per: Vec<String> = projects
        .iter()
        .map(|p| {
            let a: Vec<&Artikel> = p.document.begroting.artikelen.iter().collect();
            let (v, e) = compensaties_net(&a);
            format!("{}: {} / {}", p.beleidsnota.id, v.in_unit(unit), e.in_unit(unit))
        })
        .collect();
    vec![
        rules::COMPENSATIES_ACROSS
            .report(tr!("b009", aantal = projects.len(), vak = vak.in_unit(unit), vek = vek.in_unit(unit)))
            .hint(tr!("b009.hint", per = per.join("; "))),
    ]
}

fn check_evolution(doc: &Document, art: &Artikel, diags: &mut Vec<Diagnostic>) {
    let (van, naar) = Stand::evolutie(doc.jaar, doc.fase);
    let unit = doc.meta.eenheid;
    for k in [Krediet::Vak, Krediet::Vek] {
        let Some(e) = art.bedragen.evolutie(k) else { continue };
        let (expected, actual) = (e.verwacht(), e.naar);
        if expected != actual {
            let loc = doc.begroting.cel(art, Veld::Bedrag(Slot::Naar(k)));
            diags.push(
                rules::EVOLUTION_MISMATCH
                    .report(tr!(
                        "b003",
                        krediet = k.label(),
                        code = art.code,
                        van = van.label(),
                        verwacht = expected.in_unit(unit),
                        naar = naar.label(),
                        werkelijk = actual.in_unit(unit)
                    ))
                    .at_opt(loc)
                    .hint(tr!("b003.hint", verschil = (actual - expected).in_unit(unit), naar = naar.label())),
            );
        }
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::model::Artikel;

    /// An expenditure article of a BO 2025 document with the given VAK
    /// kredietevolutie (in euro cents); VEK is left consistent at zero.
    fn artikel(ba: i64, index: i64, comp: i64, andere: i64, bo: i64) -> Artikel {
        Artikel::for_tests("SB0-1SFE2AA-WT", "SF-A")
            .with(Slot::Van(Krediet::Vak), ba)
            .with(Slot::Naar(Krediet::Vak), bo)
            .with(Slot::Bij(Bijstelling::Index, Krediet::Vak), index)
            .with(Slot::Bij(Bijstelling::Compensaties, Krediet::Vak), comp)
            .with(Slot::Bij(Bijstelling::Andere, Krediet::Vak), andere)
    }

    fn document(artikelen: Vec<Artikel>) -> Document {
        let mut doc = Document::empty_for_tests();
        doc.begroting = crate::model::Begroting::new(artikelen, Vec::new(), true, Default::default());
        doc
    }

    #[test]
    fn kredietevolutie_must_add_up_exactly() {
        // (BA 2024, index, compensaties, andere, BO 2025, the difference reported if any)
        let k = 100_000; // one thousand euro, in cents
        let cases: &[(i64, i64, i64, i64, i64, Option<&str>)] = &[
            (327_710 * k, 5_547 * k, -4_917 * k, -38_219 * k, 290_121 * k, None),
            (0, 0, 0, 0, 0, None),
            (1_000 * k, 0, 0, -1_000 * k, 0, None),
            (100, 1, -1, 0, 100, None),
            (327_710 * k, 5_547 * k, -4_917 * k, -38_219 * k, 290_122 * k, Some("1 duizend euro")),
            (100, 0, 0, 0, 99, Some("-0,00001 duizend euro")),
            (0, 0, 0, 0, 1, Some("0,00001 duizend euro")),
        ];
        for &(ba, index, comp, andere, bo, diff) in cases {
            let doc = document(vec![artikel(ba, index, comp, andere, bo)]);
            let mut diags = Vec::new();
            check_evolution(&doc, &doc.begroting.artikelen[0], &mut diags);
            let evolution: Vec<&Diagnostic> = diags.iter().filter(|d| d.code == rules::EVOLUTION_MISMATCH).collect();
            match diff {
                None => assert!(evolution.is_empty(), "{ba} {index} {comp} {andere} {bo}: {evolution:?}"),
                Some(d) => {
                    assert_eq!(evolution.len(), 1, "{ba} {index} {comp} {andere} {bo}");
                    assert!(evolution[0].hints[0].contains(&format!("Het verschil is {d}")), "{:?}", evolution[0]);
                }
            }
        }
    }
}
