//! What a profile is made of: the policies and the types they name, end users (business
//! information, representatives) and supporting documents. Twilio keeps an object's
//! `Attributes` as one JSON object and replaces it whole on update, so an update here
//! always sends the whole object (the caller merges the edits into what Twilio holds).

use serde_json::{Map, Value};

use super::client::{ListForm, Result};
use super::limits::PAGE_SIZE;
use super::models::*;
use super::validate::{self, FieldError};
use super::TrustHubClient;
use crate::credentials::Credentials;

/// End users (IT) or supporting documents (RD): one collection of TrustHub each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ObjectKind {
    EndUser,
    SupportingDocument,
}

impl ObjectKind {
    pub fn collection(self) -> &'static str {
        match self {
            ObjectKind::EndUser => "EndUsers",
            ObjectKind::SupportingDocument => "SupportingDocuments",
        }
    }

    pub fn prefix(self) -> &'static str {
        match self {
            ObjectKind::EndUser => "IT",
            ObjectKind::SupportingDocument => "RD",
        }
    }

    fn words(self) -> &'static str {
        match self {
            ObjectKind::EndUser => "end user SID",
            ObjectKind::SupportingDocument => "supporting document SID",
        }
    }

    /// The kind a SID names, from its prefix.
    pub fn of_sid(sid: &str) -> Option<Self> {
        [ObjectKind::EndUser, ObjectKind::SupportingDocument]
            .into_iter()
            .find(|k| validate::is_sid(sid.trim(), k.prefix()))
    }
}

/// `Attributes` as the form field Twilio takes: the JSON text of one object.
fn attributes_text(attributes: &Map<String, Value>) -> Result<String> {
    serde_json::to_string(attributes).map_err(|_| {
        FieldError::new(
            "attributes",
            "These details could not be written as Twilio expects.",
        )
        .into()
    })
}

/// A machine name of a type, as a policy names it (lower case, digits and `_`).
fn type_name(field: &str, input: &str) -> std::result::Result<String, FieldError> {
    let value = input.trim();
    if !value.is_empty()
        && value.len() <= 100
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        Ok(value.to_owned())
    } else {
        Err(FieldError::new(
            field,
            "This is not the name of a type Twilio knows.",
        ))
    }
}

impl TrustHubClient {
    pub async fn fetch_policy(&self, c: &Credentials, sid: &str) -> Result<Policy> {
        let sid = validate::sid("sid", sid, "RN", "Policy SID")?;
        self.get_json(c, self.url(&format!("/v1/Policies/{sid}")))
            .await
    }

    /// Every policy Twilio offers (what each kind of profile or trust product needs).
    pub async fn list_policies(&self, c: &Credentials) -> Result<Listing<Policy>> {
        let first = Self::first_page(self.url("/v1/Policies"), PAGE_SIZE);
        self.list_all(c, first, ListForm::TrustHub, "policies")
            .await
    }

    /// An end-user or document type by its machine name (as a policy's `url` names it).
    pub async fn fetch_type(
        &self,
        c: &Credentials,
        kind: ObjectKind,
        machine_name: &str,
    ) -> Result<TypeDefinition> {
        let name = type_name("type", machine_name)?;
        let collection = match kind {
            ObjectKind::EndUser => "EndUserTypes",
            ObjectKind::SupportingDocument => "SupportingDocumentTypes",
        };
        self.get_json(c, self.url(&format!("/v1/{collection}/{name}")))
            .await
    }

    pub async fn fetch_end_user(&self, c: &Credentials, sid: &str) -> Result<EndUser> {
        let sid = validate::sid("sid", sid, "IT", "End User SID")?;
        self.get_json(c, self.url(&format!("/v1/EndUsers/{sid}")))
            .await
    }

    pub async fn fetch_supporting_document(
        &self,
        c: &Credentials,
        sid: &str,
    ) -> Result<SupportingDocument> {
        let sid = validate::sid("sid", sid, "RD", "Supporting Document SID")?;
        self.get_json(c, self.url(&format!("/v1/SupportingDocuments/{sid}")))
            .await
    }

    /// Every end user of the account (to offer one for reuse).
    pub async fn list_end_users(&self, c: &Credentials) -> Result<Listing<EndUser>> {
        let first = Self::first_page(self.url("/v1/EndUsers"), PAGE_SIZE);
        self.list_all(c, first, ListForm::TrustHub, "end users")
            .await
    }

    /// Every supporting document of the account.
    pub async fn list_supporting_documents(
        &self,
        c: &Credentials,
    ) -> Result<Listing<SupportingDocument>> {
        let first = Self::first_page(self.url("/v1/SupportingDocuments"), PAGE_SIZE);
        self.list_all(c, first, ListForm::TrustHub, "supporting documents")
            .await
    }

    /// `POST /v1/EndUsers` or `/v1/SupportingDocuments`: a new object of a type, named, with
    /// its attributes. Answers Twilio's object as an end user (documents share its fields).
    pub async fn create_object(
        &self,
        c: &Credentials,
        kind: ObjectKind,
        type_machine_name: &str,
        friendly_name: &str,
        attributes: &Map<String, Value>,
    ) -> Result<SupportingDocument> {
        let object_type = type_name("type", type_machine_name)?;
        let name = validate::object_name(friendly_name)?;
        let text = attributes_text(attributes)?;
        self.post_json(
            c,
            self.url(&format!("/v1/{}", kind.collection())),
            &[
                ("FriendlyName", name.as_str()),
                ("Type", object_type.as_str()),
                ("Attributes", text.as_str()),
            ],
        )
        .await
    }

    /// `POST /v1/{EndUsers|SupportingDocuments}/{Sid}` with the whole `Attributes` object and,
    /// when it changes, the name.
    pub async fn update_object(
        &self,
        c: &Credentials,
        kind: ObjectKind,
        sid: &str,
        friendly_name: Option<&str>,
        attributes: &Map<String, Value>,
    ) -> Result<SupportingDocument> {
        let sid = validate::sid("sid", sid, kind.prefix(), kind.words())?;
        let name = friendly_name.map(validate::object_name).transpose()?;
        let text = attributes_text(attributes)?;
        let mut form = vec![("Attributes", text.as_str())];
        if let Some(name) = name.as_deref() {
            form.push(("FriendlyName", name));
        }
        self.post_json(
            c,
            self.url(&format!("/v1/{}/{sid}", kind.collection())),
            &form,
        )
        .await
    }

    /// `DELETE /v1/{EndUsers|SupportingDocuments}/{Sid}`.
    pub async fn delete_object(&self, c: &Credentials, kind: ObjectKind, sid: &str) -> Result<()> {
        let sid = validate::sid("sid", sid, kind.prefix(), kind.words())?;
        self.delete(c, self.url(&format!("/v1/{}/{sid}", kind.collection())))
            .await
    }
}
