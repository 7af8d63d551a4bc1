//! A campaign as the person fills it in, checked against Twilio's limits (lengths, counts)
//! and against itself (a sample with a link while "no links" is chosen) before anything is
//! sent. Every problem is reported beside its field, all at once.

use serde::{Deserialize, Serialize};

use crate::trusthub::validate::{self, FieldError};

/// Twilio's limits for a campaign, in characters (`MESSAGING.md`, Twilio's API reference).
pub const DESCRIPTION: (usize, usize) = (40, 4096);
pub const MESSAGE_FLOW: (usize, usize) = (40, 2048);
pub const SAMPLE: (usize, usize) = (20, 1024);
pub const SAMPLES: (usize, usize) = (2, 5);
/// The opt-in, opt-out and help replies.
pub const REPLY: (usize, usize) = (20, 320);
/// All keywords of one kind, written as Twilio stores them (comma-separated).
pub const KEYWORDS_TOTAL: usize = 255;

/// What the person fills in for a campaign. Empty text means "not given".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default)]
pub struct CampaignInput {
    pub brand_sid: String,
    /// A use case code from Twilio's list for the brand, e.g. `ACCOUNT_NOTIFICATION`.
    pub usecase: String,
    pub description: String,
    /// How people opt in.
    pub message_flow: String,
    pub message_samples: Vec<String>,
    pub has_embedded_links: bool,
    pub has_embedded_phone: bool,
    pub opt_in_message: String,
    pub opt_out_message: String,
    pub help_message: String,
    pub opt_in_keywords: Vec<String>,
    pub opt_out_keywords: Vec<String>,
    pub help_keywords: Vec<String>,
    pub age_gated: bool,
    pub direct_lending: bool,
    pub privacy_policy_url: String,
    pub terms_and_conditions_url: String,
}

impl From<&super::models::Campaign> for CampaignInput {
    /// The form filled from a campaign Twilio has, to fix it.
    fn from(c: &super::models::Campaign) -> Self {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        let list = |v: &Option<Vec<String>>| v.clone().unwrap_or_default();
        Self {
            brand_sid: text(&c.brand_registration_sid),
            usecase: text(&c.us_app_to_person_usecase),
            description: text(&c.description),
            message_flow: text(&c.message_flow),
            message_samples: list(&c.message_samples),
            has_embedded_links: c.has_embedded_links.unwrap_or(false),
            has_embedded_phone: c.has_embedded_phone.unwrap_or(false),
            opt_in_message: text(&c.opt_in_message),
            opt_out_message: text(&c.opt_out_message),
            help_message: text(&c.help_message),
            opt_in_keywords: list(&c.opt_in_keywords),
            opt_out_keywords: list(&c.opt_out_keywords),
            help_keywords: list(&c.help_keywords),
            age_gated: c.age_gated.unwrap_or(false),
            direct_lending: c.direct_lending.unwrap_or(false),
            privacy_policy_url: text(&c.privacy_policy_url),
            terms_and_conditions_url: text(&c.terms_and_conditions_url),
        }
    }
}

/// A campaign that passed every check, as the form pairs Twilio takes.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedCampaign {
    pairs: Vec<(&'static str, String)>,
}

/// The fields Twilio accepts when a campaign is edited; the others (use case, replies,
/// keywords) are fixed once it is made.
const EDITABLE: [&str; 9] = [
    "HasEmbeddedLinks",
    "HasEmbeddedPhone",
    "MessageSamples",
    "MessageFlow",
    "Description",
    "AgeGated",
    "DirectLending",
    "PrivacyPolicyUrl",
    "TermsAndConditionsUrl",
];

impl CheckedCampaign {
    /// Everything, for a new campaign (samples and keywords repeated, in order).
    pub fn create_form(&self) -> Vec<(&str, &str)> {
        self.pairs.iter().map(|(k, v)| (*k, v.as_str())).collect()
    }

    /// What an edit sends.
    pub fn edit_form(&self) -> Vec<(&str, &str)> {
        self.pairs
            .iter()
            .filter(|(k, _)| EDITABLE.contains(k))
            .map(|(k, v)| (*k, v.as_str()))
            .collect()
    }

    pub fn brand_sid(&self) -> &str {
        self.pairs
            .iter()
            .find(|(k, _)| *k == "BrandRegistrationSid")
            .map_or("", |(_, v)| v.as_str())
    }

    pub fn usecase(&self) -> &str {
        self.pairs
            .iter()
            .find(|(k, _)| *k == "UsAppToPersonUsecase")
            .map_or("", |(_, v)| v.as_str())
    }
}

/// Checks the whole campaign; every problem found, each beside its field.
pub fn check(input: &CampaignInput) -> Result<CheckedCampaign, Vec<FieldError>> {
    let mut errors = Vec::new();
    let brand = kept(
        &mut errors,
        validate::sid("brandSid", &input.brand_sid, "BN", "brand SID"),
    );
    let usecase = kept(&mut errors, usecase(&input.usecase));
    let description = kept(
        &mut errors,
        length(
            "description",
            &input.description,
            DESCRIPTION,
            "The description of the campaign",
        ),
    );
    let flow = kept(
        &mut errors,
        length(
            "messageFlow",
            &input.message_flow,
            MESSAGE_FLOW,
            "How people opt in",
        ),
    );
    let samples: Vec<String> = input
        .message_samples
        .iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    let (fewest, most) = SAMPLES;
    if samples.len() < fewest || samples.len() > most {
        errors.push(FieldError::new(
            "messageSamples",
            format!(
                "Give between {fewest} and {most} sample messages; there are {}.",
                samples.len()
            ),
        ));
    }
    for (i, sample) in samples.iter().enumerate() {
        let field = format!("messageSamples.{i}");
        let n = i.saturating_add(1);
        if let Err(e) = length(&field, sample, SAMPLE, &format!("Sample {n}")) {
            errors.push(e);
        }
        if !input.has_embedded_links && has_link(sample) {
            errors.push(FieldError::new(
                field.clone(),
                format!("Sample {n} contains a web link, but the campaign says its messages have no links. Remove the link, or tick “Messages contain web links”."),
            ));
        }
        if !input.has_embedded_phone && has_phone_number(sample) {
            errors.push(FieldError::new(
                field,
                format!("Sample {n} contains a phone number, but the campaign says its messages have none. Remove the number, or tick “Messages contain phone numbers”."),
            ));
        }
    }
    if input.has_embedded_links && !samples.is_empty() && !samples.iter().any(|s| has_link(s)) {
        errors.push(FieldError::new(
            "hasEmbeddedLinks",
            "The campaign says its messages contain web links, but no sample has one. Add a sample with the kind of link you send, or untick “Messages contain web links”.",
        ));
    }
    if input.has_embedded_phone
        && !samples.is_empty()
        && !samples.iter().any(|s| has_phone_number(s))
    {
        errors.push(FieldError::new(
            "hasEmbeddedPhone",
            "The campaign says its messages contain phone numbers, but no sample has one (Twilio refuses this with error 30889). Add a sample with the number, or untick “Messages contain phone numbers”.",
        ));
    }
    let mut replies = Vec::new();
    for (message, keywords, field, kfield, what, key, kkey) in [
        (
            &input.opt_in_message,
            &input.opt_in_keywords,
            "optInMessage",
            "optInKeywords",
            "opt-in",
            "OptInMessage",
            "OptInKeywords",
        ),
        (
            &input.opt_out_message,
            &input.opt_out_keywords,
            "optOutMessage",
            "optOutKeywords",
            "opt-out",
            "OptOutMessage",
            "OptOutKeywords",
        ),
        (
            &input.help_message,
            &input.help_keywords,
            "helpMessage",
            "helpKeywords",
            "help",
            "HelpMessage",
            "HelpKeywords",
        ),
    ] {
        let words = match keyword_list(kfield, keywords) {
            Ok(w) => w,
            Err(e) => {
                errors.push(e);
                Vec::new()
            }
        };
        let text = message.trim();
        if text.is_empty() {
            if !words.is_empty() {
                errors.push(FieldError::new(
                    field,
                    format!("Write the {what} reply: people who text one of its keywords get it."),
                ));
            }
        } else {
            match length(field, text, REPLY, &format!("The {what} reply")) {
                Ok(v) => replies.push((key, v)),
                Err(e) => errors.push(e),
            }
        }
        replies.extend(words.into_iter().map(|w| (kkey, w)));
    }
    let privacy = optional_url("privacyPolicyUrl", &input.privacy_policy_url);
    let terms = optional_url("termsAndConditionsUrl", &input.terms_and_conditions_url);
    let privacy = kept(&mut errors, privacy);
    let terms = kept(&mut errors, terms);
    if !errors.is_empty() {
        return Err(errors);
    }
    let (Some(brand), Some(usecase), Some(description), Some(flow)) =
        (brand, usecase, description, flow)
    else {
        return Err(errors);
    };
    let mut pairs: Vec<(&'static str, String)> = vec![("BrandRegistrationSid", brand)];
    pairs.push(("UsAppToPersonUsecase", usecase));
    pairs.push(("Description", description));
    pairs.push(("MessageFlow", flow));
    pairs.extend(samples.into_iter().map(|s| ("MessageSamples", s)));
    pairs.push(("HasEmbeddedLinks", input.has_embedded_links.to_string()));
    pairs.push(("HasEmbeddedPhone", input.has_embedded_phone.to_string()));
    pairs.extend(replies);
    pairs.push(("AgeGated", input.age_gated.to_string()));
    pairs.push(("DirectLending", input.direct_lending.to_string()));
    pairs.extend(privacy.flatten().map(|u| ("PrivacyPolicyUrl", u)));
    pairs.extend(terms.flatten().map(|u| ("TermsAndConditionsUrl", u)));
    Ok(CheckedCampaign { pairs })
}

/// The value, or nothing with its error kept for the report.
fn kept<T>(errors: &mut Vec<FieldError>, r: Result<T, FieldError>) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(e);
            None
        }
    }
}

fn length(
    field: &str,
    value: &str,
    (min, max): (usize, usize),
    what: &str,
) -> Result<String, FieldError> {
    let v = value.trim();
    let n = v.chars().count();
    if n == 0 {
        return Err(FieldError::new(field, format!("{what} is needed.")));
    }
    if n < min {
        return Err(FieldError::new(
            field,
            format!("{what} is too short for Twilio: at least {min} characters, it has {n}."),
        ));
    }
    if n > max {
        return Err(FieldError::new(
            field,
            format!("{what} is too long for Twilio: at most {max} characters, it has {n}."),
        ));
    }
    Ok(v.to_owned())
}

fn usecase(value: &str) -> Result<String, FieldError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(FieldError::new(
            "usecase",
            "Choose what the messages are for.",
        ));
    }
    if v.len() > 64
        || !v
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(FieldError::new(
            "usecase",
            "Choose what the messages are for from Twilio's list.",
        ));
    }
    Ok(v.to_owned())
}

/// Keywords: letters and digits, one word each, as Twilio takes them.
fn keyword_list(field: &str, words: &[String]) -> Result<Vec<String>, FieldError> {
    let words: Vec<String> = words
        .iter()
        .map(|w| w.trim().to_uppercase())
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(bad) = words.iter().find(|w| !w.chars().all(char::is_alphanumeric)) {
        return Err(FieldError::new(
            field,
            format!("“{bad}” is not one word: a keyword has letters and digits only, no spaces or punctuation."),
        ));
    }
    let total = words
        .iter()
        .map(|w| w.chars().count())
        .sum::<usize>()
        .saturating_add(words.len().saturating_sub(1));
    if total > KEYWORDS_TOTAL {
        return Err(FieldError::new(
            field,
            format!("These keywords are longer than Twilio accepts together ({KEYWORDS_TOTAL} characters)."),
        ));
    }
    Ok(words)
}

/// An optional public page: empty, or a web address starting with https://.
fn optional_url(field: &str, value: &str) -> Result<Option<String>, FieldError> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    match validate::is_public_https(v) {
        true => Ok(Some(v.to_owned())),
        false => Err(FieldError::new(
            field,
            "Enter the page's public address, starting with https:// (for example https://example.com/privacy).",
        )),
    }
}

/// The form's field for one of the field names Twilio gives with a campaign's error
/// (`MESSAGE_FLOW`, `MESSAGE_SAMPLES`, …), so the error is shown beside it.
pub fn form_field(twilio: &str) -> Option<&'static str> {
    let name = twilio.trim().to_ascii_uppercase().replace([' ', '-'], "_");
    Some(match name.as_str() {
        "DESCRIPTION" | "CAMPAIGN_DESCRIPTION" => "description",
        "MESSAGE_FLOW" | "CALL_TO_ACTION" => "messageFlow",
        "USECASE" | "US_APP_TO_PERSON_USECASE" | "USE_CASE" => "usecase",
        "HAS_EMBEDDED_LINKS" | "EMBEDDED_LINK" => "hasEmbeddedLinks",
        "HAS_EMBEDDED_PHONE" | "EMBEDDED_PHONE" => "hasEmbeddedPhone",
        "OPT_IN_MESSAGE" => "optInMessage",
        "OPT_OUT_MESSAGE" => "optOutMessage",
        "HELP_MESSAGE" => "helpMessage",
        "OPT_IN_KEYWORDS" => "optInKeywords",
        "OPT_OUT_KEYWORDS" => "optOutKeywords",
        "HELP_KEYWORDS" => "helpKeywords",
        "PRIVACY_POLICY_URL" => "privacyPolicyUrl",
        "TERMS_AND_CONDITIONS_URL" => "termsAndConditionsUrl",
        "AGE_GATED" => "ageGated",
        "DIRECT_LENDING" => "directLending",
        s if s.starts_with("MESSAGE_SAMPLE") || s.starts_with("SAMPLE") => "messageSamples",
        _ => return None,
    })
}

/// Whether a message contains a web link: a scheme, `www.`, or a word ending in a common
/// top-level domain (with or without a path).
pub fn has_link(text: &str) -> bool {
    const DOMAINS: [&str; 14] = [
        "com", "net", "org", "io", "co", "us", "ly", "info", "biz", "app", "me", "link", "gl",
        "site",
    ];
    let lower = text.to_lowercase();
    if lower.contains("://") || lower.contains("www.") {
        return true;
    }
    lower.split_whitespace().any(|word| {
        let host = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .split('/')
            .next()
            .unwrap_or("");
        let mut labels = host.rsplit('.');
        let tld = labels.next().unwrap_or("");
        let name = labels.next().unwrap_or("");
        !name.is_empty()
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && DOMAINS.contains(&tld)
    })
}

/// Whether a message contains a phone number: ten digits or more written together,
/// possibly with spaces, dashes, dots, brackets or a leading +. A group ended by `:` is a
/// time of day (`10:30`), so a date and time is not taken for a number.
pub fn has_phone_number(text: &str) -> bool {
    let mut groups: Vec<usize> = Vec::new();
    let mut current = 0_usize;
    for c in text.chars().chain(std::iter::once('\n')) {
        if c.is_ascii_digit() {
            current = current.saturating_add(1);
            continue;
        }
        if current > 0 {
            groups.push(current);
            current = 0;
        }
        if matches!(c, ' ' | '-' | '.' | '(' | ')' | '+') {
            continue;
        }
        if c == ':' {
            groups.pop();
        }
        if groups.iter().sum::<usize>() >= 10 {
            return true;
        }
        groups.clear();
    }
    false
}

#[cfg(test)]
#[path = "campaign_form_tests.rs"]
mod tests;
