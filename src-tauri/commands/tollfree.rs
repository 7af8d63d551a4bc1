//! Toll-free verifications of the account in use: its toll-free numbers with where each
//! stands, the form filled from an approved Customer-Profile, checked, sent, edited within
//! Twilio's window, or deleted and sent again as one step. Each change is in the history
//! (field names, never values) and each status is remembered for the watch.

use serde::Serialize;
use tauri::State;

use super::campaigns::FieldProblem;
use super::error::UiError;
use super::history::{fields_given, journal, observe_items};
use super::{current_credentials, load, Answer};
use crate::credentials::Credentials;
use crate::history::{Change, Source};
use crate::state::AppState;
use crate::trusthub::messaging::chain::watch_status;
use crate::trusthub::messaging::tollfree_form::{self, TollfreeInput};
use crate::trusthub::messaging::tollfree_prefill::prefill;
use crate::trusthub::messaging::tollfree_view::{tollfree_numbers, TollfreeNumber};
use crate::trusthub::models::BundleKind;

const OBJECT: &str = "tollfree-verification";

/// An approved Customer-Profile the form can be filled from.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ProfileChoice {
    pub sid: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TollfreeView {
    pub numbers: Vec<TollfreeNumber>,
    pub profiles: Vec<ProfileChoice>,
    /// Why the list may miss records, when a list was cut short.
    pub incomplete: Option<String>,
}

/// The account's toll-free numbers, each with its verification.
#[tauri::command]
pub async fn load_tollfree(state: State<'_, AppState>) -> Answer<TollfreeView> {
    tollfree(&state).await
}

/// The toll-free numbers of the connection in use; their verifications' statuses are
/// remembered for the watch.
pub async fn tollfree(state: &AppState) -> Answer<TollfreeView> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    load(state, &super::bundles::load_key("tollfree", ""), async {
        // Three lists from three APIs, asked at once: the tab waits for one round trip.
        let (numbers, verifications, profiles) = tokio::try_join!(
            conn.client.list_phone_numbers(&c),
            conn.client.list_tollfree(&c),
            conn.client
                .list_bundles_all(&c, BundleKind::CustomerProfile),
        )?;
        let seen = verifications
            .records
            .iter()
            .filter_map(|v| {
                Some((
                    v.sid.clone()?,
                    watch_status(v.status.as_deref())?.to_owned(),
                ))
            })
            .collect();
        observe_items(state.history(), c.account_sid(), OBJECT, seen, Source::Seen).await;
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        Ok(TollfreeView {
            numbers: tollfree_numbers(&numbers.records, &verifications.records, now),
            profiles: profiles
                .records
                .iter()
                .filter(|p| p.status.as_deref() == Some("twilio-approved"))
                .filter_map(|p| {
                    Some(ProfileChoice {
                        sid: p.sid.clone()?,
                        name: p.friendly_name.clone().unwrap_or_default(),
                    })
                })
                .collect(),
            incomplete: numbers
                .note
                .or(verifications.note)
                .or(profiles.note)
                .map(|n| n.message),
        })
    })
    .await
}

/// The form for a number: its verification's fields when it has one (to edit it or start
/// it again), else the business's details from the approved profile `profile_sid`.
#[tauri::command]
pub async fn tollfree_form(
    state: State<'_, AppState>,
    number_sid: String,
    profile_sid: Option<String>,
    verification_sid: Option<String>,
) -> Answer<TollfreeInput> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    if let Some(sid) = verification_sid.filter(|s| !s.trim().is_empty()) {
        let v = conn.client.fetch_tollfree(&c, &sid).await?;
        return Ok(TollfreeInput::from(&v));
    }
    let Some(profile) = profile_sid.filter(|s| !s.trim().is_empty()) else {
        return Ok(TollfreeInput {
            phone_number_sid: number_sid,
            ..TollfreeInput::default()
        });
    };
    let record = conn.client.fetch_profile(&c, &profile).await?;
    let (end_users, address) = conn.client.profile_details(&c, &profile).await?;
    Ok(prefill(&number_sid, &record, &end_users, address.as_ref()))
}

/// Every problem of the form at once, before anything is sent.
#[tauri::command]
pub fn check_tollfree(input: TollfreeInput, edit: bool) -> Vec<FieldProblem> {
    tollfree_form::check(&input, edit)
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|e| FieldProblem {
            field: e.field,
            message: e.message,
        })
        .collect()
}

/// The fields given, for the history: the number and profile are the record's, not fields.
fn field_names(input: &TollfreeInput) -> Vec<String> {
    fields_given(input, &["phoneNumberSid", "customerProfileSid"])
}

/// A verification sent, or the one the number had already.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TollfreeMade {
    pub sid: String,
    pub existing: bool,
}

async fn create(state: &AppState, c: &Credentials, input: &TollfreeInput) -> Answer<TollfreeMade> {
    let result = state
        .connection()
        .client
        .create_tollfree(c, input)
        .await
        .map_err(UiError::from)
        .map(|m| TollfreeMade {
            sid: m.record.sid.unwrap_or_default(),
            existing: m.existing,
        });
    if !matches!(&result, Ok(m) if m.existing) {
        let change = Change {
            object_sid: result.as_ref().map(|m| m.sid.clone()).unwrap_or_default(),
            object: OBJECT,
            action: "created",
            fields: field_names(input),
            ..Change::default()
        };
        journal(state, c, change, &result, |_| Some("in-review".to_owned())).await;
    }
    result
}

#[tauri::command]
pub async fn submit_tollfree(
    state: State<'_, AppState>,
    input: TollfreeInput,
) -> Answer<TollfreeMade> {
    let c = current_credentials(&state.connection()).await?;
    create(&state, &c, &input).await
}

/// Sends the edited verification for review again, within its edit window.
#[tauri::command]
pub async fn edit_tollfree(
    state: State<'_, AppState>,
    sid: String,
    input: TollfreeInput,
) -> Answer<()> {
    edit(&state, &sid, &input).await
}

pub async fn edit(state: &AppState, sid: &str, input: &TollfreeInput) -> Answer<()> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let result = conn
        .client
        .edit_tollfree(&c, sid, input)
        .await
        .map(|_| ())
        .map_err(UiError::from);
    let change = Change {
        object_sid: sid.trim().to_owned(),
        object: OBJECT,
        action: "resubmitted",
        fields: field_names(input),
        ..Change::default()
    };
    journal(state, &c, change, &result, |_| Some("in-review".to_owned())).await;
    result
}

/// After the edit window: the old verification is deleted and the form sent as a new one,
/// as one step. The form is checked first, so a form Twilio would refuse deletes nothing.
#[tauri::command]
pub async fn restart_tollfree(
    state: State<'_, AppState>,
    sid: String,
    input: TollfreeInput,
) -> Answer<TollfreeMade> {
    if let Err(errors) = tollfree_form::check(&input, false) {
        if let Some(first) = errors.into_iter().next() {
            return Err(UiError::from(crate::trusthub::TrustHubError::from(first)));
        }
    }
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let deleted = conn
        .client
        .delete_tollfree(&c, &sid)
        .await
        .map_err(UiError::from);
    let change = Change {
        object_sid: sid.trim().to_owned(),
        object: OBJECT,
        action: "deleted",
        ..Change::default()
    };
    journal(&state, &c, change, &deleted, |_| None).await;
    deleted?;
    create(&state, &c, &input).await
}
