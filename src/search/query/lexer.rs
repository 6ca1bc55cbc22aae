//! Cuts a search box's text into words, phrases, filters and `OR`s, before
//! anything is given meaning.

use super::{QueryError, Term};

/// Filter names, as typed (lower case) and as meant.
const FILTER_NAMES: [(&str, &str); 12] = [
    ("area", "area"),
    ("category", "area"),
    ("tag", "tag"),
    ("criterion", "criterion"),
    ("criteria", "criterion"),
    ("city", "city"),
    ("author", "author"),
    ("lang", "lang"),
    ("language", "lang"),
    ("before", "before"),
    ("after", "after"),
    ("is", "is"),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lexeme {
    Or,
    Term {
        negated: bool,
        term: Term,
    },
    Filter {
        negated: bool,
        name: &'static str,
        value: String,
    },
}

pub fn lex(input: &str) -> Result<Vec<Lexeme>, QueryError> {
    let chars: Vec<char> = input.chars().map(straight_quote).collect();
    let mut lexemes = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let negated = c == '-';
        let start = if negated { i + 1 } else { i };
        let (lexeme, next) = if chars.get(start) == Some(&'"') {
            let (text, next) = quoted(&chars, start)?;
            let term = || Lexeme::Term {
                negated,
                term: Term::Phrase(text.clone()),
            };
            (has_alphanumeric(&text).then(term), next)
        } else {
            unquoted(&chars, start, negated)?
        };
        lexemes.extend(lexeme);
        i = next;
    }
    Ok(lexemes)
}

/// The run of non-space characters from `start`, with a quoted value if it is
/// a filter's (`tag:"open data"`), and where to go on.
fn unquoted(
    chars: &[char],
    start: usize,
    negated: bool,
) -> Result<(Option<Lexeme>, usize), QueryError> {
    let mut end = start;
    while chars
        .get(end)
        .is_some_and(|c| !c.is_whitespace() && *c != '"')
    {
        end += 1;
    }
    let run: String = chars.get(start..end).unwrap_or_default().iter().collect();
    if let Some(name) = run.strip_suffix(':').and_then(filter_name)
        && chars.get(end) == Some(&'"')
    {
        let (value, next) = quoted(chars, end)?;
        return Ok((Some(filter_or_word(negated, name, &run, value)), next));
    }
    Ok((classify(negated, run)?, end))
}

/// Phones and word processors type curly or angled quotes; they all mean `"`.
fn straight_quote(c: char) -> char {
    match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
        other => other,
    }
}

fn has_alphanumeric(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// The text between the quote at `open` and the next one, and where to go on.
fn quoted(chars: &[char], open: usize) -> Result<(String, usize), QueryError> {
    let rest = chars.get(open + 1..).unwrap_or_default();
    let Some(len) = rest.iter().position(|c| *c == '"') else {
        return Err(QueryError::new("search-error-unclosed-quote", None));
    };
    let text: String = rest.iter().take(len).collect();
    Ok((text.trim().to_owned(), open + len + 2))
}

fn filter_name(typed: &str) -> Option<&'static str> {
    let typed = typed.to_ascii_lowercase();
    FILTER_NAMES
        .iter()
        .find(|(name, _)| *name == typed)
        .map(|(_, meant)| *meant)
}

/// `name:` with nothing after it is more likely prose ("Before: …") than a
/// filter left unfinished, so it stays a word.
fn filter_or_word(negated: bool, name: &'static str, run: &str, value: String) -> Lexeme {
    let value = value.trim().to_owned();
    if value.is_empty() {
        let term = Term::Word(run.to_owned());
        return Lexeme::Term { negated, term };
    }
    Lexeme::Filter {
        negated,
        name,
        value,
    }
}

/// A run without spaces: `OR`, a known `filter:value`, or a word. An unknown
/// alphabetic prefix is most likely a mistyped filter, but URLs (`http://`)
/// and times (`10:30`) are words.
fn classify(negated: bool, run: String) -> Result<Option<Lexeme>, QueryError> {
    if run == "OR" && !negated {
        return Ok(Some(Lexeme::Or));
    }
    if let Some((prefix, value)) = run.split_once(':')
        && !prefix.is_empty()
        && prefix.chars().all(|c| c.is_ascii_alphabetic())
    {
        if let Some(name) = filter_name(prefix) {
            return Ok(Some(filter_or_word(negated, name, &run, value.to_owned())));
        }
        if !value.is_empty() && !value.starts_with("//") {
            let arg = Some(prefix.to_owned());
            return Err(QueryError::new("search-error-unknown-filter", arg));
        }
    }
    if !has_alphanumeric(&run) {
        return Ok(None);
    }
    let term = Term::Word(run);
    Ok(Some(Lexeme::Term { negated, term }))
}
