//! Reading the catalogue: every format on fixtures, the same article through every format,
//! every bad input with its message and exit status, and the real exports in ../shared.

use std::path::Path;

use bulletin::collate::LanguageGroup;
use bulletin::config::Separator;
use bulletin::describe::{Apparatus, describe};
use bulletin::feed::{self, FeedError, FeedErrorKind, ReadOptions};
use bulletin::model::{Format, Person, ProblemKind, Record, Role, SharedStr};

use crate::common::{bulletin, corpus, data};

fn read(path: &Path) -> Vec<Record> {
    let (_, stream) = feed::open(path, &ReadOptions::default()).expect("opens");
    stream.collect::<Result<Vec<_>, _>>().expect("reads")
}

fn az(record: &Record) -> String {
    describe(
        record,
        Apparatus::of(LanguageGroup::Azerbaijani),
        Separator::Dash,
    )
    .replace('\u{a0}', " ")
}

#[test]
fn rusmarc_marcxml_articles() {
    let records = read(&data("rusmarc-articles.xml"));
    assert_eq!(records.len(), 4);
    let r = &records[0];
    assert_eq!(r.id, "PRESLIB-2012-000101");
    assert_eq!(r.title, "Regionların inkişafı");
    assert_eq!(r.supplement().other_title, ["yeni mərhələ"]);
    assert_eq!(r.host.as_ref().unwrap().title, "Respublika");
    assert_eq!(r.published.date.unwrap().to_string(), "2012-04-17");
    assert_eq!(r.issue.as_deref(), Some("84"));
    assert_eq!(r.pages.as_deref(), Some("3"));
    assert_eq!(r.languages[0].primary(), Some("az"));
    assert_eq!(r.classes[0].code, "RD.1");
    assert_eq!(r.persons[0].role, Role::Primary);
    assert_eq!(r.catalogued.unwrap().to_string(), "2012-04-18");
    assert_eq!((r.origin.line, r.origin.format), (4, Format::MarcXml));
    // A journal: issue number and month, no day.
    let j = &records[2];
    assert_eq!(
        (j.published.year, j.published.month, j.published.date),
        (Some(2012), Some(3), None)
    );
    assert_eq!(j.pages.as_deref(), Some("45–52"));
    assert_eq!(j.authors().count(), 4);
    // English, with an escaped ampersand and a leap day.
    let e = &records[3];
    assert_eq!(e.title, "Is the Caspian & its oil a curse?");
    assert_eq!(e.published.date.unwrap().to_string(), "2012-02-29");
    assert!(records.iter().all(Record::is_usable));
}

#[test]
fn marc21_marcxml_with_prefix() {
    let records = read(&data("marc21-articles.xml"));
    assert_eq!(records.len(), 2);
    let r = &records[0];
    assert_eq!(r.title, "Regionların inkişafı");
    assert_eq!(r.supplement().other_title, ["yeni mərhələ"]);
    assert_eq!(r.persons[0].surname, "Xələfov");
    assert_eq!(r.persons[0].forenames, "Abuzər");
    assert_eq!(r.published.date.unwrap().to_string(), "2012-04-17");
    assert_eq!(r.catalogued.unwrap().to_string(), "2012-04-20");
    let e = &records[1];
    assert_eq!(e.title, "Baku and Brussels: an energy partnership");
    assert_eq!(e.published.date.unwrap().to_string(), "2012-05-17");
    assert_eq!(e.pages.as_deref(), Some("5–6"));
    assert_eq!(e.issue.as_deref(), Some("37"));
    assert_eq!(e.host.as_ref().unwrap().issn.as_deref(), Some("1563-3802"));
}

#[test]
fn irbis_text_with_bom_and_both_date_places() {
    let records = read(&data("asp-articles.txt"));
    assert_eq!(records.len(), 3);
    assert_eq!(records[0].id, "PRESLIB-2012-000301");
    assert_eq!(records[0].published.date.unwrap().to_string(), "2012-04-17");
    // `^V5 янв.`: the issue date in the volume subfield.
    assert_eq!(records[1].published.date.unwrap().to_string(), "2012-01-05");
    assert_eq!(records[1].volume, None);
    // `^H№ 45` and `^V26 fevral`.
    assert_eq!(records[2].issue.as_deref(), Some("45"));
    assert_eq!(records[2].published.date.unwrap().to_string(), "2012-02-26");
    assert_eq!(records[2].pages.as_deref(), Some("1–2"));
    assert_eq!(records[2].catalogued.unwrap().to_string(), "2012-02-27");
}

#[test]
fn irbis_text_in_cp1251_is_recognised() {
    let records = read(&data("asp-cp1251.txt"));
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].title, "Нефтяная стратегия");
    assert_eq!(records[0].persons[0].inverted(), "Алиев, Р.");
    assert_eq!(records[0].host.as_ref().unwrap().title, "Бакинский рабочий");
    assert_eq!(records[0].issue.as_deref(), Some("2"));
    assert_eq!(records[0].published.date.unwrap().to_string(), "2012-01-05");
}

#[test]
fn iso2709_in_utf8_and_cp1251() {
    let utf8 = read(&data("rusmarc-utf8.iso"));
    assert_eq!(utf8.len(), 1);
    assert_eq!(utf8[0].title, "Regionların inkişafı");
    let cp = read(&data("rusmarc-cp1251.iso"));
    assert_eq!(cp.len(), 2);
    assert_eq!(cp[0].title, "Нефтяная стратегия");
    assert_eq!(cp[0].published.date.unwrap().to_string(), "2012-01-05");
    assert_eq!(cp[1].title, "Ёлка в Баку: праздник для всех");
    assert_eq!(cp[1].persons[0].surname, "Фёдоров");
    assert_eq!(cp[1].pages.as_deref(), Some("12–14"));
    assert_eq!(cp[1].origin.format, Format::Iso2709);
}

#[test]
fn the_same_article_in_every_format_reads_and_describes_alike() {
    let expected = "Xələfov, A. Regionların inkişafı : yeni mərhələ / Abuzər Xələfov // Respublika. – 2012. – 17 aprel. – S. 3.";
    let sources = [
        read(&data("rusmarc-articles.xml")).remove(0),
        read(&data("marc21-articles.xml")).remove(0),
        read(&data("asp-articles.txt")).remove(0),
        read(&data("rusmarc-utf8.iso")).remove(0),
    ];
    for record in &sources {
        assert_eq!(
            az(record),
            expected,
            "from {}",
            record.origin.file.display()
        );
    }
}

#[test]
fn a_folder_means_every_feed_file_in_it_in_order() {
    let files = feed::feed_files(&[data("")]).unwrap();
    let names: Vec<String> = files
        .iter()
        .map(|f| f.strip_prefix(data("")).unwrap().display().to_string())
        .collect();
    assert_eq!(
        names,
        [
            "asp-articles.txt",
            "asp-cp1251.txt",
            "bad/damaged-records.txt",
            "bad/damaged-records.xml",
            "bad/doctype.xml",
            "bad/empty.xml",
            "bad/invalid-utf8.txt",
            "bad/malformed.xml",
            "bad/missized.iso",
            "bad/record-problems.txt",
            "bad/truncated.iso",
            "golden/asp-az.txt",
            "golden/asp-en.txt",
            "golden/asp-hosts.txt",
            "golden/asp-ru.txt",
            "golden/marc21-hosts.xml",
            "golden/marc21.xml",
            "golden/rusmarc-hosts.xml",
            "golden/rusmarc.xml",
            "host-link-only.xml",
            "marc21-articles.xml",
            "non-filing.xml",
            "rusmarc-articles.xml",
            "rusmarc-cp1251.iso",
            "rusmarc-utf8.iso",
            "schemes/irbis.txt",
            "schemes/marc21.xml",
            "schemes/rusmarc.xml",
        ]
    );
}

/// Runs `bulletin check` on one bad file: (exit status, stdout).
fn check_bad(name: &str) -> (i32, String) {
    let out = bulletin(&["check", data(&format!("bad/{name}")).to_str().unwrap()]);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn a_record_that_is_not_well_formed_is_damaged_and_the_file_read() {
    let (code, out) = check_bad("malformed.xml");
    assert_eq!(code, 1, "{out}");
    assert!(out.starts_with("2 records in 1 files"), "{out}");
    assert!(
        out.contains("malformed.xml:9:64: record ") && out.contains("unreadable record (line 9, column 64): malformed XML: expected </subfield>, found </datafield>"),
        "{out}"
    );
}

#[test]
fn truncated_and_missized_iso_records_are_damaged_records() {
    let (code, out) = check_bad("truncated.iso");
    assert_eq!(code, 1, "{out}");
    assert!(out.starts_with("2 records in 1 files"), "{out}");
    assert!(
        out.contains("truncated.iso:1:318: record ")
            && out.contains("unreadable record (record 2, byte 317): truncated record"),
        "{out}"
    );
    let (code, out) = check_bad("missized.iso");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("unreadable record (record 2, byte 317): mis-sized record: the leader declares 324 bytes"),
        "{out}"
    );
}

#[test]
fn invalid_utf8_names_the_byte() {
    let (code, out) = check_bad("invalid-utf8.txt");
    assert_eq!(code, 2);
    assert!(
        out.contains("invalid-utf8.txt:4:17: invalid UTF-8 byte"),
        "{out}"
    );
    assert!(out.contains("--encoding cp1251"), "{out}");
}

#[test]
fn empty_file() {
    let (code, out) = check_bad("empty.xml");
    assert_eq!(code, 2);
    assert!(out.contains("empty.xml: empty file: no records"), "{out}");
}

#[test]
fn doctype_entities_are_never_expanded() {
    let (code, out) = check_bad("doctype.xml");
    assert_eq!(code, 2);
    assert!(
        out.contains("doctype.xml:2:1: the DOCTYPE declares entities"),
        "{out}"
    );
    assert!(!out.contains("lollol"), "{out}");
}

#[test]
fn record_problems_are_listed_with_position_and_id() {
    let (code, out) = check_bad("record-problems.txt");
    assert_eq!(code, 1, "{out}");
    for expected in [
        "record-problems.txt:1:1: record ",
        "record has no id (903)",
        "record-problems.txt:6:1: record BAD-NO-TITLE: record has no title",
        "record-problems.txt:11:1: record BAD-NO-HOST: record has no host periodical",
        "record-problems.txt:18:7: record BAD-LANGUAGE: unknown language code \"xyz\"",
        "record-problems.txt:26:1: record BAD-DATE: impossible date: day 31 of month 4 in 2012",
        "warning: ",
        "record YEAR-ONLY: only the year of publication is known",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
}

#[test]
fn problems_travel_with_the_record() {
    let records = read(&data("bad/record-problems.txt"));
    let kinds: Vec<Vec<ProblemKind>> = records
        .iter()
        .map(|r| r.problems.iter().map(|p| p.kind).collect())
        .collect();
    assert_eq!(kinds[0], [ProblemKind::NoId]);
    assert_eq!(kinds[1], [ProblemKind::NoTitle]);
    assert!(kinds[2].contains(&ProblemKind::NoHost));
    assert_eq!(kinds[3], [ProblemKind::UnknownLanguage]);
    assert_eq!(kinds[4], [ProblemKind::BadDate]);
    assert_eq!(kinds[5], [ProblemKind::YearOnly]);
    assert!(records[5].is_usable());
}

#[test]
fn sample_feed_checks_clean() {
    let out = bulletin(&["check", "data/feed"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.starts_with("620 records in 4 files"), "{text}");
    for format in ["MARCXML", "ISO 2709", "IRBIS text"] {
        assert!(text.contains(format), "{text}");
    }
}

#[test]
fn real_irbis_export_with_bom() {
    let Some(path) = corpus("irbis-asp-newspaper.txt") else {
        return;
    };
    let records = read(&path);
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(r.host.as_ref().unwrap().title, "СМ Номер один");
    assert_eq!(r.published.date.unwrap().to_string(), "2000-12-25");
    assert_eq!(r.persons[0].surname, "Лаврентьев");
    assert_eq!(r.catalogued.unwrap().to_string(), "2001-01-15");
    assert!(r.is_usable(), "{:?}", r.problems);
}

#[test]
fn real_irbis_records_article_and_books() {
    let Some(path) = corpus("irbis-records.txt") else {
        return;
    };
    let records = read(&path);
    assert_eq!(records.len(), 3);
    let article = &records[1];
    assert_eq!(article.published.date.unwrap().to_string(), "1942-01-17");
    assert_eq!(article.issue.as_deref(), Some("14"));
    assert_eq!(
        article.host.as_ref().unwrap().title,
        "Восточно-Сибирская правда"
    );
    assert!(article.is_usable());
    for book in [&records[0], &records[2]] {
        assert!(
            book.problems
                .iter()
                .any(|p| p.kind == ProblemKind::NotAnArticle),
            "{:?}",
            book.problems
        );
    }
}

#[test]
fn real_rusmarc_iso_in_cp1251_is_read_and_reported_as_books() {
    let Some(path) = corpus("rusmarc-nlr-books-cp1251.iso") else {
        return;
    };
    let records = read(&path);
    assert_eq!(records.len(), 81);
    assert!(records.iter().all(|r| {
        r.problems
            .iter()
            .any(|p| p.kind == ProblemKind::NotAnArticle)
    }));
    assert!(
        records
            .iter()
            .all(|r| !r.title.is_empty() && !r.title.contains('\u{fffd}'))
    );
}

#[test]
fn a_whole_date_where_only_the_year_is_expected() {
    let dir = tempfile::tempdir().unwrap();
    let irbis = dir.path().join("a.txt");
    std::fs::write(
        &irbis,
        "#920: ASP\n#903: D-1\n#101: aze\n#200: ^ABaşlıq\n#463: ^CSəs^J17.01.2012^H№ 9\n*****\n",
    )
    .unwrap();
    assert_eq!(
        read(&irbis)[0].published.date.unwrap().to_string(),
        "2012-01-17"
    );
    let xml = dir.path().join("a.xml");
    std::fs::write(
        &xml,
        r#"<collection><record><leader>00000naa0a2200000   450 </leader><controlfield tag="001">D-2</controlfield>
<datafield tag="200" ind1="1" ind2=" "><subfield code="a">Başlıq</subfield></datafield>
<datafield tag="461" ind1=" " ind2="0"><subfield code="1">2001 </subfield><subfield code="a">Səs</subfield></datafield>
<datafield tag="463" ind1=" " ind2="0"><subfield code="1">2000 </subfield><subfield code="a">№ 9</subfield><subfield code="1">210  </subfield><subfield code="d">17.01.2012</subfield></datafield>
</record></collection>"#,
    )
    .unwrap();
    let r = &read(&xml)[0];
    assert_eq!(r.published.date.unwrap().to_string(), "2012-01-17");
    assert_eq!(r.issue.as_deref(), Some("9"));
}

#[test]
fn check_shows_a_record_as_it_stands_in_its_file() {
    let out = bulletin(&[
        "check",
        data("rusmarc-cp1251.iso").to_str().unwrap(),
        "--show",
        "PRESLIB-2012-000403",
        "--show",
        "NO-SUCH",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("rusmarc-cp1251.iso:1:268: record PRESLIB-2012-000403 (ISO 2709):"),
        "{text}"
    );
    assert!(
        text.contains("$aЁлка в Баку: праздник для всех"),
        "CP1251 decoded: {text}"
    );
    assert!(
        text.contains("warning: no record with id NO-SUCH"),
        "{text}"
    );
}

/// Every place and form an issue date is written in, through the real readers.
#[test]
fn issue_dates_in_every_place_and_form() {
    let dir = tempfile::tempdir().unwrap();
    let irbis_cases = [
        ("^H№ 14 (17 yanvar)", "2012-01-17"),
        ("^H№ 14 (17 янв.)", "2012-01-17"),
        ("^H№ 14^V25 dekabr", "2012-12-25"),
        ("^V25 дек.", "2012-12-25"),
        ("^H№ 53 (14 марта)", "2012-03-14"),
        ("^H№ 53 (14 МАРТА)", "2012-03-14"),
        ("^H17-ci iyul", "2012-07-17"),
        ("^H№ 120 (5-го июня)", "2012-06-05"),
        ("^H№ 7 (17.02.2012)", "2012-02-17"),
        ("^AMay 3", "2012-05-03"),
        ("^H№ 9 (3 Ağustos)", "2012-08-03"),
        ("^H№ 2 (17.I.2012)", "2012-01-17"),
        ("^H№ 44 (29 fevral)", "2012-02-29"),
    ];
    for (i, (subfields, expected)) in irbis_cases.iter().enumerate() {
        let path = dir.path().join(format!("{i}.txt"));
        std::fs::write(&path, format!("#920: ASP\n#903: D-{i}\n#101: aze\n#200: ^ABaşlıq\n#463: ^CSəs^J2012{subfields}\n*****\n")).unwrap();
        let r = &read(&path)[0];
        assert_eq!(
            r.published.date.map(|d| d.to_string()).as_deref(),
            Some(*expected),
            "{subfields}: {:?}",
            r.problems
        );
    }
    let marc21_cases = [
        ("2012, 17 Jan., No. 14, p. 3", "2012-01-17"),
        ("2012, Jan. 17, no. 14, p. 3", "2012-01-17"),
        ("2012. – 17 yanvar. – № 14. – S. 3", "2012-01-17"),
        ("2012, 5 марта, № 40, с. 2", "2012-03-05"),
    ];
    for (i, (g, expected)) in marc21_cases.iter().enumerate() {
        let path = dir.path().join(format!("m{i}.xml"));
        std::fs::write(
            &path,
            format!(
                r#"<collection xmlns="http://www.loc.gov/MARC21/slim"><record><leader>00000nab a2200000 i 4500</leader>
<controlfield tag="001">M-{i}</controlfield><controlfield tag="008">120120s2012    aj            000 0 aze d</controlfield>
<datafield tag="245" ind1="1" ind2="0"><subfield code="a">Başlıq</subfield></datafield>
<datafield tag="773" ind1="0" ind2=" "><subfield code="t">Səs</subfield><subfield code="g">{g}</subfield></datafield></record></collection>"#
            ),
        )
        .unwrap();
        let r = &read(&path)[0];
        assert_eq!(
            r.published.date.map(|d| d.to_string()).as_deref(),
            Some(*expected),
            "{g}: {:?}",
            r.problems
        );
        assert_eq!(
            r.issue.as_deref(),
            Some(if i == 3 { "40" } else { "14" }),
            "{g}"
        );
    }
}

/// Reads a file whose damaged records come as records with a `Damaged` problem.
fn read_damaged(path: &Path) -> Vec<Record> {
    read(path)
}

fn damage(record: &Record) -> Option<&str> {
    record
        .problems
        .first()
        .filter(|p| p.kind == ProblemKind::Damaged)
        .map(|p| p.message.as_str())
}

#[test]
fn a_damaged_irbis_line_loses_its_record_only() {
    let records = read_damaged(&data("bad/damaged-records.txt"));
    let ids: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["DMG-1", "DMG-2", "DMG-3", "DMG-4"]);
    assert!(records[0].is_usable() && records[3].is_usable());
    assert_eq!(
        damage(&records[1]),
        Some(
            "unreadable record (line 11): field line without ':' after the tag: \"#200 ^AZədələnmiş məqalə\""
        )
    );
    let p = &records[1].problems[0];
    assert_eq!((p.line, p.column), (11, 1));
    // The gaps that follow from the damage (no title) are not reported besides it.
    assert_eq!(records[1].problems.len(), 1, "{:?}", records[1].problems);
    assert!(
        damage(&records[2])
            .unwrap()
            .starts_with("unreadable record (line 17): expected a field line")
    );
    assert!(!records[1].is_usable() && !records[2].is_usable());
    let (code, out) = check_bad("damaged-records.txt");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("damaged-records.txt:11:1: record DMG-2: unreadable record (line 11)"),
        "{out}"
    );
    assert!(
        out.contains("damaged-records.txt:17:1: record DMG-3: unreadable record (line 17)"),
        "{out}"
    );
}

#[test]
fn a_damaged_marcxml_record_loses_itself_only() {
    let records = read_damaged(&data("bad/damaged-records.xml"));
    let ids: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["X-GOOD-1", "X-ENTITY", "X-NESTING", "X-GOOD-2"]);
    assert_eq!(
        damage(&records[1]),
        Some(
            "unreadable record (line 5, column 66): undefined entity &nbsp; (entities are never expanded)"
        )
    );
    assert_eq!(
        damage(&records[2]),
        Some(
            "unreadable record (line 7, column 82): malformed XML: expected </subfield>, found </datafield>"
        )
    );
    assert!(damage(&records[0]).is_none() && damage(&records[3]).is_none());
    assert_eq!(records[3].origin.position, 4);
    let (code, out) = check_bad("damaged-records.xml");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("damaged-records.xml:5:66: record X-ENTITY: unreadable record"),
        "{out}"
    );
    assert!(
        out.contains("damaged-records.xml:7:82: record X-NESTING: unreadable record"),
        "{out}"
    );
}

#[test]
fn a_damaged_iso_record_in_the_middle_of_a_file() {
    let good = std::fs::read(data("rusmarc-utf8.iso")).unwrap();
    let mut broken = good.clone();
    broken[..5].copy_from_slice(b"00999");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("three.iso");
    std::fs::write(&path, [good.clone(), broken, good.clone()].concat()).unwrap();
    let records = read_damaged(&path);
    assert_eq!(records.len(), 3);
    assert_eq!(records[0].title, "Regionların inkişafı");
    assert_eq!(records[2].title, "Regionların inkişafı");
    assert_eq!(records[2].origin.position, 3);
    // The file holds one record and a line break after it.
    let offset = good.len();
    let length = good.iter().position(|&b| b == 0x1D).unwrap() + 1;
    assert_eq!(
        damage(&records[1]),
        Some(format!("unreadable record (record 2, byte {offset}): mis-sized record: the leader declares 999 bytes but the record terminator comes after {length}").as_str())
    );
    assert_eq!(records[1].id, format!("{}#2", path.display()));
    let out = bulletin(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn non_filing_markers_print_and_file_apart() {
    let records = read(&data("non-filing.xml"));
    let titles: Vec<(&str, &str)> = records
        .iter()
        .map(|r| (r.title.as_str(), r.title.filing()))
        .collect();
    assert_eq!(
        titles,
        [
            ("Der Rhein", "Rhein"),
            ("Mosel", "Mosel"),
            ("Die Saar", "Saar"),
            ("Ems", "Ems"),
            ("Neckar", "Neckar"),
        ]
    );
    let welt = &records[4].host.as_ref().unwrap().title;
    assert_eq!((welt.as_str(), welt.filing()), ("Die Welt", "Welt"));
    // A stray C1 byte is removed and reported; the markers are not reported.
    let warnings: Vec<&str> = records
        .iter()
        .flat_map(|r| &r.problems)
        .filter(|p| p.kind == ProblemKind::ControlCharacter)
        .map(|p| p.message.as_str())
        .collect();
    assert_eq!(
        warnings,
        [
            "control character U+0086 removed from the title (a stray byte, or text in another encoding?)"
        ]
    );
    let out = bulletin(&["check", data("non-filing.xml").to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("warning: ")
            && text.contains(":30:3: record NF-EMS: control character U+0086"),
        "{text}"
    );
}

#[test]
fn titles_parse_every_marker_form() {
    use bulletin::model::Title;
    for (raw, text, filing) in [
        ("<<Der>> Rhein", "Der Rhein", "Rhein"),
        ("\u{98}The \u{9c}Times", "The Times", "Times"),
        ("\u{88}L'\u{89}Europe", "L'Europe", "Europe"),
        ("<<Der>> <<alte>> Rhein", "Der alte Rhein", "Rhein"),
        ("Am <<alten>> Rhein", "Am alten Rhein", "Am alten Rhein"),
        ("<<Nur>>", "Nur", "Nur"),
        ("a << b", "a << b", "a << b"),
        ("Рост", "Рост", "Рост"),
    ] {
        let t = Title::parse(raw);
        assert_eq!((t.as_str(), t.filing()), (text, filing), "{raw:?}");
    }
}

/// The real exports in ../shared/corpus that are damaged or unusual.
#[test]
fn real_irbis_export_with_damaged_records() {
    let Some(path) = corpus("irbis-broken-records.txt") else {
        return;
    };
    let records = read(&path);
    // Three records: a book (SPEC) with a line 5 that has no `#`, the newspaper article
    // whose 200 line (line 30) has no `:`, and an English book (PAZK) left whole.
    let ids: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        ["-051259089", "63.3(2)622/В 26-637115870", "-758623986"]
    );
    let first = &records[0].problems[0];
    assert_eq!(
        (first.kind, first.line, first.column),
        (ProblemKind::Damaged, 5, 1)
    );
    assert!(
        first
            .message
            .contains("found \"919: ^Arus^N02  ^KPSBO^Gca\""),
        "{}",
        first.message
    );
    let second = &records[1].problems[0];
    assert_eq!((second.kind, second.line), (ProblemKind::Damaged, 30));
    assert!(
        second.message.contains("field line without ':'"),
        "{}",
        second.message
    );
    // What the damaged article still gives: its source, date and author.
    let article = &records[1];
    assert_eq!(
        article.host.as_ref().unwrap().title,
        "Восточно-Сибирская правда"
    );
    assert_eq!(article.published.date.unwrap().to_string(), "1942-01-17");
    assert_eq!(article.persons[0].surname, "Ведерников");
    assert!(!article.is_usable());
    assert_eq!(records[2].title, "Focus 5");
    assert!(
        records[2]
            .problems
            .iter()
            .all(|p| p.kind != ProblemKind::Damaged)
    );
    let out = bulletin(&["check", path.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains(
            "irbis-broken-records.txt:5:1: record -051259089: unreadable record (line 5)"
        ),
        "{text}"
    );
    assert!(text.contains("irbis-broken-records.txt:30:1: record 63.3(2)622/В 26-637115870: unreadable record (line 30)"), "{text}");
}

#[test]
fn real_irbis_text_with_indicators_in_cp1251() {
    let Some(path) = corpus("irbis-mars-article-indicators-cp1251.txt") else {
        return;
    };
    let records = read(&path);
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(r.id, "eshr16_no1_ss86_ad1");
    assert_eq!(
        r.title,
        "Финансово-экономическое обеспечение инновационных процессов в территориальных кластерах: зарубежный и российский опыт"
    );
    let codes: Vec<&str> = r.languages.iter().map(|l| l.code.as_str()).collect();
    assert_eq!(codes, ["rus"]);
    let host = r.host.as_ref().unwrap();
    assert_eq!(host.title, "Экономика сельского хозяйства России");
    assert_eq!(host.issn.as_deref(), Some("2070-0288"));
    assert_eq!(r.issue.as_deref(), Some("1"));
    assert_eq!(r.pages.as_deref(), Some("86–95"));
    assert_eq!(r.published.year(), Some(2016));
    assert_eq!(r.catalogued.unwrap().to_string(), "2016-03-03");
    let authors: Vec<String> = r.authors().map(Person::inverted).collect();
    assert_eq!(
        authors,
        [
            "Аварский, Н.",
            "Погодина, Т.",
            "Манюшис, А.",
            "Юнусов, Л.",
            "Тебекин, А."
        ]
    );
    assert!(r.is_usable(), "{:?}", r.problems);
}

#[test]
fn real_rusmarc_iso_with_a_cyrillic_letter_in_its_leader() {
    let Some(path) = corpus("rusmarc-cyrillic-leader-cp1251.iso") else {
        return;
    };
    let records = read(&path);
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(r.id, "RU\\TOUNB\\BIBL\\0000044746");
    assert!(
        r.title
            .starts_with("Электромеханическое преобразование энергии"),
        "{}",
        r.title
    );
    assert_eq!(r.published.year(), Some(2006));
    // A book (leader/07 `m`), reported as such, not as damage.
    let kinds: Vec<ProblemKind> = r.problems.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, [ProblemKind::NotAnArticle]);
    assert!(r.problems[0].message.contains("leader/07 is 'm'"));
}

#[test]
fn real_marc21_books_in_cp1251() {
    let Some(path) = corpus("marc21-books-cp1251.mrc") else {
        return;
    };
    let records = read(&path);
    let ids: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "ru03-000001RKP",
            "ru03-000002RKP",
            "ru03-000003RKP",
            "ru03-000004RKP",
            "ru03-000005RKP",
            "ru03-000006RKP"
        ]
    );
    for r in &records {
        assert!(
            r.problems
                .iter()
                .any(|p| p.kind == ProblemKind::NotAnArticle),
            "{:?}",
            r.problems
        );
        assert!(
            !r.title.is_empty() && !r.title.contains('\u{fffd}'),
            "{}",
            r.title
        );
    }
}

/// The first error reading a file, if any.
fn first_error(path: &Path) -> Option<FeedError> {
    match feed::open(path, &ReadOptions::default()) {
        Err(e) => Some(e),
        Ok((_, mut records)) => records.find_map(Result::err),
    }
}

#[test]
fn unreadable_files_say_what_kind_of_fault_they_have() {
    let kind = |name: &str| first_error(&data(&format!("bad/{name}"))).map(|e| e.kind);
    assert_eq!(kind("empty.xml"), Some(FeedErrorKind::Empty));
    assert_eq!(kind("doctype.xml"), Some(FeedErrorKind::Entities));
    assert_eq!(kind("invalid-utf8.txt"), Some(FeedErrorKind::Encoding));
    // Damaged records are not file errors: the rest of the file is read.
    assert_eq!(kind("truncated.iso"), None);
    let dir = tempfile::tempdir().unwrap();
    let not_a_feed = dir.path().join("notes.txt");
    std::fs::write(&not_a_feed, "Dear colleagues,\nplease find attached…\n").unwrap();
    let e = first_error(&not_a_feed).unwrap();
    assert_eq!(e.kind, FeedErrorKind::NotAFeed);
    assert!(
        e.to_string()
            .starts_with(&format!("{}:1:1: not a feed", not_a_feed.display())),
        "{e}"
    );
    let missing = dir.path().join("missing.xml");
    assert_eq!(
        first_error(&missing).map(|e| e.kind),
        Some(FeedErrorKind::Io)
    );
}

/// Reads records of one format from text held in memory.
fn read_text(format: Format, text: &[u8]) -> Vec<Record> {
    let input = std::io::Cursor::new(text.to_vec());
    feed::stream(format, input, Path::new("feed"), &ReadOptions::default())
        .collect::<Result<Vec<_>, _>>()
        .expect("reads")
}

/// What of a record could come from another record: its texts and lists.
fn contents(r: &Record) -> String {
    format!(
        "{} | {} | {:?} | {:?} | {:?} | {:?} | {:?} | {:?} | {:?} | {:?}",
        r.id,
        r.title.as_str(),
        r.persons
            .iter()
            .map(|p| p.surname.as_str())
            .collect::<Vec<_>>(),
        r.subjects
            .iter()
            .map(|s| s.heading.as_str())
            .collect::<Vec<_>>(),
        r.keywords.iter().map(SharedStr::as_str).collect::<Vec<_>>(),
        r.classes
            .iter()
            .map(|c| c.code.as_str())
            .collect::<Vec<_>>(),
        r.languages
            .iter()
            .map(|l| l.code.as_str())
            .collect::<Vec<_>>(),
        r.host.as_ref().map(|h| h.title.as_str()),
        r.pages.as_deref(),
        r.problems.iter().map(|p| p.kind).collect::<Vec<_>>(),
    )
}

/// The readers keep their buffers from record to record: a short record read after a
/// long one, or after a damaged one, holds its own fields only, exactly as when it is
/// read alone.
fn reads_alike_after_others(format: Format, long: &[u8], damaged: &[u8], short: &[u8]) {
    let alone = read_text(format, short);
    assert_eq!(alone.len(), 1);
    assert_eq!(alone[0].title.as_str(), "Короткая");
    assert!(alone[0].persons.is_empty() && alone[0].subjects.is_empty());
    let alone = contents(&alone[0]);
    let first = &read_text(format, long)[0];
    assert!(!first.persons.is_empty() && !first.subjects.is_empty());
    assert!(!first.keywords.is_empty() && !first.classes.is_empty());
    for before in [long, damaged] {
        let text = [before, short].concat();
        let records = read_text(format, &text);
        assert_eq!(records.len(), 2, "{}", String::from_utf8_lossy(&text));
        assert_eq!(contents(&records[1]), alone);
    }
    let damaged = read_text(format, damaged);
    assert!(
        damaged[0]
            .problems
            .iter()
            .any(|p| p.kind == ProblemKind::Damaged)
    );
}

#[test]
fn irbis_buffers_carry_nothing_into_the_next_record() {
    let long = "#920: ASP\n#903: LONG-1\n#101: rus\n#200: ^AДлинная запись^EПодзаголовок\n\
        #700: ^AАлиев^BР.\n#701: ^AМамедов^BА.\n#702: ^AГасанов^BБ.\n#606: ^AНефть^BДобыча\n\
        #606: ^AГаз\n#610: слово\n#621: 65.305\n#686: ^AEN.1^2preslib\n#463: ^CБакинский рабочий^J2012^H№ 5 (17 янв.)^S12-14\n*****\n";
    let damaged =
        "#920: ASP\n#903: BROKEN-1\n#200: ^AСломанная\nnot a field line\n#700: ^AКасумов\n*****\n";
    let short =
        "#920: ASP\n#903: SHORT-1\n#200: ^AКороткая\n#463: ^CXalq qəzeti^J2012^H№ 3^S2\n*****\n";
    reads_alike_after_others(
        Format::IrbisText,
        long.as_bytes(),
        damaged.as_bytes(),
        short.as_bytes(),
    );
}

#[test]
fn marcxml_buffers_carry_nothing_into_the_next_record() {
    let field = |tag: &str, subfields: &[(char, &str)]| {
        let subs = subfields
            .iter()
            .map(|(c, v)| ["<subfield code=\"", &c.to_string(), "\">", v, "</subfield>"].concat())
            .collect::<Vec<_>>()
            .concat();
        format!("<datafield tag=\"{tag}\" ind1=\" \" ind2=\" \">{subs}</datafield>")
    };
    let record =
        |body: String| format!("<record><leader>00000naa0a2200000   450 </leader>{body}</record>");
    let long = record(
        [
            "<controlfield tag=\"001\">LONG-1</controlfield>".to_string(),
            field("101", &[('a', "rus"), ('a', "aze")]),
            field("200", &[('a', "Длинная запись"), ('e', "Подзаголовок")]),
            field("700", &[('a', "Алиев"), ('b', "Р.")]),
            field("701", &[('a', "Мамедов"), ('b', "А.")]),
            field("606", &[('a', "Нефть"), ('x', "Добыча")]),
            field("610", &[('a', "слово")]),
            field("686", &[('a', "EN.1"), ('2', "preslib")]),
            field("461", &[('1', "2001 "), ('a', "Бакинский рабочий")]),
            field(
                "463",
                &[('1', "2000 "), ('a', "№ 5 (17 янв.)"), ('v', "С. 12-14")],
            ),
        ]
        .concat(),
    );
    // An end tag that closes nothing open damages its record.
    let damaged = record(
        [
            "<controlfield tag=\"001\">BROKEN-1</controlfield>".to_string(),
            field("200", &[('a', "Сломанная")]),
            "<datafield tag=\"700\"><subfield code=\"a\">Касумов</datafield>".to_string(),
        ]
        .concat(),
    );
    let short = record(
        [
            "<controlfield tag=\"001\">SHORT-1</controlfield>".to_string(),
            field("200", &[('a', "Короткая")]),
            field("461", &[('1', "2001 "), ('a', "Xalq qəzeti")]),
            field("463", &[('1', "2000 "), ('a', "№ 3"), ('v', "S. 2")]),
        ]
        .concat(),
    );
    let collection = |body: &str| format!("<collection>{body}</collection>").into_bytes();
    let alone = read_text(Format::MarcXml, &collection(&short));
    assert_eq!(alone.len(), 1);
    assert_eq!(alone[0].title.as_str(), "Короткая");
    assert!(alone[0].persons.is_empty() && alone[0].subjects.is_empty());
    let first = &read_text(Format::MarcXml, &collection(&long))[0];
    assert!(!first.persons.is_empty() && !first.subjects.is_empty());
    assert!(!first.keywords.is_empty() && !first.classes.is_empty());
    for before in [&long, &damaged] {
        let records = read_text(Format::MarcXml, &collection(&format!("{before}{short}")));
        assert_eq!(records.len(), 2);
        assert_eq!(contents(&records[1]), contents(&alone[0]));
    }
    let damaged = read_text(Format::MarcXml, &collection(&damaged));
    assert!(
        damaged[0]
            .problems
            .iter()
            .any(|p| p.kind == ProblemKind::Damaged)
    );
}

/// An ISO 2709 record of `fields` (tag, indicators and subfields as `$a…`), its leader
/// and directory computed; `length` overrides the record length the leader declares.
fn iso_record(fields: &[(&str, &str)], length: Option<usize>) -> Vec<u8> {
    iso_record_in(fields, length, |text| text.as_bytes().to_vec())
}

/// [`iso_record`] with its fields in the encoding `encode` writes.
fn iso_record_in(
    fields: &[(&str, &str)],
    length: Option<usize>,
    encode: fn(&str) -> Vec<u8>,
) -> Vec<u8> {
    let mut directory = Vec::new();
    let mut data = Vec::new();
    for (tag, value) in fields {
        let start = data.len();
        data.extend_from_slice(&encode(&value.replace('$', "\u{1f}")));
        data.push(0x1E);
        directory.extend_from_slice(format!("{tag}{:04}{start:05}", data.len() - start).as_bytes());
    }
    directory.push(0x1E);
    let base = 24 + directory.len();
    let total = base + data.len() + 1;
    let mut record = format!("{:05}naa0a22{base:05}   450 ", length.unwrap_or(total)).into_bytes();
    record.extend_from_slice(&directory);
    record.extend_from_slice(&data);
    record.push(0x1D);
    record
}

#[test]
fn iso2709_buffers_carry_nothing_into_the_next_record() {
    let long = iso_record(
        &[
            ("001", "LONG-1"),
            ("101", "0 $arus$aaze"),
            ("200", "1 $aДлинная запись$eПодзаголовок"),
            ("606", " 1$aНефть$xДобыча"),
            ("610", "  $aслово"),
            ("686", "  $aEN.1$2preslib"),
            ("700", " 1$aАлиев$bР."),
            ("701", " 1$aМамедов$bА."),
            ("461", " 0$12001 $aБакинский рабочий"),
            ("463", " 0$12000 $a№ 5 (17 янв.)$vС. 12-14"),
        ],
        None,
    );
    // A leader that declares another length than the record has damages the record.
    let damaged = iso_record(&[("001", "BROKEN-1"), ("200", "1 $aСломанная")], Some(99));
    let short = iso_record(
        &[
            ("001", "SHORT-1"),
            ("200", "1 $aКороткая"),
            ("461", " 0$12001 $aXalq qəzeti"),
            ("463", " 0$12000 $a№ 3$vS. 2"),
        ],
        None,
    );
    reads_alike_after_others(Format::Iso2709, &long, &damaged, &short);
}

#[test]
fn iso2709_cp1251_buffers_carry_nothing_into_the_next_record() {
    let cp1251 = |text: &str| encoding_rs::WINDOWS_1251.encode(text).0.into_owned();
    let long = iso_record_in(
        &[
            ("001", "LONG-1"),
            ("101", "0 $arus"),
            (
                "200",
                "1 $aДлинная запись с очень длинным заглавием$eПодзаголовок",
            ),
            ("606", " 1$aНефть$xДобыча"),
            ("610", "  $aслово"),
            ("686", "  $aEN.1$2preslib"),
            ("700", " 1$aАлиев$bР."),
            ("701", " 1$aМамедов$bА."),
            ("461", " 0$12001 $aБакинский рабочий"),
            ("463", " 0$12000 $a№ 5 (17 янв.)$vС. 12-14"),
        ],
        None,
        cp1251,
    );
    let damaged = iso_record_in(
        &[("001", "BROKEN-1"), ("200", "1 $aСломанная")],
        Some(99),
        cp1251,
    );
    let short = iso_record_in(
        &[
            ("001", "SHORT-1"),
            ("200", "1 $aКороткая"),
            ("461", " 0$12001 $aИзвестия"),
            ("463", " 0$12000 $a№ 3$vС. 2"),
        ],
        None,
        cp1251,
    );
    assert!(std::str::from_utf8(&short).is_err(), "the record is CP1251");
    reads_alike_after_others(Format::Iso2709, &long, &damaged, &short);
    let records = read_text(Format::Iso2709, &[long.as_slice(), &short].concat());
    assert_eq!(
        records[1].host.as_ref().map(|h| h.title.as_str()),
        Some("Известия")
    );
    assert_eq!(
        records[1].pages.as_deref(),
        Some("2"),
        "the label С. is not the pages"
    );
}
