//! A digest as a message in the reader's language: the subject naming the
//! week, a plain-text part and an HTML part with inline styles, built from
//! the same lines so the two never say different things. Pure.

use maud::{Markup, html};

use super::compose::{Digest, Happened, Item, PeerNews, RoadmapNews, Section};
use crate::email::Outgoing;
use crate::i18n::{Arg, Lang};
use crate::standard::Catalog;

/// Where a digest's links point, already absolute.
pub struct Links<'a> {
    /// `https://peerhall.example.org` with no trailing slash.
    pub site: &'a str,
    pub unsubscribe: &'a str,
}

impl Links<'_> {
    fn to(&self, path: &str) -> String {
        format!("{}{path}", self.site)
    }
}

/// One line of a section: a link, and what happened there.
struct Line {
    text: String,
    href: String,
    note: String,
}

/// The message for `to` (address and language) from `digest`.
pub fn message(to: (&str, Lang), digest: &Digest, catalog: &Catalog, links: &Links) -> Outgoing {
    let (address, lang) = to;
    let date = digest
        .week
        .monday()
        .map(|d| lang.date(d))
        .unwrap_or_default();
    let subject = lang.t_args("digest-subject", &[("date", date.into())]);
    let sections = sections(lang, digest, catalog, links);
    let footer = [
        (lang.t("digest-preferences"), links.to("/profile")),
        (lang.t("digest-unsubscribe"), links.unsubscribe.to_owned()),
    ];
    Outgoing {
        to: address.to_owned(),
        lang,
        text: text(&subject, &sections, (&lang.t("digest-why"), &footer)),
        html: markup(&subject, &sections, (&lang.t("digest-why"), &footer)),
        subject,
    }
}

type Sections = Vec<(String, Option<String>, Vec<Line>)>;

fn sections(lang: Lang, digest: &Digest, catalog: &Catalog, links: &Links) -> Sections {
    let mut out: Sections = Vec::new();
    let mut threads = |key: &str, intro: Option<String>, section: &Section| {
        if !section.is_empty() {
            out.push((lang.t(key), intro, thread_lines(lang, section, links)));
        }
    };
    threads("digest-watched", None, &digest.watched);
    threads("digest-answers", None, &digest.answers);
    let city = digest
        .roadmap
        .as_ref()
        .map(|r| r.city_name.clone())
        .unwrap_or_default();
    let why = lang.t_args("digest-could-answer-why", &[("city", city.into())]);
    threads("digest-could-answer", Some(why), &digest.could_answer);
    if let Some(news) = &digest.roadmap {
        let title = lang.t_args(
            "digest-roadmap",
            &[("city", news.city_name.as_str().into())],
        );
        out.push((title, None, roadmap_lines(lang, news, catalog, links)));
    }
    if !digest.peers.is_empty() {
        // Cities have no public page: the reader's own peers page shows them, compared.
        let href = match &digest.roadmap {
            Some(news) => links.to(&format!("/cities/{}/peers", news.city_slug)),
            None => links.to("/"),
        };
        let lines = digest
            .peers
            .iter()
            .map(|p| peer_line(lang, p, catalog, &href))
            .collect();
        out.push((lang.t("digest-peers"), None, lines));
    }
    out
}

fn thread_lines(lang: Lang, section: &Section, links: &Links) -> Vec<Line> {
    let mut lines: Vec<Line> = section
        .items
        .iter()
        .map(|item| Line {
            text: item.thread.title.clone(),
            href: links.to(&format!("/forum/threads/{}", item.thread.id)),
            note: note(lang, item),
        })
        .collect();
    if section.more > 0 {
        let more = lang.t_args("digest-more", &[("count", Arg::Num(section.more as f64))]);
        lines.push(Line {
            text: more,
            href: links.to("/forum"),
            note: String::new(),
        });
    }
    lines
}

/// "2 new replies · 5 votes · you were mentioned".
fn note(lang: Lang, item: &Item) -> String {
    let Happened {
        new_thread,
        replies,
        mentioned,
        accepted,
    } = item.happened;
    let count = |key: &str, n: f64| lang.t_args(key, &[("count", Arg::Num(n))]);
    let mut parts = Vec::new();
    if new_thread {
        parts.push(lang.t("digest-new-thread"));
    }
    if replies > 0 {
        parts.push(count("digest-replies", f64::from(replies)));
    }
    if item.thread.votes > 0 {
        parts.push(count("digest-votes", f64::from(item.thread.votes)));
    }
    if mentioned {
        parts.push(lang.t("digest-mentioned"));
    }
    if accepted {
        parts.push(lang.t("digest-accepted"));
    }
    if item.thread.solved {
        parts.push(lang.t("digest-solved"));
    }
    parts.join(" · ")
}

fn roadmap_lines(lang: Lang, news: &RoadmapNews, catalog: &Catalog, links: &Links) -> Vec<Line> {
    let href = links.to(&format!("/cities/{}/roadmap", news.city_slug));
    let level = match news.level {
        Some(l) => lang.t_args(
            "digest-level",
            &[("level", catalog.level_name(l).get(lang).into())],
        ),
        None => lang.t("digest-level-none"),
    };
    let mut notes = Vec::new();
    if let Some(next) = news.next {
        let name: Arg = catalog.level_name(next.level).get(lang).into();
        let args = [("count", Arg::Num(next.needed as f64)), ("level", name)];
        notes.push(lang.t_args("digest-next-level", &args));
    }
    let codes = |codes: &[String]| codes.join(", ");
    if !news.gained.is_empty() {
        notes.push(lang.t_args("digest-gained", &[("criteria", codes(&news.gained).into())]));
    }
    if !news.lost.is_empty() {
        notes.push(lang.t_args("digest-lost", &[("criteria", codes(&news.lost).into())]));
    }
    let mut lines = vec![Line {
        text: level,
        href: href.clone(),
        note: notes.join(" · "),
    }];
    if let Some(step) = &news.next_step {
        let title = catalog
            .criterion_title(step, lang)
            .unwrap_or_else(|| lang.t("roadmap-outcome-step"));
        let text = lang.t_args("digest-next-step", &[("step", title.into())]);
        lines.push(Line {
            text,
            href,
            note: String::new(),
        });
    }
    lines
}

fn peer_line(lang: Lang, peer: &PeerNews, catalog: &Catalog, href: &str) -> Line {
    let level: Arg = catalog.level_name(peer.to).get(lang).into();
    Line {
        text: lang.t_args(
            "digest-peer-up",
            &[("city", peer.name.as_str().into()), ("level", level)],
        ),
        href: href.to_owned(),
        note: String::new(),
    }
}

fn text(subject: &str, sections: &Sections, (why, footer): (&str, &[(String, String)])) -> String {
    let mut out = format!("{subject}\n{}\n", "=".repeat(subject.chars().count()));
    for (title, intro, lines) in sections {
        out.push_str(&format!(
            "\n{title}\n{}\n",
            "-".repeat(title.chars().count())
        ));
        if let Some(intro) = intro {
            out.push_str(&format!("{intro}\n"));
        }
        for line in lines {
            out.push_str(&format!("\n* {}\n  {}\n", line.text, line.href));
            if !line.note.is_empty() {
                out.push_str(&format!("  {}\n", line.note));
            }
        }
    }
    out.push_str(&format!("\n--\n{why}\n"));
    for (label, href) in footer {
        out.push_str(&format!("{label}: {href}\n"));
    }
    out
}

const LINK: &str = "color:#0b57d0; font-weight:bold";
const MUTED: &str = "color:#4a5360";

fn markup(
    subject: &str,
    sections: &Sections,
    (why, footer): (&str, &[(String, String)]),
) -> Markup {
    html! {
        main style="max-width:40rem; margin:0 auto; padding:1rem" {
            h1 style="font-size:1.5rem; margin:0 0 1rem" { (subject) }
            (section_list(sections, true))
            footer style="margin-top:2rem; border-top:1px solid #c9ced6; padding-top:1rem" {
                p style=(MUTED) { (why) }
                ul style="padding-left:1.2rem" {
                    @for (label, href) in footer { li { a href=(href) style=(LINK) { (label) } } }
                }
            }
        }
    }
}

/// The sections as headed lists; `styled` inlines the styles mail clients need
/// (pages have a stylesheet, and their CSP refuses inline styles).
fn section_list(sections: &Sections, styled: bool) -> Markup {
    let style = |css: &'static str| styled.then_some(css);
    html! {
        @for (title, intro, lines) in sections {
            section {
                h2 style=[style("font-size:1.2rem; margin:1.5rem 0 0.5rem; border-bottom:1px solid #c9ced6")] { (title) }
                @if let Some(intro) = intro { p style=[style(MUTED)] { (intro) } }
                ul style=[style("padding-left:1.2rem")] {
                    @for line in lines {
                        li style=[style("margin:0 0 0.75rem")] {
                            a href=(line.href) style=[style(LINK)] { (line.text) }
                            @if !line.note.is_empty() { br; span style=[style(MUTED)] { (line.note) } }
                        }
                    }
                }
            }
        }
    }
}

/// The digest's sections for a page (the preview): no inline styles, links
/// relative to the site.
pub fn preview(lang: Lang, digest: &Digest, catalog: &Catalog) -> Markup {
    let links = Links {
        site: "",
        unsubscribe: "",
    };
    section_list(&sections(lang, digest, catalog, &links), false)
}
