//! Any selection expression parses or fails with a column, never a panic.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use bulletin::config::Config;
use bulletin::select::Selection;
use libfuzzer_sys::fuzz_target;

static CONFIG: LazyLock<Config> = LazyLock::new(|| {
    Config::parse(
        include_str!("../../data/bulletins.toml"),
        Path::new("bulletins.toml"),
    )
    .expect("the shipped configuration is valid")
});

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Selection::parse(text, &CONFIG);
    }
});
