//! Prism serving one of Twilio's OpenAPI specs (tests/spec/) on a free loopback port, for
//! the contract tests. Needs `npm ci` in scripts/ (scripts/test.sh does it).

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Prism {
    child: Child,
    pub base: String,
    /// The spec as Prism reads it (see `with_form_arrays`), kept while Prism runs.
    _spec: tempfile::TempDir,
}

impl Drop for Prism {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Prism serving one of Twilio's specs in tests/spec/. With `errors`, Prism also refuses
/// its own answers when they break the spec; the classic API's examples write their
/// `*_uri` fields as paths, which its schema calls URIs, so there it checks requests only
/// (an invalid request is still answered 422).
pub fn prism_of(spec: &str, errors: bool) -> Prism {
    let root = env!("CARGO_MANIFEST_DIR");
    let bin = format!("{root}/scripts/node_modules/.bin/prism");
    assert!(
        std::path::Path::new(&bin).exists(),
        "Prism is missing: run `npm ci` in scripts/ (scripts/test.sh does)"
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut command = Command::new(bin);
    command.arg("mock");
    if errors {
        command.arg("--errors");
    }
    let dir = tempfile::tempdir().unwrap();
    let served = dir.path().join(spec);
    let text = std::fs::read_to_string(format!("{root}/tests/spec/{spec}")).unwrap();
    let mut document: serde_json::Value = serde_json::from_str(&text).unwrap();
    with_form_arrays(&mut document);
    std::fs::write(&served, serde_json::to_vec(&document).unwrap()).unwrap();
    let child = command
        .args(["-h", "127.0.0.1", "-p", &port.to_string()])
        .arg(&served)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "Prism did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    Prism {
        child,
        base: format!("http://127.0.0.1:{port}"),
        _spec: dir,
    }
}

/// States, for every array in a form body, the encoding OpenAPI gives it by default
/// (`style: form`, `explode: true`: the name repeated, as Twilio takes `MessageSamples`).
/// Twilio's specs leave it to the default; Prism applies none without it and would call
/// every repeated field "not an array". `allowReserved` because Prism, once an encoding is
/// stated, refuses a `:` or `/` in the decoded text (a sample with a link), which the form
/// sends percent-encoded as it must. The schemas themselves are untouched.
fn with_form_arrays(spec: &mut serde_json::Value) {
    let Some(paths) = spec.get_mut("paths").and_then(|p| p.as_object_mut()) else {
        return;
    };
    for operation in paths
        .values_mut()
        .filter_map(|p| p.as_object_mut())
        .flat_map(|p| p.values_mut())
    {
        let Some(form) =
            operation.pointer_mut("/requestBody/content/application~1x-www-form-urlencoded")
        else {
            continue;
        };
        let arrays: Vec<String> = form
            .pointer("/schema/properties")
            .and_then(|p| p.as_object())
            .map(|props| {
                props
                    .iter()
                    .filter(|(_, s)| s.get("type").and_then(|t| t.as_str()) == Some("array"))
                    .map(|(name, _)| name.clone())
                    .collect()
            })
            .unwrap_or_default();
        if arrays.is_empty() {
            continue;
        }
        let encoding: serde_json::Map<String, serde_json::Value> = arrays
            .into_iter()
            .map(|name| {
                (
                    name,
                    serde_json::json!({"style": "form", "explode": true, "allowReserved": true}),
                )
            })
            .collect();
        form["encoding"] = serde_json::Value::Object(encoding);
    }
}
