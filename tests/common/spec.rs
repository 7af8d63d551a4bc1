//! Twilio's OpenAPI specs (tests/spec/, MIT) as JSON Schemas the tests validate against:
//! TrustHub v1, the classic API (2010-04-01) for addresses, numbers and accounts, and
//! Messaging v1 for brands, services and campaigns.

use serde_json::{json, Map, Value};
use std::sync::OnceLock;

pub fn trusthub() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        serde_json::from_str(include_str!("../spec/twilio_trusthub_v1.json")).unwrap()
    })
}

pub fn classic() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        serde_json::from_str(include_str!("../spec/twilio_api_v2010.json")).unwrap()
    })
}

pub fn messaging() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        serde_json::from_str(include_str!("../spec/twilio_messaging_v1.json")).unwrap()
    })
}

/// The spec a path belongs to.
fn spec_of(path: &str) -> &'static Value {
    if path.starts_with("/2010-04-01") {
        classic()
    } else if path.starts_with("/v1/a2p/") || path.starts_with("/v1/Services") {
        messaging()
    } else {
        trusthub()
    }
}

/// The response schema of `method path` for `status`, as a self-contained JSON Schema.
pub fn response_schema(path: &str, method: &str, status: &str) -> Value {
    let spec = spec_of(path);
    let op = &spec["paths"][path][method];
    let schema = &op["responses"][status]["content"]["application/json"]["schema"];
    assert!(
        !schema.is_null(),
        "the spec has no {status} JSON response for {method} {path}"
    );
    to_json_schema(spec, schema)
}

/// The form parameter names the spec defines for `method path`.
pub fn form_parameters(path: &str, method: &str) -> Vec<String> {
    spec_of(path)["paths"][path][method]["requestBody"]["content"]
        ["application/x-www-form-urlencoded"]["schema"]["properties"]
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

/// OpenAPI 3.0 to JSON Schema: `$ref`s inlined, `nullable: true` made a `null` type.
fn to_json_schema(spec: &Value, schema: &Value) -> Value {
    match schema {
        Value::Object(o) => {
            if let Some(Value::String(r)) = o.get("$ref") {
                let name = r.trim_start_matches("#/components/schemas/");
                return to_json_schema(spec, &spec["components"]["schemas"][name]);
            }
            let mut out = Map::new();
            for (k, v) in o {
                match k.as_str() {
                    "nullable" | "x-twilio" | "description" | "example" | "title" => {}
                    "properties" => {
                        let props = v
                            .as_object()
                            .unwrap()
                            .iter()
                            .map(|(n, s)| (n.clone(), to_json_schema(spec, s)))
                            .collect();
                        out.insert(k.clone(), Value::Object(props));
                    }
                    // Twilio's own formats (`phone-number`, `uri-map`, ...) are not JSON Schema's.
                    "format" if !matches!(v.as_str(), Some("date-time" | "uri" | "email")) => {}
                    // The classic API's own examples write its `*_uri` fields as paths.
                    "format" if std::ptr::eq(spec, classic()) && v == "uri" => {
                        out.insert(k.clone(), json!("uri-reference"));
                    }
                    _ => {
                        out.insert(k.clone(), to_json_schema(spec, v));
                    }
                }
            }
            if o.get("nullable") == Some(&Value::Bool(true)) {
                match out.get("type").cloned() {
                    Some(Value::String(t)) => {
                        out.insert("type".into(), json!([t, "null"]));
                    }
                    None => {} // no type: anything, null included
                    _ => {}
                }
                if let Some(Value::Array(values)) = out.get_mut("enum") {
                    values.push(Value::Null);
                }
            }
            Value::Object(out)
        }
        Value::Array(items) => {
            Value::Array(items.iter().map(|i| to_json_schema(spec, i)).collect())
        }
        other => other.clone(),
    }
}

/// Every way `instance` breaks `schema`, as readable lines (empty when it conforms).
pub fn violations(schema: &Value, instance: &Value) -> Vec<String> {
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .unwrap();
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}
