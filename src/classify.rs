//! Placing records: which quarter, which bulletins and subtopics, which language group.
//!
//! A record goes into a bulletin when one of its class numbers matches one of a subtopic's
//! codes (same scheme — BBK, GRNTI, UDC or the library's own, see [`crate::scheme`] — and
//! the same code, or a code beginning with a `*` pattern's stem, compared after
//! [`normalise_code`]) or one of its subject headings or keywords (compared case- and
//! accent-insensitively by the Azerbaijani collator, whole heading or heading prefix)
//! matches a subtopic; inside one bulletin it goes under the first matching subtopic in
//! configuration order. The code tables are built once per classifier: exact codes in a
//! hash map, prefixes in a hash map probed once per distinct prefix length. A record that
//! cannot be placed gets an [`Exclusion`] with its reason: nothing is dropped.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::collate::{Collators, LanguageGroup, is_cyrillic, is_latin};
use crate::config::Config;
use crate::feed::lang;
use crate::model::{ProblemKind, Record, SharedStr};
pub use crate::period::Quarter;
use crate::scheme::{Scheme, normalise_code};

/// Which date decides a record's quarter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum QuarterBy {
    /// The article's publication date (falling back to the cataloguing date when only the
    /// year is known and the record was catalogued in that year).
    #[default]
    Published,
    /// The cataloguing (intake) date, for late arrivals.
    Catalogued,
}

/// Why a record is in the exceptions report rather than in a bulletin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exclusion {
    /// None of the record's class codes or subject headings is configured.
    NoMatchingSubtopic,
    /// No date that places the record in a period, and why.
    NoDate(String),
    /// No language group: neither a usable language code nor letters to infer one from;
    /// why.
    UnreadableLanguage(String),
    /// A fatal problem of the record (no title, no periodical, not an article…): its kind
    /// and the reader's message.
    Unusable(ProblemKind, String),
    /// Another catalogue record of the same article, whose id this is.
    DuplicateOf(String),
    /// Left out by the compiler (`exclude` in the overrides file): the reason given and
    /// where the decision stands.
    Excluded {
        /// The compiler's reason.
        reason: String,
        /// `file:line:col` of the override.
        at: String,
    },
}

impl Exclusion {
    /// The reason as the exceptions report and `check` print it, with the record's
    /// particulars.
    pub fn reason(&self) -> String {
        match self {
            Exclusion::NoMatchingSubtopic => {
                "no matching subtopic: no class number or subject heading of any bulletin".into()
            }
            Exclusion::NoDate(m) => format!("no date: {m}"),
            Exclusion::UnreadableLanguage(m) => format!("unreadable language: {m}"),
            Exclusion::Unusable(_, m) => m.clone(),
            Exclusion::DuplicateOf(id) => format!("duplicate of record {id}"),
            Exclusion::Excluded { reason, at } => {
                format!("excluded by the compiler ({at}): {reason}")
            }
        }
    }

    /// The kind of reason, without the record's particulars: what the statistics count
    /// exceptions by (`exceptions.json` carries it as `cause`).
    pub fn cause(&self) -> &'static str {
        match self {
            Exclusion::NoMatchingSubtopic => "no matching subtopic",
            Exclusion::NoDate(_) => "no date",
            Exclusion::UnreadableLanguage(_) => "unreadable language",
            Exclusion::Unusable(ProblemKind::NoTitle, _) => "no title",
            Exclusion::Unusable(ProblemKind::NoHost, _) => "no periodical",
            Exclusion::Unusable(ProblemKind::NotAnArticle, _) => "not an article",
            Exclusion::Unusable(_, _) => "unusable record",
            Exclusion::DuplicateOf(_) => "duplicate",
            Exclusion::Excluded { .. } => "excluded by the compiler",
        }
    }
}

/// How precisely a record is dated for placing it: the one rule that the quarterly build,
/// `check` and the indexes share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dating {
    /// The day of publication.
    Day(NaiveDate),
    /// The month: as published (a monthly journal), or, when only the year is published,
    /// the month the record was catalogued in that same year (`by_cataloguing`).
    Month {
        /// The year of publication.
        year: i32,
        /// The month, 1–12.
        month: u32,
        /// Whether the month is the cataloguing date's, not the publication's.
        by_cataloguing: bool,
    },
    /// Only the year, and no cataloguing date in it.
    Year(i32),
}

/// The dating of a record by its publication, or `None` when it has no year.
pub fn dating(record: &Record) -> Option<Dating> {
    let p = &record.published;
    if let Some(date) = p.date {
        return Some(Dating::Day(date));
    }
    let year = p.year()?;
    Some(match (p.month, record.catalogued) {
        (Some(month), _) => Dating::Month {
            year,
            month,
            by_cataloguing: false,
        },
        (None, Some(c)) if c.year() == year => Dating::Month {
            year,
            month: c.month(),
            by_cataloguing: true,
        },
        (None, _) => Dating::Year(year),
    })
}

/// The quarter a record belongs to, and a note when it was decided by a fallback.
pub fn quarter_of(record: &Record, by: QuarterBy) -> Result<(Quarter, Option<String>), Exclusion> {
    if by == QuarterBy::Catalogued {
        return record
            .catalogued
            .map(|d| (Quarter::of(d), None))
            .ok_or_else(|| {
                Exclusion::NoDate("no cataloguing date (907 ^A, 008/00-05, 100 $a)".into())
            });
    }
    match dating(record) {
        Some(Dating::Day(date)) => Ok((Quarter::of(date), None)),
        Some(Dating::Month {
            year,
            month,
            by_cataloguing,
        }) => Ok((
            Quarter::of_month(year, month),
            by_cataloguing
                .then(|| format!("only the year {year} is known; placed by its cataloguing date")),
        )),
        Some(Dating::Year(year)) => Err(Exclusion::NoDate(format!(
            "only the year {year} is known, and no cataloguing date in that year"
        ))),
        None => Err(Exclusion::NoDate("no year of publication".into())),
    }
}

/// The language group of a record, and whether it was inferred from the letters.
pub fn language_group(record: &Record) -> Result<(LanguageGroup, bool), Exclusion> {
    // `und` (undetermined) and `mul` (multiple) say nothing about the group: infer it.
    let coded = record
        .main_language()
        .filter(|l| !matches!(l.primary(), Some("und" | "mul")));
    if let Some(lang) = coded {
        return match lang.primary() {
            Some("az") => Ok((LanguageGroup::Azerbaijani, false)),
            Some("ru") => Ok((LanguageGroup::Russian, false)),
            Some(_) => Ok((LanguageGroup::Other, false)),
            None => Err(Exclusion::UnreadableLanguage(format!(
                "\"{}\" is not a known language code",
                lang.code
            ))),
        };
    }
    let text = format!(
        "{} {}",
        record.title,
        record.supplement().other_title.join(" ")
    );
    infer_group(&text).map(|g| (g, true)).ok_or_else(|| {
        Exclusion::UnreadableLanguage("no language code and no letters to infer one from".into())
    })
}

/// Infers a language group from the letters of a text: any letter that only Azerbaijani
/// writes ([`lang::is_azerbaijani_evidence`]: `ə`, `ğ`, `ı`, Azerbaijani Cyrillic) makes it
/// Azerbaijani; otherwise mostly Cyrillic is Russian and mostly Latin is other.
pub fn infer_group(text: &str) -> Option<LanguageGroup> {
    let (mut cyrillic, mut latin, mut az_marks) = (0usize, 0usize, false);
    for c in text.chars() {
        if is_cyrillic(c) {
            cyrillic += 1;
        } else if is_latin(c) {
            latin += 1;
        } else {
            continue;
        }
        az_marks |= lang::is_azerbaijani_evidence(c);
    }
    if cyrillic == 0 && latin == 0 {
        return None;
    }
    Some(if az_marks {
        LanguageGroup::Azerbaijani
    } else if cyrillic > latin {
        LanguageGroup::Russian
    } else {
        LanguageGroup::Other
    })
}

/// Where a record goes in one bulletin: indexes into the configuration's bulletins and
/// that bulletin's subtopics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Placement {
    /// Index into [`Config::bulletins`].
    pub bulletin: usize,
    /// Index into that bulletin's `subtopics`.
    pub subtopic: usize,
}

/// Places records in bulletins by the configured codes and subjects.
pub struct Classifier<'a> {
    config: &'a Config,
    collators: &'a Collators,
    /// Scheme → exact normalised code → placements, in configuration order.
    codes: HashMap<Scheme, HashMap<String, Vec<Placement>>>,
    /// Scheme → prefix (a `*` pattern's normalised stem) → placements.
    prefixes: HashMap<Scheme, HashMap<String, Vec<Placement>>>,
    /// Scheme → the distinct byte lengths of its prefixes, ascending.
    prefix_lengths: HashMap<Scheme, Vec<usize>>,
    /// Subject heading → the subtopics of each bulletin it matches. Catalogues use a
    /// controlled vocabulary, so headings repeat and each is compared with the
    /// configuration once per run.
    headings: RefCell<HashMap<String, Vec<Vec<usize>>>>,
}

impl<'a> Classifier<'a> {
    /// The classifier of a configuration: its code patterns indexed by scheme, exact codes
    /// and prefixes apart.
    pub fn new(config: &'a Config, collators: &'a Collators) -> Classifier<'a> {
        let mut codes: HashMap<Scheme, HashMap<String, Vec<Placement>>> = HashMap::new();
        let mut prefixes: HashMap<Scheme, HashMap<String, Vec<Placement>>> = HashMap::new();
        for (b, bulletin) in config.bulletins.iter().enumerate() {
            for (s, subtopic) in bulletin.subtopics.iter().enumerate() {
                for pattern in &subtopic.patterns {
                    let table = if pattern.prefix {
                        &mut prefixes
                    } else {
                        &mut codes
                    };
                    table
                        .entry(pattern.scheme.clone())
                        .or_default()
                        .entry(pattern.code.clone())
                        .or_default()
                        .push(Placement {
                            bulletin: b,
                            subtopic: s,
                        });
                }
            }
        }
        let prefix_lengths = prefixes
            .iter()
            .map(|(scheme, stems)| {
                let mut lengths: Vec<usize> = stems.keys().map(String::len).collect();
                lengths.sort_unstable();
                lengths.dedup();
                (scheme.clone(), lengths)
            })
            .collect();
        Classifier {
            config,
            collators,
            codes,
            prefixes,
            prefix_lengths,
            headings: RefCell::new(HashMap::new()),
        }
    }

    /// The configuration this classifier places by.
    pub fn config(&self) -> &'a Config {
        self.config
    }

    /// The collators it compares headings with.
    pub fn collators(&self) -> &'a Collators {
        self.collators
    }

    /// The placement in every bulletin the record belongs to, at most one per bulletin
    /// (the first matching subtopic in configuration order), bulletins in order.
    pub fn place(&self, record: &Record) -> Vec<Placement> {
        self.matches(record)
            .iter()
            .enumerate()
            .filter_map(|(bulletin, s)| s.first().map(|&subtopic| Placement { bulletin, subtopic }))
            .collect()
    }

    /// For each bulletin, every subtopic the record matches by a class number (in any
    /// scheme the configuration knows, exactly or by a `*` prefix) or a subject heading,
    /// in configuration order: the first is its placement, the others get
    /// cross-references.
    pub fn matches(&self, record: &Record) -> Vec<Vec<usize>> {
        let local = &self.config.library.scheme;
        let mut all: Vec<Vec<usize>> = vec![Vec::new(); self.config.bulletins.len()];
        for class in &record.classes {
            let Some(scheme) = Scheme::named(&class.scheme, local) else {
                continue;
            };
            let code = normalise_code(&class.code);
            if code.is_empty() {
                continue;
            }
            let exact = self
                .codes
                .get(&scheme)
                .and_then(|t| t.get(&code))
                .into_iter()
                .flatten();
            let stems = self.prefixes.get(&scheme);
            let by_prefix = self
                .prefix_lengths
                .get(&scheme)
                .into_iter()
                .flatten()
                .take_while(|&&n| n <= code.len())
                .filter_map(|&n| code.get(..n))
                .filter_map(|stem| stems.and_then(|t| t.get(stem)))
                .flatten();
            for p in exact.chain(by_prefix) {
                all[p.bulletin].push(p.subtopic);
            }
        }
        let headings = record
            .subjects
            .iter()
            .map(|s| s.heading.as_str())
            .chain(record.keywords.iter().map(SharedStr::as_str));
        let mut cache = self.headings.borrow_mut();
        for heading in headings {
            if !cache.contains_key(heading) {
                let matched = self.match_heading(heading);
                cache.insert(heading.to_string(), matched);
            }
            for (b, subtopics) in cache[heading].iter().enumerate() {
                all[b].extend(subtopics);
            }
        }
        for subtopics in &mut all {
            subtopics.sort_unstable();
            subtopics.dedup();
        }
        all
    }

    /// For each bulletin, the subtopics whose subjects match `heading`.
    fn match_heading(&self, heading: &str) -> Vec<Vec<usize>> {
        self.config
            .bulletins
            .iter()
            .map(|bulletin| {
                (0..bulletin.subtopics.len())
                    .filter(|&s| {
                        bulletin.subtopics[s]
                            .subjects
                            .iter()
                            .any(|want| self.collators.matches_prefix(heading, want))
                    })
                    .collect()
            })
            .collect()
    }
}

/// The key two catalogue records of one article share: host, date, title, first author.
pub fn duplicate_key(record: &Record) -> String {
    let mut key = String::new();
    DuplicateKeys::default().write(record, &mut key);
    key
}

/// Makes [`duplicate_key`]s and their digests for many records: a digest is the same for
/// the same key in every thread and run, and a period's records are compared by digest, and
/// by key only where digests are equal ([`crate::build::Seen`]). The normal form of the
/// texts that records share (host titles, surnames) is kept by where the text is held, so
/// each is made once; keys are made in one buffer.
#[derive(Debug, Default)]
pub struct DuplicateKeys<'a> {
    /// The normal form of each shared text, by its address (the records outlive this).
    shared: rustc_hash::FxHashMap<*const str, Box<str>>,
    key: String,
    records: std::marker::PhantomData<&'a Record>,
}

impl<'a> DuplicateKeys<'a> {
    /// The digest of `record`'s [`duplicate_key`].
    pub fn digest(&mut self, record: &'a Record) -> u64 {
        use std::hash::BuildHasher;
        let mut key = std::mem::take(&mut self.key);
        self.write(record, &mut key);
        let digest = rustc_hash::FxBuildHasher.hash_one(key.as_str());
        self.key = key;
        digest
    }

    /// Writes `record`'s [`duplicate_key`] into `key`, replacing what it held.
    pub fn write(&mut self, record: &'a Record, key: &mut String) {
        use std::fmt::Write;
        key.clear();
        if let Some(host) = &record.host {
            self.push_shared(&host.title, key);
        }
        key.push('\u{1}');
        // Writing into a `String` cannot fail.
        let _ = match (record.published.date, record.published.year()) {
            (Some(d), _) => write!(key, "{d}"),
            (None, Some(y)) => write!(key, "{y}/{}", record.issue.as_deref().unwrap_or("")),
            _ => Ok(()),
        };
        key.push('\u{1}');
        push_normal(&record.title, key);
        key.push('\u{1}');
        if let Some(first) = record.authors().next() {
            self.push_shared(&first.surname, key);
        }
    }

    /// [`push_normal`] for a text many records share.
    fn push_shared(&mut self, text: &'a str, key: &mut String) {
        let normal = self
            .shared
            .entry(std::ptr::from_ref(text))
            .or_insert_with(|| {
                let mut normal = String::new();
                push_normal(text, &mut normal);
                normal.into_boxed_str()
            });
        key.push_str(normal);
    }
}

/// Appends the normal form of `text` a duplicate key compares: lower case (Turkic i's
/// folded), letters and digits only, single spaces between words. Words are folded one by
/// one (most are folded already and are not copied); folding keeps every letter and digit
/// one and every other character not one, so the words are those of the folded text.
fn push_normal(text: &str, out: &mut String) {
    let start = out.len();
    for word in text
        .split(|c: char| !crate::collate::is_alphanumeric(c))
        .filter(|w| !w.is_empty())
    {
        if out.len() > start {
            out.push(' ');
        }
        out.push_str(&crate::feed::dates::fold(word));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_letters_and_digits_apart_from_the_rest() {
        use crate::collate::is_alphanumeric;
        use crate::feed::dates::fold;
        // What `push_normal` relies on to fold word by word: each character folds the same
        // alone and after a capital (folding is character by character), and a letter or
        // digit folds to letters and digits, anything else to neither.
        for c in '\0'..=char::MAX {
            let alone = fold(c.encode_utf8(&mut [0; 4])).into_owned();
            let after_capital = fold(&format!("A{c}"))[1..].to_owned();
            assert_eq!(alone, after_capital, "{c:?}");
            if is_alphanumeric(c) {
                assert!(alone.chars().all(is_alphanumeric), "{c:?}");
            } else {
                assert!(!alone.chars().any(is_alphanumeric), "{c:?}");
            }
        }
    }

    #[test]
    fn keys_made_for_many_records_are_each_records_own() {
        use crate::model::{Host, Person, Role};
        let host = std::sync::Arc::new(Host {
            title: "Xalq qəzeti".into(),
            ..Host::default()
        });
        let records: Vec<Record> = ["Neft strategiyası", "İqtisadi İslahatlar", "Neft"]
            .into_iter()
            .enumerate()
            .map(|(i, title)| {
                let mut r = Record::for_test(&i.to_string(), title);
                r.host = Some(std::sync::Arc::clone(&host));
                r.persons.push(Person {
                    surname: if i == 1 { "Əliyev" } else { "İSMAYILOV" }.into(),
                    initials: "A.".into(),
                    forenames: "".into(),
                    role: Role::Primary,
                    relator: None,
                });
                r
            })
            .collect();
        let mut keys = DuplicateKeys::default();
        let mut key = String::new();
        for (r, expected) in records.iter().zip([
            "xalq qəzeti\u{1}\u{1}neft strategiyasi\u{1}ismayilov",
            "xalq qəzeti\u{1}\u{1}iqtisadi islahatlar\u{1}əliyev",
            "xalq qəzeti\u{1}\u{1}neft\u{1}ismayilov",
        ]) {
            keys.write(r, &mut key);
            assert_eq!(key, expected);
            assert_eq!(key, duplicate_key(r));
        }
    }

    #[test]
    fn undetermined_language_is_inferred() {
        use crate::model::Language;
        let mut r = Record::for_test("X", "Qarabağ həqiqətləri");
        r.languages.push(Language {
            code: "und".into(),
            id: crate::feed::lang::identify("und"),
        });
        assert_eq!(language_group(&r), Ok((LanguageGroup::Azerbaijani, true)));
        r.languages[0] = Language {
            code: "rus".into(),
            id: crate::feed::lang::identify("rus"),
        };
        assert_eq!(language_group(&r), Ok((LanguageGroup::Russian, false)));
    }

    #[test]
    fn language_inference() {
        assert_eq!(
            infer_group("Neft strategiyası"),
            Some(LanguageGroup::Azerbaijani)
        );
        assert_eq!(
            infer_group("Нефтяная стратегия"),
            Some(LanguageGroup::Russian)
        );
        assert_eq!(
            infer_group("Азәрбајҹан нефти"),
            Some(LanguageGroup::Azerbaijani)
        );
        assert_eq!(infer_group("Oil and gas"), Some(LanguageGroup::Other));
        assert_eq!(infer_group("2012 — 14"), None);
    }
}
