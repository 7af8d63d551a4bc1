//! Every screen the person works in, checked by axe-core (WCAG 2.1 A and AA, and axe's
//! best practices) as it is shown: the lists, a profile with its status card, a rejected
//! one with its reasons, an editor open, the questions, a new profile's first step, the
//! Overview and the account menu. Zero violations.

use crate::harness::{forget_saved_credentials, App, Launch};
use trusthub_desk::sandbox::{profile_sid, Seeded};

#[tokio::test(flavor = "multi_thread")]
async fn every_changed_screen_has_no_axe_violations() {
    forget_saved_credentials();
    let app = App::launch(Launch::demo()).await;
    app.text_contains("#profile-list", "Acme Plumbing LLC")
        .await;
    app.assert_accessible("the list of profiles").await;

    app.open_account_menu().await;
    app.assert_accessible("the account menu").await;
    app.click("#account-menu-button").await;

    app.click("#tab-trust-product").await;
    app.text_contains("#tp-profile-rows", "Fabrikam Logistics")
        .await;
    app.assert_accessible("the list of Trust Products").await;

    app.click("#tab-overview").await;
    app.text_contains("#overview-shown", " shown.").await;
    app.assert_accessible("the Overview").await;

    app.click("#tab-customer-profile").await;
    app.open_profile(&profile_sid(Seeded::REJECTED)).await;
    app.text_contains(
        "#rejections",
        "Twilio could not verify the business address.",
    )
    .await;
    app.text_contains("#requirements-summary", "Twilio’s check")
        .await;
    app.assert_accessible("a rejected profile").await;

    app.click("#reason-fix-1").await;
    app.visible("[id^=\"correct-\"][id$=\"-street\"]").await;
    app.assert_accessible("a profile with an editor open").await;

    app.click("#submit-review").await;
    app.text_contains("#confirm-ok", "Submit anyway").await;
    app.assert_accessible("the question before a blind resubmission")
        .await;
    app.click("#confirm-cancel").await;

    app.click("#back").await;
    app.open_profile(&profile_sid(Seeded::DRAFT_NONCOMPLIANT))
        .await;
    app.click("#submit-review").await;
    app.text_contains("#submit-blocked", "Not submitted: fix these first")
        .await;
    app.assert_accessible("a draft that is not ready, after Submit")
        .await;

    app.click("#back").await;
    app.click("#new-bundle").await;
    app.text_contains("#what-to-have-ready", "What to have ready")
        .await;
    app.text_contains(".policy-list", "Secondary").await;
    app.text_contains("#primary-check", "Fabrikam Logistics")
        .await;
    app.assert_accessible("a new profile's first step").await;
    app.close().await;
}
