//! Command line: raw arguments become validated settings before any work starts.
//!
//! `main.rs` only calls [`run`] and prints what it returns: errors as `error:` lines with
//! an optional `hint:` line, and the exit status (0 success, 1 problems found in the
//! records, 2 an input or configuration that cannot be used).

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

use crate::build::{self, PlanOptions};
use crate::check;
use crate::classify::{Quarter, QuarterBy};
use crate::collate::Collators;
use crate::config::Config;
use crate::feed::{self, Encoding, ReadOptions};
use crate::model::{Dialect, Format};
use crate::output;

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
    /// Measure each stage on generated feeds (read, place+order+describe, typeset).
    Bench(BenchArgs),
    /// Read feeds, print a summary and every problem (exit 0 clean, 1 problems, 2 unreadable).
    Check {
        /// Feed files or folders (default: data/feed).
        feeds: Vec<PathBuf>,
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
        #[arg(long = "quarter")]
        quarters: Vec<String>,
        /// Output folder.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// Which date decides an article's quarter.
        #[arg(long, value_enum, default_value = "published")]
        by: ByArg,
        /// Write the JSON only, no PDFs.
        #[arg(long)]
        no_pdf: bool,
        /// Folder of the Typst templates.
        #[arg(long, default_value = "templates")]
        templates: PathBuf,
        /// Documents typeset at once (each uses several threads itself).
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..=16))]
        jobs: u16,
        #[command(flatten)]
        read: ReadArgs,
    },
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

/// A user-facing error: what went wrong, and what to do about it.
#[derive(Debug)]
pub struct CliError {
    pub messages: Vec<String>,
    pub hint: Option<String>,
    pub code: i32,
}

impl CliError {
    fn new(message: impl Into<String>) -> CliError {
        CliError {
            messages: vec![message.into()],
            hint: None,
            code: 2,
        }
    }

    fn hint(mut self, hint: impl Into<String>) -> CliError {
        self.hint = Some(hint.into());
        self
    }
}

/// The document date: `SOURCE_DATE_EPOCH` when set, else each quarter's last day.
fn source_date() -> Result<Option<String>, CliError> {
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
        Command::Check { feeds, read } => {
            let feeds = if feeds.is_empty() {
                vec![PathBuf::from("data/feed")]
            } else {
                feeds
            };
            let report = check::check(&feeds, &read.options());
            let mut out = std::io::stdout().lock();
            let _ = write!(out, "{}", report.summary());
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
            out,
            by,
            no_pdf,
            templates,
            jobs,
            read,
        } => {
            let started = Instant::now();
            let renderer = if no_pdf {
                None
            } else {
                Some(crate::render::Renderer::new(&templates).map_err(|e| {
                    CliError::new(e.to_string()).hint(
                        "the templates folder must hold bulletin.typ (see templates/ in the repository)",
                    )
                })?)
            };
            let config = Config::load(&config).map_err(|e| {
                CliError::new(e.to_string())
                    .hint("see data/bulletins.toml for the format of the configuration")
            })?;
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
            let _lock = output::lock_output(&out).map_err(|e| {
                CliError::new(e.to_string())
                    .hint("wait for the other build to finish, or choose another --out")
            })?;
            output::remove_stale_temporaries(&out);
            let quarters = if quarters.is_empty() {
                None
            } else {
                Some(
                    quarters
                        .iter()
                        .map(|q| q.parse::<Quarter>())
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(CliError::new)?,
                )
            };
            let records = feed::read_all(&feeds, &read.options()).map_err(|errors| CliError {
                messages: errors.iter().map(ToString::to_string).collect(),
                hint: Some(
                    "run `bulletin check` on the feeds for the full list of problems".into(),
                ),
                code: 2,
            })?;
            let collators = Collators::new();
            let options = PlanOptions {
                quarters,
                by: match by {
                    ByArg::Published => QuarterBy::Published,
                    ByArg::Catalogued => QuarterBy::Catalogued,
                },
                date: source_date()?,
            };
            let plan = build::plan(&records, &config, &collators, &options);
            let summary =
                output::write_plan(&plan, &out).map_err(|e| CliError::new(e.to_string()))?;
            let pdfs = renderer
                .map(|r| output::write_pdfs(&plan, &out, &r, config.library.paper, jobs as usize));
            let mut stdout = std::io::stdout().lock();
            for line in summary.lines() {
                let _ = writeln!(stdout, "{line}");
            }
            if let Some(pdfs) = &pdfs {
                for w in &pdfs.warnings {
                    let _ = writeln!(stdout, "warning: {w}");
                }
                let _ = writeln!(stdout, "{} PDFs, {} pages", pdfs.documents, pdfs.pages);
            }
            let _ = writeln!(
                stdout,
                "{} records read, done in {:.1} s",
                records.len(),
                started.elapsed().as_secs_f64()
            );
            match pdfs {
                Some(p) if !p.failures.is_empty() => Err(CliError {
                    messages: p.failures,
                    hint: Some(
                        "the previous PDFs of the failed bulletins were left in place".into(),
                    ),
                    code: 2,
                }),
                _ => Ok(0),
            }
        }
    }
}
