//! Lists being loaded, by name, so that leaving a view can stop its loading and one list
//! is never loaded twice at once: starting a load of a list that is already loading
//! cancels the older one.

use std::collections::HashMap;
use std::sync::Mutex;
use tokio_util::sync::CancellationToken;

#[derive(Default)]
pub struct Loads {
    running: Mutex<HashMap<String, (u64, CancellationToken)>>,
    next_id: Mutex<u64>,
}

impl Loads {
    /// Registers a load of `key`, cancelling one already under way.
    pub fn begin(&self, key: &str) -> LoadGuard<'_> {
        let id = {
            let mut next = self.next_id.lock().unwrap_or_else(|p| p.into_inner());
            *next = next.wrapping_add(1);
            *next
        };
        let token = CancellationToken::new();
        let older = self
            .running
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(key.to_owned(), (id, token.clone()));
        if let Some((_, older)) = older {
            older.cancel();
        }
        LoadGuard {
            loads: self,
            key: key.to_owned(),
            id,
            token,
        }
    }

    /// Stops the load of `key`, if one is under way. Whether one was.
    pub fn cancel(&self, key: &str) -> bool {
        let running = self
            .running
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(key);
        running.map(|(_, token)| token.cancel()).is_some()
    }

    /// Stops every load (the account or the server changed).
    pub fn cancel_all(&self) {
        let running = std::mem::take(&mut *self.running.lock().unwrap_or_else(|p| p.into_inner()));
        for (_, (_, token)) in running {
            token.cancel();
        }
    }

    /// How many loads are under way.
    pub fn len(&self) -> usize {
        self.running.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One load under way; it leaves the registry when dropped, however the load ended.
pub struct LoadGuard<'a> {
    loads: &'a Loads,
    key: String,
    id: u64,
    token: CancellationToken,
}

impl LoadGuard<'_> {
    /// Resolves when the load is cancelled.
    pub async fn cancelled(&self) {
        self.token.cancelled().await;
    }
}

impl Drop for LoadGuard<'_> {
    fn drop(&mut self) {
        let mut running = self.loads.running.lock().unwrap_or_else(|p| p.into_inner());
        if running.get(&self.key).is_some_and(|(id, _)| *id == self.id) {
            running.remove(&self.key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_second_load_of_the_same_list_cancels_the_first() {
        let loads = Loads::default();
        let first = loads.begin("entity-assignments:BU1");
        let other = loads.begin("evaluations:BU1");
        let second = loads.begin("entity-assignments:BU1");
        first.cancelled().await; // resolves: cancelled
        assert!(!second.token.is_cancelled());
        assert!(!other.token.is_cancelled());
        drop(first); // the older guard does not remove the newer load
        assert_eq!(loads.len(), 2);
        assert!(loads.cancel("entity-assignments:BU1"));
        assert!(second.token.is_cancelled());
        assert!(!loads.cancel("entity-assignments:BU1"));
        loads.cancel_all();
        assert!(other.token.is_cancelled());
        assert!(loads.is_empty());
    }
}
