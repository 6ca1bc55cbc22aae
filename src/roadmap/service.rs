//! Loading a city's roadmap: built from its assessments, the peer directory
//! and the forum's threads, and kept until one of them changes.

use std::sync::Arc;

use super::build::{self, CityFacts, Roadmap, Snapshot};
use super::cache::{Built, Kept, RoadmapCache, Stamp};
use crate::accounts::cities::City;
use crate::assessment::db as assessments;
use crate::assessment::outcomes::Region;
use crate::db::{self, DbConnection, DbPool};
use crate::i18n::Lang;
use crate::peers::PeerDirectory;
use crate::search::LiveIndex;
use crate::standard::{Catalog, Standards};

/// What roadmaps are built from, and those already built; shared by every worker.
#[derive(Clone)]
pub struct Roadmaps {
    pub pool: DbPool,
    pub standards: Standards,
    pub directory: PeerDirectory,
    pub search: LiveIndex,
    pub cache: Arc<RoadmapCache>,
}

impl Roadmaps {
    /// The city's roadmap from its latest assessment, each step with its top
    /// three peers in `lang` and its forum threads; None before the first
    /// assessment. Built again only when what it is made from has changed.
    pub async fn load(&self, city: &City, lang: Lang) -> anyhow::Result<Built> {
        let stamp = self.stamp(city).await?;
        if let Some(built) = self.cache.get(lang, &stamp) {
            return Ok(built);
        }
        let built = self
            .build_now(city, lang)
            .await?
            .map(|(catalog, roadmap)| Arc::new(Kept::new(catalog, roadmap)));
        self.cache.put(lang, stamp, built.clone());
        Ok(built)
    }

    /// What the city's roadmap would be built from now. Read before building:
    /// a roadmap is then never older than its stamp says.
    async fn stamp(&self, city: &City) -> anyhow::Result<Stamp> {
        let directory = self.directory.generation();
        let index = self.search.version();
        let city_id = city.id;
        let (latest_assessment, forum_change) = db::run(&self.pool, move |conn| {
            let latest = assessments::last_id_for_city(conn, city_id)?;
            Ok((latest, crate::forum::store::outbox::newest(conn)?))
        })
        .await?;
        Ok(Stamp {
            city: city.clone(),
            latest_assessment,
            forum_change,
            directory,
            index,
        })
    }

    async fn build_now(
        &self,
        city: &City,
        lang: Lang,
    ) -> anyhow::Result<Option<(Arc<Catalog>, Roadmap)>> {
        let Some((catalog, mut roadmap)) = self.without_peers_or_threads(city).await? else {
            return Ok(None);
        };
        let codes: Vec<String> = roadmap.steps.iter().map(|s| s.code.clone()).collect();
        let peers =
            crate::peers::handlers::for_steps(lang, &catalog, &self.directory, city, &codes, 3);
        let threads =
            super::threads::for_steps((&self.pool, &self.search), &catalog, city, lang, &roadmap)
                .await?;
        for ((step, peers), threads) in roadmap.steps.iter_mut().zip(peers).zip(threads) {
            step.peers = peers;
            step.threads = threads;
        }
        Ok(Some((catalog, roadmap)))
    }

    async fn without_peers_or_threads(
        &self,
        city: &City,
    ) -> anyhow::Result<Option<(Arc<Catalog>, Roadmap)>> {
        let standards = self.standards.clone();
        let city = city.clone();
        // The directory holds the current standard's profiles: no scan per request.
        let known =
            crate::peers::directory::discoverable_masks(&self.directory.snapshot(), city.id);
        db::run(&self.pool, move |conn| {
            assemble(conn, &standards, known, &city)
        })
        .await
    }
}

/// The roadmap from the city's latest assessment (without step peers and
/// threads); None before the first. `known` are the discoverable peers'
/// masks for the current standard, used when the assessment is of it.
pub fn assemble(
    conn: &mut DbConnection,
    standards: &Standards,
    known: Vec<u64>,
    city: &City,
) -> anyhow::Result<Option<(Arc<Catalog>, Roadmap)>> {
    let current = standards.current()?.id.clone();
    let rows = assessments::list_for_city(conn, city.id)?;
    let Some(latest) = rows.first().cloned() else {
        return Ok(None);
    };
    let Some(catalog) = standards.get(&latest.standard).cloned() else {
        anyhow::bail!(
            "assessment {} answers unknown standard {}",
            latest.id,
            latest.standard
        );
    };
    let history = snapshots(&catalog, &rows, &latest.standard);
    let full = assessments::load_full(conn, latest)?;
    let peers = if catalog.id == current {
        known
    } else {
        assessments::discoverable_latest_masks(conn, &catalog.id, city.id)?
    };
    let facts = CityFacts {
        country: city.country.clone(),
        region: Region::from_code(&city.region).unwrap_or(Region::UsCanada),
        population: city.population,
    };
    let roadmap = build::build(&catalog, &facts, &full, history, &peers);
    Ok(Some((catalog, roadmap)))
}

/// The history of one standard's assessments, oldest first (`rows` are newest first).
fn snapshots(
    catalog: &Catalog,
    rows: &[assessments::AssessmentRow],
    standard: &str,
) -> Vec<Snapshot> {
    rows.iter()
        .rev()
        .filter(|r| r.standard == standard)
        .map(|r| {
            let met = (r.met_mask as u64).count_ones() as usize;
            Snapshot {
                id: r.id,
                submitted_at: r.submitted_at,
                met,
                level: catalog.level_for(met),
                mask: r.met_mask as u64,
            }
        })
        .collect()
}
