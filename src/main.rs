//! The `bbt` binary: parses the arguments and dispatches to a subcommand
//! (`cmd/`, one file each), which prints and returns the exit code. The work
//! is in the library.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing))]

mod cli;
mod cmd;
mod console;

/// Typst allocates a great deal in small pieces: mimalloc cuts the time of a
/// render (bench/RESULTS.md). The feature `system-alloc` leaves it out, for
/// heap profilers that hook malloc.
#[cfg(not(feature = "system-alloc"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

use bbt::diag;
use bbt::pipeline::exit::{FAILURE, INTERRUPTED, OK};
use cli::Command;
use console::say;

fn main() -> ExitCode {
    // The language first: `--help` and the first error are already in it.
    let args: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    bbt::i18n::set(bbt::i18n::from_args_and_env(&args, std::env::var("BBT_LANG").ok().as_deref()));
    let cli = match cli::parse(std::env::args_os()) {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version are exit 0, a usage error 2.
            let code = u8::try_from(e.exit_code()).unwrap_or(FAILURE);
            // An error quotes the argument it refuses: parsed again from the
            // arguments escaped, it cannot act on the terminal.
            let shown = if e.use_stderr() {
                let escaped = std::env::args_os().map(|a| diag::escape(&a.to_string_lossy()).into_owned().into());
                cli::parse(escaped).err().unwrap_or(e)
            } else {
                e
            };
            console::clap_message(&shown, cli::command_named(std::env::args_os()).as_deref());
            return ExitCode::from(console::exit_code(code));
        }
    };
    // A watch and the studio end by an interrupt: that is their normal end.
    on_interrupt(match cli.command {
        Some(Command::Watch(_)) => Some(|| bbt::tr!("watch-stopped")),
        Some(Command::Studio(_)) => Some(|| bbt::tr!("studio-stopped")),
        _ => None,
    });
    let code = match cli.command {
        None => cmd::render(&cli.render),
        Some(Command::Render(args)) => cmd::render(&args),
        Some(Command::Watch(args)) => cmd::watch(&args),
        Some(Command::Studio(args)) => cmd::studio(&args),
        Some(Command::Check(args)) => cmd::check(&args),
        Some(Command::Horizontaal(args)) => cmd::horizontaal(&args),
        Some(Command::Template(args)) => cmd::template(&args),
        Some(Command::Diff { old, new, output }) => cmd::diff(&old, &new, output.as_deref()),
        Some(Command::Init { dir, year, next }) => cmd::init(dir.as_deref(), year, next),
        Some(Command::Explain { code }) => cmd::explain(&code),
        Some(Command::Completions { shell }) => cmd::completions(shell),
        Some(Command::Man) => cmd::man(),
    };
    // A message or output that could not be written is an IO failure (2).
    ExitCode::from(console::exit_code(code))
}

/// On SIGINT, SIGTERM or SIGHUP: wait for a write in progress to finish, then
/// exit (130; 0 for a watch or the studio, whose normal end this is, saying
/// the message `stopped`). Outputs are then whole: the previous file or the
/// new one, and no temporary is left.
fn on_interrupt(stopped: Option<fn() -> String>) {
    let result = ctrlc::set_handler(move || {
        if let Some(stopped) = stopped {
            say!("{}", stopped());
            bbt::output::exit_between_writes(console::exit_code(OK))
        } else {
            say!("{}", bbt::tr!("interrupted"));
            bbt::output::exit_between_writes(console::exit_code(INTERRUPTED))
        }
    });
    if let Err(e) = result {
        console::warning(bbt::tr!("ctrlc-warning", fout = e));
    }
}
