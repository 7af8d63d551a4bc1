//! The account's addresses and phone numbers (the classic API), and assigning numbers.

use tauri::State;

use super::error::UiError;
use super::history::{journal, journaled};
use super::{current_credentials, Answer};
use crate::history::Change;
use crate::state::AppState;
use crate::trusthub::models::*;

#[tauri::command]
pub async fn list_addresses(state: State<'_, AppState>) -> Answer<Listing<Address>> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    Ok(conn.client.list_addresses(&c).await?)
}

#[tauri::command]
pub async fn create_address(state: State<'_, AppState>, input: AddressInput) -> Answer<Address> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let result = conn
        .client
        .create_address(&c, &input)
        .await
        .map_err(UiError::from);
    let change = Change {
        object_sid: result
            .as_ref()
            .ok()
            .and_then(|a| a.sid.clone())
            .unwrap_or_default(),
        object: "address",
        action: "created",
        fields: set_fields(&input),
        ..Change::default()
    };
    journal(&state, &c, change, &result, |_| None).await;
    result
}

/// The names of the fields a change sets (for the history: never their values).
fn set_fields(change: &impl serde::Serialize) -> Vec<String> {
    match serde_json::to_value(change) {
        Ok(serde_json::Value::Object(map)) => map
            .into_iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, _)| k)
            .collect(),
        _ => Vec::new(),
    }
}

/// Corrects an address; its country cannot change (a new address is made instead).
#[tauri::command]
pub async fn update_address(
    state: State<'_, AppState>,
    sid: String,
    changes: AddressUpdate,
) -> Answer<Address> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let change = Change {
        object_sid: sid.trim().to_owned(),
        object: "address",
        action: "updated",
        fields: set_fields(&changes),
        ..Change::default()
    };
    journaled(
        &state,
        &c,
        change,
        conn.client.update_address(&c, &sid, &changes),
    )
    .await
}

#[tauri::command]
pub async fn delete_address(state: State<'_, AppState>, sid: String) -> Answer<()> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let change = Change {
        object_sid: sid.trim().to_owned(),
        object: "address",
        action: "deleted",
        ..Change::default()
    };
    journaled(&state, &c, change, conn.client.delete_address(&c, &sid)).await
}

#[tauri::command]
pub async fn list_phone_numbers(state: State<'_, AppState>) -> Answer<Listing<PhoneNumber>> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    Ok(conn.client.list_phone_numbers(&c).await?)
}

#[tauri::command]
pub async fn assign_phone_number(
    state: State<'_, AppState>,
    kind: Option<BundleKind>,
    sid: String,
    phone_number_sid: String,
) -> Answer<ChannelEndpointAssignment> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let change = Change::on(&sid, &phone_number_sid, "phone-number", "assigned");
    journaled(
        &state,
        &c,
        change,
        conn.client
            .assign_phone_number(&c, kind.unwrap_or_default(), &sid, &phone_number_sid),
    )
    .await
}

#[tauri::command]
pub async fn unassign_phone_number(
    state: State<'_, AppState>,
    kind: Option<BundleKind>,
    sid: String,
    assignment_sid: String,
) -> Answer<()> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let change = Change::on(&sid, &assignment_sid, "phone-number", "unassigned");
    journaled(
        &state,
        &c,
        change,
        conn.client
            .unassign_phone_number(&c, kind.unwrap_or_default(), &sid, &assignment_sid),
    )
    .await
}
