//! Keyset positions in the forum's lists, opaque to clients: a list sorted
//! newest first resumes after (instant, id), so a page never shifts when new
//! threads arrive, and no query ever counts or skips rows.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, NaiveDateTime};

/// Rows a list page shows unless asked for fewer.
pub const PAGE_SIZE: i64 = 20;
/// The most a client may ask for in one page.
pub const PAGE_MAX: i64 = 100;

/// Where the next page starts: after the row at `at` with `id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub at: NaiveDateTime,
    pub id: i32,
}

impl Cursor {
    pub fn encode(&self) -> String {
        let micros = self.at.and_utc().timestamp_micros();
        URL_SAFE_NO_PAD.encode(format!("{micros}:{}", self.id))
    }

    /// None for anything `encode` did not produce.
    pub fn decode(text: &str) -> Option<Cursor> {
        let bytes = URL_SAFE_NO_PAD.decode(text.trim()).ok()?;
        let text = std::str::from_utf8(&bytes).ok()?;
        let (micros, id) = text.split_once(':')?;
        let at = DateTime::from_timestamp_micros(micros.parse().ok()?)?.naive_utc();
        Some(Cursor {
            at,
            id: id.parse().ok()?,
        })
    }
}

/// A page size as asked (`None`: the default), within 1..=PAGE_MAX.
pub fn page_size(asked: Option<i64>) -> Result<i64, &'static str> {
    match asked {
        None => Ok(PAGE_SIZE),
        Some(n) if (1..=PAGE_MAX).contains(&n) => Ok(n),
        Some(_) => Err("forum-error-limit"),
    }
}

/// One page of a list and where the next one starts, if there is one: the
/// query fetches one row more than the page to know.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<Cursor>,
}

impl<T> Page<T> {
    pub fn from_rows(mut rows: Vec<T>, size: i64, key: impl Fn(&T) -> Cursor) -> Page<T> {
        let size = usize::try_from(size).unwrap_or(0);
        let next = if rows.len() > size {
            rows.truncate(size);
            rows.last().map(key)
        } else {
            None
        };
        Page { items: rows, next }
    }
}

/// The first `size` of `rows` (fetched one over), and the key the next page
/// starts after when there was one more.
pub fn split_page<T>(
    mut rows: Vec<T>,
    size: usize,
    key: impl Fn(&T) -> i32,
) -> (Vec<T>, Option<i32>) {
    if rows.len() <= size {
        return (rows, None);
    }
    rows.truncate(size);
    let next = rows.last().map(key);
    (rows, next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_page_knows_whether_more_follow() {
        let at = DateTime::from_timestamp(1_700_000_000, 0)
            .unwrap()
            .naive_utc();
        let key = |id: &i32| Cursor { at, id: *id };
        let full = Page::from_rows(vec![5, 4, 3], 2, key);
        assert_eq!(full.items, [5, 4]);
        assert_eq!(full.next, Some(Cursor { at, id: 4 }));
        let last = Page::from_rows(vec![2, 1], 2, key);
        assert_eq!(last.next, None);
    }

    #[test]
    fn page_sizes_stay_within_bounds() {
        assert_eq!(page_size(None), Ok(PAGE_SIZE));
        assert_eq!(page_size(Some(100)), Ok(100));
        assert!(page_size(Some(0)).is_err());
        assert!(page_size(Some(101)).is_err());
    }

    #[test]
    fn garbage_is_not_a_cursor() {
        for text in ["", "abc", "!!!", &URL_SAFE_NO_PAD.encode("x:1")] {
            assert_eq!(Cursor::decode(text), None, "{text}");
        }
    }

    proptest! {
        #[test]
        fn cursors_round_trip(micros in 0i64..4_000_000_000_000_000, id in any::<i32>()) {
            let at = DateTime::from_timestamp_micros(micros).unwrap().naive_utc();
            let cursor = Cursor { at, id };
            prop_assert_eq!(Cursor::decode(&cursor.encode()), Some(cursor));
        }

        #[test]
        fn decoding_never_panics(text in ".{0,40}") {
            let _ = Cursor::decode(&text);
        }
    }
}
