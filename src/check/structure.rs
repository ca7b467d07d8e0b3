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
use crate::rules;

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
                let mut d = rules::DUPLICATE_ID
                    .report(format!("the id '{}' is used twice", e.id))
                    .at_opt(e.loc.cloned())
                    .hint("every beleidsveld, ISE, SD and OD needs an id of its own");
                if let Some(l) = first.get() {
                    d = d.related((*l).clone(), "first used here");
                }
                diags.push(d);
            }
            Entry::Vacant(v) => {
                v.insert(e.loc);
            }
        }
        if e.id.0.trim().is_empty() || e.id.0.chars().any(char::is_whitespace) {
            diags.push(
                rules::BAD_VALUE
                    .report(format!("'{}' is not a usable id", e.id))
                    .at_opt(e.loc.cloned())
                    .hint("ids are short words joined by hyphens, like od-inburgering-traject"),
            );
        }
    }
    for (_, od) in structuur.ods() {
        if structuur.ise(&od.ise).is_none() {
            diags.push(
                rules::UNKNOWN_REFERENCE
                    .report(format!("OD {} refers to the unknown ISE '{}'", od.nummer, od.ise))
                    .at_opt(od.ise_loc.clone())
                    .hint(format!(
                        "known ISEs: {}",
                        structuur.ises().map(|(_, i)| i.id.0.as_str()).collect::<Vec<_>>().join(", ")
                    )),
            );
        }
    }
}

fn hint_declare(soort: WijzigingSoort, id: &str) -> String {
    format!(
        "if intended, declare it in bbt.yaml under wijzigingen: {{ soort: {}, element: {id}, reden: ... }}",
        soort.name()
    )
}

pub fn check(inputs: &Inputs, diags: &mut Vec<Diagnostic>) {
    let doc = &inputs.document;
    let base_name = &inputs.baseline.naam;
    let record = Record(&doc.wijzigingen);
    let structure_file = Location::File { file: inputs.document_file.clone() };

    for u in &inputs.unresolved {
        let known_as_other = inputs.baseline.structuur.kind_of(&u.id);
        let mut d = rules::UNKNOWN_ID
            .report(format!("the {} '{}' is not in {base_name}", u.soort.name(), u.id))
            .at_opt(u.loc.clone());
        d = match known_as_other {
            Some(k) => d.hint(format!("'{}' is a {} there", u.id, k.name())),
            None => d.hint(format!(
                "for a new {}, give {} here and declare it (soort: nieuw)",
                u.soort.name(),
                u.missing.join(", ")
            )),
        };
        diags.push(d);
    }
    let unresolved: BTreeSet<&Id> = inputs.unresolved.iter().map(|u| &u.id).collect();

    let base = inputs.baseline.structuur.elements();
    let year = doc.structuur.elements();
    let base_by_id: BTreeMap<&Id, &Element> = base.iter().map(|e| (e.id, e)).collect();
    let year_by_id: BTreeMap<&Id, &Element> = year.iter().map(|e| (e.id, e)).collect();
    let attrs = restated_attrs(inputs);

    for e in &year {
        if unresolved.contains(e.id) {
            continue;
        }
        let Some(b) = base_by_id.get(e.id) else {
            if !record.declares(WijzigingSoort::Nieuw, e.id) && !record.made_by_split_or_merge(e.id) {
                diags.push(
                    rules::UNDECLARED_NEW
                        .report(format!(
                            "the {} '{}' is new against {base_name}, but the change is not declared",
                            e.soort.name(),
                            e.id
                        ))
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
                    .report(format!(
                        "the {} '{}' has {key} '{new}' where {base_name} has '{old}', but the change is not declared",
                        e.soort.name(),
                        e.id
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
            let (what, old, new) = if moved_parent {
                ("under", b.parent.map_or("-", |p| p.0.as_str()), e.parent.map_or("-", |p| p.0.as_str()))
            } else {
                ("in the ISE", b.ise.map_or("-", |p| p.0.as_str()), e.ise.map_or("-", |p| p.0.as_str()))
            };
            let loc = if moved_ise { attrs.get(e.id).and_then(|a| a.loc("ise")).or(e.loc) } else { e.loc };
            diags.push(
                rules::UNDECLARED_MOVE.report(format!(
                        "the {} '{}' stands {what} '{new}' where {base_name} has it {what} '{old}', but the change is not declared",
                        e.soort.name(),
                        e.id
                    ),
                )
                .at_opt(loc.cloned())
                .hint(hint_declare(WijzigingSoort::Verplaatst, &e.id.0)),
            );
        }
    }

    for b in &base {
        if year_by_id.contains_key(b.id) {
            continue;
        }
        if record.declares(WijzigingSoort::Geschrapt, b.id) || record.consumed_by_split_or_merge(b.id) {
            continue;
        }
        // Point at where it should be: its parent in this year's structure.
        let loc =
            b.parent.and_then(|p| year_by_id.get(p)).and_then(|p| p.loc).cloned().unwrap_or(structure_file.clone());
        let label = inputs.baseline.structuur.label(b.id).unwrap_or_default();
        diags.push(
            rules::UNDECLARED_DROP.report(format!(
                    "the {} '{}' ({label}) of {base_name} is missing from this year's structure, but its removal is not declared",
                    b.soort.name(),
                    b.id
                ),
            )
            .at(loc)
            .hint(format!("restore it in structuur, or {}", hint_declare(WijzigingSoort::Geschrapt, &b.id.0))),
        );
    }

    check_order(&base, &year, base_name, diags);
    check_record(inputs, &base_by_id, &year_by_id, diags);
    check_texts(inputs, &unresolved, diags);
    for ind in &doc.prestaties {
        if doc.structuur.od(&ind.od).is_none() {
            diags.push(
                rules::UNKNOWN_INDICATOR_OD
                    .report(format!(
                        "the indicator '{}' belongs to '{}', which is no OD of this year",
                        ind.indicator, ind.od
                    ))
                    .at_opt(ind.loc.clone())
                    .hint("name the OD by its id, as in the year's structuur"),
            );
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
                    .report(format!("the {} '{}' stands where {base_name} has '{}'", e.soort.name(), e.id, expected))
                    .at_opt(e.loc.cloned())
                    .hint(format!(
                        "keep the order of {base_name}: {}",
                        base_order.iter().map(|i| i.0.as_str()).collect::<Vec<_>>().join(", ")
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
            diags.push(bad(format!("the change '{soort}' gives no reason")).hint("write why under reden:"));
        }
        if w.soort.single() {
            let Some(id) = w.element.as_ref() else {
                diags.push(bad(format!("a change '{soort}' names one element: element: <id or article code>")));
                continue;
            };
            if !w.van.is_empty() || !w.naar.is_empty() {
                diags.push(bad(format!("a change '{soort}' names its element with element:, not van:/naar:")));
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
                diags.push(bad(format!(
                    "the change '{soort}' names '{id}', which is not an element of {} or of this year",
                    base_name
                )));
            } else if stale {
                diags.push(
                    rules::STALE_CHANGE
                        .report(format!("the change '{soort}' of '{id}' did not happen"))
                        .at_opt(w.loc.clone())
                        .hint("remove the entry, or make the change it declares"),
                );
            }
            continue;
        }
        if w.element.is_some() {
            diags.push(bad(format!("a change '{soort}' names van: and naar:, not element:")));
        }
        let (van_ok, naar_ok) = match w.soort {
            WijzigingSoort::Gesplitst => (w.van.len() == 1, w.naar.len() >= 2),
            WijzigingSoort::Samengevoegd => (w.van.len() >= 2, w.naar.len() == 1),
            _ => (w.van.len() == 1, w.naar.len() == 1),
        };
        if !van_ok || !naar_ok {
            let shape = match w.soort {
                WijzigingSoort::Gesplitst => "one element in van: and two or more in naar:",
                WijzigingSoort::Samengevoegd => "two or more elements in van: and one in naar:",
                _ => "one article code in van: and one in naar:",
            };
            diags.push(bad(format!("a change '{soort}' has {shape}")));
            continue;
        }
        if w.soort == WijzigingSoort::Hergecodeerd {
            for old in w.van.iter().filter(|c| !article_before(c)) {
                let prev = inputs.previous.as_ref().map(|p| p.naam()).unwrap_or_default();
                diags.push(bad(format!("the recoded article '{old}' is not in {prev}")));
            }
            // An unreadable workbook is reported once, not again for each recoding.
            for new in w.naar.iter().filter(|c| inputs.document.begroting.volledig && !article_now(c)) {
                diags.push(bad(format!("the recoded article '{new}' is not in this year's workbook")));
            }
            continue;
        }
        for id in w.van.iter().filter(|id| !in_base(id)) {
            diags.push(bad(format!("'{id}' under van: is not an element of {base_name}")));
        }
        for id in w.naar.iter().filter(|id| !in_year(id)) {
            diags.push(bad(format!("'{id}' under naar: is not an element of this year's structure")));
        }
        let kinds: BTreeSet<ElementSoort> = w
            .van
            .iter()
            .filter_map(|r| base.get(r.element()?).map(|e| e.soort))
            .chain(w.naar.iter().filter_map(|r| year.get(r.element()?).map(|e| e.soort)))
            .collect();
        if kinds.len() > 1 {
            diags.push(bad(format!("a change '{soort}' joins elements of different kinds")));
        }
    }
}

/// Every SD and OD of the year has a text; every text belongs to one.
fn check_texts(inputs: &Inputs, unresolved: &BTreeSet<&Id>, diags: &mut Vec<Diagnostic>) {
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
    for (_, sd) in doc.structuur.sds() {
        let elements = std::iter::once((ElementSoort::Sd, &sd.id, &sd.nummer))
            .chain(sd.ods.iter().map(|o| (ElementSoort::Od, &o.id, &o.nummer)));
        for (soort, id, nummer) in elements.filter(|(_, id, _)| !unresolved.contains(id)) {
            let file = tekst_dir.join(format!("{id}.md"));
            if doc.teksten.onleesbaar.contains(id) {
                continue;
            }
            match doc.teksten.per_id.get(id) {
                Some(t) if !t.markdown.trim().is_empty() => {}
                Some(_) => diags.push(
                    rules::MISSING_TEXT
                        .report(format!("the text of {} {nummer} is empty", soort.name()))
                        .at(Location::File { file })
                        .hint("write this year's policy text for the objective"),
                ),
                None => diags.push(
                    rules::MISSING_TEXT
                        .report(format!("{} {nummer} ('{id}') has no text", soort.name()))
                        .at(Location::File { file })
                        .hint(format!("write it in tekst/{id}.md")),
                ),
            }
        }
    }
    for (id, t) in &doc.teksten.per_id {
        if !ids.contains(id) {
            diags.push(
                rules::STRAY_TEXT
                    .report(format!("the text '{id}.md' belongs to no ISE, SD or OD of this year"))
                    .at(Location::File { file: t.file.clone() })
                    .hint("name the file after the id of an ISE, SD or OD (e.g. od-nederlands.md), or remove it"),
            );
        }
    }
}
