//! The golden table of bibliographic descriptions: hand-written article records in every
//! input format (IRBIS text, RUSMARC and MARC 21 MARCXML, ISO 2709 built here from the
//! MARCXML), read through the real readers and described with the apparatus of their
//! language group. The table is an insta snapshot (`id | format | description`, with every
//! no-break space shown as `⍽`); the tests below it pin the key rules one by one.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use bulletin::classify::language_group;
use bulletin::config::Separator;
use bulletin::describe::{Apparatus, describe};
use bulletin::feed::{self, ReadOptions};
use bulletin::issue::{Description, Run, Style};
use bulletin::model::{Format, Record};

use crate::common::data;

fn read(path: &Path) -> Vec<Record> {
    let (_, stream) = feed::open(path, &ReadOptions::default()).expect("opens");
    stream
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Every record of `tests/data/golden/`, file by file in sorted order.
fn golden() -> Vec<Record> {
    let files = feed::feed_files(&[data("golden")]).expect("golden folder");
    files.iter().flat_map(|f| read(f)).collect()
}

fn apparatus(record: &Record) -> Apparatus {
    let (group, _) = language_group(record)
        .unwrap_or_else(|e| panic!("{}: no language group: {}", record.id, e.reason()));
    Apparatus::of_record(record, group)
}

fn runs(record: &Record, separator: Separator) -> Description {
    describe(record, apparatus(record), separator)
}

fn plain(description: &Description) -> String {
    description.to_string()
}

fn text(record: &Record) -> String {
    plain(&runs(record, Separator::Dash))
}

fn visible(text: &str) -> String {
    text.replace('\u{a0}', "⍽")
}

fn label(record: &Record) -> String {
    match record.origin.format {
        Format::IrbisText => "IRBIS".to_string(),
        format => format!("{} {}", record.dialect.name(), format.name()),
    }
}

/// The golden record with `id` read from `file` in `tests/data/golden/`.
fn record(file: &str, id: &str) -> Record {
    read(&data(&format!("golden/{file}")))
        .into_iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no record {id} in {file}"))
}

/// A field of a MARCXML record: control (tag, value) or data (tag, indicators, subfields).
enum Field {
    Control(String, String),
    Data(String, [u8; 2], Vec<(char, String)>),
}

/// One record in ISO 2709: leader (length and base address recomputed), directory, fields.
fn iso_record(leader: &str, fields: &[Field]) -> Vec<u8> {
    let mut directory = Vec::new();
    let mut body = Vec::new();
    for field in fields {
        let start = body.len();
        let tag = match field {
            Field::Control(tag, value) => {
                body.extend_from_slice(value.as_bytes());
                tag
            }
            Field::Data(tag, ind, subs) => {
                body.extend_from_slice(ind);
                for (code, value) in subs {
                    body.push(0x1F);
                    body.extend_from_slice(code.to_string().as_bytes());
                    body.extend_from_slice(value.as_bytes());
                }
                tag
            }
        };
        body.push(0x1E);
        let entry = format!("{tag:>03}{:04}{start:05}", body.len() - start);
        directory.extend_from_slice(entry.as_bytes());
    }
    directory.push(0x1E);
    body.push(0x1D);
    let base = 24 + directory.len();
    let length = base + body.len();
    let mut head = format!("{length:05}{}{base:05}{}", &leader[5..12], &leader[17..]);
    head.truncate(24);
    let mut out = head.into_bytes();
    out.extend_from_slice(&directory);
    out.extend_from_slice(&body);
    out
}

/// ISO 2709 bytes (UTF-8) of every record of a MARCXML file: the same fields, re-encoded.
fn iso_from_marcxml(path: &Path) -> Vec<u8> {
    use quick_xml::Reader;
    use quick_xml::events::Event;

    let attr = |e: &quick_xml::events::BytesStart<'_>, name: &str| -> String {
        e.attributes()
            .flatten()
            .find(|a| a.key.local_name().as_ref() == name)
            .map(|a| a.value.to_string())
            .unwrap_or_default()
    };
    let xml = std::fs::read_to_string(path).expect("golden MARCXML");
    let mut reader = Reader::from_str(&xml);
    let mut out = Vec::new();
    let (mut leader, mut fields, mut text) = (String::new(), Vec::<Field>::new(), String::new());
    loop {
        match reader.read_event().expect("well-formed golden XML") {
            Event::Start(e) => {
                text.clear();
                match e.local_name().as_ref() {
                    "record" => fields.clear(),
                    "controlfield" => fields.push(Field::Control(attr(&e, "tag"), String::new())),
                    "datafield" => {
                        let ind = |n| attr(&e, n).bytes().next().unwrap_or(b' ');
                        fields.push(Field::Data(
                            attr(&e, "tag"),
                            [ind("ind1"), ind("ind2")],
                            Vec::new(),
                        ));
                    }
                    "subfield" => {
                        let code = attr(&e, "code").chars().next().unwrap_or(' ');
                        if let Some(Field::Data(_, _, subs)) = fields.last_mut() {
                            subs.push((code, String::new()));
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => text.push(match r.as_ref() {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                other => panic!("entity {other:?} in a golden file"),
            }),
            Event::End(e) => match e.local_name().as_ref() {
                "leader" => leader = std::mem::take(&mut text),
                "controlfield" => {
                    if let Some(Field::Control(_, value)) = fields.last_mut() {
                        *value = std::mem::take(&mut text);
                    }
                }
                "subfield" => {
                    if let Some(Field::Data(_, _, subs)) = fields.last_mut()
                        && let Some(last) = subs.last_mut()
                    {
                        last.1 = std::mem::take(&mut text);
                    }
                }
                "record" => out.extend(iso_record(&leader, &fields)),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The golden MARCXML files re-encoded as ISO 2709 and read back.
fn golden_iso() -> Vec<Record> {
    let mut records = Vec::new();
    for name in [
        "rusmarc.xml",
        "marc21.xml",
        "rusmarc-hosts.xml",
        "marc21-hosts.xml",
    ] {
        let mut file = tempfile::Builder::new()
            .suffix(".iso")
            .tempfile()
            .expect("temporary file");
        file.write_all(&iso_from_marcxml(&data(&format!("golden/{name}"))))
            .expect("write ISO 2709");
        records.extend(read(file.path()));
    }
    records
}

#[test]
fn golden_table_of_descriptions() {
    let mut records = golden();
    assert!(records.len() >= 60, "only {} golden records", records.len());
    // The ISO 2709 fixtures, in UTF-8 and CP1251.
    records.extend(read(&data("rusmarc-utf8.iso")));
    records.extend(read(&data("rusmarc-cp1251.iso")));
    let mut table = String::new();
    for r in &records {
        assert!(r.is_usable(), "{}: {:?}", r.id, r.problems);
        writeln!(table, "{} | {} | {}", r.id, label(r), visible(&text(r))).unwrap();
    }
    insta::assert_snapshot!("golden_descriptions", table);
}

#[test]
fn iso2709_describes_exactly_as_marcxml() {
    let xml: Vec<Record> = [
        "rusmarc.xml",
        "marc21.xml",
        "rusmarc-hosts.xml",
        "marc21-hosts.xml",
    ]
    .iter()
    .flat_map(|n| read(&data(&format!("golden/{n}"))))
    .collect();
    let iso = golden_iso();
    assert_eq!(iso.len(), xml.len());
    for (x, i) in xml.iter().zip(&iso) {
        assert_eq!(i.origin.format, Format::Iso2709);
        assert_eq!((&i.id, text(i)), (&x.id, text(x)));
    }
}

#[test]
fn the_same_article_gives_the_same_description_in_every_format() {
    let mut by_id: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for r in golden().iter().chain(&golden_iso()) {
        by_id
            .entry(r.id.to_string())
            .or_default()
            .push((label(r), text(r)));
    }
    let shared: Vec<_> = by_id.iter().filter(|(_, v)| v.len() >= 3).collect();
    assert!(
        shared.len() >= 6,
        "only {} articles in three formats or more",
        shared.len()
    );
    for (id, versions) in shared {
        let (first_format, first) = &versions[0];
        for (format, description) in &versions[1..] {
            assert_eq!(
                visible(description),
                visible(first),
                "{id}: {format} differs from {first_format}"
            );
        }
    }
}

#[test]
fn prescribed_punctuation_is_never_doubled() {
    for r in golden() {
        let d = text(&r).replace("...", "…");
        for doubled in [
            "..", "?.", "!.", "….", ". .", ".\u{a0}.", ",,", " ; ;", "  ",
        ] {
            assert!(!d.contains(doubled), "{}: {doubled:?} in {d}", r.id);
        }
        assert!(d.ends_with('.'), "{}: {d}", r.id);
    }
}

#[test]
fn title_ending_in_question_exclamation_or_ellipsis() {
    assert_eq!(
        text(&record("asp-ru.txt", "G-RU-09")),
        "Слава героям! // Бакинский рабочий.\u{a0}– 2012.\u{a0}– 20\u{a0}янв.\u{a0}– С.\u{a0}1."
    );
    assert!(
        text(&record("asp-en.txt", "G-EN-04"))
            .starts_with("Is Baku ready for Eurovision? // Azernews.")
    );
    assert!(
        text(&record("asp-ru.txt", "G-RU-10"))
            .contains("Время собирать камни... / И.\u{a0}Агаев //")
    );
}

#[test]
fn four_or_more_authors_no_heading_three_named_and_et_al() {
    let r = record("asp-az.txt", "G-AZ-05");
    let description = runs(&r, Separator::Dash);
    let runs: Vec<Run> = description.runs().collect();
    assert_eq!(runs[0].style, Style::Title);
    assert_eq!(
        plain(&description),
        "Azərbaycanda dövlət qulluğunun müasir problemləri / Şahin Məmmədov, Gülnarə Hüseynova, \
         İ.\u{a0}Qasımov [və b.] // Dirçəliş – XXI əsr.\u{a0}– 2012.\u{a0}– №\u{a0}5.\u{a0}– S.\u{a0}112–120."
    );
    assert!(text(&record("asp-ru.txt", "G-RU-04")).contains("Е.\u{a0}Иванова [и др.] //"));
    assert!(text(&record("asp-en.txt", "G-EN-03")).contains("S.\u{a0}Karimli [et al.] //"));
}

#[test]
fn one_to_three_authors_heading_is_the_first() {
    let r = record("asp-az.txt", "G-AZ-04");
    let description = runs(&r, Separator::Dash);
    let runs: Vec<Run> = description.runs().collect();
    assert_eq!(runs[0].style, Style::Heading);
    assert_eq!(runs[0].text, "Qasımov, R.");
    assert!(plain(&description).contains(" / Rauf Qasımov, K.\u{a0}Şükürov, Teymur Ağayev // "));
}

#[test]
fn compact_separator() {
    let r = record("asp-ru.txt", "G-RU-02");
    assert_eq!(
        plain(&runs(&r, Separator::Compact)),
        "Мехтиев, А.\u{a0}Г. Государственная политика в области образования / А.\u{a0}Г.\u{a0}Мехтиев \
         // Бакинский рабочий.- 2012.- 5\u{a0}янв.- С.\u{a0}3."
    );
}

#[test]
fn an_element_ending_in_a_period_takes_no_second_one() {
    // `5 янв.` takes the separator without its period.
    assert!(text(&record("asp-ru.txt", "G-RU-02")).contains("5\u{a0}янв.\u{a0}– С.\u{a0}3."));
    // A note recorded with its period ends the description with that one period.
    assert!(text(&record("asp-az.txt", "G-AZ-24")).ends_with("20\u{a0}dekabr.\u{a0}– Müsahibə."));
}

#[test]
fn styled_runs() {
    let r = record("asp-az.txt", "G-AZ-01");
    let description = runs(&r, Separator::Dash);
    let styled = |style: Style| -> Vec<&str> {
        description
            .runs()
            .filter(|r| r.style == style)
            .map(|r| r.text)
            .collect()
    };
    assert_eq!(styled(Style::Heading), ["Həsənov, Ə."]);
    assert_eq!(
        styled(Style::Title),
        ["Heydər Əliyev və müasir Azərbaycan dövlətçiliyi"]
    );
    assert_eq!(
        styled(Style::OtherTitle),
        ["tarixi ənənələr və yeni çağırışlar"]
    );
    assert_eq!(styled(Style::Responsibility), ["Əli Həsənov"]);
    assert_eq!(styled(Style::HostTitle), ["Xalq qəzeti"]);
    assert_eq!(styled(Style::Pages), ["S.\u{a0}3"]);
    // No author: the title comes first.
    let anonymous = runs_of("asp-az.txt", "G-AZ-07");
    let anonymous: Vec<Run> = anonymous.runs().collect();
    assert_eq!(anonymous[0].style, Style::Title);
    assert!(anonymous.iter().all(|r| r.style != Style::Heading));
}

fn runs_of(file: &str, id: &str) -> Description {
    runs(&record(file, id), Separator::Dash)
}

#[test]
fn apparatus_follows_the_language() {
    // Azerbaijani month in full, Russian abbreviated genitive, English month first.
    assert!(
        text(&record("asp-az.txt", "G-AZ-01"))
            .contains("2012.\u{a0}– 17\u{a0}aprel.\u{a0}– S.\u{a0}3.")
    );
    assert!(
        text(&record("asp-ru.txt", "G-RU-01"))
            .contains("2012.\u{a0}– 14\u{a0}марта.\u{a0}– С.\u{a0}2.")
    );
    assert!(
        text(&record("asp-en.txt", "G-EN-01"))
            .contains("2012.\u{a0}– Apr.\u{a0}17.\u{a0}– P.\u{a0}5.")
    );
    // Turkish has its own months and page label.
    assert!(
        text(&record("asp-en.txt", "G-EN-08"))
            .contains("2012.\u{a0}– 14\u{a0}Mayıs.\u{a0}– S.\u{a0}8.")
    );
}

/// The numbering and pages of a journal article in each language of the apparatus table,
/// and its "et al.": (record, volume and issue, pages, et al. or "").
#[test]
fn apparatus_in_the_language_of_the_document() {
    let table: &[(&str, &str, &str, &str)] = &[
        ("G-DE-01", "Jg.⍽62, H.⍽3", "S.⍽45–58", ""),
        ("G-DE-02", "H.⍽4", "S.⍽88–95", "C.⍽Wagner [u. a.] //"),
        ("G-FR-01", "T.⍽77, n°⍽2", "P.⍽311–324", ""),
        ("G-FR-02", "N°⍽5", "P.⍽12–13", ""),
        ("G-TR-01", "Cilt⍽18, sayı⍽1", "S.⍽45–52", ""),
        ("G-TR-02", "Sayı⍽725", "S.⍽30–41", "Z.⍽Şahin [vd.] ;"),
        (
            "G-EN-03",
            "Vol.⍽2, no.⍽1",
            "P.⍽55–68",
            "S.⍽Karimli [et al.] //",
        ),
        ("G-RU-18", "Т.⍽3, №⍽2", "С.⍽15–21", ""),
    ];
    for (id, numbering, pages, et_al) in table {
        let file = if id.starts_with("G-RU") {
            "asp-ru.txt"
        } else {
            "asp-en.txt"
        };
        let d = visible(&text(&record(file, id)));
        assert!(
            d.contains(&format!("2012.⍽– {numbering}.⍽– {pages}.")),
            "{id}: {d}"
        );
        assert!(d.contains(et_al), "{id}: {d}");
    }
}

#[test]
fn a_russian_record_keeps_its_apparatus_in_a_foreign_periodical() {
    // Russian day, month and page label; the note follows `С.`, not `P.`.
    assert!(text(&record("asp-en.txt", "G-RU-30")).ends_with(
        "// Azernews.\u{a0}– 2012.\u{a0}– 23\u{a0}мая.\u{a0}– С.\u{a0}4.\u{a0}– Пер. с англ."
    ));
}

#[test]
fn the_period_ending_a_marc_21_statement_of_responsibility_is_not_kept() {
    assert!(
        text(&record("marc21.xml", "G-MX-05"))
            .contains("/ Z.\u{a0}İsmayılova [və b.] // Xalq qəzeti.")
    );
    assert!(
        text(&record("marc21.xml", "G-MX-06")).contains("/ Р.\u{a0}Гасанов [и др.] // Каспий.")
    );
}

/// A secondary role with no statement in the record is named in the entry's language, in
/// brackets: the describer's words, not the record's.
#[test]
fn roles_without_a_statement_in_the_entry_language_in_brackets() {
    let table: &[(&str, &str, &str)] = &[
        (
            "asp-az.txt",
            "G-AZ-13",
            "; [müsahibəni apardı] Sevinc Hüseynova //",
        ),
        (
            "rusmarc.xml",
            "G-AZ-13",
            "; [müsahibəni apardı] Sevinc Hüseynova //",
        ),
        ("asp-ru.txt", "G-RU-11", "; [беседовал] С.\u{a0}Мамедова //"),
        ("marc21.xml", "G-MX-07", "; [беседовал] С.\u{a0}Мамедов //"),
        (
            "asp-en.txt",
            "G-EN-06",
            "; [interviewed by] T.\u{a0}Wilson //",
        ),
        (
            "asp-en.txt",
            "G-FR-02",
            "; [propos recueillis par] J.\u{a0}Martin //",
        ),
        (
            "asp-en.txt",
            "G-TR-02",
            "; [çev.] Cengiz Arslan ; [söyleşiyi yapan] Mehmet Aydın //",
        ),
        ("asp-ru.txt", "G-RU-12", "; [пер.] Н.\u{a0}Гусейнова //"),
    ];
    for (file, id, want) in table {
        let d = text(&record(file, id));
        assert!(d.contains(want), "{id} ({file}): {d}");
    }
}

#[test]
fn secondary_responsibility_corporate_bodies_and_notes() {
    assert!(
        text(&record("asp-az.txt", "G-AZ-13"))
            .contains("/ Əbülfəs Qarayev ; [müsahibəni apardı] Sevinc Hüseynova // Xalq qəzeti")
    );
    assert!(text(&record("asp-az.txt", "G-AZ-13")).ends_with("S.\u{a0}4.\u{a0}– Müsahibə."));
    assert!(
        text(&record("asp-ru.txt", "G-RU-12"))
            .contains("/ А.\u{a0}Рзаев ; [пер.] Н.\u{a0}Гусейнова //")
    );
    assert!(
        text(&record("asp-az.txt", "G-AZ-15"))
            .contains("/ Azərbaycan Respublikası Dövlət Statistika Komitəsi // Azərbaycan")
    );
}

#[test]
fn journals_newspapers_and_year_only() {
    // Newspaper without pages.
    assert!(
        text(&record("asp-az.txt", "G-AZ-21"))
            .ends_with("// Səs.\u{a0}– 2012.\u{a0}– 10\u{a0}aprel.")
    );
    // Journal: volume and issue; double issue with an en dash.
    assert!(
        text(&record("asp-ru.txt", "G-RU-18"))
            .contains("2012.\u{a0}– Т.\u{a0}3, №\u{a0}2.\u{a0}– С.\u{a0}15–21.")
    );
    assert!(
        text(&record("asp-az.txt", "G-AZ-17"))
            .contains("2012.\u{a0}– №\u{a0}3–4.\u{a0}– S.\u{a0}45–52.")
    );
    // A date only as a year.
    assert!(
        text(&record("asp-az.txt", "G-AZ-20"))
            .ends_with("// Azərbaycan jurnalı.\u{a0}– 2012.\u{a0}– S.\u{a0}88–94.")
    );
}

#[test]
fn every_area_starts_with_a_capital() {
    // A month alone (monthly journals): Azerbaijani in full, Russian abbreviated nominative.
    assert!(
        text(&record("asp-az.txt", "G-AZ-18"))
            .contains("2012.\u{a0}– Mart.\u{a0}– S.\u{a0}150–162.")
    );
    assert!(
        text(&record("asp-ru.txt", "G-RU-15")).contains("2012.\u{a0}– Март.\u{a0}– С.\u{a0}80–84.")
    );
    assert!(
        text(&record("asp-en.txt", "G-EN-07")).contains("2012.\u{a0}– Sept.\u{a0}– P.\u{a0}40–46.")
    );
    assert_eq!(Apparatus::Russian.month(9), "Сент.");
    assert_eq!(Apparatus::Russian.month(5), "Май");
    // A note catalogued in lower case, with the Azerbaijani capital İ.
    assert!(text(&record("asp-az.txt", "G-AZ-25")).ends_with("S.\u{a0}12.\u{a0}– İxtisarla."));
}

#[test]
fn responsibility_recorded_or_built_keeps_initials_together() {
    // Recorded in 200 ^F, as the cataloguer wrote it, with no-break spaces after initials.
    assert!(text(&record("asp-az.txt", "G-AZ-27")).contains(
        "müzakirələr / Ş.\u{a0}Məmmədov, G.\u{a0}Hüseynova, İ.\u{a0}Qasımov, Ü.\u{a0}Çələbi // Səs"
    ));
    assert!(text(&record("asp-az.txt", "G-AZ-16")).contains("/ Akademik Ramiz Mehdiyev //"));
    // None recorded: built from the persons, forenames when known, else initials.
    assert!(text(&record("asp-az.txt", "G-AZ-02")).contains("/ Q.\u{a0}Məmmədov //"));
    assert!(text(&record("asp-ru.txt", "G-RU-07")).contains("/ Ё.\u{a0}А.\u{a0}Фёдорова //"));
}
