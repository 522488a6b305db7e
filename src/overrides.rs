//! The compilers' editorial decisions (`data/overrides.toml`): where a record goes when
//! the catalogue is ambiguous, what is left out and why, a corrected date, language or
//! annotation — kept beside the configuration, not in the catalogue, and applied to every
//! build (quarters, annual volumes, indexes).
//!
//! ```toml
//! [[override]]
//! record = "PL-2012-0317"      # the record id as the reader gives it (001 / 903)
//! subtopic = "energy/en-2"     # place it here in this bulletin instead of where codes put it
//! # also: exclude = "reason" | date = "2012-07-17" | language = "az" | annotation = "…"
//! #       also_in = ["regions/rg-3"]   # add a placement the codes did not give
//! ```
//!
//! [`Overrides::load`] checks everything against the configuration before any work: an
//! unknown key, bulletin or subtopic, a date or language code that cannot be read, an
//! override that decides nothing, and two overrides that contradict each other are errors
//! with `file:line:col`. A record that is not in the feeds is only a warning
//! ([`Overrides::missing`]): it may belong to another quarter. Record edits (date,
//! language, annotation) are made once on the records read ([`Overrides::edit`]); the
//! placing decisions (exclude, subtopic, `also_in`) are taken where a period's records are
//! placed ([`Overrides::place`]). Without overrides nothing changes: no state is kept
//! between builds.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::config::{Config, ConfigError, line_column, parse_toml};
use crate::model::{Language, ProblemKind, Published, Record};

/// What one override decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Place the record in this subtopic of this bulletin (indexes into the configuration).
    Subtopic {
        /// Index into [`Config::bulletins`].
        bulletin: usize,
        /// Index into that bulletin's subtopics.
        subtopic: usize,
    },
    /// Also place it here.
    AlsoIn {
        /// Index into [`Config::bulletins`].
        bulletin: usize,
        /// Index into that bulletin's subtopics.
        subtopic: usize,
    },
    /// Leave it out of every document, for this reason.
    Exclude(String),
    /// The date of publication, replacing the catalogue's.
    Date(NaiveDate),
    /// The language code (a known one), replacing the catalogue's.
    Language(String),
    /// The annotation, replacing the catalogue's.
    Annotation(String),
}

/// One decision about one record, with where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    /// The record's id, as the reader gives it.
    pub record: String,
    /// What is decided.
    pub decision: Decision,
    /// `file:line:col` of the decision's value.
    pub at: String,
    /// What it says, for reports: `subtopic energy/en-2`.
    pub text: String,
}

/// An override as reported in `exceptions.json` (`"overrides"`) and the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppliedOverride {
    /// The record's id.
    pub record: String,
    /// `subtopic energy/en-2`, `exclude: reason`, `date 2012-07-17` …
    #[serde(rename = "override")]
    pub decision: String,
    /// `data/overrides.toml:3:12`.
    pub at: String,
}

/// Every override of the file, by record.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    by_record: HashMap<String, Vec<Override>>,
    /// Position of each record's first override, for warnings.
    first: Vec<(String, String)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    record: Spanned<String>,
    #[serde(default)]
    subtopic: Option<Spanned<String>>,
    #[serde(default)]
    also_in: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Option<Spanned<String>>,
    #[serde(default)]
    date: Option<Spanned<String>>,
    #[serde(default)]
    language: Option<Spanned<String>>,
    #[serde(default)]
    annotation: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(rename = "override", default)]
    overrides: Vec<Raw>,
}

impl Overrides {
    /// No overrides.
    pub fn none() -> Overrides {
        Overrides::default()
    }

    /// Reads and checks an overrides file against the configuration.
    pub fn load(path: &Path, config: &Config) -> Result<Overrides, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            file: path.to_path_buf(),
            line: 0,
            column: 0,
            message: format!("cannot read the overrides: {e}"),
        })?;
        Overrides::parse(&text, path, config)
    }

    /// The overrides of a run: `path` when given (it must exist), else `overrides.toml`
    /// beside the configuration at `config_path` when there is one ([`default_path`]),
    /// else none.
    pub fn for_run(
        path: Option<&Path>,
        config_path: &Path,
        config: &Config,
    ) -> Result<Overrides, ConfigError> {
        let default = default_path(config_path);
        match path {
            Some(path) => Overrides::load(path, config),
            None if default.is_file() => Overrides::load(&default, config),
            None => Ok(Overrides::none()),
        }
    }

    /// Parses and checks overrides text; `path` names it in errors.
    pub fn parse(text: &str, path: &Path, config: &Config) -> Result<Overrides, ConfigError> {
        let error = |offset: usize, message: String| ConfigError::at(text, path, offset, message);
        let at = |offset: usize| {
            let (line, col) = line_column(text, offset);
            format!("{}:{line}:{col}", path.display())
        };
        let raw: RawFile = parse_toml(text, path)?;
        let mut overrides = Overrides::default();
        // Each record's decisions so far, with their offsets, to find contradictions.
        let mut taken: HashMap<String, Vec<(Decision, usize)>> = HashMap::new();
        for r in raw.overrides {
            let record = r.record.get_ref().trim().to_string();
            let record_at = r.record.span().start;
            if record.is_empty() {
                return Err(error(record_at, "the record id is empty".into()));
            }
            let decisions = r.decisions(config, &error)?;
            if decisions.is_empty() {
                return Err(error(
                    record_at,
                    format!(
                        "the override of record {record} decides nothing (give subtopic, also_in, exclude, date, language or annotation)"
                    ),
                ));
            }
            let earlier = taken.entry(record.clone()).or_default();
            for (decision, offset, said) in decisions {
                if let Some((_, first)) = earlier
                    .iter()
                    .find(|(other, _)| contradicts(&decision, other))
                {
                    let (line, _) = line_column(text, *first);
                    return Err(error(
                        offset,
                        format!(
                            "this override of record {record} contradicts the one on line {line}"
                        ),
                    ));
                }
                earlier.push((decision.clone(), offset));
                if !overrides.by_record.contains_key(&record) {
                    overrides.first.push((record.clone(), at(record_at)));
                }
                overrides
                    .by_record
                    .entry(record.clone())
                    .or_default()
                    .push(Override {
                        record: record.clone(),
                        decision,
                        at: at(offset),
                        text: said,
                    });
            }
        }
        Ok(overrides)
    }
}

impl Raw {
    /// The decisions one override makes, in key order, each with the offset of its value
    /// and its text for reports; a value that cannot be read is an error at that value
    /// (`error` places a message at an offset).
    fn decisions(
        &self,
        config: &Config,
        error: &impl Fn(usize, String) -> ConfigError,
    ) -> Result<Vec<(Decision, usize, String)>, ConfigError> {
        let placement = |value: &Spanned<String>| {
            placement(value.get_ref().trim(), config)
                .map_err(|message| error(value.span().start, message))
        };
        let mut decisions: Vec<(Decision, usize, String)> = Vec::new();
        if let Some(v) = &self.subtopic {
            let (bulletin, subtopic) = placement(v)?;
            let d = Decision::Subtopic { bulletin, subtopic };
            decisions.push((
                d,
                v.span().start,
                format!("subtopic {}", v.get_ref().trim()),
            ));
        }
        for v in &self.also_in {
            let (bulletin, subtopic) = placement(v)?;
            let d = Decision::AlsoIn { bulletin, subtopic };
            decisions.push((d, v.span().start, format!("also in {}", v.get_ref().trim())));
        }
        if let Some(v) = &self.exclude {
            let reason = v.get_ref().trim().to_string();
            if reason.is_empty() {
                return Err(error(v.span().start, "an exclusion needs a reason".into()));
            }
            decisions.push((
                Decision::Exclude(reason.clone()),
                v.span().start,
                format!("excluded: {reason}"),
            ));
        }
        if let Some(v) = &self.date {
            let date = NaiveDate::parse_from_str(v.get_ref().trim(), "%Y-%m-%d").map_err(|_| {
                error(
                    v.span().start,
                    format!("\"{}\" is not a date (YYYY-MM-DD)", v.get_ref()),
                )
            })?;
            decisions.push((Decision::Date(date), v.span().start, format!("date {date}")));
        }
        if let Some(v) = &self.language {
            let code = v.get_ref().trim().to_string();
            if crate::feed::lang::identify(&code).is_none() {
                return Err(error(
                    v.span().start,
                    format!("\"{code}\" is not a known language code"),
                ));
            }
            let text = format!("language {code}");
            decisions.push((Decision::Language(code), v.span().start, text));
        }
        if let Some(v) = &self.annotation {
            let a = v.get_ref().trim().to_string();
            decisions.push((Decision::Annotation(a), v.span().start, "annotation".into()));
        }
        Ok(decisions)
    }
}

/// The bulletin and subtopic indexes a `bulletin/subtopic` value (`energy/en-2`) names.
fn placement(value: &str, config: &Config) -> Result<(usize, usize), String> {
    let (b, s) = value
        .split_once('/')
        .ok_or_else(|| format!("\"{value}\" is not bulletin/subtopic (energy/en-2)"))?;
    let bulletin = config
        .bulletins
        .iter()
        .position(|x| x.id() == b)
        .ok_or_else(|| format!("no bulletin \"{b}\" is configured"))?;
    let subtopic = config.bulletins[bulletin]
        .subtopics
        .iter()
        .position(|x| x.id.get_ref() == s)
        .ok_or_else(|| format!("bulletin \"{b}\" has no subtopic \"{s}\""))?;
    Ok((bulletin, subtopic))
}

/// Whether two decisions about one record cannot both hold.
fn contradicts(a: &Decision, b: &Decision) -> bool {
    use Decision::{AlsoIn, Annotation, Date, Exclude, Language, Subtopic};
    match (a, b) {
        (
            Subtopic {
                bulletin: one_bulletin,
                subtopic: one,
            },
            Subtopic {
                bulletin: other_bulletin,
                subtopic: other,
            },
        ) => one_bulletin == other_bulletin && one != other,
        (Exclude(_), Subtopic { .. } | AlsoIn { .. })
        | (Subtopic { .. } | AlsoIn { .. }, Exclude(_)) => true,
        (Exclude(one), Exclude(other))
        | (Language(one), Language(other))
        | (Annotation(one), Annotation(other)) => one != other,
        (Date(one), Date(other)) => one != other,
        _ => false,
    }
}

impl Overrides {
    /// Whether there are any.
    pub fn is_empty(&self) -> bool {
        self.by_record.is_empty()
    }

    /// The overrides of a record, in file order.
    pub fn of(&self, record: &str) -> &[Override] {
        self.by_record.get(record).map_or(&[], Vec::as_slice)
    }

    /// Makes the record edits (date, language, annotation) on the records read. A date or
    /// language set by the compiler replaces the catalogue's, and the reading problems it
    /// answers (no date, a bad date, an unknown language) go with it.
    pub fn edit(&self, records: &mut [Record]) {
        if self.is_empty() {
            return;
        }
        for record in records.iter_mut() {
            let Some(list) = self.by_record.get(record.id.as_str()) else {
                continue;
            };
            for o in list {
                match &o.decision {
                    Decision::Date(date) => {
                        record.published = Published {
                            year: Some(date.year()),
                            date: Some(*date),
                            month: Some(date.month()),
                        };
                        record.problems.retain(|p| {
                            !matches!(
                                p.kind,
                                ProblemKind::NoDate | ProblemKind::BadDate | ProblemKind::YearOnly
                            )
                        });
                    }
                    Decision::Language(code) => {
                        record.languages = vec![Language {
                            code: code.into(),
                            id: crate::feed::lang::identify(code),
                        }]
                        .into();
                        record
                            .problems
                            .retain(|p| p.kind != ProblemKind::UnknownLanguage);
                    }
                    Decision::Annotation(text) => {
                        record.supplement_mut().annotation = Some(text.clone());
                    }
                    _ => {}
                }
            }
        }
    }

    /// The compiler's reason for leaving a record out, with where it is written.
    pub fn excluded(&self, record: &str) -> Option<(&str, &str)> {
        self.of(record).iter().find_map(|o| match &o.decision {
            Decision::Exclude(reason) => Some((reason.as_str(), o.at.as_str())),
            _ => None,
        })
    }

    /// Applies the placing decisions to a record's matches (for each bulletin, its
    /// subtopics, the first being its placement): `subtopic` replaces the bulletin's
    /// matches with that one subtopic; `also_in` adds a subtopic (the placement when the
    /// codes gave none in that bulletin, else a cross-reference).
    pub fn place(&self, record: &str, matches: &mut [Vec<usize>]) {
        for o in self.of(record) {
            match o.decision {
                Decision::Subtopic { bulletin, subtopic } => matches[bulletin] = vec![subtopic],
                Decision::AlsoIn { bulletin, subtopic }
                    if !matches[bulletin].contains(&subtopic) =>
                {
                    matches[bulletin].push(subtopic);
                }
                _ => {}
            }
        }
    }

    /// The overrides applied to a record, as reported.
    pub fn applied(&self, record: &str) -> impl Iterator<Item = AppliedOverride> + '_ {
        self.of(record).iter().map(|o| AppliedOverride {
            record: o.record.clone(),
            decision: o.text.clone(),
            at: o.at.clone(),
        })
    }

    /// Warnings for overrides whose record is not among `records` (it may belong to
    /// another quarter or another export): `file:line:col: …`.
    pub fn missing(&self, records: &[Record]) -> Vec<String> {
        let ids: std::collections::HashSet<&str> = records.iter().map(|r| r.id.as_str()).collect();
        self.first
            .iter()
            .filter(|(id, _)| !ids.contains(id.as_str()))
            .map(|(id, at)| format!("{at}: override of record {id}, which is not in the feeds"))
            .collect()
    }
}

/// The default overrides file: `overrides.toml` beside the configuration.
pub fn default_path(config: &Path) -> PathBuf {
    config
        .parent()
        .unwrap_or(Path::new(""))
        .join("overrides.toml")
}
