//! Descriptions per second: `cargo run -p bench --release --example bench_describe [RECORDS]` (default
//! 100,000). Generates synthetic 2012 articles, then times only `describe` over them, with
//! the apparatus of each record (its language group, its language in the "other" group), as the build does.

use std::hint::black_box;
use std::time::Instant;

use bulletin::classify::language_group;
use bulletin::collate::LanguageGroup;
use bulletin::config::Separator;
use bulletin::describe::{Apparatus, describe};
use bulletin::model::Record;
use synth::{Generator, SynthOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let records: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(100_000);
    let made = Instant::now();
    let input: Vec<(Record, Apparatus)> =
        Generator::new(SynthOptions::years(records, 2012, 2012), 7)
            .map(|r| {
                let group = language_group(&r).map_or(LanguageGroup::Other, |(g, _)| g);
                {
                    let apparatus = Apparatus::of_record(&r, group);
                    (r, apparatus)
                }
            })
            .collect();
    let generated = made.elapsed().as_secs_f64();
    let start = Instant::now();
    let mut chars = 0usize;
    for (record, apparatus) in &input {
        let description = describe(record, *apparatus, Separator::Dash);
        chars += black_box(&description).chars().count();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} records generated in {generated:.2} s; described in {secs:.3} s: {:.0} descriptions/s ({:.0} characters each on average)",
        input.len(),
        input.len() as f64 / secs,
        chars as f64 / input.len().max(1) as f64
    );
    Ok(())
}
