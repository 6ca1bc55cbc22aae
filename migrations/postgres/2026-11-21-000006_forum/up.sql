-- The forum: threads in the ten public categories or a city's private space,
-- their posts and earlier versions, tags, votes, watches, notifications,
-- flags, the moderation log, and the search outbox that every write appends
-- to in its own transaction (the index is derived from it).
-- Keep in step with migrations/sqlite.

-- How people are @mentioned; existing accounts get a placeholder they can change.
ALTER TABLE users ADD COLUMN handle TEXT;
UPDATE users SET handle = 'user' || id;
CREATE UNIQUE INDEX users_handle ON users (handle);

CREATE TABLE threads (
    id SERIAL PRIMARY KEY,
    -- A public category's slug ('dm' … 'eval', 'general', 'announcements'),
    -- or 'city' for the private space of space_city_id.
    category TEXT NOT NULL,
    space_city_id INTEGER REFERENCES cities (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('question', 'discussion')),
    title TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('en', 'es', 'pt', 'fr')),
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    accepted_post_id INTEGER,
    locked BOOLEAN NOT NULL DEFAULT FALSE,
    -- False once its opening post is hidden or deleted: the thread goes with it.
    visible BOOLEAN NOT NULL DEFAULT TRUE,
    -- Visible replies, kept with each write so lists need no count.
    reply_count INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    last_post_at TIMESTAMP NOT NULL,
    CHECK ((category = 'city') = (space_city_id IS NOT NULL))
);
CREATE INDEX threads_by_category ON threads (category, last_post_at, id);
CREATE INDEX threads_by_space ON threads (space_city_id, last_post_at, id);
CREATE INDEX threads_by_author ON threads (author_id, created_at);

CREATE TABLE posts (
    id SERIAL PRIMARY KEY,
    thread_id INTEGER NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    -- The question or opening message is the thread's first post.
    opening BOOLEAN NOT NULL,
    -- Markdown as written, and its sanitised HTML rendered when written.
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    votes INTEGER NOT NULL DEFAULT 0,
    hidden BOOLEAN NOT NULL DEFAULT FALSE,
    deleted BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL,
    edited_at TIMESTAMP
);
CREATE INDEX posts_by_thread ON posts (thread_id, id);
CREATE INDEX posts_by_author ON posts (author_id, created_at);

-- A post's earlier versions (and the thread's earlier title), for moderators.
CREATE TABLE post_revisions (
    id SERIAL PRIMARY KEY,
    post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    title TEXT,
    body TEXT NOT NULL,
    edited_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    replaced_at TIMESTAMP NOT NULL
);
CREATE INDEX post_revisions_by_post ON post_revisions (post_id, id);

-- Criterion codes in lower case and free tags.
CREATE TABLE thread_tags (
    thread_id INTEGER NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (thread_id, tag)
);
CREATE INDEX thread_tags_by_tag ON thread_tags (tag, thread_id);

CREATE TABLE votes (
    post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (post_id, user_id)
);

-- What a person follows: a thread (by id), a category (by slug) or a tag.
CREATE TABLE watches (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('thread', 'category', 'tag')),
    target TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('watching', 'normal', 'muted')),
    PRIMARY KEY (user_id, target_kind, target)
);
CREATE INDEX watches_by_target ON watches (target_kind, target);

CREATE TABLE notifications (
    id SERIAL PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('reply', 'mention', 'accepted', 'new_thread')),
    thread_id INTEGER NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    post_id INTEGER REFERENCES posts (id) ON DELETE CASCADE,
    actor_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    read_at TIMESTAMP
);
CREATE INDEX notifications_by_user ON notifications (user_id, id);

CREATE TABLE flags (
    id SERIAL PRIMARY KEY,
    post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    flagged_by INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    resolved_at TIMESTAMP,
    resolved_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    -- 'hidden' or 'dismissed'.
    resolution TEXT,
    UNIQUE (post_id, flagged_by)
);
CREATE INDEX flags_open ON flags (resolved_at, id);

CREATE TABLE moderation_log (
    id SERIAL PRIMARY KEY,
    moderator_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    thread_id INTEGER REFERENCES threads (id) ON DELETE SET NULL,
    post_id INTEGER REFERENCES posts (id) ON DELETE SET NULL,
    detail TEXT,
    created_at TIMESTAMP NOT NULL
);

-- Every forum write, in commit order; the search indexer replays it from the
-- position stored in its own commit.
CREATE TABLE search_outbox (
    id SERIAL PRIMARY KEY,
    change TEXT NOT NULL,
    thread_id INTEGER NOT NULL,
    post_id INTEGER,
    created_at TIMESTAMP NOT NULL
);
