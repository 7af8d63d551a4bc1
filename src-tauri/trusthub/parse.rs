//! Reading TrustHub's answers. Pure functions over bytes, so they can be fuzzed: whatever
//! a server sends, the result is a value or a clear error, never a panic.

use serde::de::DeserializeOwned;

use super::error::TrustHubError;
use super::models::Page;

pub type Result<T> = std::result::Result<T, TrustHubError>;

/// One resource from a 2xx answer.
pub fn parse_body<T: DeserializeOwned>(status: u16, bytes: &[u8]) -> Result<T> {
    serde_json::from_slice(bytes).map_err(|e| {
        if e.is_data() {
            shape_error(status)
        } else {
            TrustHubError::UnexpectedResponse {
                status,
                message: format!(
                    "Twilio's answer could not be read: it is not valid JSON (HTTP status {status})."
                ),
            }
        }
    })
}

/// One list page: the records sit under the key `meta.key` names. Only what is used is
/// read, leniently: the key and the next-page link. A page number or size that is odd,
/// negative or missing never refuses the page.
pub fn parse_page<T: DeserializeOwned>(status: u16, bytes: &[u8]) -> Result<Page<T>> {
    let mut payload: serde_json::Map<String, serde_json::Value> = parse_body(status, bytes)?;
    let meta = payload.get("meta");
    let text = |name: &str| {
        meta.and_then(|m| m.get(name))
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned)
    };
    let key = text("key").unwrap_or_else(|| "results".to_owned());
    let next_page_url = text("next_page_url").filter(|u| !u.is_empty());
    let records = match payload.remove(&key) {
        Some(serde_json::Value::Null) | None => Vec::new(),
        Some(list) => serde_json::from_value(list).map_err(|_| shape_error(status))?,
    };
    Ok(Page {
        records,
        next_page_url,
    })
}

/// One page of the classic API: the records under `key` (named for the resource), the
/// next page at `next_page_uri`, a path relative to the API's host. Read as leniently.
pub fn parse_classic_page<T: DeserializeOwned>(
    status: u16,
    bytes: &[u8],
    key: &str,
) -> Result<Page<T>> {
    let mut payload: serde_json::Map<String, serde_json::Value> = parse_body(status, bytes)?;
    let next_page_url = payload
        .get("next_page_uri")
        .and_then(serde_json::Value::as_str)
        .filter(|u| !u.is_empty())
        .map(str::to_owned);
    let records = match payload.remove(key) {
        Some(serde_json::Value::Null) | None => Vec::new(),
        Some(list) => serde_json::from_value(list).map_err(|_| shape_error(status))?,
    };
    Ok(Page {
        records,
        next_page_url,
    })
}

pub fn shape_error(status: u16) -> TrustHubError {
    TrustHubError::UnexpectedResponse {
        status,
        message: format!(
            "Twilio's answer did not have the shape TrustHub Desk expects (HTTP status {status})."
        ),
    }
}

/// Everything the app reads from a server, fed the same bytes. The fuzz target and the
/// regression test over its finds both call this.
pub fn fuzz_one(bytes: &[u8]) {
    use super::models::*;
    let status = bytes.first().map_or(200, |b| 200 + u16::from(*b));
    let _ = parse_body::<CustomerProfile>(status, bytes);
    let _ = parse_body::<Evaluation>(status, bytes);
    let _ = parse_page::<CustomerProfile>(status, bytes);
    let _ = parse_page::<Evaluation>(status, bytes);
    let _ = parse_page::<EntityAssignment>(status, bytes);
    let _ = parse_page::<ChannelEndpointAssignment>(status, bytes);
    let _ = parse_body::<Policy>(status, bytes);
    let _ = parse_body::<EndUser>(status, bytes);
    let _ = parse_body::<SupportingDocument>(status, bytes);
    let _ = parse_body::<TypeDefinition>(status, bytes);
    let _ = parse_classic_page::<Address>(status, bytes, "addresses");
    let _ = parse_classic_page::<PhoneNumber>(status, bytes, "incoming_phone_numbers");
    {
        use super::messaging::models::{Brand, Campaign, ServiceNumber};
        let _ = parse_page::<Brand>(status, bytes);
        let _ = parse_body::<Campaign>(status, bytes);
        let _ = parse_page::<ServiceNumber>(status, bytes);
    }
    let _ = super::error::ApiError::from_body(status, bytes);
}
