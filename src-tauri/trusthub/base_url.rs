//! Which server the client talks to. Twilio, unless `TRUSTHUB_DESK_BASE_URL` says
//! otherwise; plain http only to this machine, so credentials never cross a network unencrypted.

use std::net::IpAddr;
use url::Url;

use super::TrustHubError;

pub const TWILIO_BASE_URL: &str = "https://trusthub.twilio.com";
pub const BASE_URL_ENV: &str = "TRUSTHUB_DESK_BASE_URL";

/// The base URL from the environment, or Twilio's.
pub fn from_env() -> Result<Url, TrustHubError> {
    match std::env::var(BASE_URL_ENV) {
        Ok(v) if !v.trim().is_empty() => check(v.trim()),
        _ => check(TWILIO_BASE_URL),
    }
}

/// Accepts `https://host[:port]` anywhere and `http://` only for loopback hosts.
pub fn check(text: &str) -> Result<Url, TrustHubError> {
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
        "https" if url.host_str().is_some() => Ok(url),
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

/// Same scheme, host and port: the only place a URL handed back by the server may point.
pub fn same_origin(a: &Url, b: &Url) -> bool {
    a.origin() == b.origin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_http_only_loopback() {
        assert!(check("https://trusthub.twilio.com").is_ok());
        assert!(check("https://trusthub.twilio.com/").is_ok());
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
