//! The web edition and the statistics in the commands: `build` and `index` write each
//! document's page, the statistics and the folder's `index.html` after the JSON and PDFs
//! (so the pages link the PDFs that exist); `bulletin stats` prints the same figures.
//!
//! The figures come from [`Statistics::of_quarter`] / [`Statistics::of_year`] in every
//! case, so `statistics.json`, the statistics page and the terminal table always agree.

use std::fmt::Write as _;
use std::path::Path;

use super::{CliError, StatsArgs, load_config, read_feeds, source_date};
use crate::build::{self, PlanOptions, QuarterPlan};
use crate::classify::Quarter;
use crate::collate::Collators;
use crate::config::{Bulletin, Config};
use crate::issue::Issue;
use crate::output;
use crate::stats::Statistics;
use crate::web::Web;

/// The web templates (`<templates>/web`), unless `--no-html`; loaded before any work so
/// that a template error stops the run at once.
pub(crate) fn load(templates: &Path, no_html: bool) -> Result<Option<Web>, CliError> {
    if no_html {
        return Ok(None);
    }
    Web::new(&templates.join("web")).map(Some).map_err(|e| {
        CliError::new(e.to_string())
            .hint("the templates folder must hold web/ (see templates/web in the repository)")
    })
}

fn failed(e: impl std::fmt::Display) -> CliError {
    CliError::new(e.to_string())
}

fn bulletin_order(config: &Config) -> Vec<&str> {
    config.bulletins.iter().map(Bulletin::id).collect()
}

/// Writes `dir/statistics.json` and, with the web edition, `dir/statistics.html`.
fn write_statistics(
    statistics: &Statistics,
    dir: &Path,
    web: Option<&Web>,
) -> Result<(), CliError> {
    output::write_json(&dir.join("statistics.json"), statistics).map_err(failed)?;
    if let Some(web) = web {
        web.write_statistics(statistics, dir).map_err(failed)?;
    }
    Ok(())
}

/// Writes the pages of `issues` into `dir`.
fn write_pages(issues: &[Issue], dir: &Path, web: &Web) -> Result<(), CliError> {
    for issue in issues {
        web.write_issue(issue, dir).map_err(failed)?;
    }
    Ok(())
}

/// Writes `index.html` and the search index of the folder; returns the summary line.
pub(crate) fn publish(web: &Web, out: &Path, config: &Config) -> Result<String, CliError> {
    let published = web.publish(out, &bulletin_order(config)).map_err(failed)?;
    Ok(format!(
        "web edition: {} documents, {} entries searchable → {}\n",
        published.documents,
        published.entries,
        published.path.display()
    ))
}

/// After a quarterly build: each quarter's statistics and pages, a year's statistics when
/// the build was of a whole year, and the folder's index.
pub(crate) fn quarters(
    plan: &build::Plan,
    out: &Path,
    year: Option<i32>,
    web: Option<&Web>,
    config: &Config,
) -> Result<String, CliError> {
    for q in &plan.quarters {
        let dir = out.join(q.quarter.to_string());
        write_statistics(&Statistics::of_quarter(q), &dir, web)?;
        if let Some(web) = web {
            write_pages(&q.issues, &dir, web)?;
        }
    }
    if let Some(year) = year {
        let statistics = Statistics::of_year(year, &plan.quarters);
        write_statistics(&statistics, &out.join(year.to_string()), web)?;
    }
    web.map_or(Ok(String::new()), |web| publish(web, out, config))
}

/// After an annual build: the volumes' pages, the year's statistics (over its quarters,
/// planned by the same rule as the quarterly build) and the folder's index.
pub(crate) fn annual(
    volumes: &build::AnnualPlan,
    quarters: &[QuarterPlan],
    out: &Path,
    web: Option<&Web>,
    config: &Config,
) -> Result<String, CliError> {
    let dir = out.join(volumes.year.to_string());
    write_statistics(&Statistics::of_year(volumes.year, quarters), &dir, web)?;
    let Some(web) = web else {
        return Ok(String::new());
    };
    write_pages(&volumes.issues, &dir, web)?;
    publish(web, out, config)
}

/// After `bulletin index`: the indexes' pages and the folder's index.
pub(crate) fn indexes(
    built: &[Issue],
    dir: &Path,
    out: &Path,
    web: Option<&Web>,
    config: &Config,
) -> Result<String, CliError> {
    let Some(web) = web else {
        return Ok(String::new());
    };
    write_pages(built, dir, web)?;
    publish(web, out, config)
}

/// The four quarters of `year`, planned as the quarterly build plans them.
pub(crate) fn plan_year(
    records: &[crate::model::Record],
    config: &Config,
    collators: &Collators,
    year: i32,
    options: &PlanOptions,
) -> Vec<QuarterPlan> {
    let options = PlanOptions {
        quarters: Some((1..=4).map(|number| Quarter { year, number }).collect()),
        ..options.clone()
    };
    build::plan(records, config, collators, &options).quarters
}

/// `bulletin stats`: the figures of the quarters (or the year) as tables.
pub(crate) fn run(args: &StatsArgs) -> Result<i32, CliError> {
    let config = load_config(&args.config)?;
    let quarters = args
        .quarters
        .iter()
        .map(|q| q.parse::<Quarter>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| CliError::new(e.to_string()))?;
    let overrides = super::load_overrides(args.overrides.as_deref(), &args.config, &config)?;
    let mut records = read_feeds(&args.feeds, &args.read)?;
    overrides.edit(&mut records);
    let collators = Collators::new();
    let options = PlanOptions {
        quarters: (!quarters.is_empty()).then_some(quarters),
        by: args.by.into(),
        date: source_date()?,
        overrides: std::sync::Arc::new(overrides),
    };
    let mut text = String::new();
    if let Some(year) = args.year {
        let plans = plan_year(&records, &config, &collators, year, &options);
        text.push_str(&Statistics::of_year(year, &plans).table());
    } else {
        let plan = build::plan(&records, &config, &collators, &options);
        for (i, q) in plan.quarters.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            text.push_str(&Statistics::of_quarter(q).table());
        }
        if plan.quarters.is_empty() {
            let _ = writeln!(text, "no dated records in the feeds");
        }
    }
    print!("{text}");
    Ok(0)
}
