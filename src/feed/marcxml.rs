//! MARCXML reader, streaming on quick-xml events (no DOM, constant memory per record).
//!
//! Accepts the MARC 21 slim namespace with or without a prefix (`marc:record`), a bare
//! `record` root, and either tag set inside. Character references and the five predefined
//! entities are resolved here; any other entity reference is an error, and a DOCTYPE that
//! declares entities is refused: nothing is ever expanded or fetched. Line and column are
//! tracked on the bytes quick-xml consumes, so errors and problems point into the file.

use std::io::BufRead;
use std::path::Path;
use std::sync::Arc;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::marc::{self, RawField, RawRecord, Subfield};
use super::{FeedError, Lines, ReadOptions, ReadRecords};
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
}

#[derive(Default)]
struct Open {
    raw: RawRecord,
    line: u32,
    column: u32,
    offset: u64,
    /// Where text goes: the leader, a control field, or a subfield.
    text: Option<String>,
}

impl<R: BufRead> MarcXmlReader<R> {
    pub fn new(input: R, file: Arc<Path>, options: ReadOptions) -> Self {
        let mut xml = Reader::from_reader(Lines::new(input));
        let config = xml.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = true;
        MarcXmlReader {
            xml,
            file,
            options,
            buf: Vec::new(),
            position: 0,
        }
    }

    fn error(&self, offset: u64, message: impl Into<String>) -> FeedError {
        let (line, column) = self.xml.get_ref().line_column(offset);
        FeedError::at(&self.file, line, column, message)
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
        let mut open: Option<Open> = None;
        // The events borrow this buffer, not `self`, so `self` stays usable while they live.
        let mut buf = std::mem::take(&mut self.buf);
        let next = loop {
            buf.clear();
            // Whitespace between tags comes as its own Text event, so a tag starts here.
            let start = self.xml.buffer_position();
            let event = match self.xml.read_event_into(&mut buf) {
                Ok(e) => e,
                Err(err) => {
                    let at = self.xml.error_position();
                    break Err(self.error(at, format!("malformed XML: {err}")));
                }
            };
            match self.on_event(event, start, &mut open) {
                Ok(Some(step)) => break Ok(step),
                Ok(None) => {}
                Err(e) => break Err(e),
            }
        };
        self.buf = buf;
        next
    }

    /// Handles one event: `Some` when a record is complete (or the file ends), `None` to
    /// read on.
    fn on_event(
        &mut self,
        event: Event<'_>,
        start: u64,
        open: &mut Option<Open>,
    ) -> Result<Option<Option<Record>>, FeedError> {
        match event {
            Event::Start(e) => self.on_start(&e, start, open)?,
            Event::Text(t) => {
                if let Some(text) = open.as_mut().and_then(|o| o.text.as_mut()) {
                    text.push_str(&t.xml10_content());
                    if text.len() > MAX_TEXT {
                        return Err(self.error(
                            start,
                            format!("a field is longer than {MAX_TEXT} bytes; refusing the file"),
                        ));
                    }
                }
            }
            Event::CData(t) => {
                if let Some(text) = open.as_mut().and_then(|o| o.text.as_mut()) {
                    text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let resolved = self.resolve(&r, start)?;
                if let Some(text) = open.as_mut().and_then(|o| o.text.as_mut()) {
                    text.push(resolved);
                }
            }
            Event::DocType(d) if d.as_ref().contains("ENTITY") => {
                return Err(self.error(
                    start,
                    "the DOCTYPE declares entities; bulletin never expands entities: remove the DOCTYPE",
                ));
            }
            Event::End(e) => {
                let local = e.local_name();
                if let Some(record) = self.on_end(local.as_ref(), open) {
                    return Ok(Some(Some(record)));
                }
            }
            Event::Eof => {
                if open.is_some() {
                    return Err(
                        self.error(self.xml.buffer_position(), "file ends inside a <record>")
                    );
                }
                return Ok(Some(None));
            }
            _ => {}
        }
        Ok(None)
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
                        tag: tag.trim().to_string(),
                        indicators,
                        value: control.then(String::new),
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
                            value: String::new(),
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
                    start,
                    format!("undefined entity &{other}; (entities are never expanded)"),
                )),
            },
            Err(err) => Err(self.error(start, format!("bad character reference: {err}"))),
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
                    f.value = Some(text);
                }
            }
            "subfield" => {
                let text = o.text.take().unwrap_or_default();
                if let Some(s) = o.raw.fields.last_mut().and_then(|f| f.subfields.last_mut()) {
                    s.value = text;
                }
            }
            "record" => {
                let o = open.take()?;
                let end = self.xml.buffer_position();
                let origin = Origin {
                    file: self.file.clone(),
                    position: self.position,
                    line: o.line,
                    column: o.column,
                    offset: o.offset,
                    length: end - o.offset,
                    format: Format::MarcXml,
                };
                return Some(marc::to_record(&o.raw, self.options.dialect, origin));
            }
            _ => {}
        }
        None
    }
}

impl<R: BufRead> ReadRecords for MarcXmlReader<R> {
    fn next_record(&mut self) -> Result<Option<Record>, FeedError> {
        MarcXmlReader::next_record(self)
    }
}
