//! The project's measuring tool, kept out of the product: `cargo run -p bench --release --
//! stages …` times each stage of the pipeline on generated feeds (see docs/performance.md).
//! The feed generators live in the `synth` crate; this crate's examples (`sample`, `feed`,
//! `bench_describe`, `bench_index`) regenerate the shipped sample and measure single stages.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod document;
mod stages;

/// Measures `bulletin` on generated feeds.
#[derive(Debug, Parser)]
#[command(name = "bench", about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Time each stage (read; place + order + describe; typeset) per size and format, each
    /// case in its own process, and print a Markdown table.
    Stages(StagesArgs),
    /// Typeset one big bulletin (six subtopics, name index, periodicals) and, in the same
    /// run, the same entries as a grouped Hayagriva bibliography with the Typst CLI.
    Document(DocumentArgs),
}

/// Arguments of `document`.
#[derive(Debug, Clone, clap::Args)]
struct DocumentArgs {
    /// Generated articles of one quarter (about as many entries result).
    #[arg(long, default_value_t = 10_000)]
    records: usize,
    /// Where the Typst CLI's project and (with --keep) the PDFs go.
    #[arg(long)]
    scratch: Option<PathBuf>,
    /// Keep both PDFs in the scratch folder.
    #[arg(long)]
    keep: bool,
    /// Typeset each document this many times; the fastest counts.
    #[arg(long, default_value_t = 1)]
    runs: usize,
    /// Skip the Typst CLI (template experiments).
    #[arg(long)]
    no_cli: bool,
    /// The templates folder.
    #[arg(long, default_value = "templates")]
    templates: PathBuf,
}

/// Arguments of `stages`.
#[derive(Debug, Clone, clap::Args)]
struct StagesArgs {
    /// Feed sizes in records, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "10000,100000")]
    records: Vec<usize>,
    /// Feed formats, comma-separated (marcxml, marcxml-marc21, iso2709, iso2709-cp1251, iso2709-marc21, irbis).
    #[arg(long, value_delimiter = ',', default_value = "marcxml,iso2709,irbis")]
    formats: Vec<String>,
    /// Typeset only feeds up to this many records.
    #[arg(long, default_value_t = 10_000)]
    typeset_max: usize,
    /// Documents typeset at once.
    #[arg(long, default_value_t = 2)]
    jobs: usize,
    /// Where the generated feeds go while they are measured.
    #[arg(long)]
    scratch: Option<PathBuf>,
    /// Also write the table to this Markdown file.
    #[arg(long)]
    write: Option<PathBuf>,
    /// Also typeset one big bulletin of this many generated articles against the Typst
    /// CLI (`document`), in its own process, and print its table after the stages'.
    #[arg(long, default_value_t = 0)]
    document: usize,
    /// Internal: measure in this process and print table rows only.
    #[arg(long, hide = true)]
    row: bool,
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Stages(args) => stages_command(&args),
        Command::Document(args) => document_command(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn document_command(args: &DocumentArgs) -> Result<(), String> {
    let config = bulletin::config::Config::load(Path::new("data/bulletins.toml"))
        .map_err(|e| e.to_string())?;
    let options = document::DocumentOptions {
        records: args.records,
        scratch: args
            .scratch
            .clone()
            .unwrap_or_else(|| std::env::temp_dir().join("bench-document")),
        keep: args.keep,
        runs: args.runs,
        cli: !args.no_cli,
    };
    let table = document::run(&options, &config, &args.templates)?;
    println!("{table}");
    Ok(())
}

fn stages_command(args: &StagesArgs) -> Result<(), String> {
    let formats = args
        .formats
        .iter()
        .map(|f| f.parse::<synth::SynthFormat>())
        .collect::<Result<Vec<_>, _>>()?;
    let config = bulletin::config::Config::load(Path::new("data/bulletins.toml"))
        .map_err(|e| e.to_string())?;
    let scratch = args.scratch.clone().unwrap_or_else(std::env::temp_dir);
    let options = stages::BenchOptions {
        sizes: args.records.clone(),
        formats,
        typeset_max: args.typeset_max,
        threads: args.jobs.max(1),
    };
    if args.row {
        let rows = stages::run(&options, &config, Path::new("templates"), &scratch)?;
        print!("{rows}");
        return Ok(());
    }
    let passthrough: Vec<String> = args
        .scratch
        .iter()
        .flat_map(|s| ["--scratch".to_string(), s.display().to_string()])
        .collect();
    let mut table = stages::run_isolated(&options, &passthrough)?;
    if args.document > 0 {
        let exe = std::env::current_exe().map_err(|e| format!("cannot find the bench: {e}"))?;
        let out = std::process::Command::new(exe)
            .args(["document", "--records", &args.document.to_string()])
            .args(&passthrough)
            .stderr(std::process::Stdio::inherit())
            .output()
            .map_err(|e| format!("cannot run the document case: {e}"))?;
        if !out.status.success() {
            return Err("the document case failed".into());
        }
        table.push('\n');
        table.push_str(&String::from_utf8_lossy(&out.stdout));
    }
    println!("{table}");
    if let Some(path) = &args.write {
        bulletin::output::write_atomic(path, table.as_bytes()).map_err(|e| e.to_string())?;
    }
    Ok(())
}
