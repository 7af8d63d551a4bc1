//! Messaging Services (`/v1/Services`) and the numbers in them: a campaign covers exactly
//! the numbers in its service.

use super::brands::incomplete;
use super::models::{MessagingService, ServiceNumber};
use super::Made;
use crate::credentials::Credentials;
use crate::trusthub::client::{ListForm, Result};
use crate::trusthub::limits::PAGE_SIZE;
use crate::trusthub::models::Listing;
use crate::trusthub::validate::{self, FieldError};
use crate::trusthub::TrustHubClient;

/// The longest service name the app sends (Twilio's Console allows 64).
pub const SERVICE_NAME_MAX: usize = 64;

pub(super) fn service_sid(sid: &str) -> std::result::Result<String, FieldError> {
    validate::sid("serviceSid", sid, "MG", "Messaging Service SID")
}

fn number_sid(sid: &str) -> std::result::Result<String, FieldError> {
    validate::sid("phoneNumberSid", sid, "PN", "phone number SID")
}

impl TrustHubClient {
    /// Every Messaging Service of the account.
    pub async fn list_services(&self, c: &Credentials) -> Result<Listing<MessagingService>> {
        let first = Self::first_page(self.messaging_url("/v1/Services"), PAGE_SIZE);
        self.list_all(c, first, ListForm::TrustHub, "Messaging Services")
            .await
    }

    /// Makes a Messaging Service with this name, unless the account has one of that name.
    pub async fn create_service(
        &self,
        c: &Credentials,
        name: &str,
    ) -> Result<Made<MessagingService>> {
        let name = name.trim();
        if name.is_empty() {
            return Err(
                FieldError::new("serviceName", "Enter a name for the Messaging Service.").into(),
            );
        }
        if name.chars().count() > SERVICE_NAME_MAX {
            return Err(FieldError::new(
                "serviceName",
                format!("The name is longer than Twilio accepts ({SERVICE_NAME_MAX} characters)."),
            )
            .into());
        }
        let services = self.list_services(c).await?;
        if let Some(service) = services
            .records
            .into_iter()
            .find(|s| s.friendly_name.as_deref().map(str::trim) == Some(name))
        {
            return Ok(Made {
                record: service,
                existing: true,
            });
        }
        if services.note.is_some() {
            return Err(incomplete("Messaging Services"));
        }
        let record = self
            .post_json(
                c,
                self.messaging_url("/v1/Services"),
                &[("FriendlyName", name)],
            )
            .await?;
        Ok(Made {
            record,
            existing: false,
        })
    }

    /// Deletes a service (one made for a campaign that was then not made); its numbers
    /// stay the account's.
    pub async fn delete_service(&self, c: &Credentials, service: &str) -> Result<()> {
        let service = service_sid(service)?;
        self.delete(c, self.messaging_url(&format!("/v1/Services/{service}")))
            .await
    }

    /// The numbers in a service.
    pub async fn list_service_numbers(
        &self,
        c: &Credentials,
        service: &str,
    ) -> Result<Listing<ServiceNumber>> {
        let service = service_sid(service)?;
        let first = Self::first_page(
            self.messaging_url(&format!("/v1/Services/{service}/PhoneNumbers")),
            PAGE_SIZE,
        );
        self.list_all(c, first, ListForm::TrustHub, "numbers").await
    }

    /// Adds one of the account's numbers to a service.
    pub async fn add_service_number(
        &self,
        c: &Credentials,
        service: &str,
        number: &str,
    ) -> Result<ServiceNumber> {
        let service = service_sid(service)?;
        let number = number_sid(number)?;
        self.post_json(
            c,
            self.messaging_url(&format!("/v1/Services/{service}/PhoneNumbers")),
            &[("PhoneNumberSid", number.as_str())],
        )
        .await
    }

    /// Takes a number out of a service (the number itself stays the account's).
    pub async fn remove_service_number(
        &self,
        c: &Credentials,
        service: &str,
        number: &str,
    ) -> Result<()> {
        let service = service_sid(service)?;
        let number = number_sid(number)?;
        self.delete(
            c,
            self.messaging_url(&format!("/v1/Services/{service}/PhoneNumbers/{number}")),
        )
        .await
    }
}
