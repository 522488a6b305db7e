//! Benchmark of a chronological index over ten years of generated records:
//! `cargo run -p bench --release --example bench_index -- [RECORDS] [TYPESET]` (defaults 100000 and 10000).
//!
//! Generates RECORDS articles published 2003–2012, then times the index build (screen,
//! select, order, number, describe) for all of them and for a person selection, then
//! typesets a chronological index of TYPESET of the records (`all` for the whole index)
//! into a PDF/A. Reports wall time and the peak resident memory (`VmHWM` of
//! `/proc/self/status`) after each phase; the peak only grows, so each figure is the
//! peak of everything up to that point.

use std::path::Path;
use std::time::Instant;

use bulletin::collate::Collators;
use bulletin::config::Config;
use bulletin::index::{IndexKind, IndexLanguage, IndexSpec, Indexer};
use bulletin::model::Record;
use bulletin::render::{RenderOptions, Renderer};
use bulletin::select::Selection;
use chrono::NaiveDate;
use synth::{Generator, SynthOptions};

/// Peak resident memory so far, as `/proc/self/status` gives it (`VmHWM: 123456 kB`).
fn peak() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l["VmHWM:".len()..].trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}

fn spec(
    id: &str,
    selection: Option<&str>,
    config: &Config,
) -> Result<IndexSpec, Box<dyn std::error::Error>> {
    Ok(IndexSpec {
        id: id.into(),
        kind: IndexKind::Chronological,
        title: Some("Xronoloji göstərici, 2003–2012".into()),
        from: NaiveDate::from_ymd_opt(2003, 1, 1).ok_or("date")?,
        to: NaiveDate::from_ymd_opt(2012, 12, 31).ok_or("date")?,
        selection: selection.map(|s| Selection::parse(s, config)).transpose()?,
        language: IndexLanguage::Azerbaijani,
        date: None,
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args
        .first()
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(100_000);
    let typeset: Option<usize> = match args.get(1).map(String::as_str) {
        Some("all") => None,
        Some(k) => Some(k.parse()?),
        None => Some(10_000),
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = Config::load(&root.join("../../data/bulletins.toml"))?;

    let t = Instant::now();
    let records: Vec<Record> = Generator::new(SynthOptions::years(n, 2003, 2012), 2012).collect();
    println!(
        "generate {n} records 2003–2012: {:.2} s (peak {})",
        t.elapsed().as_secs_f64(),
        peak()
    );

    let t = Instant::now();
    let collators = Collators::new();
    let indexer = Indexer::new(&config, &collators);
    let (issue, report) = indexer.build(&records, &spec("all", None, &config)?)?;
    println!(
        "index of every record (screen, order, number, describe): {:.2} s; {} entries of {} in the span, {} sections, {} names, {} periodicals (peak {})",
        t.elapsed().as_secs_f64(),
        issue.entry_count(),
        report.in_span,
        issue.sections.len(),
        issue.names.len(),
        issue.periodicals.len(),
        peak()
    );
    let t = Instant::now();
    let json = serde_json::to_vec(&issue)?;
    println!(
        "JSON: {} MB in {:.2} s",
        json.len() / 1_000_000,
        t.elapsed().as_secs_f64()
    );
    drop(json);

    let t = Instant::now();
    let person = "person:\"Əliyev, İlham\" or person:\"Алиев, Ильхам\" or person:\"Aliyev, Ilham\"";
    let (chosen, _) = indexer.build(&records, &spec("person", Some(person), &config)?)?;
    println!(
        "index with a selection ({person}): {:.2} s; {} entries (peak {})",
        t.elapsed().as_secs_f64(),
        chosen.entry_count(),
        peak()
    );
    drop(chosen);

    let (label, to_typeset) = match typeset {
        None => ("the whole index".to_string(), issue),
        Some(k) => {
            let step = (n / k.max(1)).max(1);
            let subset: Vec<Record> = records.iter().step_by(step).take(k).cloned().collect();
            let (sub, _) = indexer.build(&subset, &spec("subset", None, &config)?)?;
            drop(issue);
            (
                format!("a {k}-record subset (every {step}th record, same ten years)"),
                sub,
            )
        }
    };
    drop(records);
    let renderer = Renderer::new(&root.join("../../templates"))?;
    let mut options = RenderOptions::new(
        NaiveDate::from_ymd_opt(2012, 12, 31)
            .ok_or("date")?
            .and_hms_opt(0, 0, 0)
            .ok_or("time")?,
    );
    options.paper = config.library.paper;
    let t = Instant::now();
    let rendered = renderer.render(&to_typeset, &options)?;
    println!(
        "typeset {label}: {} entries, {} pages, {} MB PDF in {:.1} s (peak {})",
        to_typeset.entry_count(),
        rendered.pages,
        rendered.pdf.len() / 1_000_000,
        t.elapsed().as_secs_f64(),
        peak()
    );
    Ok(())
}
