//! The JSON form of an assessment: `{"standard", "answers": {"DM1": "met", …},
//! "outcomes": {…}, "priorities": ["DM"]}` read into a `RawAssessment`, keeping
//! every answer (duplicates included) and where it was.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use utoipa::ToSchema;

use super::intake::{RawAnswer, RawAssessment, RawOutcome};
use super::problems::Place;

/// A JSON object read as its pairs in order, repeated keys included.
#[derive(Debug, Default)]
pub struct Pairs(pub Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PairsVisitor;
        impl<'de> Visitor<'de> for PairsVisitor {
            type Value = Pairs;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of criterion codes to statuses")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry::<String, Value>()? {
                    pairs.push(pair);
                }
                Ok(Pairs(pairs))
            }
        }
        deserializer.deserialize_map(PairsVisitor)
    }
}

/// A self-assessment. Each answer is a status (`met`, `in_progress`,
/// `not_started`) or `{"status", "evidence", "evidence_url"}`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessmentBody {
    /// The standard's id; the current one (`wwc-2022`) when left out.
    #[serde(default)]
    pub standard: Option<String>,
    #[schema(value_type = Object, example = json!({"DM1": "met", "DM2": {"status": "in_progress", "evidence": "Inventory covers 60% of departments"}}))]
    pub answers: Pairs,
    #[serde(default)]
    pub outcomes: Option<OutcomesBody>,
    /// Practice areas the city puts first, by code (`DM`, `OD`…).
    #[serde(default)]
    pub priorities: Vec<String>,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomesBody {
    #[schema(value_type = Option<f64>)]
    pub broadband_pct: Option<Value>,
    #[schema(value_type = Option<f64>)]
    pub pm25_ugm3: Option<Value>,
    pub priority: Option<PriorityBody>,
}

/// The city's own outcome, aligned with a UN SDG. `direction`: `at_least`
/// (default: higher is better) or `at_most`.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PriorityBody {
    #[schema(value_type = Option<String>, example = "11")]
    pub sdg: Option<Value>,
    #[schema(value_type = Option<String>)]
    pub indicator: Option<Value>,
    #[schema(value_type = Option<f64>)]
    pub target: Option<Value>,
    #[schema(value_type = Option<f64>)]
    pub value: Option<Value>,
    #[schema(value_type = Option<String>)]
    pub direction: Option<Value>,
}

/// The text of a scalar; null is absent.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn answer(code: &str, value: &Value) -> RawAnswer {
    let place = Place::Json(format!("answers.{code}"));
    let field = |name: &str| value.get(name).and_then(text);
    match value {
        Value::Object(_) => RawAnswer {
            place,
            code: code.to_owned(),
            status: field("status").unwrap_or_default(),
            evidence: field("evidence"),
            evidence_url: field("evidence_url"),
        },
        other => RawAnswer {
            place,
            code: code.to_owned(),
            status: text(other).unwrap_or_default(),
            evidence: None,
            evidence_url: None,
        },
    }
}

impl AssessmentBody {
    pub fn into_raw(self) -> RawAssessment {
        let answers = self
            .answers
            .0
            .iter()
            .map(|(code, v)| answer(code, v))
            .collect();
        let outcomes = self.outcomes.unwrap_or_default();
        let priority = outcomes.priority.unwrap_or_default();
        let named = [
            (
                "broadband_pct",
                "outcomes.broadband_pct",
                &outcomes.broadband_pct,
            ),
            ("pm25_ugm3", "outcomes.pm25_ugm3", &outcomes.pm25_ugm3),
            ("priority_sdg", "outcomes.priority.sdg", &priority.sdg),
            (
                "priority_indicator",
                "outcomes.priority.indicator",
                &priority.indicator,
            ),
            (
                "priority_target",
                "outcomes.priority.target",
                &priority.target,
            ),
            ("priority_value", "outcomes.priority.value", &priority.value),
            (
                "priority_direction",
                "outcomes.priority.direction",
                &priority.direction,
            ),
        ];
        let outcomes = named
            .into_iter()
            .filter_map(|(name, path, value)| {
                let value = text(value.as_ref()?)?;
                Some(RawOutcome {
                    place: Place::Json(path.to_owned()),
                    name: name.to_owned(),
                    value,
                })
            })
            .collect();
        let priorities = self
            .priorities
            .into_iter()
            .enumerate()
            .map(|(i, code)| (Place::Json(format!("priorities[{i}]")), code))
            .collect();
        RawAssessment {
            standard: self.standard,
            answers,
            outcomes,
            priorities,
        }
    }
}
