//! Connecting: save, describe and forget credentials; enter and leave the demo.

use secrecy::SecretString;
use serde::Deserialize;
use tauri::State;

use super::error::UiError;
use super::{blocking, current_credentials};
use crate::credentials::Credentials;
use crate::state::{AppState, ConnectionStatus, Storage};

/// What the credentials form sends. The secret is held in a zeroizing type from the start.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CredentialInput {
    account_sid: String,
    api_key_sid: Option<String>,
    secret: SecretString,
    /// Keep them in memory for this session only (offered when there is no keyring).
    #[serde(default)]
    session_only: bool,
}

#[tauri::command]
pub async fn describe_credentials(state: State<'_, AppState>) -> Result<ConnectionStatus, UiError> {
    describe(&state).await
}

pub(crate) async fn describe(state: &AppState) -> Result<ConnectionStatus, UiError> {
    let conn = state.connection();
    let keyring_problem = blocking(state.keyring(), |s| s.check()).await.err();
    let (connected, problem) = match current_credentials(&conn).await {
        Ok(c) => (Some(c.summary()), keyring_problem),
        Err(e) if e.kind == super::error::ErrorKind::NoCredentials => (None, keyring_problem),
        Err(e) => (None, Some(e)),
    };
    Ok(ConnectionStatus {
        connected,
        storage: conn.storage,
        keyring_problem: problem,
        server: conn.client.base_url().origin().ascii_serialization(),
    })
}

/// Checks the format, tries the credentials against TrustHub, and only then keeps them.
#[tauri::command]
pub async fn save_credentials(
    state: State<'_, AppState>,
    input: CredentialInput,
) -> Result<ConnectionStatus, UiError> {
    let credentials = Credentials::new(
        &input.account_sid,
        input
            .api_key_sid
            .as_deref()
            .filter(|k| !k.trim().is_empty()),
        input.secret,
    )
    .map_err(crate::trusthub::TrustHubError::from)?;
    let client = state.real_client();
    client.verify_credentials(&credentials).await?;
    if input.session_only {
        state.use_session_memory(client, &credentials)?;
    } else {
        let summary = credentials.summary();
        blocking(state.keyring(), move |s| s.save(&credentials)).await?;
        state.use_keyring();
        log::info!(
            "credentials for {} saved in the keyring",
            summary.account_sid
        );
    }
    describe(&state).await
}

/// Deletes the saved credentials (the keyring entry, or the session's copy).
#[tauri::command]
pub async fn forget_credentials(state: State<'_, AppState>) -> Result<ConnectionStatus, UiError> {
    let conn = state.connection();
    blocking(conn.store.clone(), |s| s.delete()).await?;
    if conn.storage != Storage::Keyring {
        state.use_keyring();
    }
    describe(&state).await
}

#[tauri::command]
pub async fn start_demo(state: State<'_, AppState>) -> Result<ConnectionStatus, UiError> {
    state.use_demo().await?;
    describe(&state).await
}

#[tauri::command]
pub async fn leave_demo(state: State<'_, AppState>) -> Result<ConnectionStatus, UiError> {
    state.use_keyring();
    describe(&state).await
}
