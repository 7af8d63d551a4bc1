//! A toll-free verification as the person fills it in, checked before anything is sent:
//! every field Twilio would refuse (no category, an opt-in picture that is not a public
//! https page, a sample over the limit) is reported beside its field, all at once.

use serde::{Deserialize, Serialize};

use super::models::TollfreeVerification;
use crate::trusthub::validate::{self, FieldError};

/// The longest summary and sample the app sends, in characters: the spec sets none, and
/// these are the limits of a campaign's description and sample, which Twilio's
/// reviewers read the same way.
pub const SUMMARY_MAX: usize = 2048;
pub const SAMPLE_MAX: usize = 1024;
/// Pictures of how people opt in: at least one, and a handful is plenty for a reviewer.
pub const OPT_IN_IMAGES_MAX: usize = 5;

/// Twilio's use-case categories (the spec's list).
pub const CATEGORIES: [&str; 14] = [
    "TWO_FACTOR_AUTHENTICATION",
    "ACCOUNT_NOTIFICATIONS",
    "CUSTOMER_CARE",
    "CHARITY_NONPROFIT",
    "DELIVERY_NOTIFICATIONS",
    "FRAUD_ALERT_MESSAGING",
    "EVENTS",
    "HIGHER_EDUCATION",
    "K12",
    "MARKETING",
    "POLLING_AND_VOTING_NON_POLITICAL",
    "POLITICAL_ELECTION_CAMPAIGNS",
    "PUBLIC_SERVICE_ANNOUNCEMENT",
    "SECURITY_ALERT",
];
/// How people opt in (the spec's list without its `IMPORT_PLEASE_REPLACE` placeholder).
pub const OPT_IN_TYPES: [&str; 6] = [
    "VERBAL",
    "WEB_FORM",
    "PAPER_FORM",
    "VIA_TEXT",
    "MOBILE_QR_CODE",
    "IMPORT",
];
/// The monthly volumes Twilio's form offers.
pub const VOLUMES: [&str; 11] = [
    "10",
    "100",
    "1,000",
    "10,000",
    "100,000",
    "250,000",
    "500,000",
    "750,000",
    "1,000,000",
    "5,000,000",
    "10,000,000+",
];
pub const BUSINESS_TYPES: [&str; 5] = [
    "PRIVATE_PROFIT",
    "PUBLIC_PROFIT",
    "SOLE_PROPRIETOR",
    "NON_PROFIT",
    "GOVERNMENT",
];
pub const AUTHORITIES: [&str; 18] = [
    "EIN",
    "CBN",
    "CRN",
    "PROVINCIAL_NUMBER",
    "VAT",
    "ACN",
    "ABN",
    "BRN",
    "SIREN",
    "SIRET",
    "NZBN",
    "USt-IdNr",
    "CIF",
    "NIF",
    "CNPJ",
    "UID",
    "NEQ",
    "OTHER",
];

/// Twilio's name of each field and the form's, for Twilio's refusals to land beside the
/// field they name.
pub const TWILIO_FIELDS: [(&str, &str); 23] = [
    ("BusinessName", "businessName"),
    ("BusinessWebsite", "businessWebsite"),
    ("NotificationEmail", "notificationEmail"),
    ("BusinessType", "businessType"),
    ("BusinessRegistrationNumber", "registrationNumber"),
    ("BusinessRegistrationAuthority", "registrationAuthority"),
    ("BusinessRegistrationCountry", "registrationCountry"),
    ("BusinessStreetAddress", "street"),
    ("BusinessCity", "city"),
    ("BusinessStateProvinceRegion", "region"),
    ("BusinessPostalCode", "postalCode"),
    ("BusinessCountry", "country"),
    ("BusinessContactFirstName", "contactFirstName"),
    ("BusinessContactLastName", "contactLastName"),
    ("BusinessContactEmail", "contactEmail"),
    ("BusinessContactPhone", "contactPhone"),
    ("UseCaseCategories", "useCaseCategories"),
    ("UseCaseSummary", "useCaseSummary"),
    ("ProductionMessageSample", "productionMessageSample"),
    ("OptInType", "optInType"),
    ("OptInImageUrls", "optInImageUrls"),
    ("MessageVolume", "messageVolume"),
    ("EditReason", "editReason"),
];

/// What the person fills in. Empty text means "not given".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default)]
pub struct TollfreeInput {
    /// The toll-free number (`PN…`).
    pub phone_number_sid: String,
    /// The approved Customer-Profile the details came from, if any.
    pub customer_profile_sid: String,
    pub business_name: String,
    pub business_website: String,
    pub notification_email: String,
    pub business_type: String,
    pub registration_number: String,
    pub registration_authority: String,
    pub registration_country: String,
    pub street: String,
    pub street2: String,
    pub city: String,
    pub region: String,
    pub postal_code: String,
    pub country: String,
    pub contact_first_name: String,
    pub contact_last_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub use_case_categories: Vec<String>,
    pub use_case_summary: String,
    pub production_message_sample: String,
    pub opt_in_type: String,
    pub opt_in_image_urls: Vec<String>,
    pub message_volume: String,
    pub additional_information: String,
    /// What was changed, for an edit of a rejected verification.
    pub edit_reason: String,
}

impl From<&TollfreeVerification> for TollfreeInput {
    /// The form filled from a verification Twilio has, to edit it or start it again.
    fn from(v: &TollfreeVerification) -> Self {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        Self {
            phone_number_sid: text(&v.tollfree_phone_number_sid),
            customer_profile_sid: text(&v.customer_profile_sid),
            business_name: text(&v.business_name),
            business_website: text(&v.business_website),
            notification_email: text(&v.notification_email),
            business_type: text(&v.business_type),
            registration_number: text(&v.business_registration_number),
            registration_authority: text(&v.business_registration_authority),
            registration_country: text(&v.business_registration_country),
            street: text(&v.business_street_address),
            street2: text(&v.business_street_address2),
            city: text(&v.business_city),
            region: text(&v.business_state_province_region),
            postal_code: text(&v.business_postal_code),
            country: text(&v.business_country),
            contact_first_name: text(&v.business_contact_first_name),
            contact_last_name: text(&v.business_contact_last_name),
            contact_email: text(&v.business_contact_email),
            contact_phone: text(&v.business_contact_phone),
            use_case_categories: v.use_case_categories.clone().unwrap_or_default(),
            use_case_summary: text(&v.use_case_summary),
            production_message_sample: text(&v.production_message_sample),
            opt_in_type: text(&v.opt_in_type),
            opt_in_image_urls: v.opt_in_image_urls.clone().unwrap_or_default(),
            message_volume: text(&v.message_volume),
            additional_information: text(&v.additional_information),
            ..Self::default()
        }
    }
}

/// A verification that passed every check, as the form pairs Twilio takes.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedTollfree {
    pairs: Vec<(&'static str, String)>,
}

/// Sent when the verification is made, never on an edit (the number and profile stay).
const CREATE_ONLY: [&str; 2] = ["TollfreePhoneNumberSid", "CustomerProfileSid"];

impl CheckedTollfree {
    /// Everything, for a new verification (categories and pictures repeated, in order).
    pub fn create_form(&self) -> Vec<(&str, &str)> {
        self.pairs
            .iter()
            .filter(|(k, _)| *k != "EditReason")
            .map(|(k, v)| (*k, v.as_str()))
            .collect()
    }

    /// What an edit of a rejected verification sends: the whole form again, with why.
    pub fn edit_form(&self) -> Vec<(&str, &str)> {
        self.pairs
            .iter()
            .filter(|(k, _)| !CREATE_ONLY.contains(k))
            .map(|(k, v)| (*k, v.as_str()))
            .collect()
    }

    pub fn number_sid(&self) -> &str {
        self.pairs
            .iter()
            .find(|(k, _)| *k == "TollfreePhoneNumberSid")
            .map_or("", |(_, v)| v.as_str())
    }
}

/// Checks the whole verification; `edit` asks for the reason of the change too.
pub fn check(input: &TollfreeInput, edit: bool) -> Result<CheckedTollfree, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut pairs: Vec<(&'static str, String)> = Vec::new();
    let mut put =
        |errors: &mut Vec<FieldError>, key: &'static str, r: Result<String, FieldError>| match r {
            Ok(v) if v.is_empty() => {}
            Ok(v) => pairs.push((key, v)),
            Err(e) => errors.push(e),
        };
    put(
        &mut errors,
        "TollfreePhoneNumberSid",
        validate::sid(
            "phoneNumberSid",
            &input.phone_number_sid,
            "PN",
            "toll-free number",
        ),
    );
    if !input.customer_profile_sid.trim().is_empty() {
        put(
            &mut errors,
            "CustomerProfileSid",
            validate::sid(
                "customerProfileSid",
                &input.customer_profile_sid,
                "BU",
                "Customer-Profile SID",
            ),
        );
    }
    put(
        &mut errors,
        "BusinessName",
        needed(
            "businessName",
            &input.business_name,
            "The business name",
            255,
        ),
    );
    put(
        &mut errors,
        "BusinessWebsite",
        validate::web_address("businessWebsite", &input.business_website),
    );
    put(
        &mut errors,
        "NotificationEmail",
        validate::email_in("notificationEmail", &input.notification_email),
    );
    let kind = choice(
        "businessType",
        &input.business_type,
        &BUSINESS_TYPES,
        "Choose what kind of business it is.",
    );
    let sole = kind.as_deref() == Ok("SOLE_PROPRIETOR");
    put(&mut errors, "BusinessType", kind);
    if !sole {
        put(
            &mut errors,
            "BusinessRegistrationNumber",
            needed(
                "registrationNumber",
                &input.registration_number,
                "The registration number",
                64,
            ),
        );
        put(
            &mut errors,
            "BusinessRegistrationAuthority",
            choice(
                "registrationAuthority",
                &input.registration_authority,
                &AUTHORITIES,
                "Choose who issued the registration number (EIN for a US business).",
            ),
        );
        put(
            &mut errors,
            "BusinessRegistrationCountry",
            country("registrationCountry", &input.registration_country),
        );
    }
    for (key, field, value, what) in [
        (
            "BusinessStreetAddress",
            "street",
            &input.street,
            "The street",
        ),
        ("BusinessCity", "city", &input.city, "The city"),
        (
            "BusinessStateProvinceRegion",
            "region",
            &input.region,
            "The state or region",
        ),
        (
            "BusinessPostalCode",
            "postalCode",
            &input.postal_code,
            "The postal code",
        ),
    ] {
        put(&mut errors, key, needed(field, value, what, 255));
    }
    put(
        &mut errors,
        "BusinessStreetAddress2",
        Ok(input.street2.trim().to_owned()),
    );
    put(
        &mut errors,
        "BusinessCountry",
        country("country", &input.country),
    );
    put(
        &mut errors,
        "BusinessContactFirstName",
        needed(
            "contactFirstName",
            &input.contact_first_name,
            "The contact's first name",
            255,
        ),
    );
    put(
        &mut errors,
        "BusinessContactLastName",
        needed(
            "contactLastName",
            &input.contact_last_name,
            "The contact's last name",
            255,
        ),
    );
    put(
        &mut errors,
        "BusinessContactEmail",
        validate::email_in("contactEmail", &input.contact_email),
    );
    put(
        &mut errors,
        "BusinessContactPhone",
        validate::phone_number("contactPhone", &input.contact_phone),
    );
    match categories(&input.use_case_categories) {
        Ok(list) => pairs_extend(&mut put, &mut errors, "UseCaseCategories", list),
        Err(e) => errors.push(e),
    }
    put(
        &mut errors,
        "UseCaseSummary",
        needed(
            "useCaseSummary",
            &input.use_case_summary,
            "The summary of what the texts are for",
            SUMMARY_MAX,
        ),
    );
    put(
        &mut errors,
        "ProductionMessageSample",
        needed(
            "productionMessageSample",
            &input.production_message_sample,
            "The sample message",
            SAMPLE_MAX,
        ),
    );
    put(
        &mut errors,
        "OptInType",
        choice(
            "optInType",
            &input.opt_in_type,
            &OPT_IN_TYPES,
            "Choose how people agree to get the texts.",
        ),
    );
    match opt_in_images(&input.opt_in_image_urls) {
        Ok(list) => pairs_extend(&mut put, &mut errors, "OptInImageUrls", list),
        Err(e) => errors.push(e),
    }
    put(
        &mut errors,
        "MessageVolume",
        choice(
            "messageVolume",
            &input.message_volume,
            &VOLUMES,
            "Choose about how many texts a month the number sends.",
        ),
    );
    put(
        &mut errors,
        "AdditionalInformation",
        optional(
            "additionalInformation",
            &input.additional_information,
            "The additional information",
            SUMMARY_MAX,
        ),
    );
    if edit {
        put(
            &mut errors,
            "EditReason",
            needed(
                "editReason",
                &input.edit_reason,
                "A few words on what you changed",
                SUMMARY_MAX,
            ),
        );
    }
    if errors.is_empty() {
        Ok(CheckedTollfree { pairs })
    } else {
        Err(errors)
    }
}

fn pairs_extend(
    put: &mut impl FnMut(&mut Vec<FieldError>, &'static str, Result<String, FieldError>),
    errors: &mut Vec<FieldError>,
    key: &'static str,
    list: Vec<String>,
) {
    for value in list {
        put(errors, key, Ok(value));
    }
}

/// Text that must be given, at most `max` characters.
fn needed(field: &str, value: &str, what: &str, max: usize) -> Result<String, FieldError> {
    match optional(field, value, what, max)? {
        v if v.is_empty() => Err(FieldError::new(field, format!("{what} is needed."))),
        v => Ok(v),
    }
}

fn optional(field: &str, value: &str, what: &str, max: usize) -> Result<String, FieldError> {
    let v = value.trim();
    let n = v.chars().count();
    if n > max {
        return Err(FieldError::new(
            field,
            format!("{what} is too long for Twilio: at most {max} characters, it has {n}."),
        ));
    }
    Ok(v.to_owned())
}

fn choice(field: &str, value: &str, allowed: &[&str], ask: &str) -> Result<String, FieldError> {
    let v = value.trim();
    if allowed.contains(&v) {
        Ok(v.to_owned())
    } else {
        Err(FieldError::new(field, ask))
    }
}

/// A country as two letters (`US`).
fn country(field: &str, value: &str) -> Result<String, FieldError> {
    let v = value.trim().to_ascii_uppercase();
    if v.len() == 2 && v.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(v)
    } else {
        Err(FieldError::new(field, "Choose the country."))
    }
}

fn categories(list: &[String]) -> Result<Vec<String>, FieldError> {
    let mut chosen: Vec<String> = Vec::new();
    for c in list.iter().map(|c| c.trim()) {
        if !CATEGORIES.contains(&c) {
            return Err(FieldError::new(
                "useCaseCategories",
                "Choose what the texts are for from the list.",
            ));
        }
        if !chosen.iter().any(|x| x == c) {
            chosen.push(c.to_owned());
        }
    }
    if chosen.is_empty() {
        return Err(FieldError::new(
            "useCaseCategories",
            "Choose at least one thing the texts are for.",
        ));
    }
    Ok(chosen)
}

/// The pictures of how people opt in: public https pages Twilio's reviewers can open.
fn opt_in_images(list: &[String]) -> Result<Vec<String>, FieldError> {
    let urls: Vec<&str> = list
        .iter()
        .map(|u| u.trim())
        .filter(|u| !u.is_empty())
        .collect();
    if urls.is_empty() {
        return Err(FieldError::new(
            "optInImageUrls",
            "Add the web address of at least one picture that shows how people agree to get the texts.",
        ));
    }
    if urls.len() > OPT_IN_IMAGES_MAX {
        return Err(FieldError::new(
            "optInImageUrls",
            format!("Give at most {OPT_IN_IMAGES_MAX} pictures."),
        ));
    }
    if let Some(n) = urls.iter().position(|u| !validate::is_public_https(u)) {
        return Err(FieldError::new(
            "optInImageUrls",
            format!("Picture {} is not a public https address: Twilio's reviewers must be able to open it, so it starts with https:// and names a site on the internet.", n.saturating_add(1)),
        ));
    }
    Ok(urls.into_iter().map(str::to_owned).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> TollfreeInput {
        TollfreeInput {
            phone_number_sid: format!("PN{}", "a".repeat(32)),
            business_name: "Owl".into(),
            business_website: "https://owl.example.com".into(),
            notification_email: "a@owl.example.com".into(),
            business_type: "PRIVATE_PROFIT".into(),
            registration_number: "12-3456789".into(),
            registration_authority: "EIN".into(),
            registration_country: "US".into(),
            street: "1 Main St".into(),
            city: "Austin".into(),
            region: "TX".into(),
            postal_code: "78701".into(),
            country: "US".into(),
            contact_first_name: "Sam".into(),
            contact_last_name: "Lee".into(),
            contact_email: "sam@owl.example.com".into(),
            contact_phone: "+14155550100".into(),
            use_case_categories: vec!["CUSTOMER_CARE".into()],
            use_case_summary: "Answers to customers.".into(),
            production_message_sample: "Owl: your order is ready. Reply STOP to opt out.".into(),
            opt_in_type: "WEB_FORM".into(),
            opt_in_image_urls: vec!["https://owl.example.com/a.png".into()],
            message_volume: "1,000".into(),
            ..TollfreeInput::default()
        }
    }

    fn fields(input: &TollfreeInput, edit: bool) -> Vec<String> {
        check(input, edit)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn what_twilio_would_refuse_is_refused_beside_its_field_all_at_once() {
        assert!(fields(&filled(), false).is_empty());
        let mut bad = filled();
        bad.use_case_categories.clear();
        bad.opt_in_image_urls = vec!["https://10.0.0.5/a.png".into()];
        bad.production_message_sample = "x".repeat(SAMPLE_MAX + 1);
        bad.registration_authority = "SSN".into();
        assert_eq!(
            fields(&bad, false),
            [
                "registrationAuthority",
                "useCaseCategories",
                "productionMessageSample",
                "optInImageUrls"
            ]
        );
        assert_eq!(fields(&filled(), true), ["editReason"]);
        let mut too_many = filled();
        too_many.opt_in_image_urls =
            vec!["https://owl.example.com/a.png".into(); OPT_IN_IMAGES_MAX + 1];
        assert_eq!(fields(&too_many, false), ["optInImageUrls"]);
    }

    #[test]
    fn a_sole_proprietor_sends_no_registration_and_a_chosen_category_goes_once() {
        let mut sole = filled();
        sole.business_type = "SOLE_PROPRIETOR".into();
        sole.registration_number.clear();
        sole.registration_authority.clear();
        sole.use_case_categories = vec!["MARKETING".into(), " MARKETING ".into(), "EVENTS".into()];
        let checked = check(&sole, false).unwrap();
        let form = checked.create_form();
        assert!(!form
            .iter()
            .any(|(k, _)| k.starts_with("BusinessRegistration")));
        let categories: Vec<&str> = form
            .iter()
            .filter(|(k, _)| *k == "UseCaseCategories")
            .map(|(_, v)| *v)
            .collect();
        assert_eq!(categories, ["MARKETING", "EVENTS"]);
        assert!(!checked
            .edit_form()
            .iter()
            .any(|(k, _)| *k == "TollfreePhoneNumberSid"));
    }

    #[test]
    fn each_twilio_field_names_a_field_of_the_form() {
        let form = serde_json::to_value(TollfreeInput::default()).unwrap();
        for (twilio, field) in TWILIO_FIELDS {
            assert!(form.get(field).is_some(), "{twilio} → {field}");
        }
    }
}
