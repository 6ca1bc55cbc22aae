use std::cmp::Ordering;

use proptest::prelude::*;

use super::*;

const ALL_43: u64 = (1 << 43) - 1;

/// Orders matches by score alone, highest first.
fn by_score(a: &Match, b: &Match) -> Ordering {
    b.score.total_cmp(&a.score)
}

fn profile(
    id: i32,
    mask: u64,
    population: i32,
    latin: bool,
    language: &str,
    discoverable: bool,
) -> Profile {
    let met = mask.count_ones() as usize;
    Profile {
        city_id: id,
        slug: format!("city-{id}"),
        name: format!("City {id}"),
        country: if latin { "MX".into() } else { "US".into() },
        region: if latin {
            Region::LatinAmerica
        } else {
            Region::UsCanada
        },
        language: language.to_owned(),
        population,
        discoverable,
        accepts_introductions: true,
        assessed: true,
        mask,
        level: match met {
            0..=21 => None,
            22..=29 => Some(Level::Silver),
            30..=36 => Some(Level::Gold),
            _ => Some(Level::Platinum),
        },
        met_since: (0..43)
            .map(|i| (mask & (1 << i) != 0).then_some(2023))
            .collect(),
    }
}

fn any_profile() -> impl Strategy<Value = Profile> {
    (
        0i32..1000,
        any::<u64>(),
        1_000i32..5_000_000,
        any::<bool>(),
        0usize..4,
        any::<bool>(),
    )
        .prop_map(|(id, mask, population, latin, lang, discoverable)| {
            let language = ["en", "es", "pt", "fr"][lang];
            profile(id, mask & ALL_43, population, latin, language, discoverable)
        })
}

#[test]
fn reasons_say_since_when_size_language_and_criteria_in_common() {
    let me = profile(1, 0b0111, 100_000, true, "es", false);
    let peer = profile(2, 0b1011, 150_000, true, "es", true);
    let all = vec![me.clone(), peer];
    let found = for_criterion(&all, &me, (3, "DM4"), 5, 2026);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].reasons,
        [
            Reason::MeetsSince {
                code: "DM4".into(),
                year: Some(2023)
            },
            Reason::InCommon { common: 2, of: 3 },
            Reason::SimilarSize,
            Reason::SameLanguage("es".into()),
            Reason::SameRegion(Region::LatinAmerica),
        ]
    );
}

#[test]
fn the_more_alike_city_comes_first() {
    let me = profile(1, 0b0111, 100_000, false, "en", true);
    let near = profile(2, 0b1111, 120_000, false, "en", true);
    let far = profile(3, 0b1000, 4_000_000, true, "pt", true);
    let all = vec![far, me.clone(), near];
    let found = for_criterion(&all, &me, (3, "DM4"), 5, 2026);
    let ids: Vec<i32> = found.iter().map(|m| m.peer.city_id).collect();
    assert_eq!(ids, [2, 3]);
}

#[test]
fn cities_you_can_help_lack_what_you_meet() {
    let me = profile(1, 0b0111, 100_000, false, "en", true);
    let behind = profile(2, 0b0001, 100_000, false, "en", true);
    let ahead = profile(3, 0b1111, 100_000, false, "en", true);
    let all = vec![me.clone(), behind, ahead];
    let found = you_can_help(&all, &me, 5);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].peer.city_id, 2);
    assert_eq!(found[0].reasons[0], Reason::CanHelp { count: 2 });
}

proptest! {
    /// Whoever asks, two cities are as alike.
    #[test]
    fn likeness_is_symmetric(a in any_profile(), b in any_profile()) {
        prop_assert!((likeness(&a, &b) - likeness(&b, &a)).abs() < 1e-12);
    }

    /// A city never matches itself, every peer meets the criterion and is
    /// discoverable, and the list is ordered and within its limit.
    #[test]
    fn criterion_peers_are_discoverable_others_that_meet_it(
        mut all in proptest::collection::vec(any_profile(), 1..60),
        index in 0usize..43,
        limit in 1usize..10,
    ) {
        for (i, p) in all.iter_mut().enumerate() {
            p.city_id = i as i32;
        }
        let me = all[0].clone();
        let found = for_criterion(&all, &me, (index, "X"), limit, 2026);
        prop_assert!(found.len() <= limit);
        for m in &found {
            prop_assert_ne!(m.peer.city_id, me.city_id);
            prop_assert!(m.peer.discoverable);
            prop_assert!(m.peer.mask & (1 << index) != 0);
        }
        prop_assert!(found.windows(2).all(|w| by_score(&w[0], &w[1]) != Ordering::Greater));
        let eligible = all.iter().filter(|p| p.city_id != 0 && p.discoverable && p.mask & (1 << index) != 0).count();
        prop_assert_eq!(found.len(), eligible.min(limit));
    }

    /// The overall lists never show the city itself or a hidden city.
    #[test]
    fn overall_lists_hide_the_city_and_undiscoverable_ones(
        mut all in proptest::collection::vec(any_profile(), 1..60),
    ) {
        for (i, p) in all.iter_mut().enumerate() {
            p.city_id = i as i32;
        }
        let me = all[0].clone();
        for m in like_you(&all, &me, 10).iter().chain(you_can_help(&all, &me, 10).iter()) {
            prop_assert_ne!(m.peer.city_id, me.city_id);
            prop_assert!(m.peer.discoverable);
        }
        for m in you_can_help(&all, &me, 10) {
            prop_assert!(me.mask & !m.peer.mask != 0);
        }
    }
}
