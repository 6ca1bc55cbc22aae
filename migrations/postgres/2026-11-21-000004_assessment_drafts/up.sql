-- The one draft a city's people fill in together before submitting. A draft holds
-- only what they changed since the latest submitted assessment, field by field, so
-- that two colleagues saving at once each keep their own edits.
-- Keep in step with migrations/sqlite.
CREATE TABLE assessment_drafts (
    id SERIAL PRIMARY KEY,
    city_id INTEGER NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    standard TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    UNIQUE (city_id, standard)
);

-- One form field: a criterion's status (name 'DM1'), its evidence ('DM1_evidence',
-- 'DM1_evidence_url'), an outcome ('broadband_pct') or 'priority_areas'.
-- An empty value is a field someone cleared.
CREATE TABLE assessment_draft_fields (
    draft_id INTEGER NOT NULL REFERENCES assessment_drafts (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    PRIMARY KEY (draft_id, name)
);
