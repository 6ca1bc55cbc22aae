//! The `name:value` filters of a query: which values each accepts, how they are
//! normalised, and how several of the same kind combine.

use chrono::NaiveDate;

use super::QueryError;
use crate::search::analysis::LANGS;

/// The categories' slugs, and `city` for the private spaces.
pub const AREAS: [&str; 11] = [
    "dm",
    "lc",
    "od",
    "pa",
    "bf",
    "rdc",
    "ci",
    "eval",
    "general",
    "announcements",
    "city",
];

const DATE_FORMAT: &str = "%Y-%m-%d";

/// A post has one area, city, author and language, so repeating one of those
/// filters widens the search (any of); a thread has many tags and criteria, so
/// repeating those narrows it (all of). A repeated date keeps the last.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Any of; lower case.
    pub areas: Vec<String>,
    /// All of; upper case ("DM8").
    pub criteria: Vec<String>,
    /// All of; lower case.
    pub tags: Vec<String>,
    /// Any of; lower case.
    pub cities: Vec<String>,
    /// Any of; lower case, without "@".
    pub authors: Vec<String>,
    /// Any of: "en", "es", "pt", "fr".
    pub langs: Vec<String>,
    /// Posts created on or after this day (UTC).
    pub after: Option<NaiveDate>,
    /// Posts created strictly before this day (UTC).
    pub before: Option<NaiveDate>,
    /// `is:solved` (true) or `is:unsolved` (false).
    pub solved: Option<bool>,
    /// `is:unanswered`: threads without a visible reply.
    pub unanswered: bool,
}

impl Filters {
    /// Adds the filter `name` (as the lexer names it) with its non-empty value.
    pub fn apply(&mut self, name: &str, value: &str) -> Result<(), QueryError> {
        let bad = |key: &'static str| QueryError::new(key, Some(value.to_owned()));
        let day = || date(value).ok_or_else(|| bad("search-error-bad-date"));
        match name {
            "area" => add(
                &mut self.areas,
                known(&AREAS, value).ok_or_else(|| bad("search-error-bad-area"))?,
            ),
            "lang" => add(
                &mut self.langs,
                known(&LANGS, value).ok_or_else(|| bad("search-error-bad-lang"))?,
            ),
            "tag" => add(&mut self.tags, value.to_lowercase()),
            "criterion" => add(&mut self.criteria, value.to_uppercase()),
            "city" => add(&mut self.cities, value.to_lowercase()),
            "author" => add(
                &mut self.authors,
                value.trim_start_matches('@').to_lowercase(),
            ),
            "before" => self.before = Some(day()?),
            "after" => self.after = Some(day()?),
            "is" => match value.to_ascii_lowercase().as_str() {
                "solved" => self.solved = Some(true),
                "unsolved" => self.solved = Some(false),
                "unanswered" => self.unanswered = true,
                _ => return Err(bad("search-error-bad-is")),
            },
            _ => {
                let arg = Some(name.to_owned());
                return Err(QueryError::new("search-error-unknown-filter", arg));
            }
        }
        Ok(())
    }

    /// The filters as query text, one `name:value` each, in a fixed order.
    pub fn to_parts(&self) -> Vec<String> {
        let mut parts = Vec::new();
        let lists = [
            ("area", &self.areas),
            ("tag", &self.tags),
            ("criterion", &self.criteria),
            ("city", &self.cities),
            ("author", &self.authors),
            ("lang", &self.langs),
        ];
        for (name, values) in lists {
            parts.extend(values.iter().map(|v| format!("{name}:{}", quote(v))));
        }
        for (name, day) in [("after", self.after), ("before", self.before)] {
            if let Some(day) = day {
                parts.push(format!("{name}:{}", day.format(DATE_FORMAT)));
            }
        }
        match self.solved {
            Some(true) => parts.push("is:solved".to_owned()),
            Some(false) => parts.push("is:unsolved".to_owned()),
            None => {}
        }
        if self.unanswered {
            parts.push("is:unanswered".to_owned());
        }
        parts
    }
}

/// `value` in lower case if it is one of `allowed`.
fn known(allowed: &[&str], value: &str) -> Option<String> {
    let value = value.to_ascii_lowercase();
    allowed.contains(&value.as_str()).then_some(value)
}

fn add(values: &mut Vec<String>, value: String) {
    if !value.is_empty() && !values.contains(&value) {
        values.push(value);
    }
}

/// Exactly `YYYY-MM-DD`, so that "2026-1-5" or "5/1/2026" are not guessed at.
fn date(value: &str) -> Option<NaiveDate> {
    let strict = value.len() == 10 && value.chars().filter(|c| *c == '-').count() == 2;
    strict
        .then(|| NaiveDate::parse_from_str(value, DATE_FORMAT).ok())
        .flatten()
}

fn quote(value: &str) -> String {
    if value.contains(char::is_whitespace) {
        format!("\"{value}\"")
    } else {
        value.to_owned()
    }
}
