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
    pub path: PathBuf,
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
    // The kernel takes the umask off the requested mode when it creates the file.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir).map_err(fail)?;
    write(tmp.as_file_mut()).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

fn json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
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
        if name.starts_with(".bulletin-") && name.ends_with(".tmp") {
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
    #[error("another bulletin build is writing to {}", .0.display())]
    Busy(PathBuf),
    #[error("cannot use {} as the output folder: {source}", path.display())]
    Io {
        path: PathBuf,
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
        write_issue_json(&dir.join(format!("{}.json", issue.bulletin)), issue)?;
        entries += issue.entry_count();
    }
    write_atomic(&dir.join("exceptions.json"), &json(exceptions))?;
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
    write_atomic(&out.join("undated.json"), &json(&plan.undated))?;
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
    pub documents: usize,
    pub pages: usize,
    /// Print editions written beside their documents.
    pub booklets: usize,
    /// One line per document that failed, naming it and the error; its old PDF is kept.
    pub failures: Vec<String>,
    pub warnings: Vec<String>,
}

/// One document to typeset, where its PDF goes, and its creation date.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub issue: &'a Issue,
    pub path: PathBuf,
    pub date: chrono::NaiveDate,
}

/// Where a document's print edition goes: `<stem>.booklet.pdf` beside `<stem>.pdf`.
pub fn booklet_path(pdf: &Path) -> PathBuf {
    pdf.with_extension("booklet.pdf")
}

/// The checksum list of a period folder.
pub const CHECKSUMS: &str = "SHA256SUMS";

/// Writes `dir/SHA256SUMS` atomically: a `<SHA-256 in hex>  <file name>` line for every PDF
/// (booklets included), JSON and zip file of the folder, in byte order of the names — the format
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
            && [".pdf", ".json", ".zip"].iter().any(|x| name.ends_with(x))
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

/// Writes one document's JSON (`<stem>.json`) atomically.
pub fn write_issue_json(path: &Path, issue: &Issue) -> Result<(), OutputError> {
    write_atomic(path, &json(issue))
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
) -> PdfSummary {
    let mut documents = Vec::new();
    for q in &plan.quarters {
        for issue in &q.issues {
            let date = chrono::NaiveDate::parse_from_str(&issue.front.date, "%Y-%m-%d")
                .unwrap_or_else(|_| q.quarter.last_day());
            documents.push(Document {
                issue,
                path: out
                    .join(q.quarter.to_string())
                    .join(format!("{}.pdf", issue.bulletin)),
                date,
            });
        }
    }
    write_documents(&documents, renderer, paper, booklet, threads)
}

#[cfg(feature = "pdf")]
/// Typesets documents into their PDFs, at most `threads` at a time, with a progress bar on
/// a terminal and a plain line per document otherwise. A failed document keeps its old PDF.
/// With `booklet`, an A5 document also gets its print edition beside it
/// ([`booklet_path`]).
pub fn write_documents(
    documents: &[Document<'_>],
    renderer: &crate::render::Renderer,
    paper: crate::config::Paper,
    booklet: bool,
    threads: usize,
) -> PdfSummary {
    use std::io::IsTerminal;

    use crate::render::{Job, RenderOptions, render_all};

    let mut jobs = Vec::new();
    let mut paths = Vec::new();
    for d in documents {
        let mut options = RenderOptions::new(d.date.and_time(chrono::NaiveTime::MIN));
        options.paper = paper;
        options.booklet = booklet;
        jobs.push(Job {
            issue: d.issue,
            options,
        });
        paths.push(d.path.clone());
    }
    let terminal = std::io::stderr().is_terminal();
    let bar = if terminal {
        let bar = indicatif::ProgressBar::new(jobs.len() as u64);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} PDFs  {msg}")
        {
            bar.set_style(style);
        }
        Some(bar)
    } else {
        None
    };
    let mut summary = PdfSummary::default();
    render_all(renderer, &jobs, threads, |index, result| {
        let path = &paths[index];
        let outcome = result.map_err(|e| e.to_string()).and_then(|rendered| {
            write_atomic(path, &rendered.pdf).map_err(|e| e.to_string())?;
            if let Some(booklet) = &rendered.booklet {
                write_atomic(&booklet_path(path), booklet).map_err(|e| e.to_string())?;
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
                if bar.is_none() {
                    eprintln!("wrote {} ({} pages)", path.display(), rendered.pages);
                }
            }
            Err(e) => summary.failures.push(format!("{}: {e}", path.display())),
        }
        if let Some(bar) = &bar {
            bar.set_message(path.display().to_string());
            bar.inc(1);
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    summary
}
