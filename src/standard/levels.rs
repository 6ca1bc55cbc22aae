//! Certification levels and the arithmetic that maps criteria met to a level.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Silver,
    Gold,
    Platinum,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Silver, Level::Gold, Level::Platinum];

    pub fn code(self) -> &'static str {
        match self {
            Level::Silver => "silver",
            Level::Gold => "gold",
            Level::Platinum => "platinum",
        }
    }

    pub fn from_code(code: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// Minimum percentage of criteria met for each level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    pub silver: u8,
    pub gold: u8,
    pub platinum: u8,
}

impl Thresholds {
    pub fn percent(&self, level: Level) -> u8 {
        match level {
            Level::Silver => self.silver,
            Level::Gold => self.gold,
            Level::Platinum => self.platinum,
        }
    }

    /// The fewest criteria met that reach `level`. Integer arithmetic, because
    /// 29/43 = 67.44% must stay Silver and 36/43 = 83.72% must stay Gold.
    pub fn min_met(&self, level: Level, total: usize) -> usize {
        (usize::from(self.percent(level)) * total).div_ceil(100)
    }

    pub fn level_for(&self, met: usize, total: usize) -> Option<Level> {
        Level::ALL
            .into_iter()
            .rev()
            .find(|level| met * 100 >= usize::from(self.percent(*level)) * total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const WWC_2022: Thresholds = Thresholds {
        silver: 51,
        gold: 68,
        platinum: 85,
    };

    #[test]
    fn the_2022_bands_fall_where_the_standard_says() {
        let level = |met| WWC_2022.level_for(met, 43);
        assert_eq!(level(0), None);
        assert_eq!(level(21), None);
        assert_eq!(level(22), Some(Level::Silver));
        assert_eq!(level(29), Some(Level::Silver));
        assert_eq!(level(30), Some(Level::Gold));
        assert_eq!(level(36), Some(Level::Gold));
        assert_eq!(level(37), Some(Level::Platinum));
        assert_eq!(level(43), Some(Level::Platinum));
    }

    #[test]
    fn minimum_counts_for_43_criteria_are_22_30_37() {
        assert_eq!(WWC_2022.min_met(Level::Silver, 43), 22);
        assert_eq!(WWC_2022.min_met(Level::Gold, 43), 30);
        assert_eq!(WWC_2022.min_met(Level::Platinum, 43), 37);
    }

    proptest! {
        #[test]
        fn a_level_is_reached_exactly_from_its_minimum(total in 1usize..64, met in 0usize..64) {
            let met = met.min(total);
            for level in Level::ALL {
                let reached = WWC_2022.level_for(met, total).is_some_and(|l| l >= level);
                prop_assert_eq!(reached, met >= WWC_2022.min_met(level, total));
            }
        }

        #[test]
        fn meeting_more_never_lowers_the_level(total in 1usize..64, met in 0usize..63) {
            let met = met.min(total - 1);
            prop_assert!(WWC_2022.level_for(met, total) <= WWC_2022.level_for(met + 1, total));
        }
    }
}
