//! Roadmaps: scoring an assessment, the city's standing, its ordered next steps
//! and its progress over time. The logic is pure; handlers and views sit beside it.

pub mod build;
pub mod cache;
pub mod export;
pub mod handlers;
mod progress;
pub mod score;
pub mod service;
pub mod standing;
pub mod steps;
mod threads;
mod views;
