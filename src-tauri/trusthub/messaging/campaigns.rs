//! Campaigns (`/v1/Services/{MG}/Compliance/Usa2p`): the use cases a brand may register,
//! and creating, editing and deleting the one campaign of a Messaging Service.

use super::brands::incomplete;
use super::campaign_form::{self, CampaignInput};
use super::models::{Campaign, Usecase, UsecaseList};
use super::services::service_sid;
use super::Made;
use crate::credentials::Credentials;
use crate::trusthub::client::{ListForm, Result};
use crate::trusthub::limits::PAGE_SIZE;
use crate::trusthub::models::Listing;
use crate::trusthub::validate::{self, FieldError};
use crate::trusthub::{TrustHubClient, TrustHubError};

fn campaigns_path(service: &str) -> String {
    format!("/v1/Services/{service}/Compliance/Usa2p")
}

fn campaign_sid(sid: &str) -> std::result::Result<String, FieldError> {
    validate::sid("campaignSid", sid, "QE", "campaign SID")
}

/// The form's first problem, for callers that did not check it themselves first.
fn checked(input: &CampaignInput) -> Result<campaign_form::CheckedCampaign> {
    campaign_form::check(input).map_err(|errors| {
        errors
            .into_iter()
            .next()
            .unwrap_or_else(|| FieldError::new("campaign", "The campaign is incomplete."))
            .into()
    })
}

impl TrustHubClient {
    /// The campaigns on a service (Twilio allows one).
    pub async fn list_campaigns(
        &self,
        c: &Credentials,
        service: &str,
    ) -> Result<Listing<Campaign>> {
        let service = service_sid(service)?;
        self.pace.turn(c.account_sid()).await;
        let first = Self::first_page(self.messaging_url(&campaigns_path(&service)), PAGE_SIZE);
        self.list_all(c, first, ListForm::TrustHub, "campaigns")
            .await
    }

    pub async fn fetch_campaign(
        &self,
        c: &Credentials,
        service: &str,
        sid: &str,
    ) -> Result<Campaign> {
        let service = service_sid(service)?;
        let sid = campaign_sid(sid)?;
        self.pace.turn(c.account_sid()).await;
        self.get_json(
            c,
            self.messaging_url(&format!("{}/{sid}", campaigns_path(&service))),
        )
        .await
    }

    /// The use cases Twilio allows this brand, with its words for each.
    pub async fn list_usecases(
        &self,
        c: &Credentials,
        service: &str,
        brand: &str,
    ) -> Result<Vec<Usecase>> {
        let service = service_sid(service)?;
        let brand = validate::sid("brandSid", brand, "BN", "brand SID")?;
        self.pace.turn(c.account_sid()).await;
        let mut url = self.messaging_url(&format!("{}/Usecases", campaigns_path(&service)));
        url.query_pairs_mut()
            .append_pair("BrandRegistrationSid", &brand);
        let list: UsecaseList = self.get_json(c, url).await?;
        Ok(list.us_app_to_person_usecases.unwrap_or_default())
    }

    /// Submits a campaign on `service`, unless the service has this brand's campaign
    /// already (a retry after a lost answer). Twilio vets, and charges for, each submission.
    pub async fn create_campaign(
        &self,
        c: &Credentials,
        service: &str,
        input: &CampaignInput,
    ) -> Result<Made<Campaign>> {
        let service = service_sid(service)?;
        let form = checked(input)?;
        let existing = self.list_campaigns(c, &service).await?;
        if let Some(campaign) = existing.records.into_iter().next() {
            if campaign.brand_registration_sid.as_deref() == Some(form.brand_sid()) {
                return Ok(Made {
                    record: campaign,
                    existing: true,
                });
            }
            return Err(TrustHubError::InvalidInput(FieldError::new(
                "serviceSid",
                "This Messaging Service already has a campaign of another brand. Choose another service, or make a new one.",
            )));
        }
        if existing.note.is_some() {
            return Err(incomplete("campaigns"));
        }
        self.pace.turn(c.account_sid()).await;
        let record = self
            .post_json(
                c,
                self.messaging_url(&campaigns_path(&service)),
                &form.create_form(),
            )
            .await?;
        Ok(Made {
            record,
            existing: false,
        })
    }

    /// Sends the fixed fields of a failed campaign; Twilio vets, and charges for, it again.
    /// The use case cannot change this way.
    pub async fn edit_campaign(
        &self,
        c: &Credentials,
        service: &str,
        sid: &str,
        input: &CampaignInput,
    ) -> Result<Campaign> {
        let service = service_sid(service)?;
        let sid = campaign_sid(sid)?;
        let form = checked(input)?;
        self.pace.turn(c.account_sid()).await;
        self.post_json(
            c,
            self.messaging_url(&format!("{}/{sid}", campaigns_path(&service))),
            &form.edit_form(),
        )
        .await
    }

    /// Deletes a campaign: its numbers stop being registered for texting.
    pub async fn delete_campaign(&self, c: &Credentials, service: &str, sid: &str) -> Result<()> {
        let service = service_sid(service)?;
        let sid = campaign_sid(sid)?;
        self.pace.turn(c.account_sid()).await;
        self.delete(
            c,
            self.messaging_url(&format!("{}/{sid}", campaigns_path(&service))),
        )
        .await
    }
}
