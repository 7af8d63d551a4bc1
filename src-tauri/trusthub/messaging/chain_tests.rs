//! The texting chain: each business's next step, and the numbers that cannot text yet.

use super::*;

fn brand(sid: &str, status: &str) -> Brand {
    Brand {
        sid: Some(sid.into()),
        status: Some(status.into()),
        customer_profile_bundle_sid: Some("BU1".into()),
        a2p_profile_bundle_sid: Some("BU2".into()),
        ..Default::default()
    }
}

fn service(sid: &str, campaign: Option<(&str, &str)>, numbers: &[(&str, &str)]) -> ServiceRecords {
    ServiceRecords {
        service: MessagingService {
            sid: Some(sid.into()),
            friendly_name: Some(format!("Service {sid}")),
            ..Default::default()
        },
        campaigns: campaign
            .map(|(brand, status)| Campaign {
                sid: Some(format!("QE{sid}")),
                brand_registration_sid: Some(brand.into()),
                campaign_status: Some(status.into()),
                us_app_to_person_usecase: Some("MIXED".into()),
                ..Default::default()
            })
            .into_iter()
            .collect(),
        numbers: numbers
            .iter()
            .map(|(sid, n)| ServiceNumber {
                sid: Some((*sid).into()),
                phone_number: Some((*n).into()),
                ..Default::default()
            })
            .collect(),
    }
}

fn number(sid: &str, n: &str) -> PhoneNumber {
    PhoneNumber {
        friendly_name: Some(format!("Line {sid}")),
        ..super::super::test_numbers::number(sid, n)
    }
}

fn steps(brands: &[Brand], services: &[ServiceRecords]) -> Vec<NextStep> {
    chain(brands, services, &[])
        .businesses
        .into_iter()
        .map(|b| b.next_step)
        .collect()
}

#[test]
fn each_business_gets_the_one_step_it_is_at() {
    assert_eq!(
        steps(&[brand("BN1", "PENDING")], &[]),
        [NextStep::WaitForBrand]
    );
    assert_eq!(
        steps(&[brand("BN1", "IN_REVIEW")], &[]),
        [NextStep::WaitForBrand]
    );
    assert_eq!(steps(&[brand("BN1", "FAILED")], &[]), [NextStep::FixBrand]);
    assert_eq!(
        steps(&[brand("BN1", "APPROVED")], &[]),
        [NextStep::CreateCampaign]
    );
    let pending = service("MG1", Some(("BN1", "IN_PROGRESS")), &[]);
    assert_eq!(
        steps(&[brand("BN1", "APPROVED")], &[pending]),
        [NextStep::WaitForCampaign]
    );
    let failed = service("MG1", Some(("BN1", "FAILED")), &[("PN1", "+14155550100")]);
    assert_eq!(
        steps(&[brand("BN1", "APPROVED")], &[failed]),
        [NextStep::FixCampaign]
    );
    let empty = service("MG1", Some(("BN1", "VERIFIED")), &[]);
    assert_eq!(
        steps(&[brand("BN1", "APPROVED")], &[empty]),
        [NextStep::AddNumbers]
    );
    let ready = service("MG1", Some(("BN1", "VERIFIED")), &[("PN1", "+14155550100")]);
    assert_eq!(
        steps(&[brand("BN1", "APPROVED")], std::slice::from_ref(&ready)),
        [NextStep::Ready]
    );
    // Another brand's campaign is not this brand's.
    assert_eq!(
        steps(&[brand("BN2", "APPROVED")], &[ready]),
        [NextStep::CreateCampaign]
    );
}

#[test]
fn a_business_shows_its_campaigns_with_their_service_and_numbers_in_words() {
    let services = [service(
        "MG1",
        Some(("BN1", "VERIFIED")),
        &[("PN1", "+14155550100")],
    )];
    let c = chain(&[brand("BN1", "APPROVED")], &services, &[]);
    let b = &c.businesses[0];
    assert_eq!(b.brand_status, "Approved");
    assert_eq!(b.next_step_words, NextStep::Ready.words());
    assert_eq!(
        b.campaigns,
        [CampaignStep {
            campaign_sid: Some("QEMG1".into()),
            service_sid: Some("MG1".into()),
            service_name: "Service MG1".into(),
            status: "Approved".into(),
            usecase: Some("MIXED".into()),
            numbers: vec!["+14155550100".into()],
        }]
    );
    assert_eq!(
        brand_status_words(Some("deletion_failed")),
        "Could not be deleted"
    );
    assert_eq!(
        campaign_status_words(Some("SOMETHING_NEW")),
        "Status unknown to TrustHub Desk"
    );
}

#[test]
fn every_us_local_number_outside_an_approved_campaign_is_listed_with_why_in_number_order() {
    let services = [
        service("MG1", Some(("BN1", "VERIFIED")), &[("PN1", "+14155550101")]),
        service("MG2", Some(("BN1", "FAILED")), &[("PN2", "+14155550102")]),
        service("MG3", Some(("BN1", "PENDING")), &[("PN3", "+14155550103")]),
        service("MG4", None, &[("PN4", "+14155550104")]),
    ];
    let numbers = [
        number("PN5", "+14155550105"),
        number("PN4", "+14155550104"),
        number("PN3", "+14155550103"),
        number("PN2", "+14155550102"),
        number("PN1", "+14155550101"),
        number("PN6", "+18005550100"),
        number("PN7", "+447700900123"),
    ];
    let gaps: Vec<(String, Gap)> = chain(&[brand("BN1", "APPROVED")], &services, &numbers)
        .numbers_not_texting
        .into_iter()
        .map(|g| (g.phone_number, g.gap))
        .collect();
    assert_eq!(
        gaps,
        [
            ("+14155550102".to_owned(), Gap::CampaignFailed),
            ("+14155550103".to_owned(), Gap::CampaignInReview),
            ("+14155550104".to_owned(), Gap::NoCampaign),
            ("+14155550105".to_owned(), Gap::NoService),
        ],
        "approved, toll-free and other countries' numbers are not listed"
    );
    assert!(Gap::NoService
        .words()
        .starts_with("Cannot text US numbers yet"));
}

#[test]
fn brand_and_campaign_statuses_are_followed_as_profiles_are() {
    let said: Vec<Option<&str>> = [
        "PENDING",
        "in_review",
        "IN_PROGRESS",
        "APPROVED",
        "VERIFIED",
        "FAILED",
        "SUSPENDED",
        "",
    ]
    .iter()
    .map(|s| watch_status(Some(s)))
    .collect();
    assert_eq!(
        said,
        [
            Some("in-review"),
            Some("in-review"),
            Some("in-review"),
            Some("twilio-approved"),
            Some("twilio-approved"),
            Some("twilio-rejected"),
            None,
            None
        ]
    );
}
