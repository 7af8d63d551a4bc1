//! Fix what Twilio flagged, without leaving the app: a demo profile that fails three
//! requirements (the business name is missing, no address is assigned, the
//! representative's phone number is not in international format) is fixed here, passes
//! Twilio's check and is submitted. A Fix button lands on the field; a refused save keeps the edits.

use crate::harness::{forget_saved_credentials, App, Launch};
use trusthub_desk::sandbox::{profile_sid, Seeded};

async fn demo_profile(seeded: usize, name: &str) -> App {
    forget_saved_credentials();
    let app = App::launch(Launch::demo()).await;
    app.open_profile(&profile_sid(seeded)).await;
    app.value_is("#edit-friendlyName", name).await;
    app
}

/// The block of one requirement.
fn block(requirement: &str) -> String {
    format!("#requirement-blocks [data-requirement=\"{requirement}\"]")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_noncompliant_profile_is_fixed_entirely_in_the_app_and_submitted() {
    let app = demo_profile(Seeded::DRAFT_NONCOMPLIANT, "Blue Harbor Bakery").await;
    app.text_contains("#requirements-summary", "3 requirements need fixing")
        .await;
    let business = block("customer_profile_business_information");
    let text = app.text_contains(&business, "Business Name").await;
    assert!(text.contains("missing"), "{text}");
    let rep = app
        .text_contains(
            &block("authorized_representative_1"),
            "not in international",
        )
        .await;
    assert!(rep.contains("555-0100"), "{rep}");
    app.text_contains(&block("customer_profile_address"), "Nothing is assigned")
        .await;
    app.screenshot_at("#requirements", "requirements").await;

    // Submitting is refused, with a checklist whose Fix buttons land on the fields.
    app.click("#submit-review").await;
    app.text_contains("#submit-blocked", "Not submitted: fix these first")
        .await;
    app.screenshot_at("#submit-blocked", "fix-checklist").await;
    app.click(
        "#submit-blocked li[data-requirement=\"customer_profile_business_information\"] .fix",
    )
    .await;
    app.wait_focus("[data-field=\"business_name\"] input").await;
    app.keys("Blue Harbor Bakery").await;
    app.click(&format!("{business} .editor-save")).await;
    app.text_contains("#toast", "Saved").await;
    app.text_contains(&business, "Blue Harbor Bakery").await;

    // The representative's phone: checked as it is typed, saved in international format.
    app.click("#submit-blocked li[data-requirement=\"authorized_representative_1\"] .fix")
        .await;
    app.wait_focus("[data-field=\"phone_number\"] input").await;
    app.type_into("[data-field=\"phone_number\"] input", "555 0100")
        .await;
    app.text_contains(
        "[data-field=\"phone_number\"] .field-error",
        "international format",
    )
    .await;
    assert!(
        !app.enabled(&format!(
            "{} .editor-save",
            block("authorized_representative_1")
        ))
        .await
    );
    app.type_into("[data-field=\"phone_number\"] input", "+1 (415) 555-0100")
        .await;
    app.screenshot_at(&block("authorized_representative_1"), "fix-representative")
        .await;
    app.click(&format!(
        "{} .editor-save",
        block("authorized_representative_1")
    ))
    .await;
    app.text_contains("#toast", "Saved").await;
    app.text_contains(&block("authorized_representative_1"), "+14155550100")
        .await;

    // The address: a document naming one of the account's addresses, made and assigned.
    app.click("#submit-blocked li[data-requirement=\"customer_profile_address\"] .fix")
        .await;
    let address = block("customer_profile_address");
    app.text_contains(&format!("{address} .address-picker"), "Main Street")
        .await;
    app.select_by_text(
        &format!("{address} .address-picker select"),
        "Blue Harbor Bakery",
    )
    .await;
    app.screenshot_at(&address, "fix-address").await;
    app.click(&format!("{address} .editor-save")).await;
    app.text_contains("#toast", "added").await;
    app.text_contains(&address, "Main Street").await;

    // Check again in place: every requirement passed; then submit.
    app.check_and_submit().await;
    app.screenshot("fixed-and-submitted").await;

    // The profile's history: each change made here, newest first, by field name only.
    app.text_contains("#history-list", "Submitted for review")
        .await;
    let lines = app.texts("#history-list li .words").await;
    let ours: Vec<&str> = lines
        .iter()
        .map(String::as_str)
        .filter(|l| !l.starts_with("Status changed at Twilio"))
        .collect();
    assert_eq!(
        ours,
        [
            "Submitted for review",
            "Document created",
            "Business or person details changed: phone number",
            "Business or person details changed: business name",
        ],
        "{lines:#?}"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_save_keeps_the_edits_in_the_form() {
    // Contoso Dental Care is in review: Twilio refuses changes to what is assigned to it.
    let app = demo_profile(Seeded::IN_REVIEW, "Contoso Dental Care").await;
    let business = block("customer_profile_business_information");
    app.text_contains(&business, "Business Name").await;
    app.click(&format!("{business} .fix-edit")).await;
    app.type_into(
        "[data-field=\"website_url\"] input",
        "https://www.contoso-dental.example.com",
    )
    .await;
    app.click(&format!("{business} .editor-save")).await;
    let panel = app
        .text_contains(
            &format!("{business} .error-panel"),
            "Twilio does not allow changes",
        )
        .await;
    assert!(panel.contains("Error 60711"), "{panel}");
    assert_eq!(
        app.value("[data-field=\"website_url\"] input").await,
        "https://www.contoso-dental.example.com",
        "what was typed is still there"
    );
    assert!(
        app.enabled(&format!("{business} .editor-save")).await,
        "and can be saved again"
    );
    app.close().await;
}
