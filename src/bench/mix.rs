//! The load drill: every connection at once browsing, searching, replying,
//! voting and submitting assessments; every answer judged (a 5xx is a
//! failure of the drill) and every acknowledged write looked for in the
//! database afterwards.

use std::collections::HashMap;

use diesel::prelude::*;

use super::Options;
use super::load::{self, Outcome, Request};
use super::report::Row;
use super::server::Server;
use super::world::World;
use crate::db::DbConnection;
use crate::schema::{assessments, posts, votes};
use crate::standard::Catalog;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    ThreadPage,
    ThreadList,
    Roadmap,
    Search,
    Reply,
    Vote,
    Assessment,
}

/// Each kind, its share of the requests in percent, and its row's label.
const KINDS: [(Kind, u64, &str); 7] = [
    (Kind::ThreadPage, 30, "GET /forum/threads/{id} (page)"),
    (Kind::ThreadList, 10, "GET /api/v1/threads"),
    (Kind::Roadmap, 10, "GET /cities/{slug}/roadmap (page)"),
    (Kind::Search, 20, "GET /api/v1/search"),
    (Kind::Reply, 15, "POST /api/v1/threads/{id}/posts"),
    (Kind::Vote, 10, "POST /api/v1/posts/{id}/vote"),
    (
        Kind::Assessment,
        5,
        "POST /api/v1/cities/{slug}/assessments",
    ),
];

/// Search queries, URL-encoded: common words in the four languages, codes
/// and a phrase.
const QUERIES: [&str; 10] = [
    "data",
    "budget",
    "evaluation",
    "evaluaci%C3%B3n",
    "dados",
    "donn%C3%A9es",
    "GIS",
    "311",
    "performance",
    "%22open%20data%22",
];

const REPLY_START: &str = "A reply in the mixed load";

/// The kind of connection `c`'s `n`-th request, by the shares above.
fn kind_of(c: usize, n: u64) -> usize {
    let mut roll = fastrand::Rng::with_seed((c as u64) << 40 ^ n ^ 0x006d_6978).u64(0..100);
    for (index, (_, share, _)) in KINDS.iter().enumerate() {
        if roll < *share {
            return index;
        }
        roll -= share;
    }
    0
}

/// A success: a vote for one's own post is refused (409) and writes nothing.
fn succeeded(kind: usize, status: u16) -> bool {
    match KINDS.get(kind).map(|k| k.0) {
        Some(Kind::Reply | Kind::Assessment) => status == 201,
        Some(Kind::Vote) => status == 200 || status == 409,
        _ => status == 200,
    }
}

fn request(world: &World, assessment: &[u8], (kind, c, n): (usize, usize, u64)) -> Request {
    let (token, city) = world.member(c);
    let post = |path: String, body: Vec<u8>| Request::Post {
        path,
        token: token.to_owned(),
        body,
    };
    match KINDS.get(kind).map_or(Kind::ThreadPage, |k| k.0) {
        Kind::ThreadPage => Request::get(
            format!("/forum/threads/{}", world.thread(c, n)),
            token,
            "text/html",
        ),
        Kind::ThreadList => Request::get("/api/v1/threads".into(), token, "application/json"),
        Kind::Roadmap => Request::get(format!("/cities/{city}/roadmap"), token, "text/html"),
        Kind::Search => {
            let q = QUERIES[n as usize % QUERIES.len()];
            Request::get(format!("/api/v1/search?q={q}"), token, "application/json")
        }
        Kind::Reply => post(
            format!("/api/v1/threads/{}/posts", world.thread(c, n)),
            format!(r#"{{"body":"{REPLY_START}, {c}-{n}."}}"#).into_bytes(),
        ),
        Kind::Vote => {
            let id = world.opening(c, n).unwrap_or_default();
            post(format!("/api/v1/posts/{id}/vote"), Vec::new())
        }
        Kind::Assessment => post(
            format!("/api/v1/cities/{city}/assessments"),
            assessment.to_vec(),
        ),
    }
}

/// A complete self-assessment: most criteria met.
fn assessment_body(catalog: &Catalog) -> Vec<u8> {
    let answers: serde_json::Map<String, serde_json::Value> = catalog
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let status = if i % 4 == 3 { "in_progress" } else { "met" };
            (c.code.clone(), status.into())
        })
        .collect();
    serde_json::json!({
        "standard": catalog.id,
        "answers": answers,
        "outcomes": {"broadband_pct": 80.0}
    })
    .to_string()
    .into_bytes()
}

/// Runs the mix and adds a row per kind and one for the whole.
pub fn measure(
    (server, world, catalog): (&Server, &World, &Catalog),
    options: &Options,
    conn: &mut DbConnection,
    rows: &mut Vec<Row>,
) -> anyhow::Result<()> {
    let before = Counts::read(conn)?;
    let assessment = assessment_body(catalog);
    let connections = options.connections.max(1);
    let outcomes = load::run_kinds(
        server.port,
        connections,
        options.window(),
        (KINDS.len(), &succeeded),
        &|c, n| {
            let kind = kind_of(c, n);
            (kind, request(world, &assessment, (kind, c, n)))
        },
    )?;
    let after = Counts::read(conn)?;
    for ((_, _, label), outcome) in KINDS.iter().zip(&outcomes) {
        let mut row = Row::load(label, outcome, super::report::Target::None);
        row.failures = format!("{} 5xx; {}", outcome.server_errors, row.failures);
        rows.push(row);
    }
    let writes = Writes::check(conn, world, &outcomes, (&before, &after))?;
    rows.push(summary(connections, options, &outcomes, &writes));
    Ok(())
}

/// Rows that only the mix writes.
struct Counts {
    posts: i64,
    assessments: i64,
}

impl Counts {
    fn read(conn: &mut DbConnection) -> QueryResult<Counts> {
        Ok(Counts {
            posts: posts::table.count().get_result(conn)?,
            assessments: assessments::table.count().get_result(conn)?,
        })
    }
}

/// Acknowledged writes against what the database holds.
struct Writes {
    /// (acknowledged, stored) per kind of write.
    replies: (usize, i64),
    assessments: (usize, i64),
    votes: (usize, usize),
}

impl Writes {
    fn check(
        conn: &mut DbConnection,
        world: &World,
        outcomes: &[Outcome],
        (before, after): (&Counts, &Counts),
    ) -> anyhow::Result<Writes> {
        let acked = |kind: Kind| {
            KINDS
                .iter()
                .position(|k| k.0 == kind)
                .and_then(|i| outcomes.get(i))
                .map_or(&[][..], |o| &o.succeeded[..])
        };
        Ok(Writes {
            replies: (acked(Kind::Reply).len(), after.posts - before.posts),
            assessments: (
                acked(Kind::Assessment).len(),
                after.assessments - before.assessments,
            ),
            votes: votes_found(conn, world, acked(Kind::Vote))?,
        })
    }

    fn lost(&self) -> i64 {
        let short = |(acked, stored): (usize, i64)| (acked as i64 - stored).max(0);
        short(self.replies) + short(self.assessments) + short((self.votes.0, self.votes.1 as i64))
    }
}

/// Acknowledged votes, and how many the database holds: a vote row of that
/// member for that post, or the member's own post (refused, nothing to write).
fn votes_found(
    conn: &mut DbConnection,
    world: &World,
    acked: &[(usize, u64)],
) -> anyhow::Result<(usize, usize)> {
    let mut by_member: HashMap<i32, Vec<i32>> = HashMap::new();
    for &(c, n) in acked {
        if let Some(post) = world.opening(c, n) {
            by_member.entry(world.member_id(c)).or_default().push(post);
        }
    }
    let mut found = 0;
    for (member, wanted) in by_member {
        for chunk in wanted.chunks(500) {
            let voted: Vec<i32> = votes::table
                .filter(votes::user_id.eq(member))
                .filter(votes::post_id.eq_any(chunk))
                .select(votes::post_id)
                .load(conn)?;
            let own: Vec<i32> = posts::table
                .filter(posts::author_id.eq(member))
                .filter(posts::id.eq_any(chunk))
                .select(posts::id)
                .load(conn)?;
            found += chunk
                .iter()
                .filter(|p| voted.contains(p) || own.contains(p))
                .count();
        }
    }
    Ok((acked.len(), found))
}

fn summary(connections: usize, options: &Options, outcomes: &[Outcome], writes: &Writes) -> Row {
    let mut all: Vec<std::time::Duration> = outcomes
        .iter()
        .flat_map(|o| o.latencies.iter().copied())
        .collect();
    all.sort_unstable();
    let ok: usize = outcomes.iter().map(|o| o.ok).sum();
    let failed: usize = outcomes.iter().map(|o| o.failed).sum();
    let server_errors: usize = outcomes.iter().map(|o| o.server_errors).sum();
    let rate = load::per_second(ok, std::time::Duration::from_secs(options.seconds.max(1)));
    let lost = writes.lost();
    let mut row = Row::latencies(
        &format!("mixed load: {connections} clients, {} s", options.seconds),
        &all,
        "0 server errors, 0 lost writes".into(),
        Some(server_errors == 0 && lost == 0),
    );
    row.rate = format!("{rate:.0}/s");
    let shown = |(a, s): (usize, i64)| format!("{a} acknowledged, {s} stored");
    row.failures = format!(
        "{server_errors} 5xx, {failed} other; replies {}; votes {}; assessments {}; {lost} lost",
        shown(writes.replies),
        shown((writes.votes.0, writes.votes.1 as i64)),
        shown(writes.assessments),
    );
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mix_follows_its_shares() {
        let mut seen = [0u64; KINDS.len()];
        for c in 0..20 {
            for n in 0..1_000 {
                seen[kind_of(c, n)] += 1;
            }
        }
        for ((kind, share, _), count) in KINDS.iter().zip(seen) {
            let percent = count as f64 / 200.0;
            assert!(
                (percent - *share as f64).abs() < 1.5,
                "{kind:?}: {percent}%"
            );
        }
        assert_eq!(KINDS.iter().map(|k| k.1).sum::<u64>(), 100);
    }

    #[test]
    fn only_the_answers_that_mean_done_count() {
        let index = |kind| KINDS.iter().position(|k| k.0 == kind).unwrap();
        assert!(succeeded(index(Kind::Reply), 201));
        assert!(!succeeded(index(Kind::Reply), 200));
        assert!(succeeded(index(Kind::Vote), 409), "one's own post");
        assert!(!succeeded(index(Kind::Search), 503));
        assert!(!succeeded(index(Kind::ThreadPage), 404));
    }
}
