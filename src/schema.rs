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
    digest_ledger (user_id, week) {
        user_id -> Integer,
        week -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        lease_until -> Timestamp,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    digest_preferences (user_id) {
        user_id -> Integer,
        digest -> Bool,
        digest_day -> Text,
        digest_hour -> Integer,
        notify_immediately -> Bool,
        updated_at -> Timestamp,
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
    flags (id) {
        id -> Integer,
        post_id -> Integer,
        flagged_by -> Integer,
        reason -> Text,
        created_at -> Timestamp,
        resolved_at -> Nullable<Timestamp>,
        resolved_by -> Nullable<Integer>,
        resolution -> Nullable<Text>,
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
    moderation_log (id) {
        id -> Integer,
        moderator_id -> Nullable<Integer>,
        action -> Text,
        thread_id -> Nullable<Integer>,
        post_id -> Nullable<Integer>,
        detail -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    notice_mail (user_id) {
        user_id -> Integer,
        last_notification_id -> Integer,
        last_sent_at -> Nullable<Timestamp>,
        lease_until -> Timestamp,
        attempts -> Integer,
        last_error -> Nullable<Text>,
    }
}

diesel::table! {
    notifications (id) {
        id -> Integer,
        user_id -> Integer,
        kind -> Text,
        thread_id -> Integer,
        post_id -> Nullable<Integer>,
        actor_id -> Nullable<Integer>,
        created_at -> Timestamp,
        read_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    post_revisions (id) {
        id -> Integer,
        post_id -> Integer,
        title -> Nullable<Text>,
        body -> Text,
        edited_by -> Nullable<Integer>,
        replaced_at -> Timestamp,
    }
}

diesel::table! {
    posts (id) {
        id -> Integer,
        thread_id -> Integer,
        author_id -> Nullable<Integer>,
        opening -> Bool,
        body -> Text,
        body_html -> Text,
        votes -> Integer,
        hidden -> Bool,
        deleted -> Bool,
        created_at -> Timestamp,
        edited_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    search_outbox (id) {
        id -> Integer,
        change -> Text,
        thread_id -> Integer,
        post_id -> Nullable<Integer>,
        created_at -> Timestamp,
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
    thread_tags (thread_id, tag) {
        thread_id -> Integer,
        tag -> Text,
    }
}

diesel::table! {
    threads (id) {
        id -> Integer,
        category -> Text,
        space_city_id -> Nullable<Integer>,
        kind -> Text,
        title -> Text,
        lang -> Text,
        author_id -> Nullable<Integer>,
        accepted_post_id -> Nullable<Integer>,
        locked -> Bool,
        visible -> Bool,
        reply_count -> Integer,
        created_at -> Timestamp,
        last_post_at -> Timestamp,
    }
}

diesel::table! {
    undeliverable_addresses (user_id) {
        user_id -> Integer,
        email -> Text,
        reason -> Text,
        created_at -> Timestamp,
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
        handle -> Nullable<Text>,
    }
}

diesel::table! {
    votes (post_id, user_id) {
        post_id -> Integer,
        user_id -> Integer,
        created_at -> Timestamp,
    }
}

diesel::table! {
    watches (user_id, target_kind, target) {
        user_id -> Integer,
        target_kind -> Text,
        target -> Text,
        level -> Text,
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
diesel::joinable!(digest_ledger -> users (user_id));
diesel::joinable!(digest_preferences -> users (user_id));
diesel::joinable!(email_tokens -> users (user_id));
diesel::joinable!(flags -> posts (post_id));
diesel::joinable!(moderation_log -> posts (post_id));
diesel::joinable!(moderation_log -> threads (thread_id));
diesel::joinable!(moderation_log -> users (moderator_id));
diesel::joinable!(notice_mail -> users (user_id));
diesel::joinable!(notifications -> posts (post_id));
diesel::joinable!(notifications -> threads (thread_id));
diesel::joinable!(post_revisions -> posts (post_id));
diesel::joinable!(post_revisions -> users (edited_by));
diesel::joinable!(posts -> threads (thread_id));
diesel::joinable!(posts -> users (author_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(thread_tags -> threads (thread_id));
diesel::joinable!(threads -> cities (space_city_id));
diesel::joinable!(threads -> users (author_id));
diesel::joinable!(undeliverable_addresses -> users (user_id));
diesel::joinable!(users -> cities (city_id));
diesel::joinable!(votes -> posts (post_id));
diesel::joinable!(votes -> users (user_id));
diesel::joinable!(watches -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    api_tokens,
    assessment_answers,
    assessment_draft_fields,
    assessment_drafts,
    assessments,
    audit_log,
    certifications,
    cities,
    digest_ledger,
    digest_preferences,
    email_tokens,
    flags,
    introductions,
    moderation_log,
    notice_mail,
    notifications,
    post_revisions,
    posts,
    search_outbox,
    sessions,
    thread_tags,
    threads,
    undeliverable_addresses,
    users,
    votes,
    watches,
);
