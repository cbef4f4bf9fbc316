//! The window's view of a Graph failure: a stable `kind`, a plain message that says what happened
//! and what to do next, and a `detail` line for support with status, codes and request ids. No
//! token ever reaches any of them: the error type holds none.

use std::fmt::Write as _;

use super::error::{ErrorKind, GraphError, ServiceError};
use crate::error::IpcError;

/// How much of the service's message goes into `detail`; Intune's can be very long.
const DETAIL_MESSAGE_CHARS: usize = 300;

pub fn ipc_error(error: &GraphError) -> IpcError {
    if let GraphError::Token(ipc) = error {
        return ipc.clone();
    }
    let kind = error.kind();
    let mut message = message_for(kind).to_owned();
    let wait = error
        .service()
        .and_then(|e| e.retry_after)
        .filter(|w| w.as_secs() > 0 && kind == ErrorKind::Throttled);
    if let Some(wait) = wait {
        let _ = write!(
            message,
            " Microsoft asked to wait {} seconds.",
            wait.as_secs()
        );
    }
    IpcError {
        kind: kind.into(),
        message,
        detail: Some(detail(error)),
        retry_after_seconds: wait.map(|w| w.as_secs()),
    }
}

impl From<&GraphError> for IpcError {
    fn from(error: &GraphError) -> Self {
        ipc_error(error)
    }
}

impl From<GraphError> for IpcError {
    fn from(error: GraphError) -> Self {
        ipc_error(&error)
    }
}

fn message_for(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Throttled => {
            "Microsoft is getting too many requests from your organisation right now. Wait a \
             minute, then try again."
        }
        ErrorKind::Network => {
            "PinDesk could not reach Microsoft Graph. Check the network connection (and the proxy, \
             if your organisation uses one), then try again."
        }
        ErrorKind::RoleMissing => {
            "Your account does not have the Intune role this needs. Ask an Intune administrator \
             to give you the right role (Help Desk Operator to reset passcodes, Policy and \
             Profile Manager to set up the policy), then sign in again."
        }
        ErrorKind::ScopeMissing => {
            "PinDesk was not given the permission this needs. Sign in again; if it still fails, \
             ask an administrator to grant PinDesk that permission for your organisation."
        }
        ErrorKind::ConsentMissing => {
            "Your organisation has not yet allowed this. Ask an administrator to grant consent, \
             then try again."
        }
        ErrorKind::NotFound => {
            "Microsoft Graph could not find it; it may have been deleted or renamed. Refresh the \
             list and try again."
        }
        ErrorKind::NotLicensed => {
            "Your organisation does not have Intune set up (a licence or the device management \
             authority is missing). Ask your IT administrator to set up Intune first."
        }
        ErrorKind::ClaimsChallenge => {
            "Your organisation's access rules ask you to sign in again (for example with another \
             verification step). Sign in again to go on."
        }
        ErrorKind::SessionExpired => "Your sign-in has expired. Sign in again to go on.",
        ErrorKind::ServiceError => {
            "Microsoft Graph had a problem answering. Wait a moment and try again; if it keeps \
             happening, copy the details for your IT team."
        }
        ErrorKind::BadRequest => {
            "Microsoft Graph did not accept the request. Nothing was changed. Check what you \
             entered and try again; if it keeps happening, copy the details for your IT team."
        }
        ErrorKind::Cancelled => "Stopped. Nothing more was asked of Microsoft Graph.",
        ErrorKind::TookTooLong => {
            "Microsoft Graph did not answer within a minute (it may be busy or limiting \
             requests), so PinDesk stopped asking. Try again in a few minutes."
        }
    }
}

/// One line for support. Built field by field from known parts, never from a request's headers.
fn detail(error: &GraphError) -> String {
    match error {
        GraphError::Service(e) => service_detail(e),
        GraphError::Network {
            detail,
            sent,
            client_request_id,
        } => {
            let mut out = format!(
                "network error ({}): {detail}",
                if *sent { "sent" } else { "not sent" }
            );
            push(&mut out, "client-request-id", client_request_id.as_deref());
            out
        }
        GraphError::Decode {
            detail,
            status,
            request_id,
            client_request_id,
        } => {
            let mut out = format!("HTTP {status}; unexpected answer: {detail}");
            push(&mut out, "request-id", request_id.as_deref());
            push(&mut out, "client-request-id", client_request_id.as_deref());
            out
        }
        GraphError::Token(ipc) => ipc.detail.clone().unwrap_or_default(),
        GraphError::Refused(reason) => format!("refused before sending: {reason}"),
        GraphError::Cancelled => "cancelled".to_owned(),
        GraphError::TookTooLong(budget) => {
            format!("gave up after {} s, retries included", budget.as_secs_f32())
        }
    }
}

fn service_detail(e: &ServiceError) -> String {
    let mut out = format!("HTTP {}", e.status);
    push(&mut out, "code", e.code.as_deref());
    push(&mut out, "inner code", e.inner_code.as_deref());
    push(&mut out, "request-id", e.request_id.as_deref());
    push(
        &mut out,
        "client-request-id",
        e.client_request_id.as_deref(),
    );
    push(&mut out, "date", e.date.as_deref());
    if let Some(wait) = e.retry_after {
        let _ = write!(out, "; retry-after: {}s", wait.as_secs());
    }
    if !e.message.is_empty() {
        let short: String = e.message.chars().take(DETAIL_MESSAGE_CHARS).collect();
        let ellipsis = if short.len() < e.message.len() {
            "…"
        } else {
            ""
        };
        let _ = write!(out, "; message: {short}{ellipsis}");
    }
    out
}

fn push(out: &mut String, name: &str, value: Option<&str>) {
    if let Some(value) = value.filter(|v| !v.is_empty()) {
        let _ = write!(out, "; {name}: {value}");
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn detail_carries_status_codes_ids_and_date_and_the_message_is_plain() {
        let error = GraphError::from(ServiceError {
            status: 429,
            code: Some("TooManyRequests".into()),
            message: "Too many requests".into(),
            request_id: Some("r-9".into()),
            client_request_id: Some("c-9".into()),
            date: Some("2026-11-25T09:14:03".into()),
            retry_after: Some(Duration::from_secs(12)),
            ..ServiceError::default()
        });
        let ipc = ipc_error(&error);
        assert_eq!(ipc.kind, "throttled");
        assert!(ipc.message.contains("12 seconds"), "{}", ipc.message);
        assert_eq!(
            ipc.retry_after_seconds,
            Some(12),
            "the window counts it down"
        );
        assert_eq!(serde_json::to_value(&ipc).unwrap()["retryAfterSeconds"], 12);
        let detail = ipc.detail.unwrap_or_default();
        for part in [
            "HTTP 429",
            "TooManyRequests",
            "r-9",
            "c-9",
            "2026-11-25T09:14:03",
        ] {
            assert!(detail.contains(part), "{part} missing in {detail}");
        }
    }

    #[test]
    fn every_kind_has_a_message_that_says_what_to_do() {
        let kinds = [
            ErrorKind::Throttled,
            ErrorKind::Network,
            ErrorKind::RoleMissing,
            ErrorKind::ScopeMissing,
            ErrorKind::ConsentMissing,
            ErrorKind::NotFound,
            ErrorKind::NotLicensed,
            ErrorKind::ClaimsChallenge,
            ErrorKind::SessionExpired,
            ErrorKind::ServiceError,
            ErrorKind::BadRequest,
        ];
        for kind in kinds {
            let message = message_for(kind);
            assert!(
                message.len() > 30 && message.ends_with('.'),
                "{kind}: {message}"
            );
        }
    }

    #[test]
    fn a_token_failure_keeps_the_sign_in_side_kind() {
        let ipc = IpcError {
            kind: crate::FailureKind::NotSignedIn,
            message: "Sign in.".into(),
            detail: None,
            retry_after_seconds: None,
        };
        assert_eq!(ipc_error(&GraphError::Token(ipc.clone())), ipc);
    }
}
