//! Every input that once crashed a fuzz target (fuzz/), replayed through the
//! same code: tests/fixtures/fuzz/<target>/<file>. The loaders must return a
//! value or a diagnostic.

use std::path::{Path, PathBuf};

use bbt::load::workbook::{Context, load};
use bbt::model::{Fase, money::Unit};

fn cases(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz").join(target);
    let mut found: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| (e.path(), std::fs::read(e.path()).expect("readable fixture")))
        .collect();
    found.sort();
    found
}

#[test]
fn yaml_inputs_that_once_crashed() {
    for (name, data) in cases("yaml") {
        let Ok(text) = std::str::from_utf8(&data) else { continue };
        let _ = bbt::load::beleidsnota::parse(Path::new("beleidsnota.yaml"), text);
        let _ = bbt::load::document::parse(Path::new("bbt.yaml"), text);
        let _ = bbt::load::document::parse_prestaties(Path::new("prestaties.yaml"), text);
        eprintln!("replayed {}", name.display());
    }
}

#[test]
fn markdown_inputs_that_once_crashed() {
    for (_, data) in cases("markdown") {
        let Ok(text) = std::str::from_utf8(&data) else { continue };
        let level = data.first().map_or(3, |b| b % 6 + 1);
        let _ = bbt::render::markdown::to_typst(text, Path::new("tekst.md"), level);
    }
}

#[test]
fn workbooks_that_once_crashed() {
    let tmp = tempfile::tempdir().unwrap();
    for (name, data) in cases("workbook") {
        let Some((&kind, bytes)) = data.split_first() else { continue };
        let ext = ["xlsx", "ods", "xls"][usize::from(kind % 3)];
        let path = tmp.path().join(format!("begroting.{ext}"));
        std::fs::write(&path, bytes).unwrap();
        let cx =
            Context { jaar: 2025, fase: Fase::Bo, eenheid: if kind & 4 == 0 { Unit::Euro } else { Unit::DuizendEuro } };
        let (_, diags) = load(&path, cx);
        // Each was a damaged workbook: an error at the file, not a panic.
        assert!(diags.iter().any(|d| d.is_error() && d.location.is_some()), "{}: {diags:?}", name.display());
    }
}

#[test]
fn projects_that_once_crashed() {
    const TARGETS: [&str; 5] = [
        "beleidsnota.yaml",
        "2026/bo/bbt.yaml",
        "2026/bo/prestaties.yaml",
        "2026/bo/tekst/inleiding.md",
        "2025/bo/bbt.yaml",
    ];
    for (name, data) in cases("project") {
        let Some((&which, bytes)) = data.split_first() else { continue };
        let (_tmp, project) = crate::support::sample_copy();
        std::fs::write(project.join(TARGETS[usize::from(which) % TARGETS.len()]), bytes).unwrap();
        let sel = bbt::load::Selection { year: Some(2026), phase: Some(Fase::Bo), previous: None };
        let (inputs, mut diags) = bbt::load::load(&project, &sel);
        if let Some(inputs) = &inputs {
            diags.extend(bbt::check::check(inputs, &bbt::typeset::glyphs(&bbt::assets::TemplateSet::bundled())));
        }
        for d in diags.iter().filter(|d| d.is_error()) {
            assert!(d.location.is_some(), "{}: an error without a place: {d:?}", name.display());
        }
    }
}

#[test]
fn a_damaged_workbook_is_one_error_in_the_check() {
    let (tmp, project) = crate::support::sample_copy();
    let crash = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz/workbook/calamine-cfb-sector-index");
    let bytes = std::fs::read(crash).unwrap();
    // The first byte chose the format in the fuzz target (0: xlsx).
    std::fs::write(project.join("2026/bo/begroting.xlsx"), bytes.get(1..).unwrap()).unwrap();
    let out = crate::support::run(tmp.path(), &["check", "project", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&crate::support::stdout(&out)).unwrap();
    let errors: Vec<&serde_json::Value> =
        json.as_array().unwrap().iter().filter(|d| d["severity"] == "error").collect();
    assert_eq!(errors.len(), 1, "{json:#}");
    assert_eq!(errors[0]["code"], "W001");
    assert_eq!(errors[0]["file"], "project/2026/bo/begroting.xlsx");
    assert!(!crate::support::stderr(&out).contains("panicked"));
}

#[test]
fn sheets_the_two_xlsx_readers_once_read_differently() {
    use bbt::load::workbook::differential;
    let tmp = tempfile::tempdir().unwrap();
    let cases = cases("xlsx");
    assert!(!cases.is_empty());
    for (name, data) in cases {
        let path = tmp.path().join("begroting.xlsx");
        differential::workbook_with_rows(&path, &data).unwrap();
        assert_eq!(differential::disagreement(&path, "Uitgaven"), None, "{}", name.display());
    }
}

/// What the check accepts, the bundled templates render: every text or title
/// that once passed `bbt check` and then failed `bbt render` (exit 2), and
/// what the render fuzz target found since (first byte: where it goes, see
/// `bbt::fuzzing`).
#[test]
fn renders_that_once_failed_after_a_clean_check() {
    let cases = cases("render");
    assert!(!cases.is_empty());
    let mut failures = Vec::new();
    for (name, data) in cases {
        let tmp = tempfile::tempdir().unwrap();
        if let Err(e) = bbt::fuzzing::render_mutated_sample(tmp.path(), &data) {
            failures.push(format!("{}: {e}", name.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
