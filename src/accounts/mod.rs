//! The people and places Peerhall serves: cities, users and roles, how they
//! sign in (email links, sessions, API tokens), and the policy that decides
//! who may see and do what.

pub mod admin;
pub mod admin_pages;
mod admin_views;
pub mod api_tokens;
pub mod audit;
pub mod cities;
pub mod city_settings;
pub mod email_tokens;
pub mod guard;
pub mod identity;
pub mod invitations;
mod invite_views;
pub mod limits;
mod mail;
pub mod password_pages;
pub mod passwords;
pub mod policy;
pub mod profile;
pub mod sessions;
pub mod sign_in;
pub mod tokens;
pub mod users;
mod views;
