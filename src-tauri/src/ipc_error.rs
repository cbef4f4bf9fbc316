//! The one error shape that crosses IPC: a stable kind the window words, a line for support, and
//! Microsoft's wait. Every error of the core becomes one here, the same way, by its `Failure`.

use pindesk_core::{Failure, FailureKind};
use serde::Serialize;

/// What the window receives when a command fails: `kind` is a stable word the window words in
/// the person's language (what happened, what to do next); `detail` is for support only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    pub kind: FailureKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub detail: Option<String>,
    /// How long Microsoft asked to wait before trying again, when it said (throttling).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub retry_after_seconds: Option<u64>,
}

/// `?` in a command turns any of the core's errors into the window's. `IpcError` itself is not a
/// `Failure`, so this never meets the identity conversion.
impl<E: Failure> From<E> for IpcError {
    fn from(error: E) -> Self {
        IpcError {
            kind: error.failure_kind(),
            detail: error.support_detail(),
            retry_after_seconds: error.retry_after_seconds(),
        }
    }
}

#[cfg(test)]
mod tests {
    use pindesk_core::CoreError;

    use super::*;

    #[test]
    fn serializes_kind_and_detail_in_camel_case_and_no_sentence() {
        let json = serde_json::to_value(IpcError::from(CoreError::NotSignedIn)).unwrap();
        assert_eq!(json["kind"], "notSignedIn");
        assert_eq!(json["detail"], "nobody is signed in");
        assert_eq!(json.as_object().unwrap().len(), 2, "{json}");
    }

    #[test]
    fn carries_microsofts_wait_as_a_number_the_window_counts_down() {
        let throttled = pindesk_core::graph::ServiceError {
            status: 429,
            retry_after: Some(std::time::Duration::from_secs(12)),
            ..Default::default()
        };
        let ipc = IpcError::from(CoreError::Graph(throttled.into()));
        let json = serde_json::to_value(&ipc).unwrap();
        assert_eq!(
            (json["kind"].as_str(), json["retryAfterSeconds"].as_u64()),
            (Some("throttled"), Some(12))
        );
    }
}
