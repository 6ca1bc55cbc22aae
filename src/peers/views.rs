//! The peers page: peers like you, cities you can help, and the peers for one
//! criterion chosen from a list.

use maud::{Markup, html};

use super::cards::PeerCard;
use super::handlers::PeerLists;
use super::introductions::store::Summary;
use super::introductions::views::city_section;
use crate::accounts::cities::City;
use crate::i18n::Lang;
use crate::standard::Catalog;
use crate::web::forms::error_list;
use crate::web::{PageContext, layout};

pub struct PeersView<'a> {
    pub city: &'a City,
    pub catalog: &'a Catalog,
    pub lists: &'a PeerLists,
    /// The criterion asked for and its peers; Err holds a code that is not one.
    pub chosen: Result<Option<(String, Vec<PeerCard>)>, String>,
    /// The city's recent introductions: asked of it, and asked by it.
    pub introductions: (Vec<Summary>, Vec<Summary>),
}

pub fn peers_page(page: &PageContext, view: &PeersView) -> Markup {
    let lang = page.lang;
    let title = lang.t_args("peers-title", &[("city", view.city.name.as_str().into())]);
    let overall = AskFrom {
        city: &view.city.slug,
        criterion: None,
    };
    let body = html! {
        h1 { (title) }
        p { (lang.t("peers-intro")) }
        section aria-labelledby="like-you" {
            h2 #like-you { (lang.t("peers-like-you")) }
            p.hint { (lang.t("peers-like-you-hint")) }
            (card_list(lang, view.catalog, &view.lists.like_you, overall))
        }
        section aria-labelledby="can-help" {
            h2 #can-help { (lang.t("peers-can-help")) }
            p.hint { (lang.t("peers-can-help-hint")) }
            (card_list(lang, view.catalog, &view.lists.can_help, overall))
        }
        (criterion_section(page, view))
        (city_section(lang, &view.introductions.0, &view.introductions.1))
    };
    layout(page, &title, body)
}

/// Where a card's "ask for an introduction" link asks from: the reader's
/// city, and the criterion the list is about.
#[derive(Clone, Copy)]
pub struct AskFrom<'a> {
    pub city: &'a str,
    pub criterion: Option<&'a str>,
}

fn ask_link(lang: Lang, from: AskFrom, card: &PeerCard) -> Markup {
    let mut href = format!("/cities/{}/introductions/new?peer={}", from.city, card.city);
    if let Some(code) = from.criterion {
        href.push_str(&format!("&criterion={code}"));
    }
    html! {
        br;
        a href=(href) { (lang.t_args("intro-ask-link", &[("city", card.name.as_str().into())])) }
    }
}

/// Peer cards as a list; also used by the roadmap's steps.
pub fn card_list(lang: Lang, catalog: &Catalog, cards: &[PeerCard], from: AskFrom) -> Markup {
    html! {
        @if cards.is_empty() {
            p.muted { (lang.t("peers-none")) }
        } @else {
            ul.peers {
                @for card in cards {
                    li {
                        strong { (card.name) } " (" (card.country) ") · "
                        @match card.level {
                            Some(level) => (catalog.level_name(level).get(lang)),
                            None => (lang.t("roadmap-not-certified-short")),
                        }
                        br;
                        span.muted { (card.reasons.join(" · ")) }
                        @if card.introductions { (ask_link(lang, from, card)) }
                    }
                }
            }
        }
    }
}

fn criterion_section(page: &PageContext, view: &PeersView) -> Markup {
    let lang = page.lang;
    let (selected, error) = match &view.chosen {
        Ok(Some((code, _))) => (code.as_str(), None),
        Ok(None) => ("", None),
        Err(code) => (
            "",
            Some(lang.t_args("intake-unknown-code", &[("code", code.into())])),
        ),
    };
    let errors: Vec<(String, String)> = error
        .iter()
        .map(|e| ("criterion".to_owned(), e.clone()))
        .collect();
    html! {
        section aria-labelledby="by-criterion" {
            h2 #by-criterion { (lang.t("peers-criterion-heading")) }
            (error_list(lang, &errors))
            form method="get" action={ "/cities/" (view.city.slug) "/peers" } {
                div.field {
                    label for="criterion" { (lang.t("peers-criterion-label")) }
                    @if let Some(e) = &error { p.field-error #criterion-error { (e) } }
                    select #criterion name="criterion" aria-describedby=[error.as_ref().map(|_| "criterion-error")] {
                        @for c in &view.catalog.criteria {
                            option value=(c.code) selected[c.code == selected] { (c.code) " · " (c.label.get(lang)) }
                        }
                    }
                }
                button type="submit" { (lang.t("peers-criterion-show")) }
            }
            @if let Ok(Some((code, cards))) = &view.chosen {
                h3 { (lang.t_args("peers-criterion-results", &[("code", code.into())])) }
                (card_list(lang, view.catalog, cards, AskFrom { city: &view.city.slug, criterion: Some(code) }))
            }
        }
    }
}
