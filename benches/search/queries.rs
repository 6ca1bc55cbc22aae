//! The query set, by kind (rare, common, phrase, OR, filters), in each engine's dialect.

#[allow(clippy::wildcard_imports)]
use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    Common,
    Rare,
    TwoWords,
    Phrase,
    Code,
    Filter,
    Boolean,
}

impl Kind {
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Kind::Common => "common single word",
            Kind::Rare => "rare single word",
            Kind::TwoWords => "two words (AND)",
            Kind::Phrase => "\"phrase\"",
            Kind::Code => "acronym or code (GIS, 311, PM2.5, SDG 11…)",
            Kind::Filter => "word or phrase + `area:` filter",
            Kind::Boolean => "OR, or -exclusion",
        }
    }
}

/// One query in the search box's language, and what the baselines get from it.
#[derive(Debug, Clone)]
pub(crate) struct BenchQuery {
    pub(crate) kind: Kind,
    /// As typed into Peerhall.
    pub(crate) text: String,
    /// Without the `area:` filter: what `websearch_to_tsquery` reads.
    pub(crate) words: String,
    pub(crate) area: Option<String>,
    /// The same words as an FTS5 MATCH expression.
    pub(crate) fts: String,
}

impl BenchQuery {
    pub(crate) fn new(kind: Kind, text: &str) -> BenchQuery {
        let mut area = None;
        let mut words = Vec::new();
        for part in split_query(text) {
            match part.strip_prefix("area:") {
                Some(slug) => area = Some(slug.to_owned()),
                None => words.push(part),
            }
        }
        let words = words.join(" ");
        BenchQuery {
            kind,
            fts: fts_expression(&words),
            text: text.to_owned(),
            words,
            area,
        }
    }
}

/// Words, `"quoted phrases"` and operators, as the search box splits them.
pub(crate) fn split_query(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut in_quotes = false;
    for c in text.chars() {
        match c {
            '"' => {
                current.push(c);
                in_quotes = !in_quotes;
            }
            c if c.is_whitespace() && !in_quotes => {
                if !current.is_empty() {
                    parts.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        parts.push(current);
    }
    parts
}

/// FTS5's syntax for the same query: each word or phrase quoted (so "PM2.5"
/// is the phrase `pm2 5`), OR groups in parentheses since FTS5's implicit AND
/// binds tighter than OR, and exclusions as NOT after the rest.
pub(crate) fn fts_expression(words: &str) -> String {
    let quote = |term: &str| format!("\"{}\"", term.trim_matches('"').replace('"', "\"\""));
    let mut groups: Vec<Vec<String>> = Vec::new();
    let mut excluded = Vec::new();
    let mut or_next = false;
    for part in split_query(words) {
        if part == "OR" {
            or_next = true;
        } else if let Some(term) = part.strip_prefix('-') {
            excluded.push(quote(term));
        } else if or_next && let Some(group) = groups.last_mut() {
            group.push(quote(&part));
            or_next = false;
        } else {
            groups.push(vec![quote(&part)]);
        }
    }
    let positive: Vec<String> = groups
        .into_iter()
        .map(|g| {
            if g.len() == 1 {
                g.concat()
            } else {
                format!("({})", g.join(" OR "))
            }
        })
        .collect();
    let mut expression = format!("({})", positive.join(" AND "));
    for term in excluded {
        let _ = write!(expression, " NOT {term}");
    }
    expression
}

/// 50 queries in each language, shuffled with a fixed seed.
pub(crate) fn query_set(langs: &[Vocabulary]) -> Vec<BenchQuery> {
    let mut queries = Vec::new();
    for l in langs {
        let s = l.spec;
        let fixed: [(Kind, &[&str]); 6] = [
            (Kind::Common, &s.common),
            (Kind::TwoWords, &s.pairs),
            (Kind::Phrase, &s.phrase_queries),
            (Kind::Code, &s.codes),
            (Kind::Filter, &s.filtered),
            (Kind::Boolean, &s.boolean),
        ];
        for (kind, texts) in fixed {
            queries.extend(texts.iter().map(|t| BenchQuery::new(kind, t)));
        }
        for rank in RARE_TAIL_RANKS {
            let word = &l.words[s.head.len() + rank];
            queries.push(BenchQuery::new(Kind::Rare, word));
        }
    }
    fastrand::Rng::with_seed(SEED ^ 2).shuffle(&mut queries);
    queries
}
