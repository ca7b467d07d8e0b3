//! `bbt studio`: write, check and preview a BBT in the browser.
//!
//! Two halves. The *engine* ([`Engine`]) runs on a thread of its own, as
//! `bbt watch` does: one Typst World kept alive, a cycle (load, check, view,
//! compile) after every change to the project's files, or at once after the
//! studio saved a text. It publishes each cycle's [`Toestand`] (the
//! structure, the diagnostics, the list of pages) and keeps the pages
//! ([`pages`]): only pages whose frames changed are exported to SVG again.
//! The PDF is exported only when asked, by the same render job `bbt render`
//! runs. The *server* ([`server`]) serves the page, the state as it changes
//! (server-sent events), the pages by hash, and the texts to edit; it writes
//! only the texts of the document's elements ([`teksten`]).

pub mod pages;
pub mod server;
pub mod teksten;
pub mod werkboek;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, RwLock, mpsc};
use std::time::Instant;

use serde::Serialize;

use crate::assets::TemplateSet;
use crate::diag::{Diagnostic, Location};
use crate::load::Inputs;
use crate::model::{INLEIDING, Id};
use crate::pipeline::job::{self, RenderOptions, Session};
use crate::pipeline::{RenderError, Timings};
use crate::tr;
use crate::watch::{Signal, Watching};

/// What the studio needs to know of its project.
#[derive(Debug, Clone)]
pub struct StudioOptions {
    pub root: PathBuf,
    /// How `render` (the PDF button) renders: output folder, templates, standards.
    pub render: RenderOptions,
}

/// The studio's state as the page shows it: one per cycle.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Toestand {
    /// Counts the cycles; the page asks for pages of this state.
    pub versie: u64,
    /// "BBT 2026 (BO)", or the project folder while no document can be read.
    pub document: String,
    /// The beleidsvelden with their ISEs, SDs and ODs, in the document's order.
    pub structuur: Vec<Knoop>,
    /// The inleiding, the general chapters, the free appendices, the workbook.
    pub algemeen: Vec<Knoop>,
    /// Every diagnostic, in the JSON form of `bbt check --format json`, with
    /// the element it belongs to (`element`).
    pub diagnosen: Vec<serde_json::Value>,
    /// "2 fouten, 1 waarschuwing, 0 opmerkingen."
    pub samenvatting: String,
    /// Whether the document can be filed as it is, and the sentence saying so.
    pub gereed: bool,
    pub gereed_tekst: String,
    pub paginas: Vec<pages::PaginaRef>,
    pub ankers: Vec<crate::typeset::ankers::Anker>,
    /// The preview shows an earlier state: this one has errors, or could not
    /// be typeset.
    pub verouderd: bool,
    /// Why the preview could not be made (the templates or Typst failed).
    pub melding: Option<String>,
    /// How long the cycle took, and how many pages it exported.
    pub duur_ms: u64,
    pub geexporteerd: usize,
    /// The hashes of the pages this cycle exported (new or changed).
    pub nieuw: Vec<String>,
}

/// An element in the structure tree.
#[derive(Debug, Clone, Serialize)]
pub struct Knoop {
    pub id: String,
    /// beleidsveld, ise, sd, od, inleiding, hoofdstuk, bijlage, werkboek.
    pub soort: &'static str,
    pub titel: String,
    /// Whether it has a text the studio can edit.
    pub bewerkbaar: bool,
    /// Its own diagnostics and those of the elements under it.
    pub fouten: usize,
    pub waarschuwingen: usize,
    pub kinderen: Vec<Knoop>,
}

/// How many cycles an unused entry of Typst's cache survives in the studio.
/// Fewer than `bbt watch` keeps: a writer saves every few seconds, and what a
/// save changed (a paragraph's lines, the pages after it) is not asked for
/// again; kept for ten cycles, the versions of a paragraph that grows with
/// every save made the studio's memory grow with it.
pub const CACHE_CYCLES: usize = 2;

/// The id of the workbook in the tree.
pub const WERKBOEK: &str = "werkboek";

/// What the engine is asked to do besides following the files.
pub enum Opdracht {
    /// A text was saved (when): a cycle now, without waiting for the file
    /// watcher.
    Bewaard(Instant),
    /// The workbook was replaced: a cycle now.
    Nu,
    /// Render the PDF (as `bbt render`) and say how it went.
    Pdf(tokio::sync::oneshot::Sender<PdfUitkomst>),
}

/// What the PDF button did.
#[derive(Debug, Clone, Serialize)]
pub struct PdfUitkomst {
    pub gelukt: bool,
    /// The PDF's file name in the output folder, when written.
    pub bestand: Option<String>,
    /// That output folder, as a path the writer can look for.
    pub map: Option<String>,
    pub paginas: usize,
    /// What went wrong, in the user's language.
    pub melding: Option<String>,
}

/// What the engine shares with the server.
pub struct Gedeeld {
    pub toestand: tokio::sync::watch::Sender<Arc<Toestand>>,
    /// Whether a cycle is running.
    pub bezig: tokio::sync::watch::Sender<bool>,
    pub paginas: RwLock<pages::Paginas>,
    /// The text file of every element that has one (or would have one).
    pub teksten: RwLock<BTreeMap<String, PathBuf>>,
    /// Each article's code cell in the document's workbook: where a click on
    /// its tables in the preview leads.
    pub artikelcellen: RwLock<BTreeMap<String, Location>>,
    /// The PDF last written by the PDF button.
    pub pdf: Mutex<Option<PathBuf>>,
    /// What the editor's completion offers, of the document last read (kept
    /// while the inputs cannot be read).
    pub aanvulling: Mutex<Aanvulling>,
    pub opdrachten: Mutex<mpsc::Sender<Signal<Opdracht>>>,
    pub opts: StudioOptions,
    /// Files the studio saved, with the version saved: the watcher's event
    /// for them starts no second cycle.
    pub eigen: Mutex<BTreeMap<PathBuf, String>>,
    pub meting: Mutex<Meting>,
    /// Where the measurements go (`--timings`), if anywhere.
    pub verslag: Option<Verslag>,
}

/// The completion's list (`GET /api/aanvulling`), built once per document
/// read, when first asked: a cycle only keeps what it is built from.
pub enum Aanvulling {
    /// No document was read yet.
    Geen,
    /// The document last read; the list is not built yet.
    Wacht(Box<job::Checked>),
    /// The list, as JSON.
    Klaar(Arc<str>),
}

impl Aanvulling {
    /// The list as JSON, built now if it was not yet.
    pub fn json(&mut self) -> serde_json::Result<Arc<str>> {
        use crate::render::narrative;
        let json: Arc<str> = match self {
            Aanvulling::Klaar(json) => return Ok(json.clone()),
            Aanvulling::Wacht(c) => {
                serde_json::to_string(&narrative::aanvulling(&c.inputs.beleidsnota, &c.inputs.document))?.into()
            }
            Aanvulling::Geen => {
                let leeg = narrative::Aanvulling { functies: Vec::new(), filters: narrative::FILTERS.to_vec() };
                return Ok(serde_json::to_string(&leeg)?.into());
            }
        };
        *self = Aanvulling::Klaar(json.clone());
        Ok(json)
    }
}

/// A line for the console, in the language of the messages.
pub type Verslag = Arc<dyn Fn(String) + Send + Sync>;

/// What the studio measures at the server (`bbt studio --timings`;
/// bench/studio_edits.py reads it): the time from the start to the first
/// page sent, and from a save to the last page it changed sent.
pub struct Meting {
    pub start: Instant,
    pub eerste_verzonden: bool,
    /// A save, and the pages its cycle exported that were not sent yet.
    pub wacht: Option<(Instant, std::collections::BTreeSet<String>)>,
}

impl Gedeeld {
    /// A page was sent: reports the first one, and the last of a save.
    pub fn verzonden(&self, hash: &str) {
        let Some(verslag) = &self.verslag else { return };
        let mut m = self.meting.lock().unwrap_or_else(PoisonError::into_inner);
        if !m.eerste_verzonden {
            m.eerste_verzonden = true;
            verslag(tr!("studio-timing-first", ms = ms(m.start.elapsed())));
        }
        if let Some((sinds, open)) = &mut m.wacht
            && open.remove(hash)
            && open.is_empty()
        {
            verslag(tr!("studio-timing-save", ms = ms(sinds.elapsed())));
            m.wacht = None;
        }
    }
}

/// Milliseconds, with one decimal.
fn ms(d: std::time::Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

impl Gedeeld {
    /// Asks the engine to do `o`; false if the engine has stopped.
    pub fn vraag(&self, o: Opdracht) -> bool {
        self.opdrachten.lock().unwrap_or_else(PoisonError::into_inner).send(Signal::Own(o)).is_ok()
    }

    pub fn huidig(&self) -> Arc<Toestand> {
        self.toestand.borrow().clone()
    }
}

/// The engine: keeps the World and the last good preview.
pub struct Engine {
    opts: StudioOptions,
    session: Session,
    gedeeld: Arc<Gedeeld>,
    versie: u64,
    /// The last state published: its tree and preview are kept while the
    /// inputs cannot be read.
    laatst: Arc<Toestand>,
}

/// Starts the engine on a thread of its own: it renders once, then after
/// every change. Returns what it shares, or why the files cannot be watched.
pub fn start(opts: StudioOptions, verslag: Option<Verslag>) -> notify::Result<Arc<Gedeeld>> {
    let (tx, rx) = mpsc::channel();
    let watching = Watching::start(&opts.root, opts.render.templates.as_deref(), &opts.render.output, tx.clone())?;
    // Until a document is read, the project folder names it.
    let begin = Arc::new(Toestand { document: opts.root.display().to_string(), ..Toestand::default() });
    let gedeeld = Arc::new(Gedeeld {
        toestand: tokio::sync::watch::Sender::new(begin.clone()),
        bezig: tokio::sync::watch::Sender::new(true),
        paginas: RwLock::new(pages::Paginas::default()),
        teksten: RwLock::new(BTreeMap::new()),
        artikelcellen: RwLock::new(BTreeMap::new()),
        pdf: Mutex::new(None),
        aanvulling: Mutex::new(Aanvulling::Geen),
        opdrachten: Mutex::new(tx),
        opts: opts.clone(),
        eigen: Mutex::new(BTreeMap::new()),
        meting: Mutex::new(Meting { start: Instant::now(), eerste_verzonden: false, wacht: None }),
        verslag,
    });
    let mut engine = Engine { opts, session: Session::default(), gedeeld: gedeeld.clone(), versie: 0, laatst: begin };
    std::thread::Builder::new().name("bbt-studio".into()).spawn(move || {
        engine.veilige_cyclus(None);
        let mut fouten = |_message: String| {};
        while let Some(wake) = watching.next(&rx, &mut fouten) {
            let mut cyclus = wake.paths.iter().any(|p| !engine.eigen_bewaard(p));
            let mut bewaard = None;
            for o in wake.own {
                match o {
                    Opdracht::Nu => cyclus = true,
                    Opdracht::Bewaard(om) => {
                        cyclus = true;
                        bewaard = Some(om);
                    }
                    Opdracht::Pdf(antwoord) => {
                        let uitkomst = engine.veilig(Engine::pdf).unwrap_or_else(PdfUitkomst::mislukt);
                        let _ = antwoord.send(uitkomst);
                    }
                }
            }
            if cyclus {
                engine.veilige_cyclus(bewaard);
            }
        }
    })?;
    Ok(gedeeld)
}

impl Engine {
    /// Runs `f`; if bbt itself fails inside it (a panic: a bug of bbt or of a
    /// library, which the terminal shows), the studio goes on with a fresh
    /// World, and the user reads what happened instead of a studio that
    /// stopped answering.
    fn veilig<T>(&mut self, f: impl FnOnce(&mut Engine) -> T) -> Result<T, String> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(self))).map_err(|payload| {
            self.session = Session::default();
            let fout = crate::load::workbook::guard::panic_message(&*payload).unwrap_or_default();
            tr!("studio-panic", fout = fout)
        })
    }

    /// A cycle, [`Engine::veilig`]: after a failure, the last state stays,
    /// with what happened.
    fn veilige_cyclus(&mut self, bewaard: Option<Instant>) {
        if let Err(melding) = self.veilig(|e| e.cyclus(bewaard)) {
            self.versie += 1;
            let mut t = Toestand { versie: self.versie, melding: Some(melding), ..(*self.laatst).clone() };
            t.verouderd = !t.paginas.is_empty();
            t.nieuw = Vec::new();
            self.laatst = Arc::new(t);
            self.gedeeld.toestand.send_replace(self.laatst.clone());
            self.gedeeld.bezig.send_replace(false);
        }
    }

    /// Whether `path` holds what the studio saved there last (an editor's
    /// save of other contents does not): its events start no cycle.
    fn eigen_bewaard(&self, path: &Path) -> bool {
        let mut eigen = self.gedeeld.eigen.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(versie) = eigen.get(path) else { return false };
        let zelfde = std::fs::read(path).is_ok_and(|b| teksten::versie(&b) == *versie);
        if !zelfde {
            eigen.remove(path);
        }
        zelfde
    }

    /// Measures from the save at `om` to the last of the pages `nieuw` sent.
    /// Called before the state that lists them is published: a page the
    /// browser fetches at once must find the measurement waiting for it.
    fn wacht_op(&self, om: Instant, nieuw: &[String]) {
        let Some(verslag) = &self.gedeeld.verslag else { return };
        if nieuw.is_empty() {
            verslag(tr!("studio-timing-save-nothing", ms = ms(om.elapsed())));
            return;
        }
        self.gedeeld.meting.lock().unwrap_or_else(PoisonError::into_inner).wacht =
            Some((om, nieuw.iter().cloned().collect()));
    }

    /// One cycle: load, check, and when the inputs hold no error, typeset the
    /// preview; publishes the new state. `bewaard`: when the save that asked
    /// for the cycle arrived (measured with `--timings`).
    pub fn cyclus(&mut self, bewaard: Option<Instant>) {
        self.gedeeld.bezig.send_replace(true);
        let start = Instant::now();
        let mut timings = Timings::default();
        let set = match &self.opts.render.templates {
            None => Ok(TemplateSet::bundled()),
            Some(dir) => TemplateSet::from_dir(dir).map_err(|e| tr!("studio-templates", map = dir.display(), fout = e)),
        };
        let glyphs = match &set {
            Ok(set) => crate::typeset::glyphs(set),
            Err(_) => crate::check::Glyphs::any(),
        };
        let (checked, diagnostics) =
            job::load_and_check_with(&self.opts.root, &self.opts.render.selection, &glyphs, &mut timings);
        self.versie += 1;
        let mut t = Toestand { versie: self.versie, ..Toestand::default() };
        t.samenvatting = crate::diag::summary(&diagnostics);
        match &checked {
            Some(c) => {
                t.document = crate::model::budget::document_name(c.inputs.document.jaar, c.inputs.document.fase);
                let (structuur, algemeen) = boom(&c.inputs);
                t.structuur = structuur;
                t.algemeen = algemeen;
                t.gereed = crate::check::gate::ready_to_file(&diagnostics);
                t.gereed_tekst = crate::check::gate::readiness(c.inputs.document.meta.status.is_filed(), &diagnostics);
                *self.gedeeld.teksten.write().unwrap_or_else(PoisonError::into_inner) = tekstbestanden(&c.inputs);
                let begroting = &c.inputs.document.begroting;
                *self.gedeeld.artikelcellen.write().unwrap_or_else(PoisonError::into_inner) = begroting
                    .artikelen
                    .iter()
                    .filter_map(|a| Some((a.code.to_string(), begroting.cel(a, crate::model::budget::Veld::Artikel)?)))
                    .collect();
            }
            None => {
                t.document = self.laatst.document.clone();
                t.structuur = self.laatst.structuur.clone();
                t.algemeen = self.laatst.algemeen.clone();
                t.gereed_tekst = tr!("studio-unreadable");
            }
        }
        let elementen = ElementIndex::new(checked.as_ref().map(|c| &c.inputs));
        // Places as the page shows files: relative to the project.
        let base = self.opts.root.clone();
        t.diagnosen = diagnostics
            .iter()
            .map(|d| {
                let mut v = crate::diag::json_value(d, &base);
                if let (Some(e), Some(obj)) = (elementen.van(d), v.as_object_mut()) {
                    obj.insert("element".into(), serde_json::Value::String(e));
                }
                v
            })
            .collect();
        if let Some(c) = &checked {
            werkboek::met_roosters(&diagnostics, &mut t.diagnosen, &c.inputs.workbook);
        }
        tel(&mut t.structuur, &t.diagnosen);
        tel(&mut t.algemeen, &t.diagnosen);

        let preview = match (&checked, set) {
            (Some(c), Ok(set)) if !diagnostics.iter().any(Diagnostic::is_error) => {
                let date =
                    crate::typeset::pdf_date(c.inputs.document.meta.status.date(), self.opts.render.source_date_epoch);
                let world = self.session.world(&set, date);
                Some(crate::pipeline::pdf::preview_in(world, &c.inputs, &c.teksten, &mut timings))
            }
            (_, Err(melding)) => {
                t.melding = Some(melding);
                None
            }
            _ => None,
        };
        match preview {
            Some(Ok((doc, warnings))) => {
                let ((paginas, n), ankers) = timings.time("pages", || {
                    let mut kept = self.gedeeld.paginas.write().unwrap_or_else(PoisonError::into_inner);
                    (kept.bijwerken(&doc), crate::typeset::ankers::ankers(&doc))
                });
                t.paginas = paginas;
                t.geexporteerd = n.len();
                t.nieuw = n;
                t.ankers = ankers;
                t.diagnosen.extend(warnings.iter().map(typst_probleem));
            }
            Some(Err(e)) => {
                t.melding = Some(render_melding(&e));
                self.vorige_preview(&mut t);
            }
            None => self.vorige_preview(&mut t),
        }
        typst::comemo::evict(CACHE_CYCLES);
        t.duur_ms = u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX);
        if let Some(verslag) = &self.gedeeld.verslag {
            verslag(tr!(
                "studio-timing-cycle",
                nummer = t.versie,
                ms = ms(start.elapsed()),
                nieuw = t.geexporteerd,
                paginas = t.paginas.len(),
                fasen =
                    timings.stages.iter().map(|(fase, d)| format!("{fase} {}", ms(*d))).collect::<Vec<_>>().join(", ")
            ));
        }
        if let Some(c) = checked {
            *self.gedeeld.aanvulling.lock().unwrap_or_else(PoisonError::into_inner) = Aanvulling::Wacht(Box::new(c));
        }
        if let Some(om) = bewaard {
            self.wacht_op(om, &t.nieuw);
        }
        self.laatst = Arc::new(t);
        self.gedeeld.toestand.send_replace(self.laatst.clone());
        self.gedeeld.bezig.send_replace(false);
    }

    /// Keeps the last preview, marked as earlier.
    fn vorige_preview(&self, t: &mut Toestand) {
        t.paginas = self.laatst.paginas.clone();
        t.ankers = self.laatst.ankers.clone();
        t.verouderd = !t.paginas.is_empty();
    }

    /// Renders the PDF as `bbt render` does, in the kept World.
    fn pdf(&mut self) -> PdfUitkomst {
        let outcome = job::render_project(&self.opts.root, &self.opts.render, &mut self.session);
        match &outcome.result {
            Ok(w) => {
                *self.gedeeld.pdf.lock().unwrap_or_else(PoisonError::into_inner) = Some(w.pdf.clone());
                PdfUitkomst {
                    gelukt: true,
                    bestand: w.pdf.file_name().map(|f| f.to_string_lossy().into_owned()),
                    map: w.pdf.parent().map(|m| m.display().to_string()),
                    paginas: w.pages,
                    melding: None,
                }
            }
            Err(f) => PdfUitkomst::mislukt(failure_melding(f)),
        }
    }
}

impl PdfUitkomst {
    /// No PDF, and why (the sentence says that none was made).
    fn mislukt(waarom: String) -> PdfUitkomst {
        PdfUitkomst {
            gelukt: false,
            bestand: None,
            map: None,
            paginas: 0,
            melding: Some(tr!("studio-pdf-failed", fout = waarom)),
        }
    }
}

/// A failed render job, in a sentence.
fn failure_melding(f: &job::Failure) -> String {
    match f {
        job::Failure::Invalid => tr!("studio-pdf-invalid"),
        job::Failure::Templates { dir, error } => tr!("studio-templates", map = dir.display(), fout = error),
        job::Failure::Render(e) => render_melding(e),
        job::Failure::Io { what, error } => format!("{what}: {}", crate::i18n::io_error(error)),
        job::Failure::SameOutput { pdf, .. } => pdf.display().to_string(),
        job::Failure::OutputAmongInputs(m) => m.clone(),
    }
}

fn render_melding(e: &RenderError) -> String {
    match e {
        RenderError::Template { message, .. } => tr!("studio-template-failed", fout = message),
        RenderError::Typst { problems, .. } => {
            let eerste = problems.iter().find(|p| p.error).or(problems.first());
            tr!(
                "studio-typst-failed",
                fout = eerste
                    .map(|p| format!(
                        "{}{}",
                        p.place.as_deref().map(|pl| format!("{pl}: ")).unwrap_or_default(),
                        p.message
                    ))
                    .unwrap_or_default()
            )
        }
    }
}

/// A Typst warning, in the form of the other diagnostics.
fn typst_probleem(p: &crate::typeset::TypstProblem) -> serde_json::Value {
    serde_json::json!({
        "severity": if p.error { "error" } else { "warning" },
        "code": "typst",
        "message": match &p.place { Some(pl) => format!("{pl}: {}", p.message), None => p.message.clone() },
        "hints": p.hints,
    })
}

/// The structure tree and the general parts, in the document's order.
fn boom(inputs: &Inputs) -> (Vec<Knoop>, Vec<Knoop>) {
    let doc = &inputs.document;
    let knoop = |id: &Id, soort: &'static str, titel: String, bewerkbaar: bool, kinderen: Vec<Knoop>| Knoop {
        id: id.0.clone(),
        soort,
        titel,
        bewerkbaar,
        fouten: 0,
        waarschuwingen: 0,
        kinderen,
    };
    let structuur = doc
        .structuur
        .indeling()
        .into_iter()
        .map(|(bv, ises)| {
            let ises = ises
                .into_iter()
                .map(|i| {
                    let sds = i
                        .sds
                        .into_iter()
                        .map(|s| {
                            let ods = s
                                .ods
                                .iter()
                                .map(|od| knoop(&od.id, "od", format!("OD {} – {}", od.nummer, od.titel), true, vec![]))
                                .collect();
                            let titel = format!("SD {} – {}", s.sd.nummer, s.sd.titel);
                            knoop(&s.sd.id, "sd", titel, s.eerder_bij.is_none(), ods)
                        })
                        .collect();
                    knoop(&i.ise.id, "ise", format!("ISE {} – {}", i.ise.code, i.ise.naam), true, sds)
                })
                .collect();
            knoop(&bv.id, "beleidsveld", bv.naam.clone(), false, ises)
        })
        .collect();
    let mut algemeen = vec![knoop(&Id(INLEIDING.into()), "inleiding", "Inleiding".into(), true, vec![])];
    algemeen.extend(doc.hoofdstukken.iter().map(|h| knoop(&h.id, "hoofdstuk", h.titel.clone(), true, vec![])));
    algemeen.extend(doc.bijlagen.iter().map(|b| knoop(&b.id, "bijlage", b.titel.clone(), true, vec![])));
    let werkboek = inputs.workbook.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    algemeen.push(knoop(&Id(WERKBOEK.into()), "werkboek", tr!("studio-workbook", bestand = werkboek), false, vec![]));
    (structuur, algemeen)
}

/// The text file of every element the studio may edit: the one the loader
/// read, else `tekst/<id>.md` of the document. Only ids that are safe as a
/// file name (letters, digits, `-`, `_`, `.`, not starting with a dot).
fn tekstbestanden(inputs: &Inputs) -> BTreeMap<String, PathBuf> {
    let doc = &inputs.document;
    let dir = inputs.dir.join(crate::load::TEXT_DIR);
    let mut ids: Vec<&str> = vec![INLEIDING];
    for (_, ises) in doc.structuur.indeling() {
        for i in ises {
            ids.push(&i.ise.id.0);
            for s in &i.sds {
                if s.eerder_bij.is_none() {
                    ids.push(&s.sd.id.0);
                }
                ids.extend(s.ods.iter().map(|od| od.id.0.as_str()));
            }
        }
    }
    ids.extend(doc.hoofdstukken.iter().chain(&doc.bijlagen).map(|h| h.id.0.as_str()));
    ids.into_iter()
        .filter(|id| teksten::veilige_id(id))
        .map(|id| {
            let bestaand = if id == INLEIDING {
                doc.teksten.inleiding.as_ref()
            } else {
                doc.teksten.per_id.get(&Id(id.to_string()))
            };
            let pad = bestaand.map_or_else(|| dir.join(format!("{id}.md")), |t| t.file.clone());
            (id.to_string(), pad)
        })
        .collect()
}

/// Which element a diagnostic belongs to: a text's element, the workbook,
/// or the element whose YAML line it points at.
struct ElementIndex {
    /// Text file → element id.
    bestanden: BTreeMap<PathBuf, String>,
    werkboek: Option<PathBuf>,
    /// (file, line) → element id, for the elements' places in the YAML.
    regels: BTreeMap<(PathBuf, usize), String>,
    tekst_dir: Option<PathBuf>,
}

impl ElementIndex {
    fn new(inputs: Option<&Inputs>) -> ElementIndex {
        let mut index =
            ElementIndex { bestanden: BTreeMap::new(), werkboek: None, regels: BTreeMap::new(), tekst_dir: None };
        let Some(inputs) = inputs else { return index };
        let doc = &inputs.document;
        index.werkboek = Some(inputs.workbook.clone());
        index.tekst_dir = Some(inputs.dir.join(crate::load::TEXT_DIR));
        if let Some(t) = &doc.teksten.inleiding {
            index.bestanden.insert(t.file.clone(), INLEIDING.into());
        }
        for (id, t) in &doc.teksten.per_id {
            index.bestanden.insert(t.file.clone(), id.0.clone());
        }
        for e in doc.structuur.elements() {
            if let Some(Location::Text { file, line, .. }) = e.loc {
                index.regels.insert((file.clone(), *line), e.id.0.clone());
            }
        }
        for h in doc.hoofdstukken.iter().chain(&doc.bijlagen) {
            if let Some(Location::Text { file, line, .. }) = &h.loc {
                index.regels.insert((file.clone(), *line), h.id.0.clone());
            }
        }
        index
    }

    fn van(&self, d: &Diagnostic) -> Option<String> {
        let loc = d.location.as_ref()?;
        if let Location::Cell { .. } = loc {
            return Some(WERKBOEK.into());
        }
        let file = loc.file();
        if self.werkboek.as_deref() == Some(file) {
            return Some(WERKBOEK.into());
        }
        if let Some(id) = self.bestanden.get(file) {
            return Some(id.clone());
        }
        if let Some(dir) = &self.tekst_dir
            && file.starts_with(dir)
            && file.extension().is_some_and(|e| e == "md")
        {
            return file.file_stem().map(|s| s.to_string_lossy().into_owned());
        }
        if let Location::Text { file, line, .. } = loc {
            return self.regels.get(&(file.clone(), *line)).cloned();
        }
        None
    }
}

/// Adds to every node the errors and warnings of its element and of those
/// under it.
fn tel(knopen: &mut [Knoop], diagnosen: &[serde_json::Value]) {
    for k in knopen {
        tel(&mut k.kinderen, diagnosen);
        let eigen = |ernst: &str| {
            diagnosen
                .iter()
                .filter(|d| d["element"].as_str() == Some(&k.id) && d["severity"].as_str() == Some(ernst))
                .count()
        };
        k.fouten = eigen("error") + k.kinderen.iter().map(|c| c.fouten).sum::<usize>();
        k.waarschuwingen = eigen("warning") + k.kinderen.iter().map(|c| c.waarschuwingen).sum::<usize>();
    }
}
