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

/// The release's update feed (`scripts/latest-json.mjs`, run by the release workflow) names
/// every signed installer under the key the updater looks for, links it under the release's
/// download address, and leaves out what has no signature.
#[test]
fn the_update_feed_names_each_signed_installer_for_its_system() {
    let dir = tempfile::tempdir().unwrap();
    let signed = [
        ("TrustHub.Desk_0.2.0_amd64.deb", &["linux-x86_64-deb"][..]),
        ("TrustHub.Desk-0.2.0-1.x86_64.rpm", &["linux-x86_64-rpm"]),
        (
            "TrustHub.Desk_0.2.0_amd64.AppImage",
            &["linux-x86_64-appimage", "linux-x86_64"],
        ),
        (
            "TrustHub.Desk_0.2.0_x64-setup.exe",
            &["windows-x86_64-nsis", "windows-x86_64"],
        ),
        ("TrustHub.Desk_0.2.0_x64_en-US.msi", &["windows-x86_64-msi"]),
        (
            "TrustHub.Desk_aarch64.app.tar.gz",
            &["darwin-aarch64-app", "darwin-aarch64"],
        ),
        (
            "TrustHub.Desk_x64.app.tar.gz",
            &["darwin-x86_64-app", "darwin-x86_64"],
        ),
    ];
    for (file, _) in signed {
        std::fs::write(dir.path().join(file), "installer").unwrap();
        std::fs::write(
            dir.path().join(format!("{file}.sig")),
            format!("sig of {file}\n"),
        )
        .unwrap();
    }
    // A .dmg has no signature (the updater does not install it): not in the feed.
    std::fs::write(dir.path().join("TrustHub.Desk_0.2.0_aarch64.dmg"), "dmg").unwrap();
    let out = std::process::Command::new("node")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/latest-json.mjs"))
        .arg(dir.path())
        .args(["v0.2.0", "https://github.com/o/r/releases/download/v0.2.0"])
        .output()
        .expect("node runs the release workflow's scripts");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let feed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(feed["version"], "0.2.0");
    let platforms = feed["platforms"].as_object().unwrap();
    let mut expected: Vec<&str> = signed
        .iter()
        .flat_map(|(_, keys)| keys.iter().copied())
        .collect();
    expected.sort_unstable();
    let mut found: Vec<&str> = platforms.keys().map(String::as_str).collect();
    found.sort_unstable();
    assert_eq!(found, expected);
    for (file, keys) in signed {
        for key in keys {
            assert_eq!(platforms[*key]["signature"], format!("sig of {file}"));
            assert_eq!(
                platforms[*key]["url"],
                format!("https://github.com/o/r/releases/download/v0.2.0/{file}")
            );
        }
    }
}
