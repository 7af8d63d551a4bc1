//! The history database (written, read again after reopening and after a crash, a damaged
//! file moved aside, a write that fails told once), and the watch on the wire: one list request per account with that
//! account's credentials, a decision recorded and reported, an account that fails asked
//! less often.

mod common;

use std::path::Path;
use std::time::Duration;

use common::*;
use serde_json::json;
use trusthub_desk::commands::{bundles, history, watch};
use trusthub_desk::history::{Change, History, Outcome, Source};
use trusthub_desk::trusthub::models::{ProfileStatus, ProfileUpdate};
use trusthub_desk::watch::Schedule;
use wiremock::matchers::{body_string, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const BU2: &str = "BUbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

fn submitted(sid: &str) -> Change {
    Change {
        account_sid: AC.into(),
        bundle_sid: Some(sid.into()),
        object_sid: sid.into(),
        object: "customer-profile",
        action: "submitted",
        fields: vec!["status".into()],
        status_before: Some("draft".into()),
    }
}

fn dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("thd-history-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn a_history_is_read_again_after_reopening() {
    let d = dir("reopen");
    let file = d.join("history.sqlite3");
    {
        let h = History::open(&file);
        assert_eq!(h.take_note(), None, "a new history is no news");
        h.record(
            &submitted(BU),
            &Outcome::Done {
                status_after: Some("pending-review".into()),
            },
        )
        .unwrap();
        h.record(
            &submitted(BU2),
            &Outcome::Failed {
                kind: "network".into(),
                code: None,
            },
        )
        .unwrap();
        // The first sight of a status is remembered, not a change.
        assert!(h
            .observe(AC, &[("customer-profile", BU2, "draft")], Source::Seen)
            .unwrap()
            .is_empty());
    }
    let h = History::open(&file);
    // File modes are Unix's; Windows keeps a user's profile folder private by itself.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&file), 0o600, "the history is this user's only");
        assert_eq!(mode(&d), 0o700);
    }
    let events = h.of_bundle(AC, BU, 10).unwrap();
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(
        (e.action.as_str(), e.outcome.as_str(), e.source.as_str()),
        ("submitted", "done", "app")
    );
    assert_eq!(e.status_before.as_deref(), Some("draft"));
    assert_eq!(e.status_after.as_deref(), Some("pending-review"));
    assert_eq!(e.fields, ["status"]);
    let failed = &h.of_bundle(AC, BU2, 10).unwrap()[0];
    assert_eq!(failed.outcome, "failed");
    assert_eq!(failed.error_kind.as_deref(), Some("network"));
    assert_eq!(
        history::line(failed.clone()).result,
        "Failed (no connection)"
    );
    // Under review after the submit: the watch follows it; the draft it does not.
    let watched: Vec<String> = h.watched().unwrap().into_iter().map(|w| w.sid).collect();
    assert_eq!(watched, [BU]);
    // Twilio's decision, seen later, is a change with its before and after.
    let seen = h
        .observe(
            AC,
            &[("customer-profile", BU, "twilio-approved")],
            Source::Watch,
        )
        .unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(
        (seen[0].before.as_str(), seen[0].after.as_str()),
        ("pending-review", "twilio-approved")
    );
    assert_eq!(
        history::words(&h.of_bundle(AC, BU, 1).unwrap()[0]),
        "Twilio's decision, noticed while TrustHub Desk was open: Pending review → Approved by Twilio"
    );
    assert!(h.watched().unwrap().is_empty());
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn the_overview_marks_what_changed_since_the_person_last_looked() {
    let h = History::in_memory();
    let read = |status: &str| {
        vec![(
            AC.to_owned(),
            vec![("customer-profile".into(), BU.to_owned(), status.to_owned())],
        )]
    };
    // The first look marks nothing; nor does a second with nothing new.
    assert!(h.overview_seen(&read("in-review")).unwrap()[0].is_empty());
    assert!(h.overview_seen(&read("in-review")).unwrap()[0].is_empty());
    // The watch sees two changes; the next look shows one mark, from first to last.
    h.observe(
        AC,
        &[("customer-profile", BU, "twilio-rejected")],
        Source::Watch,
    )
    .unwrap();
    h.observe(AC, &[("customer-profile", BU, "draft")], Source::Seen)
        .unwrap();
    let marks = h.overview_seen(&read("draft")).unwrap();
    assert_eq!(marks[0].len(), 1);
    assert_eq!(
        (marks[0][0].before.as_str(), marks[0][0].after.as_str()),
        ("in-review", "draft")
    );
    // Looked at: gone.
    assert!(h.overview_seen(&read("draft")).unwrap()[0].is_empty());
}

/// A brand's resubmissions are counted from the history (Twilio counts them but does not
/// say how many were used): only those done, only that brand's, only that account's.
#[test]
fn a_brands_resubmissions_are_counted_done_only() {
    let h = History::in_memory();
    let brand = "BN0123456789abcdef0123456789abcdef";
    let resubmitted = |account: &str, sid: &str| Change {
        account_sid: account.into(),
        object_sid: sid.into(),
        object: "brand",
        action: "resubmitted",
        ..Change::default()
    };
    let done = Outcome::Done { status_after: None };
    h.record(&resubmitted(AC, brand), &done).unwrap();
    h.record(&resubmitted(AC, brand), &done).unwrap();
    h.record(
        &resubmitted(AC, brand),
        &Outcome::Failed {
            kind: "network".into(),
            code: None,
        },
    )
    .unwrap();
    h.record(
        &resubmitted(AC, "BN1123456789abcdef0123456789abcdef"),
        &done,
    )
    .unwrap();
    h.record(
        &resubmitted("AC1123456789abcdef0123456789abcdef", brand),
        &done,
    )
    .unwrap();
    assert_eq!(h.times_done(AC, brand, "resubmitted").unwrap(), 2);
    assert_eq!(h.times_done(AC, brand, "created").unwrap(), 0);
    let line = history::words(&h.of_bundle(AC, brand, 1).unwrap()[0]);
    assert_eq!(line, "Brand resubmitted for review");
}

#[test]
fn a_damaged_history_is_moved_aside_and_a_new_one_begun() {
    let d = dir("damaged");
    let file = d.join("history.sqlite3");
    std::fs::write(
        &file,
        b"this is not a database, but it is long enough to look like a header of one",
    )
    .unwrap();
    let h = History::open(&file);
    let note = h.take_note().expect("the person is told");
    assert!(
        note.message.starts_with(
            "TrustHub Desk could not read its history of changes, so it moved the file aside"
        ),
        "{}",
        note.message
    );
    assert_eq!(h.take_note(), None, "told once");
    // The new history works, and the old file is kept beside it.
    h.record(&submitted(BU), &Outcome::Done { status_after: None })
        .unwrap();
    assert_eq!(h.of_bundle(AC, BU, 10).unwrap().len(), 1);
    let aside: Vec<String> = std::fs::read_dir(&d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("history.sqlite3.damaged-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(note.message.contains(&aside[0]));
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn a_folder_that_cannot_hold_the_history_keeps_it_in_memory_and_says_so() {
    let d = dir("unwritable");
    // A file where the folder should be: nothing can be created under it.
    let blocker = d.join("not-a-folder");
    std::fs::write(&blocker, b"x").unwrap();
    let h = History::open(&blocker.join("history.sqlite3"));
    let note = h.take_note().expect("the person is told");
    assert!(
        note.message.contains("kept only until you close the app"),
        "{}",
        note.message
    );
    h.record(&submitted(BU), &Outcome::Done { status_after: None })
        .unwrap();
    assert_eq!(h.of_bundle(AC, BU, 10).unwrap().len(), 1);
    assert_eq!(std::fs::read(&blocker).unwrap(), b"x", "left as it was");
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn a_write_that_fails_is_said_once_and_the_history_goes_on() {
    let d = dir("locked");
    let file = d.join("history.sqlite3");
    std::fs::write(&file, vec![0x5a_u8; 4096]).unwrap();
    let h = History::open(&file);
    let done = Outcome::Done {
        status_after: Some("pending-review".into()),
    };
    h.record(&submitted(BU), &done).unwrap();
    // Another copy holds the file's write lock: every write fails, as on a full disk.
    let other = rusqlite::Connection::open(&file).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    assert!(h.record(&submitted(BU2), &done).is_err());
    // The note about the opening, not yet taken, is said first; the failure after it.
    let first = h.take_note().expect("the damaged file is told");
    assert!(
        first.message.contains("moved the file aside"),
        "{}",
        first.message
    );
    assert!(h
        .observe(AC, &[("customer-profile", BU, "in-review")], Source::Watch)
        .is_err());
    let failed = h.take_note().expect("the failed write is told");
    assert_eq!(
        failed.message,
        "TrustHub Desk could not write to its history of changes, so some of the latest changes are missing from it. Check that the disk has free space. Your profiles at Twilio are not affected."
    );
    assert!(h.record(&submitted(BU2), &done).is_err());
    assert_eq!(h.take_note(), None, "said once a run");
    // It is still read meanwhile, and written again once it can be.
    assert_eq!(h.of_bundle(AC, BU, 10).unwrap().len(), 1);
    other.execute_batch("ROLLBACK").unwrap();
    h.record(&submitted(BU2), &done).unwrap();
    assert_eq!(h.of_bundle(AC, BU2, 10).unwrap().len(), 1);
    assert_eq!(h.watched().unwrap().len(), 2);
    assert_eq!(h.take_note(), None);
    std::fs::remove_dir_all(&d).unwrap();
}

/// Run by the test below in a process of its own: writes, then dies without closing.
#[test]
#[ignore = "run by a_history_written_before_a_crash_is_read_after_it"]
fn crash_while_writing() {
    let Some(file) = std::env::var_os("THD_CRASH_FILE") else {
        return;
    };
    let h = History::open(Path::new(&file));
    for sid in [BU, BU2] {
        h.record(
            &submitted(sid),
            &Outcome::Done {
                status_after: Some("pending-review".into()),
            },
        )
        .unwrap();
    }
    std::process::abort();
}

#[test]
fn a_history_written_before_a_crash_is_read_after_it() {
    let d = dir("crash");
    let file = d.join("history.sqlite3");
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--ignored", "--exact", "crash_while_writing", "--nocapture"])
        .env("THD_CRASH_FILE", &file)
        .status()
        .unwrap();
    assert!(!status.success(), "the writer was to die, not end");
    let h = History::open(&file);
    assert_eq!(h.take_note(), None, "not damaged");
    assert_eq!(h.of_bundle(AC, BU, 10).unwrap().len(), 1);
    assert_eq!(h.of_bundle(AC, BU2, 10).unwrap().len(), 1);
    assert_eq!(h.watched().unwrap().len(), 2);
    std::fs::remove_dir_all(&d).unwrap();
}

fn profile(sid: &str, status: &str, errors: usize) -> serde_json::Value {
    json!({"sid": sid, "account_sid": AC, "friendly_name": "Acme Ltd", "status": status,
           "errors": (0..errors).map(|i| json!({"code": 18600 + i})).collect::<Vec<_>>()})
}

/// Submitting through the app records it (the wire asserted), and the watch then reads
/// the account with one list of 1,000 and reports Twilio's rejection.
#[tokio::test(flavor = "multi_thread")]
async fn a_submitted_profile_is_recorded_and_the_watch_reports_the_decision() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("/v1/CustomerProfiles/{BU}")))
        .and(auth())
        .and(body_string(form(&[("Status", "pending-review")])))
        .respond_with(ResponseTemplate::new(200).set_body_json(profile(BU, "pending-review", 0)))
        .expect(1)
        .mount(&server)
        .await;
    let state = signed_in(&server.uri());
    // The profile was a draft when the person opened it.
    Mock::given(method("GET"))
        .and(path(format!("/v1/CustomerProfiles/{BU}")))
        .and(auth())
        .respond_with(ResponseTemplate::new(200).set_body_json(profile(BU, "draft", 0)))
        .expect(1)
        .mount(&server)
        .await;
    bundles::fetch(&state, Default::default(), BU)
        .await
        .unwrap();
    bundles::update(
        &state,
        BU,
        &ProfileUpdate {
            status: Some(ProfileStatus::PendingReview),
            ..ProfileUpdate::default()
        },
    )
    .await
    .unwrap();
    let lines = history::timeline(&state, BU).await.unwrap();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].words, "Submitted for review");
    assert_eq!(lines[0].event.status_before.as_deref(), Some("draft"));
    assert_eq!(
        lines[0].event.status_after.as_deref(),
        Some("pending-review")
    );

    // The watch: still pending at its first look, rejected with two reasons at its second.
    let list = || {
        Mock::given(method("GET"))
            .and(path("/v1/CustomerProfiles"))
            .and(query_param("PageSize", "1000"))
            .and(auth())
    };
    list()
        .respond_with(ResponseTemplate::new(200).set_body_json(page(vec![
            profile(BU, "pending-review", 0),
            profile(BU2, "draft", 0),
        ])))
        .up_to_n_times(1)
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    list()
        .respond_with(ResponseTemplate::new(200).set_body_json(page(vec![
            profile(BU, "twilio-rejected", 2),
            profile(BU2, "draft", 0),
        ])))
        .with_priority(2)
        .expect(1)
        .mount(&server)
        .await;
    let mut schedule = Schedule::default();
    let every = Duration::from_secs(600);
    assert!(watch::check(&state, &mut schedule, 0, every)
        .await
        .is_empty());
    let decisions = watch::check(&state, &mut schedule, 1, every).await;
    assert_eq!(decisions.len(), 1);
    let d = &decisions[0];
    assert_eq!(d.title, "Rejected by Twilio: 2 reasons");
    assert_eq!(d.name.as_deref(), Some("Acme Ltd"));
    assert_eq!((d.account_sid.as_str(), d.sid.as_str()), (AC, BU));
    // Decided: nothing is left to watch, so a third round sends nothing.
    assert!(watch::check(&state, &mut schedule, 2, every)
        .await
        .is_empty());
    let lines = history::timeline(&state, BU).await.unwrap();
    assert_eq!(
        lines[0].words,
        "Twilio's decision, noticed while TrustHub Desk was open: Pending review → Rejected by Twilio"
    );
    assert_eq!(lines[0].event.source, "watch");
    server.verify().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_account_the_watch_cannot_read_is_asked_less_often() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/CustomerProfiles"))
        .and(auth())
        .respond_with(
            ResponseTemplate::new(401)
                .set_body_json(json!({"code": 20003, "message": "Authenticate", "status": 401})),
        )
        .expect(3)
        .mount(&server)
        .await;
    let state = signed_in(&server.uri());
    state
        .history()
        .observe(AC, &[("customer-profile", BU, "in-review")], Source::Seen)
        .unwrap();
    let mut schedule = Schedule::default();
    let every = Duration::from_secs(600);
    // Fails at ticks 0, 2 and 6: it skips one tick, then three.
    for tick in 0..7 {
        assert!(watch::check(&state, &mut schedule, tick, every)
            .await
            .is_empty());
    }
    server.verify().await;
}

/// Forgetting an account drops the tokens of the subaccounts read with it: the watch sends
/// no more request for them, and none of them can be opened (switching away does the same:
/// `commands::credentials::switch`).
#[tokio::test(flavor = "multi_thread")]
async fn a_forgotten_account_takes_its_subaccounts_with_it() {
    use trusthub_desk::commands::{credentials, overview};
    use trusthub_desk::credentials::Credentials;
    use trusthub_desk::state::KnownSubaccount;
    const SUB: &str = "AC5555555555555555555555555555aaaa";
    const SUB_TOKEN: &str = "the-subaccounts-own-token";
    let server = MockServer::start().await;
    // The subaccount's list, with its own token: read once, before the main account is forgotten.
    Mock::given(method("GET"))
        .and(path("/v1/CustomerProfiles"))
        .and(wiremock::matchers::header(
            "authorization",
            basic(SUB, SUB_TOKEN).as_str(),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(vec![json!({
            "sid": BU2, "account_sid": SUB, "friendly_name": "Shop", "status": "in-review"})])))
        .expect(1)
        .mount(&server)
        .await;
    let state = signed_in(&server.uri());
    state.remember_subaccounts(vec![KnownSubaccount {
        credentials: Credentials::new(SUB, None, SUB_TOKEN.into()).unwrap(),
        name: Some("Shop".into()),
        parent_sid: AC.into(),
    }]);
    state
        .history()
        .observe(SUB, &[("customer-profile", BU2, "in-review")], Source::Seen)
        .unwrap();
    let mut schedule = Schedule::default();
    let every = Duration::from_secs(600);
    watch::check(&state, &mut schedule, 0, every).await;

    credentials::forget(&state, Some(AC)).await.unwrap();
    for tick in 1..4 {
        watch::check(&state, &mut schedule, tick, every).await;
    }
    let e = overview::open(&state, SUB).await.unwrap_err();
    assert_eq!(
        e.message,
        "TrustHub Desk does not know that subaccount in this session. Load the overview with subaccounts again."
    );
    assert!(state.known_subaccounts().is_empty());
    server.verify().await;
}

/// Switching to another saved account drops the subaccounts read with the one left.
#[tokio::test]
async fn switching_away_drops_the_subaccounts_of_the_account_left() {
    use trusthub_desk::commands::credentials;
    use trusthub_desk::credentials::Credentials;
    use trusthub_desk::state::KnownSubaccount;
    const OTHER: &str = "AC6666666666666666666666666666bbbb";
    let server = MockServer::start().await;
    let state = signed_in(&server.uri());
    state
        .entry(OTHER)
        .save(&Credentials::new(OTHER, None, "other-token".into()).unwrap())
        .unwrap();
    state.change_book(|b| b.remember(OTHER, None)).unwrap();
    state.change_book(|b| b.current = Some(AC.into())).unwrap();
    let sub = |sid: &str, parent: &str| KnownSubaccount {
        credentials: Credentials::new(sid, None, "t".into()).unwrap(),
        name: None,
        parent_sid: parent.into(),
    };
    state.remember_subaccounts(vec![
        sub("AC7777777777777777777777777777cccc", AC),
        sub("AC8888888888888888888888888888dddd", OTHER),
    ]);
    credentials::switch(&state, OTHER).await.unwrap();
    let left: Vec<String> = state
        .known_subaccounts()
        .into_iter()
        .map(|s| s.parent_sid)
        .collect();
    assert_eq!(
        left,
        [OTHER],
        "only the subaccounts of the account switched to remain"
    );
}
