//! The one Graph client: HTTPS (plain HTTP only on loopback), the system proxy, time-outs, a
//! `client-request-id` on every request, one token refresh on a rejected token, and retries for
//! requests that are safe to repeat.

use std::fmt;
use std::sync::Arc;

use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, HeaderMap};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use tokio_util::sync::CancellationToken;
use tracing::debug;
use url::{Host, Url};

use super::error::{GraphError, ServiceError};
use super::odata::{GraphRequest, ResourcePath};
use super::options::GraphOptions;
use super::parse;
use super::retry::{self, cancellable};
use super::token::{BearerToken, TokenSource};

/// Cheap to clone: clones share the connection pool and the token source.
#[derive(Clone)]
pub struct GraphClient {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub http: reqwest::Client,
    /// `<graph base>/<api version>/`, always ending in `/`.
    pub root: Url,
    pub tokens: Arc<dyn TokenSource>,
    pub options: GraphOptions,
}

impl fmt::Debug for GraphClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GraphClient")
            .field("root", &self.inner.root.as_str())
            .finish_non_exhaustive()
    }
}

/// One request as it goes on the wire (the same for every attempt).
#[derive(Debug, Clone)]
pub(crate) struct Call {
    pub method: Method,
    pub url: Url,
    pub eventual: bool,
    pub body: Option<Vec<u8>>,
}

/// A response read to the end.
#[derive(Debug)]
pub(crate) struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

/// Why one exchange produced no response.
#[derive(Debug)]
pub(crate) struct TransportError {
    pub detail: String,
    /// False when the connection was never made, so the service cannot have seen the request.
    pub sent: bool,
}

impl GraphClient {
    /// `base` is the configured Graph URL (`https://graph.microsoft.com`); the API version is
    /// appended. Plain HTTP is refused unless the host is loopback (the demo tenant).
    pub fn new(
        base: Url,
        tokens: Arc<dyn TokenSource>,
        options: GraphOptions,
    ) -> Result<GraphClient, GraphError> {
        let loopback = is_loopback(&base);
        match base.scheme() {
            "https" => {}
            "http" if loopback => {}
            other => {
                return Err(GraphError::Refused(format!(
                    "Graph must be reached over HTTPS, not {other}, outside this computer"
                )));
            }
        }
        let root = version_root(&base, &options.api_version)?;
        let mut builder = reqwest::Client::builder()
            .connect_timeout(options.connect_timeout)
            .timeout(options.request_timeout)
            // A redirect could carry the bearer token to another host; Graph's JSON API never
            // redirects.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("PinDesk/", env!("CARGO_PKG_VERSION")));
        builder = if loopback {
            builder.no_proxy()
        } else {
            builder.https_only(true)
        };
        let http = builder
            .build()
            .map_err(|e| GraphError::Refused(format!("could not set up HTTP: {e}")))?;
        Ok(GraphClient {
            inner: Arc::new(Inner {
                http,
                root,
                tokens,
                options,
            }),
        })
    }

    /// The same connection pool and settings with another token source: every task reuses the
    /// open connections (and the TLS sessions) instead of paying for a handshake per call.
    pub fn with_tokens(&self, tokens: Arc<dyn TokenSource>) -> GraphClient {
        GraphClient {
            inner: Arc::new(Inner {
                http: self.inner.http.clone(),
                root: self.inner.root.clone(),
                tokens,
                options: self.inner.options.clone(),
            }),
        }
    }

    /// The same connection pool, tokens and settings against another API version (`beta`), for
    /// the few facts v1.0 does not hold. The new root replaces the last segment of this one.
    pub fn with_api_version(&self, version: &str) -> Result<GraphClient, GraphError> {
        let mut base = self.inner.root.clone();
        let path = self.inner.root.path().trim_end_matches('/');
        let parent = path
            .rsplit_once('/')
            .map_or("", |(parent, _)| parent)
            .to_owned();
        base.set_path(&parent);
        let mut options = self.inner.options.clone();
        version.clone_into(&mut options.api_version);
        Ok(GraphClient {
            inner: Arc::new(Inner {
                http: self.inner.http.clone(),
                root: version_root(&base, version)?,
                tokens: self.inner.tokens.clone(),
                options,
            }),
        })
    }

    pub fn options(&self) -> &GraphOptions {
        &self.inner.options
    }

    /// `<graph base>/<api version>/`.
    pub fn root(&self) -> &Url {
        &self.inner.root
    }

    /// A GET decoded into `T`, retried while the service says "not now".
    pub async fn get<T: DeserializeOwned>(&self, request: &GraphRequest) -> Result<T, GraphError> {
        self.get_cancellable(request, None).await
    }

    pub(crate) async fn get_cancellable<T: DeserializeOwned>(
        &self,
        request: &GraphRequest,
        cancel: Option<&CancellationToken>,
    ) -> Result<T, GraphError> {
        let call = Call {
            method: Method::GET,
            url: self.url_for_request(request)?,
            eventual: request.is_eventual(),
            body: None,
        };
        let reply = self.send_repeatable(&call, cancel).await?;
        decode(&reply)
    }

    pub(crate) fn url_for_request(&self, request: &GraphRequest) -> Result<Url, GraphError> {
        refuse_bad_path(request.path())?;
        self.url_for(&request.relative_url())
    }

    pub(crate) fn url_for(&self, relative: &str) -> Result<Url, GraphError> {
        Url::parse(&format!("{}{relative}", self.inner.root))
            .map_err(|e| GraphError::Refused(format!("not a valid Graph URL: {e}")))
    }

    /// Sends a request that is safe to repeat: waits out 429s, backs off on 502/503/504 and
    /// network errors, refreshes the token once after a 401 `InvalidAuthenticationToken`.
    pub(crate) async fn send_repeatable(
        &self,
        call: &Call,
        cancel: Option<&CancellationToken>,
    ) -> Result<Reply, GraphError> {
        let options = &self.inner.options;
        let client_request_id = uuid::Uuid::new_v4().to_string();
        let (mut attempt, mut force_refresh, mut refreshed) = (0u32, false, false);
        loop {
            attempt += 1;
            let token =
                cancellable(self.inner.tokens.access_token(force_refresh), cancel).await??;
            force_refresh = false;
            let outcome = cancellable(
                self.exchange(call, &token, &client_request_id, attempt),
                cancel,
            )
            .await?;
            let wait = match outcome {
                Ok(reply) if reply.status.is_success() => return Ok(reply),
                Ok(reply) => {
                    let error = service_error(&reply);
                    if wants_refresh(&error) && !refreshed {
                        (force_refresh, refreshed) = (true, true);
                        attempt -= 1;
                        continue;
                    }
                    if let Some(claims) = error.claims_challenge() {
                        self.inner.tokens.claims_challenged(claims);
                    }
                    if !retry::is_transient(error.status) || attempt >= options.max_attempts {
                        return Err(error.into());
                    }
                    match retry::wait_before_retry(
                        &error,
                        attempt,
                        options.backoff_base,
                        options.backoff_max,
                        options.max_retry_after,
                    ) {
                        Some(wait) => wait,
                        None => return Err(error.into()),
                    }
                }
                Err(transport) => {
                    if attempt >= options.max_attempts {
                        return Err(transport.into_error(&client_request_id));
                    }
                    retry::backoff(attempt, options.backoff_base, options.backoff_max)
                }
            };
            retry::sleep(wait, cancel).await?;
        }
    }

    /// One HTTP exchange, read to the end. Never retries.
    pub(crate) async fn exchange(
        &self,
        call: &Call,
        token: &BearerToken,
        client_request_id: &str,
        attempt: u32,
    ) -> Result<Reply, TransportError> {
        let mut request = self
            .inner
            .http
            .request(call.method.clone(), call.url.clone())
            .header(AUTHORIZATION, format!("Bearer {}", token.secret()))
            .header(ACCEPT, "application/json")
            .header("client-request-id", client_request_id)
            .header("return-client-request-id", "true");
        if call.eventual {
            request = request.header("ConsistencyLevel", "eventual");
        }
        if call.method == Method::POST {
            // Graph answers a bodiless POST without Content-Length with 411, and hyper leaves the
            // header out for an empty body. A bodiless action (`resetPasscode`) goes with no body
            // and no JSON Content-Type: Microsoft's reference says "Do not supply a request body
            // for this method", and the generated SDKs (msgraph-sdk-go's
            // ManagedDevicesItemResetPasscodeRequestBuilder, the PowerShell SDK's
            // Reset-MgDeviceManagementManagedDevicePasscode built on it) set only `Accept`. An
            // empty body labelled JSON is not valid JSON, so it is not sent that way.
            request = match &call.body {
                Some(body) => request
                    .header(CONTENT_TYPE, "application/json")
                    .header(CONTENT_LENGTH, body.len())
                    .body(body.clone()),
                None => request.header(CONTENT_LENGTH, 0),
            };
        }
        let response = request.send().await.map_err(|e| TransportError {
            sent: !(e.is_connect() || e.is_builder()),
            detail: describe(&e),
        })?;
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .bytes()
            .await
            .map_err(|e| TransportError {
                sent: true,
                detail: describe(&e),
            })?
            .to_vec();
        debug!(
            method = %call.method,
            path = call.url.path(),
            status = status.as_u16(),
            attempt,
            client_request_id,
            "graph request"
        );
        Ok(Reply {
            status,
            headers,
            body,
        })
    }

    /// Whether `url` is under this client's root; a link elsewhere must never get the token.
    pub(crate) fn owns(&self, url: &Url) -> bool {
        let root = &self.inner.root;
        url.scheme() == root.scheme()
            && url.host() == root.host()
            && url.port_or_known_default() == root.port_or_known_default()
            && url.path().starts_with(root.path())
    }
}

impl TransportError {
    pub(crate) fn into_error(self, client_request_id: &str) -> GraphError {
        GraphError::Network {
            detail: self.detail,
            sent: self.sent,
            client_request_id: Some(client_request_id.to_owned()),
        }
    }
}

pub(crate) fn refuse_bad_path(path: &ResourcePath) -> Result<(), GraphError> {
    match path.problem() {
        Some(problem) => Err(GraphError::Refused(problem.to_owned())),
        None => Ok(()),
    }
}

/// Graph's answer to an expired or revoked token, as opposed to Conditional Access asking for
/// more (a claims challenge) or Intune refusing a role (401 `UnknownError`).
pub(crate) fn wants_refresh(error: &ServiceError) -> bool {
    error.status == 401 && error.code_is("InvalidAuthenticationToken") && error.claims.is_none()
}

pub(crate) fn service_error(reply: &Reply) -> ServiceError {
    let header = |name: &str| {
        reply
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    parse::service_error(reply.status.as_u16(), &header, &reply.body)
}

/// Decodes a success body; an empty body (204) reads as JSON `null`, so `()` and `Option<_>`
/// work for actions that return nothing.
pub(crate) fn decode<T: DeserializeOwned>(reply: &Reply) -> Result<T, GraphError> {
    let body: &[u8] = if reply.body.iter().all(u8::is_ascii_whitespace) {
        b"null"
    } else {
        &reply.body
    };
    serde_json::from_slice(body).map_err(|e| GraphError::Decode {
        // Position and category only: serde's own text can quote the body, and bodies can hold
        // passcodes.
        detail: format!(
            "{:?} error at line {} column {}",
            e.classify(),
            e.line(),
            e.column()
        ),
        status: reply.status.as_u16(),
        request_id: header_text(&reply.headers, "request-id"),
        client_request_id: header_text(&reply.headers, "client-request-id"),
    })
}

fn header_text(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// reqwest's message plus its causes, which name the real problem (refused, reset, DNS).
/// URLs are left out: they are ours and may hold search text.
fn describe(error: &reqwest::Error) -> String {
    let mut text = if error.is_timeout() {
        "timed out".to_owned()
    } else if error.is_connect() {
        "could not connect".to_owned()
    } else {
        "connection failed".to_owned()
    };
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        Some(Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

fn version_root(base: &Url, version: &str) -> Result<Url, GraphError> {
    if base.cannot_be_a_base() || base.query().is_some() || base.fragment().is_some() {
        return Err(GraphError::Refused(format!(
            "not a usable Graph base URL: {base}"
        )));
    }
    let mut root = base.clone();
    let path = format!(
        "{}/{}/",
        base.path().trim_end_matches('/'),
        version.trim_matches('/')
    );
    root.set_path(&path);
    Ok(root)
}

#[cfg(test)]
mod tests;
