//! The PDF as parliament receives it: fonts, headers on every page with
//! amounts, layout rules read off the pages, standards, restyling, and the
//! emitted Typst sources.

use crate::support::*;

/// A copy of the bundled template set in `to`, to restyle in a test.
fn copy_templates(to: &std::path::Path) -> std::path::PathBuf {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    std::fs::create_dir_all(to.join("fonts")).unwrap();
    for f in [
        "main.typ.j2",
        "bbt.typ",
        "fonts/NotoSans-Regular.ttf",
        "fonts/NotoSans-Bold.ttf",
        "fonts/NotoSans-Italic.ttf",
        "fonts/NotoSans-BoldItalic.ttf",
    ] {
        std::fs::copy(root.join(f), to.join(f)).unwrap();
    }
    to.to_path_buf()
}

/// The pages of a PDF as pdftotext -layout gives them.
fn pages(pdf: &std::path::Path) -> Vec<String> {
    pdftotext_layout(pdf).split('\u{c}').map(str::to_string).filter(|p| !p.trim().is_empty()).collect()
}

#[test]
fn every_font_is_embedded() {
    let out = tool("pdffonts", &[&rendered_sample().to_string_lossy()]);
    assert!(out.status.success());
    let text = stdout(&out);
    let rows: Vec<&str> = text.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type [encoding] emb sub uni object ID: "emb" is the 5th field from the end.
        assert_eq!(cols[cols.len() - 5], "yes", "not embedded: {row}");
    }
}

/// Every page that shows amounts says "(duizend euro)" and has its VAK and
/// VEK heads (a table header repeats on a page it continues on).
#[test]
fn every_page_with_amounts_carries_the_unit_and_the_heads() {
    for (i, page) in pages(rendered_sample()).iter().enumerate().skip(2) {
        // A row of a budget table: a known row label (or an article code)
        // ending in an amount.
        let labels = [
            "BA 20",
            "BO 20",
            "Index",
            "Compensaties",
            "Andere bijstellingen",
            "Bijstellingen",
            "ESR-uitgaven",
            "Toelagen (IS)",
            "Overige (LE, PA)",
            "Totaal",
            "Ontvangsten",
            "ISE S",
            "Interne stromen",
            "SB0-",
            "SI0-",
        ];
        let amounts = page.lines().map(str::trim).find(|l| {
            let last = l.split_whitespace().last().unwrap_or("");
            labels.iter().any(|p| l.starts_with(p))
                && !last.is_empty()
                && last.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        });
        if let Some(row) = amounts {
            assert!(page.contains("(duizend euro)"), "page {} shows amounts ('{row}') without (duizend euro)", i + 1);
            assert!(page.contains("VAK") && page.contains("VEK"), "page {} shows amounts without VAK/VEK heads", i + 1);
        }
    }
}

/// The running header of a page (stuk number and title): not content.
fn is_running_header(line: &str) -> bool {
    line.contains(" – Nr. ") && line.contains("Begroting ")
}

/// Nothing that introduces content is left at a page's foot without it:
/// headings of every level, runs of headings (an ISE, its SD and the SD's
/// note), labels and captions ("Toelichting bij de bijstellingen", "ISE: …,
/// MVG excl. DAB", "Horizontale thema's"), a sentence introducing a table, a
/// table's header. Read off every page of both samples: after the last such
/// line of a page come at least two lines of content (one row after a
/// table's header), or the next page starts with a new heading (what the
/// heading introduced was complete).
#[test]
fn nothing_that_introduces_content_is_left_at_a_page_foot() {
    for year in ["2025", "2026"] {
        let tmp = tempfile::tempdir().unwrap();
        let out = run(tmp.path(), &["render", &sample().to_string_lossy(), "--year", year, "-o", ".", "--emit-typ"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let main = std::fs::read_to_string(tmp.path().join(format!("samenleven-{year}-bo-typ/main.typ"))).unwrap();
        // The headings with titles that may wrap, whole, as printed.
        let arg = |rest: &str, n: usize| rest.split('"').nth(2 * n + 1).unwrap_or("").to_string();
        let mut headings: Vec<String> = Vec::new();
        for line in main.lines() {
            let heading = if let Some(rest) = line.strip_prefix("#beleidsveld(") {
                format!("{}. Beleidsveld {}: {}", arg(rest, 0), arg(rest, 1), arg(rest, 2))
            } else if let Some(rest) = line.strip_prefix("#ise(") {
                format!("ISE {} – {}", arg(rest, 0), arg(rest, 1))
            } else if let Some(rest) = line.strip_prefix("#sd(") {
                format!("SD {} – {}", arg(rest, 0), arg(rest, 1))
            } else if let Some(rest) = line.strip_prefix("#od(") {
                format!("OD {} – {}", arg(rest, 0), arg(rest, 1))
            } else if let Some(rest) = line.strip_prefix("#hoofdstuk(") {
                format!("{}. {}", arg(rest, 0), arg(rest, 1))
            } else if let Some(rest) = line.strip_prefix("#bijlage(") {
                format!("{}: {}", arg(rest, 0), arg(rest, 1))
            } else {
                continue;
            };
            headings.push(heading);
        }
        assert!(headings.iter().filter(|h| h.starts_with("OD ")).count() >= 8, "{headings:?}");
        // Labels and captions the template prints above what they introduce.
        let labels = [
            "Budgettair kader voor het begrotingsjaar",
            "Uitgavenartikelen",
            "Ontvangstenartikelen",
            "Kredietevolutie",
            "Toelichting bij de bijstellingen",
            "Prestatie-informatie",
            "Horizontale thema's:",
            "Deze strategische doelstelling wordt ingeleid",
            "ISE: ",
            "Kredieten van het beleidsveld",
            "Bijlage ",
            "Per operationele doelstelling",
            "Per inhoudelijk structuurelement",
            "Alle uitgavenartikelen met",
            "Wijzigingen in de structuur",
        ];
        // Kind of line: 0 content, 1 heading or label, 2 a table's header.
        let kind = |line: &str| -> u8 {
            let article_heading = line
                .split_once(" – ")
                .is_some_and(|(code, _)| code.len() == 14 && code.as_bytes()[3] == b'-' && code.as_bytes()[11] == b'-');
            let entity_heading = line.ends_with(')')
                && line.rsplit_once('(').is_some_and(|(naam, code)| {
                    !naam.trim().is_empty()
                        && code.len() == 4
                        && code.chars().take(2).all(|c| c.is_ascii_uppercase())
                        && code.as_bytes()[2].is_ascii_digit()
                });
            if line.starts_with("(duizend euro)")
                || line.starts_with("Doelstelling ")
                || (line.contains("VAK") && line.contains("VEK") && !line.chars().any(|c| c.is_ascii_digit()))
            {
                2
            } else if article_heading
                || entity_heading
                || labels.iter().any(|l| line.starts_with(l))
                // The last line of a sentence that introduces a table or a list.
                || line.ends_with(':')
                || headings.iter().any(|h| h.starts_with(line) && line.chars().count() >= 6)
            {
                1
            } else {
                0
            }
        };
        // A page's lines: no running header, page number or footnote.
        let pdf = tmp.path().join(format!("samenleven-{year}-bo.pdf"));
        let all: Vec<Vec<String>> = pages(&pdf)
            .iter()
            .map(|p| {
                p.lines()
                    .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|l| !l.is_empty() && !is_running_header(l) && !l.chars().all(|c| c.is_ascii_digit()))
                    .filter(|l| {
                        let rest = l.trim_start_matches(|c: char| c.is_ascii_digit());
                        rest.len() == l.len() || rest.starts_with([' ', '.', ',', '%']) || rest.is_empty()
                    })
                    .collect()
            })
            .collect();
        // From page 4 on: the cover, the Inhoudstafel and the list of abbreviations are lists.
        for i in 3..all.len() - 1 {
            let lines = &all[i];
            // The last line that introduces something, a wrapped heading's
            // continuation lines counted with it.
            let mut last: Option<(usize, u8)> = None;
            let mut j = 0;
            while j < lines.len() {
                let k = kind(&lines[j]);
                if k == 0 {
                    j += 1;
                    continue;
                }
                let mut text = lines[j].clone();
                let whole = headings.iter().find(|h| h.starts_with(text.as_str()));
                while let (Some(h), Some(next)) = (whole, lines.get(j + 1)) {
                    let longer = format!("{text} {next}");
                    if !h.starts_with(longer.as_str()) {
                        break;
                    }
                    text = longer;
                    j += 1;
                }
                last = Some((j, k));
                j += 1;
            }
            let Some((at, k)) = last else { continue };
            let after = lines.len() - at - 1;
            let next_starts_with_heading = all[i + 1].first().is_some_and(|l| kind(l) == 1);
            let ok = match k {
                2 => after >= 1,
                _ => after >= 2 || (after == 1 && next_starts_with_heading),
            };
            assert!(
                ok,
                "{year} page {}: '{}' is left at the page's foot with {after} line(s) after it:\n{}",
                i + 1,
                lines[at],
                lines[lines.len().saturating_sub(6)..].join("\n")
            );
        }
    }
}

#[test]
fn pdf_standards_can_be_chosen() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(
        tmp.path(),
        &["render", &sample().to_string_lossy(), "--year", "2025", "-o", ".", "--pdf-standard", "a-2b"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let dir = tmp.path();
    let qdf = dir.join("q.pdf");
    let expand = tool(
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            &dir.join("samenleven-2025-bo.pdf").to_string_lossy(),
            &qdf.to_string_lossy(),
        ],
    );
    assert!(expand.status.success());
    let raw = String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned();
    assert!(raw.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
    assert!(!raw.contains("pdfuaid"), "UA-1 was not asked for");
    let bad = run(tmp.path(), &["render", &sample().to_string_lossy(), "--pdf-standard", "a-9z"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("unknown PDF standard 'a-9z'"));
}

/// A restyled copy of the templates changes the output; a broken one is the
/// user's error (exit 1), with the template's place.
#[test]
fn other_templates_restyle_the_document() {
    let tmp = tempfile::tempdir().unwrap();
    let templates = copy_templates(&tmp.path().join("huisstijl"));
    let bbt = std::fs::read_to_string(templates.join("bbt.typ")).unwrap();
    std::fs::write(templates.join("bbt.typ"), bbt.replace("\"VLAAMS PARLEMENT\"", "\"VLAAMS PARLEMENT – HUISSTIJL\""))
        .unwrap();
    let out = run(
        tmp.path(),
        &["render", &sample().to_string_lossy(), "--year", "2025", "-o", ".", "--templates", "huisstijl"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(pdftotext_layout(&tmp.path().join("samenleven-2025-bo.pdf")).contains("VLAAMS PARLEMENT – HUISSTIJL"));

    std::fs::write(
        templates.join("bbt.typ"),
        bbt.replace("#let bbt(meta, body) = {", "#let bbt(meta, body) = {\n  undefined-thing"),
    )
    .unwrap();
    let earlier = std::fs::read(tmp.path().join("samenleven-2025-bo.pdf")).unwrap();
    let out = run(
        tmp.path(),
        &["render", &sample().to_string_lossy(), "--year", "2025", "-o", ".", "--templates", "huisstijl"],
    );
    assert_eq!(out.status.code(), Some(1), "a user's template error is an input error");
    assert!(stderr(&out).contains("huisstijl/bbt.typ:"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(tmp.path().join("samenleven-2025-bo.pdf")).unwrap(),
        earlier,
        "the earlier PDF is untouched"
    );
}

/// --emit-typ writes the generated source, the templates, the fonts and the
/// exact typst command; the generated source is snapshotted.
#[test]
fn emitted_typst_sources_are_complete() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(tmp.path(), &["render", &sample().to_string_lossy(), "--year", "2025", "-o", ".", "--emit-typ"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let dir = tmp.path().join("samenleven-2025-bo-typ");
    for f in ["main.typ", "bbt.typ", "compile.sh", "fonts/NotoSans-Regular.ttf", "fonts/OFL.txt"] {
        assert!(dir.join(f).is_file(), "{f} missing");
    }
    let script = std::fs::read_to_string(dir.join("compile.sh")).unwrap();
    assert!(script.contains("typst compile --root . --font-path fonts --ignore-system-fonts --creation-timestamp 1729728000 --pdf-standard a-2a,ua-1 main.typ samenleven-2025-bo.pdf"), "{script}");
    let main = std::fs::read_to_string(dir.join("main.typ")).unwrap();
    insta::assert_snapshot!("main_typ_2025", main);
}

/// Each beleidsveld has a chart, tagged as a figure with alternative text
/// made from its data; a template that draws a chart without alt text fails.
#[test]
fn charts_carry_alt_text_and_cannot_lose_it() {
    let dir = tempfile::tempdir().unwrap();
    let qdf = dir.path().join("q.pdf");
    let expand = tool(
        "qpdf",
        &["--qdf", "--object-streams=disable", &rendered_sample().to_string_lossy(), &qdf.to_string_lossy()],
    );
    assert!(expand.status.success());
    let raw = String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned();
    assert_eq!(raw.matches("/S /Figure").count(), 2, "one chart per beleidsveld");
    assert!(raw.contains("/Alt (Staafdiagram van de geconsolideerde vastleggings- en vereffeningskredieten per ISE van het beleidsveld Integratie en inburgering, BA 2024 tegenover BO 2025, in duizend euro. SG-A Inburgering: VAK van 72.950 naar 77.009"));

    // A restyled template that drops the alt text is refused.
    let templates = copy_templates(&dir.path().join("zonder-alt"));
    let main = std::fs::read_to_string(templates.join("main.typ.j2")).unwrap();
    std::fs::write(
        templates.join("main.typ.j2"),
        main.replace("#grafiek({{ bv.grafiek }})", "#grafiek({{ bv.grafiek }} + (alt: \"\"))"),
    )
    .unwrap();
    let out = run(
        dir.path(),
        &["render", &sample().to_string_lossy(), "--year", "2025", "-o", ".", "--templates", "zonder-alt"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("a chart needs its alternative text (alt)"), "{}", stderr(&out));
    assert!(!dir.path().join("samenleven-2025-bo.pdf").exists());
}

/// Every heading of the structure appears in the body, in the order of the
/// year's structure (beleidsveld → ISE → SD → OD).
#[test]
fn the_headings_follow_the_structure_in_order() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(tmp.path(), &["render", &sample().to_string_lossy(), "--year", "2026", "-o", ".", "--emit-typ"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let main = std::fs::read_to_string(tmp.path().join("samenleven-2026-bo-typ/main.typ")).unwrap();
    let arg = |rest: &str, n: usize| rest.split('"').nth(2 * n + 1).unwrap_or("").to_string();
    let mut expected = Vec::new();
    for line in main.lines() {
        if let Some(rest) = line.strip_prefix("#beleidsveld(") {
            expected.push(format!("{}. Beleidsveld {}: {}", arg(rest, 0), arg(rest, 1), arg(rest, 2)));
        } else if let Some(rest) = line.strip_prefix("#ise(") {
            expected.push(format!("ISE {} – {}", arg(rest, 0), arg(rest, 1)));
        } else if let Some(rest) = line.strip_prefix("#sd(") {
            expected.push(format!("SD {} – {}", arg(rest, 0), arg(rest, 1)));
        } else if let Some(rest) = line.strip_prefix("#od(") {
            expected.push(format!("OD {} – {}", arg(rest, 0), arg(rest, 1)));
        }
    }
    assert_eq!(expected.iter().filter(|h| h.starts_with("OD ")).count(), 9);
    let text = pdftotext_layout(&tmp.path().join("samenleven-2026-bo.pdf"));
    let body: String = text.split('\u{c}').skip(2).collect::<Vec<_>>().join("\n");
    let body = body.split_whitespace().collect::<Vec<_>>().join(" ").replace("\u{ad} ", "");
    let mut at = 0;
    for h in &expected {
        let want = h.split_whitespace().collect::<Vec<_>>().join(" ");
        match body[at..].find(&want) {
            Some(i) => at += i + want.len(),
            None => panic!("'{want}' is missing or out of order"),
        }
    }
}

/// With --attach, the source workbook and the open data (the CSV of every
/// figure and its data package) travel inside the PDF (PDF/A-3a).
#[test]
fn the_workbook_and_the_figures_can_be_attached() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(tmp.path(), &["render", &sample().to_string_lossy(), "--year", "2025", "-o", ".", "--attach"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = tmp.path().join("samenleven-2025-bo.pdf");
    let list = tool("pdfdetach", &["-list", &pdf.to_string_lossy()]);
    let list = stdout(&list);
    for name in ["begroting-2025-bo.xlsx", "samenleven-2025-bo.csv", "samenleven-2025-bo.datapackage.json"] {
        assert!(list.contains(name), "{name} not in {list}");
    }
    let detached = tmp.path().join("bijlagen");
    std::fs::create_dir(&detached).unwrap();
    let save = tool("pdfdetach", &["-saveall", "-o", &detached.to_string_lossy(), &pdf.to_string_lossy()]);
    assert!(save.status.success());
    assert_eq!(
        std::fs::read(detached.join("begroting-2025-bo.xlsx")).unwrap(),
        std::fs::read(sample().join("2025/bo/begroting.xlsx")).unwrap()
    );
    let csv = std::fs::read_to_string(detached.join("samenleven-2025-bo.csv")).unwrap();
    let line = csv.lines().find(|l| l.contains(",SB0-1SFE2AA-WT,") && l.contains(",VAK BO 2025,")).unwrap();
    assert!(line.ends_with(",1767,duizend euro"), "{line}");
    let qdf = tmp.path().join("q.pdf");
    assert!(
        tool("qpdf", &["--qdf", "--object-streams=disable", &pdf.to_string_lossy(), &qdf.to_string_lossy()])
            .status
            .success()
    );
    let raw = String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned();
    assert!(raw.contains("<pdfaid:part>3</pdfaid:part>") && raw.contains("<pdfuaid:part>1</pdfuaid:part>"));
}

/// The PDF's bookmarks mirror the headings: the parts at the top, every
/// article among them.
#[test]
fn bookmarks_mirror_the_headings() {
    let out = tool("qpdf", &["--json", "--json-key=outlines", &rendered_sample().to_string_lossy()]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    fn walk(items: &serde_json::Value, depth: usize, out: &mut Vec<(usize, String)>) {
        for item in items.as_array().into_iter().flatten() {
            out.push((depth, item["title"].as_str().unwrap_or("").to_string()));
            walk(&item["kids"], depth + 1, out);
        }
    }
    let mut all = Vec::new();
    walk(&json["outlines"], 0, &mut all);
    let parts: Vec<&str> = all.iter().filter(|(d, _)| *d == 0).map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        parts,
        [
            "Lijst van afkortingen",
            "I. Inleiding",
            "II. Beleidsveld I: Gelijke kansen",
            "III. Beleidsveld II: Integratie en inburgering",
            "IV. Bijlagen"
        ]
    );
    for code in ["SB0-1SFE2AA-WT", "SB0-1SGE2AX-IS", "SI0-ASGE2BA-WT", "SI0-0SGE2AA-WT"] {
        assert!(all.iter().any(|(_, t)| t.starts_with(&format!("{code} – "))), "no bookmark for {code}");
    }
    assert!(all.iter().any(|(d, t)| *d == 1 && t == "ISE SG-A – Inburgering"));
}

/// `bbt diff` of the sample's 2025 and 2026 documents: the structural changes
/// (the split of an ISE as one change, with the OD that moved along), and
/// every article whose figures differ, followed through the recoding, revenue
/// apart with one amount.
#[test]
fn diff_lists_the_changes_between_two_years() {
    let out = run(&sample(), &["diff", "2025/bo", "2026/bo"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let section = |title: &str| -> Vec<Vec<String>> {
        let at = text.find(title).unwrap_or_else(|| panic!("no section {title}"));
        text[at..]
            .lines()
            .skip(1)
            .take_while(|l| !l.trim().is_empty())
            // Rows, not their description (indented further) nor the column heads.
            .filter(|l| {
                let head = l.trim_start();
                l.starts_with("  ")
                    && !l.starts_with("    ")
                    && !head.starts_with("VAK old")
                    && !head.starts_with("old ")
            })
            .map(|l| l.split_whitespace().map(String::from).collect())
            .collect()
    };
    let structuur: Vec<(String, String)> =
        section("Structure:").into_iter().map(|w| (w[0].clone(), w[1].clone())).collect();
    assert_eq!(
        structuur,
        [
            ("gesplitst", "ise-samenleven"),
            ("nieuw", "od-inburgering-werk"),
            ("hernoemd", "od-netwerk"),
            ("hergecodeerd", "SB0-1SGE2CA-WT"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert!(text.contains("Structure: 4 changes"), "{text}");
    // A recoding that moves the article to the new ISE is one change, with its reason.
    assert!(text.contains("SB0-1SGE2BB-WT (ISE SG-B)  →  SB0-1SGE2CA-WT (ISE SG-C)"), "{text}");
    assert!(text.contains("reason: Het artikel volgt de aanpak van discriminatie"), "{text}");
    for part in [
        "→ ise-samenleven           ISE SG-B – Integratie en samenleven in diversiteit",
        "→ ise-antidiscriminatie    ISE SG-C – Aanpak van discriminatie en racisme",
        "OD 3.2 (od-discriminatie) moves along: ISE SG-B → ISE SG-C",
        "reason: De aanpak van discriminatie en racisme krijgt een eigen ISE",
    ] {
        assert!(text.contains(part), "no {part:?} in {text}");
    }
    let artikelen = section("Expenditure articles:");
    let codes: Vec<&str> = artikelen.iter().map(|w| w[0].as_str()).collect();
    assert_eq!(
        codes,
        [
            "SB0-1SFE2AA-WT",
            "SB0-1SFE2AB-WT",
            "SB0-1SFE2AC-LO",
            "SB0-1SFE2BA-WT",
            "SB0-1SFE2BB-WT",
            "SB0-1SFE2CA-WT",
            "SB0-1SFE2CB-WT",
            "SB0-1SGE2AX-IS",
            "SB0-1SGE2BA-WT",
            "SB0-1SGE2CA-WT",
            "SI0-ASGE2AA-LO",
            "SI0-ASGE2AB-WT",
            "SI0-ASGE2AC-WT",
            "SI0-ASGE2BA-WT",
        ]
    );
    let recoded = artikelen.iter().find(|w| w[0] == "SB0-1SGE2CA-WT").unwrap();
    assert_eq!(recoded[1..], ["(was", "SB0-1SGE2BB-WT)", "3.988", "4.768", "780", "3.816", "4.542", "726"]);
    let nt2 = artikelen.iter().find(|w| w[0] == "SI0-ASGE2AC-WT").unwrap();
    assert_eq!(nt2[1..], ["19.638", "21.531", "1.893", "19.030", "20.811", "1.781"]);
    // Revenue has no VAK/VEK split: a section of its own, one amount.
    let revenue = section("Revenue articles:");
    assert_eq!(
        revenue,
        [["SB0-0SGE2BA-WT", "120", "100", "-20"], ["SI0-0SGE2AA-WT", "2.480", "2.650", "170"]]
            .map(|r| r.map(String::from).to_vec())
    );
    let ises: Vec<String> = section("ISEs").into_iter().map(|w| w[0].clone()).collect();
    assert_eq!(ises, ["SF-A", "SF-B", "SF-C", "SG-A", "SG-B", "SG-C"]);
}
