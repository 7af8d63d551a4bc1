//! Customer-Profiles and Trust Products ("bundles": the same shape under two paths), and
//! what hangs off them: evaluations, entity assignments, phone-number assignments.

use reqwest::Method;

use super::client::{decode, ListForm, PageUrl, Result};
use super::limits::{EVALUATIONS_SHOWN, PAGE_SIZE, WATCH_PAGE_SIZE};
use super::models::*;
use super::validate::{self, FieldError};
use super::TrustHubClient;
use crate::credentials::Credentials;

/// Checks a pasted bundle SID (trimmed) and names the kind in the message.
pub fn bundle_sid(kind: BundleKind, input: &str) -> std::result::Result<String, FieldError> {
    match kind {
        BundleKind::CustomerProfile => validate::profile_sid(input),
        BundleKind::TrustProduct => validate::sid("sid", input, "BU", "Trust Product SID"),
    }
}

impl TrustHubClient {
    fn bundle_path(kind: BundleKind, sid: &str) -> std::result::Result<String, FieldError> {
        Ok(format!(
            "/v1/{}/{}",
            kind.collection(),
            bundle_sid(kind, sid)?
        ))
    }

    pub async fn fetch_bundle(
        &self,
        c: &Credentials,
        kind: BundleKind,
        sid: &str,
    ) -> Result<CustomerProfile> {
        let path = Self::bundle_path(kind, sid)?;
        self.get_json(c, self.url(&path)).await
    }

    pub async fn fetch_profile(&self, c: &Credentials, sid: &str) -> Result<CustomerProfile> {
        self.fetch_bundle(c, BundleKind::CustomerProfile, sid).await
    }

    /// One `POST /v1/{Bundles}/{Sid}` with exactly the fields set in `update`.
    pub async fn update_bundle(
        &self,
        c: &Credentials,
        kind: BundleKind,
        sid: &str,
        update: &ProfileUpdate,
    ) -> Result<CustomerProfile> {
        let path = Self::bundle_path(kind, sid)?;
        let update = checked_update(update)?;
        if update.is_empty() {
            return Err(FieldError::new(
                "form",
                "Nothing has changed, so there is nothing to save.",
            )
            .into());
        }
        let body = self
            .send(c, Method::POST, self.url(&path), Some(&update.form_pairs()))
            .await?;
        decode(&body)
    }

    pub async fn update_profile(
        &self,
        c: &Credentials,
        sid: &str,
        update: &ProfileUpdate,
    ) -> Result<CustomerProfile> {
        self.update_bundle(c, BundleKind::CustomerProfile, sid, update)
            .await
    }

    /// Saves field edits and a status change. Twilio refuses both in one request
    /// (error 22204), so the fields go first and the status on its own after them.
    pub async fn save_bundle_changes(
        &self,
        c: &Credentials,
        kind: BundleKind,
        sid: &str,
        changes: &ProfileUpdate,
    ) -> Result<CustomerProfile> {
        let fields = ProfileUpdate {
            status: None,
            ..changes.clone()
        };
        if changes.status.is_none() || fields.is_empty() {
            return self.update_bundle(c, kind, sid, changes).await;
        }
        checked_update(changes)?;
        self.update_bundle(c, kind, sid, &fields).await?;
        let status_only = ProfileUpdate {
            status: changes.status,
            ..Default::default()
        };
        self.update_bundle(c, kind, sid, &status_only).await
    }

    pub async fn save_profile_changes(
        &self,
        c: &Credentials,
        sid: &str,
        changes: &ProfileUpdate,
    ) -> Result<CustomerProfile> {
        self.save_bundle_changes(c, BundleKind::CustomerProfile, sid, changes)
            .await
    }

    /// One page of the account's bundles of `kind`: the first for `filter`, or the page at `next`.
    pub async fn list_bundles_page(
        &self,
        c: &Credentials,
        kind: BundleKind,
        filter: &ProfileFilter,
        next: Option<&str>,
    ) -> Result<Page<CustomerProfile>> {
        let page = match next {
            Some(next) => PageUrl::Next(next),
            None => {
                let mut url = self.url(&format!("/v1/{}", kind.collection()));
                {
                    let mut q = url.query_pairs_mut();
                    if let Some(s) = filter.status {
                        q.append_pair("Status", s.as_str());
                    }
                    if let Some(name) = filter
                        .friendly_name
                        .as_deref()
                        .filter(|n| !n.trim().is_empty())
                    {
                        q.append_pair("FriendlyName", name.trim());
                    }
                    q.append_pair(
                        "PageSize",
                        &filter
                            .page_size
                            .unwrap_or(PAGE_SIZE)
                            .clamp(1, 1000)
                            .to_string(),
                    );
                }
                PageUrl::First(url)
            }
        };
        self.page(c, page).await
    }

    /// Every bundle of `kind` (up to the list ceilings; the note says when cut short).
    /// Every record of the kind in pages of `WATCH_PAGE_SIZE`: one request for an account
    /// of up to that many, which is what the watch spends on an account each interval.
    pub async fn list_bundles_wide(
        &self,
        c: &Credentials,
        kind: BundleKind,
    ) -> Result<Listing<CustomerProfile>> {
        let first = Self::first_page(
            self.url(&format!("/v1/{}", kind.collection())),
            WATCH_PAGE_SIZE,
        );
        self.list_all(c, first, ListForm::TrustHub, "profiles")
            .await
    }

    pub async fn list_bundles_all(
        &self,
        c: &Credentials,
        kind: BundleKind,
    ) -> Result<Listing<CustomerProfile>> {
        let first = Self::first_page(self.url(&format!("/v1/{}", kind.collection())), PAGE_SIZE);
        let what = match kind {
            BundleKind::CustomerProfile => "profiles",
            BundleKind::TrustProduct => "Trust Products",
        };
        self.list_all(c, first, ListForm::TrustHub, what).await
    }

    pub async fn list_profiles_page(
        &self,
        c: &Credentials,
        filter: &ProfileFilter,
        next: Option<&str>,
    ) -> Result<Page<CustomerProfile>> {
        self.list_bundles_page(c, BundleKind::CustomerProfile, filter, next)
            .await
    }

    /// `POST /v1/{Bundles}`: a new draft with its name, notification e-mail and policy.
    pub async fn create_bundle(
        &self,
        c: &Credentials,
        kind: BundleKind,
        input: &NewBundle,
    ) -> Result<CustomerProfile> {
        let name = validate::friendly_name(&input.friendly_name)?;
        let email = validate::email(&input.email)?;
        let policy = validate::sid("policySid", &input.policy_sid, "RN", "policy SID")?;
        let callback = input
            .status_callback
            .as_deref()
            .filter(|v| !v.trim().is_empty())
            .map(validate::status_callback)
            .transpose()?;
        let mut form = vec![
            ("FriendlyName", name.as_str()),
            ("Email", email.as_str()),
            ("PolicySid", policy.as_str()),
        ];
        if let Some(cb) = callback.as_deref() {
            form.push(("StatusCallback", cb));
        }
        self.post_json(c, self.url(&format!("/v1/{}", kind.collection())), &form)
            .await
    }

    /// `DELETE /v1/{Bundles}/{Sid}`.
    pub async fn delete_bundle(&self, c: &Credentials, kind: BundleKind, sid: &str) -> Result<()> {
        let path = Self::bundle_path(kind, sid)?;
        self.delete(c, self.url(&path)).await
    }

    // ---- What hangs off a bundle ----

    /// One page of a bundle's evaluations, newest first as Twilio lists them: the first
    /// page holds the [`EVALUATIONS_SHOWN`] newest, `next` the page after.
    pub async fn list_evaluations(
        &self,
        c: &Credentials,
        kind: BundleKind,
        sid: &str,
        next: Option<&str>,
    ) -> Result<Page<Evaluation>> {
        let page = match next {
            Some(next) => PageUrl::Next(next),
            None => {
                let path = Self::bundle_path(kind, sid)?;
                PageUrl::First(Self::first_page(
                    self.url(&format!("{path}/Evaluations")),
                    EVALUATIONS_SHOWN,
                ))
            }
        };
        self.page(c, page).await
    }

    /// `POST .../Evaluations` with the bundle's policy: runs a new compliance check.
    pub async fn create_evaluation(
        &self,
        c: &Credentials,
        kind: BundleKind,
        sid: &str,
        policy_sid: &str,
    ) -> Result<Evaluation> {
        let path = Self::bundle_path(kind, sid)?;
        let policy_sid = validate::sid("policySid", policy_sid, "RN", "Policy SID")?;
        self.post_json(
            c,
            self.url(&format!("{path}/Evaluations")),
            &[("PolicySid", policy_sid.as_str())],
        )
        .await
    }

    pub async fn list_entity_assignments(
        &self,
        c: &Credentials,
        kind: BundleKind,
        sid: &str,
    ) -> Result<Listing<EntityAssignment>> {
        let path = Self::bundle_path(kind, sid)?;
        let first = Self::first_page(self.url(&format!("{path}/EntityAssignments")), PAGE_SIZE);
        self.list_all(c, first, ListForm::TrustHub, "entity assignments")
            .await
    }

    pub async fn list_channel_endpoint_assignments(
        &self,
        c: &Credentials,
        kind: BundleKind,
        sid: &str,
    ) -> Result<Listing<ChannelEndpointAssignment>> {
        let path = Self::bundle_path(kind, sid)?;
        let first = Self::first_page(
            self.url(&format!("{path}/ChannelEndpointAssignments")),
            PAGE_SIZE,
        );
        self.list_all(c, first, ListForm::TrustHub, "phone number assignments")
            .await
    }

    /// The phone numbers (`PN…`) on a profile or Trust Product.
    pub async fn numbers_on(
        &self,
        c: &Credentials,
        kind: BundleKind,
        sid: &str,
    ) -> Result<std::collections::HashSet<String>> {
        Ok(self
            .list_channel_endpoint_assignments(c, kind, sid)
            .await?
            .records
            .into_iter()
            .filter_map(|a| a.channel_endpoint_sid)
            .collect())
    }

    /// `POST .../EntityAssignments` with `ObjectSid`: an end user (IT), a supporting
    /// document (RD), or another profile (BU).
    pub async fn assign_entity(
        &self,
        c: &Credentials,
        kind: BundleKind,
        sid: &str,
        object_sid: &str,
    ) -> Result<EntityAssignment> {
        let path = Self::bundle_path(kind, sid)?;
        let object = object_sid.trim();
        if !["IT", "RD", "BU"]
            .iter()
            .any(|p| validate::is_sid(object, p))
        {
            return Err(FieldError::new(
                "objectSid",
                "This is not the SID of an end user (IT…), a supporting document (RD…) or a profile (BU…).",
            )
            .into());
        }
        self.post_json(
            c,
            self.url(&format!("{path}/EntityAssignments")),
            &[("ObjectSid", object)],
        )
        .await
    }

    /// `DELETE .../EntityAssignments/{Sid}`.
    pub async fn unassign_entity(
        &self,
        c: &Credentials,
        kind: BundleKind,
        sid: &str,
        assignment_sid: &str,
    ) -> Result<()> {
        let path = Self::bundle_path(kind, sid)?;
        let assignment = validate::sid("assignmentSid", assignment_sid, "BV", "assignment SID")?;
        self.delete(
            c,
            self.url(&format!("{path}/EntityAssignments/{assignment}")),
        )
        .await
    }

    /// `POST .../ChannelEndpointAssignments`: one of the account's phone numbers (PN).
    pub async fn assign_phone_number(
        &self,
        c: &Credentials,
        kind: BundleKind,
        sid: &str,
        phone_number_sid: &str,
    ) -> Result<ChannelEndpointAssignment> {
        let path = Self::bundle_path(kind, sid)?;
        let number = validate::sid("phoneNumberSid", phone_number_sid, "PN", "phone number SID")?;
        self.post_json(
            c,
            self.url(&format!("{path}/ChannelEndpointAssignments")),
            &[
                ("ChannelEndpointType", "phone-number"),
                ("ChannelEndpointSid", number.as_str()),
            ],
        )
        .await
    }

    /// `DELETE .../ChannelEndpointAssignments/{Sid}`.
    pub async fn unassign_phone_number(
        &self,
        c: &Credentials,
        kind: BundleKind,
        sid: &str,
        assignment_sid: &str,
    ) -> Result<()> {
        let path = Self::bundle_path(kind, sid)?;
        let assignment = validate::sid("assignmentSid", assignment_sid, "RA", "assignment SID")?;
        self.delete(
            c,
            self.url(&format!("{path}/ChannelEndpointAssignments/{assignment}")),
        )
        .await
    }
}

/// Field checks for an update, run before anything is sent.
fn checked_update(update: &ProfileUpdate) -> Result<ProfileUpdate> {
    Ok(ProfileUpdate {
        status: update.status,
        status_callback: update
            .status_callback
            .as_deref()
            .map(validate::status_callback)
            .transpose()?,
        friendly_name: update
            .friendly_name
            .as_deref()
            .map(validate::friendly_name)
            .transpose()?,
        email: update.email.as_deref().map(validate::email).transpose()?,
    })
}
