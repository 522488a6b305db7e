//! Index definitions (`data/indexes.toml`): recurring guides built by name.
//!
//! Each `[[index]]` has `id` (`[a-z0-9-]`, the output file stem), `kind`
//! (`chronological` or `subject`), `title`, `from` and `to` (`YYYY-MM-DD`), and optionally
//! `select` (a [`Selection`]), `language` (`az` or `ru`, for the headings) and
//! `max_entries` (the most entries one volume holds; a bigger index is split into volumes,
//! by year and then by months; default [`DEFAULT_MAX_ENTRIES`]).
//! [`Definitions::load`] validates everything before any record is read: unknown keys,
//! duplicate or malformed ids, dates, a span that ends before it begins, a selection that
//! does not parse or names an unknown bulletin or subtopic. Every error carries the file,
//! line and column; a selection error points into the selection text itself.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use super::{DEFAULT_MAX_ENTRIES, IndexKind, IndexLanguage, IndexSpec};
use crate::config::{Config, ConfigError, line_column, valid_id};
use crate::select::{SelectError, Selection};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIndex {
    id: Spanned<String>,
    kind: Spanned<String>,
    title: String,
    from: Spanned<String>,
    to: Spanned<String>,
    #[serde(default)]
    select: Option<Spanned<String>>,
    #[serde(default)]
    language: Option<Spanned<String>>,
    #[serde(default)]
    max_entries: Option<Spanned<i64>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(rename = "index", default)]
    indexes: Vec<RawIndex>,
}

impl RawIndex {
    /// The index this definition describes (`id` checked by the caller): its kind, span,
    /// language, volume size and selection read and checked, each error at its value in
    /// `text`.
    fn spec(
        self,
        id: String,
        text: &str,
        path: &Path,
        config: &Config,
    ) -> Result<IndexSpec, ConfigError> {
        let error = |offset: usize, message: String| ConfigError::at(text, path, offset, message);
        let kind = IndexKind::parse(self.kind.get_ref()).ok_or_else(|| {
            error(
                self.kind.span().start,
                format!(
                    "unknown kind \"{}\"; expected chronological or subject",
                    self.kind.get_ref()
                ),
            )
        })?;
        let date = |d: &Spanned<String>| {
            NaiveDate::parse_from_str(d.get_ref().trim(), "%Y-%m-%d").map_err(|_| {
                error(
                    d.span().start,
                    format!("\"{}\" is not a date: write it as 2012-01-31", d.get_ref()),
                )
            })
        };
        let (from, to) = (date(&self.from)?, date(&self.to)?);
        if to < from {
            return Err(error(
                self.to.span().start,
                format!("the span of \"{id}\" ends ({to}) before it begins ({from})"),
            ));
        }
        let language = match &self.language {
            None => IndexLanguage::default(),
            Some(l) => IndexLanguage::parse(l.get_ref()).ok_or_else(|| {
                error(
                    l.span().start,
                    format!("unknown language \"{}\"; expected az or ru", l.get_ref()),
                )
            })?,
        };
        let max_entries = match &self.max_entries {
            None => DEFAULT_MAX_ENTRIES,
            Some(n) => usize::try_from(*n.get_ref())
                .ok()
                .filter(|&n| n > 0)
                .ok_or_else(|| {
                    error(
                        n.span().start,
                        format!(
                            "max_entries must be a positive number of entries, not {}",
                            n.get_ref()
                        ),
                    )
                })?,
        };
        let selection = match &self.select {
            None => None,
            Some(s) => {
                let at = |e: SelectError| {
                    let offset = offset_in_string(text, s.span(), e.column);
                    let (line, column) = line_column(text, offset);
                    ConfigError {
                        file: path.to_path_buf(),
                        line,
                        column,
                        message: format!("in the selection of \"{id}\": {e}"),
                    }
                };
                let selection = Selection::parse(s.get_ref(), config).map_err(at)?;
                Some(selection)
            }
        };
        Ok(IndexSpec {
            id,
            kind,
            title: Some(self.title),
            from,
            to,
            selection,
            language,
            date: None,
            max_entries,
        })
    }
}

/// The validated definitions, in file order.
#[derive(Debug, Clone)]
pub struct Definitions {
    /// One spec per `[[index]]`, ids unique.
    pub indexes: Vec<IndexSpec>,
}

impl Definitions {
    /// Reads and validates a definitions file against the bulletins' configuration.
    pub fn load(path: &Path, config: &Config) -> Result<Definitions, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            file: path.to_path_buf(),
            line: 0,
            column: 0,
            message: format!("cannot read index definitions: {e}"),
        })?;
        Definitions::parse(&text, path, config)
    }

    /// Parses and validates definitions text; `path` names it in errors.
    pub fn parse(text: &str, path: &Path, config: &Config) -> Result<Definitions, ConfigError> {
        let error = |offset: usize, message: String| ConfigError::at(text, path, offset, message);
        let raw: RawFile = crate::config::parse_toml(text, path)?;
        if raw.indexes.is_empty() {
            return Err(error(0, "no [[index]] is defined".into()));
        }
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut indexes = Vec::new();
        for r in raw.indexes {
            let id = r.id.get_ref().clone();
            if !valid_id(&id) {
                return Err(error(
                    r.id.span().start,
                    format!("index id \"{id}\" must be [a-z0-9-] only (it names output files)"),
                ));
            }
            if let Some(&first) = ids.get(&id) {
                let (line, _) = line_column(text, first);
                return Err(error(
                    r.id.span().start,
                    format!("duplicate index id \"{id}\" (first used on line {line})"),
                ));
            }
            ids.insert(id.clone(), r.id.span().start);
            indexes.push(r.spec(id, text, path, config)?);
        }
        Ok(Definitions { indexes })
    }

    /// The definition with this id, if the file has one.
    pub fn get(&self, id: &str) -> Option<&IndexSpec> {
        self.indexes.iter().find(|i| i.id == id)
    }
}

/// The byte offset in the file of the `column`-th character (1-based) of a TOML string
/// value at `span`: exact for literal strings and basic strings without escapes.
fn offset_in_string(text: &str, span: std::ops::Range<usize>, column: usize) -> usize {
    let raw = text.get(span.clone()).unwrap_or("");
    let mut open = if raw.starts_with("'''") || raw.starts_with("\"\"\"") {
        3
    } else {
        1
    };
    if open == 3 && raw[3..].starts_with('\n') {
        open += 1;
    }
    let body = raw.get(open..).unwrap_or("");
    let inner: usize = body
        .chars()
        .take(column.saturating_sub(1))
        .map(char::len_utf8)
        .sum();
    (span.start + open + inner).min(span.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data/bulletins.toml"))
            .expect("shipped configuration")
    }

    const ONE: &str = r#"
[[index]]
id = "eu"
kind = "subject"
title = "Avropa İttifaqı"
from = "2012-01-01"
to = "2012-12-31"
select = 'subject:"Avropa İttifaqı" or bulletin:foreign-policy'
"#;

    fn err(text: &str) -> ConfigError {
        Definitions::parse(text, Path::new("indexes.toml"), &config()).unwrap_err()
    }

    #[test]
    fn parses() {
        let d = Definitions::parse(ONE, Path::new("i.toml"), &config()).unwrap();
        assert_eq!(d.indexes[0].kind, IndexKind::Subject);
        assert_eq!(d.indexes[0].max_entries, DEFAULT_MAX_ENTRIES);
        assert!(d.get("eu").is_some());
        let with_max = format!("{ONE}max_entries = 800\n");
        let d = Definitions::parse(&with_max, Path::new("i.toml"), &config()).unwrap();
        assert_eq!(d.indexes[0].max_entries, 800);
    }

    #[test]
    fn max_entries_must_be_positive() {
        let e = err(&format!("{ONE}max_entries = 0\n"));
        assert_eq!((e.line, e.column), (9, 15), "{e}");
        assert!(e.message.contains("positive number"), "{e}");
    }

    #[test]
    fn selection_errors_point_into_the_file() {
        let e = err(&ONE.replace("subject:", "subjct:"));
        assert_eq!((e.line, e.column), (8, 11), "{e}");
        assert!(e.message.contains("unknown field \"subjct\""), "{e}");
        let e = err(&ONE.replace("bulletin:foreign-policy", "bulletin:foreign"));
        assert_eq!((e.line, e.column), (8, 40), "{e}");
        let e = err(&ONE.replace("2012-12-31", "2011-12-31"));
        assert!(e.message.contains("ends"), "{e}");
        let e = err(&ONE.replace("kind = \"subject\"", "kind = \"subjects\""));
        assert_eq!((e.line, e.column), (4, 8), "{e}");
    }
}
