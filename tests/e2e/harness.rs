//! Drives the real app window: tauri-driver + WebKitWebDriver under Xvfb, one session
//! at a time. scripts/test.sh provides the display, the session bus and the keyring.
#![allow(dead_code)] // shared with the benchmark, which uses only part of it

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

use trusthub_desk::credentials::{KeyringStore, SecretStore};
use trusthub_desk::sandbox;
use trusthub_desk::state::KEYRING_SERVICE;
use trusthub_desk::trusthub::base_url::{server_id, TWILIO_SERVER};

/// One window at a time: WebKitWebDriver serves a single session.
static ONE_WINDOW: Mutex<()> = Mutex::const_new(());

const WAIT: Duration = Duration::from_secs(20);

/// WebDriver's codes for the keys a person presses.
pub const TAB: &str = "\u{E004}";
pub const ENTER: &str = "\u{E007}";
pub const ESCAPE: &str = "\u{E00C}";
pub const UP: &str = "\u{E013}";
pub const CONTROL: &str = "\u{E009}";
pub const SHIFT: &str = "\u{E008}";
/// Lets go of every modifier held down (Control).
pub const RELEASE: &str = "\u{E000}";

pub struct App {
    pub client: Client,
    driver: Child,
    _turn: tokio::sync::MutexGuard<'static, ()>,
    /// What the person did so far: clicks, and fields typed into (a test of effort counts them).
    clicks: std::sync::atomic::AtomicUsize,
    typed: std::sync::atomic::AtomicUsize,
}

/// How to launch the app for one test.
#[derive(Default)]
pub struct Launch {
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    /// Another binary than the debug build of the app (the benchmark's release build or
    /// bare window).
    pub application: Option<PathBuf>,
    /// The config folder (`XDG_CONFIG_HOME`) to start with; a fresh one when `None`.
    pub config_home: Option<PathBuf>,
}

impl Launch {
    pub fn demo() -> Self {
        Self {
            args: vec!["--demo".into()],
            ..Self::default()
        }
    }

    pub fn against(base_url: &str) -> Self {
        Self {
            env: vec![("TRUSTHUB_DESK_BASE_URL".into(), base_url.into())],
            ..Self::default()
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The app's keyring entry for one account on the server at `base` (a test's sandbox).
pub fn app_keyring(base: &url::Url, account_sid: &str) -> KeyringStore {
    KeyringStore::new(KEYRING_SERVICE, account_sid, server_id(base))
}

/// The app's keyring entry for one account on Twilio.
pub fn twilio_keyring(account_sid: &str) -> KeyringStore {
    KeyringStore::new(KEYRING_SERVICE, account_sid, TWILIO_SERVER)
}

/// Empties the entries of the sandbox's accounts. Each launch also gets a fresh config
/// folder, so the app starts with no saved accounts and shows the first-run screen.
pub fn forget_saved_credentials() {
    for sid in [sandbox::DEMO_ACCOUNT_SID, sandbox::SECOND_ACCOUNT_SID] {
        twilio_keyring(sid)
            .delete()
            .expect("the test keyring must be reachable");
    }
}

/// Also on a failed assertion: a window left running would take the single-instance
/// lock and swallow every later launch.
impl Drop for App {
    fn drop(&mut self) {
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl App {
    /// The demo, with no saved account to open instead, on its Texting tab.
    pub async fn demo_on_texting() -> App {
        forget_saved_credentials();
        let app = App::launch(Launch::demo()).await;
        app.visible("#profile-list").await;
        app.click("#tab-texting").await;
        app
    }

    pub async fn launch(launch: Launch) -> App {
        let turn = ONE_WINDOW.lock().await;
        let port = free_port();
        let native_port = free_port();
        let driver_bin = std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into());
        let mut command = Command::new(driver_bin);
        // Its own process group, so closing kills WebKitWebDriver and the app with it.
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(match std::env::var_os("TRUSTHUB_DESK_DRIVER_LOG") {
                // What the app and WebKit print, for looking into a failure by hand.
                Some(path) => {
                    std::fs::File::create(path).map_or_else(|_| Stdio::null(), Stdio::from)
                }
                None => Stdio::null(),
            });
        // WebKitWebDriver starts the app with this environment.
        command
            .env_remove("TRUSTHUB_DESK_BASE_URL")
            .env_remove("TRUSTHUB_DESK_DEMO");
        // A fresh config folder per launch: the remembered window size of one test must not shape the next.
        let config = launch.config_home.clone().unwrap_or_else(|| {
            std::env::temp_dir().join(format!("trusthub-desk-e2e-{}-{port}", std::process::id()))
        });
        command.env("XDG_CONFIG_HOME", &config);
        // The history of changes lives in the data folder: one beside each config folder,
        // so a relaunch with the same config finds its history too.
        let mut data = config.clone().into_os_string();
        data.push("-data");
        command.env("XDG_DATA_HOME", &data);
        // The check for a new version at start goes to this computer's closed port 9 (no
        // answer, no word in the window) unless a test names its own update feed.
        command.env(
            "TRUSTHUB_DESK_UPDATE_ENDPOINT",
            "http://127.0.0.1:9/latest.json",
        );
        for (k, v) in &launch.env {
            command.env(k, v);
        }
        let driver = command
            .spawn()
            .expect("tauri-driver must be installed (scripts/test.sh installs it)");
        let url = format!("http://127.0.0.1:{port}");
        let application = launch
            .application
            .clone()
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_trusthub-desk")));
        let deadline = Instant::now() + WAIT;
        let client = loop {
            let mut caps = serde_json::Map::new();
            caps.insert(
                "tauri:options".into(),
                json!({ "application": application, "args": launch.args }),
            );
            caps.insert("browserName".into(), json!("wry"));
            let mut builder = ClientBuilder::rustls().unwrap();
            builder.capabilities(caps);
            match tokio::time::timeout(WAIT, builder.connect(&url)).await {
                Ok(Ok(c)) => break c,
                Ok(Err(_)) if Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Ok(Err(e)) => panic!("could not open the app window: {e}"),
                Err(_) => panic!("the app window did not open within {WAIT:?}"),
            }
        };
        App {
            client,
            driver,
            _turn: turn,
            clicks: Default::default(),
            typed: Default::default(),
        }
    }

    /// Ends the session and every process behind it. The window may be asking a
    /// question (unsaved edits), so the polite close is given a few seconds only.
    pub async fn close(self) {
        let _ = tokio::time::timeout(Duration::from_secs(5), self.client.clone().close()).await;
        // Drop kills what is left.
    }

    /// Waits until an element matching `css` exists and is displayed.
    pub async fn visible(&self, css: &str) -> Element {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                if el.is_displayed().await.unwrap_or(false) {
                    return el;
                }
            }
            if Instant::now() > deadline {
                self.dump(css).await;
                panic!("{css} did not become visible");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The text of every element `css` finds, in page order (now, without waiting).
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        for el in self.client.find_all(Locator::Css(css)).await.unwrap() {
            out.push(el.text().await.unwrap());
        }
        out
    }

    /// Waits until the text of `css` contains `expected`; returns the whole text.
    pub async fn text_contains(&self, css: &str, expected: &str) -> String {
        let deadline = Instant::now() + WAIT;
        let mut last = String::new();
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                last = el.text().await.unwrap_or_default();
                if last.contains(expected) {
                    return last;
                }
            }
            if Instant::now() > deadline {
                self.dump(css).await;
                panic!("{css} never contained {expected:?}; last text: {last:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn value(&self, css: &str) -> String {
        self.visible(css)
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    }

    /// Waits until the input `css` holds `expected` (it is filled in after a request).
    pub async fn value_is(&self, css: &str, expected: &str) {
        let deadline = Instant::now() + WAIT;
        loop {
            let v = self.value(css).await;
            if v == expected {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{css} holds {v:?}, expected {expected:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Whether `css` exists and is displayed now (no waiting).
    pub async fn shown_now(&self, css: &str) -> bool {
        match self.client.find(Locator::Css(css)).await {
            Ok(el) => el.is_displayed().await.unwrap_or(false),
            Err(_) => false,
        }
    }

    pub async fn enabled(&self, css: &str) -> bool {
        self.visible(css).await.is_enabled().await.unwrap()
    }

    /// Clicks like a person: if something covers the element for a moment (a toast,
    /// the busy bar), waits for it to go.
    pub async fn click(&self, css: &str) {
        self.clicks
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let deadline = Instant::now() + WAIT;
        loop {
            let el = self.visible(css).await;
            // WebDriver scrolls an element to the very top, under the sticky header.
            let _ = self
                .client
                .execute(
                    "arguments[0].scrollIntoView({block: 'center'})",
                    vec![serde_json::to_value(&el).unwrap()],
                )
                .await;
            match el.click().await {
                Ok(_) => return,
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("could not click {css}: {e}"),
            }
        }
    }

    /// Fills in the first-run screen with an Auth Token and presses Connect.
    pub async fn sign_in(&self, account_sid: &str, secret: &str) {
        self.type_into("#cred-accountSid", account_sid).await;
        self.type_into("#cred-secret", secret).await;
        self.click("#connect").await;
    }

    /// Pastes a SID into the list's search box ("Search by name or SID") and opens it.
    pub async fn open_profile(&self, sid: &str) {
        self.type_into("#search-name", sid).await;
        self.click("#search").await;
    }

    /// On an open profile whose requirements are all met: **Check with Twilio**, then
    /// **Submit for review…** and its confirmation, and waits for Pending review, then
    /// In review, in the status card at the top.
    pub async fn check_and_submit(&self) {
        self.click("#check-now").await;
        self.text_contains("#requirements-summary", "every requirement passed")
            .await;
        // The status card settles first: its Fix button leaves and Submit moves into its
        // place, so a press aimed before that move would land beside the button.
        self.text_contains("#status-card", "Everything Twilio needs is here")
            .await;
        self.press_submit().await;
        self.click("#confirm-ok").await;
        self.text_contains("#status-card", "Pending review").await;
        self.text_contains("#status-card", "In review").await;
    }

    /// Answers the in-window question: checks its words, then presses its button.
    pub async fn confirm(&self, words: &str, button: &str) {
        self.text_contains("#confirm-text", words).await;
        self.text_contains("#confirm-ok", button).await;
        self.click("#confirm-ok").await;
    }

    /// Presses Submit for review… and waits for its question, which says Twilio's check
    /// passed. On a loaded machine a press can still land while the card moves: when no
    /// question came within 5 s and the button is not busy (a pressed Submit disables itself
    /// until it is done, so a second press never submits twice), it is pressed again.
    async fn press_submit(&self) {
        let deadline = Instant::now() + WAIT;
        loop {
            self.click("#submit-review").await;
            let pressed = Instant::now();
            while pressed.elapsed() < Duration::from_secs(5) {
                let text = match self.client.find(Locator::Css("#confirm-text")).await {
                    Ok(el) => el.text().await.unwrap_or_default(),
                    Err(_) => String::new(),
                };
                if text.contains("every requirement passed") {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            let busy = self
                .client
                .execute(
                    "return document.querySelector('#submit-review').disabled",
                    vec![],
                )
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(true);
            if Instant::now() > deadline || busy {
                self.text_contains("#confirm-text", "every requirement passed")
                    .await;
                return;
            }
        }
    }

    /// What axe-core finds wrong on the page as it is now (WCAG 2.1 A and AA rules), one
    /// line per rule broken with the elements that break it; empty when nothing is.
    pub async fn axe_violations(&self) -> Vec<String> {
        let axe = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scripts/node_modules/axe-core/axe.min.js"
        ))
        .expect("axe-core is installed by scripts/test.sh (npm ci in scripts/)");
        self.client.execute(&axe, vec![]).await.unwrap();
        let found = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] })
                   .then((r) => done(r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`)))
                   .catch((e) => done([`axe did not run: ${e}`]));",
                vec![],
            )
            .await
            .unwrap();
        let mut violations: Vec<String> = serde_json::from_value(found).unwrap();
        // An id twice in the document (a hidden view's included) can tie a label or a
        // description to the wrong element; axe-core looks only at what is shown.
        let twice = self
            .client
            .execute(
                "const n = new Map();
                 for (const el of document.querySelectorAll('[id]')) n.set(el.id, (n.get(el.id) ?? 0) + 1);
                 return [...n].filter(([, c]) => c > 1).map(([id, c]) => `duplicate id: #${id} is on ${c} elements`);",
                vec![],
            )
            .await
            .unwrap();
        violations.extend(serde_json::from_value::<Vec<String>>(twice).unwrap());
        violations
    }

    /// Fails the test with what axe-core finds on the page as it is now, if anything.
    pub async fn assert_accessible(&self, screen: &str) {
        let violations = self.axe_violations().await;
        assert!(
            violations.is_empty(),
            "{screen}: {} axe-core violations:\n{}",
            violations.len(),
            violations.join("\n")
        );
    }

    /// How many clicks and typed fields the test made the person do since it started
    /// counting (`effort_reset`).
    pub fn effort(&self) -> (usize, usize) {
        use std::sync::atomic::Ordering::Relaxed;
        (self.clicks.load(Relaxed), self.typed.load(Relaxed))
    }

    pub fn effort_reset(&self) {
        use std::sync::atomic::Ordering::Relaxed;
        self.clicks.store(0, Relaxed);
        self.typed.store(0, Relaxed);
    }

    /// Opens the account menu in the top bar, if it is closed. A click that lands while
    /// the top bar is being drawn again (the account's name changing its width) may miss,
    /// as it would for a person: then it clicks again.
    pub async fn open_account_menu(&self) {
        let deadline = Instant::now() + WAIT;
        let mut clicked = false;
        while !self.account_menu_open().await {
            assert!(Instant::now() < deadline, "the account menu opens");
            if clicked {
                tokio::time::sleep(Duration::from_millis(250)).await;
                if self.account_menu_open().await {
                    break;
                }
            }
            self.click("#account-menu-button").await;
            clicked = true;
        }
    }

    /// Whether the account menu is open. Asked of the page: WebKitWebDriver calls what
    /// is inside a closed `<details>` displayed.
    pub async fn account_menu_open(&self) -> bool {
        self.client
            .execute(
                "return document.getElementById('account-menu').open;",
                vec![],
            )
            .await
            .unwrap()
            .as_bool()
            .unwrap_or(false)
    }

    /// Waits until what the account menu says of the connection contains `expected`: the
    /// account's name on the menu's button, how it is connected inside it.
    pub async fn account_contains(&self, expected: &str) -> String {
        self.open_account_menu().await;
        let deadline = Instant::now() + WAIT;
        loop {
            let said = self
                .texts("#account-menu-button, #account-text")
                .await
                .join("\n");
            if said.contains(expected) {
                if self.account_menu_open().await {
                    self.click("#account-menu-button").await; // closes it again
                }
                return said;
            }
            if Instant::now() > deadline {
                panic!("the account menu never said {expected:?}; last: {said:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
            self.open_account_menu().await;
        }
    }

    /// Chooses `css` (Add an account…, Forget credentials…) in the account menu.
    pub async fn account_action(&self, css: &str) {
        self.open_account_menu().await;
        self.click(css).await;
    }

    /// Switches to the saved account `account_sid` with the account menu's list.
    pub async fn switch_account(&self, account_sid: &str) {
        self.open_account_menu().await;
        self.select("#account-switcher", account_sid).await;
    }

    /// Chooses the option with `value` in the list `css`, as a person would.
    pub async fn select(&self, css: &str, value: &str) {
        self.click(&format!("{css} option[value=\"{value}\"]"))
            .await;
    }

    /// Chooses the first option of the list `css` whose words include `text`, as a person
    /// would (by what it says, not its value).
    pub async fn select_by_text(&self, css: &str, text: &str) {
        let list = self.visible(css).await;
        let value = self
            .client
            .execute(
                "return [...arguments[0].options].find(o => o.textContent.includes(arguments[1]))?.value ?? null;",
                vec![serde_json::to_value(&list).unwrap(), serde_json::json!(text)],
            )
            .await
            .unwrap();
        let value = value
            .as_str()
            .unwrap_or_else(|| panic!("no option of {css} says {text:?}"))
            .to_owned();
        self.select(css, &value).await;
    }

    /// Replaces what an input holds with `text`, as a person would type it.
    pub async fn type_into(&self, css: &str, text: &str) {
        self.typed
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let el = self.visible(css).await;
        el.clear().await.unwrap();
        el.send_keys(text).await.unwrap();
    }

    // ---- The keyboard, as a person without a mouse uses it ----

    /// Sends keys to whatever has the focus, as a person typing.
    pub async fn keys(&self, text: &str) {
        let active = self.client.active_element().await.unwrap();
        active.send_keys(text).await.unwrap();
    }

    /// The element that has the focus, as `tag#id` (or `tag.class` without an id).
    pub async fn focused(&self) -> String {
        self.client
            .execute(
                "const e = document.activeElement; if (!e) return ''; \
                 return e.tagName.toLowerCase() + (e.id ? '#' + e.id : (e.className ? '.' + String(e.className).split(' ')[0] : ''));",
                vec![],
            )
            .await
            .unwrap()
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Whether the focused element matches `css`.
    pub async fn focus_is(&self, css: &str) -> bool {
        self.client
            .execute(
                "return !!document.activeElement && document.activeElement.matches(arguments[0]);",
                vec![css.into()],
            )
            .await
            .unwrap()
            .as_bool()
            .unwrap_or(false)
    }

    /// Waits until the focus is on `css` (it moves after an answer arrives).
    pub async fn wait_focus(&self, css: &str) {
        let deadline = Instant::now() + WAIT;
        while !self.focus_is(css).await {
            if Instant::now() > deadline {
                let now = self.focused().await;
                panic!("the focus never reached {css}; it is on {now}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Presses Tab until the focus is on `css`, at most `max` times. Each stop must come
    /// after the previous one in the page (tab order follows the page; from the last stop
    /// it may go round to the top once) and must show that it has the focus (an outline).
    pub async fn tab_to(&self, css: &str, max: usize) {
        self.move_focus_to(css, max, true).await;
    }

    /// The same with Shift+Tab, backwards through the page.
    pub async fn back_tab_to(&self, css: &str, max: usize) {
        self.move_focus_to(css, max, false).await;
    }

    async fn move_focus_to(&self, css: &str, max: usize, forwards: bool) {
        let key = if forwards {
            TAB.to_owned()
        } else {
            format!("{SHIFT}{TAB}{RELEASE}")
        };
        let mut wrapped = false;
        for _ in 0..max {
            if self.focus_is(css).await {
                return;
            }
            let was = self.focused().await;
            self.client
                .execute("window.__tabFrom = document.activeElement;", vec![])
                .await
                .unwrap();
            self.keys(&key).await;
            let order: serde_json::Value = self
                .client
                .execute(
                    "const prev = window.__tabFrom; const now = document.activeElement; \
                     const after = arguments[0] ? Node.DOCUMENT_POSITION_FOLLOWING : Node.DOCUMENT_POSITION_PRECEDING; \
                     const follows = !prev || prev === document.body || !prev.isConnected || !!(prev.compareDocumentPosition(now) & after); \
                     const style = getComputedStyle(now); \
                     if (now === document.body) return [true, true]; /* past the last stop, before going round */ \
                     return [follows, style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0];",
                    vec![forwards.into()],
                )
                .await
                .unwrap();
            let now = self.focused().await;
            if order[0] != true {
                assert!(
                    !wrapped,
                    "on the way to {css}, Tab went back from {was} to {now}"
                );
                wrapped = true;
            }
            assert_eq!(
                order[1], true,
                "on the way to {css}, {now} has the focus but shows no outline"
            );
        }
        let now = self.focused().await;
        assert!(
            self.focus_is(css).await,
            "{css} not reached in {max} Tabs; the focus is on {now}"
        );
    }

    /// Waits (up to 6 s) until the toast has gone, for a picture it would cover.
    pub async fn toast_gone(&self) {
        for _ in 0..60 {
            let shown = self
                .client
                .execute("return !document.getElementById('toast').hidden;", vec![])
                .await
                .unwrap();
            if shown == serde_json::Value::Bool(false) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the toast is still shown after 6 s");
    }

    /// The same, with `css` scrolled to the top of the window first.
    pub async fn screenshot_at(&self, css: &str, name: &str) {
        if std::env::var_os("TRUSTHUB_DESK_SCREENSHOTS").is_none() {
            return;
        }
        let el = self.visible(css).await;
        let _ = self
            .client
            .execute(
                "arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -60);",
                vec![serde_json::to_value(&el).unwrap()],
            )
            .await;
        self.screenshot(name).await;
    }

    /// Saves a PNG of the window's content when TRUSTHUB_DESK_SCREENSHOTS names a folder.
    pub async fn screenshot(&self, name: &str) {
        let Ok(dir) = std::env::var("TRUSTHUB_DESK_SCREENSHOTS") else {
            return;
        };
        // Let the busy bar and toasts settle.
        tokio::time::sleep(Duration::from_millis(400)).await;
        // WebKitWebDriver's screenshot never answers once a page that was taller than the
        // window has become shorter than it (WebKitGTK, compositing off): one pixel more
        // than the window keeps the page scrollable for the picture, then it is put back.
        const TALLER: &str = "document.body.style.minHeight = 'calc(100vh + 1px)'; return 1;";
        const AS_IT_WAS: &str = "document.body.style.minHeight = ''; return 1;";
        self.client.execute(TALLER, vec![]).await.unwrap();
        let png = self.client.screenshot().await.unwrap();
        self.client.execute(AS_IT_WAS, vec![]).await.unwrap();
        let path = PathBuf::from(dir).join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap();
    }

    async fn dump(&self, what: &str) {
        if let Ok(body) = self.client.find(Locator::Css("body")).await {
            eprintln!(
                "--- window text while waiting for {what} ---\n{}",
                body.text().await.unwrap_or_default()
            );
        }
    }
}
