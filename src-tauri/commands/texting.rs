//! The Texting area: an account's brands, campaigns, Messaging Services and numbers in one
//! view (`trusthub::messaging::view`), and registering, resubmitting and confirming brands.
//! Campaigns and numbers: `campaigns.rs`.

use std::collections::HashMap;

use serde::Serialize;
use tauri::State;

use super::error::{ErrorKind, UiError};
use super::history::{journal, observe_items, with_history};
use super::{current_credentials, load, Answer};
use crate::credentials::Credentials;
use crate::history::{Change, Source};
use crate::state::AppState;
use crate::trusthub::messaging::chain::watch_status;
use crate::trusthub::messaging::models::{BrandInput, BrandKind};
use crate::trusthub::messaging::summary::{TextingSummary, REVIEWING};
use crate::trusthub::messaging::view::{self, BrandChoice, Extras, TextingView, RESUBMISSIONS};
use crate::trusthub::messaging::TextingRead;
use crate::trusthub::models::{BundleKind, CustomerProfile};
use crate::trusthub::policies::Purpose;
use crate::trusthub::TrustHubClient;

const APPROVED: &str = "twilio-approved";

/// The whole Texting area of the account in use.
#[tauri::command]
pub async fn load_texting(state: State<'_, AppState>) -> Answer<TextingView> {
    texting(&state).await
}

/// The Texting area of the connection in use; its brands' and campaigns' statuses are
/// remembered for the watch.
pub async fn texting(state: &AppState) -> Answer<TextingView> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    load(state, &super::bundles::load_key("texting", ""), async {
        let read = conn.client.read_texting(&c).await?;
        let mut extras = extras(state, &conn.client, &c).await?;
        for brand in read.brands.iter().filter_map(|b| b.sid.clone()) {
            let used = resubmissions_used(state, &c, &brand).await;
            extras.resubmitted.insert(brand, used);
        }
        seen(state, &c, &read).await;
        Ok(view::view(&read, extras))
    })
    .await
}

/// How many times the brand was resubmitted through this app (Twilio counts them but does
/// not say how many were used).
async fn resubmissions_used(state: &AppState, c: &Credentials, brand: &str) -> u32 {
    let (account, brand) = (c.account_sid().to_owned(), brand.to_owned());
    with_history(state.history(), move |h| {
        h.times_done(&account, &brand, "resubmitted")
    })
    .await
    .unwrap_or(0)
}

/// Remembers the brands' and campaigns' statuses as seen, so the watch follows those under
/// review and the history notes each change.
async fn seen(state: &AppState, c: &Credentials, read: &TextingRead) {
    let brands = read
        .brands
        .iter()
        .filter_map(|b| {
            Some((
                b.sid.clone()?,
                watch_status(b.status.as_deref())?.to_owned(),
            ))
        })
        .collect();
    observe_items(
        state.history(),
        c.account_sid(),
        "brand",
        brands,
        Source::Seen,
    )
    .await;
    let campaigns = read
        .services
        .iter()
        .flat_map(|s| &s.campaigns)
        .filter_map(|k| {
            Some((
                k.sid.clone()?,
                watch_status(k.campaign_status.as_deref())?.to_owned(),
            ))
        })
        .collect();
    observe_items(
        state.history(),
        c.account_sid(),
        "campaign",
        campaigns,
        Source::Seen,
    )
    .await;
}

/// The profiles' and Trust Products' names, and each approved A2P Trust Product with the
/// approved Customer-Profile it is built on (its assigned `BU…`).
async fn extras(
    state: &AppState,
    client: &TrustHubClient,
    c: &Credentials,
) -> Result<Extras, UiError> {
    let (profiles, products) = tokio::try_join!(
        client.list_bundles_all(c, BundleKind::CustomerProfile),
        client.list_bundles_all(c, BundleKind::TrustProduct),
    )?;
    let incomplete = profiles
        .note
        .as_ref()
        .or(products.note.as_ref())
        .map(|n| n.message.clone());
    let named = |b: &CustomerProfile| Some((b.sid.clone()?, b.friendly_name.clone()?));
    let names: HashMap<String, String> = profiles
        .records
        .iter()
        .chain(&products.records)
        .filter_map(named)
        .collect();
    let approved_profile = |sid: &str| {
        profiles
            .records
            .iter()
            .any(|p| p.sid.as_deref() == Some(sid) && p.status.as_deref() == Some(APPROVED))
    };
    let mut choices = Vec::new();
    for product in &products.records {
        let (Some(sid), Some(policy)) = (product.sid.as_deref(), product.policy_sid.as_deref())
        else {
            continue;
        };
        if product.status.as_deref() != Some(APPROVED) {
            continue;
        }
        let policy = state.catalog().policy(client, c, policy).await?;
        if Purpose::of(policy.friendly_name.as_deref().unwrap_or_default()) != Purpose::A2pMessaging
        {
            continue;
        }
        let assigned = client
            .list_entity_assignments(c, BundleKind::TrustProduct, sid)
            .await?;
        let Some(profile) = assigned
            .records
            .iter()
            .filter_map(|a| a.object_sid.as_deref())
            .find(|o| approved_profile(o))
        else {
            continue;
        };
        choices.push(BrandChoice {
            customer_profile_sid: profile.to_owned(),
            customer_profile_name: names.get(profile).cloned().unwrap_or_default(),
            a2p_trust_product_sid: sid.to_owned(),
            a2p_trust_product_name: product.friendly_name.clone().unwrap_or_default(),
        });
    }
    Ok(Extras {
        names,
        choices,
        incomplete,
        ..Extras::default()
    })
}

/// A brand registered, or the one that was there already.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BrandMade {
    pub brand_sid: String,
    pub existing: bool,
}

#[tauri::command]
pub async fn register_brand(state: State<'_, AppState>, input: BrandInput) -> Answer<BrandMade> {
    register(&state, &input).await
}

/// Registers a brand (look first: a retry finds the one made) and records it.
pub async fn register(state: &AppState, input: &BrandInput) -> Answer<BrandMade> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let result = conn
        .client
        .register_brand(&c, input)
        .await
        .map_err(UiError::from)
        .map(|made| BrandMade {
            brand_sid: made.record.sid.unwrap_or_default(),
            existing: made.existing,
        });
    if !matches!(&result, Ok(m) if m.existing) {
        let mut fields = vec![
            "customerProfile".to_owned(),
            "a2pTrustProduct".to_owned(),
            "brandType".to_owned(),
        ];
        if input.kind == BrandKind::LowVolumeStandard {
            fields.push("skipAutomaticSecVet".to_owned());
        }
        if input.mock {
            fields.push("mock".to_owned());
        }
        let change = Change {
            object_sid: result
                .as_ref()
                .map(|m| m.brand_sid.clone())
                .unwrap_or_default(),
            object: "brand",
            action: "created",
            fields,
            ..Change::default()
        };
        journal(state, &c, change, &result, |_| None).await;
    }
    result
}

/// Asks Twilio to review a failed brand again; refused here once the three Twilio allows
/// were used through this app.
#[tauri::command]
pub async fn resubmit_brand(state: State<'_, AppState>, sid: String) -> Answer<()> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let sid = sid.trim().to_owned();
    if resubmissions_used(&state, &c, &sid).await >= RESUBMISSIONS {
        return Err(UiError::new(
            ErrorKind::InvalidInput,
            "This brand has used all three resubmissions Twilio allows. Contact Twilio Support to go further.",
        ));
    }
    let result = conn
        .client
        .resubmit_brand(&c, &sid)
        .await
        .map(|_| ())
        .map_err(UiError::from);
    let change = Change {
        object_sid: sid,
        object: "brand",
        action: "resubmitted",
        ..Change::default()
    };
    journal(&state, &c, change, &result, |_| None).await;
    result
}

/// A secondary vetting, in words.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VettingLine {
    pub provider: String,
    pub class: String,
    pub status: String,
    pub date: Option<String>,
}

#[tauri::command]
pub async fn brand_vettings(state: State<'_, AppState>, sid: String) -> Answer<Vec<VettingLine>> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    let listed = conn.client.list_brand_vettings(&c, &sid).await?;
    Ok(listed
        .records
        .into_iter()
        .map(|v| VettingLine {
            provider: v.vetting_provider.unwrap_or_default(),
            class: v.vetting_class.unwrap_or_default(),
            status: match v
                .vetting_status
                .as_deref()
                .map(str::to_ascii_uppercase)
                .as_deref()
            {
                Some("PENDING" | "IN_PROGRESS") => "Being done".to_owned(),
                Some("SUCCESS" | "SUCCEEDED" | "COMPLETED" | "VETTED") => "Done".to_owned(),
                Some("FAILED") => "Failed".to_owned(),
                Some(other) => other.replace('_', " ").to_lowercase(),
                None => "Not known".to_owned(),
            },
            date: v.date_updated.or(v.date_created),
        })
        .collect())
}

/// Sends a sole proprietor's confirmation text again.
#[tauri::command]
pub async fn resend_brand_confirmation(state: State<'_, AppState>, sid: String) -> Answer<()> {
    let conn = state.connection();
    let c = current_credentials(&conn).await?;
    Ok(conn.client.resend_brand_confirmation(&c, &sid).await?)
}

/// The texting of each account the Overview read (`accounts`, its SIDs), summed up:
/// brands, campaigns, numbers that cannot text yet, and what needs doing first. Each is
/// read with its own credentials (the main account's, a subaccount's of this session, or a
/// saved one); one out of reach says so in its place.
#[tauri::command]
pub async fn overview_texting(
    state: State<'_, AppState>,
    accounts: Vec<String>,
) -> Answer<Vec<TextingSummary>> {
    summaries(&state, accounts).await
}

pub async fn summaries(state: &AppState, accounts: Vec<String>) -> Answer<Vec<TextingSummary>> {
    load(state, &super::bundles::load_key("overview-texting", ""), async {
        let main = state.main_connection();
        let mut out = Vec::with_capacity(accounts.len());
        let mut readable = Vec::new();
        let mut places = Vec::new();
        for account in accounts.iter().take(crate::trusthub::limits::MAX_ACCOUNTS) {
            let mut line = TextingSummary {
                account_sid: account.clone(),
                rank: REVIEWING,
                ..TextingSummary::default()
            };
            match super::credentials_of(state, &main, account).await {
                Some(c) => {
                    places.push(out.len());
                    readable.push(c);
                }
                None => line.error = Some("This account cannot be read now: open the Overview with its credentials saved.".to_owned()),
            }
            out.push(line);
        }
        let read = main.client.texting_summaries(readable).await;
        for (place, result) in places.into_iter().zip(read) {
            let Some(line) = out.get_mut(place) else {
                continue;
            };
            match result {
                Ok(summary) => *line = summary,
                Err(e) => line.error = Some(UiError::from(e).message),
            }
        }
        Ok(out)
    })
    .await
}
