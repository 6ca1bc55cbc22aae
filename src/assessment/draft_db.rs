//! Storing a city's shared draft: the latest submitted assessment is its base,
//! and the draft keeps only the fields its people changed since, each with who
//! changed it and when.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::db::{self as assessments, AssessmentRow};
use super::draft::{self, Edit, Fields};
use super::problems::Problem;
use super::{intake, submit};
use crate::db::DbConnection;
use crate::schema::{assessment_answers, assessment_draft_fields, assessment_drafts, users};
use crate::standard::Catalog;

/// The draft as the form shows it.
#[derive(Debug, Clone, Default)]
pub struct DraftState {
    /// None until someone first saves.
    pub draft_id: Option<i32>,
    /// The base overlaid with the draft's changes.
    pub fields: Fields,
    /// When and by whom it was last saved.
    pub saved: Option<(NaiveDateTime, Option<String>)>,
    /// The submitted assessment the draft starts from.
    pub base: Option<AssessmentRow>,
}

/// The city's draft for `standard`, or its latest assessment when nobody has
/// started one.
pub fn load(conn: &mut DbConnection, city_id: i32, standard: &str) -> QueryResult<DraftState> {
    let base = latest(conn, city_id, standard)?;
    let mut fields = match &base {
        Some(row) => base_fields(conn, row.clone())?,
        None => Fields::new(),
    };
    let draft: Option<(i32, NaiveDateTime, Option<String>)> = assessment_drafts::table
        .left_join(users::table)
        .filter(assessment_drafts::city_id.eq(city_id))
        .filter(assessment_drafts::standard.eq(standard))
        .select((
            assessment_drafts::id,
            assessment_drafts::updated_at,
            users::display_name.nullable(),
        ))
        .first(conn)
        .optional()?;
    let Some((draft_id, updated_at, by)) = draft else {
        return Ok(DraftState {
            fields,
            base,
            ..DraftState::default()
        });
    };
    fields.extend(changed_fields(conn, draft_id)?);
    fields.retain(|_, v| !v.is_empty());
    Ok(DraftState {
        draft_id: Some(draft_id),
        fields,
        saved: Some((updated_at, by)),
        base,
    })
}

fn latest(
    conn: &mut DbConnection,
    city_id: i32,
    standard: &str,
) -> QueryResult<Option<AssessmentRow>> {
    Ok(assessments::list_for_city(conn, city_id)?
        .into_iter()
        .find(|row| row.standard == standard))
}

fn base_fields(conn: &mut DbConnection, row: AssessmentRow) -> QueryResult<Fields> {
    let id = row.id;
    let stored = assessments::load_full(conn, row)?;
    let evidence: Vec<(String, Option<String>, Option<String>)> = assessment_answers::table
        .filter(assessment_answers::assessment_id.eq(id))
        .select((
            assessment_answers::criterion,
            assessment_answers::evidence,
            assessment_answers::evidence_url,
        ))
        .load(conn)?;
    let answers: Vec<_> = stored
        .answers
        .into_iter()
        .map(|(code, status)| {
            let found = evidence.iter().find(|(c, _, _)| *c == code);
            let (note, url) = found.map_or((None, None), |(_, n, u)| (n.clone(), u.clone()));
            (code, status, note, url)
        })
        .collect();
    Ok(draft::fields_of(
        &answers,
        &stored.outcomes,
        &stored.priority_areas,
    ))
}

fn changed_fields(conn: &mut DbConnection, draft_id: i32) -> QueryResult<Vec<(String, String)>> {
    assessment_draft_fields::table
        .filter(assessment_draft_fields::draft_id.eq(draft_id))
        .select((
            assessment_draft_fields::name,
            assessment_draft_fields::value,
        ))
        .load(conn)
}

/// The city's draft for `standard`, created on first use. Two first saves at
/// once meet at the unique (city, standard) pair: the loser reads the winner's.
pub fn ensure(
    conn: &mut DbConnection,
    city_id: i32,
    standard: &str,
    now: NaiveDateTime,
) -> QueryResult<i32> {
    let find = |conn: &mut DbConnection| {
        assessment_drafts::table
            .filter(assessment_drafts::city_id.eq(city_id))
            .filter(assessment_drafts::standard.eq(standard))
            .select(assessment_drafts::id)
            .first::<i32>(conn)
            .optional()
    };
    if let Some(id) = find(conn)? {
        return Ok(id);
    }
    let inserted = diesel::insert_into(assessment_drafts::table)
        .values((
            assessment_drafts::city_id.eq(city_id),
            assessment_drafts::standard.eq(standard),
            assessment_drafts::created_at.eq(now),
            assessment_drafts::updated_at.eq(now),
        ))
        .returning(assessment_drafts::id)
        .get_result(conn);
    match inserted {
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => find(conn)?.ok_or(diesel::result::Error::NotFound),
        other => other,
    }
}

/// Writes what one person changed, in one transaction. `posted` is what the
/// form sent and what the person saw; see [`draft::edit`].
pub fn save(
    conn: &mut DbConnection,
    city_id: i32,
    catalog: &Catalog,
    user_id: i32,
    posted: (&Fields, &Fields),
) -> QueryResult<Edit> {
    let at = chrono::Utc::now().naive_utc();
    let draft_id = ensure(conn, city_id, &catalog.id, at)?;
    conn.transaction(|conn| save_in(conn, (city_id, draft_id), catalog, user_id, posted))
        .map(|(edit, _)| edit)
}

/// Writes the person's changes; returns them and the draft as it now stands.
fn save_in(
    conn: &mut DbConnection,
    (city_id, draft_id): (i32, i32),
    catalog: &Catalog,
    user_id: i32,
    posted: (&Fields, &Fields),
) -> QueryResult<(Edit, Fields)> {
    let at = chrono::Utc::now().naive_utc();
    // Writing first takes SQLite's write lock before anything is read, so two
    // saves queue on the busy timeout instead of failing to upgrade a read.
    diesel::update(assessment_drafts::table.find(draft_id))
        .set((
            assessment_drafts::updated_at.eq(at),
            assessment_drafts::updated_by.eq(user_id),
        ))
        .execute(conn)?;
    let mut fields = load(conn, city_id, &catalog.id)?.fields;
    let edit = draft::edit(&draft::field_names(catalog), posted.0, posted.1, &fields);
    for (name, value) in &edit.changes {
        write_field(conn, draft_id, name, value, user_id, at)?;
        fields.insert(name.clone(), value.clone());
    }
    Ok((edit, fields))
}

/// What submitting the draft did.
#[derive(Debug)]
pub enum Submission {
    /// The new assessment's id; the draft is gone.
    Stored(i32),
    /// The draft (with the person's changes saved) is not complete yet.
    Problems(Vec<Problem>),
}

/// Saves the person's changes, then turns the draft into an assessment if it
/// checks, all in one transaction: a colleague's save cannot slip in between.
pub fn submit(
    conn: &mut DbConnection,
    city: (i32, &str),
    catalog: &Catalog,
    user_id: i32,
    posted: (&Fields, &Fields),
) -> QueryResult<Submission> {
    let draft_id = ensure(conn, city.0, &catalog.id, chrono::Utc::now().naive_utc())?;
    conn.transaction(|conn| {
        let (_, fields) = save_in(conn, (city.0, draft_id), catalog, user_id, posted)?;
        match intake::validate(catalog, &draft::to_raw(catalog, &fields)) {
            Err(problems) => Ok(Submission::Problems(problems)),
            Ok(valid) => {
                let id = submit::store_in(conn, city, &catalog.id, &valid, user_id)?;
                discard(conn, draft_id)?;
                Ok(Submission::Stored(id))
            }
        }
    })
}

fn write_field(
    conn: &mut DbConnection,
    draft_id: i32,
    name: &str,
    value: &str,
    user_id: i32,
    at: NaiveDateTime,
) -> QueryResult<()> {
    let row = assessment_draft_fields::table.find((draft_id, name));
    let updated = diesel::update(row)
        .set((
            assessment_draft_fields::value.eq(value),
            assessment_draft_fields::updated_at.eq(at),
            assessment_draft_fields::updated_by.eq(user_id),
        ))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(assessment_draft_fields::table)
            .values((
                assessment_draft_fields::draft_id.eq(draft_id),
                assessment_draft_fields::name.eq(name),
                assessment_draft_fields::value.eq(value),
                assessment_draft_fields::updated_at.eq(at),
                assessment_draft_fields::updated_by.eq(user_id),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Removes the draft once it became an assessment.
pub fn discard(conn: &mut DbConnection, draft_id: i32) -> QueryResult<()> {
    diesel::delete(assessment_draft_fields::table)
        .filter(assessment_draft_fields::draft_id.eq(draft_id))
        .execute(conn)?;
    diesel::delete(assessment_drafts::table.find(draft_id)).execute(conn)?;
    Ok(())
}
