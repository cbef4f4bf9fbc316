//! What every error of the core tells the window, whatever its type: a stable kind the window
//! words, a line for support, and how long Microsoft asked to wait. The shell turns any of them
//! into its one IPC error through this trait, and only there.

use crate::FailureKind;

pub trait Failure: std::error::Error {
    /// The stable word the window finds its sentences by.
    fn failure_kind(&self) -> FailureKind;

    /// One line for support: codes, statuses and request ids, never a secret.
    fn support_detail(&self) -> Option<String> {
        Some(self.to_string())
    }

    /// Seconds Microsoft asked to wait before trying again, when it said (throttling).
    fn retry_after_seconds(&self) -> Option<u64> {
        None
    }
}
