//! The watch: while the app runs, the profiles and Trust Products last seen under review
//! are read again every interval (one list request per account), and a decision is told to
//! the window and, when the person wants it, by a system notification. A notification that
//! is clicked opens the profile.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use futures_util::stream::{self, StreamExt};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Emitter, Manager, State};
use tauri_plugin_notification::NotificationExt;

use super::history::{bundle_object, observe, with_history};
use super::{credentials_of, Answer};
use crate::credentials::Credentials;
use crate::history::{Observed, Source, Watched};
use crate::state::{AppState, Connection};
use crate::trusthub::base_url::{server_id, TWILIO_SERVER};
use crate::trusthub::models::BundleKind;
use crate::trusthub::overview::{own_record, CONCURRENT_ACCOUNTS};
use crate::watch::{self, kind_for_tick, plain_name, Decision, Schedule, Settings};

/// The window hears each decision the watch saw.
pub const DECISION_EVENT: &str = "watch-decision";
/// The window is told once that the system shows no notifications.
pub const NOTICE_EVENT: &str = "watch-notice";
/// A clicked notification: the window opens the profile it names.
pub const OPEN_EVENT: &str = "watch-open";

/// What a clicked notification names.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "NotificationTarget"))]
#[serde(rename_all = "camelCase")]
pub struct Target {
    pub account_sid: String,
    #[cfg_attr(test, ts(type = "WatchedKind"))]
    pub kind: String,
    pub sid: String,
}

#[tauri::command]
pub fn watch_settings(state: State<'_, AppState>) -> Settings {
    state.settings()
}

#[tauri::command]
pub fn save_watch_settings(state: State<'_, AppState>, settings: Settings) -> Answer<Settings> {
    state.change_settings(settings)
}

/// The interval set by `TRUSTHUB_DESK_WATCH_SECONDS`, if any.
fn interval_override() -> Option<u64> {
    std::env::var(watch::INTERVAL_ENV)
        .ok()
        .and_then(|v| v.trim().parse().ok())
}

/// Starts the watch for the life of the app, and opens the profile of a clicked notification.
pub fn start(app: &AppHandle) {
    let handle = app.clone();
    let _ = app.notification().on_action(move |performed| {
        if performed.action_id() != "tap" {
            return;
        }
        let Some(extra) = performed.notification().map(|n| n.extra().clone()) else {
            return;
        };
        let text = |k: &str| extra.get(k).and_then(|v| v.as_str()).map(str::to_owned);
        if let (Some(account_sid), Some(kind), Some(sid)) =
            (text("accountSid"), text("kind"), text("sid"))
        {
            if let Some(window) = handle.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
            let _ = handle.emit(
                OPEN_EVENT,
                Target {
                    account_sid,
                    kind,
                    sid,
                },
            );
        }
    });
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let mut schedule = Schedule::default();
        let mut tick = 0_u64;
        loop {
            let state = app.state::<AppState>();
            // The demo's Twilio decides within a minute: its watch looks every few seconds.
            let in_demo = state.main_connection().storage == crate::state::Storage::Demo;
            let seconds = match interval_override() {
                // Twilio itself is never asked more often than once a minute.
                Some(s) if !in_demo && server_id(state.base_url()) == TWILIO_SERVER => {
                    Some(s.max(60))
                }
                Some(s) => Some(s),
                None => in_demo.then_some(watch::DEMO_SECONDS),
            };
            let Some(every) = state.settings().interval(seconds) else {
                state.watch_woken().await;
                continue;
            };
            // New settings or another account start the wait again.
            tokio::select! {
                () = tokio::time::sleep(every) => {}
                () = state.watch_woken() => continue,
            }
            let decisions = check(&state, &mut schedule, tick, every).await;
            tick = tick.wrapping_add(1);
            let notify = state.settings().notify;
            for decision in decisions {
                let _ = app.emit(DECISION_EVENT, &decision);
                if notify {
                    tell_system(&app, &decision).await;
                }
            }
        }
    });
}

/// One round: each account with something under review that is due is read once, and
/// every status that changed is recorded; the decisions are returned.
pub async fn check(
    state: &AppState,
    schedule: &mut Schedule,
    tick: u64,
    every: Duration,
) -> Vec<Decision> {
    let watched = with_history(state.history(), |h| h.watched())
        .await
        .unwrap_or_default();
    let mut by_account: BTreeMap<String, Vec<Watched>> = BTreeMap::new();
    for w in watched {
        by_account.entry(w.account_sid.clone()).or_default().push(w);
    }
    let main = state.main_connection();
    let due: Vec<(String, Vec<Watched>)> = by_account
        .into_iter()
        .filter(|(account, _)| schedule.due(account))
        .collect();
    let results: Vec<(String, Result<Vec<Decision>, ()>)> = stream::iter(due)
        .map(|(account, items)| {
            let main = main.clone();
            async move {
                let Some(c) = credentials_of(state, &main, &account).await else {
                    // An account not reachable now (a subaccount of another session): skipped.
                    return (account, Ok(Vec::new()));
                };
                let kinds: Vec<&str> = items.iter().map(|w| w.kind.as_str()).collect();
                let Some(kind) = kind_for_tick(&kinds, tick) else {
                    return (account, Ok(Vec::new()));
                };
                let result = if matches!(
                    kind.as_str(),
                    "brand" | "campaign" | "tollfree-verification"
                ) {
                    super::watch_texting::read_texting(state, &main, &c, &kind, &items).await
                } else {
                    read_account(state, &main, &c, &kind, &items).await
                };
                (account, result)
            }
        })
        .buffer_unordered(CONCURRENT_ACCOUNTS)
        .collect()
        .await;
    let mut decisions = Vec::new();
    for (account, result) in results {
        match result {
            Ok(mut found) => {
                schedule.succeeded(&account);
                decisions.append(&mut found);
            }
            Err(()) => schedule.failed(&account, every),
        }
    }
    decisions
}

/// Reads one account's records of `kind` (one list request for up to 1,000) and records
/// every change; the decisions on the watched ones are returned.
async fn read_account(
    state: &AppState,
    main: &Connection,
    c: &Credentials,
    kind: &str,
    watched: &[Watched],
) -> Result<Vec<Decision>, ()> {
    let bundle_kind = if kind == bundle_object(BundleKind::TrustProduct) {
        BundleKind::TrustProduct
    } else {
        BundleKind::CustomerProfile
    };
    let listing = main
        .client
        .list_bundles_wide(c, bundle_kind)
        .await
        .map_err(|e| log::warn!("watch: an account could not be read: {e}"))?;
    // A list answered with another account's records is an error, as in the overview.
    for record in &listing.records {
        own_record(c.account_sid(), record).map_err(|_| ())?;
    }
    let changed = observe(
        state,
        c.account_sid(),
        bundle_kind,
        &listing.records,
        Source::Watch,
    )
    .await;
    Ok(decisions(c.account_sid(), changed, watched, |sid| {
        let record = listing
            .records
            .iter()
            .find(|r| r.sid.as_deref() == Some(sid));
        let reasons = record
            .and_then(|r| r.errors.as_ref())
            .map_or(0, |e| e.len());
        (record.and_then(|r| r.friendly_name.clone()), reasons)
    }))
}

/// Twilio's decisions among the statuses that `changed`: those of a watched record that is
/// now approved or rejected, each named, with its count of reasons, by `about(sid)`.
pub(super) fn decisions(
    account_sid: &str,
    changed: Vec<Observed>,
    watched: &[Watched],
    about: impl Fn(&str) -> (Option<String>, usize),
) -> Vec<Decision> {
    changed
        .into_iter()
        .filter(|o| watched.iter().any(|w| w.sid == o.sid))
        .filter(|o| matches!(o.after.as_str(), "twilio-approved" | "twilio-rejected"))
        .map(|o| {
            let (name, reasons) = about(&o.sid);
            Decision {
                account_sid: account_sid.to_owned(),
                title: watch::title(&o.after, reasons),
                name,
                kind: o.kind,
                sid: o.sid,
                before: o.before,
                after: o.after,
                reasons,
            }
        })
        .collect()
}

/// Whether the system was found to show no notifications (said once).
static NO_NOTIFICATIONS_SAID: AtomicBool = AtomicBool::new(false);

/// Tells the system about a decision; a desktop without notifications is said once.
async fn tell_system(app: &AppHandle, d: &Decision) {
    if !notifications_available().await {
        say_no_notifications(app);
        return;
    }
    let name = plain_name(d.name.as_deref().unwrap_or("A profile"));
    let shown = app
        .notification()
        .builder()
        .title(&d.title)
        .body(if name.is_empty() {
            "A profile".to_owned()
        } else {
            name
        })
        .extra("accountSid", &d.account_sid)
        .extra("kind", &d.kind)
        .extra("sid", &d.sid)
        .show();
    if let Err(e) = shown {
        log::warn!("notification: {e}");
        say_no_notifications(app);
    }
}

fn say_no_notifications(app: &AppHandle) {
    if !NO_NOTIFICATIONS_SAID.swap(true, Ordering::SeqCst) {
        let _ = app.emit(
            NOTICE_EVENT,
            "Your system did not let TrustHub Desk show notifications, so Twilio's decisions are shown in this window only.",
        );
    }
}

/// Whether the desktop has a notification service (Linux: one on the session bus).
async fn notifications_available() -> bool {
    #[cfg(target_os = "linux")]
    {
        tokio::task::spawn_blocking(|| notify_rust::get_server_information().is_ok())
            .await
            .unwrap_or(false)
    }
    #[cfg(not(target_os = "linux"))]
    {
        true
    }
}
