//! Messaging v1 records as Twilio returns them: brands, their vettings, Messaging
//! Services, the numbers in a service, campaigns and use cases. Every field is optional
//! and statuses are kept as text, so a newer API never breaks the app.

use serde::{Deserialize, Serialize};

/// A brand registration (`BN…`): the business as the carriers' registry knows it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Brand {
    pub sid: Option<String>,
    pub account_sid: Option<String>,
    pub customer_profile_bundle_sid: Option<String>,
    pub a2p_profile_bundle_sid: Option<String>,
    /// `STANDARD`, `SOLE_PROPRIETOR`, …
    pub brand_type: Option<String>,
    /// PENDING, IN_REVIEW, APPROVED, FAILED, SUSPENDED, DELETION_PENDING, DELETION_FAILED.
    pub status: Option<String>,
    /// SELF_DECLARED, UNVERIFIED, VERIFIED, VETTED_VERIFIED.
    pub identity_status: Option<String>,
    pub brand_score: Option<i64>,
    pub tcr_id: Option<String>,
    pub failure_reason: Option<String>,
    pub errors: Option<Vec<RegistrationError>>,
    pub skip_automatic_sec_vet: Option<bool>,
    pub mock: Option<bool>,
    pub date_created: Option<String>,
    pub date_updated: Option<String>,
}

/// One of Twilio's reasons a brand or campaign failed. The spec leaves the items untyped;
/// campaigns write `error_code`, `description`, `fields` and `url`, read leniently.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RegistrationError {
    #[serde(alias = "code")]
    pub error_code: Option<i64>,
    /// `message` in some answers, `reason` in a toll-free verification's.
    #[serde(alias = "message", alias = "reason")]
    pub description: Option<String>,
    /// The campaign fields concerned, in Twilio's words (`MESSAGE_FLOW`, …).
    pub fields: Option<Vec<String>>,
    pub url: Option<String>,
}

/// A secondary vetting of a brand (`VT…`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct BrandVetting {
    pub account_sid: Option<String>,
    pub brand_sid: Option<String>,
    pub brand_vetting_sid: Option<String>,
    pub vetting_provider: Option<String>,
    pub vetting_class: Option<String>,
    pub vetting_status: Option<String>,
    pub date_created: Option<String>,
    pub date_updated: Option<String>,
}

/// Twilio's answer to "send the confirmation text again".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BrandOtp {
    pub account_sid: Option<String>,
    pub brand_registration_sid: Option<String>,
}

/// A Messaging Service (`MG…`): the numbers a campaign covers are the ones in it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MessagingService {
    pub sid: Option<String>,
    pub account_sid: Option<String>,
    pub friendly_name: Option<String>,
    /// Whether a campaign is registered on it.
    pub us_app_to_person_registered: Option<bool>,
    pub date_created: Option<String>,
    pub date_updated: Option<String>,
}

/// A phone number in a Messaging Service (`PN…`, the number's own SID).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ServiceNumber {
    pub sid: Option<String>,
    pub account_sid: Option<String>,
    pub service_sid: Option<String>,
    pub phone_number: Option<String>,
    pub country_code: Option<String>,
}

/// A campaign (`QE…`, "US App-to-Person") on a Messaging Service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Campaign {
    pub sid: Option<String>,
    pub account_sid: Option<String>,
    pub brand_registration_sid: Option<String>,
    pub messaging_service_sid: Option<String>,
    pub description: Option<String>,
    pub message_flow: Option<String>,
    pub message_samples: Option<Vec<String>>,
    pub us_app_to_person_usecase: Option<String>,
    pub has_embedded_links: Option<bool>,
    pub has_embedded_phone: Option<bool>,
    pub subscriber_opt_in: Option<bool>,
    pub age_gated: Option<bool>,
    pub direct_lending: Option<bool>,
    pub opt_in_message: Option<String>,
    pub opt_out_message: Option<String>,
    pub help_message: Option<String>,
    pub opt_in_keywords: Option<Vec<String>>,
    pub opt_out_keywords: Option<Vec<String>>,
    pub help_keywords: Option<Vec<String>>,
    pub privacy_policy_url: Option<String>,
    pub terms_and_conditions_url: Option<String>,
    /// A free string in the spec: PENDING, IN_PROGRESS, VERIFIED, FAILED are seen.
    pub campaign_status: Option<String>,
    pub campaign_id: Option<String>,
    pub errors: Option<Vec<RegistrationError>>,
    pub mock: Option<bool>,
    pub date_created: Option<String>,
    pub date_updated: Option<String>,
}

/// A use case a brand may register a campaign for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Usecase {
    pub code: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    /// Whether Twilio reviews campaigns of this use case after approval as well.
    pub post_approval_required: Option<bool>,
}

/// The answer of `…/Compliance/Usa2p/Usecases`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub(crate) struct UsecaseList {
    pub us_app_to_person_usecases: Option<Vec<Usecase>>,
}

/// A toll-free verification (`HH…`): a toll-free number texts only once it is approved.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TollfreeVerification {
    pub sid: Option<String>,
    pub account_sid: Option<String>,
    pub customer_profile_sid: Option<String>,
    pub tollfree_phone_number_sid: Option<String>,
    pub tollfree_phone_number: Option<String>,
    /// PENDING_REVIEW, IN_REVIEW, TWILIO_APPROVED, TWILIO_REJECTED.
    pub status: Option<String>,
    pub business_name: Option<String>,
    pub business_website: Option<String>,
    pub business_street_address: Option<String>,
    pub business_street_address2: Option<String>,
    pub business_city: Option<String>,
    pub business_state_province_region: Option<String>,
    pub business_postal_code: Option<String>,
    pub business_country: Option<String>,
    pub business_contact_first_name: Option<String>,
    pub business_contact_last_name: Option<String>,
    pub business_contact_email: Option<String>,
    pub business_contact_phone: Option<String>,
    pub notification_email: Option<String>,
    pub use_case_categories: Option<Vec<String>>,
    pub use_case_summary: Option<String>,
    pub production_message_sample: Option<String>,
    pub opt_in_image_urls: Option<Vec<String>>,
    pub opt_in_type: Option<String>,
    pub message_volume: Option<String>,
    pub additional_information: Option<String>,
    pub business_type: Option<String>,
    pub business_registration_number: Option<String>,
    pub business_registration_authority: Option<String>,
    pub business_registration_country: Option<String>,
    pub rejection_reason: Option<String>,
    /// Untyped in the spec; read leniently like a campaign's errors.
    pub rejection_reasons: Option<Vec<RegistrationError>>,
    pub error_code: Option<i64>,
    /// Whether a rejected verification may still be edited, and until when.
    pub edit_allowed: Option<bool>,
    pub edit_expiration: Option<String>,
    pub date_created: Option<String>,
    pub date_updated: Option<String>,
}

/// What kind of brand to register.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum BrandKind {
    /// A business: Twilio's secondary vetting runs automatically.
    #[default]
    Standard,
    /// A standard brand sending few messages a day: no automatic secondary vetting.
    LowVolumeStandard,
    /// A person without a tax number, confirmed by a text to their mobile.
    SoleProprietor,
}

/// Registering a brand: the approved profile and A2P Trust Product, and the kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BrandInput {
    pub customer_profile_sid: String,
    pub a2p_trust_product_sid: String,
    pub kind: BrandKind,
    /// A test registration Twilio does not send to the carriers (no fee).
    #[serde(default)]
    pub mock: bool,
}

/// Every Messaging record names its account, and is checked to be the credentials' own.
macro_rules! owned_by_account_sid {
    ($($t:ty),* $(,)?) => {
        $(impl crate::trusthub::owned::Owned for $t {
            fn owner(&self) -> Option<&str> {
                self.account_sid.as_deref()
            }
        })*
    };
}

owned_by_account_sid!(
    Brand,
    BrandVetting,
    BrandOtp,
    MessagingService,
    ServiceNumber,
    Campaign,
    TollfreeVerification
);

/// Use cases are Twilio's, for every account.
impl crate::trusthub::owned::Owned for UsecaseList {
    fn owner(&self) -> Option<&str> {
        None
    }
}
