//! The Graph client against the demo tenant: the same HTTP, tokens, faults and request log the
//! app meets in demo mode, counted from the tenant's own log.

mod graph_support;

use std::time::{Duration, Instant};

use demo_tenant::seed::Directory;
use demo_tenant::{HELPDESK, Options, TENANT_ID};
use graph_support::*;
use pindesk_core::graph::models::{ManagedDevice, Organization, ServicePrincipal, TenantId};
use pindesk_core::graph::{
    CancellationToken, Filter, GraphRequest, ResourcePath, Sent, search_term,
};
use serde_json::Value;

const PIN_RESET_SERVICE: &str = "b8456c59-1230-44c7-a4a2-99b085333e84";

fn organization() -> GraphRequest {
    GraphRequest::get(ResourcePath::new("organization")).select(&["id", "displayName"])
}

fn devices() -> ResourcePath {
    ResourcePath::new("deviceManagement/managedDevices")
}

/// The seeded fleet as `(id, deviceName)`, in the tenant's order.
fn seeded_devices(count: usize) -> Vec<(String, String)> {
    Directory::seed(count, time::OffsetDateTime::now_utc())
        .managed_devices
        .iter()
        .map(|d| {
            let name = d
                .properties
                .get("deviceName")
                .and_then(Value::as_str)
                .unwrap_or_default();
            (d.id().to_owned(), name.to_owned())
        })
        .collect()
}

#[tokio::test]
async fn organization_is_read_typed_with_the_tenant_id() {
    let tenant = tenant(Options::default()).await;
    let tokens = DemoTokens::sign_in(&tenant, HELPDESK).await.unwrap();
    let graph = client(tenant.graph_base(), tokens, fast_options());
    let page = graph
        .get_all::<Organization>(&organization(), &CancellationToken::new())
        .await;
    let orgs = page.unwrap().items;
    assert_eq!(orgs.len(), 1);
    assert_eq!(orgs[0].id, Some(TenantId::new(TENANT_ID)));
    assert!(orgs[0].display_name.is_some());
}

#[tokio::test]
async fn a_429_from_the_tenant_is_waited_out_at_least_its_retry_after() {
    let tenant = tenant(Options {
        fault_rate: 0.5,
        ..Options::default()
    })
    .await;
    let tokens = DemoTokens::sign_in(&tenant, HELPDESK).await.unwrap();
    let graph = client(tenant.graph_base(), tokens, fast_options());
    let started = Instant::now();
    for _ in 0..6 {
        let body: Value = graph.get(&organization()).await.unwrap();
        assert_eq!(body["value"][0]["id"], TENANT_ID);
    }
    let elapsed = started.elapsed();
    let log = logged(&tenant, "GET", "/v1.0/organization");
    let throttled = log.iter().filter(|r| r.status == 429).count();
    assert!(throttled > 0, "the seeded faults include a 429: {log:?}");
    // The tenant sends `Retry-After: 1` with every 429; the calls run one after another.
    let floor = Duration::from_secs(u64::try_from(throttled).unwrap());
    assert!(
        elapsed >= floor,
        "{throttled} 429s but only {elapsed:?} waited"
    );
    assert_eq!(log.iter().filter(|r| r.status == 200).count(), 6);
}

#[tokio::test]
async fn post_once_never_sends_a_post_twice_even_under_faults() {
    let tenant = tenant(Options {
        fault_rate: 0.5,
        ..Options::default()
    })
    .await;
    let tokens = DemoTokens::sign_in(&tenant, HELPDESK).await.unwrap();
    let graph = client(tenant.graph_base(), tokens, fast_options());
    let fleet = seeded_devices(40);
    let mut ambiguous = 0;
    for (id, _) in fleet.iter().take(12) {
        let path = devices().id(id).then("resetPasscode");
        match graph.post_once::<Value, ()>(&path, None).await {
            Ok(Sent::Ambiguous(_)) => ambiguous += 1,
            Ok(Sent::Completed(())) | Err(_) => {}
        }
    }
    for (id, _) in fleet.iter().take(12) {
        let path = format!("/v1.0/deviceManagement/managedDevices/{id}/resetPasscode");
        let posts = logged(&tenant, "POST", &path);
        assert_eq!(posts.len(), 1, "{path}: {posts:?}");
    }
    assert!(ambiguous > 0, "the faults made some outcomes ambiguous");
}

#[tokio::test]
async fn an_expired_token_is_refreshed_once_and_the_request_retried_once() {
    let tenant = tenant(Options::default()).await;
    let tokens = DemoTokens::sign_in(&tenant, HELPDESK).await.unwrap();
    // The tenant's hour has passed; the token source has not noticed.
    tenant.advance_clock(Duration::from_secs(3601));
    let graph = client(tenant.graph_base(), tokens.clone(), fast_options());
    let body: Value = graph.get(&organization()).await.unwrap();
    assert_eq!(body["value"][0]["id"], TENANT_ID);
    assert_eq!(tokens.refreshes(), 1);
    let statuses: Vec<u16> = logged(&tenant, "GET", "/v1.0/organization")
        .iter()
        .map(|r| r.status)
        .collect();
    assert_eq!(statuses, [401, 200]);
}

#[tokio::test]
async fn with_half_of_gets_failing_the_client_still_returns_complete_correct_pages() {
    let tenant = tenant(Options {
        fault_rate: 0.5,
        devices: 40,
        ..Options::default()
    })
    .await;
    let tokens = DemoTokens::sign_in(&tenant, HELPDESK).await.unwrap();
    let graph = client(tenant.graph_base(), tokens, fast_options());
    let request = GraphRequest::get(devices())
        .select(&["id", "deviceName"])
        .top(7);
    let all = graph
        .get_all::<ManagedDevice>(&request, &CancellationToken::new())
        .await
        .unwrap();
    assert!(all.complete);
    assert!(all.pages >= 6, "40 devices at 7 a page: {}", all.pages);
    let got: Vec<(String, String)> = all
        .items
        .iter()
        .map(|d| {
            let id = d.id.as_ref().map(|i| i.to_string()).unwrap_or_default();
            (id, d.device_name.clone().unwrap_or_default())
        })
        .collect();
    assert_eq!(got, seeded_devices(40));
    let log = logged(&tenant, "GET", "/v1.0/deviceManagement/managedDevices");
    assert!(
        log.iter().any(|r| r.status >= 429),
        "faults were injected: {log:?}"
    );
}

#[tokio::test]
async fn every_seeded_device_name_is_found_by_exactly_its_escaped_filter() {
    let tenant = tenant(Options::default()).await;
    let tokens = DemoTokens::sign_in(&tenant, HELPDESK).await.unwrap();
    let graph = client(tenant.graph_base(), tokens, fast_options());
    let fleet = seeded_devices(Options::default().devices);
    assert!(
        fleet.iter().any(|(_, name)| name.contains('\'')),
        "a name with a quote"
    );
    for (id, name) in &fleet {
        let request = GraphRequest::get(devices())
            .filter(Filter::eq("deviceName", name.as_str()))
            .select(&["id", "deviceName"]);
        let found = graph
            .get_all::<ManagedDevice>(&request, &CancellationToken::new())
            .await;
        let ids: Vec<String> = found
            .unwrap()
            .items
            .iter()
            .filter_map(|d| d.id.as_ref().map(|i| i.to_string()))
            .collect();
        let expected: Vec<&String> = fleet
            .iter()
            .filter(|(_, n)| n == name)
            .map(|(i, _)| i)
            .collect();
        assert!(ids.contains(id), "{name}: {ids:?}");
        assert_eq!(ids.len(), expected.len(), "{name}: {ids:?}");
    }
}

#[tokio::test]
async fn group_search_pages_carry_consistency_level_to_the_end() {
    let tenant = tenant(Options::default()).await;
    let tokens = DemoTokens::sign_in(&tenant, HELPDESK).await.unwrap();
    let graph = client(tenant.graph_base(), tokens, fast_options());
    let request = GraphRequest::get(ResourcePath::new("groups"))
        .search(search_term("displayName", "a"))
        .select(&["id", "displayName"])
        .top(1);
    let all = graph
        .get_all::<Value>(&request, &CancellationToken::new())
        .await
        .unwrap();
    assert!(all.complete);
    assert!(
        all.pages > 1,
        "one group a page, so several pages: {}",
        all.pages
    );
    let log = logged(&tenant, "GET", "/v1.0/groups");
    assert_eq!(log.len(), all.pages);
    assert!(log.iter().all(|r| r.status == 200), "{log:?}");
}

#[tokio::test]
async fn batching_four_reads_costs_one_round_trip_on_the_tenant() {
    let tenant = tenant(Options::default()).await;
    let tokens = DemoTokens::sign_in(&tenant, HELPDESK).await.unwrap();
    let graph = client(tenant.graph_base(), tokens, fast_options());
    let before = tenant.requests().len();
    let reads = [
        organization(),
        GraphRequest::get(ResourcePath::new("me")).select(&["id", "displayName"]),
        GraphRequest::get(devices()).select(&["id"]).top(3),
        GraphRequest::get(ResourcePath::new("servicePrincipals").key("appId", PIN_RESET_SERVICE))
            .select(&["id", "appId", "accountEnabled"]),
    ];
    let answers = graph.batch(&reads).await.unwrap();
    let requests = &tenant.requests()[before..];
    assert_eq!(requests.len(), 1, "{requests:?}");
    assert_eq!(
        (
            requests[0].method.as_str(),
            requests[0].path_and_query.as_str()
        ),
        ("POST", "/v1.0/$batch")
    );
    let mut answers = answers.into_iter();
    let org = answers.next().unwrap().json::<Value>().unwrap();
    assert_eq!(org["value"][0]["id"], TENANT_ID);
    assert!(answers.next().unwrap().json::<Value>().unwrap()["id"].is_string());
    assert_eq!(
        answers.next().unwrap().json::<Value>().unwrap()["value"]
            .as_array()
            .map(Vec::len),
        Some(3)
    );
    // Before consent the PIN reset service principal is absent: a 404 of its own, not a failure
    // of the whole batch.
    let sp = answers.next().unwrap().json::<ServicePrincipal>();
    assert!(sp.as_ref().is_err_and(|e| e.is_not_found()), "{sp:?}");
}
