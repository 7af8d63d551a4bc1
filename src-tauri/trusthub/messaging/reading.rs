//! Reads an account's whole texting chain: its brands, its Messaging Services with their
//! campaigns and numbers, and its phone numbers, with the credentials of that account.

use super::chain::{chain, ServiceRecords, TextingChain};
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
