//! Unsubscribe links that need no session: a token naming the person, signed
//! with a key derived from the session key, so it cannot be guessed or
//! altered, and void once the address it was sent to changes.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// Bytes of the MAC kept in a link: 144 bits, beyond guessing.
const MAC_BYTES: usize = 18;

/// The key that signs unsubscribe links, kept as a keyed HMAC ready to clone.
#[derive(Clone)]
pub struct UnsubscribeKey(HmacSha256);

impl std::fmt::Debug for UnsubscribeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UnsubscribeKey([redacted])")
    }
}

/// A token as read from a link: whose it claims to be, and its signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub user_id: i32,
    mac: Vec<u8>,
}

impl Token {
    /// `{user id}.{signature}`; anything else is not a token.
    pub fn parse(text: &str) -> Option<Token> {
        let (id, mac) = text.trim().split_once('.')?;
        let user_id = id.parse().ok().filter(|id: &i32| *id > 0)?;
        let mac = URL_SAFE_NO_PAD.decode(mac).ok()?;
        (mac.len() == MAC_BYTES).then_some(Token { user_id, mac })
    }
}

impl UnsubscribeKey {
    /// A key of its own, derived from `master` (the session key), so that a
    /// leaked link says nothing about session cookies.
    pub fn derive(master: &[u8]) -> anyhow::Result<UnsubscribeKey> {
        let mut derivation = HmacSha256::new_from_slice(master)?;
        derivation.update(b"peerhall/unsubscribe/v1");
        let key = derivation.finalize().into_bytes();
        Ok(UnsubscribeKey(HmacSha256::new_from_slice(&key)?))
    }

    /// The token for `user_id` at `email`.
    pub fn token(&self, user_id: i32, email: &str) -> String {
        let mut mac = self.0.clone();
        mac.update(&Self::message(user_id, email));
        let signature = mac.finalize().into_bytes();
        format!(
            "{user_id}.{}",
            URL_SAFE_NO_PAD.encode(&signature[..MAC_BYTES])
        )
    }

    /// Whether `token` was made for `email` (the person's address now).
    pub fn verify(&self, token: &Token, email: &str) -> bool {
        let mut mac = self.0.clone();
        mac.update(&Self::message(token.user_id, email));
        mac.verify_truncated_left(&token.mac).is_ok()
    }

    fn message(user_id: i32, email: &str) -> Vec<u8> {
        format!("unsubscribe:{user_id}:{}", email.trim().to_lowercase()).into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn key() -> UnsubscribeKey {
        UnsubscribeKey::derive(&[7u8; 64]).expect("a key")
    }

    #[test]
    fn a_token_verifies_for_its_address_only() {
        let token = key().token(42, "Ana@Example.org");
        let parsed = Token::parse(&token).expect("a token");
        assert_eq!(parsed.user_id, 42);
        assert!(key().verify(&parsed, "ana@example.org"));
        assert!(!key().verify(&parsed, "someone@example.org"));
        let other = UnsubscribeKey::derive(&[8u8; 64]).expect("a key");
        assert!(!other.verify(&parsed, "ana@example.org"));
    }

    #[test]
    fn another_persons_id_with_this_signature_fails() {
        let token = key().token(42, "ana@example.org");
        let forged = token.replacen("42.", "43.", 1);
        let parsed = Token::parse(&forged).expect("well formed");
        assert!(!key().verify(&parsed, "ana@example.org"));
    }

    proptest! {
        /// Any text is a token or not, never a panic; a tampered signature never verifies.
        #[test]
        fn any_text_parses_or_not(text in ".{0,80}") {
            if let Some(token) = Token::parse(&text) {
                prop_assert!(!key().verify(&token, "ana@example.org"));
            }
        }
    }
}
