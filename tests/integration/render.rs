//! The sample renders to a PDF that independent tools accept, with the right figures.

use crate::support::*;

#[test]
fn sample_is_a_tagged_a4_pdf_with_its_title() {
    let pdf = rendered_sample();
    let info = tool("pdfinfo", &[&pdf.to_string_lossy()]);
    let info = stdout(&info);
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}:")).map(|v| v.trim().to_string()))
            .unwrap_or_else(|| panic!("pdfinfo shows no {name}:\n{info}"))
    };
    assert_eq!(
        field("Title"),
        "Beleids- en begrotingstoelichting Gelijke Kansen, Integratie en Inburgering – Begroting 2025"
    );
    assert_eq!(field("Tagged"), "yes");
    assert!(field("Page size").ends_with("(A4)"), "{}", field("Page size"));
    assert_eq!(field("CreationDate"), "Thu Oct 24 00:00:00 2024 UTC");
}

#[test]
fn sample_passes_qpdf_and_declares_pdfa_and_pdfua() {
    let pdf = rendered_sample();
    let check = tool("qpdf", &["--check", &pdf.to_string_lossy()]);
    assert!(check.status.success(), "qpdf --check: {}{}", stdout(&check), stderr(&check));

    let dir = tempfile::tempdir().unwrap();
    let qdf = dir.path().join("q.pdf");
    let expand = tool("qpdf", &["--qdf", "--object-streams=disable", &pdf.to_string_lossy(), &qdf.to_string_lossy()]);
    assert!(expand.status.success(), "qpdf --qdf: {}", stderr(&expand));
    let raw = String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned();
    for needle in
        ["<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>A</pdfaid:conformance>", "<pdfuaid:part>1</pdfuaid:part>"]
    {
        assert!(raw.contains(needle), "the XMP metadata lacks {needle}");
    }
    assert!(raw.contains("/Lang (nl-BE)"), "the catalog has no /Lang nl-BE");
    // Every table has header cells: as many /TH groups as tables at least.
    let tables = raw.matches("/S /Table").count();
    let heads = raw.matches("/S /THead").count();
    let th = raw.matches("/S /TH\n").count() + raw.matches("/S /TH ").count() + raw.matches("/S /TH/").count();
    assert!(tables >= 20, "expected the sample's tables, found {tables}");
    assert_eq!(heads, tables, "every table needs a header row");
    assert!(th >= 3 * tables, "expected header cells in every table ({th} /TH for {tables} tables)");
}

/// Expected BO 2025 figures per expenditure article (VAK, VEK), computed by hand
/// from the sample workbook's components.
const UITGAVEN_BO: &[(&str, &str, &str)] = &[
    ("SB0-1SFE2AA-WT", "1.767", "1.808"),
    ("SB0-1SFE2AB-WT", "4.634", "4.331"),
    ("SB0-1SFE2AC-LO", "6.820", "6.820"),
    ("SB0-1SFE2BA-WT", "2.706", "2.626"),
    ("SB0-1SFE2BB-WT", "3.753", "3.753"),
    ("SB0-1SFE2CA-WT", "1.763", "1.712"),
    ("SB0-1SFE2CB-WT", "3.009", "3.009"),
    ("SB0-1SGE2AX-IS", "77.206", "77.206"),
    ("SB0-1SGE2BA-WT", "12.250", "12.050"),
    ("SB0-1SGE2BB-WT", "3.988", "3.816"),
    ("SB0-1SGE2BC-PR", "0", "0"),
    ("SI0-ASGE2AA-LO", "43.175", "43.175"),
    ("SI0-ASGE2AB-WT", "14.196", "14.093"),
    ("SI0-ASGE2AC-WT", "19.638", "19.030"),
    ("SI0-ASGE2BA-WT", "6.062", "5.991"),
];

/// Revenue articles: BA 2024, evolutie, BO 2025.
const ONTVANGSTEN: &[(&str, [&str; 3])] =
    &[("SI0-0SGE2AA-WT", ["2.150", "330", "2.480"]), ("SB0-0SGE2BA-WT", ["150", "-30", "120"])];

/// The tokens of the first line after `from` that starts with `label`.
fn row_after<'a>(text: &'a str, from: usize, label: &str) -> Vec<&'a str> {
    let line = text[from..]
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no line '{label}' after offset {from}"));
    line[label.len()..].split_whitespace().collect()
}

#[test]
fn every_article_shows_its_bo_figures_in_dutch_notation() {
    let text = pdftotext_layout(rendered_sample());
    for (code, vak, vek) in UITGAVEN_BO {
        let at = text.find(&format!("{code} – ")).unwrap_or_else(|| panic!("no heading for {code}"));
        assert_eq!(row_after(&text, at, "BO 2025"), [*vak, *vek], "{code}");
    }
    for (code, figures) in ONTVANGSTEN {
        let at = text.find(&format!("{code} – ")).unwrap_or_else(|| panic!("no heading for {code}"));
        assert_eq!(row_after(&text, at, "Ontvangsten"), figures.to_vec(), "{code}");
    }
}

#[test]
fn ise_synthesis_of_inburgering_adds_up_row_by_row() {
    let text = pdftotext_layout(rendered_sample());
    let heading = text.rfind("ISE SG-A – Inburgering").expect("ISE heading (after the table of contents)");
    let kader = heading + text[heading..].find("Budgettair kader voor het begrotingsjaar").expect("budgettair kader");
    // The agency's own table: its spending, no dotation.
    let at = kader + text[kader..].find("(Vlaamse rechtspersoon)").expect("the agency's table");
    let rows: &[(&str, [&str; 6])] = &[
        ("ESR-uitgaven (werking en toelagen (WT), lonen", ["72.950", "4.059", "77.009", "72.400", "3.898", "76.298"]),
        ("Toelagen (interne stromen (IS))", ["0", "0", "0", "0", "0", "0"]),
        ("Overige (leningen (LE), participaties (PA); geen", ["0", "0", "0", "0", "0", "0"]),
        ("Totaal", ["72.950", "4.059", "77.009", "72.400", "3.898", "76.298"]),
    ];
    let head = row_after(&text, at, "(duizend euro)");
    assert_eq!(head, ["BA", "2024", "evolutie", "BO", "2025", "BA", "2024", "evolutie", "BO", "2025"]);
    for (label, figures) in rows {
        assert_eq!(row_after(&text, at, label), figures.to_vec(), "{label}");
    }
}

#[test]
fn renders_identical_bytes_from_other_folders_processes_and_time_zones() {
    // Two copies of the project at different absolute paths, rendered from
    // different working folders, in different time zones.
    let (a, project_a) = sample_copy();
    let (b, project_b) = sample_copy();
    let render = |cwd: &std::path::Path, project: &std::path::Path, tz: &str| {
        let out = bbt()
            .current_dir(cwd)
            .env("TZ", tz)
            .args(["render", &project.to_string_lossy(), "--year", "2025", "-o", "out", "--attach"])
            .output()
            .expect("bbt runs");
        assert!(out.status.success(), "{}", stderr(&out));
        cwd.join("out").join("samenleven-2025-bo.pdf")
    };
    let first = render(a.path(), &project_a, "UTC");
    let second = render(b.path(), &project_b, "Pacific/Auckland");
    assert!(std::fs::read(&first).unwrap() == std::fs::read(&second).unwrap(), "two renders differ");

    // Nothing of the machine in the PDF, its streams uncompressed: no path,
    // no user or host name, not today's date.
    let plain = a.path().join("plain.pdf");
    let qpdf = std::process::Command::new("qpdf")
        .args(["--stream-data=uncompress", "--object-streams=disable"])
        .arg(&first)
        .arg(&plain)
        .status()
        .expect("qpdf runs");
    assert!(qpdf.success());
    let bytes = std::fs::read(&plain).unwrap();
    let contains = |needle: &str| !needle.is_empty() && bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
    let today = std::process::Command::new("date").arg("+%Y%m%d").output().expect("date runs");
    let today = String::from_utf8_lossy(&today.stdout).trim().to_string();
    let host = std::fs::read_to_string("/etc/hostname").unwrap_or_default().trim().to_string();
    let user = std::env::var("USER").unwrap_or_default();
    for (what, needle) in [
        ("the project's path", project_a.to_string_lossy().into_owned()),
        ("the temporary folder", a.path().to_string_lossy().into_owned()),
        ("the working folder", std::env::current_dir().unwrap().to_string_lossy().into_owned()),
        ("today's date", format!("D:{today}")),
        // A short host name ("vm") matches bytes by chance: only a distinctive one.
        ("the host name", if host.len() >= 6 { host } else { String::new() }),
        ("the user name", if user.len() > 3 { format!("/home/{user}") } else { String::new() }),
    ] {
        assert!(!contains(&needle), "the PDF holds {what} ({needle})");
    }
    assert!(contains("D:20241024"), "the PDF carries the filing date");
}

#[test]
fn beleidsveld_totals_count_a_dotation_once() {
    let text = pdftotext_layout(rendered_sample());
    let at = text.find("III. Beleidsveld II: Integratie en inburgering\n").expect("part III");
    // Per ISE consolidated: SG-A is what the agency spends (the dotation
    // that pays for it is not counted again).
    let rows: &[(&str, [&str; 2])] = &[
        ("ISE SG-A Inburgering", ["77.009", "76.298"]),
        ("ISE SG-B Integratie en samenleven in diversiteit", ["22.300", "21.857"]),
        ("Totaal geconsolideerd", ["99.309", "98.155"]),
    ];
    for (label, figures) in rows {
        assert_eq!(row_after(&text, at, label), figures.to_vec(), "{label}");
    }
    assert!(text[at..].contains("Geconsolideerd: een dotatie aan een entiteit"), "the note under the overview");
    // Beleidsveld I has no dotation: its total, without the note.
    let part2 = text.find("II. Beleidsveld I: Gelijke kansen\n").expect("part II");
    assert_eq!(row_after(&text, part2, "Totaal geconsolideerd"), ["24.452", "24.059"]);
    assert!(!text[part2..at].contains("Geconsolideerd: een dotatie"));
}

/// The ISE synthesis is one table per scope (domain.md §2): the dotation in
/// the ministry's table, the agency's own spending in its own, and no table
/// whose total counts both; with more than one scope, the consolidated total.
#[test]
fn no_ise_table_counts_a_dotation_and_its_receivers_spending() {
    let raw = stdout(&tool("pdftotext", &["-raw", &rendered_sample().to_string_lossy(), "-"]));
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let table = |caption: &str| -> String {
        let at = text.find(caption).unwrap_or_else(|| panic!("no table '{caption}'"));
        let rest = &text[at..];
        let totaal = rest.find(" Totaal ").expect("its total row");
        rest[totaal + 1..].split(' ').take(7).collect::<Vec<_>>().join(" ")
    };
    assert_eq!(table("ISE: Inburgering, MVG excl. DAB"), "Totaal 74.320 2.886 77.206 74.320 2.886 77.206");
    assert_eq!(
        table("ISE: Inburgering, Agentschap Integratie en Inburgering (Vlaamse rechtspersoon)"),
        "Totaal 72.950 4.059 77.009 72.400 3.898 76.298"
    );
    let cons = text.find("ISE: Inburgering, geconsolideerd").expect("the consolidated total");
    assert!(text[cons..].contains("Totaal geconsolideerd 72.950 4.059 77.009 72.400 3.898 76.298"));
    // The gross sum of both (dotation + the agency's spending) is printed nowhere.
    for gross in ["154.215", "153.504"] {
        assert!(!text.contains(gross), "{gross} counts the dotation twice");
    }
    // The row labels as published.
    for label in [
        "ESR-uitgaven (werking en toelagen (WT), lonen (LO), provisies (PR))",
        "Toelagen (interne stromen (IS))",
        "Overige (leningen (LE), participaties (PA); geen ESR-impact)",
    ] {
        assert!(text.contains(label), "no row '{label}'");
    }
}

/// A project built from the published figures of 13-V (2024-2025) (domain.md
/// §5) prints both tables exactly, with the published caption and row labels.
#[test]
fn published_13v_figures_render_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("welzijn");
    let doc = project.join("2025/bo");
    std::fs::create_dir_all(&doc).unwrap();
    std::fs::write(
        project.join("beleidsnota.yaml"),
        "id: welzijn\ntitel: Beleidsnota Welzijn 2024-2029\nbevoegdheid: Welzijn\nlegislatuur: 2024-2029\n\
         entiteiten:\n  - code: GB0\n    naam: Departement Zorg\n    soort: departement\n\
         \x20 - code: GH0\n    naam: Vlaams Agentschap voor Personen met een Handicap\n    soort: eva\n\
         beleidsvelden:\n  - id: bv-welzijn\n    naam: Welzijn\n    ises:\n\
         \x20     - id: ise-beleidsondersteuning\n        code: GC-B\n        naam: BELEIDSONDERSTEUNING\n\
         \x20   sds:\n      - id: sd-een\n        nummer: \"1\"\n        titel: Een onderbouwd welzijnsbeleid\n\
         \x20       ods:\n          - id: od-een\n            nummer: \"1.1\"\n            titel: Beleid steunt op cijfers\n\
         \x20           ise: ise-beleidsondersteuning\n",
    )
    .unwrap();
    std::fs::write(
        doc.join("bbt.yaml"),
        "begrotingsjaar: 2025\nfase: bo\nstuk:\n  nummer: 13\n  letter: V\n  zittingsjaar: 2024-2025\n\
         status: ontwerp\nontwerpdatum: 2024-10-01\nminister:\n  naam: Naam\n  titel: Vlaams minister van Welzijn\n\
         eenheid: duizend euro\nstructuur:\n  - beleidsveld: bv-welzijn\n    ises: [ise-beleidsondersteuning]\n\
         \x20   sds:\n      - sd: sd-een\n        ods: [od-een]\n",
    )
    .unwrap();
    let head = [
        "Artikel",
        "Omschrijving",
        "ISE",
        "Entiteit",
        "Ontvanger",
        "VAK BA 2024",
        "VAK Index",
        "VAK Compensaties",
        "VAK Andere bijstellingen",
        "VAK BO 2025",
        "VEK BA 2024",
        "VEK Index",
        "VEK Compensaties",
        "VEK Andere bijstellingen",
        "VEK BO 2025",
    ];
    let row = |code: &str, titel: &str, ontvanger: &str, vak: [i64; 4], vek: [i64; 4]| {
        let mut r = vec![s(code), s(titel), s("GC-B"), s("GB0"), s(ontvanger)];
        for k in [vak, vek] {
            r.extend(k.iter().map(|&x| n(x as f64)));
            r.push(n(k.iter().sum::<i64>() as f64));
        }
        r
    };
    let uitgaven = vec![
        head.iter().map(|h| s(h)).collect(),
        row(
            "GB0-1GCF2BA-WT",
            "BELEIDSONTWIKKELING EN -ONDERSTEUNING",
            "",
            [327_710, 5_547, -4_917, -38_219],
            [337_924, 5_547, -4_755, -39_923],
        ),
        row("GB0-1GCF2BB-WT", "STUDIES EN ONDERZOEK", "", [4_030, 0, 0, 24], [5_595, 0, 0, -1_597]),
        row("GB0-1GCF2BX-IS", "DOTATIE AAN HET VAPH", "GH0", [25, 0, 0, 1], [25, 0, 0, 1]),
    ];
    let ontvangsten = vec![["Artikel", "Omschrijving", "ISE", "Entiteit", "BA 2024", "BO 2025"].map(s).to_vec()];
    write_workbook(&doc.join("begroting.xlsx"), &[("Uitgaven", uitgaven), ("Ontvangsten", ontvangsten)]);
    let out = run(tmp.path(), &["render", "welzijn", "-o", "uit"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pdf = tmp.path().join("uit/welzijn-2025-bo.pdf");
    let raw = stdout(&tool("pdftotext", &["-raw", &pdf.to_string_lossy(), "-"]));
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let at = text.find("ISE: BELEIDSONDERSTEUNING, MVG excl. DAB").expect("the published caption");
    let synthese = &text[at..];
    for row in [
        "(duizend euro) BA 2024 evolutie BO 2025 BA 2024 evolutie BO 2025",
        "ESR-uitgaven (werking en toelagen (WT), lonen (LO), provisies (PR)) 331.740 -37.565 294.175 343.519 -40.728 302.791",
        "Toelagen (interne stromen (IS)) 25 1 26 25 1 26",
        "Overige (leningen (LE), participaties (PA); geen ESR-impact) 0 0 0 0 0 0",
        "Totaal 331.765 -37.564 294.201 343.544 -40.727 302.817",
    ] {
        assert!(synthese.contains(row), "no '{row}' in {synthese}");
    }
    let at = text.find("GB0-1GCF2BA-WT – BELEIDSONTWIKKELING EN -ONDERSTEUNING").expect("the article");
    let evolutie = &text[at..];
    for row in [
        "(duizend euro) VAK VEK",
        "BA 2024 327.710 337.924",
        "Index 5.547 5.547",
        "Compensaties -4.917 -4.755",
        "Andere bijstellingen -38.219 -39.923",
        "BO 2025 290.121 298.793",
    ] {
        assert!(evolutie.contains(row), "no '{row}' in {evolutie}");
    }
}

/// In a workbook in euro, the toelichting lines under an article add up to the
/// printed rows they explain (docs/rounding.md), however they round one by one.
#[test]
fn toelichting_lines_add_up_to_the_printed_rows_in_a_euro_workbook() {
    let (tmp, project) = sample_copy();
    const BBT: &str = "2025/bo/bbt.yaml";
    const XLSX: &str = "2025/bo/begroting.xlsx";
    apply(&project, &[Edit::Replace(BBT, "eenheid: duizend euro\n", "eenheid: euro\n")]);
    let workbook = project.join(XLSX);
    scale_numbers(&workbook, &["Uitgaven", "Ontvangsten", "Toelichting"], 1000.0);
    // The dotation SB0-1SGE2AX-IS, VAK, with amounts that are not whole thousands:
    // BA 74.320,4 + index 1.486,4 - compensaties 1.500 + andere 2.900,4 = BO 77.207,2
    // (thousand euro), printed 74.320 + 1.486 - 1.500 + 2.901 = 77.207. The andere
    // bijstellingen are itemised as 2.400,2 + 500,2: rounded one by one 2.400 + 500.
    const AX: &str = "SB0-1SGE2AX-IS";
    let cell =
        |column: &'static str, euro: f64| Edit::Cell { file: XLSX, sheet: "Uitgaven", key: AX, column, value: n(euro) };
    let (_, vak) = find_cell(&workbook, "Toelichting", "VAK");
    let line = |text: &str, euro: f64| {
        let (row, _) = find_cell(&workbook, "Toelichting", text);
        Edit::CellAt { file: XLSX, sheet: "Toelichting", row, col: vak, value: n(euro) }
    };
    // The dotation's lines come first in the sheet: find_cell finds them.
    let edits = [
        line("Indexering", 1_486_400.0),
        line("Regeerakkoord – uitbreiding NT2-aanbod op de werkvloer", 2_400_200.0),
        line("Digitalisering van het inburgeringsdossier", 500_200.0),
        cell("VAK BA 2024", 74_320_400.0),
        cell("VAK Index", 1_486_400.0),
        cell("VAK Andere bijstellingen", 2_900_400.0),
        cell("VAK BO 2025", 77_207_200.0),
    ];
    apply(&project, &edits);
    let out = run(tmp.path(), &["render", "project", "--year", "2025", "-o", "out"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = pdftotext_layout(&tmp.path().join("out/samenleven-2025-bo.pdf"));
    let at = text.find(&format!("{AX} – ")).expect("the dotation's heading");
    let rows: &[(&str, [&str; 2])] = &[
        ("BA 2024", ["74.320", "74.320"]),
        ("Index", ["1.486", "1.486"]),
        ("Compensaties", ["-1.500", "-1.500"]),
        ("Andere bijstellingen", ["2.901", "2.900"]),
        ("BO 2025", ["77.207", "77.206"]),
        ("Indexering", ["1.486", "1.486"]),
        ("Compensatie naar SB0-1SGE2BA-WT (Plan Samenleven)", ["-1.500", "-1.500"]),
        // The largest remainders take the missing thousand; a tie goes to the first.
        ("Regeerakkoord – uitbreiding NT2-aanbod op de werkvloer", ["2.401", "2.400"]),
        ("Digitalisering van het inburgeringsdossier", ["500", "500"]),
    ];
    for (label, figures) in rows {
        assert_eq!(row_after(&text, at, label), figures.to_vec(), "{label}");
    }
}

/// `SOURCE_DATE_EPOCH` dates the PDF when it holds whole seconds since 1970;
/// any other value stops `render`, `watch` and `diff -o` with exit 2 naming
/// the variable and the value, before anything is written.
#[test]
fn source_date_epoch_dates_the_pdf_or_is_refused_with_exit_2() {
    let (tmp, _project) = sample_copy();
    let out = bbt()
        .current_dir(tmp.path())
        .args(["render", "project", "--year", "2025", "-o", "goed"])
        .env("SOURCE_DATE_EPOCH", "0")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pdf = std::fs::read(tmp.path().join("goed/samenleven-2025-bo.pdf")).unwrap();
    let xmp = String::from_utf8_lossy(&pdf);
    assert!(xmp.contains("CreateDate>1970-01-01T00:00:00"), "the PDF is dated by SOURCE_DATE_EPOCH");

    let commands: &[&[&str]] = &[
        &["render", "project", "--year", "2025", "-o", "uit"],
        &["watch", "project", "--year", "2025", "-o", "uit"],
        &["diff", "project/2025/bo", "project/2026/bo", "-o", "uit"],
    ];
    let values = ["abc", "", "-86400", "+1729728000", " 1729728000", "1729728000.5", "2024-10-24", "253402300800"];
    let mut failures = Vec::new();
    for args in commands {
        for value in values {
            let out = bbt().current_dir(tmp.path()).args(*args).env("SOURCE_DATE_EPOCH", value).output().unwrap();
            let err = stderr(&out);
            if out.status.code() != Some(2) || !err.contains(&format!("error: SOURCE_DATE_EPOCH is '{value}'")) {
                failures.push(format!("{} with {value:?}: exit {:?}\n{err}", args[0], out.status.code()));
            }
            if tmp.path().join("uit").exists() {
                failures.push(format!("{} with {value:?} wrote uit/", args[0]));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// General chapters and free appendices declared in bbt.yaml (issue 17 §2):
/// numbered as parts, in the Inhoudstafel and the bookmarks, their texts
/// with live figures, and reachable by a reference from another text; the
/// beleidsvelden and the appendices move up. The cover names every minister
/// of a shared competence, the verzendcode and the mededeling.
#[test]
fn general_chapters_and_free_appendices_take_their_place_in_the_numbering() {
    let (tmp, project) = sample_copy();
    let bbt = project.join("2026/bo/bbt.yaml");
    let yaml = std::fs::read_to_string(&bbt).unwrap();
    let yaml = yaml
        .replace(
            "minister:\n  naam: Lies Vandenberghe\n  titel: Vlaams minister van Binnenlands Bestuur, Inburgering en Gelijke Kansen\n",
            "ministers:\n  - naam: Lies Vandenberghe\n    titel: Vlaams minister van Binnenlands Bestuur, Inburgering en Gelijke Kansen\n  \
             - naam: Jan Peeters\n    titel: Vlaams minister van Werk en Sociale Economie\nmededeling: VR 2025 1010 MED.0367/1\n",
        )
        .replace("  zittingsjaar: 2025-2026\n", "  zittingsjaar: 2025-2026\n  verzendcode: BIN\n");
    std::fs::write(&bbt, yaml).unwrap();
    // A reference from an objective's text to a chapter and to an appendix.
    let od = project.join("2026/bo/tekst/od-plan-samenleven.md");
    let text = std::fs::read_to_string(&od).unwrap();
    std::fs::write(
        &od,
        format!(
            "{text}\nZie {{{{ verwijzing(\"regelgevingsagenda\") }}}} en {{{{ verwijzing(\"lokale-besturen\") }}}}.\n"
        ),
    )
    .unwrap();
    let out = run(tmp.path(), &["render", "project", "--year", "2026", "-o", "uit"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pdf = tmp.path().join("uit/samenleven-2026-bo.pdf");
    let text = pdftotext_layout(&pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // The Inhoudstafel, in order.
    let mut at = 0;
    for entry in [
        "Inhoudstafel",
        "I. Inleiding",
        "II. Regelgevingsagenda",
        "III. Opvolging van resoluties, moties en rapporten van het Rekenhof",
        "IV. Beleidsveld I: Gelijke kansen",
        "V. Beleidsveld II: Integratie en inburgering",
        "VI. Bijlagen",
        "Bijlage 3: Matrix wijzigingen doelstellingenstructuur",
        "Bijlage 4: Subsidies aan lokale besturen per provincie",
    ] {
        match flat[at..].find(entry) {
            Some(i) => at += i + entry.len(),
            None => panic!("'{entry}' missing or out of order in {flat}"),
        }
    }
    // The chapter's page, as the Inhoudstafel gives it, is where its heading is.
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let page_of = |heading: &str| pages.iter().skip(2).position(|p| p.contains(heading)).map(|i| i + 3);
    let chapter = page_of("II. Regelgevingsagenda").expect("the chapter is printed");
    assert!(flat.contains(&format!("Zie deel II, p. {chapter} en bijlage 4, p. ")), "{flat}");
    // Live figures in a chapter's text, in prose (from the table's 1.893 and 21.531).
    assert!(
        flat.contains(
            "het krediet voor de lessen stijgt met 1.893.000 euro tot 21,5 miljoen euro, een stijging met 9,6 %"
        ),
        "{flat}"
    );
    // The bookmarks have the chapters too.
    let outlines = stdout(&tool("qpdf", &["--json", "--json-key=outlines", &pdf.to_string_lossy()]));
    for title in ["II. Regelgevingsagenda", "Bijlage 4: Subsidies aan lokale besturen per provincie"] {
        assert!(outlines.contains(title), "bookmark '{title}' missing: {outlines}");
    }
    // The cover: both ministers, the verzendcode, the mededeling; the PDF's authors.
    let cover = pages[0].split_whitespace().collect::<Vec<_>>().join(" ");
    for want in [
        "Lies Vandenberghe",
        "Jan Peeters",
        "Vlaams minister van Werk en Sociale Economie",
        "verzendcode: BIN",
        "VR 2025 1010 MED.0367/1",
    ] {
        assert!(cover.contains(want), "'{want}' not on the cover: {cover}");
    }
    let info = stdout(&tool("pdfinfo", &[&pdf.to_string_lossy()]));
    assert!(info.contains("Lies Vandenberghe, Jan Peeters"), "{info}");
}

/// A chapter whose id is an element's, or that has no text, is said.
#[test]
fn a_chapter_needs_an_id_of_its_own_and_a_text() {
    let (tmp, project) = sample_copy();
    let bbt = project.join("2026/bo/bbt.yaml");
    let yaml = std::fs::read_to_string(&bbt).unwrap().replace(
        "bijlagen:\n",
        "  - id: od-netwerk\n    titel: Netwerk\n  - id: situering\n    titel: Situering\nbijlagen:\n",
    );
    std::fs::write(&bbt, yaml).unwrap();
    let out = run(tmp.path(), &["check", "project", "--year", "2026"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error[S001]: the id 'od-netwerk' is used twice"), "{err}");
    assert!(
        err.contains(
            "error[S011]: the part 'Situering' has no text: tekst/situering.md is missing\n  --> project/2026/bo/tekst/situering.md"
        ),
        "{err}"
    );
}

/// Prestatie-informatie as real BBTs print it: a column per measured year,
/// the target with its year, the source in small print under the
/// indicator, an ISE's own indicators before its ODs'. The 2025 sample
/// writes single values (`waarde` + `jaar`), the 2026 sample series.
#[test]
fn prestatie_informatie_prints_series_targets_and_ise_indicators() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(tmp.path(), &["render", &sample().to_string_lossy(), "--year", "2026", "-o", "."]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = pdftotext_layout(&tmp.path().join("samenleven-2026-bo.pdf"));
    let words = |l: &str| l.split_whitespace().collect::<Vec<_>>().join(" ");
    let tables: Vec<Vec<String>> = text
        .split("\nPrestatie-informatie\n")
        .skip(1)
        .map(|t| t.lines().map(words).take_while(|l| !l.starts_with("Budgettair kader")).collect())
        .collect();
    assert_eq!(tables.len(), 4, "one table per ISE with indicators");
    assert_eq!(tables[0][0], "Doelstelling Indicator 2023 2024 2025 Streefwaarde");
    assert_eq!(tables[0][1], "OD 1.1 Acties uit het horizontaal plan die op schema liggen 61 % 68 % 74 % 90 % (2029)");
    assert_eq!(tables[0][2], "Bron: Voortgangsrapport Horizontaal Gelijkekansenbeleidsplan");
    // Only the years this ISE has values for.
    assert_eq!(tables[1][0], "Doelstelling Indicator 2024 2025 Streefwaarde");
    // The ISE's own indicator first; a year without a value shows a dash.
    let sga = tables.iter().find(|t| t.iter().any(|l| l.starts_with("ISE SG-A"))).expect("the ISE's indicator");
    let rows: Vec<&String> = sga.iter().filter(|l| l.starts_with("ISE ") || l.starts_with("OD ")).collect();
    assert!(rows[0].starts_with("ISE SG-A Nieuwkomers"), "{rows:?}");
    assert!(rows[1].starts_with("OD 2.1") && rows[2].starts_with("OD 2.2"), "{rows:?}");
    assert!(rows[2].ends_with("– 61 % 64 % 75 % (2029)"), "{rows:?}");

    // A single value with its year: a column for that year.
    let out = run(tmp.path(), &["render", &sample().to_string_lossy(), "--year", "2025", "-o", "."]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = pdftotext_layout(&tmp.path().join("samenleven-2025-bo.pdf"));
    let header = text.split("\nPrestatie-informatie\n").nth(1).and_then(|t| t.lines().next()).map(words);
    assert_eq!(header.as_deref(), Some("Doelstelling Indicator 2024 Streefwaarde"));
}

/// With `nulrijen_weglaten`, a kredietevolutie leaves out the movements that
/// are 0 for VAK and VEK; the standings and every non-zero row stay, and
/// what is left still adds up. Without it, every row is printed.
#[test]
fn zero_rows_of_a_kredietevolutie_can_be_left_out() {
    let (tmp, project) = sample_copy();
    // Every row of an article block, as (label, VAK, VEK), after its heading.
    let evolutie = |text: &str, code: &str| -> Vec<String> {
        let at = text.find(&format!("{code} – ")).expect("the article's heading");
        text[at..]
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .skip_while(|l| !l.starts_with("BA 2024"))
            .take_while(|l| !l.starts_with("Toelichting") && !l.is_empty())
            .collect()
    };
    let render = |dir: &str| {
        let out = run(tmp.path(), &["render", "project", "--year", "2025", "-o", dir]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        pdftotext_layout(&tmp.path().join(dir).join("samenleven-2025-bo.pdf"))
    };
    // SB0-1SFE2BA-WT has no compensaties in the sample: 0 for VAK and VEK.
    const ART: &str = "SB0-1SFE2BA-WT";
    let full = evolutie(&render("alle"), ART);
    assert!(full.iter().any(|l| l == "Compensaties 0 0"), "{full:?}");
    apply(
        &project,
        &[Edit::Replace(
            "2025/bo/bbt.yaml",
            "eenheid: duizend euro\n",
            "eenheid: duizend euro\nnulrijen_weglaten: true\n",
        )],
    );
    let kort = evolutie(&render("kort"), ART);
    let zonder: Vec<String> = full.iter().filter(|l| !l.ends_with(" 0 0") || l.starts_with("B")).cloned().collect();
    assert_eq!(kort, zonder);
    assert!(
        kort.first().is_some_and(|l| l.starts_with("BA 2024")) && kort.last().is_some_and(|l| l.starts_with("BO 2025"))
    );
    // What is left adds up: BA + the rows shown = BO, for VAK and VEK.
    let getal = |s: &str| s.replace('.', "").parse::<i64>().unwrap();
    for kolom in [1, 2] {
        let waarden: Vec<i64> = kort.iter().map(|l| getal(l.rsplit(' ').nth(2 - kolom).unwrap())).collect();
        let (bo, rest) = waarden.split_last().unwrap();
        assert_eq!(rest.iter().sum::<i64>(), *bo, "{kort:?}");
    }
}
