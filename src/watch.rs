//! The live preview (`bulletin watch`): build once, then after each change to the feeds,
//! the configuration, the overrides or the templates rebuild only the issues whose content
//! changed.
//!
//! A [`Session`] keeps what a rebuild can reuse: the records of each feed file (read again
//! only when its modification time or size changes), the last issue written for each
//! bulletin and period, and one [`Renderer`] whose Typst memoised work survives between
//! rebuilds (templates refreshed in place under stable file ids, the cache evicted by age).
//! Planning is the build's own ([`build::plan`]), so a preview shows exactly what `build`
//! writes. An error (a broken template, configuration or feed) is reported and the last
//! good files stay in place; the next rebuild tries again.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Instant, SystemTime};

use crate::build::{self, PlanOptions};
use crate::classify::{Quarter, QuarterBy};
use crate::collate::Collators;
use crate::config::Config;
use crate::feed::{self, ReadOptions};
use crate::issue::Issue;
use crate::model::Record;
use crate::output;
use crate::overrides::Overrides;
use crate::render::{RenderOptions, Renderer};

/// What to build and watch.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Feed files or folders.
    pub feeds: Vec<PathBuf>,
    /// The bulletins' configuration.
    pub config: PathBuf,
    /// The overrides file (default: `overrides.toml` beside the configuration).
    pub overrides: Option<PathBuf>,
    /// Folder of the Typst templates.
    pub templates: PathBuf,
    /// Output folder, as for `build`.
    pub out: PathBuf,
    /// Quarters to build; `None` builds every quarter in the feeds.
    pub quarters: Option<Vec<Quarter>>,
    /// Only this bulletin, when given.
    pub bulletin: Option<String>,
    /// How to read the feeds.
    pub read: ReadOptions,
    /// Which date decides a record's quarter.
    pub by: QuarterBy,
    /// Document date overriding each quarter's last day (`SOURCE_DATE_EPOCH`).
    pub date: Option<chrono::NaiveDate>,
}

/// One rebuilt document, or an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// `rebuilt energy (2012-Q3) in 180 ms`.
    Rebuilt {
        /// The bulletin's id.
        bulletin: String,
        /// The period of the issue (`2012-Q3`).
        period: String,
        /// How long typesetting and writing it took, in milliseconds.
        millis: u128,
    },
    /// A rebuild or one document that failed: the error, naming the file when there is one.
    Failed(String),
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Outcome::Rebuilt {
                bulletin,
                period,
                millis,
            } => write!(f, "rebuilt {bulletin} ({period}) in {millis} ms"),
            Outcome::Failed(e) => write!(f, "error: {e}"),
        }
    }
}

/// A feed file's records as last read.
struct FeedFile {
    stamp: (SystemTime, u64),
    records: Vec<Record>,
}

/// The state kept between rebuilds.
pub struct Session {
    settings: Settings,
    renderer: Renderer,
    collators: Collators,
    feeds: BTreeMap<PathBuf, FeedFile>,
    /// The issue last written to each PDF path.
    written: HashMap<PathBuf, Issue>,
    /// The exceptions report last written to each path.
    reports: HashMap<PathBuf, build::ExceptionsReport>,
}

fn stamp(path: &Path) -> std::io::Result<(SystemTime, u64)> {
    let meta = std::fs::metadata(path)?;
    Ok((meta.modified()?, meta.len()))
}

impl Session {
    /// A session with its renderer (memoised work kept across rebuilds); builds nothing.
    pub fn new(settings: Settings) -> Result<Session, String> {
        let renderer = Renderer::new(&settings.templates).map_err(|e| e.to_string())?;
        renderer.keep_memoised(30);
        Ok(Session {
            settings,
            renderer,
            collators: Collators::new(),
            feeds: BTreeMap::new(),
            written: HashMap::new(),
            reports: HashMap::new(),
        })
    }

    /// The paths to watch: the feeds, the configuration's folder (configuration,
    /// overrides, preface files) and the templates.
    pub fn watched(&self) -> Vec<PathBuf> {
        let s = &self.settings;
        let mut paths = s.feeds.clone();
        let dir = s.config.parent().filter(|p| !p.as_os_str().is_empty());
        paths.push(dir.unwrap_or(Path::new(".")).to_path_buf());
        if let Some(o) = &s.overrides {
            paths.push(o.clone());
        }
        paths.push(s.templates.clone());
        paths
    }

    /// Reads the feed files that changed since the last call; all records, in file order.
    fn records(&mut self) -> Result<Vec<Record>, String> {
        let files = feed::feed_files(&self.settings.feeds).map_err(|e| e.to_string())?;
        let mut errors = Vec::new();
        let mut kept = BTreeMap::new();
        for file in files {
            let now = stamp(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            match self.feeds.remove(&file) {
                Some(f) if f.stamp == now => {
                    kept.insert(file, f);
                }
                _ => match feed::read_all(std::slice::from_ref(&file), &self.settings.read) {
                    Ok(records) => {
                        kept.insert(
                            file,
                            FeedFile {
                                stamp: now,
                                records,
                            },
                        );
                    }
                    Err(e) => errors.extend(e.iter().map(ToString::to_string)),
                },
            }
        }
        self.feeds = kept;
        if !errors.is_empty() {
            // Read again next time.
            return Err(errors.join("\n"));
        }
        Ok(self
            .feeds
            .values()
            .flat_map(|f| f.records.iter().cloned())
            .collect())
    }

    /// Rebuilds: re-reads what changed, plans, and writes the JSON and PDF of every issue
    /// whose content changed (every issue when `templates_changed`). The first call builds
    /// everything.
    pub fn rebuild(&mut self) -> Vec<Outcome> {
        match self.try_rebuild() {
            Ok(outcomes) => outcomes,
            Err(e) => vec![Outcome::Failed(e)],
        }
    }

    fn try_rebuild(&mut self) -> Result<Vec<Outcome>, String> {
        let templates_changed = self
            .renderer
            .reload_templates()
            .map_err(|e| e.to_string())?;
        if templates_changed {
            self.written.clear();
        }
        let s = self.settings.clone();
        let config = Config::load(&s.config).map_err(|e| e.to_string())?;
        let overrides = Overrides::for_run(s.overrides.as_deref(), &s.config, &config)
            .map_err(|e| e.to_string())?;
        let mut records = self.records()?;
        overrides.edit(&mut records);
        let options = PlanOptions {
            quarters: s.quarters.clone(),
            by: s.by,
            date: s.date,
            overrides: Arc::new(overrides),
        };
        let plan = build::plan(&records, &config, &self.collators, &options);
        let mut outcomes = Vec::new();
        for q in &plan.quarters {
            let dir = s.out.join(q.quarter.to_string());
            let report = dir.join("exceptions.json");
            if self.reports.get(&report) != Some(&q.exceptions) {
                output::write_json(&report, &q.exceptions).map_err(|e| e.to_string())?;
                self.reports.insert(report, q.exceptions.clone());
            }
            for issue in &q.issues {
                if s.bulletin.as_ref().is_some_and(|b| *b != issue.bulletin) {
                    continue;
                }
                let pdf = dir.join(format!("{}.pdf", issue.bulletin));
                if self.written.get(&pdf) == Some(issue) {
                    continue;
                }
                let started = Instant::now();
                match self.write(issue, &dir, &pdf, config.library.paper) {
                    Ok(()) => {
                        self.written.insert(pdf, issue.clone());
                        outcomes.push(Outcome::Rebuilt {
                            bulletin: issue.bulletin.clone(),
                            period: issue.period.to_string(),
                            millis: started.elapsed().as_millis(),
                        });
                    }
                    Err(e) => outcomes.push(Outcome::Failed(format!("{}: {e}", pdf.display()))),
                }
            }
        }
        Ok(outcomes)
    }

    /// Typesets one issue and writes its JSON and PDF (neither when typesetting fails).
    fn write(
        &self,
        issue: &Issue,
        dir: &Path,
        pdf: &Path,
        paper: crate::config::Paper,
    ) -> Result<(), String> {
        let mut options = RenderOptions::new(issue.front.date.and_time(chrono::NaiveTime::MIN));
        options.paper = paper;
        let rendered = self
            .renderer
            .render(issue, &options)
            .map_err(|e| e.to_string())?;
        output::write_json(&dir.join(format!("{}.json", issue.bulletin)), issue)
            .map_err(|e| e.to_string())?;
        output::write_atomic(pdf, &rendered.pdf).map_err(|e| e.to_string())
    }
}
