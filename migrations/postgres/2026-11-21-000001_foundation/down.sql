DROP TABLE assessment_answers;
DROP INDEX assessments_city_submitted;
DROP TABLE assessments;
DROP TABLE certifications;
DROP TABLE cities;
