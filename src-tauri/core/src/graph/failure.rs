//! What a Graph failure tells the window: a stable kind, a line for support with status, codes
//! and request ids, and Microsoft's wait when it throttles. No token ever reaches any of them:
//! the error type holds none.

use std::fmt::Write as _;

use super::error::{ErrorKind, GraphError, ServiceError};
use crate::{Failure, FailureKind};

/// How much of the service's message goes into `detail`; Intune's can be very long.
const DETAIL_MESSAGE_CHARS: usize = 300;

impl Failure for GraphError {
    fn failure_kind(&self) -> FailureKind {
        match self {
            GraphError::Token(failure) => failure.kind,
            other => other.kind().into(),
        }
    }

    fn support_detail(&self) -> Option<String> {
        Some(detail(self))
    }

    fn retry_after_seconds(&self) -> Option<u64> {
        let wait = self.service()?.retry_after?;
        (wait.as_secs() > 0 && self.kind() == ErrorKind::Throttled).then_some(wait.as_secs())
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
        GraphError::Token(failure) => failure.detail.clone(),
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
    use crate::graph::TokenFailure;

    #[test]
    fn detail_carries_status_codes_ids_and_date_and_the_wait_travels_as_a_number() {
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
        assert_eq!(error.failure_kind(), "throttled");
        assert_eq!(
            error.retry_after_seconds(),
            Some(12),
            "the window counts it down"
        );
        let detail = error.support_detail().unwrap_or_default();
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
    fn a_token_failure_keeps_the_sign_in_side_kind() {
        let failure = TokenFailure {
            kind: crate::FailureKind::NotSignedIn,
            detail: "nobody is signed in".to_owned(),
        };
        let error = GraphError::Token(failure);
        assert_eq!(error.failure_kind(), crate::FailureKind::NotSignedIn);
        assert_eq!(
            error.support_detail().as_deref(),
            Some("nobody is signed in")
        );
        assert_eq!(error.retry_after_seconds(), None);
    }
}
