//! `bulletin watch`: the build, then a rebuild of what changed after every save.
//!
//! Changes are noticed through the operating system's file notifications (`notify`);
//! a burst of events (an editor's save writes several times) is gathered for a moment
//! before one rebuild. Errors are printed and the watch goes on; it ends with Ctrl-C.

use std::io::Write;
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use super::{CliError, WatchArgs, prepare_output, source_date};
use crate::watch::{Session, Settings};

/// Runs `bulletin watch` until interrupted.
pub(crate) fn run(args: &WatchArgs) -> Result<i32, CliError> {
    let b = &args.build;
    let quarters = b.quarters()?;
    let config = super::load_config(&b.config)?;
    if let Some(id) = &args.bulletin
        && config.bulletin(id).is_none()
    {
        return Err(CliError::new(format!("no bulletin \"{id}\" is configured")));
    }
    let _lock = prepare_output(&b.output.out)?;
    let settings = Settings {
        feeds: b.feeds.clone(),
        config: b.config.clone(),
        overrides: b.overrides.clone(),
        templates: b.output.templates.clone(),
        out: b.output.out.clone(),
        quarters,
        bulletin: args.bulletin.clone(),
        read: b.read.options(),
        by: b.by.into(),
        date: source_date()?,
    };
    let mut session = Session::new(settings).map_err(CliError::new)?;
    let (tx, rx) = mpsc::channel();
    // Our own writes (the output folder may lie inside a watched one) set nothing off.
    let out = std::fs::canonicalize(&b.output.out).unwrap_or_else(|_| b.output.out.clone());
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && !event.kind.is_access()
            && !event.paths.iter().all(|p| p.starts_with(&out))
        {
            let _ = tx.send(());
        }
    })
    .map_err(|e| CliError::new(format!("cannot watch files: {e}")))?;
    for path in session.watched() {
        watcher
            .watch(&path, RecursiveMode::Recursive)
            .map_err(|e| CliError::new(format!("cannot watch {}: {e}", path.display())))?;
    }
    let report = |outcomes: Vec<crate::watch::Outcome>| {
        let mut out = std::io::stdout().lock();
        for o in outcomes {
            let _ = writeln!(out, "{o}");
        }
        let _ = out.flush();
    };
    report(session.rebuild());
    println!("watching for changes (Ctrl-C to stop)");
    while rx.recv().is_ok() {
        // Gather the burst of events one save makes, then rebuild once.
        std::thread::sleep(Duration::from_millis(60));
        while rx.try_recv().is_ok() {}
        report(session.rebuild());
    }
    Ok(0)
}
