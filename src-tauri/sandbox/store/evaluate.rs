//! Evaluations computed from the data, as Twilio does: each requirement of the bundle's
//! policy is met by an assigned object whose fields are present and valid, or it fails
//! with Twilio's error code and a reason beside the field it is about.

use serde_json::{json, Value};

use super::{date, get, now, BundleKind, Db, Evaluation, Pairs, Refusal, Reply};
use crate::sandbox::catalog;
use crate::trusthub::choices;
use crate::trusthub::models::ProfileStatus;
use crate::trusthub::validate;

/// A requirement's object is not assigned.
const MISSING_OBJECT: i64 = 22214;
/// A field of it is empty.
const MISSING_FIELD: i64 = 22215;
/// A field of it is not valid.
const INVALID_FIELD: i64 = 22216;
/// A linked profile or document is not approved (yet).
const NOT_APPROVED: i64 = 22218;
/// The primary profile linked is not marked as an ISV reseller or partner.
const NOT_ISV: i64 = 22219;

/// A key of a JSON object, or nothing.
fn at<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.get(key)
}

/// A key of a JSON object as text.
fn text<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// A key of a JSON object as a list.
fn list<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    v.get(key).and_then(Value::as_array).into_iter().flatten()
}

fn field_result(friendly: &str, machine: &str, failure: Option<(&str, i64)>) -> Value {
    json!({
        "friendly_name": friendly,
        "object_field": machine,
        "failure_reason": failure.map(|(r, _)| r),
        "error_code": failure.map(|(_, c)| c),
    })
}

/// The values of an attribute: a string, or each string of a list.
fn values(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => s
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        Some(Value::Number(n)) => vec![n.to_string()],
        _ => Vec::new(),
    }
}

/// Why a field's value is not one Twilio accepts, if it is not.
fn invalid_value(machine: &str, value: &str, whole: Option<&Value>) -> Option<String> {
    let ok = match machine {
        "email" | "brand_contact_email" => validate::email(value).is_ok(),
        "phone_number" => {
            let digits = value.strip_prefix('+').unwrap_or("");
            (2..=15).contains(&digits.len())
                && digits.bytes().all(|b| b.is_ascii_digit())
                && !digits.starts_with('0')
        }
        "website_url" | "social_media_profile_urls" => {
            validate::web_address(machine, value).is_ok()
        }
        _ => choices::accepts(machine, value),
    };
    if ok {
        return None;
    }
    let shown = whole.and_then(Value::as_str).unwrap_or(value);
    Some(match machine {
        "phone_number" => format!("The phone number {shown:?} is not in international format (+1 …), such as +14155550100."),
        "email" | "brand_contact_email" => format!("{shown:?} is not an e-mail address."),
        "website_url" | "social_media_profile_urls" => format!("{shown:?} is not a web address."),
        _ => format!("{shown:?} is not one of the values Twilio accepts."),
    })
}

impl Db {
    /// Whether the bundle `sid` meets its policy, and the results item by item.
    pub(super) fn evaluate(&self, sid: &str) -> (bool, Value) {
        let Some(bundle) = self.index.get(sid).and_then(|i| self.bundles.get(*i)) else {
            return (false, json!([]));
        };
        let words = match bundle.kind {
            BundleKind::CustomerProfile => "Customer-Profile",
            BundleKind::TrustProduct => "Trust Product",
        };
        let Some((_, requirements)) = catalog::policy(&bundle.policy_sid) else {
            return (false, json!([]));
        };
        let assigned: Vec<&str> = self
            .entities
            .get(sid)
            .map(|l| l.iter().map(|a| a.object_sid.as_str()).collect())
            .unwrap_or_default();
        let mut results = Vec::new();

        for req in list(&requirements, "end_user") {
            let type_name = text(req, "type").unwrap_or_default();
            let name = text(req, "name").unwrap_or(type_name);
            let object = assigned
                .iter()
                .filter_map(|s| self.end_users.get(*s))
                .find(|o| o.kind == type_name);
            let kind = catalog::end_user_type(type_name);
            results.push(self.check_object(req, name, type_name, object, kind, words));
        }

        for alternatives in list(&requirements, "supporting_document") {
            for req in alternatives.as_array().into_iter().flatten() {
                let accepted: Vec<&str> = list(req, "accepted_documents")
                    .filter_map(|d| text(d, "type"))
                    .collect();
                let name = text(req, "name").unwrap_or("Document");
                let object = assigned
                    .iter()
                    .filter_map(|s| self.documents.get(*s))
                    .find(|o| accepted.contains(&o.kind.as_str()));
                let type_name = object
                    .map(|o| o.kind.as_str())
                    .or_else(|| accepted.first().copied())
                    .unwrap_or_default();
                let kind = catalog::document_type(type_name);
                results.push(self.check_object(req, name, type_name, object, kind, words));
            }
        }

        for req in list(&requirements, "supporting_customer_profiles") {
            let name = text(req, "name").unwrap_or("Customer Profile");
            let requirement = text(req, "requirement_name").unwrap_or_default();
            let linked: Vec<(ProfileStatus, BundleKind)> = assigned
                .iter()
                .filter(|s| s.starts_with("BU"))
                .filter_map(|s| {
                    self.bundle_status(s)
                        .or_else(|| self.foreign.get(*s).copied())
                })
                .filter(|(_, k)| *k == BundleKind::CustomerProfile)
                .collect();
            // A primary must be approved; a trust product's profile may also be on its way.
            let good = |s: ProfileStatus| match requirement {
                "primary_customer_profile" => s == ProfileStatus::TwilioApproved,
                _ => matches!(
                    s,
                    ProfileStatus::TwilioApproved
                        | ProfileStatus::InReview
                        | ProfileStatus::PendingReview
                ),
            };
            // A secondary profile needs a primary that serves customers: an ISV reseller
            // or partner. (The parent account's primary is not readable here: taken as one.)
            let isv = assigned
                .iter()
                .filter(|s| s.starts_with("BU") && self.index.contains_key(**s))
                .all(|s| self.is_isv(s));
            let failure = if linked.is_empty() {
                Some((
                    format!("The {name} is missing. Assign it to the {words}."),
                    MISSING_OBJECT,
                ))
            } else if !linked.iter().any(|(s, _)| good(*s)) {
                Some((
                    format!("The {name} assigned is not approved by Twilio yet."),
                    NOT_APPROVED,
                ))
            } else if requirement == "primary_customer_profile" && !isv {
                Some((
                    format!("The {name} is not marked as an ISV reseller or partner, so it cannot have secondary profiles."),
                    NOT_ISV,
                ))
            } else {
                None
            };
            results.push(json!({
                "friendly_name": name,
                "object_type": at(req, "type"),
                "passed": failure.is_none(),
                "failure_reason": failure.as_ref().map(|(r, _)| r),
                "error_code": failure.as_ref().map(|(_, c)| c),
                "requirement_name": requirement,
                "requirement_friendly_name": name,
                "valid": if failure.is_none() { json!([field_result(name, "customer_profile_sid", None)]) } else { json!([]) },
                "invalid": failure.as_ref().map_or(json!([]), |(r, c)| json!([field_result(name, "customer_profile_sid", Some((r, *c)))])),
            }));
        }

        let compliant = results.iter().all(|r| r["passed"] == true);
        (compliant, Value::Array(results))
    }

    /// Whether the bundle `sid`'s business information says it is an ISV reseller or partner.
    fn is_isv(&self, sid: &str) -> bool {
        self.entities.get(sid).is_some_and(|assigned| {
            assigned.iter().any(|a| {
                self.end_users.get(&a.object_sid).is_some_and(|o| {
                    o.kind == "customer_profile_business_information"
                        && o.attributes
                            .get("business_identity")
                            .and_then(Value::as_str)
                            == Some("isv_reseller_or_partner")
                })
            })
        })
    }

    /// One requirement met by one object: each field present and valid.
    fn check_object(
        &self,
        req: &Value,
        name: &str,
        type_name: &str,
        object: Option<&super::Object>,
        kind: Option<&catalog::Kind>,
        words: &str,
    ) -> Value {
        let requirement = text(req, "requirement_name").unwrap_or(type_name);
        // An end user's fields are the requirement's; a document's, its accepted type's.
        let accepted = list(req, "accepted_documents").find(|d| text(d, "type") == Some(type_name));
        let fields: Vec<&str> = list(req, "fields")
            .chain(accepted.into_iter().flat_map(|d| list(d, "fields")))
            .filter_map(Value::as_str)
            .collect();
        let friendly = |m: &str| -> String {
            kind.and_then(|k| k.fields.iter().find(|(machine, _, _)| *machine == m))
                .map_or_else(|| m.to_owned(), |(_, f, _)| (*f).to_owned())
        };
        let Some(object) = object else {
            let reason = format!("The {name} is missing. Add it to the {words}.");
            let invalid: Vec<Value> = if fields == ["address_sids"] {
                vec![field_result(
                    "Address",
                    "address_sids",
                    Some(("No address is assigned.", MISSING_OBJECT)),
                )]
            } else {
                Vec::new()
            };
            return json!({
                "friendly_name": name, "object_type": type_name, "passed": false,
                "failure_reason": reason, "error_code": MISSING_OBJECT,
                "requirement_name": requirement, "requirement_friendly_name": name,
                "valid": [], "invalid": invalid,
            });
        };
        let mut valid = Vec::new();
        let mut invalid = Vec::new();
        for machine in &fields {
            let raw = object.attributes.get(*machine);
            let vals = values(raw);
            let label = friendly(machine);
            let failure: Option<(String, i64)> = if vals.is_empty() {
                (!choices::optional(machine)).then(|| {
                    (
                        format!("The {label} is missing. Enter it and check again."),
                        MISSING_FIELD,
                    )
                })
            } else if *machine == "address_sids" {
                vals.iter()
                    .find(|a| !self.addresses.contains_key(a.as_str()))
                    .map(|a| {
                        (
                            format!("The address {a} does not exist in this account."),
                            INVALID_FIELD,
                        )
                    })
            } else {
                vals.iter()
                    .find_map(|v| invalid_value(machine, v, raw))
                    .map(|r| (r, INVALID_FIELD))
            };
            match failure {
                Some((reason, code)) => {
                    invalid.push(field_result(&label, machine, Some((&reason, code))))
                }
                None => valid.push(field_result(&label, machine, None)),
            }
        }
        // A document that is a file must have been verified by Twilio.
        let is_file = !fields.is_empty() && fields.iter().all(|f| *f != "address_sids");
        let file_unverified =
            is_file && object.status.is_some() && object.status != Some("APPROVED");
        if file_unverified {
            invalid.push(field_result(
                name,
                "status",
                Some((
                    "The document has not been verified by Twilio yet.",
                    NOT_APPROVED,
                )),
            ));
        }
        let passed = invalid.is_empty();
        let first = invalid.first().cloned();
        json!({
            "friendly_name": name, "object_type": type_name, "passed": passed,
            "failure_reason": if passed { Value::Null } else { json!(format!("The {name} is incomplete. Correct the fields listed and check again.")) },
            "error_code": if passed { Value::Null } else { first.and_then(|f| at(&f, "error_code").cloned()).unwrap_or(json!(INVALID_FIELD)) },
            "requirement_name": requirement, "requirement_friendly_name": name,
            "valid": valid, "invalid": invalid,
        })
    }

    fn render_evaluation(&self, kind: BundleKind, bundle: &str, e: &Evaluation) -> Value {
        json!({
            "sid": e.sid,
            "account_sid": self.account_sid,
            "policy_sid": e.policy_sid,
            kind.sid_field(): bundle,
            "status": if e.compliant { "compliant" } else { "noncompliant" },
            "results": e.results,
            "date_created": date(e.created),
            "url": format!("{}/v1/{}/{bundle}/Evaluations/{}", self.base, kind.collection(), e.sid),
        })
    }

    /// `POST .../Evaluations` with the bundle's `PolicySid`: checks the data now.
    pub fn create_evaluation(
        &mut self,
        kind: BundleKind,
        sid: &str,
        path: &str,
        form: &Pairs,
    ) -> Reply {
        let i = self.bundle_index(kind, sid, path)?;
        let policy = get(form, "PolicySid").ok_or_else(|| Refusal::missing("PolicySid"))?;
        if policy != self.bundle(i)?.policy_sid {
            return Err(Refusal::invalid(
                "PolicySid",
                "is not the policy of this Customer-Profile",
            ));
        }
        let (compliant, results) = self.evaluate(sid);
        let e = Evaluation {
            sid: self.new_sid("EL"),
            policy_sid: policy.to_owned(),
            compliant,
            results,
            created: now(),
        };
        let rendered = self.render_evaluation(kind, sid, &e);
        self.evaluations.entry(sid.to_owned()).or_default().push(e);
        Ok(rendered)
    }

    /// Newest first.
    pub fn list_evaluations(
        &mut self,
        kind: BundleKind,
        sid: &str,
        path: &str,
        query: &Pairs,
    ) -> Reply {
        self.bundle_index(kind, sid, path)?;
        let evals: Vec<&Evaluation> = self
            .evaluations
            .get(sid)
            .map(|v| v.iter().rev().collect())
            .unwrap_or_default();
        self.results_page(path, &[], query, &evals, |e| {
            self.render_evaluation(kind, sid, e)
        })
    }

    pub fn fetch_evaluation(
        &mut self,
        kind: BundleKind,
        sid: &str,
        eval_sid: &str,
        path: &str,
    ) -> Reply {
        self.bundle_index(kind, sid, path)?;
        self.evaluations
            .get(sid)
            .and_then(|v| v.iter().find(|e| e.sid == eval_sid))
            .map(|e| self.render_evaluation(kind, sid, e))
            .ok_or_else(|| Refusal::not_found(path))
    }

    /// Records an evaluation of the data as it is, with a date (seeding).
    pub(super) fn record_evaluation(&mut self, sid: &str, created: i64) {
        let Some(policy) = self
            .index
            .get(sid)
            .and_then(|i| self.bundles.get(*i))
            .map(|b| b.policy_sid.clone())
        else {
            return;
        };
        let (compliant, results) = self.evaluate(sid);
        let e = Evaluation {
            sid: self.new_sid("EL"),
            policy_sid: policy,
            compliant,
            results,
            created,
        };
        self.evaluations.entry(sid.to_owned()).or_default().push(e);
    }
}
