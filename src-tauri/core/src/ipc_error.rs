//! The one error shape that crosses IPC: a stable kind the window words, and a line for support.

use serde::Serialize;

use crate::error_kind::FailureKind;

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

impl IpcError {
    pub fn new(kind: FailureKind, detail: Option<String>) -> Self {
        IpcError {
            kind,
            detail,
            retry_after_seconds: None,
        }
    }
}
