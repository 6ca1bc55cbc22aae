DROP INDEX digest_ledger_last_sent;
