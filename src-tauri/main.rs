// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Before any thread starts: WebKitGTK's accelerated compositing costs this app about
    // 90 MB and buys nothing for forms and lists (see docs/PERFORMANCE.md). A person can
    // still choose otherwise by setting the variable themselves.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    trusthub_desk::run()
}
