//! Paging through `@odata.nextLink` and JSON batching, against a scripted server that shows
//! every request as sent.

mod graph_support;

use pindesk_core::Failure;
use std::time::{Duration, Instant};

use graph_support::*;
use pindesk_core::graph::{
    CancellationToken, Filter, GraphError, GraphOptions, GraphRequest, ResourcePath, search_term,
};
use serde_json::{Value, json};
use url::Url;

fn groups_search() -> GraphRequest {
    GraphRequest::get(ResourcePath::new("groups"))
        .search(search_term("displayName", "Help desk"))
        .select(&["id", "displayName"])
        .top(2)
}

/// Three pages of groups; each page links to the next through the server's own address.
fn paged_groups(base: Url) -> impl Fn(&Seen, usize) -> Script + Send + Sync + 'static {
    move |_, n| {
        let next = format!("{base}v1.0/groups?$skiptoken=page{}", n + 1);
        let mut body = json!({"value": [{"id": format!("g{}a", n)}, {"id": format!("g{}b", n)}]});
        if n < 2 {
            body["@odata.nextLink"] = json!(next);
        }
        Script::json(200, body)
    }
}

#[tokio::test]
async fn paging_resends_consistency_level_on_every_next_link_page() {
    let server = ScriptServer::start_with_base(paged_groups).await;
    let graph = client(server.base.clone(), FixedToken::new("t"), fast_options());
    let all = graph
        .get_all::<Value>(&groups_search(), &CancellationToken::new())
        .await
        .unwrap();
    let ids: Vec<&str> = all.items.iter().filter_map(|g| g["id"].as_str()).collect();
    assert_eq!(ids, ["g0a", "g0b", "g1a", "g1b", "g2a", "g2b"]);
    assert!(all.complete);
    assert_eq!(all.pages, 3);
    let seen = server.seen();
    assert_eq!(seen.len(), 3);
    for request in &seen {
        assert_eq!(
            request.header("consistencylevel"),
            Some("eventual"),
            "{}",
            request.target
        );
    }
    assert!(
        seen[0]
            .target
            .contains("$search=%22displayName:Help%20desk%22"),
        "{}",
        seen[0].target
    );
    assert!(
        seen[1].target.ends_with("$skiptoken=page1"),
        "{}",
        seen[1].target
    );

    // Without $search or $count nothing asks for eventual consistency.
    let plain = ScriptServer::start_with_base(paged_groups).await;
    let graph = client(plain.base.clone(), FixedToken::new("t"), fast_options());
    let request = GraphRequest::get(ResourcePath::new("groups"))
        .filter(Filter::starts_with("displayName", "Help"));
    graph
        .get_all::<Value>(&request, &CancellationToken::new())
        .await
        .unwrap();
    assert!(
        plain
            .seen()
            .iter()
            .all(|r| r.header("consistencylevel").is_none())
    );
}

#[tokio::test]
async fn the_page_cap_stops_the_walk_and_says_the_list_is_incomplete() {
    let server = ScriptServer::start_with_base(paged_groups).await;
    let options = GraphOptions {
        max_pages: 2,
        ..fast_options()
    };
    let graph = client(server.base.clone(), FixedToken::new("t"), options);
    let some = graph
        .get_all::<Value>(&groups_search(), &CancellationToken::new())
        .await
        .unwrap();
    assert_eq!((some.items.len(), some.pages, some.complete), (4, 2, false));
    assert_eq!(server.seen().len(), 2);
}

#[tokio::test]
async fn cancelling_stops_paging_even_while_waiting_out_a_retry_after() {
    let server = ScriptServer::start(|_, _| {
        Script::json(
            429,
            json!({"error": {"code": "TooManyRequests", "message": "wait"}}),
        )
        .with_header("Retry-After", "30")
    })
    .await;
    let graph = client(server.base.clone(), FixedToken::new("t"), fast_options());
    let cancel = CancellationToken::new();
    // Cancelled once the first "not now" has reached the client, which then waits 30 seconds.
    let cancel_when_told_to_wait = async {
        server.until_answered(1).await;
        cancel.cancel();
    };
    let search = groups_search();
    let started = Instant::now();
    let (read, ()) = tokio::join!(
        graph.get_all::<Value>(&search, &cancel),
        cancel_when_told_to_wait
    );
    let error = read.unwrap_err();
    assert!(matches!(error, GraphError::Cancelled), "{error:?}");
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(error.failure_kind(), "cancelled");
}

#[tokio::test]
async fn a_next_link_to_another_host_is_refused_and_gets_no_token() {
    let server = ScriptServer::start(|_, _| {
        Script::json(
            200,
            json!({"value": [], "@odata.nextLink": "https://evil.example/v1.0/groups"}),
        )
    })
    .await;
    let graph = client(server.base.clone(), FixedToken::new("t"), fast_options());
    let error = graph
        .get_all::<Value>(&groups_search(), &CancellationToken::new())
        .await;
    assert!(matches!(error, Err(GraphError::Refused(_))), "{error:?}");
    assert_eq!(server.seen().len(), 1);
}

fn batch_echo(seen: &Seen, n: usize) -> Script {
    let requests = seen.json()["requests"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let responses: Vec<Value> = requests
        .iter()
        .map(|r| {
            let id = r["id"].as_str().unwrap_or_default().to_owned();
            if n == 0 && id == "2" {
                return json!({"id": id, "status": 429, "headers": {"Retry-After": "1"},
                    "body": {"error": {"code": "TooManyRequests", "message": "wait"}}});
            }
            if id == "3" {
                return json!({"id": id, "status": 404, "body": {"error": {
                    "code": "Request_ResourceNotFound", "message": "gone",
                    "innerError": {"request-id": "sub-3"}}}});
            }
            json!({"id": id, "status": 200, "headers": {"Content-Type": "application/json"},
                "body": {"url": r["url"], "eventual": r["headers"]["ConsistencyLevel"]}})
        })
        .collect();
    Script::json(200, json!({"responses": responses}))
}

fn four_reads() -> Vec<GraphRequest> {
    vec![
        GraphRequest::get(ResourcePath::new("organization")).select(&["id", "displayName"]),
        GraphRequest::get(ResourcePath::new("servicePrincipals").key("appId", "b8456c59"))
            .select(&["id", "accountEnabled"]),
        GraphRequest::get(ResourcePath::new("servicePrincipals").key("appId", "9115dd05")),
        groups_search(),
    ]
}

#[tokio::test]
async fn batching_four_reads_costs_one_round_trip() {
    let server = ScriptServer::start(|seen, _| {
        let requests = seen.json()["requests"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let responses: Vec<Value> = requests
            .iter()
            .map(|r| json!({"id": r["id"], "status": 200, "body": {"url": r["url"]}}))
            .collect();
        Script::json(200, json!({"responses": responses}))
    })
    .await;
    let graph = client(server.base.clone(), FixedToken::new("t"), fast_options());
    let answers = graph.batch(&four_reads()).await.unwrap();
    let urls: Vec<String> = answers
        .into_iter()
        .map(|a| {
            a.json::<Value>().unwrap()["url"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    assert_eq!(
        urls,
        [
            "/organization?$select=id,displayName",
            "/servicePrincipals(appId='b8456c59')?$select=id,accountEnabled",
            "/servicePrincipals(appId='9115dd05')",
            "/groups?$search=%22displayName:Help%20desk%22&$select=id,displayName&$top=2",
        ]
    );
    let seen = server.seen();
    assert_eq!(seen.len(), 1, "one round trip");
    assert_eq!(
        (seen[0].method.as_str(), seen[0].target.as_str()),
        ("POST", "/v1.0/$batch")
    );
    let sent = seen[0].json();
    assert!(
        sent["requests"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["method"] == "GET")
    );
    assert_eq!(
        sent["requests"][3]["headers"]["ConsistencyLevel"],
        "eventual"
    );
}

#[tokio::test]
async fn a_batch_resends_only_the_sub_requests_that_failed_with_not_now() {
    let server = ScriptServer::start(batch_echo).await;
    let graph = client(server.base.clone(), FixedToken::new("t"), fast_options());
    let started = Instant::now();
    let answers = graph.batch(&four_reads()).await.unwrap();
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "the sub-request's Retry-After"
    );
    let seen = server.seen();
    assert_eq!(seen.len(), 2);
    let resent: Vec<Value> = seen[1].json()["requests"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(resent.len(), 1);
    assert_eq!(resent[0]["id"], "2");
    let results: Vec<_> = answers.into_iter().map(|a| a.into_result()).collect();
    assert!(results[0].is_ok() && results[1].is_ok() && results[3].is_ok());
    let missing = results[2].as_ref().unwrap_err();
    assert!(missing.is_not_found());
    assert_eq!(
        missing.service().and_then(|e| e.request_id.as_deref()),
        Some("sub-3")
    );
}
