//! Page make-up as a typographer checks it on the printed sample: the indexes' last page
//! balanced, no list heading or list line stranded, the periodicals pointing to their
//! entries, running heads as in a book, no loose lines, no break the rules forbid.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use bulletin::issue::Issue;

use crate::common::{PlacedPage, flat_text, pages_text, placed_pages, word_spaces};

/// One build of the sample intake, shared by the tests of this module.
fn built() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    crate::common::built_once(&DIR, &["--no-html"])
}

/// Every bulletin of the sample: (quarter/id, issue, PDF).
fn sample() -> Vec<(String, Issue, Vec<u8>)> {
    let mut all = Vec::new();
    for quarter in ["2012-Q1", "2012-Q2"] {
        let mut ids: Vec<String> = std::fs::read_dir(built().join(quarter))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
            .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
            .collect();
        ids.sort();
        for id in ids {
            let dir = built().join(quarter);
            let json = std::fs::read(dir.join(format!("{id}.json"))).unwrap();
            let pdf = std::fs::read(dir.join(format!("{id}.pdf"))).unwrap();
            all.push((
                format!("{quarter}/{id}"),
                serde_json::from_slice(&json).unwrap(),
                pdf,
            ));
        }
    }
    all
}

fn squash(text: &str) -> String {
    text.replace(['\u{a0}', '\u{2060}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first non-empty line of a page's text.
fn first_line(page: &str) -> String {
    squash(page.lines().find(|l| !l.trim().is_empty()).unwrap_or(""))
}

/// Pages (0-based) whose text has `heading` as a line of its own.
fn pages_headed(pages: &[String], heading: &str) -> Vec<usize> {
    (0..pages.len())
        .filter(|&i| pages[i].lines().any(|l| squash(l) == heading))
        .collect()
}

/// The pages of each index (names, periodicals) that are in the document: each runs from
/// the page of its heading to the page before the next index, or to the end.
fn index_pages(issue: &Issue, pages: &[String]) -> Vec<(String, Vec<usize>)> {
    let front = &issue.front;
    let mut starts: Vec<(String, usize)> = Vec::new();
    for (heading, used) in [
        (&front.names_heading, !issue.names.is_empty()),
        (&front.periodicals_heading, !issue.periodicals.is_empty()),
    ] {
        if used {
            let at = *pages_headed(pages, heading)
                .last()
                .unwrap_or_else(|| panic!("{heading} has no page"));
            starts.push((heading.clone(), at));
        }
    }
    let last = pages.iter().rposition(|p| !p.trim().is_empty()).unwrap();
    (0..starts.len())
        .map(|i| {
            let end = starts.get(i + 1).map_or(last, |s| s.1 - 1);
            (starts[i].0.clone(), (starts[i].1..=end).collect())
        })
        .collect()
}

/// The rows of index text on a page, per column (left, right): lines of words set at the
/// page's body size (so not the running head, the page number or the output data), below
/// the heading when there is one.
fn column_rows(page: &PlacedPage, heading: Option<&str>) -> (usize, usize) {
    let words: Vec<_> = page.lines.iter().flatten().collect();
    let height = |w: &&crate::common::PlacedWord| bucket((w.y1 - w.y0) * 10.0);
    // The body size: the most frequent word height.
    let mut counts = std::collections::BTreeMap::new();
    for w in &words {
        *counts.entry(height(w)).or_insert(0) += 1;
    }
    let body = counts
        .iter()
        .max_by_key(|(_, n)| **n)
        .map(|(h, _)| *h)
        .unwrap();
    let top = heading
        .and_then(|h| {
            page.lines
                .iter()
                .find(|l| {
                    squash(
                        &l.iter()
                            .map(|w| w.text.as_str())
                            .collect::<Vec<_>>()
                            .join(" "),
                    ) == h
                })
                .map(|l| l[0].y1)
        })
        .unwrap_or(0.0);
    let mid = page.width / 2.0;
    let mut left = BTreeSet::new();
    let mut right = BTreeSet::new();
    for w in words.iter().filter(|w| height(w) == body && w.y0 > top) {
        let row = bucket(w.y0 * 2.0);
        if w.x0 < mid {
            left.insert(row)
        } else {
            right.insert(row)
        };
    }
    (left.len(), right.len())
}

#[test]
fn last_index_page_has_balanced_columns() {
    for (name, issue, pdf) in sample() {
        let pages = pages_text(&pdf);
        let placed = placed_pages(&pdf);
        for (heading, range) in index_pages(&issue, &pages) {
            let last = *range.last().unwrap();
            let title = (last == range[0]).then_some(heading.as_str());
            let (left, right) = column_rows(&placed[last], title);
            assert!(
                left.abs_diff(right) <= 1 && right > 0 || left + right == 1,
                "{name}: {heading}, last page {}: {left} lines against {right}",
                last + 1
            );
        }
    }
}

#[test]
fn no_list_heading_or_line_stranded() {
    for (name, issue, pdf) in sample() {
        let pages = pages_text(&pdf);
        let placed = placed_pages(&pdf);
        for (heading, range) in index_pages(&issue, &pages) {
            let items = if heading == issue.front.names_heading {
                issue.names.len()
            } else {
                issue.periodicals.len()
            };
            let (left, right) = column_rows(&placed[range[0]], Some(&heading));
            assert!(
                left + right >= items.min(3),
                "{name}: {heading} with {} lines after it on its page",
                left + right
            );
            for &page in &range[1..] {
                let (left, right) = column_rows(&placed[page], None);
                assert!(
                    left + right >= 2,
                    "{name}: {heading} leaves {} line(s) alone on page {}",
                    left + right,
                    page + 1
                );
            }
        }
    }
}

/// Whether a line ends where the rules forbid a break: after a range dash (`С. 7–`),
/// inside `[və b.]` or `[и др.]`, or after an initial (`А.` apart from its surname).
fn forbidden_end(line: &str) -> bool {
    let line = line.trim_end();
    let last = line.split_whitespace().last().unwrap_or("");
    let mut chars = line.chars().rev();
    let range_dash = chars.next() == Some('–') && chars.next().is_some_and(|c| c.is_ascii_digit());
    let bracket = last == "[və" || last == "[и";
    let mut letters = last.chars();
    let initial = matches!(
        (letters.next(), letters.next(), letters.next()),
        (Some(c), Some('.'), None) if c.is_uppercase()
    );
    range_dash || bracket || initial
}

#[test]
fn no_line_breaks_where_the_rules_forbid() {
    assert!(forbidden_end("Azərbaycan. – 2012. – S. 7–"));
    assert!(forbidden_end("Xəlilov, Ə. Milli Məclis / Ə. Xəlilov [və"));
    assert!(forbidden_end("Отбор судей / Э. А."));
    assert!(!forbidden_end("Səs. – 2012. – 25 aprel. –"));
    assert!(!forbidden_end("Azərbaycan. – 2012. – S. 7–8."));
    let mut broken = Vec::new();
    for (name, _, pdf) in sample() {
        for (p, page) in pages_text(&pdf).iter().enumerate() {
            for line in page.lines().filter(|l| forbidden_end(l)) {
                broken.push(format!("{name} p. {}: {}", p + 1, line.trim()));
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn periodicals_point_to_their_entries() {
    for (name, issue, pdf) in sample() {
        let text = squash(&flat_text(&pdf));
        let list = &text[text.rfind(&issue.front.periodicals_heading).unwrap()..];
        for p in &issue.periodicals {
            assert_eq!(p.entries, p.numbers.len(), "{name}: {}", p.title);
            let numbers = p
                .numbers
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            // The title, its leader, then the numbers.
            let title = squash(&p.title);
            let at = list.find(&title).unwrap() + title.len();
            let after: String = list[at..].chars().filter(|c| *c != '.').collect();
            let after = squash(&after);
            assert!(
                after.starts_with(&numbers),
                "{name}: {} does not list {numbers}: {}",
                p.title,
                after.chars().take(60).collect::<String>()
            );
        }
    }
}

#[test]
fn running_heads_as_in_a_book() {
    let (_, issue, pdf) = sample()
        .into_iter()
        .find(|(n, _, _)| n == "2012-Q1/foreign-policy")
        .unwrap();
    let pages = pages_text(&pdf);
    let title_head = squash(&bulletin::render::upper_az(&issue.front.running_head));
    // No running head where a part begins: the contents and each index.
    let contents = pages_headed(&pages, &issue.front.contents_heading)[0];
    assert_eq!(first_line(&pages[contents]), issue.front.contents_heading);
    for (heading, range) in index_pages(&issue, &pages) {
        assert_eq!(first_line(&pages[range[0]]), heading);
    }
    // Body pages: a verso names the bulletin and the issue once, a recto the subtopic the
    // page is in (the last begun on an earlier page, or the one opening this page).
    let titles: Vec<String> = issue.sections.iter().map(|s| squash(&s.title)).collect();
    let body = (contents + 1)..index_pages(&issue, &pages)[0].1[0];
    assert!(body.len() >= 2, "the sample's body has a verso and a recto");
    let mut current: Option<String> = None;
    for (p, page) in pages.iter().enumerate().take(body.end) {
        let lines: Vec<String> = page.lines().map(squash).filter(|l| !l.is_empty()).collect();
        if body.contains(&p) {
            let head = &lines[0];
            if (p + 1) % 2 == 0 {
                assert_eq!(head, &title_head, "verso p. {}", p + 1);
                assert_eq!(head.matches("2012, № 1").count(), 1, "{head}");
            } else {
                let opening = titles.iter().find(|t| lines.get(1) == Some(t));
                let expected = opening.or(current.as_ref()).expect("a subtopic in effect");
                assert_eq!(head, expected, "recto p. {}", p + 1);
            }
        }
        if let Some(last) = lines.iter().rfind(|l| titles.contains(l)) {
            current = Some(last.clone());
        }
    }
}

#[test]
fn no_loose_lines() {
    let mut worst: Vec<(f64, String)> = Vec::new();
    for (name, _, pdf) in sample() {
        for (space, page, line) in word_spaces(&pdf) {
            worst.push((space, format!("{name} p. {page}: {line}")));
        }
    }
    worst.sort_by(|a, b| b.0.total_cmp(&a.0));
    worst.dedup_by(|a, b| a.1 == b.1);
    // The worst lines, for the record (`cargo test no_loose_lines -- --nocapture`).
    for (space, line) in worst.iter().take(5) {
        eprintln!("{space:.3} em  {line}");
    }
    assert!(
        worst[0].0 < 0.5,
        "loose line: {:.2} em in {}",
        worst[0].0,
        worst[0].1
    );
}

/// A page coordinate (in points, scaled) rounded to a whole number, to group words by it.
#[allow(
    clippy::cast_possible_truncation,
    reason = "page coordinates are a few thousand points at most"
)]
fn bucket(points: f64) -> i64 {
    points.round() as i64
}
