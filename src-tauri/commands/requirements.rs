//! "What Twilio needs" of one profile or trust product: its policy's requirements with
//! what is assigned, every field in words, and the latest evaluation's failures in place.

use futures_util::future::join_all;
use std::collections::HashMap;
use tauri::State;

use super::bundles::load_key;
use super::{current_credentials, load, Answer};
use crate::state::AppState;
use crate::trusthub::models::*;
use crate::trusthub::objects::ObjectKind;
use crate::trusthub::requirements::{address_sids, build, Requirements, Sources};

#[tauri::command]
pub async fn profile_requirements(
    state: State<'_, AppState>,
    kind: Option<BundleKind>,
    sid: String,
    policy_sid: String,
) -> Answer<Requirements> {
    requirements(&state, kind.unwrap_or_default(), &sid, &policy_sid).await
}

pub async fn requirements(
    state: &AppState,
    kind: BundleKind,
    sid: &str,
    policy_sid: &str,
) -> Answer<Requirements> {
    let conn = state.connection();
    load(state, &load_key("requirements", sid), async {
        let c = current_credentials(&conn).await?;
        let client = &conn.client;
        let (policy, assignments, evaluations) = tokio::join!(
            state.catalog().policy(client, &c, policy_sid),
            client.list_entity_assignments(&c, kind, sid),
            client.list_evaluations(&c, kind, sid, None),
        );
        let policy = policy?;
        let assignments = assignments?.records;
        let latest = crate::trusthub::requirements::latest(evaluations?.records);

        // The words of every type the policy names (a type Twilio does not describe
        // falls back to its machine name's words).
        let wanted = needed_types(&policy);
        let found = join_all(
            wanted
                .iter()
                .map(|(k, m)| state.catalog().type_of(client, &c, *k, m)),
        )
        .await;
        let types: HashMap<(ObjectKind, String), TypeDefinition> = wanted
            .into_iter()
            .zip(found)
            .filter_map(|(key, t)| Some((key, t.ok()?)))
            .collect();

        // The objects assigned: end users, documents, linked profiles.
        let sids: Vec<String> = assignments
            .iter()
            .filter_map(|a| a.object_sid.clone())
            .collect();
        let fetched = join_all(sids.iter().map(|s| async {
            match ObjectKind::of_sid(s) {
                Some(ObjectKind::EndUser) => {
                    client.fetch_end_user(&c, s).await.ok().map(as_document)
                }
                Some(ObjectKind::SupportingDocument) => {
                    client.fetch_supporting_document(&c, s).await.ok()
                }
                None => None,
            }
        }))
        .await;
        let objects: HashMap<String, SupportingDocument> = sids
            .iter()
            .cloned()
            .zip(fetched)
            .filter_map(|(s, o)| Some((s, o?)))
            .collect();
        let bundles: Vec<&String> = sids.iter().filter(|s| s.starts_with("BU")).collect();
        let linked_found = join_all(
            bundles
                .iter()
                .map(|s| client.fetch_bundle(&c, BundleKind::CustomerProfile, s)),
        )
        .await;
        let linked: HashMap<String, Option<CustomerProfile>> = bundles
            .into_iter()
            .cloned()
            .zip(linked_found.into_iter().map(Result::ok))
            .collect();

        // The addresses the address documents name, as a person reads them.
        let any_address = objects
            .values()
            .any(|o| !address_sids(o.attributes.as_ref()).is_empty());
        let addresses: HashMap<String, Address> = if any_address {
            client
                .list_addresses(&c)
                .await
                .map(|l| {
                    l.records
                        .into_iter()
                        .filter_map(|a| Some((a.sid.clone()?, a)))
                        .collect()
                })
                .unwrap_or_default()
        } else {
            HashMap::new()
        };

        Ok(build(&Sources {
            policy: &policy,
            types: &types,
            assignments: &assignments,
            objects: &objects,
            addresses: &addresses,
            linked: &linked,
            evaluation: latest.as_ref(),
        }))
    })
    .await
}

/// An end user read with a document's fields (it has no status or file).
pub fn as_document(u: EndUser) -> SupportingDocument {
    SupportingDocument {
        sid: u.sid,
        account_sid: u.account_sid,
        friendly_name: u.friendly_name,
        mime_type: None,
        status: None,
        kind: u.kind,
        attributes: u.attributes,
        date_created: u.date_created,
        date_updated: u.date_updated,
        url: u.url,
    }
}

/// The end-user and document types a policy names.
fn needed_types(policy: &Policy) -> Vec<(ObjectKind, String)> {
    let req = policy.requirements.clone().unwrap_or_default();
    let mut out: Vec<(ObjectKind, String)> = Vec::new();
    let items = |key: &str| {
        req.get(key)
            .and_then(|v| v.as_array())
            .cloned()
            .unwrap_or_default()
    };
    for e in items("end_user") {
        if let Some(t) = e.get("type").and_then(|t| t.as_str()) {
            out.push((ObjectKind::EndUser, t.to_owned()));
        }
    }
    for alternatives in items("supporting_document") {
        for r in alternatives.as_array().into_iter().flatten() {
            for d in r
                .get("accepted_documents")
                .and_then(|a| a.as_array())
                .into_iter()
                .flatten()
            {
                if let Some(t) = d.get("type").and_then(|t| t.as_str()) {
                    out.push((ObjectKind::SupportingDocument, t.to_owned()));
                }
            }
        }
    }
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out.dedup();
    out
}
