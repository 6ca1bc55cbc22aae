//! What a person writes, checked before anything is stored: a new thread's
//! space, kind, title, body, tags and language, a reply's body, a flag's
//! reason. Pure; every problem names its field and a message key.

use crate::forum::space::SpaceName;
use crate::forum::text::tags::{self, TagProblem};
use crate::i18n::Lang;
use crate::standard::Catalog;

pub const TITLE_MAX_CHARS: usize = 150;
pub const BODY_MAX_CHARS: usize = 20_000;
pub const FLAG_NOTE_MAX_CHARS: usize = 1_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Question,
    Discussion,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Question => "question",
            Kind::Discussion => "discussion",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        match code.trim() {
            "question" => Some(Kind::Question),
            "discussion" => Some(Kind::Discussion),
            _ => None,
        }
    }
}

/// One thing wrong with what was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: &'static str,
    pub key: &'static str,
    /// The offending item, for messages that quote it (a tag).
    pub item: Option<String>,
}

impl Problem {
    pub fn new(field: &'static str, key: &'static str) -> Problem {
        Problem {
            field,
            key,
            item: None,
        }
    }

    /// The sentence for people, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match &self.item {
            Some(item) => lang.t_args(self.key, &[("item", item.as_str().into())]),
            None => lang.t(self.key),
        }
    }
}

/// Tags as a form sends them (one comma-separated field) or as JSON (a list).
#[derive(Debug, Clone, Copy)]
pub enum TagsInput<'a> {
    Text(&'a str),
    List(&'a [String]),
}

/// A new thread as typed, before checking.
#[derive(Debug, Clone, Copy)]
pub struct ThreadInput<'a> {
    pub space: &'a str,
    pub kind: Option<&'a str>,
    pub title: &'a str,
    pub body: &'a str,
    pub tags: TagsInput<'a>,
    pub lang: Option<&'a str>,
}

/// A new thread that may be stored (once its space is found and allowed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadDraft {
    pub space: SpaceName,
    pub kind: Kind,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
    pub lang: Lang,
}

/// Checks every field and reports every problem, not only the first.
pub fn thread(
    catalog: &Catalog,
    input: ThreadInput,
    default_lang: Lang,
) -> Result<ThreadDraft, Vec<Problem>> {
    let mut problems = Vec::new();
    let space = SpaceName::parse(catalog, input.space);
    if space.is_none() {
        problems.push(Problem::new("category", "forum-error-category"));
    }
    let kind = match input.kind.map(str::trim).filter(|k| !k.is_empty()) {
        None => Some(Kind::Question),
        Some(code) => Kind::from_code(code),
    };
    if kind.is_none() {
        problems.push(Problem::new("kind", "forum-error-kind"));
    }
    let lang = match input.lang.map(str::trim).filter(|l| !l.is_empty()) {
        None => Some(default_lang),
        Some(tag) => Lang::from_tag(tag),
    };
    if lang.is_none() {
        problems.push(Problem::new("lang", "forum-error-lang"));
    }
    let title = text("title", input.title, TITLE_MAX_CHARS).map_err(|p| problems.push(p));
    let body = text("body", input.body, BODY_MAX_CHARS).map_err(|p| problems.push(p));
    let tags = thread_tags(catalog, input.tags).map_err(|p| problems.push(p));
    match (space, kind, lang, title, body, tags) {
        (Some(space), Some(kind), Some(lang), Ok(title), Ok(body), Ok(tags))
            if problems.is_empty() =>
        {
            Ok(ThreadDraft {
                space,
                kind,
                title,
                body,
                tags,
                lang,
            })
        }
        _ => Err(problems),
    }
}

/// A reply's (or an edit's) body.
pub fn body(input: &str) -> Result<String, Problem> {
    text("body", input, BODY_MAX_CHARS)
}

/// A title on its own (an edit of the opening post).
pub fn title(input: &str) -> Result<String, Problem> {
    text("title", input, TITLE_MAX_CHARS)
}

/// Trimmed, not empty, not too long. Titles are one line.
fn text(field: &'static str, input: &str, max: usize) -> Result<String, Problem> {
    let trimmed = input.trim();
    let value = if field == "title" {
        trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        trimmed.replace("\r\n", "\n")
    };
    if value.is_empty() {
        return Err(Problem::new(field, "forum-error-required"));
    }
    if value.chars().count() > max {
        return Err(Problem::new(field, "forum-error-too-long"));
    }
    Ok(value)
}

/// Normalised tags; a tag that looks like a criterion code must be one.
pub fn thread_tags(catalog: &Catalog, input: TagsInput) -> Result<Vec<String>, Problem> {
    let parsed = match input {
        TagsInput::Text(text) => tags::parse_list(text),
        TagsInput::List(items) => tags::parse_items(items),
    };
    let tags = parsed.map_err(|(item, problem)| tag_problem(item, problem))?;
    for tag in &tags {
        if let Some(code) = tags::criterion_code(tag)
            && catalog.criterion(&code).is_none()
        {
            return Err(Problem {
                field: "tags",
                key: "forum-tag-unknown-criterion",
                item: Some(tag.clone()),
            });
        }
    }
    Ok(tags)
}

fn tag_problem(item: String, problem: TagProblem) -> Problem {
    Problem {
        field: "tags",
        key: problem.message_key(),
        item: Some(item),
    }
}

/// Why a post is flagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlagReason {
    Spam,
    Abusive,
    OffTopic,
    PrivateData,
    Other,
}

impl FlagReason {
    pub const ALL: [FlagReason; 5] = [
        FlagReason::Spam,
        FlagReason::Abusive,
        FlagReason::OffTopic,
        FlagReason::PrivateData,
        FlagReason::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            FlagReason::Spam => "spam",
            FlagReason::Abusive => "abusive",
            FlagReason::OffTopic => "off_topic",
            FlagReason::PrivateData => "private_data",
            FlagReason::Other => "other",
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            FlagReason::Spam => "forum-flag-spam",
            FlagReason::Abusive => "forum-flag-abusive",
            FlagReason::OffTopic => "forum-flag-off-topic",
            FlagReason::PrivateData => "forum-flag-private-data",
            FlagReason::Other => "forum-flag-other",
        }
    }
}

/// A reason code and an optional note; "other" needs the note.
pub fn flag(reason: &str, note: &str) -> Result<(FlagReason, String), Problem> {
    let reason = FlagReason::ALL
        .into_iter()
        .find(|r| r.code() == reason.trim())
        .ok_or_else(|| Problem::new("reason", "forum-error-flag-reason"))?;
    let note = note.trim().to_owned();
    if note.chars().count() > FLAG_NOTE_MAX_CHARS {
        return Err(Problem::new("note", "forum-error-too-long"));
    }
    if reason == FlagReason::Other && note.is_empty() {
        return Err(Problem::new("note", "forum-error-required"));
    }
    Ok((reason, note))
}

#[cfg(test)]
mod tests;
