DROP TABLE introductions;
ALTER TABLE cities DROP COLUMN accepts_introductions;
