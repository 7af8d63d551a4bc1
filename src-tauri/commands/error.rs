//! The one error shape the window receives: a tagged object the UI branches on.

use serde::Serialize;

use crate::credentials::StoreError;
use crate::trusthub::TrustHubError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
        }
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
        _ => return None,
    })
}

impl From<TrustHubError> for UiError {
    fn from(e: TrustHubError) -> Self {
        match e {
            TrustHubError::InvalidInput(f) => UiError {
                field: Some(f.field.to_owned()),
                ..UiError::new(ErrorKind::InvalidInput, f.message)
            },
            TrustHubError::Api(api) => {
                let (kind, message) = match api.status {
                    401 => (
                        ErrorKind::Unauthorized,
                        "Twilio did not accept your credentials. Check the Account SID and the Auth Token or API Key, then enter them again.".to_owned(),
                    ),
                    404 => (
                        ErrorKind::NotFound,
                        "Twilio has no Customer-Profile with this SID in this account. Check the SID, or whether the profile belongs to another Twilio account.".to_owned(),
                    ),
                    _ => (ErrorKind::Twilio, api.message.clone()),
                };
                UiError {
                    code: api.code,
                    more_info: api.more_info,
                    field: api
                        .parameter
                        .as_deref()
                        .and_then(form_field)
                        .map(str::to_owned),
                    status: Some(api.status),
                    detail: (message != api.message).then_some(api.message),
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
    use crate::trusthub::ApiError;

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
        assert!(e.message.contains("no Customer-Profile with this SID"));
    }

    #[test]
    fn parameter_maps_to_form_field() {
        let e = UiError::from(TrustHubError::Api(ApiError::from_body(
            400,
            br#"{"code": 20001, "message": "Invalid parameter: Email", "status": 400}"#,
        )));
        assert_eq!(e.field.as_deref(), Some("email"));
    }
}
