//! What the demo account holds after approval, beyond texting: toll-free numbers with a
//! verification in each state Twilio has (and one with none), and an approved SHAKEN/STIR
//! Trust Product with one of the business's numbers on it.

use serde_json::{json, Value};

use super::super::{catalog, data};
use super::tollfree::{Verification, EDIT_WINDOW};
use super::{later, now, Assignment, Db, Number};
use crate::trusthub::models::ProfileStatus;

/// A rejection's code and Twilio's words.
type Rejection = (i64, &'static str);

impl Db {
    /// The demo account's toll-free numbers, one in each state: none yet, waiting, in
    /// review, approved, rejected with its edit window open (3 days left) and rejected
    /// with it closed.
    pub fn seed_tollfree(&mut self) {
        let profile = data::profile_sid(data::Seeded::APPROVED);
        let Some(approved) = self.index.get(&profile).and_then(|i| self.bundles.get(*i)) else {
            return;
        };
        let (owner, email) = (approved.name.clone(), approved.email.clone());
        let created = later(now(), -10 * 86_400);
        // The state, and for a rejection its code, Twilio's words and how many days ago
        // (half a day less: the time left reads the same whatever second it is read).
        let states: [(&str, Option<Rejection>, i64); 6] = [
            ("", None, 0),
            ("PENDING_REVIEW", None, 0),
            ("IN_REVIEW", None, 0),
            ("TWILIO_APPROVED", None, 0),
            (
                "TWILIO_REJECTED",
                Some((
                    30_513,
                    "Opt-in language does not clearly ask for consent to receive text messages",
                )),
                4,
            ),
            (
                "TWILIO_REJECTED",
                Some((30_482, "Business email must use an official domain")),
                9,
            ),
        ];
        for (i, (status, rejection, days_ago)) in (0_u64..).zip(states) {
            let pn = data::sid("PN", (1_u64 << 34).saturating_add(i));
            self.numbers.push(Number {
                sid: pn.clone(),
                phone_number: format!("+1833555{:04}", 100_u64.saturating_add(i)),
                friendly_name: format!("{owner} toll-free {}", i.saturating_add(1)),
                address_sid: None,
                created,
            });
            if status.is_empty() {
                continue;
            }
            let fields = json!({
                "customer_profile_sid": &profile,
                "business_name": owner,
                "business_website": "https://www.example.com",
                "notification_email": email,
                "use_case_categories": ["ACCOUNT_NOTIFICATIONS", "CUSTOMER_CARE"],
                "use_case_summary": format!("{owner} texts customers about their orders and answers their questions."),
                "production_message_sample": format!("{owner}: your order 1234 is ready for pickup. Reply STOP to opt out."),
                "opt_in_image_urls": ["https://www.example.com/images/opt-in.png"],
                "opt_in_type": "WEB_FORM",
                "message_volume": "1,000",
                "business_type": "PRIVATE_PROFIT",
                "business_registration_number": "12-3456789",
                "business_registration_authority": "EIN",
                "business_registration_country": "US",
                "business_street_address": "104 Main Street",
                "business_city": "Austin",
                "business_state_province_region": "TX",
                "business_postal_code": "78701",
                "business_country": "US",
                "business_contact_first_name": "Jordan",
                "business_contact_last_name": "Rivera",
                "business_contact_email": &email,
                "business_contact_phone": "+14155550104",
            });
            let Value::Object(fields) = fields else {
                continue;
            };
            let sid = data::sid("HH", (1_u64 << 34).saturating_add(i));
            self.texting.tollfree.push(Verification {
                sid,
                number: pn,
                fields,
                status: match status {
                    "PENDING_REVIEW" => "PENDING_REVIEW",
                    "IN_REVIEW" => "IN_REVIEW",
                    "TWILIO_APPROVED" => "TWILIO_APPROVED",
                    _ => "TWILIO_REJECTED",
                },
                rejection,
                edit_until: rejection.map(|_| {
                    later(
                        now(),
                        EDIT_WINDOW
                            .saturating_sub(days_ago.saturating_mul(86_400).saturating_sub(43_200)),
                    )
                }),
                created: later(created, 3600),
                updated: later(created, 86_400),
                decide_at: None,
            });
        }
    }

    /// An approved SHAKEN/STIR Trust Product on the approved profile, with the profile's
    /// own number on both, as Twilio requires (profile first).
    pub fn seed_voice_product(&mut self) {
        let profile = data::profile_sid(data::Seeded::APPROVED);
        let Some(approved) = self.index.get(&profile).and_then(|i| self.bundles.get(*i)) else {
            return;
        };
        let (owner, email, created) = (
            approved.name.clone(),
            approved.email.clone(),
            approved.created,
        );
        let product = data::trust_product_sid(data::Seeded::TRUST_PRODUCT_VOICE);
        let number = data::sid("PN", (data::Seeded::APPROVED as u64).saturating_mul(8));
        let assigned = |i: u64, object_sid: &str| Assignment {
            sid: data::sid("RA", (1_u64 << 35).saturating_add(i)),
            object_sid: object_sid.to_owned(),
            created: later(created, 7200),
        };
        self.channels
            .entry(profile.clone())
            .or_default()
            .push(assigned(0, &number));
        self.channels
            .insert(product.clone(), vec![assigned(1, &number)]);
        self.entities.insert(
            product.clone(),
            vec![Assignment {
                sid: data::sid("BV", (1_u64 << 35).saturating_add(2)),
                object_sid: profile,
                created: later(created, 3600),
            }],
        );
        let updated = later(created, 4 * 86_400);
        self.seed_trust_product(
            &product,
            catalog::shaken_stir_policy(),
            format!("{owner} — signed calls"),
            ProfileStatus::TwilioApproved,
            (email, created, updated),
        );
    }
}
