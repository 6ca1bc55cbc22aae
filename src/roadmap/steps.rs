//! The order of next steps, as one pure function. The rule, greedily, one step at
//! a time:
//!
//! 1. criteria already in progress before those not started;
//! 2. then a step that finishes its practice area (the last gap left there);
//! 3. then steps in the areas the city marked as priorities;
//! 4. then areas closer to complete, then catalog order;
//! 5. but no area is starved: an area with gaps that has waited `MAX_WAIT` steps
//!    goes next (the longest-waiting first).
//!
//! The first steps are therefore the stop-gaps to the next level; the roadmap
//! labels each step with the level it counts toward, then the rest follow.

use serde::Serialize;
use utoipa::ToSchema;

/// The most steps an area with gaps waits before it gets one.
pub const MAX_WAIT: usize = 8;

/// One criterion not met yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    /// The criterion's position in the catalog.
    pub criterion: usize,
    /// Its practice area's position in the catalog.
    pub area: usize,
    pub in_progress: bool,
}

/// Why a step comes where it does, in order of precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Why {
    /// The area had waited long enough.
    Balance,
    InProgress,
    FinishesArea,
    PriorityArea,
    /// The next gap in the area closest to complete.
    ClosestArea,
}

/// A gap in its place, with the reason it is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ordered {
    pub gap: Gap,
    pub why: Why,
}

/// Smaller is sooner.
fn key(gap: &Gap, remaining: &[usize], priority: &[bool]) -> (bool, bool, bool, usize, usize) {
    (
        !gap.in_progress,
        remaining[gap.area] != 1,
        !priority.get(gap.area).copied().unwrap_or(false),
        remaining[gap.area],
        gap.criterion,
    )
}

fn why(gap: &Gap, remaining: &[usize], priority: &[bool]) -> Why {
    if gap.in_progress {
        Why::InProgress
    } else if remaining[gap.area] == 1 {
        Why::FinishesArea
    } else if priority.get(gap.area).copied().unwrap_or(false) {
        Why::PriorityArea
    } else {
        Why::ClosestArea
    }
}

/// Orders `gaps` (areas numbered below `areas`; `priority[a]` marks a priority area).
pub fn order(gaps: &[Gap], areas: usize, priority: &[bool]) -> Vec<Ordered> {
    let mut left: Vec<Gap> = gaps.to_vec();
    let mut remaining = vec![0usize; areas];
    for gap in gaps {
        remaining[gap.area] += 1;
    }
    let mut waited = vec![0usize; areas];
    let mut out = Vec::with_capacity(gaps.len());
    while !left.is_empty() {
        let starving = (0..areas)
            .filter(|a| remaining[*a] > 0 && waited[*a] >= MAX_WAIT)
            .max_by_key(|a| (waited[*a], std::cmp::Reverse(*a)));
        let best = |candidates: &mut dyn Iterator<Item = (usize, &Gap)>| {
            candidates
                .min_by_key(|(_, g)| key(g, &remaining, priority))
                .map(|(i, _)| i)
        };
        let pick = match starving {
            Some(area) => best(&mut left.iter().enumerate().filter(|(_, g)| g.area == area)),
            None => best(&mut left.iter().enumerate()),
        };
        let Some(pick) = pick else { break };
        let gap = left.remove(pick);
        let reason = match starving {
            Some(_) => Why::Balance,
            None => why(&gap, &remaining, priority),
        };
        out.push(Ordered { gap, why: reason });
        remaining[gap.area] -= 1;
        for (area, wait) in waited.iter_mut().enumerate() {
            *wait = if area == gap.area { 0 } else { *wait + 1 };
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn gap(criterion: usize, area: usize, in_progress: bool) -> Gap {
        Gap {
            criterion,
            area,
            in_progress,
        }
    }

    fn codes(ordered: &[Ordered]) -> Vec<usize> {
        ordered.iter().map(|o| o.gap.criterion).collect()
    }

    #[test]
    fn in_progress_comes_first_then_finishing_an_area_then_priorities() {
        let gaps = [
            gap(0, 0, false),
            gap(1, 0, false),
            gap(2, 1, false),
            gap(3, 2, true),
            gap(4, 3, false),
            gap(5, 3, false),
        ];
        let ordered = order(&gaps, 4, &[false, false, false, true]);
        assert_eq!(codes(&ordered), vec![3, 2, 4, 5, 0, 1]);
        let whys: Vec<Why> = ordered.iter().map(|o| o.why).collect();
        assert_eq!(
            whys,
            vec![
                Why::InProgress,
                Why::FinishesArea,
                Why::PriorityArea,
                Why::FinishesArea,
                Why::ClosestArea,
                Why::FinishesArea
            ]
        );
    }

    #[test]
    fn an_area_that_waited_long_enough_goes_next() {
        // Ten in-progress gaps in area 0 would all come first; area 1 must not wait.
        let mut gaps: Vec<Gap> = (0..10).map(|i| gap(i, 0, true)).collect();
        gaps.push(gap(10, 1, false));
        let ordered = order(&gaps, 2, &[false, false]);
        let at = ordered.iter().position(|o| o.gap.area == 1).unwrap();
        assert_eq!(at, MAX_WAIT);
        assert_eq!(ordered[at].why, Why::Balance);
    }

    fn arb_gaps() -> impl Strategy<Value = (Vec<Gap>, Vec<bool>)> {
        (
            proptest::collection::vec((0usize..8, any::<bool>(), any::<bool>()), 0..43),
            proptest::collection::vec(any::<bool>(), 8),
        )
            .prop_map(|(raw, priority)| {
                let gaps = raw
                    .into_iter()
                    .enumerate()
                    .filter(|(_, (_, _, keep))| *keep)
                    .map(|(i, (area, in_progress, _))| gap(i, area, in_progress))
                    .collect();
                (gaps, priority)
            })
    }

    proptest! {
        /// Every gap appears exactly once.
        #[test]
        fn the_order_is_a_permutation((gaps, priority) in arb_gaps()) {
            let mut got = codes(&order(&gaps, 8, &priority));
            got.sort_unstable();
            let mut want: Vec<usize> = gaps.iter().map(|g| g.criterion).collect();
            want.sort_unstable();
            prop_assert_eq!(got, want);
        }

        /// No area with gaps waits more than MAX_WAIT steps plus one per other area
        /// (several may come due at once).
        #[test]
        fn no_area_is_starved((gaps, priority) in arb_gaps()) {
            let ordered = order(&gaps, 8, &priority);
            for area in 0..8 {
                let positions: Vec<usize> = ordered
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| o.gap.area == area)
                    .map(|(i, _)| i)
                    .collect();
                let mut last = None::<usize>;
                for p in positions {
                    let wait = last.map_or(p, |l| p - l - 1);
                    prop_assert!(wait <= MAX_WAIT + 7, "area {} waited {}", area, wait);
                    last = Some(p);
                }
            }
        }

        /// Balance aside, every in-progress gap comes before every not-started one.
        #[test]
        fn in_progress_leads_unless_balance_intervenes((gaps, priority) in arb_gaps()) {
            let ordered = order(&gaps, 8, &priority);
            let first_not_started = ordered
                .iter()
                .position(|o| !o.gap.in_progress && o.why != Why::Balance);
            if let Some(first) = first_not_started {
                let late = ordered[first..]
                    .iter()
                    .any(|o| o.gap.in_progress && o.why != Why::Balance);
                prop_assert!(!late);
            }
        }

        /// The same input always gives the same roadmap.
        #[test]
        fn the_order_is_deterministic((gaps, priority) in arb_gaps()) {
            prop_assert_eq!(order(&gaps, 8, &priority), order(&gaps, 8, &priority));
        }
    }
}
