//! The shapes the window receives and sends, declared once: `ui/types/commands.d.ts` is
//! made from the Rust types here (with `ts-rs`), so the window's type check fails on a
//! field renamed on either side. The tests also hold `ui/js/api.js` to the answer type of
//! each command. After changing a type: `TRUSTHUB_DESK_WRITE_TYPES=1 cargo test --lib
//! window_types` writes the file again.

use std::any::TypeId;
use std::collections::BTreeMap;
use ts_rs::{Config, Dependency, TypeVisitor, TS};

use super::{
    campaigns, credentials, drafts, error, export, history, objects, overview, texting, updates,
    watch, ALL,
};
use crate::trusthub::{models, requirements};

const TYPES_FILE: &str = "ui/types/commands.d.ts";

/// Every type the window's code may name: what the commands answer and take, and the
/// payloads of the app's events. Their dependencies come along by themselves.
fn roots(v: &mut Declarations) {
    v.visit::<crate::state::ConnectionStatus>();
    v.visit::<credentials::CredentialInput>();
    v.visit::<error::UiError>();
    v.visit::<models::Page<models::CustomerProfile>>();
    v.visit::<models::Listing<models::EntityAssignment>>();
    v.visit::<models::Listing<models::ChannelEndpointAssignment>>();
    v.visit::<models::Listing<models::SupportingDocument>>();
    v.visit::<models::Listing<models::Address>>();
    v.visit::<models::Listing<models::PhoneNumber>>();
    v.visit::<models::Page<models::Evaluation>>();
    v.visit::<models::ProfileFilter>();
    v.visit::<models::ProfileUpdate>();
    v.visit::<models::NewBundle>();
    v.visit::<models::Policy>();
    v.visit::<models::EndUser>();
    v.visit::<models::AddressInput>();
    v.visit::<models::AddressUpdate>();
    v.visit::<models::ProfileStatus>();
    v.visit::<crate::trusthub::policies::PolicyChoice>();
    v.visit::<crate::trusthub::objects::ObjectKind>();
    v.visit::<requirements::Requirements>();
    v.visit::<requirements::Progress>();
    v.visit::<drafts::CopyInput>();
    v.visit::<drafts::Copied>();
    v.visit::<drafts::Deleted>();
    v.visit::<drafts::PrimaryCheck>();
    v.visit::<crate::trusthub::drafts::Leftovers>();
    v.visit::<objects::AssignTo>();
    v.visit::<objects::Created>();
    v.visit::<overview::Overview>();
    v.visit::<overview::PhoneSearchAccount>();
    v.visit::<overview::PhoneSearch>();
    v.visit::<history::Line>();
    v.visit::<crate::history::OpenNote>();
    v.visit::<crate::watch::Settings>();
    v.visit::<crate::watch::WatchedKind>();
    v.visit::<export::OverviewLine>();
    v.visit::<crate::trusthub::messaging::view::TextingView>();
    v.visit::<crate::trusthub::messaging::models::BrandInput>();
    v.visit::<texting::BrandMade>();
    v.visit::<crate::trusthub::messaging::summary::TextingSummary>();
    v.visit::<texting::VettingLine>();
    v.visit::<campaigns::ServicePick>();
    v.visit::<campaigns::CampaignStart>();
    v.visit::<campaigns::FieldProblem>();
    v.visit::<crate::trusthub::messaging::campaign_form::CampaignInput>();
    v.visit::<campaigns::CampaignMade>();
    v.visit::<campaigns::CampaignDraft>();
    v.visit::<campaigns::NumbersChanged>();
    v.visit::<super::tollfree::TollfreeView>();
    v.visit::<crate::trusthub::messaging::tollfree_form::TollfreeInput>();
    v.visit::<super::tollfree::TollfreeMade>();
    v.visit::<super::voice::VoiceNumbersView>();
    v.visit::<super::voice::VoiceApplied>();
    v.visit::<updates::About>();
    v.visit::<updates::UpdateCheck>();
    for (_, _, visit) in events() {
        visit(v);
    }
}

/// An event's name, its payload's name in TypeScript, and how to declare that payload.
type Event = (&'static str, String, fn(&mut Declarations));

/// Each event the window listens to, with its payload.
fn events() -> Vec<Event> {
    fn of<T: TS + 'static>() -> (String, fn(&mut Declarations)) {
        (T::name(&config()), |v| v.visit::<T>())
    }
    let entry = |name: &'static str, (ty, visit): (String, fn(&mut Declarations))| -> Event {
        (name, ty, visit)
    };
    vec![
        entry(overview::PROGRESS_EVENT, of::<overview::Progress>()),
        entry(updates::PROGRESS_EVENT, of::<updates::Progress>()),
        entry(super::voice::PROGRESS_EVENT, of::<super::voice::Progress>()),
        entry(watch::DECISION_EVENT, of::<crate::watch::Decision>()),
        entry(watch::NOTICE_EVENT, of::<String>()),
        entry(watch::OPEN_EVENT, of::<watch::Target>()),
        entry(crate::INTERNAL_ERROR_EVENT, of::<error::UiError>()),
    ]
}

fn config() -> Config {
    // Twilio's codes and counts are far below 2^53: numbers, not bigints.
    Config::new().with_large_int("number")
}

/// The declaration of every type visited, by its name in TypeScript; two Rust types that
/// would take the same name are refused (a `ts(rename)` tells them apart).
#[derive(Default)]
struct Declarations {
    by_name: BTreeMap<String, (TypeId, String)>,
    /// Each Rust type's whole path (`trusthub_desk::trusthub::requirements::Progress`) and
    /// its name in TypeScript.
    rust_names: Vec<(String, String)>,
}

impl TypeVisitor for Declarations {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        let cfg = config();
        if Dependency::from_ty::<T>(&cfg).is_none() {
            // Not a type of its own (a string, a list, an option): what it holds may be.
            T::visit_generics(self);
            return;
        }
        let name = T::ident(&cfg);
        let id = TypeId::of::<T::WithoutGenerics>();
        if let Some((seen, _)) = self.by_name.get(&name) {
            assert_eq!(
                *seen, id,
                "two Rust types are called {name} in TypeScript: rename one with ts(rename)"
            );
            T::visit_generics(self);
            return;
        }
        let decl = T::WithoutGenerics::decl(&cfg);
        let rust = std::any::type_name::<T::WithoutGenerics>();
        let path = rust.split('<').next().unwrap_or(rust).to_owned();
        self.rust_names.push((path, name.clone()));
        self.by_name.insert(name, (id, decl));
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

fn declarations() -> Declarations {
    let mut d = Declarations::default();
    roots(&mut d);
    d
}

/// The whole file, as it must be.
fn expected_file() -> String {
    let d = declarations();
    let mut out = String::from(
        "// The shapes the window receives from the app and sends to it, made from the Rust types\n\
         // by src-tauri/commands/window_types.rs. Do not edit: after changing a type, run\n\
         // TRUSTHUB_DESK_WRITE_TYPES=1 cargo test --lib window_types\n",
    );
    for (_, decl) in d.by_name.values() {
        out.push('\n');
        out.push_str("export ");
        out.push_str(decl.trim_end());
        out.push('\n');
    }
    out.push_str("\n/** The payload of each event the app sends the window. */\nexport type EventPayloads = {\n");
    for (event, ty, _) in events() {
        out.push_str(&format!("  \"{event}\": {ty};\n"));
    }
    out.push_str("};\n");
    out
}

fn repo_file(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn the_window_types_are_made_from_the_rust_types() {
    let expected = expected_file();
    let path = repo_file(TYPES_FILE);
    if std::env::var_os("TRUSTHUB_DESK_WRITE_TYPES").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "{TYPES_FILE} is not what the Rust types say: run \
         TRUSTHUB_DESK_WRITE_TYPES=1 cargo test --lib window_types, then fix what the \
         window's type check (npm --prefix scripts run typecheck) finds"
    );
}

/// The TypeScript name of the Rust type `short` as the command source `source` names it:
/// of the types so called, the one it defines or imports.
fn ts_name(short: &str, source: &str, paths: &[(String, String)]) -> Option<String> {
    let candidates: Vec<&(String, String)> = paths
        .iter()
        .filter(|(path, _)| path.rsplit("::").next() == Some(short))
        .collect();
    if let [(_, only)] = candidates.as_slice() {
        return Some(only.clone());
    }
    candidates
        .into_iter()
        .find(|(path, _)| {
            let module = path
                .split_once("::")
                .map_or("", |(_, rest)| rest)
                .rsplit_once("::")
                .map_or("", |(module, _)| module);
            source.contains(&format!("struct {short} "))
                || source.contains(&format!("use crate::{module}::"))
        })
        .map(|(_, ts)| ts.clone())
}

/// The answer type of a command as its Rust source says it, in TypeScript:
/// `Answer<Page<CustomerProfile>>` becomes `Page<CustomerProfile>`.
fn rust_to_ts(rust: &str, names: &dyn Fn(&str) -> Option<String>) -> String {
    let rust = rust.trim();
    let inner = |prefix: &str| {
        rust.strip_prefix(prefix)
            .and_then(|r| r.strip_suffix('>'))
            .map(str::trim)
    };
    if rust == "()" {
        return "null".into();
    }
    if rust == "String" || rust == "&str" {
        return "string".into();
    }
    if rust == "bool" {
        return "boolean".into();
    }
    if let Some(r) = inner("Answer<") {
        return rust_to_ts(r, names);
    }
    if let Some(r) = inner("Result<") {
        let ok = r
            .strip_suffix("UiError")
            .map(str::trim)
            .and_then(|o| o.strip_suffix(','));
        return rust_to_ts(ok.expect("a command's error is a UiError"), names);
    }
    if let Some(r) = inner("Vec<") {
        return format!("{}[]", rust_to_ts(r, names));
    }
    if let Some(r) = inner("Option<") {
        return format!("{} | null", rust_to_ts(r, names));
    }
    if let Some((outer, arg)) = rust.split_once('<') {
        let arg = arg.strip_suffix('>').expect("a generic type ends with >");
        return format!("{}<{}>", rust_to_ts(outer, names), rust_to_ts(arg, names));
    }
    names(rust).unwrap_or_else(|| {
        panic!(
            "{rust} is answered to the window but not declared in {TYPES_FILE}: add it to roots()"
        )
    })
}

/// The text between `-> ` and the body of the function `name` in `source`.
fn answer_of(source: &str, name: &str) -> Option<String> {
    let start = source
        .find(&format!("pub async fn {name}("))
        .or_else(|| source.find(&format!("pub fn {name}(")))?;
    let signature = &source[start..];
    let body = signature.find("\n{").or_else(|| signature.find(" {\n"))?;
    let signature = &signature[..body];
    Some(match signature.rfind(") -> ") {
        Some(arrow) => signature[arrow + 5..].trim().to_owned(),
        None => "()".to_owned(),
    })
}

#[test]
fn each_command_in_api_js_answers_what_its_rust_function_answers() {
    let paths = declarations().rust_names;
    let api = std::fs::read_to_string(repo_file("ui/js/api.js")).unwrap();
    let sources: Vec<String> = std::fs::read_dir(repo_file("src-tauri/commands"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    for command in ALL {
        let (source, rust) = sources
            .iter()
            .find_map(|s| Some((s, answer_of(s, command)?)))
            .unwrap_or_else(|| panic!("no function {command} under src-tauri/commands"));
        let names = |short: &str| ts_name(short, source, &paths);
        let expected = format!("Promise<{}>", rust_to_ts(&rust, &names));
        let call = api
            .find(&format!("call('{command}'"))
            .unwrap_or_else(|| panic!("api.js never calls {command}"));
        let line_start = api[..call].rfind("\n  /** @type").expect("a typed entry");
        let doc = &api[line_start..call];
        let said = doc
            .split("} */")
            .next()
            .and_then(|t| t.rsplit(" => ").next())
            .unwrap_or_default()
            .trim()
            .replace("import('../types/commands').", "");
        assert_eq!(said, expected, "api.js: what {command} answers");
    }
}

#[test]
fn a_rust_answer_reads_as_typescript() {
    let paths: Vec<(String, String)> = [
        ("app::commands::history::Line", "HistoryLine"),
        ("app::models::CustomerProfile", "CustomerProfile"),
        ("app::models::Page", "Page"),
        ("app::updates::Progress", "UpdateProgress"),
        ("app::requirements::Progress", "DraftProgress"),
    ]
    .map(|(a, b)| (a.to_owned(), b.to_owned()))
    .into();
    let source = "use crate::requirements::{progress, Progress};";
    let names = |short: &str| ts_name(short, source, &paths);
    assert_eq!(rust_to_ts("Answer<Progress>", &names), "DraftProgress");
    assert_eq!(rust_to_ts("Answer<Vec<Line>>", &names), "HistoryLine[]");
    assert_eq!(
        rust_to_ts("Answer<Page<CustomerProfile>>", &names),
        "Page<CustomerProfile>"
    );
    assert_eq!(
        rust_to_ts("Result<Option<String>, UiError>", &names),
        "string | null"
    );
    assert_eq!(rust_to_ts("Answer<()>", &names), "null");
}
