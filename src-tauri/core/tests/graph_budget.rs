//! An interactive wait has a budget: retries and `Retry-After` included, a read gives up with a
//! clear error when the budget is spent, and sends nothing more; a search that a newer one
//! replaced is cancelled. The budget here is short so the tests take a second, not a minute.

mod graph_support;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use graph_support::*;
use pindesk_core::graph::{
    CancellationToken, GraphError, GraphRequest, INTERACTIVE_BUDGET, ResourcePath, Superseding,
    within_budget,
};
use serde_json::{Value, json};

fn devices() -> GraphRequest {
    GraphRequest::get(ResourcePath::new("deviceManagement/managedDevices")).select(&["id"])
}

fn busy() -> Script {
    Script::json(
        429,
        json!({"error": {"code": "TooManyRequests", "message": "slow down"}}),
    )
    .with_header("Retry-After", "1")
}

/// Raises its flag when dropped: the read it travels with is gone, and with it anything that
/// could still send.
struct Gone(Arc<AtomicBool>);

impl Drop for Gone {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

#[test]
fn the_budget_of_a_person_waiting_is_at_most_a_minute() {
    assert!(INTERACTIVE_BUDGET <= Duration::from_secs(60));
}

#[tokio::test]
async fn a_read_that_keeps_being_throttled_gives_up_when_the_budget_is_spent_and_sends_no_more() {
    let server = ScriptServer::start(|_, _| busy()).await;
    let graph = client(server.base.clone(), FixedToken::new("t"), fast_options());
    let cancel = CancellationToken::new();
    let budget = Duration::from_millis(1500);
    let gone = Arc::new(AtomicBool::new(false));
    let read = {
        let (guard, cancel) = (Gone(gone.clone()), cancel.clone());
        async move {
            let _guard = guard;
            graph.get_all::<Value>(&devices(), &cancel).await
        }
    };
    let started = Instant::now();
    let result = within_budget(budget, &cancel, read).await;
    let took = started.elapsed();
    let error = result.unwrap_err();
    assert!(matches!(error, GraphError::TookTooLong(_)), "{error:?}");
    assert!(
        took < budget + Duration::from_millis(500),
        "gave up after {took:?}"
    );
    let kind = pindesk_core::Failure::failure_kind(&error);
    assert_eq!(kind, pindesk_core::FailureKind::TookTooLong);
    // Without the budget this would go on for twelve attempts; it stopped instead. The client
    // sends only from inside the read, so once the read is dropped it starts no request again.
    assert!(
        gone.load(Ordering::SeqCst),
        "the read lives on after giving up"
    );
    assert!(cancel.is_cancelled());
    let sent = server.seen().len();
    assert!((1..=3).contains(&sent), "{sent} requests");
}

#[tokio::test]
async fn a_read_within_the_budget_is_not_touched() {
    let server = ScriptServer::start(|_, n| match n {
        0 => busy(),
        _ => Script::json(200, json!({"value": [{"id": "d-1"}]})),
    })
    .await;
    let graph = client(server.base.clone(), FixedToken::new("t"), fast_options());
    let cancel = CancellationToken::new();
    let request = devices();
    let read = graph.get_all::<Value>(&request, &cancel);
    let collected = within_budget(Duration::from_secs(5), &cancel, read)
        .await
        .unwrap();
    assert_eq!(collected.items.len(), 1);
    assert!(!cancel.is_cancelled());
}

#[tokio::test]
async fn a_newer_search_cancels_the_one_still_retrying() {
    let server = ScriptServer::start(|_, _| busy()).await;
    let graph = client(server.base.clone(), FixedToken::new("t"), fast_options());
    let searches = Superseding::default();
    let first = searches.start();
    let old = {
        let graph = graph.clone();
        let first = first.clone();
        tokio::spawn(async move { graph.get_all::<Value>(&devices(), &first).await })
    };
    // The old search has its first "not now" and is waiting to try again.
    server.until_answered(1).await;
    let second = searches.start();
    let error = tokio::time::timeout(Duration::from_millis(500), old)
        .await
        .expect("the old search stopped at once")
        .unwrap()
        .unwrap_err();
    assert!(matches!(error, GraphError::Cancelled), "{error:?}");
    assert!(first.is_cancelled() && !second.is_cancelled());
    // A next page belongs to the newest search and goes with it.
    let page = searches.follow_up();
    searches.start();
    assert!(page.is_cancelled());
}
