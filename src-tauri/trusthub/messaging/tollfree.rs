//! Toll-free verifications (`/v1/Tollfree/Verifications`, `HH…`): a toll-free number texts
//! nothing until its verification is approved. A rejected one is edited while Twilio keeps
//! its edit window open; after that it is deleted and made again.

use super::brands::incomplete;
use super::models::TollfreeVerification;
use super::tollfree_form::{check, TollfreeInput};
use super::Made;
use crate::credentials::Credentials;
use crate::trusthub::client::{ListForm, Result};
use crate::trusthub::limits::PAGE_SIZE;
use crate::trusthub::models::{Address, BundleKind, EndUser, Listing};
use crate::trusthub::validate::{self, FieldError};
use crate::trusthub::TrustHubClient;
use crate::trusthub::TrustHubError;

const PATH: &str = "/v1/Tollfree/Verifications";

fn verification_sid(sid: &str) -> std::result::Result<String, FieldError> {
    validate::sid("sid", sid, "HH", "toll-free verification SID")
}

/// The first problem found; the window checks the whole form first (`check`) and shows
/// each beside its field.
fn invalid(errors: Vec<FieldError>) -> TrustHubError {
    errors
        .into_iter()
        .next()
        .unwrap_or_else(|| FieldError::new("verification", "The verification is incomplete."))
        .into()
}

impl TrustHubClient {
    /// Every toll-free verification of the account (its own only: no `IncludeSubAccounts`,
    /// each subaccount is read with its own credentials).
    pub async fn list_tollfree(&self, c: &Credentials) -> Result<Listing<TollfreeVerification>> {
        let first = Self::first_page(self.messaging_url(PATH), PAGE_SIZE);
        self.list_all(c, first, ListForm::TrustHub, "toll-free verifications")
            .await
    }

    pub async fn fetch_tollfree(&self, c: &Credentials, sid: &str) -> Result<TollfreeVerification> {
        let sid = verification_sid(sid)?;
        self.get_json(c, self.messaging_url(&format!("{PATH}/{sid}")))
            .await
    }

    /// The verifications of one number (Twilio's filter; normally one at most).
    async fn tollfree_of(
        &self,
        c: &Credentials,
        number: &str,
    ) -> Result<Listing<TollfreeVerification>> {
        let mut first = Self::first_page(self.messaging_url(PATH), PAGE_SIZE);
        first
            .query_pairs_mut()
            .append_pair("TollfreePhoneNumberSid", number);
        self.list_all(c, first, ListForm::TrustHub, "toll-free verifications")
            .await
    }

    /// Sends a verification for a toll-free number, unless the number has one already (a
    /// retry after a lost answer, or one made elsewhere): then that one is returned.
    pub async fn create_tollfree(
        &self,
        c: &Credentials,
        input: &TollfreeInput,
    ) -> Result<Made<TollfreeVerification>> {
        let form = check(input, false).map_err(invalid)?;
        let existing = self.tollfree_of(c, form.number_sid()).await?;
        if let Some(record) = existing
            .records
            .into_iter()
            .find(|v| v.tollfree_phone_number_sid.as_deref() == Some(form.number_sid()))
        {
            return Ok(Made {
                record,
                existing: true,
            });
        }
        if existing.note.is_some() {
            return Err(incomplete("toll-free verifications"));
        }
        let record = self
            .post_json(c, self.messaging_url(PATH), &form.create_form())
            .await?;
        Ok(Made {
            record,
            existing: false,
        })
    }

    /// Edits a rejected verification within its edit window; Twilio reviews it again.
    pub async fn edit_tollfree(
        &self,
        c: &Credentials,
        sid: &str,
        input: &TollfreeInput,
    ) -> Result<TollfreeVerification> {
        let sid = verification_sid(sid)?;
        let form = check(input, true).map_err(invalid)?;
        self.post_json(
            c,
            self.messaging_url(&format!("{PATH}/{sid}")),
            &form.edit_form(),
        )
        .await
    }

    /// Deletes a verification: the number leaves Twilio's queue.
    pub async fn delete_tollfree(&self, c: &Credentials, sid: &str) -> Result<()> {
        let sid = verification_sid(sid)?;
        self.delete(c, self.messaging_url(&format!("{PATH}/{sid}")))
            .await
    }

    /// What an approved Customer-Profile says of the business, read for the form: its
    /// end users and the address of its address document.
    pub async fn profile_details(
        &self,
        c: &Credentials,
        profile: &str,
    ) -> Result<(Vec<EndUser>, Option<Address>)> {
        let assigned = self
            .list_entity_assignments(c, BundleKind::CustomerProfile, profile)
            .await?;
        let mut end_users = Vec::new();
        let mut address = None;
        for sid in assigned
            .records
            .iter()
            .filter_map(|a| a.object_sid.as_deref())
        {
            if validate::is_sid(sid, "IT") {
                end_users.push(self.fetch_end_user(c, sid).await?);
            } else if validate::is_sid(sid, "RD") && address.is_none() {
                let doc = self.fetch_supporting_document(c, sid).await?;
                let first = doc
                    .attributes
                    .as_ref()
                    .and_then(|a| a.get("address_sids"))
                    .and_then(|v| match v {
                        serde_json::Value::Array(list) => list.first().and_then(|s| s.as_str()),
                        other => other.as_str(),
                    })
                    .filter(|s| validate::is_sid(s, "AD"))
                    .map(str::to_owned);
                if let Some(ad) = first {
                    address = Some(self.fetch_address(c, &ad).await?);
                }
            }
        }
        Ok((end_users, address))
    }
}
