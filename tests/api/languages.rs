//! Dates, times, numbers and mail in the reader's language and time zone.

use peerhall::i18n::Lang;

use crate::helpers::TestApp;

async fn page_as(app: &TestApp, token: &str, path: &str) -> String {
    let response = app.get_as(token, path).await;
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.unwrap()
}

#[tokio::test]
async fn dates_are_written_the_way_the_page_language_writes_them() {
    let app = TestApp::spawn().await;
    app.create_city("lyon");
    app.create_user("ana@lyon.example", "member", Some("lyon"));
    let token = app.token_for("ana@lyon.example");
    let today = chrono::Utc::now().date_naive();
    for lang in Lang::ALL {
        let page = page_as(&app, &token, &format!("/profile?lang={}", lang.code())).await;
        let expected = format!(
            "<time datetime=\"{}\">{}</time>",
            today.format("%Y-%m-%d"),
            lang.date(today)
        );
        assert!(page.contains(&expected), "{}: {expected}", lang.code());
    }
    assert!(Lang::Es.date(today).contains(" de "));
}

#[tokio::test]
async fn the_audit_log_shows_times_in_the_readers_time_zone() {
    let app = TestApp::spawn().await;
    // The helper's people live in America/Chicago.
    app.create_user("boss@program.example", "program_admin", None);
    app.create_city("quito");
    let token = app.token_for("boss@program.example");
    let page = page_as(&app, &token, "/admin?lang=pt").await;
    let zone = chrono_tz::America::Chicago;
    let now = chrono::Utc::now().naive_utc();
    let abbreviation = chrono::TimeZone::from_utc_datetime(&zone, &now)
        .format("%Z")
        .to_string();
    assert!(
        page.contains(&format!(" {abbreviation}</time>")),
        "times carry the reader's zone ({abbreviation})"
    );
    assert!(!page.contains(" UTC</time>"));
}

#[tokio::test]
async fn numbers_in_messages_use_the_languages_marks() {
    let args = [("count", 1234usize.into()), ("areas", 8usize.into())];
    assert!(
        Lang::En
            .t_args("standard-criteria-count", &args)
            .starts_with("1,234 ")
    );
    assert!(
        Lang::Pt
            .t_args("standard-criteria-count", &args)
            .starts_with("1.234 ")
    );
    assert!(
        Lang::Fr
            .t_args("standard-criteria-count", &args)
            .starts_with("1\u{202f}234 ")
    );
    let app = TestApp::spawn().await;
    let page = app
        .get("/standards/wwc-2022?lang=fr")
        .await
        .text()
        .await
        .unwrap();
    // French puts a no-break space before the percent sign.
    assert!(page.contains("75\u{a0}%"), "{page}");
}

#[tokio::test]
async fn mail_html_is_a_whole_document_in_the_recipients_language() {
    let app = TestApp::spawn().await;
    app.create_city("recife");
    app.create_user("rita@recife.example", "member", Some("recife"));
    let browser = app.browser();
    let form = app.page_text(&browser, "/sign-in").await;
    let csrf = crate::helpers::csrf_of(&form);
    app.post_form(
        &browser,
        "/sign-in",
        &[("csrf", &csrf), ("email", "rita@recife.example")],
    )
    .await;
    let mail = app.wait_for_mail(1).await;
    assert!(mail.contains("<!DOCTYPE html>"), "{mail}");
    assert!(mail.contains("<html lang=\"en\">"));
    assert!(mail.contains("<title>"));
}
