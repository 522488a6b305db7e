//! The bulletins' configuration (`data/bulletins.toml`): the library, the nine bulletins
//! and their rubric structure.
//!
//! The rubric structure is data, not code, so that another library can write its own.
//! [`Config::load`] validates everything before any work starts: unknown keys, duplicate
//! ids, an id outside `[a-z0-9-]`, an unknown classification scheme or a class code that
//! could never match ([`crate::scheme`]), a class code used by two subtopics of one
//! bulletin (compared as the classifier compares them: `fp.1` = `FP.1`), an empty bulletin.
//! Every error carries the file, line and column of the offending value.
//!
//! The issue's apparatus (title verso, imprint, preface, annotations) is configured by
//! [`Apparatus`] keys in `[library]`, each overridable per `[[bulletin]]`;
//! [`Config::apparatus`] is the one rule that merges the two. A `preface_file` is read
//! (beside the configuration) when the configuration is loaded.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::scheme::CodePattern;

/// Area separator style of the descriptions (one per bulletin).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Separator {
    /// `. – ` (period, space, en dash, space): GOST's form.
    #[default]
    Dash,
    /// `.- `: the compact form many Azerbaijani bulletins print.
    Compact,
}

impl Separator {
    /// The separator as printed between two areas of a description.
    pub fn as_str(self) -> &'static str {
        match self {
            // The no-break space keeps the dash off the start of a line.
            Separator::Dash => ".\u{a0}– ",
            Separator::Compact => ".- ",
        }
    }
}

/// Page size of the printed bulletin.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// A4 (210 × 297 mm).
    A4,
    /// A5 (148 × 210 mm), the bulletins' usual page; imposed two to an A4 sheet as a booklet.
    #[default]
    A5,
}

/// `[library]`: the library that compiles the bulletins, its classification scheme and the
/// defaults every bulletin inherits.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Library {
    /// The library's name, at the head of every title page.
    pub name: String,
    /// The parent body printed above the library's name on title pages.
    #[serde(default)]
    pub parent: Option<String>,
    /// The place of publication, printed with the year in the imprint (`Bakı – 2012`).
    pub place: String,
    /// The library's own classification scheme: the 686/084 `$2` value whose `$a` codes a
    /// bare subtopic code (`FP.1`) names.
    pub scheme: String,
    /// The separator style of every bulletin that sets none.
    #[serde(default)]
    pub separator: Separator,
    /// The page size of every bulletin.
    #[serde(default)]
    pub paper: Paper,
    /// Apparatus keys (see [`Apparatus`]); a bulletin's own win over the library's.
    #[serde(default)]
    pub compilers: Option<Vec<String>>,
    /// `Redaktor` (see [`Apparatus::editor`]).
    #[serde(default)]
    pub editor: Option<String>,
    /// `Buraxılışa məsul` (see [`Apparatus::responsible`]).
    #[serde(default)]
    pub responsible: Option<String>,
    /// ISSN of the series (see [`Apparatus::issn`]).
    #[serde(default)]
    pub issn: Option<String>,
    /// UDC of the publication (see [`Apparatus::udc`]).
    #[serde(default)]
    pub udc: Option<String>,
    /// BBK of the publication (see [`Apparatus::bbk`]).
    #[serde(default)]
    pub bbk: Option<String>,
    /// The series annotation on the title verso (see [`Apparatus::series_note`]).
    #[serde(default)]
    pub series_note: Option<String>,
    /// Print run (see [`Apparatus::print_run`]).
    #[serde(default)]
    pub print_run: Option<u32>,
    /// The preface text (see [`Apparatus::preface`]).
    #[serde(default)]
    pub preface: Option<String>,
    /// A file holding the preface, relative to the configuration (see
    /// [`Apparatus::preface_file`]).
    #[serde(default)]
    pub preface_file: Option<Spanned<String>>,
    /// Whether entries print their annotations (see [`Apparatus::annotated`]).
    #[serde(default)]
    pub annotated: Option<bool>,
    /// Also write each A5 bulletin's print edition (`<id>.booklet.pdf`), as `build --booklet`.
    #[serde(default)]
    pub booklet: bool,
}

/// The issue's apparatus keys (GOST R 7.0.4 imprint, GOST R 7.0.23 front matter), in
/// `[library]` and per `[[bulletin]]`; a missing key leaves its line out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Apparatus {
    /// `Tərtib edən(lər)`.
    pub compilers: Option<Vec<String>>,
    /// `Redaktor`.
    pub editor: Option<String>,
    /// `Buraxılışa məsul`.
    pub responsible: Option<String>,
    /// ISSN of the bulletin series.
    pub issn: Option<String>,
    /// UDC (`UOT`) of the publication.
    pub udc: Option<String>,
    /// BBK (`KBT`) of the publication.
    pub bbk: Option<String>,
    /// A short annotation of the series, printed on the title verso.
    pub series_note: Option<String>,
    /// Print run (`Tiraj`), on the last page.
    pub print_run: Option<u32>,
    /// The preface (`Tərtibçidən`), with `{quarter}`, `{entries}`, `{periodicals}`,
    /// `{from}`, `{to}` filled by the program.
    pub preface: Option<String>,
    /// A file beside the configuration holding the preface (read at load time into
    /// `preface`).
    pub preface_file: Option<Spanned<String>>,
    /// Whether entries print their annotations.
    pub annotated: Option<bool>,
}

impl Apparatus {
    /// `self`'s keys, each falling back to `base`'s.
    #[must_use]
    pub fn or(&self, base: &Apparatus) -> Apparatus {
        Apparatus {
            compilers: self.compilers.clone().or_else(|| base.compilers.clone()),
            editor: self.editor.clone().or_else(|| base.editor.clone()),
            responsible: self
                .responsible
                .clone()
                .or_else(|| base.responsible.clone()),
            issn: self.issn.clone().or_else(|| base.issn.clone()),
            udc: self.udc.clone().or_else(|| base.udc.clone()),
            bbk: self.bbk.clone().or_else(|| base.bbk.clone()),
            series_note: self
                .series_note
                .clone()
                .or_else(|| base.series_note.clone()),
            print_run: self.print_run.or(base.print_run),
            preface: self.preface.clone().or_else(|| base.preface.clone()),
            preface_file: self
                .preface_file
                .clone()
                .or_else(|| base.preface_file.clone()),
            annotated: self.annotated.or(base.annotated),
        }
    }
}

/// The apparatus keys as written in one table (`[library]` or a `[[bulletin]]`).
macro_rules! apparatus_of {
    ($t:ty) => {
        impl $t {
            /// The apparatus keys this table sets.
            pub fn own_apparatus(&self) -> Apparatus {
                Apparatus {
                    compilers: self.compilers.clone(),
                    editor: self.editor.clone(),
                    responsible: self.responsible.clone(),
                    issn: self.issn.clone(),
                    udc: self.udc.clone(),
                    bbk: self.bbk.clone(),
                    series_note: self.series_note.clone(),
                    print_run: self.print_run,
                    preface: self.preface.clone(),
                    preface_file: self.preface_file.clone(),
                    annotated: self.annotated,
                }
            }

            /// Reads `preface_file` (relative to `dir`) into `preface`; both set is an error.
            fn read_preface(
                &mut self,
                dir: &Path,
                text: &str,
                path: &Path,
            ) -> Result<(), ConfigError> {
                let Some(file) = &self.preface_file else {
                    return Ok(());
                };
                let at = file.span().start;
                if self.preface.is_some() {
                    return Err(ConfigError::at(
                        text,
                        path,
                        at,
                        "set either preface or preface_file, not both".into(),
                    ));
                }
                let full = dir.join(file.get_ref());
                let read = std::fs::read_to_string(&full).map_err(|e| {
                    ConfigError::at(
                        text,
                        path,
                        at,
                        format!("cannot read the preface file {}: {e}", full.display()),
                    )
                })?;
                self.preface = Some(read.trim().to_string());
                Ok(())
            }
        }
    };
}

apparatus_of!(Library);
apparatus_of!(Bulletin);

/// `[[bulletin.subtopic]]`: one rubric of a bulletin and what places a record in it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subtopic {
    /// The subtopic's id, unique in the whole configuration (letters, digits, `-`, `.`);
    /// spanned for error positions.
    pub id: Spanned<String>,
    /// The rubric heading as printed in the bulletin (Azerbaijani).
    pub title: String,
    /// The heading in Russian (optional; read and kept, not yet printed).
    #[serde(default)]
    pub title_ru: Option<String>,
    /// Class codes as written: `scheme:code`, `scheme:prefix*` or a bare code in the
    /// library's scheme.
    #[serde(default)]
    pub codes: Vec<Spanned<String>>,
    /// The codes read by [`CodePattern::parse`], in the same order (filled by
    /// [`Config::parse`]).
    #[serde(skip)]
    pub patterns: Vec<CodePattern>,
    /// Subject headings or keywords (whole heading or heading prefix) that place a record.
    #[serde(default)]
    pub subjects: Vec<String>,
}

/// `[[bulletin]]`: one thematic bulletin, its titles and rubrics, and its own apparatus keys.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bulletin {
    /// The bulletin's id (`[a-z0-9-]`, unique): it names the output files; spanned for error
    /// positions.
    pub id: Spanned<String>,
    /// The title as printed (Azerbaijani); also the running head.
    pub title: String,
    /// The title in Russian: a keyword of the PDF and the issue's `title_ru`.
    pub title_ru: String,
    /// The title in English: a keyword of the PDF and the issue's `title_en`.
    pub title_en: String,
    /// Overrides the library's separator style for this bulletin.
    #[serde(default)]
    pub separator: Option<Separator>,
    /// The rubrics, in the order they are printed.
    #[serde(rename = "subtopic", default)]
    pub subtopics: Vec<Subtopic>,
    /// Apparatus keys (see [`Apparatus`]); a bulletin's own win over the library's.
    #[serde(default)]
    pub compilers: Option<Vec<String>>,
    /// `Redaktor` (see [`Apparatus::editor`]).
    #[serde(default)]
    pub editor: Option<String>,
    /// `Buraxılışa məsul` (see [`Apparatus::responsible`]).
    #[serde(default)]
    pub responsible: Option<String>,
    /// ISSN of the series (see [`Apparatus::issn`]).
    #[serde(default)]
    pub issn: Option<String>,
    /// UDC of the publication (see [`Apparatus::udc`]).
    #[serde(default)]
    pub udc: Option<String>,
    /// BBK of the publication (see [`Apparatus::bbk`]).
    #[serde(default)]
    pub bbk: Option<String>,
    /// The series annotation on the title verso (see [`Apparatus::series_note`]).
    #[serde(default)]
    pub series_note: Option<String>,
    /// Print run (see [`Apparatus::print_run`]).
    #[serde(default)]
    pub print_run: Option<u32>,
    /// The preface text (see [`Apparatus::preface`]).
    #[serde(default)]
    pub preface: Option<String>,
    /// A file holding the preface, relative to the configuration (see
    /// [`Apparatus::preface_file`]).
    #[serde(default)]
    pub preface_file: Option<Spanned<String>>,
    /// Whether entries print their annotations (see [`Apparatus::annotated`]).
    #[serde(default)]
    pub annotated: Option<bool>,
}

impl Bulletin {
    /// The bulletin's id without its span.
    pub fn id(&self) -> &str {
        self.id.get_ref()
    }
}

/// The whole configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `[library]`.
    pub library: Library,
    /// The `[[bulletin]]` tables, in the order they are written (the order of output).
    #[serde(rename = "bulletin", default)]
    pub bulletins: Vec<Bulletin>,
}

/// A configuration error with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file the value is in (the configuration, the overrides or the distribution list).
    pub file: PathBuf,
    /// 1-based line; 0 when the file could not be read at all.
    pub line: usize,
    /// 1-based column in characters; 0 when the file could not be read at all.
    pub column: usize,
    /// What is wrong, naming the value.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    /// An error at a byte offset of `text`, read from `path`.
    pub(crate) fn at(text: &str, path: &Path, offset: usize, message: String) -> ConfigError {
        let (line, column) = line_column(text, offset);
        ConfigError {
            file: path.to_path_buf(),
            line,
            column,
            message,
        }
    }
}

/// Deserialises TOML, turning the parser's byte span into line and column.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(
    text: &str,
    path: &Path,
) -> Result<T, ConfigError> {
    toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        ConfigError::at(text, path, offset, e.message().trim().to_string())
    })
}

/// 1-based line and column of a byte offset.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Whether an id is `[a-z0-9-]+` (bulletin ids are file stems).
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

impl Config {
    /// Reads and validates a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            file: path.to_path_buf(),
            line: 0,
            column: 0,
            message: format!("cannot read configuration: {e}"),
        })?;
        Config::parse(&text, path)
    }

    /// Parses and validates configuration text; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let error = |offset: usize, message: String| ConfigError::at(text, path, offset, message);
        let mut config: Config = parse_toml(text, path)?;
        let dir = path.parent().unwrap_or(Path::new(""));
        config.library.read_preface(dir, text, path)?;
        for b in &mut config.bulletins {
            b.read_preface(dir, text, path)?;
        }
        if config.bulletins.is_empty() {
            return Err(error(0, "no [[bulletin]] is configured".into()));
        }
        let mut bulletin_ids: HashMap<&str, usize> = HashMap::new();
        let mut subtopic_ids: HashMap<&str, usize> = HashMap::new();
        for b in &config.bulletins {
            let id = b.id.get_ref().as_str();
            if !valid_id(id) {
                return Err(error(
                    b.id.span().start,
                    format!("bulletin id \"{id}\" must be [a-z0-9-] only (it names output files)"),
                ));
            }
            if let Some(&first) = bulletin_ids.get(id) {
                let (line, _) = line_column(text, first);
                return Err(error(
                    b.id.span().start,
                    format!("duplicate bulletin id \"{id}\" (first used on line {line})"),
                ));
            }
            bulletin_ids.insert(id, b.id.span().start);
            if b.subtopics.is_empty() {
                return Err(error(
                    b.id.span().start,
                    format!("bulletin \"{id}\" has no [[bulletin.subtopic]]"),
                ));
            }
            let mut codes: HashMap<String, (&str, usize)> = HashMap::new();
            for s in &b.subtopics {
                let sid = s.id.get_ref().as_str();
                if !valid_id(&sid.to_ascii_lowercase().replace('.', "-")) {
                    return Err(error(
                        s.id.span().start,
                        format!("subtopic id \"{sid}\" must be letters, digits, '-' or '.'"),
                    ));
                }
                if let Some(&first) = subtopic_ids.get(sid) {
                    let (line, _) = line_column(text, first);
                    return Err(error(
                        s.id.span().start,
                        format!("duplicate subtopic id \"{sid}\" (first used on line {line})"),
                    ));
                }
                subtopic_ids.insert(sid, s.id.span().start);
                if s.codes.is_empty() && s.subjects.is_empty() {
                    return Err(error(
                        s.id.span().start,
                        format!(
                            "subtopic \"{sid}\" has neither codes nor subjects: nothing can be placed in it"
                        ),
                    ));
                }
                for code in &s.codes {
                    let written = code.get_ref();
                    // The value's span begins at its opening quote.
                    let pattern = CodePattern::parse(written, &config.library.scheme)
                        .map_err(|e| error(code.span().start + 1 + e.offset, e.message))?;
                    let key = pattern.to_string();
                    if let Some((other, first)) = codes.get(&key) {
                        let (line, _) = line_column(text, *first);
                        return Err(error(
                            code.span().start,
                            format!(
                                "class code \"{}\" is used by subtopics \"{other}\" (line {line}) and \"{sid}\" of bulletin \"{id}\"",
                                written.trim()
                            ),
                        ));
                    }
                    codes.insert(key, (sid, code.span().start));
                }
            }
        }
        let local = config.library.scheme.clone();
        for subtopic in config.bulletins.iter_mut().flat_map(|b| &mut b.subtopics) {
            subtopic.patterns = subtopic
                .codes
                .iter()
                .filter_map(|c| CodePattern::parse(c.get_ref(), &local).ok())
                .collect();
        }
        Ok(config)
    }

    /// The bulletin with this id, if configured.
    pub fn bulletin(&self, id: &str) -> Option<&Bulletin> {
        self.bulletins.iter().find(|b| b.id() == id)
    }

    /// The apparatus of a bulletin: its own keys over the library's.
    pub fn apparatus(&self, bulletin: &Bulletin) -> Apparatus {
        bulletin.own_apparatus().or(&self.library.own_apparatus())
    }

    /// The separator style of a bulletin.
    pub fn separator(&self, bulletin: &Bulletin) -> Separator {
        bulletin.separator.unwrap_or(self.library.separator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[library]
name = "Prezident Kitabxanası"
place = "Bakı"
scheme = "preslib"

[[bulletin]]
id = "foreign-policy"
title = "Xarici siyasət"
title_ru = "Внешняя политика"
title_en = "Foreign policy"

  [[bulletin.subtopic]]
  id = "fp-1"
  title = "Azərbaycan və Avropa İttifaqı"
  codes = ["FP.1"]
"#;

    fn err(text: &str) -> ConfigError {
        Config::parse(text, Path::new("bulletins.toml")).unwrap_err()
    }

    #[test]
    fn good_config_parses() {
        let c = Config::parse(GOOD, Path::new("b.toml")).unwrap();
        assert_eq!(c.bulletins[0].id(), "foreign-policy");
        assert_eq!(c.library.paper, Paper::A5);
    }

    #[test]
    fn unknown_key_has_position() {
        let e = err(&GOOD.replace("place = \"Bakı\"", "place = \"Bakı\"\ncolour = \"red\""));
        assert_eq!((e.line, e.column), (5, 1), "{e}");
        assert!(e.message.contains("colour"), "{e}");
    }

    #[test]
    fn bad_and_duplicate_ids() {
        let e = err(&GOOD.replace("id = \"foreign-policy\"", "id = \"Foreign Policy\""));
        assert_eq!(e.line, 8, "{e}");
        assert!(e.message.contains("[a-z0-9-]"));
        let twice = format!(
            "{GOOD}\n{}",
            &GOOD[GOOD.find("[[bulletin]]").unwrap()..].replace("fp-1", "fp-2")
        );
        let e = err(&twice);
        assert!(e.message.contains("duplicate bulletin id"), "{e}");
        assert_eq!((e.line, e.column), (19, 6), "{e}");
    }

    #[test]
    fn code_used_twice_in_one_bulletin() {
        let text = format!(
            "{GOOD}\n  [[bulletin.subtopic]]\n  id = \"fp-2\"\n  title = \"x\"\n  codes = [\"FP.2\", \"FP.1\"]\n"
        );
        let e = err(&text);
        assert!(e.message.contains("\"FP.1\""), "{e}");
        assert_eq!((e.line, e.column), (21, 20), "{e}");
    }

    /// `GOOD` with fp-1's codes replaced by `codes` (the codes line is line 16).
    fn with_codes(codes: &str) -> String {
        GOOD.replace("codes = [\"FP.1\"]", &format!("codes = [{codes}]"))
    }

    #[test]
    fn codes_name_their_scheme() {
        let c = Config::parse(
            &with_codes(
                r#""bbk:66.4(5Азе)", "GASNTI:44.*", "udc:327*", "rubbk:63.3(5Азе)", "fp.1""#,
            ),
            Path::new("b.toml"),
        )
        .unwrap();
        let patterns: Vec<String> = c.bulletins[0].subtopics[0]
            .patterns
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            patterns,
            [
                "bbk:66.4(5АЗЕ)",
                "gasnti:44.*",
                "udc:327*",
                "bbk:63.3(5АЗЕ)",
                "local:FP.1"
            ]
        );
    }

    #[test]
    fn unknown_scheme_has_position() {
        let e = err(&with_codes(r#""FP.1", "ddc:327.2""#));
        assert_eq!((e.line, e.column), (16, 21), "{e}");
        assert!(
            e.message.contains("unknown classification scheme \"ddc\""),
            "{e}"
        );
        assert!(e.message.contains("bbk (rubbk)"), "{e}");
    }

    #[test]
    fn codes_that_could_never_match() {
        // A `*` inside a code: the column of the `*`.
        let e = err(&with_codes(r#""gasnti:44*.37""#));
        assert_eq!((e.line, e.column), (16, 22), "{e}");
        assert!(e.message.contains("can never match"), "{e}");
        // An empty code, bare or after a scheme.
        let e = err(&with_codes(r#""FP.1", " ""#));
        assert_eq!((e.line, e.column), (16, 21), "{e}");
        assert!(e.message.contains("empty"), "{e}");
        let e = err(&with_codes(r#""bbk:""#));
        assert_eq!((e.line, e.column), (16, 17), "{e}");
    }

    #[test]
    fn codes_differing_only_in_case_or_spaces_are_one_code() {
        let text = format!(
            "{GOOD}\n  [[bulletin.subtopic]]\n  id = \"fp-2\"\n  title = \"x\"\n  codes = [\"fp.1\"]\n"
        );
        let e = err(&text);
        assert!(
            e.message
                .contains("\"fp.1\" is used by subtopics \"fp-1\" (line 16)"),
            "{e}"
        );
        assert_eq!((e.line, e.column), (21, 12), "{e}");
        // The same BBK code through an alias, in another case and spacing.
        let text = with_codes(r#""bbk:66.4(5Азе)", "RUBBK:66.4 (5азе)""#);
        let e = err(&text.replace(
            "codes = [\"bbk:66.4(5Азе)\", ",
            "codes = [\"bbk:66.4(5Азе)\"]\n\n  [[bulletin.subtopic]]\n  id = \"fp-2\"\n  title = \"y\"\n  codes = [",
        ));
        assert!(e.message.contains("RUBBK:66.4 (5азе)"), "{e}");
        assert_eq!((e.line, e.column), (21, 12), "{e}");
        // A prefix and an exact code are different codes.
        assert!(Config::parse(&with_codes(r#""udc:327", "udc:327*""#), Path::new("b")).is_ok());
    }

    #[test]
    fn apparatus_keys_merge_and_preface_file_is_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("preface.txt"),
            "Bu buraxılış {entries} yazı.\n",
        )
        .unwrap();
        let text = GOOD
            .replace(
                "scheme = \"preslib\"",
                "scheme = \"preslib\"\neditor = \"A. Ə.\"\nprint_run = 100\ncompilers = [\"X\"]",
            )
            .replace(
                "title_en = \"Foreign policy\"",
                "title_en = \"Foreign policy\"\neditor = \"B. C.\"\npreface_file = \"preface.txt\"\nannotated = true",
            );
        let path = dir.path().join("b.toml");
        let c = Config::parse(&text, &path).unwrap();
        let a = c.apparatus(&c.bulletins[0]);
        assert_eq!(
            a.editor.as_deref(),
            Some("B. C."),
            "the bulletin's own key wins"
        );
        assert_eq!(a.print_run, Some(100), "the library's key is inherited");
        assert_eq!(a.compilers, Some(vec!["X".to_string()]));
        assert_eq!(a.preface.as_deref(), Some("Bu buraxılış {entries} yazı."));
        assert_eq!(a.annotated, Some(true));
        let missing = text.replace("preface.txt", "absent.txt");
        let e = Config::parse(&missing, &path).unwrap_err();
        assert!(e.message.contains("cannot read the preface file"), "{e}");
        assert_eq!(e.line, 16, "{e}");
        let both = text.replace("annotated = true", "annotated = true\npreface = \"x\"");
        let e = Config::parse(&both, &path).unwrap_err();
        assert!(e.message.contains("not both"), "{e}");
    }
}
