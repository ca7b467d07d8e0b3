//! Everything the binary prints goes through here, so that printing can
//! never panic nor be lost unnoticed, and nothing from the inputs reaches a
//! terminal as a control sequence.
//!
//! `eprintln!` panics when standard error cannot be written (a full disk, a
//! closed pipe). Here a failed write is recorded instead and the run goes
//! on (a render that wrote its PDF keeps it); [`exit_code`] then turns the
//! run's code into at least 2, the code of an IO failure (design.md).
//!
//! Every line [`say!`] prints is [`bbt::diag::escape`]d whole: a file name,
//! a project id or a message quoting a value cannot clear the screen, set
//! the window title or start a line of its own (`wrote ….pdf`, `0 errors`),
//! because a newline or a control character inside it is shown as `\n`,
//! `\u{1b}`. A line of bbt's own is one `say!`; a help line is another.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use bbt::pipeline::exit::{FAILURE, OK};

/// Set once a write to standard error or output failed.
static FAILED: AtomicBool = AtomicBool::new(false);

/// Prints one line to standard error, escaped ([`line`]).
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::console::line(format_args!($($arg)*))
    };
}
pub(crate) use say;

/// `fout: <message>`, in the language of the messages.
pub fn error(message: impl std::fmt::Display) {
    say!("{}: {message}", bbt::tr!("severity-error"));
}

/// `waarschuwing: <message>`.
pub fn warning(message: impl std::fmt::Display) {
    say!("{}: {message}", bbt::tr!("severity-warning"));
}

/// `  = hulp: <text>`: the help line under an error.
pub fn help(text: impl std::fmt::Display) {
    say!("  = {}: {text}", bbt::tr!("help"));
}

/// Writes `args` and a newline to standard error, with every control
/// character in `args` (a newline too) and every bidirectional override
/// escaped. A failure is recorded, never a panic.
pub fn line(args: std::fmt::Arguments) {
    let text = args.to_string();
    let mut shown = bbt::diag::escape(&text).into_owned();
    shown.push('\n');
    to_stderr(&shown);
}

/// Writes lines made for a terminal (a diagnostic from
/// [`bbt::diag::render_human`]) to standard error, each line escaped again
/// (which changes nothing in text already escaped).
pub fn lines(text: &str) {
    let mut shown = String::with_capacity(text.len());
    for l in text.lines() {
        shown.push_str(&bbt::diag::escape(l));
        shown.push('\n');
    }
    to_stderr(&shown);
}

fn to_stderr(text: &str) {
    let mut err = std::io::stderr().lock();
    if err.write_all(text.as_bytes()).and_then(|()| err.flush()).is_err() {
        FAILED.store(true, Ordering::Relaxed);
    }
}

/// Writes the output a command was asked for to standard output. A reader
/// that stops early (`bbt explain B003 | head`) is no error; another write
/// failure (`>/dev/full`) loses the output: it is reported and recorded, and
/// the run ends with exit 2. Returns the exit code of the write.
pub fn to_stdout(bytes: &[u8]) -> u8 {
    write_stdout(|out| out.write_all(bytes))
}

/// [`to_stdout`] for output written piece by piece, through a buffer.
pub fn write_stdout(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> u8 {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            FAILED.store(true, Ordering::Relaxed);
            error(bbt::tr!("cannot-write-stdout", fout = bbt::i18n::io_error(&e)));
            FAILURE
        }
    }
}

/// Prints a clap error or help text to where clap sends it; a failed write
/// counts as for [`to_stdout`] and [`line`]. The usage errors a user meets
/// are said in the language of the messages ([`usage_error`]); clap's own
/// English is the fallback for the rare others.
pub fn clap_message(e: &clap::Error, command: Option<&str>) {
    if e.use_stderr()
        && let Some((message, helps)) = usage_error(e)
    {
        error(message);
        for h in helps {
            help(h);
        }
        let command = command.map_or_else(|| "bbt".to_string(), |c| format!("bbt {c}"));
        help(bbt::tr!("clap-more", opdracht = command));
        return;
    }
    if let Err(io) = e.print() {
        if e.use_stderr() {
            FAILED.store(true, Ordering::Relaxed);
        } else if io.kind() != std::io::ErrorKind::BrokenPipe {
            FAILED.store(true, Ordering::Relaxed);
            error(bbt::tr!("cannot-write-stdout", fout = bbt::i18n::io_error(&io)));
        }
    }
}

/// A usage error as a message and help lines, from what clap knows of it.
fn usage_error(e: &clap::Error) -> Option<(String, Vec<String>)> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let mut helps = Vec::new();
    if let Some(s) = get(ContextKind::SuggestedArg).or_else(|| get(ContextKind::SuggestedSubcommand)) {
        helps.push(bbt::tr!("clap-suggest", suggestie = s));
    }
    let message = match e.kind() {
        ErrorKind::UnknownArgument => bbt::tr!("clap-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => {
            bbt::tr!("clap-unknown-argument", arg = get(ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::InvalidValue => {
            if let Some(valid) = get(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
                helps.push(bbt::tr!("clap-valid-values", lijst = valid));
            }
            if value.is_empty() {
                bbt::tr!("clap-empty-value", arg = arg)
            } else {
                bbt::tr!("clap-invalid-value", waarde = value, arg = arg)
            }
        }
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(e).map(ToString::to_string).unwrap_or_default();
            bbt::tr!("clap-value-validation", waarde = value, arg = arg, reden = reason)
        }
        ErrorKind::MissingRequiredArgument => bbt::tr!("clap-missing", arg = arg),
        ErrorKind::ArgumentConflict => match get(ContextKind::PriorArg) {
            // The same option twice.
            Some(prior) if prior == arg => bbt::tr!("clap-twice", arg = arg),
            prior => bbt::tr!("clap-conflict", arg = arg, ander = prior.unwrap_or_default()),
        },
        ErrorKind::NoEquals | ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            bbt::tr!("clap-value-count", arg = arg)
        }
        _ => return None,
    };
    Some((message, helps))
}

/// The exit code of a run that ends with `code`: at least 2 when a write to
/// standard error or output failed.
pub fn exit_code(code: u8) -> u8 {
    if FAILED.load(Ordering::Relaxed) { code.max(FAILURE) } else { code }
}
