//! Reads an account's whole texting chain: its brands, its Messaging Services with their
//! campaigns and numbers, and its phone numbers, with the credentials of that account.

use super::chain::{chain, is_us_local, ServiceRecords, TextingChain};
use super::models::Brand;
use crate::credentials::Credentials;
use crate::trusthub::client::Result;
use crate::trusthub::models::{ListNote, PhoneNumber};
use crate::trusthub::TrustHubClient;

/// The chain, and what was cut short while reading it (then the chain may miss records).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextingRead {
    pub chain: TextingChain,
    /// The records the chain was made from, for what the chain does not repeat (a brand's
    /// score and reasons, the services without a campaign, every number's SID).
    pub brands: Vec<Brand>,
    pub services: Vec<ServiceRecords>,
    pub numbers: Vec<PhoneNumber>,
    pub notes: Vec<ListNote>,
}

impl TrustHubClient {
    /// Everything the Texting area shows for one account. Services are read one after the
    /// other: their campaign requests keep to one a second anyway.
    pub async fn read_texting(&self, c: &Credentials) -> Result<TextingRead> {
        let mut notes = Vec::new();
        let brands = self.list_brands(c).await?;
        notes.extend(brands.note);
        let listed = self.list_services(c).await?;
        notes.extend(listed.note);
        let mut services = Vec::with_capacity(listed.records.len());
        for service in listed.records {
            let Some(sid) = service.sid.clone() else {
                continue;
            };
            let campaigns = self.list_campaigns(c, &sid).await?;
            let numbers = self.list_service_numbers(c, &sid).await?;
            notes.extend(campaigns.note);
            notes.extend(numbers.note);
            services.push(ServiceRecords {
                service,
                campaigns: campaigns.records,
                numbers: numbers.records,
            });
        }
        let numbers = self.list_phone_numbers(c).await?;
        notes.extend(numbers.note);
        Ok(TextingRead {
            chain: chain(&brands.records, &services, &numbers.records),
            brands: brands.records,
            services,
            numbers: numbers.records,
            notes,
        })
    }
}

impl TextingRead {
    /// What the account's number `e164` needs to text US numbers, in a sentence.
    pub fn number_words(&self, e164: &str) -> String {
        if let Some(gap) = self
            .chain
            .numbers_not_texting
            .iter()
            .find(|g| g.phone_number == e164)
        {
            return gap.why.clone();
        }
        if !e164.starts_with("+1") {
            return "Not a US or Canadian number: US texting registration does not apply to it."
                .to_owned();
        }
        if !is_us_local(e164) {
            return "A toll-free number: it texts US numbers after a toll-free verification, not a campaign.".to_owned();
        }
        let sid = self
            .numbers
            .iter()
            .find(|n| n.phone_number.as_deref() == Some(e164))
            .and_then(|n| n.sid.as_deref());
        match self
            .services
            .iter()
            .find(|s| sid.is_some() && s.numbers.iter().any(|n| n.sid.as_deref() == sid))
        {
            Some(s) => format!(
                "It can text US numbers: its Messaging Service “{}” has an approved campaign.",
                s.service.friendly_name.as_deref().unwrap_or("with no name")
            ),
            None => "This account does not hold the number.".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trusthub::messaging::models::{Brand, Campaign, MessagingService, ServiceNumber};
    use crate::trusthub::messaging::test_numbers::numbers;

    fn read() -> TextingRead {
        let brands = vec![Brand {
            sid: Some("BN1".into()),
            status: Some("APPROVED".into()),
            ..Brand::default()
        }];
        let services = vec![ServiceRecords {
            service: MessagingService {
                sid: Some("MG1".into()),
                friendly_name: Some("Shop texts".into()),
                ..MessagingService::default()
            },
            campaigns: vec![Campaign {
                sid: Some("QE1".into()),
                brand_registration_sid: Some("BN1".into()),
                campaign_status: Some("VERIFIED".into()),
                ..Campaign::default()
            }],
            numbers: vec![ServiceNumber {
                sid: Some("PN1".into()),
                ..ServiceNumber::default()
            }],
        }];
        let numbers = numbers(&[
            ("PN1", "+14155550101"),
            ("PN2", "+14155550102"),
            ("PN3", "+18005550103"),
            ("PN4", "+442071838750"),
        ]);
        TextingRead {
            chain: chain(&brands, &services, &numbers),
            brands,
            services,
            numbers,
            notes: Vec::new(),
        }
    }

    #[test]
    fn each_number_says_what_it_needs_to_text() {
        let r = read();
        assert_eq!(
            r.number_words("+14155550101"),
            "It can text US numbers: its Messaging Service “Shop texts” has an approved campaign."
        );
        assert_eq!(
            r.number_words("+14155550102"),
            "Cannot text US numbers yet: it is in no Messaging Service with a registered campaign."
        );
        assert!(r
            .number_words("+18005550103")
            .starts_with("A toll-free number"));
        assert!(r
            .number_words("+442071838750")
            .starts_with("Not a US or Canadian number"));
        assert_eq!(
            r.number_words("+14155559999"),
            "This account does not hold the number."
        );
    }
}
