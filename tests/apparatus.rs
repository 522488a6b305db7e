//! The issue's apparatus in the sample's PDFs and JSON: title verso, output data, preface,
//! list of abbreviations, cross-references, the name index's subjects, annotations.

use std::path::Path;
use std::sync::OnceLock;

use bulletin::issue::Issue;

use crate::common::{flat_text, pages_text};

/// One build of the sample's first quarter (with its overrides), shared by this module.
fn built() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    crate::common::built_once(&DIR, &["--quarter", "2012-Q1"])
}

fn issue(id: &str) -> (Issue, Vec<u8>) {
    let dir = built().join("2012-Q1");
    let json = std::fs::read(dir.join(format!("{id}.json"))).unwrap();
    let pdf = std::fs::read(dir.join(format!("{id}.pdf"))).unwrap();
    (serde_json::from_slice(&json).unwrap(), pdf)
}

fn squash(text: &str) -> String {
    text.replace(['\u{a0}', '\u{2060}', '\u{ad}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn title_verso_and_output_data() {
    let (issue, pdf) = issue("energy");
    let pages = pages_text(&pdf);
    let verso = squash(&pages[1]);
    for expected in [
        "UOT 016:32(479.24)",
        "KBT 91.9:66.3(5Aze)",
        "Tərtib edənlər: Ş. Əliyeva, R. Hüseynova",
        "Redaktor: N. Məmmədova",
        "Buraxılışa məsul: V. Quliyev",
        "ISSN 2218-9874",
        "Bülleten Prezident Kitabxanasının fonduna",
    ] {
        assert!(
            verso.contains(expected),
            "{expected:?} not on the verso: {verso}"
        );
    }
    assert_eq!(issue.front.verso.len(), 7, "{:?}", issue.front.verso);
    let last = squash(pages.iter().rev().find(|p| !p.trim().is_empty()).unwrap());
    for expected in [
        "Çapa imzalanmışdır: 31.03.2012",
        "Format: 60×84 1/16",
        "Tiraj: 100 nüsxə",
    ] {
        assert!(
            last.contains(expected),
            "{expected:?} not on the last page: {last}"
        );
    }
    // A key the bulletin does not configure leaves its line out (ISSN is energy's own).
    let (other, pdf) = self::issue("law");
    assert!(!other.front.verso.iter().any(|l| l.label == "ISSN"));
    assert!(!squash(&pages_text(&pdf)[1]).contains("ISSN"));
}

#[test]
fn preface_after_the_contents_with_its_numbers_filled() {
    let (issue, pdf) = issue("energy");
    let preface = issue.front.preface.as_ref().expect("a preface");
    let first = &preface.paragraphs[0];
    assert!(!first.contains('{'), "placeholders left: {first}");
    let expected = format!(
        "{} dövri nəşrdə dərc olunmuş {} məqalənin",
        issue.periodicals.len(),
        issue.entry_count()
    );
    assert!(first.contains(&expected), "{first}");
    assert!(first.contains("1 yanvar 2012 – 31 mart 2012"), "{first}");
    let text = squash(&flat_text(&pdf));
    let contents = text.find("Mündəricat").unwrap();
    let opening: String = squash(first).chars().take(40).collect();
    let preface_at = text
        .find(&format!("Tərtibçidən {opening}"))
        .expect("the preface, under its heading");
    assert!(
        contents < preface_at,
        "the preface comes after the contents"
    );
    let entry: String = squash(&issue.entries().next().unwrap().description)
        .chars()
        .take(20)
        .collect();
    let first_entry = text.find(&format!("1. {entry}")).unwrap();
    assert!(
        preface_at < first_entry,
        "the preface comes before the body"
    );
}

#[test]
fn list_of_abbreviations_is_the_one_the_entries_use() {
    for id in ["public-administration", "energy", "karabakh", "diaspora"] {
        let (issue, pdf) = issue(id);
        let list = issue.front.abbreviations.as_ref().expect("abbreviations");
        assert_eq!(list.heading, "Şərti ixtisarlar");
        // No line printed twice: English and French share `P. – page`.
        for (i, item) in list.items.iter().enumerate() {
            assert!(
                !list.items[..i]
                    .iter()
                    .any(|o| o.short == item.short && o.full == item.full),
                "{} – {} listed twice in {id}",
                item.short,
                item.full
            );
        }
        let text = squash(&flat_text(&pdf));
        // The heading's last occurrence (the first is in the contents).
        let at = text.rfind("Şərti ixtisarlar").expect("the list's heading");
        for item in &list.items {
            // Every abbreviation listed is used by an entry of its language …
            let used = issue
                .sections
                .iter()
                .flat_map(|s| &s.groups)
                .filter(|g| {
                    g.language.key()
                        == match item.lang.as_str() {
                            lang @ ("az" | "ru") => lang,
                            _ => "other",
                        }
                })
                .flat_map(|g| &g.entries)
                .any(|e| squash(&e.description).contains(&squash(&item.short)));
            assert!(used, "{} listed in {id} but not used", item.short);
            // … and printed with its full form.
            let line = format!("{} – {}", squash(&item.short), item.full);
            assert!(
                text[at..].contains(&line),
                "{line:?} not in the list of {id}"
            );
        }
        // Russian page label and month abbreviations have Russian full forms.
        if let Some(page) = list.items.iter().find(|i| i.short == "С.") {
            assert_eq!((page.full.as_str(), page.lang.as_str()), ("страница", "ru"));
        }
        if let Some(page) = list.items.iter().find(|i| i.short == "S.") {
            assert_eq!((page.full.as_str(), page.lang.as_str()), ("səhifə", "az"));
        }
    }
}

#[test]
fn cross_references_instead_of_repetition() {
    let (issue, pdf) = issue("public-administration");
    let text = squash(&flat_text(&pdf));
    let with_refs: Vec<_> = issue
        .sections
        .iter()
        .filter(|s| !s.see_also.is_empty())
        .collect();
    assert!(
        !with_refs.is_empty(),
        "the sample has records in two subtopics"
    );
    for section in with_refs {
        for &n in &section.see_also {
            // The entry is described once, under another subtopic.
            let home = issue
                .sections
                .iter()
                .find(|s| {
                    s.groups
                        .iter()
                        .flat_map(|g| &g.entries)
                        .any(|e| e.number == n)
                })
                .expect("the referred entry exists");
            assert_ne!(home.subtopic, section.subtopic);
        }
        let numbers: Vec<String> = section.see_also.iter().map(u32::to_string).collect();
        let printed = format!("Bax həmçinin: {}", numbers.join(", "));
        let heading = text.find(&squash(&section.title)).unwrap();
        assert!(
            text[heading..].contains(&printed),
            "{printed:?} not printed under {}",
            section.title
        );
    }
    // No record is described twice in one issue.
    let mut ids: Vec<&str> = issue.entries().map(|e| e.record.as_str()).collect();
    let all = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all);
}

#[test]
fn persons_as_subjects_are_set_apart_in_the_name_index() {
    let (issue, pdf) = issue("public-administration");
    let text = squash(&flat_text(&pdf));
    let index = &text[text.rfind(&issue.front.names_heading).unwrap()..];
    let about: Vec<_> = issue.names.iter().filter(|n| !n.about.is_empty()).collect();
    assert!(!about.is_empty(), "the sample has persons as subjects");
    for name in about {
        let mut numbers: Vec<String> = name.entries.iter().map(u32::to_string).collect();
        numbers.extend(name.about.iter().map(u32::to_string));
        let line = format!("{} {}", squash(&name.name), numbers.join(", "));
        assert!(index.contains(&line), "{line:?} not in the name index");
        for n in &name.about {
            assert!(!name.entries.contains(n));
        }
    }
}

#[test]
fn annotations_print_under_their_entries_in_an_annotated_bulletin() {
    let (issue, pdf) = issue("energy");
    assert!(issue.front.annotated);
    let text = squash(&flat_text(&pdf));
    let annotated: Vec<_> = issue.entries().filter(|e| e.annotation.is_some()).collect();
    assert!(
        !annotated.is_empty(),
        "the sample's overrides annotate energy entries"
    );
    for e in annotated {
        let description = squash(&e.description);
        let closing: String = description
            .chars()
            .rev()
            .take(12)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let printed = format!("{closing} {}", squash(e.annotation.as_deref().unwrap()));
        assert!(
            text.contains(&printed),
            "{printed:?} not under entry {}",
            e.number
        );
    }
    // A bulletin that is not annotated prints none.
    let (law, _) = self::issue("law");
    assert!(!law.front.annotated);
}
