//! A city's shared draft seen as form fields: which fields the form has, what a
//! save changes (only what the person edited, so colleagues saving at once keep
//! each other's work), and the draft as a `RawAssessment` for the one validation.
//! Pure.

use std::collections::BTreeMap;

use super::Status;
use super::intake::{RawAnswer, RawAssessment, RawOutcome};
use super::outcome_checks::OUTCOME_NAMES;
use super::outcomes::Outcomes;
use super::problems::Place;
use crate::standard::Catalog;

/// Field name → value; a missing name reads as empty.
pub type Fields = BTreeMap<String, String>;

/// The field that lists the practice areas a city puts first, as space-separated codes.
pub const PRIORITY_AREAS: &str = "priority_areas";
/// The prefix of the hidden fields that carry what the person saw.
pub const WAS_PREFIX: &str = "was.";

pub fn evidence_name(code: &str) -> String {
    format!("{code}_evidence")
}

pub fn evidence_url_name(code: &str) -> String {
    format!("{code}_evidence_url")
}

/// Every field the form for `catalog` has: per criterion its status, evidence
/// and link; the outcomes; the priority areas.
pub fn field_names(catalog: &Catalog) -> Vec<String> {
    let mut names = Vec::with_capacity(catalog.criteria.len() * 3 + OUTCOME_NAMES.len() + 1);
    for criterion in &catalog.criteria {
        names.push(criterion.code.clone());
        names.push(evidence_name(&criterion.code));
        names.push(evidence_url_name(&criterion.code));
    }
    names.extend(OUTCOME_NAMES.iter().map(|n| (*n).to_owned()));
    names.push(PRIORITY_AREAS.to_owned());
    names
}

/// A value as the draft keeps it: browsers send CRLF in text areas, and spaces
/// around a value are never meant.
pub fn normalise(value: &str) -> String {
    value.replace("\r\n", "\n").trim().to_owned()
}

/// What a submitted assessment said, as form fields: where a new draft starts.
pub fn fields_of(
    answers: &[(String, Status, Option<String>, Option<String>)],
    outcomes: &Outcomes,
    priority_areas: &[String],
) -> Fields {
    let mut fields = Fields::new();
    for (code, status, evidence, url) in answers {
        fields.insert(code.clone(), status.code().to_owned());
        fields.insert(evidence_name(code), evidence.clone().unwrap_or_default());
        fields.insert(evidence_url_name(code), url.clone().unwrap_or_default());
    }
    let number = |n: Option<f64>| n.map(|n| n.to_string()).unwrap_or_default();
    fields.insert("broadband_pct".into(), number(outcomes.broadband_pct));
    fields.insert("pm25_ugm3".into(), number(outcomes.pm25_ugm3));
    if let Some(p) = &outcomes.priority {
        fields.insert("priority_sdg".into(), p.sdg.to_string());
        fields.insert("priority_indicator".into(), p.indicator.clone());
        fields.insert("priority_target".into(), p.target.to_string());
        fields.insert("priority_value".into(), p.value.to_string());
        fields.insert("priority_direction".into(), p.direction.code().to_owned());
    }
    fields.insert(PRIORITY_AREAS.into(), priority_areas.join(" "));
    fields.retain(|_, v| !v.is_empty());
    fields
}

/// A posted form read into the fields it edits (`now`) and the values the person
/// saw when the form was drawn (`was`). Names the form does not have are ignored;
/// repeated checkboxes join into one space-separated value.
pub fn read_posted(names: &[String], pairs: &[(String, String)]) -> (Fields, Fields) {
    let (mut now, mut was) = (Fields::new(), Fields::new());
    for (name, value) in pairs {
        let (target, name) = match name.strip_prefix(WAS_PREFIX) {
            Some(rest) => (&mut was, rest),
            None => (&mut now, name.as_str()),
        };
        if !names.iter().any(|n| n == name) {
            continue;
        }
        let value = normalise(value);
        match target.get_mut(name) {
            Some(joined) if name == PRIORITY_AREAS && !value.is_empty() => {
                joined.push(' ');
                joined.push_str(&value);
            }
            _ => {
                target.insert(name.to_owned(), value);
            }
        }
    }
    for set in [&mut now, &mut was] {
        if let Some(areas) = set.get_mut(PRIORITY_AREAS) {
            *areas = sorted_words(areas);
        }
    }
    (now, was)
}

fn sorted_words(text: &str) -> String {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    words.sort_unstable();
    words.dedup();
    words.join(" ")
}

fn value<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields.get(name).map_or("", String::as_str)
}

/// What one save does.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Edit {
    /// The fields the person changed, with their new values.
    pub changes: Vec<(String, String)>,
    /// Of those, the fields a colleague had changed to something else since the
    /// person's form was drawn: the person's value replaces theirs.
    pub overwritten: Vec<String>,
}

/// Compares what was posted with what the person saw and what the draft holds
/// now. A field the person left alone is never written, so a colleague's
/// change to it survives.
pub fn edit(names: &[String], now: &Fields, was: &Fields, current: &Fields) -> Edit {
    let mut edit = Edit::default();
    for name in names {
        let new = value(now, name);
        if new == value(was, name) {
            continue;
        }
        let stored = value(current, name);
        if stored != value(was, name) && stored != new {
            edit.overwritten.push(name.clone());
        }
        if stored != new {
            edit.changes.push((name.clone(), new.to_owned()));
        }
    }
    edit
}

/// The draft as an assessment to check: each value placed at its form field, so
/// every problem links to the field that holds it. An unanswered criterion is
/// left out, and so reported missing.
pub fn to_raw(catalog: &Catalog, fields: &Fields) -> RawAssessment {
    let optional = |name: String| {
        let text = value(fields, &name);
        (!text.is_empty()).then(|| text.to_owned())
    };
    let answers = catalog
        .criteria
        .iter()
        .filter(|c| !value(fields, &c.code).is_empty())
        .map(|c| RawAnswer {
            place: Place::Form(c.code.clone()),
            code: c.code.clone(),
            status: value(fields, &c.code).to_owned(),
            evidence: optional(evidence_name(&c.code)),
            evidence_url: optional(evidence_url_name(&c.code)),
        })
        .collect();
    let outcomes = OUTCOME_NAMES
        .iter()
        .filter(|name| !value(fields, name).is_empty())
        .map(|name| RawOutcome {
            place: Place::Form((*name).to_owned()),
            name: (*name).to_owned(),
            value: value(fields, name).to_owned(),
        })
        .collect();
    let priorities = value(fields, PRIORITY_AREAS)
        .split_whitespace()
        .map(|code| (Place::Form(PRIORITY_AREAS.to_owned()), code.to_owned()))
        .collect();
    RawAssessment {
        standard: Some(catalog.id.clone()),
        answers,
        outcomes,
        priorities,
    }
}

/// How many criteria the draft answers.
pub fn answered(catalog: &Catalog, fields: &Fields) -> usize {
    catalog
        .criteria
        .iter()
        .filter(|c| !value(fields, &c.code).is_empty())
        .count()
}

#[cfg(test)]
mod tests;
