//! Writing the build's files: bulletin, annual and index JSON, exceptions reports and (with
//! rendering) PDFs.
//!
//! Every file is written to a temporary file in its destination folder and renamed into
//! place, so a reader never sees half a file and a failed build leaves the previous
//! version untouched. A file gets the mode an ordinary program gives a new file (0666 less
//! the umask: 0644 under the usual umask 022), not the temporary file's private 0600, so a
//! print server, a web server or a colleague can read it. Paths come only from validated ids
//! (`[a-z0-9-]`) and quarters. Each period folder ends with `SHA256SUMS` ([`write_checksums`]),
//! written after every other file of the folder, so it lists what the folder finally holds.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::build::{AnnualPlan, Plan};
use crate::issue::Issue;

/// An output that could not be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {}: {source}", path.display())]
pub struct OutputError {
    /// The file that was being written (or the folder it goes in).
    pub path: PathBuf,
    /// The system's error.
    #[source]
    pub source: io::Error,
}

/// Writes `bytes` to `path` atomically: a temporary file beside it, then a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// Like [`write_atomic`], with the content written by `write` (tests inject failures
/// here: a full disk, a broken device). On any error the temporary file is removed and
/// the previous file at `path` is left as it was.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), OutputError> {
    let fail = |source: io::Error| OutputError {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(fail)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".bulletin-").suffix(".tmp");
    // The published files are readable by others (a web server serving the folder often
    // runs as another user): the kernel takes the umask off the requested 0666.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir).map_err(fail)?;
    write(tmp.as_file_mut()).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// Removes the files of the volumes that the contents file `contents` lists (an index
/// split into volumes by an earlier build), and the contents file itself; nothing when
/// there is none.
pub fn remove_listed_volumes(contents: &Path) -> Result<(), OutputError> {
    #[derive(serde::Deserialize)]
    struct Listed {
        volumes: Vec<Volume>,
    }
    #[derive(serde::Deserialize)]
    struct Volume {
        id: String,
    }
    let fail = |source: io::Error| OutputError {
        path: contents.to_path_buf(),
        source,
    };
    let text = match std::fs::read(contents) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(fail(e)),
    };
    let dir = contents.parent().unwrap_or(Path::new("."));
    // A contents file this program did not write is left alone, volumes and all.
    if let Ok(listed) = serde_json::from_slice::<Listed>(&text) {
        for volume in listed
            .volumes
            .iter()
            .filter(|v| crate::config::valid_id(&v.id))
        {
            remove_document(dir, &volume.id)?;
        }
        std::fs::remove_file(contents).map_err(fail)?;
    }
    Ok(())
}

/// Removes a document's files (`<stem>.json`, `.pdf`, `.html`, `.booklet.pdf`) from `dir`,
/// those that exist.
pub fn remove_document(dir: &Path, stem: &str) -> Result<(), OutputError> {
    let pdf = dir.join(format!("{stem}.pdf"));
    let others = ["json", "html"].map(|ending| dir.join(format!("{stem}.{ending}")));
    for path in others.into_iter().chain([booklet_path(&pdf), pdf]) {
        remove_if_present(&path)?;
    }
    Ok(())
}

/// Removes a file an earlier build may have left; one that is not there is fine.
fn remove_if_present(path: &Path) -> Result<(), OutputError> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(OutputError {
            path: path.to_path_buf(),
            source: e,
        }),
        _ => Ok(()),
    }
}

/// Writes `value` as pretty JSON to `path` atomically; a value that cannot be serialised is
/// an error naming the file (never an empty file).
pub fn write_json<T: serde::Serialize>(path: &Path, value: &T) -> Result<(), OutputError> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(|e| OutputError {
        path: path.to_path_buf(),
        source: io::Error::from(e),
    })?;
    bytes.push(b'\n');
    write_atomic(path, &bytes)
}

/// Temporary files a killed build left behind in `dir` (never under a final name).
pub fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            remove_stale_temporaries(&path);
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(".bulletin-") && path.extension().is_some_and(|e| e == "tmp") {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// An exclusive hold on an output folder for the length of one build.
#[derive(Debug)]
pub struct OutputLock {
    _file: std::fs::File,
}

/// Why an output folder cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another build holds the folder's lock.
    #[error("another bulletin build is writing to {}", .0.display())]
    Busy(PathBuf),
    /// The folder or its lock file cannot be created or opened.
    #[error("cannot use {} as the output folder: {source}", path.display())]
    Io {
        /// The output folder.
        path: PathBuf,
        /// The system's error.
        #[source]
        source: io::Error,
    },
}

/// Takes `out/.bulletin.lock` (created if need be); refuses when another build holds it.
/// The operating system releases the lock when the process ends, even when killed.
pub fn lock_output(out: &Path) -> Result<OutputLock, LockError> {
    let io = |source: io::Error| LockError::Io {
        path: out.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(out).map_err(io)?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(out.join(".bulletin.lock"))
        .map_err(io)?;
    match file.try_lock() {
        Ok(()) => Ok(OutputLock { _file: file }),
        Err(std::fs::TryLockError::WouldBlock) => Err(LockError::Busy(out.to_path_buf())),
        Err(std::fs::TryLockError::Error(e)) => Err(io(e)),
    }
}

/// Writes a period's documents as `dir/<bulletin>.json` and its `exceptions.json`; returns
/// the summary line (`what` names the documents: "bulletins", "annual volumes").
fn write_period(
    dir: &Path,
    name: &str,
    issues: &[Issue],
    exceptions: &crate::build::ExceptionsReport,
    what: &str,
) -> Result<String, OutputError> {
    let mut entries = 0;
    for issue in issues {
        write_json(&dir.join(format!("{}.json", issue.bulletin)), issue)?;
        entries += issue.entry_count();
    }
    write_json(&dir.join("exceptions.json"), exceptions)?;
    Ok(format!(
        "{name}: {} records, {} placed, {} exceptions; {} {what}, {entries} entries → {}\n",
        exceptions.records,
        exceptions.placed,
        exceptions.exceptions.len(),
        issues.len(),
        dir.display()
    ))
}

/// Writes every quarter's bulletin JSON and exceptions report; returns a summary.
pub fn write_plan(plan: &Plan, out: &Path) -> Result<String, OutputError> {
    let mut summary = String::new();
    for q in &plan.quarters {
        let name = q.quarter.to_string();
        summary.push_str(&write_period(
            &out.join(&name),
            &name,
            &q.issues,
            &q.exceptions,
            "bulletins",
        )?);
    }
    write_json(&out.join("undated.json"), &plan.undated)?;
    if plan.undated.records > 0 {
        let _ = writeln!(
            summary,
            "{} records without a usable date → {}",
            plan.undated.records,
            out.join("undated.json").display()
        );
    }
    Ok(summary)
}

/// Writes the annual volumes' JSON and the year's exceptions to `out/<year>/`.
pub fn write_annual(plan: &AnnualPlan, out: &Path) -> Result<String, OutputError> {
    let name = plan.year.to_string();
    write_period(
        &out.join(&name),
        &name,
        &plan.issues,
        &plan.exceptions,
        "annual volumes",
    )
}

/// What typesetting produced.
#[derive(Debug, Default)]
pub struct PdfSummary {
    /// Documents typeset and written.
    pub documents: usize,
    /// Their pages, all together.
    pub pages: usize,
    /// Print editions written beside their documents.
    pub booklets: usize,
    /// One line per document that failed, naming it and the error; its old PDF is kept.
    pub failures: Vec<String>,
    /// Typst's warnings, one line each, naming the document.
    pub warnings: Vec<String>,
}

/// One document to typeset, and where its PDF goes (its date is the issue's own).
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The issue to typeset.
    pub issue: &'a Issue,
    /// Where its PDF goes.
    pub path: PathBuf,
}

/// Where a document's print edition goes: `<stem>.booklet.pdf` beside `<stem>.pdf`.
pub fn booklet_path(pdf: &Path) -> PathBuf {
    pdf.with_extension("booklet.pdf")
}

/// The checksum list of a period folder.
pub const CHECKSUMS: &str = "SHA256SUMS";

/// Writes `dir/SHA256SUMS` atomically: a `<SHA-256 in hex>  <file name>` line for every PDF
/// (booklets included), JSON, HTML page and zip of the folder, in byte order of the names — the format
/// `sha256sum -c SHA256SUMS` checks. Call it after the folder's other files are written.
pub fn write_checksums(dir: &Path) -> Result<(), OutputError> {
    use sha2::{Digest, Sha256};

    let fail = |path: &Path| {
        let path = path.to_path_buf();
        move |source| OutputError { path, source }
    };
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(fail(dir))? {
        let entry = entry.map_err(fail(dir))?;
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let listed = !name.starts_with('.')
            && [".pdf", ".json", ".html", ".zip"]
                .iter()
                .any(|x| name.ends_with(x))
            && entry.file_type().map_err(fail(&entry.path()))?.is_file();
        if listed {
            names.push(name);
        }
    }
    names.sort();
    let mut list = String::new();
    for name in &names {
        let path = dir.join(name);
        let digest = Sha256::digest(std::fs::read(&path).map_err(fail(&path))?);
        // GNU coreutils' escaping: a name with a backslash or newline starts the line with `\`.
        if name.contains(['\\', '\n']) {
            list.push('\\');
        }
        for byte in digest {
            let _ = write!(list, "{byte:02x}");
        }
        let escaped = name.replace('\\', "\\\\").replace('\n', "\\n");
        let _ = writeln!(list, "  {escaped}");
    }
    write_atomic(&dir.join(CHECKSUMS), list.as_bytes())
}

/// What a long typesetting run tells its caller as it goes; the command line shows it as a
/// progress bar on a terminal and as plain lines otherwise.
pub trait Progress: Send {
    /// The run is about to typeset `total` documents.
    fn start(&mut self, total: usize);
    /// One document is done: written with `pages` pages, or failed (`None`).
    fn done(&mut self, path: &Path, pages: Option<usize>);
    /// The run is over.
    fn finish(&mut self);
}

/// Reports nothing (tests, benchmarks).
pub struct Silent;

impl Progress for Silent {
    fn start(&mut self, _: usize) {}
    fn done(&mut self, _: &Path, _: Option<usize>) {}
    fn finish(&mut self) {}
}

#[cfg(feature = "pdf")]
/// Typesets every issue of the plan into `out/<quarter>/<bulletin>.pdf`, at most `threads`
/// documents at a time (see [`write_documents`]).
pub fn write_pdfs(
    plan: &Plan,
    out: &Path,
    renderer: &crate::render::Renderer,
    paper: crate::config::Paper,
    booklet: bool,
    threads: usize,
    progress: &mut dyn Progress,
) -> PdfSummary {
    let mut documents = Vec::new();
    for q in &plan.quarters {
        for issue in &q.issues {
            documents.push(Document {
                issue,
                path: out
                    .join(q.quarter.to_string())
                    .join(format!("{}.pdf", issue.bulletin)),
            });
        }
    }
    write_documents(&documents, renderer, paper, booklet, threads, progress)
}

#[cfg(feature = "pdf")]
/// Typesets documents into their PDFs, at most `threads` at a time, telling `progress` as
/// each is done. A failed document keeps its old PDF. With `booklet`, an A5 document also
/// gets its print edition beside it ([`booklet_path`]).
pub fn write_documents(
    documents: &[Document<'_>],
    renderer: &crate::render::Renderer,
    paper: crate::config::Paper,
    booklet: bool,
    threads: usize,
    progress: &mut dyn Progress,
) -> PdfSummary {
    use crate::render::{Job, RenderOptions, render_all};

    let jobs: Vec<Job> = documents
        .iter()
        .map(|d| {
            let mut options =
                RenderOptions::new(d.issue.front.date.and_time(chrono::NaiveTime::MIN));
            options.paper = paper;
            options.booklet = booklet;
            Job {
                issue: d.issue,
                options,
            }
        })
        .collect();
    progress.start(jobs.len());
    let mut summary = PdfSummary::default();
    render_all(renderer, &jobs, threads, |index, result| {
        let path = &documents[index].path;
        let outcome = result.map_err(|e| e.to_string()).and_then(|rendered| {
            write_atomic(path, &rendered.pdf).map_err(|e| e.to_string())?;
            let booklet_at = booklet_path(path);
            match &rendered.booklet {
                Some(booklet) => write_atomic(&booklet_at, booklet).map_err(|e| e.to_string())?,
                // A booklet of an earlier build would no longer match its PDF.
                None => remove_if_present(&booklet_at).map_err(|e| e.to_string())?,
            }
            Ok(rendered)
        });
        match outcome {
            Ok(rendered) => {
                summary.documents += 1;
                summary.pages += rendered.pages;
                summary.booklets += usize::from(rendered.booklet.is_some());
                summary.warnings.extend(
                    rendered
                        .warnings
                        .iter()
                        .map(|w| format!("{}: {}", path.display(), w.message)),
                );
                progress.done(path, Some(rendered.pages));
            }
            Err(e) => {
                summary.failures.push(format!("{}: {e}", path.display()));
                progress.done(path, None);
            }
        }
    });
    progress.finish();
    summary
}
