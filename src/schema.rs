// @generated automatically by Diesel CLI.

diesel::table! {
    assessment_answers (assessment_id, criterion) {
        assessment_id -> Integer,
        criterion -> Text,
        status -> Text,
        evidence -> Nullable<Text>,
        evidence_url -> Nullable<Text>,
    }
}

diesel::table! {
    assessments (id) {
        id -> Integer,
        city_id -> Integer,
        standard -> Text,
        met_mask -> BigInt,
        broadband_pct -> Nullable<Double>,
        pm25_ugm3 -> Nullable<Double>,
        submitted_at -> Timestamp,
    }
}

diesel::table! {
    certifications (id) {
        id -> Integer,
        city_id -> Integer,
        standard -> Text,
        level -> Text,
        year -> Integer,
    }
}

diesel::table! {
    cities (id) {
        id -> Integer,
        slug -> Text,
        name -> Text,
        country -> Text,
        region -> Text,
        population -> Integer,
        language -> Text,
        discoverable -> Bool,
        is_demo -> Bool,
        created_at -> Timestamp,
    }
}

diesel::joinable!(assessment_answers -> assessments (assessment_id));
diesel::joinable!(assessments -> cities (city_id));
diesel::joinable!(certifications -> cities (city_id));

diesel::allow_tables_to_appear_in_same_query!(
    assessment_answers,
    assessments,
    certifications,
    cities,
);
