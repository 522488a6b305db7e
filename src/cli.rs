//! Command line: raw arguments become validated settings before any work starts.
//!
//! `main.rs` only calls [`run`] and prints what it returns: errors as `error:` lines with
//! an optional `hint:` line, and the exit status (0 success, 1 problems found in the
//! records, 2 an input or configuration that cannot be used).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

use crate::build::{self, PlanOptions};
use crate::check;
use crate::classify::{Quarter, QuarterBy};
use crate::collate::Collators;
use crate::config::Config;
use crate::feed::{self, Encoding, ReadOptions};
use crate::model::{Dialect, Format, Record};
use crate::output;

mod index_cmd;
mod package;

/// Quarterly thematic information bulletins from a library catalogue's exports.
#[derive(Debug, Parser)]
#[command(name = "bulletin", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Marcxml,
    Iso2709,
    Irbis,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DialectArg {
    Rusmarc,
    Marc21,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EncodingArg {
    Utf8,
    Cp1251,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ByArg {
    /// The article's publication date.
    Published,
    /// The cataloguing (intake) date, for late arrivals.
    Catalogued,
}

/// How to read the feeds.
#[derive(Debug, Clone, clap::Args)]
pub struct ReadArgs {
    /// Force the feed format instead of detecting it from the content.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Force the MARC tag set instead of detecting it per record.
    #[arg(long, value_enum)]
    pub dialect: Option<DialectArg>,
    /// Force the byte encoding of ISO 2709 and IRBIS files (default: detect).
    #[arg(long, value_enum)]
    pub encoding: Option<EncodingArg>,
}

impl ReadArgs {
    fn options(&self) -> ReadOptions {
        ReadOptions {
            format: self.format.map(|f| match f {
                FormatArg::Marcxml => Format::MarcXml,
                FormatArg::Iso2709 => Format::Iso2709,
                FormatArg::Irbis => Format::IrbisText,
            }),
            dialect: self.dialect.map(|d| match d {
                DialectArg::Rusmarc => Dialect::Rusmarc,
                DialectArg::Marc21 => Dialect::Marc21,
            }),
            encoding: self.encoding.map(|e| match e {
                EncodingArg::Utf8 => Encoding::Utf8,
                EncodingArg::Cp1251 => Encoding::Cp1251,
            }),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read feeds, print a summary and every problem (exit 0 clean, 1 problems, 2 unreadable).
    Check {
        /// Feed files or folders (default: data/feed).
        feeds: Vec<PathBuf>,
        /// Also print the original text of the record with this id (repeatable).
        #[arg(long = "show", value_name = "ID")]
        show: Vec<String>,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Build the quarterly bulletins (JSON and PDF) and the exceptions reports.
    Build {
        /// Feed files or folders.
        #[arg(long = "feed", default_value = "data/feed")]
        feeds: Vec<PathBuf>,
        /// The bulletins' configuration.
        #[arg(long, default_value = "data/bulletins.toml")]
        config: PathBuf,
        /// Quarters to build, e.g. 2012-Q3 (default: every quarter in the feeds).
        #[arg(long = "quarter", conflicts_with = "year")]
        quarters: Vec<String>,
        /// Build the four quarters of this year.
        #[arg(long)]
        year: Option<i32>,
        /// With --year: build one annual volume per bulletin instead (out/<year>/).
        #[arg(long, requires = "year")]
        cumulate: bool,
        /// Output folder.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// Which date decides an article's quarter.
        #[arg(long, value_enum, default_value = "published")]
        by: ByArg,
        /// Write the JSON only, no PDFs.
        #[arg(long)]
        no_pdf: bool,
        /// Also write each A5 bulletin imposed two pages to an A4 sheet (<id>.booklet.pdf).
        #[arg(long, conflicts_with = "no_pdf")]
        booklet: bool,
        /// Folder of the Typst templates.
        #[arg(long, default_value = "templates")]
        templates: PathBuf,
        /// Documents typeset at once (each uses several threads itself).
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..=16))]
        jobs: u16,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Build bibliographic indexes: chronological or subject guides over any span.
    Index(Box<IndexArgs>),
    /// Measure each stage on generated feeds (read, place+order+describe, typeset).
    Bench(BenchArgs),
    /// Zip each recipient's bulletins of a built quarter with a covering letter.
    Package(package::PackageArgs),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum IndexKindArg {
    /// Year → month → day.
    Chronological,
    /// Subject headings in collation order, chronological inside.
    Subject,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum IndexLanguageArg {
    Az,
    Ru,
}

/// The `index` command's arguments.
#[derive(Debug, clap::Args)]
pub struct IndexArgs {
    /// A guide defined in the definitions file (see data/indexes.toml).
    #[arg(conflicts_with_all = ["all", "kind", "from", "to", "select", "title", "id", "language"])]
    pub name: Option<String>,
    /// Build every guide of the definitions file.
    #[arg(long, conflicts_with_all = ["kind", "from", "to", "select", "title", "id", "language"])]
    pub all: bool,
    /// Build a guide given on the command line (with --from and --to).
    #[arg(long, value_enum, requires_all = ["from", "to"])]
    pub kind: Option<IndexKindArg>,
    /// First day of the span (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Last day of the span (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    /// Which records: e.g. 'person:"Əliyev, İlham" and not lang:other' (see README).
    #[arg(long)]
    pub select: Option<String>,
    /// Title of the guide (default: the kind's generic title).
    #[arg(long)]
    pub title: Option<String>,
    /// Output file stem (default: the kind and the span).
    #[arg(long)]
    pub id: Option<String>,
    /// Language of the headings and apparatus (default: az).
    #[arg(long, value_enum)]
    pub language: Option<IndexLanguageArg>,
    /// Feed files or folders.
    #[arg(long = "feed", default_value = "data/feed")]
    pub feeds: Vec<PathBuf>,
    /// The bulletins' configuration.
    #[arg(long, default_value = "data/bulletins.toml")]
    pub config: PathBuf,
    /// The index definitions.
    #[arg(long, default_value = "data/indexes.toml")]
    pub definitions: PathBuf,
    /// Output folder; guides go to <out>/indexes/<id>.json and .pdf.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// Write the JSON only, no PDFs.
    #[arg(long)]
    pub no_pdf: bool,
    /// Folder of the Typst templates.
    #[arg(long, default_value = "templates")]
    pub templates: PathBuf,
    /// Documents typeset at once.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..=16))]
    pub jobs: u16,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// Arguments of `bench`.
#[derive(Debug, Clone, clap::Args)]
pub struct BenchArgs {
    /// Feed sizes in records, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "10000,100000")]
    pub records: Vec<usize>,
    /// Feed formats, comma-separated (marcxml, marcxml-marc21, iso2709, iso2709-cp1251, iso2709-marc21, irbis).
    #[arg(long, value_delimiter = ',', default_value = "marcxml,iso2709,irbis")]
    pub formats: Vec<String>,
    /// Typeset only feeds up to this many records.
    #[arg(long, default_value_t = 10_000)]
    pub typeset_max: usize,
    /// Documents typeset at once.
    #[arg(long, default_value_t = 2)]
    pub jobs: usize,
    /// Where the generated feeds go while they are measured.
    #[arg(long)]
    pub scratch: Option<PathBuf>,
    /// Also write the table to this Markdown file.
    #[arg(long)]
    pub write: Option<PathBuf>,
    /// Internal: measure in this process and print table rows only.
    #[arg(long, hide = true)]
    pub row: bool,
}

/// Checks an output folder and takes it for this run: refuses a path that climbs out with
/// `..`, refuses a folder another build is writing to, and clears the temporary files a
/// killed build left behind.
pub(crate) fn prepare_output(out: &std::path::Path) -> Result<output::OutputLock, CliError> {
    if out
        .components()
        .any(|c| matches!(c, std::path::Component::ParentDir))
    {
        return Err(CliError::new(format!(
            "the output folder {} climbs out with \"..\"",
            out.display()
        ))
        .hint("give the output folder as a plain or absolute path"));
    }
    let lock = output::lock_output(out).map_err(|e| {
        CliError::new(e.to_string())
            .hint("wait for the other build to finish, or choose another --out")
    })?;
    output::remove_stale_temporaries(out);
    Ok(lock)
}

/// A user-facing error: what went wrong, and what to do about it.
#[derive(Debug)]
pub struct CliError {
    pub messages: Vec<String>,
    pub hint: Option<String>,
    pub code: i32,
}

impl CliError {
    pub(crate) fn new(message: impl Into<String>) -> CliError {
        CliError {
            messages: vec![message.into()],
            hint: None,
            code: 2,
        }
    }

    pub(crate) fn hint(mut self, hint: impl Into<String>) -> CliError {
        self.hint = Some(hint.into());
        self
    }
}

/// The document date: `SOURCE_DATE_EPOCH` when set, else each quarter's last day.
pub(crate) fn source_date() -> Result<Option<String>, CliError> {
    let Ok(value) = std::env::var("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    let seconds: i64 = value.trim().parse().map_err(|_| {
        CliError::new(format!(
            "SOURCE_DATE_EPOCH=\"{value}\" is not a number of seconds"
        ))
    })?;
    let date = chrono::DateTime::from_timestamp(seconds, 0)
        .ok_or_else(|| CliError::new(format!("SOURCE_DATE_EPOCH={seconds} is out of range")))?;
    Ok(Some(date.date_naive().to_string()))
}

/// Runs a parsed command line; returns the exit status.
pub fn run(cli: Cli) -> Result<i32, CliError> {
    match cli.command {
        Command::Bench(args) => {
            let formats = args
                .formats
                .iter()
                .map(|f| f.parse::<crate::synth::SynthFormat>())
                .collect::<Result<Vec<_>, _>>()
                .map_err(CliError::new)?;
            let config = Config::load(std::path::Path::new("data/bulletins.toml"))
                .map_err(|e| CliError::new(e.to_string()))?;
            let scratch = match &args.scratch {
                Some(dir) => dir.clone(),
                None => std::env::temp_dir(),
            };
            let options = crate::bench::BenchOptions {
                sizes: args.records.clone(),
                formats,
                typeset_max: args.typeset_max,
                threads: args.jobs.max(1),
            };
            if args.row {
                let rows = crate::bench::run(
                    &options,
                    &config,
                    std::path::Path::new("templates"),
                    &scratch,
                )
                .map_err(CliError::new)?;
                print!("{rows}");
                return Ok(0);
            }
            let passthrough: Vec<String> = args
                .scratch
                .iter()
                .flat_map(|s| ["--scratch".to_string(), s.display().to_string()])
                .collect();
            let table =
                crate::bench::run_isolated(&options, &passthrough).map_err(CliError::new)?;
            println!("{table}");
            if let Some(path) = &args.write {
                output::write_atomic(path, table.as_bytes())
                    .map_err(|e| CliError::new(e.to_string()))?;
            }
            Ok(0)
        }
        Command::Check { feeds, show, read } => {
            let feeds = if feeds.is_empty() {
                vec![PathBuf::from("data/feed")]
            } else {
                feeds
            };
            let report = check::check(&feeds, &read.options(), &show);
            let mut out = std::io::stdout().lock();
            let _ = write!(out, "{}", report.summary());
            for text in &report.shown {
                let _ = writeln!(out, "{text}");
            }
            for id in show.iter().filter(|id| {
                !report
                    .shown
                    .iter()
                    .any(|s| s.contains(&format!("record {id} (")))
            }) {
                let _ = writeln!(out, "warning: no record with id {id}");
            }
            for line in report.warnings.iter() {
                let _ = writeln!(out, "warning: {line}");
            }
            for line in &report.problems {
                let _ = writeln!(out, "{line}");
            }
            for e in &report.file_errors {
                let _ = writeln!(out, "error: {e}");
            }
            Ok(report.exit_code())
        }
        Command::Build {
            feeds,
            config,
            quarters,
            year,
            cumulate,
            out,
            by,
            no_pdf,
            booklet,
            templates,
            jobs,
            read,
        } => {
            let started = Instant::now();
            let renderer = renderer(no_pdf, &templates)?;
            let config = load_config(&config)?;
            let _lock = prepare_output(&out)?;
            let quarters = match (year, quarters.is_empty()) {
                (Some(year), _) => Some((1..=4).map(|number| Quarter { year, number }).collect()),
                (None, true) => None,
                (None, false) => Some(
                    quarters
                        .iter()
                        .map(|q| q.parse::<Quarter>())
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(CliError::new)?,
                ),
            };
            let records = read_feeds(&feeds, &read)?;
            let collators = Collators::new();
            let options = PlanOptions {
                quarters,
                by: match by {
                    ByArg::Published => QuarterBy::Published,
                    ByArg::Catalogued => QuarterBy::Catalogued,
                },
                date: source_date()?,
            };
            let paper = config.library.paper;
            let booklet = booklet || config.library.booklet;
            let (summary, pdfs) = match year.filter(|_| cumulate) {
                Some(year) => {
                    let plan = build::plan_annual(&records, &config, &collators, year, &options);
                    let summary = output::write_annual(&plan, &out)
                        .map_err(|e| CliError::new(e.to_string()))?;
                    let documents: Vec<output::Document> = plan
                        .issues
                        .iter()
                        .map(|issue| output::Document {
                            issue,
                            path: out
                                .join(year.to_string())
                                .join(format!("{}.pdf", issue.bulletin)),
                            date: chrono::NaiveDate::parse_from_str(&issue.front.date, "%Y-%m-%d")
                                .unwrap_or_else(|_| Quarter { year, number: 4 }.last_day()),
                        })
                        .collect();
                    let pdfs = renderer.map(|r| {
                        output::write_documents(&documents, &r, paper, booklet, jobs as usize)
                    });
                    write_checksums([out.join(year.to_string())])?;
                    (summary, pdfs)
                }
                None => {
                    let plan = build::plan(&records, &config, &collators, &options);
                    let summary = output::write_plan(&plan, &out)
                        .map_err(|e| CliError::new(e.to_string()))?;
                    let pdfs = renderer.map(|r| {
                        output::write_pdfs(&plan, &out, &r, paper, booklet, jobs as usize)
                    });
                    write_checksums(
                        plan.quarters
                            .iter()
                            .map(|q| out.join(q.quarter.to_string())),
                    )?;
                    (summary, pdfs)
                }
            };
            finish(&summary, pdfs, records.len(), started, Vec::new())
        }
        Command::Index(args) => index_cmd::run(*args),
        Command::Package(args) => package::run(args),
    }
}

/// Writes `SHA256SUMS` in each period folder, once its other files are written.
fn write_checksums(folders: impl IntoIterator<Item = PathBuf>) -> Result<(), CliError> {
    for folder in folders {
        output::write_checksums(&folder).map_err(|e| CliError::new(e.to_string()))?;
    }
    Ok(())
}

/// The renderer, unless only JSON is wanted.
pub(crate) fn renderer(
    no_pdf: bool,
    templates: &Path,
) -> Result<Option<crate::render::Renderer>, CliError> {
    if no_pdf {
        return Ok(None);
    }
    crate::render::Renderer::new(templates)
        .map(Some)
        .map_err(|e| {
            CliError::new(e.to_string()).hint(
                "the templates folder must hold bulletin.typ (see templates/ in the repository)",
            )
        })
}

pub(crate) fn load_config(path: &Path) -> Result<Config, CliError> {
    Config::load(path).map_err(|e| {
        CliError::new(e.to_string())
            .hint("see data/bulletins.toml for the format of the configuration")
    })
}

pub(crate) fn read_feeds(feeds: &[PathBuf], read: &ReadArgs) -> Result<Vec<Record>, CliError> {
    feed::read_all(feeds, &read.options()).map_err(|errors| CliError {
        messages: errors.iter().map(ToString::to_string).collect(),
        hint: Some("run `bulletin check` on the feeds for the full list of problems".into()),
        code: 2,
    })
}

/// Prints the summary and the PDF outcome; fails when a document failed (or `errors`).
pub(crate) fn finish(
    summary: &str,
    pdfs: Option<output::PdfSummary>,
    records: usize,
    started: Instant,
    mut errors: Vec<String>,
) -> Result<i32, CliError> {
    let mut stdout = std::io::stdout().lock();
    for line in summary.lines() {
        let _ = writeln!(stdout, "{line}");
    }
    if let Some(pdfs) = &pdfs {
        for w in &pdfs.warnings {
            let _ = writeln!(stdout, "warning: {w}");
        }
        let _ = writeln!(stdout, "{} PDFs, {} pages", pdfs.documents, pdfs.pages);
        if pdfs.booklets > 0 {
            let _ = writeln!(stdout, "{} booklets for office printers", pdfs.booklets);
        }
    }
    let _ = writeln!(
        stdout,
        "{records} records read, done in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let failed_pdfs = pdfs.is_some_and(|p| {
        let failed = !p.failures.is_empty();
        errors.extend(p.failures);
        failed
    });
    if errors.is_empty() {
        return Ok(0);
    }
    Err(CliError {
        messages: errors,
        hint: failed_pdfs
            .then(|| "the previous PDFs of the failed documents were left in place".into()),
        code: 2,
    })
}
