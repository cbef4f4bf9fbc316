//! Directory reads over real HTTP: the PIN reset service principals before and after consent on
//! the demo's consent page, and the group picker's `$search` and `startswith`.

mod common;

use common::*;
use demo_tenant::{ADMIN, DemoTenant, HELPDESK, TENANT_ID};
use reqwest::StatusCode;
use serde_json::Value;

const SERVICE: &str = "b8456c59-1230-44c7-a4a2-99b085333e84";
const CLIENT: &str = "9115dd05-fad5-4f9c-acc7-305d08b1b04e";

/// The published consent URL's query, on the demo host, for this tenant by ID (as PinDesk builds
/// it).
async fn consent(tenant: &DemoTenant, app_id: &str, login_as: &str) -> TestResult<StatusCode> {
    let mut url = tenant
        .graph_base()
        .join(&format!("{TENANT_ID}/oauth2/authorize"))?;
    url.query_pairs_mut().extend_pairs([
        ("response_type", "code"),
        ("client_id", app_id),
        ("resource", "https://graph.windows.net"),
        ("redirect_uri", "https://cred.microsoft.com"),
        ("prompt", "admin_consent"),
    ]);
    let page = client()?.get(url.clone()).send().await?;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await?.contains("Permissions requested"));
    let answer = client()?
        .post(url)
        .form(&[("client_id", app_id), ("login_as", login_as)])
        .send()
        .await?;
    Ok(answer.status())
}

async fn by_key(tenant: &DemoTenant, token: &str, app_id: &str) -> TestResult<(StatusCode, Value)> {
    graph_json(
        tenant,
        token,
        &format!("v1.0/servicePrincipals(appId='{app_id}')"),
        &[("$select", "id,appId,displayName,accountEnabled")],
    )
    .await
}

#[tokio::test]
async fn pin_reset_service_principals_are_absent_until_an_administrator_consents() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, HELPDESK).await?;
    for app_id in [SERVICE, CLIENT] {
        let (status, body) = by_key(&tenant, &token, app_id).await?;
        assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
        assert_eq!(text(&body, "/error/code"), "Request_ResourceNotFound");
    }
    let filter = format!("appId eq '{SERVICE}'");
    let (status, body) = graph_json(
        &tenant,
        &token,
        "v1.0/servicePrincipals",
        &[("$filter", filter.as_str())],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["value"].as_array().map(Vec::len), Some(0));

    assert_eq!(
        consent(&tenant, SERVICE, HELPDESK).await?,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        by_key(&tenant, &token, SERVICE).await?.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(consent(&tenant, SERVICE, ADMIN).await?, StatusCode::OK);

    let (status, body) = by_key(&tenant, &token, SERVICE).await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["accountEnabled"], true);
    assert_eq!(text(&body, "/appId"), SERVICE);
    assert_eq!(
        text(&body, "/displayName"),
        "Microsoft Pin Reset Service Production"
    );
    let mut keys: Vec<&String> = body.as_object().ok_or("object")?.keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "@odata.context",
            "accountEnabled",
            "appId",
            "displayName",
            "id"
        ]
    );
    let (_, body) = graph_json(
        &tenant,
        &token,
        "v1.0/servicePrincipals",
        &[("$filter", filter.as_str())],
    )
    .await?;
    assert_eq!(body["value"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        by_key(&tenant, &token, CLIENT).await?.0,
        StatusCode::NOT_FOUND
    );
    Ok(())
}

#[tokio::test]
async fn the_consent_page_refuses_apps_other_than_the_pin_reset_pair() -> TestResult {
    let tenant = start().await?;
    let url = tenant
        .graph_base()
        .join("common/oauth2/authorize?client_id=00000000-0000-0000-0000-000000000001")?;
    let response = client()?.get(url).send().await?;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.text().await?.contains("AADSTS700016"));
    Ok(())
}

/// Entra answers a consent link for a tenant it does not hold (another organisation's ID, or one
/// from another cloud) with AADSTS90002 on its error page, and consents to nothing.
#[tokio::test]
async fn a_consent_link_for_another_tenant_id_is_refused_and_grants_nothing() -> TestResult {
    let tenant = start().await?;
    let other = "0b9e3a52-6c71-4d8f-a2e4-5f6a7b8c9d01";
    let url = tenant.graph_base().join(&format!(
        "{other}/oauth2/authorize?response_type=code&client_id={SERVICE}&prompt=admin_consent"
    ))?;
    let page = client()?.get(url.clone()).send().await?;
    assert_eq!(page.status(), StatusCode::BAD_REQUEST);
    let text = page.text().await?;
    assert!(text.contains("AADSTS90002"), "{text}");
    assert!(text.contains(other));
    let accepted = client()?
        .post(url)
        .form(&[("client_id", SERVICE), ("login_as", ADMIN)])
        .send()
        .await?;
    assert_eq!(accepted.status(), StatusCode::BAD_REQUEST);
    let token = graph_token(&tenant, HELPDESK).await?;
    let (status, _) = by_key(&tenant, &token, SERVICE).await?;
    assert_eq!(status, StatusCode::NOT_FOUND, "nothing was consented");
    Ok(())
}

fn group_names(body: &Value) -> Vec<String> {
    body["value"]
        .as_array()
        .map(|v| {
            v.iter()
                .map(|g| text(g, "/displayName").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn group_search_needs_consistency_level_eventual_and_pages_with_it() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, ADMIN).await?;
    let query = [
        ("$search", "\"displayName:a\""),
        ("$select", "id,displayName"),
        ("$top", "1"),
    ];
    let (status, body) = graph_json(&tenant, &token, "v1.0/groups", &query).await?;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(text(&body, "/error/code"), "Request_UnsupportedQuery");

    let mut url = tenant.graph_base().join("v1.0/groups")?;
    url.query_pairs_mut().extend_pairs(query);
    let mut found = Vec::new();
    let mut next = Some(url.to_string());
    while let Some(link) = next {
        let response = client()?
            .get(link.as_str())
            .bearer_auth(&token)
            .header("ConsistencyLevel", "eventual")
            .send()
            .await?;
        assert_eq!(response.status(), StatusCode::OK);
        let body: Value = response.json().await?;
        found.extend(group_names(&body));
        next = body["@odata.nextLink"].as_str().map(str::to_owned);
    }
    assert_eq!(found, ["Accounts payable", "Area managers"]);
    Ok(())
}

#[tokio::test]
async fn group_startswith_filter_works_without_the_header() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, HELPDESK).await?;
    let (status, body) = graph_json(
        &tenant,
        &token,
        "v1.0/groups",
        &[("$filter", "startswith(displayName,'o''brien')")],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(group_names(&body), ["O'Brien's team"]);
    assert!(text(&body, "/value/0/id").len() == 36);
    Ok(())
}
