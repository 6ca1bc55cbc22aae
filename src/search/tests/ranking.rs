use super::*;

fn reply(id: i64, thread: i64, body: &str) -> PostDoc {
    PostDoc {
        thread_id: thread,
        is_opening: false,
        title: "Shared calendars".to_owned(),
        ..post(id, body)
    }
}

#[test]
fn an_outsider_never_sees_a_city_space() {
    let secret = PostDoc {
        space: "city:springfield".to_owned(),
        area: "city".to_owned(),
        criteria: vec!["DM8".to_owned()],
        ..post(1, "Secret budget plan for Springfield")
    };
    let index = index(&[secret, post(2, "Public budget plan")]);
    let outsider = Viewer {
        all_spaces: false,
        city_space: Some("city:shelbyville".to_owned()),
    };
    let member = Viewer {
        all_spaces: false,
        city_space: Some("city:springfield".to_owned()),
    };
    for viewer in [&outsider, &Viewer::default()] {
        for query in ["secret", "budget plan", "city:springfield", "area:city", ""] {
            let results = search_as(&index, viewer, query);
            assert!(results.hits.iter().all(|h| h.post_id != 1), "{query}");
            assert!(results.facets.criterion.is_empty(), "{query}");
        }
        assert_eq!(search_as(&index, viewer, "budget").total, 1);
    }
    assert_eq!(sorted_ids(&index, "budget plan"), [1, 2]);
    assert_eq!(ids_as(&index, &member, "secret"), [1]);
    assert_eq!(search_as(&index, &member, "budget").total, 2);
}

#[test]
fn a_city_post_in_a_later_segment_stays_hidden_after_earlier_searches() {
    let secret = |id: i64| PostDoc {
        space: "city:springfield".to_owned(),
        ..post(id, "Secret budget plan")
    };
    let index = index(&[secret(1), post(2, "Public budget plan")]);
    let outsider = Viewer {
        all_spaces: false,
        city_space: Some("city:shelbyville".to_owned()),
    };
    // The first segment's public posts are now remembered.
    assert_eq!(ids_as(&index, &outsider, "budget"), [2]);
    index
        .with_writer(|writer| {
            add(writer, &secret(3))?;
            add(writer, &post(4, "Another public budget"))
        })
        .expect("added");
    index.commit_with_payload("2").expect("committed");
    let mut seen = ids_as(&index, &outsider, "budget");
    seen.sort_unstable();
    assert_eq!(seen, [2, 4]);
    assert_eq!(search_as(&index, &outsider, "secret").total, 0);
}

#[test]
fn latest_orders_by_date_and_relevance_by_score() {
    let index = index(&[
        PostDoc {
            created: at(2025, 6, 1),
            ..post(1, "budget budget budget")
        },
        PostDoc {
            created: at(2026, 3, 1),
            ..post(
                2,
                "a long text that mentions the budget once among many other words",
            )
        },
        PostDoc {
            created: at(2026, 1, 1),
            ..post(3, "budget and more budget")
        },
    ]);
    let latest = request("budget", Sort::Latest, 1, 10);
    let hits = index.search(&staff(), &latest).expect("searched").hits;
    assert_eq!(
        hits.iter().map(|h| h.post_id).collect::<Vec<_>>(),
        [2, 3, 1]
    );
    assert_eq!(hits.first().map(|h| h.created), Some(at(2026, 3, 1)));
    assert_eq!(ids(&index, "budget"), [1, 3, 2]);
}

#[test]
fn accepted_and_voted_answers_rank_above_equal_ones() {
    let plain = reply(1, 10, "Use a shared calendar for the team");
    let accepted = PostDoc {
        accepted: true,
        ..reply(2, 10, "Use a shared calendar for the team")
    };
    let voted = PostDoc {
        votes: 10,
        ..reply(3, 11, "Use a shared calendar for the staff")
    };
    let downvoted = PostDoc {
        votes: -5,
        ..reply(4, 11, "Use a shared calendar for the staff")
    };
    let index = index(&[plain, accepted, downvoted, voted]);
    let order = ids(&index, "calendar team");
    assert_eq!(order, [2, 1]);
    let order = ids(&index, "calendar staff");
    assert_eq!(order, [3, 4]);
}

#[test]
fn a_title_and_the_exact_word_rank_first() {
    let question = PostDoc {
        title: "Open data portal".to_owned(),
        ..post(1, "We launched ours last spring.")
    };
    let answer = PostDoc {
        accepted: true,
        votes: 3,
        ..reply(2, 5, "Our open data portal runs on a hosted service.")
    };
    let index = index(&[answer, question, post(3, "The open data portal team")]);
    assert_eq!(ids(&index, "open data portal").first(), Some(&1));
    let stems = index_with_stems();
    assert_eq!(ids(&stems, "governance"), [2, 1]);
}

fn index_with_stems() -> SearchIndex {
    index(&[
        post(1, "Notes on governing"),
        post(2, "Notes on governance"),
    ])
}

#[test]
fn facets_count_every_match_not_just_the_page() {
    let tagged = |id: i64, area: &str, criteria: &[&str]| PostDoc {
        area: area.to_owned(),
        criteria: criteria.iter().map(|c| (*c).to_owned()).collect(),
        ..post(id, "budget")
    };
    let index = index(&[
        tagged(1, "dm", &["DM8"]),
        tagged(2, "lc", &["LC1"]),
        tagged(3, "dm", &["DM8", "DM2"]),
        tagged(4, "general", &[]),
        PostDoc {
            area: "eval".to_owned(),
            ..post(5, "unrelated")
        },
    ]);
    let results = index
        .search(&staff(), &request("budget", Sort::Relevance, 1, 1))
        .expect("searched");
    assert_eq!((results.total, results.hits.len()), (4, 1));
    let named = |pairs: &[(&str, u64)]| -> Vec<(String, u64)> {
        pairs.iter().map(|(n, c)| ((*n).to_owned(), *c)).collect()
    };
    assert_eq!(
        results.facets.area,
        named(&[("dm", 2), ("general", 1), ("lc", 1)])
    );
    assert_eq!(
        results.facets.criterion,
        named(&[("DM8", 2), ("DM2", 1), ("LC1", 1)])
    );
    let narrowed = search_as(&index, &staff(), "budget criterion:dm2");
    assert_eq!(narrowed.facets.area, named(&[("dm", 1)]));
}

/// Totals and facets are remembered per segment; a commit that adds or
/// deletes posts must still show in the next search's counts, and two
/// viewers never share counts.
#[test]
fn remembered_counts_follow_commits_and_viewers() {
    let in_area = |id: i64, area: &str| PostDoc {
        area: area.to_owned(),
        ..post(id, "budget")
    };
    let index = index(&[in_area(1, "dm"), in_area(2, "dm"), in_area(3, "lc")]);
    let counts = |viewer: &Viewer| {
        let found = search_as(&index, viewer, "budget");
        (found.total, found.facets.area)
    };
    let area = |pairs: &[(&str, u64)]| -> Vec<(String, u64)> {
        pairs.iter().map(|(n, c)| ((*n).to_owned(), *c)).collect()
    };
    assert_eq!(counts(&staff()), (3, area(&[("dm", 2), ("lc", 1)])));
    let private = PostDoc {
        space: "city:recife".to_owned(),
        ..in_area(4, "lc")
    };
    index.with_writer(|w| add(w, &private)).expect("added");
    index.commit_with_payload("2").expect("committed");
    let outsider = Viewer::default();
    assert_eq!(counts(&staff()), (4, area(&[("dm", 2), ("lc", 2)])));
    assert_eq!(counts(&outsider), (3, area(&[("dm", 2), ("lc", 1)])));
    index.with_writer(|w| delete_post(w, 1)).expect("deleted");
    index.commit_with_payload("3").expect("committed");
    assert_eq!(counts(&staff()), (3, area(&[("lc", 2), ("dm", 1)])));
    assert_eq!(counts(&outsider), (2, area(&[("dm", 1), ("lc", 1)])));
}

#[test]
fn pages_split_the_results_and_past_the_end_is_empty() {
    let posts: Vec<PostDoc> = (1..=7).map(|id| post(id, "budget")).collect();
    let index = index(&posts);
    let page = |page: usize, per_page: usize| {
        index
            .search(&staff(), &request("budget", Sort::Latest, page, per_page))
            .expect("searched")
    };
    let mut seen: Vec<i64> = Vec::new();
    for (n, size) in [(1, 3), (2, 3), (3, 1), (4, 0)] {
        let results = page(n, 3);
        assert_eq!((results.total, results.hits.len()), (7, size), "page {n}");
        seen.extend(results.hits.iter().map(|h| h.post_id));
    }
    seen.sort_unstable();
    assert_eq!(seen, [1, 2, 3, 4, 5, 6, 7]);
    assert_eq!(page(0, 0).hits.len(), 1);
    assert_eq!(page(1, 1000).hits.len(), 7);
    assert!(page(usize::MAX, usize::MAX).hits.is_empty());
}

#[test]
fn snippets_escape_the_post_and_mark_the_matches() {
    let index = index(&[
        post(1, "<script>alert(1)</script> the budget report & more"),
        PostDoc {
            title: "Budget review".to_owned(),
            ..post(2, "Nothing relevant <b>here</b>")
        },
        in_lang(3, "es", "Resultados de la evaluación anual"),
    ]);
    let hits = search_as(&index, &staff(), "budget").hits;
    let snippet = |id: i64| -> String {
        let hit = hits.iter().find(|h| h.post_id == id).expect("a hit");
        hit.snippet_html.clone()
    };
    let first = snippet(1);
    assert!(
        first.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{first}"
    );
    assert!(
        first.contains("<mark>budget</mark>") && first.contains("&amp;"),
        "{first}"
    );
    assert!(!first.contains("<script>"), "{first}");
    assert_eq!(snippet(2), "<mark>Budget</mark> review");
    let stemmed = search_as(&index, &staff(), "evaluaciones").hits;
    let html = stemmed
        .first()
        .map(|h| h.snippet_html.clone())
        .unwrap_or_default();
    assert!(html.contains("<mark>evaluación</mark>"), "{html}");
    let listed = search_as(&index, &staff(), "lang:en").hits;
    assert!(
        listed
            .iter()
            .any(|h| h.snippet_html == "Nothing relevant &lt;b&gt;here&lt;/b&gt;")
    );
}

#[test]
fn hits_carry_what_the_page_shows() {
    let question = PostDoc {
        title: "GIS layers".to_owned(),
        area: "dm".to_owned(),
        criteria: vec!["DM8".to_owned()],
        solved: true,
        ..in_lang(4, "pt", "Camadas GIS")
    };
    let index = index(&[question]);
    let hit = search_as(&index, &staff(), "gis")
        .hits
        .pop()
        .expect("a hit");
    assert_eq!(
        (
            hit.thread_id,
            hit.post_id,
            hit.title.as_str(),
            hit.lang.as_str()
        ),
        (4, 4, "GIS layers", "pt")
    );
    assert_eq!(
        (hit.area.as_str(), hit.criteria.clone()),
        ("dm", vec!["DM8".to_owned()])
    );
    assert!(hit.solved && hit.is_opening && hit.score > 0.0);
    assert_eq!(hit.created, at(2026, 1, 1));
}
