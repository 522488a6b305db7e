//! The Typst `World` of one document: templates from disk, the data, embedded fonts.
//!
//! [`Templates`] reads the template folder once (when the renderer is built), so librarians
//! can edit `templates/bulletin.typ` and any `.typ` file it imports. [`DocWorld`] is the
//! short-lived world of one document: it borrows the shared templates, fonts and standard
//! library and adds the served `/data/issue.json`, the document's date, its main template
//! (`bulletin.typ`, or `booklet.typ` and `letter.typ` for the print edition and the covering
//! letter) and, for a booklet, the PDF it imposes (`/data/source.pdf`). Invariants: the
//! world serves nothing but the files read from the template folder and the served files —
//! absolute paths elsewhere (`/etc/passwd`) are not found, `..` cannot leave the virtual
//! root, and packages are refused; `today()` is the date given by the caller, never the
//! clock; fonts are the ones embedded in the binary (no system fonts), so output does not
//! depend on the machine.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};
use typst_kit::fonts::FontStore;

use super::RenderError;

/// Files larger than this are not served from the template folder (images and the like
/// are fine; a stray archive is not).
const MAX_FILE: u64 = 32 * 1024 * 1024;

/// One file of the template folder, held in memory.
struct TemplateFile {
    bytes: Bytes,
    /// The parsed source, for `.typ` files that are valid UTF-8.
    source: Option<Source>,
}

/// The template folder, read once: virtual path (`/bulletin.typ`) → file.
pub(crate) struct Templates {
    dir: PathBuf,
    files: BTreeMap<String, TemplateFile>,
}

impl Templates {
    /// Read every regular file under `dir` (recursively, skipping hidden entries and files
    /// that resolve outside `dir`). Fails when the folder cannot be read.
    pub(crate) fn read(dir: &Path) -> Result<Templates, RenderError> {
        let io = |source| RenderError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let root = fs::canonicalize(dir).map_err(io)?;
        let mut files = BTreeMap::new();
        let mut pending = vec![root.clone()];
        while let Some(folder) = pending.pop() {
            let entries = fs::read_dir(&folder).map_err(|source| RenderError::Io {
                path: folder.clone(),
                source,
            })?;
            for entry in entries {
                let entry = entry.map_err(|source| RenderError::Io {
                    path: folder.clone(),
                    source,
                })?;
                if entry.file_name().to_string_lossy().starts_with('.') {
                    continue;
                }
                let path = entry.path();
                // Follow links only when they stay inside the template folder.
                let Ok(real) = fs::canonicalize(&path) else {
                    continue;
                };
                if !real.starts_with(&root) {
                    continue;
                }
                let meta = fs::metadata(&real).map_err(|source| RenderError::Io {
                    path: path.clone(),
                    source,
                })?;
                if meta.is_dir() {
                    pending.push(path);
                    continue;
                }
                if !meta.is_file() || meta.len() > MAX_FILE {
                    continue;
                }
                let Ok(vpath) = VirtualPath::virtualize(&root, &path) else {
                    continue;
                };
                let key = vpath.get_with_slash().to_owned();
                let data = fs::read(&real).map_err(|source| RenderError::Io {
                    path: path.clone(),
                    source,
                })?;
                let source = match (vpath.extension(), String::from_utf8(data.clone())) {
                    (Some("typ"), Ok(text)) => {
                        let id = RootedPath::new(VirtualRoot::Project, vpath.clone()).intern();
                        Some(Source::new(id, text))
                    }
                    _ => None,
                };
                files.insert(
                    key,
                    TemplateFile {
                        bytes: Bytes::new(data),
                        source,
                    },
                );
            }
        }
        Ok(Templates {
            dir: dir.to_path_buf(),
            files,
        })
    }

    /// Reads the folder again, keeping what did not change: an unchanged file keeps its
    /// bytes and parsed source (so Typst's memoised work on it stays valid), a changed
    /// `.typ` file has its source replaced in place under the same file id (Typst reparses
    /// only the edited part). Returns whether anything changed.
    pub(crate) fn refresh(&mut self) -> Result<bool, RenderError> {
        let fresh = Templates::read(&self.dir)?;
        let mut changed = fresh.files.len() != self.files.len();
        let mut files = BTreeMap::new();
        for (key, new) in fresh.files {
            let kept = match self.files.remove(&key) {
                Some(old) if old.bytes == new.bytes => old,
                Some(TemplateFile {
                    source: Some(mut source),
                    ..
                }) if new.source.is_some() => {
                    changed = true;
                    source.replace(new.source.as_ref().map_or("", |s| s.text()));
                    TemplateFile {
                        bytes: new.bytes,
                        source: Some(source),
                    }
                }
                _ => {
                    changed = true;
                    new
                }
            };
            files.insert(key, kept);
        }
        self.files = files;
        Ok(changed)
    }

    /// Whether the folder holds a file at this virtual path (`/bulletin.typ`).
    pub(crate) fn contains(&self, vpath: &str) -> bool {
        self.files.contains_key(vpath)
    }

    /// The source of a template file, for mapping diagnostics to lines.
    pub(crate) fn source(&self, vpath: &str) -> Option<&Source> {
        self.files.get(vpath).and_then(|f| f.source.as_ref())
    }

    /// The path on disk of a virtual path, for messages (`templates/bulletin.typ`).
    pub(crate) fn disk_path(&self, vpath: &str) -> PathBuf {
        self.dir.join(vpath.trim_start_matches('/'))
    }
}

/// The interned file id of a path in the project root (`/bulletin.typ`), if it is a
/// valid virtual path.
pub(crate) fn file_id(vpath: &str) -> Option<FileId> {
    let path = VirtualPath::new(vpath).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, path).intern())
}

/// The embedded fonts (from `typst-assets`): `Libertinus Serif`, `New Computer Modern`,
/// `DejaVu Sans Mono`.
pub(crate) fn embedded_fonts() -> FontStore {
    let mut store = FontStore::new();
    store.extend(typst_kit::fonts::embedded());
    store
}

/// What the renderer shares between documents.
pub(crate) struct Shared {
    pub templates: Templates,
    pub library: LazyHash<Library>,
    pub fonts: FontStore,
    pub main: FileId,
    /// The id of `/data/issue.json`.
    pub data_id: FileId,
}

/// The world of one document.
pub(crate) struct DocWorld<'a> {
    shared: &'a Shared,
    main: FileId,
    data_id: FileId,
    data: Bytes,
    /// One more served file (the PDF a booklet imposes), by id.
    extra: Option<(FileId, Bytes)>,
    today: Datetime,
}

impl<'a> DocWorld<'a> {
    /// A world compiling `main`, serving `data` as `/data/issue.json`, with `today` as the
    /// current date.
    pub(crate) fn new(shared: &'a Shared, main: FileId, data: Vec<u8>, today: Datetime) -> Self {
        DocWorld {
            shared,
            main,
            data_id: shared.data_id,
            data: Bytes::new(data),
            extra: None,
            today,
        }
    }

    /// Also serve `bytes` at `id`.
    pub(crate) fn with_file(mut self, id: FileId, bytes: Vec<u8>) -> Self {
        self.extra = Some((id, Bytes::new(bytes)));
        self
    }

    /// The template file behind `id`, if `id` is a project path.
    fn template(&self, id: FileId) -> FileResult<&'a TemplateFile> {
        if *id.root() != VirtualRoot::Project {
            return Err(FileError::Other(Some(
                "packages are not available to bulletin templates".into(),
            )));
        }
        let vpath = id.vpath().get_with_slash();
        self.shared
            .templates
            .files
            .get(vpath)
            .ok_or_else(|| FileError::NotFound(PathBuf::from(vpath)))
    }
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.shared.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.data_id || self.extra.as_ref().is_some_and(|(extra, _)| *extra == id) {
            return Err(FileError::NotSource);
        }
        self.template(id)?
            .source
            .clone()
            .ok_or(FileError::NotSource)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            return Ok(self.data.clone());
        }
        if let Some((_, bytes)) = self.extra.as_ref().filter(|(extra, _)| *extra == id) {
            return Ok(bytes.clone());
        }
        Ok(self.template(id)?.bytes.clone())
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
