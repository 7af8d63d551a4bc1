//! The window never leaves the app's own pages: a dropped link, a link in server text or a
//! future bug cannot take it to a web page (which would get the app's commands).

use url::Url;

/// Whether the window may go to `url`: the app's own origin only, as each platform
/// serves it (`tauri://localhost` on Linux and macOS, `http(s)://tauri.localhost` on Windows).
pub fn allowed(url: &Url) -> bool {
    let plain = url.username().is_empty() && url.password().is_none() && url.port().is_none();
    let host = url.host_str();
    plain
        && match url.scheme() {
            "tauri" => host == Some("localhost"),
            "http" | "https" => host == Some("tauri.localhost"),
            _ => false,
        }
}

/// A plugin that refuses every other navigation, and says so in the log.
pub fn guard<R: tauri::Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri::plugin::Builder::new("navigation-guard")
        .on_navigation(|_, url| {
            let ok = allowed(url);
            if !ok {
                log::warn!(
                    "the window was kept from leaving the app ({} page)",
                    url.scheme()
                );
            }
            ok
        })
        .build()
}

#[cfg(test)]
mod tests {
    use super::allowed;
    use url::Url;

    #[test]
    fn only_the_apps_own_pages() {
        for ok in [
            "tauri://localhost/",
            "tauri://localhost/index.html",
            "http://tauri.localhost/index.html",
            "https://tauri.localhost/",
        ] {
            assert!(allowed(&Url::parse(ok).unwrap()), "{ok}");
        }
        for bad in [
            "https://example.com/",
            "https://www.twilio.com/docs",
            "http://localhost:8080/",
            "http://127.0.0.1/",
            "tauri://evil.example/",
            "http://tauri.localhost.evil.example/",
            "http://user@tauri.localhost/",
            "http://tauri.localhost:8080/",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "data:text/html,<b>x</b>",
            "about:blank",
        ] {
            assert!(!allowed(&Url::parse(bad).unwrap()), "{bad}");
        }
    }
}
