//! Peerhall's integration tests: each starts the real server on port 0 with a
//! fresh database (SQLite, or PostgreSQL when PEERHALL_TEST_DATABASE_URL is set).

// A failed unwrap is a failed test, with its location.
#![allow(clippy::unwrap_used)]

mod accounts;
mod admin;
mod api_conventions;
mod assessment_form;
mod assessments;
mod authz;
mod binary;
mod bulk_export;
mod demo;
mod digests;
mod faults;
mod feeds;
mod forum;
mod forum_pages;
mod health;
mod helpers;
mod instances;
mod introductions;
mod invitations;
mod languages;
mod migrations;
mod moderation;
mod outage;
mod peers;
mod preferences;
mod roadmaps;
mod scale;
mod search;
mod similar;
mod smtp_sink;
mod standard;
