//! How text becomes terms: the tokenizer that keeps codes such as "PM2.5"
//! whole, the exact analyzer, and one stemming analyzer per forum language.

use std::collections::HashSet;
use std::sync::LazyLock;

use tantivy::Index;

use super::folding::fold_lower;
use super::terms::{POST_ANALYZER, PostTokenizer};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, RemoveLongFilter, Stemmer, TextAnalyzer, Token, TokenFilter,
    TokenStream, Tokenizer,
};

/// The forum's languages, in the order fields and analyzers are listed.
pub const LANGS: [&str; 4] = ["en", "es", "pt", "fr"];

/// The four languages' function words (NLTK's lists), lower case.
static STOP_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        stop_words::LANGUAGE::English,
        stop_words::LANGUAGE::Spanish,
        stop_words::LANGUAGE::Portuguese,
        stop_words::LANGUAGE::French,
    ]
    .into_iter()
    .flat_map(|language| stop_words::get(language).iter().copied())
    .collect()
});

/// Whether a lower-case word is a function word in one of the forum's
/// languages ("de", "the", "la"): it says little about what a text is about.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(word)
}

/// Tokens longer than this are noise (hashes, pasted URLs' paths) and are dropped
/// on both sides, so a query word of that size never blocks a match.
const MAX_TOKEN_BYTES: usize = 64;

/// Registers the analyzer the text fields name; the tokenizer manager is not
/// persisted, so every opened index needs this.
pub fn register(index: &Index) {
    let post = TextAnalyzer::builder(PostTokenizer::default()).build();
    index.tokenizers().register(POST_ANALYZER, post);
}

pub fn exact_analyzer() -> TextAnalyzer {
    exact_then(MapFilter(keep))
}

/// The exact analysis followed by `filter`.
pub fn exact_then(filter: impl TokenFilter) -> TextAnalyzer {
    TextAnalyzer::builder(CodeTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(MapFilter(fold_lower))
        .filter(filter)
        .build()
}

/// Accents are folded before stemming so that a word typed without them
/// ("evaluacion") stems exactly like the accented one ("evaluación"); the stem is
/// folded again because some stemmers put accents back.
pub fn stemmed_analyzer(lang: &str) -> TextAnalyzer {
    let language = match lang {
        "es" => Language::Spanish,
        "pt" => Language::Portuguese,
        "fr" => Language::French,
        _ => Language::English,
    };
    let nasal = if lang == "pt" {
        restore_portuguese_nasal
    } else {
        keep
    };
    TextAnalyzer::builder(CodeTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(MapFilter(fold_lower))
        .filter(MapFilter(nasal))
        .filter(Stemmer::new(language))
        .filter(AsciiFoldingFilter)
        .build()
}

/// The terms `text` yields under `analyzer`, with their positions.
pub fn analyze(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, String)> {
    let mut terms = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let token = stream.token();
        terms.push((token.position, token.text.clone()));
    }
    terms
}

fn keep(_: &mut String) {}

/// The Portuguese stemmer knows "-ção"/"-ções" but not their folded spellings,
/// so the common nasal endings get their cedilla and tilde back before stemming.
fn restore_portuguese_nasal(word: &mut String) {
    if word.chars().count() < 4 {
        return;
    }
    let endings = [
        ("coes", "ções"),
        ("cao", "ção"),
        ("oes", "ões"),
        ("aes", "ães"),
        ("ao", "ão"),
    ];
    for (folded, nasal) in endings {
        if let Some(stem) = word.strip_suffix(folded) {
            *word = format!("{stem}{nasal}");
            return;
        }
    }
}

/// Splits on anything but letters and digits, except that a dot between two
/// alphanumerics with a digit on either side stays inside the token, so
/// "PM2.5", "3.5" and "v1.2" are single terms while "e.g." and "U.S." are not.
#[derive(Clone, Default)]
pub struct CodeTokenizer {
    token: Token,
}

pub struct CodeTokenStream<'a> {
    text: &'a str,
    /// Where the next token is looked for, in bytes.
    next: usize,
    token: &'a mut Token,
}

impl Tokenizer for CodeTokenizer {
    type TokenStream<'a> = CodeTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> CodeTokenStream<'a> {
        self.token.reset();
        CodeTokenStream {
            text,
            next: 0,
            token: &mut self.token,
        }
    }
}

/// Where the word starting at `start` in `text` ends: past its letters and
/// digits, and past each dot between two of them with a digit on either
/// side. Reads the text where it lies: the text's characters collected
/// first cost every post and every snippet an allocation sixteen bytes a
/// character: about a tenth of marking a snippet.
fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut before = None;
    let mut chars = text.get(start..).unwrap_or_default().chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_alphanumeric() && !dot_joins(before, c, chars.peek().copied()) {
            break;
        }
        end += c.len_utf8();
        before = Some(c);
    }
    end
}

/// Whether `c` is a dot inside a number or code: "PM2.5", not "e.g.".
fn dot_joins(before: Option<char>, c: char, after: Option<char>) -> bool {
    match (before, after) {
        (Some(before), Some(after)) => {
            c == '.'
                && before.is_alphanumeric()
                && after.is_alphanumeric()
                && (before.is_numeric() || after.is_numeric())
        }
        _ => false,
    }
}

impl TokenStream for CodeTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let rest = self.text.get(self.next..).unwrap_or_default();
        let Some(skipped) = rest.find(char::is_alphanumeric) else {
            self.next = self.text.len();
            return false;
        };
        let from = self.next + skipped;
        let to = word_end(self.text, from);
        self.next = to;
        self.token.position = self.token.position.wrapping_add(1);
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.text.clear();
        self.token
            .text
            .push_str(self.text.get(from..to).unwrap_or_default());
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// A token filter rewriting each term in place.
#[derive(Clone, Copy)]
pub struct MapFilter(pub fn(&mut String));

#[derive(Clone)]
pub struct MapTokenizer<T> {
    map: fn(&mut String),
    inner: T,
}

pub struct MapTokenStream<S> {
    map: fn(&mut String),
    tail: S,
}

impl TokenFilter for MapFilter {
    type Tokenizer<T: Tokenizer> = MapTokenizer<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> MapTokenizer<T> {
        MapTokenizer { map: self.0, inner }
    }
}

impl<T: Tokenizer> Tokenizer for MapTokenizer<T> {
    type TokenStream<'a> = MapTokenStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MapTokenStream {
            map: self.map,
            tail: self.inner.token_stream(text),
        }
    }
}

impl<S: TokenStream> TokenStream for MapTokenStream<S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        (self.map)(&mut self.tail.token_mut().text);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        analyze(analyzer, text)
            .into_iter()
            .map(|(_, t)| t)
            .collect()
    }

    /// The tokens as the tokenizer made them when it collected the text's
    /// characters first: position, offsets and text.
    fn collected(text: &str) -> Vec<(usize, usize, usize, String)> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let offset = |i: usize| chars.get(i).map_or(text.len(), |&(o, _)| o);
        let joins = |i: usize| match (
            i.checked_sub(1).and_then(|b| chars.get(b)),
            chars.get(i),
            chars.get(i + 1),
        ) {
            (Some(&(_, b)), Some(&(_, d)), Some(&(_, a))) => {
                d == '.'
                    && b.is_alphanumeric()
                    && a.is_alphanumeric()
                    && (b.is_numeric() || a.is_numeric())
            }
            _ => false,
        };
        let (mut tokens, mut i) = (Vec::new(), 0);
        loop {
            while chars.get(i).is_some_and(|&(_, c)| !c.is_alphanumeric()) {
                i += 1;
            }
            if i >= chars.len() {
                return tokens;
            }
            let start = i;
            while chars.get(i).is_some_and(|&(_, c)| c.is_alphanumeric()) || joins(i) {
                i += 1;
            }
            let (from, to) = (offset(start), offset(i));
            tokens.push((tokens.len(), from, to, text[from..to].to_owned()));
        }
    }

    proptest::proptest! {
        /// Reading the text in place splits it exactly as collecting its
        /// characters did, dots, digits, accents and all.
        #[test]
        fn words_are_split_as_before(text in "[a-zA-Z09 .,é²ß\u{663}\u{2003}-]{0,24}") {
            let mut tokenizer = CodeTokenizer::default();
            let mut stream = tokenizer.token_stream(&text);
            let mut seen = Vec::new();
            while stream.advance() {
                let t = stream.token();
                seen.push((t.position, t.offset_from, t.offset_to, t.text.clone()));
            }
            proptest::prop_assert_eq!(seen, collected(&text));
        }
    }

    #[test]
    fn codes_acronyms_and_numbers_stay_whole() {
        let mut exact = exact_analyzer();
        assert_eq!(
            terms(
                &mut exact,
                "PM2.5 levels, GIS & 311 (ADA) SDG 11; DM8. e.g. U.S."
            ),
            [
                "pm2.5", "levels", "gis", "311", "ada", "sdg", "11", "dm8", "e", "g", "u", "s"
            ]
        );
    }

    #[test]
    fn positions_count_tokens_and_offsets_point_into_the_text() {
        let mut exact = exact_analyzer();
        let mut stream = exact.token_stream("¿Qué es PM2.5?");
        let mut seen = Vec::new();
        while stream.advance() {
            let t = stream.token();
            seen.push((t.position, t.text.clone(), t.offset_from, t.offset_to));
        }
        assert_eq!(
            seen,
            [
                (0, "que".to_owned(), 2, 6),
                (1, "es".to_owned(), 7, 9),
                (2, "pm2.5".to_owned(), 10, 15)
            ]
        );
    }

    #[test]
    fn accents_and_inflections_meet_in_each_language() {
        let cases = [
            ("es", ["evaluación", "evaluacion", "evaluaciones"]),
            ("pt", ["avaliação", "avaliacao", "avaliações"]),
            ("fr", ["évaluation", "evaluation", "évaluations"]),
            ("en", ["governance", "governing", "govern"]),
        ];
        for (lang, words) in cases {
            let mut analyzer = stemmed_analyzer(lang);
            let stems: Vec<Vec<String>> = words.iter().map(|w| terms(&mut analyzer, w)).collect();
            assert!(
                stems.iter().all(|s| s == &stems[0] && s.len() == 1),
                "{lang}: {stems:?}"
            );
        }
    }

    #[test]
    fn stemmers_keep_codes_findable() {
        for lang in LANGS {
            let mut analyzer = stemmed_analyzer(lang);
            let codes = terms(&mut analyzer, "PM2.5 DM8 311");
            assert_eq!(codes, ["pm2.5", "dm8", "311"], "{lang}");
        }
    }
}
