//! Any selection expression parses or fails with a column, never a panic.
#![no_main]

use bulletin::select::Selection;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Selection::parse(text);
    }
});
