//! Placing records: which quarter, which bulletins and subtopics, which language group.
//!
//! A record goes into a bulletin when one of its class numbers (in the configured scheme)
//! or one of its subject headings or keywords (compared case- and accent-insensitively by
//! the Azerbaijani collator, whole heading or heading prefix) matches a subtopic; inside
//! one bulletin it goes under the first matching subtopic in configuration order. A record
//! that cannot be placed gets an [`Exclusion`] with its reason: nothing is dropped.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::collate::{Collators, LanguageGroup, is_cyrillic, is_latin};
use crate::config::Config;
use crate::feed::lang;
use crate::model::{ProblemKind, Record};

/// A quarter of a year: the period of one bulletin issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Quarter {
    pub year: i32,
    /// 1–4.
    pub number: u32,
}

impl Quarter {
    pub fn of(date: NaiveDate) -> Quarter {
        Quarter {
            year: date.year(),
            number: (date.month() - 1) / 3 + 1,
        }
    }

    pub fn of_month(year: i32, month: u32) -> Quarter {
        Quarter {
            year,
            number: (month.clamp(1, 12) - 1) / 3 + 1,
        }
    }

    /// First and last month of the quarter.
    pub fn months(self) -> (u32, u32) {
        (self.number * 3 - 2, self.number * 3)
    }

    /// The last day of the quarter (the issue's date).
    pub fn last_day(self) -> NaiveDate {
        let (next_year, next_month) = if self.number == 4 {
            (self.year + 1, 1)
        } else {
            (self.year, self.number * 3 + 1)
        };
        NaiveDate::from_ymd_opt(next_year, next_month, 1)
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::MIN)
    }
}

impl std::fmt::Display for Quarter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-Q{}", self.year, self.number)
    }
}

impl std::str::FromStr for Quarter {
    type Err = String;

    fn from_str(s: &str) -> Result<Quarter, String> {
        let bad = || format!("\"{s}\" is not a quarter: write it as 2012-Q3");
        let (year, q) = s.trim().split_once(['-', ' ']).ok_or_else(bad)?;
        let year: i32 = year.parse().map_err(|_| bad())?;
        let number: u32 = q
            .trim_start_matches(['Q', 'q'])
            .parse()
            .map_err(|_| bad())?;
        if !(1..=4).contains(&number) || !(1000..=9999).contains(&year) {
            return Err(bad());
        }
        Ok(Quarter { year, number })
    }
}

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
    NoMatchingSubtopic,
    NoDate(String),
    UnreadableLanguage(String),
    Unusable(ProblemKind, String),
    DuplicateOf(String),
}

impl Exclusion {
    pub fn reason(&self) -> String {
        match self {
            Exclusion::NoMatchingSubtopic => {
                "no matching subtopic: no class number or subject heading of any bulletin".into()
            }
            Exclusion::NoDate(m) => format!("no date: {m}"),
            Exclusion::UnreadableLanguage(m) => format!("unreadable language: {m}"),
            Exclusion::Unusable(_, m) => m.clone(),
            Exclusion::DuplicateOf(id) => format!("duplicate of record {id}"),
        }
    }
}

/// The quarter a record belongs to, and a note when it was decided by a fallback.
pub fn quarter_of(record: &Record, by: QuarterBy) -> Result<(Quarter, Option<String>), Exclusion> {
    let catalogued = record.catalogued.map(Quarter::of);
    if by == QuarterBy::Catalogued {
        return catalogued.map(|q| (q, None)).ok_or_else(|| {
            Exclusion::NoDate("no cataloguing date (907 ^A, 008/00-05, 100 $a)".into())
        });
    }
    let p = &record.published;
    if let Some(date) = p.date {
        return Ok((Quarter::of(date), None));
    }
    match (p.year(), p.month) {
        (Some(year), Some(month)) => Ok((Quarter::of_month(year, month), None)),
        (Some(year), None) => match catalogued {
            Some(q) if q.year == year => Ok((
                q,
                Some(format!(
                    "only the year {year} is known; placed by its cataloguing date"
                )),
            )),
            _ => Err(Exclusion::NoDate(format!(
                "only the year {year} is known, and no cataloguing date in that year"
            ))),
        },
        (None, _) => Err(Exclusion::NoDate("no year of publication".into())),
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
    let text = format!("{} {}", record.title, record.other_title.join(" "));
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

/// Places records in bulletins by the configured codes and subjects.
pub struct Classifier<'a> {
    config: &'a Config,
    collators: &'a Collators,
    /// Class code → (bulletin, subtopic) pairs, in configuration order.
    codes: HashMap<String, Vec<(usize, usize)>>,
    /// Subject heading → the first subtopic of each bulletin it matches. Catalogues use a
    /// controlled vocabulary, so headings repeat and each is compared with the
    /// configuration once per run.
    headings: RefCell<HashMap<String, Vec<Option<usize>>>>,
}

impl<'a> Classifier<'a> {
    pub fn new(config: &'a Config, collators: &'a Collators) -> Classifier<'a> {
        let mut codes: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (b, bulletin) in config.bulletins.iter().enumerate() {
            for (s, subtopic) in bulletin.subtopics.iter().enumerate() {
                for code in &subtopic.codes {
                    codes
                        .entry(normalise_code(code.get_ref()))
                        .or_default()
                        .push((b, s));
                }
            }
        }
        Classifier {
            config,
            collators,
            codes,
            headings: RefCell::new(HashMap::new()),
        }
    }

    /// `(bulletin, subtopic)` for every bulletin the record belongs to, at most one per
    /// bulletin (the first matching subtopic in configuration order), bulletins in order.
    pub fn place(&self, record: &Record) -> Vec<(usize, usize)> {
        let scheme = &self.config.library.scheme;
        let mut best: Vec<Option<usize>> = vec![None; self.config.bulletins.len()];
        for class in record
            .classes
            .iter()
            .filter(|c| c.scheme.trim().eq_ignore_ascii_case(scheme))
        {
            for &(b, s) in self
                .codes
                .get(&normalise_code(&class.code))
                .into_iter()
                .flatten()
            {
                best[b] = Some(best[b].map_or(s, |old| old.min(s)));
            }
        }
        let headings = record
            .subjects
            .iter()
            .map(|s| s.heading.as_str())
            .chain(record.keywords.iter().map(String::as_str));
        let mut cache = self.headings.borrow_mut();
        for heading in headings {
            if !cache.contains_key(heading) {
                let matched = self.match_heading(heading);
                cache.insert(heading.to_string(), matched);
            }
            let matched = &cache[heading];
            for (b, s) in matched.iter().enumerate() {
                if let Some(s) = *s {
                    best[b] = Some(best[b].map_or(s, |old| old.min(s)));
                }
            }
        }
        best.iter()
            .enumerate()
            .filter_map(|(b, s)| s.map(|s| (b, s)))
            .collect()
    }

    /// For each bulletin, the first subtopic whose subjects match `heading`.
    fn match_heading(&self, heading: &str) -> Vec<Option<usize>> {
        self.config
            .bulletins
            .iter()
            .map(|bulletin| {
                bulletin.subtopics.iter().position(|subtopic| {
                    subtopic
                        .subjects
                        .iter()
                        .any(|want| self.collators.matches_prefix(heading, want))
                })
            })
            .collect()
    }
}

/// Class codes compare without case and surrounding space (`fp.1` = `FP.1`).
fn normalise_code(code: &str) -> String {
    code.trim().to_uppercase()
}

/// The key two catalogue records of one article share: host, date, title, first author.
pub fn duplicate_key(record: &Record) -> String {
    // Lower case (Turkic i's folded), letters and digits only, single spaces between words.
    let norm = |s: &str| {
        let mut out = String::with_capacity(s.len());
        for word in crate::feed::dates::fold(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        out
    };
    let date = match (record.published.date, record.published.year()) {
        (Some(d), _) => d.to_string(),
        (None, Some(y)) => format!("{y}/{}", record.issue.as_deref().unwrap_or("")),
        _ => String::new(),
    };
    let host = record
        .host
        .as_ref()
        .map(|h| norm(&h.title))
        .unwrap_or_default();
    let author = record
        .authors()
        .next()
        .map(|p| norm(&p.surname))
        .unwrap_or_default();
    format!("{host}\u{1}{date}\u{1}{}\u{1}{author}", norm(&record.title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(Quarter::of(d(2012, 7, 5)).to_string(), "2012-Q3");
        assert_eq!(Quarter::of(d(2012, 3, 31)).number, 1);
        assert_eq!(
            "2012-Q4".parse::<Quarter>().unwrap().last_day(),
            d(2012, 12, 31)
        );
        assert_eq!(
            "2012-q2".parse::<Quarter>().unwrap().last_day(),
            d(2012, 6, 30)
        );
        assert!("2012-Q5".parse::<Quarter>().is_err());
        assert!("Q3".parse::<Quarter>().is_err());
    }

    #[test]
    fn undetermined_language_is_inferred() {
        use crate::model::{Dialect, Format, Language, Origin};
        let origin = Origin {
            file: std::path::Path::new("x").into(),
            position: 1,
            line: 1,
            column: 1,
            offset: 0,
            length: 0,
            format: Format::IrbisText,
        };
        let mut r = Record::new("X".into(), Dialect::Rusmarc, origin);
        r.title = "Qarabağ həqiqətləri".into();
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
