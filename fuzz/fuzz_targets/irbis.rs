//! Any bytes given to the irbis reader end in records or in a positioned error, never in a
//! panic, a hang or unbounded memory.
#![no_main]

use std::path::Path;

use bulletin::feed::{self, ReadOptions};
use bulletin::model::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = std::io::Cursor::new(data.to_vec());
    for record in feed::stream(Format::IrbisText, input, Path::new("fuzz"), &ReadOptions::default()) {
        if let Ok(record) = record {
            let _ = bulletin::describe::describe(
                &record,
                bulletin::describe::Apparatus::Azerbaijani,
                bulletin::config::Separator::Dash,
            );
        }
    }
});
