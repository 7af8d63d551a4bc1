//! Typed TrustHub v1 resources. Every field is optional because the spec marks every
//! field nullable; unknown fields are ignored so a newer API never breaks the app.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The five verification states of a Customer-Profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProfileStatus {
    Draft,
    PendingReview,
    InReview,
    TwilioRejected,
    TwilioApproved,
}

impl ProfileStatus {
    pub const ALL: [ProfileStatus; 5] = [
        ProfileStatus::Draft,
        ProfileStatus::PendingReview,
        ProfileStatus::InReview,
        ProfileStatus::TwilioRejected,
        ProfileStatus::TwilioApproved,
    ];

    /// The value on the wire, e.g. `pending-review`.
    pub fn as_str(self) -> &'static str {
        match self {
            ProfileStatus::Draft => "draft",
            ProfileStatus::PendingReview => "pending-review",
            ProfileStatus::InReview => "in-review",
            ProfileStatus::TwilioRejected => "twilio-rejected",
            ProfileStatus::TwilioApproved => "twilio-approved",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

impl fmt::Display for ProfileStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A Customer-Profile as Twilio returns it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerProfile {
    pub sid: Option<String>,
    pub account_sid: Option<String>,
    pub policy_sid: Option<String>,
    pub friendly_name: Option<String>,
    /// Kept as text: a status this app does not know yet must still be shown, not rejected.
    pub status: Option<String>,
    pub valid_until: Option<String>,
    pub email: Option<String>,
    pub status_callback: Option<String>,
    pub date_created: Option<String>,
    pub date_updated: Option<String>,
    pub url: Option<String>,
    pub links: Option<ProfileLinks>,
    pub errors: Option<Vec<RejectionReason>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProfileLinks {
    pub customer_profiles_evaluations: Option<String>,
    pub customer_profiles_entity_assignments: Option<String>,
    /// Singular in Twilio's API, unlike its two siblings.
    pub customer_profiles_channel_endpoint_assignment: Option<String>,
}

/// One entry of a profile's `errors` array: why Twilio rejected it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RejectionReason {
    pub code: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// The fields of `POST /v1/CustomerProfiles/{Sid}`; `None` means "leave as it is".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileUpdate {
    pub status: Option<ProfileStatus>,
    pub status_callback: Option<String>,
    pub friendly_name: Option<String>,
    pub email: Option<String>,
}

impl ProfileUpdate {
    pub fn is_empty(&self) -> bool {
        self.status.is_none()
            && self.status_callback.is_none()
            && self.friendly_name.is_none()
            && self.email.is_none()
    }

    /// The form body, PascalCase as Twilio expects, only the fields that are set.
    pub fn form_pairs(&self) -> Vec<(&'static str, &str)> {
        let mut pairs = Vec::with_capacity(4);
        if let Some(status) = self.status {
            pairs.push(("Status", status.as_str()));
        }
        if let Some(v) = &self.status_callback {
            pairs.push(("StatusCallback", v.as_str()));
        }
        if let Some(v) = &self.friendly_name {
            pairs.push(("FriendlyName", v.as_str()));
        }
        if let Some(v) = &self.email {
            pairs.push(("Email", v.as_str()));
        }
        pairs
    }
}

/// Filters of `GET /v1/CustomerProfiles`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileFilter {
    pub status: Option<ProfileStatus>,
    pub friendly_name: Option<String>,
    pub page_size: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub sid: Option<String>,
    pub account_sid: Option<String>,
    pub policy_sid: Option<String>,
    pub customer_profile_sid: Option<String>,
    /// `compliant` or `noncompliant`.
    pub status: Option<String>,
    pub results: Option<Vec<RequirementResult>>,
    pub date_created: Option<String>,
    pub url: Option<String>,
}

/// One requirement of a policy, as an evaluation judged it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RequirementResult {
    pub friendly_name: Option<String>,
    pub object_type: Option<String>,
    pub passed: Option<bool>,
    pub failure_reason: Option<String>,
    pub error_code: Option<i64>,
    pub requirement_name: Option<String>,
    pub requirement_friendly_name: Option<String>,
    pub valid: Option<Vec<FieldResult>>,
    pub invalid: Option<Vec<FieldResult>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FieldResult {
    pub friendly_name: Option<String>,
    pub object_field: Option<String>,
    pub failure_reason: Option<String>,
    pub error_code: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EntityAssignment {
    pub sid: Option<String>,
    pub customer_profile_sid: Option<String>,
    pub account_sid: Option<String>,
    pub object_sid: Option<String>,
    pub date_created: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChannelEndpointAssignment {
    pub sid: Option<String>,
    pub customer_profile_sid: Option<String>,
    pub account_sid: Option<String>,
    pub channel_endpoint_type: Option<String>,
    pub channel_endpoint_sid: Option<String>,
    pub date_created: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Policy {
    pub sid: Option<String>,
    pub friendly_name: Option<String>,
    pub requirements: Option<serde_json::Value>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EndUser {
    pub sid: Option<String>,
    pub account_sid: Option<String>,
    pub friendly_name: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub attributes: Option<serde_json::Value>,
    pub date_created: Option<String>,
    pub date_updated: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SupportingDocument {
    pub sid: Option<String>,
    pub account_sid: Option<String>,
    pub friendly_name: Option<String>,
    pub mime_type: Option<String>,
    pub status: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub attributes: Option<serde_json::Value>,
    pub date_created: Option<String>,
    pub date_updated: Option<String>,
    pub url: Option<String>,
}

/// One page of a list, records already taken from `payload[meta.key]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Page<T> {
    pub records: Vec<T>,
    pub next_page_url: Option<String>,
}

/// A whole list as the app shows it: every record, or as many as the ceilings allow.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Listing<T> {
    pub records: Vec<T>,
    /// Why the list is not complete, when it is not.
    pub note: Option<ListNote>,
}

/// Why a list stopped before its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ListStop {
    /// As many pages as the app follows (`Limits::max_list_pages`).
    Pages,
    /// As many records as the app keeps (`Limits::max_list_records`).
    Records,
    /// The server named a page that was already fetched.
    Repeated,
}

/// What the window says about a list that stopped short: how much it shows and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListNote {
    pub reason: ListStop,
    pub message: String,
}

impl ListNote {
    pub fn new(reason: ListStop, shown: usize, pages: u32, what: &str) -> Self {
        let message = match reason {
            ListStop::Pages => format!(
                "Showing the first {shown} {what}. TrustHub Desk stops after {pages} pages, so that a list that never ends cannot send endless requests to your Twilio account."
            ),
            ListStop::Records => format!(
                "Showing the first {shown} {what}. There are more, but TrustHub Desk keeps at most {shown} in one list so that the window stays quick."
            ),
            ListStop::Repeated => format!(
                "Showing the {shown} {what} received so far. Twilio named a page it had already sent, so TrustHub Desk stopped rather than ask for the same pages again and again."
            ),
        };
        Self { reason, message }
    }
}
