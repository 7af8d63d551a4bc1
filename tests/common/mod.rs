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

pub fn seed_response() -> serde_json::Value {
    serde_json::from_str(include_str!("../fixtures/seed_update_response.json")).unwrap()
}

pub mod spec;
