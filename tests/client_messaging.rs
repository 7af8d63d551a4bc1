//! Texting's records on the wire (Messaging v1): brands, Messaging Services and their
//! numbers, campaigns and use cases. Method, path, form body (samples and keywords
//! repeated, in order) and auth header, exactly; a create looks first and never makes a
//! second record; every record is checked to be the credentials' account's.

mod common;

use common::*;
use serde_json::json;
use std::time::{Duration, Instant};
use trusthub_desk::trusthub::messaging::campaign_form::CampaignInput;
use trusthub_desk::trusthub::messaging::models::{BrandInput, BrandKind};
use trusthub_desk::trusthub::TrustHubError;
use wiremock::matchers::{body_string, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const BN: &str = "BNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const BU_A2P: &str = "BUbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
const MG: &str = "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const QE: &str = "QEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const PN: &str = "PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const OTHER: &str = "ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

/// One page of a Messaging list, the last, under `key`.
fn list(key: &str, records: Vec<serde_json::Value>) -> serde_json::Value {
    json!({ key: records, "meta": {"key": key, "next_page_url": null}})
}

fn brand(status: &str) -> serde_json::Value {
    json!({"sid": BN, "account_sid": AC, "customer_profile_bundle_sid": BU, "a2p_profile_bundle_sid": BU_A2P, "status": status, "brand_type": "STANDARD", "errors": []})
}

fn campaign_input() -> CampaignInput {
    CampaignInput {
        brand_sid: BN.into(),
        usecase: "ACCOUNT_NOTIFICATION".into(),
        description: "Appointment reminders and changes for the clinic's patients.".into(),
        message_flow: "Patients tick a box on the booking form at https://clinic.example.com/book."
            .into(),
        message_samples: vec![
            "Clinic: your visit is tomorrow at 9. Reply STOP to opt out.".into(),
            "Clinic: your visit moved to Friday & the room is 2B. Reply STOP to opt out.".into(),
        ],
        help_keywords: vec!["help".into(), "info".into()],
        help_message: "Clinic: for help call the front desk. Reply STOP to opt out.".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn brands_are_listed_and_read_from_messaging_and_another_accounts_brand_is_refused() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/a2p/BrandRegistrations"))
        .and(query_param("PageSize", "50"))
        .and(auth())
        .respond_with(
            ResponseTemplate::new(200).set_body_json(list("data", vec![brand("APPROVED")])),
        )
        .expect(1)
        .mount(&server)
        .await;
    let mut theirs = brand("APPROVED");
    theirs["account_sid"] = OTHER.into();
    Mock::given(method("GET"))
        .and(path(format!("/v1/a2p/BrandRegistrations/{BN}")))
        .and(auth())
        .respond_with(ResponseTemplate::new(200).set_body_json(theirs))
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server.uri());
    let c = token_credentials();
    let brands = client.list_brands(&c).await.unwrap();
    assert_eq!(brands.records.len(), 1);
    assert_eq!(brands.records[0].status.as_deref(), Some("APPROVED"));
    assert!(brands.note.is_none());
    let e = client.fetch_brand(&c, BN).await.unwrap_err().to_string();
    assert!(e.contains("another account") && e.contains(OTHER), "{e}");
}

#[tokio::test]
async fn a_brand_is_registered_from_the_pair_with_its_kind_once() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/a2p/BrandRegistrations"))
        .and(auth())
        .respond_with(ResponseTemplate::new(200).set_body_json(list("data", vec![])))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/a2p/BrandRegistrations"))
        .and(auth())
        .and(body_string(form(&[
            ("CustomerProfileBundleSid", BU),
            ("A2PProfileBundleSid", BU_A2P),
            ("BrandType", "STANDARD"),
            ("SkipAutomaticSecVet", "true"),
        ])))
        .respond_with(ResponseTemplate::new(201).set_body_json(brand("PENDING")))
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server.uri());
    let c = token_credentials();
    let input = BrandInput {
        customer_profile_sid: BU.into(),
        a2p_trust_product_sid: BU_A2P.into(),
        kind: BrandKind::LowVolumeStandard,
        mock: false,
    };
    let made = client.register_brand(&c, &input).await.unwrap();
    assert!(!made.existing);
    assert_eq!(made.record.status.as_deref(), Some("PENDING"));
    // Retried (the answer was lost): the brand is found, nothing is posted again.
    Mock::given(method("GET"))
        .and(path("/v1/a2p/BrandRegistrations"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(list("data", vec![brand("PENDING")])),
        )
        .mount(&server)
        .await;
    let again = client.register_brand(&c, &input).await.unwrap();
    assert!(again.existing);
    assert_eq!(again.record.sid.as_deref(), Some(BN));
}

#[tokio::test]
async fn a_sole_proprietor_test_brand_says_so_and_a_profile_given_twice_is_refused_unsent() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/a2p/BrandRegistrations"))
        .respond_with(ResponseTemplate::new(200).set_body_json(list("data", vec![])))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/a2p/BrandRegistrations"))
        .and(auth())
        .and(body_string(form(&[
            ("CustomerProfileBundleSid", BU),
            ("A2PProfileBundleSid", BU_A2P),
            ("BrandType", "SOLE_PROPRIETOR"),
            ("Mock", "true"),
        ])))
        .respond_with(ResponseTemplate::new(201).set_body_json(brand("PENDING")))
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server.uri());
    let c = token_credentials();
    let mut input = BrandInput {
        customer_profile_sid: BU.into(),
        a2p_trust_product_sid: BU_A2P.into(),
        kind: BrandKind::SoleProprietor,
        mock: true,
    };
    client.register_brand(&c, &input).await.unwrap();
    input.a2p_trust_product_sid = BU.into();
    let e = client.register_brand(&c, &input).await.unwrap_err();
    assert!(
        matches!(&e, TrustHubError::InvalidInput(f) if f.field == "a2pTrustProductSid"),
        "{e}"
    );
}

#[tokio::test]
async fn resubmitting_posts_nothing_and_twilios_refusal_is_its_own_code() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("/v1/a2p/BrandRegistrations/{BN}")))
        .and(auth())
        .and(body_string(""))
        .respond_with(ResponseTemplate::new(202).set_body_json(brand("PENDING")))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("/v1/a2p/BrandRegistrations/{BN}")))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({"code": 60724, "message": "Brand registration resubmission limit reached", "more_info": "https://www.twilio.com/docs/errors/60724", "status": 400})))
        .mount(&server)
        .await;
    let client = client_for(&server.uri());
    let c = token_credentials();
    let b = client.resubmit_brand(&c, BN).await.unwrap();
    assert_eq!(b.status.as_deref(), Some("PENDING"));
    match client.resubmit_brand(&c, BN).await.unwrap_err() {
        TrustHubError::Api(api) => {
            assert_eq!(api.code, Some(60724));
            assert_eq!(api.resource, "brand");
        }
        other => panic!("{other}"),
    }
}

#[tokio::test]
async fn vettings_are_listed_and_the_confirmation_text_is_sent_again() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/a2p/BrandRegistrations/{BN}/Vettings")))
        .and(auth())
        .respond_with(ResponseTemplate::new(200).set_body_json(list("data", vec![json!({"account_sid": AC, "brand_sid": BN, "vetting_provider": "campaign-verify", "vetting_status": "IN_PROGRESS"})])))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("/v1/a2p/BrandRegistrations/{BN}/SmsOtp")))
        .and(auth())
        .and(body_string(""))
        .respond_with(
            ResponseTemplate::new(201)
                .set_body_json(json!({"account_sid": AC, "brand_registration_sid": BN})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server.uri());
    let c = token_credentials();
    let v = client.list_brand_vettings(&c, BN).await.unwrap();
    assert_eq!(v.records[0].vetting_status.as_deref(), Some("IN_PROGRESS"));
    client.resend_brand_confirmation(&c, BN).await.unwrap();
}

#[tokio::test]
async fn a_service_is_made_once_by_name_and_numbers_go_in_and_out() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Services"))
        .and(query_param("PageSize", "50"))
        .and(auth())
        .respond_with(ResponseTemplate::new(200).set_body_json(list("services", vec![json!({"sid": MG, "account_sid": AC, "friendly_name": "Clinic texts", "us_app_to_person_registered": false})])))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/Services"))
        .and(auth())
        .and(body_string(form(&[("FriendlyName", "Clinic reminders & more")])))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"sid": "MGbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "account_sid": AC, "friendly_name": "Clinic reminders & more"})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/Services/{MG}/PhoneNumbers")))
        .and(auth())
        .respond_with(ResponseTemplate::new(200).set_body_json(list("phone_numbers", vec![json!({"sid": PN, "account_sid": AC, "service_sid": MG, "phone_number": "+14155550100"})])))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("/v1/Services/{MG}/PhoneNumbers")))
        .and(auth())
        .and(body_string(form(&[("PhoneNumberSid", PN)])))
        .respond_with(
            ResponseTemplate::new(201)
                .set_body_json(json!({"sid": PN, "account_sid": AC, "service_sid": MG})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("/v1/Services/{MG}/PhoneNumbers/{PN}")))
        .and(auth())
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("/v1/Services/{MG}")))
        .and(auth())
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server.uri());
    let c = token_credentials();
    let found = client.create_service(&c, " Clinic texts ").await.unwrap();
    assert!(
        found.existing,
        "a service of that name is there: none is made"
    );
    let made = client
        .create_service(&c, "Clinic reminders & more")
        .await
        .unwrap();
    assert!(!made.existing);
    let e = client
        .create_service(&c, &"x".repeat(65))
        .await
        .unwrap_err();
    assert!(matches!(e, TrustHubError::InvalidInput(_)));
    let numbers = client.list_service_numbers(&c, MG).await.unwrap();
    assert_eq!(
        numbers.records[0].phone_number.as_deref(),
        Some("+14155550100")
    );
    client.add_service_number(&c, MG, PN).await.unwrap();
    client.remove_service_number(&c, MG, PN).await.unwrap();
    client.delete_service(&c, MG).await.unwrap();
    let e = client.delete_service(&c, "MG-not-a-sid").await.unwrap_err();
    assert!(
        matches!(e, TrustHubError::InvalidInput(_)),
        "refused before sending"
    );
}

#[tokio::test]
async fn use_cases_are_asked_for_the_brand() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/Services/{MG}/Compliance/Usa2p/Usecases")))
        .and(query_param("BrandRegistrationSid", BN))
        .and(auth())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"us_app_to_person_usecases": [{"code": "2FA", "name": "Two-Factor authentication (2FA)", "description": "One-time codes", "post_approval_required": false}]})))
        .expect(1)
        .mount(&server)
        .await;
    let usecases = client_for(&server.uri())
        .list_usecases(&token_credentials(), MG, BN)
        .await
        .unwrap();
    assert_eq!(usecases[0].code.as_deref(), Some("2FA"));
}

#[tokio::test]
async fn a_campaign_is_sent_whole_with_its_samples_repeated_once_and_edited_and_deleted() {
    let server = MockServer::start().await;
    let campaigns = format!("/v1/Services/{MG}/Compliance/Usa2p");
    Mock::given(method("GET"))
        .and(path(campaigns.as_str()))
        .and(auth())
        .respond_with(ResponseTemplate::new(200).set_body_json(list("compliance", vec![])))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    let input = campaign_input();
    Mock::given(method("POST"))
        .and(path(campaigns.as_str()))
        .and(auth())
        .and(body_string(form(&[
            ("BrandRegistrationSid", BN),
            ("UsAppToPersonUsecase", "ACCOUNT_NOTIFICATION"),
            ("Description", "Appointment reminders and changes for the clinic's patients."),
            ("MessageFlow", "Patients tick a box on the booking form at https://clinic.example.com/book."),
            ("MessageSamples", "Clinic: your visit is tomorrow at 9. Reply STOP to opt out."),
            ("MessageSamples", "Clinic: your visit moved to Friday & the room is 2B. Reply STOP to opt out."),
            ("HasEmbeddedLinks", "false"),
            ("HasEmbeddedPhone", "false"),
            ("HelpMessage", "Clinic: for help call the front desk. Reply STOP to opt out."),
            ("HelpKeywords", "HELP"),
            ("HelpKeywords", "INFO"),
            ("AgeGated", "false"),
            ("DirectLending", "false"),
        ])))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"sid": QE, "account_sid": AC, "brand_registration_sid": BN, "messaging_service_sid": MG, "campaign_status": "PENDING"})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{campaigns}/{QE}")))
        .and(auth())
        .and(body_string(form(&[
            (
                "Description",
                "Appointment reminders and changes for the clinic's patients.",
            ),
            (
                "MessageFlow",
                "Patients tick a box on the booking form at https://clinic.example.com/book.",
            ),
            (
                "MessageSamples",
                "Clinic: your visit is tomorrow at 9. Reply STOP to opt out.",
            ),
            (
                "MessageSamples",
                "Clinic: your visit moved to Friday & the room is 2B. Reply STOP to opt out.",
            ),
            ("HasEmbeddedLinks", "false"),
            ("HasEmbeddedPhone", "false"),
            ("AgeGated", "false"),
            ("DirectLending", "false"),
        ])))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"sid": QE, "account_sid": AC, "campaign_status": "PENDING"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("{campaigns}/{QE}")))
        .and(auth())
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server.uri());
    let c = token_credentials();
    let made = client.create_campaign(&c, MG, &input).await.unwrap();
    assert!(!made.existing);
    // Retried: the service holds the brand's campaign, nothing is submitted (or charged) again.
    Mock::given(method("GET"))
        .and(path(campaigns.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(list(
            "compliance",
            vec![json!({"sid": QE, "account_sid": AC, "brand_registration_sid": BN})],
        )))
        .mount(&server)
        .await;
    assert!(
        client
            .create_campaign(&c, MG, &input)
            .await
            .unwrap()
            .existing
    );
    let mut other_brand = input.clone();
    other_brand.brand_sid = "BNbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb".into();
    let e = client
        .create_campaign(&c, MG, &other_brand)
        .await
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("already has a campaign of another brand"),
        "{e}"
    );
    let edited = client.edit_campaign(&c, MG, QE, &input).await.unwrap();
    assert_eq!(edited.campaign_status.as_deref(), Some("PENDING"));
    client.delete_campaign(&c, MG, QE).await.unwrap();
}

#[tokio::test]
async fn a_campaign_the_form_refuses_is_never_sent() {
    let server = MockServer::start().await;
    let client = client_for(&server.uri());
    let mut input = campaign_input();
    input.message_samples[0] = "Call us at (415) 555-0100 to move the visit.".into();
    let e = client
        .create_campaign(&token_credentials(), MG, &input)
        .await
        .unwrap_err();
    assert!(
        matches!(&e, TrustHubError::InvalidInput(f) if f.field == "messageSamples.0"),
        "{e}"
    );
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn brand_and_campaign_requests_of_one_account_go_at_most_one_a_second() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/a2p/BrandRegistrations/{BN}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(brand("APPROVED")))
        .expect(3)
        .mount(&server)
        .await;
    let client = client_for(&server.uri());
    let c = token_credentials();
    let started = Instant::now();
    for _ in 0..3 {
        client.fetch_brand(&c, BN).await.unwrap();
    }
    assert!(
        started.elapsed() >= Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}
