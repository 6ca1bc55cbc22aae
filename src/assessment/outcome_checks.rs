//! Checking the outcome values an assessment reports: numbers in range, each
//! given once, and the city's own priority complete or absent. Pure.

use super::intake::RawOutcome;
use super::outcomes::{Direction, Outcomes, Priority};
use super::problems::{Place, Problem};

pub const INDICATOR_MAX_CHARS: usize = 200;
/// A PM2.5 annual mean above this is a typing error, not a city (µg/m³).
pub const PM25_MAX: f64 = 1000.0;

/// The outcome values by name; each name at most once.
struct OutcomeReader<'a> {
    raw: &'a [RawOutcome],
    problems: &'a mut Vec<Problem>,
}

impl OutcomeReader<'_> {
    fn text(&mut self, name: &str) -> Option<(Place, String)> {
        let mut found = self
            .raw
            .iter()
            .filter(|o| o.name == name && !o.value.trim().is_empty());
        let first = found.next()?;
        if let Some(again) = found.next() {
            self.problems.push(
                Problem::new(again.place.at("status"), "intake-outcome-duplicate")
                    .arg("name", name),
            );
        }
        Some((first.place.clone(), first.value.trim().to_owned()))
    }

    fn number(&mut self, name: &str, min: f64, max: f64) -> Option<f64> {
        let (place, text) = self.text(name)?;
        let place = place.at("status");
        match text.replace(',', ".").parse::<f64>() {
            Ok(n) if n.is_finite() && (min..=max).contains(&n) => Some(n),
            Ok(n) if n.is_finite() => {
                let problem = Problem::new(place, "intake-out-of-range")
                    .arg("name", name)
                    .arg("min", min)
                    .arg("max", max);
                self.problems.push(problem);
                None
            }
            _ => {
                self.problems.push(
                    Problem::new(place, "intake-not-a-number")
                        .arg("name", name)
                        .arg("value", &text),
                );
                None
            }
        }
    }
}

pub const OUTCOME_NAMES: [&str; 7] = [
    "broadband_pct",
    "pm25_ugm3",
    "priority_sdg",
    "priority_indicator",
    "priority_target",
    "priority_value",
    "priority_direction",
];

pub fn check_outcomes(raw: &[RawOutcome], problems: &mut Vec<Problem>) -> Outcomes {
    for unknown in raw
        .iter()
        .filter(|o| !OUTCOME_NAMES.contains(&o.name.as_str()))
    {
        problems.push(
            Problem::new(unknown.place.at("code"), "intake-unknown-outcome")
                .arg("name", &unknown.name),
        );
    }
    let mut reader = OutcomeReader { raw, problems };
    let broadband_pct = reader.number("broadband_pct", 0.0, 100.0);
    let pm25_ugm3 = reader.number("pm25_ugm3", 0.0, PM25_MAX);
    let priority = check_priority(&mut reader);
    Outcomes {
        broadband_pct,
        pm25_ugm3,
        priority,
    }
}

/// The city's own outcome: all of goal, indicator, target and value, or none.
fn check_priority(reader: &mut OutcomeReader) -> Option<Priority> {
    let given = reader
        .raw
        .iter()
        .any(|o| o.name.starts_with("priority_") && !o.value.trim().is_empty());
    if !given {
        return None;
    }
    let sdg = reader.number("priority_sdg", 1.0, 17.0);
    let indicator = reader
        .text("priority_indicator")
        .map(|(place, text)| (place.at("status"), text));
    let target = reader.number("priority_target", f64::MIN, f64::MAX);
    let value = reader.number("priority_value", f64::MIN, f64::MAX);
    let direction = match reader.text("priority_direction") {
        None => Some(Direction::AtLeast),
        Some((place, text)) => Direction::from_code(&text).or_else(|| {
            let place = place.at("status");
            reader
                .problems
                .push(Problem::new(place, "intake-bad-direction").arg("value", &text));
            None
        }),
    };
    if let Some((place, text)) = &indicator
        && text.chars().count() > INDICATOR_MAX_CHARS
    {
        reader.problems.push(
            Problem::new(place.clone(), "intake-indicator-long").arg("max", INDICATOR_MAX_CHARS),
        );
    }
    for (name, missing) in [
        ("priority_sdg", sdg.is_none()),
        ("priority_indicator", indicator.is_none()),
        ("priority_target", target.is_none()),
        ("priority_value", value.is_none()),
    ] {
        let absent = !reader
            .raw
            .iter()
            .any(|o| o.name == name && !o.value.trim().is_empty());
        if missing && absent {
            reader.problems.push(
                Problem::new(
                    Place::Outcome(name.to_owned()),
                    "intake-priority-incomplete",
                )
                .arg("name", name),
            );
        }
    }
    Some(Priority {
        sdg: sdg? as u8,
        indicator: indicator?.1,
        target: target?,
        value: value?,
        direction: direction?,
    })
}
