//! The peer directory: every city's matching profile, held in memory and
//! rebuilt from the database at start, after each submitted assessment or
//! change of visibility, and every few minutes (other instances' writes).
//! Rebuilds run one at a time, and one rebuild serves every write made
//! before it began: a burst of assessments costs two rebuilds, not one each.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::profile::{Point, Profile, met_since};
use crate::accounts::cities::City;
use crate::assessment::outcomes::Region;
use crate::db::{self, DbConnection, DbPool};
use crate::schema::{assessments, cities};
use crate::standard::Catalog;

/// Shared by every worker; a rebuild swaps the whole list at once.
#[derive(Clone, Default)]
pub struct PeerDirectory {
    profiles: Arc<RwLock<Arc<Vec<Profile>>>>,
    /// Counts rebuilds, so that what was made from a snapshot knows when it is old.
    generation: Arc<AtomicU64>,
    refreshes: Arc<Refreshes>,
}

/// Who asked for a rebuild, and which asks the last finished one covers.
/// Each full rebuild reads every city and assessment and holds two copies
/// of the directory; one per request, side by side under a mixed load, was
/// the largest part of the server's peak heap (BENCHMARKS.md, "Seventh run").
#[derive(Default)]
struct Refreshes {
    /// Tickets handed out, one per ask, numbered from 1.
    asked: AtomicU64,
    /// The highest ticket a finished rebuild covers.
    covered: AtomicU64,
    /// Held while a rebuild runs.
    turn: tokio::sync::Mutex<()>,
}

impl PeerDirectory {
    /// The profiles as they are now; cheap to take, never blocks a rebuild.
    pub fn snapshot(&self) -> Arc<Vec<Profile>> {
        match self.profiles.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Which rebuild the snapshots are from. Read it before taking a snapshot:
    /// what is made from that snapshot is then never older than its generation.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    fn replace(&self, profiles: Vec<Profile>) {
        let profiles = Arc::new(profiles);
        match self.profiles.write() {
            Ok(mut guard) => *guard = profiles,
            Err(poisoned) => *poisoned.into_inner() = profiles,
        }
        self.generation.fetch_add(1, Ordering::AcqRel);
    }

    /// Returns once the directory holds every write committed before the
    /// call: after a rebuild of its own, or one that began after it asked.
    pub async fn refresh(&self, pool: &DbPool, catalog: Arc<Catalog>) -> anyhow::Result<()> {
        let refreshes = &self.refreshes;
        let ticket = refreshes.asked.fetch_add(1, Ordering::AcqRel) + 1;
        let _turn = refreshes.turn.lock().await;
        if refreshes.covered.load(Ordering::Acquire) >= ticket {
            return Ok(());
        }
        // Read before the rebuild's queries: every ask up to here was made
        // after its write, so the queries see all of them.
        let covers = refreshes.asked.load(Ordering::Acquire);
        let profiles = db::run(pool, move |conn| Ok(load(conn, &catalog)?)).await?;
        self.replace(profiles);
        refreshes.covered.fetch_max(covers, Ordering::AcqRel);
        Ok(())
    }

    /// Rebuilds on this thread (start-up and commands).
    pub fn refresh_now(&self, conn: &mut DbConnection, catalog: &Catalog) -> QueryResult<()> {
        self.replace(load(conn, catalog)?);
        Ok(())
    }
}

/// The latest met-criteria set of every discoverable, assessed city but
/// `except`: what the roadmap's area comparison is made of.
pub fn discoverable_masks(profiles: &[Profile], except: i32) -> Vec<u64> {
    profiles
        .iter()
        .filter(|p| p.can_appear_to(except))
        .map(|p| p.mask)
        .collect()
}

/// The profile of `city` in `profiles`, or one with no assessment.
pub fn profile_of(profiles: &[Profile], city: &City) -> Profile {
    profiles
        .iter()
        .find(|p| p.city_id == city.id)
        .cloned()
        .unwrap_or_else(|| blank(city, 0))
}

fn blank(city: &City, criteria: usize) -> Profile {
    Profile {
        city_id: city.id,
        slug: city.slug.clone(),
        name: city.name.clone(),
        country: city.country.clone(),
        region: Region::from_code(&city.region).unwrap_or(Region::UsCanada),
        language: city.language.clone(),
        population: city.population,
        discoverable: city.discoverable,
        accepts_introductions: city.accepts_introductions,
        assessed: false,
        mask: 0,
        level: None,
        met_since: vec![None; criteria],
    }
}

/// Every city, and every assessment of `catalog` as (city, when, met set),
/// oldest first per city.
pub type Rows = (Vec<City>, Vec<(i32, NaiveDateTime, i64)>);

/// Every city with its assessment history for `catalog`: two queries, no
/// matter how many cities.
pub fn load(conn: &mut DbConnection, catalog: &Catalog) -> QueryResult<Vec<Profile>> {
    Ok(build(&query(conn, catalog)?, catalog))
}

/// The two queries a rebuild makes.
pub fn query(conn: &mut DbConnection, catalog: &Catalog) -> QueryResult<Rows> {
    let all: Vec<City> = cities::table.select(City::as_select()).load(conn)?;
    let rows = assessments::table
        .filter(assessments::standard.eq(&catalog.id))
        .order((
            assessments::city_id.asc(),
            assessments::submitted_at.asc(),
            assessments::id.asc(),
        ))
        .select((
            assessments::city_id,
            assessments::submitted_at,
            assessments::met_mask,
        ))
        .load(conn)?;
    Ok((all, rows))
}

/// Every city's profile from the rows [`query`] read. Pure.
pub fn build((all, rows): &Rows, catalog: &Catalog) -> Vec<Profile> {
    let mut histories: HashMap<i32, Vec<Point>> = HashMap::new();
    for &(city_id, at, mask) in rows {
        histories.entry(city_id).or_default().push(Point {
            at,
            mask: mask as u64,
        });
    }
    let criteria = catalog.criteria.len();
    all.iter()
        .map(|city| {
            let mut profile = blank(city, criteria);
            if let Some(history) = histories.get(&city.id)
                && let Some(latest) = history.last()
            {
                profile.assessed = true;
                profile.mask = latest.mask;
                profile.level = catalog.level_for(latest.mask.count_ones() as usize);
                profile.met_since = met_since(history, criteria);
            }
            profile
        })
        .collect()
}
