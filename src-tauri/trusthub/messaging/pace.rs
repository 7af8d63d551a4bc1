//! Twilio asks for at most one brand or campaign request a second. Each account keeps its
//! own turn, so an overview of many subaccounts is not slowed by the others' requests.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Mutex;
use tokio::time::Instant;

/// The gap Twilio asks for between two brand or campaign requests of one account.
pub const GAP: Duration = Duration::from_secs(1);

/// When each account may next send a brand or campaign request. Clones share it.
#[derive(Clone, Default)]
pub struct Pace {
    next: Arc<Mutex<HashMap<String, Instant>>>,
}

impl Pace {
    /// Waits for `account`'s turn and books the next one a `GAP` later. Turns are handed
    /// out in order under the lock, then waited for outside it, so one account's wait
    /// never holds up another's.
    pub async fn turn(&self, account: &str) {
        let at = {
            let mut next = self.next.lock().await;
            let now = Instant::now();
            let at = next
                .get(account)
                .copied()
                .filter(|t| *t > now)
                .unwrap_or(now);
            next.insert(account.to_owned(), at.checked_add(GAP).unwrap_or(at));
            at
        };
        tokio::time::sleep_until(at).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn one_request_a_second_per_account_and_accounts_do_not_wait_for_each_other() {
        let pace = Pace::default();
        let start = Instant::now();
        for _ in 0..3 {
            pace.turn("AC1").await;
        }
        assert_eq!(start.elapsed(), Duration::from_secs(2));
        let other = Instant::now();
        pace.turn("AC2").await;
        assert_eq!(other.elapsed(), Duration::ZERO);
        // After a quiet spell the next request goes at once.
        tokio::time::sleep(Duration::from_secs(5)).await;
        let later = Instant::now();
        pace.turn("AC1").await;
        assert_eq!(later.elapsed(), Duration::ZERO);
    }

    #[tokio::test(start_paused = true)]
    async fn requests_made_together_are_spread_a_second_apart() {
        let pace = Pace::default();
        let start = Instant::now();
        let (a, b, c) = tokio::join!(
            async {
                pace.turn("AC1").await;
                start.elapsed()
            },
            async {
                pace.turn("AC1").await;
                start.elapsed()
            },
            async {
                pace.turn("AC1").await;
                start.elapsed()
            },
        );
        let mut times = [a, b, c];
        times.sort();
        assert_eq!(
            times,
            [
                Duration::ZERO,
                Duration::from_secs(1),
                Duration::from_secs(2)
            ]
        );
    }
}
