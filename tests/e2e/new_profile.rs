//! Start a new profile from its policy, copy one, delete a draft and what it leaves
//! behind, and a trust product on top of an approved profile: the whole TrustHub job in
//! the demo, on the real window, by what a person sees.

use crate::harness::{forget_saved_credentials, App, Launch};
use trusthub_desk::sandbox::{catalog, profile_sid, Seeded};

async fn demo() -> App {
    forget_saved_credentials();
    let app = App::launch(Launch::demo()).await;
    app.text_contains("#profile-count", "profiles shown").await;
    app
}

/// The block of one requirement.
fn block(requirement: &str) -> String {
    format!("#requirement-blocks [data-requirement=\"{requirement}\"]")
}

const BUSINESS: &str = "customer_profile_business_information";
const REPRESENTATIVE: &str = "authorized_representative_1";
const ADDRESS: &str = "customer_profile_address";
const PRIMARY: &str = "primary_customer_profile";

#[tokio::test(flavor = "multi_thread")]
async fn a_secondary_profile_goes_from_nothing_to_in_review() {
    let app = demo().await;
    app.click("#new-bundle").await;

    // What it is for: the policies Twilio offers, each explained; the primary profile
    // is the Console's to make, and says so.
    let secondary = format!("input[value=\"{}\"]", catalog::SECONDARY_POLICY);
    app.visible(&secondary).await;
    let list = app
        .text_contains(".policy-list", "Starter Customer-Profile")
        .await;
    assert!(list.contains("A customer of yours"), "{list}");
    // What to have ready comes first; the secondary profile's prerequisite is checked now.
    app.text_contains(
        "#what-to-have-ready",
        "exactly as on its registration papers",
    )
    .await;
    app.text_contains(
        "#primary-check",
        "It builds on your approved primary profile “Fabrikam Logistics”, an ISV reseller or partner.",
    )
    .await;
    assert!(list.contains("ISV reseller or partner"), "{list}");
    let console = app
        .text_contains(".console-only", "Primary Customer-Profile")
        .await;
    assert!(console.contains("only in its Console"), "{console}");
    app.click("#policy-next").await;
    app.text_contains("#policy-error", "Choose what the profile is for")
        .await;
    app.screenshot("new-profile-policies").await;
    app.click(&secondary).await;
    app.click("#policy-next").await;

    // Name and e-mail, checked before anything is sent.
    app.type_into("#new-email", "not an address").await;
    app.click("#create-draft").await;
    app.text_contains(
        "[data-field=\"friendlyName\"] .field-error",
        "Enter the Name",
    )
    .await;
    app.text_contains("[data-field=\"email\"] .field-error", "e-mail address")
        .await;
    app.type_into("#new-friendlyName", "Harbor Light Studio")
        .await;
    app.type_into("#new-email", "compliance@harborlight.example.com")
        .await;
    app.click("#create-draft").await;

    // The draft exists; What Twilio needs walks through its requirements in order. The
    // account has business information already: it is offered, and a new one too.
    app.text_contains("#profile-title", "Harbor Light Studio")
        .await;
    app.text_contains("#requirements-guide", "Step 1 of 4: Business Information")
        .await;
    app.click(&format!("{} .reuse-new", block(BUSINESS))).await;
    let field = |name: &str| format!("#create-{BUSINESS}-{name}");
    app.value_is(&field("business_name"), "Harbor Light Studio")
        .await;
    app.select(&field("business_type"), "Limited Liability Corporation")
        .await;
    app.select(&field("business_registration_identifier"), "EIN")
        .await;
    app.type_into(&field("business_registration_number"), "12-3456789")
        .await;
    app.select(&field("business_identity"), "direct_customer")
        .await;
    app.select(&field("business_industry"), "MEDIA").await;
    app.type_into(&field("website_url"), "harborlight.example.com")
        .await;
    app.click(&format!("{} .editor-save", block(BUSINESS)))
        .await;
    app.text_contains(
        &format!(
            "{} [data-field=\"website_url\"] .field-error",
            block(BUSINESS)
        ),
        "full web address",
    )
    .await;
    app.type_into(&field("website_url"), "https://www.harborlight.example.com")
        .await;
    app.click(&format!("{}-5", field("business_regions_of_operation")))
        .await;
    app.screenshot_at("#requirements-guide", "new-profile-guided")
        .await;
    app.click(&format!("{} .editor-save", block(BUSINESS)))
        .await;

    // Step 2: the same representative as another profile, reused rather than retyped.
    app.text_contains(
        "#requirements-guide",
        "Step 2 of 4: Authorized Representative 1",
    )
    .await;
    let first = format!("#reuse-{REPRESENTATIVE}-0");
    app.click(&first).await;
    let reused = app
        .text_contains(
            &format!("label[for=\"reuse-{REPRESENTATIVE}-0\"]"),
            "authorized representative",
        )
        .await;
    let reused_name = reused.split(" · ").next().unwrap().to_owned();
    app.click(&format!("{} .editor-save", block(REPRESENTATIVE)))
        .await;
    app.text_contains("#requirements-guide", "Step 3 of 4")
        .await;
    app.text_contains(&block(REPRESENTATIVE), &reused_name)
        .await;

    // Stop here: the list shows how far the draft got.
    app.click("#back").await;
    app.type_into("#search-name", "Harbor Light").await;
    app.click("#search").await;
    let row = app
        .text_contains("#profile-rows", "Harbor Light Studio")
        .await;
    assert!(row.contains("Draft"), "{row}");
    app.text_contains("#profile-rows", "2 of 4 requirements added")
        .await;
    app.click("#profile-rows .row-open").await;

    // Carry on by hand: the address (one of the account's), then the primary profile.
    app.click(&format!("{} .fix-add", block(ADDRESS))).await;
    let address = block(ADDRESS);
    app.text_contains(&format!("{address} .address-picker"), "Main Street")
        .await;
    app.select_by_text(&format!("{address} .address-picker select"), "Main Street")
        .await;
    app.click(&format!("{address} .editor-save")).await;
    app.text_contains(&address, "Main Street").await;
    app.click(&format!("{} .fix-add", block(PRIMARY))).await;
    app.click(&format!(
        "{} input[value=\"{}\"]",
        block(PRIMARY),
        profile_sid(Seeded::APPROVED)
    ))
    .await;
    app.click(&format!("{} .editor-save", block(PRIMARY))).await;
    app.text_contains(&block(PRIMARY), "Fabrikam Logistics")
        .await;

    // Check, submit, and watch it reach review.
    app.check_and_submit().await;
    app.screenshot("new-profile-in-review").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_copy_has_the_same_policy_and_records_and_can_be_submitted() {
    let app = demo().await;
    app.open_profile(&profile_sid(Seeded::DRAFT_COMPLIANT))
        .await;
    app.value_is("#edit-friendlyName", "Acme Plumbing LLC")
        .await;
    // The seeded representative of the original (the first names of the demo's lists).
    let representative = "Jordan Rivera — authorized representative";
    app.text_contains(&block(REPRESENTATIVE), representative)
        .await;
    app.click("#copy-profile").await;
    app.text_contains("#new-title", "Copy “Acme Plumbing LLC”")
        .await;
    app.value_is("#new-friendlyName", "Acme Plumbing LLC (copy)")
        .await;
    app.text_contains(".new-bundle", "Phone numbers are not copied")
        .await;
    app.screenshot("copy-profile").await;
    app.type_into("#new-friendlyName", "Acme Plumbing — second location")
        .await;
    app.click("#create-draft").await;

    // The copy: a draft of its own, with the same records, every requirement assigned.
    app.text_contains("#profile-title", "Acme Plumbing — second location")
        .await;
    app.text_contains(
        "#requirements-guide",
        "Every requirement has something assigned",
    )
    .await;
    app.text_contains(&block(REPRESENTATIVE), representative)
        .await;
    app.text_contains(&block(PRIMARY), "Fabrikam Logistics")
        .await;
    app.click("#technical-details summary").await;
    let copy_sid = app.text_contains("#technical-details", "BU").await;
    assert!(
        !copy_sid.contains(&profile_sid(Seeded::DRAFT_COMPLIANT)),
        "a new profile, not the original"
    );
    app.click("#check-now").await;
    app.text_contains("#requirements-summary", "every requirement passed")
        .await;

    // Editing a record the original uses too: said first, and saved as a copy for this
    // profile only, the original's record left as it was.
    app.click(&format!("{} .fix-edit", block(REPRESENTATIVE)))
        .await;
    app.text_contains(
        &format!("{} .shared-note", block(REPRESENTATIVE)),
        "This record is also used by 1 other profile: “Acme Plumbing LLC”. Saving changes it for both",
    )
    .await;
    app.text_contains(
        &format!("{} .editor-save", block(REPRESENTATIVE)),
        "Save for both",
    )
    .await;
    app.screenshot_at(&block(REPRESENTATIVE), "shared-record")
        .await;
    app.type_into("[data-field=\"last_name\"] input", "Rivera-Stone")
        .await;
    app.click(&format!("{} .save-as-new", block(REPRESENTATIVE)))
        .await;
    app.text_contains("#toast", "The original is unchanged")
        .await;
    app.text_contains(&block(REPRESENTATIVE), "Rivera-Stone")
        .await;
    app.click("#back").await;
    app.open_profile(&profile_sid(Seeded::DRAFT_COMPLIANT))
        .await;
    let original = app
        .text_contains(&block(REPRESENTATIVE), representative)
        .await;
    assert!(!original.contains("Rivera-Stone"), "{original}");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deleted_draft_offers_to_delete_what_nothing_else_uses() {
    let app = demo().await;
    // A profile in review cannot be deleted: it is not offered.
    app.open_profile(&profile_sid(Seeded::IN_REVIEW)).await;
    app.value_is("#edit-friendlyName", "Contoso Dental Care")
        .await;
    assert!(
        !app.client
            .find(fantoccini::Locator::Css("#delete-draft"))
            .await
            .unwrap()
            .is_displayed()
            .await
            .unwrap(),
        "no delete for a profile in review"
    );
    app.click("#back").await;

    app.open_profile(&profile_sid(Seeded::BAD_WEBSITE)).await;
    app.value_is("#edit-friendlyName", "Driftwood Coffee Roasters")
        .await;
    app.click("#delete-draft").await;
    let question = app
        .text_contains("#confirm-text", "Driftwood Coffee Roasters")
        .await;
    assert!(question.contains("cannot be undone"), "{question}");
    app.click("#confirm-ok").await;

    // Back on the list: the draft is gone, and what only it used is offered for deleting.
    let left = app
        .text_contains("#leftovers", "“Driftwood Coffee Roasters” was deleted.")
        .await;
    for part in [
        "Customer-Profile business information: Driftwood Coffee Roasters — business information",
        "authorized representative",
        "Customer-Profile address: Driftwood Coffee Roasters — business address",
    ] {
        assert!(left.contains(part), "{part} in {left}");
    }
    // Its address is kept: a phone number of the account is registered with it.
    let kept = app
        .text_contains("#leftovers", "Kept, because something else uses them")
        .await;
    assert!(
        kept.contains("Address: 1") && kept.contains("used by phone number “+1"),
        "{kept}"
    );
    app.value_is("#search-name", "").await; // the SID typed to open it opens nothing now
                                            // Nothing is ticked in advance: deleting is the person's choice, record by record.
    app.click("#delete-leftovers").await;
    app.text_contains("#leftovers", "Tick the records to delete, or keep them.")
        .await;
    for i in 0..3 {
        app.click(&format!("#leftover-{i}")).await;
    }
    app.screenshot_at("#leftovers", "delete-leftovers").await;
    app.click("#delete-leftovers").await;
    let question = app.text_contains("#confirm-text", "for good").await;
    assert!(
        question.contains("Driftwood Coffee Roasters — business address"),
        "{question}"
    );
    app.click("#confirm-ok").await;
    app.text_contains("#leftovers", "Deleted 3 records.").await;

    // It is gone from Twilio: searching finds nothing.
    app.type_into("#search-name", "Driftwood").await;
    app.click("#search").await;
    app.text_contains(".list-message", "No profiles match this search.")
        .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_trust_product_is_built_on_the_approved_profile_and_submitted() {
    let app = demo().await;
    app.click("#tab-trust-product").await;
    let list = app
        .text_contains("#tp-profile-rows", "Fabrikam Logistics — text messages")
        .await;
    assert!(list.contains("Approved"), "{list}");
    app.text_contains("#tp-profile-rows", "Fabrikam Logistics — caller name")
        .await;
    app.screenshot("trust-products").await;

    app.click("#tp-new-bundle").await;
    app.text_contains("#new-title", "New Trust Product").await;
    let offered = app
        .text_contains(".policy-list", "CNAM Trust Product")
        .await;
    for kind in ["A2P Messaging Profile", "SHAKEN/STIR", "Voice Integrity"] {
        assert!(offered.contains(kind), "{kind} in {offered}");
    }
    assert!(!offered.contains("Secondary Customer-Profile"), "{offered}");
    assert!(offered.contains("name to the people it calls"), "{offered}");
    app.click(&format!("input[value=\"{}\"]", catalog::cnam_policy()))
        .await;
    app.click("#policy-next").await;
    app.type_into(
        "#new-friendlyName",
        "Fabrikam Logistics — caller name (main line)",
    )
    .await;
    app.type_into("#new-email", "compliance@fabrikam.example.com")
        .await;
    app.click("#create-draft").await;

    // Its requirements: the caller name, then the customer profile it builds on.
    app.text_contains("#profile-title", "caller name (main line)")
        .await;
    app.text_contains("#back", "All Trust Products").await;
    app.text_contains("#requirements-guide", "Step 1 of 2")
        .await;
    app.type_into("#create-cnam_information-cnam_display_name", "FABRIKAM LOG")
        .await;
    app.click(&format!("{} .editor-save", block("cnam_information")))
        .await;
    app.text_contains("#requirements-guide", "Step 2 of 2")
        .await;
    let picker = app
        .text_contains(&block("customer_profile"), "Fabrikam Logistics")
        .await;
    assert!(picker.contains("approved by Twilio"), "{picker}");
    assert!(
        picker.contains("being reviewed by Twilio"),
        "submitted profiles are offered too: {picker}"
    );
    // The long list narrows by name as the person types.
    let offered = app
        .client
        .find_all(fantoccini::Locator::Css(&format!(
            "{} .radio-row",
            block("customer_profile")
        )))
        .await
        .unwrap()
        .len();
    app.type_into(
        &format!("{} .narrow-input", block("customer_profile")),
        "fabrikam",
    )
    .await;
    let rows = app
        .client
        .find_all(fantoccini::Locator::Css(&format!(
            "{} .radio-row:not([hidden])",
            block("customer_profile")
        )))
        .await
        .unwrap();
    assert!(
        !rows.is_empty() && rows.len() < offered,
        "{} of {offered}",
        rows.len()
    );
    for row in &rows {
        let text = row.text().await.unwrap();
        assert!(text.contains("Fabrikam"), "{text}");
    }
    app.text_contains(
        &format!("{} .narrow-count", block("customer_profile")),
        &format!("{} of {offered} shown", rows.len()),
    )
    .await;
    app.click(&format!(
        "{} input[value=\"{}\"]",
        block("customer_profile"),
        profile_sid(Seeded::APPROVED)
    ))
    .await;
    if std::env::var_os("TRUSTHUB_DESK_SCREENSHOTS").is_some() {
        app.toast_gone().await;
    }
    app.screenshot_at("#requirements-guide", "trust-product-link")
        .await;
    app.click(&format!("{} .editor-save", block("customer_profile")))
        .await;
    app.text_contains(
        "#requirements-guide",
        "Every requirement has something assigned",
    )
    .await;

    app.click("#check-now").await;
    app.text_contains("#requirements-summary", "every requirement passed")
        .await;
    app.click("#submit-review").await;
    app.click("#confirm-ok").await;
    app.text_contains("#status-card", "In review").await;

    // The list of trust products shows it.
    app.click("#back").await;
    app.text_contains("#tp-profile-rows", "caller name (main line)")
        .await;
    app.close().await;
}
