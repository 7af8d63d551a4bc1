//! Odd but legal data from a server, in the real window: a name with no space in 5,000
//! characters, and a name with a right-to-left override.

use crate::harness::{forget_saved_credentials, App, Launch};
use crate::{hostile, profile_named};
use trusthub_desk::sandbox::{self, profile_sid, Seeded};

/// A server that lists one profile and serves it, under any credentials.
async fn one_profile_server(name: &str) -> (hostile::Server, String) {
    let sid = profile_sid(Seeded::DRAFT_COMPLIANT);
    let profile = profile_named(&sid, name);
    let list = format!(
        r#"{{"results": [{profile}], "meta": {{"key": "results", "next_page_url": null}}}}"#
    );
    let path = format!("/v1/CustomerProfiles/{sid}");
    let server = hostile::Server::start(move |_, r| {
        if r.path.starts_with("/v1/CustomerProfiles?") {
            hostile::Reply::json(200, &list)
        } else if r.path == path {
            hostile::Reply::json(200, &profile)
        } else {
            hostile::Reply::json(
                200,
                r#"{"results": [], "meta": {"key": "results", "next_page_url": null}}"#,
            )
        }
    })
    .await;
    (server, sid)
}

/// The document is no wider than the window: nothing sits off to the side.
async fn assert_no_wider_than_the_window(app: &App, when: &str) {
    let width: serde_json::Value = app
        .client
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth];",
            vec![],
        )
        .await
        .unwrap();
    let (scroll, inner) = (width[0].as_i64().unwrap(), width[1].as_i64().unwrap());
    assert!(
        scroll <= inner,
        "{when}: the page is {scroll}px wide in a {inner}px window"
    );
}

async fn signed_in(server: &hostile::Server) -> App {
    forget_saved_credentials();
    let app = App::launch(Launch::against(&server.base)).await;
    app.sign_in(sandbox::DEMO_ACCOUNT_SID, "any-token-will-do")
        .await;
    app.text_contains("#profile-count", "1 profile shown").await;
    app
}

#[tokio::test(flavor = "multi_thread")]
async fn a_name_of_5000_letters_without_a_space_never_widens_the_page() {
    let long = "W".repeat(5000);
    let (server, _) = one_profile_server(&long).await;
    let app = signed_in(&server).await;
    assert_no_wider_than_the_window(&app, "the list, full size").await;
    app.click(".row-open").await;
    app.text_contains("#profile-title", "Show all (").await;
    assert_no_wider_than_the_window(&app, "the profile, full size").await;
    let title = app.visible("#profile-title").await.text().await.unwrap();
    assert!(
        title.chars().filter(|c| *c == 'W').count() < 1000,
        "the title is shortened"
    );
    app.click("#profile-title .show-all").await;
    app.text_contains("#profile-title", "Show less").await;
    let title = app.visible("#profile-title").await.text().await.unwrap();
    assert_eq!(
        title.chars().filter(|c| *c == 'W').count(),
        5000,
        "the whole name is one click away"
    );
    assert_no_wider_than_the_window(&app, "the whole name shown, full size").await;
    app.click("#open-evaluations").await;
    app.client.set_window_size(800, 600).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_no_wider_than_the_window(&app, "the profile at 800x600").await;
    app.screenshot("long-name-800x600").await;
    app.click("#back").await;
    app.text_contains("#profile-count", "1 profile shown").await;
    assert_no_wider_than_the_window(&app, "the list at 800x600").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_right_to_left_override_is_isolated_and_shown_not_obeyed() {
    let (server, sid) = one_profile_server("Acme \u{202E}Corp Ltd").await;
    let app = signed_in(&server).await;
    // The list shows the mark, not a reversed name.
    let row = app.text_contains("#profile-rows", "U+202E").await;
    assert!(row.contains("Acme") && row.contains("Corp Ltd"), "{row}");
    app.open_profile(&sid).await;
    let title = app.text_contains("#profile-title", "U+202E").await;
    assert_eq!(title, "Acme U+202ECorp Ltd");
    let facts: serde_json::Value = app
        .client
        .execute(
            "const t = document.getElementById('profile-title'); const b = t.querySelector('bdi'); \
             const mark = t.querySelector('.invisible-char'); \
             return [getComputedStyle(b).unicodeBidi, mark.getAttribute('title'), t.textContent.includes('\\u202e')];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(facts[0], "isolate");
    assert_eq!(facts[1], "U+202E right-to-left override");
    assert_eq!(
        facts[2], false,
        "the override itself is not in the title, only its mark"
    );
    // Editing shows what is really in the value, and offers to take it out.
    let note = app
        .text_contains("#edit-friendlyName-invisible", "1 character you cannot see")
        .await;
    assert!(note.contains("U+202E right-to-left override"), "{note}");
    app.screenshot("invisible-characters").await;
    app.click("#edit-friendlyName-invisible button").await;
    app.value_is("#edit-friendlyName", "Acme Corp Ltd").await;
    app.text_contains("#changes-note", "1 unsaved change").await;
    assert!(app.enabled("#save").await);
    app.close().await;
}
