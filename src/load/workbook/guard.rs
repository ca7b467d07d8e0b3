//! A guard around the workbook readers. calamine panics on some damaged files
//! (an index out of range in its CFB reader, found by fuzzing): such a panic
//! is caught here and becomes a diagnostic, and its message is kept off the
//! terminal, since the diagnostic says what happened.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// Set while this thread runs a guarded read.
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

static HOOK: Once = Once::new();

/// Runs `f`; a panic inside it is returned as its message instead of
/// unwinding further (and is not printed).
pub fn quietly<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !GUARDED.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = GUARDED.with(|g| g.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(was));
    result.map_err(|payload| panic_message(&*payload).unwrap_or_else(|| "the reader failed".to_string()))
}

/// The message a panic was raised with, when it was a string.
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> Option<String> {
    payload.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| payload.downcast_ref::<String>().cloned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message_and_the_thread_goes_on() {
        let v: Vec<u8> = Vec::new();
        let r = quietly(|| v.get(3..9).map(<[u8]>::len).unwrap_or_else(|| panic!("range 3..9 out of bounds")));
        assert_eq!(r, Err("range 3..9 out of bounds".to_string()));
        assert_eq!(quietly(|| 42), Ok(42));
    }
}
