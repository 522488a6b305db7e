//! Describing: a record → its analytic bibliographic description (GOST R 7.0.100-2018,
//! GOST 7.1-2003 lineage), as one text with its styled runs ([`Description`]).
//!
//! Areas in order: heading (first of one to three authors), title `=` parallel title `:`
//! other title information `/` responsibility, the content form and media type where the
//! record's material designation is not printed text (`. – Текст : электронный`, the area
//! GOST R 7.0.100-2018 puts in place of the old `[Электронный ресурс]`), `//` host
//! periodical, then `. – ` year, day and month (newspapers) or `№` issue (journals), pages
//! and notes. The host's ISSN and the annotation travel with the record but are not printed:
//! GOST R 7.0.100-2018 makes the identifying document's ISSN optional, and a bulletin lists
//! its periodicals apart. The apparatus (months, page, volume and issue labels, "et al.",
//! secondary roles) is one table per language ([`Apparatus`]): the entry's group's, and in
//! the "other" group the record's own language where the rules give it (German, French,
//! Turkish, English), English otherwise. A role the describer supplies from a relator code
//! stands in brackets (`[пер.]`). Prescribed punctuation is never
//! doubled: an element ending in `.`, `?`, `!` or `…` takes no second period. Non-breaking
//! spaces keep `№ 14`, `S. 3`, initials and day-month together on the printed page.

use std::fmt::Write as _;

use chrono::Datelike;

use crate::collate::LanguageGroup;
use crate::config::Separator;
use crate::issue::{Description, Style};
use crate::model::{Person, Record, Role, is_patronymic, is_patronymic_particle};

const NBSP: char = '\u{a0}';

/// The language the description's apparatus is written in: the entry's own language where
/// the rules give its abbreviations (Azerbaijani, Russian, English, German, French,
/// Turkish), English otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Apparatus {
    /// Azerbaijani entries.
    Azerbaijani,
    /// Russian entries (GOST R 7.0.12 abbreviations).
    Russian,
    /// English entries, and those of languages the rules give no abbreviations for.
    English,
    /// German entries.
    German,
    /// French entries.
    French,
    /// Turkish entries.
    Turkish,
}

/// The apparatus of one language: abbreviations as the description writes them inside an
/// area (an area's first word is capitalised by [`Apparatus::capitalise`]).
struct Forms {
    /// Page of an article: `S.`, `С.`, `p.`.
    page: &'static str,
    /// Volume of a periodical: `C.`, `Т.`, `vol.`, `Jg.`, `t.`, `cilt`.
    volume: &'static str,
    /// Issue number: `№`, `no.`, `H.`, `n°`, `sayı`.
    number: &'static str,
    /// More than three authors: `[və b.]`, `[и др.]`, `[et al.]`, `[u. a.]`, `[vd.]`.
    et_al: &'static str,
    /// Months after a day (genitive where the language inflects them).
    day_months: &'static [&'static str; 12],
    /// Months alone (a monthly journal's issue).
    months: &'static [&'static str; 12],
    /// How a day and its month are joined: `17 aprel`, `Apr. 17`, `17. Apr.`.
    date: DateOrder,
    /// Secondary roles, in [`ROLES`] order; `None` where the language's rules give no
    /// form (English is used).
    roles: [Option<&'static str>; ROLES.len()],
}

#[derive(Clone, Copy)]
enum DateOrder {
    DayMonth,
    MonthDay,
    /// German: `17. Apr.`.
    DayPointMonth,
}

/// Secondary roles the describer names when the record carries no statement of its own:
/// UNIMARC relator code, MARC relator code, MARC relator term.
const ROLES: [[&str; 3]; 6] = [
    ["730", "trl", "translator"],
    ["470", "ivr", "interviewer"],
    ["340", "edt", "editor"],
    ["220", "com", "compiler"],
    ["600", "pht", "photographer"],
    ["440", "ill", "illustrator"],
];

const AZERBAIJANI: Forms = Forms {
    page: "S.",
    volume: "C.",
    number: "№",
    et_al: "[və b.]",
    day_months: &AZ_MONTHS,
    months: &AZ_MONTHS,
    date: DateOrder::DayMonth,
    roles: [
        Some("tərc. et."),
        Some("müsahibəni apardı"),
        Some("red."),
        Some("tərt. et."),
        Some("foto"),
        Some("rəssam"),
    ],
};

const RUSSIAN: Forms = Forms {
    page: "С.",
    volume: "Т.",
    number: "№",
    et_al: "[и др.]",
    day_months: &RU_MONTHS_GENITIVE,
    months: &RU_MONTHS,
    date: DateOrder::DayMonth,
    roles: [
        Some("пер."),
        Some("беседовал"),
        Some("ред."),
        Some("сост."),
        Some("фот."),
        Some("худож."),
    ],
};

const ENGLISH: Forms = Forms {
    page: "p.",
    volume: "vol.",
    number: "no.",
    et_al: "[et al.]",
    day_months: &EN_MONTHS,
    months: &EN_MONTHS,
    date: DateOrder::MonthDay,
    roles: [
        Some("transl. by"),
        Some("interviewed by"),
        Some("ed. by"),
        Some("comp. by"),
        Some("photo by"),
        Some("ill. by"),
    ],
};

const GERMAN: Forms = Forms {
    page: "S.",
    volume: "Jg.",
    number: "H.",
    et_al: "[u. a.]",
    day_months: &DE_MONTHS,
    months: &DE_MONTHS,
    date: DateOrder::DayPointMonth,
    roles: [
        Some("übers. von"),
        None,
        Some("hrsg. von"),
        Some("zsgest. von"),
        None,
        Some("ill. von"),
    ],
};

const FRENCH: Forms = Forms {
    page: "p.",
    volume: "t.",
    number: "n°",
    et_al: "[et al.]",
    day_months: &FR_MONTHS,
    months: &FR_MONTHS,
    date: DateOrder::DayMonth,
    roles: [
        Some("trad. par"),
        Some("propos recueillis par"),
        Some("éd. par"),
        None,
        None,
        Some("ill. par"),
    ],
};

const TURKISH: Forms = Forms {
    page: "s.",
    volume: "cilt",
    number: "sayı",
    et_al: "[vd.]",
    day_months: &TR_MONTHS,
    months: &TR_MONTHS,
    date: DateOrder::DayMonth,
    roles: [
        Some("çev."),
        Some("söyleşiyi yapan"),
        None,
        Some("haz."),
        None,
        None,
    ],
};

impl Apparatus {
    /// The apparatus of a language group (the "other" group writes English).
    pub fn of(group: LanguageGroup) -> Apparatus {
        match group {
            LanguageGroup::Azerbaijani => Apparatus::Azerbaijani,
            LanguageGroup::Russian => Apparatus::Russian,
            LanguageGroup::Other => Apparatus::English,
        }
    }

    /// The apparatus of one entry: its group's, and inside the "other" group the record's
    /// own language where the rules give its abbreviations (German, French, Turkish,
    /// English), English otherwise.
    pub fn of_record(record: &Record, group: LanguageGroup) -> Apparatus {
        let lang = record
            .main_language()
            .and_then(|l| l.primary())
            .unwrap_or("");
        Apparatus::of_lang(group, lang)
    }

    /// [`Apparatus::of_record`] from the entry's language subtag (`de`, `fr`, `tr` …).
    pub fn of_lang(group: LanguageGroup, lang: &str) -> Apparatus {
        if group != LanguageGroup::Other {
            return Apparatus::of(group);
        }
        match lang {
            "de" => Apparatus::German,
            "fr" => Apparatus::French,
            "tr" => Apparatus::Turkish,
            _ => Apparatus::English,
        }
    }

    /// The language subtag of this apparatus (`az`, `ru`, `en`, `de`, `fr`, `tr`).
    pub fn lang(self) -> &'static str {
        match self {
            Apparatus::Azerbaijani => "az",
            Apparatus::Russian => "ru",
            Apparatus::English => "en",
            Apparatus::German => "de",
            Apparatus::French => "fr",
            Apparatus::Turkish => "tr",
        }
    }

    fn forms(self) -> &'static Forms {
        match self {
            Apparatus::Azerbaijani => &AZERBAIJANI,
            Apparatus::Russian => &RUSSIAN,
            Apparatus::English => &ENGLISH,
            Apparatus::German => &GERMAN,
            Apparatus::French => &FRENCH,
            Apparatus::Turkish => &TURKISH,
        }
    }

    fn et_al(self) -> &'static str {
        self.forms().et_al
    }

    /// Day and month as printed: `17 aprel`, `17 апр.`, `Apr. 17`, `17. Apr.`, `17 avr.`,
    /// `17 Nisan`.
    pub fn day_month(self, day: u32, month: u32) -> String {
        let m = (month.clamp(1, 12) - 1) as usize;
        let forms = self.forms();
        let name = forms.day_months[m];
        match forms.date {
            DateOrder::DayMonth => format!("{day}{NBSP}{name}"),
            DateOrder::MonthDay => format!("{name}{NBSP}{day}"),
            DateOrder::DayPointMonth => format!("{day}.{NBSP}{name}"),
        }
    }

    /// A month alone (monthly journals), as the first word of its area: `Mart`, `Март`,
    /// `Сент.` (nominative, abbreviated as GOST R 7.0.12 does), `Mar.`, `März`, `Mars`.
    pub fn month(self, month: u32) -> String {
        let m = (month.clamp(1, 12) - 1) as usize;
        self.capitalise(self.forms().months[m])
    }

    /// `text` with its first letter in capitals, as every area of a description begins
    /// (Azerbaijani and Turkish `i` → `İ`).
    pub fn capitalise(self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 1);
        self.capitalise_into(&mut out, text);
        out
    }

    /// [`Apparatus::capitalise`], written at the end of `out`.
    fn capitalise_into(self, out: &mut String, text: &str) {
        let mut chars = text.chars();
        let Some(first) = chars.next() else {
            return;
        };
        match (self, first) {
            (Apparatus::Azerbaijani | Apparatus::Turkish, 'i') => out.push('İ'),
            _ => out.extend(first.to_uppercase()),
        }
        out.push_str(chars.as_str());
    }

    /// The content form and media type (GOST R 7.0.100-2018 area 0) of a non-print
    /// designation: `Текст : электронный`. The Azerbaijani form is not attested.
    fn electronic_text(self) -> &'static str {
        match self {
            Apparatus::Azerbaijani => "Mətn : elektron",
            Apparatus::Russian => "Текст : электронный",
            _ => "Text : electronic",
        }
    }

    /// Label for a secondary role, from its relator code or term, in this language or, where
    /// its rules give none, in English.
    fn role_label(self, relator: &str) -> Option<&'static str> {
        let r = relator.trim().trim_end_matches('.').to_lowercase();
        let kind = ROLES.iter().position(|forms| forms.contains(&r.as_str()))?;
        self.forms().roles[kind].or(ENGLISH.roles[kind])
    }
}

/// The full forms of one language's abbreviations, for the issue's list of abbreviations:
/// page, volume, issue number, "et al.", the months, and the secondary roles in
/// [`ROLES`] order (`None` where the role's label is not abbreviated or not attested).
struct FullForms {
    page: &'static str,
    volume: &'static str,
    number: &'static str,
    et_al: &'static str,
    months: &'static [&'static str; 12],
    roles: [Option<&'static str>; ROLES.len()],
}

const AZERBAIJANI_FULL: FullForms = FullForms {
    page: "səhifə",
    volume: "cild",
    number: "nömrə",
    et_al: "və başqaları",
    months: &AZ_MONTHS,
    roles: [
        Some("tərcümə etmişdir"),
        None,
        Some("redaktor"),
        Some("tərtib etmişdir"),
        None,
        None,
    ],
};

const RUSSIAN_FULL: FullForms = FullForms {
    page: "страница",
    volume: "том",
    number: "номер",
    et_al: "и другие",
    months: &RU_MONTHS_FULL,
    roles: [
        Some("перевод"),
        None,
        Some("редактор"),
        Some("составитель"),
        Some("фотограф"),
        Some("художник"),
    ],
};

const ENGLISH_FULL: FullForms = FullForms {
    page: "page",
    volume: "volume",
    number: "number",
    et_al: "et alii (and others)",
    months: &EN_MONTHS_FULL,
    roles: [
        Some("translated by"),
        None,
        Some("edited by"),
        Some("compiled by"),
        None,
        Some("illustrated by"),
    ],
};

const GERMAN_FULL: FullForms = FullForms {
    page: "Seite",
    volume: "Jahrgang",
    number: "Heft",
    et_al: "und andere",
    months: &[
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    roles: [
        Some("übersetzt von"),
        None,
        Some("herausgegeben von"),
        Some("zusammengestellt von"),
        None,
        Some("illustriert von"),
    ],
};

const FRENCH_FULL: FullForms = FullForms {
    page: "page",
    volume: "tome",
    number: "numéro",
    et_al: "et alii (et autres)",
    months: &[
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    roles: [
        Some("traduit par"),
        None,
        Some("édité par"),
        None,
        None,
        Some("illustré par"),
    ],
};

const TURKISH_FULL: FullForms = FullForms {
    page: "sayfa",
    volume: "cilt",
    number: "sayı",
    et_al: "ve diğerleri",
    months: &TR_MONTHS,
    roles: [Some("çeviren"), None, None, Some("hazırlayan"), None, None],
};

impl Apparatus {
    fn full_forms(self) -> &'static FullForms {
        match self {
            Apparatus::Azerbaijani => &AZERBAIJANI_FULL,
            Apparatus::Russian => &RUSSIAN_FULL,
            Apparatus::English => &ENGLISH_FULL,
            Apparatus::German => &GERMAN_FULL,
            Apparatus::French => &FRENCH_FULL,
            Apparatus::Turkish => &TURKISH_FULL,
        }
    }

    /// The abbreviations this apparatus prints in descriptions, each with its full form
    /// in the same language (the list of abbreviations of an issue is chosen from these):
    /// only forms that differ from their full form (`S.`, `№`, `[və b.]`, `янв.`), never a
    /// word written out (`cilt`, `mart`).
    pub fn abbreviations(self) -> Vec<(String, &'static str)> {
        let (forms, full) = (self.forms(), self.full_forms());
        let mut list: Vec<(String, &'static str)> = vec![
            (forms.page.into(), full.page),
            (forms.volume.into(), full.volume),
            (forms.number.into(), full.number),
            (forms.et_al.into(), full.et_al),
        ];
        for (label, full) in forms.roles.iter().zip(full.roles) {
            if let (Some(label), Some(full)) = (label, full) {
                list.push(((*label).into(), full));
            }
        }
        for short in [forms.day_months, forms.months] {
            for (s, f) in short.iter().zip(full.months) {
                list.push(((*s).into(), f));
            }
        }
        let mut seen = std::collections::HashSet::new();
        list.retain(|(short, full)| {
            short.to_lowercase() != full.to_lowercase() && seen.insert(short.clone())
        });
        list
    }
}

/// English months in full (the full forms of [`EN_MONTHS`]).
pub const EN_MONTHS_FULL: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Azerbaijani months, in full and lower case: in dates, in periods (`yanvar–mart`) and
/// in the headings of indexes.
pub const AZ_MONTHS: [&str; 12] = [
    "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr",
    "noyabr", "dekabr",
];
/// Russian months in the genitive, abbreviated as GOST R 7.0.12-2011 prescribes: a day's
/// month in a date (`5 марта`).
pub const RU_MONTHS_GENITIVE: [&str; 12] = [
    "янв.",
    "февр.",
    "марта",
    "апр.",
    "мая",
    "июня",
    "июля",
    "авг.",
    "сент.",
    "окт.",
    "нояб.",
    "дек.",
];
/// Russian months in the nominative, in full: headings of indexes, and how cataloguers
/// write a journal's month (`№ 3 (март)`).
pub const RU_MONTHS_FULL: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
/// Russian months in the nominative, abbreviated as GOST R 7.0.12-2011 prescribes.
pub const RU_MONTHS: [&str; 12] = [
    "янв.",
    "февр.",
    "март",
    "апр.",
    "май",
    "июнь",
    "июль",
    "авг.",
    "сент.",
    "окт.",
    "нояб.",
    "дек.",
];
/// English months, abbreviated (`May`, `June`, `July` in full).
pub const EN_MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
];
/// German months as the Duden abbreviates them (`März`, `Mai`, `Juni`, `Juli` in full).
pub const DE_MONTHS: [&str; 12] = [
    "Jan.", "Febr.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.",
];
/// French months as the Bibliothèque nationale de France abbreviates them.
pub const FR_MONTHS: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];
/// Turkish months (written in full, with a capital, in Turkish usage).
pub const TR_MONTHS: [&str; 12] = [
    "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim",
    "Kasım", "Aralık",
];

/// Builds a description into one text with its runs as ranges of it, keeping prescribed
/// punctuation single. Its buffers are reused from one description to the next.
#[derive(Debug, Default)]
pub struct Describer {
    text: String,
    /// Each run's style and the byte offset in `text` where it ends.
    ends: Vec<(Style, u32)>,
}

impl Describer {
    /// A describer with empty buffers.
    pub fn new() -> Describer {
        Describer::default()
    }

    /// The description of `record`, with its apparatus in `apparatus`.
    pub fn describe(
        &mut self,
        record: &Record,
        apparatus: Apparatus,
        separator: Separator,
    ) -> Description {
        self.text.clear();
        self.ends.clear();
        write_description(self, record, apparatus, separator);
        Description::from_parts(&self.text, &self.ends)
    }

    fn last_char(&self) -> Option<char> {
        self.text.trim_end().chars().next_back()
    }

    /// Extends the last run if it has `style`, else starts a run of `style`, up to the end
    /// of the text.
    fn mark(&mut self, style: Style) {
        let end = crate::issue::offset(self.text.len());
        match self.ends.last_mut() {
            Some(last) if last.0 == style => last.1 = end,
            _ => self.ends.push((style, end)),
        }
    }

    /// Prescribed punctuation between elements, kept exactly as given (` : `, ` / `).
    fn punctuation(&mut self, text: &str) {
        self.text.push_str(text);
        self.mark(Style::Punctuation);
    }

    fn push(&mut self, style: Style, text: &str) {
        self.push_with(style, |out| out.push_str(text));
    }

    /// An element written by `write`, trimmed; nothing when it is blank.
    fn push_with(&mut self, style: Style, write: impl FnOnce(&mut String)) {
        let start = self.text.len();
        write(&mut self.text);
        let written = &self.text[start..];
        let kept = written.trim_end().len();
        let lead = kept - written[..kept].trim_start().len();
        self.text.truncate(start + kept);
        if lead == kept {
            return;
        }
        self.text.drain(start..start + lead);
        self.mark(style);
    }

    /// Prescribed punctuation: `sep` begins with `.` (`. – `, `.- `, `. `), which is
    /// dropped after text that already ends in terminal punctuation.
    fn separator(&mut self, sep: &str) {
        let ends_terminal = matches!(self.last_char(), Some('.' | '?' | '!' | '…'));
        // The element's own period stands for the separator's: `5 янв. – С. 2`, `5 yan.- S. 3`.
        let sep = if ends_terminal {
            sep.strip_prefix('.').unwrap_or(sep)
        } else {
            sep
        };
        if !sep.is_empty() {
            self.punctuation(sep);
        }
    }

    /// Ends the description with a period unless it already ends in one.
    fn close(&mut self) {
        if !matches!(self.last_char(), Some('.' | '?' | '!' | '…')) {
            self.separator(".");
        }
    }
}

/// A name in the statement of responsibility, as the bibliographers of the apparatus build
/// it: Russian with initials (`Р.⍽А.⍽Алиев`); Azerbaijani and English with the forename
/// when it is known (`Abuzər Xələfov`, without a patronymic `Məmməd oğlu`), else initials.
fn direct_name(out: &mut String, p: &Person, apparatus: Apparatus) {
    let forename = given_name(&p.forenames);
    if apparatus != Apparatus::Russian && !forename.is_empty() {
        out.push_str(&forename);
        out.push(' ');
        out.push_str(&p.surname);
        return;
    }
    let initials = p.initials_or_derived();
    out.extend(initials.chars().map(|c| if c == ' ' { NBSP } else { c }));
    if !initials.is_empty() {
        out.push(NBSP);
    }
    out.push_str(&p.surname);
}

/// The forenames without a patronymic: `Abuzər Məmməd oğlu` → `Abuzər`, `Leyla` → `Leyla`,
/// `Mary Ann` → `Mary Ann`.
fn given_name(forenames: &str) -> String {
    let words: Vec<&str> = forenames.split_whitespace().collect();
    let patronymic = words.iter().position(|w| is_patronymic(w));
    let end = match patronymic {
        // `Məmməd oğlu`: the father's name goes with the particle.
        Some(i) if is_patronymic_particle(words[i]) => i.saturating_sub(1),
        Some(i) => i,
        None => words.len(),
    };
    words[..end.max(1).min(words.len())].join(" ")
}

/// The heading of an entry: `Xələfov, A.` with non-breaking spaces between initials.
pub fn heading_name(p: &Person) -> String {
    let mut out = String::new();
    write_heading_name(&mut out, p);
    out
}

/// [`heading_name`], written at the end of `out`.
fn write_heading_name(out: &mut String, p: &Person) {
    let inverted = p.inverted();
    let mut pieces = inverted.split(". ");
    if let Some(first) = pieces.next() {
        out.push_str(first);
    }
    for piece in pieces {
        out.push('.');
        out.push(NBSP);
        out.push_str(piece);
    }
}

/// Whether a description starts with a heading: one to three authors.
pub fn has_heading(record: &Record) -> bool {
    (1..=3).contains(&record.authors().count())
}

/// The description of `record`, with its apparatus in `apparatus`.
pub fn describe(record: &Record, apparatus: Apparatus, separator: Separator) -> Description {
    Describer::new().describe(record, apparatus, separator)
}

/// Writes the description of `record` into `b`.
fn write_description(
    b: &mut Describer,
    record: &Record,
    apparatus: Apparatus,
    separator: Separator,
) {
    let sep = separator.as_str();
    let authors: Vec<&Person> = record.authors().collect();
    if has_heading(record) {
        b.push_with(Style::Heading, |out| write_heading_name(out, authors[0]));
        b.separator(". ");
    }
    b.push(Style::Title, &record.title);
    let material = record.supplement().material.as_deref().map(Material::of);
    if let Some(Material::Other(recorded)) = material {
        // No content form and media type to give it: the designation as recorded.
        b.punctuation(" ");
        b.push_with(Style::Material, |out| {
            out.push('[');
            out.push_str(recorded);
            out.push(']');
        });
    }
    for parallel in &record.supplement().parallel_titles {
        b.punctuation(" = ");
        b.push(Style::ParallelTitle, parallel);
    }
    for other in &record.supplement().other_title {
        b.punctuation(" : ");
        b.push(Style::OtherTitle, other);
    }
    let responsibility = responsibility(record, &authors, apparatus);
    if !responsibility.is_empty() {
        b.punctuation(" / ");
        b.push_with(Style::Responsibility, |out| {
            bind_initials(out, &responsibility);
        });
    }
    if let Some(Material::ElectronicText) = material {
        b.separator(sep);
        b.push(Style::Material, apparatus.electronic_text());
    }
    if let Some(host) = &record.host {
        b.punctuation(" // ");
        b.push(Style::HostTitle, &host.title);
    }
    if let Some(year) = record.published.year() {
        b.separator(sep);
        b.push_with(Style::Numbering, |out| {
            let _ = write!(out, "{year}");
        });
    }
    let numbering = numbering(record, apparatus);
    if !numbering.is_empty() {
        b.separator(sep);
        b.push(Style::Numbering, &numbering);
    }
    if let Some(pages) = &record.pages {
        b.separator(sep);
        b.push_with(Style::Pages, |out| {
            // The page label as an area begins with it: `S.`, `С.`, `P.`.
            apparatus.capitalise_into(out, apparatus.forms().page);
            out.push(NBSP);
            out.push_str(pages);
        });
    }
    for note in record
        .supplement()
        .notes
        .iter()
        .filter(|n| !n.trim().is_empty())
    {
        b.separator(sep);
        b.push_with(Style::Note, |out| {
            apparatus.capitalise_into(out, note.trim());
        });
    }
    b.close();
}

/// What a recorded general material designation (200 `$b`, 245 `$h`) says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Material<'a> {
    /// Printed text (`Текст`, `text`, `Mətn`): what every article of a bulletin is; not printed.
    Text,
    /// `Электронный ресурс`, `electronic resource`, `elektron resurs`.
    ElectronicText,
    /// Any other designation, as recorded.
    Other(&'a str),
}

impl<'a> Material<'a> {
    fn of(recorded: &'a str) -> Material<'a> {
        let folded = recorded.trim().to_lowercase();
        if ["электрон", "electronic", "elektron"]
            .iter()
            .any(|w| folded.contains(w))
        {
            Material::ElectronicText
        } else if matches!(
            folded.as_str(),
            "текст" | "text" | "mətn" | "metin" | "texte"
        ) {
            Material::Text
        } else {
            Material::Other(recorded.trim())
        }
    }
}

/// The statement of responsibility: as recorded, or built from the persons; its parts
/// are joined by ` ; ` and its initials not yet bound ([`bind_initials`]).
fn responsibility(record: &Record, authors: &[&Person], apparatus: Apparatus) -> String {
    let mut out = String::new();
    let mut first = true;
    let mut part = |out: &mut String| {
        if !std::mem::take(&mut first) {
            out.push_str(" ; ");
        }
    };
    if record.responsibility.is_empty() {
        if !authors.is_empty() {
            part(&mut out);
            for (i, p) in authors.iter().take(3).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                direct_name(&mut out, p, apparatus);
            }
            if authors.len() > 3 {
                out.push(' ');
                out.push_str(apparatus.et_al());
            }
        }
        let secondary = record.persons.iter().filter(|p| p.role == Role::Secondary);
        for p in secondary {
            part(&mut out);
            // The role is the describer's words, not the record's: in brackets.
            if let Some(label) = p.relator.as_deref().and_then(|r| apparatus.role_label(r)) {
                out.push('[');
                out.push_str(label);
                out.push_str("] ");
            }
            direct_name(&mut out, p, apparatus);
        }
        for corporate in &record.supplement().corporate {
            part(&mut out);
            out.push_str(corporate);
        }
    } else {
        let recorded = record.responsibility.iter().map(|s| s.trim());
        for statement in recorded.filter(|s| !s.is_empty()) {
            part(&mut out);
            out.push_str(statement);
        }
    }
    out
}

/// A no-break space after every initial (`Ş. Məmmədov` → `Ş.⍽Məmmədov`, `Р. А. Алиев`), so
/// a recorded statement keeps its names together as a built one does.
/// Written at the end of `out`.
fn bind_initials(out: &mut String, text: &str) {
    if !text.contains(". ") {
        out.push_str(text);
        return;
    }
    // The three characters before the current one, nearest first.
    let mut before: [Option<char>; 3] = [None; 3];
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let initial = before[0] == Some('.')
            && before[1].is_some_and(char::is_uppercase)
            && before[2].is_none_or(|b| !b.is_alphanumeric());
        let before_name = chars.peek().is_some_and(|n| n.is_uppercase());
        out.push(if c == ' ' && initial && before_name {
            NBSP
        } else {
            c
        });
        before = [Some(c), before[0], before[1]];
    }
}

/// Day and month for newspapers, `№` issue (and volume) for journals.
fn numbering(record: &Record, apparatus: Apparatus) -> String {
    if let Some(date) = record.published.date {
        return apparatus.day_month(date.day(), date.month());
    }
    let forms = apparatus.forms();
    let mut parts = Vec::new();
    if let Some(volume) = record.volume.as_deref().filter(|v| !v.trim().is_empty()) {
        parts.push(format!("{}{NBSP}{}", forms.volume, volume.trim()));
    }
    if let Some(issue) = record.issue.as_deref().filter(|v| !v.trim().is_empty()) {
        parts.push(format!(
            "{}{NBSP}{}",
            forms.number,
            issue.trim().replace('-', "–")
        ));
    } else if let Some(month) = record.published.month {
        parts.push(apparatus.month(month));
    }
    // The area begins with a capital: `Vol. 5, no. 2`, `No. 2`, `Cilt 3, sayı 2`.
    apparatus.capitalise(&parts.join(", "))
}
