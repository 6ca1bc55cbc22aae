//! A city admin invites a colleague, who arrives signed in.

use crate::helpers::{TestApp, csrf_of};

fn invitation_token(mail: &str) -> String {
    let start = mail.find("/invitations/").expect("an invitation link") + 13;
    mail[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

#[tokio::test]
async fn an_invited_colleague_chooses_language_and_time_zone_and_arrives_signed_in() {
    let app = TestApp::spawn().await;
    app.create_city("medellin");
    app.create_user("jefa@medellin.gov.co", "city_admin", Some("medellin"));
    let admin = app.sign_in("jefa@medellin.gov.co").await;
    let people = admin
        .get(app.url("/cities/medellin/people"))
        .send()
        .await
        .unwrap();
    assert_eq!(people.status(), 200);
    let csrf = csrf_of(&people.text().await.unwrap());
    let invited = app
        .post_form(
            &admin,
            "/cities/medellin/people",
            &[
                ("csrf", &csrf),
                ("email", "Nuevo@Medellin.gov.co"),
                ("display_name", "Nuevo Colega"),
                ("role", "member"),
            ],
        )
        .await;
    assert_eq!(invited.status(), 303);
    let mail = app.wait_for_mail(2).await;
    assert!(mail.contains("To: nuevo@medellin.gov.co"));
    let token = invitation_token(&mail);

    let newcomer = app.browser();
    let welcome = newcomer
        .get(app.url(&format!("/invitations/{token}?lang=es")))
        .send()
        .await
        .unwrap();
    assert_eq!(welcome.status(), 200);
    let page = welcome.text().await.unwrap();
    assert!(page.contains("Nuevo Colega"), "the name is prefilled");
    let csrf = csrf_of(&page);
    let path = format!("/invitations/{token}");
    let bad = app
        .post_form(
            &newcomer,
            &path,
            &[
                ("csrf", &csrf),
                ("display_name", "Nuevo"),
                ("language", "es"),
                ("time_zone", "Bogotá"),
            ],
        )
        .await;
    assert_eq!(bad.status(), 422);
    let accepted = app
        .post_form(
            &newcomer,
            &path,
            &[
                ("csrf", &csrf),
                ("display_name", "Nuevo"),
                ("language", "es"),
                ("time_zone", "America/Bogota"),
            ],
        )
        .await;
    assert_eq!(accepted.status(), 303);
    let profile = app.page_text(&newcomer, "/profile").await;
    assert!(profile.contains("<html lang=\"es\">"));
    assert!(profile.contains("America/Bogota"));
    assert!(profile.contains("Miembro"));

    // The link is spent, and the admin's page lists the newcomer.
    let again = app.browser().get(app.url(&path)).send().await.unwrap();
    assert_eq!(again.status(), 410);
    let list = app.page_text(&admin, "/cities/medellin/people").await;
    assert!(list.contains("nuevo@medellin.gov.co"));
}

#[tokio::test]
async fn inviting_an_address_that_has_an_account_is_refused_on_the_form() {
    let app = TestApp::spawn().await;
    app.create_city("rionegro");
    app.create_user("admin@rionegro.gov.co", "city_admin", Some("rionegro"));
    app.create_user("taken@x.org", "member", Some("rionegro"));
    let token = app.token_for("admin@rionegro.gov.co");
    let response = app
        .client
        .post(app.url("/cities/rionegro/people"))
        .bearer_auth(token)
        .form(&[
            ("email", "taken@x.org"),
            ("display_name", "Taken"),
            ("role", "member"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("href=\"#email\""));
}

#[tokio::test]
async fn a_city_admin_decides_whether_other_cities_may_see_the_city() {
    use diesel::prelude::*;
    use peerhall::schema::{audit_log, cities};
    let app = TestApp::spawn().await;
    app.create_city("lujan-de-cuyo");
    app.create_user("admin@lujan.gob.ar", "city_admin", Some("lujan-de-cuyo"));
    let token = app.token_for("admin@lujan.gob.ar");
    let hide = app
        .client
        .post(app.url("/cities/lujan-de-cuyo/settings"))
        .bearer_auth(&token)
        .form(&[("csrf", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(hide.status(), 303);
    let discoverable: bool = cities::table
        .filter(cities::slug.eq("lujan-de-cuyo"))
        .select(cities::discoverable)
        .first(&mut app.conn())
        .unwrap();
    assert!(!discoverable, "an unticked box hides the city");
    let logged: i64 = audit_log::table
        .filter(audit_log::action.eq("city.visibility"))
        .count()
        .get_result(&mut app.conn())
        .unwrap();
    assert_eq!(logged, 1);
}
