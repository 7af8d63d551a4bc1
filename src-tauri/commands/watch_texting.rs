//! The watch's reading of brands, campaigns and toll-free verifications: an account's
//! brands or verifications (one request each) or its campaigns (one per Messaging Service,
//! at Twilio's pace), their statuses recorded as the profiles' are, and a decision on one
//! under review told with the business's, service's or number's name.

use super::history::observe_items;
use crate::credentials::Credentials;
use crate::history::{Observed, Source, Watched};
use crate::state::{AppState, Connection};
use crate::trusthub::messaging::chain::watch_status;
use crate::trusthub::messaging::reasons::reasons;
use crate::watch::Decision;

/// Reads `kind` (`brand`, `campaign` or `tollfree-verification`) of one account and returns the decisions on the
/// watched ones. `Err` when the account could not be read (the schedule backs off).
pub(super) async fn read_texting(
    state: &AppState,
    main: &Connection,
    c: &Credentials,
    kind: &str,
    watched: &[Watched],
) -> Result<Vec<Decision>, ()> {
    let failed = |e: crate::trusthub::TrustHubError| {
        log::warn!("watch: an account's texting could not be read: {e}");
    };
    // (sid, status, name, reasons) of each record read.
    let mut read: Vec<(String, String, Option<String>, usize)> = Vec::new();
    if kind == "brand" {
        for b in main.client.list_brands(c).await.map_err(failed)?.records {
            let (Some(sid), Some(status)) = (b.sid.clone(), watch_status(b.status.as_deref()))
            else {
                continue;
            };
            let name = match b.customer_profile_bundle_sid.as_deref() {
                Some(p) if watched.iter().any(|w| w.sid == sid) => main
                    .client
                    .fetch_profile(c, p)
                    .await
                    .ok()
                    .and_then(|p| p.friendly_name)
                    .map(|n| format!("The brand of {n}")),
                _ => None,
            };
            read.push((
                sid,
                status.to_owned(),
                name,
                reasons(b.errors.as_deref()).len(),
            ));
        }
    } else if kind == "tollfree-verification" {
        for v in main.client.list_tollfree(c).await.map_err(failed)?.records {
            let (Some(sid), Some(status)) = (v.sid.clone(), watch_status(v.status.as_deref()))
            else {
                continue;
            };
            let name = v
                .tollfree_phone_number
                .as_deref()
                .map(|n| format!("The toll-free verification of {n}"));
            let reasons = usize::from(v.error_code.is_some() || v.rejection_reason.is_some())
                .max(v.rejection_reasons.as_ref().map_or(0, Vec::len));
            read.push((sid, status.to_owned(), name, reasons));
        }
    } else {
        let services = main.client.list_services(c).await.map_err(failed)?.records;
        for service in services {
            let Some(service_sid) = service.sid.as_deref() else {
                continue;
            };
            let campaigns = main
                .client
                .list_campaigns(c, service_sid)
                .await
                .map_err(failed)?;
            for k in campaigns.records {
                let (Some(sid), Some(status)) =
                    (k.sid.clone(), watch_status(k.campaign_status.as_deref()))
                else {
                    continue;
                };
                let name = service
                    .friendly_name
                    .as_deref()
                    .map(|n| format!("The campaign of {n}"));
                read.push((
                    sid,
                    status.to_owned(),
                    name,
                    reasons(k.errors.as_deref()).len(),
                ));
            }
        }
    }
    let kind: &'static str = match kind {
        "brand" => "brand",
        "tollfree-verification" => "tollfree-verification",
        _ => "campaign",
    };
    let items = read
        .iter()
        .map(|(sid, status, ..)| (sid.clone(), status.clone()))
        .collect();
    let changed: Vec<Observed> =
        observe_items(state.history(), c.account_sid(), kind, items, Source::Watch).await;
    Ok(super::watch::decisions(
        c.account_sid(),
        changed,
        watched,
        |sid| {
            read.iter()
                .find(|(s, ..)| s == sid)
                .map_or((None, 0), |(_, _, name, reasons)| (name.clone(), *reasons))
        },
    ))
}
