//! The TrustHub v1 client: one reused HTTP client, Basic auth per request, bounded
//! retries, capped bodies, no credentials sent anywhere but the base URL's origin, and no
//! record of another account than the credentials' taken (`owned`).

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
use super::owned::{own_record, own_records, Owned};
use super::parse::{parse_body, parse_classic_page, parse_page};
use crate::credentials::Credentials;

pub type Result<T> = std::result::Result<T, TrustHubError>;

#[derive(Clone)]
pub struct TrustHubClient {
    pub(super) http: reqwest::Client,
    /// TrustHub: `https://trusthub.twilio.com`, or the override.
    pub(super) base: Url,
    /// The classic API: `https://api.twilio.com`, or the override (which serves all three).
    pub(super) api: Url,
    /// Messaging v1: `https://messaging.twilio.com`, or the override.
    pub(super) messaging: Url,
    /// At most one brand or campaign request a second per account, as Twilio asks.
    pub(super) pace: super::messaging::Pace,
    pub(super) limits: Limits,
}

/// Builds the HTTP client for the server at `base`: rustls with the platform's verifier
/// (no way to turn verification off), the connect timeout, and redirects kept to the same
/// origin. The whole-request timeout is set on each request, from the client's `Limits`.
///
/// Proxies: for Twilio (and any other remote server) the system's proxy settings are
/// honoured, as corporate networks need; for this computer (loopback: tests, mocks, the
/// demo) never, so a local server's Basic header is never handed to a proxy.
pub fn http_client_for(base: &Url) -> Result<reqwest::Client> {
    http_client_with(base, &Limits::TWILIO)
}

pub fn http_client_with(base: &Url, limits: &Limits) -> Result<reqwest::Client> {
    client_builder_for(base)
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
        .build()
        .map_err(|e| {
            TrustHubError::Network(format!(
                "TrustHub Desk could not set up its connection ({e})."
            ))
        })
}

/// Every client's start, for a server at `base`: the app's user agent, and the system's
/// proxy for remote servers but never for this computer.
pub fn client_builder_for(base: &Url) -> reqwest::ClientBuilder {
    let builder =
        reqwest::Client::builder().user_agent(concat!("TrustHubDesk/", env!("CARGO_PKG_VERSION")));
    if super::base_url::is_loopback(base) {
        builder.no_proxy()
    } else {
        builder
    }
}

/// Where the next list page is: a URL the server gave, or the first page we build.
pub(super) enum PageUrl<'a> {
    First(Url),
    Next(&'a str),
}

/// How a list's pages are written: TrustHub's (`meta.key`, `meta.next_page_url`) or the
/// classic API's (records under a key named for the resource, a relative `next_page_uri`).
#[derive(Clone, Copy)]
pub(super) enum ListForm {
    TrustHub,
    Classic(&'static str),
}

impl TrustHubClient {
    pub fn new(http: reqwest::Client, base: Url) -> Self {
        Self::with_limits(http, base, Limits::TWILIO)
    }

    /// `http` should come from [`http_client_with`] the same `limits`.
    pub fn with_limits(http: reqwest::Client, base: Url, limits: Limits) -> Self {
        let api = super::base_url::classic_api_for(&base);
        let messaging = super::base_url::messaging_api_for(&base);
        Self {
            http,
            base,
            api,
            messaging,
            pace: super::messaging::Pace::default(),
            limits,
        }
    }

    pub fn base_url(&self) -> &Url {
        &self.base
    }

    /// A TrustHub URL with this path.
    pub(super) fn url(&self, path: &str) -> Url {
        let mut url = self.base.clone();
        url.set_path(path);
        url
    }

    /// A classic-API URL with this path.
    pub(super) fn api_url(&self, path: &str) -> Url {
        let mut url = self.api.clone();
        url.set_path(path);
        url
    }

    /// A Messaging v1 URL with this path.
    pub(super) fn messaging_url(&self, path: &str) -> Url {
        let mut url = self.messaging.clone();
        url.set_path(path);
        url
    }

    /// Tries the credentials: they must open the account whose SID was typed (`GET
    /// /2010-04-01/Accounts/{AccountSid}.json` answers that very SID), and reach TrustHub
    /// (the smallest request it offers: a one-item list). Answers the account's name.
    pub async fn verify_credentials(&self, c: &Credentials) -> Result<Option<String>> {
        let account = self.fetch_own_account(c).await?;
        let filter = ProfileFilter {
            page_size: Some(1),
            ..Default::default()
        };
        self.list_bundles_page(c, BundleKind::CustomerProfile, &filter, None)
            .await?;
        Ok(account.friendly_name)
    }

    // ---- Plumbing ----

    /// A list's first page, `size` records to a page.
    pub(super) fn first_page(mut url: Url, size: u32) -> Url {
        url.query_pairs_mut()
            .append_pair("PageSize", &size.to_string());
        url
    }

    /// Follows a list from `first` page by page, within the limits' ceilings on pages and
    /// records, and stops at a next page it has already fetched. What it stopped short
    /// of is said in the listing's note; it never loops and never grows without bound.
    pub(super) async fn list_all<T: DeserializeOwned + Owned>(
        &self,
        c: &Credentials,
        first: Url,
        form: ListForm,
        what: &'static str,
    ) -> Result<Listing<T>> {
        let limits = &self.limits;
        let origin = first.clone();
        let mut fetched: HashSet<String> = HashSet::from([first.to_string()]);
        let mut page = self
            .page_of(c, PageUrl::First(first), &origin, form)
            .await?;
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
            let url = follow(&origin, &next)?;
            if !fetched.insert(url.to_string()) {
                break Some(ListStop::Repeated);
            }
            page = self.page_of(c, PageUrl::First(url), &origin, form).await?;
            pages = pages.saturating_add(1);
            records.append(&mut page.records);
        };
        if let Some(stop) = stop {
            log::warn!("a list of {what} was cut short after {pages} pages: {stop:?}");
        }
        let note = stop.map(|stop| ListNote::new(stop, records.len(), pages, what));
        Ok(Listing { records, note })
    }

    /// One TrustHub list page: the first one at `page`, or the page a server named.
    pub(super) async fn page<T: DeserializeOwned + Owned>(
        &self,
        c: &Credentials,
        page: PageUrl<'_>,
    ) -> Result<Page<T>> {
        let origin = self.base.clone();
        self.page_of(c, page, &origin, ListForm::TrustHub).await
    }

    /// Fetches one list page from `origin`'s API and reads its records.
    async fn page_of<T: DeserializeOwned + Owned>(
        &self,
        c: &Credentials,
        page: PageUrl<'_>,
        origin: &Url,
        form: ListForm,
    ) -> Result<Page<T>> {
        let url = match page {
            PageUrl::First(url) => url,
            PageUrl::Next(text) => follow(origin, text)?,
        };
        let body = self.send(c, Method::GET, url, None).await?;
        let page: Page<T> = match form {
            ListForm::TrustHub => parse_page(body.status, &body.bytes),
            ListForm::Classic(key) => parse_classic_page(body.status, &body.bytes, key),
        }?;
        own_records(c.account_sid(), &page.records)?;
        Ok(page)
    }

    pub(super) async fn get_json<T: DeserializeOwned + Owned>(
        &self,
        c: &Credentials,
        url: Url,
    ) -> Result<T> {
        let body = self.send(c, Method::GET, url, None).await?;
        let record = decode(&body)?;
        own_record(c.account_sid(), &record)?;
        Ok(record)
    }

    pub(super) async fn post_json<T: DeserializeOwned + Owned>(
        &self,
        c: &Credentials,
        url: Url,
        form: &[(&str, &str)],
    ) -> Result<T> {
        self.post_record(c, url, Some(form)).await
    }

    /// A `POST` with a form, or with no body at all (Twilio's "do it again" requests, such as
    /// resubmitting a brand), answered by one record of the credentials' account.
    pub(super) async fn post_record<T: DeserializeOwned + Owned>(
        &self,
        c: &Credentials,
        url: Url,
        form: Option<&[(&str, &str)]>,
    ) -> Result<T> {
        let body = self.send(c, Method::POST, url, form).await?;
        let record = decode(&body)?;
        own_record(c.account_sid(), &record)?;
        Ok(record)
    }

    /// A `DELETE`; Twilio answers 204 with no body.
    pub(super) async fn delete(&self, c: &Credentials, url: Url) -> Result<()> {
        self.send(c, Method::DELETE, url, None).await.map(|_| ())
    }

    /// Sends one request with retries and returns the body of a 2xx answer.
    ///
    /// Retried: 429 (never processed by Twilio, so safe for POST too, honouring
    /// `Retry-After`); 500/502/503/504 and broken connections for GET only; a POST
    /// whose connection failed before anything was sent. Never beyond the limits' tries,
    /// and never beyond the retry budget in all: each try may take only what is left of it,
    /// and a wait that would end past it is not waited.
    pub(super) async fn send(
        &self,
        c: &Credentials,
        method: Method,
        url: Url,
        form: Option<&[(&str, &str)]>,
    ) -> Result<Body> {
        let started = Instant::now();
        let idempotent = method == Method::GET;
        let budget = self.limits.retry_budget;
        let mut tries: u32 = 0;
        loop {
            tries = tries.saturating_add(1);
            log::debug!("{method} {} (try {tries})", url.path());
            let left = budget.saturating_sub(started.elapsed());
            let timeout = self.limits.request_timeout.min(left).max(MIN_TRY);
            let mut request = self
                .http
                .request(method.clone(), url.clone())
                .basic_auth(c.username(), Some(c.secret().expose_secret()))
                .header(ACCEPT, "application/json")
                .timeout(timeout);
            if let Some(pairs) = form {
                request = request.form(pairs);
            }
            let outcome = match request.send().await {
                Ok(response) => {
                    let status = response.status();
                    let retry_after = retry_after(response.headers(), budget);
                    let body = read_capped(response, &self.limits, timeout).await;
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
                        error: network_error(&e, timeout),
                        retryable: not_sent || idempotent,
                        wait: None,
                    }
                }
            };
            let wait = outcome
                .wait
                .unwrap_or_else(|| backoff(self.limits.base_backoff, tries));
            let left = budget.saturating_sub(started.elapsed());
            if !outcome.retryable || tries >= self.limits.max_tries || wait >= left {
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

/// Exponential back-off with full jitter, so many clients do not retry in step.
fn backoff(base: Duration, tries: u32) -> Duration {
    let ceiling = base.saturating_mul(
        1_u32
            .checked_shl(tries.saturating_sub(1).min(8))
            .unwrap_or(256),
    );
    ceiling.mul_f64(0.5 + fastrand::f64() * 0.5)
}

/// The shortest a try is given, however little of the budget is left.
const MIN_TRY: Duration = Duration::from_millis(250);

/// `Retry-After` in seconds or as an HTTP date, never more than `cap`: a server can ask
/// for any number (18446744073709551615 seconds), and the wait must still be a wait.
fn retry_after(headers: &HeaderMap, cap: Duration) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs).min(cap));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(std::time::SystemTime::now())
            .unwrap_or(Duration::ZERO)
            .min(cap),
    )
}

async fn read_capped(
    mut response: reqwest::Response,
    limits: &Limits,
    timeout: Duration,
) -> Result<Vec<u8>> {
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
        .map_err(|e| network_error(&e, timeout))?
    {
        if body.len().saturating_add(chunk.len()) > cap {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn network_error(e: &reqwest::Error, timeout: Duration) -> TrustHubError {
    if e.is_timeout() {
        return TrustHubError::Timeout(timeout);
    }
    let what = if e.is_connect() {
        "TrustHub Desk could not connect to Twilio. Check that this computer is online, then try again; nothing you typed is lost."
    } else {
        "The connection to Twilio broke before the answer was complete. Check your network, then try again; nothing you typed is lost."
    };
    TrustHubError::Network(what.to_owned())
}

/// A successful answer.
pub(super) struct Body {
    pub(super) status: u16,
    pub(super) bytes: Vec<u8>,
}

pub(super) fn decode<T: DeserializeOwned>(body: &Body) -> Result<T> {
    parse_body(body.status, &body.bytes)
}

/// A next-page address comes from the server: follow it only on the origin the list came
/// from, so the credentials never go anywhere else.
fn follow(origin: &Url, text: &str) -> Result<Url> {
    let url = origin.join(text).map_err(|_| {
        TrustHubError::RefusedUrl(
            "Twilio sent a next-page address that is not a web address.".into(),
        )
    })?;
    if same_origin(&url, origin) {
        Ok(url)
    } else {
        Err(TrustHubError::RefusedUrl(format!(
            "The next page is on another server ({}); TrustHub Desk sends your credentials only to {}.",
            url.origin().ascii_serialization(),
            origin.origin().ascii_serialization()
        )))
    }
}
