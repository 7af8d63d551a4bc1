//! The local record of what changed: every change made through the app (when, which
//! object, which fields, the status before and after, and whether it worked) and every
//! status change the app saw Twilio make. Field *values* other than a status are never
//! kept: they can be personal data. One SQLite database for all accounts of a server,
//! each row naming its account; each write is one transaction, so a crash leaves either
//! the whole change or none of it. No Tauri here.

mod open;
mod store;

pub use open::{history_file, OpenNote};
pub use store::{Change, Event, Observed, Outcome, Reading, Source, Watched};

use std::sync::{atomic::AtomicBool, Mutex};

/// A history: a file of the app's data folder, or memory (the demo, tests, or a folder that
/// cannot be written).
pub struct History {
    db: Mutex<rusqlite::Connection>,
    /// Why the history is not the one the person had, or misses changes: said once to the
    /// window.
    note: Mutex<Option<OpenNote>>,
    /// Whether a write has failed this run (a full disk, the file locked by another copy):
    /// said once, while the history goes on with the writes that work.
    write_failed: AtomicBool,
}

/// Why the history could not be read or written (a full disk, a file taken away).
#[derive(Debug, thiserror::Error)]
#[error("the history could not be read or written: {0}")]
pub struct HistoryError(#[from] rusqlite::Error);

pub type Result<T> = std::result::Result<T, HistoryError>;

/// The statuses under review: the watch checks these again until Twilio decides.
pub const WATCHED_STATUSES: [&str; 2] = ["pending-review", "in-review"];

/// The longest text kept in one column (an error's kind, a SID, a field name): what the
/// app writes is short, and a longer one from a hostile server is cut, not stored whole.
const MAX_TEXT: usize = 200;

fn bounded(text: &str) -> String {
    text.chars().take(MAX_TEXT).collect()
}
