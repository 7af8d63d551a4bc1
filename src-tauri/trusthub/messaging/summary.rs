//! An account's texting in one line, for the Overview: how many brands and campaigns are
//! approved, how many numbers cannot text US numbers yet, and the first thing that needs
//! the person (or that Twilio is still reviewing). Pure; the accounts are read by
//! `texting_summaries`, many at once (Twilio's one-a-second pace is per account).

use futures_util::stream::{self, StreamExt};
use serde::Serialize;

use super::chain::{NextStep, TextingChain};
use crate::credentials::Credentials;
use crate::trusthub::client::Result;
use crate::trusthub::TrustHubClient;

/// Accounts read at once for their texting: each waits a second between its brand and
/// campaign requests, so more of them overlap than for profiles.
pub const CONCURRENT_TEXTING: usize = 24;

/// The rank of an account whose brands or campaigns Twilio is reviewing.
pub const REVIEWING: u8 = 5;

/// One account's texting, summed up.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TextingSummary {
    pub account_sid: String,
    pub brands: usize,
    pub brands_approved: usize,
    pub campaigns: usize,
    pub campaigns_approved: usize,
    pub numbers_not_texting: usize,
    /// What needs doing first, in words; `None` when nothing does.
    pub attention: Option<String>,
    /// The order of urgency. Below `REVIEWING`, the person has something to do (a brand to
    /// fix, a campaign to fix, a campaign to create, numbers to add, numbers outside any
    /// campaign, in that order); `REVIEWING`: Twilio is reviewing; above: nothing to do.
    pub rank: u8,
    /// Why the account's texting could not be read.
    pub error: Option<String>,
}

/// The summary of one account's chain.
pub fn summary(account_sid: &str, chain: &TextingChain) -> TextingSummary {
    let campaigns: Vec<&super::chain::CampaignStep> =
        chain.businesses.iter().flat_map(|b| &b.campaigns).collect();
    let count = |step: NextStep| {
        chain
            .businesses
            .iter()
            .filter(|b| b.next_step == step)
            .count()
    };
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            one.to_owned()
        } else {
            many.replace("{n}", &n.to_string())
        }
    };
    let gaps = chain.numbers_not_texting.len();
    let to_do = [
        (
            count(NextStep::FixBrand),
            "A brand was not approved: fix it and resubmit it.",
            "{n} brands were not approved: fix them and resubmit them.",
        ),
        (
            count(NextStep::FixCampaign),
            "A campaign was not approved: fix it and resubmit it.",
            "{n} campaigns were not approved: fix them and resubmit them.",
        ),
        (
            count(NextStep::CreateCampaign),
            "An approved brand has no campaign yet: create one.",
            "{n} approved brands have no campaign yet: create them.",
        ),
        (
            count(NextStep::AddNumbers),
            "A campaign has no numbers yet: add them to its Messaging Service.",
            "{n} campaigns have no numbers yet: add them to their Messaging Services.",
        ),
        (
            gaps,
            "A number cannot text US numbers yet.",
            "{n} numbers cannot text US numbers yet.",
        ),
    ];
    let waiting = count(NextStep::WaitForBrand).saturating_add(count(NextStep::WaitForCampaign));
    let (attention, rank) = match to_do.iter().zip(0_u8..).find(|((n, ..), _)| *n > 0) {
        Some(((n, one, many), rank)) => (Some(plural(*n, one, many)), rank),
        None if waiting > 0 => (
            Some(plural(
                waiting,
                "Twilio is reviewing a brand or campaign.",
                "Twilio is reviewing {n} brands or campaigns.",
            )),
            REVIEWING,
        ),
        None => (None, REVIEWING + 1),
    };
    TextingSummary {
        account_sid: account_sid.to_owned(),
        brands: chain.businesses.len(),
        brands_approved: chain
            .businesses
            .iter()
            .filter(|b| b.brand_status == super::chain::brand_status_words(Some("APPROVED")))
            .count(),
        campaigns: campaigns.len(),
        campaigns_approved: campaigns
            .iter()
            .filter(|c| c.status == super::chain::campaign_status_words(Some("VERIFIED")))
            .count(),
        numbers_not_texting: gaps,
        attention,
        rank,
        error: None,
    }
}

impl TrustHubClient {
    /// Each account's texting summary, `CONCURRENT_TEXTING` accounts at a time, in the
    /// order given; an account that fails gives its error in its place.
    pub async fn texting_summaries(
        &self,
        accounts: Vec<Credentials>,
    ) -> Vec<Result<TextingSummary>> {
        let mut read: Vec<(usize, Result<TextingSummary>)> =
            stream::iter(accounts.into_iter().enumerate())
                .map(|(i, c)| async move {
                    let read = self.read_texting(&c).await;
                    (i, read.map(|r| summary(c.account_sid(), &r.chain)))
                })
                .buffer_unordered(CONCURRENT_TEXTING)
                .collect()
                .await;
        read.sort_by_key(|(i, _)| *i);
        read.into_iter().map(|(_, r)| r).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trusthub::messaging::chain::{chain, ServiceRecords};
    use crate::trusthub::messaging::models::{Brand, Campaign, MessagingService, ServiceNumber};
    use crate::trusthub::models::PhoneNumber;

    fn brand(sid: &str, status: &str) -> Brand {
        Brand {
            sid: Some(sid.into()),
            status: Some(status.into()),
            ..Brand::default()
        }
    }

    fn service(brand: &str, status: &str, numbers: &[&str]) -> ServiceRecords {
        ServiceRecords {
            service: MessagingService {
                sid: Some(format!("MG{brand}")),
                ..MessagingService::default()
            },
            campaigns: vec![Campaign {
                sid: Some(format!("QE{brand}")),
                brand_registration_sid: Some(brand.into()),
                campaign_status: Some(status.into()),
                ..Campaign::default()
            }],
            numbers: numbers
                .iter()
                .map(|n| ServiceNumber {
                    sid: Some((*n).into()),
                    ..ServiceNumber::default()
                })
                .collect(),
        }
    }

    fn number(sid: &str, n: &str) -> PhoneNumber {
        PhoneNumber {
            sid: Some(sid.into()),
            phone_number: Some(n.into()),
            ..PhoneNumber::default()
        }
    }

    #[test]
    fn what_the_person_must_do_comes_first_then_what_twilio_reviews() {
        let brands = [
            brand("BN1", "APPROVED"),
            brand("BN2", "APPROVED"),
            brand("BN3", "PENDING"),
        ];
        let services = [
            service("BN1", "VERIFIED", &["PN1"]),
            service("BN2", "FAILED", &["PN2"]),
        ];
        let numbers = [
            number("PN1", "+14155550101"),
            number("PN2", "+14155550102"),
            number("PN3", "+14155550103"),
        ];
        let s = summary("AC1", &chain(&brands, &services, &numbers));
        assert_eq!(
            (
                s.brands,
                s.brands_approved,
                s.campaigns,
                s.campaigns_approved,
                s.numbers_not_texting
            ),
            (3, 2, 2, 1, 2)
        );
        assert_eq!(
            s.attention.as_deref(),
            Some("A campaign was not approved: fix it and resubmit it.")
        );
        assert_eq!(s.rank, 1);

        let s = summary("AC1", &chain(&brands[2..], &[], &[]));
        assert_eq!(
            s.attention.as_deref(),
            Some("Twilio is reviewing a brand or campaign.")
        );
        assert_eq!(s.rank, REVIEWING);

        let s = summary("AC1", &chain(&brands[..1], &services[..1], &numbers[..1]));
        assert_eq!((s.attention, s.rank), (None, REVIEWING + 1));

        let s = summary("AC1", &chain(&[], &[], &numbers));
        assert_eq!(
            s.attention.as_deref(),
            Some("3 numbers cannot text US numbers yet.")
        );
        assert_eq!(s.rank, 4, "after every brand and campaign to fix");
    }
}
