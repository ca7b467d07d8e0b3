//! The whole load and check on a mutated project: the bundled sample with
//! one of its files (beleidsnota, bbt.yaml, prestaties, a text) replaced by
//! the input. Never a panic; an error always names a file.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

/// The sample project, read once: (path inside the project, bytes).
fn sample() -> &'static Vec<(PathBuf, Vec<u8>)> {
    static FILES: OnceLock<Vec<(PathBuf, Vec<u8>)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../inputs");
        let mut files = Vec::new();
        let mut stack = vec![PathBuf::new()];
        while let Some(rel) = stack.pop() {
            for entry in std::fs::read_dir(root.join(&rel)).into_iter().flatten().flatten() {
                let rel = rel.join(entry.file_name());
                if entry.path().is_dir() {
                    stack.push(rel);
                } else if let Ok(bytes) = std::fs::read(entry.path()) {
                    files.push((rel, bytes));
                }
            }
        }
        files.sort();
        files
    })
}

/// The files a mutation may replace.
const TARGETS: [&str; 5] =
    ["beleidsnota.yaml", "2026/bo/bbt.yaml", "2026/bo/prestaties.yaml", "2026/bo/tekst/inleiding.md", "2025/bo/bbt.yaml"];

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else { return };
    let target = TARGETS[usize::from(which) % TARGETS.len()];
    let Ok(dir) = tempfile::tempdir_in(std::env::var_os("BBT_FUZZ_TMP").unwrap_or_else(|| "/dev/shm".into())) else {
        return;
    };
    for (rel, content) in sample() {
        let path = dir.path().join(rel);
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let content = if rel == Path::new(target) { bytes } else { content.as_slice() };
        if std::fs::write(&path, content).is_err() {
            return;
        }
    }
    let sel = bbt::load::Selection { year: Some(2026), phase: Some(bbt::model::Fase::Bo), previous: None };
    let (inputs, diags) = bbt::load::load(dir.path(), &sel);
    let mut all = diags;
    if let Some(inputs) = &inputs {
        let teksten = bbt::render::narrative::omzetten(&inputs.beleidsnota, &inputs.document);
        all.extend(bbt::check::check(inputs, &teksten, &bbt::check::Glyphs::any()));
    }
    for d in &all {
        if d.is_error() {
            assert!(d.location.is_some(), "an error without a place: {d:?}");
        }
    }
});
