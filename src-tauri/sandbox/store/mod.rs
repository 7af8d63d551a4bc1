//! The sandbox's in-memory account and the rules Twilio documents for it. One `Db` per
//! account; the routes lock it for each request.

mod assignments;
mod bundles;
pub mod classic;
mod evaluate;
mod objects;
mod seed;
mod seed_calls;
mod texting;
mod texting_campaigns;
mod texting_services;
mod tollfree;

use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};
use time::macros::format_description;
use time::OffsetDateTime;

use super::data::sid;
use crate::trusthub::models::ProfileStatus;

pub use bundles::BundleKind;
pub use objects::ObjectKind;

/// 2025-03-03T09:00:00Z: seeded dates count back from here, so screenshots are stable.
const SEED_EPOCH: i64 = 1_740_992_400;

/// A Twilio-style error: HTTP status, Twilio code, message.
#[derive(Debug)]
pub struct Refusal {
    pub status: u16,
    pub code: i64,
    pub message: String,
}

impl Refusal {
    pub fn new(status: u16, code: i64, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
        }
    }

    pub fn not_found(path: &str) -> Self {
        Self::new(
            404,
            20404,
            format!("The requested resource {path} was not found"),
        )
    }

    pub fn invalid(parameter: &str, why: &str) -> Self {
        Self::new(400, 20001, format!("Invalid parameter {parameter}: {why}"))
    }

    /// A method the path does not take.
    pub fn not_allowed() -> Self {
        Self::new(405, 20004, "Method not allowed")
    }

    pub fn missing(parameter: &str) -> Self {
        Self::new(
            400,
            20001,
            format!("Missing required parameter {parameter} in the post body"),
        )
    }

    /// Twilio's answer to a change of a profile that is in review or approved.
    pub fn locked(status: ProfileStatus) -> Self {
        Self::new(
            400,
            60711,
            format!("Customer Profile can't be changed while its status is {status}"),
        )
    }

    pub fn body(&self) -> Value {
        json!({
            "code": self.code,
            "message": self.message,
            "more_info": format!("https://www.twilio.com/docs/errors/{}", self.code),
            "status": self.status,
        })
    }
}

pub type Reply = Result<Value, Refusal>;

/// A form or query: name, value pairs.
pub type Pairs = [(String, String)];

pub fn get<'a>(pairs: &'a Pairs, name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// A customer profile or trust product ("bundle" in Twilio's words).
pub struct Bundle {
    pub sid: String,
    pub kind: BundleKind,
    pub policy_sid: String,
    pub name: String,
    pub status: ProfileStatus,
    pub email: String,
    pub callback: Option<String>,
    pub valid_until: Option<i64>,
    pub created: i64,
    pub updated: i64,
    pub errors: Vec<i64>,
    /// When it was submitted: it moves to in-review after the review delay.
    pub submitted: Option<Instant>,
    /// When Twilio decides it (approves it, or rejects it if it does not comply).
    pub decide_at: Option<Instant>,
}

/// An end user or a supporting document.
pub struct Object {
    pub friendly_name: String,
    pub kind: String,
    pub attributes: Map<String, Value>,
    /// Documents only: DRAFT, APPROVED, ...
    pub status: Option<&'static str>,
    pub created: i64,
    pub updated: i64,
}

/// An address of the classic API.
#[derive(Clone)]
pub struct Address {
    pub customer_name: String,
    pub friendly_name: String,
    pub street: String,
    pub street_secondary: Option<String>,
    pub city: String,
    pub region: String,
    pub postal_code: String,
    pub iso_country: String,
    pub created: i64,
    pub updated: i64,
}

/// A phone number of the account.
pub struct Number {
    pub sid: String,
    pub phone_number: String,
    pub friendly_name: String,
    /// The address the number is registered with, as some countries require.
    pub address_sid: Option<String>,
    pub created: i64,
}

pub struct Assignment {
    pub sid: String,
    pub object_sid: String,
    pub created: i64,
}

pub struct Evaluation {
    pub sid: String,
    pub policy_sid: String,
    pub compliant: bool,
    pub results: Value,
    pub created: i64,
}

pub struct Db {
    pub account_sid: String,
    base: String,
    review_delay: Duration,
    decision_delay: Option<Duration>,
    bundles: Vec<Bundle>,
    index: HashMap<String, usize>,
    evaluations: HashMap<String, Vec<Evaluation>>,
    entities: HashMap<String, Vec<Assignment>>,
    channels: HashMap<String, Vec<Assignment>>,
    end_users: BTreeMap<String, Object>,
    documents: BTreeMap<String, Object>,
    addresses: BTreeMap<String, Address>,
    numbers: Vec<Number>,
    /// Makes the SIDs of what is created: unique to this account.
    next: u64,
    salt: u64,
    /// The bundles of the parent account (its primary profile), as last seen: a
    /// subaccount's profile links to them.
    foreign: HashMap<String, (ProfileStatus, BundleKind)>,
    /// Brands, Messaging Services and campaigns (Messaging v1).
    texting: texting::Texting,
}

pub fn date(unix: i64) -> String {
    let format = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_default()
}

/// The classic API's date form: `Tue, 18 Aug 2015 17:07:30 +0000`.
pub fn rfc2822(unix: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc2822)
                .ok()
        })
        .unwrap_or_default()
}

pub fn now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

/// The time `seconds` after `t`, saturating.
fn later(t: i64, seconds: i64) -> i64 {
    t.saturating_add(seconds)
}

/// The page size and page number a list request asks for. Checked: a page number so large
/// that its first record cannot be counted is refused, not wrapped round.
fn paging(query: &Pairs) -> Result<(usize, usize), Refusal> {
    let size = match get(query, "PageSize") {
        None => 50,
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=1000).contains(n))
            .ok_or_else(|| Refusal::invalid("PageSize", "must be a whole number from 1 to 1000"))?,
    };
    let page = match get(query, "Page") {
        None => 0,
        Some(v) => v
            .parse::<usize>()
            .map_err(|_| Refusal::invalid("Page", "must be a whole number"))?,
    };
    if page
        .checked_add(1)
        .and_then(|p| p.checked_mul(size))
        .is_none()
    {
        return Err(Refusal::invalid("Page", "is far beyond the last page"));
    }
    Ok((size, page))
}

/// The records of the page asked for (for lists outside one account's data).
pub fn page_of<'a, T>(items: &'a [T], query: &Pairs) -> Result<&'a [T], Refusal> {
    page_slice(items, query)
}

/// The records of the page asked for.
fn page_slice<'a, T>(items: &'a [T], query: &Pairs) -> Result<&'a [T], Refusal> {
    let (size, page) = paging(query)?;
    let start = page.saturating_mul(size).min(items.len());
    let end = start.saturating_add(size).min(items.len());
    Ok(items.get(start..end).unwrap_or_default())
}

impl Db {
    pub fn new(account_sid: &str, base: &str, config: &super::Config) -> Self {
        let salt = account_sid.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
        Self {
            account_sid: account_sid.to_owned(),
            base: base.to_owned(),
            review_delay: config.review_delay,
            decision_delay: config.decision_delay,
            bundles: Vec::new(),
            index: HashMap::new(),
            evaluations: HashMap::new(),
            entities: HashMap::new(),
            channels: HashMap::new(),
            end_users: BTreeMap::new(),
            documents: BTreeMap::new(),
            addresses: BTreeMap::new(),
            numbers: Vec::new(),
            next: 0,
            salt,
            foreign: HashMap::new(),
            texting: texting::Texting::default(),
        }
    }

    /// What this account's bundles are now, for its subaccounts to see.
    pub fn bundle_statuses(&mut self) -> HashMap<String, (ProfileStatus, BundleKind)> {
        self.settle();
        self.bundles
            .iter()
            .map(|b| (b.sid.clone(), (b.status, b.kind)))
            .collect()
    }

    /// The parent's bundles as they are now (see `foreign`).
    pub fn set_foreign(&mut self, statuses: HashMap<String, (ProfileStatus, BundleKind)>) {
        self.foreign = statuses;
    }

    /// Whether a bundle of the parent account exists (a link to it may be assigned).
    pub fn knows_foreign(&self, sid: &str) -> bool {
        self.foreign.contains_key(sid)
    }

    /// A new SID of the given kind, unique in this account and across accounts.
    fn new_sid(&mut self, prefix: &str) -> String {
        self.next = self.next.wrapping_add(1);
        sid(
            prefix,
            self.salt.wrapping_add(self.next).wrapping_add(1 << 40),
        )
    }

    /// The page `query` asks for of a TrustHub list (`items`, in order), each record
    /// rendered, under `results` with Twilio's `meta`.
    fn results_page<T>(
        &self,
        path: &str,
        filters: &[(&str, String)],
        query: &Pairs,
        items: &[T],
        render: impl Fn(&T) -> Value,
    ) -> Reply {
        let rendered = page_slice(items, query)?.iter().map(render).collect();
        Ok(self.page(path, "results", filters, query, items.len(), rendered))
    }

    /// A list page with Twilio's `meta`, its URLs pointing back at the sandbox.
    fn page(
        &self,
        path: &str,
        key: &str,
        filters: &[(&str, String)],
        query: &Pairs,
        total: usize,
        records: Vec<Value>,
    ) -> Value {
        let (size, page) = paging(query).unwrap_or((50, 0));
        let url_for = |n: usize| {
            let mut url = url::form_urlencoded::Serializer::new(String::new());
            for (k, v) in filters {
                url.append_pair(k, v);
            }
            url.append_pair("PageSize", &size.to_string())
                .append_pair("Page", &n.to_string());
            if n > 0 {
                url.append_pair("PageToken", &format!("PT{n}"));
            }
            format!("{}{path}?{}", self.base, url.finish())
        };
        let next = page.checked_add(1);
        let has_next = next
            .and_then(|n| n.checked_mul(size))
            .is_some_and(|shown| shown < total);
        json!({
            key: records,
            "meta": {
                "page": page,
                "page_size": size,
                "first_page_url": url_for(0),
                "previous_page_url": page.checked_sub(1).map(url_for),
                "url": url_for(page),
                "next_page_url": next.filter(|_| has_next).map(url_for),
                "key": key,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn a_page_number_past_counting_is_refused_not_wrapped() {
        assert!(paging(&q(&[("Page", "18446744073709551615")])).is_err());
        assert!(paging(&q(&[("Page", "999999999999999999"), ("PageSize", "1000")])).is_err());
        assert_eq!(
            paging(&q(&[("Page", "3"), ("PageSize", "10")])).unwrap(),
            (10, 3)
        );
        assert!(paging(&q(&[("Page", "-1")])).is_err());
        let items = [1, 2, 3];
        assert!(page_slice(&items, &q(&[("Page", "5")])).unwrap().is_empty());
    }
}
