//! The quarterly build: records → for each quarter, nine bulletin issues and an
//! exceptions report that together account for every record.
//!
//! [`plan`] is pure (records and configuration in, documents out) so that tests can
//! check its invariants: every record of a quarter is placed in at least one bulletin or
//! listed once in that quarter's exceptions with its reason; a record without a quarter is
//! listed in the undated report; the output does not depend on the input order.
//! Writing files (JSON, and PDFs through [`crate::render`]) is done by the caller.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::classify::{self, Classifier, Exclusion, Quarter, QuarterBy};
use crate::collate::{Collators, LanguageGroup};
use crate::config::{Bulletin, Config};
use crate::issue::{DocumentKind, FrontMatter, Issue};
use crate::model::{ProblemKind, Record, SharedStr};
use crate::order::{self, Placed, SectionHead};
use crate::overrides::Overrides;
use crate::period::Period;

/// One record in an exceptions report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExceptionEntry {
    /// The record's id (its 001), shared with the record.
    pub record: SharedStr,
    /// The feed file it was read from.
    pub file: String,
    /// 1-based line of the record's start in that file (for ISO 2709: 1).
    pub line: u32,
    /// Why it is in no bulletin, in the bibliographer's words.
    pub reason: String,
    /// The kind of reason ([`Exclusion::cause`]), which the statistics count by.
    pub cause: &'static str,
}

/// A note on a placed record (a language inferred, a quarter taken from the intake date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteEntry {
    /// The record's id (its 001).
    pub record: String,
    /// The feed file it was read from.
    pub file: String,
    /// What was decided for it and on what ground.
    pub note: String,
}

/// `exceptions.json` of one quarter: `placed + exceptions.len() == records`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExceptionsReport {
    /// `2012-Q3`, or `null` for the records that have no quarter at all.
    pub quarter: Option<String>,
    /// Every record of the period.
    pub records: usize,
    /// Those placed in at least one bulletin.
    pub placed: usize,
    /// The others, each once with its reason.
    pub exceptions: Vec<ExceptionEntry>,
    /// Notes on placed records.
    pub notes: Vec<NoteEntry>,
    /// The compiler's overrides applied to this period's records (`data/overrides.toml`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<crate::overrides::AppliedOverride>,
}

/// Everything built for one quarter.
#[derive(Debug, Clone)]
pub struct QuarterPlan {
    /// The quarter built.
    pub quarter: Quarter,
    /// One issue per configured bulletin, in configuration order (empty ones too).
    pub issues: Vec<Issue>,
    /// The quarter's exceptions report.
    pub exceptions: ExceptionsReport,
}

/// The whole build.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The quarters built, in time order.
    pub quarters: Vec<QuarterPlan>,
    /// Records that belong to no quarter (no usable date).
    pub undated: ExceptionsReport,
}

/// What to build.
#[derive(Debug, Clone, Default)]
pub struct PlanOptions {
    /// Quarters to build; `None` builds every quarter present in the records.
    pub quarters: Option<Vec<Quarter>>,
    /// Which date decides a record's quarter.
    pub by: QuarterBy,
    /// Document date overriding the quarter's last day (`SOURCE_DATE_EPOCH`).
    pub date: Option<NaiveDate>,
    /// The compiler's placing decisions (exclude, subtopic, `also_in`); the record edits
    /// (date, language, annotation) are made on the records before planning
    /// ([`Overrides::edit`]).
    pub overrides: std::sync::Arc<Overrides>,
}

fn exception(record: &Record, why: &Exclusion) -> ExceptionEntry {
    ExceptionEntry {
        record: record.id.clone(),
        file: record.origin.file.display().to_string(),
        line: record.origin.line,
        reason: why.reason(),
        cause: why.cause(),
    }
}

fn note(record: &Record, note: String) -> NoteEntry {
    NoteEntry {
        record: record.id.to_string(),
        file: record.origin.file.display().to_string(),
        note,
    }
}

/// The first fatal problem of a record, as an exclusion.
fn unusable(record: &Record) -> Option<Exclusion> {
    let p = record.problems.iter().find(|p| p.kind.is_fatal())?;
    Some(match p.kind {
        ProblemKind::NoDate | ProblemKind::BadDate => Exclusion::NoDate(p.message.clone()),
        ProblemKind::UnknownLanguage => Exclusion::UnreadableLanguage(p.message.clone()),
        kind => Exclusion::Unusable(kind, p.message.clone()),
    })
}

/// Front matter of a quarterly issue.
pub fn front_matter(
    config: &Config,
    bulletin: &Bulletin,
    quarter: Quarter,
    date: NaiveDate,
) -> FrontMatter {
    let (first, last) = quarter.months();
    let months = format!(
        "{}–{}",
        crate::describe::AZ_MONTHS[first as usize - 1],
        crate::describe::AZ_MONTHS[last as usize - 1]
    );
    FrontMatter {
        library: config.library.name.clone(),
        parent: config.library.parent.clone(),
        series: "Məlumat bülleteni".into(),
        issue_line: format!("{}, №\u{a0}{} ({months})", quarter.year, quarter.number),
        imprint: format!("{} – {}", config.library.place, quarter.year),
        running_head: format!(
            "{}. {}, №\u{a0}{}",
            bulletin.title, quarter.year, quarter.number
        ),
        language: "az".into(),
        contents_heading: "Mündəricat".into(),
        names_heading: "Müəlliflər göstəricisi".into(),
        periodicals_heading: "İstifadə olunmuş dövri nəşrlər".into(),
        keywords: vec![
            bulletin.title.clone(),
            bulletin.title_ru.clone(),
            bulletin.title_en.clone(),
            format!("{quarter}"),
        ],
        date,
        // The apparatus is filled by `front::complete` once the body is built.
        ..FrontMatter::default()
    }
}

/// Section heads of a bulletin: its subtopics in configuration order.
pub fn subtopic_heads(bulletin: &Bulletin) -> Vec<SectionHead> {
    bulletin
        .subtopics
        .iter()
        .map(|s| SectionHead {
            key: s.id.get_ref().clone(),
            title: s.title.clone(),
            level: 1,
        })
        .collect()
}

/// Plans the build: every selected quarter's issues and exceptions.
pub fn plan(
    records: &[Record],
    config: &Config,
    collators: &Collators,
    options: &PlanOptions,
) -> Plan {
    let classifier = Classifier::new(config, collators);
    let mut by_quarter: BTreeMap<Quarter, Vec<(&Record, Option<String>)>> = BTreeMap::new();
    let mut undated = ExceptionsReport {
        quarter: None,
        records: 0,
        placed: 0,
        exceptions: Vec::new(),
        notes: Vec::new(),
        overrides: Vec::new(),
    };
    for record in records {
        match classify::quarter_of(record, options.by) {
            Ok((q, why)) => by_quarter.entry(q).or_default().push((record, why)),
            Err(e) => {
                undated.records += 1;
                let why = unusable(record).unwrap_or(e);
                undated.exceptions.push(exception(record, &why));
            }
        }
    }
    undated.exceptions.sort_by(|a, b| {
        (&a.record, &a.file, a.line, &a.reason).cmp(&(&b.record, &b.file, b.line, &b.reason))
    });
    let wanted: Vec<Quarter> = match &options.quarters {
        Some(q) => q.clone(),
        None => by_quarter.keys().copied().collect(),
    };
    let quarters = wanted
        .into_iter()
        .map(|q| {
            let records = by_quarter.remove(&q).unwrap_or_default();
            plan_quarter(q, records, config, collators, &classifier, options)
        })
        .collect();
    Plan { quarters, undated }
}

/// Whether a record can go into a document by itself: no fatal problem and a language
/// group. Returns its group and whether the group was inferred from the letters.
fn admit(record: &Record) -> Result<(LanguageGroup, bool), Exclusion> {
    if let Some(ex) = unusable(record) {
        return Err(ex);
    }
    classify::language_group(record)
}

/// Whether a record can go into a document: no fatal problem, a language group, not a
/// second catalogue record of an article already seen. Returns its group and whether
/// the group was inferred from the letters; `seen` records the article.
pub fn screen<'a>(
    record: &'a Record,
    seen: &mut Seen<'a>,
) -> Result<(LanguageGroup, bool), Exclusion> {
    screened(admit(record), record, seen, || {
        classify::DuplicateKeys::default().digest(record)
    })
}

/// The rule of [`screen`], given whether the record is admitted ([`admit`]) and its
/// duplicate digest (made only for an admitted record).
fn screened<'a>(
    admitted: Result<(LanguageGroup, bool), Exclusion>,
    record: &'a Record,
    seen: &mut Seen<'a>,
    digest: impl FnOnce() -> u64,
) -> Result<(LanguageGroup, bool), Exclusion> {
    let admitted = admitted?;
    seen.note(record, digest())?;
    Ok(admitted)
}

/// The articles of a period seen so far, each with the first record that described it.
/// Records are compared by their duplicate key ([`classify::duplicate_key`]); the set holds
/// only its digest ([`classify::DuplicateKeys::digest`]), so a million records cost a few
/// bytes each, and the keys are made again only when digests are equal.
#[derive(Debug, Default)]
pub struct Seen<'a> {
    /// Makes the keys compared when digests are equal, into `keys.1` and `keys.2`.
    keys: (classify::DuplicateKeys<'a>, String, String),
    /// The first record of each digest.
    first: FxHashMap<u64, &'a Record>,
    /// By full key, the first record of each article whose digest is that of another
    /// article (a clash of digests, not a duplicate).
    clashes: FxHashMap<String, &'a Record>,
}

impl<'a> Seen<'a> {
    /// Notes `record`'s article (`digest` is its [`classify::DuplicateKeys::digest`]), or
    /// says which record described it first.
    ///
    /// # Errors
    ///
    /// [`Exclusion::DuplicateOf`] the first record of the same article.
    pub fn note(&mut self, record: &'a Record, digest: u64) -> Result<(), Exclusion> {
        use std::collections::hash_map::Entry;
        let first = match self.first.entry(digest) {
            Entry::Vacant(slot) => {
                slot.insert(record);
                return Ok(());
            }
            Entry::Occupied(first) => *first.get(),
        };
        let (keys, key, first_key) = &mut self.keys;
        keys.write(record, key);
        keys.write(first, first_key);
        let first = if key == first_key {
            first
        } else {
            match self.clashes.entry(key.clone()) {
                Entry::Vacant(slot) => {
                    slot.insert(record);
                    return Ok(());
                }
                Entry::Occupied(first) => *first.get(),
            }
        };
        Err(Exclusion::DuplicateOf(first.id.as_str().to_owned()))
    }
}

/// What is decided about a record on its own, before it is compared with the period's
/// other records: whether it is admitted ([`admit`]) and, if so, its duplicate key and
/// the subtopics it matches in each bulletin.
struct Prepared {
    admitted: Result<(LanguageGroup, bool), Exclusion>,
    digest: u64,
    matches: Vec<Vec<usize>>,
}

/// How many records are prepared at once: enough to keep every core busy, few enough
/// that what is prepared for them stays small beside the records.
const BLOCK: usize = 1 << 16;

/// [`Prepared`] for each record, in order, on as many threads as the machine has cores,
/// each with its own classifier.
fn prepare_all(block: &[(&Record, Option<String>)], classifier: &Classifier) -> Vec<Prepared> {
    let (config, collators) = (classifier.config(), classifier.collators());
    let prepare = |part: &[(&Record, Option<String>)]| -> Vec<Prepared> {
        let classifier = Classifier::new(config, collators);
        let mut keys = classify::DuplicateKeys::default();
        part.iter()
            .map(|&(record, _)| {
                let admitted = admit(record);
                let (digest, matches) = match admitted {
                    Ok(_) => (keys.digest(record), classifier.matches(record)),
                    Err(_) => (0, Vec::new()),
                };
                Prepared {
                    admitted,
                    digest,
                    matches,
                }
            })
            .collect()
    };
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let part = block.len().div_ceil(threads).max(1);
    if threads <= 1 || block.len() <= part {
        return prepare(block);
    }
    // The first part on this thread, which would otherwise wait.
    let (first, rest) = block.split_at(part);
    std::thread::scope(|scope| {
        let parts: Vec<_> = rest
            .chunks(part)
            .map(|chunk| scope.spawn(move || prepare(chunk)))
            .collect();
        let mut prepared = prepare(first);
        for p in parts {
            prepared.extend(p.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        prepared
    })
}

/// What a period's records give each bulletin: the placed records, and the records that
/// also belong to other subtopics of it (for cross-references).
struct BulletinPlacing<'a> {
    placed: Vec<Placed<'a>>,
    see_also: Vec<(&'a str, Vec<usize>)>,
}

/// Places the records of one period (in canonical order) in the bulletins, filling the
/// period's report; returns what each bulletin gets, in configuration order. Inside a
/// bulletin a record is placed under its first matching subtopic; its other matching
/// subtopics refer to it.
fn place_all<'a>(
    records: Vec<(&'a Record, Option<String>)>,
    config: &Config,
    classifier: &Classifier,
    overrides: &Overrides,
    report: &mut ExceptionsReport,
) -> Vec<BulletinPlacing<'a>> {
    let mut seen = Seen::default();
    let mut per_bulletin: Vec<BulletinPlacing> = (0..config.bulletins.len())
        .map(|_| BulletinPlacing {
            placed: Vec::new(),
            see_also: Vec::new(),
        })
        .collect();
    let mut records = records.into_iter();
    loop {
        let block: Vec<(&Record, Option<String>)> = records.by_ref().take(BLOCK).collect();
        if block.is_empty() {
            break;
        }
        let prepared = prepare_all(&block, classifier);
        for ((record, why), prepared) in block.into_iter().zip(prepared) {
            place_one(
                record,
                why,
                prepared,
                overrides,
                &mut seen,
                report,
                &mut per_bulletin,
            );
        }
    }
    per_bulletin
}

/// Places one record of a period (in canonical order) with what was prepared for it.
fn place_one<'a>(
    record: &'a Record,
    why: Option<String>,
    prepared: Prepared,
    overrides: &Overrides,
    seen: &mut Seen<'a>,
    report: &mut ExceptionsReport,
    per_bulletin: &mut [BulletinPlacing<'a>],
) {
    report.overrides.extend(overrides.applied(&record.id));
    if let Some((reason, at)) = overrides.excluded(&record.id) {
        let why = Exclusion::Excluded {
            reason: reason.to_string(),
            at: at.to_string(),
        };
        report.exceptions.push(exception(record, &why));
        return;
    }
    let group = match screened(prepared.admitted, record, seen, || prepared.digest) {
        Ok((group, inferred)) => {
            if inferred {
                report.notes.push(note(record, format!("no language code (or und/mul); language group \"{}\" inferred from the letters of the title", group.key())));
            }
            group
        }
        Err(e) => {
            report.exceptions.push(exception(record, &e));
            return;
        }
    };
    let mut matches = prepared.matches;
    overrides.place(&record.id, &mut matches);
    if matches.iter().all(Vec::is_empty) {
        report
            .exceptions
            .push(exception(record, &Exclusion::NoMatchingSubtopic));
        return;
    }
    if let Some(why) = why {
        report.notes.push(note(record, why));
    }
    report.placed += 1;
    for (bulletin, subtopics) in matches.into_iter().enumerate() {
        let Some((&first, others)) = subtopics.split_first() else {
            continue;
        };
        let placing = &mut per_bulletin[bulletin];
        placing.placed.push(Placed {
            record,
            section: first,
            group,
        });
        if !others.is_empty() {
            placing.see_also.push((&record.id, others.to_vec()));
        }
    }
}

/// A canonical order of a period's records (id, file, position), so that duplicates resolve
/// the same way for any input order.
fn canonical_order(records: &mut [(&Record, Option<String>)]) {
    records.sort_by(|a, b| a.0.canonical_cmp(b.0));
}

fn plan_quarter(
    quarter: Quarter,
    mut records: Vec<(&Record, Option<String>)>,
    config: &Config,
    collators: &Collators,
    classifier: &Classifier,
    options: &PlanOptions,
) -> QuarterPlan {
    canonical_order(&mut records);
    let mut report = ExceptionsReport {
        quarter: Some(quarter.to_string()),
        records: records.len(),
        placed: 0,
        exceptions: Vec::new(),
        notes: Vec::new(),
        overrides: Vec::new(),
    };
    let per_bulletin = place_all(records, config, classifier, &options.overrides, &mut report);
    let date = options.date.unwrap_or_else(|| quarter.last_day());
    let period = Period::Quarter(quarter);
    let issues = bulletin_issues(
        config,
        collators,
        per_bulletin,
        period,
        DocumentKind::Quarterly,
        |b| front_matter(config, b, quarter, date),
    );
    QuarterPlan {
        quarter,
        issues,
        exceptions: report,
    }
}

/// Orders and describes each bulletin's placed records into its issue for `period`, the
/// bulletins in parallel, in configuration order.
fn bulletin_issues(
    config: &Config,
    collators: &Collators,
    per_bulletin: Vec<BulletinPlacing>,
    period: Period,
    kind: DocumentKind,
    front: impl Fn(&Bulletin) -> FrontMatter + Sync,
) -> Vec<Issue> {
    // The largest bulletins first, so that no large one is left to run alone at the end;
    // the issues are put back in configuration order.
    let mut jobs: Vec<(usize, &Bulletin, BulletinPlacing)> = config
        .bulletins
        .iter()
        .zip(per_bulletin)
        .enumerate()
        .map(|(i, (bulletin, placing))| (i, bulletin, placing))
        .collect();
    jobs.sort_by_key(|(i, _, placing)| (std::cmp::Reverse(placing.placed.len()), *i));
    let mut issues = parallel_map(jobs, |(i, bulletin, placing)| {
        let heads = subtopic_heads(bulletin);
        let mut body = order::build_body(
            &heads,
            placing.placed,
            collators,
            config.separator(bulletin),
        );
        order::add_see_also(&mut body, &heads, &placing.see_also);
        let mut issue = Issue {
            bulletin: bulletin.id().to_string(),
            title: bulletin.title.clone(),
            title_ru: bulletin.title_ru.clone(),
            title_en: bulletin.title_en.clone(),
            year: period.year(),
            issue: period.number(),
            period,
            kind,
            front: front(bulletin),
            sections: body.sections,
            names: body.names,
            periodicals: body.periodicals,
        };
        crate::front::complete(
            &mut issue,
            &config.apparatus(bulletin),
            config.library.paper,
            collators,
        );
        (i, issue)
    });
    issues.sort_by_key(|(i, _)| *i);
    issues.into_iter().map(|(_, issue)| issue).collect()
}

/// Maps `items` with `f` on as many threads as the machine has cores, keeping the order.
/// Used for the bulletins of a quarter, which are independent of each other.
pub fn parallel_map<T: Send, U: Send>(items: Vec<T>, f: impl Fn(T) -> U + Sync) -> Vec<U> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Mutex, PoisonError};

    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(items.len());
    if threads <= 1 {
        return items.into_iter().map(f).collect();
    }
    let slots: Vec<Mutex<Option<T>>> = items.into_iter().map(|t| Mutex::new(Some(t))).collect();
    let results: Vec<Mutex<Option<U>>> = slots.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let work = || {
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(slot) = slots.get(index) else { break };
            let item = slot.lock().unwrap_or_else(PoisonError::into_inner).take();
            if let Some(item) = item {
                let done = f(item);
                *results[index]
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner) = Some(done);
            }
        }
    };
    std::thread::scope(|scope| {
        // This thread works too, rather than wait for the others.
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });
    results
        .into_iter()
        .filter_map(|r| r.into_inner().unwrap_or_else(PoisonError::into_inner))
        .collect()
}

/// The annual cumulation of one year: each bulletin's four quarters in one volume.
#[derive(Debug, Clone)]
pub struct AnnualPlan {
    /// The year cumulated.
    pub year: i32,
    /// One volume per configured bulletin, in configuration order.
    pub issues: Vec<Issue>,
    /// The year's exceptions: the four quarters' records together.
    pub exceptions: ExceptionsReport,
}

/// Front matter of an annual volume.
pub fn annual_front_matter(
    config: &Config,
    bulletin: &Bulletin,
    year: i32,
    date: NaiveDate,
) -> FrontMatter {
    let mut front = front_matter(config, bulletin, Quarter { year, number: 1 }, date);
    front.series = "Məlumat bülleteni. İllik toplu".into();
    front.issue_line = format!(
        "{year}, №\u{a0}1–4 ({}–{})",
        crate::describe::AZ_MONTHS[0],
        crate::describe::AZ_MONTHS[11]
    );
    front.running_head = format!("{}. {year}, №\u{a0}1–4", bulletin.title);
    if let Some(k) = front.keywords.last_mut() {
        *k = year.to_string();
    }
    front
}

/// Plans the annual cumulation of `year`: the records of its four quarters (by the same
/// rule as the quarterly build), placed, ordered and numbered through the year, so each
/// volume keeps its bulletin's rubric structure and its name index covers the year.
pub fn plan_annual(
    records: &[Record],
    config: &Config,
    collators: &Collators,
    year: i32,
    options: &PlanOptions,
) -> AnnualPlan {
    let classifier = Classifier::new(config, collators);
    let mut chosen: Vec<(&Record, Option<String>)> = records
        .iter()
        .filter_map(|r| match classify::quarter_of(r, options.by) {
            Ok((q, why)) if q.year == year => Some((r, why)),
            _ => None,
        })
        .collect();
    canonical_order(&mut chosen);
    let mut report = ExceptionsReport {
        quarter: Some(year.to_string()),
        records: chosen.len(),
        placed: 0,
        exceptions: Vec::new(),
        notes: Vec::new(),
        overrides: Vec::new(),
    };
    let per_bulletin = place_all(chosen, config, &classifier, &options.overrides, &mut report);
    let date = options
        .date
        .unwrap_or_else(|| Quarter { year, number: 4 }.last_day());
    let issues = bulletin_issues(
        config,
        collators,
        per_bulletin,
        Period::Year(year),
        DocumentKind::Annual,
        |b| annual_front_matter(config, b, year, date),
    );
    AnnualPlan {
        year,
        issues,
        exceptions: report,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_record_of_an_article_names_the_first() {
        let first = Record::for_test("1", "Qarabağ həqiqətləri");
        let other = Record::for_test("2", "Neft strategiyası");
        let again = Record::for_test("3", "QARABAĞ HƏQİQƏTLƏRİ");
        let mut seen = Seen::default();
        let digest = |record| classify::DuplicateKeys::default().digest(record);
        assert_eq!(seen.note(&first, digest(&first)), Ok(()));
        assert_eq!(seen.note(&other, digest(&other)), Ok(()));
        assert_eq!(
            seen.note(&again, digest(&again)),
            Err(Exclusion::DuplicateOf("1".into()))
        );
    }

    #[test]
    fn articles_whose_digests_clash_stay_apart() {
        let first = Record::for_test("1", "Qarabağ həqiqətləri");
        let other = Record::for_test("2", "Neft strategiyası");
        let again = Record::for_test("3", "NEFT STRATEGİYASI");
        let mut seen = Seen::default();
        // Every record given one digest: only the keys tell the articles apart.
        assert_eq!(seen.note(&first, 7), Ok(()));
        assert_eq!(seen.note(&other, 7), Ok(()));
        assert_eq!(
            seen.note(&again, 7),
            Err(Exclusion::DuplicateOf("2".into()))
        );
        assert_eq!(
            seen.note(&Record::for_test("4", "Qarabağ HƏQİQƏTLƏRİ"), 7),
            Err(Exclusion::DuplicateOf("1".into()))
        );
    }
}
