//! Storing and reading assessments.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::intake::ValidAssessment;
use crate::db::DbConnection;
use crate::schema::{assessment_answers, assessments};

/// A submitted assessment, before it has an id.
#[derive(Debug, Clone)]
pub struct NewAssessment<'a> {
    pub city_id: i32,
    pub standard: &'a str,
    pub assessment: &'a ValidAssessment,
    pub submitted_at: NaiveDateTime,
    /// None for demo data and the command line.
    pub submitted_by: Option<i32>,
}

/// Inserts the assessment and its answers; run it inside a transaction.
pub fn insert(conn: &mut DbConnection, new: &NewAssessment) -> QueryResult<i32> {
    let valid = new.assessment;
    // The mask is a bit set; storing it signed keeps it in a BIGINT on both backends.
    let mask = super::met_mask(&valid.statuses()) as i64;
    let outcomes = &valid.outcomes;
    let priority = outcomes.priority.as_ref();
    let id: i32 = diesel::insert_into(assessments::table)
        .values((
            assessments::city_id.eq(new.city_id),
            assessments::standard.eq(new.standard),
            assessments::met_mask.eq(mask),
            assessments::broadband_pct.eq(outcomes.broadband_pct),
            assessments::pm25_ugm3.eq(outcomes.pm25_ugm3),
            assessments::submitted_at.eq(new.submitted_at),
            assessments::priority_sdg.eq(priority.map(|p| p.sdg.to_string())),
            assessments::priority_indicator.eq(priority.map(|p| p.indicator.as_str())),
            assessments::priority_target.eq(priority.map(|p| p.target)),
            assessments::priority_value.eq(priority.map(|p| p.value)),
            assessments::priority_direction.eq(priority.map(|p| p.direction.code())),
            assessments::priority_areas.eq(valid.priority_areas.join(" ")),
            assessments::submitted_by.eq(new.submitted_by),
        ))
        .returning(assessments::id)
        .get_result(conn)?;
    // One statement per answer: the run-time backend choice has no batch insert.
    for answer in &valid.answers {
        diesel::insert_into(assessment_answers::table)
            .values((
                assessment_answers::assessment_id.eq(id),
                assessment_answers::criterion.eq(&answer.code),
                assessment_answers::status.eq(answer.status.code()),
                assessment_answers::evidence.eq(answer.evidence.as_deref()),
                assessment_answers::evidence_url.eq(answer.evidence_url.as_deref()),
            ))
            .execute(conn)?;
    }
    Ok(id)
}

pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
    assessments::table.count().get_result(conn)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = assessments)]
pub struct AssessmentRow {
    pub id: i32,
    pub standard: String,
    pub met_mask: i64,
    pub submitted_at: NaiveDateTime,
}

/// The highest id among a city's assessments. Assessments are only ever
/// added, so it changes whenever the city's history does.
pub fn last_id_for_city(conn: &mut DbConnection, city_id: i32) -> QueryResult<Option<i32>> {
    crate::on_backend!(conn, |c| assessments::table
        .filter(assessments::city_id.eq(city_id))
        .select(diesel::dsl::max(assessments::id))
        .first(c))
}

/// A city's assessments, newest first.
pub fn list_for_city(conn: &mut DbConnection, city_id: i32) -> QueryResult<Vec<AssessmentRow>> {
    assessments::table
        .filter(assessments::city_id.eq(city_id))
        .order((assessments::submitted_at.desc(), assessments::id.desc()))
        .select(AssessmentRow::as_select())
        .load(conn)
}

/// A stored assessment with everything it said.
#[derive(Debug, Clone)]
pub struct StoredAssessment {
    pub row: AssessmentRow,
    /// Criterion code and status, as stored.
    pub answers: Vec<(String, super::Status)>,
    pub outcomes: super::outcomes::Outcomes,
    pub priority_areas: Vec<String>,
}

type OutcomeColumns = (
    Option<f64>,
    Option<f64>,
    Option<String>,
    Option<String>,
    Option<f64>,
    Option<f64>,
    Option<String>,
    String,
);

fn outcomes_of(columns: OutcomeColumns) -> (super::outcomes::Outcomes, Vec<String>) {
    use super::outcomes::{Direction, Outcomes, Priority};
    let (broadband_pct, pm25_ugm3, sdg, indicator, target, value, direction, areas) = columns;
    let priority = match (sdg.and_then(|s| s.parse().ok()), indicator, target, value) {
        (Some(sdg), Some(indicator), Some(target), Some(value)) => Some(Priority {
            sdg,
            indicator,
            target,
            value,
            direction: direction
                .as_deref()
                .and_then(Direction::from_code)
                .unwrap_or_default(),
        }),
        _ => None,
    };
    let outcomes = Outcomes {
        broadband_pct,
        pm25_ugm3,
        priority,
    };
    (
        outcomes,
        areas.split_whitespace().map(str::to_owned).collect(),
    )
}

/// Everything assessment `row` said.
pub fn load_full(conn: &mut DbConnection, row: AssessmentRow) -> QueryResult<StoredAssessment> {
    let columns: OutcomeColumns = assessments::table
        .find(row.id)
        .select((
            assessments::broadband_pct,
            assessments::pm25_ugm3,
            assessments::priority_sdg,
            assessments::priority_indicator,
            assessments::priority_target,
            assessments::priority_value,
            assessments::priority_direction,
            assessments::priority_areas,
        ))
        .first(conn)?;
    let answers: Vec<(String, String)> = assessment_answers::table
        .filter(assessment_answers::assessment_id.eq(row.id))
        .select((assessment_answers::criterion, assessment_answers::status))
        .load(conn)?;
    let answers = answers
        .into_iter()
        .filter_map(|(code, status)| Some((code, super::intake::parse_status(&status)?)))
        .collect();
    let (outcomes, priority_areas) = outcomes_of(columns);
    Ok(StoredAssessment {
        row,
        answers,
        outcomes,
        priority_areas,
    })
}

/// The latest met-criteria set of every discoverable city but `except`, for
/// `standard`: what peer comparisons are made of.
pub fn discoverable_latest_masks(
    conn: &mut DbConnection,
    standard: &str,
    except: i32,
) -> QueryResult<Vec<u64>> {
    use crate::schema::cities;
    let rows: Vec<(i32, i64)> = assessments::table
        .inner_join(cities::table)
        .filter(cities::discoverable.eq(true))
        .filter(cities::id.ne(except))
        .filter(assessments::standard.eq(standard))
        .order((
            assessments::city_id.asc(),
            assessments::submitted_at.desc(),
            assessments::id.desc(),
        ))
        .select((assessments::city_id, assessments::met_mask))
        .load(conn)?;
    let mut latest: Vec<u64> = Vec::new();
    let mut previous_city = None;
    for (city_id, mask) in rows {
        if previous_city != Some(city_id) {
            latest.push(mask as u64);
            previous_city = Some(city_id);
        }
    }
    Ok(latest)
}
