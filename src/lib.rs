//! Peerhall: self-assessment roadmaps, peer matching, a practitioners' forum
//! and weekly digests for cities working to the What Works Cities standard.

// Unit tests may unwrap; the library itself may not (the non-test build checks that).
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod accounts;
pub mod api;
pub mod assessment;
pub mod bench;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod digest;
pub mod email;
pub mod error;
pub mod forum;
pub mod health;
pub mod home;
pub mod i18n;
pub mod memory;
pub mod peers;
pub mod roadmap;
pub mod scale;
pub mod schema;
pub mod search;
pub mod standard;
pub mod startup;
pub mod telemetry;
pub mod web;
