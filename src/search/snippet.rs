//! The few lines shown under each hit, with the matched words in `<mark>`.
//! tantivy escapes the text before marking it, so a post's own HTML can
//! never reach the page as markup.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use foldhash::HashSet;
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer};

use super::analysis::{LANGS, exact_then, stemmed_analyzer};
use super::fields::Fields;
use super::terms::WordTerms;

/// Characters of post text in a snippet.
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
    fields: Fields,
    /// Body and title highlighters per language, the last slot for posts in
    /// none of [`LANGS`]; empty when the search has no words.
    made: [OnceLock<Option<(SnippetGenerator, SnippetGenerator)>>; 5],
}

impl Snippets {
    pub fn new(words: Highlight, fields: &Fields) -> Self {
        Snippets {
            words,
            fields: *fields,
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
        let Some((body_marker, title_marker)) = made else {
            return opening(body);
        };
        marked(body_marker, body)
            .or_else(|| marked(title_marker, title))
            .unwrap_or_else(|| opening(body))
    }

    fn make(&self, slot: usize) -> Option<(SnippetGenerator, SnippetGenerator)> {
        let lang = LANGS.get(slot).copied();
        let stems = self.words.stems.get(slot).cloned().unwrap_or_default();
        if self.words.exact.is_empty() && stems.is_empty() {
            return None;
        }
        let terms: BTreeMap<String, f32> = self
            .words
            .exact
            .iter()
            .chain(&stems)
            .map(|t| (t.clone(), 1.0))
            .collect();
        let forms = Arc::new(QueryForms::new(self.words.exact.clone(), stems));
        let generator = |field: Field| {
            let analyzer = exact_then(StemLikeQuery {
                forms: forms.clone(),
                stemmer: lang.map(stemmed_analyzer),
            });
            SnippetGenerator::new(terms.clone(), analyzer, field, SNIPPET_CHARS)
        };
        Some((
            generator(self.fields.body_text),
            generator(self.fields.title_text),
        ))
    }
}

fn marked(generator: &SnippetGenerator, text: &str) -> Option<String> {
    let mut snippet = generator.snippet(text);
    if snippet.is_empty() {
        return None;
    }
    snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
    Some(snippet.to_html())
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

    fn might_stem(&self, word: &str) -> bool {
        self.prefixes.iter().any(|p| word.starts_with(p.as_str()))
    }
}

/// After the exact analysis (case and accents folded), replaces a word by
/// its stem when that stem is one the query looks for. Only words starting
/// like a stem are stemmed: running the stemmer over every word of every
/// hit was most of a search's time.
#[derive(Clone)]
struct StemLikeQuery {
    forms: Arc<QueryForms>,
    stemmer: Option<TextAnalyzer>,
}

#[derive(Clone)]
struct StemLikeQueryTokenizer<T> {
    inner: T,
    filter: StemLikeQuery,
}

struct StemLikeQueryStream<'a, S> {
    tail: S,
    filter: &'a mut StemLikeQuery,
}

impl TokenFilter for StemLikeQuery {
    type Tokenizer<T: Tokenizer> = StemLikeQueryTokenizer<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> StemLikeQueryTokenizer<T> {
        StemLikeQueryTokenizer {
            inner,
            filter: self,
        }
    }
}

impl<T: Tokenizer> Tokenizer for StemLikeQueryTokenizer<T> {
    type TokenStream<'a> = StemLikeQueryStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemLikeQueryStream {
            tail: self.inner.token_stream(text),
            filter: &mut self.filter,
        }
    }
}

impl<S: TokenStream> TokenStream for StemLikeQueryStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let forms = &self.filter.forms;
        let word = &mut self.tail.token_mut().text;
        if forms.exact.contains(word.as_str()) || !forms.might_stem(word) {
            return true;
        }
        if let Some(stemmer) = self.filter.stemmer.as_mut()
            && let Some(stem) = wanted_stem(stemmer, &forms.stems, word)
        {
            *word = stem;
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// The stem of `word` if it is one of `stems`; only then is it copied.
fn wanted_stem(stemmer: &mut TextAnalyzer, stems: &HashSet<String>, word: &str) -> Option<String> {
    let mut stream = stemmer.token_stream(word);
    if !stream.advance() {
        return None;
    }
    let stem = &stream.token().text;
    stems.contains(stem.as_str()).then(|| stem.clone())
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
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

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
