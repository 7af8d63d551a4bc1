//! The account's addresses and phone numbers (the classic API), and assigning numbers.

use tauri::State;

use super::{current_credentials, Answer};
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
    Ok(conn.client.create_address(&c, &input).await?)
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
    Ok(conn.client.update_address(&c, &sid, &changes).await?)
}

#[tauri::command]
pub async fn delete_address(state: State<'_, AppState>, sid: String) -> Answer<()> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    Ok(conn.client.delete_address(&c, &sid).await?)
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
    Ok(conn
        .client
        .assign_phone_number(&c, kind.unwrap_or_default(), &sid, &phone_number_sid)
        .await?)
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
    Ok(conn
        .client
        .unassign_phone_number(&c, kind.unwrap_or_default(), &sid, &assignment_sid)
        .await?)
}
