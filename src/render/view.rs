//! The document's view model: everything the templates show, already summed,
//! rounded and formatted in Dutch. Templates only arrange it.
//!
//! Rounding rule (docs/rounding.md): every printed figure is derived from the
//! article's BA and BO rounded to whole thousands (half away from zero);
//! evolutie and totals are computed from printed figures, and an article's
//! "andere bijstellingen" absorbs its rounding difference, so every printed
//! table adds up as printed. The toelichting lines under an article are
//! apportioned (largest remainder) so that they add up to the printed rows
//! they explain.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use super::format;
use super::narrative;
use crate::model::afronding;
use crate::model::budget::{ArtikelSoort, Bijstelling, EsrGroep, Fase, Krediet, Slot, Stand};
use crate::model::synthese;
use crate::model::{Artikel, Beleidsnota, Document, EntiteitCode, Status, Structuur, Verwijzing, WijzigingSoort};

/// Typst markup made by [`markdown::to_typst`]: the only strings templates
/// receive unescaped (as content blocks).
#[derive(Debug, Clone, Default)]
pub struct Markup(pub String);

impl Serialize for Markup {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        minijinja::Value::from_safe_string(self.0.clone()).serialize(s)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct DocView {
    pub meta: MetaView,
    pub inleiding: Option<Markup>,
    /// Roman numeral of the inleiding part ("I").
    pub inleiding_nummer: String,
    pub beleidsvelden: Vec<BeleidsveldView>,
    /// Column heads: "BA 2024", "BO 2025".
    pub kop_van: String,
    pub kop_naar: String,
    /// Roman numeral of the appendices part.
    pub bijlagen_nummer: String,
    /// What the structure is compared with: "De beleidsnota", "BBT 2025 (begrotingsopmaak)".
    pub vergelijking: String,
    /// The same within a sentence: "de beleidsnota", "de BBT 2025 (begrotingsopmaak)".
    pub vergelijking_zin: String,
    /// This document's name in the same form: "BBT 2026 (begrotingsopmaak)".
    pub dit_document: String,
    /// The declared changes, for the "Matrix wijzigingen doelstellingenstructuur".
    pub wijzigingen: Vec<WijzigingView>,
    /// Appendix: each OD with its SD, its ISE and the ISE's articles.
    pub koppeling: Vec<KoppelingRij>,
    /// Appendix: every article with its figures.
    pub artikeloverzicht: Vec<OverzichtArtikel>,
    /// Appendix: the abbreviations the document uses.
    pub afkortingen: Vec<(String, String)>,
    /// Files attached to the PDF (PDF/A-3), when asked for.
    pub bestanden: Vec<Bestand>,
}

/// A file attached to the PDF: its path in the template set, and what it is.
#[derive(Debug, Clone, Serialize)]
pub struct Bestand {
    pub pad: String,
    pub mime: String,
    pub beschrijving: String,
    /// "source" or "data" (PDF/A-3 AFRelationship).
    pub relatie: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct KoppelingRij {
    pub sd: String,
    pub od: String,
    pub ise: String,
    pub artikelen: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OverzichtArtikel {
    pub code: String,
    pub titel: String,
    pub ise: String,
    /// VAK and VEK at the document's standing; revenue in `vak`, `vek` empty.
    pub vak: String,
    pub vek: String,
}

const AFKORTINGEN: [(&str, &str); 17] = [
    ("BA", "begrotingsaanpassing"),
    ("BA-JR", "begrotingsaanpassing met de wijzigingen in de loop van het jaar"),
    ("BBT", "beleids- en begrotingstoelichting"),
    ("BO", "begrotingsopmaak"),
    ("BU", "begrotingsuitvoering"),
    ("ESR", "Europees Stelsel van Rekeningen"),
    ("IS", "interne stromen (dotaties aan andere entiteiten)"),
    ("ISE", "inhoudelijk structuurelement"),
    ("LE", "leningen"),
    ("LO", "lonen"),
    ("OD", "operationele doelstelling"),
    ("PA", "participaties"),
    ("PR", "provisies"),
    ("SD", "strategische doelstelling"),
    ("VAK", "vastleggingskrediet"),
    ("VEK", "vereffeningskrediet"),
    ("WT", "werking en toelagen"),
];

/// One row of the changes matrix.
#[derive(Debug, Clone, Serialize)]
pub struct WijzigingView {
    /// "Hernoemd", "Nieuw", ...
    pub soort: String,
    /// The elements as they were (labels), or empty for a new one.
    pub van: Vec<String>,
    /// The elements as they are now, or empty for a dropped one.
    pub naar: Vec<String>,
    pub reden: String,
}

/// What the title page, running heads and PDF metadata show.
#[derive(Debug, Clone, Serialize)]
pub struct MetaView {
    /// "Beleids- en begrotingstoelichting <bevoegdheid>"
    pub titel: String,
    /// "Begroting 2025"
    pub ondertitel: String,
    /// For the PDF metadata: both lines together.
    pub volledige_titel: String,
    pub bevoegdheid: String,
    pub begrotingsjaar: i32,
    /// "13-V (2024-2025) – Nr. 1"
    pub stuk: String,
    pub zittingsjaar: String,
    /// "ingediend op 24 oktober 2024", or "ontwerp van 15 september 2024".
    pub datum_regel: String,
    pub ontwerp: bool,
    pub minister: String,
    pub minister_titel: String,
    pub legislatuur: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct BeleidsveldView {
    pub id: String,
    /// Part numeral ("II").
    pub deel: String,
    /// The beleidsveld's own numeral ("I").
    pub nummer: String,
    pub naam: String,
    /// The beleidsveld's credits per ISE, gross and consolidated.
    pub overzicht: Overzicht,
    /// BA t-1 against BO t per ISE, as a bar chart.
    pub grafiek: Grafiek,
    pub ises: Vec<IseView>,
}

/// BO t per ISE of a beleidsveld, with its gross and consolidated total:
/// a dotation to an entity whose articles are in the same beleidsveld is
/// counted once (domain.md §2).
#[derive(Debug, Clone, Serialize)]
pub struct Overzicht {
    pub rijen: Vec<OverzichtRij>,
    pub bruto: OverzichtRij,
    /// The dotations left out (negative), when there are any.
    pub interne_stromen: Option<OverzichtRij>,
    pub geconsolideerd: OverzichtRij,
}

/// A bar chart. Its alternative text is required: it is built from the data,
/// and the template refuses a chart without one (PDF/UA checks do not see a
/// figure whose body is drawn with shapes).
#[derive(Debug, Clone, Serialize)]
pub struct Grafiek {
    pub titel: String,
    pub alt: String,
    pub kop_van: String,
    pub kop_naar: String,
    pub reeksen: Vec<GrafiekReeks>,
    /// The largest value, for the scale.
    pub max: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct GrafiekReeks {
    pub label: String,
    /// (BA t-1, BO t) for VAK and for VEK, in thousands, and as printed.
    pub vak: [i64; 2],
    pub vek: [i64; 2],
    pub vak_tekst: [String; 2],
    pub vek_tekst: [String; 2],
}

#[derive(Debug, Clone, Serialize)]
pub struct OverzichtRij {
    pub label: String,
    pub vak: String,
    pub vek: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct IseView {
    pub id: String,
    pub code: String,
    pub naam: String,
    /// An introduction to the ISE (`tekst/<ise-id>.md`), when written.
    pub tekst: Option<Markup>,
    pub doelstellingen: Vec<SdView>,
    /// Prestatie-informatie of the ODs clustered under this ISE.
    pub prestaties: Vec<IndicatorView>,
    pub synthese: Synthese,
    pub entiteiten: Vec<EntiteitView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SdView {
    pub id: String,
    /// The heading's label, for references; only where the SD is introduced.
    pub label: Option<String>,
    pub nummer: String,
    pub titel: String,
    pub tekst: Option<Markup>,
    /// Set when the SD was introduced under an earlier ISE (an SD spanning
    /// several ISEs shows its own text once): that ISE's code.
    pub eerder_bij: Option<String>,
    pub ods: Vec<OdView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OdView {
    pub id: String,
    /// The heading's label, for references.
    pub label: String,
    pub nummer: String,
    pub titel: String,
    pub tekst: Option<Markup>,
    pub themas: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorView {
    /// "OD 2.2"
    pub od: String,
    pub indicator: String,
    /// "61 % (2024)"
    pub waarde: String,
    pub streefwaarde: String,
    pub bron: String,
}

/// The ISE synthesis table ("Budgettair kader voor het begrotingsjaar").
#[derive(Debug, Clone, Serialize)]
pub struct Synthese {
    pub rijen: Vec<SyntheseRij>,
    /// Ontvangsten of the ISE, if it has revenue articles.
    pub ontvangsten: Option<Drieluik>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SyntheseRij {
    pub label: String,
    pub vak: Drieluik,
    pub vek: Drieluik,
    pub totaal: bool,
}

/// BA t-1 | evolutie | BO t, formatted.
#[derive(Debug, Clone, Serialize)]
pub struct Drieluik {
    pub van: String,
    pub evolutie: String,
    pub naar: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct EntiteitView {
    pub code: String,
    pub naam: String,
    pub uitgaven: Vec<UitgaveView>,
    pub ontvangsten: Vec<OntvangstView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct UitgaveView {
    pub code: String,
    pub titel: String,
    pub korte_inhoud: String,
    /// Rows: BA t-1, Index, Compensaties, Andere bijstellingen, BO t.
    pub evolutie: Vec<EvolutieRij>,
    pub toelichting: Vec<ToelichtingView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EvolutieRij {
    pub label: String,
    pub vak: String,
    pub vek: String,
    /// A standing (first and last row) rather than a movement.
    pub stand: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ToelichtingView {
    pub omschrijving: String,
    pub vak: String,
    pub vek: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OntvangstView {
    pub code: String,
    pub titel: String,
    pub korte_inhoud: String,
    pub bedragen: Drieluik,
}

fn drieluik(van: i64, naar: i64) -> Drieluik {
    Drieluik { van: format::integer(van), evolutie: format::integer(naar - van), naar: format::integer(naar) }
}

/// What the document's structure is compared with, for the changes matrix.
pub struct Vergelijking<'a> {
    pub structuur: &'a Structuur,
    /// "de beleidsnota", "BBT 2025 (begrotingsopmaak)".
    pub naam: &'a str,
}

/// Builds the view model; the texts come converted from the narrative stage
/// ([`narrative::omzetten`]), each at the heading level of its place.
pub fn build(nota: &Beleidsnota, doc: &Document, vergelijking: &Vergelijking, teksten: &narrative::Omgezet) -> DocView {
    let (van, naar) = Stand::evolutie(doc.jaar, doc.fase);
    let inleiding = teksten.inleiding.clone();
    let text = |id: &str| -> Option<Markup> { teksten.per_id.get(&crate::model::Id(id.to_string())).cloned() };

    let mut beleidsvelden = Vec::new();
    // SD id → the ISE code it was first shown under.
    let mut sd_first: BTreeMap<String, String> = BTreeMap::new();
    for (i, bv) in doc.structuur.beleidsvelden.iter().enumerate() {
        let mut ises = Vec::new();
        for ise in &bv.ises {
            // SDs with the ODs whose primary ISE this is; an SD spanning
            // several ISEs appears under each, with its ODs there.
            let mut doelstellingen = Vec::new();
            for sd in &bv.sds {
                let ods: Vec<OdView> = sd
                    .ods
                    .iter()
                    .filter(|od| od.ise == ise.id)
                    .map(|od| OdView {
                        id: od.id.0.clone(),
                        label: narrative::label_key(&od.id.0),
                        nummer: od.nummer.clone(),
                        titel: od.titel.clone(),
                        tekst: text(&od.id.0),
                        themas: od.themas.clone(),
                    })
                    .collect();
                if ods.is_empty() {
                    continue;
                }
                let eerder_bij = sd_first.get(&sd.id.0).cloned();
                if eerder_bij.is_none() {
                    sd_first.insert(sd.id.0.clone(), ise.code.to_string());
                }
                doelstellingen.push(SdView {
                    id: sd.id.0.clone(),
                    label: eerder_bij.is_none().then(|| narrative::label_key(&sd.id.0)),
                    nummer: sd.nummer.clone(),
                    titel: sd.titel.clone(),
                    tekst: if eerder_bij.is_none() { text(&sd.id.0) } else { None },
                    eerder_bij,
                    ods,
                });
            }
            let artikelen: Vec<&Artikel> = doc.begroting.van_ise(&ise.code).collect();
            let met_eenheid = |v: &str, eenheid: &str| {
                if v.is_empty() || eenheid.is_empty() { v.to_string() } else { format!("{v} {eenheid}") }
            };
            let prestaties = doc
                .prestaties
                .iter()
                .filter_map(|p| doc.structuur.od(&p.od).filter(|od| od.ise == ise.id).map(|od| (od, p)))
                .map(|(od, p)| IndicatorView {
                    od: format!("OD {}", od.nummer),
                    indicator: p.indicator.clone(),
                    waarde: match p.jaar {
                        Some(j) => format!("{} ({j})", met_eenheid(&p.waarde, &p.eenheid)),
                        None => met_eenheid(&p.waarde, &p.eenheid),
                    },
                    streefwaarde: met_eenheid(&p.streefwaarde, &p.eenheid),
                    bron: p.bron.clone(),
                })
                .collect();
            ises.push(IseView {
                id: ise.id.0.clone(),
                code: ise.code.to_string(),
                naam: ise.naam.clone(),
                tekst: text(&ise.id.0),
                doelstellingen,
                prestaties,
                synthese: synthese(&artikelen),
                entiteiten: entiteiten(nota, &artikelen, doc.fase, van, naar),
            });
        }
        beleidsvelden.push(BeleidsveldView {
            id: bv.id.0.clone(),
            deel: format::roman(i as u32 + 2),
            nummer: format::roman(i as u32 + 1),
            naam: bv.naam.clone(),
            overzicht: overzicht(doc, bv),
            grafiek: grafiek(doc, bv, van, naar),
            ises,
        });
    }

    let beleidsvelden_count = beleidsvelden.len();
    let m = &doc.meta;
    let titel = format!("Beleids- en begrotingstoelichting {}", nota.bevoegdheid);
    let ondertitel = format!("Begroting {}", doc.jaar);
    let (datum_regel, ontwerp) = match m.status {
        Status::Ingediend(d) => (format!("ingediend op {}", format::long_date(d)), false),
        Status::Ontwerp(d) => (format!("ontwerp van {}", format::long_date(d)), true),
    };
    DocView {
        meta: MetaView {
            volledige_titel: format!("{titel} – {ondertitel}"),
            titel,
            ondertitel,
            bevoegdheid: nota.bevoegdheid.clone(),
            begrotingsjaar: doc.jaar,
            stuk: format!("{}-{} ({}) – Nr. 1", m.stuk_nummer, m.stuk_letter, m.zittingsjaar),
            zittingsjaar: m.zittingsjaar.clone(),
            datum_regel,
            ontwerp,
            minister: m.minister.clone(),
            minister_titel: m.minister_titel.clone(),
            legislatuur: nota.legislatuur.clone(),
        },
        inleiding,
        inleiding_nummer: format::roman(1),
        beleidsvelden,
        kop_van: van.label(),
        kop_naar: naar.label(),
        bijlagen_nummer: format::roman(beleidsvelden_count as u32 + 2),
        vergelijking: capitalise(vergelijking.naam),
        vergelijking_zin: if vergelijking.naam.starts_with("de ") {
            vergelijking.naam.to_string()
        } else {
            format!("de {}", vergelijking.naam)
        },
        dit_document: crate::model::budget::document_name(doc.jaar, doc.fase),
        wijzigingen: wijzigingen(doc, vergelijking),
        koppeling: koppeling(doc),
        artikeloverzicht: artikeloverzicht(doc),
        afkortingen: AFKORTINGEN.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect(),
        bestanden: Vec::new(),
    }
}

fn koppeling(doc: &Document) -> Vec<KoppelingRij> {
    doc.structuur
        .sds()
        .flat_map(|(_, sd)| sd.ods.iter().map(move |od| (sd, od)))
        .map(|(sd, od)| {
            let ise = doc.structuur.ise(&od.ise);
            KoppelingRij {
                sd: format!("SD {}", sd.nummer),
                od: format!("OD {} – {}", od.nummer, od.titel),
                ise: ise.map_or_else(|| od.ise.0.clone(), |i| format!("{} {}", i.code, i.naam)),
                artikelen: ise
                    .map(|i| {
                        doc.begroting
                            .artikelen
                            .iter()
                            .filter(|a| a.ise_code == i.code)
                            .map(|a| a.code.to_string())
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

fn artikeloverzicht(doc: &Document) -> Vec<OverzichtArtikel> {
    let mut arts: Vec<&Artikel> = doc.begroting.artikelen.iter().collect();
    arts.sort_by(|a, b| {
        (a.soort() == ArtikelSoort::Ontvangst, &a.code).cmp(&(b.soort() == ArtikelSoort::Ontvangst, &b.code))
    });
    arts.into_iter()
        .map(|a| {
            let (vak, vek) = match a.soort() {
                ArtikelSoort::Uitgave => (
                    format::integer(afronding::bedrag(a, Slot::Naar(Krediet::Vak))),
                    format::integer(afronding::bedrag(a, Slot::Naar(Krediet::Vek))),
                ),
                ArtikelSoort::Ontvangst => {
                    (format::integer(afronding::bedrag(a, Slot::Naar(Krediet::Ontvangst))), String::new())
                }
            };
            OverzichtArtikel { code: a.code.to_string(), titel: a.titel.clone(), ise: a.ise_code.to_string(), vak, vek }
        })
        .collect()
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Where element `id` stands in `voor` and in `na`, labelled: its parent
/// (an OD's SD), or when only an OD's ISE differs, its ISE.
fn plaatsen(voor: &Structuur, na: &Structuur, id: &crate::model::Id) -> Option<(String, String)> {
    let find =
        |s: &'_ Structuur| s.elements().into_iter().find(|e| e.id == id).map(|e| (e.parent.cloned(), e.ise.cloned()));
    let ((p_oud, i_oud), (p_nieuw, i_nieuw)) = (find(voor)?, find(na)?);
    let label = |s: &Structuur, x: Option<crate::model::Id>| x.map(|x| s.label(&x).unwrap_or_else(|| x.to_string()));
    if p_oud != p_nieuw {
        Some((label(voor, p_oud)?, label(na, p_nieuw)?))
    } else {
        Some((label(voor, i_oud)?, label(na, i_nieuw)?))
    }
}

/// The changes matrix: each declared change with the elements before and after.
fn wijzigingen(doc: &Document, vergelijking: &Vergelijking) -> Vec<WijzigingView> {
    let label = |structuur: &Structuur, r: &Verwijzing| match r {
        Verwijzing::Element(id) => structuur.label(id).unwrap_or_else(|| id.to_string()),
        // An old code of a recoded article has the new one's description.
        Verwijzing::Artikel(code) => {
            let recoded = || doc.hercoderingen().into_iter().find(|(old, _)| old == code).map(|(_, new)| new);
            let artikel = doc.begroting.artikel(code).or_else(|| doc.begroting.artikel(&recoded()?));
            artikel.map_or(code.to_string(), |a| format!("{} – {}", code, a.titel))
        }
    };
    let voor = |r: &Verwijzing| label(vergelijking.structuur, r);
    let na = |r: &Verwijzing| label(&doc.structuur, r);
    doc.wijzigingen
        .iter()
        .map(|w| {
            let (van, naar) = match (w.soort, w.element.as_ref()) {
                (WijzigingSoort::Nieuw, Some(e)) => (Vec::new(), vec![na(e)]),
                (WijzigingSoort::Geschrapt, Some(e)) => (vec![voor(e)], Vec::new()),
                // A move: where from, where to (the SD, or for an OD that
                // changed ISE only, the ISE).
                (WijzigingSoort::Verplaatst, Some(e @ Verwijzing::Element(id))) => {
                    match plaatsen(vergelijking.structuur, &doc.structuur, id) {
                        Some((oud, nieuw)) => {
                            (vec![format!("{} (onder {oud})", voor(e))], vec![format!("{} (onder {nieuw})", na(e))])
                        }
                        None => (vec![voor(e)], vec![na(e)]),
                    }
                }
                (_, Some(e)) => (vec![voor(e)], vec![na(e)]),
                (_, None) => {
                    let mut naar: Vec<String> = w.naar.iter().map(&na).collect();
                    naar.extend(mee(vergelijking.structuur, &doc.structuur, w));
                    (w.van.iter().map(&voor).collect(), naar)
                }
            };
            WijzigingView { soort: capitalise(w.soort.name()), van, naar, reden: w.reden.clone() }
        })
        .collect()
}

/// The objectives that moved along with a split or merge of ISEs or SDs:
/// "OD 3.2 gaat mee naar ISE SG-C", for the Matrix wijzigingen.
fn mee(voor: &Structuur, na: &Structuur, w: &crate::model::Wijziging) -> Vec<String> {
    if !matches!(w.soort, WijzigingSoort::Gesplitst | WijzigingSoort::Samengevoegd) {
        return Vec::new();
    }
    let ids = |v: &[Verwijzing]| v.iter().filter_map(Verwijzing::element).cloned().collect::<Vec<_>>();
    let (van, naar) = (ids(&w.van), ids(&w.naar));
    let before: BTreeMap<_, _> =
        voor.elements().into_iter().map(|e| (e.id.clone(), (e.parent.cloned(), e.ise.cloned()))).collect();
    let kort = |s: &Structuur, id: &crate::model::Id| s.kort(id).unwrap_or_else(|| id.to_string());
    na.elements()
        .into_iter()
        .filter(|e| e.soort == crate::model::ElementSoort::Od)
        .filter_map(|e| {
            let (old_parent, old_ise) = before.get(e.id)?;
            let moved = |old: &Option<crate::model::Id>, new: Option<&crate::model::Id>| -> Option<crate::model::Id> {
                let new = new?;
                let came = old.as_ref().is_some_and(|o| o != new && van.contains(o));
                (came && naar.contains(new)).then(|| new.clone())
            };
            let to = moved(old_ise, e.ise).or_else(|| moved(old_parent, e.parent))?;
            let to = &to;
            Some(format!("{} gaat mee naar {}", kort(na, e.id), kort(na, to)))
        })
        .collect()
}

fn grafiek(doc: &Document, bv: &crate::model::Beleidsveld, van: Stand, naar: Stand) -> Grafiek {
    let reeksen: Vec<GrafiekReeks> = bv
        .ises
        .iter()
        .map(|ise| {
            let sum = |slot: Slot| doc.begroting.uitgaven_van_ise(&ise.code).map(|a| afronding::bedrag(a, slot)).sum();
            let vak = [sum(Slot::Van(Krediet::Vak)), sum(Slot::Naar(Krediet::Vak))];
            let vek = [sum(Slot::Van(Krediet::Vek)), sum(Slot::Naar(Krediet::Vek))];
            GrafiekReeks {
                label: ise.code.to_string(),
                vak_tekst: vak.map(format::integer),
                vek_tekst: vek.map(format::integer),
                vak,
                vek,
            }
        })
        .collect();
    let max = reeksen.iter().flat_map(|r| r.vak.iter().chain(r.vek.iter())).copied().max().unwrap_or(0).max(1);
    let beschrijving: Vec<String> = reeksen
        .iter()
        .map(|r| {
            format!(
                "{}: VAK van {} naar {}, VEK van {} naar {}",
                r.label, r.vak_tekst[0], r.vak_tekst[1], r.vek_tekst[0], r.vek_tekst[1]
            )
        })
        .collect();
    Grafiek {
        titel: format!("Kredieten per ISE, {} en {} (duizend euro)", van.label(), naar.label()),
        alt: format!(
            "Staafdiagram van de vastleggings- en vereffeningskredieten per ISE van het beleidsveld {}, {} tegenover {}, in duizend euro. {}.",
            bv.naam,
            van.label(),
            naar.label(),
            beschrijving.join("; ")
        ),
        kop_van: van.label(),
        kop_naar: naar.label(),
        reeksen,
        max,
    }
}

fn overzicht(doc: &Document, bv: &crate::model::Beleidsveld) -> Overzicht {
    let scope: Vec<&Artikel> = doc
        .begroting
        .artikelen
        .iter()
        .filter(|a| a.soort() == ArtikelSoort::Uitgave && bv.ises.iter().any(|i| i.code == a.ise_code))
        .collect();
    let bo = |arts: &mut dyn Iterator<Item = &&Artikel>| {
        arts.fold((0i64, 0i64), |(v, e), a| {
            (v + afronding::bedrag(a, Slot::Naar(Krediet::Vak)), e + afronding::bedrag(a, Slot::Naar(Krediet::Vek)))
        })
    };
    let rij =
        |label: String, (v, e): (i64, i64)| OverzichtRij { label, vak: format::integer(v), vek: format::integer(e) };
    let rijen = bv
        .ises
        .iter()
        .map(|ise| rij(format!("{} {}", ise.code, ise.naam), bo(&mut scope.iter().filter(|a| a.ise_code == ise.code))))
        .collect();
    let bruto = bo(&mut scope.iter());
    let (gv, ge) = bo(&mut synthese::geconsolideerd(&scope).iter());
    let (iv, ie) = (bruto.0 - gv, bruto.1 - ge);
    Overzicht {
        rijen,
        bruto: rij("Totaal".into(), bruto),
        interne_stromen: (iv != 0 || ie != 0).then(|| rij("Interne stromen binnen het beleidsveld".into(), (-iv, -ie))),
        geconsolideerd: rij("Totaal geconsolideerd".into(), (gv, ge)),
    }
}

fn synthese(artikelen: &[&Artikel]) -> Synthese {
    let groepen = [
        (EsrGroep::EsrUitgaven, "ESR-uitgaven (WT, LO, PR)"),
        (EsrGroep::Toelagen, "Toelagen (IS)"),
        (EsrGroep::Overige, "Overige (LE, PA)"),
    ];
    let uitgaven: Vec<&&Artikel> = artikelen.iter().filter(|a| a.soort() == ArtikelSoort::Uitgave).collect();
    let sum = |groep: Option<EsrGroep>, k: Krediet| -> (i64, i64) {
        uitgaven.iter().filter(|a| groep.is_none_or(|g| a.esr().groep() == g)).fold((0, 0), |(v, n), a| {
            let p = afronding::gedrukt(a, k);
            (v + p.van, n + p.naar)
        })
    };
    let mut rijen: Vec<SyntheseRij> = groepen
        .iter()
        .map(|&(g, label)| {
            let (vv, vn) = sum(Some(g), Krediet::Vak);
            let (ev, en) = sum(Some(g), Krediet::Vek);
            SyntheseRij { label: label.into(), vak: drieluik(vv, vn), vek: drieluik(ev, en), totaal: false }
        })
        .collect();
    let (vv, vn) = sum(None, Krediet::Vak);
    let (ev, en) = sum(None, Krediet::Vek);
    rijen.push(SyntheseRij { label: "Totaal".into(), vak: drieluik(vv, vn), vek: drieluik(ev, en), totaal: true });
    let ontv: Vec<&&Artikel> = artikelen.iter().filter(|a| a.soort() == ArtikelSoort::Ontvangst).collect();
    let ontvangsten = (!ontv.is_empty()).then(|| {
        let v: i64 = ontv.iter().map(|a| afronding::bedrag(a, Slot::Van(Krediet::Ontvangst))).sum();
        let n: i64 = ontv.iter().map(|a| afronding::bedrag(a, Slot::Naar(Krediet::Ontvangst))).sum();
        drieluik(v, n)
    });
    Synthese { rijen, ontvangsten }
}

/// An article's toelichting lines, printed as [`afronding::toelichting`] rounds them.
fn toelichting(a: &Artikel, fase: Fase) -> Vec<ToelichtingView> {
    a.toelichting
        .iter()
        .zip(afronding::toelichting(a, fase))
        .map(|(l, (v, e))| ToelichtingView {
            omschrijving: l.omschrijving.clone(),
            vak: format::integer(v),
            vek: format::integer(e),
        })
        .collect()
}

fn entiteiten(nota: &Beleidsnota, artikelen: &[&Artikel], fase: Fase, van: Stand, naar: Stand) -> Vec<EntiteitView> {
    // In the beleidsnota's order of entities, then any others by code.
    let mut per: BTreeMap<(usize, EntiteitCode), Vec<&Artikel>> = BTreeMap::new();
    for a in artikelen {
        let rank = nota.entiteiten.iter().position(|e| e.code == a.entiteit).unwrap_or(usize::MAX);
        per.entry((rank, a.entiteit.clone())).or_default().push(a);
    }
    per.into_iter()
        .map(|((_, code), arts)| {
            let naam = nota.entiteit(&code).map_or_else(|| code.to_string(), |e| e.naam.clone());
            let uitgaven =
                arts.iter()
                    .filter(|a| a.soort() == ArtikelSoort::Uitgave)
                    .map(|a| {
                        let pv = afronding::gedrukt(a, Krediet::Vak);
                        let pe = afronding::gedrukt(a, Krediet::Vek);
                        let row = |label: String, v: i64, e: i64, stand: bool| EvolutieRij {
                            label,
                            vak: format::integer(v),
                            vek: format::integer(e),
                            stand,
                        };
                        UitgaveView {
                            code: a.code.to_string(),
                            titel: a.titel.clone(),
                            korte_inhoud: a.korte_inhoud.clone(),
                            evolutie: std::iter::once(row(van.label(), pv.van, pe.van, true))
                                .chain(Bijstelling::voor_fase(fase).iter().map(|&(b, label)| {
                                    row(label.to_string(), pv.bijstelling(b), pe.bijstelling(b), false)
                                }))
                                .chain(std::iter::once(row(naar.label(), pv.naar, pe.naar, true)))
                                .collect(),
                            toelichting: toelichting(a, fase),
                        }
                    })
                    .collect();
            let ontvangsten = arts
                .iter()
                .filter(|a| a.soort() == ArtikelSoort::Ontvangst)
                .map(|a| OntvangstView {
                    code: a.code.to_string(),
                    titel: a.titel.clone(),
                    korte_inhoud: a.korte_inhoud.clone(),
                    bedragen: drieluik(
                        afronding::bedrag(a, Slot::Van(Krediet::Ontvangst)),
                        afronding::bedrag(a, Slot::Naar(Krediet::Ontvangst)),
                    ),
                })
                .collect();
            EntiteitView { code: code.to_string(), naam, uitgaven, ontvangsten }
        })
        .collect()
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::model::Money;
    use crate::model::budget::Fase;

    #[test]
    fn toelichting_under_an_article_in_euro_agrees_with_its_kredietevolutie() {
        let line = |omschrijving: &str, vak: i64, vek: i64| crate::model::ToelichtingLijn {
            omschrijving: omschrijving.into(),
            vak: Some(Money::from_cents(vak * 100)),
            vek: Some(Money::from_cents(vek * 100)),
            rij: 0,
        };
        let mut a = Artikel::for_tests("LB0-1LBL2AN-WT", "LB-A")
            .with(Slot::Van(Krediet::Vak), 1_234_600 * 100)
            .with(Slot::Bij(Bijstelling::Andere, Krediet::Vak), 66_778 * 100)
            .with(Slot::Naar(Krediet::Vak), 1_301_378 * 100)
            .with(Slot::Van(Krediet::Vek), 1_100_400 * 100)
            .with(Slot::Bij(Bijstelling::Andere, Krediet::Vek), 47_420 * 100)
            .with(Slot::Naar(Krediet::Vek), 1_147_820 * 100);
        a.toelichting.push(line("Herraming op basis van de uitvoering 2025", 66_778, 47_420));
        let (pv, pe) = (afronding::gedrukt(&a, Krediet::Vak), afronding::gedrukt(&a, Krediet::Vek));
        assert_eq!((pv.andere, pe.andere), (66, 48));
        let lines = toelichting(&a, Fase::Bo);
        let got: Vec<(&str, &str)> = lines.iter().map(|l| (l.vak.as_str(), l.vek.as_str())).collect();
        assert_eq!(got, [("66", "48")]);
    }
}
