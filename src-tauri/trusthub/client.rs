//! The TrustHub v1 client: one reused HTTP client, Basic auth per request, bounded
//! retries, capped bodies, and no credentials sent anywhere but the base URL's origin.

use reqwest::header::{HeaderMap, ACCEPT, RETRY_AFTER};
use reqwest::{Method, StatusCode};
use secrecy::ExposeSecret;
use serde::de::DeserializeOwned;
use std::collections::HashSet;
use std::time::{Duration, Instant};
use url::Url;

use super::base_url::same_origin;
use super::error::{ApiError, TrustHubError};
use super::limits::*;
use super::models::*;
use super::parse::{parse_body, parse_page};
use super::validate;
use crate::credentials::Credentials;

pub type Result<T> = std::result::Result<T, TrustHubError>;

#[derive(Clone)]
pub struct TrustHubClient {
    http: reqwest::Client,
    base: Url,
    limits: Limits,
}

/// Builds the one HTTP client the app uses: rustls with the platform's verifier (no way
/// to turn verification off), the connect timeout, and redirects kept to the same origin.
/// The whole-request timeout is set on each request, from the client's `Limits`.
pub fn http_client() -> Result<reqwest::Client> {
    http_client_with(&Limits::TWILIO)
}

pub fn http_client_with(limits: &Limits) -> Result<reqwest::Client> {
    reqwest::Client::builder()
        .connect_timeout(limits.connect_timeout)
        .redirect(reqwest::redirect::Policy::custom(|attempt| {
            let same = attempt
                .previous()
                .first()
                .is_some_and(|first| same_origin(first, attempt.url()));
            if same && attempt.previous().len() < 5 {
                attempt.follow()
            } else {
                attempt.stop()
            }
        }))
        .user_agent(concat!("TrustHubDesk/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| {
            TrustHubError::Network(format!(
                "TrustHub Desk could not set up its connection ({e})."
            ))
        })
}

/// Where the next list page is: a URL the server gave, or the first page we build.
enum PageUrl<'a> {
    First(Url),
    Next(&'a str),
}

impl TrustHubClient {
    pub fn new(http: reqwest::Client, base: Url) -> Self {
        Self::with_limits(http, base, Limits::TWILIO)
    }

    /// `http` should come from [`http_client_with`] the same `limits`.
    pub fn with_limits(http: reqwest::Client, base: Url, limits: Limits) -> Self {
        Self { http, base, limits }
    }

    pub fn base_url(&self) -> &Url {
        &self.base
    }

    fn url(&self, path: &str) -> Url {
        let mut url = self.base.clone();
        url.set_path(path);
        url
    }

    // ---- Customer-Profiles ----

    pub async fn fetch_profile(&self, c: &Credentials, sid: &str) -> Result<CustomerProfile> {
        let sid = validate::profile_sid(sid)?;
        self.get_json(c, self.url(&format!("/v1/CustomerProfiles/{sid}")))
            .await
    }

    /// One `POST /v1/CustomerProfiles/{Sid}` with exactly the fields set in `update`.
    pub async fn update_profile(
        &self,
        c: &Credentials,
        sid: &str,
        update: &ProfileUpdate,
    ) -> Result<CustomerProfile> {
        let sid = validate::profile_sid(sid)?;
        let update = checked_update(update)?;
        if update.is_empty() {
            return Err(validate::FieldError::new(
                "form",
                "Nothing has changed, so there is nothing to save.",
            )
            .into());
        }
        let url = self.url(&format!("/v1/CustomerProfiles/{sid}"));
        let body = self
            .send(c, Method::POST, url, Some(&update.form_pairs()))
            .await?;
        decode(&body)
    }

    /// Saves field edits and a status change. Twilio refuses both in one request
    /// (error 22204), so the fields go first and the status on its own after them.
    pub async fn save_profile_changes(
        &self,
        c: &Credentials,
        sid: &str,
        changes: &ProfileUpdate,
    ) -> Result<CustomerProfile> {
        let fields = ProfileUpdate {
            status: None,
            ..changes.clone()
        };
        if changes.status.is_none() || fields.is_empty() {
            return self.update_profile(c, sid, changes).await;
        }
        checked_update(changes)?;
        self.update_profile(c, sid, &fields).await?;
        let status_only = ProfileUpdate {
            status: changes.status,
            ..Default::default()
        };
        self.update_profile(c, sid, &status_only).await
    }

    /// One page of the account's profiles: the first one for `filter`, or the page at `next`.
    pub async fn list_profiles_page(
        &self,
        c: &Credentials,
        filter: &ProfileFilter,
        next: Option<&str>,
    ) -> Result<Page<CustomerProfile>> {
        let page = match next {
            Some(next) => PageUrl::Next(next),
            None => {
                let mut url = self.url("/v1/CustomerProfiles");
                {
                    let mut q = url.query_pairs_mut();
                    if let Some(s) = filter.status {
                        q.append_pair("Status", s.as_str());
                    }
                    if let Some(name) = filter
                        .friendly_name
                        .as_deref()
                        .filter(|n| !n.trim().is_empty())
                    {
                        q.append_pair("FriendlyName", name.trim());
                    }
                    q.append_pair(
                        "PageSize",
                        &filter
                            .page_size
                            .unwrap_or(PAGE_SIZE)
                            .clamp(1, 1000)
                            .to_string(),
                    );
                }
                PageUrl::First(url)
            }
        };
        self.page(c, page).await
    }

    /// Tries the credentials with the smallest request TrustHub offers: a one-item list.
    pub async fn verify_credentials(&self, c: &Credentials) -> Result<()> {
        let filter = ProfileFilter {
            page_size: Some(1),
            ..Default::default()
        };
        self.list_profiles_page(c, &filter, None).await.map(|_| ())
    }

    // ---- Sub-resources of a profile ----

    /// One page of a profile's evaluations, newest first as Twilio lists them: the first
    /// page holds the [`EVALUATIONS_SHOWN`] newest, `next` the page after.
    pub async fn list_evaluations(
        &self,
        c: &Credentials,
        profile_sid: &str,
        next: Option<&str>,
    ) -> Result<Page<Evaluation>> {
        let page = match next {
            Some(next) => PageUrl::Next(next),
            None => {
                PageUrl::First(self.sub_list_url(profile_sid, "Evaluations", EVALUATIONS_SHOWN)?)
            }
        };
        self.page(c, page).await
    }

    pub async fn list_entity_assignments(
        &self,
        c: &Credentials,
        profile_sid: &str,
    ) -> Result<Listing<EntityAssignment>> {
        let first = self.sub_list_url(profile_sid, "EntityAssignments", PAGE_SIZE)?;
        self.list_all(c, first, "entity assignments").await
    }

    pub async fn list_channel_endpoint_assignments(
        &self,
        c: &Credentials,
        profile_sid: &str,
    ) -> Result<Listing<ChannelEndpointAssignment>> {
        let first = self.sub_list_url(profile_sid, "ChannelEndpointAssignments", PAGE_SIZE)?;
        self.list_all(c, first, "phone number assignments").await
    }

    /// `POST .../Evaluations` with the profile's policy: runs a new compliance check.
    pub async fn create_evaluation(
        &self,
        c: &Credentials,
        profile_sid: &str,
        policy_sid: &str,
    ) -> Result<Evaluation> {
        let profile_sid = validate::profile_sid(profile_sid)?;
        let policy_sid = validate::sid("policySid", policy_sid, "RN", "Policy SID")?;
        let url = self.url(&format!("/v1/CustomerProfiles/{profile_sid}/Evaluations"));
        let body = self
            .send(
                c,
                Method::POST,
                url,
                Some(&[("PolicySid", policy_sid.as_str())]),
            )
            .await?;
        decode(&body)
    }

    // ---- Objects an assignment points at ----

    pub async fn fetch_policy(&self, c: &Credentials, sid: &str) -> Result<Policy> {
        let sid = validate::sid("sid", sid, "RN", "Policy SID")?;
        self.get_json(c, self.url(&format!("/v1/Policies/{sid}")))
            .await
    }

    pub async fn fetch_end_user(&self, c: &Credentials, sid: &str) -> Result<EndUser> {
        let sid = validate::sid("sid", sid, "IT", "End User SID")?;
        self.get_json(c, self.url(&format!("/v1/EndUsers/{sid}")))
            .await
    }

    pub async fn fetch_supporting_document(
        &self,
        c: &Credentials,
        sid: &str,
    ) -> Result<SupportingDocument> {
        let sid = validate::sid("sid", sid, "RD", "Supporting Document SID")?;
        self.get_json(c, self.url(&format!("/v1/SupportingDocuments/{sid}")))
            .await
    }

    // ---- Plumbing ----

    /// The first page of a list under a profile, `size` records to a page.
    fn sub_list_url(&self, profile_sid: &str, what: &str, size: u32) -> Result<Url> {
        let sid = validate::profile_sid(profile_sid)?;
        let mut url = self.url(&format!("/v1/CustomerProfiles/{sid}/{what}"));
        url.query_pairs_mut()
            .append_pair("PageSize", &size.to_string());
        Ok(url)
    }

    /// Follows a list from `first` page by page, within the limits' ceilings on pages and
    /// records, and stops at a next page it has already fetched. What it stopped short
    /// of is said in the listing's note; it never loops and never grows without bound.
    async fn list_all<T: DeserializeOwned>(
        &self,
        c: &Credentials,
        first: Url,
        what: &'static str,
    ) -> Result<Listing<T>> {
        let limits = &self.limits;
        let mut fetched: HashSet<String> = HashSet::from([first.to_string()]);
        let mut page = self.page(c, PageUrl::First(first)).await?;
        let mut records = std::mem::take(&mut page.records);
        let mut pages: u32 = 1;
        let stop = loop {
            if records.len() > limits.max_list_records {
                records.truncate(limits.max_list_records);
                break Some(ListStop::Records);
            }
            let Some(next) = page.next_page_url.take() else {
                break None;
            };
            if records.len() == limits.max_list_records {
                break Some(ListStop::Records);
            }
            if pages >= limits.max_list_pages {
                break Some(ListStop::Pages);
            }
            let url = self.follow(&next)?;
            if !fetched.insert(url.to_string()) {
                break Some(ListStop::Repeated);
            }
            page = self.page(c, PageUrl::First(url)).await?;
            pages = pages.saturating_add(1);
            records.append(&mut page.records);
        };
        if let Some(stop) = stop {
            log::warn!("a list of {what} was cut short after {pages} pages: {stop:?}");
        }
        let note = stop.map(|stop| ListNote::new(stop, records.len(), pages, what));
        Ok(Listing { records, note })
    }

    /// Fetches one list page and reads its records from `payload[meta.key]`.
    async fn page<T: DeserializeOwned>(
        &self,
        c: &Credentials,
        page: PageUrl<'_>,
    ) -> Result<Page<T>> {
        let url = match page {
            PageUrl::First(url) => url,
            PageUrl::Next(text) => self.follow(text)?,
        };
        let body = self.send(c, Method::GET, url, None).await?;
        parse_page(body.status, &body.bytes)
    }

    /// A next-page URL comes from the server: follow it only on our own origin, so the
    /// credentials never go anywhere else.
    fn follow(&self, text: &str) -> Result<Url> {
        let url = self.base.join(text).map_err(|_| {
            TrustHubError::RefusedUrl(
                "Twilio sent a next-page address that is not a web address.".into(),
            )
        })?;
        if same_origin(&url, &self.base) {
            Ok(url)
        } else {
            Err(TrustHubError::RefusedUrl(format!(
                "The next page is on another server ({}); TrustHub Desk sends your credentials only to {}.",
                url.origin().ascii_serialization(),
                self.base.origin().ascii_serialization()
            )))
        }
    }

    async fn get_json<T: DeserializeOwned>(&self, c: &Credentials, url: Url) -> Result<T> {
        let body = self.send(c, Method::GET, url, None).await?;
        decode(&body)
    }

    /// Sends one request with retries and returns the body of a 2xx answer.
    ///
    /// Retried: 429 (never processed by Twilio, so safe for POST too, honouring
    /// `Retry-After`); 500/502/503/504 and broken connections for GET only; a POST
    /// whose connection failed before anything was sent. Never beyond the limits' tries or budget.
    async fn send(
        &self,
        c: &Credentials,
        method: Method,
        url: Url,
        form: Option<&[(&str, &str)]>,
    ) -> Result<Body> {
        let started = Instant::now();
        let idempotent = method == Method::GET;
        let mut tries = 0;
        loop {
            tries += 1;
            log::debug!("{method} {} (try {tries})", url.path());
            let mut request = self
                .http
                .request(method.clone(), url.clone())
                .basic_auth(c.username(), Some(c.secret().expose_secret()))
                .header(ACCEPT, "application/json")
                .timeout(self.limits.request_timeout);
            if let Some(pairs) = form {
                request = request.form(pairs);
            }
            let outcome = match request.send().await {
                Ok(response) => {
                    let status = response.status();
                    let retry_after = retry_after(response.headers());
                    let body = read_capped(response, &self.limits).await;
                    match body {
                        Ok(bytes) if status.is_success() => {
                            return Ok(Body {
                                status: status.as_u16(),
                                bytes,
                            })
                        }
                        Ok(body) => {
                            let retryable = status == StatusCode::TOO_MANY_REQUESTS
                                || (idempotent && matches!(status.as_u16(), 500 | 502 | 503 | 504));
                            let error = if status.is_redirection() {
                                TrustHubError::UnexpectedResponse {
                                    status: status.as_u16(),
                                    message: format!("The server tried to send TrustHub Desk to another address (HTTP status {}); it was not followed, to keep your credentials safe.", status.as_u16()),
                                }
                            } else {
                                TrustHubError::Api(
                                    ApiError::from_body(status.as_u16(), &body).about(url.path()),
                                )
                            };
                            Attempt {
                                error,
                                retryable,
                                wait: retry_after,
                            }
                        }
                        Err(error) => Attempt {
                            retryable: idempotent
                                && matches!(
                                    error,
                                    TrustHubError::Network(_) | TrustHubError::Timeout(_)
                                ),
                            error,
                            wait: None,
                        },
                    }
                }
                Err(e) => {
                    let not_sent = e.is_connect();
                    Attempt {
                        error: network_error(&e, &self.limits),
                        retryable: not_sent || idempotent,
                        wait: None,
                    }
                }
            };
            let wait = outcome
                .wait
                .unwrap_or_else(|| backoff(self.limits.base_backoff, tries));
            if !outcome.retryable
                || tries >= self.limits.max_tries
                || started.elapsed() + wait > self.limits.retry_budget
            {
                return Err(outcome.error);
            }
            log::debug!("retrying {} in {} ms", url.path(), wait.as_millis());
            tokio::time::sleep(wait).await;
        }
    }
}

struct Attempt {
    error: TrustHubError,
    retryable: bool,
    wait: Option<Duration>,
}

/// Field checks for an update, run before anything is sent.
fn checked_update(update: &ProfileUpdate) -> Result<ProfileUpdate> {
    Ok(ProfileUpdate {
        status: update.status,
        status_callback: update
            .status_callback
            .as_deref()
            .map(validate::status_callback)
            .transpose()?,
        friendly_name: update
            .friendly_name
            .as_deref()
            .map(validate::friendly_name)
            .transpose()?,
        email: update.email.as_deref().map(validate::email).transpose()?,
    })
}

/// Exponential back-off with full jitter, so many clients do not retry in step.
fn backoff(base: Duration, tries: u32) -> Duration {
    let ceiling = base.saturating_mul(1 << tries.saturating_sub(1).min(8));
    ceiling.mul_f64(0.5 + fastrand::f64() * 0.5)
}

/// `Retry-After` in seconds or as an HTTP date.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(std::time::SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

async fn read_capped(mut response: reqwest::Response, limits: &Limits) -> Result<Vec<u8>> {
    let cap = limits.max_body_bytes;
    let status = response.status().as_u16();
    let too_large = || {
        TrustHubError::UnexpectedResponse {
        status,
        message: format!(
            "The server sent more than {} MiB, which is far more than any TrustHub answer; it was not read (HTTP status {status}).",
            cap / (1024 * 1024)
        ),
    }
    };
    if response.content_length().is_some_and(|n| n > cap as u64) {
        return Err(too_large());
    }
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| network_error(&e, limits))?
    {
        if body.len() + chunk.len() > cap {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn network_error(e: &reqwest::Error, limits: &Limits) -> TrustHubError {
    if e.is_timeout() {
        return TrustHubError::Timeout(limits.request_timeout);
    }
    let what = if e.is_connect() {
        "TrustHub Desk could not connect to Twilio. Check that this computer is online, then try again; nothing you typed is lost."
    } else {
        "The connection to Twilio broke before the answer was complete. Check your network, then try again; nothing you typed is lost."
    };
    TrustHubError::Network(what.to_owned())
}

/// A successful answer.
struct Body {
    status: u16,
    bytes: Vec<u8>,
}

fn decode<T: DeserializeOwned>(body: &Body) -> Result<T> {
    parse_body(body.status, &body.bytes)
}
