//! The session cookie: encrypted and signed with a key from configuration or
//! from `<data_dir>/session.key`, HttpOnly, SameSite=Lax, Secure behind TLS.

use std::io::Write;
use std::path::Path;

use actix_session::SessionMiddleware;
use actix_session::config::{CookieContentSecurity, PersistentSession};
use actix_session::storage::CookieSessionStore;
use actix_web::cookie::{Key, SameSite, time::Duration};
use anyhow::Context;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::config::Settings;

pub const COOKIE_NAME: &str = "peerhall_session";

/// The configured key, or the one kept in the data directory (made on first start).
pub fn load_key(settings: &Settings) -> anyhow::Result<Key> {
    let configured = settings.server.session_key.expose().trim();
    if !configured.is_empty() {
        let bytes = STANDARD
            .decode(configured)
            .context("server.session_key is not base64")?;
        return Key::try_from(bytes.as_slice())
            .map_err(|_| anyhow::anyhow!("server.session_key must hold at least 64 bytes"));
    }
    key_file(&settings.data_dir.join("session.key"))
}

fn key_file(path: &Path) -> anyhow::Result<Key> {
    if let Ok(bytes) = std::fs::read(path) {
        return Key::try_from(bytes.as_slice())
            .map_err(|_| anyhow::anyhow!("{} is not a valid session key", path.display()));
    }
    let mut bytes = [0u8; 64];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    let mut file =
        create_private(path).with_context(|| format!("cannot write {}", path.display()))?;
    file.write_all(&bytes)?;
    Ok(Key::from(&bytes))
}

#[cfg(unix)]
fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

pub fn middleware(key: Key, secure: bool) -> SessionMiddleware<CookieSessionStore> {
    SessionMiddleware::builder(CookieSessionStore::default(), key)
        .cookie_name(COOKIE_NAME.to_owned())
        .cookie_secure(secure)
        .cookie_http_only(true)
        .cookie_same_site(SameSite::Lax)
        .cookie_content_security(CookieContentSecurity::Private)
        .session_lifecycle(PersistentSession::default().session_ttl(Duration::days(14)))
        .build()
}
