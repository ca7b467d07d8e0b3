//! `bbt init DIR`: a new, complete project that checks clean and renders at
//! once — a beleidsnota with one beleidsveld, ISE, SD and OD, a draft BO
//! document, text stubs and a blank workbook from `bbt template`.

use std::path::{Path, PathBuf};

use crate::load::{self, TemplateBasis};
use crate::model::{Date, Fase, ProjectId, Unit};
use crate::tr;

/// What `bbt init` writes where only the writer can fill in the real value.
/// A filed document that still holds one is not complete (the filing gate,
/// `check::gate`); each is written exactly so, and found so.
pub mod placeholder {
    pub const BEVOEGDHEID: &str = "Nieuw beleidsdomein";
    pub const MINISTER: &str = "Naam van de minister";
    pub const MINISTER_TITEL: &str = "Vlaams minister van ...";
    pub const ZONDER_KREDIETEN: &str = "Nog in te vullen in begroting.xlsx.";
    pub const BELEIDSVELD: &str = "Eerste beleidsveld";
    pub const ISE: &str = "Eerste inhoudelijk structuurelement";
    pub const SD: &str = "Eerste strategische doelstelling";
    pub const OD: &str = "Eerste operationele doelstelling";
    pub const TITEL: &str = "Titel van de beleidsnota";
    pub const ENTITEIT: &str = "Naam van de entiteit";
    /// Codes of the example entity and ISE: the real ones come from the
    /// budget's own coding.
    pub const ENTITEIT_CODE: &str = "XX0";
    pub const ISE_CODE: &str = "XX-A";
    /// Every text stub begins so.
    pub const TEXT: &str = "Schrijf hier ";
    /// Every value above, for a check of the YAML values.
    pub const VALUES: &[&str] = &[
        BEVOEGDHEID,
        MINISTER,
        MINISTER_TITEL,
        ZONDER_KREDIETEN,
        BELEIDSVELD,
        ISE,
        SD,
        OD,
        TITEL,
        ENTITEIT,
        ENTITEIT_CODE,
        ISE_CODE,
    ];
}

/// The election year that starts the Flemish term a budget year belongs to:
/// the Vlaams Parlement is elected every five years (2019, 2024, 2029, ...),
/// and a term's budgets run from the year after its election to the next
/// election year (2025-2029 for the term 2024-2029).
pub fn legislatuur(jaar: i32) -> i32 {
    2024 + 5 * (jaar - 2025).div_euclid(5)
}

/// The first line `bbt init --next` puts in a text it carries over: a
/// Markdown comment (never printed), which the writer deletes once the text
/// is revised for the new year. `check` reports a text that still has it.
pub const CARRIED_TEXT_MARKER: &str = "<!-- bbt: overgenomen uit ";
/// The same for `prestaties.yaml`: a YAML comment.
pub const CARRIED_YAML_MARKER: &str = "# bbt: overgenomen uit ";

/// The marker line of a text carried over from `jaar`.
fn text_marker(jaar: i32) -> String {
    format!("{CARRIED_TEXT_MARKER}{jaar}. Verwijder deze regel zodra de tekst herzien is. -->\n")
}

/// The marker line of indicators carried over from `jaar`.
fn yaml_marker(jaar: i32) -> String {
    format!("{CARRIED_YAML_MARKER}{jaar}. Verwijder deze regel zodra de indicatoren en hun waarden herzien zijn.\n")
}

/// Whether `text` (a text or `prestaties.yaml`) still carries the marker
/// of `bbt init --next`: its first line that is not blank begins with it.
pub fn carried_over(text: &str) -> bool {
    let first = text.trim_start_matches('\u{feff}').lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
    first.starts_with(CARRIED_TEXT_MARKER) || first.starts_with(CARRIED_YAML_MARKER)
}

/// The default year of `bbt init`: the next budget year on `today`. The BO
/// of year Y is prepared from the summer of Y-1 on, so from 1 July the
/// default is next year, before it this year.
pub fn default_year(today: Date) -> i32 {
    if today.month >= 7 { today.year + 1 } else { today.year }
}

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

/// `today` dates the draft (`ontwerpdatum`); its stuk letter is `?` until
/// parliament gives one.
pub fn scaffold(dir: &Path, jaar: i32, today: Date) -> Result<Vec<PathBuf>, Refused> {
    if dir.exists() && std::fs::read_dir(dir).map_err(|e| io(dir, &e))?.next().is_some() {
        return Err(tr!("init-not-empty", map = dir.display()).into());
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
                 titel: {titel}\n\
                 bevoegdheid: {bevoegdheid}\n\
                 legislatuur: {begin}-{eind}\n\
                 entiteiten:\n  - code: {entiteit_code}\n    naam: {entiteit}\n    soort: departement   # departement, iva, eva (Vlaamse rechtspersoon) of dab\n\
                 beleidsvelden:\n\
                 \x20 - id: bv-eerste\n    naam: {bv}\n    ises:\n\
                 \x20     - id: ise-eerste\n        code: {ise_code}\n        naam: {ise}\n\
                 \x20   sds:\n      - id: sd-eerste\n        nummer: \"1\"\n        titel: {sd}\n\
                 \x20       ods:\n          - id: od-eerste\n            nummer: \"1.1\"\n            titel: {od}\n            ise: ise-eerste\n",
                begin = legislatuur(jaar),
                eind = legislatuur(jaar) + 5,
                titel = placeholder::TITEL,
                entiteit = placeholder::ENTITEIT,
                entiteit_code = placeholder::ENTITEIT_CODE,
                ise_code = placeholder::ISE_CODE,
                bevoegdheid = placeholder::BEVOEGDHEID,
                bv = placeholder::BELEIDSVELD,
                ise = placeholder::ISE,
                sd = placeholder::SD,
                od = placeholder::OD,
            ),
        ),
        (
            doc.join(load::DOCUMENT_FILE),
            format!(
                "# Beleids- en begrotingstoelichting bij de begrotingsopmaak {jaar} (ontwerp).\n\
                 begrotingsjaar: {jaar}\nfase: bo\n\
                 stuk:\n  letter: \"?\"\n  zittingsjaar: {vorig}-{jaar}\n\
                 status: ontwerp\nontwerpdatum: {datum}\n\
                 minister:\n  naam: {minister}\n  titel: {titel}\n\
                 eenheid: duizend euro\n\
                 structuur:\n  - beleidsveld: bv-eerste\n    ises:\n\
                 \x20     - ise: ise-eerste\n        zonder_kredieten: {zonder}\n\
                 \x20   sds:\n      - sd: sd-eerste\n        ods: [od-eerste]\n",
                vorig = jaar - 1,
                datum = iso(today),
                minister = placeholder::MINISTER,
                titel = placeholder::MINISTER_TITEL,
                zonder = placeholder::ZONDER_KREDIETEN,
            ),
        ),
        (
            doc.join(load::TEXT_DIR).join("inleiding.md"),
            format!("{}de inleiding: de krachtlijnen van het beleid voor het komende jaar.\n", placeholder::TEXT),
        ),
        (
            doc.join(load::TEXT_DIR).join("sd-eerste.md"),
            format!("{}de tekst van de strategische doelstelling.\n", placeholder::TEXT),
        ),
        (
            doc.join(load::TEXT_DIR).join("od-eerste.md"),
            format!("{}de tekst van de operationele doelstelling.\n", placeholder::TEXT),
        ),
    ]
    .into_iter()
    .map(|(p, t)| (p, t.into_bytes()))
    .collect::<Vec<_>>();
    // The structure just written, for the blank workbook.
    let Some((nota_path, nota_bytes)) = files.first() else { return Ok(Vec::new()) };
    let text = String::from_utf8_lossy(nota_bytes).into_owned();
    let (nota, _) = load::beleidsnota::parse(nota_path, &text).map_err(|d| Refused::from(d.message))?;
    let basis = TemplateBasis {
        structuur: nota.structuur.clone(),
        beleidsnota: nota,
        previous: None,
        eenheid: Unit::DuizendEuro,
    };
    let workbook = crate::workbook_template::write(&basis, jaar, Fase::Bo, dir).map_err(|e| e.to_string())?;
    files.push((doc.join("begroting.xlsx"), workbook));
    Ok(write_all(files)?)
}

/// Writes each file (atomically), in order; the paths written.
fn write_all(files: Vec<(PathBuf, Vec<u8>)>) -> Result<Vec<PathBuf>, String> {
    let mut written = Vec::new();
    for (path, bytes) in files {
        crate::output::write_atomic(&path, &bytes).map_err(|e| io(&path, &e))?;
        written.push(path);
    }
    Ok(written)
}

/// Why `init` wrote nothing, and what to do.
#[derive(Debug)]
pub struct Refused {
    pub message: String,
    pub hint: Option<String>,
}

impl From<String> for Refused {
    fn from(message: String) -> Refused {
        Refused { message, hint: None }
    }
}

/// `2026-09-01`, as `bbt.yaml` writes dates.
fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// `path: why` for a file that could not be read or written.
fn io(path: &Path, e: &std::io::Error) -> String {
    format!("{}: {}", path.display(), crate::i18n::io_error(e))
}

/// `bbt init --next`: adds the document after the project's latest BO — the
/// structure restated by id, the texts carried over to revise, and a blank
/// workbook whose BA t-1 comes from the year's BA document if there is one
/// (else it is left empty with an instruction; never BO t-1).
///
/// It starts from a filed document only: a draft's texts are not revised yet
/// (running it twice would carry last year's texts on unread), so it is
/// refused with what to do instead. `today` dates the new draft.
pub fn next_year(root: &Path, today: Date) -> Result<Vec<PathBuf>, Refused> {
    let Some(&latest) = load::years(root, Fase::Bo).last() else {
        return Err(tr!("init-next-no-bo", project = root.display()).into());
    };
    let jaar = latest + 1;
    let dir = load::document_dir(root, jaar, Fase::Bo);
    if dir.exists() {
        return Err(tr!("init-next-exists", map = dir.display()).into());
    }
    let basis = load::template_basis(root, jaar, Fase::Bo).map_err(|d| {
        d.first().map_or_else(|| tr!("init-unreadable", project = root.display()), |d| d.message.clone())
    })?;
    let from = load::document_dir(root, latest, Fase::Bo);
    let old_path = from.join(load::DOCUMENT_FILE);
    let old = std::fs::read_to_string(&old_path).map_err(|e| io(&old_path, &e))?;
    let (oldfile, _) = load::document::parse(&from.join(load::DOCUMENT_FILE), &old).map_err(|d| d.message)?;
    let m = &oldfile.meta;
    if !m.status.is_filed() {
        return Err(Refused {
            message: tr!("init-next-draft", jaar = latest),
            hint: Some(tr!("init-next-draft.hint", jaar = latest, map = from.display())),
        });
    }
    let mut yaml = format!(
        "# Beleids- en begrotingstoelichting bij de begrotingsopmaak {jaar} (ontwerp), voortgezet uit {latest}.\n\
         begrotingsjaar: {jaar}\nfase: bo\n\
         stuk:\n  nummer: {}\n  letter: \"?\"\n  zittingsjaar: {}-{jaar}\n{}\
         status: ontwerp\nontwerpdatum: {datum}\n\
         {}\
         eenheid: {}\n{}\
         # De structuur van dit jaar, per id; wat verandert, komt onder wijzigingen.\nstructuur:\n",
        m.stuk_nummer,
        latest,
        m.verzendcode
            .as_ref()
            .map(|v| format!("  verzendcode: {}\n", serde_json::to_string(v).unwrap_or_default()))
            .unwrap_or_default(),
        ministers_yaml(&m.ministers),
        m.eenheid.name(),
        if m.nulrijen_weglaten { "nulrijen_weglaten: true\n" } else { "" },
        datum = iso(today),
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
    // The general chapters and free appendices, whose texts come along below.
    for (key, delen) in [("hoofdstukken", &oldfile.hoofdstukken), ("bijlagen", &oldfile.bijlagen)] {
        if !delen.is_empty() {
            yaml.push_str(&format!("{key}:\n"));
            for h in delen {
                let titel = serde_json::to_string(&h.titel).unwrap_or_default();
                yaml.push_str(&format!("  - id: {}\n    titel: {titel}\n", h.id));
            }
        }
    }
    let mut files = vec![(dir.join(load::DOCUMENT_FILE), yaml.into_bytes())];
    // The texts, to revise: each marked as carried over, in the order of
    // their paths.
    let tekst = from.join(load::TEXT_DIR);
    let mut stack = vec![tekst.clone()];
    let mut texts = Vec::new();
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).map_err(|e| io(&d, &e))?.flatten() {
            let p = e.path();
            // Real folders only: a linked folder could lead back up (a loop).
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(p);
            } else if let Ok(rel) = p.strip_prefix(&from)
                && p.is_file()
            {
                // A text linked from outside the project is not copied in.
                load::inside_project(root, &p).map_err(|d| format!("{}: {}", p.display(), d.message))?;
                let bytes = std::fs::read(&p).map_err(|e| io(&p, &e))?;
                texts.push((dir.join(rel), carry(&bytes, text_marker(latest), &p)));
            }
        }
    }
    texts.sort();
    files.extend(texts);
    let prestaties = from.join(load::PRESTATIES_FILE);
    if prestaties.is_file() {
        load::inside_project(root, &prestaties).map_err(|d| format!("{}: {}", prestaties.display(), d.message))?;
        let bytes = std::fs::read(&prestaties).map_err(|e| io(&prestaties, &e))?;
        files.push((dir.join(load::PRESTATIES_FILE), carry(&bytes, yaml_marker(latest), &prestaties)));
    }
    let workbook = crate::workbook_template::write(&basis, jaar, Fase::Bo, root).map_err(|e| e.to_string())?;
    files.push((dir.join("begroting.xlsx"), workbook));
    Ok(write_all(files)?)
}

/// A carried-over file's bytes with `marker` as its first line (after a
/// byte order mark). A Markdown text (`.md`) or YAML file only; another
/// file (an image) is copied as it is; a marker already there is replaced.
fn carry(bytes: &[u8], marker: String, path: &Path) -> Vec<u8> {
    let markable = path.extension().is_some_and(|e| e == "md" || e == "yaml" || e == "yml");
    let Ok(text) = std::str::from_utf8(bytes) else { return bytes.to_vec() };
    if !markable {
        return bytes.to_vec();
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rest = text;
    if carried_over(text) {
        // Last year's marker, never revised: one marker, the newest.
        rest = text.trim_start().split_once('\n').map_or("", |(_, r)| r);
    }
    let mut out = marker;
    out.push_str(rest);
    out.into_bytes()
}

/// The ministers of a document as `bbt.yaml` writes them: `minister:` for
/// one, `ministers:` for a shared competence.
fn ministers_yaml(ministers: &[crate::model::Minister]) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
    match ministers {
        [m] => format!("minister:\n  naam: {}\n  titel: {}\n", q(&m.naam), q(&m.titel)),
        _ => {
            let mut out = String::from("ministers:\n");
            for m in ministers {
                out.push_str(&format!("  - naam: {}\n    titel: {}\n", q(&m.naam), q(&m.titel)));
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    /// A budget year belongs to the term of the election before it.
    #[test]
    fn a_budget_year_belongs_to_its_term() {
        for (jaar, begin) in [(2020, 2019), (2024, 2019), (2025, 2024), (2027, 2024), (2029, 2024), (2030, 2029)] {
            assert_eq!(super::legislatuur(jaar), begin, "{jaar}");
        }
    }

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
