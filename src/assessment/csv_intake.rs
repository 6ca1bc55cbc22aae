//! The CSV form of an assessment. Columns `code,status,evidence` (and optionally
//! `evidence_url`), one row per criterion. Outcomes are extra rows whose code is
//! the outcome's name and whose `status` cell holds its value (`broadband_pct`,
//! `pm25_ugm3`, `priority_sdg`, `priority_indicator`, `priority_target`,
//! `priority_value`, `priority_direction`); a `priorities` row lists area codes.

use super::intake::{RawAnswer, RawAssessment, RawOutcome};
use super::outcome_checks::OUTCOME_NAMES;
use super::problems::{Place, Problem};

struct Columns {
    code: usize,
    status: usize,
    evidence: Option<usize>,
    evidence_url: Option<usize>,
}

fn columns(header: &csv::StringRecord) -> Option<Columns> {
    let find = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    Some(Columns {
        code: find("code")?,
        status: find("status")?,
        evidence: find("evidence"),
        evidence_url: find("evidence_url"),
    })
}

/// Reads `bytes` as CSV; an unreadable file is a problem at its line.
pub fn parse(bytes: &[u8]) -> Result<RawAssessment, Vec<Problem>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let unreadable = |line: usize, e: &csv::Error| {
        vec![Problem::new(Place::Csv(line), "intake-csv-unreadable").arg("detail", e.to_string())]
    };
    let header = reader.headers().map_err(|e| unreadable(1, &e))?.clone();
    let Some(columns) = columns(&header) else {
        return Err(vec![Problem::new(Place::Csv(1), "intake-csv-header")]);
    };
    let mut raw = RawAssessment::default();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            unreadable(line, &e)
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        read_row(&record, line, &columns, &mut raw);
    }
    Ok(raw)
}

fn read_row(record: &csv::StringRecord, line: usize, columns: &Columns, raw: &mut RawAssessment) {
    let cell = |i: usize| record.get(i).unwrap_or("").to_owned();
    let optional = |i: Option<usize>| i.map(cell).filter(|v| !v.is_empty());
    let code = cell(columns.code);
    if record.iter().all(str::is_empty) {
        return;
    }
    let place = Place::Csv(line);
    if code == "priorities" {
        let areas = cell(columns.status);
        for area in areas.split([' ', ',', ';']).filter(|a| !a.is_empty()) {
            raw.priorities.push((place.at("status"), area.to_owned()));
        }
    } else if OUTCOME_NAMES.contains(&code.as_str()) {
        raw.outcomes.push(RawOutcome {
            place,
            name: code,
            value: cell(columns.status),
        });
    } else {
        raw.answers.push(RawAnswer {
            place,
            code,
            status: cell(columns.status),
            evidence: optional(columns.evidence),
            evidence_url: optional(columns.evidence_url),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Status;
    use crate::assessment::intake::validate;
    use crate::standard::test_catalog;
    use proptest::prelude::*;

    const STATUSES: [&str; 3] = ["met", "in_progress", "not_started"];

    fn csv(rows: &[(String, &str)]) -> String {
        let mut text = "code,status,evidence\n".to_owned();
        for (code, status) in rows {
            text.push_str(&format!("{code},{status},\n"));
        }
        text
    }

    proptest! {
        /// Whatever the row order, a complete CSV gives each criterion exactly
        /// the status its row says.
        #[test]
        fn row_order_does_not_matter(
            picks in proptest::collection::vec(0usize..3, 43),
            seed in any::<u64>(),
        ) {
            let catalog = test_catalog();
            let mut rows: Vec<(String, &str)> = catalog
                .criteria
                .iter()
                .zip(&picks)
                .map(|(c, p)| (c.code.to_lowercase(), STATUSES[*p]))
                .collect();
            // A cheap deterministic shuffle.
            let n = rows.len();
            for i in 0..n {
                let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) % n as u64) as usize;
                rows.swap(i, j);
            }
            let raw = parse(csv(&rows).as_bytes()).unwrap();
            let valid = validate(&catalog, &raw).unwrap();
            let expected: Vec<Status> = picks
                .iter()
                .map(|p| [Status::Met, Status::InProgress, Status::NotStarted][*p])
                .collect();
            prop_assert_eq!(valid.statuses(), expected);
        }

        /// Any bytes at all (binary, broken quoting, wrong encodings): an
        /// assessment or a list of problems, each with a place; never a panic.
        #[test]
        fn any_bytes_parse_and_validate_or_name_their_problems(
            bytes in proptest::collection::vec(any::<u8>(), 0..400),
            header in proptest::bool::ANY,
        ) {
            let mut input = if header { b"code,status,evidence\n".to_vec() } else { Vec::new() };
            input.extend(bytes);
            let checked = parse(&input).and_then(|raw| validate(&test_catalog(), &raw));
            if let Err(problems) = checked {
                prop_assert!(!problems.is_empty());
                prop_assert!(problems.iter().all(|p| !p.place.key().is_empty()));
            }
        }

        /// A status that is not one of the three is always a problem on its line.
        #[test]
        fn unknown_statuses_are_caught(word in "[a-z]{1,12}", row in 0usize..43) {
            prop_assume!(!STATUSES.contains(&word.as_str()));
            let catalog = test_catalog();
            let mut rows: Vec<(String, &str)> =
                catalog.criteria.iter().map(|c| (c.code.clone(), "met")).collect();
            rows[row].1 = &word;
            let raw = parse(csv(&rows).as_bytes()).unwrap();
            let problems = validate(&catalog, &raw).unwrap_err();
            prop_assert_eq!(problems.len(), 1);
            prop_assert_eq!(problems[0].place.key(), format!("csv:{}:status", row + 2));
        }
    }
}
