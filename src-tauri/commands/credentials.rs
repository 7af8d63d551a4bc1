//! Connecting: save, describe, switch and forget accounts; enter and leave the demo.
//! Each command is a thin shell over a function on `&AppState`, which tests call directly.

use secrecy::SecretString;
use serde::Deserialize;
use tauri::State;

use super::error::{ErrorKind, UiError};
use super::{blocking, current_credentials, off_runtime};
use crate::credentials::Credentials;
use crate::state::{AppState, ConnectionStatus, Storage};
use crate::trusthub::base_url;

/// What the credentials form sends. The secret is held in a zeroizing type from the start.
#[derive(Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields))]
#[serde(rename_all = "camelCase")]
pub struct CredentialInput {
    pub account_sid: String,
    pub api_key_sid: Option<String>,
    #[cfg_attr(test, ts(type = "string"))]
    pub secret: SecretString,
    /// The person's name for the account, e.g. "Production".
    #[serde(default)]
    pub label: Option<String>,
    /// Keep them in memory for this session only (offered when there is no keyring).
    #[serde(default)]
    pub session_only: bool,
}

#[tauri::command]
pub async fn describe_credentials(state: State<'_, AppState>) -> Result<ConnectionStatus, UiError> {
    describe(&state).await
}

pub async fn describe(state: &AppState) -> Result<ConnectionStatus, UiError> {
    let conn = state.connection();
    let vault = state.vault();
    let keyring_problem = off_runtime(move || vault.check()).await.err();
    let (connected, problem) = match current_credentials(&conn).await {
        Ok(c) => (Some(c.summary()), keyring_problem),
        Err(e) if e.kind == ErrorKind::NoCredentials => (None, keyring_problem),
        Err(e) => (None, Some(e)),
    };
    let subaccount =
        state.subaccount_status(&conn, connected.as_ref().map(|c| c.account_sid.as_str()));
    Ok(ConnectionStatus {
        connected,
        subaccount,
        in_demo: state.main_connection().storage == Storage::Demo,
        storage: conn.storage,
        keyring_problem: problem,
        server: conn.client.base_url().origin().ascii_serialization(),
        server_is_twilio: base_url::server_id(conn.client.base_url()) == base_url::TWILIO_SERVER,
        accounts: state.book().accounts,
    })
}

/// Checks the format, tries the credentials against TrustHub, and only then keeps them.
#[tauri::command]
pub async fn save_credentials(
    state: State<'_, AppState>,
    input: CredentialInput,
) -> Result<ConnectionStatus, UiError> {
    save(&state, input).await
}

pub async fn save(state: &AppState, input: CredentialInput) -> Result<ConnectionStatus, UiError> {
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
        let account_sid = credentials.account_sid().to_owned();
        blocking(state.entry(&account_sid), move |s| s.save(&credentials)).await?;
        state.change_book(|book| book.remember(&account_sid, input.label.as_deref()))?;
        log::info!("credentials for {account_sid} saved in the keyring");
    }
    describe(state).await
}

/// Makes another saved account the one in use.
#[tauri::command]
pub async fn switch_account(
    state: State<'_, AppState>,
    account_sid: String,
) -> Result<ConnectionStatus, UiError> {
    switch(&state, &account_sid).await
}

pub async fn switch(state: &AppState, account_sid: &str) -> Result<ConnectionStatus, UiError> {
    if !state.book().knows(account_sid) {
        return Err(UiError::new(
            ErrorKind::NotFound,
            "That account is no longer saved in TrustHub Desk. Add it again with its credentials.",
        ));
    }
    let previous = state.book().current;
    state.change_book(|book| book.current = Some(account_sid.to_owned()))?;
    // The subaccounts read with the account left are dropped with it (tokens, watch).
    if let Some(previous) = previous.filter(|p| p != account_sid) {
        state.forget_subaccounts_of(&previous);
    }
    describe(state).await
}

/// Deletes saved credentials: one account's keyring entry (the one in use unless
/// another is named), or the session's copy.
#[tauri::command]
pub async fn forget_credentials(
    state: State<'_, AppState>,
    account_sid: Option<String>,
) -> Result<ConnectionStatus, UiError> {
    forget(&state, account_sid.as_deref()).await
}

pub async fn forget(
    state: &AppState,
    account_sid: Option<&str>,
) -> Result<ConnectionStatus, UiError> {
    let conn = state.connection();
    if conn.storage != Storage::Keyring {
        let forgotten = current_credentials(&conn)
            .await
            .ok()
            .map(|c| c.account_sid().to_owned());
        blocking(conn.store.clone(), |s| s.delete()).await?;
        state.use_keyring();
        if let Some(sid) = forgotten {
            state.forget_subaccounts_of(&sid);
        }
        return describe(state).await;
    }
    let Some(sid) = account_sid
        .map(str::to_owned)
        .or_else(|| state.book().current)
    else {
        return describe(state).await;
    };
    // Only an account of the list: the window cannot have any other keyring entry deleted.
    if !state.book().knows(&sid) {
        return Err(UiError::new(
            ErrorKind::NotFound,
            "That account is not saved in TrustHub Desk, so there is nothing to forget.",
        ));
    }
    blocking(state.entry(&sid), |s| s.delete()).await?;
    state.change_book(|book| book.forget(&sid))?;
    // Its subaccounts' tokens go with it: none can be opened or watched any more.
    state.forget_subaccounts_of(&sid);
    describe(state).await
}

#[tauri::command]
pub async fn start_demo(state: State<'_, AppState>) -> Result<ConnectionStatus, UiError> {
    state.use_demo().await?;
    describe(&state).await
}

#[tauri::command]
pub async fn leave_demo(state: State<'_, AppState>) -> Result<ConnectionStatus, UiError> {
    state.leave_demo().await;
    describe(&state).await
}
