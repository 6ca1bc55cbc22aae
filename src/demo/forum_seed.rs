//! The demo forum in `forum.toml` (people, threads, replies): parsed and checked here, so
//! the seeder that writes it to the database can trust every handle, category and index.

use std::collections::HashSet;

use anyhow::{Context, anyhow, ensure};
use serde::Deserialize;

use crate::accounts::users::Role;
use crate::forum::compose::Kind;
use crate::forum::text::{mentions, tags as tag_rules};
use crate::i18n::Lang;

const FORUM: &str = include_str!("forum.toml");

/// Forum categories: the eight practice areas in lower case, then the two open ones.
pub const CATEGORIES: [&str; 10] = [
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
];

/// Exactly one of the four language codes (the users table stores it as is).
fn is_language(code: &str) -> bool {
    Lang::ALL.iter().any(|l| l.code() == code)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForumSeed {
    pub people: Vec<SeedPerson>,
    pub threads: Vec<SeedThread>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedPerson {
    pub handle: String,
    pub name: String,
    /// A slug from `cities.toml`; `None` for program staff.
    #[serde(default)]
    pub city: Option<String>,
    pub language: String,
    pub role: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedThread {
    pub category: String,
    pub kind: String,
    pub lang: String,
    pub author: String,
    /// Relative to the seeding day, so the demo always looks recent.
    pub days_ago: u32,
    pub title: String,
    #[serde(default)]
    pub tags: Vec<String>,
    pub body: String,
    /// 1-based index into `replies`.
    #[serde(default)]
    pub accepted: Option<usize>,
    #[serde(default)]
    pub replies: Vec<SeedReply>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedReply {
    pub author: String,
    pub days_ago: u32,
    pub body: String,
    /// How many demo people, other than the author, upvote this reply.
    #[serde(default)]
    pub votes: u32,
}

/// The shipped demo forum, checked.
pub fn load() -> anyhow::Result<ForumSeed> {
    parse(FORUM).context("src/demo/forum.toml is invalid")
}

fn parse(text: &str) -> anyhow::Result<ForumSeed> {
    let seed: ForumSeed = toml::from_str(text)?;
    let handles = check_people(&seed.people)?;
    for thread in &seed.threads {
        check_thread(thread, &handles)
            .map_err(|err| anyhow!("thread {:?}: {err}", thread.title))?;
    }
    Ok(seed)
}

/// Returns the set of handles, which every later check resolves authors against.
fn check_people(people: &[SeedPerson]) -> anyhow::Result<HashSet<&str>> {
    let mut handles = HashSet::new();
    for person in people {
        check_person(person).map_err(|err| anyhow!("person {:?}: {err}", person.handle))?;
        ensure!(
            handles.insert(person.handle.as_str()),
            "duplicate handle {:?}",
            person.handle
        );
    }
    Ok(handles)
}

fn check_person(person: &SeedPerson) -> anyhow::Result<()> {
    check_handle(&person.handle)?;
    ensure!(!person.name.trim().is_empty(), "empty name");
    ensure!(
        is_language(&person.language),
        "unknown language {:?}",
        person.language
    );
    ensure!(
        person.role.parse::<Role>().is_ok(),
        "unknown role {:?}",
        person.role
    );
    // City people need a city for peer context; program staff speak for no city.
    match (person.role.as_str(), &person.city) {
        ("member" | "city_admin", None) => Err(anyhow!("a {} needs a city", person.role)),
        ("program_admin", Some(_)) => Err(anyhow!("program staff have no city")),
        _ => Ok(()),
    }
}

fn check_handle(handle: &str) -> anyhow::Result<()> {
    ensure!(
        mentions::is_handle(handle),
        "bad handle characters: 1-30 of a-z, 0-9, '_' or '-', starting with a letter or digit"
    );
    Ok(())
}

fn check_thread(thread: &SeedThread, handles: &HashSet<&str>) -> anyhow::Result<()> {
    let SeedThread {
        category,
        kind,
        lang,
        ..
    } = thread;
    ensure!(
        CATEGORIES.contains(&category.as_str()),
        "unknown category {category:?}"
    );
    ensure!(Kind::from_code(kind).is_some(), "unknown kind {kind:?}");
    ensure!(is_language(lang), "unknown lang {lang:?}");
    check_author(&thread.author, handles)?;
    ensure!(
        !thread.title.trim().is_empty() && !thread.body.trim().is_empty(),
        "empty title or body"
    );
    check_mentions(&thread.body, handles)?;
    check_tags(&thread.tags)?;
    check_accepted(thread)?;
    let mut previous = thread.days_ago;
    for (index, reply) in thread.replies.iter().enumerate() {
        check_reply(reply, previous, handles)
            .map_err(|err| anyhow!("reply {}: {err}", index + 1))?;
        previous = reply.days_ago;
    }
    Ok(())
}

fn check_author(author: &str, handles: &HashSet<&str>) -> anyhow::Result<()> {
    ensure!(handles.contains(author), "unknown author {author:?}");
    Ok(())
}

/// `not_before` is the thread's or the previous reply's `days_ago`: replies are listed in
/// the order they were posted, because `accepted` and the display order rely on it.
fn check_reply(reply: &SeedReply, not_before: u32, handles: &HashSet<&str>) -> anyhow::Result<()> {
    check_author(&reply.author, handles)?;
    ensure!(!reply.body.trim().is_empty(), "empty body");
    check_mentions(&reply.body, handles)?;
    ensure!(
        reply.days_ago <= not_before,
        "posted {} days ago, earlier than the post before it ({not_before} days ago)",
        reply.days_ago
    );
    // Votes are cast by distinct demo people, and nobody upvotes themselves.
    let voters = handles.len().saturating_sub(1);
    ensure!(
        usize::try_from(reply.votes).is_ok_and(|votes| votes <= voters),
        "{} votes, but only {voters} other people can vote",
        reply.votes
    );
    Ok(())
}

fn check_accepted(thread: &SeedThread) -> anyhow::Result<()> {
    let Some(accepted) = thread.accepted else {
        return Ok(());
    };
    ensure!(
        thread.kind == "question",
        "accepted answer on a {}; only questions have one",
        thread.kind
    );
    ensure!(
        (1..=thread.replies.len()).contains(&accepted),
        "accepted = {accepted}, but there are {} replies",
        thread.replies.len()
    );
    Ok(())
}

/// Tags as the forum would store them: already normalised, distinct, at most five.
fn check_tags(tags: &[String]) -> anyhow::Result<()> {
    let normal = tag_rules::parse_items(tags)
        .map_err(|(tag, problem)| anyhow!("tag {tag:?}: {problem:?}"))?;
    ensure!(
        normal == tags,
        "tags {tags:?} are not in normal form or repeat one"
    );
    Ok(())
}

/// Mentions become links and notifications, so each must name a demo person.
fn check_mentions(text: &str, handles: &HashSet<&str>) -> anyhow::Result<()> {
    for handle in mentions::extract(text) {
        ensure!(
            handles.contains(handle.as_str()),
            "mentions unknown @{handle}"
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use serde::Deserialize;

    use super::*;

    // Lenient readers: the real files' own structs deny unknown fields, and these
    // tests only need the slugs and criterion codes.
    #[derive(Deserialize)]
    struct CitiesFile {
        cities: Vec<City>,
    }

    #[derive(Deserialize)]
    struct City {
        slug: String,
    }

    #[derive(Deserialize)]
    struct CatalogFile {
        criteria: Vec<Criterion>,
    }

    #[derive(Deserialize)]
    struct Criterion {
        code: String,
        area: String,
    }

    fn seed() -> ForumSeed {
        load().expect("the shipped demo forum loads")
    }

    fn city_slugs() -> HashSet<String> {
        let file: CitiesFile = toml::from_str(include_str!("cities.toml")).expect("cities");
        file.cities.into_iter().map(|c| c.slug).collect()
    }

    /// Lower-case criterion code → lower-case area code.
    fn criterion_areas() -> HashMap<String, String> {
        let text = include_str!("../standard/wwc-2022.toml");
        let file: CatalogFile = toml::from_str(text).expect("catalog");
        file.criteria
            .into_iter()
            .map(|c| (c.code.to_lowercase(), c.area.to_lowercase()))
            .collect()
    }

    /// Letters then digits, like `dm1` or `eval4`.
    fn looks_like_criterion(tag: &str) -> bool {
        let digits = tag.trim_start_matches(|c: char| c.is_ascii_lowercase());
        digits.len() < tag.len() && !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
    }

    #[test]
    fn shipped_file_loads() {
        let seed = seed();
        assert!(seed.people.len() >= 18, "{} people", seed.people.len());
        assert!(seed.threads.len() >= 24, "{} threads", seed.threads.len());
    }

    #[test]
    fn people_live_in_demo_cities_and_authors_exist() {
        let seed = seed();
        let slugs = city_slugs();
        let handles: HashSet<&str> = seed.people.iter().map(|p| p.handle.as_str()).collect();
        for person in &seed.people {
            if let Some(city) = &person.city {
                assert!(
                    slugs.contains(city),
                    "{}: unknown city {city}",
                    person.handle
                );
            }
        }
        for thread in &seed.threads {
            assert!(handles.contains(thread.author.as_str()), "{}", thread.title);
            for reply in &thread.replies {
                assert!(handles.contains(reply.author.as_str()), "{}", thread.title);
            }
        }
        let cities: HashSet<_> = seed.people.iter().filter_map(|p| p.city.as_ref()).collect();
        assert!(cities.len() >= 10, "{} cities", cities.len());
        for role in ["program_admin", "moderator"] {
            assert!(seed.people.iter().any(|p| p.role == role), "no {role}");
        }
    }

    #[test]
    fn criterion_tags_are_real_codes_of_the_thread_area() {
        let areas = criterion_areas();
        assert_eq!(areas.len(), 43);
        for thread in seed().threads {
            for tag in thread.tags.iter().filter(|t| looks_like_criterion(t)) {
                let area = areas.get(tag);
                assert!(area.is_some(), "{}: {tag} is no criterion", thread.title);
                let is_area_category = areas.values().any(|a| *a == thread.category);
                if is_area_category {
                    assert_eq!(area, Some(&thread.category), "{}: {tag}", thread.title);
                }
            }
        }
    }

    #[test]
    fn covers_languages_categories_and_answer_states() {
        let seed = seed();
        let in_lang = |lang: &str| seed.threads.iter().filter(|t| t.lang == lang).count();
        assert!(in_lang("es") >= 6 && in_lang("pt") >= 6);
        let used: HashSet<&str> = seed.threads.iter().map(|t| t.category.as_str()).collect();
        assert_eq!(used, HashSet::from(CATEGORIES));
        let questions = || seed.threads.iter().filter(|t| t.kind == "question");
        assert!(questions().filter(|t| t.replies.is_empty()).count() >= 4);
        assert!(questions().filter(|t| t.accepted.is_some()).count() >= 6);
    }

    #[test]
    fn announcements_come_from_program_staff() {
        let seed = seed();
        let role = |handle: &str| {
            seed.people
                .iter()
                .find(|p| p.handle == handle)
                .map(|p| p.role.as_str())
        };
        let announcements: Vec<_> = seed
            .threads
            .iter()
            .filter(|t| t.category == "announcements")
            .collect();
        assert!(announcements.len() >= 2);
        for thread in announcements {
            assert_eq!(
                role(&thread.author),
                Some("program_admin"),
                "{}",
                thread.title
            );
        }
    }

    const VALID: &str = r#"
[[people]]
handle = "ana"
name = "Ana"
city = "recife"
language = "pt"
role = "member"

[[people]]
handle = "bo"
name = "Bo"
city = "boston"
language = "en"
role = "member"

[[threads]]
category = "dm"
kind = "question"
lang = "en"
author = "ana"
days_ago = 10
title = "Inventory help"
tags = ["dm2", "inventory"]
body = "How do you keep it current?"
accepted = 1

[[threads.replies]]
author = "bo"
days_ago = 9
body = "Quarterly reviews, @ana."
votes = 1
"#;

    /// `VALID` with one change, which must have happened.
    fn with(old: &str, new: &str) -> String {
        assert!(VALID.contains(old), "{old} not in VALID");
        VALID.replacen(old, new, 1)
    }

    fn assert_rejected(text: &str, needles: &[&str]) {
        let err = format!("{:#}", parse(text).expect_err("should be rejected"));
        for needle in needles {
            assert!(err.contains(needle), "{needle:?} not in {err:?}");
        }
    }

    #[test]
    fn valid_input_parses() {
        let seed = parse(VALID).expect("valid");
        assert_eq!(seed.threads[0].replies[0].votes, 1);
    }

    #[test]
    fn rejects_bad_people() {
        assert_rejected(
            &with(r#"handle = "bo""#, r#"handle = "ana""#),
            &["duplicate", "ana"],
        );
        assert_rejected(
            &with(r#"handle = "bo""#, r#"handle = "Bo!""#),
            &["Bo!", "handle"],
        );
        assert_rejected(
            &with(r#"handle = "bo""#, r#"handle = "-bo""#),
            &["-bo", "handle"],
        );
        assert_rejected(
            &with(r#"role = "member""#, r#"role = "admin""#),
            &["ana", "admin"],
        );
        assert_rejected(
            &with(r#"language = "en""#, r#"language = "de""#),
            &["bo", "de"],
        );
        assert_rejected(
            &with(r#"city = "boston""#, "nickname = \"b\""),
            &["nickname"],
        );
    }

    #[test]
    fn rejects_bad_threads() {
        let title = "Inventory help";
        assert_rejected(
            &with(r#"author = "ana""#, r#"author = "cy""#),
            &[title, "cy"],
        );
        assert_rejected(
            &with(r#"category = "dm""#, r#"category = "data""#),
            &[title, "data"],
        );
        assert_rejected(
            &with(r#"kind = "question""#, r#"kind = "poll""#),
            &[title, "poll"],
        );
        assert_rejected(&with(r#"lang = "en""#, r#"lang = "it""#), &[title, "it"]);
        let discussion = with(r#"kind = "question""#, r#"kind = "discussion""#);
        assert_rejected(&discussion, &[title, "accepted"]);
        assert_rejected(
            &with("accepted = 1", "accepted = 2"),
            &[title, "accepted = 2"],
        );
        assert_rejected(
            &with("accepted = 1", "accepted = 0"),
            &[title, "accepted = 0"],
        );
    }

    #[test]
    fn rejects_bad_replies() {
        let title = "Inventory help";
        assert_rejected(
            &with(r#"author = "bo""#, r#"author = "cy""#),
            &[title, "reply 1", "cy"],
        );
        assert_rejected(
            &with("days_ago = 9", "days_ago = 11"),
            &[title, "reply 1", "earlier"],
        );
        assert_rejected(&with("votes = 1", "votes = 2"), &[title, "votes"]);
        assert_rejected(&with("@ana.", "@cy."), &[title, "@cy"]);
    }

    #[test]
    fn rejects_bad_tags() {
        let title = "Inventory help";
        assert_rejected(
            &with(r#""inventory""#, r#""Inventory""#),
            &[title, "Inventory"],
        );
        let long = format!("\"{}\"", "a".repeat(33));
        assert_rejected(&with(r#""inventory""#, &long), &[title, "aaaa"]);
        let six = r#""a", "b", "c", "d", "e", "f""#;
        assert_rejected(&with(r#""dm2", "inventory""#, six), &[title, "TooMany"]);
        assert_rejected(
            &with(r#""inventory""#, r#""open data""#),
            &[title, "open data"],
        );
    }
}
