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

/// The release workflow's jobs, each as (name, text), and a job's steps as texts.
fn release_jobs() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/release.yml"),
    )
    .unwrap();
    let jobs = text.split_once("\njobs:\n").expect("a jobs: section").1;
    let mut out: Vec<(String, String)> = Vec::new();
    for line in jobs.lines() {
        let is_job = line.len() > 3
            && line.starts_with("  ")
            && !line.starts_with("   ")
            && line.ends_with(':');
        if is_job {
            out.push((line.trim().trim_end_matches(':').to_owned(), String::new()));
        } else if let Some((_, body)) = out.last_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    out
}

fn steps(job: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in job.lines() {
        if line.starts_with("      - ") {
            out.push(String::new());
        }
        if let Some(step) = out.last_mut() {
            step.push_str(line);
            step.push('\n');
        }
    }
    out
}

/// No secret is handed to later steps through $GITHUB_ENV (a dependency's build script in a
/// later step would read it): not in any workflow, not in the scripts they run.
#[test]
fn no_secret_is_written_to_github_env() {
    for (name, text) in workflows() {
        assert!(!text.contains("GITHUB_ENV"), "{name} writes to $GITHUB_ENV");
    }
    let scripts = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts");
    for entry in std::fs::read_dir(scripts).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "sh" || x == "mjs") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(
                !text.contains("GITHUB_ENV"),
                "{} writes to $GITHUB_ENV",
                path.display()
            );
        }
    }
}

/// Secrets reach only jobs in the protected `release` environment, which run after the
/// tag was checked (the app's version, a commit on main); within such a job, not the step
/// that compiles, only the certificate's import and the bundling step.
#[test]
fn the_release_keeps_its_secrets_from_the_build_and_checks_the_tag_first() {
    let jobs = release_jobs();
    let names: Vec<&str> = jobs.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["check", "installers", "feed-and-checksums"]);
    let (_, check) = &jobs[0];
    assert!(
        check.contains("scripts/release-check.sh \"$TAG\" \"$GITHUB_SHA\" origin/main"),
        "the check job compares the tag with the version and main"
    );
    assert!(
        check.contains("fetch-depth: 0"),
        "main's history is fetched"
    );
    for (name, job) in &jobs {
        let uses_secrets = job.contains("secrets.");
        if uses_secrets {
            assert!(
                job.contains("\n    environment: release\n"),
                "{name} uses secrets outside the protected release environment"
            );
            assert!(
                job.contains("needs: check"),
                "{name} runs before the tag is checked"
            );
        }
        for step in steps(job) {
            let holds =
                step.contains("secrets.") && !step.contains("secrets.WINDOWS_CERTIFICATE != ''");
            let compiles = step.contains("cargo ") || step.contains(" build");
            assert!(
                !(holds && compiles),
                "{name}: a step that compiles holds secrets:\n{step}"
            );
            if holds {
                assert!(
                    step.contains("scripts/release-signing.sh npx --yes @tauri-apps/cli@2.12.5 bundle")
                        || step.contains("Import-PfxCertificate"),
                    "{name}: secrets in a step that is neither the bundling nor the certificate's import:\n{step}"
                );
            }
        }
    }
    let (_, installers) = &jobs[1];
    let all = steps(installers);
    let build = all
        .iter()
        .position(|s| s.contains("build --no-bundle"))
        .expect("a build step without bundling");
    let bundle = all
        .iter()
        .position(|s| s.contains("release-signing.sh"))
        .expect("a bundling step");
    let attest = all
        .iter()
        .position(|s| s.contains("actions/attest-build-provenance@"))
        .expect("build provenance is attested");
    assert!(
        build < bundle && bundle < attest,
        "built, then bundled and signed, then attested"
    );
    assert!(installers.contains("id-token: write") && installers.contains("attestations: write"));
    assert!(
        !installers.contains("rust-cache"),
        "no build cache a pull request could have filled"
    );
}

/// The release stops when its tag is not the version in tauri.conf.json and Cargo.toml,
/// or names a commit that is not on main.
#[test]
fn the_release_check_refuses_another_version_and_a_commit_off_main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let conf: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("tauri.conf.json")).unwrap())
            .unwrap();
    let version = conf["version"].as_str().unwrap();
    let run = |args: &[&str], dir: &Path| {
        std::process::Command::new("bash")
            .arg(root.join("scripts/release-check.sh"))
            .args(args)
            .current_dir(dir)
            .output()
            .unwrap()
    };
    let good = run(&[&format!("v{version}"), "-"], root);
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stdout)
    );
    let other = run(&["v99.0.0", "-"], root);
    assert!(!other.status.success());
    assert!(
        String::from_utf8_lossy(&other.stdout).contains(&format!(
            "the tag v99.0.0 is not the app's version: tauri.conf.json says {version}"
        )),
        "{}",
        String::from_utf8_lossy(&other.stdout)
    );

    // A repository where the tagged commit is on a side branch, not on main.
    let repo = tempfile::tempdir().unwrap();
    let scripts = repo.path().join("scripts");
    std::fs::create_dir(&scripts).unwrap();
    std::fs::copy(
        root.join("scripts/release-check.sh"),
        scripts.join("release-check.sh"),
    )
    .unwrap();
    std::fs::copy(
        root.join("tauri.conf.json"),
        repo.path().join("tauri.conf.json"),
    )
    .unwrap();
    std::fs::copy(root.join("Cargo.toml"), repo.path().join("Cargo.toml")).unwrap();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .args([
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.com",
                "-c",
                "init.defaultBranch=main",
            ])
            .args(args)
            .current_dir(repo.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-qm", "on main"]);
    let on_main = git(&["rev-parse", "HEAD"]);
    git(&["checkout", "-qb", "side"]);
    std::fs::write(repo.path().join("x"), "x").unwrap();
    git(&["add", "x"]);
    git(&["commit", "-qm", "off main"]);
    let off_main = git(&["rev-parse", "HEAD"]);
    let tag = format!("v{version}");
    let ok = std::process::Command::new("bash")
        .arg("scripts/release-check.sh")
        .args([tag.as_str(), on_main.as_str(), "main"])
        .current_dir(repo.path())
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    let refused = std::process::Command::new("bash")
        .arg("scripts/release-check.sh")
        .args([tag.as_str(), off_main.as_str(), "main"])
        .current_dir(repo.path())
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stdout).contains("which is not on main"),
        "{}",
        String::from_utf8_lossy(&refused.stdout)
    );
}
