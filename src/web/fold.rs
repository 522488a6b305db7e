//! Folding text for the search across issues: the search index keeps each entry's text
//! folded by [`fold`], and the page's script folds the reader's query by the same steps
//! (`templates/web/search.js`), so both sides meet in one form.
//!
//! The steps, in order: lower case by the Azerbaijani (Turkic) rules, so that `İ` becomes
//! `i` and `I` becomes `ı` (never `i` with a combining dot); canonical decomposition (NFD);
//! every combining mark dropped, so `ş ç ğ ö ü` meet `s c g o u` and Russian `ё` meets
//! `е`; and last the dotless `ı` joins `i`, as the cedilla's letter joins its base, so that
//! a reader without an Azerbaijani keyboard finds `Qasımov` by typing `Qasimov`, and one
//! with it finds `İsmayılov` by typing `İSMAYILOV`. `ə` stays a letter of its own.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `text` in the search form: Turkic lower case, decomposed, without marks, `ı` as `i`.
pub fn fold(text: &str) -> String {
    let lower: String = text
        .chars()
        .flat_map(|c| {
            let turkic = match c {
                'İ' => Some('i'),
                'I' => Some('ı'),
                _ => None,
            };
            turkic.into_iter().chain(
                turkic
                    .is_none()
                    .then(|| c.to_lowercase())
                    .into_iter()
                    .flatten(),
            )
        })
        .collect();
    lower
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if c == 'ı' { 'i' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn azerbaijani_and_russian_letters_meet_their_bases() {
        assert_eq!(fold("İSMAYILOV"), "ismayilov");
        assert_eq!(fold("İsmayılov"), "ismayilov");
        assert_eq!(fold("Qasımov"), fold("QASIMOV"));
        assert_eq!(
            fold("Şükürov Çələbi Ağayev Ölkə"),
            "sukurov cələbi agayev olkə"
        );
        assert_eq!(fold("Ёлкин ЙОД"), "елкин иод");
        assert_eq!(fold("Məmmədov"), "məmmədov");
        // A precomposed and a decomposed ş fold alike.
        assert_eq!(fold("s\u{327}"), fold("ş"));
    }
}
