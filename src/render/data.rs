//! The data the template sees: `/data/issue.json`, built from an [`Issue`] and the options.
//!
//! The template never receives Typst source assembled from strings: it reads this JSON with
//! `json("/data/issue.json")`, so a title with `#`, `*`, `$`, `]` or `"` prints as itself.
//! The served document is `{ "issue": …, "options": … }`: `issue` is the public issue JSON
//! with two typesetting changes made on a copy — soft hyphens (U+00AD) in the Azerbaijani
//! entries' titles and notes (not in names nor periodicals' titles) (taken out of the PDF's text layer again after layout, see
//! [`super::hyphenate`]), and each entry's `lang` reduced to a bare language code that
//! Typst accepts — and `options` carries this run's settings (paper, running head in
//! Azerbaijani capitals, the widest entry number). The caller's [`Issue`] is not changed.

use std::borrow::Cow;

use serde::Serialize;

use super::case::upper_az;
use super::hyphenate::hyphenate;
use super::{Paper, RenderOptions};
use crate::issue::{Issue, Style};

/// The virtual path of the served data inside the template's file system.
pub const DATA_PATH: &str = "/data/issue.json";

/// Settings of this run, as the template sees them under `options`.
#[derive(Debug, Serialize)]
struct ServedOptions {
    /// `"a4"` or `"a5"`.
    paper: &'static str,
    /// `front.running_head` in capitals by the Azerbaijani rules.
    running_head: String,
    /// The largest entry number (to size the hanging number box), 0 when there are none.
    last_number: u32,
}

#[derive(Debug, Serialize)]
struct Served<'a> {
    issue: &'a Issue,
    options: ServedOptions,
}

/// A language code Typst's `text(lang:)` accepts: the primary subtag of a BCP 47 tag in
/// lower case (`az-Cyrl` → `az`), or `und` when there is none.
pub fn typst_lang(tag: &str) -> String {
    let primary = tag.split(['-', '_']).next().unwrap_or("").trim();
    if (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic()) {
        primary.to_ascii_lowercase()
    } else {
        "und".to_owned()
    }
}

/// Whether runs of this style get soft hyphens. Names and punctuation never do, nor a
/// periodical's title: a name of its own, often not Azerbaijani (`Ekspress`, `Kaspi`),
/// which the Azerbaijani syllable rule would break wrongly (`Eksp-ress`).
fn hyphenated_style(style: Style) -> bool {
    matches!(
        style,
        Style::Title | Style::ParallelTitle | Style::OtherTitle | Style::Note
    )
}

/// The typesetting copy of `issue`: soft hyphens in Azerbaijani runs (and so in their
/// description, which the template does not print), clean `lang` codes.
pub fn typesetting_copy(issue: &Issue) -> Issue {
    let mut copy = issue.clone();
    for entry in copy
        .sections
        .iter_mut()
        .flat_map(|s| s.groups.iter_mut())
        .flat_map(|g| g.entries.iter_mut())
    {
        entry.lang = typst_lang(&entry.lang).into();
        if entry.lang == "az" {
            entry.description = entry.description.map_runs(|r| {
                if hyphenated_style(r.style) {
                    Cow::Owned(hyphenate(r.text))
                } else {
                    Cow::Borrowed(r.text)
                }
            });
        }
    }
    copy
}

/// Serialise the data file served to the template.
pub(crate) fn served_json(issue: &Issue, options: &RenderOptions) -> serde_json::Result<Vec<u8>> {
    let copy = typesetting_copy(issue);
    let served = Served {
        issue: &copy,
        options: ServedOptions {
            paper: match options.paper {
                Paper::A4 => "a4",
                Paper::A5 => "a5",
            },
            running_head: upper_az(&issue.front.running_head),
            last_number: issue.entries().map(|e| e.number).max().unwrap_or(0),
        },
    };
    serde_json::to_vec(&served)
}

#[cfg(test)]
mod tests {
    use super::typst_lang;

    #[test]
    fn lang_codes() {
        assert_eq!(typst_lang("az"), "az");
        assert_eq!(typst_lang("az-Cyrl"), "az");
        assert_eq!(typst_lang("RU"), "ru");
        assert_eq!(typst_lang("rus"), "rus");
        assert_eq!(typst_lang(""), "und");
        assert_eq!(typst_lang("x1"), "und");
    }
}
