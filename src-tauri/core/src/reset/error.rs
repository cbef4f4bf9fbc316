//! What can go wrong sending a reset, and how the window is told.

use crate::FailureKind;
use crate::IpcError;
use crate::graph::{GraphError, ipc_error};

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

impl From<&ResetError> for IpcError {
    fn from(error: &ResetError) -> Self {
        match error {
            ResetError::Graph(graph) => ipc_error(graph),
            ResetError::AlreadySending => IpcError::new(FailureKind::ResetAlreadySending, None),
            ResetError::Unconfirmed {
                detail,
                client_request_id,
                admin_center_url,
            } => IpcError::new(
                FailureKind::ResetUnconfirmed,
                Some(format!(
                    "{detail}; client-request-id {client_request_id}; {admin_center_url}"
                )),
            ),
        }
    }
}

impl From<ResetError> for IpcError {
    fn from(error: ResetError) -> Self {
        IpcError::from(&error)
    }
}
