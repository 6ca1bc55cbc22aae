DROP INDEX notifications_created;
DROP TABLE notice_mail;
DROP TABLE undeliverable_addresses;
DROP TABLE digest_ledger;
