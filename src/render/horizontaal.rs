//! The view model of the horizontal overview (`bbt horizontaal`,
//! `templates/horizontaal.typ.j2`): the overview's figures as printed, in
//! thousands of euros, each the sum of the printed figures of the articles
//! it counts (docs/rounding.md), and the references to the pages of each
//! minister's own document.

use std::collections::BTreeMap;

use serde::Serialize;

use super::format;
use crate::model::afronding;
use crate::model::budget::{Artikel, Krediet, Slot, document_name};
use crate::model::horizontaal::{Bron, Overzicht};

/// The printed (VAK, VEK) of `artikelen`: the sum of their printed figures.
pub fn gedrukt(artikelen: &[&Artikel]) -> [i64; 2] {
    [Krediet::Vak, Krediet::Vek].map(|k| artikelen.iter().map(|a| afronding::bedrag(a, Slot::Naar(k))).sum())
}

/// For each domain of the overview (in its order), the pages of its own
/// document's headings, when its page index was found.
pub type Paginas = Vec<Option<BTreeMap<String, usize>>>;

#[derive(Debug, Serialize)]
pub struct HorizontaalView {
    pub titel: String,
    pub ondertitel: String,
    /// "BO 2026" or "BA 2026": the credits shown.
    pub stand: String,
    pub jaar: i32,
    /// The plan's title and term, when a plan was given.
    pub plan: Option<PlanView>,
    pub domeinen: Vec<DomeinView>,
    pub themas: Vec<ThemaView>,
    /// The matrix of domains × themes, in parts of at most
    /// [`MATRIX_BREEDTE`] themes (a page's width), each with its chart.
    pub matrix: Vec<MatrixDeel>,
    pub acties: Vec<ActieView>,
    /// Ids and titles of the plan's actions no domain takes up.
    pub niet_opgenomen: Vec<String>,
    /// Whether any domain's own document was found with its page index.
    pub met_paginas: bool,
}

#[derive(Debug, Serialize)]
pub struct PlanView {
    pub titel: String,
    pub legislatuur: String,
}

#[derive(Debug, Serialize)]
pub struct DomeinView {
    /// The competence, as the BBT's title names it.
    pub bevoegdheid: String,
    pub ministers: String,
    /// "BBT 2026 (BO), stuk 13-V (2025-2026) – Nr. 1"
    pub document: String,
}

#[derive(Debug, Serialize)]
pub struct ThemaView {
    pub id: String,
    pub titel: String,
    pub omschrijving: String,
    pub ods: usize,
    pub domeinen: Vec<ThemaDomeinView>,
    pub vak: String,
    pub vek: String,
    /// A dotation and what its receiver spends of it under the theme were
    /// counted once in the theme's total (or a domain's).
    pub geconsolideerd: bool,
    /// With more than one domain: the sum of their totals, and the
    /// dotations from one domain to a receiver in another that spends them
    /// under the theme, left out (negative; `None` without any).
    pub som_domeinen: Option<[String; 2]>,
    pub tussen_domeinen: Option<[String; 2]>,
}

#[derive(Debug, Serialize)]
pub struct ThemaDomeinView {
    pub bevoegdheid: String,
    pub ods: Vec<OdView>,
    pub vak: String,
    pub vek: String,
    pub geconsolideerd: bool,
    /// With more than one OD: the sum of the OD rows above (VAK, VEK), and
    /// what the domain's total does not count twice of it (negative): an
    /// article several of its ODs share, a dotation whose receiver has its
    /// own articles at another of them. The two rows make the total.
    pub som: Option<[String; 2]>,
    pub dubbel: Option<[String; 2]>,
}

#[derive(Debug, Serialize)]
pub struct OdView {
    /// "SD 2 – titel"
    pub sd: String,
    /// "OD 2.1 – titel"
    pub od: String,
    /// "ISE SG-A – naam"
    pub ise: String,
    /// "gekoppelde artikels (3)" or "via ISE SG-A (4 artikels)".
    pub bron: String,
    pub via_ise: bool,
    pub vak: String,
    pub vek: String,
    /// "p. 14" in the domain's document, or the document without a page.
    pub bron_document: String,
}

/// The most themes one table of the matrix shows side by side.
pub const MATRIX_BREEDTE: usize = 5;

#[derive(Debug, Serialize)]
pub struct MatrixDeel {
    /// The themes' titles, in column order.
    pub themas: Vec<String>,
    pub rijen: Vec<MatrixRij>,
    /// Each theme's total VAK.
    pub totalen: Vec<String>,
    /// When a theme of the part counts a dotation from one domain to a
    /// receiver in another once: per theme what its total leaves out of the
    /// domains' cells (negative), so that the column adds up.
    pub tussen: Option<Vec<String>>,
    pub grafiek: Grafiek,
}

#[derive(Debug, Serialize)]
pub struct MatrixRij {
    pub bevoegdheid: String,
    /// Per theme (in the order of `themas`): number of ODs, VAK.
    pub cellen: Vec<MatrixCel>,
}

#[derive(Debug, Serialize)]
pub struct MatrixCel {
    pub ods: usize,
    pub vak: String,
    /// The VAK in thousands (for the chart's scale).
    pub waarde: i64,
}

#[derive(Debug, Serialize)]
pub struct Grafiek {
    pub titel: String,
    pub alt: String,
    /// The themes' short names, in column order.
    pub kolommen: Vec<String>,
    /// The largest cell's VAK (thousands), for the scale.
    pub max: i64,
}

#[derive(Debug, Serialize)]
pub struct ActieView {
    pub id: String,
    pub titel: String,
    pub thema: String,
    /// "Onderwijs en Vorming (OD 2.1, OD 3.4)"
    pub domeinen: Vec<String>,
}

/// The view of `o` for the credits of `jaar` and `fase` (their `abbrev`).
pub fn build(o: &Overzicht<'_>, paginas: &Paginas, jaar: i32, fase: &str) -> HorizontaalView {
    let stand = format!("{fase} {jaar}");
    let bedrag = |x: i64| format::integer(x);
    let domeinen: Vec<DomeinView> = o
        .domeinen
        .iter()
        .map(|d| {
            let m = &d.document.meta;
            DomeinView {
                bevoegdheid: d.nota.bevoegdheid.clone(),
                ministers: format::opsomming(&m.ministers.iter().map(|x| x.naam.clone()).collect::<Vec<_>>()),
                // "Nr. 1" on one line.
                document: format!(
                    "{}, stuk {}",
                    document_name(d.document.jaar, d.document.fase),
                    m.stuk().replace("Nr. ", "Nr.\u{a0}")
                ),
            }
        })
        .collect();
    let naam = |i: usize| domeinen.get(i).map(|d| d.bevoegdheid.clone()).unwrap_or_default();
    let themas: Vec<ThemaView> = o
        .themas
        .iter()
        .map(|t| {
            let doms: Vec<ThemaDomeinView> = t
                .domeinen
                .iter()
                .map(|b| {
                    let d = o.domeinen.get(b.domein);
                    let doc_naam = d.map(|d| document_name(d.document.jaar, d.document.fase)).unwrap_or_default();
                    let pagina = |id: &str| paginas.get(b.domein).and_then(|p| p.as_ref()).and_then(|p| p.get(id));
                    let ods = b
                        .ods
                        .iter()
                        .map(|od| {
                            let [vak, vek] = gedrukt(&od.geteld);
                            let ise = od.ise.map(|i| format!("ISE {} – {}", i.code, i.naam)).unwrap_or_default();
                            let n = od.artikelen.len();
                            let bron = match od.bron {
                                Bron::Gekoppeld if n == 1 => "1 gekoppeld artikel".to_string(),
                                Bron::Gekoppeld => format!("{n} gekoppelde artikels"),
                                Bron::Ise => format!(
                                    "via ISE {} ({n} {})",
                                    od.ise.map(|i| i.code.to_string()).unwrap_or_default(),
                                    if n == 1 { "artikel" } else { "artikels" }
                                ),
                            };
                            OdView {
                                sd: format!("SD {} – {}", od.sd.nummer, od.sd.titel),
                                od: format!("OD {} – {}", od.od.nummer, od.od.titel),
                                ise,
                                bron,
                                via_ise: od.bron == Bron::Ise,
                                vak: bedrag(vak),
                                vek: bedrag(vek),
                                bron_document: match pagina(&od.od.id.0) {
                                    Some(p) => format!("{doc_naam}, p. {p}"),
                                    None => doc_naam.clone(),
                                },
                            }
                        })
                        .collect();
                    let [vak, vek] = gedrukt(&b.geteld);
                    let per_od: Vec<[i64; 2]> = b.ods.iter().map(|od| gedrukt(&od.geteld)).collect();
                    let som_vak: i64 = per_od.iter().map(|[v, _]| v).sum();
                    let som_vek: i64 = per_od.iter().map(|[_, e]| e).sum();
                    let geconsolideerd = b.geteld.len() < b.artikelen.len();
                    let meer = b.ods.len() > 1;
                    ThemaDomeinView {
                        bevoegdheid: naam(b.domein),
                        som: meer.then(|| [bedrag(som_vak), bedrag(som_vek)]),
                        dubbel: meer.then(|| [bedrag(vak - som_vak), bedrag(vek - som_vek)]),
                        ods,
                        vak: bedrag(vak),
                        vek: bedrag(vek),
                        geconsolideerd,
                    }
                })
                .collect();
            let [vak, vek] = gedrukt(&t.geteld);
            let alle = t.domeinen.iter().map(|b| b.artikelen.len()).sum::<usize>();
            let per_domein: Vec<[i64; 2]> = t.domeinen.iter().map(|b| gedrukt(&b.geteld)).collect();
            let som_vak: i64 = per_domein.iter().map(|[vak, _]| vak).sum();
            let som_vek: i64 = per_domein.iter().map(|[_, vek]| vek).sum();
            let meer = t.domeinen.len() > 1;
            let tussen = t.geteld.len() < t.domeinen.iter().map(|b| b.geteld.len()).sum::<usize>();
            ThemaView {
                som_domeinen: meer.then(|| [bedrag(som_vak), bedrag(som_vek)]),
                tussen_domeinen: tussen.then(|| [bedrag(vak - som_vak), bedrag(vek - som_vek)]),
                titel: t.plan.map_or_else(|| hoofdletter(&t.id), |p| p.titel.clone()),
                omschrijving: t.plan.map(|p| p.omschrijving.clone()).unwrap_or_default(),
                id: t.id.clone(),
                ods: t.ods(),
                geconsolideerd: t.geteld.len() < alle || doms.iter().any(|d| d.geconsolideerd),
                domeinen: doms,
                vak: bedrag(vak),
                vek: bedrag(vek),
            }
        })
        .collect();
    let matrix: Vec<MatrixRij> = (0..o.domeinen.len())
        .map(|i| MatrixRij {
            bevoegdheid: naam(i),
            cellen: o
                .themas
                .iter()
                .map(|t| match t.domeinen.iter().find(|b| b.domein == i) {
                    Some(b) => {
                        let [vak, _] = gedrukt(&b.geteld);
                        MatrixCel { ods: b.ods.len(), vak: bedrag(vak), waarde: vak }
                    }
                    None => MatrixCel { ods: 0, vak: String::new(), waarde: 0 },
                })
                .collect(),
        })
        .collect();
    // Parts as even as they can be (7 themes: 4 and 3), every chart on one
    // scale: the same amount is the same square in each.
    let delen = themas.len().div_ceil(MATRIX_BREEDTE).max(1);
    let breedte = themas.len().div_ceil(delen).max(1);
    let max = matrix.iter().flat_map(|r| r.cellen.iter().map(|c| c.waarde)).max().unwrap_or(0).max(1);
    let matrix = (0..themas.len())
        .step_by(breedte)
        .enumerate()
        .map(|(n, start)| {
            let eind = (start + breedte).min(themas.len());
            let deel = themas.get(start..eind).unwrap_or_default();
            let rijen: Vec<MatrixRij> = matrix
                .iter()
                .map(|r| MatrixRij {
                    bevoegdheid: r.bevoegdheid.clone(),
                    cellen: r
                        .cellen
                        .get(start..eind)
                        .unwrap_or_default()
                        .iter()
                        .map(|c| MatrixCel { ods: c.ods, vak: c.vak.clone(), waarde: c.waarde })
                        .collect(),
                })
                .collect();
            MatrixDeel {
                themas: deel.iter().map(|t| t.titel.clone()).collect(),
                totalen: deel.iter().map(|t| if t.ods == 0 { "–".to_string() } else { t.vak.clone() }).collect(),
                tussen: deel.iter().any(|t| t.tussen_domeinen.is_some()).then(|| {
                    deel.iter()
                        .map(|t| t.tussen_domeinen.as_ref().map_or_else(|| "–".to_string(), |[vak, _]| vak.clone()))
                        .collect()
                }),
                grafiek: grafiek(&rijen, deel, &stand, max, (delen > 1).then_some((n + 1, delen))),
                rijen,
            }
        })
        .collect();
    let acties = o
        .acties
        .iter()
        .map(|a| ActieView {
            id: a.actie.id.clone(),
            titel: a.actie.titel.clone(),
            thema: (o.themas.iter())
                .find(|t| crate::model::structure::same_tag(&t.id, &a.actie.thema))
                .and_then(|t| t.plan.map(|p| p.titel.clone()))
                .unwrap_or_else(|| a.actie.thema.clone()),
            domeinen: a
                .domeinen
                .iter()
                .map(|(i, ods)| {
                    let nummers: Vec<String> = ods.iter().map(|(_, od)| format!("OD {}", od.nummer)).collect();
                    format!("{} ({})", naam(*i), nummers.join(", "))
                })
                .collect(),
        })
        .collect();
    let niet_opgenomen = o
        .acties
        .iter()
        .filter(|a| a.domeinen.is_empty())
        .map(|a| format!("{} – {}", a.actie.id, a.actie.titel))
        .collect();
    HorizontaalView {
        titel: "Horizontaal overzicht".into(),
        ondertitel: format!("De bijdragen van alle beleidsdomeinen aan het horizontale beleid, begroting {jaar}"),
        stand,
        jaar,
        plan: None,
        met_paginas: paginas.iter().any(Option::is_some),
        domeinen,
        themas,
        matrix,
        acties,
        niet_opgenomen,
    }
}

/// The chart of the matrix (a square per domain and theme, its area the
/// VAK), with the alternative text that says what it shows: per theme the
/// domain with the most credits.
fn grafiek(matrix: &[MatrixRij], themas: &[ThemaView], stand: &str, max: i64, deel: Option<(usize, usize)>) -> Grafiek {
    let mut zinnen = Vec::new();
    for (k, t) in themas.iter().enumerate() {
        let grootste = matrix
            .iter()
            .filter_map(|r| r.cellen.get(k).filter(|c| c.ods > 0).map(|c| (r, c)))
            .max_by_key(|(_, c)| c.waarde);
        let domeinen = matrix.iter().filter(|r| r.cellen.get(k).is_some_and(|c| c.ods > 0)).count();
        zinnen.push(match grootste {
            Some((r, c)) => format!(
                "{}: {} {}, het meeste bij {} ({} duizend euro)",
                t.titel,
                domeinen,
                if domeinen == 1 { "beleidsdomein" } else { "beleidsdomeinen" },
                r.bevoegdheid,
                c.vak
            ),
            None => format!("{}: geen bijdrage", t.titel),
        });
    }
    Grafiek {
        titel: match deel {
            Some((n, van)) => format!("Vastleggingskredieten ({stand}) per beleidsdomein en thema, deel {n} van {van}"),
            None => format!("Vastleggingskredieten ({stand}) per beleidsdomein en thema"),
        },
        alt: format!(
            "Matrix van beleidsdomeinen en thema's; elk vierkant is zo groot als de vastleggingskredieten van dat domein voor dat thema. {}.",
            zinnen.join("; ")
        ),
        kolommen: themas.iter().map(|t| t.titel.clone()).collect(),
        max,
    }
}

/// A theme as an OD names it, as a title: its first letter a capital
/// ("sociale cohesie" → "Sociale cohesie").
fn hoofdletter(naam: &str) -> String {
    let mut tekens = naam.trim().chars();
    tekens.next().map(|c| c.to_uppercase().chain(tekens).collect()).unwrap_or_default()
}
