//! ISO 2709 reader (`.iso`, `.mrc`): the binary exchange format, in UTF-8 or CP1251.
//!
//! A record is a 24-byte leader, a directory of 12-byte entries (tag, length, start), then
//! the fields, each ending in 0x1E, subfields opened by 0x1F, the record ending in 0x1D.
//! Records are read one at a time up to their terminator, never more than the format's
//! 99,999-byte maximum (into one buffer kept from record to record, as are the field and
//! subfield lists it is split into), so a broken file cannot make the reader swallow it whole. A record whose declared length or directory
//! disagrees with its bytes is an error that names the record's position and byte offset. The encoding is forced by an option or detected per
//! record (valid UTF-8, else CP1251, as IRBIS exports both). A record whose leader or
//! directory is broken, or that the file cuts short, is a damaged record (its terminator
//! delimits it, so the next one is read); a wrong forced encoding is the file's error.

use std::borrow::Cow;
use std::io::BufRead;
use std::path::Path;
use std::sync::Arc;

use super::marc::{self, RawField, RawRecord, RawVectors, Subfield};
use super::{
    Chunk, Encoding, FeedError, FeedErrorKind, ReadOptions, ReadRecords, read_until_capped,
};
use crate::model::{Format, Origin, Record};

const RECORD_END: u8 = 0x1D;
const FIELD_END: u8 = 0x1E;
const SUBFIELD: u8 = 0x1F;
const MAX_RECORD: usize = 99_999;

/// Streams the records of one ISO 2709 file.
pub struct IsoReader<R: BufRead> {
    input: R,
    file: Arc<Path>,
    options: ReadOptions,
    offset: u64,
    position: usize,
    /// The bytes of the record being read (one buffer for every record of the file).
    bytes: Vec<u8>,
    /// The field and subfield lists of the record being read (kept for the next).
    vectors: RawVectors,
    /// The record being read decoded from CP1251 (kept for the next).
    decoded: Decoded,
}

impl<R: BufRead> IsoReader<R> {
    /// A reader of `input`, named `file` in positions; `options` may force the encoding
    /// and the tag set.
    pub fn new(input: R, file: Arc<Path>, options: ReadOptions) -> Self {
        IsoReader {
            input,
            file,
            options,
            offset: 0,
            position: 0,
            bytes: Vec::new(),
            vectors: RawVectors::default(),
            decoded: Decoded::default(),
        }
    }

    fn error(&self, kind: FeedErrorKind, offset: u64, message: impl Into<String>) -> FeedError {
        FeedError::byte(kind, &self.file, self.position, offset, message)
    }

    /// Reads the bytes of the next record into `bytes`, up to and including its terminator;
    /// where it starts and whether the terminator came (the file may end first).
    fn next_bytes(&mut self, bytes: &mut Vec<u8>) -> Result<Option<(u64, bool)>, FeedError> {
        // Skip line breaks, spaces and a BOM between records (some exports add them).
        loop {
            let (file, position, offset) = (self.file.clone(), self.position, self.offset);
            let buf = self.input.fill_buf().map_err(|e| {
                FeedError::byte(
                    FeedErrorKind::Io,
                    &file,
                    position,
                    offset,
                    format!("cannot read: {e}"),
                )
            })?;
            if buf.is_empty() {
                return Ok(None);
            }
            let skip = if buf.starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                buf.iter()
                    .take_while(|b| matches!(b, b'\r' | b'\n' | b' ' | b'\t' | 0x1A))
                    .count()
            };
            if skip == 0 {
                break;
            }
            self.input.consume(skip);
            self.offset += skip as u64;
        }
        self.position += 1;
        let start = self.offset;
        let chunk = read_until_capped(
            &mut self.input,
            RECORD_END,
            MAX_RECORD,
            &mut self.offset,
            bytes,
        )
        .map_err(|e| self.error(FeedErrorKind::Io, start, format!("cannot read: {e}")))?;
        match chunk {
            Chunk::Found => Ok(Some((start, true))),
            Chunk::End => Ok(Some((start, false))),
            Chunk::TooLong => Err(self.error(
                FeedErrorKind::TooLarge,
                start,
                format!("no record terminator (0x1D) within {MAX_RECORD} bytes: not ISO 2709, or a broken record"),
            )),
        }
    }

    /// Splits one record's bytes into its leader and fields. A fault is the byte offset
    /// inside the record, the message, and whether it is the file's (a wrong encoding)
    /// rather than this record's.
    fn parse<'b>(
        &self,
        start: u64,
        bytes: &'b [u8],
        decoded: &'b mut Decoded,
        vectors: &mut RawVectors,
    ) -> Result<RawRecord<'b>, (usize, String, bool)> {
        let record = |(at, message)| (at, message, false);
        let layout = Layout::of(bytes).map_err(record)?;
        let text = self
            .text(bytes, decoded)
            .map_err(|(at, message)| (at, message, true))?;
        let directory = &bytes[24..layout.base - 1];
        // The vectors are those of earlier records: exactly sized ones, of a new size each
        // record, would scatter the heap the records are kept in.
        let mut raw = RawRecord {
            leader: leader(&text, bytes),
            fields: vectors.fields(),
        };
        for (i, entry) in directory.chunks(layout.entry()).enumerate() {
            match layout.field(bytes, &text, i, entry, start, vectors) {
                Ok(field) => raw.fields.push(field),
                Err(fault) => {
                    vectors.keep(raw);
                    return Err(record(fault));
                }
            }
        }
        Ok(raw)
    }

    /// The record's text in its encoding (forced, or UTF-8 when it is valid, else CP1251,
    /// decoded into `decoded`).
    fn text<'b>(
        &self,
        bytes: &'b [u8],
        decoded: &'b mut Decoded,
    ) -> Result<Text<'b>, (usize, String)> {
        // UTF-8 is validated once for the whole record, which also detects the encoding;
        // fields are then slices of it (the separators are ASCII, so a field's bounds fall
        // on character boundaries). CP1251 is decoded once for the whole record too.
        match (self.options.encoding, super::utf8(bytes)) {
            (Some(Encoding::Cp1251), _) | (None, Err(_)) => Ok(Text::Cp1251(decoded.of(bytes))),
            (_, Ok(text)) => Ok(Text::Utf8(text)),
            (Some(Encoding::Utf8), Err(e)) => Err((
                e.valid_up_to(),
                "invalid UTF-8 (is the file CP1251? try --encoding cp1251)".into(),
            )),
        }
    }
}

/// The leader as text. A leader is ASCII; a Cyrillic letter written where its Latin
/// look-alike is meant (`а` for `a` in leader/06, as some CP1251 exports do) is read as
/// that letter, and any other byte as U+FFFD, so the positions stay where they are.
fn leader(text: &Text<'_>, bytes: &[u8]) -> String {
    // Most leaders are ASCII, in either encoding: as they stand.
    if let Some(ascii) = bytes.get(..24).filter(|l| l.is_ascii()) {
        return String::from_utf8_lossy(ascii).into_owned();
    }
    let Some(leader) = text.get(0..24).filter(|l| l.chars().count() == 24) else {
        return String::from_utf8_lossy(&bytes[..24]).into_owned();
    };
    leader
        .chars()
        .map(|c| match c {
            'а' => 'a',
            'с' => 'c',
            'е' => 'e',
            'і' => 'i',
            'ј' => 'j',
            'о' => 'o',
            'р' => 'p',
            'ѕ' => 's',
            'х' => 'x',
            'у' => 'y',
            c if c.is_ascii() => c,
            _ => char::REPLACEMENT_CHARACTER,
        })
        .collect()
}

/// A record's bytes as text: validated UTF-8, or decoded from CP1251.
enum Text<'b> {
    Utf8(&'b str),
    Cp1251(&'b Decoded),
}

impl<'b> Text<'b> {
    /// The text of a byte range, borrowed from the record's text; `None` when it does not
    /// fall on character boundaries.
    fn get(&self, range: std::ops::Range<usize>) -> Option<&'b str> {
        match *self {
            Text::Utf8(text) => text.get(range),
            Text::Cp1251(decoded) => decoded.get(range),
        }
    }
}

/// A record decoded from CP1251 at once, and where each of its bytes' characters starts
/// in the text (CP1251 is one byte a character, so every byte range has its text). One
/// serves every record of a file.
#[derive(Debug, Default)]
struct Decoded {
    text: String,
    /// The offset in `text` of each byte's character, then the text's length.
    starts: Vec<usize>,
}

impl Decoded {
    /// Decodes `bytes` (a record), replacing what was there.
    fn of(&mut self, bytes: &[u8]) -> &Decoded {
        self.text.clear();
        let mut decoder = encoding_rs::WINDOWS_1251.new_decoder_without_bom_handling();
        self.text.reserve(
            decoder
                .max_utf8_buffer_length(bytes.len())
                .unwrap_or(bytes.len() * 3),
        );
        // The room reserved is enough for the whole record, so it is decoded in one call.
        let _ = decoder.decode_to_string(bytes, &mut self.text, true);
        self.starts.clear();
        self.starts
            .extend(self.text.char_indices().map(|(at, _)| at));
        self.starts.push(self.text.len());
        self
    }

    /// The text of the byte range `range` of the record.
    fn get(&self, range: std::ops::Range<usize>) -> Option<&str> {
        let (from, to) = (*self.starts.get(range.start)?, *self.starts.get(range.end)?);
        self.text.get(from..to)
    }
}

/// Where a record's parts lie, as its leader declares and its bytes confirm.
struct Layout {
    /// Base address of data: where the fields start.
    base: usize,
    /// Width of a directory entry's field length and start.
    len_width: usize,
    start_width: usize,
}

impl Layout {
    /// Reads and checks the leader against the record's bytes: the declared length, the
    /// base address, the directory's terminator and its whole number of entries. An error
    /// is the byte offset inside the record and the message.
    fn of(bytes: &[u8]) -> Result<Layout, (usize, String)> {
        if bytes.len() < 25 {
            return Err((
                0,
                format!("record of {} bytes is shorter than a leader", bytes.len()),
            ));
        }
        let leader = &bytes[..24];
        let number = |from: usize, to: usize, what: &str| -> Result<usize, (usize, String)> {
            std::str::from_utf8(&leader[from..to])
                .ok()
                .and_then(|s| s.trim().parse::<usize>().ok())
                .ok_or_else(|| {
                    (
                        from,
                        format!("leader/{from:02}-{:02} ({what}) is not a number", to - 1),
                    )
                })
        };
        let declared = number(0, 5, "record length")?;
        if declared != bytes.len() {
            return Err((
                0,
                format!(
                    "mis-sized record: the leader declares {declared} bytes but the record terminator comes after {}",
                    bytes.len()
                ),
            ));
        }
        let base = number(12, 17, "base address of data")?;
        if base < 25 || base > bytes.len() {
            return Err((
                12,
                format!(
                    "base address {base} lies outside the record ({} bytes)",
                    bytes.len()
                ),
            ));
        }
        let width = |at: usize, default: u32| {
            (leader[at] as char)
                .to_digit(10)
                .filter(|&w| w > 0)
                .unwrap_or(default) as usize
        };
        let layout = Layout {
            base,
            len_width: width(20, 4),
            start_width: width(21, 5),
        };
        let directory = &bytes[24..base - 1];
        if bytes[base - 1] != FIELD_END {
            return Err((
                base - 1,
                "the directory does not end with a field terminator (0x1E)".into(),
            ));
        }
        if !directory.len().is_multiple_of(layout.entry()) {
            return Err((
                24,
                format!(
                    "directory of {} bytes is not a whole number of {}-byte entries",
                    directory.len(),
                    layout.entry()
                ),
            ));
        }
        Ok(layout)
    }

    /// Length of one directory entry: tag, field length, field start.
    fn entry(&self) -> usize {
        3 + self.len_width + self.start_width
    }

    /// The field of directory entry `i`, read from the record's text. `start` is the
    /// record's offset in the file (fields keep their file position).
    fn field<'b>(
        &self,
        bytes: &[u8],
        text: &Text<'b>,
        i: usize,
        entry: &'b [u8],
        start: u64,
        vectors: &mut RawVectors,
    ) -> Result<RawField<'b>, (usize, String)> {
        let at = 24 + i * self.entry();
        let tag = String::from_utf8_lossy(&entry[..3]);
        let digits = |b: &[u8]| {
            std::str::from_utf8(b)
                .ok()
                .and_then(|s| s.parse::<usize>().ok())
        };
        let (Some(len), Some(from)) = (
            digits(&entry[3..3 + self.len_width]),
            digits(&entry[3 + self.len_width..]),
        ) else {
            return Err((
                at,
                format!(
                    "directory entry {} (tag {tag}) has a non-numeric length or start",
                    i + 1
                ),
            ));
        };
        let (begin, end) = (self.base + from, self.base + from + len);
        if end > bytes.len() - 1 || len == 0 {
            return Err((
                at,
                format!(
                    "field {tag} (directory entry {}) runs past the end of the record",
                    i + 1
                ),
            ));
        }
        let end = if bytes[end - 1] == FIELD_END {
            end - 1
        } else {
            end
        };
        let Some(data) = text.get(begin..end) else {
            return Err((
                begin,
                format!("field {tag} does not start or end on a character boundary"),
            ));
        };
        let column = column_of(start + begin as u64);
        if tag.starts_with("00") {
            return Ok(RawField {
                tag,
                indicators: [' ', ' '],
                value: Some(Cow::Borrowed(data)),
                subfields: Vec::new(),
                line: 1,
                column,
            });
        }
        Ok(data_field(tag, data, column, vectors.subfields()))
    }
}

/// The column of a byte offset: an ISO 2709 file is one line, so the offset + 1. Past
/// `u32::MAX` (a file over 4 GiB) the last column stands for it.
fn column_of(offset: u64) -> u32 {
    Origin::count(offset + 1)
}

/// A data field's indicators and subfields, from its text: the values borrowed from the
/// record's text.
fn data_field<'b>(
    tag: Cow<'b, str>,
    data: &'b str,
    column: u32,
    mut subfields: Vec<Subfield<'b>>,
) -> RawField<'b> {
    // The delimiters' offsets (ASCII, so every part is whole characters), then the end.
    let bytes = data.as_bytes();
    let mut ends = bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == SUBFIELD)
        .map(|(at, _)| at)
        .chain(std::iter::once(bytes.len()));
    let mut start = ends.next().unwrap_or(bytes.len());
    let mut ind = data[..start].chars();
    let indicators = [ind.next().unwrap_or(' '), ind.next().unwrap_or(' ')];
    for end in ends {
        let part = &data[start + 1..end];
        start = end;
        let mut chars = part.chars();
        let Some(code) = chars.next() else { continue };
        subfields.push(Subfield {
            code,
            value: Cow::Borrowed(chars.as_str()),
        });
    }
    RawField {
        tag,
        indicators,
        value: None,
        subfields,
        line: 1,
        column,
    }
}

impl<R: BufRead> ReadRecords for IsoReader<R> {
    fn next_record(&mut self) -> Result<Option<Record>, FeedError> {
        let mut bytes = std::mem::take(&mut self.bytes);
        let mut vectors = std::mem::take(&mut self.vectors);
        let mut decoded = std::mem::take(&mut self.decoded);
        let next = self.next_record_in(&mut bytes, &mut decoded, &mut vectors);
        self.bytes = bytes;
        self.vectors = vectors;
        self.decoded = decoded;
        next
    }
}

impl<R: BufRead> IsoReader<R> {
    /// [`ReadRecords::next_record`], its bytes read into `bytes` (decoded into `decoded`
    /// when they are CP1251), its fields into `vectors`.
    fn next_record_in(
        &mut self,
        bytes: &mut Vec<u8>,
        decoded: &mut Decoded,
        vectors: &mut RawVectors,
    ) -> Result<Option<Record>, FeedError> {
        let Some((start, complete)) = self.next_bytes(bytes)? else {
            return Ok(None);
        };
        let parsed = if complete {
            self.parse(start, bytes, decoded, vectors)
        } else {
            Err((
                0,
                format!(
                    "truncated record: the file ends after {} bytes of it, before the record terminator (0x1D)",
                    bytes.len()
                ),
                false,
            ))
        };
        let origin = Origin {
            file: self.file.clone(),
            position: Origin::count(self.position),
            line: 1,
            column: column_of(start),
            offset: start,
            length: Origin::count(bytes.len()),
            format: Format::Iso2709,
        };
        match parsed {
            Ok(raw) => {
                let record = marc::to_record(&raw, self.options.dialect, origin);
                vectors.keep(raw);
                Ok(Some(record))
            }
            Err((at, message, true)) => {
                Err(self.error(FeedErrorKind::Encoding, start + at as u64, message))
            }
            // The record's own terminator delimits it: the next record is read after it.
            Err((at, message, false)) => {
                let offset = start + at as u64;
                let at = format!("record {}, byte {offset}", self.position);
                let problem = super::damage(1, column_of(offset), &at, &message);
                Ok(Some(super::damaged_record(
                    origin,
                    self.options.dialect,
                    problem,
                )))
            }
        }
    }
}
