//! Faults as Microsoft's Graph fault simulator injects them, per method; Intune's per-tenant
//! throttling; dropped connections.

mod common;

use std::collections::BTreeSet;

use common::*;
use demo_tenant::{ADMIN, DemoTenant, Options};
use reqwest::header::RETRY_AFTER;
use reqwest::{Method, StatusCode};
use serde_json::json;

const CONFIGS: &str = "v1.0/deviceManagement/deviceConfigurations";

/// The statuses of `count` requests with `method`, checking `Retry-After` on every 429.
async fn statuses(tenant: &DemoTenant, method: Method, count: usize) -> TestResult<BTreeSet<u16>> {
    let url = tenant.graph_base().join(CONFIGS)?;
    let mut seen = BTreeSet::new();
    for _ in 0..count {
        let response = client()?
            .request(method.clone(), url.clone())
            .send()
            .await?;
        let status = response.status();
        if status == StatusCode::TOO_MANY_REQUESTS {
            assert!(response.headers().get(RETRY_AFTER).is_some());
        }
        seen.insert(status.as_u16());
    }
    Ok(seen)
}

#[tokio::test]
async fn injected_fault_statuses_follow_the_graph_fault_simulator_per_method() -> TestResult {
    let tenant = start_with(Options {
        fault_rate: 1.0,
        ..Options::default()
    })
    .await?;
    let everything: BTreeSet<u16> = [429, 500, 502, 503, 504].into();
    let with_storage: BTreeSet<u16> = [429, 500, 502, 503, 504, 507].into();
    assert_eq!(statuses(&tenant, Method::GET, 150).await?, everything);
    assert_eq!(statuses(&tenant, Method::PATCH, 150).await?, everything);
    for method in [Method::POST, Method::PUT, Method::DELETE] {
        assert_eq!(statuses(&tenant, method, 200).await?, with_storage);
    }
    Ok(())
}

#[tokio::test]
async fn configuration_writes_past_200_in_20_seconds_get_429_with_retry_after() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, ADMIN).await?;
    let url = tenant.graph_base().join(CONFIGS)?;
    let http = client()?;
    // Invalid bodies still count as writes, and keep the list small.
    for i in 0..200 {
        let response = http
            .post(url.clone())
            .bearer_auth(&token)
            .json(&json!({}))
            .send()
            .await?;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "write {i}");
    }
    let refused = http
        .post(url.clone())
        .bearer_auth(&token)
        .json(&json!({}))
        .send()
        .await?;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = refused
        .headers()
        .get(RETRY_AFTER)
        .ok_or("no Retry-After")?
        .to_str()?
        .parse()?;
    assert!((1..=20).contains(&wait), "{wait}");
    let body: serde_json::Value = refused.json().await?;
    assert_eq!(text(&body, "/error/code"), "TooManyRequests");
    // Reads have their own, larger budget.
    let (status, _) = graph_json(&tenant, &token, CONFIGS, &[]).await?;
    assert_eq!(status, StatusCode::OK);
    Ok(())
}

#[tokio::test]
async fn drop_rate_cuts_the_connection_without_an_answer() -> TestResult {
    let tenant = start_with(Options {
        drop_rate: 1.0,
        ..Options::default()
    })
    .await?;
    let url = tenant.graph_base().join("v1.0/organization")?;
    let outcome = client()?.get(url).send().await;
    assert!(outcome.is_err(), "got an answer: {outcome:?}");
    let logged = tenant.requests();
    assert!(logged.iter().all(|line| line.status == 0), "{logged:?}");
    Ok(())
}
