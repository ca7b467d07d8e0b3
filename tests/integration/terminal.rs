//! What bbt prints: a standard error or output that cannot be written (a
//! full disk, a closed pipe) is exit 2 at the end, never a panic, and
//! nothing from the inputs reaches the terminal as a control sequence or a
//! line of its own.

use std::fs::{File, OpenOptions};
use std::path::Path;
use std::process::{Output, Stdio};

use crate::support::*;

const PDF: &str = "samenleven-2025-bo.pdf";

fn dev_full() -> File {
    OpenOptions::new().write(true).open("/dev/full").expect("/dev/full")
}

/// The write end of a pipe whose read end is closed: every write fails
/// (EPIPE), as with `bbt check 2>&1 | head -c0`.
fn closed_pipe() -> std::io::PipeWriter {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    writer
}

/// Runs bbt in `cwd` with `args` and the given stdout and stderr.
fn run_with(cwd: &Path, args: &[&str], stdout: Stdio, stderr: Stdio) -> Output {
    bbt().current_dir(cwd).args(args).stdout(stdout).stderr(stderr).output().expect("bbt runs")
}

/// Where a stream goes in a case.
#[derive(Clone, Copy, Debug)]
enum To {
    Full,
    ClosedPipe,
    Captured,
}

fn stdio(to: To) -> Stdio {
    match to {
        To::Full => dev_full().into(),
        To::ClosedPipe => closed_pipe().into(),
        To::Captured => Stdio::piped(),
    }
}

/// A standard error or output that cannot be written ends the run with
/// exit 2 (the highest code wins), never with a panic (101); a reader that
/// closes stdout early is no error.
#[test]
fn a_stream_that_cannot_be_written_is_exit_2_never_a_panic() {
    let (tmp, project) = sample_copy();
    let broken = tmp.path().join("kapot");
    copy_dir(&project, &broken);
    std::fs::write(broken.join("2025/bo/bbt.yaml"), "").unwrap();
    let sample = project.to_string_lossy().into_owned();
    let broken = broken.to_string_lossy().into_owned();
    // (args, stdout, stderr, exit code)
    let cases: Vec<(Vec<&str>, To, To, i32)> = vec![
        (vec!["check", &sample, "--year", "2025"], To::Captured, To::Full, 2),
        (vec!["check", &sample, "--year", "2025"], To::Captured, To::ClosedPipe, 2),
        (vec!["check", &sample, "--year", "2025"], To::ClosedPipe, To::ClosedPipe, 2),
        (vec!["check", &broken, "--year", "2025"], To::Captured, To::Full, 2),
        (vec!["check", &sample, &broken, "--year", "2025", "--timings"], To::Captured, To::Full, 2),
        (vec!["check", &sample, "--year", "2025", "--format", "json"], To::Full, To::Captured, 2),
        (vec!["check", &broken, "--year", "2025", "--format", "json"], To::Full, To::Captured, 2),
        (vec!["check", &sample, "--year", "2025", "--format", "json"], To::Full, To::Full, 2),
        (vec!["explain", "L001"], To::Full, To::Captured, 2),
        (vec!["explain", "X999"], To::Captured, To::Full, 2),
        (vec!["man"], To::Full, To::Captured, 2),
        (vec!["completions", "bash"], To::Full, To::Captured, 2),
        (vec!["--help"], To::Full, To::Captured, 2),
        (vec!["--version"], To::Full, To::Captured, 2),
        (vec!["check", "--no-such-option"], To::Captured, To::Full, 2),
        (vec!["template", &sample, "-o", "uit"], To::Captured, To::Full, 2),
        (vec!["init", "nieuw"], To::Captured, To::ClosedPipe, 2),
        // Writes that succeed, and a reader that stops early, are not failures.
        (vec!["check", &sample, "--year", "2025"], To::Captured, To::Captured, 0),
        (vec!["explain", "L001"], To::ClosedPipe, To::Captured, 0),
        (vec!["check", &broken, "--year", "2025"], To::Captured, To::Captured, 1),
    ];
    let mut failures = Vec::new();
    for (args, out, err, code) in &cases {
        let run = run_with(tmp.path(), args, stdio(*out), stdio(*err));
        let messages = stderr(&run);
        if run.status.code() != Some(*code) || messages.contains("panicked") {
            failures.push(format!(
                "{args:?} (stdout {out:?}, stderr {err:?}): exit {:?}, not {code}\n{messages}",
                run.status.code()
            ));
        }
        if matches!(out, To::Full)
            && matches!(err, To::Captured)
            && !messages.contains("error: cannot write to standard output")
        {
            failures.push(format!("{args:?}: the lost output is not reported:\n{messages}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A render whose messages cannot be written still writes its PDF, keeps
/// it, and ends with exit 2.
#[test]
fn a_render_with_stderr_on_a_full_disk_keeps_its_pdf_and_exits_2() {
    let (tmp, _project) = sample_copy();
    for err in [To::Full, To::ClosedPipe] {
        let out_dir = tmp.path().join(format!("uit-{err:?}"));
        let run = run_with(
            tmp.path(),
            &["render", "project", "--year", "2025", "-o", &out_dir.to_string_lossy(), "--timings"],
            Stdio::null(),
            stdio(err),
        );
        assert_eq!(run.status.code(), Some(2), "{err:?}");
        let pdf = std::fs::read(out_dir.join(PDF)).unwrap_or_else(|e| panic!("{err:?}: no PDF: {e}"));
        assert!(pdf == std::fs::read(rendered_sample()).unwrap(), "{err:?}: the PDF is the sample's");
    }
}

/// The characters no line bbt prints may hold: control characters but the
/// newline ending a line (and tabs), and the bidirectional overrides.
fn unsafe_chars(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

/// Control sequences that would clear the screen, set the window title and
/// colour a forged summary, and the newline that would start a forged line.
const HOSTILE: &str = "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{1b}[32m\u{202e}";
const FORGED: &str = "wrote nep.pdf (1 pages; 0 errors, 0 warnings)";

fn assert_nothing_forged(messages: &str, context: &str) {
    assert!(
        unsafe_chars(messages).is_empty(),
        "{context}: raw control characters {:?} in:\n{messages:?}",
        unsafe_chars(messages)
    );
    assert!(
        !messages.lines().any(|l| l.starts_with("wrote nep.pdf") || l.starts_with("0 errors")),
        "{context}: a forged line in:\n{messages}"
    );
}

/// ESC sequences and newlines in a Markdown line, a YAML title, a file or
/// folder name reach the terminal escaped (`\u{1b}`, `\n`), the caret still
/// under its place in the source line.
#[test]
fn input_text_reaches_the_terminal_escaped() {
    let (tmp, project) = sample_copy();
    let text = "2025/bo/tekst/od-netwerk.md";
    apply(
        &project,
        &[
            // A Markdown line with control sequences before an error.
            Edit::Replace(
                text,
                "\n\nHet sociaal tolken",
                "\n\n\u{1b}[2J\u{1b}]0;pwned\u{7}\u{202e}Zie {{ verwijzing(\"od-bestaat-niet\") }}.\n\nHet sociaal tolken",
            ),
            // A title with a newline, an ESC and a forged line (YAML's "\e" and "\n").
            Edit::Replace(
                "2025/bo/bbt.yaml",
                "      - sd: sd-samenleven\n",
                "      - sd: sd-samenleven\n        titel: \"Samen\\e[2J\\nwrote nep.pdf (1 pages; 0 errors, 0 warnings)\"\n",
            ),
        ],
    );
    // A folder name with the same, and a file in it with a newline.
    let hostile_dir = format!("project{HOSTILE}\n{FORGED}");
    std::fs::rename(&project, tmp.path().join(&hostile_dir)).unwrap();
    let project = tmp.path().join(&hostile_dir);
    std::fs::write(project.join(format!("2025/bo/tekst/los{HOSTILE}\n{FORGED}.md")), "Een tekst van niemand.\n")
        .unwrap();

    let run = run_with(tmp.path(), &["check", &hostile_dir, "--year", "2025"], Stdio::null(), Stdio::piped());
    let messages = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{messages}");
    assert_nothing_forged(&messages, "check");
    let shown_dir =
        "project\\u{1b}[2J\\u{1b}]0;pwned\\u{7}\\u{1b}[32m\\u{202e}\\nwrote nep.pdf (1 pages; 0 errors, 0 warnings)";
    for want in [
        format!("--> {shown_dir}/2025/bo/tekst/od-netwerk.md:"),
        format!("--> {shown_dir}/2025/bo/bbt.yaml:"),
        "Samen\\u{1b}[2J\\nwrote nep.pdf".to_string(),
        format!("los\\u{{1b}}[2J\\u{{1b}}]0;pwned\\u{{7}}\\u{{1b}}[32m\\u{{202e}}\\n{FORGED}.md"),
        format!("BBT 2025 (BO) in {shown_dir}: "),
    ] {
        assert!(messages.contains(&want), "no {want:?} in:\n{messages}");
    }
    // The caret stands under the place named, in the escaped source line.
    let md_at = messages.find(&format!("--> {shown_dir}/2025/bo/tekst/od-netwerk.md:")).unwrap();
    let mut block = messages[md_at..].lines();
    let place = block.next().unwrap();
    let column: usize = place.rsplit(':').next().unwrap().parse().unwrap();
    let (_, source, caret) = (block.next().unwrap(), block.next().unwrap(), block.next().unwrap());
    let source = source.split_once(" | ").unwrap().1;
    let caret = caret.split_once(" | ").unwrap().1;
    assert!(source.starts_with("\\u{1b}[2J\\u{1b}]0;pwned\\u{7}\\u{202e}Zie "), "{source}");
    let original = std::fs::read_to_string(project.join(text)).unwrap();
    let line = original.lines().find(|l| l.contains("verwijzing")).unwrap();
    let wanted = line.chars().nth(column - 1).unwrap();
    // Under the character itself, or under the first of its escaped form.
    let shown = bbt::diag::escape(&wanted.to_string()).into_owned();
    assert!(source[caret.len() - 1..].starts_with(&shown), "caret {caret:?} under {source:?}, want {shown:?}");

    // The same names in a render's own lines: "wrote …" and its summary.
    let (tmp, _project) = sample_copy();
    let out_dir = format!("uit{HOSTILE}\n{FORGED}");
    let run =
        run_with(tmp.path(), &["render", "project", "--year", "2025", "-o", &out_dir], Stdio::null(), Stdio::piped());
    let messages = stderr(&run);
    assert_eq!(run.status.code(), Some(0), "{messages}");
    assert_nothing_forged(&messages, "render");
    assert!(tmp.path().join(&out_dir).join(PDF).is_file());
    // The PDF, then the open data beside it.
    assert_eq!(messages.lines().filter(|l| l.starts_with("wrote ")).count(), 2, "{messages}");
}

/// A workspace whose project folders have hostile names: the progress
/// lines, the errors and the summary table show them escaped.
#[test]
fn a_workspace_table_shows_hostile_names_escaped() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("werkruimte");
    // Two projects (one would be rendered alone, with no table), both broken.
    for name in [format!("kapot{HOSTILE}\n{FORGED}"), "b".to_string()] {
        std::fs::create_dir_all(ws.join(&name)).unwrap();
        std::fs::write(ws.join(&name).join("beleidsnota.yaml"), "").unwrap();
    }
    let run = run_with(tmp.path(), &["render", "werkruimte", "-o", "uit"], Stdio::null(), Stdio::piped());
    let messages = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{messages}");
    assert_nothing_forged(&messages, "workspace");
    assert!(messages.contains("werkruimte/kapot\\u{1b}[2J"), "{messages}");
    let table = messages.lines().skip_while(|l| !l.starts_with("folder ")).collect::<Vec<_>>();
    assert!(table.iter().any(|l| l.starts_with("werkruimte/kapot\\u{1b}[2J")), "{messages}");

    // An argument clap refuses is quoted escaped.
    let run = run_with(tmp.path(), &["check", &format!("--x{HOSTILE}\n{FORGED}")], Stdio::null(), Stdio::piped());
    let messages = stderr(&run);
    assert_eq!(run.status.code(), Some(2), "{messages}");
    assert_nothing_forged(&messages, "usage");
    assert!(messages.contains("--x\\u{1b}[2J"), "{messages}");

    // `bbt init` names the files it created.
    let dir = format!("nieuw{HOSTILE}\n{FORGED}");
    let run = run_with(tmp.path(), &["init", &dir], Stdio::null(), Stdio::piped());
    let messages = stderr(&run);
    assert_eq!(run.status.code(), Some(0), "{messages}");
    assert_nothing_forged(&messages, "init");
    assert!(
        messages.lines().all(|l| !l.starts_with("created ") || l.starts_with("created nieuw\\u{1b}[2J")),
        "{messages}"
    );
}
