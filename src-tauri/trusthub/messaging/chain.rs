//! The texting chain of an account, read as a person needs it: for each brand (one per
//! business), its campaigns on their Messaging Services and the numbers in them, each step
//! in plain words with the one next step; and every US number that cannot text US numbers
//! yet, with why. Pure: the records in, the chain out.

use serde::Serialize;

use super::models::{Brand, Campaign, MessagingService, ServiceNumber};
use crate::trusthub::models::PhoneNumber;

/// A Messaging Service with what the chain needs of it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ServiceRecords {
    pub service: MessagingService,
    pub campaigns: Vec<Campaign>,
    pub numbers: Vec<ServiceNumber>,
}

/// What to do next about one business's texting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum NextStep {
    WaitForBrand,
    FixBrand,
    CreateCampaign,
    WaitForCampaign,
    FixCampaign,
    AddNumbers,
    Ready,
}

impl NextStep {
    pub fn words(self) -> &'static str {
        match self {
            NextStep::WaitForBrand => "Wait for the brand's review. It usually takes from a few minutes to a few days.",
            NextStep::FixBrand => "Fix what Twilio names in the Customer-Profile or the A2P Trust Product, then resubmit the brand.",
            NextStep::CreateCampaign => "Create a campaign: say what the texts are for and show samples.",
            NextStep::WaitForCampaign => "Wait for the campaign's review. It usually takes a few days.",
            NextStep::FixCampaign => "Fix what Twilio names in the campaign, then resubmit it.",
            NextStep::AddNumbers => "Add the numbers that will send the texts to the campaign's Messaging Service.",
            NextStep::Ready => "Nothing: the numbers in this campaign's Messaging Service can text US numbers.",
        }
    }
}

/// One campaign as the chain shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CampaignStep {
    pub campaign_sid: Option<String>,
    pub service_sid: Option<String>,
    pub service_name: String,
    pub status: String,
    pub usecase: Option<String>,
    /// The numbers in its service, as written (`+14155550100`).
    pub numbers: Vec<String>,
}

/// One business: its brand, campaigns, numbers and next step.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BusinessChain {
    pub brand_sid: Option<String>,
    pub customer_profile_sid: Option<String>,
    pub a2p_trust_product_sid: Option<String>,
    pub brand_status: String,
    pub campaigns: Vec<CampaignStep>,
    pub next_step: NextStep,
    pub next_step_words: String,
}

/// Why a number cannot text US numbers yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Gap {
    /// In no Messaging Service.
    NoService,
    /// In a service that has no campaign.
    NoCampaign,
    /// Its campaign is being reviewed.
    CampaignInReview,
    /// Its campaign was not approved.
    CampaignFailed,
}

impl Gap {
    pub fn words(self) -> &'static str {
        match self {
            Gap::NoService => "Cannot text US numbers yet: it is in no Messaging Service with a registered campaign.",
            Gap::NoCampaign => "Cannot text US numbers yet: its Messaging Service has no campaign.",
            Gap::CampaignInReview => "Cannot text US numbers yet: its campaign is still being reviewed.",
            Gap::CampaignFailed => "Cannot text US numbers yet: its campaign was not approved.",
        }
    }
}

/// A number that cannot text US numbers yet.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NumberGap {
    pub phone_number_sid: Option<String>,
    pub phone_number: String,
    pub friendly_name: Option<String>,
    pub gap: Gap,
    pub why: String,
}

/// An account's texting, whole.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TextingChain {
    pub businesses: Vec<BusinessChain>,
    pub numbers_not_texting: Vec<NumberGap>,
}

fn upper(s: Option<&str>) -> String {
    s.unwrap_or("").trim().to_ascii_uppercase()
}

/// A brand's status in words.
pub fn brand_status_words(status: Option<&str>) -> &'static str {
    match upper(status).as_str() {
        "PENDING" | "IN_REVIEW" => "Being reviewed",
        "APPROVED" => "Approved",
        "FAILED" => "Not approved",
        "SUSPENDED" => "Suspended by the carriers",
        "DELETION_PENDING" => "Being deleted",
        "DELETION_FAILED" => "Could not be deleted",
        _ => "Status unknown to TrustHub Desk",
    }
}

/// A campaign's status in words.
pub fn campaign_status_words(status: Option<&str>) -> &'static str {
    match upper(status).as_str() {
        "VERIFIED" => "Approved",
        "PENDING" | "IN_PROGRESS" => "Being reviewed",
        "FAILED" => "Not approved",
        _ => "Status unknown to TrustHub Desk",
    }
}

/// A brand's or campaign's status in the words the history and the watch keep for
/// profiles, so one watch follows both: under review, approved, or not approved. `None`
/// for a status that is neither (suspended, being deleted): it is not followed.
pub fn watch_status(status: Option<&str>) -> Option<&'static str> {
    match upper(status).as_str() {
        "PENDING" | "IN_REVIEW" | "IN_PROGRESS" | "PENDING_REVIEW" => Some("in-review"),
        "APPROVED" | "VERIFIED" | "TWILIO_APPROVED" => Some("twilio-approved"),
        "FAILED" | "TWILIO_REJECTED" => Some("twilio-rejected"),
        _ => None,
    }
}

fn campaign_gap(status: Option<&str>) -> Option<Gap> {
    match upper(status).as_str() {
        "VERIFIED" => None,
        "FAILED" => Some(Gap::CampaignFailed),
        _ => Some(Gap::CampaignInReview),
    }
}

/// US toll-free area codes: toll-free numbers need a Toll-Free Verification instead.
pub(crate) const TOLL_FREE: [&str; 7] = ["800", "833", "844", "855", "866", "877", "888"];

/// A US number that is not toll-free: the ones a campaign must cover.
pub(crate) fn is_us_local(number: &str) -> bool {
    let digits = number.strip_prefix("+1").unwrap_or("");
    digits.len() == 10
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !TOLL_FREE.iter().any(|t| digits.starts_with(t))
}

/// The chain of an account from its records.
pub fn chain(
    brands: &[Brand],
    services: &[ServiceRecords],
    numbers: &[PhoneNumber],
) -> TextingChain {
    let businesses = brands
        .iter()
        .map(|brand| {
            let campaigns: Vec<(&ServiceRecords, &Campaign)> = services
                .iter()
                .flat_map(|s| s.campaigns.iter().map(move |c| (s, c)))
                .filter(|(_, c)| {
                    c.brand_registration_sid.is_some() && c.brand_registration_sid == brand.sid
                })
                .collect();
            let next_step = match upper(brand.status.as_deref()).as_str() {
                "FAILED" | "SUSPENDED" => NextStep::FixBrand,
                "APPROVED" => campaign_step(&campaigns),
                _ => NextStep::WaitForBrand,
            };
            BusinessChain {
                brand_sid: brand.sid.clone(),
                customer_profile_sid: brand.customer_profile_bundle_sid.clone(),
                a2p_trust_product_sid: brand.a2p_profile_bundle_sid.clone(),
                brand_status: brand_status_words(brand.status.as_deref()).to_owned(),
                campaigns: campaigns
                    .iter()
                    .map(|(s, c)| CampaignStep {
                        campaign_sid: c.sid.clone(),
                        service_sid: s.service.sid.clone(),
                        service_name: s.service.friendly_name.clone().unwrap_or_default(),
                        status: campaign_status_words(c.campaign_status.as_deref()).to_owned(),
                        usecase: c.us_app_to_person_usecase.clone(),
                        numbers: s
                            .numbers
                            .iter()
                            .filter_map(|n| n.phone_number.clone())
                            .collect(),
                    })
                    .collect(),
                next_step,
                next_step_words: next_step.words().to_owned(),
            }
        })
        .collect();
    let mut numbers_not_texting: Vec<NumberGap> = numbers
        .iter()
        .filter_map(|n| {
            let written = n.phone_number.clone().filter(|p| is_us_local(p))?;
            let service = services
                .iter()
                .find(|s| s.numbers.iter().any(|m| m.sid.is_some() && m.sid == n.sid));
            let gap = match service {
                None => Some(Gap::NoService),
                Some(s) => match s.campaigns.first() {
                    None => Some(Gap::NoCampaign),
                    Some(c) => campaign_gap(c.campaign_status.as_deref()),
                },
            }?;
            Some(NumberGap {
                phone_number_sid: n.sid.clone(),
                phone_number: written,
                friendly_name: n.friendly_name.clone(),
                gap,
                why: gap.words().to_owned(),
            })
        })
        .collect();
    numbers_not_texting.sort_by(|a, b| a.phone_number.cmp(&b.phone_number));
    TextingChain {
        businesses,
        numbers_not_texting,
    }
}

/// The next step of an approved brand, from its campaigns: the one furthest behind leads.
fn campaign_step(campaigns: &[(&ServiceRecords, &Campaign)]) -> NextStep {
    if campaigns.is_empty() {
        return NextStep::CreateCampaign;
    }
    let statuses: Vec<String> = campaigns
        .iter()
        .map(|(_, c)| upper(c.campaign_status.as_deref()))
        .collect();
    if statuses.iter().any(|s| s == "FAILED") {
        NextStep::FixCampaign
    } else if statuses.iter().any(|s| s != "VERIFIED") {
        NextStep::WaitForCampaign
    } else if campaigns.iter().any(|(s, _)| s.numbers.is_empty()) {
        NextStep::AddNumbers
    } else {
        NextStep::Ready
    }
}

#[cfg(test)]
#[path = "chain_tests.rs"]
mod tests;
