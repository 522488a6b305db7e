//! The shipped sample intake (`data/feed/`): 620 article records published in the first
//! half of 2012, split over the four export files a real intake brings — most as RUSMARC
//! MARCXML, some MARC 21 MARCXML, a CP1251 ISO 2709 export of the second quarter's records
//! that CP1251 can hold (Russian, English, the odd German one), and an IRBIS text export
//! with a byte-order mark. Every subtopic of the nine bulletins has at least three records
//! a quarter; a few records are in two bulletins, a few in none, and a few articles are
//! catalogued twice under different ids.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::marc::{self, Charset};
use super::{FeedWriter, Generator, Rng, SynthFormat, SynthOptions, iso2709, themes};
use bulletin::model::Record;

pub const SEED: u64 = 20_120_701;
pub const RECORDS: usize = 620;

/// The files of the sample: name, format, number of records wanted (the RUSMARC file takes
/// the rest).
pub const FILES: [(&str, SynthFormat, usize); 4] = [
    ("preslib-2012-q2.iso", SynthFormat::Iso2709Cp1251, 60),
    ("preslib-2012-marc21.xml", SynthFormat::MarcXmlMarc21, 80),
    ("preslib-2012-asp.txt", SynthFormat::Irbis, 60),
    ("preslib-2012-rusmarc.xml", SynthFormat::MarcXml, usize::MAX),
];

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleFile {
    pub name: String,
    pub format: SynthFormat,
    pub records: usize,
    pub bytes: u64,
    pub by_language: BTreeMap<String, usize>,
    pub by_quarter: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleReport {
    pub files: Vec<SampleFile>,
    /// Ids of records classed into two bulletins.
    pub two_bulletins: Vec<String>,
    /// Ids of records with no class number of any bulletin.
    pub unclassified: Vec<String>,
    /// Pairs of ids cataloguing the same article (the earlier id first).
    pub duplicates: Vec<(String, String)>,
}

/// The bulletin subtopic codes a record is classed under (by the library's codes or by
/// national class numbers).
pub fn bulletin_codes(record: &Record) -> Vec<&'static str> {
    themes::subtopic_codes(record)
}

/// Pairs of ids of records that describe the same article: same periodical, issue date,
/// title and first author.
pub fn duplicate_pairs<'a>(records: impl IntoIterator<Item = &'a Record>) -> Vec<(String, String)> {
    let mut seen: HashMap<String, &str> = HashMap::new();
    let mut pairs = Vec::new();
    for r in records {
        let key = format!(
            "{:?}|{:?}|{:?}|{}|{:?}",
            r.host.as_ref().map(|h| &h.title),
            r.published,
            r.issue,
            r.title,
            r.authors()
                .next()
                .map(|p| (&p.surname, &p.forenames, &p.initials))
        );
        if let Some(first) = seen.get(&key) {
            pairs.push((first.to_string(), r.id.to_string()));
        } else {
            seen.insert(key, &r.id);
        }
    }
    pairs
}

/// The options the sample is generated with.
pub fn options() -> SynthOptions {
    let from = NaiveDate::from_ymd_opt(2012, 1, 1).unwrap_or_default();
    let to = NaiveDate::from_ymd_opt(2012, 6, 30).unwrap_or_default();
    let mut options = SynthOptions::span(RECORDS, from, to);
    options.duplicate_rate = 0.006;
    options
}

/// The quarter (1–4) a record belongs to: by its issue date, its month, or its cataloguing.
pub fn quarter(record: &Record) -> u32 {
    let month = record
        .published
        .date
        .map(|d| d.month())
        .or(record.published.month)
        .or(record.catalogued.map(|d| d.month()))
        .unwrap_or(1);
    month.div_ceil(3)
}

/// Whether the record can go into the CP1251 ISO 2709 file.
fn cp1251_ok(record: &Record) -> bool {
    let m = marc::rusmarc(record, Charset::Cp1251);
    iso2709::encode_record(&m, Charset::Cp1251, &mut Vec::new()).is_ok()
}

/// The sample's records, each with the file (index into [`FILES`]) it goes to.
pub fn sample_records() -> Vec<(usize, Record)> {
    let records: Vec<Record> = Generator::new(options(), SEED).collect();
    let mut rng = Rng::new(SEED ^ 0x5341_4d50);
    let mut file = vec![FILES.len() - 1; records.len()];
    // The ISO file: second-quarter records CP1251 can hold (no Azerbaijani Latin letters).
    let mut candidates: Vec<usize> = (0..records.len())
        .filter(|&i| quarter(&records[i]) == 2 && cp1251_ok(&records[i]))
        .collect();
    rng.shuffle(&mut candidates);
    for &i in candidates.iter().take(FILES[0].2) {
        file[i] = 0;
    }
    let mut rest: Vec<usize> = (0..records.len()).filter(|&i| file[i] != 0).collect();
    rng.shuffle(&mut rest);
    let mut taken = 0;
    for (k, (_, _, wanted)) in FILES.iter().enumerate().skip(1).take(2) {
        for &i in rest.iter().skip(taken).take(*wanted) {
            file[i] = k;
        }
        taken += wanted;
    }
    file.into_iter().zip(records).collect()
}

/// Writes the sample intake into `dir` (created if missing), with a README listing it.
pub fn write_sample(dir: &Path) -> io::Result<SampleReport> {
    std::fs::create_dir_all(dir)?;
    let records = sample_records();
    let mut files = Vec::new();
    for (k, (name, format, _)) in FILES.iter().enumerate() {
        let path = dir.join(name);
        let mut writer = FeedWriter::new(*format, BufWriter::new(File::create(&path)?))?;
        let mut report = SampleFile {
            name: name.to_string(),
            format: *format,
            records: 0,
            bytes: 0,
            by_language: BTreeMap::new(),
            by_quarter: BTreeMap::new(),
        };
        for (_, r) in records.iter().filter(|(f, _)| *f == k) {
            writer.write(r)?;
            report.records += 1;
            let lang = r
                .languages
                .first()
                .map(|l| l.code.to_string())
                .unwrap_or_default();
            *report.by_language.entry(lang).or_default() += 1;
            *report
                .by_quarter
                .entry(format!("2012-Q{}", quarter(r)))
                .or_default() += 1;
        }
        writer.finish()?.flush()?;
        report.bytes = std::fs::metadata(&path)?.len();
        files.push(report);
    }
    let ids = |n: usize| {
        records
            .iter()
            .filter(|(_, r)| bulletin_codes(r).len() == n)
            .map(|(_, r)| r.id.to_string())
            .collect::<Vec<_>>()
    };
    let report = SampleReport {
        files,
        two_bulletins: ids(2),
        unclassified: ids(0),
        duplicates: duplicate_pairs(records.iter().map(|(_, r)| r)),
    };
    std::fs::write(dir.join("README.md"), readme(&report))?;
    Ok(report)
}

fn readme(report: &SampleReport) -> String {
    let mut s = String::from(
        "# Sample intake: articles published January–June 2012\n\n\
         Synthetic records made by the `synth` crate (`cargo run -p bench --example sample` \
         regenerates these files; do not edit them by hand). Realistic content, invented \
         articles: titles, names and periodicals are plausible, the records are not real \
         catalogue records, and the ISSNs are synthetic.\n\n\
         | file | format | records | languages | quarters |\n|---|---|---|---|---|\n",
    );
    let join = |m: &BTreeMap<String, usize>| {
        m.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for f in &report.files {
        s.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            f.name,
            f.format,
            f.records,
            join(&f.by_language),
            join(&f.by_quarter)
        ));
    }
    s.push_str(&format!(
        "\nEvery subtopic of the nine bulletins has at least three records in each quarter. \
         {} records carry class numbers of two bulletins; {} carry none, or only a code no \
         bulletin uses (`TR.1`, `HE.2`, `TU.1`); {} pairs of records catalogue the same \
         article under different ids (same periodical, date, title and first author): {}. \
         Articles of some subtopics carry BBK or GRNTI class numbers (IRBIS `#621`/`#964`, \
         686/084 `$2 rubbk`/`rugasnti`) beside or instead of the library's own code. \
         All records are valid: the sample passes a clean check.\n",
        report.two_bulletins.len(),
        report.unclassified.len(),
        report.duplicates.len(),
        report
            .duplicates
            .iter()
            .map(|(a, b)| format!("`{a}` = `{b}`"))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::themes::BULLETINS;
    use std::collections::HashSet;

    #[test]
    fn the_sample_covers_every_subtopic_and_has_exceptions() {
        let records = sample_records();
        assert_eq!(records.len(), RECORDS);
        let ids: HashSet<&str> = records.iter().map(|(_, r)| r.id.as_str()).collect();
        assert_eq!(ids.len(), RECORDS, "ids are distinct");
        let mut per_file = [0usize; 4];
        for (f, _) in &records {
            per_file[*f] += 1;
        }
        assert_eq!(&per_file[..3], &[60, 80, 60]);
        for (f, r) in &records {
            if *f == 0 {
                assert_eq!(quarter(r), 2);
                assert!(cp1251_ok(r));
                assert_ne!(r.languages[0].code, "aze");
            }
        }
        let mut coverage: HashMap<(String, u32), usize> = HashMap::new();
        let (mut two, mut none) = (0, 0);
        for (_, r) in &records {
            let codes = bulletin_codes(r);
            match codes.len() {
                0 => none += 1,
                1 => {}
                _ => two += 1,
            }
            for code in codes {
                *coverage.entry((code.to_string(), quarter(r))).or_default() += 1;
            }
        }
        for b in BULLETINS {
            for s in b.subtopics {
                for q in [1, 2] {
                    let n = coverage.get(&(s.code.to_string(), q)).copied().unwrap_or(0);
                    assert!(n >= 3, "{} in Q{q}: {n}", s.code);
                }
            }
        }
        assert!(two >= 5, "{two}");
        assert!(none >= 5, "{none}");
        let duplicates = duplicate_pairs(records.iter().map(|(_, r)| r)).len();
        assert!(duplicates >= 2, "{duplicates}");
    }

    #[test]
    fn the_committed_sample_is_current() {
        let dir = tempfile::tempdir().unwrap();
        let report = write_sample(dir.path()).unwrap();
        let total: usize = report.files.iter().map(|f| f.records).sum();
        assert_eq!(total, RECORDS);
        let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/feed");
        for name in FILES.iter().map(|f| f.0).chain(["README.md"]) {
            let fresh = std::fs::read(dir.path().join(name)).unwrap();
            let committed = std::fs::read(shipped.join(name)).unwrap_or_default();
            assert!(
                fresh == committed,
                "data/feed/{name} is out of date: run `cargo run -p bench --example sample`"
            );
        }
    }
}
