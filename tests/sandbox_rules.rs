//! The demo sandbox behaves like TrustHub where Twilio's docs say how.

mod common;

use common::{basic, map};
use std::time::Duration;
use trusthub_desk::sandbox::{self, profile_sid, Sandbox, Seeded};
use trusthub_desk::trusthub::models::BundleKind;
use trusthub_desk::trusthub::models::{ProfileFilter, ProfileStatus, ProfileUpdate};
use trusthub_desk::trusthub::{http_client_for, TrustHubClient, TrustHubError};

async fn start(review_delay: Duration) -> (Sandbox, TrustHubClient) {
    let sb = Sandbox::start(sandbox::Config {
        review_delay,
        ..sandbox::Config::default()
    })
    .await
    .unwrap();
    let client = TrustHubClient::new(http_client_for(&sb.base_url()).unwrap(), sb.base_url());
    (sb, client)
}

fn api_error(
    result: Result<impl std::fmt::Debug, TrustHubError>,
) -> trusthub_desk::trusthub::ApiError {
    match result {
        Err(TrustHubError::Api(e)) => e,
        other => panic!("expected a Twilio error, got {other:?}"),
    }
}

async fn raw_post(sb: &Sandbox, sid: &str, form: &[(&str, &str)]) -> (u16, serde_json::Value) {
    let r = reqwest::Client::new()
        .post(format!("{}v1/CustomerProfiles/{sid}", sb.base_url()))
        .header(
            "authorization",
            basic(
                sandbox::DEMO_ACCOUNT_SID,
                &sb.auth_token(sandbox::DEMO_ACCOUNT_SID).unwrap(),
            ),
        )
        .form(form)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.json().await.unwrap())
}

#[tokio::test]
async fn basic_auth_is_required_and_both_demo_pairs_work() {
    let (sb, client) = start(Duration::from_secs(60)).await;
    let wrong = trusthub_desk::credentials::Credentials::new(
        sandbox::DEMO_ACCOUNT_SID,
        None,
        "nope".into(),
    )
    .unwrap();
    let e = api_error(client.fetch_profile(&wrong, &profile_sid(0)).await);
    assert_eq!((e.status, e.code), (401, Some(20003)));
    let r = reqwest::get(format!("{}v1/CustomerProfiles", sb.base_url()))
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401, "no credentials at all");
    let key = sb.demo_api_key().unwrap();
    client.verify_credentials(&key).await.unwrap();
    client
        .verify_credentials(&sb.demo_credentials().unwrap())
        .await
        .unwrap();
}

#[tokio::test]
async fn unknown_sid_is_404_with_code_20404() {
    let (sb, client) = start(Duration::from_secs(60)).await;
    let e = api_error(
        client
            .fetch_profile(
                &sb.demo_credentials().unwrap(),
                "BU00000000000000000000000000000000",
            )
            .await,
    );
    assert_eq!((e.status, e.code), (404, Some(20404)));
}

#[tokio::test]
async fn invalid_values_are_400_naming_the_parameter() {
    let (sb, _client) = start(Duration::from_secs(60)).await;
    let sid = profile_sid(Seeded::DRAFT_COMPLIANT);
    for (name, value) in [
        ("Status", "archived"),
        ("StatusCallback", "not a url"),
        ("Email", "nobody"),
        ("FriendlyName", " "),
    ] {
        let (status, body) = raw_post(&sb, &sid, &[(name, value)]).await;
        assert_eq!(status, 400, "{name}");
        assert_eq!(body["code"], 20001);
        assert!(body["message"].as_str().unwrap().contains(name), "{body}");
        assert_eq!(
            body["more_info"],
            "https://www.twilio.com/docs/errors/20001"
        );
    }
}

#[tokio::test]
async fn seeded_data_shows_every_state() {
    let (sb, client) = start(Duration::from_secs(60)).await;
    let c = sb.demo_credentials().unwrap();
    let mut all = Vec::new();
    let mut page = client
        .list_profiles_page(&c, &ProfileFilter::default(), None)
        .await
        .unwrap();
    all.append(&mut page.records);
    let mut pages = 1;
    while let Some(next) = page.next_page_url.clone() {
        assert!(
            next.starts_with(client.base_url().as_str()),
            "meta URLs point back at the sandbox: {next}"
        );
        page = client
            .list_profiles_page(&c, &ProfileFilter::default(), Some(&next))
            .await
            .unwrap();
        all.append(&mut page.records);
        pages += 1;
    }
    assert!(
        all.len() >= 60 && pages >= 2,
        "{} profiles on {pages} pages",
        all.len()
    );
    for s in ProfileStatus::ALL {
        assert!(
            all.iter().any(|p| p.status.as_deref() == Some(s.as_str())),
            "no {s} profile"
        );
    }
    let rejected = client
        .fetch_profile(&c, &profile_sid(Seeded::REJECTED))
        .await
        .unwrap();
    let codes: Vec<_> = rejected
        .errors
        .unwrap()
        .iter()
        .filter_map(|e| e.code)
        .collect();
    assert_eq!(codes, [18601, 18603]);

    let bad = client
        .list_evaluations(
            &c,
            BundleKind::CustomerProfile,
            &profile_sid(Seeded::DRAFT_NONCOMPLIANT),
            None,
        )
        .await
        .unwrap()
        .records;
    let failed = bad[0]
        .results
        .as_ref()
        .unwrap()
        .iter()
        .find(|r| r.passed == Some(false))
        .unwrap();
    assert!(failed.failure_reason.is_some());
    assert!(failed.invalid.as_ref().unwrap()[0].object_field.is_some());
    let good = client
        .list_evaluations(
            &c,
            BundleKind::CustomerProfile,
            &profile_sid(Seeded::DRAFT_COMPLIANT),
            None,
        )
        .await
        .unwrap()
        .records;
    assert_eq!(good[0].status.as_deref(), Some("compliant"));

    let mut kinds = std::collections::BTreeSet::new();
    for n in 0..64 {
        for a in client
            .list_entity_assignments(&c, BundleKind::CustomerProfile, &profile_sid(n))
            .await
            .unwrap()
            .records
        {
            kinds.insert(a.object_sid.unwrap()[..2].to_owned());
        }
    }
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), ["BU", "IT", "RD"]);
    let phones = client
        .list_channel_endpoint_assignments(
            &c,
            BundleKind::CustomerProfile,
            &profile_sid(Seeded::DRAFT_COMPLIANT),
        )
        .await
        .unwrap()
        .records;
    assert!(phones[0]
        .channel_endpoint_sid
        .as_deref()
        .unwrap()
        .starts_with("PN"));
}

#[tokio::test]
async fn profiles_in_review_or_approved_refuse_edits_with_60711() {
    let (sb, client) = start(Duration::from_secs(60)).await;
    let c = sb.demo_credentials().unwrap();
    let rename = ProfileUpdate {
        friendly_name: Some("New".into()),
        ..Default::default()
    };
    for n in [Seeded::IN_REVIEW, Seeded::APPROVED, Seeded::PENDING_REVIEW] {
        let e = api_error(client.update_profile(&c, &profile_sid(n), &rename).await);
        assert_eq!((e.status, e.code), (400, Some(60711)), "profile {n}");
    }
}

#[tokio::test]
async fn status_and_other_fields_in_one_request_is_22204() {
    let (sb, _client) = start(Duration::from_secs(60)).await;
    let (status, body) = raw_post(
        &sb,
        &profile_sid(Seeded::DRAFT_COMPLIANT),
        &[("Status", "pending-review"), ("Email", "a@b.co")],
    )
    .await;
    assert_eq!((status, body["code"].as_i64()), (400, Some(22204)));
}

#[tokio::test]
async fn a_customer_may_only_submit_and_review_follows() {
    let (sb, client) = start(Duration::from_millis(600)).await;
    let c = sb.demo_credentials().unwrap();
    let sid = profile_sid(Seeded::REJECTED);
    for s in [
        ProfileStatus::InReview,
        ProfileStatus::TwilioApproved,
        ProfileStatus::TwilioRejected,
    ] {
        let e = api_error(
            client
                .update_profile(
                    &c,
                    &sid,
                    &ProfileUpdate {
                        status: Some(s),
                        ..Default::default()
                    },
                )
                .await,
        );
        assert_eq!(e.status, 400, "{s}");
        assert_eq!(e.parameter.as_deref(), Some("Status"));
    }
    let before = client.fetch_profile(&c, &sid).await.unwrap();
    let submitted = client
        .update_profile(
            &c,
            &sid,
            &ProfileUpdate {
                status: Some(ProfileStatus::PendingReview),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(submitted.status.as_deref(), Some("pending-review"));
    assert_ne!(
        submitted.date_updated, before.date_updated,
        "date_updated moves on every change"
    );
    tokio::time::sleep(Duration::from_millis(900)).await;
    let later = client.fetch_profile(&c, &sid).await.unwrap();
    assert_eq!(later.status.as_deref(), Some("in-review"));
}

#[tokio::test]
async fn date_updated_moves_on_every_change() {
    let (sb, client) = start(Duration::from_secs(60)).await;
    let c = sb.demo_credentials().unwrap();
    let sid = profile_sid(Seeded::DRAFT_COMPLIANT);
    let first = client
        .update_profile(
            &c,
            &sid,
            &ProfileUpdate {
                email: Some("a@b.co".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let second = client
        .update_profile(
            &c,
            &sid,
            &ProfileUpdate {
                email: Some("c@d.co".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(
        second.date_updated > first.date_updated,
        "{:?} then {:?}",
        first.date_updated,
        second.date_updated
    );
    assert_eq!(second.email.as_deref(), Some("c@d.co"));
}

#[tokio::test]
async fn name_filter_and_paging_parameters() {
    let (sb, client) = start(Duration::from_secs(60)).await;
    let c = sb.demo_credentials().unwrap();
    let filter = ProfileFilter {
        friendly_name: Some("acme".into()),
        ..Default::default()
    };
    let page = client.list_profiles_page(&c, &filter, None).await.unwrap();
    assert_eq!(
        page.records[0].friendly_name.as_deref(),
        Some("Acme Plumbing LLC")
    );
    let filter = ProfileFilter {
        status: Some(ProfileStatus::Draft),
        page_size: Some(3),
        ..Default::default()
    };
    let page = client.list_profiles_page(&c, &filter, None).await.unwrap();
    assert_eq!(page.records.len(), 3);
    assert!(page
        .records
        .iter()
        .all(|p| p.status.as_deref() == Some("draft")));
    let next = page.next_page_url.unwrap();
    assert!(
        next.contains("Status=draft") && next.contains("PageSize=3") && next.contains("Page=1"),
        "{next}"
    );
}

// ---- The demo server's own boundaries ----

#[tokio::test]
async fn a_foreign_host_is_refused_before_anything_else() {
    let (sb, _client) = start(Duration::from_secs(60)).await;
    let port = sb.base_url().port().unwrap();
    let token = sb.auth_token(sandbox::DEMO_ACCOUNT_SID).unwrap();
    // A web page that reached the port under its own name (DNS rebinding) sends its Host.
    for host in [
        "evil.example",
        "localhost",
        &format!("evil.example:{port}"),
        &format!("localhost:{port}"),
    ] {
        let r = reqwest::Client::new()
            .get(format!("{}v1/CustomerProfiles", sb.base_url()))
            .header("host", host)
            .header("authorization", basic(sandbox::DEMO_ACCOUNT_SID, &token))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 403, "Host {host} must be refused");
        let body: serde_json::Value = r.json().await.unwrap();
        assert_eq!(body["code"], 20403);
    }
    // Its own 127.0.0.1:port is answered.
    let r = reqwest::Client::new()
        .get(format!("{}v1/CustomerProfiles", sb.base_url()))
        .header("authorization", basic(sandbox::DEMO_ACCOUNT_SID, &token))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
}

#[tokio::test]
async fn each_launch_has_its_own_secrets_and_the_old_ones_open_nothing() {
    let (first, _) = start(Duration::from_secs(60)).await;
    let old = first.demo_credentials().unwrap();
    let old_key = first.demo_api_key().unwrap();
    drop(first);
    let (second, client) = start(Duration::from_secs(60)).await;
    for stale in [old, old_key] {
        let e = api_error(client.verify_credentials(&stale).await);
        assert_eq!((e.status, e.code), (401, Some(20003)));
    }
    client
        .verify_credentials(&second.demo_credentials().unwrap())
        .await
        .unwrap();
    assert_ne!(
        second.auth_token(sandbox::DEMO_ACCOUNT_SID),
        second.auth_token(sandbox::SECOND_ACCOUNT_SID)
    );
}

#[tokio::test]
async fn a_dropped_sandbox_closes_its_port() {
    let (sb, _) = start(Duration::from_secs(60)).await;
    let addr = format!("127.0.0.1:{}", sb.base_url().port().unwrap());
    assert!(tokio::net::TcpStream::connect(&addr).await.is_ok());
    drop(sb);
    let mut closed = false;
    for _ in 0..50 {
        if tokio::net::TcpStream::connect(&addr).await.is_err() {
            closed = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(closed, "the demo server still answers after it was left");
}

#[tokio::test]
async fn a_huge_page_number_is_400_not_a_wrap_or_a_panic() {
    let (sb, _) = start(Duration::from_secs(60)).await;
    let token = sb.auth_token(sandbox::DEMO_ACCOUNT_SID).unwrap();
    for page in [
        "18446744073709551615",
        "9223372036854775807",
        "99999999999999999999",
    ] {
        let r = reqwest::Client::new()
            .get(format!(
                "{}v1/CustomerProfiles?PageSize=1000&Page={page}",
                sb.base_url()
            ))
            .header("authorization", basic(sandbox::DEMO_ACCOUNT_SID, &token))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 400, "Page={page}");
        let body: serde_json::Value = r.json().await.unwrap();
        assert_eq!(body["code"], 20001);
    }
}

#[test]
fn the_demo_size_is_bounded_whatever_is_asked() {
    let asked = sandbox::Config {
        profiles: usize::MAX,
        subaccounts: usize::MAX,
        profiles_per_subaccount: usize::MAX,
        ..sandbox::Config::default()
    }
    .bounded();
    assert_eq!(asked.profiles, sandbox::MAX_PROFILES);
    assert_eq!(asked.subaccounts, sandbox::MAX_SUBACCOUNTS);
    assert_eq!(
        asked.profiles_per_subaccount,
        sandbox::MAX_PROFILES_PER_SUBACCOUNT
    );
}

// ---- Evaluations computed from the data, and Twilio's rules for what a profile is made of ----

use serde_json::{json, Map};
use trusthub_desk::trusthub::models::AddressUpdate;
use trusthub_desk::trusthub::objects::ObjectKind;

/// The failed requirements of a fresh evaluation, with their invalid fields.
async fn failures(
    client: &TrustHubClient,
    c: &trusthub_desk::credentials::Credentials,
    sid: &str,
) -> Vec<(String, Vec<String>)> {
    let policy = client
        .fetch_profile(c, sid)
        .await
        .unwrap()
        .policy_sid
        .unwrap();
    let e = client
        .create_evaluation(c, BundleKind::CustomerProfile, sid, &policy)
        .await
        .unwrap();
    e.results
        .unwrap()
        .into_iter()
        .filter(|r| r.passed != Some(true))
        .map(|r| {
            let fields = r
                .invalid
                .unwrap_or_default()
                .into_iter()
                .filter_map(|f| f.object_field)
                .collect();
            (r.requirement_name.unwrap(), fields)
        })
        .collect()
}

#[tokio::test]
async fn an_evaluation_follows_the_data_complete_missing_and_invalid() {
    let (sb, client) = start(Duration::from_secs(60)).await;
    let c = sb.demo_credentials().unwrap();
    // Complete: passes.
    assert!(failures(&client, &c, &profile_sid(Seeded::DRAFT_COMPLIANT))
        .await
        .is_empty());
    // Missing and invalid fields, and a missing object, each where it is.
    let broken = profile_sid(Seeded::DRAFT_NONCOMPLIANT);
    let found = failures(&client, &c, &broken).await;
    assert_eq!(
        found,
        [
            (
                "customer_profile_business_information".to_owned(),
                vec!["business_name".to_owned()]
            ),
            (
                "authorized_representative_1".to_owned(),
                vec!["phone_number".to_owned()]
            ),
            (
                "customer_profile_address".to_owned(),
                vec!["address_sids".to_owned()]
            ),
        ]
    );
    let website = failures(&client, &c, &profile_sid(Seeded::BAD_WEBSITE)).await;
    assert_eq!(website[0].1, ["business_industry", "website_url"]);
    let nobody = failures(&client, &c, &profile_sid(Seeded::NO_REPRESENTATIVE)).await;
    assert_eq!(nobody, [("authorized_representative_1".to_owned(), vec![])]);

    // Fixing the data fixes the evaluation: the rep's phone, then the business name...
    let assignments = client
        .list_entity_assignments(&c, BundleKind::CustomerProfile, &broken)
        .await
        .unwrap()
        .records;
    let it: Vec<String> = assignments
        .iter()
        .filter_map(|a| a.object_sid.clone())
        .filter(|s| s.starts_with("IT"))
        .collect();
    for sid in &it {
        let user = client.fetch_end_user(&c, sid).await.unwrap();
        let mut attributes = map(user.attributes.unwrap());
        if user.kind.as_deref() == Some("customer_profile_business_information") {
            attributes.insert("business_name".into(), json!("Blue Harbor Bakery"));
        } else {
            attributes.insert("phone_number".into(), json!("+14155550100"));
        }
        client
            .update_object(&c, ObjectKind::EndUser, sid, None, &attributes)
            .await
            .unwrap();
    }
    // ...then an address document naming one of the account's addresses.
    let address = client.list_addresses(&c).await.unwrap().records[0]
        .sid
        .clone()
        .unwrap();
    let doc = client
        .create_object(
            &c,
            ObjectKind::SupportingDocument,
            "customer_profile_address",
            "Office",
            &map(json!({"address_sids": [address]})),
        )
        .await
        .unwrap();
    client
        .assign_entity(
            &c,
            BundleKind::CustomerProfile,
            &broken,
            doc.sid.as_deref().unwrap(),
        )
        .await
        .unwrap();
    assert!(
        failures(&client, &c, &broken).await.is_empty(),
        "compliant once fixed"
    );
}

#[tokio::test]
async fn what_twilio_refuses_the_sandbox_refuses() {
    let (sb, client) = start(Duration::from_secs(60)).await;
    let c = sb.demo_credentials().unwrap();
    // An unknown type.
    let e = api_error(
        client
            .create_object(&c, ObjectKind::EndUser, "no_such_type", "X", &Map::new())
            .await,
    );
    assert_eq!((e.status, e.code), (400, Some(20001)));
    // Attributes that are not a JSON object (the client never sends that: a raw request).
    let token = sb.auth_token(sandbox::DEMO_ACCOUNT_SID).unwrap();
    let r = reqwest::Client::new()
        .post(format!("{}v1/EndUsers", sb.base_url()))
        .header("authorization", basic(sandbox::DEMO_ACCOUNT_SID, &token))
        .form(&[
            ("FriendlyName", "X"),
            ("Type", "authorized_representative_1"),
            ("Attributes", "[1, 2]"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 400);
    // An address's country does not change.
    let ad = client.list_addresses(&c).await.unwrap().records[0]
        .sid
        .clone()
        .unwrap();
    let r = reqwest::Client::new()
        .post(format!(
            "{}2010-04-01/Accounts/{}/Addresses/{ad}.json",
            sb.base_url(),
            sandbox::DEMO_ACCOUNT_SID
        ))
        .header("authorization", basic(sandbox::DEMO_ACCOUNT_SID, &token))
        .form(&[("IsoCountry", "CA")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 400);
    let fixed = client
        .update_address(
            &c,
            &ad,
            &AddressUpdate {
                street: Some("9 Elm Street".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(fixed.street.as_deref(), Some("9 Elm Street"));
    // A profile in review keeps its assignments, and what is assigned to it.
    let in_review = profile_sid(Seeded::IN_REVIEW);
    let assignment = client
        .list_entity_assignments(&c, BundleKind::CustomerProfile, &in_review)
        .await
        .unwrap()
        .records[0]
        .clone();
    let e = api_error(
        client
            .unassign_entity(
                &c,
                BundleKind::CustomerProfile,
                &in_review,
                assignment.sid.as_deref().unwrap(),
            )
            .await,
    );
    assert_eq!(e.code, Some(60711));
    let e = api_error(
        client
            .update_object(
                &c,
                ObjectKind::EndUser,
                assignment.object_sid.as_deref().unwrap(),
                None,
                &Map::new(),
            )
            .await,
    );
    assert_eq!(e.code, Some(60711));
    // Something still assigned cannot be deleted.
    let e = api_error(
        client
            .delete_object(
                &c,
                ObjectKind::EndUser,
                assignment.object_sid.as_deref().unwrap(),
            )
            .await,
    );
    assert_eq!(e.status, 400);
    // A classic-API path of another account is not reachable.
    let r = reqwest::Client::new()
        .get(format!(
            "{}2010-04-01/Accounts/{}/Addresses.json",
            sb.base_url(),
            sandbox::SECOND_ACCOUNT_SID
        ))
        .header("authorization", basic(sandbox::DEMO_ACCOUNT_SID, &token))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 404);
}

/// What a requirement's evaluation says: passed, or its error code.
async fn verdict(
    client: &TrustHubClient,
    c: &trusthub_desk::credentials::Credentials,
    kind: BundleKind,
    sid: &str,
    policy: &str,
    requirement: &str,
) -> Option<i64> {
    let e = client
        .create_evaluation(c, kind, sid, policy)
        .await
        .unwrap();
    let r = e
        .results
        .unwrap()
        .into_iter()
        .find(|r| r.requirement_name.as_deref() == Some(requirement))
        .unwrap_or_else(|| panic!("{requirement} is evaluated"));
    if r.passed == Some(true) {
        None
    } else {
        Some(r.error_code.expect("a failure has a code"))
    }
}

#[tokio::test]
async fn drafts_are_created_and_deleted_by_twilios_rules() {
    use trusthub_desk::sandbox::catalog;
    use trusthub_desk::trusthub::models::NewBundle;
    let (sb, client) = start(Duration::from_secs(60)).await;
    let c = sb.demo_credentials().unwrap();
    let new = |policy: &str| NewBundle {
        friendly_name: "Harbor Light Studio".into(),
        email: "ops@harbor.example".into(),
        policy_sid: policy.to_owned(),
        status_callback: None,
    };
    // A primary profile is made only in the Console; a trust product's policy is not a
    // profile's.
    let e = api_error(
        client
            .create_bundle(
                &c,
                BundleKind::CustomerProfile,
                &new(&catalog::primary_policy()),
            )
            .await,
    );
    assert_eq!((e.status, e.code), (400, Some(22222)));
    let e = api_error(
        client
            .create_bundle(
                &c,
                BundleKind::CustomerProfile,
                &new(&catalog::a2p_policy()),
            )
            .await,
    );
    assert_eq!((e.status, e.code), (400, Some(20001)));
    assert!(e.message.contains("PolicySid"), "{}", e.message);
    let e = api_error(
        client
            .create_bundle(
                &c,
                BundleKind::TrustProduct,
                &new(catalog::SECONDARY_POLICY),
            )
            .await,
    );
    assert!(e.message.contains("is not a policy for a"), "{}", e.message);

    // A new draft can be deleted; then it is gone.
    let made = client
        .create_bundle(
            &c,
            BundleKind::CustomerProfile,
            &new(catalog::SECONDARY_POLICY),
        )
        .await
        .unwrap();
    assert_eq!(made.status.as_deref(), Some("draft"));
    let sid = made.sid.unwrap();
    client
        .delete_bundle(&c, BundleKind::CustomerProfile, &sid)
        .await
        .unwrap();
    let e = api_error(client.fetch_profile(&c, &sid).await);
    assert_eq!(e.status, 404);
    // In review or approved: refused, and still there.
    for kept in [Seeded::IN_REVIEW, Seeded::APPROVED] {
        let e = api_error(
            client
                .delete_bundle(&c, BundleKind::CustomerProfile, &profile_sid(kept))
                .await,
        );
        assert_eq!((e.status, e.code), (400, Some(22223)));
        client.fetch_profile(&c, &profile_sid(kept)).await.unwrap();
    }
    // An address a document names stays; a record nothing uses goes.
    let doc = client
        .list_supporting_documents(&c)
        .await
        .unwrap()
        .records
        .into_iter()
        .find(|d| d.kind.as_deref() == Some("customer_profile_address"))
        .unwrap();
    let named = trusthub_desk::trusthub::requirements::address_sids(doc.attributes.as_ref());
    let e = api_error(client.delete_address(&c, &named[0]).await);
    assert_eq!(e.status, 400);
    let lone = client
        .create_object(
            &c,
            ObjectKind::EndUser,
            "authorized_representative_1",
            "Sam Lee",
            &map(json!({"first_name": "Sam"})),
        )
        .await
        .unwrap();
    client
        .delete_object(&c, ObjectKind::EndUser, lone.sid.as_deref().unwrap())
        .await
        .unwrap();
}

#[tokio::test]
async fn a_secondary_needs_an_isv_primary_and_a_trust_product_a_profile_on_its_way() {
    use trusthub_desk::sandbox::{catalog, trust_product_sid};
    use trusthub_desk::trusthub::models::NewBundle;
    let (sb, client) = start(Duration::from_secs(60)).await;
    let c = sb.demo_credentials().unwrap();
    let draft = |kind, policy: &str| {
        let client = &client;
        let c = &c;
        let input = NewBundle {
            friendly_name: "Harbor Light Studio".into(),
            email: "ops@harbor.example".into(),
            policy_sid: policy.to_owned(),
            status_callback: None,
        };
        async move {
            client
                .create_bundle(c, kind, &input)
                .await
                .unwrap()
                .sid
                .unwrap()
        }
    };
    const PRIMARY: &str = "primary_customer_profile";
    let secondary = draft(BundleKind::CustomerProfile, catalog::SECONDARY_POLICY).await;
    let policy = catalog::SECONDARY_POLICY;
    let cp = BundleKind::CustomerProfile;
    assert_eq!(
        verdict(&client, &c, cp, &secondary, policy, PRIMARY).await,
        Some(22214),
        "nothing linked yet"
    );
    // Linked to a profile that is not approved: refused as such.
    client
        .assign_entity(&c, cp, &secondary, &profile_sid(Seeded::IN_REVIEW))
        .await
        .unwrap();
    let not_approved = verdict(&client, &c, cp, &secondary, policy, PRIMARY).await;
    assert_eq!(not_approved, Some(22218));
    // Linked to the approved primary, an ISV reseller: passes.
    let other = draft(BundleKind::CustomerProfile, catalog::SECONDARY_POLICY).await;
    client
        .assign_entity(&c, cp, &other, &profile_sid(Seeded::APPROVED))
        .await
        .unwrap();
    assert_eq!(
        verdict(&client, &c, cp, &other, policy, PRIMARY).await,
        None
    );
    // Linked to an approved profile that serves only itself: Twilio's 22219.
    let direct = client
        .list_bundles_page(
            &c,
            cp,
            &ProfileFilter {
                status: Some(ProfileStatus::TwilioApproved),
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap()
        .records
        .into_iter()
        .filter_map(|p| p.sid)
        .find(|s| *s != profile_sid(Seeded::APPROVED))
        .expect("an approved profile of a direct customer");
    let third = draft(BundleKind::CustomerProfile, catalog::SECONDARY_POLICY).await;
    client.assign_entity(&c, cp, &third, &direct).await.unwrap();
    assert_eq!(
        verdict(&client, &c, cp, &third, policy, PRIMARY).await,
        Some(22219)
    );

    // A trust product needs a profile that is approved or on its way to it.
    let tp = BundleKind::TrustProduct;
    let a2p = catalog::a2p_policy();
    let product = draft(tp, &a2p).await;
    client
        .assign_entity(&c, tp, &product, &profile_sid(Seeded::DRAFT_COMPLIANT))
        .await
        .unwrap();
    assert_eq!(
        verdict(&client, &c, tp, &product, &a2p, "customer_profile").await,
        not_approved
    );
    let next = draft(tp, &a2p).await;
    client
        .assign_entity(&c, tp, &next, &profile_sid(Seeded::IN_REVIEW))
        .await
        .unwrap();
    assert_eq!(
        verdict(&client, &c, tp, &next, &a2p, "customer_profile").await,
        None
    );
    // The seeded ones: an approved A2P profile and a CNAM draft.
    let seeded = client
        .fetch_bundle(&c, tp, &trust_product_sid(Seeded::TRUST_PRODUCT_APPROVED))
        .await
        .unwrap();
    assert_eq!(seeded.status.as_deref(), Some("twilio-approved"));
    assert_eq!(seeded.policy_sid.as_deref(), Some(a2p.as_str()));
    let started = client
        .fetch_bundle(&c, tp, &trust_product_sid(Seeded::TRUST_PRODUCT_DRAFT))
        .await
        .unwrap();
    assert_eq!(started.status.as_deref(), Some("draft"));
    assert_eq!(started.policy_sid, Some(catalog::cnam_policy()));
}

/// Phone numbers as Twilio takes them: on an approved profile (that is what approval is
/// for), never on one under review, on one Customer-Profile at most, and on a voice Trust
/// Product (here CNAM) only once on the product's Customer-Profile; the app's plan, applied
/// to the demo, goes through in that order.
#[tokio::test]
async fn numbers_go_on_approved_profiles_and_on_a_voice_product_only_after_its_profile() {
    use std::collections::HashSet;
    use trusthub_desk::sandbox::trust_product_sid;
    use trusthub_desk::trusthub::voice_numbers::{apply, plan};
    let (sb, client) = start(Duration::from_secs(60)).await;
    let c = sb.demo_credentials().unwrap();
    let profile = profile_sid(Seeded::APPROVED);
    let cnam = trust_product_sid(Seeded::TRUST_PRODUCT_DRAFT);
    let numbers_on = |kind, sid: String| {
        let client = &client;
        let c = &c;
        async move {
            client
                .list_channel_endpoint_assignments(c, kind, &sid)
                .await
                .unwrap()
                .records
                .into_iter()
                .filter_map(|a| a.channel_endpoint_sid)
                .collect::<HashSet<String>>()
        }
    };
    // Twilio's refusal of `number` on the bundle `sid`.
    let refused = |kind, sid: String, number: String| {
        let client = &client;
        let c = &c;
        async move { api_error(client.assign_phone_number(c, kind, &sid, &number).await) }
    };
    // A number on no profile: the approved profile takes it; the first two found, the
    // second given back to be planned.
    let on_profile = numbers_on(BundleKind::CustomerProfile, profile.clone()).await;
    let mut free = Vec::new();
    for n in client.list_phone_numbers(&c).await.unwrap().records {
        let sid = n.sid.unwrap_or_default();
        if on_profile.contains(&sid) || free.len() == 2 {
            continue;
        }
        match client
            .assign_phone_number(&c, BundleKind::CustomerProfile, &profile, &sid)
            .await
        {
            Ok(a) => free.push((sid, a.sid.unwrap())),
            Err(e) => assert_eq!(api_error(Err::<(), _>(e)).code, Some(22227)),
        }
    }
    let [(mine, _), (spare, given_back)] = <[_; 2]>::try_from(free).expect("two spare lines");
    client
        .unassign_phone_number(&c, BundleKind::CustomerProfile, &profile, &given_back)
        .await
        .unwrap();

    // No Customer-Profile on the product yet: refused, whatever the number.
    let e = refused(BundleKind::TrustProduct, cnam.clone(), mine.clone()).await;
    assert_eq!(e.status, 400);
    assert!(
        e.message.contains("Customer-Profile first"),
        "{}",
        e.message
    );
    client
        .assign_entity(&c, BundleKind::TrustProduct, &cnam, &profile)
        .await
        .unwrap();

    // Not on the product's profile: refused. On another profile: refused.
    let e = refused(BundleKind::TrustProduct, cnam.clone(), spare.clone()).await;
    assert!(
        e.message.contains("Customer-Profile first"),
        "{}",
        e.message
    );
    let e = refused(
        BundleKind::CustomerProfile,
        profile_sid(Seeded::DRAFT_COMPLIANT),
        mine.clone(),
    )
    .await;
    assert_eq!(e.code, Some(22227));
    let e = refused(
        BundleKind::CustomerProfile,
        profile_sid(Seeded::IN_REVIEW),
        spare.clone(),
    )
    .await;
    assert_eq!(e.code, Some(60711), "not while under review");

    // The plan puts the spare line on the profile first, then both on the product; a
    // number on it already is refused if sent again.
    let chosen = vec![spare.clone(), mine.clone()];
    let on_profile = numbers_on(BundleKind::CustomerProfile, profile.clone()).await;
    let steps = plan(&chosen, &on_profile, &HashSet::new());
    assert_eq!(steps.len(), 3);
    let applied = apply(&client, &c, &profile, &cnam, steps, |_, _| {}).await;
    assert!(applied.failed.is_none(), "{:?}", applied.failed);
    assert_eq!(
        numbers_on(BundleKind::TrustProduct, cnam.clone()).await,
        HashSet::from([spare.clone(), mine])
    );
    let e = refused(BundleKind::TrustProduct, cnam, spare).await;
    assert_eq!(e.code, Some(22227));
}
