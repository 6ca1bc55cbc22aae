//! Languages: the four Peerhall speaks, how a request's language is chosen, and
//! the Fluent bundles every user-facing string comes from.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{LazyLock, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use serde::{Deserialize, Serialize};
use unic_langid::langid;

mod format;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./src/i18n/locales",
        fallback_language: "en",
        customise: |bundle| {
            // Bidi isolation marks would leak into HTML attributes and JSON.
            bundle.set_use_isolating(false);
            // Fluent's own number formatting knows no locale: `{ $count }` must
            // read 1.234 in Portuguese, so each bundle gets its language's marks.
            let code = bundle.locales.first().map(|l| l.language.as_str().to_owned());
            bundle.set_formatter(Some(match code.as_deref() {
                Some("es") => fluent_number::<_, 1>,
                Some("pt") => fluent_number::<_, 2>,
                Some("fr") => fluent_number::<_, 3>,
                _ => fluent_number::<_, 0>,
            }));
        },
    };
}

/// Formats Fluent number arguments for `Lang::ALL[LANG]`.
fn fluent_number<M, const LANG: usize>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(number) => {
            let digits = number.options.maximum_fraction_digits.unwrap_or(3);
            Some(Lang::ALL[LANG].number(number.value, digits))
        }
        _ => None,
    }
}

/// Messages without arguments as each language resolved them, in the order
/// of [`Lang::ALL`]. Such a message never changes while the process runs,
/// while Fluent negotiates the fallback chain and walks the message on every
/// lookup: that was a sixth of a thread page's time (BENCHMARKS.md,
/// "Eleventh run"). The keys are the code's own, a few hundred in all; past
/// [`RESOLVED_KEYS`] a key is looked up each time instead, so that a key made
/// from input by some future caller cannot grow it without end.
static RESOLVED: [LazyLock<RwLock<foldhash::HashMap<String, String>>>; 4] =
    [const { LazyLock::new(RwLock::default) }; 4];

const RESOLVED_KEYS: usize = 4096;

fn read<T>(lock: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    // A panic mid-insert leaves at worst a missing entry.
    lock.read().unwrap_or_else(PoisonError::into_inner)
}

fn write<T>(lock: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    lock.write().unwrap_or_else(PoisonError::into_inner)
}

/// A language Peerhall is translated into.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Es,
    Pt,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Es, Lang::Pt, Lang::Fr];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Pt => "pt",
            Lang::Fr => "fr",
        }
    }

    /// Accepts `es`, `ES`, `es-AR`, `pt_BR`: the primary subtag decides.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The best of ours for an `Accept-Language` header, if any fits.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        accept_language::parse(header)
            .iter()
            .find_map(|tag| Lang::from_tag(tag))
    }

    /// The language's own name, for the language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
            Lang::Pt => "Português",
            Lang::Fr => "Français",
        }
    }

    fn identifier(self) -> LanguageIdentifier {
        match self {
            Lang::En => langid!("en"),
            Lang::Es => langid!("es"),
            Lang::Pt => langid!("pt"),
            Lang::Fr => langid!("fr"),
        }
    }

    /// The message `key`; a missing key shows as the key itself (and fails the
    /// bundle-completeness test), never as a panic.
    pub fn t(self, key: &str) -> String {
        let slot = self as usize;
        if let Some(known) = read(&RESOLVED[slot]).get(key) {
            return known.clone();
        }
        let text = LOCALES
            .try_lookup(&self.identifier(), key)
            .unwrap_or_else(|| key.to_owned());
        let mut resolved = write(&RESOLVED[slot]);
        if resolved.len() < RESOLVED_KEYS {
            resolved.insert(key.to_owned(), text.clone());
        }
        text
    }

    /// The message `key` with named arguments.
    pub fn t_args(self, key: &str, args: &[(&'static str, Arg)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), value.to_fluent()))
            .collect();
        LOCALES
            .try_lookup_with_args(&self.identifier(), key, &map)
            .unwrap_or_else(|| key.to_owned())
    }
}

/// An argument to a translated message.
#[derive(Debug, Clone)]
pub enum Arg {
    Str(String),
    Num(f64),
}

impl Arg {
    fn to_fluent(&self) -> FluentValue<'static> {
        match self {
            Arg::Str(s) => FluentValue::from(s.clone()),
            Arg::Num(n) => FluentValue::from(*n),
        }
    }
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Str(value.to_owned())
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Str(value)
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Arg::Str(value.clone())
    }
}

impl From<usize> for Arg {
    fn from(value: usize) -> Self {
        Arg::Num(value as f64)
    }
}

impl From<f64> for Arg {
    fn from(value: f64) -> Self {
        Arg::Num(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The message ids a bundle defines (lines `id = …` at the start).
    fn ids(ftl: &str) -> std::collections::BTreeSet<&str> {
        ftl.lines()
            .filter_map(|line| line.split_once(" ="))
            .map(|(id, _)| id)
            .filter(|id| {
                !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            })
            .collect()
    }

    #[test]
    fn every_bundle_has_exactly_the_english_keys() {
        let english = ids(include_str!("locales/en/main.ftl"));
        for (lang, ftl) in [
            ("es", include_str!("locales/es/main.ftl")),
            ("pt", include_str!("locales/pt/main.ftl")),
            ("fr", include_str!("locales/fr/main.ftl")),
        ] {
            let other = ids(ftl);
            let missing: Vec<_> = english.difference(&other).collect();
            let extra: Vec<_> = other.difference(&english).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{lang}: missing {missing:?}, extra {extra:?}"
            );
        }
        assert_eq!(Lang::Fr.t("layout-skip"), "Aller au contenu principal");
    }

    /// Every Rust source file under `src/`, as text.
    fn sources() -> Vec<(std::path::PathBuf, String)> {
        let mut pending = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        let mut files = Vec::new();
        while let Some(dir) = pending.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    pending.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    files.push((path, text));
                }
            }
        }
        files
    }

    /// The string literals right after `.t(` or `.t_args(` in `source`.
    fn looked_up(source: &str) -> Vec<&str> {
        let mut keys = Vec::new();
        for call in [".t(", ".t_args("] {
            for (at, _) in source.match_indices(call) {
                let rest = source[at + call.len()..].trim_start();
                if let Some(literal) = rest.strip_prefix('"') {
                    keys.extend(literal.split('"').next());
                }
            }
        }
        keys
    }

    /// Keys are written out in full where they are used (no `format!`ed keys), so
    /// a key no source mentions is dead and a looked-up key must exist.
    #[test]
    fn every_key_is_used_and_every_looked_up_key_exists() {
        let english = ids(include_str!("locales/en/main.ftl"));
        let sources = sources();
        assert!(sources.len() > 20, "found too few sources");
        let unused: Vec<_> = english
            .iter()
            .filter(|key| {
                let quoted = format!("\"{key}\"");
                !sources
                    .iter()
                    .any(|(path, text)| !path.ends_with("i18n/mod.rs") && text.contains(&quoted))
            })
            .collect();
        assert!(unused.is_empty(), "keys no code uses: {unused:?}");
        for (path, text) in &sources {
            for key in looked_up(text) {
                let is_key = !key.is_empty() && !key.contains(char::is_whitespace);
                assert!(
                    !is_key || english.contains(key),
                    "{}: `{key}` is not in the bundles",
                    path.display()
                );
            }
        }
    }

    #[test]
    fn a_remembered_message_stays_in_its_own_language() {
        let english = ids(include_str!("locales/en/main.ftl"));
        for round in 0..2 {
            for key in &english {
                for lang in Lang::ALL {
                    // A message that needs arguments fails without them: its key shows.
                    let direct = LOCALES
                        .try_lookup(&lang.identifier(), key)
                        .unwrap_or_else(|| (*key).to_owned());
                    assert_eq!(lang.t(key), direct, "{key} in {lang:?}, round {round}");
                }
            }
        }
        // Built, so that the check on looked-up keys does not read it as one.
        let missing = ["not", "a", "key"].join("-");
        assert_eq!(Lang::Es.t(&missing), missing);
    }

    #[test]
    fn tags_map_to_their_primary_language() {
        assert_eq!(Lang::from_tag("pt-BR"), Some(Lang::Pt));
        assert_eq!(Lang::from_tag("ES"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("de"), None);
    }

    #[test]
    fn accept_language_picks_the_first_language_we_speak() {
        assert_eq!(
            Lang::from_accept_language("de-DE, fr-CA;q=0.8, en;q=0.5"),
            Some(Lang::Fr)
        );
        assert_eq!(Lang::from_accept_language("de, ja"), None);
        assert_eq!(Lang::from_accept_language(""), None);
    }

    #[test]
    fn messages_take_arguments_in_each_language() {
        for lang in Lang::ALL {
            let args = [("count", 43usize.into()), ("areas", 8usize.into())];
            let text = lang.t_args("standard-criteria-count", &args);
            assert!(text.starts_with("43 "), "{text}");
        }
        assert!(Lang::Es.t("layout-skip").starts_with("Saltar"));
    }
}
