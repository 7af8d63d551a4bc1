//! Twilio's reasons a brand or campaign was not approved, as the window shows them: each
//! code's meaning and what to change (`codes.rs`), Twilio's own words under it, its page,
//! and the form fields it is about, so a campaign's reason sits beside its field.

use serde::Serialize;

use super::campaign_form::form_field;
use super::models::RegistrationError;
use crate::trusthub::codes;

/// The most reasons shown for one record: a server may send any number.
const MOST: usize = 20;

/// One reason, ready to show.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    pub code: Option<i64>,
    /// What it means and what to change, in plain words.
    pub words: String,
    /// Twilio's own sentence, when it adds to the words above.
    pub twilio_words: Option<String>,
    /// Twilio's page about it (opened only if it is on twilio.com).
    pub more_info: Option<String>,
    /// The campaign form's fields it is about (`messageFlow`, …); empty for a brand.
    pub fields: Vec<String>,
}

/// The reasons of `errors`, in Twilio's order, the same code and fields said once.
pub fn reasons(errors: Option<&[RegistrationError]>) -> Vec<Reason> {
    let mut out: Vec<Reason> = Vec::new();
    for e in errors.unwrap_or_default() {
        if out.len() >= MOST {
            break;
        }
        let twilio = e
            .description
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty());
        let words = match (e.error_code.and_then(codes::meaning), e.error_code) {
            (Some(meaning), _) => meaning.to_owned(),
            (None, Some(code)) => format!("Twilio gave error {code}. Its explanation is below; “More about this error” opens Twilio's page about it."),
            (None, None) => "Twilio gave no code for this. Its explanation is below.".to_owned(),
        };
        let mut fields: Vec<String> = Vec::new();
        for f in e.fields.as_deref().unwrap_or_default() {
            if let Some(field) = form_field(f) {
                if !fields.iter().any(|k| k == field) {
                    fields.push(field.to_owned());
                }
            }
        }
        let reason = Reason {
            code: e.error_code,
            words,
            twilio_words: twilio.map(str::to_owned),
            more_info: e.url.clone().or_else(|| {
                e.error_code
                    .map(|c| format!("https://www.twilio.com/docs/api/errors/{c}"))
            }),
            fields,
        };
        if !out.iter().any(|r| {
            r.code == reason.code
                && r.fields == reason.fields
                && r.twilio_words == reason.twilio_words
        }) {
            out.push(reason);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(code: Option<i64>, text: &str, fields: &[&str]) -> RegistrationError {
        RegistrationError {
            error_code: code,
            description: Some(text.to_owned()),
            fields: Some(fields.iter().map(|f| (*f).to_owned()).collect()),
            url: None,
        }
    }

    #[test]
    fn a_known_code_is_explained_and_placed_at_its_field() {
        let r = reasons(Some(&[error(
            Some(30909),
            "CTA cannot be verified",
            &["MESSAGE_FLOW", "message_flow"],
        )]));
        assert_eq!(r.len(), 1);
        assert!(r[0]
            .words
            .starts_with("Twilio could not verify how people opt in."));
        assert_eq!(r[0].twilio_words.as_deref(), Some("CTA cannot be verified"));
        assert_eq!(r[0].fields, ["messageFlow"]);
        assert_eq!(
            r[0].more_info.as_deref(),
            Some("https://www.twilio.com/docs/api/errors/30909")
        );
    }

    #[test]
    fn an_unknown_code_keeps_twilios_words_and_link() {
        let mut e = error(Some(39999), "something new", &["SOMETHING_NEW"]);
        e.url = Some("https://www.twilio.com/docs/errors/39999".into());
        let r = reasons(Some(&[e]));
        assert_eq!(r[0].words, "Twilio gave error 39999. Its explanation is below; “More about this error” opens Twilio's page about it.");
        assert_eq!(r[0].twilio_words.as_deref(), Some("something new"));
        assert!(r[0].fields.is_empty(), "an unknown field is not guessed");
        assert_eq!(
            r[0].more_info.as_deref(),
            Some("https://www.twilio.com/docs/errors/39999")
        );
    }

    #[test]
    fn repeats_and_floods_are_cut() {
        let same = error(Some(30909), "x", &["MESSAGE_FLOW"]);
        assert_eq!(reasons(Some(&[same.clone(), same])).len(), 1);
        let many: Vec<RegistrationError> = (0..500)
            .map(|i| error(Some(i), &format!("reason {i}"), &[]))
            .collect();
        assert_eq!(reasons(Some(&many)).len(), MOST);
        assert!(reasons(None).is_empty());
        let blank = error(None, "  ", &[]);
        let r = reasons(Some(&[blank]));
        assert_eq!(r[0].twilio_words, None);
        assert_eq!(r[0].more_info, None);
    }
}
