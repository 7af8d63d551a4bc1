//! The secret goes nowhere but the store: with logging at its most verbose, save the
//! credentials, fetch and update a profile, fail once, and look for the secret (and the
//! Basic header made from it) in the log, in the accounts file and in every answer the
//! window would receive.

use base64::Engine;
use std::sync::{Arc, Mutex, OnceLock};

use trusthub_desk::commands::bundles::{fetch, update};
use trusthub_desk::commands::credentials::{describe, forget, save, CredentialInput};
use trusthub_desk::credentials::{Credentials, MemoryVault};
use trusthub_desk::sandbox::{self, profile_sid, Sandbox, Seeded};
use trusthub_desk::state::AppState;
use trusthub_desk::trusthub::http_client_for;
use trusthub_desk::trusthub::models::{BundleKind, ProfileUpdate};

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
        ..sandbox::Config::default()
    })
    .await
    .unwrap();
    let dir = std::env::temp_dir().join(format!("thd-secrets-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let state = AppState::new(
        http_client_for(&sandbox.base_url()).unwrap(),
        sandbox.base_url(),
        Arc::new(MemoryVault::default()),
        Some(dir.join("accounts.json")),
    );
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

    // Debug output of everything that holds it.
    let credentials = Credentials::new(sandbox::DEMO_ACCOUNT_SID, None, secret.into()).unwrap();
    assert_absent("Debug of Credentials", &format!("{credentials:?}"), secret);

    let text = log.0.lock().unwrap().clone();
    assert!(
        text.contains("saved in the keyring") && text.contains("POST"),
        "the log was captured at trace level: {text}"
    );
    assert_absent("the log", &text, secret);
    for answer in &answers {
        assert_absent("an answer to the window", answer, secret);
    }
    for entry in std::fs::read_dir(&dir).unwrap() {
        let contents = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert_absent("the config folder", &contents, secret);
    }
    forget(&state, None).await.unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}
