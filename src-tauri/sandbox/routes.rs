//! HTTP routes of the sandbox: Basic auth first, then the TrustHub paths the app uses.

use axum::body::Bytes;
use axum::extract::{Extension, Path, RawQuery, Request, State};
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use std::sync::{Arc, Mutex};

use super::store::{Db, Refusal, Reply};
use super::{
    DEMO_ACCOUNT_SID, DEMO_API_KEY_SECRET, DEMO_API_KEY_SID, DEMO_AUTH_TOKEN, SECOND_ACCOUNT_SID,
    SECOND_AUTH_TOKEN,
};

type Shared = Arc<Mutex<Db>>;

/// Each account sees only its own profiles; Basic auth decides which.
#[derive(Clone)]
struct Accounts {
    demo: Shared,
    second: Shared,
}

pub fn router(demo: Db, second: Db) -> Router {
    let accounts = Accounts {
        demo: Arc::new(Mutex::new(demo)),
        second: Arc::new(Mutex::new(second)),
    };
    Router::new()
        .route("/v1/CustomerProfiles", get(list_profiles))
        .route(
            "/v1/CustomerProfiles/{sid}",
            get(fetch_profile).post(update_profile),
        )
        .route(
            "/v1/CustomerProfiles/{sid}/Evaluations",
            get(list_evaluations).post(create_evaluation),
        )
        .route(
            "/v1/CustomerProfiles/{sid}/Evaluations/{eval}",
            get(fetch_evaluation),
        )
        .route(
            "/v1/CustomerProfiles/{sid}/EntityAssignments",
            get(list_entities),
        )
        .route(
            "/v1/CustomerProfiles/{sid}/ChannelEndpointAssignments",
            get(list_channels),
        )
        .route("/v1/Policies/{sid}", get(fetch_policy))
        .route("/v1/EndUsers/{sid}", get(fetch_end_user))
        .route("/v1/SupportingDocuments/{sid}", get(fetch_document))
        .fallback(
            |uri: Uri| async move { respond(Err(Refusal::not_found(uri.path())), StatusCode::OK) },
        )
        .layer(middleware::from_fn_with_state(accounts, basic_auth))
}

/// Twilio answers a wrong or missing pair with 401 and code 20003.
async fn basic_auth(
    State(accounts): State<Accounts>,
    mut request: Request,
    next: Next,
) -> Response {
    if let Some(db) = account_for(request.headers(), &accounts) {
        request.extensions_mut().insert(db);
        next.run(request).await
    } else {
        let refusal = Refusal {
            status: 401,
            code: 20003,
            message: "Authenticate".into(),
        };
        let mut response = respond(Err(refusal), StatusCode::OK);
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            header::HeaderValue::from_static("Basic realm=\"TrustHub Desk demo\""),
        );
        response
    }
}

fn account_for(headers: &HeaderMap, accounts: &Accounts) -> Option<Shared> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let encoded = value.strip_prefix("Basic ")?;
    let decoded = STANDARD.decode(encoded.trim()).ok()?;
    let pair = String::from_utf8_lossy(&decoded);
    if pair == format!("{DEMO_ACCOUNT_SID}:{DEMO_AUTH_TOKEN}")
        || pair == format!("{DEMO_API_KEY_SID}:{DEMO_API_KEY_SECRET}")
    {
        Some(accounts.demo.clone())
    } else if pair == format!("{SECOND_ACCOUNT_SID}:{SECOND_AUTH_TOKEN}") {
        Some(accounts.second.clone())
    } else {
        None
    }
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

fn pairs(text: &[u8]) -> Vec<(String, String)> {
    url::form_urlencoded::parse(text).into_owned().collect()
}

fn query(raw: Option<String>) -> Vec<(String, String)> {
    pairs(raw.unwrap_or_default().as_bytes())
}

fn with_db(db: &Shared, f: impl FnOnce(&mut Db) -> Reply) -> Reply {
    match db.lock() {
        Ok(mut guard) => f(&mut guard),
        Err(poisoned) => f(&mut poisoned.into_inner()),
    }
}

async fn list_profiles(Extension(db): Extension<Shared>, RawQuery(q): RawQuery) -> Response {
    respond(with_db(&db, |d| d.list_profiles(&query(q))), StatusCode::OK)
}

async fn fetch_profile(
    Extension(db): Extension<Shared>,
    Path(sid): Path<String>,
    uri: Uri,
) -> Response {
    respond(
        with_db(&db, |d| d.fetch_profile(&sid, uri.path())),
        StatusCode::OK,
    )
}

async fn update_profile(
    Extension(db): Extension<Shared>,
    Path(sid): Path<String>,
    uri: Uri,
    body: Bytes,
) -> Response {
    respond(
        with_db(&db, |d| d.update_profile(&sid, uri.path(), &pairs(&body))),
        StatusCode::OK,
    )
}

async fn list_evaluations(
    Extension(db): Extension<Shared>,
    Path(sid): Path<String>,
    uri: Uri,
    RawQuery(q): RawQuery,
) -> Response {
    respond(
        with_db(&db, |d| d.list_evaluations(&sid, uri.path(), &query(q))),
        StatusCode::OK,
    )
}

async fn create_evaluation(
    Extension(db): Extension<Shared>,
    Path(sid): Path<String>,
    uri: Uri,
    body: Bytes,
) -> Response {
    respond(
        with_db(&db, |d| {
            d.create_evaluation(&sid, uri.path(), &pairs(&body))
        }),
        StatusCode::CREATED,
    )
}

async fn fetch_evaluation(
    Extension(db): Extension<Shared>,
    Path((sid, eval)): Path<(String, String)>,
    uri: Uri,
) -> Response {
    respond(
        with_db(&db, |d| d.fetch_evaluation(&sid, &eval, uri.path())),
        StatusCode::OK,
    )
}

async fn list_entities(
    Extension(db): Extension<Shared>,
    Path(sid): Path<String>,
    uri: Uri,
    RawQuery(q): RawQuery,
) -> Response {
    respond(
        with_db(&db, |d| {
            d.list_entity_assignments(&sid, uri.path(), &query(q))
        }),
        StatusCode::OK,
    )
}

async fn list_channels(
    Extension(db): Extension<Shared>,
    Path(sid): Path<String>,
    uri: Uri,
    RawQuery(q): RawQuery,
) -> Response {
    respond(
        with_db(&db, |d| {
            d.list_channel_endpoint_assignments(&sid, uri.path(), &query(q))
        }),
        StatusCode::OK,
    )
}

async fn fetch_policy(
    Extension(db): Extension<Shared>,
    Path(sid): Path<String>,
    uri: Uri,
) -> Response {
    respond(
        with_db(&db, |d| d.fetch_policy(&sid, uri.path())),
        StatusCode::OK,
    )
}

async fn fetch_end_user(
    Extension(db): Extension<Shared>,
    Path(sid): Path<String>,
    uri: Uri,
) -> Response {
    respond(
        with_db(&db, |d| d.fetch_end_user(&sid, uri.path())),
        StatusCode::OK,
    )
}

async fn fetch_document(
    Extension(db): Extension<Shared>,
    Path(sid): Path<String>,
    uri: Uri,
) -> Response {
    respond(
        with_db(&db, |d| d.fetch_supporting_document(&sid, uri.path())),
        StatusCode::OK,
    )
}
