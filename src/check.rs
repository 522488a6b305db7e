//! `bulletin check`: read feeds, summarise them, and list every problem.
//!
//! The summary counts records per format, language, quarter and host periodical; every
//! record-level problem is listed as `file:line:col: record ID: message`, every file-level
//! error as `file:line:col: message`. The outcome decides the exit status: 0 when every
//! record is usable, 1 when some records have problems, 2 when a file cannot be read.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use crate::classify::{self, QuarterBy};
use crate::feed::{self, FeedError, ReadOptions};
use crate::model::{Format, ProblemKind, Record};
use crate::overrides::Overrides;

/// The per-quarter key of the records that belong to no quarter (`build`'s undated report).
pub const UNDATED: &str = "(undated)";

/// What `check` found.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// Feed files found (the unreadable ones included).
    pub files: usize,
    /// Records read from them, usable or not.
    pub records: usize,
    /// Records per export format, by the format's name.
    pub per_format: BTreeMap<String, usize>,
    /// Records per main language code as catalogued; `(none)` when none is coded.
    pub per_language: BTreeMap<String, usize>,
    /// Records per quarter as `build` decides it ([`classify::quarter_of`]), and
    /// [`UNDATED`] for those it lists in its undated report.
    pub per_quarter: BTreeMap<String, usize>,
    /// Records per host periodical title; `(none)` for records without a host.
    pub per_host: BTreeMap<String, usize>,
    /// `file:line:col: record ID: message` lines, in reading order.
    pub problems: Vec<String>,
    /// Notes that do not make a record unusable (only a year known, no id).
    pub warnings: Vec<String>,
    /// File-level errors (a file that cannot be opened, or a part of one that cannot be
    /// parsed), each with its position and reason.
    pub file_errors: Vec<FeedError>,
    /// The original text of the records asked for with `--show`.
    pub shown: Vec<String>,
}

impl CheckReport {
    /// 0 all usable, 1 some records have problems, 2 some file could not be read.
    pub fn exit_code(&self) -> i32 {
        match (self.file_errors.is_empty(), self.problems.is_empty()) {
            (false, _) => 2,
            (true, false) => 1,
            (true, true) => 0,
        }
    }

    fn add(&mut self, format: Format, record: &Record, by: QuarterBy) {
        self.records += 1;
        *self
            .per_format
            .entry(format.name().to_string())
            .or_default() += 1;
        let language = record
            .main_language()
            .map_or_else(|| "(none)".to_string(), |l| l.code.to_string());
        *self.per_language.entry(language).or_default() += 1;
        // The build's own rule, so that these counts are what `build` places and excepts
        // per quarter (and the undated report holds the rest).
        let quarter = match classify::quarter_of(record, by) {
            Ok((quarter, _)) => quarter.to_string(),
            Err(_) => UNDATED.to_string(),
        };
        *self.per_quarter.entry(quarter).or_default() += 1;
        let host = record
            .host
            .as_ref()
            .map_or_else(|| "(none)".to_string(), |h| h.title.to_string());
        *self.per_host.entry(host).or_default() += 1;
        for p in &record.problems {
            let line = format!(
                "{}:{}:{}: record {}: {}",
                record.origin.file.display(),
                p.line,
                p.column,
                record.id,
                p.message
            );
            if p.kind.is_fatal() || p.kind == ProblemKind::NoId {
                self.problems.push(line);
            } else {
                self.warnings.push(line);
            }
        }
    }

    /// The printed summary.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{} records in {} files", self.records, self.files);
        let section =
            |out: &mut String, title: &str, map: &BTreeMap<String, usize>, limit: usize| {
                let _ = writeln!(out, "{title}:");
                let mut rows: Vec<(&String, &usize)> = map.iter().collect();
                rows.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
                for (name, count) in rows.iter().take(limit) {
                    let _ = writeln!(out, "  {count:>7}  {name}");
                }
                if rows.len() > limit {
                    let _ = writeln!(out, "  … and {} more", rows.len() - limit);
                }
            };
        section(&mut out, "per format", &self.per_format, usize::MAX);
        section(&mut out, "per language", &self.per_language, usize::MAX);
        let _ = writeln!(out, "per quarter:");
        for (q, n) in &self.per_quarter {
            let _ = writeln!(out, "  {n:>7}  {q}");
        }
        section(&mut out, "per host periodical", &self.per_host, 40);
        let _ = writeln!(
            out,
            "{} problems, {} warnings, {} unreadable files",
            self.problems.len(),
            self.warnings.len(),
            self.file_errors.len()
        );
        out
    }
}

/// Reads every feed and reports. Never stops at a bad file: the others are still read.
/// Records whose id is in `show` have their original text added to the report. The
/// compiler's `overrides` (a date, a language) are applied as `build` applies them, so
/// that the quarters counted are the quarters built.
pub fn check(
    paths: &[PathBuf],
    options: &ReadOptions,
    by: QuarterBy,
    overrides: &Overrides,
    show: &[String],
) -> CheckReport {
    let mut report = CheckReport::default();
    let files = match feed::feed_files(paths) {
        Ok(files) => files,
        Err(e) => {
            report.file_errors.push(e);
            return report;
        }
    };
    report.files = files.len();
    for file in files {
        match feed::open(&file, options) {
            Ok((format, records)) => {
                for record in records {
                    match record {
                        Ok(mut r) => {
                            overrides.edit(std::slice::from_mut(&mut r));
                            if show.iter().any(|s| r.id == *s) {
                                let text = r
                                    .origin
                                    .excerpt()
                                    .unwrap_or_else(|e| format!("(cannot re-read it: {e})"));
                                report.shown.push(format!(
                                    "{}: record {} ({format}):\n{}",
                                    r.origin.position(),
                                    r.id,
                                    text.trim_end()
                                ));
                            }
                            report.add(format, &r, by);
                        }
                        Err(e) => report.file_errors.push(e),
                    }
                }
            }
            Err(e) => report.file_errors.push(e),
        }
    }
    report
}
