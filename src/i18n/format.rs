//! Numbers and dates as each language writes them: decimal and grouping marks
//! (CLDR), month names (chrono's locale data) and the date patterns, which are
//! translations like any other and live in the bundles (`format-date`, `format-time`).

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Tz;

use super::Lang;

/// How a language writes numbers: the CLDR symbols of its main American locale.
struct Marks {
    decimal: char,
    group: &'static str,
    /// Fewest digits before grouping starts: Spanish writes 4500 but 45.000.
    min_grouping_digits: usize,
}

fn marks(lang: Lang) -> Marks {
    match lang {
        Lang::En => Marks {
            decimal: '.',
            group: ",",
            min_grouping_digits: 4,
        },
        Lang::Es => Marks {
            decimal: ',',
            group: ".",
            min_grouping_digits: 5,
        },
        Lang::Pt => Marks {
            decimal: ',',
            group: ".",
            min_grouping_digits: 4,
        },
        // French groups with a narrow no-break space, which never wraps.
        Lang::Fr => Marks {
            decimal: ',',
            group: "\u{202f}",
            min_grouping_digits: 4,
        },
    }
}

fn chrono_locale(lang: Lang) -> chrono::Locale {
    match lang {
        Lang::En => chrono::Locale::en_US,
        Lang::Es => chrono::Locale::es_MX,
        Lang::Pt => chrono::Locale::pt_BR,
        Lang::Fr => chrono::Locale::fr_CA,
    }
}

fn group(digits: &str, separator: &str, min_grouping_digits: usize) -> String {
    if digits.len() < min_grouping_digits {
        return digits.to_owned();
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * separator.len());
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    out
}

impl Lang {
    /// `value` with at most `max_fraction_digits` decimals, trailing zeros dropped.
    pub fn number(self, value: f64, max_fraction_digits: usize) -> String {
        if !value.is_finite() {
            return value.to_string();
        }
        let fixed = format!("{:.*}", max_fraction_digits, value.abs());
        let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
        let fraction = fraction.trim_end_matches('0');
        let marks = marks(self);
        let mut out = String::new();
        if value < 0.0 && (whole != "0" || !fraction.is_empty()) {
            out.push('-');
        }
        out.push_str(&group(whole, marks.group, marks.min_grouping_digits));
        if !fraction.is_empty() {
            out.push(marks.decimal);
            out.push_str(fraction);
        }
        out
    }

    /// A share in percent, one decimal at most: 81.5% · 81,5 % (no-break space).
    pub fn percent(self, value: f64) -> String {
        let number = self.number(value, 1);
        match self {
            Lang::En | Lang::Pt => format!("{number}%"),
            Lang::Es | Lang::Fr => format!("{number}\u{a0}%"),
        }
    }

    /// A whole number, grouped: 1,234,567 · 1.234.567 · 1 234 567.
    pub fn integer(self, value: i64) -> String {
        self.number(value as f64, 0)
    }

    /// A calendar date: November 21, 2026 · 21 de noviembre de 2026.
    pub fn date(self, date: NaiveDate) -> String {
        let pattern = self.t("format-date");
        date.format_localized(&pattern, chrono_locale(self))
            .to_string()
    }

    /// The name of `date`'s weekday: Monday · lunes · segunda-feira · lundi.
    pub fn weekday_name(self, date: NaiveDate) -> String {
        date.format_localized("%A", chrono_locale(self)).to_string()
    }

    /// A moment stored in UTC, shown in `zone` with the zone's abbreviation.
    pub fn date_time(self, utc: NaiveDateTime, zone: Tz) -> String {
        let local: DateTime<Tz> = zone.from_utc_datetime(&utc);
        let time = local
            .format_localized(&self.t("format-time"), chrono_locale(self))
            .to_string();
        format!("{} {time}", self.date(local.date_naive()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn numbers_follow_each_language() {
        assert_eq!(Lang::En.integer(1_234_567), "1,234,567");
        assert_eq!(Lang::Es.integer(1_234_567), "1.234.567");
        assert_eq!(Lang::Pt.integer(1_234_567), "1.234.567");
        assert_eq!(Lang::Fr.integer(1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!(Lang::Es.integer(4500), "4500");
        assert_eq!(Lang::Pt.integer(4500), "4.500");
        assert_eq!(Lang::En.number(81.5, 1), "81.5");
        assert_eq!(Lang::Fr.number(81.5, 1), "81,5");
        assert_eq!(Lang::Es.number(-0.04, 1), "0");
        assert_eq!(Lang::En.number(-12.25, 1), "-12.2");
        assert_eq!(Lang::Pt.number(75.0, 2), "75");
        assert_eq!(Lang::En.percent(69.77), "69.8%");
        assert_eq!(Lang::Fr.percent(69.77), "69,8\u{a0}%");
    }

    #[test]
    fn dates_follow_each_language() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        assert_eq!(Lang::En.date(day), "November 21, 2026");
        assert_eq!(Lang::Es.date(day), "21 de noviembre de 2026");
        assert_eq!(Lang::Pt.date(day), "21 de novembro de 2026");
        assert_eq!(Lang::Fr.date(day), "21 novembre 2026");
    }

    #[test]
    fn moments_are_shown_in_the_readers_zone() {
        let utc = NaiveDate::from_ymd_opt(2026, 1, 2)
            .unwrap()
            .and_hms_opt(2, 30, 0)
            .unwrap();
        let text = Lang::Es.date_time(utc, chrono_tz::America::Sao_Paulo);
        assert_eq!(text, "1 de enero de 2026 23:30 -03");
        let text = Lang::En.date_time(utc, chrono_tz::America::New_York);
        assert_eq!(text, "January 1, 2026 9:30 PM EST");
    }

    proptest! {
        /// Removing the marks gives back the rounded digits, in every language.
        #[test]
        fn grouping_only_adds_marks(value in -1.0e12f64..1.0e12, lang in 0usize..4) {
            let lang = Lang::ALL[lang];
            let text = lang.number(value, 2);
            let marks = marks(lang);
            let plain: String = text
                .replace(marks.group, "")
                .chars()
                .map(|c| if c == marks.decimal { '.' } else { c })
                .collect();
            let parsed: f64 = plain.parse().unwrap();
            prop_assert!((parsed - value).abs() <= 0.005 + value.abs() * 1e-12);
        }
    }
}
