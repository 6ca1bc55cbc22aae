//! The program admin's page: cities, staff invitations, the audit log.

use crate::helpers::{TestApp, csrf_of};

#[tokio::test]
async fn a_program_admin_adds_a_city_invites_a_moderator_and_reads_the_audit_log() {
    let app = TestApp::spawn().await;
    app.create_user("boss@program.org", "program_admin", None);
    let admin = app.sign_in("boss@program.org").await;
    let page = admin.get(app.url("/admin?lang=fr")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let csrf = csrf_of(&page.text().await.unwrap());

    let bad = app
        .post_form(
            &admin,
            "/admin/cities?lang=fr",
            &[
                ("csrf", &csrf),
                ("slug", "Bad Slug"),
                ("name", "Ville"),
                ("country", "ca"),
                ("region", "us_canada"),
                ("population", "1000"),
                ("language", "fr"),
            ],
        )
        .await;
    assert_eq!(bad.status(), 422);
    let body = bad.text().await.unwrap();
    assert!(body.contains("href=\"#slug\""));
    assert!(body.contains("href=\"#country\""));
    assert!(
        body.contains("Utilisez le code ISO"),
        "errors in the admin's language"
    );

    let good = app
        .post_form(
            &admin,
            "/admin/cities",
            &[
                ("csrf", &csrf),
                ("slug", "gatineau"),
                ("name", "Gatineau"),
                ("country", "CA"),
                ("region", "us_canada"),
                ("population", "291000"),
                ("language", "fr"),
                ("discoverable", "on"),
            ],
        )
        .await;
    assert_eq!(good.status(), 303);

    let invited = app
        .post_form(
            &admin,
            "/admin/invitations",
            &[
                ("csrf", &csrf),
                ("email", "mod@program.org"),
                ("display_name", "Mod"),
                ("role", "moderator"),
                ("city", ""),
            ],
        )
        .await;
    assert_eq!(invited.status(), 303);
    let mail = app.wait_for_mail(2).await;
    assert!(mail.contains("To: mod@program.org"));

    let needs_city = app
        .post_form(
            &admin,
            "/admin/invitations",
            &[
                ("csrf", &csrf),
                ("email", "m@gatineau.ca"),
                ("display_name", "M"),
                ("role", "member"),
                ("city", ""),
            ],
        )
        .await;
    assert_eq!(needs_city.status(), 422);

    let log = app.page_text(&admin, "/admin").await;
    assert!(log.contains("city:gatineau"));
    assert!(log.contains("user:mod@program.org"));
    assert!(log.contains("invitation.create"));
    assert!(log.contains("boss@program.org"), "the actor is named");
}
