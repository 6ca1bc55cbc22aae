//! HTTP for the self-assessment form: show the city's shared draft, save what
//! a person changed, submit it, or upload a CSV instead. For the city's people
//! (and program admins), like every write to a city's assessments.

use std::sync::Arc;

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use serde::Deserialize;

use super::draft::{self, Fields};
use super::draft_db::{self, DraftState, Submission};
use super::form_view::{FormPage, form_page};
use super::problems::Problem;
use super::{csv_intake, intake, submit};
use crate::accounts::cities::City;
use crate::accounts::guard;
use crate::accounts::identity::CurrentUser;
use crate::accounts::policy::Action;
use crate::db::{self, DbPool};
use crate::error::{ErrorKind, PageError};
use crate::i18n::Lang;
use crate::peers::PeerDirectory;
use crate::standard::{Catalog, Standards};
use crate::web::csrf::{self, FormPairs, ProtectedForm};
use crate::web::{PageContext, html, see_other};

/// The largest form: 43 evidence notes of 2,000 characters, sent twice
/// (as typed and as seen), percent-encoded.
pub const FORM_LIMIT: usize = 4 << 20;
/// The largest CSV file accepted by upload.
pub const UPLOAD_LIMIT: usize = 1 << 20;

fn edit_city(c: &City) -> Action {
    Action::EditCityAssessments { city_id: c.id }
}

/// The city (if the person may edit its assessments) and the current catalog.
async fn city_and_catalog(
    user: &CurrentUser,
    lang: Lang,
    slug: String,
    (pool, standards): (&DbPool, &Standards),
) -> Result<(City, Arc<Catalog>), PageError> {
    guard::city_and_catalog((pool, standards), user.user(), slug, edit_city)
        .await
        .map_err(|r| r.page(lang))
}

async fn load_state(
    pool: &DbPool,
    lang: Lang,
    city: &City,
    catalog: &Catalog,
) -> Result<DraftState, PageError> {
    let (city_id, standard) = (city.id, catalog.id.clone());
    db::run(pool, move |conn| {
        Ok(draft_db::load(conn, city_id, &standard)?)
    })
    .await
    .map_err(|e| PageError::internal(lang, e))
}

#[derive(Deserialize)]
pub struct FormQuery {
    saved: Option<String>,
    /// Fields a colleague had also changed, comma-separated.
    overwritten: Option<String>,
}

/// The form, filled with the draft (or the latest assessment).
pub async fn show(
    user: CurrentUser,
    page: PageContext,
    slug: web::Path<String>,
    query: web::Query<FormQuery>,
    pool: web::Data<DbPool>,
    standards: web::Data<Standards>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let (city, catalog) =
        city_and_catalog(&user, lang, slug.into_inner(), (&pool, &standards)).await?;
    let state = load_state(&pool, lang, &city, &catalog).await?;
    let names = draft::field_names(&catalog);
    let saved = query.saved.as_ref().map(|_| {
        query
            .overwritten
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .filter(|n| names.iter().any(|known| known == n))
            .map(str::to_owned)
            .collect()
    });
    let form = FormPage {
        city: &city,
        catalog: &catalog,
        state: &state,
        problems: &[],
        saved,
    };
    Ok(html(StatusCode::OK, form_page(&page, &form)))
}

/// Save (`action=save` or `save:AREA`, back to that area) or submit.
pub async fn post(
    user: CurrentUser,
    page: PageContext,
    slug: web::Path<String>,
    form: ProtectedForm<FormPairs>,
    pool: web::Data<DbPool>,
    standards: web::Data<Standards>,
    directory: web::Data<PeerDirectory>,
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let (city, catalog) =
        city_and_catalog(&user, lang, slug.into_inner(), (&pool, &standards)).await?;
    let pairs = form.0;
    let action = pairs.get("action").unwrap_or("save").to_owned();
    let (now, was) = draft::read_posted(&draft::field_names(&catalog), &pairs.0);
    let user_id = user.user().id;
    if action == "submit" {
        let state = (&**pool, &**standards, &**directory);
        return submit_draft(&page, state, (&city, &catalog), user_id, (now, was)).await;
    }
    let (city_id, cat) = (city.id, catalog.clone());
    let edit = db::run(&pool, move |conn| {
        Ok(draft_db::save(conn, city_id, &cat, user_id, (&now, &was))?)
    })
    .await
    .map_err(|e| PageError::internal(lang, e))?;
    let anchor = match action.strip_prefix("save:") {
        Some("outcomes") => "#outcomes".to_owned(),
        Some(code) if catalog.areas.iter().any(|a| a.code == code) => format!("#area-{code}"),
        _ => String::new(),
    };
    let location = format!(
        "/cities/{}/assessment?saved=1&overwritten={}{anchor}",
        city.slug,
        edit.overwritten.join(",")
    );
    Ok(see_other(&location))
}

async fn submit_draft(
    page: &PageContext,
    (pool, standards, directory): (&DbPool, &Standards, &PeerDirectory),
    (city, catalog): (&City, &Arc<Catalog>),
    user_id: i32,
    (now, was): (Fields, Fields),
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let (city_id, slug, cat) = (city.id, city.slug.clone(), catalog.clone());
    let outcome = db::run(pool, move |conn| {
        Ok(draft_db::submit(
            conn,
            (city_id, &slug),
            &cat,
            user_id,
            (&now, &was),
        )?)
    })
    .await
    .map_err(|e| PageError::internal(lang, e))?;
    match outcome {
        Submission::Stored(_) => {
            crate::peers::refresh_after_write(directory, pool, standards).await;
            Ok(see_other(&format!("/cities/{}/roadmap", city.slug)))
        }
        Submission::Problems(problems) => {
            let listed: Vec<(String, String)> = problems
                .iter()
                .map(|p| (p.place.key(), p.message(lang)))
                .collect();
            rejected(page, pool, (city, catalog), &listed).await
        }
    }
}

/// The form again, with every problem listed and linked: 422.
async fn rejected(
    page: &PageContext,
    pool: &DbPool,
    (city, catalog): (&City, &Catalog),
    problems: &[(String, String)],
) -> Result<HttpResponse, PageError> {
    let state = load_state(pool, page.lang, city, catalog).await?;
    let form = FormPage {
        city,
        catalog,
        state: &state,
        problems,
        saved: None,
    };
    Ok(html(
        StatusCode::UNPROCESSABLE_ENTITY,
        form_page(page, &form),
    ))
}

/// A completed assessment as a CSV file: checked as a whole and submitted, or
/// the form again with every problem by line and column.
pub async fn upload(
    user: CurrentUser,
    req: HttpRequest,
    page: PageContext,
    slug: web::Path<String>,
    payload: Multipart,
    (pool, standards, directory): (
        web::Data<DbPool>,
        web::Data<Standards>,
        web::Data<PeerDirectory>,
    ),
) -> Result<HttpResponse, PageError> {
    let lang = page.lang;
    let (city, catalog) =
        city_and_catalog(&user, lang, slug.into_inner(), (&pool, &standards)).await?;
    let parts = read_upload(lang, payload).await?;
    csrf::verify(&req, &parts.csrf)?;
    let checked = match parts.file {
        Some(bytes) if !bytes.is_empty() => {
            csv_intake::parse(&bytes).and_then(|raw| intake::validate(&catalog, &raw))
        }
        _ => {
            let missing = (String::from("csv"), lang.t("assessment-upload-missing"));
            return rejected(&page, &pool, (&city, &catalog), &[missing]).await;
        }
    };
    match checked {
        Ok(valid) => {
            submit::store(&pool, &city, &catalog.id, valid, user.user().id)
                .await
                .map_err(|e| PageError::internal(lang, e))?;
            crate::peers::refresh_after_write(&directory, &pool, &standards).await;
            Ok(see_other(&format!("/cities/{}/roadmap", city.slug)))
        }
        Err(problems) => {
            // Every line's problem points at the one file field.
            let listed: Vec<(String, String)> = problems
                .iter()
                .map(|p: &Problem| ("csv".to_owned(), p.message(lang)))
                .collect();
            rejected(&page, &pool, (&city, &catalog), &listed).await
        }
    }
}

#[derive(Default)]
struct UploadParts {
    csrf: String,
    file: Option<Vec<u8>>,
}

/// The upload's two fields, each read up to its limit; anything else is skipped.
async fn read_upload(lang: Lang, mut payload: Multipart) -> Result<UploadParts, PageError> {
    let mut parts = UploadParts::default();
    let unreadable = || PageError::new(lang, ErrorKind::InvalidBody);
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(|_| unreadable())?;
        let name = field.name().unwrap_or_default().to_owned();
        let limit = if name == "file" { UPLOAD_LIMIT } else { 1024 };
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            bytes.extend_from_slice(&chunk.map_err(|_| unreadable())?);
            if bytes.len() > limit {
                return Err(PageError::new(lang, ErrorKind::PayloadTooLarge));
            }
        }
        match name.as_str() {
            "csrf" => parts.csrf = String::from_utf8(bytes).unwrap_or_default(),
            "file" => parts.file = Some(bytes),
            _ => {}
        }
    }
    Ok(parts)
}
