//! Optional passwords, hashed with argon2id. A wrong email and a wrong password
//! cost the same time: unknown accounts are checked against a stand-in hash.

use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

/// Shortest and longest passwords accepted (characters).
const MIN_LEN: usize = 12;
const MAX_LEN: usize = 200;

/// Message key for a password that is too short or too long.
pub fn check(password: &str) -> Result<(), &'static str> {
    let len = password.chars().count();
    if (MIN_LEN..=MAX_LEN).contains(&len) {
        Ok(())
    } else {
        Err("error-password-length")
    }
}

/// A PHC string (`$argon2id$v=19$…`) with a random salt.
pub fn hash(password: &str) -> anyhow::Result<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))
}

/// Whether `password` matches `stored`; `None` (no account, or no password)
/// still spends the time of a real check.
pub fn verify(password: &str, stored: Option<&str>) -> bool {
    let phc = stored.unwrap_or_else(|| stand_in());
    let matches = PasswordHash::new(phc)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false);
    matches && stored.is_some()
}

/// A hash of a random password, made once per process.
fn stand_in() -> &'static str {
    static STAND_IN: OnceLock<String> = OnceLock::new();
    STAND_IN.get_or_init(|| {
        let random = super::tokens::generate().unwrap_or_else(|_| "stand-in".into());
        hash(&random).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_against_its_own_hash_only() {
        let stored = hash("correct horse battery").unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("correct horse battery", Some(&stored)));
        assert!(!verify("correct horse battery!", Some(&stored)));
        assert!(!verify("correct horse battery", None));
        assert!(!verify("x", Some("not a hash")));
    }

    #[test]
    fn passwords_are_12_to_200_characters() {
        assert!(check("short").is_err());
        assert!(check("twelve chars").is_ok());
        assert!(check(&"x".repeat(201)).is_err());
    }
}
