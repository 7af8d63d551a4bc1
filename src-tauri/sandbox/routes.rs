//! The sandbox's HTTP side: who is asking (Basic auth with this launch's secrets), whether
//! the request is addressed to the sandbox itself, and which account's data answers it.

use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::data::{generated_name, profile_sid, Seeded};
use super::store::{classic, get, now, rfc2822, BundleKind, Db, Refusal, Reply};
use super::texting_routes;
use super::{
    Config, DEMO_ACCOUNT_SID, DEMO_API_KEY_SID, SECOND_ACCOUNT_PROFILES, SECOND_ACCOUNT_SID,
};

/// One account of the sandbox: its secret, its parent (for a subaccount), its data.
pub struct Account {
    sid: String,
    token: String,
    parent: Option<String>,
    name: String,
    created: i64,
    db: Mutex<Db>,
}

/// Every account of this launch, its API key, and the port it answers on.
pub struct Registry {
    port: u16,
    accounts: HashMap<String, Arc<Account>>,
    /// Main accounts first, then subaccounts in the order they were made.
    order: Vec<String>,
    api_key_secret: String,
    latency: Duration,
    /// Requests answered (the benchmark counts what the watch costs).
    answered: std::sync::atomic::AtomicU64,
}

/// A secret made at random for this launch: 32 hexadecimal digits.
fn secret() -> std::io::Result<String> {
    let mut bytes = [0_u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

impl Registry {
    /// How many requests addressed to the sandbox it has taken.
    pub fn answered(&self) -> u64 {
        self.answered.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The demo account (with subaccounts) and the second account, seeded.
    pub fn seeded(base: &str, port: u16, config: &Config) -> std::io::Result<Self> {
        let mut registry = Self {
            port,
            accounts: HashMap::new(),
            order: Vec::new(),
            api_key_secret: secret()?,
            latency: config.latency,
            answered: std::sync::atomic::AtomicU64::new(0),
        };
        let created = 1_700_000_000;
        let main_primary = profile_sid(Seeded::APPROVED);
        let mut demo = Db::new(DEMO_ACCOUNT_SID, base, config);
        demo.seed(0..config.profiles.max(8), Some(&main_primary));
        demo.seed_trust_products();
        if config.texting {
            demo.seed_texting();
            demo.seed_unbranded_a2p();
            demo.seed_tollfree();
            demo.seed_voice_product();
        }
        if let Some(delay) = config.decision_delay {
            demo.decide_in_review_after(delay.saturating_mul(2), 2);
        }
        let statuses = demo.bundle_statuses();
        registry.add(DEMO_ACCOUNT_SID, None, "TrustHub Desk demo", created, demo)?;

        let mut second = Db::new(SECOND_ACCOUNT_SID, base, config);
        second.seed(
            SECOND_ACCOUNT_PROFILES,
            Some(&profile_sid(Seeded::SECOND_PRIMARY)),
        );
        registry.add(
            SECOND_ACCOUNT_SID,
            None,
            "Second demo account",
            created,
            second,
        )?;

        for i in 0..config.subaccounts {
            let sid = super::subaccount_sid(i);
            let mut db = Db::new(&sid, base, config);
            db.set_foreign(statuses.clone());
            let first =
                200_000_usize.saturating_add(i.saturating_mul(super::MAX_PROFILES_PER_SUBACCOUNT));
            let count =
                1_usize.saturating_add(i.checked_rem(config.profiles_per_subaccount).unwrap_or(0));
            db.seed(first..first.saturating_add(count), Some(&main_primary));
            if config.subaccount_texting {
                db.seed_client_texting();
            }
            if let Some(delay) = config.decision_delay {
                db.decide_in_review_after(delay, 1);
            }
            let name = format!("Client: {}", generated_name(first));
            registry.add(
                &sid,
                Some(DEMO_ACCOUNT_SID),
                &name,
                created.saturating_add(i as i64),
                db,
            )?;
        }
        Ok(registry)
    }

    fn add(
        &mut self,
        sid: &str,
        parent: Option<&str>,
        name: &str,
        created: i64,
        db: Db,
    ) -> std::io::Result<()> {
        let account = Account {
            sid: sid.to_owned(),
            token: secret()?,
            parent: parent.map(str::to_owned),
            name: name.to_owned(),
            created,
            db: Mutex::new(db),
        };
        self.order.push(sid.to_owned());
        self.accounts.insert(sid.to_owned(), Arc::new(account));
        Ok(())
    }

    pub fn token(&self, account_sid: &str) -> Option<String> {
        self.accounts.get(account_sid).map(|a| a.token.clone())
    }

    pub fn api_key_secret(&self) -> &str {
        &self.api_key_secret
    }
}

/// Who is asking: an account, and whether with an API key.
#[derive(Clone)]
struct Principal {
    account: Arc<Account>,
    with_key: bool,
}

pub fn router(registry: Arc<Registry>) -> Router {
    Router::new()
        .fallback(dispatch)
        .layer(middleware::from_fn_with_state(registry.clone(), basic_auth))
        .layer(middleware::from_fn_with_state(
            registry.clone(),
            own_host_only,
        ))
        .with_state(registry)
}

fn respond(reply: Reply, ok: StatusCode) -> Response {
    match reply {
        Ok(body) => (ok, Json(body)).into_response(),
        Err(refusal) => {
            let status = StatusCode::from_u16(refusal.status).unwrap_or(StatusCode::BAD_REQUEST);
            (status, Json(refusal.body())).into_response()
        }
    }
}

fn deleted(result: Result<(), Refusal>) -> Response {
    match result {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(refusal) => respond(Err(refusal), StatusCode::OK),
    }
}

/// Only requests addressed to `127.0.0.1:port` are answered: a web page that reaches the
/// port under another name (DNS rebinding) is refused before anything else.
async fn own_host_only(
    State(registry): State<Arc<Registry>>,
    request: Request,
    next: Next,
) -> Response {
    let expected = format!("127.0.0.1:{}", registry.port);
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    if host != Some(expected.as_str()) {
        let refusal = Refusal::new(
            403,
            20403,
            format!("This demo server answers only requests addressed to {expected}"),
        );
        return respond(Err(refusal), StatusCode::OK);
    }
    registry
        .answered
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    if !registry.latency.is_zero() {
        tokio::time::sleep(registry.latency).await;
    }
    next.run(request).await
}

/// Twilio answers a wrong or missing pair with 401 and code 20003.
async fn basic_auth(
    State(registry): State<Arc<Registry>>,
    mut request: Request,
    next: Next,
) -> Response {
    if let Some(principal) = principal(request.headers(), &registry) {
        request.extensions_mut().insert(principal);
        next.run(request).await
    } else {
        let refusal = Refusal::new(401, 20003, "Authenticate");
        let mut response = respond(Err(refusal), StatusCode::OK);
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            header::HeaderValue::from_static("Basic realm=\"TrustHub Desk demo\""),
        );
        response
    }
}

fn principal(headers: &HeaderMap, registry: &Registry) -> Option<Principal> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let decoded = STANDARD.decode(value.strip_prefix("Basic ")?.trim()).ok()?;
    let pair = String::from_utf8(decoded).ok()?;
    let (user, password) = pair.split_once(':')?;
    if user == DEMO_API_KEY_SID && password == registry.api_key_secret {
        let account = registry.accounts.get(DEMO_ACCOUNT_SID)?.clone();
        return Some(Principal {
            account,
            with_key: true,
        });
    }
    let account = registry.accounts.get(user)?;
    (account.token == password).then(|| Principal {
        account: account.clone(),
        with_key: false,
    })
}

fn pairs(text: &[u8]) -> Vec<(String, String)> {
    url::form_urlencoded::parse(text).into_owned().collect()
}

/// Locks an account's data for one request; a subaccount first learns its parent's bundles.
fn with_db<T>(registry: &Registry, account: &Account, f: impl FnOnce(&mut Db) -> T) -> T {
    let parent = account
        .parent
        .as_ref()
        .and_then(|p| registry.accounts.get(p))
        .map(|p| lock(&p.db).bundle_statuses());
    let mut db = lock(&account.db);
    if let Some(statuses) = parent {
        db.set_foreign(statuses);
    }
    f(&mut db)
}

fn lock(db: &Mutex<Db>) -> std::sync::MutexGuard<'_, Db> {
    db.lock().unwrap_or_else(|p| p.into_inner())
}

async fn dispatch(State(registry): State<Arc<Registry>>, request: Request) -> Response {
    let Some(principal) = request.extensions().get::<Principal>().cloned() else {
        return respond(
            Err(Refusal::new(401, 20003, "Authenticate")),
            StatusCode::OK,
        );
    };
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let query = pairs(request.uri().query().unwrap_or_default().as_bytes());
    let body: Bytes = axum::body::to_bytes(request.into_body(), 1024 * 1024)
        .await
        .unwrap_or_default();
    let form = pairs(&body);
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let account = principal.account.clone();
    let db = |f: &dyn Fn(&mut Db) -> Reply| with_db(&registry, &account, f);
    let ok = StatusCode::OK;
    let made = StatusCode::CREATED;
    let bundle = |c: &str| match c {
        "CustomerProfiles" => Some(BundleKind::CustomerProfile),
        "TrustProducts" => Some(BundleKind::TrustProduct),
        _ => None,
    };
    let object = |c: &str| match c {
        "EndUsers" => Some(super::store::ObjectKind::EndUser),
        "SupportingDocuments" => Some(super::store::ObjectKind::Document),
        _ => None,
    };
    let m = method.as_str();
    if matches!(
        segments.as_slice(),
        ["v1", "a2p", ..] | ["v1", "Services", ..] | ["v1", "Tollfree", ..]
    ) {
        let answer = with_db(&registry, &account, |d| {
            texting_routes::answer(d, m, &segments, &path, &query, &form)
        });
        return match answer {
            Some(texting_routes::Answer::Record(reply, status)) => {
                respond(reply, StatusCode::from_u16(status).unwrap_or(ok))
            }
            Some(texting_routes::Answer::Deleted(result)) => deleted(result),
            None => respond(Err(Refusal::not_found(&path)), ok),
        };
    }
    match (m, segments.as_slice()) {
        // ---- TrustHub: bundles ----
        ("GET", ["v1", c]) if bundle(c).is_some() => {
            let kind = bundle(c).unwrap_or(BundleKind::CustomerProfile);
            respond(db(&|d| d.list_bundles(kind, &query)), ok)
        }
        ("POST", ["v1", c]) if bundle(c).is_some() => {
            let kind = bundle(c).unwrap_or(BundleKind::CustomerProfile);
            respond(db(&|d| d.create_bundle(kind, &form)), made)
        }
        (_, ["v1", c, sid]) if bundle(c).is_some() => {
            let kind = bundle(c).unwrap_or(BundleKind::CustomerProfile);
            match m {
                "GET" => respond(db(&|d| d.fetch_bundle(kind, sid, &path)), ok),
                "POST" => respond(db(&|d| d.update_bundle(kind, sid, &path, &form)), ok),
                "DELETE" => deleted(with_db(&registry, &account, |d| {
                    d.delete_bundle(kind, sid, &path)
                })),
                _ => not_allowed(),
            }
        }
        (_, ["v1", c, sid, "Evaluations"]) if bundle(c).is_some() => {
            let kind = bundle(c).unwrap_or(BundleKind::CustomerProfile);
            match m {
                "GET" => respond(db(&|d| d.list_evaluations(kind, sid, &path, &query)), ok),
                "POST" => respond(db(&|d| d.create_evaluation(kind, sid, &path, &form)), made),
                _ => not_allowed(),
            }
        }
        ("GET", ["v1", c, sid, "Evaluations", eval]) if bundle(c).is_some() => {
            let kind = bundle(c).unwrap_or(BundleKind::CustomerProfile);
            respond(db(&|d| d.fetch_evaluation(kind, sid, eval, &path)), ok)
        }
        (_, ["v1", c, sid, "EntityAssignments"]) if bundle(c).is_some() => {
            let kind = bundle(c).unwrap_or(BundleKind::CustomerProfile);
            match m {
                "GET" => respond(
                    db(&|d| d.list_entity_assignments(kind, sid, &path, &query)),
                    ok,
                ),
                "POST" => respond(db(&|d| d.assign_entity(kind, sid, &path, &form)), made),
                _ => not_allowed(),
            }
        }
        (_, ["v1", c, sid, "EntityAssignments", assignment]) if bundle(c).is_some() => {
            let kind = bundle(c).unwrap_or(BundleKind::CustomerProfile);
            match m {
                "GET" => respond(
                    db(&|d| d.fetch_entity_assignment(kind, sid, assignment, &path)),
                    ok,
                ),
                "DELETE" => deleted(with_db(&registry, &account, |d| {
                    d.unassign_entity(kind, sid, assignment, &path)
                })),
                _ => not_allowed(),
            }
        }
        (_, ["v1", c, sid, "ChannelEndpointAssignments"]) if bundle(c).is_some() => {
            let kind = bundle(c).unwrap_or(BundleKind::CustomerProfile);
            match m {
                "GET" => respond(
                    db(&|d| d.list_channel_assignments(kind, sid, &path, &query)),
                    ok,
                ),
                "POST" => respond(db(&|d| d.assign_channel(kind, sid, &path, &form)), made),
                _ => not_allowed(),
            }
        }
        ("DELETE", ["v1", c, sid, "ChannelEndpointAssignments", assignment])
            if bundle(c).is_some() =>
        {
            let kind = bundle(c).unwrap_or(BundleKind::CustomerProfile);
            deleted(with_db(&registry, &account, |d| {
                d.unassign_channel(kind, sid, assignment, &path)
            }))
        }
        // ---- TrustHub: end users, documents, the catalogue ----
        (_, ["v1", c]) if object(c).is_some() => {
            let kind = object(c).unwrap_or(super::store::ObjectKind::EndUser);
            match m {
                "GET" => respond(db(&|d| d.list_objects(kind, &query)), ok),
                "POST" => respond(db(&|d| d.create_object(kind, &form)), made),
                _ => not_allowed(),
            }
        }
        (_, ["v1", c, sid]) if object(c).is_some() => {
            let kind = object(c).unwrap_or(super::store::ObjectKind::EndUser);
            match m {
                "GET" => respond(db(&|d| d.fetch_object(kind, sid, &path)), ok),
                "POST" => respond(db(&|d| d.update_object(kind, sid, &path, &form)), ok),
                "DELETE" => deleted(with_db(&registry, &account, |d| {
                    d.delete_object(kind, sid, &path)
                })),
                _ => not_allowed(),
            }
        }
        ("GET", ["v1", "Policies"]) => respond(db(&|d| d.list_policies(&query)), ok),
        ("GET", ["v1", "Policies", sid]) => respond(db(&|d| d.fetch_policy(sid, &path)), ok),
        ("GET", ["v1", c @ ("EndUserTypes" | "SupportingDocumentTypes")]) => {
            let documents = *c == "SupportingDocumentTypes";
            respond(db(&|d| d.list_types(documents, &query)), ok)
        }
        ("GET", ["v1", c @ ("EndUserTypes" | "SupportingDocumentTypes"), id]) => {
            let documents = *c == "SupportingDocumentTypes";
            respond(db(&|d| d.fetch_type(documents, id, &path)), ok)
        }
        // ---- The classic API ----
        ("GET", ["2010-04-01", "Accounts.json"]) => {
            respond(list_accounts(&registry, &principal, &query), ok)
        }
        ("GET", ["2010-04-01", "Accounts", file]) if file.ends_with(".json") => {
            let sid = file.trim_end_matches(".json");
            match reachable(&registry, &principal, sid) {
                Some(account) => respond(Ok(account_json(&account, principal.with_key)), ok),
                None => respond(Err(Refusal::not_found(&path)), ok),
            }
        }
        (_, ["2010-04-01", "Accounts", owner, rest @ ..]) => {
            let Some(target) = reachable(&registry, &principal, owner) else {
                return respond(Err(Refusal::not_found(&path)), ok);
            };
            let on = |f: &dyn Fn(&mut Db) -> Reply| with_db(&registry, &target, f);
            match (m, rest) {
                ("GET", ["Addresses.json"]) => respond(on(&|d| d.list_addresses(&query)), ok),
                ("POST", ["Addresses.json"]) => respond(on(&|d| d.create_address(&form)), made),
                (_, ["Addresses", file]) => {
                    let Some(sid) = file.strip_suffix(".json") else {
                        return respond(Err(Refusal::not_found(&path)), ok);
                    };
                    match m {
                        "GET" => respond(on(&|d| d.fetch_address(sid, &path)), ok),
                        "POST" => respond(on(&|d| d.update_address(sid, &path, &form)), ok),
                        "DELETE" => deleted(with_db(&registry, &target, |d| {
                            d.delete_address(sid, &path)
                        })),
                        _ => not_allowed(),
                    }
                }
                ("GET", ["IncomingPhoneNumbers.json"]) => {
                    respond(on(&|d| d.list_numbers(&query)), ok)
                }
                _ => respond(Err(Refusal::not_found(&path)), ok),
            }
        }
        _ => respond(Err(Refusal::not_found(&path)), ok),
    }
}

fn not_allowed() -> Response {
    respond(Err(Refusal::not_allowed()), StatusCode::OK)
}

/// The account a classic-API path names, if the principal may reach it: its own, or (with
/// the main account's Auth Token, not an API key) one of its subaccounts.
fn reachable(registry: &Registry, principal: &Principal, owner: &str) -> Option<Arc<Account>> {
    let target = registry.accounts.get(owner)?;
    let own = target.sid == principal.account.sid;
    let parent =
        !principal.with_key && target.parent.as_deref() == Some(principal.account.sid.as_str());
    (own || parent).then(|| target.clone())
}

/// An account as the classic API writes it; its Auth Token empty for an API key, as Twilio does.
fn account_json(a: &Account, with_key: bool) -> Value {
    json!({
        "auth_token": if with_key { String::new() } else { a.token.clone() },
        "date_created": rfc2822(a.created),
        "date_updated": rfc2822(a.created.max(now().saturating_sub(86_400))),
        "friendly_name": a.name,
        "owner_account_sid": a.parent.clone().unwrap_or_else(|| a.sid.clone()),
        "sid": a.sid,
        "status": "active",
        "subresource_uris": {
            "addresses": format!("/2010-04-01/Accounts/{}/Addresses.json", a.sid),
            "incoming_phone_numbers": format!("/2010-04-01/Accounts/{}/IncomingPhoneNumbers.json", a.sid),
        },
        "type": "Full",
        "uri": format!("/2010-04-01/Accounts/{}.json", a.sid),
    })
}

/// `GET /2010-04-01/Accounts.json`: the account and its subaccounts, each with its own
/// Auth Token (empty when listed with an API key, as Twilio does).
fn list_accounts(registry: &Registry, principal: &Principal, query: &[(String, String)]) -> Reply {
    let me = &principal.account;
    let status_filter = get(query, "Status");
    let all: Vec<&Arc<Account>> = registry
        .order
        .iter()
        .filter_map(|sid| registry.accounts.get(sid))
        .filter(|a| a.sid == me.sid || a.parent.as_deref() == Some(me.sid.as_str()))
        .filter(|_| status_filter.is_none_or(|s| s == "active"))
        .collect();
    let records: Vec<Value> = super::store::page_of(&all, query)?
        .iter()
        .map(|a| account_json(a, principal.with_key))
        .collect();
    Ok(classic::classic_page(
        "/2010-04-01/Accounts.json",
        "accounts",
        query,
        all.len(),
        records,
    ))
}
