//! Reads a budget workbook the way `bbt` does, several times, and prints the
//! time of each read: for profiling the import without the Typst stack.
//!
//! `cargo run --profile profiling --no-default-features --example read_workbook -- FILE [RUNS] [--raw]`
//!
//! `--raw` reads the sheet `Uitgaven` with calamine alone (`worksheet_range`),
//! the floor that bbt's parsing, exact conversion and validation add to.

use std::path::PathBuf;
use std::time::Instant;

use bbt::load::workbook::{Context, load};
use bbt::model::Unit;
use bbt::model::budget::Fase;
use calamine::{Reader, open_workbook_auto};

/// The allocator `bbt` itself uses (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let raw = args.iter().any(|a| a == "--raw");
    let mut rest = args.iter().filter(|a| !a.starts_with("--"));
    let path = PathBuf::from(rest.next().expect("usage: read_workbook FILE [RUNS] [--raw]"));
    let runs: usize = rest.next().and_then(|n| n.parse().ok()).unwrap_or(3);
    for run in 1..=runs {
        let start = Instant::now();
        let what = if raw {
            let mut book = open_workbook_auto(&path).expect("a workbook");
            let range = book.worksheet_range("Uitgaven").expect("a sheet Uitgaven");
            format!("{} × {} cells", range.height(), range.width())
        } else {
            let cx = Context { jaar: 2025, fase: Fase::Bo, eenheid: Unit::DuizendEuro };
            let (figures, diags) = load(&path, cx);
            format!("{} articles, {} diagnostics", figures.artikelen.len(), diags.len())
        };
        println!("run {run}: {:.1} ms ({what})", start.elapsed().as_secs_f64() * 1e3);
    }
}
