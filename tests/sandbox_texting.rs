//! The demo's texting follows Twilio's rules, driven through the app's own client: a brand
//! from the approved pair, approved after the review delay; no campaign before that; one
//! campaign a service, failed with Twilio's code when its opt-in cannot be checked, fixed,
//! and approved; numbers in one service at most.

mod common;

use common::{app_on, basic};
use std::time::Duration;
use trusthub_desk::sandbox::{self, profile_sid, trust_product_sid, Sandbox, Seeded};
use trusthub_desk::trusthub::messaging::campaign_form::CampaignInput;
use trusthub_desk::trusthub::messaging::chain::{Gap, NextStep};
use trusthub_desk::trusthub::messaging::models::{BrandInput, BrandKind};
use trusthub_desk::trusthub::messaging::tollfree_view::is_toll_free;
use trusthub_desk::trusthub::{http_client_for, TrustHubClient, TrustHubError};

/// Longer than two paced requests (a second each), so a check made just after a
/// submission still sees it pending.
const DELAY: Duration = Duration::from_secs(3);
const DECIDED: Duration = Duration::from_millis(3_300);

async fn start() -> (Sandbox, TrustHubClient) {
    let sb = Sandbox::start(sandbox::Config {
        review_delay: DELAY,
        ..sandbox::Config::default()
    })
    .await
    .unwrap();
    let client = TrustHubClient::new(http_client_for(&sb.base_url()).unwrap(), sb.base_url());
    (sb, client)
}

fn code(result: Result<impl std::fmt::Debug, TrustHubError>) -> (u16, Option<i64>) {
    match result {
        Err(TrustHubError::Api(e)) => (e.status, e.code),
        other => panic!("expected a Twilio error, got {other:?}"),
    }
}

fn pair() -> BrandInput {
    BrandInput {
        customer_profile_sid: profile_sid(Seeded::APPROVED),
        a2p_trust_product_sid: trust_product_sid(Seeded::TRUST_PRODUCT_APPROVED),
        kind: BrandKind::Standard,
        mock: false,
    }
}

fn campaign(brand: &str) -> CampaignInput {
    CampaignInput {
        brand_sid: brand.into(),
        usecase: "ACCOUNT_NOTIFICATION".into(),
        description: "Order updates and delivery notices for Fabrikam's customers.".into(),
        message_flow: "Customers tick a box when they place an order at the shop counter.".into(),
        message_samples: vec![
            "Fabrikam: your order 1042 is ready for pick-up. Reply STOP to opt out.".into(),
            "Fabrikam: your order 1043 ships tomorrow. Reply STOP to opt out.".into(),
        ],
        ..Default::default()
    }
}

#[tokio::test]
async fn from_the_approved_pair_to_a_campaign_with_a_number_failed_once_and_fixed() {
    let (sb, client) = start().await;
    let c = sb.demo_credentials().unwrap();
    let brand = client.register_brand(&c, &pair()).await.unwrap();
    assert!(!brand.existing);
    assert_eq!(brand.record.status.as_deref(), Some("PENDING"));
    let bn = brand.record.sid.clone().unwrap();
    let service = client.create_service(&c, "Fabrikam texts").await.unwrap();
    assert!(!service.existing);
    let mg = service.record.sid.clone().unwrap();
    assert_eq!(
        code(client.create_campaign(&c, &mg, &campaign(&bn)).await),
        (400, Some(30_991)),
        "no campaign before the brand is approved"
    );
    // Made halfway (a service, no campaign): the service can be removed, and is gone.
    let spare = client.create_service(&c, "Fabrikam spare").await.unwrap();
    let spare = spare.record.sid.unwrap();
    client.delete_service(&c, &spare).await.unwrap();
    let left = client.list_services(&c).await.unwrap().records;
    assert!(left
        .iter()
        .all(|s| s.sid.as_deref() != Some(spare.as_str())));
    assert_eq!(left.len(), 1);
    // The same pair again (a retry): the brand is found, not made twice.
    let again = client.register_brand(&c, &pair()).await.unwrap();
    assert!(again.existing);
    assert_eq!(client.list_brands(&c).await.unwrap().records.len(), 1);

    tokio::time::sleep(DECIDED).await;
    let approved = client.fetch_brand(&c, &bn).await.unwrap();
    assert_eq!(approved.status.as_deref(), Some("APPROVED"));
    assert_eq!(approved.identity_status.as_deref(), Some("VERIFIED"));
    let usecases = client.list_usecases(&c, &mg, &bn).await.unwrap();
    assert!(usecases
        .iter()
        .any(|u| u.code.as_deref() == Some("ACCOUNT_NOTIFICATION")));

    // An opt-in that names no page and no keyword cannot be checked: Twilio's 30909.
    let made = client
        .create_campaign(&c, &mg, &campaign(&bn))
        .await
        .unwrap();
    let qe = made.record.sid.clone().unwrap();
    assert_eq!(made.record.campaign_status.as_deref(), Some("PENDING"));
    tokio::time::sleep(DECIDED).await;
    let failed = client.fetch_campaign(&c, &mg, &qe).await.unwrap();
    assert_eq!(failed.campaign_status.as_deref(), Some("FAILED"));
    let errors = failed.errors.unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].error_code, Some(30_909));
    assert_eq!(
        errors[0].fields.as_deref(),
        Some(&["MESSAGE_FLOW".to_owned()][..])
    );

    let mut fixed = campaign(&bn);
    fixed.message_flow =
        "Customers tick a box at https://fabrikam.example.com/checkout to get texts.".into();
    let resent = client.edit_campaign(&c, &mg, &qe, &fixed).await.unwrap();
    assert_eq!(resent.campaign_status.as_deref(), Some("PENDING"));
    tokio::time::sleep(DECIDED).await;
    let verified = client.fetch_campaign(&c, &mg, &qe).await.unwrap();
    assert_eq!(verified.campaign_status.as_deref(), Some("VERIFIED"));
    assert_eq!(verified.errors, Some(vec![]));
    assert_eq!(
        code(client.edit_campaign(&c, &mg, &qe, &fixed).await),
        (400, Some(21_712)),
        "only a failed campaign is edited"
    );

    // A number of the account into the campaign's service; into one service only.
    let number = client.list_phone_numbers(&c).await.unwrap().records[0]
        .sid
        .clone()
        .unwrap();
    client.add_service_number(&c, &mg, &number).await.unwrap();
    let numbers = client.list_service_numbers(&c, &mg).await.unwrap();
    assert_eq!(numbers.records.len(), 1);
    assert!(numbers.records[0]
        .phone_number
        .as_deref()
        .is_some_and(|p| p.starts_with("+1")));
    let other = client
        .create_service(&c, "Second service")
        .await
        .unwrap()
        .record
        .sid
        .unwrap();
    assert_eq!(
        code(client.add_service_number(&c, &other, &number).await),
        (409, Some(21_710))
    );
    let services = client.list_services(&c).await.unwrap();
    let registered: Vec<_> = services
        .records
        .iter()
        .map(|s| s.us_app_to_person_registered)
        .collect();
    assert_eq!(registered, [Some(true), Some(false)]);
    // The whole chain as the Texting area reads it: the business ready, its number texting,
    // every other US number of the account listed with why it cannot text yet.
    let read = client.read_texting(&c).await.unwrap();
    assert!(read.notes.is_empty());
    let business = &read.chain.businesses[0];
    assert_eq!(business.next_step, NextStep::Ready);
    assert_eq!(business.brand_status, "Approved");
    assert_eq!(business.campaigns[0].status, "Approved");
    assert_eq!(business.campaigns[0].service_name, "Fabrikam texts");
    let all = client.list_phone_numbers(&c).await.unwrap().records;
    let gaps = &read.chain.numbers_not_texting;
    assert_eq!(
        gaps.len(),
        all.len() - 1,
        "every number but the one in the campaign"
    );
    assert!(
        gaps.iter()
            .all(|g| g.gap == Gap::NoService
                && g.phone_number_sid.as_deref() != Some(number.as_str()))
    );

    client
        .remove_service_number(&c, &mg, &number)
        .await
        .unwrap();
    assert!(client
        .list_service_numbers(&c, &mg)
        .await
        .unwrap()
        .records
        .is_empty());
    let read = client.read_texting(&c).await.unwrap();
    assert_eq!(read.chain.businesses[0].next_step, NextStep::AddNumbers);
    assert_eq!(read.chain.numbers_not_texting.len(), all.len());
    let mut other_brand = campaign(&bn);
    other_brand.brand_sid = "BN0000000000000000000000000000000f".into();
    let e = client
        .create_campaign(&c, &mg, &other_brand)
        .await
        .unwrap_err();
    assert!(
        matches!(e, TrustHubError::InvalidInput(_)),
        "one campaign a service: {e}"
    );

    // The sandbox holds Twilio's limits itself, for a request the app's checks never make.
    let r = reqwest::Client::new()
        .post(format!(
            "{}v1/Services/{other}/Compliance/Usa2p",
            sb.base_url()
        ))
        .header(
            "authorization",
            basic(
                sandbox::DEMO_ACCOUNT_SID,
                &sb.auth_token(sandbox::DEMO_ACCOUNT_SID).unwrap(),
            ),
        )
        .form(&[
            ("BrandRegistrationSid", bn.as_str()),
            ("UsAppToPersonUsecase", "MIXED"),
            (
                "Description",
                "Order updates and delivery notices for our customers.",
            ),
            (
                "MessageFlow",
                "Customers tick a box at https://fabrikam.example.com/checkout.",
            ),
            ("MessageSamples", "Only one sample, which Twilio refuses."),
            ("HasEmbeddedLinks", "false"),
            ("HasEmbeddedPhone", "false"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 400);
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["code"], 20001);
    assert!(
        body["message"].as_str().unwrap().contains("MessageSamples"),
        "{body}"
    );
}

#[tokio::test]
async fn a_brand_needs_an_approved_profile_and_trust_product_and_the_form_twilios_limits() {
    let (sb, client) = start().await;
    let c = sb.demo_credentials().unwrap();
    let mut draft = pair();
    draft.customer_profile_sid = profile_sid(0);
    let (status, _) = code(client.register_brand(&c, &draft).await);
    assert_eq!(status, 400);
    // Another account sees none of this one's texting records.
    let second = sb.second_credentials().unwrap();
    assert!(client
        .list_services(&second)
        .await
        .unwrap()
        .records
        .is_empty());
}

/// The demo opens with Fabrikam's brand approved, a campaign that texts and one to fix, and
/// its answers are as Twilio's Messaging spec writes them.
#[tokio::test]
async fn the_demo_starts_with_a_campaign_that_texts_and_one_to_fix() {
    use common::spec::{response_schema, violations};
    let sb = Sandbox::start(sandbox::Config {
        texting: true,
        ..sandbox::Config::default()
    })
    .await
    .unwrap();
    let client = TrustHubClient::new(http_client_for(&sb.base_url()).unwrap(), sb.base_url());
    let c = sb.demo_credentials().unwrap();
    let read = client.read_texting(&c).await.unwrap();
    let business = &read.chain.businesses[0];
    assert_eq!(read.chain.businesses.len(), 1);
    assert_eq!(business.brand_status, "Approved");
    assert_eq!(
        business.next_step,
        NextStep::FixCampaign,
        "the failed campaign leads"
    );
    let statuses: Vec<(&str, &str, usize)> = business
        .campaigns
        .iter()
        .map(|s| (s.service_name.as_str(), s.status.as_str(), s.numbers.len()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("Fabrikam notices", "Approved", 1),
            ("Fabrikam offers", "Not approved", 1)
        ]
    );
    let all = client.list_phone_numbers(&c).await.unwrap().records;
    let toll_free = all
        .iter()
        .filter(|n| is_toll_free(n.phone_number.as_deref().unwrap_or_default()))
        .count();
    assert_eq!(
        toll_free, 6,
        "a toll-free number in each verification state"
    );
    let gaps = &read.chain.numbers_not_texting;
    assert_eq!(
        gaps.len(),
        all.len() - toll_free - 1,
        "all local numbers but the approved campaign's"
    );
    assert_eq!(
        gaps.iter().filter(|g| g.gap == Gap::CampaignFailed).count(),
        1
    );

    // Its answers, as Twilio's spec writes them.
    let auth = basic(
        sandbox::DEMO_ACCOUNT_SID,
        &sb.auth_token(sandbox::DEMO_ACCOUNT_SID).unwrap(),
    );
    let get = |path: String| {
        let auth = auth.clone();
        let url = format!("{}{}", sb.base_url().as_str().trim_end_matches('/'), path);
        async move {
            reqwest::Client::new()
                .get(url)
                .header("authorization", auth)
                .send()
                .await
                .unwrap()
                .json::<serde_json::Value>()
                .await
                .unwrap()
        }
    };
    let services = get("/v1/Services".into()).await;
    let brands = get("/v1/a2p/BrandRegistrations".into()).await;
    let offers = services["services"][1]["sid"].as_str().unwrap().to_owned();
    let campaigns = get(format!("/v1/Services/{offers}/Compliance/Usa2p")).await;
    assert_eq!(campaigns["compliance"][0]["errors"][0]["error_code"], 30909);
    for (spec_path, body) in [
        ("/v1/Services", &services),
        ("/v1/a2p/BrandRegistrations", &brands),
        (
            "/v1/Services/{MessagingServiceSid}/Compliance/Usa2p",
            &campaigns,
        ),
    ] {
        let problems = violations(&response_schema(spec_path, "get", "200"), body);
        assert!(problems.is_empty(), "{spec_path}: {problems:?}");
    }
}

/// The Texting area offers the approved pair without a brand; the brand registered there
/// is recorded, followed by the watch while under review, and its approval told with the
/// business's name — one brand list request per look.
#[tokio::test(flavor = "multi_thread")]
async fn a_brand_registered_in_the_texting_area_is_watched_until_twilio_decides() {
    use trusthub_desk::commands::{history, texting, watch};
    let sb = Sandbox::start(sandbox::Config {
        review_delay: DELAY,
        texting: true,
        ..sandbox::Config::default()
    })
    .await
    .unwrap();
    let state = app_on(&sb);
    let view = texting::texting(&state).await.unwrap();
    assert_eq!(view.businesses.len(), 1);
    assert_eq!(view.businesses[0].name, "Fabrikam Logistics");
    assert_eq!(view.choices.len(), 1, "{:?}", view.choices);
    let choice = &view.choices[0];
    assert_eq!(choice.customer_profile_name, "Iris Analytics Inc.");
    assert_eq!(
        choice.a2p_trust_product_sid,
        trust_product_sid(Seeded::TRUST_PRODUCT_UNBRANDED)
    );
    let made = texting::register(
        &state,
        &BrandInput {
            customer_profile_sid: choice.customer_profile_sid.clone(),
            a2p_trust_product_sid: choice.a2p_trust_product_sid.clone(),
            kind: BrandKind::Standard,
            mock: false,
        },
    )
    .await
    .unwrap();
    assert!(!made.existing);
    let view = texting::texting(&state).await.unwrap();
    assert!(view.choices.is_empty(), "the pair has its brand now");
    let iris = &view.businesses[1];
    assert_eq!(iris.status_code, "PENDING");
    assert_eq!(iris.chain.next_step, NextStep::WaitForBrand);

    let mut schedule = trusthub_desk::watch::Schedule::default();
    let every = Duration::from_secs(600);
    tokio::time::sleep(DECIDED).await;
    let decisions = watch::check(&state, &mut schedule, 0, every).await;
    assert_eq!(decisions.len(), 1, "{decisions:?}");
    let d = &decisions[0];
    assert_eq!(
        (d.kind.as_str(), d.sid.as_str(), d.title.as_str()),
        ("brand", made.brand_sid.as_str(), "Approved by Twilio")
    );
    assert_eq!(d.name.as_deref(), Some("The brand of Iris Analytics Inc."));
    // Decided: nothing is left to watch.
    assert!(watch::check(&state, &mut schedule, 1, every)
        .await
        .is_empty());
    let account = sb.demo_credentials().unwrap().account_sid().to_owned();
    let lines = history::recent(&state, vec![account], 10).await;
    let words: Vec<&str> = lines.iter().map(|l| l.words.as_str()).take(2).collect();
    assert_eq!(
        words,
        [
            "Twilio's decision, noticed while TrustHub Desk was open: In review → Approved by Twilio",
            "Brand created"
        ]
    );
    assert_eq!(
        lines[1].event.fields,
        ["customerProfile", "a2pTrustProduct", "brandType"]
    );
}

/// The Overview's texting lines: the demo account's refused campaign ranks before a
/// subaccount's numbers outside any campaign.
#[tokio::test]
async fn the_overview_ranks_a_refused_campaign_before_numbers_outside_a_campaign() {
    use trusthub_desk::trusthub::messaging::summary::REVIEWING;
    let sb = Sandbox::start(sandbox::Config {
        texting: true,
        subaccounts: 1,
        ..sandbox::Config::default()
    })
    .await
    .unwrap();
    let client = TrustHubClient::new(http_client_for(&sb.base_url()).unwrap(), sb.base_url());
    let main = sb.demo_credentials().unwrap();
    let subs = client.list_subaccounts(&main).await.unwrap();
    let sub = subs[0].credentials().unwrap();
    let lines = client.texting_summaries(vec![main, sub]).await;
    let ranks: Vec<(u8, Option<String>)> = lines
        .into_iter()
        .map(|l| l.map(|l| (l.rank, l.attention)).unwrap())
        .collect();
    assert_eq!(
        ranks[0],
        (
            1,
            Some("A campaign was not approved: fix it and resubmit it.".to_owned())
        )
    );
    assert_eq!(ranks[1].0, 4);
    assert!(ranks[1].0 < REVIEWING);
}
