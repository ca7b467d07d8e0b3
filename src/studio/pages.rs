//! The preview's pages: each page of a compiled document as an SVG (Typst's
//! own exporter), with its text layer (the text runs and where they stand,
//! so the browser can offer the text to select, search and read aloud).
//! Where each element begins is `typeset::ankers`, shared with the page
//! index a render writes.
//!
//! A page is known by the hash of its frame: a page that did not change
//! keeps its hash, so after an edit only the changed pages are exported and
//! sent; the browser keeps the rest. A page is exported when first asked
//! for, once.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use axum::body::Bytes;

use serde::Serialize;
use typst::layout::{Frame, FrameItem, Point, Transform};
use typst_layout::PagedDocument;

use crate::typeset::ankers::rond;

/// One page of the preview: what the browser fetches by its hash. Its SVG
/// and text layer are made when first asked for, so the first state (and
/// with it the first page) goes out without waiting for every page.
/// Both are shared bytes: a page that stays is carried into the next
/// state without a copy, and sent without one.
pub struct Pagina {
    page: typst_layout::Page,
    svg: OnceLock<Bytes>,
    tekst: OnceLock<Bytes>,
}

impl Pagina {
    pub fn svg(&self) -> Bytes {
        self.svg.get_or_init(|| typst_svg::svg(&self.page, &typst_svg::SvgOptions::default()).into()).clone()
    }

    /// The text layer, as JSON ([`Regel`]s).
    pub fn tekst(&self) -> Bytes {
        self.tekst
            .get_or_init(|| serde_json::to_string(&tekstlaag(&self.page.frame)).unwrap_or_else(|_| "[]".into()).into())
            .clone()
    }
}

/// A page as the state lists it.
#[derive(Debug, Clone, Serialize)]
pub struct PaginaRef {
    pub hash: String,
    /// Size in points.
    pub breedte: f64,
    pub hoogte: f64,
}

/// A run of text on a page: its baseline start and size, in points.
#[derive(Debug, Serialize, PartialEq)]
pub struct Regel {
    pub x: f64,
    pub y: f64,
    pub grootte: f64,
    pub breedte: f64,
    pub tekst: String,
}

/// The pages exported so far, by hash: those of the current preview and of
/// the one before (which a browser may still be fetching).
#[derive(Default)]
pub struct Paginas {
    huidig: HashMap<String, Arc<Pagina>>,
    vorig: HashMap<String, Arc<Pagina>>,
}

impl Paginas {
    pub fn get(&self, hash: &str) -> Option<Arc<Pagina>> {
        self.huidig.get(hash).or_else(|| self.vorig.get(hash)).cloned()
    }

    /// Takes the pages of `doc`: keeps those not known yet (to export when
    /// asked for), and returns the list of all with the hashes of the new.
    pub fn bijwerken(&mut self, doc: &PagedDocument) -> (Vec<PaginaRef>, Vec<String>) {
        let mut nieuw: HashMap<String, Arc<Pagina>> = HashMap::new();
        let mut refs = Vec::with_capacity(doc.pages().len());
        let mut geexporteerd = Vec::new();
        for page in doc.pages() {
            let hash = format!("{:032x}", typst::utils::hash128(page));
            // A page seen before keeps what was made of it but takes this
            // compilation's frame: holding the first one would keep the
            // layout of an old compilation alive after Typst's cache let go
            // of it (after a change that moves every page, that is tens of
            // megabytes for the rest of the session).
            let (svg, tekst) = match self.get(&hash) {
                Some(p) => (p.svg.clone(), p.tekst.clone()),
                None => {
                    geexporteerd.push(hash.clone());
                    (OnceLock::new(), OnceLock::new())
                }
            };
            let pagina = Arc::new(Pagina { page: page.clone(), svg, tekst });
            let size = page.frame.size();
            refs.push(PaginaRef { hash: hash.clone(), breedte: size.x.to_pt(), hoogte: size.y.to_pt() });
            nieuw.insert(hash, pagina);
        }
        self.vorig = std::mem::replace(&mut self.huidig, nieuw);
        (refs, geexporteerd)
    }
}

/// The text runs of a page, in reading order of the frame.
pub fn tekstlaag(frame: &Frame) -> Vec<Regel> {
    let mut out = Vec::new();
    walk(frame, Transform::identity(), &mut out);
    out
}

fn walk(frame: &Frame, ts: Transform, out: &mut Vec<Regel>) {
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(group) => {
                let ts = ts.pre_concat(Transform::translate(pos.x, pos.y)).pre_concat(group.transform);
                walk(&group.frame, ts, out);
            }
            FrameItem::Text(text) if !text.text.trim().is_empty() => {
                let start = pos.transform(ts);
                let end = Point::new(pos.x + text.width(), pos.y).transform(ts);
                let schaal = ts.sy.get().abs();
                out.push(Regel {
                    x: rond(start.x),
                    y: rond(start.y),
                    grootte: rond(text.size * schaal),
                    breedte: rond(end.x - start.x),
                    tekst: text.text.to_string(),
                });
            }
            _ => {}
        }
    }
}
