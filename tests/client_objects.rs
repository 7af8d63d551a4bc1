//! What a profile is made of, on the wire: end users and documents (with `Attributes`
//! sent whole), assignments, the classic API's addresses and phone numbers, creating and
//! deleting profiles and trust products. Method, path, form body and auth header, exactly.

mod common;

use common::*;
use serde_json::json;
use trusthub_desk::commands::objects;
use trusthub_desk::trusthub::models::*;
use trusthub_desk::trusthub::objects::ObjectKind;
use wiremock::matchers::{body_string, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const IT: &str = "ITaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const RD: &str = "RDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const AD: &str = "ADaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const BV: &str = "BVaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const RA: &str = "RAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const PN: &str = "PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

#[tokio::test]
async fn an_end_user_is_created_with_its_type_and_attributes_as_one_json_object() {
    let server = MockServer::start().await;
    let attributes = r#"{"email":"sam@example.com","first_name":"Sam"}"#;
    Mock::given(method("POST"))
        .and(path("/v1/EndUsers"))
        .and(auth())
        .and(body_string(form(&[
            ("FriendlyName", "Sam Lee"),
            ("Type", "authorized_representative_1"),
            ("Attributes", attributes),
        ])))
        .respond_with(
            ResponseTemplate::new(201)
                .set_body_json(json!({"sid": IT, "type": "authorized_representative_1"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let made = client_for(&server.uri())
        .create_object(
            &token_credentials(),
            ObjectKind::EndUser,
            "authorized_representative_1",
            "  Sam Lee ",
            &map(json!({"first_name": "Sam", "email": "sam@example.com"})),
        )
        .await
        .unwrap();
    assert_eq!(made.sid.as_deref(), Some(IT));
}

/// The stored object with the edit merged in goes whole: no other field is erased.
#[tokio::test]
async fn saving_an_edit_sends_the_whole_attributes_object() {
    let server = MockServer::start().await;
    let stored = json!({"first_name": "Sam", "last_name": "Lee", "email": "sam@example.com", "phone_number": "555-0100", "job_position": "CEO"});
    Mock::given(method("GET"))
        .and(path(format!("/v1/EndUsers/{IT}")))
        .and(auth())
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"sid": IT, "type": "authorized_representative_1", "attributes": stored}),
        ))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/EndUserTypes/authorized_representative_1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"machine_name": "authorized_representative_1", "fields": [{"machine_name": "phone_number", "friendly_name": "Phone Number", "constraint": "String"}]})))
        .mount(&server)
        .await;
    let whole = r#"{"email":"sam@example.com","first_name":"Sam","job_position":"CEO","last_name":"Lee","phone_number":"+14155550100"}"#;
    Mock::given(method("POST"))
        .and(path(format!("/v1/EndUsers/{IT}")))
        .and(auth())
        .and(body_string(form(&[("Attributes", whole)])))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"sid": IT})))
        .expect(1)
        .mount(&server)
        .await;
    let state = signed_in(&server.uri());
    objects::save(
        &state,
        IT,
        None,
        &map(json!({"phone_number": "+1 415 555 0100"})),
        None,
    )
    .await
    .unwrap();

    // A wrong value is refused beside its field, and nothing is sent.
    let e = objects::save(
        &state,
        IT,
        None,
        &map(json!({"phone_number": "555 0100"})),
        None,
    )
    .await
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("phone_number"));
    assert!(
        e.message
            .starts_with("Enter the number in international format (+1 …)"),
        "{}",
        e.message
    );
    let posts = server
        .received_requests()
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.method.as_str() == "POST")
        .count();
    assert_eq!(posts, 1);
}

#[tokio::test]
async fn a_document_update_names_it_and_sends_its_attributes() {
    let server = MockServer::start().await;
    let attributes = format!(r#"{{"address_sids":["{AD}"]}}"#);
    Mock::given(method("POST"))
        .and(path(format!("/v1/SupportingDocuments/{RD}")))
        .and(auth())
        .and(body_string(form(&[
            ("Attributes", &attributes),
            ("FriendlyName", "Office"),
        ])))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"sid": RD, "status": "DRAFT"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("/v1/SupportingDocuments/{RD}")))
        .and(auth())
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server.uri());
    let c = token_credentials();
    client
        .update_object(
            &c,
            ObjectKind::SupportingDocument,
            RD,
            Some("Office"),
            &map(json!({"address_sids": [AD]})),
        )
        .await
        .unwrap();
    client
        .delete_object(&c, ObjectKind::SupportingDocument, RD)
        .await
        .unwrap();
}

#[tokio::test]
async fn assignments_and_phone_numbers_of_profiles_and_trust_products() {
    let server = MockServer::start().await;
    for (kind, collection) in [
        (BundleKind::CustomerProfile, "CustomerProfiles"),
        (BundleKind::TrustProduct, "TrustProducts"),
    ] {
        let base = format!("/v1/{collection}/{BU}");
        Mock::given(method("POST"))
            .and(path(format!("{base}/EntityAssignments")))
            .and(auth())
            .and(body_string(form(&[("ObjectSid", IT)])))
            .respond_with(
                ResponseTemplate::new(201).set_body_json(json!({"sid": BV, "object_sid": IT})),
            )
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(method("DELETE"))
            .and(path(format!("{base}/EntityAssignments/{BV}")))
            .and(auth())
            .respond_with(ResponseTemplate::new(204))
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .and(path(format!("{base}/ChannelEndpointAssignments")))
            .and(auth())
            .and(body_string(form(&[
                ("ChannelEndpointType", "phone-number"),
                ("ChannelEndpointSid", PN),
            ])))
            .respond_with(
                ResponseTemplate::new(201)
                    .set_body_json(json!({"sid": RA, "channel_endpoint_sid": PN})),
            )
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(method("DELETE"))
            .and(path(format!("{base}/ChannelEndpointAssignments/{RA}")))
            .and(auth())
            .respond_with(ResponseTemplate::new(204))
            .expect(1)
            .mount(&server)
            .await;
        let client = client_for(&server.uri());
        let c = token_credentials();
        let a = client.assign_entity(&c, kind, BU, IT).await.unwrap();
        assert_eq!(a.sid.as_deref(), Some(BV));
        client.unassign_entity(&c, kind, BU, BV).await.unwrap();
        client.assign_phone_number(&c, kind, BU, PN).await.unwrap();
        client
            .unassign_phone_number(&c, kind, BU, RA)
            .await
            .unwrap();
    }
    // Anything but an end user, document or profile is refused before sending.
    let e = client_for(&server.uri())
        .assign_entity(&token_credentials(), BundleKind::CustomerProfile, BU, AC)
        .await
        .unwrap_err();
    assert!(matches!(
        e,
        trusthub_desk::trusthub::TrustHubError::InvalidInput(_)
    ));
}

#[tokio::test]
async fn addresses_speak_the_classic_api_paging_by_a_relative_next_page_uri() {
    let server = MockServer::start().await;
    let list = format!("/2010-04-01/Accounts/{AC}/Addresses.json");
    Mock::given(method("GET"))
        .and(path(list.clone()))
        .and(query_param("PageSize", "50"))
        .and(wiremock::matchers::query_param_is_missing("Page"))
        .and(auth())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "addresses": [{"sid": AD, "street": "1 Main St", "date_created": "Tue, 18 Aug 2015 17:07:30 +0000"}],
            "next_page_uri": format!("{list}?PageSize=50&Page=1&PageToken=PA1"), "page": 0, "page_size": 50
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(list.clone()))
        .and(query_param("Page", "1"))
        .and(auth())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "addresses": [{"sid": "ADbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "street": "2 Main St"}],
            "next_page_uri": null, "page": -1
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(list.clone()))
        .and(auth())
        .and(body_string(form(&[
            ("CustomerName", "Acme"),
            ("Street", "1 Main St"),
            ("City", "Springfield"),
            ("Region", "IL"),
            ("PostalCode", "62701"),
            ("IsoCountry", "US"),
            ("StreetSecondary", "Suite 2"),
        ])))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"sid": AD})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!(
            "/2010-04-01/Accounts/{AC}/Addresses/{AD}.json"
        )))
        .and(auth())
        .and(body_string(form(&[
            ("Street", "9 Elm St"),
            ("PostalCode", "62702"),
        ])))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"sid": AD, "street": "9 Elm St"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server.uri());
    let c = token_credentials();
    let all = client.list_addresses(&c).await.unwrap();
    assert_eq!(all.records.len(), 2);
    assert_eq!(all.note, None);
    client
        .create_address(
            &c,
            &AddressInput {
                customer_name: "Acme".into(),
                street: " 1 Main St ".into(),
                street_secondary: Some("Suite 2".into()),
                city: "Springfield".into(),
                region: "IL".into(),
                postal_code: "62701".into(),
                iso_country: "us".into(),
                friendly_name: None,
            },
        )
        .await
        .unwrap();
    client
        .update_address(
            &c,
            AD,
            &AddressUpdate {
                street: Some("9 Elm St".into()),
                postal_code: Some("62702".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    // Checked before anything is sent: an empty city, a country not from the list.
    let bad = AddressInput {
        customer_name: "A".into(),
        street: "1".into(),
        city: " ".into(),
        region: "R".into(),
        postal_code: "1".into(),
        iso_country: "US".into(),
        ..Default::default()
    };
    let e = client.create_address(&c, &bad).await.unwrap_err();
    assert!(
        matches!(e, trusthub_desk::trusthub::TrustHubError::InvalidInput(ref f) if f.field == "city"),
        "{e:?}"
    );
    let bad = AddressInput {
        iso_country: "United States".into(),
        city: "X".into(),
        ..bad
    };
    let e = client.create_address(&c, &bad).await.unwrap_err();
    assert!(
        matches!(e, trusthub_desk::trusthub::TrustHubError::InvalidInput(ref f) if f.field == "isoCountry"),
        "{e:?}"
    );
}

#[tokio::test]
async fn phone_numbers_policies_and_types_are_read_from_their_own_lists() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/2010-04-01/Accounts/{AC}/IncomingPhoneNumbers.json")))
        .and(auth())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "incoming_phone_numbers": [{"sid": PN, "phone_number": "+14155550100", "friendly_name": "Main line"}],
            "next_page_uri": null
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/Policies"))
        .and(query_param("PageSize", "50"))
        .and(auth())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"results": [{"sid": RN, "friendly_name": "Secondary"}], "meta": {"key": "results", "next_page_url": null}})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/SupportingDocumentTypes/customer_profile_address"))
        .and(auth())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"machine_name": "customer_profile_address", "fields": [{"machine_name": "address_sids", "friendly_name": "Address Sids", "constraint": "List"}]})))
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server.uri());
    let c = token_credentials();
    let numbers = client.list_phone_numbers(&c).await.unwrap();
    assert_eq!(
        numbers.records[0].phone_number.as_deref(),
        Some("+14155550100")
    );
    assert_eq!(client.list_policies(&c).await.unwrap().records.len(), 1);
    let t = client
        .fetch_type(
            &c,
            ObjectKind::SupportingDocument,
            "customer_profile_address",
        )
        .await
        .unwrap();
    assert_eq!(t.fields[0].friendly_name.as_deref(), Some("Address Sids"));
    let e = client
        .fetch_type(&c, ObjectKind::EndUser, "../Accounts")
        .await
        .unwrap_err();
    assert!(
        matches!(e, trusthub_desk::trusthub::TrustHubError::InvalidInput(_)),
        "a type name is checked: {e:?}"
    );
}

#[tokio::test]
async fn profiles_and_trust_products_are_created_and_deleted() {
    let server = MockServer::start().await;
    for collection in ["CustomerProfiles", "TrustProducts"] {
        Mock::given(method("POST"))
            .and(path(format!("/v1/{collection}")))
            .and(auth())
            .and(body_string(form(&[
                ("FriendlyName", "Acme & Co"),
                ("Email", "ops@acme.example"),
                ("PolicySid", RN),
            ])))
            .respond_with(
                ResponseTemplate::new(201).set_body_json(json!({"sid": BU, "status": "draft"})),
            )
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(method("DELETE"))
            .and(path(format!("/v1/{collection}/{BU}")))
            .and(auth())
            .respond_with(ResponseTemplate::new(204))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client_for(&server.uri());
    let c = token_credentials();
    let input = NewBundle {
        friendly_name: "Acme & Co".into(),
        email: " ops@acme.example ".into(),
        policy_sid: RN.into(),
        status_callback: None,
    };
    for kind in [BundleKind::CustomerProfile, BundleKind::TrustProduct] {
        let made = client.create_bundle(&c, kind, &input).await.unwrap();
        assert_eq!(made.status.as_deref(), Some("draft"));
        client.delete_bundle(&c, kind, BU).await.unwrap();
    }
    let bad = NewBundle {
        email: "not an e-mail".into(),
        ..input
    };
    assert!(client
        .create_bundle(&c, BundleKind::CustomerProfile, &bad)
        .await
        .is_err());
}

/// Numbers on a voice Trust Product: each number to the Customer-Profile first when it is
/// not there, then to the product, one request at a time and in that order; a refusal
/// stops the rest, and what was done and what is left are returned.
#[tokio::test]
async fn voice_numbers_go_to_the_profile_first_then_the_product_and_stop_at_a_refusal() {
    use std::collections::HashSet;
    use trusthub_desk::trusthub::voice_numbers::{apply, plan, Target};
    const PROFILE: &str = "BUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    const PRODUCT: &str = "BUbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    let pn = |c: char| format!("PN{}", c.to_string().repeat(32));
    let (one, two, three) = (pn('1'), pn('2'), pn('3'));
    let server = MockServer::start().await;
    let assigned = |number: &str| {
        ResponseTemplate::new(201).set_body_json(json!({"sid": RA, "channel_endpoint_sid": number}))
    };
    for (bundle, number, reply) in [
        ("CustomerProfiles", &one, assigned(&one)),
        ("TrustProducts", &one, assigned(&one)),
        ("TrustProducts", &two, assigned(&two)),
        (
            "TrustProducts",
            &three,
            ResponseTemplate::new(400).set_body_json(
                json!({"message": "Phone number is not assigned to the customer profile", "status": 400}),
            ),
        ),
    ] {
        let base = if bundle == "TrustProducts" { PRODUCT } else { PROFILE };
        Mock::given(method("POST"))
            .and(path(format!("/v1/{bundle}/{base}/ChannelEndpointAssignments")))
            .and(auth())
            .and(body_string(form(&[
                ("ChannelEndpointType", "phone-number"),
                ("ChannelEndpointSid", number),
            ])))
            .respond_with(reply)
            .expect(1)
            .mount(&server)
            .await;
    }
    // PN2 and PN3 are on the profile already; PN4 would follow PN3 and is never sent.
    let four = pn('4');
    let chosen = vec![one.clone(), two.clone(), three.clone(), four.clone()];
    let on_profile: HashSet<String> = [two.clone(), three.clone(), four.clone()].into();
    let steps = plan(&chosen, &on_profile, &HashSet::new());
    let mut told = Vec::new();
    let applied = apply(
        &client_for(&server.uri()),
        &token_credentials(),
        PROFILE,
        PRODUCT,
        steps,
        |done, total| told.push((done, total)),
    )
    .await;
    assert_eq!(
        wire(&server).await,
        [
            format!("POST /v1/CustomerProfiles/{PROFILE}/ChannelEndpointAssignments"),
            format!("POST /v1/TrustProducts/{PRODUCT}/ChannelEndpointAssignments"),
            format!("POST /v1/TrustProducts/{PRODUCT}/ChannelEndpointAssignments"),
            format!("POST /v1/TrustProducts/{PRODUCT}/ChannelEndpointAssignments"),
        ]
    );
    let done: Vec<(String, Target)> = applied
        .done
        .iter()
        .map(|s| (s.number_sid.clone(), s.target))
        .collect();
    assert_eq!(
        done,
        [
            (one.clone(), Target::Profile),
            (one, Target::Product),
            (two, Target::Product)
        ]
    );
    let (failed, error) = applied.failed.expect("the refusal is returned");
    assert_eq!((failed.number_sid, failed.target), (three, Target::Product));
    assert!(
        error
            .to_string()
            .contains("not assigned to the customer profile"),
        "{error}"
    );
    assert_eq!(applied.left.len(), 1);
    assert_eq!(applied.left[0].number_sid, four);
    assert_eq!(told, [(1, 5), (2, 5), (3, 5)]);
}
