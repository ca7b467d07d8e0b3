//! S rules: the beleidsnota's own structure ([`check_nota`]), the year's clustering against its baseline (the beleidsnota for
//! the first document of the term, else the previous document), the change
//! record that must declare every difference, and the narrative's presence.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::diag::{Diagnostic, Location};
use crate::load::Inputs;
use crate::model::structure::Element;
use crate::model::year::Attrs;
use crate::model::{Beleidsnota, ElementSoort, Id, Verwijzing, Wijziging, WijzigingSoort};
use crate::{rules, suggest, tr};

/// The attributes the year wrote for each element, with their places.
fn restated_attrs(inputs: &Inputs) -> BTreeMap<&Id, &Attrs> {
    let mut map = BTreeMap::new();
    for b in &inputs.document.restated {
        map.insert(&b.id, &b.attrs);
        for i in &b.ises {
            map.insert(&i.id, &i.attrs);
        }
        for s in &b.sds {
            map.insert(&s.id, &s.attrs);
            for o in &s.ods {
                map.insert(&o.id, &o.attrs);
            }
        }
    }
    map
}

/// The declared changes, with the questions the rules ask of them.
struct Record<'a>(&'a [Wijziging]);

impl Record<'_> {
    fn declares(&self, soort: WijzigingSoort, id: &Id) -> bool {
        self.0.iter().any(|w| w.declares(soort, id))
    }

    fn split_or_merge(&self) -> impl Iterator<Item = &Wijziging> {
        self.0.iter().filter(|w| matches!(w.soort, WijzigingSoort::Gesplitst | WijzigingSoort::Samengevoegd))
    }

    /// `id` is the result of a declared split or merge.
    fn made_by_split_or_merge(&self, id: &Id) -> bool {
        self.split_or_merge().any(|w| w.naar.iter().any(|n| n.element() == Some(id)))
    }

    /// `id` was split or merged away.
    fn consumed_by_split_or_merge(&self, id: &Id) -> bool {
        self.split_or_merge().any(|w| w.van.iter().any(|v| v.element() == Some(id)))
    }

    /// Moving from `old` to `new` is what a declared split or merge does.
    fn follows_split_or_merge(&self, old: &Id, new: &Id) -> bool {
        self.split_or_merge()
            .any(|w| w.van.iter().any(|v| v.element() == Some(old)) && w.naar.iter().any(|n| n.element() == Some(new)))
    }
}

/// The beleidsnota's own structure: every id used once and usable, every
/// OD's primary ISE one of its ISEs.
pub fn check_nota(nota: &Beleidsnota, diags: &mut Vec<Diagnostic>) {
    let structuur = &nota.structuur;
    let mut seen: HashMap<&Id, Option<&Location>> = HashMap::new();
    for e in structuur.elements() {
        match seen.entry(e.id) {
            Entry::Occupied(first) => {
                let mut d =
                    rules::DUPLICATE_ID.report(tr!("s001", id = e.id)).at_opt(e.loc.cloned()).hint(tr!("s001.hint"));
                if let Some(l) = first.get() {
                    d = d.related((*l).clone(), tr!("s001.first"));
                }
                diags.push(d);
            }
            Entry::Vacant(v) => {
                v.insert(e.loc);
            }
        }
        if e.id.0.trim().is_empty() || e.id.0.chars().any(char::is_whitespace) {
            diags.push(
                rules::BAD_VALUE.report(tr!("l002-id", id = e.id)).at_opt(e.loc.cloned()).hint(tr!("l002-id.hint")),
            );
        }
    }
    for (_, od) in structuur.ods() {
        if structuur.ise(&od.ise).is_none() {
            diags.push(
                rules::UNKNOWN_REFERENCE
                    .report(tr!("s002", nummer = &od.nummer, ise = &od.ise))
                    .at_opt(od.ise_loc.clone())
                    .hint(match suggest::closest(&od.ise.0, structuur.ises().map(|(_, i)| i.id.0.as_str())) {
                        Some(near) => tr!("did-you-mean", naam = format!("'{near}'")),
                        None => tr!(
                            "known-ises",
                            list = structuur.ises().map(|(_, i)| i.id.0.as_str()).collect::<Vec<_>>().join(", ")
                        ),
                    }),
            );
        }
    }
}

/// The entry of the change record that declares `soort` for `id`, as the
/// user would write it in `bbt.yaml`.
pub fn declaration(soort: WijzigingSoort, id: &str) -> String {
    format!("{{ soort: {}, element: {id}, reden: ... }}", soort.name())
}

fn hint_declare(soort: WijzigingSoort, id: &str) -> String {
    tr!("hint-declare", yaml = declaration(soort, id))
}

pub fn check(inputs: &Inputs, diags: &mut Vec<Diagnostic>) {
    let doc = &inputs.document;
    let base_name = &inputs.baseline.naam;
    let record = Record(&doc.wijzigingen);
    let structure_file = Location::File { file: inputs.document_file.clone() };

    let base = inputs.baseline.structuur.elements();
    let year = doc.structuur.elements();
    let base_by_id: BTreeMap<&Id, &Element> = base.iter().map(|e| (e.id, e)).collect();
    let year_by_id: BTreeMap<&Id, &Element> = year.iter().map(|e| (e.id, e)).collect();
    let attrs = restated_attrs(inputs);
    // The baseline's elements missing this year without a declaration.
    let dropped: Vec<&Element> = base
        .iter()
        .filter(|b| !year_by_id.contains_key(b.id))
        .filter(|b| !record.declares(WijzigingSoort::Geschrapt, b.id) && !record.consumed_by_split_or_merge(b.id))
        .collect();
    // A year's id that is not in the baseline, near one of the same kind
    // that is missing: a typo, reported once as an unknown id with the one
    // meant, never as a new element and a removal (whose help would delete
    // the element).
    let typo = |soort: ElementSoort, id: &Id| -> Option<&Id> {
        let near = suggest::closest(&id.0, dropped.iter().filter(|b| b.soort == soort).map(|b| b.id.0.as_str()))?;
        dropped.iter().map(|b| b.id).find(|b| b.0 == near)
    };
    let mut meant: BTreeSet<&Id> = BTreeSet::new();
    // The slip may be on either side: where the id meant is written is
    // shown too, with the other way to fix it.
    let report_typo = |soort: ElementSoort, id: &Id, near: &Id, loc: Option<Location>, diags: &mut Vec<Diagnostic>| {
        let mut d = rules::UNKNOWN_ID
            .report(tr!("s003-unknown", soort = soort.name(), id = id, basis = base_name))
            .at_opt(loc)
            .hint(tr!("did-you-mean", naam = format!("'{near}'")));
        // Only when the beleidsnota is the baseline: renaming an id that
        // earlier documents use would break them.
        if let Some(there) = base_by_id
            .get(near)
            .and_then(|e| e.loc)
            .filter(|l| l.file().file_name().is_some_and(|f| f == crate::load::BELEIDSNOTA_FILE))
            .filter(|_| inputs.previous.is_none())
        {
            d = d.related(there.clone(), tr!("s003-meant-here", id = near)).hint(tr!("s003-typo-there", id = id));
        }
        diags.push(d);
    };

    for u in &inputs.unresolved {
        if let Some(near) = typo(u.soort, &u.id) {
            meant.insert(near);
            report_typo(u.soort, &u.id, near, u.loc.clone(), diags);
            continue;
        }
        let known_as_other = inputs.baseline.structuur.kind_of(&u.id);
        let mut d = rules::UNKNOWN_ID
            .report(tr!("s003-unknown", soort = u.soort.name(), id = &u.id, basis = base_name))
            .at_opt(u.loc.clone());
        d = match known_as_other {
            Some(k) => d.hint(tr!("s003-other-kind", id = &u.id, ander = k.name())),
            None => d.hint(tr!("s003-new", soort = u.soort.name(), velden = u.missing.join(", "))),
        };
        diags.push(d);
    }
    let unresolved: BTreeSet<&Id> = inputs.unresolved.iter().map(|u| &u.id).collect();

    for e in &year {
        if unresolved.contains(e.id) {
            continue;
        }
        let Some(b) = base_by_id.get(e.id) else {
            let undeclared = !record.declares(WijzigingSoort::Nieuw, e.id) && !record.made_by_split_or_merge(e.id);
            if undeclared && let Some(near) = typo(e.soort, e.id) {
                meant.insert(near);
                report_typo(e.soort, e.id, near, e.loc.cloned(), diags);
            } else if undeclared {
                diags.push(
                    rules::UNDECLARED_NEW
                        .report(tr!("s004", soort = e.soort.name(), id = e.id, basis = base_name))
                        .at_opt(e.loc.cloned())
                        .hint(hint_declare(WijzigingSoort::Nieuw, &e.id.0)),
                );
            }
            continue;
        };
        // Renamed or renumbered.
        let changed: Vec<(&str, &str, &str)> = e
            .attrs
            .iter()
            .zip(&b.attrs)
            .filter(|((_, new), (_, old))| new != old)
            .map(|((k, new), (_, old))| (*k, *old, *new))
            .collect();
        if let Some((key, old, new)) = changed.first()
            && !record.declares(WijzigingSoort::Hernoemd, e.id)
        {
            let loc = attrs.get(e.id).and_then(|a| a.loc(key)).or(e.loc).cloned();
            diags.push(
                rules::UNDECLARED_RENAME
                    .report(tr!(
                        "s005",
                        soort = e.soort.name(),
                        id = e.id,
                        veld = key,
                        nieuw = new,
                        basis = base_name,
                        oud = old
                    ))
                    .at_opt(loc)
                    .hint(hint_declare(WijzigingSoort::Hernoemd, &e.id.0)),
            );
        }
        // Moved to another parent, or an OD to another ISE.
        let moved_parent = e.parent != b.parent;
        let moved_ise = match (e.ise, b.ise) {
            (Some(new), Some(old)) if new != old => !record.follows_split_or_merge(old, new),
            _ => false,
        };
        if (moved_parent || moved_ise) && !record.declares(WijzigingSoort::Verplaatst, e.id) {
            fn name(id: Option<&Id>) -> &str {
                id.map_or("-", |p| p.0.as_str())
            }
            let (old, new) = if moved_parent { (name(b.parent), name(e.parent)) } else { (name(b.ise), name(e.ise)) };
            let loc = if moved_ise { attrs.get(e.id).and_then(|a| a.loc("ise")).or(e.loc) } else { e.loc };
            diags.push(
                rules::UNDECLARED_MOVE
                    .report(if moved_parent {
                        tr!("s006-parent", soort = e.soort.name(), id = e.id, nieuw = new, basis = base_name, oud = old)
                    } else {
                        tr!("s006-ise", soort = e.soort.name(), id = e.id, nieuw = new, basis = base_name, oud = old)
                    })
                    .at_opt(loc.cloned())
                    .hint(hint_declare(WijzigingSoort::Verplaatst, &e.id.0)),
            );
        }
    }

    for b in dropped.iter().filter(|b| !meant.contains(b.id)) {
        // Point at where it should be: its parent in this year's structure.
        let loc =
            b.parent.and_then(|p| year_by_id.get(p)).and_then(|p| p.loc).cloned().unwrap_or(structure_file.clone());
        let label = inputs.baseline.structuur.label(b.id).unwrap_or_default();
        diags.push(
            rules::UNDECLARED_DROP
                .report(tr!("s007", soort = b.soort.name(), id = b.id, label = label, basis = base_name))
                .at(loc)
                .hint(tr!(
                    "s007.hint",
                    soort = b.soort.name(),
                    id = b.id,
                    yaml = declaration(WijzigingSoort::Geschrapt, &b.id.0)
                )),
        );
    }

    check_order(&base, &year, base_name, diags);
    check_record(inputs, &base_by_id, &year_by_id, diags);
    check_texts(inputs, &unresolved, &meant, diags);
    check_delen(inputs, diags);
    check_prestaties(doc, &meant, diags);
}

/// Every indicator names an OD or ISE of the year's structure (S013), and
/// every value it has is printed (S017: the table of an ISE has a column for
/// the latest `PRESTATIE_JAREN` years only).
fn check_prestaties(doc: &crate::model::Document, meant: &BTreeSet<&Id>, diags: &mut Vec<Diagnostic>) {
    use crate::model::IndicatorBij;
    for ind in &doc.prestaties {
        match &ind.bij {
            // An OD whose id is mistyped in the structure is reported once, there.
            IndicatorBij::Od(od) if doc.structuur.od(od).is_none() && !meant.contains(od) => diags.push(
                rules::UNKNOWN_INDICATOR_OD
                    .report(tr!("s013", indicator = &ind.indicator, od = od))
                    .at_opt(ind.loc.clone())
                    .hint(tr!("s013.hint")),
            ),
            IndicatorBij::Ise(naam) if doc.structuur.ise_genoemd(naam).is_none() => diags.push(
                rules::UNKNOWN_INDICATOR_OD
                    .report(tr!("s013-ise", indicator = &ind.indicator, ise = naam))
                    .at_opt(ind.loc.clone())
                    .hint(tr!("s013-ise.hint")),
            ),
            _ => {}
        }
    }
    for (_, ise) in doc.structuur.ises() {
        let van_ise = doc.indicatoren_van(ise);
        let jaren = crate::model::prestatie_jaren(van_ise.iter().copied());
        for ind in van_ise {
            let weg: Vec<i32> = ind.reeks.iter().map(|(j, _)| *j).filter(|j| !jaren.contains(j)).collect();
            // At the oldest year left out, where the writer would cut the series.
            let oudste =
                weg.iter().min().and_then(|o| ind.jaar_locs.iter().find(|(j, _)| j == o)).map(|(_, l)| l.clone());
            let weg: Vec<String> = weg.iter().map(i32::to_string).collect();
            if !weg.is_empty() {
                diags.push(
                    rules::INDICATOR_YEARS
                        .report(tr!(
                            "s017",
                            indicator = &ind.indicator,
                            jaren = weg.join(", "),
                            ise = ise.code.to_string(),
                            max = crate::model::PRESTATIE_JAREN
                        ))
                        .at_opt(oudste.or_else(|| ind.loc.clone()))
                        .hint(tr!("s017.hint", max = crate::model::PRESTATIE_JAREN)),
                );
            }
        }
    }
}

/// Siblings present in both structures keep the baseline's order.
fn check_order(base: &[Element], year: &[Element], base_name: &str, diags: &mut Vec<Diagnostic>) {
    let key = |e: &Element| (e.soort, e.parent.map(|p| p.0.clone()));
    let mut groups: BTreeMap<(ElementSoort, Option<String>), (Vec<&Id>, Vec<&Element>)> = BTreeMap::new();
    for b in base {
        groups.entry(key(b)).or_default().0.push(b.id);
    }
    for e in year {
        groups.entry(key(e)).or_default().1.push(e);
    }
    for (base_ids, year_elems) in groups.values() {
        let common: Vec<&Element> = year_elems.iter().copied().filter(|e| base_ids.contains(&e.id)).collect();
        let base_order: Vec<&Id> = base_ids.iter().copied().filter(|id| common.iter().any(|e| e.id == *id)).collect();
        if let Some((e, expected)) = common.iter().zip(&base_order).find(|(e, id)| e.id != **id) {
            diags.push(
                rules::OUT_OF_ORDER
                    .report(tr!("s008", soort = e.soort.name(), id = e.id, basis = base_name, verwacht = expected))
                    .at_opt(e.loc.cloned())
                    .hint(tr!(
                        "s008.hint",
                        basis = base_name,
                        volgorde = base_order.iter().map(|i| i.0.as_str()).collect::<Vec<_>>().join(", ")
                    )),
            );
        }
    }
}

/// Every entry of the change record is well formed, names elements that
/// exist, and declares something that happened.
fn check_record(
    inputs: &Inputs,
    base: &BTreeMap<&Id, &Element>,
    year: &BTreeMap<&Id, &Element>,
    diags: &mut Vec<Diagnostic>,
) {
    let doc = &inputs.document;
    let base_name = &inputs.baseline.naam;
    let in_base = |r: &Verwijzing| r.element().is_some_and(|id| base.contains_key(id));
    let in_year = |r: &Verwijzing| r.element().is_some_and(|id| year.contains_key(id));
    let article_now = |r: &Verwijzing| r.artikel().is_some_and(|c| doc.begroting.artikel(&c).is_some());
    let article_before = |r: &Verwijzing| {
        inputs.previous.as_ref().is_none_or(|p| r.artikel().is_some_and(|c| p.begroting.artikel(&c).is_some()))
    };
    for w in &doc.wijzigingen {
        let bad = |msg: String| rules::BAD_CHANGE.report(msg).at_opt(w.loc.clone());
        let soort = w.soort.name();
        if w.reden.trim().is_empty() {
            diags.push(bad(tr!("s009-no-reason", soort = soort)).hint(tr!("s009-no-reason.hint")));
        }
        if w.soort.single() {
            let Some(id) = w.element.as_ref() else {
                diags.push(bad(tr!("s009-single", soort = soort)));
                continue;
            };
            if !w.van.is_empty() || !w.naar.is_empty() {
                diags.push(bad(tr!("s009-single-not-van-naar", soort = soort)));
            }
            let is_article =
                !in_base(id) && !in_year(id) && (article_now(id) || article_before(id) && inputs.previous.is_some());
            let (exists, stale) = match w.soort {
                WijzigingSoort::Nieuw => (in_year(id) || article_now(id), in_base(id)),
                WijzigingSoort::Hernoemd => (
                    in_year(id) && in_base(id),
                    match (id.element().and_then(|i| base.get(i)), id.element().and_then(|i| year.get(i))) {
                        (Some(b), Some(e)) => b.attrs == e.attrs,
                        _ => false,
                    },
                ),
                WijzigingSoort::Verplaatst => (
                    (in_year(id) && in_base(id)) || article_now(id),
                    match (id.element().and_then(|i| base.get(i)), id.element().and_then(|i| year.get(i))) {
                        (Some(b), Some(e)) => b.parent == e.parent && b.ise == e.ise,
                        _ => false,
                    },
                ),
                WijzigingSoort::Geschrapt => (in_base(id) || is_article, in_year(id) || article_now(id)),
                _ => (true, false),
            };
            if !exists {
                diags.push(bad(tr!("s009-unknown", soort = soort, id = id, basis = base_name)));
            } else if stale {
                diags.push(
                    rules::STALE_CHANGE
                        .report(tr!("s010", soort = soort, id = id))
                        .at_opt(w.loc.clone())
                        .hint(tr!("s010.hint")),
                );
            }
            continue;
        }
        if w.element.is_some() {
            diags.push(bad(tr!("s009-van-naar-not-single", soort = soort)));
        }
        let (van_ok, naar_ok) = match w.soort {
            WijzigingSoort::Gesplitst => (w.van.len() == 1, w.naar.len() >= 2),
            WijzigingSoort::Samengevoegd => (w.van.len() >= 2, w.naar.len() == 1),
            _ => (w.van.len() == 1, w.naar.len() == 1),
        };
        if !van_ok || !naar_ok {
            diags.push(bad(match w.soort {
                WijzigingSoort::Gesplitst => tr!("s009-shape-split", soort = soort),
                WijzigingSoort::Samengevoegd => tr!("s009-shape-merge", soort = soort),
                _ => tr!("s009-shape-recode", soort = soort),
            }));
            continue;
        }
        if w.soort == WijzigingSoort::Hergecodeerd {
            for old in w.van.iter().filter(|c| !article_before(c)) {
                let prev = inputs.previous.as_ref().map(|p| p.naam()).unwrap_or_default();
                diags.push(bad(tr!("s009-recode-old", code = old, vorig = prev)));
            }
            // An unreadable workbook is reported once, not again for each recoding.
            for new in w.naar.iter().filter(|c| inputs.document.begroting.volledig && !article_now(c)) {
                diags.push(bad(tr!("s009-recode-new", code = new)));
            }
            continue;
        }
        for id in w.van.iter().filter(|id| !in_base(id)) {
            diags.push(bad(tr!("s009-van", id = id, basis = base_name)));
        }
        for id in w.naar.iter().filter(|id| !in_year(id)) {
            diags.push(bad(tr!("s009-naar", id = id)));
        }
        let kinds: BTreeSet<ElementSoort> = w
            .van
            .iter()
            .filter_map(|r| base.get(r.element()?).map(|e| e.soort))
            .chain(w.naar.iter().filter_map(|r| year.get(r.element()?).map(|e| e.soort)))
            .collect();
        if kinds.len() > 1 {
            diags.push(bad(tr!("s009-kinds", soort = soort)));
        }
    }
}

/// Whether a text says anything: something besides comments (a note to
/// the writer, the marker of a carried-over text), headings and blank lines.
/// A text of only a heading prints a bare heading.
pub fn has_prose(markdown: &str) -> bool {
    let mut rest = markdown;
    let mut visible = String::new();
    while let Some(at) = rest.find("<!--") {
        visible.push_str(&rest[..at]);
        rest = rest[at..].find("-->").map_or("", |end| &rest[at + end + 3..]);
    }
    visible.push_str(rest);
    visible.lines().map(str::trim).any(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The general chapters and free appendices of `bbt.yaml`: each id once,
/// none an element's, and each with a text.
fn check_delen(inputs: &Inputs, diags: &mut Vec<Diagnostic>) {
    let doc = &inputs.document;
    let tekst_dir = inputs.dir.join(crate::load::TEXT_DIR);
    let mut seen: BTreeMap<&Id, Option<&Location>> = BTreeMap::new();
    for (_, e) in doc.structuur.ises() {
        seen.insert(&e.id, None);
    }
    for (_, sd) in doc.structuur.sds() {
        seen.insert(&sd.id, None);
        for od in &sd.ods {
            seen.insert(&od.id, None);
        }
    }
    for h in doc.hoofdstukken.iter().chain(&doc.bijlagen) {
        if let Some(first) = seen.get(&h.id) {
            let mut d = rules::DUPLICATE_ID
                .report(tr!("s001-part", id = &h.id))
                .at_opt(h.loc.clone())
                .hint(tr!("s001-part.hint"));
            if let Some(l) = first {
                d = d.related((*l).clone(), tr!("s001.first"));
            }
            diags.push(d);
            continue;
        }
        seen.insert(&h.id, h.loc.as_ref());
        let file = tekst_dir.join(format!("{}.md", h.id));
        if doc.teksten.onleesbaar.contains(&h.id) {
            continue;
        }
        match doc.teksten.per_id.get(&h.id) {
            Some(t) if has_prose(&t.markdown) => {}
            Some(_) => diags.push(
                rules::MISSING_TEXT
                    .report(tr!("s011-part-empty", titel = &h.titel))
                    .at(Location::File { file })
                    .hint(tr!("s011-part-empty.hint")),
            ),
            None => diags.push(
                rules::MISSING_TEXT
                    .report(tr!("s011-part-missing", titel = &h.titel, id = &h.id))
                    .at(Location::File { file })
                    .hint(tr!("s011-part-missing.hint", id = &h.id)),
            ),
        }
    }
}

/// Every SD and OD of the year has a text; every text belongs to one.
/// `typos`: the baseline's ids that a mistyped id of the year stands for
/// (reported already): their texts are no strays.
fn check_texts(inputs: &Inputs, unresolved: &BTreeSet<&Id>, typos: &BTreeSet<&Id>, diags: &mut Vec<Diagnostic>) {
    let doc = &inputs.document;
    let tekst_dir = inputs.dir.join(crate::load::TEXT_DIR);
    let mut ids = BTreeSet::new();
    // An ISE may have an introduction of its own; it is optional.
    for (_, ise) in doc.structuur.ises() {
        ids.insert(&ise.id);
    }
    for (_, sd) in doc.structuur.sds() {
        ids.insert(&sd.id);
        for od in &sd.ods {
            ids.insert(&od.id);
        }
    }
    // The general chapters and free appendices have theirs.
    for h in doc.hoofdstukken.iter().chain(&doc.bijlagen) {
        ids.insert(&h.id);
    }
    // The objectives without a text file, and the text files for no
    // element: a file name near a missing one is a typo of it, reported
    // once (S012, with the name meant) rather than also as a missing text.
    let missing: Vec<(ElementSoort, &Id, &String)> = doc
        .structuur
        .sds()
        .flat_map(|(_, sd)| {
            std::iter::once((ElementSoort::Sd, &sd.id, &sd.nummer))
                .chain(sd.ods.iter().map(|o| (ElementSoort::Od, &o.id, &o.nummer)))
        })
        .filter(|(_, id, _)| !unresolved.contains(id) && !doc.teksten.onleesbaar.contains(id))
        .filter(|(_, id, _)| !doc.teksten.per_id.contains_key(*id))
        .collect();
    let mut meant: BTreeSet<&str> = BTreeSet::new();
    for (id, t) in &doc.teksten.per_id {
        if ids.contains(id) || typos.contains(id) {
            continue;
        }
        let at = Location::File { file: t.file.clone() };
        let near = suggest::closest(&id.0, missing.iter().map(|(_, m, _)| m.0.as_str()));
        match near.and_then(|n| missing.iter().find(|(_, m, _)| m.0 == n)) {
            // The objective has no text: the file meant for it is misnamed.
            Some((soort, m, nummer)) => {
                meant.insert(m.0.as_str());
                diags.push(
                    rules::MISSING_TEXT
                        .report(tr!("s011-typo", soort = soort.name(), nummer = nummer, id = id))
                        .at(at)
                        .hint(tr!("s012-typo", bestand = format!("{m}.md"))),
                );
            }
            None => {
                // Near an element that has its text already: a copy, or a typo beside it.
                let hint = match suggest::closest(&id.0, ids.iter().map(|i| i.0.as_str())) {
                    Some(other) => tr!("s012-beside", bestand = format!("{other}.md")),
                    None => tr!("s012.hint"),
                };
                diags.push(rules::STRAY_TEXT.report(tr!("s012", id = id)).at(at).hint(hint));
            }
        }
    }
    // The document's introduction (chapter I).
    let inleiding = tekst_dir.join("inleiding.md");
    let unreadable = doc.teksten.onleesbaar.iter().any(|id| id.0 == "inleiding");
    match &doc.teksten.inleiding {
        _ if unreadable => {}
        Some(t) if has_prose(&t.markdown) => {}
        Some(t) => diags.push(
            rules::MISSING_TEXT
                .report(tr!("s011-intro-empty"))
                .at(Location::File { file: t.file.clone() })
                .hint(tr!("s011-intro-empty.hint")),
        ),
        None => diags.push(
            rules::MISSING_TEXT
                .report(tr!("s011-intro-missing"))
                .at(Location::File { file: inleiding })
                .hint(tr!("s011-intro-missing.hint")),
        ),
    }
    for (_, sd) in doc.structuur.sds() {
        let elements = std::iter::once((ElementSoort::Sd, &sd.id, &sd.nummer))
            .chain(sd.ods.iter().map(|o| (ElementSoort::Od, &o.id, &o.nummer)));
        for (soort, id, nummer) in elements.filter(|(_, id, _)| !unresolved.contains(id)) {
            let file = tekst_dir.join(format!("{id}.md"));
            if doc.teksten.onleesbaar.contains(id) || meant.contains(id.0.as_str()) {
                continue;
            }
            match doc.teksten.per_id.get(id) {
                Some(t) if has_prose(&t.markdown) => {}
                Some(_) => diags.push(
                    rules::MISSING_TEXT
                        .report(tr!("s011-empty", soort = soort.name(), nummer = nummer))
                        .at(Location::File { file })
                        .hint(tr!("s011-empty.hint")),
                ),
                None => diags.push(
                    rules::MISSING_TEXT
                        .report(tr!("s011-missing", soort = soort.name(), nummer = nummer, id = id))
                        .at(Location::File { file })
                        .hint(tr!("s011-missing.hint", id = id)),
                ),
            }
        }
    }
}
