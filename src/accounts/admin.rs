//! `peerhall admin …`: creating cities, users and API tokens from a shell, for
//! the first program admin and for scripts. Every change is audited.

use anyhow::{Context, bail};
use diesel::Connection;

use super::cities::{self, NewCity};
use super::users::{self, EmailAddress, NewUser, Role, parse_time_zone};
use super::{api_tokens, audit};
use crate::db::DbConnection;
use crate::i18n::Lang;

/// A field and the message key saying what is wrong with it.
pub use crate::web::forms::FieldError;

/// What is wrong with a new city, field by field (pure).
pub fn check_city(city: &NewCity) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if !is_slug(city.slug) {
        errors.push(("slug", "error-city-slug"));
    }
    if city.name.trim().is_empty() || city.name.chars().count() > 100 {
        errors.push(("name", "error-city-name"));
    }
    if city.country.len() != 2 || !city.country.chars().all(|c| c.is_ascii_uppercase()) {
        errors.push(("country", "error-city-country"));
    }
    if !["us_canada", "latin_america"].contains(&city.region) {
        errors.push(("region", "error-city-region"));
    }
    if city.population < 0 {
        errors.push(("population", "error-city-population"));
    }
    if Lang::from_tag(city.language).is_none() {
        errors.push(("language", "error-language"));
    }
    errors
}

/// Adds a city (audited), or says which fields are wrong.
pub fn create_city(
    conn: &mut DbConnection,
    city: &NewCity,
    actor: Option<i32>,
) -> anyhow::Result<Result<i32, Vec<FieldError>>> {
    let errors = check_city(city);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    conn.transaction(|conn| {
        if cities::find_by_slug(conn, city.slug)?.is_some() {
            return Ok(Err(vec![("slug", "error-city-exists")]));
        }
        let id = cities::insert(conn, city)?;
        audit::record(
            conn,
            actor,
            "city.create",
            &format!("city:{}", city.slug),
            None,
        )?;
        Ok(Ok(id))
    })
}

/// For the command line: the problems in English, each naming its option.
pub fn describe(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|(field, key)| format!("--{}: {}", field.replace('_', "-"), Lang::En.t(key)))
        .collect::<Vec<_>>()
        .join("; ")
}

pub struct UserArgs<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub city: Option<&'a str>,
    pub role: &'a str,
    pub language: &'a str,
    pub time_zone: &'a str,
}

pub fn create_user(conn: &mut DbConnection, args: &UserArgs) -> anyhow::Result<i32> {
    let email = EmailAddress::parse(args.email)
        .map_err(|_| anyhow::anyhow!("--email is not an email address"))?;
    let role: Role = args
        .role
        .parse()
        .map_err(|e: String| anyhow::anyhow!("--role: {e}"))?;
    let language = Lang::from_tag(args.language).context("--language must be en, es, pt or fr")?;
    let time_zone = parse_time_zone(args.time_zone)
        .map_err(|_| anyhow::anyhow!("--time-zone must be an IANA name such as America/Chicago"))?;
    if args.name.trim().is_empty() {
        bail!("--name must not be empty");
    }
    if matches!(role, Role::Member | Role::CityAdmin) && args.city.is_none() {
        bail!("--city is required for a {}", role.code());
    }
    conn.transaction(|conn| {
        let city_id = match args.city {
            Some(slug) => Some(
                cities::find_by_slug(conn, slug)?
                    .with_context(|| format!("no city with slug {slug}"))?
                    .id,
            ),
            None => None,
        };
        if users::find_by_email(conn, &email)?.is_some() {
            bail!("a user with email {email} already exists");
        }
        let id = users::insert(
            conn,
            &NewUser {
                email: email.as_str(),
                display_name: args.name.trim(),
                language: language.code(),
                time_zone: &time_zone,
                city_id,
                role: role.code(),
            },
        )?;
        audit::record(
            conn,
            None,
            "user.create",
            &format!("user:{email}"),
            Some(role.code()),
        )?;
        Ok(id)
    })
}

/// A new personal API token for the user with this email.
pub fn create_token(conn: &mut DbConnection, email: &str, name: &str) -> anyhow::Result<String> {
    let email = EmailAddress::parse(email)
        .map_err(|_| anyhow::anyhow!("--email is not an email address"))?;
    let user = users::find_by_email(conn, &email)?
        .with_context(|| format!("no user with email {email}"))?;
    let token = api_tokens::create(conn, user.id, name)?;
    audit::record(
        conn,
        None,
        "token.create",
        &format!("user:{email}"),
        Some(name),
    )?;
    Ok(token)
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::is_slug;

    #[test]
    fn slugs_are_lower_case_words_joined_by_single_hyphens() {
        assert!(is_slug("porto-alegre"));
        assert!(is_slug("rochester-mn"));
        assert!(!is_slug("Porto-Alegre"));
        assert!(!is_slug("porto--alegre"));
        assert!(!is_slug("-porto"));
        assert!(!is_slug("são-paulo"));
        assert!(!is_slug(""));
    }
}
