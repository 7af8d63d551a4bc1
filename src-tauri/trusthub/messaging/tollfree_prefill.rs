//! A toll-free verification's business details taken from an approved Customer-Profile,
//! so the person types only what the profile cannot know (what the texts are for, a
//! sample, how people opt in, the volume).

use super::tollfree_form::TollfreeInput;
use crate::trusthub::models::{Address, CustomerProfile, EndUser};

/// The form for `number`, filled from the profile, its end users and its address.
pub fn prefill(
    number: &str,
    profile: &CustomerProfile,
    end_users: &[EndUser],
    address: Option<&Address>,
) -> TollfreeInput {
    let attr = |kind: &str, key: &str| -> String {
        end_users
            .iter()
            .filter(|u| u.kind.as_deref() == Some(kind))
            .find_map(|u| u.attributes.as_ref()?.get(key)?.as_str().map(str::trim))
            .unwrap_or_default()
            .to_owned()
    };
    let business = |key: &str| attr("customer_profile_business_information", key);
    let rep = |key: &str| attr("authorized_representative_1", key);
    let text = |v: Option<&Option<String>>| v.and_then(|v| v.clone()).unwrap_or_default();
    let country = text(address.map(|a| &a.iso_country));
    let number_given = !business("business_registration_number").is_empty();
    TollfreeInput {
        phone_number_sid: number.to_owned(),
        customer_profile_sid: profile.sid.clone().unwrap_or_default(),
        business_name: business("business_name"),
        business_website: business("website_url"),
        notification_email: profile.email.clone().unwrap_or_default(),
        business_type: business_type(&business("business_type")).to_owned(),
        registration_number: business("business_registration_number"),
        registration_authority: match business("business_registration_identifier").as_str() {
            "EIN" => "EIN".to_owned(),
            _ if number_given => "OTHER".to_owned(),
            _ => String::new(),
        },
        registration_country: if number_given {
            country.clone()
        } else {
            String::new()
        },
        street: text(address.map(|a| &a.street)),
        street2: text(address.map(|a| &a.street_secondary)),
        city: text(address.map(|a| &a.city)),
        region: text(address.map(|a| &a.region)),
        postal_code: text(address.map(|a| &a.postal_code)),
        country,
        contact_first_name: rep("first_name"),
        contact_last_name: rep("last_name"),
        contact_email: rep("email"),
        contact_phone: rep("phone_number"),
        ..TollfreeInput::default()
    }
}

/// The profile's kind of business (TrustHub's words) as the verification's.
fn business_type(profile: &str) -> &'static str {
    match profile {
        "Sole Proprietorship" => "SOLE_PROPRIETOR",
        "Non-profit Corporation" => "NON_PROFIT",
        "" => "",
        _ => "PRIVATE_PROFIT",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_profile_fills_the_business_address_and_contact() {
        let profile = CustomerProfile {
            sid: Some(format!("BU{}", "1".repeat(32))),
            email: Some("compliance@shop.example".into()),
            ..CustomerProfile::default()
        };
        let users = [
            EndUser {
                kind: Some("customer_profile_business_information".into()),
                attributes: Some(
                    json!({"business_name": " Shop ", "website_url": "https://shop.example",
                    "business_type": "Limited Liability Corporation", "business_registration_identifier": "EIN",
                    "business_registration_number": "12-3456789"}),
                ),
                ..EndUser::default()
            },
            EndUser {
                kind: Some("authorized_representative_1".into()),
                attributes: Some(
                    json!({"first_name": "Ada", "last_name": "Lee", "email": "ada@shop.example", "phone_number": "+14155550100"}),
                ),
                ..EndUser::default()
            },
        ];
        let address = Address {
            street: Some("1 Main St".into()),
            city: Some("Austin".into()),
            region: Some("TX".into()),
            postal_code: Some("78701".into()),
            iso_country: Some("US".into()),
            ..Address::default()
        };
        let f = prefill("PN1", &profile, &users, Some(&address));
        assert_eq!(
            (
                f.business_name.as_str(),
                f.business_website.as_str(),
                f.notification_email.as_str()
            ),
            ("Shop", "https://shop.example", "compliance@shop.example")
        );
        assert_eq!(
            (
                f.business_type.as_str(),
                f.registration_authority.as_str(),
                f.registration_country.as_str()
            ),
            ("PRIVATE_PROFIT", "EIN", "US")
        );
        assert_eq!(
            (
                f.street.as_str(),
                f.city.as_str(),
                f.region.as_str(),
                f.postal_code.as_str()
            ),
            ("1 Main St", "Austin", "TX", "78701")
        );
        assert_eq!(
            (f.contact_first_name.as_str(), f.contact_phone.as_str()),
            ("Ada", "+14155550100")
        );
        assert!(f.use_case_categories.is_empty() && f.production_message_sample.is_empty());
        let bare = prefill("PN1", &profile, &[], None);
        assert_eq!(
            (
                bare.business_name.as_str(),
                bare.registration_authority.as_str()
            ),
            ("", "")
        );
    }
}
