//! The one error type of the core, and the one error shape that crosses IPC.

use serde::Serialize;

use crate::auth::ProviderError;
use crate::error_kind::FailureKind;
use crate::graph::{GraphError, ipc_error};

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
    #[error("sign-in was cancelled: {0}")]
    SignInCancelled(String),
    #[error("no answer from the browser within {0} seconds")]
    SignInTimedOut(u64),
    #[error("a sign-in is already waiting for the browser")]
    SignInInProgress,
    #[error("consent is missing: {0}")]
    ConsentMissing(ProviderError),
    /// The organisation has not approved the sign-in client's permissions (admin consent), so a
    /// person who may not consent is turned away; never a cancellation.
    #[error("the organisation has not approved the sign-in client: {0}")]
    OrgNotApproved(ProviderError),
    #[error("blocked by Conditional Access: {0}")]
    ConditionalAccess(ProviderError),
    #[error("the client ID is unknown in this tenant: {0}")]
    ClientUnknown(ProviderError),
    #[error("the person is not assigned to the application: {0}")]
    UserNotAssigned(ProviderError),
    #[error("multi-factor authentication is required: {0}")]
    MfaRequired(ProviderError),
    #[error("the sign-in has expired: {0}")]
    SessionExpired(String),
    /// The sign-in service wants the person in the browser for these scopes (Conditional
    /// Access, a new MFA); the refresh token itself is still good.
    #[error("the sign-in service asks to sign in again for this task: {0}")]
    InteractionRequired(ProviderError),
    /// The account signed in with another authority, client ID or Graph than the one in use;
    /// its refresh token is not sent anywhere else.
    #[error("the account signed in with another sign-in service or application")]
    AccountElsewhere,
    #[error("the identity provider refused the request: {0}")]
    IdentityProvider(String),
    #[error("the identity provider's answer failed a check: {0}")]
    SignInRejected(String),
    #[error("network: {0}")]
    Network(String),
    #[error("the keychain is not available: {0}")]
    KeychainUnavailable(String),
    #[error("the browser could not be opened: {0}")]
    Browser(String),
    #[error("could not read or write PinDesk's files: {0}")]
    Storage(String),
    #[error("the clipboard could not be used: {0}")]
    Clipboard(String),
    /// A Graph call failed; the Graph error carries its own kind and message.
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// Graph's organisation and the sign-in's `tid` name different tenants: nothing that
    /// embeds the tenant ID may be written.
    #[error("the organisation's ID {organization} differs from the sign-in's tenant {token}")]
    TenantMismatch { organization: String, token: String },
    /// A change got no definite answer and reading back did not show it either; it is never
    /// sent again automatically.
    #[error("the change could not be confirmed: {0}")]
    Unconfirmed(String),
    /// The profile's assignments changed since the window showed them: nothing was sent.
    #[error("the assignments changed since they were shown")]
    AssignmentsChanged,
}

/// What the window receives when a command fails: `kind` is a stable word the UI branches on,
/// `message` is plain language for a non-technical person, `detail` is for support only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    pub kind: FailureKind,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub detail: Option<String>,
    /// How long Microsoft asked to wait before trying again, when it said (throttling).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub retry_after_seconds: Option<u64>,
}

impl From<&CoreError> for IpcError {
    fn from(error: &CoreError) -> Self {
        if let CoreError::Graph(graph) = error {
            return ipc_error(graph);
        }
        let (kind, message) = kind_and_message(error);
        IpcError {
            kind,
            message: message.to_owned(),
            detail: Some(error.to_string()),
            retry_after_seconds: None,
        }
    }
}

fn kind_and_message(error: &CoreError) -> (FailureKind, &'static str) {
    match error {
        CoreError::Config(_) => (
            FailureKind::Config,
            "PinDesk's settings are not valid. Check the settings, or ask your IT team.",
        ),
        CoreError::BadRequest(_) => (
            FailureKind::BadRequest,
            "PinDesk could not understand that request. Try again; nothing was changed.",
        ),
        CoreError::NotSignedIn => (
            FailureKind::NotSignedIn,
            "You are not signed in. Sign in to go on.",
        ),
        CoreError::NotBuiltYet(_) => (
            FailureKind::NotBuiltYet,
            "This part of PinDesk is not available in this version yet.",
        ),
        CoreError::Internal(_) => (
            FailureKind::Internal,
            "Something unexpected went wrong. Try again; if it keeps happening, copy the details \
             for your IT team.",
        ),
        CoreError::SignInCancelled(_) => (
            FailureKind::SignInCancelled,
            "Sign-in was cancelled. Nothing was changed; sign in when ready.",
        ),
        CoreError::SignInTimedOut(_) => (
            FailureKind::SignInTimedOut,
            "PinDesk waited for the browser but the sign-in did not finish in time. Click Sign in \
             to try again.",
        ),
        CoreError::SignInInProgress => (
            FailureKind::SignInInProgress,
            "A sign-in is already open in your browser. Finish it there, or cancel it in PinDesk \
             and start again.",
        ),
        CoreError::ConsentMissing(_) => (
            FailureKind::ConsentMissing,
            "Your organisation has not yet allowed PinDesk to use these permissions. Ask an \
             administrator to grant consent, then sign in again.",
        ),
        CoreError::OrgNotApproved(_) => (
            FailureKind::OrgNotApproved,
            "Your organisation has not approved PinDesk yet. Ask an administrator to run the \
             first step of PinDesk's setup (\"Let your helpdesk sign in to PinDesk\"), then \
             sign in again.",
        ),
        CoreError::ConditionalAccess(_) => (
            FailureKind::ConditionalAccess,
            "Your organisation's access rules blocked this sign-in (for example from this device \
             or location). Ask your IT team, and give them the details below.",
        ),
        CoreError::ClientUnknown(_) => (
            FailureKind::ClientUnknown,
            "Your organisation does not know the application ID PinDesk signs in with. Ask your \
             IT team to check the client ID in PinDesk's settings.",
        ),
        CoreError::UserNotAssigned(_) => (
            FailureKind::UserNotAssigned,
            "Your account is not allowed to use this application. Ask your IT team to assign you \
             to it.",
        ),
        CoreError::MfaRequired(_) => (
            FailureKind::MfaRequired,
            "Your organisation asks for a second sign-in step. Sign in again and complete it in \
             the browser.",
        ),
        CoreError::SessionExpired(_) => (
            FailureKind::SessionExpired,
            "Your sign-in has expired. Sign in again to go on.",
        ),
        CoreError::InteractionRequired(_) => (
            FailureKind::InteractionRequired,
            "Your organisation asks you to sign in again before PinDesk may do this. Sign in \
             again; your other work in PinDesk stays signed in.",
        ),
        CoreError::AccountElsewhere => (
            FailureKind::AccountElsewhere,
            "This account signed in with another sign-in service or application than PinDesk \
             uses now, so PinDesk did not use it. Sign in again, or forget the account.",
        ),
        CoreError::IdentityProvider(_) => (
            FailureKind::IdentityProvider,
            "The sign-in service refused the request. Try again; if it keeps happening, copy the \
             details for your IT team.",
        ),
        CoreError::SignInRejected(_) => (
            FailureKind::SignInRejected,
            "PinDesk did not accept the answer from the sign-in service, so you are not signed \
             in. Try again; if it keeps happening, copy the details for your IT team.",
        ),
        CoreError::Network(_) => (
            FailureKind::Network,
            "PinDesk could not reach the sign-in service or Microsoft Graph. Check the network \
             connection and try again.",
        ),
        CoreError::KeychainUnavailable(_) => (
            FailureKind::KeychainUnavailable,
            "PinDesk could not use this computer's keychain (it may be locked or missing). Unlock \
             it and try again; until then, a sign-in lasts for this session only.",
        ),
        CoreError::Browser(_) => (
            FailureKind::BrowserUnavailable,
            "PinDesk could not open the web browser for sign-in. Check that a default browser is \
             set, then try again.",
        ),
        CoreError::Storage(_) => (
            FailureKind::Storage,
            "PinDesk could not read or write its own files. Check the disk and your permissions, \
             then try again.",
        ),
        CoreError::Clipboard(_) => (
            FailureKind::Clipboard,
            "PinDesk could not copy to the clipboard. Read the passcode from the screen instead.",
        ),
        // Answered by the Graph error itself (see `From<&CoreError>`); kept for completeness.
        CoreError::Graph(_) => (
            FailureKind::ServiceError,
            "Microsoft Graph had a problem answering. Wait a moment and try again.",
        ),
        CoreError::TenantMismatch { .. } => (
            FailureKind::TenantMismatch,
            "Microsoft Graph and your sign-in name different organisations, so PinDesk changed \
             nothing. Sign out, sign in again with an account of the organisation you want to \
             set up, and try again.",
        ),
        CoreError::Unconfirmed(_) => (
            FailureKind::Unconfirmed,
            "PinDesk could not confirm whether Intune made the change, so it did not send it \
             again. Check the setup again in a moment: PinDesk will find the change if it was \
             made, and finish the step otherwise.",
        ),
        CoreError::AssignmentsChanged => (
            FailureKind::AssignmentsChanged,
            "Someone changed who gets this profile since PinDesk showed it, so PinDesk changed \
             nothing. The list now shows who gets it; check it, then choose Assign again.",
        ),
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

    #[test]
    fn provider_errors_map_to_their_own_kind_and_keep_the_aadsts_code_in_the_detail() {
        let provider = ProviderError {
            error: "invalid_grant".to_owned(),
            codes: vec!["AADSTS65001".to_owned()],
            description: Some("AADSTS65001: The user has not consented.".to_owned()),
            trace_id: Some("trace-1".to_owned()),
            correlation_id: Some("corr-1".to_owned()),
        };
        let ipc = IpcError::from(CoreError::ConsentMissing(provider));
        assert_eq!(ipc.kind, "consentMissing");
        let detail = ipc.detail.unwrap();
        assert!(detail.contains("AADSTS65001"), "{detail}");
        assert!(
            detail.contains("trace-1") && detail.contains("corr-1"),
            "{detail}"
        );
    }

    #[test]
    fn every_sign_in_failure_has_a_stable_kind() {
        let cases = [
            (
                CoreError::SignInCancelled("in PinDesk".into()),
                "signInCancelled",
            ),
            (CoreError::SignInTimedOut(300), "signInTimedOut"),
            (CoreError::SignInInProgress, "signInInProgress"),
            (
                CoreError::SessionExpired("refresh refused".into()),
                "sessionExpired",
            ),
            (CoreError::Network("offline".into()), "network"),
            (
                CoreError::KeychainUnavailable("locked".into()),
                "keychainUnavailable",
            ),
            (CoreError::SignInRejected("nonce".into()), "signInRejected"),
        ];
        for (error, kind) in cases {
            assert_eq!(IpcError::from(&error).kind, kind);
        }
    }
}
