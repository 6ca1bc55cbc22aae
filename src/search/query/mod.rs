//! The search box's language, parsed into a small syntax tree with no tantivy
//! types: words (all required), `"phrases"`, `OR`, `-exclusions` and filters
//! such as `area:dm`, `criterion:DM8` or `after:2026-01-01`. Every malformed
//! query is an error naming a Fluent message, never a panic.

mod filters;
mod lexer;
#[cfg(test)]
mod tests;

use std::fmt;

pub use filters::{AREAS, Filters};
use lexer::Lexeme;

/// Longer input is refused before it is looked at.
pub const MAX_CHARS: usize = 500;
/// Words, phrases and filters together.
pub const MAX_TERMS: usize = 32;

/// Something to find in the text, analysed later for each field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    Word(String),
    /// The words inside the quotes, in this order and next to each other,
    /// as written: case and accents are folded, but nothing is stemmed.
    Phrase(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// At least one of these must match: one term, or several joined by `OR`.
    AnyOf(Vec<Term>),
    /// This must not match.
    Not(Term),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    /// In the order typed; every clause must hold.
    pub clauses: Vec<Clause>,
    pub filters: Filters,
}

impl ParsedQuery {
    /// Whether any clause asks for words, so that relevance means something.
    pub fn has_text(&self) -> bool {
        self.clauses.iter().any(|c| matches!(c, Clause::AnyOf(_)))
    }

    /// Neither words nor filters: the search box was left empty.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty() && self.filters == Filters::default()
    }
}

/// A query that cannot be run, as a Fluent message id and its `$arg`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{key} ({arg:?})")]
pub struct QueryError {
    pub key: &'static str,
    pub arg: Option<String>,
}

impl QueryError {
    pub fn new(key: &'static str, arg: Option<String>) -> QueryError {
        QueryError { key, arg }
    }
}

/// The order of results; a separate parameter, not part of the query text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Relevance,
    Latest,
}

impl Sort {
    /// `relevance` or `latest` (case-insensitive).
    pub fn parse(input: &str) -> Result<Sort, QueryError> {
        match input.trim().to_ascii_lowercase().as_str() {
            "relevance" => Ok(Sort::Relevance),
            "latest" => Ok(Sort::Latest),
            _ => Err(QueryError::new(
                "search-error-bad-sort",
                Some(input.to_owned()),
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Latest => "latest",
        }
    }
}

/// Parses the search box's text.
pub fn parse(input: &str) -> Result<ParsedQuery, QueryError> {
    if input.chars().count() > MAX_CHARS {
        return Err(QueryError::new("search-error-too-long", None));
    }
    let lexemes = lexer::lex(input)?;
    let terms = lexemes.iter().filter(|l| **l != Lexeme::Or).count();
    if terms > MAX_TERMS {
        return Err(QueryError::new("search-error-too-long", None));
    }
    let query = build(lexemes)?;
    if !query.clauses.is_empty() && !query.has_text() && query.filters == Filters::default() {
        return Err(QueryError::new("search-error-only-exclusions", None));
    }
    Ok(query)
}

/// Joins terms around each `OR` and sorts exclusions and filters out.
fn build(lexemes: Vec<Lexeme>) -> Result<ParsedQuery, QueryError> {
    let dangling = || QueryError::new("search-error-dangling-or", None);
    let mut query = ParsedQuery::default();
    let mut group: Vec<Term> = Vec::new();
    let mut after_or = false;
    for lexeme in lexemes {
        match lexeme {
            Lexeme::Or if group.is_empty() || after_or => return Err(dangling()),
            Lexeme::Or => after_or = true,
            Lexeme::Term {
                negated: false,
                term,
            } => {
                if !after_or {
                    flush(&mut query, &mut group);
                }
                group.push(term);
                after_or = false;
            }
            _ if after_or => return Err(dangling()),
            other => {
                flush(&mut query, &mut group);
                place(&mut query, other)?;
            }
        }
    }
    if after_or {
        return Err(dangling());
    }
    flush(&mut query, &mut group);
    Ok(query)
}

/// An exclusion or a filter, which stand on their own wherever they are typed.
fn place(query: &mut ParsedQuery, lexeme: Lexeme) -> Result<(), QueryError> {
    match lexeme {
        Lexeme::Filter {
            negated: true,
            name,
            ..
        } => Err(QueryError::new(
            "search-error-negated-filter",
            Some(name.to_owned()),
        )),
        Lexeme::Filter { name, value, .. } => query.filters.apply(name, &value),
        Lexeme::Term { term, .. } => {
            query.clauses.push(Clause::Not(term));
            Ok(())
        }
        Lexeme::Or => Ok(()),
    }
}

fn flush(query: &mut ParsedQuery, group: &mut Vec<Term>) {
    if !group.is_empty() {
        query.clauses.push(Clause::AnyOf(std::mem::take(group)));
    }
}

/// The query in the language it was parsed from, clauses then filters; parsing
/// it again gives the same query, so pages can build links from it.
impl fmt::Display for ParsedQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        for clause in &self.clauses {
            parts.push(match clause {
                Clause::AnyOf(terms) => {
                    let terms: Vec<String> = terms.iter().map(Term::to_string).collect();
                    terms.join(" OR ")
                }
                Clause::Not(term) => format!("-{term}"),
            });
        }
        parts.extend(self.filters.to_parts());
        f.write_str(&parts.join(" "))
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Term::Word(word) => f.write_str(word),
            Term::Phrase(phrase) => write!(f, "\"{phrase}\""),
        }
    }
}
