//! Where credentials are kept: the operating system's keyring, or (when there is none
//! and the person agrees) this session's memory. Never a file.

use secrecy::zeroize::Zeroizing;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::Credentials;
use crate::trusthub::base_url::TWILIO_SERVER;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// No keyring service at all (Linux without a Secret Service).
    #[error("This computer has no keyring service to keep your credentials safely ({0}).")]
    Unavailable(String),
    /// A keyring exists but refused access: locked, or the person said no.
    #[error("The keyring is locked or refused access ({0}). Unlock it and try again.")]
    NoAccess(String),
    /// The entry exists but was not written by this app, or was damaged.
    #[error("The saved credentials could not be read: the keyring entry is not in the form TrustHub Desk writes. Enter your credentials again to replace it.")]
    Corrupt,
    #[error("The keyring reported a problem: {0}")]
    Failure(String),
}

/// One place that keeps one set of credentials. Calls may block (a keyring can ask
/// the person to unlock it), so callers run them off the async runtime.
pub trait SecretStore: Send + Sync {
    fn load(&self) -> Result<Option<Credentials>, StoreError>;
    fn save(&self, credentials: &Credentials) -> Result<(), StoreError>;
    fn delete(&self) -> Result<(), StoreError>;
    /// Whether the store can be used at all; a store that always can needs no override.
    fn check(&self) -> Result<(), StoreError> {
        Ok(())
    }
}

/// Where each account's credentials are kept: one entry per Account SID.
pub trait Vault: Send + Sync {
    fn entry(&self, account_sid: &str) -> Arc<dyn SecretStore>;
    /// Whether the vault can be used at all.
    fn check(&self) -> Result<(), StoreError> {
        Ok(())
    }
}

/// The OS keyring: entries under one service name, one per Account SID and server. The
/// entry of an account on Twilio is named by its Account SID; on any other server (a test
/// server, a mock), by the SID and that server's origin, so the two never mix.
pub struct KeyringVault {
    service: String,
    server: String,
}

impl KeyringVault {
    /// The entries of the credentials checked against `server` (see `base_url::server_id`).
    pub fn new(service: impl Into<String>, server: impl Into<String>) -> Self {
        Self {
            service: service.into(),
            server: server.into(),
        }
    }
}

/// The keyring entry's user name for an account on a server.
pub fn entry_name(account_sid: &str, server: &str) -> String {
    if server == TWILIO_SERVER {
        account_sid.to_owned()
    } else {
        format!("{account_sid} on {server}")
    }
}

impl Vault for KeyringVault {
    fn entry(&self, account_sid: &str) -> Arc<dyn SecretStore> {
        Arc::new(KeyringStore::new(
            self.service.clone(),
            account_sid,
            self.server.clone(),
        ))
    }

    fn check(&self) -> Result<(), StoreError> {
        KeyringStore::availability()
    }
}

/// Entries in this process's memory, for tests.
#[derive(Default)]
pub struct MemoryVault {
    entries: Mutex<HashMap<String, Arc<MemoryStore>>>,
}

impl Vault for MemoryVault {
    fn entry(&self, account_sid: &str) -> Arc<dyn SecretStore> {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.entry(account_sid.to_owned()).or_default().clone()
    }
}

/// The form of the keyring entry. Versioned so a later release can read what an earlier one
/// wrote: version 1 had no server (its entries were all for Twilio).
#[derive(Serialize, Deserialize)]
struct Entry<'a> {
    #[serde(borrow)]
    format: Cow<'a, str>,
    /// The server the credentials were checked against.
    #[serde(borrow, default)]
    server: Option<Cow<'a, str>>,
    #[serde(borrow)]
    account_sid: Cow<'a, str>,
    #[serde(borrow)]
    api_key_sid: Option<Cow<'a, str>>,
    #[serde(borrow)]
    secret: Cow<'a, str>,
}

const ENTRY_FORMAT: &str = "trusthub-desk/2";
const ENTRY_FORMAT_V1: &str = "trusthub-desk/1";

fn encode(c: &Credentials, server: &str) -> Result<Zeroizing<String>, StoreError> {
    let entry = Entry {
        format: ENTRY_FORMAT.into(),
        server: Some(server.into()),
        account_sid: c.account_sid().into(),
        api_key_sid: c.summary().api_key_sid.map(Cow::Owned),
        secret: c.secret().expose_secret().into(),
    };
    serde_json::to_string(&entry)
        .map(Zeroizing::new)
        .map_err(|_| StoreError::Failure("could not encode the entry".into()))
}

/// Reads an entry, which must be the one of `account_sid` on `server`: an entry whose
/// content names another account or server was not written there by this app, and is
/// treated as damaged rather than used.
fn decode(text: &str, account_sid: &str, server: &str) -> Result<Credentials, StoreError> {
    let entry: Entry<'_> = serde_json::from_str(text).map_err(|_| StoreError::Corrupt)?;
    let kept_for = match (entry.format.as_ref(), entry.server.as_deref()) {
        (ENTRY_FORMAT, Some(server)) => server,
        (ENTRY_FORMAT_V1, None) => TWILIO_SERVER,
        _ => return Err(StoreError::Corrupt),
    };
    if kept_for != server || entry.account_sid != account_sid {
        return Err(StoreError::Corrupt);
    }
    Credentials::new(
        &entry.account_sid,
        entry.api_key_sid.as_deref(),
        SecretString::from(entry.secret.into_owned()),
    )
    .map_err(|_| StoreError::Corrupt)
}

/// The OS keyring through the `keyring` crate: Secret Service, Keychain or Credential Manager.
/// One entry: the credentials of one account, checked against one server.
pub struct KeyringStore {
    service: String,
    account_sid: String,
    server: String,
}

impl KeyringStore {
    pub fn new(
        service: impl Into<String>,
        account_sid: impl Into<String>,
        server: impl Into<String>,
    ) -> Self {
        Self {
            service: service.into(),
            account_sid: account_sid.into(),
            server: server.into(),
        }
    }

    /// Whether the platform store could be set up. Checked at start-up so a keyring
    /// that silently keeps nothing is told to the person, not discovered later.
    pub fn availability() -> Result<(), StoreError> {
        keyring::Entry::store_status()
            .as_ref()
            .map(|_| ())
            // Whatever stopped the platform store from starting, there is no keyring to use.
            .map_err(|e| match map_error(e) {
                StoreError::Failure(why) | StoreError::NoAccess(why) => {
                    StoreError::Unavailable(why)
                }
                other => other,
            })
    }

    fn entry(&self) -> Result<keyring::Entry, StoreError> {
        Self::availability()?;
        keyring::Entry::new(&self.service, &entry_name(&self.account_sid, &self.server))
            .map_err(|e| map_error(&e))
    }
}

impl SecretStore for KeyringStore {
    fn check(&self) -> Result<(), StoreError> {
        Self::availability()
    }

    fn load(&self) -> Result<Option<Credentials>, StoreError> {
        match self.entry()?.get_password() {
            Ok(text) => decode(&Zeroizing::new(text), &self.account_sid, &self.server).map(Some),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_error(&e)),
        }
    }

    fn save(&self, credentials: &Credentials) -> Result<(), StoreError> {
        if credentials.account_sid() != self.account_sid {
            return Err(StoreError::Failure(
                "the credentials are not this entry's account".into(),
            ));
        }
        let text = encode(credentials, &self.server)?;
        self.entry()?.set_password(&text).map_err(|e| map_error(&e))
    }

    fn delete(&self) -> Result<(), StoreError> {
        match self.entry()?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_error(&e)),
        }
    }
}

/// Maps keyring errors to messages. Never formats the error's payload: some variants
/// (`BadEncoding`, `BadDataFormat`) carry the stored bytes, which would be the secret.
fn map_error(e: &keyring::Error) -> StoreError {
    use keyring::Error as E;
    match e {
        E::NoDefaultStore => StoreError::Unavailable("no Secret Service is running".into()),
        // A session bus with nobody serving the Secret Service API: no keyring at all.
        E::NoStorageAccess(p) if service_missing(p.as_ref()) => {
            StoreError::Unavailable("no Secret Service is running".into())
        }
        E::NoStorageAccess(_) => {
            StoreError::NoAccess("the keyring did not let TrustHub Desk in".into())
        }
        E::BadEncoding(_) | E::BadDataFormat(..) => StoreError::Corrupt,
        E::PlatformFailure(p) => StoreError::Failure(platform_reason(p.as_ref())),
        E::Invalid(what, _) => StoreError::Failure(format!("invalid {what}")),
        E::TooLong(what, _) => StoreError::Failure(format!("{what} too long")),
        E::NoEntry => StoreError::Failure("no entry".into()),
        _ => StoreError::Failure("unexpected keyring error".into()),
    }
}

fn service_missing(p: &(dyn std::error::Error + Send + Sync)) -> bool {
    let text = p.to_string();
    text.contains("ServiceUnknown") || text.contains("not provided by any")
}

/// Platform errors describe the service, not the secret; still, keep only the first line, short.
fn platform_reason(p: &(dyn std::error::Error + Send + Sync)) -> String {
    let text = p.to_string();
    let line = text.lines().next().unwrap_or("").trim();
    line.chars().take(160).collect()
}

/// Credentials kept only in this process's memory: for a session without a keyring
/// service, by the person's explicit choice, and for tests.
#[derive(Default)]
pub struct MemoryStore {
    slot: Mutex<Option<Credentials>>,
}

impl SecretStore for MemoryStore {
    fn load(&self) -> Result<Option<Credentials>, StoreError> {
        Ok(self.slot.lock().map_err(|_| poisoned())?.clone())
    }

    fn save(&self, credentials: &Credentials) -> Result<(), StoreError> {
        *self.slot.lock().map_err(|_| poisoned())? = Some(credentials.clone());
        Ok(())
    }

    fn delete(&self) -> Result<(), StoreError> {
        *self.slot.lock().map_err(|_| poisoned())? = None;
        Ok(())
    }
}

fn poisoned() -> StoreError {
    StoreError::Failure("the in-memory store was left inconsistent".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    const AC: &str = "AC0123456789abcdef0123456789abcdef";
    const SK: &str = "SK0123456789abcdef0123456789abcdef";

    #[test]
    fn entry_round_trip_for_both_kinds() {
        for key in [None, Some(SK)] {
            let c = Credentials::new(AC, key, "s3cr&t=\"x\"".into()).unwrap();
            let back = decode(&encode(&c, "twilio").unwrap(), AC, "twilio").unwrap();
            assert_eq!(back.summary(), c.summary());
            assert_eq!(back.secret().expose_secret(), "s3cr&t=\"x\"");
        }
    }

    #[test]
    fn foreign_entries_are_corrupt_not_a_crash() {
        for text in [
            "hunter2",
            "{}",
            r#"{"format":"other/1","account_sid":"x","secret":"y"}"#,
            r#"{"format":"trusthub-desk/1","account_sid":"AC12","api_key_sid":null,"secret":"y"}"#,
            r#"{"format":"trusthub-desk/2","account_sid":"AC0123456789abcdef0123456789abcdef","secret":"y"}"#,
        ] {
            assert_eq!(
                decode(text, AC, "twilio").unwrap_err(),
                StoreError::Corrupt,
                "{text}"
            );
        }
    }

    #[test]
    fn an_entry_of_another_account_or_server_is_damaged_not_used() {
        let c = Credentials::new(AC, None, "token".into()).unwrap();
        let other_sid = "AC99999999999999999999999999999999";
        let written = encode(&c, "twilio").unwrap();
        assert_eq!(
            decode(&written, other_sid, "twilio").unwrap_err(),
            StoreError::Corrupt
        );
        assert_eq!(
            decode(&written, AC, "https://127.0.0.1:8443").unwrap_err(),
            StoreError::Corrupt,
            "credentials kept for Twilio are not read for another server"
        );
        let local = encode(&c, "http://127.0.0.1:4010").unwrap();
        assert_eq!(
            decode(&local, AC, "twilio").unwrap_err(),
            StoreError::Corrupt
        );
        // An entry of the first format is Twilio's.
        let v1 = format!(
            r#"{{"format":"trusthub-desk/1","account_sid":"{AC}","api_key_sid":null,"secret":"t"}}"#
        );
        assert_eq!(decode(&v1, AC, "twilio").unwrap().account_sid(), AC);
        assert!(decode(&v1, AC, "http://127.0.0.1:4010").is_err());
        assert_eq!(entry_name(AC, "twilio"), AC);
        assert_eq!(
            entry_name(AC, "http://127.0.0.1:4010"),
            format!("{AC} on http://127.0.0.1:4010")
        );
    }

    #[test]
    fn corrupt_error_never_echoes_the_content() {
        let e = map_error(&keyring::Error::BadEncoding(b"the-secret".to_vec()));
        assert!(!format!("{e} {e:?}").contains("the-secret"));
    }

    /// Every way the keyring can fail maps to a kind the window branches on and a
    /// sentence that says what to do; none carries the entry's bytes.
    #[test]
    fn each_keyring_failure_has_its_own_plain_message() {
        use crate::commands::error::{ErrorKind, UiError};
        #[derive(Debug)]
        struct Said(&'static str);
        impl std::fmt::Display for Said {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.0)
            }
        }
        impl std::error::Error for Said {}
        let cases: Vec<(keyring::Error, ErrorKind, &str)> = vec![
            (
                keyring::Error::NoDefaultStore,
                ErrorKind::KeyringUnavailable,
                "no keyring service",
            ),
            (
                keyring::Error::NoStorageAccess(Box::new(Said(
                    "org.freedesktop.DBus.Error.ServiceUnknown",
                ))),
                ErrorKind::KeyringUnavailable,
                "no keyring service",
            ),
            (
                keyring::Error::NoStorageAccess(Box::new(Said("the collection is locked"))),
                ErrorKind::KeyringLocked,
                "locked or refused access",
            ),
            (
                keyring::Error::PlatformFailure(Box::new(Said("prompt dismissed"))),
                ErrorKind::Keyring,
                "prompt dismissed",
            ),
            (
                keyring::Error::BadEncoding(b"secret-bytes".to_vec()),
                ErrorKind::KeyringCorrupt,
                "Enter your credentials again",
            ),
        ];
        for (error, kind, says) in cases {
            let ui = UiError::from(map_error(&error));
            assert_eq!(ui.kind, kind, "{error:?}");
            assert!(ui.message.contains(says), "{}", ui.message);
            assert!(!ui.message.contains("secret-bytes"));
        }
    }

    #[test]
    fn memory_store_save_load_delete() {
        let store = MemoryStore::default();
        assert!(store.load().unwrap().is_none());
        store
            .save(&Credentials::new(AC, None, "t".into()).unwrap())
            .unwrap();
        assert_eq!(store.load().unwrap().unwrap().account_sid(), AC);
        store.delete().unwrap();
        assert!(store.load().unwrap().is_none());
    }
}
