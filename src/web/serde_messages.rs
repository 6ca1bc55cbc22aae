//! Serde explains a body, query or path that does not fit in English prose; the
//! common explanations are recognised here and retold in the caller's language,
//! naming the field wherever serde does.

use crate::i18n::Lang;

/// A problem with one field: its name and what is wrong, in `lang`.
#[derive(Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub message: String,
}

/// The text between the first pair of backticks after `prefix`.
fn quoted_after<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    message.strip_prefix(prefix)?.split('`').next()
}

/// Retells serde's `message`; `whole` names the field when serde names none
/// (`body`, `query`, `path`).
pub fn retell(lang: Lang, message: &str, whole: &str) -> Problem {
    // serde_json appends the position; it is not part of the explanation.
    let message = message.split(" at line ").next().unwrap_or(message);
    let named = |field: &str, key: &str| Problem {
        field: field.to_owned(),
        message: lang.t(key),
    };
    if let Some(field) = quoted_after(message, "missing field `") {
        return named(field, "error-field-missing");
    }
    if let Some(field) = quoted_after(message, "unknown field `") {
        return named(field, "error-field-unknown");
    }
    if let Some(field) = quoted_after(message, "duplicate field `") {
        return named(field, "error-field-duplicate");
    }
    if let Some(value) = quoted_after(message, "unknown variant `") {
        // "expected `a` or `b`", "expected one of `a`, `b`, `c`": the quoted names.
        let expected = message
            .split_once("expected ")
            .map(|(_, rest)| rest.split('`').skip(1).step_by(2).collect::<Vec<_>>())
            .unwrap_or_default()
            .join(", ");
        return Problem {
            field: whole.to_owned(),
            message: lang.t_args(
                "error-value-unknown",
                &[("value", value.into()), ("expected", expected.into())],
            ),
        };
    }
    if message.starts_with("invalid type") {
        return named(whole, "error-value-type");
    }
    named(whole, "error-value-invalid")
}

/// Retells a JSON body's problem: a syntax error gives its line and column.
pub fn retell_json(lang: Lang, error: &serde_json::Error) -> Problem {
    match error.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => Problem {
            field: "body".to_owned(),
            message: lang.t_args(
                "error-json-syntax",
                &[
                    ("line", error.line().into()),
                    ("column", error.column().into()),
                ],
            ),
        },
        _ => retell(lang, &error.to_string(), "body"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Body {
        standard: String,
        level: Level,
        count: u8,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Level {
        Silver,
        Gold,
    }

    fn problem(lang: Lang, json: &str) -> Problem {
        let error = serde_json::from_str::<Body>(json).unwrap_err();
        retell_json(lang, &error)
    }

    #[test]
    fn missing_and_unknown_fields_are_named() {
        let p = problem(Lang::Es, r#"{"level":"gold","count":1}"#);
        assert_eq!(p.field, "standard");
        assert_eq!(p.message, Lang::Es.t("error-field-missing"));
        let p = problem(
            Lang::Fr,
            r#"{"standard":"x","level":"gold","count":1,"extra":1}"#,
        );
        assert_eq!(p.field, "extra");
        assert_eq!(p.message, Lang::Fr.t("error-field-unknown"));
    }

    #[test]
    fn bad_values_say_what_was_expected() {
        let p = problem(Lang::En, r#"{"standard":"x","level":"bronze","count":1}"#);
        assert_eq!(p.field, "body");
        assert!(p.message.contains("bronze"), "{}", p.message);
        assert!(p.message.contains("silver, gold"), "{}", p.message);
        let p = problem(Lang::Pt, r#"{"standard":1,"level":"gold","count":1}"#);
        assert_eq!(p.message, Lang::Pt.t("error-value-type"));
        let p = problem(Lang::En, r#"{"standard":"x","level":"gold","count":300}"#);
        assert_eq!(p.message, Lang::En.t("error-value-invalid"));
    }

    #[test]
    fn syntax_errors_give_the_position() {
        let p = problem(Lang::En, "{\n  \"standard\": oops");
        assert_eq!(p.field, "body");
        assert!(p.message.contains("line 2"), "{}", p.message);
    }
}
