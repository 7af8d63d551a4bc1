//! An account's texting in one line, for the Overview: how many brands and campaigns are
//! approved, how many numbers cannot text US numbers yet, and the first thing that needs
//! the person (or that Twilio is still reviewing). Pure; the accounts are read by
//! `texting_summaries`, many at once (Twilio's one-a-second pace is per account).

use futures_util::stream::{self, StreamExt};
use serde::Serialize;

use super::chain::{NextStep, TextingChain};
use super::models::TollfreeVerification;
use super::tollfree_view::{tollfree_numbers, TollfreeNext};
use crate::credentials::Credentials;
use crate::trusthub::client::Result;
use crate::trusthub::models::{BundleKind, PhoneNumber};
use crate::trusthub::policies::Purpose;
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
    /// The account's toll-free numbers, and how many of them are verified.
    pub toll_free: usize,
    pub toll_free_verified: usize,
    /// Each approved voice Trust Product's coverage: "3 of 12 numbers on SHAKEN/STIR".
    pub voice: Vec<String>,
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
        ..TextingSummary::default()
    }
}

/// Adds the toll-free numbers (verified or not) to `line`; when nothing else needs the
/// person, an unverified or rejected toll-free number does.
pub fn with_toll_free(
    mut line: TextingSummary,
    numbers: &[PhoneNumber],
    verifications: &[TollfreeVerification],
) -> TextingSummary {
    let list = tollfree_numbers(numbers, verifications, 0);
    line.toll_free = list.len();
    line.toll_free_verified = list.iter().filter(|n| n.next == TollfreeNext::None).count();
    let rejected = list
        .iter()
        .filter(|n| n.status_code == "TWILIO_REJECTED")
        .count();
    let unverified = list
        .iter()
        .filter(|n| n.next == TollfreeNext::Verify)
        .count();
    if line.rank >= REVIEWING && rejected > 0 {
        line.attention = Some(if rejected == 1 {
            "A toll-free verification was not approved: edit it, or start it again.".to_owned()
        } else {
            format!("{rejected} toll-free verifications were not approved: edit them, or start them again.")
        });
        line.rank = REVIEWING - 1;
    } else if line.rank >= REVIEWING && unverified > 0 {
        line.attention = Some(if unverified == 1 {
            "A toll-free number is not verified: it cannot text.".to_owned()
        } else {
            format!("{unverified} toll-free numbers are not verified: they cannot text.")
        });
        line.rank = REVIEWING - 1;
    }
    line
}

/// "3 of 12 numbers on SHAKEN/STIR": how many of the account's `total` numbers are on a
/// voice Trust Product of `kind`.
pub fn voice_line(on: usize, total: usize, kind: &str) -> String {
    format!(
        "{on} of {total} {} on {kind}",
        if total == 1 { "number" } else { "numbers" }
    )
}

impl TrustHubClient {
    /// Each account's texting summary, `CONCURRENT_TEXTING` accounts at a time, in the
    /// order given; an account that fails gives its error in its place. With it, its
    /// toll-free verifications and its approved voice Trust Products' numbers.
    pub async fn texting_summaries(
        &self,
        accounts: Vec<Credentials>,
    ) -> Vec<Result<TextingSummary>> {
        // Policies are Twilio's, the same for every account: read once.
        let voice_policies: Vec<(String, &'static str)> = match accounts.first() {
            Some(c) => self
                .list_policies(c)
                .await
                .map(|l| l.records)
                .unwrap_or_default()
                .into_iter()
                .filter_map(|p| {
                    let kind = voice_words(Purpose::of(p.friendly_name.as_deref()?))?;
                    Some((p.sid?, kind))
                })
                .collect(),
            None => Vec::new(),
        };
        let voice_policies = &voice_policies;
        let mut read: Vec<(usize, Result<TextingSummary>)> =
            stream::iter(accounts.into_iter().enumerate())
                .map(|(i, c)| async move {
                    let line = async {
                        let read = self.read_texting(&c).await?;
                        let verifications = self.list_tollfree(&c).await?.records;
                        let mut line = with_toll_free(
                            summary(c.account_sid(), &read.chain),
                            &read.numbers,
                            &verifications,
                        );
                        line.voice = self
                            .voice_coverage(&c, voice_policies, read.numbers.len())
                            .await?;
                        Ok(line)
                    };
                    (i, line.await)
                })
                .buffer_unordered(CONCURRENT_TEXTING)
                .collect()
                .await;
        read.sort_by_key(|(i, _)| *i);
        read.into_iter().map(|(_, r)| r).collect()
    }

    /// A line per approved voice Trust Product: how many of the `total` numbers are on it.
    async fn voice_coverage(
        &self,
        c: &Credentials,
        policies: &[(String, &'static str)],
        total: usize,
    ) -> Result<Vec<String>> {
        if policies.is_empty() {
            return Ok(Vec::new());
        }
        let products = self.list_bundles_all(c, BundleKind::TrustProduct).await?;
        let mut lines = Vec::new();
        for p in products.records {
            let Some(kind) = policies
                .iter()
                .find(|(sid, _)| p.policy_sid.as_deref() == Some(sid.as_str()))
                .map(|(_, kind)| *kind)
            else {
                continue;
            };
            let (Some(sid), Some("twilio-approved")) = (p.sid.as_deref(), p.status.as_deref())
            else {
                continue;
            };
            let on = self
                .numbers_on(c, BundleKind::TrustProduct, sid)
                .await?
                .len();
            lines.push(voice_line(on, total, kind));
        }
        Ok(lines)
    }
}

/// A voice product's words, or `None` for a product of another kind.
pub fn voice_words(purpose: Purpose) -> Option<&'static str> {
    match purpose {
        Purpose::ShakenStir => Some("SHAKEN/STIR"),
        Purpose::Cnam => Some("CNAM"),
        Purpose::VoiceIntegrity => Some("Voice Integrity"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trusthub::messaging::chain::{chain, ServiceRecords};
    use crate::trusthub::messaging::models::{Brand, Campaign, MessagingService, ServiceNumber};
    use crate::trusthub::messaging::test_numbers::{number, numbers};

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

    #[test]
    fn toll_free_numbers_are_counted_and_need_the_person_when_nothing_else_does() {
        let numbers = numbers(&[
            ("PN1", "+18335550100"),
            ("PN2", "+18335550101"),
            ("PN3", "+14155550100"),
        ]);
        let verified = TollfreeVerification {
            tollfree_phone_number_sid: Some("PN1".into()),
            status: Some("TWILIO_APPROVED".into()),
            ..TollfreeVerification::default()
        };
        let calm = TextingSummary {
            rank: REVIEWING + 1,
            ..TextingSummary::default()
        };
        let line = with_toll_free(calm.clone(), &numbers, std::slice::from_ref(&verified));
        assert_eq!((line.toll_free, line.toll_free_verified), (2, 1));
        assert_eq!(
            line.attention.as_deref(),
            Some("A toll-free number is not verified: it cannot text.")
        );
        assert_eq!(line.rank, REVIEWING - 1);
        let rejected = TollfreeVerification {
            tollfree_phone_number_sid: Some("PN2".into()),
            status: Some("TWILIO_REJECTED".into()),
            ..TollfreeVerification::default()
        };
        let line = with_toll_free(calm, &numbers, &[verified, rejected.clone()]);
        assert_eq!(
            line.attention.as_deref(),
            Some("A toll-free verification was not approved: edit it, or start it again.")
        );
        let busy = TextingSummary {
            rank: 1,
            attention: Some("A campaign was not approved: fix it and resubmit it.".into()),
            ..TextingSummary::default()
        };
        let line = with_toll_free(busy, &numbers, &[rejected]);
        assert_eq!(
            (line.rank, line.toll_free_verified),
            (1, 0),
            "a campaign to fix comes first"
        );
        assert_eq!(
            voice_line(3, 12, "SHAKEN/STIR"),
            "3 of 12 numbers on SHAKEN/STIR"
        );
        assert_eq!(voice_line(1, 1, "CNAM"), "1 of 1 number on CNAM");
    }
}
