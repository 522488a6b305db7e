//! `bulletin watch`: after a change to a feed record, the configuration or a template the
//! issue is rebuilt; a broken template is reported and the last good PDF kept until it is
//! repaired. Nothing here depends on timing: each step waits for the program's own report
//! (with a generous limit) and then checks the files.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use crate::common::flat_text;

/// A running `bulletin watch`, killed when dropped.
struct Watching {
    child: Child,
    lines: Receiver<String>,
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Watching {
    /// Waits for a printed line containing `what`; panics with what was printed after
    /// a generous limit.
    fn expect(&self, what: &str) -> String {
        let mut seen = Vec::new();
        loop {
            match self.lines.recv_timeout(Duration::from_mins(4)) {
                Ok(line) if line.contains(what) => return line,
                Ok(line) => seen.push(line),
                Err(e) => panic!("no line with {what:?} ({e}); printed: {seen:#?}"),
            }
        }
    }
}

fn start(dir: &Path) -> Watching {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bulletin"))
        .current_dir(dir)
        .args([
            "watch",
            "--quarter",
            "2012-Q1",
            "--bulletin",
            "energy",
            "--out",
            "out",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("bulletin runs");
    let (tx, lines) = channel();
    for stream in [
        Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
        Box::new(child.stderr.take().unwrap()),
    ] {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
    }
    Watching { child, lines }
}

/// The title (200 `$a`) of the first entry of the issue `json` whose record is in the
/// RUSMARC MARCXML file `feed`.
fn energy_title_in(json: &Path, feed: &Path) -> String {
    let issue: serde_json::Value = serde_json::from_slice(&std::fs::read(json).unwrap()).unwrap();
    let xml = std::fs::read_to_string(feed).unwrap();
    let records = issue["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["groups"].as_array().unwrap())
        .flat_map(|g| g["entries"].as_array().unwrap())
        .filter_map(|e| e["record"].as_str());
    for id in records {
        let Some(at) = xml.find(&format!("<controlfield tag=\"001\">{id}</controlfield>")) else {
            continue;
        };
        let record = &xml[at..xml[at..]
            .find("</record>")
            .map_or(xml.len(), |end| at + end)];
        let Some(field) = record.find("tag=\"200\"") else {
            continue;
        };
        let open = "<subfield code=\"a\">";
        let start = record[field..].find(open).unwrap() + field + open.len();
        let end = record[start..].find('<').unwrap() + start;
        return record[start..end].to_string();
    }
    panic!("no entry of {} is in {}", json.display(), feed.display());
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn watch_rebuilds_after_each_kind_of_change_and_survives_errors() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for sub in ["data", "data/feed", "templates"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
    }
    for file in [
        "data/bulletins.toml",
        "data/overrides.toml",
        "templates/bulletin.typ",
    ] {
        std::fs::copy(root.join(file), dir.path().join(file)).unwrap();
    }
    for e in std::fs::read_dir(root.join("data/feed")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join("data/feed").join(e.file_name())).unwrap();
    }
    let json = dir.path().join("out/2012-Q1/energy.json");
    let pdf = dir.path().join("out/2012-Q1/energy.pdf");
    let w = start(dir.path());
    w.expect("rebuilt energy (2012-Q1) in ");
    w.expect("watching for changes");

    // A feed record: the title of the first entry of energy that the RUSMARC feed holds.
    let feed = dir.path().join("data/feed/preslib-2012-rusmarc.xml");
    let title = energy_title_in(&json, &feed);
    edit(&feed, &title, &format!("{title} (yeni baxış)"));
    w.expect("rebuilt energy (2012-Q1) in ");
    let text = std::fs::read_to_string(&json).unwrap();
    assert!(text.contains(&format!("{title} (yeni baxış)")));

    // The configuration.
    edit(
        &dir.path().join("data/bulletins.toml"),
        "editor = \"N. Məmmədova\"",
        "editor = \"T. Vəliyeva\"",
    );
    w.expect("rebuilt energy (2012-Q1) in ");
    assert!(
        std::fs::read_to_string(&json)
            .unwrap()
            .contains("T. Vəliyeva")
    );

    // A template.
    let template = dir.path().join("templates/bulletin.typ");
    let good = std::fs::read_to_string(&template).unwrap();
    std::fs::write(&template, format!("{good}\n#text[Sınaq qeydi]\n")).unwrap();
    w.expect("rebuilt energy (2012-Q1) in ");
    let printed = flat_text(&std::fs::read(&pdf).unwrap());
    assert!(
        printed.contains("Sınaq qeydi"),
        "the template's change is printed"
    );

    // A broken template: reported, the last good PDF kept.
    let before = std::fs::read(&pdf).unwrap();
    std::fs::write(&template, format!("{good}\n#let broken = (\n")).unwrap();
    let error = w.expect("error: ");
    assert!(error.contains("energy.pdf"), "{error}");
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        before,
        "the last good PDF stays"
    );

    // Its repair.
    std::fs::write(&template, &good).unwrap();
    w.expect("rebuilt energy (2012-Q1) in ");
    let printed = flat_text(&std::fs::read(&pdf).unwrap());
    assert!(!printed.contains("Sınaq qeydi"));
}
