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
use crate::model::INLEIDING;
use crate::model::afronding;
use crate::model::budget::{
    ArtikelSoort, Bijstelling, EsrGroep, Fase, Krediet, Realisatie, Slot, Stand, Uitvoeringsstand,
};
use crate::model::structure::{IseIndeling, SdOnderIse};
use crate::model::synthese::{self, Scope, Scopes};
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
    /// The inleiding's label (the studio finds it by).
    pub inleiding_label: String,
    /// The general chapters (`hoofdstukken` in bbt.yaml), parts II, III, ...
    pub hoofdstukken: Vec<DeelView>,
    pub beleidsvelden: Vec<BeleidsveldView>,
    /// Column heads: "BA 2024", "BO 2025".
    pub kop_van: String,
    pub kop_naar: String,
    /// The outturn's column heads: "BA 2024", "BA-JR 2024", "BU 2024"; empty
    /// when no ISE shows an outturn.
    pub uitvoering_koppen: Vec<String>,
    /// The outturn's year: "2024".
    pub uitvoering_jaar: String,
    /// Roman numeral of the appendices part.
    pub bijlagen_nummer: String,
    /// What the structure is compared with: "De beleidsnota", "BBT 2025 (BO)".
    pub vergelijking: String,
    /// The same within a sentence: "de beleidsnota", "de BBT 2025 (BO)".
    pub vergelijking_zin: String,
    /// This document's name in the same form: "BBT 2026 (BO)".
    pub dit_document: String,
    /// The declared changes, for the "Matrix wijzigingen doelstellingenstructuur".
    pub wijzigingen: Vec<WijzigingView>,
    /// Appendix: per ISE its objectives and its articles with their credits.
    pub koppeling: Vec<KoppelingRij>,
    /// The workbook links articles to ODs: the koppeling is per OD.
    pub koppeling_per_od: bool,
    /// Appendix: every expenditure article with its figures.
    pub artikeloverzicht: Vec<OverzichtArtikel>,
    /// The same for the revenue articles (the amount in `vak`).
    pub ontvangstenoverzicht: Vec<OverzichtArtikel>,
    /// The free appendices (`bijlagen` in bbt.yaml), after the standard ones.
    pub vrije_bijlagen: Vec<DeelView>,
    /// Appendix: the abbreviations the document uses.
    pub afkortingen: Vec<(String, String)>,
    /// Files attached to the PDF (PDF/A-3), when asked for.
    pub bestanden: Vec<Bestand>,
}

/// A general chapter or a free appendix.
#[derive(Debug, Clone, Serialize)]
pub struct DeelView {
    /// "II" for a chapter, "Bijlage 4" for an appendix.
    pub nummer: String,
    pub titel: String,
    /// The heading's label, for references.
    pub label: String,
    /// Its text, when it has one.
    pub tekst: Option<Markup>,
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

/// One ISE of the koppeling appendix: its objectives and its expenditure
/// articles with their credits at the document's standing, in groups.
#[derive(Debug, Clone, Serialize)]
pub struct KoppelingRij {
    pub ise: String,
    /// Without OD links in the workbook, one group: every OD of the ISE and
    /// every article. With them, one group per OD (its articles and their
    /// total), then the articles linked to none of the ISE's ODs.
    pub groepen: Vec<KoppelingGroep>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KoppelingGroep {
    /// "SD 2 – OD 2.1 Elke inburgeraar …"
    pub doelstellingen: Vec<String>,
    pub artikelen: Vec<KoppelingArtikel>,
    /// Per OD: the credits of its articles added up, consolidated (an
    /// article serving several ODs counts in full for each).
    pub totaal: Option<KoppelingArtikel>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KoppelingArtikel {
    pub code: String,
    pub titel: String,
    pub vak: String,
    pub vek: String,
    /// The other ODs the article serves ("OD 2.2, OD 2.4"), or empty.
    pub ook: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OverzichtArtikel {
    pub code: String,
    pub titel: String,
    pub ise: String,
    /// VAK and VEK at the document's standing; for revenue the amount in `vak`, `vek` empty.
    pub vak: String,
    pub vek: String,
}

/// The standard abbreviations; a document lists those it uses.
const AFKORTINGEN: [(&str, &str); 22] = [
    ("BA", "begrotingsaanpassing"),
    ("BA-JR", "begrotingsaanpassing met de wijzigingen in de loop van het jaar"),
    ("BBT", "beleids- en begrotingstoelichting"),
    ("BO", "begrotingsopmaak"),
    ("BU", "begrotingsuitvoering"),
    ("DAB", "dienst met afzonderlijk beheer"),
    ("ESR", "Europees Stelsel van Nationale en Regionale Rekeningen"),
    ("EVA", "extern verzelfstandigd agentschap"),
    ("IS", "interne stromen (dotaties aan andere entiteiten)"),
    ("ISE", "inhoudelijk structuurelement"),
    ("IVA", "intern verzelfstandigd agentschap"),
    ("LE", "leningen"),
    ("LO", "lonen"),
    ("MVG", "Ministerie van de Vlaamse Gemeenschap"),
    ("OD", "operationele doelstelling"),
    ("PA", "participaties"),
    ("PR", "provisies"),
    ("SD", "strategische doelstelling"),
    ("VAK", "vastleggingskrediet"),
    ("VEK", "vereffeningskrediet"),
    ("WT", "werking en toelagen"),
    ("VR", "Vlaamse Regering"),
];

/// The abbreviations of `lijst` that the document prints: written as a
/// word (or as a part of one joined by hyphens, "ESR-uitgaven") anywhere in
/// what the view holds, or in the words the template prints in every table
/// (VAK, VEK). Sorted as a reader looks them up.
fn gebruikte_afkortingen(lijst: &[(String, String)], view: &DocView) -> Vec<(String, String)> {
    let corpus = serde_json::to_string(view).unwrap_or_default();
    let mut woorden: std::collections::BTreeSet<&str> = ["VAK", "VEK"].into_iter().collect();
    for w in corpus.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
        woorden.insert(w);
        woorden.extend(w.split('-'));
    }
    // An abbreviation with other signs in it ("LGBTQI+") is looked up as written.
    let gebruikt =
        |a: &str| woorden.contains(a) || (a.chars().any(|c| !(c.is_alphanumeric() || c == '-')) && corpus.contains(a));
    let mut out: Vec<(String, String)> = lijst.iter().filter(|(a, _)| gebruikt(a)).cloned().collect();
    out.sort_by_key(|(a, _)| a.to_lowercase());
    out
}

/// The standard abbreviations and the project's own (`afkortingen.yaml`);
/// the project's meaning wins for an abbreviation in both.
fn alle_afkortingen(nota: &Beleidsnota) -> Vec<(String, String)> {
    let mut lijst: Vec<(String, String)> = AFKORTINGEN
        .iter()
        .filter(|(a, _)| !nota.afkortingen.iter().any(|(b, _)| b == a))
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    lijst.extend(nota.afkortingen.iter().cloned());
    lijst
}

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
    /// The ministers' names ("A en B"), for templates that show one line.
    pub minister: String,
    /// The first minister's title.
    pub minister_titel: String,
    /// Every minister filing the document, in order.
    pub ministers: Vec<MinisterView>,
    /// The verzendcode, when `bbt.yaml` gives it.
    pub verzendcode: Option<String>,
    /// The Vlaamse Regering's mededeling number, when given.
    pub mededeling: Option<String>,
    pub legislatuur: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MinisterView {
    pub naam: String,
    pub titel: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct BeleidsveldView {
    pub id: String,
    /// The heading's label (the studio finds it by).
    pub label: String,
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

/// BO t per ISE of a beleidsveld, consolidated: a dotation to an entity
/// whose articles are in the same ISE, or else in the same beleidsveld, is
/// counted once, where the receiver spends it (domain.md §2).
#[derive(Debug, Clone, Serialize)]
pub struct Overzicht {
    /// Per ISE, consolidated within the ISE.
    pub rijen: Vec<OverzichtRij>,
    /// The sum of the rows, when dotations between ISEs are left out below.
    pub som: Option<OverzichtRij>,
    /// The dotations to entities spending in another ISE of the beleidsveld
    /// (negative), when there are any.
    pub interne_stromen: Option<OverzichtRij>,
    pub geconsolideerd: OverzichtRij,
    /// Whether a dotation was left out anywhere (the note under the table).
    pub dotaties_weggelaten: bool,
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
    /// The ISE's code, and its name.
    pub label: String,
    pub naam: String,
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
    /// The heading's label (the studio finds it by).
    pub label: String,
    pub code: String,
    pub naam: String,
    /// An introduction to the ISE (`tekst/<ise-id>.md`), when written.
    pub tekst: Option<Markup>,
    pub doelstellingen: Vec<SdView>,
    /// Prestatie-informatie of the ISE and of the ODs clustered under it.
    pub prestaties: Option<PrestatieTabel>,
    /// The synthesis, one table per scope: "MVG excl. DAB", then each DAB
    /// and rechtspersoon with articles in the ISE (domain.md §2).
    pub synthese: Vec<Synthese>,
    /// The ISE's consolidated total, when it has more than one scope: every
    /// scope's articles, a dotation to an entity of the ISE counted once.
    pub geconsolideerd: Option<SyntheseRij>,
    /// The outturn of an earlier year (the sheet Uitvoering), one table per
    /// scope with rows in this ISE; empty without them.
    pub uitvoering: Vec<UitvoeringTabel>,
    /// True for the first ISE with an outturn: the sentence that explains
    /// the columns is printed once.
    pub uitvoering_uitleg: bool,
    pub entiteiten: Vec<EntiteitView>,
}

/// The outturn of an earlier year of one scope of an ISE: VAK and VEK ×
/// BA | BA-JR | BU, and the uitvoeringsgraad.
#[derive(Debug, Clone, Serialize)]
pub struct UitvoeringTabel {
    /// "ISE: Inburgering, MVG excl. DAB", as the synthesis names its scope.
    pub titel: String,
    pub scope: String,
    /// VAK, then VEK.
    pub rijen: Vec<UitvoeringView>,
    /// The ISE's consolidated outturn (after the scopes' tables, when there
    /// are several): a dotation to an entity with rows in the ISE counted once.
    pub geconsolideerd: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct UitvoeringView {
    /// "VAK" or "VEK".
    pub krediet: String,
    /// BA, BA-JR and BU in thousands, each the exact sum of its cells rounded once.
    pub bedragen: Vec<String>,
    /// BU as a percentage of BA-JR, from the exact sums: "94,3 %"; "–" when BA-JR is zero.
    pub graad: String,
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

/// The prestatie-informatie of an ISE: one row per indicator, a column per
/// year with a value (the latest `PRESTATIE_JAREN`), then the target.
#[derive(Debug, Clone, Serialize)]
pub struct PrestatieTabel {
    /// "2023", "2024", ...
    pub jaren: Vec<String>,
    pub rijen: Vec<IndicatorView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorView {
    /// "OD 2.2", or "ISE SG-A" for an indicator of the whole ISE.
    pub od: String,
    pub indicator: String,
    /// One per year of the table: "61 %", or "" when not measured that year.
    pub waarden: Vec<String>,
    /// "75 % (2029)": the target and its year.
    pub streefwaarde: String,
    pub bron: String,
}

/// One ISE synthesis table ("Budgettair kader voor het begrotingsjaar"):
/// the articles of one scope.
#[derive(Debug, Clone, Serialize)]
pub struct Synthese {
    /// "ISE: Inburgering, MVG excl. DAB", as published.
    pub titel: String,
    /// "MVG excl. DAB", "Agentschap Integratie en Inburgering (Vlaamse rechtspersoon)".
    pub scope: String,
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
    /// "de beleidsnota", "BBT 2025 (BO)".
    pub naam: &'a str,
}

/// Builds the view model; the texts come converted from the narrative stage
/// ([`narrative::omzetten`]), each at the heading level of its place.
pub fn build(nota: &Beleidsnota, doc: &Document, vergelijking: &Vergelijking, teksten: &narrative::Omgezet) -> DocView {
    let (van, naar) = Stand::evolutie(doc.jaar, doc.fase);
    let scopes = Scopes::new(nota, &doc.begroting);
    let inleiding = teksten.inleiding.clone();
    let text = |id: &str| -> Option<Markup> { teksten.per_id.get(&crate::model::Id(id.to_string())).cloned() };

    let mut beleidsvelden = Vec::new();
    let mut uitleg_gegeven = false;
    for (i, (bv, indeling)) in doc.structuur.indeling().into_iter().enumerate() {
        let mut ises = Vec::new();
        for IseIndeling { ise, sds } in indeling {
            let doelstellingen: Vec<SdView> = sds
                .into_iter()
                .map(|SdOnderIse { sd, ods, eerder_bij }| SdView {
                    id: sd.id.0.clone(),
                    label: eerder_bij.is_none().then(|| narrative::label_key(&sd.id.0)),
                    nummer: sd.nummer.clone(),
                    titel: sd.titel.clone(),
                    tekst: if eerder_bij.is_none() { text(&sd.id.0) } else { None },
                    eerder_bij: eerder_bij.map(|e| e.code.to_string()),
                    ods: ods
                        .into_iter()
                        .map(|od| OdView {
                            id: od.id.0.clone(),
                            label: narrative::label_key(&od.id.0),
                            nummer: od.nummer.clone(),
                            titel: od.titel.clone(),
                            tekst: text(&od.id.0),
                            themas: od.themas.iter().map(|t| t.naam.clone()).collect(),
                        })
                        .collect(),
                })
                .collect();
            let artikelen: Vec<&Artikel> = doc.begroting.van_ise(&ise.code).collect();
            let prestaties = prestatie_tabel(doc, ise);
            let tabellen = synthese_per_scope(nota, &scopes, &ise.naam, &artikelen);
            let uitvoering = uitvoering_per_scope(nota, &scopes, doc, ise);
            let uitvoering_uitleg = !uitvoering.is_empty() && !uitleg_gegeven;
            uitleg_gegeven |= uitvoering_uitleg;
            ises.push(IseView {
                id: ise.id.0.clone(),
                label: narrative::label_key(&ise.id.0),
                code: ise.code.to_string(),
                naam: ise.naam.clone(),
                tekst: text(&ise.id.0),
                doelstellingen,
                prestaties,
                // With more than one scope, the ISE's consolidated total.
                geconsolideerd: (tabellen.len() > 1)
                    .then(|| synthese_rij("Totaal geconsolideerd", &synthese::geconsolideerd(&artikelen), None)),
                synthese: tabellen,
                uitvoering,
                uitvoering_uitleg,
                entiteiten: entiteiten(nota, &artikelen, doc.fase, van, naar, doc.meta.nulrijen_weglaten),
            });
        }
        beleidsvelden.push(BeleidsveldView {
            id: bv.id.0.clone(),
            label: narrative::label_key(&bv.id.0),
            deel: format::roman(doc.beleidsveld_deel(i)),
            nummer: format::roman(i as u32 + 1),
            naam: bv.naam.clone(),
            overzicht: overzicht(doc, bv),
            grafiek: grafiek(doc, bv, van, naar),
            ises,
        });
    }

    // The workbook links articles to ODs: the koppeling is per OD.
    let per_od = doc.begroting.artikelen.iter().any(|a| !a.doelstellingen.is_empty());
    let deel = |h: &crate::model::Hoofdstuk, nummer: String| DeelView {
        nummer,
        titel: h.titel.clone(),
        label: narrative::label_key(&h.id.0),
        tekst: text(&h.id.0),
    };
    let hoofdstukken =
        doc.hoofdstukken.iter().enumerate().map(|(i, h)| deel(h, format::roman(doc.hoofdstuk_deel(i)))).collect();
    let vrije_bijlagen =
        doc.bijlagen.iter().enumerate().map(|(i, b)| deel(b, format!("Bijlage {}", doc.bijlage_nummer(i)))).collect();
    let m = &doc.meta;
    let titel = format!("Beleids- en begrotingstoelichting {}", nota.bevoegdheid);
    let ondertitel = format!("Begroting {}", doc.jaar);
    let (datum_regel, ontwerp) = match m.status {
        Status::Ingediend(d) => (format!("ingediend op {}", format::long_date(d)), false),
        Status::Ontwerp(d) => (format!("ontwerp van {}", format::long_date(d)), true),
    };
    let mut view = DocView {
        meta: MetaView {
            volledige_titel: format!("{titel} – {ondertitel}"),
            titel,
            ondertitel,
            bevoegdheid: nota.bevoegdheid.clone(),
            begrotingsjaar: doc.jaar,
            stuk: m.stuk(),
            zittingsjaar: m.zittingsjaar.clone(),
            datum_regel,
            ontwerp,
            minister: format::opsomming(&m.ministers.iter().map(|x| x.naam.clone()).collect::<Vec<_>>()),
            minister_titel: m.ministers.first().map(|x| x.titel.clone()).unwrap_or_default(),
            ministers: m
                .ministers
                .iter()
                .map(|x| MinisterView { naam: x.naam.clone(), titel: x.titel.clone() })
                .collect(),
            verzendcode: m.verzendcode.clone(),
            mededeling: m.mededeling.clone(),
            legislatuur: nota.legislatuur.clone(),
        },
        inleiding,
        inleiding_nummer: format::roman(1),
        inleiding_label: narrative::label_key(INLEIDING),
        hoofdstukken,
        beleidsvelden,
        // Only when an outturn is shown: the abbreviations list looks for BA-JR and BU in the view.
        uitvoering_koppen: if uitleg_gegeven {
            let j = Uitvoeringsstand::jaar(doc.jaar, doc.fase);
            Uitvoeringsstand::ALL.iter().map(|s| s.label(j)).collect()
        } else {
            Vec::new()
        },
        uitvoering_jaar: Uitvoeringsstand::jaar(doc.jaar, doc.fase).to_string(),
        kop_van: van.label(),
        kop_naar: naar.label(),
        bijlagen_nummer: format::roman(doc.bijlagen_deel()),
        vergelijking: capitalise(vergelijking.naam),
        vergelijking_zin: if vergelijking.naam.starts_with("de ") {
            vergelijking.naam.to_string()
        } else {
            format!("de {}", vergelijking.naam)
        },
        dit_document: crate::model::budget::document_name(doc.jaar, doc.fase),
        wijzigingen: wijzigingen(doc, vergelijking),
        koppeling: koppeling(doc, per_od),
        koppeling_per_od: per_od,
        artikeloverzicht: artikeloverzicht(doc, ArtikelSoort::Uitgave),
        ontvangstenoverzicht: artikeloverzicht(doc, ArtikelSoort::Ontvangst),
        vrije_bijlagen,
        afkortingen: Vec::new(),
        bestanden: Vec::new(),
    };
    view.afkortingen = gebruikte_afkortingen(&alle_afkortingen(nota), &view);
    view
}

/// The koppeling per ISE: the objectives clustered under it and its
/// expenditure articles, each once with its credits; per OD (`per_od`)
/// when the workbook says which ODs an article serves.
fn koppeling(doc: &Document, per_od: bool) -> Vec<KoppelingRij> {
    // The ODs each article serves, resolved once.
    let ods_van = |a: &Artikel| -> Vec<&crate::model::Od> {
        let mut ods: Vec<&crate::model::Od> = Vec::new();
        for (_, od) in a.doelstellingen.iter().filter_map(|n| doc.structuur.od_genoemd(n)) {
            if !ods.iter().any(|o| o.id == od.id) {
                ods.push(od);
            }
        }
        ods
    };
    let uitgaven: Vec<(&Artikel, Vec<&crate::model::Od>)> = doc
        .begroting
        .artikelen
        .iter()
        .filter(|a| a.soort() == ArtikelSoort::Uitgave)
        .map(|a| (a, ods_van(a)))
        .collect();
    let bo = |a: &Artikel, k| afronding::bedrag(a, Slot::Naar(k));
    let regel = |a: &Artikel, ook: String| KoppelingArtikel {
        code: a.code.to_string(),
        titel: a.titel.clone(),
        vak: format::integer(bo(a, Krediet::Vak)),
        vek: format::integer(bo(a, Krediet::Vek)),
        ook,
    };
    let naam =
        |sd: &crate::model::Sd, od: &crate::model::Od| format!("SD {} – OD {} {}", sd.nummer, od.nummer, od.titel);
    doc.structuur
        .ises()
        .map(|(_, ise)| {
            let ods: Vec<_> = doc.structuur.ods().filter(|(_, od)| od.ise == ise.id).collect();
            let eigen: Vec<&(&Artikel, Vec<&crate::model::Od>)> =
                uitgaven.iter().filter(|(a, _)| a.ise_code == ise.code).collect();
            let groepen = if per_od {
                let mut groepen: Vec<KoppelingGroep> = ods
                    .iter()
                    .map(|(sd, od)| {
                        let arts: Vec<&(&Artikel, Vec<&crate::model::Od>)> =
                            uitgaven.iter().filter(|(_, os)| os.iter().any(|o| o.id == od.id)).collect();
                        // Consolidated: a dotation and its receiver's own
                        // spending on the same OD count once.
                        let scope: Vec<&Artikel> = arts.iter().map(|(a, _)| *a).collect();
                        let cons = synthese::geconsolideerd(&scope);
                        let totaal = |k| cons.iter().map(|a| bo(a, k)).sum::<i64>();
                        let label = if cons.len() < scope.len() { "Totaal geconsolideerd OD" } else { "Totaal OD" };
                        KoppelingGroep {
                            doelstellingen: vec![naam(sd, od)],
                            totaal: (!arts.is_empty()).then(|| KoppelingArtikel {
                                code: format!("{label} {}", od.nummer),
                                titel: String::new(),
                                vak: format::integer(totaal(Krediet::Vak)),
                                vek: format::integer(totaal(Krediet::Vek)),
                                ook: String::new(),
                            }),
                            artikelen: arts
                                .iter()
                                .map(|(a, os)| {
                                    let ook: Vec<String> = os
                                        .iter()
                                        .filter(|o| o.id != od.id)
                                        .map(|o| format!("OD {}", o.nummer))
                                        .collect();
                                    regel(a, ook.join(", "))
                                })
                                .collect(),
                        }
                    })
                    .collect();
                let los: Vec<KoppelingArtikel> =
                    eigen.iter().filter(|(_, os)| os.is_empty()).map(|(a, _)| regel(a, String::new())).collect();
                if !los.is_empty() {
                    groepen.push(KoppelingGroep {
                        doelstellingen: vec!["Aan geen doelstelling toegewezen".into()],
                        artikelen: los,
                        totaal: None,
                    });
                }
                groepen
            } else {
                vec![KoppelingGroep {
                    doelstellingen: ods.iter().map(|(sd, od)| naam(sd, od)).collect(),
                    artikelen: eigen.iter().map(|(a, _)| regel(a, String::new())).collect(),
                    totaal: None,
                }]
            };
            KoppelingRij { ise: format!("{} {}", ise.code, ise.naam), groepen }
        })
        .collect()
}

/// Every article with its credits at the document's standing: the
/// expenditure (VAK and VEK), then the revenue, each in code order.
fn artikeloverzicht(doc: &Document, soort: ArtikelSoort) -> Vec<OverzichtArtikel> {
    let mut arts: Vec<&Artikel> = doc.begroting.artikelen.iter().filter(|a| a.soort() == soort).collect();
    arts.sort_by_key(|a| a.code);
    let bo = |a: &Artikel, k| format::integer(afronding::bedrag(a, Slot::Naar(k)));
    arts.into_iter()
        .map(|a| {
            let (vak, vek) = match a.soort() {
                ArtikelSoort::Uitgave => (bo(a, Krediet::Vak), bo(a, Krediet::Vek)),
                ArtikelSoort::Ontvangst => (bo(a, Krediet::Ontvangst), String::new()),
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
            // Consolidated: a dotation to an entity with articles in the ISE left out.
            let arts: Vec<&Artikel> = doc.begroting.uitgaven_van_ise(&ise.code).collect();
            let cons = synthese::geconsolideerd(&arts);
            let sum = |slot: Slot| cons.iter().map(|a| afronding::bedrag(a, slot)).sum::<i64>();
            let vak = [sum(Slot::Van(Krediet::Vak)), sum(Slot::Naar(Krediet::Vak))];
            let vek = [sum(Slot::Van(Krediet::Vek)), sum(Slot::Naar(Krediet::Vek))];
            GrafiekReeks {
                label: ise.code.to_string(),
                naam: ise.naam.clone(),
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
                "{} {}: VAK van {} naar {}, VEK van {} naar {}",
                r.label, r.naam, r.vak_tekst[0], r.vak_tekst[1], r.vek_tekst[0], r.vek_tekst[1]
            )
        })
        .collect();
    Grafiek {
        titel: format!("Kredieten per ISE, geconsolideerd, {} en {} (duizend euro)", van.label(), naar.label()),
        alt: format!(
            "Staafdiagram van de geconsolideerde vastleggings- en vereffeningskredieten per ISE van het beleidsveld {}, {} tegenover {}, in duizend euro. {}.",
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
    let bo = |arts: &[&Artikel]| {
        arts.iter().fold((0i64, 0i64), |(v, e), a| {
            (v + afronding::bedrag(a, Slot::Naar(Krediet::Vak)), e + afronding::bedrag(a, Slot::Naar(Krediet::Vek)))
        })
    };
    let rij =
        |label: String, (v, e): (i64, i64)| OverzichtRij { label, vak: format::integer(v), vek: format::integer(e) };
    let per_ise: Vec<(String, (i64, i64))> = bv
        .ises
        .iter()
        .map(|ise| {
            let arts: Vec<&Artikel> = scope.iter().copied().filter(|a| a.ise_code == ise.code).collect();
            (format!("{} {}", ise.code, ise.naam), bo(&synthese::geconsolideerd(&arts)))
        })
        .collect();
    let som = per_ise.iter().fold((0, 0), |(v, e), (_, (av, ae))| (v + av, e + ae));
    let (gv, ge) = bo(&synthese::geconsolideerd(&scope));
    let (iv, ie) = (som.0 - gv, som.1 - ge);
    let tussen = iv != 0 || ie != 0;
    Overzicht {
        rijen: per_ise.into_iter().map(|(label, s)| rij(label, s)).collect(),
        som: tussen.then(|| rij("Som van de ISE's".into(), som)),
        interne_stromen: tussen.then(|| rij("Dotaties tussen de ISE's van het beleidsveld".into(), (-iv, -ie))),
        geconsolideerd: rij("Totaal geconsolideerd".into(), (gv, ge)),
        dotaties_weggelaten: scope.iter().any(|a| synthese::interne_stroom(a, &scope)),
    }
}

/// The rows of the synthesis, as published.
const GROEPEN: [(EsrGroep, &str); 3] = [
    (EsrGroep::EsrUitgaven, "ESR-uitgaven (werking en toelagen (WT), lonen (LO), provisies (PR))"),
    (EsrGroep::Toelagen, "Toelagen (interne stromen (IS))"),
    (EsrGroep::Overige, "Overige (leningen (LE), participaties (PA); geen ESR-impact)"),
];

/// How a scope is named in a caption: "MVG excl. DAB", or the entity's name and type.
fn scope_naam(nota: &Beleidsnota, scope: &Scope) -> String {
    match scope {
        Scope::Mvg => "MVG excl. DAB".into(),
        Scope::Dab(code) | Scope::Rechtspersoon(code) => {
            let soort = if matches!(scope, Scope::Dab(_)) { "DAB" } else { "Vlaamse rechtspersoon" };
            let naam = nota.entiteit(code).map_or_else(|| code.to_string(), |e| e.naam.clone());
            format!("{naam} ({soort})")
        }
    }
}

/// The prestatie-informatie of `ise`: its own indicators first, then its
/// ODs' in the structure's order, each in the order written.
fn prestatie_tabel(doc: &crate::model::Document, ise: &crate::model::structure::Ise) -> Option<PrestatieTabel> {
    use crate::model::IndicatorBij;
    let plaats = |ind: &crate::model::Indicator| match &ind.bij {
        IndicatorBij::Ise(_) => Some(0),
        IndicatorBij::Od(id) => doc.structuur.ods().position(|(_, od)| &od.id == id).map(|p| p + 1),
    };
    let mut van_ise = doc.indicatoren_van(ise);
    if van_ise.is_empty() {
        return None;
    }
    // The position is a scan of the structure: once per indicator, not per comparison.
    van_ise.sort_by_cached_key(|i| plaats(i));
    let jaren = crate::model::prestatie_jaren(van_ise.iter().copied());
    let met_eenheid = |v: &str, eenheid: &str| {
        if v.is_empty() || eenheid.is_empty() { v.to_string() } else { format!("{v} {eenheid}") }
    };
    let rijen = van_ise
        .iter()
        .map(|p| IndicatorView {
            od: match &p.bij {
                IndicatorBij::Ise(_) => format!("ISE {}", ise.code),
                IndicatorBij::Od(id) => doc.structuur.od(id).map(|od| format!("OD {}", od.nummer)).unwrap_or_default(),
            },
            indicator: p.indicator.clone(),
            waarden: jaren
                .iter()
                .map(|j| {
                    p.reeks
                        .iter()
                        .find(|(jaar, _)| jaar == j)
                        .map(|(_, w)| met_eenheid(w, &p.eenheid))
                        .unwrap_or_default()
                })
                .collect(),
            streefwaarde: match p.streefjaar {
                Some(j) if !p.streefwaarde.is_empty() => format!("{} ({j})", met_eenheid(&p.streefwaarde, &p.eenheid)),
                _ => met_eenheid(&p.streefwaarde, &p.eenheid),
            },
            bron: p.bron.clone(),
        })
        .collect();
    Some(PrestatieTabel { jaren: jaren.iter().map(i32::to_string).collect(), rijen })
}

/// The ISE's synthesis, one table per scope that has articles in it (an ISE
/// without articles: the ministry's, all zero).
fn synthese_per_scope(nota: &Beleidsnota, scopes: &Scopes, ise_naam: &str, artikelen: &[&Artikel]) -> Vec<Synthese> {
    let mut lijst = scopes.van_artikelen(artikelen);
    if lijst.is_empty() {
        lijst.push(&Scope::Mvg);
    }
    lijst
        .into_iter()
        .map(|scope| {
            let arts: Vec<&Artikel> = artikelen.iter().copied().filter(|a| scopes.artikel(a) == scope).collect();
            let naam = scope_naam(nota, scope);
            synthese(format!("ISE: {ise_naam}, {naam}"), naam, &arts)
        })
        .collect()
}

/// The outturn rows of `ise`, one table per scope in the synthesis's order,
/// then (with several scopes) the consolidated one. Its articles are not
/// printed one by one: each figure is the exact sum of its cells, rounded
/// once, and the rate is computed from exact sums.
fn uitvoering_per_scope(
    nota: &Beleidsnota,
    scopes: &Scopes,
    doc: &Document,
    ise: &crate::model::structure::Ise,
) -> Vec<UitvoeringTabel> {
    synthese::uitvoering_van_ise(scopes, &doc.begroting, &ise.code)
        .into_iter()
        .map(|(scope, sommen)| {
            let naam = scope.map_or_else(|| "geconsolideerd".to_string(), |s| scope_naam(nota, s));
            let rij = |(k, r): (Krediet, &Realisatie)| UitvoeringView {
                krediet: k.label().to_string(),
                bedragen: Uitvoeringsstand::ALL.iter().map(|&s| format::integer(r.get(s).thousands())).collect(),
                graad: format::percent(r.bu.cents(), r.ba_jr.cents()).unwrap_or_else(|| "–".into()),
            };
            UitvoeringTabel {
                titel: format!("ISE: {}, {naam}", ise.naam),
                scope: naam,
                rijen: [Krediet::Vak, Krediet::Vek].into_iter().zip(sommen.iter()).map(rij).collect(),
                geconsolideerd: scope.is_none(),
            }
        })
        .collect()
}

/// The printed (van, naar) of `k` summed over the expenditure articles in `arts` of `groep`.
fn som_gedrukt(arts: &[&Artikel], groep: Option<EsrGroep>, k: Krediet) -> (i64, i64) {
    arts.iter().filter(|a| a.soort() == ArtikelSoort::Uitgave && groep.is_none_or(|g| a.esr().groep() == g)).fold(
        (0, 0),
        |(v, n), a| {
            let p = afronding::gedrukt(a, k);
            (v + p.van, n + p.naar)
        },
    )
}

fn synthese_rij(label: &str, arts: &[&Artikel], groep: Option<EsrGroep>) -> SyntheseRij {
    let (vv, vn) = som_gedrukt(arts, groep, Krediet::Vak);
    let (ev, en) = som_gedrukt(arts, groep, Krediet::Vek);
    SyntheseRij { label: label.into(), vak: drieluik(vv, vn), vek: drieluik(ev, en), totaal: groep.is_none() }
}

fn synthese(titel: String, scope: String, artikelen: &[&Artikel]) -> Synthese {
    let mut rijen: Vec<SyntheseRij> =
        GROEPEN.iter().map(|&(g, label)| synthese_rij(label, artikelen, Some(g))).collect();
    rijen.push(synthese_rij("Totaal", artikelen, None));
    let ontv: Vec<&&Artikel> = artikelen.iter().filter(|a| a.soort() == ArtikelSoort::Ontvangst).collect();
    let ontvangsten = (!ontv.is_empty()).then(|| {
        let v: i64 = ontv.iter().map(|a| afronding::bedrag(a, Slot::Van(Krediet::Ontvangst))).sum();
        let n: i64 = ontv.iter().map(|a| afronding::bedrag(a, Slot::Naar(Krediet::Ontvangst))).sum();
        drieluik(v, n)
    });
    Synthese { titel, scope, rijen, ontvangsten }
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

/// With `nulrijen_weglaten`, a kredietevolutie leaves out the movements that
/// are zero for VAK and VEK, as real BBTs may; the standings always show.
fn entiteiten(
    nota: &Beleidsnota,
    artikelen: &[&Artikel],
    fase: Fase,
    van: Stand,
    naar: Stand,
    nulrijen_weglaten: bool,
) -> Vec<EntiteitView> {
    // In the beleidsnota's order of entities, then any others by code.
    let mut per: BTreeMap<(usize, EntiteitCode), Vec<&Artikel>> = BTreeMap::new();
    for a in artikelen {
        let rank = nota.entiteiten.iter().position(|e| e.code == a.entiteit).unwrap_or(usize::MAX);
        per.entry((rank, a.entiteit.clone())).or_default().push(a);
    }
    per.into_iter()
        .map(|((_, code), arts)| {
            let naam = nota.entiteit(&code).map_or_else(|| code.to_string(), |e| e.naam.clone());
            let uitgaven = arts
                .iter()
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
                            .chain(
                                Bijstelling::voor_fase(fase)
                                    .iter()
                                    .map(|&(b, label)| (label, pv.bijstelling(b), pe.bijstelling(b)))
                                    .filter(|&(_, v, e)| !(nulrijen_weglaten && v == 0 && e == 0))
                                    .map(|(label, v, e)| row(label.to_string(), v, e, false)),
                            )
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
