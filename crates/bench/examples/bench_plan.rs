//! Placing and planning time: `cargo run -p bench --release --example bench_plan [RECORDS]`
//! (default 100,000). Generates synthetic 2012 articles, then times the classifier alone
//! (every record placed once with `data/bulletins.toml`) and the whole `build::plan`
//! (quarters, placing, ordering, describing) over them.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use bulletin::build::{PlanOptions, plan};
use bulletin::classify::Classifier;
use bulletin::collate::Collators;
use bulletin::config::Config;
use bulletin::model::Record;
use synth::{Generator, SynthOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let records: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(100_000);
    let config =
        Config::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/bulletins.toml"))?;
    let collators = Collators::new();
    let input: Vec<Record> = Generator::new(SynthOptions::years(records, 2012, 2012), 7).collect();

    let start = Instant::now();
    let classifier = Classifier::new(&config, &collators);
    let placements: usize = input
        .iter()
        .map(|r| black_box(classifier.place(r)).len())
        .sum();
    let placed = start.elapsed().as_secs_f64();

    let start = Instant::now();
    let planned = plan(&input, &config, &collators, &PlanOptions::default());
    let planning = start.elapsed().as_secs_f64();
    println!(
        "{} records: placed in {placed:.3} s ({placements} placements); build::plan in {planning:.3} s ({} quarters)",
        input.len(),
        black_box(planned).quarters.len()
    );
    Ok(())
}
