//! Policies and types, fetched once per session (Twilio's catalogue; nothing personal) and
//! kept while the server stays the same. At most a few dozen of each exist.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::commands::error::UiError;
use crate::credentials::Credentials;
use crate::trusthub::models::{Policy, TypeDefinition};
use crate::trusthub::objects::ObjectKind;
use crate::trusthub::TrustHubClient;

/// More than Twilio has; past it the cache starts over rather than grow.
const MOST: usize = 200;

#[derive(Default)]
pub struct Catalog {
    policies: Mutex<HashMap<String, Policy>>,
    types: Mutex<HashMap<(ObjectKind, String), TypeDefinition>>,
}

fn keep<K: std::hash::Hash + Eq, V>(map: &Mutex<HashMap<K, V>>, key: K, value: V) {
    let mut map = map.lock().unwrap_or_else(|p| p.into_inner());
    if map.len() >= MOST {
        map.clear();
    }
    map.insert(key, value);
}

impl Catalog {
    pub async fn policy(
        &self,
        client: &TrustHubClient,
        c: &Credentials,
        sid: &str,
    ) -> Result<Policy, UiError> {
        let key = sid.trim().to_owned();
        if let Some(p) = self
            .policies
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&key)
        {
            return Ok(p.clone());
        }
        let policy = client.fetch_policy(c, &key).await?;
        keep(&self.policies, key, policy.clone());
        Ok(policy)
    }

    pub async fn type_of(
        &self,
        client: &TrustHubClient,
        c: &Credentials,
        kind: ObjectKind,
        machine_name: &str,
    ) -> Result<TypeDefinition, UiError> {
        let key = (kind, machine_name.to_owned());
        if let Some(t) = self
            .types
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&key)
        {
            return Ok(t.clone());
        }
        let definition = client.fetch_type(c, kind, machine_name).await?;
        keep(&self.types, key, definition.clone());
        Ok(definition)
    }

    /// Another server or account: start over.
    pub fn clear(&self) {
        self.policies
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
        self.types.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }
}
