//! Where the app asks for a new version. `plugins.updater.endpoints` in `tauri.conf.json`
//! names the project's release feed; `TRUSTHUB_DESK_UPDATE_ENDPOINT` replaces it (tests, a
//! company's own mirror). The same rule as the API: https anywhere, plain http only on this
//! computer. A feed elsewhere cannot install anything the project did not sign: every
//! download is checked against the public key built into the app.

use url::Url;

pub const UPDATE_ENDPOINT_ENV: &str = "TRUSTHUB_DESK_UPDATE_ENDPOINT";

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

/// The feed named by the environment, if any; `None` means the one in `tauri.conf.json`.
pub fn from_env() -> Result<Option<Url>, Refused> {
    match std::env::var(UPDATE_ENDPOINT_ENV) {
        Ok(v) if !v.trim().is_empty() => check(v.trim()).map(Some),
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
