//! The overview across accounts: the demo account and its subaccounts in one list, what
//! needs attention first, and a subaccount's profile opened under the subaccount.

use crate::harness::{forget_saved_credentials, App, Launch};
use trusthub_desk::sandbox::subaccount_sid;

#[tokio::test]
async fn the_overview_lists_every_account_and_subaccount_and_opens_a_subaccounts_profile() {
    forget_saved_credentials();
    let app = App::launch(Launch::demo()).await;
    app.visible("#profile-list").await;
    app.click("#tab-overview").await;
    // Shown at once, with nothing to press: the demo account's own records.
    app.text_contains("#overview-shown", "68 of 68 shown.")
        .await;
    app.click("#overview-subaccounts").await;
    app.text_contains("#overview-progress-text", "4 accounts read at")
        .await;
    // The choice is remembered for the next time the Overview is shown.
    let kept = app
        .client
        .execute(
            "return localStorage.getItem('trusthub-desk.overview.include-subaccounts');",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(kept, "true");

    // The demo's 64 profiles and 3 Trust Products, and 1 + 2 + 3 of its subaccounts.
    let shown = app.text_contains("#overview-shown", " shown.").await;
    assert_eq!(shown, "74 of 74 shown.");
    let counts = app
        .text_contains("#overview-counts", "Needs attention:")
        .await;
    assert!(counts.contains("Rejected by Twilio:"), "{counts}");
    // Needs attention first: the first row says why, with Twilio's first reason in words.
    app.text_contains(
        "#overview-rows tr:first-child td:last-child",
        "Rejected: Twilio could not",
    )
    .await;
    // Texting, account by account, after the profiles: the demo account's refused campaign first.
    let texting = app
        .text_contains(
            "#overview-texting-rows tr:first-child",
            "A campaign was not approved",
        )
        .await;
    assert!(texting.starts_with("Demo account"), "{texting}");
    app.text_contains(
        "#overview-texting-status",
        "4 accounts need you for texting.",
    )
    .await;
    app.screenshot("overview").await;

    // A count filters the table to its rows; pressed again, every row is back.
    let rejected = app
        .text_contains("#overview-count-twilio-rejected", "Rejected by Twilio: ")
        .await;
    let n: String = rejected.chars().filter(char::is_ascii_digit).collect();
    app.click("#overview-count-twilio-rejected").await;
    app.text_contains("#overview-shown", &format!("{n} of 74 shown."))
        .await;
    app.value_is("#overview-status", "twilio-rejected").await;
    app.click("#overview-count-twilio-rejected").await;
    app.text_contains("#overview-shown", "74 of 74 shown.")
        .await;
    // The rows beyond the first screenful are laid out a frame at a time: all of them come.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while app.texts("#overview-rows > tr").await.len() != 74 {
        assert!(
            std::time::Instant::now() < deadline,
            "the rows never all came"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    // Which profile a phone number is assigned to: the demo's first profile has +1 628 555 0000.
    app.type_into("#overview-phone", "628 555").await;
    app.click("#overview-phone-find").await;
    app.text_contains(
        "#overview-phone-error",
        "Enter the number in international format (+1 …)",
    )
    .await;
    app.type_into("#overview-phone", "+1 (628) 555-0000").await;
    app.click("#overview-phone-find").await;
    app.text_contains(
        "#overview-phone-result",
        "+16285550000 is assigned to 1 record: shown below. It can text US numbers: its Messaging Service “Fabrikam notices” has an approved campaign.",
    )
    .await;
    app.text_contains("#overview-shown", "1 of 74 shown.").await;
    app.text_contains("#overview-rows", "Acme Plumbing LLC")
        .await;
    // A number the accounts hold but no profile uses.
    app.type_into("#overview-phone", "+16285550001").await;
    app.click("#overview-phone-find").await;
    app.text_contains(
        "#overview-phone-result",
        "+16285550001 is assigned to no profile or Trust Product of these accounts. Cannot text US numbers yet: its campaign was not approved.",
    )
    .await;
    app.click("#overview-phone-clear").await;
    app.text_contains("#overview-shown", "74 of 74 shown.")
        .await;

    // One subaccount's rows, by the account filter.
    let sub = subaccount_sid(2);
    app.select("#overview-account", &sub).await;
    app.text_contains("#overview-shown", "3 of 74 shown.").await;
    let accounts = app.texts("#overview-rows td:nth-child(2)").await;
    assert_eq!(accounts.len(), 3);
    for a in &accounts {
        assert!(a.ends_with("(subaccount of Demo account)"), "{a}");
    }

    // Opening a row opens it under the subaccount, and Back returns to the overview.
    let name = app
        .text_contains("#overview-rows tr:first-child td:first-child button", "")
        .await;
    app.click("#overview-rows tr:first-child td:first-child button")
        .await;
    app.account_contains("Subaccount: Client:").await;
    app.text_contains("#profile-title", &name).await;
    app.text_contains("#back", "Overview").await;
    assert!(app.shown_now("#demo-banner").await, "still the demo");
    assert!(!app.shown_now("#server-banner").await);
    app.click("#back").await;
    // The overview as it was left: the same list, the same filter.
    app.text_contains("#overview-shown", "3 of 74 shown.").await;
    assert_eq!(app.value("#overview-account").await, sub);

    // Back in the main account.
    app.account_action("#leave-subaccount").await;
    app.account_contains("Demo account").await;
    app.close().await;
}

/// Two accounts saved in the keyring, one with subaccounts: all in one overview, and a row
/// of the other account opens under it.
#[tokio::test(flavor = "multi_thread")]
async fn the_overview_spans_two_saved_accounts_and_opens_a_row_under_its_own() {
    use trusthub_desk::sandbox::{self, Sandbox};
    forget_saved_credentials();
    let server = Sandbox::start(sandbox::Config {
        subaccounts: 2,
        ..sandbox::Config::default()
    })
    .await
    .unwrap();
    let app = App::launch(Launch::against(
        server.base_url().as_str().trim_end_matches('/'),
    ))
    .await;
    for (sid, label) in [
        (sandbox::DEMO_ACCOUNT_SID, "Main office"),
        (sandbox::SECOND_ACCOUNT_SID, "Second office"),
    ] {
        if sid == sandbox::SECOND_ACCOUNT_SID {
            app.account_action("#add-account").await;
        }
        app.type_into("#cred-accountSid", sid).await;
        app.type_into("#cred-secret", &server.auth_token(sid).unwrap())
            .await;
        app.type_into("#cred-label", label).await;
        app.click("#connect").await;
        app.account_contains(sid).await;
    }

    app.click("#tab-overview").await;
    app.click("#overview-subaccounts").await;
    app.click("#overview-load").await;
    // Main office, its two subaccounts, Second office (its own subaccounts: none).
    app.text_contains("#overview-progress-text", "4 accounts read at")
        .await;
    let accounts = app
        .text_contains("#overview-account", "Second office")
        .await;
    assert!(accounts.contains("Main office"), "{accounts}");
    assert!(
        accounts.contains("(subaccount of Main office)"),
        "{accounts}"
    );
    app.select_by_text("#overview-account", "Main office").await;
    app.type_into("#overview-name", "Acme Plumbing").await;
    app.text_contains("#overview-shown", "1 of ").await;

    // Connected to Second office; the row of Main office opens under Main office.
    app.click("#overview-rows tr:first-child td:first-child button")
        .await;
    app.text_contains("#profile-title", "Acme Plumbing LLC")
        .await;
    app.account_contains(sandbox::DEMO_ACCOUNT_SID).await;
    app.open_account_menu().await;
    app.value_is("#account-switcher", sandbox::DEMO_ACCOUNT_SID)
        .await;
    app.close().await;
}
