//! The sandbox's texting rules that need a brand in a given state: resubmissions counted.

use super::super::{Bundle, Db};
use crate::sandbox::Config;
use crate::trusthub::models::ProfileStatus;
use std::time::Duration;

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn approved(db: &mut Db, sid: &str, kind: super::BundleKind) {
    db.insert_bundle(Bundle {
        sid: sid.into(),
        kind,
        policy_sid: String::new(),
        name: "Acme".into(),
        status: ProfileStatus::TwilioApproved,
        email: "ops@acme.example".into(),
        callback: None,
        valid_until: None,
        created: 0,
        updated: 0,
        errors: Vec::new(),
        submitted: None,
        decide_at: None,
    });
}

#[test]
fn a_failed_brand_is_resubmitted_three_times_at_most_and_only_when_failed() {
    let config = Config {
        review_delay: Duration::from_secs(600),
        ..Config::default()
    };
    let mut db = Db::new(
        "AC0123456789abcdef0123456789abcdef",
        "http://127.0.0.1:1",
        &config,
    );
    let bu = "BU0123456789abcdef0123456789abcdef";
    let a2p = "BU1123456789abcdef0123456789abcdef";
    approved(&mut db, bu, super::BundleKind::CustomerProfile);
    approved(&mut db, a2p, super::BundleKind::TrustProduct);
    let made = db
        .create_brand(&pairs(&[
            ("CustomerProfileBundleSid", bu),
            ("A2PProfileBundleSid", a2p),
        ]))
        .unwrap();
    let sid = made["sid"].as_str().unwrap().to_owned();
    let path = format!("/v1/a2p/BrandRegistrations/{sid}");
    let pending = db.resubmit_brand(&sid, &path).unwrap_err();
    assert_eq!(
        pending.code, 60_723,
        "a pending brand cannot be resubmitted"
    );
    for _ in 0..3 {
        db.fail_brand(&sid);
        assert_eq!(db.resubmit_brand(&sid, &path).unwrap()["status"], "PENDING");
    }
    db.fail_brand(&sid);
    let used_up = db.resubmit_brand(&sid, &path).unwrap_err();
    assert_eq!((used_up.status, used_up.code), (400, 60_724));
    let twice = db
        .create_brand(&pairs(&[
            ("CustomerProfileBundleSid", bu),
            ("A2PProfileBundleSid", a2p),
        ]))
        .unwrap_err();
    assert_eq!(twice.status, 409, "one brand per profile and Trust Product");
}
