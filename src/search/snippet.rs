//! The few lines shown under each hit, with the matched words in `<mark>`.
//! tantivy escapes the text before marking it, so a post's own HTML can
//! never reach the page as markup.

use tantivy::Searcher;
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;

use super::fields::{Analysed, Fields};

/// Characters of post text in a snippet.
const SNIPPET_CHARS: usize = 200;

/// Generators for one search, per field, made once and used for every hit.
pub struct Snippets {
    body: Vec<(Field, SnippetGenerator)>,
    title: Vec<(Field, SnippetGenerator)>,
    fields: Fields,
}

impl Snippets {
    pub fn new(searcher: &Searcher, highlight: Option<&dyn Query>, fields: &Fields) -> Self {
        let generators = |part: Analysed| -> Vec<(Field, SnippetGenerator)> {
            let Some(query) = highlight else {
                return Vec::new();
            };
            std::iter::once(part.exact)
                .chain(part.stemmed)
                .filter_map(|field| {
                    let mut generator = SnippetGenerator::create(searcher, query, field).ok()?;
                    generator.set_max_num_chars(SNIPPET_CHARS);
                    Some((field, generator))
                })
                .collect()
        };
        Snippets {
            body: generators(fields.body_text),
            title: generators(fields.title_text),
            fields: *fields,
        }
    }

    /// The body's best marked passage; else the title's, when only the title
    /// matched; else the body's opening.
    pub fn html(&self, lang: &str, title: &str, body: &str) -> String {
        let body_fields = self.fields_for(self.fields.body_text, lang);
        let title_fields = self.fields_for(self.fields.title_text, lang);
        marked(&self.body, &body_fields, body)
            .or_else(|| marked(&self.title, &title_fields, title))
            .unwrap_or_else(|| opening(body))
    }

    /// The post's own language's stemmed field first, then the exact one.
    fn fields_for(&self, part: Analysed, lang: &str) -> Vec<Field> {
        part.stemmed_for(lang)
            .into_iter()
            .chain([part.exact])
            .collect()
    }
}

fn marked(
    generators: &[(Field, SnippetGenerator)],
    fields: &[Field],
    text: &str,
) -> Option<String> {
    fields.iter().find_map(|field| {
        let (_, generator) = generators.iter().find(|(f, _)| f == field)?;
        let mut snippet = generator.snippet(text);
        if snippet.is_empty() {
            return None;
        }
        snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
        Some(snippet.to_html())
    })
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
