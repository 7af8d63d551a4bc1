//! What can go wrong talking to TrustHub, and how Twilio's error bodies are read.

use serde::Deserialize;
use std::time::Duration;

use super::messaging::tollfree_form::TWILIO_FIELDS;
use super::validate::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum TrustHubError {
    /// Caught before sending: nothing went over the wire.
    #[error("{0}")]
    InvalidInput(#[from] FieldError),
    /// Twilio answered with an error status.
    #[error("{}", .0.message)]
    Api(ApiError),
    /// No answer could be had: DNS, refused connection, TLS, reset. Holds a full sentence.
    #[error("{0}")]
    Network(String),
    #[error("Twilio did not answer within {} seconds.", .0.as_secs().max(1))]
    Timeout(Duration),
    /// An answer came but it is not what TrustHub sends.
    #[error("{message}")]
    UnexpectedResponse { status: u16, message: String },
    /// The base URL, or a URL the server handed back, is not one the app will send credentials to.
    #[error("{0}")]
    RefusedUrl(String),
}

/// Twilio's error, from either of its body forms or from the bare status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: u16,
    pub code: Option<i64>,
    pub message: String,
    pub more_info: Option<String>,
    /// The request parameter the error names, when it names one.
    pub parameter: Option<String>,
    /// What the request was about ("Customer-Profile", "end user", ...), for messages.
    pub resource: &'static str,
    /// Whether `message` is Twilio's own sentence (not one made from the bare status).
    pub twilio_said: bool,
}

/// Twilio's classic body (`code`, `message`, `more_info`, `status`) and the RFC 9457
/// problem body (`type`, `title`, `detail`, `errors[]`) share one lenient reader.
#[derive(Debug, Default, Deserialize)]
struct ErrorBody {
    code: Option<i64>,
    message: Option<String>,
    more_info: Option<String>,
    #[serde(rename = "type")]
    problem_type: Option<String>,
    title: Option<String>,
    detail: Option<String>,
    errors: Option<Vec<ProblemDetail>>,
}

#[derive(Debug, Default, Deserialize)]
struct ProblemDetail {
    detail: Option<String>,
    pointer: Option<String>,
}

impl ApiError {
    /// Reads an error body. Anything that is not one of Twilio's forms still gives a
    /// message that carries the HTTP status.
    pub fn from_body(status: u16, body: &[u8]) -> Self {
        let parsed = serde_json::from_slice::<ErrorBody>(body).ok();
        let Some(body) = parsed.filter(|b| {
            b.message.is_some() || b.title.is_some() || b.detail.is_some() || b.code.is_some()
        }) else {
            return Self {
                status,
                code: None,
                message: fallback_message(status),
                more_info: None,
                parameter: None,
                resource: "record",
                twilio_said: false,
            };
        };
        let first_problem = body.errors.as_ref().and_then(|e| e.first());
        let said = body
            .message
            .or(body.detail)
            .or_else(|| first_problem.and_then(|p| p.detail.clone()))
            .or(body.title)
            .filter(|m| !m.trim().is_empty());
        let twilio_said = said.is_some();
        let message = said.unwrap_or_else(|| fallback_message(status));
        let more_info = body
            .more_info
            .or(body.problem_type)
            .and_then(|u| super::links::twilio_page(&u))
            .map(String::from);
        let parameter = first_problem
            .and_then(|p| p.pointer.as_deref())
            .map(|p| {
                p.trim_start_matches('/')
                    .trim_start_matches("#/")
                    .to_owned()
            })
            .filter(|p| !p.is_empty())
            .or_else(|| parameter_named_in(&message));
        Self {
            status,
            code: body.code,
            message,
            more_info,
            parameter,
            resource: "record",
            twilio_said,
        }
    }

    /// Names what the request was about, from its path.
    pub fn about(mut self, path: &str) -> Self {
        self.resource = super::codes::resource_of(path);
        self
    }
}

/// Twilio names the offending parameter in its message, e.g. "Invalid parameter: Email".
fn parameter_named_in(message: &str) -> Option<String> {
    const NAMED: [&str; 4] = ["Status", "StatusCallback", "FriendlyName", "Email"];
    let toll_free = TWILIO_FIELDS.iter().map(|(twilio, _)| twilio);
    NAMED
        .iter()
        .chain(toll_free)
        .rev()
        .find(|p| {
            message
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| w == **p)
        })
        .map(|p| (*p).to_owned())
}

fn fallback_message(status: u16) -> String {
    let what = match status {
        400 => "Twilio could not accept the request",
        401 => "Twilio did not accept your credentials",
        403 => "Your credentials are not allowed to do this",
        404 => "Twilio could not find what was asked for",
        429 => "Twilio is receiving too many requests right now",
        500..=599 => "Twilio, or something between you and Twilio, had a problem",
        _ => "Twilio answered with an error",
    };
    format!("{what} (HTTP status {status}).")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classic_twilio_error() {
        let body = br#"{"code": 20404, "message": "The requested resource /v1/CustomerProfiles/BU1 was not found", "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404}"#;
        let e = ApiError::from_body(404, body);
        assert_eq!(e.code, Some(20404));
        assert_eq!(
            e.message,
            "The requested resource /v1/CustomerProfiles/BU1 was not found"
        );
        assert_eq!(
            e.more_info.as_deref(),
            Some("https://www.twilio.com/docs/errors/20404")
        );
        assert_eq!(e.status, 404);
    }

    #[test]
    fn rfc9457_problem() {
        let body = br##"{"type": "https://www.twilio.com/docs/api/errors/20001", "title": "Invalid parameter", "status": 400, "code": 20001, "detail": "Email is not valid", "instance": "/v1/CustomerProfiles/BUx", "errors": [{"detail": "must be an email", "pointer": "#/Email"}]}"##;
        let e = ApiError::from_body(400, body);
        assert_eq!(e.code, Some(20001));
        assert_eq!(e.message, "Email is not valid");
        assert_eq!(
            e.more_info.as_deref(),
            Some("https://www.twilio.com/docs/api/errors/20001")
        );
        assert_eq!(e.parameter.as_deref(), Some("Email"));
    }

    #[test]
    fn html_body_keeps_the_status() {
        let e = ApiError::from_body(502, b"<html><body>Bad Gateway</body></html>");
        assert_eq!(e.code, None);
        assert_eq!(
            e.message,
            "Twilio, or something between you and Twilio, had a problem (HTTP status 502)."
        );
    }

    #[test]
    fn more_info_must_be_a_twilio_page() {
        for link in [
            "javascript:alert(1)",
            "https://evil.example/.twilio.com/",
            "https://user@evil.example/a.twilio.com/",
        ] {
            let body = serde_json::json!({"code": 1, "message": "m", "more_info": link});
            let e = ApiError::from_body(400, body.to_string().as_bytes());
            assert_eq!(e.more_info, None, "{link}");
            let problem = serde_json::json!({"title": "t", "type": link});
            let e = ApiError::from_body(400, problem.to_string().as_bytes());
            assert_eq!(e.more_info, None, "{link}");
        }
    }

    #[test]
    fn parameter_from_message() {
        let e = ApiError::from_body(
            400,
            br#"{"code": 21610, "message": "Invalid parameter: StatusCallback", "status": 400}"#,
        );
        assert_eq!(e.parameter.as_deref(), Some("StatusCallback"));
    }
}
