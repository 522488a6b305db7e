//! How the command line shows a typesetting run: a progress bar on a terminal, a plain
//! `wrote PATH (N pages)` line per document otherwise (logs, CI).

use std::io::IsTerminal;
use std::path::Path;

use crate::output::Progress;

/// The command line's [`Progress`].
pub(crate) struct Display {
    bar: Option<indicatif::ProgressBar>,
}

impl Display {
    pub(crate) fn new() -> Display {
        Display { bar: None }
    }
}

impl Progress for Display {
    fn start(&mut self, total: usize) {
        if !std::io::stderr().is_terminal() {
            return;
        }
        let bar = indicatif::ProgressBar::new(total as u64);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} PDFs  {msg}")
        {
            bar.set_style(style);
        }
        self.bar = Some(bar);
    }

    fn done(&mut self, path: &Path, pages: Option<usize>) {
        match (&self.bar, pages) {
            (Some(bar), _) => {
                bar.set_message(path.display().to_string());
                bar.inc(1);
            }
            (None, Some(pages)) => eprintln!("wrote {} ({pages} pages)", path.display()),
            (None, None) => {}
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}
