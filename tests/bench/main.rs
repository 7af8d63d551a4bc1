//! The performance benchmark, run on demand by scripts/bench.sh (never by the test suite):
//! it drives the release build and a bare Tauri window the same way, and writes
//! docs/PERFORMANCE.md. Budgets are printed beside the figures, not asserted.

#[path = "../e2e/harness.rs"]
mod harness;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use harness::{App, Launch};
use trusthub_desk::sandbox::{self, profile_sid, Seeded};
use trusthub_desk::trusthub::models::ProfileUpdate;
use trusthub_desk::trusthub::{http_client_for, TrustHubClient};

const START_RUNS: usize = 7;
const SAVE_RUNS: usize = 15;
const ROUND_TRIPS: usize = 400;

fn env_path(name: &str) -> PathBuf {
    PathBuf::from(std::env::var(name).unwrap_or_else(|_| panic!("scripts/bench.sh sets {name}")))
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.partial_cmp(b).unwrap());
    values[values.len() / 2]
}

/// PSS in KiB of the process named `comm` and every process below it (its WebKit processes).
fn pss_kib(comm: &str) -> u64 {
    pss_by_process(comm).iter().map(|(_, k)| k).sum()
}

/// The same, process by process: (name, KiB).
fn pss_by_process(comm: &str) -> Vec<(String, u64)> {
    let mut parent = HashMap::new();
    let mut names = HashMap::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
            continue;
        };
        names.insert(pid, stat[open + 1..close].to_owned());
        let ppid = stat[close + 2..]
            .split(' ')
            .nth(1)
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(0);
        parent.insert(pid, ppid);
    }
    let roots: Vec<u32> = names
        .iter()
        .filter(|(_, n)| n.as_str() == comm)
        .map(|(p, _)| *p)
        .collect();
    let below = |mut pid: u32| loop {
        if roots.contains(&pid) {
            return true;
        }
        match parent.get(&pid) {
            Some(&p) if p != 0 && p != pid => pid = p,
            _ => return false,
        }
    };
    names
        .iter()
        .filter(|(pid, _)| below(**pid))
        .map(|(pid, name)| {
            let kib = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
                .unwrap_or_default()
                .lines()
                .find_map(|l| l.strip_prefix("Pss:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
                .unwrap_or(0);
            (name.clone(), kib)
        })
        .collect()
}

/// Lets a script in the page run for `up_to` (WebDriver's default is 30 s).
async fn allow_scripts(app: &App, up_to: Duration) {
    app.client
        .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
            Some(up_to),
            None,
            None,
        ))
        .await
        .unwrap();
}

fn release_app() -> Launch {
    Launch {
        application: Some(env_path("BENCH_APP")),
        ..Launch::default()
    }
}

/// Launch to the first screen ready for input: the credentials form with its first field focused.
async fn start_to_interactive(launch: Launch, ready: &str) -> f64 {
    let started = Instant::now();
    let app = App::launch(launch).await;
    let script = format!(
        "const done = arguments[0]; const check = () => {{ const el = document.querySelector('{ready}'); \
         if (el && (el.tagName !== 'INPUT' || document.activeElement === el)) requestAnimationFrame(() => done(true)); \
         else setTimeout(check, 5); }}; check();"
    );
    app.client.execute_async(&script, vec![]).await.unwrap();
    let took = started.elapsed().as_secs_f64() * 1000.0;
    app.close().await;
    took
}

/// PSS once the window has been idle a while: the median of five readings a second apart,
/// after three seconds, so one reading taken mid-collection does not decide.
async fn steady_pss(comm: &str) -> u64 {
    tokio::time::sleep(Duration::from_secs(3)).await;
    let mut readings = Vec::new();
    for _ in 0..5 {
        readings.push(pss_kib(comm));
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    readings.sort_unstable();
    readings[2]
}

async fn settle_pss(comm: &str) -> u64 {
    tokio::time::sleep(Duration::from_secs(3)).await;
    pss_kib(comm)
}

const SAVE_SCRIPT: &str = r#"
const [name, done] = arguments;
const input = document.getElementById('edit-friendlyName');
input.value = name;
input.dispatchEvent(new Event('input', { bubbles: true }));
const save = document.getElementById('save');
const title = document.getElementById('profile-title');
const t0 = performance.now();
const observer = new MutationObserver(() => {
  if (title.textContent.includes(name)) {
    observer.disconnect();
    requestAnimationFrame(() => done(performance.now() - t0));
  }
});
observer.observe(document.body, { subtree: true, childList: true, characterData: true });
save.click();
"#;

const LOAD_ALL_SCRIPT: &str = r#"
const done = arguments[0];
const gaps = [];
let last = performance.now();
const probe = setInterval(() => { const now = performance.now(); gaps.push(now - last); last = now; }, 20);
const t0 = performance.now();
const more = document.getElementById('load-more');
const count = document.getElementById('profile-count');
let pages = 1;
const step = () => {
  if (more.hidden) {
    clearInterval(probe);
    done({ ms: performance.now() - t0, pages, rows: document.querySelectorAll('#profile-rows tr:not(.spacer)').length, total: count.textContent,
           worstGap: Math.max(...gaps) - 20, text: count.textContent });
    return;
  }
  const before = count.textContent;
  more.click();
  const wait = () => {
    if (count.textContent !== before && !more.disabled) { pages += 1; step(); } else setTimeout(wait, 1);
  };
  wait();
};
step();
"#;

async fn round_trips() -> (f64, f64) {
    use axum::routing::post;
    let profile = include_str!("../fixtures/seed_update_response.json");
    let router = axum::Router::new().route(
        "/v1/CustomerProfiles/{sid}",
        post(move || async move { ([("content-type", "application/json")], profile) }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });

    let base_url = url::Url::parse(&base).unwrap();
    let http = http_client_for(&base_url).unwrap();
    let client = TrustHubClient::new(http.clone(), base_url);
    let credentials = trusthub_desk::credentials::Credentials::new(
        sandbox::DEMO_ACCOUNT_SID,
        None,
        "bench-token".into(),
    )
    .unwrap();
    let sid = "BUaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    let update = ProfileUpdate {
        friendly_name: Some("Bench".into()),
        ..ProfileUpdate::default()
    };
    let url = format!("{base}/v1/CustomerProfiles/{sid}");
    let (mut app, mut raw) = (Vec::new(), Vec::new());
    for i in 0..ROUND_TRIPS + 20 {
        let t = Instant::now();
        client
            .update_profile(&credentials, sid, &update)
            .await
            .unwrap();
        let a = t.elapsed().as_secs_f64() * 1e6;
        let t = Instant::now();
        let body = http
            .post(&url)
            .basic_auth(sandbox::DEMO_ACCOUNT_SID, Some("bench-token"))
            .header("Accept", "application/json")
            .form(&[("FriendlyName", "Bench")])
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        let r = t.elapsed().as_secs_f64() * 1e6;
        assert!(!body.is_empty());
        if i >= 20 {
            // the first ones warm the connection pool
            app.push(a);
            raw.push(r);
        }
    }
    (median(app), median(raw))
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).to_owned())
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .map(|v| v.trim().to_owned())
        .unwrap_or_default();
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    format!(
        "{cores} cores ({cpu}), {mem} memory, Linux {}, under Xvfb",
        kernel.trim()
    )
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "within budget"
    } else {
        "**over budget**"
    }
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "the benchmark: run by scripts/bench.sh"]
async fn benchmark() {
    let bare = Launch {
        application: Some(env_path("BENCH_BARE")),
        ..Launch::default()
    };
    let deb_bytes = std::fs::metadata(env_path("BENCH_DEB")).unwrap().len();

    // 1. Start to interactive, alternating app and floor so both see the same machine state.
    let (mut app_ms, mut bare_ms) = (Vec::new(), Vec::new());
    for _ in 0..START_RUNS {
        app_ms.push(start_to_interactive(release_app(), "#cred-accountSid").await);
        bare_ms.push(
            start_to_interactive(
                Launch {
                    application: bare.application.clone(),
                    ..Launch::default()
                },
                "#ready",
            )
            .await,
        );
    }
    let (start_app, start_bare) = (median(app_ms.clone()), median(bare_ms.clone()));

    // 2. Memory after opening a profile, against the bare window after it loaded.
    let app = App::launch(Launch {
        args: vec!["--demo".into()],
        ..release_app()
    })
    .await;
    app.type_into("#open-sid", &profile_sid(Seeded::DRAFT_COMPLIANT))
        .await;
    app.click("#open-profile").await;
    app.value_is("#edit-friendlyName", "Acme Plumbing LLC")
        .await;
    let pss_app = settle_pss("trusthub-desk").await;

    // 4. Click Save to the updated view rendered (the demo sandbox answers at once).
    let mut save_ms = Vec::new();
    for i in 0..SAVE_RUNS {
        let name = format!("Acme Plumbing {i}");
        let took = app
            .client
            .execute_async(SAVE_SCRIPT, vec![name.into()])
            .await
            .unwrap();
        save_ms.push(took.as_f64().unwrap());
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let save_median = median(save_ms.clone());
    app.close().await;

    let bare_app = App::launch(Launch {
        application: bare.application.clone(),
        ..Launch::default()
    })
    .await;
    bare_app.visible("#ready").await;
    let pss_bare = settle_pss("bare-window").await;
    bare_app.close().await;
    // The app turns WebKit's accelerated compositing off (src-tauri/main.rs); the same
    // bare window with it off too shows what the app itself adds.
    let bare_plain = App::launch(Launch {
        application: bare.application.clone(),
        env: vec![("WEBKIT_DISABLE_COMPOSITING_MODE".into(), "1".into())],
        ..Launch::default()
    })
    .await;
    bare_plain.visible("#ready").await;
    let pss_bare_plain = settle_pss("bare-window").await;
    bare_plain.close().await;

    // 3. One update round trip through the client against a raw POST of the same bytes.
    let (trip_app, trip_raw) = round_trips().await;

    // 6. 10,000 profiles in the demo.
    let started = Instant::now();
    let big = App::launch(Launch {
        args: vec!["--demo".into()],
        env: vec![("TRUSTHUB_DESK_DEMO_PROFILES".into(), "10000".into())],
        ..release_app()
    })
    .await;
    big.text_contains("#profile-count", "50 profiles shown")
        .await;
    let first_page_ms = started.elapsed().as_secs_f64() * 1000.0;
    allow_scripts(&big, Duration::from_secs(600)).await;
    let peak = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let sampler = peak.clone();
    let sampling = tokio::spawn(async move {
        loop {
            sampler.fetch_max(
                pss_kib("trusthub-desk"),
                std::sync::atomic::Ordering::Relaxed,
            );
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    });
    let loaded = big
        .client
        .execute_async(LOAD_ALL_SCRIPT, vec![])
        .await
        .unwrap();
    let after_all = pss_kib("trusthub-desk");
    sampling.abort();
    let peak_kib = peak
        .load(std::sync::atomic::Ordering::Relaxed)
        .max(after_all);
    big.close().await;
    let all_ms = loaded["ms"].as_f64().unwrap();
    let pages = loaded["pages"].as_u64().unwrap();
    let rows = loaded["rows"].as_u64().unwrap();
    let total = loaded["total"].as_str().unwrap().to_owned();
    let worst_gap = loaded["worstGap"].as_f64().unwrap();

    // The report.
    let now = std::process::Command::new("date")
        .arg("-u")
        .arg("+%Y-%m-%d %H:%M UTC")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    let start_ratio = start_app / start_bare;
    let pss_ratio = pss_app as f64 / pss_bare as f64;
    let trip_ratio = trip_app / trip_raw;
    let deb_mib = deb_bytes as f64 / (1024.0 * 1024.0);
    let mut md = String::new();
    writeln!(md, "# Performance\n").unwrap();
    writeln!(md, "Measured by `scripts/bench.sh` on {now}, on {} — the release build, against a bare Tauri 2 window built with the same Tauri version and release profile (`bench/bare-window/`).\n", machine()).unwrap();
    writeln!(
        md,
        "| what | TrustHub Desk | floor | ratio | budget | verdict |"
    )
    .unwrap();
    writeln!(md, "| --- | --- | --- | --- | --- | --- |").unwrap();
    writeln!(md, "| start to interactive (median of {START_RUNS}; first field focused vs. bare page shown) | {start_app:.0} ms | {start_bare:.0} ms | {start_ratio:.3}x | ≤ 1.15x | {} |", verdict(start_ratio <= 1.15)).unwrap();
    writeln!(md, "| memory (PSS of the app and its WebKit processes) with a profile open | {:.0} MiB | {:.0} MiB | {pss_ratio:.3}x | ≤ 1.15x | {} |", pss_app as f64 / 1024.0, pss_bare as f64 / 1024.0, verdict(pss_ratio <= 1.15)).unwrap();
    let plain_ratio = pss_app as f64 / pss_bare_plain as f64;
    writeln!(md, "| the same, against the bare window with compositing also off | {:.0} MiB | {:.0} MiB | {plain_ratio:.3}x | ≤ 1.15x | {} |", pss_app as f64 / 1024.0, pss_bare_plain as f64 / 1024.0, verdict(plain_ratio <= 1.15)).unwrap();
    writeln!(md, "| one update round trip through the client vs. a raw POST of the same bytes (median of {ROUND_TRIPS}) | {trip_app:.0} µs | {trip_raw:.0} µs | {trip_ratio:.3}x | ≤ 1.1x | {} |", verdict(trip_ratio <= 1.1)).unwrap();
    writeln!(md, "| click Save to updated view rendered (median of {SAVE_RUNS}, demo sandbox) | {save_median:.1} ms | | | ≤ 50 ms | {} |", verdict(save_median <= 50.0)).unwrap();
    writeln!(
        md,
        "| .deb installer | {deb_mib:.2} MiB | | | ≤ 5 MiB | {} |",
        verdict(deb_mib <= 5.0)
    )
    .unwrap();
    writeln!(md, "\n## 10,000 profiles\n").unwrap();
    writeln!(md, "The demo seeded with 10,000 profiles (`TRUSTHUB_DESK_DEMO_PROFILES=10000`), release build.\n").unwrap();
    writeln!(md, "| what | figure |").unwrap();
    writeln!(md, "| --- | --- |").unwrap();
    writeln!(
        md,
        "| launch to the first page of 50 shown (one list request) | {first_page_ms:.0} ms |"
    )
    .unwrap();
    writeln!(md, "| all {pages} pages loaded, one after another with **Load more** | {all_ms:.0} ms (\"{total}\"; {rows} rows in the page at a time) |").unwrap();
    writeln!(
        md,
        "| memory (PSS) with all 10,000 profiles loaded; peak while loading | {:.0} MiB; {:.0} MiB |",
        after_all as f64 / 1024.0,
        peak_kib as f64 / 1024.0
    )
    .unwrap();
    writeln!(
        md,
        "| longest the window's event loop was blocked while pages loaded | {worst_gap:.0} ms |"
    )
    .unwrap();
    writeln!(md, "\nEach figure's runs: start {app_ms:.0?} ms vs. floor {bare_ms:.0?} ms; save {save_ms:.1?} ms.").unwrap();
    let out = env_path("BENCH_OUT");
    std::fs::write(&out, &md).unwrap();
    println!("{md}");
}

/// Opens `to - from` profiles in turn: each profile, its Evaluations, its Entity
/// assignments (with the names filled in), then back to the list.
const VISITS_SCRIPT: &str = r#"
const [from, to, done] = arguments;
const wait = (what, ok) => new Promise((resolve, reject) => {
  const t0 = performance.now();
  const tick = () => {
    if (ok()) resolve();
    else if (performance.now() - t0 > 15000) reject(new Error('waited too long for ' + what));
    else setTimeout(tick, 2);
  };
  tick();
});
const idle = () => !document.body.hasAttribute('aria-busy');
(async () => {
  for (let i = from; i < to; i += 1) {
    await wait('the list', () => document.querySelectorAll('#profile-rows .row-open').length > 0 && idle());
    const rows = document.querySelectorAll('#profile-rows .row-open');
    rows[i % rows.length].click();
    await wait('the profile', () => document.getElementById('edit-friendlyName')?.value && idle());
    document.getElementById('open-evaluations').click();
    await wait('the evaluations', () => document.querySelector('#list-evaluations table:not([hidden])') && idle());
    document.getElementById('open-entity-assignments').click();
    await wait('the assignments', () => document.querySelector('#list-entity-assignments table:not([hidden])') && idle()
      && ![...document.querySelectorAll('#list-entity-assignments td')].some((td) => td.textContent === '…'));
    document.getElementById('back').click();
  }
  await wait('the list', () => document.querySelectorAll('#profile-rows .row-open').length > 0 && idle());
  done(true);
})().catch((e) => done(String(e)));
"#;

/// The soak: a day's work of visits in the demo, and the window's memory after 50 and
/// after 500 of them. Writes its section of docs/PERFORMANCE.md to `BENCH_SOAK_OUT`.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "the benchmark: run by scripts/bench.sh"]
async fn soak() {
    let launch = match std::env::var_os("BENCH_APP") {
        Some(app) => Launch {
            application: Some(PathBuf::from(app)),
            args: vec!["--demo".into()],
            ..Launch::default()
        },
        None => Launch::demo(), // the debug build, to look for leaks while developing
    };
    let total: usize = std::env::var("BENCH_SOAK_VISITS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    let app = App::launch(launch).await;
    allow_scripts(&app, Duration::from_secs(3600)).await;
    app.text_contains("#profile-count", "profiles shown").await;
    let mut samples: Vec<(usize, u64)> = vec![(0, steady_pss("trusthub-desk").await)];
    let started = Instant::now();
    let mut done = 0;
    for stop in [50, 100, 200, 300, 400, 500] {
        let stop = stop * total / 500;
        let outcome = app
            .client
            .execute_async(VISITS_SCRIPT, vec![done.into(), stop.into()])
            .await
            .unwrap();
        assert_eq!(outcome, serde_json::Value::Bool(true), "{outcome}");
        done = stop;
        samples.push((done, steady_pss("trusthub-desk").await));
        println!(
            "after {done} visits: {} KiB {:?}",
            samples.last().unwrap().1,
            pss_by_process("trusthub-desk")
        );
    }
    let took = started.elapsed().as_secs_f64();
    app.close().await;
    let at = |n: usize| {
        samples
            .iter()
            .find(|(v, _)| *v == n)
            .map(|(_, k)| *k as f64 / 1024.0)
            .unwrap()
    };
    let per_100 = |from: usize| (at(total) - at(from)) / ((total - from) as f64 / 100.0);
    let (first, second) = (50 * total / 500, 100 * total / 500);
    let growth = per_100(first);
    let mut md = String::new();
    writeln!(md, "\n## A day's work: {total} visits\n").unwrap();
    writeln!(md, "The demo, release build: open a profile, its Evaluations and its Entity assignments (names filled in), back to the list; {total} times, {took:.0} s in all. PSS of the app and its WebKit processes at each stop: the median of five readings a second apart, after three idle seconds.\n").unwrap();
    writeln!(md, "| visits | memory |").unwrap();
    writeln!(md, "| --- | --- |").unwrap();
    for (v, kib) in &samples {
        writeln!(md, "| {v} | {:.1} MiB |", *kib as f64 / 1024.0).unwrap();
    }
    writeln!(md, "\nGrowth after the first {first} visits: **{growth:.2} MiB per 100 visits** (goal ≤ 1 MiB; {}); after the first {second}: {:.2} MiB per 100 visits.", verdict(growth <= 1.0), per_100(second)).unwrap();
    println!("{md}");
    if let Some(out) = std::env::var_os("BENCH_SOAK_OUT") {
        std::fs::write(out, md).unwrap();
    }
}

/// Loads the overview with subaccounts and waits for it, probing the event loop meanwhile.
/// Loads the overview and waits for its profiles ("… read at …") and then its texting
/// lines ("… for texting."). A 10 ms timer in the page measures how long the event loop is
/// held: its ticks keep running 300 ms after each end, so the stall of the last render is
/// counted too (a probe stopped by the same poll that sees the end never sees the tick that
/// the last render delayed).
const OVERVIEW_SCRIPT: &str = r#"
const [subaccounts, done] = arguments;
const ticks = [];
let last = performance.now();
const probe = setInterval(() => { const now = performance.now(); ticks.push([now, now - last]); last = now; }, 10);
const stall = (until) => Math.max(10, ...ticks.filter(([at]) => at <= until).map(([, gap]) => gap)) - 10;
const t0 = performance.now();
const include = document.getElementById('overview-subaccounts');
const text = document.getElementById('overview-progress-text');
const texting = document.getElementById('overview-texting-status');
// The Overview read itself when shown; this reads it again, with or without subaccounts.
if (include.checked !== subaccounts) {
  include.checked = subaccounts;
  include.dispatchEvent(new Event('change'));
} else document.getElementById('overview-load').click();
let started = false;
let profilesAt = null;
let textingStarted = false;
const wait = () => {
  const now = performance.now();
  started ||= !/ read at /.test(text.textContent);
  if (started && profilesAt === null && / read at /.test(text.textContent)) profilesAt = now;
  if (profilesAt !== null) textingStarted ||= /^Reading the texting/.test(texting.textContent);
  if (textingStarted && /for texting\.$/.test(texting.textContent)) {
    setTimeout(() => {
      clearInterval(probe);
      const top = [...ticks].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([at, gap]) => [Math.round(at - t0), Math.round(gap)]);
      done({ top, ms: profilesAt - t0, textingMs: now - t0, worstGap: stall(profilesAt + 300), worstGapAll: stall(Infinity),
             text: text.textContent, shown: document.getElementById('overview-shown').textContent, texting: texting.textContent });
    }, 300);
  } else setTimeout(wait, 5);
};
wait();
"#;

/// In the demo with 500 subaccounts (five profiles each on average), every request 100 ms
/// late: the overview of the account alone, then with its subaccounts. Both runs hold the
/// same demo data in the app's process, so the memory ratio is the overview's own cost.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "the benchmark: run by scripts/bench.sh"]
async fn overview_at_scale() {
    let mut figures = Vec::new();
    for subaccounts in [false, true] {
        let app = App::launch(Launch {
            args: vec!["--demo".into()],
            env: vec![
                (sandbox::SUBACCOUNTS_ENV.into(), "500".into()),
                (sandbox::PROFILES_PER_SUBACCOUNT_ENV.into(), "9".into()),
                (sandbox::LATENCY_ENV.into(), "100".into()),
                (sandbox::SUBACCOUNT_TEXTING_ENV.into(), "1".into()),
            ],
            ..release_app()
        })
        .await;
        app.visible("#profile-list").await;
        app.click("#tab-overview").await;
        // The read it starts by itself, and its texting, end first.
        app.text_contains("#overview-progress-text", " read at ")
            .await;
        app.text_contains("#overview-texting-status", "for texting.")
            .await;
        allow_scripts(&app, Duration::from_secs(600)).await;
        let done = app
            .client
            .execute_async(OVERVIEW_SCRIPT, vec![serde_json::json!(subaccounts)])
            .await
            .unwrap();
        let pss = settle_pss("trusthub-desk").await;
        app.close().await;
        figures.push((subaccounts, done, pss));
    }
    for (subaccounts, done, _) in &figures {
        println!(
            "subaccounts {subaccounts}: longest ticks (ms from the click, gap) {}",
            done["top"]
        );
    }
    let (_, single, single_pss) = &figures[0];
    let (_, many, many_pss) = &figures[1];
    let ms = many["ms"].as_f64().unwrap();
    let gap = many["worstGap"]
        .as_f64()
        .unwrap()
        .max(single["worstGap"].as_f64().unwrap());
    let ratio = *many_pss as f64 / *single_pss as f64;
    let mut md = String::new();
    writeln!(md, "\n## Overview across 500 subaccounts\n").unwrap();
    writeln!(md, "The demo's account with 500 subaccounts of 1 to 9 profiles each (`TRUSTHUB_DESK_DEMO_SUBACCOUNTS=500`, `TRUSTHUB_DESK_DEMO_PROFILES_PER_SUBACCOUNT=9`), every request answered 100 ms late (`TRUSTHUB_DESK_DEMO_LATENCY_MS=100`), release build; accounts read {} at a time.\n", trusthub_desk::trusthub::overview::CONCURRENT_ACCOUNTS).unwrap();
    writeln!(md, "| what | figure | budget | verdict |").unwrap();
    writeln!(md, "| --- | --- | --- | --- |").unwrap();
    writeln!(
        md,
        "| **Load** to the overview complete ({}; {}) | {:.1} s | ≤ 30 s | {} |",
        many["text"].as_str().unwrap_or_default(),
        many["shown"].as_str().unwrap_or_default(),
        ms / 1000.0,
        verdict(ms <= 30_000.0)
    )
    .unwrap();
    writeln!(
        md,
        "| longest the window's event loop was blocked meanwhile | {gap:.0} ms | ≤ 50 ms | {} |",
        verdict(gap <= 50.0)
    )
    .unwrap();
    writeln!(md, "| memory (PSS) with it shown, against the overview of the account alone ({:.0} MiB) | {:.0} MiB, {ratio:.2}x | ≤ 1.3x | {} |", *single_pss as f64 / 1024.0, *many_pss as f64 / 1024.0, verdict(ratio <= 1.3)).unwrap();
    let texting_ms = many["textingMs"].as_f64().unwrap();
    let texting_gap = many["worstGapAll"]
        .as_f64()
        .unwrap()
        .max(single["worstGapAll"].as_f64().unwrap());
    writeln!(md, "\n## Texting across 500 subaccounts\n").unwrap();
    writeln!(md, "The same demo with each subaccount's texting (`TRUSTHUB_DESK_DEMO_SUBACCOUNT_TEXTING=1`: an approved brand, one Messaging Service with up to three numbers, an approved campaign), read by the Overview after its profiles, {} accounts at a time (Twilio's one brand or campaign request a second is per account).\n", trusthub_desk::trusthub::messaging::summary::CONCURRENT_TEXTING).unwrap();
    writeln!(md, "| what | figure | budget | verdict |").unwrap();
    writeln!(md, "| --- | --- | --- | --- |").unwrap();
    writeln!(
        md,
        "| **Load** to the Overview's texting table complete ({}) | {:.1} s | ≤ 60 s | {} |",
        many["texting"].as_str().unwrap_or_default(),
        texting_ms / 1000.0,
        verdict(texting_ms <= 60_000.0)
    )
    .unwrap();
    writeln!(
        md,
        "| longest the window's event loop was blocked, profiles and texting, last renders included | {texting_gap:.0} ms | ≤ 50 ms | {} |",
        verdict(texting_gap <= 50.0)
    )
    .unwrap();
    let out = env_path("BENCH_OVERVIEW_OUT");
    std::fs::write(&out, &md).unwrap();
    println!("{md}");
}

/// What the watch costs: after the overview of the demo account with 500 subaccounts
/// (every request 100 ms late) recorded every status, one round of the watch reads each
/// account with something under review once. In-process, no window: the count of requests
/// is the sandbox's own.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "the benchmark: run by scripts/bench.sh"]
async fn watch_round_at_scale() {
    use trusthub_desk::commands::{overview, watch};
    use trusthub_desk::credentials::MemoryVault;
    use trusthub_desk::state::AppState;

    let demo = sandbox::Sandbox::start(sandbox::Config {
        subaccounts: 500,
        profiles_per_subaccount: 9,
        latency: Duration::from_millis(100),
        ..sandbox::Config::default()
    })
    .await
    .unwrap();
    let base = demo.base_url();
    let state = AppState::new(
        http_client_for(&base).unwrap(),
        base.clone(),
        std::sync::Arc::new(MemoryVault::default()),
        None,
    );
    let client = TrustHubClient::new(http_client_for(&base).unwrap(), base);
    state
        .use_session_memory(client, &demo.demo_credentials().unwrap())
        .unwrap();
    overview::overview(&state, true, |_, _| {}).await.unwrap();
    let watched = state.history().watched().unwrap();
    let mut accounts: Vec<&str> = watched.iter().map(|w| w.account_sid.as_str()).collect();
    accounts.sort_unstable();
    accounts.dedup();

    let before = demo.requests();
    let started = Instant::now();
    let mut schedule = trusthub_desk::watch::Schedule::default();
    watch::check(&state, &mut schedule, 0, Duration::from_secs(600)).await;
    let took = started.elapsed().as_secs_f64();
    let requests = demo.requests() - before;

    let mut md = String::new();
    writeln!(md, "\n## The watch across 500 subaccounts\n").unwrap();
    writeln!(md, "The same demo (501 accounts, every request 100 ms late), after the overview recorded every status: one round of the watch, in-process in the test build (`watch_round_at_scale`). Requests are counted by the demo server.\n").unwrap();
    writeln!(md, "| what | figure | budget | verdict |").unwrap();
    writeln!(md, "| --- | --- | --- | --- |").unwrap();
    writeln!(
        md,
        "| requests in one round ({} records under review in {} accounts) | {requests} | ≤ one per account ({}) | {} |",
        watched.len(),
        accounts.len(),
        accounts.len(),
        verdict(requests <= accounts.len() as u64)
    )
    .unwrap();
    writeln!(
        md,
        "| time of one round | {took:.1} s | well within the shortest interval (5 min) | {} |",
        verdict(took < 300.0)
    )
    .unwrap();
    let out = env_path("BENCH_WATCH_OUT");
    std::fs::write(&out, &md).unwrap();
    println!("{md}");
}
