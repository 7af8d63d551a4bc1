//! The history of changes: every change the commands make is recorded here with how it
//! ended, every status read is compared with the one last known, and the window reads a
//! profile's timeline or the accounts' newest changes. Writing the history never fails a
//! change: a history that cannot be written is logged and the change stands.

use serde::Serialize;
use tauri::State;

use super::error::UiError;
use super::{current_credentials, Answer};
use crate::credentials::Credentials;
use crate::history::{Change, Event, History, Observed, OpenNote, Outcome, Source};
use crate::state::AppState;
use crate::trusthub::models::{BundleKind, CustomerProfile};

/// The most events a timeline or the overview shows (and a CSV export holds).
pub const MOST_EVENTS: usize = 10_000;

/// An event with its words, as the window shows it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "HistoryLine"))]
#[serde(rename_all = "camelCase")]
pub struct Line {
    #[serde(flatten)]
    pub event: Event,
    /// What happened, e.g. "Submitted for review", "Status changed at Twilio: In review → Approved by Twilio".
    pub words: String,
    /// "Done", or "Failed (no connection)".
    pub result: String,
}

/// How the history's records call a profile or Trust Product.
pub fn bundle_object(kind: BundleKind) -> &'static str {
    match kind {
        BundleKind::CustomerProfile => "customer-profile",
        BundleKind::TrustProduct => "trust-product",
    }
}

/// How the history's records call an end user, document or address, by its SID.
pub fn object_of_sid(sid: &str) -> &'static str {
    match sid.get(..2) {
        Some("IT") => "end-user",
        Some("RD") => "supporting-document",
        Some("AD") => "address",
        Some("PN") => "phone-number",
        Some("BU") => "customer-profile",
        _ => "record",
    }
}

/// Runs a history call off the async runtime (it waits on the disk); a failure is logged
/// and gives `None`.
pub(crate) async fn with_history<T: Send + 'static>(
    history: std::sync::Arc<History>,
    call: impl FnOnce(&History) -> crate::history::Result<T> + Send + 'static,
) -> Option<T> {
    match tokio::task::spawn_blocking(move || call(&history)).await {
        Ok(Ok(v)) => Some(v),
        Ok(Err(e)) => {
            log::warn!("{e}");
            None
        }
        Err(e) => {
            log::warn!("history: {e}");
            None
        }
    }
}

/// The names of the fields a form gives (its camelCase keys, an empty text or list left
/// out, and the `left_out` keys), for the history: names, never values.
pub(crate) fn fields_given(form: &impl Serialize, left_out: &[&str]) -> Vec<String> {
    match serde_json::to_value(form) {
        Ok(serde_json::Value::Object(map)) => map
            .into_iter()
            .filter(|(k, _)| !left_out.contains(&k.as_str()))
            .filter(|(_, v)| !matches!(v, serde_json::Value::String(s) if s.is_empty()))
            .filter(|(_, v)| !matches!(v, serde_json::Value::Array(a) if a.is_empty()))
            .map(|(k, _)| k)
            .collect(),
        _ => Vec::new(),
    }
}

/// Records `change`, made with `c`, and how `result` ended; `after` reads the status the
/// answer gives, for a profile. The status before is the one last known.
pub(crate) async fn journal<T>(
    state: &AppState,
    c: &Credentials,
    mut change: Change,
    result: &Answer<T>,
    after: impl FnOnce(&T) -> Option<String>,
) {
    change.account_sid = c.account_sid().to_owned();
    let outcome = match result {
        Ok(v) => Outcome::Done {
            status_after: after(v),
        },
        // Nothing was sent or changed: nothing to record.
        Err(e) if e.kind == super::error::ErrorKind::Cancelled => return,
        Err(e) => Outcome::Failed {
            kind: kind_word(e),
            code: e.code,
        },
    };
    with_history(state.history(), move |h| {
        if change.status_before.is_none() && !change.object_sid.is_empty() {
            change.status_before = h.known_status(&change.account_sid, &change.object_sid)?;
        }
        h.record(&change, &outcome)
    })
    .await;
}

/// Makes a change (no status to read from its answer) and records it.
pub(crate) async fn journaled<T>(
    state: &AppState,
    c: &Credentials,
    change: Change,
    work: impl std::future::Future<Output = Result<T, crate::trusthub::TrustHubError>>,
) -> Answer<T> {
    let result = work.await.map_err(UiError::from);
    journal(state, c, change, &result, |_| None).await;
    result
}

fn kind_word(e: &UiError) -> String {
    serde_json::to_value(e.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Compares the profiles just read with the statuses last known; returns what changed.
pub(crate) async fn observe(
    state: &AppState,
    account_sid: &str,
    kind: BundleKind,
    records: &[CustomerProfile],
    source: Source,
) -> Vec<Observed> {
    let items: Vec<(String, String)> = records
        .iter()
        .filter_map(|r| Some((r.sid.clone()?, r.status.clone()?)))
        .collect();
    observe_items(
        state.history(),
        account_sid,
        bundle_object(kind),
        items,
        source,
    )
    .await
}

pub(crate) async fn observe_items(
    history: std::sync::Arc<History>,
    account_sid: &str,
    object: &'static str,
    items: Vec<(String, String)>,
    source: Source,
) -> Vec<Observed> {
    if items.is_empty() {
        return Vec::new();
    }
    let account = account_sid.to_owned();
    with_history(history, move |h| {
        let refs: Vec<(&str, &str, &str)> = items
            .iter()
            .map(|(sid, status)| (object, sid.as_str(), status.as_str()))
            .collect();
        h.observe(&account, &refs, source)
    })
    .await
    .unwrap_or_default()
}

/// The timeline of one profile or Trust Product of the account in use, newest first.
#[tauri::command]
pub async fn profile_history(state: State<'_, AppState>, sid: String) -> Answer<Vec<Line>> {
    timeline(&state, &sid).await
}

pub async fn timeline(state: &AppState, sid: &str) -> Answer<Vec<Line>> {
    let c = current_credentials(&state.connection()).await?;
    let (account, sid) = (c.account_sid().to_owned(), sid.trim().to_owned());
    Ok(with_history(state.history(), move |h| {
        h.of_bundle(&account, &sid, MOST_EVENTS)
    })
    .await
    .unwrap_or_default()
    .into_iter()
    .map(line)
    .collect())
}

/// The newest changes of the accounts named (the overview's), newest first.
#[tauri::command]
pub async fn recent_history(
    state: State<'_, AppState>,
    accounts: Vec<String>,
) -> Answer<Vec<Line>> {
    Ok(recent(&state, accounts, 200).await)
}

pub async fn recent(state: &AppState, accounts: Vec<String>, limit: usize) -> Vec<Line> {
    with_history(state.history(), move |h| h.recent(&accounts, limit))
        .await
        .unwrap_or_default()
        .into_iter()
        .map(line)
        .collect()
}

/// What the window is told once about a history that could not be opened as it was.
#[tauri::command]
pub fn history_notice(state: State<'_, AppState>) -> Option<OpenNote> {
    state.history_note()
}

/// An event with its words.
pub fn line(event: Event) -> Line {
    let words = words(&event);
    let result = match (
        event.outcome.as_str(),
        event.error_kind.as_deref(),
        event.error_code,
    ) {
        ("done", _, _) => "Done".to_owned(),
        (_, kind, Some(code)) => format!("Failed ({}, Twilio error {code})", kind_phrase(kind)),
        (_, kind, None) => format!("Failed ({})", kind_phrase(kind)),
    };
    Line {
        event,
        words,
        result,
    }
}

fn kind_phrase(kind: Option<&str>) -> &'static str {
    match kind {
        Some("invalid-input") => "Twilio did not accept a value",
        Some("unauthorized") => "the credentials were refused",
        Some("not-found") => "not found at Twilio",
        Some("network") => "no connection",
        Some("timeout") => "no answer in time",
        Some("twilio") => "Twilio refused it",
        Some("busy") => "already being saved",
        _ => "an unexpected answer",
    }
}

/// A status as the window says it.
pub fn status_words(status: &str) -> String {
    match status {
        "draft" => "Draft".to_owned(),
        "pending-review" => "Pending review".to_owned(),
        "in-review" => "In review".to_owned(),
        "twilio-approved" => "Approved by Twilio".to_owned(),
        "twilio-rejected" => "Rejected by Twilio".to_owned(),
        other => other.replace('-', " "),
    }
}

fn object_words(object: &str) -> &'static str {
    match object {
        "customer-profile" => "Customer-Profile",
        "trust-product" => "Trust Product",
        "end-user" => "Business or person details",
        "supporting-document" => "Document",
        "address" => "Address",
        "phone-number" => "Phone number",
        "brand" => "Brand",
        "messaging-service" => "Messaging Service",
        "campaign" => "Campaign",
        "service-number" => "Number in a Messaging Service",
        "tollfree-verification" => "Toll-free verification",
        _ => "Record",
    }
}

fn field_words(field: &str) -> String {
    match field {
        "friendlyName" | "friendly_name" => "name".to_owned(),
        "statusCallback" | "status_callback" => "status web address".to_owned(),
        "email" => "email".to_owned(),
        // `useCaseSummary` and `use_case_summary` both read "use case summary".
        other => other
            .chars()
            .flat_map(|c| match c {
                '_' | '-' => vec![' '],
                c if c.is_uppercase() => vec![' ', c.to_ascii_lowercase()],
                c => vec![c],
            })
            .collect::<String>()
            .trim()
            .to_lowercase(),
    }
}

/// What an event says, in plain words.
pub fn words(e: &Event) -> String {
    let what = object_words(&e.object);
    let fields = e
        .fields
        .iter()
        .map(|f| field_words(f))
        .collect::<Vec<_>>()
        .join(", ");
    let change = || {
        format!(
            "{} → {}",
            status_words(e.status_before.as_deref().unwrap_or("unknown")),
            status_words(e.status_after.as_deref().unwrap_or("unknown"))
        )
    };
    let decided = matches!(
        e.status_after.as_deref(),
        Some("twilio-approved" | "twilio-rejected")
    );
    match e.action.as_str() {
        "status-changed" if decided && e.source == "watch" => {
            format!(
                "Twilio's decision, noticed while TrustHub Desk was open: {}",
                change()
            )
        }
        "status-changed" if decided => format!("Twilio's decision: {}", change()),
        "status-changed" => format!("Status changed at Twilio: {}", change()),
        "submitted" => "Submitted for review".to_owned(),
        "created" => format!("{what} created"),
        "copied" => "Copied into a new draft".to_owned(),
        "deleted" => format!("{what} deleted"),
        "assigned" => format!("{what} added to the profile"),
        "unassigned" => format!("{what} removed from the profile"),
        "replaced" => format!("{what} replaced by another"),
        "resubmitted" => format!("{what} resubmitted for review"),
        "added" => format!("{what} added"),
        "removed" => format!("{what} removed"),
        "updated" if fields.is_empty() => format!("{what} saved"),
        "updated" => format!("{what} changed: {fields}"),
        other => format!("{what}: {}", other.replace('-', " ")),
    }
}
