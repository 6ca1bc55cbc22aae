//! What the two text fields hold and how a query word is looked up in them:
//! each word as written (case and accents folded) and, at the same position,
//! its stem in the post's language marked with [`STEM_MARK`], unless the word
//! is its own stem. One field per part instead of one per language and form:
//! a query word is a few terms per field, not ten fields, and the languages'
//! stems that agree (codes, acronyms, shared words) are one term.
//!
//! Two thirds of a forum's words are their own stem ("de", "the", "data",
//! "311"); a second term for each was a third of the tokens indexed, and
//! dropping it made a rebuild about 15% faster (BENCHMARKS.md, "Seventh
//! run"). A word's stem is therefore looked up both marked (the posts whose
//! words stem to it) and as written (the posts that hold it as it is).

use compact_str::CompactString;
use tantivy::tokenizer::{BoxTokenStream, TextAnalyzer, Token, TokenStream, Tokenizer};

use super::analysis::{LANGS, analyze, exact_analyzer, stemmed_analyzer};

/// Marks a stem, so that a stem never meets a word as written: quoted
/// phrases look for words as written only. Never part of a word, since the
/// tokenizer splits on anything but letters, digits and dots.
pub const STEM_MARK: char = '~';

/// Stems remembered per language before the cache starts over: a forum's
/// words follow Zipf's law, so few words are most tokens, and stemming
/// every token was a third of indexing.
const CACHED_STEMS: usize = 100_000;

/// The analyzer the text fields are indexed with: [`PostTokenizer`]. Its
/// name is part of the schema: renamed when what it emits changes, so that
/// the service rebuilds an index made by an earlier version.
pub const POST_ANALYZER: &str = "peerhall_post_v2";

/// Ends the language tag a text field's value starts with.
const LANG_END: char = '\u{1f}';

/// A post's text as a text field's value: tagged with the post's language,
/// which a field's one analyzer needs to stem each post in its own.
pub fn tagged(lang: &str, text: &str) -> String {
    format!("{lang}{LANG_END}{text}")
}

/// Indexes a [`tagged`] text: each word as written and stemmed in the tag's
/// language. Runs in tantivy's indexing threads, each with its own copy and
/// so its own remembered stems.
#[derive(Clone, Default)]
pub struct PostTokenizer {
    stemmers: Stemmers,
}

impl Tokenizer for PostTokenizer {
    type TokenStream<'a> = PostTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> PostTokenStream<'a> {
        let (lang, text) = match text.split_once(LANG_END) {
            Some((lang, rest)) if lang.len() <= 3 => (lang, rest),
            _ => ("", text),
        };
        self.stemmers.stream(lang, text)
    }
}

/// Each word as written, then its marked stem if it differs. The word is
/// handed on as the word stream made it, not copied into a token of this
/// stream's own: that copy was 1.4% of a rebuild's CPU.
pub struct PostTokenStream<'a> {
    words: BoxTokenStream<'a>,
    stemmer: Option<(&'a mut TextAnalyzer, &'a mut StemCache)>,
    /// The current word's marked stem, reused from word to word.
    stem: Token,
    /// The current token is `stem`, not the word.
    at_stem: bool,
    /// The current token is a word whose stem may come next.
    stem_next: bool,
}

impl PostTokenStream<'_> {
    /// Makes `stem` the current word's marked stem; false if the word is its own stem.
    fn stem_word(&mut self) -> bool {
        let Some((stemmer, cache)) = self.stemmer.as_mut() else {
            return false;
        };
        let word = self.words.token();
        if !mark_stem(stemmer, cache, &word.text, &mut self.stem.text) {
            return false;
        }
        self.stem.position = word.position;
        self.stem.offset_from = word.offset_from;
        self.stem.offset_to = word.offset_to;
        self.stem.position_length = word.position_length;
        true
    }
}

impl TokenStream for PostTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.at_stem = std::mem::take(&mut self.stem_next) && self.stem_word();
        if self.at_stem {
            return true;
        }
        if !self.words.advance() {
            return false;
        }
        self.stem_next = self.stemmer.is_some() && !is_own_stem_by_length(&self.words.token().text);
        true
    }

    fn token(&self) -> &Token {
        if self.at_stem {
            &self.stem
        } else {
            self.words.token()
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        if self.at_stem {
            &mut self.stem
        } else {
            self.words.token_mut()
        }
    }
}

/// Words of one or two letters are their own stem in every language of
/// [`LANGS`] (the Snowball stemmers find no suffix region in them), except
/// that French drops a final "s" after most letters; a test checks every
/// such word of letters and digits. Indexing skips the stem cache for them.
fn is_own_stem_by_length(word: &str) -> bool {
    word.chars().nth(2).is_none() && !word.ends_with('s')
}

/// The term of a stem in the text fields, where some word stems to it.
pub fn stem_term(stem: &str) -> String {
    format!("{STEM_MARK}{stem}")
}

/// A query word as the text fields hold it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordTerms {
    /// As written, token by token with positions: several make a phrase.
    pub exact: Vec<(usize, String)>,
    /// For a word of one token: its stem in each searched language (as an
    /// index into [`LANGS`]), unmarked.
    pub stems: Vec<(usize, String)>,
}

impl WordTerms {
    /// The terms a word is found by through its stems, each once, in
    /// order: every stem marked, for words that stem to it, and as written,
    /// for words that are their own stem; the latter may be the word itself.
    pub fn stem_terms(&self) -> Vec<String> {
        let mut terms: Vec<String> = Vec::new();
        for (_, stem) in &self.stems {
            for term in [stem_term(stem), stem.clone()] {
                if !terms.contains(&term) {
                    terms.push(term);
                }
            }
        }
        terms
    }
}

/// The exact analyzer and a remembering stemmer per language.
#[derive(Clone)]
pub struct Stemmers {
    exact: TextAnalyzer,
    stemmers: [TextAnalyzer; 4],
    cache: [StemCache; 4],
}

impl Default for Stemmers {
    fn default() -> Self {
        Stemmers {
            exact: exact_analyzer(),
            stemmers: LANGS.map(stemmed_analyzer),
            cache: Default::default(),
        }
    }
}

impl Stemmers {
    /// A post's text as a text field holds it, stemmed in `lang` (not at all
    /// in a language outside [`LANGS`]).
    pub fn stream<'a>(&'a mut self, lang: &str, text: &'a str) -> PostTokenStream<'a> {
        let slot = LANGS.iter().position(|l| *l == lang);
        let Stemmers {
            exact,
            stemmers,
            cache,
        } = self;
        let stemmer = slot.and_then(|i| Some((stemmers.get_mut(i)?, cache.get_mut(i)?)));
        PostTokenStream {
            words: exact.token_stream(text),
            stemmer,
            stem: Token::default(),
            at_stem: false,
            stem_next: false,
        }
    }

    /// `text` (one query word or phrase) as written and, if it is one token,
    /// stemmed in each of `langs` (indexes into [`LANGS`]).
    pub fn word(&mut self, text: &str, langs: &[usize]) -> WordTerms {
        let exact = analyze(&mut self.exact, text);
        let mut stems = Vec::new();
        if let [(_, word)] = exact.as_slice() {
            for &i in langs {
                let (Some(stemmer), Some(cache)) =
                    (self.stemmers.get_mut(i), self.cache.get_mut(i))
                else {
                    continue;
                };
                if let Some(stem) = stem_of(stemmer, cache, word) {
                    stems.push((i, stem));
                }
            }
        }
        WordTerms { exact, stems }
    }
}

/// A folded word's stem in one language; None when stemming gives no single
/// token. Words and stems of up to 24 bytes (nearly all) are held inline, so
/// a lookup reads the table and not a string elsewhere in memory: with
/// `String`s, comparing keys was 30% of tokenizing a post.
type StemCache = foldhash::HashMap<CompactString, Option<CompactString>>;

/// Puts the folded `word`'s marked stem in `stem`, remembered; false when
/// stemming gives no single token or the word itself. A known word costs
/// one lookup.
fn mark_stem(
    stemmer: &mut TextAnalyzer,
    cache: &mut StemCache,
    word: &str,
    stem: &mut String,
) -> bool {
    if let Some(known) = cache.get(word) {
        return marked(word, known.as_deref(), stem);
    }
    let found = remember(stemmer, cache, word);
    marked(word, found.as_deref(), stem)
}

/// A folded word's stem, itself included, remembered.
fn stem_of(stemmer: &mut TextAnalyzer, cache: &mut StemCache, word: &str) -> Option<String> {
    match cache.get(word) {
        Some(known) => known.as_deref().map(str::to_owned),
        None => remember(stemmer, cache, word).map(String::from),
    }
}

/// Stems a word the cache does not know, and remembers it.
fn remember(
    stemmer: &mut TextAnalyzer,
    cache: &mut StemCache,
    word: &str,
) -> Option<CompactString> {
    if cache.len() >= CACHED_STEMS {
        cache.clear();
    }
    let stem = match analyze(stemmer, word).as_slice() {
        [(_, stem)] => Some(CompactString::new(stem)),
        _ => None,
    };
    cache.insert(CompactString::new(word), stem.clone());
    stem
}

fn marked(word: &str, found: Option<&str>, stem: &mut String) -> bool {
    let Some(found) = found.filter(|s| *s != word) else {
        return false;
    };
    stem.clear();
    stem.push(STEM_MARK);
    stem.push_str(found);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(mut stream: PostTokenStream<'_>) -> Vec<(usize, String)> {
        let mut seen = Vec::new();
        while stream.advance() {
            seen.push((stream.token().position, stream.token().text.clone()));
        }
        seen
    }

    fn owned(expected: &[(usize, &str)]) -> Vec<(usize, String)> {
        expected
            .iter()
            .map(|(p, t)| (*p, (*t).to_owned()))
            .collect()
    }

    #[test]
    fn a_word_and_its_stem_share_a_position() {
        let mut stemmers = Stemmers::default();
        let tokens = texts(stemmers.stream("en", "Governing GIS"));
        // "gis" is its own stem: one term, found as written.
        let expected = [(0, "governing"), (0, "~govern"), (1, "gis")];
        assert_eq!(tokens, owned(&expected));
        let unknown = texts(stemmers.stream("de", "Governing"));
        assert_eq!(unknown, owned(&[(0, "governing")]));
    }

    #[test]
    fn a_query_word_is_found_as_written_and_through_each_languages_stem() {
        let mut stemmers = Stemmers::default();
        let word = stemmers.word("Évaluations", &[0, 2]);
        assert_eq!(word.exact, [(0, "evaluations".to_owned())]);
        // Portuguese leaves this English spelling alone.
        let stems = [(0, "evalu".to_owned()), (2, "evaluations".to_owned())];
        assert_eq!(word.stems, stems);
        let stem_terms = ["~evalu", "evalu", "~evaluations", "evaluations"];
        assert_eq!(word.stem_terms(), stem_terms);
        let own_stem = stemmers.word("GIS", &[0, 1, 2, 3]);
        assert_eq!(own_stem.stems.len(), 4, "its own stem in each language");
        assert_eq!(own_stem.stem_terms(), ["~gis", "gis"]);
        let phrase = stemmers.word("SDG-11", &[0]);
        assert!(phrase.stems.is_empty());
        assert_eq!(phrase.exact.len(), 2);
        assert!(phrase.stem_terms().is_empty());
    }

    #[test]
    fn the_post_tokenizer_reads_the_language_tag() {
        let mut tokenizer = PostTokenizer::default();
        let mut read = |text: &str| {
            let mut stream = tokenizer.token_stream(text);
            let mut seen = Vec::new();
            while stream.advance() {
                seen.push(stream.token().text.clone());
            }
            seen
        };
        assert_eq!(
            read(&tagged("es", "Evaluaciones")),
            ["evaluaciones", "~evalu"]
        );
        assert_eq!(read("untagged"), ["untagged"]);
    }

    #[test]
    fn words_of_one_or_two_letters_are_their_own_stem_in_every_language() {
        let mut stemmers = Stemmers::default();
        let letters: Vec<char> = ('a'..='z')
            .chain('0'..='9')
            .chain(['é', 'ø', 'и'])
            .collect();
        let short = letters.iter().map(|a| a.to_string()).chain(
            letters
                .iter()
                .flat_map(|a| letters.iter().map(move |b| format!("{a}{b}"))),
        );
        let every_lang = [0, 1, 2, 3];
        for word in short {
            let terms = stemmers.word(&word, &every_lang);
            let [(_, folded)] = terms.exact.as_slice() else {
                panic!("{word} is one token");
            };
            assert_eq!(terms.stems.len(), 4);
            if !is_own_stem_by_length(folded) {
                // French drops a final "s" after most letters: "ts" stems to "t".
                assert!(folded.ends_with('s'), "{folded}");
                continue;
            }
            for (lang, stem) in &terms.stems {
                assert_eq!(stem, folded, "in {}", LANGS[*lang]);
            }
        }
        assert!(!is_own_stem_by_length("ões"));
        assert!(!is_own_stem_by_length("ts"));
    }

    #[test]
    fn the_cache_answers_as_the_stemmer_does() {
        let mut stemmers = Stemmers::default();
        let first = texts(stemmers.stream("es", "evaluaciones evaluación"));
        let again = texts(stemmers.stream("es", "evaluaciones evaluación"));
        assert_eq!(first, again);
        let expected = [
            (0, "evaluaciones"),
            (0, "~evalu"),
            (1, "evaluacion"),
            (1, "~evalu"),
        ];
        assert_eq!(first, owned(&expected));
    }
}
