//! The client against Prism serving Twilio's own OpenAPI spec. Prism answers 422 to
//! any request that breaks the spec (path, method, SID pattern, enum, URI, required
//! field), so each call here fails if the client drifts from what Twilio accepts.
//! Needs `npm ci` in scripts/ (scripts/test.sh does it).

mod common;

use common::*;
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use trusthub_desk::trusthub::models::BundleKind;
use trusthub_desk::trusthub::models::{ProfileFilter, ProfileStatus, ProfileUpdate};
use trusthub_desk::trusthub::TrustHubClient;

struct Prism {
    child: Child,
    base: String,
}

impl Drop for Prism {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn prism() -> Prism {
    let root = env!("CARGO_MANIFEST_DIR");
    let bin = format!("{root}/scripts/node_modules/.bin/prism");
    assert!(
        std::path::Path::new(&bin).exists(),
        "Prism is missing: run `npm ci` in scripts/ (scripts/test.sh does)"
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(bin)
        .args([
            "mock",
            "--errors",
            "-h",
            "127.0.0.1",
            "-p",
            &port.to_string(),
        ])
        .arg(format!("{root}/tests/spec/twilio_trusthub_v1.json"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "Prism did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    Prism {
        child,
        base: format!("http://127.0.0.1:{port}"),
    }
}

fn field_updates() -> Vec<ProfileUpdate> {
    let all = ProfileUpdate {
        status: None,
        status_callback: Some("https://hooks.example.com/trusthub?x=1".into()),
        friendly_name: Some("Acme & Co. — 100% ✓".into()),
        email: Some("ops@acme.example.com".into()),
    };
    vec![
        ProfileUpdate {
            friendly_name: all.friendly_name.clone(),
            ..Default::default()
        },
        ProfileUpdate {
            email: all.email.clone(),
            ..Default::default()
        },
        ProfileUpdate {
            status_callback: all.status_callback.clone(),
            ..Default::default()
        },
        ProfileUpdate {
            status: Some(ProfileStatus::PendingReview),
            ..Default::default()
        },
        ProfileUpdate {
            status: Some(ProfileStatus::Draft),
            ..all.clone()
        },
        all,
    ]
}

#[tokio::test]
async fn every_request_the_client_makes_is_accepted_by_the_spec() {
    let prism = prism();
    let client: TrustHubClient = client_for(&prism.base);
    for c in [token_credentials(), key_credentials()] {
        client.verify_credentials(&c).await.expect("one-item list");
        let filter = ProfileFilter {
            status: Some(ProfileStatus::Draft),
            friendly_name: Some("Acme".into()),
            page_size: Some(20),
        };
        client
            .list_profiles_page(&c, &filter, None)
            .await
            .expect("filtered list");
        client.fetch_profile(&c, BU).await.expect("fetch");
        for update in field_updates() {
            client
                .update_profile(&c, BU, &update)
                .await
                .unwrap_or_else(|e| panic!("update {update:?}: {e:?}"));
        }
        client
            .list_evaluations(&c, BundleKind::CustomerProfile, BU, None)
            .await
            .expect("evaluations");
        client
            .list_entity_assignments(&c, BundleKind::CustomerProfile, BU)
            .await
            .expect("entity assignments");
        client
            .list_channel_endpoint_assignments(&c, BundleKind::CustomerProfile, BU)
            .await
            .expect("channel endpoint assignments");
        client
            .create_evaluation(&c, BundleKind::CustomerProfile, BU, RN)
            .await
            .expect("create evaluation");
        client.fetch_policy(&c, RN).await.expect("policy");
        client
            .fetch_end_user(&c, "ITaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
            .await
            .expect("end user");
        client
            .fetch_supporting_document(&c, "RDaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
            .await
            .expect("supporting document");
    }
}

#[tokio::test]
async fn prism_refuses_what_breaks_the_spec() {
    // The check must be able to fail: a request with a status the spec does not have.
    let prism = prism();
    let response = reqwest::Client::new()
        .post(format!("{}/v1/CustomerProfiles/{BU}", prism.base))
        .header("authorization", basic(AC, TOKEN))
        .form(&[("Status", "archived")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 422);
}

#[test]
fn every_form_parameter_the_client_sends_is_one_the_spec_defines() {
    // Prism lets unknown form fields through; this catches a renamed one.
    let update = field_updates()
        .into_iter()
        .fold(ProfileUpdate::default(), |acc, u| ProfileUpdate {
            status: acc.status.or(u.status),
            status_callback: acc.status_callback.or(u.status_callback),
            friendly_name: acc.friendly_name.or(u.friendly_name),
            email: acc.email.or(u.email),
        });
    let defined = spec::form_parameters("/v1/CustomerProfiles/{Sid}", "post");
    let sent: Vec<&str> = update.form_pairs().iter().map(|(k, _)| *k).collect();
    assert_eq!(sent.len(), 4);
    for name in sent {
        assert!(
            defined.iter().any(|d| d == name),
            "{name} is not in the spec ({defined:?})"
        );
    }
    assert_eq!(
        spec::form_parameters(
            "/v1/CustomerProfiles/{CustomerProfileSid}/Evaluations",
            "post"
        ),
        ["PolicySid"]
    );
}
