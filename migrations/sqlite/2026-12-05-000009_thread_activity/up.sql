-- The newest threads first (the forum's front page and its API) without
-- sorting every thread: at 200,000 threads that sort took 45 ms a request.
CREATE INDEX threads_by_activity ON threads (last_post_at, id);
