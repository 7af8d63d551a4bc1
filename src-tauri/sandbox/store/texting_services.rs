//! The sandbox's Messaging Services and the numbers in them: a number of the account,
//! in one service at most.

use serde_json::{json, Value};

use super::texting::Service;
use super::{date, get, now, page_slice, Db, Pairs, Refusal, Reply};

impl Db {
    fn render_service(&self, s: &Service) -> Value {
        let url = format!("{}/v1/Services/{}", self.base, s.sid);
        json!({
            "sid": s.sid,
            "account_sid": self.account_sid,
            "friendly_name": s.name,
            "date_created": date(s.created),
            "date_updated": date(s.created),
            "us_app_to_person_registered": self.texting.campaigns.iter().any(|c| c.service == s.sid),
            "usecase": "undeclared",
            "url": url,
            "links": {
                "phone_numbers": format!("{url}/PhoneNumbers"),
                "us_app_to_person": format!("{url}/Compliance/Usa2p"),
                "us_app_to_person_usecases": format!("{url}/Compliance/Usa2p/Usecases"),
            },
        })
    }

    pub(super) fn service_index(&self, sid: &str, path: &str) -> Result<usize, Refusal> {
        self.texting
            .services
            .iter()
            .position(|s| s.sid == sid)
            .ok_or_else(|| Refusal::not_found(path))
    }

    pub fn list_services(&mut self, path: &str, query: &Pairs) -> Reply {
        let rendered = page_slice(&self.texting.services, query)?
            .iter()
            .map(|s| self.render_service(s))
            .collect();
        Ok(self.page(
            path,
            "services",
            &[],
            query,
            self.texting.services.len(),
            rendered,
        ))
    }

    pub fn fetch_service(&mut self, sid: &str, path: &str) -> Reply {
        let i = self.service_index(sid, path)?;
        Ok(self
            .texting
            .services
            .get(i)
            .map(|s| self.render_service(s))
            .unwrap_or_default())
    }

    pub fn create_service(&mut self, form: &Pairs) -> Reply {
        let name = get(form, "FriendlyName")
            .filter(|n| !n.trim().is_empty())
            .ok_or_else(|| Refusal::missing("FriendlyName"))?;
        if name.chars().count() > 64 {
            return Err(Refusal::invalid(
                "FriendlyName",
                "is longer than 64 characters",
            ));
        }
        let service = Service {
            sid: self.new_sid("MG"),
            name: name.to_owned(),
            numbers: Vec::new(),
            created: now(),
        };
        let rendered = self.render_service(&service);
        self.texting.services.push(service);
        Ok(rendered)
    }

    fn render_service_number(&self, service: &str, pn: &str) -> Value {
        let number = self.numbers.iter().find(|n| n.sid == pn);
        json!({
            "sid": pn,
            "account_sid": self.account_sid,
            "service_sid": service,
            "date_created": date(number.map_or(0, |n| n.created)),
            "date_updated": date(number.map_or(0, |n| n.created)),
            "phone_number": number.map(|n| n.phone_number.clone()),
            "country_code": "US",
            "capabilities": ["SMS", "MMS", "Voice"],
            "url": format!("{}/v1/Services/{service}/PhoneNumbers/{pn}", self.base),
        })
    }

    pub fn list_service_numbers(&mut self, service: &str, path: &str, query: &Pairs) -> Reply {
        let i = self.service_index(service, path)?;
        let numbers = self
            .texting
            .services
            .get(i)
            .map(|s| s.numbers.clone())
            .unwrap_or_default();
        let rendered = page_slice(&numbers, query)?
            .iter()
            .map(|pn| self.render_service_number(service, pn))
            .collect();
        Ok(self.page(path, "phone_numbers", &[], query, numbers.len(), rendered))
    }

    /// A number of this account into a service; a number is in one service at most.
    pub fn add_service_number(&mut self, service: &str, path: &str, form: &Pairs) -> Reply {
        let i = self.service_index(service, path)?;
        let pn = get(form, "PhoneNumberSid").ok_or_else(|| Refusal::missing("PhoneNumberSid"))?;
        if !self.numbers.iter().any(|n| n.sid == pn) {
            return Err(Refusal::invalid(
                "PhoneNumberSid",
                "is not a phone number of this account",
            ));
        }
        if self
            .texting
            .services
            .iter()
            .any(|s| s.numbers.iter().any(|n| n == pn))
        {
            return Err(Refusal::new(
                409,
                21_710,
                "Phone Number or Short Code is already in the Messaging Service",
            ));
        }
        if let Some(s) = self.texting.services.get_mut(i) {
            s.numbers.push(pn.to_owned());
        }
        Ok(self.render_service_number(service, pn))
    }

    /// `DELETE`: the service and its campaign go; its numbers stay the account's.
    pub fn delete_service(&mut self, sid: &str, path: &str) -> Result<(), Refusal> {
        let i = self.service_index(sid, path)?;
        self.texting.services.remove(i);
        self.texting.campaigns.retain(|c| c.service != sid);
        Ok(())
    }

    pub fn remove_service_number(
        &mut self,
        service: &str,
        pn: &str,
        path: &str,
    ) -> Result<(), Refusal> {
        let i = self.service_index(service, path)?;
        let s = self
            .texting
            .services
            .get_mut(i)
            .ok_or_else(|| Refusal::not_found(path))?;
        let before = s.numbers.len();
        s.numbers.retain(|n| n != pn);
        if s.numbers.len() == before {
            return Err(Refusal::not_found(path));
        }
        Ok(())
    }
}
