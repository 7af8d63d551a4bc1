//! What is assigned to a bundle: entities (end users, documents, other bundles) and
//! channel endpoints (phone numbers). A bundle in review or approved cannot change its
//! entities; phone numbers go on approved bundles too, not on one in review.

use serde_json::{json, Value};

use super::{date, get, now, Assignment, BundleKind, Db, Pairs, Refusal, Reply};
use crate::sandbox::catalog;
use crate::trusthub::models::ProfileStatus;
use crate::trusthub::validate;

fn locked(status: ProfileStatus) -> bool {
    matches!(
        status,
        ProfileStatus::PendingReview | ProfileStatus::InReview | ProfileStatus::TwilioApproved
    )
}

impl Db {
    /// Whether an object is assigned to a bundle that may not change now.
    pub(super) fn assigned_to_locked_bundle(&self, object_sid: &str) -> bool {
        self.entities.iter().any(|(bundle, list)| {
            list.iter().any(|a| a.object_sid == object_sid)
                && self
                    .index
                    .get(bundle)
                    .and_then(|i| self.bundles.get(*i))
                    .is_some_and(|b| locked(b.status))
        })
    }

    fn unlocked(&mut self, kind: BundleKind, sid: &str, path: &str) -> Result<(), Refusal> {
        let i = self.bundle_index(kind, sid, path)?;
        let status = self.bundle(i)?.status;
        if locked(status) {
            return Err(Refusal::locked(status));
        }
        Ok(())
    }

    /// The bundle's index when its phone numbers may change: not while under review.
    fn numbers_open(&mut self, kind: BundleKind, sid: &str, path: &str) -> Result<usize, Refusal> {
        let i = self.bundle_index(kind, sid, path)?;
        let status = self.bundle(i)?.status;
        if matches!(
            status,
            ProfileStatus::PendingReview | ProfileStatus::InReview
        ) {
            return Err(Refusal::locked(status));
        }
        Ok(i)
    }

    fn render_entity(&self, kind: BundleKind, bundle: &str, a: &Assignment, path: &str) -> Value {
        json!({
            "sid": a.sid,
            kind.sid_field(): bundle,
            "account_sid": self.account_sid,
            "object_sid": a.object_sid,
            "date_created": date(a.created),
            "url": format!("{}{path}/{}", self.base, a.sid),
        })
    }

    fn render_channel(&self, kind: BundleKind, bundle: &str, a: &Assignment, path: &str) -> Value {
        json!({
            "sid": a.sid,
            kind.sid_field(): bundle,
            "account_sid": self.account_sid,
            "channel_endpoint_type": "phone-number",
            "channel_endpoint_sid": a.object_sid,
            "date_created": date(a.created),
            "url": format!("{}{path}/{}", self.base, a.sid),
        })
    }

    pub fn list_entity_assignments(
        &mut self,
        kind: BundleKind,
        sid: &str,
        path: &str,
        query: &Pairs,
    ) -> Reply {
        self.bundle_index(kind, sid, path)?;
        let items: Vec<&Assignment> = self
            .entities
            .get(sid)
            .map(|v| v.iter().collect())
            .unwrap_or_default();
        self.results_page(path, &[], query, &items, |a| {
            self.render_entity(kind, sid, a, path)
        })
    }

    pub fn list_channel_assignments(
        &mut self,
        kind: BundleKind,
        sid: &str,
        path: &str,
        query: &Pairs,
    ) -> Reply {
        self.bundle_index(kind, sid, path)?;
        let items: Vec<&Assignment> = self
            .channels
            .get(sid)
            .map(|v| v.iter().collect())
            .unwrap_or_default();
        self.results_page(path, &[], query, &items, |a| {
            self.render_channel(kind, sid, a, path)
        })
    }

    /// `POST .../EntityAssignments` with `ObjectSid`: an end user or document of this
    /// account, or a bundle (which may be another account's: the parent's primary).
    pub fn assign_entity(
        &mut self,
        kind: BundleKind,
        sid: &str,
        path: &str,
        form: &Pairs,
    ) -> Reply {
        self.unlocked(kind, sid, path)?;
        let object = get(form, "ObjectSid").ok_or_else(|| Refusal::missing("ObjectSid"))?;
        let known = self.object(object).is_some()
            || self.index.contains_key(object)
            || (validate::is_sid(object, "BU") && self.knows_foreign(object));
        if !known {
            return Err(Refusal::invalid(
                "ObjectSid",
                "is not an object of this account",
            ));
        }
        if object == sid {
            return Err(Refusal::invalid(
                "ObjectSid",
                "cannot be the profile itself",
            ));
        }
        if self
            .entities
            .get(sid)
            .is_some_and(|l| l.iter().any(|a| a.object_sid == object))
        {
            return Err(Refusal::new(
                400,
                22226,
                "This object is already assigned to the profile",
            ));
        }
        let a = Assignment {
            sid: self.new_sid("BV"),
            object_sid: object.to_owned(),
            created: now(),
        };
        let rendered = self.render_entity(kind, sid, &a, path);
        self.entities.entry(sid.to_owned()).or_default().push(a);
        Ok(rendered)
    }

    pub fn fetch_entity_assignment(
        &mut self,
        kind: BundleKind,
        sid: &str,
        assignment: &str,
        path: &str,
    ) -> Reply {
        self.bundle_index(kind, sid, path)?;
        let list_path = path.rsplit_once('/').map_or(path, |(p, _)| p);
        self.entities
            .get(sid)
            .and_then(|l| l.iter().find(|a| a.sid == assignment))
            .map(|a| self.render_entity(kind, sid, a, list_path))
            .ok_or_else(|| Refusal::not_found(path))
    }

    pub fn unassign_entity(
        &mut self,
        kind: BundleKind,
        sid: &str,
        assignment: &str,
        path: &str,
    ) -> Result<(), Refusal> {
        self.unlocked(kind, sid, path)?;
        let list = self.entities.entry(sid.to_owned()).or_default();
        let before = list.len();
        list.retain(|a| a.sid != assignment);
        if list.len() == before {
            return Err(Refusal::not_found(path));
        }
        Ok(())
    }

    /// `POST .../ChannelEndpointAssignments`: a phone number of this account. Numbers go
    /// on approved profiles and products too (that is what approval is for), not on one
    /// under review. A number is on one Customer-Profile at most; on a voice Trust Product
    /// (SHAKEN/STIR, CNAM, Voice Integrity) only once it is on the product's Customer-Profile.
    pub fn assign_channel(
        &mut self,
        kind: BundleKind,
        sid: &str,
        path: &str,
        form: &Pairs,
    ) -> Reply {
        let i = self.numbers_open(kind, sid, path)?;
        let policy = self.bundle(i)?.policy_sid.clone();
        let endpoint_type = get(form, "ChannelEndpointType")
            .ok_or_else(|| Refusal::missing("ChannelEndpointType"))?;
        if endpoint_type != "phone-number" {
            return Err(Refusal::invalid(
                "ChannelEndpointType",
                "must be phone-number",
            ));
        }
        let number = get(form, "ChannelEndpointSid")
            .ok_or_else(|| Refusal::missing("ChannelEndpointSid"))?;
        if !self.numbers.iter().any(|n| n.sid == number) {
            return Err(Refusal::invalid(
                "ChannelEndpointSid",
                "is not a phone number of this account",
            ));
        }
        let on = |db: &Self, bundle: &str| {
            db.channels
                .get(bundle)
                .is_some_and(|l| l.iter().any(|a| a.object_sid == number))
        };
        if on(self, sid) {
            return Err(Refusal::new(
                400,
                22227,
                "This phone number is already assigned to this bundle",
            ));
        }
        if kind == BundleKind::CustomerProfile
            && self.channels.keys().any(|b| {
                on(self, b)
                    && self
                        .index
                        .get(b)
                        .and_then(|i| self.bundles.get(*i))
                        .is_some_and(|x| x.kind == BundleKind::CustomerProfile)
            })
        {
            return Err(Refusal::new(
                400,
                22227,
                "This phone number is already assigned to a profile",
            ));
        }
        let voice = [
            catalog::shaken_stir_policy(),
            catalog::cnam_policy(),
            catalog::voice_integrity_policy(),
        ]
        .contains(&policy);
        if voice {
            let on_its_profile = self
                .entities
                .get(sid)
                .into_iter()
                .flatten()
                .any(|a| a.object_sid.starts_with("BU") && on(self, &a.object_sid));
            if !on_its_profile {
                return Err(Refusal::invalid(
                    "ChannelEndpointSid",
                    "must be assigned to the Trust Product's Customer-Profile first",
                ));
            }
        }
        let a = Assignment {
            sid: self.new_sid("RA"),
            object_sid: number.to_owned(),
            created: now(),
        };
        let rendered = self.render_channel(kind, sid, &a, path);
        self.channels.entry(sid.to_owned()).or_default().push(a);
        Ok(rendered)
    }

    pub fn unassign_channel(
        &mut self,
        kind: BundleKind,
        sid: &str,
        assignment: &str,
        path: &str,
    ) -> Result<(), Refusal> {
        self.numbers_open(kind, sid, path)?;
        let list = self.channels.entry(sid.to_owned()).or_default();
        let before = list.len();
        list.retain(|a| a.sid != assignment);
        if list.len() == before {
            return Err(Refusal::not_found(path));
        }
        Ok(())
    }
}
