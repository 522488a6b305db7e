//! MARCXML reader, streaming on quick-xml events (no DOM, constant memory per record).
//!
//! Accepts the MARC 21 slim namespace with or without a prefix (`marc:record`), a bare
//! `record` root, and either tag set inside. Character references and the five predefined
//! entities are resolved here; any other entity reference is an error, and a DOCTYPE that
//! declares entities is refused: nothing is ever expanded or fetched. Line and column are
//! tracked on the bytes quick-xml consumes, so errors and problems point into the file.
//!
//! A record that is not well-formed (a mismatched end tag, an undefined entity, a broken
//! attribute, the file ending inside it) is a damaged record: what was read of it comes
//! with the damage and its line and column, and reading goes on after its `</record>` (or
//! at the next `<record>`). Errors outside a record, a DOCTYPE with entities and a field
//! over the size limit refuse the file.

use std::io::BufRead;
use std::path::Path;
use std::sync::Arc;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::marc::{self, RawField, RawRecord, Subfield};
use super::{FeedError, FeedErrorKind, Lines, Position, ReadOptions, ReadRecords};
use crate::model::{Format, Origin, Record};

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
        let found = String::from_utf8_lossy(name);
        let Some(last) = self.starts.len().checked_sub(1) else {
            return Err(format!("</{found}> closes no open element"));
        };
        if self.name(last) == name {
            self.names.truncate(self.starts[last]);
            self.starts.pop();
            return Ok(());
        }
        let expected = format!(
            "expected </{}>, found </{found}>",
            String::from_utf8_lossy(self.name(last))
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

#[derive(Default)]
struct Open {
    raw: RawRecord<'static>,
    line: u32,
    column: u32,
    offset: u64,
    /// Where text goes: the leader, a control field, or a subfield.
    text: Option<String>,
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
                (Fault::Record(error), Some(o)) => {
                    self.skip_damaged(&o, &error, &mut buf).map(Some)
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
        o: &Open,
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
                    self.pending = Some(Open {
                        line,
                        column,
                        offset: before,
                        ..Open::default()
                    });
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
        let mut record = marc::to_record(&o.raw, self.options.dialect, origin);
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
                if let Some(text) = open.as_mut().and_then(|o| o.text.as_mut()) {
                    text.push_str(&t.xml10_content());
                    if text.len() > MAX_TEXT {
                        return Err(Fault::File(self.error(
                            FeedErrorKind::TooLarge,
                            start,
                            format!("a field is longer than {MAX_TEXT} bytes; refusing the file"),
                        )));
                    }
                }
            }
            Event::CData(t) => {
                if let Some(text) = open.as_mut().and_then(|o| o.text.as_mut()) {
                    text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let resolved = self.resolve(&r, start).map_err(Fault::Record)?;
                if let Some(text) = open.as_mut().and_then(|o| o.text.as_mut()) {
                    text.push(resolved);
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
                *open = Some(Open {
                    line,
                    column,
                    offset: start,
                    ..Open::default()
                });
            }
            "leader" => {
                if let Some(o) = open.as_mut() {
                    o.text = Some(String::new());
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
                    o.raw.fields.push(RawField {
                        tag: tag.trim().to_string().into(),
                        indicators,
                        value: control.then(Default::default),
                        subfields: Vec::new(),
                        line,
                        column,
                    });
                    if control {
                        o.text = Some(String::new());
                    }
                }
            }
            "subfield" => {
                if let Some(o) = open.as_mut() {
                    let [code] = self.attrs(e, ["code"])?;
                    let code = code.and_then(|c| c.chars().next()).unwrap_or(' ');
                    if let Some(field) = o.raw.fields.last_mut() {
                        field.subfields.push(Subfield {
                            code,
                            value: std::borrow::Cow::default(),
                        });
                        o.text = Some(String::new());
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
            "leader" => o.raw.leader = o.text.take().unwrap_or_default(),
            "controlfield" => {
                let text = o.text.take().unwrap_or_default();
                if let Some(f) = o.raw.fields.last_mut() {
                    f.value = Some(text.into());
                }
            }
            "subfield" => {
                let text = o.text.take().unwrap_or_default();
                if let Some(s) = o.raw.fields.last_mut().and_then(|f| f.subfields.last_mut()) {
                    s.value = text.into();
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
                return Some(marc::to_record(&o.raw, self.options.dialect, origin));
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
