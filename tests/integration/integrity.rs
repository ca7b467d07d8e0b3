//! Every printed figure comes from a cell (issue 14): a property test over
//! random variants of the sample's 2025 workbook.
//!
//! Each variant writes every amount of every article in a random form — a
//! typed number, a number typed as text (Flemish notation), a formula with its
//! computed result, a blank cell for a zero — and in some variants changes one
//! figure of the kredietevolutie, as a number or as text. The test keeps its
//! own record of the whole number each cell stands for, and from it alone
//! (never from bbt) decides what must happen:
//! - a variant whose articles all add up (BA + index + compensaties + andere
//!   bijstellingen = BO, VAK and VEK) checks with exit 0, and its PDF prints
//!   exactly those cells: every kredietevolutie row, the article overview, and
//!   every ISE synthesis table (sums of the cells, by ESR group);
//! - a variant with an article that does not add up exits 1 with a B003 at
//!   that article, and `render` writes nothing.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::Data;
use rust_xlsxwriter::{Formula, Workbook};

use crate::support::*;

const WB: &str = "2025/bo/begroting.xlsx";
const MOVES: [&str; 3] = ["Index", "Compensaties", "Andere bijstellingen"];

/// A small deterministic generator (xorshift64*): the same seeds give the
/// same variants on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// How a cell holds its whole number.
#[derive(Debug, Clone, Copy)]
enum Form {
    Number,
    Text,
    Formula,
    /// An empty cell: only for zero.
    Blank,
}

/// `n` as finance staff type it as text: `1.234`, `1234`, `1 234` (with a
/// non-breaking space), `-4.917` or `−4.917` (Unicode minus).
fn as_text(n: i64, rng: &mut Rng) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = match rng.below(3) {
        0 => "",
        1 => ".",
        _ => "\u{a0}",
    };
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push_str(sep);
        }
        grouped.push(ch);
    }
    match (n < 0, rng.below(2)) {
        (false, _) => grouped,
        (true, 0) => format!("-{grouped}"),
        (true, _) => format!("\u{2212}{grouped}"),
    }
}

/// One article as the variant writes it: its ISE, its ESR suffix, and per
/// column header the whole number in the workbook's unit (duizend euro).
#[derive(Debug, Clone)]
struct Article {
    ise: String,
    esr: String,
    amounts: BTreeMap<String, i64>,
}

impl Article {
    fn get(&self, col: &str) -> i64 {
        self.amounts.get(col).copied().unwrap_or(0)
    }

    /// Whether VAK and VEK each add up from BA 2024 to BO 2025.
    fn adds_up(&self) -> bool {
        ["VAK", "VEK"].iter().all(|k| {
            let moved: i64 = MOVES.iter().map(|m| self.get(&format!("{k} {m}"))).sum();
            self.get(&format!("{k} BA 2024")) + moved == self.get(&format!("{k} BO 2025"))
        })
    }
}

struct Variant {
    /// Expenditure articles by code.
    articles: BTreeMap<String, Article>,
    /// The article whose figure was changed, if any.
    changed: Option<String>,
}

/// Writes a variant of the sample's workbook into `project` (seeded by `seed`).
fn write_variant(project: &Path, seed: u64) -> Variant {
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let path = project.join(WB);
    let mut sheets = read_sheets(&path);
    let mut articles = BTreeMap::new();
    // (sheet, row, col) → how to write the amount and its number.
    let mut amounts: BTreeMap<(String, u32, u16), (Form, i64)> = BTreeMap::new();
    for (name, cells) in &sheets {
        if name != "Uitgaven" && name != "Ontvangsten" {
            continue;
        }
        let (head, _) = header_col(cells, "Artikel");
        let heads: BTreeMap<u16, String> = cells
            .iter()
            .filter(|(r, _, _)| *r == head)
            .filter_map(|(_, c, v)| match v {
                Data::String(s) => Some((*c, s.clone())),
                _ => None,
            })
            .collect();
        let col_of = |h: &str| heads.iter().find(|(_, n)| n.as_str() == h).map(|(c, _)| *c);
        let amount_cols: Vec<(u16, String)> = heads
            .iter()
            .filter(|(_, h)| {
                h.starts_with("VAK ") || h.starts_with("VEK ") || h.starts_with("BA ") || h.starts_with("BO ")
            })
            .map(|(c, h)| (*c, h.clone()))
            .collect();
        let rows: Vec<u32> = cells
            .iter()
            .filter(|(r, c, v)| {
                *r > head
                    && Some(*c) == col_of("Artikel")
                    && matches!(v, Data::String(s) if s.contains('-') && !s.to_lowercase().starts_with("totaal"))
            })
            .map(|(r, _, _)| *r)
            .collect();
        for row in rows {
            let text = |col: Option<u16>| {
                cells
                    .iter()
                    .find(|(r, c, _)| *r == row && Some(*c) == col)
                    .map(|(_, _, v)| v.to_string())
                    .unwrap_or_default()
            };
            let code = text(col_of("Artikel"));
            let mut art = Article {
                ise: text(col_of("ISE")),
                esr: code.rsplit('-').next().unwrap_or("").to_string(),
                amounts: BTreeMap::new(),
            };
            for (col, head) in &amount_cols {
                let n = match cells.iter().find(|(r, c, _)| *r == row && c == col).map(|(_, _, v)| v) {
                    Some(Data::Float(f)) => *f as i64,
                    Some(Data::Int(i)) => *i,
                    None | Some(Data::Empty) => 0,
                    Some(other) => panic!("{name} {code} {head}: {other:?}"),
                };
                let form = match rng.below(10) {
                    0..=3 => Form::Number,
                    4..=6 => Form::Text,
                    7 | 8 => Form::Formula,
                    _ if n == 0 => Form::Blank,
                    _ => Form::Number,
                };
                amounts.insert((name.clone(), row, *col), (form, n));
                art.amounts.insert(head.clone(), n);
            }
            if name == "Uitgaven" {
                articles.insert(code, art);
            }
        }
    }
    // In about a third of the variants, one figure of one kredietevolutie
    // changes (as text or as a number): the article no longer adds up.
    let mut changed = None;
    if rng.below(3) == 0 {
        let codes: Vec<String> = articles.keys().cloned().collect();
        let code = codes[rng.below(codes.len() as u64) as usize].clone();
        let k = if rng.below(2) == 0 { "VAK" } else { "VEK" };
        let col_name = match rng.below(5) {
            0 => format!("{k} BA 2024"),
            4 => format!("{k} BO 2025"),
            m => format!("{k} {}", MOVES[m as usize - 1]),
        };
        let delta = 1 + rng.below(999) as i64;
        let art = articles.get_mut(&code).unwrap();
        *art.amounts.get_mut(&col_name).unwrap() += delta;
        let new = art.get(&col_name);
        let (head_row, col) = header_col(&sheets.iter().find(|(n, _)| n == "Uitgaven").unwrap().1, &col_name);
        let row = amounts
            .keys()
            .filter(|(s, _, c)| s == "Uitgaven" && *c == col)
            .map(|(_, r, _)| *r)
            .find(|r| {
                let cells = &sheets.iter().find(|(n, _)| n == "Uitgaven").unwrap().1;
                cells.iter().any(|(rr, cc, v)| rr == r && *cc == 0 && matches!(v, Data::String(s) if *s == code))
            })
            .unwrap();
        assert!(row > head_row);
        let form = if rng.below(2) == 0 { Form::Text } else { Form::Number };
        amounts.insert(("Uitgaven".into(), row, col), (form, new));
        changed = Some(code);
    }
    // Write the workbook: every other cell as it was.
    let mut book = Workbook::new();
    for (name, cells) in &mut sheets {
        let ws = book.add_worksheet();
        ws.set_name(name.as_str()).unwrap();
        for (r, c, v) in cells.iter() {
            if let Some((form, n)) = amounts.get(&(name.clone(), *r, *c)) {
                match form {
                    Form::Number => {
                        ws.write_number(*r, *c, *n as f64).unwrap();
                    }
                    Form::Text => {
                        ws.write_string(*r, *c, as_text(*n, &mut rng)).unwrap();
                    }
                    Form::Formula => {
                        ws.write_formula(*r, *c, Formula::new(format!("={n}")).set_result(n.to_string())).unwrap();
                    }
                    Form::Blank => {}
                }
                continue;
            }
            match v {
                Data::Empty => {}
                Data::String(s) => {
                    ws.write_string(*r, *c, s).unwrap();
                }
                Data::Float(f) => {
                    ws.write_number(*r, *c, *f).unwrap();
                }
                Data::Int(i) => {
                    ws.write_number(*r, *c, *i as f64).unwrap();
                }
                Data::Bool(b) => {
                    ws.write_boolean(*r, *c, *b).unwrap();
                }
                other => panic!("cannot write {other:?}"),
            }
        }
        // Amount cells the sample left empty.
        for ((s, r, c), (form, n)) in &amounts {
            if s == name && !cells.iter().any(|(rr, cc, _)| rr == r && cc == c) {
                match form {
                    Form::Blank => {}
                    Form::Text => {
                        ws.write_string(*r, *c, as_text(*n, &mut rng)).unwrap();
                    }
                    _ => {
                        ws.write_number(*r, *c, *n as f64).unwrap();
                    }
                }
            }
        }
    }
    book.save(&path).unwrap();
    Variant { articles, changed }
}

/// The figures of `row` (e.g. "Index") in the block of `code` in the PDF's
/// text: the kredietevolutie's VAK and VEK.
fn evolution_row(text: &str, code: &str, label: &str) -> Option<(i64, i64)> {
    let start = text.find(&format!("{code} – "))?;
    // The block's first lines (a page break may fall inside it).
    text[start..].lines().take(30).find(|l| l.trim_start().starts_with(label)).and_then(|l| {
        let nums: Vec<i64> = l.split_whitespace().rev().take(2).filter_map(number).collect();
        (nums.len() == 2).then(|| (nums[1], nums[0]))
    })
}

/// A number as the PDF prints it: `1.234`, `-120`, `0`.
fn number(s: &str) -> Option<i64> {
    let t = s.replace('.', "").replace('\u{2212}', "-");
    t.parse().ok().filter(|_| s.chars().any(|c| c.is_ascii_digit()))
}

/// The six figures of every row labelled `label` in the synthesis tables
/// (the consolidated total of an ISE is "Totaal geconsolideerd", not "Totaal").
fn synthesis_rows(text: &str, label: &str) -> Vec<Vec<i64>> {
    let mut rows: Vec<Vec<i64>> = text
        .lines()
        .map(str::trim_start)
        .filter(|l| l.starts_with(label) && (label != "Totaal" || !l.starts_with("Totaal geconsolideerd")))
        .map(|l| l[l.find(')').map_or(label.len(), |i| i + 1)..].split_whitespace().filter_map(number).collect())
        .filter(|v: &Vec<i64>| v.len() == 6)
        .collect();
    rows.sort();
    rows
}

/// The synthesis rows of every ISE, one table per scope (the ministry's
/// articles, `1` in position 5; a rechtspersoon's, `A`), and the consolidated
/// total of an ISE with more than one scope (a dotation to an entity spending
/// in the ISE left out), computed from the cells alone.
fn expected_synthesis(v: &Variant) -> BTreeMap<&'static str, Vec<Vec<i64>>> {
    let group = |esr: &str| match esr {
        "WT" | "LO" | "PR" => "ESR-uitgaven",
        "IS" => "Toelagen",
        _ => "Overige",
    };
    let scope = |code: &str| if code.as_bytes()[4] == b'A' { code[..3].to_string() } else { "MVG".to_string() };
    let mut per_table: BTreeMap<(&str, String, &str), [i64; 4]> = BTreeMap::new();
    let mut consolidated: BTreeMap<&str, [i64; 4]> = BTreeMap::new();
    let tables: std::collections::BTreeSet<(&str, String)> =
        v.articles.iter().map(|(code, a)| (a.ise.as_str(), scope(code))).collect();
    for (ise, sc) in &tables {
        for g in ["ESR-uitgaven", "Toelagen", "Overige"] {
            per_table.insert((ise, sc.clone(), g), [0; 4]);
        }
    }
    for (code, a) in &v.articles {
        let figures = [a.get("VAK BA 2024"), a.get("VAK BO 2025"), a.get("VEK BA 2024"), a.get("VEK BO 2025")];
        let sums = per_table.get_mut(&(a.ise.as_str(), scope(code), group(&a.esr))).unwrap();
        let cons = consolidated.entry(a.ise.as_str()).or_default();
        // The sample's one dotation goes to SI0, which spends in the same ISE.
        let dotation_inside = a.esr == "IS" && tables.contains(&(a.ise.as_str(), "SI0".to_string()));
        for i in 0..4 {
            sums[i] += figures[i];
            if !dotation_inside {
                cons[i] += figures[i];
            }
        }
    }
    let row = |s: [i64; 4]| vec![s[0], s[1] - s[0], s[1], s[2], s[3] - s[2], s[3]];
    let mut out: BTreeMap<&'static str, Vec<Vec<i64>>> = BTreeMap::new();
    for (ise, sc) in &tables {
        let mut total = [0; 4];
        for g in ["ESR-uitgaven", "Toelagen", "Overige"] {
            let s = per_table[&(*ise, sc.clone(), g)];
            out.entry(g).or_default().push(row(s));
            for i in 0..4 {
                total[i] += s[i];
            }
        }
        out.entry("Totaal").or_default().push(row(total));
    }
    for (ise, sums) in consolidated {
        if tables.iter().filter(|(i, _)| *i == ise).count() > 1 {
            out.entry("Totaal geconsolideerd").or_default().push(row(sums));
        }
    }
    for rows in out.values_mut() {
        rows.sort();
    }
    out
}

#[test]
fn every_printed_figure_is_a_cell_or_a_sum_of_cells() {
    let mut rendered_good = 0;
    let mut rendered_bad = 0;
    let mut failures = Vec::new();
    for seed in 1..=36u64 {
        let (tmp, project) = sample_copy();
        let v = write_variant(&project, seed);
        let all_add_up = v.articles.values().all(Article::adds_up);
        assert_eq!(all_add_up, v.changed.is_none(), "seed {seed}: the variant itself");
        let out = run(tmp.path(), &["check", "project", "--year", "2025", "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        let errors: Vec<(String, String)> = json
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["severity"] == "error")
            .map(|d| (d["code"].as_str().unwrap().to_string(), d["message"].as_str().unwrap().to_string()))
            .collect();
        let want_code = if all_add_up { Some(0) } else { Some(1) };
        if out.status.code() != want_code {
            failures.push(format!(
                "seed {seed}: exit {:?}, want {want_code:?}; changed {:?}; errors {errors:?}",
                out.status.code(),
                v.changed
            ));
            continue;
        }
        if let Some(code) = &v.changed
            && !errors.iter().any(|(c, m)| c == "B003" && m.contains(code.as_str()))
        {
            failures.push(format!("seed {seed}: no B003 for {code}: {errors:?}"));
            continue;
        }
        // Render some of each kind: a bad one writes nothing; a good one
        // prints exactly the cells.
        let render = if all_add_up { rendered_good < 4 } else { rendered_bad < 2 };
        if !render {
            continue;
        }
        let out = run(tmp.path(), &["render", "project", "--year", "2025", "-o", "uit"]);
        if !all_add_up {
            rendered_bad += 1;
            assert_eq!(out.status.code(), Some(1), "seed {seed}: {}", stderr(&out));
            assert!(!tmp.path().join("uit").exists(), "seed {seed}: a document with an error wrote output");
            continue;
        }
        rendered_good += 1;
        assert_eq!(out.status.code(), Some(0), "seed {seed}: {}", stderr(&out));
        let text = pdftotext_layout(&tmp.path().join("uit/samenleven-2025-bo.pdf"));
        for (code, a) in &v.articles {
            for (label, col) in [
                ("BA 2024", "BA 2024"),
                ("Index", "Index"),
                ("Compensaties", "Compensaties"),
                ("Andere bijstellingen", "Andere bijstellingen"),
                ("BO 2025", "BO 2025"),
            ] {
                let want = (a.get(&format!("VAK {col}")), a.get(&format!("VEK {col}")));
                let got = evolution_row(&text, code, label);
                if got != Some(want) {
                    failures.push(format!("seed {seed}: {code} {label}: printed {got:?}, cells {want:?}"));
                }
            }
            // The article overview: code … ISE, VAK BO, VEK BO.
            let line = text.lines().find(|l| l.trim_start().starts_with(code.as_str()) && l.contains(&a.ise));
            let printed: Option<Vec<i64>> = line.map(|l| {
                l.split_whitespace().rev().take(2).filter_map(number).collect::<Vec<_>>().into_iter().rev().collect()
            });
            if printed != Some(vec![a.get("VAK BO 2025"), a.get("VEK BO 2025")]) {
                failures.push(format!("seed {seed}: overview of {code}: {line:?}"));
            }
        }
        for (label, want) in expected_synthesis(&v) {
            let got = synthesis_rows(&text, label);
            if got != want {
                failures
                    .push(format!("seed {seed}: synthesis rows '{label}': printed {got:?}, from the cells {want:?}"));
            }
        }
    }
    assert!(rendered_good >= 3 && rendered_bad >= 1, "too few renders: {rendered_good} good, {rendered_bad} bad");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// An amount of the open data (`1234.5`, exact in the workbook's unit) in
/// whole thousands as the PDF prints an article: half away from zero.
fn printed_thousands(bedrag: &str, eenheid: &str) -> i64 {
    let (whole, frac) = bedrag.trim_start_matches('-').split_once('.').unwrap_or((bedrag.trim_start_matches('-'), ""));
    let sign = if bedrag.starts_with('-') { -1 } else { 1 };
    // In units of 1/100000 of the unit (a cent of a thousand euro).
    let scaled: i64 = whole.parse::<i64>().unwrap() * 100_000 + format!("{frac:0<5}").parse::<i64>().unwrap();
    let per_thousand = if eenheid == "duizend euro" { 100_000 } else { 100_000_000 };
    sign * ((scaled + per_thousand / 2) / per_thousand)
}

/// The open data beside the PDF (issue 17 §5): read back, it holds every
/// cell of the workbook once, its data package describes exactly its
/// columns, the files attached with `--attach` are the same files, and its
/// amounts re-add to every ISE total the PDF prints (per scope, and
/// consolidated with a dotation to a spending entity left out).
#[test]
fn the_open_data_re_adds_to_the_totals_of_the_pdf() {
    let (tmp, project) = sample_copy();
    // A text citing the outturn as its table prints it (checked at the end).
    let tekst = project.join("2026/bo/tekst/od-inburgeringstraject.md");
    let mut md = std::fs::read_to_string(&tekst).unwrap();
    md.push_str("\nIn 2024 betaalde het agentschap {{ ise(\"SG-A\").uitvoering.SI0.bu.vek | miljoen }} uit voor zijn eigen werking en trajecten, {{ ise(\"SG-A\").uitvoering.SI0.graad.vek }} van het vereffeningskrediet dat het had.\n");
    std::fs::write(&tekst, md).unwrap();
    let out = run(tmp.path(), &["render", "project", "--year", "2026", "-o", "uit", "--attach"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let uit = tmp.path().join("uit");
    let csv_bytes = std::fs::read(uit.join("samenleven-2026-bo.csv")).unwrap();
    let package: serde_json::Value =
        serde_json::from_slice(&std::fs::read(uit.join("samenleven-2026-bo.datapackage.json")).unwrap()).unwrap();

    // The files attached are the files beside the PDF.
    let pdf = uit.join("samenleven-2026-bo.pdf");
    let detached = tmp.path().join("bijlagen");
    std::fs::create_dir(&detached).unwrap();
    assert!(
        tool("pdfdetach", &["-saveall", "-o", &detached.to_string_lossy(), &pdf.to_string_lossy()]).status.success()
    );
    for name in ["samenleven-2026-bo.csv", "samenleven-2026-bo.datapackage.json"] {
        assert_eq!(std::fs::read(detached.join(name)).unwrap(), std::fs::read(uit.join(name)).unwrap(), "{name}");
    }
    assert_eq!(
        std::fs::read(detached.join("begroting-2026-bo.xlsx")).unwrap(),
        std::fs::read(project.join("2026/bo/begroting.xlsx")).unwrap()
    );

    // The package describes the CSV's columns, in order, and its one resource.
    let resource = &package["resources"][0];
    assert_eq!(resource["path"], "samenleven-2026-bo.csv");
    assert_eq!(package["model"]["measures"]["bedrag"]["factor"], 1000);
    let described: Vec<&str> =
        resource["schema"]["fields"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    let mut reader = csv::Reader::from_reader(csv_bytes.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(described, header);
    let rows: Vec<BTreeMap<String, String>> =
        reader.records().map(|r| header.iter().cloned().zip(r.unwrap().iter().map(String::from)).collect()).collect();

    // Every amount cell of the workbook, once: compared with calamine's reading.
    let mut cells: BTreeMap<(String, String), String> = BTreeMap::new();
    for (sheet, cellen) in read_sheets(&project.join("2026/bo/begroting.xlsx")) {
        if !["Uitgaven", "Ontvangsten", "Uitvoering"].contains(&sheet.as_str()) {
            continue;
        }
        let (head, code_col) = header_col(&cellen, "Artikel");
        let heads: BTreeMap<u16, String> = cellen
            .iter()
            .filter(|(r, _, _)| *r == head)
            .filter_map(|(_, c, v)| if let Data::String(s) = v { Some((*c, s.clone())) } else { None })
            .collect();
        let code_of = |row: u32| {
            cellen.iter().find(|(r, c, _)| *r == row && *c == code_col).and_then(|(_, _, v)| match v {
                Data::String(s) if s.contains('-') => Some(s.clone()),
                _ => None,
            })
        };
        for (r, c, v) in &cellen {
            let (Some(code), Some(kolom)) = (code_of(*r), heads.get(c)) else { continue };
            if *r <= head || !(kolom.starts_with("VAK") || kolom.starts_with("VEK") || kolom.starts_with("B")) {
                continue;
            }
            let n = match v {
                Data::Float(f) => *f as i64,
                Data::Int(i) => *i,
                other => panic!("{sheet} {code} {kolom}: {other:?}"),
            };
            cells.insert((code, kolom.clone()), n.to_string());
        }
    }
    let from_csv: BTreeMap<(String, String), String> =
        rows.iter().map(|r| ((r["artikel"].clone(), r["kolom"].clone()), r["bedrag"].clone())).collect();
    assert_eq!(from_csv.len(), rows.len(), "the key (artikel, kolom) is unique");
    assert_eq!(from_csv, cells);

    // The ISE totals of the PDF, re-added from the CSV alone.
    let columns = ["VAK BA 2025", "VAK BO 2026", "VEK BA 2025", "VEK BO 2026"];
    // The outturn of 2024 (the sheet Uitvoering) has its own tables, below.
    let outturn = |r: &BTreeMap<String, String>| r["kolom"].ends_with(" 2024");
    let uitgaven: Vec<&BTreeMap<String, String>> =
        rows.iter().filter(|r| r["soort"] == "uitgaven" && !outturn(r)).collect();
    let sums = |keep: &dyn Fn(&BTreeMap<String, String>) -> bool| -> Vec<i64> {
        let s: Vec<i64> = columns
            .iter()
            .map(|k| {
                uitgaven
                    .iter()
                    .filter(|r| r["kolom"] == *k && keep(r))
                    .map(|r| printed_thousands(&r["bedrag"], &r["eenheid"]))
                    .sum()
            })
            .collect();
        vec![s[0], s[1] - s[0], s[1], s[2], s[3] - s[2], s[3]]
    };
    let tables: std::collections::BTreeSet<(String, String)> =
        uitgaven.iter().map(|r| (r["ise"].clone(), r["scope"].clone())).collect();
    let mut want: Vec<Vec<i64>> =
        tables.iter().map(|(ise, scope)| sums(&|r| &r["ise"] == ise && &r["scope"] == scope)).collect();
    want.sort();
    let text = pdftotext_layout(&pdf);
    assert_eq!(synthesis_rows(&text, "Totaal"), want);
    // Consolidated: a dotation to an entity with expenditure in the same ISE counts once.
    let mut want: Vec<Vec<i64>> = tables
        .iter()
        .map(|(ise, _)| ise)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .filter(|ise| tables.iter().filter(|(i, _)| i == *ise).count() > 1)
        .map(|ise| {
            sums(&|r| {
                &r["ise"] == ise
                    && !(r["esr"] == "IS"
                        && uitgaven.iter().any(|o| &o["ise"] == ise && o["entiteit"] == r["ontvanger"]))
            })
        })
        .collect();
    want.sort();
    assert!(!want.is_empty(), "the sample has an ISE with two scopes");
    assert_eq!(synthesis_rows(&text, "Totaal geconsolideerd"), want);

    // The outturn tables, per ISE and scope: BA, BA-JR and BU each the exact
    // sum of the cells rounded once, and BU in percent of BA-JR from the exact sums.
    let exact = |bedrag: &str| -> i128 {
        let (whole, frac) = bedrag.split_once('.').unwrap_or((bedrag, ""));
        let sign = if whole.starts_with('-') { -1 } else { 1 };
        sign * (whole.trim_start_matches('-').parse::<i128>().unwrap() * 100_000
            + format!("{frac:0<5}").parse::<i128>().unwrap())
    };
    let mut per: BTreeMap<(String, String, String), [i128; 3]> = BTreeMap::new();
    let outturn_rows: Vec<&BTreeMap<String, String>> = rows.iter().filter(|r| outturn(r)).collect();
    for r in &outturn_rows {
        let i = ["BA 2024", "BA-JR 2024", "BU 2024"].iter().position(|s| r["stand"] == *s).unwrap();
        per.entry((r["ise"].clone(), r["scope"].clone(), r["krediet"].clone())).or_default()[i] += exact(&r["bedrag"]);
        // An ISE with more than one scope has a consolidated table too: a dotation to an
        // entity with outturn rows in the ISE counted once (the receiver comes from the CSV).
        let scopes: std::collections::BTreeSet<&String> =
            outturn_rows.iter().filter(|o| o["ise"] == r["ise"]).map(|o| &o["scope"]).collect();
        let intern =
            r["esr"] == "IS" && outturn_rows.iter().any(|o| o["ise"] == r["ise"] && o["entiteit"] == r["ontvanger"]);
        if scopes.len() > 1 && !intern {
            per.entry((r["ise"].clone(), "geconsolideerd".into(), r["krediet"].clone())).or_default()[i] +=
                exact(&r["bedrag"]);
        }
    }
    assert!(per.keys().any(|(_, scope, _)| scope != "MVG"), "the sample's outturn has two scopes");
    assert!(
        outturn_rows.iter().any(|r| r["esr"] == "IS" && r["ontvanger"] == "SI0"),
        "the dotation's receiver, from this year's article"
    );
    let thousands = |x: i128| (x.signum() * ((x.abs() + 50_000) / 100_000)) as i64;
    let mut want: Vec<(String, Vec<i64>, String)> = per
        .iter()
        .map(|((_, _, krediet), sums)| {
            let tenths = (sums[2] * 1000 * 2 + sums[1]) / (sums[1] * 2);
            (
                krediet.clone(),
                sums.iter().map(|&x| thousands(x)).collect(),
                format!("{},{} %", tenths / 10, tenths % 10),
            )
        })
        .collect();
    want.sort();
    let mut got: Vec<(String, Vec<i64>, String)> = text
        .lines()
        .map(str::split_whitespace)
        .map(Iterator::collect::<Vec<&str>>)
        .filter(|w| w.len() == 6 && (w[0] == "VAK" || w[0] == "VEK") && w[5] == "%")
        .map(|w| (w[0].to_string(), w[1..4].iter().map(|x| number(x).unwrap()).collect(), format!("{} %", w[4])))
        .collect();
    got.sort();
    assert_eq!(got, want);
    // The text cites the outturn as its table prints it (OD 2.1 above: the
    // rechtspersoon's VEK, BU in millions and the rate).
    let si0 = &per[&("SG-A".to_string(), "rechtspersoon SI0".to_string(), "VEK".to_string())];
    let tenths = (si0[2] * 1000 * 2 + si0[1]) / (si0[1] * 2);
    let millions = (si0[2] + 5_000_000) / 10_000_000;
    let cited = format!("betaalde het agentschap {},{} miljoen euro uit", millions / 10, millions % 10);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&cited), "{cited}");
    assert!(flat.contains(&format!("trajecten, {},{} % van het vereffeningskrediet", tenths / 10, tenths % 10)));
}
