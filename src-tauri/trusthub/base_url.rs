//! Which server the client talks to. Twilio, unless `TRUSTHUB_DESK_BASE_URL` says
//! otherwise. The override is for tests, mocks and the demo: a release build accepts it
//! only for this computer (loopback) and Twilio's own hosts, and plain http only for
//! loopback, so credentials never cross a network unencrypted or reach another company.

use std::net::IpAddr;
use url::Url;

use super::TrustHubError;

pub const TWILIO_BASE_URL: &str = "https://trusthub.twilio.com";
/// The classic API (addresses, phone numbers, accounts) when talking to Twilio.
pub const TWILIO_API_URL: &str = "https://api.twilio.com";
/// Messaging v1 (brands, Messaging Services, campaigns) when talking to Twilio.
pub const TWILIO_MESSAGING_URL: &str = "https://messaging.twilio.com";
pub const BASE_URL_ENV: &str = "TRUSTHUB_DESK_BASE_URL";
/// The name under which credentials checked against Twilio are kept.
pub const TWILIO_SERVER: &str = "twilio";

/// How strict the override check is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Build {
    /// A developer's build: any https server, http on loopback.
    Development,
    /// What people install: loopback or Twilio's hosts only.
    Release,
}

impl Build {
    /// The rules of the build that is running.
    pub const fn running() -> Self {
        if cfg!(debug_assertions) {
            Build::Development
        } else {
            Build::Release
        }
    }
}

/// The base URL from the environment, or Twilio's, under the running build's rules.
pub fn from_env() -> Result<Url, TrustHubError> {
    match std::env::var(BASE_URL_ENV) {
        Ok(v) if !v.trim().is_empty() => check_for(v.trim(), Build::running()),
        _ => check(TWILIO_BASE_URL),
    }
}

/// Accepts `https://host[:port]` anywhere and `http://` only for loopback hosts.
pub fn check(text: &str) -> Result<Url, TrustHubError> {
    check_for(text, Build::Development)
}

/// The same under the rules of `build`.
pub fn check_for(text: &str, build: Build) -> Result<Url, TrustHubError> {
    let refuse =
        |why: &str| TrustHubError::RefusedUrl(format!("The server address {text:?} {why}"));
    let url = Url::parse(text).map_err(|_| refuse("is not a web address."))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(refuse("must not contain a user name or password."));
    }
    if url.query().is_some() || url.fragment().is_some() || !matches!(url.path(), "" | "/") {
        return Err(refuse("must be just a scheme, host and port."));
    }
    match url.scheme() {
        "https" if is_loopback(&url) || is_twilio_host(&url) => Ok(url),
        "https" if url.host_str().is_some() && build == Build::Development => Ok(url),
        "https" => Err(refuse(
            "is neither Twilio nor this computer; TrustHub Desk sends your credentials only to Twilio.",
        )),
        "http" if is_loopback(&url) => Ok(url),
        "http" => Err(refuse(
            "uses plain http; that is allowed only for this computer (127.0.0.1).",
        )),
        _ => Err(refuse("must start with https://.")),
    }
}

pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// `twilio.com` or a host under it, over https on the default port.
fn is_twilio_host(url: &Url) -> bool {
    let Some(url::Host::Domain(host)) = url.host() else {
        return false;
    };
    let host = host.to_ascii_lowercase();
    url.scheme() == "https"
        && url.port().is_none()
        && (host == "twilio.com" || host.ends_with(".twilio.com"))
}

/// The server credentials are checked against and kept for: `twilio` for Twilio (its
/// TrustHub and classic API hosts alike), else the override's origin. Credentials saved
/// for one server are never sent to another.
pub fn server_id(base: &Url) -> String {
    if is_twilio_host(base) {
        TWILIO_SERVER.to_owned()
    } else {
        base.origin().ascii_serialization()
    }
}

/// A file of the server with id `server` in `dir`: Twilio's is `{stem}.{ext}`, another
/// server's (a test server, a mock) `{stem}-{server}.{ext}`, so what is kept for one never
/// mixes with another's.
pub fn server_file(
    dir: &std::path::Path,
    server: &str,
    stem: &str,
    ext: &str,
) -> std::path::PathBuf {
    if server == TWILIO_SERVER {
        return dir.join(format!("{stem}.{ext}"));
    }
    let name: String = server
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    dir.join(format!("{stem}-{name}.{ext}"))
}

/// Where the classic API is for this base: Twilio's own host when talking to Twilio,
/// else the same server (tests, mocks and the demo serve both, their paths do not overlap).
pub fn classic_api_for(base: &Url) -> Url {
    if is_twilio_host(base) {
        Url::parse(TWILIO_API_URL).unwrap_or_else(|_| base.clone())
    } else {
        base.clone()
    }
}

/// Where Messaging v1 is for this base: Twilio's own host when talking to Twilio, else the
/// same server, as for the classic API (`/v1/a2p/…` and `/v1/Services…` are not TrustHub
/// paths, so one override serves all three).
pub fn messaging_api_for(base: &Url) -> Url {
    if is_twilio_host(base) {
        Url::parse(TWILIO_MESSAGING_URL).unwrap_or_else(|_| base.clone())
    } else {
        base.clone()
    }
}

/// Same scheme, host and port: the only place a URL handed back by the server may point.
pub fn same_origin(a: &Url, b: &Url) -> bool {
    a.origin() == b.origin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_http_only_loopback_in_development() {
        assert!(check("https://trusthub.twilio.com").is_ok());
        assert!(check("https://trusthub.twilio.com/").is_ok());
        assert!(check("https://mock.example.com").is_ok());
        assert!(check("http://127.0.0.1:4010").is_ok());
        assert!(check("http://127.9.9.9:1").is_ok());
        assert!(check("http://[::1]:8080").is_ok());
        assert!(check("http://localhost:8080").is_ok());
        for bad in [
            "http://example.com",
            "http://10.0.0.1",
            "ftp://127.0.0.1",
            "https://u:p@example.com",
            "https://example.com/v1",
            "not a url",
        ] {
            assert!(check(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn a_release_build_accepts_only_twilio_and_this_computer() {
        for ok in [
            "https://trusthub.twilio.com",
            "https://api.twilio.com/",
            "https://127.0.0.1:8443",
            "http://127.0.0.1:4010",
            "https://localhost:9443",
            "http://[::1]:1",
        ] {
            assert!(
                check_for(ok, Build::Release).is_ok(),
                "{ok} should be accepted"
            );
        }
        for bad in [
            "https://evil.example",
            "https://trusthub.twilio.com.evil.example",
            "https://eviltwilio.com",
            "https://trusthub.twilio.com:8443",
            "https://10.0.0.1",
            "http://trusthub.twilio.com",
        ] {
            let e = check_for(bad, Build::Release).unwrap_err();
            assert!(matches!(e, TrustHubError::RefusedUrl(_)), "{bad}");
        }
        assert!(check_for("https://evil.example", Build::Release)
            .unwrap_err()
            .to_string()
            .contains("only to Twilio"));
    }

    #[test]
    fn credentials_belong_to_twilio_or_to_one_origin() {
        let twilio = Url::parse(TWILIO_BASE_URL).unwrap();
        assert_eq!(server_id(&twilio), "twilio");
        assert_eq!(server_id(&Url::parse(TWILIO_API_URL).unwrap()), "twilio");
        assert_eq!(
            server_id(&Url::parse("http://127.0.0.1:4010/").unwrap()),
            "http://127.0.0.1:4010"
        );
        assert_ne!(
            server_id(&Url::parse("https://127.0.0.1:4010").unwrap()),
            server_id(&Url::parse("http://127.0.0.1:4010").unwrap())
        );
        assert_eq!(classic_api_for(&twilio).as_str(), "https://api.twilio.com/");
        let local = Url::parse("http://127.0.0.1:4010").unwrap();
        assert_eq!(classic_api_for(&local), local);
        assert_eq!(
            messaging_api_for(&twilio).as_str(),
            "https://messaging.twilio.com/"
        );
        assert_eq!(messaging_api_for(&local), local);
        assert_eq!(
            server_id(&Url::parse(TWILIO_MESSAGING_URL).unwrap()),
            "twilio",
            "one Twilio credential serves its three hosts"
        );
    }

    #[test]
    fn origin_compares_port_and_scheme() {
        let a = Url::parse("http://127.0.0.1:1/a").unwrap();
        assert!(same_origin(
            &a,
            &Url::parse("http://127.0.0.1:1/b?x").unwrap()
        ));
        assert!(!same_origin(
            &a,
            &Url::parse("http://127.0.0.1:2/a").unwrap()
        ));
        assert!(!same_origin(
            &a,
            &Url::parse("https://127.0.0.1:1/a").unwrap()
        ));
    }
}
