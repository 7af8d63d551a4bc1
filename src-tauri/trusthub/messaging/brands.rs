//! Brands (`/v1/a2p/BrandRegistrations`): registered from an approved Customer-Profile and
//! A2P Trust Product, resubmitted after a fix, vetted again, confirmed by text for sole
//! proprietors.

use super::models::{Brand, BrandInput, BrandKind, BrandOtp, BrandVetting};
use super::Made;
use crate::credentials::Credentials;
use crate::trusthub::client::{ListForm, Result};
use crate::trusthub::limits::PAGE_SIZE;
use crate::trusthub::models::Listing;
use crate::trusthub::validate::{self, FieldError};
use crate::trusthub::{TrustHubClient, TrustHubError};

const BRANDS: &str = "/v1/a2p/BrandRegistrations";

fn brand_sid(sid: &str) -> std::result::Result<String, FieldError> {
    validate::sid("brandSid", sid, "BN", "brand SID")
}

impl TrustHubClient {
    /// Every brand of the account.
    pub async fn list_brands(&self, c: &Credentials) -> Result<Listing<Brand>> {
        self.pace.turn(c.account_sid()).await;
        let first = Self::first_page(self.messaging_url(BRANDS), PAGE_SIZE);
        self.list_all(c, first, ListForm::TrustHub, "brands").await
    }

    pub async fn fetch_brand(&self, c: &Credentials, sid: &str) -> Result<Brand> {
        let sid = brand_sid(sid)?;
        self.pace.turn(c.account_sid()).await;
        self.get_json(c, self.messaging_url(&format!("{BRANDS}/{sid}")))
            .await
    }

    /// Registers a brand for the pair, unless one is there already: the brands are read
    /// first, so a create retried after a lost answer finds the first one.
    pub async fn register_brand(&self, c: &Credentials, input: &BrandInput) -> Result<Made<Brand>> {
        let profile = validate::sid(
            "customerProfileSid",
            &input.customer_profile_sid,
            "BU",
            "Customer-Profile SID",
        )?;
        let product = validate::sid(
            "a2pTrustProductSid",
            &input.a2p_trust_product_sid,
            "BU",
            "A2P Trust Product SID",
        )?;
        if profile == product {
            return Err(FieldError::new(
                "a2pTrustProductSid",
                "Choose the A2P Trust Product, not the Customer-Profile, here.",
            )
            .into());
        }
        let brands = self.list_brands(c).await?;
        if let Some(brand) = brands.records.into_iter().find(|b| {
            b.customer_profile_bundle_sid.as_deref() == Some(profile.as_str())
                && b.a2p_profile_bundle_sid.as_deref() == Some(product.as_str())
        }) {
            return Ok(Made {
                record: brand,
                existing: true,
            });
        }
        if brands.note.is_some() {
            return Err(incomplete("brands"));
        }
        let mut form = vec![
            ("CustomerProfileBundleSid", profile.as_str()),
            ("A2PProfileBundleSid", product.as_str()),
            (
                "BrandType",
                match input.kind {
                    BrandKind::SoleProprietor => "SOLE_PROPRIETOR",
                    BrandKind::Standard | BrandKind::LowVolumeStandard => "STANDARD",
                },
            ),
        ];
        if input.kind == BrandKind::LowVolumeStandard {
            form.push(("SkipAutomaticSecVet", "true"));
        }
        if input.mock {
            form.push(("Mock", "true"));
        }
        self.pace.turn(c.account_sid()).await;
        let record = self.post_json(c, self.messaging_url(BRANDS), &form).await?;
        Ok(Made {
            record,
            existing: false,
        })
    }

    /// Asks Twilio to review a failed brand again, after its profile or Trust Product was
    /// fixed: a `POST` with no body. Twilio counts these (three at most).
    pub async fn resubmit_brand(&self, c: &Credentials, sid: &str) -> Result<Brand> {
        let sid = brand_sid(sid)?;
        self.pace.turn(c.account_sid()).await;
        self.post_record(c, self.messaging_url(&format!("{BRANDS}/{sid}")), None)
            .await
    }

    /// The brand's secondary vettings.
    pub async fn list_brand_vettings(
        &self,
        c: &Credentials,
        sid: &str,
    ) -> Result<Listing<BrandVetting>> {
        let sid = brand_sid(sid)?;
        self.pace.turn(c.account_sid()).await;
        let first = Self::first_page(
            self.messaging_url(&format!("{BRANDS}/{sid}/Vettings")),
            PAGE_SIZE,
        );
        self.list_all(c, first, ListForm::TrustHub, "vettings")
            .await
    }

    /// Sends a sole proprietor's confirmation text again (the code is valid 24 hours).
    pub async fn resend_brand_confirmation(&self, c: &Credentials, sid: &str) -> Result<()> {
        let sid = brand_sid(sid)?;
        self.pace.turn(c.account_sid()).await;
        let url = self.messaging_url(&format!("{BRANDS}/{sid}/SmsOtp"));
        let _: BrandOtp = self.post_record(c, url, None).await?;
        Ok(())
    }
}

/// A list cut short cannot prove that nothing is there yet: nothing is made.
pub(super) fn incomplete(what: &str) -> TrustHubError {
    TrustHubError::UnexpectedResponse {
        status: 200,
        message: format!(
            "TrustHub Desk could not read all of the account's {what}, so it cannot tell whether this one exists already. Nothing was made; try again later."
        ),
    }
}
