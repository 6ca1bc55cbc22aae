//! The generated forum: threads and posts drawn from the vocabularies,
//! deterministic from the seed. Pure: no I/O.

use std::fmt::Write as _;

use chrono::{NaiveDate, NaiveDateTime};

use super::vocabulary::Vocabulary;

pub struct Corpus {
    pub threads: Vec<Thread>,
    pub posts: usize,
}

pub struct Thread {
    pub id: i32,
    /// Category slug, or "city" in a city's space.
    pub category: &'static str,
    pub space_city: Option<usize>,
    pub question: bool,
    pub title: String,
    pub lang: usize,
    pub author: usize,
    pub accepted: Option<i32>,
    pub tags: Vec<String>,
    pub posts: Vec<Post>,
}

pub struct Post {
    pub id: i32,
    pub author: usize,
    pub body: String,
    pub votes: i32,
    pub created: NaiveDateTime,
}

/// Category slugs with their share of threads (percent) and how many
/// criteria their practice area has in the current standard (a test checks).
pub const CATEGORIES: [(&str, u32, u32); 9] = [
    ("dm", 14, 9),
    ("lc", 10, 7),
    ("od", 16, 4),
    ("pa", 12, 5),
    ("bf", 8, 3),
    ("rdc", 6, 8),
    ("ci", 8, 3),
    ("eval", 10, 4),
    ("general", 16, 0),
];

pub const FREE_TAGS: [&str; 10] = [
    "gis",
    "311",
    "budget",
    "open-data",
    "dashboard",
    "survey",
    "procurement",
    "ada",
    "air-quality",
    "training",
];

/// Replies per thread (0 to 9), by weight: mean about 3.9.
pub const REPLY_WEIGHTS: [u32; 10] = [10, 14, 14, 12, 11, 10, 9, 8, 7, 5];

/// Who may appear in the forum: cities and people are numbered from 1.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub cities: usize,
    pub users: usize,
    /// Percent of threads in a city's private space.
    pub city_space_pct: u32,
}

/// The whole forum at once, for benchmarks that query what they generated.
pub fn generate(langs: &[Vocabulary], shape: Shape, seed: u64, posts: usize) -> Corpus {
    let threads: Vec<Thread> = Threads::new(langs, shape, seed, posts).collect();
    let posts = threads.iter().map(|t| t.posts.len()).sum();
    Corpus { threads, posts }
}

/// Threads one at a time, ids from 1, until `posts` posts are made: a
/// database of any size can be filled without holding the forum in memory.
pub struct Threads<'a> {
    langs: &'a [Vocabulary],
    shape: Shape,
    rng: fastrand::Rng,
    next: (i32, i32),
    room: usize,
}

impl<'a> Threads<'a> {
    pub fn new(langs: &'a [Vocabulary], shape: Shape, seed: u64, posts: usize) -> Self {
        Threads {
            langs,
            shape,
            rng: fastrand::Rng::with_seed(seed),
            next: (1, 1),
            room: posts,
        }
    }
}

impl Iterator for Threads<'_> {
    type Item = Thread;

    fn next(&mut self) -> Option<Thread> {
        if self.room == 0 || self.langs.is_empty() {
            return None;
        }
        let thread = synth_thread(&mut self.rng, self.langs, self.shape, self.next, self.room);
        self.room -= thread.posts.len();
        self.next.0 += 1;
        self.next.1 += thread.posts.len() as i32;
        Some(thread)
    }
}

pub fn weighted(rng: &mut fastrand::Rng, weights: impl Iterator<Item = u32> + Clone) -> usize {
    let total: u32 = weights.clone().sum();
    let mut pick = rng.u32(0..total.max(1));
    for (i, w) in weights.enumerate() {
        if pick < w {
            return i;
        }
        pick -= w;
    }
    0
}

fn synth_thread(
    rng: &mut fastrand::Rng,
    langs: &[Vocabulary],
    shape: Shape,
    (id, first_post): (i32, i32),
    room: usize,
) -> Thread {
    let lang = weighted(rng, langs.iter().map(|l| l.spec.share));
    let l = &langs[lang];
    let (slug, _, criteria) = CATEGORIES[weighted(rng, CATEGORIES.iter().map(|c| c.1))];
    let in_city = rng.u32(0..100) < shape.city_space_pct;
    let (category, space_city) = if in_city {
        ("city", Some(rng.usize(1..=shape.cities.max(1))))
    } else {
        (slug, None)
    };
    let mut tags = Vec::new();
    if criteria > 0 && rng.u32(0..10) < 6 {
        tags.push(format!("{slug}{}", rng.u32(1..=criteria)));
    }
    for _ in 0..rng.usize(0..=2) {
        let tag = FREE_TAGS[rng.usize(0..FREE_TAGS.len())].to_owned();
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    let question = rng.u32(0..10) < 6;
    let replies = weighted(rng, REPLY_WEIGHTS.iter().copied()).min(room.saturating_sub(1));
    let opened = random_time(rng);
    let mut posts = Vec::with_capacity(replies + 1);
    for n in 0..=replies {
        let sentences = if n == 0 {
            rng.usize(4..=10)
        } else {
            rng.usize(2..=7)
        };
        posts.push(Post {
            id: first_post + n as i32,
            author: rng.usize(1..=shape.users.max(1)),
            body: body(rng, l, sentences),
            votes: votes(rng),
            created: opened + chrono::Duration::minutes(n as i64 * rng.i64(5..=600)),
        });
    }
    let accepted = (question && replies > 0 && rng.u32(0..10) < 4)
        .then(|| first_post + rng.usize(1..=replies) as i32);
    Thread {
        id,
        category,
        space_city,
        question,
        title: title(rng, l, question),
        lang,
        author: posts.first().map_or(1, |p| p.author),
        accepted,
        tags,
        posts,
    }
}

pub fn votes(rng: &mut fastrand::Rng) -> i32 {
    match rng.u32(0..100) {
        0..70 => 0,
        70..95 => rng.i32(1..=3),
        _ => rng.i32(4..=25),
    }
}

pub fn random_time(rng: &mut fastrand::Rng) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(rng.i32(2019..=2026), rng.u32(1..=12), rng.u32(1..=28))
        .and_then(|d| d.and_hms_opt(rng.u32(0..24), rng.u32(0..60), rng.u32(0..60)))
        .unwrap_or_default()
}

pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub fn title(rng: &mut fastrand::Rng, l: &Vocabulary, question: bool) -> String {
    let mut words: Vec<String> = Vec::new();
    if rng.u32(0..10) < 6 {
        words.push(l.phrase(rng).to_owned());
    }
    for _ in 0..rng.usize(2..=5) {
        words.push(l.content_word(rng).to_owned());
    }
    if rng.u32(0..5) == 0 {
        words.push(l.acronym(rng).to_owned());
    }
    let text = words.join(" ");
    let mut title = capitalised(&text);
    if question {
        title.push('?');
    }
    title
}

/// Sentences of Zipf-distributed words with the odd domain phrase and
/// acronym, and now and then a little Markdown: bold, a list, a link.
pub fn body(rng: &mut fastrand::Rng, l: &Vocabulary, sentences: usize) -> String {
    let mut text = String::with_capacity(sentences * 90);
    for s in 0..sentences {
        let words = rng.usize(6..=16);
        let phrase_at = (rng.u32(0..10) == 0).then(|| rng.usize(0..words));
        let acronym_at = (rng.u32(0..10) == 0).then(|| rng.usize(0..words));
        let bullet = s > 0 && rng.u32(0..25) == 0;
        text.push_str(match (s, bullet) {
            (0, _) => "",
            (_, true) => "\n\n- ",
            _ => " ",
        });
        for w in 0..words {
            if w > 0 {
                text.push(' ');
            }
            if phrase_at == Some(w) {
                let bold = rng.u32(0..10) == 0;
                let phrase = l.phrase(rng);
                if bold {
                    let _ = write!(text, "**{phrase}** ");
                } else {
                    let _ = write!(text, "{phrase} ");
                }
            }
            if acronym_at == Some(w) {
                let _ = write!(text, "{} ", l.acronym(rng));
            }
            let word = l.word(rng);
            if w == 0 {
                text.push_str(&capitalised(word));
            } else {
                text.push_str(word);
            }
        }
        text.push(if rng.u32(0..6) == 0 { '?' } else { '.' });
    }
    if rng.u32(0..30) == 0 {
        let _ = write!(
            text,
            " [{}](https://example.org/{}/{})",
            l.phrase(rng),
            l.spec.code,
            rng.u32(1..100_000)
        );
    }
    text
}

#[cfg(test)]
mod tests {
    use super::CATEGORIES;

    /// Tags name real criteria, and every criterion can be tagged.
    #[test]
    fn each_area_category_tags_exactly_its_areas_criteria() {
        let catalog = crate::standard::test_catalog();
        for (slug, _, criteria) in CATEGORIES {
            let in_area = catalog
                .criteria
                .iter()
                .filter(|c| c.area.eq_ignore_ascii_case(slug))
                .count();
            assert_eq!(in_area, criteria as usize, "{slug}");
        }
    }
}
