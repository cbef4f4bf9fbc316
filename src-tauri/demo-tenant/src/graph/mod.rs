//! The Microsoft Graph half. Every request passes one envelope: request ids, injected faults,
//! bearer token check, and Graph's error shape. Endpoints live in their own modules and are
//! listed in [`endpoints`].

mod auth_methods;
mod batch;
mod config_status;
mod config_types;
mod configurations;
mod devices;
mod dropped;
mod error;
mod filter;
mod groups;
mod me;
mod odata;
mod organization;
mod permission_grants;
mod reset;
mod reset_outcome;
mod service_principals;
mod tap;
mod throttle;
mod users;

use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::{Next, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json, Router};
use rand::Rng;

pub(crate) use dropped::Dropped;
pub(crate) use error::GraphError;
pub(crate) use reset::Underway as ResetUnderway;
pub(crate) use throttle::Throttle;

use crate::oidc::scopes::Scopes;
use crate::seed::{Person, Role};
use crate::state::{Shared, TenantState, lock};

/// Graph's own application id, which it names in `WWW-Authenticate`.
const GRAPH_APP_ID: &str = "00000003-0000-0000-c000-000000000000";
const ODATA_JSON: &str = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;\
     charset=utf-8";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ApiVersion {
    V1,
    Beta,
}

impl ApiVersion {
    pub fn path(self) -> &'static str {
        match self {
            ApiVersion::V1 => "v1.0",
            ApiVersion::Beta => "beta",
        }
    }
}

/// The person and permissions behind the bearer token of the current request.
#[derive(Debug, Clone)]
pub(crate) struct Caller {
    pub person: &'static Person,
    pub scopes: Scopes,
}

impl Caller {
    /// Passes if the token carries any one of `scopes` (Graph accepts the least one or any
    /// broader one).
    pub fn require_any(&self, scopes: &[&str]) -> Result<(), GraphError> {
        if scopes.iter().any(|s| self.scopes.has(s)) {
            Ok(())
        } else {
            Err(GraphError::insufficient_privileges())
        }
    }

    /// Passes if the person holds any one of `roles`; Intune answers everyone else with its
    /// wrapped 401.
    pub fn require_role(&self, roles: &[Role]) -> Result<(), GraphError> {
        if self.person.roles.iter().any(|r| roles.contains(r)) {
            Ok(())
        } else {
            Err(GraphError::no_intune_role())
        }
    }
}

/// Intune roles that may read managed devices (and reset their passcodes).
pub(crate) const DEVICE_ROLES: [Role; 2] =
    [Role::IntuneAdministrator, Role::IntuneHelpDeskOperator];

pub(crate) fn router(state: TenantState) -> Router<TenantState> {
    Router::new()
        .nest("/v1.0", endpoints().layer(Extension(ApiVersion::V1)))
        .nest("/beta", endpoints().layer(Extension(ApiVersion::Beta)))
        .layer(from_fn_with_state(state, envelope))
}

/// Add new Graph endpoints here, one module each.
fn endpoints() -> Router<TenantState> {
    Router::new()
        .merge(me::routes())
        .merge(batch::routes())
        .merge(devices::routes())
        .merge(reset::routes())
        .merge(groups::routes())
        .merge(users::routes())
        .merge(configurations::routes())
        .merge(permission_grants::routes())
        .merge(service_principals::routes())
        .merge(organization::routes())
        .merge(auth_methods::routes())
        .fallback(unknown_segment)
        .method_not_allowed_fallback(method_not_allowed)
}

async fn unknown_segment(request: Request) -> GraphError {
    let segment = request
        .uri()
        .path()
        .rsplit('/')
        .find(|s| !s.is_empty())
        .unwrap_or_default();
    GraphError::bad_request(format!("Resource not found for the segment '{segment}'."))
}

async fn method_not_allowed() -> GraphError {
    GraphError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "Request_BadRequest",
        "Specified HTTP method is not allowed for the request target.",
    )
}

async fn envelope(State(state): State<TenantState>, mut request: Request, next: Next) -> Response {
    let request_id = uuid::Uuid::new_v4().to_string();
    let client_request_id = request
        .headers()
        .get("client-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 128)
        .map_or_else(|| request_id.clone(), str::to_owned);
    // Devices report at their own pace whether anyone asks or not; bringing them up to date
    // before each request shows every reader the same.
    reset::catch_up(&state);
    if request.extensions().get::<batch::InBatch>().is_none() && dropped::roll(&state) {
        return dropped::response();
    }
    let response = if let Some(fault) = injected_fault(&state, request.method()) {
        fault.into_response()
    } else {
        match authenticate(&state, &request) {
            Ok(caller) => match throttled(&state, &request) {
                Err(error) => error.into_response(),
                Ok(()) => {
                    request.extensions_mut().insert(caller);
                    next.run(request).await
                }
            },
            Err(error) => error.into_response(),
        }
    };
    finish(response, &request_id, &client_request_id)
}

/// Intune's per-tenant limits, unless the options turned them off.
fn throttled(state: &Shared, request: &Request) -> Result<(), GraphError> {
    if !state.options.throttle {
        return Ok(());
    }
    lock(&state.throttle).admit(
        request.method(),
        request.uri().path(),
        std::time::Instant::now(),
    )
}

fn finish(mut response: Response, request_id: &str, client_request_id: &str) -> Response {
    if let Some(error) = response.extensions_mut().remove::<GraphError>() {
        let mut rendered = (
            error.status,
            Json(error.body(request_id, client_request_id)),
        )
            .into_response();
        let headers = rendered.headers_mut();
        if let Some(value) = error
            .www_authenticate
            .and_then(|v| HeaderValue::from_str(&v).ok())
        {
            headers.insert(WWW_AUTHENTICATE, value);
        }
        if let Some(secs) = error.retry_after_secs {
            headers.insert(RETRY_AFTER, HeaderValue::from(secs));
        }
        response = rendered;
    } else if response.status().is_success()
        && response
            .headers()
            .get(CONTENT_TYPE)
            .is_some_and(|v| v == "application/json")
    {
        response
            .headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static(ODATA_JSON));
    }
    let headers = response.headers_mut();
    for (name, value) in [
        ("request-id", request_id),
        ("client-request-id", client_request_id),
    ] {
        if let Ok(value) = HeaderValue::from_str(value) {
            headers.insert(name, value);
        }
    }
    response
}

/// Rolls the seeded dice: with probability `fault_rate` the request fails the way Microsoft's
/// Graph fault simulator fails it for its method, mostly throttling.
fn injected_fault(state: &Shared, method: &Method) -> Option<GraphError> {
    let rate = state.options.fault_rate;
    if rate <= 0.0 {
        return None;
    }
    let mut rng = lock(&state.faults);
    if rng.r#gen::<f64>() >= rate {
        return None;
    }
    let others = fault_statuses(method);
    let status = if rng.gen_range(0..10) < 6 {
        StatusCode::TOO_MANY_REQUESTS
    } else {
        others[rng.gen_range(0..others.len())]
    };
    Some(fault(status))
}

/// The failures other than 429 that the Graph fault simulator injects for `method`.
fn fault_statuses(method: &Method) -> &'static [StatusCode] {
    const COMMON: [StatusCode; 4] = [
        StatusCode::INTERNAL_SERVER_ERROR,
        StatusCode::BAD_GATEWAY,
        StatusCode::SERVICE_UNAVAILABLE,
        StatusCode::GATEWAY_TIMEOUT,
    ];
    const WITH_STORAGE: [StatusCode; 5] = [
        StatusCode::INTERNAL_SERVER_ERROR,
        StatusCode::BAD_GATEWAY,
        StatusCode::SERVICE_UNAVAILABLE,
        StatusCode::GATEWAY_TIMEOUT,
        StatusCode::INSUFFICIENT_STORAGE,
    ];
    if [Method::POST, Method::PUT, Method::DELETE].contains(method) {
        &WITH_STORAGE
    } else {
        &COMMON
    }
}

/// Graph's error for an injected `status`; 429 carries `Retry-After`.
fn fault(status: StatusCode) -> GraphError {
    let (code, message) = match status {
        StatusCode::TOO_MANY_REQUESTS => (
            "TooManyRequests",
            "Too many requests. Please retry after the time given in the Retry-After header.",
        ),
        StatusCode::BAD_GATEWAY => ("BadGateway", "The gateway could not reach the service."),
        StatusCode::SERVICE_UNAVAILABLE => (
            "ServiceUnavailable",
            "The service is temporarily unavailable. Please retry later.",
        ),
        StatusCode::GATEWAY_TIMEOUT => (
            "GatewayTimeout",
            "The request timed out before the service answered.",
        ),
        StatusCode::INSUFFICIENT_STORAGE => (
            "InsufficientStorage",
            "The service does not have enough storage to complete the request.",
        ),
        _ => ("InternalServerError", "An internal server error occurred."),
    };
    let mut fault = GraphError::new(status, code, message);
    if status == StatusCode::TOO_MANY_REQUESTS {
        fault.retry_after_secs = Some(1);
    }
    fault
}

fn authenticate(state: &Shared, request: &Request) -> Result<Caller, GraphError> {
    let challenge = |error: Option<&str>| {
        let mut value = format!(
            "Bearer realm=\"\", authorization_uri=\"{}/common/oauth2/v2.0/authorize\", \
             client_id=\"{GRAPH_APP_ID}\"",
            state.origin
        );
        if let Some(error) = error {
            value.push_str(&format!(
                ", error=\"invalid_token\", error_description=\"{error}\""
            ));
        }
        value
    };
    let unauthorized = |message: &str, error: Option<&str>| {
        let mut e = GraphError::new(
            StatusCode::UNAUTHORIZED,
            "InvalidAuthenticationToken",
            message,
        );
        e.www_authenticate = Some(challenge(error));
        e
    };
    let token = request
        .headers()
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim())
        .filter(|token| !token.is_empty())
        .ok_or_else(|| unauthorized("Access token is empty.", None))?;
    let grant = lock(&state.auth)
        .access_tokens
        .get(token)
        .cloned()
        .ok_or_else(|| {
            unauthorized(
                "Access token validation failure.",
                Some("The token is not valid"),
            )
        })?;
    if state.clock.instant() >= grant.expires_at {
        return Err(unauthorized(
            "Lifetime validation failed, the token is expired.",
            Some("The token is expired"),
        ));
    }
    Ok(Caller {
        person: grant.person,
        scopes: grant.scopes,
    })
}
