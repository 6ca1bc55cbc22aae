//! Weekly digests and immediate notices by mail. So far: what each person
//! wants (`preferences`), where it is kept (`store`) and the
//! `/api/v1/me/preferences` endpoints (`api`).

pub mod api;
pub mod preferences;
pub mod store;

pub use preferences::{MailPreferences, PreferenceChanges, Weekday};
