//! `cargo run -p bench --release -- document`: one big bulletin typeset, against the Typst
//! CLI typesetting the same entries as a grouped Hayagriva bibliography.
//!
//! The generated quarter is placed into one bulletin whose six subtopics share out the
//! configured bulletins' codes, so that every generated article lands in it once: the
//! document has six subtopics, their language groups, a name index and a list of
//! periodicals. It is typeset by `bulletin`'s renderer (PDF/A-2b + PDF/UA-1, as `build`
//! does) and, in the same run, the same entries — grouped by subtopic, one `bibliography`
//! per subtopic, GOST R 7.0.5 style — are compiled by the Typst CLI (`typst` on the
//! `PATH`) or by the `typst` Python package's compile, which runs the same compiler. Each
//! is timed from inside (the Python interpreter's start is not counted); memory is the
//! peak resident size of our process during the render and of the CLI's process.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use chrono::NaiveDate;
use serde_json::json;

use bulletin::build::{self, PlanOptions};
use bulletin::collate::Collators;
use bulletin::config::{Config, Paper};
use bulletin::issue::{Entry, Issue};
use bulletin::model::Record;
use bulletin::render::{RenderOptions, Renderer};
use synth::{Generator, SynthOptions};

use crate::stages::{peak_mib, reset_peak};

/// What to measure.
#[derive(Debug, Clone)]
pub struct DocumentOptions {
    /// Generated articles (one quarter); about as many entries result.
    pub records: usize,
    /// Where the Typst CLI's project is written.
    pub scratch: PathBuf,
    /// Also write the PDFs there, to compare page images.
    pub keep: bool,
    /// Typeset each document this many times; the fastest run counts.
    pub runs: usize,
    /// Also run the Typst CLI.
    pub cli: bool,
}

/// The one big bulletin: the configuration's first bulletin with six subtopics, each
/// taking the codes and subjects of whole configured bulletins, so every article of the
/// generator is placed in it.
fn one_bulletin(config: &Config) -> Config {
    let mut one = config.clone();
    let all: Vec<_> = config.bulletins.iter().flat_map(|b| &b.subtopics).collect();
    let mut six: Vec<_> = all.iter().take(6).map(|&s| s.clone()).collect();
    for s in &mut six {
        s.codes.clear();
        s.patterns.clear();
        s.subjects.clear();
    }
    for (i, s) in all.iter().enumerate() {
        let target = &mut six[i % 6];
        target.codes.extend(s.codes.iter().cloned());
        target.patterns.extend(s.patterns.iter().cloned());
        target.subjects.extend(s.subjects.iter().cloned());
    }
    let mut bulletin = config.bulletins[0].clone();
    bulletin.subtopics = six;
    one.bulletins = vec![bulletin];
    one
}

/// The entry as a Hayagriva article in a periodical.
fn hayagriva(entry: &Entry, record: &Record) -> serde_json::Value {
    let authors: Vec<String> = record
        .authors()
        .map(|p| {
            let given = if p.forenames.is_empty() {
                &p.initials
            } else {
                &p.forenames
            };
            format!("{}, {}", p.surname, given)
        })
        .collect();
    let mut parent = serde_json::Map::new();
    parent.insert("type".into(), json!("periodical"));
    if let Some(host) = &record.host {
        parent.insert("title".into(), json!(host.title.as_str()));
    }
    if let Some(issue) = record.issue.as_deref() {
        parent.insert("issue".into(), json!(issue));
    }
    let mut article = serde_json::Map::new();
    article.insert("type".into(), json!("article"));
    article.insert("title".into(), json!(record.title.as_str()));
    if !authors.is_empty() {
        article.insert("author".into(), json!(authors));
    }
    article.insert("date".into(), json!(entry.date));
    article.insert("language".into(), json!(entry.lang));
    if let Some(pages) = record.pages.as_deref() {
        article.insert("page-range".into(), json!(pages));
    }
    article.insert("parent".into(), serde_json::Value::Object(parent));
    serde_json::Value::Object(article)
}

/// Writes the Typst CLI's project: one Hayagriva file per subtopic (JSON is YAML) and a
/// main file that prints each subtopic's heading and its bibliography in full.
fn write_cli_project(issue: &Issue, records: &[Record], dir: &Path) -> Result<PathBuf, String> {
    let by_id: std::collections::HashMap<&str, &Record> =
        records.iter().map(|r| (r.id.as_ref(), r)).collect();
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut main = String::from(
        "#set page(paper: \"a5\")\n#set text(font: \"Libertinus Serif\", size: 9pt, lang: \"az\")\n#set par(justify: true)\n",
    );
    for (i, section) in issue.sections.iter().enumerate() {
        let mut bib = serde_json::Map::new();
        for entry in section.groups.iter().flat_map(|g| &g.entries) {
            let record = by_id
                .get(entry.record.as_str())
                .ok_or_else(|| format!("entry {} has no record", entry.number))?;
            bib.insert(format!("e{}", entry.number), hayagriva(entry, record));
        }
        let file = format!("s{i}.yml");
        let text = serde_json::to_string(&bib).map_err(|e| e.to_string())?;
        std::fs::write(dir.join(&file), text).map_err(|e| format!("{file}: {e}"))?;
        let _ = writeln!(
            main,
            "= {}\n#bibliography(\"{file}\", full: true, title: none, style: \"gost-r-705-2008-numeric\")",
            section
                .title
                .replace(['#', '[', ']', '*', '_', '<', '>', '@', '$', '\\'], " ")
        );
    }
    let path = dir.join("main.typ");
    std::fs::write(&path, main).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

/// How the Typst CLI is run here.
enum Cli {
    Binary(PathBuf),
    Python(String),
}

fn find_cli() -> Option<Cli> {
    if let Ok(out) = Command::new("typst").arg("--version").output()
        && out.status.success()
    {
        return Some(Cli::Binary("typst".into()));
    }
    let python = std::env::var("TYPST_PYTHON").unwrap_or_else(|_| "python3".into());
    let ok = Command::new(&python)
        .args(["-c", "import typst"])
        .output()
        .is_ok_and(|o| o.status.success());
    ok.then_some(Cli::Python(python))
}

/// Compiles `main` with the CLI; returns (seconds, peak MiB, pages).
fn run_cli(cli: &Cli, main: &Path, pdf: &Path) -> Result<(f64, f64, usize), String> {
    // The peak is the process's own `VmHWM`: `ru_maxrss` would carry over the high-water
    // mark of the forked copy of this process from before `exec`.
    let script = "import sys, time, typst\n\
        t = time.perf_counter()\n\
        typst.compile(sys.argv[1], output=sys.argv[2])\n\
        s = time.perf_counter() - t\n\
        hwm = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:')]\n\
        print(s, hwm[0] if hwm else 0)\n";
    let (seconds, peak_kib) = match cli {
        Cli::Binary(typst) => {
            // The CLI's peak as GNU time (`/usr/bin/time -v`, Debian's `time`) reports it.
            let start = Instant::now();
            let out = Command::new("/usr/bin/time")
                .arg("-v")
                .arg(typst)
                .arg("compile")
                .arg(main)
                .arg(pdf)
                .output()
                .map_err(|e| format!("typst: {e}"))?;
            let seconds = start.elapsed().as_secs_f64();
            if !out.status.success() {
                return Err(String::from_utf8_lossy(&out.stderr).into_owned());
            }
            let peak = String::from_utf8_lossy(&out.stderr)
                .lines()
                .find_map(|l| {
                    l.trim()
                        .strip_prefix("Maximum resident set size (kbytes): ")
                })
                .and_then(|v| v.trim().parse::<f64>().ok())
                .unwrap_or(0.0);
            (seconds, peak)
        }
        Cli::Python(python) => {
            let out = Command::new(python)
                .args(["-c", script])
                .arg(main)
                .arg(pdf)
                .output()
                .map_err(|e| format!("{python}: {e}"))?;
            if !out.status.success() {
                return Err(String::from_utf8_lossy(&out.stderr).into_owned());
            }
            let text = String::from_utf8_lossy(&out.stdout);
            let mut parts = text.split_whitespace();
            let seconds = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0.0);
            let peak = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0.0);
            (seconds, peak)
        }
    };
    let pages = pdf_pages(pdf);
    Ok((seconds, peak_kib / 1024.0, pages))
}

/// The page count of a PDF, by counting its page objects (`/Type /Page`).
fn pdf_pages(pdf: &Path) -> usize {
    let bytes = std::fs::read(pdf).unwrap_or_default();
    let needle = b"/Type /Page";
    let compact = b"/Type/Page";
    let count = |n: &[u8]| {
        bytes
            .windows(n.len())
            .enumerate()
            .filter(|(i, w)| *w == n && bytes.get(i + n.len()) != Some(&b's'))
            .count()
    };
    count(needle) + count(compact)
}

/// CPU seconds (user + system) this process has used, from `/proc/self/stat` (Linux;
/// 0 elsewhere): a figure less disturbed than wall time by other work on the machine.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces) in parentheses.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name; the
    // kernel counts them in USER_HZ, 100 a second on Linux.
    (ticks(11) + ticks(12)) / 100.0
}

/// Runs the comparison; returns a Markdown table with one row.
pub fn run(options: &DocumentOptions, config: &Config, templates: &Path) -> Result<String, String> {
    let from = NaiveDate::from_ymd_opt(2012, 7, 1).unwrap_or_default();
    let to = NaiveDate::from_ymd_opt(2012, 9, 30).unwrap_or_default();
    let records: Vec<Record> =
        Generator::new(SynthOptions::span(options.records, from, to), 7).collect();
    let one = one_bulletin(config);
    let collators = Collators::new();
    let plan = build::plan(&records, &one, &collators, &PlanOptions::default());
    let issue = plan
        .quarters
        .iter()
        .flat_map(|q| &q.issues)
        .max_by_key(|i| i.entry_count())
        .ok_or("nothing was placed")?;
    let renderer = Renderer::new(templates).map_err(|e| e.to_string())?;
    let mut render_options = RenderOptions::new(to.and_time(chrono::NaiveTime::MIN));
    render_options.paper = Paper::A5;
    let mut ours = (f64::INFINITY, 0.0, 0usize);
    // `BENCH_TIMINGS=FILE`: Typst's own timings of the (last) render, as a Chrome trace
    // (chrome://tracing, Perfetto): the layout iterations and what each costs; the number
    // of layout passes is printed.
    let timings = std::env::var_os("BENCH_TIMINGS").map(PathBuf::from);
    for _ in 0..options.runs.max(1) {
        if timings.is_some() {
            typst_timing::clear();
            typst_timing::enable();
        }
        reset_peak();
        let start = Instant::now();
        let cpu = cpu_seconds();
        let rendered = renderer
            .render(issue, &render_options)
            .map_err(|e| e.to_string())?;
        let seconds = start.elapsed().as_secs_f64();
        for warning in &rendered.warnings {
            eprintln!("warning: {warning}");
        }
        eprintln!(
            "bulletin: {seconds:.2} s wall, {:.2} s CPU",
            cpu_seconds() - cpu
        );
        if seconds < ours.0 {
            ours = (seconds, peak_mib(), rendered.pages);
        }
        if let Some(path) = &timings {
            typst_timing::disable();
            let mut trace = Vec::new();
            typst_timing::export_json(&mut trace, |_| (String::new(), 0))?;
            eprintln!("Typst layout passes: {}", layout_passes(&trace)?);
            std::fs::write(path, &trace).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        if options.keep {
            let path = options.scratch.join("bulletin.pdf");
            std::fs::create_dir_all(&options.scratch).map_err(|e| e.to_string())?;
            std::fs::write(&path, &rendered.pdf).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    let cli = match find_cli().filter(|_| options.cli) {
        Some(cli) => {
            let dir = options.scratch.join("typst-cli");
            let main = write_cli_project(issue, &records, &dir)?;
            let pdf = dir.join("main.pdf");
            let mut best = (f64::INFINITY, 0.0, 0usize);
            for _ in 0..options.runs.max(1) {
                let run = run_cli(&cli, &main, &pdf)?;
                if run.0 < best.0 {
                    best = run;
                }
            }
            if !options.keep {
                let _ = std::fs::remove_dir_all(&dir);
            }
            Some((best, matches!(cli, Cli::Binary(_))))
        }
        None => None,
    };
    let names = issue.names.len();
    let periodicals = issue.periodicals.len();
    let mut table = String::from(
        "| entries | sections | names | periodicals | bulletin s | pages | peak MiB | Typst CLI s | its pages | its peak MiB | ratio |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    let (cli_s, cli_pages, cli_peak, ratio) = match &cli {
        Some(((s, peak, pages), binary)) => (
            format!("{s:.2}{}", if *binary { "" } else { " (Python package)" }),
            pages.to_string(),
            format!("{peak:.0}"),
            format!("{:.2}", ours.0 / s),
        ),
        None => (
            "– (no typst CLI)".into(),
            "–".into(),
            "–".into(),
            "–".into(),
        ),
    };
    let _ = writeln!(
        table,
        "| {} | {} | {names} | {periodicals} | {:.2} | {} | {:.0} | {cli_s} | {cli_pages} | {cli_peak} | {ratio} |",
        issue.entry_count(),
        issue.sections.len(),
        ours.0,
        ours.2,
        ours.1,
    );
    Ok(table)
}

/// How many times Typst laid the document out, from its timing trace (one "iter (N)" scope
/// per layout pass; a pass more means the first pass's measures were not the final ones).
fn layout_passes(trace: &[u8]) -> Result<usize, String> {
    let events: Vec<serde_json::Value> =
        serde_json::from_slice(trace).map_err(|e| format!("Typst's timing trace: {e}"))?;
    Ok(events
        .iter()
        .filter(|e| e["ph"] == "B" && e["name"].as_str().is_some_and(|n| n.starts_with("iter")))
        .count())
}
