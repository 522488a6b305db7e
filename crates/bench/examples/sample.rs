//! Regenerates the shipped sample intake: `cargo run -p bench --example sample [DIR]` (default
//! `data/feed`).

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "data/feed".to_string()),
    );
    let report = synth::write_sample(&dir)?;
    for f in &report.files {
        println!(
            "{}: {} records, {} bytes ({}); {:?}; {:?}",
            dir.join(&f.name).display(),
            f.records,
            f.bytes,
            f.format,
            f.by_language,
            f.by_quarter
        );
    }
    Ok(())
}
