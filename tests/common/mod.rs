//! Helpers shared by the integration tests.
#![allow(dead_code)]

use base64::Engine;
use trusthub_desk::credentials::Credentials;
use trusthub_desk::trusthub::{http_client_for, TrustHubClient};

pub const AC: &str = "AC0123456789abcdef0123456789abcdef";
pub const SK: &str = "SK0123456789abcdef0123456789abcdef";
pub const TOKEN: &str = "auth-token-for-tests";
pub const BU: &str = "BUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
pub const RN: &str = "RNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

pub fn token_credentials() -> Credentials {
    Credentials::new(AC, None, TOKEN.into()).unwrap()
}

pub fn key_credentials() -> Credentials {
    Credentials::new(AC, Some(SK), "api-key-secret".into()).unwrap()
}

/// The `Authorization` header a Basic pair must produce.
pub fn basic(user: &str, password: &str) -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
    )
}

pub fn client_for(base: &str) -> TrustHubClient {
    let url = trusthub_desk::trusthub::base_url::check(base).unwrap();
    TrustHubClient::new(http_client_for(&url).unwrap(), url)
}

/// Twilio's example of a Customer-Profile, as Twilio answers it for the test account (the
/// example names `ACaaaa…`; the client refuses a record of any account but the credentials').
pub fn seed_response() -> serde_json::Value {
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("../fixtures/seed_update_response.json")).unwrap();
    v["account_sid"] = AC.into();
    v
}

pub mod prism;
pub mod spec;

/// A form body as the client sends it: the pairs URL-encoded, in order.
pub fn form(pairs: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// The test account's Auth Token, as the `Authorization` header a mock server must see.
pub fn auth() -> wiremock::matchers::HeaderExactMatcher {
    wiremock::matchers::header("authorization", basic(AC, TOKEN).as_str())
}

/// Requests as `METHOD path`, in the order they arrived.
pub async fn wire(server: &wiremock::MockServer) -> Vec<String> {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| format!("{} {}", r.method, r.url.path()))
        .collect()
}

/// One page of a TrustHub list, the last.
pub fn page(records: Vec<serde_json::Value>) -> serde_json::Value {
    serde_json::json!({"results": records, "meta": {"key": "results", "next_page_url": null}})
}

/// A JSON object literal as the map the client takes.
pub fn map(v: serde_json::Value) -> serde_json::Map<String, serde_json::Value> {
    v.as_object().unwrap().clone()
}

/// The window's state, signed in with the test account's Auth Token, talking to `base`.
pub fn signed_in(base: &str) -> trusthub_desk::state::AppState {
    let url = trusthub_desk::trusthub::base_url::check(base).unwrap();
    state_with(url, &token_credentials())
}

/// The window's state, signed in to the demo account of the sandbox `sb`.
pub fn app_on(sb: &trusthub_desk::sandbox::Sandbox) -> trusthub_desk::state::AppState {
    state_with(sb.base_url(), &sb.demo_credentials().unwrap())
}

/// The window's state with `c` saved (in memory) and remembered, talking to `url`.
fn state_with(url: url::Url, c: &Credentials) -> trusthub_desk::state::AppState {
    use trusthub_desk::credentials::{MemoryVault, Vault};
    let vault = std::sync::Arc::new(MemoryVault::default());
    vault.entry(c.account_sid()).save(c).unwrap();
    let state =
        trusthub_desk::state::AppState::new(http_client_for(&url).unwrap(), url, vault, None);
    state
        .change_book(|b| b.remember(c.account_sid(), None))
        .unwrap();
    state
}
