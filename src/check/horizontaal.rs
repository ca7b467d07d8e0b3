//! H: a workspace against its horizontal plan. The plan's own ids are unique
//! and its actions serve a theme of the plan; every theme and action an OD
//! names is one of the plan's; every action is taken up and every theme has
//! a contribution somewhere in the workspace. And B015: no article in two
//! projects, whose totals the overview adds up.

use std::collections::HashMap;

use crate::diag::{Diagnostic, Location};
use crate::load::Inputs;
use crate::model::budget::ArtikelCode;
use crate::model::horizontaal::{Plan, genoemd};
use crate::model::{Artikel, Od, Tag};
use crate::{rules, suggest, tr};

/// Every H rule over `projects` (each project's document of the year
/// checked) against `plan`. `complete`: every project of the workspace
/// could be read; otherwise an action or theme may well be taken up in one
/// that could not, and H004 and H005 are not reported.
pub fn check(plan: &Plan, projects: &[&Inputs], complete: bool) -> Vec<Diagnostic> {
    let mut diags = plan_zelf(plan);
    diags.extend(in_two_projects(projects));
    let (themas, acties) = genoemd(projects.iter().map(|p| &p.document.structuur));
    let plan_loc = || Location::File { file: plan.file.clone() };
    let thema_ids = || plan.themas.iter().map(|t| t.id.as_str());
    let actie_ids = || plan.acties.iter().map(|a| a.id.as_str());
    for (od, tag) in &themas {
        if plan.thema(&tag.naam).is_none() {
            let hint = match suggest::closest(&tag.naam, thema_ids()) {
                Some(near) => tr!("did-you-mean", naam = format!("'{near}'")),
                None => tr!("h001.hint", themas = suggest::some_of(thema_ids()), plan = plan.file.display()),
            };
            diags.push(
                rules::UNKNOWN_THEME
                    .report(tr!("h001", thema = tag.naam.as_str(), od = od.nummer.as_str(), plan = plan.file.display()))
                    .at_opt(waar(tag, od))
                    .hint(hint),
            );
        }
    }
    for (od, tag) in &acties {
        let Some(actie) = plan.actie(&tag.naam) else {
            let hint = match suggest::closest(&tag.naam, actie_ids()) {
                Some(near) => tr!("did-you-mean", naam = format!("'{near}'")),
                None if plan.acties.is_empty() => tr!("h002-none.hint", plan = plan.file.display()),
                None => tr!("h002.hint", acties = suggest::some_of(actie_ids())),
            };
            diags.push(
                rules::UNKNOWN_ACTION
                    .report(tr!("h002", actie = tag.naam.as_str(), od = od.nummer.as_str(), plan = plan.file.display()))
                    .at_opt(waar(tag, od))
                    .hint(hint),
            );
            continue;
        };
        if plan.thema(&actie.thema).is_some() && !od.themas.iter().any(|t| t.is(&actie.thema)) {
            diags.push(
                rules::ACTION_WITHOUT_THEME
                    .report(tr!(
                        "h006",
                        od = od.nummer.as_str(),
                        actie = actie.id.as_str(),
                        thema = actie.thema.as_str()
                    ))
                    .at_opt(waar(tag, od))
                    .hint(tr!("h006.hint", thema = actie.thema.as_str())),
            );
        }
    }
    for actie in plan.acties.iter().filter(|_| complete) {
        if !acties.iter().any(|(_, t)| t.is(&actie.id)) {
            diags.push(
                rules::ACTION_NOT_TAKEN_UP
                    .report(tr!("h004", actie = actie.id.as_str(), titel = actie.titel.as_str()))
                    .at(actie.loc.clone().unwrap_or_else(plan_loc))
                    .hint(tr!("h004.hint", actie = actie.id.as_str())),
            );
        }
    }
    for thema in plan.themas.iter().filter(|_| complete) {
        if !themas.iter().any(|(_, t)| t.is(&thema.id)) {
            diags.push(
                rules::THEME_WITHOUT_CONTRIBUTION
                    .report(tr!("h005", thema = thema.id.as_str()))
                    .at(thema.loc.clone().unwrap_or_else(plan_loc))
                    .hint(tr!("h005.hint", thema = thema.id.as_str())),
            );
        }
    }
    crate::diag::sort(&mut diags);
    diags
}

/// B015: one article code in the workbooks of two projects. Each article
/// belongs to one minister's budget; a copied row or workbook would count
/// its credits twice in the overview's totals over the projects. Checked
/// where such totals are made: `bbt horizontaal`, and `bbt check` of a
/// workspace with a plan (a workspace render of copies of one project stays
/// valid).
pub fn in_two_projects(projects: &[&Inputs]) -> Vec<Diagnostic> {
    let mut first: HashMap<&ArtikelCode, (&Inputs, &Artikel)> = HashMap::new();
    let mut diags = Vec::new();
    for p in projects {
        let begroting = &p.document.begroting;
        for a in &begroting.artikelen {
            match first.get(&a.code) {
                Some((other, eerste)) if !std::ptr::eq(*other, *p) => {
                    let mut d = rules::ARTICLE_IN_TWO_PROJECTS
                        .report(tr!("b015", code = a.code, ander = other.root.display()))
                        .at_opt(begroting.rij(a))
                        .hint(tr!("b015.hint"));
                    if let Some(l) = other.document.begroting.rij(eerste) {
                        d = d.related(l, tr!("first-here"));
                    }
                    diags.push(d);
                }
                Some(_) => {}
                None => {
                    first.insert(&a.code, (p, a));
                }
            }
        }
    }
    diags
}

/// Where an OD names `tag`: the name itself, else the OD.
fn waar(tag: &Tag, od: &Od) -> Option<Location> {
    tag.loc.clone().or_else(|| od.loc.clone())
}

/// The plan's own rules: each theme and action id once (H003), each action
/// serving a theme of the plan (H001).
fn plan_zelf(plan: &Plan) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let plan_loc = || Location::File { file: plan.file.clone() };
    let ids = plan
        .themas
        .iter()
        .map(|t| ("thema", &t.id, &t.loc))
        .chain(plan.acties.iter().map(|a| ("actie", &a.id, &a.loc)));
    let mut gezien: Vec<(&str, &String, &Option<Location>)> = Vec::new();
    for (soort, id, loc) in ids {
        if let Some((_, _, eerste)) =
            gezien.iter().find(|(s, i, _)| *s == soort && crate::model::structure::same_tag(i, id))
        {
            let mut d = rules::DUPLICATE_PLAN_ID
                .report(tr!("h003", soort = soort, id = id.as_str()))
                .at(loc.clone().unwrap_or_else(plan_loc))
                .hint(tr!("h003.hint"));
            if let Some(eerste) = eerste {
                d = d.related(eerste.clone(), tr!("h003.first"));
            }
            diags.push(d);
        } else {
            gezien.push((soort, id, loc));
        }
    }
    let thema_ids = || plan.themas.iter().map(|t| t.id.as_str());
    for actie in &plan.acties {
        if plan.thema(&actie.thema).is_none() {
            let hint = match suggest::closest(&actie.thema, thema_ids()) {
                Some(near) => tr!("did-you-mean", naam = format!("'{near}'")),
                None => tr!("h001-plan.hint", themas = suggest::some_of(thema_ids())),
            };
            diags.push(
                rules::UNKNOWN_THEME
                    .report(tr!("h001-plan", thema = actie.thema.as_str(), actie = actie.id.as_str()))
                    .at(actie.thema_loc.clone().unwrap_or_else(plan_loc))
                    .hint(hint),
            );
        }
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::horizontaal::{Actie, Thema};

    fn plan() -> Plan {
        let thema = |id: &str| Thema { id: id.into(), titel: id.into(), omschrijving: String::new(), loc: None };
        let actie = |id: &str, thema: &str| Actie {
            id: id.into(),
            titel: id.into(),
            thema: thema.into(),
            loc: None,
            thema_loc: None,
        };
        Plan {
            titel: "Plan".into(),
            legislatuur: "2024-2029".into(),
            themas: vec![thema("gender"), thema("handicap"), thema("Gender")],
            acties: vec![actie("A1", "handicap"), actie("A2", "herkomst")],
            file: "horizontaal.yaml".into(),
        }
    }

    #[test]
    fn the_plan_has_each_id_once_and_its_actions_serve_its_themes() {
        let diags = plan_zelf(&plan());
        let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["H003", "H001"], "{diags:?}");
    }
}
