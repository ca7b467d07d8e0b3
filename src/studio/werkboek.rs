//! A workbook dropped on the studio: checked against the document before it
//! is placed, and placed only on confirmation, as the document's
//! `begroting.<ext>` (whatever format the one there had), the previous one
//! kept as a dated backup under `<project>/.bbt/backup/`, where the loader
//! never looks.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diag::Location;
use crate::load::workbook::{EXTENSIONS, MAX_BYTES, Rooster};
use crate::load::{self, Selection};
use crate::pipeline::Timings;
use crate::pipeline::job;

/// Where backups go, under the project.
pub const BACKUP_DIR: &str = ".bbt/backup";

/// How many cells of a check get a window of their sheet.
const MAX_ROOSTERS: usize = 50;

/// A workbook waiting for confirmation: kept in a folder of its own.
pub struct Kandidaat {
    pub id: String,
    /// The name it was dropped with.
    pub naam: String,
    pub ext: String,
    pub pad: PathBuf,
    _dir: tempfile::TempDir,
}

/// What the check of a dropped workbook found.
#[derive(Debug, Serialize)]
pub struct Controle {
    pub id: String,
    pub naam: String,
    /// The name it gets in the document: `begroting.<ext>`.
    pub doel: String,
    pub samenvatting: String,
    pub gereed: bool,
    pub gereed_tekst: String,
    /// The document's diagnostics with this workbook, the workbook's own
    /// with a window of the sheet around their cell (`rooster`).
    pub diagnosen: Vec<serde_json::Value>,
}

/// Why a dropped file is not checked.
#[derive(Debug)]
pub enum Geweigerd {
    /// Not one of the workbook formats (by its name).
    Soort,
    TeGroot,
    Io(std::io::Error),
}

/// The extension a dropped file's name gives, if a workbook's.
pub fn soort(naam: &str) -> Option<String> {
    let ext = Path::new(naam).extension()?.to_str()?.to_ascii_lowercase();
    EXTENSIONS.contains(&ext.as_str()).then_some(ext)
}

/// Keeps `bytes` (dropped as `naam`) and checks the document with it.
pub fn controleer(
    root: &Path,
    selection: &Selection,
    naam: &str,
    bytes: &[u8],
    id: String,
) -> Result<(Kandidaat, Controle), Geweigerd> {
    let ext = soort(naam).ok_or(Geweigerd::Soort)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Geweigerd::TeGroot);
    }
    let dir = tempfile::Builder::new().prefix("bbt-studio-").tempdir().map_err(Geweigerd::Io)?;
    let pad = dir.path().join(format!("begroting.{ext}"));
    std::fs::write(&pad, bytes).map_err(Geweigerd::Io)?;
    let sel = Selection { workbook: Some(pad.clone()), ..selection.clone() };
    let (checked, diags) = job::load_and_check(root, &sel, &mut Timings::default());
    let filed = checked.as_ref().is_some_and(|c| c.inputs.document.meta.status.is_filed());
    let base = root.to_path_buf();
    let mut diagnosen: Vec<serde_json::Value> = diags
        .iter()
        .map(|d| {
            let mut v = crate::diag::json_value(d, &base);
            if let Some(obj) = v.as_object_mut()
                && d.location.as_ref().is_some_and(|l| l.file() == pad)
            {
                obj.insert("file".into(), serde_json::Value::String(naam.to_string()));
                obj.insert("element".into(), serde_json::Value::String(super::WERKBOEK.into()));
            }
            v
        })
        .collect();
    met_roosters(&diags, &mut diagnosen, &pad);
    let controle = Controle {
        id: id.clone(),
        naam: naam.to_string(),
        doel: format!("begroting.{ext}"),
        samenvatting: crate::diag::summary(&diags),
        gereed: checked.is_some() && crate::check::gate::ready_to_file(&diags),
        gereed_tekst: if checked.is_some() {
            crate::check::gate::readiness(filed, &diags)
        } else {
            crate::tr!("studio-unreadable")
        },
        diagnosen,
    };
    Ok((Kandidaat { id, naam: naam.to_string(), ext, pad, _dir: dir }, controle))
}

/// Adds to each diagnostic (`diags`, as `values`) at a cell of the workbook
/// at `pad` a window of its sheet around the cell (`rooster`), for the first
/// [`MAX_ROOSTERS`] of them.
pub fn met_roosters(diags: &[crate::diag::Diagnostic], values: &mut [serde_json::Value], pad: &Path) {
    let mut bij: Vec<(usize, (String, u32, u32))> = Vec::new();
    for (i, d) in diags.iter().enumerate() {
        if let Some(Location::Cell { file, sheet, row, col }) = &d.location
            && **file == *pad
            && bij.len() < MAX_ROOSTERS
        {
            bij.push((i, (sheet.to_string(), *row, *col)));
        }
    }
    let cellen: Vec<(String, u32, u32)> = bij.iter().map(|(_, c)| c.clone()).collect();
    for ((i, _), r) in bij.iter().zip(load::workbook::roosters(pad, &cellen)) {
        if let (Some(r), Some(obj)) = (r, values.get_mut(*i).and_then(|v| v.as_object_mut())) {
            obj.insert("rooster".into(), serde_json::to_value::<&Rooster>(&r).unwrap_or_default());
        }
    }
}

/// What placing did.
#[derive(Debug, Serialize)]
pub struct Geplaatst {
    /// The workbook's path in the document, relative to the project.
    pub bestand: String,
    /// Where the previous workbook(s) went, relative to the project.
    pub backups: Vec<String>,
}

/// Places `k` as the document's workbook in `dir` (of project `root`): every
/// `begroting.*` there is first moved to the backup folder (a name of its
/// own, never over an earlier backup), then the new one is written
/// (atomically). If the write fails, the previous workbooks are moved back:
/// the document is as it was.
pub fn plaats(
    root: &Path,
    dir: &Path,
    jaar: i32,
    fase: crate::model::Fase,
    k: &Kandidaat,
) -> std::io::Result<Geplaatst> {
    let bytes = std::fs::read(&k.pad)?;
    let stempel = tijdstempel();
    let map = root.join(BACKUP_DIR);
    std::fs::create_dir_all(&map)?;
    let bestaand: Vec<PathBuf> =
        EXTENSIONS.iter().map(|e| dir.join(format!("begroting.{e}"))).filter(|p| p.is_file()).collect();
    let mut verplaatst: Vec<(PathBuf, PathBuf)> = Vec::new();
    let terug = |verplaatst: &[(PathBuf, PathBuf)]| {
        for (oud, backup) in verplaatst {
            let _ = std::fs::rename(backup, oud);
        }
    };
    for oud in &bestaand {
        let naam = oud.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let backup = (1..)
            .map(|n| {
                let extra = if n == 1 { String::new() } else { format!("-{n}") };
                map.join(format!("{jaar}-{}-{stempel}{extra}-{naam}", fase.folder()))
            })
            .find(|p| !p.exists())
            .unwrap_or_else(|| map.join(naam));
        if let Err(e) = std::fs::rename(oud, &backup) {
            terug(&verplaatst);
            return Err(e);
        }
        verplaatst.push((oud.clone(), backup));
    }
    let nieuw = dir.join(format!("begroting.{}", k.ext));
    if let Err(e) = crate::output::write_atomic(&nieuw, &bytes) {
        terug(&verplaatst);
        return Err(e);
    }
    Ok(Geplaatst {
        bestand: crate::diag::display_path(&nieuw, root),
        backups: verplaatst.iter().map(|(_, b)| crate::diag::display_path(b, root)).collect(),
    })
}

/// Now, as `20261204-171203` (UTC, as the docs say), for backup names that sort by time.
fn tijdstempel() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    let dag = crate::typeset::date_from_unix(secs);
    let t = secs.rem_euclid(86_400);
    match dag {
        Some(d) => format!("{:04}{:02}{:02}-{:02}{:02}{:02}", d.year, d.month, d.day, t / 3600, t % 3600 / 60, t % 60),
        None => secs.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_workbook_formats_are_taken() {
        assert_eq!(soort("Begroting 2026.XLSX").as_deref(), Some("xlsx"));
        assert_eq!(soort("b.ods").as_deref(), Some("ods"));
        assert_eq!(soort("b.csv"), None);
        assert_eq!(soort("xlsx"), None);
        assert_eq!(soort("../../x.pdf"), None);
    }

    #[test]
    fn placing_keeps_every_previous_workbook_as_a_backup() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let dir = root.join("2026/bo");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("begroting.xlsx"), b"oud").unwrap();
        let kdir = tempfile::tempdir().unwrap();
        let pad = kdir.path().join("begroting.ods");
        std::fs::write(&pad, b"nieuw").unwrap();
        let k = Kandidaat { id: "x".into(), naam: "b.ods".into(), ext: "ods".into(), pad, _dir: kdir };
        let g = plaats(root, &dir, 2026, crate::model::Fase::Bo, &k).unwrap();
        assert_eq!(std::fs::read(dir.join("begroting.ods")).unwrap(), b"nieuw");
        assert!(!dir.join("begroting.xlsx").exists(), "one workbook in the document");
        assert_eq!(g.backups.len(), 1);
        assert!(g.backups[0].starts_with(".bbt/backup/2026-bo-") && g.backups[0].ends_with("-begroting.xlsx"), "{g:?}");
        assert_eq!(std::fs::read(root.join(&g.backups[0])).unwrap(), b"oud");
    }
}
