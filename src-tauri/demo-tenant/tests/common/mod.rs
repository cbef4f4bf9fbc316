//! Helpers shared by the integration tests: a client that does not follow redirects, PKCE, and a
//! silent sign-in that yields tokens without the HTML page.
#![allow(dead_code)]

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use demo_tenant::{DEFAULT_CLIENT_ID, DemoTenant, Options};
use serde_json::Value;
use sha2::{Digest, Sha256};
use url::Url;

pub type TestResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

pub const REDIRECT_URI: &str = "http://localhost:53117/callback";
pub const VERIFIER: &str = "pindesk-test-verifier-0123456789-abcdefghijklmnop";
pub const SCOPE: &str = "openid profile offline_access https://graph.microsoft.com/User.Read";

pub fn challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

pub async fn start() -> TestResult<DemoTenant> {
    start_with(Options::default()).await
}

pub async fn start_with(options: Options) -> TestResult<DemoTenant> {
    Ok(DemoTenant::start(options).await?)
}

/// A client that shows redirects instead of following them and never uses a proxy.
pub fn client() -> TestResult<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()?)
}

pub fn endpoint(tenant: &DemoTenant, authority: &str, name: &str) -> TestResult<Url> {
    Ok(tenant
        .graph_base()
        .join(&format!("{authority}/oauth2/v2.0/{name}"))?)
}

/// The standard authorize parameters; tests override or remove what they probe.
pub fn authorize_params(login_hint: Option<&str>) -> Vec<(String, String)> {
    let mut params = vec![
        ("client_id", DEFAULT_CLIENT_ID.to_owned()),
        ("response_type", "code".to_owned()),
        ("redirect_uri", REDIRECT_URI.to_owned()),
        ("scope", SCOPE.to_owned()),
        ("state", "state-123".to_owned()),
        ("nonce", "nonce-456".to_owned()),
        ("code_challenge", challenge(VERIFIER)),
        ("code_challenge_method", "S256".to_owned()),
    ];
    if let Some(hint) = login_hint {
        params.push(("prompt", "none".to_owned()));
        params.push(("login_hint", hint.to_owned()));
    }
    params.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

pub fn with(
    mut params: Vec<(String, String)>,
    name: &str,
    value: Option<&str>,
) -> Vec<(String, String)> {
    params.retain(|(k, _)| k != name);
    if let Some(value) = value {
        params.push((name.to_owned(), value.to_owned()));
    }
    params
}

pub async fn authorize(
    tenant: &DemoTenant,
    params: &[(String, String)],
) -> TestResult<reqwest::Response> {
    let mut url = endpoint(tenant, tenant.tenant_id(), "authorize")?;
    url.query_pairs_mut().extend_pairs(params);
    Ok(client()?.get(url).send().await?)
}

/// The query parameters of a 302's `Location`.
pub fn redirect_params(response: &reqwest::Response) -> TestResult<Vec<(String, String)>> {
    assert_eq!(response.status(), reqwest::StatusCode::FOUND);
    let location = response
        .headers()
        .get(reqwest::header::LOCATION)
        .ok_or("no Location header")?
        .to_str()?;
    let url = Url::parse(location)?;
    Ok(url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect())
}

pub fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Signs in silently as `person` and returns the authorization code.
pub async fn code_for(tenant: &DemoTenant, person: &str) -> TestResult<String> {
    let response = authorize(tenant, &authorize_params(Some(person))).await?;
    let params = redirect_params(&response)?;
    Ok(param(&params, "code")
        .ok_or("no code in redirect")?
        .to_owned())
}

/// POSTs a form to the token endpoint and returns status and JSON body.
pub async fn token_request(
    tenant: &DemoTenant,
    form: &[(&str, &str)],
) -> TestResult<(reqwest::StatusCode, Value)> {
    let url = endpoint(tenant, tenant.tenant_id(), "token")?;
    let response = client()?.post(url).form(form).send().await?;
    let status = response.status();
    Ok((status, response.json().await?))
}

pub async fn redeem(
    tenant: &DemoTenant,
    code: &str,
    verifier: &str,
) -> TestResult<(reqwest::StatusCode, Value)> {
    token_request(
        tenant,
        &[
            ("grant_type", "authorization_code"),
            ("client_id", DEFAULT_CLIENT_ID),
            ("code", code),
            ("redirect_uri", REDIRECT_URI),
            ("code_verifier", verifier),
            ("scope", SCOPE),
        ],
    )
    .await
}

/// Signs in as `person` and returns the token response.
pub async fn tokens_for(tenant: &DemoTenant, person: &str) -> TestResult<Value> {
    let code = code_for(tenant, person).await?;
    let (status, body) = redeem(tenant, &code, VERIFIER).await?;
    assert_eq!(status, reqwest::StatusCode::OK, "{body}");
    Ok(body)
}

pub fn text<'a>(value: &'a Value, pointer: &str) -> &'a str {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_default()
}

/// Asserts an Entra error answer: 400-class JSON with the OAuth word and the AADSTS code first.
pub fn assert_entra_error(status: reqwest::StatusCode, body: &Value, error: &str, code: u32) {
    assert!(status.is_client_error(), "{status} {body}");
    assert_eq!(text(body, "/error"), error, "{body}");
    assert!(
        text(body, "/error_description").starts_with(&format!("AADSTS{code}:")),
        "{body}"
    );
    assert_eq!(body["error_codes"], serde_json::json!([code]), "{body}");
    for field in ["/timestamp", "/trace_id", "/correlation_id"] {
        assert!(!text(body, field).is_empty(), "{field} missing in {body}");
    }
}

/// Every permission the client was granted (`.default`), as the app asks for them.
pub const ALL_SCOPES: &str = "openid profile offline_access https://graph.microsoft.com/.default";

/// Signs in as `person` with every consented Graph permission and returns the access token.
pub async fn graph_token(tenant: &DemoTenant, person: &str) -> TestResult<String> {
    graph_token_with(tenant, person, ALL_SCOPES).await
}

pub async fn graph_token_with(
    tenant: &DemoTenant,
    person: &str,
    scope: &str,
) -> TestResult<String> {
    let params = with(authorize_params(Some(person)), "scope", Some(scope));
    let redirect = redirect_params(&authorize(tenant, &params).await?)?;
    let code = param(&redirect, "code").ok_or("no code")?.to_owned();
    let (status, body) = token_request(
        tenant,
        &[
            ("grant_type", "authorization_code"),
            ("client_id", DEFAULT_CLIENT_ID),
            ("code", code.as_str()),
            ("redirect_uri", REDIRECT_URI),
            ("code_verifier", VERIFIER),
            ("scope", scope),
        ],
    )
    .await?;
    assert_eq!(status, reqwest::StatusCode::OK, "{body}");
    Ok(text(&body, "/access_token").to_owned())
}

/// A Graph GET of `path_and_query` (relative to the tenant's root, e.g. `v1.0/me`, or a full
/// `nextLink`), with optional query pairs encoded by the HTTP client.
pub async fn graph_json(
    tenant: &DemoTenant,
    token: &str,
    path: &str,
    query: &[(&str, &str)],
) -> TestResult<(reqwest::StatusCode, Value)> {
    let url = tenant.graph_base().join(path)?;
    let mut request = client()?.get(url).bearer_auth(token);
    if !query.is_empty() {
        request = request.query(query);
    }
    let response = request.send().await?;
    let status = response.status();
    Ok((status, response.json().await?))
}

/// `(id, deviceName)` of every device a default tenant seeds.
pub fn seeded_devices(count: usize) -> Vec<(String, String)> {
    demo_tenant::seed::Directory::seed(count, time::OffsetDateTime::now_utc())
        .managed_devices
        .iter()
        .map(|d| {
            let name = d
                .properties
                .get("deviceName")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            (d.id().to_owned(), name)
        })
        .collect()
}

/// The id of the seeded device called `name`.
pub fn device_id(name: &str) -> TestResult<String> {
    seeded_devices(Options::default().devices)
        .into_iter()
        .find(|(_, n)| n == name)
        .map(|(id, _)| id)
        .ok_or_else(|| format!("no seeded device called {name}").into())
}
