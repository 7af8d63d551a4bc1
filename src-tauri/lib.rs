//! TrustHub Desk: view and update Twilio TrustHub Customer-Profiles from the desktop.
//!
//! Layers, each in its own module: `trusthub` (the API client, no Tauri), `credentials`
//! (what they are and where they are kept), `commands` (thin Tauri commands), `sandbox`
//! (the demo's stand-in for TrustHub). The window's code is in `ui/`.

// Outside data (network, keyring, person) must never be able to panic the app.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
// Numbers and indexes from outside (a page number, a header, a list) must never overflow or
// index out of bounds: arithmetic is checked or saturating, slices use `get`.
#![cfg_attr(
    not(test),
    deny(clippy::arithmetic_side_effects, clippy::indexing_slicing)
)]
// `UiError` is the one error the window receives (a few hundred bytes, on the error path
// only): returning it unboxed keeps every command plain.
#![allow(clippy::result_large_err)]

pub mod commands;
pub mod credentials;
pub mod csv;
pub mod history;
pub mod navigation;
pub mod private_files;
pub mod sandbox;
pub mod state;
pub mod trusthub;
pub mod updates;
pub mod watch;

use state::AppState;

/// Command-line flag and environment variable that start the app straight in the demo.
pub const DEMO_FLAG: &str = "--demo";
pub const DEMO_ENV: &str = "TRUSTHUB_DESK_DEMO";

/// Whether this launch should open the demo at once.
pub fn demo_requested() -> bool {
    std::env::args().any(|a| a == DEMO_FLAG)
        || std::env::var(DEMO_ENV).is_ok_and(|v| !v.is_empty() && v != "0")
}

pub fn run() {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    install_panic_hook();

    let base = match trusthub::base_url::from_env() {
        Ok(url) => url,
        Err(e) => {
            eprintln!(
                "TrustHub Desk cannot start: {e} (set by {}).",
                trusthub::base_url::BASE_URL_ENV
            );
            std::process::exit(2);
        }
    };
    // The update feed follows the same rule, checked at start: refused, the app says why.
    if let Err(e) = updates::endpoint::from_env() {
        eprintln!(
            "TrustHub Desk cannot start: {e} (set by {}).",
            updates::endpoint::UPDATE_ENDPOINT_ENV
        );
        std::process::exit(2);
    }
    let http = match trusthub::http_client_for(&base) {
        Ok(http) => http,
        Err(e) => {
            eprintln!("TrustHub Desk cannot start: {e}");
            std::process::exit(2);
        }
    };
    let start_in_demo = demo_requested();

    let built = tauri::Builder::default()
        // First, so a second launch only focuses the running window and exits.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = tauri::Manager::get_webview_window(app, "main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .plugin(navigation::guard())
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_opener::init())
        // Checks and installs new versions, each download verified against the public key
        // in tauri.conf.json; the window only reaches it through `commands::updates`.
        .plugin(tauri_plugin_updater::Builder::new().build())
        // Tells Twilio's decisions; only the app sends notifications, never the window.
        .plugin(tauri_plugin_notification::init())
        // The "Save as" of CSV exports, opened by the app, never by the window.
        .plugin(tauri_plugin_dialog::init())
        .manage(commands::updates::PendingUpdate::default())
        .setup(move |app| {
            let _ = APP.set(tauri::Manager::app_handle(app).clone());
            // Reach the keyring service while the window loads, so the window's first
            // question (which account is connected?) does not wait for it.
            std::thread::spawn(|| {
                if let Err(e) = credentials::KeyringStore::availability() {
                    log::warn!("keyring: {e}");
                }
            });
            // The list of saved accounts (nothing secret) lives in the app's config folder.
            let config = tauri::Manager::path(app).app_config_dir()?;
            // The history of changes (no secrets, no field values) in the app's data folder.
            let data = tauri::Manager::path(app).app_data_dir()?;
            tauri::Manager::manage(app, AppState::with_os_keyring(http, base, &config, &data));
            commands::watch::start(tauri::Manager::app_handle(app));
            if start_in_demo {
                let handle = tauri::Manager::app_handle(app).clone();
                tauri::async_runtime::block_on(async move {
                    let state = tauri::Manager::state::<AppState>(&handle);
                    if let Err(e) = state.use_demo().await {
                        log::error!("demo could not start: {}", e.message);
                    }
                });
            }
            Ok(())
        })
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!());
    if let Err(e) = built {
        eprintln!("TrustHub Desk stopped: {e}");
        std::process::exit(1);
    }
}

/// The running app, for the panic hook to tell the window.
static APP: std::sync::OnceLock<tauri::AppHandle> = std::sync::OnceLock::new();

/// What the window shows when a command panicked. The window rejects every call still
/// waiting, so the busy bar ends and the person's edits stay where they are.
pub const INTERNAL_ERROR_EVENT: &str = "internal-error";

/// A panic is logged with where it happened and told to the window, instead of the app
/// vanishing (the release profile unwinds, so the app lives on).
fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        log::error!("TrustHub Desk hit an internal error: {info}");
        default(info);
        if let Some(app) = APP.get() {
            let error = commands::error::UiError::new(
                commands::error::ErrorKind::Internal,
                "TrustHub Desk hit an internal error and stopped what it was doing. Nothing you typed is lost: try again, and if it happens again, restart TrustHub Desk.",
            );
            let _ = tauri::Emitter::emit(app, INTERNAL_ERROR_EVENT, error);
        }
    }));
}
