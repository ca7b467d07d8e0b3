//! One case of the `render` fuzz target (fuzz/fuzz_targets/render.rs), here
//! so that `cargo test` replays what it found (tests/fixtures/fuzz/render/)
//! through the same code: what `check` accepts, the bundled templates must
//! render.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use crate::assets::TemplateSet;
use crate::model::Fase;
use crate::typeset::BbtWorld;

/// Where the first byte of a case puts the rest: a text of an OD, the
/// introduction (a text whose headings nest under a part, level 1), an ISE's
/// introduction, or the minister's name in `bbt.yaml` (a title; any string,
/// written as a YAML double-quoted scalar).
const TARGETS: [&str; 4] =
    ["2026/bo/tekst/od-netwerk.md", "2026/bo/tekst/inleiding.md", "2026/bo/tekst/ise-antidiscriminatie.md", "minister"];

/// The bundled sample project, read once: (path inside it, bytes).
fn sample() -> &'static [(PathBuf, Vec<u8>)] {
    static FILES: OnceLock<Vec<(PathBuf, Vec<u8>)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("inputs");
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

/// Writes the sample into `dir` with `data` put in (see [`TARGETS`]), loads
/// and checks its BO 2026 and, when the check finds no error, renders it to
/// PDF/A-2a + PDF/UA-1 with the bundled templates. `Err`: the render failed
/// on inputs the check accepted, with what Typst or the templates said.
/// Inputs that are not UTF-8 are skipped (the loaders refuse them, T001).
pub fn render_mutated_sample(dir: &Path, data: &[u8]) -> Result<(), String> {
    let Some((&which, bytes)) = data.split_first() else { return Ok(()) };
    let Ok(text) = std::str::from_utf8(bytes) else { return Ok(()) };
    let target = TARGETS.get(usize::from(which) % TARGETS.len()).copied().unwrap_or_default();
    for (rel, content) in sample() {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        let content = if rel == Path::new(target) {
            text.as_bytes().to_vec()
        } else if target == "minister" && rel == Path::new("2026/bo/bbt.yaml") {
            let yaml = String::from_utf8_lossy(content);
            let quoted = serde_json::to_string(text).map_err(|e| e.to_string())?;
            yaml.replacen("naam: Lies Vandenberghe", &format!("naam: {quoted}"), 1).into_bytes()
        } else {
            content.clone()
        };
        std::fs::write(&path, content).map_err(|e| e.to_string())?;
    }
    let selection = crate::load::Selection { year: Some(2026), phase: Some(Fase::Bo), previous: None, workbook: None };
    let mut timings = crate::pipeline::Timings::default();
    let (checked, diags) = crate::pipeline::job::load_and_check(dir, &selection, &mut timings);
    let Some(crate::pipeline::job::Checked { inputs, teksten }) = checked else { return Ok(()) };
    if diags.iter().any(crate::diag::Diagnostic::is_error) {
        return Ok(());
    }
    // One World for every case: Typst's cache makes the next render quick.
    static WORLD: OnceLock<Mutex<BbtWorld>> = OnceLock::new();
    let world =
        WORLD.get_or_init(|| Mutex::new(BbtWorld::new(TemplateSet::bundled(), inputs.document.meta.status.date())));
    let world = world.lock().unwrap_or_else(|e| e.into_inner());
    let result =
        crate::pipeline::render_in(&world, &inputs, &teksten, &crate::typeset::DEFAULT_STANDARDS, &[], &mut timings);
    crate::typeset::evict_cache(10);
    match result {
        Ok(_) => Ok(()),
        Err(crate::pipeline::RenderError::Template { message, .. }) => Err(message),
        Err(crate::pipeline::RenderError::Typst { problems, .. }) => Err(problems
            .iter()
            .map(|p| format!("{} ({})", p.message, p.place.as_deref().unwrap_or("?")))
            .collect::<Vec<_>>()
            .join("\n")),
    }
}
