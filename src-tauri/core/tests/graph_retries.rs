//! Retries, the token refresh and the once-only POST, against a scripted server that fails
//! exactly when and how a test needs.

mod graph_support;

use pindesk_core::Failure;
use std::sync::Arc;
use std::time::{Duration, Instant};

use graph_support::*;
use pindesk_core::graph::{
    AmbiguityReason, ErrorKind, GraphError, GraphOptions, GraphRequest, ResourcePath, Sent,
};
use serde_json::{Value, json};

fn organization() -> GraphRequest {
    GraphRequest::get(ResourcePath::new("organization")).select(&["id", "displayName"])
}

fn ok_organization() -> Script {
    Script::json(
        200,
        json!({"value": [{"id": "tenant-1", "displayName": "Contoso"}]}),
    )
}

fn graph_error(status: u16, code: &str, message: &str) -> Script {
    Script::json(
        status,
        json!({"error": {"code": code, "message": message,
            "innerError": {"date": "2026-11-25T09:14:03", "request-id": "req-1"}}}),
    )
    .with_header("request-id", "req-1")
}

fn reset_path() -> ResourcePath {
    ResourcePath::new("deviceManagement/managedDevices")
        .id("device-1")
        .then("resetPasscode")
}

#[tokio::test]
async fn a_429_waits_at_least_the_retry_after() {
    let server = ScriptServer::start(|_, n| match n {
        0 => graph_error(429, "TooManyRequests", "slow down").with_header("Retry-After", "2"),
        _ => ok_organization(),
    })
    .await;
    let tokens = FixedToken::new("token-a");
    let graph = client(server.base.clone(), tokens, fast_options());
    let started = Instant::now();
    let body: Value = graph.get(&organization()).await.unwrap();
    assert!(
        started.elapsed() >= Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(body["value"][0]["id"], "tenant-1");
    assert_eq!(server.seen().len(), 2);
}

#[tokio::test]
async fn a_retry_after_beyond_the_cap_is_reported_as_throttled_instead_of_waited() {
    let server = ScriptServer::start(|_, _| {
        graph_error(429, "TooManyRequests", "slow down").with_header("Retry-After", "600")
    })
    .await;
    let graph = client(server.base.clone(), FixedToken::new("t"), fast_options());
    let started = Instant::now();
    let error = graph.get::<Value>(&organization()).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(error.kind(), ErrorKind::Throttled);
    assert_eq!(error.failure_kind(), "throttled");
    assert_eq!(
        error.retry_after_seconds(),
        Some(600),
        "the window says how long to wait"
    );
    assert_eq!(server.seen().len(), 1);
}

#[tokio::test]
async fn gets_back_off_through_503_504_and_dropped_connections() {
    let server = ScriptServer::start(|_, n| match n {
        0 => graph_error(503, "ServiceUnavailable", "busy"),
        1 => Script::Drop,
        2 => graph_error(504, "GatewayTimeout", "slow"),
        _ => ok_organization(),
    })
    .await;
    let graph = client(server.base.clone(), FixedToken::new("t"), fast_options());
    let body: Value = graph.get(&organization()).await.unwrap();
    assert_eq!(body["value"][0]["displayName"], "Contoso");
    let seen = server.seen();
    assert_eq!(seen.len(), 4);
    let ids: Vec<&str> = seen
        .iter()
        .filter_map(|s| s.header("client-request-id"))
        .collect();
    assert_eq!(ids.len(), 4);
    assert!(
        ids.iter().all(|id| *id == ids[0]),
        "one call keeps one client-request-id: {ids:?}"
    );
}

#[tokio::test]
async fn retries_stop_at_the_attempt_cap_with_the_last_error() {
    let server =
        ScriptServer::start(|_, _| graph_error(503, "ServiceUnavailable", "still busy")).await;
    let options = GraphOptions {
        max_attempts: 3,
        ..fast_options()
    };
    let graph = client(server.base.clone(), FixedToken::new("t"), options);
    let error = graph.get::<Value>(&organization()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ServiceError);
    assert_eq!(error.status(), Some(503));
    assert_eq!(server.seen().len(), 3);
}

#[tokio::test]
async fn a_401_with_an_invalid_token_refreshes_once_and_retries_once() {
    let server = ScriptServer::start(|seen, _| match seen.header("authorization") {
        Some("Bearer fresh") => ok_organization(),
        _ => graph_error(
            401,
            "InvalidAuthenticationToken",
            "Lifetime validation failed",
        ),
    })
    .await;
    let tokens = Arc::new(SwitchingToken::default());
    let graph = client(server.base.clone(), tokens.clone(), fast_options());
    let body: Value = graph.get(&organization()).await.unwrap();
    assert_eq!(body["value"][0]["id"], "tenant-1");
    assert_eq!(tokens.forced(), 1);
    assert_eq!(server.seen().len(), 2);
}

#[tokio::test]
async fn a_token_refused_again_after_the_refresh_means_the_session_expired() {
    let server = ScriptServer::start(|_, _| {
        graph_error(
            401,
            "InvalidAuthenticationToken",
            "Access token validation failure.",
        )
    })
    .await;
    let tokens = FixedToken::new("revoked");
    let graph = client(server.base.clone(), tokens.clone(), fast_options());
    let error = graph.get::<Value>(&organization()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::SessionExpired);
    assert_eq!(tokens.forced(), 1, "one refresh only");
    assert_eq!(server.seen().len(), 2, "one retry only");
}

#[tokio::test]
async fn a_claims_challenge_is_surfaced_without_refreshing_or_retrying() {
    let challenge =
        r#"Bearer realm="", error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnt9fQ==""#;
    let server = ScriptServer::start(move |_, _| {
        graph_error(
            401,
            "InvalidAuthenticationToken",
            "Continuous access evaluation",
        )
        .with_header("WWW-Authenticate", challenge)
    })
    .await;
    let tokens = FixedToken::new("t");
    let graph = client(server.base.clone(), tokens.clone(), fast_options());
    let error = graph.get::<Value>(&organization()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ClaimsChallenge);
    assert_eq!(
        error.claims_challenge(),
        Some("eyJhY2Nlc3NfdG9rZW4iOnt9fQ==")
    );
    assert_eq!(error.failure_kind(), "claimsChallenge");
    assert_eq!(tokens.forced(), 0);
    assert_eq!(server.seen().len(), 1);
    assert_eq!(
        *tokens.challenged.lock().unwrap(),
        ["eyJhY2Nlc3NfdG9rZW4iOnt9fQ=="],
        "the challenge goes back to the sign-in for its next authorize request"
    );
}

#[tokio::test]
async fn post_once_answers_204_as_completed() {
    let server = ScriptServer::start(|_, _| Script::Respond {
        status: 204,
        headers: Vec::new(),
        body: String::new(),
    })
    .await;
    let graph = client(server.base.clone(), FixedToken::new("t"), fast_options());
    let sent = graph
        .post_once::<Value, ()>(&reset_path(), None)
        .await
        .unwrap();
    assert!(matches!(sent, Sent::Completed(())));
    let seen = server.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].method, "POST");
    assert_eq!(
        seen[0].target,
        "/v1.0/deviceManagement/managedDevices/device-1/resetPasscode"
    );
    assert_eq!(seen[0].header("content-length"), Some("0"));
    assert_eq!(
        seen[0].header("content-type"),
        None,
        "no body, so no JSON Content-Type (as Microsoft's SDKs send resetPasscode)"
    );
    assert!(seen[0].body.is_empty());
}

#[tokio::test]
async fn post_once_is_ambiguous_after_a_5xx_and_never_resends() {
    for status in [500, 502, 503, 504] {
        let server =
            ScriptServer::start(move |_, _| graph_error(status, "ServiceUnavailable", "busy"))
                .await;
        let graph = client(server.base.clone(), FixedToken::new("t"), fast_options());
        let before = std::time::SystemTime::now();
        let sent = graph
            .post_once::<Value, ()>(&reset_path(), None)
            .await
            .unwrap();
        let Sent::Ambiguous(ambiguity) = sent else {
            panic!("{status} must be ambiguous")
        };
        assert!(ambiguity.sent_at >= before);
        assert!(matches!(&ambiguity.reason, AmbiguityReason::ServerError(e) if e.status == status));
        assert_eq!(ambiguity.into_error().status(), Some(status));
        assert_eq!(server.seen().len(), 1, "status {status}");
    }
}

#[tokio::test]
async fn post_once_is_ambiguous_when_the_connection_drops_or_times_out() {
    let dropped = ScriptServer::start(|_, _| Script::Drop).await;
    let graph = client(dropped.base.clone(), FixedToken::new("t"), fast_options());
    let sent = graph
        .post_once::<Value, ()>(&reset_path(), None)
        .await
        .unwrap();
    assert!(
        matches!(sent, Sent::Ambiguous(ref a) if matches!(a.reason, AmbiguityReason::NoAnswer(_)))
    );
    assert_eq!(dropped.seen().len(), 1);

    let hanging = ScriptServer::start(|_, _| Script::Hang).await;
    let options = GraphOptions {
        request_timeout: Duration::from_millis(300),
        ..fast_options()
    };
    let graph = client(hanging.base.clone(), FixedToken::new("t"), options);
    let sent = graph
        .post_once::<Value, ()>(&reset_path(), None)
        .await
        .unwrap();
    let Sent::Ambiguous(ambiguity) = sent else {
        panic!("a timeout must be ambiguous")
    };
    let error = ambiguity.into_error();
    assert_eq!(error.kind(), ErrorKind::Network);
    assert!(error.to_string().contains("timed out"), "{error}");
    assert_eq!(hanging.seen().len(), 1);
}

#[tokio::test]
async fn post_once_reports_definite_failures_as_errors_without_resending() {
    let throttled = ScriptServer::start(|_, _| {
        graph_error(429, "TooManyRequests", "slow down").with_header("Retry-After", "1")
    })
    .await;
    let graph = client(throttled.base.clone(), FixedToken::new("t"), fast_options());
    let error = graph
        .post_once::<Value, ()>(&reset_path(), None)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Throttled);
    assert_eq!(throttled.seen().len(), 1);

    // Nothing listens: the request never left, which is definite too.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = url::Url::parse(&format!("http://{}/", closed.local_addr().unwrap())).unwrap();
    drop(closed);
    let graph = client(base, FixedToken::new("t"), fast_options());
    let error = graph
        .post_once::<Value, ()>(&reset_path(), None)
        .await
        .unwrap_err();
    assert!(
        matches!(error, GraphError::Network { sent: false, .. }),
        "{error:?}"
    );
}

#[tokio::test]
async fn post_once_refreshes_a_rejected_token_once_because_graph_ran_nothing() {
    let server = ScriptServer::start(|seen, _| match seen.header("authorization") {
        Some("Bearer fresh") => Script::json(201, json!({"id": "profile-1"})),
        _ => graph_error(401, "InvalidAuthenticationToken", "expired"),
    })
    .await;
    let tokens = Arc::new(SwitchingToken::default());
    let graph = client(server.base.clone(), tokens.clone(), fast_options());
    let path = ResourcePath::new("deviceManagement/deviceConfigurations");
    let sent = graph
        .post_once::<Value, Value>(&path, Some(&json!({"displayName": "x"})))
        .await;
    let Ok(Sent::Completed(created)) = sent else {
        panic!("{sent:?}")
    };
    assert_eq!(created["id"], "profile-1");
    assert_eq!(tokens.forced(), 1);
    let seen = server.seen();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[1].json(), json!({"displayName": "x"}));
    assert_eq!(seen[1].header("content-type"), Some("application/json"));
}

/// Hands out `stale` until asked for a fresh token, then `fresh`.
#[derive(Debug, Default)]
struct SwitchingToken {
    forced: std::sync::atomic::AtomicUsize,
}

impl SwitchingToken {
    fn forced(&self) -> usize {
        self.forced.load(std::sync::atomic::Ordering::SeqCst)
    }
}

impl pindesk_core::graph::TokenSource for SwitchingToken {
    fn access_token(&self, force_refresh: bool) -> pindesk_core::graph::TokenFuture<'_> {
        if force_refresh {
            self.forced
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
        let value = if self.forced() > 0 { "fresh" } else { "stale" };
        Box::pin(async move { Ok(pindesk_core::graph::BearerToken::new(value)) })
    }
}
