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
