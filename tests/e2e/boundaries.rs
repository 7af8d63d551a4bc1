//! The window's boundaries, tried from inside the window: it cannot open a web page
//! itself, the app opens only Twilio's pages, it cannot navigate away, and a server that
//! is not Twilio is named in a banner that stays.

use crate::harness::{forget_saved_credentials, App, Launch};
use crate::sandbox as started_sandbox;

async fn try_invoke(app: &App, command: &str, url: &str) -> serde_json::Value {
    app.client
        .execute_async(
            "const [command, url, done] = arguments; \
             window.__TAURI__.core.invoke(command, { url }).then(() => done('opened'), (e) => done(e));",
            vec![command.into(), url.into()],
        )
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_window_opens_no_page_itself_and_the_app_only_twilios() {
    forget_saved_credentials();
    let app = App::launch(Launch::demo()).await;
    app.text_contains("#profile-count", "profiles shown").await;
    for hostile in [
        "https://evil.example/.twilio.com/",
        "https://evil.example/?x=.twilio.com/",
        "https://user@evil.example/a.twilio.com/",
        "https://www.twilio.com.evil.example/",
    ] {
        // The opener plugin's own command: the window has no right to it at all.
        let direct = try_invoke(&app, "plugin:opener|open_url", hostile).await;
        assert_ne!(direct, "opened", "{hostile}");
        assert!(direct.to_string().contains("not allowed"), "{direct}");
        // The app's command: it parses the address and refuses it.
        let asked = try_invoke(&app, "open_twilio_page", hostile).await;
        assert_eq!(asked["kind"], "refused-url", "{hostile}: {asked}");
    }
    let twilio = try_invoke(
        &app,
        "plugin:opener|open_url",
        "https://www.twilio.com/docs",
    )
    .await;
    assert!(twilio.to_string().contains("not allowed"), "{twilio}");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_window_never_navigates_away_from_the_app() {
    forget_saved_credentials();
    let app = App::launch(Launch::demo()).await;
    app.text_contains("#profile-count", "profiles shown").await;
    app.client
        .execute("window.location.href = 'https://example.com/';", vec![])
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let url = app.client.current_url().await.unwrap();
    assert_eq!(url.scheme(), "tauri", "{url}");
    app.text_contains("#home-title", "Your Customer-Profiles")
        .await;
    let banner = app
        .client
        .find(fantoccini::Locator::Css("#server-banner"))
        .await
        .unwrap();
    assert!(
        !banner.is_displayed().await.unwrap(),
        "the demo has its own banner, not the not-Twilio one"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_server_that_is_not_twilio_is_named_in_a_banner_that_stays() {
    forget_saved_credentials();
    let server = started_sandbox().await;
    let origin = server.base_url().origin().ascii_serialization();
    let app = App::launch(Launch::against(&origin)).await;
    let banner = app.text_contains("#server-banner", &origin).await;
    assert!(banner.starts_with("Not Twilio."), "{banner}");
    app.sign_in(
        trusthub_desk::sandbox::DEMO_ACCOUNT_SID,
        &server
            .auth_token(trusthub_desk::sandbox::DEMO_ACCOUNT_SID)
            .unwrap(),
    )
    .await;
    app.text_contains("#profile-count", "profiles shown").await;
    app.text_contains("#server-banner", &origin).await;
    app.click(".row-open").await;
    app.text_contains("#profile-details", "Notification e-mail")
        .await;
    app.text_contains("#server-banner", "never sent here").await;
    app.close().await;
}
