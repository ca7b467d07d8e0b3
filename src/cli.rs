//! The command line: every clap type in one place. The help texts are
//! Fluent messages (`src/i18n/{nl,en}/cli.ftl`), set on the command tree by
//! [`command`] before the arguments are parsed: `cmd-<command>` for a
//! command's about (`.long` for its long about), `arg-<command>-<id>` or else
//! `arg-<id>` for an argument (`.long` likewise), `usage-<command>` for its
//! usage line. Defaults and possible values are said in those texts, in the
//! language of the messages, rather than in clap's English brackets.

use std::path::PathBuf;

use bbt::i18n::{self, Lang};
use bbt::model::Fase;
use clap::{ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

/// The command tree with its help in the language of the messages.
pub fn command() -> clap::Command {
    command_in(i18n::lang())
}

/// The command tree with its help in `lang`.
fn command_in(lang: Lang) -> clap::Command {
    localize(Cli::command(), "bbt", lang)
}

/// The arguments parsed with the localized tree (`args` as given, `--lang`
/// anywhere).
pub fn parse(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Cli, clap::Error> {
    let mut args = lang_last(args);
    // `bbt help [COMMAND]` is `bbt [COMMAND] --help` (no help subcommand:
    // clap's would say its own English).
    if args.get(1).is_some_and(|a| a == "help") {
        args.remove(1);
        // `bbt help rendr`: no such command (clap would read it as a project).
        if let Some(word) = args.get(1).and_then(|a| a.to_str()).filter(|a| !a.starts_with('-'))
            && !command_names().iter().any(|c| c == word)
        {
            let cmd = command();
            let near = bbt::suggest::closest(word, command_names().iter().map(String::as_str)).map(str::to_string);
            let mut e = clap::Error::new(clap::error::ErrorKind::InvalidSubcommand).with_cmd(&cmd);
            e.insert(clap::error::ContextKind::InvalidSubcommand, clap::error::ContextValue::String(word.to_string()));
            if let Some(n) = near {
                e.insert(clap::error::ContextKind::SuggestedSubcommand, clap::error::ContextValue::String(n));
            }
            return Err(e);
        }
        args.push("--help".into());
    }
    let mut cmd = command();
    let matches = cmd.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))
}

/// The names of the commands.
pub fn command_names() -> Vec<String> {
    Cli::command().get_subcommands().map(|s| s.get_name().to_string()).collect()
}

/// The command `args` name (their first word that is one), for a help line.
pub fn command_named(args: impl IntoIterator<Item = std::ffi::OsString>) -> Option<String> {
    let cmd = Cli::command();
    args.into_iter()
        .skip(1)
        .filter_map(|a| a.into_string().ok())
        .find(|a| cmd.get_subcommands().any(|s| s.get_name() == a))
}

fn text(lang: Lang, id: &str) -> Option<String> {
    i18n::has(lang, id).then(|| i18n::tr_in(lang, id, Vec::new()))
}

/// `cmd` (named `name`; `bbt` for the root) and its subcommands with the
/// texts of `cli.ftl`.
fn localize(mut cmd: clap::Command, name: &str, lang: Lang) -> clap::Command {
    let key = format!("cmd-{name}");
    if let Some(about) = text(lang, &key) {
        cmd = cmd.about(about);
    }
    if let Some(long) = text(lang, &format!("{key}.long")) {
        cmd = cmd.long_about(long);
    }
    let heading = i18n::tr_in(lang, "heading-usage", Vec::new());
    if let Some(usage) = text(lang, &format!("usage-{name}")) {
        // Further lines under the first, past the heading.
        let indent = format!("\n{}", " ".repeat(heading.chars().count() + 1));
        cmd = cmd.override_usage(usage.replace('\n', &indent));
    }
    let template = format!("{{before-help}}{{about-with-newline}}\n{heading} {{usage}}\n\n{{all-args}}{{after-help}}");
    cmd = cmd.help_template(template).subcommand_help_heading(i18n::tr_in(lang, "heading-commands", Vec::new()));
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    // Changing an argument moves it last: keep the order they are shown in.
    for (order, id) in ids.into_iter().enumerate() {
        cmd = cmd.mut_arg(&id, |a| {
            let heading = if a.is_positional() { "heading-arguments" } else { "heading-options" };
            let mut a = a
                .help_heading(i18n::tr_in(lang, heading, Vec::new()))
                .hide_default_value(true)
                .hide_possible_values(true)
                .display_order(order);
            let own = format!("arg-{name}-{id}");
            let key = if i18n::has(lang, &own) { own } else { format!("arg-{id}") };
            if let Some(help) = text(lang, &key) {
                a = a.help(help);
            }
            if let Some(long) = text(lang, &format!("{key}.long")) {
                a = a.long_help(long);
            }
            let own = format!("value-{name}-{id}");
            let key = if i18n::has(lang, &own) { own } else { format!("value-{id}") };
            if let Some(value) = text(lang, &key) {
                a = a.value_name(value);
            }
            a
        });
    }
    let subcommands: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for sub in subcommands {
        cmd = cmd.mut_subcommand(&sub, |s| localize(s, &sub, lang));
    }
    cmd
}

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

/// A phase as its folder is named (a usage error, exit 2, otherwise).
fn parse_phase(s: &str) -> Result<Fase, String> {
    Fase::parse_folder(&s.to_ascii_lowercase()).ok_or_else(|| bbt::tr!("phase-values"))
}

/// A budget year: four digits.
fn parse_year(s: &str) -> Result<i32, String> {
    s.parse::<i32>().ok().filter(|y| (1000..=9999).contains(y)).ok_or_else(|| bbt::tr!("not-a-year"))
}

/// A count of one or more.
fn parse_count(s: &str) -> Result<usize, String> {
    s.parse::<usize>().ok().filter(|n| *n > 0).ok_or_else(|| bbt::tr!("not-a-count"))
}

// With no command, `bbt` renders (the arguments of `render`). Help and
// version are bbt's own flags so that their help is in the language of the
// messages (clap's cannot be changed).
#[derive(Debug, Parser)]
#[command(
    name = "bbt",
    version,
    args_conflicts_with_subcommands = true,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub render: RenderArgs,
    #[arg(long, global = true, value_name = "TAAL", value_parser = ["nl", "en"])]
    pub lang: Option<String>,
    #[arg(short = 'h', global = true, action = ArgAction::HelpShort)]
    help_short: Option<bool>,
    #[arg(long = "help", global = true, action = ArgAction::HelpLong)]
    help_long: Option<bool>,
    #[arg(long, short = 'V', action = ArgAction::Version)]
    version: Option<bool>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Render(RenderArgs),
    Watch(WatchArgs),
    Studio(StudioArgs),
    Check(CheckArgs),
    Horizontaal(HorizontaalArgs),
    Template(TemplateArgs),
    Init {
        #[arg(required_unless_present = "next")]
        dir: Option<PathBuf>,
        #[arg(long)]
        next: bool,
        #[arg(long, short = 'y', value_parser = parse_year)]
        year: Option<i32>,
    },
    Diff {
        old: PathBuf,
        new: PathBuf,
        #[arg(long, short = 'o', value_name = "DIR")]
        output: Option<PathBuf>,
    },
    Completions {
        shell: clap_complete::Shell,
    },
    Man,
    Explain {
        code: String,
    },
}

#[derive(Debug, Args, Clone)]
pub struct DocumentArgs {
    #[arg(long, short = 'y', value_parser = parse_year)]
    pub year: Option<i32>,
    #[arg(long, short = 'p', default_value = "bo", value_parser = parse_phase)]
    pub phase: Fase,
    #[arg(long, value_name = "DIR")]
    pub previous: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    #[arg(long)]
    pub timings: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Debug, Args, Clone)]
pub struct CheckArgs {
    pub projects: Vec<PathBuf>,
    #[command(flatten)]
    pub doc: DocumentArgs,
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,
}

#[derive(Debug, Args, Clone)]
pub struct HorizontaalArgs {
    #[arg(value_name = "WORKSPACE")]
    pub projects: Vec<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,
    #[arg(long, short = 'o', default_value = "output")]
    pub output: PathBuf,
    #[arg(long, short = 'y', value_parser = parse_year)]
    pub year: Option<i32>,
    #[arg(long, short = 'p', default_value = "bo", value_parser = parse_phase)]
    pub phase: Fase,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    #[arg(long)]
    pub timings: bool,
}

#[derive(Debug, Args, Clone)]
pub struct RenderArgs {
    #[arg(value_name = "PROJECT")]
    pub projects: Vec<PathBuf>,
    #[arg(long, short = 'j', value_parser = parse_count)]
    pub jobs: Option<usize>,
    #[command(flatten)]
    pub opts: RenderFlags,
}

#[derive(Debug, Args, Clone)]
pub struct WatchArgs {
    pub project: Option<PathBuf>,
    #[command(flatten)]
    pub opts: RenderFlags,
}

#[derive(Debug, Args, Clone)]
pub struct StudioArgs {
    pub project: Option<PathBuf>,
    #[arg(long, default_value_t = 0, value_name = "PORT")]
    pub port: u16,
    #[arg(long)]
    pub no_open: bool,
    #[command(flatten)]
    pub opts: RenderFlags,
}

#[derive(Debug, Args, Clone)]
pub struct RenderFlags {
    #[command(flatten)]
    pub doc: DocumentArgs,
    #[arg(long, short = 'o', default_value = "output")]
    pub output: PathBuf,
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    #[arg(long, value_delimiter = ',')]
    pub pdf_standard: Option<Vec<String>>,
    #[arg(long)]
    pub attach: bool,
    #[arg(long)]
    pub emit_typ: bool,
}

#[derive(Debug, Args, Clone)]
pub struct TemplateArgs {
    pub project: Option<PathBuf>,
    #[arg(long, short = 'y', value_parser = parse_year)]
    pub year: Option<i32>,
    #[arg(long, short = 'p', default_value = "bo", value_parser = parse_phase)]
    pub phase: Fase,
    #[arg(long, short = 'o', default_value = "output")]
    pub output: PathBuf,
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;

    use bbt::i18n::{self, Lang};

    use super::{Cli, Command, lang_last};

    fn parse(args: &[&str]) -> Cli {
        super::parse(args.iter().map(OsString::from)).expect("parses")
    }

    /// Every command and argument has its help in both languages, and the
    /// tree clap builds from them is valid.
    #[test]
    fn every_command_and_argument_has_its_help() {
        fn walk(cmd: &clap::Command, name: &str, lang: Lang, missing: &mut Vec<String>) {
            for key in [format!("cmd-{name}"), format!("usage-{name}")] {
                if !i18n::has(lang, &key) {
                    missing.push(key);
                }
            }
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                if !i18n::has(lang, &format!("arg-{name}-{id}")) && !i18n::has(lang, &format!("arg-{id}")) {
                    missing.push(format!("arg-{id} ({name})"));
                }
            }
            for s in cmd.get_subcommands() {
                walk(s, s.get_name(), lang, missing);
            }
        }
        for lang in Lang::ALL {
            let mut missing = Vec::new();
            walk(&<Cli as clap::CommandFactory>::command(), "bbt", lang, &mut missing);
            assert!(missing.is_empty(), "{lang:?}: {missing:?}");
            super::command_in(lang).debug_assert();
        }
    }

    #[test]
    fn help_is_a_command_of_its_own() {
        let e = super::parse(["bbt", "help", "check"].map(OsString::from)).expect_err("help");
        assert_eq!(e.kind(), clap::error::ErrorKind::DisplayHelp);
        assert!(e.to_string().contains("bbt check"), "{e}");
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
