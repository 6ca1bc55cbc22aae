//! Ranking peer cities by likeness, with the reasons a person can check: pure,
//! in memory over the met-criteria bit sets, so a request never queries the
//! database. Candidates are scored, the best few chosen, and only those get
//! reasons (`cargo bench --bench peers` measures it at 10,000 cities).

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
    all.iter().filter(move |p| p.can_appear_to(me.city_id))
}

/// A candidate with its score, before its reasons are told: reasons are built
/// only for the few that are shown.
#[derive(Clone, Copy)]
struct Scored<'a> {
    peer: &'a Profile,
    score: f64,
}

fn order(a: &Scored, b: &Scored) -> std::cmp::Ordering {
    b.score
        .total_cmp(&a.score)
        .then_with(|| a.peer.name.cmp(&b.peer.name))
        .then_with(|| a.peer.city_id.cmp(&b.peer.city_id))
}

/// The `limit` best, best first, without sorting the rest.
fn top(mut scored: Vec<Scored>, limit: usize) -> Vec<Scored> {
    if limit == 0 {
        return Vec::new();
    }
    if scored.len() > limit {
        scored.select_nth_unstable_by(limit - 1, order);
        scored.truncate(limit);
    }
    scored.sort_by(order);
    scored
}

/// A criterion asked about: its index in the catalog and its code.
pub type Asked<'c> = (usize, &'c str);

/// Discoverable cities that meet criterion `index` (code `code`), most alike
/// first: likeness, a level at or one above, and having met it recently.
pub fn for_criterion<'a>(
    all: &'a [Profile],
    me: &'a Profile,
    asked: Asked,
    limit: usize,
    this_year: i32,
) -> Vec<Match<'a>> {
    let mut found = for_criteria(all, me, &[asked], limit, this_year);
    found.pop().unwrap_or_default()
}

/// [`for_criterion`] for several criteria at once (a roadmap's steps): what
/// does not depend on the criterion is computed once per candidate.
pub fn for_criteria<'a>(
    all: &'a [Profile],
    me: &'a Profile,
    asked: &[Asked],
    limit: usize,
    this_year: i32,
) -> Vec<Vec<Match<'a>>> {
    let base: Vec<Scored> = candidates(all, me)
        .map(|peer| {
            let level = if level_reason(me, peer).is_some() {
                0.1
            } else {
                0.0
            };
            Scored {
                peer,
                score: likeness(me, peer) + level,
            }
        })
        .collect();
    asked
        .iter()
        .map(|&(index, code)| {
            let bit = 1u64 << index;
            let recent = |p: &Profile| {
                let year = p.met_since.get(index).copied().flatten();
                year.is_some_and(|y| this_year - y <= RECENT_YEARS)
            };
            let scored = base
                .iter()
                .filter(|s| s.peer.mask & bit != 0)
                .map(|s| Scored {
                    peer: s.peer,
                    score: s.score + if recent(s.peer) { 0.05 } else { 0.0 },
                })
                .collect();
            top(scored, limit)
                .into_iter()
                .map(|s| criterion_match(me, s, (index, code)))
                .collect()
        })
        .collect()
}

fn criterion_match<'a>(me: &Profile, s: Scored<'a>, (index, code): Asked) -> Match<'a> {
    let year = s.peer.met_since.get(index).copied().flatten();
    let mut reasons = vec![Reason::MeetsSince {
        code: code.to_owned(),
        year,
    }];
    reasons.extend(level_reason(me, s.peer));
    reasons.extend(shared_reasons(me, s.peer));
    Match {
        peer: s.peer,
        score: s.score,
        reasons,
    }
}

/// The most alike discoverable cities, those one level ahead first.
pub fn like_you<'a>(all: &'a [Profile], me: &'a Profile, limit: usize) -> Vec<Match<'a>> {
    let scored = candidates(all, me)
        .map(|peer| {
            let ahead = rank(peer.level) - rank(me.level) == 1;
            Scored {
                peer,
                score: likeness(me, peer) + if ahead { 0.2 } else { 0.0 },
            }
        })
        .collect();
    top(scored, limit)
        .into_iter()
        .map(|s| {
            let mut reasons: Vec<Reason> = level_reason(me, s.peer).into_iter().collect();
            reasons.extend(shared_reasons(me, s.peer));
            Match {
                peer: s.peer,
                score: s.score,
                reasons,
            }
        })
        .collect()
}

/// Discoverable cities that lack criteria the reader's city meets: the more it
/// could share and the more alike they are, the earlier.
pub fn you_can_help<'a>(all: &'a [Profile], me: &'a Profile, limit: usize) -> Vec<Match<'a>> {
    let lacking = |peer: &Profile| (me.mask & !peer.mask).count_ones();
    let scored = candidates(all, me)
        .filter(|peer| lacking(peer) > 0)
        .map(|peer| Scored {
            peer,
            score: 0.5 * f64::from(lacking(peer)) / 64.0 + 0.5 * likeness(me, peer),
        })
        .collect();
    top(scored, limit)
        .into_iter()
        .map(|s| {
            let mut reasons = vec![Reason::CanHelp {
                count: lacking(s.peer),
            }];
            reasons.extend(shared_reasons(me, s.peer));
            Match {
                peer: s.peer,
                score: s.score,
                reasons,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
