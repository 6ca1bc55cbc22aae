-- Each digest starts where the reader's last one ended. Without this index
-- SQLite read that from the `status` index, every sent digest for each
-- reader: composing a pass slowed down with every week of digests sent
-- (BENCHMARKS.md, "Twelfth run").
CREATE INDEX digest_ledger_last_sent ON digest_ledger (user_id, status, finished_at);
