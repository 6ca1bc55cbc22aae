//! What the load asks for, read from the database once: public threads, and
//! members with their city and a token made for the run (removed after it).

use anyhow::Context;
use diesel::prelude::*;

use crate::db::{DbConnection, DbPool};
use crate::schema::{api_tokens, cities, posts, threads, users};

/// The name of the tokens a run makes, so that it can remove them.
const TOKEN_NAME: &str = "peerhall bench";

pub struct World {
    pool: DbPool,
    threads: Vec<i32>,
    /// (token, city slug)
    members: Vec<(String, String)>,
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
        for (user, slug) in found {
            let token = crate::accounts::api_tokens::create(conn, user, TOKEN_NAME)
                .context("cannot make a token for the load")?;
            members.push((token, slug));
        }
        let posts_at_start = posts::table.count().get_result(conn)?;
        Ok(World {
            pool: pool.clone(),
            threads,
            members,
            posts_at_start,
        })
    }
}

impl World {
    /// The thread that connection `c` reads or answers `n`-th: spread over
    /// all of them, the same on every run.
    pub fn thread(&self, c: usize, n: u64) -> i32 {
        let mut rng = fastrand::Rng::with_seed((c as u64) << 40 ^ n);
        self.threads[rng.usize(0..self.threads.len())]
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
