//! Introductions between peer cities: one city's person asks, the asked city's
//! admins accept or decline, and on acceptance both sides get each other's
//! contact. The rules here are pure; storage is `store.rs`, HTTP `handlers.rs`.

pub mod handlers;
pub mod mail;
pub mod store;
pub mod views;

use chrono::{Duration, NaiveDateTime};

/// The longest note a request may carry, in characters.
pub const MESSAGE_MAX: usize = 2000;

/// After a decline, the same city cannot ask again for this long: a "no" is
/// not an invitation to keep asking.
pub const QUIET_AFTER_DECLINE: Duration = Duration::days(90);

/// Where an introduction stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pending,
    Accepted,
    Declined,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Accepted => "accepted",
            Status::Declined => "declined",
        }
    }

    /// The stored code; anything else reads as pending, which shows it to
    /// the deciders rather than hiding it.
    pub fn from_code(code: &str) -> Status {
        match code {
            "accepted" => Status::Accepted,
            "declined" => Status::Declined,
            _ => Status::Pending,
        }
    }

    /// The message key naming it.
    pub fn label_key(self) -> &'static str {
        match self {
            Status::Pending => "intro-status-pending",
            Status::Accepted => "intro-status-accepted",
            Status::Declined => "intro-status-declined",
        }
    }
}

/// The latest earlier request from one city to the other.
#[derive(Debug, Clone, Copy)]
pub struct Previous {
    pub id: i32,
    pub status: Status,
    pub decided_at: Option<NaiveDateTime>,
}

/// Why a request cannot be made now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// A pending or accepted request between the two cities already exists.
    AlreadyAsked { id: i32 },
    /// The city declined recently.
    DeclinedRecently { id: i32 },
    /// The person has asked too often in the last day.
    TooMany { per_day: u32 },
    /// Nobody answers for the city: no city admin, no program admin.
    NoOneToAnswer,
}

/// Whether a city may ask again, given its latest request to the same city.
pub fn may_ask_again(previous: Option<Previous>, now: NaiveDateTime) -> Result<(), Refused> {
    let Some(previous) = previous else {
        return Ok(());
    };
    match previous.status {
        Status::Pending | Status::Accepted => Err(Refused::AlreadyAsked { id: previous.id }),
        Status::Declined => match previous.decided_at {
            Some(at) if now - at >= QUIET_AFTER_DECLINE => Ok(()),
            _ => Err(Refused::DeclinedRecently { id: previous.id }),
        },
    }
}

/// Whether `asked` requests in the last day, this one included, are allowed.
pub fn within_daily_limit(asked: i64, per_day: u32) -> Result<(), Refused> {
    if asked <= i64::from(per_day) {
        Ok(())
    } else {
        Err(Refused::TooMany { per_day })
    }
}

/// A request's note, trimmed; Err with a message key when it is too long.
pub fn parse_message(input: &str) -> Result<String, &'static str> {
    let message = input.trim();
    if message.chars().count() > MESSAGE_MAX {
        Err("intro-message-too-long")
    } else {
        Ok(message.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: i64) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_700_000_000 + n * 86_400, 0)
            .unwrap()
            .naive_utc()
    }

    fn previous(status: Status, decided_at: Option<NaiveDateTime>) -> Option<Previous> {
        Some(Previous {
            id: 3,
            status,
            decided_at,
        })
    }

    #[test]
    fn a_first_request_is_allowed() {
        assert_eq!(may_ask_again(None, day(0)), Ok(()));
    }

    #[test]
    fn a_pending_or_accepted_request_is_not_asked_twice() {
        for status in [Status::Pending, Status::Accepted] {
            assert_eq!(
                may_ask_again(previous(status, Some(day(0))), day(500)),
                Err(Refused::AlreadyAsked { id: 3 })
            );
        }
    }

    #[test]
    fn a_declined_city_is_left_alone_for_ninety_days() {
        let declined = previous(Status::Declined, Some(day(0)));
        assert_eq!(
            may_ask_again(declined, day(89)),
            Err(Refused::DeclinedRecently { id: 3 })
        );
        assert_eq!(may_ask_again(declined, day(90)), Ok(()));
    }

    #[test]
    fn the_daily_limit_counts_the_request_being_made() {
        assert_eq!(within_daily_limit(5, 5), Ok(()));
        assert_eq!(
            within_daily_limit(6, 5),
            Err(Refused::TooMany { per_day: 5 })
        );
    }

    #[test]
    fn a_note_is_trimmed_and_bounded_in_characters_not_bytes() {
        assert_eq!(parse_message("  hello \n").unwrap(), "hello");
        assert!(parse_message(&"é".repeat(MESSAGE_MAX)).is_ok());
        assert_eq!(
            parse_message(&"a".repeat(MESSAGE_MAX + 1)),
            Err("intro-message-too-long")
        );
    }
}
