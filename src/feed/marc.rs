//! MARC records in either tag set → [`Record`].
//!
//! MARCXML and ISO 2709 both yield a [`RawRecord`] (leader, control and data fields with
//! their positions); this module maps it to the format-neutral model, in RUSMARC/UNIMARC
//! (with 461/463 embedded fields) or MARC 21. The dialect is detected per record from the
//! tags present unless the caller forces one. Every field read keeps its line and column,
//! so a problem (impossible date, unknown language) points at the field that has it.

use chrono::NaiveDate;

use super::dates::{self, DayMonth};
use super::lang;
use crate::model::{
    ClassNumber, Dialect, Host, Language, Origin, Person, ProblemKind, Record, Role, Subject,
    SubjectKind,
};

/// A subfield: code and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subfield {
    pub code: char,
    pub value: String,
}

/// One field as read, with its position in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawField {
    pub tag: String,
    pub indicators: [char; 2],
    /// Control fields (001–009) carry a value and no subfields.
    pub value: Option<String>,
    pub subfields: Vec<Subfield>,
    pub line: u32,
    pub column: u32,
}

impl RawField {
    /// First value of subfield `code`, trimmed.
    pub fn first(&self, code: char) -> Option<&str> {
        self.all(code).next()
    }

    /// Every value of subfield `code`, trimmed, empty ones skipped.
    pub fn all(&self, code: char) -> impl Iterator<Item = &str> {
        self.subfields
            .iter()
            .filter(move |s| s.code == code)
            .map(|s| s.value.trim())
            .filter(|v| !v.is_empty())
    }

    /// UNIMARC embedded fields: each `$1` opens one (`$1 2000# $a …`); subfields before the
    /// first `$1` belong to the field itself (the standard-subfields technique).
    pub fn embedded(&self) -> (Vec<&Subfield>, Vec<Embedded<'_>>) {
        let mut own = Vec::new();
        let mut embedded: Vec<Embedded> = Vec::new();
        for sub in &self.subfields {
            if sub.code == '1' {
                let v = sub.value.trim_start();
                let tag: String = v.chars().take(3).collect();
                let data: String = v.chars().skip(3).collect();
                embedded.push(Embedded {
                    tag,
                    data,
                    subfields: Vec::new(),
                });
            } else if let Some(last) = embedded.last_mut() {
                last.subfields.push(sub);
            } else {
                own.push(sub);
            }
        }
        (own, embedded)
    }
}

/// A field embedded in a 4XX linking field.
#[derive(Debug)]
pub struct Embedded<'a> {
    pub tag: String,
    /// Indicators (data fields) or the value (control fields) after the tag.
    pub data: String,
    pub subfields: Vec<&'a Subfield>,
}

impl Embedded<'_> {
    pub fn first(&self, code: char) -> Option<&str> {
        self.subfields
            .iter()
            .filter(|s| s.code == code)
            .map(|s| s.value.trim())
            .find(|v| !v.is_empty())
    }
}

/// A MARC record as read, before mapping.
#[derive(Debug, Clone, Default)]
pub struct RawRecord {
    pub leader: String,
    pub fields: Vec<RawField>,
}

impl RawRecord {
    pub fn field(&self, tag: &str) -> Option<&RawField> {
        self.fields.iter().find(|f| f.tag == tag)
    }

    pub fn fields<'a>(&'a self, tag: &'a str) -> impl Iterator<Item = &'a RawField> {
        self.fields.iter().filter(move |f| f.tag == tag)
    }

    fn control(&self, tag: &str) -> Option<&str> {
        self.field(tag)
            .and_then(|f| f.value.as_deref())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }

    /// RUSMARC or MARC 21, from the tags present.
    pub fn detect_dialect(&self) -> Dialect {
        // One pass over the fields, noting which telling tags occur. 245 or 773 are MARC 21
        // only, 200 or 461/463 UNIMARC only; otherwise the tags typical of each side vote
        // (100 and 700 exist in both and count for both).
        const MARC21: [&str; 6] = ["245", "773", "100", "008", "650", "041"];
        const RUSMARC: [&str; 8] = ["200", "461", "463", "101", "606", "700", "686", "100"];
        let (mut marc21, mut rusmarc) = ([false; 6], [false; 8]);
        for f in &self.fields {
            let tag = f.tag.as_str();
            if let Some(i) = MARC21.iter().position(|t| *t == tag) {
                marc21[i] = true;
            }
            if let Some(i) = RUSMARC.iter().position(|t| *t == tag) {
                rusmarc[i] = true;
            }
        }
        let votes = |seen: &[bool]| seen.iter().filter(|s| **s).count();
        if marc21[0] || marc21[1] {
            Dialect::Marc21
        } else if rusmarc[0] || rusmarc[1] || rusmarc[2] || votes(&rusmarc) > votes(&marc21) {
            Dialect::Rusmarc
        } else {
            Dialect::Marc21
        }
    }
}

/// Maps a raw record to a [`Record`], in `forced` dialect or the detected one.
pub fn to_record(raw: &RawRecord, forced: Option<Dialect>, origin: Origin) -> Record {
    let dialect = forced.unwrap_or_else(|| raw.detect_dialect());
    let fallback_id = format!("{}#{}", origin.file.display(), origin.position);
    let id = raw.control("001").map(str::to_string);
    let mut record = Record::new(id.clone().unwrap_or(fallback_id), dialect, origin);
    if id.is_none() {
        record.problem(
            ProblemKind::NoId,
            "record has no id (001); file and position stand in for it",
        );
    }
    match dialect {
        Dialect::Rusmarc => rusmarc(raw, &mut record),
        Dialect::Marc21 => marc21(raw, &mut record),
    }
    finish(&mut record);
    record
}

/// Checks shared by every format: title, host, date, languages.
pub(crate) fn finish(record: &mut Record) {
    // A book or a serial is reported as such; its article-level gaps would only be noise.
    if record
        .problems
        .iter()
        .any(|p| p.kind == ProblemKind::NotAnArticle)
    {
        return;
    }
    if record.title.trim().is_empty() {
        record.problem(ProblemKind::NoTitle, "record has no title");
    }
    if record
        .host
        .as_ref()
        .is_none_or(|h| h.title.trim().is_empty())
    {
        record.problem(
            ProblemKind::NoHost,
            "record has no host periodical (461/463, 773)",
        );
    }
    let bad_date = record
        .problems
        .iter()
        .any(|p| p.kind == ProblemKind::BadDate);
    if record.published.year().is_none() && !bad_date {
        record.problem(ProblemKind::NoDate, "record has no year of publication");
    } else if record.published.date.is_none() && !bad_date {
        record.problem(
            ProblemKind::YearOnly,
            "only the year of publication is known, not the issue date",
        );
    }
}

/// Adds a language by its code, flagging an unknown one at the field's position.
pub(crate) fn add_language(record: &mut Record, code: &str, line: u32, column: u32) {
    let code = code.trim();
    if code.is_empty() || record.languages.iter().any(|l| l.code == code) {
        return;
    }
    let id = lang::identify(code);
    if id.is_none() {
        record.problem_at(
            line,
            column,
            ProblemKind::UnknownLanguage,
            format!("unknown language code \"{code}\""),
        );
    }
    record.languages.push(Language {
        code: code.to_string(),
        id,
    });
}

/// Applies a day/month found in text to the record's publication date.
pub(crate) fn apply_date_text(record: &mut Record, texts: &[(&str, u32, u32)]) {
    for &(text, line, column) in texts {
        match dates::find_day_month(text) {
            Ok(Some(dm)) => {
                set_day_month(record, dm, text, line, column);
                return;
            }
            Ok(None) => {}
            Err(e) => {
                record.problem_at(line, column, ProblemKind::BadDate, e.message);
                return;
            }
        }
    }
}

fn set_day_month(record: &mut Record, dm: DayMonth, text: &str, line: u32, column: u32) {
    let year = dm.year.or(record.published.year);
    record.published.year = record.published.year.or(year);
    record.published.month = Some(dm.month);
    let Some(year) = year else { return };
    match dates::to_date(year, &dm) {
        Ok(date) => record.published.date = date,
        Err(e) => record.problem_at(
            line,
            column,
            ProblemKind::BadDate,
            format!("{} (\"{}\")", e.message, text.trim()),
        ),
    }
}

/// Strips ISBD punctuation that ends a MARC subfield (` /`, ` :`, ` ;`, ` =`, `,`, a lone `.`).
pub fn trim_isbd(text: &str) -> String {
    let mut t = text.trim();
    loop {
        let before = t;
        for end in [" /", " :", " ;", " =", ",", "/", ":", ";", "="] {
            t = t.strip_suffix(end).unwrap_or(t).trim_end();
        }
        if t.ends_with('.') && !t.ends_with("..") {
            let without = &t[..t.len() - 1];
            // Keep the period of an initial or an abbreviation (`A.`, `т.д.`); a period after
            // a closing bracket or a word ends the field (`[və b.].`, `Xələfov.`).
            let last_word = without.rsplit([' ', '.']).next().unwrap_or("");
            let mut last = last_word.chars();
            let initial = last.next().is_some_and(char::is_alphabetic) && last.next().is_none();
            if !initial {
                t = without.trim_end();
            }
        }
        if t == before {
            return t.to_string();
        }
    }
}

fn catalogued_yyyymmdd(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..8)?, "%Y%m%d").ok()
}

fn rusmarc(raw: &RawRecord, record: &mut Record) {
    let level = raw.leader.chars().nth(7);
    if matches!(level, Some(c) if c != 'a') {
        record.problem(
            ProblemKind::NotAnArticle,
            format!(
                "not an article: leader/07 is '{}' (articles are 'a')",
                level.unwrap_or(' ')
            ),
        );
    }
    for f in &raw.fields {
        match f.tag.as_str() {
            "100" => {
                if let Some(a) = f.first('a') {
                    record.catalogued = record.catalogued.or_else(|| catalogued_yyyymmdd(a));
                    let year = a.get(9..13).and_then(|y| y.trim().parse::<i32>().ok());
                    if record.published.year.is_none() {
                        record.published.year = year.filter(|y| (1800..=2200).contains(y));
                    }
                }
            }
            "101" => {
                for code in f.all('a').map(str::to_string).collect::<Vec<_>>() {
                    add_language(record, &code, f.line, f.column);
                }
            }
            "200" if record.title.is_empty() => {
                record.title = f.first('a').map(trim_isbd).unwrap_or_default();
                record.other_title.extend(f.all('e').map(trim_isbd));
                record
                    .responsibility
                    .extend(f.all('f').chain(f.all('g')).map(trim_isbd));
            }
            "210" => {
                if let Some(y) = f.first('d').and_then(dates::find_year) {
                    record.published.year = record.published.year.or(Some(y));
                }
            }
            "300" | "305" | "314" | "327" => record.notes.extend(f.all('a').map(trim_isbd)),
            "600" => {
                if let Some(p) = unimarc_person(f, Role::Subject) {
                    record.subjects.push(Subject {
                        heading: p.inverted(),
                        subdivisions: subdivisions(f),
                        kind: SubjectKind::Person,
                    });
                    record.persons.push(p);
                }
            }
            "601" | "606" | "607" => {
                if let Some(a) = f.first('a') {
                    let kind = match f.tag.as_str() {
                        "601" => SubjectKind::Corporate,
                        "607" => SubjectKind::Geographic,
                        _ => SubjectKind::Topical,
                    };
                    record.subjects.push(Subject {
                        heading: trim_isbd(a),
                        subdivisions: subdivisions(f),
                        kind,
                    });
                }
            }
            "610" => record.keywords.extend(f.all('a').map(trim_isbd)),
            "675" => record.classes.extend(f.all('a').map(|a| ClassNumber {
                scheme: "udc".into(),
                code: a.to_string(),
            })),
            "686" => {
                let scheme = f.first('2').unwrap_or("").to_string();
                record.classes.extend(f.all('a').map(|a| ClassNumber {
                    scheme: scheme.clone(),
                    code: a.to_string(),
                }));
            }
            "700" => record.persons.extend(unimarc_person(f, Role::Primary)),
            "701" => record.persons.extend(unimarc_person(f, Role::Coauthor)),
            "702" => record.persons.extend(unimarc_person(f, Role::Secondary)),
            "710" | "711" => record.corporate.extend(f.first('a').map(trim_isbd)),
            "801" => {
                if let Some(c) = f.first('c') {
                    record.catalogued = record.catalogued.or_else(|| catalogued_yyyymmdd(c));
                }
            }
            _ => {}
        }
    }
    // Persons in catalogue order: authors first.
    record.persons.sort_by_key(|p| p.role.rank());
    linking_fields(raw, record);
}

/// 461 (the serial) and 463 (the issue), in either technique.
fn linking_fields(raw: &RawRecord, record: &mut Record) {
    let mut host = Host::default();
    let mut date_texts: Vec<(String, u32, u32)> = Vec::new();
    let mut year_texts: Vec<String> = Vec::new();
    for f in raw
        .fields
        .iter()
        .filter(|f| f.tag == "461" || f.tag == "463")
    {
        let serial = f.tag == "461";
        let (own, embedded) = f.embedded();
        let own_first = |c: char| {
            own.iter()
                .find(|s| s.code == c)
                .map(|s| s.value.trim())
                .filter(|v| !v.is_empty())
        };
        for e in &embedded {
            match (serial, e.tag.as_str()) {
                (true, "200") if host.title.is_empty() => {
                    host.title = e.first('a').map(trim_isbd).unwrap_or_default()
                }
                (true, "011") => host.issn = host.issn.take().or(e.first('a').map(str::to_string)),
                (true, "210") => host.city = host.city.take().or(e.first('a').map(trim_isbd)),
                (true, "531" | "530") => {
                    host.abbreviated = host.abbreviated.take().or(e.first('a').map(trim_isbd))
                }
                (false, "200") => {
                    for s in e
                        .subfields
                        .iter()
                        .filter(|s| matches!(s.code, 'a' | 'h' | 'e' | 'i' | 'v'))
                    {
                        let v = s.value.trim();
                        if s.code == 'v' {
                            record.pages =
                                record.pages.take().or_else(|| dates::normalise_pages(v));
                            continue;
                        }
                        if record.issue.is_none() {
                            record.issue = dates::find_issue_number(v);
                        }
                        if record.volume.is_none() {
                            record.volume = dates::find_volume(v);
                        }
                        date_texts.push((v.to_string(), f.line, f.column));
                    }
                }
                (false, "210") => year_texts.extend(e.first('d').map(str::to_string)),
                (false, "215") => {
                    record.pages = record
                        .pages
                        .take()
                        .or_else(|| e.first('a').and_then(dates::normalise_pages))
                }
                _ => {}
            }
        }
        // Standard-subfields technique: $t title, $x ISSN, $d date, $v volume/pages, $e issue.
        if serial {
            if host.title.is_empty() {
                host.title = own_first('t').map(trim_isbd).unwrap_or_default();
            }
            host.issn = host.issn.take().or(own_first('x').map(str::to_string));
            host.city = host.city.take().or(own_first('c').map(trim_isbd));
        } else {
            if host.title.is_empty() {
                host.title = own_first('t').map(trim_isbd).unwrap_or_default();
            }
            if let Some(v) = own_first('v') {
                record.pages = record.pages.take().or_else(|| dates::normalise_pages(v));
            }
            for c in ['d', 'e', 'h'] {
                if let Some(v) = own_first(c) {
                    if record.issue.is_none() && c != 'd' {
                        record.issue = dates::find_issue_number(v);
                    }
                    if record.volume.is_none() && c != 'd' {
                        record.volume = dates::find_volume(v);
                    }
                    date_texts.push((v.to_string(), f.line, f.column));
                    year_texts.push(v.to_string());
                }
            }
        }
    }
    for text in &year_texts {
        if let Some(y) = dates::find_year(text) {
            record.published.year = Some(y);
            break;
        }
    }
    // The embedded 210 $d may hold the whole date (`17.01.2012`): it is read after the
    // issue designation, which usually has the day.
    let (line, column) = raw
        .field("463")
        .map_or((record.origin.line, record.origin.column), |f| {
            (f.line, f.column)
        });
    date_texts.extend(year_texts.iter().map(|t| (t.clone(), line, column)));
    let texts: Vec<(&str, u32, u32)> = date_texts
        .iter()
        .map(|(t, l, c)| (t.as_str(), *l, *c))
        .collect();
    apply_date_text(record, &texts);
    if !host.title.is_empty() {
        record.host = Some(host);
    }
}

fn subdivisions(f: &RawField) -> Vec<String> {
    f.subfields
        .iter()
        .filter(|s| matches!(s.code, 'x' | 'y' | 'z' | 'v'))
        .map(|s| trim_isbd(&s.value))
        .filter(|v| !v.is_empty())
        .collect()
}

fn unimarc_person(f: &RawField, role: Role) -> Option<Person> {
    let surname = trim_isbd(f.first('a')?);
    Some(Person {
        surname,
        initials: f.first('b').map(str::to_string).unwrap_or_default(),
        forenames: f.first('g').map(trim_isbd).unwrap_or_default(),
        role,
        relator: f.first('4').map(str::to_string),
    })
}

/// MARC 21 relators (codes and terms) that mean secondary responsibility.
fn is_secondary_relator(relator: &str) -> bool {
    let r = relator.trim().trim_end_matches(['.', ',']).to_lowercase();
    matches!(
        r.as_str(),
        "trl"
            | "edt"
            | "ivr"
            | "ive"
            | "com"
            | "pht"
            | "ill"
            | "translator"
            | "editor"
            | "interviewer"
            | "interviewee"
            | "compiler"
            | "photographer"
            | "illustrator"
            | "tərcüməçi"
            | "переводчик"
            | "730"
            | "340"
            | "470"
            | "460"
    )
}

/// `Əliyev, Ramiz` / `Əliyev, R.` / `Алиев, Р. А.` → a person.
fn marc21_person(f: &RawField, role: Role) -> Option<Person> {
    let name = trim_isbd(f.first('a')?);
    let (surname, rest) = match name.split_once(',') {
        Some((s, r)) => (s.trim().to_string(), r.trim().to_string()),
        None => (name.clone(), String::new()),
    };
    let looks_initials = !rest.is_empty()
        && rest
            .split([' ', '.'])
            .filter(|w| !w.is_empty())
            .all(|w| w.chars().count() <= 2)
        && rest.contains('.');
    let relator = f
        .first('4')
        .or(f.first('e'))
        .map(|r| r.trim_end_matches(['.', ',']).to_string());
    let role = match (&relator, role) {
        (Some(r), Role::Coauthor | Role::Primary) if is_secondary_relator(r) => Role::Secondary,
        _ => role,
    };
    let (initials, forenames) = if looks_initials {
        (rest, String::new())
    } else {
        (String::new(), rest)
    };
    let forenames = if forenames.is_empty() {
        f.first('q')
            .map(|q| q.trim_matches(['(', ')']).to_string())
            .unwrap_or_default()
    } else {
        forenames
    };
    Some(Person {
        surname,
        initials,
        forenames,
        role,
        relator,
    })
}

fn marc21(raw: &RawRecord, record: &mut Record) {
    let level = raw.leader.chars().nth(7);
    if matches!(level, Some(c) if c != 'a' && c != 'b') {
        record.problem(
            ProblemKind::NotAnArticle,
            format!(
                "not an article: leader/07 is '{}' (component parts are 'a' or 'b')",
                level.unwrap_or(' ')
            ),
        );
    }
    let mut date_texts: Vec<(String, u32, u32)> = Vec::new();
    let mut lang_008 = None;
    for f in &raw.fields {
        match f.tag.as_str() {
            "008" => {
                let v = f.value.as_deref().unwrap_or("");
                if let Some(entered) = v.get(..6) {
                    record.catalogued = NaiveDate::parse_from_str(entered, "%y%m%d").ok();
                }
                if let Some(year) = v.get(7..11).and_then(|y| y.parse::<i32>().ok()) {
                    record.published.year = Some(year);
                }
                lang_008 = v
                    .get(35..38)
                    .map(str::to_string)
                    .filter(|l| l.trim().len() == 3 && l != "|||");
            }
            "041" => {
                for code in f.all('a').map(str::to_string).collect::<Vec<_>>() {
                    // Older records run codes together: `azerus`.
                    if code.len() > 3 && code.len() % 3 == 0 && code.is_ascii() {
                        for i in (0..code.len()).step_by(3) {
                            add_language(record, &code[i..i + 3], f.line, f.column);
                        }
                    } else {
                        add_language(record, &code, f.line, f.column);
                    }
                }
            }
            "100" => record.persons.extend(marc21_person(f, Role::Primary)),
            "700" => record.persons.extend(marc21_person(f, Role::Coauthor)),
            "600" => {
                if let Some(mut p) = marc21_person(f, Role::Subject) {
                    p.role = Role::Subject;
                    record.subjects.push(Subject {
                        heading: p.inverted(),
                        subdivisions: subdivisions(f),
                        kind: SubjectKind::Person,
                    });
                    record.persons.push(p);
                }
            }
            "110" | "111" | "710" | "711" => record.corporate.extend(f.first('a').map(trim_isbd)),
            "245" => {
                record.title = f.first('a').map(trim_isbd).unwrap_or_default();
                record.other_title.extend(f.all('b').map(trim_isbd));
                record.responsibility.extend(f.all('c').map(trim_isbd));
            }
            "260" | "264" if record.published.year.is_none() => {
                record.published.year = f.first('c').and_then(dates::find_year);
            }
            "500" => record.notes.extend(f.all('a').map(trim_isbd)),
            "610" | "650" | "651" => {
                if let Some(a) = f.first('a') {
                    let kind = match f.tag.as_str() {
                        "610" => SubjectKind::Corporate,
                        "651" => SubjectKind::Geographic,
                        _ => SubjectKind::Topical,
                    };
                    record.subjects.push(Subject {
                        heading: trim_isbd(a),
                        subdivisions: subdivisions(f),
                        kind,
                    });
                }
            }
            "653" => record.keywords.extend(f.all('a').map(trim_isbd)),
            "080" => record.classes.extend(f.all('a').map(|a| ClassNumber {
                scheme: "udc".into(),
                code: a.to_string(),
            })),
            "084" => {
                let scheme = f.first('2').unwrap_or("").to_string();
                record.classes.extend(f.all('a').map(|a| ClassNumber {
                    scheme: scheme.clone(),
                    code: a.to_string(),
                }));
            }
            "773" => {
                let mut host = record.host.take().unwrap_or_default();
                if host.title.is_empty() {
                    host.title = f
                        .first('t')
                        .or(f.first('a'))
                        .map(trim_isbd)
                        .unwrap_or_default();
                }
                host.issn = host.issn.or(f.first('x').map(str::to_string));
                host.abbreviated = host.abbreviated.or(f.first('p').map(trim_isbd));
                if let Some(d) = f.first('d') {
                    host.city = host.city.or(d
                        .split([':', ','])
                        .next()
                        .map(trim_isbd)
                        .filter(|c| !c.is_empty()));
                }
                record.host = Some(host);
                for g in f.all('g') {
                    if let Some(y) = dates::find_year(g) {
                        record.published.year = Some(y);
                    }
                    if record.issue.is_none() {
                        record.issue = marc21_issue(g);
                    }
                    if record.volume.is_none() {
                        record.volume = dates::find_volume(g);
                    }
                    if record.pages.is_none() {
                        record.pages = marc21_pages(g);
                    }
                    date_texts.push((g.to_string(), f.line, f.column));
                }
                // After $g: the place and date of the host issue (`Bakı, 17.01.2012`).
                date_texts.extend(f.first('d').map(|d| (d.to_string(), f.line, f.column)));
                if let Some(q) = f.first('q') {
                    // `$q 14<3`: enumeration, then the first page after `<`.
                    if let Some((_, page)) = q.split_once('<') {
                        record.pages = record.pages.take().or_else(|| dates::normalise_pages(page));
                    }
                }
            }
            _ => {}
        }
    }
    if record.languages.is_empty()
        && let Some(code) = lang_008
    {
        let (line, column) = raw.field("008").map_or((0, 0), |f| (f.line, f.column));
        add_language(record, &code, line, column);
    }
    record.persons.sort_by_key(|p| p.role.rank());
    let texts: Vec<(&str, u32, u32)> = date_texts
        .iter()
        .map(|(t, l, c)| (t.as_str(), *l, *c))
        .collect();
    apply_date_text(record, &texts);
}

/// The issue number in a 773 `$g`: after `No.`, `№`, `Iss.`, `вып.`.
fn marc21_issue(g: &str) -> Option<String> {
    g_parts(g).into_iter().find_map(|part| {
        let lower = part.to_lowercase();
        let is_issue = ["no", "№", "iss", "вып", "n ", "nr"]
            .iter()
            .any(|m| lower.starts_with(m));
        if is_issue {
            dates::find_issue_number(part)
        } else {
            None
        }
    })
}

/// The pages in a 773 `$g`: after `p.`, `S.`, `С.`, `pp.`; continued pages (`p. 1, 3`) kept.
fn marc21_pages(g: &str) -> Option<String> {
    let parts = g_parts(g);
    let at = parts.iter().position(|part| {
        let lower = dates::fold(part);
        ["p.", "pp.", "s.", "с.", "p ", "s "]
            .iter()
            .any(|m| lower.starts_with(m))
    })?;
    let mut pages = parts[at].to_string();
    for more in parts[at + 1..].iter().take_while(|p| {
        p.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–'))
    }) {
        pages.push_str(", ");
        pages.push_str(more);
    }
    dates::normalise_pages(&pages)
}

/// The pieces of a 773 `$g`, split at commas, semicolons and ISBD area separators
/// (`2012, 17 Jan., No. 14, p. 3` and `2012. – № 14. – С. 3` alike).
fn g_parts(g: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    for piece in g.split([',', ';']) {
        let mut rest = piece;
        while let Some(at) = [". - ", ". – ", " - ", " – "]
            .iter()
            .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
            .min()
        {
            parts.push(rest[..at.0].trim());
            rest = &rest[at.0 + at.1..];
        }
        parts.push(rest.trim());
    }
    parts.retain(|p| !p.is_empty());
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isbd_punctuation_is_trimmed_once() {
        assert_eq!(trim_isbd("Neft strategiyası :"), "Neft strategiyası");
        assert_eq!(trim_isbd("Title /"), "Title");
        assert_eq!(trim_isbd("Oil and the Caspian."), "Oil and the Caspian");
        assert_eq!(trim_isbd("Gələcək haradadır?"), "Gələcək haradadır?");
        assert_eq!(trim_isbd("Və sonra..."), "Və sonra...");
        assert_eq!(trim_isbd("Алиев, Р."), "Алиев, Р.");
    }

    #[test]
    fn marc21_issue_and_pages_in_isbd_form() {
        assert_eq!(marc21_issue("2012. – № 14. – С. 3").as_deref(), Some("14"));
        assert_eq!(
            marc21_pages("2012. - № 14. - С. 3-4").as_deref(),
            Some("3–4")
        );
        assert_eq!(
            marc21_pages("2012, No. 2, p. 1, 3").as_deref(),
            Some("1, 3")
        );
    }

    #[test]
    fn marc21_issue_and_pages() {
        assert_eq!(
            marc21_issue("2012, 17 Jan., No. 14, p. 3").as_deref(),
            Some("14")
        );
        assert_eq!(
            marc21_pages("2012, 17 Jan., No. 14, p. 3").as_deref(),
            Some("3")
        );
        assert_eq!(
            marc21_pages("2012, № 3, S. 45-52").as_deref(),
            Some("45–52")
        );
    }
}
