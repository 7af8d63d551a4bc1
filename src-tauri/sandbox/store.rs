//! The sandbox's in-memory account and the rules Twilio documents for it.

use serde_json::{json, Value};
use std::collections::HashMap;
use std::time::{Duration, Instant};
use time::macros::format_description;
use time::OffsetDateTime;

use super::data::{self, profile_seed, sid};
use super::{Config, DEMO_ACCOUNT_SID, SECOND_ACCOUNT_SID};
use crate::trusthub::models::ProfileStatus;
use crate::trusthub::validate;

pub const PRIMARY_POLICY: &str = "RNdfbf3fae0e1107f8aded0e7cead80bf5";
pub const SECONDARY_POLICY: &str = "RN806dd6cd175f314e1f96a9727ee271f4";

/// 2025-03-03T09:00:00Z: seeded dates count back from here, so screenshots are stable.
const SEED_EPOCH: i64 = 1_740_992_400;

/// A Twilio-style error: HTTP status, Twilio code, message.
#[derive(Debug)]
pub struct Refusal {
    pub status: u16,
    pub code: i64,
    pub message: String,
}

impl Refusal {
    fn new(status: u16, code: i64, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
        }
    }

    pub fn not_found(path: &str) -> Self {
        Self::new(
            404,
            20404,
            format!("The requested resource {path} was not found"),
        )
    }

    fn invalid(parameter: &str, why: &str) -> Self {
        Self::new(400, 20001, format!("Invalid parameter {parameter}: {why}"))
    }

    pub fn body(&self) -> Value {
        json!({
            "code": self.code,
            "message": self.message,
            "more_info": format!("https://www.twilio.com/docs/errors/{}", self.code),
            "status": self.status,
        })
    }
}

pub type Reply = Result<Value, Refusal>;

struct Profile {
    sid: String,
    policy_sid: &'static str,
    name: String,
    status: ProfileStatus,
    email: String,
    callback: Option<String>,
    valid_until: Option<i64>,
    created: i64,
    updated: i64,
    errors: Vec<i64>,
    compliant: bool,
    submitted: Option<Instant>,
}

struct Evaluation {
    sid: String,
    policy_sid: &'static str,
    compliant: bool,
    created: i64,
}

struct Assignment {
    sid: String,
    object_sid: String,
    created: i64,
}

pub struct Db {
    account_sid: &'static str,
    base: String,
    review_delay: Duration,
    profiles: Vec<Profile>,
    index: HashMap<String, usize>,
    evaluations: HashMap<String, Vec<Evaluation>>,
    entities: HashMap<String, Vec<Assignment>>,
    channels: HashMap<String, Vec<Assignment>>,
    end_users: HashMap<String, Value>,
    documents: HashMap<String, Value>,
    next_evaluation: u64,
}

pub fn date(unix: i64) -> String {
    let format = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_default()
}

fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

impl Db {
    pub fn seeded(base: &str, config: &Config) -> Self {
        Self::seeded_range(DEMO_ACCOUNT_SID, base, config, 0..config.profiles.max(6))
    }

    /// The demo's second account: a few profiles of its own, with SIDs and names the
    /// first account does not have.
    pub fn seeded_second(base: &str, config: &Config) -> Self {
        Self::seeded_range(
            SECOND_ACCOUNT_SID,
            base,
            config,
            super::SECOND_ACCOUNT_PROFILES,
        )
    }

    fn seeded_range(
        account_sid: &'static str,
        base: &str,
        config: &Config,
        seeds: std::ops::Range<usize>,
    ) -> Self {
        let mut db = Db {
            account_sid,
            base: base.to_owned(),
            review_delay: config.review_delay,
            profiles: Vec::new(),
            index: HashMap::new(),
            evaluations: HashMap::new(),
            entities: HashMap::new(),
            channels: HashMap::new(),
            end_users: HashMap::new(),
            documents: HashMap::new(),
            next_evaluation: 1_000_000,
        };
        for n in seeds {
            db.seed_profile(n);
        }
        db
    }

    fn seed_profile(&mut self, n: usize) {
        let seed = profile_seed(n);
        let psid = data::profile_sid(n);
        let k = n as u64;
        let created = SEED_EPOCH - (n as i64) * 7 * 3600;
        let updated = created + 2 * 86_400;
        let policy_sid = if seed.secondary {
            SECONDARY_POLICY
        } else {
            PRIMARY_POLICY
        };
        let eval_compliant = seed.compliant && seed.status != ProfileStatus::TwilioRejected;
        self.evaluations.insert(
            psid.clone(),
            vec![Evaluation {
                sid: sid("EL", k),
                policy_sid,
                compliant: eval_compliant,
                created: updated - 3600,
            }],
        );

        let business = sid("IT", k * 4);
        let representative = sid("IT", k * 4 + 1);
        let address = sid("RD", k * 4 + 2);
        self.end_users.insert(business.clone(), json!({
            "friendly_name": format!("{} — business information", seed.name),
            "type": "customer_profile_business_information",
            "attributes": {"business_name": seed.name, "business_type": "Limited Liability Corporation", "business_registration_identifier": "EIN", "business_registration_number": format!("{:02}-{:07}", 10 + n % 89, 1_000_000 + n * 7919 % 8_999_999), "website_url": format!("https://{}", data::email_for(&seed.name).split('@').nth(1).unwrap_or("example.com"))},
            "created": created,
        }));
        self.end_users.insert(representative.clone(), json!({
            "friendly_name": format!("{} — authorized representative", seed.name),
            "type": "authorized_representative_1",
            "attributes": {"first_name": "Jordan", "last_name": "Rivera", "business_title": "Owner", "job_position": "CEO", "email": data::email_for(&seed.name), "phone_number": "+15005550006"},
            "created": created,
        }));
        self.documents.insert(
            address.clone(),
            json!({
                "friendly_name": format!("{} — business address", seed.name),
                "type": "customer_profile_address",
                "status": if eval_compliant { "APPROVED" } else { "DRAFT" },
                "attributes": {"address_sids": sid("AD", k)},
                "created": created,
            }),
        );
        let mut entities = vec![
            Assignment {
                sid: sid("BV", k * 4),
                object_sid: business,
                created: created + 60,
            },
            Assignment {
                sid: sid("BV", k * 4 + 1),
                object_sid: representative,
                created: created + 120,
            },
            Assignment {
                sid: sid("BV", k * 4 + 2),
                object_sid: address,
                created: created + 180,
            },
        ];
        if seed.secondary {
            let primary = data::profile_sid(data::Seeded::APPROVED);
            entities.push(Assignment {
                sid: sid("BV", k * 4 + 3),
                object_sid: primary,
                created: created + 240,
            });
        }
        self.entities.insert(psid.clone(), entities);
        let phones = (0..(n % 4) as u64 + usize::from(n == 0) as u64)
            .map(|i| Assignment {
                sid: sid("RA", k * 4 + i),
                object_sid: sid("PN", k * 4 + i),
                created: created + 300 + i as i64,
            })
            .collect();
        self.channels.insert(psid.clone(), phones);

        self.index.insert(psid.clone(), self.profiles.len());
        self.profiles.push(Profile {
            sid: psid,
            policy_sid,
            email: data::email_for(&seed.name),
            callback: (n % 2 == 0).then(|| format!("https://hooks.example.com/trusthub/{n}")),
            valid_until: (seed.status == ProfileStatus::TwilioApproved)
                .then_some(updated + 365 * 86_400),
            name: seed.name,
            status: seed.status,
            created,
            updated,
            errors: seed.errors,
            compliant: seed.compliant,
            submitted: None,
        });
    }

    /// A submitted profile moves from pending-review to in-review after the delay.
    fn settle(&mut self) {
        for p in &mut self.profiles {
            if p.submitted
                .is_some_and(|at| at.elapsed() >= self.review_delay)
            {
                p.status = ProfileStatus::InReview;
                p.updated = now().max(p.updated + 1);
                p.submitted = None;
            }
        }
    }

    fn profile_index(&mut self, profile_sid: &str, path: &str) -> Result<usize, Refusal> {
        self.settle();
        self.index
            .get(profile_sid)
            .copied()
            .ok_or_else(|| Refusal::not_found(path))
    }

    fn render_profile(&self, p: &Profile) -> Value {
        let url = format!("{}/v1/CustomerProfiles/{}", self.base, p.sid);
        json!({
            "sid": p.sid,
            "account_sid": self.account_sid,
            "policy_sid": p.policy_sid,
            "friendly_name": p.name,
            "status": p.status.as_str(),
            "valid_until": p.valid_until.map(date),
            "email": p.email,
            "status_callback": p.callback,
            "date_created": date(p.created),
            "date_updated": date(p.updated),
            "url": url,
            "links": {
                "customer_profiles_entity_assignments": format!("{url}/EntityAssignments"),
                "customer_profiles_evaluations": format!("{url}/Evaluations"),
                "customer_profiles_channel_endpoint_assignment": format!("{url}/ChannelEndpointAssignments"),
            },
            "errors": if p.errors.is_empty() { Value::Null } else { p.errors.iter().map(|c| json!({"code": c})).collect() },
        })
    }

    pub fn fetch_profile(&mut self, profile_sid: &str, path: &str) -> Reply {
        let i = self.profile_index(profile_sid, path)?;
        Ok(self.render_profile(&self.profiles[i]))
    }

    /// `POST /v1/CustomerProfiles/{Sid}` with Twilio's documented rules.
    pub fn update_profile(
        &mut self,
        profile_sid: &str,
        path: &str,
        form: &[(String, String)],
    ) -> Reply {
        let i = self.profile_index(profile_sid, path)?;
        let get = |name: &str| {
            form.iter()
                .rev()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        let status = get("Status");
        let fields = [get("FriendlyName"), get("Email"), get("StatusCallback")];
        if status.is_some() && fields.iter().any(Option::is_some) {
            return Err(Refusal::new(400, 22204, "The status and other properties of a Customer-Profile can't be changed in the same request. Change the other properties first, then the status."));
        }
        let status = status
            .map(|s| ProfileStatus::parse(s).ok_or_else(|| Refusal::invalid("Status", &format!("{s:?} is not one of draft, pending-review, in-review, twilio-rejected, twilio-approved"))))
            .transpose()?;
        if let Some(name) = get("FriendlyName") {
            if name.trim().is_empty() {
                return Err(Refusal::invalid("FriendlyName", "must not be empty"));
            }
        }
        if let Some(email) = get("Email") {
            validate::email(email).map_err(|_| {
                Refusal::invalid("Email", &format!("{email:?} is not a valid e-mail address"))
            })?;
        }
        if let Some(cb) = get("StatusCallback") {
            validate::status_callback(cb).map_err(|_| {
                Refusal::invalid("StatusCallback", &format!("{cb:?} is not a valid URL"))
            })?;
        }
        let current = self.profiles[i].status;
        if matches!(
            current,
            ProfileStatus::PendingReview | ProfileStatus::InReview | ProfileStatus::TwilioApproved
        ) {
            return Err(Refusal::new(400, 60711, format!("The Customer-Profile can't be changed while its status is {current}. Profiles that are submitted, in review or approved are locked.")));
        }
        if let Some(next) = status {
            let allowed = match next {
                ProfileStatus::PendingReview => true,
                ProfileStatus::Draft => current == ProfileStatus::Draft,
                _ => false,
            };
            if !allowed {
                return Err(Refusal::invalid("Status", &format!("a customer may not set {next}; submit the profile for review with pending-review")));
            }
        }
        let p = &mut self.profiles[i];
        if let Some(next) = status {
            if next == ProfileStatus::PendingReview {
                p.submitted = Some(Instant::now());
                p.errors.clear();
            }
            p.status = next;
        }
        if let Some(v) = get("FriendlyName") {
            p.name = v.to_owned();
        }
        if let Some(v) = get("Email") {
            p.email = v.to_owned();
        }
        if let Some(v) = get("StatusCallback") {
            p.callback = Some(v.to_owned());
        }
        p.updated = now().max(p.updated + 1);
        Ok(self.render_profile(&self.profiles[i]))
    }

    pub fn list_profiles(&mut self, query: &[(String, String)]) -> Reply {
        self.settle();
        let get = |name: &str| {
            query
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        let status = get("Status")
            .map(|s| {
                ProfileStatus::parse(s).ok_or_else(|| {
                    Refusal::invalid("Status", &format!("{s:?} is not a valid status"))
                })
            })
            .transpose()?;
        let name = get("FriendlyName")
            .map(str::to_lowercase)
            .filter(|n| !n.is_empty());
        let policy = get("PolicySid");
        let records: Vec<&Profile> = self
            .profiles
            .iter()
            .filter(|p| status.is_none_or(|s| p.status == s))
            .filter(|p| {
                name.as_ref()
                    .is_none_or(|n| p.name.to_lowercase().contains(n.as_str()))
            })
            .filter(|p| policy.is_none_or(|s| p.policy_sid == s))
            .collect();
        let mut filters = Vec::new();
        for key in ["Status", "FriendlyName", "PolicySid"] {
            if let Some(v) = get(key) {
                filters.push((key, v.to_owned()));
            }
        }
        let rendered: Vec<Value> = page_slice(&records, query)?
            .iter()
            .map(|p| self.render_profile(p))
            .collect();
        Ok(self.page(
            "/v1/CustomerProfiles",
            &filters,
            query,
            records.len(),
            rendered,
        ))
    }

    pub fn list_evaluations(
        &mut self,
        profile_sid: &str,
        path: &str,
        query: &[(String, String)],
    ) -> Reply {
        self.profile_index(profile_sid, path)?;
        let evals: Vec<&Evaluation> = self
            .evaluations
            .get(profile_sid)
            .map(|v| v.iter().rev().collect())
            .unwrap_or_default();
        let rendered = page_slice(&evals, query)?
            .iter()
            .map(|e| self.render_evaluation(profile_sid, e))
            .collect();
        Ok(self.page(path, &[], query, evals.len(), rendered))
    }

    pub fn fetch_evaluation(&mut self, profile_sid: &str, eval_sid: &str, path: &str) -> Reply {
        self.profile_index(profile_sid, path)?;
        self.evaluations
            .get(profile_sid)
            .and_then(|v| v.iter().find(|e| e.sid == eval_sid))
            .map(|e| self.render_evaluation(profile_sid, e))
            .ok_or_else(|| Refusal::not_found(path))
    }

    pub fn create_evaluation(
        &mut self,
        profile_sid: &str,
        path: &str,
        form: &[(String, String)],
    ) -> Reply {
        let i = self.profile_index(profile_sid, path)?;
        let Some(policy) = form
            .iter()
            .find(|(k, _)| k == "PolicySid")
            .map(|(_, v)| v.as_str())
        else {
            return Err(Refusal::new(
                400,
                20001,
                "Missing required parameter PolicySid in the post body",
            ));
        };
        let p = &self.profiles[i];
        if policy != p.policy_sid {
            return Err(Refusal::invalid(
                "PolicySid",
                "is not the policy of this Customer-Profile",
            ));
        }
        let (policy_sid, compliant) = (p.policy_sid, p.compliant);
        self.next_evaluation += 1;
        let created = now();
        let eval = Evaluation {
            sid: sid("EL", self.next_evaluation),
            policy_sid,
            compliant,
            created,
        };
        let rendered = self.render_evaluation(profile_sid, &eval);
        self.evaluations
            .entry(profile_sid.to_owned())
            .or_default()
            .push(eval);
        Ok(rendered)
    }

    fn render_evaluation(&self, profile_sid: &str, e: &Evaluation) -> Value {
        json!({
            "sid": e.sid,
            "account_sid": self.account_sid,
            "policy_sid": e.policy_sid,
            "customer_profile_sid": profile_sid,
            "status": if e.compliant { "compliant" } else { "noncompliant" },
            "results": evaluation_results(e.compliant),
            "date_created": date(e.created),
            "url": format!("{}/v1/CustomerProfiles/{profile_sid}/Evaluations/{}", self.base, e.sid),
        })
    }

    pub fn list_entity_assignments(
        &mut self,
        profile_sid: &str,
        path: &str,
        query: &[(String, String)],
    ) -> Reply {
        self.profile_index(profile_sid, path)?;
        let items: Vec<&Assignment> = self
            .entities
            .get(profile_sid)
            .map(|v| v.iter().collect())
            .unwrap_or_default();
        let rendered = page_slice(&items, query)?
            .iter()
            .map(|a| {
                json!({
                    "sid": a.sid,
                    "customer_profile_sid": profile_sid,
                    "account_sid": self.account_sid,
                    "object_sid": a.object_sid,
                    "date_created": date(a.created),
                    "url": format!("{}{path}/{}", self.base, a.sid),
                })
            })
            .collect();
        Ok(self.page(path, &[], query, items.len(), rendered))
    }

    pub fn list_channel_endpoint_assignments(
        &mut self,
        profile_sid: &str,
        path: &str,
        query: &[(String, String)],
    ) -> Reply {
        self.profile_index(profile_sid, path)?;
        let items: Vec<&Assignment> = self
            .channels
            .get(profile_sid)
            .map(|v| v.iter().collect())
            .unwrap_or_default();
        let rendered = page_slice(&items, query)?
            .iter()
            .map(|a| {
                json!({
                    "sid": a.sid,
                    "customer_profile_sid": profile_sid,
                    "account_sid": self.account_sid,
                    "channel_endpoint_type": "phone-number",
                    "channel_endpoint_sid": a.object_sid,
                    "date_created": date(a.created),
                    "url": format!("{}{path}/{}", self.base, a.sid),
                })
            })
            .collect();
        Ok(self.page(path, &[], query, items.len(), rendered))
    }

    pub fn fetch_policy(&self, policy_sid: &str, path: &str) -> Reply {
        let name = match policy_sid {
            PRIMARY_POLICY => "Primary Customer Profile of type Business",
            SECONDARY_POLICY => "Secondary Customer Profile of type Business",
            _ => return Err(Refusal::not_found(path)),
        };
        Ok(json!({
            "sid": policy_sid,
            "friendly_name": name,
            "requirements": {"end_user": [
                {"name": "Business Information", "type": "customer_profile_business_information", "requirement_name": "customer_profile_business_information", "url": "/EndUserTypes/customer_profile_business_information", "fields": ["business_name", "business_registration_number", "website_url"]},
                {"name": "Authorized Representative 1", "type": "authorized_representative_1", "requirement_name": "authorized_representative_1", "url": "/EndUserTypes/authorized_representative_1", "fields": ["first_name", "last_name", "email", "phone_number"]}
            ], "supporting_trust_products": [], "supporting_document": []},
            "url": format!("{}{path}", self.base),
        }))
    }

    pub fn fetch_end_user(&self, end_user_sid: &str, path: &str) -> Reply {
        let u = self
            .end_users
            .get(end_user_sid)
            .ok_or_else(|| Refusal::not_found(path))?;
        let created = date(u["created"].as_i64().unwrap_or(SEED_EPOCH));
        Ok(json!({
            "sid": end_user_sid,
            "account_sid": self.account_sid,
            "friendly_name": u["friendly_name"],
            "type": u["type"],
            "attributes": u["attributes"],
            "date_created": created,
            "date_updated": created,
            "url": format!("{}{path}", self.base),
        }))
    }

    pub fn fetch_supporting_document(&self, doc_sid: &str, path: &str) -> Reply {
        let d = self
            .documents
            .get(doc_sid)
            .ok_or_else(|| Refusal::not_found(path))?;
        let created = date(d["created"].as_i64().unwrap_or(SEED_EPOCH));
        Ok(json!({
            "sid": doc_sid,
            "account_sid": self.account_sid,
            "friendly_name": d["friendly_name"],
            "mime_type": "application/pdf",
            "status": d["status"],
            "type": d["type"],
            "attributes": d["attributes"],
            "date_created": created,
            "date_updated": created,
            "url": format!("{}{path}", self.base),
        }))
    }

    /// A list page with Twilio's `meta`, its URLs pointing back at the sandbox.
    fn page(
        &self,
        path: &str,
        filters: &[(&str, String)],
        query: &[(String, String)],
        total: usize,
        records: Vec<Value>,
    ) -> Value {
        let (size, page) = paging(query).unwrap_or((50, 0));
        let url_for = |n: usize| {
            let mut url = url::form_urlencoded::Serializer::new(String::new());
            for (k, v) in filters {
                url.append_pair(k, v);
            }
            url.append_pair("PageSize", &size.to_string())
                .append_pair("Page", &n.to_string());
            if n > 0 {
                url.append_pair("PageToken", &format!("PT{n}"));
            }
            format!("{}{path}?{}", self.base, url.finish())
        };
        let has_next = (page + 1) * size < total;
        json!({
            "results": records,
            "meta": {
                "page": page,
                "page_size": size,
                "first_page_url": url_for(0),
                "previous_page_url": (page > 0).then(|| url_for(page - 1)),
                "url": url_for(page),
                "next_page_url": has_next.then(|| url_for(page + 1)),
                "key": "results",
            }
        })
    }
}

fn paging(query: &[(String, String)]) -> Result<(usize, usize), Refusal> {
    let get = |name: &str| {
        query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let size = match get("PageSize") {
        None => 50,
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=1000).contains(n))
            .ok_or_else(|| Refusal::invalid("PageSize", "must be a whole number from 1 to 1000"))?,
    };
    let page = match get("Page") {
        None => 0,
        Some(v) => v
            .parse::<usize>()
            .map_err(|_| Refusal::invalid("Page", "must be a whole number"))?,
    };
    Ok((size, page))
}

fn page_slice<'a, T>(items: &'a [T], query: &[(String, String)]) -> Result<&'a [T], Refusal> {
    let (size, page) = paging(query)?;
    let start = page.saturating_mul(size).min(items.len());
    let end = start.saturating_add(size).min(items.len());
    Ok(&items[start..end])
}

/// Realistic requirement results: what passes, and for a noncompliant profile what fails and why.
fn evaluation_results(compliant: bool) -> Value {
    let field = |name: &str, object_field: &str| json!({"friendly_name": name, "object_field": object_field, "failure_reason": null, "error_code": null});
    let business = if compliant {
        json!({"friendly_name": "Business Information", "object_type": "customer_profile_business_information", "passed": true, "failure_reason": null, "error_code": null, "requirement_name": "customer_profile_business_information", "requirement_friendly_name": "Business Information",
            "valid": [field("Business Name", "business_name"), field("Business Registration Number", "business_registration_number"), field("Website URL", "website_url")], "invalid": []})
    } else {
        json!({"friendly_name": "Business Information", "object_type": "customer_profile_business_information", "passed": false,
        "failure_reason": "The Business Information is incomplete. Please correct the fields listed and evaluate again.", "error_code": 22215,
        "requirement_name": "customer_profile_business_information", "requirement_friendly_name": "Business Information",
        "valid": [field("Business Name", "business_name")],
        "invalid": [
            {"friendly_name": "Business Registration Number", "object_field": "business_registration_number", "failure_reason": "The Business Registration Number is missing. Please enter in a Business Registration Number on the Business information.", "error_code": 22215},
            {"friendly_name": "Website URL", "object_field": "website_url", "failure_reason": "The Website URL does not match the domain of the e-mail address.", "error_code": 22217}
        ]})
    };
    let representative = json!({"friendly_name": "Authorized Representative 1", "object_type": "authorized_representative_1", "passed": true, "failure_reason": null, "error_code": null, "requirement_name": "authorized_representative_1", "requirement_friendly_name": "Authorized Representative 1",
        "valid": [field("First Name", "first_name"), field("Last Name", "last_name"), field("Email", "email"), field("Phone Number", "phone_number")], "invalid": []});
    let address = if compliant {
        json!({"friendly_name": "Physical Business Address", "object_type": "customer_profile_address", "passed": true, "failure_reason": null, "error_code": null, "requirement_name": "customer_profile_address", "requirement_friendly_name": "Physical Business Address", "valid": [field("Address", "address_sids")], "invalid": []})
    } else {
        json!({"friendly_name": "Physical Business Address", "object_type": "customer_profile_address", "passed": false, "failure_reason": "A Physical Business Address is missing. Please add one to the Customer-Profile.", "error_code": 22214, "requirement_name": "customer_profile_address", "requirement_friendly_name": "Physical Business Address", "valid": [],
            "invalid": [{"friendly_name": "Address", "object_field": "address_sids", "failure_reason": "No address is assigned to the supporting document.", "error_code": 22214}]})
    };
    json!([business, representative, address])
}
