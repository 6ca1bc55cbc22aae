//! Where a city stands beside the ordered steps: whether it may apply for
//! certification, its equity criteria, and how each practice area compares
//! with the median of discoverable peer cities. Pure.

use serde::Serialize;
use utoipa::ToSchema;

use crate::assessment::Status;
use crate::standard::Catalog;

/// The program's minimum population.
pub const MIN_POPULATION: i32 = 30_000;

/// The criteria on disaggregated data, resident voice and vendor diversity.
pub const EQUITY_CRITERIA: [&str; 5] = ["DM7", "DM8", "OD4", "RDC5", "RDC8"];

/// The United States, Canada, Mexico, Central and South America (ISO 3166-1).
const ELIGIBLE_COUNTRIES: [&str; 22] = [
    "US", "CA", "MX", "BZ", "CR", "SV", "GT", "HN", "NI", "PA", "AR", "BO", "BR", "CL", "CO", "EC",
    "GY", "PY", "PE", "SR", "UY", "VE",
];

/// May the city apply, and if not, why (message keys).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Eligibility {
    pub eligible: bool,
    /// `population` or `country`.
    pub reasons: Vec<&'static str>,
}

pub fn eligibility(country: &str, population: i32) -> Eligibility {
    let mut reasons = Vec::new();
    if population < MIN_POPULATION {
        reasons.push("population");
    }
    if !ELIGIBLE_COUNTRIES.contains(&country) {
        reasons.push("country");
    }
    Eligibility {
        eligible: reasons.is_empty(),
        reasons,
    }
}

/// One criterion of the equity view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct EquityCriterion {
    pub code: &'static str,
    pub status: Status,
}

pub fn equity(catalog: &Catalog, statuses: &[Status]) -> Vec<EquityCriterion> {
    EQUITY_CRITERIA
        .iter()
        .filter_map(|code| {
            let index = catalog.index_of(code)?;
            Some(EquityCriterion {
                code,
                status: statuses.get(index).copied().unwrap_or(Status::NotStarted),
            })
        })
        .collect()
}

/// A practice area beside its peers.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AreaComparison {
    pub area: String,
    pub percent: f64,
    /// The median share among discoverable peers; null when there are none.
    pub peer_median: Option<f64>,
}

/// The bit mask of one area's criteria.
fn area_mask(catalog: &Catalog, area: &str) -> u64 {
    catalog
        .criteria
        .iter()
        .enumerate()
        .filter(|(_, c)| c.area == area)
        .fold(0, |mask, (i, _)| mask | 1 << i)
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    let value = if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    };
    Some((value * 10.0).round() / 10.0)
}

/// Each area's share for the city (`mask`) and the peers' median share.
pub fn compare_areas(catalog: &Catalog, mask: u64, peers: &[u64]) -> Vec<AreaComparison> {
    catalog
        .areas
        .iter()
        .map(|area| {
            let bits = area_mask(catalog, &area.code);
            let total = bits.count_ones() as usize;
            let share = |m: u64| super::score::percent((m & bits).count_ones() as usize, total);
            AreaComparison {
                area: area.code.clone(),
                percent: share(mask),
                peer_median: median(peers.iter().map(|p| share(*p)).collect()),
            }
        })
        .collect()
}

/// Criteria the city meets that fewer than half its peers do (with 3+ peers).
pub fn leading_criteria(catalog: &Catalog, mask: u64, peers: &[u64]) -> Vec<String> {
    if peers.len() < 3 {
        return Vec::new();
    }
    catalog
        .criteria
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .filter(|(i, _)| peers.iter().filter(|p| *p & (1 << i) != 0).count() * 2 < peers.len())
        .map(|(_, c)| c.code.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::standard::test_catalog;

    #[test]
    fn eligibility_needs_30000_residents_in_the_americas() {
        assert!(eligibility("BR", 30_000).eligible);
        assert_eq!(eligibility("US", 29_999).reasons, vec!["population"]);
        assert_eq!(eligibility("FR", 2_000_000).reasons, vec!["country"]);
    }

    #[test]
    fn areas_compare_with_the_peers_median() {
        let catalog = test_catalog();
        // DM is the first area, criteria 0..9.
        let city = 0b1_1111_1111;
        let peers = [0b1, 0b11, 0b111];
        let areas = compare_areas(&catalog, city, &peers);
        assert_eq!(areas[0].area, "DM");
        assert_eq!(areas[0].percent, 100.0);
        assert_eq!(areas[0].peer_median, Some(22.2));
        assert_eq!(compare_areas(&catalog, city, &[])[0].peer_median, None);
        // DM1 is met by all three peers; DM4..DM9 by none of them.
        let leading = leading_criteria(&catalog, city, &peers);
        assert_eq!(leading.first().map(String::as_str), Some("DM3"));
        assert!(!leading.contains(&"DM1".to_owned()));
    }
}
