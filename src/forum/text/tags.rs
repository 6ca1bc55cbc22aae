//! Thread tags: normalising what people type into canonical lower-case tags,
//! reading a list of them from a form, and spotting standard criterion codes.

pub const TAG_MAX_CHARS: usize = 32;
pub const TAGS_PER_THREAD: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagProblem {
    Empty,
    TooLong,
    BadCharacters,
    TooMany,
}

impl TagProblem {
    /// The translation key of the message shown next to the tag field.
    pub fn message_key(self) -> &'static str {
        match self {
            TagProblem::Empty => "forum-tag-empty",
            TagProblem::TooLong => "forum-tag-too-long",
            TagProblem::BadCharacters => "forum-tag-bad-characters",
            TagProblem::TooMany => "forum-tag-too-many",
        }
    }
}

/// `.` and `+` are kept for tags like `pm2.5` and `c++`.
fn is_tag_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '.' | '+')
}

/// The canonical form of one tag: trimmed, lower-cased (accents kept, so
/// `Évaluación` is `évaluación`), leading `#` dropped, whitespace and `_`
/// turned into single `-`, no `-` at either end.
pub fn normalise(raw: &str) -> Result<String, TagProblem> {
    let lowered = raw.trim().trim_start_matches('#').to_lowercase();
    let mut tag = String::with_capacity(lowered.len());
    for c in lowered.chars() {
        let c = if c.is_whitespace() || c == '_' {
            '-'
        } else {
            c
        };
        if !(c == '-' && (tag.is_empty() || tag.ends_with('-'))) {
            tag.push(c);
        }
    }
    let tag = tag.trim_end_matches('-');
    if tag.is_empty() {
        return Err(TagProblem::Empty);
    }
    // Some letters have no lower case (mathematical capitals); and a tag of
    // only `.`, `+` and `-` would make odd URLs such as `/forum/tags/..`.
    let bad = tag.chars().any(|c| !is_tag_char(c) || c.is_uppercase())
        || !tag.chars().any(char::is_alphanumeric);
    if bad {
        return Err(TagProblem::BadCharacters);
    }
    if tag.chars().count() > TAG_MAX_CHARS {
        return Err(TagProblem::TooLong);
    }
    Ok(tag.to_owned())
}

/// Tags typed into a form as a comma-separated list. The error names the
/// offending item, or the whole input when there are too many tags.
pub fn parse_list(input: &str) -> Result<Vec<String>, (String, TagProblem)> {
    let items: Vec<&str> = input.split(',').collect();
    parse_all(&items, || input.trim().to_owned())
}

/// The same rules as [`parse_list`] for items that arrive already separated,
/// such as a JSON array; a too-many error carries the items joined by `, `.
pub fn parse_items(items: &[String]) -> Result<Vec<String>, (String, TagProblem)> {
    let items: Vec<&str> = items.iter().map(String::as_str).collect();
    parse_all(&items, || items.join(", "))
}

fn parse_all(
    items: &[&str],
    whole_input: impl FnOnce() -> String,
) -> Result<Vec<String>, (String, TagProblem)> {
    let mut tags: Vec<String> = Vec::new();
    for item in items
        .iter()
        .map(|item| item.trim())
        .filter(|item| !item.is_empty())
    {
        let tag = normalise(item).map_err(|problem| (item.to_owned(), problem))?;
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if tags.len() > TAGS_PER_THREAD {
        return Err((whole_input(), TagProblem::TooMany));
    }
    Ok(tags)
}

/// The upper-case criterion code (`dm1` → `DM1`) when a tag is shaped like
/// one: ASCII letters then digits. Whether the criterion exists is for the
/// caller to check against the catalog.
pub fn criterion_code(tag: &str) -> Option<String> {
    let digits_at = tag.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = tag.split_at(digits_at);
    let shaped = !letters.is_empty()
        && letters.chars().all(|c| c.is_ascii_alphabetic())
        && digits.chars().all(|c| c.is_ascii_digit());
    shaped.then(|| tag.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn normalises_tags() {
        assert_eq!(normalise("  Open Data ").as_deref(), Ok("open-data"));
        assert_eq!(
            normalise("#Budget_Transparency").as_deref(),
            Ok("budget-transparency")
        );
        assert_eq!(normalise("a - _ b").as_deref(), Ok("a-b"));
        assert_eq!(normalise("-data-").as_deref(), Ok("data"));
        assert_eq!(normalise("Evaluación").as_deref(), Ok("evaluación"));
        assert_eq!(normalise("DONNÉES").as_deref(), Ok("données"));
        assert_eq!(normalise("PM2.5").as_deref(), Ok("pm2.5"));
        assert_eq!(normalise("C++").as_deref(), Ok("c++"));
        assert_eq!(normalise("数据").as_deref(), Ok("数据"));
    }

    #[test]
    fn rejects_bad_tags() {
        assert_eq!(normalise("   "), Err(TagProblem::Empty));
        assert_eq!(normalise("#"), Err(TagProblem::Empty));
        assert_eq!(normalise("--"), Err(TagProblem::Empty));
        assert_eq!(normalise("open/data"), Err(TagProblem::BadCharacters));
        assert_eq!(normalise("<script>"), Err(TagProblem::BadCharacters));
        assert_eq!(normalise("a#b"), Err(TagProblem::BadCharacters));
        assert_eq!(normalise(".."), Err(TagProblem::BadCharacters));
        assert_eq!(normalise("\u{1d400}"), Err(TagProblem::BadCharacters));
        assert_eq!(
            normalise(&"a".repeat(TAG_MAX_CHARS)).map(|t| t.len()),
            Ok(TAG_MAX_CHARS)
        );
        assert_eq!(
            normalise(&"é".repeat(TAG_MAX_CHARS)).map(|t| t.chars().count()),
            Ok(TAG_MAX_CHARS)
        );
        assert_eq!(
            normalise(&"a".repeat(TAG_MAX_CHARS + 1)),
            Err(TagProblem::TooLong)
        );
    }

    #[test]
    fn message_keys() {
        assert_eq!(TagProblem::Empty.message_key(), "forum-tag-empty");
        assert_eq!(TagProblem::TooLong.message_key(), "forum-tag-too-long");
        assert_eq!(
            TagProblem::BadCharacters.message_key(),
            "forum-tag-bad-characters"
        );
        assert_eq!(TagProblem::TooMany.message_key(), "forum-tag-too-many");
    }

    #[test]
    fn parses_lists() {
        assert_eq!(
            parse_list("Open Data, budget,, #open_data ,  ").unwrap(),
            ["open-data", "budget"]
        );
        assert_eq!(parse_list("").unwrap(), Vec::<String>::new());
        assert_eq!(
            parse_list("ok, bad/tag, x"),
            Err(("bad/tag".to_owned(), TagProblem::BadCharacters))
        );
        let input = "a, b, c, d, e, f";
        assert_eq!(
            parse_list(input),
            Err((input.to_owned(), TagProblem::TooMany))
        );
        assert_eq!(
            parse_list("a, b, c, d, e, A, #b").map(|t| t.len()),
            Ok(TAGS_PER_THREAD)
        );
    }

    #[test]
    fn parses_items_like_lists() {
        let items: Vec<String> = ["Data", " ", "data", "PM2.5"].map(String::from).to_vec();
        assert_eq!(parse_items(&items).unwrap(), ["data", "pm2.5"]);
        let items: Vec<String> = ["a", "b", "c", "d", "e", "f"].map(String::from).to_vec();
        assert_eq!(
            parse_items(&items),
            Err(("a, b, c, d, e, f".to_owned(), TagProblem::TooMany))
        );
        let items = vec!["fine".to_owned(), "x".repeat(40)];
        assert_eq!(
            parse_items(&items),
            Err(("x".repeat(40), TagProblem::TooLong))
        );
    }

    #[test]
    fn criterion_codes() {
        assert_eq!(criterion_code("dm1").as_deref(), Some("DM1"));
        assert_eq!(criterion_code("eval3").as_deref(), Some("EVAL3"));
        assert_eq!(criterion_code("rdc12").as_deref(), Some("RDC12"));
        assert_eq!(criterion_code("dm"), None);
        assert_eq!(criterion_code("12"), None);
        assert_eq!(criterion_code("dm1a"), None);
        assert_eq!(criterion_code("dm-1"), None);
        assert_eq!(criterion_code("pm2.5"), None);
        assert_eq!(criterion_code("é1"), None);
    }

    proptest! {
        #[test]
        fn normalise_is_idempotent_and_canonical(raw in any::<String>()) {
            if let Ok(tag) = normalise(&raw) {
                prop_assert_eq!(normalise(&tag), Ok(tag.clone()));
                prop_assert!(!tag.chars().any(|c| c.is_uppercase() || c.is_whitespace()), "{:?}", tag);
                prop_assert!(tag.chars().count() <= TAG_MAX_CHARS);
            }
        }

        #[test]
        fn normalise_handles_tag_like_input(raw in "[#_ \\-]{0,3}[A-Za-zÀ-ÿ0-9_ .+\\-]{0,40}") {
            if let Ok(tag) = normalise(&raw) {
                prop_assert_eq!(normalise(&tag), Ok(tag.clone()));
                prop_assert!(!tag.chars().any(|c| c.is_uppercase() || c.is_whitespace()), "{:?}", tag);
            }
        }
    }
}
