//! A whole working session by the keyboard alone: connect, search, open, edit and save,
//! check compliance, submit (leaving the question once with Escape), add an account and
//! switch to it. Every step moves the focus somewhere sensible, and every Tab stop shows it.

use crate::harness::{
    forget_saved_credentials, App, Launch, CONTROL, ENTER, ESCAPE, RELEASE, TAB, UP,
};
use crate::sandbox as started_sandbox;
use trusthub_desk::sandbox;

/// Replaces what the focused input holds, by keys: select all, then type.
async fn retype(app: &App, text: &str) {
    app.keys(&format!("{CONTROL}a{RELEASE}")).await;
    app.keys(text).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_flow_completes_without_a_mouse() {
    forget_saved_credentials();
    let server = started_sandbox().await;
    let app = App::launch(Launch::against(
        server.base_url().as_str().trim_end_matches('/'),
    ))
    .await;

    // Connect: the first field has the focus; Tab goes on to the secret; Enter connects.
    app.wait_focus("#cred-accountSid").await;
    app.keys(sandbox::DEMO_ACCOUNT_SID).await;
    app.keys(TAB).await;
    assert!(
        app.focus_is("#cred-secret").await,
        "{}",
        app.focused().await
    );
    app.keys(&server.auth_token(sandbox::DEMO_ACCOUNT_SID).unwrap())
        .await;
    app.keys(ENTER).await;

    // The list: the heading has the focus; search by name and open the only match.
    app.wait_focus("#home-title").await;
    app.text_contains("#profile-count", "profiles shown").await;
    app.tab_to("#search-name", 6).await;
    app.keys("acme plumbing").await;
    app.keys(ENTER).await;
    app.text_contains("#profile-count", "1 profile shown").await;
    app.tab_to("#profile-rows .row-open", 6).await;
    app.keys(ENTER).await;

    // The profile: its heading has the focus. Change the e-mail and save with Enter.
    app.wait_focus("#profile-title").await;
    app.value_is("#edit-friendlyName", "Acme Plumbing LLC")
        .await;
    app.tab_to("#edit-email", 30).await;
    retype(&app, "keys@acmeplumbing.example.com").await;
    app.text_contains("#changes-note", "1 unsaved change").await;
    app.keys(ENTER).await;
    app.text_contains("#toast", "Saved").await;
    app.wait_focus("#details-title").await;
    app.text_contains("#profile-details", "keys@acmeplumbing.example.com")
        .await;

    // Check compliance: the checklist's summary gets the focus.
    app.tab_to("#open-evaluations", 30).await;
    app.keys(ENTER).await;
    app.wait_focus("#linked-title").await;
    app.tab_to("#check-compliance", 3).await;
    app.keys(ENTER).await;
    app.wait_focus("#checklist .summary").await;
    app.text_contains("#checklist", "Every requirement passed")
        .await;

    // Submit: Escape leaves the question and the focus returns to the button; then submit.
    app.back_tab_to("#submit-review", 60).await;
    app.keys(ENTER).await;
    app.text_contains("#confirm-title", "Submit this profile for review?")
        .await;
    app.wait_focus("#confirm-cancel").await;
    app.keys(ESCAPE).await;
    app.wait_focus("#submit-review").await;
    app.text_contains("#status-card", "Draft").await;
    app.keys(ENTER).await;
    app.wait_focus("#confirm-cancel").await;
    app.keys(TAB).await;
    assert!(app.focus_is("#confirm-ok").await, "{}", app.focused().await);
    app.keys(ENTER).await;
    app.text_contains("#status-card", "Pending review").await;
    app.wait_focus("#status-card").await;

    // Back to the list: the focus returns to the row just visited.
    app.tab_to("#back", 60).await;
    app.keys(ENTER).await;
    app.wait_focus("#profile-rows .row-open").await;

    // Add a second account and switch back with the account menu's list.
    app.back_tab_to("#account-menu-button", 12).await;
    app.keys(ENTER).await; // opens the menu
    app.tab_to("#add-account", 6).await;
    app.keys(ENTER).await;
    app.wait_focus("#cred-accountSid").await;
    app.keys(sandbox::SECOND_ACCOUNT_SID).await;
    app.keys(TAB).await;
    app.keys(&server.auth_token(sandbox::SECOND_ACCOUNT_SID).unwrap())
        .await;
    app.keys(TAB).await;
    assert!(app.focus_is("#cred-label").await, "{}", app.focused().await);
    app.keys("Second office").await;
    app.keys(ENTER).await;
    app.wait_focus("#home-title").await;
    // The account menu by keys: Enter opens it, Tab reaches its list of accounts, Escape
    // closes it with the focus back on it.
    app.back_tab_to("#account-menu-button", 12).await;
    app.keys(ENTER).await;
    app.text_contains("#account-text", sandbox::SECOND_ACCOUNT_SID)
        .await;
    app.keys(ESCAPE).await;
    assert!(!app.account_menu_open().await, "Escape closes the menu");
    app.wait_focus("#account-menu-button").await;
    app.keys(ENTER).await;
    app.tab_to("#account-switcher", 4).await;
    app.keys(UP).await;
    app.text_contains("#toast", "Switched to").await;
    app.account_contains(sandbox::DEMO_ACCOUNT_SID).await;
    app.close().await;
    forget_saved_credentials();
}
