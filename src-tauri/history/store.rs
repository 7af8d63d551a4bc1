//! Writing and reading the history. Every write is one transaction.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

use super::{bounded, History, Result, WATCHED_STATUSES};

/// A change made through the app, about to be recorded with how it ended.
#[derive(Debug, Clone, Default)]
pub struct Change {
    pub account_sid: String,
    /// The Customer-Profile or Trust Product it belongs to (for its timeline).
    pub bundle_sid: Option<String>,
    pub object_sid: String,
    /// `customer-profile`, `trust-product`, `end-user`, `supporting-document`, `address`,
    /// `phone-number`.
    pub object: &'static str,
    /// `created`, `copied`, `updated`, `submitted`, `deleted`, `assigned`, `unassigned`.
    pub action: &'static str,
    /// The names of the fields changed: never their values.
    pub fields: Vec<String>,
    pub status_before: Option<String>,
}

impl Change {
    /// A change to what belongs to the profile or Trust Product `bundle_sid` (the account
    /// is filled in when it is recorded).
    pub fn on(
        bundle_sid: &str,
        object_sid: &str,
        object: &'static str,
        action: &'static str,
    ) -> Self {
        Self {
            bundle_sid: Some(bundle_sid.trim().to_owned()),
            object_sid: object_sid.trim().to_owned(),
            object,
            action,
            ..Self::default()
        }
    }
}

/// How a change ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Done {
        status_after: Option<String>,
    },
    /// The error's kind (`validation`, `network`…) and Twilio's error code: the message
    /// itself is not kept, as a server may repeat a field's value in it.
    Failed {
        kind: String,
        code: Option<i64>,
    },
}

/// Who saw a status change: the app making it, the watch, or a list the person opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    App,
    Watch,
    Seen,
}

impl Source {
    fn word(self) -> &'static str {
        match self {
            Source::App => "app",
            Source::Watch => "watch",
            Source::Seen => "seen",
        }
    }
}

/// One line of the history, as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Event {
    pub id: i64,
    /// RFC 3339, UTC.
    pub at: String,
    pub account_sid: String,
    pub bundle_sid: Option<String>,
    pub object_sid: String,
    pub object: String,
    pub action: String,
    pub fields: Vec<String>,
    pub status_before: Option<String>,
    pub status_after: Option<String>,
    /// `done` or `failed`.
    pub outcome: String,
    pub error_kind: Option<String>,
    pub error_code: Option<i64>,
    /// `app`, `watch` or `seen`.
    pub source: String,
}

/// A status that changed since the app last knew it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Observed {
    pub kind: String,
    pub sid: String,
    pub before: String,
    pub after: String,
}

/// An account's statuses just read: its SID, and each record's `(kind, sid, status)`.
pub type Reading = (String, Vec<(String, String, String)>);

/// A profile or Trust Product under review, for the watch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Watched {
    pub account_sid: String,
    pub kind: String,
    pub sid: String,
    pub status: String,
}

fn now() -> String {
    time::OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

/// Remembers a record's status (the one the watch compares with).
const PUT_STATUS: &str = "INSERT INTO statuses (account_sid, sid, kind, status, seen_at) VALUES (?1, ?2, ?3, ?4, ?5)
     ON CONFLICT (account_sid, sid) DO UPDATE SET status = excluded.status, seen_at = excluded.seen_at";

const EVENT_COLUMNS: &str = "id, at, account_sid, bundle_sid, object_sid, object, action, fields, status_before, status_after, outcome, error_kind, error_code, source";

fn event(row: &Row<'_>) -> rusqlite::Result<Event> {
    let fields: String = row.get(7)?;
    Ok(Event {
        id: row.get(0)?,
        at: row.get(1)?,
        account_sid: row.get(2)?,
        bundle_sid: row.get(3)?,
        object_sid: row.get(4)?,
        object: row.get(5)?,
        action: row.get(6)?,
        fields: fields
            .split(',')
            .filter(|f| !f.is_empty())
            .map(str::to_owned)
            .collect(),
        status_before: row.get(8)?,
        status_after: row.get(9)?,
        outcome: row.get(10)?,
        error_kind: row.get(11)?,
        error_code: row.get(12)?,
        source: row.get(13)?,
    })
}

/// The kinds of record whose status the history follows.
/// A record whose status the watch follows: a change that gives its new status makes
/// that the status the watch compares with.
fn follows_status(object: &str) -> bool {
    matches!(
        object,
        "customer-profile" | "trust-product" | "brand" | "campaign" | "tollfree-verification"
    )
}

impl History {
    fn db(&self) -> std::sync::MutexGuard<'_, rusqlite::Connection> {
        self.db.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Records a change made through the app and how it ended; a profile's new status
    /// becomes the one the watch compares with.
    pub fn record(&self, change: &Change, outcome: &Outcome) -> Result<i64> {
        self.write(|tx| record_in(tx, change, outcome))
    }

    /// One write: `work` in one transaction. The first failure of the run is told once.
    fn write<T>(&self, work: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>) -> Result<T> {
        let result = in_transaction(&mut self.db(), work);
        self.wrote(result)
    }

    /// How many times `action` was done to `object_sid` through the app (a brand's
    /// resubmissions, which Twilio counts but does not report).
    pub fn times_done(&self, account_sid: &str, object_sid: &str, action: &str) -> Result<u32> {
        Ok(self.db().query_row(
            "SELECT COUNT(*) FROM events WHERE account_sid = ?1 AND object_sid = ?2 AND action = ?3 AND outcome = 'done'",
            params![account_sid, object_sid, action],
            |r| r.get(0),
        )?)
    }

    /// The status last known of one profile or Trust Product.
    pub fn known_status(&self, account_sid: &str, sid: &str) -> Result<Option<String>> {
        Ok(self
            .db()
            .query_row(
                "SELECT status FROM statuses WHERE account_sid = ?1 AND sid = ?2",
                params![account_sid, sid],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Compares the statuses just read (`(kind, sid, status)`) with the ones known: each
    /// that changed is recorded as seen by `source` and returned; one seen for the first
    /// time is only remembered.
    pub fn observe(
        &self,
        account_sid: &str,
        items: &[(&str, &str, &str)],
        source: Source,
    ) -> Result<Vec<Observed>> {
        self.write(|tx| observe_in(tx, account_sid, items, source))
    }

    /// The overview's reading of many accounts, in one transaction: for each account, what
    /// changed now, then what changed since the person last looked (and it counts as looked at).
    pub fn overview_seen(&self, accounts: &[Reading]) -> Result<Vec<Vec<Observed>>> {
        self.write(|tx| {
            let mut out = Vec::with_capacity(accounts.len());
            for (account, items) in accounts {
                let refs: Vec<(&str, &str, &str)> = items
                    .iter()
                    .map(|(k, s, st)| (k.as_str(), s.as_str(), st.as_str()))
                    .collect();
                observe_in(tx, account, &refs, Source::Seen)?;
                out.push(since_looked_in(tx, account)?);
            }
            Ok(out)
        })
    }

    /// Every profile and Trust Product last known to be under review.
    pub fn watched(&self) -> Result<Vec<Watched>> {
        let db = self.db();
        let mut query = db.prepare_cached(
            "SELECT account_sid, kind, sid, status FROM statuses WHERE status IN (?1, ?2) ORDER BY account_sid, sid",
        )?;
        let rows = query.query_map(params![WATCHED_STATUSES[0], WATCHED_STATUSES[1]], |r| {
            Ok(Watched {
                account_sid: r.get(0)?,
                kind: r.get(1)?,
                sid: r.get(2)?,
                status: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The newest `limit` events of one profile or Trust Product (its own and those of
    /// what belongs to it), newest first.
    pub fn of_bundle(&self, account_sid: &str, sid: &str, limit: usize) -> Result<Vec<Event>> {
        let db = self.db();
        let mut query = db.prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS} FROM events WHERE account_sid = ?1 AND (bundle_sid = ?2 OR object_sid = ?2) ORDER BY id DESC LIMIT ?3"
        ))?;
        let rows = query.query_map(params![account_sid, sid, limit as i64], event)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The newest `limit` events of the accounts named, newest first.
    pub fn recent(&self, accounts: &[String], limit: usize) -> Result<Vec<Event>> {
        let db = self.db();
        let mut query = db.prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS} FROM events ORDER BY id DESC"
        ))?;
        let mut out = Vec::new();
        let mut rows = query.query([])?;
        while let Some(row) = rows.next()? {
            if out.len() >= limit {
                break;
            }
            let e = event(row)?;
            if accounts.contains(&e.account_sid) {
                out.push(e);
            }
        }
        Ok(out)
    }
}

fn in_transaction<T>(
    db: &mut rusqlite::Connection,
    work: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
) -> Result<T> {
    let tx = db.transaction()?;
    let done = work(&tx)?;
    tx.commit()?;
    Ok(done)
}

/// A change and how it ended, in the transaction `tx`; a profile's new status becomes the
/// one the watch compares with.
fn record_in(tx: &rusqlite::Transaction<'_>, change: &Change, outcome: &Outcome) -> Result<i64> {
    let fields: Vec<String> = change.fields.iter().map(|f| bounded(f)).collect();
    let (word, status_after, error_kind, error_code) = match outcome {
        Outcome::Done { status_after } => ("done", status_after.as_deref(), None, None),
        Outcome::Failed { kind, code } => ("failed", None, Some(bounded(kind)), *code),
    };
    tx.execute(
        "INSERT INTO events (at, account_sid, bundle_sid, object_sid, object, action, fields, status_before, status_after, outcome, error_kind, error_code, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'app')",
        params![
            now(),
            bounded(&change.account_sid),
            change.bundle_sid.as_deref().map(bounded),
            bounded(&change.object_sid),
            change.object,
            change.action,
            fields.join(","),
            change.status_before.as_deref().map(bounded),
            status_after.map(bounded),
            word,
            error_kind,
            error_code,
        ],
    )?;
    let id = tx.last_insert_rowid();
    if follows_status(change.object) && word == "done" {
        if change.action == "deleted" {
            tx.execute(
                "DELETE FROM statuses WHERE account_sid = ?1 AND sid = ?2",
                params![change.account_sid, change.object_sid],
            )?;
        } else if let Some(after) = status_after {
            tx.execute(
                PUT_STATUS,
                params![
                    change.account_sid,
                    change.object_sid,
                    change.object,
                    bounded(after),
                    now()
                ],
            )?;
        }
    }
    Ok(id)
}

fn observe_in(
    tx: &rusqlite::Transaction<'_>,
    account_sid: &str,
    items: &[(&str, &str, &str)],
    source: Source,
) -> Result<Vec<Observed>> {
    let mut changed = Vec::new();
    let mut known =
        tx.prepare_cached("SELECT status FROM statuses WHERE account_sid = ?1 AND sid = ?2")?;
    let mut put = tx.prepare_cached(PUT_STATUS)?;
    let mut note = tx.prepare_cached(
        "INSERT INTO events (at, account_sid, bundle_sid, object_sid, object, action, fields, status_before, status_after, outcome, source)
         VALUES (?1, ?2, ?3, ?3, ?4, 'status-changed', 'status', ?5, ?6, 'done', ?7)",
    )?;
    let at = now();
    for (kind, sid, status) in items {
        let (kind, sid, status) = (bounded(kind), bounded(sid), bounded(status));
        if sid.is_empty() || status.is_empty() {
            continue;
        }
        let before: Option<String> = known
            .query_row(params![account_sid, sid], |r| r.get(0))
            .optional()?;
        if before.as_deref() == Some(status.as_str()) {
            continue;
        }
        put.execute(params![account_sid, sid, kind, status, at])?;
        if let Some(before) = before {
            note.execute(params![
                at,
                account_sid,
                sid,
                kind,
                before,
                status,
                source.word()
            ])?;
            changed.push(Observed {
                kind,
                sid,
                before,
                after: status,
            });
        }
    }
    Ok(changed)
}

/// The status changes of an account since the person last looked at the overview, one per
/// record (its status then and now); then the account counts as looked at. The first look
/// marks nothing.
fn since_looked_in(tx: &rusqlite::Transaction<'_>, account_sid: &str) -> Result<Vec<Observed>> {
    let last: Option<i64> = tx
        .query_row(
            "SELECT last_event FROM looked WHERE account_sid = ?1",
            params![account_sid],
            |r| r.get(0),
        )
        .optional()?;
    let newest: i64 = tx.query_row("SELECT COALESCE(MAX(id), 0) FROM events", [], |r| r.get(0))?;
    let mut by_sid: HashMap<String, Observed> = HashMap::new();
    let mut order = Vec::new();
    if let Some(last) = last {
        let mut query = tx.prepare_cached(
            "SELECT object, object_sid, status_before, status_after FROM events
             WHERE account_sid = ?1 AND id > ?2 AND outcome = 'done'
               AND status_before IS NOT NULL AND status_after IS NOT NULL AND status_before != status_after
             ORDER BY id",
        )?;
        let mut rows = query.query(params![account_sid, last])?;
        while let Some(row) = rows.next()? {
            let (kind, sid, before, after): (String, String, String, String) =
                (row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?);
            match by_sid.get_mut(&sid) {
                Some(seen) => seen.after = after,
                None => {
                    order.push(sid.clone());
                    by_sid.insert(
                        sid.clone(),
                        Observed {
                            kind,
                            sid,
                            before,
                            after,
                        },
                    );
                }
            }
        }
    }
    tx.execute(
        "INSERT INTO looked (account_sid, last_event) VALUES (?1, ?2)
         ON CONFLICT (account_sid) DO UPDATE SET last_event = excluded.last_event",
        params![account_sid, newest],
    )?;
    Ok(order
        .into_iter()
        .filter_map(|sid| by_sid.remove(&sid))
        .filter(|o| o.before != o.after)
        .collect())
}
