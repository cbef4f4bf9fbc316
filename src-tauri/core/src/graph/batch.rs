//! JSON batching: up to 20 independent GETs in one `POST $batch`, so a screen that needs four
//! facts costs one round trip. Each answer is read like a response of its own; the ones that
//! failed with "not now" (429, 502, 503, 504) are sent again in a smaller batch after the longest
//! `Retry-After` among them, and the rest are kept.

use std::collections::HashMap;
use std::time::Duration;

use reqwest::Method;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use super::client::{Call, GraphClient, decode, refuse_bad_path};
use super::error::{GraphError, ServiceError};
use super::odata::GraphRequest;
use super::parse;
use super::retry;

/// Graph's limit of requests per batch.
pub const MAX_BATCH: usize = 20;

/// The answer to one request of a batch.
#[derive(Debug)]
pub struct BatchItem(Result<Value, GraphError>);

impl BatchItem {
    /// An answer as a batch would give it, for tests of code that reads batch answers.
    #[cfg(test)]
    pub(crate) fn answered(result: Result<Value, GraphError>) -> BatchItem {
        BatchItem(result)
    }

    /// Decodes the body into `T`, or gives the request's own error.
    pub fn json<T: DeserializeOwned>(self) -> Result<T, GraphError> {
        let value = self.0?;
        serde_json::from_value(value).map_err(|e| GraphError::Decode {
            detail: format!("{:?} error in a batch answer", e.classify()),
            status: 200,
            request_id: None,
            client_request_id: None,
        })
    }

    pub fn result(&self) -> Result<&Value, &GraphError> {
        self.0.as_ref()
    }

    pub fn into_result(self) -> Result<Value, GraphError> {
        self.0
    }
}

#[derive(Deserialize)]
struct BatchReply {
    #[serde(default)]
    responses: Vec<SubReply>,
}

#[derive(Deserialize)]
struct SubReply {
    id: String,
    status: u16,
    #[serde(default)]
    headers: HashMap<String, Value>,
    #[serde(default)]
    body: Value,
}

impl GraphClient {
    /// Sends `requests` as JSON batches and returns one answer per request, in order. Up to
    /// [`MAX_BATCH`] requests cost one round trip; more are split into batches of 20, sent at
    /// once, so the wait stays one round trip (the service counts each request either way).
    pub async fn batch(&self, requests: &[GraphRequest]) -> Result<Vec<BatchItem>, GraphError> {
        for request in requests {
            refuse_bad_path(request.path())?;
        }
        let mut answers: Vec<Option<Result<Value, GraphError>>> =
            requests.iter().map(|_| None).collect();
        let indices: Vec<usize> = (0..requests.len()).collect();
        let chunks = indices
            .chunks(MAX_BATCH)
            .map(|chunk| self.batch_chunk(requests, chunk));
        for answered in futures_util::future::join_all(chunks).await {
            for (index, answer) in answered? {
                answers[index] = Some(answer);
            }
        }
        Ok(answers
            .into_iter()
            .map(|a| BatchItem(a.unwrap_or_else(|| Err(missing_answer()))))
            .collect())
    }

    /// One batch of at most [`MAX_BATCH`], with its throttled parts asked again: each request's
    /// index and answer.
    async fn batch_chunk(
        &self,
        requests: &[GraphRequest],
        chunk: &[usize],
    ) -> Result<Vec<(usize, Result<Value, GraphError>)>, GraphError> {
        let options = &self.inner.options;
        let url = self.url_for("$batch")?;
        let mut pending: Vec<usize> = chunk.to_vec();
        let mut answers = Vec::with_capacity(chunk.len());
        let mut round = 0u32;
        while !pending.is_empty() {
            round += 1;
            let body = batch_body(requests, &pending);
            let call = Call {
                method: Method::POST,
                url: url.clone(),
                eventual: false,
                body: Some(serde_json::to_vec(&body).map_err(|e| {
                    GraphError::Refused(format!("the batch could not be written: {e}"))
                })?),
            };
            // Safe to repeat as a whole: every request in it is a GET.
            let reply = self.send_repeatable(&call, None).await?;
            let batch_request_id = reply
                .headers
                .get("request-id")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            let parsed: BatchReply = decode(&reply)?;
            let mut retry_later = Vec::new();
            let mut wait = Duration::ZERO;
            for index in pending {
                let id = (index + 1).to_string();
                let Some(sub) = parsed.responses.iter().find(|r| r.id == id) else {
                    answers.push((index, Err(missing_answer())));
                    continue;
                };
                if (200..300).contains(&sub.status) {
                    answers.push((index, Ok(sub.body.clone())));
                    continue;
                }
                let mut error = sub_error(sub);
                if error.request_id.is_none() {
                    error.request_id.clone_from(&batch_request_id);
                }
                let again = retry::is_transient(sub.status) && round < options.max_attempts;
                let this_wait = again
                    .then(|| {
                        retry::wait_before_retry(
                            &error,
                            round,
                            options.backoff_base,
                            options.backoff_max,
                            options.max_retry_after,
                        )
                    })
                    .flatten();
                match this_wait {
                    Some(w) => {
                        wait = wait.max(w);
                        retry_later.push(index);
                    }
                    None => answers.push((index, Err(error.into()))),
                }
            }
            pending = retry_later;
            if !pending.is_empty() {
                retry::sleep(wait, None).await?;
            }
        }
        Ok(answers)
    }
}

fn batch_body(requests: &[GraphRequest], pending: &[usize]) -> Value {
    let items: Vec<Value> = pending
        .iter()
        .map(|&index| {
            let request = &requests[index];
            let mut headers = Map::new();
            headers.insert(
                "client-request-id".to_owned(),
                Value::String(uuid::Uuid::new_v4().to_string()),
            );
            if request.is_eventual() {
                headers.insert(
                    "ConsistencyLevel".to_owned(),
                    Value::String("eventual".to_owned()),
                );
            }
            json!({
                "id": (index + 1).to_string(),
                "method": "GET",
                "url": format!("/{}", request.relative_url()),
                "headers": headers,
            })
        })
        .collect();
    json!({ "requests": items })
}

fn sub_error(sub: &SubReply) -> ServiceError {
    let header = |name: &str| {
        sub.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .and_then(|(_, v)| match v {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
    };
    let body = serde_json::to_vec(&sub.body).unwrap_or_default();
    parse::service_error(sub.status, &header, &body)
}

fn missing_answer() -> GraphError {
    GraphError::Decode {
        detail: "the batch answer has no response for this request".to_owned(),
        status: 200,
        request_id: None,
        client_request_id: None,
    }
}
