//! Classification schemes and class codes: which scheme a record's class number belongs to,
//! how a subtopic's `codes` name one (`bbk:66.4(5Азе)`, `gasnti:44.*`, `udc:327*`, or a bare
//! `FP.1` in the library's own scheme), and the one normalisation both the configuration
//! check and the classifier compare codes by.
//!
//! Invariants: scheme names compare without case and through the catalogues' aliases
//! (`bbk` = `rubbk`; `gasnti` = `grnti` = `rugasnti`; `udc`); codes compare after
//! [`normalise_code`] (no white space, upper case), so `fp.1`, `FP.1` and ` FP .1` are one
//! code. A pattern ending in `*` matches every code that begins with the rest; a `*`
//! anywhere else is refused when the configuration is read.

use std::fmt;

/// A classification scheme a catalogue records class numbers in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scheme {
    /// BBK, the Library-Bibliographical Classification (IRBIS 621, RUSMARC 686 and MARC 21
    /// 084 with `$2 rubbk`).
    Bbk,
    /// GRNTI, the State Rubricator of Scientific and Technical Information (IRBIS 964,
    /// 686 `$2 rugasnti`).
    Grnti,
    /// UDC, the Universal Decimal Classification (RUSMARC 675, MARC 21 080).
    Udc,
    /// The library's own scheme (`library.scheme`, 686/084 `$2` of that name).
    Local,
}

/// The scheme names a configuration may write, with their aliases, for messages.
pub const KNOWN_SCHEMES: &str = "bbk (rubbk), gasnti (grnti, rugasnti), udc";

impl Scheme {
    /// The scheme a name denotes (case-insensitive, aliases included); `local` is the
    /// library's own scheme name. `None` for a name that is none of them.
    pub fn named(name: &str, local: &str) -> Option<Scheme> {
        let name = name.trim();
        let is = |alias: &str| name.eq_ignore_ascii_case(alias);
        if !local.trim().is_empty() && name.eq_ignore_ascii_case(local.trim()) {
            Some(Scheme::Local)
        } else if is("bbk") || is("rubbk") {
            Some(Scheme::Bbk)
        } else if is("gasnti") || is("grnti") || is("rugasnti") {
            Some(Scheme::Grnti)
        } else if is("udc") {
            Some(Scheme::Udc)
        } else {
            None
        }
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Scheme::Bbk => "bbk",
            Scheme::Grnti => "gasnti",
            Scheme::Udc => "udc",
            Scheme::Local => "local",
        })
    }
}

/// A class code as codes are compared: without white space, in upper case
/// (`fp.1` = `FP.1`, `66.4 (5Азе)` = `66.4(5АЗЕ)`).
pub fn normalise_code(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// One entry of a subtopic's `codes`: a scheme and a normalised code, exact or a prefix.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CodePattern {
    /// The scheme the code is in: named before the colon, else the library's own.
    pub scheme: Scheme,
    /// The normalised code (for a prefix, without its `*`).
    pub code: String,
    /// Whether the pattern ended in `*`: it matches every code beginning with `code`.
    pub prefix: bool,
}

/// Why a subtopic code can never match, with the byte offset inside the written code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    /// 0-based byte offset in the code as written: the scheme name, the stray `*`, or
    /// the empty code.
    pub offset: usize,
    /// Why it can never match, quoting the code.
    pub message: String,
}

impl CodePattern {
    /// Reads a subtopic code: `scheme:code`, `scheme:prefix*` or a bare code in the
    /// library's scheme `local`. A scheme name is letters, digits, `-` and `_` beginning
    /// with a letter, so a bare UDC code with a colon (`327:339`) stays a bare code.
    pub fn parse(written: &str, local: &str) -> Result<CodePattern, PatternError> {
        let (scheme, body, body_at) = match written.split_once(':') {
            Some((name, rest)) if is_scheme_name(name.trim()) => {
                let scheme = Scheme::named(name, local).ok_or_else(|| PatternError {
                    offset: written.len() - written.trim_start().len(),
                    message: format!(
                        "unknown classification scheme \"{}\" (known: {KNOWN_SCHEMES}, and the library's own \"{local}\")",
                        name.trim()
                    ),
                })?;
                (scheme, rest, name.len() + 1)
            }
            _ => (Scheme::Local, written, 0),
        };
        let (code, prefix) = match body.trim_end().strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (body, false),
        };
        if let Some(star) = code.find('*') {
            return Err(PatternError {
                offset: body_at + star,
                message: format!(
                    "class code \"{}\" can never match: '*' may only end a code (a prefix)",
                    written.trim()
                ),
            });
        }
        let code = normalise_code(code);
        if code.is_empty() && !prefix {
            return Err(PatternError {
                offset: body_at,
                message: format!(
                    "class code \"{}\" can never match: it is empty",
                    written.trim()
                ),
            });
        }
        Ok(CodePattern {
            scheme,
            code,
            prefix,
        })
    }
}

impl fmt::Display for CodePattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}{}",
            self.scheme,
            self.code,
            if self.prefix { "*" } else { "" }
        )
    }
}

fn is_scheme_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(code: &str) -> Result<CodePattern, PatternError> {
        CodePattern::parse(code, "preslib")
    }

    #[test]
    fn scheme_names_and_aliases() {
        for (name, scheme) in [
            ("bbk", Scheme::Bbk),
            ("RUBBK", Scheme::Bbk),
            ("gasnti", Scheme::Grnti),
            ("GRNTI", Scheme::Grnti),
            ("rugasnti", Scheme::Grnti),
            ("Udc", Scheme::Udc),
            ("preslib", Scheme::Local),
            ("PresLib", Scheme::Local),
        ] {
            assert_eq!(Scheme::named(name, "preslib"), Some(scheme), "{name}");
        }
        assert_eq!(Scheme::named("ddc", "preslib"), None);
        assert_eq!(Scheme::named("", "preslib"), None);
    }

    #[test]
    fn codes_normalise_spaces_and_case() {
        assert_eq!(normalise_code(" fp.1 "), "FP.1");
        assert_eq!(normalise_code("66.4 (5Азе)"), "66.4(5АЗЕ)");
        assert_eq!(normalise_code("66.4(5азе)"), normalise_code("66.4(5АЗЕ)"));
    }

    #[test]
    fn patterns() {
        let p = parse("bbk:66.4(5Азе)").unwrap();
        assert_eq!(
            (p.scheme, p.code.as_str(), p.prefix),
            (Scheme::Bbk, "66.4(5АЗЕ)", false)
        );
        let p = parse("gasnti:44.*").unwrap();
        assert_eq!(
            (p.scheme, p.code.as_str(), p.prefix),
            (Scheme::Grnti, "44.", true)
        );
        let p = parse("UDC: 327 *").unwrap();
        assert_eq!(
            (p.scheme, p.code.as_str(), p.prefix),
            (Scheme::Udc, "327", true)
        );
        let p = parse("FP.1").unwrap();
        assert_eq!((p.scheme, p.code.as_str()), (Scheme::Local, "FP.1"));
        // A bare UDC code with a colon is a bare code, not a scheme.
        assert_eq!(parse("327:339").unwrap().scheme, Scheme::Local);
        assert_eq!(parse("udc:327:339").unwrap().code, "327:339");
        // `*` alone is every code of the scheme.
        assert_eq!(parse("bbk:*").unwrap().code, "");
    }

    #[test]
    fn codes_that_can_never_match() {
        let e = parse("ddc:327").unwrap_err();
        assert!(
            e.message.contains("unknown classification scheme \"ddc\""),
            "{e:?}"
        );
        assert_eq!(e.offset, 0);
        let e = parse("bbk:66*.4").unwrap_err();
        assert_eq!(e.offset, 6, "{e:?}");
        assert!(e.message.contains("'*' may only end"), "{e:?}");
        let e = parse("bbk:").unwrap_err();
        assert!(e.message.contains("empty"), "{e:?}");
        assert_eq!(e.offset, 4);
        assert!(parse("  ").unwrap_err().message.contains("empty"));
    }
}
