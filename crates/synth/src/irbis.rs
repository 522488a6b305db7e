//! IRBIS64 plain-text export of ASP (article) worksheet records: one field a line
//! (`#200: ^ATitle^FResp`), records separated by a line `*****`, UTF-8, optionally with a
//! byte-order mark. The issue date goes where cataloguers put it: in `^H` after the issue
//! number (`^H№ 14 (17 yanvar)`) or in `^V` (`^V25 дек.`), chosen per record.

use std::io::{self, Write};

use super::pools::CATALOGUERS;
use super::style::{self, lang_of, variant};
use bulletin::model::{Person, Record, Role, SubjectKind};

pub const SEPARATOR: &str = "*****";

pub struct IrbisWriter<W: Write> {
    out: W,
    buf: String,
}

impl<W: Write> IrbisWriter<W> {
    /// Starts the file, with a UTF-8 byte-order mark when `bom`.
    pub fn new(mut out: W, bom: bool) -> io::Result<IrbisWriter<W>> {
        if bom {
            out.write_all("\u{FEFF}".as_bytes())?;
        }
        Ok(IrbisWriter {
            out,
            buf: String::with_capacity(2048),
        })
    }

    pub fn write_record(&mut self, record: &Record) -> io::Result<()> {
        self.buf.clear();
        format_record(record, &mut self.buf);
        self.out.write_all(self.buf.as_bytes())
    }

    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

/// IRBIS values cannot hold `^` (subfield mark) or line breaks.
fn clean(value: &str) -> std::borrow::Cow<'_, str> {
    if value.contains(['^', '\n', '\r']) {
        value.replace('^', " ").replace(['\n', '\r'], " ").into()
    } else {
        value.into()
    }
}

fn field(out: &mut String, tag: &str, value: &str) {
    out.push('#');
    out.push_str(tag);
    out.push_str(": ");
    out.push_str(value);
    out.push('\n');
}

fn sub(out: &mut String, code: char, value: &str) {
    if !value.is_empty() {
        out.push('^');
        out.push(code);
        out.push_str(&clean(value));
    }
}

fn person(p: &Person) -> String {
    let mut s = String::with_capacity(48);
    sub(&mut s, 'A', &p.surname);
    sub(&mut s, 'B', &p.initials);
    sub(&mut s, 'G', &p.forenames);
    if p.role == Role::Secondary
        && let Some(r) = &p.relator
    {
        sub(&mut s, '4', r);
    }
    s
}

/// Appends one record, with its closing `*****` line, to `out`.
pub fn format_record(record: &Record, out: &mut String) {
    let v = variant(&record.id, 0x4952);
    let lang = lang_of(record.main_language().map(|l| l.code.as_str()));
    field(out, "920", "ASP");
    field(out, "903", &clean(&record.id));
    for l in &record.languages {
        field(out, "101", &clean(&l.code));
    }
    let mut title = String::with_capacity(128);
    sub(&mut title, 'A', &record.title);
    for e in &record.supplement().other_title {
        sub(&mut title, 'E', e);
    }
    for (k, r) in record.responsibility.iter().enumerate() {
        sub(&mut title, if k == 0 { 'F' } else { 'G' }, r);
    }
    field(out, "200", &title);
    for (tag, p) in super::author_tags(record) {
        field(out, tag, &person(p));
    }
    for p in record.persons.iter().filter(|p| p.role == Role::Secondary) {
        field(out, "702", &person(p));
    }
    field(out, "463", &source(record, lang, v));
    for note in &record.supplement().notes {
        field(out, "300", &clean(note));
    }
    for p in record.persons.iter().filter(|p| p.role == Role::Subject) {
        field(out, "600", &person(p));
    }
    for s in &record.subjects {
        let mut h = String::with_capacity(64);
        sub(&mut h, 'A', &s.heading);
        for d in &s.subdivisions {
            sub(&mut h, 'B', d);
        }
        let tag = match s.kind {
            SubjectKind::Person => "600",
            SubjectKind::Geographic => "607",
            _ => "606",
        };
        field(out, tag, &h);
    }
    for k in &record.keywords {
        field(out, "610", &clean(k));
    }
    for c in &record.classes {
        // GRNTI in 964 and BBK in 621, as IRBIS catalogues keep them.
        if c.scheme == "rugasnti" {
            field(out, "964", &clean(&c.code));
        } else if c.scheme == "rubbk" {
            field(out, "621", &clean(&c.code));
        } else {
            let mut s = String::with_capacity(24);
            sub(&mut s, 'A', &c.code);
            sub(&mut s, '2', &c.scheme);
            field(out, "686", &s);
        }
    }
    if let Some(cat) = record.catalogued {
        let mut log = String::with_capacity(48);
        sub(&mut log, 'C', "ПК");
        sub(&mut log, 'A', &cat.format("%Y%m%d").to_string());
        sub(
            &mut log,
            'B',
            CATALOGUERS[(v >> 32) as usize % CATALOGUERS.len()],
        );
        field(out, "907", &log);
    }
    out.push_str(SEPARATOR);
    out.push('\n');
}

/// Field 463: `^C` source, `^D` city, `^J` year, `^H` issue (and date), `^V` date,
/// `^S` pages, in one of two subfield orders.
fn source(record: &Record, lang: super::pools::Lang, v: u64) -> String {
    let mut s = String::with_capacity(96);
    let host = record.host.as_ref();
    let year = record.published.year().map(|y| y.to_string());
    // Where the date goes: 0, 1 in ^H with the issue; 2 in ^V.
    let in_v = record.published.date.is_some() && v % 3 == 2;
    let (h, date_v) = if in_v {
        let date = record
            .published
            .date
            .map(|d| style::day_month(lang, d, (v >> 4).is_multiple_of(2)));
        (record.issue.as_ref().map(|n| format!("№ {n}")), date)
    } else {
        let h = style::issue_text(
            lang,
            record.issue.as_deref(),
            record.published.date,
            record.published.month,
            v >> 4,
        );
        (h, None)
    };
    let pages = record
        .pages
        .as_deref()
        .map(|p| style::pages_as_typed(p, !(v >> 12).is_multiple_of(4)));
    let title = host.map(|h| h.title.as_str()).unwrap_or("");
    let city = host.and_then(|h| h.city.as_deref()).unwrap_or("");
    if (v >> 20).is_multiple_of(2) {
        sub(&mut s, 'C', title);
        sub(&mut s, 'D', city);
        sub(&mut s, 'J', year.as_deref().unwrap_or(""));
        sub(&mut s, 'H', h.as_deref().unwrap_or(""));
        sub(&mut s, 'V', date_v.as_deref().unwrap_or(""));
        sub(&mut s, 'S', pages.as_deref().unwrap_or(""));
    } else {
        sub(&mut s, 'S', pages.as_deref().unwrap_or(""));
        sub(&mut s, 'J', year.as_deref().unwrap_or(""));
        sub(&mut s, 'H', h.as_deref().unwrap_or(""));
        sub(&mut s, 'V', date_v.as_deref().unwrap_or(""));
        sub(&mut s, 'C', title);
        sub(&mut s, 'D', city);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Generator, SynthOptions};

    /// Splits an IRBIS text export into records of (tag, value) lines.
    fn parse(text: &str) -> Vec<Vec<(String, String)>> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let mut out = vec![Vec::new()];
        for line in text.lines() {
            if line == SEPARATOR {
                out.push(Vec::new());
            } else {
                let (tag, value) = line.strip_prefix('#').unwrap().split_once(": ").unwrap();
                out.last_mut()
                    .unwrap()
                    .push((tag.to_string(), value.to_string()));
            }
        }
        assert!(out.pop().unwrap().is_empty());
        out
    }

    fn subfield(value: &str, code: char) -> Option<&str> {
        value
            .split('^')
            .skip(1)
            .find(|s| s.starts_with(code))
            .map(|s| &s[code.len_utf8()..])
    }

    #[test]
    fn records_read_back() {
        let records: Vec<Record> =
            Generator::new(SynthOptions::years(500, 2012, 2012), 4).collect();
        let mut w = IrbisWriter::new(Vec::new(), true).unwrap();
        for r in &records {
            w.write_record(r).unwrap();
        }
        let bytes = w.finish().unwrap();
        assert!(bytes.starts_with("\u{FEFF}#920: ASP\n".as_bytes()));
        let parsed = parse(std::str::from_utf8(&bytes).unwrap());
        assert_eq!(parsed.len(), records.len());
        let mut in_v = 0;
        for (r, fields) in records.iter().zip(&parsed) {
            let get = |tag: &str| {
                fields
                    .iter()
                    .find(|(t, _)| t == tag)
                    .map(|(_, v)| v.as_str())
            };
            assert_eq!(get("903"), Some(r.id.as_str()));
            assert_eq!(get("101"), Some(r.languages[0].code.as_str()));
            assert_eq!(subfield(get("200").unwrap(), 'A'), Some(r.title.as_str()));
            let src = get("463").unwrap();
            let host = r.host.as_ref().unwrap();
            assert_eq!(subfield(src, 'C'), Some(host.title.as_str()));
            assert_eq!(subfield(src, 'J'), Some("2012"));
            if let Some(date) = r.published.date {
                let day = date.format("%-d").to_string();
                let h = subfield(src, 'H').unwrap_or("");
                let v = subfield(src, 'V').unwrap_or("");
                assert!(h.contains(&day) || v.starts_with(&day), "{src}");
                in_v += usize::from(!v.is_empty());
            }
            let classes = fields
                .iter()
                .filter(|(t, _)| matches!(t.as_str(), "686" | "964" | "621"))
                .count();
            assert_eq!(classes, r.classes.len());
            let authors = fields
                .iter()
                .filter(|(t, _)| t == "700" || t == "701")
                .count();
            assert_eq!(authors, r.authors().count());
            let cat = r.catalogued.unwrap().format("%Y%m%d").to_string();
            assert_eq!(subfield(get("907").unwrap(), 'A'), Some(cat.as_str()));
        }
        assert!(in_v > 20, "{in_v}");
    }
}
