//! Adversarial inputs: empty, broken, hostile and odd files, each put in a
//! copy of the sample and rendered into an output folder that already holds a
//! previous PDF. Every refused case asserts the exit code (1: the inputs are
//! invalid; 2: the output cannot be written), that nothing panicked, that the
//! message names the file and the place (line and column in a text file, the
//! sheet and cell or the file for a workbook), that the previous PDF is
//! byte-identical and alone in its folder (no `.bbt-*.tmp` left), and that
//! no input file changed. bbt runs under a 1.5 GB address-space limit
//! (`prlimit`, util-linux), so a case that needs unbounded memory aborts
//! instead of passing. Odd but valid inputs (a UTF-8 BOM, CRLF line ends,
//! spaces and accents in paths) must render exactly the sample's PDF.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::support::*;

const PDF: &str = "samenleven-2025-bo.pdf";
const NOTA: &str = "beleidsnota.yaml";
const BBT25: &str = "2025/bo/bbt.yaml";
const WB25: &str = "2025/bo/begroting.xlsx";
const TEXT: &str = "2025/bo/tekst/od-netwerk.md";
const PRESTATIES: &str = "2025/bo/prestaties.yaml";
/// The address space bbt may use: several times what the sample needs.
const MEMORY_LIMIT: &str = "--as=1500000000";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workbooks").join(name)
}

/// Every file under `dir` by relative path: its bytes, or a link's target
/// (links are not followed).
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).expect("read dir") {
            let path = entry.expect("entry").path();
            let meta = std::fs::symlink_metadata(&path).expect("metadata");
            let rel = path.strip_prefix(root).expect("below the root").to_path_buf();
            if meta.file_type().is_symlink() {
                let target = std::fs::read_link(&path).expect("link");
                out.insert(rel, format!("-> {}", target.display()).into_bytes());
            } else if meta.is_dir() {
                walk(root, &path, out);
            } else if !meta.is_file() {
                // A pipe or a device: reading it could wait for ever.
                out.insert(rel, format!("{:?}", meta.file_type()).into_bytes());
            } else {
                out.insert(rel, std::fs::read(&path).expect("read"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Runs bbt in `cwd` under the memory limit.
fn run_limited(cwd: &Path, args: &[&str]) -> Output {
    Command::new("prlimit")
        .arg(MEMORY_LIMIT)
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_bbt"))
        .env("BBT_LANG", "en")
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .current_dir(cwd)
        .output()
        .expect("prlimit (util-linux) runs")
}

/// An output folder `<tmp>/uit` holding the PDF of an earlier good render.
fn previous_output(tmp: &Path) -> (PathBuf, Vec<u8>) {
    let out = tmp.join("uit");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::copy(rendered_sample(), out.join(PDF)).unwrap();
    let bytes = std::fs::read(out.join(PDF)).unwrap();
    (out, bytes)
}

/// That `dir` holds the previous PDF alone, unchanged.
fn unchanged_output(dir: &Path, previous: &[u8]) -> Result<(), String> {
    let now = files(dir);
    let names: Vec<&PathBuf> = now.keys().collect();
    if names != [Path::new(PDF)] {
        return Err(format!("the output folder holds {names:?}, not the previous {PDF} alone"));
    }
    if now.values().next().map(Vec::as_slice) != Some(previous) {
        return Err("the previous PDF changed".into());
    }
    Ok(())
}

/// Renders `project` (a folder in `tmp`) with `args` into `<tmp>/uit`, which
/// holds a previous PDF, under the memory limit; the render must fail with
/// `code` and every one of `wants` in its messages, leaving the output
/// folder and the inputs as they were. Returns the messages.
fn refused(tmp: &Path, project: &str, args: &[&str], code: i32, wants: &[String]) -> Result<String, String> {
    let (out_dir, previous) = previous_output(tmp);
    let inputs = files(&tmp.join(project));
    let mut all = vec!["render", project, "-o", "uit"];
    all.extend_from_slice(args);
    let out = run_limited(tmp, &all);
    let err = stderr(&out);
    if out.status.code() != Some(code) {
        return Err(format!("exit {:?} (signal {:?}), not {code}:\n{err}", out.status.code(), {
            use std::os::unix::process::ExitStatusExt;
            out.status.signal()
        }));
    }
    if err.contains("panicked") {
        return Err(format!("bbt panicked:\n{err}"));
    }
    for want in wants {
        if !err.contains(want.as_str()) {
            return Err(format!("no '{want}' in:\n{err}"));
        }
    }
    unchanged_output(&out_dir, &previous)?;
    if files(&tmp.join(project)) != inputs {
        return Err("an input file changed".into());
    }
    Ok(err)
}

/// The messages that must name a diagnostic and its place.
fn wants(code: &str, place: &str) -> Vec<String> {
    vec![format!("error[{code}]"), format!("--> {place}")]
}

/// Rewrites the zip archive `src` into `dst`, each part through `edit`
/// (`mimetype` first and stored, as ods requires).
fn rewrite_zip(src: &Path, dst: &Path, edit: &dyn Fn(&str, Vec<u8>) -> Vec<u8>) {
    let mut zin = zip::ZipArchive::new(std::fs::File::open(src).unwrap()).unwrap();
    let mut parts = Vec::new();
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        let name = f.name().unwrap().to_string();
        parts.push((name.clone(), edit(&name, bytes)));
    }
    parts.sort_by_key(|(name, _)| name != "mimetype");
    let mut zout = zip::ZipWriter::new(std::fs::File::create(dst).unwrap());
    for (name, bytes) in parts {
        let method = if name == "mimetype" { zip::CompressionMethod::Stored } else { zip::CompressionMethod::Deflated };
        zout.start_file(name, zip::write::SimpleFileOptions::default().compression_method(method)).unwrap();
        zout.write_all(&bytes).unwrap();
    }
    zout.finish().unwrap();
}

/// The sample's workbook as LibreOffice saves it in ods, with `edit` applied
/// to the sheet `Uitgaven` of its content.xml (the part from its start tag to
/// its end tag), in place of the xlsx.
fn ods_with(project: &Path, edit: &dyn Fn(&str) -> String) {
    std::fs::remove_file(project.join(WB25)).unwrap();
    rewrite_zip(&fixture("sample-2025.ods"), &project.join("2025/bo/begroting.ods"), &|name, bytes| {
        if name != "content.xml" {
            return bytes;
        }
        let xml = String::from_utf8(bytes).unwrap();
        let start = xml.find("<table:table table:name=\"Uitgaven\"").unwrap();
        let end = start + xml[start..].find("</table:table>").unwrap() + "</table:table>".len();
        format!("{}{}{}", &xml[..start], edit(&xml[start..end]), &xml[end..]).into_bytes()
    });
}

/// Replaces the sheet's last rows (LibreOffice writes the empty rows down to
/// row 1048576 as repeated rows) by `rows`.
fn ods_tail(sheet: &str, rows: &str) -> String {
    let at = sheet.rfind("<table:table-row table:style-name=\"ro1\" table:number-rows-repeated=").unwrap();
    format!("{}{rows}</table:table>", &sheet[..at])
}

/// Puts a workbook fixture in place of the xlsx, with its own extension.
fn workbook_fixture(project: &Path, name: &str) {
    std::fs::remove_file(project.join(WB25)).unwrap();
    let ext = name.rsplit('.').next().unwrap();
    std::fs::copy(fixture(name), project.join(format!("2025/bo/begroting.{ext}"))).unwrap();
}

/// The sample's workbook as LibreOffice saves it in xls, with the first
/// sheet's DIMENSIONS record (BIFF8: first row, last row + 1 as u32, then
/// the columns) set to rows `first..last`, in place of the xlsx.
fn xls_dimensions(project: &Path, first: u32, last: u32) {
    std::fs::remove_file(project.join(WB25)).unwrap();
    let mut bytes = std::fs::read(fixture("sample-2025.xls")).unwrap();
    let at = bytes.windows(4).position(|w| w == [0x00, 0x02, 0x0E, 0x00]).expect("a DIMENSIONS record") + 4;
    bytes[at..at + 4].copy_from_slice(&first.to_le_bytes());
    bytes[at + 4..at + 8].copy_from_slice(&last.to_le_bytes());
    std::fs::write(project.join("2025/bo/begroting.xls"), bytes).unwrap();
}

/// Bytes that look random and are the same in every run.
fn garbage(len: usize) -> Vec<u8> {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// The sample's xlsx with its first sheet replaced by one whose only cell
/// holds `gigabytes` GB of text: a few megabytes that unpack to gigabytes.
fn zip_bomb(project: &Path, gigabytes: u64) {
    let path = project.join(WB25);
    let original = std::fs::read(&path).unwrap();
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(original)).unwrap();
    let mut zout = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..zin.len() {
        let f = zin.by_index_raw(i).unwrap();
        if f.name().unwrap() != "xl/worksheets/sheet1.xml" {
            zout.raw_copy_file(f).unwrap();
            continue;
        }
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1))
            .large_file(true);
        zout.start_file("xl/worksheets/sheet1.xml", options).unwrap();
        zout.write_all(
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>",
        )
        .unwrap();
        let chunk = vec![b'A'; 1 << 20];
        for _ in 0..(gigabytes << 10) {
            zout.write_all(&chunk).unwrap();
        }
        zout.write_all(b"</t></is></c></row></sheetData></worksheet>").unwrap();
    }
    zout.finish().unwrap();
}

/// `count` nested aliases, each nine of the one before ("billion laughs"),
/// as ISEs of a new beleidsveld at the start of the year's structure.
fn alias_bomb(project: &Path, count: usize) {
    let mut lines = vec!["      - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]".to_string()];
    for i in 1..count {
        lines.push(format!("      - &a{i} [{}]", vec![format!("*a{}", i - 1); 9].join(", ")));
    }
    let bomb = format!("structuur:\n  - beleidsveld: bv-bom\n    ises:\n{}\n", lines.join("\n"));
    let path = project.join(BBT25);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("structuur:\n", &bomb, 1)).unwrap();
}

/// The 1-based line and column that bbt names in `--> file:line:column`.
fn reported_place(err: &str, file: &str) -> Option<(usize, usize)> {
    let rest = &err[err.find(&format!("--> {file}:"))? + file.len() + 5..];
    let mut it = rest.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty());
    Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?))
}

/// Converts every YAML and Markdown file under `dir` with `f`.
fn convert_texts(dir: &Path, f: &dyn Fn(Vec<u8>) -> Vec<u8>) {
    for (rel, bytes) in files(dir) {
        if rel.extension().is_some_and(|e| e == "yaml" || e == "md") {
            std::fs::write(dir.join(rel), f(bytes)).unwrap();
        }
    }
}

fn crlf(bytes: Vec<u8>) -> Vec<u8> {
    String::from_utf8(bytes).unwrap().replace('\n', "\r\n").into_bytes()
}

fn with_bom(bytes: Vec<u8>) -> Vec<u8> {
    [b"\xEF\xBB\xBF".as_slice(), &bytes].concat()
}

/// One bad input per case.
struct Case {
    name: &'static str,
    setup: Box<dyn Fn(&Path)>,
    /// What the messages must hold, from the project as set up.
    wants: Box<dyn Fn(&Path) -> Vec<String>>,
}

fn case(name: &'static str, setup: impl Fn(&Path) + 'static, wants: impl Fn(&Path) -> Vec<String> + 'static) -> Case {
    Case { name, setup: Box::new(setup), wants: Box::new(wants) }
}

/// `--> project/<file>:<line>:<column>` of the `nth` occurrence of `needle` in `file`.
fn text_place(project: &Path, file: &str, needle: &str, nth: usize) -> String {
    let (line, column) = text_pos(&project.join(file), needle, nth);
    format!("project/{file}:{line}:{column}")
}

/// Replaces the one occurrence of `from` in the text file at `path`.
fn replace_in(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from:?} in {}", path.display());
    std::fs::write(path, text.replace(from, to)).unwrap();
}

/// Replaces the file at `path` by a named pipe (which nobody writes to: an
/// input opened as a file would wait for ever).
fn fifo(path: &Path) {
    std::fs::remove_file(path).unwrap();
    let done = Command::new("mkfifo").arg(path).status().expect("mkfifo (coreutils) runs");
    assert!(done.success());
}

fn cases() -> Vec<Case> {
    let write = |file: &'static str, bytes: Vec<u8>| move |p: &Path| std::fs::write(p.join(file), &bytes).unwrap();
    let not_a_workbook = |_: &Path| {
        let mut w = wants("W001", "project/2025/bo/begroting.xlsx\n");
        w.push("error[W001]: cannot read the workbook".into());
        w
    };
    vec![
        // Empty files.
        case("empty beleidsnota.yaml", write(NOTA, vec![]), |_| {
            [wants("L001", "project/beleidsnota.yaml:1:1"), vec!["the file is empty".into()]].concat()
        }),
        case("empty bbt.yaml", write(BBT25, vec![]), |_| {
            [wants("L001", "project/2025/bo/bbt.yaml:1:1"), vec!["the file is empty".into()]].concat()
        }),
        case("empty begroting.xlsx", write(WB25, vec![]), not_a_workbook),
        // Not workbooks.
        case("binary garbage named .xlsx", write(WB25, garbage(20_000)), not_a_workbook),
        case(
            "a zip that is not a workbook",
            |p: &Path| {
                let mut z = zip::ZipWriter::new(std::fs::File::create(p.join(WB25)).unwrap());
                z.start_file("leesmij.txt", zip::write::SimpleFileOptions::default()).unwrap();
                z.write_all(b"Dit is geen werkmap.\n").unwrap();
                z.finish().unwrap();
            },
            not_a_workbook,
        ),
        case(
            "a truncated workbook",
            |p: &Path| {
                let bytes = std::fs::read(p.join(WB25)).unwrap();
                std::fs::write(p.join(WB25), &bytes[..bytes.len() / 2]).unwrap();
            },
            not_a_workbook,
        ),
        // Password-protected workbooks (LibreOffice; the xlsx encrypted by msoffcrypto-tool).
        case(
            "a password-protected xlsx",
            |p: &Path| workbook_fixture(p, "password.xlsx"),
            |_| [wants("W001", "project/2025/bo/begroting.xlsx\n"), vec!["password-protected".into()]].concat(),
        ),
        case(
            "a password-protected xls",
            |p: &Path| workbook_fixture(p, "password.xls"),
            |_| [wants("W001", "project/2025/bo/begroting.xls\n"), vec!["password-protected".into()]].concat(),
        ),
        case(
            "a password-protected ods",
            |p: &Path| workbook_fixture(p, "password.ods"),
            |_| [wants("W001", "project/2025/bo/begroting.ods\n"), vec!["password-protected".into()]].concat(),
        ),
        // Oversized sheets, in each format that can hold them.
        case(
            "xlsx: a stray value at XFD1048576",
            |p: &Path| {
                apply(p, &[Edit::CellAt { file: WB25, sheet: "Uitgaven", row: 1_048_575, col: 16_383, value: s("x") }])
            },
            |_| wants("W012", "project/2025/bo/begroting.xlsx: Uitgaven!XFD1048576"),
        ),
        case(
            "ods: a stray value at XFD1048576",
            |p: &Path| {
                ods_with(p, &|sheet| {
                    ods_tail(
                        sheet,
                        "<table:table-row table:number-rows-repeated=\"1048557\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>\
                         <table:table-row><table:table-cell table:number-columns-repeated=\"16383\"/><table:table-cell office:value-type=\"string\"><text:p>x</text:p></table:table-cell></table:table-row>",
                    )
                })
            },
            |_| wants("W012", "project/2025/bo/begroting.ods: Uitgaven!XFD1048576"),
        ),
        case(
            // Under calamine's own limit (1e8 cells), but 6 GB once expanded.
            "ods: a stray value at XFD6009",
            |p: &Path| {
                ods_with(p, &|sheet| {
                    ods_tail(
                        sheet,
                        "<table:table-row table:number-rows-repeated=\"5990\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>\
                         <table:table-row><table:table-cell table:number-columns-repeated=\"16383\"/><table:table-cell office:value-type=\"string\"><text:p>x</text:p></table:table-cell></table:table-row>",
                    )
                })
            },
            |_| wants("W012", "project/2025/bo/begroting.ods: Uitgaven!XFD6009"),
        ),
        case(
            // 2,000 short rows of one value repeated 16,384 times: 32 million cells.
            "ods: rows of repeated values",
            |p: &Path| {
                let row = "<table:table-row><table:table-cell table:number-columns-repeated=\"16384\" office:value-type=\"float\" office:value=\"1\"/></table:table-row>";
                ods_with(p, &|sheet| ods_tail(sheet, &row.repeat(2000)))
            },
            |_| vec!["error[W012]".into(), "--> project/2025/bo/begroting.ods: Uitgaven!".into()],
        ),
        case(
            "xls: a stray value at IV65536",
            |p: &Path| workbook_fixture(p, "stray-cell.xls"),
            |_| wants("W012", "project/2025/bo/begroting.xls: Uitgaven!IV65536"),
        ),
        case(
            // A DIMENSIONS record that asks for 4 billion rows (calamine reserves them).
            "xls: a sheet that declares 4 billion rows",
            |p: &Path| xls_dimensions(p, 0, 0xFFFF_FFF0),
            |_| wants("W012", "project/2025/bo/begroting.xls: Uitgaven!P4294967280"),
        ),
        case(
            // A DIMENSIONS record that ends before it starts (calamine's subtraction overflows).
            "xls: a sheet whose cells end before they start",
            |p: &Path| xls_dimensions(p, 50, 10),
            |_| [wants("W001", "project/2025/bo/begroting.xls\n"), vec!["end before they start".into()]].concat(),
        ),
        case(
            "a zip bomb: a sheet that unpacks to 2 GB",
            |p: &Path| zip_bomb(p, 2),
            |_| [wants("W012", "project/2025/bo/begroting.xlsx\n"), vec!["unpacks to".into()]].concat(),
        ),
        // YAML.
        case("100,000 nested [", write(NOTA, "[".repeat(100_000).into_bytes()), |_| {
            vec!["error[L001]".into(), "--> project/beleidsnota.yaml:1:".into()]
        }),
        case(
            "100,000 nested mappings",
            write(BBT25, format!("a: {}1{}\n", "{a: ".repeat(100_000), "}".repeat(100_000)).into_bytes()),
            |_| vec!["error[L001]".into(), "--> project/2025/bo/bbt.yaml:1:".into()],
        ),
        case(
            "a key twice",
            |p: &Path| {
                apply(
                    p,
                    &[Edit::Replace(
                        NOTA,
                        "legislatuur: 2024-2029\n",
                        "legislatuur: 2024-2029\ntitel: Nog een titel\n",
                    )],
                )
            },
            |p| [wants("L001", &text_place(p, NOTA, "titel: Nog", 0)), vec!["`titel` appears twice".into()]].concat(),
        ),
        case(
            "a key twice in a nested mapping",
            |p: &Path| apply(p, &[Edit::Replace(BBT25, "  letter: V\n", "  letter: V\n  letter: W\n")]),
            |p| wants("L001", &text_place(p, BBT25, "letter: W", 0)),
        ),
        case(
            "bytes that are not UTF-8 in YAML",
            |p: &Path| {
                let text = std::fs::read(p.join(BBT25)).unwrap();
                let at = text.windows(9).position(|w| w == b"Vandenber").unwrap();
                let bytes = [&text[..at], b"\xE9\xFF", &text[at..]].concat();
                std::fs::write(p.join(BBT25), bytes).unwrap();
            },
            |_| {
                // The place of the first byte that is not UTF-8: where the sample has "Vandenber".
                let (line, column) = text_pos(&sample().join(BBT25), "Vandenber", 0);
                [wants("L001", &format!("project/{BBT25}:{line}:{column}")), vec!["not valid UTF-8".into()]].concat()
            },
        ),
        case(
            // libyaml refuses it with no place (line 1, column 1).
            "an ESC control character in YAML",
            |p: &Path| apply(p, &[Edit::Replace(BBT25, "Lies Vandenberghe", "Lies \u{1b}[2JVandenberghe")]),
            |p| {
                let place = text_place(p, BBT25, "\u{1b}", 0);
                assert!(place.ends_with(":10:14"), "{place}");
                [wants("L001", &place), vec!["the control character U+001B is not allowed".into()]].concat()
            },
        ),
        case(
            // YAML 1.1 parsers break lines there; editors do not.
            "NEL, U+2028 and U+2029 in a title before an error",
            |p: &Path| {
                apply(
                    p,
                    &[Edit::Replace(
                        BBT25,
                        "  titel: Vlaams minister van Binnenlands Bestuur,",
                        "  titel: \"Vlaams\u{85}minister\u{2028}van\u{2029}Binnenlands\u{85}Bestuur,\"\n  tietel: x\n  x:",
                    )],
                )
            },
            |p| [wants("L001", &text_place(p, BBT25, "tietel", 0)), vec!["unknown field `tietel`".into()]].concat(),
        ),
        case(
            "a second YAML document",
            |p: &Path| {
                let text = std::fs::read_to_string(p.join(BBT25)).unwrap();
                std::fs::write(p.join(BBT25), format!("{text}---\nbegrotingsjaar: 2099\n")).unwrap();
            },
            |p| {
                [
                    wants("L001", &text_place(p, BBT25, "---\nbegrotingsjaar: 2099", 0)),
                    vec!["a second YAML document".into()],
                ]
                .concat()
            },
        ),
        // Markdown.
        case(
            "bytes that are not UTF-8 in Markdown",
            |p: &Path| {
                let text = std::fs::read(p.join(TEXT)).unwrap();
                let at = text.windows(7).position(|w| w == b"tolken ").unwrap();
                let bytes = [&text[..at], b"caf\xE9 ", &text[at..]].concat();
                std::fs::write(p.join(TEXT), bytes).unwrap();
            },
            |_| {
                let (line, column) = text_pos(&sample().join(TEXT), "tolken ", 0);
                [wants("T001", &format!("project/{TEXT}:{line}:{}", column + 3)), vec!["not valid UTF-8".into()]]
                    .concat()
            },
        ),
        // Links out of the project.
        case(
            "a text that links out of the project",
            |p: &Path| {
                let outside = p.parent().unwrap().join("buiten.md");
                std::fs::write(&outside, "Geheim van buiten het project.\n").unwrap();
                std::fs::remove_file(p.join(TEXT)).unwrap();
                std::os::unix::fs::symlink(&outside, p.join(TEXT)).unwrap();
            },
            |_| [wants("L006", &format!("project/{TEXT}\n")), vec!["outside the project".into()]].concat(),
        ),
        case(
            "a workbook that links out of the project",
            |p: &Path| {
                let outside = p.parent().unwrap().join("buiten.xlsx");
                std::fs::rename(p.join(WB25), &outside).unwrap();
                std::os::unix::fs::symlink(&outside, p.join(WB25)).unwrap();
            },
            |_| wants("L006", "project/2025/bo/begroting.xlsx\n"),
        ),
        case(
            "a text folder that links out of the project",
            |p: &Path| {
                let outside = p.parent().unwrap().join("teksten");
                std::fs::rename(p.join("2025/bo/tekst"), &outside).unwrap();
                std::os::unix::fs::symlink(&outside, p.join("2025/bo/tekst")).unwrap();
            },
            |_| wants("L006", "project/2025/bo/tekst\n"),
        ),
        // Inputs that are present but not files: never silently left out.
        case(
            "a prestaties.yaml that is a folder",
            |p: &Path| {
                std::fs::remove_file(p.join(PRESTATIES)).unwrap();
                std::fs::create_dir(p.join(PRESTATIES)).unwrap();
            },
            |_| wants("L003", "project/2025/bo/prestaties.yaml\n"),
        ),
        case(
            "a prestaties.yaml that is a pipe",
            |p: &Path| fifo(&p.join(PRESTATIES)),
            |_| wants("L003", "project/2025/bo/prestaties.yaml\n"),
        ),
        case(
            "a workbook that is a pipe",
            |p: &Path| fifo(&p.join(WB25)),
            |_| wants("L003", "project/2025/bo/begroting.xlsx\n"),
        ),
        case(
            "a workbook that is a folder",
            |p: &Path| {
                std::fs::remove_file(p.join(WB25)).unwrap();
                std::fs::create_dir(p.join(WB25)).unwrap();
            },
            |_| wants("L003", "project/2025/bo/begroting.xlsx\n"),
        ),
        case("a text that is a pipe", |p: &Path| fifo(&p.join(TEXT)), |_| wants("T001", &format!("project/{TEXT}\n"))),
        case(
            "a tekst/ that is a file",
            |p: &Path| {
                std::fs::remove_dir_all(p.join("2025/bo/tekst")).unwrap();
                std::fs::write(p.join("2025/bo/tekst"), "geen map\n").unwrap();
            },
            |_| wants("T001", "project/2025/bo/tekst\n"),
        ),
        // The project id names the output files: a slug, checked at its line.
        case(
            "a project id that climbs out of the output folder",
            |p: &Path| replace_in(&p.join(NOTA), "id: samenleven\n", "id: ../escaped\n"),
            |p| wants("L002", &text_place(p, NOTA, "../escaped", 0)),
        ),
        case(
            "an absolute project id",
            |p: &Path| replace_in(&p.join(NOTA), "id: samenleven\n", "id: /tmp/bbt-escaped\n"),
            |p| wants("L002", &text_place(p, NOTA, "/tmp/bbt-escaped", 0)),
        ),
        case(
            "an empty project id",
            |p: &Path| replace_in(&p.join(NOTA), "id: samenleven\n", "id: \"\"\n"),
            |p| wants("L002", &text_place(p, NOTA, "\"\"", 0)),
        ),
        case(
            "a beleidsnota that links out of the project",
            |p: &Path| {
                let outside = p.parent().unwrap().join("nota.yaml");
                std::fs::rename(p.join(NOTA), &outside).unwrap();
                std::os::unix::fs::symlink(&outside, p.join(NOTA)).unwrap();
            },
            |_| wants("L006", "project/beleidsnota.yaml\n"),
        ),
    ]
}

/// Every bad input is refused with exit 1 at its file and place, in bounded
/// memory, leaving the previous PDF and the inputs as they were.
#[test]
fn bad_inputs_are_refused_at_their_place_and_change_nothing() {
    let mut failures = Vec::new();
    for case in cases() {
        let (tmp, project) = sample_copy();
        (case.setup)(&project);
        let wants = (case.wants)(&project);
        if let Err(why) = refused(tmp.path(), "project", &["--year", "2025"], 1, &wants) {
            failures.push(format!("{}: {why}", case.name));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n\n{}", failures.len(), cases().len(), failures.join("\n\n"));
}

/// Aliases that expand without end ("billion laughs") are refused at an
/// alias, quickly and in bounded memory.
#[test]
fn yaml_aliases_that_expand_without_end_are_refused_at_an_alias() {
    let (tmp, project) = sample_copy();
    alias_bomb(&project, 10);
    let err = refused(tmp.path(), "project", &["--year", "2025"], 1, &wants("L001", "project/2025/bo/bbt.yaml:"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(err.contains("the aliases expand to too many values"), "{err}");
    let (line, column) = reported_place(&err, "project/2025/bo/bbt.yaml").expect("a line and column");
    let text = std::fs::read_to_string(project.join(BBT25)).unwrap();
    let at = text.lines().nth(line - 1).unwrap().chars().nth(column - 1);
    assert_eq!(at, Some('*'), "the place is an alias: line {line}, column {column}");

    // An alias as a user may write one is fine.
    let (tmp, project) = sample_copy();
    let nota = std::fs::read_to_string(project.join(NOTA)).unwrap();
    let nota = nota.replacen("themas: [herkomst]", "themas: &herkomst [herkomst]", 1).replacen(
        "themas: [herkomst]",
        "themas: *herkomst",
        1,
    );
    assert!(nota.contains("*herkomst"));
    std::fs::write(project.join(NOTA), nota).unwrap();
    let out = run_limited(tmp.path(), &["check", "project", "--year", "2025"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// An alias of a large value referenced many times (a "byte bomb": 2 MB
/// times 1,000 is 2 GB for serde_yaml to copy) is refused at the alias past
/// the limit, quickly and in bounded memory.
#[test]
fn yaml_aliases_that_repeat_too_much_text_are_refused_at_an_alias() {
    let (tmp, project) = sample_copy();
    let mut bomb =
        format!("structuur:\n  - beleidsveld: bv-bom\n    ises:\n      - &groot \"{}\"\n", "lol ".repeat(500_000));
    for _ in 0..1000 {
        bomb.push_str("      - *groot\n");
    }
    let text = std::fs::read_to_string(project.join(BBT25)).unwrap();
    std::fs::write(project.join(BBT25), text.replacen("structuur:\n", &bomb, 1)).unwrap();
    let start = std::time::Instant::now();
    let err = refused(tmp.path(), "project", &["--year", "2025"], 1, &wants("L001", "project/2025/bo/bbt.yaml:"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(start.elapsed() < std::time::Duration::from_secs(30), "refused in {:?}", start.elapsed());
    assert!(err.contains("the aliases expand to more than 4 MiB of text"), "{err}");
    // At the third alias: the first two repeat 4,000,000 bytes.
    let (line, column) = reported_place(&err, "project/2025/bo/bbt.yaml").expect("a line and column");
    let (first, _) = text_pos(&project.join(BBT25), "*groot", 0);
    assert_eq!((line, column), (first + 2, 9), "{err}");
}

/// An empty text is what docs/rules.md says: in a draft a warning (S011)
/// naming the file, and the document renders and replaces the previous PDF
/// whole; in a filed document an error.
#[test]
fn an_empty_text_is_a_warning_and_the_document_renders() {
    let (tmp, project) = sample_copy();
    std::fs::write(project.join(TEXT), "").unwrap();
    let filed = run(tmp.path(), &["check", "project", "--year", "2025"]);
    assert_eq!(filed.status.code(), Some(1), "{}", stderr(&filed));
    assert!(stderr(&filed).contains("error[S011]: the text of OD 2.3 is empty"), "{}", stderr(&filed));
    let yaml = project.join(BBT25);
    let text = std::fs::read_to_string(&yaml).unwrap();
    let filed_on = text.lines().find(|l| l.starts_with("ingediend_op:")).unwrap().to_string();
    std::fs::write(&yaml, text.replace(&filed_on, "status: ontwerp\nontwerpdatum: 2024-09-01")).unwrap();
    let inputs = files(&project);
    let (out_dir, previous) = previous_output(tmp.path());
    let out = run(tmp.path(), &["render", "project", "--year", "2025", "-o", "uit"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains(&format!(
            "warning[S011]: the text of OD 2.3 is empty (headings and comments do not count)\n  --> project/{TEXT}\n"
        )),
        "{err}"
    );
    let now = files(&out_dir);
    assert_eq!(
        now.keys().collect::<Vec<_>>(),
        [
            Path::new("samenleven-2025-bo.csv"),
            Path::new("samenleven-2025-bo.datapackage.json"),
            Path::new("samenleven-2025-bo.paginas.json"),
            Path::new(PDF)
        ],
        "no temporary file is left"
    );
    assert!(now.get(Path::new(PDF)).is_some_and(|pdf| pdf != &previous && pdf.starts_with(b"%PDF-")));
    assert!(files(&project) == inputs, "an input file changed");
}

/// A UTF-8 byte order mark and Windows line ends (CRLF) in every YAML and
/// Markdown file are read as if they were not there: the same PDF, byte
/// for byte.
#[test]
fn a_bom_and_crlf_line_ends_render_the_same_pdf() {
    for (name, convert) in
        [("BOM", &with_bom as &dyn Fn(Vec<u8>) -> Vec<u8>), ("CRLF", &crlf), ("BOM and CRLF", &|b| with_bom(crlf(b)))]
    {
        let (tmp, project) = sample_copy();
        convert_texts(&project, convert);
        let out = run(tmp.path(), &["render", "project", "--year", "2025", "-o", "uit"]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert!(stderr(&out).contains("0 errors, 0 warnings"), "{name}: {}", stderr(&out));
        let pdf = std::fs::read(tmp.path().join("uit").join(PDF)).unwrap();
        assert!(pdf == std::fs::read(rendered_sample()).unwrap(), "{name}: the PDF differs from the sample's");
        // The next year, which reads this one as its previous document, too.
        let out = run(tmp.path(), &["check", "project", "--year", "2026"]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
    }
}

/// With BOMs and CRLF line ends, an error still points at its own line and
/// column, in YAML and in Markdown, and the render is refused.
#[test]
fn with_crlf_line_ends_errors_point_at_their_line() {
    let (tmp, project) = sample_copy();
    apply(
        &project,
        &[
            Edit::Replace(BBT25, "eenheid: duizend euro\n", "eenheid: duizend euro\neenhied: euro\n"),
            Edit::Replace(
                TEXT,
                "\n\nHet sociaal tolken",
                "\n\nZie {{ verwijzing(\"od-bestaat-niet\") }}.\n\nHet sociaal tolken",
            ),
        ],
    );
    let yaml_at = text_place(&project, BBT25, "eenhied", 0);
    let md_at = text_place(&project, TEXT, "verwijzing", 0);
    convert_texts(&project, &|b| with_bom(crlf(b)));
    let err = refused(tmp.path(), "project", &["--year", "2025"], 1, &wants("L001", &yaml_at))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(err.contains("unknown field `eenhied`"), "{err}");
    // The YAML error stops the load; without it the text's error is reported.
    std::fs::write(project.join(BBT25), with_bom(crlf(std::fs::read(sample().join(BBT25)).unwrap()))).unwrap();
    let err = refused(tmp.path(), "project", &["--year", "2025"], 1, &wants("T004", &md_at))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!err.contains('\r'), "the source line is shown without its CR: {err:?}");
}

/// A project in a folder whose path has spaces, a dash and accents renders
/// exactly the sample's PDF into a folder like it.
#[test]
fn paths_with_spaces_and_accents_render() {
    let tmp = tempfile::tempdir().unwrap();
    let parent = tmp.path().join("Mijn projecten");
    let project = parent.join("Gelijke kansen – ë");
    std::fs::create_dir_all(&parent).unwrap();
    let (_keep, copy) = sample_copy();
    std::fs::rename(&copy, &project).unwrap();
    let out = run(&parent, &["render", "Gelijke kansen – ë", "--year", "2025", "-o", "Uitvoer – é"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("wrote Uitvoer – é/samenleven-2025-bo.pdf"), "{}", stderr(&out));
    let pdf = std::fs::read(parent.join("Uitvoer – é").join(PDF)).unwrap();
    assert!(pdf == std::fs::read(rendered_sample()).unwrap(), "the PDF differs from the sample's");
    // An error there names the file by that path.
    std::fs::write(project.join(BBT25), "").unwrap();
    let out = run(&parent, &["check", "Gelijke kansen – ë", "--year", "2025"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--> Gelijke kansen – ë/2025/bo/bbt.yaml:1:1"), "{}", stderr(&out));
}

/// A link that stays inside the project is followed: texts may be shared
/// between folders of the project.
#[test]
fn a_link_inside_the_project_is_followed() {
    let (tmp, project) = sample_copy();
    std::fs::create_dir_all(project.join("gedeeld")).unwrap();
    std::fs::rename(project.join(TEXT), project.join("gedeeld/od-netwerk.md")).unwrap();
    std::os::unix::fs::symlink("../../../gedeeld/od-netwerk.md", project.join(TEXT)).unwrap();
    let out = run(tmp.path(), &["render", "project", "--year", "2025", "-o", "uit"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pdf = std::fs::read(tmp.path().join("uit").join(PDF)).unwrap();
    assert!(pdf == std::fs::read(rendered_sample()).unwrap(), "the PDF differs from the sample's");
}

/// An output folder that cannot be written: exit 2, the message names the
/// path, the previous PDF stays whole and no temporary file is left.
#[test]
fn an_output_folder_that_cannot_be_written_fails_with_exit_2() {
    // `-o` below a regular file: cannot be created, even by root.
    let (tmp, _project) = sample_copy();
    std::fs::write(tmp.path().join("bestand"), "geen map\n").unwrap();
    let out = run_limited(tmp.path(), &["render", "project", "--year", "2025", "-o", "bestand/uit"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("bestand/uit cannot be a folder: bestand is a file"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    assert_eq!(std::fs::read(tmp.path().join("bestand")).unwrap(), b"geen map\n");

    // A read-only folder (chmod 555) holding the previous PDF. Root writes
    // there all the same, so as root bbt runs as the user `nobody` (setpriv,
    // util-linux), for whom the mode holds.
    let (tmp, project) = sample_copy();
    let (out_dir, previous) = previous_output(tmp.path());
    let inputs = files(&project);
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&out_dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let root = std::fs::write(out_dir.join("probe"), "").is_ok();
    std::fs::remove_file(out_dir.join("probe")).ok();
    let mut cmd = if root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--", "prlimit", MEMORY_LIMIT, "--"]);
        c
    } else {
        let mut c = Command::new("prlimit");
        c.args([MEMORY_LIMIT, "--"]);
        c
    };
    let out = cmd
        .arg(env!("CARGO_BIN_EXE_bbt"))
        .env("BBT_LANG", "en")
        .args(["render", "project", "--year", "2025", "-o", "uit"])
        .env_remove("SOURCE_DATE_EPOCH")
        .current_dir(tmp.path())
        .output()
        .expect("setpriv and prlimit (util-linux) run");
    std::fs::set_permissions(&out_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("cannot write uit/samenleven-2025-bo.pdf"), "{err}");
    assert!(err.contains("permission denied"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    unchanged_output(&out_dir, &previous).unwrap_or_else(|e| panic!("{e}"));
    assert!(files(&project) == inputs, "an input file changed");
}

/// A folder of texts that exists but cannot be read is an error naming it,
/// not a PDF without narrative (issue 14). Root reads any folder, so as root
/// bbt runs as `nobody` (setpriv, util-linux).
#[test]
fn an_unreadable_folder_of_texts_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let (tmp, project) = sample_copy();
    let everyone = |p: &Path, mode| std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
    // `nobody` must reach the rest of the project.
    let mut dirs = vec![tmp.path().to_path_buf()];
    while let Some(d) = dirs.pop() {
        everyone(&d, 0o755);
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                dirs.push(e.path());
            } else {
                everyone(&e.path(), 0o644);
            }
        }
    }
    let tekst = project.join("2025/bo/tekst");
    everyone(&tekst, 0o000);
    let out = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(env!("CARGO_BIN_EXE_bbt"))
        .env("BBT_LANG", "en")
        .args(["check", "project", "--year", "2025"])
        .current_dir(tmp.path())
        .output()
        .expect("setpriv (util-linux) runs");
    everyone(&tekst, 0o755);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error[T001]: cannot read the folder of texts"), "{err}");
    assert!(err.contains("--> project/2025/bo/tekst\n"), "{err}");
}

/// `-o` into the project's own input folders is refused (exit 2) with a
/// message naming both, and nothing is written there; `output/` inside the
/// project stays allowed (issue 14).
#[test]
fn an_output_folder_among_the_inputs_is_refused() {
    let (tmp, project) = sample_copy();
    let inputs = files(&project);
    for out_dir in ["project", "project/2025/bo", "project/2025/bo/tekst", "project/2026/bo/nieuw"] {
        for cmd in [
            vec!["render", "project", "--year", "2025", "-o", out_dir],
            vec!["template", "project", "--year", "2026", "-o", out_dir],
            vec!["diff", "project/2025/bo", "project/2026/bo", "-o", out_dir],
        ] {
            let out = run_limited(tmp.path(), &cmd);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{cmd:?}: {err}");
            assert!(err.contains(&format!("the output folder {out_dir} ")), "{cmd:?}: {err}");
            assert!(err.contains("(project)"), "{cmd:?}: {err}");
            assert!(files(&project) == inputs, "{cmd:?} changed the project");
        }
    }
    let out = run_limited(&project, &["render", "--year", "2025"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(project.join("output/samenleven-2025-bo.pdf").is_file());
}
