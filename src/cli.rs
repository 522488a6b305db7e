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
use crate::overrides::Overrides;

mod index_cmd;
mod package;
mod progress;
mod watch_cmd;
mod web_cmd;

/// Quarterly thematic information bulletins from a library catalogue's exports.
#[derive(Debug, Parser)]
#[command(name = "bulletin", version, about)]
pub struct Cli {
    /// The subcommand and its arguments.
    #[command(subcommand)]
    pub command: Command,
}

/// `--format`: the feed format, forced ([`Format`]).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// MARCXML (RUSMARC or MARC 21 tags in the MARC 21 slim schema).
    Marcxml,
    /// ISO 2709 exchange format (`.iso`, `.mrc`).
    Iso2709,
    /// IRBIS64 plain-text export (`#200: ^A…`).
    Irbis,
}

/// `--dialect`: the MARC tag set, forced ([`Dialect`]).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DialectArg {
    /// RUSMARC / UNIMARC (200, 461/463, 606, 686, 700–702).
    Rusmarc,
    /// MARC 21 (245, 100/700, 773, 650, 084).
    Marc21,
}

/// `--encoding`: the byte encoding of ISO 2709 and IRBIS files, forced ([`Encoding`]).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EncodingArg {
    /// UTF-8, as current IRBIS64 and most MARC 21 exports write.
    Utf8,
    /// Windows-1251 (Cyrillic), as older IRBIS exports write.
    Cp1251,
}

/// `--by`: which date decides an article's quarter ([`QuarterBy`]).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ByArg {
    /// The article's publication date.
    Published,
    /// The cataloguing (intake) date, for late arrivals.
    Catalogued,
}

impl From<ByArg> for QuarterBy {
    fn from(by: ByArg) -> QuarterBy {
        match by {
            ByArg::Published => QuarterBy::Published,
            ByArg::Catalogued => QuarterBy::Catalogued,
        }
    }
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

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read feeds, print a summary and every problem (exit 0 clean, 1 problems, 2 unreadable).
    Check(CheckArgs),
    /// Build the quarterly bulletins (JSON and PDF) and the exceptions reports.
    Build(BuildArgs),
    /// Build bibliographic indexes: chronological or subject guides over any span.
    Index(Box<IndexArgs>),
    /// Print the figures of the quarters (or a year) as tables: the same as statistics.json.
    Stats(StatsArgs),
    /// Build, then rebuild the issues whose content changed after each change to the
    /// feeds, configuration, overrides or templates (a live preview).
    Watch(Box<WatchArgs>),
    /// Zip each recipient's bulletins of a built quarter with a covering letter.
    Package(package::PackageArgs),
}

/// The `stats` command's arguments.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Feed files or folders.
    #[arg(long = "feed", default_value = "data/feed")]
    pub feeds: Vec<PathBuf>,
    /// The bulletins' configuration.
    #[arg(long, default_value = "data/bulletins.toml")]
    pub config: PathBuf,
    /// Quarters, e.g. 2012-Q3 (default: every quarter in the feeds).
    #[arg(long = "quarter", conflicts_with = "year")]
    pub quarters: Vec<String>,
    /// The year, with its quarters side by side.
    #[arg(long)]
    pub year: Option<i32>,
    /// Which date decides an article's quarter.
    #[arg(long, value_enum, default_value = "published")]
    pub by: ByArg,
    /// The compiler's overrides (default: overrides.toml beside the configuration).
    #[arg(long)]
    pub overrides: Option<PathBuf>,
    /// How to read the feeds.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// The `watch` command's arguments: those of `build`, and one bulletin to watch.
#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    /// What to build, as for `build`.
    #[command(flatten)]
    pub build: BuildArgs,
    /// Only this bulletin (its id).
    #[arg(long)]
    pub bulletin: Option<String>,
}

/// The `check` command's arguments.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Feed files or folders (default: data/feed).
    pub feeds: Vec<PathBuf>,
    /// Also print the original text of the record with this id (repeatable).
    #[arg(long = "show", value_name = "ID")]
    pub show: Vec<String>,
    /// Which date decides an article's quarter (as for `build`).
    #[arg(long, value_enum, default_value = "published")]
    pub by: ByArg,
    /// The bulletins' configuration (its overrides file is applied, as by `build`).
    #[arg(long, default_value = "data/bulletins.toml")]
    pub config: PathBuf,
    /// The compiler's overrides (default: overrides.toml beside the configuration).
    #[arg(long)]
    pub overrides: Option<PathBuf>,
    /// How to read the feeds.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// Where a command writes, and what: shared by `build`, `index` and `watch`.
#[derive(Debug, clap::Args)]
pub struct OutputArgs {
    /// Output folder.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// Write the JSON only, no PDFs.
    #[arg(long)]
    pub no_pdf: bool,
    /// Leave out the web edition (the HTML pages and out/index.html).
    #[arg(long)]
    pub no_html: bool,
    /// Folder of the Typst and web templates.
    #[arg(long, default_value = "templates")]
    pub templates: PathBuf,
    /// Documents typeset at once (each uses several threads itself).
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..=16))]
    pub jobs: u16,
}

impl OutputArgs {
    /// The typesetter and the web edition's templates, each unless left out; both are
    /// loaded (and their errors reported) before any record is read.
    fn writers(
        &self,
    ) -> Result<(Option<crate::render::Renderer>, Option<crate::web::Web>), CliError> {
        Ok((
            renderer(self.no_pdf, &self.templates)?,
            web_cmd::load(&self.templates, self.no_html)?,
        ))
    }

    /// Documents typeset at once.
    fn jobs(&self) -> usize {
        usize::from(self.jobs)
    }
}

/// The `build` command's arguments.
#[derive(Debug, clap::Args)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each bool is one command-line flag"
)]
pub struct BuildArgs {
    /// Feed files or folders.
    #[arg(long = "feed", default_value = "data/feed")]
    pub feeds: Vec<PathBuf>,
    /// The bulletins' configuration.
    #[arg(long, default_value = "data/bulletins.toml")]
    pub config: PathBuf,
    /// The compiler's overrides (default: overrides.toml beside the configuration, when
    /// it exists).
    #[arg(long)]
    pub overrides: Option<PathBuf>,
    /// Quarters to build, e.g. 2012-Q3 (default: every quarter in the feeds).
    #[arg(long = "quarter", conflicts_with = "year")]
    pub quarters: Vec<String>,
    /// Build the four quarters of this year.
    #[arg(long)]
    pub year: Option<i32>,
    /// With --year: build one annual volume per bulletin instead (out/<year>/).
    #[arg(long, requires = "year")]
    pub cumulate: bool,
    /// Which date decides an article's quarter.
    #[arg(long, value_enum, default_value = "published")]
    pub by: ByArg,
    /// Also write each A5 bulletin imposed two pages to an A4 sheet (<id>.booklet.pdf).
    #[arg(long, conflicts_with = "no_pdf")]
    pub booklet: bool,
    /// Where and what to write.
    #[command(flatten)]
    pub output: OutputArgs,
    /// How to read the feeds.
    #[command(flatten)]
    pub read: ReadArgs,
}

impl BuildArgs {
    /// The quarters asked for: the four of `--year`, those of `--quarter`, or `None` for
    /// every quarter in the feeds.
    pub(crate) fn quarters(&self) -> Result<Option<Vec<Quarter>>, CliError> {
        match (self.year, self.quarters.is_empty()) {
            (Some(year), _) => Ok(Some(
                (1..=4).map(|number| Quarter { year, number }).collect(),
            )),
            (None, true) => Ok(None),
            (None, false) => self
                .quarters
                .iter()
                .map(|q| q.parse::<Quarter>())
                .collect::<Result<Vec<_>, _>>()
                .map(Some)
                .map_err(|e| CliError::new(e.to_string())),
        }
    }
}

/// `--kind`: the arrangement of an index given on the command line
/// ([`crate::index::IndexKind`]).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum IndexKindArg {
    /// Year → month → day.
    Chronological,
    /// Subject headings in collation order, chronological inside.
    Subject,
}

/// `--language`: the language of an index's headings and apparatus
/// ([`crate::index::IndexLanguage`]).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum IndexLanguageArg {
    /// Azerbaijani.
    Az,
    /// Russian.
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
    /// Split an index with more entries than this into volumes (default: the guide's
    /// `max_entries`, else 2500).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_entries: Option<u32>,
    /// Feed files or folders.
    #[arg(long = "feed", default_value = "data/feed")]
    pub feeds: Vec<PathBuf>,
    /// The bulletins' configuration.
    #[arg(long, default_value = "data/bulletins.toml")]
    pub config: PathBuf,
    /// The compiler's overrides (default: overrides.toml beside the configuration).
    #[arg(long)]
    pub overrides: Option<PathBuf>,
    /// The index definitions.
    #[arg(long, default_value = "data/indexes.toml")]
    pub definitions: PathBuf,
    /// Where and what to write (indexes go to <out>/indexes/).
    #[command(flatten)]
    pub output: OutputArgs,
    /// How to read the feeds.
    #[command(flatten)]
    pub read: ReadArgs,
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
    /// One `error:` line each (every unreadable feed, every failed document).
    pub messages: Vec<String>,
    /// What to do about it, printed once as a `hint:` line.
    pub hint: Option<String>,
    /// The exit status (2: an input or configuration that cannot be used).
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
pub(crate) fn source_date() -> Result<Option<chrono::NaiveDate>, CliError> {
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
    Ok(Some(date.date_naive()))
}

/// Runs a parsed command line; returns the exit status.
pub fn run(cli: Cli) -> Result<i32, CliError> {
    match cli.command {
        Command::Check(args) => check_command(&args),
        Command::Build(args) => build_command(&args),
        Command::Index(args) => index_cmd::run(&args),
        Command::Stats(args) => web_cmd::run(&args),
        Command::Watch(args) => watch_cmd::run(&args),
        Command::Package(args) => package::run(&args),
    }
}

/// `bulletin check`: prints the summary, the records asked for and every problem.
fn check_command(args: &CheckArgs) -> Result<i32, CliError> {
    let default_feeds = [PathBuf::from("data/feed")];
    let feeds = if args.feeds.is_empty() {
        &default_feeds[..]
    } else {
        &args.feeds[..]
    };
    // The overrides need the configuration (their subtopics); without either, none apply.
    let overrides = if args.overrides.is_some() || args.config.is_file() {
        let config = load_config(&args.config)?;
        load_overrides(args.overrides.as_deref(), &args.config, &config)?
    } else {
        Overrides::none()
    };
    let report = check::check(
        feeds,
        &args.read.options(),
        args.by.into(),
        &overrides,
        &args.show,
    );
    let mut out = std::io::stdout().lock();
    let _ = write!(out, "{}", report.summary());
    for text in &report.shown {
        let _ = writeln!(out, "{text}");
    }
    for id in args.show.iter().filter(|id| {
        !report
            .shown
            .iter()
            .any(|s| s.contains(&format!("record {id} (")))
    }) {
        let _ = writeln!(out, "warning: no record with id {id}");
    }
    for line in &report.warnings {
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

/// `bulletin build`: the quarters (or the annual volumes) as JSON and PDF.
fn build_command(args: &BuildArgs) -> Result<i32, CliError> {
    let started = Instant::now();
    let (renderer, web) = args.output.writers()?;
    let config = load_config(&args.config)?;
    let _lock = prepare_output(&args.output.out)?;
    let quarters = args.quarters()?;
    let overrides = load_overrides(args.overrides.as_deref(), &args.config, &config)?;
    let mut records = read_feeds(&args.feeds, &args.read)?;
    overrides.edit(&mut records);
    warn_missing(&overrides, &records);
    let collators = Collators::new();
    let options = PlanOptions {
        quarters,
        by: args.by.into(),
        date: source_date()?,
        overrides: std::sync::Arc::new(overrides),
    };
    let paper = config.library.paper;
    let booklet = args.booklet || config.library.booklet;
    let jobs = args.output.jobs();
    let out = &args.output.out;
    let (summary, pdfs) = if let Some(year) = args.year.filter(|_| args.cumulate) {
        let plan = build::plan_annual(&records, &config, &collators, year, &options);
        let mut summary = output::write_annual(&plan, out)
            .map_err(|e| CliError::new(e.to_string()))?
            + &applied_overrides(&plan.exceptions);
        let documents: Vec<output::Document> = plan
            .issues
            .iter()
            .map(|issue| output::Document {
                issue,
                path: out
                    .join(year.to_string())
                    .join(format!("{}.pdf", issue.bulletin)),
            })
            .collect();
        let pdfs = renderer.map(|r| {
            let progress = &mut progress::Display::new();
            output::write_documents(&documents, &r, paper, booklet, jobs, progress)
        });
        let quarters = web_cmd::plan_year(&records, &config, &collators, year, &options);
        summary.push_str(&web_cmd::annual(
            &plan,
            &quarters,
            out,
            web.as_ref(),
            &config,
        )?);
        write_checksums([out.join(year.to_string())])?;
        (summary, pdfs)
    } else {
        let plan = build::plan(&records, &config, &collators, &options);
        let mut summary =
            output::write_plan(&plan, out).map_err(|e| CliError::new(e.to_string()))?;
        for q in &plan.quarters {
            summary.push_str(&applied_overrides(&q.exceptions));
        }
        let pdfs = renderer.map(|r| {
            let progress = &mut progress::Display::new();
            output::write_pdfs(&plan, out, &r, paper, booklet, jobs, progress)
        });
        summary.push_str(&web_cmd::quarters(
            &plan,
            out,
            args.year,
            web.as_ref(),
            &config,
        )?);
        write_checksums(
            plan.quarters
                .iter()
                .map(|q| out.join(q.quarter.to_string())),
        )?;
        (summary, pdfs)
    };
    finish(&summary, pdfs, records.len(), started, Vec::new())
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

/// The bulletins' configuration, validated; an error points at the format's example.
pub(crate) fn load_config(path: &Path) -> Result<Config, CliError> {
    Config::load(path).map_err(|e| {
        CliError::new(e.to_string())
            .hint("see data/bulletins.toml for the format of the configuration")
    })
}

/// The compiler's overrides ([`Overrides::for_run`]); an error points at the README.
pub(crate) fn load_overrides(
    path: Option<&Path>,
    config_path: &Path,
    config: &Config,
) -> Result<Overrides, CliError> {
    Overrides::for_run(path, config_path, config).map_err(|e| {
        CliError::new(e.to_string())
            .hint("see README (editorial decisions) for the format of the overrides")
    })
}

/// The summary's lines for the overrides applied in a period.
pub(crate) fn applied_overrides(report: &build::ExceptionsReport) -> String {
    use std::fmt::Write as _;
    let period = report.quarter.as_deref().unwrap_or("");
    let mut lines = String::new();
    for o in &report.overrides {
        let _ = writeln!(
            lines,
            "{period}: override {}: record {}: {}",
            o.at, o.record, o.decision
        );
    }
    lines
}

/// Warns of overrides whose record is not in the feeds (it may be in another quarter).
pub(crate) fn warn_missing(overrides: &Overrides, records: &[Record]) {
    for w in overrides.missing(records) {
        eprintln!("warning: {w}");
    }
}

/// Every record of the feeds; any unreadable file or record fails the run, each listed.
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
