//! What is wrong with an assessment that arrived, and where: a JSON field, a CSV
//! line and column, or a form field, so that each format can point at it.

use crate::i18n::{Arg, Lang};

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A JSON path such as `answers.DM1` or `outcomes.broadband_pct`.
    Json(String),
    /// A CSV line (1 is the header).
    Csv(usize),
    /// A CSV cell: line and column name.
    CsvCell(usize, &'static str),
    /// A form field's id prefix: `DM1`, `DM1_evidence`, `broadband_pct`.
    Form(String),
    /// A criterion with no answer at all.
    Criterion(String),
    /// A part of an outcome that is missing.
    Outcome(String),
}

impl Place {
    /// The part of this place that holds `column` (`code`, `status`, `evidence`,
    /// `evidence_url`): a CSV cell, a JSON sub-field, a form field.
    pub fn at(&self, column: &'static str) -> Place {
        let whole = matches!(column, "code" | "status");
        match self {
            Place::Json(path) if !whole => Place::Json(format!("{path}.{column}")),
            Place::Form(id) if !whole => Place::Form(format!("{id}_{column}")),
            Place::Csv(line) | Place::CsvCell(line, _) => Place::CsvCell(*line, column),
            other => other.clone(),
        }
    }

    /// A stable, language-neutral name for the API's `fields` map and for form
    /// field ids: `answers.DM1`, `csv:3:status`, `DM4`.
    pub fn key(&self) -> String {
        match self {
            Place::Json(path) | Place::Form(path) => path.clone(),
            Place::Csv(line) => format!("csv:{line}"),
            Place::CsvCell(line, column) => format!("csv:{line}:{column}"),
            Place::Criterion(code) => code.clone(),
            Place::Outcome(name) => name.clone(),
        }
    }
}

/// One problem: where, and a message key with its arguments.
#[derive(Debug, Clone)]
pub struct Problem {
    pub place: Place,
    pub key: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Problem {
    pub fn new(place: Place, key: &'static str) -> Problem {
        Problem {
            place,
            key,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Problem {
        self.args.push((name, value.into()));
        self
    }

    /// The message in `lang`; a CSV problem starts with its line (and column).
    pub fn message(&self, lang: Lang) -> String {
        let text = lang.t_args(self.key, &self.args);
        match &self.place {
            Place::CsvCell(line, column) => lang.t_args(
                "intake-at-cell",
                &[
                    ("line", (*line).into()),
                    ("column", (*column).into()),
                    ("problem", text.into()),
                ],
            ),
            Place::Csv(line) => lang.t_args(
                "intake-at-line",
                &[("line", (*line).into()), ("problem", text.into())],
            ),
            _ => text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_format_points_at_its_own_kind_of_place() {
        assert_eq!(
            Place::Json("answers.DM1".into()).at("status").key(),
            "answers.DM1"
        );
        assert_eq!(
            Place::Json("answers.DM1".into()).at("evidence_url").key(),
            "answers.DM1.evidence_url"
        );
        assert_eq!(Place::Csv(3).at("status").key(), "csv:3:status");
        assert_eq!(
            Place::Form("DM1".into()).at("evidence").key(),
            "DM1_evidence"
        );
        assert_eq!(Place::Criterion("DM4".into()).at("status").key(), "DM4");
    }

    #[test]
    fn csv_messages_name_line_and_column_in_the_readers_language() {
        let problem = Problem::new(Place::CsvCell(7, "status"), "intake-bad-status")
            .arg("code", "DM1")
            .arg("status", "done");
        let text = problem.message(Lang::Es);
        assert!(
            text.contains('7') && text.contains("status") && text.contains("done"),
            "{text}"
        );
        assert!(text.starts_with("Línea"), "{text}");
    }
}
