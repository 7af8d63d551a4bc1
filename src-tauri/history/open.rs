//! Opening the history: the schema made or checked, and a file that is damaged or not a
//! database moved aside so the app always starts, with a note that says what happened.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::History;
use crate::trusthub::base_url;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    account_sid TEXT NOT NULL,
    bundle_sid TEXT,
    object_sid TEXT NOT NULL,
    object TEXT NOT NULL,
    action TEXT NOT NULL,
    fields TEXT NOT NULL,
    status_before TEXT,
    status_after TEXT,
    outcome TEXT NOT NULL,
    error_kind TEXT,
    error_code INTEGER,
    source TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_bundle ON events (account_sid, bundle_sid, id);
CREATE INDEX IF NOT EXISTS events_by_account ON events (account_sid, id);
CREATE TABLE IF NOT EXISTS statuses (
    account_sid TEXT NOT NULL,
    sid TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (account_sid, sid)
);
CREATE TABLE IF NOT EXISTS looked (
    account_sid TEXT PRIMARY KEY,
    last_event INTEGER NOT NULL
);
PRAGMA user_version = 1;
";

/// The history file of the server with id `server` in the app's data folder: Twilio's
/// accounts' is `history.sqlite3`, another server's (a test server) its own file.
pub fn history_file(data_dir: &Path, server: &str) -> PathBuf {
    base_url::server_file(data_dir, server, "history", "sqlite3")
}

/// What the window is told once about the history: that it was not found as it was left,
/// or that it could not be written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OpenNote {
    pub message: String,
}

impl History {
    /// A history in memory: the demo's, and the tests'.
    pub fn in_memory() -> Self {
        match Connection::open_in_memory().and_then(|db| prepared(db, false)) {
            Ok(db) => Self::with(db, None),
            // Memory that cannot hold a few tables: nothing else would work either.
            Err(e) => panic!("an in-memory history could not be made: {e}"),
        }
    }

    /// The history at `path`. A file that is damaged or not a database is renamed
    /// `….damaged-<time>` and a new history begun; a folder that cannot be written gives a
    /// history in memory for this run. Either way the note says so, and the app starts.
    pub fn open(path: &Path) -> Self {
        match try_open(path) {
            Ok(db) => Self::with(db, None),
            Err(first) => {
                log::warn!("history: {first}");
                // Only a damaged file is moved aside; one that cannot be opened (a folder
                // without the right to write) is left as it is.
                let aside = if damaged(&first) {
                    set_aside(path)
                } else {
                    Err(std::io::Error::other("not damaged"))
                };
                match (&aside, try_open(path)) {
                    (Ok(moved), Ok(db)) => Self::with(
                        db,
                        Some(OpenNote {
                            message: format!(
                                "TrustHub Desk could not read its history of changes, so it moved the file aside (as “{}”) and began a new one. Your profiles at Twilio are not affected.",
                                moved.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
                            ),
                        }),
                    ),
                    _ => {
                        log::warn!("history: kept in memory for this run");
                        let mut memory = Self::in_memory();
                        memory.note = Mutex::new(Some(OpenNote {
                            message: format!(
                                "TrustHub Desk cannot write its history of changes in {}, so this run's changes are kept only until you close the app. Check that the folder is writable. Your profiles at Twilio are not affected.",
                                path.parent().map(|p| p.display().to_string()).unwrap_or_default()
                            ),
                        }));
                        memory
                    }
                }
            }
        }
    }

    fn with(db: Connection, note: Option<OpenNote>) -> Self {
        Self {
            db: Mutex::new(db),
            note: Mutex::new(note),
            write_failed: AtomicBool::new(false),
        }
    }

    /// What to tell the person about how the history was opened, or that a write failed,
    /// once.
    pub fn take_note(&self) -> Option<OpenNote> {
        self.note.lock().unwrap_or_else(|p| p.into_inner()).take()
    }

    /// Passes a write's result on; a failure leaves a note for the window, once a run (a
    /// note about the opening not yet said goes first, and the failure is noted later).
    pub(super) fn wrote<T>(&self, result: super::Result<T>) -> super::Result<T> {
        if result.is_err() && !self.write_failed.load(Ordering::SeqCst) {
            let mut note = self.note.lock().unwrap_or_else(|p| p.into_inner());
            if note.is_none() {
                *note = Some(OpenNote {
                    message: "TrustHub Desk could not write to its history of changes, so some of the latest changes are missing from it. Check that the disk has free space. Your profiles at Twilio are not affected.".to_owned(),
                });
                self.write_failed.store(true, Ordering::SeqCst);
            }
        }
        result
    }
}

fn try_open(path: &Path) -> rusqlite::Result<Connection> {
    // The file exists, private, before SQLite opens it (SQLite gives its journal files the
    // database file's mode): the history is this user's alone from its first byte.
    crate::private_files::create_private(path).map_err(|e| {
        rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
            Some(e.to_string()),
        )
    })?;
    let db = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    prepared(db, true)
}

/// The schema made (or found), after a check that the file is a sound database.
fn prepared(db: Connection, durable: bool) -> rusqlite::Result<Connection> {
    db.busy_timeout(std::time::Duration::from_secs(5))?;
    let check: String = db.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            Some(check),
        ));
    }
    if durable {
        // The write-ahead log survives a crash mid-write; FULL syncs each transaction.
        db.pragma_update(None, "journal_mode", "WAL")?;
        db.pragma_update(None, "synchronous", "FULL")?;
    }
    db.execute_batch(SCHEMA)?;
    Ok(db)
}

/// Whether the file is not a sound database (rather than out of reach).
fn damaged(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}

/// Renames the damaged file (and its journal files) out of the way.
fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let stamp = time::OffsetDateTime::now_utc().unix_timestamp();
    let mut moved = path.as_os_str().to_owned();
    moved.push(format!(".damaged-{stamp}"));
    let moved = PathBuf::from(moved);
    std::fs::rename(path, &moved)?;
    // Its journal goes with it (kept, not deleted), so the new history starts clean.
    for suffix in ["-wal", "-shm"] {
        let mut journal = path.as_os_str().to_owned();
        journal.push(suffix);
        let mut beside = moved.as_os_str().to_owned();
        beside.push(suffix);
        let _ = std::fs::rename(PathBuf::from(journal), PathBuf::from(beside));
    }
    Ok(moved)
}
