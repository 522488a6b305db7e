//! `bulletin package`: each recipient's bulletins of a built quarter, zipped with a
//! covering letter, and a table of what went where.
//!
//! Everything is checked before anything is written: the configuration and the
//! distribution list (with positions), the quarter, the build in `<out>/<quarter>/`; the
//! letters are typeset and the zips assembled in memory, then written (see
//! [`crate::package`]).

use std::path::PathBuf;

use super::{CliError, load_config, prepare_output, renderer, source_date};
use crate::classify::Quarter;
use crate::package::{self, Distribution};

/// Arguments of `package`.
#[derive(Debug, Clone, clap::Args)]
pub struct PackageArgs {
    /// The built quarter, e.g. 2012-Q3.
    #[arg(long)]
    pub quarter: String,
    /// Who receives which bulletins.
    #[arg(long, default_value = "data/distribution.toml")]
    pub distribution: PathBuf,
    /// The bulletins' configuration.
    #[arg(long, default_value = "data/bulletins.toml")]
    pub config: PathBuf,
    /// The output folder the quarter was built into; packages go to <out>/<quarter>/packages/.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// Folder of the Typst templates (letter.typ).
    #[arg(long, default_value = "templates")]
    pub templates: PathBuf,
}

/// Runs `bulletin package`; returns the exit status.
pub(crate) fn run(args: &PackageArgs) -> Result<i32, CliError> {
    let quarter: Quarter = args
        .quarter
        .parse()
        .map_err(|e: <Quarter as std::str::FromStr>::Err| CliError::new(e.to_string()))?;
    let config = load_config(&args.config)?;
    let distribution = Distribution::load(&args.distribution, &config).map_err(|e| {
        CliError::new(e.to_string()).hint(
            "see data/distribution.toml for the format: [[recipient]] with id, name, bulletins",
        )
    })?;
    let renderer = renderer(false, &args.templates)?
        .ok_or_else(|| CliError::new("the covering letter needs the templates"))?;
    let _lock = prepare_output(&args.out)?;
    let quarter_dir = args.out.join(quarter.to_string());
    let packages = package::plan(&distribution, &quarter_dir).map_err(|e| {
        CliError::new(e.to_string()).hint(format!(
            "run `bulletin build --quarter {quarter} --out {}` first",
            args.out.display()
        ))
    })?;
    let date = source_date()?.unwrap_or_else(|| quarter.last_day());
    let paths = package::write(&packages, &config, quarter, &quarter_dir, &renderer, date)
        .map_err(|e| {
            let hint = match e {
                package::PackageError::Output(_) => "the packages already written are whole",
                _ => "no package was written",
            };
            CliError::new(e.to_string()).hint(hint)
        })?;
    print!("{}", package::table(&packages, &paths));
    Ok(0)
}
