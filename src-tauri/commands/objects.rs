//! End users and supporting documents: read, change (the whole `Attributes` sent, the
//! edits merged into what Twilio holds), create and assign, replace, remove, delete.
//! Their attributes are personal data: never logged, never kept on disk.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use tauri::State;

use super::error::{ErrorKind, Partial, UiError};
use super::history::{journal, journaled, object_of_sid};
use super::{current_credentials, Answer};
use crate::history::Change;
use crate::state::AppState;
use crate::trusthub::attributes::{check_field, merged};
use crate::trusthub::models::*;
use crate::trusthub::objects::ObjectKind;
use crate::trusthub::{validate, TrustHubError};

#[tauri::command]
pub async fn fetch_end_user(state: State<'_, AppState>, sid: String) -> Answer<EndUser> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    Ok(conn.client.fetch_end_user(&c, &sid).await?)
}

#[tauri::command]
pub async fn fetch_supporting_document(
    state: State<'_, AppState>,
    sid: String,
) -> Answer<SupportingDocument> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    Ok(conn.client.fetch_supporting_document(&c, &sid).await?)
}

fn kind_of(sid: &str) -> Result<ObjectKind, UiError> {
    ObjectKind::of_sid(sid).ok_or_else(|| UiError {
        field: Some("sid".into()),
        ..UiError::new(
            ErrorKind::InvalidInput,
            "This is not the SID of an end user (IT…) or a supporting document (RD…).",
        )
    })
}

/// The words of each field of a type, from Twilio's type (best effort).
async fn labels(
    state: &AppState,
    kind: ObjectKind,
    type_name: Option<&str>,
) -> impl Fn(&str) -> String {
    let conn = state.connection();
    let words = match (current_credentials(&conn).await, type_name) {
        (Ok(c), Some(t)) => state
            .catalog()
            .type_of(&conn.client, &c, kind, t)
            .await
            .ok(),
        _ => None,
    };
    move |machine: &str| {
        words
            .as_ref()
            .and_then(|t| t.fields.iter().find(|f| f.machine_name == machine))
            .and_then(|f| f.friendly_name.clone())
            .unwrap_or_else(|| machine.replace('_', " "))
    }
}

/// Saves edits to an end user or document: Twilio's stored object with the edited fields
/// merged in is sent whole, so no other field is erased. Checked before anything is sent.
#[tauri::command]
pub async fn save_object(
    state: State<'_, AppState>,
    sid: String,
    friendly_name: Option<String>,
    changes: Map<String, Value>,
    profile_sid: Option<String>,
) -> Answer<SupportingDocument> {
    save(
        &state,
        &sid,
        friendly_name.as_deref(),
        &changes,
        profile_sid.as_deref(),
    )
    .await
}

/// `profile_sid`: the profile it was edited from, whose timeline shows the change.
pub async fn save(
    state: &AppState,
    sid: &str,
    friendly_name: Option<&str>,
    changes: &Map<String, Value>,
    profile_sid: Option<&str>,
) -> Answer<SupportingDocument> {
    let kind = kind_of(sid)?;
    let Some(_guard) = state.begin_save(sid.trim()) else {
        return Err(UiError::new(
            ErrorKind::Busy,
            "This is already being saved. Wait a moment.",
        ));
    };
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let stored = match kind {
        ObjectKind::EndUser => conn
            .client
            .fetch_end_user(&c, sid)
            .await
            .map(|u| (u.kind, u.attributes))?,
        ObjectKind::SupportingDocument => conn
            .client
            .fetch_supporting_document(&c, sid)
            .await
            .map(|d| (d.kind, d.attributes))?,
    };
    let (type_name, attributes) = stored;
    let stored = match attributes {
        Some(Value::Object(map)) => map,
        _ => Map::new(),
    };
    let words = labels(state, kind, type_name.as_deref()).await;
    let whole = merged(&stored, changes, &words).map_err(TrustHubError::from)?;
    let result = conn
        .client
        .update_object(&c, kind, sid, friendly_name, &whole)
        .await
        .map_err(UiError::from);
    let mut fields: Vec<String> = changes.keys().cloned().collect();
    if friendly_name.is_some() {
        fields.insert(0, "friendlyName".into());
    }
    let change = Change {
        bundle_sid: profile_sid.map(|p| p.trim().to_owned()),
        object_sid: sid.trim().to_owned(),
        object: object_of_sid(sid.trim()),
        action: "updated",
        fields,
        ..Change::default()
    };
    journal(state, &c, change, &result, |_| None).await;
    result
}

/// Where a new object goes once it exists.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields))]
#[serde(rename_all = "camelCase")]
pub struct AssignTo {
    pub kind: Option<BundleKind>,
    pub sid: String,
}

/// A new object, and its assignment when it was asked to be assigned.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Created {
    pub object: SupportingDocument,
    pub assignment: Option<EntityAssignment>,
}

/// Creates an end user or document of a type, each field checked first, and assigns it
/// to a profile when asked. If the assignment fails, what now exists is said and offered
/// to finish (assign it) or undo (delete it): never a silent orphan.
#[tauri::command]
pub async fn create_object(
    state: State<'_, AppState>,
    kind: ObjectKind,
    type_name: String,
    friendly_name: String,
    attributes: Map<String, Value>,
    assign_to: Option<AssignTo>,
    retry: Option<bool>,
) -> Answer<Created> {
    let new = NewObject {
        kind,
        type_name: &type_name,
        friendly_name: &friendly_name,
        attributes: &attributes,
    };
    create_once(&state, &new, assign_to.as_ref(), retry.unwrap_or(false)).await
}

/// An object to create.
pub struct NewObject<'a> {
    pub kind: ObjectKind,
    pub type_name: &'a str,
    pub friendly_name: &'a str,
    pub attributes: &'a Map<String, Value>,
}

/// Creates the object, or with `retry` first looks for the one a failed attempt made
/// (same type, name and fields), and assigns it where asked unless it already is.
pub async fn create_once(
    state: &AppState,
    new: &NewObject<'_>,
    assign_to: Option<&AssignTo>,
    retry: bool,
) -> Answer<Created> {
    if retry {
        let conn = state.connection();
        let c = current_credentials(&conn).await?;
        let words = labels(state, new.kind, Some(new.type_name)).await;
        let mut checked = Map::new();
        for (name, value) in new.attributes {
            checked.insert(
                name.clone(),
                check_field(name, &words(name), value).map_err(TrustHubError::from)?,
            );
        }
        if let Some(object) = made_before(&conn.client, &c, new, &checked).await? {
            let Some(target) = assign_to else {
                return Ok(Created {
                    object,
                    assignment: None,
                });
            };
            let sid = object.sid.clone().unwrap_or_default();
            let kind = target.kind.unwrap_or_default();
            let existing = conn
                .client
                .list_entity_assignments(&c, kind, &target.sid)
                .await?
                .records
                .into_iter()
                .find(|a| a.object_sid.as_deref() == Some(sid.as_str()));
            let assignment = match existing {
                Some(a) => a,
                None => {
                    conn.client
                        .assign_entity(&c, kind, &target.sid, &sid)
                        .await?
                }
            };
            return Ok(Created {
                object,
                assignment: Some(assignment),
            });
        }
    }
    create(
        state,
        new.kind,
        new.type_name,
        new.friendly_name,
        new.attributes,
        assign_to,
    )
    .await
}

/// The newest object of the type with this name and exactly these fields.
async fn made_before(
    client: &crate::trusthub::TrustHubClient,
    c: &crate::credentials::Credentials,
    new: &NewObject<'_>,
    checked: &Map<String, Value>,
) -> Result<Option<SupportingDocument>, TrustHubError> {
    let records: Vec<SupportingDocument> = match new.kind {
        ObjectKind::EndUser => client
            .list_end_users(c)
            .await?
            .records
            .into_iter()
            .map(super::requirements::as_document)
            .collect(),
        ObjectKind::SupportingDocument => client.list_supporting_documents(c).await?.records,
    };
    let wanted = Value::Object(checked.clone());
    Ok(records
        .into_iter()
        .filter(|o| {
            o.kind.as_deref() == Some(new.type_name)
                && o.friendly_name.as_deref().map(str::trim) == Some(new.friendly_name.trim())
                && o.attributes.as_ref() == Some(&wanted)
        })
        .max_by(|a, b| a.date_created.cmp(&b.date_created)))
}

pub async fn create(
    state: &AppState,
    kind: ObjectKind,
    type_name: &str,
    friendly_name: &str,
    attributes: &Map<String, Value>,
    assign_to: Option<&AssignTo>,
) -> Answer<Created> {
    let words = labels(state, kind, Some(type_name)).await;
    let mut checked = Map::new();
    for (name, value) in attributes {
        checked.insert(
            name.clone(),
            check_field(name, &words(name), value).map_err(TrustHubError::from)?,
        );
    }
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let made = conn
        .client
        .create_object(&c, kind, type_name, friendly_name, &checked)
        .await
        .map_err(UiError::from);
    let made_sid = made.as_ref().ok().and_then(|o| o.sid.clone());
    let change = Change {
        bundle_sid: assign_to.map(|t| t.sid.trim().to_owned()),
        object: made_sid.as_deref().map_or("record", object_of_sid),
        object_sid: made_sid.unwrap_or_default(),
        action: "created",
        fields: checked.keys().cloned().collect(),
        ..Change::default()
    };
    journal(state, &c, change, &made, |_| None).await;
    let object = made?;
    let Some(target) = assign_to else {
        return Ok(Created {
            object,
            assignment: None,
        });
    };
    let created_sid = object.sid.clone().unwrap_or_default();
    match conn
        .client
        .assign_entity(
            &c,
            target.kind.unwrap_or_default(),
            &target.sid,
            &created_sid,
        )
        .await
    {
        Ok(a) => Ok(Created {
            object,
            assignment: Some(a),
        }),
        Err(e) => {
            let why = UiError::from(e);
            Err(UiError {
                partial: Some(Box::new(Partial {
                    sid: created_sid,
                    name: object.friendly_name.clone(),
                    state: "created",
                })),
                message: format!(
                    "“{}” was created, but adding it to this profile failed: {} Add it to the profile now, or delete it.",
                    object.friendly_name.as_deref().unwrap_or("The new record"),
                    why.message
                ),
                ..why
            })
        }
    }
}

#[tauri::command]
pub async fn assign_object(
    state: State<'_, AppState>,
    kind: Option<BundleKind>,
    sid: String,
    object_sid: String,
) -> Answer<EntityAssignment> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let change = Change::on(
        &sid,
        &object_sid,
        object_of_sid(object_sid.trim()),
        "assigned",
    );
    journaled(
        &state,
        &c,
        change,
        conn.client
            .assign_entity(&c, kind.unwrap_or_default(), &sid, &object_sid),
    )
    .await
}

#[tauri::command]
pub async fn unassign_object(
    state: State<'_, AppState>,
    kind: Option<BundleKind>,
    sid: String,
    assignment_sid: String,
) -> Answer<()> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let change = Change::on(&sid, &assignment_sid, "record", "unassigned");
    journaled(
        &state,
        &c,
        change,
        conn.client
            .unassign_entity(&c, kind.unwrap_or_default(), &sid, &assignment_sid),
    )
    .await
}

/// Replaces what meets a requirement: the new object is assigned first, then the old
/// assignment removed. If the removal fails, both are assigned and the window says so.
#[tauri::command]
pub async fn replace_assignment(
    state: State<'_, AppState>,
    kind: Option<BundleKind>,
    sid: String,
    assignment_sid: String,
    object_sid: String,
) -> Answer<EntityAssignment> {
    let kind = kind.unwrap_or_default();
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    validate::sid("assignmentSid", &assignment_sid, "BV", "assignment SID")
        .map_err(TrustHubError::from)?;
    let added = conn.client.assign_entity(&c, kind, &sid, &object_sid).await;
    let change = Change::on(
        &sid,
        &object_sid,
        object_of_sid(object_sid.trim()),
        "replaced",
    );
    let added = added.map_err(UiError::from);
    if added.is_err() {
        journal(&state, &c, change.clone(), &added, |_| None).await;
    }
    let added = added?;
    let removed = conn
        .client
        .unassign_entity(&c, kind, &sid, &assignment_sid)
        .await
        .map_err(UiError::from);
    journal(&state, &c, change, &removed, |_| None).await;
    match removed {
        Ok(()) => Ok(added),
        Err(e) => {
            let why = e;
            Err(UiError {
                partial: Some(Box::new(Partial {
                    sid: added.sid.clone().unwrap_or_default(),
                    name: None,
                    state: "assigned",
                })),
                message: format!(
                    "The new one was added, but the old one could not be removed: {} Both are now assigned; remove the old one, or try again.",
                    why.message
                ),
                ..why
            })
        }
    }
}

/// Deletes an end user or document that nothing uses any more.
#[tauri::command]
pub async fn delete_object(
    state: State<'_, AppState>,
    sid: String,
    profile_sid: Option<String>,
) -> Answer<()> {
    let kind = kind_of(&sid)?;
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let change = Change {
        bundle_sid: profile_sid.map(|p| p.trim().to_owned()),
        object_sid: sid.trim().to_owned(),
        object: object_of_sid(sid.trim()),
        action: "deleted",
        ..Change::default()
    };
    journaled(
        &state,
        &c,
        change,
        conn.client.delete_object(&c, kind, &sid),
    )
    .await
}

/// The account's end users or documents, to offer one for reuse (of `type_name`, when given).
#[tauri::command]
pub async fn list_objects(
    state: State<'_, AppState>,
    kind: ObjectKind,
    type_name: Option<String>,
) -> Answer<Listing<SupportingDocument>> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let mut listing: Listing<SupportingDocument> = match kind {
        ObjectKind::EndUser => {
            let l = conn.client.list_end_users(&c).await?;
            Listing {
                records: l
                    .records
                    .into_iter()
                    .map(super::requirements::as_document)
                    .collect(),
                note: l.note,
            }
        }
        ObjectKind::SupportingDocument => conn.client.list_supporting_documents(&c).await?,
    };
    if let Some(t) = type_name {
        listing
            .records
            .retain(|o| o.kind.as_deref() == Some(t.as_str()));
    }
    Ok(listing)
}
