//! The demo sandbox: a stand-in for TrustHub served over real HTTP on 127.0.0.1, so the
//! app's own client talks to it exactly as it talks to Twilio. State lives in memory and
//! starts fresh at each launch.

mod data;
mod routes;
mod store;

use std::time::Duration;
use url::Url;

use crate::credentials::Credentials;

pub use data::{profile_sid, Seeded};

/// The demo's made-up account. Not a real Twilio account; it opens only the sandbox.
pub const DEMO_ACCOUNT_SID: &str = "AC0000000000000000000000000000de70";
pub const DEMO_AUTH_TOKEN: &str = "demo-auth-token";
pub const DEMO_API_KEY_SID: &str = "SK0000000000000000000000000000de70";
pub const DEMO_API_KEY_SECRET: &str = "demo-api-key-secret";

/// A second made-up account with profiles of its own, for switching between accounts.
pub const SECOND_ACCOUNT_SID: &str = "AC0000000000000000000000000000de71";
pub const SECOND_AUTH_TOKEN: &str = "second-demo-token";
/// Seed indexes of the second account's profiles (beyond the first account's default 64).
pub const SECOND_ACCOUNT_PROFILES: std::ops::Range<usize> = 100..103;

pub fn demo_credentials() -> Result<Credentials, crate::trusthub::validate::FieldError> {
    Credentials::new(DEMO_ACCOUNT_SID, None, DEMO_AUTH_TOKEN.into())
}

#[derive(Debug, Clone)]
pub struct Config {
    /// How many Customer-Profiles to seed (at least the named ones).
    pub profiles: usize,
    /// How long a submitted profile stays `pending-review` before it is `in-review`.
    pub review_delay: Duration,
}

impl Config {
    pub fn demo() -> Self {
        let profiles = std::env::var("TRUSTHUB_DESK_DEMO_PROFILES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(64);
        Self {
            profiles,
            review_delay: Duration::from_secs(4),
        }
    }
}

/// A running sandbox; it stops when dropped.
pub struct Sandbox {
    base: Url,
    _stop: tokio::sync::oneshot::Sender<()>,
}

impl Sandbox {
    /// Binds a free port on 127.0.0.1 and serves until dropped.
    pub async fn start(config: Config) -> std::io::Result<Self> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let base = format!("http://{addr}");
        let url = Url::parse(&base).map_err(std::io::Error::other)?;
        let app = routes::router(
            store::Db::seeded(&base, &config),
            store::Db::seeded_second(&base, &config),
        );
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
            _stop: stop,
        })
    }

    pub fn base_url(&self) -> Url {
        self.base.clone()
    }
}
