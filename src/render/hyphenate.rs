//! Azerbaijani hyphenation by syllable rule: soft hyphens (U+00AD) for the typesetter, and
//! none left in the finished PDF's text layer.
//!
//! Typst has no Azerbaijani hyphenation patterns, and Turkish patterns break Azerbaijani
//! words wrongly (`bey-n-ə-l-xa-lq`, `Xa-lq`: they do not know ə, q, x), so the renderer
//! inserts soft hyphens itself before the text reaches the template. Azerbaijani syllables
//! are V, CV, VC, CVC and CVCC, and every syllable has
//! exactly one vowel (a ı o u e ə i ö ü). Between two vowels a single consonant opens the
//! next syllable, and of a longer consonant cluster only the last consonant goes to the
//! next syllable (`mə-də-niy-yət`, `türk-mən`); two adjacent vowels are split (`mü-əl-lim`).
//! Invariants: the output differs from the input only by inserted U+00AD; words shorter
//! than [`MIN_WORD`] letters, words with digits, all-capital abbreviations, words with a
//! capital inside (`AzerNews`), words with a letter outside the Azerbaijani Latin alphabet, and whitespace-separated chunks that look
//! like addresses (`/`, `@`, `www`, `site.az`) are left untouched; every fragment keeps at
//! least [`MIN_EDGE`] letters at each end of the word.
//!
//! Typst keeps every soft hyphen in the text it hands to the PDF (typst/typst#526), so a
//! search for `Regionlarda` would miss `Re\u{AD}gi\u{AD}on\u{AD}lar\u{AD}da`. After layout,
//! [`whole_words`] takes out of the laid-out pages every soft hyphen that did not break a
//! line: they are drawn with no width, so the pages look exactly as before, and the text
//! layer holds the words as written. A hyphen that did break a line stays (Typst's own
//! convention: the drawn `-` maps to U+00AD before the line end). The language of the text,
//! which tags announce to screen readers, is not touched (`az` stays `az`).

use typst::layout::{Em, Frame, FrameItem};
use typst::model::Document as _;
use typst::text::TextItem;
use typst_layout::PagedDocument;

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
    // All-capital words are abbreviations (AZƏRTAC, SOCAR) or set in capitals on purpose;
    // a capital after the first letter marks a coined or foreign name (AzerNews, McKinsey)
    // that the Azerbaijani syllable rule does not know.
    word.iter().any(|c| c.is_lowercase()) && !word.iter().skip(1).any(|c| c.is_uppercase())
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

/// The laid-out `document` with every soft hyphen that did not break a line taken out of
/// its text (and its empty, zero-width glyph dropped). Geometry, tags, links and languages
/// are unchanged.
pub fn whole_words(document: PagedDocument) -> PagedDocument {
    if !document
        .pages()
        .iter()
        .any(|p| frame_has_soft_hyphen(&p.frame))
    {
        return document;
    }
    let info = document.info().clone();
    let mut pages: Vec<_> = document.pages().to_vec();
    drop(document);
    for page in &mut pages {
        if frame_has_soft_hyphen(&page.frame) {
            strip_frame(&mut page.frame);
        }
    }
    PagedDocument::new(pages.into_iter().collect(), info)
}

fn frame_has_soft_hyphen(frame: &Frame) -> bool {
    frame.items().any(|(_, item)| match item {
        FrameItem::Group(group) => frame_has_soft_hyphen(&group.frame),
        FrameItem::Text(text) => text.text.contains(SOFT_HYPHEN),
        _ => false,
    })
}

fn strip_frame(frame: &mut Frame) {
    frame.retain(|item| {
        match item {
            FrameItem::Group(group) if frame_has_soft_hyphen(&group.frame) => {
                strip_frame(&mut group.frame);
            }
            FrameItem::Text(text) if text.text.contains(SOFT_HYPHEN) => strip_text(text),
            _ => {}
        }
        true
    });
}

/// Whether a text run is the hyphen Typst draws where it broke a word: its whole text is
/// one soft hyphen, drawn with a visible glyph.
fn is_line_end_hyphen(text: &TextItem) -> bool {
    text.text.chars().eq([SOFT_HYPHEN]) && text.glyphs.iter().any(|g| g.x_advance != Em::zero())
}

/// Take the unused soft hyphens out of one run: its text loses them, every glyph's range is
/// moved to the new text, and a glyph left with no text and no width goes.
fn strip_text(text: &mut TextItem) {
    if is_line_end_hyphen(text) {
        return;
    }
    let old = text.text.clone();
    // new_offset[i]: where byte i of the old text lands in the new one.
    let mut new_offset = vec![0u16; old.len() + 1];
    let mut kept = String::with_capacity(old.len());
    for (i, c) in old.char_indices() {
        let at = u16::try_from(kept.len()).unwrap_or(u16::MAX);
        new_offset[i..i + c.len_utf8()].fill(at);
        if c != SOFT_HYPHEN {
            kept.push(c);
        }
    }
    new_offset[old.len()] = u16::try_from(kept.len()).unwrap_or(u16::MAX);
    text.glyphs.retain_mut(|glyph| {
        let start = new_offset[usize::from(glyph.range.start).min(old.len())];
        let end = new_offset[usize::from(glyph.range.end).min(old.len())];
        glyph.range = start..end;
        start < end || glyph.x_advance != Em::zero()
    });
    text.text = kept.as_str().into();
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
            "AzerNews", // a capital inside: a coined name
            "McKinsey",
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
