//! The sandbox's toll-free verifications, following Twilio's rules: one per toll-free
//! number of the account; the fields Twilio requires; a decision after the review delay;
//! a rejected one edited (with a reason) only while its edit window is open (30824 after),
//! and deleted to start again.

use serde_json::{json, Map, Value};
use std::time::Instant;

use super::texting::{all, flag};
use super::{date, get, now, Db, Pairs, Refusal, Reply};
use crate::trusthub::messaging::tollfree_form::{CATEGORIES, OPT_IN_TYPES};
use crate::trusthub::messaging::tollfree_view::is_toll_free;

/// Twilio keeps a rejected verification open to edits for 7 days.
pub const EDIT_WINDOW: i64 = 7 * 86_400;

pub struct Verification {
    pub(super) sid: String,
    pub(super) number: String,
    /// Every field as sent, as Twilio echoes it (snake_case keys).
    pub(super) fields: Map<String, Value>,
    pub(super) status: &'static str,
    pub(super) rejection: Option<(i64, &'static str)>,
    pub(super) edit_until: Option<i64>,
    pub(super) created: i64,
    pub(super) updated: i64,
    pub(super) decide_at: Option<Instant>,
}

/// The form's text fields: Twilio's name, and the name it echoes. The two lists are read
/// apart (`read_form`).
const TEXT_FIELDS: [(&str, &str); 26] = [
    ("CustomerProfileSid", "customer_profile_sid"),
    ("BusinessName", "business_name"),
    ("BusinessWebsite", "business_website"),
    ("NotificationEmail", "notification_email"),
    ("UseCaseSummary", "use_case_summary"),
    ("ProductionMessageSample", "production_message_sample"),
    ("OptInType", "opt_in_type"),
    ("MessageVolume", "message_volume"),
    ("BusinessStreetAddress", "business_street_address"),
    ("BusinessStreetAddress2", "business_street_address2"),
    ("BusinessCity", "business_city"),
    (
        "BusinessStateProvinceRegion",
        "business_state_province_region",
    ),
    ("BusinessPostalCode", "business_postal_code"),
    ("BusinessCountry", "business_country"),
    ("BusinessContactFirstName", "business_contact_first_name"),
    ("BusinessContactLastName", "business_contact_last_name"),
    ("BusinessContactEmail", "business_contact_email"),
    ("BusinessContactPhone", "business_contact_phone"),
    ("BusinessType", "business_type"),
    ("BusinessRegistrationNumber", "business_registration_number"),
    (
        "BusinessRegistrationAuthority",
        "business_registration_authority",
    ),
    (
        "BusinessRegistrationCountry",
        "business_registration_country",
    ),
    ("AdditionalInformation", "additional_information"),
    ("DoingBusinessAs", "doing_business_as"),
    ("PrivacyPolicyUrl", "privacy_policy_url"),
    ("TermsAndConditionsUrl", "terms_and_conditions_url"),
];
const REQUIRED: [&str; 8] = [
    "BusinessName",
    "BusinessWebsite",
    "NotificationEmail",
    "UseCaseSummary",
    "ProductionMessageSample",
    "OptInType",
    "MessageVolume",
    "TollfreePhoneNumberSid",
];

/// The form's fields into `fields`, checked as Twilio checks them.
fn read_form(form: &Pairs, fields: &mut Map<String, Value>) -> Result<(), Refusal> {
    for (name, key) in TEXT_FIELDS {
        if let Some(v) = get(form, name) {
            fields.insert(key.to_owned(), json!(v));
        }
    }
    let categories = all(form, "UseCaseCategories");
    if let Some(bad) = categories.iter().find(|c| !CATEGORIES.contains(c)) {
        return Err(Refusal::invalid(
            "UseCaseCategories",
            &format!("has an unknown category {bad}"),
        ));
    }
    if !categories.is_empty() {
        fields.insert("use_case_categories".into(), json!(categories));
    }
    let images = all(form, "OptInImageUrls");
    if images.iter().any(|u| !u.starts_with("https://")) {
        return Err(Refusal::invalid(
            "OptInImageUrls",
            "must be publicly hosted https URLs",
        ));
    }
    if !images.is_empty() {
        fields.insert("opt_in_image_urls".into(), json!(images));
    }
    if let Some(t) = get(form, "OptInType") {
        if !OPT_IN_TYPES.contains(&t) {
            return Err(Refusal::invalid("OptInType", "is not an opt-in type"));
        }
    }
    if let Some(age) = flag(form, "AgeGatedContent")? {
        fields.insert("age_gated_content".into(), json!(age));
    }
    Ok(())
}

impl Db {
    /// Decisions whose time has come: approved.
    pub(super) fn settle_tollfree(&mut self) {
        let now_at = Instant::now();
        let stamp = now();
        for v in &mut self.texting.tollfree {
            if v.decide_at.is_some_and(|t| t <= now_at) {
                v.decide_at = None;
                v.status = "TWILIO_APPROVED";
                v.updated = stamp;
            }
        }
    }

    fn render_tollfree(&self, v: &Verification) -> Value {
        let mut out = v.fields.clone();
        let number = self.numbers.iter().find(|n| n.sid == v.number);
        let rejected = v.status == "TWILIO_REJECTED";
        let open = rejected && v.edit_until.is_some_and(|u| u > now());
        for (k, value) in [
            ("sid", json!(v.sid)),
            ("account_sid", json!(self.account_sid)),
            ("tollfree_phone_number_sid", json!(v.number)),
            (
                "tollfree_phone_number",
                json!(number.map(|n| n.phone_number.clone())),
            ),
            ("status", json!(v.status)),
            ("date_created", json!(date(v.created))),
            ("date_updated", json!(date(v.updated))),
            (
                "url",
                json!(format!("{}/v1/Tollfree/Verifications/{}", self.base, v.sid)),
            ),
            ("error_code", json!(v.rejection.map(|r| r.0))),
            ("rejection_reason", json!(v.rejection.map(|r| r.1))),
            (
                "rejection_reasons",
                json!(v
                    .rejection
                    .map(|(code, reason)| vec![json!({"code": code, "reason": reason})])),
            ),
            ("edit_allowed", json!(rejected.then_some(open))),
            (
                "edit_expiration",
                json!(v.edit_until.filter(|_| rejected).map(date)),
            ),
        ] {
            out.insert(k.to_owned(), value);
        }
        Value::Object(out)
    }

    fn tollfree_index(&self, sid: &str, path: &str) -> Result<usize, Refusal> {
        self.texting
            .tollfree
            .iter()
            .position(|v| v.sid == sid)
            .ok_or_else(|| Refusal::not_found(path))
    }

    pub fn list_tollfree(&mut self, path: &str, query: &Pairs) -> Reply {
        self.settle_tollfree();
        let number = get(query, "TollfreePhoneNumberSid");
        let status = get(query, "Status");
        let chosen: Vec<&Verification> = self
            .texting
            .tollfree
            .iter()
            .filter(|v| number.is_none_or(|n| v.number == n))
            .filter(|v| status.is_none_or(|s| v.status == s))
            .collect();
        let rendered = super::page_slice(&chosen, query)?
            .iter()
            .map(|v| self.render_tollfree(v))
            .collect();
        let mut filters = Vec::new();
        if let Some(n) = number {
            filters.push(("TollfreePhoneNumberSid", n.to_owned()));
        }
        Ok(self.page(
            path,
            "verifications",
            &filters,
            query,
            chosen.len(),
            rendered,
        ))
    }

    pub fn fetch_tollfree(&mut self, sid: &str, path: &str) -> Reply {
        self.settle_tollfree();
        let i = self.tollfree_index(sid, path)?;
        Ok(self
            .texting
            .tollfree
            .get(i)
            .map(|v| self.render_tollfree(v))
            .unwrap_or_default())
    }

    pub fn create_tollfree(&mut self, form: &Pairs) -> Reply {
        for name in REQUIRED {
            if get(form, name).is_none_or(|v| v.trim().is_empty()) {
                return Err(Refusal::missing(name));
            }
        }
        for name in ["UseCaseCategories", "OptInImageUrls"] {
            if all(form, name).is_empty() {
                return Err(Refusal::missing(name));
            }
        }
        let number = get(form, "TollfreePhoneNumberSid").unwrap_or_default();
        let toll_free = self
            .numbers
            .iter()
            .any(|n| n.sid == number && is_toll_free(&n.phone_number));
        if !toll_free {
            return Err(Refusal::invalid(
                "TollfreePhoneNumberSid",
                "is not a toll-free number of this account",
            ));
        }
        if self.texting.tollfree.iter().any(|v| v.number == number) {
            return Err(Refusal::new(
                409,
                30_359,
                "A verification already exists for this toll-free number",
            ));
        }
        let mut fields = Map::new();
        read_form(form, &mut fields)?;
        let stamp = now();
        let v = Verification {
            sid: self.new_sid("HH"),
            number: number.to_owned(),
            fields,
            status: "PENDING_REVIEW",
            rejection: None,
            edit_until: None,
            created: stamp,
            updated: stamp,
            decide_at: Instant::now().checked_add(self.review_delay),
        };
        let rendered = self.render_tollfree(&v);
        self.texting.tollfree.push(v);
        Ok(rendered)
    }

    /// An edit: only of a rejected verification within its window, with `EditReason`.
    pub fn edit_tollfree(&mut self, sid: &str, path: &str, form: &Pairs) -> Reply {
        self.settle_tollfree();
        let i = self.tollfree_index(sid, path)?;
        let stamp = now();
        let delay = self.review_delay;
        let v = self
            .texting
            .tollfree
            .get_mut(i)
            .ok_or_else(|| Refusal::not_found(path))?;
        if v.status != "TWILIO_REJECTED" {
            return Err(Refusal::new(
                400,
                30_824,
                "Only a rejected verification can be edited",
            ));
        }
        if v.edit_until.is_none_or(|u| u <= stamp) {
            return Err(Refusal::new(
                400,
                30_824,
                "The edit window of this verification has expired; delete it and submit a new one",
            ));
        }
        if get(form, "EditReason").is_none_or(|r| r.trim().is_empty()) {
            return Err(Refusal::missing("EditReason"));
        }
        let mut fields = v.fields.clone();
        read_form(form, &mut fields)?;
        v.fields = fields;
        v.status = "PENDING_REVIEW";
        v.rejection = None;
        v.edit_until = None;
        v.updated = stamp;
        v.decide_at = Instant::now().checked_add(delay);
        let v = self
            .texting
            .tollfree
            .get(i)
            .ok_or_else(|| Refusal::not_found(path))?;
        Ok(self.render_tollfree(v))
    }

    pub fn delete_tollfree(&mut self, sid: &str, path: &str) -> Result<(), Refusal> {
        let i = self.tollfree_index(sid, path)?;
        self.texting.tollfree.remove(i);
        Ok(())
    }
}
