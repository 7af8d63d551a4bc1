//! Drafts on the wire: a retried create looks before it makes a second draft, a copy
//! assigns exactly what the original uses (and a continued copy only what is missing),
//! deleting a draft reads what it used first, and records are deleted in an order Twilio
//! accepts. Method, path, query, form body and auth header, exactly.

mod common;

use common::*;
use serde_json::{json, Value};
use trusthub_desk::commands::drafts::{self, CopyInput};
use trusthub_desk::trusthub::models::*;
use wiremock::matchers::{body_string, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const NEW: &str = "BUbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
const PRIMARY: &str = "BUcccccccccccccccccccccccccccccccc";
const OTHER: &str = "BUdddddddddddddddddddddddddddddddd";
const IT: &str = "ITaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const IT2: &str = "ITbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
const RD: &str = "RDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const AD: &str = "ADaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

fn assigned(objects: &[&str]) -> Value {
    page(
        objects
            .iter()
            .enumerate()
            .map(|(i, o)| json!({"sid": format!("BV{i:032}"), "object_sid": o}))
            .collect(),
    )
}

fn new_bundle() -> NewBundle {
    NewBundle {
        friendly_name: "Harbor Light Studio".into(),
        email: "ops@harbor.example".into(),
        policy_sid: RN.into(),
        status_callback: None,
    }
}

#[tokio::test]
async fn a_retried_create_answers_the_draft_the_failed_attempt_made_and_sends_no_second() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/CustomerProfiles"))
        .and(query_param("Status", "draft"))
        .and(query_param("FriendlyName", "Harbor Light Studio"))
        .and(query_param("PageSize", "50"))
        .and(auth())
        .respond_with(ResponseTemplate::new(200).set_body_json(page(vec![
            // Same name, another e-mail: not the one the attempt made.
            json!({"sid": OTHER, "friendly_name": "Harbor Light Studio", "email": "x@harbor.example",
                   "policy_sid": RN, "status": "draft", "date_created": "2026-11-25T10:00:00Z"}),
            json!({"sid": NEW, "friendly_name": "Harbor Light Studio", "email": "ops@harbor.example",
                   "policy_sid": RN, "status": "draft", "date_created": "2026-11-25T10:00:01Z"}),
        ])))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(&server)
        .await;
    let state = signed_in(&server.uri());
    let made = drafts::create(&state, BundleKind::CustomerProfile, &new_bundle(), true)
        .await
        .unwrap();
    assert_eq!(made.sid.as_deref(), Some(NEW));
}

#[tokio::test]
async fn a_retry_that_finds_nothing_creates_the_draft_once() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/TrustProducts"))
        .and(query_param("Status", "draft"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(vec![])))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/TrustProducts"))
        .and(auth())
        .and(body_string(form(&[
            ("FriendlyName", "Harbor Light Studio"),
            ("Email", "ops@harbor.example"),
            ("PolicySid", RN),
        ])))
        .respond_with(
            ResponseTemplate::new(201).set_body_json(json!({"sid": NEW, "status": "draft"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let state = signed_in(&server.uri());
    let made = drafts::create(&state, BundleKind::TrustProduct, &new_bundle(), true)
        .await
        .unwrap();
    assert_eq!(made.sid.as_deref(), Some(NEW));
    assert_eq!(
        wire(&server).await,
        ["GET /v1/TrustProducts", "POST /v1/TrustProducts"]
    );
}

/// The original uses an end user, a document and a primary profile. The copy's second
/// assignment is refused once: the error says the copy exists, and continuing assigns
/// only the two still missing; no second draft is made.
#[tokio::test]
async fn a_copy_assigns_what_the_original_uses_and_continuing_assigns_only_what_is_missing() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/CustomerProfiles/{BU}")))
        .and(auth())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "sid": BU, "friendly_name": "Fabrikam", "policy_sid": RN, "status": "twilio-approved"})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/CustomerProfiles/{NEW}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "sid": NEW, "friendly_name": "Fabrikam (copy)", "policy_sid": RN, "status": "draft"})))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/CustomerProfiles"))
        .and(auth())
        .and(body_string(form(&[
            ("FriendlyName", "Fabrikam (copy)"),
            ("Email", "ops@harbor.example"),
            ("PolicySid", RN),
        ])))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "sid": NEW, "friendly_name": "Fabrikam (copy)", "policy_sid": RN, "status": "draft"})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/CustomerProfiles/{BU}/EntityAssignments")))
        .respond_with(ResponseTemplate::new(200).set_body_json(assigned(&[IT, RD, PRIMARY])))
        .mount(&server)
        .await;
    // The copy has nothing at first, then the end user the first run assigned.
    Mock::given(method("GET"))
        .and(path(format!(
            "/v1/CustomerProfiles/{NEW}/EntityAssignments"
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(assigned(&[])))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/v1/CustomerProfiles/{NEW}/EntityAssignments"
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(assigned(&[IT])))
        .mount(&server)
        .await;
    let to_copy = format!("/v1/CustomerProfiles/{NEW}/EntityAssignments");
    Mock::given(method("POST"))
        .and(path(&to_copy))
        .and(body_string(form(&[("ObjectSid", RD)])))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "code": 20001, "message": "Something went wrong", "status": 400})))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    for object in [IT, RD, PRIMARY] {
        Mock::given(method("POST"))
            .and(path(&to_copy))
            .and(auth())
            .and(body_string(form(&[("ObjectSid", object)])))
            .respond_with(
                ResponseTemplate::new(201)
                    .set_body_json(json!({"sid": "BVx", "object_sid": object})),
            )
            .expect(1)
            .mount(&server)
            .await;
    }
    let state = signed_in(&server.uri());
    let input = CopyInput {
        friendly_name: "Fabrikam (copy)".into(),
        email: "ops@harbor.example".into(),
        into: None,
        retry: None,
    };
    let stopped = drafts::copy(&state, BundleKind::CustomerProfile, BU, &input)
        .await
        .unwrap_err();
    let partial = stopped
        .partial
        .as_ref()
        .expect("the copy that exists is said");
    assert_eq!(partial.sid, NEW);
    assert_eq!(partial.state, "copying");
    assert!(
        stopped.message.starts_with(
            "“Fabrikam (copy)” was created, but copying what the original uses stopped:"
        ),
        "{}",
        stopped.message
    );

    let go_on = CopyInput {
        into: Some(NEW.into()),
        ..input
    };
    let copied = drafts::copy(&state, BundleKind::CustomerProfile, BU, &go_on)
        .await
        .unwrap();
    assert_eq!(copied.profile.sid.as_deref(), Some(NEW));
    assert_eq!(copied.parts, 3);
    let posts: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.method.as_str() == "POST")
        .map(|r| format!("{} {}", r.url.path(), String::from_utf8_lossy(&r.body)))
        .collect();
    assert_eq!(
        posts,
        [
            "/v1/CustomerProfiles FriendlyName=Fabrikam+%28copy%29&Email=ops%40harbor.example&PolicySid=RNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".to_owned(),
            format!("{to_copy} ObjectSid={IT}"),
            format!("{to_copy} ObjectSid={RD}"),
            format!("{to_copy} ObjectSid={RD}"),
            format!("{to_copy} ObjectSid={PRIMARY}"),
        ]
    );
}

#[tokio::test]
async fn a_copy_is_not_continued_into_a_profile_that_is_no_longer_a_draft() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/CustomerProfiles/{BU}")))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"sid": BU, "policy_sid": RN, "status": "twilio-approved"})),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/CustomerProfiles/{NEW}")))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"sid": NEW, "policy_sid": RN, "status": "in-review"})),
        )
        .mount(&server)
        .await;
    let state = signed_in(&server.uri());
    let input = CopyInput {
        friendly_name: "Fabrikam (copy)".into(),
        email: "ops@harbor.example".into(),
        into: Some(NEW.into()),
        retry: None,
    };
    let e = drafts::copy(&state, BundleKind::CustomerProfile, BU, &input)
        .await
        .unwrap_err();
    assert!(e.message.contains("no longer a draft"), "{}", e.message);
    assert!(wire(&server).await.iter().all(|r| r.starts_with("GET ")));
}

/// The profile as Twilio holds it now, answered for `sid` with `status`.
async fn holds(server: &MockServer, sid: &str, status: &str) {
    Mock::given(method("GET"))
        .and(path(format!("/v1/CustomerProfiles/{sid}")))
        .and(auth())
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"sid": sid, "account_sid": AC, "policy_sid": RN, "status": status}),
        ))
        .mount(server)
        .await;
}

/// A draft is read again before it is deleted (the window's view may be old), its
/// assignments are read before it goes (Twilio no longer says after); then every profile
/// and trust product is read to see what else uses its records.
#[tokio::test]
async fn deleting_a_draft_says_which_of_its_records_nothing_else_uses() {
    let server = MockServer::start().await;
    holds(&server, NEW, "draft").await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/v1/CustomerProfiles/{NEW}/EntityAssignments"
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(assigned(&[IT, IT2, PRIMARY])))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("/v1/CustomerProfiles/{NEW}")))
        .and(auth())
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    for (sid, name) in [(IT, "Fabrikam business"), (IT2, "Sam Lee")] {
        Mock::given(method("GET"))
            .and(path(format!("/v1/EndUsers/{sid}")))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "sid": sid, "friendly_name": name, "type": "customer_profile_business_information"})))
            .mount(&server)
            .await;
    }
    Mock::given(method("GET"))
        .and(path("/v1/CustomerProfiles"))
        .and(query_param("PageSize", "50"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(vec![
            json!({"sid": OTHER, "friendly_name": "Other profile", "status": "draft"}),
        ])))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/TrustProducts"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(vec![])))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/v1/CustomerProfiles/{OTHER}/EntityAssignments"
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(assigned(&[IT])))
        .mount(&server)
        .await;
    let state = signed_in(&server.uri());
    let left = drafts::delete_draft(&state, BundleKind::CustomerProfile, NEW)
        .await
        .unwrap();
    let requests = wire(&server).await;
    assert_eq!(
        requests[..3],
        [
            format!("GET /v1/CustomerProfiles/{NEW}"),
            format!("GET /v1/CustomerProfiles/{NEW}/EntityAssignments"),
            format!("DELETE /v1/CustomerProfiles/{NEW}"),
        ]
    );
    assert!(left.complete);
    // The primary profile it linked to is not a record to delete.
    let seen: Vec<(&str, Option<&str>, usize)> = left
        .records
        .iter()
        .map(|r| (r.sid.as_str(), r.name.as_deref(), r.used_by.len()))
        .collect();
    assert_eq!(
        seen,
        [
            (IT, Some("Fabrikam business"), 1),
            (IT2, Some("Sam Lee"), 0)
        ]
    );
    assert_eq!(left.records[0].used_by[0].sid, OTHER);
    assert_eq!(left.records[0].used_by[0].what, "customer-profile");
}

/// If one list cannot be read, nothing is called unused: a record that looks unused
/// might be used by what could not be read.
#[tokio::test]
async fn usage_is_incomplete_when_a_list_cannot_be_read() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/EndUsers/{IT2}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"sid": IT2})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/CustomerProfiles"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(vec![])))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/TrustProducts"))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({
            "code": 20403, "message": "Forbidden", "status": 403})))
        .mount(&server)
        .await;
    let state = signed_in(&server.uri());
    let left = drafts::usage_now(&state, &[IT2.to_owned()]).await.unwrap();
    assert!(!left.complete);
    assert_eq!(left.records.len(), 1);
}

/// End users and documents go before the addresses their documents may name; a refusal
/// is said for that record and the rest go on; a SID chosen twice is deleted once.
#[tokio::test]
async fn records_are_deleted_end_users_and_documents_first_and_one_refusal_stops_nothing() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path(format!("/v1/EndUsers/{IT}")))
        .and(auth())
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("/v1/SupportingDocuments/{RD}")))
        .and(auth())
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "code": 20001, "message": "Document is assigned", "status": 400})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!(
            "/2010-04-01/Accounts/{AC}/Addresses/{AD}.json"
        )))
        .and(auth())
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let state = signed_in(&server.uri());
    let sids = [AD, IT, RD, IT].map(str::to_owned).to_vec();
    let done = drafts::delete_all(&state, sids).await.unwrap();
    assert_eq!(
        wire(&server).await,
        [
            format!("DELETE /v1/EndUsers/{IT}"),
            format!("DELETE /v1/SupportingDocuments/{RD}"),
            format!("DELETE /2010-04-01/Accounts/{AC}/Addresses/{AD}.json"),
        ]
    );
    let results: Vec<(&str, bool)> = done.iter().map(|d| (d.sid.as_str(), d.deleted)).collect();
    assert_eq!(results, [(IT, true), (RD, false), (AD, true)]);
    assert_eq!(
        done[1].message.as_deref(),
        Some("Twilio did not delete this record: a profile or Trust Product still uses it. Remove it from there first.")
    );
}

/// A profile in review is not offered for deleting; if Twilio refuses anyway (it changed
/// meanwhile), the refusal says why in plain words and keeps Twilio's own.
#[tokio::test]
async fn a_refused_delete_is_explained() {
    let server = MockServer::start().await;
    holds(&server, NEW, "twilio-rejected").await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/v1/CustomerProfiles/{NEW}/EntityAssignments"
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(assigned(&[])))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!("/v1/CustomerProfiles/{NEW}")))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "code": 22223, "message": "Customer Profile can't be deleted while its status is in-review", "status": 400})))
        .expect(1)
        .mount(&server)
        .await;
    let state = signed_in(&server.uri());
    let e = drafts::delete_draft(&state, BundleKind::CustomerProfile, NEW)
        .await
        .unwrap_err();
    assert!(
        e.message.starts_with(
            "Twilio did not delete this profile. Only a draft or a rejected profile can be deleted"
        ),
        "{}",
        e.message
    );
    assert_eq!(
        e.detail.as_deref(),
        Some("Customer Profile can't be deleted while its status is in-review")
    );
}

/// The window showed a draft, but a colleague submitted it since (Twilio approved it): the
/// profile is read again first, and nothing is deleted: no DELETE is sent.
#[tokio::test]
async fn a_profile_approved_since_the_window_showed_it_is_not_deleted() {
    let server = MockServer::start().await;
    holds(&server, NEW, "twilio-approved").await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(204))
        .expect(0)
        .mount(&server)
        .await;
    let state = signed_in(&server.uri());
    let e = drafts::delete_draft(&state, BundleKind::CustomerProfile, NEW)
        .await
        .unwrap_err();
    assert_eq!(
        e.message,
        "Nothing was deleted: this profile is “Approved by Twilio” now, and Twilio keeps it once it is submitted. It may have been submitted since you opened it: press Refresh to see it as it is."
    );
    assert_eq!(
        wire(&server).await,
        [format!("GET /v1/CustomerProfiles/{NEW}")]
    );
}

/// An address a phone number of the account is registered with is in use, whatever the
/// profiles and documents say; and a profile whose assignments came cut short proves
/// nothing about what it uses: the answer is then incomplete.
#[tokio::test]
async fn an_address_a_phone_number_uses_is_in_use_and_a_cut_short_list_is_incomplete() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/SupportingDocuments/{RD}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "sid": RD, "account_sid": AC, "friendly_name": "Fabrikam address",
            "type": "customer_profile_address", "attributes": {"address_sids": [AD]}})))
        .mount(&server)
        .await;
    for collection in ["CustomerProfiles", "TrustProducts"] {
        Mock::given(method("GET"))
            .and(path(format!("/v1/{collection}")))
            .respond_with(ResponseTemplate::new(200).set_body_json(page(vec![])))
            .mount(&server)
            .await;
    }
    Mock::given(method("GET"))
        .and(path("/v1/SupportingDocuments"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(vec![])))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/2010-04-01/Accounts/{AC}/Addresses.json")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "addresses": [{"sid": AD, "account_sid": AC, "street": "1 Harbor Way", "city": "Oakland"}],
            "next_page_uri": null})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/2010-04-01/Accounts/{AC}/IncomingPhoneNumbers.json")))
        .and(auth())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "incoming_phone_numbers": [
                {"sid": "PN11111111111111111111111111111111", "account_sid": AC, "phone_number": "+14155550100", "address_sid": AD},
                {"sid": "PN22222222222222222222222222222222", "account_sid": AC, "phone_number": "+14155550101", "address_sid": null}],
            "next_page_uri": null})))
        .expect(1)
        .mount(&server)
        .await;
    let state = signed_in(&server.uri());
    let left = drafts::usage_now(&state, &[RD.to_owned()]).await.unwrap();
    assert!(left.complete);
    let address = left.records.iter().find(|r| r.sid == AD).unwrap();
    assert_eq!(address.used_by.len(), 1, "{address:?}");
    assert_eq!(address.used_by[0].what, "phone-number");
    assert_eq!(address.used_by[0].name.as_deref(), Some("+14155550100"));
    let document = left.records.iter().find(|r| r.sid == RD).unwrap();
    assert!(document.used_by.is_empty());

    // The same, but a profile's assignments come a page at a time without end: cut short.
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/EndUsers/{IT2}")))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"sid": IT2, "account_sid": AC})),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/CustomerProfiles"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(vec![
            json!({"sid": OTHER, "account_sid": AC, "friendly_name": "Other profile", "status": "draft"}),
        ])))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/TrustProducts"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(vec![])))
        .mount(&server)
        .await;
    let endless = format!(
        "{}/v1/CustomerProfiles/{OTHER}/EntityAssignments?Page=again",
        server.uri()
    );
    Mock::given(method("GET"))
        .and(path(format!(
            "/v1/CustomerProfiles/{OTHER}/EntityAssignments"
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "results": [], "meta": {"key": "results", "next_page_url": endless}})))
        .mount(&server)
        .await;
    let state = signed_in(&server.uri());
    let left = drafts::usage_now(&state, &[IT2.to_owned()]).await.unwrap();
    assert!(!left.complete, "a list cut short proves nothing unused");
}

/// A record whose creation seemed to fail (the answer was lost) is found on the retry by its
/// type, name and exact fields, and only assigned: no second record is made.
#[tokio::test]
async fn a_retried_add_finds_the_record_the_failed_attempt_made_and_only_assigns_it() {
    use trusthub_desk::commands::objects::{self, AssignTo, NewObject};
    use trusthub_desk::trusthub::objects::ObjectKind;
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/EndUserTypes/authorized_representative_1"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/EndUsers"))
        .and(auth())
        .respond_with(ResponseTemplate::new(200).set_body_json(page(vec![
            // Same name, another phone: not it.
            json!({"sid": IT, "type": "authorized_representative_1", "friendly_name": "Sam Lee",
                   "attributes": {"first_name": "Sam", "phone_number": "+14155550199"}}),
            json!({"sid": IT2, "type": "authorized_representative_1", "friendly_name": "Sam Lee",
                   "attributes": {"first_name": "Sam", "phone_number": "+14155550100"}}),
        ])))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/v1/CustomerProfiles/{NEW}/EntityAssignments"
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(assigned(&[])))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!(
            "/v1/CustomerProfiles/{NEW}/EntityAssignments"
        )))
        .and(auth())
        .and(body_string(form(&[("ObjectSid", IT2)])))
        .respond_with(
            ResponseTemplate::new(201).set_body_json(json!({"sid": "BVnew", "object_sid": IT2})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/EndUsers"))
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(&server)
        .await;
    let state = signed_in(&server.uri());
    let attributes = serde_json::Map::from_iter([
        ("first_name".to_owned(), json!("Sam")),
        // Typed with spaces; checked (and so compared) in international form.
        ("phone_number".to_owned(), json!("+1 415 555 0100")),
    ]);
    let new = NewObject {
        kind: ObjectKind::EndUser,
        type_name: "authorized_representative_1",
        friendly_name: "Sam Lee",
        attributes: &attributes,
    };
    let target = AssignTo {
        kind: Some(BundleKind::CustomerProfile),
        sid: NEW.into(),
    };
    let made = objects::create_once(&state, &new, Some(&target), true)
        .await
        .unwrap();
    assert_eq!(made.object.sid.as_deref(), Some(IT2));
    assert_eq!(
        made.assignment.and_then(|a| a.object_sid).as_deref(),
        Some(IT2)
    );
}
