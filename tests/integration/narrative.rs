//! The narrative: live figures agree with the tables, references point at
//! their objective, and nothing an author types reaches Typst as code.

use crate::support::*;

/// The words of the first line after `from` that starts with `start`.
fn line_from<'a>(text: &'a str, start: &str) -> &'a str {
    let at = text.find(start).unwrap_or_else(|| panic!("no '{start}'"));
    &text[at..]
}

fn plain_text(pdf: &std::path::Path) -> String {
    let out = tool("pdftotext", &[&pdf.to_string_lossy(), "-"]);
    assert!(out.status.success());
    stdout(&out).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn render(cwd: &std::path::Path, year: &str) -> String {
    let out = run(cwd, &["render", "project", "--year", year, "-o", "out"]);
    assert!(out.status.success(), "{}", stderr(&out));
    plain_text(&cwd.join(format!("out/samenleven-{year}-bo.pdf")))
}

/// The table figure of `code`'s row `row` ("BO 2025"): VAK and VEK.
fn table_row(layout: &str, code: &str, row: &str) -> Vec<String> {
    let at = layout.find(&format!("{code} – ")).expect("the article's heading");
    let line = layout[at..].lines().map(str::trim).find(|l| l.starts_with(row)).expect("the row");
    line[row.len()..].split_whitespace().map(String::from).collect()
}

#[test]
fn live_figures_agree_with_the_tables_and_follow_the_workbook() {
    let (tmp, project) = sample_copy();
    let text = render(tmp.path(), "2025");
    let layout = pdftotext_layout(&tmp.path().join("out/samenleven-2025-bo.pdf"));
    let bo = table_row(&layout, "SI0-ASGE2AC-WT", "BO 2025");
    let ba = table_row(&layout, "SI0-ASGE2AC-WT", "BA 2024");
    let sentence = line_from(&text, "Het vastleggingskrediet voor de lessen Nederlands");
    assert!(
        sentence.contains(&format!(
            "stijgt van {} duizend euro in de aangepaste begroting 2024 naar {} duizend euro, een stijging met 16,2 %",
            ba[0], bo[0]
        )),
        "{sentence:.200}"
    );
    let plan = table_row(&layout, "SB0-1SGE2BA-WT", "BO 2025");
    assert!(
        line_from(&text, "Voor het Plan Samenleven is")
            .starts_with(&format!("Voor het Plan Samenleven is {} duizend euro", plan[0]))
    );
    // The totals of the ISE's tables: the dotation (the ministry's), the
    // agency's own, and both with the dotation counted once.
    for (said, what) in [
        ("gaat 77.206 duizend euro vastleggingskrediet als dotatie", "ise(..).mvg.toelagen"),
        ("het agentschap zelf schrijft 77.009 duizend euro in", "ise(..).SI0"),
        ("met de dotatie één keer geteld, is dat 77.009 duizend euro", "ise(..).geconsolideerd"),
    ] {
        assert!(text.contains(said), "{what}: {text:.3000}");
    }
    assert!(text.contains("brengen naar raming 2.480 duizend euro op"));
    // The reference names the OD and the page its heading is on (after the
    // title page and the table of contents).
    let page = layout
        .split('\u{c}')
        .enumerate()
        .skip(2)
        .find(|(_, p)| p.contains("OD 3.1 – Lokale besturen voeren het Plan Samenleven uit"))
        .map(|(i, _)| i + 1)
        .expect("the heading of OD 3.1");
    assert!(text.contains(&format!("(zie OD 3.1, p. {page})")), "{:.300}", line_from(&text, "budgetneutraal"));

    // A changed workbook changes the table and the text alike.
    apply(
        &project,
        &[
            Edit::Cell {
                file: "2025/bo/begroting.xlsx",
                sheet: "Uitgaven",
                key: "SI0-ASGE2AC-WT",
                column: "VAK Andere bijstellingen",
                value: n(3_400.0),
            },
            Edit::Cell {
                file: "2025/bo/begroting.xlsx",
                sheet: "Uitgaven",
                key: "SI0-ASGE2AC-WT",
                column: "VAK BO 2025",
                value: n(20_638.0),
            },
        ],
    );
    let text = render(tmp.path(), "2025");
    let layout = pdftotext_layout(&tmp.path().join("out/samenleven-2025-bo.pdf"));
    assert_eq!(table_row(&layout, "SI0-ASGE2AC-WT", "BO 2025"), ["20.638", "19.030"]);
    assert!(
        line_from(&text, "Het vastleggingskrediet voor de lessen")
            .contains("naar 20.638 duizend euro, een stijging met 22,1 %")
    );
    assert!(text.contains("het agentschap zelf schrijft 78.009 duizend euro in"));
    assert!(text.contains("met de dotatie één keer geteld, is dat 78.009 duizend euro"));
}

/// Every character Typst treats specially, and every way a text could try to
/// run Typst code, prints as typed; nothing is read.
#[test]
fn typst_syntax_in_a_text_prints_as_typed() {
    let (tmp, project) = sample_copy();
    let secret = tmp.path().join("geheim.txt");
    std::fs::write(&secret, "GEHEIME-INHOUD-42").unwrap();
    let cases: &[&str] = &[
        r#"#read("/etc/passwd")"#,
        r#"#read("../geheim.txt")"#,
        r#"#import "x.typ": *"#,
        r#"#include "bbt.typ""#,
        r#"#eval("1+1")"#,
        "$ x^2 $ en $y$",
        "@ref en iemand@example.be",
        "= Geen kop",
        "-5 en +3 aan het begin",
        "// geen commentaar /* ook niet */",
        "a -- b --- c ... d",
        "~ tilde ~ en ^ dakje",
        "\"dubbele\" en 'enkele' aanhalingstekens",
        "[haakjes] en {accolades} en (ronde)",
        r"\ backslash en C:\pad",
        "#set page(width: 1cm)",
        "#show: it => none",
        "<label> en </b>",
        "€ 1.234,56 – “typografisch” ‘citaat’ … é à ç ñ ø ß",
        "#{ 1 + 1 }",
        "#box[test]",
    ];
    let body: String = cases.iter().map(|c| format!("{c}\n\n")).collect();
    std::fs::write(project.join("2025/bo/tekst/od-netwerk.md"), body).unwrap();
    let text = render(tmp.path(), "2025");
    for c in cases {
        let want: String = c.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&want), "'{c}' does not print as typed");
    }
    assert!(!text.contains("GEHEIME-INHOUD-42"), "a file outside the project was read");
    assert!(!text.contains("root:x:0"), "/etc/passwd was read");
}

/// minijinja in a text: no include or import, and a loop that does not end
/// ends in an error rather than a hang.
#[test]
fn statements_that_reach_outside_a_text_are_refused() {
    let cases: &[(&str, &str, &str)] = &[
        ("{% include \"../../beleidsnota.yaml\" %}", "T003", "include, import and extends are not allowed"),
        ("{% import \"x\" as y %}{{ y }}", "T003", "include, import and extends are not allowed"),
        ("{% extends \"main.typ.j2\" %}", "T003", "include, import and extends are not allowed"),
        (
            "{% for a in range(1000) %}{% for b in range(1000) %}{{ b }}{% endfor %}{% endfor %}",
            "T003",
            "take too long",
        ),
        ("{{ artikel(\"XX0-1XXX2AA-WT\").bo.vak }}", "T003", "There is no article XX0-1XXX2AA-WT"),
        (
            "Tekst.\n\nZie {{ verwijzing(\"od-bestaat-niet\") }}.",
            "T004",
            "'od-bestaat-niet' is no SD, OD, chapter or appendix",
        ),
    ];
    for (source, code, message) in cases {
        let (tmp, project) = sample_copy();
        std::fs::write(project.join("2025/bo/tekst/od-netwerk.md"), source).unwrap();
        let out = run(tmp.path(), &["check", "project", "--year", "2025", "--format", "json"]);
        assert_eq!(out.status.code(), Some(1), "{source}");
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        let d = &json[0];
        assert_eq!(json.as_array().unwrap().len(), 1, "{json:#}");
        assert_eq!(d["code"], *code, "{source}");
        assert!(d["message"].as_str().unwrap().contains(message), "{source}: {}", d["message"]);
        assert_eq!(d["file"], "project/2025/bo/tekst/od-netwerk.md");
        assert!(d["line"].as_u64().is_some(), "{source}: a line");
    }
}

/// Random strings over characters the bundled fonts cover, written through
/// the one escaping path into Typst, come back from the PDF unchanged.
#[test]
fn random_strings_survive_the_escaping_path() {
    // Printable ASCII, Latin-1 and Latin Extended-A letters, and the
    // typographic punctuation Flemish texts use; no controls, no private use.
    let mut alphabet: Vec<char> = (0x21u32..0x7f).filter_map(char::from_u32).collect();
    alphabet.extend((0xc0u32..=0x17f).filter_map(char::from_u32).filter(|c| c.is_alphabetic()));
    alphabet.extend("€–—‘’“”…•«»§°±×÷".chars());
    alphabet.push(' ');
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let strings: Vec<String> = (0..300)
        .map(|_| {
            let len = 1 + (next() % 30) as usize;
            (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect::<String>()
        })
        .filter(|s: &String| !s.trim().is_empty())
        .collect();
    let mut main = String::from(
        "#set text(font: \"Noto Sans\", hyphenate: false, lang: \"nl\")\n#set page(width: 21cm, height: auto)\n#set par(justify: false)\n",
    );
    // Each string between marks, so that pdftotext cannot take a hyphen at
    // the end of a line for a hyphenation and join it to the next.
    for s in &strings {
        main.push_str(&format!("#{}\n\n", bbt::render::typst_code::string_literal(&format!("¦{s}¦"))));
    }
    let world =
        bbt::typeset::BbtWorld::new(bbt::assets::TemplateSet::bundled(), bbt::model::Date::new(2025, 1, 1).unwrap());
    world.set_main(&main);
    let (doc, _) = bbt::typeset::compile(&world).unwrap_or_else(|f| panic!("{:?}", f.problems));
    let opts = bbt::typeset::ExportOptions {
        ident: "prop".into(),
        date: bbt::model::Date::new(2025, 1, 1).unwrap(),
        standards: &[],
    };
    let pdf = bbt::typeset::export(&world, &doc, &opts).unwrap_or_else(|f| panic!("{:?}", f.problems));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.pdf");
    std::fs::write(&path, pdf).unwrap();
    let text = plain_text(&path);
    let mut missing = Vec::new();
    let text = text.replace("¦ ", "¦").replace(" ¦", "¦");
    for s in &strings {
        let want = format!("¦{}¦", s.split_whitespace().collect::<Vec<_>>().join(" "));
        if !text.contains(&want) {
            missing.push(s.clone());
        }
    }
    let near: Vec<String> = missing
        .iter()
        .filter_map(|m| {
            let head: String = m.chars().take(3).collect();
            text.find(&head).map(|i| text[i..].chars().take(40).collect::<String>())
        })
        .collect();
    assert!(
        missing.is_empty(),
        "{} of {} strings did not come back: {missing:?}\nnear: {near:?}",
        missing.len(),
        strings.len()
    );
}

/// Markdown that passed `bbt check` and then failed `bbt render` (exit 2):
/// headings at any level, empty headings and links, deep nesting. It now
/// renders, headings nested under their objective, and a link goes only to a
/// web or mail address.
#[test]
fn markdown_that_once_broke_the_render_renders() {
    let (tmp, project) = sample_copy();
    let quotes = format!("{}diep geciteerd", "> ".repeat(60));
    let lists: String = (0..60).map(|i| format!("{}- niveau{i}\n", "  ".repeat(i))).collect();
    let od = format!(
        "## Kop op niveau twee\n\nTekst.\n\n#### Kop op niveau vier\n\n#\n\n# [](https://www.vlaanderen.be)\n\n\
         Een [lege]() link, [een script](javascript:alert(1)), [een bestand](file:///etc/passwd), \
         [een programma](launch:calc.exe) en [een site](https://www.vlaanderen.be).\n\n{quotes}\n\n{lists}"
    );
    std::fs::write(project.join("2025/bo/tekst/od-netwerk.md"), od).unwrap();
    std::fs::write(project.join("2025/bo/tekst/inleiding.md"), "Inleiding.\n\n### Kop in de inleiding\n\nMeer.\n")
        .unwrap();
    let check = run(tmp.path(), &["check", "project", "--year", "2025", "--format", "json"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let json: serde_json::Value = serde_json::from_str(&stdout(&check)).unwrap();
    let codes: Vec<&str> = json.as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["T002", "T006"], "{json:#}");
    let text = render(tmp.path(), "2025");
    for want in ["Kop op niveau twee", "Kop op niveau vier", "Kop in de inleiding", "diep geciteerd", "niveau59"] {
        assert!(text.contains(want), "'{want}' is not in the PDF");
    }
    assert!(
        text.contains("een script, een bestand, een programma en een site"),
        "{:.300}",
        line_from(&text, "Een lege")
    );
    // The PDF's links: web addresses only; no other action.
    let pdf = tmp.path().join("out/samenleven-2025-bo.pdf");
    let qdf = tmp.path().join("qdf.pdf");
    let out = tool("qpdf", &["--qdf", "--object-streams=disable", &pdf.to_string_lossy(), &qdf.to_string_lossy()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let raw = String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned();
    for bad in ["javascript", "file:", "launch:", "/Launch", "/JavaScript"] {
        assert!(!raw.contains(bad), "the PDF holds '{bad}'");
    }
    let targets: Vec<&str> =
        raw.split("/URI (").skip(1).map(|rest| rest.split(')').next().unwrap_or_default()).collect();
    assert!(targets.iter().filter(|t| **t == "https://www.vlaanderen.be").count() >= 2, "{targets:?}");
    assert!(targets.iter().all(|t| t.starts_with("https://") || t.starts_with("http://") || t.starts_with("mailto:")));
}

/// A letter typed with separate accents comes back from the PDF's text
/// layer as the letter it is (NFC), not doubled.
#[test]
fn accents_typed_separately_come_back_as_typed() {
    let (tmp, project) = sample_copy();
    std::fs::write(
        project.join("2025/bo/tekst/od-netwerk.md"),
        "Cafe\u{301} en de Zuid-Afrikaanse gei\u{308}ndustrialiseerde A\u{30a}rhus.\n",
    )
    .unwrap();
    let text = render(tmp.path(), "2025");
    assert!(text.contains("Café en de Zuid-Afrikaanse geïndustrialiseerde Århus."), "{:.200}", line_from(&text, "Caf"));
}

/// A prose filter on something that is not an amount says so in Dutch, at
/// the text, with the way to write it.
#[test]
fn a_prose_filter_on_a_percentage_is_explained() {
    let (tmp, project) = sample_copy();
    let od = project.join("2026/bo/tekst/od-nederlands.md");
    let text = std::fs::read_to_string(&od).unwrap();
    std::fs::write(
        &od,
        format!("{text}\nDat is {{{{ artikel(\"SI0-ASGE2AC-WT\").evolutie_procent.vak | miljoen }}}}.\n"),
    )
    .unwrap();
    let out = run_nl(tmp.path(), &["check", "project", "--year", "2026"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("fout[T003]: De filter 'miljoen' werkt op een bedrag uit het werkboek")
            && err.contains("project/2026/bo/tekst/od-nederlands.md:")
            && err.contains("Een percentage (evolutie_procent) is al tekst."),
        "{err}"
    );
}
