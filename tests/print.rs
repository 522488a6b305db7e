//! Print and distribution, checked as a recipient would: the words of every description
//! can be found in the PDFs' text, the PDFs identify as PDF/A-2 and PDF/UA-1 with tags and
//! each entry's language, files are readable by others, booklets come out in saddle-stitch
//! order, `sha256sum -c` passes, and `bulletin package` zips what each agency receives.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, OnceLock};

use bulletin::issue::Issue;
use bulletin::render::saddle_stitch;
use hayro_syntax::object::{Dict, Object};

use crate::common::{bulletin, poppler};

/// One build of the sample intake with booklets, shared by the tests of this module.
fn built() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    crate::common::built_once(&DIR, &["--booklet"])
}

const QUARTERS: [&str; 2] = ["2012-Q1", "2012-Q2"];

/// The sample configuration's bulletin ids.
fn bulletin_ids() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/bulletins.toml");
    let config = bulletin::config::Config::load(&path).expect("sample configuration");
    config.bulletins.iter().map(|b| b.id().to_owned()).collect()
}

/// Every bulletin of a quarter folder: id → (issue, PDF bytes).
fn bulletins(quarter: &str) -> BTreeMap<String, (Issue, Vec<u8>)> {
    let dir = built().join(quarter);
    let ids = bulletin_ids();
    assert_eq!(ids.len(), 9);
    ids.into_iter()
        .map(|id| {
            let json = std::fs::read(dir.join(format!("{id}.json"))).unwrap();
            let issue: Issue = serde_json::from_slice(&json).unwrap();
            let pdf = std::fs::read(dir.join(format!("{id}.pdf"))).unwrap();
            (id, (issue, pdf))
        })
        .collect()
}

#[test]
fn every_word_of_every_description_is_whole_in_the_text_layer() {
    let mut words = 0;
    for quarter in QUARTERS {
        for (id, (issue, pdf)) in bulletins(quarter) {
            let raw = poppler("pdftotext", &["-enc", "UTF-8"], &pdf);
            // A soft hyphen may only stand where a word was broken: before the line end.
            let chars: Vec<char> = raw.chars().collect();
            for (i, w) in chars.windows(2).enumerate() {
                if w[0] == '\u{ad}' && w[1] != '\n' {
                    let around: String = chars[i.saturating_sub(20)..(i + 20).min(chars.len())]
                        .iter()
                        .collect();
                    panic!("{quarter}/{id}: soft hyphen inside a word: {around:?}");
                }
            }
            let text = raw.replace(['\u{a0}', '\u{2060}'], " ");
            let joined = text.replace("\u{ad}\n", "");
            // A word broken at a line end after a dash or slash it really has
            // (`sosial-iqtisadi`, `7–8`), or one Typst broke with a visible hyphen.
            let mut kept_hyphen = joined.clone();
            for dash in ["-", "–", "—", "/"] {
                kept_hyphen = kept_hyphen.replace(&format!("{dash}\n"), dash);
            }
            let dropped_hyphen = joined.replace("-\n", "");
            for entry in issue.entries() {
                for word in entry
                    .description
                    .replace(['\u{a0}', '\u{2060}'], " ")
                    .split_whitespace()
                {
                    words += 1;
                    // pdftotext itself joins a word broken after its own hyphen and drops
                    // the hyphen (`IRS-` + `Наследие` reads `IRSНаследие`).
                    let dehyphenated =
                        word.contains('-') && joined.contains(&word.replace('-', ""));
                    assert!(
                        joined.contains(word)
                            || kept_hyphen.contains(word)
                            || dropped_hyphen.contains(word)
                            || dehyphenated,
                        "{quarter}/{id}, entry {}: {word:?} is not whole in the PDF text",
                        entry.number
                    );
                }
            }
        }
    }
    assert!(words > 10_000, "only {words} words checked");
}

/// The catalogue's `/Lang` and every structure element's type and `/Lang`, in tree order.
fn structure(pdf: &[u8]) -> (Option<String>, Vec<(String, Option<String>)>) {
    let pdf = hayro_syntax::Pdf::new(Arc::new(pdf.to_vec())).expect("a readable PDF");
    let xref = pdf.xref();
    let catalog: Dict = xref.get(xref.root_id()).expect("catalogue");
    let text = |s: hayro_syntax::object::String| String::from_utf8_lossy(s.as_bytes()).into_owned();
    let lang = catalog
        .get::<hayro_syntax::object::String>(b"Lang")
        .map(text);
    let tree: Dict = catalog
        .get(b"StructTreeRoot")
        .expect("no StructTreeRoot: untagged");
    let mut elements = Vec::new();
    let mut pending: Vec<Object> = tree.get::<Object>(b"K").into_iter().collect();
    while let Some(kid) = pending.pop() {
        match kid {
            Object::Array(array) => {
                let mut kids: Vec<Object> = array.iter::<Object>().collect();
                kids.reverse();
                pending.extend(kids);
            }
            Object::Dict(dict) => {
                if let Some(kind) = dict.get::<hayro_syntax::object::Name>(b"S") {
                    let lang = dict.get::<hayro_syntax::object::String>(b"Lang").map(text);
                    elements.push((kind.as_str().to_owned(), lang));
                }
                if let Some(k) = dict.get::<Object>(b"K") {
                    pending.push(k);
                }
            }
            _ => {}
        }
    }
    (lang, elements)
}

#[test]
fn pdfa_and_pdfua_identified_tagged_with_each_entry_language() {
    for (id, (issue, pdf)) in bulletins("2012-Q1") {
        let raw = String::from_utf8_lossy(&pdf);
        for (key, value) in [("pdfaid:part", "2"), ("pdfuaid:part", "1")] {
            assert!(
                raw.contains(&format!("<{key}>{value}</{key}>"))
                    || raw.contains(&format!("{key}=\"{value}\"")),
                "{id}: no {key} {value} in the XMP"
            );
        }
        let (lang, elements) = structure(&pdf);
        assert_eq!(lang.as_deref(), Some("az"), "{id}: document language");
        // Headings start at level 1 and never skip a level.
        let mut deepest = 0;
        for (kind, _) in &elements {
            if let Some(level) = kind.strip_prefix('H').and_then(|l| l.parse::<usize>().ok()) {
                assert!(level <= deepest + 1, "{id}: H{level} after H{deepest}");
                deepest = deepest.max(level);
            }
        }
        // Every entry is a paragraph announced in its own language; Azerbaijani ones
        // inherit the document's.
        // So are an annotated bulletin's annotations and the list of abbreviations' items.
        let mut expected: BTreeMap<String, usize> = BTreeMap::new();
        let annotations = issue
            .entries()
            .filter(|e| issue.front.annotated && e.annotation.is_some())
            .map(|e| e.lang.as_str());
        let abbreviations = issue
            .front
            .abbreviations
            .iter()
            .flat_map(|a| &a.items)
            .map(|i| i.lang.as_str());
        let paragraphs = issue
            .entries()
            .map(|e| e.lang.as_str())
            .chain(annotations)
            .chain(abbreviations);
        for lang in paragraphs {
            let lang = bulletin::render::typst_lang(lang);
            if lang != "az" {
                *expected.entry(lang).or_default() += 1;
            }
        }
        let mut found: BTreeMap<String, usize> = BTreeMap::new();
        for (kind, lang) in &elements {
            if let Some(lang) = lang.as_ref().filter(|l| *l != "az") {
                assert_eq!(kind, "P", "{id}: {lang} on a {kind}");
                *found.entry(lang.clone()).or_default() += 1;
            }
        }
        assert_eq!(found, expected, "{id}: paragraphs per language");
        assert!(
            expected.contains_key("ru"),
            "{id}: no Russian entries to check"
        );
    }
    let info = poppler("pdfinfo", &[], &bulletins("2012-Q2")["culture"].1);
    assert!(info.contains("Tagged:          yes"), "{info}");
}

/// Runs an accessibility checker from the Python Package Index (`pdfua`, `outloud`;
/// `.ci/run` installs them). Skips with a message on a machine without them, except in CI.
fn checker(program: &str, args: &[&str], files: &[PathBuf]) {
    let run = Command::new(program).args(args).args(files).output();
    let Ok(output) = run else {
        assert!(
            std::env::var_os("CI").is_none(),
            "{program} is not installed (.ci/run installs it)"
        );
        eprintln!("skipped: {program} not installed (pip install pdfua outloud)");
        return;
    };
    assert!(
        output.status.success(),
        "{program} found problems:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn independent_checkers_pass_the_pdfs() {
    let files: Vec<PathBuf> = ["foreign-policy", "culture", "law"]
        .iter()
        .map(|id| built().join("2012-Q1").join(format!("{id}.pdf")))
        .collect();
    checker("pdfua", &["check"], &files);
    checker("outloud", &["--fail-on", "error"], &files);
}

/// Runs the binary under a shell that sets `umask` first.
fn bulletin_with_umask(umask: &str, args: &[&str]) -> std::process::Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_bulletin"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("sh runs")
}

#[test]
#[cfg(unix)]
fn files_get_the_mode_the_umask_allows() {
    use std::os::unix::fs::PermissionsExt;
    for (umask, mode) in [("022", 0o644), ("027", 0o640)] {
        let dir = tempfile::tempdir().unwrap();
        let out = bulletin_with_umask(
            umask,
            &[
                "build",
                "--quarter",
                "2012-Q1",
                "--out",
                dir.path().to_str().unwrap(),
            ],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let folder = dir.path().join("2012-Q1");
        let mut checked = 0;
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let actual = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(actual, mode, "{} under umask {umask}", path.display());
            checked += 1;
        }
        assert!(checked >= 20, "{checked} files");
        let undated = dir.path().join("undated.json");
        let actual = std::fs::metadata(&undated).unwrap().permissions().mode() & 0o777;
        assert_eq!(actual, mode, "undated.json under umask {umask}");
    }
}

/// The page number printed at the foot of one half of a booklet side (`None`: no number).
fn printed_number(booklet: &Path, side: usize, right: bool) -> Option<usize> {
    // A landscape A4 side is 842 × 595 pt; each half is 421 pt wide, the A5 page's foot
    // (its page number) lies in the bottom 50 pt.
    let x = if right { "421" } else { "0" };
    let side = side.to_string();
    let args = [
        "-f", &side, "-l", &side, "-x", x, "-y", "545", "-W", "421", "-H", "50", "-enc", "UTF-8",
    ];
    let text = poppler("pdftotext", &args, &std::fs::read(booklet).unwrap());
    let text = text.trim();
    (!text.is_empty() && text.chars().all(|c| c.is_ascii_digit())).then(|| text.parse().unwrap())
}

/// The page number printed at the foot of a page of an A5 bulletin (`None`: no number).
fn a5_number(pdf: &Path, page: usize) -> Option<usize> {
    let page = page.to_string();
    let args = [
        "-f", &page, "-l", &page, "-x", "0", "-y", "545", "-W", "420", "-H", "50", "-enc", "UTF-8",
    ];
    let text = poppler("pdftotext", &args, &std::fs::read(pdf).unwrap());
    let text = text.trim();
    (!text.is_empty() && text.chars().all(|c| c.is_ascii_digit())).then(|| text.parse().unwrap())
}

#[test]
fn booklets_print_in_saddle_stitch_order() {
    let dir = built().join("2012-Q1");
    for id in ["foreign-policy", "energy", "culture"] {
        let booklet = dir.join(format!("{id}.booklet.pdf"));
        let pdf = std::fs::read(dir.join(format!("{id}.pdf"))).unwrap();
        let info = poppler("pdfinfo", &[], &pdf);
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .expect("page count");
        let sides = saddle_stitch(pages);
        let booklet_info = poppler("pdfinfo", &[], &std::fs::read(&booklet).unwrap());
        assert!(
            booklet_info.contains(&format!("Pages:           {}", sides.len())),
            "{id}: {booklet_info}"
        );
        assert!(
            booklet_info.contains("841.89 x 595.276 pts"),
            "{id}: not landscape A4"
        );
        // Each half shows its A5 page's own folio (the pages that print one: not the title
        // page or its verso), and a padding blank none; a page prints its own number.
        let a5 = dir.join(format!("{id}.pdf"));
        let folios: Vec<Option<usize>> = (1..=pages).map(|p| a5_number(&a5, p)).collect();
        for (p, folio) in folios.iter().enumerate() {
            assert!(
                folio.is_none_or(|n| n == p + 1),
                "{id}: page {} prints {folio:?}",
                p + 1
            );
        }
        assert!(
            folios.iter().flatten().count() >= pages.saturating_sub(3),
            "{id}: {folios:?}"
        );
        let printed = |n: Option<usize>| n.and_then(|n| folios[n - 1]);
        for (i, side) in sides.iter().enumerate() {
            let got = (
                printed_number(&booklet, i + 1, false),
                printed_number(&booklet, i + 1, true),
            );
            assert_eq!(
                got,
                (printed(side.left), printed(side.right)),
                "{id}: side {} of {pages} pages",
                i + 1
            );
        }
        // The text stays searchable.
        let issue: Issue =
            serde_json::from_slice(&std::fs::read(dir.join(format!("{id}.json"))).unwrap())
                .unwrap();
        let text = poppler(
            "pdftotext",
            &["-enc", "UTF-8"],
            &std::fs::read(&booklet).unwrap(),
        )
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
        assert!(
            text.contains(&issue.title),
            "{id}: title not in the booklet's text"
        );
        let last = issue.entries().last().unwrap();
        let start: String = last.description.chars().take(12).collect();
        assert!(
            text.contains(start.split_whitespace().next().unwrap()),
            "{id}: last entry not in the booklet's text"
        );
    }
}

/// The sample configuration with `[library]` changed, for one-quarter builds.
fn config_with(dir: &Path, replace: &[(&str, &str)]) -> PathBuf {
    let mut text = std::fs::read_to_string(crate::common::data("../../data/bulletins.toml"))
        .expect("sample configuration");
    for (from, to) in replace {
        assert!(text.contains(from), "{from}");
        text = text.replace(from, to);
    }
    let path = dir.join("bulletins.toml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn booklet_setting_in_the_configuration_and_none_for_a4() {
    for (paper, booklets) in [("a5", 9), ("a4", 0)] {
        let dir = tempfile::tempdir().unwrap();
        let config = config_with(
            dir.path(),
            &[(
                "paper = \"a5\"",
                &format!("paper = \"{paper}\"\nbooklet = true"),
            )],
        );
        let out = dir.path().join("out");
        let run = bulletin(&[
            "build",
            "--quarter",
            "2012-Q1",
            "--config",
            config.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let found = std::fs::read_dir(out.join("2012-Q1"))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".booklet.pdf")
            })
            .count();
        assert_eq!(found, booklets, "{paper}");
    }
}

#[test]
fn sha256sum_checks_every_quarter_folder() {
    for quarter in QUARTERS {
        let dir = built().join(quarter);
        let out = Command::new("sha256sum")
            .args(["-c", "--strict", "SHA256SUMS"])
            .current_dir(&dir)
            .output()
            .expect("sha256sum runs");
        assert!(
            out.status.success(),
            "{quarter}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        let listed: Vec<String> = std::fs::read_to_string(dir.join("SHA256SUMS"))
            .unwrap()
            .lines()
            .map(|l| l.split_once("  ").unwrap().1.to_owned())
            .collect();
        let mut present: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| [".pdf", ".json", ".html"].iter().any(|x| n.ends_with(x)))
            .collect();
        present.sort();
        assert_eq!(listed, present, "{quarter}");
        // Every bulletin's PDF, booklet and JSON, and the exceptions report.
        for id in bulletin_ids() {
            for name in [
                format!("{id}.pdf"),
                format!("{id}.booklet.pdf"),
                format!("{id}.json"),
            ] {
                assert!(listed.contains(&name), "{quarter}: {name} not listed");
            }
        }
        assert!(listed.contains(&"exceptions.json".to_owned()), "{quarter}");
    }
}

/// The names and bytes of the files in a zip.
fn unzip(path: &Path) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            (file.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

#[test]
fn package_zips_each_recipients_bulletins_with_a_letter() {
    let out = bulletin(&[
        "package",
        "--quarter",
        "2012-Q1",
        "--out",
        built().to_str().unwrap(),
    ]);
    let table = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let quarter = built().join("2012-Q1");
    let folder = quarter.join("packages");
    let distribution = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/distribution.toml"),
    )
    .unwrap();
    let recipients: toml::Value = toml::from_str(&distribution).unwrap();
    let recipients = recipients["recipient"].as_array().unwrap();
    assert!(recipients.len() >= 3);
    for r in recipients {
        let id = r["id"].as_str().unwrap();
        let name = r["name"].as_str().unwrap();
        let wanted: Vec<&str> = r["bulletins"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b.as_str().unwrap())
            .collect();
        let files = unzip(&folder.join(format!("{id}.zip")));
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        let mut expected = vec!["covering-letter.pdf".to_owned()];
        expected.extend(wanted.iter().map(|b| format!("{b}.pdf")));
        assert_eq!(names, expected, "{id}");
        for (name, bytes) in &files[1..] {
            assert!(
                *bytes == std::fs::read(quarter.join(name)).unwrap(),
                "{id}: {name} differs from the build"
            );
        }
        let letter = &files[0].1;
        assert!(
            poppler("pdfinfo", &[], letter).contains("Pages:           1"),
            "{id}"
        );
        let text = poppler("pdftotext", &["-enc", "UTF-8"], letter)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.contains(name),
            "{id}: recipient not in the letter: {text}"
        );
        assert!(text.contains("2012, № 1 (yanvar–mart)"), "{id}: {text}");
        for b in &wanted {
            let issue: Issue =
                serde_json::from_slice(&std::fs::read(quarter.join(format!("{b}.json"))).unwrap())
                    .unwrap();
            let pdf = std::fs::read(quarter.join(format!("{b}.pdf"))).unwrap();
            let pages = poppler("pdfinfo", &[], &pdf)
                .lines()
                .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().to_owned()))
                .unwrap();
            let row = format!("{pages} {}", issue.entry_count());
            assert!(
                text.contains(&issue.title),
                "{id}: {} not listed",
                issue.title
            );
            assert!(text.contains(&row), "{id}: {b} without {row}: {text}");
            // The printed table names the recipient, the bulletin and the same counts.
            assert!(
                table.lines().any(|l| {
                    let cols: Vec<&str> = l.split_whitespace().collect();
                    cols == [id, b, pages.as_str(), &issue.entry_count().to_string()]
                }),
                "{id} {b} not in the table:\n{table}"
            );
        }
    }
    let sums = Command::new("sha256sum")
        .args(["-c", "--strict", "SHA256SUMS"])
        .current_dir(&folder)
        .output()
        .unwrap();
    assert!(
        sums.status.success(),
        "{}",
        String::from_utf8_lossy(&sums.stdout)
    );
}

/// Runs `bulletin package` on a distribution list written to a temporary file.
fn package_with(list: &str, out: &Path) -> (std::process::Output, PathBuf) {
    let dir = tempfile::tempdir().unwrap().keep();
    let path = dir.join("distribution.toml");
    std::fs::write(&path, list).unwrap();
    let run = bulletin(&[
        "package",
        "--quarter",
        "2012-Q1",
        "--distribution",
        path.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    (run, path)
}

#[test]
fn package_errors_name_the_place_and_write_nothing() {
    let good = "[[recipient]]\nid = \"mfa\"\nname = \"Xarici İşlər Nazirliyi\"\nbulletins = [\"foreign-policy\", \"law\"]\n";
    let cases = [
        (
            good.replace("\"law\"", "\"laws\""),
            4,
            32,
            "unknown bulletin \"laws\"",
        ),
        (
            format!("{good}\n{good}"),
            7,
            6,
            "duplicate recipient id \"mfa\"",
        ),
        (
            good.replace("\"law\"", "\"foreign-policy\""),
            4,
            32,
            "listed twice",
        ),
        (good.replace("name =", "nmae ="), 3, 1, "nmae"),
    ];
    let empty = tempfile::tempdir().unwrap();
    for (list, line, col, message) in cases {
        let (run, path) = package_with(&list, empty.path());
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{stderr}");
        let place = format!("{}:{line}:{col}:", path.display());
        assert!(
            stderr.contains(&place) && stderr.contains(message),
            "want {place} {message}: {stderr}"
        );
    }
    // A quarter that was not built: the error names the list's entry and the missing file.
    let (run, path) = package_with(good, empty.path());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("{}:4:14:", path.display()))
            && stderr.contains("foreign-policy.json"),
        "{stderr}"
    );
    assert!(
        !empty.path().join("2012-Q1/packages").exists(),
        "something was written"
    );
}

/// Regression: a build without booklets left an earlier build's booklets beside PDFs they no
/// longer matched (and listed them in SHA256SUMS).
#[test]
fn a_build_without_booklets_removes_earlier_ones() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let build = |extra: &[&str]| {
        let mut args = vec!["build", "--quarter", "2012-Q1", "--no-html", "--out", out];
        args.extend_from_slice(extra);
        crate::common::bulletin_ok(&args);
    };
    build(&["--booklet"]);
    let booklet = dir.path().join("2012-Q1/energy.booklet.pdf");
    assert!(booklet.exists());
    build(&[]);
    assert!(!booklet.exists(), "the old booklet is gone");
    let sums = std::fs::read_to_string(dir.path().join("2012-Q1/SHA256SUMS")).unwrap();
    assert!(!sums.contains("booklet"), "{sums}");
}
