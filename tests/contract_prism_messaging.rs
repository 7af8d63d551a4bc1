//! Texting's requests against Prism serving Twilio's Messaging v1 spec: Prism answers 422
//! to a request that breaks the spec (path, method, SID pattern, required field), so each
//! call fails here if the client drifts from what `messaging.twilio.com` accepts. The
//! spec's examples break its own SID patterns (`VT12445353`), so Prism checks requests only.
//! Needs `npm ci` in scripts/ (scripts/test.sh does it).

mod common;

use common::prism::prism_of;
use common::*;
use trusthub_desk::credentials::Credentials;
use trusthub_desk::trusthub::messaging::campaign_form::{self, CampaignInput};
use trusthub_desk::trusthub::messaging::models::{BrandInput, BrandKind};
use trusthub_desk::trusthub::messaging::tollfree_form::{self, TollfreeInput};

/// The accounts the spec's examples name: the brand examples one, the others another.
const BRAND_EXAMPLE_AC: &str = "AC78e8e67fc0246521490fb9907fd0c165";
const EXAMPLE_AC: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const BN: &str = "BN0044409f7e067e279523808d267e2d85";
const MG: &str = "MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const QE: &str = "QE2c6890da8086d771620e9b13fadeba0b";
const PN: &str = "PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

fn both(account: &str) -> [Credentials; 2] {
    [
        Credentials::new(account, None, TOKEN.into()).unwrap(),
        Credentials::new(account, Some(SK), "api-key-secret".into()).unwrap(),
    ]
}

fn campaign() -> CampaignInput {
    CampaignInput {
        brand_sid: "BNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
        usecase: "MARKETING".into(),
        description: "Send marketing messages about sales to opted in customers.".into(),
        message_flow:
            "End users opt in by visiting https://www.example.com and adding their number.".into(),
        message_samples: vec![
            "EXPRESS: Denim Days Event is ON at https://example.com/denim".into(),
            "LAST CHANCE: Book your next flight for just 1 (ONE) EUR".into(),
        ],
        has_embedded_links: true,
        opt_out_keywords: vec!["STOP".into()],
        opt_out_message: "You have been unsubscribed from Acme. No more messages will be sent."
            .into(),
        privacy_policy_url: "https://example.com/privacy".into(),
        terms_and_conditions_url: "https://example.com/terms".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn every_texting_request_the_client_makes_is_accepted_by_the_spec() {
    let prism = prism_of("twilio_messaging_v1.json", false);
    let client = client_for(&prism.base);
    for c in both(BRAND_EXAMPLE_AC) {
        client.list_brands(&c).await.expect("brands");
        client.fetch_brand(&c, BN).await.expect("brand");
        for kind in [
            BrandKind::Standard,
            BrandKind::LowVolumeStandard,
            BrandKind::SoleProprietor,
        ] {
            let input = BrandInput {
                customer_profile_sid: "BUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
                a2p_trust_product_sid: "BUbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb".into(),
                kind,
                mock: kind == BrandKind::SoleProprietor,
            };
            let made = client
                .register_brand(&c, &input)
                .await
                .expect("register brand");
            assert!(!made.existing, "the example brand is another pair's");
        }
        client.list_brand_vettings(&c, BN).await.expect("vettings");
        client
            .resend_brand_confirmation(&c, BN)
            .await
            .expect("confirmation text");
    }
    for c in both(EXAMPLE_AC) {
        client.resubmit_brand(&c, BN).await.expect("resubmit");
        client.list_services(&c).await.expect("services");
        let made = client
            .create_service(&c, "Clinic texts")
            .await
            .expect("service");
        assert!(!made.existing, "the example service has another name");
        client.list_service_numbers(&c, MG).await.expect("numbers");
        client
            .add_service_number(&c, MG, PN)
            .await
            .expect("add number");
        client
            .remove_service_number(&c, MG, PN)
            .await
            .expect("remove number");
        client.delete_service(&c, MG).await.expect("delete service");
        client.list_campaigns(&c, MG).await.expect("campaigns");
        client.fetch_campaign(&c, MG, QE).await.expect("campaign");
        client
            .list_usecases(&c, MG, "BNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
            .await
            .expect("use cases");
        let found = client
            .create_campaign(&c, MG, &campaign())
            .await
            .expect("create campaign");
        assert!(
            found.existing,
            "the example service holds this brand's campaign"
        );
        client
            .edit_campaign(&c, MG, QE, &campaign())
            .await
            .expect("edit campaign");
        client
            .delete_campaign(&c, MG, QE)
            .await
            .expect("delete campaign");
    }
}

/// The create itself (the look-first above finds the example's campaign): the form the
/// client builds, with every optional part, posted as the client posts it.
#[tokio::test]
async fn a_whole_new_campaign_is_accepted_by_the_spec_and_one_without_samples_is_not() {
    let prism = prism_of("twilio_messaging_v1.json", false);
    let mut input = campaign();
    input.opt_in_keywords = vec!["START".into(), "YES".into()];
    input.opt_in_message = "Acme: you are now opted in. Reply HELP for help, STOP to leave.".into();
    input.help_keywords = vec!["HELP".into()];
    input.help_message =
        "Acme: visit https://www.example.com for help. Reply STOP to leave.".into();
    input.age_gated = true;
    let checked = campaign_form::check(&input).unwrap();
    let url = format!("{}/v1/Services/{MG}/Compliance/Usa2p", prism.base);
    let post = |form: Vec<(&str, &str)>| {
        let url = url.clone();
        let pairs: Vec<(String, String)> = form
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        async move {
            reqwest::Client::new()
                .post(url)
                .header("authorization", basic(EXAMPLE_AC, TOKEN))
                .form(&pairs)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(post(checked.create_form()).await, 201);
    let without_samples: Vec<(&str, &str)> = checked
        .create_form()
        .into_iter()
        .filter(|(k, _)| *k != "MessageSamples")
        .collect();
    assert_eq!(
        post(without_samples).await,
        422,
        "MessageSamples is required"
    );
}

fn tollfree() -> TollfreeInput {
    TollfreeInput {
        phone_number_sid: PN.into(),
        customer_profile_sid: "BUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".into(),
        business_name: "Owl, Inc.".into(),
        business_website: "https://www.owl.example.com".into(),
        notification_email: "support@owl.example.com".into(),
        business_type: "PRIVATE_PROFIT".into(),
        registration_number: "12-3456789".into(),
        registration_authority: "EIN".into(),
        registration_country: "US".into(),
        street: "123 Main Street".into(),
        city: "Anytown".into(),
        region: "CA".into(),
        postal_code: "94105".into(),
        country: "US".into(),
        contact_first_name: "Sam".into(),
        contact_last_name: "Lee".into(),
        contact_email: "sam@owl.example.com".into(),
        contact_phone: "+14155550100".into(),
        use_case_categories: vec!["TWO_FACTOR_AUTHENTICATION".into(), "MARKETING".into()],
        use_case_summary: "Owl texts sign-in codes and monthly offers to its customers.".into(),
        production_message_sample: "Owl: your sign-in code is 123456. Reply STOP to opt out."
            .into(),
        opt_in_type: "WEB_FORM".into(),
        opt_in_image_urls: vec![
            "https://www.owl.example.com/a.png".into(),
            "https://www.owl.example.com/b.png".into(),
        ],
        message_volume: "10,000".into(),
        edit_reason: "The opt-in page now asks for consent to texts.".into(),
        ..Default::default()
    }
}

/// Toll-free verifications: every request the client makes, and the whole create form
/// (both lists repeated) as the client builds it; without its pictures the spec refuses it.
#[tokio::test]
async fn every_toll_free_request_is_accepted_by_the_spec() {
    const HH: &str = "HHaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    let prism = prism_of("twilio_messaging_v1.json", false);
    let client = client_for(&prism.base);
    for c in both(EXAMPLE_AC) {
        client.list_tollfree(&c).await.expect("verifications");
        client.fetch_tollfree(&c, HH).await.expect("verification");
        let found = client
            .create_tollfree(&c, &tollfree())
            .await
            .expect("create");
        assert!(
            found.existing,
            "the example lists a verification of this number"
        );
        client.delete_tollfree(&c, HH).await.expect("delete");
    }
    // Prism does not read Twilio's repeated form keys (`UseCaseCategories=A&UseCaseCategories=B`)
    // as a list for these two fields, and reports them as not lists; the wire test checks
    // them. Every other field of the create and the edit must pass the spec.
    let problems = |form: Vec<(&str, &str)>, path: String| {
        let url = format!("{}{path}", prism.base);
        let pairs: Vec<(String, String)> = form
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        async move {
            let answer = reqwest::Client::new()
                .post(url)
                .header("authorization", basic(EXAMPLE_AC, TOKEN))
                .form(&pairs)
                .send()
                .await
                .unwrap();
            let body: serde_json::Value = answer.json().await.unwrap_or_default();
            let mut found: Vec<String> = body["validation"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|v| {
                    let at = v["location"].as_array().and_then(|l| l.last()).cloned();
                    format!(
                        "{} {}",
                        at.unwrap_or_default().as_str().unwrap_or(""),
                        v["code"].as_str().unwrap_or("")
                    )
                })
                .collect();
            found.sort();
            found
        }
    };
    let only_lists = |found: &[String]| {
        found
            .iter()
            .all(|p| p == "OptInImageUrls type" || p == "UseCaseCategories type")
    };
    let create = "/v1/Tollfree/Verifications".to_owned();
    let checked = tollfree_form::check(&tollfree(), false).unwrap();
    let found = problems(checked.create_form(), create.clone()).await;
    assert!(only_lists(&found), "{found:?}");
    let without_pictures: Vec<(&str, &str)> = checked
        .create_form()
        .into_iter()
        .filter(|(k, _)| *k != "OptInImageUrls")
        .collect();
    let found = problems(without_pictures, create).await;
    assert!(
        found.contains(&"body required".to_owned()),
        "OptInImageUrls is required: {found:?}"
    );
    let edit = tollfree_form::check(&tollfree(), true).unwrap();
    assert!(edit.edit_form().iter().any(|(k, _)| *k == "EditReason"));
    let found = problems(edit.edit_form(), format!("/v1/Tollfree/Verifications/{HH}")).await;
    assert!(only_lists(&found), "{found:?}");
}
