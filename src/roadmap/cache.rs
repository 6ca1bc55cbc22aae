//! Roadmaps already built, per city and language, kept until what they were
//! built from changes: a city's people opening their roadmap again then cost a
//! stamp check instead of ranking every peer and searching the forum per step.

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use lru::LruCache;

use super::build::Roadmap;
use crate::accounts::cities::City;
use crate::i18n::Lang;
use crate::standard::Catalog;

/// How many roadmaps are kept: tens of kilobytes each, with their page's body.
pub const CAPACITY: usize = 256;

/// What a roadmap was built from; any difference means building it again.
#[derive(Debug, Clone, PartialEq)]
pub struct Stamp {
    /// The city as it was (size, region and name are in the roadmap).
    pub city: City,
    /// Its newest assessment, from the database, so that one submitted
    /// through another instance shows at once.
    pub latest_assessment: Option<i32>,
    /// The newest forum change (outbox id): a thread added, hidden or moved.
    pub forum_change: i32,
    /// The peer directory's generation.
    pub directory: u64,
    /// The search index's generation and the commit its searcher sees.
    pub index: (String, u64),
}

/// A built roadmap with its standard, and its page once rendered.
pub struct Kept {
    pub catalog: Arc<Catalog>,
    pub roadmap: Roadmap,
    /// Everything inside the page's layout. It is the same for every reader
    /// in the kept roadmap's language (the per-session forms are in the
    /// layout), and rendering it was half of a kept roadmap's request:
    /// some 250 translated sentences.
    body: OnceLock<String>,
}

impl Kept {
    pub fn new(catalog: Arc<Catalog>, roadmap: Roadmap) -> Kept {
        Kept {
            catalog,
            roadmap,
            body: OnceLock::new(),
        }
    }

    /// The page's body, rendered by `render` for the first reader only.
    pub fn body(&self, render: impl FnOnce(&Catalog, &Roadmap) -> String) -> &str {
        self.body
            .get_or_init(|| render(&self.catalog, &self.roadmap))
    }
}

/// A kept roadmap; None before the first assessment.
pub type Built = Option<Arc<Kept>>;

type Key = (i32, Lang);

/// Shared by every worker.
pub struct RoadmapCache {
    entries: Mutex<LruCache<Key, (Stamp, Built)>>,
}

impl RoadmapCache {
    pub fn new(capacity: usize) -> RoadmapCache {
        let capacity = NonZeroUsize::new(capacity).unwrap_or(NonZeroUsize::MIN);
        RoadmapCache {
            entries: Mutex::new(LruCache::new(capacity)),
        }
    }

    /// The roadmap built for `stamp`, if it is still the one kept.
    pub fn get(&self, lang: Lang, stamp: &Stamp) -> Option<Built> {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        let (kept, built) = entries.get(&(stamp.city.id, lang))?;
        (kept == stamp).then(|| built.clone())
    }

    /// Keeps `built`, made from what `stamp` describes (read before building,
    /// so that an entry is never older than its stamp says).
    pub fn put(&self, lang: Lang, stamp: Stamp, built: Built) {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        entries.put((stamp.city.id, lang), (stamp, built));
    }
}

impl Default for RoadmapCache {
    fn default() -> Self {
        RoadmapCache::new(CAPACITY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(city_id: i32, forum_change: i32) -> Stamp {
        Stamp {
            city: City {
                id: city_id,
                slug: format!("city-{city_id}"),
                name: "A city".into(),
                country: "US".into(),
                region: "us_canada".into(),
                population: 100_000,
                language: "en".into(),
                discoverable: true,
                is_demo: false,
                accepts_introductions: true,
            },
            latest_assessment: Some(7),
            forum_change,
            directory: 3,
            index: ("gen-1".into(), 9),
        }
    }

    #[test]
    fn a_roadmap_is_given_back_only_for_the_same_stamp_and_language() {
        let cache = RoadmapCache::new(4);
        cache.put(Lang::En, stamp(1, 10), None);
        assert!(matches!(cache.get(Lang::En, &stamp(1, 10)), Some(None)));
        assert!(cache.get(Lang::Es, &stamp(1, 10)).is_none());
        assert!(cache.get(Lang::En, &stamp(1, 11)).is_none());
        let mut moved = stamp(1, 10);
        moved.city.population += 1;
        assert!(cache.get(Lang::En, &moved).is_none());
        moved = stamp(1, 10);
        moved.index.1 += 1;
        assert!(cache.get(Lang::En, &moved).is_none());
    }

    #[test]
    fn the_least_recently_read_roadmap_makes_room() {
        let cache = RoadmapCache::new(2);
        cache.put(Lang::En, stamp(1, 0), None);
        cache.put(Lang::En, stamp(2, 0), None);
        assert!(cache.get(Lang::En, &stamp(1, 0)).is_some());
        cache.put(Lang::En, stamp(3, 0), None);
        assert!(cache.get(Lang::En, &stamp(2, 0)).is_none());
        assert!(cache.get(Lang::En, &stamp(1, 0)).is_some());
    }
}
