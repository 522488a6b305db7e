//! Writes a synthetic feed and reports the speed:
//! `cargo run -p bench --release --example feed -- FORMAT RECORDS SEED OUT` (FORMAT: marcxml, marcxml-marc21,
//! iso2709, iso2709-cp1251, iso2709-marc21, irbis).

use std::time::Instant;

use synth::{SynthFormat, SynthOptions, write_feed};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let format: SynthFormat = args
        .first()
        .map(String::as_str)
        .unwrap_or("marcxml")
        .parse()?;
    let records: usize = args
        .get(1)
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(100_000);
    let seed: u64 = args.get(2).map(|s| s.parse()).transpose()?.unwrap_or(1);
    let out = args
        .get(3)
        .cloned()
        .unwrap_or_else(|| "/dev/null".to_string());
    let mut file = std::fs::File::create(&out)?;
    let start = Instant::now();
    let bytes = write_feed(
        format,
        &SynthOptions::years(records, 2012, 2012),
        seed,
        &mut file,
    )?;
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{format}: {records} records, {:.1} MB in {secs:.2} s: {:.0} records/s, {:.1} MB/s",
        bytes as f64 / 1e6,
        records as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
    Ok(())
}
