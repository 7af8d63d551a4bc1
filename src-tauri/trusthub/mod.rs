//! Twilio TrustHub v1: models, checks and the HTTP client. No Tauri types in here.

pub mod attributes;
pub mod base_url;
mod bundles;
pub mod choices;
mod classic;
mod client;
pub mod codes;
pub mod drafts;
mod error;
pub mod limits;
pub mod links;
pub mod messaging;
pub mod models;
pub mod objects;
pub mod overview;
pub mod owned;
pub mod parse;
pub mod policies;
pub mod requirements;
pub mod validate;
pub mod voice_numbers;

pub use bundles::bundle_sid;
pub use client::{client_builder_for, http_client_for, http_client_with, TrustHubClient};
pub use error::{ApiError, TrustHubError};
pub use limits::Limits;
