//! Peer matching: for a city and a criterion, the discoverable cities most like
//! it that meet it, and why; "peers like you" and "cities you can help". Pure
//! ranking over in-memory profiles (`rank.rs`, `profile.rs`), a directory
//! rebuilt on writes (`directory.rs`), cards in the reader's language.

pub mod cards;
pub mod directory;
pub mod handlers;
pub mod introductions;
pub mod profile;
pub mod rank;
pub mod views;

pub use directory::PeerDirectory;

use crate::db::DbPool;
use crate::standard::Standards;

/// Rebuilds the directory after a write that changes what peers see. The write
/// has happened: a failure here is logged, and the next refresh catches up.
pub async fn refresh_after_write(directory: &PeerDirectory, pool: &DbPool, standards: &Standards) {
    let result = match standards.current() {
        Ok(catalog) => directory.refresh(pool, catalog.clone()).await,
        Err(e) => Err(e),
    };
    if let Err(e) = result {
        tracing::error!(error = %e, "peer directory refresh failed");
    }
}
