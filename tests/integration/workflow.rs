//! Day-to-day work: watch, the workspace render, the diff as a PDF.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use crate::support::*;

/// What a render of the sample's 2025 document writes: the PDF and its open data.
const OUTPUTS: [&str; 4] = [
    "samenleven-2025-bo.pdf",
    "samenleven-2025-bo.csv",
    "samenleven-2025-bo.datapackage.json",
    "samenleven-2025-bo.paginas.json",
];

/// A running `bbt watch`, its stderr lines arriving on a channel.
struct Watch {
    child: Child,
    lines: Receiver<String>,
    seen: Vec<String>,
}

impl Watch {
    fn start(cwd: &Path, args: &[&str]) -> Watch {
        let mut child = bbt()
            .current_dir(cwd)
            .arg("watch")
            .args(args)
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("bbt watch starts");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Watch { child, lines, seen: Vec::new() }
    }

    /// Waits for a line containing `needle` (after those already seen).
    fn expect(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if line.contains(needle) {
                        return line;
                    }
                }
                Err(_) => break,
            }
        }
        let _ = self.child.kill();
        panic!("no line with {needle:?}; watch printed:\n{}", self.seen.join("\n"));
    }

    fn stop(mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        let killed = std::process::Command::new("kill").args(["-TERM", &pid]).status().expect("kill runs");
        assert!(killed.success());
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("watch did not stop on SIGTERM");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

#[test]
fn watch_rerenders_on_edits_and_survives_broken_inputs() {
    let (tmp, project) = sample_copy();
    let out = tmp.path().join("out");
    let mut w = Watch::start(tmp.path(), &["project", "-o", "out", "--year", "2025"]);
    w.expect("[watch] watching");
    w.expect("[watch] cycle 1: rendered");
    let pdf = out.join("samenleven-2025-bo.pdf");
    assert!(pdf.is_file());
    let text_file = project.join("2025/bo/tekst/inleiding.md");
    let before = std::fs::read(&pdf).unwrap();

    // An editor's lock and swap files start no cycle; an edit does.
    std::fs::write(project.join("2025/bo/.~lock.begroting.xlsx#"), "lock").unwrap();
    std::fs::write(project.join("2025/bo/tekst/.inleiding.md.swp"), "swap").unwrap();
    let mut text = std::fs::read_to_string(&text_file).unwrap();
    text.push_str("\nDe boomklever zingt in het Zoniënwoud.\n");
    std::fs::write(&text_file, &text).unwrap();
    let changed = w.expect("[watch] changed:");
    assert!(changed.contains("inleiding.md") && !changed.contains("lock") && !changed.contains("swp"), "{changed}");
    // After the first cycle, only what changed is printed.
    w.expect("[watch] 0 new diagnostics, 0 resolved, 0 unchanged");
    w.expect("[watch] cycle 2: rendered");
    assert_ne!(std::fs::read(&pdf).unwrap(), before);
    assert!(pdftotext_layout(&pdf).contains("De boomklever zingt"), "the new sentence is in the PDF");

    // A YAML syntax error is reported at its place and waited out.
    let document = project.join("2025/bo/bbt.yaml");
    let good = std::fs::read_to_string(&document).unwrap();
    std::fs::write(&document, format!("{good}\nstuk: [\n")).unwrap();
    w.expect("error[L001]");
    let place = w.expect("-->");
    assert!(place.contains("bbt.yaml:"), "{place}");
    w.expect("[watch] 1 new diagnostic, 0 resolved, 0 unchanged");
    w.expect("[watch] cycle 3: not rendered");
    let kept = std::fs::read(&pdf).unwrap();

    // A half-saved workbook too.
    let workbook = project.join("2025/bo/begroting.xlsx");
    let full = std::fs::read(&workbook).unwrap();
    std::fs::write(&workbook, &full[..full.len() / 2]).unwrap();
    w.expect("[watch] cycle 4: not rendered");
    assert_eq!(std::fs::read(&pdf).unwrap(), kept, "a broken state leaves the last PDF as it was");

    // Fixed: a PDF again.
    std::fs::write(&workbook, &full).unwrap();
    std::fs::write(&document, &good).unwrap();
    w.expect("rendered");
    assert!(pdftotext_layout(&pdf).contains("De boomklever zingt"));
    let status = w.stop();
    assert_eq!(status.code(), Some(0), "watch ends cleanly on SIGTERM");
    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !OUTPUTS.contains(&n.as_str()))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files: {leftovers:?}");
}

/// A file whose name holds control sequences and a newline shows escaped in
/// the watch's `changed:` line and in the diagnostics that name it: it
/// cannot act on the terminal or forge a line.
#[test]
fn watch_shows_hostile_file_names_escaped() {
    let (tmp, project) = sample_copy();
    let mut w = Watch::start(tmp.path(), &["project", "-o", "out", "--year", "2025"]);
    w.expect("[watch] cycle 1: rendered");
    let name = "los\u{1b}[2J\u{1b}]0;pwned\u{7}\u{202e}\nwrote nep.pdf (1 pages; 0 errors, 0 warnings).md";
    std::fs::write(project.join("2025/bo/tekst").join(name), "Een tekst van niemand.\n").unwrap();
    let shown = "los\\u{1b}[2J\\u{1b}]0;pwned\\u{7}\\u{202e}\\nwrote nep.pdf (1 pages; 0 errors, 0 warnings).md";
    let changed = w.expect("[watch] changed:");
    assert!(changed.contains(shown), "{changed}");
    w.expect("warning[S012]");
    w.expect("[watch] cycle 2: rendered");
    for line in &w.seen {
        assert!(!line.chars().any(|c| c.is_control() || c == '\u{202e}'), "a raw control character: {line:?}");
        assert!(!line.starts_with("wrote nep.pdf"), "a forged line: {:?}", w.seen);
    }
    assert_eq!(w.stop().code(), Some(0));
}

#[test]
fn watch_refuses_a_folder_that_is_no_project() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(tmp.path(), &["watch", "nergens"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nergens is not a project folder"), "{}", stderr(&out));
}

/// Gives the project of the beleidsnota `bn` the id `id`.
fn set_id(bn: &Path, id: &str) {
    let text = std::fs::read_to_string(bn).unwrap();
    let text: Vec<String> =
        text.lines().map(|l| if l.starts_with("id: ") { format!("id: {id}") } else { l.to_string() }).collect();
    std::fs::write(bn, text.join("\n") + "\n").unwrap();
}

/// Three copies of the sample as a workspace, with their own ids; `broken`
/// has a YAML error.
fn workspace(broken: &str) -> tempfile::TempDir {
    let (tmp, project) = sample_copy();
    let ws = tmp.path().join("werkruimte");
    std::fs::create_dir(&ws).unwrap();
    for name in ["welzijn", "omgeving", "onderwijs"] {
        let dst = ws.join(name);
        std::fs::rename(&project, &dst).unwrap_or_else(|_| panic!("move to {name}"));
        let bn = dst.join("beleidsnota.yaml");
        set_id(&bn, name);
        // The next copy.
        copy_dir(&dst, &project);
    }
    let doc = ws.join(broken).join("2026/bo/bbt.yaml");
    let text = std::fs::read_to_string(&doc).unwrap();
    std::fs::write(&doc, format!("{text}\nstuk: [\n")).unwrap();
    tmp
}

#[test]
fn a_workspace_renders_every_good_project_and_reports_the_broken_one() {
    let tmp = workspace("omgeving");
    let out = run(tmp.path(), &["render", "werkruimte", "-o", "out", "--jobs", "2"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("werkruimte/omgeving/2026/bo/bbt.yaml:"), "the broken file is named: {err}");
    let mut pdfs: Vec<String> = std::fs::read_dir(tmp.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into())
        .collect();
    pdfs.sort();
    assert_eq!(
        pdfs,
        [
            "onderwijs-2026-bo.csv",
            "onderwijs-2026-bo.datapackage.json",
            "onderwijs-2026-bo.paginas.json",
            "onderwijs-2026-bo.pdf",
            "welzijn-2026-bo.csv",
            "welzijn-2026-bo.datapackage.json",
            "welzijn-2026-bo.paginas.json",
            "welzijn-2026-bo.pdf"
        ]
    );
    // The summary table: one row per project, in order.
    let rows: Vec<Vec<&str>> = err
        .lines()
        .skip_while(|l| !l.starts_with("folder"))
        .skip(1)
        .take(3)
        .map(|l| l.split_whitespace().collect())
        .collect();
    // Folder, document, pages, errors, warnings, notes: counted as each summary line counts.
    assert_eq!(rows[0][..7], ["werkruimte/omgeving", "BO", "2026", "-", "1", "0", "0"], "{err}");
    assert_eq!(rows[1][..7], ["werkruimte/onderwijs", "BO", "2026", "22", "0", "0", "0"], "{err}");
    assert_eq!(rows[2][..7], ["werkruimte/welzijn", "BO", "2026", "22", "0", "0", "0"], "{err}");
    assert!(err.contains("2 of 3 rendered, 44 pages"), "{err}");

    // The same projects from a list file, relative to the file.
    std::fs::write(tmp.path().join("lijst.txt"), "# twee ministers\nwerkruimte/welzijn\nwerkruimte/onderwijs\n")
        .unwrap();
    let out = run(tmp.path(), &["render", "lijst.txt", "-o", "out2"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(tmp.path().join("out2/welzijn-2026-bo.pdf").is_file());
    assert!(tmp.path().join("out2/onderwijs-2026-bo.pdf").is_file());
}

#[test]
fn two_projects_with_one_id_do_not_overwrite_each_other() {
    let tmp = workspace("omgeving");
    let ws = tmp.path().join("werkruimte");
    std::fs::remove_dir_all(ws.join("omgeving")).unwrap();
    set_id(&ws.join("onderwijs/beleidsnota.yaml"), "welzijn");
    let out = run(tmp.path(), &["render", "werkruimte", "-o", "out"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("would write out/welzijn-2026-bo.pdf, as"), "{err}");
    assert!(err.contains("error[L007]"), "the render names the rule too: {err}");

    // `bbt check` of the workspace says so before a render, at the id of the
    // second project, with the first one's as related place.
    let out = run(tmp.path(), &["check", "werkruimte", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_schema_valid(&json);
    let l007: Vec<&serde_json::Value> = json.as_array().unwrap().iter().filter(|d| d["code"] == "L007").collect();
    assert_eq!(l007.len(), 1, "{json:#}");
    assert_eq!(
        (&l007[0]["file"], &l007[0]["line"], &l007[0]["column"]),
        (&"werkruimte/welzijn/beleidsnota.yaml".into(), &4.into(), &5.into()),
        "{json:#}"
    );
    assert_eq!(json.as_array().unwrap().len(), 1, "nothing else: {json:#}");
    let dutch = run_nl(tmp.path(), &["check", "werkruimte"]);
    insta::assert_snapshot!("L007_same_project_id_nl", stderr(&dutch));

    // The same folder listed twice is one project, not two with one id.
    std::fs::write(tmp.path().join("lijst.txt"), "werkruimte/welzijn\nwerkruimte/./welzijn\n").unwrap();
    let out = run(tmp.path(), &["check", "lijst.txt", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn diff_writes_its_report_as_a_pdf() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(&sample(), &["diff", "2025/bo", "2026/bo", "-o", tmp.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pdf = tmp.path().join("verschillen-samenleven-2025-bo-2026-bo.pdf");
    let text = pdftotext_layout(&pdf);
    for expected in [
        "Verschillen BBT 2025 (BO) – BBT 2026 (BO)",
        "ise-antidiscriminatie",
        "od-netwerk",
        "SB0-1SGE2CA-WT (was SB0-1SGE2BB-WT)",
        "SG-C",
    ] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
    // Revenue has no VAK/VEK split: its amount under VAK, its VEK cells empty.
    let revenue: Vec<&str> = text
        .lines()
        .find(|l| l.trim_start().starts_with("SB0-0SGE2BA-WT"))
        .expect("the revenue article's row")
        .split_whitespace()
        .collect();
    assert_eq!(revenue, ["SB0-0SGE2BA-WT", "120", "100", "-20"]);
    let qpdf = std::process::Command::new("qpdf").arg("--check").arg(&pdf).output().expect("qpdf runs");
    assert!(qpdf.status.success(), "{}", String::from_utf8_lossy(&qpdf.stdout));
}

#[test]
fn an_interrupted_render_leaves_the_previous_pdf_whole_and_no_temporary() {
    let (tmp, _project) = sample_copy();
    let out = tmp.path().join("out");
    let first = run(tmp.path(), &["render", "project", "-o", "out", "--year", "2025"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let pdf = out.join("samenleven-2025-bo.pdf");
    let previous = std::fs::read(&pdf).unwrap();
    // Change the document so that a finished render writes other bytes.
    let text_file = tmp.path().join("project/2025/bo/tekst/inleiding.md");
    let mut text = std::fs::read_to_string(&text_file).unwrap();
    text.push_str("\nEen zin die de PDF verandert.\n");
    std::fs::write(&text_file, text).unwrap();
    let mut interrupted = 0;
    for (i, delay) in [0u64, 20, 40, 60, 80, 100, 130, 160, 200, 250].into_iter().enumerate() {
        let signal = if i % 2 == 0 { "-INT" } else { "-TERM" };
        let mut child = bbt()
            .current_dir(tmp.path())
            .args(["render", "project", "-o", "out", "--year", "2025"])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = std::process::Command::new("kill").args([signal, &child.id().to_string()]).status();
        let status = child.wait().unwrap();
        let now = std::fs::read(&pdf).unwrap();
        match status.code() {
            Some(130) => {
                interrupted += 1;
                assert!(now == previous || qpdf_ok(&pdf), "an interrupted render left a whole PDF");
            }
            Some(0) => assert!(qpdf_ok(&pdf)),
            // Killed before the handler was installed: nothing was written yet.
            None => assert_eq!(now, previous),
            other => panic!("exit {other:?} after {signal} at {delay} ms"),
        }
        let names: Vec<String> =
            std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
        assert!(
            names.iter().all(|n| OUTPUTS.contains(&n.as_str())),
            "no temporary after {signal} at {delay} ms: {names:?}"
        );
        std::fs::write(&pdf, &previous).unwrap();
    }
    assert!(interrupted > 0, "at least one render was interrupted");
}

fn qpdf_ok(pdf: &Path) -> bool {
    std::process::Command::new("qpdf").arg("--check").arg(pdf).output().map(|o| o.status.success()).unwrap_or(false)
}

#[test]
fn a_reader_that_stops_early_is_no_crash() {
    for args in [&["completions", "bash"][..], &["man"], &["explain", "error[B003]"]] {
        let mut child = bbt().args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        // The reader is gone before bbt writes (as with `| head -0`); bbt must end quietly.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{args:?}: {}", stderr(&out));
    }
}
