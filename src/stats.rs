//! The figures of a period's intake: what `statistics.json`, the statistics page and
//! `bulletin stats` show, computed in one place ([`Statistics::of`]).
//!
//! Figures are counted from the period's documents and exceptions report, never from the
//! feeds again, so they always agree with what was published: entries per bulletin and
//! language group (with shares), records read, placed, placed in two or more bulletins and
//! excepted (by [`cause`](crate::classify::Exclusion::cause)), the periodicals used (each
//! counted once, in the language group most of its articles belong to) and the most cited,
//! and entries per month of publication. A year is the same figures over its four quarters,
//! with each quarter's figures beside them. Shares are percentages rounded to one decimal;
//! every list has a fixed order, so the same input gives the same bytes.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::build::{ExceptionsReport, QuarterPlan};
use crate::collate::LanguageGroup;
use crate::issue::Issue;

/// How many periodicals the "most cited" list keeps.
pub const MOST_CITED: usize = 10;

/// The figures of one quarter or one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statistics {
    /// `2012-Q1` or `2012`.
    pub period: String,
    /// Entries of every bulletin together, by language group.
    pub entries: LanguageCounts,
    /// Each bulletin, in configuration order.
    pub bulletins: Vec<BulletinFigures>,
    /// The period's records: read, placed, excepted and why.
    pub records: RecordFigures,
    /// The host periodicals the period's entries cite.
    pub periodicals: PeriodicalFigures,
    /// Entries by month of publication (`2012-01`), in calendar order; entries dated by
    /// the year alone are counted under the year (`2012`), after its months.
    pub months: Vec<MonthCount>,
    /// For a year: each quarter's own figures, in order; empty for a quarter.
    #[serde(default)]
    pub quarters: Vec<Statistics>,
}

/// A count and its share of a whole, in per cent (one decimal).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Share {
    /// How many.
    pub count: u32,
    /// Per cent of the whole, one decimal (`12.5`); 0 when the whole is 0.
    pub share: f64,
}

/// Counts by language group (Azerbaijani, Russian, other) with their shares of `total`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LanguageCounts {
    /// The three groups together.
    pub total: u32,
    /// Azerbaijani.
    pub az: Share,
    /// Russian.
    pub ru: Share,
    /// Every other language.
    pub other: Share,
}

/// One bulletin's entries in the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BulletinFigures {
    /// The bulletin's id in the configuration (`foreign-policy`).
    pub bulletin: String,
    /// Its title as the documents print it.
    pub title: String,
    /// Its entries by language group; `total` is its entry count.
    pub entries: LanguageCounts,
    /// Its share of all entries of the period.
    pub share: f64,
}

/// What became of the period's records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordFigures {
    /// Records of the period read from the feeds.
    pub read: u32,
    /// Records placed in at least one bulletin.
    pub placed: u32,
    /// Records placed in two or more bulletins.
    pub in_two_or_more: u32,
    /// Records in the exceptions report (`read = placed + excepted`).
    pub excepted: u32,
    /// Exceptions by cause, most frequent first (ties by cause).
    pub by_cause: Vec<CauseCount>,
}

/// Exceptions of one cause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CauseCount {
    /// The cause as the exceptions report words it.
    pub cause: String,
    /// Records excepted for it.
    pub count: u32,
}

/// The host periodicals cited in the period, each title counted once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodicalFigures {
    /// Distinct periodical titles cited.
    pub used: u32,
    /// Titles by the language group of most of their articles (ties: the earlier group).
    pub by_language: LanguageCounts,
    /// The most cited titles, by articles (records, not entries), then by title.
    pub most_cited: Vec<PeriodicalCount>,
}

/// One periodical of the "most cited" list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodicalCount {
    /// The host periodical's title as catalogued.
    pub title: String,
    /// Its articles in the period: records, each counted once however many bulletins
    /// list it.
    pub articles: u32,
}

/// Entries published in one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthCount {
    /// `2012-01`, or the year alone (`2012`) for entries dated by the year only.
    pub month: String,
    /// Entries of every bulletin dated in it.
    pub entries: u32,
}

/// `count` as a percentage of `total`, rounded to one decimal (0 when `total` is 0).
pub fn share(count: u32, total: u32) -> f64 {
    if total == 0 {
        return 0.0;
    }
    (f64::from(count) * 1000.0 / f64::from(total)).round() / 10.0
}

impl LanguageCounts {
    fn of(counts: [u32; 3]) -> LanguageCounts {
        let total = counts.iter().sum();
        let s = |i: usize| Share {
            count: counts[i],
            share: share(counts[i], total),
        };
        LanguageCounts {
            total,
            az: s(0),
            ru: s(1),
            other: s(2),
        }
    }

    /// The groups in order with their labels (`az`, `ru`, `other`).
    pub fn groups(&self) -> [(LanguageGroup, Share); 3] {
        [
            (LanguageGroup::Azerbaijani, self.az),
            (LanguageGroup::Russian, self.ru),
            (LanguageGroup::Other, self.other),
        ]
    }
}

fn group_index(group: LanguageGroup) -> usize {
    match group {
        LanguageGroup::Azerbaijani => 0,
        LanguageGroup::Russian => 1,
        LanguageGroup::Other => 2,
    }
}

/// The month an entry's date falls in (`2012-01`), or its year when only that is known.
fn month_of(date: &str) -> &str {
    match date.get(..7) {
        Some(month) if month.as_bytes().get(4) == Some(&b'-') => month,
        _ => date.get(..4).unwrap_or(date),
    }
}

impl Statistics {
    /// The figures of `period` from its parts: each a list of documents (one per bulletin)
    /// and the exceptions report of the same records. A quarter has one part; a year its
    /// quarters (a record belongs to one quarter, so the parts add up).
    pub fn of(period: &str, parts: &[(&[Issue], &ExceptionsReport)]) -> Statistics {
        let mut bulletins: Vec<(String, String, [u32; 3])> = Vec::new();
        let mut entries = [0u32; 3];
        let mut months: BTreeMap<String, u32> = BTreeMap::new();
        // Per record: the bulletins it is in; per periodical: its articles by group.
        let mut record_bulletins: HashMap<(usize, &str), BTreeSet<&str>> = HashMap::new();
        let mut periodical_records: BTreeMap<&str, BTreeSet<(usize, &str)>> = BTreeMap::new();
        let mut periodical_groups: BTreeMap<&str, [u32; 3]> = BTreeMap::new();
        let (mut read, mut placed) = (0u32, 0u32);
        let mut causes: BTreeMap<&str, u32> = BTreeMap::new();
        for (part, (issues, report)) in parts.iter().enumerate() {
            read += count(report.records);
            placed += count(report.placed);
            for e in &report.exceptions {
                *causes.entry(e.cause).or_default() += 1;
            }
            for issue in *issues {
                let at = bulletins
                    .iter()
                    .position(|b| b.0 == issue.bulletin)
                    .unwrap_or_else(|| {
                        bulletins.push((issue.bulletin.clone(), issue.title.clone(), [0; 3]));
                        bulletins.len() - 1
                    });
                let mut host: HashMap<u32, &str> = HashMap::new();
                for p in &issue.periodicals {
                    for n in &p.numbers {
                        host.insert(*n, p.title.as_str());
                    }
                }
                for section in &issue.sections {
                    for group in &section.groups {
                        let g = group_index(group.language);
                        for entry in &group.entries {
                            bulletins[at].2[g] += 1;
                            entries[g] += 1;
                            *months.entry(month_of(&entry.date).to_string()).or_default() += 1;
                            let key = (part, entry.record.as_str());
                            record_bulletins
                                .entry(key)
                                .or_default()
                                .insert(issue.bulletin.as_str());
                            if let Some(title) = host.get(&entry.number)
                                && periodical_records.entry(title).or_default().insert(key)
                            {
                                periodical_groups.entry(title).or_default()[g] += 1;
                            }
                        }
                    }
                }
            }
        }
        let total_entries: u32 = entries.iter().sum();
        let mut periodical_languages = [0u32; 3];
        for groups in periodical_groups.values() {
            let most = (0..3).max_by(|a, b| groups[*a].cmp(&groups[*b]).then(b.cmp(a)));
            periodical_languages[most.unwrap_or(0)] += 1;
        }
        Statistics {
            period: period.to_string(),
            entries: LanguageCounts::of(entries),
            bulletins: bulletins
                .into_iter()
                .map(|(bulletin, title, counts)| {
                    let counts = LanguageCounts::of(counts);
                    BulletinFigures {
                        bulletin,
                        title,
                        share: share(counts.total, total_entries),
                        entries: counts,
                    }
                })
                .collect(),
            records: RecordFigures {
                read,
                placed,
                in_two_or_more: count(record_bulletins.values().filter(|b| b.len() >= 2).count()),
                excepted: read - placed.min(read),
                by_cause: by_frequency(causes),
            },
            periodicals: PeriodicalFigures {
                used: count(periodical_records.len()),
                by_language: LanguageCounts::of(periodical_languages),
                most_cited: most_cited(&periodical_records),
            },
            months: in_calendar_order(months),
            quarters: Vec::new(),
        }
    }

    /// The figures of one quarter.
    pub fn of_quarter(quarter: &QuarterPlan) -> Statistics {
        Statistics::of(
            &quarter.quarter.to_string(),
            &[(&quarter.issues, &quarter.exceptions)],
        )
    }

    /// The figures of a year over its quarters, each quarter's figures beside them.
    pub fn of_year(year: i32, quarters: &[QuarterPlan]) -> Statistics {
        let parts: Vec<(&[Issue], &ExceptionsReport)> = quarters
            .iter()
            .map(|q| (q.issues.as_slice(), &q.exceptions))
            .collect();
        let mut statistics = Statistics::of(&year.to_string(), &parts);
        statistics.quarters = quarters.iter().map(Statistics::of_quarter).collect();
        statistics
    }

    /// The figures as text tables for a terminal; a year's per-quarter figures side by side.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "Statistics {}", self.period);
        let mut rows = vec![row(["bulletin", "entries", "share", "az", "ru", "other"])];
        for b in &self.bulletins {
            rows.push(vec![
                b.bulletin.clone(),
                b.entries.total.to_string(),
                percent(b.share),
                counted(b.entries.az),
                counted(b.entries.ru),
                counted(b.entries.other),
            ]);
        }
        rows.push(vec![
            "all bulletins".into(),
            self.entries.total.to_string(),
            percent(if self.entries.total > 0 { 100.0 } else { 0.0 }),
            counted(self.entries.az),
            counted(self.entries.ru),
            counted(self.entries.other),
        ]);
        push_table(&mut out, "Entries by bulletin and language", &rows);

        let r = &self.records;
        let mut rows = vec![
            row(["records", "count"]),
            row(["read", &r.read.to_string()]),
            row(["placed", &r.placed.to_string()]),
            row(["in two or more bulletins", &r.in_two_or_more.to_string()]),
            row(["excepted", &r.excepted.to_string()]),
        ];
        for c in &r.by_cause {
            rows.push(vec![format!("  {}", c.cause), c.count.to_string()]);
        }
        push_table(&mut out, "Records", &rows);

        let p = &self.periodicals;
        let mut rows = vec![
            row(["periodicals", "count"]),
            row(["used", &p.used.to_string()]),
        ];
        for (group, s) in p.by_language.groups() {
            rows.push(vec![format!("  {}", group.key()), counted(s)]);
        }
        push_table(&mut out, "Periodicals", &rows);
        let mut rows = vec![row(["most cited", "articles"])];
        for c in &p.most_cited {
            rows.push(vec![c.title.clone(), c.articles.to_string()]);
        }
        push_table(&mut out, "Most cited periodicals", &rows);

        let mut rows = vec![row(["month", "entries"])];
        for m in &self.months {
            rows.push(vec![m.month.clone(), m.entries.to_string()]);
        }
        push_table(&mut out, "Entries by month", &rows);

        if !self.quarters.is_empty() {
            let mut head = vec!["figure".to_string()];
            head.extend(self.quarters.iter().map(|q| q.period.clone()));
            head.push(self.period.clone());
            let all: Vec<&Statistics> = self.quarters.iter().chain([self]).collect();
            let line = |name: &str, f: &dyn Fn(&Statistics) -> u32| {
                let mut cells = vec![name.to_string()];
                cells.extend(all.iter().map(|s| f(s).to_string()));
                cells
            };
            let mut rows = vec![
                head,
                line("records read", &|s| s.records.read),
                line("placed", &|s| s.records.placed),
                line("in two or more bulletins", &|s| s.records.in_two_or_more),
                line("excepted", &|s| s.records.excepted),
                line("entries", &|s| s.entries.total),
                line("  az", &|s| s.entries.az.count),
                line("  ru", &|s| s.entries.ru.count),
                line("  other", &|s| s.entries.other.count),
                line("periodicals used", &|s| s.periodicals.used),
            ];
            for (i, b) in self.bulletins.iter().enumerate() {
                rows.push(line(&b.bulletin, &|s| {
                    s.bulletins.get(i).map_or(0, |x| x.entries.total)
                }));
            }
            push_table(&mut out, "By quarter", &rows);
        }
        out
    }
}

/// Exceptions by cause, most frequent first, ties by cause.
fn by_frequency(causes: BTreeMap<&str, u32>) -> Vec<CauseCount> {
    let mut by_cause: Vec<CauseCount> = causes
        .into_iter()
        .map(|(cause, count)| CauseCount {
            cause: cause.to_string(),
            count,
        })
        .collect();
    by_cause.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.cause.cmp(&b.cause)));
    by_cause
}

/// The [`MOST_CITED`] periodicals with the most articles (records), ties by title.
fn most_cited<K>(periodical_records: &BTreeMap<&str, BTreeSet<K>>) -> Vec<PeriodicalCount> {
    let mut most_cited: Vec<PeriodicalCount> = periodical_records
        .iter()
        .map(|(title, records)| PeriodicalCount {
            title: (*title).to_string(),
            articles: count(records.len()),
        })
        .collect();
    most_cited.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.title.cmp(&b.title))
    });
    most_cited.truncate(MOST_CITED);
    most_cited
}

/// Months in calendar order, each year alone (`2012`) after its months.
fn in_calendar_order(months: BTreeMap<String, u32>) -> Vec<MonthCount> {
    let mut months: Vec<MonthCount> = months
        .into_iter()
        .map(|(month, entries)| MonthCount { month, entries })
        .collect();
    // A year alone (`2012`) sorts before its months as text; put it after them.
    months.sort_by(|a, b| {
        (a.month.get(..4), a.month.len() == 4).cmp(&(b.month.get(..4), b.month.len() == 4))
    });
    months
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn row<const N: usize>(cells: [&str; N]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_string()).collect()
}

fn percent(share: f64) -> String {
    format!("{share:.1}%")
}

fn counted(s: Share) -> String {
    format!("{} ({})", s.count, percent(s.share))
}

/// Appends a titled table: the first row is the header; the first column is left-aligned,
/// the others right-aligned (widths in characters).
fn push_table(out: &mut String, title: &str, rows: &[Vec<String>]) {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let _ = writeln!(out, "\n{title}");
    for (i, r) in rows.iter().enumerate() {
        let mut line = String::new();
        for (c, cell) in r.iter().enumerate() {
            let pad = widths[c].saturating_sub(cell.chars().count());
            if c == 0 {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str("  ");
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
        if i == 0 {
            let rule: usize = widths.iter().sum::<usize>() + 2 * columns.saturating_sub(1);
            let _ = writeln!(out, "{}", "-".repeat(rule));
        }
    }
}
