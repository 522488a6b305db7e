//! Bibliographic indexes: chronological and subject guides over any span of the feeds.
//!
//! An index is an [`Issue`] like a bulletin (same JSON shape, same rendering) with
//! `kind: chronological` or `kind: subject`, built by the same stages: records are screened
//! as in the quarterly build ([`crate::build::screen`]: no fatal problem, a language group,
//! one catalogue record per article), chosen by a [`Selection`] and the span, then ordered,
//! numbered and described by [`crate::order::arrange`]. Invariants:
//!
//! - chronological: level-1 sections are years, each followed by its months (level 2,
//!   headings in the index language); only month sections hold entries; inside a month,
//!   entries run by date, within a day by language group, then host title, issue, page;
//! - subject: one level-1 section per heading (the subtopic the record is placed in, else
//!   its first subject heading, else its first keyword), headings in collation order, the
//!   records without any heading last; chronological inside;
//! - entries are numbered 1…N through the index; the name index and list of periodicals
//!   cover exactly the index's entries;
//! - an index with no entries is an error ([`IndexError::Empty`]), never an empty document.

pub mod defs;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};

use crate::build::screen;
use crate::classify::{self, Classifier, Dating};
use crate::collate::{Collators, LanguageGroup};
use crate::config::Config;
use crate::describe::{AZ_MONTHS, Apparatus, RU_MONTHS_FULL};
use crate::issue::{DocumentKind, FrontMatter, Issue, NameEntry, Periodical, Section};
use crate::model::Record;
use crate::order::{self, Arrangement, Placed, SectionHead};
use crate::period::Period;
use crate::select::{Matcher, Selection};

/// Which guide to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexKind {
    /// By date: year sections, each with its months.
    Chronological,
    /// By subject heading (the subtopic, else the first subject heading or keyword).
    Subject,
}

impl IndexKind {
    /// The kind as written in definitions and on the command line (`chronological`).
    pub fn name(self) -> &'static str {
        match self {
            IndexKind::Chronological => "chronological",
            IndexKind::Subject => "subject",
        }
    }

    /// The kind a definition or the command line names; `None` for any other word.
    pub fn parse(text: &str) -> Option<IndexKind> {
        match text.trim() {
            "chronological" => Some(IndexKind::Chronological),
            "subject" => Some(IndexKind::Subject),
            _ => None,
        }
    }
}

/// The language of an index's headings and apparatus (the entries keep their own).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum IndexLanguage {
    /// Azerbaijani headings and apparatus (`az`), as in the bulletins.
    #[default]
    Azerbaijani,
    /// Russian headings and apparatus (`ru`).
    Russian,
}

impl IndexLanguage {
    /// The language a definition or the command line names (`az`, `ru`); `None` otherwise.
    pub fn parse(text: &str) -> Option<IndexLanguage> {
        match text.trim() {
            "az" => Some(IndexLanguage::Azerbaijani),
            "ru" => Some(IndexLanguage::Russian),
            _ => None,
        }
    }

    /// A month's heading: `İyun`, `Июнь`.
    pub fn month(self, month: u32) -> String {
        self.apparatus().capitalise(self.month_lower(month))
    }

    fn month_lower(self, month: u32) -> &'static str {
        let i = (month.clamp(1, 12) - 1) as usize;
        match self {
            IndexLanguage::Azerbaijani => AZ_MONTHS[i],
            IndexLanguage::Russian => RU_MONTHS_FULL[i],
        }
    }

    /// The describing stage's apparatus of this language (its casing rules).
    fn apparatus(self) -> Apparatus {
        match self {
            IndexLanguage::Azerbaijani => Apparatus::Azerbaijani,
            IndexLanguage::Russian => Apparatus::Russian,
        }
    }

    fn text(self, az: &'static str, ru: &'static str) -> &'static str {
        match self {
            IndexLanguage::Azerbaijani => az,
            IndexLanguage::Russian => ru,
        }
    }
}

/// The Azerbaijani ordinal suffix of a number (`2012-ci`, `2003-cü`, `2010-cu`, `2006-cı`).
pub fn az_ordinal(n: i64) -> String {
    let n = n.unsigned_abs();
    // The vowel of the number's last spoken word decides the suffix.
    let last_word_vowel = if !n.is_multiple_of(10) {
        ['i', 'i', 'i', 'ü', 'ü', 'i', 'ı', 'i', 'i', 'u'][(n % 10) as usize]
    } else if !n.is_multiple_of(100) {
        ['i', 'u', 'i', 'u', 'ı', 'i', 'ı', 'i', 'i', 'ı'][((n / 10) % 10) as usize]
    } else if !n.is_multiple_of(1000) {
        'ü'
    } else if n == 0 {
        'ı'
    } else {
        'i'
    };
    let suffix = match last_word_vowel {
        'ı' => "cı",
        'u' => "cu",
        'ü' => "cü",
        _ => "ci",
    };
    format!("{n}-{suffix}")
}

/// What to build.
#[derive(Debug, Clone)]
pub struct IndexSpec {
    /// Output file stem (`[a-z0-9-]`).
    pub id: String,
    /// Which guide: chronological or subject.
    pub kind: IndexKind,
    /// Title page title; `None` for the kind's generic title.
    pub title: Option<String>,
    /// The first day of the span, included.
    pub from: NaiveDate,
    /// The last day of the span, included.
    pub to: NaiveDate,
    /// `None` takes every record of the span.
    pub selection: Option<Selection>,
    /// The language of the headings and apparatus.
    pub language: IndexLanguage,
    /// Document date overriding `to` (`SOURCE_DATE_EPOCH`).
    pub date: Option<NaiveDate>,
    /// The most entries one document holds; a bigger index is split into volumes.
    pub max_entries: usize,
}

/// Entries per volume unless a guide says otherwise: about 150 A5 pages, which Typst lays
/// out in about 3 s and under 0.9 GiB (5,000 entries took 1.6 GiB; see
/// docs/performance.md), so a volume typesets on an ordinary office machine.
pub const DEFAULT_MAX_ENTRIES: usize = 2_500;

/// An index as built: one document, or its volumes when it is bigger than
/// [`IndexSpec::max_entries`].
#[derive(Debug, Clone)]
pub struct BuiltIndex {
    /// The documents, in order; one unless the index was split.
    pub volumes: Vec<Issue>,
    /// What went into the index.
    pub report: IndexReport,
}

impl BuiltIndex {
    /// Whether the index was split into volumes.
    pub fn is_split(&self) -> bool {
        self.volumes.len() > 1
    }

    /// The contents of a split index: each volume's id, span and entry numbers.
    pub fn contents(&self, spec: &IndexSpec) -> Contents {
        Contents {
            id: spec.id.clone(),
            kind: spec.kind.name(),
            from: spec.from,
            to: spec.to,
            entries: self.volumes.iter().map(Issue::entry_count).sum(),
            volumes: self
                .volumes
                .iter()
                .map(|v| {
                    let first = v.entries().map(|e| e.number).min();
                    let last = v.entries().map(|e| e.number).max();
                    VolumeEntry {
                        id: v.bulletin.clone(),
                        period: v.period,
                        issue_line: v.front.issue_line.clone(),
                        first: first.unwrap_or(0),
                        last: last.unwrap_or(0),
                        entries: v.entry_count(),
                    }
                })
                .collect(),
        }
    }
}

/// The contents file of an index split into volumes (`<id>.volumes.json`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Contents {
    /// The index's id; volumes are `<id>-1`, `<id>-2` …
    pub id: String,
    /// `chronological` or `subject`.
    pub kind: &'static str,
    /// The index's span.
    pub from: NaiveDate,
    /// The index's span.
    pub to: NaiveDate,
    /// Entries in all volumes.
    pub entries: usize,
    /// The volumes in order.
    pub volumes: Vec<VolumeEntry>,
}

/// One volume in the contents file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct VolumeEntry {
    /// Its id (output file stem).
    pub id: String,
    /// The months it covers.
    #[serde(rename = "quarter")]
    pub period: Period,
    /// Its title page's issue line (`2012, yanvar–iyun. Cild 1`).
    pub issue_line: String,
    /// Its first entry number (numbering runs on through the volumes).
    pub first: u32,
    /// Its last entry number.
    pub last: u32,
    /// Its number of entries.
    pub entries: usize,
}

/// Why an index could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IndexError {
    /// `to` is before `from`.
    #[error("the span ends ({to}) before it begins ({from})")]
    Span {
        /// First day asked for.
        from: NaiveDate,
        /// Last day asked for.
        to: NaiveDate,
    },
    /// No record of the span is selected.
    #[error("index \"{id}\": {}; nothing written", nothing_matched(selection.as_deref(), *from, *to, *in_span))]
    Empty {
        /// The index's id.
        id: String,
        /// The selection's text, when there is one.
        selection: Option<String>,
        /// First day of the span.
        from: NaiveDate,
        /// Last day of the span.
        to: NaiveDate,
        /// Usable records in the span (before the selection).
        in_span: usize,
    },
}

fn nothing_matched(
    selection: Option<&str>,
    from: NaiveDate,
    to: NaiveDate,
    in_span: usize,
) -> String {
    match selection {
        Some(s) => {
            format!("the selection {s} matches none of the {in_span} records from {from} to {to}")
        }
        None => format!("no records from {from} to {to}"),
    }
}

/// What went into an index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexReport {
    /// Usable records whose date falls in the span (after removing duplicates).
    pub in_span: usize,
    /// Records in the index.
    pub selected: usize,
    /// Records of the span left out as unusable, of unknown language, or duplicates.
    pub screened_out: usize,
}

/// The months a record belongs to, as precisely as it is dated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Months {
    year: i32,
    /// `None`: only the year is known (filed after the year's months).
    month: Option<u32>,
    start: NaiveDate,
    end: NaiveDate,
}

fn month_bounds(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = NaiveDate::from_ymd_opt(year, month, 1)?;
    let end = start
        .checked_add_months(chrono::Months::new(1))?
        .pred_opt()?;
    Some((start, end))
}

/// A record's period: its day, else its month, else its year, dated by the rule the
/// quarterly build places it by ([`classify::dating`]).
fn months_of(record: &Record) -> Option<Months> {
    match classify::dating(record)? {
        Dating::Day(d) => Some(Months {
            year: d.year(),
            month: Some(d.month()),
            start: d,
            end: d,
        }),
        Dating::Month { year, month, .. } => {
            let (start, end) = month_bounds(year, month)?;
            Some(Months {
                year,
                month: Some(month),
                start,
                end,
            })
        }
        Dating::Year(year) => Some(Months {
            year,
            month: None,
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            end: NaiveDate::from_ymd_opt(year, 12, 31)?,
        }),
    }
}

/// The period an index covers: one whole year, whole years, or a span of days.
fn index_period(from: NaiveDate, to: NaiveDate) -> Period {
    let whole_years = from.month() == 1 && from.day() == 1 && to.month() == 12 && to.day() == 31;
    match (whole_years, from.year() == to.year()) {
        (true, true) => Period::Year(to.year()),
        (true, false) => Period::Years {
            from: from.year(),
            to: to.year(),
        },
        (false, _) => Period::Days { from, to },
    }
}

/// The issue line of an index's title page: `2012-ci il`, `2003–2012`, `2012, yanvar–iyun`,
/// `15.01.2012–03.03.2013`.
fn span_text(from: NaiveDate, to: NaiveDate, language: IndexLanguage) -> String {
    let month_end = to.succ_opt().is_none_or(|d| d.day() == 1);
    match index_period(from, to) {
        Period::Year(year) => match language {
            IndexLanguage::Azerbaijani => format!("{} il", az_ordinal(i64::from(year))),
            IndexLanguage::Russian => format!("{year} год"),
        },
        Period::Years { from, to } => format!("{from}–{to}"),
        _ if from.day() == 1 && month_end && from.year() == to.year() => {
            let months = if from.month() == to.month() {
                language.month_lower(from.month()).to_string()
            } else {
                format!(
                    "{}–{}",
                    language.month_lower(from.month()),
                    language.month_lower(to.month())
                )
            };
            format!("{}, {months}", from.year())
        }
        _ => format!("{}–{}", from.format("%d.%m.%Y"), to.format("%d.%m.%Y")),
    }
}

/// The generic title of a kind of index.
fn generic_title(kind: IndexKind, language: IndexLanguage) -> &'static str {
    match kind {
        IndexKind::Chronological => {
            language.text("Xronoloji göstərici", "Хронологический указатель")
        }
        IndexKind::Subject => language.text("Mövzu göstəricisi", "Предметный указатель"),
    }
}

/// The front matter of an index.
fn front_matter(config: &Config, spec: &IndexSpec, title: &str, date: NaiveDate) -> FrontMatter {
    let lang = spec.language;
    let line = span_text(spec.from, spec.to, lang);
    let mut keywords = vec![
        title.to_string(),
        generic_title(spec.kind, lang).to_string(),
        line.clone(),
    ];
    if let Some(s) = &spec.selection {
        keywords.push(s.text.clone());
    }
    FrontMatter {
        library: config.library.name.clone(),
        parent: config.library.parent.clone(),
        series: lang
            .text("Biblioqrafik göstərici", "Библиографический указатель")
            .into(),
        imprint: format!("{} – {}", config.library.place, spec.to.year()),
        running_head: title.to_string(),
        issue_line: line,
        language: lang.text("az", "ru").into(),
        contents_heading: lang.text("Mündəricat", "Содержание").into(),
        names_heading: lang.text("Adlar göstəricisi", "Именной указатель").into(),
        periodicals_heading: lang
            .text(
                "İstifadə olunmuş dövri nəşrlər",
                "Список использованных периодических изданий",
            )
            .into(),
        keywords,
        date,
        // The apparatus is filled by `front::complete` once the body is built.
        ..FrontMatter::default()
    }
}

/// Builds indexes from records: select, screen, order, number and describe. Built once
/// per run, with the run's one classifier.
pub struct Indexer<'a> {
    classifier: Classifier<'a>,
}

/// The records an index takes, with their periods and language groups.
type Chosen<'r> = Vec<(&'r Record, Months, LanguageGroup)>;

impl<'a> Indexer<'a> {
    /// An indexer placing records by `config`'s bulletins and subtopics.
    pub fn new(config: &'a Config, collators: &'a Collators) -> Indexer<'a> {
        Indexer {
            classifier: Classifier::new(config, collators),
        }
    }

    /// Builds one index, split into volumes when it holds more than `spec.max_entries`
    /// entries; an empty index is an error.
    pub fn build(&self, records: &[Record], spec: &IndexSpec) -> Result<BuiltIndex, IndexError> {
        if spec.to < spec.from {
            return Err(IndexError::Span {
                from: spec.from,
                to: spec.to,
            });
        }
        let (chosen, report) = self.choose(records, spec);
        if chosen.is_empty() {
            return Err(IndexError::Empty {
                id: spec.id.clone(),
                selection: spec.selection.as_ref().map(|s| s.text.clone()),
                from: spec.from,
                to: spec.to,
                in_span: report.in_span,
            });
        }
        if chosen.len() <= spec.max_entries {
            let issue = self.document(spec, &chosen, None);
            return Ok(BuiltIndex {
                volumes: vec![issue],
                report,
            });
        }
        let parts = split(chosen, spec.max_entries);
        let count = parts.len();
        let mut volumes: Vec<Issue> = Vec::with_capacity(count);
        let mut numbered = 0;
        for (n, part) in parts.into_iter().enumerate() {
            let volume = Volume {
                number: n + 1,
                from: part
                    .iter()
                    .map(|(_, m, _)| m.start)
                    .min()
                    .unwrap_or(spec.from)
                    .max(spec.from),
                to: part
                    .iter()
                    .map(|(_, m, _)| m.end)
                    .max()
                    .unwrap_or(spec.to)
                    .min(spec.to),
            };
            let mut issue = self.document(spec, &part, Some(&volume));
            issue.shift_numbers(numbered);
            numbered += u32::try_from(part.len()).unwrap_or(u32::MAX);
            volumes.push(issue);
        }
        Ok(BuiltIndex { volumes, report })
    }

    /// One document of the index: all of it, or one volume.
    fn document(&self, spec: &IndexSpec, chosen: &Chosen<'_>, volume: Option<&Volume>) -> Issue {
        let (heads, placed, years) = match spec.kind {
            IndexKind::Chronological => chronological_heads(chosen, spec.language),
            IndexKind::Subject => self.subject_heads(chosen, spec.language),
        };
        let config = self.classifier.config();
        let body = order::arrange(
            &heads,
            placed,
            self.classifier.collators(),
            config.library.separator,
            Arrangement::Chronological,
        );
        let sections = match years {
            Some(years) => with_years(body.sections, &body.section_heads, &years),
            None => body.sections,
        };
        let mut issue = index_issue(config, spec, sections, body.names, body.periodicals);
        if let Some(volume) = volume {
            let lang = spec.language;
            issue.bulletin = format!("{}-{}", spec.id, volume.number);
            issue.period = index_period(volume.from, volume.to);
            issue.front.issue_line = format!(
                "{}. {} {}",
                span_text(volume.from, volume.to, lang),
                lang.text("Cild", "Том"),
                volume.number
            );
            issue.front.keywords.push(issue.front.issue_line.clone());
        }
        issue
    }

    /// The usable records of the span that the selection takes, in a canonical order so
    /// that duplicates resolve the same way for any input order.
    fn choose<'r>(&self, records: &'r [Record], spec: &IndexSpec) -> (Chosen<'r>, IndexReport) {
        let matcher = Matcher::new(&self.classifier);
        let mut in_span: Vec<(&Record, Months)> = records
            .iter()
            .filter_map(|r| months_of(r).map(|p| (r, p)))
            .filter(|(_, p)| p.start <= spec.to && p.end >= spec.from)
            .collect();
        in_span.sort_by(|a, b| a.0.canonical_cmp(b.0));
        let mut report = IndexReport::default();
        let mut seen = crate::build::Seen::default();
        let mut chosen = Vec::new();
        for (record, p) in in_span {
            let Ok((group, _)) = screen(record, &mut seen) else {
                report.screened_out += 1;
                continue;
            };
            report.in_span += 1;
            if spec
                .selection
                .as_ref()
                .is_none_or(|s| matcher.matches(s, record))
            {
                chosen.push((record, p, group));
            }
        }
        report.selected = chosen.len();
        (chosen, report)
    }

    /// Subject index: one section per heading in collation order, then the records
    /// without a heading.
    fn subject_heads<'r>(
        &self,
        chosen: &Chosen<'r>,
        lang: IndexLanguage,
    ) -> (Vec<SectionHead>, Vec<Placed<'r>>, Option<Vec<i32>>) {
        let headings: Vec<Option<String>> = chosen
            .iter()
            .map(|(r, _, _)| self.subject_heading(r))
            .collect();
        let mut distinct: Vec<&String> = headings
            .iter()
            .flatten()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let collators = self.classifier.collators();
        distinct.sort_by(|a, b| collators.compare_names(a, b));
        let position: HashMap<&String, usize> =
            distinct.iter().enumerate().map(|(i, h)| (*h, i)).collect();
        let mut heads: Vec<SectionHead> = distinct
            .iter()
            .enumerate()
            .map(|(i, h)| SectionHead {
                key: format!("heading-{}", i + 1),
                title: (*h).clone(),
                level: 1,
            })
            .collect();
        let other = heads.len();
        heads.push(SectionHead {
            key: "other".into(),
            title: lang.text("Başqa mövzular", "Прочие темы").into(),
            level: 1,
        });
        let placed = chosen
            .iter()
            .zip(&headings)
            .map(|(&(record, _, group), h)| Placed {
                record,
                section: h.as_ref().map_or(other, |h| position[h]),
                group,
            })
            .collect();
        (heads, placed, None)
    }

    /// The heading a record is filed under in a subject index, if it has one: the
    /// subtopic it is placed in, else its first subject heading, else its first keyword.
    fn subject_heading(&self, record: &Record) -> Option<String> {
        if let Some(p) = self.classifier.place(record).first() {
            let bulletin = &self.classifier.config().bulletins[p.bulletin];
            return Some(bulletin.subtopics[p.subtopic].title.clone());
        }
        if let Some(subject) = record.subjects.first() {
            let mut heading = subject.heading.to_string();
            for sub in &subject.subdivisions {
                heading.push_str(" – ");
                heading.push_str(sub);
            }
            return Some(heading);
        }
        record.keywords.first().map(ToString::to_string)
    }
}

/// One volume of an index split by size.
struct Volume {
    /// 1-based.
    number: usize,
    /// The first day of its records' months (within the index's span).
    from: NaiveDate,
    /// The last day of its records' months (within the index's span).
    to: NaiveDate,
}

/// Splits an index's records into volumes: by year, and a year with more than `max`
/// records by months (whole months, in order; the records dated by their year alone
/// count as the year's last month). A single month bigger than `max` is one volume.
fn split(mut chosen: Chosen<'_>, max: usize) -> Vec<Chosen<'_>> {
    const YEAR_ONLY: u32 = 13;
    let month = |m: &Months| (m.year, m.month.unwrap_or(YEAR_ONLY));
    // Stable: within a month the records keep their canonical order.
    chosen.sort_by_key(|(_, m, _)| month(m));
    let mut volumes: Vec<Chosen<'_>> = Vec::new();
    let mut current: Chosen<'_> = Vec::new();
    for in_year in chosen.chunk_by(|a, b| a.1.year == b.1.year) {
        if !current.is_empty() {
            volumes.push(std::mem::take(&mut current));
        }
        if in_year.len() <= max {
            volumes.push(in_year.to_vec());
            continue;
        }
        for in_month in in_year.chunk_by(|a, b| month(&a.1) == month(&b.1)) {
            if !current.is_empty() && current.len() + in_month.len() > max {
                volumes.push(std::mem::take(&mut current));
            }
            current.extend_from_slice(in_month);
        }
    }
    if !current.is_empty() {
        volumes.push(current);
    }
    volumes
}

/// Chronological index: one section per month (the year-only records after their year's
/// months); returns each head's year for the year sections.
fn chronological_heads<'r>(
    chosen: &Chosen<'r>,
    lang: IndexLanguage,
) -> (Vec<SectionHead>, Vec<Placed<'r>>, Option<Vec<i32>>) {
    const YEAR_ONLY: u32 = 13;
    let months: BTreeSet<(i32, u32)> = chosen
        .iter()
        .map(|(_, p, _)| (p.year, p.month.unwrap_or(YEAR_ONLY)))
        .collect();
    let position: BTreeMap<(i32, u32), usize> =
        months.iter().enumerate().map(|(i, m)| (*m, i)).collect();
    let heads: Vec<SectionHead> = months
        .iter()
        .map(|&(year, month)| SectionHead {
            key: format!("{year}-{month:02}"),
            title: if month == YEAR_ONLY {
                lang.text("Ayı göstərilməyən", "Месяц не указан").into()
            } else {
                lang.month(month)
            },
            level: 2,
        })
        .collect();
    let years = months.iter().map(|&(year, _)| year).collect();
    let placed = chosen
        .iter()
        .map(|&(record, p, group)| Placed {
            record,
            section: position[&(p.year, p.month.unwrap_or(YEAR_ONLY))],
            group,
        })
        .collect();
    (heads, placed, Some(years))
}

/// The index as a document: its title page and back matter around the sections.
fn index_issue(
    config: &Config,
    spec: &IndexSpec,
    sections: Vec<Section>,
    names: Vec<NameEntry>,
    periodicals: Vec<Periodical>,
) -> Issue {
    let lang = spec.language;
    let title = spec
        .title
        .clone()
        .unwrap_or_else(|| generic_title(spec.kind, lang).to_string());
    let date = spec.date.unwrap_or(spec.to);
    Issue {
        bulletin: spec.id.clone(),
        title_ru: generic_title(spec.kind, IndexLanguage::Russian).into(),
        title_en: match spec.kind {
            IndexKind::Chronological => "Chronological index".into(),
            IndexKind::Subject => "Subject index".into(),
        },
        front: front_matter(config, spec, &title, date),
        title,
        year: spec.to.year(),
        issue: 0,
        period: index_period(spec.from, spec.to),
        kind: match spec.kind {
            IndexKind::Chronological => DocumentKind::Chronological,
            IndexKind::Subject => DocumentKind::Subject,
        },
        sections,
        names,
        periodicals,
    }
}

/// Puts a level-1 year section (with no groups of its own) before each year's months;
/// `heads[i]` is the head a section was made from, `years[h]` the year of head `h`.
fn with_years(months: Vec<Section>, heads: &[usize], years: &[i32]) -> Vec<Section> {
    let mut out = Vec::with_capacity(months.len() + months.len() / 12 + 1);
    let mut year = None;
    for (section, &head) in months.into_iter().zip(heads) {
        let this = years[head];
        if year != Some(this) {
            out.push(Section {
                subtopic: this.to_string(),
                title: this.to_string(),
                level: 1,
                groups: Vec::new(),
                see_also: Vec::new(),
            });
            year = Some(this);
        }
        out.push(section);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        assert_eq!(az_ordinal(2012), "2012-ci");
        assert_eq!(az_ordinal(2003), "2003-cü");
        assert_eq!(az_ordinal(2010), "2010-cu");
        assert_eq!(az_ordinal(2006), "2006-cı");
        assert_eq!(az_ordinal(2009), "2009-cu");
        assert_eq!(az_ordinal(2000), "2000-ci");
        assert_eq!(az_ordinal(1940), "1940-cı");
        assert_eq!(az_ordinal(1900), "1900-cü");
    }

    #[test]
    fn months_and_spans() {
        assert_eq!(IndexLanguage::Azerbaijani.month(6), "İyun");
        assert_eq!(IndexLanguage::Russian.month(1), "Январь");
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let az = IndexLanguage::Azerbaijani;
        assert_eq!(span_text(d(2012, 1, 1), d(2012, 12, 31), az), "2012-ci il");
        assert_eq!(span_text(d(2003, 1, 1), d(2012, 12, 31), az), "2003–2012");
        assert_eq!(
            span_text(d(2012, 1, 1), d(2012, 6, 30), az),
            "2012, yanvar–iyun"
        );
        assert_eq!(
            span_text(d(2012, 1, 15), d(2013, 3, 3), az),
            "15.01.2012–03.03.2013"
        );
        assert_eq!(
            span_text(d(2012, 1, 1), d(2012, 12, 31), IndexLanguage::Russian),
            "2012 год"
        );
    }
}
