//! Starting, copying and tidying up drafts: what each policy is for, a new profile or
//! trust product, a copy of one, how far a draft got, and deleting a draft and then the
//! records nothing uses any more. A step that creates something may be retried: the
//! retry looks first for what the failed attempt may have created, so nothing is made twice.

use serde::{Deserialize, Serialize};
use tauri::State;

use super::error::{ErrorKind, Partial, UiError};
use super::history::{bundle_object, journal, object_of_sid};
use super::{current_credentials, Answer};
use crate::history::Change;
use crate::state::AppState;
use crate::trusthub::drafts::{
    copy_assignments, delete_record, deletion_order, made_before, usage, Leftovers,
};
use crate::trusthub::models::*;
use crate::trusthub::objects::ObjectKind;
use crate::trusthub::policies::{choices, PolicyChoice};
use crate::trusthub::requirements::{progress, Progress};
use crate::trusthub::TrustHubError;

/// The policies a new profile (or trust product) can follow, each with what it is for.
#[tauri::command]
pub async fn list_policies(
    state: State<'_, AppState>,
    kind: Option<BundleKind>,
) -> Answer<Vec<PolicyChoice>> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let listing = conn.client.list_policies(&c).await?;
    Ok(choices(&listing.records, kind.unwrap_or_default()))
}

/// A new draft from its policy, name and notification e-mail. With `retry`, a draft the
/// failed attempt made (same name, policy and e-mail) is answered instead of a second one.
#[tauri::command]
pub async fn create_profile(
    state: State<'_, AppState>,
    kind: BundleKind,
    input: NewBundle,
    retry: Option<bool>,
) -> Answer<CustomerProfile> {
    create(&state, kind, &input, retry.unwrap_or(false)).await
}

pub async fn create(
    state: &AppState,
    kind: BundleKind,
    input: &NewBundle,
    retry: bool,
) -> Answer<CustomerProfile> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    if retry {
        if let Some(made) = made_before(&conn.client, &c, kind, input).await? {
            return Ok(made);
        }
    }
    let result = conn
        .client
        .create_bundle(&c, kind, input)
        .await
        .map_err(UiError::from);
    let made = result.as_ref().ok().and_then(|p| p.sid.clone());
    let change = Change {
        bundle_sid: made.clone(),
        object_sid: made.unwrap_or_default(),
        object: bundle_object(kind),
        action: "created",
        fields: vec!["friendlyName".into(), "email".into()],
        ..Change::default()
    };
    journal(state, &c, change, &result, |p| p.status.clone()).await;
    result
}

/// What a copy is called and where it goes; `into` continues a copy that stopped.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields))]
#[serde(rename_all = "camelCase")]
pub struct CopyInput {
    pub friendly_name: String,
    pub email: String,
    pub into: Option<String>,
    pub retry: Option<bool>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Copied {
    pub profile: CustomerProfile,
    /// How many records it uses, as the original does.
    pub parts: usize,
}

/// A new draft with the same policy and the same assignments (end users, documents,
/// linked profiles) as `sid`. Phone numbers are not copied: a number serves one profile.
/// If a step fails, the copy that exists is said, and continuing assigns only what is
/// still missing.
#[tauri::command]
pub async fn copy_profile(
    state: State<'_, AppState>,
    kind: Option<BundleKind>,
    sid: String,
    input: CopyInput,
) -> Answer<Copied> {
    copy(&state, kind.unwrap_or_default(), &sid, &input).await
}

pub async fn copy(
    state: &AppState,
    kind: BundleKind,
    sid: &str,
    input: &CopyInput,
) -> Answer<Copied> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let client = &conn.client;
    let source = client.fetch_bundle(&c, kind, sid).await?;
    let policy = source.policy_sid.clone().unwrap_or_default();
    let target = match input.into.as_deref() {
        Some(into) => {
            let t = client.fetch_bundle(&c, kind, into).await?;
            if t.policy_sid.as_deref() != Some(policy.as_str())
                || t.status.as_deref() != Some("draft")
            {
                return Err(UiError::new(
                    ErrorKind::InvalidInput,
                    "The copy is no longer a draft of the same kind, so nothing more was copied into it.",
                ));
            }
            t
        }
        None => {
            let new = NewBundle {
                friendly_name: input.friendly_name.clone(),
                email: input.email.clone(),
                policy_sid: policy,
                status_callback: source.status_callback.clone(),
            };
            create(state, kind, &new, input.retry.unwrap_or(false)).await?
        }
    };
    let target_sid = target.sid.clone().unwrap_or_default();
    let stopped = |e: TrustHubError| {
        let why = UiError::from(e);
        UiError {
            partial: Some(Box::new(Partial {
                sid: target_sid.clone(),
                name: target.friendly_name.clone(),
                state: "copying",
            })),
            message: format!(
                "“{}” was created, but copying what the original uses stopped: {} Continue copying, or open the copy.",
                target.friendly_name.as_deref().unwrap_or("The copy"),
                why.message
            ),
            ..why
        }
    };
    let result = copy_assignments(client, &c, kind, sid, &target_sid)
        .await
        .map_err(stopped);
    let change = Change {
        bundle_sid: Some(sid.trim().to_owned()),
        object_sid: target_sid.clone(),
        object: bundle_object(kind),
        action: "copied",
        ..Change::default()
    };
    journal(state, &c, change, &result, |_| None).await;
    Ok(Copied {
        profile: target,
        parts: result?,
    })
}

/// How far a draft got: how many of its policy's requirements have something assigned.
#[tauri::command]
pub async fn draft_progress(
    state: State<'_, AppState>,
    kind: Option<BundleKind>,
    sid: String,
    policy_sid: String,
) -> Answer<Progress> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let (policy, assignments) = tokio::join!(
        state.catalog().policy(&conn.client, &c, &policy_sid),
        conn.client
            .list_entity_assignments(&c, kind.unwrap_or_default(), &sid),
    );
    Ok(progress(&policy?, &assignments?.records))
}

/// The statuses Twilio deletes a profile or Trust Product in.
const DELETABLE: [&str; 2] = ["draft", "twilio-rejected"];

/// Deletes a draft (or rejected) profile or trust product, then says which of the records
/// it used nothing else uses, to offer them for deleting too. Twilio refuses one in
/// review or approved; the window does not offer it then.
#[tauri::command]
pub async fn delete_profile(
    state: State<'_, AppState>,
    kind: BundleKind,
    sid: String,
) -> Answer<Leftovers> {
    delete_draft(&state, kind, &sid).await
}

pub async fn delete_draft(state: &AppState, kind: BundleKind, sid: &str) -> Answer<Leftovers> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    // What the window shows may be old (a colleague may have submitted it since): only a
    // draft or a rejected one, as Twilio holds it now, is deleted.
    let now = conn.client.fetch_bundle(&c, kind, sid).await?;
    let status = now.status.as_deref().unwrap_or_default();
    if !DELETABLE.contains(&status) {
        return Err(UiError::new(
            ErrorKind::InvalidInput,
            format!(
                "Nothing was deleted: this {} is “{}” now, and Twilio keeps it once it is submitted. It may have been submitted since you opened it: press Refresh to see it as it is.",
                match kind {
                    BundleKind::CustomerProfile => "profile",
                    BundleKind::TrustProduct => "Trust Product",
                },
                super::history::status_words(status),
            ),
        ));
    }
    // What it uses, read before it goes (afterwards Twilio no longer says).
    let used = conn.client.list_entity_assignments(&c, kind, sid).await;
    let deleted = conn.client
        .delete_bundle(&c, kind, sid)
        .await
        .map_err(|e| refused(e, match kind {
            BundleKind::CustomerProfile => "Twilio did not delete this profile. Only a draft or a rejected profile can be deleted; one in review or approved stays. Refresh to see its status now.",
            BundleKind::TrustProduct => "Twilio did not delete this Trust Product. Only a draft or a rejected one can be deleted; one in review or approved stays. Refresh to see its status now.",
        }));
    let change = Change::on(sid, sid, bundle_object(kind), "deleted");
    journal(state, &c, change, &deleted, |_| None).await;
    deleted?;
    let Ok(used) = used else {
        return Ok(Leftovers {
            records: Vec::new(),
            complete: false,
        });
    };
    let objects: Vec<String> = used
        .records
        .into_iter()
        .filter_map(|a| a.object_sid)
        .filter(|s| ObjectKind::of_sid(s).is_some())
        .collect();
    Ok(usage(&conn.client, &c, &objects).await)
}

/// Which of `sids` (end users, documents, addresses) something still uses.
#[tauri::command]
pub async fn object_usage(state: State<'_, AppState>, sids: Vec<String>) -> Answer<Leftovers> {
    usage_now(&state, &sids).await
}

pub async fn usage_now(state: &AppState, sids: &[String]) -> Answer<Leftovers> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    Ok(usage(&conn.client, &c, sids).await)
}

/// What deleting one record did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Deleted {
    pub sid: String,
    pub deleted: bool,
    /// Why not, in plain words, when it was not.
    pub message: Option<String>,
}

/// Deletes the records `sids` the person chose: end users and documents first, then the
/// addresses (which documents may have named). Each one's result is said; one refusal
/// does not stop the rest.
#[tauri::command]
pub async fn delete_records(state: State<'_, AppState>, sids: Vec<String>) -> Answer<Vec<Deleted>> {
    delete_all(&state, sids).await
}

pub async fn delete_all(state: &AppState, sids: Vec<String>) -> Answer<Vec<Deleted>> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let ordered = deletion_order(sids);
    let mut out = Vec::new();
    for sid in ordered {
        let plain = if sid.starts_with("AD") {
            "Twilio did not delete this address: a supporting document still names it. Delete or change that document first."
        } else {
            "Twilio did not delete this record: a profile or Trust Product still uses it. Remove it from there first."
        };
        let result = delete_record(&conn.client, &c, &sid)
            .await
            .map_err(|e| refused(e, plain));
        let change = Change {
            object_sid: sid.clone(),
            object: object_of_sid(&sid),
            action: "deleted",
            ..Change::default()
        };
        journal(state, &c, change, &result, |_| None).await;
        out.push(Deleted {
            deleted: result.is_ok(),
            message: result.err().map(|e| e.message),
            sid,
        });
    }
    Ok(out)
}

/// Twilio's refusal to delete (a 400 or 409: the record is in a state or a use that keeps
/// it) in plain words, Twilio's own kept as the detail; any other error as it is.
fn refused(e: TrustHubError, plain: &str) -> UiError {
    let twilio_said = match &e {
        TrustHubError::Api(a) if matches!(a.status, 400 | 409) => {
            Some(a.twilio_said.then(|| a.message.clone()))
        }
        _ => None,
    };
    let why = UiError::from(e);
    match twilio_said {
        Some(detail) => UiError {
            detail,
            message: plain.to_owned(),
            ..why
        },
        None => why,
    }
}

/// An approved primary profile of the account, and whether its business information says
/// it is an ISV reseller or partner: Twilio accepts secondary profiles only under one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PrimaryProfile {
    pub sid: String,
    pub name: Option<String>,
    pub isv: bool,
}

/// What a new secondary profile can build on, checked before it is started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PrimaryCheck {
    /// The approved primary profiles of the account (the first page of approved profiles).
    pub primaries: Vec<PrimaryProfile>,
    /// In a subaccount the primary profile is the main account's, which cannot be read here.
    pub in_subaccount: bool,
}

/// The account's approved primary profiles, and which are marked as an ISV reseller or
/// partner (the business information's `business_identity`).
#[tauri::command]
pub async fn primary_profiles(state: State<'_, AppState>) -> Answer<PrimaryCheck> {
    primaries(&state).await
}

pub async fn primaries(state: &AppState) -> Answer<PrimaryCheck> {
    let conn = state.connection();
    if conn.storage == crate::state::Storage::Subaccount {
        return Ok(PrimaryCheck {
            primaries: Vec::new(),
            in_subaccount: true,
        });
    }
    let c = current_credentials(&conn).await?;
    let approved = ProfileFilter {
        status: Some(ProfileStatus::TwilioApproved),
        ..ProfileFilter::default()
    };
    let page = conn
        .client
        .list_bundles_page(&c, BundleKind::CustomerProfile, &approved, None)
        .await?;
    let mut primaries = Vec::new();
    for profile in page.records {
        let (Some(sid), Some(policy_sid)) = (profile.sid.clone(), profile.policy_sid.as_deref())
        else {
            continue;
        };
        let policy = state.catalog().policy(&conn.client, &c, policy_sid).await?;
        let name = policy.friendly_name.as_deref().unwrap_or_default();
        if crate::trusthub::policies::Purpose::of(name)
            != crate::trusthub::policies::Purpose::Primary
        {
            continue;
        }
        let assigned = conn
            .client
            .list_entity_assignments(&c, BundleKind::CustomerProfile, &sid)
            .await?;
        let mut isv = false;
        for object in assigned
            .records
            .iter()
            .filter_map(|a| a.object_sid.as_deref())
        {
            if !object.starts_with("IT") {
                continue;
            }
            let user = conn.client.fetch_end_user(&c, object).await?;
            isv |= user.kind.as_deref() == Some("customer_profile_business_information")
                && user
                    .attributes
                    .as_ref()
                    .and_then(|a| a.get("business_identity"))
                    .and_then(serde_json::Value::as_str)
                    == Some("isv_reseller_or_partner");
        }
        primaries.push(PrimaryProfile {
            sid,
            name: profile.friendly_name,
            isv,
        });
    }
    Ok(PrimaryCheck {
        primaries,
        in_subaccount: false,
    })
}
