//! What Twilio's catalogue holds, as the sandbox serves it: the policies (what each kind
//! of profile or trust product needs), and the end-user and document types with their
//! fields. Shaped after the examples in Twilio's OpenAPI spec and its guides; the SIDs of
//! policies not named there are the sandbox's own.

use serde_json::{json, Value};

use super::data::sid;

/// Twilio's policy of secondary customer profiles (an ISV's customer), as Twilio's guides name it.
pub const SECONDARY_POLICY: &str = "RNdfbf3fae0e1107f8aded0e7cead80bf5";
/// Twilio's policy of starter customer profiles, as the spec's example names it.
pub const STARTER_POLICY: &str = "RN806dd6cd175f314e1f96a9727ee271f4";

/// The sandbox's SID for the primary customer-profile policy (made in Twilio's Console only).
pub fn primary_policy() -> String {
    sid("RN", 1)
}

/// The sandbox's trust-product policies: A2P messaging, SHAKEN/STIR, CNAM, Voice Integrity.
pub fn a2p_policy() -> String {
    sid("RN", 11)
}
pub fn shaken_stir_policy() -> String {
    sid("RN", 12)
}
pub fn cnam_policy() -> String {
    sid("RN", 13)
}
pub fn voice_integrity_policy() -> String {
    sid("RN", 14)
}

/// An end-user or document type: machine name, words, fields (machine name, words, constraint).
pub struct Kind {
    pub machine_name: &'static str,
    pub friendly_name: &'static str,
    pub fields: &'static [(&'static str, &'static str, &'static str)],
}

const BUSINESS_FIELDS: &[(&str, &str, &str)] = &[
    ("business_name", "Business Name", "String"),
    ("business_type", "Business Type", "String"),
    (
        "business_registration_identifier",
        "Business Registration ID Type",
        "String",
    ),
    (
        "business_registration_number",
        "Business Registration Number",
        "String",
    ),
    ("business_identity", "Business Identity", "String"),
    ("business_industry", "Business Industry", "String"),
    ("website_url", "Website URL", "String"),
    (
        "business_regions_of_operation",
        "Business Regions of Operation",
        "String",
    ),
    (
        "social_media_profile_urls",
        "Social Media Profile URLs",
        "String",
    ),
];

const REPRESENTATIVE_FIELDS: &[(&str, &str, &str)] = &[
    ("first_name", "First Name", "String"),
    ("last_name", "Last Name", "String"),
    ("email", "Email", "String"),
    ("phone_number", "Phone Number", "String"),
    ("business_title", "Business Title", "String"),
    ("job_position", "Job Position", "String"),
];

pub const END_USER_TYPES: &[Kind] = &[
    Kind {
        machine_name: "customer_profile_business_information",
        friendly_name: "Business Information",
        fields: BUSINESS_FIELDS,
    },
    Kind {
        machine_name: "authorized_representative_1",
        friendly_name: "Authorized Representative one",
        fields: REPRESENTATIVE_FIELDS,
    },
    Kind {
        machine_name: "authorized_representative_2",
        friendly_name: "Authorized Representative two",
        fields: REPRESENTATIVE_FIELDS,
    },
    Kind {
        machine_name: "starter_customer_profile_information",
        friendly_name: "Starter Customer Profile Information",
        fields: &[
            ("first_name", "First Name", "String"),
            ("last_name", "Last Name", "String"),
            ("email", "Email", "String"),
            ("phone_number", "Phone Number", "String"),
        ],
    },
    Kind {
        machine_name: "us_a2p_messaging_profile_information",
        friendly_name: "US A2P Messaging Profile Information",
        fields: &[
            ("company_type", "Company Type", "String"),
            ("brand_contact_email", "Brand Contact Email", "String"),
        ],
    },
    Kind {
        machine_name: "cnam_information",
        friendly_name: "CNAM Information",
        fields: &[("cnam_display_name", "Caller Name to Display", "String")],
    },
    Kind {
        machine_name: "voice_integrity_information",
        friendly_name: "Voice Integrity Information",
        fields: &[
            ("use_case_description", "What the Calls Are For", "String"),
            ("average_calls_per_day", "Average Calls per Day", "String"),
        ],
    },
];

pub const DOCUMENT_TYPES: &[Kind] = &[
    Kind {
        machine_name: "customer_profile_address",
        friendly_name: "Customer profile address",
        fields: &[("address_sids", "Address Sids", "List")],
    },
    Kind {
        machine_name: "starter_customer_profile_address",
        friendly_name: "Starter customer profile address",
        fields: &[("address_sids", "Address Sids", "List")],
    },
    Kind {
        machine_name: "business_registration",
        friendly_name: "Business registration document",
        fields: &[
            ("business_name", "Business Name", "String"),
            (
                "business_registration_number",
                "Business Registration Number",
                "String",
            ),
        ],
    },
];

pub fn end_user_type(machine_name: &str) -> Option<&'static Kind> {
    END_USER_TYPES
        .iter()
        .find(|k| k.machine_name == machine_name)
}

pub fn document_type(machine_name: &str) -> Option<&'static Kind> {
    DOCUMENT_TYPES
        .iter()
        .find(|k| k.machine_name == machine_name)
}

/// The type as the API renders it; `n` makes its OY SID.
pub fn render_kind(kind: &Kind, n: u64, base: &str, collection: &str) -> Value {
    let fields: Vec<Value> = kind
        .fields
        .iter()
        .map(|(m, f, c)| json!({"machine_name": m, "friendly_name": f, "constraint": c}))
        .collect();
    let oy = sid("OY", n);
    json!({
        "sid": oy,
        "friendly_name": kind.friendly_name,
        "machine_name": kind.machine_name,
        "fields": fields,
        "url": format!("{base}/v1/{collection}/{oy}"),
    })
}

/// Whether a policy is for Trust Products (else Customer-Profiles).
pub fn is_trust_product_policy(policy_sid: &str) -> bool {
    [
        a2p_policy(),
        shaken_stir_policy(),
        cnam_policy(),
        voice_integrity_policy(),
    ]
    .iter()
    .any(|p| p == policy_sid)
}

fn end_user(machine_name: &str, name: &str) -> Value {
    let fields: Vec<&str> = end_user_type(machine_name)
        .map(|k| k.fields.iter().map(|(m, _, _)| *m).collect())
        .unwrap_or_default();
    json!({
        "url": format!("/EndUserTypes/{machine_name}"),
        "fields": fields,
        "type": machine_name,
        "name": name,
        "requirement_name": machine_name,
    })
}

fn document(requirement: &str, name: &str, description: &str, accepted: &[(&str, &str)]) -> Value {
    let accepted: Vec<Value> = accepted
        .iter()
        .map(|(machine_name, doc_name)| {
            let fields: Vec<&str> = document_type(machine_name)
                .map(|k| k.fields.iter().map(|(m, _, _)| *m).collect())
                .unwrap_or_default();
            json!({"url": format!("/SupportingDocumentTypes/{machine_name}"), "fields": fields, "type": machine_name, "name": doc_name})
        })
        .collect();
    json!([{ "description": description, "type": "document", "name": name, "accepted_documents": accepted, "requirement_name": requirement }])
}

fn customer_profile(requirement: &str, name: &str, kind: &str) -> Value {
    json!({"type": kind, "name": name, "requirement_name": requirement})
}

/// Every policy: (SID, friendly name, requirements).
pub fn policies() -> Vec<(String, &'static str, Value)> {
    let address = document(
        "customer_profile_address",
        "Physical Business Address",
        "Customer Profile HQ Physical Address",
        &[("customer_profile_address", "Physical Business Address")],
    );
    let primary_link = customer_profile(
        "primary_customer_profile",
        "Primary Customer Profile",
        "primary_customer_profile_type_business",
    );
    let any_profile = customer_profile(
        "customer_profile",
        "Customer Profile",
        "customer_profile_type_business",
    );
    vec![
        (
            primary_policy(),
            "Primary Customer Profile of type Business",
            json!({
                "end_user": [end_user("customer_profile_business_information", "Business Information"), end_user("authorized_representative_1", "Authorized Representative 1")],
                "supporting_document": [address.clone(), document("business_registration", "Business Registration", "A document that proves the business is registered", &[("business_registration", "Business registration document")])],
                "supporting_trust_products": [],
                "supporting_customer_profiles": [],
            }),
        ),
        (
            SECONDARY_POLICY.to_owned(),
            "Secondary Customer Profile of type Business",
            json!({
                "end_user": [end_user("customer_profile_business_information", "Business Information"), end_user("authorized_representative_1", "Authorized Representative 1")],
                "supporting_document": [address.clone()],
                "supporting_trust_products": [],
                "supporting_customer_profiles": [primary_link.clone()],
            }),
        ),
        (
            STARTER_POLICY.to_owned(),
            "Starter Customer Profile of type Business",
            json!({
                "end_user": [end_user("starter_customer_profile_information", "Information")],
                "supporting_document": [document("customer_profile_address", "Customer Profile Address", "Customer Profile Address", &[("customer_profile_address", "Legal Company Address"), ("starter_customer_profile_address", "Legal Company Address")])],
                "supporting_trust_products": [],
                "supporting_customer_profiles": [primary_link],
            }),
        ),
        (
            a2p_policy(),
            "A2P Messaging Profile",
            json!({
                "end_user": [end_user("us_a2p_messaging_profile_information", "US A2P Messaging Profile Information")],
                "supporting_document": [],
                "supporting_trust_products": [],
                "supporting_customer_profiles": [any_profile.clone()],
            }),
        ),
        (
            shaken_stir_policy(),
            "SHAKEN/STIR Trust Product",
            json!({
                "end_user": [],
                "supporting_document": [],
                "supporting_trust_products": [],
                "supporting_customer_profiles": [any_profile.clone()],
            }),
        ),
        (
            cnam_policy(),
            "CNAM Trust Product",
            json!({
                "end_user": [end_user("cnam_information", "CNAM Information")],
                "supporting_document": [],
                "supporting_trust_products": [],
                "supporting_customer_profiles": [any_profile.clone()],
            }),
        ),
        (
            voice_integrity_policy(),
            "Voice Integrity Trust Product",
            json!({
                "end_user": [end_user("voice_integrity_information", "Voice Integrity Information")],
                "supporting_document": [],
                "supporting_trust_products": [],
                "supporting_customer_profiles": [any_profile],
            }),
        ),
    ]
}

/// One policy's friendly name and requirements.
pub fn policy(policy_sid: &str) -> Option<(&'static str, Value)> {
    policies()
        .into_iter()
        .find(|(s, _, _)| s == policy_sid)
        .map(|(_, name, requirements)| (name, requirements))
}
