//! The demo's toll-free verifications follow Twilio's rules, driven through the app's own
//! client: one in each state; a rejected one edited only while its window is open (30824
//! after), reviewed again and approved; one past its window deleted and sent again; none
//! for a number that is not toll-free. And its SHAKEN/STIR product holds a number that is
//! on its profile first.

mod common;

use common::app_on;
use std::time::Duration;
use trusthub_desk::sandbox::{self, profile_sid, trust_product_sid, Sandbox, Seeded};
use trusthub_desk::trusthub::messaging::tollfree_form::TollfreeInput;
use trusthub_desk::trusthub::messaging::tollfree_view::{tollfree_numbers, TollfreeNext};
use trusthub_desk::trusthub::models::BundleKind;
use trusthub_desk::trusthub::{http_client_for, TrustHubClient, TrustHubError};

const DELAY: Duration = Duration::from_millis(600);

/// The demo account with its texting, Twilio deciding `DELAY` after each submission.
async fn demo() -> Sandbox {
    Sandbox::start(sandbox::Config {
        review_delay: DELAY,
        texting: true,
        ..sandbox::Config::default()
    })
    .await
    .unwrap()
}

fn code(result: Result<impl std::fmt::Debug, TrustHubError>) -> (u16, Option<i64>) {
    match result {
        Err(TrustHubError::Api(e)) => (e.status, e.code),
        other => panic!("expected a Twilio error, got {other:?}"),
    }
}

#[tokio::test]
async fn toll_free_verifications_keep_twilios_edit_window() {
    let sb = demo().await;
    let client = TrustHubClient::new(http_client_for(&sb.base_url()).unwrap(), sb.base_url());
    let c = sb.demo_credentials().unwrap();
    let numbers = client.list_phone_numbers(&c).await.unwrap().records;
    let records = client.list_tollfree(&c).await.unwrap().records;
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let list = tollfree_numbers(&numbers, &records, now);
    let next: Vec<TollfreeNext> = list.iter().map(|n| n.next).collect();
    assert_eq!(
        next,
        [
            TollfreeNext::Verify,
            TollfreeNext::Wait,
            TollfreeNext::Wait,
            TollfreeNext::None,
            TollfreeNext::Edit,
            TollfreeNext::StartAgain
        ]
    );
    assert_eq!(list[4].edit_left.as_deref(), Some("3 days left to edit"));
    assert_eq!(list[4].reasons[0].code, Some(30513));
    assert!(records
        .iter()
        .all(|v| v.account_sid.as_deref() == Some(c.account_sid())));

    // Past its window: refused with 30824, whatever is sent.
    let closed = list[5].verification_sid.clone().unwrap();
    let closed_form = TollfreeInput {
        edit_reason: "The e-mail is now on the business's domain.".into(),
        notification_email: "texts@fabrikam.example.com".into(),
        ..client
            .fetch_tollfree(&c, &closed)
            .await
            .map(|v| TollfreeInput::from(&v))
            .unwrap()
    };
    assert_eq!(
        code(client.edit_tollfree(&c, &closed, &closed_form).await),
        (400, Some(30824))
    );
    // Within it: accepted, reviewed again, approved after the review.
    let open = list[4].verification_sid.clone().unwrap();
    let mut fix = TollfreeInput::from(&client.fetch_tollfree(&c, &open).await.unwrap());
    fix.opt_in_image_urls = vec!["https://www.example.com/images/opt-in-consent.png".into()];
    fix.edit_reason = "The opt-in page now asks for consent to texts.".into();
    let edited = client.edit_tollfree(&c, &open, &fix).await.unwrap();
    assert_eq!(edited.status.as_deref(), Some("PENDING_REVIEW"));
    assert_eq!(edited.edit_allowed, None);
    assert_eq!(
        code(client.edit_tollfree(&c, &open, &fix).await),
        (400, Some(30824)),
        "only a rejected one is edited"
    );
    tokio::time::sleep(DELAY + Duration::from_millis(200)).await;
    let approved = client.fetch_tollfree(&c, &open).await.unwrap();
    assert_eq!(approved.status.as_deref(), Some("TWILIO_APPROVED"));

    // The closed one deleted and sent again: a new verification, waiting for review.
    let mut again = fix.clone();
    again.phone_number_sid = list[5].number_sid.clone();
    again.edit_reason.clear();
    let first = client.create_tollfree(&c, &again).await.unwrap();
    assert!(
        first.existing,
        "the number still has its verification: nothing new is made"
    );
    client.delete_tollfree(&c, &closed).await.unwrap();
    let made = client.create_tollfree(&c, &again).await.unwrap();
    assert!(!made.existing);
    assert_eq!(made.record.status.as_deref(), Some("PENDING_REVIEW"));
    assert_ne!(made.record.sid.as_deref(), Some(closed.as_str()));

    // A local number is not toll-free.
    let local = numbers
        .iter()
        .find(|n| {
            n.phone_number
                .as_deref()
                .is_some_and(|p| p.starts_with("+1628"))
        })
        .and_then(|n| n.sid.clone())
        .unwrap();
    again.phone_number_sid = local;
    assert_eq!(code(client.create_tollfree(&c, &again).await).0, 400);
}

#[tokio::test]
async fn the_demos_signed_calls_product_holds_a_number_that_is_on_its_profile() {
    let sb = demo().await;
    let client = TrustHubClient::new(http_client_for(&sb.base_url()).unwrap(), sb.base_url());
    let c = sb.demo_credentials().unwrap();
    let product = trust_product_sid(Seeded::TRUST_PRODUCT_VOICE);
    let on = |kind, sid: String| {
        let (client, c) = (client.clone(), c.clone());
        async move {
            client
                .list_channel_endpoint_assignments(&c, kind, &sid)
                .await
                .unwrap()
                .records
                .into_iter()
                .filter_map(|a| a.channel_endpoint_sid)
                .collect::<Vec<_>>()
        }
    };
    let on_product = on(BundleKind::TrustProduct, product.clone()).await;
    let on_profile = on(BundleKind::CustomerProfile, profile_sid(Seeded::APPROVED)).await;
    assert_eq!(on_product.len(), 1);
    assert!(on_profile.contains(&on_product[0]));
    let bundle = client
        .fetch_bundle(&c, BundleKind::TrustProduct, &product)
        .await
        .unwrap();
    assert_eq!(bundle.status.as_deref(), Some("twilio-approved"));
}

/// A verification edited in the Texting tab is recorded by its field names, followed by
/// the watch while Twilio reviews it, and its approval told with the number.
#[tokio::test(flavor = "multi_thread")]
async fn an_edited_verification_is_watched_until_twilio_decides_and_kept_in_the_history() {
    use trusthub_desk::commands::{history, tollfree, watch};
    let sb = demo().await;
    let state = app_on(&sb);
    let view = tollfree::tollfree(&state).await.unwrap();
    assert_eq!(view.numbers.len(), 6);
    let open = view
        .numbers
        .iter()
        .find(|n| n.next == TollfreeNext::Edit)
        .unwrap();
    let sid = open.verification_sid.clone().unwrap();
    let c = sb.demo_credentials().unwrap();
    let client = TrustHubClient::new(http_client_for(&sb.base_url()).unwrap(), sb.base_url());
    let mut fix = TollfreeInput::from(&client.fetch_tollfree(&c, &sid).await.unwrap());
    fix.opt_in_image_urls = vec!["https://www.example.com/images/opt-in-consent.png".into()];
    fix.edit_reason = "The opt-in page now asks for consent to texts.".into();
    tollfree::edit(&state, &sid, &fix).await.unwrap();
    // The window reads the list again after sending: the verification is seen in review.
    let view = tollfree::tollfree(&state).await.unwrap();
    let edited = view
        .numbers
        .iter()
        .find(|n| n.verification_sid.as_deref() == Some(sid.as_str()));
    assert_eq!(edited.map(|n| n.next), Some(TollfreeNext::Wait));

    let mut schedule = trusthub_desk::watch::Schedule::default();
    let every = Duration::from_secs(600);
    tokio::time::sleep(DELAY + Duration::from_millis(300)).await;
    let decisions = watch::check(&state, &mut schedule, 0, every).await;
    let ours: Vec<_> = decisions.iter().filter(|d| d.sid == sid).collect();
    assert_eq!(ours.len(), 1, "{decisions:?}");
    let d = ours[0];
    assert_eq!(
        (d.kind.as_str(), d.title.as_str()),
        ("tollfree-verification", "Approved by Twilio")
    );
    assert_eq!(
        d.name.as_deref(),
        Some("The toll-free verification of +18335550104")
    );
    let lines = history::recent(&state, vec![c.account_sid().to_owned()], 10).await;
    let words: Vec<&str> = lines.iter().map(|l| l.words.as_str()).take(2).collect();
    assert_eq!(
        words,
        [
            "Twilio's decision, noticed while TrustHub Desk was open: In review → Approved by Twilio",
            "Toll-free verification resubmitted for review"
        ]
    );
    let fields = &lines[1].event.fields;
    assert!(fields.contains(&"optInImageUrls".to_owned()), "{fields:?}");
    assert!(fields.contains(&"editReason".to_owned()), "{fields:?}");
    assert!(
        !fields
            .iter()
            .any(|f| f.contains('@') || f.contains("https")),
        "names, never values: {fields:?}"
    );
}
