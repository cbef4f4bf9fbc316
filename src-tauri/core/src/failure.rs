//! What every error of the core tells the window, whatever its type: a stable kind the window
//! words, a line for support, and how long Microsoft asked to wait. The shell turns any of them
//! into its one IPC error through this trait, and only there.

use crate::FailureKind;
use crate::graph::GraphError;

pub trait Failure: std::error::Error {
    /// The stable word the window finds its sentences by.
    fn failure_kind(&self) -> FailureKind;

    /// The Graph failure this one is, if it is one: its detail and wait are this one's.
    fn graph(&self) -> Option<&GraphError> {
        None
    }

    /// One line for support: codes, statuses and request ids, never a secret.
    fn support_detail(&self) -> Option<String> {
        default_detail(self)
    }

    /// Seconds Microsoft asked to wait before trying again, when it said (throttling).
    fn retry_after_seconds(&self) -> Option<u64> {
        self.graph().and_then(Failure::retry_after_seconds)
    }
}

/// The support line of an error without a detail of its own: its Graph failure's, else its
/// message. Errors that add a detail for some variants use it for the rest.
pub fn default_detail<E: Failure + ?Sized>(error: &E) -> Option<String> {
    match error.graph() {
        Some(graph) => graph.support_detail(),
        None => Some(error.to_string()),
    }
}
