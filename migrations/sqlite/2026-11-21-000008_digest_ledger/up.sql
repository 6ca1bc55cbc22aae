-- One row per person and ISO week (`2026-W47`): written before a digest is
-- sent, so a rerun, a restart or a second instance never sends it twice.
-- status: pending (to send; `lease_until` guards a send in progress),
-- sent, empty (nothing to say), skipped (turned off before it went) or
-- failed (given up; `last_error` says why).
CREATE TABLE digest_ledger (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    week TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    lease_until TIMESTAMP NOT NULL,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    PRIMARY KEY (user_id, week)
);
CREATE INDEX digest_ledger_ready ON digest_ledger (status, next_attempt_at);

-- Addresses a mail server refused for good (a 5xx reply): no more mail goes
-- to them, and their owner sees why on the profile until the address changes.
CREATE TABLE undeliverable_addresses (
    user_id INTEGER PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- Immediate notices by mail: per person, the last notification mailed and
-- when (at most one mail per 15 minutes), and a lease while one is sent.
CREATE TABLE notice_mail (
    user_id INTEGER PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    last_notification_id INTEGER NOT NULL,
    last_sent_at TIMESTAMP,
    lease_until TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL,
    last_error TEXT
);
-- The notices pass looks at the last day's notifications only.
CREATE INDEX notifications_created ON notifications (created_at);
