//! What one person's digest holds and in what order: threads ranked by votes
//! and replies (not only by date), a few per section, and whether there is
//! anything to say at all. Pure.

use chrono::NaiveDateTime;

use super::schedule::Week;
use crate::roadmap::build::NextLevel;
use crate::standard::Level;

/// Threads shown per section; the rest are counted.
pub const PER_SECTION: usize = 5;

/// A thread as the digest shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadFact {
    pub id: i32,
    pub title: String,
    pub author_id: Option<i32>,
    /// The opening post's votes.
    pub votes: i32,
    pub reply_count: i32,
    pub created_at: NaiveDateTime,
    pub solved: bool,
}

/// What happened in one thread, for this reader, since their last digest.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Happened {
    pub new_thread: bool,
    pub replies: u32,
    pub mentioned: bool,
    /// One of the reader's answers was accepted.
    pub accepted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub thread: ThreadFact,
    pub happened: Happened,
}

impl Item {
    /// Votes count most, then what happened this week, then the thread's size;
    /// what is addressed to the reader rises above the rest.
    fn weight(&self) -> i64 {
        let addressed = i64::from(self.happened.mentioned || self.happened.accepted) * 10;
        i64::from(self.thread.votes) * 3
            + i64::from(self.happened.replies) * 2
            + i64::from(self.thread.reply_count)
            + addressed
    }
}

/// Some ranked threads and how many more there were.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    pub items: Vec<Item>,
    pub more: usize,
}

impl Section {
    /// The best `PER_SECTION` of `items`: heaviest first, then newest.
    pub fn ranked(mut items: Vec<Item>) -> Section {
        items.sort_by(|a, b| {
            b.weight()
                .cmp(&a.weight())
                .then(b.thread.created_at.cmp(&a.thread.created_at))
                .then(b.thread.id.cmp(&a.thread.id))
        });
        let more = items.len().saturating_sub(PER_SECTION);
        items.truncate(PER_SECTION);
        Section { items, more }
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// The reader's city's roadmap, and what changed since their last digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoadmapNews {
    pub city_slug: String,
    pub city_name: String,
    pub level: Option<Level>,
    pub next: Option<NextLevel>,
    /// The first step's criterion code (or `outcome`).
    pub next_step: Option<String>,
    /// Criteria gained and lost by assessments submitted since then.
    pub gained: Vec<String>,
    pub lost: Vec<String>,
    pub level_before: Option<Level>,
}

impl RoadmapNews {
    pub fn changed(&self) -> bool {
        !self.gained.is_empty() || !self.lost.is_empty() || self.level != self.level_before
    }
}

/// A peer city that reached a level, or a higher one, since the last digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerNews {
    pub city_id: i32,
    pub slug: String,
    pub name: String,
    pub from: Option<Level>,
    pub to: Level,
}

/// One person's digest for one week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest {
    pub week: Week,
    /// New threads and replies where they watch, and mentions.
    pub watched: Section,
    /// Replies to the questions they asked.
    pub answers: Section,
    /// Unanswered questions tagged with criteria their city meets.
    pub could_answer: Section,
    pub roadmap: Option<RoadmapNews>,
    pub peers: Vec<PeerNews>,
}

impl Digest {
    /// Builds the sections: what happened in threads the reader asked in goes
    /// under answers, the rest under watched.
    pub fn new(week: Week, reader: i32, activity: Vec<Item>, could_answer: Vec<Item>) -> Digest {
        let (answers, watched): (Vec<Item>, Vec<Item>) = activity
            .into_iter()
            .partition(|i| i.thread.author_id == Some(reader) && i.happened.replies > 0);
        Digest {
            week,
            watched: Section::ranked(watched),
            answers: Section::ranked(answers),
            could_answer: Section::ranked(could_answer),
            roadmap: None,
            peers: Vec::new(),
        }
    }

    /// Nothing new to tell: no mail. An unchanged roadmap is not news.
    pub fn is_empty(&self) -> bool {
        self.watched.is_empty()
            && self.answers.is_empty()
            && self.could_answer.is_empty()
            && self.peers.is_empty()
            && !self.roadmap.as_ref().is_some_and(RoadmapNews::changed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn week() -> Week {
        Week::of(
            NaiveDate::from_ymd_opt(2026, 11, 23)
                .expect("a date")
                .iso_week(),
        )
    }

    fn item(id: i32, author: i32, votes: i32, replies: u32, day: u32) -> Item {
        Item {
            thread: ThreadFact {
                id,
                title: format!("thread {id}"),
                author_id: Some(author),
                votes,
                reply_count: i32::try_from(replies).unwrap_or(0),
                created_at: NaiveDate::from_ymd_opt(2026, 11, day)
                    .and_then(|d| d.and_hms_opt(9, 0, 0))
                    .expect("a time"),
                solved: false,
            },
            happened: Happened {
                replies,
                ..Happened::default()
            },
        }
    }

    use chrono::Datelike;

    #[test]
    fn votes_outrank_recency() {
        let section = Section::ranked(vec![item(1, 9, 0, 0, 20), item(2, 9, 5, 0, 10)]);
        let ids: Vec<i32> = section.items.iter().map(|i| i.thread.id).collect();
        assert_eq!(ids, vec![2, 1]);
    }

    #[test]
    fn replies_to_ones_own_question_are_answers() {
        let digest = Digest::new(
            week(),
            7,
            vec![item(1, 7, 0, 2, 20), item(2, 8, 0, 1, 20)],
            vec![],
        );
        assert_eq!(digest.answers.items[0].thread.id, 1);
        assert_eq!(digest.watched.items[0].thread.id, 2);
    }

    #[test]
    fn an_unchanged_roadmap_alone_is_nothing_to_say() {
        let mut digest = Digest::new(week(), 7, vec![], vec![]);
        let news = RoadmapNews {
            city_slug: "x".into(),
            city_name: "X".into(),
            level: Some(Level::Silver),
            level_before: Some(Level::Silver),
            next: None,
            next_step: None,
            gained: vec![],
            lost: vec![],
        };
        digest.roadmap = Some(news.clone());
        assert!(digest.is_empty());
        digest.roadmap = Some(RoadmapNews {
            gained: vec!["DM1".into()],
            ..news
        });
        assert!(!digest.is_empty());
    }

    proptest! {
        /// A section keeps at most PER_SECTION, counts the rest, and never
        /// shows a lighter thread above a heavier one.
        #[test]
        fn sections_are_trimmed_and_ordered(
            raw in prop::collection::vec((0i32..50, 0u32..20, 1u32..28), 0..20)
        ) {
            let items: Vec<Item> = raw.iter().enumerate()
                .map(|(i, (votes, replies, day))| item(i as i32, 1, *votes, *replies, *day))
                .collect();
            let total = items.len();
            let section = Section::ranked(items);
            prop_assert_eq!(section.items.len() + section.more, total);
            prop_assert!(section.items.len() <= PER_SECTION);
            for pair in section.items.windows(2) {
                prop_assert!(pair[0].weight() >= pair[1].weight());
            }
        }
    }
}
