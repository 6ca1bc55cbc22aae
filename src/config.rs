//! Typed, layered configuration: built-in defaults, `config/default.toml`,
//! `config/$PEERHALL_ENV.toml`, then `PEERHALL_<SECTION>__<KEY>` variables.
//!
//! `Settings` is a plain value handed to `Application::build`; nothing reads
//! configuration from a global, so tests can start many apps side by side.

use std::fmt;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Toml};
use serde::Deserialize;

/// The defaults compiled into the binary, so it starts from any directory.
const BUILT_IN_DEFAULTS: &str = include_str!("../config/default.toml");

/// Environment variables with the prefix that are not configuration keys.
const NON_KEY_VARIABLES: [&str; 3] = ["env", "config_dir", "test_database_url"];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub data_dir: PathBuf,
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub search: SearchSettings,
    pub email: EmailSettings,
    pub digest: DigestSettings,
    pub standard: StandardSettings,
    pub limits: LimitSettings,
    pub log: LogSettings,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerSettings {
    pub host: IpAddr,
    pub port: u16,
    pub public_url: url::Url,
    pub workers: usize,
    pub shutdown_timeout_secs: u64,
    /// Base64 of at least 64 random bytes; empty: kept in `<data_dir>/session.key`.
    pub session_key: Secret,
    /// Trust `Forwarded`/`X-Forwarded-For` for the client's address (only behind a proxy that sets them).
    pub behind_proxy: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseSettings {
    pub url: Secret,
    pub pool_size: u32,
    pub connect_timeout_secs: u64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchSettings {
    pub dir: PathBuf,
    pub writer_memory_mb: usize,
    /// A full reindex's, shared by its indexing threads.
    pub rebuild_memory_mb: usize,
}

impl SearchSettings {
    pub fn writer_memory_bytes(&self) -> usize {
        self.writer_memory_mb.saturating_mul(1_000_000)
    }

    pub fn rebuild_memory_bytes(&self) -> usize {
        self.rebuild_memory_mb.saturating_mul(1_000_000)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EmailTransport {
    File,
    Smtp,
    Stub,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailSettings {
    pub transport: EmailTransport,
    pub from: String,
    pub outbox_dir: PathBuf,
    pub smtp: Option<SmtpSettings>,
}

/// The weekly digests' scheduler inside `serve`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DigestSettings {
    /// Whether `serve` sends digests itself (off when a separate job runs `peerhall digest run`).
    pub scheduler: bool,
    /// Seconds between passes.
    pub every_secs: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpSecurity {
    Starttls,
    Tls,
    None,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    /// `email.smtp.tls`; `security` is the name older files used.
    #[serde(alias = "security")]
    pub tls: SmtpSecurity,
    /// Open connections kept for reuse.
    #[serde(default = "default_smtp_pool")]
    pub pool_size: u32,
    pub username: Option<String>,
    pub password: Option<Secret>,
}

fn default_smtp_pool() -> u32 {
    4
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StandardSettings {
    pub pm25_target_ugm3: f64,
}

/// Abuse limits.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitSettings {
    pub sign_in_per_ip_per_hour: u32,
    pub sign_in_per_email_per_hour: u32,
    /// Introductions one person may ask for in 24 hours.
    pub introductions_per_day: u32,
    /// Forum posts (threads and replies) a new account may write in an hour.
    pub new_account_posts_per_hour: u32,
    /// How many days an account counts as new.
    pub new_account_days: u32,
    /// Forum posts any account may write in an hour, and any one client address.
    pub posts_per_account_per_hour: u32,
    pub posts_per_ip_per_hour: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogSettings {
    pub filter: String,
}

/// A value that must never reach a log line: `Debug` and `Display` redact it.
#[derive(Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// Why the configuration could not be used; the text names the key at fault.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("configuration: {0}")]
    Parse(String),
    #[error("configuration: `{key}` {problem}")]
    Invalid { key: &'static str, problem: String },
    #[error("configuration: PEERHALL_ENV={env} but {path} does not exist")]
    MissingEnvFile { env: String, path: String },
}

impl From<figment::Error> for ConfigError {
    fn from(error: figment::Error) -> Self {
        // One line per problem: the key in lower case, what is wrong, and where it came from.
        let lines: Vec<String> = error.into_iter().map(|e| describe(&e)).collect();
        ConfigError::Parse(lines.join("; "))
    }
}

fn describe(error: &figment::Error) -> String {
    let key = error.path.join(".").to_lowercase();
    let origin = error.metadata.as_ref().map(|m| match &m.source {
        Some(source) => format!("{} {source}", m.name),
        None => m.name.to_string(),
    });
    match (key.is_empty(), origin) {
        (false, Some(origin)) => format!("`{key}`: {} (from {origin})", error.kind),
        (false, None) => format!("`{key}`: {}", error.kind),
        (true, Some(origin)) => format!("{} (from {origin})", error.kind),
        (true, None) => error.kind.to_string(),
    }
}

impl Settings {
    /// Loads from `./config` (or `PEERHALL_CONFIG_DIR`) and the process environment.
    pub fn load() -> Result<Self, ConfigError> {
        let dir = std::env::var("PEERHALL_CONFIG_DIR").unwrap_or_else(|_| "config".into());
        let env_name = std::env::var("PEERHALL_ENV").ok().filter(|e| !e.is_empty());
        Self::load_from(Path::new(&dir), env_name.as_deref())
    }

    /// Loads the layers from `dir`; environment variables still apply last.
    pub fn load_from(dir: &Path, env_name: Option<&str>) -> Result<Self, ConfigError> {
        let mut figment = Figment::new()
            .merge(Toml::string(BUILT_IN_DEFAULTS))
            .merge(Toml::file(dir.join("default.toml")));
        if let Some(env_name) = env_name {
            let path = dir.join(format!("{env_name}.toml"));
            if !path.is_file() {
                return Err(ConfigError::MissingEnvFile {
                    env: env_name.to_owned(),
                    path: path.display().to_string(),
                });
            }
            figment = figment.merge(Toml::file(path));
        }
        // PEERHALL_BENCH_* size the benchmarks; they are not configuration.
        let env = Env::prefixed("PEERHALL_")
            .filter(|key| !key.as_str().to_ascii_lowercase().starts_with("bench_"))
            .split("__")
            .ignore(&NON_KEY_VARIABLES);
        let settings: Settings = figment.merge(env).extract()?;
        settings.validated()
    }

    /// Checks what types alone cannot say, and fills derived defaults.
    pub fn validated(mut self) -> Result<Self, ConfigError> {
        if self.data_dir.as_os_str().is_empty() {
            return invalid("data_dir", "must not be empty");
        }
        if self.search.dir.as_os_str().is_empty() {
            self.search.dir = self.data_dir.join("index");
        }
        if self.email.outbox_dir.as_os_str().is_empty() {
            self.email.outbox_dir = self.data_dir.join("outbox");
        }
        crate::db::DatabaseTarget::parse(&self.database_url()).map_err(|problem| {
            ConfigError::Invalid {
                key: "database.url",
                problem,
            }
        })?;
        self.check_numbers()?;
        self.check_email()?;
        Ok(self)
    }

    fn check_numbers(&self) -> Result<(), ConfigError> {
        if self.database.pool_size == 0 {
            return invalid("database.pool_size", "must be at least 1");
        }
        if self.database.connect_timeout_secs == 0 {
            return invalid("database.connect_timeout_secs", "must be at least 1");
        }
        if self.digest.every_secs == 0 {
            return invalid("digest.every_secs", "must be at least 1");
        }
        let l = &self.limits;
        let at_least_one = [
            ("limits.sign_in_per_ip_per_hour", l.sign_in_per_ip_per_hour),
            (
                "limits.sign_in_per_email_per_hour",
                l.sign_in_per_email_per_hour,
            ),
            ("limits.introductions_per_day", l.introductions_per_day),
            (
                "limits.new_account_posts_per_hour",
                l.new_account_posts_per_hour,
            ),
            (
                "limits.posts_per_account_per_hour",
                l.posts_per_account_per_hour,
            ),
            ("limits.posts_per_ip_per_hour", l.posts_per_ip_per_hour),
        ];
        if let Some((key, _)) = at_least_one.iter().find(|(_, n)| *n == 0) {
            return invalid(key, "must be at least 1");
        }
        if self.search.writer_memory_mb < 15 {
            return invalid("search.writer_memory_mb", "must be at least 15");
        }
        if self.search.rebuild_memory_mb < 60 {
            return invalid("search.rebuild_memory_mb", "must be at least 60");
        }
        const WHO_VALUES: [f64; 5] = [5.0, 10.0, 15.0, 25.0, 35.0];
        if !WHO_VALUES.contains(&self.standard.pm25_target_ugm3) {
            return invalid(
                "standard.pm25_target_ugm3",
                "must be the WHO guideline (5) or an interim target (10, 15, 25, 35)",
            );
        }
        Ok(())
    }

    fn check_email(&self) -> Result<(), ConfigError> {
        if !looks_like_mailbox(&self.email.from) {
            return invalid(
                "email.from",
                "must be an address such as `Peerhall <peerhall@example.org>`",
            );
        }
        match (&self.email.transport, &self.email.smtp) {
            (EmailTransport::Smtp, None) => {
                invalid("email.smtp", "is required when email.transport = \"smtp\"")
            }
            (EmailTransport::Smtp, Some(smtp)) if smtp.host.trim().is_empty() => {
                invalid("email.smtp.host", "must not be empty")
            }
            _ => Ok(()),
        }
    }

    /// Whether people reach the service over TLS (cookies are then `Secure`).
    pub fn behind_tls(&self) -> bool {
        self.server.public_url.scheme() == "https"
    }

    /// The database URL, defaulting to SQLite inside the data directory.
    pub fn database_url(&self) -> String {
        let url = self.database.url.expose().trim();
        if url.is_empty() {
            format!("sqlite://{}", self.data_dir.join("peerhall.db").display())
        } else {
            url.to_owned()
        }
    }
}

fn invalid<T>(key: &'static str, problem: &str) -> Result<T, ConfigError> {
    Err(ConfigError::Invalid {
        key,
        problem: problem.to_owned(),
    })
}

/// `name@domain` or `Display Name <name@domain>`; full checking is the mailer's job.
fn looks_like_mailbox(value: &str) -> bool {
    let address = match (value.rfind('<'), value.strip_suffix('>')) {
        (Some(start), Some(inner)) => &inner[start + 1..],
        _ => value.trim(),
    };
    match address.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty() && !domain.is_empty() && !address.contains(char::is_whitespace)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailboxes_with_and_without_display_names_are_accepted() {
        assert!(looks_like_mailbox("a@b.org"));
        assert!(looks_like_mailbox("Peerhall <peerhall@localhost>"));
        assert!(!looks_like_mailbox("Peerhall"));
        assert!(!looks_like_mailbox("Peerhall <@x>"));
        assert!(!looks_like_mailbox("a b@c"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Whatever an environment file holds (known sections and keys with
        /// values of any type, unknown ones, broken TOML), loading it ends in
        /// settings or an error naming the problem, never a panic.
        #[test]
        fn any_environment_file_loads_or_is_refused(
            // One line per section: a section twice is already broken TOML.
            lines in proptest::collection::btree_map(
                "(server|database|search|email|email\\.smtp|digest|limits|log|nowhere)",
                (
                    "(port|url|pool_size|dir|transport|host|tls|every_secs|filter|[a-z_]{1,8})",
                    "(-?[0-9]{1,12}|true|\"[ -~]{0,12}\"|\\[1, \"x\"\\]|[ -~]{0,8})",
                ),
                0..6,
            )
        ) {
            let dir = tempfile::tempdir().unwrap();
            std::fs::copy("config/default.toml", dir.path().join("default.toml")).unwrap();
            let text: String = lines
                .iter()
                .map(|(section, (key, value))| format!("[{section}]\n{key} = {value}\n"))
                .collect();
            std::fs::write(dir.path().join("fuzz.toml"), text).unwrap();
            if let Err(e) = Settings::load_from(dir.path(), Some("fuzz")) {
                proptest::prop_assert!(!e.to_string().is_empty());
            }
        }
    }

    #[test]
    fn secrets_are_redacted_in_debug_output() {
        let secret = Secret::new("hunter2");
        assert_eq!(format!("{secret:?}"), "[redacted]");
        assert_eq!(secret.expose(), "hunter2");
    }
}
