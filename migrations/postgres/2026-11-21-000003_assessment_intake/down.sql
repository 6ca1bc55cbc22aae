ALTER TABLE assessments DROP COLUMN submitted_by;
ALTER TABLE assessments DROP COLUMN priority_areas;
ALTER TABLE assessments DROP COLUMN priority_direction;
ALTER TABLE assessments DROP COLUMN priority_value;
ALTER TABLE assessments DROP COLUMN priority_target;
ALTER TABLE assessments DROP COLUMN priority_indicator;
ALTER TABLE assessments DROP COLUMN priority_sdg;
