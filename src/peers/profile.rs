//! What peer matching knows about a city: its facts and, from its assessment
//! history, what it meets now and since when. Pure.

use chrono::{Datelike, NaiveDateTime};

use crate::assessment::outcomes::Region;
use crate::standard::Level;

/// One city as matching sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub city_id: i32,
    pub slug: String,
    pub name: String,
    pub country: String,
    pub region: Region,
    /// The city's main language: `en`, `es`, `pt` or `fr`.
    pub language: String,
    pub population: i32,
    pub discoverable: bool,
    /// Whether it takes introduction requests from peer cities.
    pub accepts_introductions: bool,
    /// Whether it has submitted an assessment of the current standard.
    pub assessed: bool,
    /// Met criteria in catalog order (bit i = criterion i), from the latest assessment.
    pub mask: u64,
    pub level: Option<Level>,
    /// Per criterion, the year since which the city has met it without a break.
    pub met_since: Vec<Option<i32>>,
}

impl Profile {
    /// Whether this city may appear as a peer to `city_id`: discoverable,
    /// assessed, and not that city itself.
    pub fn can_appear_to(&self, city_id: i32) -> bool {
        self.discoverable && self.assessed && self.city_id != city_id
    }
}

/// One submitted assessment: when, and the met-criteria set.
#[derive(Debug, Clone, Copy)]
pub struct Point {
    pub at: NaiveDateTime,
    pub mask: u64,
}

/// The year each criterion has been met since: the earliest assessment of the
/// latest unbroken run of assessments that meet it. `history` is oldest first.
pub fn met_since(history: &[Point], criteria: usize) -> Vec<Option<i32>> {
    (0..criteria)
        .map(|i| {
            let bit = 1u64 << i;
            let mut since = None;
            for point in history {
                if point.mask & bit == 0 {
                    since = None;
                } else if since.is_none() {
                    since = Some(point.at.year());
                }
            }
            since
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(year: i32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(year, 6, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap()
    }

    #[test]
    fn a_criterion_lost_and_regained_counts_from_the_regain() {
        let history = [
            Point {
                at: at(2021),
                mask: 0b11,
            },
            Point {
                at: at(2022),
                mask: 0b10,
            },
            Point {
                at: at(2024),
                mask: 0b11,
            },
        ];
        assert_eq!(met_since(&history, 3), [Some(2024), Some(2021), None]);
    }
}
