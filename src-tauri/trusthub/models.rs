//! Typed TrustHub v1 resources. Every field is optional because the spec marks every
//! field nullable; unknown fields are ignored so a newer API never breaks the app.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The five verification states of a Customer-Profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
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
#[cfg_attr(test, derive(ts_rs::TS))]
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

/// The links of a profile's sub-resources. A Trust Product names them `trust_products_…`;
/// both read into the same fields.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ProfileLinks {
    #[serde(alias = "trust_products_evaluations")]
    pub customer_profiles_evaluations: Option<String>,
    #[serde(alias = "trust_products_entity_assignments")]
    pub customer_profiles_entity_assignments: Option<String>,
    /// Singular in Twilio's API, unlike its two siblings.
    #[serde(alias = "trust_products_channel_endpoint_assignment")]
    pub customer_profiles_channel_endpoint_assignment: Option<String>,
}

/// What a SID of `/v1/CustomerProfiles` or `/v1/TrustProducts` is: the two have the same
/// shape (fields, evaluations, assignments), only the path differs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum BundleKind {
    #[default]
    CustomerProfile,
    TrustProduct,
}

impl BundleKind {
    /// The collection in the path, e.g. `CustomerProfiles`.
    pub fn collection(self) -> &'static str {
        match self {
            BundleKind::CustomerProfile => "CustomerProfiles",
            BundleKind::TrustProduct => "TrustProducts",
        }
    }

    /// The words for it in messages.
    pub fn words(self) -> &'static str {
        match self {
            BundleKind::CustomerProfile => "Customer-Profile",
            BundleKind::TrustProduct => "Trust Product",
        }
    }
}

/// One entry of a profile's `errors` array: why Twilio rejected it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RejectionReason {
    pub code: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// The fields of `POST /v1/CustomerProfiles/{Sid}`; `None` means "leave as it is".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields))]
#[serde(rename_all = "camelCase")]
pub struct ProfileUpdate {
    pub status: Option<ProfileStatus>,
    pub status_callback: Option<String>,
    pub friendly_name: Option<String>,
    pub email: Option<String>,
}

impl ProfileUpdate {
    /// The names of the fields set (for the history: never their values).
    pub fn field_names(&self) -> Vec<String> {
        [
            ("status", self.status.is_some()),
            ("statusCallback", self.status_callback.is_some()),
            ("friendlyName", self.friendly_name.is_some()),
            ("email", self.email.is_some()),
        ]
        .into_iter()
        .filter(|(_, set)| *set)
        .map(|(name, _)| name.to_owned())
        .collect()
    }

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

/// A new Customer-Profile or Trust Product: `POST /v1/CustomerProfiles` or `/v1/TrustProducts`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields))]
#[serde(rename_all = "camelCase")]
pub struct NewBundle {
    pub friendly_name: String,
    pub email: String,
    pub policy_sid: String,
    pub status_callback: Option<String>,
}

/// Filters of `GET /v1/CustomerProfiles`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields))]
#[serde(rename_all = "camelCase")]
pub struct ProfileFilter {
    pub status: Option<ProfileStatus>,
    pub friendly_name: Option<String>,
    pub page_size: Option<u32>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Evaluation {
    pub sid: Option<String>,
    pub account_sid: Option<String>,
    pub policy_sid: Option<String>,
    #[serde(alias = "trust_product_sid")]
    pub customer_profile_sid: Option<String>,
    /// `compliant` or `noncompliant`.
    pub status: Option<String>,
    pub results: Option<Vec<RequirementResult>>,
    pub date_created: Option<String>,
    pub url: Option<String>,
}

/// One requirement of a policy, as an evaluation judged it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
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
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FieldResult {
    pub friendly_name: Option<String>,
    pub object_field: Option<String>,
    pub failure_reason: Option<String>,
    pub error_code: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct EntityAssignment {
    pub sid: Option<String>,
    #[serde(alias = "trust_product_sid")]
    pub customer_profile_sid: Option<String>,
    pub account_sid: Option<String>,
    pub object_sid: Option<String>,
    pub date_created: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ChannelEndpointAssignment {
    pub sid: Option<String>,
    #[serde(alias = "trust_product_sid")]
    pub customer_profile_sid: Option<String>,
    pub account_sid: Option<String>,
    pub channel_endpoint_type: Option<String>,
    pub channel_endpoint_sid: Option<String>,
    pub date_created: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Policy {
    pub sid: Option<String>,
    pub friendly_name: Option<String>,
    pub requirements: Option<serde_json::Value>,
    pub url: Option<String>,
}

/// An end-user or supporting-document type: the words for its fields.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TypeDefinition {
    pub sid: Option<String>,
    pub friendly_name: Option<String>,
    pub machine_name: Option<String>,
    /// Read leniently: an entry that is not `{machine_name, friendly_name, constraint}` is skipped.
    #[serde(default, deserialize_with = "lenient_fields")]
    pub fields: Vec<TypeField>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TypeField {
    pub machine_name: String,
    pub friendly_name: Option<String>,
    pub constraint: Option<String>,
}

fn lenient_fields<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<TypeField>, D::Error> {
    let raw: Option<Vec<serde_json::Value>> = Option::deserialize(d)?;
    Ok(raw
        .unwrap_or_default()
        .into_iter()
        .filter_map(|v| serde_json::from_value(v).ok())
        .collect())
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
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
#[cfg_attr(test, derive(ts_rs::TS))]
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
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Page<T> {
    pub records: Vec<T>,
    pub next_page_url: Option<String>,
}

/// A whole list as the app shows it: every record, or as many as the ceilings allow.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Listing<T> {
    pub records: Vec<T>,
    /// Why the list is not complete, when it is not.
    pub note: Option<ListNote>,
}

/// Why a list stopped before its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
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
#[cfg_attr(test, derive(ts_rs::TS))]
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

/// An address of the classic API (`/2010-04-01/Accounts/{AccountSid}/Addresses`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Address {
    pub sid: Option<String>,
    pub account_sid: Option<String>,
    pub customer_name: Option<String>,
    pub friendly_name: Option<String>,
    pub street: Option<String>,
    pub street_secondary: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub postal_code: Option<String>,
    pub iso_country: Option<String>,
    /// RFC 2822, as the classic API writes dates.
    pub date_created: Option<String>,
    pub date_updated: Option<String>,
}

/// A new address: every field Twilio requires, and the optional ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields))]
#[serde(rename_all = "camelCase")]
pub struct AddressInput {
    pub customer_name: String,
    pub street: String,
    pub street_secondary: Option<String>,
    pub city: String,
    pub region: String,
    pub postal_code: String,
    pub iso_country: String,
    pub friendly_name: Option<String>,
}

/// Changes to an address; `None` leaves a field as it is. The country cannot change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields))]
#[serde(rename_all = "camelCase")]
pub struct AddressUpdate {
    pub customer_name: Option<String>,
    pub street: Option<String>,
    pub street_secondary: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub postal_code: Option<String>,
    pub friendly_name: Option<String>,
}

/// An account as `GET /2010-04-01/Accounts/{Sid}.json` answers it: what the app reads of it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct AccountRecord {
    pub sid: Option<String>,
    pub friendly_name: Option<String>,
    pub status: Option<String>,
}

/// A phone number of the account (`IncomingPhoneNumbers`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PhoneNumber {
    pub sid: Option<String>,
    pub account_sid: Option<String>,
    pub phone_number: Option<String>,
    pub friendly_name: Option<String>,
    /// The address (`AD…`) the number is registered with, where its country asks for one.
    #[serde(default)]
    pub address_sid: Option<String>,
}
