//! The record generator: one article at a time, in intake order.
//!
//! Publication days are stratified over the span (record *i* falls in the *i*-th equal slice
//! of it), so the feed runs in date order like a real intake; subtopics are dealt in shuffled
//! rounds of all 45, so every subtopic is spread evenly over the span.

use std::collections::VecDeque;
use std::path::Path;
use std::sync::Arc;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use unic_langid::LanguageIdentifier;

use super::pools::{self, Frequency, Lang, PERIODICALS, Periodical};
use super::themes::{self, BULLETINS, Bulletin, CROSS, Subtopic, UNUSED};
use super::{LanguageMix, Rng, SynthOptions};
use bulletin::model::{
    ClassNumber, Dialect, Format, Host, Language, Origin, Person, Published, Record, Role,
    SharedStr, Subject, SubjectKind, derive_initials,
};

/// Deterministic article generator: an iterator of exactly `options.records` records.
pub struct Generator {
    rng: Rng,
    options: SynthOptions,
    index: usize,
    span_days: u64,
    /// Current round of subtopics (flat indexes), dealt from the back.
    round: Vec<usize>,
    /// Candidate periodicals by (language, bulletin index; 9 = any theme).
    hosts: Vec<Vec<usize>>,
    languages: Vec<Language>,
    /// A few recent records, for duplicates.
    recent: VecDeque<Record>,
    file: Arc<Path>,
}

const THEME_ANY: usize = 9;

impl Generator {
    pub fn new(options: SynthOptions, seed: u64) -> Generator {
        let span_days = (options.to - options.from).num_days().max(0) as u64 + 1;
        let mut hosts = Vec::with_capacity(Lang::ALL.len() * 10);
        for lang in Lang::ALL {
            for theme in 0..=THEME_ANY {
                let prefix = BULLETINS.get(theme).map(|b| b.prefix);
                let list: Vec<usize> = PERIODICALS
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.lang == lang)
                    .filter(|(_, p)| match prefix {
                        Some(prefix) => p.themes.is_empty() || p.themes.contains(prefix),
                        None => p.themes.is_empty(),
                    })
                    .filter(|(_, p)| {
                        options.languages == LanguageMix::Preslib || cp1251_safe(p.title)
                    })
                    .map(|(i, _)| i)
                    .collect();
                hosts.push(list);
            }
        }
        let languages = Lang::ALL
            .iter()
            .map(|l| Language {
                code: l.code().into(),
                id: l.bcp47().parse::<LanguageIdentifier>().ok(),
            })
            .collect();
        Generator {
            rng: Rng::new(seed ^ 0x6275_6c6c_6574_696e),
            options,
            index: 0,
            span_days,
            round: Vec::new(),
            hosts,
            languages,
            recent: VecDeque::with_capacity(8),
            file: Arc::from(Path::new("<synthetic>")),
        }
    }

    fn origin(&self, index: usize) -> Origin {
        Origin {
            file: Arc::clone(&self.file),
            position: Origin::count(index + 1),
            line: 0,
            column: 0,
            offset: 0,
            length: 0,
            format: Format::MarcXml,
        }
    }

    fn id(&self, index: usize, catalogued: NaiveDate) -> String {
        format!(
            "PRESLIB-{}-{:06}",
            catalogued.year(),
            self.options.first_id + index as u64
        )
    }

    fn language(&mut self) -> Lang {
        let u = self.rng.unit();
        match self.options.languages {
            LanguageMix::Preslib => match u {
                u if u < 0.55 => Lang::Aze,
                u if u < 0.90 => Lang::Rus,
                u if u < 0.96 => Lang::Eng,
                u if u < 0.98 => Lang::Tur,
                u if u < 0.99 => Lang::Ger,
                _ => Lang::Fre,
            },
            LanguageMix::Cp1251 if u < 0.88 => Lang::Rus,
            LanguageMix::Cp1251 => Lang::Eng,
        }
    }

    fn next_subtopic(&mut self) -> usize {
        if self.round.is_empty() {
            self.round = (0..themes::subtopic_count()).collect();
            self.rng.shuffle(&mut self.round);
        }
        self.round.pop().unwrap_or(0)
    }

    fn periodical(&mut self, lang: Lang, theme: usize) -> (usize, &'static Periodical) {
        let li = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        let mut list = &self.hosts[li * 10 + theme];
        if list.is_empty() {
            list = &self.hosts[li * 10 + THEME_ANY];
        }
        let total: u32 = list.iter().map(|&i| PERIODICALS[i].weight).sum();
        let mut roll = self.rng.below(total.max(1) as usize) as u32;
        for &i in list {
            let w = PERIODICALS[i].weight;
            if roll < w {
                return (i, &PERIODICALS[i]);
            }
            roll -= w;
        }
        (list[0], &PERIODICALS[list[0]])
    }

    fn person(&mut self, lang: Lang, role: Role, relator: Option<&str>) -> Person {
        let pool = if lang == Lang::Rus && self.rng.chance(0.3) {
            &pools::RUS_RU_NAMES
        } else {
            pools::names(lang)
        };
        let female = self.rng.chance(0.35);
        let surname =
            if !pool.surnames.is_empty() && (pool.invariant.is_empty() || self.rng.chance(0.9)) {
                let s = *self.rng.pick(pool.surnames);
                if female {
                    pools::feminine(s)
                } else {
                    s.to_string()
                }
            } else {
                self.rng.pick(pool.invariant).to_string()
            };
        let first = *self.rng.pick(if female { pool.female } else { pool.male });
        let patronymic_rate = if lang == Lang::Rus { 0.4 } else { 0.06 };
        let forenames = if !pool.patronymics.is_empty() && self.rng.chance(patronymic_rate) {
            let (m, f) = *self.rng.pick(pool.patronymics);
            format!("{first} {}", if female { f } else { m })
        } else {
            first.to_string()
        };
        let with_forenames = self.rng.chance(0.6);
        let with_initials = !with_forenames || self.rng.chance(0.85);
        Person {
            surname: surname.into(),
            initials: if with_initials {
                derive_initials(&forenames).into()
            } else {
                "".into()
            },
            forenames: if with_forenames {
                forenames.into()
            } else {
                "".into()
            },
            role,
            relator: relator.map(Into::into),
        }
    }

    fn duplicate(&mut self, index: usize) -> Option<Record> {
        if self.recent.is_empty() || !self.rng.chance(self.options.duplicate_rate) {
            return None;
        }
        let k = self.rng.below(self.recent.len());
        let mut record = self.recent[k].clone();
        let catalogued = record
            .catalogued
            .unwrap_or(self.options.from)
            .checked_add_days(Days::new(u64::from(self.rng.range(1, 20))))
            .unwrap_or(self.options.to)
            .min(self.options.to);
        record.catalogued = Some(catalogued);
        record.id = self.id(index, catalogued).into();
        record.origin = self.origin(index);
        if self.rng.chance(0.5) {
            record.keywords.clear();
        }
        Some(record)
    }

    fn generate(&mut self, index: usize) -> Record {
        // Publication day: a random day in this record's slice of the span.
        let offset = ((index as f64 + self.rng.unit()) / self.options.records as f64
            * self.span_days as f64) as u64;
        let day = self
            .options
            .from
            .checked_add_days(Days::new(offset.min(self.span_days - 1)))
            .unwrap_or(self.options.from);
        let lang = self.language();

        // Theme: the next subtopic of the round, sometimes with a second bulletin, sometimes
        // unclassified (those do not use up the round).
        let unclassified = self.rng.chance(self.options.unclassified_rate);
        let (bulletin, subtopic, second, title) = if unclassified {
            let (b, s) = themes::subtopic(self.rng.below(themes::subtopic_count()));
            (b, s, None, None)
        } else {
            let (b, s) = themes::subtopic(self.next_subtopic());
            let cross = if self.rng.chance(self.options.cross_rate * 2.8) {
                CROSS.iter().find(|(codes, _)| codes.contains(&s.code))
            } else {
                None
            };
            match cross {
                Some((codes, titles)) => {
                    let other = if codes[0] == s.code {
                        codes[1]
                    } else {
                        codes[0]
                    };
                    (b, s, Some(other), Some(*titles))
                }
                None => (b, s, None, None),
            }
        };
        let theme_index = BULLETINS
            .iter()
            .position(|x| x.prefix == bulletin.prefix)
            .unwrap_or(THEME_ANY);
        let (host_index, periodical) =
            self.periodical(lang, if unclassified { THEME_ANY } else { theme_index });

        let mut record = Record::new(String::new(), Dialect::Rusmarc, self.origin(index));
        let li = match lang {
            Lang::Rus => 1,
            Lang::Eng => 2,
            _ => 0,
        };

        // Title.
        let unused = self.rng.pick(UNUSED);
        let base = if unclassified {
            let ti = match lang {
                Lang::Aze => 0,
                Lang::Rus => 1,
                _ => 2,
            };
            unused.1[ti].to_string()
        } else if let Some(titles) = title {
            match lang {
                Lang::Tur | Lang::Ger | Lang::Fre => other_title(bulletin, lang).to_string(),
                _ => titles[li].to_string(),
            }
        } else {
            self.title(lang, bulletin, subtopic)
        };
        record.title = base.into();
        record
            .languages
            .push(self.languages[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)].clone());

        // Persons.
        let interview = self.rng.chance(0.06);
        let translated = !interview && lang != Lang::Eng && self.rng.chance(0.04);
        let mut authors = match self.rng.below(100) {
            0..=14 => 0,
            15..=76 => 1,
            77..=89 => 2,
            90..=95 => 3,
            96..=98 => 4,
            _ => 5,
        };
        if interview {
            authors = authors.max(1);
        }
        for k in 0..authors {
            let role = if k == 0 {
                Role::Primary
            } else {
                Role::Coauthor
            };
            let relator = self.rng.chance(0.3).then_some("070");
            let person = self.person(lang, role, relator);
            record.persons.push(person);
        }
        let secondary = if interview {
            Some("470")
        } else if translated {
            Some("730")
        } else {
            None
        };
        if let Some(relator) = secondary {
            let person = self.person(lang, Role::Secondary, Some(relator));
            record.persons.push(person);
        }
        if !record.persons.is_empty() && self.rng.chance(0.55) {
            record.responsibility = responsibility(lang, &record.persons).into();
        }
        if interview {
            record
                .supplement_mut()
                .other_title
                .push(phrase(lang, INTERVIEW).to_string());
            record
                .supplement_mut()
                .notes
                .push(phrase(lang, INTERVIEW_NOTE).into());
        } else if translated {
            record
                .supplement_mut()
                .notes
                .push(phrase(lang, TRANSLATED_NOTE).into());
        } else if matches!(lang, Lang::Aze | Lang::Rus | Lang::Eng) && self.rng.chance(0.07) {
            let pool = [OTHER_AZ, OTHER_RU, OTHER_EN][li];
            record
                .supplement_mut()
                .other_title
                .push(self.rng.pick(pool).to_string());
        }
        if !unclassified && !bulletin.persons.is_empty() && self.rng.chance(0.15) {
            let forms = self.rng.pick(bulletin.persons);
            let (surname, initials, forenames) = forms[li];
            record.persons.push(Person {
                surname: surname.into(),
                initials: initials.into(),
                forenames: forenames.into(),
                role: Role::Subject,
                relator: None,
            });
        }

        // Host, date, issue, pages.
        let issn = (host_index % 3 == 0 && self.rng.chance(0.7))
            .then(|| pools::synthetic_issn(host_index));
        record.host = Some(
            Host {
                title: periodical.title.into(),
                abbreviated: None,
                issn,
                city: Some(periodical.city.to_string()),
                link: None,
            }
            .into(),
        );
        let catalogued;
        if periodical.frequency.is_newspaper() {
            let date = newspaper_day(day, periodical.frequency, self.options.from);
            record.published = Published {
                year: Some(date.year()),
                date: Some(date),
                month: None,
            };
            if self.rng.chance(0.8) {
                record.issue = Some(issue_number(date, periodical.frequency).to_string().into());
            }
            if self.rng.chance(0.75) {
                let page = match self.rng.below(10) {
                    0 => 1,
                    1..=7 => self.rng.range(2, 7),
                    _ => self.rng.range(8, 16),
                };
                record.pages = Some(if self.rng.chance(0.08) {
                    format!("{page}–{}", page + 1).into()
                } else {
                    page.to_string().into()
                });
            }
            catalogued = date.checked_add_days(Days::new(u64::from(self.rng.range(1, 7))));
        } else {
            let month = day.month();
            record.published = Published {
                year: Some(day.year()),
                date: None,
                month: (periodical.frequency == Frequency::Monthly
                    && matches!(lang, Lang::Aze | Lang::Rus | Lang::Eng)
                    && self.rng.chance(0.6))
                .then_some(month),
            };
            record.issue = Some(issue_number(day, periodical.frequency).to_string().into());
            let first = self.rng.range(3, 140);
            let last = first + self.rng.range(1, 12);
            record.pages = Some(format!("{first}–{last}").into());
            catalogued = day.checked_add_days(Days::new(u64::from(self.rng.range(3, 20))));
        }
        let catalogued = catalogued
            .unwrap_or(self.options.to)
            .min(self.options.to)
            .max(record.published.date.unwrap_or(day));
        record.catalogued = Some(catalogued);
        record.id = self.id(index, catalogued).into();

        // Subjects, keywords, classes.
        if !unclassified {
            let heading = |s: &[&'static str; 3]| SharedStr::from(s[li]);
            if self.rng.chance(0.65) {
                record.subjects.push(Subject {
                    heading: heading(&bulletin.heading),
                    subdivisions: vec![heading(&subtopic.heading)].into(),
                    kind: SubjectKind::Topical,
                });
            } else {
                record.subjects.push(Subject {
                    heading: heading(&subtopic.heading),
                    subdivisions: Vec::new().into(),
                    kind: SubjectKind::Topical,
                });
            }
            if self.rng.chance(0.6) {
                let pool = bulletin.keywords[li];
                let n = self.rng.range(1, 3) as usize;
                let start = self.rng.below(pool.len());
                for k in 0..n.min(pool.len()) {
                    record.keywords.push(pool[(start + k) % pool.len()].into());
                }
            }
            // Some subtopics' articles also carry BBK or GRNTI numbers; some only those.
            let national: Vec<ClassNumber> = themes::national(subtopic.code).collect();
            let with_national = !national.is_empty() && self.rng.chance(0.6);
            let own = (!with_national || self.rng.chance(0.5)).then_some(subtopic.code);
            for code in own.into_iter().chain(second) {
                record.classes.push(ClassNumber {
                    scheme: "preslib".into(),
                    code: code.into(),
                });
            }
            if with_national {
                record.classes.extend(national);
            }
            if self.rng.chance(0.08) {
                record.classes.push(ClassNumber {
                    scheme: "rugasnti".into(),
                    code: bulletin.grnti.into(),
                });
            }
        } else if self.rng.chance(0.5) {
            record.classes.push(ClassNumber {
                scheme: "preslib".into(),
                code: unused.0.into(),
            });
        }
        record
    }

    fn title(&mut self, lang: Lang, bulletin: &Bulletin, subtopic: &Subtopic) -> String {
        let pool = match lang {
            Lang::Aze => subtopic.az,
            Lang::Rus => subtopic.ru,
            Lang::Eng => subtopic.en,
            _ => return other_title(bulletin, lang).to_string(),
        };
        let mut title = self.rng.pick(pool).to_string();
        let open = !title.contains(':') && !title.ends_with(['?', '!']);
        if open && self.rng.chance(0.15) {
            let suffixes = match lang {
                Lang::Aze => SUFFIX_AZ,
                Lang::Rus => SUFFIX_RU,
                _ => SUFFIX_EN,
            };
            let suffix = self.rng.pick::<&str>(suffixes);
            title.push_str(suffix);
        } else if open && self.rng.chance(0.04) {
            title.push_str("...");
        }
        title
    }
}

impl Iterator for Generator {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if self.index >= self.options.records {
            return None;
        }
        let index = self.index;
        self.index += 1;
        if let Some(record) = self.duplicate(index) {
            return Some(record);
        }
        let record = self.generate(index);
        if index.is_multiple_of(7) {
            if self.recent.len() == 8 {
                self.recent.pop_front();
            }
            self.recent.push_back(record.clone());
        }
        Some(record)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.options.records - self.index;
        (left, Some(left))
    }
}

impl ExactSizeIterator for Generator {}

/// Whether CP1251 can hold `text`.
pub fn cp1251_safe(text: &str) -> bool {
    let (_, _, errors) = encoding_rs::WINDOWS_1251.encode(text);
    !errors
}

fn other_title(bulletin: &Bulletin, lang: Lang) -> &'static str {
    match lang {
        Lang::Tur => bulletin.other[0],
        Lang::Ger => bulletin.other[1],
        _ => bulletin.other[2],
    }
}

/// The issue day of a newspaper near `day`: dailies skip Sundays, semi-weeklies appear on
/// Tuesdays and Fridays, weeklies on Fridays. Moves back, or forward at the span's start.
fn newspaper_day(day: NaiveDate, frequency: Frequency, from: NaiveDate) -> NaiveDate {
    let ok = |d: NaiveDate| match frequency {
        Frequency::Daily => d.weekday() != Weekday::Sun,
        Frequency::SemiWeekly => matches!(d.weekday(), Weekday::Tue | Weekday::Fri),
        _ => d.weekday() == Weekday::Fri,
    };
    let mut d = day;
    for _ in 0..7 {
        if ok(d) && d >= from {
            return d;
        }
        match d.pred_opt() {
            Some(p) if p >= from => d = p,
            _ => break,
        }
    }
    let mut d = day;
    for _ in 0..7 {
        if ok(d) {
            return d;
        }
        d = d.succ_opt().unwrap_or(d);
    }
    day
}

/// The issue number in the year: issues appeared so far (newspapers), or the month, the
/// two-month or the quarter (journals).
fn issue_number(day: NaiveDate, frequency: Frequency) -> u32 {
    let n = day.ordinal(); // days of the year so far, this one included
    let w0 = NaiveDate::from_ymd_opt(day.year(), 1, 1)
        .map(|d| d.weekday().num_days_from_monday())
        .unwrap_or(0);
    // Days j in [w0, w0 + n) with j % 7 == r are the year's days falling on weekday r.
    let count = |r: u32| (w0 + n + 6 - r) / 7 - (w0 + 6 - r) / 7;
    match frequency {
        Frequency::Daily => n - count(6),
        Frequency::SemiWeekly => count(1) + count(4),
        Frequency::Weekly => count(4),
        Frequency::Monthly => day.month(),
        Frequency::Bimonthly => day.month().div_ceil(2),
        Frequency::Quarterly => day.month().div_ceil(3),
    }
}

/// The statement of responsibility as a cataloguer records it.
fn responsibility(lang: Lang, persons: &[Person]) -> Vec<String> {
    let name = |p: &Person| {
        let first = p.forenames.split(' ').next().unwrap_or("");
        if lang == Lang::Rus || first.is_empty() {
            format!("{} {}", p.initials_or_derived(), p.surname)
        } else {
            format!("{first} {}", p.surname)
        }
    };
    let authors: Vec<&Person> = persons
        .iter()
        .filter(|p| matches!(p.role, Role::Primary | Role::Coauthor))
        .collect();
    let mut out = Vec::new();
    if !authors.is_empty() {
        if authors.len() >= 4 {
            let etal = match lang {
                Lang::Aze => "və b.",
                Lang::Rus => "и др.",
                Lang::Tur => "vd.",
                Lang::Ger => "u. a.",
                _ => "et al.",
            };
            out.push(format!("{} [{etal}]", name(authors[0])));
        } else {
            out.push(
                authors
                    .iter()
                    .map(|p| name(p))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
        }
    }
    for p in persons.iter().filter(|p| p.role == Role::Secondary) {
        let label = match (lang, p.relator.as_deref()) {
            (Lang::Aze, Some("470")) => "müsahibəni apardı",
            (Lang::Aze, _) => "tərcümə edən",
            (Lang::Rus, Some("470")) => "беседовал",
            (Lang::Rus, _) => "пер. с азерб.",
            (_, Some("470")) => "interviewed by",
            (_, _) => "translated by",
        };
        out.push(format!("{label} {}", name(p)));
    }
    out
}

/// A phrase in the article's language: [az, ru, en, tr, de, fr].
fn phrase(lang: Lang, forms: [&'static str; 6]) -> &'static str {
    forms[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)]
}

const INTERVIEW: [&str; 6] = [
    "müsahibə",
    "интервью",
    "interview",
    "röportaj",
    "Interview",
    "entretien",
];
const INTERVIEW_NOTE: [&str; 6] = [
    "Müsahibə",
    "Интервью",
    "Interview",
    "Röportaj",
    "Interview",
    "Entretien",
];
const TRANSLATED_NOTE: [&str; 6] = [
    "Rus dilindən tərcümə",
    "Пер. с азерб.",
    "Translated from Azerbaijani",
    "Azerbaycan Türkçesinden çeviri",
    "Aus dem Aserbaidschanischen",
    "Traduit de l'azerbaïdjanais",
];
const OTHER_AZ: &[&str] = &["ekspert rəyi", "hesabat", "şərh"];
const OTHER_RU: &[&str] = &["мнение эксперта", "репортаж", "комментарий"];
const OTHER_EN: &[&str] = &["an expert view", "report"];
const SUFFIX_AZ: &[&str] = &[
    ": reallıqlar və perspektivlər",
    ": yeni mərhələ",
    ": nəticələr və vəzifələr",
];
const SUFFIX_RU: &[&str] = &[
    ": итоги и перспективы",
    ": новый этап",
    ": реалии и перспективы",
];
const SUFFIX_EN: &[&str] = &[": prospects and challenges", ": a new stage"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_numbers_count_the_year() {
        let d = |m, day| NaiveDate::from_ymd_opt(2012, m, day).unwrap();
        // 1 January 2012 was a Sunday.
        assert_eq!(issue_number(d(1, 2), Frequency::Daily), 1);
        assert_eq!(issue_number(d(1, 7), Frequency::Daily), 6);
        assert_eq!(issue_number(d(1, 9), Frequency::Daily), 7);
        assert_eq!(issue_number(d(1, 6), Frequency::Weekly), 1);
        assert_eq!(issue_number(d(1, 6), Frequency::SemiWeekly), 2);
        assert_eq!(issue_number(d(3, 15), Frequency::Quarterly), 1);
        assert_eq!(issue_number(d(4, 1), Frequency::Bimonthly), 2);
    }

    #[test]
    fn newspapers_appear_on_their_days() {
        let from = NaiveDate::from_ymd_opt(2012, 1, 1).unwrap();
        let sunday = NaiveDate::from_ymd_opt(2012, 1, 8).unwrap();
        assert_eq!(newspaper_day(sunday, Frequency::Daily, from).day(), 7);
        assert_eq!(newspaper_day(from, Frequency::Daily, from).day(), 2);
        assert_eq!(
            newspaper_day(sunday, Frequency::Weekly, from).weekday(),
            Weekday::Fri
        );
    }

    #[test]
    fn the_language_mix_holds_on_10000_records() {
        let mut counts = std::collections::HashMap::new();
        for r in Generator::new(SynthOptions::years(10_000, 2012, 2012), 99) {
            *counts.entry(r.languages[0].code.clone()).or_insert(0usize) += 1;
        }
        let share = |c: &str| *counts.get(c).unwrap_or(&0) as f64 / 10_000.0;
        assert!((share("aze") - 0.55).abs() < 0.05, "{counts:?}");
        assert!((share("rus") - 0.35).abs() < 0.05, "{counts:?}");
        let other = 1.0 - share("aze") - share("rus");
        assert!((other - 0.10).abs() < 0.05, "{counts:?}");
        for code in ["eng", "tur", "ger", "fre"] {
            assert!(share(code) > 0.0, "{code}: {counts:?}");
        }
    }

    #[test]
    fn records_are_complete_and_in_the_span() {
        let options = SynthOptions::years(2_000, 2012, 2012);
        let mut ids = std::collections::HashSet::new();
        let mut unclassified = 0;
        let mut two = 0;
        for r in Generator::new(options.clone(), 5) {
            assert!(ids.insert(r.id.clone()), "duplicate id {}", r.id);
            assert!(r.id.starts_with("PRESLIB-2012-"), "{}", r.id);
            assert!(!r.title.is_empty());
            let host = r.host.as_ref().unwrap();
            assert!(!host.title.is_empty());
            let year = r.published.year().unwrap();
            assert_eq!(year, 2012);
            let cat = r.catalogued.unwrap();
            assert!(cat >= options.from && cat <= options.to);
            if let Some(date) = r.published.date {
                assert!(cat >= date && date >= options.from);
            }
            assert!(r.persons.iter().filter(|p| p.role == Role::Primary).count() <= 1);
            for p in &r.persons {
                assert!(!p.initials.is_empty() || !p.forenames.is_empty());
            }
            let codes = themes::subtopic_codes(&r);
            match codes.len() {
                0 => unclassified += 1,
                1 => {}
                _ => two += 1,
            }
        }
        assert!((20..=120).contains(&unclassified), "{unclassified}");
        assert!((40..=250).contains(&two), "{two}");
    }

    #[test]
    fn cp1251_mix_is_encodable() {
        let mut options = SynthOptions::years(2_000, 2012, 2012);
        options.languages = LanguageMix::Cp1251;
        for r in Generator::new(options, 3) {
            let text = format!("{r:?}");
            assert!(cp1251_safe(&text), "{text}");
        }
    }
}
