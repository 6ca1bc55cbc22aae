//! The self-assessment form: the city's shared draft, criteria grouped by
//! practice area, outcomes, priorities, submit, and the CSV upload beside it.

use std::collections::HashMap;

use maud::{Markup, html};

use super::draft::{self, Fields, PRIORITY_AREAS, WAS_PREFIX};
use super::draft_db::DraftState;
use crate::accounts::cities::City;
use crate::i18n::Lang;
use crate::standard::{Area, Catalog, Criterion};
use crate::web::forms::error_list;
use crate::web::{PageContext, layout};

/// Everything the form page shows.
pub struct FormPage<'a> {
    pub city: &'a City,
    pub catalog: &'a Catalog,
    pub state: &'a DraftState,
    /// Problems from the last submit or upload: field id and message.
    pub problems: &'a [(String, String)],
    /// After a save: the fields whose colleague's value it replaced.
    pub saved: Option<Vec<String>>,
}

/// A field's value and the message of its first problem, if any.
struct Ctx<'a> {
    lang: Lang,
    fields: &'a Fields,
    errors: HashMap<&'a str, &'a str>,
}

impl Ctx<'_> {
    fn value(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", String::as_str)
    }

    fn error(&self, id: &str) -> Option<&str> {
        self.errors.get(id).copied()
    }
}

pub fn form_page(page: &PageContext, form: &FormPage) -> Markup {
    let lang = page.lang;
    let title = lang.t_args(
        "assessment-form-title",
        &[("city", form.city.name.as_str().into())],
    );
    let mut errors = HashMap::new();
    for (id, message) in form.problems {
        errors.entry(id.as_str()).or_insert(message.as_str());
    }
    let ctx = Ctx {
        lang,
        fields: &form.state.fields,
        errors,
    };
    let action = format!("/cities/{}/assessment", form.city.slug);
    let body = html! {
        h1 { (title) }
        (notice(lang, form.saved.as_deref()))
        (error_list(lang, form.problems))
        (draft_status(page, form))
        p { (lang.t("assessment-form-intro")) }
        (area_nav(lang, form.catalog))
        form method="post" action=(action) novalidate {
            input type="hidden" name="csrf" value=(page.csrf);
            @for area in &form.catalog.areas {
                (area_section(&ctx, form.catalog, area))
            }
            (outcomes_section(&ctx))
            (priorities_section(&ctx, form.catalog))
            h2 #submit { (lang.t("assessment-submit-heading")) }
            p.hint { (lang.t("assessment-submit-hint")) }
            div.inline-list {
                button type="submit" name="action" value="save" { (lang.t("assessment-save")) }
                button type="submit" name="action" value="submit" { (lang.t("assessment-submit")) }
            }
        }
        (upload_section(page, form.city))
    };
    layout(page, &title, body)
}

fn notice(lang: Lang, saved: Option<&[String]>) -> Markup {
    html! {
        @if let Some(overwritten) = saved {
            div.status role="status" {
                p { (lang.t("assessment-saved")) }
                @if !overwritten.is_empty() {
                    p { (lang.t_args("assessment-overwritten", &[("fields", overwritten.join(", ").into())])) }
                }
            }
        }
    }
}

fn draft_status(page: &PageContext, form: &FormPage) -> Markup {
    let lang = page.lang;
    let state = form.state;
    let zone = page.user.as_ref().map_or(chrono_tz::UTC, |u| u.zone());
    let answered = draft::answered(form.catalog, &state.fields);
    let total = form.catalog.criteria.len();
    html! {
        p.lead { (lang.t_args("assessment-answered", &[("answered", answered.into()), ("total", total.into())])) }
        @match (&state.saved, &state.base) {
            (Some((at, Some(name))), _) => p { (lang.t_args("assessment-draft-saved-by", &[("when", lang.date_time(*at, zone).into()), ("name", name.into())])) },
            (Some((at, None)), _) => p { (lang.t_args("assessment-draft-saved", &[("when", lang.date_time(*at, zone).into())])) },
            (None, Some(base)) => p { (lang.t_args("assessment-draft-from", &[("date", lang.date(base.submitted_at.date()).into())])) },
            (None, None) => p { (lang.t("assessment-draft-new")) },
        }
    }
}

fn area_nav(lang: Lang, catalog: &Catalog) -> Markup {
    html! {
        nav aria-labelledby="areas-nav-title" {
            h2 #areas-nav-title { (lang.t("assessment-areas-nav")) }
            ul.inline-list {
                @for area in &catalog.areas {
                    li { a href={ "#area-" (area.code) } { (area.name.get(lang)) } }
                }
                li { a href="#outcomes" { (lang.t("assessment-outcomes")) } }
                li { a href="#submit" { (lang.t("assessment-submit-heading")) } }
            }
        }
    }
}

fn area_section(ctx: &Ctx, catalog: &Catalog, area: &Area) -> Markup {
    let heading = format!("area-{}", area.code);
    html! {
        section aria-labelledby=(heading) {
            h2 id=(heading) { (area.code) " · " (area.name.get(ctx.lang)) }
            @for criterion in catalog.criteria_in(area) {
                (criterion_fields(ctx, criterion))
            }
            button type="submit" name="action" value={ "save:" (area.code) } { (ctx.lang.t("assessment-save")) }
        }
    }
}

fn criterion_fields(ctx: &Ctx, criterion: &Criterion) -> Markup {
    let lang = ctx.lang;
    let code = criterion.code.as_str();
    let status = ctx.value(code);
    let error = ctx.error(code);
    let error_id = format!("{code}-error");
    html! {
        fieldset.criterion aria-describedby=[error.map(|_| error_id.as_str())] {
            legend { span.code { (code) } " " (criterion.label.get(lang)) }
            details { summary { (lang.t("assessment-about")) } p { (criterion.description.get(lang)) } }
            @if let Some(e) = error { p.field-error id=(error_id) { (e) } }
            div.choices {
                @for (value, key) in [("met", "status-met"), ("in_progress", "status-in-progress"), ("not_started", "status-not-started")] {
                    @let id = if value == "met" { code.to_owned() } else { format!("{code}-{value}") };
                    div.check {
                        input type="radio" id=(id) name=(code) value=(value) checked[status == value];
                        label for=(id) { (lang.t(key)) }
                    }
                }
            }
            (was(code, status))
            (textarea(ctx, &draft::evidence_name(code), "assessment-evidence"))
            (text_input(ctx, &draft::evidence_url_name(code), "assessment-evidence-url", "url"))
        }
    }
}

fn was(name: &str, value: &str) -> Markup {
    html! { input type="hidden" name={ (WAS_PREFIX) (name) } value=(value); }
}

fn described(ctx: &Ctx, id: &str) -> (Option<String>, Markup) {
    let error = ctx.error(id);
    let error_id = error.map(|_| format!("{id}-error"));
    let markup = html! {
        @if let (Some(e), Some(eid)) = (error, &error_id) { p.field-error id=(eid) { (e) } }
    };
    (error_id, markup)
}

fn textarea(ctx: &Ctx, id: &str, label_key: &str) -> Markup {
    let (error_id, message) = described(ctx, id);
    html! {
        div.field {
            label for=(id) { (ctx.lang.t(label_key)) }
            (message)
            textarea id=(id) name=(id) rows="2" maxlength=(super::intake::EVIDENCE_MAX_CHARS)
                aria-invalid=[error_id.as_ref().map(|_| "true")]
                aria-describedby=[error_id.as_deref()] { (ctx.value(id)) }
            (was(id, ctx.value(id)))
        }
    }
}

/// A text input; `mode` (`text`, `decimal`, `url`) only picks the on-screen
/// keyboard: a draft may hold a value the server will reject, and the page must
/// stay valid HTML while it shows it.
fn text_input(ctx: &Ctx, id: &str, label_key: &str, mode: &str) -> Markup {
    let (error_id, message) = described(ctx, id);
    let inputmode = (mode != "text").then_some(mode);
    html! {
        div.field {
            label for=(id) { (ctx.lang.t(label_key)) }
            (message)
            input id=(id) name=(id) type="text" value=(ctx.value(id)) inputmode=[inputmode]
                aria-invalid=[error_id.as_ref().map(|_| "true")]
                aria-describedby=[error_id.as_deref()];
            (was(id, ctx.value(id)))
        }
    }
}

fn outcomes_section(ctx: &Ctx) -> Markup {
    let lang = ctx.lang;
    html! {
        section aria-labelledby="outcomes" {
            h2 #outcomes { (lang.t("assessment-outcomes")) }
            p.hint { (lang.t("assessment-outcomes-hint")) }
            (text_input(ctx, "broadband_pct", "assessment-broadband", "decimal"))
            (text_input(ctx, "pm25_ugm3", "assessment-pm25", "decimal"))
            fieldset {
                legend { (lang.t("assessment-priority")) }
                p.hint { (lang.t("assessment-priority-hint")) }
                (text_input(ctx, "priority_sdg", "assessment-priority-sdg", "decimal"))
                (text_input(ctx, "priority_indicator", "assessment-priority-indicator", "text"))
                (text_input(ctx, "priority_target", "assessment-priority-target", "decimal"))
                (text_input(ctx, "priority_value", "assessment-priority-value", "decimal"))
                (direction_select(ctx))
            }
            button type="submit" name="action" value="save:outcomes" { (lang.t("assessment-save")) }
        }
    }
}

fn direction_select(ctx: &Ctx) -> Markup {
    let id = "priority_direction";
    let current = ctx.value(id);
    let (error_id, message) = described(ctx, id);
    html! {
        div.field {
            label for=(id) { (ctx.lang.t("assessment-priority-direction")) }
            (message)
            select id=(id) name=(id) aria-describedby=[error_id.as_deref()] {
                option value="at_least" selected[current != "at_most"] { (ctx.lang.t("direction-at-least")) }
                option value="at_most" selected[current == "at_most"] { (ctx.lang.t("direction-at-most")) }
            }
            (was(id, current))
        }
    }
}

fn priorities_section(ctx: &Ctx, catalog: &Catalog) -> Markup {
    let lang = ctx.lang;
    let chosen: Vec<&str> = ctx.value(PRIORITY_AREAS).split_whitespace().collect();
    let (error_id, message) = described(ctx, PRIORITY_AREAS);
    html! {
        fieldset aria-describedby=[error_id.as_deref()] {
            legend { (lang.t("assessment-priorities")) }
            p.hint { (lang.t("assessment-priorities-hint")) }
            (message)
            @for (i, area) in catalog.areas.iter().enumerate() {
                @let id = if i == 0 { PRIORITY_AREAS.to_owned() } else { format!("{PRIORITY_AREAS}-{}", area.code) };
                div.check {
                    input type="checkbox" id=(id) name=(PRIORITY_AREAS) value=(area.code) checked[chosen.contains(&area.code.as_str())];
                    label for=(id) { (area.name.get(lang)) }
                }
            }
            (was(PRIORITY_AREAS, ctx.value(PRIORITY_AREAS)))
        }
    }
}

fn upload_section(page: &PageContext, city: &City) -> Markup {
    let lang = page.lang;
    let action = format!("/cities/{}/assessment/upload", city.slug);
    html! {
        section aria-labelledby="upload" {
            h2 #upload { (lang.t("assessment-upload-heading")) }
            p.hint { (lang.t("assessment-upload-hint")) }
            form method="post" action=(action) enctype="multipart/form-data" {
                input type="hidden" name="csrf" value=(page.csrf);
                div.field {
                    label for="csv" { (lang.t("assessment-upload-file")) }
                    input #csv type="file" name="file" accept=".csv,text/csv" required;
                }
                button type="submit" { (lang.t("assessment-upload")) }
            }
        }
    }
}
