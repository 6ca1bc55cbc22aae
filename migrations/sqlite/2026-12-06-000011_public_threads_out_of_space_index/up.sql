-- Public threads (space_city_id NULL) are never listed by space, yet every
-- reply to one moved its entry in this index: two of the about 21 pages a
-- reply wrote to the log (BENCHMARKS.md, "Sixteenth run"). A city space's
-- listing (`space_city_id = ?`) still finds its threads here.
DROP INDEX threads_by_space;
CREATE INDEX threads_by_space ON threads (space_city_id, last_post_at, id)
    WHERE space_city_id IS NOT NULL;
