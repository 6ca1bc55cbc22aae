//! Ranking peer cities by likeness, with the reasons a person can check: pure,
//! in memory over the met-criteria bit sets, so a request never queries the
//! database (its cost at 10,000 cities is for the benchmark to tell).

use super::profile::Profile;
use crate::assessment::outcomes::Region;
use crate::standard::Level;

/// Populations within this ratio of each other count as a similar size.
pub const SIMILAR_SIZE_RATIO: f64 = 0.5;
/// A peer that met a criterion within this many years still remembers how.
pub const RECENT_YEARS: i32 = 3;

/// Why a city is shown as a peer; told in the reader's language by the views.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// It meets the criterion, and since which year.
    MeetsSince {
        code: String,
        year: Option<i32>,
    },
    /// Its level is one above the reader's city.
    LevelAhead(Level),
    /// Its level is the reader's city's.
    SameLevel(Level),
    /// Of the criteria the reader's city meets, how many it meets too.
    InCommon {
        common: u32,
        of: u32,
    },
    SimilarSize,
    SameLanguage(String),
    SameRegion(Region),
    /// It lacks this many criteria the reader's city meets.
    CanHelp {
        count: u32,
    },
}

/// A ranked peer.
#[derive(Debug, Clone)]
pub struct Match<'a> {
    pub peer: &'a Profile,
    /// Higher is more alike; comparable within one list only.
    pub score: f64,
    pub reasons: Vec<Reason>,
}

/// Overlap of two met-criteria sets: shared over either; 0 when both are empty.
pub fn jaccard(a: u64, b: u64) -> f64 {
    let union = (a | b).count_ones();
    if union == 0 {
        0.0
    } else {
        f64::from((a & b).count_ones()) / f64::from(union)
    }
}

/// The smaller population over the larger: 1 for equal sizes.
pub fn size_ratio(a: i32, b: i32) -> f64 {
    let (low, high) = (a.min(b).max(0), a.max(b).max(0));
    if high == 0 {
        1.0
    } else {
        f64::from(low) / f64::from(high)
    }
}

/// How alike two cities are, whoever asks: symmetric, from 0 to 0.9.
pub fn likeness(a: &Profile, b: &Profile) -> f64 {
    0.5 * jaccard(a.mask, b.mask)
        + 0.15 * size_ratio(a.population, b.population)
        + if a.region == b.region { 0.15 } else { 0.0 }
        + if a.language == b.language { 0.1 } else { 0.0 }
}

fn rank(level: Option<Level>) -> i32 {
    level.map_or(0, |l| l as i32 + 1)
}

/// The reasons any two cities share: criteria in common, size, language, region.
fn shared_reasons(me: &Profile, peer: &Profile) -> Vec<Reason> {
    let mut reasons = Vec::new();
    let of = me.mask.count_ones();
    if of > 0 {
        let common = (me.mask & peer.mask).count_ones();
        reasons.push(Reason::InCommon { common, of });
    }
    if size_ratio(me.population, peer.population) >= SIMILAR_SIZE_RATIO {
        reasons.push(Reason::SimilarSize);
    }
    if me.language == peer.language {
        reasons.push(Reason::SameLanguage(peer.language.clone()));
    }
    if me.region == peer.region {
        reasons.push(Reason::SameRegion(peer.region));
    }
    reasons
}

fn level_reason(me: &Profile, peer: &Profile) -> Option<Reason> {
    let level = peer.level?;
    match rank(peer.level) - rank(me.level) {
        0 => Some(Reason::SameLevel(level)),
        1 => Some(Reason::LevelAhead(level)),
        _ => None,
    }
}

fn candidates<'a>(all: &'a [Profile], me: &'a Profile) -> impl Iterator<Item = &'a Profile> {
    all.iter()
        .filter(move |p| p.discoverable && p.assessed && p.city_id != me.city_id)
}

fn best(mut matches: Vec<Match>, limit: usize) -> Vec<Match> {
    matches.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.peer.name.cmp(&b.peer.name))
            .then_with(|| a.peer.city_id.cmp(&b.peer.city_id))
    });
    matches.truncate(limit);
    matches
}

/// Discoverable cities that meet criterion `index` (code `code`), most alike
/// first: likeness, a level at or one above, and having met it recently.
pub fn for_criterion<'a>(
    all: &'a [Profile],
    me: &'a Profile,
    (index, code): (usize, &str),
    limit: usize,
    this_year: i32,
) -> Vec<Match<'a>> {
    let bit = 1u64 << index;
    let matches = candidates(all, me)
        .filter(|p| p.mask & bit != 0)
        .map(|peer| {
            let year = peer.met_since.get(index).copied().flatten();
            let level = level_reason(me, peer);
            let recent = year.is_some_and(|y| this_year - y <= RECENT_YEARS);
            let score = likeness(me, peer)
                + if level.is_some() { 0.1 } else { 0.0 }
                + if recent { 0.05 } else { 0.0 };
            let mut reasons = vec![Reason::MeetsSince {
                code: code.to_owned(),
                year,
            }];
            reasons.extend(level);
            reasons.extend(shared_reasons(me, peer));
            Match {
                peer,
                score,
                reasons,
            }
        })
        .collect();
    best(matches, limit)
}

/// The most alike discoverable cities, those one level ahead first.
pub fn like_you<'a>(all: &'a [Profile], me: &'a Profile, limit: usize) -> Vec<Match<'a>> {
    let matches = candidates(all, me)
        .map(|peer| {
            let ahead = rank(peer.level) - rank(me.level) == 1;
            let score = likeness(me, peer) + if ahead { 0.2 } else { 0.0 };
            let mut reasons: Vec<Reason> = level_reason(me, peer).into_iter().collect();
            reasons.extend(shared_reasons(me, peer));
            Match {
                peer,
                score,
                reasons,
            }
        })
        .collect();
    best(matches, limit)
}

/// Discoverable cities that lack criteria the reader's city meets: the more it
/// could share and the more alike they are, the earlier.
pub fn you_can_help<'a>(all: &'a [Profile], me: &'a Profile, limit: usize) -> Vec<Match<'a>> {
    let matches = candidates(all, me)
        .filter_map(|peer| {
            let count = (me.mask & !peer.mask).count_ones();
            if count == 0 {
                return None;
            }
            let score = 0.5 * f64::from(count) / 64.0 + 0.5 * likeness(me, peer);
            let mut reasons = vec![Reason::CanHelp { count }];
            reasons.extend(shared_reasons(me, peer));
            Some(Match {
                peer,
                score,
                reasons,
            })
        })
        .collect();
    best(matches, limit)
}

#[cfg(test)]
mod tests;
