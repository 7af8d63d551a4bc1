//! The overview: every profile and Trust Product of every saved account (and, when asked,
//! of each main account's subaccounts), and opening a subaccount to work in it. The reading
//! is in `trusthub::overview`; subaccount tokens stay in `AppState`, never in an answer.

use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Emitter, State};

use super::bundles::load_key;
use super::error::{ErrorKind, UiError};
use super::history::{bundle_object, with_history};
use super::{blocking, current_credentials, load, Answer};
use crate::credentials::{AuthKind, Credentials};
use crate::history::{Observed, Reading};
use crate::state::{AppState, ConnectionStatus, KnownSubaccount, Storage};
use crate::trusthub::models::{BundleKind, ListNote};
use crate::trusthub::overview::{Row, API_KEY_REACHES_NO_SUBACCOUNT};

/// The window hears how many accounts are read.
pub const PROGRESS_EVENT: &str = "overview-progress";

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Overview {
    pub accounts: Vec<OverviewAccount>,
    /// Why subaccounts are not included, when they were asked for and cannot be.
    pub subaccount_notes: Vec<String>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OverviewAccount {
    pub account_sid: String,
    /// The name the person gave a saved account, or Twilio's name of a subaccount.
    pub name: Option<String>,
    /// The main account, for a subaccount.
    pub parent_sid: Option<String>,
    pub rows: Vec<Row>,
    pub notes: Vec<ListNote>,
    /// Why this account could not be read; the others are shown all the same.
    pub error: Option<UiError>,
    /// The status changes since the person last looked at the overview.
    pub changes: Vec<Observed>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "OverviewProgress"))]
#[serde(rename_all = "camelCase")]
pub(crate) struct Progress {
    done: usize,
    total: usize,
}

impl OverviewAccount {
    fn new(account_sid: &str, name: Option<String>, parent_sid: Option<String>) -> Self {
        Self {
            account_sid: account_sid.to_owned(),
            name,
            parent_sid,
            rows: Vec::new(),
            notes: Vec::new(),
            error: None,
            changes: Vec::new(),
        }
    }

    fn failed(
        account_sid: &str,
        name: Option<String>,
        parent_sid: Option<String>,
        error: UiError,
    ) -> Self {
        Self {
            error: Some(error),
            ..Self::new(account_sid, name, parent_sid)
        }
    }
}

/// Reads every account (and, with `include_subaccounts`, the subaccounts of each main
/// account connected with its Auth Token), a few at a time, telling the window how far
/// it got. Cancelled by `cancel_load("overview", "")` or by leaving the account.
#[tauri::command]
pub async fn load_overview(
    app: AppHandle,
    state: State<'_, AppState>,
    include_subaccounts: bool,
) -> Answer<Overview> {
    overview(&state, include_subaccounts, |done, total| {
        let _ = app.emit(PROGRESS_EVENT, Progress { done, total });
    })
    .await
}

/// The overview, `progress` hearing how many accounts of how many are read.
pub async fn overview(
    state: &AppState,
    include_subaccounts: bool,
    mut progress: impl FnMut(usize, usize),
) -> Answer<Overview> {
    load(state, &load_key("overview", ""), async {
        let main = state.main_connection();
        let client = main.client.clone();
        // The main accounts: every saved one, or the one of this session or the demo.
        let mut mains: Vec<(String, Option<String>, Result<Credentials, UiError>)> = Vec::new();
        if main.storage == Storage::Keyring {
            for saved in state.book().accounts {
                let found = blocking(state.entry(&saved.account_sid), |s| s.load())
                    .await
                    .and_then(|c| c.ok_or_else(UiError::no_credentials));
                mains.push((saved.account_sid, Some(saved.label), found));
            }
        } else {
            let c = current_credentials(&main).await?;
            let name = (main.storage == Storage::Demo).then(|| "Demo account".to_owned());
            mains.push((c.account_sid().to_owned(), name, Ok(c)));
        }

        let mut accounts = Vec::new();
        // The accounts to read, and where in `accounts` each one's part goes.
        let mut sources = Vec::new();
        let mut places = Vec::new();
        let mut subaccount_notes = Vec::new();
        let mut found = Vec::new();
        for (sid, name, credentials) in mains {
            let c = match credentials {
                Ok(c) => c,
                Err(e) => {
                    accounts.push(OverviewAccount::failed(&sid, name, None, e));
                    continue;
                }
            };
            places.push(accounts.len());
            accounts.push(OverviewAccount::new(&sid, name.clone(), None));
            sources.push(c.clone());
            if !include_subaccounts {
                continue;
            }
            if c.auth_kind() == AuthKind::ApiKey {
                let who = name.as_deref().unwrap_or(&sid);
                subaccount_notes.push(format!("{who}: {API_KEY_REACHES_NO_SUBACCOUNT}"));
                continue;
            }
            match client.list_subaccounts(&c).await {
                Ok(subs) => {
                    for sub in subs {
                        let active = sub.status.as_deref().is_none_or(|s| s == "active");
                        match sub.credentials().filter(|_| active) {
                            Some(sc) => {
                                places.push(accounts.len());
                                accounts.push(OverviewAccount::new(
                                    &sub.sid,
                                    sub.friendly_name.clone(),
                                    Some(sid.clone()),
                                ));
                                sources.push(sc.clone());
                                found.push(KnownSubaccount {
                                    credentials: sc,
                                    name: sub.friendly_name.clone(),
                                    parent_sid: sid.clone(),
                                });
                            }
                            None => accounts.push(OverviewAccount::failed(
                                &sub.sid,
                                sub.friendly_name.clone(),
                                Some(sid.clone()),
                                not_readable(sub.status.as_deref()),
                            )),
                        }
                    }
                }
                Err(e) => {
                    let who = name.as_deref().unwrap_or(&sid);
                    subaccount_notes.push(format!(
                        "{who}: its subaccounts could not be listed. {}",
                        UiError::from(e).message
                    ));
                }
            }
        }
        state.remember_subaccounts(found);

        let total = sources.len();
        progress(0, total);
        let parts = client
            .account_parts(sources, |done| progress(done, total))
            .await;
        for (place, part) in places.into_iter().zip(parts) {
            let Some(account) = accounts.get_mut(place) else {
                continue;
            };
            match part {
                Ok(part) => {
                    account.rows = part.rows;
                    account.notes = part.notes;
                }
                Err(e) => account.error = Some(UiError::from(e)),
            }
        }
        remember_seen(state, &mut accounts).await;
        Ok(Overview {
            accounts,
            subaccount_notes,
        })
    })
    .await
}

/// Records the statuses read (a change since the last reading goes into the history) and
/// marks on each account what changed since the person last looked. One transaction.
async fn remember_seen(state: &AppState, accounts: &mut [OverviewAccount]) {
    let read: Vec<Reading> = accounts
        .iter()
        .filter(|a| a.error.is_none())
        .map(|a| {
            let items = a
                .rows
                .iter()
                .filter_map(|r| {
                    Some((
                        bundle_object(r.kind).to_owned(),
                        r.sid.clone(),
                        r.status.clone()?,
                    ))
                })
                .collect();
            (a.account_sid.clone(), items)
        })
        .collect();
    let Some(changes) = with_history(state.history(), move |h| h.overview_seen(&read)).await else {
        return;
    };
    // `read` held the accounts without an error, in order: the changes follow it.
    for (a, changed) in accounts
        .iter_mut()
        .filter(|a| a.error.is_none())
        .zip(changes)
    {
        a.changes = changed;
    }
}

/// Why a subaccount is not read: Twilio keeps suspended and closed accounts shut.
fn not_readable(status: Option<&str>) -> UiError {
    let why = match status {
        Some("suspended") => "This subaccount is suspended, and Twilio does not let a suspended account be read. Reactivate it in the Twilio Console to see its profiles.".to_owned(),
        Some("closed") => "This subaccount is closed: it has no profiles to show.".to_owned(),
        Some(other) => format!("Twilio lists this subaccount as {other:?} and did not give its credentials, so its profiles cannot be read."),
        None => "Twilio did not give this subaccount's credentials, so its profiles cannot be read.".to_owned(),
    };
    UiError::new(ErrorKind::Unauthorized, why)
}

/// A record of an account to look through for a phone number.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    pub kind: BundleKind,
    pub sid: String,
}

/// An account of the overview and its records, to look through for a phone number.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PhoneSearchAccount {
    pub account_sid: String,
    pub bundles: Vec<Candidate>,
}

/// A record the number is assigned to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PhoneMatch {
    pub account_sid: String,
    pub kind: BundleKind,
    pub sid: String,
}

/// What a number needs to text, in the account that holds it.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NumberTexting {
    pub account_sid: String,
    pub words: String,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PhoneSearch {
    /// The number as it was looked for (international form).
    pub number: String,
    pub matches: Vec<PhoneMatch>,
    /// What the number needs to text US numbers, in each account that holds it.
    pub texting: Vec<NumberTexting>,
    /// Accounts that could not be looked through, and why.
    pub failed: Vec<OverviewAccount>,
}

/// Finds the records of the overview's accounts that a phone number is assigned to. Each
/// account's numbers are one list; only an account that holds the number has its
/// records' assignments read. Cancelled by `cancel_load("phone-search", "")`.
#[tauri::command]
pub async fn find_phone_number(
    state: State<'_, AppState>,
    number: String,
    accounts: Vec<PhoneSearchAccount>,
) -> Answer<PhoneSearch> {
    find_number(&state, &number, accounts).await
}

pub async fn find_number(
    state: &AppState,
    number: &str,
    accounts: Vec<PhoneSearchAccount>,
) -> Answer<PhoneSearch> {
    let e164 = crate::trusthub::validate::phone_number("number", number)
        .map_err(crate::trusthub::TrustHubError::from)?;
    load(state, &load_key("phone-search", ""), async {
        let main = state.main_connection();
        let results: Vec<AccountFound> = futures_util::stream::iter(accounts)
            .map(|a| search_account(state, &main, &e164, a))
            .buffered(crate::trusthub::overview::CONCURRENT_ACCOUNTS)
            .collect()
            .await;
        let mut matches = Vec::new();
        let mut texting = Vec::new();
        let mut failed = Vec::new();
        for (account_sid, found) in results {
            match found {
                Ok((found, words)) => {
                    if let Some(words) = words {
                        texting.push(NumberTexting {
                            account_sid: account_sid.clone(),
                            words,
                        });
                    }
                    matches.extend(found.into_iter().map(|(kind, sid)| PhoneMatch {
                        account_sid: account_sid.clone(),
                        kind,
                        sid,
                    }));
                }
                Err(e) => failed.push(OverviewAccount::failed(&account_sid, None, None, e)),
            }
        }
        Ok(PhoneSearch {
            number: e164.clone(),
            matches,
            texting,
            failed,
        })
    })
    .await
}

/// An account, its records a number is assigned to and what the number needs to text
/// there (when the account holds it), or why it could not be looked through.
type AccountFound = (String, Answer<(Vec<(BundleKind, String)>, Option<String>)>);

/// One account's records with the number, or why it could not be looked through.
async fn search_account(
    state: &AppState,
    main: &crate::state::Connection,
    e164: &str,
    a: PhoneSearchAccount,
) -> AccountFound {
    let Some(c) = super::credentials_of(state, main, &a.account_sid).await else {
        let why = UiError::new(
            ErrorKind::NoCredentials,
            "TrustHub Desk cannot reach this account now: load the overview again.",
        );
        return (a.account_sid, Err(why));
    };
    let bundles: Vec<(BundleKind, String)> =
        a.bundles.into_iter().map(|b| (b.kind, b.sid)).collect();
    let found = async {
        let found = main.client.number_in_account(&c, e164, &bundles).await?;
        let words = match found.held {
            true => Some(main.client.read_texting(&c).await?.number_words(e164)),
            false => None,
        };
        Ok::<_, crate::trusthub::TrustHubError>((found.bundles, words))
    }
    .await
    .map_err(UiError::from);
    (a.account_sid, found)
}

/// Works in a subaccount the overview found (to open one of its profiles).
#[tauri::command]
pub async fn open_subaccount(
    state: State<'_, AppState>,
    account_sid: String,
) -> Answer<ConnectionStatus> {
    open(&state, &account_sid).await
}

pub async fn open(state: &AppState, account_sid: &str) -> Answer<ConnectionStatus> {
    state.use_subaccount(account_sid.trim())?;
    super::credentials::describe(state).await
}

/// Back to the main account from a subaccount.
#[tauri::command]
pub async fn leave_subaccount(state: State<'_, AppState>) -> Answer<ConnectionStatus> {
    state.leave_subaccount();
    super::credentials::describe(&state).await
}
