DROP INDEX threads_by_space;
CREATE INDEX threads_by_space ON threads (space_city_id, last_post_at, id);
