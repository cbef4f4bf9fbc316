//! Non-idempotent POSTs (`resetPasscode`, creating a profile, `assign`): sent once per call and
//! never repeated blindly. When no definite answer comes back, the call says so with
//! [`Sent::Ambiguous`], and the caller first checks what the service already did.

use std::time::SystemTime;

use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::client::{Call, GraphClient, decode, refuse_bad_path, service_error, wants_refresh};
use super::error::{GraphError, ServiceError};
use super::odata::ResourcePath;

/// The outcome of a POST that must not be repeated blindly. Definite failures (a 4xx, a 429
/// that throttled the request before it ran, a connection that was never made) are `Err`.
#[derive(Debug)]
#[must_use = "an ambiguous POST must be checked before anything else is done"]
pub enum Sent<T> {
    /// The service answered with success.
    Completed(T),
    /// The request may or may not have been carried out.
    Ambiguous(Ambiguity),
}

#[derive(Debug)]
pub struct Ambiguity {
    pub reason: AmbiguityReason,
    pub client_request_id: String,
    /// Taken just before sending: an action result that started at or after this instant may be
    /// this request's (allow for the service's clock differing from this computer's).
    pub sent_at: SystemTime,
}

#[derive(Debug)]
pub enum AmbiguityReason {
    /// Timed out, or the connection broke after the request went out.
    NoAnswer(String),
    /// A 5xx: the gateway or the service failed, perhaps after doing the work.
    ServerError(Box<ServiceError>),
    /// A success status whose body could not be read.
    UnreadableAnswer(Box<GraphError>),
}

impl Ambiguity {
    /// The error to show when the caller's check could not settle what happened either.
    pub fn into_error(self) -> GraphError {
        match self.reason {
            AmbiguityReason::NoAnswer(detail) => GraphError::Network {
                detail,
                sent: true,
                client_request_id: Some(self.client_request_id),
            },
            AmbiguityReason::ServerError(error) => GraphError::Service(error),
            AmbiguityReason::UnreadableAnswer(error) => *error,
        }
    }
}

impl GraphClient {
    /// POSTs `body` (or nothing) to `path` exactly once. The only second send is after a 401
    /// `InvalidAuthenticationToken`, which Graph returns before it runs anything: the token is
    /// refreshed and the request goes out once more.
    pub async fn post_once<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        path: &ResourcePath,
        body: Option<&B>,
    ) -> Result<Sent<T>, GraphError> {
        refuse_bad_path(path)?;
        let body = match body {
            Some(body) => Some(serde_json::to_vec(body).map_err(|e| {
                GraphError::Refused(format!("the request body could not be written: {e}"))
            })?),
            None => None,
        };
        let call = Call {
            method: Method::POST,
            url: self.url_for(path.as_str())?,
            eventual: false,
            body,
        };
        let client_request_id = uuid::Uuid::new_v4().to_string();
        let mut force_refresh = false;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let token = self.inner.tokens.access_token(force_refresh).await?;
            let sent_at = SystemTime::now();
            let ambiguous = |reason| Ambiguity {
                reason,
                client_request_id: client_request_id.clone(),
                sent_at,
            };
            let reply = match self
                .exchange(&call, &token, &client_request_id, attempt)
                .await
            {
                Ok(reply) => reply,
                Err(transport) if transport.sent => {
                    return Ok(Sent::Ambiguous(ambiguous(AmbiguityReason::NoAnswer(
                        transport.detail,
                    ))));
                }
                Err(transport) => return Err(transport.into_error(&client_request_id)),
            };
            if reply.status.is_success() {
                return Ok(match decode(&reply) {
                    Ok(value) => Sent::Completed(value),
                    Err(error) => Sent::Ambiguous(ambiguous(AmbiguityReason::UnreadableAnswer(
                        Box::new(error),
                    ))),
                });
            }
            let error = service_error(&reply);
            if wants_refresh(&error) && !force_refresh {
                force_refresh = true;
                continue;
            }
            return match error.status {
                // 501 and 505 say the request was not understood, so it did not run.
                500 | 502..=504 | 506.. => Ok(Sent::Ambiguous(ambiguous(
                    AmbiguityReason::ServerError(Box::new(error)),
                ))),
                _ => Err(error.into()),
            };
        }
    }
}
