//! Generated cities and their assessment histories: where each city is, how
//! big, in which language it works, and how far along the standard it has
//! come. Pure: no I/O.

use chrono::{NaiveDate, NaiveDateTime};

use crate::standard::{Catalog, Level, Thresholds};

/// Assessments fall in these years.
pub const YEARS: std::ops::RangeInclusive<i32> = 2019..=2026;

#[derive(Debug, Clone, PartialEq)]
pub struct City {
    pub slug: String,
    pub name: String,
    pub region: &'static str,
    pub country: &'static str,
    pub language: &'static str,
    pub population: i32,
    pub discoverable: bool,
}

/// One assessment: when, which criteria were met (bit i = catalog criterion i),
/// and the two outcome measures.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub at: NaiveDateTime,
    pub mask: u64,
    pub broadband_pct: f64,
    pub pm25_ugm3: f64,
}

/// City number `i` (from 1): its place and size come from `rng`, its name
/// from `i`, so that names stay put when other draws change.
pub fn city(rng: &mut fastrand::Rng, i: usize) -> City {
    let (region, country, language) = place(rng);
    // Log-uniform: many small cities, few large ones, as in the real program.
    let (low, high) = (10_000f64.ln(), 5_000_000f64.ln());
    let population = (low + rng.f64() * (high - low)).exp().round() as i32;
    let name = name(language, i);
    City {
        slug: format!("{}-{i}", slug_of(&name)),
        name,
        region,
        country,
        language,
        population,
        discoverable: rng.u32(0..10) != 0,
    }
}

/// (region, country, language), roughly as the program's cities spread.
fn place(rng: &mut fastrand::Rng) -> (&'static str, &'static str, &'static str) {
    let (us, la) = ("us_canada", "latin_america");
    if rng.u32(0..10) < 6 {
        match rng.u32(0..100) {
            0..8 => (us, "US", "es"),
            8..80 => (us, "US", "en"),
            80..92 => (us, "CA", "en"),
            _ => (us, "CA", "fr"),
        }
    } else {
        match rng.u32(0..100) {
            0..35 => (la, "BR", "pt"),
            35..60 => (la, "MX", "es"),
            60..75 => (la, "CO", "es"),
            75..87 => (la, "AR", "es"),
            _ => (la, "CL", "es"),
        }
    }
}

/// A language's place-name prefixes, stems and endings.
type NameParts = (
    &'static str,
    [&'static str; 8],
    [&'static str; 10],
    [&'static str; 8],
);

#[rustfmt::skip]
const NAME_PARTS: [NameParts; 4] = [
    ("en", ["", "North ", "East ", "West ", "South ", "Port ", "Lake ", "Fort "],
        ["Maple", "Cedar", "River", "Oak", "Stone", "Clear", "Green", "Fair", "Bridge", "Spring"],
        ["ton", "field", "ville", "wood", "dale", "burg", "port", "view"]),
    ("es", ["", "San ", "Santa ", "Villa ", "Puerto ", "Nueva ", "Río ", "Monte "],
        ["Alt", "Cer", "Flor", "Mar", "Sol", "Val", "Lom", "Pal", "Agu", "Rob"],
        ["ales", "eda", "illo", "ero", "ía", "ada", "ina", "ón"]),
    ("pt", ["", "São ", "Santa ", "Porto ", "Nova ", "Vila ", "Rio ", "Campo "],
        ["Bel", "Cruz", "Our", "Pedr", "Lagoa", "Serr", "Flor", "Mar", "Val", "Pin"],
        ["inha", "ópolis", "eira", "ado", "al", "ense", "ão", "ito"]),
    ("fr", ["", "Saint-", "Sainte-", "Mont-", "Port-", "Val-", "Lac-", "Pointe-"],
        ["Beau", "Rive", "Bel", "Roche", "Cha", "Gran", "Fleur", "Vill", "Pierre", "Lau"],
        ["mont", "ville", "lieu", "bourg", "val", "court", "rive", "nay"]),
];

/// 640 names per language; bigger programs repeat them, as real ones do.
fn name(language: &str, i: usize) -> String {
    let (_, prefixes, stems, endings) = NAME_PARTS
        .iter()
        .find(|parts| parts.0 == language)
        .unwrap_or(&NAME_PARTS[0]);
    let prefix = prefixes[i % prefixes.len()];
    let stem = stems[(i / prefixes.len()) % stems.len()];
    let ending = endings[(i / (prefixes.len() * stems.len())) % endings.len()];
    format!("{prefix}{stem}{ending}")
}

/// Lower-case ASCII words joined by hyphens, as admin-made slugs are.
fn slug_of(name: &str) -> String {
    let folded: String = name
        .chars()
        .map(|c| match c {
            'á' | 'ã' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' => 'u',
            'ç' => 'c',
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
            _ => ' ',
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join("-")
}

/// 1–4 assessments in distinct years, met sets growing along the city's own
/// path, with the odd lapse so that "met since" sees broken runs.
pub fn history(rng: &mut fastrand::Rng, catalog: &Catalog, difficulty: &[f64]) -> Vec<Point> {
    let total = catalog.criteria.len().min(64);
    let mut keyed: Vec<(f64, usize)> = (0..total)
        .map(|i| {
            (
                difficulty.get(i).copied().unwrap_or_default() + rng.f64() * 0.6,
                i,
            )
        })
        .collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
    let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    let mut years: Vec<i32> = YEARS.collect();
    rng.shuffle(&mut years);
    years.truncate(rng.usize(1..=4));
    years.sort_unstable();
    let last = final_met(rng, &catalog.thresholds, total);
    let first = last - rng.usize(0..=last.min(12));
    let steps = years.len().max(2) - 1;
    let mut history = Vec::with_capacity(years.len());
    for (j, &year) in years.iter().enumerate() {
        let met = if years.len() == 1 {
            last
        } else {
            first + (last - first) * j / steps
        };
        let mut mask = order[..met].iter().fold(0u64, |m, &i| m | 1 << i);
        if j + 1 < years.len() && met > 0 && rng.u32(0..10) == 0 {
            mask &= !(1u64 << order[rng.usize(0..met)]);
        }
        history.push((date_in(rng, year), mask));
    }
    history
        .into_iter()
        .map(|(at, mask)| Point {
            at,
            mask,
            broadband_pct: f64::from(rng.u32(500..=990)) / 10.0,
            pm25_ugm3: f64::from(rng.u32(40..=250)) / 10.0,
        })
        .collect()
}

/// Criteria met in the latest assessment: most cities below Silver, a few Platinum.
fn final_met(rng: &mut fastrand::Rng, thresholds: &Thresholds, total: usize) -> usize {
    let silver = thresholds.min_met(Level::Silver, total);
    let gold = thresholds.min_met(Level::Gold, total);
    let platinum = thresholds.min_met(Level::Platinum, total);
    match rng.u32(0..100) {
        0..55 => rng.usize(3.min(silver)..silver.max(1)),
        55..80 => rng.usize(silver..gold.max(silver + 1)),
        80..93 => rng.usize(gold..platinum.max(gold + 1)),
        _ => rng.usize(platinum.min(total)..=total),
    }
}

fn date_in(rng: &mut fastrand::Rng, year: i32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(year, rng.u32(1..=12), rng.u32(1..=28))
        .and_then(|d| d.and_hms_opt(rng.u32(8..=17), rng.u32(0..60), 0))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_words_joined_by_hyphens() {
        assert_eq!(slug_of("São Belópolis"), "sao-belopolis");
        assert_eq!(slug_of("Saint-Beaumont"), "saint-beaumont");
        assert_eq!(slug_of("Río Marón"), "rio-maron");
    }

    #[test]
    fn the_same_number_gives_the_same_city() {
        let a = city(&mut fastrand::Rng::with_seed(3), 42);
        let b = city(&mut fastrand::Rng::with_seed(3), 42);
        assert_eq!(a, b);
        assert!(a.slug.ends_with("-42"), "{}", a.slug);
        assert!((10_000..=5_000_000).contains(&a.population));
    }
}
