//! Proxies: the system's proxy (here `HTTP_PROXY`, `HTTPS_PROXY`, `ALL_PROXY`) is honoured
//! for Twilio, which corporate networks need, and never for this computer, so a local
//! server's Basic header (tests, mocks, the demo) is never handed to a proxy.
//!
//! One test in its own process: the proxy variables are process-wide.

#[path = "hostile/server.rs"]
mod server;

use server::{Reply, Server};
use std::time::Duration;
use trusthub_desk::credentials::Credentials;
use trusthub_desk::trusthub::{base_url, http_client_with, Limits, TrustHubClient};

const AC: &str = "AC0123456789abcdef0123456789abcdef";
const BU: &str = "BUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

#[tokio::test]
async fn loopback_never_goes_through_the_proxy_and_twilio_does() {
    let proxy = Server::start(|_, _| Reply::with(502, "text/plain", "proxy")).await;
    let local = Server::start(|_, _| Reply::json(200, &format!(r#"{{"sid": "{BU}"}}"#))).await;
    for name in [
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ] {
        std::env::set_var(name, &proxy.base);
    }
    for name in ["NO_PROXY", "no_proxy"] {
        std::env::remove_var(name);
    }
    let limits = Limits {
        connect_timeout: Duration::from_secs(2),
        request_timeout: Duration::from_secs(2),
        retry_budget: Duration::from_secs(2),
        max_tries: 1,
        ..Limits::TWILIO
    };
    let c = Credentials::new(AC, None, "local-secret".into()).unwrap();

    // This computer: straight to the server, the proxy sees nothing.
    let url = base_url::check(&local.base).unwrap();
    let client = TrustHubClient::with_limits(http_client_with(&url, &limits).unwrap(), url, limits);
    client.fetch_profile(&c, BU).await.unwrap();
    assert_eq!(local.requests().len(), 1);
    assert!(
        proxy.requests().is_empty(),
        "a loopback request went to the proxy"
    );

    // Twilio: through the proxy (a CONNECT to Twilio's host, the request itself inside TLS).
    let twilio = base_url::check(base_url::TWILIO_BASE_URL).unwrap();
    let client =
        TrustHubClient::with_limits(http_client_with(&twilio, &limits).unwrap(), twilio, limits);
    let _ = client.fetch_profile(&c, BU).await; // the test proxy answers 502: the call fails
    let asked = proxy.requests();
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert_eq!(asked[0].method, "CONNECT");
    assert_eq!(asked[0].path, "trusthub.twilio.com:443");
    assert!(
        asked[0].header("authorization").is_none(),
        "the proxy never sees the Basic header"
    );
}
