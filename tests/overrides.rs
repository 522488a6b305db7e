//! The compilers' overrides (`data/overrides.toml`): each kind of decision, each error
//! with its position, and that removing overrides leaves no trace.

use std::path::{Path, PathBuf};

use bulletin::issue::Issue;
use proptest::prelude::*;

use crate::common::bulletin;

/// A folder with the sample configuration (and no overrides beside it).
fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("data/bulletins.toml"),
        dir.path().join("bulletins.toml"),
    )
    .unwrap();
    dir
}

/// `bulletin build --no-pdf` of the sample's first half-year with these overrides
/// (none when `None`) into `out`; returns the exit status, stdout and stderr.
fn build(dir: &Path, overrides: Option<&str>, out: &Path) -> (Option<i32>, String, String) {
    let config = dir.join("bulletins.toml");
    let path = dir.join("my-overrides.toml");
    let mut args = vec![
        "build".to_string(),
        "--no-pdf".into(),
        "--config".into(),
        config.display().to_string(),
        "--out".into(),
        out.display().to_string(),
    ];
    if let Some(text) = overrides {
        std::fs::write(&path, text).unwrap();
        args.push("--overrides".into());
        args.push(path.display().to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = bulletin(&args);
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn issue(out: &Path, quarter: &str, id: &str) -> Issue {
    let json = std::fs::read(out.join(quarter).join(format!("{id}.json"))).unwrap();
    serde_json::from_slice(&json).unwrap()
}

fn exceptions(out: &Path, quarter: &str) -> serde_json::Value {
    let json = std::fs::read(out.join(quarter).join("exceptions.json")).unwrap();
    serde_json::from_slice(&json).unwrap()
}

/// The section (subtopic id) an entry of a record is in, and its number.
fn placed(issue: &Issue, record: &str) -> Option<(String, u32)> {
    issue.sections.iter().find_map(|s| {
        s.groups
            .iter()
            .flat_map(|g| &g.entries)
            .find(|e| e.record == record)
            .map(|e| (s.subtopic.clone(), e.number))
    })
}

// Records of the sample, read by hand from its energy issue of 2012-Q1: 000026 is in
// en-1 (Azerbaijani), 000060 in en-3; 000027 in en-1 (Russian).
const EN1: &str = "PRESLIB-2012-000026";
const EN3: &str = "PRESLIB-2012-000060";
const RU: &str = "PRESLIB-2012-000027";

#[test]
fn each_kind_of_decision() {
    let dir = setup();
    let plain = dir.path().join("plain");
    assert_eq!(build(dir.path(), None, &plain).0, Some(0));
    assert_eq!(
        placed(&issue(&plain, "2012-Q1", "energy"), EN3).unwrap().0,
        "en-3"
    );
    assert!(placed(&issue(&plain, "2012-Q1", "regions"), EN1).is_none());

    let out = dir.path().join("out");
    let text = format!(
        r#"
[[override]]
record = "{EN3}"
subtopic = "energy/en-2"

[[override]]
record = "{EN1}"
also_in = ["energy/en-4", "regions/rd-3"]
annotation = "Qısa məzmun."

[[override]]
record = "{RU}"
exclude = "reklam xarakterli yazı"

[[override]]
record = "PRESLIB-2012-000090"
date = "2012-05-10"
language = "ru"
"#
    );
    let (status, stdout, stderr) = build(dir.path(), Some(&text), &out);
    assert_eq!(status, Some(0), "{stderr}");
    let energy = issue(&out, "2012-Q1", "energy");
    // subtopic: placed where the compiler says.
    assert_eq!(placed(&energy, EN3).unwrap().0, "en-2");
    // also_in: a cross-reference in its own bulletin, a placement in another.
    let (home, number) = placed(&energy, EN1).unwrap();
    assert_eq!(home, "en-1");
    let en4 = energy
        .sections
        .iter()
        .find(|s| s.subtopic == "en-4")
        .unwrap();
    assert!(en4.see_also.contains(&number), "{:?}", en4.see_also);
    assert_eq!(
        placed(&issue(&out, "2012-Q1", "regions"), EN1).unwrap().0,
        "rd-3"
    );
    // annotation.
    let entry = energy.entries().find(|e| e.record == EN1).unwrap();
    assert_eq!(entry.annotation.as_deref(), Some("Qısa məzmun."));
    // exclude: in no issue, among the exceptions with the compiler's reason.
    assert!(placed(&energy, RU).is_none());
    let report = exceptions(&out, "2012-Q1");
    let excepted = report["exceptions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["record"] == RU)
        .expect("the excluded record is an exception");
    let reason = excepted["reason"].as_str().unwrap();
    assert!(reason.contains("reklam xarakterli yazı"), "{reason}");
    assert!(reason.contains("my-overrides.toml:13:11"), "{reason}");
    // date and language: moved to the second quarter, among the Russian entries.
    assert!(placed(&energy, "PRESLIB-2012-000090").is_none());
    let q2 = issue(&out, "2012-Q2", "energy");
    let moved = q2
        .sections
        .iter()
        .flat_map(|s| &s.groups)
        .find(|g| g.entries.iter().any(|e| e.record == "PRESLIB-2012-000090"))
        .expect("placed in the second quarter");
    assert_eq!(moved.language.key(), "ru");
    // Every override is listed in its period's exceptions.json and in the summary.
    let listed = report["overrides"].as_array().unwrap();
    assert_eq!(listed.len(), 5, "{listed:?}");
    assert!(
        listed
            .iter()
            .any(|o| o["record"] == EN3 && o["override"] == "subtopic energy/en-2")
    );
    assert_eq!(
        exceptions(&out, "2012-Q2")["overrides"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert!(
        stdout.contains(&format!("record {EN3}: subtopic energy/en-2")),
        "{stdout}"
    );
}

#[test]
fn errors_stop_the_build_with_their_position() {
    let cases = [
        (
            "[[override]]\nrecord = \"X\"\nsubtopic = \"nowhere/en-2\"\n",
            "3:12",
            "no bulletin \"nowhere\"",
        ),
        (
            "[[override]]\nrecord = \"X\"\nsubtopic = \"energy/fp-1\"\n",
            "3:12",
            "bulletin \"energy\" has no subtopic \"fp-1\"",
        ),
        (
            "[[override]]\nrecord = \"X\"\nalso_in = [\"energy\"]\n",
            "3:12",
            "is not bulletin/subtopic",
        ),
        (
            "[[override]]\nrecord = \"X\"\nsubtopic = \"energy/en-1\"\n\n[[override]]\nrecord = \"X\"\nsubtopic = \"energy/en-2\"\n",
            "7:12",
            "contradicts the one on line 3",
        ),
        (
            "[[override]]\nrecord = \"X\"\nexclude = \"no\"\nalso_in = [\"energy/en-2\"]\n",
            "3:11",
            "contradicts the one on line 4",
        ),
        (
            "[[override]]\nrecord = \"X\"\ndate = \"17.07.2012\"\n",
            "3:8",
            "is not a date",
        ),
        (
            "[[override]]\nrecord = \"X\"\nlanguage = \"klingonish\"\n",
            "3:12",
            "not a known language code",
        ),
        ("[[override]]\nrecord = \"X\"\n", "2:10", "decides nothing"),
        (
            "[[override]]\nrecord = \"X\"\nplace = \"energy/en-2\"\n",
            "3:1",
            "place",
        ),
    ];
    let dir = setup();
    for (text, position, message) in cases {
        let out = dir.path().join("out");
        let (status, _, stderr) = build(dir.path(), Some(text), &out);
        assert_eq!(status, Some(2), "{text}: {stderr}");
        assert!(
            stderr.contains(&format!("my-overrides.toml:{position}: ")),
            "{text}: {stderr}"
        );
        assert!(stderr.contains(message), "{text}: {stderr}");
        assert!(!out.join("2012-Q1").exists(), "nothing is written");
    }
}

#[test]
fn a_record_not_in_the_feeds_is_a_warning() {
    let dir = setup();
    let out = dir.path().join("out");
    let text = "\n[[override]]\nrecord = \"PRESLIB-2013-999999\"\nexclude = \"later\"\n";
    let (status, _, stderr) = build(dir.path(), Some(text), &out);
    assert_eq!(status, Some(0), "{stderr}");
    assert!(
        stderr.contains("warning: ")
            && stderr.contains("my-overrides.toml:3:10: override of record PRESLIB-2013-999999"),
        "{stderr}"
    );
    assert!(out.join("2012-Q1/energy.json").exists());
}

#[test]
fn an_explicit_overrides_file_must_exist() {
    let dir = setup();
    let out = dir.path().join("out");
    let o = bulletin(&[
        "build",
        "--no-pdf",
        "--config",
        dir.path().join("bulletins.toml").to_str().unwrap(),
        "--overrides",
        dir.path().join("absent.toml").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("absent.toml"));
}

/// Every file of a build folder, by relative path (the lock file aside).
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if !path.ends_with(".bulletin.lock") {
                let rel = path.strip_prefix(dir).unwrap().to_path_buf();
                out.push((rel, std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// An override of one kind for a record of the sample.
fn decision() -> impl Strategy<Value = String> {
    let records = prop::sample::select(vec![
        EN1,
        EN3,
        RU,
        "PRESLIB-2012-000090",
        "PRESLIB-2012-000143",
    ]);
    let kind = prop::sample::select(vec![
        "subtopic = \"energy/en-5\"",
        "also_in = [\"regions/rd-1\"]",
        "exclude = \"test\"",
        "date = \"2012-06-30\"",
        "language = \"en\"",
        "annotation = \"Annotasiya.\"",
    ]);
    (records, kind).prop_map(|(r, k)| format!("[[override]]\nrecord = \"{r}\"\n{k}\n\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    /// Applying overrides and then removing them gives the same bytes as never having had
    /// them (overrides that contradict each other are skipped: they stop the build).
    #[test]
    fn removing_overrides_leaves_no_trace(list in prop::collection::vec(decision(), 1..5)) {
        let dir = setup();
        let never = dir.path().join("never");
        prop_assert_eq!(build(dir.path(), None, &never).0, Some(0));
        let out = dir.path().join("out");
        let (status, _, stderr) = build(dir.path(), Some(&list.concat()), &out);
        prop_assume!(status == Some(0) || stderr.contains("contradicts"));
        let (status, _, _) = build(dir.path(), None, &out);
        prop_assert_eq!(status, Some(0));
        let (a, b) = (files(&never), files(&out));
        prop_assert_eq!(a.len(), b.len());
        for ((pa, da), (pb, db)) in a.iter().zip(&b) {
            prop_assert_eq!(pa, pb);
            prop_assert!(da == db, "{} differs", pa.display());
        }
    }
}
