//! MARCXML reader, streaming on quick-xml events (no DOM, constant memory per record).
//!
//! Accepts the MARC 21 slim namespace with or without a prefix (`marc:record`), a bare
//! `record` root, and either tag set inside. Character references and the five predefined
//! entities are resolved here; any other entity reference is an error, and a DOCTYPE that
//! declares entities is refused: nothing is ever expanded or fetched. Line and column are
//! tracked on the bytes quick-xml consumes, so errors and problems point into the file.
//! A record's texts are gathered in one buffer (kept from record to record) and borrowed
//! by the [`RawRecord`] it is mapped from, whose field and subfield lists are kept too: no
//! allocation per field or subfield.
//!
//! A record that is not well-formed (a mismatched end tag, an undefined entity, a broken
//! attribute, the file ending inside it) is a damaged record: what was read of it comes
//! with the damage and its line and column, and reading goes on after its `</record>` (or
//! at the next `<record>`). Errors outside a record, a DOCTYPE with entities and a field
//! over the size limit refuse the file.

use std::borrow::Cow;
use std::io::BufRead;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::marc::{self, RawField, RawRecord, RawVectors, Subfield};
use super::{FeedError, FeedErrorKind, Lines, Position, ReadOptions, ReadRecords};
use crate::model::{Dialect, Format, Origin, Record};

/// Longest text a single field may hold before the file is refused (a hostile feed).
const MAX_TEXT: usize = 1 << 20;

/// Streams the records of one MARCXML file.
pub struct MarcXmlReader<R: BufRead> {
    xml: Reader<Lines<R>>,
    file: Arc<Path>,
    options: ReadOptions,
    buf: Vec<u8>,
    position: usize,
    /// The elements open at the reading position (checked here, so that reading can go on
    /// after a record that is not well-formed).
    nesting: Nesting,
    /// A record that opened while the reader skipped the rest of a damaged one.
    pending: Option<Open>,
    /// The buffers of the last record read, for the next.
    spare: Open,
}

/// Open elements, innermost last: their names one after another, and where each starts.
#[derive(Default)]
struct Nesting {
    names: Vec<u8>,
    starts: Vec<usize>,
}

impl Nesting {
    fn open(&mut self, name: &[u8]) {
        self.starts.push(self.names.len());
        self.names.extend_from_slice(name);
    }

    fn name(&self, i: usize) -> &[u8] {
        let end = self.starts.get(i + 1).copied().unwrap_or(self.names.len());
        &self.names[self.starts[i]..end]
    }

    /// Closes `name`. When it is not the innermost open element, the error names what was
    /// expected, and the nesting recovers: an open `name` closes with everything inside it;
    /// an end tag of no open element changes nothing.
    fn close(&mut self, name: &[u8]) -> Result<(), String> {
        let found = || String::from_utf8_lossy(name);
        let Some(last) = self.starts.len().checked_sub(1) else {
            let found = found();
            return Err(format!("</{found}> closes no open element"));
        };
        if self.name(last) == name {
            self.names.truncate(self.starts[last]);
            self.starts.pop();
            return Ok(());
        }
        let expected = format!(
            "expected </{}>, found </{}>",
            String::from_utf8_lossy(self.name(last)),
            found()
        );
        if let Some(i) = (0..last).rev().find(|&i| self.name(i) == name) {
            self.names.truncate(self.starts[i]);
            self.starts.truncate(i);
        }
        Err(expected)
    }
}

/// Why reading stopped: a record that is not well-formed (reading goes on after it) or a
/// file that is refused.
enum Fault {
    Record(FeedError),
    File(FeedError),
}

/// What one event leaves the reader with.
enum Step {
    /// Nothing complete yet: read the next event.
    ReadOn,
    /// A record's `</record>` came: the record (boxed, as the steps between records are
    /// many and small).
    Record(Box<Record>),
    /// The file ended between records.
    End,
}

/// A record being read. Its texts (leader, control field values, subfield values) are
/// gathered one after another in one buffer, each part known by its range; the
/// [`RawRecord`] borrows them when the record is mapped. Its buffers serve record after
/// record ([`Open::start`] empties them).
#[derive(Default)]
struct Open {
    line: u32,
    column: u32,
    offset: u64,
    /// The texts read, one after another.
    text: String,
    /// The field tags, one after another.
    tags: String,
    /// The leader's text, once `</leader>` came.
    leader: Option<Range<usize>>,
    fields: Vec<FieldSpan>,
    /// The subfields of every field, in order (each field's in one run).
    subfields: Vec<SubfieldSpan>,
    /// Where the text being collected starts in `text`: the leader's, a control field's or
    /// a subfield's; `None` when text goes nowhere.
    collecting: Option<usize>,
    /// The field and subfield lists of the [`RawRecord`] the record is mapped from.
    vectors: RawVectors,
}

/// A field of the record being read: its tag in `Open::tags`, its value (control fields)
/// in `Open::text`, its run of `Open::subfields`.
struct FieldSpan {
    tag: Range<usize>,
    indicators: [char; 2],
    value: Option<Range<usize>>,
    subfields: Range<usize>,
    line: u32,
    column: u32,
}

/// A subfield of the record being read: its code and its value in `Open::text`.
struct SubfieldSpan {
    code: char,
    value: Range<usize>,
}

impl Open {
    /// Starts a record at a position, in the buffers of an earlier one (emptied).
    fn start(mut self, line: u32, column: u32, offset: u64) -> Open {
        self.line = line;
        self.column = column;
        self.offset = offset;
        self.text.clear();
        self.tags.clear();
        self.leader = None;
        self.fields.clear();
        self.subfields.clear();
        self.collecting = None;
        self
    }

    /// Text from here on goes to a new part.
    fn collect(&mut self) {
        self.collecting = Some(self.text.len());
    }

    /// The part collected since [`Open::collect`] (empty when none was), and text goes
    /// nowhere until the next.
    fn collected(&mut self) -> Range<usize> {
        let end = self.text.len();
        self.collecting.take().map_or(end..end, |start| start..end)
    }

    /// The record read, mapped from a [`RawRecord`] that borrows its texts.
    fn map(&mut self, dialect: Option<Dialect>, origin: Origin) -> Record {
        let text = |r: &Range<usize>| Cow::Borrowed(&self.text[r.clone()]);
        let vectors = &mut self.vectors;
        let mut fields = vectors.fields();
        fields.extend(self.fields.iter().map(|f| {
            let mut subfields = vectors.subfields();
            subfields.extend(
                self.subfields[f.subfields.clone()]
                    .iter()
                    .map(|s| Subfield {
                        code: s.code,
                        value: text(&s.value),
                    }),
            );
            RawField {
                tag: Cow::Borrowed(&self.tags[f.tag.clone()]),
                indicators: f.indicators,
                value: f.value.as_ref().map(text),
                subfields,
                line: f.line,
                column: f.column,
            }
        }));
        let raw = RawRecord {
            leader: self
                .leader
                .as_ref()
                .map(|r| self.text[r.clone()].to_string())
                .unwrap_or_default(),
            fields,
        };
        let record = marc::to_record(&raw, dialect, origin);
        vectors.keep(raw);
        record
    }
}

impl<R: BufRead> MarcXmlReader<R> {
    /// A reader of `input`, named `file` in positions; `options` may force the tag set.
    pub fn new(input: R, file: Arc<Path>, options: ReadOptions) -> Self {
        let mut xml = Reader::from_reader(Lines::new(input));
        let config = xml.config_mut();
        config.expand_empty_elements = true;
        // End tags are checked by `Nesting`, which can recover from a mismatch.
        config.check_end_names = false;
        MarcXmlReader {
            xml,
            file,
            options,
            buf: Vec::new(),
            position: 0,
            nesting: Nesting::default(),
            pending: None,
            spare: Open::default(),
        }
    }

    fn error(&self, kind: FeedErrorKind, offset: u64, message: impl Into<String>) -> FeedError {
        let (line, column) = self.xml.get_ref().line_column(offset);
        FeedError::at(kind, &self.file, line, column, message)
    }

    /// The values of the attributes `names` (local names), in one pass over the tag.
    fn attrs<'e, const N: usize>(
        &self,
        e: &'e BytesStart<'_>,
        names: [&str; N],
    ) -> Result<[Option<std::borrow::Cow<'e, str>>; N], FeedError> {
        let mut found: [Option<std::borrow::Cow<'e, str>>; N] = std::array::from_fn(|_| None);
        for a in e.attributes() {
            let a = a.map_err(|err| {
                self.error(
                    FeedErrorKind::Malformed,
                    self.xml.buffer_position(),
                    format!("malformed attribute: {err}"),
                )
            })?;
            let key = a.key.local_name();
            if let Some(i) = names.iter().position(|n| *n == key.as_ref()) {
                let v = a
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map_err(|err| {
                        self.error(
                            FeedErrorKind::Malformed,
                            self.xml.buffer_position(),
                            format!("bad attribute value: {err}"),
                        )
                    })?;
                found[i] = Some(v);
            }
        }
        Ok(found)
    }

    fn next_record(&mut self) -> Result<Option<Record>, FeedError> {
        let mut open: Option<Open> = self.pending.take();
        // The events borrow this buffer, not `self`, so `self` stays usable while they live.
        let mut buf = std::mem::take(&mut self.buf);
        let next = loop {
            buf.clear();
            // Whitespace between tags comes as its own Text event, so a tag starts here.
            let start = self.xml.buffer_position();
            let fault = match self.read_event(&mut buf, start) {
                Ok(event) => match self.on_event(event, start, &mut open) {
                    Ok(Step::Record(record)) => break Ok(Some(*record)),
                    Ok(Step::End) => break Ok(None),
                    Ok(Step::ReadOn) => continue,
                    Err(fault) => fault,
                },
                Err(error) => Fault::Record(error),
            };
            break match (fault, open.take()) {
                (Fault::Record(error), Some(mut o)) => {
                    let record = self.skip_damaged(&mut o, &error, &mut buf).map(Some);
                    // Its buffers serve the next record.
                    self.spare = o;
                    record
                }
                (Fault::Record(error) | Fault::File(error), _) => Err(error),
            };
        };
        self.buf = buf;
        next
    }

    /// The next event, with its end tag checked against the open elements.
    fn read_event<'b>(&mut self, buf: &'b mut Vec<u8>, start: u64) -> Result<Event<'b>, FeedError> {
        let event = self.xml.read_event_into(buf).map_err(|err| {
            let at = self.xml.error_position();
            self.error(
                FeedErrorKind::Malformed,
                at,
                format!("malformed XML: {err}"),
            )
        })?;
        match &event {
            Event::Start(e) => self.nesting.open(e.name().as_ref().as_bytes()),
            Event::End(e) => {
                if let Err(m) = self.nesting.close(e.name().as_ref().as_bytes()) {
                    return Err(self.error(
                        FeedErrorKind::Malformed,
                        start,
                        format!("malformed XML: {m}"),
                    ));
                }
            }
            _ => {}
        }
        Ok(event)
    }

    /// A record that is not well-formed: what was read of it, marked damaged at `error`;
    /// the reader skips to its end (or to the next record's start).
    fn skip_damaged(
        &mut self,
        o: &mut Open,
        error: &FeedError,
        buf: &mut Vec<u8>,
    ) -> Result<Record, FeedError> {
        let position = self.position;
        loop {
            buf.clear();
            let before = self.xml.buffer_position();
            match self.read_event(buf, before) {
                Ok(Event::Start(e)) if e.local_name().as_ref() == "record" => {
                    self.position += 1;
                    let (line, column) = self.xml.get_ref().line_column(before);
                    let buffers = std::mem::take(&mut self.spare);
                    self.pending = Some(buffers.start(line, column, before));
                    break;
                }
                Ok(event) if closes_record(&event) => break,
                // A parser that cannot move on cannot find the next record.
                Err(e) if self.xml.buffer_position() == before => return Err(e),
                Ok(_) | Err(_) => {}
            }
        }
        let end = match &self.pending {
            Some(next) => next.offset,
            None => self.xml.buffer_position(),
        };
        let origin = Origin {
            file: self.file.clone(),
            position: Origin::count(position),
            line: o.line,
            column: o.column,
            offset: o.offset,
            length: Origin::count(end - o.offset),
            format: Format::MarcXml,
        };
        let (line, column) = match error.position {
            Position::LineColumn { line, column } => (line, column),
            _ => (o.line, o.column),
        };
        let at = format!("line {line}, column {column}");
        let damage = super::damage(line, column, &at, &error.message);
        let mut record = o.map(self.options.dialect, origin);
        super::mark_damaged(&mut record, vec![damage]);
        Ok(record)
    }

    /// Handles one event: a record when it is complete, the end when the file ends.
    fn on_event(
        &mut self,
        event: Event<'_>,
        start: u64,
        open: &mut Option<Open>,
    ) -> Result<Step, Fault> {
        match event {
            Event::Start(e) => self.on_start(&e, start, open).map_err(Fault::Record)?,
            Event::Text(t) => {
                if let Some(o) = open.as_mut()
                    && let Some(from) = o.collecting
                {
                    o.text.push_str(&t.xml10_content());
                    if o.text.len() - from > MAX_TEXT {
                        return Err(Fault::File(self.error(
                            FeedErrorKind::TooLarge,
                            start,
                            format!("a field is longer than {MAX_TEXT} bytes; refusing the file"),
                        )));
                    }
                }
            }
            Event::CData(t) => {
                if let Some(o) = open.as_mut().filter(|o| o.collecting.is_some()) {
                    o.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let resolved = self.resolve(&r, start).map_err(Fault::Record)?;
                if let Some(o) = open.as_mut().filter(|o| o.collecting.is_some()) {
                    o.text.push(resolved);
                }
            }
            Event::DocType(d) if d.as_ref().contains("ENTITY") => {
                return Err(Fault::File(self.error(
                    FeedErrorKind::Entities, start,
                    "the DOCTYPE declares entities; bulletin never expands entities: remove the DOCTYPE",
                )));
            }
            Event::End(e) => {
                let local = e.local_name();
                if let Some(record) = self.on_end(local.as_ref(), open) {
                    return Ok(Step::Record(Box::new(record)));
                }
            }
            Event::Eof => {
                if open.is_some() {
                    return Err(Fault::Record(self.error(
                        FeedErrorKind::Malformed,
                        self.xml.buffer_position(),
                        "file ends inside a <record>",
                    )));
                }
                return Ok(Step::End);
            }
            _ => {}
        }
        Ok(Step::ReadOn)
    }

    /// An opening tag: a record, its leader, a field or a subfield starts.
    fn on_start(
        &mut self,
        e: &BytesStart<'_>,
        start: u64,
        open: &mut Option<Open>,
    ) -> Result<(), FeedError> {
        let local = e.local_name();
        let name: &str = local.as_ref();
        match name {
            "record" => {
                self.position += 1;
                let (line, column) = self.xml.get_ref().line_column(start);
                // A record left open (damaged) gives its buffers back first.
                if let Some(o) = open.take() {
                    self.spare = o;
                }
                let buffers = std::mem::take(&mut self.spare);
                *open = Some(buffers.start(line, column, start));
            }
            "leader" => {
                if let Some(o) = open.as_mut() {
                    o.collect();
                }
            }
            "controlfield" | "datafield" => {
                if let Some(o) = open.as_mut() {
                    // Fields keep their position; subfields need none.
                    let (line, column) = self.xml.get_ref().line_column(start);
                    let [tag, ind1, ind2] = self.attrs(e, ["tag", "ind1", "ind2"])?;
                    let tag = tag.unwrap_or_default();
                    let ind = |v: Option<std::borrow::Cow<str>>| {
                        v.and_then(|s| s.chars().next()).unwrap_or(' ')
                    };
                    let indicators = [ind(ind1), ind(ind2)];
                    let control = name == "controlfield";
                    let from = o.tags.len();
                    o.tags.push_str(tag.trim());
                    let (end, subfields) = (o.text.len(), o.subfields.len());
                    o.fields.push(FieldSpan {
                        tag: from..o.tags.len(),
                        indicators,
                        value: control.then_some(end..end),
                        subfields: subfields..subfields,
                        line,
                        column,
                    });
                    if control {
                        o.collect();
                    }
                }
            }
            "subfield" => {
                if let Some(o) = open.as_mut() {
                    let [code] = self.attrs(e, ["code"])?;
                    let code = code.and_then(|c| c.chars().next()).unwrap_or(' ');
                    if let Some(field) = o.fields.last_mut() {
                        // A field's subfields are the last ones: its run grows by one.
                        let end = o.text.len();
                        o.subfields.push(SubfieldSpan {
                            code,
                            value: end..end,
                        });
                        field.subfields.end = o.subfields.len();
                        o.collect();
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// A character reference or one of the five predefined entities; any other entity is
    /// an error (entities are never expanded).
    fn resolve(&self, r: &quick_xml::events::BytesRef<'_>, start: u64) -> Result<char, FeedError> {
        match r.resolve_char_ref() {
            Ok(Some(c)) => Ok(c),
            Ok(None) => match r.as_ref() {
                "lt" => Ok('<'),
                "gt" => Ok('>'),
                "amp" => Ok('&'),
                "apos" => Ok('\''),
                "quot" => Ok('"'),
                other => Err(self.error(
                    FeedErrorKind::Malformed,
                    start,
                    format!("undefined entity &{other}; (entities are never expanded)"),
                )),
            },
            Err(err) => Err(self.error(
                FeedErrorKind::Malformed,
                start,
                format!("bad character reference: {err}"),
            )),
        }
    }

    /// A closing tag: the text collected goes to its place; a closed record is mapped.
    fn on_end(&mut self, name: &str, open: &mut Option<Open>) -> Option<Record> {
        let o = open.as_mut()?;
        match name {
            "leader" => o.leader = Some(o.collected()),
            "controlfield" => {
                let text = o.collected();
                if let Some(f) = o.fields.last_mut() {
                    f.value = Some(text);
                }
            }
            "subfield" => {
                let text = o.collected();
                let run = o.fields.last().map_or(0..0, |f| f.subfields.clone());
                if let Some(s) = o.subfields[run].last_mut() {
                    s.value = text;
                }
            }
            "record" => {
                let o = open.take()?;
                let end = self.xml.buffer_position();
                let origin = Origin {
                    file: self.file.clone(),
                    position: Origin::count(self.position),
                    line: o.line,
                    column: o.column,
                    offset: o.offset,
                    length: Origin::count(end - o.offset),
                    format: Format::MarcXml,
                };
                let mut o = o;
                let record = o.map(self.options.dialect, origin);
                self.spare = o;
                return Some(record);
            }
            _ => {}
        }
        None
    }
}

/// Whether a damaged record's skipping stops at `event`: its `</record>`, or the end of
/// the file.
fn closes_record(event: &Event<'_>) -> bool {
    match event {
        Event::End(e) => e.local_name().as_ref() == "record",
        Event::Eof => true,
        _ => false,
    }
}

impl<R: BufRead> ReadRecords for MarcXmlReader<R> {
    fn next_record(&mut self) -> Result<Option<Record>, FeedError> {
        MarcXmlReader::next_record(self)
    }
}
