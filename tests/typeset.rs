//! The product a bibliographer holds: `bulletin build` on the sample intake gives nine
//! PDFs a quarter whose text, order, indexes and letters match the bulletin JSON, and two
//! builds give the same bytes.

use std::path::Path;
use std::sync::OnceLock;

use bulletin::issue::Issue;
use bulletin::render::{RenderOptions, Renderer};

use crate::common::{bulletin, flat_text, pages_text, poppler, templates_dir};

/// One build of the sample intake, shared by the tests of this module.
fn built() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    crate::common::built_once(&DIR, &[])
}

fn issue(quarter: &str, id: &str) -> (Issue, Vec<u8>) {
    let dir = built().join(quarter);
    let json = std::fs::read(dir.join(format!("{id}.json"))).unwrap();
    let pdf = std::fs::read(dir.join(format!("{id}.pdf"))).unwrap();
    (serde_json::from_slice(&json).unwrap(), pdf)
}

fn squash(text: &str) -> String {
    text.replace(['\u{a0}', '\u{2060}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn nine_pdfs_a_quarter() {
    for quarter in ["2012-Q1", "2012-Q2"] {
        let pdfs = std::fs::read_dir(built().join(quarter))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "pdf")
            })
            .count();
        assert_eq!(pdfs, 9, "{quarter}");
    }
    let leftovers: Vec<_> = std::fs::read_dir(built().join("2012-Q1"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| Path::new(n).extension().is_some_and(|x| x == "tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn title_page_of_an_issue() {
    let (_, pdf) = issue("2012-Q2", "foreign-policy");
    let first = squash(&pages_text(&pdf)[0]);
    for expected in [
        "Prezident Kitabxanası",
        "Azərbaycan Respublikasının xarici siyasəti",
        "Məlumat bülleteni",
        "2012, № 2 (aprel–iyun)",
        "Bakı – 2012",
    ] {
        assert!(
            first.contains(expected),
            "{expected:?} not on the title page: {first}"
        );
    }
}

#[test]
fn headings_entries_and_indexes_follow_the_json() {
    for id in ["foreign-policy", "energy", "culture"] {
        let (issue, pdf) = issue("2012-Q1", id);
        let text = squash(&flat_text(&pdf));
        // Section headings in order, each followed by its first language group.
        let mut at = 0;
        for section in &issue.sections {
            let heading = format!("{} {}", squash(&section.title), section.groups[0].heading);
            let found = text[at..]
                .find(&heading)
                .unwrap_or_else(|| panic!("{heading} missing or out of order in {id}"));
            at += found + heading.len();
        }
        // First and last entries, with their numbers.
        let entries: Vec<_> = issue.entries().collect();
        let (first, last) = (entries[0], entries[entries.len() - 1]);
        let opening: String = squash(&first.description).chars().take(30).collect();
        assert!(
            text.contains(&format!("1. {opening}")),
            "first entry of {id}: {opening}"
        );
        let closing: String = squash(&last.description).chars().take(30).collect();
        assert!(
            text.contains(&format!("{}. {closing}", last.number)),
            "last entry of {id}: {closing}"
        );
        // The name index: every name with its numbers.
        let names_at = text
            .rfind(&issue.front.names_heading)
            .expect("name index heading");
        let index = &text[names_at..];
        for name in issue.names.iter().take(15) {
            assert!(
                index.contains(&squash(&name.name)),
                "{} not in the name index of {id}",
                name.name
            );
        }
        let periodicals_at = text
            .rfind(&issue.front.periodicals_heading)
            .expect("periodicals heading");
        for p in &issue.periodicals {
            assert!(
                text[periodicals_at..].contains(&squash(&p.title)),
                "{} not in the periodicals of {id}",
                p.title
            );
        }
    }
}

#[test]
fn letters_come_out_as_themselves() {
    // Every bulletin of the quarter: the letters are spread over them as the sample falls.
    let text: String = [
        "foreign-policy",
        "public-administration",
        "regions",
        "energy",
        "karabakh",
        "diaspora",
        "law",
        "culture",
        "ecology",
    ]
    .iter()
    .map(|id| flat_text(&issue("2012-Q1", id).1))
    .collect();
    for letter in [
        'ə', 'Ə', 'ğ', 'ı', 'İ', 'ş', 'Ş', 'ç', 'Ç', 'ö', 'ü', 'x', 'q', 'ж', 'щ', 'ы', 'Э',
    ] {
        assert!(text.contains(letter), "{letter} missing from the PDF text");
    }
}

#[test]
fn name_index_numbers_link_to_entries() {
    let (_, pdf) = issue("2012-Q1", "energy");
    let raw = String::from_utf8_lossy(&pdf);
    assert!(
        raw.matches("/Subtype /Link").count() + raw.matches("/Subtype/Link").count() > 10,
        "few link annotations"
    );
}

#[test]
fn pdfa_with_embedded_fonts_and_metadata() {
    let (_, pdf) = issue("2012-Q1", "law");
    let raw = String::from_utf8_lossy(&pdf);
    assert!(
        raw.contains("pdfaid:part") && raw.contains(">2<") || raw.contains("pdfaid:part=\"2\""),
        "PDF/A-2 identification"
    );
    let fonts = poppler("pdffonts", &[], &pdf);
    for line in fonts.lines().skip(2) {
        let columns: Vec<&str> = line.split_whitespace().collect();
        let emb = columns.iter().rev().nth(3).copied();
        assert_eq!(emb, Some("yes"), "font not embedded: {line}");
    }
    let info = poppler("pdfinfo", &[], &pdf);
    assert!(
        info.contains("Title:") && info.contains("Hüquq və bələdiyyə idarəçiliyi"),
        "{info}"
    );
    assert!(
        info.contains("Author:") && info.contains("Prezident Kitabxanası"),
        "{info}"
    );
}

#[test]
fn two_builds_give_the_same_bytes() {
    let again = tempfile::tempdir().unwrap();
    let out = bulletin(&[
        "build",
        "--quarter",
        "2012-Q1",
        "--out",
        again.path().to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for id in ["foreign-policy", "karabakh"] {
        let a = std::fs::read(built().join("2012-Q1").join(format!("{id}.pdf"))).unwrap();
        let b = std::fs::read(again.path().join("2012-Q1").join(format!("{id}.pdf"))).unwrap();
        assert!(a == b, "{id}.pdf differs between two builds");
    }
}

/// Non-filing words are printed and filed apart: `<<Der>> Rhein` and `NSB Die NSE Saar`
/// print whole and file under R and S, `<<Die>> Welt` under W in the entries and in the
/// list of periodicals; a stray control character never reaches the PDF/A export.
#[test]
fn non_filing_words_are_printed_and_filed_apart() {
    let dir = tempfile::tempdir().unwrap();
    let feed = crate::common::data("non-filing.xml");
    let out = bulletin(&[
        "build",
        "--feed",
        feed.to_str().unwrap(),
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = std::fs::read(dir.path().join("2012-Q1/foreign-policy.pdf")).unwrap();
    let text = squash(&flat_text(&pdf));
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {text}"))
    };
    let entries = [
        "Ems // Frankfurter Rundschau",
        "Mosel // Frankfurter Rundschau",
        "Der Rhein // Frankfurter Rundschau",
        "Die Saar // Frankfurter Rundschau",
        "Neckar // Die Welt",
    ];
    let places: Vec<usize> = entries.iter().map(|e| at(e)).collect();
    assert!(places.is_sorted(), "{entries:?} out of order in {text}");
    let list = text.rfind("Frankfurter Rundschau").unwrap();
    assert!(text[list..].contains("Die Welt"), "{text}");
    assert!(!text.contains("<<") && !text.contains('\u{86}'), "{text}");
}

/// The template's first-pass stand-ins (the contents, the indexes' columns, the
/// cross-references) measure like the parts they stand for, so that Typst lays a bulletin
/// out in two passes; a stand-in that drifted from its part would cost a third pass on
/// every document. Typst's timing switch is global to the process, so the passes are
/// counted in a run of this test alone.
#[test]
fn a_bulletin_is_laid_out_in_two_passes() {
    const ALONE: &str = "BULLETIN_TEST_COUNT_PASSES";
    if std::env::var_os(ALONE).is_none() {
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "typeset::a_bulletin_is_laid_out_in_two_passes"])
            .args(["--test-threads", "1", "--nocapture"])
            .env(ALONE, "1")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        return;
    }
    let renderer = Renderer::new(&templates_dir()).unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2012, 4, 1).and_then(|d| d.and_hms_opt(0, 0, 0));
    let options = RenderOptions::new(date.unwrap());
    let mut ids: Vec<String> = std::fs::read_dir(built().join("2012-Q1"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".pdf").map(str::to_owned)
        })
        .collect();
    ids.sort();
    assert_eq!(ids.len(), 9, "{ids:?}");
    for id in ids {
        let (issue, _) = issue("2012-Q1", &id);
        typst_timing::clear();
        typst_timing::enable();
        let rendered = renderer.render(&issue, &options);
        typst_timing::disable();
        rendered.unwrap_or_else(|e| panic!("{id}: {e}"));
        let mut trace = Vec::new();
        typst_timing::export_json(&mut trace, |_| (String::new(), 0)).unwrap();
        let events: Vec<serde_json::Value> = serde_json::from_slice(&trace).unwrap();
        let passes = events
            .iter()
            .filter(|e| e["ph"] == "B" && e["name"].as_str().is_some_and(|n| n.starts_with("iter")))
            .count();
        assert_eq!(
            passes, 2,
            "{id}: Typst laid the bulletin out {passes} times"
        );
    }
}
