//! Entra ID's error answers: the OAuth `error` word plus an `AADSTS` code and text.

use axum::Json;
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, PRAGMA};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::clock;
use crate::seed::TENANT_NAME;

#[derive(Debug, Clone)]
pub(crate) struct AadError {
    pub status: StatusCode,
    /// The OAuth error word clients branch on (`invalid_grant`, `access_denied`, ...).
    pub error: &'static str,
    pub code: u32,
    pub message: String,
    /// Entra's `suberror` (such as `consent_required` on a refused refresh), when it sends one.
    pub suberror: Option<&'static str>,
}

impl AadError {
    pub fn new(error: &'static str, code: u32, message: impl Into<String>) -> AadError {
        AadError {
            status: StatusCode::BAD_REQUEST,
            error,
            code,
            message: message.into(),
            suberror: None,
        }
    }

    pub fn with_suberror(mut self, suberror: &'static str) -> AadError {
        self.suberror = Some(suberror);
        self
    }

    pub fn with_status(mut self, status: StatusCode) -> AadError {
        self.status = status;
        self
    }

    pub fn missing(parameter: &str) -> AadError {
        AadError::new(
            "invalid_request",
            900_144,
            format!("The request body must contain the following parameter: '{parameter}'."),
        )
    }

    pub fn invalid_parameter(parameter: &str, why: &str) -> AadError {
        AadError::new(
            "invalid_request",
            90_100,
            format!("{parameter} parameter is empty or not valid. {why}"),
        )
    }

    pub fn unknown_client(client_id: &str) -> AadError {
        AadError::new(
            "unauthorized_client",
            700_016,
            format!(
                "Application with identifier '{client_id}' was not found in the directory \
                 '{TENANT_NAME}'. This can happen if the application has not been installed by \
                 the administrator of the tenant or consented to by any user in the tenant. You \
                 may have sent your authentication request to the wrong tenant."
            ),
        )
    }

    pub fn unknown_tenant(tenant: &str) -> AadError {
        AadError::new(
            "invalid_tenant",
            90_002,
            format!(
                "Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID \
                 and are signing into the correct cloud."
            ),
        )
    }

    /// `AADSTS12345: message` followed by the ids Entra appends for support.
    pub fn description(&self, trace_id: &str, correlation_id: &str, timestamp: &str) -> String {
        format!(
            "AADSTS{}: {}\r\nTrace ID: {trace_id}\r\nCorrelation ID: {correlation_id}\r\n\
             Timestamp: {timestamp}",
            self.code, self.message
        )
    }

    /// The short form for redirects and pages, with fresh support ids.
    pub fn short_description(&self) -> String {
        let trace = uuid::Uuid::new_v4().to_string();
        let correlation = uuid::Uuid::new_v4().to_string();
        self.description(&trace, &correlation, &clock::entra_timestamp(clock::now()))
    }

    pub fn to_json(&self, correlation_id: Option<&str>) -> Value {
        let trace_id = uuid::Uuid::new_v4().to_string();
        let correlation_id =
            correlation_id.map_or_else(|| uuid::Uuid::new_v4().to_string(), str::to_owned);
        let timestamp = clock::entra_timestamp(clock::now());
        let mut body = json!({
            "error": self.error,
            "error_description": self.description(&trace_id, &correlation_id, &timestamp),
            "error_codes": [self.code],
            "timestamp": timestamp,
            "trace_id": trace_id,
            "correlation_id": correlation_id,
        });
        if let Some(suberror) = self.suberror {
            body["suberror"] = json!(suberror);
        }
        body
    }

    /// The JSON answer of the token endpoint; `correlation_id` echoes the client's request id.
    pub fn respond(&self, correlation_id: Option<&str>) -> Response {
        let headers = [(CACHE_CONTROL, "no-store, no-cache"), (PRAGMA, "no-cache")];
        (self.status, headers, Json(self.to_json(correlation_id))).into_response()
    }
}

impl IntoResponse for AadError {
    fn into_response(self) -> Response {
        self.respond(None)
    }
}
