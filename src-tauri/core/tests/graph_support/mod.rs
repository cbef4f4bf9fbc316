//! Shared by the Graph client tests: token sources (a fixed token, and a real sign-in to the demo
//! tenant with PKCE and refresh), and a tiny scripted HTTP server for edge cases the demo tenant
//! does not produce on demand.
#![allow(dead_code)]
// Test helpers: a panic is the right way for them to fail.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use demo_tenant::{DEFAULT_CLIENT_ID, DemoTenant, LoggedRequest, Options};
use pindesk_core::graph::{
    BearerToken, GraphClient, GraphError, GraphOptions, TokenFuture, TokenSource,
};
use sha2::{Digest, Sha256};
use url::Url;

mod script;

// Each test crate includes this module; the ones that script no server leave these unused.
#[allow(unused_imports)]
pub use script::*;

pub type TestResult<T = ()> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// Quick retries, so tests with faults finish in seconds; `Retry-After` is still honoured.
pub fn fast_options() -> GraphOptions {
    GraphOptions {
        max_attempts: 12,
        backoff_base: Duration::from_millis(20),
        backoff_max: Duration::from_millis(200),
        request_timeout: Duration::from_secs(10),
        ..GraphOptions::default()
    }
}

pub fn client(base: Url, tokens: Arc<dyn TokenSource>, options: GraphOptions) -> GraphClient {
    GraphClient::new(base, tokens, options).unwrap()
}

/// Always the same token; counts how often a fresh one was demanded.
#[derive(Debug, Default)]
pub struct FixedToken {
    pub token: String,
    pub forced: AtomicUsize,
    pub calls: AtomicUsize,
    /// The claims challenges Graph's answers handed back, for the next sign-in.
    pub challenged: std::sync::Mutex<Vec<String>>,
}

impl FixedToken {
    pub fn new(token: &str) -> Arc<FixedToken> {
        Arc::new(FixedToken {
            token: token.to_owned(),
            ..FixedToken::default()
        })
    }

    pub fn forced(&self) -> usize {
        self.forced.load(Ordering::SeqCst)
    }
}

impl TokenSource for FixedToken {
    fn access_token(&self, force_refresh: bool) -> TokenFuture<'_> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        if force_refresh {
            self.forced.fetch_add(1, Ordering::SeqCst);
        }
        let token = BearerToken::new(self.token.clone());
        Box::pin(async move { Ok(token) })
    }

    fn claims_challenged(&self, challenge: &str) {
        if let Ok(mut seen) = self.challenged.lock() {
            seen.push(challenge.to_owned());
        }
    }
}

const REDIRECT_URI: &str = "http://localhost:53117/callback";
const VERIFIER: &str = "pindesk-graph-test-verifier-0123456789-abcdefghijklmnop";
const SCOPE: &str = "openid profile offline_access https://graph.microsoft.com/.default";

/// Signs in to the demo tenant silently (PKCE, `prompt=none`) and refreshes with the rotating
/// refresh token when asked to.
pub struct DemoTokens {
    token_url: Url,
    state: tokio::sync::Mutex<(String, String)>,
    pub refreshes: AtomicUsize,
}

impl std::fmt::Debug for DemoTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DemoTokens")
    }
}

fn plain_http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .unwrap()
}

impl DemoTokens {
    pub async fn sign_in(tenant: &DemoTenant, person: &str) -> TestResult<Arc<DemoTokens>> {
        let base = tenant
            .graph_base()
            .join(&format!("{}/oauth2/v2.0/", tenant.tenant_id()))?;
        let mut authorize = base.join("authorize")?;
        let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(VERIFIER.as_bytes()));
        authorize.query_pairs_mut().extend_pairs([
            ("client_id", DEFAULT_CLIENT_ID),
            ("response_type", "code"),
            ("redirect_uri", REDIRECT_URI),
            ("scope", SCOPE),
            ("state", "graph-tests"),
            ("nonce", "graph-tests-nonce"),
            ("code_challenge", challenge.as_str()),
            ("code_challenge_method", "S256"),
            ("prompt", "none"),
            ("login_hint", person),
        ]);
        let http = plain_http();
        let response = http.get(authorize).send().await?;
        let location = response
            .headers()
            .get(reqwest::header::LOCATION)
            .ok_or("authorize did not redirect")?
            .to_str()?;
        let code = Url::parse(location)?
            .query_pairs()
            .find(|(k, _)| k == "code")
            .map(|(_, v)| v.into_owned())
            .ok_or("no code in the redirect")?;
        let token_url = base.join("token")?;
        let form = [
            ("grant_type", "authorization_code"),
            ("client_id", DEFAULT_CLIENT_ID),
            ("code", code.as_str()),
            ("redirect_uri", REDIRECT_URI),
            ("code_verifier", VERIFIER),
            ("scope", SCOPE),
        ];
        let tokens = redeem(&http, &token_url, &form).await?;
        Ok(Arc::new(DemoTokens {
            token_url,
            state: tokio::sync::Mutex::new(tokens),
            refreshes: AtomicUsize::new(0),
        }))
    }

    pub fn refreshes(&self) -> usize {
        self.refreshes.load(Ordering::SeqCst)
    }
}

async fn redeem(
    http: &reqwest::Client,
    url: &Url,
    form: &[(&str, &str)],
) -> TestResult<(String, String)> {
    let body: serde_json::Value = http
        .post(url.clone())
        .form(form)
        .send()
        .await?
        .json()
        .await?;
    let text = |name: &str| body.get(name).and_then(|v| v.as_str()).map(str::to_owned);
    Ok((
        text("access_token").ok_or("no access token in the answer")?,
        text("refresh_token").ok_or("no refresh token in the answer")?,
    ))
}

impl TokenSource for DemoTokens {
    fn access_token(&self, force_refresh: bool) -> TokenFuture<'_> {
        Box::pin(async move {
            let mut state = self.state.lock().await;
            if force_refresh {
                self.refreshes.fetch_add(1, Ordering::SeqCst);
                let form = [
                    ("grant_type", "refresh_token"),
                    ("client_id", DEFAULT_CLIENT_ID),
                    ("refresh_token", state.1.as_str()),
                    ("scope", SCOPE),
                ];
                *state = redeem(&plain_http(), &self.token_url, &form)
                    .await
                    .map_err(|e| GraphError::Refused(format!("test refresh failed: {e}")))?;
            }
            Ok(BearerToken::new(state.0.clone()))
        })
    }
}

pub async fn tenant(options: Options) -> DemoTenant {
    DemoTenant::start(Options { port: 0, ..options })
        .await
        .unwrap()
}

/// The tenant's log entries for `method` whose path (without query) is `path`.
pub fn logged(tenant: &DemoTenant, method: &str, path: &str) -> Vec<LoggedRequest> {
    tenant
        .requests()
        .into_iter()
        .filter(|r| r.method == method && r.path_and_query.split('?').next() == Some(path))
        .collect()
}
