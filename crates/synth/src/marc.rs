//! One field list per MARC dialect: [`rusmarc`] and [`marc21`] turn a [`Record`] into a
//! [`MarcRecord`] (leader + fields) that both serialisers ([`super::marcxml`] and
//! [`super::iso2709`]) write. Where a cataloguer has a choice (how the issue date is
//! written, a hyphen or an en dash in a page range, whether the 100 field is there), the
//! choice is a hash of the record id, so the same record is always written the same way.

use chrono::{Datelike, NaiveDate};

use super::pools::Lang;
use super::style::{self, EN_MONTHS_ABBR, lang_of, variant};
use bulletin::model::{Dialect, Person, Record, Role, SubjectKind};

/// The character set of an ISO 2709 export (MARCXML is always UTF-8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    Utf8,
    Cp1251,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subfield {
    pub code: char,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldBody {
    Control(String),
    Data {
        ind1: char,
        ind2: char,
        subfields: Vec<Subfield>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarcField {
    pub tag: &'static str,
    pub body: FieldBody,
}

/// A MARC record ready to serialise. The leader's length and base address (positions 0–4
/// and 12–16) are placeholders that the ISO 2709 writer fills in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarcRecord {
    pub leader: String,
    pub fields: Vec<MarcField>,
}

impl MarcRecord {
    fn control(&mut self, tag: &'static str, value: String) {
        self.fields.push(MarcField {
            tag,
            body: FieldBody::Control(value),
        });
    }

    fn data(&mut self, tag: &'static str, ind: &str, subfields: Vec<Subfield>) {
        let mut chars = ind.chars();
        let ind1 = chars.next().unwrap_or(' ');
        let ind2 = chars.next().unwrap_or(' ');
        if subfields.is_empty() {
            return;
        }
        self.fields.push(MarcField {
            tag,
            body: FieldBody::Data {
                ind1,
                ind2,
                subfields,
            },
        });
    }
}

fn sf(code: char, value: impl Into<String>) -> Subfield {
    Subfield {
        code,
        value: value.into(),
    }
}

/// The field list of `record` in `dialect`.
pub fn build(record: &Record, dialect: Dialect, charset: Charset) -> MarcRecord {
    match dialect {
        Dialect::Rusmarc => rusmarc(record, charset),
        Dialect::Marc21 => marc21(record, charset),
    }
}

fn persons(record: &Record, role: Role) -> impl Iterator<Item = &Person> {
    record.persons.iter().filter(move |p| p.role == role)
}

/// RUSMARC: 001, 100, 101, 200, 300, 461/463 (embedded fields), 600, 606, 610, 686,
/// 700/701/702, 801.
pub fn rusmarc(record: &Record, charset: Charset) -> MarcRecord {
    let mut m = MarcRecord {
        leader: "00000naa2 2200000 i 450 ".to_string(),
        fields: Vec::with_capacity(24),
    };
    let lang = lang_of(record.main_language().map(|l| l.code.as_str()));
    let v = variant(&record.id, 0x5255);
    m.control("001", record.id.to_string());
    if let Some(cat) = record.catalogued.filter(|_| !v.is_multiple_of(8)) {
        m.data(
            "100",
            "  ",
            vec![sf('a', general_data(cat, record, lang, charset))],
        );
    }
    m.data(
        "101",
        "0 ",
        record
            .languages
            .iter()
            .map(|l| sf('a', l.code.as_str()))
            .collect(),
    );
    let mut title = vec![sf('a', record.title.as_str())];
    title.extend(
        record
            .supplement()
            .other_title
            .iter()
            .map(|t| sf('e', t.as_str())),
    );
    for (k, r) in record.responsibility.iter().enumerate() {
        title.push(sf(if k == 0 { 'f' } else { 'g' }, r.as_str()));
    }
    m.data("200", "1 ", title);
    for note in &record.supplement().notes {
        m.data("300", "  ", vec![sf('a', note.as_str())]);
    }
    if let Some(host) = &record.host {
        let mut serial = vec![sf('1', "2001 "), sf('a', host.title.as_str())];
        if let Some(issn) = &host.issn {
            serial.push(sf('1', "011  "));
            serial.push(sf('a', issn.as_str()));
        }
        m.data("461", " 0", serial);
    }
    let issue = style::issue_text(
        lang,
        record.issue.as_deref(),
        record.published.date,
        record.published.month,
        v >> 8,
    );
    let mut part = vec![sf('1', "2000 ")];
    if let Some(issue) = issue {
        part.push(sf('a', issue));
    }
    if let Some(pages) = &record.pages {
        let typed = style::pages_as_typed(pages, !(v >> 16).is_multiple_of(3));
        part.push(sf('v', format!("{} {typed}", style::page_label(lang))));
    }
    part.push(sf('1', "210  "));
    if let Some(city) = record.host.as_ref().and_then(|h| h.city.as_ref()) {
        part.push(sf('a', city.as_str()));
    }
    if let Some(year) = record.published.year() {
        part.push(sf('d', year.to_string()));
    }
    m.data("463", " 0", part);
    for p in persons(record, Role::Subject) {
        m.data("600", " 1", person_rusmarc(p));
    }
    for s in &record.subjects {
        let tag = match s.kind {
            SubjectKind::Topical => "606",
            SubjectKind::Geographic => "607",
            SubjectKind::Corporate => "601",
            SubjectKind::Person => "600",
        };
        let mut fields = vec![sf('a', s.heading.as_str())];
        fields.extend(s.subdivisions.iter().map(|d| sf('x', d.as_str())));
        m.data(tag, if tag == "606" { "0 " } else { " 1" }, fields);
    }
    for k in &record.keywords {
        m.data("610", "0 ", vec![sf('a', k.as_str())]);
    }
    for c in &record.classes {
        m.data(
            "686",
            "  ",
            vec![sf('a', c.code.as_str()), sf('2', c.scheme.as_str())],
        );
    }
    for (tag, p) in super::author_tags(record) {
        m.data(tag, " 1", person_rusmarc(p));
    }
    for p in persons(record, Role::Secondary) {
        m.data("702", " 1", person_rusmarc(p));
    }
    if let Some(cat) = record.catalogued {
        m.data(
            "801",
            " 0",
            vec![
                sf('a', "AZ"),
                sf('b', "PRESLIB"),
                sf('c', cat.format("%Y%m%d").to_string()),
            ],
        );
    }
    sort_fields(&mut m);
    m
}

fn person_rusmarc(p: &Person) -> Vec<Subfield> {
    let mut out = vec![sf('a', p.surname.as_str())];
    if !p.initials.is_empty() {
        out.push(sf('b', p.initials.as_str()));
    }
    if !p.forenames.is_empty() {
        out.push(sf('g', p.forenames.as_str()));
    }
    if let Some(r) = &p.relator {
        out.push(sf('4', r.as_str()));
    }
    out
}

/// RUSMARC 100 `$a`, 36 positions: entry date, publication date, target audience,
/// cataloguing language, character set, script of title.
fn general_data(cat: NaiveDate, record: &Record, lang: Lang, charset: Charset) -> String {
    let year = record
        .published
        .year()
        .map(|y| format!("{y:04}"))
        .unwrap_or_else(|| "    ".to_string());
    let (cat_lang, script) = match lang {
        Lang::Rus => ("rus", "ca"),
        _ => ("aze", "ba"),
    };
    let set = match charset {
        Charset::Utf8 => "50  ",
        Charset::Cp1251 => "0189",
    };
    let s = format!(
        "{}d{year}    k  y0{cat_lang}y{set}    {script}",
        cat.format("%Y%m%d")
    );
    debug_assert_eq!(s.len(), 36);
    s
}

/// MARC 21: 001, 008, 041, 084, 100, 245, 500, 600, 650, 653, 700, 773.
pub fn marc21(record: &Record, charset: Charset) -> MarcRecord {
    let leader = match charset {
        Charset::Utf8 => "00000nab a2200000 i 4500",
        Charset::Cp1251 => "00000nab  2200000 i 4500",
    };
    let mut m = MarcRecord {
        leader: leader.to_string(),
        fields: Vec::with_capacity(20),
    };
    let v = variant(&record.id, 0x4d32);
    m.control("001", record.id.to_string());
    m.control("008", fixed_008(record));
    m.data(
        "041",
        "0 ",
        record
            .languages
            .iter()
            .map(|l| sf('a', l.code.as_str()))
            .collect(),
    );
    for c in &record.classes {
        m.data(
            "084",
            "  ",
            vec![sf('a', c.code.as_str()), sf('2', c.scheme.as_str())],
        );
    }
    let mut authors = record.authors();
    let main = authors.next();
    if let Some(p) = main {
        m.data("100", "1 ", person_marc21(p, v.is_multiple_of(2)));
    }
    m.data(
        "245",
        if main.is_some() { "10" } else { "00" },
        title_245(record),
    );
    for note in &record.supplement().notes {
        m.data("500", "  ", vec![sf('a', note.as_str())]);
    }
    for p in persons(record, Role::Subject) {
        m.data("600", "14", vec![sf('a', inverted_full(p))]);
    }
    for s in &record.subjects {
        let (tag, ind) = match s.kind {
            SubjectKind::Topical => ("650", " 4"),
            SubjectKind::Geographic => ("651", " 4"),
            SubjectKind::Corporate => ("610", "24"),
            SubjectKind::Person => ("600", "14"),
        };
        let mut fields = vec![sf('a', s.heading.as_str())];
        fields.extend(s.subdivisions.iter().map(|d| sf('x', d.as_str())));
        m.data(tag, ind, fields);
    }
    for k in &record.keywords {
        m.data("653", "  ", vec![sf('a', k.as_str())]);
    }
    for p in authors.chain(persons(record, Role::Secondary)) {
        m.data("700", "1 ", person_marc21(p, p.role == Role::Secondary));
    }
    if let Some(host) = &record.host {
        let mut link = vec![sf('t', host.title.as_str())];
        if let Some(city) = &host.city {
            link.push(sf('d', city.as_str()));
        }
        link.push(sf('g', related_parts(record, (v >> 8).is_multiple_of(3))));
        if let Some(issn) = &host.issn {
            link.push(sf('x', issn.as_str()));
        }
        m.data("773", "0 ", link);
    }
    sort_fields(&mut m);
    m
}

/// `Surname, Forenames`, or `Surname, I.` when no forenames were catalogued.
fn inverted_full(p: &Person) -> String {
    if !p.forenames.is_empty() {
        format!("{}, {}", p.surname, p.forenames)
    } else {
        p.inverted()
    }
}

/// MARC 21 relator term and code for a UNIMARC relator code.
fn relator_21(code: &str) -> Option<(&'static str, &'static str)> {
    Some(match code {
        "070" => ("author", "aut"),
        "730" => ("translator", "trl"),
        "460" => ("interviewee", "ive"),
        "470" => ("interviewer", "ivr"),
        "340" => ("editor", "edt"),
        "220" => ("compiler", "com"),
        _ => return None,
    })
}

fn person_marc21(p: &Person, with_relator: bool) -> Vec<Subfield> {
    let name = inverted_full(p);
    match p.relator.as_deref().and_then(relator_21) {
        Some((term, code)) if with_relator => vec![
            sf('a', format!("{name},")),
            sf('e', format!("{term}.")),
            sf('4', code),
        ],
        _ => vec![sf('a', name)],
    }
}

/// 245 with the ISBD punctuation MARC 21 records carry: `$a Title : $b other / $c resp.`
fn title_245(record: &Record) -> Vec<Subfield> {
    let ends_closed = |s: &str| s.ends_with(['.', '?', '!']);
    let has_b = !record.supplement().other_title.is_empty();
    let has_c = !record.responsibility.is_empty();
    let mut a = record.title.to_string();
    if has_b {
        a.push_str(" :");
    } else if has_c {
        a.push_str(" /");
    } else if !ends_closed(&a) {
        a.push('.');
    }
    let mut out = vec![sf('a', a)];
    if has_b {
        let mut b = record.supplement().other_title.join(" : ");
        if has_c {
            b.push_str(" /");
        } else if !ends_closed(&b) {
            b.push('.');
        }
        out.push(sf('b', b));
    }
    if has_c {
        let mut c = record.responsibility.join(" ; ");
        if !ends_closed(&c) {
            c.push('.');
        }
        out.push(sf('c', c));
    }
    out
}

/// 773 `$g`: `2012, 17 Jan., No. 14, p. 3` (newspaper), `2012, Mar., No. 3, p. 45-52`.
fn related_parts(record: &Record, en_dash: bool) -> String {
    let mut parts = Vec::with_capacity(4);
    if let Some(year) = record.published.year() {
        parts.push(year.to_string());
    }
    if let Some(date) = record.published.date {
        parts.push(format!(
            "{} {}",
            date.day(),
            EN_MONTHS_ABBR[date.month0() as usize]
        ));
    } else if let Some(month) = record.published.month {
        parts.push(EN_MONTHS_ABBR[(month.clamp(1, 12) - 1) as usize].to_string());
    }
    if let Some(volume) = &record.volume {
        parts.push(format!("Vol. {volume}"));
    }
    if let Some(issue) = &record.issue {
        parts.push(format!("No. {issue}"));
    }
    if let Some(pages) = &record.pages {
        parts.push(format!("p. {}", style::pages_as_typed(pages, !en_dash)));
    }
    parts.join(", ")
}

/// MARC 21 008 for a continuing-resource component part (40 positions).
fn fixed_008(record: &Record) -> String {
    let entered = record
        .catalogued
        .map(|d| d.format("%y%m%d").to_string())
        .unwrap_or_else(|| "||||||".to_string());
    let year = record
        .published
        .year()
        .map(|y| format!("{y:04}"))
        .unwrap_or_else(|| "uuuu".to_string());
    let place = match record.host.as_ref().and_then(|h| h.city.as_deref()) {
        Some("Bakı" | "Baku" | "Баку") => "aj ",
        Some("Ankara") => "tu ",
        Some("Berlin" | "Bremen") => "gw ",
        Some("Paris") => "fr ",
        _ => "xx ",
    };
    let kind = if record.published.date.is_some() {
        'n'
    } else {
        'p'
    };
    let lang = record
        .main_language()
        .map(|l| l.code.as_str())
        .filter(|c| c.len() == 3 && c.is_ascii())
        .unwrap_or("und");
    let s = format!("{entered}s{year}    {place}|| {kind}            0{lang} d");
    debug_assert_eq!(s.len(), 40, "{s:?}");
    s
}

/// Fields in tag order (stable: repeated fields keep their order).
fn sort_fields(m: &mut MarcRecord) {
    m.fields.sort_by_key(|f| f.tag);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Generator, SynthOptions};

    fn sample() -> Vec<Record> {
        Generator::new(SynthOptions::years(400, 2012, 2012), 11).collect()
    }

    fn subfields<'a>(m: &'a MarcRecord, tag: &str) -> Vec<&'a [Subfield]> {
        m.fields
            .iter()
            .filter(|f| f.tag == tag)
            .filter_map(|f| match &f.body {
                FieldBody::Data { subfields, .. } => Some(subfields.as_slice()),
                FieldBody::Control(_) => None,
            })
            .collect()
    }

    #[test]
    fn rusmarc_carries_the_article() {
        for r in sample() {
            let m = rusmarc(&r, Charset::Utf8);
            assert_eq!(m.leader.len(), 24);
            assert_eq!(&m.leader[7..8], "a");
            let t = subfields(&m, "200");
            assert_eq!(r.title, t[0][0].value.as_str());
            let host = subfields(&m, "461");
            assert_eq!(host[0][0].value, "2001 ");
            assert_eq!(r.host.as_ref().unwrap().title, host[0][1].value.as_str());
            let part = subfields(&m, "463")[0];
            let year = part.iter().find(|s| s.code == 'd').unwrap();
            assert_eq!(year.value, r.published.year().unwrap().to_string());
            let classes = subfields(&m, "686");
            assert_eq!(classes.len(), r.classes.len());
            let authors = subfields(&m, "700").len() + subfields(&m, "701").len();
            assert_eq!(authors, r.authors().count());
            if let (Some(issue), Some(a)) = (&r.issue, part.iter().find(|s| s.code == 'a')) {
                assert!(a.value.starts_with(&format!("№ {issue}")), "{}", a.value);
            }
            if let Some(general) = subfields(&m, "100").first() {
                assert_eq!(general[0].value.chars().count(), 36);
            }
        }
    }

    #[test]
    fn marc21_carries_the_article() {
        for r in sample() {
            let m = marc21(&r, Charset::Utf8);
            assert_eq!(&m.leader[7..8], "b");
            let f008 = m.fields.iter().find(|f| f.tag == "008").unwrap();
            let FieldBody::Control(f008) = &f008.body else {
                panic!()
            };
            assert_eq!(f008.len(), 40);
            assert_eq!(&f008[35..38], r.languages[0].code);
            assert_eq!(&f008[7..11], "2012");
            let cat = r.catalogued.unwrap().format("%y%m%d").to_string();
            assert_eq!(&f008[0..6], cat);
            let t = subfields(&m, "245")[0];
            assert!(t[0].value.starts_with(r.title.as_str()));
            let g = &subfields(&m, "773")[0]
                .iter()
                .find(|s| s.code == 'g')
                .unwrap()
                .value;
            assert!(g.starts_with("2012"), "{g}");
            assert_eq!(
                subfields(&m, "100").len(),
                usize::from(r.authors().count() > 0)
            );
        }
    }

    #[test]
    fn isbd_punctuation_in_245() {
        let mut r = sample().remove(0);
        r.title = "Neft strategiyası".into();
        r.supplement_mut().other_title = vec!["müsahibə".into()].into();
        r.responsibility = vec!["Abuzər Xələfov".into()].into();
        let t = title_245(&r);
        assert_eq!(t[0].value, "Neft strategiyası :");
        assert_eq!(t[1].value, "müsahibə /");
        assert_eq!(t[2].value, "Abuzər Xələfov.");
        r.supplement_mut().other_title.clear();
        r.responsibility.clear();
        r.title = "Nə vaxt?".into();
        assert_eq!(title_245(&r)[0].value, "Nə vaxt?");
    }
}
