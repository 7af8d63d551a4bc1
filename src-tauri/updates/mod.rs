//! New versions of TrustHub Desk: where to ask for them (`endpoint`), how their package is
//! fetched (`download`, with a hard size cap), which installer it must be (`package`) and
//! what to tell the person (`messages`). No Tauri types: `commands/updates.rs` drives the
//! official updater plugin with these, and the plugin checks every download against the
//! public key built into the app (`plugins.updater.pubkey` in `tauri.conf.json`).

pub mod download;
pub mod endpoint;
pub mod messages;
pub mod package;

/// The project's home, shown in the About panel.
pub const PROJECT_URL: &str = env!("CARGO_PKG_REPOSITORY");
/// Where a person downloads a new version by hand.
pub const RELEASES_URL: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/releases/latest");
/// The licence the app is published under (Cargo.toml's `license`).
pub const LICENCE: &str = env!("CARGO_PKG_LICENSE");

/// The longest release notes shown; a server's notes are text from outside.
pub const MAX_NOTES_CHARS: usize = 8_000;

/// Release notes as the window may show them: at most `MAX_NOTES_CHARS` characters, with
/// line ends kept and other control characters dropped.
pub fn notes_for_window(notes: Option<&str>) -> Option<String> {
    let kept: String = notes?
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .take(MAX_NOTES_CHARS)
        .collect();
    let kept = kept.trim();
    (!kept.is_empty()).then(|| kept.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_bounded_and_stripped_of_controls() {
        assert_eq!(notes_for_window(None), None);
        assert_eq!(notes_for_window(Some("  \n ")), None);
        assert_eq!(
            notes_for_window(Some("Faster lists.\r\n\u{1b}[31mRed\u{0}")),
            Some("Faster lists.\n[31mRed".to_owned())
        );
        let long = "x".repeat(MAX_NOTES_CHARS * 3);
        assert_eq!(
            notes_for_window(Some(&long)).unwrap().chars().count(),
            MAX_NOTES_CHARS
        );
    }

    #[test]
    fn the_project_links_are_https_pages() {
        assert!(PROJECT_URL.starts_with("https://"), "{PROJECT_URL}");
        assert!(RELEASES_URL.starts_with(PROJECT_URL));
        assert_eq!(LICENCE, "MIT");
    }
}
