//! What can go wrong talking to Graph, as one type. Nothing in it is ever a token or a passcode:
//! it holds what the service said (status, codes, message, request ids) and what the transport
//! saw.

use std::fmt;
use std::time::Duration;

use crate::FailureKind;

mod classify;

/// Why the token source gave no token: the sign-in side's kind, and its line for support.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenFailure {
    pub kind: FailureKind,
    pub detail: String,
}

/// Everything the service told us about a failed request, kept for branching and for support.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServiceError {
    pub status: u16,
    /// `error.code`: the thing to branch on, never the message.
    pub code: Option<String>,
    /// The human message, with Intune's JSON wrapping taken off.
    pub message: String,
    /// The code inside Intune's wrapping (`ErrorCode`) or `innerError.code`.
    pub inner_code: Option<String>,
    pub request_id: Option<String>,
    pub client_request_id: Option<String>,
    /// `innerError.date`, or the `Date` header.
    pub date: Option<String>,
    /// From `Retry-After`, in seconds or as a date.
    pub retry_after: Option<Duration>,
    /// The `claims` of a Conditional Access challenge (`insufficient_claims`), to be passed to
    /// the next sign-in. Not a secret, but long: kept out of `Display`.
    pub claims: Option<String>,
    /// The `error` of `WWW-Authenticate`, e.g. `invalid_token` or `insufficient_claims`.
    pub auth_error: Option<String>,
}

impl ServiceError {
    pub fn kind(&self) -> ErrorKind {
        classify::classify(self)
    }

    /// The `claims` Conditional Access asked for, when this is a claims challenge.
    pub fn claims_challenge(&self) -> Option<&str> {
        (self.kind() == ErrorKind::ClaimsChallenge)
            .then_some(self.claims.as_deref())
            .flatten()
    }

    pub fn code_is(&self, code: &str) -> bool {
        self.code
            .as_deref()
            .is_some_and(|c| c.eq_ignore_ascii_case(code))
    }
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Graph answered {}", self.status)?;
        if let Some(code) = &self.code {
            write!(f, " {code}")?;
        }
        if let Some(inner) = &self.inner_code {
            write!(f, " ({inner})")?;
        }
        if !self.message.is_empty() {
            write!(f, ": {}", self.message)?;
        }
        Ok(())
    }
}

/// The stable words the window branches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    Throttled,
    Network,
    RoleMissing,
    ScopeMissing,
    ConsentMissing,
    NotFound,
    NotLicensed,
    ClaimsChallenge,
    SessionExpired,
    ServiceError,
    BadRequest,
    Cancelled,
    /// An interactive wait ran past its budget (retries and `Retry-After` included).
    TookTooLong,
}

impl From<ErrorKind> for crate::FailureKind {
    fn from(kind: ErrorKind) -> Self {
        use crate::FailureKind as Window;
        match kind {
            ErrorKind::Throttled => Window::Throttled,
            ErrorKind::Network => Window::Network,
            ErrorKind::RoleMissing => Window::RoleMissing,
            ErrorKind::ScopeMissing => Window::ScopeMissing,
            ErrorKind::ConsentMissing => Window::ConsentMissing,
            ErrorKind::NotFound => Window::NotFound,
            ErrorKind::NotLicensed => Window::NotLicensed,
            ErrorKind::ClaimsChallenge => Window::ClaimsChallenge,
            ErrorKind::SessionExpired => Window::SessionExpired,
            ErrorKind::ServiceError => Window::ServiceError,
            ErrorKind::BadRequest => Window::BadRequest,
            ErrorKind::Cancelled => Window::Cancelled,
            ErrorKind::TookTooLong => Window::TookTooLong,
        }
    }
}

/// The same word the window gets for the kind.
impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(crate::FailureKind::from(*self).as_str())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    /// The service answered with an error status (after any retries).
    #[error("{0}")]
    Service(Box<ServiceError>),
    /// No answer: the connection failed, broke or timed out. `sent` is false when the request
    /// never left this computer (the connection could not be made).
    #[error("network: {detail}")]
    Network {
        detail: String,
        sent: bool,
        client_request_id: Option<String>,
    },
    /// The answer arrived but was not what Graph promises (not JSON, wrong shape).
    #[error("unexpected answer from Graph: {detail}")]
    Decode {
        detail: String,
        status: u16,
        request_id: Option<String>,
        client_request_id: Option<String>,
    },
    /// The token source could not give a token.
    #[error("no access token ({}): {}", .0.kind, .0.detail)]
    Token(TokenFailure),
    /// Refused before sending: an unsafe URL, a link to another host, a bad path.
    #[error("request refused before sending: {0}")]
    Refused(String),
    #[error("cancelled")]
    Cancelled,
    /// The whole wait, retries and `Retry-After` included, ran past what a person at the window
    /// is asked to wait; nothing more is sent for it.
    #[error("no answer within {} seconds", .0.as_secs())]
    TookTooLong(std::time::Duration),
}

impl GraphError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            GraphError::Service(e) => e.kind(),
            GraphError::Network { .. } => ErrorKind::Network,
            GraphError::Decode { .. } => ErrorKind::ServiceError,
            // The sign-in side's own kind reaches the window as it is; here only what Graph
            // callers branch on matters: offline, or a sign-in to redo.
            GraphError::Token(failure) if failure.kind == FailureKind::Network => {
                ErrorKind::Network
            }
            GraphError::Token(_) => ErrorKind::SessionExpired,
            GraphError::Refused(_) => ErrorKind::BadRequest,
            GraphError::Cancelled => ErrorKind::Cancelled,
            GraphError::TookTooLong(_) => ErrorKind::TookTooLong,
        }
    }

    /// The service's answer, when there was one.
    pub fn service(&self) -> Option<&ServiceError> {
        match self {
            GraphError::Service(e) => Some(e),
            _ => None,
        }
    }

    pub fn status(&self) -> Option<u16> {
        match self {
            GraphError::Service(e) => Some(e.status),
            GraphError::Decode { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// A 404 (`Request_ResourceNotFound`, `ResourceNotFound`, ...): callers that look things up
    /// turn this into "absent" rather than a failure.
    pub fn is_not_found(&self) -> bool {
        self.kind() == ErrorKind::NotFound
    }

    /// The `claims` to request at the next sign-in, when Conditional Access asked for more.
    pub fn claims_challenge(&self) -> Option<&str> {
        self.service()?.claims_challenge()
    }

    pub fn client_request_id(&self) -> Option<&str> {
        match self {
            GraphError::Service(e) => e.client_request_id.as_deref(),
            GraphError::Network {
                client_request_id, ..
            }
            | GraphError::Decode {
                client_request_id, ..
            } => client_request_id.as_deref(),
            _ => None,
        }
    }
}

impl From<ServiceError> for GraphError {
    fn from(error: ServiceError) -> Self {
        GraphError::Service(Box::new(error))
    }
}
