//! The saved Twilio accounts: which Account SIDs have credentials in the keyring, the
//! name the person gave each, and which one is in use. Nothing secret: the secrets stay
//! in the keyring, one entry per Account SID. This list is a small JSON file in the
//! app's config folder so the app knows which entries to ask the keyring for.

use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SavedAccount {
    pub account_sid: String,
    /// The person's name for it, e.g. "Production".
    pub label: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountBook {
    pub accounts: Vec<SavedAccount>,
    /// The Account SID in use; always one of `accounts` when set.
    pub current: Option<String>,
}

/// The name shown when the person gave none: the SID's last characters tell accounts apart.
pub fn default_label(account_sid: &str) -> String {
    let tail: String = account_sid
        .chars()
        .skip(account_sid.len().saturating_sub(4))
        .collect();
    format!("Twilio account …{tail}")
}

impl AccountBook {
    /// Reads the list; a missing or unreadable file is an empty list (the keyring entries
    /// are untouched, and the person can add the accounts again).
    pub fn load(path: Option<&Path>) -> Self {
        let Some(path) = path else {
            return Self::default();
        };
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Self::default(),
            Err(e) => {
                log::warn!("could not read the list of accounts: {e}");
                return Self::default();
            }
        };
        match serde_json::from_str::<AccountBook>(&text) {
            Ok(mut book) => {
                book.tidy();
                book
            }
            Err(e) => {
                log::warn!("the list of accounts is damaged and was ignored: {e}");
                Self::default()
            }
        }
    }

    /// Writes the list atomically: a new temporary file (made exclusively, under a name no
    /// one can guess, readable by this user only) renamed over the old one. The folder is
    /// this user's only too. Nothing secret is in it, but which accounts a person manages
    /// is theirs to know.
    pub fn save(&self, path: Option<&Path>) -> std::io::Result<()> {
        let Some(path) = path else {
            return Ok(());
        };
        let text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        crate::private_files::write_private(path, text.as_bytes())
    }

    /// Adds the account (or renames it) and makes it the one in use.
    pub fn remember(&mut self, account_sid: &str, label: Option<&str>) {
        let label = label
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| l.chars().take(60).collect::<String>());
        match self
            .accounts
            .iter_mut()
            .find(|a| a.account_sid == account_sid)
        {
            Some(known) => {
                if let Some(label) = label {
                    known.label = label;
                }
            }
            None => self.accounts.push(SavedAccount {
                account_sid: account_sid.to_owned(),
                label: label.unwrap_or_else(|| default_label(account_sid)),
            }),
        }
        self.current = Some(account_sid.to_owned());
    }

    /// Whether the account is in the list.
    pub fn knows(&self, account_sid: &str) -> bool {
        self.accounts.iter().any(|a| a.account_sid == account_sid)
    }

    /// Takes the account off the list; if it was in use, the first remaining one is.
    pub fn forget(&mut self, account_sid: &str) {
        self.accounts.retain(|a| a.account_sid != account_sid);
        self.tidy();
    }

    fn tidy(&mut self) {
        let current_known = self
            .current
            .as_deref()
            .is_some_and(|c| self.accounts.iter().any(|a| a.account_sid == c));
        if !current_known {
            self.current = self.accounts.first().map(|a| a.account_sid.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "AC0000000000000000000000000000000a";
    const B: &str = "AC0000000000000000000000000000000b";

    #[test]
    fn remember_switch_and_forget() {
        let mut book = AccountBook::default();
        book.remember(A, Some("  Production "));
        book.remember(B, None);
        assert_eq!(book.current.as_deref(), Some(B));
        assert_eq!(book.accounts[0].label, "Production");
        assert_eq!(book.accounts[1].label, "Twilio account …000b");
        book.remember(A, None);
        assert_eq!(book.current.as_deref(), Some(A));
        assert_eq!(book.accounts[0].label, "Production", "kept when none given");
        book.forget(A);
        assert_eq!(book.current.as_deref(), Some(B));
        book.forget(B);
        assert_eq!(book, AccountBook::default());
    }

    #[cfg(unix)]
    #[test]
    fn the_file_and_its_folder_are_this_users_only_and_no_link_is_followed() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("thd-modes-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let path = dir.join("accounts.json");
        // A link where the old fixed-name temporary file was: it must not be followed.
        let victim = dir.join("victim");
        std::fs::write(&victim, "untouched").unwrap();
        std::os::unix::fs::symlink(&victim, dir.join("accounts.json.tmp")).unwrap();
        let mut book = AccountBook::default();
        book.remember(A, Some("Production"));
        book.save(Some(&path)).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
        assert_eq!(AccountBook::load(Some(&path)), book);
        let leftovers: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| {
                e.file_name().to_string_lossy().ends_with(".tmp")
                    && e.file_name() != "accounts.json.tmp"
            })
            .collect();
        assert!(leftovers.is_empty(), "no temporary file left behind");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn saved_and_loaded_from_a_file_and_damage_is_an_empty_list() {
        let dir = std::env::temp_dir().join(format!("thd-accounts-{}", std::process::id()));
        let path = dir.join("nested").join("accounts.json");
        let mut book = AccountBook::default();
        book.remember(A, Some("Production"));
        book.save(Some(&path)).unwrap();
        assert_eq!(AccountBook::load(Some(&path)), book);

        std::fs::write(&path, "{ not json").unwrap();
        assert_eq!(AccountBook::load(Some(&path)), AccountBook::default());
        std::fs::write(&path, format!(r#"{{"accounts":[],"current":"{A}"}}"#)).unwrap();
        assert_eq!(
            AccountBook::load(Some(&path)).current,
            None,
            "a current account that is not in the list is dropped"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
