//! The forum's pure text handling: Markdown rendering and excerpts,
//! @mentions and thread tags. No I/O; callers supply what needs the database.

pub mod markdown;
pub mod mentions;
pub mod tags;

#[cfg(test)]
mod xss_tests;

pub use markdown::{excerpt, render};
pub use mentions::{extract as extract_mentions, handle_from_name, is_handle};
pub use tags::{
    TagProblem, criterion_code, normalise as normalise_tag, parse_items as parse_tag_items,
    parse_list as parse_tag_list,
};
