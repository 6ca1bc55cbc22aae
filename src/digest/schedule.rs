//! When a person's digest is due: their day and hour in their own time zone,
//! turned into an instant, and the ISO week the digest belongs to. Pure.

use chrono::{DateTime, Datelike, Duration, IsoWeek, LocalResult, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

use super::preferences::MailPreferences;

/// The ISO week a digest belongs to, in the reader's own calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Week {
    year: i32,
    number: u32,
}

impl Week {
    pub fn of(week: IsoWeek) -> Week {
        Week {
            year: week.year(),
            number: week.week(),
        }
    }

    /// `2026-W47`: the ledger's key.
    pub fn key(self) -> String {
        format!("{}-W{:02}", self.year, self.number)
    }

    /// The week a key names; None for anything that is not `YYYY-Www` of a real week.
    pub fn parse(key: &str) -> Option<Week> {
        let (year, number) = key.split_once("-W")?;
        let week = Week {
            year: year.parse().ok()?,
            number: number.parse().ok()?,
        };
        week.monday().map(|_| week)
    }

    /// The week's Monday.
    pub fn monday(self) -> Option<NaiveDate> {
        NaiveDate::from_isoywd_opt(self.year, self.number, chrono::Weekday::Mon)
    }
}

/// The instant `date` at `hour`:00 in `zone`. A time the clocks skip (spring
/// forward) becomes the first moment after the gap; a time they pass twice
/// (fall back) is the first of the two, so it is never sent twice.
pub fn local_instant(zone: Tz, date: NaiveDate, hour: u8) -> Option<DateTime<Utc>> {
    let start = date.and_hms_opt(u32::from(hour), 0, 0)?;
    // Gaps are at most a few hours wide; step through them a quarter-hour at a time.
    (0..=16).find_map(|quarter| {
        let candidate = start + Duration::minutes(15 * quarter);
        match zone.from_local_datetime(&candidate) {
            LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
            LocalResult::Ambiguous(first, _) => Some(first.with_timezone(&Utc)),
            LocalResult::None => None,
        }
    })
}

/// The digest due by `now`, if any: the reader's current week (in their zone)
/// once their day and hour in that week have come. Before that, nothing is
/// due (last week's digest was due last week).
pub fn due(prefs: &MailPreferences, zone: Tz, now: DateTime<Utc>) -> Option<(Week, DateTime<Utc>)> {
    if !prefs.digest {
        return None;
    }
    let local = now.with_timezone(&zone).date_naive();
    let week = Week::of(local.iso_week());
    let day = NaiveDate::from_isoywd_opt(week.year, week.number, prefs.digest_day.to_chrono())?;
    let at = local_instant(zone, day, prefs.digest_hour)?;
    (now >= at).then_some((week, at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::Weekday;
    use chrono::Timelike;
    use proptest::prelude::*;

    fn prefs(day: Weekday, hour: u8) -> MailPreferences {
        MailPreferences {
            digest_day: day,
            digest_hour: hour,
            ..MailPreferences::default()
        }
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .expect("an RFC 3339 time")
            .with_timezone(&Utc)
    }

    #[test]
    fn weeks_have_iso_keys() {
        let week = Week::of(
            NaiveDate::from_ymd_opt(2026, 11, 21)
                .expect("a date")
                .iso_week(),
        );
        assert_eq!(week.key(), "2026-W47");
        assert_eq!(week.monday(), NaiveDate::from_ymd_opt(2026, 11, 16));
        let new_year = Week::of(
            NaiveDate::from_ymd_opt(2027, 1, 1)
                .expect("a date")
                .iso_week(),
        );
        assert_eq!(new_year.key(), "2026-W53");
        assert_eq!(Week::parse("2026-W53"), Some(new_year));
        assert_eq!(Week::parse("2027-W53"), None);
        assert_eq!(Week::parse("2026-47"), None);
    }

    #[test]
    fn due_at_the_local_hour_not_before() {
        let zone: Tz = "America/Sao_Paulo".parse().expect("a zone");
        let monday_eight = prefs(Weekday::Mon, 8);
        // 08:00 in São Paulo (UTC−3) is 11:00 UTC.
        assert_eq!(due(&monday_eight, zone, utc("2026-11-23T10:59:00Z")), None);
        let (week, at) = due(&monday_eight, zone, utc("2026-11-23T11:00:00Z")).expect("due");
        assert_eq!(week.key(), "2026-W48");
        assert_eq!(at, utc("2026-11-23T11:00:00Z"));
        // Still due (the same week) later in the week, for a pass that was late.
        assert_eq!(
            due(&monday_eight, zone, utc("2026-11-26T00:00:00Z")).map(|d| d.0),
            Some(week)
        );
    }

    #[test]
    fn the_hour_follows_daylight_saving_time() {
        let zone: Tz = "America/Vancouver".parse().expect("a zone");
        let sunday_nine = prefs(Weekday::Sun, 9);
        // Before 1 Nov 2026 Vancouver is UTC−7; after, UTC−8.
        let (_, summer) = due(&sunday_nine, zone, utc("2026-10-25T20:00:00Z")).expect("due");
        assert_eq!(summer, utc("2026-10-25T16:00:00Z"));
        let (_, winter) = due(&sunday_nine, zone, utc("2026-11-08T20:00:00Z")).expect("due");
        assert_eq!(winter, utc("2026-11-08T17:00:00Z"));
    }

    #[test]
    fn a_skipped_hour_is_sent_after_the_gap_and_a_doubled_one_once() {
        let zone: Tz = "America/Vancouver".parse().expect("a zone");
        let spring = NaiveDate::from_ymd_opt(2027, 3, 14).expect("a date");
        // 02:00 does not exist that night: 03:00 PDT (10:00 UTC) does.
        assert_eq!(
            local_instant(zone, spring, 2),
            Some(utc("2027-03-14T10:00:00Z"))
        );
        let autumn = NaiveDate::from_ymd_opt(2026, 11, 1).expect("a date");
        // 01:00 happens twice: the first one, still PDT (08:00 UTC).
        assert_eq!(
            local_instant(zone, autumn, 1),
            Some(utc("2026-11-01T08:00:00Z"))
        );
    }

    #[test]
    fn nothing_is_due_when_the_digest_is_off() {
        let off = MailPreferences {
            digest: false,
            ..MailPreferences::default()
        };
        assert_eq!(due(&off, Tz::UTC, utc("2026-11-23T12:00:00Z")), None);
    }

    proptest! {
        /// Whatever the zone, day, hour and moment: a due digest's instant has
        /// come, falls in the same local week, and within a few hours of the
        /// chosen local hour on the chosen day.
        #[test]
        fn due_instants_are_in_the_past_and_in_the_readers_week(
            zone in prop::sample::select(vec![
                "America/Sao_Paulo", "America/Vancouver", "America/New_York",
                "America/St_Johns", "Pacific/Chatham", "UTC", "Asia/Kathmandu",
            ]),
            day in 0usize..7,
            hour in 0u8..24,
            seconds in 1_700_000_000i64..1_900_000_000,
        ) {
            let zone: Tz = zone.parse().expect("a zone");
            let prefs = prefs(Weekday::ALL[day], hour);
            let now = DateTime::from_timestamp(seconds, 0).expect("a time");
            if let Some((week, at)) = due(&prefs, zone, now) {
                prop_assert!(at <= now);
                let local = at.with_timezone(&zone);
                prop_assert_eq!(Week::of(local.date_naive().iso_week()), week);
                prop_assert_eq!(local.weekday(), prefs.digest_day.to_chrono());
                let drift = (i64::from(local.hour()) - i64::from(hour)).rem_euclid(24);
                prop_assert!(drift <= 4);
            }
        }
    }
}
