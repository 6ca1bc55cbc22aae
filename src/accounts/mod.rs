//! The people and places Peerhall serves. Today: cities and their
//! certifications; users, roles and sessions arrive with sign-in.

pub mod cities;
