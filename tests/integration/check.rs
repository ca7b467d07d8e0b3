//! `bbt check` and the guard it puts before `bbt render`.

use calamine::Data;

use crate::support::*;

#[test]
fn the_sample_checks_clean() {
    let out = run(&sample(), &["check", "--year", "2025", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let diags: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON on stdout");
    assert_eq!(diags, serde_json::json!([]));
}

#[test]
fn an_article_in_an_unknown_ise_is_one_error_at_its_cell_and_blocks_the_render() {
    let (tmp, project) = sample_copy();
    let workbook = project.join("2025/bo/begroting.xlsx");
    let (row, col) = find_cell(&workbook, "Uitgaven", "SB0-1SFE2CB-WT");
    let (_, ise_col) = find_cell(&workbook, "Uitgaven", "ISE");
    assert_eq!(col, 0);
    let edited = tmp.path().join("edited.xlsx");
    rewrite_workbook(&workbook, &edited, &[("Uitgaven", row, ise_col, Data::String("SF-Z".into()))]);
    std::fs::rename(&edited, &workbook).unwrap();

    let out = run(tmp.path(), &["check", "project", "--year", "2025", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let diags: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON on stdout");
    let cell = format!("C{}", row + 1);
    assert_eq!(
        diags,
        serde_json::json!([{
            "severity": "error",
            "code": "B001",
            "message": "article SB0-1SFE2CB-WT is in the ISE 'SF-Z', which the beleidsnota does not know",
            "file": "project/2025/bo/begroting.xlsx",
            "sheet": "Uitgaven",
            "cell": cell,
            "hints": ["known ISEs: SF-A, SF-B, SF-C, SG-A, SG-B"],
        }])
    );

    // The human form names the workbook, sheet and cell.
    let human = run(tmp.path(), &["check", "project", "--year", "2025"]);
    assert_eq!(human.status.code(), Some(1));
    assert!(
        stderr(&human).contains(&format!("--> project/2025/bo/begroting.xlsx: Uitgaven!{cell}")),
        "{}",
        stderr(&human)
    );

    // render refuses: no PDF written, and an earlier PDF stays as it was.
    let out_dir = tmp.path().join("out");
    std::fs::create_dir_all(&out_dir).unwrap();
    let render = run(tmp.path(), &["render", "project", "--year", "2025", "-o", "out"]);
    assert_eq!(render.status.code(), Some(1));
    assert_eq!(std::fs::read_dir(&out_dir).unwrap().count(), 0, "render wrote something");
    let earlier = out_dir.join("samenleven-2025-bo.pdf");
    std::fs::write(&earlier, b"an earlier render").unwrap();
    let render = run(tmp.path(), &["render", "project", "--year", "2025", "-o", "out"]);
    assert_eq!(render.status.code(), Some(1));
    assert_eq!(std::fs::read(&earlier).unwrap(), b"an earlier render");
    assert_eq!(std::fs::read_dir(&out_dir).unwrap().count(), 1, "render left a file behind");
}

#[test]
fn help_completions_and_manual_page_list_every_command() {
    let help = run(&sample(), &["--help"]);
    assert!(help.status.success());
    let help = stdout(&help);
    for cmd in ["render", "check", "template", "diff", "completions", "man", "explain"] {
        assert!(help.contains(&format!("  {cmd}")), "--help lacks {cmd}:\n{help}");
    }
    let bash = run(&sample(), &["completions", "bash"]);
    assert!(bash.status.success());
    assert!(stdout(&bash).contains("template") && stdout(&bash).contains("--pdf-standard"));
    let man = run(&sample(), &["man"]);
    assert!(man.status.success());
    assert!(stdout(&man).contains(".SH NAME") && stdout(&man).contains("bbt\\-template"), "{}", stdout(&man));
}

/// `bbt init` makes a project that has no errors and renders at once (its
/// placeholders are warnings until filled in), and never overwrites anything.
#[test]
fn init_makes_a_project_that_checks_and_renders() {
    let tmp = tempfile::tempdir().unwrap();
    // 1 August 2026: the draft is dated so.
    let out = bbt()
        .env("SOURCE_DATE_EPOCH", "1785542400")
        .current_dir(tmp.path())
        .args(["init", "nieuw", "--year", "2027"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let check = run(tmp.path(), &["check", "nieuw", "--format", "json"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    let json: serde_json::Value = serde_json::from_str(&stdout(&check)).unwrap();
    let found: Vec<&str> = json.as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    // Placeholders, and the stuk letter parliament has not given yet.
    assert!(found.contains(&"S015") && found.iter().all(|c| *c == "S015" || *c == "L002"), "{json:#}");
    let render = run(tmp.path(), &["render", "nieuw", "-o", "out"]);
    assert!(render.status.success(), "{}", stderr(&render));
    let text = pdftotext_layout(&tmp.path().join("out/nieuw-2027-bo.pdf"));
    assert!(text.contains("ontwerp van 1 augustus 2026"), "a draft, dated as such");
    let before = std::fs::read(tmp.path().join("nieuw/beleidsnota.yaml")).unwrap();
    let again = run(tmp.path(), &["init", "nieuw"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("never overwrites"));
    assert_eq!(std::fs::read(tmp.path().join("nieuw/beleidsnota.yaml")).unwrap(), before);
}

/// `bbt init --next` adds the next year's BO: the structure restated, the
/// texts carried over, a blank workbook with BA t-1 empty (no BA document;
/// never BO t-1); it checks clean.
#[test]
fn init_next_adds_the_following_year() {
    let (tmp, project) = sample_copy();
    // A presentation choice of the document is kept for the next year.
    apply(
        &project,
        &[Edit::Replace(
            "2026/bo/bbt.yaml",
            "eenheid: duizend euro\n",
            "eenheid: duizend euro\nnulrijen_weglaten: true\n",
        )],
    );
    let before = std::fs::read(project.join("2026/bo/bbt.yaml")).unwrap();
    let out = run(tmp.path(), &["init", "--next", "project"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = project.join("2027/bo");
    assert!(std::fs::read_to_string(doc.join("bbt.yaml")).unwrap().contains("\nnulrijen_weglaten: true\n"));
    // Carried over, marked as not revised yet.
    assert_eq!(
        std::fs::read_to_string(doc.join("tekst/od-nederlands.md")).unwrap(),
        format!(
            "<!-- bbt: overgenomen uit 2026. Verwijder deze regel zodra de tekst herzien is. -->\n{}",
            std::fs::read_to_string(project.join("2026/bo/tekst/od-nederlands.md")).unwrap()
        )
    );
    let rows = sheet_rows(&doc.join("begroting.xlsx"), "Uitgaven");
    let nt2 = rows.iter().find(|r| r.get("Artikel") == Some(&s("SI0-ASGE2AC-WT"))).expect("the article");
    assert!(matches!(nt2.get("VAK BA 2026"), None | Some(calamine::Data::Empty)), "BA 2026 is left empty");
    let check = run(tmp.path(), &["check", "project", "--year", "2027", "--format", "json"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    // Only: the stuk letter is not known yet (a draft may wait for it), and
    // the texts and indicators are still to revise.
    let json: serde_json::Value = serde_json::from_str(&stdout(&check)).unwrap();
    let found: Vec<(&str, &str)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap_or(""), d["severity"].as_str().unwrap_or("")))
        .collect();
    let mut kinds = found.clone();
    kinds.dedup();
    // The workbook is the blank one: not filled in yet (B011).
    assert_eq!(kinds, [("L002", "warning"), ("B011", "warning"), ("S014", "warning")], "{json:#}");
    assert_eq!(std::fs::read(project.join("2026/bo/bbt.yaml")).unwrap(), before, "the previous year is untouched");
}

#[test]
fn init_next_copies_no_text_linked_from_outside_the_project() {
    let (tmp, project) = sample_copy();
    let outside = tmp.path().join("elders.md");
    std::fs::write(&outside, "GEHEIME-INHOUD-42").unwrap();
    let text = project.join("2026/bo/tekst/inleiding.md");
    std::fs::remove_file(&text).unwrap();
    std::os::unix::fs::symlink(&outside, &text).unwrap();
    // A folder linked to its parent: a loop that must not be followed.
    std::os::unix::fs::symlink(project.join("2026/bo"), project.join("2026/bo/tekst/lus")).unwrap();
    let out = run(tmp.path(), &["init", "--next", "project"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("outside the project"), "{}", stderr(&out));
    assert!(!project.join("2027").exists(), "nothing written");
}

#[test]
fn a_stuk_letter_must_be_known_once_filed() {
    let (tmp, project) = sample_copy();
    let doc = project.join("2025/bo/bbt.yaml");
    let text = std::fs::read_to_string(&doc).unwrap();
    let line = text.lines().position(|l| l.trim_start().starts_with("letter:")).expect("a letter line") + 1;
    let changed: Vec<String> = text
        .lines()
        .map(|l| if l.trim_start().starts_with("letter:") { "  letter: \"?\"".to_string() } else { l.to_string() })
        .collect();
    std::fs::write(&doc, changed.join("\n") + "\n").unwrap();
    let out = run(tmp.path(), &["check", "project", "--year", "2025"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("error[L002]: '?' is not a stuk letter"), "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!("project/2025/bo/bbt.yaml:{line}:")), "{}", stderr(&out));
}

#[test]
fn a_year_the_project_does_not_have_is_one_error_naming_the_years_it_has() {
    let out = run(&sample(), &["check", "--year", "2030"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.matches("error[").count(), 1, "{err}");
    assert!(
        err.contains("error[L003]: the project has no document for the begrotingsopmaak 2030 (the folder 2030/bo)"),
        "{err}"
    );
    assert!(err.contains("this project has a document for the begrotingsopmaak in: 2025, 2026"), "{err}");
}

/// The type of an entity decides its table: a dotation to an entity the
/// beleidsnota makes part of the ministry is refused (the ministry's table
/// would count it twice), with the place of the type; the codes of that
/// entity are warned about (B012).
#[test]
fn a_dotation_goes_to_an_entity_with_a_budget_of_its_own() {
    let (tmp, project) = sample_copy();
    apply(&project, &[Edit::Replace("beleidsnota.yaml", "    soort: eva\n", "    soort: iva\n")]);
    let out = run_nl(tmp.path(), &["check", "project", "--year", "2025"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("fout[B006]: Artikel SB0-1SGE2AX-IS is een dotatie aan SI0, maar SI0 is een IVA en hoort bij het ministerie zelf (MVG)."),
        "{err}"
    );
    assert!(err.contains("project/beleidsnota.yaml:18:") && err.contains("hier staat de soort van SI0"), "{err}");
    assert_eq!(err.matches("waarschuwing[B012]: Artikel SI0-A").count(), 4, "{err}");
}

/// The benchmark's dataset (examples/bench_dataset.rs, used by bench/run)
/// stays a set of documents bbt accepts: when a rule or a live figure
/// changes, the generator follows, or the benchmark would measure failures.
#[test]
fn the_benchmark_dataset_checks_without_errors() {
    // `cargo test` builds the examples beside the test binaries.
    let exe = std::env::current_exe().unwrap();
    let generator = exe
        .parent()
        .and_then(|deps| deps.parent())
        .unwrap()
        .join(format!("examples/bench_dataset{}", std::env::consts::EXE_SUFFIX));
    assert!(
        generator.is_file(),
        "{} is missing: `cargo test` builds it, a run of one test target does not \
         (cargo build --release --example bench_dataset)",
        generator.display()
    );
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("gov");
    let out = std::process::Command::new(&generator).arg(&data).args(["--seed", "1"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(tmp.path(), &["check", "gov", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap_or_else(|_| panic!("{}", stderr(&out)));
    let errors: Vec<&serde_json::Value> =
        json.as_array().unwrap().iter().filter(|d| d["severity"] == "error").collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
