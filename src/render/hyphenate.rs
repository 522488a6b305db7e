//! Azerbaijani hyphenation by syllable rule: soft hyphens (U+00AD) for the typesetter.
//!
//! Typst has no Azerbaijani hyphenation patterns, and Turkish patterns break Azerbaijani
//! words wrongly, so the renderer inserts soft hyphens itself before the text reaches the
//! template. Azerbaijani syllables are V, CV, VC, CVC and CVCC, and every syllable has
//! exactly one vowel (a ı o u e ə i ö ü). Between two vowels a single consonant opens the
//! next syllable, and of a longer consonant cluster only the last consonant goes to the
//! next syllable (`mə-də-niy-yət`, `türk-mən`); two adjacent vowels are split (`mü-əl-lim`).
//! Invariants: the output differs from the input only by inserted U+00AD; words shorter
//! than [`MIN_WORD`] letters, words with digits, all-capital abbreviations, words with a
//! letter outside the Azerbaijani Latin alphabet, and whitespace-separated chunks that look
//! like addresses (`/`, `@`, `www`, `site.az`) are left untouched; every fragment keeps at
//! least [`MIN_EDGE`] letters at each end of the word.

use crate::feed::lang::is_azerbaijani_letter;

/// The soft hyphen: an invisible break opportunity that prints as `-` when used.
pub const SOFT_HYPHEN: char = '\u{AD}';

/// Words with fewer letters than this are never broken.
pub const MIN_WORD: usize = 6;

/// Letters that must stay together at the start and at the end of a word.
pub const MIN_EDGE: usize = 2;

/// Whether `c` is an Azerbaijani vowel (either case).
fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ı'
            | 'o'
            | 'u'
            | 'e'
            | 'ə'
            | 'i'
            | 'ö'
            | 'ü'
            | 'A'
            | 'I'
            | 'O'
            | 'U'
            | 'E'
            | 'Ə'
            | 'İ'
            | 'Ö'
            | 'Ü'
    )
}

/// Char indices inside `word` before which a hyphen may go, by the syllable rule and the
/// edge limits. `word` must consist of Azerbaijani letters only.
pub fn break_points(word: &[char]) -> Vec<usize> {
    let n = word.len();
    if n < MIN_WORD {
        return Vec::new();
    }
    let vowels: Vec<usize> = (0..n).filter(|&i| is_vowel(word[i])).collect();
    vowels
        .windows(2)
        .map(|pair| {
            let (left, right) = (pair[0], pair[1]);
            // Adjacent vowels split between them; otherwise the last consonant of the
            // cluster opens the next syllable and the rest close the previous one.
            if right == left + 1 { right } else { right - 1 }
        })
        .filter(|&p| p >= MIN_EDGE && n - p >= MIN_EDGE)
        .collect()
}

/// Whether a maximal alphanumeric run should be hyphenated at all.
fn eligible(word: &[char]) -> bool {
    if word.len() < MIN_WORD || !word.iter().all(|&c| is_azerbaijani_letter(c)) {
        return false;
    }
    // All-capital words are abbreviations (AZƏRTAC, SOCAR) or set in capitals on purpose.
    word.iter().any(|c| c.is_lowercase())
}

/// Whether a whitespace-separated chunk looks like an address and must stay intact.
fn is_address(chunk: &str) -> bool {
    if chunk.contains('/') || chunk.contains('@') || chunk.to_lowercase().contains("www") {
        return true;
    }
    // A dot with a letter on both sides: `azertag.az`, `e.mail` (an initial `A.` is fine).
    let chars: Vec<char> = chunk.chars().collect();
    chars
        .windows(3)
        .any(|w| w[1] == '.' && w[0].is_alphabetic() && w[2].is_alphabetic())
}

/// Insert soft hyphens into one whitespace-free chunk.
fn hyphenate_chunk(chunk: &str, out: &mut String) {
    if is_address(chunk) || chunk.contains(SOFT_HYPHEN) {
        out.push_str(chunk);
        return;
    }
    let mut word: Vec<char> = Vec::new();
    let flush = |word: &mut Vec<char>, out: &mut String| {
        let alphabetic = word.iter().all(|c| c.is_alphabetic());
        let points = if alphabetic && eligible(word) {
            break_points(word)
        } else {
            Vec::new()
        };
        let mut next = points.iter().peekable();
        for (i, &c) in word.iter().enumerate() {
            if next.peek() == Some(&&i) {
                out.push(SOFT_HYPHEN);
                next.next();
            }
            out.push(c);
        }
        word.clear();
    };
    for c in chunk.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, out);
            out.push(c);
        }
    }
    flush(&mut word, out);
}

/// Insert soft hyphens into every eligible Azerbaijani word of `text`.
pub fn hyphenate(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut chunk_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(start) = chunk_start.take() {
                hyphenate_chunk(&text[start..i], &mut out);
            }
            out.push(c);
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(start) = chunk_start {
        hyphenate_chunk(&text[start..], &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hyphenate and show the break points as `-`.
    fn shown(word: &str) -> String {
        hyphenate(word).replace(SOFT_HYPHEN, "-")
    }

    #[test]
    fn real_words() {
        assert_eq!(shown("mədəniyyət"), "mə-də-niy-yət");
        assert_eq!(shown("Azərbaycan"), "Azər-bay-can");
        assert_eq!(shown("respublikası"), "res-pub-li-ka-sı");
        assert_eq!(shown("inkişafı"), "in-ki-şa-fı");
        assert_eq!(shown("beynəlxalq"), "bey-nəl-xalq");
        assert_eq!(shown("müəllimlər"), "mü-əl-lim-lər");
        assert_eq!(shown("türkmənlər"), "türk-mən-lər");
        assert_eq!(shown("İsmayılov"), "İs-ma-yı-lov");
        assert_eq!(shown("iqtisadiyyatı"), "iq-ti-sa-diy-ya-tı");
        assert_eq!(shown("Prezident"), "Pre-zi-dent");
        assert_eq!(shown("kitabxanası"), "ki-tab-xa-na-sı");
        assert_eq!(shown("göstəricisi"), "gös-tə-ri-ci-si");
    }

    #[test]
    fn edges_keep_two_letters() {
        // `a-zər…` would leave one letter; `…la-rı` keeps two.
        assert_eq!(shown("azadlıq"), "azad-lıq");
        assert_eq!(shown("ölkələri"), "öl-kə-lə-ri");
        for word in ["Azərbaycan", "ailələri", "ədəbiyyat", "uşaqlara"] {
            let h = hyphenate(word);
            for part in h.split(SOFT_HYPHEN) {
                assert!(part.chars().count() >= MIN_EDGE, "{word}: {h:?}");
            }
        }
    }

    #[test]
    fn left_alone() {
        for text in [
            "Bakı",       // short
            "kitab",      // five letters
            "AZƏRTAC",    // abbreviation in capitals
            "2012-ci",    // digits
            "12mart2012", // digits inside
            "www.azertag.az",
            "http://example.org/mədəniyyət",
            "Нефтяная", // Cyrillic: not ours
            "Straße",   // letter outside the alphabet
        ] {
            assert_eq!(hyphenate(text), text, "{text}");
        }
    }

    #[test]
    fn punctuation_and_spacing_preserved() {
        let text = "Xələfov, A. Regionların  inkişafı: yeni mərhələ / Abuzər Xələfov // Respublika. – 2012.";
        let h = hyphenate(text);
        assert_eq!(h.replace(SOFT_HYPHEN, ""), text);
        assert_eq!(
            h.replace(SOFT_HYPHEN, "-"),
            "Xə-lə-fov, A. Re-gi-on-la-rın  in-ki-şa-fı: yeni mər-hə-lə / Abu-zər Xə-lə-fov // Res-pub-li-ka. – 2012."
        );
    }

    #[test]
    fn apostrophe_suffix() {
        assert_eq!(shown("Azərbaycan'ın"), "Azər-bay-can'ın");
    }
}
