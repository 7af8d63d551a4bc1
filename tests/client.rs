//! The TrustHub client against a local mock server: the exact request on the wire,
//! and how every kind of answer is read.

mod common;

use common::*;
use serde_json::json;
use trusthub_desk::trusthub::models::BundleKind;
use trusthub_desk::trusthub::models::{ProfileStatus, ProfileUpdate};
use trusthub_desk::trusthub::TrustHubError;
use wiremock::matchers::{body_string, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn profile_path() -> String {
    format!("/v1/CustomerProfiles/{BU}")
}

#[tokio::test]
async fn update_sends_only_the_changed_fields_form_encoded_with_basic_auth() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(profile_path()))
        .and(header("content-type", "application/x-www-form-urlencoded"))
        .and(header("authorization", basic(AC, TOKEN).as_str()))
        .and(body_string(
            "FriendlyName=Acme+%26+Co.+%3D+%2B%25&Email=ops%40acme.example",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(seed_response()))
        .expect(1)
        .mount(&server)
        .await;

    let update = ProfileUpdate {
        friendly_name: Some("Acme & Co. = +%".into()),
        email: Some("ops@acme.example".into()),
        ..Default::default()
    };
    let profile = client_for(&server.uri())
        .update_profile(&token_credentials(), BU, &update)
        .await
        .unwrap();
    assert_eq!(profile.sid.as_deref(), Some(BU));
    let received = server.received_requests().await.unwrap();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].url.path(), profile_path());
    assert_eq!(received[0].url.query(), None);
}

#[tokio::test]
async fn status_alone_is_sent_in_pascal_case() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(profile_path()))
        .and(body_string("Status=pending-review"))
        .respond_with(ResponseTemplate::new(200).set_body_json(seed_response()))
        .expect(1)
        .mount(&server)
        .await;
    let update = ProfileUpdate {
        status: Some(ProfileStatus::PendingReview),
        ..Default::default()
    };
    client_for(&server.uri())
        .update_profile(&token_credentials(), BU, &update)
        .await
        .unwrap();
}

#[tokio::test]
async fn every_field_together_and_api_key_auth() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(profile_path()))
        .and(header("authorization", basic(SK, "api-key-secret").as_str()))
        .and(body_string("Status=draft&StatusCallback=https%3A%2F%2Fhooks.example.com%2Fa%3Fb%3Dc&FriendlyName=N&Email=a%40b.co"))
        .respond_with(ResponseTemplate::new(200).set_body_json(seed_response()))
        .expect(1)
        .mount(&server)
        .await;
    let update = ProfileUpdate {
        status: Some(ProfileStatus::Draft),
        status_callback: Some("https://hooks.example.com/a?b=c".into()),
        friendly_name: Some("N".into()),
        email: Some("a@b.co".into()),
    };
    client_for(&server.uri())
        .update_profile(&key_credentials(), BU, &update)
        .await
        .unwrap();
}

#[tokio::test]
async fn saving_fields_and_status_sends_fields_first_then_status_alone() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(profile_path()))
        .respond_with(ResponseTemplate::new(200).set_body_json(seed_response()))
        .expect(2)
        .mount(&server)
        .await;
    let changes = ProfileUpdate {
        status: Some(ProfileStatus::PendingReview),
        email: Some("a@b.co".into()),
        ..Default::default()
    };
    client_for(&server.uri())
        .save_profile_changes(&token_credentials(), BU, &changes)
        .await
        .unwrap();
    let bodies: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| String::from_utf8(r.body.clone()).unwrap())
        .collect();
    assert_eq!(bodies, ["Email=a%40b.co", "Status=pending-review"]);
}

#[tokio::test]
async fn bad_values_are_refused_before_anything_is_sent() {
    let server = MockServer::start().await;
    let client = client_for(&server.uri());
    let c = token_credentials();
    let cases = [
        (
            "BU123",
            ProfileUpdate {
                email: Some("a@b.co".into()),
                ..Default::default()
            },
            "sid",
        ),
        (
            BU,
            ProfileUpdate {
                email: Some("not-an-email".into()),
                ..Default::default()
            },
            "email",
        ),
        (
            BU,
            ProfileUpdate {
                status_callback: Some("example.com/hook".into()),
                ..Default::default()
            },
            "statusCallback",
        ),
        (
            BU,
            ProfileUpdate {
                friendly_name: Some("   ".into()),
                ..Default::default()
            },
            "friendlyName",
        ),
        (BU, ProfileUpdate::default(), "form"),
    ];
    for (sid, update, field) in cases {
        match client.update_profile(&c, sid, &update).await {
            Err(TrustHubError::InvalidInput(e)) => assert_eq!(e.field, field),
            other => panic!("expected a field error on {field}, got {other:?}"),
        }
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_pasted_sid_is_trimmed() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(profile_path()))
        .respond_with(ResponseTemplate::new(200).set_body_json(seed_response()))
        .expect(1)
        .mount(&server)
        .await;
    client_for(&server.uri())
        .fetch_profile(&token_credentials(), &format!("  {BU}\n"))
        .await
        .unwrap();
}

#[tokio::test]
async fn fetch_reads_every_field_of_the_seed_example() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(profile_path()))
        .and(header("authorization", basic(AC, TOKEN).as_str()))
        .and(header("accept", "application/json"))
        .respond_with(ResponseTemplate::new(200).set_body_json(seed_response()))
        .expect(1)
        .mount(&server)
        .await;
    let p = client_for(&server.uri())
        .fetch_profile(&token_credentials(), BU)
        .await
        .unwrap();
    assert_eq!(p.sid.as_deref(), Some(BU));
    assert_eq!(p.account_sid.as_deref(), Some(AC));
    assert_eq!(
        p.policy_sid.as_deref(),
        Some("RNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
    );
    assert_eq!(p.friendly_name.as_deref(), Some("friendly_name"));
    assert_eq!(p.status.as_deref(), Some("draft"));
    assert_eq!(p.valid_until, None);
    assert_eq!(p.email.as_deref(), Some("email"));
    assert_eq!(p.status_callback.as_deref(), Some("http://www.example.com"));
    assert_eq!(p.date_created.as_deref(), Some("2019-07-30T22:29:24Z"));
    assert_eq!(p.date_updated.as_deref(), Some("2019-07-31T01:09:00Z"));
    assert_eq!(
        p.url.as_deref(),
        Some("https://trusthub.twilio.com/v1/CustomerProfiles/BUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
    );
    let links = p.links.unwrap();
    assert_eq!(
        links.customer_profiles_channel_endpoint_assignment.as_deref(),
        Some("https://trusthub.twilio.com/v1/CustomerProfiles/BUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/ChannelEndpointAssignments")
    );
    assert!(links
        .customer_profiles_evaluations
        .unwrap()
        .ends_with("/Evaluations"));
    assert!(links
        .customer_profiles_entity_assignments
        .unwrap()
        .ends_with("/EntityAssignments"));
    assert_eq!(p.errors, None);
}

#[tokio::test]
async fn rejection_errors_are_read() {
    let server = MockServer::start().await;
    let mut body = seed_response();
    body["status"] = json!("twilio-rejected");
    body["errors"] = json!([{"code": 18601}, {"code": 18603}]);
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    let p = client_for(&server.uri())
        .fetch_profile(&token_credentials(), BU)
        .await
        .unwrap();
    let codes: Vec<_> = p.errors.unwrap().iter().map(|e| e.code).collect();
    assert_eq!(codes, [Some(18601), Some(18603)]);
}

#[tokio::test]
async fn twilio_classic_error_body() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({
            "code": 20404, "message": "The requested resource was not found",
            "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404
        })))
        .expect(1)
        .mount(&server)
        .await;
    match client_for(&server.uri())
        .fetch_profile(&token_credentials(), BU)
        .await
    {
        Err(TrustHubError::Api(e)) => {
            assert_eq!((e.status, e.code), (404, Some(20404)));
            assert_eq!(e.message, "The requested resource was not found");
            assert_eq!(
                e.more_info.as_deref(),
                Some("https://www.twilio.com/docs/errors/20404")
            );
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn rfc9457_problem_body() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(400)
                .insert_header("content-type", "application/problem+json")
                .set_body_json(json!({
                    "type": "https://www.twilio.com/docs/api/errors/60711",
                    "title": "Cannot update", "status": 400, "code": 60711,
                    "detail": "Customer Profile is in review and cannot be changed",
                    "instance": format!("/v1/CustomerProfiles/{BU}")
                })),
        )
        .expect(1)
        .mount(&server)
        .await;
    let update = ProfileUpdate {
        friendly_name: Some("x".into()),
        ..Default::default()
    };
    match client_for(&server.uri())
        .update_profile(&token_credentials(), BU, &update)
        .await
    {
        Err(TrustHubError::Api(e)) => {
            assert_eq!((e.status, e.code), (400, Some(60711)));
            assert_eq!(
                e.message,
                "Customer Profile is in review and cannot be changed"
            );
            assert_eq!(
                e.more_info.as_deref(),
                Some("https://www.twilio.com/docs/api/errors/60711")
            );
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_body_that_is_not_json_still_names_the_status() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(403).set_body_string("<html>Forbidden by proxy</html>"))
        .expect(1)
        .mount(&server)
        .await;
    let update = ProfileUpdate {
        friendly_name: Some("x".into()),
        ..Default::default()
    };
    let err = client_for(&server.uri())
        .update_profile(&token_credentials(), BU, &update)
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Your credentials are not allowed to do this (HTTP status 403)."
    );
}

fn eval_page(server: &str, sids: &[&str], page: u32, next: Option<u32>) -> serde_json::Value {
    list_page(server, "EntityAssignments", sids, page, next)
}

fn list_page(
    server: &str,
    list: &str,
    sids: &[&str],
    page: u32,
    next: Option<u32>,
) -> serde_json::Value {
    let url = |n: u32| {
        format!("{server}/v1/CustomerProfiles/{BU}/{list}?PageSize=50&Page={n}&PageToken=PT{n}")
    };
    json!({
        "results": sids.iter().map(|s| json!({"sid": s, "status": "compliant", "results": [], "object_sid": s})).collect::<Vec<_>>(),
        "meta": {"page": page, "page_size": 50, "first_page_url": url(0), "previous_page_url": null,
                 "url": url(page), "next_page_url": next.map(url), "key": "results"}
    })
}

#[tokio::test]
async fn lists_follow_next_page_url_across_three_pages() {
    let server = MockServer::start().await;
    let uri = server.uri();
    let list_path = format!("/v1/CustomerProfiles/{BU}/EntityAssignments");
    Mock::given(method("GET"))
        .and(path(list_path.clone()))
        .and(query_param("PageSize", "50"))
        .and(wiremock::matchers::query_param_is_missing("Page"))
        .respond_with(ResponseTemplate::new(200).set_body_json(eval_page(
            &uri,
            &["EL1", "EL2"],
            0,
            Some(1),
        )))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(list_path.clone()))
        .and(query_param("Page", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(eval_page(
            &uri,
            &["EL3"],
            1,
            Some(2),
        )))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(list_path))
        .and(query_param("Page", "2"))
        .and(header("authorization", basic(AC, TOKEN).as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(eval_page(&uri, &["EL4"], 2, None)))
        .expect(1)
        .mount(&server)
        .await;
    let all = client_for(&uri)
        .list_entity_assignments(&token_credentials(), BundleKind::CustomerProfile, BU)
        .await
        .unwrap();
    let sids: Vec<_> = all.records.iter().map(|e| e.sid.clone().unwrap()).collect();
    assert_eq!(sids, ["EL1", "EL2", "EL3", "EL4"]);
    assert_eq!(all.note, None, "the whole list, nothing left out");
}

#[tokio::test]
async fn evaluations_fetch_only_the_newest_page_and_the_next_on_request() {
    let server = MockServer::start().await;
    let uri = server.uri();
    let list_path = format!("/v1/CustomerProfiles/{BU}/Evaluations");
    Mock::given(method("GET"))
        .and(path(list_path.clone()))
        .and(query_param("PageSize", "20"))
        .and(wiremock::matchers::query_param_is_missing("Page"))
        .and(header("authorization", basic(AC, TOKEN).as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(list_page(
            &uri,
            "Evaluations",
            &["EL2", "EL1"],
            0,
            Some(1),
        )))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(list_path))
        .and(query_param("Page", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(list_page(
            &uri,
            "Evaluations",
            &["EL0"],
            1,
            None,
        )))
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&uri);
    let first = client
        .list_evaluations(&token_credentials(), BundleKind::CustomerProfile, BU, None)
        .await
        .unwrap();
    assert_eq!(first.records.len(), 2);
    let next = first.next_page_url.expect("a next page is named");
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        1,
        "only the page shown is fetched"
    );
    let older = client
        .list_evaluations(
            &token_credentials(),
            BundleKind::CustomerProfile,
            BU,
            Some(&next),
        )
        .await
        .unwrap();
    assert_eq!(older.records[0].sid.as_deref(), Some("EL0"));
    assert_eq!(older.next_page_url, None);
}

#[tokio::test]
async fn an_odd_page_number_in_meta_never_refuses_the_page() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/CustomerProfiles/{BU}/EntityAssignments")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "results": [{"sid": "BV1", "object_sid": "ITaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}],
            "meta": {"key": "results", "next_page_url": null, "page": -1, "page_size": "fifty", "url": 7}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let all = client_for(&server.uri())
        .list_entity_assignments(&token_credentials(), BundleKind::CustomerProfile, BU)
        .await
        .unwrap();
    assert_eq!(all.records.len(), 1);
}

#[tokio::test]
async fn records_are_read_from_the_key_meta_names() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/CustomerProfiles/{BU}/EntityAssignments")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "assignments": [{"sid": "BV1", "object_sid": "ITaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}],
            "meta": {"key": "assignments", "next_page_url": null}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let all = client_for(&server.uri())
        .list_entity_assignments(&token_credentials(), BundleKind::CustomerProfile, BU)
        .await
        .unwrap();
    assert_eq!(
        all.records[0].object_sid.as_deref(),
        Some("ITaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
    );
}

#[tokio::test]
async fn a_next_page_on_another_origin_is_never_followed() {
    let server = MockServer::start().await;
    let elsewhere = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(eval_page(
            &elsewhere.uri(),
            &["EL1"],
            0,
            Some(1),
        )))
        .mount(&server)
        .await;
    let err = client_for(&server.uri())
        .list_entity_assignments(&token_credentials(), BundleKind::CustomerProfile, BU)
        .await
        .unwrap_err();
    assert!(matches!(err, TrustHubError::RefusedUrl(_)), "{err:?}");
    assert!(elsewhere.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn create_evaluation_posts_the_policy() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("/v1/CustomerProfiles/{BU}/Evaluations")))
        .and(body_string(format!("PolicySid={RN}")))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"sid": "ELx", "status": "noncompliant", "results": [
            {"passed": false, "requirement_friendly_name": "Business", "failure_reason": "missing",
             "invalid": [{"friendly_name": "Business Name", "object_field": "business_name", "failure_reason": "The Business Name is missing.", "error_code": 22215}]}
        ]})))
        .expect(1)
        .mount(&server)
        .await;
    let e = client_for(&server.uri())
        .create_evaluation(&token_credentials(), BundleKind::CustomerProfile, BU, RN)
        .await
        .unwrap();
    let failed = &e.results.unwrap()[0];
    assert_eq!(failed.passed, Some(false));
    assert_eq!(failed.invalid.as_ref().unwrap()[0].error_code, Some(22215));
}

/// Saving credentials checks that they open the very account typed (the classic API's
/// account record names it), then that TrustHub answers them: a one-item list.
#[tokio::test]
async fn verify_credentials_reads_the_account_typed_then_a_one_item_list() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/2010-04-01/Accounts/{AC}.json")))
        .and(header(
            "authorization",
            basic(SK, "api-key-secret").as_str(),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"sid": AC, "friendly_name": "Acme Production", "status": "active"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/CustomerProfiles"))
        .and(query_param("PageSize", "1"))
        .and(header(
            "authorization",
            basic(SK, "api-key-secret").as_str(),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"results": [], "meta": {"key": "results", "next_page_url": null}}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let name = client_for(&server.uri())
        .verify_credentials(&key_credentials())
        .await
        .unwrap();
    assert_eq!(name.as_deref(), Some("Acme Production"));
}

/// A key of account B typed under account A's SID: the account answered is B (or none),
/// so the credentials are refused beside the Account SID, and TrustHub is never asked.
#[tokio::test]
async fn a_key_of_another_account_is_refused_before_trusthub_is_asked() {
    const B: &str = "ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    for answer in [
        ResponseTemplate::new(200).set_body_json(json!({"sid": B, "friendly_name": "Someone else"})),
        ResponseTemplate::new(404).set_body_json(json!({"code": 20404, "message": "The requested resource was not found", "status": 404})),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path(format!("/2010-04-01/Accounts/{AC}.json")))
            .respond_with(answer)
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/v1/CustomerProfiles"))
            .respond_with(ResponseTemplate::new(200).set_body_json(page(vec![])))
            .expect(0)
            .mount(&server)
            .await;
        let e = client_for(&server.uri())
            .verify_credentials(&key_credentials())
            .await
            .unwrap_err();
        let TrustHubError::InvalidInput(field) = e else {
            panic!("{e:?}")
        };
        assert_eq!(field.field, "accountSid");
        assert_eq!(
            field.message,
            format!("These credentials do not open the account {AC}: the key or token belongs to another Twilio account. Copy the Account SID from the same account as the key or token.")
        );
    }
}

/// Every list and record the client reads names the account asked for: a profile, an end
/// user or an evaluation of another account refuses the whole answer, whatever the view.
#[tokio::test]
async fn a_record_of_another_account_is_never_taken() {
    const B: &str = "ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    let server = MockServer::start().await;
    let mut theirs = seed_response();
    theirs["account_sid"] = B.into();
    Mock::given(method("GET"))
        .and(path("/v1/CustomerProfiles"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(page(vec![seed_response(), theirs.clone()])),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(profile_path()))
        .respond_with(ResponseTemplate::new(200).set_body_json(theirs))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/EndUsers/ITaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(
                json!({"sid": "ITaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "account_sid": B}),
            ),
        )
        .mount(&server)
        .await;
    let client = client_for(&server.uri());
    let c = token_credentials();
    let listed = client
        .list_profiles_page(&c, &Default::default(), None)
        .await
        .unwrap_err()
        .to_string();
    assert!(listed.contains(B) && listed.contains(AC), "{listed}");
    assert!(client.fetch_profile(&c, BU).await.is_err());
    assert!(client
        .fetch_end_user(&c, "ITaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        .await
        .is_err());
}

#[tokio::test]
async fn list_profiles_sends_the_filters() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/CustomerProfiles"))
        .and(query_param("Status", "twilio-rejected"))
        .and(query_param("FriendlyName", "Acme & Co"))
        .and(query_param("PageSize", "50"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"results": [seed_response()], "meta": {"key": "results", "next_page_url": null}})))
        .expect(1)
        .mount(&server)
        .await;
    let filter = trusthub_desk::trusthub::models::ProfileFilter {
        status: Some(ProfileStatus::TwilioRejected),
        friendly_name: Some(" Acme & Co ".into()),
        page_size: None,
    };
    let page = client_for(&server.uri())
        .list_profiles_page(&token_credentials(), &filter, None)
        .await
        .unwrap();
    assert_eq!(page.records.len(), 1);
    assert_eq!(page.next_page_url, None);
}
