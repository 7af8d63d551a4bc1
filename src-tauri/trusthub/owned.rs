//! Whose a record is. TrustHub's paths hold no Account SID: the credentials decide whose
//! records come back, so a key of account B saved under account A's SID would show, edit
//! and delete B's profiles under A's name. Every record the client reads is checked to
//! name the account it was read for; one that names another refuses the whole answer.

use super::models::*;
use super::TrustHubError;

/// A record that may name the account it belongs to.
pub trait Owned {
    /// The Account SID the record names, if it names one.
    fn owner(&self) -> Option<&str>;
}

macro_rules! owned_by_account_sid {
    ($($t:ty),* $(,)?) => {
        $(impl Owned for $t {
            fn owner(&self) -> Option<&str> {
                self.account_sid.as_deref()
            }
        })*
    };
}

owned_by_account_sid!(
    CustomerProfile,
    Evaluation,
    EntityAssignment,
    ChannelEndpointAssignment,
    EndUser,
    SupportingDocument,
    Address,
    PhoneNumber,
);

macro_rules! owned_by_nobody {
    ($($t:ty),* $(,)?) => {
        $(impl Owned for $t {
            fn owner(&self) -> Option<&str> {
                None
            }
        })*
    };
}

// Twilio's own catalogue (policies and types), the same for every account, and what holds
// no record: nothing to check.
// An account's own record is checked by its SID where it is read (`fetch_own_account`).
owned_by_nobody!(Policy, TypeDefinition, serde_json::Value, (), AccountRecord);

/// Whether a record read for `account_sid` is that account's own: one naming another
/// account means the credentials were another account's, and nothing of it may be used.
pub fn own_record(account_sid: &str, record: &impl Owned) -> Result<(), TrustHubError> {
    match record.owner().filter(|a| *a != account_sid) {
        None => Ok(()),
        Some(other) => {
            log::warn!("an answer held another account's record ({other}), not {account_sid}");
            Err(TrustHubError::UnexpectedResponse {
                status: 200,
                message: format!(
                    "Twilio answered for another account ({other}) than the one asked for ({account_sid}), so nothing of it is shown. Check that the credentials saved for {account_sid} are its own."
                ),
            })
        }
    }
}

/// The same for every record of a list.
pub fn own_records<T: Owned>(account_sid: &str, records: &[T]) -> Result<(), TrustHubError> {
    records.iter().try_for_each(|r| own_record(account_sid, r))
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "AC0123456789abcdef0123456789abcdef";
    const B: &str = "ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    #[test]
    fn a_record_of_another_account_is_refused_and_says_which() {
        let mine = CustomerProfile {
            account_sid: Some(A.into()),
            ..Default::default()
        };
        let theirs = EndUser {
            account_sid: Some(B.into()),
            ..Default::default()
        };
        assert!(own_record(A, &mine).is_ok());
        let e = own_record(A, &theirs).unwrap_err().to_string();
        assert!(e.contains(B) && e.contains(A), "{e}");
        assert!(own_records(A, &[mine.clone(), mine.clone()]).is_ok());
        assert!(own_records(
            A,
            &[
                mine,
                CustomerProfile {
                    account_sid: Some(B.into()),
                    ..Default::default()
                }
            ]
        )
        .is_err());
        assert!(
            own_record(A, &Policy::default()).is_ok(),
            "policies are Twilio's, for all"
        );
    }
}
