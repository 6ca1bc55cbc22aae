//! Composing digests from the database: what one pass computes once and
//! shares (cities' roadmaps, levels reached) and one reader's digest from it.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::city_news::{self, CityRoadmap, LevelUp};
use super::compose::{Digest, PeerNews};
use super::forum_news::{self, Candidate, Window};
use super::schedule::Week;
use crate::accounts::cities::City;
use crate::accounts::users::User;
use crate::db::DbConnection;
use crate::peers::PeerDirectory;
use crate::peers::profile::Profile;
use crate::schema::cities;
use crate::standard::{Catalog, Standards};

/// Peer cities named per digest.
const PEERS_SHOWN: usize = 5;
/// However long ago the last digest was, a digest looks back at most this far.
pub const LOOK_BACK: Duration = Duration::days(14);
/// The window of someone's first digest.
pub const FIRST_WINDOW: Duration = Duration::days(7);

/// What every digest of one pass shares.
pub struct Shared {
    standards: Standards,
    pub catalog: Arc<Catalog>,
    profiles: Arc<Vec<Profile>>,
    /// Where each city's profile is in `profiles`.
    profile_of: HashMap<i32, usize>,
    level_ups: Vec<LevelUp>,
    cities: HashMap<i32, City>,
    roadmaps: HashMap<i32, Option<CityRoadmap>>,
    /// Every city's open questions asked within the longest window, loaded
    /// once: readers' windows start when their last digest went, and these
    /// differ by reader once a digest has gone out, so one query per window
    /// start was one query per reader (BENCHMARKS.md, "Twelfth run").
    questions: Option<Vec<Candidate>>,
    /// Those a city could answer, per (city, window start).
    city_questions: HashMap<(i32, NaiveDateTime), Vec<Candidate>>,
    /// The pass's time: the longest window ends here.
    now: NaiveDateTime,
}

impl Shared {
    /// Loads what the pass at `now` shares: the cities and the levels reached
    /// within the longest window.
    pub fn load(
        conn: &mut DbConnection,
        standards: &Standards,
        directory: &PeerDirectory,
        now: NaiveDateTime,
    ) -> anyhow::Result<Shared> {
        let catalog = standards.current()?.clone();
        let level_ups = city_news::level_ups(conn, &catalog, (now - LOOK_BACK, now))?;
        let cities = cities::table
            .select(City::as_select())
            .load(conn)?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        let profiles = directory.snapshot();
        let profile_of = profiles
            .iter()
            .enumerate()
            .map(|(i, p)| (p.city_id, i))
            .collect();
        Ok(Shared {
            standards: standards.clone(),
            catalog,
            profiles,
            profile_of,
            level_ups,
            cities,
            roadmaps: HashMap::new(),
            questions: None,
            city_questions: HashMap::new(),
            now,
        })
    }

    /// The city's roadmap, built once per pass.
    fn roadmap(
        &mut self,
        conn: &mut DbConnection,
        city_id: i32,
    ) -> anyhow::Result<Option<&CityRoadmap>> {
        if !self.roadmaps.contains_key(&city_id) {
            let loaded = match self.cities.get(&city_id) {
                Some(city) => {
                    let known =
                        crate::peers::directory::discoverable_masks(&self.profiles, city_id);
                    CityRoadmap::load(conn, &self.standards, known, city.clone())?
                }
                None => None,
            };
            self.roadmaps.insert(city_id, loaded);
        }
        Ok(self.roadmaps.get(&city_id).and_then(Option::as_ref))
    }

    /// Open questions tagged with what the city meets, asked in `window`.
    fn questions(
        &mut self,
        conn: &mut DbConnection,
        (city_id, tags): (i32, &[String]),
        window: Window,
    ) -> QueryResult<&[Candidate]> {
        let all = match &mut self.questions {
            Some(all) => all,
            empty => empty.insert(forum_news::open_questions(
                conn,
                (self.now - LOOK_BACK, self.now),
            )?),
        };
        let found = self
            .city_questions
            .entry((city_id, window.0))
            .or_insert_with(|| forum_news::for_city(all, tags, window));
        Ok(found)
    }

    /// Cities that reached a level in the window, most like the reader's first.
    fn peers_for(&self, reader: &User, since: NaiveDateTime) -> Vec<PeerNews> {
        let profile = |id: i32| self.profile_of.get(&id).and_then(|i| self.profiles.get(*i));
        let mine = reader.city_id.and_then(profile);
        let likeness = |city_id: i32| {
            let theirs = profile(city_id);
            match (mine, theirs) {
                (Some(a), Some(b)) => crate::peers::rank::likeness(a, b),
                _ => 0.0,
            }
        };
        let mut ups: Vec<(f64, &LevelUp)> = self
            .level_ups
            .iter()
            .filter(|u| u.at >= since && Some(u.news.city_id) != reader.city_id)
            .map(|u| (likeness(u.news.city_id), u))
            .collect();
        ups.sort_by(|a, b| b.0.total_cmp(&a.0));
        ups.into_iter()
            .take(PEERS_SHOWN)
            .map(|(_, u)| u.news.clone())
            .collect()
    }
}

/// The window of a digest at `now` for someone whose last one went at `last`.
pub fn window(last: Option<NaiveDateTime>, now: NaiveDateTime) -> Window {
    let since = last.unwrap_or(now - FIRST_WINDOW).max(now - LOOK_BACK);
    (since.min(now), now)
}

/// `reader`'s digest for `week`, covering `window`.
pub fn compose(
    conn: &mut DbConnection,
    shared: &mut Shared,
    reader: &User,
    week: Week,
    window: Window,
) -> anyhow::Result<Digest> {
    let activity = forum_news::activity(conn, reader, window)?;
    let city = match reader.city_id {
        Some(id) => shared.roadmap(conn, id)?,
        None => None,
    };
    let (tags, news) = match city {
        Some(c) => (c.met_tags.clone(), Some(c.news(window.0))),
        None => (Vec::new(), None),
    };
    let could_answer = match reader.city_id {
        Some(id) => {
            let candidates = shared.questions(conn, (id, &tags), window)?;
            forum_news::could_answer(conn, reader, candidates)?
        }
        None => Vec::new(),
    };
    let mut digest = Digest::new(week, reader.id, activity, could_answer);
    digest.roadmap = news;
    digest.peers = shared.peers_for(reader, window.0);
    Ok(digest)
}
