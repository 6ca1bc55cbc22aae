//! What one batch of the outbox makes the indexer redo: a thread's every
//! post, or only the posts a reply or a vote touched.
//!
//! Rewriting a whole thread for each reply cost a reply its thread's every
//! post again (about five in the scale data, hundreds in a long thread), and
//! left as many deleted documents behind in the large segments. A new reply
//! or a vote changes its own post's document only, with one exception that
//! this plan cannot see: a thread's first reply flips `answered` on every
//! post of it. The indexer checks that against the index before it trusts a
//! [`Redo::Posts`] (see `indexer::catch_up`).

use std::collections::BTreeMap;

use crate::forum::store::outbox::{Change, Entry};

/// What to rewrite of one thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Redo {
    /// Delete the thread's documents and add its visible posts again.
    Thread,
    /// Rewrite only these posts' documents (sorted, no repeats).
    Posts(Vec<i32>),
}

/// Each thread the entries name, with what to redo of it.
pub fn plan(entries: &[Entry]) -> BTreeMap<i32, Redo> {
    let mut plan: BTreeMap<i32, Redo> = BTreeMap::new();
    for entry in entries {
        let touched = post_only(entry);
        let redo = plan
            .entry(entry.thread_id)
            .or_insert(Redo::Posts(Vec::new()));
        match (redo, touched) {
            (Redo::Thread, _) => {}
            (Redo::Posts(posts), Some(post)) => posts.push(post),
            (redo @ Redo::Posts(_), None) => *redo = Redo::Thread,
        }
    }
    for redo in plan.values_mut() {
        if let Redo::Posts(posts) = redo {
            posts.sort_unstable();
            posts.dedup();
        }
    }
    plan
}

/// The post an entry changes when it changes no other post's document.
fn post_only(entry: &Entry) -> Option<i32> {
    let post_level = [Change::PostCreated.code(), Change::PostVoted.code()];
    if post_level.contains(&entry.change.as_str()) {
        entry.post_id
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn entry(id: i32, change: Change, thread_id: i32, post_id: Option<i32>) -> Entry {
        Entry {
            id,
            change: change.code().to_owned(),
            thread_id,
            post_id,
            created_at: chrono::NaiveDateTime::default(),
        }
    }

    #[test]
    fn replies_and_votes_redo_their_posts_and_anything_else_the_thread() {
        let entries = [
            entry(1, Change::PostCreated, 7, Some(70)),
            entry(2, Change::PostVoted, 7, Some(71)),
            entry(3, Change::PostVoted, 7, Some(70)),
            entry(4, Change::PostCreated, 8, Some(80)),
            entry(5, Change::PostEdited, 8, Some(81)),
            entry(6, Change::PostCreated, 8, Some(82)),
            entry(7, Change::ThreadCreated, 9, Some(90)),
            entry(8, Change::PostCreated, 9, Some(91)),
            entry(9, Change::PostCreated, 10, None),
        ];
        let plan = plan(&entries);
        assert_eq!(plan[&7], Redo::Posts(vec![70, 71]));
        assert_eq!(plan[&8], Redo::Thread);
        assert_eq!(plan[&9], Redo::Thread);
        assert_eq!(plan[&10], Redo::Thread);
        assert_eq!(plan.len(), 4);
    }

    const CHANGES: [Change; 9] = [
        Change::ThreadCreated,
        Change::PostCreated,
        Change::PostEdited,
        Change::PostHidden,
        Change::PostRestored,
        Change::PostDeleted,
        Change::ThreadMoved,
        Change::AnswerAccepted,
        Change::PostVoted,
    ];

    proptest! {
        /// Whatever the order, a thread is redone whole exactly when one of
        /// its entries is not a reply or a vote, and otherwise every post
        /// its entries name is redone.
        #[test]
        fn a_plan_covers_every_entry(raw in proptest::collection::vec((0usize..9, 0i32..4, proptest::option::of(0i32..6)), 0..40)) {
            let entries: Vec<Entry> = raw
                .iter()
                .enumerate()
                .map(|(n, (c, t, p))| entry(n as i32, CHANGES[*c], *t, *p))
                .collect();
            let plan = plan(&entries);
            for e in &entries {
                match &plan[&e.thread_id] {
                    Redo::Thread => prop_assert!(entries.iter().any(|o| o.thread_id == e.thread_id && post_only(o).is_none())),
                    Redo::Posts(posts) => prop_assert!(posts.contains(&post_only(e).unwrap())),
                }
            }
            prop_assert_eq!(plan.len(), entries.iter().map(|e| e.thread_id).collect::<std::collections::BTreeSet<_>>().len());
        }
    }
}
