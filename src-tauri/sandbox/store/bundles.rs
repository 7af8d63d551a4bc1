//! Customer-Profiles and Trust Products: list, fetch, create, update, delete, and the
//! review Twilio does after a submission.

use serde_json::{json, Value};
use std::time::Instant;

use super::{date, get, later, now, Bundle, Db, Pairs, Refusal, Reply};
use crate::sandbox::catalog;
use crate::trusthub::models::ProfileStatus;
use crate::trusthub::validate;

/// Which of the two kinds of bundle a path is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BundleKind {
    CustomerProfile,
    TrustProduct,
}

impl BundleKind {
    pub fn collection(self) -> &'static str {
        match self {
            BundleKind::CustomerProfile => "CustomerProfiles",
            BundleKind::TrustProduct => "TrustProducts",
        }
    }

    /// The prefix of its sub-resources' names in `links` and their SID fields.
    fn link_prefix(self) -> &'static str {
        match self {
            BundleKind::CustomerProfile => "customer_profiles",
            BundleKind::TrustProduct => "trust_products",
        }
    }

    /// The name of the field that holds the bundle's SID in its sub-resources.
    pub fn sid_field(self) -> &'static str {
        match self {
            BundleKind::CustomerProfile => "customer_profile_sid",
            BundleKind::TrustProduct => "trust_product_sid",
        }
    }

    fn words(self) -> &'static str {
        match self {
            BundleKind::CustomerProfile => "Customer Profile",
            BundleKind::TrustProduct => "Trust Product",
        }
    }
}

impl Db {
    /// A submitted bundle moves from pending-review to in-review after the delay; one with
    /// a decision due is then approved, or rejected if its data does not comply.
    pub(super) fn settle(&mut self) {
        let due: Vec<usize> = self
            .bundles
            .iter()
            .enumerate()
            .filter(|(_, b)| b.decide_at.is_some_and(|at| Instant::now() >= at))
            .map(|(i, _)| i)
            .collect();
        for b in &mut self.bundles {
            if b.submitted
                .is_some_and(|at| at.elapsed() >= self.review_delay)
            {
                b.status = ProfileStatus::InReview;
                b.updated = now().max(later(b.updated, 1));
                b.submitted = None;
                if let Some(delay) = self.decision_delay {
                    b.decide_at = Instant::now().checked_add(delay);
                }
            }
        }
        for i in due {
            let Some(sid) = self.bundles.get(i).map(|b| b.sid.clone()) else {
                continue;
            };
            let compliant = self.complies(&sid);
            if let Some(b) = self.bundles.get_mut(i) {
                b.decide_at = None;
                b.updated = now().max(later(b.updated, 1));
                if compliant {
                    b.status = ProfileStatus::TwilioApproved;
                    b.valid_until = Some(later(now(), 365 * 86_400));
                    b.errors.clear();
                } else {
                    b.status = ProfileStatus::TwilioRejected;
                    b.errors = vec![18601];
                }
            }
        }
    }

    /// The bundle `sid` of `kind`, or Twilio's 404 for `path`.
    pub(super) fn bundle_index(
        &mut self,
        kind: BundleKind,
        sid: &str,
        path: &str,
    ) -> Result<usize, Refusal> {
        self.settle();
        self.index
            .get(sid)
            .copied()
            .filter(|i| self.bundles.get(*i).is_some_and(|b| b.kind == kind))
            .ok_or_else(|| Refusal::not_found(path))
    }

    pub(super) fn bundle(&self, i: usize) -> Result<&Bundle, Refusal> {
        self.bundles
            .get(i)
            .ok_or_else(|| Refusal::new(500, 20500, "Internal Server Error"))
    }

    /// A bundle as Twilio renders it.
    pub(super) fn render_bundle(&self, b: &Bundle) -> Value {
        let own = format!("{}/v1/{}/{}", self.base, b.kind.collection(), b.sid);
        let p = b.kind.link_prefix();
        json!({
            "sid": b.sid,
            "account_sid": self.account_sid,
            "policy_sid": b.policy_sid,
            "friendly_name": b.name,
            "status": b.status.as_str(),
            "valid_until": b.valid_until.map(date),
            "email": b.email,
            "status_callback": b.callback,
            "date_created": date(b.created),
            "date_updated": date(b.updated),
            "url": own,
            "links": {
                format!("{p}_entity_assignments"): format!("{own}/EntityAssignments"),
                format!("{p}_evaluations"): format!("{own}/Evaluations"),
                format!("{p}_channel_endpoint_assignment"): format!("{own}/ChannelEndpointAssignments"),
            },
            "errors": if b.errors.is_empty() { Value::Null } else { json!(b.errors.iter().map(|c| json!({"code": c})).collect::<Vec<_>>()) },
        })
    }

    pub fn fetch_bundle(&mut self, kind: BundleKind, sid: &str, path: &str) -> Reply {
        let i = self.bundle_index(kind, sid, path)?;
        Ok(self.render_bundle(self.bundle(i)?))
    }

    pub fn list_bundles(&mut self, kind: BundleKind, query: &Pairs) -> Reply {
        self.settle();
        let status = get(query, "Status")
            .map(|s| {
                ProfileStatus::parse(s).ok_or_else(|| {
                    Refusal::invalid("Status", &format!("{s:?} is not a valid status"))
                })
            })
            .transpose()?;
        let name = get(query, "FriendlyName")
            .map(str::to_lowercase)
            .filter(|n| !n.is_empty());
        let policy = get(query, "PolicySid");
        let records: Vec<&Bundle> = self
            .bundles
            .iter()
            .filter(|b| b.kind == kind)
            .filter(|b| status.is_none_or(|s| b.status == s))
            .filter(|b| {
                name.as_ref()
                    .is_none_or(|n| b.name.to_lowercase().contains(n.as_str()))
            })
            .filter(|b| policy.is_none_or(|s| b.policy_sid == s))
            .collect();
        let mut filters = Vec::new();
        for key in ["Status", "FriendlyName", "PolicySid"] {
            if let Some(v) = get(query, key) {
                filters.push((key, v.to_owned()));
            }
        }
        let path = format!("/v1/{}", kind.collection());
        self.results_page(&path, &filters, query, &records, |b| self.render_bundle(b))
    }

    /// `POST /v1/CustomerProfiles` or `/v1/TrustProducts`: FriendlyName, Email, PolicySid.
    pub fn create_bundle(&mut self, kind: BundleKind, form: &Pairs) -> Reply {
        let name = get(form, "FriendlyName")
            .filter(|v| !v.trim().is_empty())
            .ok_or_else(|| Refusal::missing("FriendlyName"))?;
        let email = get(form, "Email").ok_or_else(|| Refusal::missing("Email"))?;
        validate::email(email)
            .map_err(|_| Refusal::invalid("Email", "is not an e-mail address"))?;
        let policy = get(form, "PolicySid").ok_or_else(|| Refusal::missing("PolicySid"))?;
        if catalog::policy(policy).is_none() {
            return Err(Refusal::invalid("PolicySid", "is not a policy"));
        }
        let for_trust_products = catalog::is_trust_product_policy(policy);
        if for_trust_products != (kind == BundleKind::TrustProduct) {
            return Err(Refusal::invalid(
                "PolicySid",
                &format!("is not a policy for a {}", kind.words()),
            ));
        }
        if kind == BundleKind::CustomerProfile && policy == catalog::primary_policy() {
            return Err(Refusal::new(
                400,
                22222,
                "Primary Customer Profiles can only be created in the Twilio Console",
            ));
        }
        let callback = get(form, "StatusCallback").map(str::to_owned);
        let sid = self.new_sid("BU");
        let t = now();
        self.insert_bundle(Bundle {
            sid: sid.clone(),
            kind,
            policy_sid: policy.to_owned(),
            name: name.to_owned(),
            status: ProfileStatus::Draft,
            email: email.to_owned(),
            callback,
            valid_until: None,
            created: t,
            updated: t,
            errors: Vec::new(),
            submitted: None,
            decide_at: None,
        });
        let i = self.bundle_index(kind, &sid, "/")?;
        Ok(self.render_bundle(self.bundle(i)?))
    }

    pub(super) fn insert_bundle(&mut self, bundle: Bundle) {
        self.index.insert(bundle.sid.clone(), self.bundles.len());
        self.bundles.push(bundle);
    }

    /// `DELETE`: a draft or a rejected bundle can go; one in review or approved cannot.
    pub fn delete_bundle(
        &mut self,
        kind: BundleKind,
        sid: &str,
        path: &str,
    ) -> Result<(), Refusal> {
        let i = self.bundle_index(kind, sid, path)?;
        let status = self.bundle(i)?.status;
        if !matches!(status, ProfileStatus::Draft | ProfileStatus::TwilioRejected) {
            return Err(Refusal::new(
                400,
                22223,
                format!(
                    "{} can't be deleted while its status is {status}",
                    kind.words()
                ),
            ));
        }
        self.bundles.remove(i);
        self.index = self
            .bundles
            .iter()
            .enumerate()
            .map(|(i, b)| (b.sid.clone(), i))
            .collect();
        self.evaluations.remove(sid);
        self.entities.remove(sid);
        self.channels.remove(sid);
        Ok(())
    }

    /// `POST .../{Sid}` with Status, StatusCallback, FriendlyName and Email as Twilio allows.
    pub fn update_bundle(
        &mut self,
        kind: BundleKind,
        sid: &str,
        path: &str,
        form: &Pairs,
    ) -> Reply {
        let i = self.bundle_index(kind, sid, path)?;
        let current = self.bundle(i)?.status;
        let next = get(form, "Status")
            .map(|s| {
                ProfileStatus::parse(s).ok_or_else(|| {
                    Refusal::invalid("Status", &format!("{s:?} is not a valid status"))
                })
            })
            .transpose()?;
        let other_fields = ["FriendlyName", "Email", "StatusCallback"]
            .iter()
            .any(|k| get(form, k).is_some());
        if next.is_some() && other_fields {
            return Err(Refusal::new(
                400,
                22204,
                "Status cannot be updated together with other properties",
            ));
        }
        if matches!(
            current,
            ProfileStatus::PendingReview | ProfileStatus::InReview | ProfileStatus::TwilioApproved
        ) {
            return Err(Refusal::locked(current));
        }
        if let Some(v) = get(form, "Email") {
            validate::email(v)
                .map_err(|_| Refusal::invalid("Email", "is not an e-mail address"))?;
        }
        if let Some(v) = get(form, "StatusCallback") {
            validate::status_callback(v)
                .map_err(|_| Refusal::invalid("StatusCallback", "is not a valid URL"))?;
        }
        if let Some(v) = get(form, "FriendlyName") {
            if v.trim().is_empty() {
                return Err(Refusal::invalid("FriendlyName", "must not be empty"));
            }
        }
        if let Some(next) = next {
            match next {
                ProfileStatus::PendingReview | ProfileStatus::Draft => {}
                _ => {
                    return Err(Refusal::invalid(
                        "Status",
                        &format!("{next} can only be set by Twilio"),
                    ))
                }
            }
        }
        let b = self
            .bundles
            .get_mut(i)
            .ok_or_else(|| Refusal::not_found(path))?;
        if let Some(next) = next {
            if next == ProfileStatus::PendingReview {
                b.submitted = Some(Instant::now());
                b.errors.clear();
            }
            b.status = next;
        }
        if let Some(v) = get(form, "FriendlyName") {
            v.clone_into(&mut b.name);
        }
        if let Some(v) = get(form, "Email") {
            v.clone_into(&mut b.email);
        }
        if let Some(v) = get(form, "StatusCallback") {
            b.callback = Some(v.to_owned());
        }
        b.updated = now().max(later(b.updated, 1));
        let i = self.bundle_index(kind, sid, path)?;
        Ok(self.render_bundle(self.bundle(i)?))
    }

    /// Whether the bundle's data meets its policy now (the decision Twilio takes).
    fn complies(&self, sid: &str) -> bool {
        self.evaluate(sid).0
    }

    /// The status of one of this account's bundles, for another account's evaluation.
    pub fn bundle_status(&self, sid: &str) -> Option<(ProfileStatus, BundleKind)> {
        self.index
            .get(sid)
            .and_then(|i| self.bundles.get(*i))
            .map(|b| (b.status, b.kind))
    }
}
