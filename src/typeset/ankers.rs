//! Where each element of a typeset document begins: the labels of
//! `templates/bbt.typ` found on its pages. The studio's preview scrolls to
//! them; a render writes the headings' pages beside its PDF (the page
//! index, [`PageIndex`]) for the horizontal overview to refer to.

use serde::{Deserialize, Serialize};
use typst::layout::Abs;
use typst_layout::PagedDocument;

/// Where an element's heading stands: page (from 0) and height on it (points).
/// An article's block is an anchor of the workbook with the article's code.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Anker {
    pub element: String,
    /// `kop` (the element's heading: where choosing it scrolls to),
    /// `cijfers` (where its budget tables begin) or `artikel`.
    pub soort: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub artikel: Option<String>,
    pub pagina: usize,
    pub y: f64,
}

/// Where each element begins (the headings labelled `bbt-<id>`,
/// [`crate::render::narrative::label_key`]), where an element's budget
/// tables begin and each article's block: the labels of
/// `templates/bbt.typ`, sorted by page and height.
pub fn ankers(doc: &PagedDocument) -> Vec<Anker> {
    let introspector = doc.introspector();
    let mut out: Vec<Anker> = introspector
        .elements()
        .query_labelled()
        .iter()
        .filter_map(|content| {
            let label = content.label()?;
            // `bbt-<id>`: an element's heading; `bbt-<id>:cijfers`: where its
            // budget tables begin; `bbt-:cijfers`: where no element's part
            // begins; `bbt-werkboek:artikel:<code>`: an article's block
            // (templates/bbt.typ).
            let label = label.resolve();
            let sleutel = label.as_str().strip_prefix("bbt-")?;
            let (element, soort, artikel) = match sleutel.split_once(':') {
                Some((element, "cijfers")) => (element, "cijfers", None),
                Some((element, rest)) => (element, "artikel", Some(rest.strip_prefix("artikel:")?.to_string())),
                None => (sleutel, "kop", None),
            };
            let element = element.to_string();
            let position = introspector.position(content.location()?)?;
            Some(Anker { element, soort, artikel, pagina: position.page.get() - 1, y: rond(position.point.y) })
        })
        .collect();
    out.sort_by(|a, b| (a.pagina, a.y).partial_cmp(&(b.pagina, b.y)).unwrap_or(std::cmp::Ordering::Equal));
    out
}

/// A length in points, to a hundredth.
pub fn rond(a: Abs) -> f64 {
    (a.to_pt() * 100.0).round() / 100.0
}

/// The page each element's heading is on, as a render writes it beside the
/// PDF (`<name>.paginas.json`): element id → page number as printed (the
/// title page is page 1). Read by `bbt horizontaal` to refer to the page
/// where a minister's document explains an OD.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PageIndex {
    /// The PDF the pages are of (its file name), and its size in bytes: an
    /// index beside another PDF of that name (made later, copied in) is not
    /// this PDF's.
    pub pdf: String,
    #[serde(default)]
    pub pdf_bytes: u64,
    pub project: String,
    pub jaar: i32,
    /// `bo` or `ba` (the phase's folder).
    pub fase: String,
    pub paginas: std::collections::BTreeMap<String, usize>,
}

impl PageIndex {
    /// The index of `doc`, exported as the `pdf_bytes` bytes of `pdf`: every
    /// element heading's page.
    pub fn of(doc: &PagedDocument, pdf: &str, pdf_bytes: u64, project: &str, jaar: i32, fase: &str) -> PageIndex {
        let mut paginas = std::collections::BTreeMap::new();
        for a in ankers(doc).into_iter().filter(|a| a.soort == "kop" && !a.element.is_empty()) {
            paginas.entry(a.element).or_insert(a.pagina + 1);
        }
        PageIndex {
            pdf: pdf.to_string(),
            pdf_bytes,
            project: project.to_string(),
            jaar,
            fase: fase.to_string(),
            paginas,
        }
    }

    /// The file name of the index of the PDF whose name without `.pdf` is `stem`.
    pub fn file_name(stem: &str) -> String {
        format!("{stem}.paginas.json")
    }
}
