//! Toll-free verifications on the wire: the create looks first and sends every field with
//! the categories and opt-in pictures repeated in order; an edit sends the reason and never
//! the number; a verification of another account is refused. Method, path, form body and
//! auth header, exactly.

mod common;

use common::*;
use serde_json::json;
use trusthub_desk::trusthub::messaging::tollfree_form::TollfreeInput;
use wiremock::matchers::{body_string, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const PN: &str = "PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const HH: &str = "HHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const BU: &str = "BUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

fn input() -> TollfreeInput {
    TollfreeInput {
        phone_number_sid: PN.into(),
        customer_profile_sid: BU.into(),
        business_name: " Owl, Inc. ".into(),
        business_website: "https://www.owl.example.com".into(),
        notification_email: "support@owl.example.com".into(),
        business_type: "SOLE_PROPRIETOR".into(),
        street: "123 Main Street".into(),
        city: "Anytown".into(),
        region: "CA".into(),
        postal_code: "94105".into(),
        country: "us".into(),
        contact_first_name: "Sam".into(),
        contact_last_name: "Lee".into(),
        contact_email: "sam@owl.example.com".into(),
        contact_phone: "+1 415 555 0100".into(),
        use_case_categories: vec!["CUSTOMER_CARE".into(), "MARKETING".into()],
        use_case_summary: "Owl answers its customers' questions by text.".into(),
        production_message_sample: "Owl: your order is ready. Reply STOP to opt out.".into(),
        opt_in_type: "WEB_FORM".into(),
        opt_in_image_urls: vec![
            "https://www.owl.example.com/a.png".into(),
            "https://cdn.owl.example.com/b.png".into(),
        ],
        message_volume: "1,000".into(),
        ..TollfreeInput::default()
    }
}

/// The pairs after the number and profile, shared by the create and the edit.
fn body_pairs() -> Vec<(&'static str, &'static str)> {
    vec![
        ("BusinessName", "Owl, Inc."),
        ("BusinessWebsite", "https://www.owl.example.com"),
        ("NotificationEmail", "support@owl.example.com"),
        ("BusinessType", "SOLE_PROPRIETOR"),
        ("BusinessStreetAddress", "123 Main Street"),
        ("BusinessCity", "Anytown"),
        ("BusinessStateProvinceRegion", "CA"),
        ("BusinessPostalCode", "94105"),
        ("BusinessCountry", "US"),
        ("BusinessContactFirstName", "Sam"),
        ("BusinessContactLastName", "Lee"),
        ("BusinessContactEmail", "sam@owl.example.com"),
        ("BusinessContactPhone", "+14155550100"),
        ("UseCaseCategories", "CUSTOMER_CARE"),
        ("UseCaseCategories", "MARKETING"),
        (
            "UseCaseSummary",
            "Owl answers its customers' questions by text.",
        ),
        (
            "ProductionMessageSample",
            "Owl: your order is ready. Reply STOP to opt out.",
        ),
        ("OptInType", "WEB_FORM"),
        ("OptInImageUrls", "https://www.owl.example.com/a.png"),
        ("OptInImageUrls", "https://cdn.owl.example.com/b.png"),
        ("MessageVolume", "1,000"),
    ]
}

fn verifications(records: Vec<serde_json::Value>) -> serde_json::Value {
    json!({"verifications": records, "meta": {"key": "verifications", "next_page_url": null}})
}

#[tokio::test]
async fn a_verification_is_sent_once_with_both_lists_repeated_in_order() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Tollfree/Verifications"))
        .and(query_param("TollfreePhoneNumberSid", PN))
        .and(auth())
        .respond_with(ResponseTemplate::new(200).set_body_json(verifications(vec![])))
        .expect(1)
        .mount(&server)
        .await;
    let mut sent = vec![("TollfreePhoneNumberSid", PN), ("CustomerProfileSid", BU)];
    sent.extend(body_pairs());
    Mock::given(method("POST"))
        .and(path("/v1/Tollfree/Verifications"))
        .and(auth())
        .and(body_string(form(&sent)))
        .respond_with(ResponseTemplate::new(201).set_body_json(
            json!({"sid": HH, "account_sid": AC, "tollfree_phone_number_sid": PN, "status": "PENDING_REVIEW"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let made = client_for(&server.uri())
        .create_tollfree(&token_credentials(), &input())
        .await
        .unwrap();
    assert_eq!(
        (made.record.sid.as_deref(), made.existing),
        (Some(HH), false)
    );
    assert_eq!(
        wire(&server).await,
        [
            "GET /v1/Tollfree/Verifications",
            "POST /v1/Tollfree/Verifications"
        ]
    );
}

/// A retried create (its answer lost) finds the number's verification and sends nothing.
#[tokio::test]
async fn a_retry_finds_the_numbers_verification_and_sends_nothing() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Tollfree/Verifications"))
        .and(query_param("TollfreePhoneNumberSid", PN))
        .respond_with(ResponseTemplate::new(200).set_body_json(verifications(vec![
            json!({"sid": HH, "account_sid": AC, "tollfree_phone_number_sid": PN, "status": "PENDING_REVIEW"}),
        ])))
        .mount(&server)
        .await;
    let made = client_for(&server.uri())
        .create_tollfree(&token_credentials(), &input())
        .await
        .unwrap();
    assert!(made.existing);
    assert_eq!(wire(&server).await, ["GET /v1/Tollfree/Verifications"]);
}

#[tokio::test]
async fn an_edit_sends_every_field_and_the_reason_but_never_the_number() {
    let server = MockServer::start().await;
    let mut sent = body_pairs();
    sent.push(("EditReason", "The opt-in page now asks for consent."));
    Mock::given(method("POST"))
        .and(path(format!("/v1/Tollfree/Verifications/{HH}")))
        .and(auth())
        .and(body_string(form(&sent)))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"sid": HH, "account_sid": AC, "status": "PENDING_REVIEW"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("/v1/Tollfree/Verifications/{HH}")))
        .and(auth())
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server.uri());
    let c = token_credentials();
    let mut edit = input();
    edit.edit_reason = "The opt-in page now asks for consent.".into();
    client.edit_tollfree(&c, HH, &edit).await.unwrap();
    client.delete_tollfree(&c, HH).await.unwrap();
    let mut no_reason = input();
    no_reason.edit_reason = "  ".into();
    let refused = client.edit_tollfree(&c, HH, &no_reason).await.unwrap_err();
    assert!(
        refused.to_string().contains("what you changed"),
        "{refused}"
    );
    assert_eq!(
        wire(&server).await,
        [
            format!("POST /v1/Tollfree/Verifications/{HH}"),
            format!("DELETE /v1/Tollfree/Verifications/{HH}")
        ]
    );
}

#[tokio::test]
async fn a_verification_of_another_account_is_refused_and_bad_fields_never_leave() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Tollfree/Verifications"))
        .respond_with(ResponseTemplate::new(200).set_body_json(verifications(vec![
            json!({"sid": HH, "account_sid": "ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "status": "TWILIO_APPROVED"}),
        ])))
        .mount(&server)
        .await;
    let client = client_for(&server.uri());
    let c = token_credentials();
    let err = client.list_tollfree(&c).await.unwrap_err();
    assert!(err.to_string().contains("another account"), "{err}");
    let mut bad = input();
    bad.opt_in_image_urls = vec!["http://www.owl.example.com/a.png".into()];
    let err = client.create_tollfree(&c, &bad).await.unwrap_err();
    assert!(
        err.to_string().contains("not a public https address"),
        "{err}"
    );
    assert_eq!(wire(&server).await, ["GET /v1/Tollfree/Verifications"]);
}
