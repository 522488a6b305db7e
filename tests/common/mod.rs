//! Shared helpers for the integration tests: hand-built issues and poppler wrappers.
//!
//! The issues here are written by hand, not read from catalogue exports, so the render
//! tests do not depend on the other stages. The poppler tools (`pdftotext`, `pdffonts`,
//! `pdfinfo`) are required: when one is missing the test fails and says to install
//! poppler-utils.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use bulletin::collate::LanguageGroup;
use bulletin::issue::{
    Description, DocumentKind, Entry, FrontMatter, Group, Issue, NameEntry, Periodical, Run,
    Section, Style,
};

/// The crate's template folder.
pub(crate) fn templates_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("templates")
}

/// The title with characters that are markup in Typst; it must print as itself.
pub(crate) const SPECIAL_TITLE: &str = r#"Sual # * $ ] " <e-1> cavab"#;

fn run(style: Style, text: &str) -> Run<'_> {
    Run { style, text }
}

/// An entry from its parts: author heading (may be empty), title, host, place.
fn entry(number: u32, lang: &str, author: &str, title: &str, host: &str, place: &str) -> Entry {
    let mut runs = Vec::new();
    if !author.is_empty() {
        runs.push(run(Style::Heading, author));
        runs.push(run(Style::Punctuation, " "));
    }
    runs.push(run(Style::Title, title));
    runs.push(run(Style::Punctuation, " // "));
    runs.push(run(Style::HostTitle, host));
    runs.push(run(Style::Punctuation, ". – "));
    runs.push(run(Style::Numbering, place));
    let description = Description::from_runs(runs.iter().map(|r| (r.style, r.text)));
    Entry {
        number,
        record: format!("rec-{number}").into(),
        date: "2012-07-17".into(),
        language: match lang {
            "az" => "aze",
            "ru" => "rus",
            _ => "eng",
        }
        .into(),
        lang: lang.into(),
        description,
        annotation: None,
        issn: None,
    }
}

fn group(language: &str, heading: &str, entries: Vec<Entry>) -> Group {
    Group {
        language: match language {
            "az" => LanguageGroup::Azerbaijani,
            "ru" => LanguageGroup::Russian,
            _ => LanguageGroup::Other,
        },
        heading: heading.to_owned(),
        entries,
    }
}

fn front() -> FrontMatter {
    FrontMatter {
        library: "Prezident Kitabxanası".to_owned(),
        parent: Some("Azərbaycan Respublikası Prezidentinin İşlər İdarəsi".to_owned()),
        series: "Məlumat bülleteni".to_owned(),
        issue_line: "2012, № 3 (iyul–sentyabr)".to_owned(),
        imprint: "Bakı – 2012".to_owned(),
        running_head: "Xarici siyasət".to_owned(),
        language: "az".to_owned(),
        contents_heading: "Mündəricat".to_owned(),
        names_heading: "Müəlliflər göstəricisi".to_owned(),
        periodicals_heading: "İstifadə olunmuş dövri nəşrlər".to_owned(),
        keywords: vec!["xarici siyasət".to_owned(), "bülleten".to_owned()],
        date: chrono::NaiveDate::from_ymd_opt(2012, 10, 1).expect("a date"),
        ..FrontMatter::default()
    }
}

// Group headings of the sample issue, as a bulletin prints them.
const AZ: &str = "Azərbaycan dilində";
const RU: &str = "Rus dilində";
const OTHER: &str = "Digər dillərdə";

/// A small issue: three sections, Azerbaijani, Russian and other groups, 12 entries.
pub(crate) fn sample_issue() -> Issue {
    let sections = vec![diplomacy_section(), culture_section(), economy_section()];
    let name = |n: &str, e: &[u32]| NameEntry {
        name: n.to_owned(),
        entries: e.to_vec(),
        about: Vec::new(),
    };
    let periodical = |t: &str, numbers: &[u32]| Periodical {
        title: t.to_owned(),
        entries: numbers.len(),
        numbers: numbers.to_vec(),
    };
    Issue {
        bulletin: "xarici-siyaset".to_owned(),
        title: "Azərbaycanın xarici siyasəti".to_owned(),
        title_ru: "Внешняя политика Азербайджана".to_owned(),
        title_en: "Foreign policy of Azerbaijan".to_owned(),
        year: 2012,
        issue: 3,
        period: "2012-Q3".parse().expect("a quarter"),
        kind: DocumentKind::Quarterly,
        front: front(),
        sections,
        names: vec![
            name("Ağayev, T.", &[12]),
            name("Çələbi, Ü.", &[9]),
            name("Hasanov, E.", &[6]),
            name("Hüseynova, L.", &[10]),
            name("Xələfov, A.", &[1]),
            name("Qasımov, R.", &[11]),
            name("Məmmədov, Q.", &[2]),
            name("Şükürov, İ.", &[7]),
            name("Алиев, Р.", &[4]),
            name("Ёлкин, Ф.", &[5]),
            name("Әлијев, Ғ.", &[8]),
        ],
        periodicals: vec![
            periodical("Azərbaycan", &[3, 11]),
            periodical("Azernews", &[6]),
            periodical("Dirçəliş – XXI əsr", &[8]),
            periodical("Mədəniyyət", &[7]),
            periodical("Respublika", &[1]),
            periodical("Səs", &[9]),
            periodical("Xalq qəzeti", &[2]),
            periodical("Yeni Azərbaycan", &[10]),
            periodical("Бакинский рабочий", &[4]),
            periodical("Зеркало", &[12]),
            periodical("Каспий", &[5]),
        ],
    }
}

/// The sample's first section: all three language groups, an entry without a heading.
fn diplomacy_section() -> Section {
    Section {
        see_also: Vec::new(),
        subtopic: "diplomacy".to_owned(),
        title: "Azərbaycanın xarici siyasəti".to_owned(),
        level: 1,
        groups: vec![
            group(
                "az",
                AZ,
                vec![
                    entry(
                        1,
                        "az",
                        "Xələfov, A.",
                        "Regionların inkişafı: yeni mərhələ / Abuzər Xələfov",
                        "Respublika",
                        "2012. – 17 iyul. – S. 3.",
                    ),
                    entry(
                        2,
                        "az",
                        "Məmmədov, Q.",
                        "Beynəlxalq münasibətlərdə Azərbaycan Respublikasının mövqeyi / Qəşəm Məmmədov",
                        "Xalq qəzeti",
                        "2012. – 20 iyul. – S. 5.",
                    ),
                    entry(
                        3,
                        "az",
                        "",
                        "Ölkəmizin iqtisadiyyatı və xarici ticarət əlaqələri: çağırışlar və üstünlüklər",
                        "Azərbaycan",
                        "2012. – 2 avqust. – S. 2.",
                    ),
                ],
            ),
            group(
                "ru",
                RU,
                vec![
                    entry(
                        4,
                        "ru",
                        "Алиев, Р.",
                        "Нефтяная стратегия и её итоги: ещё один шаг вперёд / Р. Алиев",
                        "Бакинский рабочий",
                        "2012. – 5 июля. – С. 2.",
                    ),
                    entry(
                        5,
                        "ru",
                        "Ёлкин, Ф.",
                        "Внешнеэкономическая деятельность: проблемы и решения / Ф. Ёлкин",
                        "Каспий",
                        "2012. – 12 авг. – С. 4.",
                    ),
                ],
            ),
            group(
                "other",
                OTHER,
                vec![entry(
                    6,
                    "en",
                    "Hasanov, E.",
                    "Azerbaijan and the European Union: a partnership in progress / Elnur Hasanov",
                    "Azernews",
                    "2012. – 15 Aug. – P. 6.",
                )],
            ),
        ],
    }
}

/// The sample's second section: Azerbaijani only, with Typst markup characters and the
/// Cyrillic Azerbaijani alphabet in titles.
fn culture_section() -> Section {
    Section {
        see_also: Vec::new(),
        subtopic: "culture".to_owned(),
        title: "Mədəniyyət və incəsənət".to_owned(),
        level: 1,
        groups: vec![group(
            "az",
            AZ,
            vec![
                entry(
                    7,
                    "az",
                    "Şükürov, İ.",
                    SPECIAL_TITLE,
                    "Mədəniyyət",
                    "2012. – 3 avqust. – S. 7.",
                ),
                entry(
                    8,
                    "az",
                    "Әлијев, Ғ.",
                    "Ҝөзәл Һүнәр вә Ҹаваб Јолу",
                    "Dirçəliş – XXI əsr",
                    "2012. – № 3. – S. 45–52.",
                ),
                entry(
                    9,
                    "az",
                    "Çələbi, Ü.",
                    "Qədim xalçaçılıq ənənələri: ğ ı ş ç ö ü x q hərfləri",
                    "Səs",
                    "2012. – 9 sentyabr. – S. 11.",
                ),
            ],
        )],
    }
}

/// The sample's third section: Azerbaijani and Russian.
fn economy_section() -> Section {
    Section {
        see_also: Vec::new(),
        subtopic: "economy".to_owned(),
        title: "İqtisadiyyat".to_owned(),
        level: 1,
        groups: vec![
            group(
                "az",
                AZ,
                vec![
                    entry(
                        10,
                        "az",
                        "Hüseynova, L.",
                        "Qeyri-neft sektorunun inkişafı və sahibkarlığın dəstəklənməsi",
                        "Yeni Azərbaycan",
                        "2012. – 11 sentyabr. – S. 4.",
                    ),
                    entry(
                        11,
                        "az",
                        "Qasımov, R.",
                        "Bank sisteminin möhkəmləndirilməsi istiqamətində görülən işlər",
                        "Azərbaycan",
                        "2012. – 19 sentyabr. – S. 6.",
                    ),
                ],
            ),
            group(
                "ru",
                RU,
                vec![entry(
                    12,
                    "ru",
                    "Ağayev, T.",
                    "Инвестиционный климат Азербайджана",
                    "Зеркало",
                    "2012. – 28 сент. – С. 3.",
                )],
            ),
        ],
    }
}

/// A long issue (`n` entries spread over six sections) for looking at pages and timing.
pub(crate) fn long_issue(n: u32) -> Issue {
    let mut issue = sample_issue();
    let templates: Vec<Entry> = issue.entries().cloned().collect();
    let titles = [
        "Xarici siyasət",
        "Mədəniyyət və incəsənət",
        "İqtisadiyyat",
        "Energetika",
        "Təhsil və elm",
        "Səhiyyə",
    ];
    let per = n.div_ceil(u32::try_from(titles.len()).expect("six sections"));
    let mut number = 0;
    issue.sections = titles
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut groups = Vec::new();
            for (lang, heading, share) in [
                ("az", "Azərbaycan dilində", 6),
                ("ru", "Rus dilində", 3),
                ("other", "Digər dillərdə", 1),
            ] {
                let count = per * share / 10 + u32::from(i % 2 == 0 && lang == "other");
                let pool: Vec<&Entry> = templates
                    .iter()
                    .filter(|e| e.lang == lang || (lang == "other" && e.lang == "en"))
                    .collect();
                let entries = (0..count)
                    .filter_map(|k| {
                        if number >= n {
                            return None;
                        }
                        number += 1;
                        let mut e = pool[k as usize % pool.len()].clone();
                        e.number = number;
                        Some(e)
                    })
                    .collect::<Vec<_>>();
                if !entries.is_empty() {
                    groups.push(group(lang, heading, entries));
                }
            }
            Section {
                see_also: Vec::new(),
                subtopic: format!("s{i}"),
                title: (*t).to_owned(),
                level: 1,
                groups,
            }
        })
        .collect();
    let last = number;
    for name in &mut issue.names {
        name.entries = (1..=last)
            .filter(|k| k % 7 == name.entries[0] % 7)
            .take(12)
            .collect();
    }
    for p in &mut issue.periodicals {
        p.numbers = (1..=last).filter(|k| k % 11 == p.numbers[0] % 11).collect();
        p.entries = p.numbers.len();
    }
    issue
}

/// Run a poppler tool, failing with a clear message when poppler-utils is missing.
pub(crate) fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let mut file = tempfile::Builder::new()
        .suffix(".pdf")
        .tempfile()
        .expect("temporary file");
    file.write_all(pdf).expect("write temporary PDF");
    let path = file.path().to_string_lossy().into_owned();
    let mut all: Vec<&str> = args.to_vec();
    all.push(&path);
    if tool == "pdftotext" {
        all.push("-");
    }
    let output = Command::new(tool).args(&all).output().unwrap_or_else(|e| {
        panic!("cannot run `{tool}` ({e}): install poppler-utils (apt-get install poppler-utils)")
    });
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("poppler output is UTF-8")
}

/// The text of the PDF, page by page, with soft hyphens removed and words broken at the
/// end of a line joined again.
pub(crate) fn pages_text(pdf: &[u8]) -> Vec<String> {
    poppler("pdftotext", &["-layout", "-enc", "UTF-8"], pdf)
        .split('\u{c}')
        .map(|page| page.replace('\u{ad}', ""))
        .collect()
}

/// All text of the PDF as one string with whitespace collapsed and line-end hyphens joined.
pub(crate) fn flat_text(pdf: &[u8]) -> String {
    // A word broken at a line end: its soft hyphen stands before the newline.
    let text = poppler("pdftotext", &["-enc", "UTF-8"], pdf)
        .replace("\u{ad}\n", "")
        .replace('\u{ad}', "");
    let joined = text.replace("-\n", "");
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A fixture in `tests/data/`.
pub(crate) fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// Runs the `bulletin` binary in the crate's folder, with a fixed document date.
pub(crate) fn bulletin(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_bulletin"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("the bulletin binary runs")
}

/// Runs `bulletin` and expects it to succeed (exit 0), showing its errors when it does not.
pub(crate) fn bulletin_ok(args: &[&str]) -> std::process::Output {
    let out = bulletin(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "bulletin {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// One build of the sample into a temporary folder kept for the test run, with `args`
/// after `build`; `cell` holds it for the module that asks.
pub(crate) fn built_once<'a>(
    cell: &'a std::sync::OnceLock<tempfile::TempDir>,
    args: &[&str],
) -> &'a Path {
    cell.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temporary folder");
        let mut all = vec!["build"];
        all.extend_from_slice(args);
        all.extend(["--out", dir.path().to_str().expect("a UTF-8 path")]);
        bulletin_ok(&all);
        dir
    })
    .path()
}

/// The real exports in ../shared/corpus, when present.
pub(crate) fn corpus(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(name);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: {} is absent", path.display());
        None
    }
}

/// A word as `pdftotext -bbox-layout` places it (points from the page's top left).
#[derive(Debug, Clone)]
pub(crate) struct PlacedWord {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    pub text: String,
}

/// One page: its width and its lines of words, in poppler's reading order.
#[derive(Debug, Clone)]
pub(crate) struct PlacedPage {
    pub width: f64,
    pub height: f64,
    pub lines: Vec<Vec<PlacedWord>>,
}

/// The value of `name="…"` in an XML start tag.
fn attribute(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    let at = tag
        .find(&key)
        .map(|i| i + key.len())
        .expect("attribute present");
    let end = tag[at..].find('"').expect("attribute closed") + at;
    tag[at..end].parse().expect("attribute is a number")
}

/// The pages of a PDF with every word's box, from `pdftotext -bbox-layout`.
pub(crate) fn placed_pages(pdf: &[u8]) -> Vec<PlacedPage> {
    let xml = poppler("pdftotext", &["-bbox-layout", "-enc", "UTF-8"], pdf);
    let unescape = |s: &str| {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&")
    };
    xml.split("<page ")
        .skip(1)
        .map(|page| {
            let head = &page[..page.find('>').unwrap_or(page.len())];
            let lines = page
                .split("<line ")
                .skip(1)
                .map(|line| {
                    line.split("<word ")
                        .skip(1)
                        .map(|word| {
                            let close = word.find('>').expect("word tag closed");
                            let end = word.find("</word>").expect("word closed");
                            let tag = &word[..close];
                            PlacedWord {
                                x0: attribute(tag, "xMin"),
                                y0: attribute(tag, "yMin"),
                                x1: attribute(tag, "xMax"),
                                y1: attribute(tag, "yMax"),
                                text: unescape(&word[close + 1..end]),
                            }
                        })
                        .collect()
                })
                .collect();
            PlacedPage {
                width: attribute(head, "width"),
                height: attribute(head, "height"),
                lines,
            }
        })
        .collect()
}

/// Libertinus Serif's word box (ascender to descender) in em: a word `h` points high is
/// set at `h / BOX_EM` points.
pub(crate) const BOX_EM: f64 = 1.14;

/// The word spaces of running text, in em of the words' size: every gap between two
/// words of a line, except after a hanging entry number (`12.`) and on lines with a
/// dotted leader (contents, periodicals). Each with the page (1-based) and the line.
pub(crate) fn word_spaces(pdf: &[u8]) -> Vec<(f64, usize, String)> {
    let mut spaces = Vec::new();
    for (p, page) in placed_pages(pdf).iter().enumerate() {
        for line in &page.lines {
            if line.iter().any(|w| w.text.chars().all(|c| c == '.')) {
                continue;
            }
            let text = line
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            for (i, pair) in line.windows(2).enumerate() {
                let number = pair[0]
                    .text
                    .strip_suffix('.')
                    .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
                if i == 0 && number {
                    continue;
                }
                let em = (pair[0].y1 - pair[0].y0) / BOX_EM;
                spaces.push(((pair[1].x0 - pair[0].x1) / em, p + 1, text.clone()));
            }
        }
    }
    spaces
}
