//! What the person is told about updates, in plain words: what happened, that nothing
//! changed when it failed, and what to do next.

use super::RELEASES_URL;

/// How this copy of the app was installed, as far as updating goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Install {
    /// An installer the updater can replace (.deb, .rpm, AppImage, .msi, .exe, .app).
    Package,
    /// Built from source (`cargo build`, `scripts/start.sh`): nothing to replace.
    FromSource,
    /// A Linux package, but no way to ask for the administrator's password (no `pkexec`
    /// or `sudo`), which installing a package needs.
    NoAdminPrompt,
}

/// Why this copy cannot update itself, and how to update it instead; `None` if it can.
pub fn how_to_update(install: Install) -> Option<String> {
    match install {
        Install::Package => None,
        Install::FromSource => Some(format!(
            "This copy of TrustHub Desk was built from its source code, so it cannot replace itself. To update, install TrustHub Desk from {RELEASES_URL}, or build the new version the way you built this one."
        )),
        Install::NoAdminPrompt => Some(format!(
            "Installing a package on this computer needs an administrator, and TrustHub Desk finds no way to ask for the password (neither pkexec nor sudo is installed). Download the new package from {RELEASES_URL} and open it with your software installer."
        )),
    }
}

/// What went wrong while checking for, downloading or installing an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// No answer from the update server (offline, refused, timed out).
    Unreachable,
    /// The server answered, but with no usable description of a release.
    NoRelease,
    /// The download did not match the project's signature, or was signed for another
    /// version than the one announced.
    BadSignature,
    /// The release points its download at plain http on another computer.
    InsecureDownload,
    /// The download is not an installer for this system.
    WrongPackage,
    /// The person did not give the administrator's password.
    NotAuthorised,
    /// The system's installer refused the package.
    InstallFailed,
    /// Anything else.
    Other,
}

/// The message for a failure while checking (`installing` false) or installing.
pub fn message(failure: Failure, installing: bool, current: &str) -> String {
    let unchanged = format!("Nothing was installed: you still have version {current}.");
    match failure {
        Failure::Unreachable if !installing => "TrustHub Desk could not reach its update server. Check your internet connection and try again later.".to_owned(),
        Failure::Unreachable => format!("The download of the new version stopped before it finished. {unchanged} Check your internet connection and try again."),
        Failure::NoRelease => "The update server's answer did not describe a version of TrustHub Desk. Try again later.".to_owned(),
        Failure::BadSignature => format!("The download did not carry TrustHub Desk's signature, so it may have been altered on the way and was refused. {unchanged} Try again later; if this happens again, download TrustHub Desk from {RELEASES_URL}."),
        Failure::InsecureDownload => format!("The new version is offered over an unencrypted connection, so TrustHub Desk did not download it. {unchanged}"),
        Failure::WrongPackage => format!("The download is not an installer for this computer. {unchanged} Download TrustHub Desk from {RELEASES_URL}."),
        Failure::NotAuthorised => format!("Installing needs an administrator's password, and none was given. {unchanged} Try again, or download the new package from {RELEASES_URL}."),
        Failure::InstallFailed => format!("Your system's installer did not accept the new version. {unchanged} Download it from {RELEASES_URL} and install it yourself."),
        Failure::Other if !installing => "TrustHub Desk could not check for updates. Try again later.".to_owned(),
        Failure::Other => format!("The new version could not be installed. {unchanged} Download it from {RELEASES_URL} and install it yourself."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_download_says_nothing_changed_and_what_to_do() {
        let m = message(Failure::BadSignature, true, "0.1.0");
        assert!(m.contains("signature"), "{m}");
        assert!(m.contains("Nothing was installed: you still have version 0.1.0."));
        assert!(m.contains(RELEASES_URL));
    }

    #[test]
    fn every_install_failure_says_the_version_is_unchanged() {
        for f in [
            Failure::Unreachable,
            Failure::BadSignature,
            Failure::InsecureDownload,
            Failure::WrongPackage,
            Failure::NotAuthorised,
            Failure::InstallFailed,
            Failure::Other,
        ] {
            let m = message(f, true, "1.2.3");
            assert!(m.contains("you still have version 1.2.3"), "{f:?}: {m}");
        }
        assert!(message(Failure::Unreachable, false, "1.2.3").contains("internet connection"));
        assert!(!message(Failure::Other, false, "1.2.3").contains("installed"));
    }

    #[test]
    fn copies_that_cannot_update_themselves_say_how_instead() {
        assert_eq!(how_to_update(Install::Package), None);
        let source = how_to_update(Install::FromSource).unwrap();
        assert!(source.contains("built from its source code") && source.contains(RELEASES_URL));
        let no_prompt = how_to_update(Install::NoAdminPrompt).unwrap();
        assert!(no_prompt.contains("pkexec nor sudo") && no_prompt.contains(RELEASES_URL));
    }
}
