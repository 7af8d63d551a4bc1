//! The secret goes nowhere but the store: with logging at its most verbose, save the
//! credentials, fetch and update a profile, fail once, and look for the secret (and the
//! Basic header made from it) in the log, in the accounts file and in every answer the
//! window would receive. Personal data (names, e-mails, phone numbers, company numbers,
//! addresses) goes nowhere but Twilio: not in the log, not in the config folder.

use base64::Engine;
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::{json, Map, Value};
use trusthub_desk::commands::bundles::{fetch, update};
use trusthub_desk::commands::credentials::{describe, forget, save, CredentialInput};
use trusthub_desk::commands::objects::{self, AssignTo};
use trusthub_desk::commands::{history, overview};
use trusthub_desk::credentials::{Credentials, MemoryVault};
use trusthub_desk::history::History;
use trusthub_desk::sandbox::{self, profile_sid, Sandbox, Seeded};
use trusthub_desk::state::AppState;
use trusthub_desk::trusthub::http_client_for;
use trusthub_desk::trusthub::models::{AddressInput, AddressUpdate, BundleKind, ProfileUpdate};
use trusthub_desk::trusthub::objects::ObjectKind;

struct Capture(Mutex<String>);

impl log::Log for Capture {
    fn enabled(&self, _: &log::Metadata) -> bool {
        true
    }
    fn log(&self, record: &log::Record) {
        let line = format!("{} {} {}\n", record.level(), record.target(), record.args());
        self.0.lock().unwrap().push_str(&line);
    }
    fn flush(&self) {}
}

fn captured() -> &'static Capture {
    static LOG: OnceLock<&'static Capture> = OnceLock::new();
    LOG.get_or_init(|| {
        let capture: &'static Capture = Box::leak(Box::new(Capture(Mutex::new(String::new()))));
        log::set_logger(capture).unwrap();
        log::set_max_level(log::LevelFilter::Trace);
        capture
    })
}

/// Every form the secret could leak in.
fn forms_of(secret: &str) -> Vec<String> {
    let pair = format!("{}:{secret}", sandbox::DEMO_ACCOUNT_SID);
    vec![
        secret.to_owned(),
        base64::engine::general_purpose::STANDARD.encode(pair),
    ]
}

fn assert_absent(what: &str, text: &str, secret: &str) {
    for form in forms_of(secret) {
        assert!(!text.contains(&form), "the secret appears in {what}");
    }
}

fn json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_secret_is_in_no_log_no_file_and_no_answer_to_the_window() {
    let log = captured();
    let sandbox = Sandbox::start(sandbox::Config {
        profiles: 8,
        review_delay: std::time::Duration::from_secs(60),
        subaccounts: 2,
        ..sandbox::Config::default()
    })
    .await
    .unwrap();
    let dir = std::env::temp_dir().join(format!("thd-secrets-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    // The history of changes is a file in the same folder: it names fields, never values.
    let state = AppState::new(
        http_client_for(&sandbox.base_url()).unwrap(),
        sandbox.base_url(),
        Arc::new(MemoryVault::default()),
        Some(dir.join("accounts.json")),
    )
    .with_history(History::open(&dir.join("history.sqlite3")));
    let token = sandbox.auth_token(sandbox::DEMO_ACCOUNT_SID).unwrap();
    let secret = token.as_str();
    let mut answers = Vec::new();

    let wrong = save(
        &state,
        CredentialInput {
            account_sid: sandbox::DEMO_ACCOUNT_SID.into(),
            api_key_sid: None,
            secret: format!("{secret}-wrong").into(),
            label: None,
            session_only: false,
        },
    )
    .await
    .unwrap_err();
    answers.push(json(&wrong));
    assert_absent("a refusal", &json(&wrong), &format!("{secret}-wrong"));

    let status = save(
        &state,
        CredentialInput {
            account_sid: sandbox::DEMO_ACCOUNT_SID.into(),
            api_key_sid: None,
            secret: secret.into(),
            label: Some("Main".into()),
            session_only: false,
        },
    )
    .await
    .unwrap();
    answers.push(json(&status));
    answers.push(json(&describe(&state).await.unwrap()));

    let sid = profile_sid(Seeded::DRAFT_COMPLIANT);
    answers.push(json(
        &fetch(&state, BundleKind::CustomerProfile, &sid)
            .await
            .unwrap(),
    ));
    let change = ProfileUpdate {
        friendly_name: Some("Renamed".into()),
        ..ProfileUpdate::default()
    };
    answers.push(json(&update(&state, &sid, &change).await.unwrap()));
    let refused = update(&state, &profile_sid(Seeded::IN_REVIEW), &change)
        .await
        .unwrap_err();
    answers.push(json(&refused));

    // The overview with subaccounts: their tokens are held for the session, never shown.
    let seen = overview::overview(&state, true, |_, _| {}).await.unwrap();
    assert_eq!(
        seen.accounts.len(),
        3,
        "the main account and its two subaccounts"
    );
    assert!(seen.accounts.iter().all(|a| a.error.is_none()));
    answers.push(json(&seen));
    let sub = sandbox::subaccount_sid(1);
    let inside = overview::open(&state, &sub).await.unwrap();
    assert_eq!(inside.connected.as_ref().unwrap().account_sid, sub);
    answers.push(json(&inside));
    let sub_sid = profile_sid(200_000 + sandbox::MAX_PROFILES_PER_SUBACCOUNT);
    answers.push(json(
        &fetch(&state, BundleKind::CustomerProfile, &sub_sid)
            .await
            .unwrap(),
    ));
    let sub_tokens: Vec<(String, String)> = (0..2)
        .map(|i| {
            let s = sandbox::subaccount_sid(i);
            let t = sandbox.auth_token(&s).unwrap();
            (s, t)
        })
        .collect();

    // Debug output of everything that holds it.
    let credentials = Credentials::new(sandbox::DEMO_ACCOUNT_SID, None, secret.into()).unwrap();
    assert_absent("Debug of Credentials", &format!("{credentials:?}"), secret);

    let text = log.0.lock().unwrap().clone();
    assert!(
        text.contains("saved in the keyring") && text.contains("POST"),
        "the log was captured at trace level: {text}"
    );
    assert_absent("the log", &text, secret);
    for (sid, token) in &sub_tokens {
        let basic = base64::engine::general_purpose::STANDARD.encode(format!("{sid}:{token}"));
        for (what, place) in [("the log", &text), ("the answers", &answers.join("\n"))] {
            assert!(
                !place.contains(token.as_str()) && !place.contains(&basic),
                "a subaccount's token is in {what}"
            );
        }
        for entry in std::fs::read_dir(&dir).unwrap() {
            let file = entry.unwrap().path();
            let content = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
            assert!(
                !content.contains(token.as_str()),
                "a subaccount's token is in {}",
                file.display()
            );
        }
    }
    for answer in &answers {
        assert_absent("an answer to the window", answer, secret);
    }
    for entry in std::fs::read_dir(&dir).unwrap() {
        let contents =
            String::from_utf8_lossy(&std::fs::read(entry.unwrap().path()).unwrap()).into_owned();
        assert_absent("the config folder and the history", &contents, secret);
    }
    forget(&state, None).await.unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}

fn map(value: Value) -> Map<String, Value> {
    value.as_object().unwrap().clone()
}

#[tokio::test(flavor = "multi_thread")]
async fn personal_data_is_in_no_log_and_no_file() {
    let log = captured();
    let sandbox = Sandbox::start(sandbox::Config {
        profiles: 8,
        ..sandbox::Config::default()
    })
    .await
    .unwrap();
    let dir = std::env::temp_dir().join(format!("thd-personal-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    // The history of changes is a file in the same folder: it names fields, never values.
    let state = AppState::new(
        http_client_for(&sandbox.base_url()).unwrap(),
        sandbox.base_url(),
        Arc::new(MemoryVault::default()),
        Some(dir.join("accounts.json")),
    )
    .with_history(History::open(&dir.join("history.sqlite3")));
    let token = sandbox.auth_token(sandbox::DEMO_ACCOUNT_SID).unwrap();
    save(
        &state,
        CredentialInput {
            account_sid: sandbox::DEMO_ACCOUNT_SID.into(),
            api_key_sid: None,
            secret: token.as_str().into(),
            label: Some("Main".into()),
            session_only: false,
        },
    )
    .await
    .unwrap();
    let personal = [
        "Zephyrine",
        "Quillfeather",
        "zephyrine.q@personal-example.org",
        "+14155550199",
        "Quillfeather Holdings",
        "98-7654321",
        "742 Evergreen Terrace",
        "Springfieldia",
        "90210-4242",
    ];
    let profile = profile_sid(Seeded::DRAFT_NONCOMPLIANT);
    let target = AssignTo {
        kind: None,
        sid: profile.clone(),
    };

    let person = objects::create(
        &state,
        ObjectKind::EndUser,
        "authorized_representative_1",
        "Zephyrine Quillfeather",
        &map(json!({
            "first_name": "Zephyrine", "last_name": "Quillfeather",
            "email": "zephyrine.q@personal-example.org", "phone_number": "+1 415 555 0199",
            "business_title": "Owner", "job_position": "CEO",
        })),
        Some(&target),
    )
    .await
    .unwrap();
    let person_sid = person.object.sid.clone().unwrap();
    objects::save(
        &state,
        &person_sid,
        None,
        &map(json!({"last_name": "Quillfeather", "email": "zephyrine.q@personal-example.org"})),
        Some(&profile),
    )
    .await
    .unwrap();
    // A refused value is said to the window, never written down.
    objects::save(
        &state,
        &person_sid,
        None,
        &map(json!({"phone_number": "Springfieldia"})),
        Some(&profile),
    )
    .await
    .unwrap_err();
    objects::create(
        &state,
        ObjectKind::EndUser,
        "customer_profile_business_information",
        "Quillfeather Holdings",
        &map(json!({
            "business_name": "Quillfeather Holdings",
            "business_registration_number": "98-7654321",
        })),
        None,
    )
    .await
    .unwrap();

    let conn = state.connection();
    let credentials =
        Credentials::new(sandbox::DEMO_ACCOUNT_SID, None, token.as_str().into()).unwrap();
    let address = conn
        .client
        .create_address(
            &credentials,
            &AddressInput {
                customer_name: "Zephyrine Quillfeather".into(),
                street: "742 Evergreen Terrace".into(),
                street_secondary: None,
                city: "Springfieldia".into(),
                region: "CA".into(),
                postal_code: "90210-4242".into(),
                iso_country: "US".into(),
                friendly_name: Some("Quillfeather Holdings".into()),
            },
        )
        .await
        .unwrap();
    conn.client
        .update_address(
            &credentials,
            address.sid.as_deref().unwrap(),
            &AddressUpdate {
                street: Some("742 Evergreen Terrace".into()),
                ..AddressUpdate::default()
            },
        )
        .await
        .unwrap();

    let text = log.0.lock().unwrap().clone();
    assert!(
        text.contains("POST /v1/EndUsers") && text.contains("/Addresses"),
        "the requests were logged at trace level: {text}"
    );
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(
        files.iter().any(|f| f.ends_with("history.sqlite3")),
        "{files:?}"
    );
    for value in personal {
        assert!(!text.contains(value), "{value} appears in the log");
        for file in &files {
            let contents = std::fs::read(file).unwrap();
            assert!(
                !contents.windows(value.len()).any(|w| w == value.as_bytes()),
                "{value} appears in {}",
                file.display()
            );
        }
    }
    // The history has the changes: which fields, not what was typed.
    let lines = history::timeline(&state, &profile).await.unwrap();
    let words: Vec<&str> = lines.iter().map(|l| l.words.as_str()).collect();
    assert!(
        words.contains(&"Business or person details changed: email, last name"),
        "{words:?}"
    );
    forget(&state, None).await.unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}
