//! Workbooks as other programs write them: LibreOffice-saved fixtures (made by
//! tests/fixtures/workbooks/make.sh), odd but valid layouts, bad cases, and
//! the round trip through `bbt template`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bbt::load::workbook::{self, Context, layout};
use bbt::model::budget::{Bijstelling, Fase, Krediet, Slot, Veld};
use bbt::model::{ArtikelCode, Begroting, Money, Unit};

use crate::support::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workbooks").join(name)
}

fn load(path: &Path, jaar: i32) -> (Begroting, Vec<bbt::diag::Diagnostic>) {
    workbook::load(path, Context { jaar, fase: Fase::Bo, eenheid: Unit::DuizendEuro })
}

/// Every figure of every article, by (code, what) → cents; and the toelichting lines.
fn figures(f: &Begroting) -> (BTreeMap<(String, String), i64>, Vec<(String, String, i64, i64)>) {
    let mut out = BTreeMap::new();
    let mut lines = Vec::new();
    for a in &f.artikelen {
        for &k in a.krediet_soorten() {
            for slot in layout::bedrag_sloten(Fase::Bo, k) {
                out.insert((a.code.to_string(), format!("{slot:?}")), a.bedrag(slot).cents());
            }
        }
        out.insert((a.code.to_string(), "meta".into()), 0);
        for l in &a.toelichting {
            let c = |b: &Option<Money>| b.map_or(0, Money::cents);
            lines.push((a.code.to_string(), l.omschrijving.clone(), c(&l.vak), c(&l.vek)));
        }
    }
    (out, lines)
}

/// The sample's workbook saved by LibreOffice as ods and xls, and the same
/// figures in an odd layout (title rows, a merged title and header cell,
/// shuffled columns, a hidden extra sheet, a blank row, a total row of
/// formulas) in xlsx, ods and xls: each reads exactly as the original and
/// checks clean in its place.
#[test]
fn libreoffice_workbooks_read_exactly_as_the_original() {
    let (original, diags) = load(&sample().join("2025/bo/begroting.xlsx"), 2025);
    assert!(diags.is_empty(), "{diags:?}");
    let (want, want_lines) = figures(&original);
    assert_eq!(want.keys().filter(|(_, w)| w == "meta").count(), 17);
    for name in ["sample-2025.ods", "sample-2025.xls", "odd-layout.xlsx", "odd-layout.ods", "odd-layout.xls"] {
        let path = fixture(name);
        let (got, diags) = load(&path, 2025);
        assert!(diags.is_empty(), "{name}: {diags:#?}");
        let (got_figures, got_lines) = figures(&got);
        assert_eq!(got_figures, want, "{name}");
        assert_eq!(got_lines, want_lines, "{name}");
        assert_eq!(got.artikelen.iter().map(|a| &a.titel).collect::<Vec<_>>().len(), 17);

        let (tmp, project) = sample_copy();
        std::fs::remove_file(project.join("2025/bo/begroting.xlsx")).unwrap();
        let ext = name.rsplit('.').next().unwrap();
        std::fs::copy(&path, project.join(format!("2025/bo/begroting.{ext}"))).unwrap();
        let out = run(tmp.path(), &["check", "project", "--year", "2025", "--format", "json"]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stdout(&out));
        assert_eq!(stdout(&out).trim(), "[]", "{name}");
    }
    // The odd layout's total row is read as a total row; its amounts are
    // formulas (sums the spreadsheet computes), not figures a user typed:
    // none is compared.
    let (odd, _) = load(&fixture("odd-layout.xlsx"), 2025);
    assert_eq!(odd.totalen.len(), 1);
    let standen = odd.totalen[0].bedragen.iter().filter(|(s, _)| matches!(s, Slot::Van(_) | Slot::Naar(_)));
    assert_eq!(standen.count(), 0);
}

/// Bad workbooks written by LibreOffice: each problem at its cell, with a snapshot.
#[test]
fn bad_libreoffice_workbooks_are_reported_at_their_cells() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("error-cell.xlsx", &[("W006", "Uitgaven!G5"), ("W006", "Uitgaven!J5")]),
        ("text-number.xlsx", &[("W009", "Ontvangsten!E4")]),
        ("text-number-in-sum.xlsx", &[("W009", "Uitgaven!F4"), ("W004", "Uitgaven!J4")]),
        ("ambiguous-text-number.xlsx", &[("W004", "Uitgaven!F4")]),
        // Its total is a formula (=SUM(...)+1): the spreadsheet's own sum, not a
        // figure the user typed, so it is not compared (bbt computes every total).
        ("wrong-total.xlsx", &[]),
        ("password.ods", &[("W001", "!")]),
    ];
    for (name, want) in cases {
        let (tmp, project) = sample_copy();
        let ext = name.rsplit('.').next().unwrap();
        std::fs::remove_file(project.join("2025/bo/begroting.xlsx")).unwrap();
        std::fs::copy(fixture(name), project.join(format!("2025/bo/begroting.{ext}"))).unwrap();
        let out = run(tmp.path(), &["check", "project", "--year", "2025", "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_schema_valid(&json);
        let got = codes_and_cells(&json);
        let want: Vec<(String, String)> = want.iter().map(|(c, l)| (c.to_string(), l.to_string())).collect();
        assert_eq!(got, want, "{name}");
        let errors = json.as_array().unwrap().iter().any(|d| d["severity"] == "error");
        assert_eq!(out.status.code(), Some(if errors { 1 } else { 0 }), "{name}");
        let human = run(tmp.path(), &["check", "project", "--year", "2025"]);
        insta::assert_snapshot!(format!("workbook_{}", name.replace(['.', '-'], "_")), stderr(&human));
    }
}

/// Maps a template column ("VAK Index") to where its figure lands in the model.
fn column_value(f: &Begroting, code: &str, column: &str) -> Option<Money> {
    let a = f.artikel(&ArtikelCode::parse(code).ok()?)?;
    let (k, what) = column.split_once(' ')?;
    let k = if k == "VAK" { Krediet::Vak } else { Krediet::Vek };
    Some(match what {
        "BA 2026" => a.van(k),
        "BO 2027" => a.naar(k),
        "Index" => a.bijstelling(Bijstelling::Index, k),
        "Compensaties" => a.bijstelling(Bijstelling::Compensaties, k),
        "Andere bijstellingen" => a.bijstelling(Bijstelling::Andere, k),
        _ => return None,
    })
}

/// `bbt template`, filled in and saved by LibreOffice (xlsx and ods), imports
/// cleanly and yields exactly the figures typed in.
#[test]
fn the_template_filled_in_by_libreoffice_round_trips() {
    let typed: BTreeMap<String, i64> =
        serde_json::from_str(&std::fs::read_to_string(fixture("template-2027-filled.json")).unwrap()).unwrap();
    let typed_only: Vec<(&String, &i64)> = typed.iter().filter(|(k, _)| !k.ends_with("BO 2027")).collect();
    assert!(typed_only.len() >= 30, "{} typed values", typed_only.len());
    assert!(typed_only.iter().any(|(_, v)| **v < 0) && typed_only.iter().any(|(_, v)| **v == 0));
    for name in ["template-2027-filled.xlsx", "template-2027-filled.ods"] {
        let (f, diags) = load(&fixture(name), 2027);
        assert!(diags.is_empty(), "{name}: {diags:#?}");
        for (key, value) in &typed {
            let (code, column) = key.split_once('|').unwrap();
            let got = column_value(&f, code, column).unwrap_or_else(|| panic!("{name}: no {key}"));
            assert_eq!(got, Money::from_units(*value, Unit::DuizendEuro).unwrap(), "{name}: {key}");
        }
        // The untouched rows keep their filled-in ISE and entity, and read as zeros.
        assert_eq!(f.artikelen.len(), 18, "{name}: 17 known articles and one new");
        let dotatie = f.artikel(&ArtikelCode::parse("SB0-1SGE2AX-IS").unwrap()).unwrap();
        assert_eq!(
            (dotatie.ise_code.as_str(), dotatie.entiteit.as_str(), dotatie.ontvanger.as_ref().map(|o| o.as_str())),
            ("SG-A", "SB0", Some("SI0"))
        );
    }
}

/// The template's structure: the known articles with their ISE, ESR and
/// entity, dropdowns, frozen and protected headers, BO as a formula with a
/// stored result, and BA t-1 left empty when no BA document exists.
#[test]
fn the_template_is_structured_from_the_project() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(tmp.path(), &["template", &sample().to_string_lossy(), "--year", "2027", "-o", "."]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("17 articles of BBT 2026 (BO)"), "{}", stderr(&out));
    let path = tmp.path().join("begroting-2027-bo.xlsx");
    let rows = sheet_rows(&path, "Uitgaven");
    let codes: Vec<String> = rows
        .iter()
        .filter_map(|r| match r.get("Artikel") {
            Some(calamine::Data::String(s)) => Some(s.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(codes.len(), 15);
    assert!(codes.contains(&"SB0-1SGE2CA-WT".to_string()));
    let dotatie = rows.iter().find(|r| r.get("Artikel") == Some(&s("SB0-1SGE2AX-IS"))).unwrap();
    assert_eq!(dotatie.get("ISE"), Some(&s("SG-A")));
    assert_eq!(dotatie.get("ESR"), Some(&s("IS")));
    assert_eq!(dotatie.get("Ontvanger"), Some(&s("SI0")));
    // No BA 2026 document: BA 2026 is empty (never BO 2026), BO 2027 computes 0.
    assert!(
        matches!(dotatie.get("VAK BA 2026"), None | Some(calamine::Data::Empty)),
        "{:?}",
        dotatie.get("VAK BA 2026")
    );
    assert_eq!(dotatie.get("VAK BO 2027"), Some(&calamine::Data::Float(0.0)));

    let xml = |part: &str| {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(part).unwrap(), &mut s).unwrap();
        s
    };
    let workbook = xml("xl/workbook.xml");
    let names: Vec<&str> = workbook
        .match_indices("<sheet name=\"")
        .map(|(i, m)| &workbook[i + m.len()..])
        .map(|r| &r[..r.find('"').unwrap()])
        .collect();
    assert_eq!(names, ["Instructies", "Uitgaven", "Ontvangsten", "Toelichting", "Uitvoering", "Lijsten"]);
    // The optional outturn sheet: the columns of the year the BO 2027 shows (2025), no rows.
    let uitvoering = sheet_rows(&path, "Uitvoering");
    assert!(uitvoering.iter().all(|r| r.values().all(|v| matches!(v, calamine::Data::Empty))), "{uitvoering:?}");
    let sheets = read_sheets(&path);
    let cells = &sheets.iter().find(|(n, _)| n == "Uitvoering").unwrap().1;
    for column in ["Artikel", "ISE", "Entiteit", "VAK BA 2025", "VAK BA-JR 2025", "VEK BU 2025"] {
        header_col(cells, column);
    }
    // The instructions say where to save the workbook from the project
    // folder's name (the sheet is often filled on another computer), and the
    // command with the project as it was given.
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let instructies = calamine::Reader::worksheet_range(&mut book, "Instructies").unwrap();
    let text: Vec<String> = instructies.rows().flatten().map(|c| c.to_string()).collect();
    let save = text.iter().find(|l| l.starts_with("Sla het ingevulde bestand op")).expect("the line that says where");
    let want = format!(
        "als begroting.xlsx in de map 2027/bo van de projectmap inputs, en controleer het met: bbt check {} --year 2027 --phase bo",
        sample().display()
    );
    assert!(save.contains(&want), "{save}");
    let uitgaven = xml("xl/worksheets/sheet2.xml");
    assert!(uitgaven.contains("<sheetProtection"), "protected");
    assert!(uitgaven.contains("state=\"frozen\""), "frozen header");
    assert_eq!(uitgaven.matches("<dataValidation ").count(), 4, "dropdowns on ISE, ESR, Entiteit and Ontvanger");
    assert!(uitgaven.contains("<f>G4+H4+I4+J4</f>"), "BO is a formula of its components");
    let ontvangsten = xml("xl/worksheets/sheet3.xml");
    assert!(!ontvangsten.contains("<f>"), "a revenue estimate is typed, not computed: {ontvangsten}");
    assert!(workbook.contains("state=\"hidden\""), "the list sheet is hidden");

    // A blank template in its place checks clean.
    let (tmp2, project) = sample_copy();
    let doc = project.join("2027/bo");
    std::fs::create_dir_all(&doc).unwrap();
    let bbt26 = std::fs::read_to_string(project.join("2026/bo/bbt.yaml")).unwrap();
    let bbt27 = bbt26
        .replace("begrotingsjaar: 2026", "begrotingsjaar: 2027")
        .replace("ingediend_op: 2025-10-23", "ingediend_op: 2026-10-22");
    std::fs::write(doc.join("bbt.yaml"), bbt27.split("wijzigingen:").next().unwrap()).unwrap();
    std::fs::copy(&path, doc.join("begroting.xlsx")).unwrap();
    let out = run(tmp2.path(), &["check", "project", "--year", "2027", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let codes: Vec<&str> = json.as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    // Only the missing texts, and that the blank template is not filled in yet.
    assert!(codes.contains(&"B011"), "{json:#}");
    assert!(codes.iter().all(|c| *c == "S011" || *c == "B011"), "only the missing texts: {json:#}");
}

/// A workbook whose formulas no spreadsheet program computed (written by a
/// library that stores 0 as every formula's result) is reported, not read as zeros.
#[test]
fn a_workbook_nobody_recalculated_is_reported() {
    let (tmp, project) = sample_copy();
    let path = project.join("2025/bo/begroting.xlsx");
    let rows = sheet_rows(&path, "Uitgaven");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Uitgaven").unwrap();
    // The layout's columns without ESR and Korte inhoud: text A..E, amounts F..O.
    let heads: Vec<String> = layout::kolommen(bbt::model::budget::Blad::Uitgaven, 2025, Fase::Bo)
        .into_iter()
        .filter(|k| !matches!(k.veld, Veld::Esr | Veld::KorteInhoud))
        .map(|k| k.naam)
        .collect();
    for (c, h) in heads.iter().enumerate() {
        ws.write_string(0, c as u16, h).unwrap();
    }
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        for (c, h) in heads.iter().enumerate() {
            let c = c as u16;
            match (h.ends_with("BO 2025"), r.get(h.as_str())) {
                (true, _) => {
                    let first = if h.starts_with("VAK") { 'F' } else { 'K' };
                    let cells: Vec<String> =
                        (0..4).map(|j| format!("{}{}", (first as u8 + j) as char, row + 1)).collect();
                    // No result given: the writer stores 0, as such libraries do.
                    ws.write_formula(row, c, format!("={}", cells.join("+")).as_str()).unwrap();
                }
                (false, Some(calamine::Data::String(v))) => {
                    ws.write_string(row, c, v).unwrap();
                }
                (false, Some(calamine::Data::Float(v))) => {
                    ws.write_number(row, c, *v).unwrap();
                }
                _ => {}
            }
        }
    }
    wb.save(&path).unwrap();
    std::fs::remove_file(project.join("2025/bo/begroting.xlsx.tmp")).ok();
    let out = run(tmp.path(), &["check", "project", "--year", "2025", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let stale: Vec<&serde_json::Value> = json.as_array().unwrap().iter().filter(|d| d["code"] == "W011").collect();
    // Every BO but the provision's (whose components add up to 0) is stale:
    // one diagnostic with the count, the first cells and the fix, at the first.
    assert_eq!(stale.len(), 1, "{json:#}");
    assert_eq!(stale[0]["cell"], "J2");
    let message = stale[0]["message"].as_str().unwrap();
    assert!(message.starts_with("28 formulas have no computed value (Uitgaven!J2, Uitgaven!O2,"), "{message}");
    assert!(stale[0]["hints"][0].as_str().unwrap().contains("open it in Excel or LibreOffice"), "{json:#}");
    // Nothing was read as zero: no kredietevolutie is reported as not adding up.
    assert!(json.as_array().unwrap().iter().all(|d| d["code"] != "B003"), "{json:#}");
}

/// One value at the last cell a sheet can have (XFD1048576): reported at that
/// cell, in bounded memory (run under a 1 GiB address-space limit), never an
/// attempt to allocate the whole grid.
#[test]
fn a_stray_cell_at_the_end_of_the_sheet_is_refused_in_bounded_memory() {
    let (tmp, project) = sample_copy();
    apply(
        &project,
        &[Edit::CellAt {
            file: "2025/bo/begroting.xlsx",
            sheet: "Uitgaven",
            row: 1_048_575,
            col: 16_383,
            value: s("x"),
        }],
    );
    let out = std::process::Command::new("prlimit")
        .args([
            "--as=1073741824",
            "--",
            env!("CARGO_BIN_EXE_bbt"),
            "check",
            "project",
            "--year",
            "2025",
            "--format",
            "json",
        ])
        .current_dir(tmp.path())
        .output()
        .expect("prlimit (util-linux) runs");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json[0]["code"], "W012", "{json:#}");
    assert_eq!(json[0]["cell"], "XFD1048576");
    assert_eq!(json.as_array().unwrap().len(), 1, "{json:#}");
}

/// The codes and cells of a `check --format json` run, and its exit code.
fn checked(tmp: &Path, year: &str) -> (Vec<(String, String)>, Option<i32>) {
    let out = run(tmp, &["check", "project", "--year", year, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    (codes_and_cells(&json), out.status.code())
}

/// (code, `Sheet!A1`) of every diagnostic of a `--format json` report.
fn codes_and_cells(json: &serde_json::Value) -> Vec<(String, String)> {
    json.as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                format!("{}!{}", d["sheet"].as_str().unwrap_or(""), d["cell"].as_str().unwrap_or("")),
            )
        })
        .collect()
}

/// A number typed as text is read with a warning, and its article is still
/// checked: a wrong text figure is a B003 at the article, never a PDF whose
/// andere bijstellingen were made to fit (issue 14).
#[test]
fn a_number_typed_as_text_keeps_its_article_checked() {
    const WB: &str = "2025/bo/begroting.xlsx";
    const ART: &str = "SB0-1SFE2AA-WT";
    let (tmp, project) = sample_copy();
    let wb = project.join(WB);
    let index = format!("Uitgaven!{}", cell_of(&wb, "Uitgaven", ART, "VAK Index"));
    let bo = format!("Uitgaven!{}", cell_of(&wb, "Uitgaven", ART, "VAK BO 2025"));
    let typed = sheet_rows(&wb, "Uitgaven")
        .into_iter()
        .find(|r| r.get("Artikel") == Some(&s(ART)))
        .and_then(|r| r.get("VAK Index").cloned())
        .unwrap();
    let typed = match typed {
        calamine::Data::Float(f) => f as i64,
        calamine::Data::Int(i) => i,
        other => panic!("{other:?}"),
    };
    // The same figure as text: a warning, the document is fine.
    let same = s(&typed.to_string());
    apply(&project, &[Edit::Cell { file: WB, sheet: "Uitgaven", key: ART, column: "VAK Index", value: same }]);
    let (got, code) = checked(tmp.path(), "2025");
    assert_eq!((got, code), (vec![("W009".to_string(), index.clone())], Some(0)));

    // Another figure as text: the evolution no longer adds up, at the BO cell.
    let other = s(&(typed + 99).to_string());
    apply(&project, &[Edit::Cell { file: WB, sheet: "Uitgaven", key: ART, column: "VAK Index", value: other }]);
    let (got, code) = checked(tmp.path(), "2025");
    assert_eq!((got, code), (vec![("W009".to_string(), index), ("B003".to_string(), bo)], Some(1)));
    let out = run(tmp.path(), &["render", "project", "--year", "2025", "-o", "out"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!tmp.path().join("out").exists(), "a document with an error writes nothing");
}

/// Every way an amount cell can fail to become an amount is an error at that
/// cell: never a silent zero (issue 14).
#[test]
fn every_unreadable_amount_is_an_error_at_its_cell() {
    const WB: &str = "2025/bo/begroting.xlsx";
    const ART: &str = "SB0-1SFE2AA-WT";
    let cases: &[(&str, calamine::Data)] = &[
        ("beyond Money, as text", s("12.345.678.901.234")),
        ("beyond Money, as text without separators", s("99999999999999999")),
        ("beyond i64, as text", s("99999999999999999999999")),
        ("beyond Money, as a number", n(9.0e15)),
        ("not a number", s("twaalf")),
        ("a logical value", calamine::Data::Bool(true)),
        ("not whole", n(0.25)),
    ];
    for (why, value) in cases {
        let (tmp, project) = sample_copy();
        let at = format!("Uitgaven!{}", cell_of(&project.join(WB), "Uitgaven", ART, "VEK Compensaties"));
        apply(
            &project,
            &[Edit::Cell { file: WB, sheet: "Uitgaven", key: ART, column: "VEK Compensaties", value: value.clone() }],
        );
        let (got, code) = checked(tmp.path(), "2025");
        assert_eq!((got, code), (vec![("W004".to_string(), at)], Some(1)), "{why}");
    }
}

/// A column bbt reads that appears twice is named at its second header cell
/// (issue 14: it used to surface only as a B003 further on).
#[test]
fn a_duplicated_amount_column_is_named_at_its_header() {
    const WB: &str = "2025/bo/begroting.xlsx";
    let (tmp, project) = sample_copy();
    let wb = project.join(WB);
    let (row, col) = find_cell(&wb, "Uitgaven", "VEK Index");
    apply(&project, &[Edit::CellAt { file: WB, sheet: "Uitgaven", row, col, value: s("VAK Index") }]);
    let (got, code) = checked(tmp.path(), "2025");
    let second = bbt::diag::Location::cell_name(row, u32::from(col));
    assert_eq!(code, Some(1));
    assert_eq!(got.first(), Some(&("W013".to_string(), format!("Uitgaven!{second}"))), "{got:?}");
    assert!(!got.iter().any(|(c, _)| c == "B003"), "{got:?}");
}

/// The optional sheet Uitvoering (issue 17 §2): each row's problems at its
/// cells, a spreadsheet's own total row skipped, and without the sheet the
/// document simply shows no outturn.
#[test]
fn the_outturn_sheet_is_checked_at_its_cells() {
    const WB: &str = "2026/bo/begroting.xlsx";
    let (tmp, project) = sample_copy();
    let wb = project.join(WB);
    let at = |key: &str, column: &str| format!("Uitvoering!{}", cell_of(&wb, "Uitvoering", key, column));
    const AMOUNTS: [&str; 6] =
        ["VAK BA 2024", "VAK BA-JR 2024", "VAK BU 2024", "VEK BA 2024", "VEK BA-JR 2024", "VEK BU 2024"];
    let row = |code: &str, ise: &str, entiteit: &str| -> Vec<(&'static str, calamine::Data)> {
        let mut v = vec![("Artikel", s(code)), ("ISE", s(ise)), ("Entiteit", s(entiteit))];
        v.extend(AMOUNTS.map(|k| (k, n(0.0))));
        v
    };
    let mut want = vec![
        ("B001".to_string(), at("SB0-1SFE2AA-WT", "ISE")),
        ("W010".to_string(), at("SB0-1SFE2AB-WT", "VAK BA-JR 2024")),
        ("B005".to_string(), at("SB0-1SFE2AC-LO", "Entiteit")),
    ];
    apply(
        &project,
        &[
            Edit::Cell { file: WB, sheet: "Uitvoering", key: "SB0-1SFE2AA-WT", column: "ISE", value: s("SF-Z") },
            Edit::Cell {
                file: WB,
                sheet: "Uitvoering",
                key: "SB0-1SFE2AB-WT",
                column: "VAK BA-JR 2024",
                value: n(-5.0),
            },
            // An outturn may be negative (commitments of earlier years cancelled).
            Edit::Cell { file: WB, sheet: "Uitvoering", key: "SB0-1SFE2CB-WT", column: "VEK BU 2024", value: n(-7.0) },
            Edit::Cell { file: WB, sheet: "Uitvoering", key: "SB0-1SFE2AC-LO", column: "Entiteit", value: s("SI0") },
            Edit::AddRow { file: WB, sheet: "Uitvoering", values: row("SB0-1SFE2BA-WT", "SF-B", "SB0") },
            Edit::AddRow { file: WB, sheet: "Uitvoering", values: row("SI0-0SGE2AA-WT", "SG-A", "SI0") },
            Edit::AddRow { file: WB, sheet: "Uitvoering", values: row("Totaal", "", "") },
            Edit::AddRow { file: WB, sheet: "Uitvoering", values: row("SB0-1SFE2X-WT", "SF-A", "SB0") },
        ],
    );
    // The added rows follow the sample's 15: rows 17 to 20 of the sheet.
    want.extend([
        ("B002".to_string(), "Uitvoering!A17".to_string()),
        ("W007".to_string(), "Uitvoering!A18".to_string()),
        ("W007".to_string(), "Uitvoering!A20".to_string()),
    ]);
    let (mut got, code) = checked(tmp.path(), "2026");
    got.sort();
    want.sort();
    assert_eq!((got, code), (want, Some(1)));

    // Without the sheet, or with a sheet of that name without a header row
    // (empty, or the user's own): no outturn, no diagnostic.
    let (tmp, project) = sample_copy();
    let mut sheets = read_sheets(&project.join(WB));
    sheets.retain(|(name, _)| name != "Uitvoering");
    write_sheets(&project.join(WB), &sheets);
    let (got, code) = checked(tmp.path(), "2026");
    assert_eq!((got, code), (vec![], Some(0)));
    sheets.push(("Uitvoering".to_string(), vec![(0, 0, s("Notities van de budgetcel"))]));
    write_sheets(&project.join(WB), &sheets);
    let (got, code) = checked(tmp.path(), "2026");
    assert_eq!((got, code), (vec![], Some(0)));
    let out = run(tmp.path(), &["render", "project", "--year", "2026", "-o", "out"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = pdftotext_layout(&tmp.path().join("out/samenleven-2026-bo.pdf"));
    assert!(!text.contains("Uitvoering van de begroting") && !text.contains("BA-JR"), "{text}");
}
