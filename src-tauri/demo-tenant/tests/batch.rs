//! `POST /v1.0/$batch` over real HTTP: one round trip, and each request answered as if sent alone.

mod common;

use common::*;
use demo_tenant::{DemoTenant, HELPDESK, NO_ROLE};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn batch(
    tenant: &DemoTenant,
    token: Option<&str>,
    body: &Value,
) -> TestResult<(StatusCode, Value)> {
    let mut request = client()?
        .post(tenant.graph_base().join("v1.0/$batch")?)
        .json(body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await?;
    let status = response.status();
    Ok((status, response.json().await?))
}

fn answer<'a>(body: &'a Value, id: &str) -> &'a Value {
    body["responses"]
        .as_array()
        .and_then(|r| r.iter().find(|a| a["id"] == id))
        .unwrap_or(&Value::Null)
}

#[tokio::test]
async fn a_batch_answers_each_request_with_its_own_status_headers_and_body() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, HELPDESK).await?;
    let before = tenant.requests().len();
    let (status, body) = batch(
        &tenant,
        Some(&token),
        &json!({"requests": [
            {"id": "1", "method": "GET", "url": "/organization?$select=id"},
            {"id": "2", "method": "GET", "url": "/me?$select=displayName"},
            {"id": "3", "method": "GET",
             "url": "/servicePrincipals(appId='b8456c59-1230-44c7-a4a2-99b085333e84')"},
            {"id": "4", "method": "GET", "url": "/deviceManagement/managedDevices?$top=2&$select=id"},
            {"id": "5", "method": "GET", "url": "/nothingHere"},
        ]}),
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(answer(&body, "1")["status"], 200);
    assert_eq!(
        text(answer(&body, "1"), "/body/value/0/id"),
        demo_tenant::TENANT_ID
    );
    assert_eq!(
        text(answer(&body, "2"), "/body/displayName"),
        "Harper Helpdesk"
    );
    assert!(text(answer(&body, "2"), "/headers/Content-Type").starts_with("application/json"));
    assert_eq!(answer(&body, "3")["status"], 404);
    assert_eq!(
        text(answer(&body, "3"), "/body/error/code"),
        "Request_ResourceNotFound"
    );
    assert_eq!(
        answer(&body, "4")["body"]["value"].as_array().map(Vec::len),
        Some(2)
    );
    assert_eq!(answer(&body, "5")["status"], 400);
    let logged = &tenant.requests()[before..];
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert_eq!(logged[0].path_and_query, "/v1.0/$batch");
    Ok(())
}

#[tokio::test]
async fn batched_requests_meet_the_same_role_checks_as_single_ones() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, NO_ROLE).await?;
    let (status, body) = batch(
        &tenant,
        Some(&token),
        &json!({"requests": [
            {"id": "a", "method": "GET", "url": "/deviceManagement/managedDevices"},
            {"id": "b", "method": "GET", "url": "/me"},
        ]}),
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(answer(&body, "a")["status"], 401);
    assert_eq!(text(answer(&body, "a"), "/body/error/code"), "UnknownError");
    assert_eq!(answer(&body, "b")["status"], 200);
    Ok(())
}

#[tokio::test]
async fn batches_without_a_token_or_over_twenty_requests_are_refused() -> TestResult {
    let tenant = start().await?;
    let one = json!({"requests": [{"id": "1", "method": "GET", "url": "/me"}]});
    let (status, _) = batch(&tenant, None, &one).await?;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let token = graph_token(&tenant, HELPDESK).await?;
    let many: Vec<Value> = (0..21)
        .map(|i| json!({"id": i.to_string(), "method": "GET", "url": "/me"}))
        .collect();
    let (status, body) = batch(&tenant, Some(&token), &json!({ "requests": many })).await?;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let twice = json!({"requests": [
        {"id": "1", "method": "GET", "url": "/me"},
        {"id": "1", "method": "GET", "url": "/organization"},
    ]});
    assert_eq!(
        batch(&tenant, Some(&token), &twice).await?.0,
        StatusCode::BAD_REQUEST
    );
    Ok(())
}

#[tokio::test]
async fn batched_requests_meet_injected_faults_one_by_one() -> TestResult {
    let tenant = start_with(demo_tenant::Options {
        fault_rate: 0.5,
        ..demo_tenant::Options::default()
    })
    .await?;
    let token = graph_token(&tenant, HELPDESK).await?;
    let requests: Vec<Value> = (0..20)
        .map(|i| json!({"id": i.to_string(), "method": "GET", "url": "/organization"}))
        .collect();
    let mut statuses = Vec::new();
    for _ in 0..10 {
        let (status, body) = batch(&tenant, Some(&token), &json!({ "requests": requests })).await?;
        if status != StatusCode::OK {
            continue;
        }
        for item in body["responses"].as_array().ok_or("no responses")? {
            if item["status"] == 429 {
                assert_eq!(text(item, "/headers/Retry-After"), "1", "{item}");
            }
            statuses.push(item["status"].as_u64().unwrap_or_default());
        }
    }
    assert!(statuses.contains(&200), "{statuses:?}");
    assert!(statuses.contains(&429), "{statuses:?}");
    Ok(())
}

#[tokio::test]
async fn batched_requests_carry_their_own_headers() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, HELPDESK).await?;
    let search = "/groups?$search=%22displayName:area%22&$select=displayName";
    let (status, body) = batch(
        &tenant,
        Some(&token),
        &json!({"requests": [
            {"id": "with", "method": "GET", "url": search,
             "headers": {"ConsistencyLevel": "eventual", "client-request-id": "abc-123"}},
            {"id": "without", "method": "GET", "url": search},
        ]}),
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    let with = answer(&body, "with");
    assert_eq!(with["status"], 200, "{with}");
    assert_eq!(text(with, "/body/value/0/displayName"), "Area managers");
    assert_eq!(text(with, "/headers/client-request-id"), "abc-123");
    assert_eq!(answer(&body, "without")["status"], 400);
    Ok(())
}
