//! Toll-free verification and voice numbers on the real window, in the demo: a rejected
//! verification edited within its window and sent again; twelve numbers put on the
//! approved SHAKEN/STIR product — most first onto the business's Customer-Profile, one
//! refused by Twilio half-way — and the run continued without it. Also a number verified
//! from nothing, and one whose edit window has closed deleted and sent again.

use crate::harness::{forget_saved_credentials, App, Launch};
use trusthub_desk::sandbox::{trust_product_sid, Seeded};

/// The demo's toll-free numbers are +1 833 555 0100 to 0105, one per state.
const OPEN: &str = "+18335550104";

/// A toll-free number's row in the Texting tab.
fn tollfree_row(number: &str) -> String {
    format!("#tollfree tr[data-number=\"{number}\"]")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rejected_toll_free_verification_is_edited_within_its_window_and_sent_again() {
    let app = App::demo_on_texting().await;
    let row = tollfree_row(OPEN);
    let shown = app.text_contains(&row, "Not approved").await;
    assert!(shown.contains("3 days left to edit"), "{shown}");
    assert!(
        shown.contains("does not clearly ask people to agree"),
        "{shown}"
    );
    let closed = app
        .text_contains(&tollfree_row("+18335550105"), "Delete and start again…")
        .await;
    assert!(closed.contains("edit window has closed"), "{closed}");
    app.text_contains(&tollfree_row("+18335550100"), "Verify this number…")
        .await;
    app.screenshot_at("#tollfree", "tollfree").await;
    app.assert_accessible("the toll-free numbers").await;

    app.click(&format!("{row} button[data-act=\"edit\"]")).await;
    app.text_contains("#tollfree-reasons", "3 days left to edit")
        .await;
    app.value_is("#tollfree-businessName", "Fabrikam Logistics")
        .await;
    // Sending without saying what changed is refused beside the field, nothing sent.
    app.type_into(
        "#tollfree-optInImageUrls",
        "http://intranet.local/opt-in.png",
    )
    .await;
    app.click("#tollfree-submit").await;
    app.text_contains(
        "#tollfree-optInImageUrls-error",
        "not a public https address",
    )
    .await;
    app.text_contains(
        "#tollfree-editReason-error",
        "A few words on what you changed",
    )
    .await;
    app.type_into(
        "#tollfree-optInImageUrls",
        "https://www.example.com/images/opt-in-consent.png",
    )
    .await;
    app.type_into(
        "#tollfree-editReason",
        "The sign-up page now asks for consent to texts.",
    )
    .await;
    app.screenshot_at("#tollfree-reasons", "tollfree-edit")
        .await;
    app.assert_accessible("the toll-free form").await;
    app.click("#tollfree-submit").await;
    app.text_contains(&row, "Waiting for Twilio's review").await;
    let now = app.texts(&row).await.join(" ");
    assert!(!now.contains("left to edit"), "{now}");
}

/// A number with no verification: the form comes filled from the approved profile, asks
/// for what only the person knows (refused beside the field until given), and sends. Then
/// one whose edit window has closed is deleted and sent again, after a question in red.
#[tokio::test(flavor = "multi_thread")]
async fn a_number_is_verified_from_the_profile_and_a_closed_one_is_started_again() {
    let app = App::demo_on_texting().await;
    let fresh = &tollfree_row("+18335550100");
    app.click(&format!("{fresh} button[data-act=\"verify\"]"))
        .await;
    app.text_contains("#tollfree-form-title", "Verify +18335550100")
        .await;
    app.value_is("#tollfree-businessName", "Fabrikam Logistics")
        .await;
    app.value_is("#tollfree-city", "San Francisco").await;
    app.click("#tollfree-submit").await;
    app.text_contains(
        "#tollfree-useCaseCategories-error",
        "Choose at least one thing the texts are for.",
    )
    .await;
    app.click("#tollfree-category-2").await; // Orders and deliveries
    app.type_into(
        "#tollfree-useCaseSummary",
        "Fabrikam Logistics texts customers when their parcels are on the way.",
    )
    .await;
    app.type_into(
        "#tollfree-productionMessageSample",
        "Fabrikam Logistics: parcel 1234 arrives today. Reply STOP to opt out.",
    )
    .await;
    app.select_by_text("#tollfree-optInType", "On a web page form")
        .await;
    app.type_into(
        "#tollfree-optInImageUrls",
        "https://www.example.com/images/checkout-consent.png",
    )
    .await;
    app.select_by_text("#tollfree-messageVolume", "1,000").await;
    app.click("#tollfree-submit").await;
    app.text_contains(fresh, "Waiting for Twilio's review")
        .await;
    assert!(
        !app.texts(fresh)
            .await
            .join(" ")
            .contains("Verify this number"),
        "the number asks for nothing more"
    );

    let closed = &tollfree_row("+18335550105");
    app.click(&format!("{closed} button[data-act=\"start-again\"]"))
        .await;
    app.text_contains(
        "#tollfree-restart-warning",
        "loses its place in Twilio’s queue",
    )
    .await;
    app.text_contains("#tollfree-reasons", "official domain")
        .await;
    app.type_into("#tollfree-contactEmail", "jordan@fabrikam.example")
        .await;
    app.click("#tollfree-submit").await;
    app.confirm("loses its place in Twilio’s queue", "Delete and send again")
        .await;
    let now = app
        .text_contains(closed, "Waiting for Twilio's review")
        .await;
    assert!(!now.contains("Delete and start again"), "{now}");
    assert!(!now.contains("official domain"), "{now}");
}

#[tokio::test(flavor = "multi_thread")]
async fn twelve_numbers_go_onto_shaken_stir_and_one_refused_is_skipped_to_continue() {
    forget_saved_credentials();
    let app = App::launch(Launch::demo()).await;
    app.visible("#profile-list").await;
    app.click("#tab-trust-product").await;
    app.type_into(
        "#tp-search-name",
        &trust_product_sid(Seeded::TRUST_PRODUCT_VOICE),
    )
    .await;
    app.click("#tp-search").await;
    let coverage = app
        .text_contains("#voice-coverage", "numbers on SHAKEN/STIR")
        .await;
    assert!(coverage.starts_with("1 of "), "{coverage}");
    let total: usize = coverage
        .trim_start_matches("1 of ")
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap();
    app.click("#voice-add").await;

    // Six toll-free numbers, five local ones, and +1 628 555 0000, which is on another
    // Customer-Profile (a draft's): Twilio refuses it there, the sixth of twelve.
    let pick = |n: &str| format!("#voice-picker .check-row[data-number=\"{n}\"] input");
    for n in [
        "+16285550001",
        "+16285550008",
        "+16285550016",
        "+16285550024",
        "+16285550040",
        "+16285550000",
    ] {
        app.type_into("#voice-find", n).await;
        app.click(&pick(n)).await;
    }
    app.type_into("#voice-find", "+1833555").await;
    for i in 0..6 {
        app.click(&pick(&format!("+183355501{i:02}"))).await;
    }
    let plan = app.texts("#voice-plan li").await;
    assert_eq!(plan.len(), 12, "{plan:?}");
    assert!(
        plan.iter().all(|l| l.contains("first onto the Customer-Profile “Fabrikam Logistics”, then onto “Fabrikam Logistics — signed calls”")),
        "{plan:?}"
    );
    app.screenshot_at("#voice-numbers", "voice-numbers").await;
    app.assert_accessible("the voice numbers picker").await;
    app.click("#voice-apply").await;
    app.confirm("12 go to the Customer-Profile first", "Add the numbers")
        .await;

    let stopped = app
        .text_contains("#voice-stopped", "Stopped: 5 of 12 numbers were added.")
        .await;
    assert!(stopped.contains("Not done: +16285550000"), "{stopped}");
    assert!(
        stopped.contains("onto the Customer-Profile “Fabrikam Logistics”"),
        "{stopped}"
    );
    assert!(
        stopped.contains("6 more numbers were not tried yet."),
        "{stopped}"
    );
    app.click("#voice-continue").await;
    app.text_contains("#voice-coverage", &format!("12 of {total} numbers"))
        .await;
    let on = app.texts("#voice-on li").await;
    assert_eq!(on.len(), 12, "{on:?}");
    assert!(!on.iter().any(|l| l.contains("+16285550000")), "{on:?}");

    // One taken off again, after a question in red.
    app.click("#voice-on li[data-number=\"+16285550032\"] button[data-act=\"remove\"]")
        .await;
    app.confirm("Take +16285550032 off", "Remove the number")
        .await;
    app.text_contains("#voice-coverage", &format!("11 of {total} numbers"))
        .await;
}
