//! `bulletin index`: build bibliographic indexes by name, all of them, or from arguments.
//!
//! Everything given is validated before the feeds are read (the definitions file, the
//! dates, the selection with its column). Each index is built independently: one that
//! selects nothing is reported by name and writes nothing, and the others are still
//! written, to `<out>/indexes/<id>.json` and `.pdf`.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;

use super::{
    CliError, IndexArgs, IndexKindArg, IndexLanguageArg, finish, load_config, read_feeds,
    source_date,
};
use crate::collate::Collators;
use crate::config::valid_id;
use crate::index::defs::Definitions;
use crate::index::{self, IndexKind, IndexLanguage, IndexSpec};
use crate::output;
use crate::select::Selection;

fn date(value: Option<&str>, option: &str) -> Result<NaiveDate, CliError> {
    let value = value.ok_or_else(|| CliError::new(format!("--{option} is required")))?;
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| {
        CliError::new(format!(
            "--{option} {value}: not a date; write it as 2012-01-31"
        ))
    })
}

/// The guides the arguments ask for.
fn specs(args: &IndexArgs, config: &crate::config::Config) -> Result<Vec<IndexSpec>, CliError> {
    let definitions = || {
        Definitions::load(&args.definitions, config).map_err(|e| {
            CliError::new(e.to_string())
                .hint("see data/indexes.toml for the format of index definitions")
        })
    };
    if args.all {
        return Ok(definitions()?.indexes);
    }
    if let Some(name) = &args.name {
        let defs = definitions()?;
        return match defs.get(name) {
            Some(spec) => Ok(vec![spec.clone()]),
            None => Err(CliError::new(format!(
                "no index \"{name}\" in {}",
                args.definitions.display()
            ))
            .hint(format!(
                "the defined indexes are: {}",
                defs.indexes
                    .iter()
                    .map(|i| i.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        };
    }
    let Some(kind) = args.kind else {
        return Err(CliError::new(
            "say which index to build: a NAME from the definitions, --all, or --kind with --from and --to",
        ));
    };
    let kind = match kind {
        IndexKindArg::Chronological => IndexKind::Chronological,
        IndexKindArg::Subject => IndexKind::Subject,
    };
    let (from, to) = (
        date(args.from.as_deref(), "from")?,
        date(args.to.as_deref(), "to")?,
    );
    let selection = match &args.select {
        Some(text) => {
            let selection = Selection::parse(text, config)
                .map_err(|e| CliError::new(format!("--select: {e}")))?;
            Some(selection)
        }
        None => None,
    };
    let id = args
        .id
        .clone()
        .unwrap_or_else(|| format!("{}-{from}-{to}", kind.name()));
    if !valid_id(&id) {
        return Err(CliError::new(format!(
            "--id \"{id}\" must be [a-z0-9-] only (it names the output files)"
        )));
    }
    Ok(vec![IndexSpec {
        id,
        kind,
        title: args.title.clone(),
        from,
        to,
        selection,
        language: match args.language {
            Some(IndexLanguageArg::Ru) => IndexLanguage::Russian,
            _ => IndexLanguage::Azerbaijani,
        },
        date: None,
        max_entries: index::DEFAULT_MAX_ENTRIES,
    }])
}

/// Writes an index's JSON (each volume's, and the contents file of a split index), first
/// removing what an earlier build of the same index left in the other form; adds its
/// summary lines.
fn write_index(
    index: &index::BuiltIndex,
    spec: &IndexSpec,
    dir: &Path,
    summary: &mut String,
) -> Result<(), CliError> {
    let fail = |e: output::OutputError| CliError::new(e.to_string());
    let contents_path = dir.join(format!("{}.volumes.json", spec.id));
    // What an earlier build left in the other form (volumes, or one document) goes.
    output::remove_listed_volumes(&contents_path).map_err(fail)?;
    if index.is_split() {
        output::remove_document(dir, &spec.id).map_err(fail)?;
    }
    for issue in &index.volumes {
        let path = dir.join(format!("{}.json", issue.bulletin));
        output::write_json(&path, issue).map_err(fail)?;
        let in_span = if index.is_split() {
            String::new()
        } else {
            format!(" of {} records in the span", index.report.in_span)
        };
        let _ = writeln!(
            summary,
            "{}: {} index, {} entries{in_span}, {} names, periodicals: {} → {}",
            issue.bulletin,
            spec.kind.name(),
            issue.entry_count(),
            issue.names.len(),
            issue.periodicals.len(),
            path.display()
        );
    }
    if index.is_split() {
        let contents = index.contents(spec);
        output::write_json(&contents_path, &contents).map_err(fail)?;
        let _ = writeln!(
            summary,
            "{}: {} entries of {} records in the span, in {} volumes of at most {} → {}",
            spec.id,
            contents.entries,
            index.report.in_span,
            index.volumes.len(),
            spec.max_entries,
            contents_path.display()
        );
    }
    Ok(())
}

/// Runs `bulletin index`.
pub(crate) fn run(args: &IndexArgs) -> Result<i32, CliError> {
    let started = Instant::now();
    let (renderer, web) = args.output.writers()?;
    let config = load_config(&args.config)?;
    let mut specs = specs(args, &config)?;
    let date = source_date()?;
    for spec in &mut specs {
        spec.date = date;
        if let Some(max) = args.max_entries {
            spec.max_entries = max as usize;
        }
    }
    let _lock = super::prepare_output(&args.output.out)?;
    let overrides = super::load_overrides(args.overrides.as_deref(), &args.config, &config)?;
    let mut records = read_feeds(&args.feeds, &args.read)?;
    overrides.edit(&mut records);
    super::warn_missing(&overrides, &records);
    // The compiler's exclusions hold in indexes too.
    records.retain(|r| overrides.excluded(&r.id).is_none());
    let collators = Collators::new();
    let indexer = index::Indexer::new(&config, &collators);
    let dir = args.output.out.join("indexes");
    let mut built = Vec::new();
    let mut errors = Vec::new();
    let mut summary = String::new();
    for spec in &specs {
        match indexer.build(&records, spec) {
            Ok(index) => {
                write_index(&index, spec, &dir, &mut summary)?;
                built.extend(index.volumes);
            }
            Err(e) => errors.push(e.to_string()),
        }
    }
    let pdfs = renderer.map(|r| {
        let documents: Vec<output::Document> = built
            .iter()
            .map(|issue| output::Document {
                issue,
                path: dir.join(format!("{}.pdf", issue.bulletin)),
            })
            .collect();
        output::write_documents(
            &documents,
            &r,
            config.library.paper,
            false,
            args.output.jobs(),
            &mut super::progress::Display::new(),
        )
    });
    summary.push_str(&super::web_cmd::indexes(
        &built,
        &dir,
        &args.output.out,
        web.as_ref(),
        &config,
    )?);
    finish(&summary, pdfs, records.len(), started, errors)
}
