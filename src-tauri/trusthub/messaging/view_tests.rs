//! The Texting area's view: names, brand words, resubmissions left, reasons, services and
//! numbers, and the pairs still without a brand.

use super::*;
use crate::trusthub::messaging::chain::{chain, ServiceRecords};
use crate::trusthub::messaging::models::{
    Brand, Campaign, MessagingService, RegistrationError, ServiceNumber,
};
use crate::trusthub::models::PhoneNumber;

fn read() -> TextingRead {
    let failed = Brand {
        sid: Some("BN1".into()),
        customer_profile_bundle_sid: Some("BUp".into()),
        a2p_profile_bundle_sid: Some("BUa".into()),
        brand_type: Some("STANDARD".into()),
        skip_automatic_sec_vet: Some(true),
        status: Some("failed".into()),
        identity_status: Some("UNVERIFIED".into()),
        brand_score: Some(42),
        errors: Some(vec![RegistrationError {
            error_code: Some(30729),
            description: Some("country".into()),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let services = vec![
        ServiceRecords {
            service: MessagingService {
                sid: Some("MG1".into()),
                friendly_name: Some("Offers".into()),
                ..Default::default()
            },
            campaigns: vec![Campaign {
                sid: Some("QE1".into()),
                brand_registration_sid: Some("BN1".into()),
                campaign_status: Some("FAILED".into()),
                errors: Some(vec![RegistrationError {
                    error_code: Some(30885),
                    fields: Some(vec!["DESCRIPTION".into()]),
                    ..Default::default()
                }]),
                ..Default::default()
            }],
            numbers: vec![ServiceNumber {
                sid: Some("PN1".into()),
                phone_number: Some("+14155550100".into()),
                ..Default::default()
            }],
        },
        ServiceRecords {
            service: MessagingService {
                sid: Some("MG2".into()),
                friendly_name: Some("Empty".into()),
                ..Default::default()
            },
            ..Default::default()
        },
    ];
    let numbers = vec![
        PhoneNumber {
            sid: Some("PN1".into()),
            phone_number: Some("+14155550100".into()),
            ..Default::default()
        },
        PhoneNumber {
            sid: Some("PN2".into()),
            phone_number: Some("+14155550101".into()),
            ..Default::default()
        },
    ];
    let brands = vec![failed];
    TextingRead {
        chain: chain(&brands, &services, &numbers),
        brands,
        services,
        numbers,
        notes: Vec::new(),
    }
}

fn extras(used: u32) -> Extras {
    Extras {
        names: [("BUp", "Fabrikam"), ("BUa", "Fabrikam texts")]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
        resubmitted: [("BN1".to_owned(), used)].into_iter().collect(),
        choices: vec![
            BrandChoice {
                customer_profile_sid: "BUp".into(),
                customer_profile_name: "Fabrikam".into(),
                a2p_trust_product_sid: "BUa".into(),
                a2p_trust_product_name: "Fabrikam texts".into(),
            },
            BrandChoice {
                customer_profile_sid: "BUq".into(),
                customer_profile_name: "Contoso".into(),
                a2p_trust_product_sid: "BUb".into(),
                a2p_trust_product_name: "Contoso texts".into(),
            },
        ],
        incomplete: None,
    }
}

#[test]
fn a_failed_brand_is_named_explained_and_counted() {
    let v = view(&read(), extras(1));
    let b = &v.businesses[0];
    assert_eq!(b.name, "Fabrikam");
    assert_eq!(b.a2p_name.as_deref(), Some("Fabrikam texts"));
    assert_eq!(b.status_code, "FAILED");
    assert_eq!(b.kind, "Low-volume standard");
    assert_eq!(
        b.identity,
        "Not verified: the details did not match the registries"
    );
    assert_eq!(b.score, Some(42));
    assert_eq!(b.reasons[0].code, Some(30729));
    assert_eq!(b.resubmissions_left, 2);
    assert!(b.can_resubmit);
    assert!(!b.sole_proprietor);
}

#[test]
fn resubmissions_used_up_stop_the_resubmit() {
    let v = view(&read(), extras(3));
    assert_eq!(v.businesses[0].resubmissions_left, 0);
    assert!(!v.businesses[0].can_resubmit);
    let v = view(&read(), extras(7));
    assert_eq!(v.businesses[0].resubmissions_left, 0, "never below zero");
}

#[test]
fn a_high_risk_campaign_is_marked_and_its_reason_sits_at_its_field() {
    let v = view(&read(), extras(0));
    let c = &v.businesses[0].campaigns[0];
    assert_eq!(c.status_code, "FAILED");
    assert!(c.high_risk);
    assert_eq!(c.reasons[0].fields, ["description"]);
}

#[test]
fn services_numbers_and_the_pairs_left_to_register() {
    let v = view(&read(), extras(0));
    assert_eq!(
        v.services
            .iter()
            .map(|s| (s.sid.as_str(), s.campaign_sid.as_deref(), s.numbers.len()))
            .collect::<Vec<_>>(),
        [("MG1", Some("QE1"), 1), ("MG2", None, 0)]
    );
    assert_eq!(v.numbers[0].service_sid.as_deref(), Some("MG1"));
    assert_eq!(v.numbers[1].service_sid, None);
    assert_eq!(
        v.choices.len(),
        1,
        "the pair with a brand is not offered again"
    );
    assert_eq!(v.choices[0].customer_profile_name, "Contoso");
    assert_eq!(v.numbers_not_texting.len(), 2);
}

#[test]
fn an_unnamed_profile_says_so_and_a_cut_list_is_told() {
    let mut r = read();
    r.notes.push(crate::trusthub::models::ListNote {
        reason: crate::trusthub::models::ListStop::Pages,
        message: "Only the first 100 pages were read.".into(),
    });
    let v = view(&r, Extras::default());
    assert_eq!(
        v.businesses[0].name,
        "A business whose Customer-Profile is not in this account's list"
    );
    assert_eq!(
        v.incomplete.as_deref(),
        Some("Only the first 100 pages were read.")
    );
}
