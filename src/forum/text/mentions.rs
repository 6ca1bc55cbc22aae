//! @mentions: what a handle is, where mentions occur in text and Markdown,
//! and how a handle is suggested from a display name.
//!
//! A mention is `@` plus the longest run of `[A-Za-z0-9_-]` after it, which
//! must be a valid handle once lower-cased. Trailing `-` and `_` belong to the
//! handle, because [`is_handle`] accepts them: cutting them off would link
//! `@ana_` to a different person, `ana`. Rejected outright, rather than
//! shortened to a valid prefix, are runs longer than [`HANDLE_MAX`], runs
//! directly followed by another `@` (`@ana@mastodon.social` names someone on
//! another server) and runs followed by a non-ASCII letter (`@joão` is not a
//! mention of `jo`).

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd, TextMergeStream};

pub const HANDLE_MAX: usize = 30;

/// The most handles [`extract`] reports, so one post cannot notify a crowd.
pub const EXTRACT_MAX: usize = 20;

fn is_handle_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

pub fn is_handle(s: &str) -> bool {
    let starts_well = s
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    starts_well
        && s.len() <= HANDLE_MAX
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// Characters that glue an `@` to the word before it, as in `ana@recife.gov`.
fn joins_previous(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '@')
}

/// Byte ranges of the mentions in plain text (each including its `@`), with
/// the lower-cased handles, in order.
pub fn find_in_text(text: &str) -> Vec<(Range<usize>, String)> {
    let mut found = Vec::new();
    let mut previous: Option<char> = None;
    for (at, c) in text.char_indices() {
        if c == '@'
            && !previous.is_some_and(joins_previous)
            && let Some(end) = mention_end(text, at)
        {
            found.push((at..end, text[at + 1..end].to_ascii_lowercase()));
        }
        previous = Some(c);
    }
    found
}

/// Where the mention starting with the `@` at `at` ends, if it is one.
fn mention_end(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at + 1..];
    let run = rest.find(|c| !is_handle_char(c)).unwrap_or(rest.len());
    let follower = rest[run..].chars().next();
    let rejected = follower.is_some_and(|c| c == '@' || c.is_alphanumeric());
    let handle = rest[..run].to_ascii_lowercase();
    (!rejected && is_handle(&handle)).then_some(at + 1 + run)
}

/// Tracks whether the current Markdown event is somewhere a mention counts:
/// not in code (already literal) and not in link or image text (a mention
/// link there would nest links).
#[derive(Debug, Default)]
pub(crate) struct MentionScope {
    code_blocks: usize,
    links: usize,
}

impl MentionScope {
    pub(crate) fn observe(&mut self, event: &Event<'_>) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => self.code_blocks += 1,
            Event::End(TagEnd::CodeBlock) => self.code_blocks = self.code_blocks.saturating_sub(1),
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => self.links += 1,
            Event::End(TagEnd::Link | TagEnd::Image) => self.links = self.links.saturating_sub(1),
            _ => {}
        }
    }

    pub(crate) fn allows_mentions(&self) -> bool {
        self.code_blocks == 0 && self.links == 0
    }
}

/// The distinct handles mentioned in a Markdown source, in order of first
/// appearance, at most [`EXTRACT_MAX`]. Code and link text are ignored, the
/// same places [`super::markdown::render`] leaves unlinked.
pub fn extract(source: &str) -> Vec<String> {
    let mut scope = MentionScope::default();
    let mut handles: Vec<String> = Vec::new();
    for event in TextMergeStream::new(Parser::new_ext(source, super::markdown::options())) {
        scope.observe(&event);
        let Event::Text(text) = &event else { continue };
        if !scope.allows_mentions() {
            continue;
        }
        for (_, handle) in find_in_text(text) {
            if !handles.contains(&handle) {
                handles.push(handle);
                if handles.len() == EXTRACT_MAX {
                    return handles;
                }
            }
        }
    }
    handles
}

/// ASCII spelling of common accented Latin letters (already lower-cased).
fn fold_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'á' | 'à' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'í' | 'ì' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ť' | 'ţ' => "t",
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'þ' => "th",
        _ => return None,
    })
}

/// Combining diacritical marks, so a decomposed `e` + U+0301 folds like `é`
/// instead of splitting the word. (No Unicode normalisation crate is in the
/// dependency tree, so composed letters are folded by [`fold_accent`].)
fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036f}').contains(&c)
}

/// A handle suggestion from a display name: accents folded to ASCII,
/// lower-cased, anything else turned into single `-` separators, at most
/// [`HANDLE_MAX`] characters, and `user` when nothing usable is left.
pub fn handle_from_name(display_name: &str) -> String {
    let mut handle = String::new();
    for c in display_name.chars().flat_map(char::to_lowercase) {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_ascii_alphanumeric() {
            handle.push(c);
        } else if let Some(folded) = fold_accent(c) {
            handle.push_str(folded);
        } else if !handle.is_empty() && !handle.ends_with('-') {
            handle.push('-');
        }
    }
    // Everything pushed is ASCII, so byte and character counts agree.
    handle.truncate(HANDLE_MAX);
    let trimmed = handle.trim_matches('-');
    if trimmed.is_empty() {
        "user".to_owned()
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn handles(text: &str) -> Vec<String> {
        find_in_text(text).into_iter().map(|(_, h)| h).collect()
    }

    #[test]
    fn handle_rules() {
        assert!(is_handle("ana"));
        assert!(is_handle("9lives"));
        assert!(is_handle("ana_silva-2"));
        assert!(is_handle("ana_"));
        assert!(is_handle(&"a".repeat(HANDLE_MAX)));
        assert!(!is_handle(&"a".repeat(HANDLE_MAX + 1)));
        assert!(!is_handle(""));
        assert!(!is_handle("_ana"));
        assert!(!is_handle("-ana"));
        assert!(!is_handle("Ana"));
        assert!(!is_handle("ana.silva"));
        assert!(!is_handle("joão"));
    }

    #[test]
    fn finds_mentions_with_byte_ranges() {
        let text = "Hi @Ana_Silva, ask @bo!";
        let found = find_in_text(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0], (3..13, "ana_silva".to_owned()));
        assert_eq!(&text[found[1].0.clone()], "@bo");
        assert_eq!(found[1].1, "bo");
    }

    #[test]
    fn mention_boundaries() {
        assert_eq!(handles("@ana at start"), ["ana"]);
        assert_eq!(
            handles("(@ana) @bo. @cy, @di! @ed?"),
            ["ana", "bo", "cy", "di", "ed"]
        );
        assert_eq!(handles("é@ana"), Vec::<String>::new());
        assert_eq!(handles("trailing @ana_ and @bo-"), ["ana_", "bo-"]);
        assert_eq!(handles("after a dot.@ana"), Vec::<String>::new());
    }

    #[test]
    fn emails_and_lookalikes_are_not_mentions() {
        assert!(handles("write to ana@recife.gov").is_empty());
        assert!(handles("a_@b a-@b @@ana").is_empty());
        assert!(handles("@_ana @-ana @ @!").is_empty());
        assert!(handles("@ana@mastodon.social").is_empty());
        assert!(handles("@joão").is_empty());
        assert!(handles(&format!("@{}", "a".repeat(HANDLE_MAX + 1))).is_empty());
        assert_eq!(handles(&format!("@{}", "a".repeat(HANDLE_MAX))).len(), 1);
    }

    #[test]
    fn extract_skips_code_and_links() {
        let source = "Hi @ana and @Bo.\n\n`@code` [@linked](https://x.org) ![@img](x.png)\n\n\
                      ```\n@block\n```\n\n    @indented\n\n> @quoted, again @ANA";
        assert_eq!(extract(source), ["ana", "bo", "quoted"]);
    }

    #[test]
    fn extract_survives_emphasis_splitting_and_caps_count() {
        assert_eq!(
            extract("*@ana* **@bo_b_** @cy\\_d"),
            ["ana", "bo_b_", "cy_d"]
        );
        let many: String = (0..30).map(|i| format!("@user{i} ")).collect();
        let found = extract(&many);
        assert_eq!(found.len(), EXTRACT_MAX);
        assert_eq!(found[0], "user0");
    }

    #[test]
    fn handle_suggestions() {
        assert_eq!(handle_from_name("João da Silva"), "joao-da-silva");
        assert_eq!(handle_from_name("Marie-Ève Côté"), "marie-eve-cote");
        assert_eq!(handle_from_name("Marie-E\u{300}ve"), "marie-eve");
        assert_eq!(handle_from_name("李"), "user");
        assert_eq!(handle_from_name("  --  "), "user");
        assert_eq!(handle_from_name("Øyvind Straße"), "oyvind-strasse");
        assert_eq!(handle_from_name("ana_silva!!"), "ana-silva");
        let long = handle_from_name(&"Bartholomew ".repeat(5));
        assert!(long.len() <= HANDLE_MAX && !long.ends_with('-'), "{long}");
    }

    proptest! {
        #[test]
        fn extract_returns_only_handles(source in "(@|[a-zA-Z_\\-.` \\[\\]()*\n]|é|\\\\){0,80}") {
            for handle in extract(&source) {
                prop_assert!(is_handle(&handle), "{handle:?}");
            }
        }

        #[test]
        fn extract_never_panics_on_anything(source in any::<String>()) {
            prop_assert!(extract(&source).len() <= EXTRACT_MAX);
        }

        #[test]
        fn suggested_handles_are_valid(name in any::<String>()) {
            let handle = handle_from_name(&name);
            prop_assert!(is_handle(&handle), "{name:?} -> {handle:?}");
        }
    }
}
