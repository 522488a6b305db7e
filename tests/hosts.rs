//! Where an article sits in its host, as real catalogues write it: the article's pages
//! (never the issue's extent), volume, issue, month and the year of publication in every
//! convention of 773 `$g`; blank language codes and the Azerbaijani `ə`; a host known only
//! by its record link; the material designation, parallel titles, host ISSN and annotation.
//! Expected values are read from the fixtures (`tests/data/golden/*-hosts.*`,
//! `tests/data/host-link-only.xml`) and, when present, the real exports in ../shared/corpus.

use std::path::Path;

use bulletin::classify::{QuarterBy, infer_group, language_group, quarter_of};
use bulletin::collate::{Collators, LanguageGroup, is_latin};
use bulletin::config::Separator;
use bulletin::feed::{self, ReadOptions};
use bulletin::model::{ProblemKind, Record};
use bulletin::order::{Placed, SectionHead, build_body};

use crate::common::{corpus, data};

fn read(path: &Path) -> Vec<Record> {
    let (_, stream) = feed::open(path, &ReadOptions::default()).expect("opens");
    stream.collect::<Result<Vec<_>, _>>().expect("reads")
}

fn record(file: &str, id: &str) -> Record {
    read(&data(file))
        .into_iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no record {id} in {file}"))
}

/// (volume, issue, pages, year, month) as read.
type Numbering<'a> = (
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<i32>,
    Option<u32>,
);

fn numbering(r: &Record) -> Numbering<'_> {
    (
        r.volume.as_deref(),
        r.issue.as_deref(),
        r.pages.as_deref(),
        r.published.year(),
        r.published.month,
    )
}

#[test]
fn article_pages_come_from_463_never_from_the_issue_extent() {
    // 463: embedded 200 `$a Т. 320, № 1 : Науки о Земле`, `$v [С. 11-15]`, 215 `$a 225 с.`.
    let r = record("golden/rusmarc-hosts.xml", "G-H-RU-01");
    assert_eq!(
        numbering(&r),
        (Some("320"), Some("1"), Some("11–15"), Some(2012), None)
    );
    // 463's own `$v S. 45-52` before its embedded fields; 215 `$a 96 s.` again ignored.
    let r = record("golden/rusmarc-hosts.xml", "G-H-AZ-01");
    assert_eq!(
        numbering(&r),
        (Some("68"), Some("2"), Some("45–52"), Some(2012), None)
    );
    // IRBIS `^S[С. 11-15]`, volume in `^V`, issue in `^H`.
    let r = record("golden/asp-hosts.txt", "G-H-ASP-01");
    assert_eq!(
        numbering(&r),
        (Some("5"), Some("2"), Some("11–15"), Some(2012), None)
    );
}

#[test]
fn host_numbering_in_773_g_in_every_convention() {
    let table: [(&str, Numbering<'static>); 8] = [
        // 5. Jahrgang, Nr. 3 (2022), Seite 6-13
        (
            "G-H-DE-01",
            (Some("5"), Some("3"), Some("6–13"), Some(2022), None),
        ),
        // 39. Jahrgang, Ausgabe 4 (Juli/August 2018)
        (
            "G-H-DE-02",
            (Some("39"), Some("4"), None, Some(2018), Some(7)),
        ),
        // Heft 2, S. 117-120
        (
            "G-H-DE-03",
            (None, Some("2"), Some("117–120"), Some(2012), None),
        ),
        // Bd. 12, H. 3
        ("G-H-DE-04", (Some("12"), Some("3"), None, Some(2012), None)),
        // 88. 2010 (2012), S. 175-179
        (
            "G-H-DE-05",
            (Some("88"), None, Some("175–179"), Some(2012), None),
        ),
        // vol. 5, no. 2, pp. 11-19
        (
            "G-H-EN-01",
            (Some("5"), Some("2"), Some("11–19"), Some(2012), None),
        ),
        // t. 4, n° 7, p. 3
        (
            "G-H-FR-01",
            (Some("4"), Some("7"), Some("3"), Some(2012), None),
        ),
        // cilt 3, sayı 2, s. 45-52
        (
            "G-H-TR-01",
            (Some("3"), Some("2"), Some("45–52"), Some(2012), None),
        ),
    ];
    let records = read(&data("golden/marc21-hosts.xml"));
    for (id, expected) in table {
        let r = records.iter().find(|r| r.id == id).expect(id);
        assert_eq!(numbering(r), expected, "{id}");
    }
}

#[test]
fn the_year_in_parentheses_wins_over_a_year_like_volume() {
    // 773 `$g 88. 2010 (2012), S. 175-179`, 008/07-10 `2012`, catalogued 2012-08-20.
    let r = record("golden/marc21-hosts.xml", "G-H-DE-05");
    assert_eq!(r.published.year(), Some(2012));
    let kinds: Vec<ProblemKind> = r.problems.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, [ProblemKind::YearOnly]);
    let (quarter, note) = quarter_of(&r, QuarterBy::Published).expect("placed");
    assert_eq!((quarter.year, quarter.number), (2012, 3));
    assert!(note.unwrap().contains("only the year 2012"));
}

#[test]
fn blank_language_codes_mean_infer_from_the_letters() {
    for (file, id, group) in [
        // 008/35-37 `###`, title with ə.
        (
            "golden/marc21-hosts.xml",
            "G-H-BL-01",
            LanguageGroup::Azerbaijani,
        ),
        // 008/35-37 `|||` and 041 `$a` of spaces.
        ("golden/marc21-hosts.xml", "G-H-BL-02", LanguageGroup::Other),
        // RUSMARC 101 `$a |||`.
        (
            "golden/rusmarc-hosts.xml",
            "G-H-RU-03",
            LanguageGroup::Russian,
        ),
    ] {
        let r = record(file, id);
        assert!(r.languages.is_empty(), "{id}: {:?}", r.languages);
        assert!(r.is_usable(), "{id}: {:?}", r.problems);
        assert_eq!(language_group(&r).expect(id), (group, true), "{id}");
    }
}

#[test]
fn every_azerbaijani_latin_letter_counts_including_schwa() {
    assert!(is_latin('ə') && is_latin('Ə') && is_latin('ğ') && is_latin('ı'));
    assert_eq!(
        infer_group("Gənclər siyasəti və təhsil"),
        Some(LanguageGroup::Azerbaijani)
    );
    assert_eq!(infer_group("ə"), Some(LanguageGroup::Azerbaijani));
    assert_eq!(infer_group("Energy policy"), Some(LanguageGroup::Other));
    // IRBIS without 101: inferred, and described with the Azerbaijani apparatus.
    let r = record("golden/asp-hosts.txt", "G-H-ASP-02");
    assert_eq!(
        language_group(&r).unwrap(),
        (LanguageGroup::Azerbaijani, true)
    );
}

#[test]
fn a_host_with_only_a_record_link_says_so() {
    let records = read(&data("host-link-only.xml"));
    for (id, link) in [
        ("LINK-773", "(DE-600)2071593-5"),
        ("LINK-461", "RU\\NLR\\bibl\\1234567"),
    ] {
        let r = records.iter().find(|r| r.id == id).expect(id);
        let host = r.host.as_ref().expect("a host with its link");
        assert_eq!(host.link.as_deref(), Some(link));
        let messages: Vec<&str> = r
            .problems
            .iter()
            .filter(|p| p.kind == ProblemKind::NoHost)
            .map(|p| p.message.as_str())
            .collect();
        assert_eq!(messages.len(), 1, "{id}: {:?}", r.problems);
        assert!(
            messages[0].starts_with("the host periodical has only a record link")
                && messages[0].contains(link)
                && messages[0].contains("no title"),
            "{id}: {}",
            messages[0]
        );
        assert!(!r.is_usable());
    }
}

#[test]
fn material_parallel_title_issn_and_annotation_are_kept() {
    let annotation = "Обзор оцифрованных фондов национальных архивов.";
    for (file, id, issn) in [
        ("golden/rusmarc-hosts.xml", "G-H-RU-02", "0134-4536"),
        ("golden/asp-hosts.txt", "G-H-ASP-01", "0204-3653"),
    ] {
        let r = record(file, id);
        assert_eq!(
            r.supplement().material.as_deref(),
            Some("Электронный ресурс"),
            "{id}"
        );
        assert_eq!(
            r.supplement().parallel_titles,
            ["Digital archives of Azerbaijan"],
            "{id}"
        );
        assert_eq!(r.supplement().other_title, ["обзор"], "{id}");
        assert_eq!(
            r.supplement().annotation.as_deref(),
            Some(annotation),
            "{id}"
        );
        assert_eq!(r.host.as_ref().unwrap().issn.as_deref(), Some(issn), "{id}");
    }
    let r = record("golden/asp-hosts.txt", "G-H-ASP-01");
    assert_eq!(r.host.unwrap().link.as_deref(), Some("ИРР/2012/2"));
    // MARC 21: 245 `$h`, `$b` after ` =` parallel and after ` :` other title, 520, 773 `$x`.
    let r = record("golden/marc21-hosts.xml", "G-H-EN-01");
    assert_eq!(r.supplement().parallel_titles, ["Xəzər enerji marşrutları"]);
    assert_eq!(r.supplement().other_title, ["a review"]);
    assert_eq!(
        r.supplement().annotation.as_deref(),
        Some("Reviews the pipelines that carry Caspian oil and gas to Europe.")
    );
    assert_eq!(r.host.unwrap().issn.as_deref(), Some("1879-3665"));
    let r = record("golden/marc21-hosts.xml", "G-H-GMD-01");
    assert_eq!(
        r.supplement().material.as_deref(),
        Some("Электронный ресурс")
    );
}

#[test]
fn the_bulletin_json_carries_annotation_and_issn() {
    let r = record("golden/rusmarc-hosts.xml", "G-H-RU-02");
    let plain = record("golden/rusmarc-hosts.xml", "G-H-RU-01");
    let heads = [SectionHead {
        key: "s".into(),
        title: "S".into(),
        level: 1,
    }];
    let placed = [&r, &plain]
        .into_iter()
        .map(|record| Placed {
            record,
            section: 0,
            group: LanguageGroup::Russian,
        })
        .collect();
    let body = build_body(&heads, placed, &Collators::new(), Separator::Dash);
    let json = serde_json::to_value(&body.sections).unwrap();
    let entries = json[0]["groups"][0]["entries"].as_array().unwrap();
    let by_record = |id: &str| {
        entries
            .iter()
            .find(|e| e["record"] == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    let e = by_record("G-H-RU-02");
    assert_eq!(
        e["annotation"],
        "Обзор оцифрованных фондов национальных архивов."
    );
    assert_eq!(e["issn"], "0134-4536");
    // Not printed: the description ends with the pages.
    assert!(e["description"].as_str().unwrap().ends_with("С.\u{a0}6."));
    let e = by_record("G-H-RU-01");
    assert!(e.get("annotation").is_none() && e.get("issn").is_none());
}

#[test]
fn real_irbis_article_pages_link_and_annotation() {
    // `#463: ^S2^WВ781/1942/14^J1942^H№ 14 (17 янв.)^CВосточно-Сибирская правда^7Вост.-Сиб. правда`
    let Some(path) = corpus("irbis-records.txt") else {
        return;
    };
    let records = read(&path);
    let article = &records[1];
    assert_eq!(article.pages.as_deref(), Some("2"));
    assert_eq!(article.issue.as_deref(), Some("14"));
    assert_eq!(article.published.date.unwrap().to_string(), "1942-01-17");
    let host = article.host.as_ref().unwrap();
    assert_eq!(host.link.as_deref(), Some("В781/1942/14"));
    assert_eq!(host.abbreviated.as_deref(), Some("Вост.-Сиб. правда"));
    assert_eq!(
        article.supplement().annotation.as_deref(),
        Some(
            "Охотники Братского района выполнили план сдачи шкурок разных зверей более, \
             чем на 200 процентов."
        )
    );
}

#[test]
fn real_irbis_newspaper_pages_date_and_annotation() {
    // `#463: ^CСМ Номер один^J2000^S4^V25 дек.`
    let Some(path) = corpus("irbis-asp-newspaper.txt") else {
        return;
    };
    let r = &read(&path)[0];
    assert_eq!(r.pages.as_deref(), Some("4"));
    assert_eq!(r.volume, None);
    assert_eq!(r.published.date.unwrap().to_string(), "2000-12-25");
    assert_eq!(
        r.supplement().annotation.as_deref(),
        Some(
            "Положении дел в Ангарской нефтехимической компании после перехода ее в \
             собственность компании ЮКОС."
        )
    );
}
