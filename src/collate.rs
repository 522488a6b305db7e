//! Collation: Azerbaijani, Russian and root orders from ICU4X's CLDR tailorings.
//!
//! The Azerbaijani alphabet puts X after H, Q after K, Ə after E and dotless ı before
//! dotted i; Russian sorts Ё with Е at the first level. A code-point sort or the root
//! collation gets all of that wrong, so every comparison of text in this crate goes
//! through a [`Collators`] value, built once per run and shared (collators are `Sync`).
//! Orders that must be total break collation ties with code points.

use std::cmp::Ordering;

use icu_collator::options::{CollatorOptions, Strength};
use icu_collator::{Collator, CollatorBorrowed, CollatorPreferences};
use icu_locale_core::locale;

/// The language group of an entry: also picks the collator for its tie-breaks. Written
/// in the JSON as its [`key`](LanguageGroup::key).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum LanguageGroup {
    /// Entries in Azerbaijani, first in every section; Azerbaijani collation.
    #[serde(rename = "az")]
    Azerbaijani,
    /// Entries in Russian, second; Russian collation.
    #[serde(rename = "ru")]
    Russian,
    /// Entries in every other language, last; root collation.
    #[serde(rename = "other")]
    Other,
}

impl LanguageGroup {
    /// The group's key in the bulletin JSON.
    pub fn key(self) -> &'static str {
        match self {
            LanguageGroup::Azerbaijani => "az",
            LanguageGroup::Russian => "ru",
            LanguageGroup::Other => "other",
        }
    }

    /// Every group, in the order groups follow each other in a section.
    pub const ALL: [LanguageGroup; 3] = [
        LanguageGroup::Azerbaijani,
        LanguageGroup::Russian,
        LanguageGroup::Other,
    ];
}

/// The collators of one run.
pub struct Collators {
    az: CollatorBorrowed<'static>,
    ru: CollatorBorrowed<'static>,
    root: CollatorBorrowed<'static>,
    /// Primary strength, Azerbaijani: case- and accent-insensitive matching of headings.
    az_primary: CollatorBorrowed<'static>,
}

/// The script class a name sorts in: Latin (by Azerbaijani), Cyrillic (by Russian), rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Script {
    /// Latin letters ([`is_latin`]): sorted by the Azerbaijani alphabet, first.
    Latin,
    /// Cyrillic letters ([`is_cyrillic`]): sorted by the Russian alphabet, second.
    Cyrillic,
    /// Any other script, or no letter at all: root order, last.
    Other,
}

/// The script of the first letter of `text`.
pub fn script_of(text: &str) -> Script {
    match text.chars().find(|c| c.is_alphabetic()) {
        Some(c) if is_cyrillic(c) => Script::Cyrillic,
        Some(c) if is_latin(c) => Script::Latin,
        Some(_) | None => Script::Other,
    }
}

/// [`char::is_alphanumeric`], answered from a table for the first 2,048 code points
/// (Latin, Greek, Cyrillic and the rest of the two-byte range, where nearly every letter of
/// a catalogue is) and by the standard library's lookup beyond them.
pub fn is_alphanumeric(c: char) -> bool {
    const TABLED: usize = 2048;
    static TABLE: std::sync::LazyLock<[u64; TABLED / 64]> = std::sync::LazyLock::new(|| {
        let mut table = [0; TABLED / 64];
        for (i, c) in ('\0'..).take(TABLED).enumerate() {
            if c.is_alphanumeric() {
                table[i / 64] |= 1 << (i % 64);
            }
        }
        table
    });
    let i = c as usize;
    if i < TABLED {
        TABLE[i / 64] >> (i % 64) & 1 == 1
    } else {
        c.is_alphanumeric()
    }
}

/// Whether `c` is in a Cyrillic block: Cyrillic and its Supplement, Extended A–C.
pub fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}' | '\u{1C80}'..='\u{1C8F}' | '\u{2DE0}'..='\u{2DFF}' | '\u{A640}'..='\u{A69F}')
}

/// Whether `c` is a Latin-script letter: basic Latin, Latin-1 and Latin Extended A–D (with
/// the IPA block, home of the Azerbaijani `ə` U+0259) and Latin Extended Additional.
pub fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (c.is_alphabetic()
            && matches!(c, '\u{00C0}'..='\u{02AF}' | '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}' | '\u{A720}'..='\u{A7FF}'))
}

impl Collators {
    /// Builds the collators; ICU's compiled data makes this infallible in practice.
    ///
    /// # Panics
    ///
    /// Only if the compiled collation data lacks even the root collation, which the
    /// ICU4X data this crate is built with always has.
    pub fn new() -> Collators {
        let build = |loc: icu_locale_core::Locale, strength: Option<Strength>| {
            let mut options = CollatorOptions::default();
            options.strength = strength;
            // Compiled data always has these locales; fall back to root if a build lacks one.
            Collator::try_new((&loc).into(), options)
                .or_else(|_| Collator::try_new(CollatorPreferences::default(), options))
                .expect("ICU4X compiled collation data has a root collator")
        };
        Collators {
            az: build(locale!("az"), Some(Strength::Tertiary)),
            ru: build(locale!("ru"), Some(Strength::Tertiary)),
            root: build(locale!("und"), Some(Strength::Tertiary)),
            az_primary: build(locale!("az"), Some(Strength::Primary)),
        }
    }

    /// The tertiary-strength collator of a group's language (root for other languages).
    pub fn for_group(&self, group: LanguageGroup) -> &CollatorBorrowed<'static> {
        match group {
            LanguageGroup::Azerbaijani => &self.az,
            LanguageGroup::Russian => &self.ru,
            LanguageGroup::Other => &self.root,
        }
    }

    /// Compares in a group's language, then by code points, so the order is total.
    pub fn compare(&self, group: LanguageGroup, a: &str, b: &str) -> Ordering {
        self.for_group(group).compare(a, b).then_with(|| a.cmp(b))
    }

    /// A sort key in a group's language: comparing keys equals [`Collators::compare`]
    /// up to the code-point tie-break. Use it to sort many entries fast.
    pub fn sort_key(&self, group: LanguageGroup, text: &str) -> Vec<u8> {
        let mut key = Vec::with_capacity(text.len() * 2);
        let Ok(()) = self.for_group(group).write_sort_key_to(text, &mut key);
        key
    }

    /// Name and title order of indexes: Latin-script by the Azerbaijani alphabet, then
    /// Cyrillic by the Russian, then the rest by root; ties by code points.
    pub fn compare_names(&self, a: &str, b: &str) -> Ordering {
        let (sa, sb) = (script_of(a), script_of(b));
        sa.cmp(&sb)
            .then_with(|| self.compare(Self::script_group(sa), a, b))
    }

    /// The key of a name in [`Collators::compare_names`] order: comparing the script and
    /// then the sort key, then the names' code points, orders names as that does. Use it to
    /// sort many names fast.
    pub fn name_key(&self, name: &str) -> (Script, Vec<u8>) {
        let script = script_of(name);
        (script, self.sort_key(Self::script_group(script), name))
    }

    /// The group whose collator sorts a script's names.
    fn script_group(script: Script) -> LanguageGroup {
        match script {
            Script::Latin => LanguageGroup::Azerbaijani,
            Script::Cyrillic => LanguageGroup::Russian,
            Script::Other => LanguageGroup::Other,
        }
    }

    /// Case- and accent-insensitive equality in the Azerbaijani tailoring (I = ı, İ = i).
    pub fn matches(&self, a: &str, b: &str) -> bool {
        self.az_primary.compare(a.trim(), b.trim()) == Ordering::Equal
    }

    /// Whether `heading` starts with `prefix` under [`Collators::matches`], at a word
    /// boundary (`Avropa İttifaqı` matches `Avropa İttifaqı -- Azərbaycan`).
    pub fn matches_prefix(&self, heading: &str, prefix: &str) -> bool {
        let prefix = prefix.trim();
        let n = prefix.chars().count();
        let head: String = heading.trim().chars().take(n).collect();
        let rest = heading.trim().chars().nth(n);
        self.matches(&head, prefix) && rest.is_none_or(|c| !c.is_alphanumeric())
    }
}

impl Default for Collators {
    fn default() -> Self {
        Collators::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_of_letters_and_digits_agrees_with_unicode() {
        // Every code point, tabled or not.
        for c in '\0'..=char::MAX {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn azerbaijani_alphabet() {
        let c = Collators::new();
        let alphabet = "A B C Ç D E Ə F G Ğ H X I İ J K Q L M N O Ö P R S Ş T U Ü V Y Z";
        let letters: Vec<&str> = alphabet.split(' ').collect();
        let mut shuffled = letters.clone();
        shuffled.reverse();
        shuffled.sort_by(|a, b| c.compare(LanguageGroup::Azerbaijani, a, b));
        assert_eq!(shuffled, letters);
        let lower: Vec<String> = [
            "a", "c", "ç", "e", "ə", "h", "x", "ı", "i", "k", "q", "ş", "ü",
        ]
        .map(String::from)
        .to_vec();
        let mut sorted = lower.clone();
        sorted.reverse();
        sorted.sort_by(|a, b| c.compare(LanguageGroup::Azerbaijani, a, b));
        assert_eq!(sorted, lower);
    }

    #[test]
    fn russian_yo_sorts_with_ye() {
        let c = Collators::new();
        let mut words = vec!["Ежов", "Ёлкин", "Елисеев"];
        words.sort_by(|a, b| c.compare(LanguageGroup::Russian, a, b));
        assert_eq!(words, ["Ежов", "Елисеев", "Ёлкин"]);
    }

    #[test]
    fn names_by_script() {
        let c = Collators::new();
        let mut names = vec![
            "Алиев, Р.",
            "Xələfov, A.",
            "Smith, J.",
            "Əliyev, R.",
            "Ağayev, T.",
        ];
        names.sort_by(|a, b| c.compare_names(a, b));
        assert_eq!(
            names,
            [
                "Ağayev, T.",
                "Əliyev, R.",
                "Xələfov, A.",
                "Smith, J.",
                "Алиев, Р."
            ]
        );
    }

    #[test]
    fn name_keys_sort_as_names_compare() {
        let c = Collators::new();
        let names = [
            "Алиев, Р.",
            "Ёлкин, А.",
            "Елисеев, Б.",
            "Xələfov, A.",
            "Smith, J.",
            "smith, J.",
            "Əliyev, R.",
            "Ağayev, T.",
            "İsmayılov, F.",
            "Ismayılov, F.",
            "Şirinov, Ə.",
            "Sirinov, E.",
            "李, 明",
            "2012",
        ];
        let mut compared = names.to_vec();
        compared.sort_by(|a, b| c.compare_names(a, b));
        let mut keyed = names.to_vec();
        keyed.sort_by_cached_key(|n| (c.name_key(n), *n));
        assert_eq!(keyed, compared);
    }

    #[test]
    fn heading_matching_ignores_case_and_turkic_i() {
        let c = Collators::new();
        assert!(c.matches("AVROPA İTTİFAQI", "Avropa İttifaqı"));
        assert!(c.matches_prefix("Avropa İttifaqı -- Azərbaycan", "avropa ittifaqı"));
        assert!(!c.matches_prefix("Avropa İttifaqının", "Avropa İttifaqı"));
        assert!(c.matches("Европейский союз", "ЕВРОПЕЙСКИЙ СОЮЗ"));
    }
}
