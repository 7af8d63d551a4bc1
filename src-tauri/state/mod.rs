//! What the running app holds: which server it talks to, where the credentials are, and
//! what is under way.

mod catalog;
mod loads;

pub use catalog::Catalog;
pub use loads::{LoadGuard, Loads};

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};

use serde::Serialize;
use url::Url;

use crate::commands::error::{ErrorKind, UiError};
use crate::credentials::accounts::{AccountBook, SavedAccount};
use crate::credentials::{
    CredentialSummary, Credentials, KeyringVault, MemoryStore, SecretStore, Vault,
};
use crate::history::History;
use crate::sandbox::Sandbox;
use crate::trusthub::{base_url, TrustHubClient};
use crate::watch::{Settings, SETTINGS_FILE};

/// The keyring entries' service name; each saved account is one entry, its user name
/// the Account SID.
pub const KEYRING_SERVICE: &str = "TrustHub Desk";
/// The non-secret list of accounts saved for `server`, in the app's config folder:
/// Twilio's is `accounts.json`, another server's (a test server, a mock) has its own file,
/// so the two lists never mix.
pub fn accounts_file(config_dir: &std::path::Path, server: &str) -> PathBuf {
    base_url::server_file(config_dir, server, "accounts", "json")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Storage {
    /// The OS keyring (the normal case).
    Keyring,
    /// This session's memory only: chosen by the person when there is no keyring.
    Session,
    /// The built-in demo: the sandbox's made-up account.
    Demo,
    /// A subaccount opened from the overview, with its own Auth Token held in memory for
    /// this session; the main account's connection waits to be returned to.
    Subaccount,
}

/// A subaccount the overview found: its credentials (memory only, this session) and
/// whose it is.
#[derive(Clone)]
pub struct KnownSubaccount {
    pub credentials: Credentials,
    pub name: Option<String>,
    pub parent_sid: String,
}

/// What the window is told about the subaccount in use. Never its token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SubaccountStatus {
    pub account_sid: String,
    pub name: Option<String>,
    pub parent_sid: String,
}

/// The server and the store in use now. Swapped whole when the mode changes.
#[derive(Clone)]
pub struct Connection {
    pub client: TrustHubClient,
    pub store: Arc<dyn SecretStore>,
    pub storage: Storage,
}

pub struct AppState {
    http: reqwest::Client,
    /// Twilio, or what `TRUSTHUB_DESK_BASE_URL` names.
    base: Url,
    vault: Arc<dyn Vault>,
    accounts: Mutex<AccountBook>,
    /// Where the list of accounts is kept; `None` keeps it in memory (tests).
    accounts_file: Option<PathBuf>,
    connection: RwLock<Connection>,
    sandbox: tokio::sync::Mutex<Option<Sandbox>>,
    saving: Mutex<HashSet<String>>,
    loads: Loads,
    catalog: Catalog,
    /// Subaccounts found by the overview, by SID: their tokens live here and nowhere else.
    subaccounts: Mutex<std::collections::HashMap<String, KnownSubaccount>>,
    /// The main account's connection while a subaccount is in use.
    parent: Mutex<Option<Connection>>,
    /// The record of changes of this server's accounts (a file; memory in tests).
    history: Arc<History>,
    /// The demo's own record, in memory: made-up accounts leave nothing on disk.
    demo_history: Mutex<Arc<History>>,
    settings: Mutex<Settings>,
    /// Where the settings are kept; `None` keeps them in memory (tests).
    settings_file: Option<PathBuf>,
    /// Wakes the watch when the settings or the account change.
    watch_wake: tokio::sync::Notify,
}

impl AppState {
    pub fn new(
        http: reqwest::Client,
        base: Url,
        vault: Arc<dyn Vault>,
        accounts_file: Option<PathBuf>,
    ) -> Self {
        let book = AccountBook::load(accounts_file.as_deref());
        let connection = Connection {
            client: TrustHubClient::new(http.clone(), base.clone()),
            store: store_for(vault.as_ref(), book.current.as_deref()),
            storage: Storage::Keyring,
        };
        let settings_file = accounts_file
            .as_deref()
            .and_then(|f| f.parent())
            .map(|dir| dir.join(SETTINGS_FILE));
        Self {
            http,
            base,
            vault,
            accounts: Mutex::new(book),
            accounts_file,
            connection: RwLock::new(connection),
            sandbox: tokio::sync::Mutex::new(None),
            saving: Mutex::new(HashSet::new()),
            loads: Loads::default(),
            catalog: Catalog::default(),
            subaccounts: Mutex::new(std::collections::HashMap::new()),
            parent: Mutex::new(None),
            history: Arc::new(History::in_memory()),
            demo_history: Mutex::new(Arc::new(History::in_memory())),
            settings: Mutex::new(Settings::load(settings_file.as_deref())),
            settings_file,
            watch_wake: tokio::sync::Notify::new(),
        }
    }

    /// The same state with its history kept in `history`.
    pub fn with_history(mut self, history: History) -> Self {
        self.history = Arc::new(history);
        self
    }

    /// The history of the accounts in use: the demo's own while in the demo.
    pub fn history(&self) -> Arc<History> {
        if self.main_connection().storage == Storage::Demo {
            return self
                .demo_history
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .clone();
        }
        self.history.clone()
    }

    /// How the history file was opened, or that a write to the history in use failed, if
    /// the person must be told (once each; the file's also in the demo).
    pub fn history_note(&self) -> Option<crate::history::OpenNote> {
        self.history
            .take_note()
            .or_else(|| self.history().take_note())
    }

    pub fn settings(&self) -> Settings {
        self.settings
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Keeps the new settings (written to the config folder) and wakes the watch.
    pub fn change_settings(&self, next: Settings) -> Result<Settings, UiError> {
        let next = next.bounded();
        *self.settings.lock().unwrap_or_else(|p| p.into_inner()) = next.clone();
        self.watch_wake.notify_one();
        next.save(self.settings_file.as_deref()).map_err(|e| {
            UiError::new(
                ErrorKind::Internal,
                format!("TrustHub Desk could not keep your settings ({e}). They apply until you close the app; check that your home folder is writable."),
            )
        })?;
        Ok(next)
    }

    /// Resolves when the watch should look again before its time (new settings, another account).
    pub async fn watch_woken(&self) {
        self.watch_wake.notified().await;
    }

    /// The subaccounts the overview found in this session, with their credentials.
    pub fn known_subaccounts(&self) -> Vec<KnownSubaccount> {
        self.subaccounts
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .values()
            .cloned()
            .collect()
    }

    /// The app as installed: credentials in the OS keyring, kept for the server at `base`,
    /// and that server's list of accounts in `config_dir`.
    /// Its history of changes is a file in `data_dir`.
    pub fn with_os_keyring(
        http: reqwest::Client,
        base: Url,
        config_dir: &std::path::Path,
        data_dir: &std::path::Path,
    ) -> Self {
        let server = base_url::server_id(&base);
        let history = History::open(&crate::history::history_file(data_dir, &server));
        Self::new(
            http,
            base,
            Arc::new(KeyringVault::new(KEYRING_SERVICE, &server)),
            Some(accounts_file(config_dir, &server)),
        )
        .with_history(history)
    }

    /// The server this app was started against (not the demo's).
    pub fn base_url(&self) -> &Url {
        &self.base
    }

    pub fn connection(&self) -> Connection {
        match self.connection.read() {
            Ok(c) => c.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Lists being loaded.
    pub fn loads(&self) -> &Loads {
        &self.loads
    }

    /// Policies and types, kept for the session.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Keeps the subaccounts the overview found, for opening one (this session only).
    pub fn remember_subaccounts(&self, found: Vec<KnownSubaccount>) {
        let mut known = self.subaccounts.lock().unwrap_or_else(|p| p.into_inner());
        for sub in found {
            known.insert(sub.credentials.account_sid().to_owned(), sub);
        }
    }

    /// The main account's connection: the one in use, or the one a subaccount left.
    pub fn main_connection(&self) -> Connection {
        self.parent
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            .unwrap_or_else(|| self.connection())
    }

    /// Works in one of the subaccounts the overview found, with its own credentials, on
    /// the main account's server; `leave_subaccount` returns to the main account.
    pub fn use_subaccount(&self, account_sid: &str) -> Result<(), UiError> {
        let known = self
            .subaccounts
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(account_sid)
            .cloned()
            .ok_or_else(|| {
                UiError::new(
                    ErrorKind::NotFound,
                    "TrustHub Desk does not know that subaccount in this session. Load the overview with subaccounts again.",
                )
            })?;
        let main = self.main_connection();
        let store = Arc::new(MemoryStore::default());
        store.save(&known.credentials)?;
        *self.parent.lock().unwrap_or_else(|p| p.into_inner()) = Some(main.clone());
        self.set_connection(Connection {
            client: main.client,
            store,
            storage: Storage::Subaccount,
        });
        Ok(())
    }

    /// Back to the main account a subaccount was opened from.
    pub fn leave_subaccount(&self) {
        let main = self.take_parent();
        if let Some(main) = main {
            self.set_connection(main);
        }
    }

    /// The main account's connection a subaccount left, no longer waiting to be returned to.
    fn take_parent(&self) -> Option<Connection> {
        self.parent.lock().unwrap_or_else(|p| p.into_inner()).take()
    }

    /// The subaccount in use, if one is.
    pub fn subaccount_status(
        &self,
        conn: &Connection,
        account_sid: Option<&str>,
    ) -> Option<SubaccountStatus> {
        if conn.storage != Storage::Subaccount {
            return None;
        }
        let sid = account_sid?;
        let known = self.subaccounts.lock().unwrap_or_else(|p| p.into_inner());
        let sub = known.get(sid)?;
        Some(SubaccountStatus {
            account_sid: sid.to_owned(),
            name: sub.name.clone(),
            parent_sid: sub.parent_sid.clone(),
        })
    }

    /// Drops what this session holds of the subaccounts of `parent` (their tokens): they
    /// can no longer be opened, and the watch no longer reads them. Said when `parent` is
    /// forgotten or switched away from.
    pub fn forget_subaccounts_of(&self, parent: &str) {
        self.subaccounts
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .retain(|_, sub| sub.parent_sid != parent);
    }

    /// A new server or mode: no subaccount is in use, and none of the old one's is known.
    fn forget_subaccounts(&self) {
        self.take_parent();
        self.subaccounts
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
    }

    /// Every change of account or server ends what was loading for the previous one.
    fn set_connection(&self, next: Connection) {
        self.loads.cancel_all();
        self.catalog.clear();
        match self.connection.write() {
            Ok(mut c) => *c = next,
            Err(poisoned) => *poisoned.into_inner() = next,
        }
        self.watch_wake.notify_one();
    }

    /// A client for the configured server (Twilio, unless overridden).
    pub fn real_client(&self) -> TrustHubClient {
        TrustHubClient::new(self.http.clone(), self.base.clone())
    }

    /// Back to Twilio with the OS keyring and the account in use.
    pub fn use_keyring(&self) {
        self.take_parent();
        let current = self.book().current;
        self.set_connection(Connection {
            client: self.real_client(),
            store: store_for(self.vault.as_ref(), current.as_deref()),
            storage: Storage::Keyring,
        });
    }

    pub fn book(&self) -> AccountBook {
        self.accounts
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Changes the list of accounts, writes it, and points the connection at the one in use.
    pub fn change_book(&self, change: impl FnOnce(&mut AccountBook)) -> Result<(), UiError> {
        let mut book = self.accounts.lock().unwrap_or_else(|p| p.into_inner());
        change(&mut book);
        let written = book.save(self.accounts_file.as_deref());
        drop(book);
        self.use_keyring();
        written.map_err(|e| {
            UiError::new(
                ErrorKind::Internal,
                format!("TrustHub Desk could not write its list of accounts ({e}). Check that your home folder is writable."),
            )
        })
    }

    /// The keyring entry of one account.
    pub fn entry(&self, account_sid: &str) -> Arc<dyn SecretStore> {
        self.vault.entry(account_sid)
    }

    /// Twilio with credentials held only in memory for this session.
    pub fn use_session_memory(
        &self,
        client: TrustHubClient,
        credentials: &Credentials,
    ) -> Result<(), UiError> {
        let store = Arc::new(MemoryStore::default());
        store.save(credentials)?;
        self.take_parent();
        self.set_connection(Connection {
            client,
            store,
            storage: Storage::Session,
        });
        Ok(())
    }

    pub fn vault(&self) -> Arc<dyn Vault> {
        self.vault.clone()
    }

    /// Starts the sandbox (with a secret of its own) and points the app at it with the
    /// demo account.
    pub async fn use_demo(&self) -> Result<(), UiError> {
        self.forget_subaccounts();
        let mut sandbox = self.sandbox.lock().await;
        if sandbox.is_none() {
            let started = Sandbox::start(crate::sandbox::Config::demo())
                .await
                .map_err(|e| {
                    UiError::new(
                        ErrorKind::Internal,
                        format!(
                            "The demo could not start ({e}). Restart TrustHub Desk and try again."
                        ),
                    )
                })?;
            *sandbox = Some(started);
            // A new demo: its record of changes starts empty too.
            *self.demo_history.lock().unwrap_or_else(|p| p.into_inner()) =
                Arc::new(History::in_memory());
        }
        let Some(running) = sandbox.as_ref() else {
            return Err(UiError::new(
                ErrorKind::Internal,
                "The demo could not start. Restart TrustHub Desk and try again.",
            ));
        };
        let store = Arc::new(MemoryStore::default());
        let demo = running.demo_credentials().ok_or_else(|| {
            UiError::new(
                ErrorKind::Internal,
                "The demo could not start. Restart TrustHub Desk and try again.",
            )
        })?;
        store.save(&demo)?;
        let http = crate::trusthub::http_client_for(&running.base_url())?;
        let client = TrustHubClient::new(http, running.base_url());
        self.set_connection(Connection {
            client,
            store,
            storage: Storage::Demo,
        });
        Ok(())
    }

    /// Leaves the demo: back to the keyring, and the sandbox stops (its port closes).
    pub async fn leave_demo(&self) {
        self.forget_subaccounts();
        self.use_keyring();
        self.sandbox.lock().await.take();
    }

    /// Marks a profile as being saved; `None` if a save of it is already under way.
    pub fn begin_save(&self, sid: &str) -> Option<SaveGuard<'_>> {
        let mut saving = self.saving.lock().unwrap_or_else(|p| p.into_inner());
        saving.insert(sid.to_owned()).then(|| SaveGuard {
            state: self,
            sid: sid.to_owned(),
        })
    }
}

/// The entry of the account in use; with none, an empty store (so: "no credentials").
fn store_for(vault: &dyn Vault, account_sid: Option<&str>) -> Arc<dyn SecretStore> {
    match account_sid {
        Some(sid) => vault.entry(sid),
        None => Arc::new(MemoryStore::default()),
    }
}

/// Ends the in-flight mark when the save ends, however it ends.
pub struct SaveGuard<'a> {
    state: &'a AppState,
    sid: String,
}

impl Drop for SaveGuard<'_> {
    fn drop(&mut self) {
        let mut saving = self.state.saving.lock().unwrap_or_else(|p| p.into_inner());
        saving.remove(&self.sid);
    }
}

/// What the window is told about the connection. Never the secret.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ConnectionStatus {
    pub connected: Option<CredentialSummary>,
    pub storage: Storage,
    /// Why the keyring cannot be used, when it cannot.
    pub keyring_problem: Option<UiError>,
    /// Where requests go, e.g. `https://trusthub.twilio.com`.
    pub server: String,
    /// Whether that is Twilio. When it is not (and this is not the demo), the window says
    /// so in a banner that stays.
    pub server_is_twilio: bool,
    /// The accounts saved in the keyring, to switch between.
    pub accounts: Vec<SavedAccount>,
    /// The subaccount in use (opened from the overview), if one is.
    pub subaccount: Option<SubaccountStatus>,
    /// Whether this is the demo (also in one of the demo's subaccounts).
    pub in_demo: bool,
}
