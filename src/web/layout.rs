//! The one page layout: landmarks, skip link, navigation, language switcher.

use maud::{DOCTYPE, Markup, html};

use super::PageContext;
use crate::accounts::users::Role;
use crate::i18n::Lang;

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Wraps a page's content; `title` becomes the document title.
pub fn layout(page: &PageContext, title: &str, content: Markup) -> Markup {
    let lang = page.lang;
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · Peerhall" }
                link rel="stylesheet" href={ "/static/peerhall-" (VERSION) ".css" };
                script src={ "/static/peerhall-" (VERSION) ".js" } defer {}
            }
            body {
                a.skip-link href="#main" { (lang.t("layout-skip")) }
                header.site-header {
                    a.brand href="/" { "Peerhall" }
                    nav aria-label=(lang.t("layout-nav-main")) {
                        ul {
                            li { a href="/" { (lang.t("layout-nav-home")) } }
                            li { a href={ "/standards/" (crate::standard::CURRENT) } { (lang.t("layout-nav-standard")) } }
                            @if page.user.is_some() {
                                li { a href="/forum" { (lang.t("layout-nav-forum")) } }
                                li { a href="/search" { (lang.t("layout-nav-search")) } }
                            }
                        }
                    }
                    (account_links(page))
                    (language_switcher(page))
                }
                main #main tabindex="-1" { (content) }
                footer.site-footer {
                    p { (lang.t_args("layout-footer", &[("version", VERSION.into())])) }
                }
            }
        }
    }
}

fn account_links(page: &PageContext) -> Markup {
    let lang = page.lang;
    html! {
        @if let Some(user) = &page.user {
            div.account {
                @if user.role == Role::ProgramAdmin {
                    a href="/admin" { (lang.t("layout-admin")) }
                }
                @if matches!(user.role, Role::Moderator | Role::ProgramAdmin) {
                    a href="/forum/moderation" { (lang.t("forum-moderation")) }
                }
                @if let Some(slug) = &user.city_slug {
                    a href={ "/cities/" (slug) "/roadmap" } { (lang.t("layout-roadmap")) }
                    a href={ "/cities/" (slug) "/peers" } { (lang.t("layout-peers")) }
                }
                @if let (Role::CityAdmin, Some(slug)) = (user.role, &user.city_slug) {
                    a href={ "/cities/" (slug) "/people" } { (lang.t("layout-people")) }
                }
                a href="/profile" { (user.display_name) }
                form method="post" action="/sign-out" {
                    input type="hidden" name="csrf" value=(page.csrf);
                    button type="submit" { (lang.t("layout-sign-out")) }
                }
            }
        } @else {
            a.account href="/sign-in" { (lang.t("layout-sign-in")) }
        }
    }
}

fn language_switcher(page: &PageContext) -> Markup {
    html! {
        nav.languages aria-label=(page.lang.t("layout-nav-language")) {
            ul {
                @for other in Lang::ALL {
                    li {
                        @if other == page.lang {
                            a href=(page.path) lang=(other.code()) aria-current="true" { (other.native_name()) }
                        } @else {
                            a href={ "/language/" (other.code()) "?next=" (page.path) }
                                lang=(other.code()) hreflang=(other.code()) { (other.native_name()) }
                        }
                    }
                }
            }
        }
    }
}

/// A page for a failure, in the request's language.
pub fn error_page(lang: Lang, message_key: &str) -> Markup {
    let page = PageContext {
        lang,
        path: "/".into(),
        user: None,
        csrf: String::new(),
    };
    let title = lang.t("error-page-title");
    layout(
        &page,
        &title,
        html! {
            h1 { (title) }
            p { (lang.t(message_key)) }
            p { a href="/" { (lang.t("error-page-home")) } }
        },
    )
}
