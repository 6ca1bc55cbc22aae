//! `peerhall seed-demo`: real certified cities (public facts) and fictional
//! ones, each with a synthetic assessment history. Idempotent: cities already
//! present are left exactly as they are.

pub mod forum;
mod forum_seed;
mod synth;

use anyhow::Context;
use diesel::Connection;
use serde::Deserialize;

use crate::accounts::cities::{self, NewCertification, NewCity};
use crate::assessment::db::{self as assessments, NewAssessment};
use crate::assessment::intake::{Answer, ValidAssessment};
use crate::assessment::outcomes::Outcomes;
use crate::db::DbConnection;
use crate::standard::{Catalog, Level};

const CITIES: &str = include_str!("cities.toml");

/// The last year demo histories reach.
const DEMO_YEAR: i32 = 2026;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CitiesFile {
    cities: Vec<DemoCity>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoCity {
    slug: String,
    name: String,
    country: String,
    region: String,
    population: i32,
    language: String,
    certifications: Vec<DemoCertification>,
    // Kept in the file for readers; parsed so a typo in them is caught.
    #[expect(dead_code, reason = "documentation in the data file")]
    level_assumed: bool,
    #[expect(dead_code, reason = "documentation in the data file")]
    fictional: bool,
    #[serde(default)]
    #[expect(dead_code, reason = "documentation in the data file")]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoCertification {
    year: i32,
    level: Level,
}

/// What a run added; a second run adds nothing.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SeedReport {
    pub cities_added: usize,
    pub cities_present: usize,
    pub certifications_added: usize,
    pub assessments_added: usize,
}

/// Loads the demo cities into the database, in one transaction.
pub fn seed(conn: &mut DbConnection, catalog: &Catalog) -> anyhow::Result<SeedReport> {
    let file: CitiesFile = toml::from_str(CITIES).context("src/demo/cities.toml is invalid")?;
    let difficulty = difficulty(catalog);
    conn.transaction(|conn| {
        let mut report = SeedReport::default();
        for city in &file.cities {
            if cities::find_by_slug(conn, &city.slug)?.is_some() {
                report.cities_present += 1;
                continue;
            }
            seed_city(conn, catalog, &difficulty, city, &mut report)?;
        }
        Ok(report)
    })
}

fn seed_city(
    conn: &mut DbConnection,
    catalog: &Catalog,
    difficulty: &[f64],
    city: &DemoCity,
    report: &mut SeedReport,
) -> anyhow::Result<()> {
    let city_id = cities::insert(
        conn,
        &NewCity {
            slug: &city.slug,
            name: &city.name,
            country: &city.country,
            region: &city.region,
            population: city.population,
            language: &city.language,
            discoverable: true,
            is_demo: true,
        },
    )?;
    report.cities_added += 1;
    for cert in &city.certifications {
        let standard = if cert.year >= 2023 {
            "wwc-2022"
        } else {
            "wwc-2018"
        };
        cities::insert_certification(
            conn,
            &NewCertification {
                city_id,
                standard,
                level: cert.level.code(),
                year: cert.year,
            },
        )?;
        report.certifications_added += 1;
    }
    let certs: Vec<(i32, Level)> = city
        .certifications
        .iter()
        .map(|c| (c.year, c.level))
        .collect();
    let profile = synth::Profile {
        seed: fnv1a(&city.slug),
        certifications: &certs,
        broadband_threshold: broadband_threshold(catalog, &city.region),
        until_year: DEMO_YEAR,
    };
    for generated in synth::history(&profile, difficulty, &catalog.thresholds) {
        let answers = catalog
            .criteria
            .iter()
            .zip(generated.statuses)
            .map(|(c, status)| Answer {
                code: c.code.clone(),
                status,
                evidence: None,
                evidence_url: None,
            })
            .collect();
        let assessment = ValidAssessment {
            answers,
            outcomes: Outcomes {
                broadband_pct: Some(generated.broadband_pct),
                pm25_ugm3: Some(generated.pm25_ugm3),
                priority: None,
            },
            priority_areas: Vec::new(),
        };
        assessments::insert(
            conn,
            &NewAssessment {
                city_id,
                standard: &catalog.id,
                assessment: &assessment,
                submitted_at: generated.submitted_at,
                submitted_by: None,
            },
        )?;
        report.assessments_added += 1;
    }
    Ok(())
}

/// How late in a city's journey each criterion tends to be met: data basics and
/// leadership first, contracting and evaluation last.
pub fn difficulty(catalog: &Catalog) -> Vec<f64> {
    catalog
        .criteria
        .iter()
        .map(|c| match c.area.as_str() {
            "DM" | "LC" => 0.0,
            "OD" | "PA" => 0.15,
            "BF" | "CI" => 0.3,
            "RDC" => 0.4,
            _ => 0.5,
        })
        .collect()
}

fn broadband_threshold(catalog: &Catalog, region: &str) -> f64 {
    let rule = &catalog.outcomes.broadband;
    if region == "latin_america" {
        rule.latin_america_pct
    } else {
        rule.us_canada_pct
    }
}

/// A stable seed per city, so every machine generates the same demo.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
