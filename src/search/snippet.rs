//! The few lines shown under each hit, with the matched words in `<mark>`.
//! Every piece of the post's text is escaped as it is written out, so a
//! post's own HTML can never reach the page as markup.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use foldhash::HashSet;
use tantivy::snippet::collapse_overlapped_ranges;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};

use super::analysis::{LANGS, exact_analyzer, stemmed_analyzer};
use super::terms::WordTerms;

/// How much post text a snippet shows: bytes of a marked passage (as
/// tantivy's generator counted them), characters of an opening.
const SNIPPET_CHARS: usize = 200;
/// A word is stemmed for highlighting only if it starts like one of the
/// query's stems; stemmers keep at least this many leading letters.
const STEM_PREFIX_CHARS: usize = 3;

/// The words a search looks for, for highlighting: as written (folded), and
/// stemmed in each searched language.
#[derive(Debug, Clone, Default)]
pub struct Highlight {
    exact: HashSet<String>,
    /// In the order of [`LANGS`].
    stems: [HashSet<String>; 4],
}

impl Highlight {
    pub fn add(&mut self, word: &WordTerms) {
        self.exact
            .extend(word.exact.iter().map(|(_, token)| token.clone()));
        for (lang, stem) in &word.stems {
            if let Some(set) = self.stems.get_mut(*lang) {
                set.insert(stem.clone());
            }
        }
    }
}

/// One search's highlighters, made per language on first use.
pub struct Snippets {
    words: Highlight,
    /// The analyzer that marks a post, and what it marks, per language, the
    /// last slot for posts in none of [`LANGS`]; None when the search has
    /// no words.
    made: [OnceLock<Option<Marker>>; 5],
}

/// The exact analysis, what it marks, and the language's stemmer.
#[derive(Clone)]
struct Marker {
    exact: TextAnalyzer,
    forms: Arc<QueryForms>,
    stemmer: Option<TextAnalyzer>,
}

impl Snippets {
    pub fn new(words: Highlight) -> Self {
        Snippets {
            words,
            made: Default::default(),
        }
    }

    /// The body's best marked passage; else the title's, when only the title
    /// matched; else the body's opening.
    pub fn html(&self, lang: &str, title: &str, body: &str) -> String {
        let slot = LANGS.iter().position(|l| *l == lang).unwrap_or(LANGS.len());
        let made = self
            .made
            .get(slot)
            .and_then(|cell| cell.get_or_init(|| self.make(slot)).as_ref());
        let Some(marker) = made else {
            return opening(body);
        };
        // Analyzers step through text mutably: each thread its own copy.
        let mut marker = marker.clone();
        marked(&mut marker, body)
            .or_else(|| marked(&mut marker, title))
            .unwrap_or_else(|| opening(body))
    }

    fn make(&self, slot: usize) -> Option<Marker> {
        let lang = LANGS.get(slot).copied();
        let stems = self.words.stems.get(slot).cloned().unwrap_or_default();
        if self.words.exact.is_empty() && stems.is_empty() {
            return None;
        }
        Some(Marker {
            exact: exact_analyzer(),
            forms: Arc::new(QueryForms::new(self.words.exact.clone(), stems)),
            stemmer: lang.map(stemmed_analyzer),
        })
    }
}

/// Where a passage of the text starts and stops, and the matches in it.
#[derive(Default)]
struct Passage {
    start: usize,
    stop: usize,
    marks: Vec<Range<usize>>,
}

/// The escaped passage of at most [`SNIPPET_CHARS`] bytes with the most
/// matches, the earliest of equals, its matches in `<mark>`; None if the
/// text has none. This is tantivy's snippet generator's choice, made
/// without its copy of every word (lowercased again to look it up in a
/// sorted map) and of the passage: a post's snippet took 14 µs, a tenth of
/// a search's CPU.
fn marked(marker: &mut Marker, text: &str) -> Option<String> {
    let mut best = Passage::default();
    let mut current = Passage::default();
    let mut stream = marker.exact.token_stream(text);
    while let Some(token) = stream.next() {
        if token.offset_to - current.start > SNIPPET_CHARS {
            if current.marks.len() > best.marks.len() {
                std::mem::swap(&mut best, &mut current);
            }
            current.marks.clear();
            current.start = token.offset_from;
        }
        current.stop = token.offset_to;
        if marker.forms.marks(&token.text, marker.stemmer.as_mut()) {
            current.marks.push(token.offset_from..token.offset_to);
        }
    }
    if current.marks.len() > best.marks.len() {
        best = current;
    }
    if best.marks.is_empty() {
        return None;
    }
    let passage = text.get(best.start..best.stop)?;
    let mut html = String::with_capacity(passage.len() + 32);
    let mut from = 0;
    // Matches in order, overlapping ones merged (an analyzer may yield a
    // code and its parts at once), as tantivy's generator merged them.
    for mark in collapse_overlapped_ranges(&best.marks) {
        let inside = passage.get(mark.start - best.start..mark.end - best.start)?;
        escape_into(&mut html, passage.get(from..mark.start - best.start)?);
        html.push_str("<mark>");
        escape_into(&mut html, inside);
        html.push_str("</mark>");
        from = mark.end - best.start;
    }
    escape_into(&mut html, passage.get(from..)?);
    Some(html)
}

/// What a search looks for in one language, and the leading letters a word
/// needs before stemming it could make it one of the stems. Every word of
/// every hit is looked up here: hashed with the standard library's SipHash,
/// the lookups were a tenth of marking a snippet.
struct QueryForms {
    exact: HashSet<String>,
    stems: HashSet<String>,
    prefixes: Vec<String>,
}

impl QueryForms {
    fn new(exact: HashSet<String>, stems: HashSet<String>) -> Self {
        let mut prefixes: Vec<String> = stems
            .iter()
            .map(|s| s.chars().take(STEM_PREFIX_CHARS).collect())
            .collect();
        prefixes.sort();
        prefixes.dedup();
        QueryForms {
            exact,
            stems,
            prefixes,
        }
    }

    /// Whether a word of a post, as the exact analysis leaves it, is one to
    /// mark: as the query wrote it, or with a stem the query has. Only words
    /// starting like a stem are stemmed: running the stemmer over every word
    /// of every hit was most of a search's time.
    fn marks(&self, word: &str, stemmer: Option<&mut TextAnalyzer>) -> bool {
        if self.exact.contains(word) {
            return true;
        }
        // A stem starts like itself, so no word failing this is one.
        if !self.prefixes.iter().any(|p| word.starts_with(p.as_str())) {
            return false;
        }
        self.stems.contains(word) || stemmer.is_some_and(|s| stems_to(s, &self.stems, word))
    }
}

/// Whether the stem of `word` is one of `stems`.
fn stems_to(stemmer: &mut TextAnalyzer, stems: &HashSet<String>, word: &str) -> bool {
    let mut stream = stemmer.token_stream(word);
    stream.advance() && stems.contains(stream.token().text.as_str())
}

/// The first words of `text`, escaped, cut at a word and marked as cut.
fn opening(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= SNIPPET_CHARS {
        return escape(text);
    }
    let cut: String = text.chars().take(SNIPPET_CHARS).collect();
    let at_word = cut
        .rfind(char::is_whitespace)
        .map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", escape(at_word.trim_end()))
}

fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    escape_into(&mut escaped, text);
    escaped
}

/// The entities tantivy's snippets used (`htmlescape`'s minimal set), so
/// that a snippet reads the same as before.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;
    use tantivy::schema::Field;
    use tantivy::snippet::SnippetGenerator;

    use super::*;

    /// Words with accents, codes, markup and apostrophes, some of them wanted.
    const WORDS: [&str; 12] = [
        "budget",
        "Budget",
        "évaluation",
        "evaluation",
        "PM2.5",
        "<b>",
        "&",
        "l'air",
        "data",
        "données",
        "a",
        "x",
    ];

    /// tantivy's snippet generator, which marked snippets before, over the
    /// exact analysis: what `marked` must still write when nothing is stemmed.
    fn tantivys(forms: &QueryForms, text: &str) -> Option<String> {
        let terms: BTreeMap<String, f32> = forms
            .exact
            .iter()
            .chain(&forms.stems)
            .map(|t| (t.clone(), 1.0))
            .collect();
        let generator = SnippetGenerator::new(
            terms,
            exact_analyzer(),
            Field::from_field_id(0),
            SNIPPET_CHARS,
        );
        let mut snippet = generator.snippet(text);
        snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
        (!snippet.is_empty()).then(|| snippet.to_html())
    }

    proptest! {
        /// The same passage, marks and escaping as tantivy's generator, over
        /// texts long enough to hold several passages.
        #[test]
        fn marks_the_passage_tantivy_would(
            text in prop::collection::vec((0..WORDS.len(), prop::sample::select(vec![" ", "  ", ", ", "\n"])), 0..120),
            wanted in prop::collection::hash_set(0..WORDS.len(), 0..4),
        ) {
            let text: String = text.iter().map(|&(w, gap)| format!("{}{gap}", WORDS[w])).collect();
            let mut analyzer = exact_analyzer();
            let exact: HashSet<String> = wanted
                .iter()
                .flat_map(|&w| super::super::analysis::analyze(&mut analyzer, WORDS[w]))
                .map(|(_, token)| token)
                .collect();
            let forms = Arc::new(QueryForms::new(exact, HashSet::default()));
            let mut marker = Marker { exact: exact_analyzer(), forms: forms.clone(), stemmer: None };
            prop_assert_eq!(marked(&mut marker, &text), tantivys(&forms, &text));
        }
    }

    #[test]
    fn a_word_is_marked_where_its_stem_is_wanted() {
        let stems = HashSet::from_iter(["evalu".to_owned()]);
        let mut marker = Marker {
            exact: exact_analyzer(),
            forms: Arc::new(QueryForms::new(HashSet::default(), stems)),
            stemmer: Some(stemmed_analyzer("es")),
        };
        let html = marked(&mut marker, "Las evaluaciones & <otras> evaluar");
        assert_eq!(
            html.as_deref(),
            Some("Las <mark>evaluaciones</mark> &amp; &lt;otras&gt; <mark>evaluar</mark>")
        );
        assert_eq!(marked(&mut marker, "nada que ver"), None);
    }

    #[test]
    fn the_opening_is_escaped_and_cut_at_a_word() {
        assert_eq!(
            opening(" <b>hi</b> & bye "),
            "&lt;b&gt;hi&lt;/b&gt; &amp; bye"
        );
        let long = "word ".repeat(100);
        let cut = opening(&long);
        assert!(cut.ends_with("word…"), "{cut}");
        assert!(cut.chars().count() <= SNIPPET_CHARS + 1);
    }
}
