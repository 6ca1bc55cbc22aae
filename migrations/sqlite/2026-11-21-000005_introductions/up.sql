-- Introductions between peer cities: one city's person asks, the other city's
-- admins (or program staff, for a city with none) accept or decline; on
-- acceptance both sides see each other's contact.
-- Keep in step with migrations/postgres.
ALTER TABLE cities ADD COLUMN accepts_introductions BOOLEAN NOT NULL DEFAULT TRUE;

CREATE TABLE introductions (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    from_city_id INTEGER NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    to_city_id INTEGER NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    requested_by INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The roadmap step it was asked from, if any (a criterion code).
    criterion TEXT,
    message TEXT NOT NULL,
    -- 'pending', 'accepted' or 'declined'.
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    decided_at TIMESTAMP,
    decided_by INTEGER REFERENCES users (id) ON DELETE SET NULL
);

-- The rate limit counts a person's recent requests; a city's list shows its own.
CREATE INDEX introductions_by_requester ON introductions (requested_by, created_at);
CREATE INDEX introductions_by_from_city ON introductions (from_city_id, created_at);
CREATE INDEX introductions_by_to_city ON introductions (to_city_id, created_at);
