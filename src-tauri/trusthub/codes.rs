//! What Twilio's error codes mean, in plain words, for the codes TrustHub Desk meets.
//! Only codes whose meaning Twilio documents are here; any other code is shown with
//! Twilio's own words and a link to Twilio's page about it.

/// The meaning of a Twilio error code and what to do about it, as one or two sentences.
pub fn meaning(code: i64) -> Option<&'static str> {
    Some(match code {
        20001 => "Twilio did not accept one of the values sent. Check the value named below and try again.",
        20003 => "Twilio did not accept your credentials. Check the Account SID and the Auth Token or API Key, then enter them again.",
        20005 => "This Twilio account is not active. Check its status in the Twilio Console.",
        20008 => "Test credentials cannot be used for TrustHub. Use your live Account SID and Auth Token or an API Key.",
        20403 => "Your credentials are not allowed to do this. If you use an API Key, it may lack the rights; check it in the Twilio Console.",
        20404 => "Twilio could not find this. It may have been deleted, or it may belong to another Twilio account.",
        20429 => "Twilio is receiving too many requests from your account right now. Wait a minute, then try again.",
        20500 => "Twilio had a problem on its side and did not finish the request. Try again in a few minutes.",
        20503 => "Twilio is not available right now. Try again in a few minutes.",
        22204 => "Twilio does not accept a status change together with other changes. Save your other changes first, then change the status.",
        60711 => "Twilio does not allow changes while the profile is in review or approved. Wait for Twilio's decision; a rejected profile can be changed and submitted again.",
        _ => return None,
    })
}

/// What the thing at a TrustHub or classic-API path is called, for messages.
pub fn resource_of(path: &str) -> &'static str {
    let collection = path
        .trim_end_matches(".json")
        .split('/')
        .rfind(|s| !s.is_empty() && !looks_like_sid(s))
        .unwrap_or("");
    match collection {
        "CustomerProfiles" => "Customer-Profile",
        "TrustProducts" => "Trust Product",
        "Evaluations" => "evaluation",
        "EntityAssignments" | "ChannelEndpointAssignments" => "assignment",
        "EndUsers" => "end user",
        "SupportingDocuments" => "supporting document",
        "Policies" => "policy",
        "EndUserTypes" | "SupportingDocumentTypes" => "type",
        "Addresses" => "address",
        "IncomingPhoneNumbers" => "phone number",
        "Accounts" => "account",
        _ => "record",
    }
}

fn looks_like_sid(segment: &str) -> bool {
    segment.len() == 34
        && segment.is_char_boundary(2)
        && segment
            .get(..2)
            .is_some_and(|p| p.bytes().all(|b| b.is_ascii_uppercase()))
        && segment
            .get(2..)
            .is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resources_are_named_by_their_collection() {
        let bu = "BU0123456789abcdef0123456789abcdef";
        assert_eq!(
            resource_of(&format!("/v1/CustomerProfiles/{bu}")),
            "Customer-Profile"
        );
        assert_eq!(
            resource_of(&format!("/v1/CustomerProfiles/{bu}/EntityAssignments")),
            "assignment"
        );
        assert_eq!(
            resource_of("/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Addresses/AD0123456789abcdef0123456789abcdef.json"),
            "address"
        );
        assert_eq!(resource_of("/"), "record");
    }

    #[test]
    fn every_meaning_is_a_full_sentence() {
        for code in 0..100_000 {
            if let Some(m) = meaning(code) {
                assert!(m.starts_with(|c: char| c.is_uppercase()), "{code}: {m}");
                assert!(m.ends_with('.'), "{code}: {m}");
            }
        }
    }
}
