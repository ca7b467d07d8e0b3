//! Where the time of an incremental typeset goes: compiles a generated
//! `main.typ` (from `bbt render --emit-typ`) cold, then inserts a sentence
//! into it N times and compiles again in the same World, as the studio does
//! after a save; prints each compile's time and writes Typst's own timing
//! scopes of the last one as a Chrome trace (chrome://tracing, Perfetto;
//! `bench/typst_trace.py` sums it per scope).
//!
//!     cargo run --release --example typeset_profile -- MAIN.typ TRACE.json [--templates DIR] [--at NEEDLE] [--edits N]
//!
//! The sentence goes right after the first occurrence of NEEDLE (default:
//! the first narrative text, `#tekst([`).

use std::process::ExitCode;
use std::time::Instant;

use bbt::assets::TemplateSet;
use bbt::typeset::{BbtWorld, compile};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("typeset_profile: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (mut main_typ, mut trace, mut templates, mut needle, mut edits) = (None, None, None, "#tekst([".to_string(), 8);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--templates" => templates = args.next(),
            "--at" => needle = args.next().ok_or("--at needs a value")?,
            "--edits" => edits = args.next().and_then(|n| n.parse().ok()).ok_or("--edits needs a number")?,
            _ if main_typ.is_none() => main_typ = Some(a),
            _ if trace.is_none() => trace = Some(a),
            _ => return Err(format!("unexpected argument {a}")),
        }
    }
    let (Some(main_typ), Some(trace)) = (main_typ, trace) else {
        return Err("usage: typeset_profile MAIN.typ TRACE.json [--templates DIR] [--at NEEDLE] [--edits N]".into());
    };
    let main = std::fs::read_to_string(&main_typ).map_err(|e| format!("{main_typ}: {e}"))?;
    let set = match templates {
        Some(dir) => TemplateSet::from_dir(std::path::Path::new(&dir)).map_err(|e| format!("{dir}: {e}"))?,
        None => TemplateSet::bundled(),
    };
    let date = bbt::model::Date::new(2025, 10, 1).ok_or("date")?;
    let world = BbtWorld::new(set, date);
    let typeset = |text: &str| -> Result<(usize, std::time::Duration), String> {
        world.set_main(text);
        let start = Instant::now();
        let (doc, _) = compile(&world).map_err(|f| format!("{:?}", f.problems.first()))?;
        Ok((doc.pages().len(), start.elapsed()))
    };
    let (pages, cold) = typeset(&main)?;
    println!("cold: {:.1} ms, {pages} pages", cold.as_secs_f64() * 1000.0);
    let at = main.find(&needle).ok_or_else(|| format!("{needle:?} is not in {main_typ}"))? + needle.len();
    let mut text = main.clone();
    for i in 1..=edits {
        text.insert_str(at, &format!("#\"Wijziging {i}: een zin die de tekst wat langer maakt. \""));
        if i == edits {
            typst_timing::enable();
        }
        let (_, took) = typeset(&text)?;
        println!("edit {i}: {:.1} ms", took.as_secs_f64() * 1000.0);
        bbt::typeset::evict_cache(bbt::watch::CACHE_CYCLES);
    }
    typst_timing::disable();
    let file = std::fs::File::create(&trace).map_err(|e| format!("{trace}: {e}"))?;
    typst_timing::export_json(file, |_| (String::new(), 0))
}
