//! The versioned criteria catalogs (today `wwc-2022`): loading, validation,
//! levels and outcome rules, and the pages and API that show them.

mod catalog;
pub mod handlers;
mod levels;
mod views;

use std::sync::Arc;

pub use catalog::{Area, Catalog, CatalogError, Criterion, Localized, Outcomes};
pub use levels::{Level, Thresholds};

use crate::config::StandardSettings;

/// The catalog files shipped in the binary, by id.
const CATALOG_FILES: [(&str, &str); 1] = [("wwc-2022", include_str!("wwc-2022.toml"))];

/// The id of the standard new assessments use.
pub const CURRENT: &str = "wwc-2022";

/// Every catalog this deployment knows, validated at start-up.
#[derive(Debug, Clone)]
pub struct Standards {
    catalogs: Vec<Arc<Catalog>>,
}

impl Standards {
    /// Parses and validates every shipped catalog; a broken file stops start-up.
    pub fn load(settings: &StandardSettings) -> Result<Self, anyhow::Error> {
        let mut catalogs = Vec::new();
        for (id, text) in CATALOG_FILES {
            let mut catalog =
                Catalog::parse(text).map_err(|e| anyhow::anyhow!("standard catalog {id}: {e}"))?;
            if catalog.id != id {
                anyhow::bail!(
                    "standard catalog {id}: the file says its id is {}",
                    catalog.id
                );
            }
            catalog.outcomes.pm25.target_ugm3 = settings.pm25_target_ugm3;
            catalogs.push(Arc::new(catalog));
        }
        Ok(Self { catalogs })
    }

    pub fn get(&self, id: &str) -> Option<&Arc<Catalog>> {
        self.catalogs.iter().find(|c| c.id == id)
    }

    pub fn current(&self) -> Result<&Arc<Catalog>, anyhow::Error> {
        self.get(CURRENT)
            .ok_or_else(|| anyhow::anyhow!("the current standard {CURRENT} is not loaded"))
    }

    pub fn all(&self) -> impl Iterator<Item = &Arc<Catalog>> {
        self.catalogs.iter()
    }
}
/// The shipped current catalog, with the WHO interim target of 10 µg/m³, for
/// other modules' unit tests.
#[cfg(test)]
pub(crate) fn test_catalog() -> Arc<Catalog> {
    let settings = StandardSettings {
        pm25_target_ugm3: 10.0,
    };
    Standards::load(&settings)
        .unwrap()
        .current()
        .unwrap()
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wwc() -> Arc<Catalog> {
        test_catalog()
    }

    #[test]
    fn wwc_2022_has_43_criteria_in_8_areas() {
        let catalog = wwc();
        assert_eq!(catalog.criteria.len(), 43);
        assert_eq!(catalog.areas.len(), 8);
        let counts: Vec<usize> = catalog
            .areas
            .iter()
            .map(|a| catalog.criteria_in(a).count())
            .collect();
        assert_eq!(counts, [9, 7, 4, 5, 3, 8, 3, 4]);
        assert_eq!(catalog.outcomes.pm25.target_ugm3, 10.0);
    }

    #[test]
    fn area_slugs_are_the_lower_case_codes() {
        for area in &wwc().areas {
            assert_eq!(area.slug, area.code.to_lowercase());
        }
    }

    #[test]
    fn a_duplicate_code_is_refused_by_name() {
        let text = include_str!("wwc-2022.toml").replacen("code = \"DM2\"", "code = \"DM1\"", 1);
        assert_eq!(
            Catalog::parse(&text).unwrap_err(),
            CatalogError::DuplicateCode("DM1".into())
        );
    }

    #[test]
    fn a_missing_translation_is_refused() {
        let text = include_str!("wwc-2022.toml");
        let broken = text.replacen("es = \"", "es = \" \" # \"", 1);
        assert!(matches!(
            Catalog::parse(&broken),
            Err(CatalogError::MissingText(_)) | Err(CatalogError::Syntax(_))
        ));
    }

    #[test]
    fn an_unknown_area_is_refused() {
        let text = include_str!("wwc-2022.toml").replacen("area = \"EVAL\"", "area = \"XX\"", 1);
        assert!(matches!(
            Catalog::parse(&text),
            Err(CatalogError::UnknownArea { area, .. }) if area == "XX"
        ));
    }
}
