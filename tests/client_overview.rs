//! The overview on the wire: a main account's subaccounts listed with the main account's
//! Auth Token, each subaccount read with its own SID and token (never the main token), a
//! record naming another account refused, and an API key refused before anything is sent.

mod common;

use common::*;
use serde_json::{json, Value};
use trusthub_desk::credentials::Credentials;
use trusthub_desk::trusthub::models::BundleKind;
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const SUB1: &str = "AC11111111111111111111111111111111";
const SUB2: &str = "AC22222222222222222222222222222222";
const OTHER_OWNER: &str = "AC99999999999999999999999999999999";

fn bundle(sid: &str, account: &str, status: &str) -> Value {
    json!({"sid": sid, "account_sid": account, "friendly_name": format!("Profile {sid}"),
           "status": status, "date_updated": "2026-11-01T10:00:00Z", "valid_until": null,
           "errors": if status == "twilio-rejected" { json!([{"code": 18601}, {"code": 18603}]) } else { Value::Null }})
}

/// Each account's two lists, answered only to that account's own Basic credentials.
async fn lists_for(server: &MockServer, account: &str, token: &str, answer_as: &str, n: usize) {
    for (collection, prefix) in [("CustomerProfiles", "BU"), ("TrustProducts", "BU")] {
        let records = (0..n)
            .map(|i| {
                let sid = format!("{prefix}{:0>32}", format!("{}{i}", &account[2..6]));
                let status = if i == 0 { "twilio-rejected" } else { "draft" };
                bundle(&sid, answer_as, status)
            })
            .collect();
        Mock::given(method("GET"))
            .and(path(format!("/v1/{collection}")))
            .and(header("authorization", basic(account, token).as_str()))
            .respond_with(ResponseTemplate::new(200).set_body_json(page(records)))
            .mount(server)
            .await;
    }
}

#[tokio::test]
async fn subaccounts_are_listed_with_the_main_token_and_read_with_their_own() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/2010-04-01/Accounts.json"))
        .and(query_param("PageSize", "50"))
        .and(auth())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "accounts": [
                {"sid": AC, "friendly_name": "Main", "status": "active", "auth_token": TOKEN, "owner_account_sid": AC},
                {"sid": SUB1, "friendly_name": "Client one", "status": "active", "auth_token": "token-one", "owner_account_sid": AC},
                {"sid": SUB2, "friendly_name": "Client two", "status": "suspended", "auth_token": "token-two", "owner_account_sid": AC},
                {"sid": OTHER_OWNER, "friendly_name": "Not ours", "status": "active", "auth_token": "token-x", "owner_account_sid": SUB1},
            ],
            "next_page_uri": null, "page": 0, "page_size": 50, "uri": "/2010-04-01/Accounts.json",
        })))
        .expect(1)
        .mount(&server)
        .await;
    lists_for(&server, AC, TOKEN, AC, 2).await;
    lists_for(&server, SUB1, "token-one", SUB1, 3).await;
    let client = client_for(&server.uri());

    let subs = client.list_subaccounts(&token_credentials()).await.unwrap();
    let sids: Vec<&str> = subs.iter().map(|s| s.sid.as_str()).collect();
    assert_eq!(
        sids,
        [SUB1, SUB2],
        "not the main account, not another owner's"
    );
    assert_eq!(subs[1].status.as_deref(), Some("suspended"));

    let mut progress = Vec::new();
    let parts = client
        .account_parts(
            vec![token_credentials(), subs[0].credentials().unwrap()],
            |done| progress.push(done),
        )
        .await;
    assert_eq!(progress, [1, 2]);
    let main = parts[0].as_ref().unwrap();
    assert_eq!(main.account_sid, AC);
    assert_eq!(main.rows.len(), 4, "two profiles and two trust products");
    let sub = parts[1].as_ref().unwrap();
    assert_eq!(sub.account_sid, SUB1);
    assert_eq!(sub.rows.len(), 6);
    assert!(sub.rows.iter().all(|r| r.account_sid == SUB1));
    assert_eq!(sub.rows[0].kind, BundleKind::CustomerProfile);
    assert_eq!(sub.rows[0].reasons, 2);
    assert_eq!(
        sub.rows[0].first_reason,
        Some(18601),
        "the first reason's code, for the row to say it in words"
    );
    assert_eq!(sub.rows[3].kind, BundleKind::TrustProduct);

    // On the wire: the Accounts list with the main token; each account's lists with its own.
    let seen: Vec<(String, String)> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| {
            (
                format!("{} {}", r.method, r.url.path()),
                r.headers["authorization"].to_str().unwrap().to_owned(),
            )
        })
        .collect();
    let main_auth = basic(AC, TOKEN);
    let sub_auth = basic(SUB1, "token-one");
    assert_eq!(seen.len(), 5, "{seen:?}");
    assert_eq!(
        seen[0],
        ("GET /2010-04-01/Accounts.json".into(), main_auth.clone())
    );
    for list in ["GET /v1/CustomerProfiles", "GET /v1/TrustProducts"] {
        assert!(
            seen.contains(&(list.into(), main_auth.clone())),
            "{list} as the main account"
        );
        assert!(
            seen.contains(&(list.into(), sub_auth.clone())),
            "{list} as the subaccount"
        );
    }
    assert_eq!(
        seen.iter().filter(|(_, a)| *a == main_auth).count(),
        3,
        "the main token is sent for the main account's own requests only"
    );
}

#[tokio::test]
async fn a_record_of_another_account_is_an_error_and_the_other_accounts_go_on() {
    let server = MockServer::start().await;
    lists_for(&server, AC, TOKEN, AC, 1).await;
    // Wrong credentials would answer with another account's records: refused, not shown.
    lists_for(&server, SUB1, "token-one", AC, 2).await;
    let client = client_for(&server.uri());
    let sub = Credentials::new(SUB1, None, "token-one".into()).unwrap();
    let parts = client
        .account_parts(vec![sub, token_credentials()], |_| {})
        .await;
    let refused = parts[0].as_ref().unwrap_err().to_string();
    assert!(
        refused.contains(&format!("another account ({AC})")),
        "{refused}"
    );
    assert!(refused.contains(SUB1), "{refused}");
    assert_eq!(
        parts[1].as_ref().unwrap().rows.len(),
        2,
        "the main account is read all the same"
    );
}

#[tokio::test]
async fn an_api_key_lists_no_subaccounts_and_says_why_before_sending_anything() {
    let server = MockServer::start().await;
    let client = client_for(&server.uri());
    let e = client
        .list_subaccounts(&key_credentials())
        .await
        .unwrap_err()
        .to_string();
    assert!(e.contains("API key") && e.contains("Auth Token"), "{e}");
    assert!(server.received_requests().await.unwrap().is_empty());
}

/// Finding a phone number: each account's numbers are one list (with that account's own
/// credentials); only the account that holds the number has its records' assignments read.
#[tokio::test]
async fn a_phone_number_is_found_on_the_record_it_is_assigned_to() {
    let server = MockServer::start().await;
    let numbers = |account: &str, token: &str, list: Value| {
        Mock::given(method("GET"))
            .and(path(format!(
                "/2010-04-01/Accounts/{account}/IncomingPhoneNumbers.json"
            )))
            .and(header("authorization", basic(account, token).as_str()))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "incoming_phone_numbers": list, "next_page_uri": null,
            })))
    };
    numbers(
        AC,
        TOKEN,
        json!([{"sid": "PN00000000000000000000000000000001", "phone_number": "+14155550100"}]),
    )
    .expect(1)
    .mount(&server)
    .await;
    numbers(
        SUB1,
        "token-one",
        json!([{"sid": "PN00000000000000000000000000000002", "phone_number": "+14155550199"}]),
    )
    .expect(1)
    .mount(&server)
    .await;
    let bu1 = "BU00000000000000000000000000000001";
    let bu2 = "BU00000000000000000000000000000002";
    for (bu, pn) in [
        (bu1, "PN00000000000000000000000000000009"),
        (bu2, "PN00000000000000000000000000000001"),
    ] {
        Mock::given(method("GET"))
            .and(path(format!("/v1/CustomerProfiles/{bu}/ChannelEndpointAssignments")))
            .and(auth())
            .respond_with(ResponseTemplate::new(200).set_body_json(page(vec![json!({
                "sid": "RA00000000000000000000000000000001", "customer_profile_sid": bu,
                "account_sid": AC, "channel_endpoint_type": "phone-number", "channel_endpoint_sid": pn,
            })])))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client_for(&server.uri());
    let sub = Credentials::new(SUB1, None, "token-one".into()).unwrap();
    let bundles = vec![
        (BundleKind::CustomerProfile, bu1.to_owned()),
        (BundleKind::CustomerProfile, bu2.to_owned()),
    ];
    let found = client
        .bundles_with_number(&token_credentials(), "+14155550100", &bundles)
        .await
        .unwrap();
    assert_eq!(found, [(BundleKind::CustomerProfile, bu2.to_owned())]);
    // The subaccount does not hold it: its records' assignments are not read.
    let none = client
        .bundles_with_number(
            &sub,
            "+14155550100",
            &[(
                BundleKind::CustomerProfile,
                "BU00000000000000000000000000000003".to_owned(),
            )],
        )
        .await
        .unwrap();
    assert!(none.is_empty());
    server.verify().await;
}
