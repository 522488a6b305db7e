//! Any text given to the configuration parser is accepted or rejected with a position,
//! never a panic.
#![no_main]

use std::path::Path;

use bulletin::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Config::parse(text, Path::new("fuzz.toml"));
    }
});
