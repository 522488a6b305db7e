//! Language codes: MARC / ISO 639-2 (bibliographic and terminology), ISO 639-1 and BCP 47.
//!
//! Catalogues write `aze`, `rus`, `ger`, `az`, `az-Latn`, `AZE`, `az_Latn`. Every form is
//! mapped to one canonical `unic-langid` identifier through CLDR's alias data
//! (`icu_locale::LocaleCanonicalizer`: `aze`→`az`, `ger`→`de`, `per`→`fa`). A code that
//! CLDR does not know as a language is reported as unknown, never guessed. A blank code
//! position (`###`, `|||`, spaces) is no code at all: the language is then inferred from the
//! letters of the title, where the Azerbaijani Latin letters (including `ə`) are evidence.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use icu_locale::LocaleCanonicalizer;
use icu_locale_core::Locale;
use unic_langid::LanguageIdentifier;

/// Three-letter codes that are real languages without a two-letter code, plus MARC's
/// special codes. Everything else must canonicalise to a two-letter code.
const THREE_LETTER_ONLY: &[&str] = &[
    "mul", "und", "zxx", "mis", "crh", "tly", "udi", "lez", "ava", "tkr", "kjj", "jdt", "tut",
    "ota", "syr", "arc", "chg", "gag", "krc", "kum", "nog", "sah", "tyv", "alt", "chm", "udm",
    "kbd", "ady", "lat", "grc", "haw", "fil", "ast", "hsb", "dsb",
];

fn canonicalizer() -> &'static LocaleCanonicalizer {
    static CANON: OnceLock<LocaleCanonicalizer> = OnceLock::new();
    CANON.get_or_init(LocaleCanonicalizer::new_extended)
}

/// Whether a language code is blank: MARC's fill characters `|||`, blanks shown as `#`,
/// `\\` or `_`, or spaces. A blank is no code (the language is inferred), never an
/// unknown code.
pub fn is_blank(code: &str) -> bool {
    code.chars()
        .all(|c| matches!(c, '#' | '|' | '\\' | '_') || c.is_whitespace())
}

/// Whether `c` is a letter of the Azerbaijani Latin alphabet (`w` admitted for loans).
pub fn is_azerbaijani_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(
            c,
            'ç' | 'ə' | 'ğ' | 'ı' | 'ö' | 'ş' | 'ü' | 'Ç' | 'Ə' | 'Ğ' | 'İ' | 'Ö' | 'Ş' | 'Ü'
        )
}

/// Whether `c` is evidence of Azerbaijani among the languages a bulletin groups: the
/// Latin letters `ə`, `ğ`, `ı`, `İ` (which English and Russian never write) and the
/// Azerbaijani Cyrillic letters `ә ғ ҝ һ ҹ ј ө ү`.
pub fn is_azerbaijani_evidence(c: char) -> bool {
    matches!(
        c,
        'ə' | 'Ə'
            | 'ğ'
            | 'Ğ'
            | 'ı'
            | 'İ'
            | 'ә'
            | 'Ә'
            | 'ғ'
            | 'Ғ'
            | 'ҝ'
            | 'Ҝ'
            | 'һ'
            | 'Һ'
            | 'ҹ'
            | 'Ҹ'
            | 'ј'
            | 'Ј'
            | 'ө'
            | 'Ө'
            | 'ү'
            | 'Ү'
    )
}

/// Maps a catalogue language code to a canonical identifier, or `None` when unknown.
pub fn identify(code: &str) -> Option<LanguageIdentifier> {
    // A catalogue writes a handful of codes in every record: each is worked out once (up
    // to a bound, so that a hostile feed cannot grow the table).
    const KNOWN_MAX: usize = 1024;
    static KNOWN: OnceLock<Mutex<HashMap<String, Option<LanguageIdentifier>>>> = OnceLock::new();
    let known = KNOWN.get_or_init(Mutex::default);
    if let Some(id) = known
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(code)
    {
        return id.clone();
    }
    let id = canonical(code);
    let mut known = known.lock().unwrap_or_else(PoisonError::into_inner);
    if known.len() < KNOWN_MAX {
        known.insert(code.to_string(), id.clone());
    }
    id
}

/// [`identify`], worked out through CLDR's alias data.
fn canonical(code: &str) -> Option<LanguageIdentifier> {
    let code = code.trim().replace('_', "-");
    if code.is_empty() || !code.is_ascii() {
        return None;
    }
    let lower = code.to_ascii_lowercase();
    // MARC's obsolete and local codes that CLDR does not alias.
    let lower = match lower.as_str() {
        "azj" | "azb" => "az".to_string(),
        "scc" | "srp" => "sr".to_string(),
        "scr" | "hrv" => "hr".to_string(),
        _ => lower,
    };
    let mut locale: Locale = lower.parse().ok()?;
    canonicalizer().canonicalize(&mut locale);
    let language = locale.id.language.as_str().to_string();
    if language.len() != 2 && !THREE_LETTER_ONLY.contains(&language.as_str()) {
        return None;
    }
    locale.id.to_string().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(code: &str) -> Option<String> {
        identify(code).map(|id| id.to_string())
    }

    #[test]
    fn marc_and_bcp47_codes() {
        assert_eq!(tag("aze").as_deref(), Some("az"));
        assert_eq!(tag("AZE").as_deref(), Some("az"));
        assert_eq!(tag("rus").as_deref(), Some("ru"));
        assert_eq!(tag("eng").as_deref(), Some("en"));
        assert_eq!(tag("tur").as_deref(), Some("tr"));
        assert_eq!(tag("ger").as_deref(), Some("de"));
        assert_eq!(tag("fre").as_deref(), Some("fr"));
        assert_eq!(tag("per").as_deref(), Some("fa"));
        assert_eq!(tag("geo").as_deref(), Some("ka"));
        assert_eq!(tag("arm").as_deref(), Some("hy"));
        assert_eq!(tag("az").as_deref(), Some("az"));
        assert_eq!(tag("az-Latn").as_deref(), Some("az-Latn"));
        assert_eq!(tag("az_Cyrl").as_deref(), Some("az-Cyrl"));
        assert_eq!(tag("ru-RU").as_deref(), Some("ru-RU"));
    }

    #[test]
    fn blank_codes_are_no_codes() {
        for blank in ["###", "|||", "   ", "", "\\\\\\", "# #"] {
            assert!(is_blank(blank), "{blank:?}");
        }
        for code in ["aze", "#az", "und"] {
            assert!(!is_blank(code), "{code:?}");
        }
    }

    #[test]
    fn every_azerbaijani_letter() {
        let alphabet = "ABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZabcçdeəfgğhxıijkqlmnoöprsştuüvyz";
        assert!(alphabet.chars().all(is_azerbaijani_letter));
        assert!(!is_azerbaijani_letter('ä') && !is_azerbaijani_letter('я'));
        assert!("əƏğĞıİ".chars().all(is_azerbaijani_evidence));
        assert!(!"aeiouçşöüwx".chars().any(is_azerbaijani_evidence));
    }

    #[test]
    fn unknown_codes() {
        assert_eq!(tag("xyz"), None);
        assert_eq!(tag("qqq"), None);
        assert_eq!(tag(""), None);
        assert_eq!(tag("азе"), None);
        assert_eq!(tag("12"), None);
    }
}
