//! Tauri commands: thin wrappers that take the current connection, call the client or
//! the credential store, and turn failures into a `UiError`.

pub mod bundles;
pub mod campaigns;
pub mod classic;
pub mod credentials;
pub mod drafts;
pub mod error;
pub mod export;
pub mod history;
pub mod links;
pub mod objects;
pub mod overview;
pub mod requirements;
pub mod texting;
pub mod tollfree;
pub mod updates;
pub mod voice;
pub mod watch;
mod watch_texting;
#[cfg(test)]
mod window_types;

/// What every command answers: a value, or the one error shape the window reads.
pub type Answer<T> = Result<T, error::UiError>;

use crate::credentials::{Credentials, SecretStore, StoreError};
use crate::state::{AppState, Connection};
use error::UiError;
use std::sync::Arc;

/// Builds `ALL` and the invoke handler from the one list in `list.rs`.
macro_rules! commands {
    ($($module:ident :: $name:ident),* $(,)?) => {
        /// Every command the window may call, in the order of `list.rs`.
        pub const ALL: &[&str] = &[$(stringify!($name)),*];

        /// The invoke handler with every command of the list.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($module::$name),*]
        }
    };
}
include!("list.rs");

/// Runs the load of the list named `key`. It ends early, as `cancelled`, when the window
/// cancels it (the person left the view) or starts a load of the same list again; dropping
/// the work also drops its request under way.
pub(crate) async fn load<T>(
    state: &AppState,
    key: &str,
    work: impl std::future::Future<Output = Result<T, UiError>>,
) -> Result<T, UiError> {
    let guard = state.loads().begin(key);
    tokio::select! {
        biased;
        () = guard.cancelled() => Err(UiError::cancelled()),
        done = work => done,
    }
}

/// Runs a store call off the async runtime: a keyring may block on an unlock prompt.
pub(crate) async fn blocking<T: Send + 'static>(
    store: Arc<dyn SecretStore>,
    call: impl FnOnce(&dyn SecretStore) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, UiError> {
    off_runtime(move || call(store.as_ref())).await
}

pub(crate) async fn off_runtime<T: Send + 'static>(
    call: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, UiError> {
    Ok(tokio::task::spawn_blocking(call).await??)
}

/// The credentials of the current connection, read from its store for each request.
pub(crate) async fn current_credentials(conn: &Connection) -> Result<Credentials, UiError> {
    blocking(conn.store.clone(), |s| s.load())
        .await?
        .ok_or_else(UiError::no_credentials)
}

/// The credentials that read `account` from the connection `main` (the main account's):
/// the connection's own, a subaccount the overview found this session, or an account
/// saved in the keyring. `None` for an account out of reach now.
pub(crate) async fn credentials_of(
    state: &AppState,
    main: &Connection,
    account: &str,
) -> Option<Credentials> {
    if let Ok(c) = current_credentials(main).await {
        if c.account_sid() == account {
            return Some(c);
        }
    }
    if let Some(sub) = state
        .known_subaccounts()
        .into_iter()
        .find(|s| s.credentials.account_sid() == account)
    {
        return Some(sub.credentials);
    }
    let saved = state
        .book()
        .accounts
        .iter()
        .any(|a| a.account_sid == account);
    if main.storage != crate::state::Storage::Keyring || !saved {
        return None;
    }
    blocking(state.entry(account), |s| s.load())
        .await
        .ok()
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::ALL;

    /// The capability allows exactly the commands of the list, one `allow-…` each.
    #[test]
    fn the_capability_allows_exactly_the_listed_commands() {
        let capability: serde_json::Value =
            serde_json::from_str(include_str!("../capabilities/main.json")).unwrap();
        let mut allowed: Vec<String> = capability["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| {
                p.as_str()?
                    .strip_prefix("allow-")
                    .map(|c| c.replace('-', "_"))
            })
            .collect();
        let mut listed: Vec<String> = ALL.iter().map(|c| (*c).to_owned()).collect();
        allowed.sort();
        listed.sort();
        assert_eq!(allowed, listed);
        let mut unique = listed.clone();
        unique.dedup();
        assert_eq!(unique, listed, "a command is listed twice");
    }

    /// The window's rights are only what it uses: each command is called from ui/js/api.js,
    /// the core rights are the ones the close guard needs, it has no right to open web
    /// pages itself, and the CSP allows no inline or evaluated script.
    #[test]
    fn the_window_gets_nothing_it_does_not_use() {
        let api = include_str!("../../ui/js/api.js");
        for command in ALL {
            assert!(
                api.contains(&format!("call('{command}'")),
                "{command} is allowed but the window never calls it"
            );
        }
        let capability: serde_json::Value =
            serde_json::from_str(include_str!("../capabilities/main.json")).unwrap();
        let permissions = capability["permissions"].as_array().unwrap();
        let core: Vec<&str> = permissions
            .iter()
            .filter_map(|p| p.as_str())
            .filter(|p| p.starts_with("core:"))
            .collect();
        assert_eq!(
            core,
            [
                "core:event:allow-listen",
                "core:event:allow-unlisten",
                "core:window:allow-destroy"
            ]
        );
        assert!(
            permissions.iter().all(|p| p.is_string()),
            "no scoped permission: the window opens no web page itself (see commands/links.rs)"
        );
        for plugin in ["opener:", "notification:", "dialog:", "fs:", "updater:"] {
            assert!(
                !capability.to_string().contains(plugin),
                "the {plugin} plugin's rights stay with the app, never the window"
            );
        }

        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../../tauri.conf.json")).unwrap();
        let csp = &conf["app"]["security"]["csp"];
        let text = csp.to_string();
        assert!(
            !text.contains("unsafe-inline") && !text.contains("unsafe-eval"),
            "{text}"
        );
        assert_eq!(csp["script-src"], "'self'");
        assert_eq!(csp["default-src"], "'self'");
    }
}
