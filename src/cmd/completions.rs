//! `bbt completions SHELL`: the shell completion script.

use crate::console::to_stdout;

pub fn completions(shell: clap_complete::Shell) -> u8 {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut crate::cli::command(), "bbt", &mut script);
    to_stdout(&script)
}
