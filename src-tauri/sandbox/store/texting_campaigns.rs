//! The sandbox's campaigns: only for an approved brand, one a service, Twilio's limits,
//! an edit only for a failed one (never for one judged high risk), decided after the
//! review delay.

use serde_json::{json, Value};
use std::time::Instant;

use super::texting::{all, flag, Campaign};
use super::{date, get, now, page_slice, Db, Pairs, Refusal, Reply};
use crate::trusthub::messaging::campaign_form;

/// The use cases Twilio lists for a brand (Twilio's own example answer, MIT).
const USECASES: &str = include_str!("../usecases.json");

impl Db {
    fn render_campaign(&self, c: &Campaign) -> Value {
        let mut v = c.fields.clone();
        let url = format!(
            "{}/v1/Services/{}/Compliance/Usa2p/{}",
            self.base, c.service, c.sid
        );
        let errors: Vec<Value> = c
            .errors
            .iter()
            .map(|(code, field, description)| {
                json!({"error_code": code, "fields": [field], "description": description, "url": format!("https://www.twilio.com/docs/api/errors/{code}")})
            })
            .collect();
        if let Some(o) = v.as_object_mut() {
            o.insert("sid".into(), c.sid.clone().into());
            o.insert("account_sid".into(), self.account_sid.clone().into());
            o.insert("brand_registration_sid".into(), c.brand.clone().into());
            o.insert("messaging_service_sid".into(), c.service.clone().into());
            o.insert("campaign_status".into(), c.status.into());
            o.insert(
                "campaign_id".into(),
                format!("C{}", c.sid.get(28..).unwrap_or("").to_uppercase()).into(),
            );
            o.insert("is_externally_registered".into(), false.into());
            o.insert(
                "rate_limits".into(),
                json!({"att": {"mps": 600, "msg_class": "A"}, "tmobile": {"brand_tier": "LOW"}}),
            );
            o.insert("subscriber_opt_in".into(), true.into());
            o.insert("date_created".into(), date(c.created).into());
            o.insert("date_updated".into(), date(c.updated).into());
            o.insert("url".into(), url.into());
            o.insert("mock".into(), false.into());
            o.insert("errors".into(), errors.into());
        }
        v
    }

    fn campaign_index(&self, service: &str, sid: &str, path: &str) -> Result<usize, Refusal> {
        self.texting
            .campaigns
            .iter()
            .position(|c| c.service == service && c.sid == sid)
            .ok_or_else(|| Refusal::not_found(path))
    }

    pub fn list_campaigns(&mut self, service: &str, path: &str, query: &Pairs) -> Reply {
        self.service_index(service, path)?;
        self.settle_texting();
        let mine: Vec<&Campaign> = self
            .texting
            .campaigns
            .iter()
            .filter(|c| c.service == service)
            .collect();
        let rendered = page_slice(&mine, query)?
            .iter()
            .map(|c| self.render_campaign(c))
            .collect();
        Ok(self.page(path, "compliance", &[], query, mine.len(), rendered))
    }

    pub fn fetch_campaign(&mut self, service: &str, sid: &str, path: &str) -> Reply {
        self.settle_texting();
        let i = self.campaign_index(service, sid, path)?;
        Ok(self
            .texting
            .campaigns
            .get(i)
            .map(|c| self.render_campaign(c))
            .unwrap_or_default())
    }

    pub fn usecases(&mut self, service: &str, path: &str, query: &Pairs) -> Reply {
        self.service_index(service, path)?;
        self.settle_texting();
        let brand = get(query, "BrandRegistrationSid")
            .and_then(|sid| self.texting.brands.iter().find(|b| b.sid == sid));
        if brand.is_some_and(|b| b.sole_proprietor) {
            return Ok(
                json!({"us_app_to_person_usecases": [{"code": "SOLE_PROPRIETOR", "name": "Sole Proprietor", "description": "Messaging from a person without a tax number, such as a tutor or a hairdresser.", "post_approval_required": false}]}),
            );
        }
        serde_json::from_str(USECASES)
            .map_err(|_| Refusal::new(500, 20_500, "Use cases unavailable"))
    }

    /// The fields Twilio stores for a campaign, checked as Twilio checks them.
    fn campaign_fields(form: &Pairs, usecase: &str) -> Result<Value, Refusal> {
        let text = |name: &str| get(form, name).unwrap_or("").trim().to_owned();
        let within = |name: &str, (min, max): (usize, usize)| {
            let n = text(name).chars().count();
            if n < min || n > max {
                Err(Refusal::invalid(
                    name,
                    &format!("must be {min} to {max} characters"),
                ))
            } else {
                Ok(text(name))
            }
        };
        let samples = all(form, "MessageSamples");
        let (fewest, most) = campaign_form::SAMPLES;
        if samples.len() < fewest || samples.len() > most {
            return Err(Refusal::invalid(
                "MessageSamples",
                "must hold 2 to 5 samples",
            ));
        }
        if samples.iter().any(|s| {
            let n = s.trim().chars().count();
            n < campaign_form::SAMPLE.0 || n > campaign_form::SAMPLE.1
        }) {
            return Err(Refusal::invalid(
                "MessageSamples",
                "each must be 20 to 1024 characters",
            ));
        }
        let links =
            flag(form, "HasEmbeddedLinks")?.ok_or_else(|| Refusal::missing("HasEmbeddedLinks"))?;
        let phone =
            flag(form, "HasEmbeddedPhone")?.ok_or_else(|| Refusal::missing("HasEmbeddedPhone"))?;
        Ok(json!({
            "description": within("Description", campaign_form::DESCRIPTION)?,
            "message_flow": within("MessageFlow", campaign_form::MESSAGE_FLOW)?,
            "message_samples": samples,
            "us_app_to_person_usecase": usecase,
            "has_embedded_links": links,
            "has_embedded_phone": phone,
            "age_gated": flag(form, "AgeGated")?.unwrap_or(false),
            "direct_lending": flag(form, "DirectLending")?.unwrap_or(false),
            "opt_in_message": get(form, "OptInMessage"),
            "opt_out_message": get(form, "OptOutMessage"),
            "help_message": get(form, "HelpMessage"),
            "opt_in_keywords": all(form, "OptInKeywords"),
            "opt_out_keywords": all(form, "OptOutKeywords"),
            "help_keywords": all(form, "HelpKeywords"),
            "privacy_policy_url": get(form, "PrivacyPolicyUrl"),
            "terms_and_conditions_url": get(form, "TermsAndConditionsUrl"),
        }))
    }

    /// A campaign on a service: the brand approved, the service without one yet.
    pub fn create_campaign(&mut self, service: &str, path: &str, form: &Pairs) -> Reply {
        self.service_index(service, path)?;
        self.settle_texting();
        let brand = get(form, "BrandRegistrationSid")
            .ok_or_else(|| Refusal::missing("BrandRegistrationSid"))?;
        let usecase = get(form, "UsAppToPersonUsecase")
            .filter(|u| !u.trim().is_empty())
            .ok_or_else(|| Refusal::missing("UsAppToPersonUsecase"))?;
        match self.texting.brands.iter().find(|b| b.sid == brand) {
            None => {
                return Err(Refusal::invalid(
                    "BrandRegistrationSid",
                    "is not a brand of this account",
                ))
            }
            Some(b) if b.status != "APPROVED" => return Err(Refusal::new(
                400,
                30_991,
                "The brand is not yet verified; a campaign can be registered once it is approved",
            )),
            Some(_) => {}
        }
        if self.texting.campaigns.iter().any(|c| c.service == service) {
            return Err(Refusal::new(
                409,
                21_711,
                "This Messaging Service already has an A2P campaign",
            ));
        }
        let fields = Self::campaign_fields(form, usecase)?;
        let created = now();
        let campaign = Campaign {
            sid: self.new_sid("QE"),
            service: service.to_owned(),
            brand: brand.to_owned(),
            fields,
            status: "PENDING",
            errors: Vec::new(),
            created,
            updated: created,
            decide_at: Instant::now().checked_add(self.review_delay),
        };
        let rendered = self.render_campaign(&campaign);
        self.texting.campaigns.push(campaign);
        Ok(rendered)
    }

    /// A failed campaign fixed: reviewed (and, at Twilio, charged) again. The use case,
    /// replies and keywords stay as they were.
    pub fn edit_campaign(&mut self, service: &str, sid: &str, path: &str, form: &Pairs) -> Reply {
        self.settle_texting();
        let i = self.campaign_index(service, sid, path)?;
        let delay = self.review_delay;
        let c = self
            .texting
            .campaigns
            .get_mut(i)
            .ok_or_else(|| Refusal::not_found(path))?;
        if c.status != "FAILED" {
            return Err(Refusal::new(
                400,
                21_712,
                "Only a failed campaign can be updated",
            ));
        }
        if c.errors.iter().any(|(code, _, _)| *code == 30_885) {
            return Err(Refusal::new(
                400,
                30_885,
                "A campaign judged high risk cannot be resubmitted",
            ));
        }
        let usecase = c
            .fields
            .get("us_app_to_person_usecase")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        let mut fields = Self::campaign_fields(form, &usecase)?;
        for kept in [
            "opt_in_message",
            "opt_out_message",
            "help_message",
            "opt_in_keywords",
            "opt_out_keywords",
            "help_keywords",
        ] {
            if let (Some(o), Some(v)) = (fields.as_object_mut(), c.fields.get(kept)) {
                o.insert(kept.into(), v.clone());
            }
        }
        c.fields = fields;
        c.status = "PENDING";
        c.errors.clear();
        c.updated = now();
        c.decide_at = Instant::now().checked_add(delay);
        let sid = c.sid.clone();
        self.fetch_campaign(service, &sid, path)
    }

    pub fn delete_campaign(&mut self, service: &str, sid: &str, path: &str) -> Result<(), Refusal> {
        let i = self.campaign_index(service, sid, path)?;
        self.texting.campaigns.remove(i);
        Ok(())
    }
}
