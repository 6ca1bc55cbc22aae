//! Watching: what a person follows (a thread, a category, a tag) and how
//! closely, and the pure rules that turn that into notifications.

/// How closely a person follows something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Every reply (thread) or every new thread (category, tag).
    Watching,
    /// Only what is addressed to them: mentions, answers to their question.
    Normal,
    /// Nothing at all.
    Muted,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Watching, Level::Normal, Level::Muted];

    pub fn code(self) -> &'static str {
        match self {
            Level::Watching => "watching",
            Level::Normal => "normal",
            Level::Muted => "muted",
        }
    }

    pub fn from_code(code: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.code() == code.trim())
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Level::Watching => "forum-watch-watching",
            Level::Normal => "forum-watch-normal",
            Level::Muted => "forum-watch-muted",
        }
    }
}

/// What is watched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Thread(i32),
    Category(String),
    Tag(String),
}

impl Target {
    pub fn kind(&self) -> &'static str {
        match self {
            Target::Thread(_) => "thread",
            Target::Category(_) => "category",
            Target::Tag(_) => "tag",
        }
    }

    pub fn key(&self) -> String {
        match self {
            Target::Thread(id) => id.to_string(),
            Target::Category(slug) => slug.clone(),
            Target::Tag(tag) => tag.clone(),
        }
    }
}

/// Something that happened that someone may be told about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    NewThread,
    Reply,
    Mention,
    Accepted,
}

impl Event {
    pub fn code(self) -> &'static str {
        match self {
            Event::NewThread => "new_thread",
            Event::Reply => "reply",
            Event::Mention => "mention",
            Event::Accepted => "accepted",
        }
    }

    /// "Ana replied in “Title”", in `lang`, for lists and mail.
    pub fn sentence(self, lang: crate::i18n::Lang, person: &str, title: &str) -> String {
        let key = match self {
            Event::Reply => "forum-event-reply",
            Event::Mention => "forum-event-mention",
            Event::Accepted => "forum-event-accepted",
            Event::NewThread => "forum-event-new-thread",
        };
        lang.t_args(key, &[("person", person.into()), ("title", title.into())])
    }

    pub fn from_code(code: &str) -> Option<Event> {
        [
            Event::NewThread,
            Event::Reply,
            Event::Mention,
            Event::Accepted,
        ]
        .into_iter()
        .find(|e| e.code() == code)
    }
}

/// One person's watches that bear on a thread.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Watches {
    pub thread: Option<Level>,
    pub category: Option<Level>,
    pub tags: Vec<Level>,
}

/// Whether the thread is silenced: muted itself, or (with no choice of its
/// own) in a muted category or under a muted tag.
pub fn is_muted(watches: &Watches) -> bool {
    watches.thread == Some(Level::Muted)
        || (watches.thread.is_none()
            && (watches.category == Some(Level::Muted) || watches.tags.contains(&Level::Muted)))
}

/// Whether a person with `watches` is told about `event` in that thread. A
/// mute anywhere silences a thread; mentions and answers are addressed to the
/// person, so anything but a mute lets them through.
pub fn notifies(event: Event, watches: &Watches) -> bool {
    if is_muted(watches) {
        return false;
    }
    match event {
        Event::Mention | Event::Accepted => true,
        Event::Reply => watches.thread == Some(Level::Watching),
        Event::NewThread => {
            watches.category == Some(Level::Watching) || watches.tags.contains(&Level::Watching)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on_thread(level: Level) -> Watches {
        Watches {
            thread: Some(level),
            ..Watches::default()
        }
    }

    #[test]
    fn replies_reach_only_those_watching_the_thread() {
        assert!(notifies(Event::Reply, &on_thread(Level::Watching)));
        assert!(!notifies(Event::Reply, &on_thread(Level::Normal)));
        assert!(!notifies(Event::Reply, &Watches::default()));
    }

    #[test]
    fn a_muted_thread_is_silent_even_for_mentions() {
        assert!(!notifies(Event::Mention, &on_thread(Level::Muted)));
        assert!(notifies(Event::Mention, &on_thread(Level::Normal)));
        assert!(notifies(Event::Mention, &Watches::default()));
    }

    #[test]
    fn new_threads_follow_category_and_tag_watches_unless_one_is_muted() {
        let tag = Watches {
            tags: vec![Level::Watching],
            ..Watches::default()
        };
        assert!(notifies(Event::NewThread, &tag));
        let muted_category = Watches {
            category: Some(Level::Muted),
            tags: vec![Level::Watching],
            ..Watches::default()
        };
        assert!(!notifies(Event::NewThread, &muted_category));
    }

    #[test]
    fn a_thread_watch_overrides_a_muted_category() {
        let watches = Watches {
            thread: Some(Level::Watching),
            category: Some(Level::Muted),
            tags: vec![],
        };
        assert!(notifies(Event::Reply, &watches));
    }

    #[test]
    fn codes_round_trip() {
        for level in Level::ALL {
            assert_eq!(Level::from_code(level.code()), Some(level));
        }
        assert_eq!(Event::from_code("mention"), Some(Event::Mention));
    }
}
