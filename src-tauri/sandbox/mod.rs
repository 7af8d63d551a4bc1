//! The demo sandbox: a stand-in for TrustHub and the classic API, served over real HTTP on
//! 127.0.0.1, so the app's own client talks to it exactly as it talks to Twilio. State lives
//! in memory and starts fresh at each launch, with secrets made at random for that launch.
//!
//! It answers only requests addressed to its own `127.0.0.1:port` (a web page cannot reach
//! it by another name), stops when dropped, and refuses what Twilio refuses.

pub mod catalog;
mod data;
mod routes;
mod store;
mod texting_routes;

use std::sync::Arc;
use std::time::Duration;
use url::Url;

use crate::credentials::Credentials;

pub use data::{generated_name, profile_sid, sid, trust_product_sid, Seeded};
pub use routes::Registry;

/// The demo's made-up account. Not a real Twilio account; it opens only the sandbox.
pub const DEMO_ACCOUNT_SID: &str = "AC0000000000000000000000000000de70";
pub const DEMO_API_KEY_SID: &str = "SK0000000000000000000000000000de70";

/// A second made-up account with profiles of its own, for switching between accounts.
pub const SECOND_ACCOUNT_SID: &str = "AC0000000000000000000000000000de71";
/// Seed indexes of the second account's profiles (beyond the first account's default 64).
pub const SECOND_ACCOUNT_PROFILES: std::ops::Range<usize> = 100..104;

/// How many profiles the demo seeds at most, whatever the environment asks for.
pub const MAX_PROFILES: usize = 20_000;
/// How many subaccounts at most.
pub const MAX_SUBACCOUNTS: usize = 2_000;
/// How many profiles each subaccount has at most.
pub const MAX_PROFILES_PER_SUBACCOUNT: usize = 20;

pub const PROFILES_ENV: &str = "TRUSTHUB_DESK_DEMO_PROFILES";
pub const SUBACCOUNTS_ENV: &str = "TRUSTHUB_DESK_DEMO_SUBACCOUNTS";
pub const LATENCY_ENV: &str = "TRUSTHUB_DESK_DEMO_LATENCY_MS";
/// How many seconds Twilio takes to decide in the demo (30 unless set; the watch's tests).
pub const DECISION_ENV: &str = "TRUSTHUB_DESK_DEMO_DECISION_SECONDS";
/// Subaccount `i` has `1 + i % n` profiles: with 9, five on average (the benchmark's).
pub const PROFILES_PER_SUBACCOUNT_ENV: &str = "TRUSTHUB_DESK_DEMO_PROFILES_PER_SUBACCOUNT";
/// Set to 1: each subaccount has an approved brand, one Messaging Service with up to three
/// of its numbers and an approved campaign (the benchmark's texting at scale).
pub const SUBACCOUNT_TEXTING_ENV: &str = "TRUSTHUB_DESK_DEMO_SUBACCOUNT_TEXTING";

#[derive(Debug, Clone)]
pub struct Config {
    /// How many Customer-Profiles to seed in the main account (at least the named ones).
    pub profiles: usize,
    /// How long a submitted profile stays `pending-review` before it is `in-review`.
    pub review_delay: Duration,
    /// How long Twilio then takes to decide (approve, or reject what does not comply);
    /// `None`: never.
    pub decision_delay: Option<Duration>,
    /// Subaccounts of the main account, each with `profiles_per_subaccount` profiles.
    pub subaccounts: usize,
    pub profiles_per_subaccount: usize,
    /// Added to every answer (the benchmark's network).
    pub latency: Duration,
    /// A brand, Messaging Services, campaigns (one approved, one failed) and numbers in the
    /// main account: the demo's. Texting's rule tests start without, to make their own.
    pub texting: bool,
    /// Each subaccount with a brand, a service of up to three numbers and its campaign.
    pub subaccount_texting: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            profiles: 64,
            review_delay: Duration::from_secs(4),
            decision_delay: None,
            subaccounts: 0,
            profiles_per_subaccount: 3,
            latency: Duration::ZERO,
            texting: false,
            subaccount_texting: false,
        }
    }
}

impl Config {
    /// The demo the app starts: 64 profiles, three subaccounts, Twilio deciding 30 s
    /// after a profile goes into review. The environment may ask for more, within bounds.
    pub fn demo() -> Self {
        let number = |name: &str| {
            std::env::var(name)
                .ok()
                .and_then(|v| v.trim().parse::<usize>().ok())
        };
        Self {
            profiles: number(PROFILES_ENV).unwrap_or(64).min(MAX_PROFILES),
            review_delay: Duration::from_secs(4),
            decision_delay: Some(Duration::from_secs(
                number(DECISION_ENV).unwrap_or(30).clamp(1, 3_600) as u64,
            )),
            subaccounts: number(SUBACCOUNTS_ENV).unwrap_or(3).min(MAX_SUBACCOUNTS),
            profiles_per_subaccount: number(PROFILES_PER_SUBACCOUNT_ENV).unwrap_or(3).max(1),
            latency: Duration::from_millis(number(LATENCY_ENV).unwrap_or(0).min(10_000) as u64),
            texting: true,
            subaccount_texting: number(SUBACCOUNT_TEXTING_ENV) == Some(1),
        }
        .bounded()
    }

    /// The same within the bounds, whoever made it.
    pub fn bounded(mut self) -> Self {
        self.profiles = self.profiles.min(MAX_PROFILES);
        self.subaccounts = self.subaccounts.min(MAX_SUBACCOUNTS);
        self.profiles_per_subaccount = self
            .profiles_per_subaccount
            .min(MAX_PROFILES_PER_SUBACCOUNT);
        self
    }
}

/// The SID of the `i`-th subaccount of the demo account.
pub fn subaccount_sid(i: usize) -> String {
    sid("AC", 5_000_u64.saturating_add(i as u64))
}

/// A running sandbox; it stops (its port closes) when dropped.
pub struct Sandbox {
    base: Url,
    registry: Arc<Registry>,
    _stop: tokio::sync::oneshot::Sender<()>,
}

impl Sandbox {
    /// Binds a free port on 127.0.0.1 and serves until dropped.
    pub async fn start(config: Config) -> std::io::Result<Self> {
        let config = config.bounded();
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let base = format!("http://{addr}");
        let url = Url::parse(&base).map_err(std::io::Error::other)?;
        let registry = Arc::new(Registry::seeded(&base, addr.port(), &config)?);
        let app = routes::router(registry.clone());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            let served = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
            if let Err(e) = served {
                log::error!("demo sandbox stopped: {e}");
            }
        });
        log::info!("demo sandbox listening on {base}");
        Ok(Self {
            base: url,
            registry,
            _stop: stop,
        })
    }

    pub fn base_url(&self) -> Url {
        self.base.clone()
    }

    /// How many requests it has taken so far.
    pub fn requests(&self) -> u64 {
        self.registry.answered()
    }

    /// The demo account's Account SID and this launch's Auth Token.
    pub fn demo_credentials(&self) -> Option<Credentials> {
        self.credentials_of(DEMO_ACCOUNT_SID)
    }

    /// The demo account's API key and this launch's secret for it.
    pub fn demo_api_key(&self) -> Option<Credentials> {
        let secret = self.registry.api_key_secret().to_owned();
        Credentials::new(DEMO_ACCOUNT_SID, Some(DEMO_API_KEY_SID), secret.into()).ok()
    }

    pub fn second_credentials(&self) -> Option<Credentials> {
        self.credentials_of(SECOND_ACCOUNT_SID)
    }

    /// The Account SID and Auth Token of any account of the sandbox (subaccounts too).
    pub fn credentials_of(&self, account_sid: &str) -> Option<Credentials> {
        let token = self.registry.token(account_sid)?;
        Credentials::new(account_sid, None, token.into()).ok()
    }

    /// This launch's Auth Token of an account, for tests that type it in.
    pub fn auth_token(&self, account_sid: &str) -> Option<String> {
        self.registry.token(account_sid)
    }
}
