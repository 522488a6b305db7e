//! Faults and hostile input: unusable output folders, a full disk, a killed build, two
//! builds at once, a feed changing under the reader, escaping paths, huge fields, deep XML.

use std::io::{self, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use bulletin::feed::{self, ReadOptions};
use bulletin::output::{self, write_atomic, write_atomic_with};
use synth::{SynthFormat, SynthOptions, write_feed};

use crate::common::{bulletin, data};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn output_folder_that_cannot_be_made() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "not a folder").unwrap();
    let out = bulletin(&[
        "build",
        "--no-pdf",
        "--out",
        file.join("out").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("error: cannot use "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn output_folder_climbing_out_is_refused() {
    let out = bulletin(&["build", "--no-pdf", "--out", "out/../../elsewhere"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("climbs out"), "{}", stderr(&out));
    assert!(
        !Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../elsewhere")
            .exists()
    );
}

#[test]
fn full_disk_leaves_the_previous_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("foreign-policy.pdf");
    write_atomic(&path, b"%PDF-1.7 the previous issue %%EOF").unwrap();
    let result = write_atomic_with(&path, |w| {
        w.write_all(b"%PDF-1.7 half of")?;
        Err(io::Error::new(
            io::ErrorKind::StorageFull,
            "No space left on device",
        ))
    });
    let err = result.unwrap_err().to_string();
    assert!(
        err.contains("foreign-policy.pdf") && err.contains("No space left"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        b"%PDF-1.7 the previous issue %%EOF"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "a temporary file was left: {names:?}");
}

#[test]
fn two_builds_into_one_folder_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let held = output::lock_output(dir.path()).unwrap();
    let out = bulletin(&["build", "--no-pdf", "--out", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("another bulletin build is writing to"),
        "{}",
        stderr(&out)
    );
    drop(held);
    let out = bulletin(&["build", "--no-pdf", "--out", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_killed_build_leaves_whole_pdfs_only() {
    let dir = tempfile::tempdir().unwrap();
    let feed_path = dir.path().join("feed.xml");
    let mut file = io::BufWriter::new(std::fs::File::create(&feed_path).unwrap());
    let span = SynthOptions::years(6000, 2011, 2012);
    write_feed(SynthFormat::MarcXml, &span, 3, &mut file).unwrap();
    drop(file);
    let out = dir.path().join("out");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_bulletin"))
        .args([
            "build",
            "--feed",
            feed_path.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--jobs",
            "1",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let pdfs = |dir: &Path| -> Vec<std::path::PathBuf> {
        let mut found = Vec::new();
        for quarter in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            for f in std::fs::read_dir(quarter.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                found.push(f.path());
            }
        }
        found
    };
    let start = Instant::now();
    while !pdfs(&out)
        .iter()
        .any(|p| p.extension().is_some_and(|e| e == "pdf"))
        && start.elapsed() < Duration::from_mins(2)
    {
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(
        !status.success(),
        "the build finished before it could be interrupted"
    );
    for path in pdfs(&out) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.extension().is_some_and(|e| e == "pdf") {
            let bytes = std::fs::read(&path).unwrap();
            assert!(bytes.starts_with(b"%PDF-"), "{name} has no PDF header");
            let tail =
                String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(64)..]).into_owned();
            assert!(tail.contains("%%EOF"), "{name} is cut short");
        }
    }
    // The next build clears what the killed one left and completes.
    let again = bulletin(&[
        "build",
        "--no-pdf",
        "--feed",
        feed_path.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(
        pdfs(&out)
            .iter()
            .all(|p| !p.to_string_lossy().ends_with(".tmp"))
    );
}

#[test]
fn a_feed_changed_while_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.txt");
    std::fs::copy(data("asp-articles.txt"), &path).unwrap();
    let (_, mut stream) = feed::open(&path, &ReadOptions::default()).unwrap();
    assert!(stream.next().unwrap().is_ok());
    std::thread::sleep(Duration::from_millis(20));
    std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap()
        .write_all(b"#920: ASP\n#903: LATE\n*****\n")
        .unwrap();
    let last = stream.last().unwrap();
    let err = last.unwrap_err().to_string();
    assert!(err.contains("changed while it was being read"), "{err}");
}

#[test]
fn a_100_mb_field_is_refused_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let huge = "ə".repeat(50 * 1024 * 1024);
    let xml = dir.path().join("huge.xml");
    std::fs::write(
        &xml,
        format!("<collection><record><controlfield tag=\"001\">H</controlfield><datafield tag=\"200\"><subfield code=\"a\">{huge}</subfield></datafield></record></collection>"),
    )
    .unwrap();
    let out = bulletin(&["check", xml.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("a field is longer than"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let txt = dir.path().join("huge.txt");
    std::fs::write(&txt, format!("#903: H\n#200: ^A{huge}\n*****\n")).unwrap();
    let out = bulletin(&["check", txt.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("huge.txt:2:1: line longer than"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn deeply_nested_xml_does_not_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 200_000;
    let mut xml = String::from("<collection><record><controlfield tag=\"001\">DEEP</controlfield>");
    xml.push_str(&"<x>".repeat(depth));
    xml.push_str(&"</x>".repeat(depth));
    xml.push_str("<datafield tag=\"200\"><subfield code=\"a\">Dərinlik</subfield></datafield></record></collection>");
    let path = dir.path().join("deep.xml");
    std::fs::write(&path, xml).unwrap();
    let (_, stream) = feed::open(&path, &ReadOptions::default()).unwrap();
    let records: Vec<_> = stream.collect();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].as_ref().unwrap().title, "Dərinlik");
}

#[test]
fn bulletin_and_index_ids_cannot_escape_the_output_folder() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/bulletins.toml"))
            .unwrap();
    let config = dir.path().join("bulletins.toml");
    std::fs::write(
        &config,
        text.replacen("id = \"foreign-policy\"", "id = \"../../escaped\"", 1),
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    let out = bulletin(&[
        "build",
        "--no-pdf",
        "--config",
        config.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("bulletin id \"../../escaped\" must be [a-z0-9-] only"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("escaped.json").exists() && !out_dir.exists());

    let out = bulletin(&[
        "index",
        "--no-pdf",
        "--kind",
        "chronological",
        "--from",
        "2012-01-01",
        "--to",
        "2012-12-31",
        "--id",
        "../escaped",
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("must be [a-z0-9-] only"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("escaped.json").exists());
}
