//! Customer-Profiles and Trust Products (the same commands, `kind` says which; Customer-
//! Profile when absent), and what hangs off them.

use tauri::State;

use super::error::{ErrorKind, UiError};
use super::history::{bundle_object, journal, observe};
use super::{current_credentials, load, Answer};
use crate::history::{Change, Source};
use crate::state::AppState;
use crate::trusthub::models::*;

/// The name under which a list of one profile loads; `cancel_load` takes the same parts.
pub fn load_key(list: &str, sid: &str) -> String {
    format!("{list}:{}", sid.trim())
}

/// One page of the account's profiles or trust products. A new search replaces one still loading.
#[tauri::command]
pub async fn list_profiles(
    state: State<'_, AppState>,
    kind: Option<BundleKind>,
    filter: ProfileFilter,
    next: Option<String>,
) -> Answer<Page<CustomerProfile>> {
    let kind = kind.unwrap_or_default();
    let conn = state.connection();
    load(&state, &load_key(kind.collection(), ""), async {
        let c = current_credentials(&conn).await?;
        let page = conn
            .client
            .list_bundles_page(&c, kind, &filter, next.as_deref())
            .await?;
        observe(&state, c.account_sid(), kind, &page.records, Source::Seen).await;
        Ok(page)
    })
    .await
}

#[tauri::command]
pub async fn fetch_profile(
    state: State<'_, AppState>,
    kind: Option<BundleKind>,
    sid: String,
) -> Answer<CustomerProfile> {
    fetch(&state, kind.unwrap_or_default(), &sid).await
}

pub async fn fetch(state: &AppState, kind: BundleKind, sid: &str) -> Answer<CustomerProfile> {
    // Test builds only: lets the end-to-end tests prove a panic is shown, not fatal.
    #[cfg(feature = "system-tests")]
    if std::env::var("TRUSTHUB_DESK_TEST_PANIC").is_ok_and(|v| v == "fetch_profile") {
        panic!("deliberate panic for a test");
    }
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let profile = conn.client.fetch_bundle(&c, kind, sid).await?;
    observe(
        state,
        c.account_sid(),
        kind,
        std::slice::from_ref(&profile),
        Source::Seen,
    )
    .await;
    Ok(profile)
}

/// Saves the changed fields of one profile and returns it as Twilio now holds it.
/// A second save of the same profile while one is under way is refused, so a
/// double-click can never send two updates.
#[tauri::command]
pub async fn update_profile(
    state: State<'_, AppState>,
    kind: Option<BundleKind>,
    sid: String,
    changes: ProfileUpdate,
) -> Answer<CustomerProfile> {
    update_bundle(&state, kind.unwrap_or_default(), &sid, &changes).await
}

pub async fn update(
    state: &AppState,
    sid: &str,
    changes: &ProfileUpdate,
) -> Answer<CustomerProfile> {
    update_bundle(state, BundleKind::CustomerProfile, sid, changes).await
}

pub async fn update_bundle(
    state: &AppState,
    kind: BundleKind,
    sid: &str,
    changes: &ProfileUpdate,
) -> Answer<CustomerProfile> {
    let Some(_guard) = state.begin_save(sid.trim()) else {
        return Err(UiError::new(
            ErrorKind::Busy,
            "This profile is already being saved. Wait a moment.",
        ));
    };
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let result = conn
        .client
        .save_bundle_changes(&c, kind, sid, changes)
        .await
        .map_err(UiError::from);
    let submitted = changes.status == Some(ProfileStatus::PendingReview);
    let change = Change {
        bundle_sid: Some(sid.trim().to_owned()),
        object_sid: sid.trim().to_owned(),
        object: bundle_object(kind),
        action: if submitted { "submitted" } else { "updated" },
        fields: changes.field_names(),
        ..Change::default()
    };
    journal(state, &c, change, &result, |p| p.status.clone()).await;
    result
}

/// The newest evaluations of a profile (one page), or the page at `next`.
#[tauri::command]
pub async fn list_evaluations(
    state: State<'_, AppState>,
    kind: Option<BundleKind>,
    sid: String,
    next: Option<String>,
) -> Answer<Page<Evaluation>> {
    let kind = kind.unwrap_or_default();
    let conn = state.connection();
    load(&state, &load_key("evaluations", &sid), async {
        let c = current_credentials(&conn).await?;
        Ok(conn
            .client
            .list_evaluations(&c, kind, &sid, next.as_deref())
            .await?)
    })
    .await
}

/// Stops loading the list `list` of the profile `sid` (the person left its view).
#[tauri::command]
pub fn cancel_load(state: State<'_, AppState>, list: String, sid: String) {
    state.loads().cancel(&load_key(&list, &sid));
}

#[tauri::command]
pub async fn create_evaluation(
    state: State<'_, AppState>,
    kind: Option<BundleKind>,
    sid: String,
    policy_sid: String,
) -> Answer<Evaluation> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    Ok(conn
        .client
        .create_evaluation(&c, kind.unwrap_or_default(), &sid, &policy_sid)
        .await?)
}

#[tauri::command]
pub async fn list_entity_assignments(
    state: State<'_, AppState>,
    kind: Option<BundleKind>,
    sid: String,
) -> Answer<Listing<EntityAssignment>> {
    entity_assignments(&state, kind.unwrap_or_default(), &sid).await
}

pub async fn entity_assignments(
    state: &AppState,
    kind: BundleKind,
    sid: &str,
) -> Answer<Listing<EntityAssignment>> {
    let conn = state.connection();
    load(state, &load_key("entity-assignments", sid), async {
        let c = current_credentials(&conn).await?;
        Ok(conn.client.list_entity_assignments(&c, kind, sid).await?)
    })
    .await
}

#[tauri::command]
pub async fn list_channel_endpoint_assignments(
    state: State<'_, AppState>,
    kind: Option<BundleKind>,
    sid: String,
) -> Answer<Listing<ChannelEndpointAssignment>> {
    let kind = kind.unwrap_or_default();
    let conn = state.connection();
    load(
        &state,
        &load_key("channel-endpoint-assignments", &sid),
        async {
            let c = current_credentials(&conn).await?;
            Ok(conn
                .client
                .list_channel_endpoint_assignments(&c, kind, &sid)
                .await?)
        },
    )
    .await
}

#[tauri::command]
pub async fn fetch_policy(state: State<'_, AppState>, sid: String) -> Answer<Policy> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    state.catalog().policy(&conn.client, &c, &sid).await
}
