//! `assign` replaces a profile's whole set of assignments, so the set it sends must be the whole
//! current one: every page read right before, and unchanged since the window showed it.

mod graph_support;

use graph_support::*;
use pindesk_core::CoreError;
use pindesk_core::Failure;
use pindesk_core::graph::models::DeviceConfigurationId;
use pindesk_core::setup::{NewTarget, assign, assignments};
use serde_json::{Value, json};

const ASSIGNMENTS: &str = "/v1.0/deviceManagement/deviceConfigurations/p-1/assignments";

fn profile() -> DeviceConfigurationId {
    DeviceConfigurationId::new("p-1")
}

fn all_devices() -> Value {
    json!({"target": {"@odata.type": "#microsoft.graph.allDevicesAssignmentTarget"}})
}

fn future_target() -> Value {
    json!({"target": {"@odata.type": "#microsoft.graph.someFutureTarget", "x": 1}})
}

/// Two pages of assignments; the `assign` answer echoes the set it was sent.
async fn two_pages() -> ScriptServer {
    ScriptServer::start_with_base(|base| {
        let next = format!(
            "{base}v1.0/deviceManagement/deviceConfigurations/p-1/assignments?$skiptoken=2"
        );
        move |seen: &Seen, _| match (seen.method.as_str(), seen.target.as_str()) {
            ("GET", t) if t.starts_with(ASSIGNMENTS) && t.contains("skiptoken") => {
                Script::json(200, json!({"value": [future_target()]}))
            }
            ("GET", t) if t.starts_with(ASSIGNMENTS) => Script::json(
                200,
                json!({"value": [all_devices()], "@odata.nextLink": next}),
            ),
            ("POST", t) if t.ends_with("/assign") => {
                Script::json(200, json!({"value": seen.json()["assignments"]}))
            }
            _ => Script::json(404, json!({"error": {"code": "NotFound", "message": "no"}})),
        }
    })
    .await
}

#[tokio::test]
async fn assign_reads_every_page_and_keeps_the_targets_of_the_last_one() {
    let server = two_pages().await;
    let graph = client(server.base.clone(), FixedToken::new("t"), fast_options());
    let shown: Vec<String> = assignments(&graph, &profile())
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.key)
        .collect();
    assert_eq!(shown.len(), 2, "both pages are shown");
    let after = assign(&graph, &profile(), &NewTarget::AllUsers, &shown)
        .await
        .unwrap();
    assert_eq!(after.len(), 3);
    let posts: Vec<Seen> = server
        .seen()
        .into_iter()
        .filter(|s| s.method == "POST")
        .collect();
    assert_eq!(posts.len(), 1);
    let sent = posts[0].json()["assignments"].clone();
    assert_eq!(sent.as_array().unwrap().len(), 3, "{sent}");
    assert!(
        sent.as_array().unwrap().contains(&future_target()),
        "{sent}"
    );
}

#[tokio::test]
async fn a_set_changed_since_the_window_showed_it_is_reported_and_nothing_is_sent() {
    let server = two_pages().await;
    let graph = client(server.base.clone(), FixedToken::new("t"), fast_options());
    // The window showed only "all devices"; someone has added a target since.
    let shown: Vec<String> = assignments(&graph, &profile())
        .await
        .unwrap()
        .into_iter()
        .filter(|a| a.kind == pindesk_core::setup::TargetKind::AllDevices)
        .map(|a| a.key)
        .collect();
    let error = assign(&graph, &profile(), &NewTarget::AllUsers, &shown)
        .await
        .unwrap_err();
    assert!(matches!(error, CoreError::AssignmentsChanged), "{error:?}");
    assert_eq!(error.failure_kind(), "assignmentsChanged");
    assert!(server.seen().iter().all(|s| s.method != "POST"));
}
