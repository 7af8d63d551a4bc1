//! Where the app asks for a new version. `plugins.updater.endpoints` in `tauri.conf.json`
//! names the project's release feed (`PROJECT_FEED`); `TRUSTHUB_DESK_UPDATE_ENDPOINT`
//! replaces it. The same rule as the API's address: a release build accepts only the
//! project's feed or one on this computer (the installed-package test serves its feed on
//! 127.0.0.1), a developer's build any https feed; plain http only on this computer. A feed
//! elsewhere could not install anything unsigned, but it could hide updates, put its own
//! words in the update dialog, or offer a signed package for another system.

use url::Url;

pub use crate::trusthub::base_url::Build;

pub const UPDATE_ENDPOINT_ENV: &str = "TRUSTHUB_DESK_UPDATE_ENDPOINT";
/// The project's release feed, as `plugins.updater.endpoints` in `tauri.conf.json` names it.
pub const PROJECT_FEED: &str =
    "https://github.com/trusthub-desk/trusthub-desk/releases/latest/download/latest.json";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("The update address {0}")]
pub struct Refused(String);

/// Checks an update feed's or a download's address: `https://` with a host, or `http://`
/// on loopback; never a user name or password.
pub fn check(text: &str) -> Result<Url, Refused> {
    let refuse = |why: &str| Refused(format!("{text:?} {why}"));
    let url = Url::parse(text).map_err(|_| refuse("is not a web address."))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(refuse("must not contain a user name or password."));
    }
    allowed(&url).then_some(url.clone()).ok_or_else(|| {
        refuse(match url.scheme() {
            "http" => "uses plain http; that is allowed only for this computer (127.0.0.1).",
            _ => "must start with https://.",
        })
    })
}

/// Whether the app may fetch from `url`: https with a host, or http on loopback.
pub fn allowed(url: &Url) -> bool {
    match url.scheme() {
        "https" => url.host_str().is_some_and(|h| !h.is_empty()),
        "http" => is_loopback(url),
        _ => false,
    }
}

/// Whether `url` is on this computer (proxies are skipped for it): the API's rule.
pub use crate::trusthub::base_url::is_loopback;

/// The same under the rules of `build`: a release build takes only the project's feed or
/// one on this computer.
pub fn check_for(text: &str, build: Build) -> Result<Url, Refused> {
    let url = check(text)?;
    if build == Build::Release && !is_loopback(&url) && url.as_str() != PROJECT_FEED {
        return Err(Refused(format!(
            "{text:?} is neither TrustHub Desk's own update feed nor this computer; this copy of TrustHub Desk takes updates only from {PROJECT_FEED}."
        )));
    }
    Ok(url)
}

/// The feed named by the environment, if any, under the running build's rules; `None`
/// means the one in `tauri.conf.json`.
pub fn from_env() -> Result<Option<Url>, Refused> {
    match std::env::var(UPDATE_ENDPOINT_ENV) {
        Ok(v) if !v.trim().is_empty() => check_for(v.trim(), Build::running()).map(Some),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_http_only_on_this_computer() {
        for ok in [
            "https://github.com/o/r/releases/latest/download/latest.json",
            "https://updates.example.com:8443/feed.json",
            "http://127.0.0.1:8080/latest.json",
            "http://127.9.9.9/latest.json",
            "http://[::1]:1/latest.json",
            "http://localhost:4000/latest.json",
        ] {
            assert_eq!(
                check(ok).unwrap().as_str(),
                Url::parse(ok).unwrap().as_str()
            );
        }
    }

    #[test]
    fn plain_http_elsewhere_and_other_schemes_are_refused() {
        for (bad, why) in [
            ("http://example.com/latest.json", "plain http"),
            ("http://10.0.0.1/latest.json", "plain http"),
            ("http://127.0.0.1.evil.example/latest.json", "plain http"),
            ("http://localhost.evil.example/latest.json", "plain http"),
            ("ftp://127.0.0.1/latest.json", "https://"),
            ("file:///tmp/latest.json", "https://"),
            ("https://user:pass@example.com/latest.json", "user name"),
            ("not an address", "not a web address"),
        ] {
            let e = check(bad).map(|u| u.to_string()).unwrap_err();
            assert!(e.to_string().contains(why), "{bad}: {e}");
        }
    }

    #[test]
    fn a_release_build_takes_only_the_projects_feed_or_this_computer() {
        for ok in [
            PROJECT_FEED,
            "http://127.0.0.1:8080/latest.json",
            "https://127.0.0.1:8443/latest.json",
            "http://localhost:4000/latest.json",
            "http://[::1]:1/latest.json",
        ] {
            assert!(check_for(ok, Build::Release).is_ok(), "{ok}");
        }
        for bad in [
            "https://updates.example.com/latest.json",
            "https://github.com/someone-else/trusthub-desk/releases/latest/download/latest.json",
            "https://github.com/trusthub-desk/trusthub-desk/releases/latest/download/latest.json?x=1",
            "https://github.com.evil.example/trusthub-desk/trusthub-desk/releases/latest/download/latest.json",
            "https://127.0.0.1.evil.example/latest.json",
            "https://localhost.evil.example/latest.json",
        ] {
            let e = check_for(bad, Build::Release).unwrap_err().to_string();
            assert!(
                e.contains("neither TrustHub Desk's own update feed nor this computer"),
                "{bad}: {e}"
            );
            assert!(check_for(bad, Build::Development).is_ok(), "a developer's build: {bad}");
        }
    }

    /// The feed named in the code is the one `tauri.conf.json` gives the updater.
    #[test]
    fn the_project_feed_is_the_configured_one() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../../tauri.conf.json")).unwrap();
        assert_eq!(
            conf["plugins"]["updater"]["endpoints"],
            serde_json::json!([PROJECT_FEED])
        );
    }

    #[test]
    fn downloads_follow_the_same_rule() {
        let ok = Url::parse("https://objects.githubusercontent.com/x.deb").unwrap();
        assert!(allowed(&ok));
        assert!(allowed(&Url::parse("http://127.0.0.1:9/x.deb").unwrap()));
        assert!(!allowed(
            &Url::parse("http://mirror.example/x.deb").unwrap()
        ));
        assert!(!allowed(&Url::parse("data:text/plain,hi").unwrap()));
    }
}
