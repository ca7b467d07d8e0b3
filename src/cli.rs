//! The command line: every clap type in one place. Doc comments are the help text.

use std::path::PathBuf;

use bbt::model::Fase;
use clap::{Args, Parser, Subcommand, ValueEnum};

/// The arguments with every `--lang X` / `--lang=X` moved to the end (before
/// a `--`). `bbt` without a command renders, so an argument before the
/// command would make clap read the command as a project folder
/// (`args_conflicts_with_subcommands`, which global arguments are not exempt
/// from); `--lang` is global, so at the end it holds for any command.
pub fn lang_last(args: impl IntoIterator<Item = std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let mut rest = Vec::new();
    let mut lang = Vec::new();
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        if a == "--" {
            rest.push(a);
            rest.extend(it.by_ref());
            break;
        }
        if a == "--lang" {
            lang.push(a);
            lang.extend(it.next());
        } else if a.to_str().is_some_and(|s| s.starts_with("--lang=")) {
            lang.push(a);
        } else {
            rest.push(a);
        }
    }
    match rest.iter().position(|a| a == "--") {
        Some(i) => {
            rest.splice(i..i, lang);
        }
        None => rest.extend(lang),
    }
    rest
}

/// A phase as its folder is named: bo, ba1, ba2 or bu (a usage error, exit 2, otherwise).
fn parse_phase(s: &str) -> Result<Fase, String> {
    Fase::parse_folder(s).ok_or_else(|| "use bo, ba1, ba2 or bu".to_string())
}

/// Checks and renders the beleids- en begrotingstoelichting (BBT).
///
/// With no command, renders the project in the current folder (or the bundled
/// sample in ./inputs) to output/.
///
/// Exit codes: 0 ok (warnings allowed), 1 the inputs are invalid, 2 usage,
/// IO or internal failure, 130 interrupted; with several projects, the highest.
#[derive(Debug, Parser)]
#[command(name = "bbt", version, about, long_about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// With no command: the arguments of `render`.
    #[command(flatten)]
    pub render: RenderArgs,
    /// The language of bbt's messages: nl (the default) or en; also set by
    /// BBT_LANG. The PDF is Dutch either way.
    #[arg(long, global = true, value_name = "TAAL", value_parser = ["nl", "en"])]
    pub lang: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a document, then render it to PDF in the output folder; given a
    /// workspace (a folder of projects, or a file listing them), render every
    /// project's document in parallel.
    Render(RenderArgs),
    /// Check and render, then again whenever an input or template changes,
    /// until stopped with Ctrl-C. Broken intermediate states are reported and
    /// waited out.
    Watch(WatchArgs),
    /// Check a document: its structure against the beleidsnota, its figures.
    Check(CheckArgs),
    /// Write a blank budget workbook for a year, structured from the project,
    /// to be filled in and saved as <jaar>/<fase>/begroting.xlsx.
    Template(TemplateArgs),
    /// Create a new project in DIR that checks clean and renders at once;
    /// with --next, add the next year's BO document to the project DIR.
    Init {
        /// The new project's folder (must not exist or be empty), or with
        /// --next the existing project (default: the current folder if it
        /// holds a beleidsnota.yaml, else ./inputs).
        #[arg(required_unless_present = "next")]
        dir: Option<PathBuf>,
        /// Add <latest year + 1>/bo/ to the project: structure and texts
        /// carried over, a blank workbook (BA t-1 from a BA document, never BO t-1).
        #[arg(long)]
        next: bool,
        /// The budget year of the first document.
        #[arg(long, short = 'y', default_value_t = 2026)]
        year: i32,
    },
    /// Show what changed between two documents (two <jaar>/<fase> folders):
    /// the structure, and the figures per article and ISE. Exits 0 whether
    /// or not they differ.
    Diff {
        /// The older document's folder, e.g. inputs/2025/bo.
        old: PathBuf,
        /// The newer document's folder, e.g. inputs/2026/bo.
        new: PathBuf,
        /// Also write the report as a PDF into this folder, named
        /// verschillen-<project>-<jaar>-<fase>-<jaar>-<fase>.pdf.
        #[arg(long, short = 'o', value_name = "DIR")]
        output: Option<PathBuf>,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `bbt man > bbt.1`.
    Man,
    /// Print the documentation of a diagnostic code (e.g. `bbt explain B003`).
    Explain {
        /// The code, as printed in brackets: error[B003].
        code: String,
    },
}

/// Which document of a project, and how to report.
#[derive(Debug, Args, Clone)]
pub struct DocumentArgs {
    /// The budget year. Default: the latest year present.
    #[arg(long, short = 'y')]
    pub year: Option<i32>,
    /// The phase: bo, ba1, ba2 or bu.
    #[arg(long, short = 'p', default_value = "bo", value_parser = parse_phase)]
    pub phase: Fase,
    /// The previous document to compare with (a <jaar>/<fase> folder).
    /// Default: found by the project layout (BA of the year before, else its BO).
    #[arg(long, value_name = "DIR")]
    pub previous: Option<PathBuf>,
    /// How to print diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Print the time each stage took.
    #[arg(long)]
    pub timings: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Like rustc: message, place, source line, help.
    Human,
    /// A JSON array on stdout (schema: docs/diagnostics.schema.json).
    Json,
}

#[derive(Debug, Args, Clone)]
pub struct CheckArgs {
    /// Project folders (each holding beleidsnota.yaml), workspace folders or
    /// workspace files, as for `render`. Default: the current folder if it
    /// holds a beleidsnota.yaml, else ./inputs. With several projects, the
    /// compensaties are also checked to net to zero over all of them.
    pub projects: Vec<PathBuf>,
    #[command(flatten)]
    pub doc: DocumentArgs,
}

#[derive(Debug, Args, Clone)]
pub struct RenderArgs {
    /// Project folders (each holding beleidsnota.yaml), workspace folders
    /// (whose subfolders are projects) or workspace files (one project folder
    /// per line). Default: the current folder if it holds a beleidsnota.yaml,
    /// else ./inputs.
    #[arg(value_name = "PROJECT")]
    pub projects: Vec<PathBuf>,
    /// How many projects to render at once. Default: one per core.
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    #[command(flatten)]
    pub opts: RenderFlags,
}

#[derive(Debug, Args, Clone)]
pub struct WatchArgs {
    /// The project folder. Default: the current folder if it holds a
    /// beleidsnota.yaml, else ./inputs.
    pub project: Option<PathBuf>,
    #[command(flatten)]
    pub opts: RenderFlags,
}

/// How to render, for `render` and `watch`.
#[derive(Debug, Args, Clone)]
pub struct RenderFlags {
    #[command(flatten)]
    pub doc: DocumentArgs,
    /// The output folder; the PDF is named <project>-<jaar>-<fase>.pdf.
    #[arg(long, short = 'o', default_value = "output")]
    pub output: PathBuf,
    /// Use the templates in this folder instead of the bundled ones
    /// (a copy of templates/ to restyle; see docs/templates.md).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// The PDF standards to meet, comma-separated: a-2a, a-2b, a-2u, a-3a,
    /// a-3b, a-3u, a-1a, a-1b, ua-1, 1.7, 2.0, ... Default: a-2a,ua-1
    /// (a-3a,ua-1 with --attach).
    #[arg(long, value_delimiter = ',')]
    pub pdf_standard: Option<Vec<String>>,
    /// Attach the source workbook and a JSON export of every figure to the
    /// PDF (PDF/A-3), so that readers can verify the numbers.
    #[arg(long)]
    pub attach: bool,
    /// Also write the generated Typst source, the templates, the fonts and the
    /// exact `typst compile` command into <DIR>/<name>-typ/.
    #[arg(long)]
    pub emit_typ: bool,
}

#[derive(Debug, Args, Clone)]
pub struct TemplateArgs {
    /// The project folder. Default: the current folder if it holds a
    /// beleidsnota.yaml, else ./inputs.
    pub project: Option<PathBuf>,
    /// The budget year of the workbook. Default: the year after the latest document.
    #[arg(long, short = 'y')]
    pub year: Option<i32>,
    /// The phase: bo, ba1, ba2 or bu.
    #[arg(long, short = 'p', default_value = "bo", value_parser = parse_phase)]
    pub phase: Fase,
    /// The output folder; the file is named begroting-<jaar>-<fase>.xlsx.
    #[arg(long, short = 'o', default_value = "output")]
    pub output: PathBuf,
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;

    use clap::Parser;

    use super::{Cli, Command, lang_last};

    fn parse(args: &[&str]) -> Cli {
        Cli::try_parse_from(lang_last(args.iter().map(OsString::from))).expect("parses")
    }

    #[test]
    fn lang_may_stand_before_or_after_the_command() {
        for args in [
            &["bbt", "--lang", "en", "check", "p"][..],
            &["bbt", "--lang=en", "check", "p"],
            &["bbt", "check", "p", "--lang", "en"],
            &["bbt", "check", "--lang", "en", "p"],
        ] {
            let cli = parse(args);
            assert_eq!(cli.lang.as_deref(), Some("en"), "{args:?}");
            assert!(
                matches!(&cli.command, Some(Command::Check(c)) if c.projects == [std::path::PathBuf::from("p")]),
                "{args:?}"
            );
        }
        // Without a command: render.
        let cli = parse(&["bbt", "--lang", "en", "p"]);
        assert!(cli.command.is_none() && cli.render.projects == [std::path::PathBuf::from("p")]);
        // After `--` it is a name, not the option.
        let moved = lang_last(["bbt", "diff", "--", "--lang", "x"].map(OsString::from));
        assert_eq!(moved, ["bbt", "diff", "--", "--lang", "x"].map(OsString::from));
        let moved = lang_last(["bbt", "--lang", "en", "diff", "--", "a"].map(OsString::from));
        assert_eq!(moved, ["bbt", "diff", "--lang", "en", "--", "a"].map(OsString::from));
    }
}
