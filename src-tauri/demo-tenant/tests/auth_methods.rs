//! Authentication methods, the Temporary Access Pass policy and pass creation over real HTTP:
//! Graph's shapes, its scopes and roles, and the pass only ever in the creation's answer.

mod common;

use common::*;
use demo_tenant::{ADMIN, DemoTenant, HELPDESK, NO_ROLE};
use reqwest::StatusCode;
use serde_json::{Value, json};

const POLICY: &str = "v1.0/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass";
const READ_ONLY: &str =
    "openid offline_access https://graph.microsoft.com/UserAuthenticationMethod.Read.All";

fn upn(alias: &str) -> String {
    format!("{alias}@pindesk-demo.example")
}

async fn create(
    tenant: &DemoTenant,
    token: &str,
    user: &str,
    body: &Value,
) -> TestResult<(StatusCode, Value)> {
    let url = tenant.graph_base().join(&format!(
        "v1.0/users/{user}/authentication/temporaryAccessPassMethods"
    ))?;
    let response = client()?
        .post(url)
        .bearer_auth(token)
        .json(body)
        .send()
        .await?;
    Ok((response.status(), response.json().await?))
}

fn types(body: &Value) -> Vec<String> {
    body["value"]
        .as_array()
        .map(|v| {
            v.iter()
                .map(|m| text(m, "/@odata.type").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn methods_come_with_their_odata_type_and_some_people_have_no_mfa_method() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, HELPDESK).await?;
    let path = |alias: &str| format!("v1.0/users/{}/authentication/methods", upn(alias));
    let (status, ana) = graph_json(&tenant, &token, &path("ana.souza"), &[]).await?;
    assert_eq!(status, StatusCode::OK, "{ana}");
    assert!(
        types(&ana)
            .contains(&"#microsoft.graph.microsoftAuthenticatorAuthenticationMethod".to_owned())
    );
    let (_, ngozi) = graph_json(&tenant, &token, &path("ngozi.okafor"), &[]).await?;
    assert_eq!(
        types(&ngozi),
        ["#microsoft.graph.passwordAuthenticationMethod"]
    );
    Ok(())
}

#[tokio::test]
async fn reading_methods_needs_the_scope_and_an_authentication_role() -> TestResult {
    let tenant = start().await?;
    let path = format!("v1.0/users/{}/authentication/methods", upn("ana.souza"));
    let narrow = graph_token_with(&tenant, HELPDESK, SCOPE).await?;
    let (status, body) = graph_json(&tenant, &narrow, &path, &[]).await?;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(text(&body, "/error/code"), "Authorization_RequestDenied");
    let norole = graph_token(&tenant, NO_ROLE).await?;
    let (status, body) = graph_json(&tenant, &norole, &path, &[]).await?;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(text(&body, "/error/code"), "accessDenied");
    Ok(())
}

#[tokio::test]
async fn the_pass_policy_is_on_for_groups_with_its_lifetimes() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, HELPDESK).await?;
    let (status, policy) = graph_json(&tenant, &token, POLICY, &[]).await?;
    assert_eq!(status, StatusCode::OK, "{policy}");
    assert_eq!(policy["state"], "enabled");
    assert_eq!(policy["includeTargets"][0]["targetType"], "group");
    for name in [
        "defaultLifetimeInMinutes",
        "minimumLifetimeInMinutes",
        "maximumLifetimeInMinutes",
        "defaultLength",
    ] {
        assert!(policy[name].is_u64(), "{name}");
    }
    assert_eq!(policy["isUsableOnce"], true);
    let read_only = graph_token_with(&tenant, HELPDESK, READ_ONLY).await?;
    let (status, _) = graph_json(&tenant, &read_only, POLICY, &[]).await?;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Reading the policy takes Global Reader or Authentication Policy Administrator.
    let norole = graph_token(&tenant, NO_ROLE).await?;
    let (status, body) = graph_json(&tenant, &norole, POLICY, &[]).await?;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(text(&body, "/error/code"), "accessDenied");
    Ok(())
}

#[tokio::test]
async fn a_pass_is_in_the_creation_answer_only_and_never_in_the_request_log() -> TestResult {
    let log = std::env::temp_dir().join(format!("tap-log-{}.txt", std::process::id()));
    let tenant = start_with(demo_tenant::Options {
        request_log: Some(log.clone()),
        ..demo_tenant::Options::default()
    })
    .await?;
    let token = graph_token(&tenant, HELPDESK).await?;
    let user = upn("ngozi.okafor");
    let (status, made) = create(
        &tenant,
        &token,
        &user,
        &json!({"lifetimeInMinutes": 60, "isUsableOnce": true}),
    )
    .await?;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let pass = text(&made, "/temporaryAccessPass").to_owned();
    assert_eq!(pass.len(), 8);
    assert_eq!(made["lifetimeInMinutes"], 60);
    assert_eq!(made["isUsable"], true);
    let path = format!("v1.0/users/{user}/authentication/temporaryAccessPassMethods");
    let (_, read) = graph_json(&tenant, &token, &path, &[]).await?;
    assert_eq!(read["value"].as_array().map(Vec::len), Some(1), "{read}");
    assert_eq!(read["value"][0]["temporaryAccessPass"], Value::Null);
    assert!(!read.to_string().contains(&pass));
    let written = std::fs::read_to_string(&log)?;
    assert!(written.contains("POST /v1.0/users/"), "{written}");
    assert!(!written.contains(&pass));
    let _ = std::fs::remove_file(log);
    Ok(())
}

#[tokio::test]
async fn the_documented_refusals_of_a_pass() -> TestResult {
    let tenant = start().await?;
    let helpdesk = graph_token(&tenant, HELPDESK).await?;
    // Not in the policy's groups.
    let (status, body) = create(&tenant, &helpdesk, &upn("kenji.watanabe"), &json!({})).await?;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    // Outside the policy's lifetime bounds, or reusable where the policy says one-time.
    let ngozi = upn("ngozi.okafor");
    let (status, _) = create(&tenant, &helpdesk, &ngozi, &json!({"lifetimeInMinutes": 5})).await?;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = create(&tenant, &helpdesk, &ngozi, &json!({"isUsableOnce": false})).await?;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = create(&tenant, &helpdesk, &ngozi, &json!({"secret": 1})).await?;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // An administrator takes a Privileged Authentication Administrator.
    let (status, body) = create(&tenant, &helpdesk, ADMIN, &json!({})).await?;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(text(&body, "/error/code"), "accessDenied");
    // No role at all; and a token without the write scope.
    let norole = graph_token(&tenant, NO_ROLE).await?;
    let (status, _) = create(&tenant, &norole, &ngozi, &json!({})).await?;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let read_only = graph_token_with(&tenant, HELPDESK, READ_ONLY).await?;
    let (status, body) = create(&tenant, &read_only, &ngozi, &json!({})).await?;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(text(&body, "/error/code"), "Authorization_RequestDenied");
    Ok(())
}

#[tokio::test]
async fn a_stale_device_stays_pending_and_one_desktop_fails_the_pin_recovery_profile() -> TestResult
{
    let tenant = start().await?;
    let token = graph_token(&tenant, ADMIN).await?;
    let body = json!({
        "@odata.type": "#microsoft.graph.windows10CustomConfiguration",
        "displayName": "Windows Hello PIN recovery",
        "omaSettings": [{"@odata.type": "#microsoft.graph.omaSettingBoolean", "displayName": "EnablePinRecovery",
            "omaUri": format!("./Device/Vendor/MSFT/PassportForWork/{}/Policies/EnablePinRecovery", tenant.tenant_id()), "value": true}],
    });
    let configs = tenant
        .graph_base()
        .join("v1.0/deviceManagement/deviceConfigurations")?;
    let made: Value = client()?
        .post(configs)
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await?
        .json()
        .await?;
    let id = text(&made, "/id").to_owned();
    let (_, groups) = graph_json(&tenant, &token, "v1.0/groups", &[]).await?;
    let group = |name: &str| {
        groups["value"]
            .as_array()
            .and_then(|g| g.iter().find(|g| g["displayName"] == name))
            .map(|g| text(g, "/id").to_owned())
    };
    let targets: Vec<Value> = ["Finance – Windows devices", "Helpdesk staff"]
        .iter()
        .filter_map(|n| group(n))
        .chain(std::iter::once(group("Area managers").unwrap_or_default()))
        .map(|g| json!({"target": {"@odata.type": "#microsoft.graph.groupAssignmentTarget", "groupId": g}}))
        .collect();
    // The admin's own desktop comes in through a device-less user group only if assigned: add
    // every device, so the failing desktop is in scope too.
    let mut targets = targets;
    targets.push(json!({"target": {"@odata.type": "#microsoft.graph.allDevicesAssignmentTarget"}}));
    let assign = tenant.graph_base().join(&format!(
        "v1.0/deviceManagement/deviceConfigurations/{id}/assign"
    ))?;
    let status = client()?
        .post(assign)
        .bearer_auth(&token)
        .json(&json!({"assignments": targets}))
        .send()
        .await?
        .status();
    assert_eq!(status, StatusCode::OK);
    tenant.advance_clock(std::time::Duration::from_secs(5));
    let mut rows = Vec::new();
    let mut next = Some(
        tenant
            .graph_base()
            .join(&format!(
                "v1.0/deviceManagement/deviceConfigurations/{id}/deviceStatuses"
            ))?
            .to_string(),
    );
    while let Some(url) = next.take() {
        let page: Value = client()?
            .get(&url)
            .bearer_auth(&token)
            .send()
            .await?
            .json()
            .await?;
        rows.extend(page["value"].as_array().cloned().unwrap_or_default());
        next = page["@odata.nextLink"].as_str().map(str::to_owned);
    }
    let status_of = |name: &str| {
        rows.iter()
            .find(|r| r["deviceDisplayName"] == name)
            .map(|r| text(r, "/status").to_owned())
    };
    assert_eq!(status_of("NW-LT-1703").as_deref(), Some("unknown"));
    assert_eq!(status_of("NW-DT-0300").as_deref(), Some("error"));
    assert_eq!(status_of("Sales #4 / North").as_deref(), Some("compliant"));
    assert_eq!(rows.iter().filter(|r| r["status"] == "error").count(), 1);
    Ok(())
}
