//! Checks run before any request, so a typo never reaches Twilio and the person
//! sees the problem next to the field that has it.

use std::fmt;

/// A value the person typed that cannot be sent. `field` names the form field (or, for
/// an end user's or document's attribute, its machine name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FieldError {}

/// True when `value` is `prefix` followed by exactly 32 hexadecimal digits.
pub fn is_sid(value: &str, prefix: &str) -> bool {
    value.len() == 34
        && value.starts_with(prefix)
        && value
            .get(2..)
            .is_some_and(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A phone number in international (E.164) form: `+`, a country code, the number, 15
/// digits at most. Spaces, dots, dashes and brackets a person types are taken out.
pub fn phone_number(field: &str, input: &str) -> Result<String, FieldError> {
    let value: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{a0}'))
        .collect();
    let digits = value.strip_prefix('+').unwrap_or("");
    let ok = digits.len() >= 2
        && digits.len() <= 15
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    if ok {
        Ok(value)
    } else {
        Err(FieldError::new(
            field,
            "Enter the number in international format (+1 …): a + and the country code first, such as +1 415 555 0100.",
        ))
    }
}

/// A full web address: http or https, with a host that has a dot in it.
pub fn web_address(field: &str, input: &str) -> Result<String, FieldError> {
    let value = input.trim();
    let ok = url::Url::parse(value)
        .map(|u| {
            matches!(u.scheme(), "http" | "https")
                && u.host_str()
                    .is_some_and(|h| h.contains('.') && !h.starts_with('.'))
        })
        .unwrap_or(false);
    if ok {
        Ok(value.to_owned())
    } else {
        Err(FieldError::new(
            field,
            "Enter a full web address, such as https://www.example.com.",
        ))
    }
}

/// A page anyone on the internet can open over https: no user or password in it, a named
/// host with a dot (not an IP address), and not a name that only a local network knows.
pub fn is_public_https(input: &str) -> bool {
    const LOCAL: [&str; 5] = [".local", ".localhost", ".internal", ".lan", ".home.arpa"];
    url::Url::parse(input.trim()).ok().is_some_and(|u| {
        u.scheme() == "https"
            && u.username().is_empty()
            && u.password().is_none()
            && matches!(u.host(), Some(url::Host::Domain(d))
                if d.contains('.')
                    && !d.starts_with('.')
                    && !LOCAL.iter().any(|l| d.trim_end_matches('.').ends_with(l)))
    })
}

/// An e-mail address, for an attribute named `field`.
pub fn email_in(field: &str, input: &str) -> Result<String, FieldError> {
    email(input).map_err(|e| FieldError::new(field, e.message))
}

/// Trims what was pasted and checks it is a SID of the given kind.
pub fn sid(field: &str, input: &str, prefix: &str, what: &str) -> Result<String, FieldError> {
    let value = input.trim();
    if value.is_empty() {
        return Err(FieldError::new(field, format!("Enter the {what}.")));
    }
    if is_sid(value, prefix) {
        Ok(value.to_owned())
    } else {
        Err(FieldError::new(
            field,
            format!(
                "This does not look like a {what}: it starts with {prefix} followed by 32 letters a–f and digits 0–9."
            ),
        ))
    }
}

pub fn profile_sid(input: &str) -> Result<String, FieldError> {
    sid("sid", input, "BU", "Customer-Profile SID")
}

/// A plausible e-mail address: one `@`, something before it, a dotted domain after it.
pub fn email(input: &str) -> Result<String, FieldError> {
    let value = input.trim();
    let plausible = value.len() <= 254
        && !value.chars().any(|c| c.is_whitespace() || c.is_control())
        && match value.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains("..")
            }
            None => false,
        };
    if plausible {
        Ok(value.to_owned())
    } else {
        Err(FieldError::new(
            "email",
            "Enter an e-mail address such as name@example.com.",
        ))
    }
}

/// An absolute http(s) URL with a host.
pub fn status_callback(input: &str) -> Result<String, FieldError> {
    let value = input.trim();
    let ok = url::Url::parse(value)
        .map(|u| {
            matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| !h.is_empty())
        })
        .unwrap_or(false);
    if ok {
        Ok(value.to_owned())
    } else {
        Err(FieldError::new(
            "statusCallback",
            "Enter a full web address that starts with https:// (or http://).",
        ))
    }
}

/// The name of an end user or document: not empty, not more than Twilio keeps.
pub fn object_name(input: &str) -> Result<String, FieldError> {
    let value = input.trim();
    if value.is_empty() {
        return Err(FieldError::new(
            "friendlyName",
            "Enter a name for this, so you can tell it apart from others.",
        ));
    }
    if value.chars().count() > 200 {
        return Err(FieldError::new(
            "friendlyName",
            "The name is longer than Twilio keeps (200 characters).",
        ));
    }
    Ok(value.to_owned())
}

pub fn friendly_name(input: &str) -> Result<String, FieldError> {
    if input.trim().is_empty() {
        Err(FieldError::new(
            "friendlyName",
            "Enter a name for this profile.",
        ))
    } else {
        // Kept exactly as typed: the name is the person's, spaces and all.
        Ok(input.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEX32: &str = "0123456789abcdefABCDEF0123456789";

    #[test]
    fn profile_sid_is_trimmed_and_checked() {
        let sid = format!("  BU{HEX32}\n");
        assert_eq!(profile_sid(&sid).unwrap(), format!("BU{HEX32}"));
        assert_eq!(profile_sid(&format!("AC{HEX32}")).unwrap_err().field, "sid");
        assert!(profile_sid(&format!("BU{}", &HEX32[1..])).is_err());
        assert!(profile_sid(&format!("BU{}g", &HEX32[1..])).is_err());
        assert_eq!(
            profile_sid("   ").unwrap_err().message,
            "Enter the Customer-Profile SID."
        );
    }

    #[test]
    fn sid_with_multibyte_text_is_rejected_without_panicking() {
        assert!(!is_sid("BUé23456789abcdef0123456789abcde", "BU"));
        assert!(!is_sid("BU€€€€€€€€€€", "BU"));
    }

    #[test]
    fn email_checks() {
        assert_eq!(email(" a@b.co ").unwrap(), "a@b.co");
        for bad in [
            "", "a", "a@b", "@b.co", "a@@b.co", "a b@c.co", "a@.co", "a@b.", "a@b..co",
        ] {
            assert!(email(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn status_callback_checks() {
        assert!(status_callback("https://example.com/hook").is_ok());
        assert!(status_callback("http://example.com").is_ok());
        for bad in [
            "",
            "example.com",
            "ftp://example.com",
            "https://",
            "javascript:alert(1)",
        ] {
            assert!(status_callback(bad).is_err(), "{bad:?} should be refused");
        }
    }

    /// The cases the window's checks (ui/js/checks.js) are held to as well: the two sides
    /// accept and refuse the same.
    #[test]
    fn the_cases_shared_with_the_window() {
        let cases: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/checks/cases.json")).unwrap();
        let list = |kind: &str, which: &str| -> Vec<serde_json::Value> {
            cases[kind][which].as_array().unwrap().clone()
        };
        for v in list("email", "valid") {
            assert!(email(v.as_str().unwrap()).is_ok(), "{v}");
        }
        for v in list("email", "invalid") {
            assert!(email(v.as_str().unwrap()).is_err(), "{v}");
        }
        for v in list("webAddress", "valid") {
            assert!(web_address("f", v.as_str().unwrap()).is_ok(), "{v}");
        }
        for v in list("webAddress", "invalid") {
            assert!(web_address("f", v.as_str().unwrap()).is_err(), "{v}");
        }
        for v in list("callbackAddress", "valid") {
            assert!(status_callback(v.as_str().unwrap()).is_ok(), "{v}");
        }
        for v in list("callbackAddress", "invalid") {
            assert!(status_callback(v.as_str().unwrap()).is_err(), "{v}");
        }
        for pair in list("phone", "valid") {
            let (typed, sent) = (pair[0].as_str().unwrap(), pair[1].as_str().unwrap());
            assert_eq!(phone_number("f", typed).unwrap(), sent, "{typed:?}");
        }
        for v in list("phone", "invalid") {
            assert!(phone_number("f", v.as_str().unwrap()).is_err(), "{v}");
        }
        let caller = crate::trusthub::voice_numbers::cnam_name_problem;
        for v in list("callerName", "valid") {
            assert_eq!(caller(v.as_str().unwrap()), None, "{v}");
        }
        for v in list("callerName", "invalid") {
            assert!(caller(v.as_str().unwrap()).is_some(), "{v}");
        }
        for v in list("publicHttps", "valid") {
            assert!(is_public_https(v.as_str().unwrap()), "{v}");
        }
        for v in list("publicHttps", "invalid") {
            assert!(!is_public_https(v.as_str().unwrap()), "{v}");
        }
    }

    #[test]
    fn friendly_name_keeps_what_was_typed() {
        assert_eq!(friendly_name(" Acme & Co ").unwrap(), " Acme & Co ");
        assert!(friendly_name(" \t").is_err());
    }
}
