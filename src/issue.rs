//! The ordered document: one issue of one bulletin (or one index), as printed.
//!
//! This is the output contract of the pipeline's ordering and describing stages and the
//! only input of rendering. It serialises to the bulletin JSON that other tools read
//! (`out/2012-Q3/<bulletin-id>.json`) and that the Typst template reads with `json(...)`.
//! Invariants: entries are numbered 1…N in document order with no gaps; sections keep the
//! configured subtopic order; groups within a section are Azerbaijani, Russian, other, and
//! an empty group or section is left out. In an index (`chronological`, `subject`) entries
//! run by date, a group is a run of one language with an empty heading, and a
//! chronological index's level-1 year sections carry no groups (their months do). Every
//! number in `names` and every count in `periodicals` refers to entries of this document.
//!
//! The apparatus fields (`front.verso`, `front.colophon`, `front.preface`,
//! `front.abbreviations`, `front.annotated`, a section's `see_also`, a name's `about`) are
//! optional in the JSON: absent when empty, so readers of older files keep working. Every
//! number in `see_also` and `about` is an entry of this document; a section whose subtopic
//! only refers elsewhere has `see_also` and no groups.

use std::borrow::Cow;

use ecow::EcoString;
use serde::{Deserialize, Serialize};

use crate::collate::LanguageGroup;
use crate::model::SharedStr;
use crate::period::Period;

/// What kind of document this is: a quarterly issue, an annual cumulation, or an index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    /// One quarter's issue of a bulletin (`2012-Q3`).
    Quarterly,
    /// A year's four quarters of a bulletin in one volume.
    Annual,
    /// An index of a span by date: year sections with their months.
    Chronological,
    /// An index of a span by subject heading.
    Subject,
}

/// One issue of one bulletin, ready to render.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Issue {
    /// Bulletin id (output file stem).
    pub bulletin: String,
    /// The bulletin's (or index's) title in Azerbaijani, as on the title page.
    pub title: String,
    /// The title in Russian, for the PDF metadata and other tools.
    pub title_ru: String,
    /// The title in English, for the PDF metadata and other tools.
    pub title_en: String,
    /// The year the document belongs to (an index: the year its span ends in).
    pub year: i32,
    /// Issue number within the year (quarter 1–4); 0 for an annual volume or an index.
    pub issue: u32,
    /// The quarter, year or span covered; `"quarter"` in the JSON (`2012-Q3`, `2012`,
    /// `2003-2012`, `2012-01-01/2012-03-31`).
    #[serde(rename = "quarter")]
    pub period: Period,
    /// Quarterly issue, annual cumulation, or which index.
    pub kind: DocumentKind,
    /// Front matter in the language of the bulletin (Azerbaijani).
    pub front: FrontMatter,
    /// The body: subtopics (or index headings) with their numbered entries.
    pub sections: Vec<Section>,
    /// The name index: persons in collation order with their entry numbers.
    pub names: Vec<NameEntry>,
    /// The periodicals used, in collation order, with their entries.
    pub periodicals: Vec<Periodical>,
}

/// Texts of the title page and apparatus, decided in Rust so the template stays simple.
/// The apparatus parts (verso, colophon, preface, abbreviations, cross-reference label,
/// annotations) start empty ([`Default`]) and are filled by [`crate::front::complete`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FrontMatter {
    /// Library name (`Prezident Kitabxanası`).
    pub library: String,
    /// Its parent body, printed above it when configured.
    pub parent: Option<String>,
    /// `Məlumat bülleteni`.
    pub series: String,
    /// `2012, № 3 (iyul–sentyabr)`.
    pub issue_line: String,
    /// `Bakı – 2012`.
    pub imprint: String,
    /// Running head, already case-mapped for Azerbaijani where capitals are wanted.
    pub running_head: String,
    /// Language of the front matter and apparatus (BCP 47: `az`, `ru`); entries whose
    /// `lang` differs are marked as such on the web page.
    #[serde(default = "azerbaijani")]
    pub language: String,
    /// `Mündəricat`, `Müəlliflər göstəricisi`, `İstifadə olunmuş dövri nəşrlər`.
    pub contents_heading: String,
    /// Heading of the name index (`Müəlliflər göstəricisi`).
    pub names_heading: String,
    /// Heading of the list of periodicals (`İstifadə olunmuş dövri nəşrlər`).
    pub periodicals_heading: String,
    /// PDF metadata keywords.
    pub keywords: Vec<String>,
    /// The document date (ISO 8601 in the JSON), from the data or `SOURCE_DATE_EPOCH`.
    pub date: chrono::NaiveDate,
    /// Title page verso (GOST R 7.0.4): UDC, BBK, compilers, editor, responsible, the
    /// series annotation, ISSN, in print order; lines whose key is not configured are left
    /// out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub verso: Vec<Line>,
    /// Output data on the last page: signed for print, format, print run.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub colophon: Vec<Line>,
    /// The compiler's preface (`Tərtibçidən`), placeholders filled, printed after the
    /// contents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preface: Option<Preface>,
    /// The list of abbreviations the issue's descriptions use (`Şərti ixtisarlar`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abbreviations: Option<Abbreviations>,
    /// `Bax həmçinin` (`См. также`): the label of a section's cross-references.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub see_also_label: String,
    /// Whether each entry's annotation is printed under it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub annotated: bool,
}

/// A labelled line of the imprint (`Redaktor:` `Ə. Məmmədov`); the label may be empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    /// The label, with its colon where it takes one (`Redaktor:`, `UOT`).
    pub label: String,
    /// The configured value.
    pub text: String,
}

/// The preface: its heading and its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preface {
    /// `Tərtibçidən`.
    pub heading: String,
    /// The configured text split at blank lines, its placeholders filled.
    pub paragraphs: Vec<String>,
}

/// The list of abbreviations: heading and items in print order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Abbreviations {
    /// `Şərti ixtisarlar`.
    pub heading: String,
    /// Azerbaijani, Russian, then other languages' abbreviations, each group in its
    /// collation order.
    pub items: Vec<Abbreviation>,
}

/// One abbreviation as printed in the descriptions, with its full form in the language of
/// the entries that use it (`lang`: `az`, `ru`, `en`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Abbreviation {
    /// As printed in the descriptions (`S.`, `С.`).
    pub short: String,
    /// The full form (`səhifə`, `страница`).
    pub full: String,
    /// The language of the entries that use it (`az`, `ru`, `en`).
    pub lang: String,
}

/// A subtopic (or, in an index, a month or a subject heading) with its language groups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Subtopic id, or a heading key in an index.
    pub subtopic: String,
    /// The heading as printed (the subtopic's title, a month, a subject heading).
    pub title: String,
    /// Nesting level for indexes (year → month is 1 → 2); 1 in a bulletin.
    #[serde(default = "one")]
    pub level: u8,
    /// Language groups with entries, in the order Azerbaijani, Russian, other (in an
    /// index, runs of one language in date order).
    pub groups: Vec<Group>,
    /// Entries described under another subtopic that also belong here (`Bax həmçinin:
    /// 12, 47`), ascending.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub see_also: Vec<u32>,
}

fn azerbaijani() -> String {
    "az".into()
}

fn one() -> u8 {
    1
}

/// Language group inside a section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// `az`, `ru` or `other` in the JSON.
    pub language: LanguageGroup,
    /// `Azərbaycan dilində`, `Rus dilində`, `Digər dillərdə`; empty in an index.
    pub heading: String,
    /// The group's entries in document order.
    pub entries: Vec<Entry>,
}

/// One numbered entry.
///
/// In the JSON its [`Description`] is two fields: `description`, the text as printed, and
/// `runs`, the same text as styled runs (`{"style": …, "text": …}`); in memory the runs are
/// ranges of the one text.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(from = "EntryJson")]
pub struct Entry {
    /// The entry number, 1…N through the document.
    pub number: u32,
    /// Id of the record described ([`crate::model::Record::id`]), shared with the record.
    pub record: SharedStr,
    /// Publication date (ISO 8601), or the year when only that is known.
    pub date: EcoString,
    /// Language code of the text as catalogued (`aze`, `rus`), or the inferred one.
    pub language: EcoString,
    /// BCP 47 tag for typesetting (`az`, `ru`, `en`).
    pub lang: EcoString,
    /// The entry's text as printed, with its styled runs.
    pub description: Description,
    /// The record's annotation (RUSMARC 330, MARC 21 520, IRBIS 331), not printed.
    pub annotation: Option<Box<str>>,
    /// The host periodical's ISSN, when catalogued; not printed.
    pub issn: Option<EcoString>,
}

impl Serialize for Entry {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let optional = usize::from(self.annotation.is_some()) + usize::from(self.issn.is_some());
        let mut s = serializer.serialize_struct("Entry", 7 + optional)?;
        s.serialize_field("number", &self.number)?;
        s.serialize_field("record", &self.record)?;
        s.serialize_field("date", &self.date)?;
        s.serialize_field("language", &self.language)?;
        s.serialize_field("lang", &self.lang)?;
        s.serialize_field("description", self.description.as_str())?;
        s.serialize_field("runs", &self.description)?;
        match &self.annotation {
            Some(annotation) => s.serialize_field("annotation", annotation)?,
            None => s.skip_field("annotation")?,
        }
        match &self.issn {
            Some(issn) => s.serialize_field("issn", issn)?,
            None => s.skip_field("issn")?,
        }
        s.end()
    }
}

/// An entry as the JSON writes it; its description is rebuilt from the runs.
#[derive(Deserialize)]
struct EntryJson {
    number: u32,
    record: String,
    date: EcoString,
    language: EcoString,
    lang: EcoString,
    runs: Vec<RunJson>,
    #[serde(default)]
    annotation: Option<String>,
    #[serde(default)]
    issn: Option<EcoString>,
}

#[derive(Deserialize)]
struct RunJson {
    style: Style,
    text: String,
}

impl From<EntryJson> for Entry {
    fn from(json: EntryJson) -> Entry {
        Entry {
            number: json.number,
            record: json.record.into(),
            date: json.date,
            language: json.language,
            lang: json.lang,
            description: Description::from_runs(
                json.runs.iter().map(|r| (r.style, r.text.as_str())),
            ),
            annotation: json.annotation.map(String::into_boxed_str),
            issn: json.issn,
        }
    }
}

/// A bibliographic description: its text as printed and its styled runs, each run a range
/// of the text (one string per entry, not one per run). Runs follow each other without
/// gaps and together make the whole text. It serialises as its runs.
///
/// A million entries hold a million descriptions, so each is one allocation: a header of
/// each run's length and style ([`pack`]) in ASCII digits ([`push_number`]), then the text.
/// Equal descriptions are equal in this form.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Description {
    /// The header's length, the header, then the text; empty for no runs and no text.
    data: Box<str>,
}

impl Description {
    /// A description of runs given in order, their texts concatenated.
    pub fn from_runs<'a>(runs: impl IntoIterator<Item = (Style, &'a str)>) -> Description {
        let mut text = String::new();
        let mut lengths = Vec::new();
        for (style, run) in runs {
            text.push_str(run);
            lengths.push((style, run.len()));
        }
        Description::encode(&text, lengths)
    }

    /// A description from a text and, for each run, its style and the byte offset where it
    /// ends (ascending, on character boundaries, the last at the end of the text).
    pub(crate) fn from_parts(text: &str, ends: &[(Style, u32)]) -> Description {
        let mut start = 0;
        let lengths = ends.iter().map(|&(style, end)| {
            let end = usize::try_from(end).map_or(text.len(), |e| e.clamp(start, text.len()));
            let length = end - start;
            start = end;
            (style, length)
        });
        Description::encode(text, lengths)
    }

    /// The description of `text` cut into runs of the given styles and byte lengths.
    fn encode(text: &str, runs: impl IntoIterator<Item = (Style, usize)>) -> Description {
        let mut header = String::new();
        for (style, length) in runs {
            push_number(&mut header, pack(style, length));
        }
        if header.is_empty() && text.is_empty() {
            return Description::default();
        }
        let mut data = String::with_capacity(header.len() + text.len() + 2);
        push_number(&mut data, header.len());
        data.push_str(&header);
        data.push_str(text);
        Description {
            data: data.into_boxed_str(),
        }
    }

    /// The header (runs) and the text.
    fn parts(&self) -> (&[u8], &str) {
        let mut at = 0;
        let length = read_number(self.data.as_bytes(), &mut at);
        let text_at = at.saturating_add(length).min(self.data.len());
        let header = self.data.as_bytes().get(at..text_at).unwrap_or_default();
        (header, self.data.get(text_at..).unwrap_or_default())
    }

    /// The text as printed.
    pub fn as_str(&self) -> &str {
        self.parts().1
    }

    /// A copy with each run's text replaced by what `f` makes of the run, styles kept.
    #[must_use]
    pub fn map_runs<'a>(&'a self, mut f: impl FnMut(Run<'a>) -> Cow<'a, str>) -> Description {
        let texts: Vec<(Style, Cow<'a, str>)> = self.runs().map(|r| (r.style, f(r))).collect();
        Description::from_runs(texts.iter().map(|(style, text)| (*style, &**text)))
    }

    /// The styled runs, in order.
    pub fn runs(&self) -> impl ExactSizeIterator<Item = Run<'_>> + Clone + '_ {
        let (header, text) = self.parts();
        // A number's last digit is the one without the continuation bit.
        let count = header.iter().filter(|&&b| b & MORE == 0).count();
        let (mut at, mut start) = (0usize, 0usize);
        (0..count).map(move |_| {
            let (style, length) = unpack(read_number(header, &mut at));
            let end = start.saturating_add(length).min(text.len());
            let run = text.get(start..end).unwrap_or_default();
            start = end;
            Run { style, text: run }
        })
    }
}

/// The continuation bit of a digit of a header number: more digits follow.
const MORE: u8 = 0x40;

/// Appends `value` in ASCII digits of six bits, lowest first, each but the last with
/// [`MORE`] set.
fn push_number(out: &mut String, mut value: usize) {
    loop {
        let digit = u8::try_from(value & 0x3F).unwrap_or(0);
        value >>= 6;
        if value == 0 {
            out.push(char::from(digit));
            return;
        }
        out.push(char::from(MORE | digit));
    }
}

/// Reads a number written by [`push_number`] at `at`, moving `at` past it.
fn read_number(bytes: &[u8], at: &mut usize) -> usize {
    let (mut value, mut shift) = (0usize, 0u32);
    while let Some(&digit) = bytes.get(*at) {
        *at += 1;
        value |= usize::from(digit & 0x3F).checked_shl(shift).unwrap_or(0);
        shift += 6;
        if digit & MORE == 0 {
            break;
        }
    }
    value
}

/// Bits of a packed run that hold the style.
const STYLE_BITS: u32 = 4;

/// A byte offset in a description as its describer counts it (saturating at `u32::MAX`).
pub(crate) fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// A run's style and length in one number: the length above the style's index.
fn pack(style: Style, length: usize) -> usize {
    (length << STYLE_BITS) | usize::from(style.index())
}

/// The style and length of a packed run.
fn unpack(packed: usize) -> (Style, usize) {
    let index = packed & ((1 << STYLE_BITS) - 1);
    let style = Style::ALL.get(index).copied().unwrap_or(Style::Punctuation);
    (style, packed >> STYLE_BITS)
}

impl std::fmt::Debug for Description {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Description")
            .field("text", &self.as_str())
            .field("runs", &self.runs().collect::<Vec<_>>())
            .finish()
    }
}

impl std::ops::Deref for Description {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for Description {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Description {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.runs())
    }
}

/// A run of description text with its role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Run<'a> {
    /// What part of the description the text is.
    pub style: Style,
    /// The text as printed, punctuation included.
    pub text: &'a str,
}

/// What a run of a bibliographic description is; the template decides how it looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Style {
    /// The heading (first author), printed bold.
    Heading,
    /// The title proper.
    Title,
    /// A general material designation with no content form to give it, as recorded
    /// (`[Ноты]`), or the content form and media type (`Текст : электронный`).
    Material,
    /// A parallel title (after ` = `).
    ParallelTitle,
    /// Other title information (after ` : `).
    OtherTitle,
    /// The statement of responsibility (after ` / `).
    Responsibility,
    /// The host periodical's title (after ` // `).
    HostTitle,
    /// The year and the host's numbering (`2012`, `№ 14`).
    Numbering,
    /// The article's pages with their label (`С. 3`).
    Pages,
    /// A general note (`Müsahibə`).
    Note,
    /// Prescribed punctuation and separators.
    Punctuation,
}

impl Style {
    /// Every style, in declaration order (a style's [`Style::index`] is its place here).
    pub const ALL: [Style; 11] = [
        Style::Heading,
        Style::Title,
        Style::Material,
        Style::ParallelTitle,
        Style::OtherTitle,
        Style::Responsibility,
        Style::HostTitle,
        Style::Numbering,
        Style::Pages,
        Style::Note,
        Style::Punctuation,
    ];

    /// The style's place in [`Style::ALL`].
    pub fn index(self) -> u8 {
        match self {
            Style::Heading => 0,
            Style::Title => 1,
            Style::Material => 2,
            Style::ParallelTitle => 3,
            Style::OtherTitle => 4,
            Style::Responsibility => 5,
            Style::HostTitle => 6,
            Style::Numbering => 7,
            Style::Pages => 8,
            Style::Note => 9,
            Style::Punctuation => 10,
        }
    }
}

/// A name in the name index with the numbers of its entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameEntry {
    /// The heading: the fullest form the records give (`Əliyev, İlham`).
    pub name: String,
    /// Entries the person wrote (or edited, translated …).
    pub entries: Vec<u32>,
    /// Entries about the person (subject, RUSMARC 600), not already in `entries`; printed
    /// in italics.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<u32>,
}

/// A periodical used, with its entry count (and the entries, for links).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Periodical {
    /// The host title as catalogued.
    pub title: String,
    /// How many entries are from it (the length of `numbers`).
    pub entries: usize,
    /// Numbers of the entries from it, ascending.
    pub numbers: Vec<u32>,
}

impl Issue {
    /// Number of entries in the document.
    pub fn entry_count(&self) -> usize {
        self.entries().count()
    }

    /// All entries in document order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.sections
            .iter()
            .flat_map(|s| s.groups.iter().flat_map(|g| g.entries.iter()))
    }

    /// Adds `offset` to every entry number and every number that points to an entry (name
    /// index, periodicals): a volume whose numbering runs on from the volumes before it.
    pub fn shift_numbers(&mut self, offset: u32) {
        if offset == 0 {
            return;
        }
        let entries = self
            .sections
            .iter_mut()
            .flat_map(|s| s.groups.iter_mut().flat_map(|g| g.entries.iter_mut()));
        for entry in entries {
            entry.number += offset;
        }
        let pointers = self
            .names
            .iter_mut()
            .flat_map(|n| n.entries.iter_mut())
            .chain(
                self.periodicals
                    .iter_mut()
                    .flat_map(|p| p.numbers.iter_mut()),
            );
        for number in pointers {
            *number += offset;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Description, Style};

    #[test]
    fn every_style_has_its_place() {
        for (i, style) in Style::ALL.into_iter().enumerate() {
            assert_eq!(usize::from(style.index()), i);
        }
    }

    #[test]
    fn runs_are_ranges_of_the_text() {
        let runs = [
            (Style::Heading, "Əliyev, R."),
            (Style::Punctuation, " "),
            (Style::Title, "Qarabağ"),
            (Style::Punctuation, " // "),
            (Style::HostTitle, "Səs"),
            (Style::Punctuation, "."),
        ];
        let description = Description::from_runs(runs);
        assert_eq!(description.as_str(), "Əliyev, R. Qarabağ // Səs.");
        let back: Vec<(Style, &str)> = description.runs().map(|r| (r.style, r.text)).collect();
        assert_eq!(back, runs);
        let json = serde_json::to_string(&description).expect("serialises");
        assert!(
            json.starts_with(r#"[{"style":"heading","text":"Əliyev, R."}"#),
            "{json}"
        );
    }
    #[test]
    fn runs_of_any_length_and_empty_ones_come_back_as_given() {
        let long = "Qarabağ həqiqətləri. ".repeat(300);
        let runs = [
            (Style::Title, long.as_str()),
            (Style::Punctuation, ""),
            (Style::Note, "ə"),
            (Style::Pages, &long[..64]),
            (Style::Punctuation, "."),
        ];
        let description = Description::from_runs(runs);
        assert_eq!(description.as_str(), format!("{long}ə{}.", &long[..64]));
        let back: Vec<(Style, &str)> = description.runs().map(|r| (r.style, r.text)).collect();
        assert_eq!(back, runs);
        assert_eq!(description.runs().len(), 5);
        let ends = [(Style::Title, 3), (Style::Punctuation, 3), (Style::Note, 6)];
        let parts = Description::from_parts("abcdə", &ends);
        let back: Vec<(Style, &str)> = parts.runs().map(|r| (r.style, r.text)).collect();
        assert_eq!(
            back,
            [
                (Style::Title, "abc"),
                (Style::Punctuation, ""),
                (Style::Note, "də")
            ]
        );
        assert_eq!(Description::from_runs([]), Description::default());
        assert_eq!(Description::default().as_str(), "");
        assert_eq!(Description::default().runs().len(), 0);
    }
}
