//! The classic API (`/2010-04-01/Accounts/{AccountSid}/…` on `api.twilio.com`): addresses,
//! phone numbers, subaccounts. It speaks differently from TrustHub (RFC 2822 dates, lists
//! under a key named for the resource, paging by a relative `next_page_uri`); `ListForm`
//! and `parse_classic_page` hold that difference in one place.

use super::client::{ListForm, Result};
use super::limits::PAGE_SIZE;
use super::models::*;
use super::validate::{self, FieldError};
use super::{TrustHubClient, TrustHubError};
use crate::credentials::Credentials;

/// The checks Twilio applies to an address, before anything is sent.
fn address_field(field: &str, value: &str, what: &str) -> std::result::Result<String, FieldError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(FieldError::new(field, format!("Enter the {what}.")));
    }
    if v.chars().count() > 200 {
        return Err(FieldError::new(
            field,
            format!("The {what} is longer than Twilio accepts (200 characters)."),
        ));
    }
    Ok(v.to_owned())
}

fn country(value: &str) -> std::result::Result<String, FieldError> {
    let v = value.trim().to_ascii_uppercase();
    if v.len() == 2 && v.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(v)
    } else {
        Err(FieldError::new(
            "isoCountry",
            "Choose the country from the list.",
        ))
    }
}

impl TrustHubClient {
    fn account_path(c: &Credentials, rest: &str) -> String {
        format!("/2010-04-01/Accounts/{}/{rest}", c.account_sid())
    }

    /// Every address of the account.
    pub async fn list_addresses(&self, c: &Credentials) -> Result<Listing<Address>> {
        let first = Self::first_page(
            self.api_url(&Self::account_path(c, "Addresses.json")),
            PAGE_SIZE,
        );
        self.list_all(c, first, ListForm::Classic("addresses"), "addresses")
            .await
    }

    pub async fn fetch_address(&self, c: &Credentials, sid: &str) -> Result<Address> {
        let sid = validate::sid("sid", sid, "AD", "address SID")?;
        self.get_json(
            c,
            self.api_url(&Self::account_path(c, &format!("Addresses/{sid}.json"))),
        )
        .await
    }

    /// `POST .../Addresses.json`: every field Twilio requires, checked first.
    pub async fn create_address(&self, c: &Credentials, input: &AddressInput) -> Result<Address> {
        let customer = address_field("customerName", &input.customer_name, "name at this address")?;
        let street = address_field("street", &input.street, "street and number")?;
        let city = address_field("city", &input.city, "city")?;
        let region = address_field("region", &input.region, "state or region")?;
        let postal = address_field("postalCode", &input.postal_code, "postal code")?;
        let iso = country(&input.iso_country)?;
        let mut form = vec![
            ("CustomerName", customer.as_str()),
            ("Street", street.as_str()),
            ("City", city.as_str()),
            ("Region", region.as_str()),
            ("PostalCode", postal.as_str()),
            ("IsoCountry", iso.as_str()),
        ];
        let secondary = input
            .street_secondary
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        if let Some(s) = secondary {
            form.push(("StreetSecondary", s));
        }
        let name = input
            .friendly_name
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        if let Some(n) = name {
            form.push(("FriendlyName", n));
        }
        self.post_json(
            c,
            self.api_url(&Self::account_path(c, "Addresses.json")),
            &form,
        )
        .await
    }

    /// `POST .../Addresses/{Sid}.json` with the fields that change. The country is not one
    /// of them: Twilio does not change it (create a new address instead).
    pub async fn update_address(
        &self,
        c: &Credentials,
        sid: &str,
        update: &AddressUpdate,
    ) -> Result<Address> {
        let sid = validate::sid("sid", sid, "AD", "address SID")?;
        let mut owned: Vec<(&str, String)> = Vec::new();
        let fields = [
            (
                "CustomerName",
                "customerName",
                &update.customer_name,
                "name at this address",
            ),
            ("Street", "street", &update.street, "street and number"),
            ("City", "city", &update.city, "city"),
            ("Region", "region", &update.region, "state or region"),
            (
                "PostalCode",
                "postalCode",
                &update.postal_code,
                "postal code",
            ),
        ];
        for (param, field, value, what) in fields {
            if let Some(v) = value {
                owned.push((param, address_field(field, v, what)?));
            }
        }
        if let Some(v) = &update.street_secondary {
            owned.push(("StreetSecondary", v.trim().to_owned()));
        }
        if let Some(v) = &update.friendly_name {
            owned.push(("FriendlyName", v.trim().to_owned()));
        }
        if owned.is_empty() {
            return Err(FieldError::new(
                "form",
                "Nothing has changed, so there is nothing to save.",
            )
            .into());
        }
        let form: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.post_json(
            c,
            self.api_url(&Self::account_path(c, &format!("Addresses/{sid}.json"))),
            &form,
        )
        .await
    }

    pub async fn delete_address(&self, c: &Credentials, sid: &str) -> Result<()> {
        let sid = validate::sid("sid", sid, "AD", "address SID")?;
        self.delete(
            c,
            self.api_url(&Self::account_path(c, &format!("Addresses/{sid}.json"))),
        )
        .await
    }

    /// The account the credentials were saved for, as the classic API answers it, refused
    /// unless it is that very account: an API key of account B typed under account A's SID
    /// is found here, before anything is saved.
    pub async fn fetch_own_account(&self, c: &Credentials) -> Result<AccountRecord> {
        let typed = c.account_sid();
        let mismatch = || {
            TrustHubError::InvalidInput(FieldError::new(
                "accountSid",
                format!("These credentials do not open the account {typed}: the key or token belongs to another Twilio account. Copy the Account SID from the same account as the key or token."),
            ))
        };
        let url = self.api_url(&format!("/2010-04-01/Accounts/{typed}.json"));
        let account: AccountRecord = match self.get_json(c, url).await {
            Err(TrustHubError::Api(e)) if e.status == 404 => return Err(mismatch()),
            other => other?,
        };
        if account.sid.as_deref() != Some(typed) {
            log::warn!("the credentials typed for {typed} opened another account");
            return Err(mismatch());
        }
        Ok(account)
    }

    /// Every phone number of the account.
    pub async fn list_phone_numbers(&self, c: &Credentials) -> Result<Listing<PhoneNumber>> {
        let first = Self::first_page(
            self.api_url(&Self::account_path(c, "IncomingPhoneNumbers.json")),
            PAGE_SIZE,
        );
        self.list_all(
            c,
            first,
            ListForm::Classic("incoming_phone_numbers"),
            "phone numbers",
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_twilio_the_classic_api_is_its_own_host_with_an_override_the_same_server() {
        let twilio = url::Url::parse(super::super::base_url::TWILIO_BASE_URL).unwrap();
        let http = super::super::http_client_for(&twilio).unwrap();
        let client = TrustHubClient::new(http.clone(), twilio);
        let c = Credentials::new("AC0123456789abcdef0123456789abcdef", None, "t".into()).unwrap();
        let address = client.api_url(&TrustHubClient::account_path(&c, "Addresses.json"));
        assert_eq!(
            address.as_str(),
            "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Addresses.json"
        );
        assert_eq!(
            client.url("/v1/Policies").host_str(),
            Some("trusthub.twilio.com")
        );
        let local = url::Url::parse("http://127.0.0.1:4010").unwrap();
        let client = TrustHubClient::new(http, local);
        assert_eq!(
            client.api_url("/2010-04-01/Accounts.json").as_str(),
            "http://127.0.0.1:4010/2010-04-01/Accounts.json"
        );
    }
}
