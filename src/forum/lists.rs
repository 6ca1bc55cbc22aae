//! Which threads a list shows a person: a space they may read, a tag, the
//! unanswered questions, the open questions their city could answer, or one
//! person's activity; always a keyset page.

use super::compose::Problem;
use super::cursor::{Cursor, Page, page_size};
use super::service::{Forum, ForumError};
use super::space::SpaceName;
use super::store::{self, Author, Listing, ThreadFilter, ThreadSummary};
use super::text::{mentions, tags};
use crate::accounts::policy;
use crate::accounts::users::User;

impl Forum {
    /// The threads of a space, if the person may read it (else "not found").
    pub async fn space_filter(
        &self,
        user: &User,
        name: SpaceName,
    ) -> Result<ThreadFilter, ForumError> {
        let space = self.space(name).await?;
        if !policy::allows(Some(user), space.read_action()) {
            return Err(ForumError::NotFound("category"));
        }
        Ok(ThreadFilter::Space(space))
    }

    /// Threads with a tag, as typed (normalised first).
    pub fn tag_filter(&self, raw: &str) -> Result<ThreadFilter, ForumError> {
        tags::normalise(raw).map(ThreadFilter::Tag).map_err(|p| {
            ForumError::Invalid(vec![Problem {
                field: "tag",
                key: p.message_key(),
                item: Some(raw.to_owned()),
            }])
        })
    }

    /// Open questions tagged with a criterion the person's city meets.
    pub fn answerable_filter(&self, user: &User) -> ThreadFilter {
        ThreadFilter::Answerable(self.criteria_met_by(user.city_id))
    }

    /// The criteria a city meets now, as tags (`dm1`).
    pub fn criteria_met_by(&self, city_id: Option<i32>) -> Vec<String> {
        let profiles = self.directory.snapshot();
        let Some(profile) = profiles.iter().find(|p| Some(p.city_id) == city_id) else {
            return Vec::new();
        };
        self.catalog
            .criteria
            .iter()
            .enumerate()
            .filter(|(i, _)| *i < 64 && profile.mask >> i & 1 == 1)
            .map(|(_, c)| c.code.to_ascii_lowercase())
            .collect()
    }

    /// A person by handle, and the threads they took part in.
    pub async fn person(&self, handle: &str) -> Result<(Author, ThreadFilter), ForumError> {
        let handle = handle.trim().to_ascii_lowercase();
        if !mentions::is_handle(&handle) {
            return Err(ForumError::NotFound("person"));
        }
        let author = self
            .run(move |conn, _| {
                let known = store::handles_known(conn, std::slice::from_ref(&handle))?;
                let Some(id) = known.get(&handle) else {
                    return Ok(None);
                };
                Ok(store::authors(conn, &[*id])?.remove(id))
            })
            .await?
            .ok_or(ForumError::NotFound("person"))?;
        let filter = ThreadFilter::Author(author.id);
        Ok((author, filter))
    }

    /// One page of a list as this person sees it.
    pub async fn list(
        &self,
        user: &User,
        filter: ThreadFilter,
        (after, size): (Option<Cursor>, i64),
    ) -> Result<Page<ThreadSummary>, ForumError> {
        let listing = Listing {
            filter,
            reader: user.id,
            reader_city: user.city_id,
        };
        let page = self
            .run(move |conn, catalog| Ok(store::list(conn, catalog, &listing, after, size)?))
            .await?;
        Ok(page)
    }
}

/// What a list request asks for, as the API and pages receive it.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
pub struct ListQuery {
    /// A category's slug or `city:<slug>`.
    pub category: Option<String>,
    /// A tag or lower-case criterion code.
    pub tag: Option<String>,
    /// `latest` (default), `unanswered`, or `answerable` (open questions tagged
    /// with criteria your city meets).
    pub view: Option<String>,
    /// A person's handle: the threads they took part in.
    pub author: Option<String>,
    /// From the previous page's `next_cursor`.
    pub cursor: Option<String>,
    /// 1 to 100; 20 by default.
    pub limit: Option<i64>,
}

impl Forum {
    /// The filter a list request names; at most one of its filters at a time.
    pub async fn filter_of(&self, user: &User, q: &ListQuery) -> Result<ThreadFilter, ForumError> {
        let chosen = [&q.category, &q.tag, &q.view, &q.author];
        if chosen.iter().filter(|f| f.is_some()).count() > 1 {
            return Err(invalid("view", "forum-error-one-filter"));
        }
        if let Some(category) = &q.category {
            let name = SpaceName::parse(&self.catalog, category)
                .ok_or_else(|| invalid("category", "forum-error-category"))?;
            return self.space_filter(user, name).await;
        }
        if let Some(tag) = &q.tag {
            return self.tag_filter(tag);
        }
        if let Some(handle) = &q.author {
            return Ok(self.person(handle).await?.1);
        }
        match q.view.as_deref().map(str::trim) {
            None | Some("latest") => Ok(ThreadFilter::Latest),
            Some("unanswered") => Ok(ThreadFilter::Unanswered),
            Some("answerable") => Ok(self.answerable_filter(user)),
            Some(_) => Err(invalid("view", "forum-error-view")),
        }
    }
}

/// The cursor and page size a request asks for.
pub fn page_of(
    cursor: Option<&str>,
    limit: Option<i64>,
) -> Result<(Option<Cursor>, i64), ForumError> {
    let after = match cursor.map(str::trim).filter(|c| !c.is_empty()) {
        None => None,
        Some(text) => {
            Some(Cursor::decode(text).ok_or_else(|| invalid("cursor", "forum-error-cursor"))?)
        }
    };
    let size = page_size(limit).map_err(|key| invalid("limit", key))?;
    Ok((after, size))
}

fn invalid(field: &'static str, key: &'static str) -> ForumError {
    ForumError::Invalid(vec![Problem::new(field, key)])
}
