//! The classic API's side of an account (`/2010-04-01/Accounts/{AccountSid}/...`):
//! addresses and phone numbers, in that API's own forms (RFC 2822 dates, a list under a
//! key named for the resource, a relative `next_page_uri`).

use serde_json::{json, Value};

use super::{get, later, now, page_slice, paging, rfc2822, Address, Db, Pairs, Refusal, Reply};

/// The classic list form: records under `key`, paging by relative URIs.
pub fn classic_page(
    path: &str,
    key: &str,
    query: &Pairs,
    total: usize,
    records: Vec<Value>,
) -> Value {
    let (size, page) = paging(query).unwrap_or((50, 0));
    let uri = |n: usize| format!("{path}?PageSize={size}&Page={n}");
    let next = page
        .checked_add(1)
        .filter(|n| n.checked_mul(size).is_some_and(|shown| shown < total));
    let start = page.saturating_mul(size);
    let end = start.saturating_add(records.len()).saturating_sub(1);
    json!({
        key: records,
        "end": end,
        "first_page_uri": uri(0),
        "next_page_uri": next.map(|n| format!("{}&PageToken=PA{n}", uri(n))),
        "page": page,
        "page_size": size,
        "previous_page_uri": page.checked_sub(1).map(uri),
        "start": start,
        "uri": uri(page),
    })
}

fn text<'a>(form: &'a Pairs, name: &str) -> Result<Option<&'a str>, Refusal> {
    match get(form, name) {
        Some(v) if v.trim().is_empty() => Err(Refusal::invalid(name, "must not be empty")),
        other => Ok(other),
    }
}

impl Db {
    fn addresses_path(&self) -> String {
        format!("/2010-04-01/Accounts/{}/Addresses", self.account_sid)
    }

    fn render_address(&self, sid: &str, a: &Address) -> Value {
        json!({
            "account_sid": self.account_sid,
            "city": a.city,
            "customer_name": a.customer_name,
            "date_created": rfc2822(a.created),
            "date_updated": rfc2822(a.updated),
            "emergency_enabled": false,
            "friendly_name": a.friendly_name,
            "iso_country": a.iso_country,
            "postal_code": a.postal_code,
            "region": a.region,
            "sid": sid,
            "street": a.street,
            "street_secondary": a.street_secondary,
            "validated": true,
            "verified": false,
            "uri": format!("{}/{sid}.json", self.addresses_path()),
        })
    }

    pub fn list_addresses(&self, query: &Pairs) -> Reply {
        let all: Vec<(&String, &Address)> = self.addresses.iter().collect();
        let records = page_slice(&all, query)?
            .iter()
            .map(|(sid, a)| self.render_address(sid, a))
            .collect();
        Ok(classic_page(
            &format!("{}.json", self.addresses_path()),
            "addresses",
            query,
            all.len(),
            records,
        ))
    }

    pub fn fetch_address(&self, sid: &str, path: &str) -> Reply {
        let a = self
            .addresses
            .get(sid)
            .ok_or_else(|| Refusal::not_found(path))?;
        Ok(self.render_address(sid, a))
    }

    /// `POST .../Addresses.json`: CustomerName, Street, City, Region, PostalCode, IsoCountry.
    pub fn create_address(&mut self, form: &Pairs) -> Reply {
        let need = |name: &str| -> Result<String, Refusal> {
            text(form, name)?
                .map(str::to_owned)
                .ok_or_else(|| Refusal::missing(name))
        };
        let iso = need("IsoCountry")?;
        if iso.len() != 2 || !iso.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(Refusal::invalid(
                "IsoCountry",
                "must be a two-letter country code",
            ));
        }
        let t = now();
        let address = Address {
            customer_name: need("CustomerName")?,
            street: need("Street")?,
            city: need("City")?,
            region: need("Region")?,
            postal_code: need("PostalCode")?,
            iso_country: iso.to_ascii_uppercase(),
            street_secondary: get(form, "StreetSecondary")
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
            friendly_name: get(form, "FriendlyName").unwrap_or_default().to_owned(),
            created: t,
            updated: t,
        };
        let sid = self.new_sid("AD");
        let rendered = self.render_address(&sid, &address);
        self.addresses.insert(sid, address);
        Ok(rendered)
    }

    /// `POST .../Addresses/{Sid}.json`: the country cannot change.
    pub fn update_address(&mut self, sid: &str, path: &str, form: &Pairs) -> Reply {
        if get(form, "IsoCountry").is_some() {
            return Err(Refusal::new(
                400,
                21627,
                "The country of an address cannot be changed; create a new address instead",
            ));
        }
        let mut changes: Vec<(&str, String)> = Vec::new();
        for name in ["CustomerName", "Street", "City", "Region", "PostalCode"] {
            if let Some(v) = text(form, name)? {
                changes.push((name, v.to_owned()));
            }
        }
        let a = self
            .addresses
            .get_mut(sid)
            .ok_or_else(|| Refusal::not_found(path))?;
        for (name, v) in changes {
            match name {
                "CustomerName" => a.customer_name = v,
                "Street" => a.street = v,
                "City" => a.city = v,
                "Region" => a.region = v,
                _ => a.postal_code = v,
            }
        }
        if let Some(v) = get(form, "StreetSecondary") {
            a.street_secondary = (!v.is_empty()).then(|| v.to_owned());
        }
        if let Some(v) = get(form, "FriendlyName") {
            v.clone_into(&mut a.friendly_name);
        }
        a.updated = now().max(later(a.updated, 1));
        self.fetch_address(sid, path)
    }

    /// `DELETE`: not while a document still names it.
    pub fn delete_address(&mut self, sid: &str, path: &str) -> Result<(), Refusal> {
        if !self.addresses.contains_key(sid) {
            return Err(Refusal::not_found(path));
        }
        let used = self.documents.values().any(|d| {
            d.attributes
                .get("address_sids")
                .is_some_and(|v| v.to_string().contains(sid))
        });
        if used {
            return Err(Refusal::new(
                400,
                21625,
                "This address is used by a supporting document",
            ));
        }
        self.addresses.remove(sid);
        Ok(())
    }

    pub fn list_numbers(&self, query: &Pairs) -> Reply {
        let path = format!(
            "/2010-04-01/Accounts/{}/IncomingPhoneNumbers",
            self.account_sid
        );
        let records = page_slice(&self.numbers, query)?
            .iter()
            .map(|n| {
                json!({
                    "account_sid": self.account_sid,
                    "sid": n.sid,
                    "phone_number": n.phone_number,
                    "friendly_name": n.friendly_name,
                    "address_sid": n.address_sid,
                    "date_created": rfc2822(n.created),
                    "date_updated": rfc2822(n.created),
                    "capabilities": {"voice": true, "sms": true, "mms": true, "fax": false},
                    "status": "in-use",
                    "uri": format!("{path}/{}.json", n.sid),
                })
            })
            .collect();
        Ok(classic_page(
            &format!("{path}.json"),
            "incoming_phone_numbers",
            query,
            self.numbers.len(),
            records,
        ))
    }
}
