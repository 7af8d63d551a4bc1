//! The one error shape the window receives: a tagged object the UI branches on.

use crate::trusthub::messaging::tollfree_form::TWILIO_FIELDS;
use serde::Serialize;

use crate::credentials::StoreError;
use crate::trusthub::{codes, ApiError, TrustHubError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    InvalidInput,
    Unauthorized,
    NotFound,
    Twilio,
    Network,
    Timeout,
    UnexpectedResponse,
    RefusedUrl,
    NoCredentials,
    KeyringUnavailable,
    KeyringLocked,
    KeyringCorrupt,
    Keyring,
    Busy,
    /// The load was stopped: the person left the view, or the same list was asked for again.
    Cancelled,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct UiError {
    pub kind: ErrorKind,
    /// What happened and what to do next, in plain words.
    pub message: String,
    /// Twilio's error code, when Twilio gave one.
    pub code: Option<i64>,
    /// Twilio's page about the error (always https).
    pub more_info: Option<String>,
    /// The form field the error is about (`email`, `friendlyName`, ...).
    pub field: Option<String>,
    /// The HTTP status, when there was an answer.
    pub status: Option<u16>,
    /// Twilio's own wording, when the message above replaces it.
    pub detail: Option<String>,
    /// A step of two that was done before the second failed (an object created but not
    /// assigned): the window offers to finish or undo it, never leaves it silently.
    pub partial: Option<Box<Partial>>,
}

/// What exists after the first step of two succeeded and the second failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Partial {
    /// The SID of what was created (IT, RD) or assigned (BV).
    pub sid: String,
    /// Its name, as the person gave it.
    pub name: Option<String>,
    /// `created` (an object not assigned), `assigned` (a new assignment, the old not
    /// removed), `copying` (a copy made, not everything assigned to it yet), or
    /// `replacing` (a campaign deleted to be made again, the new one not made).
    pub state: &'static str,
}

impl UiError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            code: None,
            more_info: None,
            field: None,
            status: None,
            detail: None,
            partial: None,
        }
    }

    pub fn cancelled() -> Self {
        Self::new(
            ErrorKind::Cancelled,
            "Loading was stopped because you left the view.",
        )
    }

    pub fn no_credentials() -> Self {
        Self::new(
            ErrorKind::NoCredentials,
            "No Twilio credentials are saved yet. Enter them to connect.",
        )
    }
}

/// Twilio's PascalCase parameter names to the form's field names.
fn form_field(parameter: &str) -> Option<&'static str> {
    Some(match parameter {
        "Status" => "status",
        "StatusCallback" => "statusCallback",
        "FriendlyName" => "friendlyName",
        "Email" => "email",
        "CustomerName" => "customerName",
        "Street" => "street",
        "City" => "city",
        "Region" => "region",
        "PostalCode" => "postalCode",
        "IsoCountry" => "isoCountry",
        "Attributes" => "attributes",
        // A toll-free verification's fields, as its form names them.
        other => {
            return TWILIO_FIELDS
                .iter()
                .find(|(twilio, _)| *twilio == other)
                .map(|(_, form)| *form)
        }
    })
}

/// Said after every failure the person can simply try again.
const KEPT: &str = "Nothing you typed is lost.";

/// What Twilio's answer means, in plain words with the next step; Twilio's own words
/// travel beside it as `detail`.
fn api_message(api: &ApiError) -> (ErrorKind, String) {
    let what = api.resource;
    match api.status {
        401 => (ErrorKind::Unauthorized, "Twilio did not accept your credentials. Check the Account SID and the Auth Token or API Key, then enter them again.".to_owned()),
        404 => (ErrorKind::NotFound, format!("Twilio has no {what} with this SID in this account. Check the SID, or whether it belongs to another Twilio account.")),
        429 => (ErrorKind::Twilio, format!("Twilio is receiving too many requests from your account right now. Wait a minute, then try again. {KEPT}")),
        503 => (ErrorKind::Twilio, format!("Twilio is not available right now. Try again in a few minutes. {KEPT}")),
        502 | 504 => (ErrorKind::Twilio, format!("Twilio, or a network device between you and Twilio, did not answer properly. Try again in a few minutes. {KEPT}")),
        500..=599 => (ErrorKind::Twilio, format!("Twilio had a problem on its side and did not finish the request. Try again in a few minutes. {KEPT}")),
        403 => (ErrorKind::Twilio, "Your credentials are not allowed to do this. If you use an API Key, it may lack the rights; check it in the Twilio Console.".to_owned()),
        _ => {
            let message = match api.code.and_then(codes::meaning) {
                Some(meaning) => format!("{meaning} {KEPT}"),
                None => match api.code {
                    Some(code) => format!("Twilio refused the request for this {what} (error {code}). Twilio's explanation is below, and “More about this error” opens Twilio's page about it. {KEPT}"),
                    None => format!("Twilio refused the request for this {what}. Twilio's explanation is below. {KEPT}"),
                },
            };
            (ErrorKind::Twilio, message)
        }
    }
}

impl From<TrustHubError> for UiError {
    fn from(e: TrustHubError) -> Self {
        match e {
            TrustHubError::InvalidInput(f) => UiError {
                field: Some(f.field),
                ..UiError::new(ErrorKind::InvalidInput, f.message)
            },
            TrustHubError::Api(api) => {
                let (kind, message) = api_message(&api);
                UiError {
                    code: api.code,
                    more_info: api.more_info,
                    field: api
                        .parameter
                        .as_deref()
                        .and_then(form_field)
                        .map(str::to_owned),
                    status: Some(api.status),
                    detail: (api.twilio_said && message != api.message).then_some(api.message),
                    ..UiError::new(kind, message)
                }
            }
            TrustHubError::Network(m) => UiError::new(ErrorKind::Network, m),
            TrustHubError::Timeout(_) => UiError::new(
                ErrorKind::Timeout,
                format!("{e} Check your connection and try again; nothing you typed is lost."),
            ),
            TrustHubError::UnexpectedResponse { status, message } => UiError {
                status: Some(status),
                ..UiError::new(ErrorKind::UnexpectedResponse, message)
            },
            TrustHubError::RefusedUrl(m) => UiError::new(ErrorKind::RefusedUrl, m),
        }
    }
}

impl From<StoreError> for UiError {
    fn from(e: StoreError) -> Self {
        let kind = match e {
            StoreError::Unavailable(_) => ErrorKind::KeyringUnavailable,
            StoreError::NoAccess(_) => ErrorKind::KeyringLocked,
            StoreError::Corrupt => ErrorKind::KeyringCorrupt,
            StoreError::Failure(_) => ErrorKind::Keyring,
        };
        UiError::new(kind, e.to_string())
    }
}

impl From<tokio::task::JoinError> for UiError {
    fn from(_: tokio::task::JoinError) -> Self {
        UiError::new(
            ErrorKind::Internal,
            "An internal task stopped unexpectedly. Try again.",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_a_tagged_object() {
        let e = UiError::from(TrustHubError::Api(ApiError::from_body(
            400,
            br#"{"code": 60711, "message": "Customer Profile cannot be updated in its current status", "more_info": "https://www.twilio.com/docs/errors/60711", "status": 400}"#,
        )));
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["kind"], "twilio");
        assert_eq!(json["code"], 60711);
        assert_eq!(json["moreInfo"], "https://www.twilio.com/docs/errors/60711");
        assert_eq!(json["status"], 400);
    }

    #[test]
    fn unauthorized_and_not_found_speak_plainly() {
        let e = UiError::from(TrustHubError::Api(ApiError::from_body(
            401,
            br#"{"code": 20003, "message": "Authenticate", "status": 401}"#,
        )));
        assert_eq!(e.kind, ErrorKind::Unauthorized);
        assert!(e
            .message
            .starts_with("Twilio did not accept your credentials"));
        assert_eq!(e.detail.as_deref(), Some("Authenticate"));
        let e = UiError::from(TrustHubError::Api(ApiError::from_body(404, b"")));
        assert_eq!(e.kind, ErrorKind::NotFound);
        assert!(e.message.contains("no record with this SID"));
        let e = UiError::from(TrustHubError::Api(
            ApiError::from_body(404, b"")
                .about("/v1/CustomerProfiles/BU0123456789abcdef0123456789abcdef"),
        ));
        assert!(e.message.contains("no Customer-Profile with this SID"));
    }

    fn api(status: u16, body: &str) -> UiError {
        UiError::from(TrustHubError::Api(
            ApiError::from_body(status, body.as_bytes()).about("/v1/CustomerProfiles"),
        ))
    }

    #[test]
    fn busy_and_broken_answers_say_what_to_do_with_twilios_words_underneath() {
        let e = api(
            429,
            r#"{"code": 20429, "message": "Too Many Requests", "more_info": "https://www.twilio.com/docs/errors/20429", "status": 429}"#,
        );
        assert_eq!(e.message, "Twilio is receiving too many requests from your account right now. Wait a minute, then try again. Nothing you typed is lost.");
        assert_eq!(e.detail.as_deref(), Some("Too Many Requests"));
        assert_eq!(e.code, Some(20429));
        assert_eq!(
            e.more_info.as_deref(),
            Some("https://www.twilio.com/docs/errors/20429")
        );

        let e = api(
            500,
            r#"{"code": 20500, "message": "Internal Server Error", "status": 500}"#,
        );
        assert_eq!(e.message, "Twilio had a problem on its side and did not finish the request. Try again in a few minutes. Nothing you typed is lost.");
        assert_eq!(e.detail.as_deref(), Some("Internal Server Error"));

        let e = api(503, "<html>Service Unavailable</html>");
        assert_eq!(e.message, "Twilio is not available right now. Try again in a few minutes. Nothing you typed is lost.");
        assert_eq!(e.detail, None, "no words of Twilio's to show");
        assert_eq!(e.status, Some(503));
    }

    #[test]
    fn an_unknown_code_names_itself_and_keeps_twilios_sentence() {
        let e = api(
            400,
            r#"{"code": 99123, "message": "the flux capacitor is misaligned", "more_info": "https://www.twilio.com/docs/errors/99123", "status": 400}"#,
        );
        assert_eq!(e.message, "Twilio refused the request for this Customer-Profile (error 99123). Twilio's explanation is below, and “More about this error” opens Twilio's page about it. Nothing you typed is lost.");
        assert_eq!(
            e.detail.as_deref(),
            Some("the flux capacitor is misaligned")
        );
        let e = api(
            400,
            r#"{"code": 60711, "message": "Customer Profile can't be changed", "status": 400}"#,
        );
        assert!(
            e.message
                .starts_with("Twilio does not allow changes while the profile is in review"),
            "{}",
            e.message
        );
    }

    #[test]
    fn every_message_is_a_full_sentence() {
        let mut errors = vec![
            UiError::from(TrustHubError::Timeout(std::time::Duration::from_secs(30))),
            UiError::cancelled(),
            UiError::no_credentials(),
        ];
        for status in [
            400, 401, 403, 404, 405, 409, 418, 422, 429, 500, 502, 503, 504, 520,
        ] {
            errors.push(api(status, ""));
            errors.push(api(
                status,
                r#"{"code": 12345, "message": "lower-case words"}"#,
            ));
            errors.push(api(
                status,
                r#"{"code": 20001, "message": "Invalid parameter"}"#,
            ));
        }
        for e in errors {
            let m = &e.message;
            assert!(m.starts_with(|c: char| c.is_uppercase()), "{m}");
            assert!(m.ends_with('.'), "{m}");
        }
        let network = UiError::from(TrustHubError::Network(
            "The connection to Twilio broke before the answer was complete. Check your network, then try again; nothing you typed is lost.".into(),
        ));
        assert!(network.message.starts_with("The connection"));
    }

    #[test]
    fn parameter_maps_to_form_field() {
        let e = UiError::from(TrustHubError::Api(ApiError::from_body(
            400,
            br#"{"code": 20001, "message": "Invalid parameter: Email", "status": 400}"#,
        )));
        assert_eq!(e.field.as_deref(), Some("email"));
        let e = UiError::from(TrustHubError::Api(ApiError::from_body(
            400,
            br#"{"code": 20001, "message": "Invalid parameter: BusinessStreetAddress", "status": 400}"#,
        )));
        assert_eq!(
            e.field.as_deref(),
            Some("street"),
            "the toll-free form's field"
        );
    }
}
