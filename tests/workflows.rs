//! The GitHub workflows use every action by a commit SHA (a tag can be moved to other
//! code), the Tauri CLI by exact version, and no workflow grants more than it states.

use std::path::Path;

fn workflows() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows");
    let mut all: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yml" || x == "yaml"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p.file_name().unwrap().to_string_lossy().into_owned(), text)
        })
        .collect();
    all.sort();
    assert!(all.len() >= 2, "the CI and release workflows are there");
    all
}

#[test]
fn every_action_is_pinned_by_a_full_commit_sha() {
    let mut seen = 0;
    for (name, text) in workflows() {
        for line in text.lines() {
            let Some(used) = line
                .trim_start()
                .trim_start_matches("- ")
                .strip_prefix("uses:")
            else {
                continue;
            };
            let used = used.split('#').next().unwrap().trim();
            let (action, reference) = used
                .split_once('@')
                .unwrap_or_else(|| panic!("{name}: {used} has no @ref"));
            assert!(
                reference.len() == 40 && reference.bytes().all(|b| b.is_ascii_hexdigit()),
                "{name}: {action} is used by {reference:?}, not a 40-character commit SHA"
            );
            assert!(
                line.contains('#'),
                "{name}: {action}: say which tag the SHA was"
            );
            seen += 1;
        }
    }
    assert!(seen >= 8, "only {seen} actions found");
}

#[test]
fn the_tauri_cli_is_used_by_exact_version() {
    for (name, text) in workflows() {
        for (i, _) in text.match_indices("@tauri-apps/cli@") {
            let version: String = text[i + "@tauri-apps/cli@".len()..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            assert_eq!(
                version.split('.').filter(|p| !p.is_empty()).count(),
                3,
                "{name}: the Tauri CLI must be pinned to an exact x.y.z, not {version:?}"
            );
        }
    }
}

#[test]
fn rights_are_stated_and_least() {
    for (name, text) in workflows() {
        assert!(
            text.contains("permissions:"),
            "{name} states its permissions"
        );
        assert!(!text.contains("write-all"), "{name} grants everything");
        assert!(
            text.contains("persist-credentials: false"),
            "{name}: checkout keeps no token in the work tree"
        );
    }
}
