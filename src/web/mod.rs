//! The web edition: each document as an HTML page, the folder's `index.html` with a search
//! across every issue, and the statistics pages, from the same [`Issue`] data as the PDFs.
//!
//! Pages are rendered by `minijinja` from the editable templates in `templates/web/`
//! (loaded once per run; a template error names its file and line). Auto-escaping is on for
//! every `.html` template, so every value from the data prints as text: a title with
//! `<script>`, `"` or `&` shows those characters. The templates receive views computed here
//! (heading levels, which entries need their own `lang`, which files to link), so the rules
//! live in Rust and the templates only lay out. A page is self-contained: CSS inlined, no
//! fonts or requests from elsewhere, readable without scripts; the one script (the search
//! in `index.html`) reads `search-index.json` beside it, whose text is folded by
//! [`fold::fold`] exactly as the script folds the query.
//!
//! The index lists what the folder holds, not what this run built: [`Web::publish`] reads
//! every document JSON under the output folder, so earlier builds stay listed. Every file is
//! written atomically; the same data and files give the same bytes.

pub mod chart;
pub mod fold;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use minijinja::{Environment, UndefinedBehavior};
use serde::Serialize;

use crate::collate::LanguageGroup;
use crate::issue::{Description, DocumentKind, Issue, NameEntry, Periodical};
use crate::output::{OutputError, write_atomic};
use crate::period::Period;
use crate::stats::Statistics;
use chart::{ChartError, GROUP_COLORS, Series};

/// The templates a run loads from `templates/web/`, by file name.
pub const TEMPLATES: [&str; 6] = [
    "_head.html",
    "bulletin.html",
    "index.html",
    "statistics.html",
    "style.css",
    "search.js",
];

/// The search index's file name, beside `index.html`.
pub const SEARCH_INDEX: &str = "search-index.json";

/// Why a page could not be made.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// A template file that cannot be read.
    #[error("cannot read the web template {}: {source}", path.display())]
    Read {
        /// The template file.
        path: PathBuf,
        /// Why the operating system refused.
        #[source]
        source: std::io::Error,
    },
    /// A template's syntax or rendering error, at its file and line.
    #[error("{}:{line}: {message}", file.display())]
    Template {
        /// The template file (`?` in place of the name when the engine gives none).
        file: PathBuf,
        /// 1-based line in it; 0 when the engine gives none.
        line: usize,
        /// The engine's kind of error and its detail.
        message: String,
    },
    /// A statistics chart that could not be drawn.
    #[error(transparent)]
    Chart(#[from] ChartError),
    /// A page or the search index that could not be written.
    #[error(transparent)]
    Output(#[from] OutputError),
}

/// The loaded templates of one run.
pub struct Web {
    env: Environment<'static>,
    dir: PathBuf,
}

impl Web {
    /// Loads and compiles the templates in `dir` (`templates/web`).
    pub fn new(dir: &Path) -> Result<Web, WebError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        for name in TEMPLATES {
            let path = dir.join(name);
            let source = std::fs::read_to_string(&path).map_err(|source| WebError::Read {
                path: path.clone(),
                source,
            })?;
            env.add_template_owned(name, source)
                .map_err(|e| template_error(dir, &e))?;
        }
        Ok(Web {
            env,
            dir: dir.to_path_buf(),
        })
    }

    fn render(&self, name: &str, context: impl Serialize) -> Result<String, WebError> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| template_error(&self.dir, &e))?;
        let mut html = template
            .render(context)
            .map_err(|e| template_error(&self.dir, &e))?;
        if !html.ends_with('\n') {
            html.push('\n');
        }
        Ok(html)
    }

    /// The page of one document; `links` says which sibling files it links to.
    pub fn issue_page(&self, issue: &Issue, links: &Links) -> Result<String, WebError> {
        self.render("bulletin.html", IssuePage::new(issue, links))
    }

    /// Writes `dir/<id>.html` for the document, linking the PDF and booklet found beside it.
    pub fn write_issue(&self, issue: &Issue, dir: &Path) -> Result<PathBuf, WebError> {
        let links = Links::beside(dir, &issue.bulletin);
        let path = dir.join(format!("{}.html", issue.bulletin));
        write_atomic(&path, self.issue_page(issue, &links)?.as_bytes())?;
        Ok(path)
    }

    /// The statistics page of a quarter or a year, with its charts.
    pub fn statistics_page(&self, statistics: &Statistics) -> Result<String, WebError> {
        self.render("statistics.html", StatisticsPage::new(statistics)?)
    }

    /// Writes `dir/statistics.html`.
    pub fn write_statistics(
        &self,
        statistics: &Statistics,
        dir: &Path,
    ) -> Result<PathBuf, WebError> {
        let path = dir.join("statistics.html");
        write_atomic(&path, self.statistics_page(statistics)?.as_bytes())?;
        Ok(path)
    }

    /// Writes `out/index.html` and `out/search-index.json` for every document in the folder
    /// (`order`: bulletin ids in configuration order, for the documents of one period).
    pub fn publish(&self, out: &Path, order: &[&str]) -> Result<Published, WebError> {
        let found = scan(out);
        let catalogue = Catalogue::new(out, &found, order);
        let index = SearchIndex::new(&catalogue, &found);
        let json = serde_json::to_vec(&index).map_err(|e| OutputError {
            path: out.join(SEARCH_INDEX),
            source: std::io::Error::from(e),
        })?;
        write_atomic(&out.join(SEARCH_INDEX), &json)?;
        let html = self.render("index.html", &catalogue)?;
        write_atomic(&out.join("index.html"), html.as_bytes())?;
        Ok(Published {
            documents: index.documents.len(),
            entries: index.entries.len(),
            path: out.join("index.html"),
        })
    }
}

/// What [`Web::publish`] listed.
#[derive(Debug)]
pub struct Published {
    /// Documents found in the folder and listed, of every period.
    pub documents: usize,
    /// Entries in the search index, over every document.
    pub entries: usize,
    /// The written `index.html`.
    pub path: PathBuf,
}

fn template_error(dir: &Path, e: &minijinja::Error) -> WebError {
    let mut message = e.kind().to_string();
    if let Some(detail) = e.detail() {
        message.push_str(": ");
        message.push_str(detail);
    }
    WebError::Template {
        file: dir.join(e.name().unwrap_or("?")),
        line: e.line().unwrap_or(0),
        message,
    }
}

/// The sibling files a document's page links to (relative to its folder).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Links {
    /// The document's PDF (`<id>.pdf`), when it exists.
    pub pdf: Option<String>,
    /// Its booklet ([`crate::output::booklet_path`]), when it exists.
    pub booklet: Option<String>,
}

impl Links {
    /// The PDF and booklet of `id` that exist in `dir`, as file names relative to it.
    pub fn beside(dir: &Path, id: &str) -> Links {
        let existing = |path: PathBuf| {
            path.is_file()
                .then(|| path.file_name().map(|n| n.to_string_lossy().into_owned()))
                .flatten()
        };
        let pdf = dir.join(format!("{id}.pdf"));
        Links {
            booklet: existing(crate::output::booklet_path(&pdf)),
            pdf: existing(pdf),
        }
    }
}

/// The language to mark on an entry: its own when it differs from the page's.
fn differing_lang<'a>(entry_lang: &'a str, page_lang: &str) -> Option<&'a str> {
    let entry = entry_lang.trim();
    (!entry.is_empty() && !entry.eq_ignore_ascii_case(page_lang)).then_some(entry)
}

#[derive(Serialize)]
struct IssuePage<'a> {
    issue: &'a Issue,
    lang: &'a str,
    links: &'a Links,
    sections: Vec<SectionView<'a>>,
    names: &'a [NameEntry],
    periodicals: &'a [Periodical],
}

#[derive(Serialize)]
struct SectionView<'a> {
    /// `s-1`, `s-2` … in document order.
    id: String,
    /// Nesting in the contents (1, 2).
    level: u8,
    /// The HTML heading level (`h2` for level 1).
    heading: u8,
    title: &'a str,
    groups: Vec<GroupView<'a>>,
}

#[derive(Serialize)]
struct GroupView<'a> {
    /// Empty in an index (no subheading then).
    title: &'a str,
    heading: u8,
    /// The first entry's number (the list's `start`).
    start: u32,
    entries: Vec<EntryView<'a>>,
}

#[derive(Serialize)]
struct EntryView<'a> {
    number: u32,
    /// Set when the entry's language differs from the page's.
    lang: Option<&'a str>,
    runs: &'a Description,
}

impl<'a> IssuePage<'a> {
    fn new(issue: &'a Issue, links: &'a Links) -> IssuePage<'a> {
        let lang = issue.front.language.as_str();
        let sections = issue
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let level = s.level.clamp(1, 4);
                SectionView {
                    id: format!("s-{}", i + 1),
                    level,
                    heading: level + 1,
                    title: &s.title,
                    groups: s
                        .groups
                        .iter()
                        .map(|g| GroupView {
                            title: &g.heading,
                            heading: level + 2,
                            start: g.entries.first().map_or(1, |e| e.number),
                            entries: g
                                .entries
                                .iter()
                                .map(|e| EntryView {
                                    number: e.number,
                                    lang: differing_lang(&e.lang, lang),
                                    runs: &e.description,
                                })
                                .collect(),
                        })
                        .collect(),
                }
            })
            .collect();
        IssuePage {
            issue,
            lang,
            links,
            sections,
            names: &issue.names,
            periodicals: &issue.periodicals,
        }
    }
}

/// A document found in the output folder.
struct Found {
    /// Its folder under the output folder (`2012-Q1`, `2012`, `indexes`).
    folder: String,
    issue: Issue,
}

/// Every document JSON one level under `out`, folders and files in name order; files that
/// are not documents (exceptions, statistics) are passed over.
fn scan(out: &Path) -> Vec<Found> {
    let mut found = Vec::new();
    for folder in sorted_entries(out) {
        if !folder.is_dir() {
            continue;
        }
        let Some(name) = folder.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        for file in sorted_entries(&folder) {
            if file.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let Ok(bytes) = std::fs::read(&file) else {
                continue;
            };
            if let Ok(issue) = serde_json::from_slice::<Issue>(&bytes) {
                found.push(Found {
                    folder: name.to_string(),
                    issue,
                });
            }
        }
    }
    found
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    paths
}

#[derive(Serialize)]
struct Catalogue {
    library: String,
    parent: Option<String>,
    /// Quarters and years, newest first.
    periods: Vec<PeriodView>,
    indexes: Vec<DocumentView>,
    search_index: &'static str,
}

#[derive(Serialize)]
struct PeriodView {
    /// `2012-Q1`, `2012`: the folder and the heading's id.
    key: String,
    series: String,
    line: String,
    statistics: Option<String>,
    documents: Vec<DocumentView>,
}

#[derive(Serialize, Clone)]
struct DocumentView {
    title: String,
    line: String,
    entries: usize,
    html: Option<String>,
    pdf: Option<String>,
    booklet: Option<String>,
    /// Position in the list the search index refers to.
    #[serde(skip)]
    found: usize,
}

/// Newest first: a year's volume before its fourth quarter.
fn period_rank(period: Period) -> (i32, u32) {
    match period {
        Period::Quarter(q) => (q.year, q.number),
        other => (other.year(), 5),
    }
}

impl Catalogue {
    fn new(out: &Path, found: &[Found], order: &[&str]) -> Catalogue {
        let position = |id: &str| order.iter().position(|o| *o == id).unwrap_or(order.len());
        let mut periods: BTreeMap<(std::cmp::Reverse<(i32, u32)>, String), PeriodView> =
            BTreeMap::new();
        let mut indexes = Vec::new();
        let mut library = (String::new(), None);
        for (i, f) in found.iter().enumerate() {
            let issue = &f.issue;
            if library.0.is_empty() {
                library = (issue.front.library.clone(), issue.front.parent.clone());
            }
            let dir = out.join(&f.folder);
            let links = Links::beside(&dir, &issue.bulletin);
            let href = |name: &str| format!("{}/{name}", f.folder);
            let html = format!("{}.html", issue.bulletin);
            let document = DocumentView {
                title: issue.title.clone(),
                line: issue.front.issue_line.clone(),
                entries: issue.entry_count(),
                html: dir.join(&html).is_file().then(|| href(&html)),
                pdf: links.pdf.as_deref().map(href),
                booklet: links.booklet.as_deref().map(href),
                found: i,
            };
            match issue.kind {
                DocumentKind::Quarterly | DocumentKind::Annual => {
                    let key = (
                        std::cmp::Reverse(period_rank(issue.period)),
                        f.folder.clone(),
                    );
                    let period = periods.entry(key).or_insert_with(|| PeriodView {
                        key: f.folder.clone(),
                        series: issue.front.series.clone(),
                        line: issue.front.issue_line.clone(),
                        statistics: dir
                            .join("statistics.html")
                            .is_file()
                            .then(|| href("statistics.html")),
                        documents: Vec::new(),
                    });
                    period.documents.push(document);
                }
                DocumentKind::Chronological | DocumentKind::Subject => indexes.push(document),
            }
        }
        let mut periods: Vec<PeriodView> = periods.into_values().collect();
        for p in &mut periods {
            p.documents.sort_by_key(|d| {
                let id = &found[d.found].issue.bulletin;
                (position(id), id.clone())
            });
        }
        Catalogue {
            library: library.0,
            parent: library.1,
            periods,
            indexes,
            search_index: SEARCH_INDEX,
        }
    }

    /// The documents in the order the page lists them.
    fn documents(&self) -> impl Iterator<Item = &DocumentView> {
        self.periods
            .iter()
            .flat_map(|p| p.documents.iter())
            .chain(self.indexes.iter())
    }
}

/// `search-index.json`: the documents with a page, and every entry of them as
/// `[document, number, folded text, text]`.
#[derive(Serialize)]
struct SearchIndex {
    documents: Vec<SearchDocument>,
    entries: Vec<(usize, u32, String, String)>,
}

#[derive(Serialize)]
struct SearchDocument {
    title: String,
    line: String,
    href: String,
}

impl SearchIndex {
    fn new(catalogue: &Catalogue, found: &[Found]) -> SearchIndex {
        let mut documents = Vec::new();
        let mut entries = Vec::new();
        for d in catalogue.documents() {
            let Some(href) = &d.html else { continue };
            let issue = &found[d.found].issue;
            let at = documents.len();
            documents.push(SearchDocument {
                title: d.title.clone(),
                line: d.line.clone(),
                href: href.clone(),
            });
            // Persons named in the name index (subjects too) are found with their entries.
            let mut persons: BTreeMap<u32, Vec<&str>> = BTreeMap::new();
            for name in &issue.names {
                for n in &name.entries {
                    persons.entry(*n).or_default().push(&name.name);
                }
            }
            for e in issue.entries() {
                let mut text = e.description.to_string();
                for name in persons.get(&e.number).into_iter().flatten() {
                    text.push(' ');
                    text.push_str(name);
                }
                entries.push((at, e.number, fold::fold(&text), e.description.to_string()));
            }
        }
        SearchIndex { documents, entries }
    }
}

/// The label of a language group in the charts and tables.
fn group_label(group: LanguageGroup) -> &'static str {
    crate::order::group_heading(group)
}

#[derive(Serialize)]
struct StatisticsPage<'a> {
    statistics: &'a Statistics,
    groups: [&'static str; 3],
    charts: Charts,
}

#[derive(Serialize)]
struct Charts {
    bulletins: String,
    languages: String,
    months: String,
    /// A year only: the quarters by language group.
    quarters: Option<String>,
}

/// A chart label cut to `max` characters.
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max - 1).collect();
    cut.push('…');
    cut
}

/// One series per language group, in its colour, from each category's counts by group.
fn group_series<'a>(counts: &[[u32; 3]]) -> Vec<Series<'a>> {
    LanguageGroup::ALL
        .iter()
        .enumerate()
        .map(|(g, group)| Series {
            label: group_label(*group),
            color: GROUP_COLORS[g],
            values: counts.iter().map(|c| c[g]).collect(),
        })
        .collect()
}

impl<'a> StatisticsPage<'a> {
    fn new(statistics: &'a Statistics) -> Result<StatisticsPage<'a>, ChartError> {
        let counts = |c: &crate::stats::LanguageCounts| [c.az.count, c.ru.count, c.other.count];
        let bulletins = chart::stacked_bars(
            "Bülletenlər üzrə yazılar, dillərə görə",
            &statistics
                .bulletins
                .iter()
                .map(|b| short(&b.title, 34))
                .collect::<Vec<_>>(),
            &group_series(
                &statistics
                    .bulletins
                    .iter()
                    .map(|b| counts(&b.entries))
                    .collect::<Vec<_>>(),
            ),
        )?;
        // One bar a group, each in its group's colour (no legend: the bars are labelled).
        let languages = chart::stacked_bars(
            "Yazıların dillərə görə payı",
            &group_labels(),
            &(0..3)
                .map(|g| Series {
                    label: "",
                    color: GROUP_COLORS[g],
                    values: (0..3)
                        .map(|i| {
                            if i == g {
                                counts(&statistics.entries)[g]
                            } else {
                                0
                            }
                        })
                        .collect(),
                })
                .collect::<Vec<_>>(),
        )?;
        let months = chart::column_bars(
            "Aylar üzrə yazılar",
            &statistics
                .months
                .iter()
                .map(|m| m.month.clone())
                .collect::<Vec<_>>(),
            &statistics
                .months
                .iter()
                .map(|m| m.entries)
                .collect::<Vec<_>>(),
            GROUP_COLORS[0],
        )?;
        let quarters = if statistics.quarters.is_empty() {
            None
        } else {
            Some(chart::stacked_bars(
                "Rüblər üzrə yazılar, dillərə görə",
                &statistics
                    .quarters
                    .iter()
                    .map(|q| q.period.clone())
                    .collect::<Vec<_>>(),
                &group_series(
                    &statistics
                        .quarters
                        .iter()
                        .map(|q| counts(&q.entries))
                        .collect::<Vec<_>>(),
                ),
            )?)
        };
        Ok(StatisticsPage {
            statistics,
            groups: LanguageGroup::ALL.map(group_label),
            charts: Charts {
                bulletins,
                languages,
                months,
                quarters,
            },
        })
    }
}

/// The three language groups' labels, as chart categories.
fn group_labels() -> Vec<String> {
    LanguageGroup::ALL
        .iter()
        .map(|g| group_label(*g).to_string())
        .collect()
}
