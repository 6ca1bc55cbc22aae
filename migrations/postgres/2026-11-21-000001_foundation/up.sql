-- Cities, their certifications, and their (immutable) assessments.
-- Keep in step with migrations/sqlite: tests/api/migrations.rs compares them.
CREATE TABLE cities (
    id SERIAL PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    country TEXT NOT NULL CHECK (length(country) = 2),
    region TEXT NOT NULL CHECK (region IN ('us_canada', 'latin_america')),
    population INTEGER NOT NULL CHECK (population >= 0),
    language TEXT NOT NULL CHECK (language IN ('en', 'es', 'pt', 'fr')),
    discoverable BOOLEAN NOT NULL DEFAULT FALSE,
    is_demo BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE certifications (
    id SERIAL PRIMARY KEY,
    city_id INTEGER NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    standard TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('silver', 'gold', 'platinum')),
    year INTEGER NOT NULL,
    UNIQUE (city_id, year)
);

CREATE TABLE assessments (
    id SERIAL PRIMARY KEY,
    city_id INTEGER NOT NULL REFERENCES cities (id) ON DELETE CASCADE,
    standard TEXT NOT NULL,
    -- The met criteria as a bit set in catalog order, so peers can be matched in memory.
    met_mask BIGINT NOT NULL,
    broadband_pct DOUBLE PRECISION,
    pm25_ugm3 DOUBLE PRECISION,
    submitted_at TIMESTAMP NOT NULL
);
CREATE INDEX assessments_city_submitted ON assessments (city_id, submitted_at);

CREATE TABLE assessment_answers (
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    criterion TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('met', 'in_progress', 'not_started')),
    evidence TEXT,
    evidence_url TEXT,
    PRIMARY KEY (assessment_id, criterion)
);
