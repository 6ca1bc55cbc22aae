// @generated automatically by Diesel CLI.

diesel::table! {
    api_tokens (id) {
        id -> Integer,
        user_id -> Integer,
        name -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

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
    assessment_draft_fields (draft_id, name) {
        draft_id -> Integer,
        name -> Text,
        value -> Text,
        updated_at -> Timestamp,
        updated_by -> Nullable<Integer>,
    }
}

diesel::table! {
    assessment_drafts (id) {
        id -> Integer,
        city_id -> Integer,
        standard -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        updated_by -> Nullable<Integer>,
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
        priority_sdg -> Nullable<Text>,
        priority_indicator -> Nullable<Text>,
        priority_target -> Nullable<Double>,
        priority_value -> Nullable<Double>,
        priority_direction -> Nullable<Text>,
        priority_areas -> Text,
        submitted_by -> Nullable<Integer>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Integer,
        actor_id -> Nullable<Integer>,
        action -> Text,
        subject -> Text,
        detail -> Nullable<Text>,
        created_at -> Timestamp,
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
        accepts_introductions -> Bool,
    }
}

diesel::table! {
    email_tokens (id) {
        id -> Integer,
        user_id -> Integer,
        token_hash -> Text,
        purpose -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    introductions (id) {
        id -> Integer,
        from_city_id -> Integer,
        to_city_id -> Integer,
        requested_by -> Integer,
        criterion -> Nullable<Text>,
        message -> Text,
        status -> Text,
        created_at -> Timestamp,
        decided_at -> Nullable<Timestamp>,
        decided_by -> Nullable<Integer>,
    }
}

diesel::table! {
    sessions (id) {
        id -> Integer,
        user_id -> Integer,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> Integer,
        email -> Text,
        display_name -> Text,
        language -> Text,
        time_zone -> Text,
        city_id -> Nullable<Integer>,
        role -> Text,
        password_hash -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(assessment_answers -> assessments (assessment_id));
diesel::joinable!(assessment_draft_fields -> assessment_drafts (draft_id));
diesel::joinable!(assessment_draft_fields -> users (updated_by));
diesel::joinable!(assessment_drafts -> cities (city_id));
diesel::joinable!(assessment_drafts -> users (updated_by));
diesel::joinable!(assessments -> cities (city_id));
diesel::joinable!(assessments -> users (submitted_by));
diesel::joinable!(audit_log -> users (actor_id));
diesel::joinable!(certifications -> cities (city_id));
diesel::joinable!(email_tokens -> users (user_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(users -> cities (city_id));

diesel::allow_tables_to_appear_in_same_query!(
    api_tokens,
    assessment_answers,
    assessment_draft_fields,
    assessment_drafts,
    assessments,
    audit_log,
    certifications,
    cities,
    email_tokens,
    introductions,
    sessions,
    users,
);
