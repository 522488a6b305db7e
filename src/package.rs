//! Packages for the recipients: each agency's bulletins of a built quarter in one zip, with
//! a covering letter.
//!
//! The distribution list (`data/distribution.toml`) names each recipient (`id`, the zip's
//! file stem; `name` in Azerbaijani; `name_ru` optionally) and the bulletins it receives.
//! [`Distribution::parse`] validates it against the bulletins' configuration before
//! anything is read or written: unknown keys, a malformed or duplicate recipient id, an
//! unknown or repeated bulletin id, a recipient with no bulletins — every error with the
//! file, line and column. [`plan`] then reads the quarter's build (each bulletin's JSON
//! for its entry count, its PDF for its page count); a missing build is an error naming the
//! file and the place in the list that asks for it. [`write`] typesets every covering letter
//! (`letter.typ`: library, recipient, quarter, the enclosed bulletins with their pages and
//! entries) and assembles every zip in memory first, so that an error leaves nothing
//! half-written; only then are the zips written, each atomically, into
//! `<out>/<quarter>/packages/`, followed by that folder's `SHA256SUMS`. Zips are
//! deterministic: entries in list order, stored (PDFs are compressed already), dated by the
//! document date.

use std::collections::HashMap;
use std::io::{Cursor, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::classify::Quarter;
use crate::config::{Bulletin, Config, ConfigError, line_column, valid_id};
use crate::issue::Issue;
use crate::output;
use crate::render::{RenderOptions, Renderer};

/// The covering letter's main template inside the template folder.
pub const LETTER_TEMPLATE: &str = "letter.typ";

/// The covering letter's name inside each zip.
pub const LETTER_NAME: &str = "covering-letter.pdf";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRecipient {
    id: Spanned<String>,
    name: String,
    #[serde(default)]
    name_ru: Option<String>,
    bulletins: Spanned<Vec<Spanned<String>>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(rename = "recipient", default)]
    recipients: Vec<RawRecipient>,
}

/// A reference into the distribution list, for errors found after it was parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The distribution list.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// One recipient of the validated list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    /// The recipient's id (`[a-z0-9-]`, unique): its zip's file stem.
    pub id: String,
    /// The recipient's name in Azerbaijani, as the covering letter addresses it.
    pub name: String,
    /// The name in Russian, printed under it when given.
    pub name_ru: Option<String>,
    /// Bulletin ids in list order, each with where the list names it.
    pub bulletins: Vec<(String, Place)>,
}

/// The validated distribution list, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Distribution {
    /// The recipients in the order they are listed.
    pub recipients: Vec<Recipient>,
}

impl Distribution {
    /// Reads and validates a distribution list against the bulletins' configuration.
    pub fn load(path: &Path, config: &Config) -> Result<Distribution, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            file: path.to_path_buf(),
            line: 0,
            column: 0,
            message: format!("cannot read the distribution list: {e}"),
        })?;
        Distribution::parse(&text, path, config)
    }

    /// Parses and validates distribution text; `path` names it in errors.
    pub fn parse(text: &str, path: &Path, config: &Config) -> Result<Distribution, ConfigError> {
        let error = |offset: usize, message: String| ConfigError::at(text, path, offset, message);
        let place = |offset: usize| {
            let (line, column) = line_column(text, offset);
            Place {
                file: path.to_path_buf(),
                line,
                column,
            }
        };
        let raw: RawFile = crate::config::parse_toml(text, path)?;
        if raw.recipients.is_empty() {
            return Err(error(0, "no [[recipient]] is listed".into()));
        }
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut recipients = Vec::new();
        for r in raw.recipients {
            let id = r.id.get_ref().clone();
            let at = r.id.span().start;
            if !valid_id(&id) {
                return Err(error(
                    at,
                    format!("recipient id \"{id}\" must be [a-z0-9-] only (it names the zip)"),
                ));
            }
            if let Some(&first) = ids.get(&id) {
                let (line, _) = line_column(text, first);
                return Err(error(
                    at,
                    format!("duplicate recipient id \"{id}\" (first used on line {line})"),
                ));
            }
            ids.insert(id.clone(), at);
            if r.bulletins.get_ref().is_empty() {
                return Err(error(
                    r.bulletins.span().start,
                    format!("recipient \"{id}\" receives no bulletins"),
                ));
            }
            let mut bulletins: Vec<(String, Place)> = Vec::new();
            for b in r.bulletins.get_ref() {
                let bid = b.get_ref().trim();
                if config.bulletin(bid).is_none() {
                    let known: Vec<&str> = config.bulletins.iter().map(Bulletin::id).collect();
                    return Err(error(
                        b.span().start,
                        format!(
                            "unknown bulletin \"{bid}\" for recipient \"{id}\"; the configuration has {}",
                            known.join(", ")
                        ),
                    ));
                }
                if bulletins.iter().any(|(seen, _)| seen == bid) {
                    return Err(error(
                        b.span().start,
                        format!("bulletin \"{bid}\" is listed twice for recipient \"{id}\""),
                    ));
                }
                bulletins.push((bid.to_owned(), place(b.span().start)));
            }
            recipients.push(Recipient {
                id,
                name: r.name,
                name_ru: r.name_ru,
                bulletins,
            });
        }
        Ok(Distribution { recipients })
    }
}

/// One bulletin as enclosed in a package (and listed in the covering letter).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Enclosure {
    /// The bulletin's id.
    pub bulletin: String,
    /// The bulletin's title, from its built JSON.
    pub title: String,
    /// The PDF's file name (`energy.pdf`), in the quarter's folder and in the zip.
    pub file: String,
    /// The PDF's page count.
    pub pages: usize,
    /// The number of entries in the issue.
    pub entries: usize,
}

/// One recipient's package, before it is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Package {
    /// The recipient's id (the zip's file stem).
    pub recipient: String,
    /// The recipient's name in Azerbaijani.
    pub name: String,
    /// The name in Russian, when the list gives one.
    pub name_ru: Option<String>,
    /// The enclosed bulletins, in list order.
    pub enclosures: Vec<Enclosure>,
}

/// Why packages cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    /// A bulletin the list asks for has no JSON or PDF in the quarter's build.
    #[error(
        "{}:{}:{}: recipient \"{recipient}\" receives \"{bulletin}\", but {} is not there (build the quarter first)",
        place.file.display(), place.line, place.column, missing.display()
    )]
    MissingBuild {
        /// Where the list names the bulletin.
        place: Place,
        /// The recipient's id.
        recipient: String,
        /// The bulletin's id.
        bulletin: String,
        /// The first of the two files that is not there.
        missing: PathBuf,
    },
    /// A built JSON or PDF that cannot be read or is not what it should be.
    #[error("{}: {message}", path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// A covering letter that cannot be typeset.
    #[error("the covering letter for \"{recipient}\": {source}")]
    Letter {
        /// The recipient's id.
        recipient: String,
        /// The typesetting error.
        #[source]
        source: crate::render::RenderError,
    },
    /// A zip or the checksums that cannot be written.
    #[error("{0}")]
    Output(#[from] output::OutputError),
    /// A zip that cannot be assembled.
    #[error("assembling {}: {message}", path.display())]
    Zip {
        /// The zip it would have become.
        path: PathBuf,
        /// The zip writer's error.
        message: String,
    },
}

/// Every recipient's package for the quarter built in `quarter_dir`, read from its JSON
/// and PDFs; fails on the first file that is missing or unreadable.
pub fn plan(distribution: &Distribution, quarter_dir: &Path) -> Result<Vec<Package>, PackageError> {
    let mut read: HashMap<String, Enclosure> = HashMap::new();
    let mut packages = Vec::new();
    for r in &distribution.recipients {
        let mut enclosures = Vec::new();
        for (bulletin, place) in &r.bulletins {
            if let Some(known) = read.get(bulletin) {
                enclosures.push(known.clone());
                continue;
            }
            let json = quarter_dir.join(format!("{bulletin}.json"));
            let file = format!("{bulletin}.pdf");
            let pdf = quarter_dir.join(&file);
            let missing = [&json, &pdf].into_iter().find(|p| !p.is_file());
            if let Some(missing) = missing {
                return Err(PackageError::MissingBuild {
                    place: place.clone(),
                    recipient: r.id.clone(),
                    bulletin: bulletin.clone(),
                    missing: missing.clone(),
                });
            }
            let unreadable = |path: &Path, message: String| PackageError::Unreadable {
                path: path.to_path_buf(),
                message,
            };
            let bytes = std::fs::read(&json).map_err(|e| unreadable(&json, e.to_string()))?;
            let issue: Issue = serde_json::from_slice(&bytes)
                .map_err(|e| unreadable(&json, format!("not a bulletin issue: {e}")))?;
            let bytes = std::fs::read(&pdf).map_err(|e| unreadable(&pdf, e.to_string()))?;
            let pages = hayro_syntax::Pdf::new(std::sync::Arc::new(bytes))
                .map_err(|e| unreadable(&pdf, format!("not a readable PDF: {e:?}")))?
                .pages()
                .len();
            let enclosure = Enclosure {
                bulletin: bulletin.clone(),
                title: issue.title.clone(),
                file,
                pages,
                entries: issue.entry_count(),
            };
            read.insert(bulletin.clone(), enclosure.clone());
            enclosures.push(enclosure);
        }
        packages.push(Package {
            recipient: r.id.clone(),
            name: r.name.clone(),
            name_ru: r.name_ru.clone(),
            enclosures,
        });
    }
    Ok(packages)
}

/// What `letter.typ` reads from `/data/issue.json`.
#[derive(Debug, Serialize)]
struct Letter<'a> {
    library: &'a str,
    parent: Option<&'a str>,
    place: &'a str,
    quarter: String,
    /// `2012, № 3 (iyul–sentyabr)`, as on the bulletins' title pages.
    issue_line: String,
    /// The letter's date, `YYYY-MM-DD`.
    date: String,
    recipient: &'a Package,
}

/// Typesets every covering letter, assembles every zip in memory, then writes them to
/// `quarter_dir/packages/<recipient>.zip` and that folder's `SHA256SUMS`. Returns the
/// paths written, in list order.
pub fn write(
    packages: &[Package],
    config: &Config,
    quarter: Quarter,
    quarter_dir: &Path,
    renderer: &Renderer,
    date: chrono::NaiveDate,
) -> Result<Vec<PathBuf>, PackageError> {
    let folder = quarter_dir.join("packages");
    let front = crate::build::front_matter(config, &config.bulletins[0], quarter, date);
    let options = RenderOptions::new(date.and_time(chrono::NaiveTime::MIN));
    let mut zips = Vec::new();
    for package in packages {
        let letter = Letter {
            library: &config.library.name,
            parent: config.library.parent.as_deref(),
            place: &config.library.place,
            quarter: quarter.to_string(),
            issue_line: front.issue_line.clone(),
            date: date.to_string(),
            recipient: package,
        };
        let ident = format!("{}/{quarter}", package.recipient);
        let rendered = renderer
            .render_data(LETTER_TEMPLATE, &letter, &options, &ident)
            .map_err(|source| PackageError::Letter {
                recipient: package.recipient.clone(),
                source,
            })?;
        let path = folder.join(format!("{}.zip", package.recipient));
        let bytes = zip_package(package, &rendered.pdf, quarter_dir, date).map_err(|message| {
            PackageError::Zip {
                path: path.clone(),
                message,
            }
        })?;
        zips.push((path, bytes));
    }
    for (path, bytes) in &zips {
        output::write_atomic(path, bytes)?;
    }
    output::write_checksums(&folder)?;
    Ok(zips.into_iter().map(|(path, _)| path).collect())
}

/// The zip of one package: the covering letter, then the bulletins in list order.
fn zip_package(
    package: &Package,
    letter: &[u8],
    quarter_dir: &Path,
    date: chrono::NaiveDate,
) -> Result<Vec<u8>, String> {
    use chrono::Datelike;
    let stamp = zip::DateTime::from_date_and_time(
        u16::try_from(date.year()).map_err(|e| e.to_string())?,
        u8::try_from(date.month()).map_err(|e| e.to_string())?,
        u8::try_from(date.day()).map_err(|e| e.to_string())?,
        0,
        0,
        0,
    )
    .map_err(|e| e.to_string())?;
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(stamp)
        .unix_permissions(0o644);
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let mut add = |name: &str, bytes: &[u8]| -> Result<(), String> {
        writer
            .start_file(name, options)
            .map_err(|e| e.to_string())?;
        writer.write_all(bytes).map_err(|e| e.to_string())
    };
    add(LETTER_NAME, letter)?;
    for e in &package.enclosures {
        let path = quarter_dir.join(&e.file);
        let bytes = std::fs::read(&path).map_err(|err| format!("{}: {err}", path.display()))?;
        add(&e.file, &bytes)?;
    }
    let cursor = writer.finish().map_err(|e| e.to_string())?;
    Ok(cursor.into_inner())
}

/// The table printed after packaging: one row per recipient and bulletin.
pub fn table(packages: &[Package], paths: &[PathBuf]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let width = packages
        .iter()
        .map(|p| p.recipient.chars().count())
        .max()
        .unwrap_or(0)
        .max("recipient".len());
    let _ = writeln!(
        out,
        "{:width$}  {:24}  {:>5}  {:>7}",
        "recipient", "bulletin", "pages", "entries"
    );
    for (package, path) in packages.iter().zip(paths) {
        for e in &package.enclosures {
            let _ = writeln!(
                out,
                "{:width$}  {:24}  {:>5}  {:>7}",
                package.recipient, e.bulletin, e.pages, e.entries
            );
        }
        let pages: usize = package.enclosures.iter().map(|e| e.pages).sum();
        let entries: usize = package.enclosures.iter().map(|e| e.entries).sum();
        let _ = writeln!(
            out,
            "{:width$}  {:24}  {pages:>5}  {entries:>7}  → {}",
            "",
            format!("{} bulletins + letter", package.enclosures.len()),
            path.display()
        );
    }
    out
}
