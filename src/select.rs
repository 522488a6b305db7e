//! Selection expressions: which records go into a bibliographic index.
//!
//! A small language, parsed by hand (recursive descent) so that every error can point at
//! its column:
//!
//! ```text
//! expr    := and ("or" and)*
//! and     := unary ("and" unary)*
//! unary   := "not" unary | primary
//! primary := "(" expr ")" | field ":" value
//! value   := "quoted text" (\" and \\ escape) | bare-word
//! ```
//!
//! Precedence is `not` > `and` > `or`; the operator words are case-insensitive. Fields:
//!
//! | field        | matches a record …                                                   |
//! |--------------|----------------------------------------------------------------------|
//! | `bulletin`   | placed in this bulletin by the configuration (`bulletin:foreign-policy`) |
//! | `subtopic`   | placed under this subtopic (`subtopic:fp-1`)                          |
//! | `subject`    | with a subject heading, subdivision or keyword that is, begins with or contains the value as whole words |
//! | `person`     | naming the person as author, secondary author or subject             |
//! | `author`     | naming the person as author or secondary author (700/701/702)        |
//! | `about`      | naming the person as subject (600)                                   |
//! | `periodical` | published in this periodical (title or abbreviation)                 |
//! | `lang`       | in this language group: `az`, `ru` or `other`                        |
//!
//! Text is compared case- and accent-insensitively by the Azerbaijani collator at primary
//! strength (I/ı and İ/i kept apart as the alphabet wants). A person is written
//! `Surname, Forenames` or `Surname, I.`: the surname must match, and the forenames match a
//! record's forenames, or their initials match its initials (`Əliyev, İlham` finds
//! `Əliyev, İ.`). Invariants: a [`Selection`] exists only well-formed and checked against
//! the configuration (every field known, every `lang` value valid, every bulletin and
//! subtopic id configured): [`Selection::parse`] does both, once, before any record is
//! read, and whoever holds a selection never checks it again. A person's name is parsed
//! into its surname, forenames and initials there too, not once per record.

use std::cell::OnceCell;

use crate::classify::{self, Classifier, Placement};
use crate::collate::{Collators, LanguageGroup};
use crate::config::{Bulletin, Config};
use crate::model::{Person, Record, Role, derive_initials, normalise_initials};

/// The fields a term can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// `bulletin`: placed in the bulletin with this id.
    Bulletin,
    /// `subtopic`: placed under the subtopic with this id.
    Subtopic,
    /// `subject`: a subject heading, subdivision or keyword holds the value as whole words.
    Subject,
    /// `person`: names the person in any role.
    Person,
    /// `author`: names the person as author, co-author or secondary author.
    Author,
    /// `about`: names the person as subject.
    About,
    /// `periodical`: published in the periodical with this title or abbreviated title.
    Periodical,
    /// `lang`: in the language group `az`, `ru` or `other`.
    Lang,
}

impl Field {
    /// Every field, in the order error messages list them.
    pub const ALL: [Field; 8] = [
        Field::Bulletin,
        Field::Subtopic,
        Field::Subject,
        Field::Person,
        Field::Author,
        Field::About,
        Field::Periodical,
        Field::Lang,
    ];

    /// The field's name as written in a selection (`bulletin`).
    pub fn name(self) -> &'static str {
        match self {
            Field::Bulletin => "bulletin",
            Field::Subtopic => "subtopic",
            Field::Subject => "subject",
            Field::Person => "person",
            Field::Author => "author",
            Field::About => "about",
            Field::Periodical => "periodical",
            Field::Lang => "lang",
        }
    }

    fn parse(name: &str) -> Option<Field> {
        Field::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }
}

/// One `field:value` test, with the column where it starts (1-based, in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// What the term tests.
    pub field: Field,
    /// The value as written, unquoted and trimmed.
    pub value: String,
    /// 1-based column of the field name, in characters.
    pub column: usize,
    /// The value read as a person, for `person`, `author` and `about`.
    person: Option<PersonQuery>,
}

/// A parsed expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// One `field:value` test.
    Term(Term),
    /// `not`: the record is selected when the expression does not match.
    Not(Box<Expr>),
    /// `and`: both expressions match.
    And(Box<Expr>, Box<Expr>),
    /// `or`: either expression matches.
    Or(Box<Expr>, Box<Expr>),
}

/// A selection: the expression and the text it was parsed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// The selection as written (error messages and the index's PDF keywords quote it).
    pub text: String,
    /// The parsed expression, checked against the configuration.
    pub expr: Expr,
}

/// What is wrong with a selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SelectErrorKind {
    /// Nothing but spaces.
    Empty,
    /// A term, operator, parenthesis or quote out of place.
    Syntax,
    /// A field name the language does not have.
    UnknownField,
    /// `field:` with nothing after it.
    EmptyValue,
    /// `lang:` with something other than `az`, `ru` or `other`.
    UnknownLanguage,
    /// A bulletin or subtopic id the configuration does not have.
    UnknownId,
}

/// A selection that cannot be used: its kind, and the column (1-based, in characters) and
/// width of the offending text. `Display` prints the message, the selection and a caret
/// line under the offending text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}\n  {text}\n  {}", caret(*.column, *.width))]
pub struct SelectError {
    /// What is wrong.
    pub kind: SelectErrorKind,
    /// The message, naming the column.
    pub message: String,
    /// 1-based column of the offending text, in characters.
    pub column: usize,
    /// Its width in characters.
    pub width: usize,
    /// The whole selection.
    pub text: String,
}

/// Spaces up to `column`, then `width` carets.
fn caret(column: usize, width: usize) -> String {
    format!(
        "{}{}",
        " ".repeat(column.saturating_sub(1)),
        "^".repeat(width.max(1))
    )
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Word(String),
    Quoted(String),
    Colon,
    Open,
    Close,
    End,
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    column: usize,
    width: usize,
}

fn describe(tok: &Tok) -> String {
    match tok {
        Tok::Word(w) => format!("\"{w}\""),
        Tok::Quoted(q) => format!("the text \"{q}\""),
        Tok::Colon => "\":\"".into(),
        Tok::Open => "\"(\"".into(),
        Tok::Close => "\")\"".into(),
        Tok::End => "the end of the selection".into(),
    }
}

fn is_operator(word: &str, op: &str) -> bool {
    word.eq_ignore_ascii_case(op)
}

struct Parser<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    at: usize,
}

impl<'a> Parser<'a> {
    fn error(
        &self,
        kind: SelectErrorKind,
        column: usize,
        width: usize,
        message: String,
    ) -> SelectError {
        SelectError {
            kind,
            message,
            column,
            width,
            text: self.text.to_string(),
        }
    }

    fn lex(text: &'a str) -> Result<Parser<'a>, SelectError> {
        let chars: Vec<char> = text.chars().collect();
        let mut tokens = Vec::new();
        let mut i = 0;
        let fail = |column: usize, width: usize, message: String| SelectError {
            kind: SelectErrorKind::Syntax,
            message,
            column,
            width,
            text: text.to_string(),
        };
        while i < chars.len() {
            let c = chars[i];
            let column = i + 1;
            match c {
                c if c.is_whitespace() => i += 1,
                ':' | '(' | ')' => {
                    let tok = match c {
                        ':' => Tok::Colon,
                        '(' => Tok::Open,
                        _ => Tok::Close,
                    };
                    tokens.push(Token {
                        tok,
                        column,
                        width: 1,
                    });
                    i += 1;
                }
                '"' | '“' | '”' | '«' | '»' => {
                    let close = match c {
                        '«' => '»',
                        '“' => '”',
                        c => c,
                    };
                    let mut value = String::new();
                    let mut j = i + 1;
                    loop {
                        match chars.get(j) {
                            None => {
                                return Err(fail(
                                    column,
                                    chars.len() - i,
                                    format!(
                                        "unclosed quotation mark at column {column}: the text runs to the end of the selection"
                                    ),
                                ));
                            }
                            Some('\\') if close == '"' && chars.get(j + 1).is_some() => {
                                value.push(chars[j + 1]);
                                j += 2;
                            }
                            Some(&d) if d == close || (close == '"' && d == '”') => break,
                            Some(&d) => {
                                value.push(d);
                                j += 1;
                            }
                        }
                    }
                    tokens.push(Token {
                        tok: Tok::Quoted(value),
                        column,
                        width: j + 1 - i,
                    });
                    i = j + 1;
                }
                _ => {
                    let mut j = i;
                    while j < chars.len()
                        && !chars[j].is_whitespace()
                        && !matches!(chars[j], ':' | '(' | ')' | '"' | '“' | '”' | '«' | '»')
                    {
                        j += 1;
                    }
                    tokens.push(Token {
                        tok: Tok::Word(chars[i..j].iter().collect()),
                        column,
                        width: j - i,
                    });
                    i = j;
                }
            }
        }
        tokens.push(Token {
            tok: Tok::End,
            column: chars.len() + 1,
            width: 1,
        });
        Ok(Parser {
            text,
            tokens,
            at: 0,
        })
    }

    fn peek(&self) -> &Token {
        &self.tokens[self.at.min(self.tokens.len() - 1)]
    }

    fn next(&mut self) -> Token {
        let t = self.peek().clone();
        if self.at < self.tokens.len() - 1 {
            self.at += 1;
        }
        t
    }

    fn peek_operator(&self, op: &str) -> bool {
        matches!(&self.peek().tok, Tok::Word(w) if is_operator(w, op))
    }

    fn expr(&mut self) -> Result<Expr, SelectError> {
        let mut left = self.and()?;
        while self.peek_operator("or") {
            self.next();
            let right = self.and()?;
            left = Expr::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, SelectError> {
        let mut left = self.unary()?;
        while self.peek_operator("and") {
            self.next();
            let right = self.unary()?;
            left = Expr::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, SelectError> {
        if self.peek_operator("not") {
            self.next();
            return Ok(Expr::Not(Box::new(self.unary()?)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Expr, SelectError> {
        let token = self.next();
        match token.tok {
            Tok::Open => self.parenthesised(token.column),
            Tok::Word(word) => self.term(&word, token.column, token.width),
            other => Err(self.error(
                SelectErrorKind::Syntax,
                token.column,
                token.width,
                format!(
                    "expected a term like subject:\"Avropa İttifaqı\" at column {}, found {}",
                    token.column,
                    describe(&other)
                ),
            )),
        }
    }

    /// `expr )`, after the `(` at column `open`.
    fn parenthesised(&mut self, open: usize) -> Result<Expr, SelectError> {
        let inner = self.expr()?;
        let close = self.next();
        if close.tok != Tok::Close {
            return Err(self.error(
                SelectErrorKind::Syntax,
                close.column,
                close.width,
                format!(
                    "expected \")\" at column {} to close the \"(\" of column {}, found {}",
                    close.column,
                    open,
                    describe(&close.tok)
                ),
            ));
        }
        Ok(inner)
    }

    /// `field:value`, after its first word (at `column`, `width` characters wide).
    fn term(&mut self, word: &str, column: usize, width: usize) -> Result<Expr, SelectError> {
        let field = self.field(word, column, width)?;
        self.colon(word)?;
        let value = self.value(word, field)?;
        let person = matches!(field, Field::Person | Field::Author | Field::About)
            .then(|| PersonQuery::new(&value));
        Ok(Expr::Term(Term {
            field,
            value,
            column,
            person,
        }))
    }

    /// The field a term's first word names; an operator or any other word is an error,
    /// with a guess when the word is a near miss of a field name.
    fn field(&self, word: &str, column: usize, width: usize) -> Result<Field, SelectError> {
        if ["and", "or"].iter().any(|op| is_operator(word, op)) {
            return Err(self.error(
                SelectErrorKind::Syntax,
                column,
                width,
                format!(
                    "\"{word}\" at column {column} needs a term before it, like subject:\"Avropa İttifaqı\""
                ),
            ));
        }
        Field::parse(word).ok_or_else(|| {
            let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
            let guess = Field::ALL
                .iter()
                .map(|f| (edit_distance(&word.to_lowercase(), f.name()), f.name()))
                .filter(|(d, _)| *d <= 2)
                .min()
                .map(|(_, n)| format!(" (did you mean \"{n}\"?)"))
                .unwrap_or_default();
            self.error(
                SelectErrorKind::UnknownField,
                column,
                width,
                format!(
                    "unknown field \"{word}\" at column {column}{guess}; expected one of {}",
                    names.join(", ")
                ),
            )
        })
    }

    /// The `:` after the field word `word`.
    fn colon(&mut self, word: &str) -> Result<(), SelectError> {
        let colon = self.next();
        if colon.tok != Tok::Colon {
            return Err(self.error(
                SelectErrorKind::Syntax,
                colon.column,
                colon.width,
                format!(
                    "expected \":\" after \"{word}\" at column {}, found {}",
                    colon.column,
                    describe(&colon.tok)
                ),
            ));
        }
        Ok(())
    }

    /// The value after `word:`, trimmed: quoted text or a bare word, never empty, and a
    /// language group's key for `lang`.
    fn value(&mut self, word: &str, field: Field) -> Result<String, SelectError> {
        let value = self.next();
        let text = match value.tok {
            Tok::Quoted(q) => q,
            Tok::Word(w) => w,
            other => {
                return Err(self.error(
                    SelectErrorKind::Syntax,
                    value.column,
                    value.width,
                    format!(
                        "expected a value for \"{word}:\" at column {}, found {}",
                        value.column,
                        describe(&other)
                    ),
                ));
            }
        };
        if text.trim().is_empty() {
            return Err(self.error(
                SelectErrorKind::EmptyValue,
                value.column,
                value.width,
                format!("empty value for \"{word}:\" at column {}", value.column),
            ));
        }
        if field == Field::Lang && lang_group(&text).is_none() {
            return Err(self.error(
                SelectErrorKind::UnknownLanguage,
                value.column,
                value.width,
                format!(
                    "unknown language \"{text}\" at column {}; expected az, ru or other",
                    value.column
                ),
            ));
        }
        Ok(text.trim().to_string())
    }
}

fn lang_group(value: &str) -> Option<LanguageGroup> {
    LanguageGroup::ALL
        .into_iter()
        .find(|g| g.key().eq_ignore_ascii_case(value.trim()))
}

/// Levenshtein distance of two short words (for "did you mean").
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

impl Selection {
    /// Parses a selection and checks its bulletin and subtopic ids against the
    /// configuration; an error names the column of the offending text.
    pub fn parse(text: &str, config: &Config) -> Result<Selection, SelectError> {
        let selection = Selection::parse_syntax(text)?;
        selection.check(config)?;
        Ok(selection)
    }

    /// The syntax alone.
    fn parse_syntax(text: &str) -> Result<Selection, SelectError> {
        let mut parser = Parser::lex(text)?;
        if parser.peek().tok == Tok::End {
            return Err(parser.error(
                SelectErrorKind::Empty,
                1,
                1,
                "empty selection: write a term like person:\"Əliyev, İlham\", or leave the selection out to take every record".into(),
            ));
        }
        let expr = parser.expr()?;
        let rest = parser.next();
        if rest.tok != Tok::End {
            let hint = if matches!(rest.tok, Tok::Close) {
                "there is no \"(\" to close".to_string()
            } else {
                "join terms with and, or, not".to_string()
            };
            return Err(parser.error(
                SelectErrorKind::Syntax,
                rest.column,
                rest.width,
                format!(
                    "unexpected {} at column {}: {hint}",
                    describe(&rest.tok),
                    rest.column
                ),
            ));
        }
        Ok(Selection {
            text: text.to_string(),
            expr,
        })
    }

    /// Checks bulletin and subtopic ids against the configuration.
    fn check(&self, config: &Config) -> Result<(), SelectError> {
        let mut terms = Vec::new();
        self.expr.terms(&mut terms);
        for term in terms {
            let (known, what): (Vec<&str>, &str) = match term.field {
                Field::Bulletin => (
                    config.bulletins.iter().map(Bulletin::id).collect(),
                    "bulletin",
                ),
                Field::Subtopic => (
                    config
                        .bulletins
                        .iter()
                        .flat_map(|b| b.subtopics.iter().map(|s| s.id.get_ref().as_str()))
                        .collect(),
                    "subtopic",
                ),
                _ => continue,
            };
            if !known.contains(&term.value.as_str()) {
                let shown = if known.len() > 12 {
                    format!("{}, …", known[..12].join(", "))
                } else {
                    known.join(", ")
                };
                return Err(SelectError {
                    kind: SelectErrorKind::UnknownId,
                    message: format!(
                        "no {what} \"{}\" in the configuration (column {}); the {what}s are {shown}",
                        term.value, term.column
                    ),
                    column: term.column,
                    width: term.field.name().chars().count() + 1 + term.value.chars().count(),
                    text: self.text.clone(),
                });
            }
        }
        Ok(())
    }
}

impl Expr {
    fn terms<'a>(&'a self, out: &mut Vec<&'a Term>) {
        match self {
            Expr::Term(t) => out.push(t),
            Expr::Not(e) => e.terms(out),
            Expr::And(a, b) | Expr::Or(a, b) => {
                a.terms(out);
                b.terms(out);
            }
        }
    }
}

/// Evaluates selections against records, placing them with the run's one classifier.
pub struct Matcher<'a> {
    config: &'a Config,
    collators: &'a Collators,
    classifier: &'a Classifier<'a>,
}

/// A record being tested, with its placements computed at most once.
struct Candidate<'r> {
    record: &'r Record,
    placements: OnceCell<Vec<Placement>>,
}

impl<'a> Matcher<'a> {
    /// A matcher placing records with `classifier` (and its configuration and collators).
    pub fn new(classifier: &'a Classifier<'a>) -> Matcher<'a> {
        Matcher {
            config: classifier.config(),
            collators: classifier.collators(),
            classifier,
        }
    }

    /// Whether `record` is selected.
    pub fn matches(&self, selection: &Selection, record: &Record) -> bool {
        let candidate = Candidate {
            record,
            placements: OnceCell::new(),
        };
        self.eval(&selection.expr, &candidate)
    }

    fn eval(&self, expr: &Expr, c: &Candidate<'_>) -> bool {
        match expr {
            Expr::Term(t) => self.term(t, c),
            Expr::Not(e) => !self.eval(e, c),
            Expr::And(a, b) => self.eval(a, c) && self.eval(b, c),
            Expr::Or(a, b) => self.eval(a, c) || self.eval(b, c),
        }
    }

    fn term(&self, term: &Term, c: &Candidate<'_>) -> bool {
        let record = c.record;
        let value = term.value.as_str();
        let placements = || c.placements.get_or_init(|| self.classifier.place(record));
        match term.field {
            Field::Bulletin => placements()
                .iter()
                .any(|p| self.config.bulletins[p.bulletin].id() == value),
            Field::Subtopic => placements().iter().any(|p| {
                self.config.bulletins[p.bulletin].subtopics[p.subtopic]
                    .id
                    .get_ref()
                    == value
            }),
            Field::Subject => record
                .subjects
                .iter()
                .flat_map(|s| std::iter::once(&s.heading).chain(s.subdivisions.iter()))
                .chain(record.keywords.iter())
                .any(|h| self.contains_words(h, value)),
            Field::Person | Field::Author | Field::About => {
                let Some(query) = &term.person else {
                    return false;
                };
                record
                    .persons
                    .iter()
                    .filter(|p| match term.field {
                        Field::Author => p.role != Role::Subject,
                        Field::About => p.role == Role::Subject,
                        _ => true,
                    })
                    .any(|p| query.matches(p, self.collators))
            }
            Field::Periodical => record.host.as_ref().is_some_and(|h| {
                self.collators.matches(&h.title, value)
                    || h.abbreviated
                        .as_deref()
                        .is_some_and(|a| self.collators.matches(a, value))
            }),
            Field::Lang => {
                let want = lang_group(value);
                classify::language_group(record).is_ok_and(|(g, _)| Some(g) == want)
            }
        }
    }

    /// Whether `heading` is, begins with, or contains `words` as whole words (compared
    /// as [`Collators::matches_prefix`] does).
    fn contains_words(&self, heading: &str, words: &str) -> bool {
        let mut previous = None;
        for (at, c) in heading.char_indices() {
            let starts_word =
                c.is_alphanumeric() && previous.is_none_or(|p: char| !p.is_alphanumeric());
            if starts_word && self.collators.matches_prefix(&heading[at..], words) {
                return true;
            }
            previous = Some(c);
        }
        false
    }
}

/// A person as written in a selection: surname, and forenames or initials.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PersonQuery {
    surname: String,
    /// Full forenames (`İlham`), when written out.
    forenames: Option<String>,
    /// Initials (`İ.`), written or derived from the forenames; empty when none.
    initials: Vec<String>,
}

fn initial_list(initials: &str) -> Vec<String> {
    normalise_initials(initials)
        .split(' ')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

impl PersonQuery {
    fn new(text: &str) -> PersonQuery {
        let (surname, rest) = text.split_once(',').unwrap_or((text, ""));
        let rest = rest.trim();
        let written_initials = !rest.is_empty()
            && rest
                .split([' ', '.'])
                .filter(|w| !w.is_empty())
                .all(|w| w.chars().count() == 1);
        let (forenames, initials) = if rest.is_empty() {
            (None, Vec::new())
        } else if written_initials {
            (None, initial_list(rest))
        } else {
            (Some(rest.to_string()), initial_list(&derive_initials(rest)))
        };
        PersonQuery {
            surname: surname.trim().to_string(),
            forenames,
            initials,
        }
    }

    fn matches(&self, person: &Person, collators: &Collators) -> bool {
        if !collators.matches(&person.surname, &self.surname) {
            return false;
        }
        if let (Some(want), false) = (&self.forenames, person.forenames.trim().is_empty()) {
            return collators.matches_prefix(&person.forenames, want);
        }
        let theirs = initial_list(&person.initials_or_derived());
        self.initials.len() <= theirs.len()
            && self
                .initials
                .iter()
                .zip(&theirs)
                .all(|(a, b)| collators.matches(a, b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> SelectError {
        Selection::parse_syntax(text).unwrap_err()
    }

    #[test]
    fn precedence_not_and_or() {
        let s = Selection::parse_syntax("lang:az or not lang:ru and subject:x").unwrap();
        let Expr::Or(_, right) = s.expr else {
            panic!("or at the top: {:?}", s.expr)
        };
        let Expr::And(left, _) = *right else {
            panic!("and under or")
        };
        assert!(matches!(*left, Expr::Not(_)));
        let s = Selection::parse_syntax("(lang:az OR lang:ru) AND subject:\"Avropa İttifaqı\"")
            .unwrap();
        assert!(matches!(s.expr, Expr::And(_, _)));
    }

    #[test]
    fn typo_has_column_and_caret() {
        let e = err("lang:az and subjct:\"Avropa\"");
        assert_eq!(e.column, 13);
        assert!(
            e.message.contains("unknown field \"subjct\" at column 13"),
            "{e}"
        );
        assert!(e.message.contains("did you mean \"subject\""), "{e}");
        let shown = e.to_string();
        let caret = shown.lines().last().unwrap();
        assert_eq!(caret.find('^'), Some(2 + 12), "{shown}");
    }

    #[test]
    fn other_errors() {
        assert_eq!(err("lang:de").column, 6);
        assert_eq!(err("(lang:az").column, 9);
        assert_eq!(err("lang:az)").column, 8);
        assert_eq!(err("subject:\"Avropa").column, 9);
        assert_eq!(err("and lang:az").column, 1);
        assert_eq!(err("lang az").column, 6);
        assert_eq!(err("lang:az lang:ru").column, 9);
        assert!(err("  ").message.contains("empty selection"));
        assert_eq!(err("  ").kind, SelectErrorKind::Empty);
        assert_eq!(err("subjct:x").kind, SelectErrorKind::UnknownField);
        assert_eq!(err("lang:de").kind, SelectErrorKind::UnknownLanguage);
        assert_eq!(err("subject:").kind, SelectErrorKind::Syntax);
        assert_eq!(err("(lang:az").kind, SelectErrorKind::Syntax);
    }

    #[test]
    fn person_queries() {
        let c = Collators::new();
        let p = |surname: &str, initials: &str, forenames: &str| Person {
            surname: surname.into(),
            initials: initials.into(),
            forenames: forenames.into(),
            role: Role::Subject,
            relator: None,
        };
        let q = PersonQuery::new("Əliyev, İlham");
        assert!(q.matches(&p("Əliyev", "İ.", "İlham"), &c));
        assert!(q.matches(&p("ƏLİYEV", "İ.", ""), &c));
        assert!(!q.matches(&p("Əliyev", "H.", "Heydər"), &c));
        assert!(!q.matches(&p("Aliyev", "I.", "Ilham"), &c));
        let q = PersonQuery::new("Əliyev, İ.");
        assert!(q.matches(&p("Əliyev", "", "İlham"), &c));
        assert!(!q.matches(&p("Əliyev", "H.", ""), &c));
        assert!(PersonQuery::new("Алиев").matches(&p("алиев", "Г.", "Гейдар"), &c));
    }
}
