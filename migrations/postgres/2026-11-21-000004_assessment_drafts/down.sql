DROP TABLE assessment_draft_fields;
DROP TABLE assessment_drafts;
