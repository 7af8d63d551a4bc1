//! Word when Twilio decides: a demo profile submitted here is watched, the demo's Twilio
//! approves it, the window is told (the `watch-decision` event's bar) and says once that
//! this desktop shows no system notifications; the decision lands in the profile's
//! history and in the overview, both exported as CSV. Settings keep their choice. A
//! history that cannot be opened, or written, is said once, and the app goes on.

use crate::harness::{forget_saved_credentials, App, Launch};
use trusthub_desk::sandbox::{profile_sid, Seeded, DEMO_ACCOUNT_SID};

/// The lines of a CSV file the app wrote (the byte-order mark dropped).
fn csv_lines(file: &std::path::Path) -> Vec<String> {
    let text = std::fs::read_to_string(file).unwrap();
    let text = text
        .strip_prefix('\u{FEFF}')
        .expect("a byte-order mark for spreadsheets");
    text.split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn only_file(dir: &std::path::Path, prefix: &str) -> std::path::PathBuf {
    let found: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    found.into_iter().next().unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_submitted_profile_approved_by_twilio_is_told_and_lands_in_history() {
    forget_saved_credentials();
    let exports = std::env::temp_dir().join(format!("thd-e2e-exports-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&exports);
    std::fs::create_dir_all(&exports).unwrap();
    let mut launch = Launch::demo();
    launch.env = vec![
        ("TRUSTHUB_DESK_WATCH_SECONDS".into(), "2".into()),
        ("TRUSTHUB_DESK_DEMO_DECISION_SECONDS".into(), "3".into()),
        (
            "TRUSTHUB_DESK_TEST_EXPORT_DIR".into(),
            exports.display().to_string(),
        ),
    ];
    let app = App::launch(launch).await;
    let sid = profile_sid(Seeded::DRAFT_COMPLIANT);
    app.open_profile(&sid).await;
    let name = app.value("#edit-friendlyName").await;
    assert!(!name.is_empty());
    app.text_contains("#history-empty", "Nothing recorded yet")
        .await;
    app.check_and_submit().await;
    app.text_contains("#history-list", "Submitted for review")
        .await;

    // The overview, read while Twilio reviews it.
    app.click("#back").await;
    app.click("#tab-overview").await;
    app.click("#overview-load").await;
    app.type_into("#overview-name", &name).await;
    app.text_contains("#overview-shown", "1 of ").await;
    app.text_contains("#overview-rows", "In review").await;

    // The demo's Twilio approves it a few seconds later; the watch sees it, and the
    // overview's row changes at once.
    // (The demo's own profiles in review are decided too: this one's line is found by its SID.)
    let ours = format!("#decision-list li[data-sid=\"{sid}\"]");
    let told = app.text_contains(&ours, "Approved by Twilio").await;
    assert!(told.contains(&name), "{told}");
    app.text_contains("#overview-rows", "Changed: In review → Approved")
        .await;
    // This desktop has no notification service (a bare session bus): said once.
    let notices = app
        .text_contains(
            "#decision-notices",
            "did not let TrustHub Desk show notifications",
        )
        .await;
    assert_eq!(notices.matches("did not let").count(), 1, "{notices}");
    app.screenshot("decision").await;

    // Read again, the overview marks the change since the last look, lists it under
    // Recent changes, and exports what it shows.
    app.click("#overview-load").await;
    app.text_contains(
        "#overview-changed-count",
        "Changed since you last looked: 1",
    )
    .await;
    app.click("#overview-history summary").await;
    app.text_contains(
        "#overview-history-list",
        "Twilio's decision, noticed while TrustHub Desk was open: In review → Approved by Twilio",
    )
    .await;
    app.click("#overview-export").await;
    app.text_contains("#toast", "The overview was saved as trusthub-overview-")
        .await;
    let lines = csv_lines(&only_file(&exports, "trusthub-overview-"));
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert_eq!(
        lines[0],
        csv_row(&[
            "Name",
            "Kind",
            "Account",
            "Status",
            "Last updated (UTC)",
            "Needs attention",
            "Changed since you last looked",
            "SID",
            "Account SID"
        ])
    );
    let row = &lines[1];
    let first = csv_row(&[
        &name,
        "Customer-Profile",
        "Demo account",
        "Approved by Twilio",
    ]);
    assert!(row.starts_with(&format!("{first},\"")), "{row}");
    // The date as spreadsheets read one: 2026-03-04 05:06:07.
    let date = row
        .get(first.len() + 2..first.len() + 21)
        .unwrap_or_default();
    assert!(is_spreadsheet_date(date), "{row}");
    assert!(
        row.ends_with(&format!(
            "\",{}",
            csv_row(&[
                "",
                "Changed: In review → Approved by Twilio",
                &sid,
                DEMO_ACCOUNT_SID
            ])
        )),
        "{row}"
    );

    // Open in the bar goes to the profile, now approved, its history with the decision first.
    app.click(&format!("{ours} button")).await;
    app.text_contains("#status-card", "Approved").await;
    let history = app
        .text_contains(
            "#history-list li:first-child",
            "Twilio's decision, noticed while TrustHub Desk was open",
        )
        .await;
    assert!(
        history.ends_with("In review → Approved by Twilio"),
        "{history}"
    );
    app.toast_gone().await;
    app.screenshot_at("#history", "history").await;

    app.click("#history-export").await;
    app.text_contains("#toast", "The history was saved as trusthub-history-")
        .await;
    let lines = csv_lines(&only_file(&exports, "trusthub-history-"));
    assert_eq!(
        lines[0],
        csv_row(&[
            "When (UTC)",
            "What happened",
            "Result",
            "Fields",
            "Status before",
            "Status after",
            "By",
            "Record SID"
        ])
    );
    assert!(is_spreadsheet_date(&lines[1][1..20]), "{}", lines[1]);
    assert!(
        lines[1].ends_with(&csv_row(&[
            "Twilio's decision, noticed while TrustHub Desk was open: In review → Approved by Twilio",
            "Done",
            "status",
            "In review",
            "Approved by Twilio",
            "Twilio (noticed while TrustHub Desk was open)",
            &sid
        ])),
        "{}",
        lines[1]
    );
    assert!(
        lines.iter().any(|l| l.contains(&csv_row(&[
            "Submitted for review",
            "Done",
            "status",
            "Draft",
            "Pending review",
            "You, in TrustHub Desk"
        ]))),
        "{lines:#?}"
    );
    app.close().await;
    std::fs::remove_dir_all(&exports).unwrap();
}

/// Cells as the CSV writes them: each one quoted.
fn csv_row(cells: &[&str]) -> String {
    cells
        .iter()
        .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(",")
}

/// `2026-03-04 05:06:07`: a date-time spreadsheets read as one.
fn is_spreadsheet_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 19
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b' ',
            13 | 16 => *c == b':',
            _ => c.is_ascii_digit(),
        })
}

#[tokio::test(flavor = "multi_thread")]
async fn the_settings_keep_how_often_the_watch_looks() {
    forget_saved_credentials();
    let config = std::env::temp_dir().join(format!("thd-e2e-settings-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&config);
    let mut launch = Launch::demo();
    launch.config_home = Some(config.clone());
    let app = App::launch(launch).await;
    app.visible("#profile-list").await;
    app.click("#settings-open").await;
    assert_eq!(app.value("#settings-interval").await, "10", "the default");
    app.screenshot("settings").await;
    app.select("#settings-interval", "30").await;
    app.click("#settings-notify").await;
    app.click("#settings-save").await;
    app.text_contains("#toast", "Saved.").await;
    app.close().await;

    let file = std::fs::read_dir(&config)
        .unwrap()
        .map(|e| e.unwrap().path().join("settings.json"))
        .find(|f| f.exists())
        .expect("the settings are kept in the config folder");
    let kept: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(
        kept,
        serde_json::json!({"checkEveryMinutes": 30, "notify": false})
    );

    let mut launch = Launch::demo();
    launch.config_home = Some(config.clone());
    let app = App::launch(launch).await;
    app.visible("#profile-list").await;
    app.click("#settings-open").await;
    app.value_is("#settings-interval", "30").await;
    assert!(!app
        .client
        .find(fantoccini::Locator::Css("#settings-notify"))
        .await
        .unwrap()
        .is_selected()
        .await
        .unwrap());
    app.click("#settings-cancel").await;
    app.close().await;
    std::fs::remove_dir_all(&config).unwrap();
}

/// A stand-in for the desktop's notification service on the session bus: it keeps what it
/// was asked to show, as the Desktop Notifications Specification delivers it.
mod notification_service {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};

    pub const PATH: &str = "/org/freedesktop/Notifications";
    pub const NAME: &str = "org.freedesktop.Notifications";

    /// `(server id, summary, body)` of every notification shown.
    pub type Shown = Arc<Mutex<Vec<(u32, String, String)>>>;

    pub struct Service {
        pub shown: Shown,
    }

    #[zbus::interface(name = "org.freedesktop.Notifications")]
    impl Service {
        fn get_capabilities(&self) -> Vec<String> {
            vec!["actions".into(), "body".into()]
        }

        #[allow(clippy::too_many_arguments)]
        fn notify(
            &self,
            _app_name: String,
            _replaces_id: u32,
            _app_icon: String,
            summary: String,
            body: String,
            _actions: Vec<String>,
            _hints: HashMap<String, zbus::zvariant::OwnedValue>,
            _expire_timeout: i32,
        ) -> u32 {
            let mut shown = self.shown.lock().unwrap();
            let id = shown.len() as u32 + 1;
            shown.push((id, summary, body));
            id
        }

        fn close_notification(&self, _id: u32) {}

        fn get_server_information(&self) -> (String, String, String, String) {
            (
                "test".into(),
                "TrustHub Desk tests".into(),
                "1".into(),
                "1.2".into(),
            )
        }
    }

    /// Serves until dropped.
    pub fn start() -> (zbus::blocking::Connection, Shown) {
        let shown = Shown::default();
        let connection = zbus::blocking::connection::Builder::session()
            .unwrap()
            .name(NAME)
            .unwrap()
            .serve_at(
                PATH,
                Service {
                    shown: shown.clone(),
                },
            )
            .unwrap()
            .build()
            .expect("the test session bus (dbus-run-session) must be there");
        (connection, shown)
    }

    /// The person clicks notification `id`.
    pub fn click(connection: &zbus::blocking::Connection, id: u32) {
        connection
            .emit_signal(None::<()>, PATH, NAME, "ActionInvoked", &(id, "default"))
            .unwrap();
    }
}

/// With a notification service on the desktop, the decision is a system notification
/// ("Approved by Twilio", the profile's name), and clicking it opens the profile.
#[tokio::test(flavor = "multi_thread")]
async fn a_decision_is_a_system_notification_and_clicking_it_opens_the_profile() {
    forget_saved_credentials();
    let (service, shown) = notification_service::start();
    let mut launch = Launch::demo();
    launch.env = vec![
        ("TRUSTHUB_DESK_WATCH_SECONDS".into(), "2".into()),
        ("TRUSTHUB_DESK_DEMO_DECISION_SECONDS".into(), "3".into()),
    ];
    let app = App::launch(launch).await;
    let sid = profile_sid(Seeded::DRAFT_COMPLIANT);
    app.open_profile(&sid).await;
    let name = app.value("#edit-friendlyName").await;
    app.check_and_submit().await;
    app.click("#back").await;
    app.visible("#profile-list").await;

    // The service is asked to show it: the decision as the title, the name as the text.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let id = loop {
        let ours = shown
            .lock()
            .unwrap()
            .iter()
            .find(|(_, _, body)| *body == name)
            .cloned();
        if let Some((id, summary, _)) = ours {
            assert_eq!(summary, "Approved by Twilio");
            break id;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no notification for {name}: {:?}",
            shown.lock().unwrap()
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    assert!(
        !app.shown_now("#decision-notices .notice").await,
        "a desktop that shows notifications is not told it does not"
    );

    // Clicked: the app opens that profile.
    notification_service::click(&service, id);
    app.text_contains("#profile-title", &name).await;
    app.text_contains("#status-card", "Approved").await;
    app.close().await;
}

/// A damaged history file never stops the app: it starts, says what happened once, and
/// keeps the damaged file beside the new one.
#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_history_is_said_once_and_the_app_starts() {
    forget_saved_credentials();
    let config = std::env::temp_dir().join(format!("thd-e2e-damaged-{}", std::process::id()));
    let data = std::path::PathBuf::from(format!("{}-data", config.display()));
    let folder = data.join("com.trusthubdesk.desktop");
    let _ = std::fs::remove_dir_all(&config);
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("history.sqlite3"), vec![0x5a_u8; 8192]).unwrap();
    let mut launch = Launch::demo();
    launch.config_home = Some(config.clone());
    let app = App::launch(launch).await;
    app.visible("#profile-list").await;
    let said = app
        .text_contains("#decision-notices", "could not read its history of changes")
        .await;
    assert!(said.contains("history.sqlite3.damaged-"), "{said}");
    let files: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(files.iter().any(|f| f == "history.sqlite3"), "{files:?}");
    assert!(
        files
            .iter()
            .any(|f| f.starts_with("history.sqlite3.damaged-")),
        "{files:?}"
    );
    app.close().await;

    // Said once: the next start finds a sound history and says nothing.
    let mut launch = Launch::demo();
    launch.config_home = Some(config.clone());
    let app = App::launch(launch).await;
    app.visible("#profile-list").await;
    assert!(!app.shown_now("#decision-notices .notice").await);
    app.close().await;
    let _ = std::fs::remove_dir_all(&config);
    std::fs::remove_dir_all(&data).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_history_that_cannot_be_written_is_said_once_and_changes_still_stand() {
    use trusthub_desk::sandbox::{self, Sandbox};
    forget_saved_credentials();
    let server = Sandbox::start(sandbox::Config::default()).await.unwrap();
    let config = std::env::temp_dir().join(format!("thd-e2e-locked-{}", std::process::id()));
    let data = std::path::PathBuf::from(format!("{}-data", config.display()));
    let _ = std::fs::remove_dir_all(&config);
    let _ = std::fs::remove_dir_all(&data);
    let mut launch = Launch::against(server.base_url().as_str().trim_end_matches('/'));
    launch.config_home = Some(config.clone());
    let app = App::launch(launch).await;
    app.sign_in(
        DEMO_ACCOUNT_SID,
        &server.auth_token(DEMO_ACCOUNT_SID).unwrap(),
    )
    .await;
    app.text_contains("#profile-list", "Acme Plumbing LLC")
        .await;

    // Another copy holds the history's write lock: every write fails, as on a full disk.
    let folder = data.join("com.trusthubdesk.desktop");
    let files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "sqlite3"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let other = rusqlite::Connection::open(&files[0]).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();

    app.open_profile(&profile_sid(Seeded::DRAFT_COMPLIANT))
        .await;
    app.value_is("#edit-friendlyName", "Acme Plumbing LLC")
        .await;
    app.type_into("#edit-friendlyName", "Acme Plumbing & Heating")
        .await;
    app.click("#save").await;
    app.text_contains("#profile-title", "Acme Plumbing & Heating")
        .await;
    let said = app
        .text_contains(
            "#decision-notices",
            "TrustHub Desk could not write to its history of changes, so some of the latest changes are missing from it.",
        )
        .await;
    assert!(
        said.contains("Check that the disk has free space."),
        "{said}"
    );
    let held = crate::client_for(&server)
        .fetch_profile(
            &server.demo_credentials().unwrap(),
            &profile_sid(Seeded::DRAFT_COMPLIANT),
        )
        .await
        .unwrap();
    assert_eq!(
        held.friendly_name.as_deref(),
        Some("Acme Plumbing & Heating")
    );

    // Written again once it can be; the failure is not said again.
    other.execute_batch("ROLLBACK").unwrap();
    app.type_into("#edit-email", "owner@acmeplumbing.example.com")
        .await;
    app.click("#save").await;
    app.text_contains("#history-list", "Customer-Profile changed: email")
        .await;
    let lines = app.texts("#history-list li .words").await;
    assert!(
        !lines.iter().any(|l| l.contains("changed: name")),
        "the change made while the history was locked is missing from it: {lines:?}"
    );
    assert_eq!(app.texts("#decision-notices .notice").await.len(), 1);
    app.close().await;
    let _ = std::fs::remove_dir_all(&config);
    std::fs::remove_dir_all(&data).unwrap();
}
