//! IRBIS64 plain-text export reader (ASP worksheet for articles).
//!
//! One field a line, `#463: ^CXalq qəzeti^J2012^H№ 14 (17 yanvar)^S3`, subfields opened by
//! `^` and a case-insensitive code, records separated by a line `*****`; UTF-8 with or
//! without a byte-order mark (CP1251 when forced). The record id is field 903 (the document
//! code), else the file and record position. The issue date is looked for in every place
//! cataloguers put it: 463 `^H` (`№ 14 (17 янв.)`), `^V` (`25 дек.`), `^A`, with the year
//! in `^J` (or 210 `^D`). Lines are read with a length cap, so memory stays bounded; a
//! record's lines are decoded into one text kept from record to record, each line's
//! subfields split once.
//!
//! RUSMARC written as IRBIS text (MARS and some IRBIS exports: `#200: 1 ^aTitle`, two
//! indicators before the subfields, lowercase codes, 461/463 with embedded `^1` fields) is
//! recognised per record and mapped as RUSMARC by [`marc`]. A line that is not a field
//! line (no `#`, no `:` after the tag) damages its record only: the record is read
//! without it and marked damaged, and reading goes on with the next record.

use std::io::BufRead;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use super::marc::{
    self, Lists, RawField, RawRecord, Subfield, add_annotation, add_language, apply_date_text,
    finish, material, owned_isbd, shared, shared_isbd, trim_isbd,
};
use super::{
    Chunk, Encoding, FeedError, FeedErrorKind, ReadOptions, ReadRecords, dates, read_until_capped,
};
use crate::model::{
    ClassNumber, Dialect, Format, List, Origin, Person, Problem, ProblemKind, Record, Role,
    SharedStr, Subject, SubjectKind,
};

const MAX_LINE: usize = 1 << 20;

/// One `#tag: value` line, borrowed from the record's text.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    tag: &'a str,
    /// The two indicators, when the line has them (`#200: 1 ^a…`).
    indicators: Option<[char; 2]>,
    value: &'a str,
    /// 1-based line number in the file.
    number: u32,
    /// The subfields of `value`, split once.
    subs: &'a [Sub],
}

/// A subfield of a line: its code lower-cased, and where its text lies in the line's value.
#[derive(Debug, Clone, Copy)]
struct Sub {
    code: char,
    start: usize,
    end: usize,
}

impl Line<'_> {
    /// Text before the first `^`: the value of a field without subfields.
    fn plain(&self) -> &str {
        let end = memchr::memchr(b'^', self.value.as_bytes()).unwrap_or(self.value.len());
        self.value[..end].trim()
    }

    /// Subfield `code` (case-insensitive), trimmed: the first that is not empty.
    fn sub(&self, code: char) -> Option<&str> {
        let code = code.to_ascii_lowercase();
        self.subs
            .iter()
            .filter(|s| s.code == code)
            .map(|s| self.value[s.start..s.end].trim())
            .find(|v| !v.is_empty())
    }
}

/// Splits a line's value into its subfields (each opened by `^` and a code, compared in
/// lower case), adding them to `subs`.
fn split_subfields(value: &str, subs: &mut Vec<Sub>) {
    // `^` is ASCII: every offset found starts a character.
    let mut carets = memchr::memchr_iter(b'^', value.as_bytes()).peekable();
    while let Some(at) = carets.next() {
        let end = carets.peek().copied().unwrap_or(value.len());
        let part = &value[at + 1..end];
        let mut chars = part.chars();
        if let Some(c) = chars.next() {
            let code = if c.is_ascii() {
                c.to_ascii_lowercase()
            } else {
                c.to_lowercase().next().unwrap_or(c)
            };
            subs.push(Sub {
                code,
                start: at + 1 + c.len_utf8(),
                end,
            });
        }
    }
}

/// Where a field line of the record being read lies in the reader's text.
#[derive(Debug, Clone)]
struct Span {
    tag: std::ops::Range<usize>,
    indicators: Option<[char; 2]>,
    value: std::ops::Range<usize>,
    number: u32,
    /// Its subfields in the reader's list.
    subs: std::ops::Range<usize>,
}

impl Span {
    fn line<'a>(&self, text: &'a str, subs: &'a [Sub]) -> Line<'a> {
        Line {
            tag: &text[self.tag.clone()],
            indicators: self.indicators,
            value: &text[self.value.clone()],
            number: self.number,
            subs: &subs[self.subs.clone()],
        }
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
    buffers: Buffers,
}

impl<R: BufRead> IrbisReader<R> {
    /// A reader of `input`, named `file` in positions; `options` may force the encoding.
    pub fn new(input: R, file: Arc<Path>, options: ReadOptions) -> Self {
        IrbisReader {
            input,
            file,
            encoding: options.encoding,
            offset: 0,
            line: 0,
            position: 0,
            buffers: Buffers::default(),
        }
    }

    /// Reads the next raw line into `bytes` (without the line break); `false` at the end.
    fn read_line(&mut self, bytes: &mut Vec<u8>) -> Result<bool, FeedError> {
        let next = self.line + 1;
        let chunk = read_until_capped(&mut self.input, b'\n', MAX_LINE, &mut self.offset, bytes)
            .map_err(|e| {
                FeedError::at(
                    FeedErrorKind::Io,
                    &self.file,
                    next,
                    1,
                    format!("cannot read: {e}"),
                )
            })?;
        match chunk {
            Chunk::Found => {
                bytes.pop();
                if bytes.last() == Some(&b'\r') {
                    bytes.pop();
                }
                Ok(true)
            }
            Chunk::End => Ok(!bytes.is_empty()),
            Chunk::TooLong => Err(FeedError::at(
                FeedErrorKind::TooLarge,
                &self.file,
                next,
                1,
                format!("line longer than {MAX_LINE} bytes; refusing the file"),
            )),
        }
    }

    /// Decodes a line onto the end of `text`. Without a forced encoding the file's first
    /// non-ASCII line decides: valid UTF-8 makes the file UTF-8; bytes with no UTF-8
    /// sequence at all make it CP1251 (IRBIS's other export encoding); a mixture is an
    /// error at its column.
    fn decode(&mut self, mut bytes: &[u8], text: &mut String) -> Result<(), FeedError> {
        if self.line == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        if self.encoding.is_none() && !bytes.is_ascii() {
            self.encoding = match super::utf8(bytes) {
                Ok(_) => Some(Encoding::Utf8),
                Err(_) if !has_utf8_sequence(bytes) => Some(Encoding::Cp1251),
                Err(_) => None,
            };
        }
        if self.encoding == Some(Encoding::Cp1251) {
            text.push_str(
                &encoding_rs::WINDOWS_1251
                    .decode_without_bom_handling(bytes)
                    .0,
            );
            return Ok(());
        }
        let line = super::utf8(bytes).map_err(|e| {
            // A line is at most MAX_LINE bytes: its column fits.
            let column = u32::try_from(e.valid_up_to() + 1).unwrap_or(u32::MAX);
            FeedError::at(
                FeedErrorKind::Encoding,
                &self.file,
                self.line,
                column,
                "invalid UTF-8 byte (is the file CP1251? try --encoding cp1251)",
            )
        })?;
        text.push_str(line);
        Ok(())
    }

    fn next_record(&mut self) -> Result<Option<Record>, FeedError> {
        // The reader's buffers, taken while the record is read and given back after.
        let mut buffers = std::mem::take(&mut self.buffers);
        let next = self.next_record_in(&mut buffers);
        self.buffers = buffers;
        next
    }

    /// Reads the next record's lines into `b` (its field lines' text one after another,
    /// where each lies, their subfields) and maps it.
    fn next_record_in(&mut self, b: &mut Buffers) -> Result<Option<Record>, FeedError> {
        b.text.clear();
        b.spans.clear();
        b.subs.clear();
        let mut damage: Vec<Problem> = Vec::new();
        let mut start: Option<(u32, u64)> = None;
        loop {
            let line_offset = self.offset;
            if !self.read_line(&mut b.bytes)? {
                break;
            }
            self.line += 1;
            let from = b.text.len();
            self.decode(&b.bytes, &mut b.text)?;
            let text = &b.text[from..];
            let trimmed = text.trim();
            if trimmed.is_empty() || trimmed.starts_with("*****") {
                let separator = !trimmed.is_empty();
                b.text.truncate(from);
                if separator && start.is_some() {
                    break;
                }
                continue;
            }
            match parse_line(trimmed, self.line) {
                Ok(line) => {
                    // Where the line lies in the record's text.
                    let at = |part: &str| from + (part.as_ptr().addr() - text.as_ptr().addr());
                    let first_sub = b.subs.len();
                    split_subfields(line.value, &mut b.subs);
                    let (tag, value) = (at(line.tag), at(line.value));
                    b.spans.push(Span {
                        tag: tag..tag + line.tag.len(),
                        indicators: line.indicators,
                        value: value..value + line.value.len(),
                        number: line.number,
                        subs: first_sub..b.subs.len(),
                    });
                }
                // Before any field line the file may not be IRBIS text at all.
                Err((column, message)) if self.position == 0 && b.spans.is_empty() => {
                    return Err(FeedError::at(
                        FeedErrorKind::NotAFeed,
                        &self.file,
                        self.line,
                        column,
                        message,
                    ));
                }
                Err((column, message)) => {
                    b.text.truncate(from);
                    damage.push(super::damage(
                        self.line,
                        column,
                        &format!("line {}", self.line),
                        &message,
                    ));
                }
            }
            start.get_or_insert((self.line, line_offset));
        }
        let Some((line, offset)) = start else {
            return Ok(None);
        };
        self.position += 1;
        let origin = Origin {
            file: self.file.clone(),
            position: Origin::count(self.position),
            line,
            column: 1,
            offset,
            length: Origin::count(self.offset - offset),
            format: Format::IrbisText,
        };
        let lines: Vec<Line<'_>> = b.spans.iter().map(|s| s.line(&b.text, &b.subs)).collect();
        let mut record = if in_marc_form(&lines) {
            marc::to_record(&to_raw(&lines), Some(Dialect::Rusmarc), origin)
        } else {
            to_record(&lines, origin)
        };
        super::mark_damaged(&mut record, damage);
        Ok(Some(record))
    }
}

/// The buffers an IRBIS reader reuses from record to record.
#[derive(Debug, Default)]
struct Buffers {
    /// The bytes of the line being read.
    bytes: Vec<u8>,
    /// The decoded text of the record's field lines, one after another.
    text: String,
    /// Where each field line lies in `text`.
    spans: Vec<Span>,
    /// The subfields of every field line, in order.
    subs: Vec<Sub>,
}

/// Reads one field line, `#200: ^ATitle`, or with indicators `#200: 1 ^aTitle` (as MARS
/// and some IRBIS exports write RUSMARC); an error is the column and the message.
fn parse_line(text: &str, line: u32) -> Result<Line<'_>, (u32, String)> {
    let Some(rest) = text.strip_prefix('#') else {
        return Err((
            1,
            format!(
                "expected a field line \"#TAG: value\" or the separator \"*****\", found \"{}\"",
                short(text)
            ),
        ));
    };
    let Some((tag, value)) = rest.split_once(':') else {
        return Err((
            1,
            format!("field line without ':' after the tag: \"{}\"", short(text)),
        ));
    };
    let tag = tag.trim();
    if tag.is_empty() || !tag.chars().all(|c| c.is_ascii_digit()) {
        return Err((2, format!("field tag \"{tag}\" is not a number")));
    }
    // One space follows the colon; then two indicators may stand before the first `^`.
    let value = value.strip_prefix(' ').unwrap_or(value);
    let head = value.as_bytes();
    let indicators = (head.len() > 2
        && head[2] == b'^'
        && head[..2]
            .iter()
            .all(|&b| b.is_ascii_digit() || matches!(b, b' ' | b'#' | b'|')))
    .then(|| [head[0] as char, head[1] as char]);
    let value = if indicators.is_some() {
        &value[2..]
    } else {
        value
    };
    Ok(Line {
        tag,
        indicators,
        value: value.trim(),
        number: line,
        subs: &[],
    })
}

/// Whether a record is RUSMARC written as IRBIS text (indicators before the subfields,
/// embedded fields in 461/463) rather than the ASP worksheet: most of its fields with
/// subfields carry indicators.
fn in_marc_form(lines: &[Line<'_>]) -> bool {
    let with_subfields = lines.iter().filter(|l| l.value.contains('^'));
    let (marked, all) = with_subfields.fold((0, 0), |(m, a), l| {
        (m + usize::from(l.indicators.is_some()), a + 1)
    });
    marked > 0 && marked * 2 >= all
}

/// The record id: field 903 (the document code), else 001.
fn record_id(lines: &[Line<'_>]) -> Option<String> {
    ["903", "1", "001"].iter().find_map(|tag| {
        lines
            .iter()
            .filter(|l| l.tag == *tag)
            .map(|l| l.plain().to_string())
            .find(|v| !v.is_empty())
    })
}

/// A RUSMARC record in IRBIS text as a [`RawRecord`]: tags to three digits, fields below
/// 010 as control fields, subfield codes in lower case, the IRBIS id as 001.
fn to_raw<'a>(lines: &[Line<'a>]) -> RawRecord<'a> {
    let mut fields: Vec<RawField> = lines
        .iter()
        .map(|l| {
            let tag = format!("{:0>3}", l.tag);
            let control = tag.as_str() < "010";
            let subfields = if control {
                Vec::new()
            } else {
                l.value
                    .split('^')
                    .skip(1)
                    .filter_map(|part| {
                        let mut chars = part.chars();
                        let code = chars.next()?.to_ascii_lowercase();
                        Some(Subfield {
                            code,
                            value: chars.as_str().into(),
                        })
                    })
                    .collect()
            };
            RawField {
                tag: tag.into(),
                indicators: l.indicators.unwrap_or([' ', ' ']),
                value: control.then_some(l.value.into()),
                subfields,
                line: l.number,
                column: 1,
            }
        })
        .collect();
    if !fields.iter().any(|f| f.tag == "001")
        && let Some(id) = record_id(lines)
    {
        fields.insert(
            0,
            RawField {
                tag: "001".into(),
                indicators: [' ', ' '],
                value: Some(id.into()),
                subfields: Vec::new(),
                line: lines.first().map_or(1, |l| l.number),
                column: 1,
            },
        );
    }
    RawRecord {
        leader: String::new(),
        fields,
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

fn person(l: &Line<'_>, role: Role) -> Option<Person> {
    Some(Person {
        surname: shared_isbd(l.sub('a')?),
        initials: l.sub('b').unwrap_or("").into(),
        forenames: l.sub('g').map(trim_isbd).unwrap_or_default().into(),
        role,
        relator: l.sub('4').map(SharedStr::from),
    })
}

/// The record being mapped, with the date texts collected on the way (read at the end,
/// in the order they were found).
struct Mapping {
    record: Record,
    /// The record's persons, subjects, keywords and class numbers, added at the end.
    lists: Lists,
    date_texts: Vec<(String, u32, u32)>,
    year_text: Option<(String, u32)>,
}

/// How one field maps into the record.
type MapField = fn(&Line<'_>, &mut Mapping);

/// The ASP worksheet's fields and their mapping: one function a field, looked up by tag.
fn field_mapping(tag: &str) -> Option<MapField> {
    let map: MapField = match tag {
        "920" => worksheet,
        "101" => language,
        "200" => title,
        "210" => imprint,
        "300" => note,
        "331" => annotation,
        "510" => parallel_title,
        "963" => host_copy,
        "600" => person_subject,
        "606" => topical_subject,
        "607" => geographic_subject,
        "610" => keyword,
        "621" => bbk,
        "964" => grnti,
        "675" => udc,
        "686" => class_number,
        "700" => |l, m| m.lists.persons.extend(person(l, Role::Primary)),
        "701" => |l, m| m.lists.persons.extend(person(l, Role::Coauthor)),
        "702" => |l, m| m.lists.persons.extend(person(l, Role::Secondary)),
        "710" | "711" => |l, m| {
            m.record
                .add_to_supplement(|s| &mut s.corporate, l.sub('a').map(shared_isbd));
        },
        "907" => work_log,
        "463" => source,
        _ => return None,
    };
    Some(map)
}

fn to_record(lines: &[Line<'_>], origin: Origin) -> Record {
    let id = record_id(lines);
    let has_id = id.is_some();
    let id = id.unwrap_or_else(|| origin.stand_in_id());
    let mut record = Record::new(id, Dialect::Rusmarc, origin);
    if !has_id {
        record.problem(
            ProblemKind::NoId,
            "record has no id (903); file and position stand in for it",
        );
    }
    let mut m = Mapping {
        record,
        lists: Lists::default(),
        date_texts: Vec::new(),
        year_text: None,
    };
    for l in lines {
        if let Some(map) = field_mapping(l.tag) {
            map(l, &mut m);
        }
    }
    let Mapping {
        mut record,
        lists,
        mut date_texts,
        year_text,
    } = m;
    lists.finish(&mut record);
    date_texts.extend(year_text.map(|(t, line)| (t, line, 1)));
    let texts: Vec<(&str, u32, u32)> = date_texts
        .iter()
        .map(|(t, l, c)| (t.as_str(), *l, *c))
        .collect();
    apply_date_text(&mut record, &texts);
    finish(&mut record);
    record
}

/// 920: the worksheet; articles are catalogued on ASP.
fn worksheet(l: &Line<'_>, m: &mut Mapping) {
    let sheet = l.plain();
    if !sheet.eq_ignore_ascii_case("ASP") {
        m.record.problem_at(
            l.number,
            1,
            ProblemKind::NotAnArticle,
            format!("not an article: worksheet (920) is \"{sheet}\", articles are \"ASP\""),
        );
    }
}

/// 101: a language of the text, as a plain value.
fn language(l: &Line<'_>, m: &mut Mapping) {
    let code = l.plain().to_string();
    add_language(&mut m.record, &code, l.number, 7);
}

/// 200: title, other title information, statements of responsibility (the first 200 only).
fn title(l: &Line<'_>, m: &mut Mapping) {
    let record = &mut m.record;
    if !record.title.is_empty() {
        return;
    }
    record.title = l.sub('a').map(trim_isbd).unwrap_or_default().into();
    record.set_material(l.sub('b').and_then(material));
    record.add_to_supplement(|s| &mut s.other_title, l.sub('e').map(owned_isbd));
    record
        .responsibility
        .extend(l.sub('f').into_iter().chain(l.sub('g')).map(owned_isbd));
}

/// 210 `^D`: the year of publication, when 463 gives none.
fn imprint(l: &Line<'_>, m: &mut Mapping) {
    if let Some(y) = l.sub('d').and_then(dates::find_year) {
        m.record.published.year = m.record.published.year.or(Some(y));
    }
}

fn note(l: &Line<'_>, m: &mut Mapping) {
    m.record.supplement_mut().notes.push(shared_isbd(l.plain()));
}

/// 331: the annotation.
fn annotation(l: &Line<'_>, m: &mut Mapping) {
    add_annotation(&mut m.record, l.plain());
}

/// 510 `^D`: a parallel title.
fn parallel_title(l: &Line<'_>, m: &mut Mapping) {
    m.record
        .add_to_supplement(|s| &mut s.parallel_titles, l.sub('d').map(owned_isbd));
}

/// 963: the host as the ASP worksheet copies it; `^I` its ISBN or ISSN.
fn host_copy(l: &Line<'_>, m: &mut Mapping) {
    if let Some(issn) = l.sub('i').filter(|i| is_issn(i)) {
        let host = Arc::make_mut(m.record.host.get_or_insert_with(Default::default));
        host.issn = host.issn.take().or(Some(issn.to_string()));
    }
}

/// `0134-4536`, `ISSN 1563-3802`: four digits, a hyphen, three digits and a check character.
fn is_issn(text: &str) -> bool {
    let t = text.trim().trim_start_matches("ISSN").trim();
    let b = t.as_bytes();
    b.len() == 9
        && b[4] == b'-'
        && b[..4].iter().chain(&b[5..8]).all(u8::is_ascii_digit)
        && (b[8].is_ascii_digit() || b[8] == b'X' || b[8] == b'x')
}

/// 600: a person the article is about, both a subject and a name for the index.
fn person_subject(l: &Line<'_>, m: &mut Mapping) {
    if let Some(p) = person(l, Role::Subject) {
        m.lists.subjects.push(Subject {
            heading: p.inverted().into(),
            subdivisions: List::new(),
            kind: SubjectKind::Person,
        });
        m.lists.persons.push(p);
    }
}

fn topical_subject(l: &Line<'_>, m: &mut Mapping) {
    if let Some(a) = l.sub('a') {
        let subdivisions = ['b', 'g', 'h']
            .iter()
            .filter_map(|&c| l.sub(c))
            .map(shared_isbd)
            .collect();
        m.lists.subjects.push(Subject {
            heading: shared_isbd(a),
            subdivisions,
            kind: SubjectKind::Topical,
        });
    }
}

fn geographic_subject(l: &Line<'_>, m: &mut Mapping) {
    if let Some(a) = l.sub('a').or(Some(l.plain()).filter(|p| !p.is_empty())) {
        m.lists.subjects.push(Subject {
            heading: shared_isbd(a),
            subdivisions: List::new(),
            kind: SubjectKind::Geographic,
        });
    }
}

fn keyword(l: &Line<'_>, m: &mut Mapping) {
    m.lists.keywords.push(shared_isbd(l.plain()));
}

fn bbk(l: &Line<'_>, m: &mut Mapping) {
    national_class(l, m, "bbk");
}

fn grnti(l: &Line<'_>, m: &mut Mapping) {
    national_class(l, m, "rugasnti");
}

fn udc(l: &Line<'_>, m: &mut Mapping) {
    national_class(l, m, "udc");
}

/// 621 (BBK), 964 (GRNTI), 675 (UDC): the code as a plain value or in `^A`; empty ones
/// are skipped.
fn national_class(l: &Line<'_>, m: &mut Mapping, scheme: &str) {
    let code = l.sub('a').unwrap_or(l.plain());
    if !code.is_empty() {
        m.lists.classes.push(ClassNumber {
            scheme: scheme.into(),
            code: code.into(),
        });
    }
}

fn class_number(l: &Line<'_>, m: &mut Mapping) {
    if let Some(a) = l.sub('a') {
        m.lists.classes.push(ClassNumber {
            scheme: l.sub('2').unwrap_or("").into(),
            code: a.into(),
        });
    }
}

/// 907 `^A`: the earliest date in the work log is the cataloguing date.
fn work_log(l: &Line<'_>, m: &mut Mapping) {
    if let Some(d) = l
        .sub('a')
        .and_then(|a| NaiveDate::parse_from_str(a.get(..8)?, "%Y%m%d").ok())
    {
        m.record.catalogued = Some(m.record.catalogued.map_or(d, |c| c.min(d)));
    }
}

/// 463: the source (host periodical and the article's place in it).
fn source(l: &Line<'_>, m: &mut Mapping) {
    let record = &mut m.record;
    let mut host = record
        .host
        .take()
        .map(Arc::unwrap_or_clone)
        .unwrap_or_default();
    if host.title.is_empty() {
        host.title = l.sub('c').map(trim_isbd).unwrap_or_default().into();
    }
    host.abbreviated = host.abbreviated.or(l.sub('7').map(owned_isbd));
    host.city = host.city.or(l.sub('d').map(owned_isbd));
    host.link = host.link.or(l.sub('w').map(str::to_string));
    record.host = Some(host.into());
    if let Some(j) = l.sub('j') {
        record.published.year = dates::find_year(j).or(record.published.year);
        // Some catalogues write the whole date here (`17.01.2012`).
        m.year_text = Some((j.to_string(), l.number));
    }
    if let Some(h) = l.sub('h') {
        record.issue = record
            .issue
            .take()
            .or_else(|| shared(dates::find_issue_number(h)));
        m.date_texts.push((h.to_string(), l.number, 1));
    }
    if let Some(v) = l.sub('v') {
        // ^V holds the volume, or the issue date in newspapers (`25 дек.`).
        match dates::find_day_month(v) {
            Ok(None) => {
                let volume = dates::find_volume(v).unwrap_or_else(|| v.to_string());
                record.volume = Some(volume.into());
            }
            _ => m.date_texts.push((v.to_string(), l.number, 1)),
        }
    }
    if let Some(a) = l.sub('a') {
        m.date_texts.push((a.to_string(), l.number, 1));
    }
    record.pages = record
        .pages
        .take()
        .or_else(|| shared(l.sub('s').and_then(dates::normalise_pages)));
}

impl<R: BufRead> ReadRecords for IrbisReader<R> {
    fn next_record(&mut self) -> Result<Option<Record>, FeedError> {
        IrbisReader::next_record(self)
    }
}
