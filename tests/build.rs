//! Placing and ordering: collation, language groups, chronology with ties, records in two
//! bulletins, every exception reason, configuration errors, and the invariants of a build
//! over random feeds (nothing lost, order independent of the input order).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use bulletin::build::{self, Plan, PlanOptions};
use bulletin::check;
use bulletin::classify::QuarterBy;
use bulletin::collate::{Collators, LanguageGroup};
use bulletin::config::Config;
use bulletin::feed::{self, ReadOptions};
use bulletin::model::{Origin, ProblemKind, Published, Record, Title};
use proptest::prelude::*;
use synth::{Generator, SynthOptions};

use crate::common::{bulletin, data};

fn config() -> Config {
    Config::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data/bulletins.toml"))
        .expect("shipped configuration")
}

fn read(paths: &[&str]) -> Vec<Record> {
    let paths: Vec<_> = paths.iter().map(|p| data(p)).collect();
    feed::read_all(&paths, &ReadOptions::default()).expect("fixtures read")
}

fn plan(records: &[Record]) -> Plan {
    build::plan(
        records,
        &config(),
        &Collators::new(),
        &PlanOptions::default(),
    )
}

#[test]
fn azerbaijani_surnames_in_alphabet_order() {
    let c = Collators::new();
    let expected = [
        "Abbasov",
        "Ağayev",
        "Cəfərov",
        "Çələbi",
        "Eyvazov",
        "Əliyev",
        "Hüseynov",
        "Xəlilov",
        "İsmayılov",
        "Kərimov",
        "Qasımov",
        "Sadıqov",
        "Şükürov",
    ];
    let mut names = expected.to_vec();
    names.sort_unstable();
    names.reverse();
    names.sort_by(|a, b| c.compare(LanguageGroup::Azerbaijani, a, b));
    assert_eq!(names, expected);
    // Dotless ı before dotted i, in capitals too.
    let mut words = vec!["İlham", "Ilgar", "ilk", "ıldırım"];
    words.sort_by(|a, b| c.compare(LanguageGroup::Azerbaijani, a, b));
    assert_eq!(words, ["ıldırım", "Ilgar", "İlham", "ilk"]);
}

#[test]
fn russian_order_with_yo() {
    let c = Collators::new();
    let expected = [
        "Абдуллаев",
        "Ёлкин",
        "Ершов",
        "Жуков",
        "Ильин",
        "Йылмаз",
        "Фёдоров",
        "Фомин",
        "Щербаков",
        "Эминов",
        "Яковлев",
    ];
    let mut names = expected.to_vec();
    names.reverse();
    names.sort_by(|a, b| c.compare(LanguageGroup::Russian, a, b));
    assert_eq!(names, expected);
}

#[test]
fn groups_in_order_and_entries_by_date_with_ties() {
    let plan = plan(&read(&[
        "rusmarc-articles.xml",
        "asp-articles.txt",
        "marc21-articles.xml",
        "rusmarc-cp1251.iso",
    ]));
    let q1 = &plan.quarters[0];
    assert_eq!(q1.quarter.to_string(), "2012-Q1");
    let energy = q1.issues.iter().find(|i| i.bulletin == "energy").unwrap();
    let section = &energy.sections[0];
    assert_eq!(section.subtopic, "en-1");
    // Two Russian articles of 5 January: Бакинский рабочий, and its duplicate (excluded).
    let numbers: Vec<u32> = energy.entries().map(|e| e.number).collect();
    assert_eq!(numbers, (1..).take(numbers.len()).collect::<Vec<u32>>());
    // The record in two bulletins: energy and foreign policy.
    let fp = q1
        .issues
        .iter()
        .find(|i| i.bulletin == "foreign-policy")
        .unwrap();
    assert!(fp.entries().any(|e| e.record == "PRESLIB-2012-000102"));
    assert!(energy.entries().any(|e| e.record == "PRESLIB-2012-000102"));
    // Same day, same subtopic: ties broken by host title in the group's collation.
    let exceptions: Vec<&str> = q1
        .exceptions
        .exceptions
        .iter()
        .map(|e| e.reason.as_str())
        .collect();
    assert!(
        exceptions
            .iter()
            .any(|r| r.starts_with("duplicate of record PRESLIB-2012-000102")),
        "{exceptions:?}"
    );
}

/// Records built from the sample generator, then arranged for a precise order test.
fn day_records() -> Vec<Record> {
    let mut records: Vec<Record> =
        Generator::new(SynthOptions::years(400, 2012, 2012), 11).collect();
    records.retain(|r| r.classes.iter().any(|c| c.code == "EN.1") && r.classes.len() == 1);
    records
}

#[test]
fn chronology_then_host_issue_page_heading_in_every_group() {
    let records = day_records();
    assert!(records.len() >= 5, "the generator gives EN.1 records");
    let plan = plan(&records);
    let c = Collators::new();
    for q in &plan.quarters {
        let energy = q.issues.iter().find(|i| i.bulletin == "energy").unwrap();
        for section in &energy.sections {
            let groups: Vec<&str> = section.groups.iter().map(|g| g.language.key()).collect();
            let order = ["az", "ru", "other"];
            let positions: Vec<usize> = groups
                .iter()
                .map(|g| order.iter().position(|o| o == g).unwrap())
                .collect();
            assert!(positions.windows(2).all(|w| w[0] < w[1]), "{groups:?}");
            for group in &section.groups {
                let lg = group.language;
                for pair in group.entries.windows(2) {
                    let (a, b) = (&pair[0], &pair[1]);
                    assert!(a.date <= b.date, "{} after {}", a.date, b.date);
                    if a.date == b.date {
                        let host = |e: &bulletin::issue::Entry| {
                            e.description
                                .runs()
                                .find(|r| r.style == bulletin::issue::Style::HostTitle)
                                .map(|r| r.text.to_owned())
                                .unwrap_or_default()
                        };
                        assert_ne!(
                            c.compare(lg, &host(a), &host(b)),
                            std::cmp::Ordering::Greater,
                            "{} / {}",
                            a.description,
                            b.description
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn every_exception_reason() {
    let mut records = read(&[
        "bad/record-problems.txt",
        "rusmarc-articles.xml",
        "asp-articles.txt",
    ]);
    // A placed record without any class code or matching subject.
    let mut stray = records
        .iter()
        .find(|r| r.id == "PRESLIB-2012-000104")
        .unwrap()
        .clone();
    stray.id = "STRAY".into();
    stray.title = "Tamamilə başqa mövzu".into();
    stray.classes.clear();
    records.push(stray);
    let plan = plan(&records);
    let mut reasons: HashMap<String, String> = HashMap::new();
    for q in &plan.quarters {
        for e in &q.exceptions.exceptions {
            reasons.insert(e.record.to_string(), e.reason.clone());
        }
    }
    for e in &plan.undated.exceptions {
        reasons.insert(e.record.to_string(), e.reason.clone());
    }
    assert!(reasons["BAD-NO-TITLE"].contains("no title"), "{reasons:?}");
    assert!(
        reasons["BAD-NO-HOST"].contains("no host periodical"),
        "{reasons:?}"
    );
    assert!(
        reasons["BAD-LANGUAGE"].starts_with("unreadable language"),
        "{reasons:?}"
    );
    assert!(
        reasons["BAD-DATE"].starts_with("no date: impossible date"),
        "{reasons:?}"
    );
    assert!(
        reasons["YEAR-ONLY"].starts_with("no date: only the year 2012"),
        "{reasons:?}"
    );
    assert!(
        reasons["STRAY"].starts_with("no matching subtopic"),
        "{reasons:?}"
    );
    assert!(
        reasons["PRESLIB-2012-000301"].starts_with("duplicate of record PRESLIB-2012-000101"),
        "{reasons:?}"
    );
    // The record without an id is placed (by its subject? no: it has none) or excepted, never lost.
    let total: usize = plan
        .quarters
        .iter()
        .map(|q| q.exceptions.records)
        .sum::<usize>()
        + plan.undated.records;
    assert_eq!(total, records.len());
}

#[test]
fn language_inferred_from_letters_is_noted() {
    let mut records = read(&["asp-articles.txt"]);
    records.truncate(1);
    records[0].languages.clear();
    let plan = plan(&records);
    let q = &plan.quarters[0];
    assert_eq!(q.exceptions.placed, 1);
    assert!(
        q.exceptions.notes[0].note.contains("inferred"),
        "{:?}",
        q.exceptions.notes
    );
    let regions = q.issues.iter().find(|i| i.bulletin == "regions").unwrap();
    assert_eq!(regions.sections[0].groups[0].language.key(), "az");
}

#[test]
fn name_index_and_periodicals_in_collation_order() {
    let records: Vec<Record> = Generator::new(SynthOptions::years(600, 2012, 2012), 5).collect();
    let plan = plan(&records);
    let c = Collators::new();
    for q in &plan.quarters {
        for issue in &q.issues {
            for pair in issue.names.windows(2) {
                assert_eq!(
                    c.compare_names(&pair[0].name, &pair[1].name),
                    std::cmp::Ordering::Less,
                    "{pair:?}"
                );
            }
            let all: BTreeSet<u32> = issue.entries().map(|e| e.number).collect();
            for name in &issue.names {
                assert!(name.entries.iter().all(|n| all.contains(n)));
            }
            let counted: usize = issue.periodicals.iter().map(|p| p.entries).sum();
            assert_eq!(counted, issue.entry_count());
        }
    }
}

#[test]
fn configuration_errors_stop_the_build_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/bulletins.toml"))
            .unwrap();
    // `fp.1` and `FP.1` are one code, as the classifier compares them.
    let bad = text.replacen("codes = [\"FP.2\"]", "codes = [\"fp.1\"]", 1);
    let path = dir.path().join("bulletins.toml");
    std::fs::write(&path, bad).unwrap();
    let out = bulletin(&[
        "build",
        "--no-pdf",
        "--config",
        path.to_str().unwrap(),
        "--out",
        dir.path().join("out").to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let line = 1 + text[..text.find("codes = [\"FP.2\"]").unwrap()]
        .matches('\n')
        .count();
    assert!(
        err.contains(&format!(
            "bulletins.toml:{line}:12: class code \"fp.1\" is used by subtopics \"fp-1\""
        )),
        "{err}"
    );
    assert!(err.contains("hint: "), "{err}");
    assert!(
        !dir.path().join("out").exists(),
        "nothing is written before the configuration is valid"
    );
}

#[test]
fn build_writes_the_contract_files() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let out = bulletin(&["build", "--no-pdf", "--out", out_dir.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let config = config();
    for quarter in ["2012-Q1", "2012-Q2"] {
        for b in &config.bulletins {
            let path = out_dir.join(quarter).join(format!("{}.json", b.id()));
            let json: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            assert_eq!(json["bulletin"], b.id());
            assert_eq!(json["quarter"], quarter);
            assert!(
                json["sections"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|s| s["groups"].as_array().is_some_and(|g| !g.is_empty()))
            );
        }
        let ex: serde_json::Value = serde_json::from_slice(
            &std::fs::read(out_dir.join(quarter).join("exceptions.json")).unwrap(),
        )
        .unwrap();
        let records = ex["records"].as_u64().unwrap();
        let placed = ex["placed"].as_u64().unwrap();
        assert_eq!(
            placed + ex["exceptions"].as_array().unwrap().len() as u64,
            records
        );
    }
}

/// A random feed: generated records, some damaged in ways catalogues damage them.
fn random_feed(seed: u64, n: usize, damage: &[(usize, u8)]) -> Vec<Record> {
    let mut records: Vec<Record> =
        Generator::new(SynthOptions::years(n, 2012, 2012), seed).collect();
    for &(i, kind) in damage {
        let len = records.len();
        let r = &mut records[i % len];
        match kind % 6 {
            0 => {
                r.title = Title::default();
                r.problem(ProblemKind::NoTitle, "record has no title");
            }
            1 => r.languages.clear(),
            2 => r.classes.clear(),
            3 => {
                r.published = Published::default();
                r.problem(ProblemKind::NoDate, "record has no year of publication");
            }
            4 => {
                // The same article catalogued again: another id, another place in the feed.
                let mut twin = r.clone();
                twin.id = format!("{}-again-{len}", twin.id).into();
                twin.origin.position = Origin::count(len + 1);
                records.push(twin);
            }
            _ => r.published.date = None,
        }
    }
    records
}

fn plan_json(plan: &Plan) -> String {
    let mut out = String::new();
    for q in &plan.quarters {
        out.push_str(&serde_json::to_string(&q.issues).unwrap());
        out.push_str(&serde_json::to_string(&q.exceptions).unwrap());
    }
    out.push_str(&serde_json::to_string(&plan.undated).unwrap());
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn every_record_lands_once_per_bulletin_or_in_the_exceptions(
        seed in 0u64..10_000,
        n in 1usize..120,
        damage in proptest::collection::vec((0usize..1000, 0u8..6), 0..12),
        shuffle in any::<u64>(),
    ) {
        let records = random_feed(seed, n, &damage);
        let config = config();
        let collators = Collators::new();
        let first = build::plan(&records, &config, &collators, &PlanOptions::default());
        let mut seen: BTreeSet<String> = BTreeSet::new();
        for q in &first.quarters {
            let mut placed: BTreeSet<&str> = BTreeSet::new();
            for issue in &q.issues {
                let ids: Vec<&str> = issue.entries().map(|e| e.record.as_str()).collect();
                let unique: BTreeSet<&str> = ids.iter().copied().collect();
                prop_assert_eq!(ids.len(), unique.len(), "a record twice in {}", issue.bulletin);
                placed.extend(unique);
            }
            let excepted: BTreeSet<&str> = q.exceptions.exceptions.iter().map(|e| e.record.as_str()).collect();
            prop_assert!(placed.is_disjoint(&excepted));
            prop_assert_eq!(placed.len(), q.exceptions.placed);
            prop_assert_eq!(placed.len() + q.exceptions.exceptions.len(), q.exceptions.records);
            seen.extend(placed.iter().map(ToString::to_string));
            seen.extend(excepted.iter().map(ToString::to_string));
        }
        seen.extend(first.undated.exceptions.iter().map(|e| e.record.to_string()));
        let all: BTreeSet<String> = records.iter().map(|r| r.id.to_string()).collect();
        prop_assert_eq!(seen, all);

        // Shuffling the input changes no output byte.
        let mut shuffled = records.clone();
        let mut state = shuffle | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, usize::try_from(state % (i as u64 + 1)).expect("below i + 1"));
        }
        let second = build::plan(&shuffled, &config, &collators, &PlanOptions::default());
        prop_assert_eq!(plan_json(&first), plan_json(&second));
    }
}

/// `check`'s per-quarter counts of some feeds, and what `build` places and excepts per
/// quarter (and lists as undated), as `quarter → records`.
fn check_and_build_quarters(
    feeds: &[PathBuf],
) -> (BTreeMap<String, usize>, BTreeMap<String, usize>) {
    let options = ReadOptions::default();
    let report = check::check(
        feeds,
        &options,
        QuarterBy::Published,
        &bulletin::overrides::Overrides::none(),
        &[],
    );
    let records: Vec<Record> = feeds
        .iter()
        .flat_map(|f| {
            let (_, records) = feed::open(f, &options).expect("the feed opens");
            records.filter_map(Result::ok).collect::<Vec<_>>()
        })
        .collect();
    let plan = plan(&records);
    let mut built: BTreeMap<String, usize> = plan
        .quarters
        .iter()
        .map(|q| (q.quarter.to_string(), q.exceptions.records))
        .collect();
    if plan.undated.records > 0 {
        built.insert(check::UNDATED.to_string(), plan.undated.records);
    }
    (report.per_quarter, built)
}

#[test]
fn check_counts_per_quarter_what_build_places_and_excepts() {
    let sample: Vec<PathBuf> =
        feed::feed_files(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("data/feed")])
            .expect("the sample feed");
    let (checked, built) = check_and_build_quarters(&sample);
    assert_eq!(checked, built);
    assert_eq!(checked.values().sum::<usize>(), 620);
    let fixtures: Vec<PathBuf> = [
        "asp-articles.txt",
        "rusmarc-articles.xml",
        "marc21-articles.xml",
        "bad/record-problems.txt",
    ]
    .iter()
    .map(|f| data(f))
    .collect();
    let (checked, built) = check_and_build_quarters(&fixtures);
    assert_eq!(checked, built);
    // The damaged fixtures have records with an impossible date or only a year.
    assert!(built.contains_key(check::UNDATED), "{built:?}");
}

#[test]
fn check_and_build_agree_on_the_real_corpus() {
    let files: Vec<PathBuf> = [
        "irbis-records.txt",
        "irbis-asp-newspaper.txt",
        "irbis-broken-records.txt",
        "irbis-mars-article-indicators-cp1251.txt",
        "rusmarc-nlr-books-cp1251.iso",
        "rusmarc-cyrillic-leader-cp1251.iso",
        "marc21-books-cp1251.mrc",
    ]
    .iter()
    .filter_map(|name| crate::common::corpus(name))
    .collect();
    if files.is_empty() {
        return;
    }
    let (checked, built) = check_and_build_quarters(&files);
    assert_eq!(checked, built);
}

#[test]
fn damaged_records_are_excepted_as_unreadable_and_the_rest_placed() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let feed = data("bad/damaged-records.txt");
    let out = bulletin(&[
        "build",
        "--no-pdf",
        "--feed",
        feed.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ex: serde_json::Value = serde_json::from_slice(
        &std::fs::read(out_dir.join("2012-Q1").join("exceptions.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(ex["records"], 4);
    assert_eq!(ex["placed"], 2);
    let reasons: Vec<(&str, u64, &str)> = ex["exceptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["record"].as_str().unwrap(),
                e["line"].as_u64().unwrap(),
                e["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        reasons,
        [
            (
                "DMG-2",
                8,
                "unreadable record (line 11): field line without ':' after the tag: \"#200 ^AZədələnmiş məqalə\""
            ),
            (
                "DMG-3",
                15,
                "unreadable record (line 17): expected a field line \"#TAG: value\" or the separator \"*****\", found \"101: aze\""
            ),
        ]
    );
}
