//! Messaging v1 on `messaging.twilio.com`: what comes after an approved profile and A2P
//! Trust Product before texts reach US numbers — a brand, a campaign on a Messaging
//! Service, and the numbers in that service. The same client, boundaries and account check
//! as TrustHub; brand and campaign requests keep to Twilio's one a second per account.

mod brands;
pub mod campaign_form;
mod campaigns;
pub mod chain;
pub mod models;
mod pace;
mod reading;
pub mod reasons;
mod services;
pub mod summary;
mod tollfree;
pub mod tollfree_form;
pub mod tollfree_prefill;
pub mod tollfree_view;
pub mod view;

pub use pace::Pace;
pub use reading::TextingRead;

/// A record the client made, or the one it found already there: a create that is
/// retried (after a lost answer) never makes a second brand, service or campaign.
#[derive(Debug, Clone, PartialEq)]
pub struct Made<T> {
    pub record: T,
    /// True when the record was already there and nothing was sent.
    pub existing: bool,
}

/// The account's numbers as the unit tests of the texting views write them.
#[cfg(test)]
pub(crate) mod test_numbers {
    use crate::trusthub::models::PhoneNumber;

    /// A number of the account: its SID and its E.164 form.
    pub fn number(sid: &str, e164: &str) -> PhoneNumber {
        PhoneNumber {
            sid: Some(sid.into()),
            phone_number: Some(e164.into()),
            ..PhoneNumber::default()
        }
    }

    /// The account's numbers, from pairs of SID and E.164 form.
    pub fn numbers(pairs: &[(&str, &str)]) -> Vec<PhoneNumber> {
        pairs.iter().map(|(sid, e164)| number(sid, e164)).collect()
    }
}
