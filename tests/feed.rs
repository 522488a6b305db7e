//! Reading the catalogue: every format on fixtures, the same article through every format,
//! every bad input with its message and exit status, and the real exports in ../shared.

use std::path::{Path, PathBuf};

use bulletin::collate::LanguageGroup;
use bulletin::config::Separator;
use bulletin::describe::{Apparatus, describe, plain};
use bulletin::feed::{self, ReadOptions};
use bulletin::model::{Format, ProblemKind, Record, Role};

use crate::common::{bulletin, data};

fn read(path: &Path) -> Vec<Record> {
    let (_, stream) = feed::open(path, &ReadOptions::default()).expect("opens");
    stream.collect::<Result<Vec<_>, _>>().expect("reads")
}

fn az(record: &Record) -> String {
    plain(&describe(
        record,
        Apparatus::of(LanguageGroup::Azerbaijani),
        Separator::Dash,
    ))
    .replace('\u{a0}', " ")
}

#[test]
fn rusmarc_marcxml_articles() {
    let records = read(&data("rusmarc-articles.xml"));
    assert_eq!(records.len(), 4);
    let r = &records[0];
    assert_eq!(r.id, "PRESLIB-2012-000101");
    assert_eq!(r.title, "Regionların inkişafı");
    assert_eq!(r.other_title, ["yeni mərhələ"]);
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
    assert_eq!(r.other_title, ["yeni mərhələ"]);
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
            "bad/doctype.xml",
            "bad/empty.xml",
            "bad/invalid-utf8.txt",
            "bad/malformed.xml",
            "bad/missized.iso",
            "bad/record-problems.txt",
            "bad/truncated.iso",
            "golden/asp-az.txt",
            "golden/asp-en.txt",
            "golden/asp-ru.txt",
            "golden/marc21.xml",
            "golden/rusmarc.xml",
            "marc21-articles.xml",
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
fn malformed_xml_names_line_and_column() {
    let (code, out) = check_bad("malformed.xml");
    assert_eq!(code, 2);
    assert!(out.contains("malformed.xml:9:64: malformed XML"), "{out}");
}

#[test]
fn truncated_and_missized_iso_records() {
    let (code, out) = check_bad("truncated.iso");
    assert_eq!(code, 2);
    assert!(
        out.contains("record 2 (byte 317): truncated record"),
        "{out}"
    );
    let (code, out) = check_bad("missized.iso");
    assert_eq!(code, 2);
    assert!(
        out.contains("record 2 (byte 317): mis-sized record: the leader declares 324 bytes"),
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
