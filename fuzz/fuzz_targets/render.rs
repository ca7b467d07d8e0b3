//! What `check` accepts, `render` renders: arbitrary Markdown (or a title)
//! put into the bundled sample; when load and check report no error, the
//! render with the bundled templates must succeed (an error there is exit 2,
//! "a bug in bbt's bundled templates"). Needs the Typst stack:
//! `fuzz/run SECONDS render` builds it with `--features render`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(dir) = tempfile::tempdir_in(std::env::var_os("BBT_FUZZ_TMP").unwrap_or_else(|| "/dev/shm".into())) else {
        return;
    };
    if let Err(failure) = bbt::fuzzing::render_mutated_sample(dir.path(), data) {
        panic!("check accepted what render cannot render:\n{failure}");
    }
});
