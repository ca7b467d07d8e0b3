//! Loading: reads a project's files into the model, keeping where each value
//! came from. Never judges content beyond what its format requires; that is
//! the check's job.

pub mod beleidsnota;
pub mod document;
pub mod horizontaal;
pub mod narrative;
pub mod workbook;
pub mod yaml;

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Location};
use crate::model::year::{self, Unresolved};
use crate::model::{Begroting, Beleidsnota, Document, Fase, Structuur};
use crate::{rules, tr};

pub const BELEIDSNOTA_FILE: &str = "beleidsnota.yaml";
pub const DOCUMENT_FILE: &str = "bbt.yaml";
pub const TEXT_DIR: &str = "tekst";
pub const PRESTATIES_FILE: &str = "prestaties.yaml";
/// The project's own abbreviations (optional), beside `beleidsnota.yaml`.
pub const AFKORTINGEN_FILE: &str = "afkortingen.yaml";

/// Everything one document needs: the project's beleidsnota, the document,
/// the structure it is compared with, and the previous document.
#[derive(Debug, Clone)]
pub struct Inputs {
    pub root: PathBuf,
    pub beleidsnota: Beleidsnota,
    pub document: Document,
    /// `<root>/<jaar>/<fase>/`
    pub dir: PathBuf,
    pub workbook: PathBuf,
    /// Where `bbt.yaml` is (for diagnostics about the structure as a whole).
    pub document_file: PathBuf,
    /// The structure this document must follow apart from declared changes.
    pub baseline: Baseline,
    /// Restated elements the baseline does not know and that lack attributes.
    pub unresolved: Vec<Unresolved>,
    /// The previous document, found by the project layout or `--previous`.
    pub previous: Option<Previous>,
    /// Every string value of the YAML files whose text the document prints
    /// (the beleidsnota, `bbt.yaml`, `prestaties.yaml`, the previous
    /// document's `bbt.yaml`), with its place: what the check of printable
    /// characters (T005) reads.
    pub yaml_values: Vec<(Location, String)>,
}

/// The structure a document is compared with: the beleidsnota's for the first
/// document of the term, else the previous document's resolved structure.
#[derive(Debug, Clone)]
pub struct Baseline {
    pub structuur: Structuur,
    /// "de beleidsnota" (in the language of the messages) or "BBT 2025 (BO)", for messages.
    pub naam: String,
    /// The same in Dutch, for the document: "de beleidsnota", "BBT 2025 (BO)".
    pub naam_nl: String,
}

/// The previous document, for year-over-year checks.
#[derive(Debug, Clone)]
pub struct Previous {
    pub jaar: i32,
    pub fase: Fase,
    pub dir: PathBuf,
    pub workbook: PathBuf,
    pub structuur: Structuur,
    pub begroting: Begroting,
}

impl Previous {
    pub fn naam(&self) -> String {
        document_name(self.jaar, self.fase)
    }
}

pub use crate::model::budget::document_name;

/// Which document of a project to load.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// `None`: the latest year present.
    pub year: Option<i32>,
    pub phase: Option<Fase>,
    /// Overrides the previous document found by the layout.
    pub previous: Option<PathBuf>,
    /// Reads this workbook instead of the document's `begroting.*` (the
    /// studio's check of a workbook before it is placed).
    pub workbook: Option<PathBuf>,
}

/// The years that have a document in `phase`, ascending.
pub fn years(root: &Path, phase: Fase) -> Vec<i32> {
    let mut years: Vec<i32> = std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .filter(|y| has_document(root, *y, phase))
        .collect();
    years.sort_unstable();
    years
}

fn has_document(root: &Path, jaar: i32, fase: Fase) -> bool {
    present(&document_dir(root, jaar, fase).join(DOCUMENT_FILE))
}

/// Whether something is at `path`, whatever it is (a file, a folder, a pipe,
/// a link to nothing). An optional input that is present is read, and an
/// error if it is not a readable file: never silently left out.
pub fn present(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

pub fn document_dir(root: &Path, jaar: i32, fase: Fase) -> PathBuf {
    root.join(jaar.to_string()).join(fase.folder())
}

/// The document before (`jaar`, `fase`) in the project layout: a BO of year t
/// follows the last BA of t-1 if there is one, else the BO of t-1; a BA
/// follows the BA before it or the year's BO.
pub fn previous_of(root: &Path, jaar: i32, fase: Fase) -> Option<(i32, Fase)> {
    let last_ba = |y: i32| [Fase::Ba(2), Fase::Ba(1)].into_iter().find(|f| has_document(root, y, *f));
    let found = match fase {
        Fase::Bo => last_ba(jaar - 1).map(|f| (jaar - 1, f)).or(Some((jaar - 1, Fase::Bo))),
        Fase::Ba(n) if n > 1 => Some((jaar, Fase::Ba(n - 1))),
        Fase::Ba(_) => Some((jaar, Fase::Bo)),
    };
    found.filter(|(y, f)| has_document(root, *y, *f))
}

/// Refuses an input reached through a symbolic link that leads out of the
/// project at `root`: a project must not pull other files of the machine
/// into its document. Links within the project are followed.
pub fn inside_project(root: &Path, path: &Path) -> Result<(), Diagnostic> {
    let (Ok(root), Ok(target)) = (root.canonicalize(), path.canonicalize()) else { return Ok(()) };
    if target.starts_with(&root) {
        return Ok(());
    }
    Err(rules::OUTSIDE_PROJECT
        .report(tr!("l006", doel = target.display()))
        .at(Location::File { file: path.to_path_buf() })
        .hint(tr!("l006.hint")))
}

/// Where the first byte that is not UTF-8 lies: its 1-based line and
/// column (in characters).
pub fn utf8_error_place(e: &std::string::FromUtf8Error) -> (usize, usize) {
    let before = e.as_bytes().get(..e.utf8_error().valid_up_to()).unwrap_or_default();
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    // The bytes before the error are valid UTF-8.
    let column =
        1 + before.get(line_start..).and_then(|l| std::str::from_utf8(l).ok()).map_or(0, |l| l.chars().count());
    (line, column)
}

/// Refuses a folder, device or pipe where an input file is expected: opening
/// a pipe would wait for ever, and a folder holds no figures. Every input
/// file passes here before it is opened.
pub fn regular_file(path: &Path) -> Result<(), Diagnostic> {
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => {
            let (message, hint) = if m.is_dir() {
                (tr!("l003-folder"), tr!("l003-folder.hint"))
            } else {
                (tr!("l003-special"), tr!("l003-special.hint"))
            };
            Err(rules::MISSING_INPUT.report(message).at(Location::File { file: path.to_path_buf() }).hint(hint))
        }
        _ => Ok(()),
    }
}

/// Reads a text input of the project at `root`.
fn read_text(root: &Path, path: &Path) -> Result<String, Diagnostic> {
    inside_project(root, path)?;
    regular_file(path)?;
    match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|e| {
            let (line, column) = utf8_error_place(&e);
            rules::YAML_SYNTAX
                .report(tr!("l001-utf8"))
                .at(Location::Text { file: path.to_path_buf(), line, column })
                .hint(tr!("l001-utf8.hint"))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(rules::MISSING_INPUT.report(tr!("l003-missing")).at(Location::File { file: path.to_path_buf() }))
        }
        Err(e) => Err(rules::MISSING_INPUT
            .report(tr!("l003-unreadable", reden = crate::i18n::io_error(&e)))
            .at(Location::File { file: path.to_path_buf() })),
    }
}

/// Reads the project's `beleidsnota.yaml`.
pub fn load_beleidsnota(root: &Path) -> Result<Beleidsnota, Diagnostic> {
    let path = root.join(BELEIDSNOTA_FILE);
    let mut nota = read_text(root, &path).and_then(|t| beleidsnota::parse(&path, &t)).map(|(nota, _)| nota)?;
    // The project's own abbreviations, when it has them.
    let afkortingen = root.join(AFKORTINGEN_FILE);
    if present(&afkortingen) {
        nota.afkortingen =
            read_text(root, &afkortingen).and_then(|t| beleidsnota::parse_afkortingen(&afkortingen, &t))?;
    }
    Ok(nota)
}

/// Reads the `bbt.yaml` of the document in `dir` (of project `root`).
fn load_document_file(root: &Path, dir: &Path) -> Result<(document::DocumentFile, Vec<Diagnostic>), Diagnostic> {
    let path = dir.join(DOCUMENT_FILE);
    read_text(root, &path).and_then(|t| document::parse(&path, &t))
}

/// The one workbook of the document in `dir` (of project `root`).
fn find_workbook(root: &Path, dir: &Path) -> Result<PathBuf, Diagnostic> {
    let path = workbook::find(dir)?;
    inside_project(root, &path)?;
    Ok(path)
}

/// The resolved structure of the document in `dir` (of project `root`),
/// following the chain of earlier documents back to the beleidsnota.
fn resolved_structure(root: &Path, nota: &Beleidsnota, jaar: i32, fase: Fase) -> Result<Structuur, Diagnostic> {
    let mut chain = vec![(jaar, fase)];
    while let Some(prev) = chain.last().and_then(|(y, f)| previous_of(root, *y, *f)) {
        if chain.len() > 200 {
            break;
        }
        chain.push(prev);
    }
    let mut structuur = nota.structuur.clone();
    for (y, f) in chain.into_iter().rev() {
        let dir = document_dir(root, y, f);
        let broken = |why: &str, at: Option<Location>| {
            rules::PREVIOUS_INVALID
                .report(tr!("l004-chain", document = document_name(y, f), reden = why))
                .at(at.unwrap_or(Location::File { file: dir.join(DOCUMENT_FILE) }))
                .hint(tr!("l004-chain.hint", project = root.display(), jaar = y, fase = f.folder()))
        };
        let (file, diags) = load_document_file(root, &dir).map_err(|d| broken(&d.message, d.location.clone()))?;
        if let Some(d) = diags.iter().find(|d| d.is_error()) {
            return Err(broken(&d.message, d.location.clone()));
        }
        let (s, unresolved) = year::resolve(&structuur, &file.structuur);
        if let Some(u) = unresolved.first() {
            return Err(broken(&tr!("l004-unknown-element", soort = u.soort.name(), id = &u.id), u.loc.clone()));
        }
        structuur = s;
    }
    Ok(structuur)
}

/// The year and phase of the document `sel` selects: the year asked for, or
/// the latest the project has in the phase (`bo` unless asked), also when
/// the document cannot be read; `None` when the project has none.
pub fn selected(root: &Path, sel: &Selection) -> Option<(i32, Fase)> {
    let phase = sel.phase.unwrap_or(Fase::Bo);
    sel.year.or_else(|| years(root, phase).last().copied()).map(|y| (y, phase))
}

/// Loads one document of the project at `root`, with everything it needs.
/// Returns `None` when a file could not be read far enough to go on; the
/// diagnostics say why.
pub fn load(root: &Path, sel: &Selection) -> (Option<Inputs>, Vec<Diagnostic>) {
    let phase = sel.phase.unwrap_or(Fase::Bo);
    let mut diags = Vec::new();
    let nota = load_beleidsnota(root).map_err(|d| diags.push(d)).ok();
    let Some((year, _)) = selected(root, sel) else {
        diags.push(
            rules::MISSING_INPUT
                .report(tr!("l003-no-phase", fase = phase.folder(), naam = phase.naam()))
                .at(Location::File { file: root.to_path_buf() })
                .hint(tr!("l003-no-phase.hint", fase = phase.folder())),
        );
        return (None, diags);
    };
    let dir = document_dir(root, year, phase);
    if sel.year.is_some() && !dir.is_dir() && root.is_dir() {
        // A year (or phase) the project does not have: one error that says
        // which it has, not one for each missing file.
        let present: Vec<String> = years(root, phase).iter().map(i32::to_string).collect();
        let hint = if present.is_empty() {
            tr!("l003-no-year-none", fase = phase.folder(), naam = phase.naam())
        } else {
            tr!("l003-no-year-list", naam = phase.naam(), jaren = present.join(", "))
        };
        diags.push(
            rules::MISSING_INPUT
                .report(tr!("l003-no-year", jaar = year, fase = phase.folder(), naam = phase.naam()))
                .at(Location::File { file: dir })
                .hint(hint),
        );
        return (None, diags);
    }
    // The outturn is no document (BBTs are filed with the BO and each BA):
    // a `bu` folder beside the document is a mistake to say, not to skip.
    let bu = root.join(year.to_string()).join("bu");
    if present(&bu) {
        diags.push(
            rules::NOT_A_DOCUMENT
                .report(tr!("l008", jaar = year))
                .at(Location::File { file: bu })
                .hint(tr!("l008.hint", jaar = year)),
        );
    }
    let doc_path = dir.join(DOCUMENT_FILE);
    let docfile = match load_document_file(root, &dir) {
        // A structure read in part would make every element it lacks look
        // dropped and every text a stray: only what was reported counts.
        Ok((f, more)) if f.structuur_onleesbaar => {
            diags.extend(more);
            None
        }
        Ok((f, more)) => {
            diags.extend(more);
            Some(f)
        }
        Err(d) => {
            diags.push(d);
            None
        }
    };
    if let Some(f) = &docfile
        && (f.jaar != year || f.fase != phase)
    {
        diags.push(
            rules::BAD_VALUE
                .report(tr!(
                    "l002-folder",
                    fase = f.fase.folder(),
                    jaar = f.jaar,
                    map_fase = phase.folder(),
                    map_jaar = year
                ))
                .at(f.yaml.loc("begrotingsjaar"))
                .hint(tr!("l002-folder.hint")),
        );
    }
    let found = match &sel.workbook {
        Some(candidate) => Ok(candidate.clone()),
        None => find_workbook(root, &dir),
    };
    let workbook = match found {
        Ok(p) => Some(p),
        Err(d) => {
            diags.push(d);
            None
        }
    };
    let (teksten, text_diags) = narrative::load(root, &dir.join(TEXT_DIR));
    diags.extend(text_diags);
    let prestaties_path = dir.join(PRESTATIES_FILE);
    // Present in any form (a folder, a pipe, a broken link): read, so that
    // what cannot be read is reported rather than silently left out.
    let mut prestaties_overgenomen = None;
    let prestaties = if present(&prestaties_path) {
        let read = read_text(root, &prestaties_path).and_then(|t| {
            if crate::init::carried_over(&t) {
                prestaties_overgenomen = Some(prestaties_path.clone());
            }
            document::parse_prestaties(&prestaties_path, &t)
        });
        match read {
            Ok((p, d)) => {
                diags.extend(d);
                p
            }
            Err(d) => {
                diags.push(d);
                Vec::new()
            }
        }
    } else {
        Vec::new()
    };
    let (Some(nota), Some(docfile), Some(workbook)) = (nota, docfile, workbook) else {
        return (None, diags);
    };

    // The previous document: by the layout, or as given.
    let previous_at: Option<(PathBuf, PathBuf)> = match &sel.previous {
        Some(dir) => Some((dir.clone(), dir.parent().and_then(Path::parent).unwrap_or(root).to_path_buf())),
        None => previous_of(root, year, phase).map(|(y, f)| (document_dir(root, y, f), root.to_path_buf())),
    };
    let mut previous = None;
    let mut baseline = Baseline {
        structuur: nota.structuur.clone(),
        naam: crate::tr!("baseline-beleidsnota"),
        naam_nl: "de beleidsnota".into(),
    };
    if let Some((pdir, proot)) = previous_at {
        match load_previous(&pdir, &proot, &nota) {
            Ok(p) => {
                baseline = Baseline { structuur: p.structuur.clone(), naam: p.naam(), naam_nl: p.naam() };
                previous = Some(p);
            }
            Err(d) => diags.push(d),
        }
    }

    let (begroting, wb_diags) = workbook::load(
        &workbook,
        workbook::Context { jaar: docfile.jaar, fase: docfile.fase, eenheid: docfile.meta.eenheid },
    );
    diags.extend(wb_diags);
    let (structuur, unresolved) = year::resolve(&baseline.structuur, &docfile.structuur);
    let document = Document {
        jaar: docfile.jaar,
        fase: docfile.fase,
        meta: docfile.meta,
        restated: docfile.structuur,
        structuur,
        wijzigingen: docfile.wijzigingen,
        hoofdstukken: docfile.hoofdstukken,
        bijlagen: docfile.bijlagen,
        begroting,
        teksten,
        prestaties,
        prestaties_overgenomen,
    };
    let mut yaml_files = vec![root.join(BELEIDSNOTA_FILE), doc_path.clone()];
    if prestaties_path.is_file() {
        yaml_files.push(prestaties_path);
    }
    if let Some(p) = &previous {
        yaml_files.push(p.dir.join(DOCUMENT_FILE));
    }
    let yaml_values = yaml_files.iter().flat_map(|f| yaml_values(root, f)).collect();
    let inputs = Inputs {
        root: root.to_path_buf(),
        beleidsnota: nota,
        document,
        dir,
        workbook,
        document_file: doc_path,
        baseline,
        unresolved,
        previous,
        yaml_values,
    };
    (Some(inputs), diags)
}

/// Every string value of the YAML file at `path` with the place it is
/// written. The file was read and converted already; this reads it once
/// more for its values in their positions, whatever the key (a file that
/// does not parse yields nothing: its own loader reported why).
fn yaml_values(root: &Path, path: &Path) -> Vec<(Location, String)> {
    fn walk(value: &serde_yaml::Value, path: String, file: &yaml::YamlFile, out: &mut Vec<(Location, String)>) {
        match value {
            serde_yaml::Value::String(s) => out.push((file.loc(&path), s.clone())),
            serde_yaml::Value::Sequence(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, format!("{path}[{i}]"), file, out);
                }
            }
            serde_yaml::Value::Mapping(map) => {
                for (k, v) in map {
                    let Some(k) = k.as_str() else { continue };
                    walk(v, if path.is_empty() { k.to_string() } else { format!("{path}.{k}") }, file, out);
                }
            }
            serde_yaml::Value::Tagged(t) => walk(&t.value, path, file, out),
            _ => {}
        }
    }
    let Ok(text) = read_text(root, path) else { return Vec::new() };
    let Ok((value, file)) = yaml::parse::<serde_yaml::Value>(path, &text) else { return Vec::new() };
    let mut out = Vec::new();
    walk(&value, String::new(), &file, &mut out);
    out
}

/// Loads the previous document in `dir` (of project `root`): its structure and figures.
pub fn load_previous(dir: &Path, root: &Path, nota: &Beleidsnota) -> Result<Previous, Diagnostic> {
    // Report the previous document's first problem at its own place.
    let broken = |d: &Diagnostic| {
        rules::PREVIOUS_INVALID
            .report(tr!("l004", reden = &d.message))
            .at(d.location.clone().unwrap_or(Location::File { file: dir.to_path_buf() }))
            .hint(tr!("l004.hint"))
    };
    let (file, diags) = load_document_file(root, dir).map_err(|d| broken(&d))?;
    if let Some(d) = diags.iter().find(|d| d.is_error()) {
        return Err(broken(d));
    }
    let structuur = resolved_structure(root, nota, file.jaar, file.fase)?;
    let wb = find_workbook(root, dir).map_err(|d| broken(&d))?;
    let (begroting, wb_diags) =
        workbook::load(&wb, workbook::Context { jaar: file.jaar, fase: file.fase, eenheid: file.meta.eenheid });
    if let Some(d) = wb_diags.iter().find(|d| d.is_error()) {
        return Err(broken(d));
    }
    Ok(Previous { jaar: file.jaar, fase: file.fase, dir: dir.to_path_buf(), workbook: wb, structuur, begroting })
}

/// What a blank workbook for (`jaar`, `fase`) is made from: the structure it
/// must follow and the document before it, whose articles it lists.
pub struct TemplateBasis {
    pub beleidsnota: Beleidsnota,
    pub structuur: Structuur,
    pub previous: Option<Previous>,
    /// The unit of the previous document, else duizend euro.
    pub eenheid: crate::model::Unit,
}

/// Loads what [`TemplateBasis`] needs; works for a year that has no folder yet.
/// The year `bbt template` makes a workbook for when none is given: for a
/// BO, the latest BO's year while that document is a draft (just added by
/// `bbt init --next`, say), else the year after it; for a BA, the latest
/// BO's year (the year it adjusts). `None` without any BO document.
pub fn template_default_year(root: &Path, fase: Fase) -> Option<i32> {
    let latest = *years(root, Fase::Bo).last()?;
    if fase != Fase::Bo {
        return Some(latest);
    }
    let draft = load_document_file(root, &document_dir(root, latest, Fase::Bo))
        .is_ok_and(|(f, _)| matches!(f.meta.status, crate::model::Status::Ontwerp(_)));
    Some(if draft { latest } else { latest + 1 })
}

pub fn template_basis(root: &Path, jaar: i32, fase: Fase) -> Result<TemplateBasis, Vec<Diagnostic>> {
    let nota = load_beleidsnota(root).map_err(|d| vec![d])?;
    let mut eenheid = crate::model::Unit::DuizendEuro;
    let previous = match previous_of(root, jaar, fase) {
        Some((y, f)) => {
            let dir = document_dir(root, y, f);
            if let Ok((file, _)) = load_document_file(root, &dir) {
                eenheid = file.meta.eenheid;
            }
            Some(load_previous(&dir, root, &nota).map_err(|d| vec![d])?)
        }
        None => None,
    };
    let structuur = previous.as_ref().map_or_else(|| nota.structuur.clone(), |p| p.structuur.clone());
    Ok(TemplateBasis { beleidsnota: nota, structuur, previous, eenheid })
}
