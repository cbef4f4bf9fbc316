//! The core's error type for everything outside Graph, resets and passes, and what it tells the
//! window (a stable kind, a line for support).

use crate::Failure;
use crate::auth::ProviderError;
use crate::error_kind::FailureKind;
use crate::graph::GraphError;

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
    /// Sending or following a reset failed; the reset error carries its own kind.
    #[error(transparent)]
    Reset(#[from] crate::reset::ResetError),
    /// Giving a Temporary Access Pass failed; the pass error carries its own kind.
    #[error(transparent)]
    Tap(#[from] crate::reset::TapError),
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
    /// The administrator asks for a ticket number with every reset, and none was given.
    #[error("a ticket number is required")]
    TicketRequired,
}

impl Failure for CoreError {
    fn failure_kind(&self) -> FailureKind {
        match self {
            CoreError::Config(_) => FailureKind::Config,
            CoreError::BadRequest(_) => FailureKind::BadRequest,
            CoreError::NotSignedIn => FailureKind::NotSignedIn,
            CoreError::NotBuiltYet(_) => FailureKind::NotBuiltYet,
            CoreError::Internal(_) => FailureKind::Internal,
            CoreError::SignInCancelled(_) => FailureKind::SignInCancelled,
            CoreError::SignInTimedOut(_) => FailureKind::SignInTimedOut,
            CoreError::SignInInProgress => FailureKind::SignInInProgress,
            CoreError::ConsentMissing(_) => FailureKind::ConsentMissing,
            CoreError::OrgNotApproved(_) => FailureKind::OrgNotApproved,
            CoreError::ConditionalAccess(_) => FailureKind::ConditionalAccess,
            CoreError::ClientUnknown(_) => FailureKind::ClientUnknown,
            CoreError::UserNotAssigned(_) => FailureKind::UserNotAssigned,
            CoreError::MfaRequired(_) => FailureKind::MfaRequired,
            CoreError::SessionExpired(_) => FailureKind::SessionExpired,
            CoreError::InteractionRequired(_) => FailureKind::InteractionRequired,
            CoreError::AccountElsewhere => FailureKind::AccountElsewhere,
            CoreError::IdentityProvider(_) => FailureKind::IdentityProvider,
            CoreError::SignInRejected(_) => FailureKind::SignInRejected,
            CoreError::Network(_) => FailureKind::Network,
            CoreError::KeychainUnavailable(_) => FailureKind::KeychainUnavailable,
            CoreError::Browser(_) => FailureKind::BrowserUnavailable,
            CoreError::Storage(_) => FailureKind::Storage,
            CoreError::Clipboard(_) => FailureKind::Clipboard,
            CoreError::Graph(graph) => graph.failure_kind(),
            CoreError::Reset(reset) => reset.failure_kind(),
            CoreError::Tap(tap) => tap.failure_kind(),
            CoreError::TenantMismatch { .. } => FailureKind::TenantMismatch,
            CoreError::Unconfirmed(_) => FailureKind::Unconfirmed,
            CoreError::AssignmentsChanged => FailureKind::AssignmentsChanged,
            CoreError::TicketRequired => FailureKind::TicketRequired,
        }
    }

    fn graph(&self) -> Option<&GraphError> {
        match self {
            CoreError::Graph(graph) => Some(graph),
            CoreError::Reset(reset) => reset.graph(),
            CoreError::Tap(tap) => tap.graph(),
            _ => None,
        }
    }

    fn support_detail(&self) -> Option<String> {
        match self {
            // A pass's end time, for the window to show in local time.
            CoreError::Tap(tap) => tap.support_detail(),
            other => crate::failure::default_detail(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_graph_failure_inside_keeps_its_kind_detail_and_wait() {
        let graph = GraphError::from(crate::graph::ServiceError {
            status: 429,
            retry_after: Some(std::time::Duration::from_secs(7)),
            request_id: Some("r-7".into()),
            ..crate::graph::ServiceError::default()
        });
        let error = CoreError::Graph(graph);
        assert_eq!(error.failure_kind(), "throttled");
        assert_eq!(error.retry_after_seconds(), Some(7));
        assert!(error.support_detail().unwrap_or_default().contains("r-7"));
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
        let error = CoreError::ConsentMissing(provider);
        assert_eq!(error.failure_kind(), "consentMissing");
        let detail = error.support_detail().unwrap();
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
            assert_eq!(error.failure_kind(), kind);
        }
    }
}
