//! Several saved accounts, through the same functions the Tauri commands call, against
//! the sandbox (two accounts) with an in-memory vault and a real accounts file.

use secrecy::ExposeSecret;
use std::path::PathBuf;
use std::sync::Arc;

use trusthub_desk::commands::credentials::{describe, forget, save, switch, CredentialInput};
use trusthub_desk::commands::error::ErrorKind;
use trusthub_desk::credentials::{MemoryVault, Vault};
use trusthub_desk::sandbox::{self, Sandbox};
use trusthub_desk::state::AppState;
use trusthub_desk::trusthub::http_client_for;

fn input(account_sid: &str, secret: &str, label: Option<&str>) -> CredentialInput {
    CredentialInput {
        account_sid: account_sid.into(),
        api_key_sid: None,
        secret: secret.into(),
        label: label.map(Into::into),
        session_only: false,
    }
}

struct Setup {
    state: AppState,
    vault: Arc<MemoryVault>,
    file: PathBuf,
    sandbox: Sandbox,
}

impl Setup {
    fn token(&self, account_sid: &str) -> String {
        self.sandbox.auth_token(account_sid).unwrap()
    }
}

async fn setup(name: &str) -> Setup {
    let sandbox = Sandbox::start(sandbox::Config {
        profiles: 6,
        review_delay: std::time::Duration::from_secs(60),
        ..sandbox::Config::default()
    })
    .await
    .unwrap();
    let dir = std::env::temp_dir().join(format!("thd-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let file = dir.join("accounts.json");
    let vault = Arc::new(MemoryVault::default());
    let state = AppState::new(
        http_client_for(&sandbox.base_url()).unwrap(),
        sandbox.base_url(),
        vault.clone(),
        Some(file.clone()),
    );
    Setup {
        state,
        vault,
        file,
        sandbox,
    }
}

#[tokio::test]
async fn two_accounts_are_saved_switched_and_forgotten_and_the_list_survives_a_restart() {
    let s = setup("accounts").await;
    let first = save(
        &s.state,
        input(
            sandbox::DEMO_ACCOUNT_SID,
            &s.token(sandbox::DEMO_ACCOUNT_SID),
            Some("Main office"),
        ),
    )
    .await
    .unwrap();
    assert_eq!(
        first.connected.unwrap().account_sid,
        sandbox::DEMO_ACCOUNT_SID
    );
    let second = save(
        &s.state,
        input(
            sandbox::SECOND_ACCOUNT_SID,
            &s.token(sandbox::SECOND_ACCOUNT_SID),
            None,
        ),
    )
    .await
    .unwrap();
    assert_eq!(
        second.connected.unwrap().account_sid,
        sandbox::SECOND_ACCOUNT_SID
    );
    let labels: Vec<_> = second.accounts.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(labels, ["Main office", "Twilio account …de71"]);

    // Each account's secret in its own entry; the file holds no secret.
    let file = std::fs::read_to_string(&s.file).unwrap();
    for sid in [sandbox::DEMO_ACCOUNT_SID, sandbox::SECOND_ACCOUNT_SID] {
        let kept = s.vault.entry(sid).load().unwrap().unwrap();
        assert_eq!(kept.account_sid(), sid);
        assert_eq!(kept.secret().expose_secret(), s.token(sid));
        assert!(!file.contains(&s.token(sid)), "the file holds no secret");
    }
    let book: serde_json::Value = serde_json::from_str(&file).unwrap();
    assert_eq!(book["current"], sandbox::SECOND_ACCOUNT_SID);

    // The list and the choice survive a restart.
    let again = AppState::new(
        http_client_for(&s.sandbox.base_url()).unwrap(),
        s.sandbox.base_url(),
        s.vault.clone(),
        Some(s.file.clone()),
    );
    let status = describe(&again).await.unwrap();
    assert_eq!(
        status.connected.unwrap().account_sid,
        sandbox::SECOND_ACCOUNT_SID
    );
    assert_eq!(status.accounts.len(), 2);

    let switched = switch(&s.state, sandbox::DEMO_ACCOUNT_SID).await.unwrap();
    assert_eq!(
        switched.connected.unwrap().account_sid,
        sandbox::DEMO_ACCOUNT_SID
    );
    let unknown = switch(&s.state, "AC0000000000000000000000000000beef")
        .await
        .unwrap_err();
    assert_eq!(unknown.kind, ErrorKind::NotFound);

    // Forgetting works only for an account of the list: the window cannot name another
    // keyring entry for deletion.
    let stranger = "AC0000000000000000000000000000beef";
    let planted =
        trusthub_desk::credentials::Credentials::new(stranger, None, "kept".into()).unwrap();
    s.vault.entry(stranger).save(&planted).unwrap();
    let refused = forget(&s.state, Some(stranger)).await.unwrap_err();
    assert_eq!(refused.kind, ErrorKind::NotFound);
    assert!(
        s.vault.entry(stranger).load().unwrap().is_some(),
        "an entry outside the list is not deleted"
    );

    let after = forget(&s.state, None).await.unwrap();
    assert!(s
        .vault
        .entry(sandbox::DEMO_ACCOUNT_SID)
        .load()
        .unwrap()
        .is_none());
    assert_eq!(
        after.connected.unwrap().account_sid,
        sandbox::SECOND_ACCOUNT_SID,
        "the remaining account is the one in use"
    );
    let last = forget(&s.state, None).await.unwrap();
    assert!(last.connected.is_none());
    assert!(last.accounts.is_empty());
}

#[tokio::test]
async fn refused_credentials_add_no_account() {
    let s = setup("refused").await;
    let e = save(
        &s.state,
        input(sandbox::SECOND_ACCOUNT_SID, "wrong-token", Some("Nope")),
    )
    .await
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unauthorized);
    assert!(!s.file.exists(), "nothing written");
    assert!(s
        .vault
        .entry(sandbox::SECOND_ACCOUNT_SID)
        .load()
        .unwrap()
        .is_none());
}

/// The demo account's API key typed under the second account's SID: the key opens another
/// account than the one typed, so saving refuses it beside the Account SID and keeps nothing
/// (TrustHub paths hold no SID: saved, it would show the demo account's profiles as the
/// second account's).
#[tokio::test]
async fn a_key_of_another_account_is_refused_and_nothing_is_kept() {
    let s = setup("other-key").await;
    let key = s.sandbox.demo_api_key().unwrap();
    let e = save(
        &s.state,
        CredentialInput {
            account_sid: sandbox::SECOND_ACCOUNT_SID.into(),
            api_key_sid: Some(sandbox::DEMO_API_KEY_SID.into()),
            secret: key.secret().expose_secret().into(),
            label: None,
            session_only: false,
        },
    )
    .await
    .unwrap_err();
    assert_eq!(e.field.as_deref(), Some("accountSid"), "{}", e.message);
    assert!(e.message.starts_with(&format!(
        "These credentials do not open the account {}",
        sandbox::SECOND_ACCOUNT_SID
    )));
    assert!(!s.file.exists(), "nothing written");
    assert!(s
        .vault
        .entry(sandbox::SECOND_ACCOUNT_SID)
        .load()
        .unwrap()
        .is_none());
    // The same key under its own account's SID is accepted.
    let ok = save(
        &s.state,
        CredentialInput {
            account_sid: sandbox::DEMO_ACCOUNT_SID.into(),
            api_key_sid: Some(sandbox::DEMO_API_KEY_SID.into()),
            secret: key.secret().expose_secret().into(),
            label: None,
            session_only: false,
        },
    )
    .await
    .unwrap();
    assert_eq!(ok.connected.unwrap().account_sid, sandbox::DEMO_ACCOUNT_SID);
}

/// A new secondary profile needs an approved primary profile marked as an ISV reseller or
/// partner: step 1 of a new profile asks which the account has.
#[tokio::test]
async fn the_approved_primary_profiles_are_listed_with_whether_they_are_an_isv() {
    use trusthub_desk::commands::drafts::{primaries, PrimaryProfile};
    use trusthub_desk::sandbox::{profile_sid, Seeded};

    let s = setup("primaries").await;
    let connect = |sid: &'static str| save(&s.state, input(sid, &s.token(sid), None));
    connect(sandbox::DEMO_ACCOUNT_SID).await.unwrap();
    let check = primaries(&s.state).await.unwrap();
    assert!(!check.in_subaccount);
    assert_eq!(
        check.primaries,
        [PrimaryProfile {
            sid: profile_sid(Seeded::APPROVED),
            name: Some("Fabrikam Logistics".into()),
            isv: true,
        }],
        "only the approved primary, not the approved secondaries nor the primary draft"
    );

    // An account with no approved primary profile: the list is empty.
    connect(sandbox::SECOND_ACCOUNT_SID).await.unwrap();
    let none = primaries(&s.state).await.unwrap();
    assert!(none.primaries.is_empty(), "{:?}", none.primaries);
}
