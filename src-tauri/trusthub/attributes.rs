//! The `Attributes` of an end user or document: each field checked as Twilio would check
//! it, before anything is sent, and the edits merged into the whole object Twilio holds
//! (Twilio replaces `Attributes` whole: sending only the changed keys would erase the rest).

use serde_json::{Map, Value};

use super::choices::{self, FieldKind};
use super::validate::{self, FieldError};

/// The values of a field entered as several: a list, or text split on new lines and commas.
fn many(value: &Value) -> Vec<String> {
    let items: Vec<String> = match value {
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        Value::String(s) => s.split(['\n', ',']).map(str::to_owned).collect(),
        _ => Vec::new(),
    };
    items
        .into_iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Checks one field's new value and makes it what Twilio keeps. `label` names the field
/// in messages; an empty required field is refused, an empty optional one kept empty.
pub fn check_field(machine_name: &str, label: &str, value: &Value) -> Result<Value, FieldError> {
    let (kind, accepted) = choices::field(machine_name);
    let text = match value {
        Value::String(s) => s.trim().to_owned(),
        Value::Null => String::new(),
        Value::Number(n) => n.to_string(),
        _ if matches!(
            kind,
            FieldKind::Choices | FieldKind::UrlLines | FieldKind::Addresses
        ) =>
        {
            String::new()
        }
        _ => {
            return Err(FieldError::new(
                machine_name,
                format!("The {label} must be text."),
            ))
        }
    };
    let list = many(value);
    let empty = match kind {
        FieldKind::Choices | FieldKind::UrlLines | FieldKind::Addresses => list.is_empty(),
        _ => text.is_empty(),
    };
    if empty {
        return if choices::optional(machine_name) {
            Ok(Value::String(String::new()))
        } else {
            Err(FieldError::new(
                machine_name,
                format!("Enter the {label}; Twilio needs it."),
            ))
        };
    }
    if text.chars().count() > 500 {
        return Err(FieldError::new(
            machine_name,
            format!("The {label} is longer than Twilio keeps (500 characters)."),
        ));
    }
    Ok(match kind {
        FieldKind::Text => Value::String(text),
        FieldKind::Email => Value::String(validate::email_in(machine_name, &text)?),
        FieldKind::Url => Value::String(validate::web_address(machine_name, &text)?),
        FieldKind::Phone => Value::String(validate::phone_number(machine_name, &text)?),
        FieldKind::CallerName => match crate::trusthub::voice_numbers::cnam_name_problem(&text) {
            None => Value::String(text),
            Some(problem) => return Err(FieldError::new(machine_name, problem)),
        },
        FieldKind::Choice => {
            if !choices::accepts(machine_name, &text) {
                return Err(FieldError::new(
                    machine_name,
                    format!("Choose the {label} from the list."),
                ));
            }
            Value::String(text)
        }
        FieldKind::Choices => {
            if let Some(bad) = list
                .iter()
                .find(|v| !accepted.iter().any(|c| c.value == v.as_str()))
            {
                return Err(FieldError::new(
                    machine_name,
                    format!("{bad:?} is not one of the choices for the {label}."),
                ));
            }
            Value::String(list.join(","))
        }
        FieldKind::UrlLines => {
            let urls = list
                .iter()
                .map(|u| validate::web_address(machine_name, u))
                .collect::<Result<Vec<_>, _>>()?;
            Value::String(urls.join(","))
        }
        FieldKind::Addresses => {
            let sids = list
                .iter()
                .map(|s| validate::sid(machine_name, s, "AD", "address SID"))
                .collect::<Result<Vec<_>, _>>()?;
            Value::Array(sids.into_iter().map(Value::String).collect())
        }
    })
}

/// The whole object to send: what Twilio holds, with each changed field checked and put
/// in. `labels` gives each field's words; a field it does not name is labelled by its name.
pub fn merged(
    stored: &Map<String, Value>,
    changes: &Map<String, Value>,
    labels: &dyn Fn(&str) -> String,
) -> Result<Map<String, Value>, FieldError> {
    let mut whole = stored.clone();
    for (name, value) in changes {
        if name.is_empty() || name.len() > 100 {
            return Err(FieldError::new(
                "attributes",
                "A field name sent is not one Twilio knows.",
            ));
        }
        whole.insert(name.clone(), check_field(name, &labels(name), value)?);
    }
    Ok(whole)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn label(name: &str) -> String {
        name.replace('_', " ")
    }

    #[test]
    fn the_edits_are_merged_into_the_whole_object() {
        let stored = json!({"first_name": "Jordan", "last_name": "Rivera", "email": "j@acme.example", "phone_number": "555-0100"});
        let changes = json!({"phone_number": "+1 (415) 555-0100"});
        let whole = merged(
            stored.as_object().unwrap(),
            changes.as_object().unwrap(),
            &label,
        )
        .unwrap();
        assert_eq!(
            Value::Object(whole),
            json!({"first_name": "Jordan", "last_name": "Rivera", "email": "j@acme.example", "phone_number": "+14155550100"}),
            "every other field kept as Twilio holds it; the phone in international form"
        );
    }

    #[test]
    fn each_kind_of_field_is_checked_as_twilio_would() {
        let bad = [
            ("email", json!("not-an-address")),
            ("website_url", json!("acme dot com")),
            ("phone_number", json!("555-0100")),
            ("business_type", json!("LLC")),
            (
                "business_regions_of_operation",
                json!(["USA_AND_CANADA", "MOON"]),
            ),
            (
                "social_media_profile_urls",
                json!("https://x.example.com\nnot a url"),
            ),
            ("first_name", json!("")),
            ("business_name", json!("   ")),
            ("address_sids", json!(["AD123"])),
        ];
        for (field, value) in bad {
            let e = check_field(field, &label(field), &value).unwrap_err();
            assert_eq!(e.field, field);
            assert!(e.message.ends_with('.'), "{}", e.message);
        }
        assert_eq!(
            check_field(
                "business_regions_of_operation",
                "regions",
                &json!(["USA_AND_CANADA", "EUROPE"])
            )
            .unwrap(),
            json!("USA_AND_CANADA,EUROPE")
        );
        assert_eq!(
            check_field(
                "social_media_profile_urls",
                "links",
                &json!("https://a.example.com\n\nhttps://b.example.com")
            )
            .unwrap(),
            json!("https://a.example.com,https://b.example.com")
        );
        assert_eq!(
            check_field("social_media_profile_urls", "links", &json!("")).unwrap(),
            json!("")
        );
        assert_eq!(
            check_field(
                "address_sids",
                "address",
                &json!(["AD0123456789abcdef0123456789abcdef"])
            )
            .unwrap(),
            json!(["AD0123456789abcdef0123456789abcdef"])
        );
        assert_eq!(
            check_field("business_name", "name", &json!(r#"{"x": 1}"#)).unwrap(),
            json!(r#"{"x": 1}"#),
            "JSON typed in a free-text field is just text"
        );
    }

    #[test]
    fn a_caller_name_twilio_would_refuse_never_leaves() {
        let field = |v: &str| check_field("cnam_display_name", "caller name", &json!(v));
        assert_eq!(field(" Acme Shop ").unwrap(), json!("Acme Shop"));
        assert_eq!(
            field("Acme Plumbing LLC").unwrap_err().message,
            "Callers see at most 15 characters: shorten the name."
        );
        assert_eq!(
            field("1st Choice").unwrap_err().message,
            "The name must start with a letter."
        );
        assert_eq!(
            field("Acme & Sons").unwrap_err().message,
            "Use only letters, digits, periods, commas and spaces."
        );
    }
}
