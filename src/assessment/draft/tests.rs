use proptest::prelude::*;

use super::*;
use crate::assessment::intake::validate;
use crate::assessment::outcomes::{Direction, Priority};
use crate::standard::test_catalog;

const STATUSES: [&str; 3] = ["met", "in_progress", "not_started"];

fn names() -> Vec<String> {
    field_names(&test_catalog())
}

fn fields(pairs: &[(&str, &str)]) -> Fields {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// Applies an edit to the stored draft, as the database does.
fn apply(current: &mut Fields, edit: &Edit) {
    for (name, value) in &edit.changes {
        current.insert(name.clone(), value.clone());
    }
}

#[test]
fn the_form_has_three_fields_per_criterion_plus_outcomes_and_priorities() {
    let names = names();
    assert_eq!(names.len(), 43 * 3 + 7 + 1);
    assert_eq!(names[0..3], ["DM1", "DM1_evidence", "DM1_evidence_url"]);
    assert!(names.contains(&"broadband_pct".to_owned()));
}

#[test]
fn posted_forms_keep_only_known_fields_and_join_checked_areas() {
    let pairs: Vec<(String, String)> = [
        ("csrf", "x"),
        ("DM1", "met"),
        ("was.DM1", ""),
        ("DM1_evidence", " Board minutes\r\nMonthly "),
        ("priority_areas", "OD"),
        ("priority_areas", "DM"),
        ("was.priority_areas", "DM"),
        ("sneaky", "1"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    let (now, was) = read_posted(&names(), &pairs);
    assert_eq!(
        now,
        fields(&[
            ("DM1", "met"),
            ("DM1_evidence", "Board minutes\nMonthly"),
            ("priority_areas", "DM OD"),
        ])
    );
    assert_eq!(was, fields(&[("DM1", ""), ("priority_areas", "DM")]));
}

#[test]
fn a_colleague_s_change_to_the_same_field_is_reported_as_overwritten() {
    let names = names();
    let was = fields(&[("DM1", "in_progress")]);
    let current = fields(&[("DM1", "not_started")]);
    let now = fields(&[("DM1", "met")]);
    let edit = edit(&names, &now, &was, &current);
    assert_eq!(edit.changes, [("DM1".to_owned(), "met".to_owned())]);
    assert_eq!(edit.overwritten, ["DM1"]);
}

#[test]
fn agreeing_with_a_colleague_writes_nothing_and_reports_nothing() {
    let names = names();
    let was = fields(&[("DM1", "in_progress")]);
    let both = fields(&[("DM1", "met")]);
    assert_eq!(edit(&names, &both, &was, &both), Edit::default());
}

#[test]
fn unanswered_criteria_are_reported_missing_at_their_field() {
    let catalog = test_catalog();
    let mut all: Fields = catalog
        .criteria
        .iter()
        .map(|c| (c.code.clone(), "met".to_owned()))
        .collect();
    all.remove("DM4");
    all.insert("DM2_evidence_url".into(), "not a link".into());
    all.insert("broadband_pct".into(), "140".into());
    let problems = validate(&catalog, &to_raw(&catalog, &all)).unwrap_err();
    let mut keys: Vec<String> = problems.iter().map(|p| p.place.key()).collect();
    keys.sort();
    assert_eq!(keys, ["DM2_evidence_url", "DM4", "broadband_pct"]);
}

proptest! {
    /// Two colleagues who open the same draft and change different fields both
    /// keep their changes, whichever saves first.
    #[test]
    fn colleagues_editing_different_fields_keep_both(
        base_picks in proptest::collection::vec(0usize..3, 43),
        a_picks in proptest::collection::vec(proptest::option::of(0usize..3), 43),
        b_picks in proptest::collection::vec(proptest::option::of(0usize..3), 43),
        a_first in any::<bool>(),
    ) {
        let catalog = test_catalog();
        let names = names();
        let base: Fields = catalog.criteria.iter().zip(&base_picks)
            .map(|(c, p)| (c.code.clone(), STATUSES[*p].to_owned()))
            .collect();
        let (mut a_now, mut b_now) = (base.clone(), base.clone());
        let mut expected = base.clone();
        for (i, c) in catalog.criteria.iter().enumerate() {
            // A edits the even criteria, B the odd ones.
            let pick = if i % 2 == 0 { a_picks[i] } else { b_picks[i] };
            if let Some(p) = pick {
                let target = if i % 2 == 0 { &mut a_now } else { &mut b_now };
                target.insert(c.code.clone(), STATUSES[p].to_owned());
                expected.insert(c.code.clone(), STATUSES[p].to_owned());
            }
        }
        let mut stored = base.clone();
        let order = if a_first { [&a_now, &b_now] } else { [&b_now, &a_now] };
        for now in order {
            let e = edit(&names, now, &base, &stored);
            prop_assert!(e.overwritten.is_empty());
            apply(&mut stored, &e);
        }
        prop_assert_eq!(stored, expected);
    }

    /// After a save, the draft holds every value the person posted.
    #[test]
    fn a_save_leaves_the_draft_as_the_person_sees_it(
        current_picks in proptest::collection::vec(0usize..3, 43),
        was_picks in proptest::collection::vec(0usize..3, 43),
        now_picks in proptest::collection::vec(0usize..3, 43),
    ) {
        let catalog = test_catalog();
        let names = names();
        let build = |picks: &[usize]| -> Fields {
            catalog.criteria.iter().zip(picks)
                .map(|(c, p)| (c.code.clone(), STATUSES[*p].to_owned()))
                .collect()
        };
        let (mut current, was, now) = (build(&current_picks), build(&was_picks), build(&now_picks));
        let e = edit(&names, &now, &was, &current);
        apply(&mut current, &e);
        for (name, value) in &now {
            if was.get(name) != Some(value) {
                prop_assert_eq!(current.get(name), Some(value));
            }
        }
    }

    /// A submitted assessment, turned back into a draft, checks as the same assessment.
    #[test]
    fn a_draft_from_an_assessment_checks_as_that_assessment(
        picks in proptest::collection::vec(0usize..3, 43),
        broadband in proptest::option::of(0.0f64..100.0),
        with_priority in any::<bool>(),
    ) {
        let catalog = test_catalog();
        let statuses = [Status::Met, Status::InProgress, Status::NotStarted];
        let answers: Vec<_> = catalog.criteria.iter().zip(&picks)
            .map(|(c, p)| (c.code.clone(), statuses[*p], Some(format!("note {}", c.code)), None))
            .collect();
        let outcomes = Outcomes {
            broadband_pct: broadband,
            pm25_ugm3: None,
            priority: with_priority.then(|| Priority {
                sdg: 11,
                indicator: "Trees".into(),
                target: 30.0,
                value: 12.5,
                direction: Direction::AtMost,
            }),
        };
        let areas = vec!["DM".to_owned(), "OD".to_owned()];
        let fields = fields_of(&answers, &outcomes, &areas);
        let valid = validate(&catalog, &to_raw(&catalog, &fields)).unwrap();
        prop_assert_eq!(valid.outcomes, outcomes);
        prop_assert_eq!(valid.priority_areas, areas);
        let back: Vec<_> = valid.answers.iter().map(|a| a.status).collect();
        let expected: Vec<_> = answers.iter().map(|a| a.1).collect();
        prop_assert_eq!(back, expected);
    }
}
