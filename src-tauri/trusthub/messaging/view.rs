//! The Texting area as the window shows it, made from one read of the account: each
//! business by its profile's name with its brand in words (kind, identity, score, reasons,
//! resubmissions left), its campaigns with their reasons, every Messaging Service and
//! number (for the campaign and number forms), and the pairs a brand can be registered
//! for. Pure: the records and names in, the view out.

use std::collections::HashMap;

use serde::Serialize;

use super::chain::{BusinessChain, CampaignStep, NumberGap};
use super::reasons::{reasons, Reason};
use super::TextingRead;

/// Twilio allows three resubmissions of a brand.
pub const RESUBMISSIONS: u32 = 3;

/// A brand, what Twilio says of it, and what can be done.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BusinessView {
    pub chain: BusinessChain,
    /// The Customer-Profile's name (the business), or a plain stand-in.
    pub name: String,
    pub a2p_name: Option<String>,
    /// The status as Twilio writes it, upper case (`APPROVED`, `FAILED`, …).
    pub status_code: String,
    pub kind: String,
    pub identity: String,
    pub score: Option<i64>,
    pub reasons: Vec<Reason>,
    pub resubmissions_left: u32,
    pub can_resubmit: bool,
    pub sole_proprietor: bool,
    pub mock: bool,
    pub campaigns: Vec<CampaignView>,
}

/// A campaign with Twilio's reasons.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CampaignView {
    pub step: CampaignStep,
    pub status_code: String,
    pub reasons: Vec<Reason>,
    /// Twilio judged it high risk (30885): it cannot be resubmitted.
    pub high_risk: bool,
}

/// One of the account's numbers, and the service it is in.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NumberRef {
    pub sid: String,
    pub phone_number: String,
    pub friendly_name: Option<String>,
    pub service_sid: Option<String>,
}

/// A Messaging Service, its campaign if any, and its numbers' SIDs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ServiceView {
    pub sid: String,
    pub name: String,
    pub campaign_sid: Option<String>,
    pub brand_sid: Option<String>,
    pub numbers: Vec<String>,
}

/// An approved Customer-Profile and A2P Trust Product without a brand yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BrandChoice {
    pub customer_profile_sid: String,
    pub customer_profile_name: String,
    pub a2p_trust_product_sid: String,
    pub a2p_trust_product_name: String,
}

/// The whole area.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TextingView {
    pub businesses: Vec<BusinessView>,
    pub numbers_not_texting: Vec<NumberGap>,
    pub services: Vec<ServiceView>,
    pub numbers: Vec<NumberRef>,
    pub choices: Vec<BrandChoice>,
    /// A list was cut short: something may be missing.
    pub incomplete: Option<String>,
}

/// What the view is made of besides the read: the profiles' and Trust Products' names,
/// the resubmissions each brand has used, and the pairs without a brand.
#[derive(Debug, Clone, Default)]
pub struct Extras {
    pub names: HashMap<String, String>,
    pub resubmitted: HashMap<String, u32>,
    pub choices: Vec<BrandChoice>,
    pub incomplete: Option<String>,
}

fn upper(s: Option<&str>) -> String {
    s.unwrap_or("").trim().to_ascii_uppercase()
}

fn kind_words(brand_type: Option<&str>, skips_vetting: bool) -> &'static str {
    match (upper(brand_type).as_str(), skips_vetting) {
        ("SOLE_PROPRIETOR", _) => "Sole proprietor",
        ("STANDARD", true) => "Low-volume standard",
        ("STANDARD", false) => "Standard",
        _ => "Another kind",
    }
}

fn identity_words(status: Option<&str>) -> &'static str {
    match upper(status).as_str() {
        "SELF_DECLARED" => "Declared by the business, not checked yet",
        "UNVERIFIED" => "Not verified: the details did not match the registries",
        "VERIFIED" => "Verified",
        "VETTED_VERIFIED" => "Verified and vetted",
        _ => "Not known yet",
    }
}

/// The view of `read`, with `extras`.
pub fn view(read: &TextingRead, extras: Extras) -> TextingView {
    let name_of = |sid: Option<&str>| sid.and_then(|s| extras.names.get(s)).cloned();
    let businesses = read
        .chain
        .businesses
        .iter()
        .map(|chain| {
            let brand = read
                .brands
                .iter()
                .find(|b| b.sid.is_some() && b.sid == chain.brand_sid)
                .cloned()
                .unwrap_or_default();
            let status_code = upper(brand.status.as_deref());
            let used = chain
                .brand_sid
                .as_deref()
                .and_then(|s| extras.resubmitted.get(s))
                .copied()
                .unwrap_or(0);
            let left = RESUBMISSIONS.saturating_sub(used);
            let campaigns = chain
                .campaigns
                .iter()
                .map(|step| {
                    let record = read
                        .services
                        .iter()
                        .flat_map(|s| s.campaigns.iter())
                        .find(|c| c.sid.is_some() && c.sid == step.campaign_sid);
                    let reasons = reasons(record.and_then(|c| c.errors.as_deref()));
                    CampaignView {
                        step: step.clone(),
                        status_code: upper(record.and_then(|c| c.campaign_status.as_deref())),
                        high_risk: reasons.iter().any(|r| r.code == Some(30885)),
                        reasons,
                    }
                })
                .collect();
            BusinessView {
                name: name_of(chain.customer_profile_sid.as_deref()).unwrap_or_else(|| {
                    "A business whose Customer-Profile is not in this account's list".to_owned()
                }),
                a2p_name: name_of(chain.a2p_trust_product_sid.as_deref()),
                can_resubmit: status_code == "FAILED" && left > 0,
                status_code,
                kind: kind_words(
                    brand.brand_type.as_deref(),
                    brand.skip_automatic_sec_vet.unwrap_or(false),
                )
                .to_owned(),
                identity: identity_words(brand.identity_status.as_deref()).to_owned(),
                score: brand.brand_score,
                reasons: reasons(brand.errors.as_deref()),
                resubmissions_left: left,
                sole_proprietor: upper(brand.brand_type.as_deref()) == "SOLE_PROPRIETOR",
                mock: brand.mock.unwrap_or(false),
                chain: chain.clone(),
                campaigns,
            }
        })
        .collect();
    let services = read
        .services
        .iter()
        .filter_map(|s| {
            let campaign = s.campaigns.first();
            Some(ServiceView {
                sid: s.service.sid.clone()?,
                name: s.service.friendly_name.clone().unwrap_or_default(),
                campaign_sid: campaign.and_then(|c| c.sid.clone()),
                brand_sid: campaign.and_then(|c| c.brand_registration_sid.clone()),
                numbers: s.numbers.iter().filter_map(|n| n.sid.clone()).collect(),
            })
        })
        .collect::<Vec<_>>();
    let numbers = read
        .numbers
        .iter()
        .filter_map(|n| {
            let sid = n.sid.clone()?;
            Some(NumberRef {
                service_sid: services
                    .iter()
                    .find(|s| s.numbers.contains(&sid))
                    .map(|s| s.sid.clone()),
                phone_number: n.phone_number.clone().unwrap_or_default(),
                friendly_name: n.friendly_name.clone(),
                sid,
            })
        })
        .collect();
    let brand_pairs: Vec<(Option<&str>, Option<&str>)> = read
        .brands
        .iter()
        .map(|b| {
            (
                b.customer_profile_bundle_sid.as_deref(),
                b.a2p_profile_bundle_sid.as_deref(),
            )
        })
        .collect();
    TextingView {
        businesses,
        numbers_not_texting: read.chain.numbers_not_texting.clone(),
        services,
        numbers,
        choices: extras
            .choices
            .into_iter()
            .filter(|c| {
                !brand_pairs.contains(&(
                    Some(c.customer_profile_sid.as_str()),
                    Some(c.a2p_trust_product_sid.as_str()),
                ))
            })
            .collect(),
        incomplete: extras
            .incomplete
            .or_else(|| read.notes.first().map(|n| n.message.clone())),
    }
}

#[cfg(test)]
#[path = "view_tests.rs"]
mod tests;
