//! The practitioners' forum: spaces (ten public categories and each city's
//! private one), threads and posts, votes and accepted answers, watching and
//! notifications, flags, and the search outbox every write feeds.

pub mod api;
pub mod api_history;
pub mod api_moderation;
mod api_types;
pub mod compose;
pub mod cursor;
pub mod feeds;
mod lists;
pub mod moderation;
pub mod pages;
pub mod service;
pub mod similar;
pub mod space;
pub mod store;
pub mod text;
mod views;
pub mod watch;

pub use service::{Forum, ForumError};
