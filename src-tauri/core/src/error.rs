//! The one error type of the core, and the one error shape that crosses IPC.

use serde::Serialize;

/// Everything that can go wrong in the core. Variants carry no secret: tokens and passcodes are
/// never part of an error.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("the configuration is not valid: {0}")]
    Config(String),
    #[error("the request from the window was not valid: {0}")]
    BadRequest(String),
    #[error("nobody is signed in")]
    NotSignedIn,
    #[error("this part of PinDesk is not built yet: {0}")]
    NotBuiltYet(&'static str),
    #[error("{0}")]
    Internal(String),
}

/// What the window receives when a command fails: `kind` is a stable word the UI branches on,
/// `message` is plain language for a non-technical person, `detail` is for support only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    pub kind: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl From<&CoreError> for IpcError {
    fn from(error: &CoreError) -> Self {
        let (kind, message) = match error {
            CoreError::Config(_) => (
                "config",
                "PinDesk's settings are not valid. Check the settings, or ask your IT team.",
            ),
            CoreError::BadRequest(_) => (
                "badRequest",
                "PinDesk could not understand that request. Try again; nothing was changed.",
            ),
            CoreError::NotSignedIn => ("notSignedIn", "You are not signed in. Sign in to go on."),
            CoreError::NotBuiltYet(_) => {
                ("notBuiltYet", "This part of PinDesk is not available in this version yet.")
            }
            CoreError::Internal(_) => (
                "internal",
                "Something unexpected went wrong. Try again; if it keeps happening, copy the \
                 details for your IT team.",
            ),
        };
        IpcError { kind, message: message.to_owned(), detail: Some(error.to_string()) }
    }
}

impl From<CoreError> for IpcError {
    fn from(error: CoreError) -> Self {
        IpcError::from(&error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipc_error_serializes_kind_message_and_detail_in_camel_case() {
        let json = serde_json::to_value(IpcError::from(CoreError::NotSignedIn)).unwrap();
        assert_eq!(json["kind"], "notSignedIn");
        assert!(json["message"].as_str().unwrap().contains("Sign in"));
        assert_eq!(json["detail"], "nobody is signed in");
    }
}
