//! The sandbox's Messaging v1 paths (`/v1/a2p/BrandRegistrations…`, `/v1/Services…`,
//! `/v1/Tollfree/Verifications…`):
//! the same server as TrustHub and the classic API, since their paths do not overlap.

use super::store::{Db, Pairs, Refusal, Reply};

/// What a Messaging request asks of the account's data: `Some` answer for a Messaging
/// path (with the status a success has), `None` for any other path.
pub enum Answer {
    Record(Reply, u16),
    Deleted(Result<(), Refusal>),
}

pub fn answer(
    db: &mut Db,
    m: &str,
    segments: &[&str],
    path: &str,
    query: &Pairs,
    form: &Pairs,
) -> Option<Answer> {
    use Answer::{Deleted, Record};
    let not_allowed = || Record(Err(Refusal::not_allowed()), 200);
    Some(match segments {
        ["v1", "a2p", "BrandRegistrations"] => match m {
            "GET" => Record(db.list_brands(path, query), 200),
            "POST" => Record(db.create_brand(form), 201),
            _ => not_allowed(),
        },
        ["v1", "a2p", "BrandRegistrations", sid] => match m {
            "GET" => Record(db.fetch_brand(sid, path), 200),
            "POST" => Record(db.resubmit_brand(sid, path), 202),
            _ => not_allowed(),
        },
        ["v1", "a2p", "BrandRegistrations", sid, "Vettings"] if m == "GET" => {
            Record(db.list_vettings(sid, path, query), 200)
        }
        ["v1", "a2p", "BrandRegistrations", sid, "SmsOtp"] if m == "POST" => {
            Record(db.resend_otp(sid, path), 201)
        }
        ["v1", "Services"] => match m {
            "GET" => Record(db.list_services(path, query), 200),
            "POST" => Record(db.create_service(form), 201),
            _ => not_allowed(),
        },
        ["v1", "Services", sid] => match m {
            "GET" => Record(db.fetch_service(sid, path), 200),
            "DELETE" => Deleted(db.delete_service(sid, path)),
            _ => not_allowed(),
        },
        ["v1", "Services", mg, "PhoneNumbers"] => match m {
            "GET" => Record(db.list_service_numbers(mg, path, query), 200),
            "POST" => Record(db.add_service_number(mg, path, form), 201),
            _ => not_allowed(),
        },
        ["v1", "Services", mg, "PhoneNumbers", pn] if m == "DELETE" => {
            Deleted(db.remove_service_number(mg, pn, path))
        }
        ["v1", "Services", mg, "Compliance", "Usa2p", "Usecases"] if m == "GET" => {
            Record(db.usecases(mg, path, query), 200)
        }
        ["v1", "Services", mg, "Compliance", "Usa2p"] => match m {
            "GET" => Record(db.list_campaigns(mg, path, query), 200),
            "POST" => Record(db.create_campaign(mg, path, form), 201),
            _ => not_allowed(),
        },
        ["v1", "Services", mg, "Compliance", "Usa2p", qe] => match m {
            "GET" => Record(db.fetch_campaign(mg, qe, path), 200),
            "POST" => Record(db.edit_campaign(mg, qe, path, form), 200),
            "DELETE" => Deleted(db.delete_campaign(mg, qe, path)),
            _ => not_allowed(),
        },
        ["v1", "Tollfree", "Verifications"] => match m {
            "GET" => Record(db.list_tollfree(path, query), 200),
            "POST" => Record(db.create_tollfree(form), 201),
            _ => not_allowed(),
        },
        ["v1", "Tollfree", "Verifications", hh] => match m {
            "GET" => Record(db.fetch_tollfree(hh, path), 200),
            "POST" => Record(db.edit_tollfree(hh, path, form), 200),
            "DELETE" => Deleted(db.delete_tollfree(hh, path)),
            _ => not_allowed(),
        },
        _ => return None,
    })
}
