//! The web edition read back as a browser's tokenizer reads it: every `id` unique, every
//! internal link resolving, `lang` on the root and on entries in another language, the
//! ordered lists' numbers equal to the entry numbers, headings in order, values from the
//! data printed as text; the build's pages, index, search index and statistics; the
//! statistics' figures against the documents. (The real-browser test is
//! `tests/web/browser_test.py`, run by `.ci/run`.)

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use bulletin::issue::{Issue, Style};
use bulletin::stats::Statistics;
use bulletin::web::{Links, Web, fold::fold};
use html5gum::{DefaultEmitter, Token, Tokenizer};

use crate::common::{bulletin, data, sample_issue, templates_dir};

/// A title with every character that is markup in HTML.
const HOSTILE: &str = r#"<script>alert("x")</script> & "quoted" <b>"#;

/// One element's start tag, as the tokenizer saw it.
#[derive(Debug, Clone)]
struct Tag {
    name: String,
    attributes: BTreeMap<String, String>,
}

impl Tag {
    fn get(&self, name: &str) -> Option<&str> {
        self.attributes.get(name).map(String::as_str)
    }
}

/// The page's start tags and text; fails on any tokenizer (conformance) error.
struct Parsed {
    tags: Vec<Tag>,
    text: String,
}

fn parse(html: &str) -> Parsed {
    let mut emitter = DefaultEmitter::<()>::default();
    emitter.naively_switch_states(true);
    let mut tags = Vec::new();
    let mut text = String::new();
    for token in Tokenizer::new_with_emitter(html, emitter) {
        match token.expect("infallible") {
            Token::StartTag(tag) => tags.push(Tag {
                name: String::from_utf8_lossy(&tag.name).into_owned(),
                attributes: tag
                    .attributes
                    .iter()
                    .map(|(k, v)| {
                        (
                            String::from_utf8_lossy(k).into_owned(),
                            String::from_utf8_lossy(v).into_owned(),
                        )
                    })
                    .collect(),
            }),
            Token::String(s) => text.push_str(&String::from_utf8_lossy(&s)),
            Token::Error(e) => panic!("HTML error: {:?}", *e),
            _ => {}
        }
    }
    Parsed { tags, text }
}

impl Parsed {
    fn ids(&self) -> Vec<&str> {
        self.tags.iter().filter_map(|t| t.get("id")).collect()
    }

    fn all(&self, name: &str) -> impl Iterator<Item = &Tag> {
        self.tags.iter().filter(move |t| t.name == name)
    }
}

fn web() -> Web {
    Web::new(&templates_dir().join("web")).expect("the shipped web templates load")
}

/// The sample issue with hostile text in its title, a section title and an entry title.
fn hostile_issue() -> Issue {
    let mut issue = sample_issue();
    issue.title = HOSTILE.to_string();
    issue.sections[0].title = format!("Bölmə {HOSTILE}");
    let entry = &mut issue.sections[0].groups[0].entries[0];
    assert!(
        entry.description.runs().any(|r| r.style == Style::Title),
        "a title run"
    );
    entry.description = entry.description.map_runs(|r| {
        if r.style == Style::Title {
            HOSTILE.into()
        } else {
            r.text.into()
        }
    });
    issue
}

/// The checks every page passes: unique ids, internal links resolving, a root `lang`,
/// headings that never skip a level, and the landmarks.
fn check_page(html: &str) -> Parsed {
    let page = parse(html);
    let ids = page.ids();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids: {ids:?}");
    for a in page.all("a") {
        if let Some(target) = a.get("href").and_then(|h| h.strip_prefix('#')) {
            assert!(
                unique.contains(target),
                "link to #{target} resolves nowhere"
            );
        }
    }
    let root = page.all("html").next().expect("an html element");
    assert!(
        root.get("lang").is_some_and(|l| !l.is_empty()),
        "lang on the root"
    );
    let mut level = 0;
    for tag in &page.tags {
        if let Some(n) = tag
            .name
            .strip_prefix('h')
            .and_then(|n| n.parse::<u32>().ok())
        {
            assert!(n <= level + 1, "h{n} after h{level}");
            level = n;
        }
    }
    assert_eq!(page.all("h1").count(), 1, "one h1");
    for landmark in ["header", "nav", "main", "footer"] {
        assert!(page.all(landmark).next().is_some(), "a <{landmark}>");
    }
    assert!(
        page.all("a").any(|a| a.get("class") == Some("skip")),
        "a skip link"
    );
    assert!(
        page.all("link")
            .chain(page.all("img"))
            .chain(page.all("script"))
            .all(|t| t
                .get("href")
                .or(t.get("src"))
                .is_none_or(|u| !u.contains("//"))),
        "no request to elsewhere"
    );
    page
}

#[test]
fn bulletin_page_structure_numbers_and_languages() {
    let issue = sample_issue();
    let html = web()
        .issue_page(
            &issue,
            &Links {
                pdf: Some("x.pdf".into()),
                booklet: None,
            },
        )
        .expect("a page");
    let page = check_page(&html);
    assert_eq!(
        page.all("html").next().and_then(|t| t.get("lang")),
        Some("az")
    );
    assert!(
        page.all("script").next().is_none(),
        "readable without scripts"
    );
    // Every entry is a list item whose number (`value`) is its entry number, in order,
    // each list starting at its first entry; the language is marked where it differs.
    let mut numbers = Vec::new();
    let mut tags = page.tags.iter().peekable();
    while let Some(tag) = tags.next() {
        if tag.name != "ol" || tag.get("class") != Some("entries") {
            continue;
        }
        let start: u32 = tag.get("start").expect("start").parse().expect("a number");
        let first = tags.peek().expect("an entry");
        assert_eq!(first.get("value"), Some(start.to_string().as_str()));
    }
    for li in page.all("li").filter(|t| t.get("value").is_some()) {
        let value: u32 = li.get("value").unwrap_or("").parse().expect("a number");
        assert_eq!(li.get("id"), Some(format!("e-{value}").as_str()));
        numbers.push((value, li.get("lang").map(str::to_string)));
    }
    let expected: Vec<(u32, Option<String>)> = issue
        .entries()
        .map(|e| (e.number, (e.lang != "az").then(|| e.lang.to_string())))
        .collect();
    assert_eq!(numbers, expected);
    // The name index and the periodicals link to the entries.
    for name in &issue.names {
        for n in &name.entries {
            assert!(html.contains(&format!("<a href=\"#e-{n}\">{n}</a>")));
        }
    }
    // The title page's texts head the page; the PDF is linked.
    for text in [
        &issue.front.library,
        &issue.front.series,
        &issue.front.issue_line,
        &issue.front.imprint,
    ] {
        assert!(page.text.contains(text.as_str()), "{text} on the page");
    }
    assert!(page.all("a").any(|a| a.get("href") == Some("x.pdf")));
    // A styled run: the heading (first author) in bold.
    let first = issue.entries().next().expect("an entry");
    assert!(html.contains(&format!(
        "<strong>{}</strong>",
        first.description.runs().next().expect("a run").text
    )));
}

#[test]
fn values_from_the_data_print_as_text() {
    let html = web()
        .issue_page(&hostile_issue(), &Links::default())
        .expect("a page");
    let page = check_page(&html);
    assert!(
        page.all("script").next().is_none(),
        "no script from the data"
    );
    assert!(page.all("b").next().is_none(), "no markup from the data");
    assert!(
        page.text.contains(HOSTILE),
        "the title shows its characters"
    );
    assert!(page.text.contains(&format!("Bölmə {HOSTILE}")));
    assert!(page.text.matches(HOSTILE).count() >= 4);
}

#[test]
fn a_template_error_names_the_file_and_line() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for name in bulletin::web::TEMPLATES {
        std::fs::copy(
            templates_dir().join("web").join(name),
            dir.path().join(name),
        )
        .expect("copied");
    }
    std::fs::write(
        dir.path().join("bulletin.html"),
        "<!DOCTYPE html>\n<p>\n{{ issue.title }\n",
    )
    .expect("written");
    let err = Web::new(dir.path()).err().expect("a syntax error");
    let message = err.to_string();
    assert!(
        message.starts_with(&format!(
            "{}:3: ",
            dir.path().join("bulletin.html").display()
        )),
        "{message}"
    );
    // A value the template asks for that the data lacks is an error too, not an empty text.
    std::fs::write(
        dir.path().join("bulletin.html"),
        "<p>\n{{ issue.subtitle }}\n",
    )
    .expect("written");
    let web = Web::new(dir.path()).expect("loads");
    let message = web
        .issue_page(&sample_issue(), &Links::default())
        .expect_err("undefined")
        .to_string();
    assert!(message.contains("bulletin.html:2: "), "{message}");
}

#[test]
fn search_folding_is_azerbaijani_and_accent_blind() {
    assert_eq!(fold("İSMAYILOV"), fold("İsmayılov"));
    assert_eq!(fold("Qasimov"), fold("QASIMOV"));
    assert_eq!(fold("ŞİRİNOVA"), "sirinova");
    assert_eq!(fold("Бакинский рабочий"), fold("БАКИНСКИЙ РАБОЧИЙ"));
    assert_eq!(fold("Пётр"), "петр");
}

/// The files a page links to, relative to the page, must exist; fragments must be ids of
/// the target page.
fn check_links(out: &Path, page: &Path) {
    let html = std::fs::read_to_string(page).expect("the page");
    let parsed = check_page(&html);
    let dir = page.parent().expect("a folder");
    for a in parsed.all("a") {
        let Some(href) = a.get("href") else { continue };
        let (file, fragment) = href.split_once('#').unwrap_or((href, ""));
        if file.is_empty() {
            continue;
        }
        let target = dir.join(file);
        assert!(
            target.is_file(),
            "{} links to {href}, which is missing",
            page.display()
        );
        assert!(target.starts_with(out) || file.starts_with("../"));
        if !fragment.is_empty() {
            let ids = parse(&std::fs::read_to_string(&target).expect("target")).tags;
            assert!(ids.iter().any(|t| t.get("id") == Some(fragment)));
        }
    }
}

fn build_into(out: &Path, extra: &[&str]) {
    let feeds = [
        data("rusmarc-articles.xml"),
        data("marc21-articles.xml"),
        data("asp-articles.txt"),
    ];
    let mut args: Vec<String> = vec!["build".into(), "--no-pdf".into()];
    for f in &feeds {
        args.push("--feed".into());
        args.push(f.display().to_string());
    }
    args.push("--out".into());
    args.push(out.display().to_string());
    args.extend(extra.iter().map(|s| (*s).to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = bulletin(&args);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
}

fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    for entry in walk(dir) {
        found.insert(
            entry.strip_prefix(dir).expect("inside").to_path_buf(),
            std::fs::read(&entry).expect("readable"),
        );
    }
    found
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            all.extend(walk(&path));
        } else if !path.ends_with(".bulletin.lock") {
            all.push(path);
        }
    }
    all.sort();
    all
}

#[test]
fn build_writes_pages_index_search_and_statistics() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("out");
    build_into(&out, &[]);
    let index = out.join("index.html");
    check_links(&out, &index);
    let quarters: Vec<PathBuf> = std::fs::read_dir(&out)
        .expect("out")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    assert!(!quarters.is_empty());
    let index_html = std::fs::read_to_string(&index).expect("index");
    let entries_seen: usize = quarters
        .iter()
        .map(|q| check_quarter(&out, q, &index_html))
        .sum();
    check_search_index(&out, entries_seen);
    // The same input gives the same bytes.
    let first = files(&out);
    build_into(&out, &[]);
    assert_eq!(files(&out), first);
    // --no-html writes the data and no pages.
    let bare = dir.path().join("bare");
    build_into(&bare, &["--no-html"]);
    let written = files(&bare);
    assert!(written.keys().any(|p| p.ends_with("statistics.json")));
    assert!(
        written
            .keys()
            .all(|p| p.extension().is_none_or(|e| e != "html")),
        "{:?}",
        written.keys()
    );
}

/// One quarter's folder of a build into `out`: listed in `index_html`, its pages' links
/// resolve, and its statistics agree with its documents, its exceptions report and what
/// `bulletin stats` prints. Returns its documents' entry count.
fn check_quarter(out: &Path, q: &Path, index_html: &str) -> usize {
    let mut entries_seen = 0;
    let name = q.file_name().and_then(|n| n.to_str()).expect("a name");
    assert!(
        index_html.contains(&format!("id=\"p-{name}\"")),
        "{name} listed"
    );
    let stats: Statistics =
        serde_json::from_slice(&std::fs::read(q.join("statistics.json")).expect("statistics.json"))
            .expect("statistics");
    check_links(out, &q.join("statistics.html"));
    // The figures agree with the documents and the exceptions report.
    let mut total = 0;
    for b in &stats.bulletins {
        let issue: Issue = serde_json::from_slice(
            &std::fs::read(q.join(format!("{}.json", b.bulletin))).expect("bulletin"),
        )
        .expect("issue");
        assert_eq!(b.entries.total as usize, issue.entry_count());
        total += b.entries.total;
        entries_seen += issue.entry_count();
        check_links(out, &q.join(format!("{}.html", b.bulletin)));
    }
    assert_eq!(stats.entries.total, total);
    let exceptions: serde_json::Value =
        serde_json::from_slice(&std::fs::read(q.join("exceptions.json")).expect("exceptions"))
            .expect("json");
    assert_eq!(
        u64::from(stats.records.read),
        exceptions["records"].as_u64().expect("records")
    );
    assert_eq!(
        stats.records.read,
        stats.records.placed + stats.records.excepted
    );
    assert_eq!(
        stats.records.by_cause.iter().map(|c| c.count).sum::<u32>(),
        stats.records.excepted
    );
    // `bulletin stats` prints the same figures.
    let printed = bulletin(&[
        "stats",
        "--quarter",
        name,
        "--feed",
        &data("rusmarc-articles.xml").display().to_string(),
        "--feed",
        &data("marc21-articles.xml").display().to_string(),
        "--feed",
        &data("asp-articles.txt").display().to_string(),
    ]);
    let printed = String::from_utf8_lossy(&printed.stdout);
    let read_line = printed
        .lines()
        .find(|l| l.starts_with("read "))
        .expect("a read line");
    assert!(read_line.ends_with(&format!(" {}", stats.records.read)));
    let all_line = printed
        .lines()
        .find(|l| l.starts_with("all bulletins"))
        .expect("a total line");
    assert!(
        all_line
            .split_whitespace()
            .any(|w| w == stats.entries.total.to_string())
    );
    entries_seen
}

/// The search index of a build into `out` lists every entry of every page (`entries_seen`
/// in all), each linking to an existing entry under its folded text.
fn check_search_index(out: &Path, entries_seen: usize) {
    let search: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("search-index.json")).expect("index"))
            .expect("json");
    let documents = search["documents"].as_array().expect("documents");
    let entries = search["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), entries_seen);
    for e in entries.iter().step_by(7) {
        let document = usize::try_from(e[0].as_u64().expect("doc")).expect("a document index");
        let href = documents[document]["href"].as_str().expect("href");
        let page = std::fs::read_to_string(out.join(href)).expect("page");
        assert!(page.contains(&format!("id=\"e-{}\"", e[1])));
        assert!(
            e[2].as_str()
                .expect("key")
                .starts_with(&fold(e[3].as_str().expect("text")))
        );
    }
}

#[test]
fn a_year_has_its_quarters_side_by_side() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("out");
    build_into(&out, &["--year", "2012", "--cumulate"]);
    let year: Statistics = serde_json::from_slice(
        &std::fs::read(out.join("2012/statistics.json")).expect("statistics"),
    )
    .expect("statistics");
    assert_eq!(year.quarters.len(), 4);
    let sum = |f: &dyn Fn(&Statistics) -> u32| year.quarters.iter().map(f).sum::<u32>();
    assert_eq!(year.records.read, sum(&|q| q.records.read));
    assert_eq!(year.entries.total, sum(&|q| q.entries.total));
    assert_eq!(year.entries.az.count, sum(&|q| q.entries.az.count));
    check_links(&out, &out.join("2012/statistics.html"));
    check_links(&out, &out.join("index.html"));
    let index = std::fs::read_to_string(out.join("index.html")).expect("index");
    assert!(index.contains("2012&#x2f;statistics.html") || index.contains("2012/statistics.html"));
}
