//! Phone numbers on a voice Trust Product (SHAKEN/STIR, Voice Integrity, CNAM). Twilio
//! takes a number on the product only once it is on the business's Customer-Profile, so a
//! choice of numbers becomes steps in that order: each number's steps together, so that a
//! step that fails leaves every number before it complete. The steps run one at a time; a
//! failure stops the rest, and what was done and what is left are both returned, for the
//! person to be told exactly and to continue.

use std::collections::HashSet;

use super::error::TrustHubError;
use super::models::BundleKind;
use super::TrustHubClient;
use crate::credentials::Credentials;

/// Where a step puts a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The business's Customer-Profile: first, when the number is not on it yet.
    Profile,
    /// The voice Trust Product itself.
    Product,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The phone number's SID (PN…).
    pub number_sid: String,
    pub target: Target,
}

/// The steps that put `chosen` on the product: a number already on it is left alone, one
/// not on the profile goes there first. A number chosen twice counts once.
pub fn plan(
    chosen: &[String],
    on_profile: &HashSet<String>,
    on_product: &HashSet<String>,
) -> Vec<Step> {
    let mut seen = HashSet::new();
    let mut steps = Vec::new();
    for number in chosen {
        if on_product.contains(number) || !seen.insert(number.as_str()) {
            continue;
        }
        for target in [Target::Profile, Target::Product] {
            if target == Target::Profile && on_profile.contains(number) {
                continue;
            }
            steps.push(Step {
                number_sid: number.clone(),
                target,
            });
        }
    }
    steps
}

/// What `apply` did: the steps done in order, the one that failed and why, the steps not tried.
#[derive(Debug)]
pub struct Applied {
    pub done: Vec<Step>,
    pub failed: Option<(Step, TrustHubError)>,
    pub left: Vec<Step>,
}

/// Runs `steps` one at a time on the profile `profile_sid` and the product `product_sid`,
/// telling `progress(done, total)` after each; stops at the first failure.
pub async fn apply(
    client: &TrustHubClient,
    c: &Credentials,
    profile_sid: &str,
    product_sid: &str,
    steps: Vec<Step>,
    mut progress: impl FnMut(usize, usize),
) -> Applied {
    let total = steps.len();
    let mut done = Vec::with_capacity(total);
    let mut pending = steps.into_iter();
    while let Some(step) = pending.next() {
        let (kind, sid) = match step.target {
            Target::Profile => (BundleKind::CustomerProfile, profile_sid),
            Target::Product => (BundleKind::TrustProduct, product_sid),
        };
        if let Err(error) = client
            .assign_phone_number(c, kind, sid, &step.number_sid)
            .await
        {
            return Applied {
                done,
                failed: Some((step, error)),
                left: pending.collect(),
            };
        }
        done.push(step);
        progress(done.len(), total);
    }
    Applied {
        done,
        failed: None,
        left: Vec::new(),
    }
}

/// The most characters of a CNAM display name.
pub const CNAM_MAX: usize = 15;

/// Why Twilio would refuse `name` as a CNAM display name, or `None`: at most 15 characters,
/// starting with a letter, only letters, digits, periods, commas and spaces.
pub fn cnam_name_problem(name: &str) -> Option<&'static str> {
    let name = name.trim();
    let count = name.chars().count();
    if count == 0 {
        return Some("Enter the name people should see when you call, up to 15 characters.");
    }
    if count > CNAM_MAX {
        return Some("Callers see at most 15 characters: shorten the name.");
    }
    if !name.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
        return Some("The name must start with a letter.");
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | ' '))
    {
        return Some("Use only letters, digits, periods, commas and spaces.");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(sids: &[&str]) -> HashSet<String> {
        sids.iter().map(|s| s.to_string()).collect()
    }

    fn step(number: &str, target: Target) -> Step {
        Step {
            number_sid: number.into(),
            target,
        }
    }

    #[test]
    fn a_number_goes_to_the_profile_first_unless_it_is_there_and_to_the_product_unless_it_is_there()
    {
        let chosen: Vec<String> = ["PN1", "PN2", "PN3", "PN1"].map(String::from).into();
        let steps = plan(&chosen, &set(&["PN2", "PN3"]), &set(&["PN3"]));
        assert_eq!(
            steps,
            vec![
                step("PN1", Target::Profile),
                step("PN1", Target::Product),
                step("PN2", Target::Product),
            ]
        );
        assert!(plan(&[], &set(&[]), &set(&[])).is_empty());
    }

    #[test]
    fn a_cnam_name_is_checked_as_twilio_does() {
        for good in [
            "Acme Plumbing",
            "A",
            "Acme, Inc.",
            "Shop 24",
            "ABCDEFGHIJKLMNO",
        ] {
            assert_eq!(cnam_name_problem(good), None, "{good}");
        }
        assert_eq!(
            cnam_name_problem("ABCDEFGHIJKLMNOP"),
            Some("Callers see at most 15 characters: shorten the name.")
        );
        assert_eq!(
            cnam_name_problem("24 Hour Shop"),
            Some("The name must start with a letter.")
        );
        assert_eq!(
            cnam_name_problem("Acme & Sons"),
            Some("Use only letters, digits, periods, commas and spaces.")
        );
        assert_eq!(
            cnam_name_problem("Café"),
            Some("Use only letters, digits, periods, commas and spaces.")
        );
        assert_eq!(
            cnam_name_problem("   "),
            Some("Enter the name people should see when you call, up to 15 characters.")
        );
    }
}
