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
