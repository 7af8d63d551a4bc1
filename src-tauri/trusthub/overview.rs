//! Everything of several accounts at once: a main account's subaccounts (each read with its
//! own SID and Auth Token, as Twilio requires), and every Customer-Profile and Trust Product
//! of each account, checked to belong to it. TrustHub's paths carry no account SID: a request
//! made with another account's credentials answers with *that* account's records, so a
//! record naming another account is an error, never a row.

use futures_util::stream::{self, StreamExt};
use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use super::client::{ListForm, Result};
use super::limits::PAGE_SIZE;
use super::models::{BundleKind, CustomerProfile, ListNote};
use super::validate::FieldError;
use super::{TrustHubClient, TrustHubError};
use crate::credentials::{AuthKind, Credentials};

/// How many accounts are read at once: enough to hide latency (500 subaccounts at 100 ms
/// a request in well under 30 s), few enough not to flood the person's connection. Each
/// subaccount has its own rate limit at Twilio; a 429 is waited out by the client.
pub const CONCURRENT_ACCOUNTS: usize = 6;

/// A subaccount as `GET /2010-04-01/Accounts.json` lists it. Its Auth Token is held here,
/// in memory, for this session only: it has no `Serialize`, so it cannot reach the window.
#[derive(Clone, Deserialize)]
pub struct Subaccount {
    pub sid: String,
    pub friendly_name: Option<String>,
    pub status: Option<String>,
    pub owner_account_sid: Option<String>,
    auth_token: Option<SecretString>,
}

impl std::fmt::Debug for Subaccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Subaccount")
            .field("sid", &self.sid)
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

impl Subaccount {
    /// The credentials that read this subaccount: its own SID and Auth Token.
    pub fn credentials(&self) -> Option<Credentials> {
        Credentials::new(&self.sid, None, self.auth_token.clone()?).ok()
    }
}

/// Why a main account's subaccounts cannot be listed, before anything is sent.
pub const API_KEY_REACHES_NO_SUBACCOUNT: &str = "This account is connected with an API key, and Twilio does not let a main account's API key read its subaccounts' profiles. To include subaccounts, connect this account with its Auth Token.";

/// One row of the overview: a profile or Trust Product of one account.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "OverviewRow"))]
#[serde(rename_all = "camelCase")]
pub struct Row {
    pub account_sid: String,
    pub kind: BundleKind,
    pub sid: String,
    pub friendly_name: Option<String>,
    pub status: Option<String>,
    pub date_updated: Option<String>,
    pub valid_until: Option<String>,
    /// How many reasons Twilio gave for a rejection.
    pub reasons: usize,
    /// The error number of Twilio's first reason, for the row to say it in words.
    pub first_reason: Option<i64>,
}

/// What one account contributed: its rows, or why it could not be read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountPart {
    pub account_sid: String,
    pub rows: Vec<Row>,
    /// Lists cut short (the ceilings), said as the app says them elsewhere.
    pub notes: Vec<ListNote>,
}

impl TrustHubClient {
    /// The subaccounts of the main account `c` (not the account itself). Only with the
    /// main account's Auth Token: an API key cannot reach them.
    pub async fn list_subaccounts(&self, c: &Credentials) -> Result<Vec<Subaccount>> {
        if c.auth_kind() == AuthKind::ApiKey {
            return Err(TrustHubError::InvalidInput(FieldError::new(
                "credentials",
                API_KEY_REACHES_NO_SUBACCOUNT,
            )));
        }
        let first = Self::first_page(self.api_url("/2010-04-01/Accounts.json"), PAGE_SIZE);
        let listing = self
            .list_all::<Subaccount>(c, first, ListForm::Classic("accounts"), "subaccounts")
            .await?;
        Ok(listing
            .records
            .into_iter()
            .filter(|a| a.sid != c.account_sid())
            .filter(|a| {
                a.owner_account_sid
                    .as_deref()
                    .is_none_or(|owner| owner == c.account_sid())
            })
            .collect())
    }

    /// Every Customer-Profile and Trust Product of the account `c` signs for, each checked
    /// to be that account's.
    pub async fn account_part(&self, c: &Credentials) -> Result<AccountPart> {
        let mut rows = Vec::new();
        let mut notes = Vec::new();
        for kind in [BundleKind::CustomerProfile, BundleKind::TrustProduct] {
            let listing = self.list_bundles_all(c, kind).await?;
            notes.extend(listing.note);
            for record in listing.records {
                rows.push(row_of(c.account_sid(), kind, record)?);
            }
        }
        Ok(AccountPart {
            account_sid: c.account_sid().to_owned(),
            rows,
            notes,
        })
    }

    /// Reads each account, `CONCURRENT_ACCOUNTS` at a time, in the order given. `done`
    /// hears each account as it ends (with how many have); an account that fails gives
    /// its error in its place and the others go on.
    pub async fn account_parts(
        &self,
        accounts: Vec<Credentials>,
        mut done: impl FnMut(usize),
    ) -> Vec<Result<AccountPart>> {
        let mut finished = 0_usize;
        let mut parts: Vec<(usize, Result<AccountPart>)> =
            stream::iter(accounts.into_iter().enumerate())
                .map(|(i, c)| async move { (i, self.account_part(&c).await) })
                .buffer_unordered(CONCURRENT_ACCOUNTS)
                .inspect(|_| {
                    finished = finished.saturating_add(1);
                    done(finished);
                })
                .collect()
                .await;
        parts.sort_by_key(|(i, _)| *i);
        parts.into_iter().map(|(_, part)| part).collect()
    }
}

impl TrustHubClient {
    /// Which of the account's `bundles` the phone number `e164` is assigned to: the
    /// account's numbers are read once (one list), and only if it holds the number are
    /// the bundles' phone assignments read, `CONCURRENT_ACCOUNTS` at a time.
    pub async fn bundles_with_number(
        &self,
        c: &Credentials,
        e164: &str,
        bundles: &[(BundleKind, String)],
    ) -> Result<Vec<(BundleKind, String)>> {
        Ok(self.number_in_account(c, e164, bundles).await?.bundles)
    }

    /// The same, and whether the account holds the number at all.
    pub async fn number_in_account(
        &self,
        c: &Credentials,
        e164: &str,
        bundles: &[(BundleKind, String)],
    ) -> Result<NumberFound> {
        let numbers = self.list_phone_numbers(c).await?;
        let held: Vec<String> = numbers
            .records
            .into_iter()
            .filter(|n| n.phone_number.as_deref() == Some(e164))
            .filter_map(|n| n.sid)
            .collect();
        if held.is_empty() {
            return Ok(NumberFound::default());
        }
        let held = &held;
        let found: Vec<Result<Option<(BundleKind, String)>>> = stream::iter(bundles.to_vec())
            .map(|(kind, sid)| async move {
                let assigned = self
                    .list_channel_endpoint_assignments(c, kind, &sid)
                    .await?;
                let has = assigned.records.iter().any(|a| {
                    a.channel_endpoint_sid
                        .as_ref()
                        .is_some_and(|pn| held.contains(pn))
                });
                Ok(has.then_some((kind, sid)))
            })
            .buffered(CONCURRENT_ACCOUNTS)
            .collect()
            .await;
        Ok(NumberFound {
            held: true,
            bundles: found
                .into_iter()
                .filter_map(Result::transpose)
                .collect::<Result<_>>()?,
        })
    }
}

/// Where a number is in one account: whether the account holds it, and the records it is
/// assigned to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NumberFound {
    pub held: bool,
    pub bundles: Vec<(BundleKind, String)>,
}

pub use super::owned::own_record;

// A subaccount is checked as one of the main account's by who lists it, not by a field.
impl super::owned::Owned for Subaccount {
    fn owner(&self) -> Option<&str> {
        None
    }
}

/// A record as a row, if it is the account's own.
fn row_of(account_sid: &str, kind: BundleKind, record: CustomerProfile) -> Result<Row> {
    own_record(account_sid, &record)?;
    Ok(Row {
        account_sid: account_sid.to_owned(),
        kind,
        sid: record.sid.unwrap_or_default(),
        friendly_name: record.friendly_name,
        status: record.status,
        date_updated: record.date_updated,
        valid_until: record.valid_until,
        first_reason: record
            .errors
            .as_ref()
            .and_then(|e| e.first())
            .and_then(|r| r.code),
        reasons: record.errors.map_or(0, |e| e.len()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_of_another_account_is_an_error_not_a_row() {
        let mine = "AC11111111111111111111111111111111";
        let record = CustomerProfile {
            sid: Some("BU00000000000000000000000000000001".into()),
            account_sid: Some("AC22222222222222222222222222222222".into()),
            ..CustomerProfile::default()
        };
        let e = row_of(mine, BundleKind::CustomerProfile, record).unwrap_err();
        assert!(e.to_string().contains("another account"), "{e}");
        let own = CustomerProfile {
            sid: Some("BU00000000000000000000000000000001".into()),
            account_sid: Some(mine.into()),
            ..CustomerProfile::default()
        };
        assert_eq!(
            row_of(mine, BundleKind::CustomerProfile, own)
                .unwrap()
                .account_sid,
            mine
        );
    }

    #[test]
    fn a_subaccount_prints_no_token() {
        let sub: Subaccount = serde_json::from_value(serde_json::json!({
            "sid": "AC33333333333333333333333333333333",
            "auth_token": "sub-token-never-printed",
        }))
        .unwrap();
        assert!(!format!("{sub:?}").contains("sub-token"));
        assert_eq!(
            sub.credentials().unwrap().account_sid(),
            "AC33333333333333333333333333333333"
        );
    }
}
