//! `bbt init DIR`: a new, complete project that checks clean and renders at
//! once — a beleidsnota with one beleidsveld, ISE, SD and OD, a draft BO
//! document, text stubs and a blank workbook from `bbt template`.

use std::path::{Path, PathBuf};

use crate::load::{self, TemplateBasis};
use crate::model::{Fase, Unit};

/// Writes the project; refuses to touch a folder that already has files.
pub fn scaffold(dir: &Path, jaar: i32) -> Result<Vec<PathBuf>, String> {
    if dir.exists() && std::fs::read_dir(dir).map_err(|e| e.to_string())?.next().is_some() {
        return Err(format!("{} is not empty; bbt init never overwrites anything", dir.display()));
    }
    let id: String = dir
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("project")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect();
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
    let text = String::from_utf8_lossy(&files[0].1).into_owned();
    let (nota, _, _) = load::beleidsnota::parse(&files[0].0, &text).map_err(|d| d.message)?;
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
