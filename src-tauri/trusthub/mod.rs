//! Twilio TrustHub v1: models, checks and the HTTP client. No Tauri types in here.

pub mod base_url;
mod client;
pub mod codes;
mod error;
pub mod limits;
pub mod links;
pub mod models;
pub mod parse;
pub mod validate;

pub use client::{http_client, http_client_with, TrustHubClient};
pub use error::{ApiError, TrustHubError};
pub use limits::Limits;
