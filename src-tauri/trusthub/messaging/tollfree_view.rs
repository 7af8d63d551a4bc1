//! The account's toll-free numbers as the window shows them: each with its verification
//! in plain words, Twilio's reasons for a rejection, and whether it can still be edited and
//! for how long, or must be deleted and started again.

use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::chain::TOLL_FREE;
use super::models::{RegistrationError, TollfreeVerification};
use super::reasons::{reasons, Reason};
use crate::trusthub::models::PhoneNumber;

/// What the person does next with one toll-free number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum TollfreeNext {
    /// No verification yet: make one.
    Verify,
    /// Twilio is reviewing it.
    Wait,
    /// Rejected, and its edit window is open.
    Edit,
    /// Rejected, and it can no longer be edited: delete and start again.
    StartAgain,
    /// Approved: it texts.
    None,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TollfreeNumber {
    pub number_sid: String,
    pub phone_number: String,
    pub friendly_name: Option<String>,
    /// `HH…`, when the number has a verification.
    pub verification_sid: Option<String>,
    /// PENDING_REVIEW, IN_REVIEW, TWILIO_APPROVED, TWILIO_REJECTED, or NONE.
    pub status_code: String,
    pub status: String,
    pub next: TollfreeNext,
    pub reasons: Vec<Reason>,
    /// How long the edit window stays open, in words ("3 days left to edit").
    pub edit_left: Option<String>,
}

/// Whether `e164` is a North American toll-free number.
pub fn is_toll_free(e164: &str) -> bool {
    let digits = e164.strip_prefix("+1").unwrap_or("");
    digits.len() == 10
        && digits.bytes().all(|b| b.is_ascii_digit())
        && TOLL_FREE.iter().any(|t| digits.starts_with(t))
}

/// A status in words.
pub fn status_words(code: &str) -> &'static str {
    match code {
        "NONE" => "Not verified: it cannot text",
        "PENDING_REVIEW" => "Waiting for Twilio's review",
        "IN_REVIEW" => "In review at Twilio",
        "TWILIO_APPROVED" => "Verified: it can text",
        "TWILIO_REJECTED" => "Not approved",
        _ => "In a state TrustHub Desk does not know",
    }
}

/// Each of the account's toll-free numbers with its verification, by number; `now` is
/// the Unix time the edit windows are measured from.
pub fn tollfree_numbers(
    numbers: &[PhoneNumber],
    verifications: &[TollfreeVerification],
    now: i64,
) -> Vec<TollfreeNumber> {
    let mut out: Vec<TollfreeNumber> = numbers
        .iter()
        .filter_map(|n| {
            let sid = n.sid.clone()?;
            let e164 = n.phone_number.clone()?;
            is_toll_free(&e164).then(|| {
                let v = verifications
                    .iter()
                    .find(|v| v.tollfree_phone_number_sid.as_deref() == Some(sid.as_str()));
                one(sid, e164, n.friendly_name.clone(), v, now)
            })
        })
        .collect();
    out.sort_by(|a, b| a.phone_number.cmp(&b.phone_number));
    out
}

fn one(
    number_sid: String,
    phone_number: String,
    friendly_name: Option<String>,
    v: Option<&TollfreeVerification>,
    now: i64,
) -> TollfreeNumber {
    let code = v
        .map(|v| {
            v.status
                .as_deref()
                .unwrap_or("")
                .trim()
                .to_ascii_uppercase()
        })
        .unwrap_or_else(|| "NONE".to_owned());
    let until = v
        .and_then(|v| v.edit_expiration.as_deref())
        .and_then(|t| OffsetDateTime::parse(t.trim(), &Rfc3339).ok())
        .map(OffsetDateTime::unix_timestamp);
    let open = v.is_some_and(|v| v.edit_allowed == Some(true)) && until.is_none_or(|u| u > now);
    let next = match code.as_str() {
        "NONE" => TollfreeNext::Verify,
        "TWILIO_APPROVED" => TollfreeNext::None,
        "TWILIO_REJECTED" if open => TollfreeNext::Edit,
        "TWILIO_REJECTED" => TollfreeNext::StartAgain,
        _ => TollfreeNext::Wait,
    };
    TollfreeNumber {
        number_sid,
        phone_number,
        friendly_name,
        verification_sid: v.and_then(|v| v.sid.clone()),
        status: status_words(&code).to_owned(),
        next,
        reasons: if code == "TWILIO_REJECTED" {
            v.map(rejection).unwrap_or_default()
        } else {
            Vec::new()
        },
        edit_left: (next == TollfreeNext::Edit)
            .then(|| until.map(|u| time_left(u.saturating_sub(now))))
            .flatten(),
        status_code: code,
    }
}

/// Twilio's reasons: the list when it gives one, else its single code and sentence.
fn rejection(v: &TollfreeVerification) -> Vec<Reason> {
    let listed = reasons(v.rejection_reasons.as_deref());
    if !listed.is_empty() {
        return listed;
    }
    if v.error_code.is_none() && v.rejection_reason.is_none() {
        return Vec::new();
    }
    reasons(Some(&[RegistrationError {
        error_code: v.error_code,
        description: v.rejection_reason.clone(),
        fields: None,
        url: None,
    }]))
}

/// "3 days left to edit", "5 hours left to edit", "Less than an hour left to edit".
fn time_left(seconds: i64) -> String {
    let hours = seconds / 3600;
    match (hours / 24, hours) {
        (d, _) if d >= 2 => format!("{d} days left to edit"),
        (1, _) => "1 day left to edit".to_owned(),
        (_, h) if h >= 2 => format!("{h} hours left to edit"),
        (_, 1) => "1 hour left to edit".to_owned(),
        _ => "Less than an hour left to edit".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::trusthub::messaging::test_numbers::number;

    fn verification(number: &str, status: &str) -> TollfreeVerification {
        TollfreeVerification {
            sid: Some(format!("HH{number}")),
            tollfree_phone_number_sid: Some(number.into()),
            status: Some(status.into()),
            ..TollfreeVerification::default()
        }
    }

    #[test]
    fn each_toll_free_number_says_where_it_stands_and_what_is_next() {
        let now = 1_800_000_000;
        let numbers = [
            number("PN5", "+18885550105"),
            number("PN1", "+18335550101"),
            number("PNL", "+14155550100"),
            number("PN2", "+18445550102"),
            number("PN3", "+18555550103"),
            number("PN4", "+18665550104"),
        ];
        let mut open = verification("PN3", "TWILIO_REJECTED");
        open.edit_allowed = Some(true);
        open.edit_expiration = Some("2027-01-18T08:00:00Z".into()); // 3 days and 2 hours on
        open.error_code = Some(30513);
        open.rejection_reason = Some("Opt-in language unclear".into());
        let mut closed = verification("PN4", "TWILIO_REJECTED");
        closed.edit_allowed = Some(true);
        closed.edit_expiration = Some("2027-01-10T00:00:00Z".into()); // passed
        let list = tollfree_numbers(
            &numbers,
            &[
                verification("PN2", "in_review"),
                open,
                closed,
                verification("PN5", "TWILIO_APPROVED"),
            ],
            now,
        );
        let seen: Vec<(&str, &str, TollfreeNext)> = list
            .iter()
            .map(|n| (n.phone_number.as_str(), n.status_code.as_str(), n.next))
            .collect();
        assert_eq!(
            seen,
            [
                ("+18335550101", "NONE", TollfreeNext::Verify),
                ("+18445550102", "IN_REVIEW", TollfreeNext::Wait),
                ("+18555550103", "TWILIO_REJECTED", TollfreeNext::Edit),
                ("+18665550104", "TWILIO_REJECTED", TollfreeNext::StartAgain),
                ("+18885550105", "TWILIO_APPROVED", TollfreeNext::None),
            ]
        );
        assert_eq!(list[2].edit_left.as_deref(), Some("3 days left to edit"));
        assert_eq!(list[2].reasons[0].code, Some(30513));
        assert_eq!(
            list[2].reasons[0].twilio_words.as_deref(),
            Some("Opt-in language unclear")
        );
        assert_eq!(list[3].edit_left, None);
        assert!(list[4].reasons.is_empty());
    }

    #[test]
    fn time_left_in_words() {
        assert_eq!(time_left(86_400 * 6 + 10), "6 days left to edit");
        assert_eq!(time_left(86_400 + 3600), "1 day left to edit");
        assert_eq!(time_left(7200), "2 hours left to edit");
        assert_eq!(time_left(3599), "Less than an hour left to edit");
    }
}
