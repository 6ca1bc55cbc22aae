//! What a person wants by mail — the weekly digest (on or off, its day and
//! local hour) and immediate notices — with the defaults for those who never
//! chose, and a change read from JSON with every bad field named.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::accounts::users::parse_time_zone;
use crate::i18n::Lang;

/// A day of the week as the API spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Weekday::Mon => "mon",
            Weekday::Tue => "tue",
            Weekday::Wed => "wed",
            Weekday::Thu => "thu",
            Weekday::Fri => "fri",
            Weekday::Sat => "sat",
            Weekday::Sun => "sun",
        }
    }

    /// "mon" … "sun", in any case.
    pub fn parse(text: &str) -> Option<Weekday> {
        let text = text.trim().to_ascii_lowercase();
        Weekday::ALL.into_iter().find(|d| d.code() == text)
    }

    pub fn to_chrono(self) -> chrono::Weekday {
        match self {
            Weekday::Mon => chrono::Weekday::Mon,
            Weekday::Tue => chrono::Weekday::Tue,
            Weekday::Wed => chrono::Weekday::Wed,
            Weekday::Thu => chrono::Weekday::Thu,
            Weekday::Fri => chrono::Weekday::Fri,
            Weekday::Sat => chrono::Weekday::Sat,
            Weekday::Sun => chrono::Weekday::Sun,
        }
    }
}

/// The mail settings kept per person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MailPreferences {
    pub digest: bool,
    pub digest_day: Weekday,
    /// 0–23, in the person's own time zone.
    pub digest_hour: u8,
    pub notify_immediately: bool,
}

impl Default for MailPreferences {
    /// Invited people get the digest on Monday morning unless they say otherwise.
    fn default() -> Self {
        MailPreferences {
            digest: true,
            digest_day: Weekday::Mon,
            digest_hour: 8,
            notify_immediately: true,
        }
    }
}

/// A change to one's preferences; an absent field stays as it is.
// Deserialize and deny_unknown_fields tell the schema what `parse` accepts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PreferenceChanges {
    /// Whether the weekly digest is sent.
    pub digest: Option<bool>,
    /// `mon` … `sun`.
    pub digest_day: Option<Weekday>,
    /// 0–23, local time.
    #[schema(minimum = 0, maximum = 23)]
    pub digest_hour: Option<u8>,
    /// An IANA time zone such as `America/Sao_Paulo`.
    pub time_zone: Option<String>,
    /// `en`, `es`, `pt` or `fr`.
    pub language: Option<Lang>,
    /// Mail at once (at most one every 15 minutes) for replies, mentions and accepted answers.
    pub notify_immediately: Option<bool>,
}

/// What is wrong with one field: its name, and whether the value is of the
/// wrong kind (a malformed request) or just not allowed (a refused one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub key: &'static str,
    pub malformed: bool,
}

impl PreferenceChanges {
    /// Reads a JSON object, naming every unknown or bad field, not only the first.
    pub fn parse(body: &Value) -> Result<PreferenceChanges, Vec<Problem>> {
        let Some(fields) = body.as_object() else {
            return Err(vec![problem("body", "error-value-type", true)]);
        };
        let mut changes = PreferenceChanges::default();
        let mut problems = Vec::new();
        for (name, value) in fields {
            if let Err(p) = changes.set(name, value) {
                problems.push(p);
            }
        }
        if problems.is_empty() {
            Ok(changes)
        } else {
            Err(problems)
        }
    }

    fn set(&mut self, name: &str, value: &Value) -> Result<(), Problem> {
        let wrong = |key| problem(name, key, false);
        let mistyped = || problem(name, "error-value-type", true);
        match name {
            "digest" => self.digest = Some(value.as_bool().ok_or_else(mistyped)?),
            "notify_immediately" => {
                self.notify_immediately = Some(value.as_bool().ok_or_else(mistyped)?);
            }
            "digest_day" => {
                let text = value.as_str().ok_or_else(mistyped)?;
                self.digest_day =
                    Some(Weekday::parse(text).ok_or_else(|| wrong("error-digest-day"))?);
            }
            "digest_hour" => {
                // A negative whole number is an hour out of range; anything
                // that is not a whole number is the wrong type.
                let hour = match (value.as_u64(), value.as_i64()) {
                    (Some(hour), _) => u8::try_from(hour).ok().filter(|h| *h < 24),
                    (None, Some(_negative)) => None,
                    (None, None) => return Err(mistyped()),
                };
                self.digest_hour = Some(hour.ok_or_else(|| wrong("error-digest-hour"))?);
            }
            "time_zone" => {
                let text = value.as_str().ok_or_else(mistyped)?;
                self.time_zone = Some(parse_time_zone(text).map_err(wrong)?);
            }
            "language" => {
                let text = value.as_str().ok_or_else(mistyped)?;
                self.language = Some(Lang::from_tag(text).ok_or_else(|| wrong("error-language"))?);
            }
            _ => return Err(problem(name, "error-field-unknown", true)),
        }
        Ok(())
    }

    /// `current` with these changes made.
    pub fn apply_to(&self, current: MailPreferences) -> MailPreferences {
        MailPreferences {
            digest: self.digest.unwrap_or(current.digest),
            digest_day: self.digest_day.unwrap_or(current.digest_day),
            digest_hour: self.digest_hour.unwrap_or(current.digest_hour),
            notify_immediately: self
                .notify_immediately
                .unwrap_or(current.notify_immediately),
        }
    }
}

fn problem(field: &str, key: &'static str, malformed: bool) -> Problem {
    Problem {
        field: field.to_owned(),
        key,
        malformed,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::json;

    use super::*;

    #[test]
    fn a_full_change_is_read_and_applied() {
        let body = json!({"digest": false, "digest_day": "Thu", "digest_hour": 17,
            "time_zone": "America/Sao_Paulo", "language": "pt", "notify_immediately": false});
        let changes = PreferenceChanges::parse(&body).expect("valid");
        assert_eq!(changes.time_zone.as_deref(), Some("America/Sao_Paulo"));
        assert_eq!(changes.language, Some(Lang::Pt));
        let after = changes.apply_to(MailPreferences::default());
        assert_eq!(
            after,
            MailPreferences {
                digest: false,
                digest_day: Weekday::Thu,
                digest_hour: 17,
                notify_immediately: false
            }
        );
    }

    #[test]
    fn absent_fields_stay_as_they_were() {
        let changes = PreferenceChanges::parse(&json!({"digest_hour": 0})).expect("valid");
        let before = MailPreferences {
            digest_day: Weekday::Sun,
            ..MailPreferences::default()
        };
        assert_eq!(
            changes.apply_to(before),
            MailPreferences {
                digest_hour: 0,
                ..before
            }
        );
    }

    #[test]
    fn every_bad_field_is_named() {
        let body = json!({"digest": "yes", "digest_day": "someday", "digest_hour": 24,
            "time_zone": "Mars/Olympus", "language": "de", "colour": "blue"});
        let mut problems = PreferenceChanges::parse(&body).expect_err("invalid");
        problems.sort_by(|a, b| a.field.cmp(&b.field));
        let named: Vec<(&str, &str, bool)> = problems
            .iter()
            .map(|p| (p.field.as_str(), p.key, p.malformed))
            .collect();
        assert_eq!(
            named,
            [
                ("colour", "error-field-unknown", true),
                ("digest", "error-value-type", true),
                ("digest_day", "error-digest-day", false),
                ("digest_hour", "error-digest-hour", false),
                ("language", "error-language", false),
                ("time_zone", "error-time-zone-invalid", false),
            ]
        );
        assert_eq!(
            PreferenceChanges::parse(&json!([1])).expect_err("not an object")[0].field,
            "body"
        );
        let negative = PreferenceChanges::parse(&json!({"digest_hour": -1})).expect_err("negative");
        assert_eq!(negative[0].key, "error-digest-hour");
    }

    proptest! {
        /// Any JSON value in any field is either accepted or named, never a panic.
        #[test]
        fn any_value_is_accepted_or_named(
            field in "(digest|digest_day|digest_hour|time_zone|language|notify_immediately|[a-z]{1,8})",
            number in any::<f64>(),
            text in ".{0,20}",
            pick in 0u8..4,
        ) {
            let value = match pick {
                0 => json!(number),
                1 => json!(text),
                2 => json!(pick == 2),
                _ => Value::Null,
            };
            let body = json!({ field.clone(): value });
            match PreferenceChanges::parse(&body) {
                Ok(_) => {}
                Err(problems) => prop_assert!(problems.iter().all(|p| p.field == field)),
            }
        }
    }
}
