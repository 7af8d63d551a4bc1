//! A rejection by Twilio's reviewers, made fixable: the reasons stand at the top, each with
//! a button that lands on the record concerned; a profile unchanged since the rejection is
//! not resubmitted blindly; after a fix the confirmation names the change. And the effort
//! of the whole loop from a failing draft to Pending review, counted in clicks.

use crate::harness::{forget_saved_credentials, App, Launch};
use std::time::{Duration, Instant};
use trusthub_desk::sandbox::{profile_sid, Seeded};

async fn demo() -> App {
    forget_saved_credentials();
    App::launch(Launch::demo()).await
}

/// Waits until the focus is on an input whose id ends with `id_end`, inside the block of
/// a requirement whose name contains `requirement`.
async fn wait_focus_in(app: &App, id_end: &str, requirement: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let at = app
            .client
            .execute(
                "const e = document.activeElement; return [e.id, e.closest('[data-requirement]')?.dataset.requirement ?? ''];",
                vec![],
            )
            .await
            .unwrap();
        let (id, block) = (
            at[0].as_str().unwrap_or_default().to_owned(),
            at[1].as_str().unwrap_or_default().to_owned(),
        );
        if id.ends_with(id_end) && block.contains(requirement) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the focus is on #{id} in {block:?}, not on …{id_end} in {requirement:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rejected_profile_leads_with_its_reasons_each_fixable_and_is_not_resubmitted_blindly() {
    let app = demo().await;
    app.open_profile(&profile_sid(Seeded::REJECTED)).await;
    let reasons = app
        .text_contains(
            "#rejections",
            "Twilio could not match the business name with the website.",
        )
        .await;
    for part in [
        "Why Twilio rejected it",
        "Twilio could not verify the business address.",
        "What to change: Enter the business’s address exactly as it is registered",
        "More about this error",
        "Twilio error 18601",
        "Twilio error 18603",
    ] {
        assert!(reasons.contains(part), "{part} in {reasons}");
    }
    let status = app
        .text_contains("#status-card", "Rejected by Twilio")
        .await;
    assert!(
        status.contains("Nothing has changed since Twilio rejected it"),
        "{status}"
    );
    app.text_contains("#next-step", "Fix the business name and website")
        .await;

    // At the top, without scrolling: above the status and the details, all of it in the window.
    let place = app
        .client
        .execute(
            "const r = document.getElementById('rejections').getBoundingClientRect();
             const s = document.getElementById('status-card').getBoundingClientRect();
             const d = document.getElementById('profile-details').getBoundingClientRect();
             return [r.top, r.bottom, s.top, d.top, window.innerHeight, window.scrollY];",
            vec![],
        )
        .await
        .unwrap();
    let n = |i: usize| place[i].as_f64().unwrap();
    assert_eq!(n(5), 0.0, "nothing scrolled: {place:?}");
    assert!(n(1) <= n(4), "every reason inside the window: {place:?}");
    assert!(
        n(0) < n(2) && n(1) <= n(3),
        "above the status and the details: {place:?}"
    );
    app.screenshot("rejected").await;

    // Each reason's button opens the record it is about, with its field focused.
    app.click("#reason-fix-0").await;
    wait_focus_in(
        &app,
        "-business_name",
        "customer_profile_business_information",
    )
    .await;
    app.click("#reason-fix-1").await;
    wait_focus_in(&app, "-street", "address").await;
    app.screenshot("rejected-fix-address").await;

    // Submitting it unchanged: said plainly, with the reasons, and only a second, explicit
    // choice would submit it.
    app.click("#submit-review").await;
    app.text_contains(
        "#confirm-title",
        "Nothing has changed since Twilio rejected it",
    )
    .await;
    let listed = app
        .text_contains(
            "#confirm-list",
            "Twilio could not verify the business address.",
        )
        .await;
    assert!(
        listed.contains("Twilio could not match the business name with the website."),
        "{listed}"
    );
    app.text_contains("#confirm-ok", "Submit anyway").await;
    app.text_contains("#confirm-cancel", "Go back and fix it")
        .await;
    app.screenshot("rejected-unchanged").await;
    app.click("#confirm-cancel").await;
    app.text_contains("#status-card", "Rejected by Twilio")
        .await;

    // Correct the address where the reason's button led: Twilio checks again on its own.
    app.click("#reason-fix-1").await;
    wait_focus_in(&app, "-street", "address").await;
    let street = "[id^=\"correct-\"][id$=\"-street\"]";
    app.type_into(street, "12 Harbour Road").await;
    app.click("[data-requirement*=\"address\"] .editor-save")
        .await;
    app.text_contains("#toast", "Twilio is checking it again")
        .await;
    app.text_contains("[data-requirement*=\"address\"]", "12 Harbour Road")
        .await;
    app.text_contains("#requirements-summary", "every requirement passed")
        .await;
    let status = app
        .text_contains(
            "#status-card",
            "You changed 1 thing since Twilio rejected it",
        )
        .await;
    assert!(!status.contains("Nothing has changed"), "{status}");

    // The confirmation names the change, and the profile goes to review.
    app.click("#submit-review").await;
    app.text_contains("#confirm-title", "Submit this profile again?")
        .await;
    let changed = app
        .text_contains("#confirm-list", "Northwind Traders — business address")
        .await;
    assert!(
        changed.contains("Address") && changed.contains(": address"),
        "what changed, and in it: {changed}"
    );
    app.text_contains("#confirm-ok", "Submit for review").await;
    app.screenshot("rejected-resubmit").await;
    app.click("#confirm-ok").await;
    app.text_contains("#status-card", "Pending review").await;
    let after = app.text_contains("#status-card", "In review").await;
    assert!(
        after.contains("TrustHub Desk tells you too"),
        "the card after submitting says what happens next: {after}"
    );
    assert!(
        !app.shown_now("#rejections").await,
        "the reasons belong to the rejection, not to the review"
    );
    app.close().await;
}

/// The effort a person spends, from a list with a failing draft to that draft in review:
/// at most 7 clicks and one typed field. Driftwood Coffee Roasters fails Twilio's check
/// twice in its business details: a website that is not a web address, an industry that
/// is not one of Twilio's. A choice from a list counts as two clicks (open it, pick).
#[tokio::test(flavor = "multi_thread")]
async fn a_failing_draft_reaches_pending_review_in_at_most_7_clicks_and_one_typed_field() {
    let app = demo().await;
    app.type_into("#search-name", "Driftwood").await;
    app.click("#search").await;
    app.text_contains("#profile-rows", "Driftwood Coffee Roasters")
        .await;
    app.effort_reset();

    app.click("#profile-rows .row-open").await;
    app.text_contains("#next-step", "Fix it").await;
    app.click("#next-step").await;
    // The first field Twilio refused has the focus.
    wait_focus_in(&app, "-business_industry", "business_information").await;
    app.select_by_text("[data-field=\"business_industry\"] select", "Retail")
        .await;
    let list_opened = 1;
    app.type_into(
        "[data-field=\"website_url\"] input",
        "https://www.driftwood-coffee.example.com",
    )
    .await;
    app.click("[data-requirement=\"customer_profile_business_information\"] .editor-save")
        .await;
    app.text_contains("#requirements-summary", "every requirement passed")
        .await;
    app.text_contains("#status-card", "Everything Twilio needs is here")
        .await;
    app.click("#submit-review").await;
    app.text_contains("#confirm-text", "every requirement passed")
        .await;
    app.click("#confirm-ok").await;
    app.text_contains("#status-card", "Pending review").await;

    let (clicks, typed) = app.effort();
    let clicks = clicks + list_opened;
    println!("From a failing draft to Pending review: {clicks} clicks, {typed} typed field.");
    assert!(clicks <= 7, "{clicks} clicks");
    assert_eq!(typed, 1, "one typed field");
    app.close().await;
}
