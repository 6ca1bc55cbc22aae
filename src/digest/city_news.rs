//! The cities' part of a digest: the reader's own city's roadmap and what
//! changed in it, and the discoverable cities that reached a level. Computed
//! once per city (and once per pass for level-ups), shared by every reader.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::compose::{PeerNews, RoadmapNews};
use crate::accounts::cities::City;
use crate::db::DbConnection;
use crate::roadmap::build::Roadmap;
use crate::schema::{assessments, cities};
use crate::standard::{Catalog, Standards};

/// A city's roadmap with what it needs to tell a reader what changed.
#[derive(Debug, Clone)]
pub struct CityRoadmap {
    pub city: City,
    pub roadmap: Roadmap,
    /// The met-criteria codes, lower case: the tags of questions its people could answer.
    pub met_tags: Vec<String>,
    codes: Vec<String>,
}

impl CityRoadmap {
    /// The city's roadmap now; None before its first assessment.
    pub fn load(
        conn: &mut DbConnection,
        standards: &Standards,
        known: Vec<u64>,
        city: City,
    ) -> anyhow::Result<Option<CityRoadmap>> {
        let Some((catalog, roadmap)) =
            crate::roadmap::service::assemble(conn, standards, known, &city)?
        else {
            return Ok(None);
        };
        let codes: Vec<String> = catalog.criteria.iter().map(|c| c.code.clone()).collect();
        let latest = roadmap.history.last().map_or(0, |s| s.mask);
        let met_tags = in_mask(&codes, latest)
            .into_iter()
            .map(|c| c.to_lowercase())
            .collect();
        Ok(Some(CityRoadmap {
            city,
            roadmap,
            met_tags,
            codes,
        }))
    }

    /// The roadmap as a reader whose last digest was at `since` should hear it.
    pub fn news(&self, since: NaiveDateTime) -> RoadmapNews {
        let history = &self.roadmap.history;
        let before = history.iter().rev().find(|s| s.submitted_at < since);
        let latest = history.last();
        let (gained, lost) = match (before, latest) {
            (Some(b), Some(l)) if l.submitted_at >= since => (
                in_mask(&self.codes, l.mask & !b.mask),
                in_mask(&self.codes, b.mask & !l.mask),
            ),
            _ => (Vec::new(), Vec::new()),
        };
        let level = self.roadmap.score.level;
        RoadmapNews {
            city_slug: self.city.slug.clone(),
            city_name: self.city.name.clone(),
            level,
            level_before: match before {
                Some(b) => b.level,
                // The first assessment came in the window: whatever it reached is news.
                None if latest.is_some_and(|l| l.submitted_at >= since) => None,
                None => level,
            },
            next: self.roadmap.next_level,
            next_step: self.roadmap.steps.first().map(|s| s.code.clone()),
            gained,
            lost,
        }
    }
}

fn in_mask(codes: &[String], mask: u64) -> Vec<String> {
    codes
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < 64 && mask & (1u64 << i) != 0)
        .map(|(_, c)| c.clone())
        .collect()
}

/// A level reached, and when.
#[derive(Debug, Clone)]
pub struct LevelUp {
    pub news: PeerNews,
    pub at: NaiveDateTime,
}

/// Discoverable cities whose assessments of `catalog` in `since..until`
/// raised their level, each with its latest rise.
pub fn level_ups(
    conn: &mut DbConnection,
    catalog: &Catalog,
    (since, until): (NaiveDateTime, NaiveDateTime),
) -> QueryResult<Vec<LevelUp>> {
    let recent: Vec<i32> = assessments::table
        .filter(assessments::submitted_at.ge(since))
        .filter(assessments::submitted_at.lt(until))
        .filter(assessments::standard.eq(&catalog.id))
        .select(assessments::city_id)
        .distinct()
        .load(conn)?;
    let rows: Vec<(i32, String, String, i64, NaiveDateTime)> = assessments::table
        .inner_join(cities::table)
        .filter(cities::discoverable.eq(true))
        .filter(assessments::standard.eq(&catalog.id))
        .filter(assessments::city_id.eq_any(&recent))
        .filter(assessments::submitted_at.lt(until))
        .order((
            assessments::city_id,
            assessments::submitted_at,
            assessments::id,
        ))
        .select((
            cities::id,
            cities::slug,
            cities::name,
            assessments::met_mask,
            assessments::submitted_at,
        ))
        .load(conn)?;
    let mut ups: HashMap<i32, LevelUp> = HashMap::new();
    let mut previous: Option<(i32, Option<crate::standard::Level>)> = None;
    for (city_id, slug, name, mask, at) in rows {
        let level = catalog.level_for((mask as u64).count_ones() as usize);
        let before = previous.filter(|(c, _)| *c == city_id).and_then(|(_, l)| l);
        if let Some(to) = level.filter(|to| at >= since && before.is_none_or(|b| *to > b)) {
            let news = PeerNews {
                city_id,
                slug,
                name,
                from: before,
                to,
            };
            ups.insert(city_id, LevelUp { news, at });
        }
        previous = Some((city_id, level));
    }
    let mut ups: Vec<LevelUp> = ups.into_values().collect();
    ups.sort_by(|a, b| b.at.cmp(&a.at).then(a.news.city_id.cmp(&b.news.city_id)));
    Ok(ups)
}
