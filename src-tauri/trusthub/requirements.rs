//! "What Twilio needs": a profile's policy turned into blocks a person can read and fix.
//! One block per requirement of the policy (business information, each representative,
//! the address, other documents, a linked profile), each with what is assigned to meet it,
//! every field of that in the words Twilio's types give, its value, "missing" where empty,
//! and the latest evaluation's failures placed on the block and field they are about.
//! Nothing here knows one policy from another: another policy's requirements render alike.

use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::HashMap;

use super::choices::{self, Choice, FieldKind};
use super::models::*;
use super::objects::ObjectKind;

/// What a block is met by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    EndUser,
    Document,
    CustomerProfile,
    TrustProduct,
}

/// A failure the evaluation reported: Twilio's reason and code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Failure {
    pub reason: String,
    pub code: Option<i64>,
}

/// A field of a type: how it is entered and in which words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FieldSpec {
    pub machine_name: String,
    pub label: String,
    pub kind: FieldKind,
    pub choices: &'static [Choice],
    pub optional: bool,
}

/// One field of an assigned object: its spec, its value, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FieldValue {
    #[serde(flatten)]
    pub spec: FieldSpec,
    /// As Twilio holds it (text, or a list).
    pub value: Value,
    pub missing: bool,
    pub failure: Option<Failure>,
}

/// A type a block accepts, with its fields (to create one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Accepted {
    pub machine_name: String,
    pub name: String,
    pub fields: Vec<FieldSpec>,
    /// A document that is a file (not an address): uploaded in the Twilio Console.
    pub needs_file: bool,
}

/// An address as a person reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AddressView {
    pub sid: String,
    pub found: bool,
    pub customer_name: Option<String>,
    pub street: Option<String>,
    pub street_secondary: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub postal_code: Option<String>,
    pub iso_country: Option<String>,
    /// When it last changed (RFC 2822, as the classic API writes dates).
    pub date_updated: Option<String>,
}

impl AddressView {
    pub fn of(sid: &str, address: Option<&Address>) -> Self {
        let a = address.cloned().unwrap_or_default();
        Self {
            sid: sid.to_owned(),
            found: address.is_some(),
            customer_name: a.customer_name,
            street: a.street,
            street_secondary: a.street_secondary,
            city: a.city,
            region: a.region,
            postal_code: a.postal_code,
            iso_country: a.iso_country,
            date_updated: a.date_updated,
        }
    }
}

/// What is assigned to meet a block.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AssignedObject {
    pub assignment_sid: Option<String>,
    pub object_sid: String,
    pub friendly_name: Option<String>,
    pub type_name: Option<String>,
    pub type_label: Option<String>,
    /// Documents: Twilio's review state (DRAFT, APPROVED, ...); linked profiles: their status.
    pub status: Option<String>,
    pub needs_file: bool,
    pub fields: Vec<FieldValue>,
    pub addresses: Vec<AddressView>,
    /// Whether Twilio answered for it (a linked profile of another account may not be readable).
    pub readable: bool,
    /// When Twilio last saw it change, and when it was put on this profile: what changed
    /// since a rejection is told from these.
    pub date_updated: Option<String>,
    pub assigned_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Block {
    pub requirement_name: String,
    pub name: String,
    pub kind: BlockKind,
    pub description: Option<String>,
    pub accepted: Vec<Accepted>,
    pub assigned: Vec<AssignedObject>,
    /// `passed`, `failed`, or `unknown` (no evaluation yet).
    pub status: &'static str,
    pub failure: Option<Failure>,
    /// What to do, when the failure has a cause Twilio documents.
    pub advice: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Requirements {
    pub policy_sid: Option<String>,
    pub policy_name: Option<String>,
    pub blocks: Vec<Block>,
    /// The evaluation the failures come from, when there is one.
    pub evaluation_sid: Option<String>,
    pub evaluation_status: Option<String>,
    pub evaluated_at: Option<String>,
    /// Failures of requirements this policy does not list (shown apart, never lost).
    pub other_failures: Vec<Failure>,
}

/// Everything a profile's requirements are built from.
pub struct Sources<'a> {
    pub policy: &'a Policy,
    /// Types by kind and machine name.
    pub types: &'a HashMap<(ObjectKind, String), TypeDefinition>,
    pub assignments: &'a [EntityAssignment],
    /// End users and documents by SID (a document's fields read as an end user's too).
    pub objects: &'a HashMap<String, SupportingDocument>,
    pub addresses: &'a HashMap<String, Address>,
    /// Linked profiles by SID; `None` when Twilio did not answer for one.
    pub linked: &'a HashMap<String, Option<CustomerProfile>>,
    pub evaluation: Option<&'a Evaluation>,
}

fn text<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn list<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    v.get(key).and_then(Value::as_array).into_iter().flatten()
}

/// The machine names a requirement's `fields` lists.
fn field_names(v: &Value) -> Vec<String> {
    list(v, "fields")
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

/// `Business Registration Number` from `business_registration_number`, when no type names it.
fn words_of(machine_name: &str) -> String {
    let spaced = machine_name.replace('_', " ");
    let mut chars = spaced.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn spec(machine_name: &str, definition: Option<&TypeDefinition>) -> FieldSpec {
    let label = definition
        .and_then(|d| d.fields.iter().find(|f| f.machine_name == machine_name))
        .and_then(|f| f.friendly_name.clone())
        .filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| words_of(machine_name));
    let (kind, choices) = choices::field(machine_name);
    FieldSpec {
        machine_name: machine_name.to_owned(),
        label,
        kind,
        choices,
        optional: choices::optional(machine_name),
    }
}

/// Whether a value is empty: no text, or an empty list.
fn is_empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        _ => false,
    }
}

/// The address SIDs a document names (a list, or text).
pub fn address_sids(attributes: Option<&Value>) -> Vec<String> {
    let raw = attributes.and_then(|a| a.get("address_sids"));
    let items: Vec<String> = match raw {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        Some(Value::String(s)) => s.split(',').map(str::to_owned).collect(),
        _ => Vec::new(),
    };
    items
        .into_iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// A document type is a file unless all its fields are address SIDs.
fn needs_file(fields: &[String]) -> bool {
    !fields.is_empty() && fields.iter().any(|f| f != "address_sids")
}

/// The newest of a profile's evaluations. Twilio lists them newest first, and two made in
/// the same second (a check right after a fix) have the same `date_created`: of those, the
/// one listed first is the newer, so a tie never brings back the check before the fix.
pub fn latest(evaluations: Vec<Evaluation>) -> Option<Evaluation> {
    evaluations.into_iter().reduce(|newest, e| {
        if e.date_created > newest.date_created {
            e
        } else {
            newest
        }
    })
}

pub fn build(s: &Sources<'_>) -> Requirements {
    let requirements = s.policy.requirements.clone().unwrap_or(Value::Null);
    let results: Vec<RequirementResult> = s
        .evaluation
        .and_then(|e| e.results.clone())
        .unwrap_or_default();
    let mut used_results = vec![false; results.len()];
    let mut blocks = Vec::new();
    // Each assigned object meets at most one block, in the policy's order.
    let mut taken: Vec<String> = Vec::new();

    let mut find_result = |requirement: &str, types: &[String]| -> Option<RequirementResult> {
        let i = results.iter().position(|r| {
            r.requirement_name.as_deref() == Some(requirement)
                || r.object_type
                    .as_deref()
                    .is_some_and(|t| types.iter().any(|x| x == t))
        })?;
        if let Some(used) = used_results.get_mut(i) {
            *used = true;
        }
        results.get(i).cloned()
    };

    for req in list(&requirements, "end_user") {
        let machine = text(req, "type").unwrap_or_default().to_owned();
        let requirement = text(req, "requirement_name").unwrap_or(&machine).to_owned();
        let definition = s.types.get(&(ObjectKind::EndUser, machine.clone()));
        let names = field_names(req);
        let fields: Vec<FieldSpec> = names.iter().map(|n| spec(n, definition)).collect();
        let assigned = assigned_objects(
            s,
            &mut taken,
            std::slice::from_ref(&machine),
            &fields,
            false,
        );
        let result = find_result(&requirement, std::slice::from_ref(&machine));
        blocks.push(block(
            requirement,
            text(req, "name").unwrap_or(&machine).to_owned(),
            BlockKind::EndUser,
            None,
            vec![Accepted {
                machine_name: machine.clone(),
                name: definition
                    .and_then(|d| d.friendly_name.clone())
                    .unwrap_or_else(|| words_of(&machine)),
                fields,
                needs_file: false,
            }],
            assigned,
            result,
        ));
    }

    for alternatives in list(&requirements, "supporting_document") {
        for req in alternatives.as_array().into_iter().flatten() {
            let requirement = text(req, "requirement_name").unwrap_or_default().to_owned();
            let accepted: Vec<Accepted> = list(req, "accepted_documents")
                .map(|d| {
                    let machine = text(d, "type").unwrap_or_default().to_owned();
                    let definition = s
                        .types
                        .get(&(ObjectKind::SupportingDocument, machine.clone()));
                    let names = field_names(d);
                    Accepted {
                        needs_file: needs_file(&names),
                        fields: names.iter().map(|n| spec(n, definition)).collect(),
                        name: text(d, "name")
                            .map(str::to_owned)
                            .unwrap_or_else(|| words_of(&machine)),
                        machine_name: machine,
                    }
                })
                .collect();
            let types: Vec<String> = accepted.iter().map(|a| a.machine_name.clone()).collect();
            let fields = accepted
                .first()
                .map(|a| a.fields.clone())
                .unwrap_or_default();
            let assigned = assigned_objects(s, &mut taken, &types, &fields, true);
            let result = find_result(&requirement, &types);
            blocks.push(block(
                requirement,
                text(req, "name").unwrap_or("Document").to_owned(),
                BlockKind::Document,
                text(req, "description").map(str::to_owned),
                accepted,
                assigned,
                result,
            ));
        }
    }

    for (key, kind) in [
        ("supporting_customer_profiles", BlockKind::CustomerProfile),
        ("supporting_trust_products", BlockKind::TrustProduct),
    ] {
        for req in list(&requirements, key) {
            let requirement = text(req, "requirement_name").unwrap_or_default().to_owned();
            let machine = text(req, "type").unwrap_or_default().to_owned();
            let assigned: Vec<AssignedObject> = s
                .assignments
                .iter()
                .filter_map(|a| Some((a, a.object_sid.as_deref()?)))
                .filter(|(_, sid)| sid.starts_with("BU") && !taken.iter().any(|t| t == sid))
                .map(|(a, sid)| {
                    let linked = s.linked.get(sid).cloned().flatten();
                    AssignedObject {
                        assignment_sid: a.sid.clone(),
                        object_sid: sid.to_owned(),
                        friendly_name: linked.as_ref().and_then(|p| p.friendly_name.clone()),
                        type_name: Some(machine.clone()),
                        type_label: None,
                        status: linked.as_ref().and_then(|p| p.status.clone()),
                        needs_file: false,
                        fields: Vec::new(),
                        addresses: Vec::new(),
                        readable: linked.is_some(),
                        date_updated: linked.as_ref().and_then(|p| p.date_updated.clone()),
                        assigned_at: a.date_created.clone(),
                    }
                })
                .collect();
            taken.extend(assigned.iter().map(|a| a.object_sid.clone()));
            let result = find_result(&requirement, std::slice::from_ref(&machine));
            blocks.push(block(
                requirement,
                text(req, "name").unwrap_or("Linked profile").to_owned(),
                kind,
                None,
                Vec::new(),
                assigned,
                result,
            ));
        }
    }

    let other_failures = results
        .iter()
        .zip(used_results)
        .filter(|(r, used)| !used && r.passed != Some(true))
        .map(|(r, _)| Failure {
            reason: r.failure_reason.clone().unwrap_or_else(|| {
                format!(
                    "{} failed.",
                    r.requirement_friendly_name
                        .clone()
                        .or_else(|| r.friendly_name.clone())
                        .unwrap_or_else(|| "A requirement".into())
                )
            }),
            code: r.error_code,
        })
        .collect();
    Requirements {
        policy_sid: s.policy.sid.clone(),
        policy_name: s.policy.friendly_name.clone(),
        blocks,
        evaluation_sid: s.evaluation.and_then(|e| e.sid.clone()),
        evaluation_status: s.evaluation.and_then(|e| e.status.clone()),
        evaluated_at: s.evaluation.and_then(|e| e.date_created.clone()),
        other_failures,
    }
}

/// How far a draft got: of the requirements its policy lists, how many have something
/// assigned of their kind (end users, documents, linked profiles, counted by SID prefix:
/// the list needs no request per object).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "DraftProgress"))]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    pub needed: usize,
    pub assigned: usize,
}

pub fn progress(policy: &Policy, assignments: &[EntityAssignment]) -> Progress {
    let requirements = policy.requirements.clone().unwrap_or(Value::Null);
    let count = |prefix: &str| {
        assignments
            .iter()
            .filter(|a| {
                a.object_sid
                    .as_deref()
                    .is_some_and(|s| s.starts_with(prefix))
            })
            .count()
    };
    let documents: usize = list(&requirements, "supporting_document")
        .map(|alternatives| alternatives.as_array().map_or(0, Vec::len))
        .sum();
    let parts = [
        (list(&requirements, "end_user").count(), count("IT")),
        (documents, count("RD")),
        (
            list(&requirements, "supporting_customer_profiles")
                .count()
                .saturating_add(list(&requirements, "supporting_trust_products").count()),
            count("BU"),
        ),
    ];
    Progress {
        needed: parts.iter().map(|(n, _)| n).sum(),
        assigned: parts.iter().map(|(n, have)| (*n).min(*have)).sum(),
    }
}

/// The objects of the given types assigned to the profile, not yet taken by a block.
fn assigned_objects(
    s: &Sources<'_>,
    taken: &mut Vec<String>,
    types: &[String],
    fields: &[FieldSpec],
    documents: bool,
) -> Vec<AssignedObject> {
    let mut out = Vec::new();
    for a in s.assignments {
        let Some(sid) = a.object_sid.as_deref() else {
            continue;
        };
        let prefix_ok = if documents {
            sid.starts_with("RD")
        } else {
            sid.starts_with("IT")
        };
        if !prefix_ok || taken.iter().any(|t| t == sid) {
            continue;
        }
        let object = s.objects.get(sid);
        let type_name = object.and_then(|o| o.kind.clone());
        if object.is_some()
            && !type_name
                .as_deref()
                .is_some_and(|t| types.iter().any(|x| x == t))
        {
            continue;
        }
        let kind = if documents {
            ObjectKind::SupportingDocument
        } else {
            ObjectKind::EndUser
        };
        let definition = type_name
            .as_ref()
            .and_then(|t| s.types.get(&(kind, t.clone())));
        let attributes = object
            .and_then(|o| o.attributes.clone())
            .unwrap_or(Value::Object(Map::new()));
        let values = fields
            .iter()
            .map(|f| {
                let value = attributes
                    .get(&f.machine_name)
                    .cloned()
                    .unwrap_or(Value::Null);
                FieldValue {
                    missing: is_empty(Some(&value)) && !f.optional,
                    spec: f.clone(),
                    value,
                    failure: None,
                }
            })
            .collect();
        let names: Vec<String> = fields.iter().map(|f| f.machine_name.clone()).collect();
        let addresses = address_sids(Some(&attributes))
            .iter()
            .map(|ad| AddressView::of(ad, s.addresses.get(ad)))
            .collect();
        taken.push(sid.to_owned());
        out.push(AssignedObject {
            assignment_sid: a.sid.clone(),
            object_sid: sid.to_owned(),
            friendly_name: object.and_then(|o| o.friendly_name.clone()),
            type_label: definition.and_then(|d| d.friendly_name.clone()),
            type_name,
            status: object.and_then(|o| o.status.clone()),
            needs_file: documents && needs_file(&names),
            fields: values,
            addresses,
            readable: object.is_some(),
            date_updated: object.and_then(|o| o.date_updated.clone()),
            assigned_at: a.date_created.clone(),
        });
        // One object meets one requirement.
        break;
    }
    out
}

fn block(
    requirement_name: String,
    name: String,
    kind: BlockKind,
    description: Option<String>,
    accepted: Vec<Accepted>,
    mut assigned: Vec<AssignedObject>,
    result: Option<RequirementResult>,
) -> Block {
    let mut failure = None;
    let status = match &result {
        None => "unknown",
        Some(r) if r.passed == Some(true) => "passed",
        Some(r) => {
            failure = Some(Failure {
                reason: r
                    .failure_reason
                    .clone()
                    .unwrap_or_else(|| format!("{name} does not meet Twilio's requirement.")),
                code: r.error_code,
            });
            "failed"
        }
    };
    // Each field's failure stands beside that field.
    if let Some(r) = &result {
        for bad in r.invalid.iter().flatten() {
            let Some(field) = bad.object_field.as_deref() else {
                continue;
            };
            let reason = bad.failure_reason.clone().unwrap_or_else(|| {
                format!(
                    "{} is not valid.",
                    bad.friendly_name.clone().unwrap_or_else(|| words_of(field))
                )
            });
            if let Some(target) = assigned
                .first_mut()
                .and_then(|o| o.fields.iter_mut().find(|f| f.spec.machine_name == field))
            {
                target.failure = Some(Failure {
                    reason,
                    code: bad.error_code,
                });
            }
        }
    }
    let advice = (status == "failed")
        .then(|| advice(kind, &requirement_name, &assigned))
        .flatten();
    Block {
        requirement_name,
        name,
        kind,
        description,
        accepted,
        assigned,
        status,
        failure,
        advice,
    }
}

/// What to do about a linked profile Twilio did not accept, when the cause is one Twilio
/// documents: a primary profile that is approved but not marked as an ISV reseller or
/// partner cannot have secondary profiles; a profile still a draft supports nothing.
fn advice(kind: BlockKind, requirement: &str, assigned: &[AssignedObject]) -> Option<&'static str> {
    if kind != BlockKind::CustomerProfile {
        return None;
    }
    let status = |o: &AssignedObject| o.status.as_deref().unwrap_or_default().to_lowercase();
    let approved = assigned
        .iter()
        .any(|o| matches!(status(o).as_str(), "twilio-approved" | "approved"));
    let unfinished = assigned
        .iter()
        .any(|o| matches!(status(o).as_str(), "draft" | "twilio-rejected" | "rejected"));
    if requirement.starts_with("primary") && approved {
        Some("Twilio accepts secondary profiles only under a primary profile marked as an ISV reseller or partner. In the Twilio Console, set the primary profile's Business Identity to “ISV reseller or partner” (Twilio reviews that change), or link another primary profile.")
    } else if unfinished {
        Some("The linked profile is not approved or submitted yet. Submit it for review first (Twilio must approve a primary profile), then check again.")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse<T: serde::de::DeserializeOwned>(v: Value) -> T {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn failures_are_placed_on_their_block_and_field_and_nothing_is_per_policy() {
        let policy: Policy = parse(
            json!({"sid": "RN1", "friendly_name": "Any policy", "requirements": {
                "end_user": [{"type": "widget_owner", "name": "Widget Owner", "requirement_name": "widget_owner", "fields": ["full_name", "phone_number"]}],
                "supporting_document": [[{"name": "Address", "requirement_name": "addr", "accepted_documents": [{"type": "customer_profile_address", "name": "Address", "fields": ["address_sids"]}]}]],
                "supporting_customer_profiles": [{"type": "primary", "name": "Primary Profile", "requirement_name": "primary_customer_profile"}]
            }}),
        );
        let mut types = HashMap::new();
        types.insert(
            (ObjectKind::EndUser, "widget_owner".to_owned()),
            parse::<TypeDefinition>(json!({"machine_name": "widget_owner", "friendly_name": "Owner", "fields": [{"machine_name": "full_name", "friendly_name": "Full Name", "constraint": "String"}, "odd entry"]})),
        );
        let assignments: Vec<EntityAssignment> = parse(json!([
            {"sid": "BV1", "object_sid": "IT1"},
            {"sid": "BV2", "object_sid": "BU9"}
        ]));
        let mut objects = HashMap::new();
        objects.insert("IT1".to_owned(), parse::<SupportingDocument>(json!({"sid": "IT1", "type": "widget_owner", "friendly_name": "Sam", "attributes": {"full_name": "Sam", "phone_number": "555"}})));
        let evaluation: Evaluation = parse(
            json!({"sid": "EL1", "status": "noncompliant", "results": [
                {"requirement_name": "widget_owner", "passed": false, "failure_reason": "Owner incomplete", "error_code": 22216,
                 "invalid": [{"object_field": "phone_number", "failure_reason": "The phone number is not E.164", "error_code": 22216}]},
                {"requirement_name": "addr", "passed": false, "failure_reason": "Address missing", "error_code": 22214},
                {"requirement_name": "primary_customer_profile", "passed": true},
                {"requirement_name": "something_else", "passed": false, "failure_reason": "Unlisted", "error_code": 1}
            ]}),
        );
        let linked = HashMap::from([("BU9".to_owned(), None)]);
        let r = build(&Sources {
            policy: &policy,
            types: &types,
            assignments: &assignments,
            objects: &objects,
            addresses: &HashMap::new(),
            linked: &linked,
            evaluation: Some(&evaluation),
        });
        assert_eq!(r.blocks.len(), 3);
        let owner = &r.blocks[0];
        assert_eq!(owner.status, "failed");
        assert_eq!(
            owner.accepted[0].fields[0].label, "Full Name",
            "the type's words"
        );
        assert_eq!(
            owner.accepted[0].fields[1].label, "Phone number",
            "words made from the machine name"
        );
        let phone = &owner.assigned[0].fields[1];
        assert_eq!(
            phone.failure.as_ref().unwrap().reason,
            "The phone number is not E.164"
        );
        assert!(owner.assigned[0].fields[0].failure.is_none());
        let address = &r.blocks[1];
        assert!(address.assigned.is_empty());
        assert_eq!(address.failure.as_ref().unwrap().code, Some(22214));
        let primary = &r.blocks[2];
        assert_eq!(primary.status, "passed");
        assert!(
            !primary.assigned[0].readable,
            "another account's profile shows as such"
        );
        assert_eq!(
            r.other_failures.len(),
            1,
            "a failure of a requirement the policy does not list is kept"
        );
    }

    fn secondary_policy() -> Policy {
        parse(json!({"sid": "RN1", "requirements": {
            "end_user": [
                {"type": "customer_profile_business_information", "name": "Business", "requirement_name": "business", "fields": ["business_name"]},
                {"type": "authorized_representative_1", "name": "Representative", "requirement_name": "rep", "fields": ["first_name"]}
            ],
            "supporting_document": [[{"name": "Address", "requirement_name": "addr", "accepted_documents": [{"type": "customer_profile_address", "fields": ["address_sids"]}]}]],
            "supporting_customer_profiles": [{"type": "primary", "name": "Primary Profile", "requirement_name": "primary_customer_profile"}]
        }}))
    }

    #[test]
    fn progress_counts_each_requirement_once_by_what_is_assigned_to_it() {
        let policy = secondary_policy();
        let none = progress(&policy, &[]);
        assert_eq!(
            none,
            Progress {
                needed: 4,
                assigned: 0
            }
        );
        // Three end users fill the two end-user requirements, not three; no document yet.
        let assignments: Vec<EntityAssignment> = parse(json!([
            {"object_sid": "IT1"}, {"object_sid": "IT2"}, {"object_sid": "IT3"},
            {"object_sid": "BU9"}, {"object_sid": null}, {"object_sid": "PN1"}
        ]));
        assert_eq!(
            progress(&policy, &assignments),
            Progress {
                needed: 4,
                assigned: 3
            }
        );
        let empty: Policy = parse(json!({"sid": "RN2"}));
        assert_eq!(progress(&empty, &assignments).needed, 0);
    }

    /// The refusal Twilio documents for a secondary profile's primary is explained by what
    /// the linked profile is: approved (so not an ISV reseller), or not approved yet.
    #[test]
    fn a_failed_link_is_explained_by_the_linked_profiles_status() {
        let policy = secondary_policy();
        let assignments: Vec<EntityAssignment> =
            parse(json!([{"sid": "BV1", "object_sid": "BU9"}]));
        let failed: Evaluation = parse(json!({"sid": "EL1", "status": "noncompliant", "results": [
            {"requirement_name": "primary_customer_profile", "passed": false, "failure_reason": "Not an ISV", "error_code": 22219}
        ]}));
        let advice_for = |status: &str, evaluation: &Evaluation| {
            let linked = HashMap::from([(
                "BU9".to_owned(),
                Some(parse::<CustomerProfile>(
                    json!({"sid": "BU9", "status": status}),
                )),
            )]);
            let r = build(&Sources {
                policy: &policy,
                types: &HashMap::new(),
                assignments: &assignments,
                objects: &HashMap::new(),
                addresses: &HashMap::new(),
                linked: &linked,
                evaluation: Some(evaluation),
            });
            let block = r
                .blocks
                .into_iter()
                .find(|b| b.requirement_name == "primary_customer_profile")
                .unwrap();
            block.advice
        };
        let isv = advice_for("twilio-approved", &failed).unwrap();
        assert!(isv.contains("ISV reseller or partner"), "{isv}");
        let draft = advice_for("draft", &failed).unwrap();
        assert!(draft.starts_with("The linked profile is not approved or submitted yet."));
        assert_eq!(advice_for("in-review", &failed), None);
        let passed: Evaluation = parse(json!({"sid": "EL2", "status": "compliant", "results": [
            {"requirement_name": "primary_customer_profile", "passed": true}
        ]}));
        assert_eq!(
            advice_for("twilio-approved", &passed),
            None,
            "no advice without a failure"
        );
    }

    #[test]
    fn the_latest_evaluation_is_the_newest_and_of_two_in_the_same_second_the_first_listed() {
        let e = |sid: &str, at: &str| -> Evaluation {
            parse(json!({"sid": sid, "status": "noncompliant", "date_created": at}))
        };
        let listed = vec![
            e("EL3", "2026-01-02T10:00:05Z"),
            e("EL2", "2026-01-02T10:00:05Z"),
            e("EL1", "2026-01-02T09:00:00Z"),
        ];
        assert_eq!(latest(listed).unwrap().sid.as_deref(), Some("EL3"));
        let unordered = vec![
            e("EL1", "2026-01-02T09:00:00Z"),
            e("EL4", "2026-01-03T00:00:00Z"),
        ];
        assert_eq!(latest(unordered).unwrap().sid.as_deref(), Some("EL4"));
        assert!(latest(Vec::new()).is_none());
    }
}
