//! The installed package updating itself (run by scripts/package-check.sh, which builds
//! version N with a test signing key, installs it, and builds a signed N+1 package). A
//! server on 127.0.0.1 offers N+1: first with its bytes altered, which is refused with
//! N still installed; then as the .rpm of N+1, genuinely signed but not a .deb, also
//! refused; then as a download that never ends, which is stopped at the size cap; then as
//! signed, which installs, and the app starts again as N+1.

use std::path::PathBuf;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::harness::{forget_saved_credentials, App, Launch};

const INSTALLED: &str = "/usr/bin/trusthub-desk";
/// The release notes, as a maintainer writes them on the release.
const NOTES: &str = "Lists of profiles open faster.\nThe checklist explains each of Twilio's reasons in plain words.";

fn from_env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("scripts/package-check.sh sets {name}"))
}

/// The version of the installed package, as dpkg knows it.
fn installed_version() -> String {
    let out = std::process::Command::new("dpkg-query")
        .args(["-W", "-f", "${Version}", &from_env("TRUSTHUB_DESK_PACKAGE")])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// The release's update feed, made by the script the release workflow runs
/// (scripts/latest-json.mjs) from the signed package beside its `.sig`, with downloads
/// on `server`.
fn release_feed(server: &MockServer, version: &str) -> serde_json::Value {
    let notes = std::env::temp_dir().join(format!("thd-notes-{}.txt", std::process::id()));
    std::fs::write(&notes, NOTES).unwrap();
    let out = std::process::Command::new("node")
        .args([
            "scripts/latest-json.mjs",
            &from_env("TRUSTHUB_DESK_UPDATE_DIR"),
            version,
        ])
        .arg(server.uri())
        .arg(&notes)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Serves `feed` as the update feed and `package` as the download it names; returns the
/// feed's address.
async fn offer(server: &MockServer, feed: &serde_json::Value, package: Vec<u8>) -> String {
    server.reset().await;
    let download = url::Url::parse(
        feed["platforms"]["linux-x86_64-deb"]["url"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    Mock::given(method("GET"))
        .and(path("/latest.json"))
        .respond_with(ResponseTemplate::new(200).set_body_json(feed))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path(download.path()))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(package))
        .mount(server)
        .await;
    format!("{}/latest.json", server.uri())
}

/// The app's cap on a download (`MAX_DOWNLOAD_BYTES` in src-tauri/commands/updates.rs).
const CAP: u64 = 300 * 1024 * 1024;
/// Where the endless download gives up if the app never stops reading.
const ENDLESS_LIMIT: u64 = 4 * CAP;

/// The most a loopback connection holds in flight: the largest send and receive buffers
/// the kernel grows a socket to (the third of `tcp_wmem` and `tcp_rmem`).
fn loopback_buffers() -> u64 {
    ["tcp_wmem", "tcp_rmem"]
        .iter()
        .map(|name| {
            std::fs::read_to_string(format!("/proc/sys/net/ipv4/{name}"))
                .ok()
                .and_then(|v| v.split_whitespace().nth(2)?.parse::<u64>().ok())
                .expect("the kernel's socket buffer limits")
        })
        .sum()
}

/// A download server that sends one chunked answer with no length, a mebibyte at a time,
/// until the reader hangs up (or `ENDLESS_LIMIT`); answers its address and how many
/// bytes of body it managed to send.
async fn endless_download() -> (String, tokio::task::JoinHandle<u64>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = format!("http://{}/endless.deb", listener.local_addr().unwrap());
    let sent = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            socket.read_exact(&mut byte).await.unwrap();
            head.push(byte[0]);
        }
        assert!(head.starts_with(b"GET /endless.deb "), "{head:?}");
        socket
            .write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
            .await
            .unwrap();
        let chunk = [b"100000\r\n".as_slice(), &[0u8; 0x10_0000], b"\r\n"].concat();
        let mut sent = 0u64;
        while sent < ENDLESS_LIMIT && socket.write_all(&chunk).await.is_ok() {
            sent += 0x10_0000;
        }
        sent
    });
    (address, sent)
}

/// The window says why the download was refused and that `before` is still installed,
/// and it is.
async fn refused(app: &App, why: &str, before: &str) {
    let refusal = app.text_contains("#update-error", why).await;
    assert!(
        refusal.contains(&format!(
            "Nothing was installed: you still have version {before}."
        )),
        "{refusal}"
    );
    assert_eq!(installed_version(), before, "N is still installed");
}

fn launch_installed(feed: &str, config: &std::path::Path) -> Launch {
    Launch {
        args: vec!["--demo".into()],
        application: Some(PathBuf::from(INSTALLED)),
        env: vec![("TRUSTHUB_DESK_UPDATE_ENDPOINT".into(), feed.to_owned())],
        config_home: Some(config.to_path_buf()),
    }
}

/// Processes running the file now at `INSTALLED` (not a replaced one, which Linux shows
/// as "… (deleted)").
fn running_installed() -> Vec<u32> {
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read_link(format!("/proc/{pid}/exe"))
                .is_ok_and(|exe| exe == std::path::Path::new(INSTALLED))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "the installed package: run by scripts/package-check.sh"]
async fn release_update_refuses_a_tampered_foreign_or_endless_download_then_installs_the_signed_one(
) {
    let before = installed_version();
    let next = from_env("TRUSTHUB_DESK_UPDATE_VERSION");
    let package = std::fs::read(from_env("TRUSTHUB_DESK_UPDATE_PACKAGE")).unwrap();
    assert_ne!(
        before, next,
        "the package check installs version N, not N+1"
    );
    let config = std::env::temp_dir().join(format!("thd-update-{}", std::process::id()));
    let server = MockServer::start().await;
    let feed = release_feed(&server, &next);
    forget_saved_credentials();

    // 1. The package altered on the way (one byte), with the genuine signature: refused.
    let mut tampered = package.clone();
    let middle = tampered.len() / 2;
    tampered[middle] ^= 0x01;
    let address = offer(&server, &feed, tampered).await;
    let app = App::launch(launch_installed(&address, &config)).await;
    app.text_contains(
        "#update-banner-text",
        &format!("Version {next} of TrustHub Desk is available."),
    )
    .await;
    app.click("#update-banner-open").await;
    assert!(
        !app.shown_now("#update-how").await,
        "the installed package can update itself"
    );
    app.text_contains("#update-notes", "Lists of profiles open faster.")
        .await;
    app.screenshot("update-offer").await;
    app.click("#update-install").await;
    refused(&app, "did not carry TrustHub Desk's signature", &before).await;
    app.screenshot("update-refused").await;
    let fetched: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| format!("{} {}", r.method, r.url.path()))
        .collect();
    assert_eq!(fetched.len(), 2, "{fetched:?}");
    assert_eq!(fetched[0], "GET /latest.json");
    assert!(
        fetched[1].starts_with("GET /TrustHub%20Desk_"),
        "{fetched:?}"
    );
    app.close().await;

    // 2. A package signed with the project's key, but for another system (the .rpm of N+1
    // where this .deb install expects a .deb): refused before anything is installed.
    let other = from_env("TRUSTHUB_DESK_UPDATE_OTHER_PACKAGE");
    let mut feed_other = feed.clone();
    feed_other["platforms"]["linux-x86_64-deb"]["signature"] =
        std::fs::read_to_string(format!("{other}.sig"))
            .unwrap()
            .trim()
            .into();
    let address = offer(&server, &feed_other, std::fs::read(&other).unwrap()).await;
    let app = App::launch(launch_installed(&address, &config)).await;
    app.click("#update-banner-open").await;
    app.click("#update-install").await;
    refused(
        &app,
        "The download is not an installer for this computer.",
        &before,
    )
    .await;
    app.close().await;

    // 3. A download that never ends and never says its size: stopped at the cap, not held.
    let (endless, sent) = endless_download().await;
    let mut feed_endless = feed.clone();
    for platform in feed_endless["platforms"]
        .as_object_mut()
        .unwrap()
        .values_mut()
    {
        platform["url"] = endless.clone().into();
    }
    let address = offer(&server, &feed_endless, Vec::new()).await;
    let app = App::launch(launch_installed(&address, &config)).await;
    app.click("#update-banner-open").await;
    app.click("#update-install").await;
    refused(
        &app,
        "The download is not an installer for this computer.",
        &before,
    )
    .await;
    let sent = tokio::time::timeout(Duration::from_secs(60), sent)
        .await
        .expect("the app hung up")
        .unwrap();
    eprintln!("the app hung up after {sent} bytes of the endless download");
    // The slack is what was in flight when the app hung up: what the loopback's socket
    // buffers hold (the kernel's limits) and the chunks on their way past the cap.
    assert!(
        (CAP..CAP + loopback_buffers() + 4 * 1024 * 1024).contains(&sent),
        "sent {sent} bytes before the app hung up"
    );
    app.close().await;

    // 4. The signed package: installed, and the app starts again as N+1.
    let address = offer(&server, &feed, package).await;
    let app = App::launch(launch_installed(&address, &config)).await;
    app.click("#update-banner-open").await;
    app.text_contains("#update-title", &format!("Version {next} is available"))
        .await;
    let old: Vec<u32> = running_installed();
    assert!(!old.is_empty(), "N runs from {INSTALLED}");
    app.click("#update-install").await;
    let deadline = Instant::now() + Duration::from_secs(120);
    while installed_version() != next {
        assert!(Instant::now() < deadline, "N+1 was not installed");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    // The running N's file was replaced; the app started the new file by itself.
    let restarted = loop {
        let now: Vec<u32> = running_installed()
            .into_iter()
            .filter(|p| !old.contains(p))
            .collect();
        if !now.is_empty() {
            break now;
        }
        assert!(
            Instant::now() < deadline,
            "the app did not start again after installing"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    eprintln!("restarted as process {restarted:?}");
    drop(app); // ends the session's process group, the restarted app with it
    for pid in restarted {
        let _ = std::process::Command::new("kill")
            .arg(pid.to_string())
            .status();
    }

    // The installed app now says it is N+1.
    let app = App::launch(launch_installed("http://127.0.0.1:9/latest.json", &config)).await;
    app.click("#about-open").await;
    app.text_contains("#about-version", &format!("Version {next}"))
        .await;
    assert!(!app.shown_now("#about-how").await, "it can update itself");
    app.screenshot("about").await;
    app.close().await;
    let _ = std::fs::remove_dir_all(&config);
}
