//! The issue's apparatus beyond the title page (GOST R 7.0.23-2019, GOST R 7.0.4): the
//! title verso, the output data on the last page, the compiler's preface and the list of
//! abbreviations.
//!
//! [`complete`] is the one place an issue's apparatus is filled, after its body is built
//! (the preface counts its entries; the abbreviations are the ones its descriptions use).
//! A key that is not configured leaves its line out; an issue whose descriptions use no
//! abbreviation has no list. Texts are in the bulletin's language (Azerbaijani); each
//! abbreviation's full form is in the language of the entries that use it.

use chrono::{Datelike, NaiveDate};

use crate::collate::{self, Collators, LanguageGroup};
use crate::config::{Apparatus, Paper};
use crate::describe::{self, AZ_MONTHS};
use crate::issue::{Abbreviation, Abbreviations, Entry, Issue, Line, Preface, Style};
use crate::period::Period;

/// Fills `issue.front`'s apparatus from the bulletin's configured `apparatus`.
pub fn complete(issue: &mut Issue, apparatus: &Apparatus, paper: Paper, collators: &Collators) {
    let front = &mut issue.front;
    front.verso = verso(apparatus);
    if !front.verso.is_empty() || apparatus.print_run.is_some() {
        front.colophon = colophon(apparatus, paper, front.date);
    }
    front.annotated = apparatus.annotated.unwrap_or(false);
    front.see_also_label = "Bax həmçinin".into();
    let preface = apparatus
        .preface
        .as_deref()
        .map(|text| preface(text, issue));
    issue.front.preface = preface;
    issue.front.abbreviations = abbreviations(issue, "Şərti ixtisarlar", collators);
}

/// The title verso's lines, in print order.
pub fn verso(a: &Apparatus) -> Vec<Line> {
    let line = |label: &str, text: &str| Line {
        label: label.into(),
        text: text.trim().into(),
    };
    let mut lines = Vec::new();
    if let Some(udc) = &a.udc {
        lines.push(line("UOT", udc));
    }
    if let Some(bbk) = &a.bbk {
        lines.push(line("KBT", bbk));
    }
    if let Some(compilers) = a.compilers.as_ref().filter(|c| !c.is_empty()) {
        let label = if compilers.len() == 1 {
            "Tərtib edən:"
        } else {
            "Tərtib edənlər:"
        };
        lines.push(line(label, &compilers.join(", ")));
    }
    if let Some(editor) = &a.editor {
        lines.push(line("Redaktor:", editor));
    }
    if let Some(responsible) = &a.responsible {
        lines.push(line("Buraxılışa məsul:", responsible));
    }
    if let Some(note) = &a.series_note {
        lines.push(line("", note));
    }
    if let Some(issn) = &a.issn {
        lines.push(line("ISSN", issn));
    }
    lines
}

/// The output data of the last page: signed for print, format, print run.
pub fn colophon(a: &Apparatus, paper: Paper, signed: NaiveDate) -> Vec<Line> {
    let mut lines = vec![
        Line {
            label: "Çapa imzalanmışdır:".into(),
            text: signed.format("%d.%m.%Y").to_string(),
        },
        Line {
            label: "Format:".into(),
            text: match paper {
                Paper::A5 => "60×84 1/16",
                Paper::A4 => "60×84 1/8",
            }
            .into(),
        },
    ];
    if let Some(run) = a.print_run {
        lines.push(Line {
            label: "Tiraj:".into(),
            text: format!("{run} nüsxə"),
        });
    }
    lines
}

/// The first and last day a period covers.
fn days(period: Period) -> (NaiveDate, NaiveDate) {
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    match period {
        Period::Quarter(q) => (ymd(q.year, q.months().0, 1), q.last_day()),
        Period::Year(y) => (ymd(y, 1, 1), ymd(y, 12, 31)),
        Period::Years { from, to } => (ymd(from, 1, 1), ymd(to, 12, 31)),
        Period::Days { from, to } => (from, to),
    }
}

/// `17 iyul 2012`.
fn az_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        AZ_MONTHS[date.month0() as usize],
        date.year()
    )
}

/// The preface with its placeholders filled: `{quarter}` (the issue line), `{entries}`,
/// `{periodicals}`, `{from}`, `{to}`; paragraphs are separated by blank lines.
pub fn preface(text: &str, issue: &Issue) -> Preface {
    let (from, to) = days(issue.period);
    let filled = text
        .replace("{quarter}", &issue.front.issue_line)
        .replace("{entries}", &issue.entry_count().to_string())
        .replace("{periodicals}", &issue.periodicals.len().to_string())
        .replace("{from}", &az_date(from))
        .replace("{to}", &az_date(to));
    let paragraphs = filled
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    Preface {
        heading: "Tərtibçidən".into(),
        paragraphs,
    }
}

/// Whether the form `short`, found in `text` at byte `at` where a token can begin (no
/// letter or digit before it), stands there as a token of its own: no letter or digit
/// after it unless it ends in a period or a bracket.
fn stands_at(text: &str, at: usize, short: &str) -> bool {
    text[at..].starts_with(short)
        && (short.ends_with(['.', ']'])
            || !text[at + short.len()..]
                .chars()
                .next()
                .is_some_and(collate::is_alphanumeric))
}

/// Which of `forms` stand as tokens in any of `texts`, in one pass over the texts: only
/// where a token can begin (after a character that is not a letter or digit, or at the
/// start), only the forms beginning with that character are tried, and the pass ends early
/// once every form is found.
fn forms_used<'t>(texts: impl IntoIterator<Item = &'t str>, forms: &[String]) -> Vec<bool> {
    // The distinct first characters (a few dozen), each with the forms beginning with it.
    let mut by_first: Vec<(char, Vec<usize>)> = Vec::new();
    for (i, form) in forms.iter().enumerate() {
        if let Some(c) = form.chars().next() {
            match by_first.iter_mut().find(|(first, _)| *first == c) {
                Some((_, list)) => list.push(i),
                None => by_first.push((c, vec![i])),
            }
        }
    }
    let mut found = vec![false; forms.len()];
    let mut left = forms.iter().filter(|f| !f.is_empty()).count();
    for text in texts {
        let mut in_word = false;
        for (at, c) in text.char_indices() {
            let token_start = !in_word;
            in_word = collate::is_alphanumeric(c);
            if !token_start {
                continue;
            }
            let Some((_, candidates)) = by_first.iter().find(|(first, _)| *first == c) else {
                continue;
            };
            for &i in candidates {
                if !found[i] && stands_at(text, at, &forms[i]) {
                    found[i] = true;
                    left -= 1;
                }
            }
            if left == 0 {
                return found;
            }
        }
    }
    found
}

/// The abbreviations the issue's descriptions use (in the runs the apparatus writes:
/// responsibility, numbering, pages), grouped Azerbaijani, Russian, other, each group in
/// its collation order; `None` when there are none.
pub fn abbreviations(issue: &Issue, heading: &str, collators: &Collators) -> Option<Abbreviations> {
    let groups = [
        LanguageGroup::Azerbaijani,
        LanguageGroup::Russian,
        LanguageGroup::Other,
    ];
    let mut items = Vec::new();
    for group in groups {
        let entries: Vec<&Entry> = issue
            .sections
            .iter()
            .flat_map(|s| s.groups.iter())
            .filter(|g| g.language == group)
            .flat_map(|g| g.entries.iter())
            .collect();
        // The apparatus each entry was described in (in the "other" group, its language's).
        let mut apparatuses: Vec<(describe::Apparatus, &str)> = Vec::new();
        for e in &entries {
            let apparatus = describe::Apparatus::of_lang(group, &e.lang);
            if !apparatuses.iter().any(|(a, _)| *a == apparatus) {
                apparatuses.push((apparatus, apparatus.lang()));
            }
        }
        let mut used: Vec<(Vec<u8>, Abbreviation)> = Vec::new();
        for (apparatus, lang) in apparatuses {
            let texts: Vec<&str> = entries
                .iter()
                .filter(|e| describe::Apparatus::of_lang(group, &e.lang) == apparatus)
                .flat_map(|e| e.description.runs())
                .filter(|r| {
                    matches!(
                        r.style,
                        Style::Responsibility | Style::Numbering | Style::Pages
                    )
                })
                .map(|r| r.text)
                .collect();
            let abbreviations = apparatus.abbreviations();
            // Each abbreviation as written, and with the capital an area opens with.
            let forms: Vec<String> = abbreviations
                .iter()
                .flat_map(|(short, _)| [short.clone(), apparatus.capitalise(short)])
                .collect();
            let found = forms_used(texts.iter().copied(), &forms);
            for (i, (short, full)) in abbreviations.into_iter().enumerate() {
                // Listed as printed: `P.` where the page label only ever opens an area.
                let short = match (found[2 * i], found[2 * i + 1]) {
                    (true, _) => short,
                    (false, true) => forms[2 * i + 1].clone(),
                    (false, false) => continue,
                };
                // Once per language, and once in the group where two languages share
                // the abbreviation and its full form (`P. – page`, English and French).
                if used
                    .iter()
                    .any(|(_, a)| a.short == short && (a.lang == lang || *a.full == *full))
                {
                    continue;
                }
                // Filed by its letters: `[və b.]` under `v`.
                let letters: String = short.chars().filter(|c| c.is_alphanumeric()).collect();
                let key = collators.sort_key(group, &letters);
                used.push((
                    key,
                    Abbreviation {
                        short,
                        full: full.into(),
                        lang: lang.into(),
                    },
                ));
            }
        }
        used.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.short.cmp(&b.1.short)));
        items.extend(used.into_iter().map(|(_, a)| a));
    }
    (!items.is_empty()).then(|| Abbreviations {
        heading: heading.into(),
        items,
    })
}

#[cfg(test)]
mod tests {
    use super::forms_used;

    /// Whether `short` stands in `text` as a token of its own, as the list of
    /// abbreviations finds it.
    fn uses(text: &str, short: &str) -> bool {
        forms_used([text], &[short.to_string()])[0]
    }

    #[test]
    fn forms_are_found_in_one_pass() {
        let forms: Vec<String> = ["S.", "C.", "[və b.]", "№"].map(String::from).to_vec();
        let texts = ["2012, №\u{a0}4", "Səs", "/ A. Əliyev [və b.]"];
        assert_eq!(forms_used(texts, &forms), [false, false, true, true]);
    }

    #[test]
    fn an_abbreviation_is_a_token() {
        assert!(uses("S.\u{a0}3", "S."));
        assert!(uses("2012, №\u{a0}4", "№"));
        assert!(!uses("Səs.", "S."));
        assert!(uses("пер. с англ.", "пер."));
        assert!(!uses("Сент.", "сент."));
        // Not where a word goes on: after a letter or a digit.
        assert!(!uses("TS.\u{a0}3", "S."));
        assert!(!uses("3S. 3", "S."));
        assert!(uses("(S. 3)", "S."));
    }
}
