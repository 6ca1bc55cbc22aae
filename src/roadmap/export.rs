//! The roadmap's steps as CSV, in the reader's language.

use super::build::Roadmap;
use super::views::{status_label, step_title, why_sentence};
use crate::i18n::Lang;
use crate::standard::Catalog;

pub fn steps_csv(lang: Lang, catalog: &Catalog, roadmap: &Roadmap) -> anyhow::Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "order",
        "code",
        "area",
        "status",
        "toward",
        "horizon_months",
        "step",
        "why",
    ])?;
    for (i, step) in roadmap.steps.iter().enumerate() {
        let toward = step
            .toward
            .map(|l| catalog.level_name(l).get(lang).to_owned())
            .unwrap_or_default();
        writer.write_record([
            (i + 1).to_string(),
            step.code.clone(),
            step.area.clone().unwrap_or_default(),
            step.status
                .map(|s| status_label(lang, s))
                .unwrap_or_default(),
            toward,
            step.horizon_months.to_string(),
            step_title(lang, catalog, step),
            why_sentence(lang, catalog, step),
        ])?;
    }
    Ok(writer.into_inner()?)
}
