//! End-to-end tests on the real window. Run by scripts/test.sh (feature `system-tests`)
//! under Xvfb with a private session bus and an unlocked gnome-keyring.

mod accessibility;
mod boundaries;
mod calls;
mod fix_flagged;
mod harness;
mod keyboard;
mod memory;
mod new_profile;
mod odd_data;
mod overview;
mod rejections;
mod release;
mod self_update;
mod texting;
mod updates;
mod watch;

use harness::{forget_saved_credentials, App, Launch};
use trusthub_desk::credentials::SecretStore;
use trusthub_desk::sandbox::{self, profile_sid, Sandbox, Seeded};
use trusthub_desk::trusthub::{http_client_for, TrustHubClient};

pub(crate) async fn sandbox() -> Sandbox {
    Sandbox::start(sandbox::Config {
        review_delay: std::time::Duration::from_secs(2),
        ..sandbox::Config::default()
    })
    .await
    .unwrap()
}

/// What a person types as the Auth Token of one of the sandbox's accounts.
fn token(server: &Sandbox, account_sid: &str) -> String {
    server.auth_token(account_sid).unwrap()
}

/// The demo with one of its profiles open and loaded.
async fn demo_with_profile_open(seeded: usize, name: &str) -> App {
    forget_saved_credentials();
    let app = App::launch(Launch::demo()).await;
    app.open_profile(&profile_sid(seeded)).await;
    app.value_is("#edit-friendlyName", name).await;
    app
}

fn client_for(s: &Sandbox) -> TrustHubClient {
    TrustHubClient::new(http_client_for(&s.base_url()).unwrap(), s.base_url())
}

#[tokio::test(flavor = "multi_thread")]
async fn enter_credentials_open_a_profile_change_name_and_email_save_and_see_it() {
    forget_saved_credentials();
    let server = sandbox().await;
    let app = App::launch(Launch::against(
        server.base_url().as_str().trim_end_matches('/'),
    ))
    .await;

    app.text_contains("#credentials-title", "Connect to your Twilio account")
        .await;
    app.screenshot("credentials").await;
    app.sign_in(
        sandbox::DEMO_ACCOUNT_SID,
        &token(&server, sandbox::DEMO_ACCOUNT_SID),
    )
    .await;

    app.text_contains("#home-title", "Your Customer-Profiles")
        .await;
    app.account_contains(sandbox::DEMO_ACCOUNT_SID).await;
    app.account_contains("Auth Token").await;
    let kept = harness::app_keyring(&server.base_url(), sandbox::DEMO_ACCOUNT_SID)
        .load()
        .unwrap()
        .expect("the credentials are in the keyring");
    assert_eq!(kept.account_sid(), sandbox::DEMO_ACCOUNT_SID);

    let sid = profile_sid(Seeded::DRAFT_COMPLIANT);
    app.open_profile(&format!("  {sid} ")).await;
    app.value_is("#edit-friendlyName", "Acme Plumbing LLC")
        .await;
    assert!(
        !app.enabled("#save").await,
        "Save is disabled while nothing has changed"
    );
    app.screenshot("profile").await;

    app.type_into("#edit-friendlyName", "Acme Plumbing & Heating")
        .await;
    app.type_into("#edit-email", "owner@acmeplumbing.example.com")
        .await;
    assert!(app.enabled("#save").await);
    app.text_contains("#changes-note", "2 unsaved changes")
        .await;
    app.click("#save").await;

    app.text_contains("#profile-title", "Acme Plumbing & Heating")
        .await;
    app.text_contains("#profile-details", "owner@acmeplumbing.example.com")
        .await;
    app.text_contains("#status-card", "Draft").await;
    app.text_contains("#toast", "Saved").await;
    assert!(
        !app.enabled("#save").await,
        "after saving there is nothing left to save"
    );

    let held = client_for(&server)
        .fetch_profile(&server.demo_credentials().unwrap(), &sid)
        .await
        .unwrap();
    assert_eq!(
        held.friendly_name.as_deref(),
        Some("Acme Plumbing & Heating")
    );
    assert_eq!(
        held.email.as_deref(),
        Some("owner@acmeplumbing.example.com")
    );

    app.click("#open-evaluations").await;
    app.text_contains("#list-evaluations", "Passed").await;
    app.text_contains("#linked-title", "Twilio’s checks").await;
    app.close().await;
    forget_saved_credentials();
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_credentials_are_refused_plainly_and_nothing_is_kept() {
    forget_saved_credentials();
    let server = sandbox().await;
    let app = App::launch(Launch::against(
        server.base_url().as_str().trim_end_matches('/'),
    ))
    .await;
    app.sign_in(sandbox::DEMO_ACCOUNT_SID, "not-the-token")
        .await;
    let panel = app
        .text_contains(".error-panel", "Twilio did not accept your credentials")
        .await;
    assert!(panel.contains("Error 20003"), "{panel}");
    app.screenshot("error-credentials").await;
    assert_eq!(
        app.value("#cred-accountSid").await,
        sandbox::DEMO_ACCOUNT_SID,
        "what was typed stays"
    );
    assert!(
        harness::app_keyring(&server.base_url(), sandbox::DEMO_ACCOUNT_SID)
            .load()
            .unwrap()
            .is_none(),
        "refused credentials are not saved"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_malformed_sid_is_refused_without_a_request() {
    forget_saved_credentials();
    let app = App::launch(Launch::demo()).await;
    // One character short: the search box says so rather than search names for it.
    app.open_profile("BU0123456789abcdef0123456789abcde").await;
    app.text_contains("#search-error", "does not look like a Customer-Profile SID")
        .await;
    app.text_contains("#search-error", "this one has 31").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn demo_banner_stays_and_leaving_returns_to_the_credentials_screen() {
    forget_saved_credentials();
    let app = App::launch(Launch::demo()).await;
    app.text_contains("#demo-banner", "Demo — nothing is sent to Twilio")
        .await;
    app.text_contains("#profile-list", "Acme Plumbing LLC")
        .await;
    app.screenshot("demo-home").await;
    app.click(".row-open").await;
    app.value_is("#edit-friendlyName", "Acme Plumbing LLC")
        .await;
    assert!(
        app.visible("#demo-banner")
            .await
            .is_displayed()
            .await
            .unwrap(),
        "the banner never goes away"
    );
    app.click("#leave-demo").await;
    app.text_contains("#credentials-title", "Connect to your Twilio account")
        .await;
    assert!(!app
        .visible("body")
        .await
        .text()
        .await
        .unwrap()
        .contains("nothing is sent to Twilio"));
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_profile_in_review_is_read_only_and_says_why() {
    let app = demo_with_profile_open(Seeded::IN_REVIEW, "Contoso Dental Care").await;
    app.text_contains(
        "#lock-note",
        "Twilio takes no changes while it reviews the profile",
    )
    .await;
    assert!(
        !app.enabled("#edit-friendlyName").await,
        "the form cannot be typed into"
    );
    app.text_contains("#status-card", "In review").await;
    assert!(
        !app.shown_now("#submit-review").await,
        "no second way to submit"
    );
    assert!(
        !app.shown_now("#edit-status").await,
        "no list of Twilio’s own statuses"
    );
    app.screenshot("in-review").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_profile_lists_the_records_it_uses_and_its_phone_numbers() {
    forget_saved_credentials();
    let app = App::launch(Launch::demo()).await;
    app.open_profile(&profile_sid(Seeded::REJECTED)).await;
    app.text_contains("#profile-title", "Northwind Traders")
        .await;
    // The policy, by its name and Twilio's SID, is among the technical details, closed.
    let open = "return document.getElementById('technical-details').open;";
    assert_eq!(app.client.execute(open, vec![]).await.unwrap(), false);
    app.click("#technical-details summary").await;
    app.text_contains(
        "#policy-name",
        "Secondary Customer-Profile of type Business",
    )
    .await;
    app.click("#open-entity-assignments").await;
    let list = app
        .text_contains(
            "#list-entity-assignments",
            "Northwind Traders — business information",
        )
        .await;
    assert!(
        list.contains("Business details or person") && list.contains("Document"),
        "{list}"
    );
    app.text_contains("#linked-title", "Records this profile uses")
        .await;
    app.click("#open-channel-endpoint-assignments").await;
    app.text_contains("#list-channel-endpoint-assignments", "+1")
        .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_keyring_the_person_may_connect_for_this_session_only() {
    let server = sandbox().await;
    let mut launch = Launch::against(server.base_url().as_str().trim_end_matches('/'));
    // The app's session bus leads nowhere: no Secret Service can be reached.
    launch.env.push((
        "DBUS_SESSION_BUS_ADDRESS".into(),
        "unix:path=/nonexistent/bus".into(),
    ));
    let app = App::launch(launch).await;
    app.text_contains("#keyring-missing", "This computer has no keyring service")
        .await;
    app.screenshot("no-keyring").await;
    app.type_into("#cred-accountSid", sandbox::DEMO_ACCOUNT_SID)
        .await;
    app.type_into("#cred-secret", &token(&server, sandbox::DEMO_ACCOUNT_SID))
        .await;
    app.click("#session-only").await;
    app.click("#connect").await;
    app.account_contains("kept for this session only").await;
    app.text_contains("#profile-list", "Acme Plumbing LLC")
        .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_profile_view_reads_at_800_by_600() {
    forget_saved_credentials();
    let app = App::launch(Launch::demo()).await;
    app.client.set_window_size(800, 600).await.unwrap();
    app.open_profile(&profile_sid(Seeded::DRAFT_NONCOMPLIANT))
        .await;
    app.value_is("#edit-friendlyName", "Blue Harbor Bakery")
        .await;
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
        "no sideways scrolling at 800x600: content {scroll}px, window {inner}px"
    );
    app.screenshot("profile-800x600").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn find_a_profile_by_searching_its_name_and_page_through_the_list() {
    forget_saved_credentials();
    let app = App::launch(Launch::demo()).await;
    app.text_contains("#profile-count", "50 profiles shown — more available")
        .await;
    app.click("#load-more").await;
    app.text_contains("#profile-count", "64 profiles shown")
        .await;
    assert!(!app
        .visible("#profile-list")
        .await
        .text()
        .await
        .unwrap()
        .is_empty());

    app.type_into("#search-name", "blue harbor").await;
    app.click("#search").await;
    app.text_contains("#profile-count", "1 profile shown").await;
    let rows = app
        .text_contains("#profile-rows", "Blue Harbor Bakery")
        .await;
    assert!(!rows.contains("Acme"), "{rows}");
    app.click(".row-open").await;
    app.value_is("#edit-friendlyName", "Blue Harbor Bakery")
        .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn check_compliance_shows_the_failed_requirement_and_what_to_fix() {
    let app = demo_with_profile_open(Seeded::DRAFT_NONCOMPLIANT, "Blue Harbor Bakery").await;
    app.click("#open-evaluations").await;
    app.text_contains("#list-evaluations", "Needs fixing").await;
    app.click("#check-compliance").await;
    let list = app
        .text_contains("#checklist", "3 requirements need fixing")
        .await;
    assert!(
        list.contains("Business Information — needs fixing"),
        "{list}"
    );
    assert!(
        list.contains("Business Name: The Business Name is missing"),
        "{list}"
    );
    assert!(!list.contains("business_name"), "no machine name: {list}");
    assert!(list.contains("Twilio error 22215"), "{list}");
    assert!(list.contains("Primary Customer-Profile — passed"), "{list}");
    app.screenshot("evaluation-checklist").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_noncompliant_draft_is_not_submitted() {
    forget_saved_credentials();
    let app = App::launch(Launch::demo()).await;
    app.open_profile(&profile_sid(Seeded::DRAFT_NONCOMPLIANT))
        .await;
    app.click("#submit-review").await;
    let blocked = app
        .text_contains("#submit-blocked", "Not submitted: fix these first")
        .await;
    assert!(
        blocked.contains("Physical Business Address — needs fixing"),
        "{blocked}"
    );
    app.text_contains("#status-card", "Draft").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn submit_a_compliant_draft_and_see_it_reach_in_review() {
    let app = demo_with_profile_open(Seeded::DRAFT_COMPLIANT, "Acme Plumbing LLC").await;
    app.type_into("#edit-email", "review@acmeplumbing.example.com")
        .await;
    app.click("#submit-review").await;
    app.text_contains(
        "#confirm-text",
        "every requirement passed. Your 1 unsaved change is saved first.",
    )
    .await;
    app.screenshot("submit-confirm").await;
    app.click("#confirm-ok").await;
    app.text_contains("#status-card", "Pending review").await;
    app.text_contains(
        "#status-card",
        "Twilio e-mails review@acmeplumbing.example.com",
    )
    .await;
    app.text_contains("#profile-details", "review@acmeplumbing.example.com")
        .await;
    app.text_contains("#status-card", "In review").await;
    app.screenshot("submitted").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn leaving_an_edited_form_asks_first() {
    let app = demo_with_profile_open(Seeded::DRAFT_COMPLIANT, "Acme Plumbing LLC").await;
    app.type_into("#edit-friendlyName", "Unsaved name").await;
    app.click("#back").await;
    app.text_contains("#confirm-title", "Discard your changes?")
        .await;
    app.click("#confirm-cancel").await;
    assert_eq!(
        app.value("#edit-friendlyName").await,
        "Unsaved name",
        "cancel keeps the edit"
    );
    app.click("#back").await;
    app.click("#confirm-ok").await;
    app.text_contains("#home-title", "Your Customer-Profiles")
        .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn save_two_accounts_switch_between_them_and_forget_one() {
    forget_saved_credentials();
    let server = sandbox().await;
    let app = App::launch(Launch::against(
        server.base_url().as_str().trim_end_matches('/'),
    ))
    .await;
    app.type_into("#cred-accountSid", sandbox::DEMO_ACCOUNT_SID)
        .await;
    app.type_into("#cred-secret", &token(&server, sandbox::DEMO_ACCOUNT_SID))
        .await;
    app.type_into("#cred-label", "Main office").await;
    app.click("#connect").await;
    app.text_contains("#profile-list", "Acme Plumbing LLC")
        .await;
    app.account_contains("Main office").await;

    app.account_action("#add-account").await;
    app.text_contains("#credentials-title", "Add another Twilio account")
        .await;
    app.type_into("#cred-accountSid", sandbox::SECOND_ACCOUNT_SID)
        .await;
    app.type_into("#cred-secret", &token(&server, sandbox::SECOND_ACCOUNT_SID))
        .await;
    app.type_into("#cred-label", "Second office").await;
    app.click("#connect").await;
    let list = app
        .text_contains("#profile-list", "Ember Garden Supply Ltd")
        .await;
    assert!(
        !list.contains("Acme"),
        "only the second account's profiles: {list}"
    );
    app.account_contains(sandbox::SECOND_ACCOUNT_SID).await;
    app.open_account_menu().await;
    let choices = app.text_contains("#account-switcher", "Main office").await;
    assert!(choices.contains("Second office"), "{choices}");
    for sid in [sandbox::DEMO_ACCOUNT_SID, sandbox::SECOND_ACCOUNT_SID] {
        assert!(
            harness::app_keyring(&server.base_url(), sid)
                .load()
                .unwrap()
                .is_some(),
            "each account has its own keyring entry"
        );
    }
    app.screenshot("accounts").await;

    app.switch_account(sandbox::DEMO_ACCOUNT_SID).await;
    app.text_contains("#toast", "Switched to Main office").await;
    app.account_contains(sandbox::DEMO_ACCOUNT_SID).await;
    let list = app
        .text_contains("#profile-list", "Acme Plumbing LLC")
        .await;
    assert!(!list.contains("Ember Garden Supply"), "{list}");

    app.account_action("#forget-credentials").await;
    app.text_contains("#confirm-title", "Forget Main office?")
        .await;
    app.click("#confirm-ok").await;
    app.text_contains("#profile-list", "Ember Garden Supply Ltd")
        .await;
    app.account_contains("Second office").await;
    assert!(
        harness::app_keyring(&server.base_url(), sandbox::DEMO_ACCOUNT_SID)
            .load()
            .unwrap()
            .is_none(),
        "the forgotten account's entry is deleted"
    );
    assert!(
        harness::app_keyring(&server.base_url(), sandbox::SECOND_ACCOUNT_SID)
            .load()
            .unwrap()
            .is_some()
    );
    app.close().await;
    forget_saved_credentials();
}

#[path = "../hostile/server.rs"]
mod hostile;

/// A profile as the fixture has it, under another SID and name.
pub(crate) fn profile_named(sid: &str, name: &str) -> String {
    let mut profile: serde_json::Value =
        serde_json::from_str(include_str!("../fixtures/seed_update_response.json")).unwrap();
    profile["sid"] = sid.into();
    profile["account_sid"] = sandbox::DEMO_ACCOUNT_SID.into();
    profile["friendly_name"] = name.into();
    profile.to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_late_answer_for_the_previous_profile_never_replaces_the_one_shown() {
    forget_saved_credentials();
    let slow = profile_sid(Seeded::DRAFT_NONCOMPLIANT);
    let fast = profile_sid(Seeded::DRAFT_COMPLIANT);
    let (slow_path, fast_path) = (
        format!("/v1/CustomerProfiles/{slow}"),
        format!("/v1/CustomerProfiles/{fast}"),
    );
    let (slow_body, fast_body) = (
        profile_named(&slow, "Slow Old Answer Ltd"),
        profile_named(&fast, "Fast New Answer Ltd"),
    );
    let server = hostile::Server::start(move |_, request| {
        let path = request.path.split('?').next().unwrap_or_default();
        if path == slow_path {
            hostile::Reply::Late(std::time::Duration::from_millis(2500), slow_body.clone())
        } else if path == fast_path {
            hostile::Reply::json(200, &fast_body)
        } else {
            hostile::Reply::json(
                200,
                r#"{"results": [], "meta": {"key": "results", "next_page_url": null}}"#,
            )
        }
    })
    .await;
    let app = App::launch(Launch::against(&server.base)).await;
    app.sign_in(sandbox::DEMO_ACCOUNT_SID, "any-token-will-do")
        .await;
    app.text_contains("#home-title", "Your Customer-Profiles")
        .await;

    app.open_profile(&slow).await;
    app.click("#back").await;
    app.open_profile(&fast).await;
    app.value_is("#edit-friendlyName", "Fast New Answer Ltd")
        .await;
    tokio::time::sleep(std::time::Duration::from_secs(3)).await; // the slow answer has come by now
    assert!(server
        .requests()
        .iter()
        .any(|r| r.path.starts_with(&format!("/v1/CustomerProfiles/{slow}"))));
    app.text_contains("#profile-title", "Fast New Answer Ltd")
        .await;
    app.value_is("#edit-friendlyName", "Fast New Answer Ltd")
        .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn after_a_failed_save_the_edits_stay_and_a_second_save_succeeds() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    forget_saved_credentials();
    let sid = profile_sid(Seeded::DRAFT_COMPLIANT);
    let path = format!("/v1/CustomerProfiles/{sid}");
    let original = profile_named(&sid, "Acme Plumbing LLC");
    let saved = profile_named(&sid, "Acme Plumbing & Heating");
    let posts = AtomicUsize::new(0);
    let server = hostile::Server::start(move |_, request| {
        if request.path == path && request.method == "POST" {
            if posts.fetch_add(1, Ordering::SeqCst) == 0 {
                return hostile::Reply::json(
                    500,
                    r#"{"code": 20500, "message": "Internal Server Error", "more_info": "https://www.twilio.com/docs/errors/20500", "status": 500}"#,
                );
            }
            return hostile::Reply::json(200, &saved);
        }
        if request.path == path {
            return hostile::Reply::json(200, &original);
        }
        hostile::Reply::json(
            200,
            r#"{"results": [], "meta": {"key": "results", "next_page_url": null}}"#,
        )
    })
    .await;
    let app = App::launch(Launch::against(&server.base)).await;
    app.sign_in(sandbox::DEMO_ACCOUNT_SID, "any-token-will-do")
        .await;
    app.open_profile(&sid).await;
    app.value_is("#edit-friendlyName", "Acme Plumbing LLC")
        .await;
    app.type_into("#edit-friendlyName", "Acme Plumbing & Heating")
        .await;
    app.click("#save").await;
    let panel = app
        .text_contains(".error-panel", "Internal Server Error")
        .await;
    assert!(panel.contains("20500"), "{panel}");
    assert_eq!(
        app.value("#edit-friendlyName").await,
        "Acme Plumbing & Heating",
        "the edit is still in the form"
    );
    assert!(app.enabled("#save").await, "and can be saved again");
    app.click("#save").await;
    app.text_contains("#profile-title", "Acme Plumbing & Heating")
        .await;
    app.text_contains("#toast", "Saved").await;
    let posts: Vec<_> = server
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST")
        .collect();
    assert_eq!(posts.len(), 2, "one POST per press of Save, none retried");
    for post in &posts {
        assert_eq!(post.body, "FriendlyName=Acme+Plumbing+%26+Heating");
    }
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_internal_error_is_shown_and_the_app_lives_on() {
    forget_saved_credentials();
    let mut launch = Launch::demo();
    launch
        .env
        .push(("TRUSTHUB_DESK_TEST_PANIC".into(), "fetch_profile".into()));
    let app = App::launch(launch).await;
    app.open_profile(&profile_sid(Seeded::DRAFT_COMPLIANT))
        .await;
    let panel = app
        .text_contains(".error-panel", "TrustHub Desk hit an internal error")
        .await;
    assert!(panel.contains("Nothing you typed is lost"), "{panel}");
    let busy = app
        .client
        .find(fantoccini::Locator::Css("#busy"))
        .await
        .unwrap();
    assert!(!busy.is_displayed().await.unwrap(), "the busy bar ended");
    app.click("#back").await;
    app.text_contains("#profile-list", "Acme Plumbing LLC")
        .await;
    app.close().await;
}
