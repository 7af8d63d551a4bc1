//! The About panel and updates: thin commands over the official updater plugin. The rules
//! (which address, which words) are in `crate::updates`; the plugin verifies every
//! download against the public key built into the app before anything is installed.

use serde::Serialize;
use std::sync::Mutex;
use std::time::Duration;
use tauri::{AppHandle, Emitter, State};
use tauri_plugin_opener::OpenerExt;
use tauri_plugin_updater::{Error as UpdaterError, Update, UpdaterExt};

use super::error::{ErrorKind, UiError};
use crate::updates::download::{self, DownloadError};
use crate::updates::package::{self, Installer};
use crate::updates::{self, endpoint, messages, messages::Failure, messages::Install};

/// The window hears how much of the new version has arrived.
pub const PROGRESS_EVENT: &str = "update-progress";
/// How long the check may take.
const TIMEOUT: Duration = Duration::from_secs(60);
/// How long the download may take: an installer on a slow connection.
const DOWNLOAD_TIMEOUT: Duration = Duration::from_secs(30 * 60);
/// The largest download accepted (the installers are about 16 MiB); a feed that sends more
/// is stopped, not held in memory.
const MAX_DOWNLOAD_BYTES: u64 = 300 * 1024 * 1024;

/// The version found by the last check, waiting for the person's yes.
#[derive(Default)]
pub struct PendingUpdate(Mutex<Option<Update>>);

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct About {
    pub name: String,
    pub version: String,
    pub licence: &'static str,
    pub project_url: &'static str,
    /// Why this copy cannot update itself and how to update it, if it cannot.
    pub how_to_update: Option<String>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct UpdateCheck {
    pub current: String,
    /// The newer version offered, if there is one.
    pub available: Option<Available>,
    /// Why this copy cannot install it itself, and how to update instead.
    pub how_to_update: Option<String>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Available {
    pub version: String,
    /// Release notes as published, bounded and without control characters.
    pub notes: Option<String>,
    /// When it was published (RFC 3339), if the feed says.
    pub date: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "UpdateProgress"))]
#[serde(rename_all = "camelCase")]
pub(crate) struct Progress {
    received: u64,
    total: Option<u64>,
}

#[tauri::command]
pub fn about_app(app: AppHandle) -> About {
    About {
        name: app.package_info().name.clone(),
        version: app.package_info().version.to_string(),
        licence: updates::LICENCE,
        project_url: updates::PROJECT_URL,
        how_to_update: messages::how_to_update(install_kind()),
    }
}

#[tauri::command]
pub fn open_project_page(app: AppHandle) -> Result<(), UiError> {
    app.opener()
        .open_url(updates::PROJECT_URL, None::<&str>)
        .map_err(|_| {
            UiError::new(
                ErrorKind::Internal,
                format!(
                    "Your web browser could not be opened. The project's page is {}.",
                    updates::PROJECT_URL
                ),
            )
        })
}

/// Asks the update feed whether a newer version exists. Sends nothing about the person
/// or their Twilio accounts: a plain GET of the feed, with the updater's user agent.
#[tauri::command]
pub async fn check_for_update(
    app: AppHandle,
    pending: State<'_, PendingUpdate>,
) -> Result<UpdateCheck, UiError> {
    let current = app.package_info().version.to_string();
    let fail = |f: Failure| UiError::new(ErrorKind::Network, messages::message(f, false, &current));
    let mut builder = app.updater_builder().timeout(TIMEOUT);
    match endpoint::from_env() {
        Ok(Some(feed)) => {
            if endpoint::is_loopback(&feed) {
                builder = builder.no_proxy();
            }
            builder = builder
                .endpoints(vec![feed])
                .map_err(|e| fail(classify(&e)))?;
        }
        Ok(None) => {}
        Err(refused) => return Err(UiError::new(ErrorKind::RefusedUrl, refused.to_string())),
    }
    let found = builder
        .build()
        .map_err(|e| fail(classify(&e)))?
        .check()
        .await
        .map_err(|e| {
            log::warn!("update check failed: {e}");
            fail(classify(&e))
        })?;
    let available = found.as_ref().map(|u| Available {
        version: u.version.clone(),
        notes: updates::notes_for_window(u.body.as_deref()),
        date: u.date.and_then(|d| {
            d.format(&time::format_description::well_known::Rfc3339)
                .ok()
        }),
    });
    *lock(&pending) = found;
    Ok(UpdateCheck {
        current,
        available,
        how_to_update: messages::how_to_update(install_kind()),
    })
}

/// Downloads the version the last check found, has the plugin verify its signature,
/// installs it and starts the app again. Nothing is installed if any step fails.
#[tauri::command]
pub async fn install_update(
    app: AppHandle,
    pending: State<'_, PendingUpdate>,
) -> Result<(), UiError> {
    let current = app.package_info().version.to_string();
    let fail = |f: Failure| UiError::new(ErrorKind::Network, messages::message(f, true, &current));
    if let Some(how) = messages::how_to_update(install_kind()) {
        return Err(UiError::new(ErrorKind::InvalidInput, how));
    }
    let Some(update) = lock(&pending).take() else {
        return Err(UiError::new(
            ErrorKind::InvalidInput,
            "There is no new version waiting. Check for updates first.",
        ));
    };
    if !endpoint::allowed(&update.download_url) {
        log::warn!("refused an update download that is not https");
        return Err(fail(Failure::InsecureDownload));
    }
    let client = download::client_for(&update.download_url, DOWNLOAD_TIMEOUT).map_err(|e| {
        log::warn!("update download refused: {e}");
        fail(Failure::Other)
    })?;
    // A step is a percent of a known size, else a mebibyte: the window hears of each step
    // once, not of every chunk.
    let mut last_step = None;
    let bytes = download::fetch(
        &client,
        update.download_url.clone(),
        update.headers.clone(),
        MAX_DOWNLOAD_BYTES,
        |received, total| {
            let step = match total {
                Some(t) => received.saturating_mul(100).checked_div(t),
                None => Some(received / (1024 * 1024)),
            };
            if step != last_step {
                last_step = step;
                let _ = app.emit(PROGRESS_EVENT, Progress { received, total });
            }
        },
    )
    .await
    .map_err(|e| {
        log::warn!("update download refused: {e}");
        fail(match e {
            // Far larger than any installer: not one.
            DownloadError::TooLarge(_) => Failure::WrongPackage,
            DownloadError::Status(_) | DownloadError::Network(_) => Failure::Unreachable,
        })
    })?;
    update.verify(&bytes).map_err(|e| {
        log::warn!("update download refused: {e}");
        fail(classify(&e))
    })?;
    // A signed package for another system (an .rpm for a .deb install) is not installed.
    if let Some(installer) = installer() {
        if !package::fits(installer, &bytes) {
            log::warn!("refused an update download that is not a {installer:?} package");
            return Err(fail(Failure::WrongPackage));
        }
    }
    // `install` verifies the signature again before it touches anything.
    update.install(&bytes).map_err(|e| {
        log::warn!("update install failed: {e}");
        fail(classify(&e))
    })?;
    log::info!("installed version {}; starting it", update.version);
    app.restart()
}

fn lock(pending: &PendingUpdate) -> std::sync::MutexGuard<'_, Option<Update>> {
    pending.0.lock().unwrap_or_else(|p| p.into_inner())
}

/// How this copy was installed: only an installer's copy can replace itself.
fn install_kind() -> Install {
    use tauri::utils::config::BundleType;
    use tauri::utils::platform::bundle_type;
    match bundle_type() {
        None => Install::FromSource,
        Some(BundleType::Deb | BundleType::Rpm) if !has_admin_prompt() => Install::NoAdminPrompt,
        Some(_) => Install::Package,
    }
}

/// The kind of package this copy was installed from, if it was.
fn installer() -> Option<Installer> {
    use tauri::utils::config::BundleType;
    Some(match tauri::utils::platform::bundle_type()? {
        BundleType::Deb => Installer::Deb,
        BundleType::Rpm => Installer::Rpm,
        BundleType::AppImage => Installer::AppImage,
        BundleType::Msi => Installer::Msi,
        BundleType::Nsis => Installer::Nsis,
        BundleType::App | BundleType::Dmg => Installer::App,
    })
}

/// Whether a Linux package can be installed from here: the updater asks for the
/// administrator's password with `pkexec`, else `sudo`.
fn has_admin_prompt() -> bool {
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path)
        .any(|dir| dir.join("pkexec").is_file() || dir.join("sudo").is_file())
}

/// Which plain-word failure an updater error is.
fn classify(e: &UpdaterError) -> Failure {
    match e {
        // An answer that is not JSON (a login page, a proxy's notice): the server was reached.
        UpdaterError::Reqwest(r) if r.is_decode() => Failure::NoRelease,
        UpdaterError::Reqwest(_) | UpdaterError::Network(_) | UpdaterError::Io(_) => {
            Failure::Unreachable
        }
        UpdaterError::ReleaseNotFound
        | UpdaterError::Serialization(_)
        | UpdaterError::Semver(_)
        | UpdaterError::TargetNotFound(_)
        | UpdaterError::TargetsNotFound(_) => Failure::NoRelease,
        UpdaterError::Minisign(_)
        | UpdaterError::Base64(_)
        | UpdaterError::SignatureUtf8(_)
        | UpdaterError::SignedVersionMismatch { .. }
        | UpdaterError::MissingSignedVersion => Failure::BadSignature,
        UpdaterError::InsecureTransportProtocol => Failure::InsecureDownload,
        UpdaterError::InvalidUpdaterFormat | UpdaterError::BinaryNotFoundInArchive => {
            Failure::WrongPackage
        }
        UpdaterError::AuthenticationFailed => Failure::NotAuthorised,
        UpdaterError::PackageInstallFailed | UpdaterError::DebInstallFailed => {
            Failure::InstallFailed
        }
        _ => Failure::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn updater_errors_become_the_right_plain_words() {
        let cases = [
            (UpdaterError::Network("503".into()), Failure::Unreachable),
            (UpdaterError::ReleaseNotFound, Failure::NoRelease),
            (UpdaterError::TargetsNotFound(vec![]), Failure::NoRelease),
            (
                UpdaterError::Minisign(minisign_verify::Error::InvalidSignature),
                Failure::BadSignature,
            ),
            (
                UpdaterError::SignedVersionMismatch {
                    signed: "0.1.0".into(),
                    announced: "9.0.0".into(),
                },
                Failure::BadSignature,
            ),
            (UpdaterError::MissingSignedVersion, Failure::BadSignature),
            (UpdaterError::InvalidUpdaterFormat, Failure::WrongPackage),
            (UpdaterError::AuthenticationFailed, Failure::NotAuthorised),
            (UpdaterError::PackageInstallFailed, Failure::InstallFailed),
            (UpdaterError::EmptyEndpoints, Failure::Other),
        ];
        for (error, want) in cases {
            assert_eq!(classify(&error), want, "{error}");
        }
    }

    #[test]
    fn a_test_build_is_from_source_and_says_how_to_update() {
        // Test binaries are not made by the bundler, so they carry no installer type.
        assert_eq!(install_kind(), Install::FromSource);
    }
}
