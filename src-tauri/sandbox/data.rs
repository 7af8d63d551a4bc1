//! The demo's seeded accounts: named profiles that show every state a person can meet,
//! each with what is wrong with it (so every editor can be tried), then generated ones so
//! lists have pages. Everything is derived from the index, so each launch (and each test)
//! sees the same SIDs, names and dates.

use crate::trusthub::models::ProfileStatus;

/// A SID of the given kind, stable for `(prefix, n)`.
pub fn sid(prefix: &str, n: u64) -> String {
    let salt: u64 = prefix.bytes().fold(0x9e37_79b9_7f4a_7c15, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
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

/// The SID of the `i`th seeded trust product (apart from every profile's).
pub fn trust_product_sid(i: usize) -> String {
    sid("BU", (1_u64 << 32).saturating_add(i as u64))
}

/// The named profiles, by index, for tests and the guide.
pub struct Seeded;

impl Seeded {
    /// A draft that passes its evaluation: edit it, submit it.
    pub const DRAFT_COMPLIANT: usize = 0;
    /// A draft that fails three requirements: the business name is missing, no address is
    /// assigned, and the representative's phone number is not in international form.
    pub const DRAFT_NONCOMPLIANT: usize = 1;
    /// Rejected by Twilio with errors 18601 and 18603.
    pub const REJECTED: usize = 2;
    /// In review: edits are refused with 60711.
    pub const IN_REVIEW: usize = 3;
    /// Approved: the account's primary profile (an ISV reseller), linked from its secondaries.
    pub const APPROVED: usize = 4;
    pub const PENDING_REVIEW: usize = 5;
    /// A draft with no authorized representative at all.
    pub const NO_REPRESENTATIVE: usize = 6;
    /// A draft whose website is not a web address and whose industry is not one of Twilio's.
    pub const BAD_WEBSITE: usize = 7;
    /// The second account's primary profile: a draft missing its registration document, a
    /// file that is uploaded in the Twilio Console.
    pub const SECOND_PRIMARY: usize = 103;
    /// Trust products (see `trust_product_sid`): Fabrikam's A2P messaging profile, approved.
    pub const TRUST_PRODUCT_APPROVED: usize = 0;
    /// A CNAM trust product just started: nothing assigned yet.
    pub const TRUST_PRODUCT_DRAFT: usize = 1;
    /// With texting: an approved A2P Trust Product on an approved secondary profile (index
    /// `A2P_SECOND_PROFILE`) with no brand yet, to register one.
    pub const TRUST_PRODUCT_UNBRANDED: usize = 2;
    pub const A2P_SECOND_PROFILE: usize = 8;
    /// With texting: an approved SHAKEN/STIR Trust Product on the approved profile, with
    /// the profile's number on it.
    pub const TRUST_PRODUCT_VOICE: usize = 3;
}

/// What is wrong with a seeded profile's data; its evaluation fails on exactly these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Flaw {
    #[default]
    MissingBusinessName,
    MissingRegistrationNumber,
    NoAddress,
    BadRepresentativePhone,
    NoRepresentative,
    BadWebsite,
    UnknownIndustry,
    /// A primary profile without its business-registration document.
    NoRegistrationDocument,
}

/// Which policy a seeded profile follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Primary,
    Secondary,
}

pub struct ProfileSeed {
    pub name: String,
    pub status: ProfileStatus,
    pub flaws: Vec<Flaw>,
    pub errors: Vec<i64>,
    pub kind: Kind,
    /// How many phone numbers are assigned.
    pub phones: usize,
}

const NAMED: [(&str, ProfileStatus); 8] = [
    ("Acme Plumbing LLC", ProfileStatus::Draft),
    ("Blue Harbor Bakery", ProfileStatus::Draft),
    ("Northwind Traders", ProfileStatus::TwilioRejected),
    ("Contoso Dental Care", ProfileStatus::InReview),
    ("Fabrikam Logistics", ProfileStatus::TwilioApproved),
    ("Globex Solar", ProfileStatus::PendingReview),
    ("Cedar Street Dental", ProfileStatus::Draft),
    ("Driftwood Coffee Roasters", ProfileStatus::Draft),
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

/// One item of a list, the index taken round the list (never out of it).
fn pick<T: Copy + Default>(list: &[T], n: usize) -> T {
    list.get(n.checked_rem(list.len()).unwrap_or(0))
        .copied()
        .unwrap_or_default()
}

/// How many names the first and second word lists make before names repeat.
const NAMES: usize = FIRST.len() * SECOND.len();

/// A business name for any index.
pub fn generated_name(n: usize) -> String {
    let name = format!(
        "{} {} {}",
        pick(&FIRST, n),
        pick(&SECOND, n.checked_div(FIRST.len()).unwrap_or(0)),
        pick(&SUFFIX, n / 7)
    );
    if n >= NAMES {
        format!("{name} #{n}")
    } else {
        name
    }
}

pub fn profile_seed(n: usize) -> ProfileSeed {
    if let Some((name, status)) = NAMED.get(n) {
        let flaws = match n {
            Seeded::DRAFT_NONCOMPLIANT => vec![
                Flaw::MissingBusinessName,
                Flaw::NoAddress,
                Flaw::BadRepresentativePhone,
            ],
            Seeded::NO_REPRESENTATIVE => vec![Flaw::NoRepresentative],
            Seeded::BAD_WEBSITE => vec![Flaw::BadWebsite, Flaw::UnknownIndustry],
            _ => Vec::new(),
        };
        let errors = if n == Seeded::REJECTED {
            vec![18601, 18603]
        } else {
            Vec::new()
        };
        return ProfileSeed {
            name: (*name).into(),
            status: *status,
            flaws,
            errors,
            kind: if n == Seeded::APPROVED {
                Kind::Primary
            } else {
                Kind::Secondary
            },
            phones: usize::from(n == Seeded::DRAFT_COMPLIANT),
        };
    }
    if n == Seeded::SECOND_PRIMARY {
        return ProfileSeed {
            name: "Harbor Lights Holdings".into(),
            status: ProfileStatus::Draft,
            flaws: vec![Flaw::NoRegistrationDocument],
            errors: Vec::new(),
            kind: Kind::Primary,
            phones: 0,
        };
    }
    // A spread of states with drafts the most common, as in a real account.
    let status = match n % 10 {
        0..=3 => ProfileStatus::Draft,
        4 => ProfileStatus::PendingReview,
        5 | 6 => ProfileStatus::InReview,
        7 => ProfileStatus::TwilioRejected,
        _ => ProfileStatus::TwilioApproved,
    };
    let flaws = if status == ProfileStatus::Draft && n % 3 == 1 {
        vec![pick(
            &[
                Flaw::MissingRegistrationNumber,
                Flaw::NoAddress,
                Flaw::BadRepresentativePhone,
            ],
            n / 3,
        )]
    } else {
        Vec::new()
    };
    let errors = match status {
        ProfileStatus::TwilioRejected => vec![pick(&[18601, 18602, 18603, 18606], n)],
        _ => Vec::new(),
    };
    ProfileSeed {
        name: generated_name(n),
        status,
        flaws,
        errors,
        kind: Kind::Secondary,
        phones: n % 3,
    }
}

/// A plausible e-mail for a business name.
pub fn email_for(name: &str) -> String {
    format!("compliance@{}", domain_for(name))
}

/// A plausible web domain for a business name.
pub fn domain_for(name: &str) -> String {
    let slug: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ')
        .collect::<String>()
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join("")
        .to_lowercase();
    format!("{slug}.example.com")
}
