//! The sandbox's side of Messaging v1: what an account holds, its brands, and when Twilio
//! decides (services and numbers: `texting_services.rs`; campaigns: `texting_campaigns.rs`).
//! Twilio's documented rules: a brand from an approved profile and A2P Trust Product,
//! one per pair, three resubmissions of a failed one; decisions come by themselves after
//! the review delay (a campaign whose opt-in cannot be checked fails with Twilio's 30909).

use serde_json::{json, Value};
use std::time::Instant;

use super::{date, get, later, now, page_slice, BundleKind, Db, Pairs, Refusal, Reply};
use crate::trusthub::messaging::campaign_form::has_phone_number;
use crate::trusthub::models::ProfileStatus;

pub struct TextBrand {
    pub(super) sid: String,
    pub(super) customer_profile: String,
    pub(super) a2p_product: String,
    pub(super) sole_proprietor: bool,
    pub(super) skip_sec_vet: bool,
    pub(super) mock: bool,
    pub(super) status: &'static str,
    pub(super) resubmissions: u8,
    pub(super) created: i64,
    pub(super) updated: i64,
    pub(super) decide_at: Option<Instant>,
}

/// A Messaging Service.
pub struct Service {
    pub(super) sid: String,
    pub(super) name: String,
    /// The numbers (`PN…`) in it, in the order they were added.
    pub(super) numbers: Vec<String>,
    pub(super) created: i64,
}

/// A campaign on a service.
pub struct Campaign {
    pub(super) sid: String,
    pub(super) service: String,
    pub(super) brand: String,
    /// Everything the campaign was sent with, as Twilio echoes it.
    pub(super) fields: Value,
    pub(super) status: &'static str,
    pub(super) errors: Vec<(i64, &'static str, &'static str)>,
    pub(super) created: i64,
    pub(super) updated: i64,
    pub(super) decide_at: Option<Instant>,
}

/// Everything of Messaging v1 in one account.
#[derive(Default)]
pub struct Texting {
    pub(super) brands: Vec<TextBrand>,
    pub(super) services: Vec<Service>,
    pub(super) campaigns: Vec<Campaign>,
    pub(super) tollfree: Vec<super::tollfree::Verification>,
}

pub(super) fn flag(form: &Pairs, name: &str) -> Result<Option<bool>, Refusal> {
    match get(form, name) {
        None => Ok(None),
        Some("true") => Ok(Some(true)),
        Some("false") => Ok(Some(false)),
        Some(_) => Err(Refusal::invalid(name, "must be true or false")),
    }
}

pub(super) fn all<'a>(form: &'a Pairs, name: &str) -> Vec<&'a str> {
    form.iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

impl Db {
    /// Decisions whose time has come.
    pub(super) fn settle_texting(&mut self) {
        let now_at = Instant::now();
        let stamp = now();
        for b in &mut self.texting.brands {
            if b.decide_at.is_some_and(|t| t <= now_at) {
                b.decide_at = None;
                b.status = "APPROVED";
                b.updated = stamp;
            }
        }
        for c in &mut self.texting.campaigns {
            if c.decide_at.is_some_and(|t| t <= now_at) {
                c.decide_at = None;
                c.errors = decide(&c.fields);
                c.status = if c.errors.is_empty() {
                    "VERIFIED"
                } else {
                    "FAILED"
                };
                c.updated = stamp;
            }
        }
    }

    fn approved_bundle(&self, sid: &str, kind: BundleKind, name: &str) -> Result<(), Refusal> {
        let bundle = self.index.get(sid).and_then(|i| self.bundles.get(*i));
        match bundle {
            Some(b) if b.kind == kind && b.status == ProfileStatus::TwilioApproved => Ok(()),
            Some(b) if b.kind == kind => Err(Refusal::new(
                400,
                21_001,
                format!("{name} {sid} is not approved (status {})", b.status),
            )),
            _ => Err(Refusal::invalid(name, "is not a bundle of this account")),
        }
    }

    fn render_brand(&self, b: &TextBrand) -> Value {
        let url = format!("{}/v1/a2p/BrandRegistrations/{}", self.base, b.sid);
        let approved = b.status == "APPROVED";
        json!({
            "sid": b.sid,
            "account_sid": self.account_sid,
            "customer_profile_bundle_sid": b.customer_profile,
            "a2p_profile_bundle_sid": b.a2p_product,
            "date_created": date(b.created),
            "date_updated": date(b.updated),
            "brand_type": if b.sole_proprietor { "SOLE_PROPRIETOR" } else { "STANDARD" },
            "status": b.status,
            "tcr_id": approved.then(|| format!("B{}", b.sid.get(28..).unwrap_or("").to_uppercase())),
            "failure_reason": null,
            "errors": [],
            "url": url,
            "brand_score": (approved && !b.sole_proprietor).then_some(77),
            "brand_feedback": null,
            // Not nullable in the spec: unverified until the registry has checked it.
            "identity_status": match (approved, b.sole_proprietor) {
                (false, _) => "UNVERIFIED",
                (true, true) => "SELF_DECLARED",
                (true, false) => "VERIFIED",
            },
            "russell_3000": false,
            "government_entity": false,
            "tax_exempt_status": null,
            "skip_automatic_sec_vet": b.skip_sec_vet,
            "mock": b.mock,
            "links": {
                "brand_vettings": format!("{url}/Vettings"),
                "brand_registration_otps": format!("{url}/SmsOtp"),
            },
        })
    }

    fn brand_mut(&mut self, sid: &str, path: &str) -> Result<&mut TextBrand, Refusal> {
        self.texting
            .brands
            .iter_mut()
            .find(|b| b.sid == sid)
            .ok_or_else(|| Refusal::not_found(path))
    }

    pub fn list_brands(&mut self, path: &str, query: &Pairs) -> Reply {
        self.settle_texting();
        let rendered = page_slice(&self.texting.brands, query)?
            .iter()
            .map(|b| self.render_brand(b))
            .collect();
        Ok(self.page(
            path,
            "data",
            &[],
            query,
            self.texting.brands.len(),
            rendered,
        ))
    }

    pub fn fetch_brand(&mut self, sid: &str, path: &str) -> Reply {
        self.settle_texting();
        let b = self
            .texting
            .brands
            .iter()
            .find(|b| b.sid == sid)
            .ok_or_else(|| Refusal::not_found(path))?;
        Ok(self.render_brand(b))
    }

    pub fn create_brand(&mut self, form: &Pairs) -> Reply {
        let profile = get(form, "CustomerProfileBundleSid")
            .ok_or_else(|| Refusal::missing("CustomerProfileBundleSid"))?;
        let product = get(form, "A2PProfileBundleSid")
            .ok_or_else(|| Refusal::missing("A2PProfileBundleSid"))?;
        self.approved_bundle(
            profile,
            BundleKind::CustomerProfile,
            "CustomerProfileBundleSid",
        )?;
        self.approved_bundle(product, BundleKind::TrustProduct, "A2PProfileBundleSid")?;
        let sole_proprietor = match get(form, "BrandType") {
            None | Some("STANDARD") => false,
            Some("SOLE_PROPRIETOR") => true,
            Some(_) => {
                return Err(Refusal::invalid(
                    "BrandType",
                    "must be STANDARD or SOLE_PROPRIETOR",
                ))
            }
        };
        if self
            .texting
            .brands
            .iter()
            .any(|b| b.customer_profile == profile && b.a2p_product == product)
        {
            return Err(Refusal::new(
                409,
                20_409,
                "A brand registration already exists for this Customer Profile and A2P Trust Product",
            ));
        }
        let created = now();
        let brand = TextBrand {
            sid: self.new_sid("BN"),
            customer_profile: profile.to_owned(),
            a2p_product: product.to_owned(),
            sole_proprietor,
            skip_sec_vet: flag(form, "SkipAutomaticSecVet")?.unwrap_or(false),
            mock: flag(form, "Mock")?.unwrap_or(false),
            status: "PENDING",
            resubmissions: 0,
            created,
            updated: created,
            decide_at: Instant::now().checked_add(self.review_delay),
        };
        let rendered = self.render_brand(&brand);
        self.texting.brands.push(brand);
        Ok(rendered)
    }

    /// `POST …/{BN}` with no body: a failed brand reviewed again, three times at most.
    pub fn resubmit_brand(&mut self, sid: &str, path: &str) -> Reply {
        self.settle_texting();
        let delay = self.review_delay;
        let b = self.brand_mut(sid, path)?;
        if b.status != "FAILED" {
            return Err(Refusal::new(
                400,
                60_723,
                "Brand registration cannot be updated in its current status",
            ));
        }
        if b.resubmissions >= 3 {
            return Err(Refusal::new(
                400,
                60_724,
                "Brand registration resubmission limit reached",
            ));
        }
        b.resubmissions = b.resubmissions.saturating_add(1);
        b.status = "PENDING";
        b.updated = now();
        b.decide_at = Instant::now().checked_add(delay);
        let sid = b.sid.clone();
        self.fetch_brand(&sid, path)
    }

    /// A brand Twilio failed, to be fixed and resubmitted; the resubmissions it used stay
    /// counted.
    #[cfg(test)]
    pub fn fail_brand(&mut self, sid: &str) {
        if let Some(b) = self.texting.brands.iter_mut().find(|b| b.sid == sid) {
            b.status = "FAILED";
            b.decide_at = None;
        }
    }

    pub fn list_vettings(&mut self, sid: &str, path: &str, query: &Pairs) -> Reply {
        self.brand_mut(sid, path)?;
        Ok(self.page(path, "data", &[], query, 0, Vec::new()))
    }

    pub fn resend_otp(&mut self, sid: &str, path: &str) -> Reply {
        let b = self.brand_mut(sid, path)?;
        if !b.sole_proprietor {
            return Err(Refusal::invalid(
                "BrandRegistrationSid",
                "is not a sole proprietor brand",
            ));
        }
        let sid = b.sid.clone();
        Ok(json!({"account_sid": self.account_sid, "brand_registration_sid": sid}))
    }
}

impl Db {
    /// The demo's texting: Fabrikam's brand approved, one campaign approved with a number in
    /// its service (texting), one failed with Twilio's 30909 (to fix), both on services of
    /// their own; the account's other numbers in none.
    pub fn seed_texting(&mut self) {
        let profile = super::super::data::profile_sid(super::super::data::Seeded::APPROVED);
        let a2p = super::super::data::trust_product_sid(
            super::super::data::Seeded::TRUST_PRODUCT_APPROVED,
        );
        let created = later(super::SEED_EPOCH, -86_400);
        let numbers: Vec<String> = self.numbers.iter().take(2).map(|n| n.sid.clone()).collect();
        let brand = self.new_sid("BN");
        self.texting.brands.push(TextBrand {
            sid: brand.clone(),
            customer_profile: profile,
            a2p_product: a2p,
            sole_proprietor: false,
            skip_sec_vet: false,
            mock: false,
            status: "APPROVED",
            resubmissions: 0,
            created,
            updated: later(created, 3_600),
            decide_at: None,
        });
        let seeds = [
            ("Fabrikam notices", "ACCOUNT_NOTIFICATION", "Order updates and delivery notices for Fabrikam's customers.", "Customers tick a box at https://fabrikam.example.com/checkout to get texts about their orders.", "VERIFIED", Vec::new()),
            ("Fabrikam offers", "MARKETING", "Weekly offers for customers who asked for them at the shop counter.", "Customers ask the shop assistant to add them to the offers list.", "FAILED", vec![(30_909, "MESSAGE_FLOW", "The campaign's opt-in (call to action) could not be verified.")]),
        ];
        for ((name, usecase, description, flow, status, errors), number) in
            seeds.into_iter().zip(numbers)
        {
            let service = self.new_sid("MG");
            let sid = self.new_sid("QE");
            self.texting.services.push(Service {
                sid: service.clone(),
                name: name.to_owned(),
                numbers: vec![number],
                created,
            });
            self.texting.campaigns.push(Campaign {
                sid,
                service,
                brand: brand.clone(),
                fields: json!({
                    "description": description,
                    "message_flow": flow,
                    "message_samples": [
                        "Fabrikam: your order 1042 is ready for pick-up. Reply STOP to opt out.",
                        "Fabrikam: 20% off all garden tools this week only. Reply STOP to opt out.",
                    ],
                    "us_app_to_person_usecase": usecase,
                    "has_embedded_links": false,
                    "has_embedded_phone": false,
                    "age_gated": false,
                    "direct_lending": false,
                    "opt_in_message": null,
                    "opt_out_message": null,
                    "help_message": null,
                    "opt_in_keywords": [],
                    "opt_out_keywords": [],
                    "help_keywords": [],
                    "privacy_policy_url": null,
                    "terms_and_conditions_url": null,
                }),
                status,
                errors,
                created: later(created, 7_200),
                updated: later(created, 90_000),
                decide_at: None,
            });
        }
    }
}

impl Db {
    /// A subaccount's texting for the benchmark: an approved brand on its first profile, one
    /// Messaging Service with up to three of its numbers, and an approved campaign.
    pub fn seed_client_texting(&mut self) {
        let Some(profile) = self.bundles.first().map(|b| b.sid.clone()) else {
            return;
        };
        let created = later(super::SEED_EPOCH, -86_400);
        let brand = self.new_sid("BN");
        self.texting.brands.push(TextBrand {
            sid: brand.clone(),
            customer_profile: profile.clone(),
            a2p_product: profile,
            sole_proprietor: false,
            skip_sec_vet: false,
            mock: false,
            status: "APPROVED",
            resubmissions: 0,
            created,
            updated: created,
            decide_at: None,
        });
        let service = self.new_sid("MG");
        self.texting.services.push(Service {
            sid: service.clone(),
            name: "Client texts".to_owned(),
            numbers: self.numbers.iter().take(3).map(|n| n.sid.clone()).collect(),
            created,
        });
        let sid = self.new_sid("QE");
        self.texting.campaigns.push(Campaign {
            sid,
            service,
            brand,
            fields: json!({
                "description": "Appointment reminders for the client's customers.",
                "message_flow": "Customers tick a box at https://client.example.com/book to get reminders.",
                "message_samples": ["Reminder: your appointment is tomorrow at 10:00. Reply STOP to opt out.", "Your appointment was moved to Friday. Reply STOP to opt out."],
                "us_app_to_person_usecase": "ACCOUNT_NOTIFICATION",
                "has_embedded_links": false,
                "has_embedded_phone": false,
            }),
            status: "VERIFIED",
            errors: Vec::new(),
            created,
            updated: created,
            decide_at: None,
        });
    }
}

/// What Twilio's reviewers decide about a campaign: an opt-in that names neither a web
/// page nor a keyword cannot be checked (30909); a phone number declared but in no sample
/// is refused (30889). Anything else is approved.
pub(super) fn decide(fields: &Value) -> Vec<(i64, &'static str, &'static str)> {
    let flow = fields
        .get("message_flow")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_lowercase();
    let mut errors = Vec::new();
    let checkable = ["http", "www.", ".com", "keyword", "text ", "texting"]
        .iter()
        .any(|w| flow.contains(w));
    if !checkable {
        errors.push((
            30_909,
            "MESSAGE_FLOW",
            "The campaign's opt-in (call to action) could not be verified.",
        ));
    }
    let declared = fields
        .get("has_embedded_phone")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let shown = fields
        .get("message_samples")
        .and_then(Value::as_array)
        .is_some_and(|s| s.iter().filter_map(Value::as_str).any(has_phone_number));
    if declared && !shown {
        errors.push((
            30_889,
            "MESSAGE_SAMPLES",
            "A phone number is declared but no sample message contains one.",
        ));
    }
    errors
}

#[cfg(test)]
#[path = "texting_tests.rs"]
mod tests;
