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
    #[error(
        "the reset may or may not have been sent: {detail}; client-request-id \
         {client_request_id}; {admin_center_url}"
    )]
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

    fn graph(&self) -> Option<&GraphError> {
        match self {
            ResetError::Graph(graph) => Some(graph),
            _ => None,
        }
    }
}
