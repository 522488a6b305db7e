//! Dates, issue numbers and pages as cataloguers write them.
//!
//! An article's issue date hides in free text: `№ 14 (17 yanvar)`, `25 дек.`,
//! `2012, 17 Jan., No. 14, p. 3`, `17.01.2012`. This module reads every such form in
//! Azerbaijani, Russian (full and abbreviated, nominative and genitive), Turkish, English,
//! German and French, by tokenising the text and applying one rule: a day (1–31) next to a month
//! name, in either order, or a numeric `dd.mm[.yyyy]`. A day that cannot exist in its
//! month (31 aprel) is an error, never silently moved. Case folding treats `İ`, `I` and
//! `ı` alike so `İYUL`, `Iyul` and `iyul` are one month. Volume, issue and pages are read by
//! one rule too ([`enumeration`]): a label of any of these languages (`Jahrgang`, `Heft`,
//! `n°`, `cilt`, `sayı`, `pp.`, `С.`) with its number.

/// Day and month found in a piece of text, with the year if the text gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayMonth {
    /// Day of the month, 1–31; `None` when the text names only a month.
    pub day: Option<u32>,
    /// Month, 1–12.
    pub month: u32,
    /// Year, when the text gives one (`dd.mm.yy` is read as 20yy).
    pub year: Option<i32>,
}

/// A date that is written but cannot exist or cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// What cannot be, quoting the text: `impossible date "31.04.2012"`.
    pub message: String,
}

/// Month names and abbreviations, folded (lower case, `ı`/`İ` → `i`, no trailing dot).
const MONTHS: &[(&str, u32)] = &[
    // Azerbaijani, full and abbreviated.
    ("yanvar", 1),
    ("yan", 1),
    ("fevral", 2),
    ("fev", 2),
    ("mart", 3),
    ("mar", 3),
    ("aprel", 4),
    ("apr", 4),
    ("may", 5),
    ("iyun", 6),
    ("iyn", 6),
    ("iyul", 7),
    ("iyl", 7),
    ("avqust", 8),
    ("avq", 8),
    ("sentyabr", 9),
    ("sen", 9),
    ("sent", 9),
    ("oktyabr", 10),
    ("okt", 10),
    ("noyabr", 11),
    ("noy", 11),
    ("dekabr", 12),
    ("dek", 12),
    // Russian: nominative, genitive, abbreviations.
    ("январь", 1),
    ("января", 1),
    ("янв", 1),
    ("февраль", 2),
    ("февраля", 2),
    ("февр", 2),
    ("фев", 2),
    ("март", 3),
    ("марта", 3),
    ("мар", 3),
    ("апрель", 4),
    ("апреля", 4),
    ("апр", 4),
    ("май", 5),
    ("мая", 5),
    ("июнь", 6),
    ("июня", 6),
    ("июн", 6),
    ("июль", 7),
    ("июля", 7),
    ("июл", 7),
    ("август", 8),
    ("августа", 8),
    ("авг", 8),
    ("сентябрь", 9),
    ("сентября", 9),
    ("сент", 9),
    ("сен", 9),
    ("октябрь", 10),
    ("октября", 10),
    ("окт", 10),
    ("ноябрь", 11),
    ("ноября", 11),
    ("нояб", 11),
    ("ноя", 11),
    ("декабрь", 12),
    ("декабря", 12),
    ("дек", 12),
    // English.
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("april", 4),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // Turkish.
    ("ocak", 1),
    ("subat", 2),
    ("şubat", 2),
    ("nisan", 4),
    ("mayis", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("agustos", 8),
    ("eylül", 9),
    ("eylul", 9),
    ("ekim", 10),
    ("kasim", 11),
    ("aralik", 12),
    // German (full and abbreviated; `Mai`, `Juni`, `Juli` have no shorter form).
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("mär", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("dez", 12),
    // French.
    ("janvier", 1),
    ("janv", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fevr", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
];

/// Lower-cases for matching, folding the four Turkic i's together.
pub fn fold(word: &str) -> std::borrow::Cow<'_, str> {
    // Most words are folded already (lower case, no Turkic i): borrowed, not copied.
    let folded = |c: char| {
        !matches!(c, 'İ' | 'I' | 'ı')
            && if c.is_ascii() {
                !c.is_ascii_uppercase()
            } else {
                c.is_lowercase() || !c.is_alphabetic()
            }
    };
    if word.chars().all(folded) {
        return std::borrow::Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'İ' | 'I' | 'ı' => out.push('i'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The month a word names, if any (`Yanvar`, `янв.`, `марта`, `Sept.`).
pub fn month_of(word: &str) -> Option<u32> {
    let folded = fold(word.trim_end_matches('.'));
    MONTHS
        .iter()
        .find(|(name, _)| *name == folded)
        .map(|&(_, m)| m)
}

/// `I` … `XII` as a month number (upper case only: `i` and `v` are words).
fn roman_month(word: &str) -> Option<u32> {
    const ROMAN: [&str; 12] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    (1..=12)
        .zip(ROMAN)
        .find(|&(_, r)| r == word)
        .map(|(m, _)| m)
}

#[derive(Debug, Clone, PartialEq)]
enum Token<'a> {
    Number(&'a str),
    Word(&'a str),
    /// `dd.mm.yyyy` or `dd.mm` or `yyyy-mm-dd` written as one token.
    Numeric(&'a str),
    /// `№` or `#`: the number after it is an issue number, not a day.
    Marker,
}

impl Token<'_> {
    /// `-ci`, `-cı`, `-cu`, `-cü` (Azerbaijani), `-го`, `-е` (Russian), `th`, `st`, `nd`,
    /// `rd` (English), `er` (French `1er`).
    fn is_ordinal_ending(&self) -> bool {
        match self {
            Token::Word(w) => matches!(
                &*fold(w),
                "ci" | "cu" | "cü" | "го" | "е" | "th" | "st" | "nd" | "rd" | "er"
            ),
            _ => false,
        }
    }

    /// `№`, or a label of a volume, issue or pages (`No.`, `Ausgabe`, `sayı`, `S.`): the
    /// number after it is not a day.
    fn is_label(&self) -> bool {
        match self {
            Token::Marker => true,
            Token::Word(w) => designation(w).is_some(),
            _ => false,
        }
    }
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    // `i` and `j` are byte offsets, always at the start of a character.
    let mut i = 0;
    while let Some((c, next)) = char_at(text, i) {
        let start = i;
        if c.is_ascii_digit() {
            let mut j = i;
            let mut punct = false;
            while let Some((d, after)) = char_at(text, j) {
                if d.is_ascii_digit() {
                    j = after;
                } else if (d == '.' || d == '-' || d == '/')
                    && char_at(text, after).is_some_and(|(n, _)| n.is_ascii_digit())
                {
                    punct = true;
                    j = after;
                } else {
                    break;
                }
            }
            let token = &text[start..j];
            out.push(if punct {
                Token::Numeric(token)
            } else {
                Token::Number(token)
            });
            i = j;
        } else if c.is_alphabetic() {
            let mut j = i;
            while let Some((d, after)) = char_at(text, j)
                && d.is_alphabetic()
            {
                j = after;
            }
            out.push(Token::Word(&text[start..j]));
            i = j;
        } else {
            if c == '№' || c == '#' {
                out.push(Token::Marker);
            }
            i = next;
        }
    }
    out
}

/// The character that starts at byte `at` of `text` and the byte offset after it; `None`
/// at the end. How the scanners here walk a text without collecting its characters.
fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    let c = text.get(at..)?.chars().next()?;
    Some((c, at + c.len_utf8()))
}

/// Reads a numeric date: `17.01.2012`, `17.01`, `2012-01-17`, `17/01/2012`.
fn numeric_date(token: &str) -> Option<Result<DayMonth, DateError>> {
    let parts: Vec<&str> = token.split(['.', '-', '/']).collect();
    let nums: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    // Two or four digits: always an i32.
    let year = |n: u32| i32::try_from(n).ok();
    let (day, month, year) = match (parts.as_slice(), nums.as_slice()) {
        ([y, _, _], [_, m, d]) if y.len() == 4 => (*d, *m, year(nums[0])),
        ([_, _, y], [d, m, _]) if y.len() == 4 || y.len() == 2 => {
            let century = if y.len() == 2 { 2000 } else { 0 };
            (*d, *m, year(nums[2]).map(|y| century + y))
        }
        // `17.01` is a day and month; `5-8` and `3/4` are page ranges and double issues.
        ([_, _], [d, m]) if token.contains('.') => (*d, *m, None),
        _ => return None,
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        // Page ranges (`12-14`) and issue numbers (`3-4`) look alike: only a plausible
        // day and month make a date.
        if parts.len() == 3 {
            return Some(Err(DateError {
                message: format!("impossible date \"{token}\""),
            }));
        }
        return None;
    }
    Some(Ok(DayMonth {
        day: Some(day),
        month,
        year,
    }))
}

/// Finds a day and month (and a year, if present) anywhere in `text`.
///
/// Returns `Ok(None)` when the text names no month at all.
pub fn find_day_month(text: &str) -> Result<Option<DayMonth>, DateError> {
    let toks = tokens(text);
    let year = toks.iter().find_map(|t| match t {
        Token::Number(n) if n.len() == 4 => {
            n.parse::<i32>().ok().filter(|y| (1800..=2200).contains(y))
        }
        _ => None,
    });
    for (i, tok) in toks.iter().enumerate() {
        match tok {
            Token::Numeric(n) => {
                if let Some(found) = numeric_date(n) {
                    let mut found = found?;
                    found.year = found.year.or(year);
                    return Ok(Some(found));
                }
            }
            Token::Word(w) => {
                // A Roman month counts only right after a day: `17.I.2012`, `5 XII 2011`.
                let roman = roman_month(w)
                    .filter(|_| i >= 1 && matches!(toks[i - 1], Token::Number(n) if n.len() <= 2));
                let Some(month) = month_of(w).or(roman) else {
                    continue;
                };
                // "17 yanvar": a number right before; "Jan. 17": a number right after. An
                // ordinal ending may stand between (`17-ci yanvar`, `17-го января`, `17th Jan.`).
                let j = if i >= 1 && toks[i - 1].is_ordinal_ending() {
                    i.checked_sub(2)
                } else {
                    i.checked_sub(1)
                };
                let before = j.and_then(|j| match toks[j] {
                    Token::Number(n) if n.len() <= 2 => n.parse::<u32>().ok(),
                    _ => None,
                });
                let before =
                    before.filter(|_| !j.is_some_and(|j| j >= 1 && toks[j - 1].is_label()));
                let k = if toks
                    .get(i + 1)
                    .is_some_and(|t| matches!(t, Token::Number(_)))
                {
                    i + 1
                } else {
                    usize::MAX
                };
                let after = match toks.get(k) {
                    Some(Token::Number(n)) if n.len() <= 2 => n.parse::<u32>().ok(),
                    _ => None,
                };
                let day = before.or(after);
                if let Some(day) = day
                    && !(1..=31).contains(&day)
                {
                    return Err(DateError {
                        message: format!("impossible day {day} in \"{}\"", text.trim()),
                    });
                }
                return Ok(Some(DayMonth { day, month, year }));
            }
            Token::Number(_) | Token::Marker => {}
        }
    }
    Ok(None)
}

/// A four-digit year anywhere in `text` (`2012`, `[2012]`, `2012-ci il`).
pub fn find_year(text: &str) -> Option<i32> {
    tokens(text).into_iter().find_map(|t| match t {
        Token::Number(n) if n.len() == 4 => {
            n.parse::<i32>().ok().filter(|y| (1800..=2200).contains(y))
        }
        Token::Numeric(n) => numeric_date(n).and_then(Result::ok).and_then(|d| d.year),
        _ => None,
    })
}

/// Checks that a day and month exist in `year`.
pub fn to_date(year: i32, dm: &DayMonth) -> Result<Option<chrono::NaiveDate>, DateError> {
    let Some(day) = dm.day else { return Ok(None) };
    chrono::NaiveDate::from_ymd_opt(year, dm.month, day)
        .map(Some)
        .ok_or_else(|| DateError {
            message: format!("impossible date: day {day} of month {} in {year}", dm.month),
        })
}

/// The issue number in `№ 14 (17 yanvar)`, `No. 14`, `N 3-4`, `Nr. 5`, `Heft 2`, `sayı 2`,
/// `вып. 2` (every label [`enumeration`] knows), or a bare `14`.
pub fn find_issue_number(text: &str) -> Option<String> {
    issue_number(text, enumeration(text))
}

/// [`find_issue_number`] of a text whose [`enumeration`] has been read already (a caller
/// that wants the volume as well reads it once).
pub fn issue_number(text: &str, enumeration: Enumeration) -> Option<String> {
    if let Some(issue) = enumeration.issue {
        return Some(issue);
    }
    let text = text.trim();
    // A bare number not followed by a month name: `14`, `3-4`, `14 (17 yanvar)`.
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        let number = leading_number(text);
        let rest = text[number.len()..].trim_start();
        let next_word = rest
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if month_of(next_word).is_none() && !number.contains('.') {
            return Some(number.replace('–', "-"));
        }
    }
    None
}

/// The volume in `Т. 3, № 2`, `Vol. 2, no. 1`, `C. 68, № 2` (Azerbaijani *cild*), `том 5`,
/// `Bd. 12`, `5. Jahrgang`, `t. 4`, `cilt 3` (every label [`enumeration`] knows).
pub fn find_volume(text: &str) -> Option<String> {
    enumeration(text).volume
}

/// What the numbering of a host item says: volume, issue, pages and the year of publication.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Enumeration {
    /// The volume's number as written (`88`, `5`), without its label.
    pub volume: Option<String>,
    /// The issue's number as written (`3`, `3-4`), without its label.
    pub issue: Option<String>,
    /// Normalised as [`normalise_pages`] does (`6–13`, `1, 3`).
    pub pages: Option<String>,
    /// The year of publication: the first year in parentheses (`(2012)`, `(Juli/August
    /// 2018)`), else the first year standing alone (`2012, 17 Jan.`), never a year that
    /// numbers a volume (`88. 2010`, `Jg. 2010`).
    pub year: Option<i32>,
    /// Whether [`Enumeration::year`] stood in parentheses, the form that names the year
    /// of publication beside a volume's own year.
    pub year_in_parentheses: bool,
}

/// What a label numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Designation {
    Volume,
    Issue,
    Pages,
}

/// The designation a label names, in the languages catalogues write host numbering in:
/// English (`vol.`, `v.`, `no.`, `iss.`, `p.`, `pp.`), German (`Bd.`, `Band`, `Jahrgang`,
/// `Jg.`, `Heft`, `H.`, `Nr.`, `Ausgabe`, `S.`, `Seite`), French (`t.`, `tome`, `n°`, `nº`,
/// `numéro`, `fasc.`, `p.`), Turkish (`cilt`, `c.`, `sayı`, `s.`, `sayfa`), Azerbaijani
/// (`cild`, `C.`, `№`, `S.`) and Russian (`т.`, `том`, `вып.`, `с.`, `стр.`).
fn designation(label: &str) -> Option<Designation> {
    use Designation::{Issue, Pages, Volume};
    Some(match &*fold(label) {
        "vol" | "vols" | "volume" | "v" | "bd" | "band" | "jahrgang" | "jahrg" | "jg" | "t"
        | "tome" | "tom" | "cilt" | "c" | "cild" | "т" | "том" => Volume,
        "no" | "nos" | "n" | "n°" | "nº" | "nr" | "nro" | "num" | "number" | "numéro"
        | "numero" | "heft" | "h" | "ausgabe" | "sayi" | "issue" | "iss" | "fasc" | "вып"
        | "выпуск" => Issue,
        "p" | "pp" | "page" | "pages" | "s" | "ss" | "seite" | "seiten" | "sayfa" | "sf" | "с"
        | "стр" => Pages,
        _ => return None,
    })
}

/// A piece of host numbering text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece<'a> {
    /// Digits, or a range or double number written as one (`11-19`, `117–120`, `3/4`).
    Number(&'a str),
    /// Letters (with `°`, as in `n°`).
    Word(&'a str),
    /// `№` or `#`.
    Marker,
    Dot,
    Comma,
    Open,
    Close,
    Other,
}

fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    // Byte offsets, always at the start of a character (see `char_at`).
    let mut i = 0;
    while let Some((c, next)) = char_at(text, i) {
        let start = i;
        let mut j = next;
        if c.is_ascii_digit() {
            while let Some((d, after)) = char_at(text, j) {
                let joins = matches!(d, '-' | '–' | '/')
                    && char_at(text, after).is_some_and(|(n, _)| n.is_ascii_digit());
                if d.is_ascii_digit() || joins {
                    j = after;
                } else {
                    break;
                }
            }
            out.push(Piece::Number(&text[start..j]));
        } else if c.is_alphabetic() {
            while let Some((d, after)) = char_at(text, j)
                && (d.is_alphabetic() || d == '°')
            {
                j = after;
            }
            out.push(Piece::Word(&text[start..j]));
        } else {
            out.push(match c {
                '№' | '#' => Piece::Marker,
                '.' => Piece::Dot,
                ',' | ';' => Piece::Comma,
                '(' | '[' => Piece::Open,
                ')' | ']' => Piece::Close,
                _ if c.is_whitespace() => {
                    i = j;
                    continue;
                }
                _ => Piece::Other,
            });
        }
        i = j;
    }
    out
}

/// A plausible year of publication written as four digits.
fn year_of(number: &str) -> Option<i32> {
    (number.len() == 4)
        .then(|| number.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1800..=2200).contains(y))
}

/// Reads the numbering of a host item as catalogues write it in any of the languages
/// [`designation`] knows: `5. Jahrgang, Nr. 3 (2022), Seite 6-13`, `Heft 2, S. 117-120`,
/// `Bd. 12, H. 3`, `vol. 5, no. 2, pp. 11-19`, `t. 4, n° 7, p. 3`, `cilt 3, sayı 2,
/// s. 45-52`, `2012, 17 Jan., No. 14, p. 3`, `2012. – № 14. – С. 3`, `Т. 320, № 1`.
///
/// One rule: a label's number follows it (over its period), or precedes it as an ordinal
/// (`5. Jahrgang`); pages run on over commas (`p. 1, 3`); a number opening the text before
/// a period and a year is a volume numbered by that year (`88. 2010 (2012)`: volume 88 of
/// 2010, published 2012). The first of each wins.
pub fn enumeration(text: &str) -> Enumeration {
    use Designation::{Issue, Pages, Volume};
    let p = pieces(text);
    let mut used = vec![false; p.len()];
    let mut e = Enumeration::default();
    if let [Piece::Number(volume), Piece::Dot, Piece::Number(year), ..] = p.as_slice()
        && year_of(volume).is_none()
        && year_of(year).is_some()
    {
        e.volume = Some(volume.to_string());
        used[0] = true;
        used[2] = true;
    }
    for i in 0..p.len() {
        let kind = match p[i] {
            Piece::Word(w) => designation(w),
            Piece::Marker => Some(Issue),
            _ => None,
        };
        let Some(kind) = kind else { continue };
        let mut j = i + 1;
        while p.get(j) == Some(&Piece::Dot) {
            j += 1;
        }
        let after = matches!(p.get(j), Some(Piece::Number(_))) && !used[j];
        let ordinal = kind != Pages
            && i >= 2
            && p[i - 1] == Piece::Dot
            && matches!(p[i - 2], Piece::Number(n) if year_of(n).is_none())
            && !used[i - 2];
        let at = match (after, ordinal) {
            (true, _) => j,
            (false, true) => i - 2,
            (false, false) => continue,
        };
        let Piece::Number(number) = p[at] else {
            continue;
        };
        used[at] = true;
        match kind {
            Volume => {
                e.volume.get_or_insert_with(|| number.to_string());
            }
            Issue => {
                e.issue.get_or_insert_with(|| number.to_string());
            }
            Pages => {
                // An article continued on other pages: `p. 1, 3`, `С. 2, 5-6`.
                let mut pages = number.to_string();
                let mut k = at + 1;
                while let (Some(Piece::Comma), Some(Piece::Number(more))) = (p.get(k), p.get(k + 1))
                {
                    let ends = matches!(
                        p.get(k + 2),
                        None | Some(Piece::Comma | Piece::Dot | Piece::Close | Piece::Other)
                    );
                    if !ends || year_of(more).is_some() {
                        break;
                    }
                    pages.push_str(", ");
                    pages.push_str(more);
                    used[k + 1] = true;
                    k += 2;
                }
                if e.pages.is_none() {
                    e.pages = normalise_pages(&pages);
                }
            }
        }
    }
    let (mut depth, mut in_parentheses, mut alone) = (0usize, None, None);
    for (i, piece) in p.iter().enumerate() {
        match piece {
            Piece::Open => depth += 1,
            Piece::Close => depth = depth.saturating_sub(1),
            Piece::Number(n) if !used[i] => {
                if let Some(year) = year_of(n) {
                    let slot = if depth > 0 {
                        &mut in_parentheses
                    } else {
                        &mut alone
                    };
                    slot.get_or_insert(year);
                }
            }
            _ => {}
        }
    }
    e.year_in_parentheses = in_parentheses.is_some();
    e.year = in_parentheses.or(alone);
    e
}

fn leading_number(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|&(i, c)| {
            !(c.is_ascii_digit()
                || ((c == '-' || c == '–' || c == '/')
                    && text[i + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit())))
        })
        .map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// Pages as written (`S. 3`, `С. 12-14`, `p. 5`, `3`, `45–52 с.`, `[С. 11-15]`) → `3`, `12–14`.
pub fn normalise_pages(text: &str) -> Option<String> {
    // The first digit: past a label and brackets (`S. 3`, `[С. 11-15]`).
    let digits_start = text.find(|c: char| c.is_ascii_digit())?;
    let mut rest = &text[digits_start..];
    let first = leading_number(rest);
    if first.is_empty() {
        return None;
    }
    let mut pages = String::with_capacity(first.len());
    push_page_range(&mut pages, first);
    // An article continued on another page: `S. 1, 3`, `С. 2, 5-6`.
    rest = &rest[first.len()..];
    while let Some(next) = rest.trim_start().strip_prefix(',') {
        let next = next.trim_start();
        let number = leading_number(next);
        if number.is_empty() {
            break;
        }
        rest = &next[number.len()..];
        pages.push_str(", ");
        push_page_range(&mut pages, number);
    }
    Some(pages)
}

/// Adds a page or a range of pages with an en dash between its ends (`12-14` → `12–14`).
fn push_page_range(pages: &mut String, range: &str) {
    if range.contains(['-', '/', '–']) {
        pages.push_str(&range.replace(['-', '/'], "–").replace("––", "–"));
    } else {
        pages.push_str(range);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dm(text: &str) -> Option<(Option<u32>, u32, Option<i32>)> {
        find_day_month(text)
            .unwrap()
            .map(|d| (d.day, d.month, d.year))
    }

    #[test]
    fn day_and_month_in_every_language() {
        assert_eq!(dm("№ 14 (17 yanvar)"), Some((Some(17), 1, None)));
        assert_eq!(dm("№ 14 (17 янв.)"), Some((Some(17), 1, None)));
        assert_eq!(dm("25 дек."), Some((Some(25), 12, None)));
        assert_eq!(dm("14 марта"), Some((Some(14), 3, None)));
        assert_eq!(
            dm("2012, 17 Jan., No. 14, p. 3"),
            Some((Some(17), 1, Some(2012)))
        );
        assert_eq!(dm("Jan. 17, 2012"), Some((Some(17), 1, Some(2012))));
        assert_eq!(dm("17 İYUL"), Some((Some(17), 7, None)));
        assert_eq!(dm("5 Sentyabr 2012"), Some((Some(5), 9, Some(2012))));
        assert_eq!(dm("3 Ağustos"), Some((Some(3), 8, None)));
        assert_eq!(dm("17.01.2012"), Some((Some(17), 1, Some(2012))));
        assert_eq!(dm("2012-01-17"), Some((Some(17), 1, Some(2012))));
        assert_eq!(dm("№ 3 (mart)"), Some((None, 3, None)));
        assert_eq!(
            dm("17-ci yanvar 2012-ci il"),
            Some((Some(17), 1, Some(2012)))
        );
        assert_eq!(dm("31-cı mart"), Some((Some(31), 3, None)));
        assert_eq!(dm("5-го марта"), Some((Some(5), 3, None)));
        assert_eq!(dm("the 3rd of May"), Some((None, 5, None)));
        assert_eq!(dm("May 3rd, 2012"), Some((Some(3), 5, Some(2012))));
        assert_eq!(dm("17.I.2012"), Some((Some(17), 1, Some(2012))));
        assert_eq!(dm("№ 5 (5 XII)"), Some((Some(5), 12, None)));
        assert_eq!(dm("Т. II, № 3"), None);
        assert_eq!(dm("№ 14"), None);
        assert_eq!(dm("S. 12-14"), None);
        assert_eq!(dm("2012, No. 1, p. 5-8"), None);
        assert_eq!(dm("№ 3/4"), None);
    }

    #[test]
    fn impossible_days_are_errors() {
        let dm = find_day_month("31 aprel").unwrap().unwrap();
        assert!(to_date(2012, &dm).is_err());
        assert!(find_day_month("45 yanvar").is_err());
        assert!(find_day_month("31.02.2012").is_ok_and(|d| to_date(2012, &d.unwrap()).is_err()));
        assert!(find_day_month("40.13.2012").is_err());
        let leap = find_day_month("29 fevral").unwrap().unwrap();
        assert!(to_date(2012, &leap).unwrap().is_some());
        assert!(to_date(2013, &leap).is_err());
    }

    #[test]
    fn issue_numbers() {
        assert_eq!(find_issue_number("№ 14 (17 yanvar)").as_deref(), Some("14"));
        assert_eq!(find_issue_number("No. 14").as_deref(), Some("14"));
        assert_eq!(find_issue_number("№3-4").as_deref(), Some("3-4"));
        assert_eq!(find_issue_number("14").as_deref(), Some("14"));
        assert_eq!(find_issue_number("no. 1 (2012)").as_deref(), Some("1"));
        assert_eq!(find_issue_number("Vol. 2, no. 3").as_deref(), Some("3"));
        assert_eq!(find_issue_number("17 noyabr"), None);
        assert_eq!(find_issue_number("17 yanvar"), None);
        assert_eq!(find_issue_number("Nisan"), None);
    }

    #[test]
    fn volumes() {
        assert_eq!(find_volume("Т. 3, № 4").as_deref(), Some("3"));
        assert_eq!(
            find_volume("Vol. 2, no. 1 (2012), p. 55-68").as_deref(),
            Some("2")
        );
        assert_eq!(find_volume("2012, vol. 12, no. 3").as_deref(), Some("12"));
        assert_eq!(find_volume("C. 68, № 2").as_deref(), Some("68"));
        assert_eq!(find_volume("Cild 68").as_deref(), Some("68"));
        assert_eq!(find_volume("№ 3 (mart)"), None);
        assert_eq!(find_volume("2012, 14 марта, № 47, с. 2"), None);
        assert_eq!(find_volume("С. 2"), None);
        assert_eq!(find_volume("s. 3"), None);
    }

    /// (volume, issue, pages, year, year in parentheses) of a host numbering.
    fn en(
        text: &str,
    ) -> (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<i32>,
        bool,
    ) {
        let e = enumeration(text);
        (e.volume, e.issue, e.pages, e.year, e.year_in_parentheses)
    }

    #[allow(
        clippy::unnecessary_wraps,
        reason = "builds the expected `Option` of an assertion"
    )]
    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn host_numbering_in_every_convention() {
        // German.
        assert_eq!(
            en("5. Jahrgang, Nr. 3 (2022), Seite 6-13"),
            (some("5"), some("3"), some("6–13"), Some(2022), true)
        );
        assert_eq!(
            en("39. Jahrgang, Ausgabe 4 (Juli/August 2018)"),
            (some("39"), some("4"), None, Some(2018), true)
        );
        assert_eq!(
            en("Heft 2, S. 117-120"),
            (None, some("2"), some("117–120"), None, false)
        );
        assert_eq!(
            en("Bd. 12, H. 3"),
            (some("12"), some("3"), None, None, false)
        );
        assert_eq!(
            en("Jg. 2010, H. 3"),
            (some("2010"), some("3"), None, None, false)
        );
        // A volume numbered by its year, published later: the year in parentheses.
        assert_eq!(
            en("88. 2010 (2012), S. 175-179"),
            (some("88"), None, some("175–179"), Some(2012), true)
        );
        // English, French, Turkish.
        assert_eq!(
            en("vol. 5, no. 2, pp. 11-19"),
            (some("5"), some("2"), some("11–19"), None, false)
        );
        assert_eq!(
            en("Vol. 2, no. 1 (2012), p. 55-68"),
            (some("2"), some("1"), some("55–68"), Some(2012), true)
        );
        assert_eq!(
            en("t. 4, n° 7, p. 3"),
            (some("4"), some("7"), some("3"), None, false)
        );
        assert_eq!(en("t. 4, nº 7").1, some("7"));
        assert_eq!(
            en("cilt 3, sayı 2, s. 45-52"),
            (some("3"), some("2"), some("45–52"), None, false)
        );
        assert_eq!(
            en("Cilt 3, Sayı 2, ss. 45-52"),
            (some("3"), some("2"), some("45–52"), None, false)
        );
        // The forms already read: a date and a year standing alone, ISBD separators.
        assert_eq!(
            en("2012, 17 Jan., No. 14, p. 3"),
            (None, some("14"), some("3"), Some(2012), false)
        );
        assert_eq!(
            en("2012. – № 14. – С. 3-4"),
            (None, some("14"), some("3–4"), Some(2012), false)
        );
        assert_eq!(en("2012, No. 2, p. 1, 3").2, some("1, 3"));
        assert_eq!(en("2012, № 3, S. 45-52").2, some("45–52"));
        assert_eq!(
            en("Т. 320, № 1 : Науки о Земле"),
            (some("320"), some("1"), None, None, false)
        );
        assert_eq!(en("17.01.2012").3, Some(2012));
        assert_eq!(en("№ 14 (17 янв.)"), (None, some("14"), None, None, false));
    }

    #[test]
    fn german_and_french_months() {
        assert_eq!(dm("(Juli/August 2018)"), Some((None, 7, Some(2018))));
        assert_eq!(
            dm("39. Jahrgang, Ausgabe 4 (Juli/August 2018)"),
            Some((None, 7, Some(2018)))
        );
        assert_eq!(dm("3. März 2012"), Some((Some(3), 3, Some(2012))));
        assert_eq!(dm("12 déc. 2012"), Some((Some(12), 12, Some(2012))));
        assert_eq!(dm("1er juillet 2012"), Some((Some(1), 7, Some(2012))));
        assert_eq!(dm("5 août"), Some((Some(5), 8, None)));
    }

    #[test]
    fn pages() {
        assert_eq!(normalise_pages("[С. 11-15]").as_deref(), Some("11–15"));
        assert_eq!(normalise_pages("[S. 3]").as_deref(), Some("3"));
        assert_eq!(normalise_pages("S. 3").as_deref(), Some("3"));
        assert_eq!(normalise_pages("С. 12-14").as_deref(), Some("12–14"));
        assert_eq!(normalise_pages("P. 45–52").as_deref(), Some("45–52"));
        assert_eq!(normalise_pages("s."), None);
        assert_eq!(normalise_pages("S. 1, 3").as_deref(), Some("1, 3"));
        assert_eq!(normalise_pages("С. 2, 5-6.").as_deref(), Some("2, 5–6"));
        assert_eq!(normalise_pages("12-14, ill.").as_deref(), Some("12–14"));
    }

    #[test]
    fn years() {
        assert_eq!(find_year("[2012]"), Some(2012));
        assert_eq!(find_year("Bakı, 2012"), Some(2012));
        assert_eq!(find_year("№ 14"), None);
    }
}
