//! Device configurations over real HTTP: the reference body is accepted, bodies that break the
//! v1.0 types are refused, `assign` replaces the set, roles, and deployment status.

mod common;

use std::time::Duration;

use common::*;
use demo_tenant::{ADMIN, DemoTenant, HELPDESK, NO_ROLE};
use reqwest::StatusCode;
use serde_json::{Value, json};

const CONFIGS: &str = "v1.0/deviceManagement/deviceConfigurations";

fn reference_body() -> Value {
    json!({
        "@odata.type": "#microsoft.graph.windows10CustomConfiguration",
        "displayName": "Windows Hello PIN recovery",
        "description": "...",
        "omaSettings": [{
            "@odata.type": "#microsoft.graph.omaSettingBoolean",
            "displayName": "EnablePinRecovery",
            "omaUri": "./Device/Vendor/MSFT/PassportForWork/7d2c1f40-5b8e-4a63-9c1d-2e4f6a8b0c13/Policies/EnablePinRecovery",
            "value": true
        }]
    })
}

async fn post(
    tenant: &DemoTenant,
    token: &str,
    path: &str,
    body: &Value,
) -> TestResult<(StatusCode, Value)> {
    let url = tenant.graph_base().join(path)?;
    let response = client()?
        .post(url)
        .bearer_auth(token)
        .json(body)
        .send()
        .await?;
    let status = response.status();
    Ok((status, response.json().await?))
}

async fn create(tenant: &DemoTenant, token: &str) -> TestResult<String> {
    let (status, body) = post(tenant, token, CONFIGS, &reference_body()).await?;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    Ok(text(&body, "/id").to_owned())
}

async fn group_id(tenant: &DemoTenant, token: &str, name: &str) -> TestResult<String> {
    let filter = format!("displayName eq '{}'", name.replace('\'', "''"));
    let (status, body) = graph_json(
        tenant,
        token,
        "v1.0/groups",
        &[("$filter", filter.as_str())],
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    Ok(text(&body, "/value/0/id").to_owned())
}

fn group_target(id: &str) -> Value {
    json!({"target": {"@odata.type": "#microsoft.graph.groupAssignmentTarget", "groupId": id}})
}

#[tokio::test]
async fn the_reference_body_is_created_and_read_back_with_its_settings() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, ADMIN).await?;
    let (status, created) = post(&tenant, &token, CONFIGS, &reference_body()).await?;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = text(&created, "/id");
    assert!(!id.is_empty());
    assert!(!text(&created, "/createdDateTime").is_empty());
    assert_eq!(created["version"], json!(1));
    assert_eq!(created["omaSettings"][0]["value"], json!(true));

    let (status, one) = graph_json(&tenant, &token, &format!("{CONFIGS}/{id}"), &[]).await?;
    assert_eq!(status, StatusCode::OK, "{one}");
    assert_eq!(
        text(&one, "/@odata.type"),
        "#microsoft.graph.windows10CustomConfiguration"
    );
    assert_eq!(
        text(&one, "/omaSettings/0/@odata.type"),
        "#microsoft.graph.omaSettingBoolean"
    );

    // The list is polymorphic and pages with a full-URL nextLink; the seeded profile comes first.
    let (status, first) = graph_json(&tenant, &token, CONFIGS, &[("$top", "1")]).await?;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!(first["value"].as_array().map(Vec::len), Some(1));
    let next = text(&first, "/@odata.nextLink").to_owned();
    assert!(next.starts_with("http"), "{first}");
    let (status, second) = graph_json(&tenant, &token, &next, &[]).await?;
    assert_eq!(status, StatusCode::OK, "{second}");
    assert_eq!(text(&second, "/value/0/id"), id);
    assert!(second.get("@odata.nextLink").is_none());
    // As the real list may: the custom profile's settings come back empty; only a read by ID
    // shows them.
    assert_eq!(second["value"][0]["omaSettings"], json!([]), "{second}");
    Ok(())
}

#[tokio::test]
async fn bodies_that_break_the_types_are_rejected_with_400() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, ADMIN).await?;
    let mut abstract_setting = reference_body();
    abstract_setting["omaSettings"][0]["@odata.type"] = json!("#microsoft.graph.omaSetting");
    let mut no_name = reference_body();
    no_name
        .as_object_mut()
        .ok_or("object")?
        .remove("displayName");
    let mut setting_no_name = reference_body();
    setting_no_name["omaSettings"][0]
        .as_object_mut()
        .ok_or("object")?
        .remove("displayName");
    let mut unknown = reference_body();
    unknown["@odata.type"] = json!("#microsoft.graph.windows99Configuration");
    let mut unknown_setting = reference_body();
    unknown_setting["omaSettings"][0]["@odata.type"] = json!("#microsoft.graph.omaSettingBool");
    let mut wrong_value = reference_body();
    wrong_value["omaSettings"][0]["value"] = json!("true");
    let mut abstract_profile = reference_body();
    abstract_profile["@odata.type"] = json!("#microsoft.graph.deviceConfiguration");
    for (case, body) in [
        ("abstract omaSetting", abstract_setting),
        ("missing displayName", no_name),
        ("missing setting displayName", setting_no_name),
        ("unknown @odata.type", unknown),
        ("unknown setting type", unknown_setting),
        ("string for a Boolean value", wrong_value),
        ("abstract deviceConfiguration", abstract_profile),
    ] {
        let (status, answer) = post(&tenant, &token, CONFIGS, &body).await?;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{case}: {answer}");
        assert_eq!(text(&answer, "/error/code"), "BadRequest", "{case}");
    }
    let (_, list) = graph_json(&tenant, &token, CONFIGS, &[]).await?;
    assert_eq!(list["value"].as_array().map(Vec::len), Some(1), "{list}");
    Ok(())
}

#[tokio::test]
async fn assign_replaces_the_whole_set() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, ADMIN).await?;
    let id = create(&tenant, &token).await?;
    let pilot = group_id(&tenant, &token, "PinDesk pilot users").await?;
    let phones = group_id(&tenant, &token, "Windows 10 Mobile phones").await?;
    let assign = format!("{CONFIGS}/{id}/assign");
    let (status, body) = post(
        &tenant,
        &token,
        &assign,
        &json!({"assignments": [group_target(&pilot)]}),
    )
    .await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(text(&body, "/value/0/target/groupId"), pilot);

    let (status, _) = post(
        &tenant,
        &token,
        &assign,
        &json!({"assignments": [group_target(&phones)]}),
    )
    .await?;
    assert_eq!(status, StatusCode::OK);
    let (status, read) =
        graph_json(&tenant, &token, &format!("{CONFIGS}/{id}/assignments"), &[]).await?;
    assert_eq!(status, StatusCode::OK, "{read}");
    let groups: Vec<&str> = read["value"]
        .as_array()
        .ok_or("no value")?
        .iter()
        .map(|a| text(a, "/target/groupId"))
        .collect();
    assert_eq!(groups, vec![phones.as_str()], "the first group was dropped");

    let bad = json!({"assignments": [{"target": {"@odata.type": "#microsoft.graph.deviceAndAppManagementAssignmentTarget"}}]});
    let (status, _) = post(&tenant, &token, &assign, &bad).await?;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    Ok(())
}

#[tokio::test]
async fn helpdesk_reads_but_gets_intunes_wrapped_403_on_writes() -> TestResult {
    let tenant = start().await?;
    let admin = graph_token(&tenant, ADMIN).await?;
    let id = create(&tenant, &admin).await?;
    let helpdesk = graph_token(&tenant, HELPDESK).await?;
    let (status, _) = graph_json(&tenant, &helpdesk, &format!("{CONFIGS}/{id}"), &[]).await?;
    assert_eq!(status, StatusCode::OK);
    let assign = json!({"assignments": []});
    for (path, body) in [
        (CONFIGS.to_owned(), reference_body()),
        (format!("{CONFIGS}/{id}/assign"), assign),
    ] {
        let (status, answer) = post(&tenant, &helpdesk, &path, &body).await?;
        assert_eq!(status, StatusCode::FORBIDDEN, "{answer}");
        assert_eq!(text(&answer, "/error/code"), "Forbidden");
        let inner: Value = serde_json::from_str(text(&answer, "/error/message"))?;
        assert_eq!(inner["_version"], json!(3), "{inner}");
        assert!(!text(&inner, "/Message").is_empty());
    }
    let nobody = graph_token(&tenant, NO_ROLE).await?;
    let (status, answer) = graph_json(&tenant, &nobody, CONFIGS, &[]).await?;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{answer}");
    assert_eq!(text(&answer, "/error/code"), "UnknownError");
    Ok(())
}

#[tokio::test]
async fn status_overview_counts_move_from_pending_to_success() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, ADMIN).await?;
    let id = create(&tenant, &token).await?;
    let overview_path = format!("{CONFIGS}/{id}/deviceStatusOverview");
    let (_, empty) = graph_json(&tenant, &token, &overview_path, &[]).await?;
    assert_eq!(empty["pendingCount"], json!(0), "{empty}");
    assert_eq!(empty["successCount"], json!(0), "{empty}");

    let pilot = group_id(&tenant, &token, "PinDesk pilot users").await?;
    let assign = format!("{CONFIGS}/{id}/assign");
    let body = json!({"assignments": [group_target(&pilot)]});
    let (status, _) = post(&tenant, &token, &assign, &body).await?;
    assert_eq!(status, StatusCode::OK);

    let count = |v: &Value, name: &str| v[name].as_u64().unwrap_or(u64::MAX);
    let (status, before) = graph_json(&tenant, &token, &overview_path, &[]).await?;
    assert_eq!(status, StatusCode::OK, "{before}");
    let pending = count(&before, "pendingCount");
    let not_applicable = count(&before, "notApplicableCount");
    assert!(pending > 0, "{before}");
    assert!(
        not_applicable > 0,
        "a user group reaches their other devices: {before}"
    );
    assert_eq!(count(&before, "successCount"), 0, "{before}");

    tenant.advance_clock(Duration::from_secs(5));
    let (_, after) = graph_json(&tenant, &token, &overview_path, &[]).await?;
    // Mateo's phone has not checked in for 214 days: it stays pending; the rest succeed.
    assert_eq!(count(&after, "pendingCount"), 1, "{after}");
    assert_eq!(count(&after, "successCount"), pending - 1, "{after}");
    assert_eq!(count(&after, "notApplicableCount"), not_applicable);
    for name in ["errorCount", "failedCount", "conflictCount"] {
        assert_eq!(count(&after, name), 0, "{name}");
    }

    // Intune pages deviceStatuses: every row is there once all `@odata.nextLink` pages are read.
    let statuses_path = format!("{CONFIGS}/{id}/deviceStatuses");
    let (status, mut page) = graph_json(&tenant, &token, &statuses_path, &[("$top", "2")]).await?;
    assert_eq!(status, StatusCode::OK, "{page}");
    let mut rows: Vec<Value> = Vec::new();
    let mut pages = 0;
    loop {
        pages += 1;
        rows.extend(page["value"].as_array().ok_or("no value")?.iter().cloned());
        let Some(next) = page["@odata.nextLink"].as_str() else {
            break;
        };
        assert!(next.contains("top=2"), "the link keeps the query: {next}");
        let response = client()?.get(next).bearer_auth(&token).send().await?;
        assert_eq!(response.status(), StatusCode::OK);
        page = response.json().await?;
    }
    assert!(pages > 1, "the list came in one page");
    assert_eq!(rows.len() as u64, pending + not_applicable);
    assert!(
        rows.iter()
            .all(|r| !text(r, "/deviceDisplayName").is_empty())
    );
    assert!(
        rows.iter()
            .all(|r| !text(r, "/userPrincipalName").is_empty())
    );
    assert!(rows.iter().all(|r| matches!(
        text(r, "/status"),
        "compliant" | "notApplicable" | "unknown"
    )));
    Ok(())
}

#[tokio::test]
async fn every_concrete_oma_setting_type_is_accepted_with_its_value_type() -> TestResult {
    let tenant = start().await?;
    let token = graph_token(&tenant, ADMIN).await?;
    let setting = |kind: &str, value: Value| {
        json!({"@odata.type": format!("#microsoft.graph.{kind}"), "displayName": kind,
               "omaUri": "./Device/Vendor/MSFT/Policy/Config/Test/Setting", "value": value})
    };
    let body = json!({
        "@odata.type": "#microsoft.graph.windows10CustomConfiguration",
        "displayName": "Every setting type",
        "omaSettings": [
            setting("omaSettingBoolean", json!(false)),
            setting("omaSettingInteger", json!(7)),
            setting("omaSettingString", json!("text")),
            setting("omaSettingFloatingPoint", json!(1.5)),
            setting("omaSettingDateTime", json!("2026-01-01T00:00:00Z")),
            setting("omaSettingBase64", json!("aGk=")),
            setting("omaSettingStringXml", json!("PHgvPg==")),
        ],
    });
    let (status, created) = post(&tenant, &token, CONFIGS, &body).await?;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["omaSettings"].as_array().map(Vec::len), Some(7));

    let mut too_big = body.clone();
    too_big["omaSettings"] = json!([setting("omaSettingInteger", json!(1_u64 << 40))]);
    let (status, _) = post(&tenant, &token, CONFIGS, &too_big).await?;
    assert_eq!(status, StatusCode::BAD_REQUEST, "an Int32 cannot hold 2^40");

    let (status, list) =
        graph_json(&tenant, &token, CONFIGS, &[("$select", "id,displayName")]).await?;
    assert_eq!(status, StatusCode::OK, "{list}");
    let item = &list["value"][0];
    assert_eq!(
        text(item, "/@odata.type"),
        "#microsoft.graph.windows10CustomConfiguration"
    );
    assert!(item.get("createdDateTime").is_none(), "{item}");
    Ok(())
}
