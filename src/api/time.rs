//! Timestamps in the JSON API: the database keeps UTC without a zone; the API
//! shows them as RFC 3339 with `Z`, which is what its `date-time` format means.

use chrono::NaiveDateTime;
use serde::Serializer;

/// For `#[serde(serialize_with = "crate::api::time::utc")]` on a stored time,
/// with `#[schema(value_type = String, format = DateTime)]`.
pub fn utc<S: Serializer>(at: &NaiveDateTime, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(
        &at.and_utc()
            .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
    )
}

#[cfg(test)]
mod tests {
    #[derive(serde::Serialize)]
    struct At(#[serde(serialize_with = "super::utc")] chrono::NaiveDateTime);

    #[test]
    fn a_stored_time_is_shown_in_utc_with_its_zone() {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 8, 1)
            .unwrap()
            .and_hms_opt(10, 51, 0)
            .unwrap();
        assert_eq!(
            serde_json::to_string(&At(at)).unwrap(),
            "\"2026-08-01T10:51:00Z\""
        );
    }
}
