//! `POST /$batch`: up to 20 requests in one round trip. Each one runs through the same Graph
//! router in-process, so it meets the same token check, scopes, roles and injected faults as a
//! request of its own, and answers with its own status, headers and body. Only the batch itself
//! reaches the request log, as only it crossed the network.

use std::collections::HashSet;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode};
use axum::routing::post;
use axum::{Extension, Json, Router};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use tower_service::Service;

use super::{ApiVersion, GraphError};
use crate::state::TenantState;

/// Graph's limit of requests per batch.
const MAX_REQUESTS: usize = 20;
/// Largest sub-response body the batch will carry.
const MAX_BODY: usize = 16 * 1024 * 1024;
/// Headers of a sub-response worth passing on.
const KEPT_HEADERS: [&str; 6] = [
    "content-type",
    "retry-after",
    "location",
    "www-authenticate",
    "request-id",
    "client-request-id",
];

#[derive(Debug, Deserialize)]
struct Batch {
    requests: Vec<SubRequest>,
}

#[derive(Debug, Deserialize)]
struct SubRequest {
    id: String,
    method: String,
    url: String,
    #[serde(default)]
    headers: Map<String, Value>,
    #[serde(default)]
    body: Option<Value>,
}

pub(super) fn routes() -> Router<TenantState> {
    Router::new().route("/$batch", post(batch))
}

async fn batch(
    State(state): State<TenantState>,
    Extension(version): Extension<ApiVersion>,
    request: Request,
) -> Result<Json<Value>, GraphError> {
    let authorization = request.headers().get(AUTHORIZATION).cloned();
    let bytes = axum::body::to_bytes(request.into_body(), MAX_BODY)
        .await
        .map_err(|_| GraphError::bad_request("The batch request body could not be read."))?;
    let batch: Batch = serde_json::from_slice(&bytes)
        .map_err(|e| GraphError::bad_request(format!("Invalid batch payload format: {e}")))?;
    if batch.requests.is_empty() {
        return Err(GraphError::bad_request(
            "Invalid batch payload format: at least one request is needed.",
        ));
    }
    if batch.requests.len() > MAX_REQUESTS {
        return Err(GraphError::bad_request(format!(
            "Number of batch requests exceeds the limit of {MAX_REQUESTS}."
        )));
    }
    let mut ids = HashSet::new();
    if let Some(twice) = batch.requests.iter().find(|r| !ids.insert(r.id.as_str())) {
        return Err(GraphError::bad_request(format!(
            "Batch request ids must be unique: '{}' is used twice.",
            twice.id
        )));
    }
    let mut router = super::router(state.clone()).with_state(state);
    let mut responses = Vec::with_capacity(batch.requests.len());
    for sub in batch.requests {
        let answer = match build(&sub, version, authorization.as_ref()) {
            Ok(request) => run(&mut router, request).await,
            Err(error) => (error.status, Map::new(), error_body(&error)),
        };
        let (status, headers, body) = answer;
        let mut item = json!({ "id": sub.id, "status": status.as_u16(), "headers": headers });
        if !body.is_null() {
            item["body"] = body;
        }
        responses.push(item);
    }
    Ok(Json(json!({ "responses": responses })))
}

fn error_body(error: &GraphError) -> Value {
    let id = uuid::Uuid::new_v4().to_string();
    error.body(&id, &id)
}

/// Marks a sub-request of a batch: it has no connection of its own to drop.
#[derive(Debug, Clone, Copy)]
pub(super) struct InBatch;

/// The sub-request as an HTTP request to `/{version}{url}`, carrying the batch's token.
fn build(
    sub: &SubRequest,
    version: ApiVersion,
    authorization: Option<&HeaderValue>,
) -> Result<Request, GraphError> {
    let method = Method::from_bytes(sub.method.to_ascii_uppercase().as_bytes())
        .map_err(|_| GraphError::bad_request(format!("Unknown method '{}'.", sub.method)))?;
    let relative = sub.url.trim_start_matches('/');
    if relative.is_empty() || relative.contains("://") {
        return Err(GraphError::bad_request(
            "Invalid request URL: batch requests use URLs relative to the version, such as \
             '/me'.",
        ));
    }
    if relative.split(['?', '/']).next() == Some("$batch") {
        return Err(GraphError::bad_request("A batch cannot contain a batch."));
    }
    let uri = format!("/{}/{relative}", version.path());
    let mut builder = Request::builder()
        .method(method)
        .uri(uri)
        .extension(InBatch);
    if let Some(value) = authorization {
        builder = builder.header(AUTHORIZATION, value.clone());
    }
    for (name, value) in &sub.headers {
        let value = match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) && name != AUTHORIZATION
        {
            builder = builder.header(name, value);
        }
    }
    let body = match &sub.body {
        Some(value) => {
            builder = builder.header(CONTENT_TYPE, "application/json");
            Body::from(value.to_string())
        }
        None => Body::empty(),
    };
    builder
        .body(body)
        .map_err(|e| GraphError::bad_request(format!("Invalid request URL: {e}")))
}

async fn run(
    router: &mut axum::Router,
    request: Request,
) -> (StatusCode, Map<String, Value>, Value) {
    // The router is always ready and never fails; its error type is `Infallible`.
    let response = match router.call(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    };
    let status = response.status();
    let mut headers = Map::new();
    for name in KEPT_HEADERS {
        if let Some(value) = response.headers().get(name).and_then(|v| v.to_str().ok()) {
            headers.insert(display_name(name), json!(value));
        }
    }
    let body = match axum::body::to_bytes(response.into_body(), MAX_BODY).await {
        Ok(bytes) if bytes.is_empty() => Value::Null,
        Ok(bytes) => serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned())),
        Err(_) => Value::Null,
    };
    (status, headers, body)
}

/// Graph writes sub-response header names the HTTP/1 way: `Content-Type`, `Retry-After`.
fn display_name(name: &str) -> String {
    match name {
        "request-id" | "client-request-id" => name.to_owned(),
        _ => name
            .split('-')
            .map(|part| {
                let mut chars = part.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_ascii_uppercase().to_string() + chars.as_str()
                })
            })
            .collect::<Vec<_>>()
            .join("-"),
    }
}
