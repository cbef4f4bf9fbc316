//! Graph endpoints, the bearer token check, Graph's error shape, faults and latency.

mod common;

use std::time::{Duration, Instant};

use common::*;
use demo_tenant::{ADMIN, DemoTenant, HELPDESK, NO_ROLE, Options, TENANT_ID};
use reqwest::StatusCode;
use reqwest::header::{RETRY_AFTER, WWW_AUTHENTICATE};
use serde_json::{Value, json};

async fn graph_get(
    tenant: &DemoTenant,
    path: &str,
    token: Option<&str>,
) -> TestResult<reqwest::Response> {
    let mut request = client()?.get(tenant.graph_base().join(path)?);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    Ok(request.send().await?)
}

fn assert_graph_error(body: &Value, code: &str, request_id: &str) {
    assert_eq!(text(body, "/error/code"), code, "{body}");
    assert!(!text(body, "/error/message").is_empty(), "{body}");
    assert!(!text(body, "/error/innerError/date").is_empty(), "{body}");
    assert_eq!(
        text(body, "/error/innerError/request-id"),
        request_id,
        "{body}"
    );
    assert!(
        !text(body, "/error/innerError/client-request-id").is_empty(),
        "{body}"
    );
}

fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

#[tokio::test]
async fn graph_me_requires_bearer_token() -> TestResult {
    let tenant = start().await?;
    for token in [None, Some("not-a-token"), Some("")] {
        let response = graph_get(&tenant, "v1.0/me", token).await?;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{token:?}");
        assert!(header(&response, WWW_AUTHENTICATE.as_str()).starts_with("Bearer "));
        let request_id = header(&response, "request-id").to_owned();
        assert!(!request_id.is_empty());
        let body: Value = response.json().await?;
        assert_graph_error(&body, "InvalidAuthenticationToken", &request_id);
    }
    Ok(())
}

#[tokio::test]
async fn graph_rejects_expired_access_tokens() -> TestResult {
    let tenant = start().await?;
    let tokens = tokens_for(&tenant, ADMIN).await?;
    tenant.advance_clock(Options::default().access_token_lifetime + Duration::from_secs(1));
    let response = graph_get(&tenant, "v1.0/me", Some(text(&tokens, "/access_token"))).await?;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(header(&response, WWW_AUTHENTICATE.as_str()).contains("invalid_token"));
    let request_id = header(&response, "request-id").to_owned();
    let body: Value = response.json().await?;
    assert_graph_error(&body, "InvalidAuthenticationToken", &request_id);
    assert!(text(&body, "/error/message").contains("expired"));
    Ok(())
}

#[tokio::test]
async fn graph_me_returns_the_signed_in_person() -> TestResult {
    let tenant = start().await?;
    for (person, name) in [
        (ADMIN, "Avery Admin"),
        (HELPDESK, "Harper Helpdesk"),
        (NO_ROLE, "Noah Norole"),
    ] {
        let tokens = tokens_for(&tenant, person).await?;
        let response = graph_get(&tenant, "v1.0/me", Some(text(&tokens, "/access_token"))).await?;
        assert_eq!(response.status(), StatusCode::OK);
        let body: Value = response.json().await?;
        assert_eq!(text(&body, "/displayName"), name);
        assert_eq!(text(&body, "/userPrincipalName"), person);
        assert_eq!(text(&body, "/mail"), person);
        assert!(text(&body, "/@odata.context").ends_with("/v1.0/$metadata#users/$entity"));
        let claims = text(&tokens, "/id_token")
            .split('.')
            .nth(1)
            .unwrap_or_default()
            .to_owned();
        let claims: Value = serde_json::from_slice(&base64::Engine::decode(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD,
            claims,
        )?)?;
        assert_eq!(text(&body, "/id"), text(&claims, "/oid"));
    }
    Ok(())
}

#[tokio::test]
async fn graph_me_select_returns_only_the_selected_properties() -> TestResult {
    let tenant = start().await?;
    let tokens = tokens_for(&tenant, HELPDESK).await?;
    let token = text(&tokens, "/access_token");
    let response = graph_get(&tenant, "v1.0/me?$select=id,displayName", Some(token)).await?;
    let body: Value = response.json().await?;
    let mut keys: Vec<&String> = body.as_object().ok_or("not an object")?.keys().collect();
    keys.sort();
    assert_eq!(keys, ["@odata.context", "displayName", "id"]);
    assert!(text(&body, "/@odata.context").ends_with("#users(id,displayName)/$entity"));
    let response = graph_get(&tenant, "v1.0/me?$select=id,shoeSize", Some(token)).await?;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let request_id = header(&response, "request-id").to_owned();
    assert_graph_error(&response.json().await?, "BadRequest", &request_id);
    Ok(())
}

#[tokio::test]
async fn graph_organization_returns_the_tenant() -> TestResult {
    let tenant = start().await?;
    let tokens = tokens_for(&tenant, NO_ROLE).await?;
    let token = text(&tokens, "/access_token");
    let response = graph_get(
        &tenant,
        "v1.0/organization?$select=id,displayName",
        Some(token),
    )
    .await?;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await?;
    assert_eq!(
        body["value"],
        json!([{ "id": TENANT_ID, "displayName": "Northwind Demo" }])
    );
    assert!(
        text(&body, "/@odata.context").ends_with("/v1.0/$metadata#organization(id,displayName)")
    );
    let response = graph_get(&tenant, "v1.0/organization", Some(token)).await?;
    let body: Value = response.json().await?;
    assert_eq!(text(&body, "/value/0/id"), TENANT_ID);
    assert_eq!(
        text(&body, "/value/0/verifiedDomains/0/name"),
        "pindesk-demo.example"
    );
    Ok(())
}

#[tokio::test]
async fn graph_beta_serves_the_same_endpoints() -> TestResult {
    let tenant = start().await?;
    let tokens = tokens_for(&tenant, ADMIN).await?;
    let response = graph_get(&tenant, "beta/me", Some(text(&tokens, "/access_token"))).await?;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await?;
    assert!(text(&body, "/@odata.context").contains("/beta/$metadata#users"));
    Ok(())
}

#[tokio::test]
async fn graph_echoes_client_request_id_and_sends_a_request_id() -> TestResult {
    let tenant = start().await?;
    let tokens = tokens_for(&tenant, ADMIN).await?;
    let response = client()?
        .get(tenant.graph_base().join("v1.0/me")?)
        .bearer_auth(text(&tokens, "/access_token"))
        .header("client-request-id", "9a1b2c3d-0000-4000-8000-000000000001")
        .send()
        .await?;
    assert_eq!(
        header(&response, "client-request-id"),
        "9a1b2c3d-0000-4000-8000-000000000001"
    );
    assert!(uuid::Uuid::parse_str(header(&response, "request-id")).is_ok());
    Ok(())
}

#[tokio::test]
async fn graph_needs_the_right_scope_and_a_known_segment() -> TestResult {
    let tenant = start().await?;
    let scope =
        "openid offline_access https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All";
    let params = with(authorize_params(Some(HELPDESK)), "scope", Some(scope));
    let redirect = redirect_params(&authorize(&tenant, &params).await?)?;
    let (_, tokens) = redeem(
        &tenant,
        param(&redirect, "code").ok_or("no code")?,
        VERIFIER,
    )
    .await?;
    let token = text(&tokens, "/access_token");
    let response = graph_get(&tenant, "v1.0/me", Some(token)).await?;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let request_id = header(&response, "request-id").to_owned();
    assert_graph_error(
        &response.json().await?,
        "Authorization_RequestDenied",
        &request_id,
    );
    let response = graph_get(&tenant, "v1.0/nothingHere", Some(token)).await?;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let request_id = header(&response, "request-id").to_owned();
    assert_graph_error(&response.json().await?, "BadRequest", &request_id);
    Ok(())
}

/// Statuses of `count` unauthenticated Graph calls, with the Retry-After of each 429.
async fn fault_run(options: Options, count: usize) -> TestResult<Vec<(u16, Option<String>)>> {
    let tenant = start_with(options).await?;
    let mut seen = Vec::new();
    for _ in 0..count {
        let response = graph_get(&tenant, "v1.0/organization", None).await?;
        let retry = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let status = response.status();
        let request_id = header(&response, "request-id").to_owned();
        let body: Value = response.json().await?;
        if status == StatusCode::TOO_MANY_REQUESTS {
            assert_graph_error(&body, "TooManyRequests", &request_id);
        }
        seen.push((status.as_u16(), retry));
    }
    tenant.shutdown().await;
    Ok(seen)
}

#[tokio::test]
async fn fault_rate_produces_429_with_retry_after() -> TestResult {
    let all = fault_run(
        Options {
            fault_rate: 1.0,
            ..Options::default()
        },
        30,
    )
    .await?;
    assert!(
        all.iter()
            .all(|(status, _)| [429, 500, 502, 503, 504].contains(status)),
        "{all:?}"
    );
    let throttled: Vec<_> = all.iter().filter(|(status, _)| *status == 429).collect();
    assert!(!throttled.is_empty(), "{all:?}");
    assert!(
        throttled
            .iter()
            .all(|(_, retry)| retry.as_deref() == Some("1")),
        "{all:?}"
    );
    let none = fault_run(Options::default(), 10).await?;
    assert!(none.iter().all(|(status, _)| *status == 401), "{none:?}");
    Ok(())
}

#[tokio::test]
async fn fault_sequence_is_reproducible_for_a_seed() -> TestResult {
    let options = || Options {
        fault_rate: 0.5,
        ..Options::default()
    };
    let first = fault_run(options(), 25).await?;
    assert_eq!(first, fault_run(options(), 25).await?);
    assert!(first.iter().any(|(s, _)| *s == 401) && first.iter().any(|(s, _)| *s != 401));
    Ok(())
}

#[tokio::test]
async fn faults_never_hit_the_identity_endpoints() -> TestResult {
    let tenant = start_with(Options {
        fault_rate: 1.0,
        ..Options::default()
    })
    .await?;
    let tokens = tokens_for(&tenant, ADMIN).await?;
    assert!(!text(&tokens, "/access_token").is_empty());
    Ok(())
}

#[tokio::test]
async fn latency_delays_each_request() -> TestResult {
    let tenant = start_with(Options {
        latency_ms: 150,
        ..Options::default()
    })
    .await?;
    let started = Instant::now();
    let response = graph_get(&tenant, "v1.0/me", None).await?;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(started.elapsed() >= Duration::from_millis(150));
    Ok(())
}
