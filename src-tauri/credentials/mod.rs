//! Twilio credentials: what they are, how they are checked, and where they are kept.
//! Nothing here knows about Tauri.

pub mod accounts;
mod store;

pub use store::{
    entry_name, KeyringStore, KeyringVault, MemoryStore, MemoryVault, SecretStore, StoreError,
    Vault,
};

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::trusthub::validate::{self, FieldError};

/// Which pair of values signs the requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum AuthKind {
    /// Account SID as user, Auth Token as password.
    AuthToken,
    /// API Key SID as user, API Key Secret as password (Twilio's recommendation).
    ApiKey,
}

/// A complete set of credentials. The secret is zeroed when dropped and never printed.
#[derive(Clone)]
pub struct Credentials {
    account_sid: String,
    api_key_sid: Option<String>,
    secret: SecretString,
}

/// What the window may know about the credentials: never the secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CredentialSummary {
    pub account_sid: String,
    pub auth_kind: AuthKind,
    pub api_key_sid: Option<String>,
}

impl Credentials {
    /// Checks the format of what was typed; trims the SIDs (they are often pasted).
    pub fn new(
        account_sid: &str,
        api_key_sid: Option<&str>,
        secret: SecretString,
    ) -> Result<Self, FieldError> {
        let account_sid = validate::sid("accountSid", account_sid, "AC", "Account SID")?;
        let api_key_sid = api_key_sid
            .map(|k| validate::sid("apiKeySid", k, "SK", "API Key SID"))
            .transpose()?;
        if secret.expose_secret().trim().is_empty() {
            let field = if api_key_sid.is_some() {
                "The API Key Secret is empty: paste the secret shown when the key was created."
            } else {
                "The Auth Token is empty: copy it from the Twilio Console's account dashboard."
            };
            return Err(FieldError::new("secret", field));
        }
        Ok(Self {
            account_sid,
            api_key_sid,
            secret,
        })
    }

    pub fn account_sid(&self) -> &str {
        &self.account_sid
    }

    /// The Basic-auth user name: the API Key SID when there is one, else the Account SID.
    pub fn username(&self) -> &str {
        self.api_key_sid.as_deref().unwrap_or(&self.account_sid)
    }

    pub fn secret(&self) -> &SecretString {
        &self.secret
    }

    pub fn auth_kind(&self) -> AuthKind {
        if self.api_key_sid.is_some() {
            AuthKind::ApiKey
        } else {
            AuthKind::AuthToken
        }
    }

    pub fn summary(&self) -> CredentialSummary {
        CredentialSummary {
            account_sid: self.account_sid.clone(),
            auth_kind: self.auth_kind(),
            api_key_sid: self.api_key_sid.clone(),
        }
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("account_sid", &self.account_sid)
            .field("api_key_sid", &self.api_key_sid)
            .field("secret", &"[redacted]")
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub const AC: &str = "AC0123456789abcdef0123456789abcdef";
    pub const SK: &str = "SK0123456789abcdef0123456789abcdef";

    #[test]
    fn auth_token_pair() {
        let c = Credentials::new(&format!(" {AC} "), None, "tok".into()).unwrap();
        assert_eq!(c.username(), AC);
        assert_eq!(c.summary().auth_kind, AuthKind::AuthToken);
    }

    #[test]
    fn api_key_pair_signs_with_the_key() {
        let c = Credentials::new(AC, Some(SK), "sec".into()).unwrap();
        assert_eq!(c.username(), SK);
        assert_eq!(c.summary().api_key_sid.as_deref(), Some(SK));
    }

    #[test]
    fn format_errors_name_their_field() {
        assert_eq!(
            Credentials::new("AC123", None, "t".into())
                .unwrap_err()
                .field,
            "accountSid"
        );
        assert_eq!(
            Credentials::new(AC, Some(AC), "t".into())
                .unwrap_err()
                .field,
            "apiKeySid"
        );
        assert_eq!(
            Credentials::new(AC, None, "  ".into()).unwrap_err().field,
            "secret"
        );
    }

    #[test]
    fn debug_never_prints_the_secret() {
        let c = Credentials::new(AC, None, "super-secret-token".into()).unwrap();
        let printed = format!("{c:?} {:?}", c.summary());
        assert!(!printed.contains("super-secret-token"));
        assert!(printed.contains("[redacted]"));
    }
}
