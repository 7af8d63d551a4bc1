//! What each of Twilio's policies is for, in a sentence a person can choose by. Twilio
//! names its policies plainly ("Secondary Customer Profile of type Business", "A2P
//! Messaging Profile", "SHAKEN/STIR Trust Product"); the name is the only sign the API
//! gives of a policy's purpose, so it is read here, once, and every other policy is
//! still offered, as "another kind", with its own name.

use serde::Serialize;

use super::models::{BundleKind, Policy};

/// What a policy makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Purpose {
    Primary,
    Secondary,
    Starter,
    A2pMessaging,
    ShakenStir,
    Cnam,
    VoiceIntegrity,
    Other,
}

impl Purpose {
    /// The purpose a policy's name says.
    pub fn of(friendly_name: &str) -> Self {
        let name = friendly_name.to_lowercase();
        let has = |w: &str| name.contains(w);
        if has("a2p") {
            Purpose::A2pMessaging
        } else if has("shaken") || has("stir") {
            Purpose::ShakenStir
        } else if has("cnam") || has("caller name") {
            Purpose::Cnam
        } else if has("voice integrity") {
            Purpose::VoiceIntegrity
        } else if has("primary") {
            Purpose::Primary
        } else if has("secondary") {
            Purpose::Secondary
        } else if has("starter") {
            Purpose::Starter
        } else {
            Purpose::Other
        }
    }

    /// Which list it belongs to: the trust products build on a customer profile.
    pub fn bundle_kind(self, friendly_name: &str) -> BundleKind {
        match self {
            Purpose::A2pMessaging
            | Purpose::ShakenStir
            | Purpose::Cnam
            | Purpose::VoiceIntegrity => BundleKind::TrustProduct,
            Purpose::Other if friendly_name.to_lowercase().contains("trust product") => {
                BundleKind::TrustProduct
            }
            _ => BundleKind::CustomerProfile,
        }
    }

    /// One sentence on what it is for and who chooses it.
    pub fn explanation(self) -> &'static str {
        match self {
            Purpose::Primary => "Your own business, as Twilio verifies it. Twilio creates it only in its Console, after an identity check with a photo ID.",
            Purpose::Secondary => "A customer of yours, if you are a software vendor, reseller or partner. It is linked to your approved primary profile, which must be marked as an ISV reseller or partner.",
            Purpose::Starter => "A customer with fewer details to give (no business registration number), linked to your approved primary profile.",
            Purpose::A2pMessaging => "Lets the business send text messages to US numbers (A2P 10DLC). It builds on an approved or submitted customer profile.",
            Purpose::ShakenStir => "Signs the business's calls so that carriers show them as verified. It builds on an approved or submitted customer profile.",
            Purpose::Cnam => "Shows the business's name to the people it calls, on phones that display a caller name. It builds on an approved or submitted customer profile.",
            Purpose::VoiceIntegrity => "Registers the business's numbers with carriers so that its calls are less likely to be marked as spam. It builds on an approved or submitted customer profile.",
            Purpose::Other => "Another kind Twilio offers. What it needs is shown once it is created.",
        }
    }

    /// Twilio makes these only in its Console.
    pub fn console_only(self) -> bool {
        self == Purpose::Primary
    }
}

/// A policy as the "what is it for" step offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PolicyChoice {
    pub sid: String,
    pub name: String,
    pub purpose: Purpose,
    pub explanation: &'static str,
    pub console_only: bool,
}

/// The policies for `kind`, in the order a person reads them: what can be made here
/// first (by purpose), then what only the Console makes. Policies without a SID or name
/// are left out; nothing else is.
pub fn choices(policies: &[Policy], kind: BundleKind) -> Vec<PolicyChoice> {
    let mut out: Vec<PolicyChoice> = policies
        .iter()
        .filter_map(|p| {
            let sid = p.sid.clone().filter(|s| !s.is_empty())?;
            let name = p.friendly_name.clone().filter(|n| !n.trim().is_empty())?;
            let purpose = Purpose::of(&name);
            (purpose.bundle_kind(&name) == kind).then(|| PolicyChoice {
                sid,
                purpose,
                explanation: purpose.explanation(),
                console_only: purpose.console_only(),
                name,
            })
        })
        .collect();
    out.sort_by_key(|c| (c.console_only, c.purpose == Purpose::Other, c.purpose as u8));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(sid: &str, name: &str) -> Policy {
        Policy {
            sid: Some(sid.into()),
            friendly_name: Some(name.into()),
            ..Policy::default()
        }
    }

    #[test]
    fn twilios_policy_names_say_their_purpose() {
        for (name, purpose, kind) in [
            (
                "Primary Customer Profile of type Business",
                Purpose::Primary,
                BundleKind::CustomerProfile,
            ),
            (
                "Secondary Customer Profile of type Business",
                Purpose::Secondary,
                BundleKind::CustomerProfile,
            ),
            (
                "Starter Customer Profile of type Business",
                Purpose::Starter,
                BundleKind::CustomerProfile,
            ),
            (
                "A2P Messaging Profile",
                Purpose::A2pMessaging,
                BundleKind::TrustProduct,
            ),
            (
                "SHAKEN/STIR Trust Product",
                Purpose::ShakenStir,
                BundleKind::TrustProduct,
            ),
            (
                "CNAM Trust Product",
                Purpose::Cnam,
                BundleKind::TrustProduct,
            ),
            (
                "Voice Integrity Trust Product",
                Purpose::VoiceIntegrity,
                BundleKind::TrustProduct,
            ),
            (
                "Some New Trust Product",
                Purpose::Other,
                BundleKind::TrustProduct,
            ),
            (
                "Regulatory something",
                Purpose::Other,
                BundleKind::CustomerProfile,
            ),
        ] {
            let p = Purpose::of(name);
            assert_eq!(p, purpose, "{name}");
            assert_eq!(p.bundle_kind(name), kind, "{name}");
            assert!(p.explanation().ends_with('.'));
        }
        assert!(Purpose::Primary.console_only());
        assert!(!Purpose::Secondary.console_only());
    }

    #[test]
    fn the_choices_of_a_kind_put_what_can_be_made_here_first() {
        let all = [
            policy("RN1", "Primary Customer Profile of type Business"),
            policy("RN3", "Starter Customer Profile of type Business"),
            policy("RN2", "Secondary Customer Profile of type Business"),
            policy("RN4", "A2P Messaging Profile"),
            policy("RN5", "Unheard-of policy"),
            Policy::default(),
        ];
        let profiles: Vec<String> = choices(&all, BundleKind::CustomerProfile)
            .into_iter()
            .map(|c| c.sid)
            .collect();
        assert_eq!(profiles, ["RN2", "RN3", "RN5", "RN1"]);
        let products = choices(&all, BundleKind::TrustProduct);
        assert_eq!(products.len(), 1);
        assert_eq!(products[0].purpose, Purpose::A2pMessaging);
    }
}
