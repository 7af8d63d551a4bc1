//! Replays every input kept in tests/fuzz-regressions/ (hand-picked oddities and anything
//! scripts/fuzz.sh ever found) through the parsers the fuzz target drives.

#[test]
fn every_kept_input_parses_or_fails_cleanly() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        trusthub_desk::trusthub::parse::fuzz_one(&bytes);
        replayed += 1;
    }
    assert!(replayed >= 5, "the kept inputs are missing: {replayed}");
}

#[test]
fn an_error_body_with_a_non_https_link_offers_no_link() {
    let body = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fuzz-regressions/error-body-oddities.json"),
    )
    .unwrap();
    let e = trusthub_desk::trusthub::ApiError::from_body(400, &body);
    assert_eq!(e.more_info, None);
    assert_eq!(
        e.message,
        "Twilio could not accept the request (HTTP status 400)."
    );
}
