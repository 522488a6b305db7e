//! Reading the catalogue's exports: the first stage of the pipeline.
//!
//! One reader per format ([`marcxml`], [`iso2709`], [`irbis`]), each streaming records
//! one at a time in constant memory. [`open`] sniffs a file's format from its first bytes
//! (or takes a forced one) and returns an iterator of `Result<Record, FeedError>`; after
//! a file-level error (malformed XML, a truncated ISO record, bad encoding) the iterator
//! ends. Record-level problems travel inside the [`Record`] and never stop the reading;
//! so does a damaged record wherever the format lets a reader find the next one (an IRBIS
//! line that is not a field, an ISO 2709 record whose leader or directory is broken, a
//! MARCXML record that is not well-formed): it comes as a record with a
//! [`ProblemKind::Damaged`] problem and what could be read of it, and the records after it
//! are read. Every record leaves [`scrub`] with no C1 control character in its text.
//! [`feed_files`] expands folders into their feed files, in a stable (sorted) order.

pub mod dates;
pub mod irbis;
pub mod iso2709;
pub mod lang;
pub mod marc;
pub mod marcxml;

use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::{
    Dialect, Format, Interner, Origin, Problem, ProblemKind, Record, SharedStr, Title,
};

/// How to read feeds: forced format, dialect and encoding, or detection (the default).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The export format every file is read as; `None` sniffs each file's first bytes.
    pub format: Option<Format>,
    /// The MARC tag set every record is mapped from; `None` detects it per record.
    pub dialect: Option<Dialect>,
    /// The byte encoding of ISO 2709 and IRBIS text; `None` detects it per record.
    pub encoding: Option<Encoding>,
}

/// Byte encoding of an ISO 2709 file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, as current IRBIS64 and most MARC 21 exports write.
    Utf8,
    /// Windows-1251 (Cyrillic), as older IRBIS exports write.
    Cp1251,
}

/// Where in a file an error is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Position {
    /// Text formats: 1-based line and column.
    LineColumn {
        /// 1-based line.
        line: u32,
        /// 1-based column, counted in bytes.
        column: u32,
    },
    /// ISO 2709: the record's position and the byte offset.
    Byte {
        /// 1-based ordinal of the record in the file (0 before the first).
        record: usize,
        /// 0-based byte offset in the file.
        offset: u64,
    },
    /// The file as a whole.
    File,
}

/// Why a file cannot be read (further).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedErrorKind {
    /// The operating system refused: no such file, no permission, a read error.
    Io,
    /// An empty file, or a folder with no feed files.
    Empty,
    /// Neither MARCXML, IRBIS text nor ISO 2709.
    NotAFeed,
    /// Bytes that are not text in the file's encoding (or a UTF-8/CP1251 mixture).
    Encoding,
    /// The format's structure is broken where no next record can be found.
    Malformed,
    /// A line, field or record over the limit the reader accepts.
    TooLarge,
    /// A DOCTYPE that declares entities (never expanded).
    Entities,
    /// The file changed while it was read.
    Changed,
}

/// A file that cannot be read (further): the reading of that file stops here. It knows
/// its kind and its position, and prints as `file:line:col: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedError {
    /// What went wrong.
    pub kind: FeedErrorKind,
    /// The feed file.
    pub file: PathBuf,
    /// Where in it.
    pub position: Position,
    /// The message for the bibliographer, with a hint where one helps.
    pub message: String,
}

impl FeedError {
    /// An error at a line and column of a text feed.
    pub fn at(
        kind: FeedErrorKind,
        file: &Path,
        line: u32,
        column: u32,
        message: impl Into<String>,
    ) -> FeedError {
        FeedError {
            kind,
            file: file.to_path_buf(),
            position: Position::LineColumn { line, column },
            message: message.into(),
        }
    }

    /// An error about the file as a whole.
    pub fn file(kind: FeedErrorKind, file: &Path, message: impl Into<String>) -> FeedError {
        FeedError {
            kind,
            file: file.to_path_buf(),
            position: Position::File,
            message: message.into(),
        }
    }

    /// An error at a byte of an ISO 2709 record.
    pub fn byte(
        kind: FeedErrorKind,
        file: &Path,
        record: usize,
        offset: u64,
        message: impl Into<String>,
    ) -> FeedError {
        FeedError {
            kind,
            file: file.to_path_buf(),
            position: Position::Byte { record, offset },
            message: message.into(),
        }
    }
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file.display();
        match self.position {
            Position::LineColumn { line, column } => {
                write!(f, "{file}:{line}:{column}: {}", self.message)
            }
            Position::Byte { record, offset } => {
                write!(
                    f,
                    "{file}: record {record} (byte {offset}): {}",
                    self.message
                )
            }
            Position::File => write!(f, "{file}: {}", self.message),
        }
    }
}

impl std::error::Error for FeedError {}

/// A buffered reader that counts lines in the bytes it has buffered, so a streaming parser
/// can turn a byte offset it has consumed into line and column. Each buffer is scanned
/// once, when it is filled (the consumer takes it in many small pieces).
pub struct Lines<R> {
    inner: R,
    consumed: u64,
    /// How far the input has been scanned for newlines (the end of the last buffer).
    scanned: u64,
    /// Newlines in the scanned bytes.
    newlines: u32,
    /// Offsets of the most recent newlines (enough for any one record's fields, and for a
    /// whole buffer not yet consumed).
    recent: VecDeque<u64>,
}

const RECENT_NEWLINES: usize = 1 << 17;

impl<R: BufRead> Lines<R> {
    /// Counts the lines of `inner`, from its start.
    pub fn new(inner: R) -> Self {
        Lines {
            inner,
            consumed: 0,
            scanned: 0,
            newlines: 0,
            recent: VecDeque::new(),
        }
    }

    /// 1-based line and column of a byte offset already consumed (or just past).
    pub fn line_column(&self, offset: u64) -> (u32, u32) {
        // Newlines at or after `offset` (some maybe not consumed yet) are on later lines;
        // the one before starts its line.
        let later = self.recent.len() - self.recent.partition_point(|&nl| nl < offset);
        // At most RECENT_NEWLINES, and never more than the newlines counted.
        let line = self
            .newlines
            .saturating_sub(u32::try_from(later).unwrap_or(u32::MAX))
            + 1;
        let line_start = match self.recent.len().checked_sub(later + 1) {
            Some(i) => self.recent[i] + 1,
            None if self.newlines as usize == self.recent.len() => 0,
            // Older than we remember: the column is unknown, say 1.
            None => offset,
        };
        // A column past u32 (a line over 4 GiB) is told as the last one.
        let column = u32::try_from(offset - line_start + 1).unwrap_or(u32::MAX);
        (line, column)
    }
}

impl<R: BufRead> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Lines<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        let buf = self.inner.fill_buf()?;
        // The buffer starts at `consumed`; its part past `scanned` is new.
        let end = self.consumed + buf.len() as u64;
        if end > self.scanned {
            let from = usize::try_from(self.scanned.saturating_sub(self.consumed)).unwrap_or(0);
            for i in memchr::memchr_iter(b'\n', &buf[from..]) {
                self.newlines += 1;
                if self.recent.len() == RECENT_NEWLINES {
                    self.recent.pop_front();
                }
                self.recent.push_back(self.consumed + (from + i) as u64);
            }
            self.scanned = end;
        }
        Ok(buf)
    }

    fn consume(&mut self, amount: usize) {
        self.consumed += amount as u64;
        self.inner.consume(amount);
    }
}

/// How a bounded read up to a delimiter ended.
pub(crate) enum Chunk {
    /// The bytes up to and including the delimiter are in the buffer.
    Found,
    /// The input ended first (the buffer holds the bytes read, maybe none).
    End,
    /// More than the cap without a delimiter.
    TooLong,
}

/// Reads up to and including `delimiter` into `bytes` (cleared first: one buffer serves
/// every line or record of a file), never holding more than `cap` bytes, and adds what it
/// consumed to `consumed`: how the readers keep memory bounded on broken files.
pub(crate) fn read_until_capped(
    input: &mut impl BufRead,
    delimiter: u8,
    cap: usize,
    consumed: &mut u64,
    bytes: &mut Vec<u8>,
) -> io::Result<Chunk> {
    bytes.clear();
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(Chunk::End);
        }
        let (take, found) = match memchr::memchr(delimiter, buf) {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        bytes.extend_from_slice(&buf[..take]);
        input.consume(take);
        *consumed += take as u64;
        if found {
            return Ok(Chunk::Found);
        }
        if bytes.len() > cap {
            return Ok(Chunk::TooLong);
        }
    }
}

/// `bytes` as UTF-8 text, validated with SIMD (the readers validate all of their input);
/// an error is the standard library's, with the position of the first bad byte.
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(_) => std::str::from_utf8(bytes),
    }
}

/// Guesses a feed's format from its first bytes.
pub fn sniff(head: &[u8]) -> Option<Format> {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &head[start..];
    if head.starts_with(b"<") {
        return Some(Format::MarcXml);
    }
    if head.starts_with(b"#") && head[1..].iter().take_while(|b| b.is_ascii_digit()).count() > 0 {
        return Some(Format::IrbisText);
    }
    if head.starts_with(b"*****") {
        return Some(Format::IrbisText);
    }
    if head.len() >= 24
        && head[..5].iter().all(u8::is_ascii_digit)
        && head[12..17].iter().all(u8::is_ascii_digit)
    {
        return Some(Format::Iso2709);
    }
    None
}

/// A reader of one format: the next record, `None` at the end, or the error that ends
/// the file.
pub(crate) trait ReadRecords {
    fn next_record(&mut self) -> Result<Option<Record>, FeedError>;
}

/// Turns a [`ReadRecords`] into an iterator that ends after the first file-level error.
pub(crate) struct Records<T> {
    reader: T,
    done: bool,
}

impl<T> Records<T> {
    pub(crate) fn new(reader: T) -> Self {
        Records {
            reader,
            done: false,
        }
    }
}

impl<T: ReadRecords> Iterator for Records<T> {
    type Item = Result<Record, FeedError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut item = self.reader.next_record().transpose();
        self.done = !matches!(item, Some(Ok(_)));
        if let Some(Ok(record)) = &mut item {
            scrub(record);
        }
        item
    }
}

/// Whether `c` is a C1 control character (U+0080–U+009F): never printable, and fatal to
/// a PDF/A export.
pub fn is_c1(c: char) -> bool {
    ('\u{80}'..='\u{9f}').contains(&c)
}

/// The C1 characters that are markup, not damage: the non-filing markers NSB/NSE
/// (U+0098/U+009C, and U+0088/U+0089 as ISO 6630 writes them). [`Title::parse`] reads
/// them in titles; elsewhere they are removed without a word.
fn is_non_filing_marker(c: char) -> bool {
    matches!(c, '\u{88}' | '\u{89}' | '\u{98}' | '\u{9c}')
}

/// Whether a text holds a C1 character: 0xC2 0x80–0x9F in UTF-8, and most texts have no
/// 0xC2 at all.
fn has_c1(text: &str) -> bool {
    memchr::memchr(0xC2, text.as_bytes()).is_some() && text.chars().any(is_c1)
}

/// Removes every C1 control character from every text of a record (after the readers
/// have used the non-filing markers), so none reaches typesetting; any other than a
/// non-filing marker is reported as a [`ProblemKind::ControlCharacter`] naming the field.
/// Every reader's records pass through here.
pub(crate) fn scrub(record: &mut Record) {
    let mut found: Vec<(&'static str, Vec<char>)> = Vec::new();
    let mut note = |what: &'static str, removed: Vec<char>| {
        let stray: Vec<char> = removed
            .into_iter()
            .filter(|&c| !is_non_filing_marker(c))
            .collect();
        if !stray.is_empty() {
            found.push((what, stray));
        }
    };
    let mut text = |what: &'static str, text: &mut String| {
        if has_c1(text) {
            let removed = text.chars().filter(|&c| is_c1(c)).collect();
            text.retain(|c| !is_c1(c));
            note(what, removed);
        }
    };
    // A shared text is replaced by its scrubbed copy.
    let shared = |text: &mut dyn FnMut(&'static str, &mut String),
                  what: &'static str,
                  value: &mut SharedStr| {
        if has_c1(value) {
            let mut owned = value.to_string();
            text(what, &mut owned);
            *value = SharedStr::from(owned);
        }
    };
    shared(&mut text, "the record id", &mut record.id);
    if let Some(s) = record.supplement_mut_if_any() {
        for t in &mut s.other_title {
            text("the other title information", t);
        }
    }
    for t in &mut record.responsibility {
        text("a statement of responsibility", t);
    }
    for p in &mut record.persons {
        shared(&mut text, "a name", &mut p.surname);
        shared(&mut text, "a name", &mut p.initials);
        shared(&mut text, "a name", &mut p.forenames);
        if let Some(r) = &mut p.relator {
            shared(&mut text, "a relator", r);
        }
    }
    if let Some(s) = record.supplement_mut_if_any() {
        for t in &mut s.corporate {
            shared(&mut text, "a corporate name", t);
        }
    }
    for t in [&mut record.issue, &mut record.volume, &mut record.pages]
        .into_iter()
        .flatten()
    {
        shared(&mut text, "the numbering", t);
    }
    for s in &mut record.subjects {
        shared(&mut text, "a subject heading", &mut s.heading);
        for t in &mut s.subdivisions {
            shared(&mut text, "a subject heading", t);
        }
    }
    for t in &mut record.keywords {
        shared(&mut text, "a keyword", t);
    }
    for c in &mut record.classes {
        shared(&mut text, "a class number", &mut c.scheme);
        shared(&mut text, "a class number", &mut c.code);
    }
    if let Some(s) = record.supplement_mut_if_any() {
        for t in &mut s.notes {
            shared(&mut text, "a note", t);
        }
    }
    let host_title = record.host.as_mut().map(Arc::make_mut).map(|h| {
        for t in [&mut h.abbreviated, &mut h.issn, &mut h.city]
            .into_iter()
            .flatten()
        {
            text("the host periodical", t);
        }
        scrub_title(&mut h.title)
    });
    let title = scrub_title(&mut record.title);
    note("the title", title);
    if let Some(host_title) = host_title {
        note("the host periodical's title", host_title);
    }
    for (what, chars) in found {
        let mut codes: Vec<String> = chars
            .iter()
            .map(|c| format!("U+{:04X}", *c as u32))
            .collect();
        codes.dedup();
        record.problem(
            ProblemKind::ControlCharacter,
            format!(
                "control character {} removed from {what} (a stray byte, or text in another encoding?)",
                codes.join(", ")
            ),
        );
    }
}

/// Removes the C1 characters of a title; returns them.
fn scrub_title(title: &mut Title) -> Vec<char> {
    if has_c1(title) {
        title.retain(|c| !is_c1(c))
    } else {
        Vec::new()
    }
}

/// A damaged record's problem: where the damage is (`line 5`, `record 2, byte 317`) and
/// what it is. The message says the record is unreadable, which is also the reason the
/// build gives for not placing it.
pub(crate) fn damage(line: u32, column: u32, at: &str, message: &str) -> Problem {
    Problem {
        line,
        column,
        kind: ProblemKind::Damaged,
        message: format!("unreadable record ({at}): {message}"),
    }
}

/// Marks a record as damaged in its file. The damage comes first among its problems (it
/// is the reason the record is not placed); the gaps that follow from it (no title, no
/// host, no date, no id) are not reported besides it.
pub(crate) fn mark_damaged(record: &mut Record, damage: Vec<Problem>) {
    if damage.is_empty() {
        return;
    }
    record.problems.retain(|p| {
        !matches!(
            p.kind,
            ProblemKind::NoId
                | ProblemKind::NoTitle
                | ProblemKind::NoHost
                | ProblemKind::NoDate
                | ProblemKind::YearOnly
        )
    });
    record.problems = damage
        .into_iter()
        .chain(record.problems.iter().cloned())
        .collect();
}

/// A record of which nothing could be read but its place in the file.
pub(crate) fn damaged_record(origin: Origin, dialect: Option<Dialect>, damage: Problem) -> Record {
    let id = origin.stand_in_id();
    let mut record = Record::new(id, dialect.unwrap_or(Dialect::Rusmarc), origin);
    mark_damaged(&mut record, vec![damage]);
    record
}

/// A stream of records from one file.
pub type RecordStream = Box<dyn Iterator<Item = Result<Record, FeedError>> + Send>;

/// Opens one feed file, detecting (or taking) its format.
pub fn open(path: &Path, options: &ReadOptions) -> Result<(Format, RecordStream), FeedError> {
    let io_error =
        |e: io::Error| FeedError::file(FeedErrorKind::Io, path, format!("cannot read: {e}"));
    let file = File::open(path).map_err(io_error)?;
    let mut input = BufReader::with_capacity(1 << 16, file);
    let head = input.fill_buf().map_err(io_error)?;
    if head.is_empty() {
        return Err(FeedError::file(
            FeedErrorKind::Empty,
            path,
            "empty file: no records",
        ));
    }
    let Some(format) = options.format.or_else(|| sniff(head)) else {
        return Err(FeedError::at(
            FeedErrorKind::NotAFeed,
            path,
            1,
            1,
            "not a feed: expected MARCXML (<collection>), IRBIS text (#200: …) or ISO 2709 (a 24-byte leader)",
        ));
    };
    let stamp = Stamp::of(path);
    let stream = stream(format, input, path, options);
    let guarded = Guarded {
        inner: stream,
        path: path.to_path_buf(),
        stamp,
        done: false,
    };
    Ok((format, Box::new(guarded)))
}

/// Reads records of a known format from any buffered input; `name` stands for the file in
/// positions and messages. [`open`] uses it for files; tests and fuzzing use it on bytes.
pub fn stream(
    format: Format,
    input: impl BufRead + Send + 'static,
    name: &Path,
    options: &ReadOptions,
) -> RecordStream {
    let name: Arc<Path> = Arc::from(name);
    match format {
        Format::MarcXml => Box::new(Records::new(marcxml::MarcXmlReader::new(
            input, name, *options,
        ))),
        Format::IrbisText => Box::new(Records::new(irbis::IrbisReader::new(input, name, *options))),
        Format::Iso2709 => Box::new(Records::new(iso2709::IsoReader::new(input, name, *options))),
    }
}

/// Size and modification time of a file, to notice it changing under the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp(Option<(u64, std::time::SystemTime)>);

impl Stamp {
    fn of(path: &Path) -> Stamp {
        Stamp(
            std::fs::metadata(path)
                .ok()
                .and_then(|m| Some((m.len(), m.modified().ok()?))),
        )
    }
}

/// Ends a record stream with an error when its file changed while it was being read:
/// the records read may mix two versions of the export.
struct Guarded {
    inner: RecordStream,
    path: PathBuf,
    stamp: Stamp,
    done: bool,
}

impl Iterator for Guarded {
    type Item = Result<Record, FeedError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        if let Some(item) = self.inner.next() {
            return Some(item);
        }
        self.done = true;
        (Stamp::of(&self.path) != self.stamp).then(|| {
            Err(FeedError::file(
                FeedErrorKind::Changed,
                &self.path,
                "the file changed while it was being read (an export still running?); read it again",
            ))
        })
    }
}

/// Reads every record of every feed (folders expanded). Stops at nothing: all file-level
/// errors are collected and returned together, so a bibliographer sees them at once. The
/// records read share their repeated values (one [`Interner`] for the whole run).
pub fn read_all(paths: &[PathBuf], options: &ReadOptions) -> Result<Vec<Record>, Vec<FeedError>> {
    let files = feed_files(paths).map_err(|e| vec![e])?;
    let mut records = Vec::new();
    let mut errors = Vec::new();
    let mut interner = Interner::default();
    for file in files {
        match open(&file, options) {
            Ok((_, stream)) => {
                for record in stream {
                    match record {
                        Ok(mut r) => {
                            r.shrink_to_fit();
                            interner.share_record(&mut r);
                            records.push(r);
                        }
                        Err(e) => errors.push(e),
                    }
                }
            }
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(records)
    } else {
        Err(errors)
    }
}

/// File endings that mark feed files inside a folder.
const FEED_EXTENSIONS: &[&str] = &["xml", "marcxml", "iso", "mrc", "txt", "irbis"];

/// Expands folders into their feed files (sorted, not recursive into hidden folders).
pub fn feed_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, FeedError> {
    let mut out = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path)
            .map_err(|e| FeedError::file(FeedErrorKind::Io, path, format!("cannot read: {e}")))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            collect_dir(path, &mut found)?;
            found.sort();
            if found.is_empty() {
                return Err(FeedError::file(
                    FeedErrorKind::Empty,
                    path,
                    "folder holds no feed files (.xml, .iso, .mrc, .txt)",
                ));
            }
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn collect_dir(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), FeedError> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| FeedError::file(FeedErrorKind::Io, dir, format!("cannot read folder: {e}")))?;
    for entry in entries {
        let entry = entry.map_err(|e| {
            FeedError::file(FeedErrorKind::Io, dir, format!("cannot read folder: {e}"))
        })?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if path.is_dir() {
            collect_dir(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| FEED_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_each_format() {
        assert_eq!(
            sniff(b"\xEF\xBB\xBF<?xml version=\"1.0\"?>"),
            Some(Format::MarcXml)
        );
        assert_eq!(sniff(b"  <collection>"), Some(Format::MarcXml));
        assert_eq!(sniff(b"#920: ASP\n"), Some(Format::IrbisText));
        assert_eq!(sniff(b"\xEF\xBB\xBF#101: rus\n"), Some(Format::IrbisText));
        assert_eq!(
            sniff(b"00714nab  2200205   4500001001200000"),
            Some(Format::Iso2709)
        );
        assert_eq!(sniff(b"hello"), None);
    }

    #[test]
    fn line_columns_follow_consumed_bytes() {
        let mut lines = Lines::new(&b"ab\ncd\nef"[..]);
        let _ = lines.fill_buf().unwrap();
        lines.consume(8);
        assert_eq!(lines.line_column(0), (1, 1));
        assert_eq!(lines.line_column(4), (2, 2));
        assert_eq!(lines.line_column(6), (3, 1));
    }
}
