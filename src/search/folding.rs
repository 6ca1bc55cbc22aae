//! Lower-casing and accent folding in one pass over a token, with the same
//! result as tantivy's `LowerCaser` followed by its `AsciiFoldingFilter`.
//! Both work a character at a time, so a table of what they make of each
//! Latin letter, filled by running them once, gives their answer without
//! the folding filter's long match per character: with it, folding and
//! lower-casing took about 7% of a rare word's search (its snippets), with
//! the table under 3% (BENCHMARKS.md, "Fourteenth run"). A token with a
//! character past the table goes through tantivy's filters as before.

use std::cell::RefCell;
use std::mem;
use std::sync::LazyLock;

use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RawTokenizer, TextAnalyzer};

/// Characters below this (Latin-1, Latin Extended-A and -B: every letter of
/// the forum's languages) are folded from the table.
const TABLE_END: usize = 0x250;

/// What tantivy's two filters make of each character below [`TABLE_END`].
static TABLE: LazyLock<Vec<Box<str>>> = LazyLock::new(|| {
    let mut reference = reference();
    (0..TABLE_END)
        .map(|code| {
            let c = u32::try_from(code).ok().and_then(char::from_u32);
            c.map(|c| fold_with(&mut reference, c.encode_utf8(&mut [0; 4])).into())
                .unwrap_or_default()
        })
        .collect()
});

/// tantivy's filters, which the table is made with and which fold what it
/// does not hold.
fn reference() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

fn fold_with(reference: &mut TextAnalyzer, text: &str) -> String {
    let mut stream = reference.token_stream(text);
    let mut folded = String::new();
    while stream.advance() {
        folded.push_str(&stream.token().text);
    }
    folded
}

thread_local! {
    /// Per thread: the buffer a token is folded into, and tantivy's filters
    /// for the tokens the table cannot fold, made on first need.
    static SCRATCH: RefCell<(String, Option<TextAnalyzer>)> = const {
        RefCell::new((String::new(), None))
    };
}

/// Lower-cases and folds `text` in place, as `LowerCaser` then
/// `AsciiFoldingFilter` would; used through [`super::analysis::MapFilter`].
pub fn fold_lower(text: &mut String) {
    if text.is_ascii() {
        text.make_ascii_lowercase();
        return;
    }
    SCRATCH.with_borrow_mut(|(buffer, fallback)| {
        if !from_table(text, buffer) {
            *buffer = fold_with(fallback.get_or_insert_with(reference), text);
        }
        mem::swap(text, buffer);
    });
}

/// `text` folded into `folded`; false if it has a character past the table.
fn from_table(text: &str, folded: &mut String) -> bool {
    folded.clear();
    for c in text.chars() {
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
        } else if let Some(entry) = TABLE.get(c as usize) {
            folded.push_str(entry);
        } else {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use tantivy::tokenizer::SimpleTokenizer;

    use super::*;
    use crate::search::analysis::MapFilter;

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut all = Vec::new();
        while stream.advance() {
            all.push(stream.token().text.clone());
        }
        all
    }

    #[test]
    fn the_forums_letters_fold_to_ascii() {
        let mut ours = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(MapFilter(fold_lower))
            .build();
        assert_eq!(
            tokens(&mut ours, "Evaluación AVALIAÇÃO Qualité Straße Œuvre"),
            ["evaluacion", "avaliacao", "qualite", "strasse", "oeuvre"]
        );
    }

    proptest! {
        /// The same tokens as tantivy's two filters for any text: Latin
        /// letters from the table, anything else (Greek, Cyrillic, CJK,
        /// combining marks) through tantivy's filters.
        #[test]
        fn it_folds_as_tantivys_filters_do(
            text in prop::collection::vec(
                prop_oneof![
                    any::<char>(),
                    (0x20u32..0x2000).prop_filter_map("a char", char::from_u32),
                    (0x20u32..0x250).prop_filter_map("a char", char::from_u32),
                ],
                0..40,
            ).prop_map(|chars| chars.into_iter().collect::<String>())
        ) {
            let mut ours = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(MapFilter(fold_lower))
                .build();
            let mut theirs = TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .build();
            prop_assert_eq!(tokens(&mut ours, &text), tokens(&mut theirs, &text));
        }
    }
}
