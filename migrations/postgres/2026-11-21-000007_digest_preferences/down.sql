DROP TABLE digest_preferences;
