//! What the load asks for, read from the database once: public threads, and
//! members with their city and a token made for the run (removed after it).

use anyhow::Context;
use diesel::prelude::*;

use crate::db::{DbConnection, DbPool};
use crate::schema::{api_tokens, assessments, cities, posts, threads, users};

/// The name of the tokens a run makes, so that it can remove them.
const TOKEN_NAME: &str = "peerhall bench";

pub struct World {
    pool: DbPool,
    threads: Vec<i32>,
    /// The opening posts of `threads`, which the mixed load votes for.
    openings: Vec<i32>,
    /// (token, city slug)
    members: Vec<(String, String)>,
    /// The members' user ids, in the order of `members`.
    member_ids: Vec<i32>,
    /// A program admin's token, who may read every city's roadmap.
    staff: Option<String>,
    /// The slugs of the cities with an assessment.
    assessed: Vec<String>,
    pub posts_at_start: i64,
}

impl World {
    /// Reads the public threads and makes tokens for up to `people` members.
    pub fn read(pool: &DbPool, people: usize) -> anyhow::Result<World> {
        let conn = &mut pool.get()?;
        let threads: Vec<i32> = threads::table
            .filter(threads::category.ne("city"))
            .filter(threads::category.ne("announcements"))
            .filter(threads::visible.eq(true))
            .filter(threads::locked.eq(false))
            .order(threads::id)
            .select(threads::id)
            .load(conn)?;
        let found: Vec<(i32, String)> = users::table
            .inner_join(cities::table)
            .filter(users::role.eq_any(["member", "city_admin"]))
            .order(users::id)
            .limit(people.max(1) as i64)
            .select((users::id, cities::slug))
            .load(conn)?;
        if threads.is_empty() || found.is_empty() {
            anyhow::bail!(
                "the database has no public threads or no city members to load it with; \
                 fill a new one first with `peerhall seed-scale`"
            );
        }
        let mut members = Vec::with_capacity(found.len());
        let member_ids = found.iter().map(|(user, _)| *user).collect();
        for (user, slug) in found {
            let token = crate::accounts::api_tokens::create(conn, user, TOKEN_NAME)
                .context("cannot make a token for the load")?;
            members.push((token, slug));
        }
        let openings = posts::table
            .inner_join(threads::table)
            .filter(threads::category.ne("city"))
            .filter(threads::category.ne("announcements"))
            .filter(threads::visible.eq(true))
            .filter(posts::opening.eq(true))
            .filter(posts::hidden.eq(false))
            .filter(posts::deleted.eq(false))
            .order(posts::id)
            .select(posts::id)
            .load(conn)?;
        let (staff, assessed) = staff_and_cities(conn)?;
        let posts_at_start = posts::table.count().get_result(conn)?;
        Ok(World {
            pool: pool.clone(),
            threads,
            openings,
            members,
            member_ids,
            staff,
            assessed,
            posts_at_start,
        })
    }
}

/// A token for the first program admin, if any, and the assessed cities.
fn staff_and_cities(conn: &mut DbConnection) -> anyhow::Result<(Option<String>, Vec<String>)> {
    let admin: Option<i32> = users::table
        .filter(users::role.eq("program_admin"))
        .order(users::id)
        .select(users::id)
        .first(conn)
        .optional()?;
    let staff = match admin {
        Some(user) => Some(crate::accounts::api_tokens::create(conn, user, TOKEN_NAME)?),
        None => None,
    };
    let assessed: Vec<String> = cities::table
        .filter(diesel::dsl::exists(
            assessments::table.filter(assessments::city_id.eq(cities::id)),
        ))
        .order(cities::id)
        .select(cities::slug)
        .load(conn)?;
    Ok((staff, assessed))
}

impl World {
    /// A program admin's token and the `n`-th assessed city (in a fixed
    /// shuffle, so that connections rarely ask for the same one); None
    /// without program staff or assessed cities.
    pub fn staff_visit(&self, c: usize, n: u64) -> Option<(&str, &str)> {
        let staff = self.staff.as_deref()?;
        let mut rng = fastrand::Rng::with_seed((c as u64) << 40 ^ n);
        let city = self
            .assessed
            .get(rng.usize(0..self.assessed.len().max(1)))?;
        Some((staff, city))
    }

    /// The thread that connection `c` reads or answers `n`-th: spread over
    /// all of them, the same on every run.
    pub fn thread(&self, c: usize, n: u64) -> i32 {
        let mut rng = fastrand::Rng::with_seed((c as u64) << 40 ^ n);
        self.threads[rng.usize(0..self.threads.len())]
    }

    /// The opening post connection `c` votes for `n`-th: a different one
    /// for each `n` (while there are enough), so that each vote is new.
    pub fn opening(&self, c: usize, n: u64) -> Option<i32> {
        let len = self.openings.len().max(1) as u64;
        let at = (c as u64).wrapping_mul(7919).wrapping_add(n) % len;
        self.openings.get(at as usize).copied()
    }

    /// Connection `c`'s member's user id.
    pub fn member_id(&self, c: usize) -> i32 {
        self.member_ids[c % self.member_ids.len()]
    }

    /// Connection `c`'s member: their token and their city's slug.
    pub fn member(&self, c: usize) -> (&str, &str) {
        let (token, slug) = &self.members[c % self.members.len()];
        (token, slug)
    }

    pub fn people(&self) -> usize {
        self.members.len()
    }

    pub fn thread_count(&self) -> usize {
        self.threads.len()
    }

    /// Posts in the database now.
    pub fn posts(&self) -> anyhow::Result<i64> {
        let conn = &mut self.pool.get()?;
        Ok(posts::table.count().get_result(conn)?)
    }

    /// Removes the tokens this run made.
    pub fn forget_tokens(&self, conn: &mut DbConnection) -> anyhow::Result<()> {
        diesel::delete(api_tokens::table.filter(api_tokens::name.eq(TOKEN_NAME))).execute(conn)?;
        Ok(())
    }
}
