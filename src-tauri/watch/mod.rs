//! Watching for Twilio's decisions: what the person chose (how often, whether to be told
//! by the system), when each account is next due (backing off after errors), and the
//! words of a decision. The checking itself is in `commands::watch`. No Tauri here.

mod settings;

pub use settings::{Settings, INTERVALS, SETTINGS_FILE};

use std::collections::HashMap;
use std::time::Duration;

use serde::Serialize;

/// The environment variable that sets the interval in seconds (tests; the demo's watch).
pub const INTERVAL_ENV: &str = "TRUSTHUB_DESK_WATCH_SECONDS";
/// How often the watch looks in the demo, whose Twilio decides within a minute.
pub const DEMO_SECONDS: u64 = 10;
/// The longest wait after errors: an account that keeps failing is tried at most this
/// seldom, and never more often than the interval.
pub const MAX_BACKOFF: Duration = Duration::from_secs(60 * 60);

/// What the watch follows, as the window's types name it (a decision's `kind`).
#[cfg(test)]
#[derive(ts_rs::TS)]
#[ts(rename_all = "kebab-case")]
#[allow(dead_code)]
pub enum WatchedKind {
    CustomerProfile,
    TrustProduct,
    Brand,
    Campaign,
    TollfreeVerification,
}

/// A decision Twilio took on a record under review, as the window and the system are told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    pub account_sid: String,
    /// `customer-profile`, `trust-product`, `brand`, `campaign` or `tollfree-verification`.
    #[cfg_attr(test, ts(type = "WatchedKind"))]
    pub kind: String,
    pub sid: String,
    pub name: Option<String>,
    pub before: String,
    pub after: String,
    /// How many reasons Twilio gave for a rejection.
    pub reasons: usize,
    /// "Approved by Twilio", "Rejected by Twilio: 2 reasons"…
    pub title: String,
}

/// The words of a status change seen by the watch.
pub fn title(after: &str, reasons: usize) -> String {
    match after {
        "twilio-approved" => "Approved by Twilio".to_owned(),
        "twilio-rejected" if reasons == 1 => "Rejected by Twilio: 1 reason".to_owned(),
        "twilio-rejected" if reasons > 1 => format!("Rejected by Twilio: {reasons} reasons"),
        "twilio-rejected" => "Rejected by Twilio".to_owned(),
        "in-review" => "In review at Twilio".to_owned(),
        "draft" => "Back to draft".to_owned(),
        other => format!("Status now {other}"),
    }
}

/// A name from a server, fit for a system notification: one line, no controls or
/// direction marks (a notification shows text as it is), at most 100 characters.
pub fn plain_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !c.is_control() && !is_direction_control(*c))
        .collect();
    let trimmed = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    if trimmed.chars().count() > 100 {
        let mut short: String = trimmed.chars().take(99).collect();
        short.push('…');
        short
    } else {
        trimmed
    }
}

fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// When each account is next due: every interval, or later after errors (doubling, up to
/// `MAX_BACKOFF`), so an account that fails is not asked again and again.
#[derive(Debug, Default)]
pub struct Schedule {
    failures: HashMap<String, u32>,
    /// Ticks to skip before the account is asked again.
    skip: HashMap<String, u32>,
}

impl Schedule {
    /// Whether the account is due on this tick (and counts the tick if not).
    pub fn due(&mut self, account_sid: &str) -> bool {
        match self.skip.get_mut(account_sid) {
            Some(n) if *n > 0 => {
                *n = n.saturating_sub(1);
                false
            }
            _ => true,
        }
    }

    pub fn succeeded(&mut self, account_sid: &str) {
        self.failures.remove(account_sid);
        self.skip.remove(account_sid);
    }

    /// After a failure the account skips 1, 3, 7… ticks, at most `MAX_BACKOFF` long.
    pub fn failed(&mut self, account_sid: &str, interval: Duration) {
        let n = self.failures.entry(account_sid.to_owned()).or_insert(0);
        *n = n.saturating_add(1);
        let most = u32::try_from(
            MAX_BACKOFF
                .as_secs()
                .checked_div(interval.as_secs().max(1))
                .unwrap_or(1)
                .max(1),
        )
        .unwrap_or(u32::MAX);
        let ticks = 2_u32
            .saturating_pow((*n).min(16))
            .saturating_sub(1)
            .min(most);
        self.skip.insert(account_sid.to_owned(), ticks);
    }
}

/// Which kind of record an account's one list request asks for on this tick: the kinds
/// with something under review take turns, so each tick costs one list per account.
pub fn kind_for_tick(kinds: &[&str], tick: u64) -> Option<String> {
    let mut kinds: Vec<&str> = kinds.to_vec();
    kinds.sort_unstable();
    kinds.dedup();
    let n = kinds.len() as u64;
    if n == 0 {
        return None;
    }
    kinds
        .get(usize::try_from(tick.checked_rem(n).unwrap_or(0)).unwrap_or(0))
        .map(|k| (*k).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decision_is_said_in_plain_words() {
        assert_eq!(title("twilio-approved", 0), "Approved by Twilio");
        assert_eq!(title("twilio-rejected", 2), "Rejected by Twilio: 2 reasons");
        assert_eq!(title("twilio-rejected", 1), "Rejected by Twilio: 1 reason");
        assert_eq!(title("twilio-rejected", 0), "Rejected by Twilio");
    }

    #[test]
    fn a_name_for_the_system_is_one_plain_short_line() {
        assert_eq!(plain_name("Acme\u{202E}\n Ltd\u{7}"), "Acme Ltd");
        let long = plain_name(&"x".repeat(5_000));
        assert_eq!(long.chars().count(), 100);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn an_account_that_fails_is_asked_less_often_until_it_works() {
        let mut s = Schedule::default();
        let every = Duration::from_secs(600);
        assert!(s.due("AC1"));
        s.failed("AC1", every);
        assert!(!s.due("AC1"));
        assert!(s.due("AC1"));
        s.failed("AC1", every);
        let skipped = (0..10).take_while(|_| !s.due("AC1")).count();
        assert_eq!(skipped, 3);
        // Never longer than an hour: six ticks of ten minutes.
        for _ in 0..10 {
            s.failed("AC1", every);
        }
        let skipped = (0..100).take_while(|_| !s.due("AC1")).count();
        assert_eq!(skipped, 6);
        s.succeeded("AC1");
        assert!(s.due("AC1"));
        assert!(s.due("AC2"), "another account is not held back");
    }

    #[test]
    fn kinds_under_review_take_turns() {
        assert_eq!(kind_for_tick(&[], 0), None);
        let both = ["trust-product", "customer-profile", "trust-product"];
        assert_eq!(kind_for_tick(&both, 0).as_deref(), Some("customer-profile"));
        assert_eq!(kind_for_tick(&both, 1).as_deref(), Some("trust-product"));
        assert_eq!(
            kind_for_tick(&["trust-product"], 1).as_deref(),
            Some("trust-product")
        );
    }
}
