//! What the window keeps over a day's work stays bounded: the caches drop what was used
//! least recently, and a visit builds no new list or profile view.

use crate::harness::{forget_saved_credentials, App, Launch};

#[tokio::test(flavor = "multi_thread")]
async fn caches_are_bounded_and_visits_reuse_the_views() {
    forget_saved_credentials();
    let app = App::launch(Launch::demo()).await;
    app.text_contains("#profile-count", "profiles shown").await;
    let cache: serde_json::Value = app
        .client
        .execute_async(
            "const done = arguments[0]; import('./js/ui.js').then(async ({ BoundedCache }) => { \
               const c = new BoundedCache(3); \
               for (let i = 0; i < 10; i++) await c.get(i, async () => i); const full = c.size; \
               c.get(7, async () => 'reloaded'); c.get(10, async () => 10); \
               const failed = c.get('x', () => Promise.reject(new Error('no'))); await failed.catch(() => {}); \
               done([full, [...c.entries.keys()], await c.get(7, async () => 'reloaded')]); \
             });",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(cache[0], 3, "never more than its bound: {cache}");
    assert_eq!(
        cache[1],
        serde_json::json!([7, 10]),
        "the least recently used went, and a failed load is not kept: {cache}"
    );
    assert_eq!(cache[2], 7, "a kept entry is not loaded again");

    // Two visits: the list and the profile view are the same elements both times.
    let mark = "document.getElementById('profile-rows').__mark = 1; document.getElementById('edit-form') && (document.getElementById('edit-form').__mark = 1);";
    app.click(".row-open").await;
    app.text_contains("#profile-details", "Notification e-mail")
        .await;
    app.client.execute(mark, vec![]).await.unwrap();
    app.click("#back").await;
    app.text_contains("#profile-count", "profiles shown").await;
    app.click(".row-open").await;
    app.text_contains("#profile-details", "Notification e-mail")
        .await;
    let same: serde_json::Value = app
        .client
        .execute(
            "return [document.getElementById('profile-rows').__mark, document.getElementById('edit-form').__mark];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        same,
        serde_json::json!([1, 1]),
        "the views were built again"
    );
    app.close().await;
}
