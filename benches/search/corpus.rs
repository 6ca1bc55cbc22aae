//! The synthetic forum: threads and posts drawn from the vocabularies, deterministic from the seed.

#[allow(clippy::wildcard_imports)]
use super::*;

pub(crate) struct Corpus {
    pub(crate) threads: Vec<Thread>,
    pub(crate) posts: usize,
}

pub(crate) struct Thread {
    pub(crate) id: i32,
    /// Category slug, or "city" in a city's space.
    pub(crate) category: &'static str,
    pub(crate) space_city: Option<usize>,
    pub(crate) question: bool,
    pub(crate) title: String,
    pub(crate) lang: usize,
    pub(crate) author: usize,
    pub(crate) accepted: Option<i32>,
    pub(crate) tags: Vec<String>,
    pub(crate) posts: Vec<Post>,
}

pub(crate) struct Post {
    pub(crate) id: i32,
    pub(crate) author: usize,
    pub(crate) body: String,
    pub(crate) votes: i32,
    pub(crate) created: NaiveDateTime,
}

/// Category slugs with their share of threads (percent) and criteria.
pub(crate) const CATEGORIES: [(&str, u32, u32); 9] = [
    ("dm", 14, 8),
    ("lc", 10, 6),
    ("od", 16, 7),
    ("pa", 12, 6),
    ("bf", 8, 4),
    ("rdc", 6, 5),
    ("ci", 8, 4),
    ("eval", 10, 5),
    ("general", 16, 0),
];

pub(crate) const FREE_TAGS: [&str; 10] = [
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
pub(crate) const REPLY_WEIGHTS: [u32; 10] = [10, 14, 14, 12, 11, 10, 9, 8, 7, 5];

pub(crate) fn generate(langs: &[Lang], posts: usize) -> Corpus {
    let mut rng = fastrand::Rng::with_seed(SEED);
    let mut threads = Vec::new();
    let mut next_post = 1;
    let mut made = 0;
    while made < posts {
        let id = threads.len() as i32 + 1;
        let thread = synth_thread(&mut rng, langs, (id, next_post), posts - made);
        made += thread.posts.len();
        next_post += thread.posts.len() as i32;
        threads.push(thread);
    }
    Corpus {
        threads,
        posts: made,
    }
}

pub(crate) fn weighted(
    rng: &mut fastrand::Rng,
    weights: impl Iterator<Item = u32> + Clone,
) -> usize {
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

pub(crate) fn synth_thread(
    rng: &mut fastrand::Rng,
    langs: &[Lang],
    (id, first_post): (i32, i32),
    room: usize,
) -> Thread {
    let lang = weighted(rng, langs.iter().map(|l| l.spec.share));
    let l = &langs[lang];
    let (slug, _, criteria) = CATEGORIES[weighted(rng, CATEGORIES.iter().map(|c| c.1))];
    let in_city = rng.u32(0..100) < CITY_SPACE_PCT;
    let (category, space_city) = if in_city {
        ("city", Some(rng.usize(1..=CITIES)))
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
            author: rng.usize(1..=USERS),
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

pub(crate) fn votes(rng: &mut fastrand::Rng) -> i32 {
    match rng.u32(0..100) {
        0..70 => 0,
        70..95 => rng.i32(1..=3),
        _ => rng.i32(4..=25),
    }
}

pub(crate) fn random_time(rng: &mut fastrand::Rng) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(rng.i32(2019..=2026), rng.u32(1..=12), rng.u32(1..=28))
        .and_then(|d| d.and_hms_opt(rng.u32(0..24), rng.u32(0..60), rng.u32(0..60)))
        .unwrap_or_default()
}

pub(crate) fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub(crate) fn title(rng: &mut fastrand::Rng, l: &Lang, question: bool) -> String {
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
pub(crate) fn body(rng: &mut fastrand::Rng, l: &Lang, sentences: usize) -> String {
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

pub(crate) fn city_slug(i: usize) -> String {
    format!("bench-city-{i:03}")
}
