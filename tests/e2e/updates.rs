//! The About panel and the offer of a new version, on the window built by the tests. A
//! test build is not an installer, so it offers the new version and says how to update
//! instead of installing; installing and refusing a tampered download are shown on the
//! installed package by `release_update_*` (scripts/package-check.sh).

use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::harness::{forget_saved_credentials, App, Launch};
use trusthub_desk::sandbox::DEMO_ACCOUNT_SID;

const CURRENT: &str = env!("CARGO_PKG_VERSION");

fn feed(server: &MockServer, version: &str, notes: &str) -> serde_json::Value {
    let platform = json!({
        "signature": "c2lnbmF0dXJl",
        "url": format!("{}/trusthub-desk.deb", server.uri()),
    });
    json!({
        "version": version,
        "notes": notes,
        "pub_date": "2026-11-20T10:00:00Z",
        "platforms": { "linux-x86_64": platform.clone(), "linux-x86_64-deb": platform },
    })
}

#[tokio::test]
async fn a_new_version_is_offered_with_its_notes_and_nothing_about_the_person_is_sent() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/latest.json"))
        .respond_with(ResponseTemplate::new(200).set_body_json(feed(
            &server,
            "9.9.9",
            "Faster lists.\n<b>Bold</b> \u{202E}reversed",
        )))
        .mount(&server)
        .await;
    forget_saved_credentials();
    let app = App::launch(Launch {
        args: vec!["--demo".into()],
        env: vec![(
            "TRUSTHUB_DESK_UPDATE_ENDPOINT".into(),
            format!("{}/latest.json", server.uri()),
        )],
        ..Launch::default()
    })
    .await;

    // At start: a banner, then the offer with the notes shown as text, not obeyed.
    app.text_contains(
        "#update-banner-text",
        "Version 9.9.9 of TrustHub Desk is available.",
    )
    .await;
    app.click("#update-banner-open").await;
    app.text_contains("#update-title", "Version 9.9.9 is available")
        .await;
    app.text_contains(
        "#update-current",
        &format!("You have version {CURRENT}. It was published on Nov 20, 2026"),
    )
    .await;
    let notes = app.text_contains("#update-notes", "<b>Bold</b>").await;
    assert!(notes.starts_with("Faster lists."), "{notes:?}");
    assert!(notes.contains("<b>Bold</b> U+202Ereversed"), "{notes:?}");
    assert_eq!(
        app.client
            .find_all(fantoccini::Locator::Css("#update-notes p"))
            .await
            .unwrap()
            .len(),
        2,
        "one paragraph per line"
    );
    assert!(
        !notes.contains('\u{202E}'),
        "the direction control is shown as a mark: {notes:?}"
    );
    // A test build is not an installer: it says how to update instead of offering to.
    app.text_contains("#update-how", "built from its source code")
        .await;
    assert!(!app.shown_now("#update-install").await);

    // On the wire: one plain GET of the feed, with nothing about the person or account.
    let seen = server.received_requests().await.unwrap();
    assert_eq!(seen.len(), 1, "one check at start");
    let check = &seen[0];
    assert_eq!(check.method.as_str(), "GET");
    assert_eq!(check.url.path(), "/latest.json");
    assert_eq!(check.url.query(), None);
    let mut names: Vec<String> = check.headers.keys().map(|k| k.to_string()).collect();
    names.sort();
    assert_eq!(
        names,
        ["accept", "host", "user-agent"],
        "{:?}",
        check.headers
    );
    assert_eq!(check.headers["accept"], "application/json");
    let agent = check.headers["user-agent"].to_str().unwrap();
    assert!(agent.starts_with("tauri-plugin-updater/"), "{agent}");
    assert!(check.body.is_empty());
    assert!(!format!("{check:?}").contains(DEMO_ACCOUNT_SID));

    // About: the version and licence; checking again finds nothing newer.
    app.click("#update-later").await;
    app.click("#about-open").await;
    app.text_contains("#about-version", &format!("Version {CURRENT}"))
        .await;
    app.text_contains("#about-licence", "Published under the MIT licence.")
        .await;
    app.text_contains("#about-update-status", "Version 9.9.9 is available.")
        .await;
    server.reset().await;
    Mock::given(method("GET"))
        .and(path("/latest.json"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    app.click("#about-check").await;
    app.text_contains(
        "#about-update-status",
        &format!("You have the newest version, {CURRENT}."),
    )
    .await;
    assert!(!app.shown_now("#update-banner").await, "the banner went");

    // A feed that answers with something else is explained, not shown raw.
    server.reset().await;
    Mock::given(method("GET"))
        .and(path("/latest.json"))
        .respond_with(ResponseTemplate::new(200).set_body_string("<html>login</html>"))
        .mount(&server)
        .await;
    app.click("#about-check").await;
    app.text_contains(
        "#about-update-status",
        "The update server's answer did not describe a version of TrustHub Desk. Try again later.",
    )
    .await;
    app.close().await;
}
