//! One write at a time per target in this process: a double click, or a second window of the same
//! app, meets the guard while the first is being sent. Keyed by Graph root too, so two tenants
//! never block each other.

use std::collections::BTreeSet;
use std::sync::Mutex;

use crate::graph::GraphClient;

/// The targets of one kind of write (resets, passes) being sent now.
#[derive(Debug)]
pub(crate) struct InFlightSet(Mutex<BTreeSet<String>>);

impl InFlightSet {
    pub(crate) const fn new() -> InFlightSet {
        InFlightSet(Mutex::new(BTreeSet::new()))
    }

    /// Holds `target` until the guard is dropped (also on error or cancellation); `None` while
    /// another call holds it.
    pub(crate) fn claim(&'static self, client: &GraphClient, target: &str) -> Option<InFlight> {
        let key = format!("{}|{target}", client.root());
        let mut set = self.0.lock().unwrap_or_else(|p| p.into_inner());
        // Not `then_some`: it would build (and drop) a guard even when the claim fails, and that
        // drop would take this same lock again.
        if set.insert(key.clone()) {
            Some(InFlight { set: self, key })
        } else {
            None
        }
    }
}

/// A target held in its set; dropping it releases the target.
#[derive(Debug)]
pub(crate) struct InFlight {
    set: &'static InFlightSet,
    key: String,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        let mut set = self.set.0.lock().unwrap_or_else(|p| p.into_inner());
        set.remove(&self.key);
    }
}
