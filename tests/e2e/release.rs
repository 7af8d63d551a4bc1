//! The release build as installed (run by scripts/package-check.sh, which names it in
//! TRUSTHUB_DESK_RELEASE_APP): the server override cannot send credentials saved for
//! Twilio anywhere else. A local TLS server with its own test CA, trusted through
//! SSL_CERT_FILE, records everything that reaches it.

use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::harness::{twilio_keyring, App, Launch};
use trusthub_desk::credentials::{Credentials, SecretStore};
use trusthub_desk::sandbox::DEMO_ACCOUNT_SID;

const SAVED_SECRET: &str = "saved-for-twilio-only";

fn release_app() -> PathBuf {
    PathBuf::from(
        std::env::var("TRUSTHUB_DESK_RELEASE_APP").expect(
            "scripts/package-check.sh names the installed app in TRUSTHUB_DESK_RELEASE_APP",
        ),
    )
}

/// A TLS server on 127.0.0.1 that records each request's first line and Authorization
/// header, and answers 401. Returns its origin, the CA file, and the record.
async fn recording_tls_server(dir: &std::path::Path) -> (String, PathBuf, Arc<Mutex<Vec<String>>>) {
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "TrustHub Desk test CA");
    let ca = rcgen::CertifiedIssuer::self_signed(ca_params, rcgen::KeyPair::generate().unwrap())
        .unwrap();
    let mut leaf_params = rcgen::CertificateParams::new(vec!["localhost".to_owned()]).unwrap();
    leaf_params
        .subject_alt_names
        .push(rcgen::SanType::IpAddress(
            std::net::Ipv4Addr::LOCALHOST.into(),
        ));
    let leaf_key = rcgen::KeyPair::generate().unwrap();
    let leaf = leaf_params.signed_by(&leaf_key, &ca).unwrap();
    let ca_file = dir.join("test-ca.pem");
    std::fs::write(&ca_file, ca.pem()).unwrap();

    let config = rustls::ServerConfig::builder()
        .with_no_client_auth()
        .with_single_cert(
            vec![CertificateDer::from(leaf.der().to_vec())],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(leaf_key.serialize_der())),
        )
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let origin = format!(
        "https://127.0.0.1:{}",
        listener.local_addr().unwrap().port()
    );
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = seen.clone();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let (acceptor, record) = (acceptor.clone(), record.clone());
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let mut buf = vec![0_u8; 16 * 1024];
                let n = tls.read(&mut buf).await.unwrap_or(0);
                let head = String::from_utf8_lossy(&buf[..n]).to_string();
                let line = head.lines().next().unwrap_or_default().to_owned();
                let auth = head
                    .lines()
                    .find(|l| l.to_ascii_lowercase().starts_with("authorization:"))
                    .unwrap_or("no authorization")
                    .to_owned();
                record.lock().unwrap().push(format!("{line} | {auth}"));
                let body = r#"{"code": 20003, "message": "Authenticate", "status": 401}"#;
                let reply = format!("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
                let _ = tls.write_all(reply.as_bytes()).await;
                let _ = tls.shutdown().await;
            });
        }
    });
    (origin, ca_file, seen)
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "the installed release build: run by scripts/package-check.sh"]
async fn release_credentials_saved_for_twilio_go_nowhere_else() {
    let dir = std::env::temp_dir().join(format!("thd-release-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (origin, ca_file, seen) = recording_tls_server(&dir).await;

    // An account saved for Twilio, in use: its secret in the keyring, its SID in the list.
    let saved = Credentials::new(DEMO_ACCOUNT_SID, None, SAVED_SECRET.into()).unwrap();
    twilio_keyring(DEMO_ACCOUNT_SID).save(&saved).unwrap();
    let config = dir.join("config");
    let app_config = config.join("com.trusthubdesk.desktop");
    std::fs::create_dir_all(&app_config).unwrap();
    std::fs::write(
        app_config.join("accounts.json"),
        format!(r#"{{"accounts": [{{"accountSid": "{DEMO_ACCOUNT_SID}", "label": "Production"}}], "current": "{DEMO_ACCOUNT_SID}"}}"#),
    )
    .unwrap();

    // Someone points the installed app at another https server (loopback: the release
    // build accepts it for tests) that this computer trusts.
    let app = App::launch(Launch {
        application: Some(release_app()),
        env: vec![
            ("TRUSTHUB_DESK_BASE_URL".into(), origin.clone()),
            ("SSL_CERT_FILE".into(), ca_file.display().to_string()),
        ],
        config_home: Some(config.clone()),
        ..Launch::default()
    })
    .await;
    let banner = app.text_contains("#server-banner", &origin).await;
    assert!(banner.starts_with("Not Twilio."), "{banner}");
    app.text_contains("#credentials-title", "Connect to your Twilio account")
        .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert!(
        seen.lock().unwrap().is_empty(),
        "nothing was sent with the saved credentials: {:?}",
        seen.lock().unwrap()
    );

    // The server is reachable and trusted: credentials typed for it do arrive there,
    // so the silence above is the app's choice, not a broken connection.
    app.sign_in(DEMO_ACCOUNT_SID, "typed-for-this-server").await;
    app.text_contains(".error-panel", "Twilio did not accept your credentials")
        .await;
    let arrived = seen.lock().unwrap().clone();
    assert!(
        !arrived.is_empty(),
        "the typed credentials reached the test server"
    );
    let leaked = base64_of(&format!("{DEMO_ACCOUNT_SID}:{SAVED_SECRET}"));
    for request in &arrived {
        assert!(
            !request.contains(&leaked) && !request.contains(SAVED_SECRET),
            "{request}"
        );
    }
    app.close().await;
    twilio_keyring(DEMO_ACCOUNT_SID).delete().unwrap();

    // A release build refuses an https server that is neither Twilio nor this computer,
    // and an update feed that is neither the project's nor on this computer.
    let said = refused_at_start("TRUSTHUB_DESK_BASE_URL", "https://evil.example", &config).await;
    assert!(said.contains("neither Twilio nor this computer"), "{said}");
    let said = refused_at_start(
        "TRUSTHUB_DESK_UPDATE_ENDPOINT",
        "https://updates.example.com/latest.json",
        &config,
    )
    .await;
    assert!(
        said.contains("is neither TrustHub Desk's own update feed nor this computer")
            && said.contains("TRUSTHUB_DESK_UPDATE_ENDPOINT"),
        "{said}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Starts the release app with `name` set to `value`, expects it to stop at once with exit
/// code 2, and answers what it said.
async fn refused_at_start(name: &str, value: &str, config: &std::path::Path) -> String {
    let mut child = std::process::Command::new(release_app())
        .env(name, value)
        .env("XDG_CONFIG_HOME", config)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("the app started with {name}={value} instead of refusing it");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let mut said = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut said).unwrap();
    assert_eq!(status.code(), Some(2), "{said}");
    said
}

fn base64_of(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(text)
}
