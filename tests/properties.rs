//! Property tests: the input checks accept what they should and refuse the rest, and any
//! name a person types reaches the server exactly as typed.

#[path = "hostile/server.rs"]
mod server;

use proptest::prelude::*;
use serde_json::{json, Value};
use server::{Reply, Server as Hostile};
use trusthub_desk::credentials::Credentials;
use trusthub_desk::trusthub::attributes::check_field;
use trusthub_desk::trusthub::choices;
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

// The checks behind "Fix what Twilio flags": a field is refused before it is sent when
// Twilio would refuse it, and what a person types in a usual way is accepted.

proptest! {
    #[test]
    fn a_phone_number_typed_with_spaces_dashes_dots_or_brackets_is_kept_as_digits(
        country in "[1-9][0-9]{0,2}", rest in "[0-9]{4,10}",
        separators in prop::collection::vec("( |-|\\.|\\(|\\)|\u{a0})", 0..6),
    ) {
        let digits = format!("{country}{rest}");
        prop_assume!(digits.len() <= 15);
        let mut typed = String::from("+");
        for (i, d) in digits.chars().enumerate() {
            typed.push(d);
            if let Some(s) = separators.get(i) {
                typed.push_str(s);
            }
        }
        prop_assert_eq!(validate::phone_number("phone_number", &typed), Ok(format!("+{digits}")));
    }

    #[test]
    fn a_phone_number_without_its_country_code_or_with_letters_is_refused(
        local in "[0-9]{3,12}", letters in "[a-zA-Z]{1,3}", long in "[1-9][0-9]{15,20}",
    ) {
        prop_assert!(validate::phone_number("p", &local).is_err(), "no +: {}", local);
        let leading_zero = format!("+0{local}");
        let with_letters = format!("+1{local}{letters}");
        prop_assert!(validate::phone_number("p", &leading_zero).is_err(), "{}", leading_zero);
        prop_assert!(validate::phone_number("p", &with_letters).is_err(), "{}", with_letters);
        prop_assert!(validate::phone_number("p", &format!("+{long}")).is_err(), "over 15 digits");
    }

    #[test]
    fn a_web_address_needs_http_or_https_and_a_dotted_host(
        host in "[a-z]{1,12}", tld in "[a-z]{2,5}", path in "(/[a-z0-9]{1,8}){0,3}",
        scheme in "(ftp|file|javascript|mailto|data)",
    ) {
        let good = format!("https://{host}.{tld}{path}");
        prop_assert_eq!(validate::web_address("website_url", &format!("  {good} ")), Ok(good.clone()));
        prop_assert!(validate::web_address("w", &format!("https://{host}{path}")).is_err(), "no dot");
        prop_assert!(validate::web_address("w", &format!("{host}.{tld}{path}")).is_err(), "no scheme");
        let other_scheme = format!("{scheme}://{host}.{tld}");
        prop_assert!(validate::web_address("w", &other_scheme).is_err(), "{}", other_scheme);
    }

    /// Any set of the documented regions is kept, in order, as Twilio keeps them
    /// (comma-separated); one value not in the list refuses the whole field.
    #[test]
    fn regions_are_kept_only_from_the_documented_list(
        picks in prop::collection::vec(0..choices::REGIONS.len(), 1..6),
        stranger in "[A-Z_]{1,12}",
    ) {
        let values: Vec<&str> = picks
            .iter()
            .filter_map(|i| choices::REGIONS.get(*i))
            .map(|c| c.value)
            .collect();
        let kept = check_field("business_regions_of_operation", "regions", &json!(values)).unwrap();
        prop_assert_eq!(kept, Value::String(values.join(",")));
        let typed = check_field("business_regions_of_operation", "regions", &json!(values.join("\n"))).unwrap();
        prop_assert_eq!(typed, Value::String(values.join(",")));
        prop_assume!(!choices::REGIONS.iter().any(|c| c.value == stranger));
        let mut with_stranger = values.clone();
        with_stranger.push(&stranger);
        let refused = check_field("business_regions_of_operation", "regions", &json!(with_stranger));
        prop_assert!(refused.is_err());
    }

    /// A field with one choice takes exactly the documented values: not a different case,
    /// not the words shown beside them.
    #[test]
    fn a_single_choice_field_takes_only_its_documented_values(
        field in prop::sample::select(vec!["business_type", "business_identity", "business_industry", "business_registration_identifier", "job_position"]),
        index in 0usize..64, other in "\\PC{1,30}",
    ) {
        let (_, list) = choices::field(field);
        let choice = &list[index % list.len()];
        prop_assert_eq!(check_field(field, "f", &json!(choice.value)).unwrap(), json!(choice.value));
        let lower = choice.value.to_lowercase();
        prop_assume!(lower != choice.value);
        prop_assert!(check_field(field, "f", &json!(lower)).is_err());
        prop_assume!(!list.iter().any(|c| c.value == other.trim()));
        prop_assert!(check_field(field, "f", &json!(other)).is_err());
    }

    /// Free-text fields keep what was typed, trimmed; blank is refused and over 500
    /// characters is refused, never cut.
    #[test]
    fn free_text_is_trimmed_and_bounded(text in "\\PC{1,600}") {
        let trimmed = text.trim();
        let result = check_field("business_name", "business name", &json!(text));
        if trimmed.is_empty() || trimmed.chars().count() > 500 {
            prop_assert!(result.is_err());
        } else {
            prop_assert_eq!(result.unwrap(), json!(trimmed));
        }
    }
}
