//! Y rules: the document against the previous one (found by the project
//! layout, or given with `--previous`). The clustering itself is compared by
//! the S rules, whose baseline is the previous document's structure.

use crate::diag::Diagnostic;
use crate::load::Inputs;
use crate::model::budget::{Slot, Stand, Veld};
use crate::model::{ArtikelCode, WijzigingSoort};
use crate::{rules, tr};

pub fn check(inputs: &Inputs, diags: &mut Vec<Diagnostic>) {
    let Some(prev) = &inputs.previous else { return };
    let doc = &inputs.document;
    let (now, before) = (&doc.begroting, &prev.begroting);
    if !now.volledig {
        return;
    }
    let hercoderingen = doc.hercoderingen();
    let recoded_to = |old: &ArtikelCode| hercoderingen.iter().find(|(o, _)| o == old).map(|(_, n)| *n);
    let recoded_from = |new: &ArtikelCode| hercoderingen.iter().find(|(_, n)| n == new).map(|(o, _)| *o);
    let dropped =
        |code: ArtikelCode| doc.wijzigingen.iter().any(|w| w.declares_artikel(WijzigingSoort::Geschrapt, code));

    // New articles (not recodings, not declared), and last year's missing
    // ones: a new code near a missing one is most likely a typo of it,
    // reported once at this year's row.
    let new_codes: Vec<&crate::model::Artikel> = now
        .artikelen
        .iter()
        .filter(|a| before.artikel(&a.code).is_none() && recoded_from(&a.code).is_none())
        .filter(|a| !doc.wijzigingen.iter().any(|w| w.declares_artikel(WijzigingSoort::Nieuw, a.code)))
        .collect();
    let mut typos: Vec<ArtikelCode> = Vec::new();
    let new_texts: Vec<String> = new_codes.iter().map(|a| a.code.to_string()).collect();
    // A suggestion compares with every new article: for the first missing ones only.
    let mut attempts = 0..50;
    for old in &before.artikelen {
        let present = match recoded_to(&old.code) {
            Some(new) => now.artikel(&new).is_some(),
            None => now.artikel(&old.code).is_some(),
        };
        if present || dropped(old.code) {
            continue;
        }
        let near = attempts
            .next()
            .and_then(|_| crate::suggest::closest(&old.code.to_string(), new_texts.iter().map(String::as_str)))
            .and_then(|n| new_texts.iter().position(|t| t == n))
            .and_then(|i| new_codes.get(i));
        if let Some(typo) = near {
            typos.push(typo.code);
            diags.push(
                rules::ARTICLE_GONE
                    .report(tr!("y001-typo", code = old.code, nieuw = typo.code, vorig = prev.naam()))
                    .at_opt(now.cel(typo, Veld::Artikel).or(now.rij(typo)))
                    .hint(tr!("y001-typo.hint", code = old.code, nieuw = typo.code)),
            );
            continue;
        }
        diags.push(
            rules::ARTICLE_GONE
                .report(tr!("y001", code = old.code, vorig = prev.naam()))
                .at_opt(before.rij(old).or(Some(crate::diag::Location::File { file: prev.workbook.clone() })))
                .hint(tr!("y001.hint", code = old.code)),
        );
    }

    // New articles (not recodings) are information.
    for art in new_codes {
        if typos.contains(&art.code) || doc.structuur.ise_by_code(&art.ise_code).is_none() {
            continue;
        }
        diags.push(rules::NEW_ARTICLE.report(tr!("y003", code = art.code, vorig = prev.naam())).at_opt(now.rij(art)));
    }

    // The standing this document starts from is the one the previous ended
    // with: BA t-1 in a BO after a BA document, BO t in a BA after the BO.
    let (start, _) = Stand::evolutie(doc.jaar, doc.fase);
    let (_, prev_end) = Stand::evolutie(prev.jaar, prev.fase);
    if !start.continues(prev_end) {
        return;
    }
    for art in &now.artikelen {
        let old = match recoded_from(&art.code) {
            Some(old) => before.artikel(&old),
            None => before.artikel(&art.code),
        };
        let Some(old) = old else { continue };
        for &k in art.krediet_soorten() {
            let here = art.van(k);
            let there = old.naar(k);
            if here != there {
                let loc = now.cel(art, Veld::Bedrag(Slot::Van(k)));
                let mut d = rules::STANDING_MISMATCH
                    .report(tr!(
                        "y002",
                        krediet = k.label(),
                        stand = start.label(),
                        code = art.code,
                        hier = here.in_unit(doc.meta.eenheid),
                        daar = there.in_unit(doc.meta.eenheid),
                        vorig = prev.naam()
                    ))
                    .at_opt(loc)
                    .hint(tr!("y002.hint", eind = prev_end.label(), vorig = prev.naam()));
                if let Some(l) = before.cel(old, Veld::Bedrag(Slot::Naar(k))) {
                    d = d.related(l, tr!("y002.previous"));
                }
                diags.push(d);
            }
        }
    }
}
