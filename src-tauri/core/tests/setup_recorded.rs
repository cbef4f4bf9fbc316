//! The setup's reads against recorded Graph answers (`fixtures/`, each shape's source in
//! `fixtures/SOURCE.md`), served by a scripted server that shows every request as sent.

// Test code: a panic is the right way for it to fail.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod graph_support;

use graph_support::*;
use pindesk_core::graph::GraphOptions;
use pindesk_core::graph::models::DeviceConfigurationId;
use pindesk_core::setup::{deployment, ensure_policy};
use serde_json::{Value, json};

const POLICY: &str = "7f1d2c3b-0000-4000-8000-000000000001";
const TENANT: &str = "3f1c2b4a-9d8e-4f70-a1b2-c3d4e5f60718";

fn fixture(name: &str, base: &url::Url) -> Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    let text = text
        .replace("{BASE}", base.as_str())
        .replace("{TENANT}", TENANT);
    serde_json::from_str(&text).unwrap()
}

fn policy() -> DeviceConfigurationId {
    DeviceConfigurationId::new(POLICY)
}

/// The batch answers the overview and the first page; the next link answers the second page.
fn intune(base: url::Url) -> impl Fn(&Seen, usize) -> Script + Send + Sync + 'static {
    move |seen, _| {
        if seen.target.contains("$batch") {
            let responses: Vec<Value> = seen.json()["requests"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .iter()
                .map(|r| {
                    let url = r["url"].as_str().unwrap_or_default();
                    let body = if url.contains("deviceStatusOverview") {
                        fixture("device_status_overview.json", &base)
                    } else {
                        fixture("device_statuses_page1.json", &base)
                    };
                    json!({"id": r["id"], "status": 200, "body": body})
                })
                .collect();
            Script::json(200, json!({"responses": responses}))
        } else {
            Script::json(200, fixture("device_statuses_page2.json", &base))
        }
    }
}

#[tokio::test]
async fn every_page_of_device_statuses_is_read_with_errors_first_in_two_round_trips() {
    let server = ScriptServer::start_with_base(intune).await;
    let graph = client(server.base.clone(), FixedToken::new("t"), fast_options());
    let found = deployment(&graph, &policy()).await.unwrap();
    let seen = server.seen();
    assert_eq!(seen.len(), 2, "one batch, then the second page");
    assert!(seen[1].target.contains("$skiptoken=LastItemIndex"));
    assert!(found.complete);
    assert_eq!(found.devices.len(), 4, "rows of both pages");
    assert_eq!(found.devices[0].device, "LAPTOP-OLD1607");
    assert_eq!(found.devices[0].status, "error");
    assert!(found.devices[0].needs_attention);
    let system: Vec<_> = found.devices.iter().filter(|d| d.device_context).collect();
    assert_eq!(system.len(), 1);
    assert_eq!(
        system[0].user, None,
        "\"System account\" is not shown as a person"
    );
    assert_eq!(found.counts.errors, 1);
}

#[tokio::test]
async fn at_the_page_limit_the_device_list_says_it_is_partial() {
    let server = ScriptServer::start_with_base(intune).await;
    let options = GraphOptions {
        max_pages: 1,
        ..fast_options()
    };
    let graph = client(server.base.clone(), FixedToken::new("t"), options);
    let found = deployment(&graph, &policy()).await.unwrap();
    assert_eq!(server.seen().len(), 1, "no page beyond the limit");
    assert!(!found.complete);
    assert_eq!(found.devices.len(), 2);
}

/// Graph's list of profiles as it may answer: the PIN recovery profile with `omaSettings: []`,
/// another with masked secret values. Reads by ID are answered in a batch.
fn thin_intune(base: url::Url) -> impl Fn(&Seen, usize) -> Script + Send + Sync + 'static {
    move |seen, _| {
        let target = seen.target.as_str();
        if seen.method == "POST" && target.contains("$batch") {
            let responses: Vec<Value> = seen.json()["requests"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .iter()
                .map(|r| {
                    let url = r["url"].as_str().unwrap_or_default();
                    let body = fixture("device_configuration_by_id.json", &base);
                    if url.contains("a001") {
                        json!({"id": r["id"], "status": 200, "body": body})
                    } else {
                        json!({"id": r["id"], "status": 200, "body": {
                            "@odata.type": "#microsoft.graph.windows10CustomConfiguration",
                            "id": "0c6c3f2e-0000-4000-8000-00000000a002",
                            "displayName": "Wi-Fi certificate", "omaSettings": []}})
                    }
                })
                .collect();
            Script::json(200, json!({"responses": responses}))
        } else if seen.method == "POST" {
            Script::json(
                500,
                json!({"error": {"code": "NotExpected", "message": target}}),
            )
        } else if target.contains("organization") {
            Script::json(200, fixture("organization.json", &base))
        } else {
            Script::json(200, fixture("device_configurations_thin_list.json", &base))
        }
    }
}

#[tokio::test]
async fn a_thin_list_of_profiles_is_read_by_id_and_the_existing_profile_reused_not_duplicated() {
    let server = ScriptServer::start_with_base(thin_intune).await;
    let graph = client(server.base.clone(), FixedToken::new("t"), fast_options());
    let choice = ensure_policy(&graph, TENANT).await.unwrap();
    assert!(!choice.created, "no second PIN recovery profile");
    assert_eq!(choice.profile.name, "Hello for Business - PIN recovery");
    let seen = server.seen();
    let posts: Vec<&str> = seen
        .iter()
        .filter(|s| s.method == "POST")
        .map(|s| s.target.as_str())
        .collect();
    assert_eq!(posts, ["/v1.0/$batch"], "only the reads by ID were posted");
    let batch = seen.iter().find(|s| s.target.contains("$batch")).unwrap();
    let urls: Vec<String> = batch.json()["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["url"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(urls.len(), 2, "the empty one and the masked one: {urls:?}");
    assert_eq!(seen.len(), 3, "organisation, list, one batch");
}
