//! The client against a hostile server: one test per fault. Each asserts how many
//! requests were made, the error kind the window would receive, and the time it took.

mod server;

use std::sync::Arc;
use std::time::{Duration, Instant};

use server::{Reply, Server as Hostile};
use trusthub_desk::commands::error::{ErrorKind, UiError};
use trusthub_desk::credentials::{Credentials, MemoryVault, Vault};
use trusthub_desk::state::AppState;
use trusthub_desk::trusthub::models::BundleKind;
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
    client_with(base, LIMITS)
}

fn client_with(base: &str, limits: Limits) -> TrustHubClient {
    let url = base_url::check(base).unwrap();
    TrustHubClient::with_limits(http_client_with(&url, &limits).unwrap(), url, limits)
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
    assert!(
        e.message
            .starts_with("The connection to Twilio broke before the answer was complete."),
        "{}",
        e.message
    );
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
async fn a_retry_after_of_u64_max_arriving_late_is_a_plain_message_not_a_panic() {
    // After the first second, 18446744073709551615 seconds overflowed the wait once.
    let server = Hostile::start(|_, _| {
        Reply::After(
            Duration::from_millis(1200),
            Box::new(
                Reply::json(
                    429,
                    r#"{"code": 20429, "message": "Too Many Requests", "status": 429}"#,
                )
                .header("Retry-After", "18446744073709551615"),
            ),
        )
    })
    .await;
    let limits = Limits {
        request_timeout: Duration::from_secs(3),
        ..LIMITS
    };
    let client = client_with(&server.base, limits);
    let change = ProfileUpdate {
        friendly_name: Some("New name".into()),
        ..ProfileUpdate::default()
    };
    let started = Instant::now();
    let result = client
        .update_profile(&credentials(), BU, &change)
        .await
        .map_err(UiError::from);
    let took = started.elapsed();
    let e = result.unwrap_err();
    assert_eq!(e.kind, ErrorKind::Twilio);
    assert_eq!(e.status, Some(429));
    assert!(
        e.message
            .starts_with("Twilio is receiving too many requests"),
        "{}",
        e.message
    );
    assert_eq!(
        server.requests().len(),
        1,
        "a wait past the budget is not waited"
    );
    assert!(took < Duration::from_secs(3), "{took:?}");
}

#[tokio::test]
async fn the_retry_budget_bounds_every_try_together() {
    // A 503 after 1.2 s, then silence: the retry may use only what is left of 2 s.
    let limits = Limits {
        request_timeout: Duration::from_millis(1500),
        retry_budget: Duration::from_secs(2),
        base_backoff: Duration::from_millis(20),
        ..LIMITS
    };
    let server = Hostile::start(|i, _| match i {
        0 => Reply::After(
            Duration::from_millis(1200),
            Box::new(Reply::with(503, "text/plain", "busy")),
        ),
        _ => Reply::Silence,
    })
    .await;
    let client = client_with(&server.base, limits);
    let started = Instant::now();
    let result = client.fetch_profile(&credentials(), BU).await;
    let took = started.elapsed();
    assert!(result.is_err());
    assert_eq!(server.requests().len(), 2);
    assert!(
        took < Duration::from_millis(2400),
        "the budget of 2 s held: {took:?}"
    );
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
        "Twilio, or a network device between you and Twilio, did not answer properly. Try again in a few minutes. Nothing you typed is lost."
    );
    assert_eq!(e.status, Some(502));
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
    assert!(
        e.message
            .starts_with("TrustHub Desk could not connect to Twilio."),
        "{}",
        e.message
    );
    assert!(started.elapsed() < Duration::from_secs(2));
}

/// A state whose account in use is `AC`, talking to `base`.
fn app_state(base: &str) -> AppState {
    let vault = Arc::new(MemoryVault::default());
    vault.entry(AC).save(&credentials()).unwrap();
    let url = base_url::check(base).unwrap();
    let state = AppState::new(http_client_with(&url, &LIMITS).unwrap(), url, vault, None);
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
        trusthub_desk::commands::bundles::update(&state, BU, &change),
        async {
            tokio::time::sleep(Duration::from_millis(50)).await;
            trusthub_desk::commands::bundles::update(&state, BU, &change).await
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
    trusthub_desk::commands::bundles::update(&state, BU, &change)
        .await
        .unwrap();
    assert_eq!(server.requests().len(), 2);
}

// ---- Lists that misbehave ----

use trusthub_desk::commands::bundles::{entity_assignments, load_key};
use trusthub_desk::trusthub::models::ListStop;

/// A page of `n` assignments that names `next` as the page after it.
fn assignments_page(first: usize, n: usize, next: Option<String>) -> String {
    let records: Vec<String> = (first..first + n)
        .map(|i| format!(r#"{{"sid": "BV{i:032x}", "object_sid": "IT{i:032x}"}}"#))
        .collect();
    let next = next.map_or("null".to_owned(), |n| format!("\"{n}\""));
    format!(
        r#"{{"results": [{}], "meta": {{"key": "results", "page": {first}, "next_page_url": {next}}}}}"#,
        records.join(",")
    )
}

fn list_path() -> String {
    format!("/v1/CustomerProfiles/{BU}/EntityAssignments")
}

#[tokio::test]
async fn a_list_that_never_ends_stops_at_the_page_ceiling_and_says_so() {
    // Every page names the next, its number rising, for ever.
    let server = Hostile::start(|i, _| {
        Reply::json(
            200,
            &assignments_page(i, 1, Some(format!("{}?Page={}", list_path(), i + 1))),
        )
    })
    .await;
    let state = app_state(&server.base);
    let started = Instant::now();
    let listing = entity_assignments(&state, BundleKind::CustomerProfile, BU)
        .await
        .unwrap();
    assert_eq!(server.requests().len(), 20, "the ceiling is 20 pages");
    assert_eq!(listing.records.len(), 20);
    let note = listing.note.expect("the list says it is not whole");
    assert_eq!(note.reason, ListStop::Pages);
    assert_eq!(
        note.message,
        "Showing the first 20 entity assignments. TrustHub Desk stops after 20 pages, so that a list that never ends cannot send endless requests to your Twilio account."
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(
        state.loads().is_empty(),
        "the finished load left the registry"
    );
}

#[tokio::test]
async fn a_list_with_too_many_records_stops_at_the_record_ceiling() {
    let server = Hostile::start(|i, _| {
        Reply::json(
            200,
            &assignments_page(i * 60, 60, Some(format!("{}?Page={}", list_path(), i + 1))),
        )
    })
    .await;
    let state = app_state(&server.base);
    let listing = entity_assignments(&state, BundleKind::CustomerProfile, BU)
        .await
        .unwrap();
    assert_eq!(
        listing.records.len(),
        1000,
        "at most 1,000 records are kept"
    );
    assert_eq!(server.requests().len(), 17, "17 pages of 60 pass 1,000");
    assert_eq!(listing.note.unwrap().reason, ListStop::Records);
}

#[tokio::test]
async fn a_next_page_already_fetched_ends_the_list() {
    // Page 1 names itself as the page after it.
    let server = Hostile::start(|i, _| {
        Reply::json(
            200,
            &assignments_page(i, 2, Some(format!("{}?Page=1", list_path()))),
        )
    })
    .await;
    let state = app_state(&server.base);
    let listing = entity_assignments(&state, BundleKind::CustomerProfile, BU)
        .await
        .unwrap();
    let paths: Vec<String> = server.requests().iter().map(|r| r.path.clone()).collect();
    assert_eq!(
        paths,
        [
            format!("{}?PageSize=50", list_path()),
            format!("{}?Page=1", list_path())
        ]
    );
    assert_eq!(listing.records.len(), 4);
    let note = listing.note.unwrap();
    assert_eq!(note.reason, ListStop::Repeated);
    assert!(
        note.message
            .starts_with("Showing the 4 entity assignments received so far."),
        "{}",
        note.message
    );
}

#[tokio::test]
async fn leaving_the_view_while_a_list_loads_stops_its_requests() {
    let server = Hostile::start(|i, _| {
        Reply::Late(
            Duration::from_millis(150),
            assignments_page(i, 1, Some(format!("{}?Page={}", list_path(), i + 1))),
        )
    })
    .await;
    let state = Arc::new(app_state(&server.base));
    let loading = tokio::spawn({
        let state = state.clone();
        async move { entity_assignments(&state, BundleKind::CustomerProfile, BU).await }
    });
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(state.loads().len(), 1);
    let cancelled_at = Instant::now();
    assert!(state.loads().cancel(&load_key("entity-assignments", BU)));
    let result = loading.await.unwrap();
    assert_eq!(result.unwrap_err().kind, ErrorKind::Cancelled);
    assert!(
        cancelled_at.elapsed() < Duration::from_millis(100),
        "it stops at once"
    );
    let seen = server.requests().len();
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(server.requests().len(), seen, "no request after leaving");
    assert!(seen <= 4, "{seen}");
    assert!(state.loads().is_empty());
}

#[tokio::test]
async fn one_list_is_never_loaded_twice_at_once() {
    // Three pages, each a little slow.
    let server = Hostile::start(|_, r| {
        let page: usize = r
            .path
            .rsplit("Page=")
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let next = (page < 2).then(|| format!("{}?Page={}", list_path(), page + 1));
        Reply::Late(Duration::from_millis(120), assignments_page(page, 1, next))
    })
    .await;
    let state = Arc::new(app_state(&server.base));
    let first = tokio::spawn({
        let state = state.clone();
        async move { entity_assignments(&state, BundleKind::CustomerProfile, BU).await }
    });
    tokio::time::sleep(Duration::from_millis(60)).await;
    let second = entity_assignments(&state, BundleKind::CustomerProfile, BU)
        .await
        .unwrap();
    assert_eq!(
        first.await.unwrap().unwrap_err().kind,
        ErrorKind::Cancelled,
        "the older load gave way"
    );
    assert_eq!(second.records.len(), 3);
    assert_eq!(
        server.requests().len(),
        4,
        "one page of the first load, three of the second"
    );
}
