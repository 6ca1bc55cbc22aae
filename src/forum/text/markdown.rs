//! Markdown in forum posts: rendering to HTML that is safe to embed in a page,
//! and plain-text excerpts for lists and feeds.
//!
//! Two layers keep posts inert. While walking the Markdown events, raw HTML
//! the author typed is turned into escaped text, so readers see what was
//! written and nothing of it is interpreted. Then ammonia sanitises the
//! generated HTML against a short allow-list, which is the real guarantee:
//! it drops any URL scheme other than http, https and mailto, every `style`
//! and event attribute, and any tag a Markdown renderer should not produce.
//!
//! Images are never shown (the site's CSP forbids external images, and
//! tracking pixels are unwelcome); an image becomes its alt text.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, TextMergeStream};

use super::mentions::{MentionScope, find_in_text};

/// The Markdown dialect for posts: CommonMark with tables and strikethrough.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Elements whose content goes with them, rather than being unwrapped into
/// text, should any reach the sanitiser.
#[rustfmt::skip]
const DROPPED_WITH_CONTENT: [&str; 14] = [
    "script", "style", "iframe", "object", "embed", "svg", "math", "template",
    "noscript", "textarea", "title", "xmp", "noembed", "noframes",
];

static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    #[rustfmt::skip]
    let tags = [
        "a", "p", "br", "hr", "h3", "h4", "h5", "h6", "em", "strong", "del", "code", "pre",
        "blockquote", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
    ];
    let mut builder = ammonia::Builder::default();
    builder
        .tags(HashSet::from(tags))
        .clean_content_tags(HashSet::from(DROPPED_WITH_CONTENT))
        .generic_attributes(HashSet::new())
        .tag_attributes(HashMap::from([
            ("a", HashSet::from(["href", "title"])),
            ("ol", HashSet::from(["start"])),
        ]))
        .allowed_classes(HashMap::from([("a", HashSet::from(["mention"]))]))
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("nofollow ugc"))
        .strip_comments(true);
    builder
});

/// Renders a post's Markdown to sanitised HTML. `is_known_handle` decides
/// which @mentions become links to people's pages; the others stay text.
pub fn render(source: &str, is_known_handle: &dyn Fn(&str) -> bool) -> String {
    let mut scope = MentionScope::default();
    let mut events = Vec::new();
    for event in TextMergeStream::new(Parser::new_ext(source, options())) {
        scope.observe(&event);
        match event {
            Event::Text(text) if scope.allows_mentions() => {
                link_mentions(text, is_known_handle, &mut events);
            }
            other => events.extend(neutralise(other)),
        }
    }
    let mut html = String::with_capacity(source.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    SANITISER.clean(&html).to_string()
}

/// Rewrites one event so it cannot introduce markup of the author's choosing
/// and fits the page: raw HTML becomes text, images vanish (their alt text
/// stays), headings sit below the page's `<h1>` and the post's `<h2>`.
fn neutralise(event: Event<'_>) -> Option<Event<'_>> {
    Some(match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::HtmlBlock) => Event::Start(Tag::Paragraph),
        Event::End(TagEnd::HtmlBlock) => Event::End(TagEnd::Paragraph),
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => return None,
        Event::Start(Tag::Heading { level, .. }) => Event::Start(Tag::Heading {
            level: shift_heading(level),
            id: None,
            classes: Vec::new(),
            attrs: Vec::new(),
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(shift_heading(level))),
        other => other,
    })
}

fn shift_heading(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Splits a text event around mentions of known people, making those links.
fn link_mentions<'a>(
    text: CowStr<'a>,
    is_known_handle: &dyn Fn(&str) -> bool,
    out: &mut Vec<Event<'a>>,
) {
    let mut copied = 0;
    for (range, handle) in find_in_text(&text) {
        if !is_known_handle(&handle) {
            continue;
        }
        if copied < range.start {
            out.push(Event::Text(text[copied..range.start].to_owned().into()));
        }
        // Safe to splice unescaped: a handle is only `[a-z0-9_-]`.
        let link = format!(r#"<a href="/forum/people/{handle}" class="mention">@{handle}</a>"#);
        out.push(Event::InlineHtml(link.into()));
        copied = range.end;
    }
    match copied {
        0 => out.push(Event::Text(text)),
        _ if copied < text.len() => out.push(Event::Text(text[copied..].to_owned().into())),
        _ => {}
    }
}

/// The post as plain text, whitespace collapsed, cut at a word boundary so
/// that the result, including the `…` added when cut, has at most
/// `max_chars` characters. Code counts as text; raw HTML and markup do not.
pub fn excerpt(source: &str, max_chars: usize) -> String {
    truncate_words(&plain_text(source), max_chars)
}

/// The post as plain text with whitespace collapsed: what search indexes.
pub fn plain_text(source: &str) -> String {
    let mut plain = Words::with_capacity(source.len());
    for event in Parser::new_ext(source, options()) {
        match event {
            Event::Text(text) | Event::Code(text) => plain.push(&text),
            // Block ends and line breaks separate words that would otherwise touch.
            Event::End(_) | Event::SoftBreak | Event::HardBreak | Event::Rule => plain.push(" "),
            _ => {}
        }
    }
    plain.text
}

/// Text pushed in pieces with every run of whitespace made one space and none
/// at either end, in one pass: collecting the words and joining them copied
/// every post twice more on the thread that feeds a rebuild.
struct Words {
    text: String,
    /// Whitespace was pushed since the last word.
    gap: bool,
}

impl Words {
    fn with_capacity(capacity: usize) -> Self {
        Words {
            text: String::with_capacity(capacity),
            gap: false,
        }
    }

    /// Copies each run of words that single ASCII spaces join in one go:
    /// word by word, with a Unicode test per character, this was an eighth
    /// of the thread that feeds a rebuild.
    fn push(&mut self, piece: &str) {
        let mut rest = piece;
        while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
            self.gap |= start > 0;
            if self.gap && !self.text.is_empty() {
                self.text.push(' ');
            }
            let run = &rest[start..];
            let end = joined_words_len(run);
            self.text.push_str(&run[..end]);
            self.gap = false;
            rest = &run[end..];
        }
        self.gap |= !rest.is_empty();
    }
}

/// The length of the words `text` starts with (it starts with one) that
/// are joined by single ASCII spaces, up to the first other whitespace.
fn joined_words_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut at, mut end) = (0, 0);
    while let Some(&byte) = bytes.get(at) {
        let len = if byte.is_ascii() {
            let followed_by_word = byte == b' '
                && text[at + 1..]
                    .chars()
                    .next()
                    .is_some_and(|next| !next.is_whitespace());
            if followed_by_word {
                at += 1;
                continue;
            }
            // U+000B is whitespace to `char::is_whitespace` but not to ASCII's.
            if byte.is_ascii_whitespace() || byte == 0x0b {
                break;
            }
            1
        } else {
            let Some(c) = text[at..].chars().next() else {
                break;
            };
            if c.is_whitespace() {
                break;
            }
            c.len_utf8()
        };
        at += len;
        end = at;
    }
    end
}

fn truncate_words(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let Some(budget) = max_chars.checked_sub(1) else {
        return String::new();
    };
    // Byte offset just past `budget` characters; the character there decides
    // whether the cut already falls between words.
    let end = text
        .char_indices()
        .nth(budget)
        .map_or(text.len(), |(i, _)| i);
    let at_boundary = text[end..].starts_with(' ');
    let kept = match text[..end].rfind(' ') {
        _ if at_boundary => &text[..end],
        Some(space) if space > 0 => &text[..space],
        // A single word longer than the budget: cut inside it.
        _ => &text[..end],
    };
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Pieces pushed one by one come out as the words of their
        /// concatenation joined by single spaces, as they did when they were
        /// collected and joined.
        #[test]
        fn words_collapse_whitespace_across_pieces(
            pieces in proptest::collection::vec("[ a\\t\\n\\r\u{b}\u{85}\u{a0}é\u{2003}b]{0,6}", 0..8),
        ) {
            let mut words = Words::with_capacity(0);
            for piece in &pieces {
                words.push(piece);
            }
            let joined = pieces.concat();
            let expected = joined.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(words.text, expected);
        }
    }

    fn render_plain(source: &str) -> String {
        render(source, &|handle| matches!(handle, "ana" | "bo_b"))
    }

    #[track_caller]
    fn assert_has(html: &str, needles: &[&str]) {
        for needle in needles {
            assert!(html.contains(needle), "{needle:?} missing from {html}");
        }
    }

    #[track_caller]
    fn assert_lacks(html: &str, needles: &[&str]) {
        for needle in needles {
            assert!(!html.contains(needle), "{needle:?} found in {html}");
        }
    }

    #[test]
    fn renders_commonmark_tables_and_strikethrough() {
        let source = "*emphasis*, **strong**, ~~gone~~\n\n| a | b |\n|---|--:|\n| 1 | 2 |";
        let html = render_plain(source);
        let expected = [
            "<em>emphasis</em>",
            "<strong>strong</strong>",
            "<del>gone</del>",
        ];
        assert_has(&html, &expected);
        assert_has(&html, &["<table>", "<td>2</td>"]);
        assert_lacks(&html, &["style"]);
    }

    #[test]
    fn headings_shift_down_two_levels() {
        let html = render_plain("# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six");
        let expected = [
            "<h3>One</h3>",
            "<h4>Two</h4>",
            "<h5>Three</h5>",
            "<h6>Four</h6>",
        ];
        assert_has(&html, &expected);
        assert_has(&html, &["<h6>Five</h6>", "<h6>Six</h6>"]);
        assert_lacks(&html, &["<h1", "<h2"]);
    }

    #[test]
    fn links_get_nofollow_ugc_and_bad_schemes_lose_href() {
        let html =
            render_plain("[site](https://example.org \"T\") [m](mailto:a@b.org) [r](/forum)");
        let site = r#"<a href="https://example.org" title="T" rel="nofollow ugc">site</a>"#;
        assert_has(
            &html,
            &[site, r#"href="mailto:a@b.org""#, r#"href="/forum""#],
        );
        let html = render_plain("[x](javascript:alert(1)) [y](ftp://a.org) [z](data:text/html,hi)");
        assert_lacks(&html, &["href"]);
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html =
            render_plain("<b onclick=\"x()\">hi</b>\n\n<div>\n<script>alert(1)</script>\n</div>");
        let shown = [
            "&lt;b onclick=\"x()\"&gt;hi&lt;/b&gt;",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
        ];
        assert_has(&html, &shown);
        assert_lacks(&html, &["<b", "<div", "<script"]);
    }

    #[test]
    fn images_become_alt_text() {
        assert_eq!(
            render_plain("![a chart](https://a.org/c.png)"),
            "<p>a chart</p>\n"
        );
        let html = render_plain("[![badge](b.svg)](https://example.org)");
        assert_has(&html, &[">badge</a>"]);
        assert_lacks(&html, &["<img"]);
    }

    #[test]
    fn known_mentions_become_links() {
        let html = render_plain("Thanks @Ana and @bo_b, not @carla or ana@x.org.");
        let ana = r#"<a href="/forum/people/ana" class="mention" rel="nofollow ugc">@ana</a> and"#;
        let bob = r#"<a href="/forum/people/bo_b" class="mention" rel="nofollow ugc">@bo_b</a>, "#;
        assert_has(&html, &[ana, bob, "not @carla or ana@x.org."]);
        assert_eq!(html.matches("class=\"mention\"").count(), 2, "{html}");
    }

    #[test]
    fn mentions_in_code_and_links_stay_plain() {
        let html = render_plain("`@ana` [@ana](https://a.org)\n\n```\n@ana\n```\n\n# Hi @ana");
        assert_eq!(html.matches("class=\"mention\"").count(), 1, "{html}");
        assert_has(&html, &["<h3>Hi <a href=\"/forum/people/ana\""]);
    }

    #[test]
    fn excerpt_is_plain_collapsed_text() {
        let source =
            "# Title\n\nSome **bold** text,\nand `code()`.\n\n- one\n- two\n\n<b>raw</b> ![alt](x)";
        let expected = "Title Some bold text, and code(). one two raw alt";
        assert_eq!(excerpt(source, 200), expected);
    }

    #[test]
    fn excerpt_cuts_at_word_boundary() {
        assert_eq!(excerpt("one two three", 13), "one two three");
        assert_eq!(excerpt("one two three", 12), "one two…");
        assert_eq!(excerpt("one two three", 8), "one two…");
        assert_eq!(excerpt("one two three", 7), "one…");
        assert_eq!(excerpt("extraordinary", 5), "extr…");
        assert_eq!(excerpt("água é vida", 7), "água é…");
        assert_eq!(excerpt("anything", 0), "");
        assert_eq!(excerpt("anything", 1), "…");
    }
}
