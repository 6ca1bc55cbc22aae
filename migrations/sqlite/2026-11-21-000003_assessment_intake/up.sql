-- What an assessment says beyond its answers: the city's own priority outcome, the
-- practice areas it put first, and who submitted it. Keep in step with migrations/postgres.
ALTER TABLE assessments ADD COLUMN priority_sdg TEXT;
ALTER TABLE assessments ADD COLUMN priority_indicator TEXT;
ALTER TABLE assessments ADD COLUMN priority_target DOUBLE;
ALTER TABLE assessments ADD COLUMN priority_value DOUBLE;
-- 'at_least' (higher is better) or 'at_most' (lower is better).
ALTER TABLE assessments ADD COLUMN priority_direction TEXT CHECK (priority_direction IN ('at_least', 'at_most'));
-- Area codes separated by spaces, e.g. 'DM OD'.
ALTER TABLE assessments ADD COLUMN priority_areas TEXT NOT NULL DEFAULT '';
ALTER TABLE assessments ADD COLUMN submitted_by INTEGER REFERENCES users (id) ON DELETE SET NULL;
