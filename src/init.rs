//! `bbt init DIR`: a new, complete project that checks clean and renders at
//! once — a beleidsnota with one beleidsveld, ISE, SD and OD, a draft BO
//! document, text stubs and a blank workbook from `bbt template`.

use std::path::{Path, PathBuf};

use crate::load::{self, TemplateBasis};
use crate::model::{Fase, ProjectId, Unit};

/// Writes the project; refuses to touch a folder that already has files.
/// A valid project id made from a folder name: lowercase letters and digits,
/// every other run of characters one hyphen, at most 64 characters;
/// `project` when nothing is left.
fn project_id(folder: &str) -> ProjectId {
    let mut id = String::new();
    for c in folder.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    id.truncate(ProjectId::MAX_LEN);
    ProjectId::parse(id.trim_end_matches('-')).unwrap_or_default()
}

pub fn scaffold(dir: &Path, jaar: i32) -> Result<Vec<PathBuf>, String> {
    if dir.exists() && std::fs::read_dir(dir).map_err(|e| e.to_string())?.next().is_some() {
        return Err(format!("{} is not empty; bbt init never overwrites anything", dir.display()));
    }
    let id = project_id(dir.file_name().and_then(|n| n.to_str()).unwrap_or(""));
    let doc = dir.join(jaar.to_string()).join(Fase::Bo.folder());
    let mut files = vec![
        (
            dir.join(load::BELEIDSNOTA_FILE),
            format!(
                "# Beleidsnota: de structuur van de legislatuur. Elk element heeft een vaste id.\n\
                 # Zie docs/inputs.md voor alle sleutels.\n\
                 id: {id}\n\
                 titel: Beleidsnota {jaar}-{eind}\n\
                 bevoegdheid: Nieuw beleidsdomein\n\
                 legislatuur: {jaar}-{eind}\n\
                 entiteiten:\n  - code: XX0\n    naam: Departement\n\
                 beleidsvelden:\n\
                 \x20 - id: bv-eerste\n    naam: Eerste beleidsveld\n    ises:\n\
                 \x20     - id: ise-eerste\n        code: XX-A\n        naam: Eerste inhoudelijk structuurelement\n\
                 \x20   sds:\n      - id: sd-eerste\n        nummer: \"1\"\n        titel: Eerste strategische doelstelling\n\
                 \x20       ods:\n          - id: od-eerste\n            nummer: \"1.1\"\n            titel: Eerste operationele doelstelling\n            ise: ise-eerste\n",
                eind = jaar + 4
            ),
        ),
        (
            doc.join(load::DOCUMENT_FILE),
            format!(
                "# Beleids- en begrotingstoelichting bij de begrotingsopmaak {jaar} (ontwerp).\n\
                 begrotingsjaar: {jaar}\nfase: bo\n\
                 stuk:\n  letter: A\n  zittingsjaar: {vorig}-{jaar}\n\
                 status: ontwerp\nontwerpdatum: {vorig}-09-01\n\
                 minister:\n  naam: Naam van de minister\n  titel: Vlaams minister van ...\n\
                 eenheid: duizend euro\n\
                 structuur:\n  - beleidsveld: bv-eerste\n    ises:\n\
                 \x20     - ise: ise-eerste\n        zonder_kredieten: Nog in te vullen in begroting.xlsx.\n\
                 \x20   sds:\n      - sd: sd-eerste\n        ods: [od-eerste]\n",
                vorig = jaar - 1
            ),
        ),
        (doc.join(load::TEXT_DIR).join("inleiding.md"), "Schrijf hier de inleiding: de krachtlijnen van het beleid voor het komende jaar.\n".into()),
        (doc.join(load::TEXT_DIR).join("sd-eerste.md"), "Schrijf hier de tekst van de strategische doelstelling.\n".into()),
        (doc.join(load::TEXT_DIR).join("od-eerste.md"), "Schrijf hier de tekst van de operationele doelstelling.\n".into()),
    ]
    .into_iter()
    .map(|(p, t)| (p, t.into_bytes()))
    .collect::<Vec<_>>();
    // The structure just written, for the blank workbook.
    let (nota_path, nota_bytes) = files.first().ok_or("no beleidsnota to write")?;
    let text = String::from_utf8_lossy(nota_bytes).into_owned();
    let (nota, _) = load::beleidsnota::parse(nota_path, &text).map_err(|d| d.message)?;
    let basis = TemplateBasis {
        structuur: nota.structuur.clone(),
        beleidsnota: nota,
        previous: None,
        eenheid: Unit::DuizendEuro,
    };
    let workbook = crate::workbook_template::write(&basis, jaar, Fase::Bo).map_err(|e| e.to_string())?;
    files.push((doc.join("begroting.xlsx"), workbook));
    let mut written = Vec::new();
    for (path, bytes) in files {
        crate::output::write_atomic(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// `bbt init --next`: adds the document after the project's latest BO — the
/// structure restated by id, the texts carried over to revise, and a blank
/// workbook whose BA t-1 comes from the year's BA document if there is one
/// (else it is left empty with an instruction; never BO t-1).
pub fn next_year(root: &Path) -> Result<Vec<PathBuf>, String> {
    let latest = *load::years(root, Fase::Bo).last().ok_or("the project has no BO document yet; use bbt init")?;
    let jaar = latest + 1;
    let dir = load::document_dir(root, jaar, Fase::Bo);
    if dir.exists() {
        return Err(format!("{} exists already; bbt init never overwrites anything", dir.display()));
    }
    let basis = load::template_basis(root, jaar, Fase::Bo)
        .map_err(|d| d.first().map_or_else(|| "the project cannot be read".to_string(), |d| d.message.clone()))?;
    let from = load::document_dir(root, latest, Fase::Bo);
    let old = std::fs::read_to_string(from.join(load::DOCUMENT_FILE)).map_err(|e| e.to_string())?;
    let (oldfile, _) = load::document::parse(&from.join(load::DOCUMENT_FILE), &old).map_err(|d| d.message)?;
    let m = &oldfile.meta;
    let mut yaml = format!(
        "# Beleids- en begrotingstoelichting bij de begrotingsopmaak {jaar} (ontwerp), voortgezet uit {latest}.\n\
         begrotingsjaar: {jaar}\nfase: bo\n\
         stuk:\n  nummer: {}\n  letter: \"?\"\n  zittingsjaar: {}-{jaar}\n\
         status: ontwerp\nontwerpdatum: {latest}-09-01\n\
         minister:\n  naam: {}\n  titel: {}\n\
         eenheid: {}\n\
         # De structuur van dit jaar, per id; wat verandert, komt onder wijzigingen.\nstructuur:\n",
        m.stuk_nummer,
        latest,
        serde_json::to_string(&m.minister).unwrap_or_default(),
        serde_json::to_string(&m.minister_titel).unwrap_or_default(),
        m.eenheid.name(),
    );
    for bv in &basis.structuur.beleidsvelden {
        yaml.push_str(&format!(
            "  - beleidsveld: {}\n    ises: [{}]\n    sds:\n",
            bv.id,
            bv.ises
                .iter()
                .map(|i| match &i.zonder_kredieten {
                    // Carried over: an ISE without credits stays declared so.
                    Some(reden) => format!(
                        "{{ ise: {}, zonder_kredieten: {} }}",
                        i.id,
                        serde_json::to_string(reden).unwrap_or_default()
                    ),
                    None => i.id.0.clone(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        ));
        for sd in &bv.sds {
            yaml.push_str(&format!(
                "      - sd: {}\n        ods: [{}]\n",
                sd.id,
                sd.ods.iter().map(|o| o.id.0.as_str()).collect::<Vec<_>>().join(", ")
            ));
        }
    }
    yaml.push_str("wijzigingen: []\n");
    let mut files = vec![(dir.join(load::DOCUMENT_FILE), yaml.into_bytes())];
    // The texts, to revise.
    let tekst = from.join(load::TEXT_DIR);
    let mut stack = vec![tekst.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).map_err(|e| e.to_string())?.flatten() {
            let p = e.path();
            // Real folders only: a linked folder could lead back up (a loop).
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(p);
            } else if let Ok(rel) = p.strip_prefix(&from)
                && p.is_file()
            {
                // A text linked from outside the project is not copied in.
                load::inside_project(root, &p).map_err(|d| format!("{}: {}", p.display(), d.message))?;
                files.push((dir.join(rel), std::fs::read(&p).map_err(|e| e.to_string())?));
            }
        }
    }
    let prestaties = from.join(load::PRESTATIES_FILE);
    if prestaties.is_file() {
        load::inside_project(root, &prestaties).map_err(|d| format!("{}: {}", prestaties.display(), d.message))?;
        files.push((dir.join(load::PRESTATIES_FILE), std::fs::read(&prestaties).map_err(|e| e.to_string())?));
    }
    let workbook = crate::workbook_template::write(&basis, jaar, Fase::Bo).map_err(|e| e.to_string())?;
    files.push((dir.join("begroting.xlsx"), workbook));
    let mut written = Vec::new();
    for (path, bytes) in files {
        crate::output::write_atomic(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_folder_name_becomes_a_valid_project_id() {
        let long = "x".repeat(80);
        let cases: &[(&str, &str)] = &[
            ("samenleven", "samenleven"),
            ("Gelijke Kansen 2024", "gelijke-kansen-2024"),
            ("--é--", "project"),
            ("", "project"),
            ("a\u{1b}[2J\nwrote x.pdf", "a-2j-wrote-x-pdf"),
            (&long, &long[..64]),
        ];
        for (folder, want) in cases {
            assert_eq!(super::project_id(folder).as_str(), *want, "{folder:?}");
        }
    }
}
