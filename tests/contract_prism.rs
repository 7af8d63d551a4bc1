//! The client against Prism serving Twilio's own OpenAPI spec. Prism answers 422 to
//! any request that breaks the spec (path, method, SID pattern, enum, URI, required
//! field), so each call here fails if the client drifts from what Twilio accepts.
//! Needs `npm ci` in scripts/ (scripts/test.sh does it).

mod common;

use common::prism::{prism_of, Prism};
use common::*;
use trusthub_desk::trusthub::models::BundleKind;
use trusthub_desk::trusthub::models::{ProfileFilter, ProfileStatus, ProfileUpdate};
use trusthub_desk::trusthub::TrustHubClient;

/// The account Twilio's examples name: Prism answers every record as that account's, and the
/// client takes no record of another account than the credentials'.
const EXAMPLE_AC: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

/// The example account's credentials, with its Auth Token and with an API key.
fn example_credentials() -> [trusthub_desk::credentials::Credentials; 2] {
    use trusthub_desk::credentials::Credentials;
    [
        Credentials::new(EXAMPLE_AC, None, TOKEN.into()).unwrap(),
        Credentials::new(EXAMPLE_AC, Some(SK), "api-key-secret".into()).unwrap(),
    ]
}

fn prism() -> Prism {
    prism_of("twilio_trusthub_v1.json", true)
}

fn field_updates() -> Vec<ProfileUpdate> {
    let all = ProfileUpdate {
        status: None,
        status_callback: Some("https://hooks.example.com/trusthub?x=1".into()),
        friendly_name: Some("Acme & Co. — 100% ✓".into()),
        email: Some("ops@acme.example.com".into()),
    };
    vec![
        ProfileUpdate {
            friendly_name: all.friendly_name.clone(),
            ..Default::default()
        },
        ProfileUpdate {
            email: all.email.clone(),
            ..Default::default()
        },
        ProfileUpdate {
            status_callback: all.status_callback.clone(),
            ..Default::default()
        },
        ProfileUpdate {
            status: Some(ProfileStatus::PendingReview),
            ..Default::default()
        },
        ProfileUpdate {
            status: Some(ProfileStatus::Draft),
            ..all.clone()
        },
        all,
    ]
}

#[tokio::test]
async fn every_request_the_client_makes_is_accepted_by_the_spec() {
    let prism = prism();
    let client: TrustHubClient = client_for(&prism.base);
    for c in example_credentials() {
        let one = ProfileFilter {
            page_size: Some(1),
            ..Default::default()
        };
        client
            .list_profiles_page(&c, &one, None)
            .await
            .expect("the one-item list that checks new credentials");
        let filter = ProfileFilter {
            status: Some(ProfileStatus::Draft),
            friendly_name: Some("Acme".into()),
            page_size: Some(20),
        };
        client
            .list_profiles_page(&c, &filter, None)
            .await
            .expect("filtered list");
        client.fetch_profile(&c, BU).await.expect("fetch");
        for update in field_updates() {
            client
                .update_profile(&c, BU, &update)
                .await
                .unwrap_or_else(|e| panic!("update {update:?}: {e:?}"));
        }
        client
            .list_evaluations(&c, BundleKind::CustomerProfile, BU, None)
            .await
            .expect("evaluations");
        client
            .list_entity_assignments(&c, BundleKind::CustomerProfile, BU)
            .await
            .expect("entity assignments");
        client
            .list_channel_endpoint_assignments(&c, BundleKind::CustomerProfile, BU)
            .await
            .expect("channel endpoint assignments");
        client
            .create_evaluation(&c, BundleKind::CustomerProfile, BU, RN)
            .await
            .expect("create evaluation");
        client.fetch_policy(&c, RN).await.expect("policy");
        client
            .fetch_end_user(&c, "ITaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
            .await
            .expect("end user");
        client
            .fetch_supporting_document(&c, "RDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
            .await
            .expect("supporting document");
    }
}

#[tokio::test]
async fn prism_refuses_what_breaks_the_spec() {
    // The check must be able to fail: a request with a status the spec does not have.
    let prism = prism();
    let response = reqwest::Client::new()
        .post(format!("{}/v1/CustomerProfiles/{BU}", prism.base))
        .header("authorization", basic(AC, TOKEN))
        .form(&[("Status", "archived")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 422);
}

#[test]
fn every_form_parameter_the_client_sends_is_one_the_spec_defines() {
    // Prism lets unknown form fields through; this catches a renamed one.
    let update = field_updates()
        .into_iter()
        .fold(ProfileUpdate::default(), |acc, u| ProfileUpdate {
            status: acc.status.or(u.status),
            status_callback: acc.status_callback.or(u.status_callback),
            friendly_name: acc.friendly_name.or(u.friendly_name),
            email: acc.email.or(u.email),
        });
    let defined = spec::form_parameters("/v1/CustomerProfiles/{Sid}", "post");
    let sent: Vec<&str> = update.form_pairs().iter().map(|(k, _)| *k).collect();
    assert_eq!(sent.len(), 4);
    for name in sent {
        assert!(
            defined.iter().any(|d| d == name),
            "{name} is not in the spec ({defined:?})"
        );
    }
    assert_eq!(
        spec::form_parameters(
            "/v1/CustomerProfiles/{CustomerProfileSid}/Evaluations",
            "post"
        ),
        ["PolicySid"]
    );
}

/// Every request about what a profile is made of, against Prism serving TrustHub's spec
/// and (for addresses and phone numbers) the classic API's: paths, SID patterns, required
/// fields, methods.
#[tokio::test]
async fn every_request_about_what_a_profile_is_made_of_is_accepted_by_the_specs() {
    use serde_json::{json, Map, Value};
    use trusthub_desk::trusthub::models::{
        AddressInput, AddressUpdate, BundleKind, NewBundle, ProfileFilter, ProfileStatus,
    };
    use trusthub_desk::trusthub::objects::ObjectKind;
    let map = |v: Value| -> Map<String, Value> { v.as_object().unwrap().clone() };
    let trusthub = prism();
    let classic = prism_of("twilio_api_v2010.json", false);
    let client = client_for(&trusthub.base);
    let api = client_for(&classic.base);
    const IT: &str = "ITaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    const RD: &str = "RDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    const AD: &str = "ADaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    for c in example_credentials() {
        api.fetch_own_account(&c)
            .await
            .expect("the account new credentials must open");
        client.list_policies(&c).await.expect("policies");
        client
            .fetch_type(
                &c,
                ObjectKind::EndUser,
                "customer_profile_business_information",
            )
            .await
            .expect("end-user type");
        client
            .fetch_type(
                &c,
                ObjectKind::SupportingDocument,
                "customer_profile_address",
            )
            .await
            .expect("document type");
        client.list_end_users(&c).await.expect("end users");
        client
            .list_supporting_documents(&c)
            .await
            .expect("documents");
        let attributes = map(json!({"first_name": "Sam", "phone_number": "+14155550100"}));
        client
            .create_object(
                &c,
                ObjectKind::EndUser,
                "authorized_representative_1",
                "Sam",
                &attributes,
            )
            .await
            .expect("create end user");
        client
            .update_object(&c, ObjectKind::EndUser, IT, Some("Sam Lee"), &attributes)
            .await
            .expect("update end user");
        client
            .delete_object(&c, ObjectKind::EndUser, IT)
            .await
            .expect("delete end user");
        let doc = map(json!({"address_sids": [AD]}));
        client
            .create_object(
                &c,
                ObjectKind::SupportingDocument,
                "customer_profile_address",
                "Office",
                &doc,
            )
            .await
            .expect("create document");
        client
            .update_object(&c, ObjectKind::SupportingDocument, RD, None, &doc)
            .await
            .expect("update document");
        client
            .delete_object(&c, ObjectKind::SupportingDocument, RD)
            .await
            .expect("delete document");
        for kind in [BundleKind::CustomerProfile, BundleKind::TrustProduct] {
            client
                .assign_entity(&c, kind, BU, IT)
                .await
                .expect("assign");
            client
                .unassign_entity(&c, kind, BU, "BVaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
                .await
                .expect("unassign");
            client
                .assign_phone_number(&c, kind, BU, "PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
                .await
                .expect("assign number");
            client
                .unassign_phone_number(&c, kind, BU, "RAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
                .await
                .expect("unassign number");
            let input = NewBundle {
                friendly_name: "Acme".into(),
                email: "ops@acme.example".into(),
                policy_sid: RN.into(),
                status_callback: Some("https://hooks.example.com/x".into()),
            };
            client
                .create_bundle(&c, kind, &input)
                .await
                .expect("create bundle");
            client
                .delete_bundle(&c, kind, BU)
                .await
                .expect("delete bundle");
            client
                .fetch_bundle(&c, kind, BU)
                .await
                .expect("fetch bundle");
            client
                .list_evaluations(&c, kind, BU, None)
                .await
                .expect("evaluations");
            client
                .list_entity_assignments(&c, kind, BU)
                .await
                .expect("entity assignments");
            // The draft a retried create looks for, and every bundle a tidy-up reads.
            let drafts = ProfileFilter {
                status: Some(ProfileStatus::Draft),
                friendly_name: Some("Acme".into()),
                page_size: Some(50),
            };
            client
                .list_bundles_page(&c, kind, &drafts, None)
                .await
                .expect("drafts by name");
            client
                .list_bundles_all(&c, kind)
                .await
                .expect("every bundle");
        }
        api.list_addresses(&c).await.expect("addresses");
        api.fetch_address(&c, AD).await.expect("address");
        let input = AddressInput {
            customer_name: "Acme".into(),
            street: "1 Main St".into(),
            street_secondary: Some("Suite 2".into()),
            city: "Springfield".into(),
            region: "IL".into(),
            postal_code: "62701".into(),
            iso_country: "US".into(),
            friendly_name: Some("Office".into()),
        };
        api.create_address(&c, &input)
            .await
            .expect("create address");
        api.update_address(
            &c,
            AD,
            &AddressUpdate {
                street: Some("2 Main St".into()),
                ..Default::default()
            },
        )
        .await
        .expect("update address");
        api.delete_address(&c, AD).await.expect("delete address");
        api.list_phone_numbers(&c).await.expect("phone numbers");
    }
}

#[tokio::test]
async fn the_classic_prism_refuses_what_breaks_its_spec() {
    // Without --errors, Prism still answers 422 to a request that breaks the spec.
    let prism = prism_of("twilio_api_v2010.json", false);
    let response = reqwest::Client::new()
        .post(format!(
            "{}/2010-04-01/Accounts/{AC}/Addresses.json",
            prism.base
        ))
        .header("authorization", basic(AC, TOKEN))
        .form(&[("CustomerName", "Acme"), ("City", "Springfield")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status().as_u16(),
        422,
        "Street, Region, PostalCode and IsoCountry are required"
    );
}

/// A voice product's numbers, as the plan runs them: each to the profile, then the product.
#[tokio::test]
async fn voice_numbers_go_to_the_profile_then_the_product_as_the_spec_accepts() {
    use std::collections::HashSet;
    use trusthub_desk::trusthub::voice_numbers::{apply, plan};
    let prism = prism();
    let client = client_for(&prism.base);
    let [c, _] = example_credentials();
    let chosen = vec![
        "PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".to_owned(),
        "PNbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb".to_owned(),
    ];
    let steps = plan(&chosen, &HashSet::new(), &HashSet::new());
    assert_eq!(steps.len(), 4);
    let applied = apply(
        &client,
        &c,
        BU,
        "BUbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
        steps,
        |_, _| {},
    )
    .await;
    assert!(applied.failed.is_none(), "{:?}", applied.failed);
    assert_eq!(applied.done.len(), 4);
}
