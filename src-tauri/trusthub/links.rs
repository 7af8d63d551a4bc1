//! Which web addresses may open in the person's browser: Twilio's own https pages only.
//! Links that come from a server (`more_info`, a problem's `type`) pass this check before
//! they reach the window, and the window can open nothing else (see `commands::links`).

use url::{Host, Url};

/// The address as a Twilio page, or `None`. A Twilio page is `https`, on the default
/// port, with no user name or password, on `twilio.com` or a host ending in `.twilio.com`.
/// The address is parsed (not matched as text), so `https://evil.example/.twilio.com/`,
/// `https://user@evil.example/` or `https://twilio.com.evil.example/` are refused.
pub fn twilio_page(text: &str) -> Option<Url> {
    let url = Url::parse(text.trim()).ok()?;
    if url.scheme() != "https"
        || url.cannot_be_a_base()
        || !url.username().is_empty()
        || url.password().is_some()
        || url.port().is_some()
    {
        return None;
    }
    let Some(Host::Domain(host)) = url.host() else {
        return None;
    };
    let host = host.to_ascii_lowercase();
    (host == "twilio.com" || host.ends_with(".twilio.com")).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::twilio_page;

    #[test]
    fn twilio_pages_open() {
        for ok in [
            "https://www.twilio.com/docs/errors/20404",
            "https://twilio.com/",
            "https://console.twilio.com/us1/account/trust-hub/customer-profiles/BU0123456789abcdef0123456789abcdef",
            "https://help.twilio.com/articles/1",
            "https://WWW.Twilio.COM/docs?x=1#y",
        ] {
            assert!(twilio_page(ok).is_some(), "{ok} should open");
        }
    }

    #[test]
    fn look_alikes_are_refused() {
        for bad in [
            "https://evil.example/.twilio.com/",
            "https://evil.example/?x=.twilio.com/",
            "https://evil.example/#.twilio.com/",
            "https://user@evil.example/a.twilio.com/",
            "https://user:pass@www.twilio.com/",
            "https://www.twilio.com@evil.example/",
            "https://evil.example\\.twilio.com/",
            "https://twilio.com.evil.example/",
            "https://eviltwilio.com/",
            "https://www.twilio.com:8443/",
            "http://www.twilio.com/",
            "javascript:alert(1)//.twilio.com/",
            "https://127.0.0.1/",
            "file:///etc/passwd",
            "",
        ] {
            assert!(twilio_page(bad).is_none(), "{bad} must be refused");
        }
    }
}
