//! The client against a hostile server: one test per fault. Each asserts how many
//! requests were made, the error kind the window would receive, and the time it took.

mod server;

use std::sync::Arc;
use std::time::{Duration, Instant};

use server::{Reply, Server as Hostile};
use trusthub_desk::commands::error::{ErrorKind, UiError};
use trusthub_desk::credentials::{Credentials, MemoryVault, Vault};
use trusthub_desk::state::AppState;
use trusthub_desk::trusthub::models::{CustomerProfile, ProfileUpdate};
use trusthub_desk::trusthub::{base_url, http_client_with, Limits, TrustHubClient};

const AC: &str = "AC0123456789abcdef0123456789abcdef";
const TOKEN: &str = "hostile-test-token";
const BU: &str = "BUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

/// The app's limits with the times shrunk: a stalled server costs a second per try.
const LIMITS: Limits = Limits {
    connect_timeout: Duration::from_secs(1),
    request_timeout: Duration::from_secs(1),
    retry_budget: Duration::from_secs(10),
    base_backoff: Duration::from_millis(50),
    ..Limits::TWILIO
};

fn credentials() -> Credentials {
    Credentials::new(AC, None, TOKEN.into()).unwrap()
}

fn client(base: &str) -> TrustHubClient {
    TrustHubClient::with_limits(
        http_client_with(&LIMITS).unwrap(),
        base_url::check(base).unwrap(),
        LIMITS,
    )
}

fn profile_json() -> String {
    format!(r#"{{"sid": "{BU}", "friendly_name": "Acme", "status": "draft"}}"#)
}

async fn fetch(server: &Hostile) -> (Result<CustomerProfile, UiError>, Duration) {
    let started = Instant::now();
    let result = client(&server.base)
        .fetch_profile(&credentials(), BU)
        .await
        .map_err(UiError::from);
    (result, started.elapsed())
}

async fn update(server: &Hostile) -> (Result<CustomerProfile, UiError>, Duration) {
    let started = Instant::now();
    let change = ProfileUpdate {
        friendly_name: Some("New name".into()),
        ..ProfileUpdate::default()
    };
    let result = client(&server.base)
        .update_profile(&credentials(), BU, &change)
        .await
        .map_err(UiError::from);
    (result, started.elapsed())
}

fn kind(result: &Result<CustomerProfile, UiError>) -> ErrorKind {
    result.as_ref().expect_err("the request must fail").kind
}

#[tokio::test]
async fn headers_that_never_come_time_out_and_a_get_is_tried_three_times() {
    let server = Hostile::start(|_, _| Reply::Silence).await;
    let (result, took) = fetch(&server).await;
    assert_eq!(kind(&result), ErrorKind::Timeout);
    assert_eq!(server.requests().len(), 3);
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[tokio::test]
async fn a_post_whose_answer_never_comes_is_not_sent_again() {
    let server = Hostile::start(|_, _| Reply::Silence).await;
    let (result, took) = update(&server).await;
    assert_eq!(kind(&result), ErrorKind::Timeout);
    assert_eq!(
        server.requests().len(),
        1,
        "the first POST may have been processed"
    );
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[tokio::test]
async fn a_body_that_never_ends_times_out() {
    let server = Hostile::start(|_, _| Reply::EndlessBody).await;
    let (result, took) = fetch(&server).await;
    assert_eq!(kind(&result), ErrorKind::Timeout);
    assert_eq!(server.requests().len(), 3);
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[tokio::test]
async fn a_connection_reset_mid_body_is_a_network_error() {
    let server = Hostile::start(|_, _| Reply::ResetMidBody).await;
    let (result, took) = fetch(&server).await;
    let e = result.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Network);
    assert!(e.message.contains("connection broke"), "{}", e.message);
    assert_eq!(server.requests().len(), 3, "a GET is tried again");
    assert!(took < Duration::from_secs(2), "{took:?}");

    let post = Hostile::start(|_, _| Reply::ResetMidBody).await;
    let (result, _) = update(&post).await;
    assert_eq!(kind(&result), ErrorKind::Network);
    assert_eq!(
        post.requests().len(),
        1,
        "a POST that reached the server is not"
    );
}

#[tokio::test]
async fn a_429_with_retry_after_is_waited_for_then_the_post_goes_through() {
    let server = Hostile::start(|i, _| match i {
        0 => Reply::json(
            429,
            r#"{"code": 20429, "message": "Too Many Requests", "status": 429}"#,
        )
        .header("Retry-After", "1"),
        _ => Reply::json(200, &profile_json()),
    })
    .await;
    let (result, took) = update(&server).await;
    assert_eq!(result.unwrap().friendly_name.as_deref(), Some("Acme"));
    assert_eq!(server.requests().len(), 2);
    assert!(
        took >= Duration::from_secs(1),
        "Retry-After honoured: {took:?}"
    );
    assert!(took < Duration::from_secs(3), "{took:?}");
}

#[tokio::test]
async fn a_429_without_retry_after_backs_off_and_gives_up_after_three_tries() {
    let server = Hostile::start(|_, _| {
        Reply::json(
            429,
            r#"{"code": 20429, "message": "Too Many Requests", "status": 429}"#,
        )
    })
    .await;
    let (result, took) = update(&server).await;
    let e = result.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Twilio);
    assert_eq!(e.status, Some(429));
    assert_eq!(server.requests().len(), 3);
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[tokio::test]
async fn a_429_retry_after_as_an_http_date_is_honoured() {
    let server = Hostile::start(|i, _| match i {
        0 => Reply::json(429, "{}").header(
            "Retry-After",
            httpdate::fmt_http_date(std::time::SystemTime::now() + Duration::from_secs(2)),
        ),
        _ => Reply::json(200, &profile_json()),
    })
    .await;
    let (result, took) = fetch(&server).await;
    assert!(result.is_ok());
    assert_eq!(server.requests().len(), 2);
    // An HTTP date has whole seconds: the wait is between 1 and 2 seconds.
    assert!(took >= Duration::from_millis(900), "{took:?}");
    assert!(took < Duration::from_secs(4), "{took:?}");
}

#[tokio::test]
async fn a_503_then_200_is_retried_for_a_get() {
    let server = Hostile::start(|i, _| match i {
        0 => Reply::with(503, "text/plain", "Service Unavailable"),
        _ => Reply::json(200, &profile_json()),
    })
    .await;
    let (result, took) = fetch(&server).await;
    assert_eq!(result.unwrap().sid.as_deref(), Some(BU));
    assert_eq!(server.requests().len(), 2);
    assert!(took < Duration::from_secs(1), "{took:?}");
}

#[tokio::test]
async fn a_500_on_post_is_not_retried() {
    let server = Hostile::start(|_, _| {
        Reply::json(
            500,
            r#"{"code": 20500, "message": "Internal Server Error", "status": 500}"#,
        )
    })
    .await;
    let (result, took) = update(&server).await;
    let e = result.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Twilio);
    assert_eq!(e.status, Some(500));
    assert_eq!(server.requests().len(), 1);
    assert!(took < Duration::from_secs(1), "{took:?}");
}

#[tokio::test]
async fn an_html_502_page_gives_a_clear_message_with_the_status() {
    let server = Hostile::start(|_, _| {
        Reply::with(
            502,
            "text/html",
            "<html><body><h1>502 Bad Gateway</h1></body></html>",
        )
    })
    .await;
    let (result, took) = fetch(&server).await;
    let e = result.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Twilio);
    assert_eq!(
        e.message,
        "Twilio, or something between you and Twilio, had a problem (HTTP status 502)."
    );
    assert_eq!(server.requests().len(), 3, "502 is retried for a GET");
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[tokio::test]
async fn a_200_with_invalid_json_is_named_as_such() {
    let server = Hostile::start(|_, _| Reply::json(200, r#"{"sid": "BU"#)).await;
    let (result, _) = fetch(&server).await;
    let e = result.unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnexpectedResponse);
    assert_eq!(e.status, Some(200));
    assert!(
        e.message.contains("not valid JSON (HTTP status 200)"),
        "{}",
        e.message
    );
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_200_of_the_wrong_shape_is_named_as_such() {
    let server = Hostile::start(|_, _| Reply::json(200, r#"{"sid": 42, "status": ["x"]}"#)).await;
    let (result, _) = fetch(&server).await;
    let e = result.unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnexpectedResponse);
    assert!(
        e.message.contains("did not have the shape"),
        "{}",
        e.message
    );
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_200_with_every_field_null_is_a_profile_of_nothing() {
    let nulls = r#"{"sid": null, "account_sid": null, "policy_sid": null, "friendly_name": null,
        "status": null, "valid_until": null, "email": null, "status_callback": null,
        "date_created": null, "date_updated": null, "url": null, "links": null, "errors": null}"#;
    let server = Hostile::start(move |_, _| Reply::json(200, nulls)).await;
    let (result, _) = fetch(&server).await;
    let profile = result.unwrap();
    assert_eq!(profile.sid, None);
    assert_eq!(profile.status, None);
    assert!(profile.links.is_none());
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_200_with_unknown_extra_fields_is_read() {
    let server = Hostile::start(|_, _| {
        Reply::json(
            200,
            &format!(
                r#"{{"sid": "{BU}", "friendly_name": "Acme", "status": "draft", "brand_new_field": {{"x": [1, 2]}}, "another": true}}"#
            ),
        )
    })
    .await;
    let (result, _) = fetch(&server).await;
    assert_eq!(result.unwrap().friendly_name.as_deref(), Some("Acme"));
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_20_mib_body_is_refused_not_read_into_memory() {
    let server = Hostile::start(|_, _| Reply::Flood(20 * 1024 * 1024)).await;
    let (result, took) = fetch(&server).await;
    let e = result.unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnexpectedResponse);
    assert!(e.message.contains("more than 5 MiB"), "{}", e.message);
    assert_eq!(
        server.requests().len(),
        1,
        "an oversized answer is not asked for again"
    );
    assert!(took < Duration::from_secs(2), "{took:?}");

    let declared = Hostile::start(|_, _| Reply::Full {
        status: 200,
        headers: vec![],
        body: vec![b' '; 6 * 1024 * 1024],
    })
    .await;
    let (result, _) = fetch(&declared).await;
    assert_eq!(kind(&result), ErrorKind::UnexpectedResponse);
}

#[tokio::test]
async fn a_redirect_to_another_port_is_not_followed_and_no_credentials_leave() {
    let elsewhere = Hostile::start(|_, _| Reply::json(200, &profile_json())).await;
    let target = format!("{}/v1/CustomerProfiles/{BU}", elsewhere.base);
    let server =
        Hostile::start(move |_, _| Reply::json(307, "{}").header("Location", target.clone())).await;
    let (result, took) = fetch(&server).await;
    let e = result.unwrap_err();
    assert_eq!(e.kind, ErrorKind::UnexpectedResponse);
    assert!(e.message.contains("was not followed"), "{}", e.message);
    assert_eq!(server.requests().len(), 1);
    assert!(
        server.requests()[0].header("authorization").is_some(),
        "the real server got the credentials"
    );
    let leaked: Vec<_> = elsewhere
        .requests()
        .iter()
        .filter_map(|r| r.header("authorization").map(str::to_owned))
        .collect();
    assert!(
        leaked.is_empty(),
        "credentials reached another origin: {leaked:?}"
    );
    assert_eq!(elsewhere.requests().len(), 0);
    assert!(took < Duration::from_secs(1), "{took:?}");
}

#[tokio::test]
async fn a_401_is_not_retried_and_asks_for_credentials() {
    let server = Hostile::start(|_, _| {
        Reply::json(
            401,
            r#"{"code": 20003, "message": "Authenticate", "status": 401}"#,
        )
    })
    .await;
    let (result, _) = fetch(&server).await;
    let e = result.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unauthorized);
    assert_eq!(e.code, Some(20003));
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_refused_connection_is_a_network_error_tried_three_times() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port(); // bound, then released: nobody listens there
    let started = Instant::now();
    let result = client(&format!("http://127.0.0.1:{port}"))
        .update_profile(
            &credentials(),
            BU,
            &ProfileUpdate {
                email: Some("a@example.com".into()),
                ..ProfileUpdate::default()
            },
        )
        .await
        .map_err(UiError::from);
    let e = result.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Network);
    assert!(e.message.contains("could not be made"), "{}", e.message);
    assert!(started.elapsed() < Duration::from_secs(2));
}

/// A state whose account in use is `AC`, talking to `base`.
fn app_state(base: &str) -> AppState {
    let vault = Arc::new(MemoryVault::default());
    vault.entry(AC).save(&credentials()).unwrap();
    let state = AppState::new(
        http_client_with(&LIMITS).unwrap(),
        base_url::check(base).unwrap(),
        vault,
        None,
    );
    state.change_book(|b| b.remember(AC, None)).unwrap();
    state
}

#[tokio::test]
async fn a_double_clicked_save_sends_exactly_one_post() {
    // The answer takes a while: the first save is still under way at the second click.
    let server =
        Hostile::start(|_, _| Reply::Late(Duration::from_millis(300), profile_json())).await;
    let state = app_state(&server.base);
    let change = ProfileUpdate {
        friendly_name: Some("New name".into()),
        ..ProfileUpdate::default()
    };
    let (first, second) = tokio::join!(
        trusthub_desk::commands::profiles::update(&state, BU, &change),
        async {
            tokio::time::sleep(Duration::from_millis(50)).await;
            trusthub_desk::commands::profiles::update(&state, BU, &change).await
        }
    );
    assert!(first.is_ok(), "{first:?}");
    assert_eq!(second.unwrap_err().kind, ErrorKind::Busy);
    let posts: Vec<_> = server
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST")
        .collect();
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].path, format!("/v1/CustomerProfiles/{BU}"));
    assert_eq!(posts[0].body, "FriendlyName=New+name");

    // Once it is done, the next save goes through.
    trusthub_desk::commands::profiles::update(&state, BU, &change)
        .await
        .unwrap();
    assert_eq!(server.requests().len(), 2);
}
