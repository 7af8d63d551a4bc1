//! Every network limit of the client, in one place.

use std::time::Duration;

/// How long to wait for a TCP + TLS connection.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one whole request may take, body included.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Tries of one request, the first included.
pub const MAX_TRIES: u32 = 3;
/// All tries and the waits between them stay within this.
pub const RETRY_BUDGET: Duration = Duration::from_secs(30);
/// First back-off; doubled on each retry, then jittered.
pub const BASE_BACKOFF: Duration = Duration::from_millis(400);
/// A TrustHub answer is a few KiB; anything near this is not TrustHub.
pub const MAX_BODY_BYTES: usize = 5 * 1024 * 1024;
/// Records asked for per list page.
pub const PAGE_SIZE: u32 = 50;
/// The largest page Twilio serves (the specs' `PageSize` maximum): the watch reads a whole
/// account of up to this many records in one request.
pub const WATCH_PAGE_SIZE: u32 = 1_000;
/// A list the app follows page by page stops after this many pages...
pub const MAX_LIST_PAGES: u32 = 20;
/// ...or this many records, whichever comes first. Twilio's lists of what hangs off one
/// profile hold a handful; a list past these is a fault or a proxy, not a profile.
pub const MAX_LIST_RECORDS: usize = 1000;
/// Evaluations shown at a time, newest first: only these are fetched.
pub const EVALUATIONS_SHOWN: u32 = 20;

/// The limits one client works within. The app always uses [`Limits::TWILIO`]; fault
/// tests shrink the times so a server that never answers costs a second, not half a minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub connect_timeout: Duration,
    pub request_timeout: Duration,
    pub max_tries: u32,
    pub retry_budget: Duration,
    pub base_backoff: Duration,
    pub max_body_bytes: usize,
    pub max_list_pages: u32,
    pub max_list_records: usize,
}

impl Limits {
    pub const TWILIO: Limits = Limits {
        connect_timeout: CONNECT_TIMEOUT,
        request_timeout: REQUEST_TIMEOUT,
        max_tries: MAX_TRIES,
        retry_budget: RETRY_BUDGET,
        base_backoff: BASE_BACKOFF,
        max_body_bytes: MAX_BODY_BYTES,
        max_list_pages: MAX_LIST_PAGES,
        max_list_records: MAX_LIST_RECORDS,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Self::TWILIO
    }
}

/// The most accounts the Overview's texting summary reads: more than any overview holds
/// (a main account's subaccounts are at most 1,000 in a list), so a window cannot make it
/// read without end.
pub const MAX_ACCOUNTS: usize = 5_000;
