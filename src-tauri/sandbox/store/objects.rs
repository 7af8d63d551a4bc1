//! End users and supporting documents (create, fetch, update with `Attributes` replaced
//! whole, list, delete), and the catalogue: policies and types.

use serde_json::{json, Map, Value};

use super::{date, get, later, now, page_slice, Db, Object, Pairs, Refusal, Reply};
use crate::sandbox::catalog;

/// Which of the two collections a path is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectKind {
    EndUser,
    Document,
}

impl ObjectKind {
    fn collection(self) -> &'static str {
        match self {
            ObjectKind::EndUser => "EndUsers",
            ObjectKind::Document => "SupportingDocuments",
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            ObjectKind::EndUser => "IT",
            ObjectKind::Document => "RD",
        }
    }

    fn known_type(self, machine_name: &str) -> bool {
        match self {
            ObjectKind::EndUser => catalog::end_user_type(machine_name).is_some(),
            ObjectKind::Document => catalog::document_type(machine_name).is_some(),
        }
    }
}

/// `Attributes` as Twilio takes it: a JSON object in a form field.
fn attributes(form: &Pairs) -> Result<Option<Map<String, Value>>, Refusal> {
    let Some(text) = get(form, "Attributes") else {
        return Ok(None);
    };
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => Ok(Some(map)),
        _ => Err(Refusal::invalid("Attributes", "must be a JSON object")),
    }
}

impl Db {
    fn objects(&self, kind: ObjectKind) -> &std::collections::BTreeMap<String, Object> {
        match kind {
            ObjectKind::EndUser => &self.end_users,
            ObjectKind::Document => &self.documents,
        }
    }

    fn objects_mut(&mut self, kind: ObjectKind) -> &mut std::collections::BTreeMap<String, Object> {
        match kind {
            ObjectKind::EndUser => &mut self.end_users,
            ObjectKind::Document => &mut self.documents,
        }
    }

    pub(super) fn object(&self, sid: &str) -> Option<&Object> {
        self.end_users.get(sid).or_else(|| self.documents.get(sid))
    }

    fn render_object(&self, kind: ObjectKind, sid: &str, o: &Object) -> Value {
        let mut v = json!({
            "sid": sid,
            "account_sid": self.account_sid,
            "friendly_name": o.friendly_name,
            "type": o.kind,
            "attributes": o.attributes,
            "date_created": date(o.created),
            "date_updated": date(o.updated),
            "url": format!("{}/v1/{}/{sid}", self.base, kind.collection()),
        });
        if let (ObjectKind::Document, Some(fields)) = (kind, v.as_object_mut()) {
            fields.insert("status".into(), json!(o.status.unwrap_or("DRAFT")));
            fields.insert("mime_type".into(), Value::Null);
        }
        v
    }

    pub fn fetch_object(&self, kind: ObjectKind, sid: &str, path: &str) -> Reply {
        let o = self
            .objects(kind)
            .get(sid)
            .ok_or_else(|| Refusal::not_found(path))?;
        Ok(self.render_object(kind, sid, o))
    }

    pub fn list_objects(&self, kind: ObjectKind, query: &Pairs) -> Reply {
        let all: Vec<(&String, &Object)> = self.objects(kind).iter().collect();
        let path = format!("/v1/{}", kind.collection());
        self.results_page(&path, &[], query, &all, |(sid, o)| {
            self.render_object(kind, sid, o)
        })
    }

    /// `POST /v1/EndUsers` or `/v1/SupportingDocuments`: FriendlyName and Type required,
    /// the type one Twilio knows, Attributes a JSON object.
    pub fn create_object(&mut self, kind: ObjectKind, form: &Pairs) -> Reply {
        let name = get(form, "FriendlyName")
            .filter(|v| !v.trim().is_empty())
            .ok_or_else(|| Refusal::missing("FriendlyName"))?;
        let type_name = get(form, "Type").ok_or_else(|| Refusal::missing("Type"))?;
        if !kind.known_type(type_name) {
            return Err(Refusal::invalid(
                "Type",
                &format!("{type_name:?} is not a type Twilio knows"),
            ));
        }
        let attributes = attributes(form)?.unwrap_or_default();
        let sid = self.new_sid(kind.prefix());
        let t = now();
        let object = Object {
            friendly_name: name.to_owned(),
            kind: type_name.to_owned(),
            attributes,
            status: (kind == ObjectKind::Document).then_some("DRAFT"),
            created: t,
            updated: t,
        };
        let rendered = self.render_object(kind, &sid, &object);
        self.objects_mut(kind).insert(sid, object);
        Ok(rendered)
    }

    /// `POST .../{Sid}`: FriendlyName and Attributes; Attributes replaces the stored object
    /// whole, as Twilio does.
    pub fn update_object(
        &mut self,
        kind: ObjectKind,
        sid: &str,
        path: &str,
        form: &Pairs,
    ) -> Reply {
        let attributes = attributes(form)?;
        let name = get(form, "FriendlyName").map(str::to_owned);
        if name.as_deref().is_some_and(|n| n.trim().is_empty()) {
            return Err(Refusal::invalid("FriendlyName", "must not be empty"));
        }
        if self.assigned_to_locked_bundle(sid) {
            return Err(Refusal::new(
                400,
                60711,
                "This object can't be changed while a profile it is assigned to is in review or approved",
            ));
        }
        let o = self
            .objects_mut(kind)
            .get_mut(sid)
            .ok_or_else(|| Refusal::not_found(path))?;
        if let Some(a) = attributes {
            o.attributes = a;
        }
        if let Some(n) = name {
            o.friendly_name = n;
        }
        o.updated = now().max(later(o.updated, 1));
        self.fetch_object(kind, sid, path)
    }

    /// `DELETE`: only what no profile uses any more.
    pub fn delete_object(
        &mut self,
        kind: ObjectKind,
        sid: &str,
        path: &str,
    ) -> Result<(), Refusal> {
        if !self.objects(kind).contains_key(sid) {
            return Err(Refusal::not_found(path));
        }
        if self
            .entities
            .values()
            .flatten()
            .any(|a| a.object_sid == sid)
        {
            return Err(Refusal::new(
                400,
                22225,
                "This object is assigned to a profile; remove the assignment first",
            ));
        }
        self.objects_mut(kind).remove(sid);
        Ok(())
    }

    // ---- The catalogue ----

    pub fn fetch_policy(&self, policy_sid: &str, path: &str) -> Reply {
        let (name, requirements) =
            catalog::policy(policy_sid).ok_or_else(|| Refusal::not_found(path))?;
        Ok(self.render_policy(policy_sid, name, requirements))
    }

    fn render_policy(&self, sid: &str, name: &str, requirements: Value) -> Value {
        json!({
            "sid": sid,
            "friendly_name": name,
            "requirements": requirements,
            "url": format!("{}/v1/Policies/{sid}", self.base),
        })
    }

    pub fn list_policies(&self, query: &Pairs) -> Reply {
        let all = catalog::policies();
        self.results_page("/v1/Policies", &[], query, &all, |(sid, name, req)| {
            self.render_policy(sid, name, req.clone())
        })
    }

    /// A type by its OY SID or, as the policy's `url` gives it, by its machine name.
    pub fn fetch_type(&self, documents: bool, id: &str, path: &str) -> Reply {
        let (list, collection) = type_list(documents);
        list.iter()
            .zip(0_u64..)
            .map(|(k, n)| {
                catalog::render_kind(k, type_number(documents, n), &self.base, collection)
            })
            .find(|v| {
                v.get("sid").and_then(Value::as_str) == Some(id)
                    || v.get("machine_name").and_then(Value::as_str) == Some(id)
            })
            .ok_or_else(|| Refusal::not_found(path))
    }

    pub fn list_types(&self, documents: bool, query: &Pairs) -> Reply {
        let (list, collection) = type_list(documents);
        let all: Vec<Value> = list
            .iter()
            .zip(0_u64..)
            .map(|(k, n)| {
                catalog::render_kind(k, type_number(documents, n), &self.base, collection)
            })
            .collect();
        let page = page_slice(&all, query)?.to_vec();
        let key = if documents {
            "supporting_document_types"
        } else {
            "end_user_types"
        };
        Ok(self.page(
            &format!("/v1/{collection}"),
            key,
            &[],
            query,
            all.len(),
            page,
        ))
    }
}

fn type_list(documents: bool) -> (&'static [catalog::Kind], &'static str) {
    if documents {
        (catalog::DOCUMENT_TYPES, "SupportingDocumentTypes")
    } else {
        (catalog::END_USER_TYPES, "EndUserTypes")
    }
}

fn type_number(documents: bool, n: u64) -> u64 {
    if documents {
        n.saturating_add(100)
    } else {
        n
    }
}
