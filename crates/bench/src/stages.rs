//! `cargo run -p bench --release -- stages`: measures each stage of the pipeline on
//! generated feeds.
//!
//! For every size and format it writes a synthetic feed (not timed), then times reading
//! it, placing + ordering + describing it into a quarter's nine bulletins, and (up to a
//! size limit) typesetting those nine bulletins. Peak memory is the process's high-water
//! mark (`VmHWM`), reset before each stage through `/proc/self/clear_refs`, so each figure
//! belongs to its stage. The result is a Markdown table, with the command that made it.
//!
//! Reading is also set against a bare scan of the same file in the same run, the most a
//! reader could hope for: quick-xml's event loop for MARCXML (events counted, nothing
//! allocated per event), the split at record terminators (0x1D) for ISO 2709, the split
//! into lines for IRBIS text. "read/scan" is the reader's speed as a share of the scan's.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, BufWriter};
use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;

use bulletin::build::{self, PlanOptions};
use bulletin::collate::Collators;
use bulletin::config::{Config, Paper};
use bulletin::feed::{self, ReadOptions};
use bulletin::render::{Job, RenderOptions, Renderer, render_all};
use synth::{SynthFormat, SynthOptions, write_feed};

/// What to measure.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    pub sizes: Vec<usize>,
    pub formats: Vec<SynthFormat>,
    /// Typeset only feeds of at most this many records.
    pub typeset_max: usize,
    pub threads: usize,
}

/// One stage's figures.
#[derive(Debug, Clone)]
pub struct Measure {
    pub seconds: f64,
    pub peak_mib: f64,
}

/// Resets the process's peak-RSS mark (Linux); returns whether it could.
pub fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// Peak resident memory since the last reset, in MiB (0 where unknown).
pub fn peak_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn measure<T>(f: impl FnOnce() -> T) -> (T, Measure) {
    reset_peak();
    let start = Instant::now();
    let value = f();
    let seconds = start.elapsed().as_secs_f64();
    (
        value,
        Measure {
            seconds,
            peak_mib: peak_mib(),
        },
    )
}

/// The table's header.
pub const HEADER: &str = "| records | format | feed MB | read s | read MB/s | read rec/s | read peak MiB | place+order+describe s | its peak MiB | entries | typeset s | PDFs | pages | pages/s | typeset peak MiB | bare scan MB/s | read/scan |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";

/// Scans a feed file as bare as its format allows (see the module's doc); returns the
/// seconds it took and what it counted (events, records or lines).
pub fn bare_scan(format: SynthFormat, path: &Path) -> Result<(f64, usize), String> {
    let open = || {
        std::fs::File::open(path)
            .map(|f| BufReader::with_capacity(1 << 16, f))
            .map_err(|e| format!("{}: {e}", path.display()))
    };
    let mut input = open()?;
    let start = Instant::now();
    let mut count = 0usize;
    match format {
        SynthFormat::MarcXml | SynthFormat::MarcXmlMarc21 => {
            let mut reader = quick_xml::Reader::from_reader(input);
            let mut buf = Vec::new();
            loop {
                match reader.read_event_into(&mut buf) {
                    Ok(quick_xml::events::Event::Eof) => break,
                    Ok(_) => count += 1,
                    Err(e) => return Err(format!("{}: {e}", path.display())),
                }
                buf.clear();
            }
        }
        SynthFormat::Iso2709 | SynthFormat::Iso2709Cp1251 | SynthFormat::Iso2709Marc21 => loop {
            let buf = input
                .fill_buf()
                .map_err(|e| format!("{}: {e}", path.display()))?;
            if buf.is_empty() {
                break;
            }
            count += memchr::memchr_iter(0x1D, buf).count();
            let n = buf.len();
            input.consume(n);
        },
        SynthFormat::Irbis => {
            let mut line = Vec::new();
            while input
                .read_until(b'\n', &mut line)
                .map_err(|e| format!("{}: {e}", path.display()))?
                > 0
            {
                count += 1;
                line.clear();
            }
        }
    }
    Ok((start.elapsed().as_secs_f64(), count))
}

/// Runs every case in a fresh child process (`stages --row`), so each row's memory
/// figures are its own; returns the Markdown table.
pub fn run_isolated(options: &BenchOptions, passthrough: &[String]) -> Result<String, String> {
    let exe =
        std::env::current_exe().map_err(|e| format!("cannot find the bench executable: {e}"))?;
    let mut table = String::from(HEADER);
    for &size in &options.sizes {
        for format in &options.formats {
            let out = std::process::Command::new(&exe)
                .arg("stages")
                .arg("--row")
                .args(["--records", &size.to_string(), "--formats", format.name()])
                .args([
                    "--typeset-max",
                    &options.typeset_max.to_string(),
                    "--jobs",
                    &options.threads.to_string(),
                ])
                .args(passthrough)
                .stderr(std::process::Stdio::inherit())
                .output()
                .map_err(|e| format!("cannot run a benchmark case: {e}"))?;
            if !out.status.success() {
                return Err(format!("the case {size} {} failed", format.name()));
            }
            table.push_str(&String::from_utf8_lossy(&out.stdout));
        }
    }
    Ok(table)
}

/// Runs the cases in this process; returns the table's rows (no header).
pub fn run(
    options: &BenchOptions,
    config: &Config,
    templates: &Path,
    scratch: &Path,
) -> Result<String, String> {
    let collators = Collators::new();
    // The font book and standard library are built only when something is typeset.
    let renderer = if options.sizes.iter().any(|&n| n <= options.typeset_max) {
        Some(Renderer::new(templates).map_err(|e| e.to_string())?)
    } else {
        None
    };
    let quarter_from = NaiveDate::from_ymd_opt(2012, 7, 1).unwrap_or_default();
    let quarter_to = NaiveDate::from_ymd_opt(2012, 9, 30).unwrap_or_default();
    let mut table = String::new();
    for &size in &options.sizes {
        for &format in &options.formats {
            let path = scratch.join(format!("bench-{size}.{}", format.name()));
            let synth = SynthOptions::span(size, quarter_from, quarter_to);
            let bytes = {
                let file =
                    std::fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                let mut out = BufWriter::new(file);
                write_feed(format, &synth, 7, &mut out)
                    .map_err(|e| format!("{}: {e}", path.display()))?
            };
            let mb = bytes as f64 / 1e6;
            // Scanned first, so both the scan and the reader find the file in the page cache.
            let (scan_seconds, _) = bare_scan(format, &path)?;
            let (records, read) =
                measure(|| feed::read_all(std::slice::from_ref(&path), &ReadOptions::default()));
            let records = records.map_err(|e| {
                e.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            })?;
            let (plan, placed) =
                measure(|| build::plan(&records, config, &collators, &PlanOptions::default()));
            let entries: usize = plan
                .quarters
                .iter()
                .flat_map(|q| &q.issues)
                .map(|i| i.entry_count())
                .sum();
            let n = records.len();
            drop(records);
            let typeset = if let Some(renderer) =
                renderer.as_ref().filter(|_| size <= options.typeset_max)
            {
                let jobs: Vec<Job> = plan
                    .quarters
                    .iter()
                    .flat_map(|q| &q.issues)
                    .map(|issue| {
                        let mut o = RenderOptions::new(quarter_to.and_time(chrono::NaiveTime::MIN));
                        o.paper = Paper::A5;
                        Job { issue, options: o }
                    })
                    .collect();
                let ((pages, docs, failures), m) = measure(|| {
                    let (mut pages, mut docs, mut failures) = (0usize, 0usize, Vec::new());
                    render_all(renderer, &jobs, options.threads, |_, r| match r {
                        Ok(r) => {
                            pages += r.pages;
                            docs += 1;
                        }
                        Err(e) => failures.push(e.to_string()),
                    });
                    (pages, docs, failures)
                });
                if let Some(f) = failures.first() {
                    return Err(f.clone());
                }
                Some((m, docs, pages))
            } else {
                None
            };
            let _ = std::fs::remove_file(&path);
            let (ts, docs, pages, pps, tpeak) = match &typeset {
                Some((m, docs, pages)) => (
                    format!("{:.2}", m.seconds),
                    docs.to_string(),
                    pages.to_string(),
                    format!("{:.0}", *pages as f64 / m.seconds),
                    format!("{:.0}", m.peak_mib),
                ),
                None => ("–".into(), "–".into(), "–".into(), "–".into(), "–".into()),
            };
            let _ = writeln!(
                table,
                "| {n} | {} | {mb:.0} | {:.2} | {:.0} | {:.0} | {:.0} | {:.2} | {:.0} | {entries} | {ts} | {docs} | {pages} | {pps} | {tpeak} | {:.0} | {:.2} |",
                format.name(),
                read.seconds,
                mb / read.seconds,
                n as f64 / read.seconds,
                read.peak_mib,
                placed.seconds,
                placed.peak_mib,
                mb / scan_seconds,
                scan_seconds / read.seconds,
            );
            eprintln!("{size} {}: done", format.name());
        }
    }
    Ok(table)
}
