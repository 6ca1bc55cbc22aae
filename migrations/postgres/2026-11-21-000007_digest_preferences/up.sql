-- What each person wants by mail. No row means the defaults: the weekly
-- digest on, Mondays at 08:00 in their time zone, immediate notices on.
CREATE TABLE digest_preferences (
    user_id INTEGER PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    digest BOOLEAN NOT NULL,
    -- mon … sun
    digest_day TEXT NOT NULL,
    -- 0–23, local time
    digest_hour INTEGER NOT NULL,
    notify_immediately BOOLEAN NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
