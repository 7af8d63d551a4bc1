//! The demo's seeded account: named profiles that show every state a person can meet,
//! then generated ones so lists have pages. Everything is derived from the index, so
//! each launch (and each test) sees the same SIDs, names and dates.

use crate::trusthub::models::ProfileStatus;

/// A SID of the given kind, stable for `(prefix, n)`.
pub fn sid(prefix: &str, n: u64) -> String {
    let salt: u64 = prefix.bytes().fold(0x9e37_79b9_7f4a_7c15, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    });
    let hi = splitmix(n ^ salt);
    let lo = splitmix(hi ^ n.rotate_left(17));
    format!("{prefix}{hi:016x}{lo:016x}")
}

fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The SID of the `n`-th seeded profile.
pub fn profile_sid(n: usize) -> String {
    sid("BU", n as u64)
}

/// The named profiles, by index, for tests and the guide.
pub struct Seeded;

impl Seeded {
    /// A draft that passes its evaluation: edit it, submit it.
    pub const DRAFT_COMPLIANT: usize = 0;
    /// A draft that fails its evaluation.
    pub const DRAFT_NONCOMPLIANT: usize = 1;
    /// Rejected by Twilio with errors 18601 and 18603.
    pub const REJECTED: usize = 2;
    /// In review: edits are refused with 60711.
    pub const IN_REVIEW: usize = 3;
    pub const APPROVED: usize = 4;
    pub const PENDING_REVIEW: usize = 5;
}

pub struct ProfileSeed {
    pub name: String,
    pub status: ProfileStatus,
    pub compliant: bool,
    pub errors: Vec<i64>,
    pub secondary: bool,
}

const NAMED: [(&str, ProfileStatus, bool); 6] = [
    ("Acme Plumbing LLC", ProfileStatus::Draft, true),
    ("Blue Harbor Bakery", ProfileStatus::Draft, false),
    ("Northwind Traders", ProfileStatus::TwilioRejected, false),
    ("Contoso Dental Care", ProfileStatus::InReview, true),
    ("Fabrikam Logistics", ProfileStatus::TwilioApproved, true),
    ("Globex Solar", ProfileStatus::PendingReview, true),
];

const FIRST: [&str; 16] = [
    "Alder", "Birch", "Cedar", "Delta", "Ember", "Falcon", "Granite", "Harbor", "Iris", "Juniper",
    "Kestrel", "Lumen", "Maple", "Nimbus", "Orchard", "Pioneer",
];
const SECOND: [&str; 12] = [
    "Analytics",
    "Bakery",
    "Clinic",
    "Design",
    "Electric",
    "Fitness",
    "Garden Supply",
    "Health",
    "Insurance",
    "Legal",
    "Motors",
    "Travel",
];
const SUFFIX: [&str; 4] = ["LLC", "Inc.", "Ltd", "& Co"];

pub fn profile_seed(n: usize) -> ProfileSeed {
    if let Some((name, status, compliant)) = NAMED.get(n) {
        let errors = if n == Seeded::REJECTED {
            vec![18601, 18603]
        } else {
            Vec::new()
        };
        return ProfileSeed {
            name: (*name).into(),
            status: *status,
            compliant: *compliant,
            errors,
            secondary: false,
        };
    }
    let name = format!(
        "{} {} {}",
        FIRST[n % FIRST.len()],
        SECOND[(n / FIRST.len()) % SECOND.len()],
        SUFFIX[(n / 7) % SUFFIX.len()]
    );
    let name = if n >= FIRST.len() * SECOND.len() {
        format!("{name} #{n}")
    } else {
        name
    };
    // A spread of states with drafts the most common, as in a real account.
    let status = match n % 10 {
        0..=3 => ProfileStatus::Draft,
        4 => ProfileStatus::PendingReview,
        5 | 6 => ProfileStatus::InReview,
        7 => ProfileStatus::TwilioRejected,
        _ => ProfileStatus::TwilioApproved,
    };
    let compliant = !matches!(status, ProfileStatus::TwilioRejected) && n % 3 != 1;
    let errors = match status {
        ProfileStatus::TwilioRejected => vec![[18601, 18602, 18603, 18606][n % 4]],
        _ => Vec::new(),
    };
    ProfileSeed {
        name,
        status,
        compliant,
        errors,
        secondary: n % 9 == 4,
    }
}

/// A plausible e-mail for a business name.
pub fn email_for(name: &str) -> String {
    let slug: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ')
        .collect::<String>()
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join("")
        .to_lowercase();
    format!("compliance@{slug}.example.com")
}
