//! Property tests: the input checks accept what they should and refuse the rest, and any
//! name a person types reaches the server exactly as typed.

#[path = "hostile/server.rs"]
mod server;

use proptest::prelude::*;
use server::{Reply, Server as Hostile};
use trusthub_desk::credentials::Credentials;
use trusthub_desk::trusthub::models::ProfileUpdate;
use trusthub_desk::trusthub::{base_url, http_client_for, validate, TrustHubClient};

const BU: &str = "BUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

proptest! {
    #[test]
    fn a_profile_sid_with_spaces_around_is_accepted_and_trimmed(
        hex in "[0-9a-fA-F]{32}", before in "[ \t\n]{0,3}", after in "[ \t\n]{0,3}",
    ) {
        let sid = format!("BU{hex}");
        prop_assert_eq!(validate::profile_sid(&format!("{before}{sid}{after}")), Ok(sid));
    }

    #[test]
    fn anything_else_is_not_a_profile_sid(text in "\\PC{0,40}") {
        let trimmed = text.trim();
        let is_sid = trimmed.len() == 34
            && trimmed.starts_with("BU")
            && trimmed[2..].chars().all(|c| c.is_ascii_hexdigit());
        prop_assert_eq!(validate::profile_sid(&text).is_ok(), is_sid);
    }

    #[test]
    fn wrong_prefix_or_length_is_refused(
        prefix in "(AC|SK|bu|BV|RN)", hex in "[0-9a-f]{30,34}",
    ) {
        prop_assume!(!(prefix == "BU" && hex.len() == 32));
        let other = format!("{prefix}{hex}");
        prop_assert!(validate::profile_sid(&other).is_err());
        let long_or_short = format!("BU{hex}");
        if hex.len() != 32 {
            prop_assert!(validate::profile_sid(&long_or_short).is_err());
        }
    }

    #[test]
    fn plausible_emails_are_accepted(
        local in "[a-z0-9._%+-]{1,20}", domain in "[a-z0-9-]{1,20}", tld in "[a-z]{2,6}",
    ) {
        let email = format!("{local}@{domain}.{tld}");
        prop_assert_eq!(validate::email(&email), Ok(email.clone()));
    }

    #[test]
    fn emails_without_one_at_and_a_dotted_domain_are_refused(
        text in "[a-z0-9.]{0,30}", spaced in "[a-z]{1,5} [a-z]{1,5}@x\\.io",
    ) {
        let two_ats = format!("{text}@@x.io");
        prop_assert!(validate::email(&text).is_err(), "no @: {}", text);
        prop_assert!(validate::email(&two_ats).is_err());
        prop_assert!(validate::email(&spaced).is_err());
    }

    #[test]
    fn http_and_https_addresses_are_accepted(
        scheme in "https?", host in "[a-z]{1,20}\\.[a-z]{2,5}", path in "(/[a-z0-9]{0,10}){0,3}",
    ) {
        let url = format!("{scheme}://{host}{path}");
        prop_assert_eq!(validate::status_callback(&url), Ok(url.clone()));
    }

    #[test]
    fn other_schemes_and_relative_addresses_are_refused(
        scheme in "(ftp|javascript|file|data|mailto)", rest in "[a-z/.]{1,20}",
    ) {
        for url in [format!("{scheme}://{rest}"), format!("{scheme}:{rest}"), format!("/{rest}")] {
            prop_assert!(validate::status_callback(&url).is_err(), "{}", url);
        }
    }
}

/// Names with the characters form encoding gets wrong most often.
fn awkward_name() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("&".to_owned()),
            Just("=".to_owned()),
            Just("+".to_owned()),
            Just("%".to_owned()),
            Just("%20".to_owned()),
            Just("\n".to_owned()),
            Just("\r\n".to_owned()),
            Just("🦀".to_owned()),
            Just("👩‍👩‍👧".to_owned()),
            Just(" ".to_owned()),
            "\\PC{1,6}",
        ],
        1..12,
    );
    pieces
        .prop_map(|p| p.concat())
        .prop_filter("a name is not blank", |n| !n.trim().is_empty())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_friendly_name_arrives_exactly_as_typed(name in awkward_name()) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let (sent, decoded) = runtime.block_on(async {
            let profile = format!(r#"{{"sid": "{BU}"}}"#);
            let server = Hostile::start(move |_, _| Reply::json(200, &profile)).await;
            let client = TrustHubClient::new(
                http_client_for(&base_url::check(&server.base).unwrap()).unwrap(),
                base_url::check(&server.base).unwrap(),
            );
            let credentials =
                Credentials::new("AC0123456789abcdef0123456789abcdef", None, "t".into()).unwrap();
            let update = ProfileUpdate {
                friendly_name: Some(name.clone()),
                ..ProfileUpdate::default()
            };
            client.update_profile(&credentials, BU, &update).await.unwrap();
            let body = server.requests()[0].body.clone();
            let decoded: Vec<(String, String)> =
                url::form_urlencoded::parse(body.as_bytes()).into_owned().collect();
            (body, decoded)
        });
        prop_assert_eq!(
            decoded,
            vec![("FriendlyName".to_owned(), name.clone())],
            "on the wire: {}", sent
        );
    }
}
