//! Twilio's OpenAPI spec (tests/spec/, MIT) as JSON Schemas the tests validate against.

use serde_json::{json, Map, Value};
use std::sync::OnceLock;

pub fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        serde_json::from_str(include_str!("../spec/twilio_trusthub_v1.json")).unwrap()
    })
}

/// The response schema of `method path` for `status`, as a self-contained JSON Schema.
pub fn response_schema(path: &str, method: &str, status: &str) -> Value {
    let op = &spec()["paths"][path][method];
    let schema = &op["responses"][status]["content"]["application/json"]["schema"];
    assert!(
        !schema.is_null(),
        "the spec has no {status} JSON response for {method} {path}"
    );
    to_json_schema(schema)
}

/// The form parameter names the spec defines for `method path`.
pub fn form_parameters(path: &str, method: &str) -> Vec<String> {
    spec()["paths"][path][method]["requestBody"]["content"]["application/x-www-form-urlencoded"]
        ["schema"]["properties"]
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

/// OpenAPI 3.0 to JSON Schema: `$ref`s inlined, `nullable: true` made a `null` type.
fn to_json_schema(schema: &Value) -> Value {
    match schema {
        Value::Object(o) => {
            if let Some(Value::String(r)) = o.get("$ref") {
                let name = r.trim_start_matches("#/components/schemas/");
                return to_json_schema(&spec()["components"]["schemas"][name]);
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
                            .map(|(n, s)| (n.clone(), to_json_schema(s)))
                            .collect();
                        out.insert(k.clone(), Value::Object(props));
                    }
                    _ => {
                        out.insert(k.clone(), to_json_schema(v));
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
        Value::Array(items) => Value::Array(items.iter().map(to_json_schema).collect()),
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
