//! Self-assessments: immutable once submitted, one row per submission with its
//! answers, taken in by form (through a shared draft), JSON or CSV.

pub mod csv_intake;
pub mod db;
pub mod draft;
pub mod draft_db;
pub mod form;
mod form_view;
pub mod handlers;
pub mod intake;
pub mod json_intake;
pub mod outcome_checks;
pub mod outcomes;
pub mod problems;
pub mod submit;

/// How a city answers one criterion; only `Met` counts towards a level.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    InProgress,
    NotStarted,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::InProgress => "in_progress",
            Status::NotStarted => "not_started",
        }
    }
}

/// The met criteria as a bit set in catalog order (bit i = criterion i).
pub fn met_mask(statuses: &[Status]) -> u64 {
    statuses
        .iter()
        .enumerate()
        .filter(|(_, s)| **s == Status::Met)
        .fold(0, |mask, (i, _)| mask | (1u64 << i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_met_answers_set_bits() {
        let statuses = [
            Status::Met,
            Status::InProgress,
            Status::Met,
            Status::NotStarted,
        ];
        assert_eq!(met_mask(&statuses), 0b101);
    }
}
