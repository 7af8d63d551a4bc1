//! Drafts and what they leave behind, as TrustHub answers: the draft a failed create may
//! have made, copying a bundle's assignments, which records something still uses, and the
//! order in which records can be deleted. The window's commands (`commands::drafts`) wrap
//! these in plain words.

use futures_util::stream::{self, StreamExt};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

use super::client::Result;
use super::models::*;
use super::objects::ObjectKind;
use super::requirements::address_sids;
use super::TrustHubClient;
use crate::credentials::Credentials;

/// How many bundles' assignments are read at once when looking for what uses a record.
const AT_ONCE: usize = 4;

/// The newest draft of `kind` named, addressed and of the policy `input` says.
pub async fn made_before(
    client: &TrustHubClient,
    c: &Credentials,
    kind: BundleKind,
    input: &NewBundle,
) -> Result<Option<CustomerProfile>> {
    let name = input.friendly_name.trim();
    let filter = ProfileFilter {
        status: Some(ProfileStatus::Draft),
        friendly_name: Some(name.to_owned()),
        page_size: Some(50),
    };
    let page = client.list_bundles_page(c, kind, &filter, None).await?;
    Ok(page
        .records
        .into_iter()
        .filter(|p| {
            p.friendly_name.as_deref().map(str::trim) == Some(name)
                && p.policy_sid.as_deref() == Some(input.policy_sid.trim())
                && p.email.as_deref().map(str::trim) == Some(input.email.trim())
        })
        .max_by(|a, b| a.date_created.cmp(&b.date_created)))
}

/// Assigns to `target` every end user, document and linked bundle `source` has that
/// `target` does not have yet (so a copy that stopped part-way is continued, not doubled).
/// Phone numbers are not copied: a number serves one bundle. Answers how many records
/// `source` uses.
pub async fn copy_assignments(
    client: &TrustHubClient,
    c: &Credentials,
    kind: BundleKind,
    source: &str,
    target: &str,
) -> Result<usize> {
    let (from, have) = tokio::join!(
        client.list_entity_assignments(c, kind, source),
        client.list_entity_assignments(c, kind, target),
    );
    let have: HashSet<String> = have?
        .records
        .into_iter()
        .filter_map(|a| a.object_sid)
        .collect();
    let mut parts: usize = 0;
    for object in from?.records.into_iter().filter_map(|a| a.object_sid) {
        if !have.contains(&object) {
            client.assign_entity(c, kind, target, &object).await?;
        }
        parts = parts.saturating_add(1);
    }
    Ok(parts)
}

/// The records to delete, each once, end users and documents before the addresses their
/// documents may name (Twilio refuses to delete an address a document still names).
pub fn deletion_order(sids: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut ordered: Vec<String> = sids
        .into_iter()
        .filter(|s| seen.insert(s.clone()))
        .collect();
    ordered.sort_by_key(|s| s.starts_with("AD"));
    ordered
}

/// Deletes one end user, document (by SID prefix) or address.
pub async fn delete_record(client: &TrustHubClient, c: &Credentials, sid: &str) -> Result<()> {
    match ObjectKind::of_sid(sid) {
        Some(kind) => client.delete_object(c, kind, sid).await,
        None => client.delete_address(c, sid).await,
    }
}

/// A record a deleted draft (or a removal) left behind, and what still uses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Leftover {
    pub sid: String,
    pub name: Option<String>,
    /// `end-user`, `document` or `address`.
    pub what: &'static str,
    /// The type's machine name (end users and documents).
    pub type_name: Option<String>,
    pub used_by: Vec<UsedBy>,
}

/// A profile, trust product, document or phone number that uses a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct UsedBy {
    pub sid: String,
    pub name: Option<String>,
    /// `customer-profile`, `trust-product`, `document` or `phone-number`.
    pub what: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Leftovers {
    pub records: Vec<Leftover>,
    /// False when not every profile could be read: then nothing is called unused.
    pub complete: bool,
}

/// The records `sids` and the addresses their documents name, each with what uses it:
/// every profile and trust product's assignments are read (a few at a time, within the
/// list ceilings), every document's addresses, and the address each phone number of the
/// account is registered with. Whatever could not be read whole makes the answer
/// incomplete: then the window calls nothing unused.
pub async fn usage(client: &TrustHubClient, c: &Credentials, sids: &[String]) -> Leftovers {
    let mut complete = true;
    let mut records: Vec<Leftover> = Vec::new();
    let mut addresses: Vec<String> = Vec::new();
    for sid in sids {
        match ObjectKind::of_sid(sid) {
            Some(ObjectKind::EndUser) => {
                let u = client.fetch_end_user(c, sid).await.ok();
                complete &= u.is_some();
                records.push(Leftover {
                    sid: sid.clone(),
                    name: u.as_ref().and_then(|u| u.friendly_name.clone()),
                    what: "end-user",
                    type_name: u.and_then(|u| u.kind),
                    used_by: Vec::new(),
                });
            }
            Some(ObjectKind::SupportingDocument) => {
                let d = client.fetch_supporting_document(c, sid).await.ok();
                complete &= d.is_some();
                if let Some(d) = &d {
                    addresses.extend(address_sids(d.attributes.as_ref()));
                }
                records.push(Leftover {
                    sid: sid.clone(),
                    name: d.as_ref().and_then(|d| d.friendly_name.clone()),
                    what: "document",
                    type_name: d.and_then(|d| d.kind),
                    used_by: Vec::new(),
                });
            }
            None if sid.starts_with("AD") => addresses.push(sid.clone()),
            None => {}
        }
    }

    // Who uses the end users and documents.
    let (profiles, products) = tokio::join!(
        client.list_bundles_all(c, BundleKind::CustomerProfile),
        client.list_bundles_all(c, BundleKind::TrustProduct),
    );
    let mut bundles: Vec<(BundleKind, CustomerProfile)> = Vec::new();
    for (kind, listing) in [
        (BundleKind::CustomerProfile, profiles),
        (BundleKind::TrustProduct, products),
    ] {
        match listing {
            Ok(l) => {
                complete &= l.note.is_none();
                bundles.extend(l.records.into_iter().map(|b| (kind, b)));
            }
            Err(_) => complete = false,
        }
    }
    let wanted: HashSet<&str> = records.iter().map(|r| r.sid.as_str()).collect();
    let found: Vec<Option<(usize, Vec<String>)>> = if wanted.is_empty() {
        Vec::new()
    } else {
        let jobs: Vec<(usize, BundleKind, String)> = bundles
            .iter()
            .enumerate()
            .filter_map(|(i, (kind, b))| Some((i, *kind, b.sid.clone()?)))
            .collect();
        stream::iter(jobs)
            .map(|(i, kind, sid)| assigned_to(client, c, i, kind, sid))
            .buffer_unordered(AT_ONCE)
            .collect()
            .await
    };
    for entry in found {
        let Some((i, objects)) = entry else {
            complete = false;
            continue;
        };
        let Some((kind, bundle)) = bundles.get(i) else {
            continue;
        };
        for r in records.iter_mut().filter(|r| objects.contains(&r.sid)) {
            r.used_by.push(UsedBy {
                sid: bundle.sid.clone().unwrap_or_default(),
                name: bundle.friendly_name.clone(),
                what: match kind {
                    BundleKind::CustomerProfile => "customer-profile",
                    BundleKind::TrustProduct => "trust-product",
                },
            });
        }
    }

    // Who uses the addresses: the documents that name them, other than those asked about
    // (which go first when deleted together).
    addresses.sort();
    addresses.dedup();
    if !addresses.is_empty() {
        let asked: HashSet<&str> = sids.iter().map(String::as_str).collect();
        let (documents, listed, numbers) = tokio::join!(
            client.list_supporting_documents(c),
            client.list_addresses(c),
            client.list_phone_numbers(c)
        );
        let numbers = match numbers {
            Ok(l) => {
                complete &= l.note.is_none();
                l.records
            }
            Err(_) => {
                complete = false;
                Vec::new()
            }
        };
        let names: HashMap<String, Address> = match listed {
            Ok(l) => l
                .records
                .into_iter()
                .filter_map(|a| Some((a.sid.clone()?, a)))
                .collect(),
            Err(_) => HashMap::new(),
        };
        let documents = match documents {
            Ok(l) => {
                complete &= l.note.is_none();
                l.records
            }
            Err(_) => {
                complete = false;
                Vec::new()
            }
        };
        for ad in addresses {
            let by_documents = documents
                .iter()
                .filter(|d| !d.sid.as_deref().is_some_and(|s| asked.contains(s)))
                .filter(|d| address_sids(d.attributes.as_ref()).contains(&ad))
                .map(|d| UsedBy {
                    sid: d.sid.clone().unwrap_or_default(),
                    name: d.friendly_name.clone(),
                    what: "document",
                });
            // A number registered with the address keeps it in use, whatever TrustHub says.
            let by_numbers = numbers
                .iter()
                .filter(|n| n.address_sid.as_deref() == Some(ad.as_str()))
                .map(|n| UsedBy {
                    sid: n.sid.clone().unwrap_or_default(),
                    name: n.phone_number.clone().or_else(|| n.friendly_name.clone()),
                    what: "phone-number",
                });
            let used_by = by_documents.chain(by_numbers).collect();
            let address = names.get(&ad);
            complete &= address.is_some();
            records.push(Leftover {
                name: address.map(address_name),
                sid: ad,
                what: "address",
                type_name: None,
                used_by,
            });
        }
    }
    Leftovers { records, complete }
}

/// The objects assigned to the bundle `sid` (the `i`th read), or None if Twilio did not
/// say, or said only part (a list cut short is no proof that nothing else is in it).
async fn assigned_to(
    client: &TrustHubClient,
    c: &Credentials,
    i: usize,
    kind: BundleKind,
    sid: String,
) -> Option<(usize, Vec<String>)> {
    let listing = client.list_entity_assignments(c, kind, &sid).await.ok()?;
    if listing.note.is_some() {
        return None;
    }
    Some((
        i,
        listing
            .records
            .into_iter()
            .filter_map(|a| a.object_sid)
            .collect(),
    ))
}

/// An address as one line: its street and city.
fn address_name(a: &Address) -> String {
    [a.street.as_deref(), a.city.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_deleted_once_each_addresses_last() {
        let order = deletion_order(
            ["AD1", "IT1", "RD1", "IT1", "AD1", "IT2"]
                .map(str::to_owned)
                .to_vec(),
        );
        assert_eq!(order, ["IT1", "RD1", "IT2", "AD1"]);
    }
}
