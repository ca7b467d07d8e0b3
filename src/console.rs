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
/// counts as for [`to_stdout`] and [`line`].
pub fn clap_message(e: &clap::Error) {
    if let Err(io) = e.print() {
        if e.use_stderr() {
            FAILED.store(true, Ordering::Relaxed);
        } else if io.kind() != std::io::ErrorKind::BrokenPipe {
            FAILED.store(true, Ordering::Relaxed);
            error(bbt::tr!("cannot-write-stdout", fout = bbt::i18n::io_error(&io)));
        }
    }
}

/// The exit code of a run that ends with `code`: at least 2 when a write to
/// standard error or output failed.
pub fn exit_code(code: u8) -> u8 {
    if FAILED.load(Ordering::Relaxed) { code.max(FAILURE) } else { code }
}
