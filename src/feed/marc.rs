//! MARC records in either tag set → [`Record`].
//!
//! MARCXML and ISO 2709 both yield a [`RawRecord`] (leader, control and data fields with
//! their positions); this module maps it to the format-neutral model, in RUSMARC/UNIMARC
//! (with 461/463 embedded fields) or MARC 21. The dialect is detected per record from the
//! tags present unless the caller forces one. Every field read keeps its line and column,
//! so a problem (impossible date, unknown language) points at the field that has it.
//!
//! The article's pages come from 463 `$v` or its embedded 200 `$v` (MARC 21: 773 `$g`, then
//! `$q`), never from the embedded 215, which is the issue's extent. MARC 21 773 `$g` is read
//! by [`dates::enumeration`] in every language's labels; the year of publication is the
//! year in parentheses in `$g`, else 008/07-10, else 264/260 `$c`, else a year standing alone
//! in `$g` (see `Years`). A blank language code (`###`, `|||`) is no code.

use std::borrow::Cow;
use std::sync::Arc;

use chrono::NaiveDate;

use super::dates::{self, DayMonth};
use super::lang;
use crate::model::{
    ClassNumber, Dialect, Host, Language, List, Origin, Person, ProblemKind, Record, Role,
    SharedStr, Subject, SubjectKind,
};

/// A subfield: code and value. The value is borrowed from the record's text where the
/// reader can (ISO 2709 in UTF-8, IRBIS text, MARCXML's record buffer): only what the
/// [`Record`] keeps is copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subfield<'a> {
    /// The subfield code after the delimiter (`a` in `$a`, `1` for an embedded field).
    pub code: char,
    /// The value as read, untrimmed.
    pub value: Cow<'a, str>,
}

/// One field as read, with its position in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawField<'a> {
    /// The three-character tag (`001`, `200`, `773`), as the file spells it.
    pub tag: Cow<'a, str>,
    /// The two indicators; a blank indicator is a space. Control fields have two spaces.
    pub indicators: [char; 2],
    /// Control fields (001–009) carry a value and no subfields.
    pub value: Option<Cow<'a, str>>,
    /// The data field's subfields in file order; empty for control fields.
    pub subfields: Vec<Subfield<'a>>,
    /// 1-based line of the field in the file (ISO 2709: always 1, the file is one line).
    pub line: u32,
    /// 1-based column of the field on its line (ISO 2709: the byte offset of its data + 1).
    pub column: u32,
}

impl<'a> RawField<'a> {
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
    pub fn embedded(&self) -> (Vec<&Subfield<'a>>, Vec<Embedded<'_>>) {
        let mut own = Vec::new();
        let mut embedded: Vec<Embedded> = Vec::new();
        for sub in &self.subfields {
            if sub.code == '1' {
                let v = sub.value.trim_start();
                let split = v.char_indices().nth(3).map_or(v.len(), |(at, _)| at);
                let (tag, data) = v.split_at(split);
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
    /// The embedded field's tag, the first three characters of its `$1` (`200`, `001`).
    pub tag: &'a str,
    /// Indicators (data fields) or the value (control fields) after the tag.
    pub data: &'a str,
    /// The subfields that follow its `$1` up to the next `$1`, borrowed from the 4XX field.
    pub subfields: Vec<&'a Subfield<'a>>,
}

impl Embedded<'_> {
    /// First non-empty value of subfield `code`, trimmed.
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
pub struct RawRecord<'a> {
    /// The leader as read: 24 characters in a well-formed record, empty when a MARCXML
    /// record has none.
    pub leader: String,
    /// Control and data fields in file order.
    pub fields: Vec<RawField<'a>>,
}

/// The vectors of a reader's [`RawRecord`]s, kept from record to record: a record's field
/// list and its fields' subfield lists are taken from here empty, with the room earlier
/// records left, and given back emptied once the record is mapped ([`RawVectors::keep`]).
/// Nothing of one record's values survives into the next; only the room does.
#[derive(Debug, Default)]
pub(crate) struct RawVectors {
    /// An empty field list.
    fields: Vec<RawField<'static>>,
    /// Empty subfield lists, one per field of the largest record so far.
    subfields: Vec<Vec<Subfield<'static>>>,
}

impl RawVectors {
    /// An empty field list for a new record.
    pub(crate) fn fields<'a>(&mut self) -> Vec<RawField<'a>> {
        emptied(std::mem::take(&mut self.fields))
    }

    /// An empty subfield list for a new field.
    pub(crate) fn subfields<'a>(&mut self) -> Vec<Subfield<'a>> {
        self.subfields.pop().map(emptied).unwrap_or_default()
    }

    /// Takes back the vectors of a record mapped, emptied.
    pub(crate) fn keep(&mut self, raw: RawRecord<'_>) {
        let mut fields = raw.fields;
        for field in fields.drain(..) {
            if field.subfields.capacity() > 0 {
                self.subfields.push(emptied(field.subfields));
            }
        }
        self.fields = emptied(fields);
    }
}

/// `items` emptied, its room kept for items that may borrow other text (the same type
/// with another lifetime: collecting an empty vector's iterator into it reuses its
/// allocation in place).
fn emptied<T, U>(mut items: Vec<T>) -> Vec<U> {
    items.clear();
    items.into_iter().filter_map(|_| None).collect()
}

impl<'a> RawRecord<'a> {
    /// The first field tagged `tag`.
    pub fn field(&self, tag: &str) -> Option<&RawField<'a>> {
        self.fields.iter().find(|f| f.tag == tag)
    }

    /// Every field tagged `tag`, in file order.
    pub fn fields<'r>(&'r self, tag: &'r str) -> impl Iterator<Item = &'r RawField<'a>> {
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
            let tag: &str = &f.tag;
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
pub fn to_record(raw: &RawRecord<'_>, forced: Option<Dialect>, origin: Origin) -> Record {
    let dialect = forced.unwrap_or_else(|| raw.detect_dialect());
    let id = raw.control("001");
    let has_id = id.is_some();
    let id = id.map_or_else(|| origin.stand_in_id(), str::to_string);
    let mut record = Record::new(id, dialect, origin);
    if !has_id {
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
    match &record.host {
        Some(h) if !h.title.trim().is_empty() => {}
        Some(host) if let Some(link) = &host.link => {
            let message = format!(
                "the host periodical has only a record link (\"{link}\") and no title \
                 (461/463, 773 $t, IRBIS 463 ^C)"
            );
            record.problem(ProblemKind::NoHost, message);
        }
        _ => record.problem(
            ProblemKind::NoHost,
            "record has no host periodical (461/463, 773)",
        ),
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
    if lang::is_blank(code) || record.languages.iter().any(|l| l.code == code) {
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
        code: code.into(),
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
pub fn trim_isbd(text: &str) -> &str {
    let mut t = text.trim();
    loop {
        // Only a text ending in ISBD punctuation has any to strip (most have none).
        if !t.ends_with(['/', ':', ';', '=', ',', '.']) {
            return t;
        }
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
            return t;
        }
    }
}

/// A general material designation as recorded (`[Электронный ресурс]`, `[text] :`),
/// without its brackets and prescribed punctuation.
pub fn material(text: &str) -> Option<SharedStr> {
    let text = trim_isbd(text);
    let bare = text.trim_start_matches('[').trim_end_matches(']').trim();
    (!bare.is_empty()).then(|| bare.into())
}

/// Annotations (RUSMARC 330, MARC 21 520, IRBIS 331) as one text, one paragraph a field.
pub(crate) fn add_annotation(record: &mut Record, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    let annotation = &mut record.supplement_mut().annotation;
    match annotation {
        Some(a) => {
            a.push('\n');
            a.push_str(text);
        }
        None => *annotation = Some(text.to_string()),
    }
}

fn catalogued_yyyymmdd(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..8)?, "%Y%m%d").ok()
}

/// Reports a record whose bibliographic level (leader/07) is none of `articles`; `which`
/// names the accepted codes in the message. A record without a leader is not judged.
fn check_level(raw: &RawRecord<'_>, record: &mut Record, articles: &[char], which: &str) {
    let level = raw.leader.chars().nth(7);
    if matches!(level, Some(c) if !articles.contains(&c)) {
        record.problem(
            ProblemKind::NotAnArticle,
            format!(
                "not an article: leader/07 is '{}' ({which})",
                level.unwrap_or(' ')
            ),
        );
    }
}

fn rusmarc(raw: &RawRecord<'_>, record: &mut Record) {
    let mut lists = Lists::default();
    check_level(raw, record, &['a'], "articles are 'a'");
    for f in &raw.fields {
        match &*f.tag {
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
                for code in f.all('a') {
                    add_language(record, code, f.line, f.column);
                }
            }
            "200" if record.title.is_empty() => {
                record.title = f.first('a').map(trim_isbd).unwrap_or_default().into();
                record.set_material(f.first('b').and_then(material));
                record.add_to_supplement(|s| &mut s.parallel_titles, f.all('d').map(owned_isbd));
                record.add_to_supplement(|s| &mut s.other_title, f.all('e').map(owned_isbd));
                record
                    .responsibility
                    .extend(f.all('f').chain(f.all('g')).map(owned_isbd));
            }
            "210" => {
                if let Some(y) = f.first('d').and_then(dates::find_year) {
                    record.published.year = record.published.year.or(Some(y));
                }
            }
            "300" | "305" | "314" | "327" => {
                record.add_to_supplement(|s| &mut s.notes, f.all('a').map(shared_isbd));
            }
            "510" => {
                for a in f.all('a').map(trim_isbd) {
                    if !record.supplement().parallel_titles.iter().any(|t| t == a) {
                        record.supplement_mut().parallel_titles.push(a.to_string());
                    }
                }
            }
            "330" => {
                for a in f.all('a') {
                    add_annotation(record, a);
                }
            }
            "600" => {
                if let Some(p) = unimarc_person(f, Role::Subject) {
                    lists.subjects.push(Subject {
                        heading: p.inverted().into(),
                        subdivisions: subdivisions(f),
                        kind: SubjectKind::Person,
                    });
                    lists.persons.push(p);
                }
            }
            "601" | "606" | "607" => {
                if let Some(a) = f.first('a') {
                    let kind = match &*f.tag {
                        "601" => SubjectKind::Corporate,
                        "607" => SubjectKind::Geographic,
                        _ => SubjectKind::Topical,
                    };
                    lists.subjects.push(Subject {
                        heading: trim_isbd(a).into(),
                        subdivisions: subdivisions(f),
                        kind,
                    });
                }
            }
            "610" => lists.keywords.extend(f.all('a').map(shared_isbd)),
            "675" => lists.classes.extend(f.all('a').map(|a| ClassNumber {
                scheme: "udc".into(),
                code: a.into(),
            })),
            "686" => {
                let scheme = SharedStr::from(f.first('2').unwrap_or(""));
                lists.classes.extend(f.all('a').map(|a| ClassNumber {
                    scheme: scheme.clone(),
                    code: a.into(),
                }));
            }
            "700" => lists.persons.extend(unimarc_person(f, Role::Primary)),
            "701" => lists.persons.extend(unimarc_person(f, Role::Coauthor)),
            "702" => lists.persons.extend(unimarc_person(f, Role::Secondary)),
            "710" | "711" => {
                record.add_to_supplement(|s| &mut s.corporate, f.first('a').map(shared_isbd));
            }
            "801" => {
                if let Some(c) = f.first('c') {
                    record.catalogued = record.catalogued.or_else(|| catalogued_yyyymmdd(c));
                }
            }
            _ => {}
        }
    }
    lists.finish(record);
    linking_fields(raw, record);
}

/// 461 (the serial) and 463 (the issue), in either technique.
fn linking_fields(raw: &RawRecord<'_>, record: &mut Record) {
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
            match (serial, e.tag) {
                (true, "200") if host.title.is_empty() => {
                    host.title = e.first('a').map(trim_isbd).unwrap_or_default().into();
                }
                (_, "011") => host.issn = host.issn.take().or(e.first('a').map(str::to_string)),
                (_, "001") => {
                    let id = e.data.trim();
                    if !id.is_empty() {
                        host.link = host.link.take().or(Some(id.to_string()));
                    }
                }
                (true, "210") => host.city = host.city.take().or(e.first('a').map(owned_isbd)),
                (true, "531" | "530") => {
                    host.abbreviated = host.abbreviated.take().or(e.first('a').map(owned_isbd));
                }
                (false, "200") => issue_title(e, f, record, &mut date_texts),
                (false, "210") => year_texts.extend(e.first('d').map(str::to_string)),
                // The embedded 215 is the issue's extent (`225 с.`), never the article's pages.
                _ => {}
            }
        }
        // Standard-subfields technique: $t title, $x ISSN, $0 host record, $d date,
        // $v volume/pages, $e issue.
        host.issn = host.issn.take().or(own_first('x').map(str::to_string));
        host.link = host.link.take().or(own_first('0').map(str::to_string));
        if host.title.is_empty() {
            host.title = own_first('t').map(trim_isbd).unwrap_or_default().into();
        }
        if serial {
            host.city = host.city.take().or(own_first('c').map(owned_isbd));
        } else {
            if let Some(v) = own_first('v') {
                record.pages = record
                    .pages
                    .take()
                    .or_else(|| shared(dates::normalise_pages(v)));
            }
            for c in ['d', 'e', 'h'] {
                if let Some(v) = own_first(c) {
                    if c != 'd' {
                        read_designation(record, v);
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
    if !host.title.is_empty() || host.link.is_some() {
        record.host = Some(host.into());
    }
}

/// The issue's own 200 embedded in 463: `$v` is the article's pages; `$a`, `$h`, `$e`, `$i`
/// designate the issue (number, volume) and may date it, at the 463's position.
fn issue_title(
    e: &Embedded<'_>,
    f: &RawField<'_>,
    record: &mut Record,
    date_texts: &mut Vec<(String, u32, u32)>,
) {
    for s in e
        .subfields
        .iter()
        .filter(|s| matches!(s.code, 'a' | 'h' | 'e' | 'i' | 'v'))
    {
        let v = s.value.trim();
        if s.code == 'v' {
            record.pages = record
                .pages
                .take()
                .or_else(|| shared(dates::normalise_pages(v)));
            continue;
        }
        read_designation(record, v);
        date_texts.push((v.to_string(), f.line, f.column));
    }
}

/// The issue number and volume of an issue designation (`2012, № 3`), where the record
/// has none yet.
fn read_designation(record: &mut Record, text: &str) {
    if record.issue.is_some() && record.volume.is_some() {
        return;
    }
    // The numbering is read once for both.
    let mut enumeration = dates::enumeration(text);
    let volume = enumeration.volume.take();
    if record.volume.is_none() {
        record.volume = shared(volume);
    }
    if record.issue.is_none() {
        record.issue = shared(dates::issue_number(text, enumeration));
    }
}

/// The lists of a record being mapped, gathered in vectors and made the record's once
/// ([`Lists::finish`]): a [`List`] is an exactly sized shared slice, rebuilt by every push.
#[derive(Debug, Default)]
pub(crate) struct Lists {
    pub(crate) persons: Vec<Person>,
    pub(crate) subjects: Vec<Subject>,
    pub(crate) keywords: Vec<SharedStr>,
    pub(crate) classes: Vec<ClassNumber>,
}

impl Lists {
    /// Adds the lists to the record's, the persons in catalogue order (authors first).
    pub(crate) fn finish(self, record: &mut Record) {
        let Lists {
            persons,
            subjects,
            keywords,
            classes,
        } = self;
        record.persons.append(persons);
        record.persons.sort_by_key(|p| p.role.rank());
        record.subjects.append(subjects);
        record.keywords.append(keywords);
        record.classes.append(classes);
    }
}

/// A text the readers found, as the record keeps it.
pub(crate) fn shared(text: Option<String>) -> Option<SharedStr> {
    text.map(SharedStr::from)
}

/// [`trim_isbd`], owned.
pub(crate) fn owned_isbd(text: &str) -> String {
    trim_isbd(text).to_string()
}

/// [`trim_isbd`], as a shared text.
pub(crate) fn shared_isbd(text: &str) -> SharedStr {
    trim_isbd(text).into()
}

fn subdivisions(f: &RawField<'_>) -> List<SharedStr> {
    f.subfields
        .iter()
        .filter(|s| matches!(s.code, 'x' | 'y' | 'z' | 'v'))
        .map(|s| trim_isbd(&s.value))
        .filter(|v| !v.is_empty())
        .map(SharedStr::from)
        .collect()
}

fn unimarc_person(f: &RawField<'_>, role: Role) -> Option<Person> {
    let surname = shared_isbd(f.first('a')?);
    Some(Person {
        surname,
        initials: f.first('b').unwrap_or_default().into(),
        forenames: f.first('g').map(trim_isbd).unwrap_or_default().into(),
        role,
        relator: f.first('4').map(SharedStr::from),
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
fn marc21_person(f: &RawField<'_>, role: Role) -> Option<Person> {
    let name = trim_isbd(f.first('a')?);
    let (surname, rest) = match name.split_once(',') {
        Some((s, r)) => (s.trim().to_string(), r.trim().to_string()),
        None => (name.to_string(), String::new()),
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
        surname: surname.into(),
        initials: initials.into(),
        forenames: forenames.into(),
        role,
        relator: relator.map(SharedStr::from),
    })
}

fn marc21(raw: &RawRecord<'_>, record: &mut Record) {
    let mut lists = Lists::default();
    check_level(raw, record, &['a', 'b'], "component parts are 'a' or 'b'");
    let mut date_texts: Vec<(String, u32, u32)> = Vec::new();
    let mut lang_008 = None;
    // The year of publication, from every place, most telling first (see `years`).
    let mut years = Years::default();
    for f in &raw.fields {
        match &*f.tag {
            "008" => {
                let v = f.value.as_deref().unwrap_or("");
                if let Some(entered) = v.get(..6) {
                    record.catalogued = NaiveDate::parse_from_str(entered, "%y%m%d").ok();
                }
                years.coded = v.get(7..11).and_then(|y| y.parse::<i32>().ok());
                lang_008 = v.get(35..38).map(str::to_string);
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
            "100" => lists.persons.extend(marc21_person(f, Role::Primary)),
            "700" => lists.persons.extend(marc21_person(f, Role::Coauthor)),
            "600" => {
                if let Some(mut p) = marc21_person(f, Role::Subject) {
                    p.role = Role::Subject;
                    lists.subjects.push(Subject {
                        heading: p.inverted().into(),
                        subdivisions: subdivisions(f),
                        kind: SubjectKind::Person,
                    });
                    lists.persons.push(p);
                }
            }
            "110" | "111" | "710" | "711" => {
                record.add_to_supplement(|s| &mut s.corporate, f.first('a').map(shared_isbd));
            }
            "245" => marc21_title(f, record),
            "260" | "264" => {
                years.imprint = years.imprint.or(f.first('c').and_then(dates::find_year));
            }
            "500" => record.add_to_supplement(|s| &mut s.notes, f.all('a').map(shared_isbd)),
            "520" => {
                let text = f.all('a').chain(f.all('b')).collect::<Vec<_>>().join(" ");
                add_annotation(record, &text);
            }
            "610" | "650" | "651" => {
                if let Some(a) = f.first('a') {
                    let kind = match &*f.tag {
                        "610" => SubjectKind::Corporate,
                        "651" => SubjectKind::Geographic,
                        _ => SubjectKind::Topical,
                    };
                    lists.subjects.push(Subject {
                        heading: trim_isbd(a).into(),
                        subdivisions: subdivisions(f),
                        kind,
                    });
                }
            }
            "653" => lists.keywords.extend(f.all('a').map(shared_isbd)),
            "080" => lists.classes.extend(f.all('a').map(|a| ClassNumber {
                scheme: "udc".into(),
                code: a.into(),
            })),
            "084" => {
                let scheme = SharedStr::from(f.first('2').unwrap_or(""));
                lists.classes.extend(f.all('a').map(|a| ClassNumber {
                    scheme: scheme.clone(),
                    code: a.into(),
                }));
            }
            "773" => marc21_host(f, record, &mut years, &mut date_texts),
            _ => {}
        }
    }
    if record.languages.is_empty()
        && let Some(code) = lang_008
    {
        let (line, column) = raw.field("008").map_or((0, 0), |f| (f.line, f.column));
        add_language(record, &code, line, column);
    }
    lists.finish(record);
    record.published.year = years.publication();
    let texts: Vec<(&str, u32, u32)> = date_texts
        .iter()
        .map(|(t, l, c)| (t.as_str(), *l, *c))
        .collect();
    apply_date_text(record, &texts);
}

/// 245: title proper (`$a`), material (`$h`), parallel and other title information (`$b`)
/// and the statement of responsibility (`$c`).
fn marc21_title(f: &RawField<'_>, record: &mut Record) {
    record.title = f.first('a').map(trim_isbd).unwrap_or_default().into();
    record.set_material(f.first('h').and_then(material));
    // `$b` after ` =` is a parallel title, after ` :` other title information.
    let mut parallel = false;
    for sub in &f.subfields {
        let value = sub.value.trim();
        if sub.code == 'b' && !value.is_empty() {
            let list = if parallel {
                &mut record.supplement_mut().parallel_titles
            } else {
                &mut record.supplement_mut().other_title
            };
            list.push(owned_isbd(value));
        }
        if !value.is_empty() {
            parallel = value.ends_with('=');
        }
    }
    record.responsibility.extend(f.all('c').map(owned_isbd));
}

/// 773, the host item entry: the periodical (`$t` or `$a`, `$x`, `$p`, `$w`, place and year
/// in `$d`) and the article's place in it (`$g`, then `$q`: volume, issue, pages, years).
fn marc21_host(
    f: &RawField<'_>,
    record: &mut Record,
    years: &mut Years,
    date_texts: &mut Vec<(String, u32, u32)>,
) {
    let mut host = record
        .host
        .take()
        .map(Arc::unwrap_or_clone)
        .unwrap_or_default();
    if host.title.is_empty() {
        host.title = f
            .first('t')
            .or(f.first('a'))
            .map(trim_isbd)
            .unwrap_or_default()
            .into();
    }
    host.issn = host.issn.or(f.first('x').map(str::to_string));
    host.abbreviated = host.abbreviated.or(f.first('p').map(owned_isbd));
    host.link = host.link.or(f.first('w').map(str::to_string));
    if let Some(d) = f.first('d') {
        host.city = host.city.or(d
            .split([':', ','])
            .next()
            .map(trim_isbd)
            .filter(|c| !c.is_empty())
            .map(str::to_string));
        years.host = years.host.or(dates::find_year(d));
    }
    record.host = Some(host.into());
    for g in f.all('g') {
        let e = dates::enumeration(g);
        if e.year_in_parentheses {
            years.stated = years.stated.or(e.year);
        } else {
            years.alone = years.alone.or(e.year);
        }
        record.volume = record.volume.take().or(shared(e.volume));
        record.issue = record.issue.take().or(shared(e.issue));
        record.pages = record.pages.take().or(shared(e.pages));
        date_texts.push((g.to_string(), f.line, f.column));
    }
    // After $g: the place and date of the host issue (`Bakı, 17.01.2012`).
    date_texts.extend(f.first('d').map(|d| (d.to_string(), f.line, f.column)));
    if let Some(q) = f.first('q') {
        // `$q 88:3<175`: volume, issue (and further levels), then the first page.
        let (numbering, page) = q.split_once('<').unwrap_or((q, ""));
        let mut levels = numbering
            .split(':')
            .map(str::trim)
            .filter(|l| !l.is_empty());
        record.volume = record.volume.take().or(levels.next().map(SharedStr::from));
        record.issue = record.issue.take().or(levels.next().map(SharedStr::from));
        record.pages = record
            .pages
            .take()
            .or_else(|| shared(dates::normalise_pages(page)));
    }
}

/// The years a MARC 21 article record gives for its publication.
#[derive(Debug, Default)]
struct Years {
    /// 773 `$g` in parentheses: `88. 2010 (2012)`, `Nr. 3 (2022)`.
    stated: Option<i32>,
    /// 008/07-10.
    coded: Option<i32>,
    /// 264/260 `$c`.
    imprint: Option<i32>,
    /// 773 `$g` standing alone: `2012, 17 Jan.` (never a year that numbers a volume).
    alone: Option<i32>,
    /// 773 `$d`: `Bakı, 2012`.
    host: Option<i32>,
}

impl Years {
    /// The year of publication: the year in parentheses, 008 and 264/260 win over a year
    /// read from the rest of the numbering (which may be a volume's year, `88. 2010`).
    fn publication(&self) -> Option<i32> {
        self.stated
            .or(self.coded)
            .or(self.imprint)
            .or(self.alone)
            .or(self.host)
    }
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

    /// A record's field and subfield lists serve the next record: emptied, their room kept.
    #[test]
    fn raw_vectors_serve_the_next_record_emptied() {
        let mut vectors = RawVectors::default();
        let first = String::from("Алиев, Р.");
        let mut fields = vectors.fields();
        for tag in ["200", "700", "606"] {
            let mut subfields = vectors.subfields();
            subfields.push(Subfield {
                code: 'a',
                value: Cow::Borrowed(first.as_str()),
            });
            fields.push(RawField {
                tag: Cow::Borrowed(tag),
                indicators: [' ', ' '],
                value: None,
                subfields,
                line: 1,
                column: 1,
            });
        }
        let (field_room, subfield_room) = (
            fields.as_ptr() as usize,
            fields[0].subfields.as_ptr() as usize,
        );
        vectors.keep(RawRecord {
            leader: String::new(),
            fields,
        });
        drop(first);
        let fields = vectors.fields();
        assert!(fields.is_empty());
        assert_eq!(fields.as_ptr() as usize, field_room);
        let rooms: Vec<usize> = (0..3)
            .map(|_| {
                let subfields = vectors.subfields();
                assert!(subfields.is_empty());
                assert!(subfields.capacity() > 0);
                subfields.as_ptr() as usize
            })
            .collect();
        assert!(rooms.contains(&subfield_room));
        assert_eq!(vectors.subfields().capacity(), 0, "one list per field kept");
    }
}
