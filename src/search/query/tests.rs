use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn word(w: &str) -> Term {
    Term::Word(w.to_owned())
}

fn phrase(p: &str) -> Term {
    Term::Phrase(p.to_owned())
}

fn err(input: &str) -> (&'static str, Option<String>) {
    let e = parse(input).expect_err(input);
    (e.key, e.arg)
}

#[test]
fn words_are_all_required_and_keep_their_spelling() {
    let q = parse("  GIS mapping  PM2.5 evaluación ").expect("parses");
    let expected: Vec<Clause> = ["GIS", "mapping", "PM2.5", "evaluación"]
        .iter()
        .map(|w| Clause::AnyOf(vec![word(w)]))
        .collect();
    assert_eq!(q.clauses, expected);
    assert!(q.has_text());
}

#[test]
fn phrases_or_and_exclusions() {
    let q = parse(r#""SDG 11" gis OR mapping OR "open data" -draft -"old plan""#).expect("parses");
    assert_eq!(
        q.clauses,
        [
            Clause::AnyOf(vec![phrase("SDG 11")]),
            Clause::AnyOf(vec![word("gis"), word("mapping"), phrase("open data")]),
            Clause::Not(word("draft")),
            Clause::Not(phrase("old plan")),
        ]
    );
}

#[test]
fn curly_quotes_are_quotes_and_empty_phrases_vanish() {
    let q = parse("“open data” \"\" « budget »").expect("parses");
    assert_eq!(
        q.clauses,
        [
            Clause::AnyOf(vec![phrase("open data")]),
            Clause::AnyOf(vec![phrase("budget")]),
        ]
    );
}

#[test]
fn filters_normalise_their_values() {
    let q = parse(
        "Criterion:dm8 tag:GIS area:LC area:dm city:Springfield author:@Maria lang:ES \
         after:2026-01-01 before:2026-02-01 is:solved is:Unanswered",
    )
    .expect("parses");
    let f = &q.filters;
    assert_eq!(f.criteria, ["DM8"]);
    assert_eq!(f.tags, ["gis"]);
    assert_eq!(f.areas, ["lc", "dm"]);
    assert_eq!(f.cities, ["springfield"]);
    assert_eq!(f.authors, ["maria"]);
    assert_eq!(f.langs, ["es"]);
    assert_eq!(f.after, NaiveDate::from_ymd_opt(2026, 1, 1));
    assert_eq!(f.before, NaiveDate::from_ymd_opt(2026, 2, 1));
    assert_eq!(f.solved, Some(true));
    assert!(f.unanswered);
    assert!(q.clauses.is_empty() && !q.has_text() && !q.is_empty());
}

#[test]
fn filter_values_may_be_quoted_and_aliases_are_understood() {
    let q = parse(r#"tag:"open data" category:general language:pt criteria:od3 is:unsolved"#)
        .expect("parses");
    assert_eq!(q.filters.tags, ["open data"]);
    assert_eq!(q.filters.areas, ["general"]);
    assert_eq!(q.filters.langs, ["pt"]);
    assert_eq!(q.filters.criteria, ["OD3"]);
    assert_eq!(q.filters.solved, Some(false));
}

#[test]
fn urls_times_and_prose_colons_are_words() {
    let q = parse("http://example.org 10:30 Note: before:").expect("parses");
    let words: Vec<Clause> = ["http://example.org", "10:30", "Note:", "before:"]
        .iter()
        .map(|w| Clause::AnyOf(vec![word(w)]))
        .collect();
    assert_eq!(q.clauses, words);
}

#[test]
fn punctuation_alone_is_not_a_word() {
    let q = parse("gis - & — mapping").expect("parses");
    assert_eq!(q.clauses.len(), 2);
}

#[test]
fn empty_and_filter_only_queries_are_valid() {
    assert!(parse("").expect("parses").is_empty());
    assert!(parse("   ").expect("parses").is_empty());
    let q = parse("area:dm -draft").expect("parses");
    assert_eq!(q.clauses, [Clause::Not(word("draft"))]);
}

#[test]
fn malformed_queries_name_their_message() {
    let cases: [(&str, &str, Option<&str>); 14] = [
        ("\"open data", "search-error-unclosed-quote", None),
        ("area:\"dm", "search-error-unclosed-quote", None),
        ("colour:red", "search-error-unknown-filter", Some("colour")),
        ("-tag:gis", "search-error-negated-filter", Some("tag")),
        ("area:parks", "search-error-bad-area", Some("parks")),
        ("lang:de", "search-error-bad-lang", Some("de")),
        (
            "after:2026-13-01",
            "search-error-bad-date",
            Some("2026-13-01"),
        ),
        ("before:1/2/2026", "search-error-bad-date", Some("1/2/2026")),
        ("is:open", "search-error-bad-is", Some("open")),
        ("OR gis", "search-error-dangling-or", None),
        ("gis OR", "search-error-dangling-or", None),
        ("gis OR OR mapping", "search-error-dangling-or", None),
        ("gis OR -mapping", "search-error-dangling-or", None),
        ("-gis -mapping", "search-error-only-exclusions", None),
    ];
    for (input, key, arg) in cases {
        assert_eq!(err(input), (key, arg.map(str::to_owned)), "{input}");
    }
}

#[test]
fn long_queries_are_refused() {
    assert_eq!(err(&"a".repeat(MAX_CHARS + 1)).0, "search-error-too-long");
    let many = vec!["w"; MAX_TERMS + 1].join(" ");
    assert_eq!(err(&many).0, "search-error-too-long");
    assert!(parse(&vec!["w"; MAX_TERMS].join(" ")).is_ok());
}

#[test]
fn lower_case_or_is_a_word() {
    let q = parse("gis or mapping").expect("parses");
    assert_eq!(q.clauses.len(), 3);
}

#[test]
fn sort_parses_its_two_names() {
    assert_eq!(Sort::parse("Latest"), Ok(Sort::Latest));
    assert_eq!(Sort::parse("relevance"), Ok(Sort::Relevance));
    assert_eq!(
        Sort::parse("oldest").map_err(|e| e.key),
        Err("search-error-bad-sort")
    );
    assert_eq!(Sort::default().as_str(), "relevance");
}

#[test]
fn every_error_key_has_a_message_in_every_language() {
    let sources = [
        include_str!("mod.rs"),
        include_str!("lexer.rs"),
        include_str!("filters.rs"),
    ];
    let mut keys: Vec<&str> = sources
        .iter()
        .flat_map(|s| s.split('"'))
        .filter(|part| part.starts_with("search-error-"))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let bundles = [
        include_str!("../../i18n/locales/en/main.ftl"),
        include_str!("../../i18n/locales/es/main.ftl"),
        include_str!("../../i18n/locales/pt/main.ftl"),
        include_str!("../../i18n/locales/fr/main.ftl"),
    ];
    for bundle in bundles {
        let mut defined: Vec<&str> = bundle
            .lines()
            .filter_map(|line| line.split_once(" = ").map(|(key, _)| key))
            .filter(|key| key.starts_with("search-error-"))
            .collect();
        defined.sort_unstable();
        assert_eq!(defined, keys);
    }
}

fn a_term() -> impl Strategy<Value = Term> {
    prop_oneof![
        "[a-zA-Z0-9áéñç]{1,8}"
            .prop_filter("OR is the operator", |w| w != "OR")
            .prop_map(Term::Word),
        "[a-z0-9]{1,6}( [a-z0-9]{1,6}){0,2}".prop_map(Term::Phrase),
    ]
}

fn a_clause() -> impl Strategy<Value = Clause> {
    prop_oneof![
        proptest::collection::vec(a_term(), 1..4).prop_map(Clause::AnyOf),
        a_term().prop_map(Clause::Not),
    ]
}

fn some_filters() -> impl Strategy<Value = Filters> {
    let day = || {
        proptest::option::of((2000i32..2100, 1u32..13, 1u32..29))
            .prop_map(|d| d.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)))
    };
    let values = |pattern: &'static str| {
        proptest::collection::btree_set(pattern, 0..3).prop_map(|v| v.into_iter().collect())
    };
    (
        proptest::sample::subsequence(AREAS.to_vec(), 0..3),
        values("[A-Z]{1,4}[0-9]"),
        values("[a-z]{1,6}( [a-z]{1,4})?"),
        values("[a-z][a-z-]{0,8}"),
        values("[a-z][a-z0-9-]{0,8}"),
        proptest::sample::subsequence(crate::search::analysis::LANGS.to_vec(), 0..2),
        (day(), day()),
        proptest::option::of(any::<bool>()),
        any::<bool>(),
    )
        .prop_map(
            |(
                areas,
                criteria,
                tags,
                cities,
                authors,
                langs,
                (after, before),
                solved,
                unanswered,
            )| {
                Filters {
                    areas: areas.iter().map(|a| (*a).to_owned()).collect(),
                    criteria,
                    tags,
                    cities,
                    authors,
                    langs: langs.iter().map(|l| (*l).to_owned()).collect(),
                    after,
                    before,
                    solved,
                    unanswered,
                }
            },
        )
}

proptest! {
    #[test]
    fn any_input_parses_or_fails_without_panicking(input in "\\PC{0,80}") {
        let _ = parse(&input);
    }

    #[test]
    fn query_like_input_never_panics(
        input in "([a-z]{1,5}|OR|-|\"|:|area:|is:|after:|tag:| |[0-9]{1,3}){0,30}"
    ) {
        let _ = parse(&input);
    }

    #[test]
    fn well_formed_queries_round_trip(
        clauses in proptest::collection::vec(a_clause(), 0..6),
        filters in some_filters(),
    ) {
        let query = ParsedQuery { clauses, filters };
        let text = query.to_string();
        match parse(&text) {
            Ok(parsed) => prop_assert_eq!(parsed, query, "{}", text),
            Err(e) => {
                let terms: usize = query
                    .clauses
                    .iter()
                    .map(|c| match c {
                        Clause::AnyOf(terms) => terms.len(),
                        Clause::Not(_) => 1,
                    })
                    .sum::<usize>()
                    + query.filters.to_parts().len();
                let expected = if terms > MAX_TERMS {
                    "search-error-too-long"
                } else {
                    "search-error-only-exclusions"
                };
                prop_assert_eq!(e.key, expected, "{}", text);
                if e.key == "search-error-only-exclusions" {
                    prop_assert!(!query.has_text() && query.filters == Filters::default());
                }
            }
        }
    }
}
