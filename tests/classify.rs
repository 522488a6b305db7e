//! Placing by the schemes real catalogues carry: BBK (IRBIS 621, RUSMARC 686 and MARC 21
//! 084 `$2 rubbk`), GRNTI (IRBIS 964, 686/084 `$2 rugasnti`), UDC (675, 080) and the
//! library's own scheme, matched exactly or by a `*` prefix after normalising spaces and
//! case; and the shipped sample, whose records are placed both ways.

use std::collections::BTreeMap;
use std::path::Path;

use bulletin::build::{self, PlanOptions};
use bulletin::classify::Classifier;
use bulletin::collate::Collators;
use bulletin::config::Config;
use bulletin::feed::{self, ReadOptions};
use bulletin::model::Record;
use bulletin::scheme::{Scheme, normalise_code};

use crate::common::data;

fn read(path: &Path) -> Vec<Record> {
    feed::read_all(&[path.to_path_buf()], &ReadOptions::default()).expect("fixtures read")
}

/// Record id → the subtopic it is placed under in the one bulletin of `schemes/`.
fn placed_by_scheme() -> BTreeMap<String, Option<String>> {
    let config = Config::load(&data("schemes/bulletins.toml")).expect("fixture configuration");
    let collators = Collators::new();
    let classifier = Classifier::new(&config, &collators);
    let subtopics = &config.bulletins[0].subtopics;
    ["irbis.txt", "rusmarc.xml", "marc21.xml"]
        .iter()
        .flat_map(|f| read(&data(&format!("schemes/{f}"))))
        .map(|r| {
            let placed = classifier.place(&r);
            assert!(placed.len() <= 1, "{}: {placed:?}", r.id);
            let subtopic = placed
                .first()
                .map(|p| subtopics[p.subtopic].id.get_ref().clone());
            (r.id.to_string(), subtopic)
        })
        .collect()
}

#[test]
fn every_scheme_in_every_form_places_its_records() {
    let placed = placed_by_scheme();
    let expected: &[(&str, Option<&str>)] = &[
        // IRBIS: 621 BBK, 964 GRNTI, 675 UDC, 686 with its $2.
        ("S-IR-01", Some("by-bbk")),        // 621: 66.4(5Азе)
        ("S-IR-02", Some("by-bbk")),        // 621: 66.4 (5азе): spaces and case
        ("S-IR-03", None),                  // 621: 66.4(5Азе)5: an exact code is not a prefix
        ("S-IR-04", Some("by-bbk-prefix")), // 621: 66.3(5Азе)12 under RUBBK:66.3(5Азе)*
        ("S-IR-05", Some("by-grnti")),      // 964: 11.25.19 under gasnti:11.25.*
        ("S-IR-06", None),                  // 964: 11.15.00
        ("S-IR-07", Some("by-udc")),        // 675: 327(479.24) under udc:327*
        ("S-IR-08", Some("by-local")),      // 686: ^Afp.1^2PRESLIB
        ("S-IR-09", None),                  // 686: ^AFP.1^2otherlib: another library's scheme
        ("S-IR-10", Some("by-bbk")),        // 686: ^A66.4(5Азе)^2rubbk
        // RUSMARC: 686 $2 rubbk / rugasnti, 675.
        ("S-RM-01", Some("by-bbk")),
        ("S-RM-02", Some("by-grnti")),
        ("S-RM-03", Some("by-udc")),        // 675 $a 327.8
        ("S-RM-04", Some("by-bbk-prefix")), // 686 $a 66.3(5Азе) $2 RUBBK: the stem itself
        // MARC 21: 084 $2 rubbk / rugasnti / preslib, 080.
        ("S-M21-01", Some("by-bbk")),
        ("S-M21-02", Some("by-grnti")),
        ("S-M21-03", Some("by-udc")),
        ("S-M21-04", Some("by-local")),
    ];
    let expected: BTreeMap<String, Option<String>> = expected
        .iter()
        .map(|(id, s)| (id.to_string(), s.map(str::to_string)))
        .collect();
    assert_eq!(placed, expected);
}

#[test]
fn readers_keep_the_scheme_of_each_class_number() {
    let classes = |file: &str| -> Vec<(Option<Scheme>, String)> {
        read(&data(&format!("schemes/{file}")))
            .iter()
            .flat_map(|r| &r.classes)
            .map(|c| (Scheme::named(&c.scheme, "preslib"), normalise_code(&c.code)))
            .collect()
    };
    let irbis = classes("irbis.txt");
    assert_eq!(irbis[0], (Some(Scheme::Bbk), "66.4(5АЗЕ)".to_string()));
    assert_eq!(irbis[4], (Some(Scheme::Grnti), "11.25.19".to_string()));
    assert_eq!(irbis[6], (Some(Scheme::Udc), "327(479.24)".to_string()));
    assert_eq!(irbis[8], (None, "FP.1".to_string()));
    let marc21 = classes("marc21.xml");
    assert_eq!(marc21[2], (Some(Scheme::Udc), "327(479.24)".to_string()));
    assert_eq!(marc21[3], (Some(Scheme::Local), "FP.1".to_string()));
}

/// The shipped sample (`data/feed/`) placed with the shipped configuration.
fn sample() -> (Vec<Record>, Config) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let records = feed::read_all(&[root.join("data/feed")], &ReadOptions::default())
        .expect("the sample reads");
    let config = Config::load(&root.join("data/bulletins.toml")).expect("shipped configuration");
    (records, config)
}

#[test]
fn the_sample_places_records_by_bbk_and_grnti_codes() {
    let (records, config) = sample();
    let collators = Collators::new();
    let classifier = Classifier::new(&config, &collators);
    // A record is placed by its BBK or GRNTI number when, without that number, it would
    // not be placed under the same subtopic.
    let mut by_scheme: BTreeMap<(Scheme, String), usize> = BTreeMap::new();
    for r in &records {
        let placed = classifier.place(r);
        for scheme in [Scheme::Bbk, Scheme::Grnti] {
            let mut without = r.clone();
            without.classes.retain(|c| {
                Scheme::named(&c.scheme, &config.library.scheme) != Some(scheme.clone())
            });
            if without.classes.len() == r.classes.len() {
                continue;
            }
            let rest = classifier.place(&without);
            for p in placed.iter().filter(|p| !rest.contains(p)) {
                let subtopic = &config.bulletins[p.bulletin].subtopics[p.subtopic];
                *by_scheme
                    .entry((scheme.clone(), subtopic.id.get_ref().clone()))
                    .or_default() += 1;
            }
        }
    }
    let count = |scheme: Scheme| -> usize {
        by_scheme
            .iter()
            .filter(|((s, _), _)| *s == scheme)
            .map(|(_, n)| n)
            .sum()
    };
    assert!(count(Scheme::Bbk) >= 5, "{by_scheme:?}");
    assert!(count(Scheme::Grnti) >= 5, "{by_scheme:?}");
    // Placed by BBK in fp-6 (66.4(5Азе)) and by GRNTI in en-4 (44.*).
    assert!(
        by_scheme.contains_key(&(Scheme::Bbk, "fp-6".to_string())),
        "{by_scheme:?}"
    );
    assert!(
        by_scheme.contains_key(&(Scheme::Grnti, "en-4".to_string())),
        "{by_scheme:?}"
    );
}

#[test]
fn the_sample_build_places_records_in_every_subtopic() {
    let (records, config) = sample();
    let plan = build::plan(
        &records,
        &config,
        &Collators::new(),
        &PlanOptions::default(),
    );
    for quarter in &plan.quarters {
        for (b, issue) in config.bulletins.iter().zip(&quarter.issues) {
            for s in &b.subtopics {
                let id = s.id.get_ref();
                let entries: usize = issue
                    .sections
                    .iter()
                    .filter(|section| section.subtopic == *id)
                    .flat_map(|section| &section.groups)
                    .map(|g| g.entries.len())
                    .sum();
                assert!(
                    entries > 0,
                    "{:?} {} {id}: no entries",
                    quarter.quarter,
                    b.id()
                );
            }
        }
    }
}
