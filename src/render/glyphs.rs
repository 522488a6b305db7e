//! Glyph coverage check: every character of the issue's texts must be in an embedded font.
//!
//! PDF/A export already refuses a missing glyph, but its message points at the template
//! line that prints the text, not at the catalogue record the text came from. This check
//! runs before compiling and names the place in the issue (`entry 17 (record 123)`), so a
//! cataloguer can fix the record. Invariant: a character passes when some embedded font
//! covers it (Typst falls back between fonts) or when it is whitespace, a control or a
//! default-ignorable format character (soft hyphen, zero-width space, joiners…).

use std::collections::HashMap;
use std::fmt;

use typst::text::FontBook;

use crate::issue::Issue;

/// How many missing characters an error lists at most.
const MAX_LISTED: usize = 20;

/// A character no embedded font can print, and where it occurs first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingGlyph {
    /// The character, as it stands in the issue's text.
    pub ch: char,
    /// The place in the issue: `title`, `section "…"`, `entry 17 (record 123)`, `name index`.
    pub place: String,
    /// The text containing it (shortened).
    pub text: String,
}

impl fmt::Display for MissingGlyph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "character '{}' (U+{:04X}) is in no embedded font: {}: \"{}\"",
            self.ch, self.ch as u32, self.place, self.text
        )
    }
}

/// Whether `c` needs no glyph (it is spacing, a control, or invisible formatting).
fn ignorable(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{ad}' | '\u{34f}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}'
        )
}

/// Walks the issue's texts and remembers which characters the fonts cover.
struct Checker<'a> {
    book: &'a FontBook,
    known: HashMap<char, bool>,
    missing: Vec<MissingGlyph>,
}

impl Checker<'_> {
    fn covered(&mut self, c: char) -> bool {
        let book = self.book;
        *self.known.entry(c).or_insert_with(|| {
            (0..)
                .map_while(|i| book.info(i))
                .any(|info| info.coverage.contains(c as u32))
        })
    }

    fn check(&mut self, place: impl Fn() -> String, text: &str) {
        for c in text.chars() {
            if ignorable(c) || self.covered(c) || self.missing.iter().any(|m| m.ch == c) {
                continue;
            }
            if self.missing.len() < MAX_LISTED {
                let mut shown: String = text.chars().take(80).collect();
                if shown.len() < text.len() {
                    shown.push('…');
                }
                self.missing.push(MissingGlyph {
                    ch: c,
                    place: place(),
                    text: shown,
                });
            }
        }
    }
}

/// The characters of `issue` that no font in `book` covers (each listed once, at its first
/// occurrence), in document order.
pub(crate) fn missing_glyphs(book: &FontBook, issue: &Issue) -> Vec<MissingGlyph> {
    let mut checker = Checker {
        book,
        known: HashMap::new(),
        missing: Vec::new(),
    };
    let front = &issue.front;
    checker.check(|| "title".to_owned(), &issue.title);
    for (name, text) in [
        ("library", &front.library),
        ("series", &front.series),
        ("issue line", &front.issue_line),
        ("imprint", &front.imprint),
        ("running head", &front.running_head),
        ("contents heading", &front.contents_heading),
        ("names heading", &front.names_heading),
        ("periodicals heading", &front.periodicals_heading),
    ] {
        checker.check(|| name.to_owned(), text);
    }
    if let Some(parent) = &front.parent {
        checker.check(|| "parent body".to_owned(), parent);
    }
    for section in &issue.sections {
        checker.check(|| format!("section \"{}\"", section.title), &section.title);
        for group in &section.groups {
            checker.check(|| format!("group \"{}\"", group.heading), &group.heading);
            for entry in &group.entries {
                for run in entry.description.runs() {
                    let place = || format!("entry {} (record {})", entry.number, entry.record);
                    checker.check(place, run.text);
                }
            }
        }
    }
    for name in &issue.names {
        checker.check(|| "name index".to_owned(), &name.name);
    }
    for periodical in &issue.periodicals {
        checker.check(|| "periodicals".to_owned(), &periodical.title);
    }
    checker.missing
}

#[cfg(test)]
mod tests {
    use super::ignorable;

    #[test]
    fn invisible_characters_need_no_glyph() {
        for c in ['\u{ad}', '\u{200b}', '\u{feff}', ' ', '\u{a0}', '\n'] {
            assert!(ignorable(c), "{c:?}");
        }
        for c in ['a', 'ə', 'Ё', '中', '–'] {
            assert!(!ignorable(c), "{c:?}");
        }
    }
}
