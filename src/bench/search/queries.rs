//! The search query set, by kind (rare, common, phrase, OR, filters), in
//! each engine's dialect: the same queries for Peerhall and its baselines.

use std::fmt::Write as _;

use crate::scale::vocabulary::Vocabulary;

/// Where in the tail the rare query words come from (0 = most frequent).
const RARE_TAIL_RANKS: [usize; 8] = [100, 400, 900, 1_600, 2_500, 4_000, 6_500, 10_000];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Common,
    Rare,
    TwoWords,
    Phrase,
    Code,
    Filter,
    Boolean,
}

impl Kind {
    pub fn describe(self) -> &'static str {
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
pub struct BenchQuery {
    pub kind: Kind,
    /// As typed into Peerhall.
    pub text: String,
    /// Without the `area:` filter: what `websearch_to_tsquery` reads.
    pub words: String,
    pub area: Option<String>,
    /// The same words as an FTS5 MATCH expression.
    pub fts: String,
}

impl BenchQuery {
    pub fn new(kind: Kind, text: &str) -> BenchQuery {
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
pub fn split_query(text: &str) -> Vec<String> {
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
pub fn fts_expression(words: &str) -> String {
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

/// 50 queries in each language, shuffled with a fixed seed: for the
/// vocabulary of `langs`, made from `seed`.
pub fn query_set(langs: &[Vocabulary], seed: u64) -> Vec<BenchQuery> {
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
            if let Some(word) = l.words.get(s.head.len() + rank) {
                queries.push(BenchQuery::new(Kind::Rare, word));
            }
        }
    }
    fastrand::Rng::with_seed(seed ^ 2).shuffle(&mut queries);
    queries
}
