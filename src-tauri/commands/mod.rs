//! Tauri commands: thin wrappers that take the current connection, call the client or
//! the credential store, and turn failures into a `UiError`.

pub mod credentials;
pub mod error;
pub mod profiles;

use crate::credentials::{Credentials, SecretStore, StoreError};
use crate::state::Connection;
use error::UiError;
use std::sync::Arc;

/// Every command the window may call. `build.rs` declares the same list, so each one
/// needs an explicit `allow-…` permission in a capability.
pub const ALL: &[&str] = &[
    "describe_credentials",
    "save_credentials",
    "forget_credentials",
    "switch_account",
    "start_demo",
    "leave_demo",
    "list_profiles",
    "fetch_profile",
    "update_profile",
    "list_evaluations",
    "create_evaluation",
    "list_entity_assignments",
    "list_channel_endpoint_assignments",
    "fetch_policy",
    "fetch_end_user",
    "fetch_supporting_document",
];

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

#[cfg(test)]
mod tests {
    use super::ALL;

    /// The commands declared in build.rs (deny by default) and allowed in the capability
    /// are exactly the ones the app registers.
    #[test]
    fn declared_allowed_and_registered_commands_agree() {
        let build = include_str!("../build.rs");
        let declared: Vec<&str> = build
            .lines()
            .filter_map(|l| l.trim().strip_prefix('"')?.strip_suffix("\","))
            .collect();
        assert_eq!(declared, ALL);

        let capability: serde_json::Value =
            serde_json::from_str(include_str!("../capabilities/main.json")).unwrap();
        let allowed: Vec<String> = capability["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| {
                p.as_str()?
                    .strip_prefix("allow-")
                    .map(|c| c.replace('-', "_"))
            })
            .collect();
        assert_eq!(allowed, ALL);

        let lib = include_str!("../lib.rs");
        for command in ALL {
            assert!(
                lib.contains(&format!("::{command},")),
                "{command} is not registered in lib.rs"
            );
        }
    }

    /// The window's rights are only what it uses: each command is called from ui/js/api.js,
    /// the core rights are the ones the close guard needs, the opener reaches only https
    /// pages on twilio.com, and the CSP allows no inline or evaluated script.
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
        let opener: Vec<&serde_json::Value> =
            permissions.iter().filter(|p| p.is_object()).collect();
        assert_eq!(opener.len(), 1);
        assert_eq!(opener[0]["identifier"], "opener:allow-open-url");
        for scope in opener[0]["allow"].as_array().unwrap() {
            let url = scope["url"].as_str().unwrap();
            assert!(
                url == "https://twilio.com/*" || url == "https://*.twilio.com/*",
                "{url}"
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
