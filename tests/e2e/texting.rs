//! Texting on the real window, in the demo: from an approved A2P Trust Product to a brand,
//! a campaign that fails Twilio's review, is fixed beside its field and resubmitted, and a
//! number added to its Messaging Service — every charge confirmed first, and each screen
//! checked by axe-core.

use std::time::{Duration, Instant};

use crate::harness::App;

/// Presses Refresh until `css` says `expected` (the demo decides a few seconds after a
/// submission, as Twilio does later).
async fn refresh_until(app: &App, css: &str, expected: &str) {
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        app.text_contains("#texting-refresh:not([disabled])", "Refresh")
            .await;
        if app.texts(css).await.iter().any(|t| t.contains(expected)) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{css} never said {expected:?}: {:?}",
            app.texts(css).await
        );
        tokio::time::sleep(Duration::from_secs(2)).await;
        app.click("#texting-refresh").await;
    }
}

const SECOND: &str = "#texting-body section.texting-business:nth-of-type(2)";

#[tokio::test(flavor = "multi_thread")]
async fn from_an_approved_a2p_trust_product_to_a_brand_a_fixed_campaign_and_a_number() {
    let app = App::demo_on_texting().await;

    // The demo's business with a brand: one campaign texts, one was refused with 30909.
    let first = app
        .text_contains(
            "#texting-body section.texting-business:nth-of-type(1)",
            "Fabrikam offers",
        )
        .await;
    assert!(first.contains("Fabrikam Logistics"), "{first}");
    assert!(first.contains("Not approved"), "{first}");
    assert!(
        first.contains("Next: Fix what Twilio names in the campaign, then resubmit it."),
        "{first}"
    );
    app.text_contains(
        "#texting-numbers",
        "Cannot text US numbers yet: it is in no Messaging Service with a registered campaign.",
    )
    .await;
    app.screenshot("texting").await;
    app.assert_accessible("the Texting tab").await;

    // Register a brand for the approved pair without one.
    app.text_contains("#texting-register", "One business can register a brand")
        .await;
    app.click("#texting-register-open").await;
    app.text_contains("#brand-form", "Iris Analytics Inc.")
        .await;
    app.text_contains("#brand-form", "What happens next").await;
    app.screenshot("texting-brand").await;
    app.assert_accessible("the brand form").await;
    app.click("#brand-kind-low-volume-standard").await;
    app.click("#brand-register").await;
    app.confirm(
        "Twilio charges a one-time fee for each brand registration",
        "Register the brand",
    )
    .await;
    app.text_contains(SECOND, "Iris Analytics Inc.").await;
    let second = app.text_contains(SECOND, "Low-volume standard").await;
    assert!(second.contains("Being reviewed"), "{second}");
    refresh_until(&app, SECOND, "Create a campaign…").await;

    // A campaign on a new Messaging Service, whose opt-in a reviewer cannot check.
    app.click(&format!("{SECOND} button[data-act=\"create-campaign\"]"))
        .await;
    app.value_is("#campaign-service-name", "Iris Analytics Inc. texts")
        .await;
    app.click("#campaign-service-next").await;
    app.select_by_text("#campaign-usecase", "Account Notification")
        .await;
    app.type_into(
        "#campaign-description",
        "Iris Analytics sends appointment reminders to its clients.",
    )
    .await;
    app.type_into(
        "#campaign-messageFlow",
        "Clients ask the receptionist to add them to the reminders list.",
    )
    .await;
    app.type_into(
        "#campaign-messageSamples-0",
        "Iris Analytics: your appointment is tomorrow at [time].",
    )
    .await;
    // A link while the campaign says its messages have none: refused beside the sample.
    app.type_into(
        "#campaign-messageSamples-1",
        "Iris Analytics: see your report at iris.example.com today.",
    )
    .await;
    app.click("#campaign-send").await;
    app.text_contains(
        "#campaign-messageSamples-error",
        "Sample 2 contains a web link, but the campaign says its messages have no links.",
    )
    .await;
    assert!(!app.shown_now("#confirm-dialog").await, "nothing was sent");
    app.screenshot_at("#campaign-messageSamples", "texting-campaign")
        .await;
    app.assert_accessible("the campaign form, a problem beside its field")
        .await;
    app.type_into(
        "#campaign-messageSamples-1",
        "Iris Analytics: your report is ready, ask us at the desk.",
    )
    .await;
    app.click("#campaign-send").await;
    app.confirm(
        "Twilio vets each campaign submission and charges a vetting fee for it",
        "Submit and pay the vetting fee",
    )
    .await;
    app.text_contains(SECOND, "Iris Analytics Inc. texts").await;
    refresh_until(&app, SECOND, "Not approved").await;

    // Fixed beside its field, and resubmitted.
    app.click(&format!("{SECOND} button[data-act=\"fix-campaign\"]"))
        .await;
    app.text_contains(
        "#campaign-messageFlow-error",
        "Twilio: Twilio could not verify how people opt in.",
    )
    .await;
    app.text_contains("#campaign-reasons", "Error 30909").await;
    app.screenshot("texting-fix").await;
    app.assert_accessible("a refused campaign to fix").await;
    app.type_into(
        "#campaign-messageFlow",
        "Clients tick a box at https://iris.example.com/reminders to get appointment reminders.",
    )
    .await;
    app.text_contains("#campaign-send", "Resubmit the campaign…")
        .await;
    app.click("#campaign-send").await;
    app.confirm(
        "Twilio vets the campaign again and charges the vetting fee again",
        "Resubmit and pay the vetting fee",
    )
    .await;
    refresh_until(&app, SECOND, "Add numbers…").await;

    // A number into the campaign's service: what changes is said before it is applied.
    app.click(&format!("{SECOND} button[data-act=\"add-numbers\"]"))
        .await;
    app.text_contains("#numbers-plan-empty", "Nothing changes yet")
        .await;
    app.click("#numbers-form input[type=\"checkbox\"]:not(:checked):not(:disabled)")
        .await;
    let plan = app.text_contains("#numbers-plan", "Add +1").await;
    assert!(
        plan.ends_with("it can text US numbers once the campaign is approved."),
        "{plan}"
    );
    let number: String = plan
        .trim_start_matches("Add ")
        .chars()
        .take_while(|c| *c == '+' || c.is_ascii_digit())
        .collect();
    app.screenshot("texting-numbers").await;
    app.assert_accessible("a campaign's numbers").await;
    app.click("#numbers-apply").await;
    app.confirm("Nothing is charged.", "Apply the changes")
        .await;
    let done = app.text_contains(SECOND, &number).await;
    assert!(
        done.contains(
            "Next: Nothing: the numbers in this campaign's Messaging Service can text US numbers."
        ),
        "{done}"
    );
    let gaps = app.text_contains("#texting-numbers", "").await;
    assert!(!gaps.contains(&number), "{number} can text now: {gaps}");
    app.close().await;
}
