//! Phone numbers on a voice Trust Product (SHAKEN/STIR, CNAM, Voice Integrity): the
//! product with its business's Customer-Profile and every number of the account marked
//! with where it is; the chosen numbers assigned in Twilio's order (`voice_numbers`),
//! the window told of each step, and one number taken off the product.

use std::collections::HashSet;

use serde::Serialize;
use tauri::{AppHandle, Emitter, State};

use super::error::{ErrorKind, UiError};
use super::history::journal;
use super::{current_credentials, Answer};
use crate::history::Change;
use crate::state::AppState;
use crate::trusthub::messaging::summary::voice_words;
use crate::trusthub::models::BundleKind;
use crate::trusthub::policies::Purpose;
use crate::trusthub::validate;
use crate::trusthub::voice_numbers::{self, Step, Target};

/// The window hears how many steps of how many are done.
pub const PROGRESS_EVENT: &str = "voice-progress";

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "VoiceProgress"))]
#[serde(rename_all = "camelCase")]
pub(crate) struct Progress {
    done: usize,
    total: usize,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VoiceNumber {
    pub sid: String,
    pub phone_number: String,
    pub friendly_name: Option<String>,
    pub on_profile: bool,
    pub on_product: bool,
    /// Why the number cannot go on this product, when it cannot (CNAM: US numbers only).
    pub not_allowed: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VoiceNumbersView {
    pub product_sid: String,
    pub product_name: String,
    /// "SHAKEN/STIR", "CNAM" or "Voice Integrity".
    pub kind: String,
    /// The approved Customer-Profile the product is built on, when it has one.
    pub profile_sid: Option<String>,
    pub profile_name: Option<String>,
    pub numbers: Vec<VoiceNumber>,
}

/// The product, its profile, and every number of the account with where it is.
#[tauri::command]
pub async fn load_voice_numbers(
    state: State<'_, AppState>,
    product_sid: String,
) -> Answer<VoiceNumbersView> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let client = &conn.client;
    let product = client
        .fetch_bundle(&c, BundleKind::TrustProduct, &product_sid)
        .await?;
    let policy = state
        .catalog()
        .policy(
            client,
            &c,
            product.policy_sid.as_deref().unwrap_or_default(),
        )
        .await?;
    let purpose = Purpose::of(policy.friendly_name.as_deref().unwrap_or_default());
    let kind = voice_words(purpose).ok_or_else(|| {
        UiError::new(
            ErrorKind::InvalidInput,
            "This Trust Product is not for calls: numbers go on SHAKEN/STIR, CNAM and Voice Integrity products.",
        )
    })?;
    let profile_sid = client
        .list_entity_assignments(&c, BundleKind::TrustProduct, &product_sid)
        .await?
        .records
        .into_iter()
        .filter_map(|a| a.object_sid)
        .find(|o| validate::is_sid(o, "BU"));
    let on_product = client
        .numbers_on(&c, BundleKind::TrustProduct, &product_sid)
        .await?;
    let (on_profile, profile_name) = match &profile_sid {
        Some(p) => {
            let on = client
                .numbers_on(&c, BundleKind::CustomerProfile, p)
                .await?;
            let name = client.fetch_profile(&c, p).await?.friendly_name;
            (on, name)
        }
        None => (HashSet::new(), None),
    };
    let mut numbers: Vec<VoiceNumber> = client
        .list_phone_numbers(&c)
        .await?
        .records
        .into_iter()
        .filter_map(|n| {
            let sid = n.sid?;
            let phone_number = n.phone_number?;
            let us = phone_number.starts_with("+1");
            Some(VoiceNumber {
                on_profile: on_profile.contains(&sid),
                on_product: on_product.contains(&sid),
                not_allowed: (purpose == Purpose::Cnam && !us)
                    .then(|| "CNAM is for US numbers only.".to_owned()),
                sid,
                phone_number,
                friendly_name: n.friendly_name,
            })
        })
        .collect();
    numbers.sort_by(|a, b| a.phone_number.cmp(&b.phone_number));
    Ok(VoiceNumbersView {
        product_sid: product.sid.unwrap_or(product_sid),
        product_name: product.friendly_name.unwrap_or_default(),
        kind: kind.to_owned(),
        profile_sid,
        profile_name,
        numbers,
    })
}

/// One step as the window names it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct StepView {
    pub number_sid: String,
    /// `profile` or `product`.
    pub target: String,
}

impl From<&Step> for StepView {
    fn from(s: &Step) -> Self {
        Self {
            number_sid: s.number_sid.clone(),
            target: match s.target {
                Target::Profile => "profile",
                Target::Product => "product",
            }
            .to_owned(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VoiceApplied {
    pub done: Vec<StepView>,
    /// The step that failed and why; the steps after it were not tried.
    pub failed: Option<StepView>,
    pub error: Option<UiError>,
    pub left: Vec<StepView>,
}

/// Assigns `number_sids` to the product (each to its profile first when not there yet),
/// one step at a time, telling the window after each, stopping at the first refusal.
#[tauri::command]
pub async fn assign_voice_numbers(
    app: AppHandle,
    state: State<'_, AppState>,
    product_sid: String,
    profile_sid: String,
    number_sids: Vec<String>,
) -> Answer<VoiceApplied> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let client = &conn.client;
    let c = &c;
    // Read again: the plan follows what Twilio has now, not what the window last saw.
    let on_profile = client
        .numbers_on(c, BundleKind::CustomerProfile, &profile_sid)
        .await?;
    let on_product = client
        .numbers_on(c, BundleKind::TrustProduct, &product_sid)
        .await?;
    let steps = voice_numbers::plan(&number_sids, &on_profile, &on_product);
    let applied = voice_numbers::apply(
        client,
        c,
        &profile_sid,
        &product_sid,
        steps,
        |done, total| {
            let _ = app.emit(PROGRESS_EVENT, Progress { done, total });
        },
    )
    .await;
    // Each step in the history of its bundle, as a number assigned one at a time is.
    let bundle_of = |step: &Step| match step.target {
        Target::Profile => profile_sid.clone(),
        Target::Product => product_sid.clone(),
    };
    for step in &applied.done {
        let change = Change::on(
            &bundle_of(step),
            &step.number_sid,
            "phone-number",
            "assigned",
        );
        journal(&state, c, change, &Ok::<(), UiError>(()), |_| None).await;
    }
    let failed = applied.failed.map(|(step, e)| (step, UiError::from(e)));
    if let Some((step, e)) = &failed {
        let change = Change::on(
            &bundle_of(step),
            &step.number_sid,
            "phone-number",
            "assigned",
        );
        journal(&state, c, change, &Err::<(), UiError>(e.clone()), |_| None).await;
    }
    let (failed, error) = match failed {
        Some((step, e)) => (Some(StepView::from(&step)), Some(e)),
        None => (None, None),
    };
    Ok(VoiceApplied {
        done: applied.done.iter().map(StepView::from).collect(),
        failed,
        error,
        left: applied.left.iter().map(StepView::from).collect(),
    })
}

/// Takes one number off the product (it stays on the Customer-Profile).
#[tauri::command]
pub async fn remove_voice_number(
    state: State<'_, AppState>,
    product_sid: String,
    number_sid: String,
) -> Answer<()> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let assignment = conn
        .client
        .list_channel_endpoint_assignments(&c, BundleKind::TrustProduct, &product_sid)
        .await?
        .records
        .into_iter()
        .find(|a| a.channel_endpoint_sid.as_deref() == Some(number_sid.trim()))
        .and_then(|a| a.sid);
    let Some(assignment) = assignment else {
        // Already off the product: nothing to do.
        return Ok(());
    };
    let result = conn
        .client
        .unassign_phone_number(&c, BundleKind::TrustProduct, &product_sid, &assignment)
        .await
        .map_err(UiError::from);
    let change = Change::on(&product_sid, &assignment, "phone-number", "unassigned");
    journal(&state, &c, change, &result, |_| None).await;
    result
}
