//! What can go wrong sending a reset, and how the window is told.

use crate::graph::GraphError;
use crate::{Failure, FailureKind};

#[derive(Debug, thiserror::Error)]
pub enum ResetError {
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// Another `start_reset` for this device is under way in this process.
    #[error("a reset of this device is already being sent")]
    AlreadySending,
    /// The POST got no definite answer and the action results did not show it either. It is
    /// never sent again automatically.
    #[error("the reset may or may not have been sent: {detail}")]
    Unconfirmed {
        detail: String,
        client_request_id: String,
        admin_center_url: String,
    },
}

impl Failure for ResetError {
    fn failure_kind(&self) -> FailureKind {
        match self {
            ResetError::Graph(graph) => graph.failure_kind(),
            ResetError::AlreadySending => FailureKind::ResetAlreadySending,
            ResetError::Unconfirmed { .. } => FailureKind::ResetUnconfirmed,
        }
    }

    fn support_detail(&self) -> Option<String> {
        match self {
            ResetError::Graph(graph) => graph.support_detail(),
            ResetError::AlreadySending => None,
            ResetError::Unconfirmed {
                detail,
                client_request_id,
                admin_center_url,
            } => Some(format!(
                "{detail}; client-request-id {client_request_id}; {admin_center_url}"
            )),
        }
    }

    fn retry_after_seconds(&self) -> Option<u64> {
        match self {
            ResetError::Graph(graph) => graph.retry_after_seconds(),
            _ => None,
        }
    }
}
