//! Storing and reading assessments.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::Status;
use crate::db::DbConnection;
use crate::schema::{assessment_answers, assessments};

/// A submitted assessment, before it has an id.
#[derive(Debug, Clone)]
pub struct NewAssessment<'a> {
    pub city_id: i32,
    pub standard: &'a str,
    /// One status per criterion, in catalog order.
    pub answers: Vec<(&'a str, Status)>,
    pub broadband_pct: Option<f64>,
    pub pm25_ugm3: Option<f64>,
    pub submitted_at: NaiveDateTime,
}

/// Inserts the assessment and its answers; run it inside a transaction.
pub fn insert(conn: &mut DbConnection, new: &NewAssessment) -> QueryResult<i32> {
    let statuses: Vec<Status> = new.answers.iter().map(|(_, s)| *s).collect();
    // The mask is a bit set; storing it signed keeps it in a BIGINT on both backends.
    let mask = super::met_mask(&statuses) as i64;
    let id: i32 = diesel::insert_into(assessments::table)
        .values((
            assessments::city_id.eq(new.city_id),
            assessments::standard.eq(new.standard),
            assessments::met_mask.eq(mask),
            assessments::broadband_pct.eq(new.broadband_pct),
            assessments::pm25_ugm3.eq(new.pm25_ugm3),
            assessments::submitted_at.eq(new.submitted_at),
        ))
        .returning(assessments::id)
        .get_result(conn)?;
    // One statement per answer: the run-time backend choice has no batch insert.
    for (code, status) in &new.answers {
        diesel::insert_into(assessment_answers::table)
            .values((
                assessment_answers::assessment_id.eq(id),
                assessment_answers::criterion.eq(*code),
                assessment_answers::status.eq(status.code()),
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

/// A city's assessments, newest first.
pub fn list_for_city(conn: &mut DbConnection, city_id: i32) -> QueryResult<Vec<AssessmentRow>> {
    assessments::table
        .filter(assessments::city_id.eq(city_id))
        .order((assessments::submitted_at.desc(), assessments::id.desc()))
        .select(AssessmentRow::as_select())
        .load(conn)
}
