//! The live preview's rebuild after a one-record change, against a fresh build of the same
//! bulletin, in one run: `cargo run -p bench --release --example watch -- [RECORDS]`
//! (default 8000 records over 2012-Q1, which gives the largest bulletin ≈ 1,000 entries).
//!
//! Writes a synthetic IRBIS feed, builds the largest bulletin's issue from scratch (a new
//! session: read, place, order, describe, typeset, write), changes the title of one of its
//! records in the feed, and times the watch session's rebuild until the PDF is rewritten.

use std::path::Path;
use std::time::Instant;

use bulletin::classify::{Quarter, QuarterBy};
use bulletin::feed::ReadOptions;
use bulletin::issue::{Issue, Style};
use bulletin::watch::{Outcome, Session, Settings};
use synth::{SynthFormat, SynthOptions, write_feed};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let records: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(8000);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = tempfile_dir()?;
    let feed = dir.join("feed.txt");
    let from = chrono::NaiveDate::from_ymd_opt(2012, 1, 1).unwrap();
    let to = chrono::NaiveDate::from_ymd_opt(2012, 3, 31).unwrap();
    write_feed(
        SynthFormat::Irbis,
        &SynthOptions::span(records, from, to),
        7,
        &mut std::fs::File::create(&feed)?,
    )?;
    let settings = |bulletin: Option<String>| Settings {
        feeds: vec![feed.clone()],
        config: root.join("data/bulletins.toml"),
        overrides: None,
        templates: root.join("templates"),
        out: dir.join("out"),
        quarters: Some(vec![Quarter {
            year: 2012,
            number: 1,
        }]),
        bulletin,
        read: ReadOptions::default(),
        by: QuarterBy::Published,
        date: None,
    };
    // The largest bulletin, from a JSON-only look at the plan.
    let mut probe = Session::new(settings(Some("energy".into())))?;
    probe.rebuild();
    let largest = std::fs::read_dir(dir.join("out/2012-Q1"))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .filter_map(|e| {
            let issue: Issue = serde_json::from_slice(&std::fs::read(e.path()).ok()?).ok()?;
            Some((issue.entry_count(), issue))
        })
        .max_by_key(|(n, _)| *n)
        .map(|(_, issue)| issue)
        .ok_or("no issue")?;
    drop(probe);
    let id = largest.bulletin.clone();

    let started = Instant::now();
    let mut session = Session::new(settings(Some(id.clone())))?;
    let first = session.rebuild();
    let fresh = started.elapsed();
    let entries = {
        let json = std::fs::read(dir.join(format!("out/2012-Q1/{id}.json")))?;
        serde_json::from_slice::<Issue>(&json)?
    };
    println!("{first:?}");
    // One record's title changes in the feed.
    let title = entries
        .entries()
        .nth(entries.entry_count() / 2)
        .and_then(|e| {
            e.description
                .runs()
                .find(|r| r.style == Style::Title)
                .map(|r| r.text.to_owned())
        })
        .ok_or("no title")?;
    let text = std::fs::read_to_string(&feed)?;
    std::fs::write(
        &feed,
        text.replacen(&title, &format!("{title} (düzəliş)"), 1),
    )?;
    let started = Instant::now();
    let outcomes = session.rebuild();
    let rebuilt = started.elapsed();
    println!("{outcomes:?}");
    assert!(matches!(outcomes.as_slice(), [Outcome::Rebuilt { .. }]));
    println!(
        "| {id} | {} entries | fresh build {:.0} ms | rebuild after one record {:.0} ms | {:.0}% |",
        entries.entry_count(),
        fresh.as_secs_f64() * 1e3,
        rebuilt.as_secs_f64() * 1e3,
        rebuilt.as_secs_f64() / fresh.as_secs_f64() * 100.0
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn tempfile_dir() -> std::io::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("bulletin-watch-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
