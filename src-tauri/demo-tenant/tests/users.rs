//! `GET /users` (the helpdesk's people search) and `GET /users/{id}/managedDevices` over real
//! HTTP: `$search` only with `ConsistencyLevel: eventual`, word starts with case and accents
//! ignored, the documented `$filter` operators only, and one person's devices.

mod common;

use common::*;
use demo_tenant::{HELPDESK, NO_ROLE};
use reqwest::StatusCode;
use serde_json::Value;

async fn people(
    tenant: &demo_tenant::DemoTenant,
    token: &str,
    query: &[(&str, &str)],
    eventual: bool,
) -> TestResult<(StatusCode, Value)> {
    let url = tenant.graph_base().join("v1.0/users")?;
    let mut request = client()?.get(url).bearer_auth(token).query(query);
    if eventual {
        request = request.header("ConsistencyLevel", "eventual");
    }
    let response = request.send().await?;
    let status = response.status();
    Ok((status, response.json().await?))
}

fn display_names(body: &Value) -> Vec<&str> {
    body["value"]
        .as_array()
        .map(|v| v.iter().map(|u| text(u, "/displayName")).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn a_people_search_matches_any_word_start_ignoring_case_and_accents() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, HELPDESK).await?;
    for term in ["zoe", "MARTIN", "Zoë"] {
        let search = format!("\"displayName:{term}\" OR \"userPrincipalName:{term}\"");
        let (status, body) = people(&tenant, &token, &[("$search", &search)], true).await?;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(display_names(&body), ["Zoë Martin"], "{term}");
    }
    let (_, body) = people(
        &tenant,
        &token,
        &[("$search", "\"userPrincipalName:zoe.mar\"")],
        true,
    )
    .await?;
    assert_eq!(display_names(&body), ["Zoë Martin"]);
    let (_, body) = people(
        &tenant,
        &token,
        &[("$search", "\"displayName:artin\"")],
        true,
    )
    .await?;
    assert!(display_names(&body).is_empty(), "{body}");
    Ok(())
}

#[tokio::test]
async fn a_people_search_without_consistency_level_or_on_an_unsupported_property_is_refused()
-> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, HELPDESK).await?;
    let search = [("$search", "\"displayName:zoe\"")];
    let (status, body) = people(&tenant, &token, &search, false).await?;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(text(&body, "/error/code"), "Request_UnsupportedQuery");
    let (status, _) = people(&tenant, &token, &[("$search", "\"jobTitle:x\"")], true).await?;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let contains = [("$filter", "contains(displayName,'zoe')")];
    let (status, _) = people(&tenant, &token, &contains, false).await?;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "users support startswith, not contains"
    );
    let starts = [("$filter", "startswith(surname,'Mar')")];
    let (status, body) = people(&tenant, &token, &starts, false).await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(display_names(&body), ["Zoë Martin"]);
    Ok(())
}

#[tokio::test]
async fn managed_devices_refuse_startswith_and_a_filter_on_the_persons_name() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, HELPDESK).await?;
    for filter in [
        "startswith(userPrincipalName,'zoe')",
        "startswith(deviceName,'Zo')",
        "userDisplayName eq 'Zoë Martin'",
        "contains(userPrincipalName,'zoe')",
    ] {
        let (status, body) = graph_json(
            &tenant,
            &token,
            "v1.0/deviceManagement/managedDevices",
            &[("$filter", filter)],
        )
        .await?;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{filter}: {body}");
    }
    Ok(())
}

#[tokio::test]
async fn a_persons_devices_are_theirs_only_and_an_unknown_person_is_not_found() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, HELPDESK).await?;
    let search = [("$search", "\"displayName:zoe\""), ("$select", "id")];
    let (_, body) = people(&tenant, &token, &search, true).await?;
    let id = text(&body, "/value/0/id").to_owned();
    let path = format!("v1.0/users/{id}/managedDevices");
    let select = [("$select", "deviceName,userPrincipalName")];
    let (status, body) = graph_json(&tenant, &token, &path, &select).await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    let devices = body["value"].as_array().ok_or("no value")?;
    assert!(devices.len() >= 2, "{body}");
    for device in devices {
        assert_eq!(
            text(device, "/userPrincipalName"),
            "zoe.martin@pindesk-demo.example"
        );
    }
    let unknown = "v1.0/users/00000000-0000-0000-0000-000000000000/managedDevices";
    let (status, body) = graph_json(&tenant, &token, unknown, &[]).await?;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let nobody = graph_token(&tenant, NO_ROLE).await?;
    let (status, _) = graph_json(&tenant, &nobody, &path, &[]).await?;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "no Intune role, no devices"
    );
    Ok(())
}
