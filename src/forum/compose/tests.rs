use super::*;
use crate::standard::test_catalog;

fn input<'a>(title: &'a str, body: &'a str, tags: &'a str) -> ThreadInput<'a> {
    ThreadInput {
        space: "dm",
        kind: None,
        title,
        body,
        tags: TagsInput::Text(tags),
        lang: None,
    }
}

#[test]
fn a_well_formed_thread_is_a_question_in_the_author_s_language_by_default() {
    let draft = thread(
        &test_catalog(),
        input(
            "  How  did you set up\n a data committee? ",
            "We are starting.",
            "DM1, Governance",
        ),
        Lang::Es,
    )
    .unwrap();
    assert_eq!(draft.title, "How did you set up a data committee?");
    assert_eq!(draft.kind, Kind::Question);
    assert_eq!(draft.lang, Lang::Es);
    assert_eq!(draft.tags, ["dm1", "governance"]);
}

#[test]
fn every_problem_is_reported_at_once() {
    let bad = ThreadInput {
        space: "sports",
        kind: Some("poll"),
        title: " ",
        body: "",
        tags: TagsInput::Text("dm99"),
        lang: Some("de"),
    };
    let problems = thread(&test_catalog(), bad, Lang::En).unwrap_err();
    let fields: Vec<&str> = problems.iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        ["category", "kind", "lang", "title", "body", "tags"]
    );
    assert_eq!(problems[5].key, "forum-tag-unknown-criterion");
    assert_eq!(problems[5].item.as_deref(), Some("dm99"));
}

#[test]
fn titles_and_bodies_have_limits() {
    let long_title = "x".repeat(TITLE_MAX_CHARS + 1);
    assert_eq!(title(&long_title).unwrap_err().key, "forum-error-too-long");
    assert!(title(&"é".repeat(TITLE_MAX_CHARS)).is_ok());
    assert!(body(&"y".repeat(BODY_MAX_CHARS + 1)).is_err());
    assert_eq!(body("a\r\nb").unwrap(), "a\nb");
}

#[test]
fn a_flag_needs_a_known_reason_and_other_needs_a_note() {
    assert_eq!(flag("spam", "").unwrap().0, FlagReason::Spam);
    assert_eq!(flag("rude", "").unwrap_err().field, "reason");
    assert_eq!(flag("other", " ").unwrap_err().field, "note");
    assert!(flag("other", "links to a scam").is_ok());
}
