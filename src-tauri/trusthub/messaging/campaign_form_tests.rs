//! The campaign form's checks: Twilio's limits, the form's own consistency, the pairs sent.

use super::*;

const BN: &str = "BN0123456789abcdef0123456789abcdef";

fn good() -> CampaignInput {
    CampaignInput {
        brand_sid: BN.into(),
        usecase: "ACCOUNT_NOTIFICATION".into(),
        description: "Appointment reminders and changes for the clinic's patients.".into(),
        message_flow: "Patients tick a box on the booking form at https://clinic.example.com/book to get texts.".into(),
        message_samples: vec![
            "Clinic: your appointment is on 2024-01-15 10:30. Reply STOP to opt out.".into(),
            "Clinic: your appointment moved to Friday. Details: https://clinic.example.com/a".into(),
        ],
        has_embedded_links: true,
        has_embedded_phone: false,
        opt_out_keywords: vec![" stop ".into(), "end".into()],
        opt_out_message: "Clinic: you will get no more texts. Reply START to come back.".into(),
        ..Default::default()
    }
}

fn fields(input: &CampaignInput) -> Vec<String> {
    check(input)
        .unwrap_err()
        .into_iter()
        .map(|e| e.field)
        .collect()
}

#[test]
fn a_good_campaign_becomes_the_pairs_twilio_takes_samples_and_keywords_repeated() {
    let checked = check(&good()).unwrap();
    let form = checked.create_form();
    assert_eq!(
        form,
        vec![
            ("BrandRegistrationSid", BN),
            ("UsAppToPersonUsecase", "ACCOUNT_NOTIFICATION"),
            ("Description", "Appointment reminders and changes for the clinic's patients."),
            ("MessageFlow", "Patients tick a box on the booking form at https://clinic.example.com/book to get texts."),
            ("MessageSamples", "Clinic: your appointment is on 2024-01-15 10:30. Reply STOP to opt out."),
            ("MessageSamples", "Clinic: your appointment moved to Friday. Details: https://clinic.example.com/a"),
            ("HasEmbeddedLinks", "true"),
            ("HasEmbeddedPhone", "false"),
            ("OptOutMessage", "Clinic: you will get no more texts. Reply START to come back."),
            ("OptOutKeywords", "STOP"),
            ("OptOutKeywords", "END"),
            ("AgeGated", "false"),
            ("DirectLending", "false"),
        ]
    );
    let edit: Vec<&str> = checked.edit_form().into_iter().map(|(k, _)| k).collect();
    assert_eq!(
        edit,
        [
            "Description",
            "MessageFlow",
            "MessageSamples",
            "MessageSamples",
            "HasEmbeddedLinks",
            "HasEmbeddedPhone",
            "AgeGated",
            "DirectLending"
        ]
    );
    assert_eq!(checked.brand_sid(), BN);
    assert_eq!(checked.usecase(), "ACCOUNT_NOTIFICATION");
}

#[test]
fn lengths_and_counts_are_twilios_and_every_problem_is_said_at_once() {
    let mut input = good();
    input.description = "x".repeat(39);
    input.message_flow = "y".repeat(2049);
    input.message_samples = vec!["Too short".into()];
    let errors = check(&input).unwrap_err();
    let said: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.field.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(
        said,
        [
            ("description", "The description of the campaign is too short for Twilio: at least 40 characters, it has 39."),
            ("messageFlow", "How people opt in is too long for Twilio: at most 2048 characters, it has 2049."),
            ("messageSamples", "Give between 2 and 5 sample messages; there are 1."),
            ("messageSamples.0", "Sample 1 is too short for Twilio: at least 20 characters, it has 9."),
            ("hasEmbeddedLinks", "The campaign says its messages contain web links, but no sample has one. Add a sample with the kind of link you send, or untick “Messages contain web links”."),
        ]
    );
    // The exact limits pass; one more fails.
    let mut input = good();
    input.description = "d".repeat(4096);
    input.message_samples = vec![
        "s".repeat(1024),
        "https://a.example.com ".to_owned() + &"t".repeat(20),
    ];
    assert!(check(&input).is_ok());
    input.description.push('d');
    assert_eq!(fields(&input), ["description"]);
    let mut input = good();
    input.message_samples = (0..6)
        .map(|i| format!("Sample number {i} https://x.example.com"))
        .collect();
    assert_eq!(fields(&input), ["messageSamples"]);
    // Characters are counted, not bytes.
    let mut input = good();
    input.description = "é".repeat(40);
    assert!(check(&input).is_ok());
}

#[test]
fn a_sample_with_a_link_or_number_the_form_says_it_has_none_is_refused_beside_it() {
    let mut input = good();
    input.has_embedded_links = false;
    input.message_samples[0] = "Clinic: call (415) 555-0100 to change your visit.".into();
    let errors = check(&input).unwrap_err();
    let said: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(said, ["messageSamples.0", "messageSamples.1"]);
    assert!(
        errors[0].message.contains("contains a phone number"),
        "{}",
        errors[0].message
    );
    assert!(
        errors[1].message.contains("contains a web link"),
        "{}",
        errors[1].message
    );
    // Declared but shown in no sample: Twilio's 30889, said before sending.
    let mut input = good();
    input.has_embedded_phone = true;
    assert_eq!(fields(&input), ["hasEmbeddedPhone"]);
}

#[test]
fn links_and_numbers_are_told_from_dates_times_and_sentences() {
    for link in [
        "see https://a.b",
        "go to www.example.org",
        "visit acme.com/deals",
        "Book: example.io.",
    ] {
        assert!(has_link(link), "{link}");
    }
    for none in [
        "The end.Thanks",
        "Call us on Friday.",
        "v1.2 is out",
        "3.50 USD",
    ] {
        assert!(!has_link(none), "{none}");
    }
    for phone in [
        "(111) 222-3333",
        "+1 415 555 0100",
        "call 4155550100.",
        "111.222.3333",
    ] {
        assert!(has_phone_number(phone), "{phone}");
    }
    for none in [
        "on 2024-01-15 10:30",
        "order 12345 ships in 3 days",
        "code 123456",
        "1 (ONE) EUR",
    ] {
        assert!(!has_phone_number(none), "{none}");
    }
}

#[test]
fn keywords_need_their_reply_and_are_single_words() {
    let mut input = good();
    input.opt_out_message.clear();
    assert_eq!(fields(&input), ["optOutMessage"]);
    let mut input = good();
    input.help_keywords = vec!["need help".into()];
    let e = check(&input).unwrap_err();
    assert_eq!(e[0].field, "helpKeywords");
    assert!(
        e[0].message.contains("“NEED HELP” is not one word"),
        "{}",
        e[0].message
    );
    let mut input = good();
    input.opt_in_message = "Too short".into();
    assert_eq!(fields(&input), ["optInMessage"]);
    let mut input = good();
    input.opt_in_keywords = (0..60).map(|i| format!("WORD{i}")).collect();
    input.opt_in_message = "Clinic: you are in. Reply STOP to leave, HELP for help.".into();
    assert_eq!(fields(&input), ["optInKeywords"]);
}

#[test]
fn pages_must_be_public_https_and_a_use_case_from_the_list() {
    let mut input = good();
    input.privacy_policy_url = "http://clinic.example.com/privacy".into();
    input.terms_and_conditions_url = "https://localhost/terms".into();
    assert_eq!(
        fields(&input),
        ["privacyPolicyUrl", "termsAndConditionsUrl"]
    );
    input.privacy_policy_url = "https://clinic.example.com/privacy".into();
    input.terms_and_conditions_url = " ".into();
    let checked = check(&input).unwrap();
    assert!(checked
        .create_form()
        .contains(&("PrivacyPolicyUrl", "https://clinic.example.com/privacy")));
    assert!(!checked
        .create_form()
        .iter()
        .any(|(k, _)| *k == "TermsAndConditionsUrl"));
    let mut input = good();
    input.usecase = "Marketing; DROP".into();
    input.brand_sid = "BU0123456789abcdef0123456789abcdef".into();
    assert_eq!(fields(&input), ["brandSid", "usecase"]);
}

#[test]
fn twilios_field_names_lead_to_the_forms_fields() {
    assert_eq!(form_field("MESSAGE_FLOW"), Some("messageFlow"));
    assert_eq!(form_field("message samples"), Some("messageSamples"));
    assert_eq!(form_field("SAMPLE2"), Some("messageSamples"));
    assert_eq!(form_field("PRIVACY_POLICY_URL"), Some("privacyPolicyUrl"));
    assert_eq!(form_field("BRAND"), None);
}
