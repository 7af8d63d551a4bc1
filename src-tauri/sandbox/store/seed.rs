//! Filling an account with the seeded profiles and everything that hangs off them: the
//! business information, the representative, the address and its document, phone numbers,
//! the link to the primary profile, and a first evaluation computed from that data.

use serde_json::{json, Map, Value};
use std::time::{Duration, Instant};

use super::{later, Address, Assignment, Bundle, BundleKind, Db, Number, Object, SEED_EPOCH};
use crate::sandbox::catalog;
use crate::sandbox::data::{self, domain_for, email_for, profile_seed, sid, Flaw, Kind};
use crate::trusthub::choices;
use crate::trusthub::models::ProfileStatus;

const FIRST_NAMES: [&str; 8] = [
    "Jordan", "Alex", "Sam", "Taylor", "Morgan", "Casey", "Riley", "Jamie",
];
const LAST_NAMES: [&str; 8] = [
    "Rivera",
    "Chen",
    "Okafor",
    "Novak",
    "Haddad",
    "Silva",
    "Kowalski",
    "Lindqvist",
];
const CITIES: [(&str, &str, &str); 4] = [
    ("San Francisco", "CA", "94105"),
    ("Austin", "TX", "78701"),
    ("Denver", "CO", "80202"),
    ("Portland", "OR", "97204"),
];

fn pick<T: Copy>(list: &[T], n: usize) -> Option<T> {
    list.get(n.checked_rem(list.len()).unwrap_or(0)).copied()
}

/// A number of the form `k * n + i`, saturating: the seed's SID numbers.
/// A made-up number, one per slot: a subaccount's never repeats the main account's.
fn demo_number(slot: u64) -> String {
    if slot < 10_000 {
        format!("+1628555{slot:04}")
    } else {
        format!("+1629{:07}", slot % 10_000_000)
    }
}

fn slot(n: usize, i: u64) -> u64 {
    (n as u64).saturating_mul(8).saturating_add(i)
}

impl Db {
    /// Seeds the profiles `seeds`. Secondary profiles link to `primary`, which may be one
    /// of these or another account's (a subaccount's parent).
    pub fn seed(&mut self, seeds: impl IntoIterator<Item = usize>, primary: Option<&str>) {
        let seeds: Vec<usize> = seeds.into_iter().collect();
        for &n in &seeds {
            self.seed_profile(n, primary);
        }
        for &n in &seeds {
            let psid = data::profile_sid(n);
            let created = self
                .index
                .get(&psid)
                .and_then(|i| self.bundles.get(*i))
                .map_or(SEED_EPOCH, |b| later(b.updated, -3600));
            self.record_evaluation(&psid, created);
        }
    }

    fn seed_profile(&mut self, n: usize, primary: Option<&str>) {
        let seed = profile_seed(n);
        let psid = data::profile_sid(n);
        let has = |f: Flaw| seed.flaws.contains(&f);
        // Subaccounts' profiles are numbered from 200,000: their dates count from their own first.
        let age = n.checked_rem(100_000).unwrap_or(0) as i64;
        let created = SEED_EPOCH.saturating_sub(age.saturating_mul(7 * 3600));
        let updated = later(created, 2 * 86_400);
        let domain = domain_for(&seed.name);
        let (city, region, postal) = pick(&CITIES, n).unwrap_or(("Springfield", "IL", "62701"));
        let mut assigned = Vec::new();

        // The business information.
        let mut business = Map::new();
        if !has(Flaw::MissingBusinessName) {
            business.insert("business_name".into(), json!(seed.name));
        }
        business.insert(
            "business_type".into(),
            json!("Limited Liability Corporation"),
        );
        business.insert("business_registration_identifier".into(), json!("EIN"));
        if !has(Flaw::MissingRegistrationNumber) {
            let number = 1_000_000_u64.saturating_add((n as u64).saturating_mul(7919) % 8_999_999);
            business.insert(
                "business_registration_number".into(),
                json!(format!(
                    "{:02}-{number:07}",
                    10_usize.saturating_add(n % 89)
                )),
            );
        }
        let identity = if seed.kind == Kind::Primary {
            "isv_reseller_or_partner"
        } else {
            "direct_customer"
        };
        business.insert("business_identity".into(), json!(identity));
        let industry = if has(Flaw::UnknownIndustry) {
            "COFFEE"
        } else {
            pick(choices::INDUSTRIES, n).map_or("RETAIL", |c| c.value)
        };
        business.insert("business_industry".into(), json!(industry));
        let website = if has(Flaw::BadWebsite) {
            seed.name.to_lowercase()
        } else {
            format!("https://www.{domain}")
        };
        business.insert("website_url".into(), json!(website));
        business.insert(
            "business_regions_of_operation".into(),
            json!("USA_AND_CANADA"),
        );
        business.insert("social_media_profile_urls".into(), json!(""));
        let it = sid("IT", slot(n, 0));
        self.end_users.insert(
            it.clone(),
            Object {
                friendly_name: format!("{} — business information", seed.name),
                kind: "customer_profile_business_information".into(),
                attributes: business,
                status: None,
                created,
                updated: created,
            },
        );
        assigned.push(it);

        // The authorized representative.
        if !has(Flaw::NoRepresentative) {
            let first = pick(&FIRST_NAMES, n).unwrap_or("Jordan");
            let last = pick(&LAST_NAMES, n / 8).unwrap_or("Rivera");
            let phone = if has(Flaw::BadRepresentativePhone) {
                "555-0100".to_owned()
            } else {
                format!("+1415555{:04}", n % 10_000)
            };
            let rep = sid("IT", slot(n, 1));
            self.end_users.insert(
                rep.clone(),
                Object {
                    friendly_name: format!("{first} {last} — authorized representative"),
                    kind: "authorized_representative_1".into(),
                    attributes: json_map(json!({
                        "first_name": first, "last_name": last, "email": email_for(&seed.name),
                        "phone_number": phone, "business_title": "Owner", "job_position": "CEO",
                    })),
                    status: None,
                    created,
                    updated: created,
                },
            );
            assigned.push(rep);
        }

        // The address, and the document that puts it on the profile.
        let ad = sid("AD", n as u64);
        self.addresses.insert(
            ad.clone(),
            Address {
                customer_name: seed.name.clone(),
                friendly_name: format!("{} office", seed.name),
                street: format!("{} Main Street", 100_usize.saturating_add(n)),
                street_secondary: None,
                city: city.into(),
                region: region.into(),
                postal_code: postal.into(),
                iso_country: "US".into(),
                created,
                updated: created,
            },
        );
        if !has(Flaw::NoAddress) {
            let rd = sid("RD", slot(n, 2));
            let reviewed = matches!(
                seed.status,
                ProfileStatus::InReview | ProfileStatus::TwilioApproved
            );
            self.documents.insert(
                rd.clone(),
                Object {
                    friendly_name: format!("{} — business address", seed.name),
                    kind: "customer_profile_address".into(),
                    attributes: json_map(json!({"address_sids": [ad]})),
                    status: Some(if reviewed { "APPROVED" } else { "DRAFT" }),
                    created,
                    updated: created,
                },
            );
            assigned.push(rd);
        }

        // A primary profile proves its registration with a document (a file).
        if seed.kind == Kind::Primary && !has(Flaw::NoRegistrationDocument) {
            let rd = sid("RD", slot(n, 3));
            self.documents.insert(rd.clone(), Object {
                friendly_name: format!("{} — business registration", seed.name),
                kind: "business_registration".into(),
                attributes: json_map(json!({"business_name": seed.name, "business_registration_number": "12-3456789"})),
                status: Some("APPROVED"),
                created,
                updated: created,
            });
            assigned.push(rd);
        }
        if seed.kind == Kind::Secondary {
            if let Some(primary) = primary {
                assigned.push(primary.to_owned());
            }
        }
        let entities = assigned
            .into_iter()
            .zip(0_u64..)
            .map(|(object_sid, i)| Assignment {
                sid: sid("BV", slot(n, i)),
                object_sid,
                created: later(created, 60),
            })
            .collect();
        self.entities.insert(psid.clone(), entities);

        // Phone numbers: some assigned, one more free to assign.
        let mut channels = Vec::new();
        for i in 0..=seed.phones as u64 {
            let pn = sid("PN", slot(n, i));
            self.numbers.push(Number {
                sid: pn.clone(),
                phone_number: demo_number(slot(n, i)),
                friendly_name: format!("{} line {}", seed.name, i.saturating_add(1)),
                // The first line is registered with the business's address: that address
                // stays in use whatever becomes of the profile.
                address_sid: (i == 0).then(|| ad.clone()),
                created,
            });
            if i < seed.phones as u64 {
                channels.push(Assignment {
                    sid: sid("RA", slot(n, i)),
                    object_sid: pn,
                    created: later(created, 300),
                });
            }
        }
        self.channels.insert(psid.clone(), channels);

        let policy_sid = match seed.kind {
            Kind::Primary => catalog::primary_policy(),
            Kind::Secondary => catalog::SECONDARY_POLICY.to_owned(),
        };
        self.insert_bundle(Bundle {
            sid: psid,
            kind: BundleKind::CustomerProfile,
            policy_sid,
            email: email_for(&seed.name),
            callback: n
                .is_multiple_of(2)
                .then(|| format!("https://hooks.example.com/trusthub/{n}")),
            // From the day the demo starts: one approval in twelve ends within three weeks.
            valid_until: (seed.status == ProfileStatus::TwilioApproved).then(|| {
                let days = (n.checked_rem(12).unwrap_or(0) as i64).saturating_mul(30);
                later(super::now(), days.saturating_add(20).saturating_mul(86_400))
            }),
            name: seed.name,
            status: seed.status,
            created,
            updated,
            errors: seed.errors,
            submitted: None,
            decide_at: None,
        });
    }

    /// The demo account's trust products: an approved A2P messaging profile built on the
    /// approved profile, and a CNAM trust product just started.
    pub fn seed_trust_products(&mut self) {
        let profile = data::profile_sid(data::Seeded::APPROVED);
        let Some(approved) = self.index.get(&profile).and_then(|i| self.bundles.get(*i)) else {
            return;
        };
        let (owner, email, created) = (
            approved.name.clone(),
            approved.email.clone(),
            approved.created,
        );
        let a2p = data::trust_product_sid(data::Seeded::TRUST_PRODUCT_APPROVED);
        self.seed_a2p_records(&a2p, &profile, &owner, &email, created, 0);
        let updated = later(created, 3 * 86_400);
        for (sid, name, policy, status) in [
            (
                a2p,
                format!("{owner} — text messages"),
                catalog::a2p_policy(),
                ProfileStatus::TwilioApproved,
            ),
            (
                data::trust_product_sid(data::Seeded::TRUST_PRODUCT_DRAFT),
                format!("{owner} — caller name"),
                catalog::cnam_policy(),
                ProfileStatus::Draft,
            ),
        ] {
            let seeded = (email.clone(), created, updated);
            self.seed_trust_product(&sid, policy, name, status, seeded);
        }
    }

    /// An approved A2P Trust Product on the approved secondary profile
    /// `Seeded::A2P_SECOND_PROFILE`, with no brand: the demo's brand to register.
    pub fn seed_unbranded_a2p(&mut self) {
        let profile = data::profile_sid(data::Seeded::A2P_SECOND_PROFILE);
        let Some(owner) = self.index.get(&profile).and_then(|i| self.bundles.get(*i)) else {
            return;
        };
        if owner.status != ProfileStatus::TwilioApproved {
            return;
        }
        let (name, email, created) = (owner.name.clone(), owner.email.clone(), owner.created);
        let a2p = data::trust_product_sid(data::Seeded::TRUST_PRODUCT_UNBRANDED);
        self.seed_a2p_records(&a2p, &profile, &name, &email, created, 16);
        let updated = later(created, 2 * 86_400);
        self.seed_trust_product(
            &a2p,
            catalog::a2p_policy(),
            format!("{name} — text messages"),
            ProfileStatus::TwilioApproved,
            (email, created, updated),
        );
    }

    /// A seeded Trust Product of the business whose profile has `(email, created)`: made an
    /// hour after that profile, last changed at `updated`, approved for a year from then
    /// (or still a draft), and checked by Twilio then.
    pub(super) fn seed_trust_product(
        &mut self,
        sid: &str,
        policy_sid: String,
        name: String,
        status: ProfileStatus,
        (email, created, updated): (String, i64, i64),
    ) {
        self.insert_bundle(Bundle {
            sid: sid.to_owned(),
            kind: BundleKind::TrustProduct,
            policy_sid,
            name,
            status,
            email,
            callback: None,
            valid_until: (status == ProfileStatus::TwilioApproved)
                .then_some(later(updated, 365 * 86_400)),
            created: later(created, 3600),
            updated,
            errors: Vec::new(),
            submitted: None,
            decide_at: None,
        });
        self.record_evaluation(sid, updated);
    }

    /// What an A2P Trust Product `a2p` holds: the business's messaging-brand details and
    /// the Customer-Profile `profile` it is built on, assigned to it. `n` sets the records'
    /// SIDs apart (the details `IT…` and the assignments `BV…` from `2^33 + n`).
    fn seed_a2p_records(
        &mut self,
        a2p: &str,
        profile: &str,
        owner: &str,
        email: &str,
        created: i64,
        n: u64,
    ) {
        let info = sid("IT", (1_u64 << 33).saturating_add(n));
        self.end_users.insert(
            info.clone(),
            Object {
                friendly_name: format!("{owner} — messaging brand"),
                kind: "us_a2p_messaging_profile_information".into(),
                attributes: json_map(
                    json!({"company_type": "private", "brand_contact_email": email}),
                ),
                status: None,
                created,
                updated: created,
            },
        );
        let assignments = [info, profile.to_owned()]
            .into_iter()
            .zip(n..)
            .map(|(object_sid, i)| Assignment {
                sid: sid("BV", (1_u64 << 33).saturating_add(i)),
                object_sid,
                created: later(created, 3600),
            })
            .collect();
        self.entities.insert(a2p.to_owned(), assignments);
    }

    /// Bundles in review now that Twilio decides after `delay` (the demo's watch).
    pub fn decide_in_review_after(&mut self, delay: Duration, every: usize) {
        let at = Instant::now().checked_add(delay);
        for (i, b) in self.bundles.iter_mut().enumerate() {
            if b.status == ProfileStatus::InReview && i.checked_rem(every) == Some(0) {
                b.decide_at = at;
            }
        }
    }
}

fn json_map(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}
