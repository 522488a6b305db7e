//! Rendering: one [`Issue`] in, one print-ready, accessible PDF out (PDF/A-2 together with
//! PDF/UA-1), with Typst embedded.
//!
//! A [`Renderer`] is built once per run: it reads the template folder, loads the embedded
//! fonts and builds Typst's standard library, and is shared (`Send + Sync`) by every
//! document of the run. [`Renderer::render`] serves the issue to the template as the JSON
//! file `/data/issue.json` (never as generated Typst source), compiles, takes the unused soft
//! hyphens out of the text layer ([`hyphenate::whole_words`]) and exports tagged PDF/A +
//! PDF/UA-1 (title, language per entry, running heads and page numbers as artifacts); with
//! [`RenderOptions::booklet`] an A5 document is also imposed for office printers
//! (`booklet`). [`Renderer::render_data`] typesets other data with another main template of
//! the folder (the covering letters of `crate::package`).
//! Invariants: the output depends only on the template folder, the issue and the
//! [`RenderOptions`] — no clock, no system fonts, no files outside the template folder — so
//! the same input gives a byte-identical PDF; a glyph missing from the fonts is an error
//! naming the entry (checked before compiling) or the template line (PDF/A export),
//! never an empty box; template errors name the file, line and column; Typst's memo cache
//! is evicted after every document so memory stays bounded over a run. [`render_all`]
//! renders several documents on a fixed number of OS threads, and [`crate::output::write_atomic`] replaces
//! an output file only once the new one is complete.

mod booklet;
mod case;
mod data;
mod glyphs;
pub mod hyphenate;
mod world;

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use typst::diag::{SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Smart};
use typst::syntax::DiagSpan;
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::issue::Issue;

pub use booklet::{Side, saddle_stitch};
pub use case::upper_az;
pub use data::{DATA_PATH, typesetting_copy, typst_lang};
pub use glyphs::MissingGlyph;
use world::{DocWorld, Shared, Templates};

/// The main template's file name inside the template folder.
pub const MAIN_TEMPLATE: &str = "bulletin.typ";

pub use crate::config::Paper;

/// The PDF/A flavour to conform to, always together with PDF/UA-1 (all of them make a
/// missing glyph an error).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Standard {
    /// PDF/A-2b: archival, visual appearance preserved (the library's default).
    #[default]
    A2b,
    /// PDF/A-2u: as A-2b, and all text maps to Unicode.
    A2u,
    /// PDF/A-3b.
    A3b,
}

/// Settings of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// The page size the template lays the document out on.
    pub paper: Paper,
    /// The PDF/A flavour, always with PDF/UA-1.
    pub standard: Standard,
    /// The PDF creation date (UTC) and the template's `datetime.today()`: derived by the
    /// caller from the quarter or `SOURCE_DATE_EPOCH`, never from the clock.
    pub timestamp: NaiveDateTime,
    /// Also impose an A5 document as a booklet ([`Rendered::booklet`]).
    pub booklet: bool,
}

impl RenderOptions {
    /// A4, PDF/A-2b, with the given creation date.
    pub fn new(timestamp: NaiveDateTime) -> Self {
        RenderOptions {
            paper: Paper::A4,
            standard: Standard::A2b,
            timestamp,
            booklet: false,
        }
    }
}

/// A finished document.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The archival PDF (PDF/A + PDF/UA-1), or the plain PDF of a covering letter's or
    /// booklet's print.
    pub pdf: Vec<u8>,
    /// The document's page count.
    pub pages: usize,
    /// Typst's warnings (an unknown font family, for instance), located like errors.
    pub warnings: Vec<Diagnostic>,
    /// The print edition: the pages imposed two to an A4 sheet in saddle-stitch order
    /// (only when [`RenderOptions::booklet`] is set and the paper is A5).
    pub booklet: Option<Vec<u8>>,
}

/// How a compiled document is exported.
enum Export {
    /// PDF/A + PDF/UA-1, tagged, with this document identifier.
    Archival(String),
    /// A plain, untagged PDF for the printer (the booklet).
    Print,
}

/// One Typst message, located in the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file on disk (`templates/bulletin.typ`) or the served data (`/data/issue.json`);
    /// `None` when Typst gives no location.
    pub file: Option<PathBuf>,
    /// 1-based line, when located.
    pub line: Option<usize>,
    /// 1-based column (in characters), when located.
    pub col: Option<usize>,
    /// Typst's message.
    pub message: String,
    /// Typst's hints, then the call chain that led to the error (each located when it
    /// can be).
    pub hints: Vec<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}", file.display())?;
            if let (Some(line), Some(col)) = (self.line, self.col) {
                write!(f, ":{line}:{col}")?;
            }
            write!(f, ": ")?;
        }
        write!(f, "{}", self.message)?;
        for hint in &self.hints {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// Display a list of diagnostics one per line.
struct Listed<'a>(&'a [Diagnostic]);

impl fmt::Display for Listed<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in self.0 {
            write!(f, "\n{d}")?;
        }
        Ok(())
    }
}

/// Display missing glyphs one per line.
struct ListedGlyphs<'a>(&'a [MissingGlyph]);

impl fmt::Display for ListedGlyphs<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for m in self.0 {
            write!(f, "\n{m}")?;
        }
        Ok(())
    }
}

/// Why a document could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A main template that is not in the template folder.
    #[error("template not found: {}", .0.display())]
    TemplateNotFound(PathBuf),
    /// The template does not compile (every error, located).
    #[error("the template failed:{}", Listed(.0))]
    Template(Vec<Diagnostic>),
    /// Entries whose text has characters none of the fonts has (checked before compiling).
    #[error("the issue has characters no font can print:{}", ListedGlyphs(.0))]
    MissingGlyphs(Vec<MissingGlyph>),
    /// The compiled document does not export to the standard (a missing glyph in the
    /// template's own text, for instance).
    #[error("PDF export failed:{}", Listed(.0))]
    Pdf(Vec<Diagnostic>),
    /// The document date is outside what Typst's dates hold.
    #[error("the document date {0} cannot be represented")]
    Date(NaiveDateTime),
    /// The issue (or other data) cannot be serialised for the template.
    #[error("serialising the issue for the template: {0}")]
    Data(#[from] serde_json::Error),
    /// The template folder or one of its files cannot be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The reading error.
        source: io::Error,
    },
}

/// Typesets issues; built once per run and shared between threads.
pub struct Renderer {
    shared: Shared,
    /// Documents being rendered right now, to evict the memo cache without starving them.
    in_flight: AtomicUsize,
    /// Memoised work unused for this many documents is evicted (0: everything, after
    /// each document; a live preview keeps more, see [`Renderer::keep_memoised`]).
    keep: AtomicUsize,
}

impl Renderer {
    /// Read `templates_dir` (with `bulletin.typ` as the main template), load the embedded
    /// fonts and build the standard library.
    pub fn new(templates_dir: &Path) -> Result<Renderer, RenderError> {
        Self::with_main(templates_dir, MAIN_TEMPLATE)
    }

    /// As [`Renderer::new`], with another main template file of the folder (`index.typ`).
    pub fn with_main(templates_dir: &Path, main: &str) -> Result<Renderer, RenderError> {
        let not_found = || RenderError::TemplateNotFound(templates_dir.join(main));
        if !templates_dir.is_dir() {
            return Err(not_found());
        }
        let templates = Templates::read(templates_dir)?;
        let vpath = format!("/{}", main.trim_start_matches('/'));
        if !templates.contains(&vpath) {
            return Err(not_found());
        }
        let main = world::file_id(&vpath).ok_or_else(not_found)?;
        let data_id = world::file_id(DATA_PATH).ok_or_else(not_found)?;
        Ok(Renderer {
            shared: Shared {
                templates,
                library: LazyHash::new(Library::default()),
                fonts: world::embedded_fonts(),
                main,
                data_id,
            },
            in_flight: AtomicUsize::new(0),
            keep: AtomicUsize::new(0),
        })
    }

    /// Keeps Typst's memoised work between documents, evicting what `age` documents did
    /// not use: a rebuild after a small change then reuses the layout of what did not
    /// change (as Typst's own `watch` does).
    pub fn keep_memoised(&self, age: usize) {
        self.keep.store(age, Ordering::SeqCst);
    }

    /// Reads the template folder again (see [`world::Templates::refresh`]); returns
    /// whether any template changed. On error the previous templates stay in use.
    pub fn reload_templates(&mut self) -> Result<bool, RenderError> {
        self.shared.templates.refresh()
    }

    /// Typeset `issue` as a PDF/A + PDF/UA document (and, when asked for and the paper is
    /// A5, its booklet for office printers).
    pub fn render(&self, issue: &Issue, options: &RenderOptions) -> Result<Rendered, RenderError> {
        let _guard = InFlight::enter(&self.in_flight, self.keep.load(Ordering::SeqCst));
        let missing = glyphs::missing_glyphs(self.shared.fonts.book(), issue);
        if !missing.is_empty() {
            return Err(RenderError::MissingGlyphs(missing));
        }
        let data = data::served_json(issue, options)?;
        let ident = format!("{}/{}", issue.bulletin, issue.period);
        let world = self.world(self.shared.main, data, options)?;
        let mut rendered = self.typeset(&world, options, Export::Archival(ident))?;
        if options.booklet && options.paper == Paper::A5 {
            rendered.booklet = Some(booklet::impose(self, &rendered, options)?);
        }
        Ok(rendered)
    }

    /// Typeset `data` (served as `/data/issue.json`) with another main template of the
    /// folder (`letter.typ`), as a PDF/A + PDF/UA document.
    pub fn render_data<T: serde::Serialize>(
        &self,
        main: &str,
        data: &T,
        options: &RenderOptions,
        ident: &str,
    ) -> Result<Rendered, RenderError> {
        let _guard = InFlight::enter(&self.in_flight, self.keep.load(Ordering::SeqCst));
        let main = self.template_id(main)?;
        let world = self.world(main, serde_json::to_vec(data)?, options)?;
        self.typeset(&world, options, Export::Archival(ident.to_owned()))
    }

    /// The file id of a main template of the folder, if the folder holds it.
    fn template_id(&self, main: &str) -> Result<typst::syntax::FileId, RenderError> {
        let vpath = format!("/{}", main.trim_start_matches('/'));
        let not_found = || RenderError::TemplateNotFound(self.shared.templates.disk_path(&vpath));
        if !self.shared.templates.contains(&vpath) {
            return Err(not_found());
        }
        world::file_id(&vpath).ok_or_else(not_found)
    }

    /// The world of one document compiled from `main`, dated by `options`.
    fn world(
        &self,
        main: typst::syntax::FileId,
        data: Vec<u8>,
        options: &RenderOptions,
    ) -> Result<DocWorld<'_>, RenderError> {
        let t = options.timestamp;
        let today = typst_date(t.date()).ok_or(RenderError::Date(t))?;
        Ok(DocWorld::new(&self.shared, main, data, today))
    }

    /// Compile a world and export it: archival documents as PDF/A + PDF/UA-1 with their text
    /// layer cleaned of unused soft hyphens, print editions as plain untagged PDF.
    fn typeset(
        &self,
        world: &DocWorld<'_>,
        options: &RenderOptions,
        export: Export,
    ) -> Result<Rendered, RenderError> {
        let t = options.timestamp;
        let datetime = typst_datetime(t).ok_or(RenderError::Date(t))?;

        let Warned { output, warnings } = typst::compile::<PagedDocument>(world);
        let warnings = self.diagnostics(world, &warnings);
        let document =
            output.map_err(|errors| RenderError::Template(self.diagnostics(world, &errors)))?;

        let (standards, ident, tagged) = match export {
            Export::Archival(ident) => {
                let archival = match options.standard {
                    Standard::A2b => PdfStandard::A_2b,
                    Standard::A2u => PdfStandard::A_2u,
                    Standard::A3b => PdfStandard::A_3b,
                };
                (
                    vec![archival, PdfStandard::Ua_1],
                    Smart::Custom(ident),
                    true,
                )
            }
            Export::Print => (Vec::new(), Smart::Auto, false),
        };
        let document = if tagged {
            hyphenate::whole_words(document)
        } else {
            document
        };
        let standards = PdfStandards::new(&standards).map_err(|e| {
            RenderError::Pdf(vec![Diagnostic {
                file: None,
                line: None,
                col: None,
                message: e.message().to_string(),
                hints: e.hints().iter().map(ToString::to_string).collect(),
            }])
        })?;
        let pdf_options = PdfOptions {
            ident,
            timestamp: Some(Timestamp::new_utc(datetime)),
            standards,
            tagged,
            ..PdfOptions::default()
        };
        let pdf = typst_pdf::pdf(&document, &pdf_options)
            .map_err(|errors| RenderError::Pdf(self.diagnostics(world, &errors)))?;
        Ok(Rendered {
            pdf,
            pages: document.pages().len(),
            warnings,
            booklet: None,
        })
    }

    /// Locate Typst's diagnostics in the template files (or the served data). The call
    /// chain that led to an error (``while calling `entry` ``) is added to its hints.
    fn diagnostics(&self, world: &DocWorld<'_>, list: &[SourceDiagnostic]) -> Vec<Diagnostic> {
        list.iter()
            .map(|diag| {
                // Errors raised inside a called function point at the call site when
                // their own span is detached.
                let span = std::iter::once(diag.span)
                    .chain(diag.trace.iter().map(|t| t.span.into()))
                    .find(|s| !s.is_detached())
                    .unwrap_or(diag.span);
                let (file, line, col) = self.locate(world, span);
                let mut hints: Vec<String> = diag.hints.iter().map(|h| h.v.to_string()).collect();
                for point in &diag.trace {
                    match self.locate(world, point.span.into()) {
                        (Some(file), Some(line), Some(col)) => {
                            hints.push(format!("{} ({}:{line}:{col})", point.v, file.display()));
                        }
                        _ => hints.push(point.v.to_string()),
                    }
                }
                Diagnostic {
                    file,
                    line,
                    col,
                    message: diag.message.to_string(),
                    hints,
                }
            })
            .collect()
    }

    /// The file (on disk, or the served data's path) and 1-based line and column of a span.
    fn locate(
        &self,
        world: &DocWorld<'_>,
        span: DiagSpan,
    ) -> (Option<PathBuf>, Option<usize>, Option<usize>) {
        let Some(id) = span.id() else {
            return (None, None, None);
        };
        let vpath = id.vpath().get_with_slash();
        let templates = &self.shared.templates;
        let file = if id == self.shared.data_id {
            PathBuf::from(DATA_PATH)
        } else {
            templates.disk_path(vpath)
        };
        let position = world
            .range(span)
            .zip(templates.source(vpath))
            .and_then(|(range, source)| source.lines().byte_to_line_column(range.start));
        match position {
            Some((line, col)) => (Some(file), Some(line + 1), Some(col + 1)),
            None => (Some(file), None, None),
        }
    }
}

/// A date as Typst's; `None` outside the years Typst's dates hold.
fn typst_date(d: NaiveDate) -> Option<Datetime> {
    Datetime::from_ymd(
        d.year(),
        u8::try_from(d.month()).ok()?,
        u8::try_from(d.day()).ok()?,
    )
}

/// A date and time (to the second) as Typst's; `None` outside the years Typst's dates hold.
fn typst_datetime(t: NaiveDateTime) -> Option<Datetime> {
    let byte = |n: u32| u8::try_from(n).ok();
    Datetime::from_ymd_hms(
        t.year(),
        byte(t.month())?,
        byte(t.day())?,
        byte(t.hour())?,
        byte(t.minute())?,
        byte(t.second())?,
    )
}

/// Counts a document in flight; on drop, evicts Typst's memo cache. With no other document
/// in flight everything goes (`evict(0)`); otherwise entries the others used since the last
/// eviction are kept, so parallel documents do not lose their caches mid-compile.
struct InFlight<'a>(&'a AtomicUsize, usize);

impl<'a> InFlight<'a> {
    fn enter(counter: &'a AtomicUsize, keep: usize) -> Self {
        counter.fetch_add(1, Ordering::SeqCst);
        InFlight(counter, keep)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        let others = self.0.fetch_sub(1, Ordering::SeqCst) - 1;
        typst::comemo::evict(others.max(self.1));
    }
}

/// One document for [`render_all`].
#[derive(Debug, Clone)]
pub struct Job<'a> {
    /// The issue to typeset.
    pub issue: &'a Issue,
    /// Its paper, standard, date and booklet setting.
    pub options: RenderOptions,
}

/// Render `jobs` on at most `threads` OS threads (at least one), each pulling the next job
/// from a shared queue, so no more than `threads` documents are in memory at once.
/// `on_done(index, result)` is called for each job as it finishes (one call at a time, in
/// completion order); `index` is the job's position in `jobs`.
pub fn render_all<F>(renderer: &Renderer, jobs: &[Job<'_>], threads: usize, on_done: F)
where
    F: FnMut(usize, Result<Rendered, RenderError>) + Send,
{
    let next = AtomicUsize::new(0);
    let on_done = Mutex::new(on_done);
    let workers = threads.max(1).min(jobs.len());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::SeqCst);
                    let Some(job) = jobs.get(index) else { break };
                    let result = renderer.render(job.issue, &job.options);
                    // A panicking callback poisons the lock; the others still report.
                    let mut callback = on_done.lock().unwrap_or_else(PoisonError::into_inner);
                    (*callback)(index, result);
                }
            });
        }
    });
}

/// Compile-time check that the renderer can be shared between threads.
const _: fn() = || {
    fn shared<T: Send + Sync>() {}
    shared::<Renderer>();
    shared::<DocWorld<'static>>();
};
