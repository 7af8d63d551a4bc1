//! Campaigns and the numbers in their Messaging Services: choosing or making the service,
//! Twilio's use cases for the brand, checking the form, submitting, fixing, replacing (a
//! new use case is a new campaign), and adding or removing numbers several at once.

use serde::{Deserialize, Serialize};
use tauri::State;

use super::error::{ErrorKind, Partial, UiError};
use super::history::{fields_given, journal};
use super::{current_credentials, Answer};
use crate::credentials::Credentials;
use crate::history::Change;
use crate::state::AppState;
use crate::trusthub::messaging::campaign_form::{self, CampaignInput};
use crate::trusthub::messaging::models::Usecase;
use crate::trusthub::messaging::reasons::{reasons, Reason};

/// The service a campaign goes on: one of the account's, or a new one by name.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ServicePick {
    pub sid: Option<String>,
    pub new_name: Option<String>,
}

/// The service chosen (made if new) and the use cases Twilio offers the brand on it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CampaignStart {
    pub service_sid: String,
    pub service_name: String,
    pub service_made: bool,
    pub usecases: Vec<Usecase>,
}

#[tauri::command]
pub async fn open_campaign_service(
    state: State<'_, AppState>,
    service: ServicePick,
    brand_sid: String,
) -> Answer<CampaignStart> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let (sid, name, made) = match (service.sid, service.new_name) {
        (Some(sid), _) => (sid.trim().to_owned(), String::new(), false),
        (None, name) => {
            let name = name.unwrap_or_default();
            let result = conn
                .client
                .create_service(&c, &name)
                .await
                .map_err(UiError::from);
            if !matches!(&result, Ok(m) if m.existing) {
                let change = Change {
                    object_sid: result
                        .as_ref()
                        .ok()
                        .and_then(|m| m.record.sid.clone())
                        .unwrap_or_default(),
                    object: "messaging-service",
                    action: "created",
                    fields: vec!["friendlyName".to_owned()],
                    ..Change::default()
                };
                journal(&state, &c, change, &result, |_| None).await;
            }
            let made = result?;
            (
                made.record.sid.unwrap_or_default(),
                made.record.friendly_name.unwrap_or(name),
                !made.existing,
            )
        }
    };
    let usecases = conn
        .client
        .list_usecases(&c, &sid, &brand_sid)
        .await
        .map_err(|e| {
            let mut e = UiError::from(e);
            if made {
                e.partial = Some(Box::new(Partial {
                    sid: sid.clone(),
                    name: Some(name.clone()),
                    state: "created",
                }));
            }
            e
        })?;
    Ok(CampaignStart {
        service_sid: sid,
        service_name: name,
        service_made: made,
        usecases,
    })
}

/// A problem of the form, beside its field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

/// Every problem of the form at once, before anything is sent (or asked to be paid for).
#[tauri::command]
pub fn check_campaign(input: CampaignInput) -> Vec<FieldProblem> {
    problems(&input)
}

fn problems(input: &CampaignInput) -> Vec<FieldProblem> {
    campaign_form::check(input)
        .err()
        .map_or_else(Vec::new, |errors| {
            errors
                .into_iter()
                .map(|e| FieldProblem {
                    field: e.field,
                    message: e.message,
                })
                .collect()
        })
}

/// A form that does not pass: its first problem, with its field (the others are shown by
/// `check_campaign`, which the window calls first).
fn refused(input: &CampaignInput) -> Result<(), UiError> {
    match problems(input).into_iter().next() {
        None => Ok(()),
        Some(p) => Err(UiError {
            field: Some(p.field),
            ..UiError::new(ErrorKind::InvalidInput, p.message)
        }),
    }
}

/// A campaign submitted, or the one the service had already.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CampaignMade {
    pub campaign_sid: String,
    pub existing: bool,
}

async fn create(
    state: &AppState,
    c: &Credentials,
    service_sid: &str,
    input: &CampaignInput,
) -> Answer<CampaignMade> {
    let result = state
        .connection()
        .client
        .create_campaign(c, service_sid, input)
        .await
        .map_err(UiError::from)
        .map(|m| CampaignMade {
            campaign_sid: m.record.sid.unwrap_or_default(),
            existing: m.existing,
        });
    if !matches!(&result, Ok(m) if m.existing) {
        let change = Change {
            object_sid: result
                .as_ref()
                .map(|m| m.campaign_sid.clone())
                .unwrap_or_default(),
            object: "campaign",
            action: "created",
            fields: fields_given(input, &[]),
            ..Change::default()
        };
        journal(state, c, change, &result, |_| None).await;
    }
    result
}

/// Submits a campaign on the service (Twilio vets, and charges for, it).
#[tauri::command]
pub async fn submit_campaign(
    state: State<'_, AppState>,
    service_sid: String,
    input: CampaignInput,
) -> Answer<CampaignMade> {
    refused(&input)?;
    let c = current_credentials(&state.connection()).await?;
    create(&state, &c, &service_sid, &input).await
}

/// A campaign as its form, with Twilio's reasons, to fix it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CampaignDraft {
    pub input: CampaignInput,
    pub status_code: String,
    pub reasons: Vec<Reason>,
    pub usecases: Vec<Usecase>,
}

#[tauri::command]
pub async fn campaign_draft(
    state: State<'_, AppState>,
    service_sid: String,
    sid: String,
) -> Answer<CampaignDraft> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let campaign = conn.client.fetch_campaign(&c, &service_sid, &sid).await?;
    let input = CampaignInput::from(&campaign);
    let usecases = conn
        .client
        .list_usecases(&c, &service_sid, &input.brand_sid)
        .await?;
    Ok(CampaignDraft {
        status_code: campaign
            .campaign_status
            .as_deref()
            .unwrap_or_default()
            .to_ascii_uppercase(),
        reasons: reasons(campaign.errors.as_deref()),
        usecases,
        input,
    })
}

/// Sends the fixed campaign for review again (Twilio vets, and charges for, it again).
#[tauri::command]
pub async fn resubmit_campaign(
    state: State<'_, AppState>,
    service_sid: String,
    sid: String,
    input: CampaignInput,
) -> Answer<()> {
    refused(&input)?;
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let result = conn
        .client
        .edit_campaign(&c, &service_sid, &sid, &input)
        .await
        .map(|_| ())
        .map_err(UiError::from);
    let change = Change {
        object_sid: sid.trim().to_owned(),
        object: "campaign",
        action: "resubmitted",
        fields: fields_given(&input, &[]),
        ..Change::default()
    };
    journal(&state, &c, change, &result, |_| None).await;
    result
}

/// A new use case: the campaign is deleted and made again with the form, as one step. If
/// the new one is refused, the error says the old one is gone (the form is kept to send).
#[tauri::command]
pub async fn replace_campaign(
    state: State<'_, AppState>,
    service_sid: String,
    sid: String,
    input: CampaignInput,
) -> Answer<CampaignMade> {
    refused(&input)?;
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let deleted = conn
        .client
        .delete_campaign(&c, &service_sid, &sid)
        .await
        .map_err(UiError::from);
    let change = Change {
        object_sid: sid.trim().to_owned(),
        object: "campaign",
        action: "deleted",
        ..Change::default()
    };
    journal(&state, &c, change, &deleted, |_| None).await;
    deleted?;
    create(&state, &c, &service_sid, &input)
        .await
        .map_err(|mut e| {
            e.message = format!(
                "The old campaign was deleted, but the new one was not sent: {} Send it again when ready; your answers are kept.",
                e.message
            );
            e.partial = Some(Box::new(Partial {
                sid: service_sid.trim().to_owned(),
                name: None,
                state: "replacing",
            }));
            e
        })
}

/// Deletes a Messaging Service made for a campaign that was then not made (its numbers
/// stay the account's).
#[tauri::command]
pub async fn remove_service(state: State<'_, AppState>, service_sid: String) -> Answer<()> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let result = conn
        .client
        .delete_service(&c, &service_sid)
        .await
        .map_err(UiError::from);
    let change = Change {
        object_sid: service_sid.trim().to_owned(),
        object: "messaging-service",
        action: "deleted",
        ..Change::default()
    };
    journal(&state, &c, change, &result, |_| None).await;
    result
}

/// What a change of a service's numbers did, number by number.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NumbersChanged {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub failed: Vec<FieldProblem>,
}

/// Adds and removes numbers (`PN…`) of a service; each is tried, and each failure named.
#[tauri::command]
pub async fn change_service_numbers(
    state: State<'_, AppState>,
    service_sid: String,
    add: Vec<String>,
    remove: Vec<String>,
) -> Answer<NumbersChanged> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let mut done = NumbersChanged::default();
    for (sid, adding) in add
        .iter()
        .map(|s| (s, true))
        .chain(remove.iter().map(|s| (s, false)))
    {
        let result = if adding {
            conn.client
                .add_service_number(&c, &service_sid, sid)
                .await
                .map(|_| ())
        } else {
            conn.client
                .remove_service_number(&c, &service_sid, sid)
                .await
        }
        .map_err(UiError::from);
        let change = Change {
            bundle_sid: None,
            object_sid: sid.trim().to_owned(),
            object: "service-number",
            action: if adding { "added" } else { "removed" },
            ..Change::default()
        };
        journal(&state, &c, change, &result, |_| None).await;
        match result {
            Ok(()) if adding => done.added.push(sid.clone()),
            Ok(()) => done.removed.push(sid.clone()),
            Err(e) if e.kind == ErrorKind::Unauthorized => return Err(e),
            Err(e) => done.failed.push(FieldProblem {
                field: sid.clone(),
                message: e.message,
            }),
        }
    }
    Ok(done)
}
