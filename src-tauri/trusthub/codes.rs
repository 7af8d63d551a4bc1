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
        // Texting (A2P 10DLC): brands, campaigns and the numbers in them.
        30034 => "The number is not in a registered campaign's Messaging Service, so carriers block its texts to US numbers. Add it to the service of an approved campaign.",
        30035 => "The number's campaign is still being registered. Texts to US numbers go through once the campaign is approved.",
        30729 => "The business's country is not one Twilio can register brands for. Check the country in the Customer-Profile's address.",
        30751 => "Sole proprietor brands need a US or Canadian mobile number that can receive texts. Change the mobile number in the A2P Trust Product, then resubmit the brand.",
        30752 => "The confirmation code sent by text has expired (it is valid for 24 hours). Send the confirmation text again.",
        30885 => "Twilio judged the campaign high risk. Such a campaign cannot be resubmitted; contact Twilio Support.",
        30889 => "The campaign says its messages contain a phone number, but no sample message shows one. Add the number to a sample, or say the messages have none.",
        30893 => "The sample messages do not match the use case chosen. Write samples of what you will really send for this use case.",
        30900 => "The campaign is not eligible for this use case. Choose another use case, or contact Twilio Support.",
        30909 => "Twilio could not verify how people opt in. Describe where and how they agree (a web page address, a form, a keyword) so that a reviewer can check it.",
        30923 => "Agreeing to texts must not be bundled with agreeing to terms: people must be able to opt in separately. Change how people opt in, and describe it.",
        30991 | 30994 => "The brand is not verified yet, so a campaign cannot be registered for it. Wait for the brand's approval, or fix and resubmit the brand.",
        30481 => "The verification was cancelled at the business's request. It cannot be edited: delete it and start again if the number should text.",
        30482 => "The business e-mail must be on the business's own domain (not a free mail service). Change the e-mail addresses to ones at the business's website domain.",
        30483 => "The contact must be someone at the business. Enter a representative of the business as the contact.",
        30484 => "The business name does not match the official records. Enter the legal name exactly as it is registered.",
        30485 => "Twilio needs the business's official registration. Check the registration number and who issued it.",
        30513 => "The opt-in does not clearly ask people to agree to text messages. Show, in the pictures of how people opt in, wording that asks them to agree to texts from the business.",
        30527 => "The business registration number is missing or not valid. Enter the number exactly as issued.",
        30824 => "This verification can no longer be edited: its edit window has closed. Delete it and start again.",
        60723 => "Twilio does not allow this brand to be changed or resubmitted now, for example while a campaign of it exists.",
        60724 => "This brand has used all three resubmissions Twilio allows. Contact Twilio Support to go further.",
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
        "BrandRegistrations" => "brand",
        "Vettings" => "brand vetting",
        "SmsOtp" => "confirmation text",
        "Services" => "Messaging Service",
        "PhoneNumbers" => "number in a Messaging Service",
        "Usa2p" => "campaign",
        "Usecases" => "list of use cases",
        "Verifications" => "toll-free verification",
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
        assert_eq!(
            resource_of("/v1/Services/MG0123456789abcdef0123456789abcdef/Compliance/Usa2p/QE0123456789abcdef0123456789abcdef"),
            "campaign"
        );
        assert_eq!(resource_of("/v1/a2p/BrandRegistrations"), "brand");
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
