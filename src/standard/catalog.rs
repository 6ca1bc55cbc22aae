//! The catalog's data model, read from a versioned TOML file and validated
//! before anything uses it.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::levels::{Level, Thresholds};
use crate::i18n::Lang;

/// A text in every language Peerhall speaks; a missing language fails parsing.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub en: String,
    pub es: String,
    pub pt: String,
    pub fr: String,
}

impl Localized {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Es => &self.es,
            Lang::Pt => &self.pt,
            Lang::Fr => &self.fr,
        }
    }

    fn is_complete(&self) -> bool {
        Lang::ALL.iter().all(|l| !self.get(*l).trim().is_empty())
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Upper-case code used in criterion codes, e.g. `DM`.
    pub code: String,
    /// Lower-case slug used in URLs and forum categories, e.g. `dm`.
    pub slug: String,
    pub name: Localized,
    pub summary: Localized,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub code: String,
    /// The code of the practice area it belongs to.
    pub area: String,
    pub label: Localized,
    pub description: Localized,
    pub guidance: Localized,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelNames {
    pub silver: Localized,
    pub gold: Localized,
    pub platinum: Localized,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelsSection {
    pub silver: u8,
    pub gold: u8,
    pub platinum: u8,
    pub names: LevelNames,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BroadbandRule {
    /// Share of households (percent) needed in the US and Canada.
    pub us_canada_pct: f64,
    /// Share of households (percent) needed in Latin America.
    pub latin_america_pct: f64,
    pub label: Localized,
    pub description: Localized,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Pm25Rule {
    pub who_guideline_ugm3: f64,
    pub interim_targets_ugm3: Vec<f64>,
    /// The value that counts on this deployment (`standard.pm25_target_ugm3`).
    #[serde(default)]
    pub target_ugm3: f64,
    pub label: Localized,
    pub description: Localized,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PriorityRule {
    pub label: Localized,
    pub description: Localized,
}

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcomes {
    pub broadband: BroadbandRule,
    pub pm25: Pm25Rule,
    pub priority: PriorityRule,
}

/// The file as written; `Catalog::parse` turns it into a checked `Catalog`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    id: String,
    version: u16,
    languages: Vec<String>,
    criteria_count: usize,
    name: Localized,
    levels: LevelsSection,
    outcomes: Outcomes,
    areas: Vec<Area>,
    criteria: Vec<Criterion>,
}

/// A validated standard: every criterion in a known area, codes unique, every
/// text in every language, thresholds in order.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub id: String,
    pub version: u16,
    pub name: Localized,
    pub thresholds: Thresholds,
    pub level_names: LevelNames,
    pub outcomes: Outcomes,
    pub areas: Vec<Area>,
    pub criteria: Vec<Criterion>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum CatalogError {
    #[error("not valid TOML for a catalog: {0}")]
    Syntax(String),
    #[error("declares {declared} criteria but lists {found}")]
    CriteriaCount { declared: usize, found: usize },
    #[error("criterion code {0} appears more than once")]
    DuplicateCode(String),
    #[error("criterion {code} names unknown area {area}")]
    UnknownArea { code: String, area: String },
    #[error("area {0} has no criteria")]
    EmptyArea(String),
    #[error("area code {0} appears more than once")]
    DuplicateArea(String),
    #[error("{0} is missing a translation")]
    MissingText(String),
    #[error("languages must be exactly en, es, pt, fr")]
    Languages,
    #[error("level thresholds must rise: 0 < silver < gold < platinum <= 100")]
    Thresholds,
    #[error("has {0} criteria; a met-criteria set holds at most 64")]
    TooManyCriteria(usize),
}

impl Catalog {
    /// Parses and validates a catalog file.
    pub fn parse(text: &str) -> Result<Catalog, CatalogError> {
        let file: CatalogFile =
            toml::from_str(text).map_err(|e| CatalogError::Syntax(e.to_string()))?;
        validate(&file)?;
        let thresholds = Thresholds {
            silver: file.levels.silver,
            gold: file.levels.gold,
            platinum: file.levels.platinum,
        };
        Ok(Catalog {
            id: file.id,
            version: file.version,
            name: file.name,
            thresholds,
            level_names: file.levels.names,
            outcomes: file.outcomes,
            areas: file.areas,
            criteria: file.criteria,
        })
    }

    pub fn criterion(&self, code: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.code == code)
    }

    /// "DM1 · Implementing Data Strategy and Governance", if the code is one.
    pub fn criterion_title(&self, code: &str, lang: Lang) -> Option<String> {
        self.criterion(code)
            .map(|c| format!("{} · {}", c.code, c.label.get(lang)))
    }

    /// The position of a criterion in catalog order: its bit in a met-set.
    pub fn index_of(&self, code: &str) -> Option<usize> {
        self.criteria.iter().position(|c| c.code == code)
    }

    pub fn criteria_in<'a>(&'a self, area: &'a Area) -> impl Iterator<Item = &'a Criterion> {
        self.criteria.iter().filter(move |c| c.area == area.code)
    }

    pub fn level_for(&self, met: usize) -> Option<Level> {
        self.thresholds.level_for(met, self.criteria.len())
    }

    pub fn level_name(&self, level: Level) -> &Localized {
        match level {
            Level::Silver => &self.level_names.silver,
            Level::Gold => &self.level_names.gold,
            Level::Platinum => &self.level_names.platinum,
        }
    }
}

fn validate(file: &CatalogFile) -> Result<(), CatalogError> {
    let expected: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    if file.languages != expected {
        return Err(CatalogError::Languages);
    }
    if file.criteria.len() != file.criteria_count {
        return Err(CatalogError::CriteriaCount {
            declared: file.criteria_count,
            found: file.criteria.len(),
        });
    }
    if file.criteria.len() > 64 {
        return Err(CatalogError::TooManyCriteria(file.criteria.len()));
    }
    let l = &file.levels;
    if !(0 < l.silver && l.silver < l.gold && l.gold < l.platinum && l.platinum <= 100) {
        return Err(CatalogError::Thresholds);
    }
    validate_areas_and_codes(file)?;
    validate_texts(file)
}

fn validate_areas_and_codes(file: &CatalogFile) -> Result<(), CatalogError> {
    let mut areas = HashSet::new();
    for area in &file.areas {
        if !areas.insert(area.code.as_str()) {
            return Err(CatalogError::DuplicateArea(area.code.clone()));
        }
    }
    let mut codes = HashSet::new();
    for criterion in &file.criteria {
        if !codes.insert(criterion.code.as_str()) {
            return Err(CatalogError::DuplicateCode(criterion.code.clone()));
        }
        if !areas.contains(criterion.area.as_str()) {
            return Err(CatalogError::UnknownArea {
                code: criterion.code.clone(),
                area: criterion.area.clone(),
            });
        }
    }
    match file
        .areas
        .iter()
        .find(|a| !file.criteria.iter().any(|c| c.area == a.code))
    {
        Some(empty) => Err(CatalogError::EmptyArea(empty.code.clone())),
        None => Ok(()),
    }
}

fn validate_texts(file: &CatalogFile) -> Result<(), CatalogError> {
    let o = &file.outcomes;
    let n = &file.levels.names;
    let mut texts: Vec<(String, &Localized)> = vec![
        ("name".into(), &file.name),
        ("levels.names.silver".into(), &n.silver),
        ("levels.names.gold".into(), &n.gold),
        ("levels.names.platinum".into(), &n.platinum),
        ("outcomes.broadband.label".into(), &o.broadband.label),
        (
            "outcomes.broadband.description".into(),
            &o.broadband.description,
        ),
        ("outcomes.pm25.label".into(), &o.pm25.label),
        ("outcomes.pm25.description".into(), &o.pm25.description),
        ("outcomes.priority.label".into(), &o.priority.label),
        (
            "outcomes.priority.description".into(),
            &o.priority.description,
        ),
    ];
    for a in &file.areas {
        texts.push((format!("area {} name", a.code), &a.name));
        texts.push((format!("area {} summary", a.code), &a.summary));
    }
    for c in &file.criteria {
        texts.push((format!("criterion {} label", c.code), &c.label));
        texts.push((format!("criterion {} description", c.code), &c.description));
        texts.push((format!("criterion {} guidance", c.code), &c.guidance));
    }
    match texts.into_iter().find(|(_, text)| !text.is_complete()) {
        Some((what, _)) => Err(CatalogError::MissingText(what)),
        None => Ok(()),
    }
}
