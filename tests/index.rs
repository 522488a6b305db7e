//! Bibliographic indexes and annual cumulations: chronological order across quarters and
//! years, month headings in Azerbaijani and Russian, every selection operator, a person
//! as author versus as subject, errors with their column, an empty selection that writes
//! nothing, the annual volume's numbering and name index, and the shipped guides built
//! by `bulletin index --all` (JSON and PDF text).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use bulletin::build::{self, PlanOptions};
use bulletin::classify::Classifier;
use bulletin::collate::Collators;
use bulletin::config::Config;
use bulletin::feed::{self, ReadOptions};
use bulletin::index::{
    DEFAULT_MAX_ENTRIES, IndexError, IndexKind, IndexLanguage, IndexSpec, Indexer,
};
use bulletin::issue::{DocumentKind, Issue};
use bulletin::model::{Person, Record, Role};
use bulletin::select::{Matcher, Selection};
use chrono::NaiveDate;
use synth::{Generator, SynthOptions};

use crate::common::{bulletin, pages_text};

fn config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| {
        Config::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data/bulletins.toml"))
            .expect("shipped configuration")
    })
}

fn collators() -> &'static Collators {
    static C: OnceLock<Collators> = OnceLock::new();
    C.get_or_init(Collators::new)
}

/// The sample intake (620 records, January–June 2012).
fn sample() -> &'static [Record] {
    static RECORDS: OnceLock<Vec<Record>> = OnceLock::new();
    RECORDS.get_or_init(|| {
        let feed = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/feed");
        feed::read_all(&[feed], &ReadOptions::default()).expect("sample feed reads")
    })
}

/// 1,500 synthetic records over 2011–2012.
fn two_years() -> &'static [Record] {
    static RECORDS: OnceLock<Vec<Record>> = OnceLock::new();
    RECORDS.get_or_init(|| Generator::new(SynthOptions::years(1500, 2011, 2012), 7).collect())
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn spec(kind: IndexKind, from: &str, to: &str, select: Option<&str>) -> IndexSpec {
    IndexSpec {
        id: "test".into(),
        kind,
        title: None,
        from: day(from),
        to: day(to),
        selection: select.map(|s| Selection::parse(s, config()).expect("selection parses")),
        language: IndexLanguage::Azerbaijani,
        date: None,
        max_entries: DEFAULT_MAX_ENTRIES,
    }
}

fn build(records: &[Record], spec: &IndexSpec) -> Issue {
    let mut index = Indexer::new(config(), collators())
        .build(records, spec)
        .expect("index builds");
    assert_eq!(index.volumes.len(), 1, "one document");
    index.volumes.remove(0)
}

fn numbers_are_one_to_n(issue: &Issue) {
    let numbers: Vec<u32> = issue.entries().map(|e| e.number).collect();
    assert_eq!(numbers, (1..).take(numbers.len()).collect::<Vec<u32>>());
    for name in &issue.names {
        assert!(name.entries.iter().all(|e| numbers.contains(e)), "{name:?}");
    }
    let counted: usize = issue.periodicals.iter().map(|p| p.entries).sum();
    assert_eq!(counted, numbers.len(), "every entry has one periodical");
}

#[test]
fn chronological_across_quarters_and_years() {
    let issue = build(
        two_years(),
        &spec(IndexKind::Chronological, "2011-01-01", "2012-12-31", None),
    );
    assert_eq!(issue.kind, DocumentKind::Chronological);
    assert_eq!(issue.front.issue_line, "2011–2012");
    assert_eq!(issue.front.series, "Biblioqrafik göstərici");
    assert_eq!(issue.front.imprint, "Bakı – 2012");
    numbers_are_one_to_n(&issue);
    // Years at level 1 with no entries of their own, then their months at level 2.
    let heads: Vec<(u8, &str)> = issue
        .sections
        .iter()
        .map(|s| (s.level, s.title.as_str()))
        .collect();
    assert_eq!(heads[0], (1, "2011"));
    assert_eq!(heads[1], (2, "Yanvar"));
    let y2012 = heads.iter().position(|h| *h == (1, "2012")).unwrap();
    assert_eq!(
        heads[12],
        (2, "Dekabr"),
        "twelve months of 2011 first: {heads:?}"
    );
    // Journal articles dated by the year alone, catalogued in another year, come after
    // the year's months.
    assert!(
        y2012 == 13 || heads[13] == (2, "Ayı göstərilməyən"),
        "{heads:?}"
    );
    assert_eq!(heads[y2012 + 6], (2, "İyun"));
    assert_eq!(heads.last(), Some(&(2, "Dekabr")));
    for s in issue.sections.iter().filter(|s| s.level == 1) {
        assert!(s.groups.is_empty());
    }
    // Dated entries run by date through the whole index, each under its own month, and
    // within a day the language groups come Azerbaijani, Russian, other.
    let mut last = (String::new(), 0usize);
    for s in issue.sections.iter().filter(|s| s.level == 2) {
        let month = &s.subtopic; // 2011-03
        for g in &s.groups {
            assert_eq!(g.heading, "", "index groups are unheaded");
            let rank = ["az", "ru", "other"]
                .iter()
                .position(|l| *l == g.language.key())
                .unwrap();
            for e in g.entries.iter().filter(|e| e.date.len() == 10) {
                assert!(e.date.starts_with(month.as_str()), "{} in {month}", e.date);
                if e.date == last.0 {
                    assert!(rank >= last.1, "language order within {}", e.date);
                } else {
                    assert!(
                        e.date.as_str() > last.0.as_str(),
                        "{} after {}",
                        e.date,
                        last.0
                    );
                }
                last = (e.date.to_string(), rank);
            }
        }
    }
    // The quarters of both years are all there.
    let quarters: BTreeSet<String> = issue
        .entries()
        .filter(|e| e.date.len() == 10)
        .map(|e| {
            let m: u32 = e.date[5..7].parse().unwrap();
            format!("{}-Q{}", &e.date[..4], (m - 1) / 3 + 1)
        })
        .collect();
    assert_eq!(quarters.len(), 8, "{quarters:?}");
}

#[test]
fn month_headings_in_russian() {
    let mut s = spec(IndexKind::Chronological, "2012-01-01", "2012-06-30", None);
    s.language = IndexLanguage::Russian;
    let issue = build(sample(), &s);
    let months: Vec<&str> = issue
        .sections
        .iter()
        .filter(|s| s.level == 2)
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(
        months,
        ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь"]
    );
    assert_eq!(issue.front.series, "Библиографический указатель");
    assert_eq!(issue.front.issue_line, "2012, январь–июнь");
    assert_eq!(issue.front.names_heading, "Именной указатель");
}

#[test]
fn span_limits_the_entries() {
    let issue = build(
        sample(),
        &spec(IndexKind::Chronological, "2012-02-10", "2012-03-31", None),
    );
    assert_eq!(issue.front.issue_line, "10.02.2012–31.03.2012");
    for e in issue.entries().filter(|e| e.date.len() == 10) {
        assert!(
            ("2012-02-10".."2012-04-01").contains(&e.date.as_str()),
            "{}",
            e.date
        );
    }
    let months: Vec<&str> = issue.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(months, ["2012", "Fevral", "Mart"]);
}

/// Ids of the sample records a selection takes.
fn selected(text: &str) -> BTreeSet<String> {
    let selection = Selection::parse(text, config()).unwrap();
    let classifier = Classifier::new(config(), collators());
    let matcher = Matcher::new(&classifier);
    sample()
        .iter()
        .filter(|r| matcher.matches(&selection, r))
        .map(|r| r.id.to_string())
        .collect()
}

#[test]
fn each_operator() {
    let all: BTreeSet<String> = sample().iter().map(|r| r.id.to_string()).collect();
    let az = selected("lang:az");
    let ru = selected("lang:ru");
    let other = selected("lang:other");
    assert!(!az.is_empty() && !ru.is_empty() && !other.is_empty());
    assert_eq!(az.len() + ru.len() + other.len(), all.len());
    let fp = selected("bulletin:foreign-policy");
    let fp1 = selected("subtopic:fp-1");
    assert!(!fp1.is_empty() && fp1.is_subset(&fp) && fp1.len() < fp.len());
    // and, or, not
    let and = selected("bulletin:foreign-policy and lang:ru");
    assert_eq!(and, &fp & &ru);
    let or = selected("subtopic:fp-1 OR lang:other");
    assert_eq!(or, &fp1 | &other);
    let not = selected("not lang:az");
    assert_eq!(not, &all - &az);
    // Precedence: not > and > or; parentheses override.
    assert_eq!(
        selected("lang:other or lang:ru and bulletin:foreign-policy"),
        &other | &(&ru & &fp)
    );
    assert_eq!(
        selected("(lang:other or lang:ru) and bulletin:foreign-policy"),
        &(&other | &ru) & &fp
    );
    assert_eq!(
        selected("not lang:az and not lang:ru"),
        other,
        "not binds tighter than and"
    );
    // subject: heading, subdivision or keyword, by prefix, case-insensitively.
    // ("Azərbaycan və Avropa İttifaqı" contains the words; "ittifaq" alone is no word.)
    let eu = selected("subject:\"avropa ittifaqı\"");
    assert!(!eu.is_empty());
    assert!(eu.len() < all.len());
    assert!(selected("subject:ittifaq").is_empty());
    assert!(eu.is_subset(&selected("subject:\"Azərbaycan və Avropa\"")));
    // periodical: whole title, case-insensitively.
    let xq = selected("periodical:\"XALQ QƏZETİ\"");
    assert!(!xq.is_empty());
    for r in sample().iter().filter(|r| xq.contains(r.id.as_str())) {
        assert_eq!(r.host.as_ref().unwrap().title, "Xalq qəzeti");
    }
}

fn person(surname: &str, initials: &str, forenames: &str, role: Role) -> Person {
    Person {
        surname: surname.into(),
        initials: initials.into(),
        forenames: forenames.into(),
        role,
        relator: None,
    }
}

#[test]
fn person_as_author_versus_as_subject() {
    let mut records: Vec<Record> = two_years().iter().take(4).cloned().collect();
    for r in &mut records {
        r.persons.clear();
    }
    records[0]
        .persons
        .push(person("Əliyev", "İ.", "", Role::Primary));
    records[1]
        .persons
        .push(person("Əliyev", "İ.", "İlham", Role::Subject));
    records[2]
        .persons
        .push(person("Əliyev", "H.", "Heydər", Role::Subject));
    records[3]
        .persons
        .push(person("Aliyev", "I.", "Ilham", Role::Coauthor));
    let classifier = Classifier::new(config(), collators());
    let matcher = Matcher::new(&classifier);
    let which = |text: &str| -> Vec<usize> {
        let s = Selection::parse(text, config()).unwrap();
        (0..records.len())
            .filter(|&i| matcher.matches(&s, &records[i]))
            .collect()
    };
    assert_eq!(which("author:\"Əliyev, İlham\""), [0]);
    assert_eq!(which("about:\"Əliyev, İlham\""), [1]);
    assert_eq!(which("person:\"Əliyev, İlham\""), [0, 1]);
    assert_eq!(which("person:\"əliyev, i.\""), [0, 1]);
    assert_eq!(which("person:Əliyev"), [0, 1, 2]);
    assert_eq!(which("about:Əliyev and not about:\"Əliyev, H.\""), [1]);
    assert_eq!(which("person:\"Aliyev, Ilham\""), [3]);
}

#[test]
fn person_index_on_the_sample() {
    let issue = build(
        sample(),
        &spec(
            IndexKind::Chronological,
            "2012-01-01",
            "2012-12-31",
            Some("about:\"Əliyev, İlham\""),
        ),
    );
    assert!(issue.entry_count() > 0);
    // One heading for every form of the name, in its fullest form, with the entries
    // about him apart from the ones he wrote.
    let heading: Vec<_> = issue
        .names
        .iter()
        .filter(|n| n.name.starts_with("Əliyev, İ"))
        .collect();
    assert_eq!(heading.len(), 1, "{heading:?}");
    assert_eq!(
        heading[0].name, "Əliyev, İlham",
        "the person is in the name index"
    );
    assert!(!heading[0].about.is_empty(), "{heading:?}");
    let ids: BTreeSet<&str> = issue.entries().map(|e| e.record.as_str()).collect();
    for r in sample().iter().filter(|r| ids.contains(r.id.as_str())) {
        assert!(
            r.persons
                .iter()
                .any(|p| p.role == Role::Subject && p.surname == "Əliyev"),
            "{}",
            r.id
        );
    }
}

#[test]
fn subject_index_headings_in_collation_order() {
    let issue = build(
        sample(),
        &spec(
            IndexKind::Subject,
            "2012-01-01",
            "2012-06-30",
            Some("bulletin:energy or bulletin:karabakh"),
        ),
    );
    assert_eq!(issue.kind, DocumentKind::Subject);
    numbers_are_one_to_n(&issue);
    let titles: Vec<&str> = issue.sections.iter().map(|s| s.title.as_str()).collect();
    let mut sorted = titles.clone();
    sorted.sort_by(|a, b| collators().compare_names(a, b));
    assert_eq!(titles, sorted);
    assert!(titles.contains(&"Qaz layihələri") && titles.contains(&"Neft hasilatı"));
    for s in &issue.sections {
        let dates: Vec<&str> = s
            .groups
            .iter()
            .flat_map(|g| g.entries.iter())
            .filter(|e| e.date.len() == 10)
            .map(|e| e.date.as_str())
            .collect();
        assert!(dates.is_sorted(), "{}: {dates:?}", s.title);
    }
}

#[test]
fn unknown_bulletin_and_empty_selection_are_errors() {
    let e = Selection::parse("lang:az and subtopic:fp-99", config()).unwrap_err();
    assert_eq!(e.column, 13, "{e}");
    assert!(e.message.contains("no subtopic \"fp-99\""), "{e}");
    let e = Indexer::new(config(), collators())
        .build(
            sample(),
            &spec(
                IndexKind::Chronological,
                "2012-01-01",
                "2012-12-31",
                Some("periodical:\"Times\""),
            ),
        )
        .unwrap_err();
    assert!(matches!(e, IndexError::Empty { .. }), "{e}");
    assert!(e.to_string().contains("periodical:\"Times\""), "{e}");
}

fn out_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary folder")
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default()
}

#[test]
fn typo_in_select_names_the_column() {
    let dir = out_dir();
    let out = bulletin(&[
        "index",
        "--kind",
        "chronological",
        "--from",
        "2012-01-01",
        "--to",
        "2012-12-31",
        "--select",
        "lang:az and subjct:\"Avropa İttifaqı\"",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown field \"subjct\" at column 13"),
        "{err}"
    );
    assert!(err.contains("expected one of bulletin, subtopic"), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    let shown = lines
        .iter()
        .position(|l| l.trim_start().starts_with("lang:az and subjct"))
        .expect("the selection is shown");
    let caret = lines[shown + 1];
    assert_eq!(
        caret.find('^'),
        Some(lines[shown].find("subjct").unwrap()),
        "{err}"
    );
    assert!(files_in(dir.path()).is_empty(), "nothing written");
}

#[test]
fn empty_selection_writes_nothing() {
    let dir = out_dir();
    let out = bulletin(&[
        "index",
        "--kind",
        "subject",
        "--from",
        "2012-01-01",
        "--to",
        "2012-12-31",
        "--select",
        "author:\"Nobody, N.\" and lang:az",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the selection author:\"Nobody, N.\" and lang:az matches none of the"),
        "{err}"
    );
    assert!(err.contains("nothing written"), "{err}");
    assert!(files_in(&dir.path().join("indexes")).is_empty());
}

#[test]
fn annual_cumulation_numbers_through_the_year() {
    let records: Vec<Record> = Generator::new(SynthOptions::years(900, 2012, 2012), 11).collect();
    let options = PlanOptions::default();
    let annual = build::plan_annual(&records, config(), collators(), 2012, &options);
    let quarterly = build::plan(&records, config(), collators(), &options);
    assert_eq!(annual.issues.len(), config().bulletins.len());
    for (b, volume) in annual.issues.iter().enumerate() {
        assert_eq!(volume.kind, DocumentKind::Annual);
        assert_eq!(
            (volume.issue, volume.period.to_string().as_str()),
            (0, "2012")
        );
        numbers_are_one_to_n(volume);
        // The rubric structure of the bulletin, in configuration order.
        let order: Vec<&str> = config().bulletins[b]
            .subtopics
            .iter()
            .map(|s| s.id.get_ref().as_str())
            .collect();
        let keys: Vec<&str> = volume
            .sections
            .iter()
            .map(|s| s.subtopic.as_str())
            .collect();
        let mut expected = order.clone();
        expected.retain(|k| keys.contains(k));
        assert_eq!(keys, expected);
        // Every quarter's entries, and the name index covers all four quarters.
        let in_quarters: BTreeSet<String> = quarterly
            .quarters
            .iter()
            .flat_map(|q| q.issues[b].entries().map(|e| e.record.to_string()))
            .collect();
        let in_volume: BTreeSet<String> = volume.entries().map(|e| e.record.to_string()).collect();
        assert_eq!(in_volume, in_quarters, "{}", volume.bulletin);
        let mut indexed_quarters = BTreeSet::new();
        let by_number: Vec<&str> = volume.entries().map(|e| e.date.as_str()).collect();
        for name in &volume.names {
            for &n in &name.entries {
                let date = by_number[n as usize - 1];
                if date.len() == 10 {
                    let m: u32 = date[5..7].parse().unwrap();
                    indexed_quarters.insert((m - 1) / 3 + 1);
                }
            }
        }
        assert_eq!(
            indexed_quarters,
            BTreeSet::from([1, 2, 3, 4]),
            "{}",
            volume.bulletin
        );
    }
}

#[test]
fn cumulate_writes_annual_volumes() {
    let dir = out_dir();
    let out = bulletin(&[
        "build",
        "--year",
        "2012",
        "--cumulate",
        "--no-pdf",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = std::fs::read(dir.path().join("2012/foreign-policy.json")).unwrap();
    let volume: Issue = serde_json::from_slice(&json).unwrap();
    assert_eq!(volume.kind, DocumentKind::Annual);
    assert_eq!(volume.front.issue_line, "2012, №\u{a0}1–4 (yanvar–dekabr)");
    // The sample has two quarters; the volume holds both, numbered through.
    let q1 = volume
        .entries()
        .filter(|e| e.date.as_str() < "2012-04")
        .count();
    assert!(q1 > 0 && q1 < volume.entry_count());
    numbers_are_one_to_n(&volume);
    assert!(
        !dir.path().join("2012-Q1").exists(),
        "only the annual volumes"
    );
}

/// `bulletin index --all` on the sample, once for the tests below.
fn all_built() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = out_dir();
        let out = bulletin(&["index", "--all", "--out", dir.path().to_str().unwrap()]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        dir
    })
    .path()
}

fn squash(text: &str) -> String {
    text.replace(['\u{a0}', '\u{2060}', '\u{ad}'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn all_builds_the_shipped_guides() {
    let dir = all_built().join("indexes");
    let guides = [
        ("ilham-aliyev-2012", DocumentKind::Chronological),
        ("europe-energy-2012", DocumentKind::Subject),
        ("xalq-qezeti-2012", DocumentKind::Chronological),
    ];
    for (id, kind) in guides {
        let issue: Issue =
            serde_json::from_slice(&std::fs::read(dir.join(format!("{id}.json"))).unwrap())
                .unwrap();
        assert_eq!(issue.kind, kind, "{id}");
        assert_eq!(issue.bulletin, id);
        numbers_are_one_to_n(&issue);
        let pdf = std::fs::read(dir.join(format!("{id}.pdf"))).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let pages = pages_text(&pdf);
        let title_page = squash(&pages[0]);
        for expected in [
            issue.title.as_str(),
            "Biblioqrafik göstərici",
            "2012-ci il",
            "Bakı – 2012",
            "Prezident Kitabxanası",
        ] {
            assert!(
                title_page.contains(expected),
                "{id}: {expected:?} in {title_page}"
            );
        }
        let text = squash(&pages[1..].join("\n"));
        assert!(text.contains("Adlar göstəricisi"), "{id}");
        // Every section heading is printed, in order.
        let mut from = 0;
        for s in &issue.sections {
            let at = text[from..]
                .find(&s.title)
                .unwrap_or_else(|| panic!("{id}: heading {:?} in order", s.title));
            from += at;
        }
    }
    let xq: Issue =
        serde_json::from_slice(&std::fs::read(dir.join("xalq-qezeti-2012.json")).unwrap()).unwrap();
    assert_eq!(xq.periodicals.len(), 1);
    assert_eq!(xq.periodicals[0].title, "Xalq qəzeti");
    let months: Vec<&str> = xq.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        months,
        ["2012", "Yanvar", "Fevral", "Mart", "Aprel", "May", "İyun"]
    );
}

#[test]
fn a_guide_by_name_gives_the_same_bytes() {
    let first = std::fs::read(all_built().join("indexes/xalq-qezeti-2012.pdf")).unwrap();
    let dir = out_dir();
    let out = bulletin(&[
        "index",
        "xalq-qezeti-2012",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = std::fs::read(dir.path().join("indexes/xalq-qezeti-2012.pdf")).unwrap();
    assert!(first == again, "same definition, same bytes");
    let unknown = bulletin(&["index", "no-such-guide", "--no-pdf"]);
    assert_eq!(unknown.status.code(), Some(2));
    let err = String::from_utf8_lossy(&unknown.stderr);
    assert!(err.contains("no index \"no-such-guide\""), "{err}");
    assert!(err.contains("ilham-aliyev-2012"), "{err}");
}

/// Entry numbers of a document, in order.
fn numbers(issue: &Issue) -> Vec<u32> {
    issue.entries().map(|e| e.number).collect()
}

#[test]
fn a_big_index_is_split_into_volumes_by_year_then_by_months() {
    let records = two_years();
    let mut spec = spec(IndexKind::Chronological, "2011-01-01", "2012-12-31", None);
    let whole = build(records, &spec);
    spec.max_entries = 250;
    let index = Indexer::new(config(), collators())
        .build(records, &spec)
        .expect("index builds");
    assert!(index.volumes.len() >= 4, "{} volumes", index.volumes.len());
    // Numbering runs on through the volumes: 1…N over all of them, as in the whole index.
    let all: Vec<u32> = index.volumes.iter().flat_map(numbers).collect();
    assert_eq!(
        all,
        (1..=u32::try_from(whole.entry_count()).unwrap()).collect::<Vec<_>>()
    );
    // The same records, each once.
    let mut ids: Vec<&str> = index
        .volumes
        .iter()
        .flat_map(|v| v.entries().map(|e| e.record.as_str()))
        .collect();
    let mut whole_ids: Vec<&str> = whole.entries().map(|e| e.record.as_str()).collect();
    ids.sort_unstable();
    whole_ids.sort_unstable();
    assert_eq!(ids, whole_ids);
    for (n, volume) in index.volumes.iter().enumerate() {
        assert_eq!(volume.bulletin, format!("test-{}", n + 1));
        assert!(volume.entry_count() <= 250, "{}", volume.entry_count());
        // One year a volume, whole months: no month is cut between two volumes.
        let years: BTreeSet<&str> = volume.entries().map(|e| &e.date[..4]).collect();
        assert_eq!(years.len(), 1, "{} spans {years:?}", volume.bulletin);
        assert!(
            volume
                .front
                .issue_line
                .ends_with(&format!("Cild {}", n + 1)),
            "{}",
            volume.front.issue_line
        );
        // Its own name index and list of periodicals point to its own entries only, and
        // every entry of it is in the list of periodicals.
        let own: BTreeSet<u32> = numbers(volume).into_iter().collect();
        for name in &volume.names {
            assert!(
                name.entries.iter().all(|n| own.contains(n)),
                "{}",
                name.name
            );
        }
        let listed: BTreeSet<u32> = volume
            .periodicals
            .iter()
            .flat_map(|p| p.numbers.iter().copied())
            .collect();
        assert_eq!(listed, own);
    }
    let months = |v: &Issue| -> BTreeSet<String> {
        v.entries()
            .filter(|e| e.date.len() >= 7)
            .map(|e| e.date[..7].to_string())
            .collect()
    };
    for pair in index.volumes.windows(2) {
        assert!(months(&pair[0]).is_disjoint(&months(&pair[1])));
    }
    let contents = index.contents(&spec);
    assert_eq!(contents.volumes.len(), index.volumes.len());
    assert_eq!(contents.entries, whole.entry_count());
    assert_eq!(contents.volumes[0].first, 1);
    for pair in contents.volumes.windows(2) {
        assert_eq!(pair[1].first, pair[0].last + 1);
    }
}

#[test]
fn index_volumes_on_the_command_line_replace_each_other() {
    let dir = out_dir();
    let out = dir.path().to_str().unwrap();
    let run = |max: &str| {
        bulletin(&[
            "index",
            "--kind",
            "chronological",
            "--from",
            "2012-01-01",
            "--to",
            "2012-12-31",
            "--id",
            "year",
            "--max-entries",
            max,
            "--no-pdf",
            "--no-html",
            "--out",
            out,
        ])
    };
    let done = run("200");
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let indexes = dir.path().join("indexes");
    let contents: serde_json::Value =
        serde_json::from_slice(&std::fs::read(indexes.join("year.volumes.json")).unwrap()).unwrap();
    let volumes = contents["volumes"].as_array().unwrap();
    assert!(volumes.len() >= 3, "{contents}");
    for (n, volume) in volumes.iter().enumerate() {
        let id = format!("year-{}", n + 1);
        assert_eq!(volume["id"], id.as_str());
        assert!(indexes.join(format!("{id}.json")).exists());
    }
    assert!(!indexes.join("year.json").exists());
    let stdout = String::from_utf8_lossy(&done.stdout);
    assert!(stdout.contains("volumes of at most 200"), "{stdout}");
    // Built again in one document: the volumes and their contents file go.
    let done = run("100000");
    assert!(done.status.success());
    assert!(indexes.join("year.json").exists());
    assert!(!indexes.join("year.volumes.json").exists());
    assert!(!indexes.join("year-1.json").exists());
}
