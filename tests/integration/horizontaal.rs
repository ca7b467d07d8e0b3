//! `bbt horizontaal` and the H rules: a workspace of three projects and a
//! plan, its overview's figures against sums computed here from the
//! workbooks alone, and what goes wrong when a name does not match the plan.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use calamine::Data;

use super::support::*;

const PLAN: &str = "horizontaal.yaml";

/// The sample workspace's second project (`werkruimte/mobiliteit`).
fn mobiliteit() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("werkruimte/mobiliteit")
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    std::fs::write(path, text.replace(from, to)).unwrap();
}

/// `<tmp>/ws`: the sample (`samenleven`, its workbook links articles to
/// ODs, its dotation SB0 → SI0 is spent by SI0 for the same ODs), the
/// sample's `mobiliteit` (no links: each OD's ISE stands for it) and `werk`,
/// a copy of `mobiliteit` with entities of its own (WB0, WV0) whose
/// dotation goes to SI0 of `samenleven`, under a herkomst OD: counted in
/// `werk`'s total, left out of the theme's total. The plan is the sample's.
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let (tmp, sample) = sample_copy();
    let ws = tmp.path().join("ws");
    std::fs::create_dir(&ws).unwrap();
    std::fs::rename(&sample, ws.join("samenleven")).unwrap();
    copy_dir(&mobiliteit(), &ws.join("mobiliteit"));
    let werk = ws.join("werk");
    copy_dir(&mobiliteit(), &werk);
    let nota = werk.join("beleidsnota.yaml");
    let text = std::fs::read_to_string(&nota).unwrap().replace("MB0", "WB0").replace("MV0", "WV0");
    std::fs::write(&nota, text).unwrap();
    edit(&nota, "id: mobiliteit", "id: werk");
    edit(&nota, "bevoegdheid: Mobiliteit en Openbare Werken", "bevoegdheid: Werk en Sociale Economie");
    edit(
        &nota,
        "    soort: eva\n",
        "    soort: eva\n  - code: SI0\n    naam: Agentschap Integratie en Inburgering\n    soort: eva\n",
    );
    edit(&nota, "themas: [armoede]", "themas: [herkomst]");
    let wb = werk.join("2026/bo/begroting.xlsx");
    let mut sheets = read_sheets(&wb);
    for (_, cells) in &mut sheets {
        for (_, _, v) in cells.iter_mut() {
            if let Data::String(s) = v {
                *s = s.replace("MB0", "WB0").replace("MV0", "WV0");
            }
        }
    }
    let (name, cells) = sheets.iter_mut().find(|(n, _)| n == "Uitgaven").unwrap();
    assert_eq!(name, "Uitgaven");
    let (_, ontvanger) = header_col(cells, "Ontvanger");
    let row = cells.iter().find(|(_, _, v)| *v == s("WB0-1MAE2AB-IS")).map(|(r, _, _)| *r).unwrap();
    let cell = cells.iter_mut().find(|(r, c, _)| *r == row && *c == ontvanger).unwrap();
    cell.2 = s("SI0");
    write_sheets(&wb, &sheets);
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("werkruimte").join(PLAN), ws.join(PLAN)).unwrap();
    (tmp, ws)
}

/// An article of a workbook as the test reads it: code, ISE, its
/// Doelstellingen cell, receiver, BO VAK and VEK.
struct Rij {
    code: String,
    ise: String,
    ods: Vec<String>,
    ontvanger: String,
    vak: i64,
    vek: i64,
}

fn rijen(project: &Path) -> Vec<Rij> {
    let text = |r: &BTreeMap<String, Data>, k: &str| match r.get(k) {
        Some(Data::String(s)) => s.trim().to_string(),
        _ => String::new(),
    };
    let num = |r: &BTreeMap<String, Data>, k: &str| match r.get(k) {
        Some(Data::Float(f)) => *f as i64,
        Some(Data::Int(i)) => *i,
        other => panic!("{k}: {other:?}"),
    };
    sheet_rows(&project.join("2026/bo/begroting.xlsx"), "Uitgaven")
        .iter()
        .filter(|r| !text(r, "Artikel").is_empty())
        .map(|r| Rij {
            code: text(r, "Artikel"),
            ise: text(r, "ISE"),
            ods: text(r, "Doelstellingen").split(';').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
            ontvanger: text(r, "Ontvanger"),
            vak: num(r, "VAK BO 2026"),
            vek: num(r, "VEK BO 2026"),
        })
        .collect()
}

/// (VAK, VEK) of `set`, without the dotations whose receiver has articles in it.
fn consolidated(set: &[&Rij]) -> (i64, i64) {
    let kept: Vec<&&Rij> = set
        .iter()
        .filter(|r| !(r.code.ends_with("-IS") && set.iter().any(|o| o.code.starts_with(&format!("{}-", r.ontvanger)))))
        .collect();
    (kept.iter().map(|r| r.vak).sum(), kept.iter().map(|r| r.vek).sum())
}

fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// The overview's CSV as (theme, domain) → (VAK, VEK) of the rows the domain
/// counts, and theme → those the theme counts.
type Csv = (BTreeMap<(String, String), (i64, i64)>, BTreeMap<String, (i64, i64)>);

fn read_csv(path: &Path) -> Csv {
    let mut rdr = csv::Reader::from_path(path).unwrap();
    let heads = rdr.headers().unwrap().clone();
    let col = |n: &str| heads.iter().position(|h| h == n).unwrap();
    let (mut per_domein, mut per_thema) = (BTreeMap::new(), BTreeMap::new());
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let get = |n: &str| rec.get(col(n)).unwrap().to_string();
        let (vak, vek): (i64, i64) = (get("vak").parse().unwrap(), get("vek").parse().unwrap());
        if get("telt_in_domein") == "true" {
            let e: &mut (i64, i64) = per_domein.entry((get("thema"), get("project"))).or_default();
            *e = (e.0 + vak, e.1 + vek);
        }
        if get("telt_in_thema") == "true" {
            let e: &mut (i64, i64) = per_thema.entry(get("thema")).or_default();
            *e = (e.0 + vak, e.1 + vek);
        }
    }
    (per_domein, per_thema)
}

/// The PDF's text with runs of spaces made one.
fn pdf_text(pdf: &Path) -> String {
    pdftotext_layout(pdf)
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_overview_counts_each_article_once_per_theme_and_a_dotation_once_with_its_receiver() {
    let (tmp, ws) = workspace();
    let out = run(tmp.path(), &["check", "ws"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // The domains' documents first, so that the overview refers to their pages.
    let out = run(tmp.path(), &["render", "ws", "-o", "out"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = run(tmp.path(), &["horizontaal", "ws", "-o", "out"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("horizontal plan: ws/horizontaal.yaml"), "{err}");
    assert!(!err.contains("page index"), "every domain's pages were found: {err}");

    // The sums, from the workbooks and the OD numbers of the projects' YAML.
    let samenleven = rijen(&ws.join("samenleven"));
    let mobiliteit = rijen(&ws.join("mobiliteit"));
    let werk = rijen(&ws.join("werk"));
    // samenleven links articles to ODs: herkomst is OD 1.1, 2.1–2.4, 3.1, 3.2
    // (2.4 new in 2026, bbt.yaml); gender OD 1.1, 1.2, 3.2.
    let gekoppeld = |ods: &[&str]| -> Vec<&Rij> {
        samenleven.iter().filter(|r| r.ods.iter().any(|o| ods.contains(&o.as_str()))).collect()
    };
    let herkomst_a = gekoppeld(&["1.1", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2"]);
    let gender_a = gekoppeld(&["1.1", "1.2", "3.2"]);
    // mobiliteit links none: herkomst and gender are OD 2.2, ISE MA-B.
    let mab: Vec<&Rij> = mobiliteit.iter().filter(|r| r.ise == "MA-B").collect();
    // werk: herkomst OD 1.2 (MA-A) and 2.2 (MA-B), gender OD 2.2.
    let werk_alle: Vec<&Rij> = werk.iter().collect();
    let werk_mab: Vec<&Rij> = werk.iter().filter(|r| r.ise == "MA-B").collect();
    // The premise: the dotation to SI0 of samenleven is consolidated there,
    // and werk's dotation to SI0 meets SI0's articles only across domains.
    assert!(
        herkomst_a.iter().any(|r| r.code == "SB0-1SGE2AX-IS") && herkomst_a.iter().any(|r| r.code.starts_with("SI0-"))
    );
    let dotatie_werk = werk.iter().find(|r| r.code == "WB0-1MAE2AB-IS").unwrap();
    assert_eq!(dotatie_werk.ontvanger, "SI0");

    let a = consolidated(&herkomst_a);
    let b = consolidated(&mab);
    let c = consolidated(&werk_alle);
    assert_eq!(c, (werk.iter().map(|r| r.vak).sum(), werk.iter().map(|r| r.vek).sum()), "no receiver in werk");
    let herkomst = (a.0 + b.0 + c.0 - dotatie_werk.vak, a.1 + b.1 + c.1 - dotatie_werk.vek);
    let gender = {
        let (a, b, c) = (consolidated(&gender_a), consolidated(&mab), consolidated(&werk_mab));
        (a.0 + b.0 + c.0, a.1 + b.1 + c.1)
    };
    // Each article once: samenleven's herkomst set shares articles between ODs.
    let distinct: BTreeSet<&str> = herkomst_a.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(distinct.len(), herkomst_a.len());

    let out_dir = tmp.path().join("out");
    let (per_domein, per_thema) = read_csv(&out_dir.join("horizontaal-2026-bo.csv"));
    let key = |t: &str, d: &str| (t.to_string(), d.to_string());
    assert_eq!(per_domein[&key("herkomst", "samenleven")], a);
    assert_eq!(per_domein[&key("herkomst", "mobiliteit")], b);
    assert_eq!(per_domein[&key("herkomst", "werk")], c);
    assert_eq!(per_thema["herkomst"], herkomst);
    assert_eq!(per_thema["gender"], gender);

    // The PDF prints the same figures.
    let text = pdf_text(&out_dir.join("horizontaal-2026-bo.pdf"));
    let line = |label: &str, (vak, vek): (i64, i64)| format!("{label} {} {}", thousands(vak), thousands(vek));
    for want in [
        line("Totaal Gelijke Kansen, Integratie en Inburgering, geconsolideerd", a),
        line("Totaal Werk en Sociale Economie", c),
        line("Som van de beleidsdomeinen", (a.0 + b.0 + c.0, a.1 + b.1 + c.1)),
        line("Totaal thema, geconsolideerd", herkomst),
        line("Totaal thema", gender),
    ] {
        assert!(text.contains(&want), "no line {want:?} in:\n{text}");
    }
    // The dotation from werk to SI0 of samenleven, once (the label wraps).
    assert!(text.contains("Eén keer geteld: dotaties aan een ontvanger in een ander beleidsdomein"), "{text}");
    assert!(text.contains(&format!("{} {}", thousands(-dotatie_werk.vak), thousands(-dotatie_werk.vek))), "{text}");
    // An OD's figure is the one its domain's own document prints for it.
    let bbt = pdf_text(&out_dir.join("samenleven-2026-bo.pdf"));
    let totaal = bbt
        .lines()
        .find_map(|l| l.strip_prefix("Totaal geconsolideerd OD 2.1 "))
        .unwrap_or_else(|| panic!("no consolidated total of OD 2.1 in:\n{bbt}"));
    let od_line = text.lines().find(|l| l.starts_with("OD 2.1 – Elke inburgeraar")).expect("OD 2.1 in the overview");
    assert!(od_line.ends_with(totaal), "{od_line:?} vs the BBT's {totaal:?}");
    // The matrix's column adds up: the domains' cells, the dotation to a
    // receiver in another domain, the theme's total.
    let [vak_a, vak_b, vak_c] = [a.0, b.0, c.0].map(thousands);
    // The dotation's VAK: in the theme's table (VAK and VEK) and in the matrix.
    let dotatie = thousands(-dotatie_werk.vak);
    assert_eq!(dotatie_werk.vak, dotatie_werk.vek, "the fixture's dotation has VAK = VEK");
    assert!(text.matches(&dotatie).count() >= 3, "the matrix's row of {dotatie}: {text}");
    for cell in [vak_a, vak_b, vak_c, thousands(herkomst.0)] {
        assert!(text.contains(&cell), "matrix cell {cell} missing");
    }
    // The domain's own document and page where it explains the OD.
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out_dir.join("werk-2026-bo.paginas.json")).unwrap()).unwrap();
    let page = index["paginas"]["od-campagnes"].as_u64().expect("the OD's page");
    assert!(text.contains(&format!("BBT 2026 (BO), p. {page}")), "{text}");
    let od_page = pdftotext_layout_pages(&out_dir.join("werk-2026-bo.pdf"), page);
    assert!(od_page.contains("OD 2.2 – Campagnes bereiken alle weggebruikers"), "{od_page}");
    // An accessible, archival PDF with its chart's alternative text.
    let info = tool("pdfinfo", &[out_dir.join("horizontaal-2026-bo.pdf").to_str().unwrap()]);
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    assert!(info.lines().any(|l| l.starts_with("Tagged:") && l.ends_with("yes")), "{info}");
    let datapackage: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out_dir.join("horizontaal-2026-bo.datapackage.json")).unwrap()).unwrap();
    assert_eq!(datapackage["resources"][0]["path"], "horizontaal-2026-bo.csv");
}

/// The text of page `page` of a PDF.
fn pdftotext_layout_pages(pdf: &Path, page: u64) -> String {
    let p = page.to_string();
    String::from_utf8_lossy(&tool("pdftotext", &["-f", &p, "-l", &p, pdf.to_str().unwrap(), "-"]).stdout).into_owned()
}

#[test]
fn a_name_the_plan_does_not_know_is_an_error_at_its_line_and_nothing_is_written() {
    let (tmp, ws) = workspace();
    let nota = ws.join("mobiliteit/beleidsnota.yaml");
    edit(&nota, "themas: [gender, herkomst]", "themas: [gender, herkomts]");
    edit(&nota, "acties: [HP-02]", "acties: [HP-2]");
    let out = run(tmp.path(), &["check", "ws"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let (line, column) = text_pos(&nota, "herkomts", 0);
    assert!(err.contains("error[H001]: OD 2.2 names the theme 'herkomts'"), "{err}");
    assert!(err.contains(&format!("ws/mobiliteit/beleidsnota.yaml:{line}:{column}")), "{err}");
    assert!(err.contains("Did you mean 'herkomst'?"), "{err}");
    assert!(err.contains("error[H002]: OD 2.2 takes up the action 'HP-2'"), "{err}");
    let out = run(tmp.path(), &["horizontaal", "ws", "-o", "out"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("no horizontal overview was made"), "{}", stderr(&out));
    assert!(!tmp.path().join("out").exists(), "nothing written");
}

#[test]
fn the_plan_is_checked_like_every_input() {
    let (tmp, ws) = workspace();
    let plan = ws.join(PLAN);
    // An action nobody takes up and a theme nobody contributes to: warnings.
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(
        &plan,
        format!("{text}  - id: HP-05\n    titel: Nog niemand\n    thema: jongeren\n  - id: HP-01\n    titel: Dubbel\n    thema: herkomst\n"),
    )
    .unwrap();
    edit(&plan, "\nacties:\n", "\n  - id: jongeren\n    titel: Jongeren\nacties:\n");
    // An action taken up by an OD that does not name its theme.
    edit(&ws.join("mobiliteit/beleidsnota.yaml"), "themas: [handicap, toegankelijkheid]", "themas: [handicap]");
    let out = run(tmp.path(), &["check", "ws", "--format", "json"]);
    let diags: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = diags.as_array().unwrap().iter().filter_map(|d| d["code"].as_str()).collect();
    for code in ["H003", "H004", "H005", "H006"] {
        assert!(codes.contains(&code), "{code}: {codes:?}");
    }
    assert_eq!(out.status.code(), Some(1), "H003 is an error");
    // YAML that is no plan: an error at its line.
    std::fs::write(
        &plan,
        "titel: Plan\nlegislatuur: 2024-2029\nthemas:\n  - id: gender\n    titel: Gender\n    kleur: rood\n",
    )
    .unwrap();
    let out = run(tmp.path(), &["horizontaal", "ws", "-o", "out"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("ws/horizontaal.yaml:6:5"), "{err}");
    assert!(!tmp.path().join("out").exists());
}

#[test]
fn without_a_plan_the_themes_are_those_the_ods_name_and_pages_are_left_out() {
    let (tmp, ws) = workspace();
    std::fs::remove_file(ws.join(PLAN)).unwrap();
    let out = run_nl(tmp.path(), &["horizontaal", "ws", "-o", "out"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("Er is geen horizontaal plan"), "{err}");
    assert!(err.contains("paginaregister"), "the domains were not rendered into out: {err}");
    let text = pdf_text(&tmp.path().join("out/horizontaal-2026-bo.pdf"));
    assert!(text.contains("Er is geen horizontaal plan opgegeven"), "{text}");
    // The sample's own theme, which a plan would have to name.
    assert!(text.contains("Sociale cohesie") || text.contains("sociale cohesie"), "{text}");
    assert!(!text.contains(", p. "), "no page without the domains' PDFs: {text}");
}

#[test]
fn an_article_in_two_projects_is_an_error() {
    // `werk` without its own entity codes: mobiliteit's articles twice.
    let (tmp, ws) = workspace();
    let werk = ws.join("werk");
    std::fs::remove_dir_all(&werk).unwrap();
    copy_dir(&mobiliteit(), &werk);
    edit(&werk.join("beleidsnota.yaml"), "id: mobiliteit", "id: werk");
    let out = run(tmp.path(), &["check", "ws"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[B015]: article MB0-1MAE2AA-WT is also in the workbook of the project in ws/mobiliteit"),
        "{err}"
    );
    assert!(err.contains("ws/werk/2026/bo/begroting.xlsx: Uitgaven!A"), "{err}");
    let out = run(tmp.path(), &["horizontaal", "ws", "-o", "out"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!tmp.path().join("out").exists());
}

#[test]
fn a_page_index_older_than_the_inputs_gives_no_pages() {
    let (tmp, ws) = workspace();
    let out = run(tmp.path(), &["render", "ws", "-o", "out"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // A text changed after the PDFs were made: its pages may have moved.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let text = ws.join("samenleven/2026/bo/tekst/od-nederlands.md");
    let before = std::fs::read_to_string(&text).unwrap();
    std::fs::write(&text, format!("{before}\nNog een alinea.\n")).unwrap();
    let out = run(tmp.path(), &["horizontaal", "ws", "-o", "out"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("this project has changed since its PDF") && err.contains("ws/samenleven"), "{err}");
    assert!(err.contains("bbt render ws -o out"), "{err}");
    let pdf = pdf_text(&tmp.path().join("out/horizontaal-2026-bo.pdf"));
    // The other projects keep their pages.
    assert!(pdf.contains("BBT 2026 (BO), p. "), "{pdf}");
    let od_21 =
        pdf.lines().skip_while(|l| !l.contains("OD 2.1 – Elke inburgeraar")).take(6).collect::<Vec<_>>().join("\n");
    assert!(!od_21.contains(", p. "), "{od_21}");
}
