use super::*;

fn words_index() -> SearchIndex {
    index(&[
        post(1, "GIS mapping of street trees"),
        post(2, "GIS only here"),
        post(3, "mapping only here"),
        post(4, "An open data portal for the city"),
        post(5, "A portal for data that is open to all"),
    ])
}

#[test]
fn every_word_is_required() {
    let index = words_index();
    assert_eq!(ids(&index, "gis mapping"), [1]);
    assert_eq!(sorted_ids(&index, "gis"), [1, 2]);
}

#[test]
fn or_takes_either_term() {
    let index = words_index();
    assert_eq!(sorted_ids(&index, "gis OR mapping"), [1, 2, 3]);
    assert_eq!(sorted_ids(&index, "only gis OR mapping"), [2, 3]);
    assert_eq!(sorted_ids(&index, "trees OR \"open data portal\""), [1, 4]);
}

#[test]
fn phrases_need_their_words_together_in_order() {
    let index = words_index();
    assert_eq!(sorted_ids(&index, "open data portal"), [4, 5]);
    assert_eq!(ids(&index, "\"open data portal\""), [4]);
    assert_eq!(ids(&index, "\"portal data open\""), Vec::<i64>::new());
}

/// Ranking finds a phrase's candidates by its words and checks the phrase
/// for each; here the first candidate is not a match.
#[test]
fn a_phrase_found_after_posts_with_only_its_words_is_found() {
    let index = index(&[
        post(1, "A portal for data that is open to all"),
        post(2, "Portal, data, open: three words"),
        post(3, "An open data portal for the city"),
    ]);
    assert_eq!(ids(&index, "\"open data portal\""), [3]);
    assert_eq!(ids(&index, "\"open data portal\" city"), [3]);
}

/// Ranking leaves a phrase's function words to the check: they must still
/// be there, in place, and a phrase of nothing but function words is found.
#[test]
fn a_phrase_still_needs_its_function_words() {
    let index = index(&[
        post(1, "La gestión de la calidad del aire"),
        post(2, "Gestión y calidad: aire limpio"),
        post(3, "Calidad de aire, gestión de la calidad del agua"),
        post(4, "Lo que es de la ciudad"),
    ]);
    assert_eq!(ids(&index, "\"calidad del aire\""), [1]);
    assert_eq!(sorted_ids(&index, "\"gestión de la calidad\""), [1, 3]);
    assert_eq!(ids(&index, "\"gestión de aire\""), Vec::<i64>::new());
    assert_eq!(sorted_ids(&index, "\"de la\""), [1, 3, 4]);
    assert_eq!(ids(&index, "\"de la ciudad\""), [4]);
}

#[test]
fn phrases_match_as_written_but_words_match_their_stems() {
    let index = index(&[
        post(1, "Open data portals across the region"),
        post(2, "The open DATA portal, relaunched"),
    ]);
    assert_eq!(sorted_ids(&index, "open data portal"), [1, 2]);
    // "portal" is its own stem, held once: found through the plural's stem.
    assert_eq!(sorted_ids(&index, "portals"), [1, 2]);
    assert_eq!(ids(&index, "\"open data portal\""), [2]);
    assert_eq!(ids(&index, "\"open data portals\""), [1]);
}

#[test]
fn exclusions_remove_matches() {
    let index = words_index();
    assert_eq!(ids(&index, "gis -mapping"), [2]);
    assert_eq!(ids(&index, "portal -\"open data portal\""), [5]);
    assert_eq!(sorted_ids(&index, "area:general -gis -data"), [3]);
}

/// Three posts differing in every filtered attribute.
fn filters_index() -> SearchIndex {
    let first = PostDoc {
        area: "dm".to_owned(),
        criteria: vec!["DM8".to_owned()],
        tags: vec!["gis".to_owned(), "dm8".to_owned()],
        created: at(2026, 1, 10),
        solved: true,
        answered: true,
        ..post(1, "data")
    };
    let second = PostDoc {
        area: "lc".to_owned(),
        criteria: vec!["LC1".to_owned()],
        tags: vec!["Budget".to_owned()],
        city: "shelbyville".to_owned(),
        author: "Joe".to_owned(),
        created: at(2026, 2, 1) - chrono::Duration::hours(12),
        ..in_lang(2, "es", "datos")
    };
    let third = PostDoc {
        area: "dm".to_owned(),
        criteria: vec!["DM8".to_owned(), "dm2".to_owned()],
        tags: vec!["gis".to_owned()],
        author: "ana".to_owned(),
        created: at(2025, 12, 31),
        answered: true,
        ..in_lang(3, "pt", "dados")
    };
    index(&[first, second, third])
}

#[test]
fn each_filter_narrows_and_filter_only_queries_list_newest_first() {
    let index = filters_index();
    let cases: [(&str, &[i64]); 23] = [
        ("", &[2, 1, 3]),
        ("area:dm", &[1, 3]),
        ("area:lc area:DM", &[2, 1, 3]),
        ("criterion:dm8", &[1, 3]),
        ("Criterion:DM8 criterion:dm2", &[3]),
        ("tag:gis", &[1, 3]),
        ("tag:GIS tag:dm8", &[1]),
        ("tag:budget", &[2]),
        ("city:springfield", &[1, 3]),
        ("city:Shelbyville", &[2]),
        ("author:joe", &[2]),
        ("author:@Maria", &[1]),
        ("lang:es", &[2]),
        ("lang:en lang:pt", &[1, 3]),
        ("after:2026-01-10", &[2, 1]),
        ("after:2026-01-11", &[2]),
        ("before:2026-01-10", &[3]),
        ("before:2026-02-01", &[1, 3]),
        ("before:2026-02-02", &[2, 1, 3]),
        ("after:2026-01-01 before:2026-02-01", &[1]),
        ("is:solved", &[1]),
        ("is:unsolved", &[2, 3]),
        ("is:unanswered", &[2]),
    ];
    for (query, expected) in cases {
        assert_eq!(ids(&index, query), expected, "{query}");
    }
}

#[test]
fn filters_combine_with_words() {
    let index = filters_index();
    assert_eq!(ids(&index, "data area:dm"), [1]);
    assert_eq!(ids(&index, "datos lang:es"), [2]);
    assert_eq!(ids(&index, "dados area:lc"), Vec::<i64>::new());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    #[test]
    fn any_parsed_query_searches_without_error(
        input in "([a-zA-Z0-9ñé.]{1,6}|OR|-|\"|area:dm|lang:es|is:solved|tag:gis| ){0,12}"
    ) {
        static INDEX: std::sync::OnceLock<SearchIndex> = std::sync::OnceLock::new();
        let index = INDEX.get_or_init(words_index);
        if let Ok(query) = parse(&input) {
            let req = SearchRequest { query, sort: Sort::Relevance, page: 1, per_page: 10 };
            proptest::prop_assert!(index.search(&Viewer::default(), &req).is_ok());
        }
    }
}
