//! Exports as CSV, for people who report compliance status to others: the overview as the
//! window shows it (its filters applied), and a profile's history. The file is chosen in
//! the system's "Save as" dialog, opened by the app: the window names no path.

use std::path::PathBuf;

use serde::Deserialize;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;

use super::error::{ErrorKind, UiError};
use super::history::{status_words, timeline};
use super::Answer;
use crate::state::AppState;

/// The most rows one export takes (the overview of 2,000 subaccounts × 20 profiles fits).
pub const MOST_ROWS: usize = 100_000;

/// One row of the overview as the window shows it.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OverviewLine {
    pub name: String,
    pub kind: String,
    pub account: String,
    pub status: String,
    pub last_updated: String,
    pub needs_attention: String,
    pub changed: String,
    pub sid: String,
    pub account_sid: String,
}

/// Saves the overview's rows; answers the file's name, or nothing when the person cancelled.
#[tauri::command]
pub async fn export_overview(app: AppHandle, lines: Vec<OverviewLine>) -> Answer<Option<String>> {
    if lines.len() > MOST_ROWS {
        return Err(UiError::new(
            ErrorKind::InvalidInput,
            format!("That is more than {MOST_ROWS} rows: narrow the overview with its filters and export again."),
        ));
    }
    let rows: Vec<Vec<String>> = lines
        .into_iter()
        .map(|l| {
            vec![
                l.name,
                l.kind,
                l.account,
                l.status,
                crate::csv::spreadsheet_date(&l.last_updated),
                l.needs_attention,
                l.changed,
                l.sid,
                l.account_sid,
            ]
        })
        .collect();
    let text = crate::csv::to_csv(
        &[
            "Name",
            "Kind",
            "Account",
            "Status",
            "Last updated (UTC)",
            "Needs attention",
            "Changed since you last looked",
            "SID",
            "Account SID",
        ],
        &rows,
    );
    save(&app, &format!("trusthub-overview-{}.csv", today()), text).await
}

/// Saves the history of one profile or Trust Product of the account in use.
#[tauri::command]
pub async fn export_history(
    app: AppHandle,
    state: State<'_, AppState>,
    sid: String,
) -> Answer<Option<String>> {
    let lines = timeline(&state, &sid).await?;
    let rows: Vec<Vec<String>> = lines
        .into_iter()
        .map(|l| {
            let e = l.event;
            vec![
                crate::csv::spreadsheet_date(&e.at),
                l.words,
                l.result,
                e.fields.join(" "),
                e.status_before
                    .as_deref()
                    .map(status_words)
                    .unwrap_or_default(),
                e.status_after
                    .as_deref()
                    .map(status_words)
                    .unwrap_or_default(),
                match e.source.as_str() {
                    "app" => "You, in TrustHub Desk",
                    "watch" => "Twilio (noticed while TrustHub Desk was open)",
                    _ => "Twilio (seen in a list)",
                }
                .to_owned(),
                e.object_sid,
            ]
        })
        .collect();
    let text = crate::csv::to_csv(
        &[
            "When (UTC)",
            "What happened",
            "Result",
            "Fields",
            "Status before",
            "Status after",
            "By",
            "Record SID",
        ],
        &rows,
    );
    // The file's name holds the SID's letters and digits only, whatever the window sent.
    let sid_in_name: String = sid
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(34)
        .collect();
    let file = format!("trusthub-history-{sid_in_name}-{}.csv", today());
    save(&app, &file, text).await
}

fn today() -> String {
    let now = time::OffsetDateTime::now_utc();
    format!(
        "{}-{:02}-{:02}",
        now.year(),
        u8::from(now.month()),
        now.day()
    )
}

/// Asks where to save `text` (offering `name`) and writes it there.
async fn save(app: &AppHandle, name: &str, text: String) -> Answer<Option<String>> {
    let Some(path) = chosen_path(app, name).await else {
        return Ok(None);
    };
    let written = path.clone();
    tokio::task::spawn_blocking(move || std::fs::write(&written, text))
        .await
        .map_err(|e| {
            UiError::new(
                ErrorKind::Internal,
                format!("The file could not be written ({e})."),
            )
        })?
        .map_err(|e| {
            UiError::new(
                ErrorKind::Internal,
                format!(
                    "The file could not be written ({e}). Choose another folder and export again."
                ),
            )
        })?;
    Ok(Some(
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    ))
}

/// The file the person chose in the "Save as" dialog, or `None` when they cancelled.
async fn chosen_path(app: &AppHandle, name: &str) -> Option<PathBuf> {
    // Test builds only: the end-to-end tests cannot click in the system's dialog.
    #[cfg(feature = "system-tests")]
    if let Some(dir) = std::env::var_os("TRUSTHUB_DESK_TEST_EXPORT_DIR") {
        return Some(PathBuf::from(dir).join(name));
    }
    let mut dialog = app
        .dialog()
        .file()
        .set_title("Save as CSV")
        .set_file_name(name)
        .add_filter("CSV (spreadsheet)", &["csv"]);
    // Where people keep such files, not wherever the app was started from.
    let paths = app.path();
    if let Some(dir) = paths
        .document_dir()
        .or_else(|_| paths.download_dir())
        .or_else(|_| paths.home_dir())
        .ok()
        .filter(|d| d.is_dir())
    {
        dialog = dialog.set_directory(dir);
    }
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    tokio::task::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .ok()
        .flatten()
        .and_then(|f| f.into_path().ok())
}
