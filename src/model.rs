//! The record model: one article of a newspaper or journal, as the library catalogues it.
//!
//! Every reader in [`crate::feed`] produces [`Record`]s; nothing downstream knows which
//! export format a record came from. A record keeps its [`Origin`] (file, position, line,
//! column, byte span) so that any later stage can name where it came from and re-read the
//! original field data ([`Origin::excerpt`]). Problems found while reading (no title, an
//! impossible date, an unknown language code) travel with the record as [`Problem`]s: a
//! record is never dropped silently.
//!
//! A catalogue repeats itself: the same periodicals, places, ISSNs, class numbers, subject
//! headings, language and relator codes recur in thousands of records. Such values are
//! [`SharedStr`]s, and a run of the readers keeps one copy of each ([`Interner`]); a
//! [`Host`] is shared whole, and so are equal [`List`]s (a record's lists are exactly sized
//! shared slices). What most records lack (material, parallel and other titles, corporate
//! bodies, notes, annotation) is boxed apart in a [`Supplement`], so a record without it
//! pays one pointer. A record held for a build costs little more than its own text.

use std::fmt;
use std::hash::BuildHasher;
use std::path::Path;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use unic_langid::LanguageIdentifier;

/// The export format a record was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// MARCXML (`http://www.loc.gov/MARC21/slim`).
    MarcXml,
    /// ISO 2709 exchange format (`.iso`, `.mrc`).
    Iso2709,
    /// IRBIS64 plain-text export (`#200: ^A…`, records separated by `*****`).
    IrbisText,
}

impl Format {
    /// The format's name as diagnostics and reports print it (`MARCXML`, `ISO 2709`).
    pub fn name(self) -> &'static str {
        match self {
            Format::MarcXml => "MARCXML",
            Format::Iso2709 => "ISO 2709",
            Format::IrbisText => "IRBIS text",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The tag set a MARC record is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dialect {
    /// RUSMARC / UNIMARC (200, 461/463, 606, 686, 700–702). IRBIS text is always this.
    Rusmarc,
    /// MARC 21 (245, 100/700, 773, 650, 084).
    Marc21,
}

impl Dialect {
    /// The tag set's name as diagnostics and reports print it (`RUSMARC`, `MARC 21`).
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Rusmarc => "RUSMARC",
            Dialect::Marc21 => "MARC 21",
        }
    }
}

/// A text value that many records may hold: one copy, counted references. It reads as a
/// `str` and serialises as a string; equal texts are equal whether shared or not.
#[derive(Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SharedStr(Arc<str>);

impl Clone for SharedStr {
    fn clone(&self) -> SharedStr {
        SharedStr(Arc::clone(&self.0))
    }

    /// Takes `source`'s text, unless it holds that very copy already.
    fn clone_from(&mut self, source: &SharedStr) {
        if !Arc::ptr_eq(&self.0, &source.0) {
            self.0 = Arc::clone(&source.0);
        }
    }
}

impl SharedStr {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for SharedStr {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl From<&str> for SharedStr {
    fn from(text: &str) -> SharedStr {
        SharedStr(Arc::from(text))
    }
}

impl From<String> for SharedStr {
    fn from(text: String) -> SharedStr {
        SharedStr(Arc::from(text))
    }
}

impl From<&String> for SharedStr {
    fn from(text: &String) -> SharedStr {
        SharedStr(Arc::from(text.as_str()))
    }
}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<SharedStr> for str {
    fn eq(&self, other: &SharedStr) -> bool {
        self == &*other.0
    }
}

impl PartialEq<SharedStr> for &str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == &*other.0
    }
}

/// A shared text serialises as the text.
impl Serialize for SharedStr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// The list a record keeps of one kind of thing (persons, subjects, class numbers …): its
/// items in one shared slice, exactly as long as they are, or nothing when empty. Records
/// that carry equal lists (the same languages, subject headings, class numbers) may share
/// one ([`Interner`]); changing a shared list changes only this record's copy. Every push
/// makes a new slice, so the readers gather a record's items first and add them at once.
/// It reads as a slice and serialises as a sequence.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct List<T>(Option<Arc<[T]>>);

impl<T> List<T> {
    /// An empty list (no allocation).
    pub fn new() -> List<T> {
        List(None)
    }

    /// The items.
    pub fn as_slice(&self) -> &[T] {
        self.0.as_deref().unwrap_or(&[])
    }
}

impl<T: Clone> List<T> {
    /// Adds an item at the end.
    pub fn push(&mut self, item: T) {
        self.extend(std::iter::once(item));
    }

    /// Adds `items` at the end; an empty list takes them as they are.
    pub fn append(&mut self, items: Vec<T>) {
        if self.is_empty() {
            *self = List::from(items);
        } else {
            self.extend(items);
        }
    }

    /// Keeps only the items `keep` accepts.
    pub fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        let mut items = self.to_vec();
        items.retain(keep);
        *self = List::from(items);
    }

    /// Removes every item.
    pub fn clear(&mut self) {
        self.0 = None;
    }
}

impl<T> Default for List<T> {
    fn default() -> List<T> {
        List::new()
    }
}

impl<T> std::ops::Deref for List<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T: Clone> std::ops::DerefMut for List<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        match &mut self.0 {
            Some(items) => Arc::make_mut(items),
            None => &mut [],
        }
    }
}

impl<T: Clone> Extend<T> for List<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        let mut items = items.into_iter().peekable();
        if items.peek().is_none() {
            return;
        }
        let mut all = self.to_vec();
        all.extend(items);
        *self = List::from(all);
    }
}

impl<T> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> List<T> {
        List::from(items.into_iter().collect::<Vec<T>>())
    }
}

impl<T> From<Vec<T>> for List<T> {
    fn from(items: Vec<T>) -> List<T> {
        List((!items.is_empty()).then(|| Arc::from(items)))
    }
}

impl<'a, T> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<'a, T: Clone> IntoIterator for &'a mut List<T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

impl<T: PartialEq<U>, U, const N: usize> PartialEq<[U; N]> for List<T> {
    fn eq(&self, other: &[U; N]) -> bool {
        self.as_slice() == &other[..]
    }
}

impl<T: PartialEq<U>, U> PartialEq<[U]> for List<T> {
    fn eq(&self, other: &[U]) -> bool {
        self.as_slice() == other
    }
}

impl<T: PartialEq<U>, U> PartialEq<Vec<U>> for List<T> {
    fn eq(&self, other: &Vec<U>) -> bool {
        self.as_slice() == &other[..]
    }
}

impl<T: fmt::Debug> fmt::Debug for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_slice(), f)
    }
}

/// A list serialises as the sequence of its items.
impl<T: Serialize> Serialize for List<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize(s)
    }
}

/// The copies the interner keeps of one kind of value, each found by the hash of the value
/// looked up, computed once whether its copy is found or the value is kept.
#[derive(Debug, Default)]
struct Copies<T> {
    table: hashbrown::HashTable<T>,
    hashing: foldhash::fast::RandomState,
}

impl<T: Clone + Eq + std::hash::Hash> Copies<T> {
    /// Replaces `value` by the copy held of an equal one, or holds it after `share` has
    /// shared its parts (which leaves it equal).
    fn share(&mut self, value: &mut T, share: impl FnOnce(&mut T)) {
        let hashing = &self.hashing;
        let hash = hashing.hash_one(&*value);
        match self
            .table
            .entry(hash, |copy| copy == value, |copy| hashing.hash_one(copy))
        {
            hashbrown::hash_table::Entry::Occupied(copy) => value.clone_from(copy.get()),
            hashbrown::hash_table::Entry::Vacant(slot) => {
                share(value);
                slot.insert(value.clone());
            }
        }
    }
}

/// One copy of each repeated value of a run of the readers: texts, whole hosts, and whole
/// lists of names, languages, subjects, class numbers and keywords. A value seen before is
/// handed back as the copy already held; a new one is kept.
#[derive(Debug, Default)]
pub struct Interner {
    texts: Copies<SharedStr>,
    hosts: Copies<Arc<Host>>,
    persons: Copies<List<Person>>,
    languages: Copies<List<Language>>,
    subjects: Copies<List<Subject>>,
    classes: Copies<List<ClassNumber>>,
    words: Copies<List<SharedStr>>,
}

/// Replaces `list` by the copy `known` holds of an equal one, or keeps it there after
/// `share` has shared its parts.
fn share_list<T: Clone + Eq + std::hash::Hash>(
    known: &mut Copies<List<T>>,
    list: &mut List<T>,
    share: impl FnOnce(&mut List<T>),
) {
    if !list.is_empty() {
        known.share(list, share);
    }
}

impl Interner {
    /// Replaces `value` by the shared copy of its text.
    pub fn share(&mut self, value: &mut SharedStr) {
        share_text(&mut self.texts, value);
    }

    /// The shared copy of a host.
    pub fn host(&mut self, mut host: Arc<Host>) -> Arc<Host> {
        self.hosts.share(&mut host, |_| {});
        host
    }

    /// Replaces every repeatable value of `record` by its shared copy.
    pub fn share_record(&mut self, record: &mut Record) {
        if let Some(host) = record.host.take() {
            record.host = Some(self.host(host));
        }
        let texts = &mut self.texts;
        if let Some(m) = record.supplement.as_mut().and_then(|s| s.material.as_mut()) {
            share_text(texts, m);
        }
        share_list(&mut self.persons, &mut record.persons, |persons| {
            for p in persons.iter_mut() {
                share_text(texts, &mut p.surname);
                share_text(texts, &mut p.initials);
                share_text(texts, &mut p.forenames);
                if let Some(r) = &mut p.relator {
                    share_text(texts, r);
                }
            }
        });
        share_list(&mut self.languages, &mut record.languages, |languages| {
            for l in languages.iter_mut() {
                share_text(texts, &mut l.code);
            }
        });
        for t in [&mut record.issue, &mut record.volume, &mut record.pages]
            .into_iter()
            .flatten()
        {
            share_text(texts, t);
        }
        let words = &mut self.words;
        share_list(&mut self.subjects, &mut record.subjects, |subjects| {
            for s in subjects.iter_mut() {
                share_text(texts, &mut s.heading);
                share_list(words, &mut s.subdivisions, |subdivisions| {
                    subdivisions.iter_mut().for_each(|d| share_text(texts, d));
                });
            }
        });
        share_list(&mut self.classes, &mut record.classes, |classes| {
            for c in classes.iter_mut() {
                share_text(texts, &mut c.scheme);
                share_text(texts, &mut c.code);
            }
        });
        let supplement = record.supplement.as_deref_mut();
        let (corporate, notes) = match supplement {
            Some(s) => (Some(&mut s.corporate), Some(&mut s.notes)),
            None => (None, None),
        };
        for list in [corporate, Some(&mut record.keywords), notes]
            .into_iter()
            .flatten()
        {
            share_list(words, list, |list| {
                list.iter_mut().for_each(|t| share_text(texts, t));
            });
        }
    }
}

/// Replaces `value` by the copy `known` holds of its text, or keeps it there.
fn share_text(known: &mut Copies<SharedStr>, value: &mut SharedStr) {
    known.share(value, |_| {});
}

/// Where a record came from: enough to point a bibliographer at it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// The feed file.
    pub file: Arc<Path>,
    /// 1-based position of the record in its file ([`Origin::count`] of the reader's count).
    pub position: u32,
    /// 1-based line of the record's start (for ISO 2709: 1).
    pub line: u32,
    /// 1-based column of the record's start (for ISO 2709: the byte offset + 1).
    pub column: u32,
    /// Byte offset of the record's start in the file.
    pub offset: u64,
    /// Length of the record in bytes ([`Origin::count`] of the span read).
    pub length: u32,
    /// The export format of the file, which decides how [`Origin::excerpt`] shows it.
    pub format: Format,
}

impl Origin {
    /// The record as it stands in its file, re-read for display: UTF-8 or CP1251 decoded,
    /// and in ISO 2709 the field and subfield separators shown as line breaks and `$`.
    pub fn excerpt(&self) -> std::io::Result<String> {
        use std::io::{Read, Seek, SeekFrom};
        let mut file = std::fs::File::open(&self.file)?;
        file.seek(SeekFrom::Start(self.offset))?;
        let mut bytes = Vec::new();
        file.take(u64::from(self.length)).read_to_end(&mut bytes)?;
        let text = match std::str::from_utf8(&bytes) {
            Ok(text) => text.to_string(),
            Err(_) => encoding_rs::WINDOWS_1251
                .decode_without_bom_handling(&bytes)
                .0
                .into_owned(),
        };
        Ok(match self.format {
            Format::Iso2709 => text
                .replace('\u{1e}', "\n")
                .replace('\u{1f}', " $")
                .replace('\u{1d}', "\n"),
            _ => text,
        })
    }

    /// A reader's count (a position, a span of bytes) as an origin keeps it: four bytes,
    /// as for lines and columns, since a million records are held at once. An ISO 2709
    /// record is at most 99 999 bytes; a count beyond `u32::MAX` (a 4 GiB record, four
    /// billion records in one file) is kept as `u32::MAX`.
    pub fn count(n: impl TryInto<u32>) -> u32 {
        n.try_into().unwrap_or(u32::MAX)
    }

    /// The id of a record that has none: its file and position (`feed.xml#3`).
    pub fn stand_in_id(&self) -> String {
        format!("{}#{}", self.file.display(), self.position)
    }

    /// `file:line:col`, the prefix of every diagnostic about this record.
    pub fn position(&self) -> String {
        format!("{}:{}:{}", self.file.display(), self.line, self.column)
    }
}

/// A language of the text, as coded in the record and as understood.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Language {
    /// The code as written (`aze`, `rus`, `az-Latn`, …).
    pub code: SharedStr,
    /// The canonical identifier (`az`, `ru`, `az-Latn`); `None` when the code is unknown.
    #[serde(serialize_with = "ser_langid")]
    pub id: Option<LanguageIdentifier>,
}

#[allow(
    clippy::ref_option,
    reason = "serde's `serialize_with` hands the field over as `&Option<_>`"
)]
fn ser_langid<S: serde::Serializer>(
    id: &Option<LanguageIdentifier>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match id {
        Some(id) => s.serialize_str(&id.to_string()),
        None => s.serialize_none(),
    }
}

impl Language {
    /// The bare language subtag (`az`, `ru`, `en`), when the code is known.
    pub fn primary(&self) -> Option<&str> {
        self.id.as_ref().map(|id| id.language.as_str())
    }
}

/// The role of a person in a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// First author (RUSMARC 700, MARC 21 100).
    Primary,
    /// Co-author (RUSMARC 701, MARC 21 700 without a secondary relator).
    Coauthor,
    /// Secondary responsibility: translator, editor, interviewer … (RUSMARC 702).
    Secondary,
    /// The article is about this person (RUSMARC 600, MARC 21 600).
    Subject,
}

impl Role {
    /// Catalogue order: authors first, then secondary responsibility, then subjects.
    pub fn rank(self) -> u8 {
        match self {
            Role::Primary => 0,
            Role::Coauthor => 1,
            Role::Secondary => 2,
            Role::Subject => 3,
        }
    }
}

/// A person named in a record.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Person {
    /// Surname as catalogued (`$a`), the heading word of the inverted form.
    pub surname: SharedStr,
    /// Initials as catalogued (`A.`, `Р. А.`); may be empty.
    pub initials: SharedStr,
    /// Full forenames when catalogued (`Abuzər`, `Рамиз Алиевич`).
    pub forenames: SharedStr,
    /// What the person is to the article: author, co-author, secondary or subject.
    pub role: Role,
    /// Relator code (`$4`), e.g. `070` author, `730` translator.
    pub relator: Option<SharedStr>,
}

impl Person {
    /// Initials, derived from the forenames when none were catalogued.
    pub fn initials_or_derived(&self) -> String {
        let initials = self.initials.trim();
        if !initials.is_empty() {
            return normalise_initials(initials);
        }
        derive_initials(&self.forenames)
    }

    /// The inverted form used in headings and indexes: `Xələfov, A.`.
    pub fn inverted(&self) -> String {
        let initials = self.initials_or_derived();
        if initials.is_empty() {
            self.surname.to_string()
        } else {
            format!("{}, {}", self.surname, initials)
        }
    }
}

/// `Р.А.` → `Р. А.`; `A` → `A.`.
pub fn normalise_initials(initials: &str) -> String {
    initials_from(initials.split(['.', ' ']).filter(|p| !p.is_empty()))
}

/// Whether a word of the forenames is a Turkic patronymic particle (`Məmməd oğlu`,
/// `Ализаде кызы`): it follows the father's name and is never an initial.
pub fn is_patronymic_particle(word: &str) -> bool {
    matches!(word, "oğlu" | "qızı" | "оглы" | "кызы")
}

/// Whether a word is a patronymic: a Turkic particle, or a Russian patronymic by its
/// ending (`Алиевич`, `Сергеевна`).
pub fn is_patronymic(word: &str) -> bool {
    is_patronymic_particle(word)
        || ["ович", "евич", "ьич", "овна", "евна", "ична", "инична"]
            .iter()
            .any(|end| word.ends_with(end))
}

/// `Abuzər Məmməd oğlu` → `A. M.` (patronymic particles `oğlu`, `qızı` are not initials).
pub fn derive_initials(forenames: &str) -> String {
    let firsts = forenames
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
        .filter(|w| !is_patronymic_particle(w))
        .filter_map(|w| w.char_indices().nth(1).map_or(Some(w), |(i, _)| w.get(..i)));
    initials_from(firsts)
}

/// Each piece followed by a period, the pieces separated by spaces: `A. M.`.
fn initials_from<'a>(pieces: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for piece in pieces {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(piece);
        out.push('.');
    }
    out
}

/// A title as catalogued: the text printed, and where filing (sorting) starts.
///
/// Catalogues mark leading words that are printed but not filed on: `<<Der>> Rhein`
/// (RUSMARC, IRBIS), or the control characters NSB … NSE (U+0098 … U+009C in Unicode
/// records; U+0088 … U+0089, the ISO 6630 codes, in older UNIMARC conversions).
/// [`Title::parse`] is the one rule that reads them, and every way of making a title goes
/// through it: the markers are removed, the title prints `Der Rhein` and files under
/// `Rhein`. Marked words inside a title (not at its start) are printed and filed as
/// written; an unmatched marker is text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Title {
    text: String,
    /// Byte offset in `text` where the filing form starts.
    filing: usize,
}

/// The pairs of non-filing markers: opening, closing.
const NON_FILING: [(&str, &str); 3] = [("<<", ">>"), ("\u{98}", "\u{9c}"), ("\u{88}", "\u{89}")];

impl Title {
    /// Reads a title as catalogued, with its non-filing markers.
    pub fn parse(raw: &str) -> Title {
        // Most titles carry no marker: `<` and the C1 markers (UTF-8 lead byte 0xC2) absent.
        if memchr::memchr2(b'<', 0xC2, raw.as_bytes()).is_none() {
            return Title::plain(raw);
        }
        let mut text = String::with_capacity(raw.len());
        let mut filing = 0;
        let mut rest = raw;
        loop {
            let next = NON_FILING
                .iter()
                .filter_map(|&(open, close)| Some((rest.find(open)?, open, close)))
                .min_by_key(|&(at, ..)| at);
            let Some((at, open, close)) = next else { break };
            let marked = &rest[at + open.len()..];
            let Some(end) = marked.find(close) else { break };
            text.push_str(&rest[..at]);
            // Words marked before any filed word move the filing start past them.
            let leading = text[filing..].trim().is_empty();
            text.push_str(&marked[..end]);
            if leading {
                filing = text.len();
            }
            rest = &marked[end + close.len()..];
        }
        text.push_str(rest);
        filing += text[filing..].len() - text[filing..].trim_start().len();
        if filing == text.len() {
            filing = 0;
        }
        Title { text, filing }
    }

    /// A title with no non-filing marker: filed from its first non-space character.
    fn plain(raw: &str) -> Title {
        let filing = raw.len() - raw.trim_start().len();
        Title {
            text: raw.to_string(),
            filing: if filing == raw.len() { 0 } else { filing },
        }
    }

    /// The title as printed.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The title as filed: without its leading non-filing words.
    pub fn filing(&self) -> &str {
        &self.text[self.filing..]
    }

    /// Keeps only the characters `keep` accepts, the filing start staying on its word;
    /// returns the characters removed.
    pub fn retain(&mut self, mut keep: impl FnMut(char) -> bool) -> Vec<char> {
        if self.text.chars().all(&mut keep) {
            return Vec::new();
        }
        let mut removed = Vec::new();
        let mut filing = self.filing;
        let mut text = String::with_capacity(self.text.len());
        for (at, c) in self.text.char_indices() {
            if keep(c) {
                text.push(c);
            } else {
                removed.push(c);
                if at < self.filing {
                    filing -= c.len_utf8();
                }
            }
        }
        if !removed.is_empty() {
            self.text = text;
            self.filing = filing;
        }
        removed
    }

    /// Gives back the text's spare capacity (a record is kept for the whole run).
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
    }
}

impl std::ops::Deref for Title {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for Title {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl From<&str> for Title {
    fn from(raw: &str) -> Title {
        Title::parse(raw)
    }
}

impl From<String> for Title {
    fn from(raw: String) -> Title {
        Title::parse(&raw)
    }
}

impl PartialEq<str> for Title {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for Title {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

/// A title serialises as the text printed.
impl Serialize for Title {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

/// The periodical an article was published in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Host {
    /// Title of the newspaper or journal (RUSMARC 461 `$t` or embedded 200 `$a`, MARC 21
    /// 773 `$t`, IRBIS 463 `^C`); empty when the record only links to its host.
    pub title: Title,
    /// Abbreviated title (RUSMARC embedded 530/531 `$a`, MARC 21 773 `$p`, IRBIS 463 `^7`).
    pub abbreviated: Option<String>,
    /// ISSN (RUSMARC 461 `$x` or its embedded 011 `$a`, MARC 21 773 `$x`, IRBIS 463 `^X`).
    pub issn: Option<String>,
    /// Place of publication (RUSMARC embedded 210 `$a` or 461 `$c`, MARC 21 773 `$d`,
    /// IRBIS 463 `^D`).
    pub city: Option<String>,
    /// The host's own record, when the record links to it (MARC 21 773 `$w`, RUSMARC
    /// 461/463 embedded 001 or `$0`, IRBIS 463 `^W`): a host known only by this link has
    /// no title to print.
    pub link: Option<String>,
}

/// A subject access point: a heading with its subdivisions.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Subject {
    /// The main heading (`606 $a`, `650 $a`, `600` name).
    pub heading: SharedStr,
    /// Subdivisions in order (`$x`, `$y`, `$z`).
    pub subdivisions: List<SharedStr>,
    /// What the heading names: a topic, a person, a body or a place.
    pub kind: SubjectKind,
}

/// What a subject heading names, by the field it was catalogued in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SubjectKind {
    /// A topic (RUSMARC 606, MARC 21 650, IRBIS 606).
    Topical,
    /// A person the article is about (RUSMARC 600, MARC 21 600).
    Person,
    /// A corporate body (RUSMARC 601, MARC 21 610).
    Corporate,
    /// A place (RUSMARC 607, MARC 21 651).
    Geographic,
}

/// A class number with the scheme it belongs to (`686 $a FP.1 $2 preslib`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ClassNumber {
    /// The scheme's code as the record gives it (`$2`: `preslib`, `bbk`, `udc`, `rugasnti`).
    pub scheme: SharedStr,
    /// The class number as written in the scheme (`FP.1`, `28.081`).
    pub code: SharedStr,
}

/// When an article was published, as precisely as the record says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Published {
    /// The year as stated, when no full date says it (see [`Published::year`]).
    pub year: Option<i32>,
    /// The full issue date, when the record gives day and month.
    pub date: Option<NaiveDate>,
    /// Month without a day (monthly journals: `2012, № 3 (mart)`).
    pub month: Option<u32>,
}

impl Published {
    /// The year of publication: the full date's when there is one, else the stated year.
    pub fn year(&self) -> Option<i32> {
        self.date.map(|d| d.year()).or(self.year)
    }
}

/// A problem found in one record while reading it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Line and column of the offending field (the record's own when unknown).
    pub line: u32,
    /// 1-based column of the offending field, with `line`.
    pub column: u32,
    /// What is wrong; decides whether the record can still be placed.
    pub kind: ProblemKind,
    /// The explanation for the exceptions report, quoting the offending text.
    pub message: String,
}

/// What is wrong, in a form later stages can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// No record id (001 / 903); the file and position stand in for it.
    NoId,
    /// No title proper (200 `$a`, 245 `$a`).
    NoTitle,
    /// No host periodical to cite the article in (461/463, 773).
    NoHost,
    /// No year at all.
    NoDate,
    /// A date that cannot exist (31 aprel) or cannot be parsed.
    BadDate,
    /// Only a year is known; the record is usable but cannot be placed by day.
    YearOnly,
    /// A language code no known language answers to.
    UnknownLanguage,
    /// Not an article (a book, a serial): leader/07 or IRBIS worksheet 920.
    NotAnArticle,
    /// The record is damaged in its file (a malformed line, a broken leader or directory,
    /// ill-formed XML): what could be read is kept, and the record is not placed.
    Damaged,
    /// A control character (U+0080–U+009F, a stray byte) was removed from a field.
    ControlCharacter,
}

impl ProblemKind {
    /// Whether the record can still be placed in a bulletin.
    pub fn is_fatal(self) -> bool {
        matches!(
            self,
            ProblemKind::NoTitle
                | ProblemKind::NoHost
                | ProblemKind::NoDate
                | ProblemKind::BadDate
                | ProblemKind::UnknownLanguage
                | ProblemKind::NotAnArticle
                | ProblemKind::Damaged
        )
    }
}

/// The parts of a [`Record`] that most articles lack, kept apart so that a million records
/// held for a build pay for them only where they are catalogued. A record reads its
/// supplement through [`Record::supplement`] (an empty one when it has none) and writes it
/// through [`Record::supplement_mut`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Supplement {
    /// General material designation as recorded, without brackets (200 $b, 245 $h:
    /// `Электронный ресурс`, `Текст`).
    pub material: Option<SharedStr>,
    /// Parallel titles (200 $d, 245 $b after ` = `).
    pub parallel_titles: List<String>,
    /// Other title information (200 $e, 245 $b after ` : `).
    pub other_title: List<String>,
    /// Corporate bodies responsible (710/711, MARC 21 110/710).
    pub corporate: List<SharedStr>,
    /// General notes (300, 500): "Müsahibə", translation notes.
    pub notes: List<SharedStr>,
    /// The annotation (RUSMARC 330, MARC 21 520, IRBIS 331), kept for the compilers; not
    /// part of the description.
    pub annotation: Option<String>,
}

/// The supplement of a record that has none.
static NO_SUPPLEMENT: Supplement = Supplement {
    material: None,
    parallel_titles: List(None),
    other_title: List(None),
    corporate: List(None),
    notes: List(None),
    annotation: None,
};

/// One catalogued article.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// Record id: RUSMARC/MARC 001, IRBIS 903; or `file#position` when the record has none.
    pub id: SharedStr,
    /// The tag set the record is catalogued in.
    pub dialect: Dialect,
    /// Title proper (200 $a, 245 $a), without trailing prescribed punctuation.
    pub title: Title,
    /// Statements of responsibility as recorded (200 $f $g, 245 $c).
    pub responsibility: List<String>,
    /// Persons in catalogue order: authors first (700, 701), then 702, then subjects (600).
    pub persons: List<Person>,
    /// Languages of the text, first is the main one.
    pub languages: List<Language>,
    /// The periodical the article appeared in, shared by the records of one run that cite
    /// the same; `None` is a [`ProblemKind::NoHost`].
    pub host: Option<Arc<Host>>,
    /// When the article was published, as precisely as the record says.
    pub published: Published,
    /// Issue number as written (`14`, `3-4`).
    pub issue: Option<SharedStr>,
    /// Volume as written (`3`, `88`), from the host's numbering.
    pub volume: Option<SharedStr>,
    /// Pages as written, normalised to digits and an en dash (`3`, `45–52`).
    pub pages: Option<SharedStr>,
    /// Subject access points (600–607, MARC 21 600–651), in catalogue order.
    pub subjects: List<Subject>,
    /// Uncontrolled keywords (610, 653).
    pub keywords: List<SharedStr>,
    /// Class numbers of every scheme (686, 675, 621, 964, MARC 21 080, 084); those in the
    /// configured scheme place the record in bulletins and subtopics.
    pub classes: List<ClassNumber>,
    /// The parts most records lack (material, parallel and other titles, corporate bodies,
    /// notes, annotation), boxed so that a record without them pays one pointer: read them
    /// through [`Record::supplement`], write them through [`Record::supplement_mut`].
    supplement: Option<Box<Supplement>>,
    /// Cataloguing (intake) date: IRBIS 907 ^A, MARC 21 008/00-05.
    pub catalogued: Option<NaiveDate>,
    /// Where the record stands in its export file.
    pub origin: Origin,
    /// Everything found wrong while reading; a fatal one keeps the record out of the
    /// bulletins and puts it in the exceptions report.
    pub problems: List<Problem>,
}

/// A record serialises as one flat object, its supplement's fields in their catalogue
/// places (an absent supplement as empty fields).
impl Serialize for Record {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let supplement = self.supplement();
        let mut s = serializer.serialize_struct("Record", 23)?;
        s.serialize_field("id", &self.id)?;
        s.serialize_field("dialect", &self.dialect)?;
        s.serialize_field("title", &self.title)?;
        s.serialize_field("material", &supplement.material)?;
        s.serialize_field("parallel_titles", &supplement.parallel_titles)?;
        s.serialize_field("other_title", &supplement.other_title)?;
        s.serialize_field("responsibility", &self.responsibility)?;
        s.serialize_field("persons", &self.persons)?;
        s.serialize_field("corporate", &supplement.corporate)?;
        s.serialize_field("languages", &self.languages)?;
        s.serialize_field("host", &self.host)?;
        s.serialize_field("published", &self.published)?;
        s.serialize_field("issue", &self.issue)?;
        s.serialize_field("volume", &self.volume)?;
        s.serialize_field("pages", &self.pages)?;
        s.serialize_field("subjects", &self.subjects)?;
        s.serialize_field("keywords", &self.keywords)?;
        s.serialize_field("classes", &self.classes)?;
        s.serialize_field("notes", &supplement.notes)?;
        s.serialize_field("annotation", &supplement.annotation)?;
        s.serialize_field("catalogued", &self.catalogued)?;
        s.serialize_field("origin", &self.origin)?;
        s.serialize_field("problems", &self.problems)?;
        s.end()
    }
}

impl Record {
    /// The canonical order of records (id, then file and position): the order in which
    /// duplicates are resolved, so that the outcome never depends on the input order.
    pub fn canonical_cmp(&self, other: &Record) -> std::cmp::Ordering {
        self.id
            .cmp(&other.id)
            .then_with(|| self.origin.file.cmp(&other.origin.file))
            .then_with(|| self.origin.position.cmp(&other.origin.position))
    }

    /// A record with only an id and origin; readers fill in the rest.
    pub fn new(id: String, dialect: Dialect, origin: Origin) -> Record {
        Record {
            id: id.into(),
            dialect,
            title: Title::default(),
            responsibility: List::new(),
            persons: List::new(),
            languages: List::new(),
            host: None,
            published: Published::default(),
            issue: None,
            volume: None,
            pages: None,
            subjects: List::new(),
            keywords: List::new(),
            classes: List::new(),
            supplement: None,
            catalogued: None,
            origin,
            problems: List::new(),
        }
    }

    /// A record read from nowhere (`feed.txt`, IRBIS text, RUSMARC tags) with only an id
    /// and a title: what the unit tests start from.
    #[cfg(test)]
    pub(crate) fn for_test(id: &str, title: &str) -> Record {
        let origin = Origin {
            file: Arc::from(Path::new("feed.txt")),
            position: 1,
            line: 1,
            column: 1,
            offset: 0,
            length: 0,
            format: Format::IrbisText,
        };
        let mut record = Record::new(id.into(), Dialect::Rusmarc, origin);
        record.title = title.into();
        record
    }

    /// The parts most records lack; an empty supplement when the record has none.
    pub fn supplement(&self) -> &Supplement {
        self.supplement.as_deref().unwrap_or(&NO_SUPPLEMENT)
    }

    /// The parts most records lack, to be written: the record gains its own supplement on
    /// the first write.
    pub fn supplement_mut(&mut self) -> &mut Supplement {
        self.supplement.get_or_insert_with(Box::default)
    }

    /// The record's own supplement, to be written, when it has one (a pass over every
    /// text of a record that must not give each record a supplement).
    pub fn supplement_mut_if_any(&mut self) -> Option<&mut Supplement> {
        self.supplement.as_deref_mut()
    }

    /// Adds `items` to one list of the supplement (`list` picks it); a record gains a
    /// supplement only when there is an item to add.
    pub fn add_to_supplement<T: Clone>(
        &mut self,
        list: impl FnOnce(&mut Supplement) -> &mut List<T>,
        items: impl IntoIterator<Item = T>,
    ) {
        let mut items = items.into_iter().peekable();
        if items.peek().is_some() {
            list(self.supplement_mut()).extend(items);
        }
    }

    /// Sets the general material designation; a record gains a supplement only for one.
    pub fn set_material(&mut self, material: Option<SharedStr>) {
        if material.is_some() || self.supplement().material.is_some() {
            self.supplement_mut().material = material;
        }
    }

    /// Authors proper (primary and co-authors), in order.
    pub fn authors(&self) -> impl Iterator<Item = &Person> {
        self.persons
            .iter()
            .filter(|p| matches!(p.role, Role::Primary | Role::Coauthor))
    }

    /// Gives back the spare capacity the readers' growing buffers left in every string the
    /// record owns (its lists are exactly sized), so a million records held for a build
    /// cost what their text costs.
    pub fn shrink_to_fit(&mut self) {
        self.title.shrink_to_fit();
        for t in &mut self.responsibility {
            t.shrink_to_fit();
        }
        if let Some(s) = &mut self.supplement {
            for t in s.parallel_titles.iter_mut().chain(s.other_title.iter_mut()) {
                t.shrink_to_fit();
            }
            if let Some(a) = &mut s.annotation {
                a.shrink_to_fit();
            }
        }
        if let Some(h) = self.host.as_mut().and_then(Arc::get_mut) {
            h.title.shrink_to_fit();
        }
        for p in &mut self.problems {
            p.message.shrink_to_fit();
        }
    }

    /// Whether the record can be placed (no fatal problem).
    pub fn is_usable(&self) -> bool {
        !self.problems.iter().any(|p| p.kind.is_fatal())
    }

    /// Records a problem at the record's own position.
    pub fn problem(&mut self, kind: ProblemKind, message: impl Into<String>) {
        self.problems.push(Problem {
            line: self.origin.line,
            column: self.origin.column,
            kind,
            message: message.into(),
        });
    }

    /// Records a problem at a field's position.
    pub fn problem_at(
        &mut self,
        line: u32,
        column: u32,
        kind: ProblemKind,
        message: impl Into<String>,
    ) {
        self.problems.push(Problem {
            line,
            column,
            kind,
            message: message.into(),
        });
    }

    /// The main language of the text, when coded and known.
    pub fn main_language(&self) -> Option<&Language> {
        self.languages.first()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_are_normalised_and_derived() {
        assert_eq!(normalise_initials("Р.А."), "Р. А.");
        assert_eq!(normalise_initials("A"), "A.");
        assert_eq!(derive_initials("Abuzər Məmməd oğlu"), "A. M.");
        assert_eq!(derive_initials("Рамиз"), "Р.");
        assert_eq!(derive_initials(""), "");
    }

    #[test]
    fn an_origin_keeps_counts_in_four_bytes() {
        // The longest ISO 2709 record (a five-digit length) is kept as it is.
        assert_eq!(Origin::count(99_999_usize), 99_999);
        // A count beyond four bytes is kept as the largest, never wrapped round.
        assert_eq!(Origin::count(u64::from(u32::MAX) + 1), u32::MAX);
    }

    #[test]
    fn a_record_held_for_a_build_stays_small() {
        // A million records are held at once: every byte inline is a megabyte.
        let size = std::mem::size_of::<Record>();
        println!("size_of::<Record>() = {size}");
        assert!(size <= 304, "a record takes {size} bytes inline");
    }

    #[test]
    fn repeated_values_are_shared_once() {
        let mut interner = Interner::default();
        let mut a = SharedStr::from("Xalq qəzeti");
        let mut b = SharedStr::from(String::from("Xalq qəzeti"));
        interner.share(&mut a);
        interner.share(&mut b);
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert_eq!(a, "Xalq qəzeti");
        let host = |title: &str| {
            Arc::new(Host {
                title: title.into(),
                ..Host::default()
            })
        };
        let first = interner.host(host("Azərbaycan"));
        let second = interner.host(host("Azərbaycan"));
        let other = interner.host(host("Respublika"));
        assert!(Arc::ptr_eq(&first, &second));
        assert!(!Arc::ptr_eq(&first, &other));
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"Xalq qəzeti\"");
    }

    #[test]
    fn equal_lists_are_shared_and_a_change_stays_in_its_record() {
        let record = |id: &str| {
            let mut r = Record::for_test(id, "");
            r.keywords.push("neft".into());
            r.keywords.extend(["qaz".into(), "enerji".into()]);
            r
        };
        let mut interner = Interner::default();
        let (mut first, mut second) = (record("1"), record("2"));
        interner.share_record(&mut first);
        interner.share_record(&mut second);
        assert_eq!(first.keywords, ["neft", "qaz", "enerji"]);
        assert!(std::ptr::eq(
            first.keywords.as_slice(),
            second.keywords.as_slice()
        ));
        second.keywords[0] = "su".into();
        assert_eq!(first.keywords, ["neft", "qaz", "enerji"]);
        assert_eq!(second.keywords, ["su", "qaz", "enerji"]);
        second.keywords.retain(|k| k != "qaz");
        assert_eq!(second.keywords, ["su", "enerji"]);
        assert_eq!(
            serde_json::to_string(&second.keywords).unwrap(),
            r#"["su","enerji"]"#
        );
        second.keywords.clear();
        assert!(second.keywords.is_empty());
        assert_eq!(serde_json::to_string(&second.keywords).unwrap(), "[]");
    }
}
