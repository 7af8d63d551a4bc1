//! The credential store against a real Secret Service (gnome-keyring on a private
//! session bus, as scripts/test.sh sets it up), and the plain error without one.

use secrecy::ExposeSecret;
use std::process::Command;
use trusthub_desk::credentials::{entry_name, Credentials, KeyringStore, SecretStore, StoreError};

const AC: &str = "AC0123456789abcdef0123456789abcdef";
const SK: &str = "SK0123456789abcdef0123456789abcdef";

const SERVICE: &str = "TrustHub Desk tests";

/// A server name of this test and this run, so runs never share an entry.
fn server(name: &str) -> String {
    format!("test-{name}-{}", std::process::id())
}

fn store(name: &str) -> KeyringStore {
    KeyringStore::new(SERVICE, AC, server(name))
}

#[test]
fn save_read_replace_forget() {
    assert_eq!(
        KeyringStore::availability(),
        Ok(()),
        "a Secret Service must be running for this test"
    );
    let store = store("lifecycle");
    assert!(
        store.load().unwrap().is_none(),
        "a fresh entry starts empty"
    );

    store
        .save(&Credentials::new(AC, None, "first-token".into()).unwrap())
        .unwrap();
    let read = store.load().unwrap().unwrap();
    assert_eq!(read.account_sid(), AC);
    assert_eq!(read.username(), AC);
    assert_eq!(read.secret().expose_secret(), "first-token");

    store
        .save(&Credentials::new(AC, Some(SK), "key-secret".into()).unwrap())
        .unwrap();
    let replaced = store.load().unwrap().unwrap();
    assert_eq!(replaced.username(), SK);
    assert_eq!(replaced.secret().expose_secret(), "key-secret");

    store.delete().unwrap();
    assert!(store.load().unwrap().is_none());
    store.delete().unwrap(); // forgetting twice is not an error
}

#[test]
fn an_entry_the_app_did_not_write_is_reported_not_crashed_on() {
    let store = store("foreign");
    keyring::Entry::new(SERVICE, &entry_name(AC, &server("foreign")))
        .unwrap()
        .set_password("hunter2")
        .unwrap();
    assert_eq!(store.load().unwrap_err(), StoreError::Corrupt);
    store.delete().unwrap();
}

#[test]
fn an_entry_naming_another_account_or_server_is_damaged_not_used() {
    // The entry of AC on this server, written by the app for another account...
    let other = "AC99999999999999999999999999999999";
    let written = KeyringStore::new(SERVICE, other, server("mismatch"));
    written
        .save(&Credentials::new(other, None, "other-token".into()).unwrap())
        .unwrap();
    let text = keyring::Entry::new(SERVICE, &entry_name(other, &server("mismatch")))
        .unwrap()
        .get_password()
        .unwrap();
    // ...moved under AC's name: it is refused as damaged, its token never used.
    keyring::Entry::new(SERVICE, &entry_name(AC, &server("mismatch")))
        .unwrap()
        .set_password(&text)
        .unwrap();
    let mine = KeyringStore::new(SERVICE, AC, server("mismatch"));
    assert_eq!(mine.load().unwrap_err(), StoreError::Corrupt);
    // And credentials kept for one server are not read for another.
    let elsewhere = KeyringStore::new(SERVICE, other, server("elsewhere"));
    assert!(elsewhere.load().unwrap().is_none());
    mine.delete().unwrap();
    written.delete().unwrap();
}

/// The platform store is chosen once per process, so the no-Secret-Service case runs
/// in a child process whose session bus address leads nowhere.
#[test]
fn without_a_secret_service_the_error_says_so() {
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "no_secret_service_child",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .env_remove("DISPLAY")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "child failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("1 passed"), "{stdout}");
}

#[test]
#[ignore = "run by without_a_secret_service_the_error_says_so in a process without a bus"]
fn no_secret_service_child() {
    let err = KeyringStore::availability().unwrap_err();
    assert!(matches!(err, StoreError::Unavailable(_)), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("This computer has no keyring service"),
        "{err}"
    );
    let store = store("absent");
    let saved = store.save(&Credentials::new(AC, None, "t".into()).unwrap());
    assert!(
        matches!(saved, Err(StoreError::Unavailable(_))),
        "{saved:?}"
    );
}
