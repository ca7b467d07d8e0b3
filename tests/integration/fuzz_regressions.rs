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
        let sel = bbt::load::Selection { year: Some(2026), phase: Some(Fase::Bo), previous: None, workbook: None };
        let (inputs, mut diags) = bbt::load::load(&project, &sel);
        if let Some(inputs) = &inputs {
            let teksten = bbt::render::narrative::omzetten(&inputs.beleidsnota, &inputs.document);
            let glyphs = bbt::typeset::glyphs(&bbt::assets::TemplateSet::bundled());
            diags.extend(bbt::check::check(inputs, &teksten, &glyphs));
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

/// Sheets that bbt's own xlsx reader (removed in favour of calamine, issue 15)
/// once read differently from calamine: the inside of a `<sheetData>`,
/// wrapped in a workbook. calamine reads them, or refuses them with an error
/// at the file; either way the loader answers.
#[test]
fn sheets_a_second_xlsx_reader_once_read_differently() {
    let tmp = tempfile::tempdir().unwrap();
    let cases = cases("xlsx");
    assert!(!cases.is_empty());
    for (name, data) in cases {
        let path = tmp.path().join("begroting.xlsx");
        workbook_with_rows(&path, &data).unwrap();
        let cx = Context { jaar: 2025, fase: Fase::Bo, eenheid: Unit::Euro };
        let (_, diags) = load(&path, cx);
        for d in diags.iter().filter(|d| d.is_error()) {
            assert!(d.location.is_some(), "{}: {d:?}", name.display());
        }
    }
}

/// A workbook whose one sheet, `Uitgaven`, has `rows` inside its `<sheetData>`.
fn workbook_with_rows(path: &Path, rows: &[u8]) -> Result<(), Box<dyn std::error::Error>> {
    use std::io::Write;
    const PARTS: [(&str, &str); 4] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Uitgaven" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    let mut z = zip::ZipWriter::new(std::fs::File::create(path)?);
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, content) in PARTS {
        z.start_file(name, opts)?;
        z.write_all(content.as_bytes())?;
    }
    z.start_file("xl/worksheets/sheet1.xml", opts)?;
    z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#)?;
    z.write_all(rows)?;
    z.write_all(b"</sheetData></worksheet>")?;
    z.finish()?;
    Ok(())
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
