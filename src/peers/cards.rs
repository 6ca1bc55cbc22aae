//! A peer as the reader sees it: the city, its level, its score, and its
//! reasons in the reader's language. The one shape for pages, JSON and roadmaps.

use serde::Serialize;
use utoipa::ToSchema;

use super::rank::{Match, Reason};
use crate::assessment::outcomes::Region;
use crate::i18n::Lang;
use crate::standard::{Catalog, Level};

/// A peer city and why it is shown.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PeerCard {
    /// The city's slug.
    pub city: String,
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// Its level from its latest assessment; null below Silver.
    pub level: Option<Level>,
    /// Likeness, higher is closer; comparable within one list only.
    pub score: f64,
    /// Why, in the reader's language, most telling first.
    pub reasons: Vec<String>,
    /// Whether it takes introduction requests.
    pub introductions: bool,
}

pub fn card(lang: Lang, catalog: &Catalog, found: &Match) -> PeerCard {
    PeerCard {
        city: found.peer.slug.clone(),
        name: found.peer.name.clone(),
        country: found.peer.country.clone(),
        level: found.peer.level,
        score: (found.score * 1000.0).round() / 1000.0,
        reasons: found
            .reasons
            .iter()
            .map(|r| reason_text(lang, catalog, r))
            .collect(),
        introductions: found.peer.accepts_introductions,
    }
}

pub fn cards(lang: Lang, catalog: &Catalog, found: &[Match]) -> Vec<PeerCard> {
    found.iter().map(|m| card(lang, catalog, m)).collect()
}

fn level_name(lang: Lang, catalog: &Catalog, level: Level) -> String {
    catalog.level_name(level).get(lang).to_owned()
}

pub fn reason_text(lang: Lang, catalog: &Catalog, reason: &Reason) -> String {
    match reason {
        Reason::MeetsSince {
            code,
            year: Some(year),
        } => lang.t_args(
            "peers-reason-meets-since",
            &[("code", code.into()), ("year", year.to_string().into())],
        ),
        Reason::MeetsSince { code, year: None } => {
            lang.t_args("peers-reason-meets", &[("code", code.into())])
        }
        Reason::LevelAhead(level) => lang.t_args(
            "peers-reason-level-ahead",
            &[("level", level_name(lang, catalog, *level).into())],
        ),
        Reason::SameLevel(level) => lang.t_args(
            "peers-reason-same-level",
            &[("level", level_name(lang, catalog, *level).into())],
        ),
        Reason::InCommon { common, of } => lang.t_args(
            "peers-reason-in-common",
            &[
                ("common", (*common as usize).into()),
                ("of", (*of as usize).into()),
            ],
        ),
        Reason::SimilarSize => lang.t("peers-reason-similar-size"),
        Reason::SameLanguage(code) => {
            lang.t_args("peers-reason-language", &[("language", code.into())])
        }
        Reason::SameRegion(region) => {
            let code = match region {
                Region::UsCanada => "us_canada",
                Region::LatinAmerica => "latin_america",
            };
            lang.t_args("peers-reason-region", &[("region", code.into())])
        }
        Reason::CanHelp { count } => lang.t_args(
            "peers-reason-can-help",
            &[("count", (*count as usize).into())],
        ),
    }
}
