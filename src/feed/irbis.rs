//! IRBIS64 plain-text export reader (ASP worksheet for articles).
//!
//! One field a line, `#463: ^CXalq qəzeti^J2012^H№ 14 (17 yanvar)^S3`, subfields opened by
//! `^` and a case-insensitive code, records separated by a line `*****`; UTF-8 with or
//! without a byte-order mark (CP1251 when forced). The record id is field 903 (the document
//! code), else the file and record position. The issue date is looked for in every place
//! cataloguers put it: 463 `^H` (`№ 14 (17 янв.)`), `^V` (`25 дек.`), `^A`, with the year
//! in `^J` (or 210 `^D`). Lines are read with a length cap, so memory stays bounded.

use std::io::BufRead;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use super::marc::{add_language, apply_date_text, finish, trim_isbd};
use super::{Chunk, Encoding, FeedError, ReadOptions, ReadRecords, dates, read_until_capped};
use crate::model::{
    ClassNumber, Dialect, Format, Origin, Person, ProblemKind, Record, Role, Subject, SubjectKind,
};

const MAX_LINE: usize = 1 << 20;

/// One `#tag: value` line.
#[derive(Debug, Clone)]
struct Line {
    tag: String,
    value: String,
    line: u32,
}

impl Line {
    /// Text before the first `^`: the value of a field without subfields.
    fn plain(&self) -> &str {
        self.value.split('^').next().unwrap_or("").trim()
    }

    /// Subfield `code` (case-insensitive), trimmed, if non-empty.
    fn sub(&self, code: char) -> Option<&str> {
        let code = code.to_ascii_lowercase();
        self.value.split('^').skip(1).find_map(|part| {
            let mut chars = part.chars();
            let c = chars.next()?;
            (c.to_lowercase().next() == Some(code))
                .then(|| chars.as_str().trim())
                .filter(|v| !v.is_empty())
        })
    }
}

/// Streams the records of one IRBIS text file.
pub struct IrbisReader<R: BufRead> {
    input: R,
    file: Arc<Path>,
    encoding: Option<Encoding>,
    offset: u64,
    line: u32,
    position: usize,
}

impl<R: BufRead> IrbisReader<R> {
    pub fn new(input: R, file: Arc<Path>, options: ReadOptions) -> Self {
        IrbisReader {
            input,
            file,
            encoding: options.encoding,
            offset: 0,
            line: 0,
            position: 0,
        }
    }

    /// Next raw line (without the line break), or `None` at the end.
    fn read_line(&mut self) -> Result<Option<Vec<u8>>, FeedError> {
        let next = self.line + 1;
        let chunk = read_until_capped(&mut self.input, b'\n', MAX_LINE, &mut self.offset)
            .map_err(|e| FeedError::at(&self.file, next, 1, format!("cannot read: {e}")))?;
        match chunk {
            Chunk::Found(mut bytes) => {
                bytes.pop();
                if bytes.last() == Some(&b'\r') {
                    bytes.pop();
                }
                Ok(Some(bytes))
            }
            Chunk::End(bytes) => Ok((!bytes.is_empty()).then_some(bytes)),
            Chunk::TooLong => Err(FeedError::at(
                &self.file,
                next,
                1,
                format!("line longer than {MAX_LINE} bytes; refusing the file"),
            )),
        }
    }

    /// Decodes a line. Without a forced encoding the file's first non-ASCII line decides:
    /// valid UTF-8 makes the file UTF-8; bytes with no UTF-8 sequence at all make it CP1251
    /// (IRBIS's other export encoding); a mixture is an error at its column.
    fn decode(&mut self, mut bytes: &[u8]) -> Result<String, FeedError> {
        if self.line == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        if self.encoding.is_none() && !bytes.is_ascii() {
            self.encoding = match std::str::from_utf8(bytes) {
                Ok(_) => Some(Encoding::Utf8),
                Err(_) if !has_utf8_sequence(bytes) => Some(Encoding::Cp1251),
                Err(_) => None,
            };
        }
        match self.encoding {
            Some(Encoding::Cp1251) => Ok(encoding_rs::WINDOWS_1251
                .decode_without_bom_handling(bytes)
                .0
                .into_owned()),
            _ => std::str::from_utf8(bytes).map(str::to_string).map_err(|e| {
                let column = e.valid_up_to() + 1;
                FeedError::at(
                    &self.file,
                    self.line,
                    column as u32,
                    "invalid UTF-8 byte (is the file CP1251? try --encoding cp1251)",
                )
            }),
        }
    }

    fn next_record(&mut self) -> Result<Option<Record>, FeedError> {
        let mut lines: Vec<Line> = Vec::new();
        let mut start: Option<(u32, u64)> = None;
        loop {
            let line_offset = self.offset;
            let Some(bytes) = self.read_line()? else {
                break;
            };
            self.line += 1;
            let text = self.decode(&bytes)?;
            let trimmed = text.trim();
            if trimmed.is_empty() {
                continue;
            }
            if trimmed.starts_with("*****") {
                if lines.is_empty() {
                    continue;
                }
                break;
            }
            let Some(rest) = trimmed.strip_prefix('#') else {
                return Err(FeedError::at(
                    &self.file,
                    self.line,
                    1,
                    format!(
                        "expected a field line \"#TAG: value\" or the separator \"*****\", found \"{}\"",
                        short(trimmed)
                    ),
                ));
            };
            let Some((tag, value)) = rest.split_once(':') else {
                return Err(FeedError::at(
                    &self.file,
                    self.line,
                    1,
                    format!(
                        "field line without ':' after the tag: \"{}\"",
                        short(trimmed)
                    ),
                ));
            };
            let tag = tag.trim();
            if tag.is_empty() || !tag.chars().all(|c| c.is_ascii_digit()) {
                return Err(FeedError::at(
                    &self.file,
                    self.line,
                    2,
                    format!("field tag \"{tag}\" is not a number"),
                ));
            }
            start.get_or_insert((self.line, line_offset));
            lines.push(Line {
                tag: tag.to_string(),
                value: value.trim().to_string(),
                line: self.line,
            });
        }
        let Some((line, offset)) = start else {
            return Ok(None);
        };
        self.position += 1;
        let origin = Origin {
            file: self.file.clone(),
            position: self.position,
            line,
            column: 1,
            offset,
            length: self.offset - offset,
            format: Format::IrbisText,
        };
        Ok(Some(to_record(&lines, origin)))
    }
}

/// Whether `bytes` hold at least one well-formed multi-byte UTF-8 sequence.
fn has_utf8_sequence(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => return !s.is_ascii(),
            Err(e) => {
                if !rest[..e.valid_up_to()].is_ascii() {
                    return true;
                }
                let skip = e.valid_up_to() + e.error_len().unwrap_or(1);
                if skip >= rest.len() {
                    return false;
                }
                rest = &rest[skip..];
            }
        }
    }
}

fn short(text: &str) -> String {
    let mut s: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        s.push('…');
    }
    s
}

fn person(l: &Line, role: Role) -> Option<Person> {
    Some(Person {
        surname: trim_isbd(l.sub('a')?),
        initials: l.sub('b').unwrap_or("").to_string(),
        forenames: l.sub('g').map(trim_isbd).unwrap_or_default(),
        role,
        relator: l.sub('4').map(str::to_string),
    })
}

fn to_record(lines: &[Line], origin: Origin) -> Record {
    let id = lines
        .iter()
        .find(|l| l.tag == "903")
        .map(|l| l.plain().to_string())
        .filter(|v| !v.is_empty());
    let fallback = format!("{}#{}", origin.file.display(), origin.position);
    let mut record = Record::new(id.clone().unwrap_or(fallback), Dialect::Rusmarc, origin);
    if id.is_none() {
        record.problem(
            ProblemKind::NoId,
            "record has no id (903); file and position stand in for it",
        );
    }
    let mut date_texts: Vec<(String, u32, u32)> = Vec::new();
    let mut year_text: Option<(String, u32)> = None;
    for l in lines {
        match l.tag.as_str() {
            "920" => {
                let sheet = l.plain();
                if !sheet.eq_ignore_ascii_case("ASP") {
                    record.problem_at(
                        l.line,
                        1,
                        ProblemKind::NotAnArticle,
                        format!(
                            "not an article: worksheet (920) is \"{sheet}\", articles are \"ASP\""
                        ),
                    );
                }
            }
            "101" => {
                let code = l.plain().to_string();
                add_language(&mut record, &code, l.line, 7);
            }
            "200" if record.title.is_empty() => {
                record.title = l.sub('a').map(trim_isbd).unwrap_or_default();
                record.other_title.extend(l.sub('e').map(trim_isbd));
                record
                    .responsibility
                    .extend(l.sub('f').into_iter().chain(l.sub('g')).map(trim_isbd));
            }
            "210" => {
                if let Some(y) = l.sub('d').and_then(dates::find_year) {
                    record.published.year = record.published.year.or(Some(y));
                }
            }
            "300" => record.notes.push(trim_isbd(l.plain())),
            "600" => {
                if let Some(p) = person(l, Role::Subject) {
                    record.subjects.push(Subject {
                        heading: p.inverted(),
                        subdivisions: Vec::new(),
                        kind: SubjectKind::Person,
                    });
                    record.persons.push(p);
                }
            }
            "606" => {
                if let Some(a) = l.sub('a') {
                    let subdivisions = ['b', 'g', 'h']
                        .iter()
                        .filter_map(|&c| l.sub(c))
                        .map(trim_isbd)
                        .collect();
                    record.subjects.push(Subject {
                        heading: trim_isbd(a),
                        subdivisions,
                        kind: SubjectKind::Topical,
                    });
                }
            }
            "607" => {
                if let Some(a) = l.sub('a').or(Some(l.plain()).filter(|p| !p.is_empty())) {
                    record.subjects.push(Subject {
                        heading: trim_isbd(a),
                        subdivisions: Vec::new(),
                        kind: SubjectKind::Geographic,
                    });
                }
            }
            "610" => record.keywords.push(trim_isbd(l.plain())),
            // BBK, GRNTI and UDC: a plain value or `^A`.
            "621" | "964" | "675" => {
                let code = l.sub('a').unwrap_or(l.plain());
                if !code.is_empty() {
                    record.classes.push(ClassNumber {
                        scheme: match l.tag.as_str() {
                            "621" => "bbk",
                            "964" => "rugasnti",
                            _ => "udc",
                        }
                        .into(),
                        code: code.to_string(),
                    });
                }
            }
            "686" => {
                if let Some(a) = l.sub('a') {
                    record.classes.push(ClassNumber {
                        scheme: l.sub('2').unwrap_or("").to_string(),
                        code: a.to_string(),
                    });
                }
            }
            "700" => record.persons.extend(person(l, Role::Primary)),
            "701" => record.persons.extend(person(l, Role::Coauthor)),
            "702" => record.persons.extend(person(l, Role::Secondary)),
            "710" | "711" => record.corporate.extend(l.sub('a').map(trim_isbd)),
            "907" => {
                if let Some(d) = l
                    .sub('a')
                    .and_then(|a| NaiveDate::parse_from_str(a.get(..8)?, "%Y%m%d").ok())
                {
                    record.catalogued = Some(record.catalogued.map_or(d, |c| c.min(d)));
                }
            }
            "463" => {
                let mut host = record.host.take().unwrap_or_default();
                if host.title.is_empty() {
                    host.title = l.sub('c').map(trim_isbd).unwrap_or_default();
                }
                host.abbreviated = host.abbreviated.or(l.sub('7').map(trim_isbd));
                host.city = host.city.or(l.sub('d').map(trim_isbd));
                host.issn = host.issn.or(l.sub('x').or(l.sub('i')).map(str::to_string));
                record.host = Some(host);
                if let Some(j) = l.sub('j') {
                    record.published.year = dates::find_year(j).or(record.published.year);
                    // Some catalogues write the whole date here (`17.01.2012`).
                    year_text = Some((j.to_string(), l.line));
                }
                if let Some(h) = l.sub('h') {
                    record.issue = record.issue.take().or_else(|| dates::find_issue_number(h));
                    date_texts.push((h.to_string(), l.line, 1));
                }
                if let Some(v) = l.sub('v') {
                    // ^V holds the volume, or the issue date in newspapers (`25 дек.`).
                    match dates::find_day_month(v) {
                        Ok(None) => {
                            let volume = dates::find_volume(v).unwrap_or_else(|| v.to_string());
                            record.volume = Some(volume);
                        }
                        _ => date_texts.push((v.to_string(), l.line, 1)),
                    }
                }
                if let Some(a) = l.sub('a') {
                    date_texts.push((a.to_string(), l.line, 1));
                }
                record.pages = record
                    .pages
                    .take()
                    .or_else(|| l.sub('s').and_then(dates::normalise_pages));
            }
            _ => {}
        }
    }
    record.persons.sort_by_key(|p| p.role.rank());
    date_texts.extend(year_text.map(|(t, line)| (t, line, 1)));
    let texts: Vec<(&str, u32, u32)> = date_texts
        .iter()
        .map(|(t, l, c)| (t.as_str(), *l, *c))
        .collect();
    apply_date_text(&mut record, &texts);
    finish(&mut record);
    record
}

impl<R: BufRead> ReadRecords for IrbisReader<R> {
    fn next_record(&mut self) -> Result<Option<Record>, FeedError> {
        IrbisReader::next_record(self)
    }
}
