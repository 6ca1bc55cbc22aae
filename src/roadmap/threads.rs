//! The forum threads under each roadmap step: found by search (tagged with
//! the step's criterion, or titled with the words of its name), then checked
//! against the database, which also gives their reply counts, so a thread
//! hidden since the index's last commit never shows.

use std::collections::HashMap;

use super::build::{Roadmap, StepThread};
use crate::accounts::cities::City;
use crate::db::{self, DbPool};
use crate::forum::space::{CitySpace, Space};
use crate::forum::store::{self, ThreadRow};
use crate::i18n::Lang;
use crate::search::{LiveIndex, RelatedRequest, Viewer, service};
use crate::standard::Catalog;

/// Forum threads shown under each step.
const THREADS_PER_STEP: usize = 3;
/// Asked of the index beyond those shown, for any the database has hidden since.
const SPARE: usize = 2;

/// For each step in order, up to three threads the city's people may read:
/// tagged ones first, solved ones first among those, then the newest.
pub async fn for_steps(
    (pool, search): (&DbPool, &LiveIndex),
    catalog: &Catalog,
    city: &City,
    lang: Lang,
    roadmap: &Roadmap,
) -> anyhow::Result<Vec<Vec<StepThread>>> {
    let requests = roadmap
        .steps
        .iter()
        .map(|step| RelatedRequest {
            texts: catalog
                .criterion(&step.code)
                .map(|c| vec![c.label.get(lang).to_owned()])
                .unwrap_or_default(),
            criterion: Some(step.code.clone()),
            limit: THREADS_PER_STEP + SPARE,
        })
        .collect();
    let found = service::related(search, city_viewer(city), requests).await?;
    let ids: Vec<i32> = found
        .iter()
        .flatten()
        .filter_map(|t| i32::try_from(t.thread_id).ok())
        .collect();
    let city_id = city.id;
    let rows: HashMap<i64, ThreadRow> = db::run(pool, move |conn| {
        Ok(store::readable_threads(conn, Some(city_id), &ids)?)
    })
    .await?
    .into_iter()
    .map(|row| (i64::from(row.id), row))
    .collect();
    Ok(found
        .into_iter()
        .map(|threads| {
            threads
                .iter()
                .filter_map(|t| rows.get(&t.thread_id).map(step_thread))
                .take(THREADS_PER_STEP)
                .collect()
        })
        .collect())
}

/// What the city's own people see: public spaces and the city's.
fn city_viewer(city: &City) -> Viewer {
    let space = Space::City(CitySpace {
        id: city.id,
        slug: city.slug.clone(),
        name: city.name.clone(),
    });
    Viewer {
        all_spaces: false,
        city_space: Some(space.api_name()),
    }
}

fn step_thread(row: &ThreadRow) -> StepThread {
    StepThread {
        id: row.id,
        title: row.title.clone(),
        url: format!("/forum/threads/{}", row.id),
        reply_count: row.reply_count,
        solved: row.accepted_post_id.is_some(),
    }
}
