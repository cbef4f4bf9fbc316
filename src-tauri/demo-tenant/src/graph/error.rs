//! Graph's error shape. Handlers return a [`GraphError`]; the envelope middleware renders it with
//! the request ids, so every error carries its `innerError` the same way.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::clock;

#[derive(Debug, Clone)]
pub(crate) struct GraphError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub www_authenticate: Option<String>,
    pub retry_after_secs: Option<u64>,
}

impl GraphError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> GraphError {
        GraphError {
            status,
            code,
            message: message.into(),
            www_authenticate: None,
            retry_after_secs: None,
        }
    }

    pub fn bad_request(message: impl Into<String>) -> GraphError {
        GraphError::new(StatusCode::BAD_REQUEST, "BadRequest", message)
    }

    /// Graph's answer to a valid token without the permission an endpoint needs.
    pub fn insufficient_privileges() -> GraphError {
        GraphError::new(
            StatusCode::FORBIDDEN,
            "Authorization_RequestDenied",
            "Insufficient privileges to complete the operation.",
        )
    }

    /// Intune's way: Graph's `code` outside, Intune's own JSON (an `ErrorCode` and a version 3
    /// message) inside `message`.
    pub fn intune(status: StatusCode, code: &'static str, inner_code: &str) -> GraphError {
        let operation = uuid::Uuid::new_v4();
        let activity = uuid::Uuid::new_v4();
        let version3 = json!({
            "_version": 3,
            "Message": format!(
                "An error has occurred - Operation ID (for customer support): {operation} - \
                 Activity ID: {activity} - Url: https://fef.msua06.manage.microsoft.com/\
                 DeviceFE/StatelessDeviceFEService/deviceManagement/managedDevices?\
                 api-version=5025-09-12 - CustomApiErrorPhrase: "
            ),
            "CustomApiErrorPhrase": "",
            "RetryAfter": null,
            "ErrorSourceService": "",
            "HttpHeaders": "{}",
        });
        let outer = json!({
            "ErrorCode": inner_code,
            "Message": version3.to_string(),
            "Target": null,
            "Details": null,
            "InnerError": null,
            "InstanceAnnotations": [],
        });
        GraphError::new(status, code, outer.to_string())
    }

    /// Intune's 403 for a person whose role may read but not write: the version 3 JSON directly
    /// inside `message`.
    pub fn intune_forbidden() -> GraphError {
        let activity = uuid::Uuid::new_v4();
        let version3 = json!({
            "_version": 3,
            "Message": format!(
                "Forbidden: the signed-in user's Intune role does not allow this operation. \
                 Activity ID: {activity} - Url: https://fef.msua06.manage.microsoft.com/\
                 DeviceConfiguration/StatelessDeviceConfigurationFEService/deviceManagement/\
                 deviceConfigurations?api-version=5025-09-12"
            ),
            "CustomApiErrorPhrase": "",
            "RetryAfter": null,
            "ErrorSourceService": "",
            "HttpHeaders": "{}",
        });
        GraphError::new(StatusCode::FORBIDDEN, "Forbidden", version3.to_string())
    }

    /// What Intune answers a signed-in person who holds no Intune role.
    pub fn no_intune_role() -> GraphError {
        GraphError::intune(StatusCode::UNAUTHORIZED, "UnknownError", "Forbidden")
    }

    pub fn body(&self, request_id: &str, client_request_id: &str) -> Value {
        json!({
            "error": {
                "code": self.code,
                "message": self.message,
                "innerError": {
                    "date": clock::graph_error_date(clock::now()),
                    "request-id": request_id,
                    "client-request-id": client_request_id,
                }
            }
        })
    }
}

impl IntoResponse for GraphError {
    fn into_response(self) -> Response {
        let mut response = self.status.into_response();
        response.extensions_mut().insert(self);
        response
    }
}
