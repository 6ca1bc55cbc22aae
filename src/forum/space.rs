//! Where a thread lives: one of the ten public categories (the practice areas'
//! slugs, `general`, `announcements`) or a city's private space, and who may
//! read and start threads there.

use crate::accounts::policy::{self, Action};
use crate::accounts::users::User;
use crate::i18n::Lang;
use crate::standard::Catalog;

/// The public categories after the practice areas, in display order.
pub const GENERAL: &str = "general";
pub const ANNOUNCEMENTS: &str = "announcements";
/// The `category` column's value for a city's private space.
pub const CITY_SPACE: &str = "city";

/// A public category: a practice area's slug, `general` or `announcements`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Category(String);

impl Category {
    /// Every public category of the catalog, in display order.
    pub fn all(catalog: &Catalog) -> Vec<Category> {
        catalog
            .areas
            .iter()
            .map(|a| Category(a.slug.clone()))
            .chain([GENERAL, ANNOUNCEMENTS].map(|s| Category(s.to_owned())))
            .collect()
    }

    /// The category named by `slug` (case-insensitive), if there is one.
    pub fn parse(catalog: &Catalog, slug: &str) -> Option<Category> {
        let slug = slug.trim().to_ascii_lowercase();
        Category::all(catalog).into_iter().find(|c| c.0 == slug)
    }

    pub fn slug(&self) -> &str {
        &self.0
    }

    /// The practice area's code (`DM`), unless this is General or Announcements.
    pub fn area_code<'c>(&self, catalog: &'c Catalog) -> Option<&'c str> {
        catalog
            .areas
            .iter()
            .find(|a| a.slug == self.0)
            .map(|a| a.code.as_str())
    }

    pub fn name(&self, catalog: &Catalog, lang: Lang) -> String {
        match self.0.as_str() {
            GENERAL => lang.t("forum-category-general"),
            ANNOUNCEMENTS => lang.t("forum-category-announcements"),
            slug => catalog
                .areas
                .iter()
                .find(|a| a.slug == slug)
                .map(|a| a.name.get(lang).to_owned())
                .unwrap_or_else(|| slug.to_owned()),
        }
    }

    pub fn is_announcements(&self) -> bool {
        self.0 == ANNOUNCEMENTS
    }
}

/// A city's private space, named for pages and links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitySpace {
    pub id: i32,
    pub slug: String,
    pub name: String,
}

/// Where a thread lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Space {
    Public(Category),
    City(CitySpace),
}

impl Space {
    /// The `category` column's value.
    pub fn column(&self) -> &str {
        match self {
            Space::Public(c) => c.slug(),
            Space::City(_) => CITY_SPACE,
        }
    }

    pub fn city_id(&self) -> Option<i32> {
        match self {
            Space::Public(_) => None,
            Space::City(city) => Some(city.id),
        }
    }

    /// How the API names it: the category's slug, or `city:<slug>`.
    pub fn api_name(&self) -> String {
        match self {
            Space::Public(c) => c.slug().to_owned(),
            Space::City(city) => format!("city:{}", city.slug),
        }
    }

    /// The page listing its threads.
    pub fn path(&self) -> String {
        match self {
            Space::Public(c) => format!("/forum/c/{}", c.slug()),
            Space::City(city) => format!("/forum/city/{}", city.slug),
        }
    }

    pub fn name(&self, catalog: &Catalog, lang: Lang) -> String {
        match self {
            Space::Public(c) => c.name(catalog, lang),
            Space::City(city) => {
                lang.t_args("forum-city-space", &[("city", city.name.as_str().into())])
            }
        }
    }

    /// Public spaces have feeds and are searchable by everyone signed in.
    pub fn is_public(&self) -> bool {
        matches!(self, Space::Public(_))
    }

    pub fn read_action(&self) -> Action {
        Action::ReadForum {
            private_to: self.city_id(),
        }
    }

    /// The private space of the person's own city, if they have one.
    pub fn own_city(user: &User) -> Option<Space> {
        match (user.city_id, &user.city_slug, &user.city_name) {
            (Some(id), Some(slug), Some(name)) => Some(Space::City(CitySpace {
                id,
                slug: slug.clone(),
                name: name.clone(),
            })),
            _ => None,
        }
    }

    /// Where the person may start a thread: the public categories they may
    /// post in, then their city's space.
    pub fn postable(catalog: &Catalog, user: &User) -> Vec<Space> {
        Category::all(catalog)
            .into_iter()
            .map(Space::Public)
            .chain(Space::own_city(user))
            .filter(|s| s.may_post(user))
            .collect()
    }

    /// Reading, and for Announcements being program staff.
    pub fn may_post(&self, user: &User) -> bool {
        let staff_only = matches!(self, Space::Public(c) if c.is_announcements());
        policy::allows(Some(user), self.read_action())
            && (!staff_only || policy::allows(Some(user), Action::AdministerProgram))
    }
}

/// How the API and forms name a space before it is looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpaceName {
    Public(Category),
    City(String),
}

impl SpaceName {
    /// `dm` … `announcements`, or `city:<slug>`; None for anything else.
    pub fn parse(catalog: &Catalog, input: &str) -> Option<SpaceName> {
        match input.trim().strip_prefix("city:") {
            Some(slug) if !slug.is_empty() => Some(SpaceName::City(slug.to_ascii_lowercase())),
            Some(_) => None,
            None => Category::parse(catalog, input).map(SpaceName::Public),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::standard::test_catalog as catalog;

    #[test]
    fn there_are_ten_public_categories_named_by_the_area_codes() {
        let slugs: Vec<String> = Category::all(&catalog())
            .iter()
            .map(|c| c.slug().to_owned())
            .collect();
        assert_eq!(
            slugs,
            [
                "dm",
                "lc",
                "od",
                "pa",
                "bf",
                "rdc",
                "ci",
                "eval",
                "general",
                "announcements"
            ]
        );
    }

    #[test]
    fn spaces_parse_from_slugs_and_city_names() {
        let catalog = catalog();
        assert_eq!(
            SpaceName::parse(&catalog, " DM "),
            Some(SpaceName::Public(Category("dm".into())))
        );
        assert_eq!(
            SpaceName::parse(&catalog, "city:boston"),
            Some(SpaceName::City("boston".into()))
        );
        assert_eq!(SpaceName::parse(&catalog, "city:"), None);
        assert_eq!(SpaceName::parse(&catalog, "city"), None);
        assert_eq!(SpaceName::parse(&catalog, "sports"), None);
    }
}
