//! What a field of an end user or document holds, where Twilio documents it: how it is
//! entered (a list of fixed choices, an e-mail, a web address, a phone number, a list of
//! lines) and, for fixed choices, the values Twilio accepts with words for each. Twilio's
//! `EndUserTypes` say only "String" or "List"; these come from Twilio's guides for
//! secondary customer profiles and A2P registration. A field not named here is free text.

use serde::Serialize;

/// How a field is entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum FieldKind {
    Text,
    Email,
    /// A web address (http or https).
    Url,
    /// A phone number in international form: `+`, the country code, the number.
    Phone,
    /// One of the values in `choices`.
    Choice,
    /// Any number of the values in `choices` (sent as one text, comma-separated).
    Choices,
    /// Several web addresses, one per line (sent as one text, comma-separated).
    UrlLines,
    /// The SIDs of addresses, chosen from the account's addresses.
    Addresses,
    /// The name callers see (CNAM): at most 15 characters, from a short alphabet.
    CallerName,
}

/// One value Twilio accepts, and the words shown for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
}

const fn c(value: &'static str, label: &'static str) -> Choice {
    Choice { value, label }
}

pub const BUSINESS_TYPES: &[Choice] = &[
    c("Sole Proprietorship", "Sole proprietorship"),
    c("Partnership", "Partnership"),
    c(
        "Limited Liability Corporation",
        "Limited liability company (LLC)",
    ),
    c("Co-operative", "Co-operative"),
    c("Non-profit Corporation", "Non-profit corporation"),
    c("Corporation", "Corporation"),
];

pub const BUSINESS_IDENTITIES: &[Choice] = &[
    c("direct_customer", "A business using Twilio for itself"),
    c(
        "isv_reseller_or_partner",
        "A software vendor, reseller or partner serving its own customers",
    ),
    c("unknown", "Not known"),
];

pub const INDUSTRIES: &[Choice] = &[
    c("AGRICULTURE", "Agriculture"),
    c("AUTOMOTIVE", "Automotive"),
    c("BANKING", "Banking"),
    c("CONSUMER", "Consumer"),
    c("EDUCATION", "Education"),
    c("ELECTRONICS", "Electronics"),
    c("ENERGY", "Energy"),
    c("ENGINEERING", "Engineering"),
    c("FAST_MOVING_CONSUMER_GOODS", "Fast-moving consumer goods"),
    c("FINANCIAL", "Financial"),
    c("FINTECH", "Fintech"),
    c("FOOD_AND_BEVERAGE", "Food and beverage"),
    c("GOVERNMENT", "Government"),
    c("HEALTHCARE", "Healthcare"),
    c("HOSPITALITY", "Hospitality"),
    c("INSURANCE", "Insurance"),
    c("JEWELRY", "Jewelry"),
    c("LEGAL", "Legal"),
    c("MANUFACTURING", "Manufacturing"),
    c("MEDIA", "Media"),
    c("NOT_FOR_PROFIT", "Not for profit"),
    c("OIL_AND_GAS", "Oil and gas"),
    c("ONLINE", "Online"),
    c("RAW_MATERIALS", "Raw materials"),
    c("REAL_ESTATE", "Real estate"),
    c("RELIGION", "Religion"),
    c("RETAIL", "Retail"),
    c("TECHNOLOGY", "Technology"),
    c("TELECOMMUNICATIONS", "Telecommunications"),
    c("TRANSPORTATION", "Transportation"),
    c("TRAVEL", "Travel"),
];

pub const REGISTRATION_IDENTIFIERS: &[Choice] = &[
    c("EIN", "EIN (United States)"),
    c("CBN", "CBN (Canada)"),
    c("CN", "Company number (United Kingdom)"),
    c("ACN", "ACN (Australia)"),
    c("CIN", "CIN (India)"),
    c("VAT", "VAT number (European Union)"),
    c("VATRN", "VAT registration number (Romania)"),
    c("RN", "Registration number (Israel)"),
    c("Other", "Other"),
];

pub const REGIONS: &[Choice] = &[
    c("AFRICA", "Africa"),
    c("ASIA", "Asia"),
    c("AUSTRALIA", "Australia"),
    c("EUROPE", "Europe"),
    c("LATIN_AMERICA", "Latin America"),
    c("USA_AND_CANADA", "USA and Canada"),
];

pub const JOB_POSITIONS: &[Choice] = &[
    c("Director", "Director"),
    c("GM", "General manager"),
    c("VP", "Vice president"),
    c("CEO", "Chief executive officer (CEO)"),
    c("CFO", "Chief financial officer (CFO)"),
    c("General Counsel", "General counsel"),
    c("Other", "Other"),
];

/// A2P messaging: what kind of company the brand is.
pub const COMPANY_TYPES: &[Choice] = &[
    c("private", "A private company"),
    c("public", "A public (listed) company"),
    c("non-profit", "A non-profit organisation"),
    c("government", "A government body"),
];

/// How the field `machine_name` is entered, and its choices when it has fixed ones.
pub fn field(machine_name: &str) -> (FieldKind, &'static [Choice]) {
    match machine_name {
        "business_type" => (FieldKind::Choice, BUSINESS_TYPES),
        "business_identity" => (FieldKind::Choice, BUSINESS_IDENTITIES),
        "business_industry" => (FieldKind::Choice, INDUSTRIES),
        "business_registration_identifier" => (FieldKind::Choice, REGISTRATION_IDENTIFIERS),
        "business_regions_of_operation" => (FieldKind::Choices, REGIONS),
        "job_position" => (FieldKind::Choice, JOB_POSITIONS),
        "company_type" => (FieldKind::Choice, COMPANY_TYPES),
        "email" | "brand_contact_email" => (FieldKind::Email, &[]),
        "website_url" => (FieldKind::Url, &[]),
        "social_media_profile_urls" => (FieldKind::UrlLines, &[]),
        "phone_number" => (FieldKind::Phone, &[]),
        "address_sids" => (FieldKind::Addresses, &[]),
        "cnam_display_name" => (FieldKind::CallerName, &[]),
        _ => (FieldKind::Text, &[]),
    }
}

/// Fields Twilio lists but does not require.
pub fn optional(machine_name: &str) -> bool {
    matches!(machine_name, "social_media_profile_urls")
}

/// Whether `value` is one Twilio accepts for the field (true for fields without choices).
pub fn accepts(machine_name: &str, value: &str) -> bool {
    let (_, choices) = field(machine_name);
    choices.is_empty() || choices.iter().any(|c| c.value == value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_fields_have_their_kinds_and_values() {
        assert_eq!(field("business_type").0, FieldKind::Choice);
        assert!(accepts("business_type", "Limited Liability Corporation"));
        assert!(!accepts("business_type", "LLC"));
        assert!(accepts("business_industry", "RETAIL"));
        assert!(accepts("anything_else", "free text"));
        assert_eq!(field("phone_number").0, FieldKind::Phone);
        assert_eq!(field("address_sids").0, FieldKind::Addresses);
        for list in [
            BUSINESS_TYPES,
            BUSINESS_IDENTITIES,
            INDUSTRIES,
            REGISTRATION_IDENTIFIERS,
            REGIONS,
            JOB_POSITIONS,
            COMPANY_TYPES,
        ] {
            let mut values: Vec<_> = list.iter().map(|c| c.value).collect();
            values.dedup();
            assert_eq!(values.len(), list.len(), "no value twice");
        }
    }
}
